package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// wrapFunctionToString replaces Function.prototype.toString with the function wrap makes from
// the current one. Several fixes of goja's function text (bound functions, proxies, guarded
// source, ES module source) each wrap it when a program first needs them, so they stack.
func (rt *Runtime) wrapFunctionToString(wrap func(orig goja.Callable) func(goja.FunctionCall) goja.Value) {
	proto := builtinProto(rt.vm, "Function")
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	fn := modules.Func(rt.vm, "toString", 0, wrap(orig))
	_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// fixFunctionText wraps Function.prototype.toString (wrapFunctionToString) so that each text
// it gives passes through fix, which answers the text to give instead, or nil for the same.
func (rt *Runtime) fixFunctionText(fix func(text goja.String) goja.Value) {
	rt.wrapFunctionToString(func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			v := callThrowing(orig, call.This, call.Arguments...)
			if s, ok := v.(goja.String); ok {
				if t := fix(s); t != nil {
					return t
				}
			}
			return v
		}
	})
}
