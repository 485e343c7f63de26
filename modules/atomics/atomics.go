// Package atomics implements the SharedArrayBuffer and Atomics globals, which goja lacks:
// https://nodejs.org/docs/latest-v20.x/api/globals.html and
// https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Atomics.
//
// It is the internal module "internal/atomics"; the runtime installs its two exports as globals.
//
// A SharedArrayBuffer is a real goja ArrayBuffer over Go memory that several runtimes (worker
// threads) may hold at once, with SharedArrayBuffer.prototype in its chain, so typed arrays and
// DataViews work over it unchanged. Its memory is allocated here with its capacity rounded up to
// 8 bytes, so that an 8- or 16-bit atomic operation can work on the aligned 32-bit word that
// holds its element. worker_threads carries the memory itself (not a copy) to the receiving
// runtime, which wraps it with Wrap.
//
// The package also gives ArrayBuffer node 20's resizable buffers (InstallResizableArrayBuffer,
// which the runtime calls at bootstrap; see resizable.go for what goja's fixed-length views
// allow).
//
// Atomics work on the typed array's memory with sync/atomic. Atomics.wait and notify use one
// process-wide table of waiters keyed by the element's address; Atomics.wait blocks the calling
// runtime's goroutine (the main thread's too, as Node allows), waitAsync resolves its promise on
// the waiting runtime's loop without keeping the loop alive, as in Node.
//
// A blocked Atomics.wait also ends when its runtime is stopped (worker.terminate()): it checks
// every few milliseconds.
//
// Growable SharedArrayBuffers (maxByteLength, grow) are in growable.go.
//
// Differences from Node: a view made over a growable SharedArrayBuffer before it grew keeps its
// length (node's length-tracking views follow the buffer), and a runtime sees another thread's
// grow once it touches its SharedArrayBuffer object (byteLength, grow, or receiving it); a brand
// check recognises a SharedArrayBuffer by its prototype chain.
package atomics

