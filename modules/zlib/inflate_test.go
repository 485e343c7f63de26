package zlib

import (
	"bytes"
	stdflate "compress/flate"
	stdgzip "compress/gzip"
	stdzlib "compress/zlib"
	"hash/adler32"
	"io"
	"math/rand"
	"testing"

	kflate "github.com/klauspost/compress/flate"
)

// chunks is an inSource over in, n bytes at a time.
type chunks struct {
	in []byte
	n  int
}

func (c *chunks) next() ([]byte, error) {
	if len(c.in) == 0 {
		return nil, io.EOF
	}
	n := min(c.n, len(c.in))
	p := c.in[:n]
	c.in = c.in[n:]
	return p, nil
}

type collect struct{ out []byte }

func (c *collect) put(p []byte) { c.out = append(c.out, p...) }

type discard struct{ n int }

func (c *discard) put(p []byte) { c.n += len(p) }

func decodeWith(mode int, in []byte, n int, dict []byte) ([]byte, error) {
	d := newDecoder()
	var c collect
	d.reset(&chunks{in, max(n, 1)}, &c)
	err := d.run(mode, dict)
	return c.out, err
}

// stdInflate decodes raw DEFLATE with Go's compress/flate.
func stdInflate(in []byte) ([]byte, error) {
	return io.ReadAll(stdflate.NewReader(bytes.NewReader(in)))
}

// testData is a mix of text, repeats, runs and noise, so blocks of every kind turn up.
func testData(n int, seed int64) []byte {
	r := rand.New(rand.NewSource(seed))
	words := []string{"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog\n", "zlib ", "gojs "}
	var b []byte
	for len(b) < n {
		switch r.Intn(6) {
		case 0:
			for i := r.Intn(50); i >= 0; i-- {
				b = append(b, words[r.Intn(len(words))]...)
			}
		case 1:
			b = append(b, bytes.Repeat([]byte{byte(r.Intn(256))}, r.Intn(600))...)
		case 2:
			p := make([]byte, r.Intn(300))
			r.Read(p)
			b = append(b, p...)
		case 3:
			if len(b) > 0 {
				from := r.Intn(len(b))
				b = append(b, b[from:min(len(b), from+r.Intn(400))]...)
			}
		case 4:
			pat := make([]byte, 1+r.Intn(7))
			r.Read(pat)
			for i := r.Intn(100); i >= 0; i-- {
				b = append(b, pat...)
			}
		default:
			if len(b) > 40000 {
				from := len(b) - 32768 + r.Intn(100)
				b = append(b, b[from:from+r.Intn(300)]...)
			}
		}
	}
	return b[:n]
}

func stdDeflate(t testing.TB, data []byte, level int, dict []byte) []byte {
	var buf bytes.Buffer
	w, err := stdflate.NewWriterDict(&buf, level, dict)
	if err != nil {
		t.Fatal(err)
	}
	// a flush now and then puts empty stored blocks mid-stream
	for p := data; len(p) > 0; {
		n := min(len(p), 70000)
		w.Write(p[:n])
		p = p[n:]
		if len(p) > 0 && n%3 == 0 {
			w.Flush()
		}
	}
	w.Close()
	return buf.Bytes()
}

func TestInflateRoundTrip(t *testing.T) {
	for _, size := range []int{0, 1, 100, 5000, 70000, 300000} {
		data := testData(size, int64(size))
		for _, level := range []int{0, 1, 6, 9, stdflate.HuffmanOnly} {
			z := stdDeflate(t, data, level, nil)
			for _, n := range []int{1, 3, 64, 4096, 1 << 20} {
				if size > 5000 && n < 64 {
					continue
				}
				out, err := decodeWith(modeInflateRaw, z, n, nil)
				if err != nil || !bytes.Equal(out, data) {
					t.Fatalf("size %d level %d chunk %d: %v, %d bytes", size, level, n, err, len(out))
				}
			}
		}
	}
}

