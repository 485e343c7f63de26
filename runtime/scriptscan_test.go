package runtime

import "testing"

func TestHasKeywordNamedField(t *testing.T) {
	for src, want := range map[string]bool{
		"class A {\n  set = (k, v) => {};\n}": true,
		"class A { get = 1 }":                 true,
		"class A { static async = 2 }":        true,
		"class A { x = 1; async\t= 3 }":       true,
		"class A { get x() { return 1 } }":    false,
		"class A { async f() {} }":            false,
		"const ok = a.get == b":               false,
		"map.set = f":                         false,
		"const offset = 3":                    false,
		"reset = 1":                           false,
		"const f = async => 1":                false,
		"if (x) {} else set = 2":              false,
		"let set\nset = new Set()":            true, // a plain assignment: lowered for nothing
		"class A { static get = 'g' }":        true,
		"class A { unstatic get = 1 }":        false,
		"x.$get = 1; _set = 2; async$ = 3":    false,
		"class A { #set = 1; get [k]() {} }":  false,
		"class A { set\n= 1 }":                false, // (a line break before = is left to goja)
	} {
		if got := hasKeywordNamedField(src); got != want {
			t.Errorf("hasKeywordNamedField(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestMentionsRegExpStatics(t *testing.T) {
	for src, want := range map[string]bool{
		"var d = RegExp.$1":           true,
		"RegExp['$&']":                true,
		`RegExp["$'"]`:                true,
		"x = RegExp.lastMatch":        true,
		"RegExp.input = s":            true,
		"new RegExp('a').exec(s)":     false,
		"RegExp.prototype.exec":       false,
		"if (x instanceof RegExp) {}": false,
	} {
		if got := mentionsRegExpStatics(src); got != want {
			t.Errorf("mentionsRegExpStatics(%q) = %v, want %v", src, got, want)
		}
	}
}
