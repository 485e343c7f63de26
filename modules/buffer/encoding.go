package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"
)

// Encoding identifiers shared with the glue (normalizeEncoding returns these numbers).
const (
	encUTF8 = iota
	encUTF16LE
	encLatin1
	encASCII
	encBase64
	encBase64URL
	encHex
)

const replacementChar = 0xFFFD

// utf8Length is the number of bytes s takes in UTF-8, lone surrogates counting as U+FFFD.
func utf8Length(s jsString) int {
	if s.u == nil {
		return len(s.a)
	}
	n := 0
	u := s.u
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c < 0x80:
			n++
		case c < 0x800:
			n += 2
		case c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
			n += 4
			i++
		default:
			n += 3
		}
	}
	return n
}

// encodeUTF8 writes s as UTF-8 into dst, only whole characters, stopping at the first one that
// does not fit. It returns the bytes written.
func encodeUTF8(dst []byte, s jsString) int {
	if s.u == nil {
		return copy(dst, s.a)
	}
	u := s.u
	n := 0
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c < 0x80 {
			if n >= len(dst) {
				return n
			}
			dst[n] = byte(c)
			n++
			continue
		}
		if c >= 0xD800 && c <= 0xDFFF {
			if c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				c = 0x10000 + (c-0xD800)<<10 + (rune(u[i+1]) - 0xDC00)
				if n+4 > len(dst) {
					return n
				}
				i++
			} else {
				c = replacementChar
			}
		}
		if utf8.RuneLen(c) > len(dst)-n {
			return n
		}
		n += utf8.EncodeRune(dst[n:], c)
	}
	return n
}

// encodeUTF16LE writes s's code units little-endian, whole units only.
func encodeUTF16LE(dst []byte, s jsString) int {
	n := s.Len()
	if n > len(dst)/2 {
		n = len(dst) / 2
	}
	if s.u == nil {
		for i := 0; i < n; i++ {
			dst[2*i] = s.a[i]
			dst[2*i+1] = 0
		}
		return 2 * n
	}
	for i := 0; i < n; i++ {
		c := s.u[i]
		dst[2*i] = byte(c)
		dst[2*i+1] = byte(c >> 8)
	}
	return 2 * n
}

// encodeLatin1 writes the low byte of each code unit (Node's latin1, binary and ascii writes).
func encodeLatin1(dst []byte, s jsString) int {
	if s.u == nil {
		return copy(dst, s.a)
	}
	n := len(s.u)
	if n > len(dst) {
		n = len(dst)
	}
	for i := 0; i < n; i++ {
		dst[i] = byte(s.u[i])
	}
	return n
}

var unhexTable = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	for i := 0; i < 10; i++ {
		t['0'+i] = byte(i)
	}
	for i := 0; i < 6; i++ {
		t['a'+i] = byte(10 + i)
		t['A'+i] = byte(10 + i)
	}
	return
}()

// decodeHex decodes pairs of hex digits (low byte of each unit) into dst, stopping at the first
// pair that is not valid, at a lone final digit, or when dst is full.
func decodeHex(dst []byte, s jsString) int {
	pairs := s.Len() / 2
	if pairs > len(dst) {
		pairs = len(dst)
	}
	for i := 0; i < pairs; i++ {
		hi := unhexTable[byte(s.At(2*i))]
		lo := unhexTable[byte(s.At(2*i+1))]
		if hi > 15 || lo > 15 {
			return i
		}
		dst[i] = hi<<4 | lo
	}
	return pairs
}

var unbase64Table = func() (t [256]byte) {
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := range t {
		t[i] = 0xFF
	}
	for i := 0; i < 64; i++ {
		t[std[i]] = byte(i)
	}
	t['-'] = 62
	t['_'] = 63
	return
}()

