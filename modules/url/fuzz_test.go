package url

import (
	"slices"
	"testing"
	"unicode/utf8"
)

var urlSeeds = []string{"http://localhost:3000/api/v1/items?id=42", "https://a.b:443/x?y#z", "ws://h:080/", "http://h:65536/",
	"http://h/a/./b", "http://h/%2E%2e/", "ftp://h:21", "http://1.2.3.4/", "http://h?q#f", "https://h/p?'\"", "http://a.b.0x1f/",
	"http://h:0/", "http://h#", "http://h?", "https://user:pw@example.com:8080/p/a/t/h?query=string#hash", "http://[::1]/", "http://0x7f.1/",
	"file:///C:/x/../y", "https://münchen.de/", "non-special://host/a b?c d#e f", "javascript:alert(1)", "http://@@x/",
	"blob:https://a.com/x", "http://a'b.com/", "wss:[[::1]", "foo://///x", "http://1.2.3.4.5/", "sc://ñ/x", "ws:xn--..#",
	// corners of the fast path's byte loops
	"http://xn--a.b/", "http://a.xn--/", "http://a.0x/", "http://a.0xfg/", "http://u:@h/", "http://:p@h/", "http://@h/", "http://u:p:q@h/",
	"HTTP://h/", "http://h/%2E", "http://h/a%2", "file:///a/%2e/", "file:///a:b", "file:///.a", "http://h/.a/..", "http://h:080/",
	"http://[::1]:8080/x", "http://[::1]x/",
	// shapes of wideParse
	"HTTPS://User:P@ss@Example.COM:0443/A B/%2e/../c?d e'f#g`h", "http:\\\\h\\a\\..\\b", " \thttp://h/a\nb ", "http:h/x",
	"file://LOCALHOST/a/b?c#d", "file:a/b", "file:/a", "file:////a", "file://h/a b", "file:///C:/x", "file://[::1]/x", "file:?q",
	"data:text/plain,hello world", "mailto:Joe@Example.COM?subject=hi there", "javascript:void(0)#x y", "node:fs", "blob:https://a.com/uuid",
	"blob:foo:x", "blob:http://[::1]/x", "foo://U:P@H:0080/a/./b/../c?d e#f", "foo:///x", "foo://h", "foo:/a/../..", "foo:/.//x", "foo://h:/x",
	"foo://@h/", "foo://:80/", "http://[0:0:0:0:0:0:0:1]/", "http://[1:0:0:2:0:0:0:3]:8080/", "http://[::ffff:1.2.3.4]/", "http://[::1%25x]/",
	"http://a_b.c/", "http://é.com/", "http://0-0/", "http://a.0-1./", "http:-0", "A://0a", "https://Bücher.example:8080/x", "http://faß.de/", "http://ü..de/", "http://١.com/", "http://a\u200db.de/", "http://ＡＢ.com/", "http://%41.com/", "http://h/é?é#é", "http://127.1/", "http://0x7f000001/", "http://0300.0250.0.1/", "http://09/", "http://1.2.3.4.5/", "http://0x100000000/", "http://1.256/", "http://1.2.65536/", "http://4294967295/", "http://4294967296/", "http://0x/", "http://1.0x/", "http://ex%41mple.com/", "http://a%20b/", "http://%zz/", "http://a b/", "http://a<b/", "http://xn--mnchen-3ya.de/", "http://XN--MNCHEN-3YA.de/", "http://xn--a.de/", "http://xn--zz/", "not a url", "1http://x/", "http://h:99999/", "http://h:8a/", "foo://h:x/", "http://u@/", "http:///", "file:///C:/a/../../x", "file:///C|/x", "file:C:/x", "file:///a/../C|/x", "file://server/C:/x", "file:///C:", "file:///C:?q", "file:///c:/x/..", "file://C|/x", "file://h:80/x", "file://a b/x", "file:///C:/x/../../y", "ws://h:65535/", "wss://h:443", "ftp://u@h:21/", "http://h:1:2/", "http://a@b@h/", "http://h/a?b'c", "http://h/#a`b", "ftp://h:21/",
	// the IPv6 parser and serializer
	"http://[::ffff:102:304]/", "http://[1::2:3:4:5:6:7]/", "http://[::1.2.3]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[0001:0DB8::]/",
	"http://[::01.2.3.4]/", "http://[1:2:3:4:5:6:1.2.3.4]/", "http://[1::2::3]/", "http://[::1.2.3.4:5]/", "http://[1:2:3:4:5:6:7::]/",
	"http://[:1]/", "http://[1:]/", "http://[12345::]/", "ws://[0:0:1:0:0:1:0:0]:8080/", "file://[1:0::]/x",
	// numeric hosts (wideParse's one-pass IPv4 branch)
	"http://0X7F.0XA/", "http://cafe.babe/", "http://cafe.0xbabe/", "http://a.0x1/", "http://0xg/", "http://1..2/", "http://0x1.0x2.0x3.0x4/",
	"http://08.1/", "http://0.0.0.0/", "http://255.255.255.255/", "http://1.2.3.4./", "http://0xffffffff/", "http://0.0x/", "http://x.1/",
	"http://0x0x1/", "http://00000000000000000001/", "http://0377.0xff.255.0/", "foo://0x7f.1/", "file://0x7f.1/x", "http://1.2.3.0x100/",
	// empty labels and a trailing dot (wideParse keeps them; a numeric host drops the dot)
	"http://a..b/", "http://.a/", "http://a./", "http://1.2.3.4../", "http://./", "http://../", "http://0x7f.1./", "http://A..B./",
	"http://a.1./", "http://.1/", "http://a.0x./", "http://xn--a../", "http://é..b/", "file://1.2.3.4./x", "http://09./", "http://0..0x300/",
	// empty opaque paths
	"foo:", "data:", "data:#x", "data:?q", "foo:?q#f", "blob:", "blob:#x",
	// uppercase hosts whose last label holds digits but is no number (the full parser's check)
	"http:A.-0", "HTTP://A.0-0/", "https://X.1A/",
	// host-less non-special paths that start with an empty segment ("/." before the path)
	"foo:/..//p", "foo:/.//p?q#f", "foo:/a/..//p", "foo:/x/../../..//p/../q", "foo:/%2e%2e//", "foo:/..///p", "blob:/..//p", "foo:/.//p/../..",
	// empty labels in IDN hosts, and hosts whose mapping empties a label
	"http://é..b/", "http://é./", "http://.é/", "http://é..1/", "http://é.xn--.b/", "http://é.XN--.b/", "http://\u00ad..b/", "http://é。。b/",
	"http://é..xn--a/", "http://ｘｎ--.é/", "http://é..xn--nxa/", "ws://a..é.", "http://%C3%A9..b/",
	// ASCII punycode labels Node keeps as written
	"http://xn--abc-.com/", "http://xn---qiwi/", "https://xn--xn--a-ecp.com/", "http://XN--A-/", "http://xn--_-/", "http://xn---/", "http://xn--a%2D/",
	// IDN hosts mixing in ASCII punycode labels, and labels that map to "xn--"
	"https://é.xn--abc-/", "ws://xn--a-.é/", "http://ｘｎ--/", "http://ｘｎ--xn---.com/", "http://xn--9caé.com/", "http://xn--c-s8k/",
	"http://é%2exn--abc-/", "http://xn--9caxn--a-ecp.com/", "http://a\u200cب/", "http://ب\u200cب/", "http://ק1a/",
	// ports with leading zeros on the fast path
	"https://h.example:0443/", "http://h:0080/x?y#z", "http://h:00/", "http://h:0/", "http://[::1]:0080/", "http://u:p@h:08080/", "ws://h:00080", "http://h:000080/"}

