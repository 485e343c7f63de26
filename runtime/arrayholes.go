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
// goja's %TypedArray%.from also refuses a primitive source ("Value is not an object"), where
// V8 boxes it: Uint8Array.from('ab', f) maps each character (@noble/curves hashes its
// domain tags so), Uint8Array.from(5) is empty; its wrapper boxes one, and words the error
// for null and undefined as V8 does.
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
			if fn := rt.holesMethodOf("from", 1, typed.Get("from"), true); fn != nil {
				_ = typed.DefineDataProperty("from", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
	}
}

// holesMethod is the method name (find, findIndex, findLast, findLastIndex or from) wrapping
// goja's own (orig) so that a callback (argument cbArg) that is not a script function gets
// undefined for a hole; nil if orig is not a function.
func (rt *Runtime) holesMethod(name string, cbArg int, orig goja.Value) *goja.Object {
	return rt.holesMethodOf(name, cbArg, orig, false)
}

// holesMethodOf is holesMethod; with typedFrom (%TypedArray%.from) a primitive source
// (argument 0) is boxed, and null or undefined refused with V8's TypeError.
func (rt *Runtime) holesMethodOf(name string, cbArg int, orig goja.Value, typedFrom bool) *goja.Object {
	vm := rt.vm
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	return modules.Func(vm, name, 1, func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if typedFrom {
			switch src := call.Argument(0); {
			case goja.IsUndefined(src):
				panic(vm.NewTypeError("undefined is not iterable (cannot read property Symbol(Symbol.iterator))"))
			case goja.IsNull(src):
				panic(vm.NewTypeError("object null is not iterable (cannot read property Symbol(Symbol.iterator))"))
			default:
				if _, ok := src.(*goja.Object); !ok {
					args = append([]goja.Value(nil), args...)
					args[0] = src.ToObject(vm)
				}
			}
		}
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
