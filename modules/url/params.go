package url

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

func unhex(c byte) int {
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

// percentDecode decodes %XX escapes (invalid ones stay) and '+' when plus is set, then reads the
// bytes as UTF-8 with replacement.
func percentDecode(s string, plus bool) string {
	if strings.IndexByte(s, '%') < 0 && (!plus || strings.IndexByte(s, '+') < 0) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+' && plus:
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0:
			b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return decodeUTF8(b)
}

// formDecode decodes a name or value as Node's URLSearchParams does: '+' is a space, and where
// a valid %XX escape appears the string goes through querystring.unescape: decodeURIComponent,
// or when that throws, bytes from escapes and from the low byte of every other UTF-16 unit,
// read as UTF-8.
func formDecode(s string) string {
	if strings.IndexByte(s, '+') >= 0 {
		s = strings.ReplaceAll(s, "+", " ")
	}
	escaped := false
	for i := strings.IndexByte(s, '%'); i >= 0 && i+2 < len(s); {
		if unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
			escaped = true
			break
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if !escaped {
		return s
	}
	if r, ok := decodeComponent(s); ok {
		return r
	}
	units := utf16.Encode([]rune(s))
	out := make([]byte, 0, len(units))
	for i := 0; i < len(units); i++ {
		c := units[i]
		if c == '%' && i+2 < len(units) && units[i+1] < 0x80 && units[i+2] < 0x80 {
			hi, lo := unhex(byte(units[i+1])), unhex(byte(units[i+2]))
			if hi >= 0 && lo >= 0 {
				out = append(out, byte(hi<<4|lo))
				i += 2
				continue
			}
		}
		out = append(out, byte(c))
	}
	return decodeUTF8(out)
}

// decodeComponent is decodeURIComponent: ok is false where it would throw URIError.
func decodeComponent(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
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

// decodeUTF8 decodes b as the WHATWG UTF-8 decoder does: each maximal invalid subpart becomes
// one U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
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

// parseParams is the application/x-www-form-urlencoded parser: a flat name, value list.
func parseParams(s string) []string {
	var out []string
	for len(s) > 0 {
		var seq string
		if i := strings.IndexByte(s, '&'); i >= 0 {
			seq, s = s[:i], s[i+1:]
		} else {
			seq, s = s, ""
		}
		if seq == "" {
			continue
		}
		name, value := seq, ""
		if i := strings.IndexByte(seq, '='); i >= 0 {
			name, value = seq[:i], seq[i+1:]
		}
		out = append(out, formDecode(name), formDecode(value))
	}
	return out
}

const upperHex = "0123456789ABCDEF"

// formEncode writes s with the application/x-www-form-urlencoded percent-encode set, spaces as '+'.
func formEncode(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '*', c == '-', c == '.', c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}

// serializeParams is the application/x-www-form-urlencoded serializer over a name, value list.
func serializeParams(list []string) string {
	var b strings.Builder
	for i := 0; i+1 < len(list); i += 2 {
		if i > 0 {
			b.WriteByte('&')
		}
		formEncode(&b, list[i])
		b.WriteByte('=')
		formEncode(&b, list[i+1])
	}
	return b.String()
}

// sortParams sorts a name, value list stably by name, comparing UTF-16 code units as
// URLSearchParams#sort does.
func sortParams(list []string) {
	n := len(list) / 2
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return compareUTF16(list[2*idx[a]], list[2*idx[b]]) < 0 })
	sorted := make([]string, 0, 2*n)
	for _, i := range idx {
		sorted = append(sorted, list[2*i], list[2*i+1])
	}
	copy(list, sorted)
}

// compareUTF16 compares a and b by their UTF-16 code units.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := utf16Units(ra), utf16Units(rb)
			if ua[0] != ub[0] {
				return int(ua[0]) - int(ub[0])
			}
			return int(ua[1]) - int(ub[1])
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) - len(b)
}

func utf16Units(r rune) [2]uint16 {
	if r < 0x10000 {
		return [2]uint16{uint16(r), 0}
	}
	r1, r2 := utf16.EncodeRune(r)
	return [2]uint16{uint16(r1), uint16(r2)}
}

func formEncodeString(s string) string {
	var b strings.Builder
	formEncode(&b, s)
	return b.String()
}
