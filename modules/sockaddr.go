package modules

import (
	"net"
	"net/netip"
	"strconv"

	"golang.org/x/sys/unix"
)

// SockaddrIP describes an IP socket address as Node prints one (address(), rinfo): the address,
// an IPv6 one with its zone as "%name" (or "%index" when no interface has that index), "IPv4" or
// "IPv6", and the port. ok is false for any other kind of address.
func SockaddrIP(sa unix.Sockaddr) (address, family string, port int, ok bool) {
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return netip.AddrFrom4(a.Addr).String(), "IPv4", a.Port, true
	case *unix.SockaddrInet6:
		addr := netip.AddrFrom16(a.Addr).String()
		if a.ZoneId != 0 {
			if ifi, err := net.InterfaceByIndex(int(a.ZoneId)); err == nil {
				addr += "%" + ifi.Name
			} else {
				addr += "%" + strconv.Itoa(int(a.ZoneId))
			}
		}
		return addr, "IPv6", a.Port, true
	}
	return "", "", 0, false
}
