package buffer

import (
	"bytes"
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja offers the bytes of a Uint8Array only through Export, which allocates an interface per
// call (and ExportTo walks an array with reflect). Buffer's hottest paths (concat's list, the
// receiver of every method) read them here instead, straight from goja's unexported structs:
// Object.self, arrayObject.values/length, typedArrayObject.viewedArrayBuf/offset/length/elemSize
// and arrayBufferObject.data/detached. The offsets are found once through reflect and checked
// against Export on probe objects (TestGojaLayoutProbe guards it); if a goja upgrade moves
// anything, viewLayout.ok is false and every caller falls back to the public API.

type viewLayout struct {
	ok      bool
	selfOff uintptr // goja.Object.self, an objectImpl interface

	arrayTab                unsafe.Pointer // the itab of *arrayObject as an objectImpl
	arrValuesOff, arrLenOff uintptr

	typedTab                                    unsafe.Pointer // *typedArrayObject
	taBufOff, taLenOff, taOffOff, taElemSizeOff uintptr
	abDataOff, abDetachedOff                    uintptr

	// typedArrayObject.baseObject.prototype, and typedArrayObject.typedArray (an interface whose
	// itab tells the element kind: u8KindTab is goja's uint8Array, unlike Int8Array's or
	// Uint8ClampedArray's, which also have one-byte elements).
	taProtoOff, taKindOff uintptr
	u8KindTab             unsafe.Pointer
	// typedArrayObject.baseObject.propNames, the object's own string-keyed properties.
	taPropNamesOff uintptr
	// namesOK: propNames holds strings (goja's unistring.String), so typedNames can read them.
	namesOK bool
}

var (
	layoutOnce sync.Once
	layout     viewLayout
)

func gojaLayout() *viewLayout {
	layoutOnce.Do(func() { layout = probeLayout() })
	return &layout
}

// iface is the two words of a Go interface value.
type iface struct{ tab, data unsafe.Pointer }

func selfOf(l *viewLayout, o *goja.Object) iface {
	return *(*iface)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
}

// fieldOf returns the offset of the named field of struct type t when it has type want (or,
// with want nil, kind).
func fieldOf(t reflect.Type, name string, want reflect.Type, kind reflect.Kind) (uintptr, bool) {
	f, ok := t.FieldByName(name)
	if !ok || len(f.Index) != 1 {
		return 0, false
	}
	if want != nil && f.Type != want || want == nil && f.Type.Kind() != kind {
		return 0, false
	}
	return f.Offset, true
}

func probeLayout() (l viewLayout) {
	defer func() {
		if recover() != nil {
			l = viewLayout{}
		}
	}()
	sf, ok := modules.GojaObjectSelf()
	if !ok {
		return
	}
	l.selfOff = sf.Offset
	vm := goja.New()
	v, err := vm.RunString(`const ab = new ArrayBuffer(16); for (let i = 0; i < 16; i++) new Uint8Array(ab)[i] = i;
		[new Uint8Array(ab, 3, 5), new Uint8Array(ab), new Uint8Array(0), new Int8Array(2), new Uint8ClampedArray(2)]`)
	if err != nil {
		return
	}
	arr := v.(*goja.Object)
	implType := func(o *goja.Object) reflect.Type {
		t := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(o), l.selfOff)).Elem().Elem().Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			panic("layout")
		}
		return t.Elem()
	}
	ok1 := true
	check := func(off uintptr, ok bool) uintptr {
		ok1 = ok1 && ok
		return off
	}
	at := implType(arr)
	l.arrValuesOff = check(fieldOf(at, "values", reflect.TypeFor[[]goja.Value](), 0))
	l.arrLenOff = check(fieldOf(at, "length", nil, reflect.Uint32))
	l.arrayTab = selfOf(&l, arr).tab

	var objs []*goja.Object
	if vm.ExportTo(arr, &objs) != nil || len(objs) != 5 {
		return
	}
	others := objs[3:] // typed arrays of one-byte elements that are not Uint8Arrays
	objs = objs[:3]
	tt := implType(objs[0])
	bf, ok := tt.FieldByName("viewedArrayBuf")
	if !ok || bf.Type.Kind() != reflect.Pointer || bf.Type.Elem().Kind() != reflect.Struct {
		return
	}
	l.taBufOff = bf.Offset
	l.taLenOff = check(fieldOf(tt, "length", reflect.TypeFor[int](), 0))
	l.taOffOff = check(fieldOf(tt, "offset", reflect.TypeFor[int](), 0))
	l.taElemSizeOff = check(fieldOf(tt, "elemSize", reflect.TypeFor[int](), 0))
	l.abDataOff = check(fieldOf(bf.Type.Elem(), "data", reflect.TypeFor[[]byte](), 0))
	l.abDetachedOff = check(fieldOf(bf.Type.Elem(), "detached", reflect.TypeFor[bool](), 0))
	l.typedTab = selfOf(&l, objs[0]).tab
	if !ok1 || l.typedTab == nil || l.arrayTab == nil || l.typedTab == l.arrayTab {
		return viewLayout{}
	}
	bo, ok := tt.FieldByName("baseObject")
	if !ok || !bo.Anonymous || len(bo.Index) != 1 || bo.Type.Kind() != reflect.Struct {
		return viewLayout{}
	}
	po, ok := fieldOf(bo.Type, "prototype", reflect.TypeFor[*goja.Object](), 0)
	if !ok {
		return viewLayout{}
	}
	l.taProtoOff = bo.Offset + po
	pn, ok := bo.Type.FieldByName("propNames")
	if !ok || len(pn.Index) != 1 || pn.Type.Kind() != reflect.Slice {
		return viewLayout{}
	}
	l.taPropNamesOff = bo.Offset + pn.Offset
	l.namesOK = pn.Type.Elem().Kind() == reflect.String
	kf, ok := tt.FieldByName("typedArray")
	if !ok || len(kf.Index) != 1 || kf.Type.Kind() != reflect.Interface || kf.Type.Size() != unsafe.Sizeof(iface{}) {
		return viewLayout{}
	}
	l.taKindOff = kf.Offset
	kindOf := func(o *goja.Object) unsafe.Pointer {
		return (*iface)(unsafe.Add(selfOf(&l, o).data, l.taKindOff)).tab
	}
	l.u8KindTab = kindOf(objs[0])
	for _, o := range objs {
		if kindOf(o) != l.u8KindTab || *(**goja.Object)(unsafe.Add(selfOf(&l, o).data, l.taProtoOff)) != o.Prototype() {
			return viewLayout{}
		}
	}
	for _, o := range others {
		if selfOf(&l, o).tab != l.typedTab || kindOf(o) == l.u8KindTab || l.u8KindTab == nil {
			return viewLayout{}
		}
	}
	// The reads must agree with the public API.
	l.ok = true
	vals, ok := arrayElems(&l, arr)
	if !ok || len(vals) != 5 {
		return viewLayout{}
	}
	for i, o := range objs {
		if vals[i] != goja.Value(o) {
			return viewLayout{}
		}
		b, ok := u8Bytes(&l, o)
		want := o.Export().([]byte)
		if !ok || !bytes.Equal(b, want) || len(b) != cap(b) || len(b) > 0 && &b[0] != &want[0] {
			return viewLayout{}
		}
	}
	if _, ok := u8Bytes(&l, arr); ok {
		return viewLayout{}
	}
	for _, o := range objs {
		b, p, ok := uint8Bytes(&l, o)
		want := o.Export().([]byte)
		if !ok || !bytes.Equal(b, want) || len(want) > 0 && &b[0] != &want[0] || p != o.Prototype() {
			return viewLayout{}
		}
	}
	for _, o := range others {
		if _, _, ok := uint8Bytes(&l, o); ok {
			return viewLayout{}
		}
	}
	if err := objs[0].Set("x", 1); err != nil {
		return viewLayout{}
	}
	if _, _, ok := uint8Bytes(&l, objs[0]); ok {
		return viewLayout{}
	}
	if _, ok := arrayElems(&l, objs[0]); ok {
		return viewLayout{}
	}
	return l
}