import (
	_ "embed"
	"math"
	"math/big"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed atomics.js
var glue string

// Module is "internal/atomics": { SharedArrayBuffer, Atomics }.
var Module = modules.Module{Name: "internal/atomics", Internal: true, Bind: bind, JSRef: &glue}

type stateKey struct{}

type state struct {
	h        *modules.Host
	vm       *goja.Runtime
	sabProto *goja.Object
	taTag    goja.Callable // get TypedArray.prototype[Symbol.toStringTag]
	op       string        // the Atomics function being called, for its errors

	async   *eventloop.Handle // unref'd: delivers waitAsync results
	pending map[*waiter]struct{}
}

// Alloc returns zeroed memory for a SharedArrayBuffer of n bytes: capacity rounded up to 8.
func Alloc(n int) []byte {
	return make([]byte, n, (n+7)&^7)
}

// Wrap returns a SharedArrayBuffer object of h's runtime over mem (shared, not copied), or nil
// if the runtime has not loaded SharedArrayBuffer. Loop only.
func Wrap(h *modules.Host, mem []byte) *goja.Object {
	s := stateOf(h)
	ab := s.vm.ToValue(s.vm.NewArrayBuffer(current(mem))).(*goja.Object)
	ab.SetPrototype(s.sabProto)
	s.memory(ab) // tracks it if it can grow
	return ab
}

// Memory returns the memory of a SharedArrayBuffer of h's runtime, or false if v is not one.
// Loop only.
func Memory(h *modules.Host, v goja.Value) ([]byte, bool) {
	return stateOf(h).memory(v)
}

func stateOf(h *modules.Host) *state {
	// Requiring the module binds it (and so creates the state) on first use.
	h.Require("internal/atomics")
	return h.State(stateKey{}, func() any { return nil }).(*state)
}

func bind(h *modules.Host, b *goja.Object) error {
	s := &state{h: h, vm: h.VM, pending: map[*waiter]struct{}{}}
	h.State(stateKey{}, func() any { return s })
	vm := s.vm
	ta := vm.Get("Uint8Array").(*goja.Object).Get("prototype").(*goja.Object).Prototype()
	desc := vm.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor")
	getDesc, _ := goja.AssertFunction(desc)
	d, err := getDesc(goja.Undefined(), ta, vm.Get("Symbol").(*goja.Object).Get("toStringTag"))
	if err != nil {
		return err
	}
	s.taTag, _ = goja.AssertFunction(d.(*goja.Object).Get("get"))

	// describe(v) is v as V8's messages print it.
	b.Set("describe", func(v goja.Value) string { return modules.V8ValueWords(vm, v) })
	// init(proto) gives the glue's SharedArrayBuffer.prototype to Go.
	b.Set("init", func(proto *goja.Object) {
		s.sabProto = proto
		h.State(brandKey{}, func() any { return &sabBrand{} }).(*sabBrand).proto = proto
	})
	// alloc(n, proto, max) returns a new SharedArrayBuffer of n bytes with the given prototype,
	// growable up to max bytes unless max is negative.
	b.Set("alloc", func(n, max int64, proto *goja.Object) goja.Value {
		var mem []byte
		if max >= 0 {
			mem = allocGrowable(int(n), int(max))
		} else {
			mem = Alloc(int(n))
		}
		ab := vm.ToValue(vm.NewArrayBuffer(mem)).(*goja.Object)
		ab.SetPrototype(proto)
		if max >= 0 {
			s.memory(ab) // tracks it
		}
		return ab
	})
	// maxByteLength(v) is a SharedArrayBuffer's maximum length (its length if it cannot grow),
	// or -1 if v is not one.
	b.Set("maxByteLength", func(v goja.Value) int {
		m, ok := s.memory(v)
		if !ok {
			return -1
		}
		if gi := growOf(m); gi != nil {
			return gi.max
		}
		return len(m)
	})
	// growable(v) is 1 for a growable SharedArrayBuffer, 0 for another, -1 if v is not one.
	b.Set("growable", func(v goja.Value) int {
		m, ok := s.memory(v)
		switch {
		case !ok:
			return -1
		case growOf(m) != nil:
			return 1
		}
		return 0
	})
	// grow(v, n) grows a SharedArrayBuffer to n bytes: 0 when done (or already that long), 1 when
	// n is out of range (shorter than now, or beyond the maximum), 2 when v cannot grow.
	b.Set("grow", func(v goja.Value, n int64) int {
		o, _ := v.(*goja.Object)
		m, ok := s.memory(v)
		gi := growOf(m)
		if !ok || gi == nil {
			return 2
		}
		for {
			cur := gi.length.Load()
			if n < cur || n > int64(gi.max) {
				return 1
			}
			if gi.length.CompareAndSwap(cur, n) {
				break
			}
		}
		synced(o.Export().(goja.ArrayBuffer), gi)
		return 0
	})
	// byteLength(v) is the length of a SharedArrayBuffer, or -1 if v is not one.
	b.Set("byteLength", func(v goja.Value) int {
		if m, ok := s.memory(v); ok {
			return len(m)
		}
		return -1
	})
	// copy(v, start, end, proto) returns a new SharedArrayBuffer holding bytes [start, end) of v.
	b.Set("copy", func(v goja.Value, start, end int, proto *goja.Object) goja.Value {
		m, _ := s.memory(v)
		out := Alloc(end - start)
		copy(out, m[start:end])
		ab := vm.ToValue(vm.NewArrayBuffer(out)).(*goja.Object)
		ab.SetPrototype(proto)
		return ab
	})
	// share(v) returns a new SharedArrayBuffer object over the same memory as v.
	b.Set("share", func(v goja.Value) goja.Value {
		m, ok := s.memory(v)
		if !ok {
			return goja.Undefined()
		}
		ab := vm.ToValue(vm.NewArrayBuffer(m)).(*goja.Object)
		ab.SetPrototype(s.sabProto)
		s.memory(ab) // tracks it if it can grow
		return ab
	})
	b.Set("isShared", func(v goja.Value) bool { _, ok := s.memory(v); return ok })
	b.Set("sync", func() { Sync(h) })

	ops := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		ops.Set(name, modules.Func(vm, name, length, func(c goja.FunctionCall) goja.Value {
			s.op = name // for the detached-buffer error (a nested call sets its own first)
			return f(c)
		}))
	}
	fn("add", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(old, v uint64) uint64 { return old + v })
	})
	fn("and", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(old, v uint64) uint64 { return old & v })
	})
	fn("compareExchange", 4, func(c goja.FunctionCall) goja.Value { return s.compareExchange(c) })
	fn("exchange", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(_, v uint64) uint64 { return v })
	})
	fn("isLockFree", 1, func(c goja.FunctionCall) goja.Value {
		n := toIntegerOrInf(c.Argument(0).ToFloat())
		return vm.ToValue(n == 1 || n == 2 || n == 4 || n == 8)
	})
	fn("load", 2, func(c goja.FunctionCall) goja.Value {
		e := s.element(c.Argument(0), c.Argument(1), false)
		return e.toJS(vm, e.load())
	})
	fn("notify", 3, func(c goja.FunctionCall) goja.Value { return s.notify(c) })
	fn("or", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(old, v uint64) uint64 { return old | v })
	})
	fn("store", 3, func(c goja.FunctionCall) goja.Value { return s.store(c) })
	fn("sub", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(old, v uint64) uint64 { return old - v })
	})
	fn("wait", 4, func(c goja.FunctionCall) goja.Value { return s.wait(c) })
	fn("waitAsync", 4, func(c goja.FunctionCall) goja.Value { return s.waitAsync(c) })
	fn("xor", 3, func(c goja.FunctionCall) goja.Value {
		return s.rmw(c, func(old, v uint64) uint64 { return old ^ v })
	})
	b.Set("ops", ops)
	return nil
}

