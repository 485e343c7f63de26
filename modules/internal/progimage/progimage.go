// Package progimage stores a compiled goja program as bytes and makes it again from them, much
// faster than goja parses and compiles its source. A program's start is mostly goja compiling
// glue (the CommonJS loader and the bootstrap alone are 30 of the 39 million instructions of
// `console.log('hi')`), and goja has no serialised form of its programs, so this package writes
// one: it walks the program's values with reflection, unexported fields included, and makes the
// same values again, field by field, with the same sharing of pointers.
//
// An image is only good for the build of goja it was made with: it names the types it holds and
// carries a hash of their layout (fields, offsets, kinds), and Decode refuses an image whose
// hash the running binary does not give (the caller then compiles the source as before). It is
// also only good for the source it was compiled from: strings that are slices of the source
// (function sources, names) are stored as places in it, and the caller passes the source again.
//
// What a program may hold is what goja's compiler leaves in one: instructions (structs, scalars
// and pointers to them in an interface), nested programs, names, constants, maps of names, the
// source file and compiled regular expressions (stored as their pattern and compiled again).
// Anything else (a function, a channel, an unknown kind) makes Encode fail.
package progimage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
)

const magic = "gojsimg1"

var (
	programType = reflect.TypeOf(goja.Program{})
	fileType    = reflect.TypeOf(file.File{})
	regexpType  = reflect.TypeOf(regexp.Regexp{})
	regexp2Type = reflect.TypeOf(regexp2.Regexp{})
	stringType  = reflect.TypeOf("")
	uint32Type  = reflect.TypeOf(uint32(0))
)

// errUnsupported is returned by Encode for a program holding a value it cannot store.
var errUnsupported = errors.New("progimage: unsupported value")

// Encode returns the image of prg, compiled from src.
func Encode(prg *goja.Program, src string) ([]byte, error) {
	e := &encoder{src: src, ptrs: map[uintptr]int{}, types: map[reflect.Type]int{}}
	// goja parses a copy of the source: the program's strings are slices of the copy
	if f := programFile(prg); f != nil && f.Source() == src {
		e.src = f.Source()
	}
	e.value(reflect.ValueOf(prg))
	if e.err != nil {
		return nil, e.err
	}
	var out []byte
	out = append(out, magic...)
	out = binary.AppendUvarint(out, uint64(len(e.typeList)))
	for _, t := range e.typeList {
		out = appendString(out, typeName(t))
	}
	out = binary.LittleEndian.AppendUint64(out, layoutHash(e.typeList))
	return append(out, e.buf...), nil
}

// Decode makes the program whose image img is, for the same src it was made from. img must not
// change afterwards: the program's strings may share its storage.
func Decode(img []byte, src string) (prg *goja.Program, err error) {
	d := &decoder{img: img, src: src}
	if !strings.HasPrefix(string(img[:min(len(img), len(magic))]), magic) {
		return nil, errors.New("progimage: not an image")
	}
	d.pos = len(magic)
	defer func() {
		if r := recover(); r != nil {
			prg, err = nil, fmt.Errorf("progimage: bad image: %v", r)
		}
	}()
	namesFrom := d.pos
	list, err := d.typeTable()
	if err != nil {
		return nil, err
	}
	if binary.LittleEndian.Uint64(d.next(8)) != layoutHashOf(string(img[namesFrom:d.pos]), list) {
		return nil, errors.New("progimage: the image was made for another build of goja")
	}
	var p *goja.Program
	d.into(unsafe.Pointer(&p), planOf(reflect.TypeOf(p)))
	if d.pos != len(img) {
		return nil, errors.New("progimage: trailing bytes")
	}
	return p, nil
}

// programFile returns the source file of prg.
func programFile(prg *goja.Program) *file.File {
	v := reflect.ValueOf(prg).Elem()
	f, _ := field(v, fieldIndex(programType, "src")).Interface().(*file.File)
	return f
}

// ---- encoding ---------------------------------------------------------------------------------

