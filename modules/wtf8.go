package modules

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JS strings may hold lone surrogates, which Go's UTF-8 strings cannot (goja's String() turns
// them into U+FFFD). Built-ins written in Go that scan strings byte by byte (querystring, path)
// carry such values as WTF-8 (a surrogate encoded like any other code point, 0xED 0xA0-0xBF xx)
// so the surrogates come back intact.

// WTF8 returns v's string, with lone surrogates kept as WTF-8.
func WTF8(v goja.Value) string {
	s := v.String()
	if !strings.Contains(s, "\uFFFD") {
		return s
	}
	js, ok := v.(goja.String)
	if !ok {
		return s
	}
	n := js.Length()
	var b strings.Builder
	for i := 0; i < n; i++ {
		c := rune(js.CharAt(i))
		if utf16.IsSurrogate(c) && c < 0xDC00 && i+1 < n {
			if c2 := rune(js.CharAt(i + 1)); c2 >= 0xDC00 && c2 <= 0xDFFF {
				b.WriteRune(utf16.DecodeRune(c, c2))
				i++
				continue
			}
		}
		if utf16.IsSurrogate(c) {
			b.WriteByte(byte(0xE0 | c>>12))
			b.WriteByte(byte(0x80 | (c>>6)&0x3F))
			b.WriteByte(byte(0x80 | c&0x3F))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// HasWTF8Surrogate reports whether s holds a WTF-8 encoded surrogate.
func HasWTF8Surrogate(s string) bool {
	for {
		i := strings.IndexByte(s, 0xED)
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
			return true
		}
		s = s[i+1:]
	}
}

// WTF8Units decodes WTF-8 into UTF-16 units (invalid bytes become U+FFFD).
func WTF8Units(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		if i+2 < len(s) && s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2] >= 0x80 && s[i+2] <= 0xBF {
			u = append(u, uint16(0xD000|uint16(s[i+1]&0x3F)<<6|uint16(s[i+2]&0x3F)))
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			u = append(u, uint16(r1), uint16(r2))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}

// WTF8Value converts a WTF-8 string back to a JS value.
func WTF8Value(vm *goja.Runtime, s string) goja.Value {
	if HasWTF8Surrogate(s) {
		return goja.StringFromUTF16(WTF8Units(s))
	}
	return vm.ToValue(s)
}