// bufferOf is the ArrayBuffer o is, if it is one. (Export alone would copy out a typed array,
// and panics for one over a detached buffer: ExportType tells them apart first.)
func bufferOf(o *goja.Object) (goja.ArrayBuffer, bool) {
	if o.ExportType() != arrayBufferType {
		return goja.ArrayBuffer{}, false
	}
	ab, ok := modules.ExportAs[goja.ArrayBuffer](o)
	return ab, ok
}

var arrayBufferType = reflect.TypeFor[goja.ArrayBuffer]()

// memory returns the memory of a SharedArrayBuffer (an ArrayBuffer with our prototype in its
// chain).
func (s *state) memory(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok || s.sabProto == nil {
		return nil, false
	}
	ab, ok := bufferOf(o)
	if !ok {
		return nil, false
	}
	for p := o.Prototype(); p != nil; p = p.Prototype() {
		if p == s.sabProto {
			mem := ab.Bytes()
			if gi := growOf(mem); gi != nil {
				mem = synced(ab, gi)
				track(s.h, ab, gi)
			}
			return mem, true
		}
	}
	return nil, false
}

// current is mem at its shared length (a growable buffer's may have grown since mem was taken).
func current(mem []byte) []byte {
	if gi := growOf(mem); gi != nil {
		if n := int(gi.length.Load()); n <= cap(mem) {
			return mem[:n]
		}
	}
	return mem
}

// ---------------------------------------------------------------- elements

type kind uint8

const (
	kI8 kind = iota
	kU8
	kI16
	kU16
	kI32
	kU32
	kI64
	kU64
)

var kinds = modules.Lazy[map[string]kind]{Build: func() map[string]kind {
	return map[string]kind{
		"Int8Array": kI8, "Uint8Array": kU8, "Int16Array": kI16, "Uint16Array": kU16,
		"Int32Array": kI32, "Uint32Array": kU32, "BigInt64Array": kI64, "BigUint64Array": kU64,
	}
}}

func (k kind) size() uintptr {
	switch k {
	case kI8, kU8:
		return 1
	case kI16, kU16:
		return 2
	case kI32, kU32:
		return 4
	}
	return 8
}

func (k kind) big() bool { return k == kI64 || k == kU64 }

// element is one validated element of an integer typed array.
type element struct {
	k      kind
	p      unsafe.Pointer
	shared bool // in a SharedArrayBuffer: its memory is allocated by Alloc
	mem    []byte
}

func (s *state) typeError(msg string) {
	panic(s.vm.NewTypeError(msg))
}

