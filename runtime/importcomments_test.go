package runtime

import "testing"

func TestLowerCommentedImports(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a(Promise.resolve().then(() => (\n  /* c */\n  __toESM(require(x))\n)));",
			"a((__gojs_import((\n  /* c */\n  x))\n ));"},
		{"Promise.resolve().then(() => (\n  /* c */\n  __toESM(require(f(y)), 1)\n));",
			"(__gojs_import((\n  /* c */\n  f(y)))\n );"},
		{"Promise.resolve().then(() => (\n  // l\n  require(\"p\")\n))",
			"(__gojs_import((\n  // l\n  \"p\"))\n )"},
		// the one-line form, and what is not an import, stay as they are
		{"Promise.resolve().then(() => __toESM(require(x)))", "Promise.resolve().then(() => __toESM(require(x)))"},
		{"Promise.resolve().then(() => (\n /* c */ other(x)\n))", "Promise.resolve().then(() => (\n /* c */ other(x)\n))"},
	} {
		if got := lowerCommentedImports(c.in); got != c.want {
			t.Errorf("lowerCommentedImports(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
