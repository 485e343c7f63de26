package runtime

import "testing"

func TestNamespaceInfo(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"__export(m_exports, {\n  a: () => a,\n  b: () => b,\n  c: () => c\n});\nlet a = 1;\na = 2;\nlet b = 1;\nfunction set() { b = 3; }\nconst c = 0;\n", `{"a":0,"b":1,"c":0}`},
		{"__export(m_exports, {\n  x: () => x,\n  y: () => y\n});\nvar x, y;\nconst f = () => { [x, { k: y = 1 }] = g(); };\n", `{"x":1,"y":1}`},
		{"__export(m_exports, {\n  o: () => o,\n  n: () => n\n});\nconst o = {};\nlet n = 0;\nclass A { m() { o.k = 1; n++; } }\n", `{"n":1,"o":0}`},
		{"__export(m_exports, {\n  r: () => import_d.r,\n  s: () => import_d.s.t\n});\nvar import_d = __gojs_require(\"./d.mjs\");\n", `{"r":["./d.mjs","r"],"s":1}`},
		{"__export(m_exports, {\n  e: () => e\n});\nlet e = 1;\nfunction f(s) { eval(s); }\n", ``},
		{"let x = 1;\n", ``},
	} {
		if got := namespaceInfo(c.code); got != c.want {
			t.Errorf("namespaceInfo(%q) = %s, want %s", c.code, got, c.want)
		}
	}
}