func (s *state) describeValue(v goja.Value) string { return modules.V8ValueWords(s.vm, v) }

// typedArray validates v as an integer typed array (waitable: Int32Array or BigInt64Array only)
// and returns its kind and elements.
func (s *state) typedArray(v goja.Value, waitable bool) (kind, *goja.Object, unsafe.Pointer, int) {
	var tag string
	o, isObj := v.(*goja.Object)
	if isObj {
		if t, err := s.taTag(o); err == nil && !goja.IsUndefined(t) {
			tag = t.String()
		}
	}
	k, ok := kinds.Get()[tag]
	if waitable && ok && k != kI32 && k != kI64 {
		ok = false
	}
	if !ok {
		if waitable {
			s.typeError(s.describeValue(v) + " is not an int32 or BigInt64 typed array.")
		}
		s.typeError(s.describeValue(v) + " is not an integer typed array.")
	}
	// goja's Export of a typed array over a detached buffer panics (a slice past its memory)
	if ab, ok := modules.ExportAs[goja.ArrayBuffer](o.Get("buffer")); ok && ab.Detached() {
		op := s.op
		if op == "compareExchange" {
			op = "store" // V8 names store in compareExchange's message
		}
		s.typeError("Cannot perform Atomics." + op + " on a detached ArrayBuffer")
	}
	var p unsafe.Pointer
	var n int
	switch x := modules.ExportCheap(o).(type) {
	case []int8:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []uint8:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []int16:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []uint16:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []int32:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []uint32:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []int64:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	case []uint64:
		p, n = unsafe.Pointer(unsafe.SliceData(x)), len(x)
	default:
		s.typeError(s.describeValue(v) + " is not an integer typed array.")
	}
	return k, o, p, n
}

// element validates (typedArray, index) and returns the element; requireShared for wait.
func (s *state) element(tav, idx goja.Value, waitable bool) element {
	k, o, p, n := s.typedArray(tav, waitable)
	var mem []byte
	shared := false
	if k.size() < 4 || waitable {
		mem, shared = s.memory(o.Get("buffer"))
	}
	if waitable && !shared {
		s.typeError(s.describeValue(tav) + " is not a shared typed array.")
	}
	i := s.indexOf(idx, n)
	return element{k: k, p: unsafe.Add(p, uintptr(i)*k.size()), shared: shared, mem: mem}
}

func (s *state) indexOf(v goja.Value, n int) int {
	f := 0.0
	if !goja.IsUndefined(v) {
		f = v.ToNumber().ToFloat()
	}
	i := toIntegerOrInf(f)
	if i < 0 || i >= float64(n) {
		s.rangeError("Invalid atomic access index")
	}
	return int(i)
}

func (s *state) rangeError(msg string) {
	ctor := s.vm.Get("RangeError").(*goja.Object)
	e, _ := s.vm.New(ctor, s.vm.ToValue(msg))
	panic(e)
}

func toIntegerOrInf(f float64) float64 {
	if f != f {
		return 0
	}
	t := math.Trunc(f)
	if t == 0 {
		return 0 // -0 too
	}
	return t
}

// bits is the value as the low 64 bits of its two's complement (ToInt32/ToUint8/... modulo 2^n).
func bitsOf(f float64) uint64 {
	if math.IsInf(f, 0) || f != f {
		return 0
	}
	t := math.Trunc(f)
	if t > -9.2e18 && t < 9.2e18 {
		return uint64(int64(t))
	}
	m := math.Mod(t, 18446744073709551616.0)
	if m < 0 {
		m += 18446744073709551616.0
	}
	return uint64(m)
}

var mask64 = modules.Lazy[*big.Int]{Build: func() *big.Int { return new(big.Int).SetUint64(math.MaxUint64) }}

// value converts v for an element of kind k: ToBigInt for the 64-bit kinds, ToNumber otherwise.
// It returns the bits to store and the converted value (what store returns).
func (s *state) value(k kind, v goja.Value) (uint64, goja.Value) {
	if k.big() {
		b := s.toBigInt(v)
		return new(big.Int).And(b, mask64.Get()).Uint64(), s.vm.ToValue(b)
	}
	if _, ok := modules.ExportAs[*big.Int](v); ok {
		s.typeError("Cannot convert a BigInt value to a number")
	}
	f := v.ToNumber().ToFloat()
	return bitsOf(f), s.vm.ToValue(toIntegerOrInf(f))
}

