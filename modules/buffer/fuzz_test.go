package buffer

import (
	"bytes"
	"encoding/base64"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func units(s jsString) []uint16 {
	u := make([]uint16, s.Len())
	for i := range u {
		u[i] = s.At(i)
	}
	return u
}

func decodedUnits(b []byte) []uint16 {
	u, a := decodeUTF8(b)
	if u == nil {
		return asciiUnits(a)
	}
	return []uint16(u[1:])
}

// FuzzUTF8 checks the WHATWG decoder against Go's for valid input, that its output always
// re-encodes to valid UTF-8 and is stable, and that streaming in two parts matches one shot.
func FuzzUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "h\u00e9\u20ac\U0001F600", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80", "\xe0\x80\x80\xff"} {
		f.Add([]byte(s), 1)
	}
	f.Fuzz(func(t *testing.T, b []byte, split int) {
		got := decodedUnits(b)
		if utf8.Valid(b) {
			want := utf16.Encode([]rune(string(b)))
			if !equalUnits(got, want) {
				t.Fatalf("valid input %x: got %x want %x", b, got, want)
			}
		}
		s := jsString{u: got}
		enc := make([]byte, utf8Length(s))
		if n := encodeUTF8(enc, s); n != len(enc) {
			t.Fatalf("encode wrote %d of %d", n, len(enc))
		}
		if !utf8.Valid(enc) {
			t.Fatalf("re-encoding %x is not valid UTF-8: %x", b, enc)
		}
		if again := decodedUnits(enc); !equalUnits(again, got) {
			t.Fatalf("not stable: %x -> %x -> %x", b, got, again)
		}
		// Streaming: the first part undecoded tail is carried into the second.
		if split < 0 {
			split = -split
		}
		if len(b) > 0 {
			split %= len(b) + 1
			first, rest := appendUTF8(newUnits(0), b[:split], false)
			all, _ := appendUTF8(first, append(append([]byte(nil), b[split-rest:split]...), b[split:]...), true)
			if !equalUnits(all[1:], got) {
				t.Fatalf("streamed %x at %d: got %x want %x", b, split, all[1:], got)
			}
		}
	})
}

// FuzzUTF8Encode checks encoding arbitrary UTF-16 (lone surrogates included).
func FuzzUTF8Encode(f *testing.F) {
	f.Add([]byte{0x3d, 0xd8, 0x00, 0xde}, 3)
	f.Add([]byte{0x00, 0xd8, 0x41, 0x00}, 1)
	f.Add([]byte{0x00, 0xdc, 0x00, 0xd8}, 2)
	f.Fuzz(func(t *testing.T, raw []byte, room int) {
		u := decodeUTF16LE(raw)[1:]
		s := jsString{u: u}
		n := utf8Length(s)
		out := make([]byte, n)
		if w := encodeUTF8(out, s); w != n {
			t.Fatalf("wrote %d want %d", w, n)
		}
		want := []byte(string(utf16.Decode(u)))
		if !bytes.Equal(out, want) {
			t.Fatalf("%x: got %x want %x", u, out, want)
		}
		// Limited room: only whole characters, a prefix of the full encoding, and encodeInto's
		// read count consumes exactly those characters.
		if room < 0 {
			room = -room
		}
		room %= n + 1
		part := make([]byte, room)
		w := encodeUTF8(part, s)
		if !bytes.Equal(part[:w], out[:w]) || !utf8.Valid(part[:w]) {
			t.Fatalf("partial write %x of %x", part[:w], out)
		}
		read, w2 := encodeUTF8Into(part, s)
		if w2 != w {
			t.Fatalf("encodeInto wrote %d, encodeUTF8 %d", w2, w)
		}
		if got := []byte(string(utf16.Decode(u[:read]))); !bytes.Equal(got, part[:w]) {
			t.Fatalf("encodeInto read %d units: %x vs %x", read, got, part[:w])
		}
	})
}

