package buffer

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Encoding is one of Node's buffer encodings, as Go code names it.
type Encoding int

// The encodings, with the numbers the glue's normalizeEncoding uses.
const (
	UTF8      Encoding = encUTF8
	UTF16LE   Encoding = encUTF16LE
	Latin1    Encoding = encLatin1
	ASCII     Encoding = encASCII
	Base64    Encoding = encBase64
	Base64URL Encoding = encBase64URL
	Hex       Encoding = encHex
)

// encodingByName returns the encoding of a lower-case name. A switch, not a package-level map: a
// map literal is built by code at every process start.
func encodingByName(name string) (Encoding, bool) {
	switch name {
	case "utf8", "utf-8":
		return UTF8, true
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return UTF16LE, true
	case "latin1", "binary":
		return Latin1, true
	case "ascii":
		return ASCII, true
	case "base64":
		return Base64, true
	case "base64url":
		return Base64URL, true
	case "hex":
		return Hex, true
	}
	return 0, false
}

// LookupEncoding returns the encoding for a name as Node's Buffer.isEncoding accepts it
// (case-insensitive).
func LookupEncoding(name string) (Encoding, bool) {
	if e, ok := encodingByName(name); ok {
		return e, true
	}
	b := []byte(name)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return encodingByName(string(b))
}

// BytesOf returns the bytes that v (a Buffer, any TypedArray, DataView or ArrayBuffer) views,
// sharing its memory, or nil if v is none of those. Loop only.
func BytesOf(vm *goja.Runtime, v goja.Value) []byte { return bytesOf(vm, v) }

// ByteView returns the bytes v views when it is a Uint8Array (a Buffer), Int8Array or
// Uint8ClampedArray over an ArrayBuffer that is not detached, sharing its memory; ok false for
// anything else (ask BytesOf). Cheap enough for a per-call fast path: it reads goja's structs.
// Loop only.
func ByteView(v goja.Value) (b []byte, ok bool) {
	o, isObj := v.(*goja.Object)
	if !isObj || o == nil {
		return nil, false
	}
	return u8Bytes(gojaLayout(), o)
}

// Decode returns b decoded as a JS string the way buf.toString(enc) does.
func Decode(b []byte, enc Encoding) goja.Value { return decodeValue(b, int(enc)) }

// Encode returns the JS string s encoded as Buffer.from(s, enc) does.
func Encode(s goja.Value, enc Encoding) []byte { return encodeString(stringOf(s), int(enc)) }

type ctorKey struct{}

// maker makes a runtime's Buffers over Go bytes (Maker).
type maker struct {
	vm      *goja.Runtime
	cloner  *Cloner                 // copies a template Buffer when goja's layout allows (see Cloner)
	u8new   goja.Constructor        // Uint8Array, run with Buffer as new.target when it does not
	bufCtor *goja.Object            // Buffer
	arg     [1]goja.Value           // u8new's argument list
	mk, cp  func([]byte) goja.Value // Maker's and CopyMaker's functions
}

// Maker returns the function that makes a Buffer over data in h's runtime, without copying:
// JS and Go share the bytes from then on, so the caller must not keep writing data from
// another goroutine. It is made once per runtime; a caller on a hot path (a socket's reads)
// keeps it rather than calling New. Loop only.
func Maker(h *modules.Host) func(data []byte) goja.Value { return makerOf(h).mk }

// makerOf returns h's runtime's maker, made on first use. Loop only.
func makerOf(h *modules.Host) *maker {
	return h.State(ctorKey{}, func() any {
		vm := h.VM
		m := &maker{vm: vm}
		m.bufCtor = h.Require("buffer").(*goja.Object).Get("Buffer").(*goja.Object)
		m.u8new, _ = goja.AssertConstructor(vm.Get("Uint8Array"))
		if m.u8new == nil {
			panic(vm.NewTypeError("Uint8Array is not a constructor"))
		}
		if t, ok := m.construct(make([]byte, 1)).(*goja.Object); ok {
			m.cloner = NewCloner(t)
		}
		m.mk = m.make
		if cl := m.cloner; cl != nil {
			m.cp = func(src []byte) goja.Value { return cl.NewCopy(src) }
		} else {
			m.cp = func(src []byte) goja.Value {
				d := make([]byte, len(src))
				copy(d, src)
				return m.construct(d)
			}
		}
		return m
	}).(*maker)
}

// CopyMaker returns the function that makes a Buffer over a copy of src in h's runtime, as
// Maker's over a copy would (see Cloner.NewCopy: a small one is a single allocation). Loop
// only.
func CopyMaker(h *modules.Host) func(src []byte) goja.Value { return makerOf(h).cp }

// New returns a new Buffer over data (see Maker). Loop only.
func New(h *modules.Host, data []byte) goja.Value { return Maker(h)(data) }

func (m *maker) make(data []byte) goja.Value {
	if m.cloner != nil {
		return m.cloner.New(data)
	}
	return m.construct(data)
}

// construct makes the Buffer by the typed array constructor: new Uint8Array(ab) with Buffer as
// new.target, whose prototype is then Buffer.prototype, as FastBuffer's constructor makes it
// without running that constructor's JS. (The argument list is the maker's: a variadic list
// passed to a Constructor escapes, one allocation a call otherwise. The typed array constructor
// keeps nothing of it and runs no JS that could come back here.)
func (m *maker) construct(data []byte) goja.Value {
	m.arg[0] = m.vm.ToValue(m.vm.NewArrayBuffer(data))
	o, err := m.u8new(m.bufCtor, m.arg[:]...)
	m.arg[0] = nil
	if err != nil {
		panic(err)
	}
	return o
}

// MaxStringLength is V8's longest string, in UTF-16 code units: node's decoders throw
// StringTooLong past it.
const MaxStringLength = kStringMaxLength

// StringTooLong is node's ERR_STRING_TOO_LONG, for a decoding longer than MaxStringLength.
func StringTooLong() *modules.Error {
	return modules.NativeError("Error", "ERR_STRING_TOO_LONG", "Cannot create a string longer than 0x1fffffe8 characters")
}

// UTF16Length is how many UTF-16 code units b decodes to as utf8 (as Decode(b, UTF8) does:
// each maximal ill-formed subsequence one U+FFFD), counted a piece at a time without making
// the string. Any goroutine.
func UTF16Length(b []byte) int {
	var u units16
	n := 0
	for len(b) > 0 {
		piece := b[:min(len(b), 1<<16)]
		var rest int
		u, rest = appendUTF8(u[:0], piece, len(piece) == len(b))
		n += len(u)
		b = b[len(piece)-rest:]
	}
	return n
}
