package url

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/nodebench"
)

// The Go side of new URL (parsing into the components a URL instance holds) against node's
// new URL (Ada, C++) on the same inputs: go test ./modules/url -run X -bench VsNode

var vsNodeAbsolute = []string{
	"https://user:pw@example.com:8080/p/a/t/h?query=string#hash",
	"http://localhost:3000/api/v1/items?id=42&sort=desc",
	"https://cdn.example.org/assets/app.js#x",
	"http://h:8080/a/b/c?d=e&f=g",
	"file:///home/user/x.txt",
	"https://münchen.de/straße",
	"http://[::1]:80/",
	"wss://socket.example.com/chat?room=1",
}

var vsNodeRelative = []string{"/relative/path?x=1", "../up/one", "sub/file.txt", "?q=2", "#frag",
	"//other.host/p", "./a/./b/../c", "https://absolute.example/"}

// vsNodeWide are shapes fastParse declines and wideParse serves (the full parser before).
var vsNodeWide = []string{
	"HTTPS://Example.COM/Index.html",
	"https://example.com/search?q=a b&x=<y>",
	"http://h/é?é#é",
	"https://user:p@ss@example.com:8443/",
	"http://h:0080/a\\b",
	"http://[2001:DB8::1]:8080/",
	"http://a_b.example/",
	"file://localhost/home/u/My Docs/x.txt",
	"file:/etc/hosts",
	"data:text/plain,hello world",
	"mailto:Joe@Example.COM?subject=hi there",
	"javascript:void(0)",
	"node:fs",
	"blob:https://a.com/0e9a8b9c-uuid",
	"postgres://u:p@db:5432/x?sslmode=require",
	"git+ssh://git@github.com/a/b.git",
	"https://Bücher.example:8080/straße",
}

const vsNodeBase = "http://base.example/dir/sub/index.html"

func jsList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func BenchmarkVsNode(b *testing.B) {
	// new URL(s).href: Go parses into the components (the runtime's cache of full-parser
	// results included, as new URL uses it); node builds its URL and reads href.
	b.Run("absolute", func(b *testing.B) {
		st := &objects{}
		nodebench.Compare(b, "const inputs = "+jsList(vsNodeAbsolute)+";", "h += new URL(inputs[i & 7]).href.length;", func(i int) {
			c, ok := st.parseComponents(vsNodeAbsolute[i&7], nil)
			if !ok || c[cHref] == "" {
				b.Fatal(vsNodeAbsolute[i&7])
			}
		})
	})
	for _, s := range vsNodeAbsolute {
		name := "absolute/" + strings.NewReplacer("/", "_").Replace(s)
		if _, fast := fastParse(s); !fast {
			if _, wide := wideParse(s, false); !wide {
				// off the fast paths: parsed once, then served by the runtime's cache
				name += "_cached"
			}
		}
		b.Run(name, func(b *testing.B) {
			st := &objects{}
			nodebench.Compare(b, "const s = "+strconv.Quote(s)+";", "h += new URL(s).href.length;", func(int) {
				st.parseComponents(s, nil)
			})
		})
	}
	for _, s := range vsNodeWide {
		if _, fast := fastParse(s); fast {
			b.Fatalf("%q is on the first fast path", s)
		}
		b.Run("wide/"+strings.NewReplacer("/", "_", " ", "_").Replace(s), func(b *testing.B) {
			st := &objects{}
			nodebench.Compare(b, "const s = "+strconv.Quote(s)+";", "h += new URL(s).href.length;", func(int) {
				if _, ok := st.parseComponents(s, nil); !ok {
					b.Fatal(s)
				}
				if len(st.slow) != 0 {
					b.Fatalf("%q went to the full parser", s)
				}
			})
		})
	}
	b.Run("relative", func(b *testing.B) {
		st := &objects{bases: &baseCache{}}
		base := vsNodeBase
		nodebench.Compare(b, "const inputs = "+jsList(vsNodeRelative)+"; const base = "+strconv.Quote(base)+";",
			"h += new URL(inputs[i & 7], base).href.length;", func(i int) {
				c, ok := st.parseComponents(vsNodeRelative[i&7], &base)
				if !ok || c[cHref] == "" {
					b.Fatal(vsNodeRelative[i&7])
				}
			})
	})
	// What new URL still sends to the full parser (the nlnwa/whatwg-url library with our IDNA
	// hooks), through the same parseComponents as the rows above. The runtime caches each result
	// (slowCacheSize entries), so a program pays the library once per distinct input:
	// "library/<shape>/distinct" cycles through 1024 inputs of that shape (each one misses the
	// cache), "library/<shape>/repeated" parses one input over and over. Node's loop asks
	// URL.canParse where the input is invalid (the Go side builds no error either).
	for _, l := range vsNodeLibrary {
		var base *string
		jsBase := "undefined"
		if l.base != "" {
			base, jsBase = &l.base, strconv.Quote(l.base)
		}
		call := "h += new URL(s, base).href.length;"
		if !l.valid {
			call = "h += URL.canParse(s, base) ? 1 : 2;"
		}
		check := func(st *objects, s string) {
			if _, ok := st.parseComponents(s, base); ok != l.valid {
				b.Fatalf("%q: valid %v", s, ok)
			}
		}
		b.Run("library/"+l.name+"/repeated", func(b *testing.B) {
			st := &objects{bases: &baseCache{}}
			check(st, l.input)
			nodebench.Compare(b, "const s = "+strconv.Quote(l.input)+", base = "+jsBase+";", call, func(int) {
				check(st, l.input)
			})
		})
		b.Run("library/"+l.name+"/distinct", func(b *testing.B) {
			st := &objects{bases: &baseCache{}}
			inputs := make([]string, 1024)
			for k := range inputs {
				inputs[k] = l.input + strconv.Itoa(k)
			}
			nodebench.Compare(b, "const inputs = Array.from({length: 1024}, (_, k) => "+strconv.Quote(l.input)+" + k), base = "+jsBase+";",
				strings.Replace(call, "(s,", "(inputs[i & 1023],", 1), func(i int) {
					check(st, inputs[i&1023])
				})
		})
	}
}

// vsNodeLibrary are the last shapes that reached the full parser (the input gets a number
// appended in the distinct rows, which keeps its shape); the fast and wide parsers serve them
// since session 13 (TestLibraryShapesServed), and the rows keep their names to compare with.
var vsNodeLibrary = []struct {
	name, input, base string
	valid             bool
}{
	{"nonspecial_slash_dotdot", "foo:/..//p", "", true}, // Node (Ada) resolves these its own way
	{"idn_empty_label", "http://é..b/", "", true},
	{"idna_error", "http://xn--a.com/", "", false},
}
