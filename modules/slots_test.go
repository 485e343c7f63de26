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
	po := &probeOwner{}
	po.SlotObject = SlotObject{Layout: &SlotLayout{Names: []string{"x"}, Index: func(k string) int {
		if k == "x" {
			return 0
		}
		return -1
	}}, Slots: po.v[:]}
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
