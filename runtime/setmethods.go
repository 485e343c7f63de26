package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja gives Set.prototype the set methods of ES2025 (union, intersection, ...), which node 20's
// V8 does not have: code that feature-tests them (core-js, polyfills, `typeof s.union`) must see
// node's Set. They are removed when the global Set is first read (lazyglobals.go), or at start
// when the globals are not templated.
var laterSetMethods = []string{"union", "intersection", "difference", "symmetricDifference",
	"isSubsetOf", "isSupersetOf", "isDisjointFrom"}

// dropLaterSetMethods removes them from set, the Set constructor.
func dropLaterSetMethods(set goja.Value) {
	ctor, ok := set.(*goja.Object)
	if !ok {
		return
	}
	if proto, ok := ctor.Get("prototype").(*goja.Object); ok {
		for _, name := range laterSetMethods {
			_ = proto.Delete(name)
		}
	}
}

// withObjectProtoSizeSetAside runs f, which makes goja build Set.prototype, with a configurable
// own "size" of Object.prototype set aside and put back after: goja defines Set.prototype.size
// by assignment, which an inherited accessor without a setter (or a read-only value) refuses
// with a TypeError node never throws (and thrown while a global is being made, it escaped the
// engine as a Go panic). Set is made on first use, so a program's Object.prototype.size came
// first.
func withObjectProtoSizeSetAside(vm *goja.Runtime, f func()) {
	op := vm.NewObject().Prototype()
	if op == nil {
		f()
		return
	}
	d := modules.OwnDescriptor(vm, op, vm.ToValue("size"))
	if d == nil || !d.Get("configurable").ToBoolean() || op.Delete("size") != nil {
		f()
		return
	}
	defer func() {
		flag := func(name string) goja.Flag {
			if d.Get(name).ToBoolean() {
				return goja.FLAG_TRUE
			}
			return goja.FLAG_FALSE
		}
		if get, set := d.Get("get"), d.Get("set"); get != nil || set != nil {
			_ = op.DefineAccessorProperty("size", get, set, goja.FLAG_TRUE, flag("enumerable"))
		} else {
			_ = op.DefineDataProperty("size", d.Get("value"), flag("writable"), goja.FLAG_TRUE, flag("enumerable"))
		}
	}()
	f()
}

// goja gives Uint8Array the base64 and hex methods of ES2026 (Uint8Array.fromBase64,
// Uint8Array.prototype.toHex, ...), which node 20 does not have either: code that feature-tests
// them (`typeof Uint8Array.fromBase64`) would skip its own fallback. They are removed before the
// first script that names them runs (noteScriptSource: its text holds "Base64" or "Hex").
func (rt *Runtime) dropLaterTypedArrayMethods() {
	rt.base64Dropped = true
	u8, ok := rt.vm.GlobalObject().Get("Uint8Array").(*goja.Object)
	if !ok {
		return
	}
	_ = u8.Delete("fromBase64")
	_ = u8.Delete("fromHex")
	if proto, ok := u8.Get("prototype").(*goja.Object); ok {
		for _, name := range [...]string{"toBase64", "toHex", "setFromBase64", "setFromHex"} {
			_ = proto.Delete(name)
		}
	}
}