// arrayElems returns the elements of o when it is a dense goja Array (no holes past its
// values), as goja stores them: each is a goja.Value, nil for a hole, or something else
// (an accessor) when it is not an *goja.Object the caller then treats as unusual. Only for
// reading, and only until JS runs again.
func arrayElems(l *viewLayout, o *goja.Object) ([]goja.Value, bool) {
	if !l.ok {
		return nil, false
	}
	s := selfOf(l, o)
	if s.tab != l.arrayTab || s.data == nil {
		return nil, false
	}
	vals := *(*[]goja.Value)(unsafe.Add(s.data, l.arrValuesOff))
	n := *(*uint32)(unsafe.Add(s.data, l.arrLenOff))
	if int(n) != len(vals) {
		return nil, false
	}
	return vals, true
}

// u8Bytes returns the bytes a typed array of one-byte elements views (capacity cut to its
// length), when o is one and its buffer is not detached.
func u8Bytes(l *viewLayout, o *goja.Object) ([]byte, bool) {
	if !l.ok {
		return nil, false
	}
	s := selfOf(l, o)
	if s.tab != l.typedTab || s.data == nil {
		return nil, false
	}
	if *(*int)(unsafe.Add(s.data, l.taElemSizeOff)) != 1 {
		return nil, false
	}
	ab := *(*unsafe.Pointer)(unsafe.Add(s.data, l.taBufOff))
	if ab == nil || *(*bool)(unsafe.Add(ab, l.abDetachedOff)) {
		return nil, false
	}
	data := *(*[]byte)(unsafe.Add(ab, l.abDataOff))
	off := *(*int)(unsafe.Add(s.data, l.taOffOff))
	n := *(*int)(unsafe.Add(s.data, l.taLenOff))
	if off < 0 || n < 0 || off > len(data) || n > len(data)-off {
		return nil, false
	}
	return data[off : off+n : off+n], true
}

