package buffer

import (
	"bytes"
	"testing"
)

// TestConcatViews checks concatViews (whose output is not zeroed first when the views fill it)
// against a plain append, cut or zero-padded to the requested length, for outputs on both sides
// of makeNoZero's threshold.
func TestConcatViews(t *testing.T) {
	piece := bytes.Repeat([]byte{0xab}, 1000)
	for _, sizes := range [][]int{{}, {0}, {3, 0, 5}, {1000, 1000, 1000, 1000, 1000}, {4096}, {5000, 1}} {
		var vs [][]byte
		var all []byte
		for i, n := range sizes {
			v := bytes.Repeat([]byte{byte(i + 1)}, n)
			if n == 1000 {
				v = piece
			}
			vs = append(vs, v)
			all = append(all, v...)
		}
		total := len(all)
		for _, length := range []int{-1, 0, 1, total / 2, total, total + 1, total + 5000} {
			got := concatViews(vs, total, length)
			want := append([]byte(nil), all...)
			if length >= 0 {
				if length <= total {
					want = want[:length]
				} else {
					want = append(want, make([]byte, length-total)...)
				}
			}
			if !bytes.Equal(got, want) {
				t.Errorf("sizes %v length %d: got %d bytes, want %d (or different contents)", sizes, length, len(got), len(want))
			}
		}
	}
}
