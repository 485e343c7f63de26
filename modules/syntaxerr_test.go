package modules

import (
	"testing"

	"github.com/dop251/goja"
)

func TestV8SyntaxError(t *testing.T) {
	for src, want := range map[string]string{
		"}":                 "Unexpected token '}'",
		"foo(1, 2":          "missing ) after argument list",
		"a.b(":              "Unexpected end of input",
		`"abc`:              "Invalid or unexpected token",
		"a b":               "Unexpected identifier 'b'",
		"function(){}":      "Function statements require a function name",
		"1++":               "Invalid left-hand side expression in postfix operation",
		"++1":               "Invalid left-hand side expression in prefix operation",
		"await 1":           "await is only valid in async functions and the top level bodies of modules",
		"import x from 'y'": "Cannot use import statement outside a module",
	} {
		_, err := goja.Compile("x", src, false)
		se, ok := V8SyntaxError(err, src)
		if !ok || se.Message != want {
			t.Errorf("%q: %q, want %q", src, se.Message, want)
		}
	}
}

func FuzzV8SyntaxError(f *testing.F) {
	for _, s := range []string{"}", "foo(1, 2", `"\u{zz}`, "a\n.b(", "function(){}", "x = `a", "/*", "'\\x4'", "f(a\n\n", "#x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := goja.Compile("x", src, false); err != nil {
			V8SyntaxError(err, src)
		}
		V8FromEsbuild(`Expected ")" but found "x"`, src, 1, len(src)/2+1)
		V8FromEsbuild("Unterminated string literal", src, 2, 3)
		UnbalancedCloser(src)
	})
}