type encoder struct {
	src      string
	buf      []byte
	ptrs     map[uintptr]int // pointers written, by address (with their type's size: see ptrKey)
	nptr     int
	types    map[reflect.Type]int
	typeList []reflect.Type
	err      error
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("%w: "+format, append([]any{errUnsupported}, args...)...)
	}
}

func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }

// str writes s: as a place in the source when it is a slice of it, else its bytes.
func (e *encoder) str(s string) {
	if len(s) == 0 {
		e.uvarint(0)
		return
	}
	p, base := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(e.src)))
	if len(e.src) > 0 && p >= base && p+uintptr(len(s)) <= base+uintptr(len(e.src)) {
		e.uvarint(uint64(len(s))<<1 | 1)
		e.uvarint(uint64(p - base))
		return
	}
	e.uvarint(uint64(len(s)) << 1)
	e.buf = append(e.buf, s...)
}

func (e *encoder) typeIndex(t reflect.Type) int {
	if i, ok := e.types[t]; ok {
		return i
	}
	if (t.Kind() != reflect.Pointer && t.Name() == "") || (t.Kind() == reflect.Pointer && t.Name() == "" && t.Elem().Name() == "") ||
		(t.Kind() != reflect.Pointer && direct(t)) {
		e.fail("%s in an interface", t)
	}
	i := len(e.typeList)
	e.types[t] = i
	e.typeList = append(e.typeList, t)
	return i
}

func (e *encoder) value(v reflect.Value) {
	if e.err != nil {
		return
	}
	t := v.Type()
	switch t.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
	case reflect.String:
		e.str(v.String())
	case reflect.Pointer:
		e.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			e.uvarint(0)
			return
		}
		c := v.Elem()
		e.uvarint(uint64(e.typeIndex(c.Type())) + 1)
		if c.Kind() == reflect.Pointer {
			e.pointer(c)
		} else {
			e.value(c)
		}
	case reflect.Struct:
		if skipStruct(t) {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			e.value(field(v, i))
		}
	case reflect.Slice:
		if v.IsNil() {
			e.uvarint(0)
			return
		}
		e.uvarint(uint64(v.Len()) + 1)
		if t.Elem().Kind() == reflect.Uint8 {
			e.buf = append(e.buf, v.Bytes()...)
			return
		}
		for i := 0; i < v.Len(); i++ {
			e.value(v.Index(i))
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			e.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			e.uvarint(0)
			return
		}
		keys := v.MapKeys()
		if t.Key().Kind() == reflect.String {
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		}
		e.uvarint(uint64(len(keys)) + 1)
		for _, k := range keys {
			e.value(k)
			e.value(v.MapIndex(k))
		}
	default:
		if (t.Kind() == reflect.Func || t.Kind() == reflect.Chan || t.Kind() == reflect.UnsafePointer) && v.IsNil() {
			return
		}
		e.fail("%s (%s)", t, t.Kind())
	}
}

// pointer writes v, a pointer: 0 for nil, 2 and its index for one of goja's own (globals), 1
// and the value for one not written before, else 3 plus the index of the one written.
func (e *encoder) pointer(v reflect.Value) {
	if v.IsNil() {
		e.uvarint(0)
		return
	}
	if v.Type().Elem().Size() == 0 {
		e.uvarint(1)
		return
	}
	if i, ok := e.ptrs[v.Pointer()]; ok {
		e.uvarint(uint64(i) + 3)
		return
	}
	if i := gojaGlobalIndex(v.Pointer()); i >= 0 {
		e.uvarint(2)
		e.uvarint(uint64(i))
		return
	}
	e.ptrs[v.Pointer()] = e.nptr
	e.nptr++
	e.uvarint(1)
	el := v.Elem()
	switch specialOf(el.Type()) {
	case specialFile:
		f := (*file.File)(v.UnsafePointer())
		if f.Source() != e.src {
			e.fail("a program of another source")
			return
		}
		e.str(f.Name())
		e.uvarint(uint64(f.Base()))
	case specialRegexp:
		e.str((*regexp.Regexp)(v.UnsafePointer()).String())
	case specialRegexp2:
		re := (*regexp2.Regexp)(v.UnsafePointer())
		e.str(re.String())
		e.buf = binary.AppendVarint(e.buf, field(el, fieldIndex(regexp2Type, "options")).Int())
	default:
		e.value(el)
	}
}

