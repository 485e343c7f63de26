package url

import "testing"

func BenchmarkParseGo(b *testing.B) {
	inputs := []string{"https://user:pw@example.com:8080/p/a/t/h?query=string#hash", "http://localhost:3000/api/v1/items?id=42",
		"file:///home/user/x.txt", "https://münchen.de/straße", "http://[::1]:80/", "ws://h/socket", "https://a.b.c.d.example.org/"}
	for i := 0; i < b.N; i++ {
		u, ok := parse(inputs[i%len(inputs)], nil, nil)
		if !ok {
			b.Fatal(inputs[i%len(inputs)])
		}
		_ = u.Href(false)
		_ = origin(u)
	}
}
