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

func TestClassBodyBefore(t *testing.T) {
	for _, c := range []struct {
		before, name string
		ok           bool
	}{
		{"class Foo ", "Foo", true},
		{"class Foo extends Bar ", "Foo", true},
		{"class Foo extends lib.Base", "Foo", true},
		{"const Foo = class ", "Foo", true},
		{"x = class extends Base ", "x", true},
		{"export default class ", "", true},
		{"class Foo { m() ", "", false},
		{"class A {}\nif (x) ", "", false},
		{"function f() ", "", false},
		{"else ", "", false},
	} {
		name, ok := classBodyBefore(c.before)
		if name != c.name || ok != c.ok {
			t.Errorf("classBodyBefore(%q) = %q, %v; want %q, %v", c.before, name, ok, c.name, c.ok)
		}
	}
}