func TestInflateFramings(t *testing.T) {
	data := testData(200000, 7)
	dict := testData(40000, 8)
	var zb bytes.Buffer
	zw, _ := stdzlib.NewWriterLevelDict(&zb, 6, dict)
	zw.Write(data)
	zw.Close()
	out, err := decodeWith(modeInflate, zb.Bytes(), 1000, dict)
	if err != nil || !bytes.Equal(out, data) {
		t.Fatalf("zlib with dictionary: %v, %d bytes", err, len(out))
	}
	if _, err := decodeWith(modeInflate, zb.Bytes(), 1000, nil); err != errNeedDict {
		t.Fatalf("no dictionary: %v", err)
	}
	if _, err := decodeWith(modeInflate, zb.Bytes(), 1000, dict[1:]); err != errBadDict {
		t.Fatalf("wrong dictionary: %v", err)
	}
	raw := stdDeflate(t, data, 6, dict)
	if out, err := decodeWith(modeInflateRaw, raw, 777, dict); err != nil || !bytes.Equal(out, data) {
		t.Fatalf("raw with dictionary: %v", err)
	}
	// gzip: several members, one with every header field, then zero padding
	var gb bytes.Buffer
	for i := 0; i < 3; i++ {
		gw := stdgzip.NewWriter(&gb)
		if i == 1 {
			gw.Name, gw.Comment, gw.Extra = "name.txt", "a comment", []byte("extra")
		}
		gw.Write(data[i*1000:])
		gw.Close()
	}
	want := append(append(append([]byte(nil), data[0:]...), data[1000:]...), data[2000:]...)
	g := append(gb.Bytes(), 0, 0, 'x')
	for _, mode := range []int{modeGunzip, modeUnzip} {
		if out, err := decodeWith(mode, g, 3000, nil); err != nil || !bytes.Equal(out, want) {
			t.Fatalf("mode %d gzip members: %v, %d bytes", mode, err, len(out))
		}
	}
	// a header CRC
	h := []byte{0x1f, 0x8b, 8, 2, 0, 0, 0, 0, 0, 255}
	sum := crc32IEEE(h)
	h = append(h, byte(sum), byte(sum>>8))
	body := stdDeflate(t, []byte("hcrc"), 6, nil)
	c := crc32IEEE([]byte("hcrc"))
	m := append(append(h, body...), byte(c), byte(c>>8), byte(c>>16), byte(c>>24), 4, 0, 0, 0)
	if out, err := decodeWith(modeGunzip, m, 5, nil); err != nil || string(out) != "hcrc" {
		t.Fatalf("header crc: %v %q", err, out)
	}
	m[10] ^= 1
	if _, err := decodeWith(modeGunzip, m, 5, nil); err != errHeaderCRC {
		t.Fatalf("bad header crc: %v", err)
	}
}

// TestInflateErrors checks zlib's messages (node's) for corrupt DEFLATE data.
func TestInflateErrors(t *testing.T) {
	cases := []struct {
		mode int
		in   []byte
		want error
	}{
		{modeInflateRaw, []byte{0x07}, errBlockType},
		{modeInflateRaw, []byte{0x01, 5, 0, 0, 0}, errStoredLen},
		{modeInflateRaw, []byte{0x03, 0xff, 0xff, 0xff}, errDistCode},
		{modeInflateRaw, []byte{0x63, 0x00, 0x02, 0x00}, nil},
		// a fixed block: literal 'a', then a match at distance 2 with one byte of history
		{modeInflateRaw, []byte{0x4b, 0x04, 0x42, 0x00}, errFarBack},
		{modeInflateRaw, []byte{0xfd, 0x00, 0x00}, errTooMany},
		{modeInflateRaw, []byte{0x05, 0x1e, 0x00}, errTooMany},
		{modeInflate, []byte{0x79, 0x9c - 1, 1}, errHeader},
		{modeInflate, []byte{0x88, 0x98 - 0x98%31 + (31-(0x88*256+0x98-0x98%31)%31)%31, 0}, errWindowSize},
		{modeInflateRaw, nil, errUnexpEOF},
		{modeInflateRaw, []byte{0x4b}, errUnexpEOF},
	}
	for i, c := range cases {
		for _, n := range []int{1, 100} {
			_, err := decodeWith(c.mode, c.in, n, nil)
			if err != c.want {
				t.Errorf("case %d chunk %d: got %v, want %v", i, n, err, c.want)
			}
		}
	}
}

func crc32IEEE(p []byte) uint32 {
	d := &decoder{check: 2}
	d.win, d.wp = p, len(p)
	d.sink = &discard{}
	d.deliver()
	return d.sum
}

