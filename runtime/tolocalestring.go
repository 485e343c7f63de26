package runtime

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Object.prototype.toLocaleString calls whatever toString it finds without checking that
// there is one, so Object.prototype.toLocaleString.call(Object.create(null)) (or an object whose
// prototype chain lacks toString) dies of a nil pointer panic; for a toString that is not
// callable it words its TypeError its own way ("5 is not a method"). installToLocaleString
// (before the first script whose text names toLocaleString: noteScriptSource) replaces it with
// the spec's steps (Invoke(this, "toString")) and V8's messages.
func (rt *Runtime) installToLocaleString() {
	rt.toLocaleStringFixed = true
	rt.installProtoGuards("Object") // (guardtemplate.go)
}

// objectToLocaleString is Object.prototype.toLocaleString by the spec's steps.
func (rt *Runtime) objectToLocaleString() *goja.Object {
	vm := rt.vm
	return modules.Func(vm, "toLocaleString", 0, func(call goja.FunctionCall) goja.Value {
		this := call.This
		if this == nil || goja.IsUndefined(this) || goja.IsNull(this) {
			panic(vm.NewTypeError("Object.prototype.toLocaleString called on null or undefined"))
		}
		m := this.ToObject(vm).Get("toString")
		f, ok := goja.AssertFunction(m)
		if !ok {
			panic(vm.NewTypeError(notFunctionText(m) + " is not a function"))
		}
		return callThrowing(f, this)
	})
}

// notFunctionText renders a value that is not callable the way V8's "... is not a function"
// messages do: undefined, object null, number 5, string "abc", symbol, bigint, object.
func notFunctionText(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	switch v.(type) {
	case *goja.Symbol:
		return "symbol"
	case *goja.Object:
		return "object"
	}
	switch v.ExportType().Kind() {
	case reflect.Float64, reflect.Int64:
		return "number " + v.String()
	case reflect.Bool:
		return "boolean " + v.String()
	case reflect.String:
		return "string " + strconv.Quote(v.String())
	}
	return "bigint"
}
