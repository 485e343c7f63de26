package runtime

import (
	"reflect"
	goruntime "runtime"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// V8 names the frame of an async arrow function after the receiver of the call that started it,
// after an await too: mocha's fn.call(ctx) of `async () => { await x; throw e }` fails
// "at Context.<anonymous>", an emitter's async listener "at EventEmitter.<anonymous>". goja
// drops an arrow's receiver at the call, and a function resumed by a promise job has no caller
// frame left to find it in (before its first await, calledThis finds it in call's frame). So the
// calls that pass an async arrow a receiver note it by the promise they return (the loop's
// NoteAsyncThis): Function.prototype.call, apply and Reflect.apply (their implementations are
// wrapped in place: the functions keep their identity, names and frames), a function bind made
// of one (its call is wrapped the same way), and Go code calling one (EndCall: emit, timers).
// The running body's frame (resumedArrowThis) and the awaiting ones (asyncFrameSlots) find it
// through their asyncRunner's promise. A direct call o.m() of an async arrow notes nothing
// (goja's call instruction has no place to hook).

// asyncArrowTab is goja's itab for an async arrow function object (the word an Object's self
// interface starts with), nil when the layout is unknown: telling one costs a load and a compare.
var asyncArrowTab = modules.Lazy[unsafe.Pointer]{Build: func() unsafe.Pointer {
	f, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || f.Type.Kind() != reflect.Interface || f.Offset != 0 {
		return nil
	}
	r := goja.New()
	arrow, err1 := r.RunString("async () => {}")
	plain, err2 := r.RunString("(async function () {})")
	a, ok1 := arrow.(*goja.Object)
	p, ok2 := plain.(*goja.Object)
	if err1 != nil || err2 != nil || !ok1 || !ok2 {
		return nil
	}
	tab := (*ifacePair)(unsafe.Pointer(a)).tab
	if tab == nil || tab == (*ifacePair)(unsafe.Pointer(p)).tab {
		return nil
	}
	return tab
}}

// isAsyncArrow reports whether v is an async arrow function.
func isAsyncArrow(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return false
	}
	tab := asyncArrowTab.Get()
	return tab != nil && (*ifacePair)(unsafe.Pointer(o)).tab == tab
}

// nativeCallType is the type of the Go function a native function object runs.
var nativeCallType = reflect.TypeFor[func(goja.FunctionCall) goja.Value]()

// nativeCallField points at the Go function goja's native (or bound) function object fn runs,
// nil when fn is not one or the layout is unknown.
func nativeCallField(fn *goja.Object) *func(goja.FunctionCall) goja.Value {
	impl, ok := objectImpl(fn)
	if !ok {
		return nil
	}
	if n := impl.Type().Elem().Name(); n != "nativeFuncObject" && n != "boundFuncObject" {
		return nil
	}
	sf, ok := impl.Type().Elem().FieldByName("f")
	if !ok || sf.Type != nativeCallType {
		return nil
	}
	p := (*func(goja.FunctionCall) goja.Value)(unsafe.Pointer(impl.Elem().FieldByIndex(sf.Index).UnsafeAddr()))
	if *p == nil {
		return nil
	}
	return p
}

// arrowCallHook is a wrapped implementation of call, apply, Reflect.apply, bind, or a function
// bind made: its methods are the wrappers. builtinGoName names them after the originals (the
// frames of built-ins called through call and apply are told by those names).
type arrowCallHook struct {
	orig func(goja.FunctionCall) goja.Value
	loop *eventloop.Loop
	this goja.Value // (a bound function's receiver)
}

// hookedGoNames maps the Go names of arrowCallHook's wrappers to those of the functions they wrap.
var hookedGoNames sync.Map

// hookNative replaces the Go function of fn (a native function object) by the one wrap makes
// of it, a method value whose Go name then stands for the original's (builtinGoName).
func hookNative(fn goja.Value, wrap func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value) {
	o, ok := fn.(*goja.Object)
	if !ok {
		return
	}
	p := nativeCallField(o)
	if p == nil {
		return
	}
	w := wrap(*p)
	if name := goFuncName(w); name != "" {
		if _, known := hookedGoNames.Load(name); !known {
			hookedGoNames.Store(name, goFuncName(*p))
		}
	}
	*p = w
}

// goFuncName is the name of the Go function f ("" if unknown).
func goFuncName(f func(goja.FunctionCall) goja.Value) string {
	if rf := goruntime.FuncForPC(reflect.ValueOf(f).Pointer()); rf != nil {
		return rf.Name()
	}
	return ""
}

