package runtime

import (
	"math"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Date.prototype.getTimezoneOffset is a whole number of minutes in V8: a zone's local mean time
// before standard time had seconds in its offset (New York's -4:56:02 until 1883), and goja
// returned the fraction (296.03333333333336 where node says 296). installTimezoneOffset
// (noteScriptSource, before the first script naming getTimezoneOffset) wraps it to drop the
// fraction as V8 does.
func (rt *Runtime) installTimezoneOffset() {
	rt.tzOffsetFixed = true
	vm := rt.vm
	proto := builtinProto(vm, "Date")
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("getTimezoneOffset"))
	if !ok {
		return
	}
	fn := modules.Func(vm, "getTimezoneOffset", 0, func(call goja.FunctionCall) goja.Value {
		if o, isObj := call.This.(*goja.Object); !isObj || o.ClassName() != "Date" {
			panic(vm.NewTypeError("this is not a Date object."))
		}
		v := callThrowing(orig, call.This)
		if f := v.ToFloat(); f != math.Trunc(f) && !math.IsNaN(f) {
			return vm.ToValue(math.Trunc(f))
		}
		return v
	})
	_ = proto.DefineDataProperty("getTimezoneOffset", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