// field returns v's field i, readable whether exported or not.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if f.CanInterface() {
		return f
	}
	if v.CanAddr() {
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	f = c.Field(i)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

func fieldIndex(t reflect.Type, name string) int {
	f, ok := t.FieldByName(name)
	if !ok || len(f.Index) != 1 {
		panic("progimage: " + t.String() + " has no field " + name)
	}
	return f.Index[0]
}

// skipStruct reports whether values of t are stored as their zero value (locks).
func skipStruct(t reflect.Type) bool { return t.PkgPath() == "sync" }

// The values stored their own way (see encoder.pointer): a pointer to one of these types.
const (
	specialNone = iota
	specialFile
	specialRegexp
	specialRegexp2
)

// specialOf is how values of t are stored: specialNone, or the special way of the type. A decoding
// reads it from the type's plan, worked out once.
func specialOf(t reflect.Type) int {
	switch {
	case t == fileType:
		return specialFile
	case t == regexp2Type:
		return specialRegexp2
	case t.Kind() == reflect.Struct && t.ConvertibleTo(regexpType):
		return specialRegexp
	}
	return specialNone
}

// direct reports whether an interface holds a value of t in its data word itself (pointer-shaped
// types) rather than a pointer to it.
func direct(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return true
	case reflect.Struct:
		return t.NumField() == 1 && direct(t.Field(0).Type)
	case reflect.Array:
		return t.Len() == 1 && direct(t.Elem())
	}
	return false
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ---- decoding ---------------------------------------------------------------------------------

type decoder struct {
	slabs []slab // by plan.id
	img   []byte
	pos   int
	src   string
	types []*decodeIface
	ptrs  []unsafe.Pointer
}

func (d *decoder) next(n int) []byte {
	b := d.img[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) uvarint() uint64 {
	img, pos := d.img, d.pos
	if pos < len(img) {
		// up to three bytes inline: nearly all of an image's numbers (lengths, indices, places in
		// the source, below 2M)
		b := img[pos]
		if b < 0x80 {
			d.pos = pos + 1
			return uint64(b)
		}
		if pos+2 < len(img) {
			b1 := img[pos+1]
			if b1 < 0x80 {
				d.pos = pos + 2
				return uint64(b&0x7f) | uint64(b1)<<7
			}
			if b2 := img[pos+2]; b2 < 0x80 {
				d.pos = pos + 3
				return uint64(b&0x7f) | uint64(b1&0x7f)<<7 | uint64(b2)<<14
			}
		}
	}
	x, n := binary.Uvarint(img[pos:])
	if n <= 0 {
		panic("bad varint")
	}
	d.pos += n
	return x
}

// varint reads a signed varint (binary.AppendVarint's zig-zag form).
func (d *decoder) varint() int64 {
	ux := d.uvarint()
	return int64(ux>>1) ^ -int64(ux&1)
}

// string reads a string written by encoder.str: it shares the source's or the image's storage.
func (d *decoder) string() string {
	h := d.uvarint()
	n := int(h >> 1)
	if n == 0 {
		return ""
	}
	if h&1 != 0 {
		off := int(d.uvarint())
		return d.src[off : off+n]
	}
	b := d.next(n)
	return unsafe.String(&b[0], n)
}

// into decodes a value of plan pl's type into the memory at p (zeroed, of that type).
func (d *decoder) into(p unsafe.Pointer, pl *plan) {
	switch pl.kind {
	case reflect.Bool:
		*(*bool)(p) = d.next(1)[0] != 0
	case reflect.Int:
		*(*int)(p) = int(d.varint())
	case reflect.Int8:
		*(*int8)(p) = int8(d.varint())
	case reflect.Int16:
		*(*int16)(p) = int16(d.varint())
	case reflect.Int32:
		*(*int32)(p) = int32(d.varint())
	case reflect.Int64:
		*(*int64)(p) = d.varint()
	case reflect.Uint:
		*(*uint)(p) = uint(d.uvarint())
	case reflect.Uint8:
		*(*uint8)(p) = uint8(d.uvarint())
	case reflect.Uint16:
		*(*uint16)(p) = uint16(d.uvarint())
	case reflect.Uint32:
		*(*uint32)(p) = uint32(d.uvarint())
	case reflect.Uint64:
		*(*uint64)(p) = d.uvarint()
	case reflect.Uintptr:
		*(*uintptr)(p) = uintptr(d.uvarint())
	case reflect.Float32:
		*(*float32)(p) = float32(math.Float64frombits(binary.LittleEndian.Uint64(d.next(8))))
	case reflect.Float64:
		*(*float64)(p) = math.Float64frombits(binary.LittleEndian.Uint64(d.next(8)))
	case reflect.String:
		*(*string)(p) = d.string()
	case reflect.Pointer:
		*(*unsafe.Pointer)(p) = d.pointer(pl.elem)
	case reflect.Interface:
		i := d.uvarint()
		if i == 0 {
			return
		}
		it := d.types[i-1]
		var data unsafe.Pointer
		switch {
		case it.pl.kind == reflect.Pointer:
			data = d.pointer(it.pl.elem)
		case it.pl.size == 0:
			data = zeroSized
		default:
			data = d.alloc(it.pl)
			d.into(data, it.pl)
		}
		w := (*[2]unsafe.Pointer)(p)
		if it.lastIface != pl {
			it.lastWord, it.lastIface = it.word(pl.t), pl
		}
		w[0] = it.lastWord
		w[1] = data
	case reflect.Struct:
		for i := range pl.fields {
			f := &pl.fields[i]
			q := unsafe.Add(p, f.off)
			// the fields instructions mostly have, without a call each
			switch f.pl.kind {
			case reflect.Int:
				*(*int)(q) = int(d.varint())
			case reflect.Uint32:
				*(*uint32)(q) = uint32(d.uvarint())
			case reflect.Bool:
				*(*bool)(q) = d.next(1)[0] != 0
			case reflect.String:
				*(*string)(q) = d.string()
			default:
				d.into(q, f.pl)
			}
		}
	case reflect.Slice:
		n := int(d.uvarint())
		if n == 0 {
			return
		}
		n--
		base := unsafeNewArray(pl.elem.rt, n)
		if pl.elem.kind == reflect.Uint8 {
			copy(unsafe.Slice((*byte)(base), n), d.next(n))
		} else {
			size := pl.elem.size
			for i := 0; i < n; i++ {
				d.into(unsafe.Add(base, uintptr(i)*size), pl.elem)
			}
		}
		*(*sliceHeader)(p) = sliceHeader{base, n, n}
	case reflect.Array:
		size := pl.elem.size
		for i := 0; i < pl.t.Len(); i++ {
			d.into(unsafe.Add(p, uintptr(i)*size), pl.elem)
		}
	case reflect.Map:
		n := int(d.uvarint())
		if n == 0 {
			return
		}
		n--
		if pl.namesMap {
			// a map of names (map[unistring.String]uint32): the same layout and hashing as
			// map[string]uint32, made without reflection
			m := make(map[string]uint32, n)
			for i := 0; i < n; i++ {
				k := d.string()
				m[k] = uint32(d.uvarint())
			}
			*(*map[string]uint32)(p) = m
			return
		}
		m := reflect.MakeMapWithSize(pl.t, n)
		k, v := reflect.New(pl.key.t).Elem(), reflect.New(pl.elem.t).Elem()
		for i := 0; i < n; i++ {
			k.SetZero()
			v.SetZero()
			d.into(unsafe.Pointer(k.UnsafeAddr()), pl.key)
			d.into(unsafe.Pointer(v.UnsafeAddr()), pl.elem)
			m.SetMapIndex(k, v)
		}
		reflect.NewAt(pl.t, p).Elem().Set(m)
	case reflect.Func, reflect.Chan, reflect.UnsafePointer, skipKind:
		// always nil (Encode refuses others), or a lock stored as its zero value
	default:
		panic("unsupported kind " + pl.kind.String())
	}
}

var zeroSized = unsafe.Pointer(new([0]byte))

// pointer reads a pointer to a value of el's type written by encoder.pointer.
func (d *decoder) pointer(el *plan) unsafe.Pointer {
	h := d.uvarint()
	switch {
	case h == 0:
		return nil
	case h == 2:
		i := d.uvarint()
		if i >= uint64(len(gojaGlobals)) {
			panic("bad global")
		}
		return *gojaGlobals[i]
	case h >= 3:
		return d.ptrs[h-3]
	}
	if el.size == 0 {
		return zeroSized
	}
	var p unsafe.Pointer
	switch el.special {
	case specialFile:
		name := d.string()
		base := int(d.uvarint())
		p = unsafe.Pointer(file.NewFile(name, d.src, base))
	case specialRegexp:
		p = unsafe.Pointer(regexp.MustCompile(d.string()))
	case specialRegexp2:
		pat := d.string()
		p = unsafe.Pointer(regexp2.MustCompile(pat, regexp2.RegexOptions(d.varint())))
	default:
		p = d.alloc(el)
		d.ptrs = append(d.ptrs, p)
		d.into(p, el)
		return p
	}
	d.ptrs = append(d.ptrs, p)
	return p
}

// ---- goja's globals ----------------------------------------------------------------------------

// Some instructions goja emits are pointers to its own package variables, which it tells apart by
// address (a generator's first yield, yieldEmpty, is a yield that yields nothing): an image
// stores them as their index in gojaGlobals. They are reached by name: finding them by walking
// two programs compiled apart (the pointers both share) cost ~2M instructions, 15% of a plain
// start's. TestGlobals checks that such a walk finds exactly these, so a goja that adds one
// fails the test, and one that renames one fails the link.
var gojaGlobals = [...]*unsafe.Pointer{&gojaYieldEmpty, &gojaYield, &gojaYieldRes, &gojaYieldDelegate,
	&gojaYieldDelegateRes, &gojaAwait} // the order images use: do not change it

//go:linkname gojaYieldEmpty github.com/dop251/goja.yieldEmpty
var gojaYieldEmpty unsafe.Pointer

//go:linkname gojaYield github.com/dop251/goja.yield
var gojaYield unsafe.Pointer

//go:linkname gojaYieldRes github.com/dop251/goja.yieldRes
var gojaYieldRes unsafe.Pointer

//go:linkname gojaYieldDelegate github.com/dop251/goja.yieldDelegate
var gojaYieldDelegate unsafe.Pointer

//go:linkname gojaYieldDelegateRes github.com/dop251/goja.yieldDelegateRes
var gojaYieldDelegateRes unsafe.Pointer

//go:linkname gojaAwait github.com/dop251/goja.await
var gojaAwait unsafe.Pointer

// gojaGlobalIndex is p's index in gojaGlobals, or -1.
func gojaGlobalIndex(p uintptr) int {
	for i, g := range gojaGlobals {
		if uintptr(*g) == p {
			return i
		}
	}
	return -1
}

// ---- plans ------------------------------------------------------------------------------------

// skipKind is the plan kind of a struct stored as its zero value (skipStruct).
const skipKind = reflect.Kind(255)

// A plan is what decoding needs to know of a type, worked out once per process.
type plan struct {
	t       reflect.Type
	rt      unsafe.Pointer // rtypeOf(t)
	id      int            // its index in decoder.slabs
	kind    reflect.Kind
	size    uintptr
	special int
	elem    *plan // of a pointer, slice, array or map
	key     *plan // of a map
	fields  []fieldPlan
	// a map from a string type to uint32 (see decoder.into)
	namesMap bool

	// for the layout hash (typeLayoutHash): the type's package path, name, kind (kind may be
	// skipKind) and array length
	pkgPath, name string
	tkind         reflect.Kind
	arrLen        int
	layout        uint64 // typeLayoutHash of the type, once layoutDone
	layoutDone    bool
	seen          uint64 // the walk of typeLayoutHash that last reached this plan
}

type fieldPlan struct {
	off  uintptr
	pl   *plan
	name string
}

// A slab is an array of values of one type that a decoding hands out one by one: a program holds
// thousands of small values, and allocating them in arrays is much cheaper than one by one.
type slab struct {
	arr       unsafe.Pointer
	next, len int
}

// alloc returns a new zero value of pl's type, from the decoding's slab for the type.
func (d *decoder) alloc(pl *plan) unsafe.Pointer {
	if pl.id >= len(d.slabs) {
		d.slabs = append(d.slabs, make([]slab, pl.id+1-len(d.slabs)+16)...)
	}
	s := &d.slabs[pl.id]
	if s.next == s.len {
		n := max(4, min(2*s.len, 128, int(4096/max(pl.size, 1))))
		*s = slab{unsafeNewArray(pl.rt, n), 0, n}
	}
	p := unsafe.Add(s.arr, uintptr(s.next)*pl.size)
	s.next++
	return p
}

// rtypeOf returns the runtime's descriptor of t (what reflect.Type holds).
func rtypeOf(t reflect.Type) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&t))[1] }