// FuzzURL checks that parsing never panics and that a parsed URL's href parses to itself.
func FuzzURL(f *testing.F) {
	for _, s := range urlSeeds {
		f.Add(s, "http://example.com/a/b")
	}
	for _, b := range []string{"HTTP://Example.COM:80/a/./b?q#f", "http://h/a b/", "mailto:x@y", "http://[::1]/x/", "http://0x7f.1/"} {
		f.Add("../x?y#z", b)
	}
	// fragments against opaque bases
	for _, b := range []string{"mailto:a@b", "mailto:a@b#x", "foo:x y", "foo:a ?q", "foo:a #q", "data:", "foo:?q", "javascript:x", "blob:https://a.com/x"} {
		f.Add("#f", b)
		f.Add("#", b)
		f.Add("#é`<> ", b)
		f.Add("x", b)
	}
	// relative inputs the parser cleans first (surrounding spaces and controls, tabs, newlines)
	for _, in := range []string{"  ../x\t?y ", "\n/a\tb", "\t#f", "\x01x\x02y\x7f", " //h/p ", "\t?\nq", " ", "\x00\x1f"} {
		f.Add(in, "http://example.com/a/b")
		f.Add(in, "file:///C:/a/b")
		f.Add(in, "foo://h/a")
	}
	f.Fuzz(func(t *testing.T, input, base string) {
		if !utf8.ValidString(input) || !utf8.ValidString(base) {
			return
		}
		u, ok := parse(input, nil, nil)
		if f, fast := fastParse(input); fast {
			if !ok {
				t.Fatalf("fastParse accepts %q, the parser does not", input)
			}
			got, want := fastComponents(&f), componentList(u)
			if !slices.Equal(got[:], want[:]) {
				t.Fatalf("fastParse(%q) = %q, parser %q", input, got, want)
			}
		}
		if _, _, reject := wideParseR(input, false); reject && ok {
			t.Fatalf("wideParse rejects %q, the parser does not", input)
		}
		if _, _, reject := wideParseR(input, true); reject {
			if _, valid := parse(input, &base, nil); valid {
				t.Fatalf("wideParse rejects %q (with base %q), the parser does not", input, base)
			}
		}
		if f, wide := wideParse(input, false); wide {
			if !ok {
				t.Fatalf("wideParse accepts %q, the parser does not", input)
			}
			got, want := fastComponents(&f), componentList(u)
			if !slices.Equal(got[:], want[:]) {
				t.Fatalf("wideParse(%q) = %q, parser %q", input, got, want)
			}
		}
		if ok {
			href := u.Href(false)
			v, ok := parse(href, nil, nil)
			if !ok {
				t.Fatalf("%q parsed to %q, which does not parse", input, href)
			}
			if v.Href(false) != href {
				t.Errorf("%q: href %q reparses as %q", input, href, v.Href(false))
			}
			_ = origin(u)
		}
		if b, ok := parse(base, nil, nil); ok {
			p := newParser()
			r, err := p.BasicParser(input, b, nil, 0)
			p.release()
			if fb, ok := fastParse(base); ok {
				if f, ok := resolveFast(input, &fb); ok {
					if err != nil {
						t.Fatalf("resolveFast(%q, %q) accepts, the parser does not", input, base)
					}
					got, want := fastComponents(&f), componentList(r)
					if !slices.Equal(got[:], want[:]) {
						t.Fatalf("resolveFast(%q, %q) = %q, parser %q", input, base, got, want)
					}
				}
			}
		}
		// new URL(input, base) as the constructor parses it (fast paths, normalized bases),
		// against the full parser
		st := &objects{bases: &baseCache{}}
		got, gok := st.parseStandard(input, &base) // before adaDotDotFix, which the parser lacks
		var want [nComp]string
		u, wok := parse(input, &base, nil)
		if wok {
			want = componentList(u)
		}
		if gok != wok || got != want {
			t.Fatalf("new URL(%q, %q) = %q %v, parser %q %v", input, base, got, gok, want, wok)
		}
		_ = domainToASCII(input)
		_ = domainToUnicode(input)
	})
}

// FuzzParams checks that application/x-www-form-urlencoded serializing and parsing round-trip.
func FuzzParams(f *testing.F) {
	for _, s := range []string{"a=1&b=2", "a+b=c%20d", "%zz=%E2%82", "é=😀&&=", "?x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		list := parseParams(s)
		b := make([]byte, 0)
		for i := 0; i+1 < len(list); i += 2 {
			if i > 0 {
				b = append(b, '&')
			}
			b = append(b, formEncodeString(list[i])...)
			b = append(b, '=')
			b = append(b, formEncodeString(list[i+1])...)
		}
		if again := parseParams(string(b)); !slices.Equal(again, list) {
			t.Errorf("%q -> %q -> %q -> %q", s, list, b, again)
		}
	})
}
