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

// newState is what New needs, made on its first call in a runtime.
type newState struct {
	cloner *Cloner      // copies a template Buffer when goja's layout allows (see Cloner)
	ctor   *goja.Object // FastBuffer, for a goja where it does not
}

// New returns a new Buffer over data, without copying: JS and Go share the bytes from then on,
// so the caller must not keep writing data from another goroutine. Loop only.
func New(h *modules.Host, data []byte) goja.Value {
	st := h.State(ctorKey{}, func() any {
		exp := h.Require("buffer").(*goja.Object)
		internal := exp.Get("_internal").(*goja.Object)
		st := &newState{ctor: internal.Get("FastBuffer").(*goja.Object)}
		if t, err := h.VM.New(st.ctor, h.VM.ToValue(h.VM.NewArrayBuffer(make([]byte, 1)))); err == nil {
			st.cloner = NewCloner(t)
		}
		return st
	}).(*newState)
	if st.cloner != nil {
		return st.cloner.New(data)
	}
	o, err := h.VM.New(st.ctor, h.VM.ToValue(h.VM.NewArrayBuffer(data)))
	if err != nil {
		panic(err)
	}
	return o
}
