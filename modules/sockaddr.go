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

// GuessHandleType is node's guessHandleType (libuv's uv_guess_handle) for a descriptor: "TCP"
// and "UDP" for IP stream and datagram sockets, "PIPE" for a Unix stream socket or a FIFO,
// "TTY", "FILE" (a file or another device), "UNKNOWN" (any other socket, a bad descriptor).
func GuessHandleType(fd int) string {
	if fd < 0 {
		return "UNKNOWN"
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return "UNKNOWN"
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		return "FILE"
	case unix.S_IFCHR:
		if _, err := unix.IoctlGetTermios(fd, unix.TCGETS); err == nil {
			return "TTY"
		}
		return "FILE"
	case unix.S_IFIFO:
		return "PIPE"
	case unix.S_IFSOCK:
	default:
		return "UNKNOWN"
	}
	t, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TYPE)
	if err != nil {
		return "UNKNOWN"
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return "UNKNOWN"
	}
	ip := false
	switch sa.(type) {
	case *unix.SockaddrInet4, *unix.SockaddrInet6:
		ip = true
	}
	switch {
	case t == unix.SOCK_STREAM && ip:
		return "TCP"
	case t == unix.SOCK_STREAM:
		if _, ok := sa.(*unix.SockaddrUnix); ok {
			return "PIPE"
		}
	case t == unix.SOCK_DGRAM && ip:
		return "UDP"
	}
	return "UNKNOWN"
}