func (s *state) toBigInt(v goja.Value) *big.Int {
	if o, ok := v.(*goja.Object); ok {
		// ToPrimitive(hint number) through valueOf.
		if fn, ok := goja.AssertFunction(o.Get("valueOf")); ok {
			if r, err := fn(o); err == nil {
				if _, isObj := r.(*goja.Object); !isObj {
					v = r
				}
			} else {
				panic(err)
			}
		}
	}
	switch x := modules.ExportCheap(v).(type) {
	case *big.Int:
		return x
	case bool:
		if x {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	case string:
		t := strings.TrimSpace(x)
		if t == "" {
			return big.NewInt(0)
		}
		if b, ok := new(big.Int).SetString(t, 0); ok && !strings.ContainsAny(t, "_") {
			return b
		}
		e, _ := s.vm.New(s.vm.Get("SyntaxError").(*goja.Object), s.vm.ToValue("Cannot convert "+x+" to a BigInt"))
		panic(e)
	}
	s.typeError("Cannot convert " + v.String() + " to a BigInt")
	return nil
}

func (e element) toJS(vm *goja.Runtime, b uint64) goja.Value {
	switch e.k {
	case kI8:
		return vm.ToValue(int8(b))
	case kU8:
		return vm.ToValue(uint8(b))
	case kI16:
		return vm.ToValue(int16(b))
	case kU16:
		return vm.ToValue(uint16(b))
	case kI32:
		return vm.ToValue(int32(b))
	case kU32:
		return vm.ToValue(uint32(b))
	case kI64:
		return vm.ToValue(big.NewInt(int64(b)))
	}
	return vm.ToValue(new(big.Int).SetUint64(b))
}

// word returns the aligned 32-bit word holding a 1- or 2-byte element and the element's bit
// shift in it (little-endian), when the word lies inside the SharedArrayBuffer's allocation.
func (e element) word() (*uint32, uint, bool) {
	if !e.shared || len(e.mem) == 0 {
		return nil, 0, false
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(e.mem)))
	a := uintptr(e.p)
	w := a &^ 3
	if w < base || w+4 > base+uintptr(cap(e.mem)) {
		return nil, 0, false
	}
	return (*uint32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(e.mem)), w-base)), uint(a-w) * 8, true
}

func (e element) load() uint64 {
	switch e.k.size() {
	case 4:
		return uint64(atomic.LoadUint32((*uint32)(e.p)))
	case 8:
		return atomic.LoadUint64((*uint64)(e.p))
	}
	if w, sh, ok := e.word(); ok {
		return uint64(atomic.LoadUint32(w) >> sh)
	}
	if e.k.size() == 1 {
		return uint64(*(*uint8)(e.p))
	}
	return uint64(*(*uint16)(e.p))
}

// rmw replaces the element with f(old) atomically and returns old.
func (e element) rmw(f func(old uint64) uint64) uint64 {
	switch e.k.size() {
	case 4:
		p := (*uint32)(e.p)
		for {
			o := atomic.LoadUint32(p)
			if atomic.CompareAndSwapUint32(p, o, uint32(f(uint64(o)))) {
				return uint64(o)
			}
		}
	case 8:
		p := (*uint64)(e.p)
		for {
			o := atomic.LoadUint64(p)
			if atomic.CompareAndSwapUint64(p, o, f(o)) {
				return o
			}
		}
	}
	mask := uint32(0xff)
	if e.k.size() == 2 {
		mask = 0xffff
	}
	if w, sh, ok := e.word(); ok {
		for {
			o := atomic.LoadUint32(w)
			old := (o >> sh) & mask
			n := (o &^ (mask << sh)) | ((uint32(f(uint64(old))) & mask) << sh)
			if atomic.CompareAndSwapUint32(w, o, n) {
				return uint64(old)
			}
		}
	}
	// Not shared: no other thread sees this memory.
	if e.k.size() == 1 {
		p := (*uint8)(e.p)
		old := *p
		*p = uint8(f(uint64(old)))
		return uint64(old)
	}
	p := (*uint16)(e.p)
	old := *p
	*p = uint16(f(uint64(old)))
	return uint64(old)
}