// base64Estimate is Node's byteLength for base64: the length less up to two trailing '=',
// times 3/4. It is never less than what decodeBase64 produces.
func base64Estimate(s jsString) int {
	n := s.Len()
	if n > 0 && s.At(n-1) == '=' {
		n--
		if n > 0 && s.At(n-1) == '=' {
			n--
		}
	}
	return int(uint64(n) * 3 >> 2)
}

// decodeBase64 decodes either alphabet (standard or URL) as Node does: characters outside the
// alphabet are skipped, the first '=' ends the data, and a final group of 2 or 3 characters
// gives 1 or 2 bytes. It stops when dst is full.
func decodeBase64(dst []byte, s jsString) int {
	// Well-formed padded input of either alphabet: the standard library's decoder is faster,
	// and gives the same bytes. Anything it rejects is decoded below from the start.
	if s.u == nil && len(s.a)%4 == 0 && len(dst) >= len(s.a)/4*3 {
		enc := base64.StdEncoding
		if i := len(s.a) - 3; i >= 0 && (s.a[i] == '-' || s.a[i] == '_' || s.a[i+1] == '-' || s.a[i+1] == '_' || s.a[i+2] == '-' || s.a[i+2] == '_') {
			enc = base64.URLEncoding
		}
		if m, err := enc.Decode(dst, unsafeBytes(s.a)); err == nil {
			return m
		}
	}
	n := 0
	var acc uint32
	k := 0
	l := s.Len()
	if s.u == nil {
		str := s.a
		i := 0
		// Fast path: whole groups of four valid characters.
		for i+4 <= l && n+3 <= len(dst) {
			a, b, c, d := unbase64Table[str[i]], unbase64Table[str[i+1]], unbase64Table[str[i+2]], unbase64Table[str[i+3]]
			if a|b|c|d >= 64 {
				break
			}
			v := uint32(a)<<18 | uint32(b)<<12 | uint32(c)<<6 | uint32(d)
			dst[n], dst[n+1], dst[n+2] = byte(v>>16), byte(v>>8), byte(v)
			n += 3
			i += 4
		}
		for ; i < l; i++ {
			ch := str[i]
			if ch == '=' {
				break
			}
			d := unbase64Table[ch]
			if d >= 64 {
				continue
			}
			acc = acc<<6 | uint32(d)
			k++
			if k == 4 {
				if n+3 > len(dst) {
					return putPartial(dst, n, acc, 4)
				}
				dst[n], dst[n+1], dst[n+2] = byte(acc>>16), byte(acc>>8), byte(acc)
				n += 3
				k, acc = 0, 0
			}
		}
		return putPartial(dst, n, acc, k)
	}
	for i := 0; i < l; i++ {
		ch := byte(s.u[i])
		if ch == '=' {
			break
		}
		d := unbase64Table[ch]
		if d >= 64 {
			continue
		}
		acc = acc<<6 | uint32(d)
		k++
		if k == 4 {
			if n+3 > len(dst) {
				return putPartial(dst, n, acc, 4)
			}
			dst[n], dst[n+1], dst[n+2] = byte(acc>>16), byte(acc>>8), byte(acc)
			n += 3
			k, acc = 0, 0
		}
	}
	return putPartial(dst, n, acc, k)
}

// putPartial writes what a final group of k characters (accumulated in acc) holds, limited by
// the room left in dst.
func putPartial(dst []byte, n int, acc uint32, k int) int {
	var b [3]byte
	m := 0
	switch k {
	case 2:
		b[0] = byte(acc >> 4)
		m = 1
	case 3:
		b[0], b[1] = byte(acc>>10), byte(acc>>2)
		m = 2
	case 4:
		b[0], b[1], b[2] = byte(acc>>16), byte(acc>>8), byte(acc)
		m = 3
	}
	return n + copy(dst[n:], b[:m])
}

