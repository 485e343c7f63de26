package buffer

import (
	"bytes"
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// A Cloner makes Buffers over Go bytes the way a socket's reads need them (one per read, each
// over its own ArrayBuffer of exactly those bytes, byteOffset 0), without the typed array
// constructor. `new Uint8Array(ab)` with Buffer as new.target costs a native constructor call
// (goja's panic guard, new.target's prototype looked up by name, the arguments checked) and four
// allocations for the two objects (a goja.Object and its implementation each), besides their
// property maps. Here each object is a copy of a template's, made by the constructor, and both
// are in one allocation holding the two goja.Objects and their implementations, with the fields that
// differ set afterwards: the objects' back pointers and property maps, the view's buffer and
// length, and the buffer's bytes.
//
// The copies are made as Go structs that mirror goja's (objShape, taShape, abShape: the same
// fields, names, offsets and kinds, so the collector sees the same pointers), checked against
// goja's through reflect when the Cloner is made; and a probe copy is compared with what the
// public API says of a Buffer. A goja whose structs differ gets no Cloner, and the caller uses
// the constructor.
type Cloner struct {
	tmpl           *goja.Object // the template Buffer, never given out
	abObj          *goja.Object // its ArrayBuffer
	taSelf, abSelf iface        // their Object.self (tab: the implementation's type)
}

// The mirrors of goja's Object, baseObject, typedArrayObject and arrayBufferObject. A pointer
// goja declares with a type of its own is an unsafe.Pointer here (one pointer word either way),
// an interface is any (two words the collector treats alike).
type (
	objShape struct {
		self    any
		runtime unsafe.Pointer
	}
	baseShape struct {
		class                           string
		val                             *goja.Object
		prototype                       *goja.Object
		extensible                      bool
		values                          map[unistring.String]goja.Value
		propNames                       []unistring.String
		lastSortedPropLen, idxPropCount int
		symValues                       unsafe.Pointer
		privateElements                 unsafe.Pointer
	}
	taShape struct {
		baseShape
		viewedArrayBuf *abShape
		defaultCtor    *goja.Object
		length, offset int
		elemSize       int
		typedArray     any
	}
	abShape struct {
		baseShape
		detached bool
		data     []byte
	}
	taPair struct {
		o objShape
		i taShape
	}
	abPair struct {
		o objShape
		i abShape
	}
	// bufPair is a view and its buffer in one allocation: New makes both at once, and neither
	// outlives the other by much (the view points at the buffer; a buffer kept alone, through
	// buf.buffer, keeps the view's few words too).
	bufPair struct {
		ta taPair
		ab abPair
	}
)

// NewCloner returns a Cloner whose Buffers are like tmpl, a Buffer made by the constructor over
// an ArrayBuffer of its own, with no property of its own, which the Cloner keeps and nobody
// else may see; nil when goja's structs are not as expected or a probe copy differs from what
// the constructor makes. Loop only.
func NewCloner(tmpl *goja.Object) (c *Cloner) {
	vl := gojaLayout()
	if !vl.ok || tmpl == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			c = nil
		}
	}()
	if _, _, ok := uint8Bytes(vl, tmpl); !ok || !shapesMatch(vl, tmpl) {
		return nil
	}
	c = &Cloner{tmpl: tmpl, taSelf: selfOf(vl, tmpl)}
	ta := (*taShape)(c.taSelf.data)
	if ta.viewedArrayBuf == nil || ta.viewedArrayBuf.val == nil || len(ta.propNames) != 0 ||
		(*iface)(unsafe.Pointer(&ta.typedArray)).data != unsafe.Pointer(&ta.viewedArrayBuf.data) {
		return nil
	}
	c.abObj = ta.viewedArrayBuf.val
	c.abSelf = selfOf(vl, c.abObj)
	if c.abSelf.data != unsafe.Pointer(ta.viewedArrayBuf) || !c.check() {
		return nil
	}
	return c
}

// shapesMatch reports whether the mirrors are laid out as goja's structs are.
func shapesMatch(vl *viewLayout, tmpl *goja.Object) bool {
	sf, ok := modules.GojaObjectSelf()
	if !ok || sf.Offset != vl.selfOff || !sameLayout(reflect.TypeFor[goja.Object](), reflect.TypeFor[objShape]()) {
		return false
	}
	impl := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(tmpl), vl.selfOff)).Elem().Elem().Type()
	if impl.Kind() != reflect.Pointer || !sameLayout(impl.Elem(), reflect.TypeFor[taShape]()) {
		return false
	}
	bf, ok := impl.Elem().FieldByName("viewedArrayBuf")
	return ok && bf.Type.Kind() == reflect.Pointer && sameLayout(bf.Type.Elem(), reflect.TypeFor[abShape]())
}

