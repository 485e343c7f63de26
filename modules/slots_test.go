package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// TestSlotProxyLayout guards the goja internals SlotOwner reads: if a goja upgrade moves them,
// every slotted object would fall back to the JS paths (correct, but slow).
func TestSlotProxyLayout(t *testing.T) {
	if !proxyLayout().ok {
		t.Fatal("goja's proxy layout was not found: SlotOwner finds no owner")
	}
	vm := goja.New()
	po := newProbeOwner()
	o := NewOrdinarySlotted(vm, po, vm.NewObject())
	if SlotOwner(o) != po || !IsSlotted(o) {
		t.Fatal("SlotOwner does not find the owner")
	}
	vm.Set("o", o)
	if _, err := vm.RunString(`o.x = 1; Object.defineProperty(o, Symbol.iterator, {get() { return this.x }});
		if (o[Symbol.iterator] !== 1) throw new Error('symbol accessor'); Object.freeze(o);
		if (!Object.isFrozen(o) || o.x !== 1) throw new Error('freeze')`); err != nil {
		t.Fatal(err)
	}
	if SlotOwner(o) != nil || SlotOwnerAll(o) != po || !IsSlotted(o) {
		t.Fatal("a frozen slotted object must have no live owner")
	}
	p := vm.NewProxy(vm.NewObject(), &goja.ProxyTrapConfig{GetPrototypeOf: func(t *goja.Object) *goja.Object { return nil }})
	if pv := vm.ToValue(p); SlotOwner(pv) != nil || IsSlotted(pv) {
		t.Fatal("another native proxy taken for a slotted object")
	}
}

// TestSlotRef checks that SlotRef answers as SlotOwner does: for the object it remembers, for
// another object, and once the remembered object has gone ordinary.
func TestSlotRef(t *testing.T) {
	vm := goja.New()
	layout := &SlotLayout{Names: []string{"x"}, Index: func(k string) int {
		if k == "x" {
			return 0
		}
		return -1
	}}
	owner := func() *probeOwner {
		po := &probeOwner{}
		po.SlotObject = SlotObject{Layout: layout, Slots: po.v[:]}
		return po
	}
	mk := func() (*probeOwner, *goja.Object) {
		po := owner()
		return po, NewOrdinarySlotted(vm, po, vm.NewObject())
	}
	po1, o1 := mk()
	po2, o2 := mk()
	var r SlotRef
	for i := 0; i < 2; i++ {
		if r.Owner(o1) != po1 {
			t.Fatal("SlotRef does not find the owner")
		}
	}
	if r.Owner(o2) != po2 || r.Owner(o1) != po1 {
		t.Fatal("SlotRef answers for the wrong object")
	}
	if r.Owner(vm.NewObject()) != nil || r.Owner(goja.Undefined()) != nil {
		t.Fatal("SlotRef finds an owner for a plain value")
	}
	if l, sl := r.Slots(o1); l != layout || &sl[0] != &po1.v[0] {
		t.Fatal("SlotRef.Slots does not give the owner's slots")
	}
	if l, sl := r.Slots(vm.NewObject()); l != nil || sl != nil {
		t.Fatal("SlotRef.Slots gives slots for a plain object")
	}
	r.Owner(o1)
	vm.Set("o", o1)
	if _, err := vm.RunString(`Object.freeze(o)`); err != nil {
		t.Fatal(err)
	}
	if r.Owner(o1) != nil {
		t.Fatal("SlotRef keeps the owner of an object gone ordinary")
	}
	if _, sl := r.Slots(o1); sl != nil {
		t.Fatal("SlotRef.Slots gives the slots of an object gone ordinary")
	}
	// a dynamic object over a SlotObject (NewSlotted) stays live
	o3 := NewSlotted(vm, owner(), nil)
	if r.Owner(o3) != SlotOwner(o3) || r.Owner(o3) != SlotOwner(o3) {
		t.Fatal("SlotRef differs from SlotOwner for a dynamic object")
	}
	if l, sl := r.Slots(o3); l != layout || len(sl) != 1 {
		t.Fatal("SlotRef.Slots does not give a dynamic object's slots")
	}
}
