package zlib

import (
	"bytes"
	"context"
	"encoding/hex"
	"io"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"go.uber.org/goleak"
)

func compress(t testing.TB, mode int, in []byte) []byte {
	c, err := newEngine(context.Background(), options{mode: mode, level: -1, brotliQ: 5})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.write(in, zFinish)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// inflateChunks feeds in to a fresh inflater n bytes at a time.
func inflateChunks(mode int, in []byte, n int) ([]byte, error) {
	e := newInflater(context.Background(), options{mode: mode})
	defer e.close()
	var out []byte
	for len(in) > n {
		o, err := e.write(in[:n], zNoFlush)
		out = append(out, o...)
		if err != nil {
			return out, err
		}
		in = in[n:]
	}
	o, err := e.write(in, zFinish)
	return append(out, o...), err
}

func TestRoundTripChunked(t *testing.T) {
	defer goleak.VerifyNone(t)
	data := bytes.Repeat([]byte("gojs zlib engine test data "), 5000)
	for _, m := range [][2]int{{modeDeflate, modeInflate}, {modeGzip, modeGunzip}, {modeDeflateRaw, modeInflateRaw},
		{modeBrotliEnc, modeBrotliDec}, {modeGzip, modeUnzip}, {modeDeflate, modeUnzip}} {
		z := compress(t, m[0], data)
		for _, n := range []int{1, 7, 100, 1 << 20} {
			out, err := inflateChunks(m[1], z, n)
			if err != nil || !bytes.Equal(out, data) {
				t.Fatalf("modes %v chunk %d: err %v, %d bytes", m, n, err, len(out))
			}
		}
	}
}

func TestErrors(t *testing.T) {
	defer goleak.VerifyNone(t)
	z := compress(t, modeGzip, []byte("hello hello hello"))
	cases := []struct {
		mode int
		in   []byte
		want error
	}{
		{modeGunzip, []byte("garbage"), errHeader},
		{modeInflate, []byte("garbage"), errHeader},
		{modeGunzip, z[:len(z)-3], errUnexpEOF},
		{modeGunzip, nil, errUnexpEOF},
		{modeGunzip, append(append([]byte(nil), z...), 'x', 'y'), errHeader},
		// as in node: one trailing byte is the start of a member that never completes
		{modeGunzip, append(append([]byte(nil), z...), 'x'), errUnexpEOF},
		{modeGunzip, append(append([]byte(nil), z...), 0, 'x'), nil},
	}
	for i, c := range cases {
		_, err := inflateChunks(c.mode, c.in, 3)
		if err != c.want && !(c.want == nil && err == nil) {
			t.Errorf("case %d: got %v, want %v", i, err, c.want)
		}
	}
}

// TestCloseMidStream checks that an inflater left waiting for input stops its goroutine on close
// and on context cancellation.
func TestCloseMidStream(t *testing.T) {
	defer goleak.VerifyNone(t)
	z := compress(t, modeDeflate, bytes.Repeat([]byte("x"), 1000))
	e := newInflater(context.Background(), options{mode: modeInflate})
	if _, err := e.write(z[:5], zNoFlush); err != nil {
		t.Fatal(err)
	}
	e.close()
	ctx, cancel := context.WithCancel(context.Background())
	e2 := newInflater(ctx, options{mode: modeInflate})
	if _, err := e2.write(z[:5], zSyncFlush); err != nil {
		t.Fatal(err)
	}
	cancel()
	e2.close()
}

func FuzzInflate(f *testing.F) {
	f.Add(compress(f, modeDeflate, []byte("seed data seed data")), uint8(modeInflate), uint8(3))
	f.Add(compress(f, modeGzip, []byte("seed")), uint8(modeGunzip), uint8(1))
	f.Add(compress(f, modeBrotliEnc, []byte("brotli seed")), uint8(modeBrotliDec), uint8(5))
	f.Add([]byte{0x78, 0x9c, 0xff}, uint8(modeUnzip), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, mode, chunk uint8) {
		modes := []int{modeInflate, modeGunzip, modeInflateRaw, modeUnzip, modeBrotliDec}
		m := modes[int(mode)%len(modes)]
		var whole, parts []byte
		var err1, err2 error
		done := make(chan struct{})
		go func() {
			whole, err1 = inflateChunks(m, in, len(in)+1)
			parts, err2 = inflateChunks(m, in, int(chunk)%16+1)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("mode %d chunk %d: hang on %q", m, int(chunk)%16+1, in)
		}
		if (err1 == nil) != (err2 == nil) || (err1 == nil && !bytes.Equal(whole, parts)) {
			t.Fatalf("mode %d: whole (%v, %d bytes) vs chunked (%v, %d bytes)", m, err1, len(whole), err2, len(parts))
		}
	})
}

// TestSlabs checks the streamed form: full slabs end on chunk-size windows counted over the
// whole stream, every request gets exactly one last emit, and the pieces add up to the data.
func TestSlabs(t *testing.T) {
	defer goleak.VerifyNone(t)
	data := bytes.Repeat([]byte("slabs of inflated output, window aligned "), 40000)
	z := compress(t, modeGzip, data)
	const chunk = 1000
	e := newInflater(context.Background(), options{mode: modeGunzip, chunk: chunk})
	defer e.close()
	var out []byte
	for len(z) > 0 {
		n := min(len(z), 7000)
		lasts := 0
		done := make(chan error, 1)
		e.submit(&inReq{data: z[:n], finish: n == len(z), emit: func(p []byte, last, end bool, err error) {
			out = append(out, p...)
			if !last {
				if len(out)%chunk != 0 || len(p) == 0 {
					t.Errorf("slab of %d ends at %d, off a window", len(p), len(out))
				}
				return
			}
			lasts++
			done <- err
		}})
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if lasts != 1 {
			t.Fatalf("%d last emits", lasts)
		}
		z = z[n:]
	}
	if !bytes.Equal(out, data) {
		t.Fatalf("got %d bytes, want %d", len(out), len(data))
	}
}