// refBase64 is Node's lenient decoding written the simple way: keep alphabet characters up to
// the first '=', map the URL alphabet to the standard one, drop a lone final character.
func refBase64(s []uint16) []byte {
	var keep []byte
	for _, c := range s {
		b := byte(c)
		if b == '=' {
			break
		}
		switch {
		case b >= 'A' && b <= 'Z', b >= 'a' && b <= 'z', b >= '0' && b <= '9', b == '+', b == '/':
			keep = append(keep, b)
		case b == '-':
			keep = append(keep, '+')
		case b == '_':
			keep = append(keep, '/')
		}
	}
	if len(keep)%4 == 1 {
		keep = keep[:len(keep)-1]
	}
	out, err := base64.RawStdEncoding.DecodeString(string(keep))
	if err != nil {
		panic(err)
	}
	return out
}

func FuzzBase64(f *testing.F) {
	for _, s := range []string{"aGk=", "aG k=", "aGk=aGk=", "-_-_", "YQ===", "$$aGk", "YW\nJj", "a",
		"YQ==\n\n\n\n", "YW\r\nJj", "aGVsbG8=", "+/-_", "YQ==YQ==", "AAAA\nAAA", "YQ\n\n==", "YR==", "YWJ=",
		// Long enough for the 8-character fast path, with an unusual byte at each place.
		"aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=", "aGVsbG8gd2 9ybGQgaGVsbG8gd29ybGQ", "aGVsbG8gd29y\nbGQgaGVsbG8gd29ybGQ",
		"aGVsbG8=d29ybGQgaGVsbG8gd29ybGQ", "aGVs-_8gd29ybGQgaGVsbG8gd29ybGQ", "aGVsbG8gd29ybGQgaGVsbG8gd29yb",
		"aGVsbG8\x80d29ybGQgaGVsbG8gd29ybGQ"} {
		f.Add([]byte(s), []byte{1, 2, 3})
	}
	f.Fuzz(func(t *testing.T, in []byte, data []byte) {
		// Arbitrary text decodes like the reference, within Node's size estimate.
		for _, s := range []jsString{{a: string(in)}, {u: decodeUTF16LE(in)[1:]}} {
			est := base64Estimate(s)
			dst := make([]byte, est)
			n := decodeBase64(dst, s)
			want := refBase64(units(s))
			if !bytes.Equal(dst[:n], want) {
				t.Fatalf("%x: got %x want %x", units(s), dst[:n], want)
			}
			// A short destination gets a prefix.
			if n > 0 {
				short := make([]byte, n-1)
				if m := decodeBase64(short, s); m != n-1 || !bytes.Equal(short, want[:n-1]) {
					t.Fatalf("short write %x of %x", short[:m], want)
				}
			}
		}
		// Round trips.
		for _, url := range []bool{false, true} {
			e := encodeBase64(data, url)
			want := base64.StdEncoding.EncodeToString(data)
			if url {
				want = base64.RawURLEncoding.EncodeToString(data)
			}
			if e != want {
				t.Fatalf("encode %x: got %s want %s", data, e, want)
			}
			dst := make([]byte, base64Estimate(jsString{a: e}))
			n := decodeBase64(dst, jsString{a: e})
			if !bytes.Equal(dst[:n], data) {
				t.Fatalf("round trip %x -> %s -> %x", data, e, dst[:n])
			}
		}
	})
}

func FuzzHex(f *testing.F) {
	for _, s := range []string{"abz1", "a", "DEADbeef", "12 34", "0x12", "0123456789abcdefABCDEF0123456789g", "0123456789abcdef012345678", "01234567z9abcdef"} {
		f.Add([]byte(s), []byte{0, 0xff})
	}
	f.Fuzz(func(t *testing.T, in []byte, data []byte) {
		s := jsString{a: string(in)}
		dst := make([]byte, len(in)/2)
		n := decodeHex(dst, s)
		for i := 0; i < len(in)/2; i++ {
			hi, lo := unhexTable[in[2*i]], unhexTable[in[2*i+1]]
			if hi > 15 || lo > 15 {
				if n != i {
					t.Fatalf("%q: stopped at %d, want %d", in, n, i)
				}
				break
			}
			if i >= n || dst[i] != hi<<4|lo {
				t.Fatalf("%q: byte %d wrong", in, i)
			}
		}
		e := encodeHex(data)
		back := make([]byte, len(data))
		if m := decodeHex(back, jsString{a: e}); m != len(data) || !bytes.Equal(back, data) {
			t.Fatalf("round trip %x -> %s -> %x", data, e, back[:m])
		}
	})
}

