package modules

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

func TestFixArrowArguments(t *testing.T) {
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
	}
	runFixCases(t, cases, FixArrowArguments)
	for src, want := range cases {
		// the source form gives the same
		v, err := goja.New().RunString(FixArrowArgumentsSource(src))
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