// call is Function.prototype.call's and apply's wrapper.
func (h *arrowCallHook) call(c goja.FunctionCall) goja.Value {
	if !isAsyncArrow(c.This) {
		return h.orig(c)
	}
	res := h.orig(c)
	h.loop.NoteAsyncThis(res, c.Argument(0))
	return res
}

// apply is Function.prototype.apply's: call's, under a Go name of its own.
func (h *arrowCallHook) apply(c goja.FunctionCall) goja.Value { return h.call(c) }

// reflectApply is Reflect.apply's.
func (h *arrowCallHook) reflectApply(c goja.FunctionCall) goja.Value {
	if !isAsyncArrow(c.Argument(0)) {
		return h.orig(c)
	}
	res := h.orig(c)
	h.loop.NoteAsyncThis(res, c.Argument(1))
	return res
}

// bind is Function.prototype.bind's: a function bound to a receiver made of an async arrow
// function notes it at each call (bound).
func (h *arrowCallHook) bind(c goja.FunctionCall) goja.Value {
	res := h.orig(c)
	if this := c.Argument(0); isAsyncArrow(c.This) && !goja.IsUndefined(this) && !goja.IsNull(this) {
		hookNative(res, func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
			return (&arrowCallHook{orig: orig, loop: h.loop, this: this}).bound
		})
	}
	return res
}

// bound is the wrapper of a bound async arrow function's call.
func (h *arrowCallHook) bound(c goja.FunctionCall) goja.Value {
	res := h.orig(c)
	h.loop.NoteAsyncThis(res, h.this)
	return res
}

// hookAsyncArrowCalls wraps Function.prototype's call, apply and bind (see above). Loop only, at
// bootstrap.
func (rt *Runtime) hookAsyncArrowCalls(fnProto *goja.Object) {
	if asyncArrowTab.Get() == nil {
		return
	}
	loop := rt.loop
	hookNative(fnProto.Get("call"), func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return (&arrowCallHook{orig: orig, loop: loop}).call
	})
	hookNative(fnProto.Get("apply"), func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return (&arrowCallHook{orig: orig, loop: loop}).apply
	})
	hookNative(fnProto.Get("bind"), func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return (&arrowCallHook{orig: orig, loop: loop}).bind
	})
}

// hookReflectApply wraps Reflect.apply (r is Reflect) as Function.prototype.apply.
func (rt *Runtime) hookReflectApply(r *goja.Object) {
	if asyncArrowTab.Get() == nil {
		return
	}
	loop := rt.loop
	hookNative(r.Get("apply"), func(orig func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return (&arrowCallHook{orig: orig, loop: loop}).reflectApply
	})
}

// runnerPromise is the promise of goja's asyncRunner runner (nil for none).
func runnerPromise(l *asyncLayout, runner unsafe.Pointer) *goja.Object {
	pcap := *(*unsafe.Pointer)(unsafe.Add(runner, l.runnerCap))
	if pcap == nil {
		return nil
	}
	return *(**goja.Object)(unsafe.Add(pcap, l.capPromise))
}

// resumedArrowThis is the receiver noted for callee, an arrow function whose frame the walk w is
// at, when that frame is the body of the running async function resumed after an await (the
// frame just above the marker goja's resume puts below it); nil otherwise. Loop only.
func (rt *Runtime) resumedArrowThis(callee *goja.Object, w *slotWalk) goja.Value {
	l := asyncLayoutOf.Get()
	if !l.ok || !w.l.ctxPCOK || w.cur <= 0 || w.cur > w.calls.len {
		return nil
	}
	runner := *(*unsafe.Pointer)(unsafe.Add(w.vmp, l.vmRunner))
	if runner == nil {
		return nil
	}
	stack := *(*[]goja.Value)(unsafe.Add(unsafe.Add(runner, l.runnerCtx), l.ctxStack))
	if len(stack) == 0 || stack[0] != goja.Value(callee) {
		return nil
	}
	marker := unsafe.Add(w.calls.data, uintptr(w.cur-1)*w.l.ctxSize)
	if *(*unsafe.Pointer)(unsafe.Add(marker, w.l.ctxPrg)) != nil || *(*int)(unsafe.Add(marker, w.l.ctxPC)) != -2 {
		return nil
	}
	this, _ := rt.loop.AsyncThis(runnerPromise(&l, runner))
	return this
}