func FuzzLatin1UTF16(f *testing.F) {
	f.Add([]byte{0x41, 0xe9, 0xff, 0x00, 0xd8})
	f.Add([]byte("abcdefgh\xe9\xff\x80ijklmnopq\x00\x01rstuvwxyz\xd8\x3d"))
	f.Fuzz(func(t *testing.T, data []byte) {
		u, a := decodeLatin1(data)
		var s jsString
		if u == nil {
			s = jsString{a: a}
		} else {
			s = jsString{u: u[1:]}
		}
		back := make([]byte, len(data))
		if n := encodeLatin1(back, s); n != len(data) || !bytes.Equal(back, data) {
			t.Fatalf("latin1 round trip %x -> %x", data, back)
		}
		asc := decodeASCII(data)
		for i := range data {
			if asc[i] != data[i]&0x7f {
				t.Fatalf("ascii %x", data)
			}
		}
		w := decodeUTF16LE(data)[1:]
		even := data[:len(data)&^1]
		back = make([]byte, len(even))
		if n := encodeUTF16LE(back, jsString{u: w}); n != len(even) || !bytes.Equal(back, even) {
			t.Fatalf("utf16le round trip %x -> %x", even, back)
		}
	})
}

func equalUnits(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWideLoopsAgree checks the 8-bytes-at-a-time loops of decodeLatin1 and encodeBase64 at
// every length and alignment around their block sizes.
func TestWideLoopsAgree(t *testing.T) {
	data := make([]byte, 300)
	for i := range data {
		data[i] = byte(i*167 + 13)
	}
	for off := 0; off < 8; off++ {
		for n := 0; off+n <= len(data); n++ {
			b := data[off : off+n]
			u, a := decodeLatin1(b)
			if u == nil {
				if a != string(b) {
					t.Fatalf("latin1 ascii %d/%d", off, n)
				}
			} else {
				for i, c := range b {
					if u[1+i] != uint16(c) {
						t.Fatalf("latin1 %d/%d at %d", off, n, i)
					}
				}
			}
			if got, want := encodeBase64(b, false), base64.StdEncoding.EncodeToString(b); got != want {
				t.Fatalf("base64 %d/%d: %q != %q", off, n, got, want)
			}
			if got, want := encodeBase64(b, true), base64.RawURLEncoding.EncodeToString(b); got != want {
				t.Fatalf("base64url %d/%d: %q != %q", off, n, got, want)
			}
		}
	}
}

// TestBase64PairDecode checks the two-characters-per-lookup loop of long decodes against the
// standard library, in both alphabets, with line breaks and stray characters mixed in.
func TestBase64PairDecode(t *testing.T) {
	data := make([]byte, 1200)
	for i := range data {
		data[i] = byte(i*131 + 7)
	}
	for n := 760; n <= len(data); n += 7 {
		b := data[:n]
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding} {
			s := enc.EncodeToString(b)
			for _, mixed := range []string{s, s[:500] + "\n" + s[500:], s[:901] + " \r\n" + s[901:], s[:3] + "*" + s[3:]} {
				dst := make([]byte, base64Estimate(jsString{a: mixed}))
				got := dst[:decodeBase64(dst, jsString{a: mixed})]
				if !bytes.Equal(got, b) {
					t.Fatalf("n=%d: decode differs", n)
				}
			}
		}
	}
}

