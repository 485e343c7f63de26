package url

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/nodebench"
)

// shape is one input shape of the wide corpus: an input and an optional base.
type shape struct {
	name, input string
	base        *string
}

func withBase(b string) *string { return &b }

// longQuery is a 2 KiB query string of ordinary parameters.
var longQuery = "https://api.example.com/v2/search?" + strings.Repeat("key=value&other=thing%20x&", 80) + "end=1"

// shapes are the common input shapes beyond the plain ones the main benchmarks use, each one
// measured on its own against node's new URL: go test ./modules/url -run X -bench VsNodeShapes
var shapes = []shape{
	{"ipv6/compressed", "http://[2001:db8::1]:8080/x", nil},
	{"ipv6/upper-long", "http://[2001:DB8:0:0:0:0:0:1]/", nil},
	{"ipv6/v4-suffix", "http://[::ffff:192.168.0.1]/", nil},
	{"ipv4/dotted", "http://192.168.0.1:3000/api", nil},
	{"ipv4/short", "http://127.1/", nil},
	{"ipv4/hex", "http://0x7f000001/", nil},
	{"ipv4/octal", "http://0300.0250.0.1/", nil},
	{"pct/path", "https://h.example/a%20b/ü/c d/%7Efile", nil},
	{"pct/query", "https://h.example/s?q=a b&x=<y>&z=ü", nil},
	{"pct/fragment", "https://h.example/p#sec tion`ü", nil},
	{"pct/host", "http://ex%41mple.com/", nil},
	{"idna/unicode", "https://münchen.de/straße", nil},
	{"idna/upper", "https://Bücher.example:8080/x", nil},
	{"idna/punycode", "https://xn--mnchen-3ya.de/", nil},
	{"idna/mixed", "http://faß.ExAmple/", nil},
	{"file/triple", "file:///home/user/x.txt", nil},
	{"file/one-slash", "file:/etc/hosts", nil},
	{"file/localhost", "file://localhost/etc/x", nil},
	{"file/drive", "file:///C:/Windows/System32/x.dll", nil},
	{"file/host", "file://server/share/x", nil},
	{"file/spaces", "file:///home/u/My Docs/x.txt", nil},
	{"nonspecial/ssh", "git+ssh://git@github.com/a/b.git", nil},
	{"nonspecial/postgres", "postgres://u:p@db:5432/x?sslmode=require", nil},
	{"nonspecial/path", "foo:/a/b/c", nil},
	{"opaque/mailto", "mailto:Joe@Example.COM?subject=hi there", nil},
	{"opaque/data", "data:text/plain;base64,SGVsbG8=", nil},
	{"opaque/blob", "blob:https://a.com/0e9a8b9c-uuid", nil},
	{"opaque/javascript", "javascript:void(0)", nil},
	{"opaque/urn", "urn:isbn:0451450523", nil},
	{"case/upper", "HTTPS://EXAMPLE.COM/Index.HTML", nil},
	{"space/around", "  http://h.example/a\n ", nil},
	{"backslash", "http:\\\\h.example\\a\\b", nil},
	{"cred/user-pass", "https://user:pass@h.example/", nil},
	{"cred/encoded", "https://us er:p@ss@h.example:8443/", nil},
	{"port/custom", "http://h.example:8080/", nil},
	{"port/default", "http://h.example:80/", nil},
	{"port/zeros", "https://h.example:0443/", nil},
	{"dots/absolute", "http://h.example/a/./b/../c/%2e%2E/d", nil},
	{"long/query", longQuery, nil},
	{"long/fragment", "https://docs.example.com/page#" + strings.Repeat("section-", 200), nil},
	{"rel/dotdot", "../../a/./b/../c?x#y", withBase("http://h.example/p/q/r/s")},
	{"rel/dot", "./x.js", withBase("http://h.example/p/q/")},
	{"rel/scheme-relative", "//cdn.example/x.js", withBase("https://h.example/p")},
	{"rel/absolute-path", "/abs/../x", withBase("http://h.example/p/q")},
	{"rel/query", "?q=1", withBase("http://h.example/p/q")},
	{"rel/fragment", "#f", withBase("http://h.example/p/q")},
	{"rel/file-base", "../lib/x.js", withBase("file:///home/u/app/src/index.js")},
	{"rel/nonspecial-base", "../x", withBase("foo://h/a/b")},
	{"rel/upper-base", "x", withBase("HTTP://H.Example/a/b")},
	{"rel/encode", "a b/ü?q=é", withBase("http://h.example/p/")},
	{"rel/backslash", "..\\x", withBase("http://h.example/p/q/r")},
	{"invalid/no-scheme", "not a url", nil},
	{"invalid/port", "http://h:99999/", nil},
	{"invalid/host", "http://a b/", nil},
}

func BenchmarkVsNodeShapes(b *testing.B) {
	for _, s := range shapes {
		setup := "const s = " + strconv.Quote(s.input) + ";"
		body := "h += new URL(s).href.length;"
		if s.base != nil {
			setup += " const base = " + strconv.Quote(*s.base) + ";"
			body = "h += new URL(s, base).href.length;"
		}
		if strings.HasPrefix(s.name, "invalid/") {
			body = "try { new URL(s) } catch (e) { h++ }"
		}
		b.Run(s.name, func(b *testing.B) {
			st := &objects{bases: &baseCache{}}
			nodebench.Compare(b, setup, body, func(int) {
				st.parseComponents(s.input, s.base)
				clear(st.slow) // no repeated input served from the cache
			})
		})
	}
}

// TestShapes checks that every shape of the benchmark corpus parses as the full parser does.
func TestShapes(t *testing.T) {
	for _, s := range shapes {
		st := &objects{bases: &baseCache{}}
		got, gok := st.parseStandard(s.input, s.base)
		var want [nComp]string
		u, wok := parse(s.input, s.base, nil)
		if wok {
			want = componentList(u)
		}
		if gok != wok || got != want {
			t.Errorf("%s: got %q %v, want %q %v", s.name, got, gok, want, wok)
		}
		if wok == strings.HasPrefix(s.name, "invalid/") {
			t.Errorf("%s: valid %v", s.name, wok)
		}
	}
}

// BenchmarkShapesGo is the Go side of BenchmarkVsNodeShapes alone (for profiles).
func BenchmarkShapesGo(b *testing.B) {
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			st := &objects{bases: &baseCache{}}
			for i := 0; i < b.N; i++ {
				st.parseComponents(s.input, s.base)
				clear(st.slow)
			}
		})
	}
}
