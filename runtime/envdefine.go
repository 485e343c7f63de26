package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// process.env takes a defined property only as node's env interceptor does: a data descriptor
// with a value that is configurable, writable and enumerable (Object.defineProperty,
// Reflect.defineProperty and Object.defineProperties alike, each of which throws); an accessor
// descriptor is refused with its own words, and a Symbol key cannot become a variable's name.
// The errors are plain TypeErrors with an own code, as node's C++ throws them. goja's dynamic
// object took any data descriptor (a bare { value } set the variable) and named accessors
// "Dynamic objects do not support accessor properties". The check runs in the wrappers of
// installTypedArrayDefine, for the env object only.

const (
	envDefineCode     = "ERR_INVALID_OBJECT_DEFINE_PROPERTY"
	envDataOnlyWords  = "'process.env' only accepts a configurable, writable, and enumerable data descriptor"
	envAccessorsWords = "'process.env' does not accept an accessor(getter/setter) descriptor"
)

// defineOnEnv is Object.defineProperty (length 3, as Reflect.defineProperty) or
// Object.defineProperties (length 2) called with process.env as the target.
func (rt *Runtime) defineOnEnv(call goja.FunctionCall, length int, define, orig goja.Callable) goja.Value {
	if length == 3 {
		rt.checkEnvDescriptor(call.Argument(1), call.Argument(2))
		return callThrowing(orig, goja.Undefined(), call.Arguments...)
	}
	props, ok := call.Argument(1).(*goja.Object)
	if !ok {
		return callThrowing(orig, goja.Undefined(), call.Arguments...) // (goja's own error)
	}
	// each property is defined in turn, so those before a refused one stay defined, as in node
	type entry struct{ key, desc goja.Value }
	var list []entry
	for _, k := range props.Keys() {
		list = append(list, entry{rt.vm.ToValue(k), props.Get(k)})
	}
	for _, s := range props.Symbols() {
		if d := modules.OwnDescriptor(rt.vm, props, s); d != nil && d.Get("enumerable").ToBoolean() {
			list = append(list, entry{s, props.GetSymbol(s)})
		}
	}
	for _, e := range list {
		if _, ok := e.desc.(*goja.Object); !ok {
			return callThrowing(orig, goja.Undefined(), call.Arguments...) // (goja's own error)
		}
	}
	for _, e := range list {
		rt.checkEnvDescriptor(e.key, e.desc)
		callThrowing(define, goja.Undefined(), call.Argument(0), e.key, e.desc)
	}
	return call.Argument(0)
}

// checkEnvDescriptor throws node's error for a descriptor process.env refuses. A descriptor
// that is no object, or mixes an accessor with a value or writable, is left to goja's own check.
func (rt *Runtime) checkEnvDescriptor(key, descV goja.Value) {
	desc, ok := descV.(*goja.Object)
	if !ok {
		return
	}
	has := func(k string) bool { return desc.Get(k) != nil }
	hasValue := has("value")
	if has("get") || has("set") {
		if hasValue || has("writable") {
			return
		}
		rt.throwEnvDefine(envAccessorsWords)
	}
	if !hasValue || !flagTrue(desc, "writable") || !flagTrue(desc, "enumerable") || !flagTrue(desc, "configurable") {
		rt.throwEnvDefine(envDataOnlyWords)
	}
	if _, isSym := key.(*goja.Symbol); isSym {
		panic(rt.vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
}

// flagTrue reports whether desc has field k and it is truthy.
func flagTrue(desc *goja.Object, k string) bool {
	v := desc.Get(k)
	return v != nil && v.ToBoolean()
}

func (rt *Runtime) throwEnvDefine(words string) {
	e := rt.vm.NewTypeError(words)
	_ = e.Set("code", envDefineCode)
	panic(e)
}
