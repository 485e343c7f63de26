package url

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gojs-dev/gojs/modules/querystring"
)

// percentDecode decodes %XX escapes (invalid ones stay) and '+' when plus is set, then reads the
// bytes as UTF-8 with replacement.
func percentDecode(s string, plus bool) string {
	if strings.IndexByte(s, '%') < 0 && (!plus || strings.IndexByte(s, '+') < 0) {
		return s
	}
	return querystring.DecodeUTF8(querystring.PercentDecode([]byte(s), plus))
}

// formDecode decodes a name or value as Node's URLSearchParams does: '+' is a space, and where
// a valid %XX escape appears the string goes through querystring.unescape.
func formDecode(s string) string {
	if strings.IndexByte(s, '+') >= 0 {
		s = strings.ReplaceAll(s, "+", " ")
	}
	if !querystring.HasEscape(s) {
		return s
	}
	return querystring.Unescape(s, false)
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
