// Package asynchooks implements Node's async_hooks module (https://nodejs.org/api/async_hooks.html)
// as far as goja allows: AsyncLocalStorage and AsyncResource, whose context follows the program
// through nextTick, timers, immediates, promise reactions (goja's AsyncContextTracker) and I/O
// callbacks, because the event loop captures the context when it schedules each callback.
// createHook returns hooks that never fire: goja exposes no per-resource lifecycle.
package asynchooks

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed async_hooks.js
var glue string

// Module is the "async_hooks" built-in.
var Module = modules.Module{Name: "async_hooks", Bind: bind, JSRef: &glue}

func bind(h *modules.Host, b *goja.Object) error {
	b.Set("getContext", func() goja.Value {
		if v, ok := h.Loop.AsyncContext().(goja.Value); ok {
			return v
		}
		return goja.Undefined()
	})
	b.Set("setContext", func(v goja.Value) {
		if goja.IsUndefined(v) {
			h.Loop.SetAsyncContext(nil)
			return
		}
		h.Loop.SetAsyncContext(v)
	})
	return nil
}
