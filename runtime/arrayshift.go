package runtime

import (
	"math"
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Array.prototype.shift and unshift have a fast path for a dense array (one memmove of
// its values), but it requires Object.prototype to be a plain goja object, and goja builds it as
// a templated one: every shift took the generic path, a get, a set and a delete per element
// through the property machinery. A queue drained with shift (q.push(x) ... q.shift(), the usual
// breadth-first walk) was quadratic with a large constant: 30,000 shifts took 4.8 s where node
// takes 46 ms. The guards below do what goja's fast path does, on the array's values read
// through its reflected layout, for a dense array (no holes, no accessor or non-default
// element, writable length: the prototype chain cannot be observed then); anything else goes
// to goja's method. shift drops the first value by moving the slice's start (the backing array
// is reallocated by a later push once its room is used up), so a queue costs O(1) a shift, as
// V8's left-trimmed arrays do.

type arrayLayout struct {
	ok                                          bool
	typ                                         reflect.Type // *goja.arrayObject
	selfType                                    reflect.Type // goja.Object's self (an interface)
	selfOff                                     uintptr      // and its offset
	values, length, objCount, propCount, lenWrt uintptr      // offsets in arrayObject
	extensible, named, syms                     uintptr      // (baseObject's, embedded: its named and symbol properties)
}

var arrayFields = modules.Lazy[arrayLayout]{Build: func() arrayLayout {
	var l arrayLayout
	sf, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || sf.Type.Kind() != reflect.Interface {
		return l
	}
	arr := goja.New().NewArray()
	self := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(arr), sf.Offset)).Elem()
	if self.IsNil() || self.Elem().Kind() != reflect.Pointer || self.Elem().Elem().Kind() != reflect.Struct {
		return l
	}
	t := self.Elem().Type()
	st := t.Elem()
	field := func(name string, kind reflect.Kind) (uintptr, bool) {
		f, ok := st.FieldByName(name)
		if !ok || f.Type.Kind() != kind || len(f.Index) != 1 {
			return 0, false
		}
		return f.Offset, true
	}
	values, ok1 := field("values", reflect.Slice)
	length, ok2 := field("length", reflect.Uint32)
	objCount, ok3 := field("objCount", reflect.Int)
	propCount, ok4 := field("propValueCount", reflect.Int)
	lp, ok5 := st.FieldByName("lengthProp")
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || lp.Type.Kind() != reflect.Struct {
		return l
	}
	if f, _ := st.FieldByName("values"); f.Type.Elem() != reflect.TypeFor[goja.Value]() {
		return l
	}
	base, ok := st.FieldByName("baseObject")
	if !ok || !base.Anonymous || base.Type.Kind() != reflect.Struct {
		return l
	}
	ext, ok := base.Type.FieldByName("extensible")
	if !ok || ext.Type.Kind() != reflect.Bool || len(ext.Index) != 1 {
		return l
	}
	named, ok := base.Type.FieldByName("values")
	if !ok || named.Type != reflect.TypeFor[map[unistring.String]goja.Value]() || len(named.Index) != 1 {
		return l
	}
	syms, ok := base.Type.FieldByName("symValues")
	if !ok || syms.Type.Kind() != reflect.Pointer || len(syms.Index) != 1 {
		return l
	}
	w, ok := lp.Type.FieldByName("writable")
	if !ok || w.Type.Kind() != reflect.Bool {
		return l
	}
	return arrayLayout{ok: true, typ: t, selfType: sf.Type, selfOff: sf.Offset, values: values, length: length,
		objCount: objCount, propCount: propCount, lenWrt: lp.Offset + w.Offset, extensible: base.Offset + ext.Offset, named: base.Offset + named.Offset, syms: base.Offset + syms.Offset}
}}

// denseArray is a pointer to the arrayObject of v when v is a goja array whose elements are
// all plain values (no hole, no accessor or non-default attributes) and whose length is
// writable, or nil.
func denseArray(v goja.Value) (unsafe.Pointer, *arrayLayout) {
	p, l := denseValues(v)
	if p == nil || !*(*bool)(unsafe.Add(p, l.lenWrt)) {
		return nil, nil
	}
	return p, l
}

