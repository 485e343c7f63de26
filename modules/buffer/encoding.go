package buffer

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"github.com/gojs-dev/gojs/modules"
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
	u := s.u
	n := len(u)
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c < 0x80:
		case c < 0x800:
			n++
		case c&0xFC00 == 0xD800 && i+1 < len(u) && u[i+1]&0xFC00 == 0xDC00:
			n += 2 // two units, four bytes
			i++
		default:
			n += 2
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
	_, n := encodeUTF8Units(dst, s.u)
	return n
}

// encodeUTF8Units is encodeUTF8 for UTF-16 units, also returning the units consumed.
func encodeUTF8Units(dst []byte, u []uint16) (read, n int) {
	i := 0
	for i < len(u) {
		c := u[i]
		if c < 0x80 {
			if n >= len(dst) {
				return i, n
			}
			dst[n] = byte(c)
			n++
			i++
			continue
		}
		if c < 0x800 {
			if n+2 > len(dst) {
				return i, n
			}
			dst[n], dst[n+1] = 0xC0|byte(c>>6), 0x80|byte(c&0x3F)
			n += 2
			i++
			continue
		}
		if c&0xF800 != 0xD800 {
			if n+3 > len(dst) {
				return i, n
			}
			dst[n], dst[n+1], dst[n+2] = 0xE0|byte(c>>12), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F)
			n += 3
			i++
			continue
		}
		if c <= 0xDBFF && i+1 < len(u) && u[i+1]&0xFC00 == 0xDC00 {
			r := 0x10000 + (rune(c)-0xD800)<<10 + (rune(u[i+1]) - 0xDC00)
			if n+4 > len(dst) {
				return i, n
			}
			dst[n], dst[n+1], dst[n+2], dst[n+3] = 0xF0|byte(r>>18), 0x80|byte(r>>12&0x3F), 0x80|byte(r>>6&0x3F), 0x80|byte(r&0x3F)
			n += 4
			i += 2
			continue
		}
		// A lone surrogate: U+FFFD.
		if n+3 > len(dst) {
			return i, n
		}
		dst[n], dst[n+1], dst[n+2] = 0xEF, 0xBF, 0xBD
		n += 3
		i++
	}
	return i, n
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
	if littleEndian {
		return copy(dst[:2*n], unitBytes(s.u[:n]))
	}
	for i := 0; i < n; i++ {
		c := s.u[i]
		dst[2*i] = byte(c)
		dst[2*i+1] = byte(c >> 8)
	}
	return 2 * n
}

// unitBytes views u's memory as bytes (little-endian units on a little-endian machine).
func unitBytes(u []uint16) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(u))), 2*len(u))
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
	u, d := s.u[:n], dst[:n]
	i := 0
	if littleEndian {
		// Eight units (16 bytes) to eight bytes: keep each unit's low byte and close the gaps.
		ub := unitBytes(u)
		for ; i+8 <= n; i += 8 {
			binary.LittleEndian.PutUint64(d[i:], uint64(packLow(binary.LittleEndian.Uint64(ub[2*i:])))|
				uint64(packLow(binary.LittleEndian.Uint64(ub[2*i+8:])))<<32)
		}
	}
	for ; i < n; i++ {
		d[i] = byte(u[i])
	}
	return n
}

// packLow returns the low bytes of the four 16-bit lanes of x, in order.
func packLow(x uint64) uint32 {
	x &= 0x00FF00FF00FF00FF
	x = (x | x>>8) & 0x0000FFFF0000FFFF
	return uint32(x | x>>16)
}

