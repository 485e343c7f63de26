package dgram

import (
	"encoding/binary"
	"math"
	"net/netip"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/sys/unix"
)

// udpProto returns the shared prototype of the JS socket handles (UDPWrap's methods): each
// method finds its socket through the handle object. Methods return 0 or a negative errno unless
// they say otherwise.
func (s *state) udpProto() *goja.Object {
	if s.proto != nil {
		return s.proto
	}
	vm := s.vm
	o := vm.NewObject()
	s.proto = o
	num := func(n int) goja.Value { return vm.ToValue(n) }
	set := func(name string, fn func(sk *sock, c goja.FunctionCall) goja.Value) {
		o.Set(name, func(c goja.FunctionCall) goja.Value {
			sk := s.sockOf(c.This)
			if sk == nil {
				return num(-int(unix.EBADF))
			}
			return fn(sk, c)
		})
	}
	// needFD is the errno of an option set on a socket without a descriptor.
	needFD := func(sk *sock) int {
		if sk.closed || sk.pf.FD < 0 {
			return -int(unix.EBADF)
		}
		return 0
	}
	intOpt := func(sk *sock, level, opt, v int) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		return num(errno(unix.SetsockoptInt(sk.pf.FD, level, opt, v)))
	}

	// bind(ip, port, reuseAddr, ipv6Only, reusePort)
	set("bind", func(sk *sock, c goja.FunctionCall) goja.Value {
		return num(sk.bind(c.Argument(0).String(), int(c.Argument(1).ToInteger()), c.Argument(2).ToBoolean(),
			c.Argument(3).ToBoolean(), c.Argument(4).ToBoolean()))
	})
	// open(fd) adopts a datagram socket descriptor (bind({ fd })).
	set("open", func(sk *sock, c goja.FunctionCall) goja.Value {
		fd := int(c.Argument(0).ToInteger())
		if sk.closed || sk.handle != nil || sk.pf.FD >= 0 {
			return num(-int(unix.EINVAL))
		}
		// a descriptor another socket of this loop has is libuv's EEXIST (uv__fd_exists)
		for other := range s.socks {
			if other.pf.FD == fd && !other.closed {
				return num(-int(unix.EEXIST))
			}
		}
		if t, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TYPE); err != nil || t != unix.SOCK_DGRAM {
			if err != nil {
				return num(errno(err))
			}
			return num(-int(unix.EINVAL))
		}
		if err := unix.SetNonblock(fd, true); err != nil {
			return num(errno(err))
		}
		unix.CloseOnExec(fd)
		sk.pf.FD = fd
		if err := sk.activate(); err != nil {
			return num(errno(err))
		}
		return num(0)
	})
	set("recvStart", func(sk *sock, c goja.FunctionCall) goja.Value {
		if sk.closed || sk.handle == nil {
			return num(-int(unix.EBADF))
		}
		sk.reading = true
		sk.update()
		return num(0)
	})
	set("recvStop", func(sk *sock, c goja.FunctionCall) goja.Value {
		sk.reading = false
		sk.update()
		return num(0)
	})
	// send(list of ArrayBufferViews, port, ip, oncomplete|undefined): port 0 sends on the
	// connected socket. See sock.send for the result.
	set("send", func(sk *sock, c goja.FunctionCall) goja.Value {
		r := &sendReq{}
		list := c.Argument(0).(*goja.Object)
		n := int(list.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			b := viewBytes(list.Get(itoa(i)).(*goja.Object))
			r.bufs = append(r.bufs, b)
			r.size += len(b)
		}
		if port := int(c.Argument(1).ToInteger()); port != 0 {
			sa, err := sockaddr(c.Argument(2).String(), port, sk.family)
			if err != nil {
				return num(errno(err))
			}
			r.to = sa
		}
		if f, ok := goja.AssertFunction(c.Argument(3)); ok {
			r.cb = f
		}
		if len(r.bufs) == 0 {
			r.bufs = [][]byte{{}}
		}
		res := sk.send(r)
		if res != 0 {
			r.bufs = nil
		} else {
			// The bytes must stay as they are until sent: keep a private copy.
			for i, b := range r.bufs {
				r.bufs[i] = append([]byte(nil), b...)
			}
		}
		return num(res)
	})
	set("connect", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		sa, err := sockaddr(c.Argument(0).String(), int(c.Argument(1).ToInteger()), sk.family)
		if err != nil {
			return num(errno(err))
		}
		return num(errno(unix.Connect(sk.pf.FD, sa)))
	})
	set("disconnect", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		// connect to AF_UNSPEC dissolves the association.
		var raw [16]byte
		_, _, en := unix.Syscall(unix.SYS_CONNECT, uintptr(sk.pf.FD), uintptr(unsafe.Pointer(&raw[0])), uintptr(len(raw)))
		if en != 0 && en != unix.EAFNOSUPPORT {
			return num(-int(en))
		}
		return num(0)
	})
	set("getsockname", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		sa, err := unix.Getsockname(sk.pf.FD)
		if err != nil {
			return num(errno(err))
		}
		return outAddr(vm, c.Argument(0), s.addrObject(sa, -1))
	})
	set("getpeername", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(-int(unix.ENOTCONN))
		}
		sa, err := unix.Getpeername(sk.pf.FD)
		if err != nil {
			return num(errno(err))
		}
		return outAddr(vm, c.Argument(0), s.addrObject(sa, -1))
	})
	set("setBroadcast", func(sk *sock, c goja.FunctionCall) goja.Value {
		return intOpt(sk, unix.SOL_SOCKET, unix.SO_BROADCAST, int(c.Argument(0).ToInteger()))
	})
	set("setTTL", func(sk *sock, c goja.FunctionCall) goja.Value {
		ttl := int(c.Argument(0).ToInteger())
		if ttl < 1 || ttl > 255 {
			return num(-int(unix.EINVAL))
		}
		if sk.family == unix.AF_INET6 {
			return intOpt(sk, unix.IPPROTO_IPV6, unix.IPV6_UNICAST_HOPS, ttl)
		}
		return intOpt(sk, unix.IPPROTO_IP, unix.IP_TTL, ttl)
	})
	set("setMulticastTTL", func(sk *sock, c goja.FunctionCall) goja.Value {
		ttl := int(c.Argument(0).ToInteger())
		if ttl < 0 || ttl > 255 {
			return num(-int(unix.EINVAL))
		}
		if sk.family == unix.AF_INET6 {
			return intOpt(sk, unix.IPPROTO_IPV6, unix.IPV6_MULTICAST_HOPS, ttl)
		}
		return intOpt(sk, unix.IPPROTO_IP, unix.IP_MULTICAST_TTL, ttl)
	})
	set("setMulticastLoopback", func(sk *sock, c goja.FunctionCall) goja.Value {
		v := int(c.Argument(0).ToInteger())
		if sk.family == unix.AF_INET6 {
			return intOpt(sk, unix.IPPROTO_IPV6, unix.IPV6_MULTICAST_LOOP, v)
		}
		return intOpt(sk, unix.IPPROTO_IP, unix.IP_MULTICAST_LOOP, v)
	})
	set("setMulticastInterface", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		// As libuv's uv_udp_set_multicast_interface: the address's own family picks the option,
		// whatever the socket's (an IPv6 address on a udp4 socket is the kernel's ENOPROTOOPT).
		iface := c.Argument(0).String()
		if a, err := netip.ParseAddr(iface); err == nil && a.Is4() {
			return num(errno(unix.SetsockoptInet4Addr(sk.pf.FD, unix.IPPROTO_IP, unix.IP_MULTICAST_IF, a.As4())))
		}
		idx, ok := v6Interface(iface)
		if !ok {
			return num(-int(unix.EINVAL))
		}
		return intOpt(sk, unix.IPPROTO_IPV6, unix.IPV6_MULTICAST_IF, int(idx))
	})
	membership := func(join bool) func(sk *sock, c goja.FunctionCall) goja.Value {
		return func(sk *sock, c goja.FunctionCall) goja.Value {
			// as libuv: a group that is no address is EINVAL before the implicit bind
			group, err := netip.ParseAddr(c.Argument(0).String())
			if err != nil {
				return num(-int(unix.EINVAL))
			}
			if e := sk.implicitBind(); e != 0 {
				return num(e)
			}
			iface := ""
			if a := c.Argument(1); !goja.IsUndefined(a) && !goja.IsNull(a) {
				iface = a.String()
			}
			if sk.family == unix.AF_INET6 {
				m := &unix.IPv6Mreq{Multiaddr: group.As16()}
				if iface != "" {
					idx, ok := v6Interface(iface)
					if !ok {
						return num(-int(unix.EINVAL))
					}
					m.Interface = idx
				}
				opt := unix.IPV6_JOIN_GROUP
				if !join {
					opt = unix.IPV6_LEAVE_GROUP
				}
				return num(errno(unix.SetsockoptIPv6Mreq(sk.pf.FD, unix.IPPROTO_IPV6, opt, m)))
			}
			if !group.Is4() {
				return num(-int(unix.EINVAL))
			}
			m := &unix.IPMreq{Multiaddr: group.As4()}
			if iface != "" {
				ia, err := netip.ParseAddr(iface)
				if err != nil || !ia.Is4() {
					return num(-int(unix.EINVAL))
				}
				m.Interface = ia.As4()
			}
			opt := unix.IP_ADD_MEMBERSHIP
			if !join {
				opt = unix.IP_DROP_MEMBERSHIP
			}
			return num(errno(unix.SetsockoptIPMreq(sk.pf.FD, unix.IPPROTO_IP, opt, m)))
		}
	}
	set("addMembership", membership(true))
	set("dropMembership", membership(false))
	ssm := func(join bool) func(sk *sock, c goja.FunctionCall) goja.Value {
		return func(sk *sock, c goja.FunctionCall) goja.Value {
			// as libuv: source and group are parsed before the implicit bind
			for _, a := range c.Arguments[:min(2, len(c.Arguments))] {
				if _, err := netip.ParseAddr(a.String()); err != nil {
					return num(-int(unix.EINVAL))
				}
			}
			if e := sk.implicitBind(); e != 0 {
				return num(e)
			}
			return num(sk.sourceMembership(c.Argument(0).String(), c.Argument(1).String(), optString(c.Argument(2)), join))
		}
	}
	set("addSourceSpecificMembership", ssm(true))
	set("dropSourceSpecificMembership", ssm(false))
	// bufferSize(size, recv) gets (size 0) or sets the kernel buffer size; it returns the size or
	// a negative errno.
	set("bufferSize", func(sk *sock, c goja.FunctionCall) goja.Value {
		if e := needFD(sk); e != 0 {
			return num(e)
		}
		size := c.Argument(0).ToInteger()
		// as node's binding: a size past INT32_MAX is EINVAL, not a wrapped setsockopt value
		if size > math.MaxInt32 {
			return num(errno(unix.EINVAL))
		}
		opt := unix.SO_SNDBUF
		if c.Argument(1).ToBoolean() {
			opt = unix.SO_RCVBUF
		}
		if size == 0 {
			v, err := unix.GetsockoptInt(sk.pf.FD, unix.SOL_SOCKET, opt)
			if err != nil {
				return num(errno(err))
			}
			return num(v)
		}
		if err := unix.SetsockoptInt(sk.pf.FD, unix.SOL_SOCKET, opt, int(size)); err != nil {
			return num(errno(err))
		}
		return num(int(size))
	})
	// getAsyncId is the UDPWRAP async id of the socket (async_hooks), from its creation
	set("getAsyncId", func(sk *sock, c goja.FunctionCall) goja.Value {
		id, _ := sk.listed.AsyncID()
		return vm.ToValue(id)
	})
	set("getSendQueueSize", func(sk *sock, c goja.FunctionCall) goja.Value { return num(sk.queueSize()) })
	set("getSendQueueCount", func(sk *sock, c goja.FunctionCall) goja.Value { return num(len(sk.wq)) })
	set("ref", func(sk *sock, c goja.FunctionCall) goja.Value {
		sk.unrefed = false
		sk.listed.SetJSRef(true)
		if sk.handle != nil {
			sk.handle.Ref()
		}
		return goja.Undefined()
	})
	set("unref", func(sk *sock, c goja.FunctionCall) goja.Value {
		sk.unrefed = true
		sk.listed.SetJSRef(false)
		if sk.handle != nil {
			sk.handle.Unref()
		}
		return goja.Undefined()
	})
	set("hasRef", func(sk *sock, c goja.FunctionCall) goja.Value {
		return vm.ToValue(!sk.closed && !sk.unrefed)
	})
	set("close", func(sk *sock, c goja.FunctionCall) goja.Value { sk.close(); return goja.Undefined() })
	// fd is a getter, as on node's UDP handle (UV_EBADF without a descriptor)
	o.DefineAccessorProperty("fd", modules.Func(vm, "", 0, func(c goja.FunctionCall) goja.Value {
		sk := s.sockOf(c.This)
		if sk == nil || sk.closed || sk.pf.FD < 0 {
			return num(-int(unix.EBADF))
		}
		return num(sk.pf.FD)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return o
}

func optString(v goja.Value) string {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

// viewBytes is the bytes o, an ArrayBufferView, views: read in place for a Buffer (any
// Uint8Array, Int8Array or Uint8ClampedArray), else from its buffer, byteOffset and byteLength.
func viewBytes(o *goja.Object) []byte {
	if b, ok := buffer.ByteView(o); ok {
		return b
	}
	ab, _ := modules.ExportAs[goja.ArrayBuffer](o.Get("buffer"))
	off, ln := int(o.Get("byteOffset").ToInteger()), int(o.Get("byteLength").ToInteger())
	return ab.Bytes()[off : off+ln]
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// v6Interface finds the interface index an IPv6 multicast interface names: "::%eth0",
// "fe80::1%2", or an interface's address.
func v6Interface(s string) (uint32, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return 0, false
	}
	if z := a.Zone(); z != "" {
		return zoneID(z), true
	}
	return 0, true
}

// sourceMembership joins or leaves a source-specific multicast group.
func (sk *sock) sourceMembership(source, group, iface string, join bool) int {
	src, err1 := netip.ParseAddr(source)
	grp, err2 := netip.ParseAddr(group)
	if err1 != nil || err2 != nil {
		return -int(unix.EINVAL)
	}
	if sk.family == unix.AF_INET {
		if !src.Is4() || !grp.Is4() {
			return -int(unix.EINVAL)
		}
		var ifa [4]byte
		if iface != "" {
			ia, err := netip.ParseAddr(iface)
			if err != nil || !ia.Is4() {
				return -int(unix.EINVAL)
			}
			ifa = ia.As4()
		}
		// struct ip_mreq_source: multiaddr, interface, sourceaddr.
		var req [12]byte
		g := grp.As4()
		sa := src.As4()
		copy(req[0:4], g[:])
		copy(req[4:8], ifa[:])
		copy(req[8:12], sa[:])
		opt := unix.IP_ADD_SOURCE_MEMBERSHIP
		if !join {
			opt = unix.IP_DROP_SOURCE_MEMBERSHIP
		}
		return errno(unix.SetsockoptString(sk.pf.FD, unix.IPPROTO_IP, opt, string(req[:])))
	}
	var idx uint32
	if iface != "" {
		var ok bool
		if idx, ok = v6Interface(iface); !ok {
			return -int(unix.EINVAL)
		}
	}
	// struct group_source_req: interface (padded to 8), then two sockaddr_storage.
	var req [8 + 128 + 128]byte
	binary.NativeEndian.PutUint32(req[0:4], idx)
	putSockaddr6 := func(b []byte, a netip.Addr) {
		binary.NativeEndian.PutUint16(b[0:2], unix.AF_INET6)
		ip := a.As16()
		copy(b[8:24], ip[:])
	}
	putSockaddr6(req[8:136], grp)
	putSockaddr6(req[136:264], src)
	opt := unix.MCAST_JOIN_SOURCE_GROUP
	if !join {
		opt = unix.MCAST_LEAVE_SOURCE_GROUP
	}
	return errno(unix.SetsockoptString(sk.pf.FD, unix.IPPROTO_IPV6, opt, string(req[:])))
}

// outAddr is getsockname/getpeername's result: given an object (node's handle API,
// handle.getsockname(out)), the address goes into it and the result is 0; else the address
// object itself (the glue's own calls).
func outAddr(vm *goja.Runtime, out goja.Value, addr goja.Value) goja.Value {
	o, ok := out.(*goja.Object)
	if !ok {
		return addr
	}
	a := addr.(*goja.Object)
	for _, k := range a.Keys() {
		o.Set(k, a.Get(k))
	}
	return vm.ToValue(0)
}
