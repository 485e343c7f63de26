// Package dgram implements Node's "dgram" module: UDP datagram sockets (udp4 and udp6).
// See https://nodejs.org/docs/latest-v20.x/api/dgram.html.
//
// Go owns the sockets; the JS glue (dgram.js) shapes them into Node's Socket (an EventEmitter).
// As in libuv, a socket's descriptor is created when it binds. Bound sockets are non-blocking
// descriptors in the runtime's epoll set (the runtime's one eventloop.Poller, shared with net):
// while a socket is receiving, the poller reports it readable and the loop reads one datagram per
// report and hands it to JS. Sends are tried at once on the loop; a datagram the kernel does not
// take waits for EPOLLOUT. A bound socket is an eventloop Handle (ref/unref), closed with the
// socket or when the runtime closes.
package dgram

import (
	_ "embed"
	"net"
	"net/netip"
	"strconv"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

//go:embed dgram.js
var glue string

// Module is "dgram".
var Module = modules.Module{Name: "dgram", Bind: bind, JSRef: &glue}

// maxDatagram is the largest UDP payload (and the receive buffer's size).
const maxDatagram = 64 * 1024

type state struct {
	h     *modules.Host
	vm    *goja.Runtime
	poll  *eventloop.Poller
	socks map[*sock]struct{}
	rbuf  []byte
	proto *goja.Object
	objs  map[*goja.Object]*sock // handle objects of sockets not yet closed
}

type sendReq struct {
	bufs [][]byte
	to   unix.Sockaddr
	size int
	cb   goja.Callable // oncomplete(status, sent), nil when JS wants no callback
}

type sock struct {
	s       *state
	family  int              // unix.AF_INET or unix.AF_INET6
	pf      eventloop.PollFD // the descriptor (-1 until bound or an option needs it)
	handle  *eventloop.Handle
	unrefed bool
	reading bool
	closed  bool
	wq      []*sendReq
	obj     *goja.Object
	// listed is the socket in process._getActiveHandles() (as UDPWrap, listing owner, the
	// dgram.Socket): from creation, bound or not, while JS has it referenced, as node's. It
	// keeps nothing alive itself (handle does, once bound).
	listed *eventloop.Handle
}

func bind(h *modules.Host, b *goja.Object) error {
	s := &state{h: h, vm: h.VM, socks: map[*sock]struct{}{}, objs: map[*goja.Object]*sock{}}
	h.Loop.NewHandle(s.stopAll).Unref()
	b.Set("newSocket", s.newSocket)
	b.Set("udpProto", s.udpProto())
	b.Set("errname", func(errno int) string {
		code, _ := modules.ErrnoCode(syscall.Errno(-errno))
		return code
	})
	b.Set("describe", func(v goja.Value) string { return modules.DescribeReceived(v) })
	b.Set("guessHandleType", modules.GuessHandleType)
	// setOwner(handle, socket) lists handle under socket in process._getActiveHandles(), as a
	// handle newSocket made for it (one a cluster worker received from the primary).
	b.Set("setOwner", func(handle *goja.Object, owner *goja.Object) {
		if sk := s.objs[handle]; sk != nil && owner != nil {
			sk.listed.SetKind("UDPWrap", owner)
		}
	})
	b.Set("check", func(resource string) goja.Value {
		if err := h.Check(modules.ScopeNet, resource); err != nil {
			return h.ToJS(err)
		}
		return goja.Undefined()
	})
	return nil
}

func (s *state) stopAll() {
	for sk := range s.socks {
		sk.close()
	}
	if s.poll != nil {
		s.poll.Shutdown()
		s.poll = nil
	}
}

// errno maps an error to a negative errno (0 for nil).
func errno(err error) int {
	if err == nil {
		return 0
	}
	if en := modules.ErrnoOf(err); en != 0 {
		return -int(en)
	}
	return -int(syscall.EINVAL)
}

// sockaddr parses an IP address (with an optional %zone) and a port for a socket of family fam.
// An IPv4 address on a udp6 socket is EINVAL (its v4-mapped form is taken), as node's
// sockaddr_for_family parses the address of a bind, send or connect.
func sockaddr(host string, port int, fam int) (unix.Sockaddr, error) {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return nil, unix.EINVAL
	}
	if fam == unix.AF_INET6 && a.Is4() {
		return nil, unix.EINVAL
	}
	if fam == unix.AF_INET {
		if a.Is4In6() {
			a = a.Unmap()
		}
		if !a.Is4() {
			return nil, unix.EINVAL
		}
		return &unix.SockaddrInet4{Port: port, Addr: a.As4()}, nil
	}
	sa := &unix.SockaddrInet6{Port: port, Addr: a.WithZone("").As16()}
	if z := a.Zone(); z != "" {
		sa.ZoneId = zoneID(z)
	}
	return sa, nil
}