// TestBrotliWriterReuseSameBytes checks that a brotli encoder reset after other streams (as
// newCompressor takes one from brotliWriters) writes the bytes a new encoder writes, at every
// quality and at a small and the default window, for one-shot inputs and for streams cut by
// flushes.
func TestBrotliWriterReuseSameBytes(t *testing.T) {
	x := uint32(9)
	rnd := func() uint32 { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return x }
	input := func(n int, random bool) []byte {
		b := make([]byte, n)
		for i := range b {
			if random || i%5 == 0 {
				b[i] = byte(rnd())
			} else {
				b[i] = "the quick brown fox "[rnd()%20]
			}
		}
		return b
	}
	run := func(c *compressor, parts [][]byte) []byte {
		var out []byte
		for i, p := range parts {
			flush := zSyncFlush
			if i == len(parts)-1 {
				flush = zFinish
			}
			o, err := c.write(p, flush)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, o...)
		}
		return out
	}
	cases := [][][]byte{
		{[]byte("hello")},
		{input(3000, false)},
		{input(200, true), input(2000, false), input(6000, false)},
		{nil},
		{input(4000, true)},
	}
	for q := 0; q <= 11; q++ {
		if raceEnabled && q != 0 && q != 5 && q != 11 {
			continue // (the plain run covers every quality; the race run, one of each encoder kind)
		}
		for _, win := range []int{0, 16} {
			cases := cases
			if win == 0 {
				cases = cases[:1] // (a new encoder of the default window clears up to 32 MiB)
			}
			o := options{mode: modeBrotliEnc, brotliQ: q, brotliWin: win}
			// one encoder, its streams in turn: each as a new encoder writes it
			used, _ := newCompressor(o)
			w := used.w
			for i, parts := range cases {
				fresh, _ := newCompressor(o)
				fresh.w = brotli.NewWriterOptions(&fresh.buf, brotli.WriterOptions{Quality: q, LGWin: win})
				want := run(fresh, parts)
				used = &compressor{o: o, w: w}
				w.Reset(&used.buf)
				if got := run(used, parts); !bytes.Equal(got, want) {
					t.Fatalf("quality %d window %d case %d: a reused encoder wrote %d bytes unlike a new one's %d", q, win, i, len(got), len(want))
				}
			}
		}
	}
}

// The large window flags are unexported fields of andybalholm/brotli (setBrotliLargeWindow): a
// version of the package that moves them fails here, not silently.
func TestBrotliLargeWindowFlagsReachable(t *testing.T) {
	if !setBrotliLargeWindow(brotli.NewWriter(io.Discard), "params", "large_window") {
		t.Fatal("the encoder's large_window flag is gone")
	}
	if !setBrotliLargeWindow(brotli.NewReader(bytes.NewReader(nil)), "large_window") {
		t.Fatal("the decoder's large_window flag is gone")
	}
}

// EMIT_METADATA runs the package's unexported writeChunk (brotliWriteChunk): a metadata block
// of "ab" after a flush gives C brotli's bytes (the empty metadata header after the window
// bits, then the block's header and its payload), and the stream decodes.
func TestBrotliWriteChunkMetadata(t *testing.T) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 22})
	if _, err := brotliWriteChunk(w, nil, brotliEmitMetadata); err != nil {
		t.Fatal(err)
	}
	if _, err := brotliWriteChunk(w, []byte("ab"), brotliEmitMetadata); err != nil {
		t.Fatal(err)
	}
	if got, want := hex.EncodeToString(buf.Bytes()), "6b00"+"5600"+"6162"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if out, err := io.ReadAll(brotli.NewReader(&buf)); err != nil || len(out) != 0 {
		t.Fatalf("decoded %q, %v", out, err)
	}
}

// oneByteMetadataHeader finds the bits left over before an empty metadata header for every
// count of them (0-7, any values) and writes C's header of a 1-byte block after them.
func TestOneByteMetadataHeader(t *testing.T) {
	for l := uint(0); l < 8; l++ {
		for _, left := range []uint32{0, 1<<l - 1, 0x55 & (1<<l - 1)} {
			empty := left | 6<<l
			out := []byte{0xaa} // (a byte of data before it)
			for i := uint(0); i < (l+6+7)/8; i++ {
				out = append(out, byte(empty>>(8*i)))
			}
			if n := emptyMetadataLen(out); n != len(out)-1 {
				t.Fatalf("L=%d left=%x: header of %d bytes, want %d", l, left, n, len(out)-1)
			}
			head, ok := oneByteMetadataHeader(out)
			want := left | 0x16<<l
			if !ok || len(head) != int((l+14+7)/8) || head[0] != byte(want) || head[1] != byte(want>>8) ||
				len(head) == 3 && head[2] != byte(want>>16) {
				t.Fatalf("L=%d left=%x: got %x, %v", l, left, head, ok)
			}
		}
	}
}
