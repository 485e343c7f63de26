package runtime

import (
	"strings"
	"testing"
)

func TestMarkAsyncGeneratorsFastPath(t *testing.T) {
	code := "const f = function() {\n  return 1;\n};\n"
	if got := markAsyncGenerators(code); got != code {
		t.Fatalf("changed code without async generators:\n%s", got)
	}
}

func TestMarkAsyncGeneratorsForms(t *testing.T) {
	src := "const f = async function* () { yield 1; };\nasync function* d() {}\nconst o = { async *m() {} };\nexport default f;\n"
	raw, err := runTransform(src, "x.mjs", "js", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"__gojs_ag.f(function __gojs_ag1() {", "}, \"f\");", "__gojs_ag.d(d); function d() {", "return __asyncGenerator.call(d, this, ", "const o = { m() {"} {
		if !strings.Contains(raw.code, want) {
			t.Errorf("missing %q in\n%s", want, raw.code)
		}
	}
}

func TestInferredName(t *testing.T) {
	for prefix, want := range map[string]string{
		"const f = ": "f", "x = ": "x", "a.b = ": "", "{ k: ": "k", "  k: ": "k", "c ? a : ": "",
		"x += ": "", "x == ": "", "foo(": "", "let a = 1, b = ": "b", "x[0] = ": "",
	} {
		if got := inferredName(prefix); got != want {
			t.Errorf("inferredName(%q) = %q, want %q", prefix, got, want)
		}
	}
}
