package runtime

import (
	"github.com/dop251/goja"
)

// ArrayBuffer is a constructor the runtime makes of a Go function (modules/atomics: resizable
// buffers), and goja gives such a function's plain call a fresh this, so ArrayBuffer(8) made a
// buffer where V8 throws TypeError "Constructor ArrayBuffer requires 'new'". installArrayBufferNew
// (before the first script whose text names ArrayBuffer: noteScriptSource) makes its call, as
// opposed to its construction (new, super(), Reflect.construct), throw that; its frames still
// name it as the built-in (hookNative).
func (rt *Runtime) installArrayBufferNew() {
	rt.arrayBufferNewFixed = true
	vm := rt.vm
	hookNative(vm.Get("ArrayBuffer"), func(func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			panic(vm.NewTypeError("Constructor ArrayBuffer requires 'new'"))
		}
	})
}
