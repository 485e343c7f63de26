package path

import (
	"strings"
	"testing"
)

var pathSeeds = []string{"", ".", "..", "/", "//", "///a//b/", "a/./b/../../..", "/a/b/../../../c", "C:\\x\\..\\y",
	"\\\\server\\share\\x", "\\\\?\\C:\\x", "\\\\.\\PIPE\\x", "CON:", "a/COM1:", "c:..\\a", "/..", "é/ü.ß", "file.tar.gz", ".a.b"}

// FuzzPosix checks that no input panics and that posix results keep their invariants.
func FuzzPosix(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s, "x/../y")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const cwd = "/work/dir"
		n := posixNormalize(a)
		if posixNormalize(n) != n {
			t.Errorf("normalize not idempotent: %q -> %q -> %q", a, n, posixNormalize(n))
		}
		r := posixResolve([]string{a, b}, cwd)
		if !posixIsAbsolute(r) || posixNormalize(r) != r || (len(r) > 1 && strings.HasSuffix(r, "/")) {
			t.Errorf("resolve(%q, %q) = %q is not absolute and normal", a, b, r)
		}
		rel := posixRelative(a, b, cwd)
		if got, want := posixResolve([]string{a, rel}, cwd), posixResolve([]string{b}, cwd); got != want {
			t.Errorf("resolve(%q, relative(%q, %q) = %q) = %q, want %q", a, a, b, rel, got, want)
		}
		if a != "" {
			if j := posixJoin([]string{a}); j != n {
				t.Errorf("join(%q) = %q, normalize = %q", a, j, n)
			}
		}
		// join is the non-empty parts joined with '/', normalized (it normalizes part by part)
		joined := a + "/" + b
		if a == "" || b == "" {
			joined = a + b
		}
		if joined != "" {
			if j, want := posixJoin([]string{a, "", b}), posixNormalize(joined); j != want {
				t.Errorf("join(%q, %q) = %q, normalize of the joined string = %q", a, b, j, want)
			}
		}
		_ = posixDirname(a)
		_ = basename(a, b, true, 0, isPosixSep)
		_ = extname(a, 0, isPosixSep)
		p := posixParse(a)
		if p.base != "" && !strings.HasSuffix(strings.TrimRight(a, "/"), p.base) {
			t.Errorf("parse(%q).base = %q is not the last segment", a, p.base)
		}
	})
}

// FuzzWin32 checks that no input panics win32 functions and that normalize is stable on paths
// that are not reserved device names.
func FuzzWin32(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s, "C:\\x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const cwd = "C:\\work"
		env := func(string) (string, bool) { return "", false }
		_ = win32Normalize(a)
		_ = win32Join([]string{a, b})
		r := win32Resolve([]string{b, a}, cwd, env)
		if !win32IsAbsolute(r) && !strings.Contains(a+b, ":") {
			t.Errorf("resolve(%q, %q) = %q is not absolute", b, a, r)
		}
		_ = win32Relative(a, b, cwd, env)
		_ = win32ToNamespaced(a, cwd, env)
		_ = win32Dirname(a)
		_ = win32Basename(a, b, true)
		_ = win32Extname(a)
		_ = win32Parse(a)
	})
}
