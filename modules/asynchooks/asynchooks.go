// Package asynchooks implements Node's async_hooks module (https://nodejs.org/api/async_hooks.html):
// AsyncLocalStorage and AsyncResource, whose context follows the program through nextTick,
// timers, immediates, promise reactions (goja's AsyncContextTracker) and I/O callbacks, because
// the event loop captures the context when it schedules each callback; and node's async ids
// (executionAsyncId, triggerAsyncId, executionAsyncResource) and hooks (createHook), which the
// loop keeps for its timers, immediates, ticks, handles and requests (eventloop/asyncids.go).
//
// Promises differ from node's: goja shows no promise being made, so with a hook enabled each
// reaction (a then or an await) is a PROMISE resource of its own, made when the reaction is
// registered and triggered by the execution registering it (node's trigger is the parent
// promise); its init's resource is a placeholder object, not the promise; promiseResolve comes
// when the reaction's handler returns; no destroy is emitted for a promise.
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

// AsyncResourcer is a loop resource (a Runner, a handle's owner) whose JS object is not itself:
// executionAsyncResource and the init hook get the object.
type AsyncResourcer interface{ AsyncResource() goja.Value }

// hooks is the loop's eventloop.AsyncHooks: each event goes to the glue's dispatcher.
type hooks struct {
	vm       *goja.Runtime
	dispatch goja.Callable // dispatch(event, id, type, triggerId, resource)
}

// The events, as the glue's dispatcher numbers them.
const (
	evInit = iota
	evBefore
	evAfter
	evDestroy
	evPromiseResolve
)

func (k *hooks) Init(id int64, typ string, trigger int64, res any) (any, error) {
	v := resourceValue(res)
	if class, ok := res.(string); ok {
		// (the class name of the object the glue makes for it)
		return k.dispatch(goja.Undefined(), k.vm.ToValue(evInit), k.vm.ToValue(id), k.vm.ToValue(typ),
			k.vm.ToValue(trigger), v, k.vm.ToValue(class))
	}
	return k.dispatch(goja.Undefined(), k.vm.ToValue(evInit), k.vm.ToValue(id), k.vm.ToValue(typ),
		k.vm.ToValue(trigger), v)
}

func (k *hooks) event(ev int, id int64) error {
	_, err := k.dispatch(goja.Undefined(), k.vm.ToValue(ev), k.vm.ToValue(id))
	return err
}

func (k *hooks) Before(id int64) error         { return k.event(evBefore, id) }
func (k *hooks) After(id int64) error          { return k.event(evAfter, id) }
func (k *hooks) Destroy(id int64) error        { return k.event(evDestroy, id) }
func (k *hooks) PromiseResolve(id int64) error { return k.event(evPromiseResolve, id) }

// resourceValue is the JS object of a loop resource; undefined when it has none (the glue then
// makes one; a string res is the class name of the one it makes).
func resourceValue(res any) goja.Value {
	switch r := res.(type) {
	case goja.Value:
		return r
	case AsyncResourcer:
		return r.AsyncResource()
	}
	return goja.Undefined()
}

func bind(h *modules.Host, b *goja.Object) error {
	l := h.Loop
	b.Set("getContext", func() goja.Value {
		if v, ok := l.AsyncContext().(goja.Value); ok {
			return v
		}
		return goja.Undefined()
	})
	b.Set("setContext", func(v goja.Value) {
		if goja.IsUndefined(v) {
			l.SetAsyncContext(nil)
			return
		}
		l.SetAsyncContext(v)
	})
	b.Set("newAsyncId", func() int64 { return l.NewAsyncID() })
	b.Set("executionAsyncId", func() int64 { id, _, _ := l.ExecAsync(); return id })
	b.Set("triggerAsyncId", func() int64 { _, t, _ := l.ExecAsync(); return t })
	// the running resource's object (undefined: the glue uses one of its own for the execution)
	b.Set("executionAsyncResource", func() goja.Value { _, _, r := l.ExecAsync(); return resourceValue(r) })
	b.Set("pushScope", func(id, trigger int64, res goja.Value) { l.PushAsync(id, trigger, res) })
	b.Set("popScope", func() { l.PopAsync() })
	b.Set("emitInit", func(id int64, typ string, trigger int64, res goja.Value) { l.EmitInit(id, typ, trigger, res) })
	b.Set("emitDestroy", func(id int64) { l.EmitDestroy(id) })
	// setTrampoline(on): whether node would now call its native side's callbacks through
	// callbackTrampoline (the stacks' frame below them)
	b.Set("setTrampoline", func(on bool) { h.CallbackTrampoline = on })
	// setHooks(dispatch) turns the loop's hooks on (a function) or off (null).
	b.Set("setHooks", func(fn goja.Value) {
		cb, ok := goja.AssertFunction(fn)
		if !ok {
			l.SetAsyncHooks(nil)
			return
		}
		l.SetAsyncHooks(&hooks{vm: h.VM, dispatch: cb})
	})
	return nil
}
