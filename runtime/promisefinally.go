package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Promise.prototype.finally calls its callback with a Go nil as this; a script function
// reads it as undefined, but a built-in that looks at its receiver dereferences it and the
// process dies of a nil pointer panic: p.finally(Array.prototype.push), p.finally(
// String.prototype.trim), p.finally(Object.prototype.toString). installPromiseFinally (before the
// first script whose text names finally: noteScriptSource) wraps it so that a callback that is
// not a script function is called with undefined as this, as in node (which then rejects with
// the built-in's TypeError, or goes on); script callbacks and non-callables keep goja's path. A
// primitive receiver gets V8's TypeError (goja said "Value is not an object: 5").
func (rt *Runtime) installPromiseFinally() {
	rt.promiseFinallyFixed = true
	vm := rt.vm
	proto := builtinProto(vm, "Promise")
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("finally"))
	if !ok {
		return
	}
	fn := modules.Func(vm, "finally", 1, func(call goja.FunctionCall) goja.Value {
		if _, ok := call.This.(*goja.Object); !ok {
			panic(vm.NewTypeError("Promise.prototype.finally called on non-object"))
		}
		args := call.Arguments
		if len(args) > 0 {
			if cb, ok := args[0].(*goja.Object); ok && funcProgram(cb) == nil {
				if f, ok := goja.AssertFunction(cb); ok {
					args = append([]goja.Value(nil), args...)
					args[0] = vm.ToValue(func(goja.FunctionCall) goja.Value {
						return callThrowing(f, goja.Undefined())
					})
				}
			}
		}
		return callThrowing(orig, call.This, args...)
	})
	_ = proto.DefineDataProperty("finally", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
