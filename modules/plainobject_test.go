package modules

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// TestNewPlainObject: the layout check passes on this goja (else http's usual request objects
// are made in JS), and two objects made with the same names are independent.
func TestNewPlainObject(t *testing.T) {
	vm := goja.New()
	proto := vm.NewObject()
	names := []unistring.String{"x", "y"}
	a, ok1 := NewPlainObject(vm, proto, names, []goja.Value{vm.ToValue(1), vm.ToValue(2)})
	b, ok2 := NewPlainObject(vm, proto, names, []goja.Value{vm.ToValue(3), vm.ToValue(4)})
	if !ok1 || !ok2 {
		t.Fatal("NewPlainObject failed: goja's layout check did not pass")
	}
	checkIndependent(t, vm, a, b)
}

// checkIndependent: a and b, made with x: 1, y: 2 and x: 3, y: 4, keep their own keys when
// either changes.
func checkIndependent(t *testing.T, vm *goja.Runtime, a, b *goja.Object) {
	t.Helper()
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

// TestNewShapedObject: objects sharing a shape pass the check on this goja, and the check
// catches a shared names list without goja's copy mark (the changes would write into it).
func TestNewShapedObject(t *testing.T) {
	if !plainShapeChecked() {
		t.Fatal("plainShapeChecked failed: goja no longer copies marked names, or the layout changed")
	}
	l := getLayout()
	unmarked := &PlainShape{names: make([]unistring.String, 3, 4)}
	copy(unmarked.names, []unistring.String{"a", "b", "c"})
	if l.checkShape(unmarked) {
		t.Fatal("checkShape passed a shape without the copy mark")
	}
	vm := goja.New()
	shape := NewPlainShape("x", "y")
	a, ok1 := NewShapedObject(vm, nil, shape, []goja.Value{vm.ToValue(1), vm.ToValue(2)})
	b, ok2 := NewShapedObject(vm, nil, shape, []goja.Value{vm.ToValue(3), vm.ToValue(4)})
	if !ok1 || !ok2 {
		t.Fatal("NewShapedObject failed")
	}
	checkIndependent(t, vm, a, b)
}