func (s *state) rmw(c goja.FunctionCall, f func(old, v uint64) uint64) goja.Value {
	e := s.element(c.Argument(0), c.Argument(1), false)
	v, _ := s.value(e.k, c.Argument(2))
	old := e.rmw(func(o uint64) uint64 { return f(o, v) })
	return e.toJS(s.vm, old)
}

func (s *state) store(c goja.FunctionCall) goja.Value {
	e := s.element(c.Argument(0), c.Argument(1), false)
	v, ret := s.value(e.k, c.Argument(2))
	switch e.k.size() {
	case 4:
		atomic.StoreUint32((*uint32)(e.p), uint32(v))
	case 8:
		atomic.StoreUint64((*uint64)(e.p), v)
	default:
		e.rmw(func(uint64) uint64 { return v })
	}
	return ret
}

// mask returns the element's width mask, to compare converted values with stored ones.
func (k kind) mask() uint64 {
	switch k.size() {
	case 1:
		return 0xff
	case 2:
		return 0xffff
	case 4:
		return 0xffffffff
	}
	return math.MaxUint64
}

func (s *state) compareExchange(c goja.FunctionCall) goja.Value {
	e := s.element(c.Argument(0), c.Argument(1), false)
	exp, _ := s.value(e.k, c.Argument(2))
	rep, _ := s.value(e.k, c.Argument(3))
	m := e.k.mask()
	exp &= m
	old := e.rmw(func(o uint64) uint64 {
		if o&m == exp {
			return rep
		}
		return o
	})
	return e.toJS(s.vm, old)
}

// ---------------------------------------------------------------- wait / notify

// waiter is one agent waiting on an address. wake is called once, with the table locked, by
// notify; a waiter that times out removes itself.
type waiter struct {
	addr uintptr
	wake func()
	st   *state // the runtime of an async waiter
	tmr  *time.Timer
	// mem keeps the memory alive while waiting.
	mem []byte
}

var table struct {
	sync.Mutex
	m map[uintptr][]*waiter
}

func enqueue(w *waiter) {
	if table.m == nil {
		table.m = map[uintptr][]*waiter{}
	}
	table.m[w.addr] = append(table.m[w.addr], w)
}

// dequeue removes w, reporting whether it was still waiting. Table locked.
func dequeue(w *waiter) bool {
	l := table.m[w.addr]
	for i, x := range l {
		if x == w {
			l = append(l[:i:i], l[i+1:]...)
			if len(l) == 0 {
				delete(table.m, w.addr)
			} else {
				table.m[w.addr] = l
			}
			return true
		}
	}
	return false
}

// waitArgs validates Atomics.wait's arguments: the element, the expected bits and the timeout.
func (s *state) waitArgs(c goja.FunctionCall) (element, uint64, time.Duration) {
	e := s.element(c.Argument(0), c.Argument(1), true)
	v, _ := s.value(e.k, c.Argument(2))
	v &= e.k.mask()
	t := math.Inf(1)
	if tv := c.Argument(3); !goja.IsUndefined(tv) {
		t = tv.ToNumber().ToFloat()
		if t != t {
			t = math.Inf(1)
		}
		if t < 0 {
			t = 0
		}
	}
	d := time.Duration(-1)
	if !math.IsInf(t, 1) && t < float64(math.MaxInt64/int64(time.Millisecond)) {
		d = time.Duration(t * float64(time.Millisecond))
	}
	return e, v, d
}

// stopPoll is how often a blocked Atomics.wait checks whether its runtime was stopped.
const stopPoll = 10 * time.Millisecond

