package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// TestLastMatchLayout fails when goja's layout moved so that LastMatch always leaves the search
// to its caller's JS loop (correct, but removeListener is quadratic in reads again).
func TestLastMatchLayout(t *testing.T) {
	al := arrLayout()
	if !al.ok {
		t.Fatal("LastMatch's probe of goja's arrays and functions failed")
	}
	if al.tmplFuncTab == nil {
		t.Error("LastMatch does not walk Function.prototype")
	}
	vm := goja.New()
	v, err := vm.RunString(`(function () {
		const t = function t() {};
		const w = function w() {}; w.listener = t;
		const g = Object.defineProperty(function g() {}, 'listener', { get() { return t; } });
		const list = [w, () => {}, function () {}];
		return [t, list, [g, () => {}], [w, 1], [t, w], [w, t, () => {}]];
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	var o []*goja.Object
	if err := vm.ExportTo(v, &o); err != nil {
		t.Fatal(err)
	}
	k := NewKey("listener")
	for i, c := range []struct {
		list   *goja.Object
		want   int
		wantOK bool
	}{{o[1], 0, true}, {o[2], -1, false}, {o[3], -1, false}, {o[4], 1, true}, {o[5], 1, true}} {
		got, ok := LastMatch(c.list, o[0], k)
		if ok != c.wantOK || ok && got != c.want {
			t.Errorf("case %d: LastMatch = %d, %v; want %d, %v", i, got, ok, c.want, c.wantOK)
		}
	}
	// A listener inherited from Function.prototype is found; one made by a getter there is not
	// read.
	if _, err := vm.RunString(`Function.prototype.listener = 5`); err != nil {
		t.Fatal(err)
	}
	if got, ok := LastMatch(o[1], o[0], k); !ok || got != 0 {
		t.Errorf("with Function.prototype.listener: %d, %v", got, ok)
	}
	if _, err := vm.RunString(`Function.prototype.listener = null; Object.defineProperty(Function.prototype, 'listener', { get() { return 1; }, configurable: true })`); err != nil {
		t.Fatal(err)
	}
	if _, ok := LastMatch(o[1], o[0], k); ok {
		t.Error("LastMatch answered through a getter on Function.prototype")
	}
}
