package modules

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// lazyHelpersGlue has helpers named only by moved functions (helperA, helperB, the listener),
// one named at top level (shared) and one named by a function that stays (kept, named by stays),
// and prototype
// methods of which one (E.prototype.n) is mentioned again at top level after it is set.
const lazyHelpersGlue = `'use strict';
function helperA(x) { return 'A' + x; }
function helperB() { return helperA('b') + kept(); }
function shared() { return 1; }
function kept() { return 'k'; }
function listener() { return 'l'; }
const top = shared();
function stays() { return kept(); }
const staysAtLoad = typeof stays;
function f1() { return helperA(1); }
function f2() { return helperB(); }
function getA() { return helperA; }
function on() { return listener; }
function off() { return listener; }
function E() {}
E.prototype.m = function m() { return helperA('m'); };
E.prototype.n = function n() { return 'n'; };
const nAtLoad = typeof E.prototype.n;
module.exports = { f1, f2, getA, on, off, E, top, stays, nAtLoad, staysAtLoad };
`

func runLazyGlue(t *testing.T, src string) string {
	t.Helper()
	vm := goja.New()
	fnv, err := vm.RunString(lazyWrapPrefix + src + "\n})")
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	fn, _ := goja.AssertFunction(fnv)
	module := vm.NewObject()
	exports := vm.NewObject()
	module.Set("exports", exports)
	if _, err := fn(goja.Undefined(), exports, goja.Undefined(), module, vm.NewObject()); err != nil {
		t.Fatal(err)
	}
	vm.Set("m", module.Get("exports"))
	v, err := vm.RunString(`[m.f1(), m.f2(), m.getA() === m.getA(), m.getA()('x'), m.on() === m.off(), m.on().name,
		new m.E().m(), new m.E().n(), m.top, m.stays(), m.nAtLoad, Object.keys(m).join(),
		m.f1.toString(), m.getA().toString(), m.E.prototype.m.name].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	return v.String()
}

// TestLazyHelpers checks which helpers move into the maker's scope, that the glue behaves as
// written (the same helper object for every moved function that names it), and that a member
// the glue mentions again at its top level stays eager.
func TestLazyHelpers(t *testing.T) {
	out, keys := lazyExportsSource("lazyhelpers_test", lazyHelpersGlue)
	if len(keys) == 0 {
		t.Fatalf("nothing rewritten:\n%s", out)
	}
	i := strings.Index(out, "function "+lazyHelpersName+"() {")
	if i < 0 {
		t.Fatalf("no helpers moved:\n%s", out)
	}
	helpers := out[i:]
	helpers = helpers[:strings.Index(helpers, "function "+lazyMakerName)]
	for _, name := range []string{"helperA", "helperB", "listener"} {
		if !strings.Contains(helpers, "function "+name+"(") {
			t.Errorf("%s not moved:\n%s", name, out)
		}
	}
	for _, name := range []string{"shared", "kept", "stays"} {
		if strings.Contains(helpers, "function "+name+"(") || !strings.Contains(out[:i], "function "+name+"(") {
			t.Errorf("%s moved:\n%s", name, out)
		}
	}
	if !strings.Contains(out, "E.prototype.n = function n()") || strings.Contains(out, "E.prototype.m = function m()") {
		t.Errorf("E.prototype.n should stay and E.prototype.m move:\n%s", out)
	}
	if strings.Count(out, "\n") < strings.Count(lazyHelpersGlue, "\n") {
		t.Errorf("lines lost:\n%s", out)
	}
	want := runLazyGlue(t, lazyHelpersGlue)
	if got := runLazyGlue(t, out); got != want {
		t.Errorf("rewritten glue gives\n%s\nwant\n%s", got, want)
	}
}