func (s *state) wait(c goja.FunctionCall) goja.Value {
	e, v, d := s.waitArgs(c)
	vm := s.vm
	if fw, off := modules.SharedWaitersAt(uintptr(e.p)); fw != nil {
		// a shared WebAssembly.Memory's: in the list its wasm code waits in
		return vm.ToValue(fw.Wait(off, int(e.k.size()), v, d, s.h.Loop.Stopped))
	}
	ch := make(chan struct{}, 1)
	w := &waiter{addr: uintptr(e.p), wake: func() { ch <- struct{}{} }, mem: e.mem}
	table.Lock()
	if e.load() != v {
		table.Unlock()
		return vm.ToValue("not-equal")
	}
	if d == 0 {
		table.Unlock()
		return vm.ToValue("timed-out")
	}
	enqueue(w)
	table.Unlock()
	var timeout <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	// A runtime stopped meanwhile (worker.terminate(), an embedder's interrupt) ends the wait:
	// the interrupt is pending in the VM, so the script unwinds as soon as this returns.
	stop := time.NewTicker(stopPoll)
	defer stop.Stop()
wait:
	for {
		select {
		case <-ch:
			return vm.ToValue("ok")
		case <-timeout:
			break wait
		case <-stop.C:
			if s.h.Loop.Stopped() {
				break wait
			}
		}
	}
	table.Lock()
	waiting := dequeue(w)
	table.Unlock()
	if waiting {
		return vm.ToValue("timed-out")
	}
	return vm.ToValue("ok")
}

func (s *state) waitAsync(c goja.FunctionCall) goja.Value {
	e, v, d := s.waitArgs(c)
	vm := s.vm
	res := vm.NewObject()
	table.Lock()
	if e.load() != v || d == 0 {
		table.Unlock()
		res.Set("async", false)
		if d == 0 && e.load() == v {
			res.Set("value", "timed-out")
		} else {
			res.Set("value", "not-equal")
		}
		return res
	}
	p, resolve, _ := vm.NewPromise()
	if s.async == nil {
		s.async = s.h.Loop.NewHandle(s.stopAsync)
		s.async.Unref()
	}
	w := &waiter{addr: uintptr(e.p), st: s, mem: e.mem}
	settle := func(result string) {
		s.async.Post(func() error {
			if _, ok := s.pending[w]; !ok {
				return nil
			}
			delete(s.pending, w)
			return resolve(result)
		})
	}
	w.wake = func() {
		if w.tmr != nil {
			w.tmr.Stop()
		}
		settle("ok")
	}
	enqueue(w)
	if d > 0 {
		w.tmr = time.AfterFunc(d, func() {
			table.Lock()
			waiting := dequeue(w)
			table.Unlock()
			if waiting {
				settle("timed-out")
			}
		})
	}
	table.Unlock()
	s.pending[w] = struct{}{}
	res.Set("async", true)
	res.Set("value", p)
	return res
}

// stopAsync drops this runtime's async waiters when it closes.
func (s *state) stopAsync() {
	table.Lock()
	for w := range s.pending {
		dequeue(w)
		if w.tmr != nil {
			w.tmr.Stop()
		}
	}
	table.Unlock()
}

func (s *state) notify(c goja.FunctionCall) goja.Value {
	k, o, p, n := s.typedArray(c.Argument(0), true)
	i := s.indexOf(c.Argument(1), n)
	count := math.Inf(1)
	if cv := c.Argument(2); !goja.IsUndefined(cv) {
		count = toIntegerOrInf(cv.ToNumber().ToFloat())
		if count < 0 {
			count = 0
		}
	}
	if _, shared := s.memory(o.Get("buffer")); !shared {
		return s.vm.ToValue(0)
	}
	addr := uintptr(p) + uintptr(i)*k.size()
	woken := 0
	table.Lock()
	l := table.m[addr]
	for len(l) > 0 && float64(woken) < count {
		w := l[0]
		l = l[1:]
		w.wake()
		woken++
	}
	if len(l) == 0 {
		delete(table.m, addr)
	} else {
		table.m[addr] = l
	}
	table.Unlock()
	if fw, off := modules.SharedWaitersAt(addr); fw != nil && float64(woken) < count {
		// a shared WebAssembly.Memory's waiters: its wasm code's and Atomics.wait's
		woken += int(fw.Notify(off, uint32(min(count-float64(woken), math.MaxUint32))))
	}
	return s.vm.ToValue(woken)
}
