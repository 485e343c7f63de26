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