// TestBase64EveryByte puts each byte value at each place of a long clean string (both
// alphabets mixed), so the wide decode loops meet every character at every lane, and checks the
// result against the reference.
func TestBase64EveryByte(t *testing.T) {
	data := make([]byte, 90)
	for i := range data {
		data[i] = byte(i*97 + 3)
	}
	clean := []byte(base64.StdEncoding.EncodeToString(data)[:96])
	clean[5], clean[40], clean[77] = '-', '_', '+'
	for pos := 0; pos < len(clean); pos++ {
		for c := 0; c < 256; c++ {
			in := append([]byte(nil), clean...)
			in[pos] = byte(c)
			s := jsString{a: string(in)}
			dst := make([]byte, base64Estimate(s))
			got := dst[:decodeBase64(dst, s)]
			if want := refBase64(units(s)); !bytes.Equal(got, want) {
				t.Fatalf("byte %#x at %d: got %x want %x", c, pos, got, want)
			}
		}
	}
}

// FuzzTranscode checks transcode's ICU rules on arbitrary bytes: utf8 to ucs2 fails exactly on
// ill-formed UTF-8 and otherwise agrees with Go's decoder; ucs2 to utf8 fails exactly on lone
// surrogates (or a one-byte source); every other pair succeeds, ucs2 to ucs2 gives well-formed
// UTF-16 of ceil(n/2) units or fewer, and a single-byte target gets one byte per character.
func FuzzTranscode(f *testing.F) {
	for _, s := range []string{"a", "\xc3", "\xc3\xa9", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\x3d\xd8\x61", "\x00\xdc\x3d\xd8", "\xff\xfe\x41"} {
		f.Add([]byte(s))
	}
	encs := []string{"utf8", "ucs2", "latin1", "ascii"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		for _, from := range encs {
			for _, to := range encs {
				out, code := transcodeBytes(data, from, to)
				switch {
				case from == "utf8" && to == "ucs2":
					if utf8.Valid(data) != (code == 0) {
						t.Fatalf("utf8->ucs2 %x: code %d", data, code)
					}
					if code == 0 {
						want := utf16.Encode([]rune(string(data)))
						got := make([]uint16, len(out)/2)
						for i := range got {
							got[i] = uint16(out[2*i]) | uint16(out[2*i+1])<<8
						}
						if len(out)%2 != 0 || len(got) != len(want) {
							t.Fatalf("utf8->ucs2 %x: got %x", data, out)
						}
						for i := range got {
							if got[i] != want[i] {
								t.Fatalf("utf8->ucs2 %x: got %x", data, out)
							}
						}
					}
				case from == "ucs2" && to == "utf8":
					u := make([]uint16, len(data)/2)
					for i := range u {
						u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
					}
					bad := len(data) < 2 || hasLoneSurrogate(u)
					if bad != (code != 0) {
						t.Fatalf("ucs2->utf8 %x: code %d", data, code)
					}
					if code == 0 && (!utf8.Valid(out) || string(out) != string(utf16.Decode(u))) {
						t.Fatalf("ucs2->utf8 %x: got %x", data, out)
					}
				default:
					if code != 0 {
						t.Fatalf("%s->%s %x: code %d", from, to, data, code)
					}
					switch to {
					case "ucs2":
						u := make([]uint16, len(out)/2)
						for i := range u {
							u[i] = uint16(out[2*i]) | uint16(out[2*i+1])<<8
						}
						if len(out)%2 != 0 || hasLoneSurrogate(u) && from == "ucs2" {
							t.Fatalf("%s->ucs2 %x: got %x", from, data, out)
						}
					case "utf8":
						if !utf8.Valid(out) {
							t.Fatalf("%s->utf8 %x: got %x", from, data, out)
						}
					case "ascii":
						for _, c := range out {
							if c > 0x7F {
								t.Fatalf("%s->ascii %x: got %x", from, data, out)
							}
						}
					}
				}
			}
		}
	})
}