//go:linkname unsafeNew reflect.unsafe_New
func unsafeNew(rtype unsafe.Pointer) unsafe.Pointer

//go:linkname unsafeNewArray reflect.unsafe_NewArray
func unsafeNewArray(rtype unsafe.Pointer, n int) unsafe.Pointer

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

var (
	plansMu sync.Mutex
	plans   = map[reflect.Type]*plan{}
)

func planOf(t reflect.Type) *plan {
	plansMu.Lock()
	defer plansMu.Unlock()
	return planLocked(t)
}

func planLocked(t reflect.Type) *plan {
	if pl, ok := plans[t]; ok {
		return pl
	}
	pl := &plan{t: t, rt: rtypeOf(t), id: len(plans), kind: t.Kind(), size: t.Size(), special: specialOf(t),
		pkgPath: t.PkgPath(), name: t.Name(), tkind: t.Kind()}
	if pl.kind == reflect.Array {
		pl.arrLen = t.Len()
	}
	plans[t] = pl
	if pl.special != specialNone {
		return pl // stored its own way
	}
	switch pl.kind {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		pl.elem = planLocked(t.Elem())
	case reflect.Map:
		pl.key, pl.elem = planLocked(t.Key()), planLocked(t.Elem())
		pl.namesMap = pl.key.kind == reflect.String && pl.elem.kind == reflect.Uint32 &&
			t.Key().ConvertibleTo(stringType) && t.Elem().ConvertibleTo(uint32Type)
	case reflect.Struct:
		if skipStruct(t) {
			pl.kind = skipKind
			break
		}
		pl.fields = make([]fieldPlan, t.NumField())
		for i := range pl.fields {
			f := t.Field(i)
			pl.fields[i] = fieldPlan{f.Offset, planLocked(f.Type), f.Name}
		}
	}
	return pl
}

