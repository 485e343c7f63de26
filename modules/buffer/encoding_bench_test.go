package buffer

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"testing"
)

// The Go-side codecs alone on 1 MiB, beside the standard library's (the floor the JS benchmarks
// in bench/buffer_test.go add the engine's cost to).

var benchData = bytes.Repeat([]byte("abcdefghij\xff\x00"), 1<<20/12)

func BenchmarkDecodeBase64(b *testing.B) {
	s := base64.StdEncoding.EncodeToString(benchData)
	dst := make([]byte, base64Estimate(jsString{a: s}))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		decodeBase64(dst, jsString{a: s})
	}
}

func BenchmarkDecodeBase64Stdlib(b *testing.B) {
	s := base64.StdEncoding.EncodeToString(benchData)
	dst := make([]byte, len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_, _ = base64.StdEncoding.Decode(dst, []byte(s))
	}
}

func BenchmarkEncodeBase64(b *testing.B) {
	b.SetBytes(int64(len(benchData)))
	for b.Loop() {
		encodeBase64(benchData, false)
	}
}

func BenchmarkEncodeHex(b *testing.B) {
	b.SetBytes(int64(len(benchData)))
	for b.Loop() {
		encodeHex(benchData)
	}
}

func BenchmarkEncodeHexStdlib(b *testing.B) {
	b.SetBytes(int64(len(benchData)))
	for b.Loop() {
		hex.EncodeToString(benchData)
	}
}

func BenchmarkDecodeHex(b *testing.B) {
	s := hex.EncodeToString(benchData)
	dst := make([]byte, len(benchData))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		decodeHex(dst, jsString{a: s})
	}
}

// TestEncodeLengths compares the encoders with the standard library at every length up to a
// few hundred bytes, so the wide paths and each tail run.
func TestEncodeLengths(t *testing.T) {
	for n := 0; n <= 300; n++ {
		b := benchData[n : 2*n]
		if got, want := encodeBase64(b, false), base64.StdEncoding.EncodeToString(b); got != want {
			t.Fatalf("base64 of %d bytes: %s, want %s", n, got, want)
		}
		if got, want := encodeBase64(b, true), base64.RawURLEncoding.EncodeToString(b); got != want {
			t.Fatalf("base64url of %d bytes: %s, want %s", n, got, want)
		}
		if got, want := encodeHex(b), hex.EncodeToString(b); got != want {
			t.Fatalf("hex of %d bytes: %s, want %s", n, got, want)
		}
		s := base64.StdEncoding.EncodeToString(b)
		dst := make([]byte, base64Estimate(jsString{a: s}))
		if m := decodeBase64(dst, jsString{a: s}); !bytes.Equal(dst[:m], b) {
			t.Fatalf("base64 decode of %d bytes", n)
		}
	}
}

func BenchmarkDecodeLatin1(b *testing.B) {
	src := bytes.Repeat([]byte("abc\xe9\xff"), 1<<20/5)
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		decodeLatin1(src)
	}
}
