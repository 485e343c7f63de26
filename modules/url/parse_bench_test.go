package url

import "testing"

var benchInputs = []string{"https://user:pw@example.com:8080/p/a/t/h?query=string#hash", "http://localhost:3000/api/v1/items?id=42",
	"file:///home/user/x.txt", "https://münchen.de/straße", "http://[::1]:80/", "ws://h/socket", "https://a.b.c.d.example.org/"}

func BenchmarkParseGo(b *testing.B) {
	for i := 0; i < b.N; i++ {
		u, ok := parse(benchInputs[i%len(benchInputs)], nil, nil)
		if !ok {
			b.Fatal(benchInputs[i%len(benchInputs)])
		}
		_ = u.Href(false)
		_ = origin(u)
	}
}

func BenchmarkParseSimpleGo(b *testing.B) {
	for i := 0; i < b.N; i++ {
		u, _ := parse("http://localhost:3000/api/v1/items?id=42", nil, nil)
		_ = u.Href(false)
	}
}