// denseValues is denseArray without the condition on length: an array whose values can be read
// as they are.
func denseValues(v goja.Value) (unsafe.Pointer, *arrayLayout) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	l := arrayFields.Get()
	if !l.ok {
		return nil, nil
	}
	self := reflect.NewAt(l.selfType, unsafe.Add(unsafe.Pointer(o), l.selfOff)).Elem()
	if self.IsNil() || self.Elem().Type() != l.typ {
		return nil, nil
	}
	p := self.Elem().UnsafePointer()
	values := *(*[]goja.Value)(unsafe.Add(p, l.values))
	length := *(*uint32)(unsafe.Add(p, l.length))
	if *(*int)(unsafe.Add(p, l.propCount)) != 0 || int(length) != len(values) ||
		*(*int)(unsafe.Add(p, l.objCount)) != len(values) {
		return nil, nil
	}
	return p, &l
}

// shiftGuard is Array.prototype.shift: goja's (orig) but for a dense array.
func (rt *Runtime) shiftGuard(orig goja.Value) *goja.Object {
	return fastPathGuard(rt.vm, "shift", 0, orig, func(call goja.FunctionCall) goja.Value {
		p, l := denseArray(call.This)
		if p == nil {
			return nil
		}
		values := (*[]goja.Value)(unsafe.Add(p, l.values))
		if len(*values) == 0 {
			return goja.Undefined()
		}
		first := (*values)[0]
		(*values)[0] = nil
		*values = (*values)[1:]
		*(*uint32)(unsafe.Add(p, l.length))--
		*(*int)(unsafe.Add(p, l.objCount))--
		return first
	})
}

// unshiftGuard is Array.prototype.unshift: goja's (orig) but for a dense array, whose values
// move once (into spare room the array has, else a new backing array with room at its end).
func (rt *Runtime) unshiftGuard(orig goja.Value) *goja.Object {
	return fastPathGuard(rt.vm, "unshift", 1, orig, func(call goja.FunctionCall) goja.Value {
		p, l := denseArray(call.This)
		n := len(call.Arguments)
		if p == nil || n == 0 {
			return nil
		}
		if !*(*bool)(unsafe.Add(p, l.extensible)) {
			return nil // (adds an index: goja's throws)
		}
		values := (*[]goja.Value)(unsafe.Add(p, l.values))
		old := len(*values)
		newLen := old + n
		if newLen >= 1<<32-1 {
			return nil
		}
		if cap(*values) >= newLen {
			*values = (*values)[:newLen]
			copy((*values)[n:], (*values)[:old])
		} else {
			grown := make([]goja.Value, newLen, newLen+newLen/4)
			copy(grown[n:], *values)
			*values = grown
		}
		copy(*values, call.Arguments)
		*(*uint32)(unsafe.Add(p, l.length)) = uint32(newLen)
		*(*int)(unsafe.Add(p, l.objCount)) = newLen
		return rt.vm.ToValue(newLen)
	})
}

// arrayBuiltins are the realm's Array and Array.prototype, read once per runtime (by the first
// guard that needs them).
type arrayBuiltins struct{ ctor, proto *goja.Object }

func (rt *Runtime) arrayBuiltins() arrayBuiltins {
	if rt.arrays.ctor == nil {
		rt.arrays.ctor, _ = rt.vm.Get("Array").(*goja.Object)
		if rt.arrays.ctor != nil {
			rt.arrays.proto, _ = rt.arrays.ctor.Get("prototype").(*goja.Object)
		}
	}
	return rt.arrays
}

// plainArray is denseValues for an array that is also plain: Array.prototype its prototype, no
// own property but its elements and length (no own constructor, no own symbol).
func (rt *Runtime) plainArray(v goja.Value) (unsafe.Pointer, *arrayLayout) {
	p, l := denseValues(v)
	if p == nil {
		return nil, nil
	}
	ab := rt.arrayBuiltins()
	if ab.proto == nil || v.(*goja.Object).Prototype() != ab.proto ||
		!onlyLength(*(*map[unistring.String]goja.Value)(unsafe.Add(p, l.named))) || *(*unsafe.Pointer)(unsafe.Add(p, l.syms)) != nil {
		return nil, nil
	}
	return p, l
}

// plainSpecies reports whether a new array made for a plain array (ArraySpeciesCreate) is a
// plain one: Array.prototype.constructor and Array[Symbol.species] as built.
func (rt *Runtime) plainSpecies() bool {
	ab := rt.arrayBuiltins()
	return ab.proto != nil && ab.proto.Get("constructor") == ab.ctor && ab.ctor.GetSymbol(goja.SymSpecies) == ab.ctor
}

// setValues makes the new array out (from NewArray) hold values.
func setValues(out *goja.Object, values []goja.Value) bool {
	op, l := denseValues(out)
	if op == nil {
		return false
	}
	*(*[]goja.Value)(unsafe.Add(op, l.values)) = values
	*(*uint32)(unsafe.Add(op, l.length)) = uint32(len(values))
	*(*int)(unsafe.Add(op, l.objCount)) = len(values)
	return true
}

