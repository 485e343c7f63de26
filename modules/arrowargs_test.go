package modules

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

func TestFixArguments(t *testing.T) {
	cases := map[string]string{
		"function f(a, b) { return (() => arguments.length)(); } f(1, 2)":                   "2",
		"function f(a) { 'use strict'; a = 2; return (() => arguments[0])(); } f(1)":        "1",
		"function f() { return [1].map(() => () => arguments[0])[0](); } f(5)":              "5",
		"({ m(a) { return (() => ({ arguments }))().arguments[0]; } }).m(7)":                "7",
		"class C { m(a) { return (() => arguments[1])(); } } new C().m(1, 3)":               "3",
		"function f() { return function () { return (() => arguments[0])(); }(4); } f(9)":   "4",
		"function f() { const o = { arguments: 6 }; return (() => o.arguments)(); } f()":    "6",
		"var x = 1; (function () { return (() => arguments.length)(); })(1, 2, 3) + x":      "4",
		"function f(a, b) { return (() => { a; return arguments.length; })(); } f(1, 2, 3)": "3",
		// extra arguments must not land in closure-captured variables
		"function f() { arguments; var e; return [e, () => e][0]; } String(f(1, 2))":                                                         "undefined",
		"function f() { var e, g; function h() { return e + g; } return [e, g, arguments[0]]; } String(f(1, 2))":                             ",,1",
		"function f(a) { 'use strict'; var b; var c = 3; var t = () => a + b + c + arguments.length; return [a, b, c]; } String(f(1, 2, 3))": "1,,3",
		"function f(a) { var a; var f2 = () => a; return [a, arguments.length]; } String(f(1, 2))":                                           "1,2",
		"function f() { var g; function g() {} var h = () => g; arguments; return typeof g; } f(1, 2)":                                       "function",
		"function f() { var {x, y: [z]} = {x: 1, y: [2]}, w; var t = () => w; arguments; return [x, z, w]; } String(f(7, 8, 9))":             "1,2,",
		"function f() { var r = () => e; var v = r(); var e = 5; arguments; return [v, e]; } String(f('H'))":                                 ",5",
		"class C { m() { for (var i = 0, k; i < 1; i++); var t = () => k; return [k, arguments.length]; } } String(new C().m(4, 5))":         ",2",
		"var g = (x) => { var e; eval(''); return String(e); }; g(1, 2)":                                                                     "undefined",
		"function* gen() { arguments; var e; yield [e, () => e][0]; } String(gen(7).next().value)":                                           "undefined",
		// an empty case clause near arguments (goja cannot give its end) leaves the walk going
		"function f() { switch (arguments.length) { case 0: case 1: break; } var e; return [e, () => e][0]; } String(f(1, 2))": "undefined",
	}
	runFixCases(t, cases, FixArguments)
	for src, want := range cases {
		// the source form gives the same
		v, err := goja.New().RunString(FixArgumentsSource(src))
		if err != nil || v.String() != want {
			t.Errorf("source form of %s: %v %v, want %s", src, v, err, want)
		}
	}
}

// runFixCases parses each source, applies fix, runs it and compares the result's string.
func runFixCases(t *testing.T, cases map[string]string, fix func(*ast.Program, string)) {
	t.Helper()
	for src, want := range cases {
		prg, err := parser.ParseFile(nil, "", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		fix(prg, src)
		p, err := goja.CompileAST(prg, false)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		v, err := goja.New().RunProgram(p)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if v.String() != want {
			t.Errorf("%s: %s, want %s", src, v, want)
		}
	}
}

func TestFixArgumentsBody(t *testing.T) {
	cases := []struct{ params, body, want string }{
		{"a", "var e; arguments; return String([e, () => e][0]);", "undefined"},
		{"", "'use strict';\nvar e; var t = () => e + arguments.length; return String(e);", "undefined"},
		{"", "function g() { var e; arguments; return [e, () => e][0]; }\nreturn String(g(1, 2));", "undefined"},
		{"a, b", "return a + b;", "3"},
	}
	for _, c := range cases {
		body := FixArgumentsBody(c.params, c.body)
		if strings.Count(body, "\n") != strings.Count(c.body, "\n") {
			t.Errorf("%q: lines moved: %q", c.body, body)
		}
		v, err := goja.New().RunString("(function (" + c.params + "\n) {\n" + body + "\n})(1, 2, 3)")
		if err != nil || v.String() != c.want {
			t.Errorf("%q -> %q: %v %v, want %s", c.body, body, v, err, c.want)
		}
	}
}

func TestFixLogicalAssign(t *testing.T) {
	cases := map[string]string{
		"function* g() { let a; a ??= yield 1; return a; } const it = g(); it.next(); String(it.next(9).value)":                           "9",
		"function* g() { let a = 1; a &&= yield 1; return a; } const it = g(); it.next(); String(it.next(7).value)":                       "7",
		"function* g() { let a = 1; a ||= yield 1; return a; } const it = g(); String(it.next().done)":                                    "true",
		"function* g(o) { o.x ??= yield 1; return o.x; } const it = g({}); it.next(); String(it.next(3).value)":                           "3",
		"function* g() { let a; a ??= (yield 1) + (yield 2); return a; } const it = g(); it.next(); it.next(1); String(it.next(2).value)": "3",
	}
	runFixCases(t, cases, FixLogicalAssign)
}