// spreadBytes returns the four bytes of x as four 16-bit lanes, in order.
func spreadBytes(x uint32) uint64 {
	y := uint64(x)
	y = (y | y<<16) & 0x0000FFFF0000FFFF
	return (y | y<<8) & 0x00FF00FF00FF00FF
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
	if s.u == nil {
		a := s.a[:2*pairs]
		dst = dst[:pairs]
		i := 0
		// Four pairs at a time: one check of the four bytes' OR.
		for ; i+4 <= pairs; i += 4 {
			p := a[2*i : 2*i+8]
			h0, l0, h1, l1 := unhexTable[p[0]], unhexTable[p[1]], unhexTable[p[2]], unhexTable[p[3]]
			h2, l2, h3, l3 := unhexTable[p[4]], unhexTable[p[5]], unhexTable[p[6]], unhexTable[p[7]]
			if h0|l0|h1|l1|h2|l2|h3|l3 > 15 {
				break
			}
			d := dst[i : i+4]
			d[0], d[1], d[2], d[3] = h0<<4|l0, h1<<4|l1, h2<<4|l2, h3<<4|l3
		}
		for ; i < pairs; i++ {
			hi, lo := unhexTable[a[2*i]], unhexTable[a[2*i+1]]
			if hi|lo > 15 {
				return i
			}
			dst[i] = hi<<4 | lo
		}
		return pairs
	}
	for i := 0; i < pairs; i++ {
		hi := unhexTable[byte(s.u[2*i])]
		lo := unhexTable[byte(s.u[2*i+1])]
		if hi|lo > 15 {
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

// b64d0..b64d3 hold each character's 6 bits already shifted to its place in a 4-character
// group (24 bits), or b64bad for a character outside both alphabets, so a group decodes with
// four lookups and three ORs.
const b64bad = 0xFF000000

var b64d0, b64d1, b64d2, b64d3 = func() (t0, t1, t2, t3 [256]uint32) {
	for c := range 256 {
		d := uint32(unbase64Table[c])
		if d >= 64 {
			t0[c], t1[c], t2[c], t3[c] = b64bad, b64bad, b64bad, b64bad
			continue
		}
		t0[c], t1[c], t2[c], t3[c] = d<<18, d<<12, d<<6, d
	}
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
	if s.u == nil {
		return decodeBase64ASCII(dst, s.a)
	}
	n := 0
	var acc uint32
	k := 0
	for _, c := range s.u {
		ch := byte(c)
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

// decodeBase64ASCII is decodeBase64 for a string of bytes (the low byte of each unit is what
// counts, so a JS string's ASCII form decodes the same as its UTF-16 form). Runs of whole groups
// of valid characters are decoded 8 characters (6 bytes) at a time; any other character (a
// space, '=', one outside both alphabets) is handled one at a time, after which the fast path
// resumes at the next group boundary.
func decodeBase64ASCII(dst []byte, s string) int {
	n, i := 0, 0
	var acc uint32
	k := 0
	for {
		if k == 0 {
			if haveB64AVX2 && len(s)-i >= 64 {
				// 32 characters to 24 bytes per step; each step stores 32 bytes.
				blocks := min((len(s)-i)/32, (len(dst)-n-8)/24)
				if blocks > 0 {
					done := b64decAVX2(unsafe.SliceData(dst[n:]), unsafe.StringData(s[i:]), blocks)
					i += 32 * done
					n += 24 * done
				}
			}
			if littleEndian && len(s)-i >= 1024 {
				// Long input: two characters per table lookup (12 bits, or b64pairBad), eight
				// characters to six bytes per step, through pointer loads and stores.
				t := b64pairDec.Get()
				src := unsafe.Pointer(unsafe.StringData(s))
				out := unsafe.Pointer(unsafe.SliceData(dst))
				for i+8 <= len(s) && n+8 <= len(dst) {
					w := *(*uint64)(unsafe.Add(src, i))
					p0, p1, p2, p3 := t[uint16(w)], t[uint16(w>>16)], t[uint16(w>>32)], t[w>>48]
					if (p0|p1|p2|p3)&b64pairBad != 0 {
						break
					}
					v := uint64(p0)<<52 | uint64(p1)<<40 | uint64(p2)<<28 | uint64(p3)<<16
					*(*uint64)(unsafe.Add(out, n)) = bits.ReverseBytes64(v)
					n += 6
					i += 8
				}
			}
			for i+8 <= len(s) && n+8 <= len(dst) {
				p := s[i : i+8]
				x := b64d0[p[0]] | b64d1[p[1]] | b64d2[p[2]] | b64d3[p[3]]
				y := b64d0[p[4]] | b64d1[p[5]] | b64d2[p[6]] | b64d3[p[7]]
				if (x|y)&b64bad != 0 {
					break
				}
				binary.BigEndian.PutUint64(dst[n:n+8], uint64(x)<<40|uint64(y)<<16)
				n += 6
				i += 8
			}
			for i+4 <= len(s) && n+3 <= len(dst) {
				a, b, c, d := unbase64Table[s[i]], unbase64Table[s[i+1]], unbase64Table[s[i+2]], unbase64Table[s[i+3]]
				if a|b|c|d >= 64 {
					break
				}
				v := uint32(a)<<18 | uint32(b)<<12 | uint32(c)<<6 | uint32(d)
				dst[n], dst[n+1], dst[n+2] = byte(v>>16), byte(v>>8), byte(v)
				n += 3
				i += 4
			}
		}
		if i >= len(s) {
			break
		}
		ch := s[i]
		i++
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

// b64pairs holds, for the standard and the URL alphabet, the two characters of each 12-bit
// value (first character in the low byte); built on first use.
// b64pairDec maps two characters (the first in the low byte) to their 12 decoded bits, or to
// b64pairBad when either is outside both alphabets. Built on the first long decode (128 KiB).
var b64pairDec = modules.Lazy[*[65536]uint16]{Build: func() *[65536]uint16 {
	t := new([65536]uint16)
	for i := range t {
		a, b := unbase64Table[byte(i)], unbase64Table[byte(i>>8)]
		if a >= 64 || b >= 64 {
			t[i] = b64pairBad
		} else {
			t[i] = uint16(a)<<6 | uint16(b)
		}
	}
	return t
}}

const b64pairBad = 0x8000

var b64pairs = modules.Lazy[*[2][4096]uint16]{Build: func() *[2][4096]uint16 {
	t := new([2][4096]uint16)
	for k, alpha := range []string{b64std, b64url} {
		for v := range 4096 {
			t[k][v] = uint16(alpha[v>>6]) | uint16(alpha[v&63])<<8
		}
	}
	return t
}}

// encodeBase64 returns b in base64 (padded) or base64url (unpadded).
func encodeBase64(b []byte, url bool) string {
	alpha := b64std
	n := (len(b) + 2) / 3 * 4
	if url {
		alpha = b64url
		n = (len(b)*8 + 5) / 6
	}
	out := makeNoZero(n)
	j := 0
	i := 0
	// Six bytes to eight characters at a time, reading eight bytes (hence the margin), through
	// a table of the two characters for each 12 bits.
	if haveB64AVX2 && len(b) >= 64 {
		// 24 bytes to 32 characters per step; each step reads 28 bytes.
		blocks := (len(b) - 4) / 24
		lut := &b64encLUTStd
		if url {
			lut = &b64encLUTURL
		}
		b64encAVX2(unsafe.SliceData(out), unsafe.SliceData(b), blocks, lut)
		i, j = 24*blocks, 32*blocks
	}
	if len(b)-i >= 64 {
		pairs := b64pairs.Get()
		t := &pairs[0]
		if url {
			t = &pairs[1]
		}
		// Unaligned loads and stores through pointers: slice-based ones keep bounds checks in
		// the loop. out has room for 8 characters per 6 bytes read, so j+8 <= len(out).
		src := unsafe.Pointer(unsafe.SliceData(b))
		dst := unsafe.Pointer(unsafe.SliceData(out))
		if littleEndian {
			for ; i+8 <= len(b); i += 6 {
				v := bits.ReverseBytes64(*(*uint64)(unsafe.Add(src, i)))
				*(*uint64)(unsafe.Add(dst, j)) = uint64(t[v>>52]) | uint64(t[v>>40&0xFFF])<<16 |
					uint64(t[v>>28&0xFFF])<<32 | uint64(t[v>>16&0xFFF])<<48
				j += 8
			}
		}
		for ; i+8 <= len(b); i += 6 {
			v := binary.BigEndian.Uint64(b[i:])
			w := uint64(t[v>>52]) | uint64(t[v>>40&0xFFF])<<16 | uint64(t[v>>28&0xFFF])<<32 | uint64(t[v>>16&0xFFF])<<48
			binary.LittleEndian.PutUint64(out[j:j+8], w)
			j += 8
		}
	}
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

// hexPairs holds each byte's two hex digits, as a little-endian uint16 (first digit low).
var hexPairs = func() (t [256]uint16) {
	const digits = "0123456789abcdef"
	for i := range t {
		t[i] = uint16(digits[i>>4]) | uint16(digits[i&15])<<8
	}
	return
}()

// encodeHex returns b in lower-case hex; the string owns fresh memory.
func encodeHex(b []byte) string {
	out := makeNoZero(len(b) * 2)
	o := out
	i := 0
	for ; i+4 <= len(b); i += 4 {
		x := b[i : i+4]
		v := uint64(hexPairs[x[0]]) | uint64(hexPairs[x[1]])<<16 | uint64(hexPairs[x[2]])<<32 | uint64(hexPairs[x[3]])<<48
		binary.LittleEndian.PutUint64(o[2*i:], v)
	}
	for ; i < len(b); i++ {
		binary.LittleEndian.PutUint16(o[2*i:], hexPairs[b[i]])
	}
	return bytesToString(out)
}

// decodeUTF8 decodes b as WHATWG UTF-8: each maximal ill-formed subsequence becomes one U+FFFD.
// It returns the ASCII fast result in a when b is all ASCII.
func decodeUTF8(b []byte) (u units16, a string) {
	i := asciiPrefix(b)
	if i == len(b) {
		return nil, string(b)
	}
	u = newUnits(len(b))[:1+i]
	for j, c := range b[:i] {
		u[1+j] = uint16(c)
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
	if isASCII(b) {
		return nil, string(b)
	}
	u := newUnitsNoZero(len(b))
	w := u[1:]
	i := 0
	if haveWiden && len(b) >= 16 {
		i = len(b) &^ 15
		widenBytes(unsafe.SliceData(w), unsafe.SliceData(b), i)
	}
	if littleEndian && len(b)-i >= 8 {
		// Eight bytes to eight units at a time, through unaligned 8-byte loads and stores: this
		// loop is most of toString('latin1'), and slice-based loads keep bounds checks in it.
		src := unsafe.Pointer(unsafe.SliceData(b))
		dst := unsafe.Pointer(unsafe.SliceData(w))
		for ; i+8 <= len(b); i += 8 {
			x := *(*uint64)(unsafe.Add(src, i))
			*(*uint64)(unsafe.Add(dst, 2*i)) = spreadBytes(uint32(x))
			*(*uint64)(unsafe.Add(dst, 2*i+8)) = spreadBytes(uint32(x >> 32))
		}
	}
	for ; i < len(b); i++ {
		w[i] = uint16(b[i])
	}
	return u, ""
}

// decodeASCII clears the high bit of each byte, as Node's ascii decoding does.
func decodeASCII(b []byte) string {
	if isASCII(b) {
		return string(b)
	}
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = c & 0x7F
	}
	return bytesToString(out)
}

// decodeUTF16LE reads pairs of bytes as code units; an odd final byte is ignored.
func decodeUTF16LE(b []byte) units16 {
	n := len(b) / 2
	u := newUnits(n)[:1+n]
	w := u[1:]
	b = b[:2*n]
	if littleEndian {
		copy(unitBytes(w), b)
		return u
	}
	for i := range w {
		w[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return u
}

// asciiPrefix is the length of b's leading run of bytes below 0x80.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+32 <= len(b); i += 32 {
		x := binary.LittleEndian.Uint64(b[i:]) | binary.LittleEndian.Uint64(b[i+8:]) |
			binary.LittleEndian.Uint64(b[i+16:]) | binary.LittleEndian.Uint64(b[i+24:])
		if x&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b) && b[i] < 0x80; i++ {
	}
	return i
}

// isASCII reports whether every byte is below 0x80.
func isASCII(b []byte) bool { return asciiPrefix(b) == len(b) }

// isUTF8 reports whether b is well-formed UTF-8 (no surrogates, no overlongs).
func isUTF8(b []byte) bool { return utf8.Valid(b) }
