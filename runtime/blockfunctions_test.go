package runtime

import (
	"strings"
	"testing"
)

func TestSloppyBlockFunctions(t *testing.T) {
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
		"if (x) { a(); function f() {} }":                           true, // not first in its block
		"if (x) { a(); } function f() {}":                           false,
		"{ function f() {} }":                                       true, // a block of its own
		"g(); { function f() {} }":                                  true,
		"if (x) { /* c */ function f() {} }":                        true,
		"if (x) {\n  // c\n  function f() {}\n}":                    true,
		"if (x) {\n  a(); // c\n  function f() {}\n}":               true,
		"// if (x) { a(); function f() {} }\nvar y;":                false,
		"switch (x) { case 1: function f() {} }":                    true,
		"var o = { a: function f() {} };":                           false,
		"label: { function f() {} }":                                true, // a labelled block
		"g(); x: y: { function f() {} }":                            true,
		"switch (x) { default: { function f() {} } }":               true,
		"var o = { a: { b: function f() {} } };":                    false,
		"x = c ? d : { e: function f() {} };":                       false,
	} {
		if got := len(sloppyBlockFunctions(src, true)) > 0; got != want {
			t.Errorf("sloppyBlockFunctions(%q) found %v, want %v", src, got, want)
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

func TestFixBlockFunctionsSource(t *testing.T) {
	for src, want := range map[string]string{
		"(function (a) {\nif (a) { function f() {} }\nreturn f\n})": "(function (a) {\nif (a) { function f() {};f\u200cab(f); }\nreturn f\n;var f;function f\u200cab(v\u200c){f=v\u200c}})",
		"(function (f) {\nif (a) { function f() {} }\n})":           "(function (f) {\nif (a) { function f() {} }\n})", // a parameter
		// the code's top level: the var, and a let helper before the statement
		"g(); if (a) { function f() {} } f()": "g(); var f;let f\u200cab=(v\u200c)=>{f=v\u200c};if (a) { function f() {};let{}=[f\u200cab(f)]; } f()",
		// (at the end of the statement before, when a line ends between)
		"g()\n  if (a) { function f() {} } f()":                       "g();var f;let f\u200cab=(v\u200c)=>{f=v\u200c};\n  if (a) { function f() {};let{}=[f\u200cab(f)]; } f()",
		"// c\n{ function f() {} }":                                   ";var f;let f\u200cab=(v\u200c)=>{f=v\u200c};// c\n{ function f() {};let{}=[f\u200cab(f)]; }",
		"x: { function f() {} function h() {} }\n{ function f() {} }": "var f;let f\u200cab=(v\u200c)=>{f=v\u200c};var h;let h\u200cab=(v\u200c)=>{h=v\u200c};x: { function f() {};let{}=[f\u200cab(f)]; function h() {};let{}=[h\u200cab(h)]; }\n{ function f() {};let{}=[f\u200cab(f)]; }",
		"let f; { function f() {} }":                                  "let f; { function f() {} }", // a let of its name
		"(function () { 'use strict'; { function f() {} } })":         "(function () { 'use strict'; { function f() {} } })",
	} {
		if got := fixBlockFunctionsSource(src); got != want {
			t.Errorf("fixBlockFunctionsSource(%q) =\n%q, want\n%q", src, got, want)
		}
	}
}
