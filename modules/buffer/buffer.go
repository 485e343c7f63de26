// Package buffer implements Node's buffer module (https://nodejs.org/api/buffer.html): Buffer as a
// Uint8Array subclass whose encodings, searches and copies run in Go directly on the
// ArrayBuffer's bytes, plus atob/btoa, Blob, File, isUtf8, isAscii and transcode. It also
// provides the internal "internal/encoding" module with TextEncoder and TextDecoder
// (https://nodejs.org/api/util.html#class-utiltextdecoder) for the runtime's globals.
package buffer

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"math"
	"reflect"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed buffer.js
var glue string

// Module is the "buffer" built-in.
// Its Blob, File and blob: URLs are a part compiled on first use (modules.GluePart).
var Module = modules.Module{Name: "buffer", Bind: bind, JSRef: &glue, GlueParts: true}

// bytesOf returns the bytes a typed array, DataView or ArrayBuffer views, sharing memory.
func bytesOf(vm *goja.Runtime, v goja.Value) []byte {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if b, ok := u8Bytes(gojaLayout(), o); ok {
		return b
	}
	x, ok := exportView(o)
	if !ok {
		// A view over a detached ArrayBuffer: node sees no bytes.
		return []byte{}
	}
	switch x := x.(type) {
	case []byte:
		return x
	case goja.ArrayBuffer:
		return x.Bytes()
	}
	var b []byte
	if vm.ExportTo(o, &b) == nil {
		return b
	}
	return nil
}

// exportView is o.Export(), reporting false for a view whose ArrayBuffer was detached: goja's
// export would slice the released memory (a runtime error, and a fatal one under the race
// detector's pointer checks, so it is not attempted).
func exportView(o *goja.Object) (v any, ok bool) {
	if !viewType(o.ExportType()) {
		// Not an ArrayBuffer or typed array: exporting a plain object or an Array would copy
		// it whole and run its getters (Buffer.byteLength({ get length() {...} }) called it).
		return nil, true
	}
	switch viewState(o) {
	case viewDetachedBuf:
		return nil, false
	case viewEmpty:
		// goja's export of a zero-length view at the end of its buffer makes a pointer past
		// the allocation (fatal under the race detector's pointer checks)
		return []byte{}, true
	}
	defer func() {
		if r := recover(); r != nil {
			if _, rt := r.(runtime.Error); !rt {
				panic(r)
			}
			v, ok = nil, false
		}
	}()
	return o.Export(), true
}

var arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})

// viewType says goja exports an object of type t as an ArrayBuffer or as a typed array's
// elements (a slice of numbers sharing its memory).
func viewType(t reflect.Type) bool {
	if t == arrayBufferType {
		return true
	}
	if t == nil || t.Kind() != reflect.Slice {
		return false
	}
	switch t.Elem().Kind() {
	case reflect.Uint8, reflect.Int8, reflect.Uint16, reflect.Int16, reflect.Uint32, reflect.Int32,
		reflect.Float32, reflect.Float64, reflect.Int64, reflect.Uint64:
		return true
	}
	return false
}

const (
	viewOther       = iota // not a view, or a view with bytes
	viewDetachedBuf        // a typed array or DataView whose ArrayBuffer was detached
	viewEmpty              // a view of no bytes
)

// viewState tells the views goja's Export cannot take (see exportView) from the rest. (The
// buffer getter throws for an object that only inherits it: such an object is no view.)
func viewState(o *goja.Object) (state int) {
	defer func() {
		if r := recover(); r != nil {
			// a JS error thrown by the getter (goja panics with the value or an Exception);
			// an interrupt (process.exit, Close) or stack overflow keeps unwinding
			switch r.(type) {
			case *goja.Object, *goja.Exception:
				state = viewOther
			default:
				panic(r)
			}
		}
	}()
	b, ok := o.Get("buffer").(*goja.Object)
	if !ok {
		return viewOther
	}
	ab, ok := modules.ExportAs[goja.ArrayBuffer](b)
	switch {
	case !ok:
		return viewOther
	case ab.Detached():
		return viewDetachedBuf
	case o.Get("byteLength").ToInteger() == 0:
		return viewEmpty
	}
	return viewOther
}