// ---- types ------------------------------------------------------------------------------------

// ifaceType is a concrete type stored in interfaces, with the first word of an interface value
// holding it, by interface type (its itab, or the type itself for an empty interface).
type ifaceType struct {
	t     reflect.Type
	pl    *plan
	mu    sync.Mutex
	words map[reflect.Type]unsafe.Pointer
}

// decodeIface is an ifaceType as one decoding uses it, with the last interface type it asked for.
type decodeIface struct {
	*ifaceType
	lastIface *plan // of the interface type (a pointer compare: a reflect.Type one is a call)
	lastWord  unsafe.Pointer
}

var ifaceTypes sync.Map // reflect.Type -> *ifaceType

func ifaceTypeOf(t reflect.Type) *ifaceType {
	if it, ok := ifaceTypes.Load(t); ok {
		return it.(*ifaceType)
	}
	it, _ := ifaceTypes.LoadOrStore(t, &ifaceType{t: t, pl: planOf(t), words: map[reflect.Type]unsafe.Pointer{}})
	return it.(*ifaceType)
}

// word returns the first word of an interface value of type iface holding a value of it.t.
func (it *ifaceType) word(iface reflect.Type) unsafe.Pointer {
	it.mu.Lock()
	defer it.mu.Unlock()
	if w, ok := it.words[iface]; ok {
		return w
	}
	var w unsafe.Pointer
	if iface.NumMethod() == 0 {
		w = rtypeOf(it.t) // an empty interface holds the type itself
	} else {
		// the itab, as the runtime finds (or makes) it for a conversion; it panics, as the
		// reflect.Value.Set this was did, when it.t does not implement iface. The data word is
		// not read: zeroSized stands for the value.
		var src any
		e := (*[2]unsafe.Pointer)(unsafe.Pointer(&src))
		e[0], e[1] = rtypeOf(it.t), zeroSized
		var dst [2]unsafe.Pointer
		ifaceE2I(rtypeOf(iface), src, unsafe.Pointer(&dst))
		w = dst[0]
	}
	it.words[iface] = w
	return w
}

