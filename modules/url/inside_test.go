package url

import (
	"testing"
	"unicode/utf16"

	"github.com/dop251/goja"
)

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

// TestLegacyAuthorityScan checks the Go scan of url.parse's authority against the loop it
// replaces, written out here as the glue has it.
func TestLegacyAuthorityScan(t *testing.T) {
	loop := func(s string) (hostEnd, at, nonHost int, ok bool) {
		hostEnd, at, nonHost = -1, -1, -1
		for i := 0; i < len(s) && hostEnd == -1; i++ {
			switch s[i] {
			case '\t', '\n', '\r':
				return 0, 0, 0, false
			case ' ', '"', '%', '\'', ';', '<', '>', '\\', '^', '`', '{', '|', '}':
				if nonHost == -1 {
					nonHost = i
				}
			case '#', '/', '?':
				if nonHost == -1 {
					nonHost = i
				}
				hostEnd = i
			case '@':
				at = i
				nonHost = -1
			}
		}
		return hostEnd, at, nonHost, true
	}
	for _, s := range []string{"", "a", "u:p@h.com:80/p", "a@b@c/", "a b@c", "a@b c/d", "h?q", "h#x", "@", "x\ty/", "h/\tp",
		"u%41@h", "{x}@y;z/", "a@"} {
		he, at, nh, ok := legacyAuthority(goja.StringFromUTF16(utf16.Encode([]rune(s))))
		whe, wat, wnh, wok := loop(s)
		if ok != wok || ok && (he != whe || at != wat || nh != wnh) {
			t.Errorf("%q: got %d %d %d %v, want %d %d %d %v", s, he, at, nh, ok, whe, wat, wnh, wok)
		}
	}
	for s, want := range map[string]int{"http://x": 5, "HTTP:": 5, "a.b+c-d:x": 8, ":x": 0, "x": 0, "a b:": 0, "é:": 0, "": 0} {
		if got := legacyProtocolLength(goja.StringFromUTF16(utf16.Encode([]rune(s)))); got != want {
			t.Errorf("protocol length of %q: got %d, want %d", s, got, want)
		}
	}
}
