// Package events implements Node's events module: EventEmitter and its helpers
// (https://nodejs.org/api/events.html). Most of it is JS glue on top of internal/errors and
// internal/validators; EventEmitter.prototype.emit has a Go fast path, because a JS emit has to
// read `arguments` (which goja allocates on every call) to pass listeners exactly the arguments
// it was given.
package events

import (
	_ "embed"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed events.js
var glue string

// Module is the "events" built-in. Its rarely used parts (the unhandled 'error' stack's
// enhancement, events.on's iterator, EventEmitterAsyncResource) are compiled on first use
// (modules.GluePart).
var Module = modules.Module{Name: "events", Bind: bind, JSRef: &glue, GlueParts: true}

//go:embed fixed_queue.js
var fixedQueueJS string

// FixedQueue is "internal/fixed_queue": the O(1)-shift queue that events.on and the web streams
// share.
var FixedQueue = modules.Module{Name: "internal/fixed_queue", Internal: true, JSRef: &fixedQueueJS}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// makeEmit returns the fast emit. slow(type, ...args) handles 'error' and anything unusual;
	// addCatch(emitter, result, type, args) handles listeners that return objects (promises for
	// captureRejections).
	// noteThis(fn, this) and endThis(mark), for the once wrapper and the JS emit
	modules.SetNoteThis(h, b)
	modules.SetGluePart(vm, b, "node:events", &glue)
	// the symbols of an EventTarget's listener limit, which events exports and EventTarget
	// (internal/event_target) uses without loading events' glue
	b.Set("kMaxEventTargetListeners", goja.NewSymbol("events.maxEventTargetListeners"))
	b.Set("kMaxEventTargetListenersWarned", goja.NewSymbol("events.maxEventTargetListenersWarned"))
	b.Set("makeEmit", func(slowV, addCatchV goja.Value) goja.Value {
		slow, ok1 := goja.AssertFunction(slowV)
		addCatch, ok2 := goja.AssertFunction(addCatchV)
		if !ok1 || !ok2 {
			panic(vm.NewTypeError("makeEmit: functions required"))
		}
		e := &emitter{h: h, vm: vm, loop: h.Loop, slow: slow, addCatch: addCatch, errorStr: vm.ToValue("error"),
			dataStr: vm.ToValue("data"), vTrue: vm.ToValue(true), vFalse: vm.ToValue(false)}
		return modules.NameFunc(vm, vm.ToValue(e.emit).(*goja.Object), "emit", 1)
	})
	// lastListener(list, listener): removeListener's search (modules.LastMatch), -2 when the
	// JS loop must make it.
	b.Set("lastListener", func(list, target goja.Value) int {
		lo, ok1 := list.(*goja.Object)
		to, ok2 := target.(*goja.Object)
		if !ok1 || !ok2 {
			return -2
		}
		if i, ok := modules.LastMatch(lo, to, kListener); ok {
			return i
		}
		return -2
	})
	return nil
}

type emitter struct {
	h        *modules.Host
	vm       *goja.Runtime
	loop     *eventloop.Loop // NoteThis: a listener's frames are named after the emitter
	slow     goja.Callable
	addCatch goja.Callable
	errorStr goja.Value
	dataStr  goja.Value
	vTrue    goja.Value
	vFalse   goja.Value

	// A cache of listener objects to their Callables: goja.AssertFunction allocates a closure
	// on every call, and the same listeners are called over and over. 128 sets of four entries
	// (the last used first), chosen by the object's address (goja's objects do not move; see
	// cacheSet), so that a server's hundreds of sockets, each with its own 'data' listener called
	// in turn, mostly hit (a 16-entry FIFO missed every time: two allocations per 'data'; 128
	// sets of two missed on a fifth to a half of the 50-connection ping-pong's 'data' events,
	// its 100 listeners being three or more in many sets). A listener kept here stays reachable
	// until others take its entry.
	cache [cacheSets * cacheWays]cachedFn
}

const (
	cacheSetBits = 7
	cacheSets    = 1 << cacheSetBits
	cacheWays    = 4
)

// cacheSet is the set of o in emitter.cache: the top bits of its address times 2^64/φ
// (Fibonacci hashing), which mixes every bit of the address into the set.
func cacheSet(o *goja.Object) uintptr {
	return uintptr(uint64(uintptr(unsafe.Pointer(o))) * 0x9E3779B97F4A7C15 >> (64 - cacheSetBits))
}

type cachedFn struct {
	o   *goja.Object
	f   goja.Callable
	raw modules.RawFunc // (nil: call f)
	// seen: called once through f already; noRaw: RawOf refused o. A listener's RawOf is
	// asked at its second call (a once wrapper, new for every registration, is called once).
	seen, noRaw bool
}

func (e *emitter) callable(v goja.Value) (goja.Callable, bool) {
	c := e.cached(v)
	if c == nil {
		return nil, false
	}
	return c.f, true
}