// uint8Bytes is u8Bytes for a Uint8Array only (not an Int8Array or Uint8ClampedArray, as node's
// isUint8Array) that has no own string-keyed properties (so its length is its prototype's
// getter's), also returning its prototype, read in place.
func uint8Bytes(l *viewLayout, o *goja.Object) (b []byte, proto *goja.Object, ok bool) {
	if !l.ok {
		return nil, nil, false
	}
	s := selfOf(l, o)
	if s.tab != l.typedTab || s.data == nil || (*iface)(unsafe.Add(s.data, l.taKindOff)).tab != l.u8KindTab {
		return nil, nil, false
	}
	if len(*(*[]struct{})(unsafe.Add(s.data, l.taPropNamesOff))) != 0 {
		return nil, nil, false
	}
	proto = *(**goja.Object)(unsafe.Add(s.data, l.taProtoOff))
	ab := *(*unsafe.Pointer)(unsafe.Add(s.data, l.taBufOff))
	if ab == nil || *(*bool)(unsafe.Add(ab, l.abDetachedOff)) {
		return nil, nil, false
	}
	data := *(*[]byte)(unsafe.Add(ab, l.abDataOff))
	off := *(*int)(unsafe.Add(s.data, l.taOffOff))
	n := *(*int)(unsafe.Add(s.data, l.taLenOff))
	if off < 0 || n < 0 || off > len(data) || n > len(data)-off {
		return nil, nil, false
	}
	return data[off : off+n : off+n], proto, true
}

// typedDetached reports whether o, a typed array, views a detached ArrayBuffer, read in place
// (no property of o is read); ok is false when o is not a typed array or the layout is unknown.
func typedDetached(l *viewLayout, o *goja.Object) (detached, ok bool) {
	if !l.ok {
		return false, false
	}
	s := selfOf(l, o)
	if s.tab != l.typedTab || s.data == nil {
		return false, false
	}
	ab := *(*unsafe.Pointer)(unsafe.Add(s.data, l.taBufOff))
	if ab == nil {
		return false, false
	}
	return *(*bool)(unsafe.Add(ab, l.abDetachedOff)), true
}

// typedNames returns the own string-keyed property names of o, a typed array, in their order,
// read in place: a typed array's elements are not among them, so a large Buffer's few named
// properties are found without listing a key per byte (which Object.keys does). The names
// include non-enumerable ones. ok is false when o is not a typed array, the layout is unknown,
// or a name is not ASCII (goja keeps such a name in another form).
func typedNames(l *viewLayout, o *goja.Object) (names []string, ok bool) {
	if !l.ok || !l.namesOK {
		return nil, false
	}
	s := selfOf(l, o)
	if s.tab != l.typedTab || s.data == nil {
		return nil, false
	}
	in := *(*[]string)(unsafe.Add(s.data, l.taPropNamesOff))
	for _, n := range in {
		for i := 0; i < len(n); i++ {
			if n[i] >= 0x80 {
				return nil, false
			}
		}
	}
	return append([]string(nil), in...), true
}