// ifaceE2I converts src to the non-empty interface type t into *dst, as reflect does for an
// assignment: without reflect's Value.Set, which first checks that src's type implements t by
// matching method names (~4,000 instructions a type; the runtime's itab table answers for the
// types goja itself converts).
//
//go:linkname ifaceE2I reflect.ifaceE2I
func ifaceE2I(t unsafe.Pointer, src any, dst unsafe.Pointer)

// typeTable reads an image's table of the types it holds, and returns them. A process decodes a
// few dozen images (the loader's, the bootstrap's, each built-in's glue) whose tables name ~60
// types each, mostly the same ones: each name is looked up once per process (imageTypes), and a
// table is read under one lock, without a string or a decodeIface allocated per name (~300
// names in the decodes of a plain start's runtime.New alone).
func (d *decoder) typeTable() ([]reflect.Type, error) {
	n := int(d.uvarint())
	ifs := make([]decodeIface, n)
	d.types = make([]*decodeIface, n)
	list := make([]reflect.Type, n)
	typesMu.Lock()
	defer typesMu.Unlock()
	for i := range ifs {
		b := d.next(int(d.uvarint()))
		it := imageTypes[string(b)]
		if it == nil {
			name := string(b)
			t := lookupType(name)
			if t == nil {
				return nil, fmt.Errorf("progimage: type %s of the image is not in this binary", name)
			}
			it = ifaceTypeOf(t)
			if imageTypes == nil {
				imageTypes = map[string]*ifaceType{}
			}
			imageTypes[name] = it
		}
		ifs[i].ifaceType = it
		d.types[i] = &ifs[i]
		list[i] = it.t
	}
	return list, nil
}

