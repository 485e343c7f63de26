package modules

import (
	"testing"
)

func TestFixNewTarget(t *testing.T) {
	cases := map[string]string{
		"function f() { return new.target; } class A { constructor() { this.v = f(); } } String(new A().v)":                       "undefined",
		"function f() { return (() => new.target)(); } function B() { this.v = f(); } String(new B().v)":                          "undefined",
		"function F() { this.v = new.target === F; } new F().v":                                                                   "true",
		"function F() { this.v = new . target === G; } class G extends F {} new G().v":                                            "true",
		"class A { m() { return new.target; } constructor() { this.v = this.m(); } } String(new A().v)":                           "undefined",
		"const o = { get g() { return new.target; } }; class A { constructor() { this.v = o.g; } } String(new A().v)":             "undefined",
		"function* g() { yield new.target; } class A { constructor() { this.v = g().next().value; } } String(new A().v)":          "undefined",
		"class A { constructor() { this.v = (() => new.target)(); } } new A().v === A":                                            "true",
		"class A { constructor() { this.v = new.target; } } class B extends A {} new B().v === B":                                 "true",
		"function F() { if (!new.target) return new F(); this.ok = 1; } class A { constructor() { this.v = F(); } } new A().v.ok": "1",
		"var target = 1; target + 1": "2",
		// a plain function called as a method of the instance its caller's constructor makes
		"class A { constructor() { this.a = 1; this.v = this.f(); } } A.prototype.f = function () { return new.target; }; String(new A().v)": "undefined",
		"function F() { this.x = 1; this.v = new.target === F; } new F().v":                                                                  "true",
		"function F() { 'use strict'; this.r = (() => new.target)(); } new F().r === F":                                                      "true",
		"function F(a = new.target) { this.a = a === F; } new F().a":                                                                         "true",
		"function F() { const g = () => new.target; this.x = 1; return { r: g() === F }; } new F().r":                                        "true",
		"function F() { 'use strict'; var t = new.target; return typeof this + String(t); } F()":                                             "undefinedundefined",
	}
	runFixCases(t, cases, FixNewTarget)
}

func TestMentionsNewTarget(t *testing.T) {
	for src, want := range map[string]bool{"new.target": true, "new .\n target": true, "e.target": false, "renew.target": true, "target": false, "": false} {
		if got := MentionsNewTarget(src); got != want {
			t.Errorf("MentionsNewTarget(%q) = %v, want %v", src, got, want)
		}
	}
}
