package http

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// TestNewPlain: the layout probe passes on this goja, and newPlain's object is the literal's
// (the probe compares them; this checks the probe ran and a second object is independent).
func TestNewPlain(t *testing.T) {
	l := plainLayout()
	if !l.ok {
		t.Fatal("newPlain's layout probe failed: the usual request's objects are made in JS")
	}
	vm := goja.New()
	proto := vm.NewObject()
	names := []unistring.String{"x", "y"}
	a, ok1 := l.newPlain(vm, proto, names, []goja.Value{vm.ToValue(1), vm.ToValue(2)})
	b, ok2 := l.newPlain(vm, proto, names, []goja.Value{vm.ToValue(3), vm.ToValue(4)})
	if !ok1 || !ok2 {
		t.Fatal("newPlain failed")
	}
	vm.Set("a", a)
	vm.Set("b", b)
	v, err := vm.RunString(`delete a.x; a.z = 5; b.w = 6;
		JSON.stringify([Object.keys(a), Object.keys(b), a.y, b.x, Object.getPrototypeOf(a) === Object.getPrototypeOf(b)])`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), `[["y","z"],["x","y","w"],2,3,true]`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