// typeName names t for lookupType: its package path and name, after a "*" for a pointer.
func typeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer && t.Name() == "" {
		return "*" + typeName(t.Elem())
	}
	return t.PkgPath() + "." + t.Name()
}

//go:linkname typelinks reflect.typelinks
func typelinks() (sections []unsafe.Pointer, offset [][]int32)

//go:linkname rtypeOff reflect.rtypeOff
func rtypeOff(section unsafe.Pointer, off int32) unsafe.Pointer

var (
	typesMu    sync.Mutex
	imageTypes map[string]*ifaceType // by name (see typeName), those image tables named (typeTable)
	// the linker's list of the binary's types, sorted by their String, read once
	typeSections []unsafe.Pointer
	typeOffsets  [][]int32
)

// lookupType returns the type named name (see typeName) in this binary, or nil. A named type T
// is found through *T, which the linker lists (sorted by its string) for every type that has a
// descriptor. typesMu is held; the caller keeps what it finds (imageTypes).
func lookupType(name string) reflect.Type {
	ptr := strings.HasPrefix(name, "*")
	base := strings.TrimPrefix(name, "*")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 {
		return nil
	}
	pkgPath, tname := base[:dot], base[dot+1:]
	want := "*" + pkgPath[strings.LastIndexByte(pkgPath, '/')+1:] + "." + tname
	if typeSections == nil {
		typeSections, typeOffsets = typelinks()
	}
	for i, sec := range typeSections {
		offs := typeOffsets[i]
		at := func(j int) reflect.Type {
			var x any
			(*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0] = rtypeOff(sec, offs[j])
			return reflect.TypeOf(x)
		}
		j := sort.Search(len(offs), func(j int) bool { return at(j).String() >= want })
		for ; j < len(offs); j++ {
			pt := at(j)
			if pt.String() != want {
				break
			}
			if pt.Kind() != reflect.Pointer || pt.Name() != "" {
				continue
			}
			if el := pt.Elem(); el.PkgPath() == pkgPath && el.Name() == tname {
				t := el
				if ptr {
					t = pt
				}
				return t
			}
		}
	}
	return nil
}

