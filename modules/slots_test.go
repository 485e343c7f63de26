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
	o := NewOrdinarySlotted(vm, po, vm.NewObject(), nil)
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
		return po, NewOrdinarySlotted(vm, po, vm.NewObject(), nil)
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

// TestSlotProtos checks the Proxy form's slot accessors: reads and writes from JS, through a
// program's Proxy, from an object inheriting from it, a deleted slot, and a new prototype (which
// makes the object ordinary); and that a slot read allocates nothing.
func TestSlotProtos(t *testing.T) {
	vm := goja.New()
	proto := vm.NewObject()
	_ = proto.Set("fromProto", 7)
	po := newProbeOwner()
	po.v[0] = vm.ToValue(1)
	o := NewOrdinarySlotted(vm, po, proto, NewSlotProtos(vm, po.Layout))
	vm.Set("o", o)
	vm.Set("proto", proto)
	if _, err := vm.RunString(`'use strict';
		const check = (what, got, want) => { if (got !== want) throw new Error(what + ': ' + got + ' !== ' + want); };
		check('read', o.x, 1);
		o.x = 2;
		check('write', o.x, 2);
		check('proto', Object.getPrototypeOf(o), proto);
		check('proto field', o.fromProto, 7);
		check('own', Object.getOwnPropertyNames(o).join(), 'x');
		check('proxy read', new Proxy(o, {}).x, 2);
		check('proxy reflect read', new Proxy(o, { get: (t, k, r) => Reflect.get(t, k, r) }).x, 2);
		const c = Object.create(o);
		check('inherited read', c.x, 2);
		c.x = 3;
		check('inherited write', c.x + ',' + o.x + ',' + Object.hasOwn(c, 'x'), '3,2,true');
		delete o.x;
		check('deleted', 'x' in o, false);
		check('deleted read', o.x, undefined);
		proto.x = 'p';
		check('deleted read from proto', o.x, 'p');
		o.x = 4;
		check('rewritten', o.x + ',' + Object.hasOwn(o, 'x'), '4,true');
	`); err != nil {
		t.Fatal(err)
	}
	if SlotOwner(o) != po || po.v[0].ToInteger() != 4 {
		t.Fatal("the slot is not the one JS wrote")
	}
	read, err := vm.RunString(`(function () { let n = 0; for (let i = 0; i < 100; i++) if (o.x !== 4) n++; return n; })`)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := goja.AssertFunction(read)
	if a := testing.AllocsPerRun(20, func() { _, _ = f(goja.Undefined()) }); a > 2 {
		t.Errorf("100 slot reads: %v allocations", a)
	}
	other := vm.NewObject()
	vm.Set("other", other)
	if _, err := vm.RunString(`Object.setPrototypeOf(o, other); if (Object.getPrototypeOf(o) !== other || o.x !== 4) throw new Error('setPrototypeOf')`); err != nil {
		t.Fatal(err)
	}
	if SlotOwner(o) != nil || SlotOwnerAll(o) != po {
		t.Fatal("a slotted object given another prototype must be ordinary")
	}
}

// TestSlotProtosNotOwn checks a layout whose second slot is not own: served by an accessor of the
// visible prototype (DefineAccessors), absent from the keys and descriptors, untouched by delete,
// shadowed by an own property defined over it (which makes the object ordinary, the slot still
// behind the prototype's accessor for any other holder).
func TestSlotProtosNotOwn(t *testing.T) {
	vm := goja.New()
	layout := &SlotLayout{Names: []string{"x", "flag"}, Own: []bool{true, false}, Index: func(k string) int {
		switch k {
		case "x":
			return 0
		case "flag":
			return 1
		}
		return -1
	}}
	type owner2 struct {
		SlotObject
		v [2]goja.Value
	}
	sp := NewSlotProtos(vm, layout)
	proto := vm.NewObject()
	sp.DefineAccessors(proto, []string{"flag", "nope"})
	mk := func() *goja.Object {
		o := &owner2{}
		o.SlotObject = SlotObject{Layout: layout, Slots: o.v[:]}
		o.v[0], o.v[1] = vm.ToValue(1), vm.ToValue(false)
		return NewOrdinarySlotted(vm, o, proto, sp)
	}
	vm.Set("a", mk())
	vm.Set("b", mk())
	vm.Set("proto", proto)
	if _, err := vm.RunString(`'use strict';
		const check = (what, got, want) => { if (got !== want) throw new Error(what + ': ' + got + ' !== ' + want); };
		check('proto keys', Object.getOwnPropertyNames(proto).join(), 'flag');
		check('keys', Object.keys(a).join(), 'x');
		check('flag', a.flag + ',' + ('flag' in a) + ',' + Object.hasOwn(a, 'flag'), 'false,true,false');
		a.flag = true;
		check('set flag', a.flag + ',' + b.flag + ',' + Object.hasOwn(a, 'flag'), 'true,false,false');
		check('delete flag', delete a.flag, true);
		check('after delete', a.flag, true);
		check('via proto getter', Object.getOwnPropertyDescriptor(proto, 'flag').get.call(b), false);
		Object.defineProperty(a, 'flag', { value: 'own', writable: true, enumerable: true, configurable: true });
		check('shadowed', a.flag + ',' + Object.keys(a).join(), 'own,x,flag');
		b.flag = 'b';
		check('other holder', b.flag, 'b');
	`); err != nil {
		t.Fatal(err)
	}
}
