package atomics

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// sabBrand is what the ArrayBuffer brand checks need of a runtime's SharedArrayBuffers: their
// prototype, once the glue has made it (nil before: no SharedArrayBuffer exists yet).
type sabBrand struct{ proto *goja.Object }

type brandKey struct{}

// GuardArrayBufferBrand makes ArrayBuffer.prototype's byteLength getter and slice refuse what is
// not an ArrayBuffer with V8's message, and a SharedArrayBuffer (here a goja ArrayBuffer with SharedArrayBuffer.prototype in its chain), as
// V8's do: goja's take one. is-array-buffer and ArrayBuffer.prototype.slice polyfills tell the two
// kinds apart so, often with the getter taken before SharedArrayBuffer is first used: so the
// guard is put in at bootstrap, and costs a nil check until SharedArrayBuffer is loaded. Loop
// only, at bootstrap, after InstallResizableArrayBuffer.
func GuardArrayBufferBrand(h *modules.Host) {
	vm := h.VM
	ab, ok := vm.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return
	}
	proto, ok := ab.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	brand := h.State(brandKey{}, func() any { return &sabBrand{} }).(*sabBrand)
	// check throws V8's TypeError for a receiver that is not an ArrayBuffer, or is a shared one
	check := func(this goja.Value, method string) {
		o, ok := this.(*goja.Object)
		if ok {
			_, ok = bufferOf(o)
		}
		if ok && brand.proto != nil {
			for p := o.Prototype(); p != nil && ok; p = p.Prototype() {
				ok = p != brand.proto
			}
		}
		if !ok {
			panic(vm.NewTypeError("Method " + method + " called on incompatible receiver " + modules.V8ValueWords(vm, this)))
		}
	}
	if d, ok := propertyDescriptor(vm, proto, "byteLength"); ok {
		if get, ok := goja.AssertFunction(d.Get("get")); ok {
			g := modules.Func(vm, "get byteLength", 0, func(c goja.FunctionCall) goja.Value {
				check(c.This, "get ArrayBuffer.prototype.byteLength")
				return modules.CallThrowing(get, c.This)
			})
			_ = proto.DefineAccessorProperty("byteLength", g, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	if slice, ok := goja.AssertFunction(proto.Get("slice")); ok {
		f := modules.Func(vm, "slice", 2, func(c goja.FunctionCall) goja.Value {
			check(c.This, "ArrayBuffer.prototype.slice")
			return modules.CallThrowing(slice, c.This, c.Arguments...)
		})
		_ = proto.DefineDataProperty("slice", f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// propertyDescriptor is Object.getOwnPropertyDescriptor(o, name).
func propertyDescriptor(vm *goja.Runtime, o *goja.Object, name string) (*goja.Object, bool) {
	gopd, ok := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor"))
	if !ok {
		return nil, false
	}
	d, err := gopd(goja.Undefined(), o, vm.ToValue(name))
	if err != nil {
		return nil, false
	}
	do, ok := d.(*goja.Object)
	return do, ok
}
