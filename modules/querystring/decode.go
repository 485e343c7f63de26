package querystring

import (
	"strings"
	"unicode/utf8"
)

// This file is the one percent-decoder of gojs: querystring's parse and unescape use it, and so
// does the url package (URLSearchParams and host parsing).

// Unhex returns the value of the hex digit c, or -1.
func Unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func unhex(c byte) int { return Unhex(c) }

// PercentDecode decodes %XX escapes in a string of bytes or of UTF-16 units: a valid escape
// becomes its byte, '+' becomes a space when plus is set, and anything else (an invalid escape
// included) becomes its own value's low byte. Over bytes this is the URL Standard's
// percent-decode; over UTF-16 units it is Node's querystring.unescapeBuffer.
func PercentDecode[T ~uint8 | ~uint16](in []T, plus bool) []byte {
	out := make([]byte, 0, len(in))
	n := len(in)
	for i := 0; i < n; i++ {
		c := in[i]
		if c == '+' && plus {
			out = append(out, ' ')
			continue
		}
		if c == '%' && i+2 < n && in[i+1] < 0x80 && in[i+2] < 0x80 {
			hi, lo := Unhex(byte(in[i+1])), Unhex(byte(in[i+2]))
			if hi >= 0 && lo >= 0 {
				out = append(out, byte(hi<<4|lo))
				i += 2
				continue
			}
		}
		out = append(out, byte(c))
	}
	return out
}

// HasEscape reports whether s holds a valid %XX escape.
func HasEscape(s string) bool {
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if Unhex(s[i+1]) >= 0 && Unhex(s[i+2]) >= 0 {
			return true
		}
		s = s[i+1:]
	}
}

// DecodeComponent is decodeURIComponent: ok is false where it would throw URIError.
func DecodeComponent(s string) (string, bool) { return decodeComponent(s) }

// DecodeUTF8 decodes b as the WHATWG UTF-8 decoder does.
func DecodeUTF8(b []byte) string { return decodeUTF8(b) }

// Unescape is Node's querystring.unescape for a string without lone surrogates.
func Unescape(s string, decodeSpaces bool) string { return unescape(s, decodeSpaces) }

// decodeComponent is decodeURIComponent over WTF-8: ok is false where it would throw URIError.
// Each escaped character must be a complete, valid UTF-8 sequence of %XX escapes.
func decodeComponent(s string) (string, bool) {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c != '%' {
			b = append(b, c)
			i++
			continue
		}
		first, ok := hexByte(s, i)
		if !ok {
			return "", false
		}
		i += 3
		if first < 0x80 {
			b = append(b, first)
			continue
		}
		n := 0
		switch {
		case first&0xE0 == 0xC0:
			n = 1
		case first&0xF0 == 0xE0:
			n = 2
		case first&0xF8 == 0xF0:
			n = 3
		default:
			return "", false
		}
		seq := []byte{first}
		for k := 0; k < n; k++ {
			if i >= len(s) || s[i] != '%' {
				return "", false
			}
			x, ok := hexByte(s, i)
			if !ok || x&0xC0 != 0x80 {
				return "", false
			}
			seq = append(seq, x)
			i += 3
		}
		if r, size := utf8.DecodeRune(seq); r == utf8.RuneError || size != len(seq) {
			return "", false
		}
		b = append(b, seq...)
	}
	return string(b), true
}

func hexByte(s string, i int) (byte, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	hi, lo := unhex(s[i+1]), unhex(s[i+2])
	if hi < 0 || lo < 0 {
		return 0, false
	}
	return byte(hi<<4 | lo), true
}

// unescapeBuffer is Node's querystring.unescapeBuffer: valid %XX escapes become bytes, anything
// else stays; each other UTF-16 unit becomes its low byte (as Node writes it into a Buffer).
func unescapeBuffer(s string, decodeSpaces bool) []byte {
	return PercentDecode(toUnits(s), decodeSpaces)
}

func toUnits(s string) []uint16 {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return wtf8Units(s)
		}
	}
	u := make([]uint16, len(s))
	for i := 0; i < len(s); i++ {
		u[i] = uint16(s[i])
	}
	return u
}

// unescape is Node's querystring.unescape: decodeURIComponent, falling back to unescapeBuffer
// decoded as UTF-8 with replacement characters.
func unescape(s string, decodeSpaces bool) string {
	if r, ok := decodeComponent(s); ok {
		return r
	}
	return decodeUTF8(unescapeBuffer(s, decodeSpaces))
}

// decodeUTF8 decodes b as the WHATWG UTF-8 decoder does (as Buffer#toString does): each maximal
// invalid subpart becomes one U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		need := 0
		lower, upper := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c >= 0xE0 && c <= 0xEF:
			need = 2
			if c == 0xE0 {
				lower = 0xA0
			} else if c == 0xED {
				upper = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need = 3
			if c == 0xF0 {
				lower = 0x90
			} else if c == 0xF4 {
				upper = 0x8F
			}
		default:
			sb.WriteRune(utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lower || b[j] > upper {
				ok = false
				break
			}
			lower, upper = 0x80, 0xBF
			j++
		}
		if !ok {
			sb.WriteRune(utf8.RuneError)
			i = j
			continue
		}
		sb.Write(b[i:j])
		i = j
	}
	return sb.String()
}

// noEscape marks the characters querystring.escape leaves alone.
// (A literal: the linker lays it out, where a computed table would be built at process start.)
var noEscape = [128]bool{
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true,
	'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true,
	'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true, 'a': true,
	'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true,
	'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true,
	't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true, '0': true, '1': true,
	'2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true, '-': true,
	'.': true, '_': true, '~': true, '!': true, '\'': true, '(': true, ')': true, '*': true,
}

const upperHex = "0123456789ABCDEF"

// escapeUnits percent-encodes UTF-16 units as UTF-8; ok is false on a lone surrogate.
func escapeUnits(units []uint16) (string, bool) {
	var b strings.Builder
	b.Grow(len(units) * 3)
	put := func(c byte) {
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	for i := 0; i < len(units); i++ {
		c := rune(units[i])
		if c < 0x80 {
			if noEscape[c] {
				b.WriteByte(byte(c))
			} else {
				put(byte(c))
			}
			continue
		}
		if c >= 0xD800 && c <= 0xDFFF {
			// As Node's encodeStr: a surrogate takes the next unit, whatever it is, and only
			// one at the very end is an error.
			if i+1 >= len(units) {
				return "", false
			}
			c = 0x10000 + ((c&0x3FF)<<10 | rune(units[i+1])&0x3FF)
			i++
		}
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], c)
		for _, x := range buf[:n] {
			put(x)
		}
	}
	return b.String(), true
}

// escapeString is escapeUnits for a Go string without lone surrogates.
func escapeString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || !noEscape[c] {
			r, _ := escapeUnits(toUnits(s))
			return r
		}
	}
	return s
}
