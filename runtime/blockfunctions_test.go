package runtime

import (
	"strings"
	"testing"
)

func TestHasSloppyBlockFunction(t *testing.T) {
	for src, want := range map[string]bool{
		"if (x) { function f() {} }":                                true,
		"if (a(b)) {\n  function f() {}\n}":                         true,
		"try { function f() {} } catch (e) {}":                      true,
		"for (;;) { function f() {} break }":                        true,
		"while (x) { function f() {} }":                             true,
		"if (x) {} else { function f() {} }":                        true,
		"function g(a) { function f() {} }":                         false, // a function body
		"'use strict';\nif (x) { function f() {} }":                 false,
		"/* c */ \"use strict\"; if (x) { function f() {} }":        false,
		"function g() { 'use strict'; if (x) { function f() {} } }": false,
		"if (x) { var f = function g() {} }":                        false, // an expression
		"if (x) { async function f() {} }":                          false, // not hoisted
		"if (x) { function* f() {} }":                               false,
		"var s = `if (x) { function f() {} }`;":                     false, // template text
		"var s = 'if (x) { function f() {} }';":                     false,
		"// if (x) { function f() {} }":                             false,
		"var o = { m() { if (x) { return } }, n: function f() {} }": false,
		"class C { m() { if (x) { function f() {} } } }":            false, // class code is strict
		"x = a / b; if (/}/.test(s)) { function f() {} }":           true,
		"if (x) { a(); }\nfunction f() {}":                          false,
	} {
		if got := hasSloppyBlockFunction(src); got != want {
			t.Errorf("hasSloppyBlockFunction(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestNameBlockFunctions(t *testing.T) {
	tr, err := runTransform("if (x) { function f1() { return 1 } }\nf1();\n", "a.js", "js", false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.code, "function f1(") {
		t.Errorf("the block function keeps no name:\n%s", tr.code)
	}
}
