package string_decoder

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules/buffer"
)

func unitsOf(v goja.Value) []uint16 {
	s := v.(goja.String)
	u := make([]uint16, s.Length())
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

// FuzzStringDecoder feeds data in chunks and checks that the decoded whole equals the one-shot
// decoding (for base64, of the same bytes re-grouped; for utf8, the WHATWG decoding) and that
// nothing panics.
func FuzzStringDecoder(f *testing.F) {
	f.Add([]byte{0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80}, []byte{1, 2}, uint8(0))
	f.Add([]byte{0x3d, 0xd8, 0x00, 0xde, 0x41}, []byte{1, 1, 1}, uint8(1))
	f.Add([]byte{0xed, 0xa0, 0x80, 0xe2, 0x41}, []byte{2}, uint8(0))
	f.Add([]byte{1, 2, 3, 4, 5}, []byte{1, 3}, uint8(4))
	vm := goja.New()
	f.Fuzz(func(t *testing.T, data []byte, cuts []byte, e uint8) {
		d := make(decoder, kSize)
		d[kEncoding] = e % 8
		enc := d.enc()
		var got []uint16
		rest := data
		for _, c := range cuts {
			n := int(c) % (len(rest) + 1)
			got = append(got, unitsOf(d.decode(vm, rest[:n]))...)
			rest = rest[n:]
			if d[kBuffered] > 4 || d[kMissing] > 4 {
				t.Fatalf("state out of range: %v", d)
			}
		}
		got = append(got, unitsOf(d.decode(vm, rest))...)
		got = append(got, unitsOf(d.flush(vm))...)
		if enc == buffer.Base64 || enc == buffer.Base64URL {
			// Base64 output depends on the chunking by design (groups of three per write).
			return
		}
		want := unitsOf(buffer.Decode(data, enc))
		if len(got) != len(want) {
			t.Fatalf("enc %d %x cuts %v: got %x want %x", enc, data, cuts, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("enc %d %x cuts %v: got %x want %x", enc, data, cuts, got, want)
			}
		}
	})
}
