package url

import (
	"net/netip"
	"testing"
)

// TestParseIPv6 checks the URL Standard IPv6 parser against net/netip on inputs both must agree
// on (netip takes no zones here; the URL Standard rejects them too).
func TestParseIPv6(t *testing.T) {
	for _, s := range []string{
		"::", "::1", "1::", "1::2", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::ffff:192.168.0.1",
		"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "0:0:0:0:0:0:0:0", "fe80::1:2",
		"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1", "1:", "1:::2", "1::2::3", "12345::", "::1.2.3",
		"::1.2.3.4.5", "::01.2.3.4", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "",
		":", ":::", "1::2:", "::ffff:0.0.0.0", "0001:0002::000a", "a:b:c:d:e:f:0:1", "::1.",
		"1.2.3.4", "::.1.2.3", "::1..2.3", "g::", "1::2:3:4:5:6:7", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
	} {
		got, ok := parseIPv6(s)
		a, err := netip.ParseAddr(s)
		want := err == nil && a.Is6()
		if ok != want {
			t.Errorf("%q: ok %v, netip %v", s, ok, want)
			continue
		}
		if ok {
			b := a.As16()
			for i := range got {
				if got[i] != uint16(b[2*i])<<8|uint16(b[2*i+1]) {
					t.Errorf("%q: %x, netip %v", s, got, a)
					break
				}
			}
		}
	}
}

// TestScratchReuse checks that components made through the per-runtime scratch buffer do not
// share it: parsing more URLs leaves earlier results as they were.
func TestScratchReuse(t *testing.T) {
	st := &objects{bases: &baseCache{}}
	inputs := []string{"mailto:Joe@Example.COM?subject=hi there", "HTTP://A.B/x y", "https://u:p@h.example:0443/a",
		"javascript:void(0)", "foo://H/%zz y#z w", "http://[0:0::1]/"}
	var got [][nComp]string
	for _, s := range inputs {
		c, ok := st.parseComponents(s, nil)
		if !ok {
			t.Fatalf("%q does not parse", s)
		}
		got = append(got, c)
	}
	for i, s := range inputs {
		want, _ := (&objects{bases: &baseCache{}}).parseComponents(s, nil)
		if got[i] != want {
			t.Errorf("%q: %q after more parses, want %q", s, got[i], want)
		}
	}
}

// TestLibraryShapesServed checks that the shapes the full parser used to serve (the
// VsNode/library rows) are served by the fast paths, with Node 20's results.
func TestLibraryShapesServed(t *testing.T) {
	for _, c := range [][4]string{ // input, href, host, pathname (from node 20)
		{"foo:/..//p", "foo:/.//p", "", "//p"},
		{"foo:/a/../..//p?q#f", "foo:/.//p?q#f", "", "//p"},
		{"foo:/.//", "foo:/.//", "", "//"},
		{"foo:/..//p7", "foo:/.//p7", "", "//p7"},
		{"http://é..b/", "http://xn--9ca..b/", "xn--9ca..b", "/"},
		{"http://é./", "http://xn--9ca./", "xn--9ca.", "/"},
		{"ws://.é..x/", "ws://.xn--9ca..x/", ".xn--9ca..x", "/"},
		{"http://é..b/7", "http://xn--9ca..b/7", "xn--9ca..b", "/7"},
		{"http://xn--a.com/", "", "", ""}, // invalid: Node's URL.canParse is false
		{"http://xn--a.com/3", "", "", ""},
		{"http://é.xn--.b/", "", "", ""},
		{"https://a.XN--0/", "", "", ""},
		{"http://é..1/", "", "", ""},
	} {
		st := &objects{bases: &baseCache{}}
		got, ok := st.parseComponents(c[0], nil)
		if ok != (c[1] != "") || got[cHref] != c[1] || got[cHost] != c[2] || got[cPathname] != c[3] {
			t.Errorf("%q: %v %q, want %q", c[0], ok, got, c[1:])
		}
		if len(st.slow) != 0 {
			t.Errorf("%q reaches the full parser", c[0])
		}
	}
}

// TestAdaPunycode checks ASCII punycode labels as Node 20 (Ada) reads them: kept as written
// when they decode to a valid label, even one that is not how the encoder writes it.
func TestAdaPunycode(t *testing.T) {
	for _, c := range [][2]string{ // input, href ("": invalid), from node 20
		{"http://xn--abc-.com/", "http://xn--abc-.com/"},
		{"http://xn---qiwi/", "http://xn---qiwi/"},
		{"https://xn--xn--a-ecp.com/", "https://xn--xn--a-ecp.com/"},
		{"http://XN--A-/", "http://xn--a-/"},
		{"http://xn--_-/", "http://xn--_-/"},
		{"http://xn---/", ""},
		{"http://xn--a-ecp.com/", ""},
		{"http://xn--nxa.xn--abc-/", "http://xn--nxa.xn--abc-/"},
		{"http://xn--0/", ""},
	} {
		st := &objects{bases: &baseCache{}}
		got, ok := st.parseComponents(c[0], nil)
		if ok != (c[1] != "") || got[cHref] != c[1] {
			t.Errorf("%q: %v %q, want %q", c[0], ok, got[cHref], c[1])
		}
		if u, ok := parse(c[0], nil, nil); ok != (c[1] != "") || ok && u.Href(false) != c[1] {
			t.Errorf("full parser %q: %v, want %q", c[0], ok, c[1])
		}
	}
}
