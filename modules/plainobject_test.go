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

// TestPlainTemplate: objects from a template have the template's values where none is given,
// in the names' order, and do not share their maps with each other or with the template.
func TestPlainTemplate(t *testing.T) {
	vm := goja.New()
	proto := vm.NewObject()
	tm := NewPlainTemplate([]unistring.String{"a", "b", "c"}, []goja.Value{vm.ToValue(1), goja.Null(), vm.ToValue(false)})
	x, ok1 := tm.New(vm, proto, []goja.Value{nil, vm.ToValue("bx"), nil})
	y, ok2 := tm.New(vm, proto, []goja.Value{vm.ToValue(7), nil, nil})
	if !ok1 || !ok2 {
		t.Fatal("PlainTemplate.New failed")
	}
	vm.Set("x", x)
	vm.Set("y", y)
	vm.Set("proto", proto)
	v, err := vm.RunString(`const before = JSON.stringify([x, y, Object.keys(x)]);
		x.c = 'xc'; delete y.a; y.d = 1;
		const z = JSON.stringify([x, y, Object.getPrototypeOf(x) === proto, Object.getOwnPropertyDescriptor(x, 'b')]);
		before + z`)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := tm.New(vm, proto, []goja.Value{nil, nil, nil})
	want := `[{"a":1,"b":"bx","c":false},{"a":7,"b":null,"c":false},["a","b","c"]]` +
		`[{"a":1,"b":"bx","c":"xc"},{"b":null,"c":false,"d":1},true,{"value":"bx","writable":true,"enumerable":true,"configurable":true}]`
	if got := v.String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if got := z.Get("a").String() + z.Get("b").String() + z.Get("c").String(); got != "1nullfalse" {
		t.Fatalf("a later object: %s", got)
	}
}
