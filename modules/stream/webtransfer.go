package stream

import (
	"reflect"

	"github.com/dop251/goja"

	"github.com/gojs-dev/gojs/modules"
)

// bindWeb fills internal/webstreams' binding. Loop only, as every Bind.
func bindWeb(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	modules.SetGluePart(vm, b, "node:internal/webstreams", &webstreamsJS)
	// reaction(fn, a, b): fn(a, b) a microtask later, as an internal promise's reaction
	// (Host.ReactionFunc), for the quick paths of a source's pull and a sink's write.
	b.Set("reaction", h.ReactionFunc())
	// hooksOn() tells whether async hooks are set (the quick paths then make node's promises).
	l := h.Loop
	b.Set("hooksOn", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(l != nil && l.AsyncHooksOn())
	})
	// quickOK() tells whether a pipe's read-write loop may run on reactionPlain: no async hooks
	// are set and no async context is current (the loop's steps then run in none, as node's do).
	b.Set("quickOK", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(l != nil && !l.AsyncHooksOn() && l.AsyncContext() == nil)
	})
	// reactionPlain(fn, a) is reaction(fn, a) queued in no async context, whatever the current one
	// is: the reaction of a promise whose then() was called where there was none (a pipe's loop,
	// its step settled from some other context). False, and nothing queued, with async hooks on.
	reactionPlain := func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok || l == nil {
			return vm.ToValue(false)
		}
		a := c.Argument(1)
		job := func() error {
			_, err := fn(goja.Undefined(), a)
			return err
		}
		prev := l.AsyncContext()
		if prev == nil {
			return vm.ToValue(l.QueueReaction(job))
		}
		l.SetAsyncContext(nil)
		queued := l.QueueReaction(job)
		l.SetAsyncContext(prev)
		return vm.ToValue(queued)
	}
	b.Set("reactionPlain", reactionPlain)
	// transfer(buffer) is the streams spec's TransferArrayBuffer (node's detachArrayBuffer): a new
	// ArrayBuffer takes buffer's bytes, without a copy, and buffer is left detached. A value that
	// is not an ArrayBuffer, or one already detached, is undefined.
	b.Set("transfer", func(c goja.FunctionCall) goja.Value {
		obj, ok := c.Argument(0).(*goja.Object)
		if !ok || obj.ExportType() != arrayBufferType {
			return goja.Undefined()
		}
		ab, ok := modules.ExportAs[goja.ArrayBuffer](obj)
		if !ok || ab.Detached() {
			return goja.Undefined()
		}
		data := ab.Bytes()
		ab.Detach()
		return vm.ToValue(vm.NewArrayBuffer(data))
	})
	// isDetached(buffer) tells a detached ArrayBuffer (node's isArrayBufferDetached).
	b.Set("isDetached", func(c goja.FunctionCall) goja.Value {
		obj, ok := c.Argument(0).(*goja.Object)
		if !ok || obj.ExportType() != arrayBufferType {
			return vm.ToValue(false)
		}
		ab, ok := modules.ExportAs[goja.ArrayBuffer](obj)
		return vm.ToValue(ok && ab.Detached())
	})
	return nil
}

var arrayBufferType = reflect.TypeFor[goja.ArrayBuffer]()
