package zlib

import "testing"

func TestSlide16(t *testing.T) {
	for _, w := range []uint16{1 << 8, 1 << 9, 1 << 12, 1 << 15} {
		p := make([]uint16, 1<<16+3)
		for i := range p {
			p[i] = uint16(i * 7919)
		}
		want := append([]uint16(nil), p...)
		for i, m := range want {
			if m >= w {
				want[i] = m - w
			} else {
				want[i] = 0
			}
		}
		slide16(p, w)
		for i := range p {
			if p[i] != want[i] {
				t.Fatalf("w %d at %d: %d, want %d", w, i, p[i], want[i])
			}
		}
	}
}

func BenchmarkSlide(b *testing.B) {
	p := make([]uint16, 1<<16)
	for i := range p {
		p[i] = uint16(i * 7919)
	}
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		slide16(p, 1<<15)
	}
}