// sliceGuard is Array.prototype.slice: goja's (orig) but for a dense plain array with number
// (or no) arguments, whose values are copied into the new array at once. goja's own fast path
// has the templated Object.prototype condition too, so it set each element as a new property.
func (rt *Runtime) sliceGuard(orig goja.Value) *goja.Object {
	vm := rt.vm
	return fastPathGuard(vm, "slice", 2, orig, func(call goja.FunctionCall) goja.Value {
		// (an object argument's conversion runs script, which goja's method must run once)
		if !indexArg(call.Argument(0)) || !indexArg(call.Argument(1)) {
			return nil
		}
		p, l := rt.plainArray(call.This)
		if p == nil || !rt.plainSpecies() {
			return nil
		}
		values := *(*[]goja.Value)(unsafe.Add(p, l.values))
		n := int64(len(values))
		start := relIndex(call.Argument(0), n)
		end := n
		if e := call.Argument(1); !goja.IsUndefined(e) {
			end = relIndex(e, n)
		}
		out := vm.NewArray()
		if end > start {
			part := make([]goja.Value, end-start)
			copy(part, values[start:end])
			if !setValues(out, part) {
				return nil
			}
		}
		return out
	})
}

// concatGuard is Array.prototype.concat: goja's (orig), which always set each element as a new
// property, but for a dense plain array joined with dense plain arrays and primitives (nothing
// whose Symbol.isConcatSpreadable could say otherwise: none on Array.prototype or above).
func (rt *Runtime) concatGuard(orig goja.Value) *goja.Object {
	vm := rt.vm
	return fastPathGuard(vm, "concat", 1, orig, func(call goja.FunctionCall) goja.Value {
		p, l := rt.plainArray(call.This)
		if p == nil || !rt.plainSpecies() || !absent(rt.arrays.proto.GetSymbol(goja.SymIsConcatSpreadable)) {
			return nil
		}
		n := len(*(*[]goja.Value)(unsafe.Add(p, l.values)))
		for _, a := range call.Arguments {
			if _, isObj := a.(*goja.Object); !isObj {
				n++
				continue
			}
			ap, _ := rt.plainArray(a)
			if ap == nil {
				return nil
			}
			n += len(*(*[]goja.Value)(unsafe.Add(ap, l.values)))
		}
		if n >= 1<<32-1 {
			return nil
		}
		values := make([]goja.Value, 0, n)
		values = append(values, *(*[]goja.Value)(unsafe.Add(p, l.values))...)
		for _, a := range call.Arguments {
			if _, isObj := a.(*goja.Object); !isObj {
				values = append(values, a)
				continue
			}
			ap, _ := denseValues(a)
			values = append(values, *(*[]goja.Value)(unsafe.Add(ap, l.values))...)
		}
		out := vm.NewArray()
		if !setValues(out, values) {
			return nil
		}
		return out
	})
}

// fastPathGuard is goja's method orig with a fast path in front: fast answers the call, or
// returns nil to leave it to orig (with the same this and arguments).
func fastPathGuard(vm *goja.Runtime, name string, length int, orig goja.Value, fast func(goja.FunctionCall) goja.Value) *goja.Object {
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	return modules.Func(vm, name, length, func(call goja.FunctionCall) goja.Value {
		if v := fast(call); v != nil {
			return v
		}
		return callThrowing(f, call.This, call.Arguments...)
	})
}

// relIndex is a relative index argument (ToIntegerOrInfinity, negative from the end) clamped to
// [0, n].
func relIndex(v goja.Value, n int64) int64 {
	if goja.IsUndefined(v) {
		return 0
	}
	f := v.ToFloat()
	if f != f {
		return 0
	}
	if f < 0 {
		f = max(float64(n)+math.Trunc(f), 0)
	} else {
		f = min(math.Trunc(f), float64(n))
	}
	return int64(f)
}

// onlyLength reports whether an array's named properties are its length alone (goja keeps the
// length's property in the map).
func onlyLength(named map[unistring.String]goja.Value) bool {
	if len(named) > 1 {
		return false
	}
	for k := range named {
		return k == "length"
	}
	return true
}

// indexArg reports whether v is undefined or a number: an argument whose conversion to an
// index runs no script and cannot throw.
func indexArg(v goja.Value) bool {
	if goja.IsUndefined(v) {
		return true
	}
	switch modules.ExportCheap(v).(type) {
	case int64, float64:
		return true
	}
	return false
}

// absent reports whether a property read found nothing (or undefined).
func absent(v goja.Value) bool { return v == nil || goja.IsUndefined(v) }
