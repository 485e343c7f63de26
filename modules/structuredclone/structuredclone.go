// Package structuredclone implements the structuredClone global (the HTML structured clone
// algorithm as Node 20's V8 serializer applies it): https://nodejs.org/api/globals.html#structuredclonevalue-options.
//
// It is the internal module "internal/structured_clone", which the runtime installs as the
// global. Cloning walks values in JS glue (cycles, Maps, Sets, Dates, RegExps, typed arrays,
// ArrayBuffers with transfer, errors, boxed primitives); Go detaches transferred buffers.
package structuredclone

import (
	_ "embed"
	"reflect"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed structuredclone.js
var glue string

// Module is "internal/structured_clone".
var Module = modules.Module{Name: "internal/structured_clone", Internal: true, Bind: bind, JSRef: &glue}

func bind(h *modules.Host, o *goja.Object) error {
	// callThrough(fn, this, ...args) calls fn from Go (see Host.CallThrough).
	o.Set("callThrough", h.CallThrough)
	// detach(buffer) detaches an ArrayBuffer, as transferring does.
	o.Set("detach", func(c goja.FunctionCall) goja.Value {
		if ab, ok := c.Argument(0).Export().(goja.ArrayBuffer); ok {
			return h.VM.ToValue(ab.Detach())
		}
		return h.VM.ToValue(false)
	})
	// isDetached reports whether an ArrayBuffer is detached.
	o.Set("isDetached", func(c goja.FunctionCall) goja.Value {
		// (ExportType first: Export copies a typed array out, and panics for one whose buffer
		// was detached)
		if obj, ok := c.Argument(0).(*goja.Object); ok && obj.ExportType() == arrayBufferType {
			if ab, ok := obj.Export().(goja.ArrayBuffer); ok {
				return h.VM.ToValue(ab.Detached())
			}
		}
		return h.VM.ToValue(false)
	})
	// isProxy reports whether v is a Proxy, which cannot be cloned.
	o.Set("isProxy", func(c goja.FunctionCall) goja.Value {
		if obj, ok := c.Argument(0).(*goja.Object); ok && obj.ExportType() == proxyType {
			return h.VM.ToValue(true)
		}
		return h.VM.ToValue(false)
	})
	return nil
}

var (
	arrayBufferType = reflect.TypeFor[goja.ArrayBuffer]()
	proxyType       = reflect.TypeFor[goja.Proxy]()
)