func zoneID(z string) uint32 {
	if ifi, err := net.InterfaceByName(z); err == nil {
		return uint32(ifi.Index)
	}
	if n, err := strconv.Atoi(z); err == nil {
		return uint32(n)
	}
	return 0
}

// addrObject is {address, family, port}, with size appended when size >= 0 (a message's rinfo).
func (s *state) addrObject(sa unix.Sockaddr, size int) goja.Value {
	o := s.vm.NewObject()
	addr, family, port, ok := modules.SockaddrIP(sa)
	if !ok {
		return o
	}
	o.Set("address", addr)
	o.Set("family", family)
	o.Set("port", port)
	if size >= 0 {
		o.Set("size", size)
	}
	return o
}

// newSocket(type, owner) returns the JS handle of a socket that has no descriptor yet; owner is
// the dgram.Socket (if any) that process._getActiveHandles() lists for it.
func (s *state) newSocket(typ string, owner goja.Value) *goja.Object {
	sk := &sock{s: s, family: unix.AF_INET, pf: eventloop.PollFD{FD: -1}}
	if typ == "udp6" {
		sk.family = unix.AF_INET6
	}
	o := s.vm.NewObject()
	o.SetPrototype(s.udpProto())
	sk.obj = o
	sk.listed = s.h.Loop.NewHandle(nil)
	sk.listed.Unref()
	sk.listed.SetJSRef(true)
	if ow, ok := owner.(*goja.Object); ok {
		sk.listed.SetKind("UDPWrap", ow)
	} else {
		sk.listed.SetKind("UDPWrap", o)
	}
	s.objs[o] = sk
	return o
}

