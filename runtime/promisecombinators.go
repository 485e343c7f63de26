package runtime

import (
	"math"
	"strconv"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Promise.all, allSettled, any and race, written here in Go after the specification, in place
// of goja's. Two reasons:
//
//   - V8's stack of an error in an async function awaited through one of them goes on past it:
//     "at async Promise.all (index 1)", then the async functions awaiting the combined promise
//     (asyncchain.go). It finds them from the function a reaction of the awaited promise calls:
//     an element function of the combinator, which knows its index and the promise it settles.
//     goja's element functions are closures no one can look into; these are method values of a
//     promiseElement, which the chain's walker recognises by their
//     code and reads. (race's elements resolve the combined promise with its own resolve
//     function, which the walker follows as V8 does.)
//   - V8's words for the errors on the way: "#<Object> is not a constructor", "Promise resolve
//     or reject function is not callable", "resolve is not a function", "undefined is not
//     iterable (cannot read property Symbol(Symbol.iterator))", "Result of the Symbol.iterator
//     method is not an object", "Iterator result 1 is not an object", "number 5 is not a
//     function", and Promise.any's AggregateError "All promises were rejected" (goja made it
//     without a message).
//
// An array whose iterator is Array.prototype.values, with %ArrayIteratorPrototype%.next as
// built, is walked by index, as the array iterator does (length read at each step), without an
// iterator object and a result object per element. An element function is named ("", length 1)
// only when code of the program's could see it: when the promise's then is not the built-in
// one.

type combinatorKind uint8

const (
	combineAll combinatorKind = iota
	combineAllSettled
	combineAny
	combineRace
)

var combinatorNames = [...]string{"all", "allSettled", "any", "race"}

// promiseStatics is a runtime's state for the combinators.
type promiseStatics struct {
	rt        *Runtime
	ctor      *goja.Object // the Promise constructor they were installed on
	then      goja.Value   // Promise.prototype.then as built
	values    goja.Value   // Array.prototype.values as built
	iterNext  goja.Value   // %ArrayIteratorPrototype%.next as built
	iterProto *goja.Object
	// the executor for ctor's capabilities, shared (the constructor calls it at once, and no
	// code of the program's sees it), and what it was given
	executor                goja.Value
	execResolve, execReject goja.Value
	aggregate               *goja.Object // AggregateError, as it was when any first needed it
}

// promiseCap is a promise capability: the promise and its resolving functions.
type promiseCap struct {
	promise           *goja.Object
	resolve, reject   goja.Value
	resolveF, rejectF goja.Callable
}

// promiseCombine is one call of a combinator: the capability it settles, the values (errors for
// any) gathered and how many elements are still to settle.
type promiseCombine struct {
	ps        *promiseStatics
	kind      combinatorKind
	cap       promiseCap
	values    []goja.Value
	remaining int
}

// promiseElement is one element's function(s): its index, and whether one was called
// (allSettled's two share it).
type promiseElement struct {
	c      *promiseCombine
	index  int
	called bool
}

// installPromiseCombinators puts the combinators on ctor, the Promise constructor. Loop only.
func (rt *Runtime) installPromiseCombinators(ctor *goja.Object) {
	if rt.promiseStatics != nil {
		return
	}
	vm := rt.vm
	proto, ok := ctor.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	ps := &promiseStatics{rt: rt, ctor: ctor, then: proto.Get("then")}
	rt.promiseStatics = ps
	ps.executor = modules.Func(vm, "", 2, func(call goja.FunctionCall) goja.Value {
		ps.execResolve, ps.execReject = call.Argument(0), call.Argument(1)
		return goja.Undefined()
	})
	for k, name := range combinatorNames {
		kind := combinatorKind(k)
		fn := modules.Func(vm, name, 1, func(call goja.FunctionCall) goja.Value {
			return ps.combine(kind, call)
		})
		_ = ctor.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	// (V8's order of the statics: resolve before reject)
	resolve, reject := ctor.Get("resolve"), ctor.Get("reject")
	if resolve != nil && reject != nil && ctor.Delete("resolve") == nil && ctor.Delete("reject") == nil {
		_ = ctor.DefineDataProperty("resolve", resolve, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = ctor.DefineDataProperty("reject", reject, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// arrayIteration reads Array.prototype.values and %ArrayIteratorPrototype%.next as built, once.
func (ps *promiseStatics) arrayIteration() {
	if ps.values != nil {
		return
	}
	vm := ps.rt.vm
	ps.values = goja.Null()
	ap := builtinProto(vm, "Array")
	if ap == nil {
		return
	}
	values := ap.Get("values")
	f, ok := goja.AssertFunction(values)
	if !ok {
		return
	}
	it, err := f(vm.NewArray())
	if err != nil {
		return
	}
	itObj, ok := it.(*goja.Object)
	if !ok || itObj.Prototype() == nil {
		return
	}
	ps.iterProto = itObj.Prototype()
	ps.iterNext = ps.iterProto.Get("next")
	ps.values = values
}

// combine is Promise[name] (kind's).
func (ps *promiseStatics) combine(kind combinatorKind, call goja.FunctionCall) goja.Value {
	vm := ps.rt.vm
	c, ok := call.This.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Promise." + combinatorNames[kind] + " called on non-object"))
	}
	pc := ps.newCapability(c)
	var it promiseIter
	ex := vm.Try(func() {
		resolve, ok := goja.AssertFunction(c.Get("resolve"))
		if !ok {
			panic(vm.NewTypeError("resolve is not a function"))
		}
		it.open(ps, call.Argument(0))
		ps.perform(kind, &it, c, resolve, pc)
	})
	if ex != nil {
		if it.opened && !it.done {
			it.close()
		}
		callThrowing(pc.rejectF, goja.Undefined(), ex.Value())
	}
	return pc.promise
}

// newCapability is NewPromiseCapability(c): a new promise of c's and its resolving functions.
func (ps *promiseStatics) newCapability(c *goja.Object) promiseCap {
	vm := ps.rt.vm
	if _, ok := goja.AssertConstructor(c); !ok {
		panic(vm.NewTypeError(modules.V8ValueWords(vm, c) + " is not a constructor"))
	}
	var pc promiseCap
	var resolve, reject goja.Value
	executor := ps.executor
	if c != ps.ctor {
		executor = modules.Func(vm, "", 2, func(call goja.FunctionCall) goja.Value {
			if resolve != nil && !goja.IsUndefined(resolve) || reject != nil && !goja.IsUndefined(reject) {
				panic(vm.NewTypeError("Promise executor has already been invoked with non-undefined arguments"))
			}
			resolve, reject = call.Argument(0), call.Argument(1)
			return goja.Undefined()
		})
	} else {
		ps.execResolve, ps.execReject = nil, nil
	}
	p, err := vm.New(c, executor)
	if err != nil {
		panic(err)
	}
	if c == ps.ctor {
		resolve, reject = ps.execResolve, ps.execReject
		ps.execResolve, ps.execReject = nil, nil
	}
	rf, ok1 := goja.AssertFunction(resolve)
	jf, ok2 := goja.AssertFunction(reject)
	if !ok1 || !ok2 {
		panic(vm.NewTypeError("Promise resolve or reject function is not callable"))
	}
	pc.promise, pc.resolve, pc.reject, pc.resolveF, pc.rejectF = p, resolve, reject, rf, jf
	return pc
}

// perform is PerformPromiseAll (AllSettled, Any, Race): the loop over the iterable's values.
func (ps *promiseStatics) perform(kind combinatorKind, it *promiseIter, c *goja.Object, resolve goja.Callable, pc promiseCap) {
	pcb := &promiseCombine{ps: ps, kind: kind, cap: pc, remaining: 1}
	for index := 0; ; index++ {
		v, ok := it.step()
		if !ok {
			pcb.remaining--
			if pcb.remaining == 0 {
				pcb.finish()
			}
			return
		}
		if kind != combineRace {
			pcb.values = append(pcb.values, goja.Undefined())
		}
		next := callThrowing(resolve, c, v)
		thenF, builtin := ps.thenOf(next)
		var onFulfilled, onRejected goja.Value
		switch kind {
		case combineAll:
			e := &promiseElement{c: pcb, index: index}
			onFulfilled, onRejected = ps.elementFunc(e.onFulfilled, builtin), pc.reject
		case combineAllSettled:
			e := &promiseElement{c: pcb, index: index}
			onFulfilled, onRejected = ps.elementFunc(e.onFulfilled, builtin), ps.elementFunc(e.onRejected, builtin)
		case combineAny:
			e := &promiseElement{c: pcb, index: index}
			onFulfilled, onRejected = pc.resolve, ps.elementFunc(e.onRejected, builtin)
		default:
			onFulfilled, onRejected = pc.resolve, pc.reject
		}
		pcb.remaining++
		callThrowing(thenF, next, onFulfilled, onRejected)
	}
}

// thenOf is Invoke(next, "then")'s function: its then, callable (else V8's TypeError), and
// whether it is the built-in then of a promise of goja's (which keeps the functions it is given
// to itself).
func (ps *promiseStatics) thenOf(next goja.Value) (goja.Callable, bool) {
	vm := ps.rt.vm
	if next == nil || goja.IsUndefined(next) || goja.IsNull(next) {
		panic(vm.NewTypeError("Cannot read properties of " + next.String() + " (reading 'then')"))
	}
	obj := next.ToObject(vm)
	then := obj.Get("then")
	f, ok := goja.AssertFunction(then)
	if !ok {
		panic(vm.NewTypeError(v8CallSiteWords(then) + " is not a function"))
	}
	builtin := false
	if then == ps.then {
		_, builtin = modules.ExportAs[*goja.Promise](obj)
	}
	return f, builtin
}

// elementFunc makes f a function object; one code of the program's may see (hidden is false)
// gets V8's name and length for an element function.
func (ps *promiseStatics) elementFunc(f func(goja.FunctionCall) goja.Value, hidden bool) goja.Value {
	fn := ps.rt.vm.ToValue(f).(*goja.Object)
	if !hidden {
		modules.NameFunc(ps.rt.vm, fn, "", 1)
	}
	return fn
}

// finish settles the combined promise once every element has (or the iterable was empty).
func (c *promiseCombine) finish() {
	vm := c.ps.rt.vm
	switch c.kind {
	case combineAll, combineAllSettled:
		callThrowing(c.cap.resolveF, goja.Undefined(), newValuesArray(vm, c.values))
	case combineAny:
		callThrowing(c.cap.rejectF, goja.Undefined(), c.ps.aggregateError(c.values))
	}
}

// onFulfilled is all's and allSettled's element function for a fulfilled element.
func (e *promiseElement) onFulfilled(call goja.FunctionCall) goja.Value {
	return e.settle(call.Argument(0), "fulfilled", "value")
}

// onRejected is allSettled's and any's element function for a rejected element.
func (e *promiseElement) onRejected(call goja.FunctionCall) goja.Value {
	return e.settle(call.Argument(0), "rejected", "reason")
}

// settle records the element's value (allSettled's { status, key } of it) once, and finishes the
// combinator with its last element.
func (e *promiseElement) settle(v goja.Value, status, key string) goja.Value {
	if e.called {
		return goja.Undefined()
	}
	e.called = true
	c := e.c
	if c.kind == combineAllSettled {
		v = settledResult(c.ps.rt.vm, status, key, v)
	}
	c.values[e.index] = v
	c.remaining--
	if c.remaining == 0 {
		c.finish()
	}
	return goja.Undefined()
}

// settledResult is allSettled's { status, value } (or { status, reason }).
func settledResult(vm *goja.Runtime, status, key string, v goja.Value) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("status", status)
	_ = o.Set(key, v)
	return o
}

// newValuesArray is a new array of values.
func newValuesArray(vm *goja.Runtime, values []goja.Value) *goja.Object {
	a := vm.NewArray()
	if setValues(a, values) {
		return a
	}
	items := make([]any, len(values))
	for i, v := range values {
		items[i] = v
	}
	return vm.NewArray(items...)
}

// aggregateError is Promise.any's error when every element rejected: V8's, with no frames (it
// is made in the promise machinery) and its own properties in V8's order.
func (ps *promiseStatics) aggregateError(errors []goja.Value) goja.Value {
	vm := ps.rt.vm
	const message = "All promises were rejected"
	if ps.aggregate == nil {
		ps.aggregate, _ = vm.Get("AggregateError").(*goja.Object)
	}
	e, err := vm.New(ps.aggregate, vm.NewArray())
	if err != nil {
		panic(err)
	}
	for _, k := range [...]string{"stack", "message", "errors"} {
		_ = e.Delete(k)
	}
	_ = e.DefineDataProperty("stack", vm.ToValue("AggregateError: "+message), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = e.DefineDataProperty("message", vm.ToValue(message), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = e.DefineDataProperty("errors", newValuesArray(vm, errors), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return e
}

// v8CallSiteWords is a value as V8 names a callee that is not a function when it has no source
// to print (its BuildDefaultCallSite): its type, and a string's, number's or boolean's value.
func v8CallSiteWords(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	t := modules.TypeOf(v)
	switch t {
	case "string":
		return `string "` + v.String() + `"`
	case "number", "boolean":
		return t + " " + v.String()
	}
	return t
}

// promiseIter is an iterator record for the combinators: an iterator and its next, or an
// array walked by index (the array iterator's steps without its objects).
type promiseIter struct {
	ps     *promiseStatics
	iter   *goja.Object
	next   goja.Value
	arr    *goja.Object // the fast path's array
	index  int64
	opened bool // an iterator was got (so an abrupt end closes it, unless done)
	done   bool // it reported done or failed: not to be closed
}

// open is GetIterator(v, sync).
func (it *promiseIter) open(ps *promiseStatics, v goja.Value) {
	vm := ps.rt.vm
	it.ps = ps
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		panic(vm.NewTypeError(describeNotIterable(v) + " is not iterable (cannot read property Symbol(Symbol.iterator))"))
	}
	obj := v.ToObject(vm)
	method := obj.GetSymbol(goja.SymIterator)
	f, ok := goja.AssertFunction(method)
	if !ok {
		panic(vm.NewTypeError(describeNotIterable(v) + " is not iterable (cannot read property Symbol(Symbol.iterator))"))
	}
	if a, isObj := v.(*goja.Object); isObj && a.ClassName() == "Array" {
		ps.arrayIteration()
		if method == ps.values && ps.iterProto != nil && ps.iterProto.Get("next") == ps.iterNext {
			it.arr, it.opened = a, true
			return
		}
	}
	r, err := f(v)
	if err != nil {
		panic(err)
	}
	iter, ok := r.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Result of the Symbol.iterator method is not an object"))
	}
	it.iter, it.next, it.opened = iter, iter.Get("next"), true
}

// step is IteratorStepValue: the next value, or false when done. An error on the way (thrown
// from here) leaves the iterator done, not to be closed.
func (it *promiseIter) step() (goja.Value, bool) {
	vm := it.ps.rt.vm
	it.done = true
	if it.arr != nil {
		n := it.arr.Get("length").ToInteger()
		if it.index >= n {
			return nil, false
		}
		v := it.arr.Get(strconv.FormatInt(it.index, 10))
		it.index++
		it.done = false
		return v, true
	}
	f, ok := goja.AssertFunction(it.next)
	if !ok {
		panic(vm.NewTypeError(v8CallSiteWords(it.next) + " is not a function"))
	}
	r := callThrowing(f, it.iter)
	res, ok := r.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Iterator result " + modules.V8ValueWords(vm, r) + " is not an object"))
	}
	if res.Get("done").ToBoolean() {
		return nil, false
	}
	v := res.Get("value")
	it.done = false
	if v == nil {
		v = goja.Undefined()
	}
	return v, true
}

// close is IteratorClose for an abrupt end: the iterator's return is called, and anything it
// throws or returns is ignored (the first error stands).
func (it *promiseIter) close() {
	vm := it.ps.rt.vm
	iter := it.iter
	if it.arr != nil {
		// (the array iterator's return, should the program have given its prototypes one)
		ret := it.ps.iterProto.Get("return")
		if ret == nil || goja.IsUndefined(ret) || goja.IsNull(ret) {
			return
		}
		f, _ := goja.AssertFunction(it.ps.values)
		r, err := f(it.arr)
		if err != nil {
			return
		}
		iter, _ = r.(*goja.Object)
	}
	if iter == nil {
		return
	}
	_ = vm.Try(func() {
		ret := iter.Get("return")
		if f, ok := goja.AssertFunction(ret); ok {
			_, _ = f(iter)
		}
	})
}

// combinatorIndexPC is the pc a combinator's frame (asyncchain.go) carries: its index, below
// any pc of goja's.
const combinatorIndexPC = math.MinInt / 2

// combinatorExecutor reports whether ex is the executor the combinators give the Promise
// constructor (which guardPromiseExecutor need not wrap: it reads no receiver).
func (rt *Runtime) combinatorExecutor(ex *goja.Object) bool {
	return rt.promiseStatics != nil && ex == rt.promiseStatics.executor
}