// cached returns v's entry in the cache (made on a miss), nil when v is not a function.
func (e *emitter) cached(v goja.Value) *cachedFn {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	set := (*[cacheWays]cachedFn)(e.cache[cacheSet(o)*cacheWays:])
	if set[0].o == o {
		return &set[0]
	}
	for i := 1; i < cacheWays; i++ {
		if set[i].o == o {
			hit := set[i]
			copy(set[1:i+1], set[:i])
			set[0] = hit
			return &set[0]
		}
	}
	f, ok := goja.AssertFunction(o)
	if !ok {
		return nil
	}
	copy(set[1:], set[:cacheWays-1])
	set[0] = cachedFn{o: o, f: f}
	return &set[0]
}

// call calls c's function with this and args: without goja's Callable wrapper when it can
// (modules.CallRaw), from its second call on.
func (e *emitter) call(c *cachedFn, this goja.Value, args []goja.Value) (goja.Value, error) {
	if c.raw == nil && !c.noRaw {
		if !c.seen {
			c.seen = true
		} else if c.raw, _ = modules.RawOf(c.o); c.raw == nil {
			c.noRaw = true
		}
	}
	if c.raw != nil {
		return modules.CallRaw(e.vm, c.o, c.raw, this, args)
	}
	return c.f(this, args...)
}

func (e *emitter) emit(call goja.FunctionCall) goja.Value {
	this, ok := call.This.(*goja.Object)
	if !ok || len(call.Arguments) == 0 {
		return e.callSlow(call)
	}
	typ := call.Arguments[0]
	if typ.StrictEquals(e.errorStr) {
		return e.callSlow(call)
	}
	evV := modules.GetKey(this, kEvents)
	if evV == nil || goja.IsUndefined(evV) {
		return e.vFalse
	}
	events, ok := evV.(*goja.Object)
	if !ok {
		return e.callSlow(call)
	}
	handler := e.handlerOf(events, typ)
	if handler == nil || goja.IsUndefined(handler) {
		return e.vFalse
	}
	args := call.Arguments[1:]
	if c := e.cached(handler); c != nil {
		at := e.h.Mark()
		mark := e.loop.NoteCall(c.o, this, eventloop.CallEmit)
		res, err := e.call(c, this, args)
		e.loop.EndCall(mark, res)
		if err != nil {
			res = e.failed(handler, err, at)
		}
		if _, isObj := res.(*goja.Object); isObj {
			e.catch(this, res, typ, args)
		}
		return e.vTrue
	}
	list, ok := handler.(*goja.Object)
	if !ok || list.ClassName() != "Array" {
		return e.callSlow(call)
	}
	n := int(list.Get("length").ToInteger())
	var buf [8]goja.Callable
	var objBuf [8]goja.Value
	fns, objs := buf[:0], objBuf[:0]
	for i := 0; i < n; i++ {
		o := list.Get(itoa(i))
		f, ok := e.callable(o)
		if !ok {
			return e.callSlow(call)
		}
		fns, objs = append(fns, f), append(objs, o)
	}
	at := e.h.Mark()
	for i, f := range fns {
		fo, _ := objs[i].(*goja.Object)
		mark := e.loop.NoteCall(fo, this, eventloop.CallEmitList)
		res, err := f(this, args...)
		e.loop.EndCall(mark, res)
		if err != nil {
			res = e.failed(objs[i], err, at)
		}
		if _, isObj := res.(*goja.Object); isObj {
			e.catch(this, res, typ, args)
		}
	}
	return e.vTrue
}

// failed passes on err, the error of listener's call (see Host.Repanic), or, for an async
// listener that overflowed the stack, gives the rejected promise its call returns in node.
func (e *emitter) failed(listener goja.Value, err error, at eventloop.VMMark) goja.Value {
	if p, ok := e.h.AsyncOverflow(listener, err, at); ok {
		return p
	}
	e.h.Repanic(err, at)
	return nil
}

// The keys emit reads through modules.GetKey, which converts a name once rather than on every
// read: the emitter's _events, and in it the listeners of the hottest event a stream emits.
var kEvents, kData, kListener = modules.NewKey("_events"), modules.NewKey("data"), modules.NewKey("listener")

// handlerOf is events[typ]: the listener or listeners of typ.
func (e *emitter) handlerOf(events *goja.Object, typ goja.Value) goja.Value {
	switch t := typ.(type) {
	case *goja.Symbol:
		return events.GetSymbol(t)
	default:
		if typ.StrictEquals(e.dataStr) {
			return modules.GetKey(events, kData)
		}
		return events.Get(typ.String())
	}
}

func (e *emitter) catch(this *goja.Object, res, typ goja.Value, args []goja.Value) {
	at := e.h.Mark()
	if _, err := e.addCatch(goja.Undefined(), this, res, typ, e.vm.NewArray(toAny(args)...)); err != nil {
		e.h.Repanic(err, at)
	}
}

func toAny(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func (e *emitter) callSlow(call goja.FunctionCall) goja.Value {
	at := e.h.Mark()
	res, err := e.slow(call.This, call.Arguments...)
	if err != nil {
		e.h.Repanic(err, at)
	}
	return res
}

var smallInts = [16]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"}

func itoa(i int) string {
	if i < len(smallInts) {
		return smallInts[i]
	}
	return itoaSlow(i)
}

func itoaSlow(i int) string {
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}
