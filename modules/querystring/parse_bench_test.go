package querystring

import "testing"

func BenchmarkParseGo(b *testing.B) {
	b.ReportAllocs()
	dec := func(s string) string { return unescape(s, true) }
	for i := 0; i < b.N; i++ {
		parse("a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=3", "&", "=", 1000, false, dec)
	}
}
