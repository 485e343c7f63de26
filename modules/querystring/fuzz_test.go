package querystring

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that parsing never panics and that escape and unescape round-trip.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "a=1&a=2&b", "=x&&y=&z", "a+b=c+d&e=%41%42%zz", "x=%E2%82%AC&y=%E2%82", "%=%", "é=😀&__proto__=1"} {
		f.Add(s, "&", "=", 1000.0)
	}
	f.Add("a==1&&&b==2", "&&", "==", 2.5)
	f.Add("a=1&b=2", "", "=", 1000.0) // String(sep) can be empty: the separator never matches
	f.Add("a=1&b=2", "&", "", 1000.0)
	f.Fuzz(func(t *testing.T, qs, sep, eq string, maxKeys float64) {
		var fresh parser
		pairs := fresh.parse(qs, sep, eq, maxKeys, false, unescapePlus)
		if maxKeys >= 1 && maxKeys == float64(int(maxKeys)) && len(pairs) > int(maxKeys) {
			t.Errorf("%d keys with maxKeys %v", len(pairs), maxKeys)
		}
		// a reused parser (as the binding keeps one per runtime) gives what a fresh one gives
		var p parser
		p.parse(strings.Repeat("k=v&k=w&", 20)+qs, "&", "=", 1000, false, unescapePlus)
		again := p.parse(qs, sep, eq, maxKeys, false, unescapePlus)
		if len(again) != len(pairs) {
			t.Fatalf("reused parser: %d pairs, fresh %d", len(again), len(pairs))
		}
		for i := range pairs {
			var a, b []string
			p.values(i, func(v string) { a = append(a, v) })
			fresh.values(i, func(v string) { b = append(b, v) })
			if again[i].key != pairs[i].key || strings.Join(a, "\x00") != strings.Join(b, "\x00") {
				t.Fatalf("reused parser: pair %d is %q=%q, fresh %q=%q", i, again[i].key, a, pairs[i].key, b)
			}
		}
		if utf8.ValidString(qs) {
			if got := unescape(escapeString(qs), false); got != qs {
				t.Errorf("unescape(escape(%q)) = %q", qs, got)
			}
		}
		_ = unescapeBuffer(qs, true)
		_ = decodeUTF8([]byte(qs))
	})
}
