package buffer

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
)

// jsString is the content of a JS string: ASCII bytes in a, or UTF-16 code units in u when u is
// not nil. It never copies the engine's storage.
type jsString struct {
	a string
	u []uint16
}

func (s jsString) Len() int {
	if s.u != nil {
		return len(s.u)
	}
	return len(s.a)
}

func (s jsString) At(i int) uint16 {
	if s.u != nil {
		return s.u[i]
	}
	return uint16(s.a[i])
}

var (
	asciiStringType   = reflect.TypeOf(goja.StringFromUTF16([]uint16{'a'}))
	unicodeStringType = reflect.TypeOf(goja.StringFromUTF16([]uint16{0x100}))
	uint16SliceType   = reflect.TypeOf([]uint16(nil))
	// direct is true when goja's string representations are what this file expects: an ASCII
	// string kind and a []uint16 kind whose first unit is a BOM marker.
	direct = checkDirect()
)

func checkDirect() bool {
	if asciiStringType.Kind() != reflect.String || unicodeStringType.Kind() != reflect.Slice ||
		unicodeStringType.Elem().Kind() != reflect.Uint16 {
		return false
	}
	s := goja.StringFromUTF16([]uint16{0x100, 'x'})
	u := reflect.ValueOf(s).Convert(uint16SliceType).Interface().([]uint16)
	if len(u) != 3 || u[1] != 0x100 || u[2] != 'x' {
		return false
	}
	v, ok := reflect.ValueOf(u).Convert(unicodeStringType).Interface().(goja.String)
	if !ok || v.Length() != 2 || v.CharAt(0) != 0x100 {
		return false
	}
	a, ok := reflect.ValueOf("ab").Convert(asciiStringType).Interface().(goja.String)
	return ok && a.Length() == 2 && a.StrictEquals(goja.StringFromUTF16([]uint16{'a', 'b'}))
}

// stringOf returns the UTF-16 content of v, which must be a JS string (or is converted with
// ToString).
func stringOf(v goja.Value) jsString {
	s, ok := v.(goja.String)
	if !ok {
		t := v.ToString()
		if s, ok = t.(goja.String); !ok {
			return jsString{a: t.String()}
		}
	}
	if direct {
		rv := reflect.ValueOf(s)
		switch rv.Type() {
		case asciiStringType:
			return jsString{a: rv.String()}
		case unicodeStringType:
			u := rv.Convert(uint16SliceType).Interface().([]uint16)
			return jsString{u: u[1:]}
		}
	}
	n := s.Length()
	u := make([]uint16, n)
	ascii := true
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		u[i] = c
		if c >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		b := make([]byte, n)
		for i, c := range u {
			b[i] = byte(c)
		}
		return jsString{a: unsafe.String(unsafe.SliceData(b), n)}
	}
	return jsString{u: u}
}

// asciiValue returns s, which must hold only ASCII, as a JS string without scanning or copying.
func asciiValue(s string) goja.Value {
	if direct {
		return reflect.ValueOf(s).Convert(asciiStringType).Interface().(goja.Value)
	}
	return goja.StringFromUTF16(asciiUnits(s))
}

func asciiUnits(s string) []uint16 {
	u := make([]uint16, len(s))
	for i := 0; i < len(s); i++ {
		u[i] = uint16(s[i])
	}
	return u
}

// units16 is a UTF-16 buffer under construction whose element 0 is reserved, so that it can
// become a goja string without a copy.
type units16 []uint16

func newUnits(capacity int) units16 {
	u := make(units16, 1, capacity+1)
	u[0] = 0xFEFF
	return u
}

// newUnitsNoZero returns units16 of n units after the reserved one, whose contents are undefined
// (see makeNoZero): the caller must write every unit.
func newUnitsNoZero(n int) units16 {
	if n < 2048 {
		u := make(units16, n+1)
		u[0] = 0xFEFF
		return u
	}
	b := makeNoZero(2 * (n + 1))
	u := unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(b))), n+1)
	u[0] = 0xFEFF
	return u
}

// value turns u into a JS string. ascii says every unit is below 0x80.
func (u units16) value(ascii bool) goja.Value {
	if ascii {
		b := make([]byte, len(u)-1)
		for i, c := range u[1:] {
			b[i] = byte(c)
		}
		return asciiValue(unsafe.String(unsafe.SliceData(b), len(b)))
	}
	if direct {
		u[0] = 0xFEFF
		return reflect.ValueOf([]uint16(u)).Convert(unicodeStringType).Interface().(goja.Value)
	}
	return goja.StringFromUTF16(u[1:])
}

// valueAuto is value with the ASCII check done here.
func (u units16) valueAuto() goja.Value {
	for _, c := range u[1:] {
		if c >= 0x80 {
			return u.value(false)
		}
	}
	return u.value(true)
}

// makeNoZero returns a slice of n bytes whose contents are undefined (not zeroed, which costs a
// pass over large outputs): callers must write every byte they expose, and cut the slice to
// what they wrote. The memory comes from strings.Builder.Grow, which allocates without
// zeroing; the builder is dropped, so the bytes belong to the caller alone.
func makeNoZero(n int) []byte {
	if n < 4096 {
		return make([]byte, n)
	}
	var sb strings.Builder
	sb.Grow(n)
	// An empty String() is "" with no data pointer; one byte makes it point at the buffer.
	sb.WriteByte(0)
	s := sb.String()
	b := unsafe.Slice(unsafe.StringData(s), n)
	populate(b)
	return b
}

func bytesToString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// unsafeBytes views s as bytes; the caller must not write to them.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
