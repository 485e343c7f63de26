package querystring

import (
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
		pairs := parse(qs, sep, eq, maxKeys, false, func(s string) string { return unescape(s, true) })
		if maxKeys >= 1 && maxKeys == float64(int(maxKeys)) && len(pairs) > int(maxKeys) {
			t.Errorf("%d keys with maxKeys %v", len(pairs), maxKeys)
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