func intArg(c goja.FunctionCall, i int) int {
	v := c.Argument(i)
	if goja.IsUndefined(v) {
		return 0
	}
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0
	}
	if f > math.MaxInt32*4 {
		return math.MaxInt32 * 4
	}
	if f < -math.MaxInt32*4 {
		return -math.MaxInt32 * 4
	}
	return int(f)
}

// toUint8 is ECMAScript's ToUint8 of a number: its integer part modulo 256 (NaN and infinities
// give 0).
func toUint8(f float64) byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	m := math.Mod(math.Trunc(f), 256)
	if m < 0 {
		m += 256
	}
	return byte(m)
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// encodedLen is Buffer.byteLength(s, enc).
func encodedLen(s jsString, enc int) int {
	switch enc {
	case encUTF16LE:
		return s.Len() * 2
	case encLatin1, encASCII:
		return s.Len()
	case encBase64, encBase64URL:
		return base64Estimate(s)
	case encHex:
		return s.Len() >> 1
	}
	return utf8Length(s)
}

// encodeInto writes s in enc into dst, as much as fits, and returns the bytes written.
func encodeInto(dst []byte, s jsString, enc int) int {
	switch enc {
	case encUTF16LE:
		return encodeUTF16LE(dst, s)
	case encLatin1, encASCII:
		return encodeLatin1(dst, s)
	case encBase64, encBase64URL:
		return decodeBase64(dst, s)
	case encHex:
		return decodeHex(dst, s)
	}
	return encodeUTF8(dst, s)
}

// encodeString returns s encoded in enc in a new slice.
func encodeString(s jsString, enc int) []byte {
	dst := makeNoZero(encodedLen(s, enc))
	n := encodeInto(dst, s, enc)
	return dst[:n:n]
}

// decodeValue returns b decoded in enc as a JS string.
func decodeValue(b []byte, enc int) goja.Value {
	switch enc {
	case encUTF16LE:
		return decodeUTF16LE(b).valueAuto()
	case encLatin1:
		u, a := decodeLatin1(b)
		if u == nil {
			return asciiValue(a)
		}
		return u.value(false)
	case encASCII:
		return asciiValue(decodeASCII(b))
	case encBase64:
		return asciiValue(encodeBase64(b, false))
	case encBase64URL:
		return asciiValue(encodeBase64(b, true))
	case encHex:
		return asciiValue(encodeHex(b))
	}
	u, a := decodeUTF8(b)
	if u == nil {
		return asciiValue(a)
	}
	return u.value(false)
}

// kStringMaxLength is V8's maximum string length on 64-bit machines (buffer.constants.MAX_STRING_LENGTH).
const kStringMaxLength = 1<<29 - 24

// decodedLen is the length in UTF-16 units of n bytes decoded in enc (an upper bound for UTF-8).
func decodedLen(n, enc int) int {
	switch enc {
	case encUTF16LE:
		return n / 2
	case encBase64:
		return (n + 2) / 3 * 4
	case encBase64URL:
		return (n*8 + 5) / 6
	case encHex:
		return 2 * n
	}
	return n
}

// indexOffset is where a search of a needle of needleLen bytes starts in a haystack of length
// bytes for a requested offset, as Node computes it; -1 means no match is possible.
func indexOffset(length, offset, needleLen int, forward bool) int {
	if offset < 0 {
		if offset+length >= 0 {
			return length + offset
		}
		if forward || needleLen == 0 {
			return 0
		}
		return -1
	}
	if offset+needleLen <= length {
		return offset
	}
	if needleLen == 0 {
		return length
	}
	if forward {
		return -1
	}
	return length - 1
}

