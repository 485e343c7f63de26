// Package webevents implements the web event classes Node exposes as globals: EventTarget, Event,
// CustomEvent, AbortController, AbortSignal and DOMException
// (https://nodejs.org/api/events.html#eventtarget-and-event-api,
// https://nodejs.org/api/globals.html#class-abortcontroller). Its module, "internal/event_target",
// exports the six classes; the runtime's bootstrap installs them as globals.
package webevents

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed event_target.js
var glue string

// Module is the "internal/event_target" built-in.
var Module = modules.Module{Name: "internal/event_target", Internal: true, Bind: bind, JSRef: &glue}

func bind(h *modules.Host, b *goja.Object) error {
	start := time.Now()
	// now is Event.timeStamp: milliseconds since the module was bound.
	b.Set("now", func(goja.FunctionCall) goja.Value {
		return h.VM.ToValue(float64(time.Since(start).Nanoseconds()) / 1e6)
	})
	// asyncHooksOn tells whether async hooks are set (node's promises are resources then)
	b.Set("asyncHooksOn", func(goja.FunctionCall) goja.Value { return h.VM.ToValue(h.Loop.AsyncHooksOn()) })
	// timeout runs fn once after ms milliseconds on an unreferenced loop timer, so a pending
	// AbortSignal.timeout never keeps the process alive.
	b.Set("timeout", func(ms int64, fn goja.Callable) {
		t := h.Loop.NewTimer(time.Duration(ms)*time.Millisecond, false, func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		t.Unref()
	})
	return nil
}