// sameLayout reports whether struct types a (goja's) and b (a mirror) have the same fields,
// by name, offset and size, of the same kinds (any pointer word matching any other; an
// interface, whose two words the collector treats as pointers whatever its methods, matching
// any other).
func sameLayout(a, b reflect.Type) bool {
	if a.Size() != b.Size() || a.Kind() != b.Kind() && !(onePointer(a) && onePointer(b)) {
		return false
	}
	switch a.Kind() {
	case reflect.Struct:
		if a.NumField() != b.NumField() {
			return false
		}
		for i := 0; i < a.NumField(); i++ {
			fa, fb := a.Field(i), b.Field(i)
			// (an embedded struct is named after its type, so only its place and fields count)
			if fa.Name != fb.Name && !fa.Anonymous || fa.Offset != fb.Offset || fa.Anonymous != fb.Anonymous ||
				!sameLayout(fa.Type, fb.Type) {
				return false
			}
		}
	case reflect.Array:
		return a.Len() == b.Len() && sameLayout(a.Elem(), b.Elem())
	case reflect.Slice:
		return a.Elem().Size() == b.Elem().Size() && (a.Elem().Kind() == b.Elem().Kind() || onePointer(a.Elem()) && onePointer(b.Elem()))
	}
	return true
}

func onePointer(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.UnsafePointer, reflect.Map:
		return true
	}
	return false
}

// New returns a Buffer over data (not copied; byteOffset 0, its ArrayBuffer exactly data).
// Loop only.
func (c *Cloner) New(data []byte) *goja.Object { return c.fill(new(bufPair), data) }

// bufPairData is a bufPair followed by the bytes of its buffer (NewCopy): the objects and the
// memory they view in one allocation. A is a byte array.
type bufPairData[A any] struct {
	p bufPair
	d A
}

// MaxInlineCopy is the longest src NewCopy makes in one allocation with its objects.
const MaxInlineCopy = 1024

// NewCopy returns a Buffer over a copy of src (byteOffset 0, its ArrayBuffer exactly those
// bytes), as New(copy) would. Up to MaxInlineCopy bytes, the copy is in the allocation of the
// Buffer and its ArrayBuffer (in the smallest of a few sizes it fits), which it lives exactly
// as long as (the ArrayBuffer holds it): one allocation in place of two, for a socket's small
// reads. Loop only.
func (c *Cloner) NewCopy(src []byte) *goja.Object {
	n := len(src)
	var p *bufPair
	var d []byte
	switch {
	case n <= 32:
		x := new(bufPairData[[32]byte])
		p, d = &x.p, x.d[:n:n]
	case n <= 64:
		x := new(bufPairData[[64]byte])
		p, d = &x.p, x.d[:n:n]
	case n <= 128:
		x := new(bufPairData[[128]byte])
		p, d = &x.p, x.d[:n:n]
	case n <= 256:
		x := new(bufPairData[[256]byte])
		p, d = &x.p, x.d[:n:n]
	case n <= 512:
		x := new(bufPairData[[512]byte])
		p, d = &x.p, x.d[:n:n]
	case n <= MaxInlineCopy:
		x := new(bufPairData[[MaxInlineCopy]byte])
		p, d = &x.p, x.d[:n:n]
	default:
		d = make([]byte, n) // (make+copy: not zeroed first)
		copy(d, src)
		return c.New(d)
	}
	copy(d, src)
	return c.fill(p, d)
}

