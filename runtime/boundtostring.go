package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Function.prototype.toString of a bound function names it ("function bound f() {
// [native code] }"); V8's text of any bound function is "function () { [native code] }".
// installBoundToString (before the first script whose text names bind, noteScriptSource) wraps
// it: the text of a native function whose name starts with "bound " (no source text can be
// that: it is not a function's syntax) is V8's.
func (rt *Runtime) installBoundToString() {
	rt.boundToStringFixed = true
	vm := rt.vm
	proto := builtinProto(vm, "Function")
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	bound := vm.ToValue(boundFunctionText)
	fn := modules.Func(vm, "toString", 0, func(call goja.FunctionCall) goja.Value {
		v := callThrowing(orig, call.This, call.Arguments...)
		if s, ok := v.(goja.String); ok && s.Length() > len(boundTextStart) {
			if t := s.String(); strings.HasPrefix(t, boundTextStart) && strings.HasSuffix(t, nativeCodeEnd) {
				return bound
			}
		}
		return v
	})
	_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

const (
	boundFunctionText = "function () { [native code] }"
	boundTextStart    = "function bound "
	nativeCodeEnd     = "() { [native code] }"
)