// search finds needle in hay from start (forward) or at or before start (backward), stepping
// by step bytes (2 for UTF-16 searches).
func search(hay, needle []byte, start int, forward bool, step int) int {
	if len(needle) == 0 {
		return start
	}
	if len(hay) == 0 || start < 0 {
		return -1
	}
	if step == 2 {
		if len(hay) < 2 || len(needle) < 2 {
			return -1
		}
		hay = hay[:len(hay)&^1]
		needle = needle[:len(needle)&^1]
		start &^= 1
	}
	if forward {
		if start+len(needle) > len(hay) {
			return -1
		}
		for i := start; i+len(needle) <= len(hay); {
			j := bytes.Index(hay[i:], needle)
			if j < 0 {
				return -1
			}
			if (i+j)%step == 0 {
				return i + j
			}
			i += j + 1
		}
		return -1
	}
	last := len(hay) - len(needle)
	if start > last {
		start = last
	}
	for end := start + len(needle); end >= len(needle); {
		i := bytes.LastIndex(hay[:end], needle)
		if i < 0 || i%step == 0 {
			return i
		}
		end = i + len(needle) - 1
	}
	return -1
}

var arrayExportType = reflect.TypeOf([]any(nil))

// exportObjects returns the elements of arr, a plain Array whose every element is an object,
// in one call into the engine; nil when arr is anything else (a proxy, an array with an own
// iterator, holes, or an element that is not an object), which the caller then reads element by
// element.
// values is Array.prototype[Symbol.iterator] as the runtime started with it.
func exportObjects(vm *goja.Runtime, arr *goja.Object, values goja.Value) (objs []*goja.Object) {
	if arr.ExportType() != arrayExportType {
		return nil
	}
	if it := arr.GetSymbol(goja.SymIterator); it == nil || !it.SameAs(values) {
		return nil
	}
	defer func() {
		// A hole makes goja's export fail on a nil value.
		if recover() != nil {
			objs = nil
		}
	}()
	if vm.ExportTo(arr, &objs) != nil {
		return nil
	}
	for _, o := range objs {
		if o == nil {
			return nil
		}
	}
	return objs
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	modules.SetGluePart(vm, b, "node:buffer", &glue)
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		b.Set(name, fn)
	}
	// byteLength(string, enc)
	set("byteLength", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(encodedLen(stringOf(c.Argument(0)), int(c.Argument(1).ToInteger())))
	})
	// fromString(string, enc) -> ArrayBuffer
	set("fromString", func(c goja.FunctionCall) goja.Value {
		data := encodeString(stringOf(c.Argument(0)), int(c.Argument(1).ToInteger()))
		return vm.ToValue(vm.NewArrayBuffer(data))
	})
	// fromStringPool(string, enc, pool, offset, half) is node's fromStringFast on the Buffer pool:
	// the string's byteLength (node's estimate for base64 and hex) of half or more gives an
	// ArrayBuffer of its own; one that fits in pool after offset is written there and the bytes
	// written returned; one that does not fit gives -1 (the glue makes a new pool and asks again).
	set("fromStringPool", func(c goja.FunctionCall) goja.Value {
		s, enc := stringOf(c.Argument(0)), int(c.Argument(1).ToInteger())
		length := encodedLen(s, enc)
		if length >= intArg(c, 4) {
			return vm.ToValue(vm.NewArrayBuffer(encodeString(s, enc)))
		}
		pool := bytesOf(vm, c.Argument(2))
		off := intArg(c, 3)
		if off < 0 || off > len(pool) || length > len(pool)-off {
			return vm.ToValue(-1)
		}
		return vm.ToValue(encodeInto(pool[off:off+length], s, enc))
	})
	// fromUTF8Pool(string, poolAB, pool, offset, half) is Buffer.from(string) in UTF-8 whole: a
	// string of half or more bytes gives a Buffer of its own; one that fits in pool (the Uint8Array
	// over poolAB) after offset is written there and its Buffer, a view of poolAB, returned, the
	// next (8-aligned) offset left in the Int32Array given to setPoolEnd (offset itself for a Buffer of
	// its own); one that does not fit gives
	// null (the glue makes a new pool). The view is made by the typed array constructor with
	// Buffer as new.target (FastBuffer's prototype, without its class construct in JS).
	var poolEnd []byte // the Int32Array's bytes
	var u8new goja.Constructor
	var bufCtor *goja.Object
	var viewArgs [3]goja.Value
	// viewCloner is the Cloner whose View makes the pool's views (checked once, on the first
	// pool it sees), or nil: then the typed array constructor makes them.
	var cloner *Cloner
	var clonerChecked bool
	viewCloner := func(ab *goja.Object) *Cloner {
		if !clonerChecked {
			clonerChecked = true
			if m, ok := Maker(h)(make([]byte, 1)).(*goja.Object); ok {
				if cl := NewCloner(m); cl != nil && cl.checkView(ab) {
					cloner = cl
				}
			}
		}
		return cloner
	}
	set("setPoolEnd", func(c goja.FunctionCall) goja.Value {
		poolEnd = bytesOf(vm, c.Argument(0))
		bufCtor, _ = c.Argument(1).(*goja.Object)
		u8new, _ = goja.AssertConstructor(vm.Get("Uint8Array"))
		return goja.Undefined()
	})
	set("fromUTF8Pool", func(c goja.FunctionCall) goja.Value {
		s := stringOf(c.Argument(0))
		length := encodedLen(s, encUTF8)
		off := intArg(c, 3)
		if length >= intArg(c, 4) {
			if len(poolEnd) >= 4 {
				binary.NativeEndian.PutUint32(poolEnd, uint32(off))
			}
			return Maker(h)(encodeString(s, encUTF8))
		}
		pool := bytesOf(vm, c.Argument(2))
		if off < 0 || off > len(pool) || length > len(pool)-off || len(poolEnd) < 4 || u8new == nil {
			return goja.Null()
		}
		n := encodeInto(pool[off:off+length], s, encUTF8)
		var o *goja.Object
		if ab, ok := c.Argument(1).(*goja.Object); ok && viewCloner(ab) != nil {
			o = viewCloner(ab).View(ab, off, n)
		}
		if o == nil {
			viewArgs = [3]goja.Value{c.Argument(1), vm.ToValue(off), vm.ToValue(n)}
			var err error
			o, err = u8new(bufCtor, viewArgs[:]...)
			viewArgs = [3]goja.Value{}
			if err != nil {
				panic(err)
			}
		}
		end := uint32((off + n + 7) &^ 7)
		binary.NativeEndian.PutUint32(poolEnd, end)
		return o
	})
	// write(buf, string, offset, length, enc) -> bytes written
	set("write", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		off := clamp(intArg(c, 2), 0, len(buf))
		end := clamp(off+intArg(c, 3), off, len(buf))
		return vm.ToValue(encodeInto(buf[off:end], stringOf(c.Argument(1)), int(c.Argument(4).ToInteger())))
	})
	// toString(buf, enc, start, end)
	set("toString", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		start := clamp(intArg(c, 2), 0, len(buf))
		end := len(buf)
		if !goja.IsUndefined(c.Argument(3)) {
			end = clamp(intArg(c, 3), start, len(buf))
		}
		b, enc := buf[start:end], int(c.Argument(1).ToInteger())
		tooLong := func() {
			h.Throw(modules.NativeError("Error", "ERR_STRING_TOO_LONG", "Cannot create a string longer than 0x1fffffe8 characters"))
		}
		if enc != encUTF8 && decodedLen(len(b), enc) > kStringMaxLength {
			tooLong()
		}
		v := decodeValue(b, enc)
		if enc == encUTF8 && len(b) > kStringMaxLength && v.(goja.String).Length() > kStringMaxLength {
			tooLong()
		}
		return v
	})
	// fill(buf, value, start, end, enc) -> -1 when a string value encodes to nothing.
	// value is a number (a byte), a string (encoded with enc) or a view (its bytes).
	set("fill", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		start := clamp(intArg(c, 2), 0, len(buf))
		end := clamp(intArg(c, 3), start, len(buf))
		dst := buf[start:end]
		v := c.Argument(1)
		var pat []byte
		switch {
		case goja.IsString(v):
			pat = encodeString(stringOf(v), int(c.Argument(4).ToInteger()))
			if len(pat) == 0 {
				return vm.ToValue(-1)
			}
		case goja.IsNumber(v) || goja.IsUndefined(v):
			x := toUint8(v.ToFloat())
			if len(dst) > 0 {
				dst[0] = x
				for n := 1; n < len(dst); n *= 2 {
					copy(dst[n:], dst[:n])
				}
			}
			return vm.ToValue(0)
		default:
			pat = bytes.Clone(bytesOf(vm, v))
			if len(pat) == 0 {
				return vm.ToValue(-1)
			}
		}
		if len(dst) == 0 {
			return vm.ToValue(0)
		}
		n := copy(dst, pat)
		for n < len(dst) {
			n += copy(dst[n:], dst[:n])
		}
		return vm.ToValue(0)
	})
	// compare(a, b, aStart, aEnd, bStart, bEnd) -> -1, 0, 1 (bounds already checked)
	set("compare", func(c goja.FunctionCall) goja.Value {
		x := bytesOf(vm, c.Argument(0))
		y := bytesOf(vm, c.Argument(1))
		if len(c.Arguments) > 2 {
			// An end left undefined (a receiver with no length, such as a DataView) is the
			// end of the bytes, as in node's binding.
			end := func(i, n int) int {
				if goja.IsUndefined(c.Argument(i)) {
					return n
				}
				return intArg(c, i)
			}
			xs := clamp(intArg(c, 2), 0, len(x))
			xe := clamp(end(3, len(x)), xs, len(x))
			ys := clamp(intArg(c, 4), 0, len(y))
			ye := clamp(end(5, len(y)), ys, len(y))
			x, y = x[xs:xe], y[ys:ye]
		}
		return vm.ToValue(bytes.Compare(x, y))
	})
	// copy(source, target, targetStart, sourceStart, nb) -> bytes copied
	set("copy", func(c goja.FunctionCall) goja.Value {
		src := bytesOf(vm, c.Argument(0))
		dst := bytesOf(vm, c.Argument(1))
		ts := clamp(intArg(c, 2), 0, len(dst))
		ss := clamp(intArg(c, 3), 0, len(src))
		nb := clamp(intArg(c, 4), 0, len(src)-ss)
		return vm.ToValue(copy(dst[ts:], src[ss:ss+nb]))
	})
	// concat(list, length) -> ArrayBuffer holding the Uint8Arrays of list one after another,
	// cut or zero-padded to length (-1: their total); or null when list is not a plain array of
	// Uint8Arrays, for the glue to do it element by element as node does.
	// setProtos(Buffer.prototype, Uint8Array.prototype) lets concat recognize Uint8Arrays.
	cl := &concatList{l: gojaLayout()}
	set("setProtos", func(c goja.FunctionCall) goja.Value {
		cl.bufferProto, _ = c.Argument(0).(*goja.Object)
		cl.u8Proto, _ = c.Argument(1).(*goja.Object)
		return goja.Undefined()
	})
	arrayValues := vm.Get("Array").(*goja.Object).Get("prototype").(*goja.Object).GetSymbol(goja.SymIterator)
	// concat(list, length, pool, offset, half) -> as above; when the bytes are fewer than half,
	// they go into pool at offset instead and their count is returned (-1: they do not fit, the
	// glue makes a new pool and asks again), as node's concat fills a pool slice.
	result := func(c goja.FunctionCall, out []byte) goja.Value {
		if len(out) < intArg(c, 4) {
			pool := bytesOf(vm, c.Argument(2))
			off := intArg(c, 3)
			if off < 0 || off > len(pool) || len(out) > len(pool)-off {
				return vm.ToValue(-1)
			}
			return vm.ToValue(copy(pool[off:], out))
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	}
	set("concat", func(c goja.FunctionCall) goja.Value {
		arr := c.Argument(0).ToObject(vm)
		if vals, ok := arrayElems(cl.l, arr); ok {
			out, ok := cl.concat(vals, intArg(c, 1))
			if !ok {
				return goja.Null()
			}
			return result(c, out)
		}
		// Not goja's plain dense array (a sparse one, say): its elements through the public
		// API, then the same reads. Without the layout probe, always the glue's path.
		if !cl.l.ok {
			return goja.Null()
		}
		objs := exportObjects(vm, arr, arrayValues)
		if objs == nil {
			return goja.Null()
		}
		vals := make([]goja.Value, len(objs))
		for i, o := range objs {
			vals[i] = o
		}
		out, ok := cl.concat(vals, intArg(c, 1))
		if !ok {
			return goja.Null()
		}
		return result(c, out)
	})
	// indexOf(buf, needle, byteOffset, enc, forward): needle is a string (encoded with enc)
	// or a view.
	set("indexOf", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		v := c.Argument(1)
		enc := int(c.Argument(3).ToInteger())
		forward := c.Argument(4).ToBoolean()
		var needle []byte
		hayLen := len(buf)
		if goja.IsString(v) {
			if enc == encUTF8 {
				// node searches for the needle's String::Utf8Value, which writes a lone
				// surrogate as its own three bytes (WTF-8) instead of U+FFFD's
				needle = []byte(modules.WTF8(v))
			} else {
				needle = encodeString(stringOf(v), enc)
			}
			if enc == encUTF16LE {
				// node's IndexOfString counts a UTF-16 haystack in whole units.
				hayLen &^= 1
			}
		} else {
			needle = bytesOf(vm, v)
		}
		off := c.Argument(2).ToFloat()
		offset := int(math.Max(math.Min(off, 1<<53), -(1 << 53)))
		start := indexOffset(hayLen, offset, len(needle), forward)
		if len(needle) == 0 {
			return vm.ToValue(start)
		}
		if start < 0 || len(buf) == 0 || len(needle) > hayLen || forward && start+len(needle) > hayLen {
			// node refuses before aligning a UTF-16 search: a needle that does not fit
			// from the byte offset finds nothing.
			return vm.ToValue(-1)
		}
		step := 1
		if enc == encUTF16LE {
			step = 2
		}
		return vm.ToValue(search(buf, needle, start, forward, step))
	})
	// indexOfNumber(buf, byte, byteOffset, forward)
	set("indexOfNumber", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		needle := byte(uint32(c.Argument(1).ToInteger()))
		offset := int(math.Max(math.Min(c.Argument(2).ToFloat(), 1<<53), -(1 << 53)))
		forward := c.Argument(3).ToBoolean()
		start := indexOffset(len(buf), offset, 1, forward)
		if start < 0 || len(buf) == 0 {
			return vm.ToValue(-1)
		}
		if forward {
			i := bytes.IndexByte(buf[start:], needle)
			if i >= 0 {
				i += start
			}
			return vm.ToValue(i)
		}
		return vm.ToValue(bytes.LastIndexByte(buf[:start+1], needle))
	})
	set("swap", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		size := int(c.Argument(1).ToInteger())
		for i := 0; i+size <= len(buf); i += size {
			for a, z := i, i+size-1; a < z; a, z = a+1, z-1 {
				buf[a], buf[z] = buf[z], buf[a]
			}
		}
		return c.Argument(0)
	})
	// isAnyArrayBuffer is node's slot check: an ArrayBuffer or SharedArrayBuffer whatever its
	// prototype, and not an object that merely inherits from ArrayBuffer.prototype.
	set("isAnyArrayBuffer", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		x, _ := exportView(o)
		_, ok = x.(goja.ArrayBuffer)
		return vm.ToValue(ok)
	})
	// detached says v is a view whose ArrayBuffer was detached (transferred).
	set("detached", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		if d, ok := typedDetached(gojaLayout(), o); ok {
			return vm.ToValue(d)
		}
		_, live := exportView(o)
		return vm.ToValue(!live)
	})
	// validated is the bytes isUtf8 and isAscii check: a detached ArrayBuffer is node's
	// ERR_INVALID_STATE (a view over one has no bytes).
	validated := func(v goja.Value) []byte {
		if o, ok := v.(*goja.Object); ok {
			if x, _ := exportView(o); x != nil {
				if ab, ok := x.(goja.ArrayBuffer); ok && ab.Detached() {
					// As node's binding throws it: a plain Error with a code property.
					err, _ := vm.New(vm.Get("Error"), vm.ToValue("Cannot validate on a detached buffer"))
					err.Set("code", "ERR_INVALID_STATE")
					panic(err)
				}
			}
		}
		return bytesOf(vm, v)
	}
	set("isUtf8", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(isUTF8(validated(c.Argument(0))))
	})
	set("isAscii", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(isASCII(validated(c.Argument(0))))
	})
	// hexSlice etc. for inspect: the first n bytes as "68 69 ..."
	set("inspectBytes", func(c goja.FunctionCall) goja.Value {
		buf := bytesOf(vm, c.Argument(0))
		n := clamp(intArg(c, 1), 0, len(buf))
		const digits = "0123456789abcdef"
		out := make([]byte, 0, 3*n)
		for i, x := range buf[:n] {
			if i > 0 {
				out = append(out, ' ')
			}
			out = append(out, digits[x>>4], digits[x&15])
		}
		return asciiValue(bytesToString(out))
	})
	// fastInspect(fn, proto) lets the Go inspector print a Buffer whose inspect.custom is fn (the
	// prototype's method) as that method would, without calling it: `<Buffer 61 62>`, up to
	// INSPECT_MAX_BYTES bytes (setInspectMaxBytes keeps the Go copy). A Buffer with own named
	// properties or symbols, another prototype or a fractional maximum runs the method.
	inspectMax := 50.0
	set("setInspectMaxBytes", func(c goja.FunctionCall) goja.Value {
		inspectMax = c.Argument(0).ToFloat()
		return goja.Undefined()
	})
	set("fastInspect", func(c goja.FunctionCall) goja.Value {
		fn, ok1 := c.Argument(0).(*goja.Object)
		proto, ok2 := c.Argument(1).(*goja.Object)
		if !ok1 || !ok2 {
			return goja.Undefined()
		}
		modules.SetFastCustomInspect(h, fn, func(o *goja.Object) (string, bool) {
			if o.Prototype() != proto || inspectMax != math.Trunc(inspectMax) || len(o.Symbols()) != 0 {
				return "", false
			}
			if names, ok := typedNames(gojaLayout(), o); !ok || len(names) != 0 {
				return "", false
			}
			// this.constructor.name, read as the method reads it (data properties only here)
			ctor, ok := proto.Get("constructor").(*goja.Object)
			if !ok {
				return "", false
			}
			name, ok := ctor.Get("name").(goja.String)
			if !ok {
				return "", false
			}
			buf := bytesOf(vm, o)
			n := len(buf)
			if float64(n) > inspectMax {
				n = int(max(inspectMax, 0))
			}
			var sb strings.Builder
			sb.Grow(len("<Buffer >") + 3*n + 24)
			sb.WriteByte('<')
			sb.WriteString(name.String())
			sb.WriteByte(' ')
			const digits = "0123456789abcdef"
			for i, x := range buf[:n] {
				if i > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteByte(digits[x>>4])
				sb.WriteByte(digits[x&15])
			}
			if rem := len(buf) - n; rem > 0 {
				sb.WriteString(" ... " + strconv.Itoa(rem) + " more byte")
				if rem > 1 {
					sb.WriteByte('s')
				}
			}
			sb.WriteByte('>')
			return sb.String(), true
		})
		return goja.Undefined()
	})
	// namedKeys(view) is the own string-keyed property names of a typed array (not its indices),
	// or undefined when they cannot be read in place (the caller then lists its keys).
	set("namedKeys", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		names, ok := typedNames(gojaLayout(), o)
		if !ok {
			return goja.Undefined()
		}
		out := make([]any, len(names))
		for i, n := range names {
			out[i] = n
		}
		return vm.NewArray(out...)
	})
	// makeError(ctorName, code, message) -> a Node-shaped error
	set("makeError", func(c goja.FunctionCall) goja.Value {
		return h.ToJS(modules.NewError(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String()))
	})
	// invalidArgType(name, expected[], value)
	set("invalidArgType", func(c goja.FunctionCall) goja.Value {
		var expected []string
		_ = vm.ExportTo(c.Argument(1), &expected)
		return h.ToJS(modules.InvalidArgType(c.Argument(0).String(), expected, c.Argument(2)))
	})
	// setNameLength(fn, name, length): Object.defineProperty(fn, 'name', { value: name,
	// configurable: true }) and the same for length, without the two descriptor objects.
	set("setNameLength", func(c goja.FunctionCall) goja.Value {
		fn := c.Argument(0).ToObject(vm)
		for i, k := range [2]string{"name", "length"} {
			if err := fn.DefineDataProperty(k, c.Argument(i+1), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	// makeFast(slowMethods) -> native fast versions of the fixed-size read/write methods.
	set("makeFast", func(c goja.FunctionCall) goja.Value {
		return makeFast(vm, c.Argument(0).ToObject(vm))
	})
	bindWeb(h, b)
	return nil
}