// fill makes p's objects copies of the template's, viewing data. Loop only.
func (c *Cloner) fill(p *bufPair, data []byte) *goja.Object {
	ab := &p.ab
	ab.i = *(*abShape)(c.abSelf.data)
	ab.i.val = (*goja.Object)(unsafe.Pointer(&ab.o))
	ab.i.values = make(map[unistring.String]goja.Value)
	ab.i.detached = false
	ab.i.data = data
	ab.o = *(*objShape)(unsafe.Pointer(c.abObj))
	*(*iface)(unsafe.Pointer(&ab.o.self)) = iface{c.abSelf.tab, unsafe.Pointer(&ab.i)}

	ta := &p.ta
	ta.i = *(*taShape)(c.taSelf.data)
	ta.i.val = (*goja.Object)(unsafe.Pointer(&ta.o))
	ta.i.values = make(map[unistring.String]goja.Value)
	ta.i.viewedArrayBuf = &ab.i
	ta.i.length, ta.i.offset = len(data), 0
	(*iface)(unsafe.Pointer(&ta.i.typedArray)).data = unsafe.Pointer(&ab.i.data)
	ta.o = *(*objShape)(unsafe.Pointer(c.tmpl))
	*(*iface)(unsafe.Pointer(&ta.o.self)) = iface{c.taSelf.tab, unsafe.Pointer(&ta.i)}
	return (*goja.Object)(unsafe.Pointer(&ta.o))
}

// View returns a Buffer over bytes [off, off+n) of abObj, an ArrayBuffer the caller has checked
// (not detached, off+n within it), as new Uint8Array(abObj, off, n) with Buffer as new.target
// makes it; nil when abObj's implementation is not the template's kind (the caller then uses the
// constructor). Loop only.
func (c *Cloner) View(abObj *goja.Object, off, n int) *goja.Object {
	abs := selfOf(gojaLayout(), abObj)
	if abs.tab != c.abSelf.tab {
		return nil
	}
	ab := (*abShape)(abs.data)
	if ab.detached || off < 0 || n < 0 || off+n > len(ab.data) {
		return nil
	}
	p := new(taPair)
	p.i = *(*taShape)(c.taSelf.data)
	p.i.val = (*goja.Object)(unsafe.Pointer(&p.o))
	p.i.values = make(map[unistring.String]goja.Value)
	p.i.viewedArrayBuf = ab
	p.i.length, p.i.offset = n, off
	(*iface)(unsafe.Pointer(&p.i.typedArray)).data = unsafe.Pointer(&ab.data)
	p.o = *(*objShape)(unsafe.Pointer(c.tmpl))
	*(*iface)(unsafe.Pointer(&p.o.self)) = iface{c.taSelf.tab, unsafe.Pointer(&p.i)}
	return (*goja.Object)(unsafe.Pointer(&p.o))
}

// checkView compares a View with what the public API says of a Buffer over the same bytes of
// abObj.
func (c *Cloner) checkView(abObj *goja.Object) bool {
	ab, ok := modules.ExportAs[goja.ArrayBuffer](abObj)
	if !ok || len(ab.Bytes()) < 3 {
		return false
	}
	o := c.View(abObj, 1, 2)
	if o == nil || o.Prototype() != c.tmpl.Prototype() {
		return false
	}
	b, ok := modules.ExportAs[[]byte](o)
	if !ok || len(b) != 2 || &b[0] != &ab.Bytes()[1] {
		return false
	}
	if o.Get("buffer") != abObj || o.Get("length").ToInteger() != 2 || o.Get("byteOffset").ToInteger() != 1 ||
		o.Get("byteLength").ToInteger() != 2 {
		return false
	}
	return o.Set("x", 1) == nil && c.tmpl.Get("x") == nil
}

// check compares a copy with what the public API says of a Buffer over the same bytes.
func (c *Cloner) check() bool {
	data := []byte{1, 2, 3}
	o := c.New(data)
	if o.Prototype() != c.tmpl.Prototype() {
		return false
	}
	b, ok := modules.ExportAs[[]byte](o)
	if !ok || !bytes.Equal(b, data) || &b[0] != &data[0] {
		return false
	}
	abv, ok := o.Get("buffer").(*goja.Object)
	if !ok || abv == c.abObj || abv.Prototype() != c.abObj.Prototype() {
		return false
	}
	ab, ok := modules.ExportAs[goja.ArrayBuffer](abv)
	if !ok || len(ab.Bytes()) != 3 || &ab.Bytes()[0] != &data[0] {
		return false
	}
	if o.Get("length").ToInteger() != 3 || o.Get("byteOffset").ToInteger() != 0 || o.Get("byteLength").ToInteger() != 3 {
		return false
	}
	// Its properties are its own.
	if o.Set("x", 1) != nil || abv.Set("x", 1) != nil || c.tmpl.Get("x") != nil || c.abObj.Get("x") != nil {
		return false
	}
	return true
}
