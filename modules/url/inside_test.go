package url

import "testing"

func TestInside(t *testing.T) {
	h := "http://example.com/p?q#f"
	for _, c := range []struct {
		s   string
		off int
		ok  bool
	}{
		{h[7:18], 7, true},
		{h[18:], 18, true},
		{h, 0, true},
		{h[:0], 0, false},
		{string([]byte("example.com")), 0, false}, // equal text, other bytes
		{h + "x", 0, false},
	} {
		off, ok := inside(h, c.s)
		if ok != c.ok || (ok && off != c.off) {
			t.Errorf("inside(%q, %q) = %d, %v; want %d, %v", h, c.s, off, ok, c.off, c.ok)
		}
	}
}
