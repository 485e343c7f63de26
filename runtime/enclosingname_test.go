package runtime

import (
	"strings"
	"testing"
)

func TestFuncScopes(t *testing.T) {
	src := "function Foo(a, b) {\n" +
		"  const re = /[{}'\"`]/g, d = a / b / 2; // } a comment's brace\n" +
		"  /* { */ const s = '}', u = \"{\", v = `${ {a: '}'}.a }{`;\n" +
		"  if (a) { q.x = function () {}; }\n" +
		"  function bar() { q.y = function () {}; }\n" +
		"  [1].map(() => { q.z = function () {}; });\n" +
		"  const Baz = function Qux() { q.w = function () {}; };\n" +
		"}\n" +
		"q.v = function () {};\n"
	var s stackAPI
	for _, c := range []struct{ at, want string }{
		{"q.x = function", "Foo."},
		{"q.y = function", ""},
		{"q.z = function", ""},
		{"q.w = function", "Qux."},
		{"q.v = function", ""},
	} {
		i := strings.Index(src, c.at)
		if got := s.enclosingPrefix(src, i+len("q.x = ")); got != c.want {
			t.Errorf("%s: enclosingPrefix = %q, want %q", c.at, got, c.want)
		}
	}
}
