package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// node's 'multipleResolves' event (deprecated, DEP0160): V8 tells node of a promise resolved or
// rejected again after it was resolved, and node emits the event (in a nextTick) while a listener
// for it exists. goja tells nothing of that, so while a listener exists (process's own
// 'newListener' listener sets rt.multipleResolves), new Promise hands its executor resolving
// functions that notice a second call, and an executor that throws after resolving. Without a
// listener the constructor does nothing more.

// watchedExecutor is executor made to report a second resolution of the promise the constructor
// makes; promise is set to it once made.
func (rt *Runtime) watchedExecutor(executor goja.Value, promise **goja.Object) goja.Value {
	f, ok := goja.AssertFunction(executor)
	if !ok {
		return executor // (the constructor's own TypeError)
	}
	vm := rt.vm
	return vm.ToValue(func(c goja.FunctionCall) goja.Value {
		resolved := false
		report := func(kind string, v goja.Value) {
			get := func(goja.FunctionCall) goja.Value {
				if *promise == nil {
					return goja.Undefined()
				}
				return *promise
			}
			_ = rt.callHook("multipleResolves", vm.ToValue(kind), vm.ToValue(get), v)
		}
		wrap := func(fn goja.Value, kind string) goja.Value {
			call, _ := goja.AssertFunction(fn)
			return vm.ToValue(func(c goja.FunctionCall) goja.Value {
				if resolved {
					report(kind, c.Argument(0))
					return goja.Undefined()
				}
				resolved = true
				if call != nil {
					return callThrowing(call, goja.Undefined(), c.Argument(0))
				}
				return goja.Undefined()
			})
		}
		_, err := f(goja.Undefined(), wrap(c.Argument(0), "resolve"), wrap(c.Argument(1), "reject"))
		if err != nil {
			if ex, ok := err.(*goja.Exception); ok && resolved {
				report("reject", ex.Value())
			}
			panic(err)
		}
		return goja.Undefined()
	})
}

// watchedExecutorFrame reports whether f is the Go frame of a watchedExecutor, between the
// constructor's caller and the executor (the place of V8's `new Promise` frame).
func watchedExecutorFrame(f *goja.StackFrame) bool {
	return strings.HasPrefix(f.FuncName(), "github.com/gojs-dev/gojs/runtime.(*Runtime).watchedExecutor.")
}
