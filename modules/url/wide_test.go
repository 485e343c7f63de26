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
