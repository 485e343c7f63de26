package net

import (
	"encoding/hex"
	"math/big"
	"net/netip"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// ipFamily returns 4 or 6 for a textual IP address as Node's isIP accepts it, or 0.
func ipFamily(s string) int {
	a, err := netip.ParseAddr(s)
	if err != nil || !zoneChars(a.Zone()) {
		return 0
	}
	if a.Is4() {
		return 4
	}
	return 6
}

// zoneChars reports whether an IPv6 zone has only the characters node's isIP accepts in one
// (letters, digits, '-', '.', ':'); Go's parser takes any.
func zoneChars(z string) bool {
	for i := 0; i < len(z); i++ {
		c := z[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

func parseAs(s string, fam int) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	if fam == 4 {
		if a.Is4In6() {
			a = a.Unmap()
		}
		return a, a.Is4()
	}
	if a.Is4() {
		return netip.AddrFrom16(a.As16()), true
	}
	return a.WithZone(""), true
}

// key is a fixed-width hex string that orders addresses of one family.
func key(a netip.Addr) string {
	b := a.AsSlice()
	return hex.EncodeToString(b)
}

func bindAddr(s *state, b *modules.LazyFuncs) {
	b.Set("isIP", ipFamily)
	b.Set("normalizeIP", func(addr string, fam int) goja.Value {
		a, ok := parseAs(addr, fam)
		if !ok || (fam == 6 && ipFamily(addr) != 6) {
			return goja.Null()
		}
		return s.vm.ToValue(a.String())
	})
	// ipKey(addr, fam[, prefix, last]) returns the address's key, or the first/last key of its
	// subnet when prefix is given; null if addr is not of family fam.
	b.Set("ipKey", func(c goja.FunctionCall) goja.Value {
		addr := c.Argument(0).String()
		fam := int(c.Argument(1).ToInteger())
		a, ok := parseAs(addr, fam)
		if !ok {
			return goja.Null()
		}
		if goja.IsUndefined(c.Argument(2)) {
			return s.vm.ToValue(key(a))
		}
		prefix := int(c.Argument(2).ToInteger())
		p, err := a.Prefix(prefix)
		if err != nil {
			return goja.Null()
		}
		first := p.Addr()
		if !c.Argument(3).ToBoolean() {
			return s.vm.ToValue(key(first))
		}
		bits := first.BitLen()
		n := new(big.Int).SetBytes(first.AsSlice())
		host := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits-prefix)), big.NewInt(1))
		n.Or(n, host)
		buf := make([]byte, bits/8)
		n.FillBytes(buf)
		last, _ := netip.AddrFromSlice(buf)
		return s.vm.ToValue(key(last))
	})
	b.Set("ipKeyAs", func(addr string, fam, target int) goja.Value {
		a, ok := parseAs(addr, fam)
		if !ok {
			return goja.Null()
		}
		if target == 6 {
			if a.Is4() {
				a = netip.AddrFrom16(a.As16())
			}
			return s.vm.ToValue(key(a))
		}
		if a.Is4In6() {
			return s.vm.ToValue(key(a.Unmap()))
		}
		return goja.Null()
	})
}
