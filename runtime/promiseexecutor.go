package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
)

// goja's Promise constructor calls its executor with a Go nil this, which a script function
// reads as undefined but a built-in that reads its receiver dereferences:
// new Promise(Array.prototype.push) (or join, String.prototype.trim...) killed the process
// with a nil pointer panic, where the executor throws in node ("Cannot convert undefined or null
// to object") and so rejects the promise. guardPromiseExecutor puts
// a check in front of the constructor's construct function (the Promise object keeps its
// identity, statics, species and subclassing): an executor that is not a script function is
// called through a function that passes undefined as this. A script executor (the common
// case) costs one look at its implementation.
//
// It is done when the global Promise is first made (globalGuards: a runtime that never uses
// Promise pays nothing), or, when goja's layout is unknown, before a script that names Promise
// runs (noteScriptSource).
//
// The guard is also the Go frame where a stack overflow in the executor stops (goja lets no JS
// catch one): node's new Promise(() => recurse()) is a promise rejected with the RangeError, so
// the guard returns one, in place of the promise goja made and lost on the way out (an executor
// that kept its resolve or reject functions calls them in vain). On the ordinary path that costs
// a Mark and a deferred recover per new Promise: no allocation.
func guardPromiseExecutor(rt *Runtime, ctor *goja.Object) {
	vm := rt.vm
	slot := constructField(ctor)
	if slot == nil {
		return
	}
	orig := *slot
	*slot = func(args []goja.Value, newTarget *goja.Object) (p *goja.Object) {
		at := rt.host.Mark()
		defer func() {
			if x := recover(); x != nil {
				p = rt.rejectedByOverflow(x, at, newTarget)
			}
		}()
		if len(args) > 0 {
			if ex, ok := args[0].(*goja.Object); ok && funcProgram(ex) == nil && !rt.combinatorExecutor(ex) {
				if f, ok := goja.AssertFunction(ex); ok {
					args = append([]goja.Value{vm.ToValue(func(c goja.FunctionCall) goja.Value {
						return callThrowing(f, goja.Undefined(), c.Arguments...)
					})}, args[1:]...)
				}
			}
		}
		if rt.multipleResolves && len(args) > 0 {
			var made *goja.Object
			args = append([]goja.Value{rt.watchedExecutor(args[0], &made)}, args[1:]...)
			made = orig(args, newTarget)
			return made
		}
		return orig(args, newTarget)
	}
}

// rejectedByOverflow is the promise new Promise (newTarget) gives when its executor overflowed
// the stack: one rejected with node's RangeError. Anything else recovered, x, panics on.
func (rt *Runtime) rejectedByOverflow(x any, at eventloop.VMMark, newTarget *goja.Object) *goja.Object {
	v, ok := rt.host.CatchOverflow(x, at)
	if !ok {
		panic(x)
	}
	vm := rt.vm
	p, _, reject := vm.NewPromise()
	o := vm.ToValue(p).(*goja.Object)
	if newTarget != nil {
		if proto, ok := newTarget.Get("prototype").(*goja.Object); ok {
			o.SetPrototype(proto)
		}
	}
	if err := reject(v); err != nil {
		panic(err)
	}
	return o
}

// installPromiseExecutorGuard guards the runtime's Promise constructor once (the fallback for
// when the global template cannot be used).
func (rt *Runtime) installPromiseExecutorGuard() {
	rt.promiseExecutorGuarded = true
	if ctor, ok := rt.vm.Get("Promise").(*goja.Object); ok {
		guardPromiseExecutor(rt, ctor)
		rt.installPromiseCombinators(ctor)
	}
}

// withGlobalGuards adds to m (the global template's factories) the guards put on goja's globals
// when a runtime first makes them: Promise's executor guard.
func withGlobalGuards(lay *globalTemplateLayout, m map[string]globalTemplateFactory) map[string]globalTemplateFactory {
	m["Promise"] = lay.wrapGoja("Promise", func(r *goja.Runtime, v goja.Value) goja.Value {
		if l := lazyOwnerOf(lay, r); l != nil && !l.rt.promiseExecutorGuarded {
			if ctor, ok := lay.dataValue(v).(*goja.Object); ok {
				l.rt.promiseExecutorGuarded = true
				guardPromiseExecutor(l.rt, ctor)
				l.rt.installPromiseCombinators(ctor)
			}
		}
		return v
	})
	return m
}
