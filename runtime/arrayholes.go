package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Array.prototype.find, findIndex, findLast, findLastIndex and Array.from (with a map
// function) call their callback with a Go nil for each hole of a sparse array (or missing index
// of an array-like); a script function reads it as undefined, but a built-in one such as Boolean
// or Number dereferences it and the process dies with a nil pointer panic:
// [, 1].findIndex(Boolean), Array.from({ length: 2 }, Number). installArrayHoles wraps them
// (and %TypedArray%.from, which has the same fault) so that a callback that is not a script
// function gets undefined for a hole, as in node. The wrappers are installed before the first
// script that names find or from runs (noteScriptSource): reading the five built-ins makes goja
// build Array.prototype's methods, ~180 allocations a runtime that never uses them would pay.
func (rt *Runtime) installArrayHoles() {
	rt.arrayHolesFixed = true
	vm := rt.vm
	proto := builtinProto(vm, "Array")
	if proto == nil {
		return
	}
	wrap := func(obj *goja.Object, name string, cbArg int) {
		if fn := rt.holesMethod(name, cbArg, obj.Get(name)); fn != nil {
			_ = obj.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	if !rt.guardsTemplated() { // (else Array.prototype makes its guards itself: guardtemplate.go)
		rt.installProtoGuards("Array")
	}
	wrap(vm.Get("Array").(*goja.Object), "from", 1)
	// %TypedArray%.from, which Uint8Array.from and the others inherit
	if u8, ok := vm.Get("Uint8Array").(*goja.Object); ok {
		if typed := u8.Prototype(); typed != nil {
			wrap(typed, "from", 1)
		}
	}
}

// holesMethod is the method name (find, findIndex, findLast, findLastIndex or from) wrapping
// goja's own (orig) so that a callback (argument cbArg) that is not a script function gets
// undefined for a hole; nil if orig is not a function.
func (rt *Runtime) holesMethod(name string, cbArg int, orig goja.Value) *goja.Object {
	vm := rt.vm
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	return modules.Func(vm, name, 1, func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) > cbArg {
			if cb, ok := args[cbArg].(*goja.Object); ok && funcProgram(cb) == nil {
				if cbf, ok := goja.AssertFunction(cb); ok {
					args = append([]goja.Value(nil), args...)
					args[cbArg] = vm.ToValue(func(c goja.FunctionCall) goja.Value {
						for i, a := range c.Arguments {
							if a == nil {
								c.Arguments[i] = goja.Undefined()
							}
						}
						return callThrowing(cbf, c.This, c.Arguments...)
					})
				}
			}
		}
		return callThrowing(f, call.This, args...)
	})
}
