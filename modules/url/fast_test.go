package url

import (
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestFastParseAgrees builds URLs from pieces and checks fastParse against the full parser
// wherever it answers.
func TestFastParseAgrees(t *testing.T) {
	schemes := []string{"http", "https", "ws", "wss", "ftp", "file", "HTTP", "foo"}
	hosts := []string{"h", "a.b", "a-b.c1", "A.b", "1.2.3.4", "h.0x1", "h.123", "xn--a", ".h", "h.", "a..b", "", "u@h", "h_x", "[::1]",
		"[2001:db8::1]", "[::]", "[::ffff:1.2.3.4]", "[::ffff:102:304]", "[::1.2.3.4]", "[1:0:0:0:0:0:0:1]",
		"[1::1:0:0:1]", "[1:0:0:1::1]", "[::A]", "[fe80::1%eth0]", "[::1", "[::1]x", "[0::1]", "[1:2:3:4:5:6:7::]", "[::1]]",
		"u@h", "u:p@h", ":p@h", "u:@h", "@h", "u:p:q@h", "a@b@h", "u%41@h", "u;x@h", "u@h:8080", "u@", "u@h.1", "U:P@A.b",
		"127.0.0.1", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "0x1.2.3.4", "1.2.3.4.", "a.2.3.4", "1..3.4", "1234.1.1.1"}
	ports := []string{"", ":80", ":443", ":21", ":8080", ":0", ":080", ":65535", ":65536", ":", ":x"}
	paths := []string{"", "/C:/x", "/C|/x", "//", "///x", "/x/", "/%41", "/", "/a/b", "/a/./b", "/a/../b", "/%2e", "/a b", "/a%20b", "/{x}", "/é", "//x", "/a\\b", "/.git", "/a."}
	queries := []string{"", "?", "?a=1&b=2", "?'q'", "?a b", "?%zz", "?x#y"}
	frags := []string{"", "#", "#f", "#a`b", "#a b"}
	n := 0
	for _, sc := range schemes {
		for _, h := range hosts {
			for _, p := range ports {
				for _, pa := range paths {
					for _, q := range queries {
						for _, fr := range frags {
							s := sc + "://" + h + p + pa + q + fr
							f, ok := fastParse(s)
							if !ok {
								continue
							}
							n++
							u, uok := parse(s, nil, nil)
							if !uok {
								t.Fatalf("fastParse accepts %q, the parser does not", s)
							}
							got, want := fastComponents(&f), componentList(u)
							if !slices.Equal(got[:], want[:]) {
								t.Errorf("fastParse(%q) = %q, parser %q", s, got, want)
							}
						}
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d inputs took the fast path", n)
	}
}

// TestResolveFastAgrees checks resolveFast against the full parser over relative references.
func TestResolveFastAgrees(t *testing.T) {
	bases := []string{"http://h/", "http://h/a/b/c", "http://u:p@h:8080/a/b/?q#f", "https://h/a/b/?", "http://h/a#",
		"ws://h/x/", "ftp://h/p/q", "file:///a/b", "http://h"}
	inputs := []string{"", "x", "x/y", "./x", "../x", "../../../../x", ".", "..", "./", "../", "/", "/x/../y", "//o/p", "//o",
		"///x", "?", "?q", "?q#f", "#", "#f", "x?y#z", "http://o/p", "http:x", "https:x", "foo:bar", "a:b/c", "1a:b",
		"x:", "c:/x", "%2e", "./%2e/", "x/./y/../z", "x/..", "x/.", "x\\y", " x", "x y", "é", "{x}", "?'", "#`",
		"/a/b/../../..", "//o:80/p", "//u@o/p", "//o:x/p", "//o..p/", "x//y"}
	n := 0
	for _, base := range bases {
		fb, ok := fastParse(base)
		if !ok {
			t.Fatalf("base %q is not fast", base)
		}
		b, _ := parse(base, nil, nil)
		for _, in := range inputs {
			f, ok := resolveFast(in, &fb)
			if !ok {
				continue
			}
			n++
			p := newParser()
			u, err := p.BasicParser(in, b.Clone(), nil, 0)
			p.release()
			if err != nil {
				t.Errorf("resolveFast(%q, %q) accepts, the parser does not", in, base)
				continue
			}
			got, want := fastComponents(&f), componentList(u)
			if !slices.Equal(got[:], want[:]) {
				t.Errorf("resolveFast(%q, %q) = %q, parser %q", in, base, got, want)
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d inputs took the fast path", n)
	}
}

// removeDots agrees with a plain split-and-join version of the URL Standard's rules.
func TestRemoveDots(t *testing.T) {
	ref := func(path string) string {
		segs := strings.Split(path[1:], "/")
		var out []string
		for i, seg := range segs {
			last := i == len(segs)-1
			switch seg {
			case "..":
				if len(out) > 0 {
					out = out[:len(out)-1]
				}
				if last {
					out = append(out, "")
				}
			case ".":
				if last {
					out = append(out, "")
				}
			default:
				out = append(out, seg)
			}
		}
		return "/" + strings.Join(out, "/")
	}
	for _, p := range []string{"/", "/.", "/..", "/a/..", "/a/../", "/a/./b/../c", "/a/b/c/../../..", "/../../x", "//a/..//b/.", "/a/.../b", "/a/..b/.c", "/a//", "/./.", "/x/y/..", "/x/y/../.."} {
		if got, want := removeDots(p), ref(p); got != want {
			t.Errorf("removeDots(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestFastPathCovers lists common URL shapes that must stay on the fast path (a change that
// sent them to the full parser would pass every other test and cost ~10x).
func TestFastPathCovers(t *testing.T) {
	for _, s := range []string{"http://127.0.0.1:3000/api", "http://localhost:8080/", "https://example.com", "https://user:pw@example.com:8443/a?b#c",
		"http://[::1]:80/", "wss://socket.example.com/chat?room=1", "file:///home/user/x.txt", "http://h/a/../b", "ftp://h/x"} {
		if _, ok := fastParse(s); !ok {
			t.Errorf("%q is not on the fast path", s)
		}
	}
}

// TestNormalizedBaseAgrees checks relative resolution against bases off the fast path whose
// serialization is on it (new URL resolves those through the fast path) against the full parser.
func TestNormalizedBaseAgrees(t *testing.T) {
	bases := []string{"HTTP://Example.COM:80/a/./b?q#f", "http://h/a b/c", "http://EXAMPLE.com", "https://h:443/x/", "http://h/a/%2e%2e/b/",
		" http://h/x", "http:\\\\h\\a\\b", "http://u:@h/p/", "mailto:x@y", "http://[::1]/x", "http://0x7f.1/a/", "not a url"}
	inputs := []string{"", "x", "../y", "/z?q", "?q", "#f", "//o/p", "./a/../b", "http://abs/", "x y", "é"}
	st := &objects{bases: &baseCache{}}
	for _, base := range bases {
		for _, in := range inputs {
			got, ok := st.parseComponents(in, &base)
			var want [nComp]string
			u, wok := parse(in, &base, nil)
			if wok {
				want = componentList(u)
			}
			if ok != wok || got != want {
				t.Errorf("new URL(%q, %q) = %q %v, parser %q %v", in, base, got, ok, want, wok)
			}
		}
	}
}

// TestWideParseAgrees builds URLs of every scheme kind from pieces and checks wideParse against
// the full parser wherever it answers.
func TestWideParseAgrees(t *testing.T) {
	schemes := []string{"http:", "HTTPS:", "ws:", "file:", "FILE:", "foo:", "blob:", "data:", "git+ssh:"}
	auths := []string{"", "/", "//", "///", "\\\\", "//h", "//H.Example", "//u:p@h:0080", "//@h", "//u@", "//:p@h", "//a@b@h", "//u:p:q@h",
		"//h:", "//h:65536", "//h:x", "//[::1]", "//[0:0::1]:8", "//[::1%1]", "//[::1", "//a_b", "//a..b", "//xn--a", "//1.2.3.4", "//1.2.3",
		"//localhost", "//h^", "//%41", "//é", "//münchen.DE", "//Bücher.example:8080", "//faß.de", "//a.ü.0x1", "//ü..de", "//xn--mnchen-3ya.de", "//ü.xn--a", "//١.com", "//a‍b.de", "//ＡＢ.com", "//ü%41.de", "//ü_x.de", "//ü.", "//ü.1", "//h\\x"}
	paths := []string{"", "/", "x", "/a/./b/../c", "/a b", "/%2E%2e/x", "/é", "\\a\\b", "/C:/x", "/a|b", "//x", "/.//x", "/..", "/{x}"}
	rests := []string{"", "?", "?a b'c", "#", "#a`b c", "?q#f", "?é#é"}
	n := 0
	for _, sc := range schemes {
		for _, a := range auths {
			for _, p := range paths {
				for _, r := range rests {
					s := sc + a + p + r
					f, ok := wideParse(s, false)
					if !ok {
						continue
					}
					n++
					u, uok := parse(s, nil, nil)
					if !uok {
						t.Fatalf("wideParse accepts %q, the parser does not", s)
					}
					got, want := fastComponents(&f), componentList(u)
					if !slices.Equal(got[:], want[:]) {
						t.Errorf("wideParse(%q) = %q, parser %q", s, got, want)
					}
				}
			}
		}
	}
	if n < 5000 {
		t.Errorf("only %d inputs took the wide path", n)
	}
}

// TestWidePathCovers lists shapes wideParse must serve (a change sending them to the full
// parser would pass the other tests and cost ~10x).
func TestWidePathCovers(t *testing.T) {
	for _, s := range append(vsNodeWide, "HTTP://H/", "file:///a b", "foo://h/x", "about:blank", "http://h:8080/a\\b?c d#e f", "http://[::ffff:1.2.3.4]/") {
		if _, ok := wideParse(s, false); !ok {
			t.Errorf("%q is not on the wide path", s)
		}
	}
}

// TestFastURLLayout checks that fastURL is eleven strings in the order of the c* constants,
// which asFast relies on.
func TestFastURLLayout(t *testing.T) {
	var c [nComp]string
	for i := range c {
		c[i] = compNames[i]
	}
	f := asFast(&c)
	if unsafe.Sizeof(*f) != unsafe.Sizeof(c) || fastComponents(f) != c {
		t.Fatalf("fastURL's layout: %q", fastComponents(f))
	}
}