// open creates the descriptor (on bind, or before an option that needs one). Loop only.
func (sk *sock) open() error {
	if sk.closed {
		return unix.EBADF
	}
	if sk.pf.FD >= 0 {
		return nil
	}
	fd, err := unix.Socket(sk.family, unix.SOCK_DGRAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	sk.pf.FD = fd
	return nil
}

// implicitBind binds a socket that is not bound yet to the wildcard address and port 0, with
// SO_REUSEADDR, as libuv does before a multicast membership change (uv__udp_maybe_deferred_bind).
// The socket stays unbound for JS (no handle, not receiving), as in node. Loop only.
func (sk *sock) implicitBind() int {
	if sk.closed {
		return -int(unix.EBADF)
	}
	if sk.handle != nil {
		return 0
	}
	if err := sk.open(); err != nil {
		return errno(err)
	}
	if sa, err := unix.Getsockname(sk.pf.FD); err == nil {
		switch a := sa.(type) {
		case *unix.SockaddrInet4:
			if a.Port != 0 {
				return 0
			}
		case *unix.SockaddrInet6:
			if a.Port != 0 {
				return 0
			}
		}
	}
	any := "0.0.0.0"
	if sk.family == unix.AF_INET6 {
		any = "::"
	}
	sa, err := sockaddr(any, 0, sk.family)
	if err != nil {
		return errno(err)
	}
	if err := unix.SetsockoptInt(sk.pf.FD, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
		return errno(err)
	}
	return errno(unix.Bind(sk.pf.FD, sa))
}

// activate registers the bound socket with the poller and makes it a loop handle.
func (sk *sock) activate() error {
	s := sk.s
	if s.poll == nil {
		p, err := eventloop.NewPoller(s.h.Loop)
		if err != nil {
			return err
		}
		s.poll = p
	}
	s.poll.Add(&sk.pf, sk)
	s.socks[sk] = struct{}{}
	sk.handle = s.h.Loop.NewHandle(sk.close)
	if sk.unrefed {
		sk.handle.Unref()
	}
	return nil
}

func (sk *sock) bind(ip string, port int, reuseAddr, ipv6Only, reusePort bool) int {
	if sk.closed {
		return -int(unix.EBADF)
	}
	if sk.handle != nil {
		return -int(unix.EINVAL)
	}
	sa, err := sockaddr(ip, port, sk.family)
	if err != nil {
		return errno(err)
	}
	if err := sk.open(); err != nil {
		return errno(err)
	}
	if reuseAddr {
		if err := unix.SetsockoptInt(sk.pf.FD, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
			return errno(err)
		}
	}
	if reusePort {
		if err := unix.SetsockoptInt(sk.pf.FD, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1); err != nil {
			return errno(err)
		}
	}
	if sk.family == unix.AF_INET6 {
		v := 0
		if ipv6Only {
			v = 1
		}
		if err := unix.SetsockoptInt(sk.pf.FD, unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, v); err != nil {
			return errno(err)
		}
	}
	if err := unix.Bind(sk.pf.FD, sa); err != nil {
		return errno(err)
	}
	if err := sk.activate(); err != nil {
		return errno(err)
	}
	return 0
}

// update registers the interest the socket's state calls for.
func (sk *sock) update() {
	var want uint32
	if sk.reading {
		want |= unix.EPOLLIN
	}
	if len(sk.wq) > 0 {
		want |= unix.EPOLLOUT
	}
	if sk.s.poll == nil || sk.handle == nil {
		return
	}
	sk.s.poll.Set(&sk.pf, want)
}

// close releases the descriptor and the handle; the poller stops with the last socket.
// Loop only; idempotent.
func (sk *sock) close() {
	if sk.closed {
		return
	}
	sk.closed = true
	sk.reading, sk.wq = false, nil
	s := sk.s
	sk.listed.Close()
	if sk.handle != nil {
		s.poll.Remove(&sk.pf)
		sk.handle.Close()
	}
	if sk.pf.FD >= 0 {
		unix.Close(sk.pf.FD)
		sk.pf.FD = -1
	}
	delete(s.socks, sk)
	delete(s.objs, sk.obj)
	if len(s.socks) == 0 && s.poll != nil {
		s.poll.Shutdown()
		s.poll = nil
	}
}

func (sk *sock) OnPollEvent(ev uint32) error {
	if sk.closed {
		return nil
	}
	if sk.reading && ev&(unix.EPOLLIN|unix.EPOLLERR) != 0 {
		if err := sk.recvOnce(); err != nil {
			return err
		}
	}
	if !sk.closed && len(sk.wq) > 0 && ev&(unix.EPOLLOUT|unix.EPOLLERR) != 0 {
		return sk.flush()
	}
	return nil
}

func (sk *sock) call(name string, args ...goja.Value) error {
	f, ok := goja.AssertFunction(sk.obj.Get(name))
	if !ok {
		return nil
	}
	_, err := f(sk.obj, args...)
	return err
}

// recvOnce reads one datagram and hands it (or the error) to JS's onmessage(nread|buf, rinfo).
func (sk *sock) recvOnce() error {
	s := sk.s
	if s.rbuf == nil {
		s.rbuf = make([]byte, maxDatagram)
	}
	var n int
	var from unix.Sockaddr
	var err error
	for {
		n, from, err = unix.Recvfrom(sk.pf.FD, s.rbuf, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err == unix.EAGAIN {
		return nil
	}
	if err != nil {
		return sk.call("onmessage", s.vm.ToValue(errno(err)))
	}
	data := make([]byte, n)
	copy(data, s.rbuf[:n])
	return sk.call("onmessage", s.vm.ToValue(s.vm.NewArrayBuffer(data)), s.addrObject(from, n))
}

func sendmsg(fd int, bufs [][]byte, to unix.Sockaddr) (int, error) {
	for {
		n, err := unix.SendmsgBuffers(fd, bufs, nil, to, 0)
		if err != unix.EINTR {
			return n, err
		}
	}
}

// send tries the datagram at once. It returns size+1 when it was sent, 0 when oncomplete follows,
// or a negative errno.
func (sk *sock) send(r *sendReq) int {
	if sk.closed || sk.pf.FD < 0 {
		return -int(unix.EBADF)
	}
	if len(sk.wq) == 0 {
		_, err := sendmsg(sk.pf.FD, r.bufs, r.to)
		if err == nil {
			return r.size + 1
		}
		if err != unix.EAGAIN {
			return errno(err)
		}
	}
	sk.wq = append(sk.wq, r)
	sk.update()
	return 0
}

// flush sends what waits; each finished datagram gets its oncomplete(status, sent).
func (sk *sock) flush() error {
	for len(sk.wq) > 0 && !sk.closed {
		r := sk.wq[0]
		_, err := sendmsg(sk.pf.FD, r.bufs, r.to)
		if err == unix.EAGAIN {
			return nil
		}
		sk.wq[0] = nil
		sk.wq = sk.wq[1:]
		sk.update()
		if r.cb == nil {
			continue
		}
		status, sent := 0, r.size
		if err != nil {
			status, sent = errno(err), 0
		}
		if _, jerr := r.cb(goja.Undefined(), sk.s.vm.ToValue(status), sk.s.vm.ToValue(sent)); jerr != nil {
			return jerr
		}
	}
	return nil
}

func (sk *sock) queueSize() int {
	n := 0
	for _, r := range sk.wq {
		n += r.size
	}
	return n
}

// sockOf finds the socket behind a handle object, or nil once it is closed.
func (s *state) sockOf(this goja.Value) *sock {
	o, ok := this.(*goja.Object)
	if !ok {
		return nil
	}
	return s.objs[o]
}