var layoutHashes sync.Map // the type table of an image -> layoutHash of its types

func layoutHashOf(table string, types []reflect.Type) uint64 {
	if h, ok := layoutHashes.Load(table); ok {
		return h.(uint64)
	}
	h := layoutHash(types)
	layoutHashes.Store(table, h)
	return h
}

// layoutHash hashes the layout of the types an image holds and of goja.Program, each with every
// type it reaches through fields, element types and pointers.
func layoutHash(types []reflect.Type) uint64 {
	h := fnv64a(fnvOffset).uint64(typeLayoutHash(programType))
	for _, t := range types {
		h = h.uint64(typeLayoutHash(t))
	}
	return uint64(h)
}

// fnv64a is FNV-1a's 64-bit state (hash/fnv's New64a), written to without an interface call and
// a []byte conversion per write: the layout hashes of a process's first decode wrote ~10,000
// small pieces.
type fnv64a uint64

const (
	fnvOffset fnv64a = 14695981039346656037
	fnvPrime  fnv64a = 1099511628211
)

func (h fnv64a) byte(c byte) fnv64a { return (h ^ fnv64a(c)) * fnvPrime }

// string hashes s and then a 0 byte.
func (h fnv64a) string(s string) fnv64a {
	for i := 0; i < len(s); i++ {
		h = h.byte(s[i])
	}
	return h.byte(0)
}

// uint64 hashes x's 8 bytes, little-endian.
func (h fnv64a) uint64(x uint64) fnv64a {
	for i := 0; i < 8; i++ {
		h = h.byte(byte(x >> (8 * i)))
	}
	return h
}

// layoutWalks counts typeLayoutHash's walks (under plansMu), for plan.seen.
var layoutWalks uint64

// typeLayoutHash hashes the layout of t and of the types it reaches: depth first, for each type
// not reached before in the walk, its package path, name, kind and size, then unless it is
// stored its own way (specialOf) or as its zero value (skipStruct): an array's length and its
// element, a pointer's or slice's element, a map's key and element, a struct's fields (name,
// offset, type). It walks the types' plans, which decoding needs anyway, rather than asking
// reflect again (a second walk through reflect was ~0.7M instructions of a plain start).
func typeLayoutHash(top reflect.Type) uint64 {
	plansMu.Lock()
	defer plansMu.Unlock()
	pl := planLocked(top)
	if !pl.layoutDone {
		layoutWalks++
		pl.layout, pl.layoutDone = uint64(walkLayout(fnvOffset, pl, layoutWalks)), true
	}
	return pl.layout
}

func walkLayout(h fnv64a, pl *plan, walk uint64) fnv64a {
	if pl.seen == walk {
		return h
	}
	pl.seen = walk
	h = h.string(pl.pkgPath).string(pl.name).uint64(uint64(pl.tkind)<<56 | uint64(pl.size))
	if pl.special != specialNone {
		return h
	}
	switch pl.kind {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		if pl.kind == reflect.Array {
			h = h.uint64(uint64(pl.arrLen))
		}
		h = walkLayout(h, pl.elem, walk)
	case reflect.Map:
		h = walkLayout(h, pl.key, walk)
		h = walkLayout(h, pl.elem, walk)
	case reflect.Struct:
		for i := range pl.fields {
			f := &pl.fields[i]
			h = h.string(f.name).uint64(uint64(f.off))
			h = walkLayout(h, f.pl, walk)
		}
	}
	return h
}
