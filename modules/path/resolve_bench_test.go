package path

import "testing"

func BenchmarkResolveGo(b *testing.B) {
	for i := 0; i < b.N; i++ {
		posixResolve([]string{"foo/bar", "./baz"}, "/work/wt/url")
	}
}

func BenchmarkJoinGo(b *testing.B) {
	for i := 0; i < b.N; i++ {
		posixJoin([]string{"/foo", "bar", "baz/asdf", "quux", ".."})
	}
}

func BenchmarkResolveCachedGo(b *testing.B) {
	var c cwdCache
	parts := []string{"foo/bar", "./baz"}
	for i := 0; i < b.N; i++ {
		posixResolveFn(len(parts), func(i int) string { return parts[i] }, func() string { return "/work/wt/url" }, &c)
	}
}
