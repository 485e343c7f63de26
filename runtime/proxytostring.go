package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

const notFunction = "Function.prototype.toString requires that 'this' be a Function"

// goja's Function.prototype.toString reads a proxy's target without checking that the proxy was
// revoked, so Function.prototype.toString.call(p) for a revoked proxy p dies of a nil pointer
// panic (and so does anything that renders such a function: WeakRef's "incompatible receiver"
// message, for one); for a proxy whose target is itself a proxy of a function it throws where
// node prints "function () { [native code] }". installProxyToString (before the first script
// whose text names Proxy, the only way to make one: noteScriptSource) wraps it: a proxy gets
// V8's answer from whether it is callable (which a revoked proxy keeps), a primitive V8's
// TypeError (goja said "Value is not an object: 5"), anything else goes to goja's own.
func (rt *Runtime) installProxyToString() {
	rt.proxyToStringFixed = true
	vm := rt.vm
	native := vm.ToValue("function () { [native code] }")
	rt.wrapFunctionToString(func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			o, ok := call.This.(*goja.Object)
			if !ok {
				panic(vm.NewTypeError(notFunction))
			}
			if modules.IsProxy(o) {
				if _, ok := goja.AssertFunction(o); ok {
					return native
				}
				panic(vm.NewTypeError(notFunction))
			}
			return callThrowing(orig, call.This, call.Arguments...)
		}
	})
}