func TestAdler32(t *testing.T) {
	p := testData(100000, 3)
	for _, n := range []int{0, 1, 7, 8, 9, 5552, 5553, 100000} {
		if got, want := adler32Update(1, p[:n]), adler32Std(p[:n]); got != want {
			t.Fatalf("%d bytes: %08x, want %08x", n, got, want)
		}
	}
}

// FuzzInflateRaw decodes any input with this decoder, whole and in small chunks, and with
// compress/flate: either all give the same bytes or all fail.
func FuzzInflateRaw(f *testing.F) {
	for i, size := range []int{0, 10, 1000, 40000} {
		data := testData(size, int64(i))
		for _, level := range []int{0, 1, 9, stdflate.HuffmanOnly} {
			f.Add(stdDeflate(f, data, level, nil), uint8(i*7))
		}
	}
	f.Add([]byte{0x4b, 0x04, 0x42, 0x00}, uint8(1))
	f.Add([]byte{0xfd, 0x00, 0x00}, uint8(1))
	f.Add([]byte{0x03, 0xff, 0xff, 0xff}, uint8(2))
	f.Add([]byte{0xed, 0xc0, 0x01, 0x01, 0x00, 0x00, 0x00, 0x40, 0x20, 0xff, 0x57, 0x1b, 0x42, 0x2c, 0x4f}, uint8(0))
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8) {
		want, werr := stdInflate(in)
		got, err := decodeWith(modeInflateRaw, in, len(in), nil)
		got2, err2 := decodeWith(modeInflateRaw, in, int(chunk%17)+1, nil)
		if (err == nil) != (err2 == nil) || !bytes.Equal(got, got2) {
			t.Fatalf("whole (%v, %d bytes) vs chunked (%v, %d bytes)", err, len(got), err2, len(got2))
		}
		if (err == nil) != (werr == nil) || (err == nil && !bytes.Equal(got, want)) {
			t.Fatalf("ours (%v, %d bytes) vs compress/flate (%v, %d bytes)", err, len(got), werr, len(want))
		}
	})
}

// benchDeflate is the bench's workload (bench/js/zlib_gunzip.js): 100 copies of 1 MiB of words,
// DEFLATE-compressed at level 6.
func benchDeflate(b *testing.B) ([]byte, int) {
	words := bytes.Fields([]byte("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"))
	block := make([]byte, 1<<20)
	x, off := uint32(12345), 0
	for off < len(block) {
		x = x*1103515245 + 12345
		w := append(append([]byte(nil), words[(x>>16)%uint32(len(words))]...), ' ')
		if x&7 == 0 {
			w[len(w)-1] = '\n'
		}
		off += copy(block[off:], w)
	}
	data := bytes.Repeat(block, 100)
	return stdDeflate(b, data, 6, nil), len(data)
}

func BenchmarkInflate(b *testing.B) {
	z, n := benchDeflate(b)
	b.Run("gojs", func(b *testing.B) {
		b.SetBytes(int64(n))
		d := newDecoder()
		defer reportCPU(b, n, cpuTime())
		for b.Loop() {
			var s discard
			d.reset(&chunks{z, 64 << 10}, &s)
			if err := d.run(modeInflateRaw, nil); err != nil || s.n != n {
				b.Fatal(err, s.n)
			}
		}
	})
	buf := make([]byte, 64<<10)
	b.Run("klauspost", func(b *testing.B) {
		b.SetBytes(int64(n))
		defer reportCPU(b, n, cpuTime())
		for b.Loop() {
			r := kflate.NewReader(bytes.NewReader(z))
			if m, err := io.CopyBuffer(io.Discard, struct{ io.Reader }{r}, buf); err != nil || int(m) != n {
				b.Fatal(err, m)
			}
		}
	})
	b.Run("stdlib", func(b *testing.B) {
		b.SetBytes(int64(n))
		defer reportCPU(b, n, cpuTime())
		for b.Loop() {
			r := stdflate.NewReader(bytes.NewReader(z))
			if m, err := io.CopyBuffer(io.Discard, struct{ io.Reader }{r}, buf); err != nil || int(m) != n {
				b.Fatal(err, m)
			}
		}
	})
}

func adler32Std(p []byte) uint32 { return adler32.Checksum(p) }
