package atomics

import (
	"reflect"
	"runtime"
	"sync"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Resizable ArrayBuffers (new ArrayBuffer(n, { maxByteLength }), resize, resizable,
// maxByteLength), as node 20 has them. goja has none, so InstallResizableArrayBuffer puts a
// native ArrayBuffer constructor that reads the options bag in front of goja's, and resize sets
// the bytes goja's buffer object covers through reflect (as growable SharedArrayBuffers do).
//
// goja's typed arrays and DataViews have a fixed length and index their buffer's byte slice
// directly, and goja keeps no list of the views of a buffer. So:
//   - a view never tracks its buffer's length: node's length-tracking views (made without a
//     length) keep the length they were made with, and a fixed view that a shrink leaves out of
//     bounds keeps its length too instead of dropping to 0;
//   - a shrink cannot cut the slice those views index (an access past its end would be a Go
//     panic), so it gives the ArrayBuffer object a new goja buffer object over the first n bytes
//     and leaves the old one, still covering the old length of the same memory, to the views
//     made before. Bytes past the new length read as 0 through them (node: undefined) and are
//     zeroed again when a later resize exposes them.
//
// All of it runs on the loop of the runtime that owns the buffer.

// rabInfo is one resizable ArrayBuffer: its maximum, and the byte slices of the goja buffer
// objects it has left to older views (they must follow when the memory moves).
type rabInfo struct {
	max     int
	orphans []*[]byte
}

// rabTable maps a runtime's resizable ArrayBuffer objects to their records, weakly.
type rabTable struct {
	mu sync.Mutex // the cleanups run on another goroutine
	m  map[weak.Pointer[goja.Object]]*rabInfo
}

func (t *rabTable) get(o *goja.Object) *rabInfo {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[weak.Make(o)]
}

func (t *rabTable) add(o *goja.Object, ri *rabInfo) {
	wp := weak.Make(o)
	t.mu.Lock()
	t.m[wp] = ri
	t.mu.Unlock()
	runtime.AddCleanup(o, func(wp weak.Pointer[goja.Object]) {
		t.mu.Lock()
		delete(t.m, wp)
		t.mu.Unlock()
	}, wp)
}

// dataOf returns the byte-slice field of the goja buffer object behind ab, or nil.
func dataOf(ab goja.ArrayBuffer) *[]byte {
	p := bufferAddr(ab)
	if p == nil {
		return nil
	}
	return dataField(p)
}

// replaceBufferObject gives o (a JS ArrayBuffer) a copy of its goja buffer object and returns
// the copy's byte-slice field; the old object stays with the views that point at it. It returns
// nil if goja's layout is not the expected one.
func replaceBufferObject(o *goja.Object, ab goja.ArrayBuffer) *[]byte {
	old := bufferAddr(ab)
	if old == nil {
		return nil
	}
	ptrType := reflect.ValueOf(&ab).Elem().Field(0).Type() // *arrayBufferObject
	self := reflect.ValueOf(o).Elem().FieldByName("self")
	if ptrType.Kind() != reflect.Pointer || !self.IsValid() || self.Kind() != reflect.Interface || !ptrType.Implements(self.Type()) {
		return nil
	}
	nv := reflect.New(ptrType.Elem())
	nv.Elem().Set(reflect.NewAt(ptrType.Elem(), old).Elem())
	reflect.NewAt(self.Type(), unsafe.Pointer(self.UnsafeAddr())).Elem().Set(nv)
	return dataField(nv.UnsafePointer())
}

// InstallResizableArrayBuffer replaces globalThis.ArrayBuffer with a native constructor that
// takes node 20's options bag ({ maxByteLength }) and gives ArrayBuffer.prototype resize,
// resizable and maxByteLength. Other buffers are made by goja's constructor, as before; the
// prototype, ArrayBuffer.isView and Symbol.species carry over. Loop only, at bootstrap.
func InstallResizableArrayBuffer(vm *goja.Runtime) error {
	orig, ok := vm.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return nil
	}
	construct, ok := goja.AssertConstructor(orig)
	if !ok {
		return nil
	}
	proto := orig.Get("prototype").(*goja.Object)
	t := &rabTable{m: map[weak.Pointer[goja.Object]]*rabInfo{}}

	rangeErr := func(msg string) *goja.Object {
		e, _ := vm.New(vm.Get("RangeError"), vm.ToValue(msg))
		return e
	}
	typeErr := func(msg string) *goja.Object { return vm.NewTypeError(msg) }
	// toIndex is ECMAScript's ToIndex with V8's messages.
	toIndex := func(v goja.Value, msg string) int64 {
		if v == nil || goja.IsUndefined(v) {
			return 0
		}
		f := v.ToNumber().ToFloat()
		if f != f {
			return 0
		}
		if f < 0 {
			f = -f
			if f >= 1 {
				panic(rangeErr(msg))
			}
			return 0
		}
		if f > 1<<53-1 {
			panic(rangeErr(msg))
		}
		return int64(f)
	}

	var ab *goja.Object
	ctor := func(c goja.ConstructorCall) *goja.Object {
		// goja makes This from the new target's prototype when constructing; a call with another
		// this (ArrayBuffer.call(x)) is not a construction. (A bare ArrayBuffer(n) call is
		// indistinguishable from new here and constructs.)
		derived := false
		for p := c.This.Prototype(); p != nil && !derived; p = p.Prototype() {
			derived = p == proto
		}
		if !derived {
			panic(typeErr("Constructor ArrayBuffer requires 'new'"))
		}
		nt := c.NewTarget // its prototype property gives the new buffer's prototype
		if nt == nil {
			nt = ab
		}
		if len(c.Arguments) < 2 {
			// the common case: goja's constructor as it is
			o, err := construct(nt, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return o
		}
		n := toIndex(c.Argument(0), "Invalid array buffer length")
		max := int64(-1)
		if opts, ok := c.Argument(1).(*goja.Object); ok {
			if m := opts.Get("maxByteLength"); m != nil && !goja.IsUndefined(m) {
				max = toIndex(m, "Invalid array buffer max length")
				if n > max || max > 1<<32 {
					panic(rangeErr("Invalid array buffer max length"))
				}
			}
		}
		if max < 0 {
			o, err := construct(nt, c.Argument(0))
			if err != nil {
				panic(err)
			}
			return o
		}
		o, err := construct(nt, vm.ToValue(0))
		if err != nil {
			panic(err)
		}
		ab, _ := modules.ExportAs[goja.ArrayBuffer](o)
		capacity := n
		if max <= 64<<10 {
			capacity = max // small: room for every size up front
		}
		if !resize(ab, make([]byte, n, capacity)) {
			panic(typeErr("resizable ArrayBuffers are not supported by this engine build"))
		}
		t.add(o, &rabInfo{max: int(max)})
		return o
	}
	ab = vm.ToValue(ctor).(*goja.Object)
	modules.NameFunc(vm, ab, "ArrayBuffer", 1)
	if err := ab.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return err
	}
	if err := proto.DefineDataProperty("constructor", ab, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	if err := ab.DefineDataProperty("isView", orig.Get("isView"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	species := modules.Func(vm, "get [Symbol.species]", 0, func(c goja.FunctionCall) goja.Value { return c.This })
	if err := ab.DefineAccessorPropertySymbol(goja.SymSpecies, species, nil, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}

	describe := func(v goja.Value) string { return modules.V8ValueWords(vm, v) }
	// receiver returns the ArrayBuffer a prototype member was called on, or throws V8's error.
	receiver := func(this goja.Value, method string) (*goja.Object, goja.ArrayBuffer) {
		if o, ok := this.(*goja.Object); ok {
			if ab, ok := bufferOf(o); ok {
				for p := o.Prototype(); p != nil; p = p.Prototype() {
					if p == proto {
						return o, ab
					}
				}
			}
		}
		panic(typeErr("Method " + method + " called on incompatible receiver " + describe(this)))
	}
	getter := func(name string, f func(o *goja.Object, ab goja.ArrayBuffer) goja.Value) error {
		g := modules.Func(vm, "get "+name, 0, func(c goja.FunctionCall) goja.Value {
			o, ab := receiver(c.This, "get ArrayBuffer.prototype."+name)
			return f(o, ab)
		})
		return proto.DefineAccessorProperty(name, g, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if err := getter("resizable", func(o *goja.Object, _ goja.ArrayBuffer) goja.Value {
		return vm.ToValue(t.get(o) != nil)
	}); err != nil {
		return err
	}
	if err := getter("maxByteLength", func(o *goja.Object, ab goja.ArrayBuffer) goja.Value {
		if ab.Detached() {
			return vm.ToValue(0)
		}
		if ri := t.get(o); ri != nil {
			return vm.ToValue(ri.max)
		}
		return vm.ToValue(len(ab.Bytes()))
	}); err != nil {
		return err
	}
	resizeFn := modules.Func(vm, "resize", 1, func(c goja.FunctionCall) goja.Value {
		o, ab := receiver(c.This, "ArrayBuffer.prototype.resize")
		ri := t.get(o)
		if ri == nil {
			panic(typeErr("Method ArrayBuffer.prototype.resize called on incompatible receiver " + describe(c.This)))
		}
		n := toIndex(c.Argument(0), "ArrayBuffer.prototype.resize: Invalid length parameter")
		if ab.Detached() {
			panic(typeErr("Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer"))
		}
		if n > int64(ri.max) {
			panic(rangeErr("ArrayBuffer.prototype.resize: Invalid length parameter"))
		}
		growTo(o, ab, ri, int(n))
		return goja.Undefined()
	})
	if err := proto.DefineDataProperty("resize", resizeFn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return vm.Set("ArrayBuffer", ab)
}

// growTo sets the length of a resizable ArrayBuffer to n. Loop only.
func growTo(o *goja.Object, ab goja.ArrayBuffer, ri *rabInfo, n int) {
	f := dataOf(ab)
	if f == nil {
		return
	}
	cur := *f
	switch {
	case n == len(cur):
	case n < len(cur):
		// views made so far keep the old object (and length); the buffer goes on with a new one
		clear(cur[n:])
		nf := replaceBufferObject(o, ab)
		if nf == nil {
			return
		}
		ri.orphans = append(ri.orphans, f)
		*nf = cur[:n]
	case n <= cap(cur):
		clear(cur[len(cur):n])
		*f = cur[:n]
	default:
		// the memory moves: the current slice and those of older views follow it
		need := n
		for _, of := range ri.orphans {
			need = max(need, len(*of))
		}
		c := min(ri.max, max(need, 2*cap(cur)))
		mem := make([]byte, c)
		copy(mem, cur)
		for _, of := range ri.orphans {
			*of = mem[:len(*of)]
		}
		*f = mem[:n]
	}
}