const (
	b64std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

// encodeBase64 returns b in base64 (padded) or base64url (unpadded).
func encodeBase64(b []byte, url bool) string {
	alpha := b64std
	n := (len(b) + 2) / 3 * 4
	if url {
		alpha = b64url
		n = (len(b)*8 + 5) / 6
	}
	out := make([]byte, n)
	j := 0
	i := 0
	for ; i+3 <= len(b); i += 3 {
		v := uint32(b[i])<<16 | uint32(b[i+1])<<8 | uint32(b[i+2])
		out[j], out[j+1], out[j+2], out[j+3] = alpha[v>>18&63], alpha[v>>12&63], alpha[v>>6&63], alpha[v&63]
		j += 4
	}
	switch len(b) - i {
	case 1:
		v := uint32(b[i]) << 16
		out[j], out[j+1] = alpha[v>>18&63], alpha[v>>12&63]
		if !url {
			out[j+2], out[j+3] = '=', '='
		}
	case 2:
		v := uint32(b[i])<<16 | uint32(b[i+1])<<8
		out[j], out[j+1], out[j+2] = alpha[v>>18&63], alpha[v>>12&63], alpha[v>>6&63]
		if !url {
			out[j+3] = '='
		}
	}
	return bytesToString(out)
}

func encodeHex(b []byte) string {
	out := make([]byte, len(b)*2)
	hex.Encode(out, b)
	return bytesToString(out)
}

// decodeUTF8 decodes b as WHATWG UTF-8: each maximal ill-formed subsequence becomes one U+FFFD.
// It returns the ASCII fast result in a when b is all ASCII.
func decodeUTF8(b []byte) (u units16, a string) {
	i := 0
	for i < len(b) && b[i] < 0x80 {
		i++
	}
	if i == len(b) {
		return nil, string(b)
	}
	u = newUnits(len(b))
	for _, c := range b[:i] {
		u = append(u, uint16(c))
	}
	u, _ = appendUTF8(u, b[i:], true)
	return u, ""
}

// appendUTF8 decodes b onto u. When final is false, an incomplete but so far valid sequence at
// the end is not decoded: its length is returned as rest.
func appendUTF8(u units16, b []byte, final bool) (units16, int) {
	i := 0
	for i < len(b) {
		c := b[i]
		if c < 0x80 {
			u = append(u, uint16(c))
			i++
			continue
		}
		var need int
		var cp rune
		lo, hi := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			u = append(u, replacementChar)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) {
				if !final {
					return u, len(b) - i
				}
				ok = false
				break
			}
			d := b[j]
			if d < lo || d > hi {
				ok = false
				break
			}
			lo, hi = 0x80, 0xBF
			cp = cp<<6 | rune(d&0x3F)
			j++
		}
		if !ok {
			u = append(u, replacementChar)
			i = j
			continue
		}
		if cp >= 0x10000 {
			cp -= 0x10000
			u = append(u, uint16(0xD800+(cp>>10)), uint16(0xDC00+(cp&0x3FF)))
		} else {
			u = append(u, uint16(cp))
		}
		i = j
	}
	return u, 0
}

// decodeLatin1 maps each byte to the code unit of the same value.
func decodeLatin1(b []byte) (units16, string) {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return nil, string(b)
	}
	u := newUnits(len(b))
	for _, c := range b {
		u = append(u, uint16(c))
	}
	return u, ""
}

// decodeASCII clears the high bit of each byte, as Node's ascii decoding does.
func decodeASCII(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = c & 0x7F
	}
	return bytesToString(out)
}

// decodeUTF16LE reads pairs of bytes as code units; an odd final byte is ignored.
func decodeUTF16LE(b []byte) units16 {
	n := len(b) / 2
	u := newUnits(n)
	for i := 0; i < n; i++ {
		u = append(u, uint16(b[2*i])|uint16(b[2*i+1])<<8)
	}
	return u
}

// isASCII reports whether every byte is below 0x80.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// isUTF8 reports whether b is well-formed UTF-8 (no surrogates, no overlongs).
func isUTF8(b []byte) bool { return utf8.Valid(b) }
