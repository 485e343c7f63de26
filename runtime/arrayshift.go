package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
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
	extensible                                  uintptr      // (baseObject's, embedded)
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
	w, ok := lp.Type.FieldByName("writable")
	if !ok || w.Type.Kind() != reflect.Bool {
		return l
	}
	return arrayLayout{ok: true, typ: t, selfType: sf.Type, selfOff: sf.Offset, values: values, length: length,
		objCount: objCount, propCount: propCount, lenWrt: lp.Offset + w.Offset, extensible: base.Offset + ext.Offset}
}}

// denseArray is a pointer to the arrayObject of v when v is a goja array whose elements are
// all plain values (no hole, no accessor or non-default attributes) and whose length is
// writable, or nil.
func denseArray(v goja.Value) (unsafe.Pointer, *arrayLayout) {
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
		*(*int)(unsafe.Add(p, l.objCount)) != len(values) || !*(*bool)(unsafe.Add(p, l.lenWrt)) {
		return nil, nil
	}
	return p, &l
}

// shiftGuard is Array.prototype.shift: goja's (orig) but for a dense array.
func (rt *Runtime) shiftGuard(orig goja.Value) *goja.Object {
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	return modules.Func(rt.vm, "shift", 0, func(call goja.FunctionCall) goja.Value {
		p, l := denseArray(call.This)
		if p == nil {
			return callThrowing(f, call.This)
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
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	return modules.Func(rt.vm, "unshift", 1, func(call goja.FunctionCall) goja.Value {
		p, l := denseArray(call.This)
		n := len(call.Arguments)
		if p == nil || n == 0 {
			return callThrowing(f, call.This, call.Arguments...)
		}
		if !*(*bool)(unsafe.Add(p, l.extensible)) {
			return callThrowing(f, call.This, call.Arguments...) // (adds an index: goja's throws)
		}
		values := (*[]goja.Value)(unsafe.Add(p, l.values))
		old := len(*values)
		newLen := old + n
		if newLen >= 1<<32-1 {
			return callThrowing(f, call.This, call.Arguments...)
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
