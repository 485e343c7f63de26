// Package net implements Node's "net" module: TCP and Unix stream servers and sockets, plus
// net.isIP, BlockList and SocketAddress. See https://nodejs.org/docs/latest-v20.x/api/net.html.
//
// Go owns the sockets; the JS glue (net.js) shapes them into Node's Server and Socket (a
// stream.Duplex). Every listener and every socket is an eventloop Handle: it keeps the loop
// alive while referenced and open, and its onStop closes it when the runtime closes.
//
// I/O follows libuv's model: the sockets are non-blocking descriptors of our own (not Go
// net.Conns) in one epoll set per runtime (eventloop.Poller). A socket is in the set for reading only
// while JS wants data, so a paused socket (or one whose readable buffer is above highWaterMark)
// reads nothing from the kernel. When the poller reports it readable the loop reads one chunk
// into the runtime's single read buffer and hands JS a right-sized copy. Writes are tried at once
// on the loop; what the kernel does not take waits for EPOLLOUT. An idle connection therefore
// costs its descriptor, a small Go struct and its JS objects: no goroutine, no buffer.
package net

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"net/netip"
	"os"
	"reflect"
	"strconv"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/sys/unix"
)

//go:embed net.js
var netJS string

// Module is "net".
var Module = modules.Module{Name: "net", Bind: bind, JSRef: &netJS}

// uvEOF is libuv's UV_EOF, which onread receives at end of stream.
const uvEOF = -4095

const readChunk = 64 * 1024

// readBurst is how many reads a readable socket gets in a row, each of which filled its buffer,
// before the loop goes on: libuv's uv__read reads up to 32 times.
const readBurst = 32

// carveMin is the smallest read handed to JS in the read chunk itself rather than copied out.
const carveMin = 4096

type state struct {
	h  *modules.Host
	vm *goja.Runtime

	proto     *goja.Object           // shared methods of socket handles
	conns     map[*goja.Object]*conn // open socket handles by their JS object
	idle      map[*goja.Object]*idleListener
	listeners map[*goja.Object]*listener // open listener handles by their JS object
	// the prototypes of Unix socket handles (on proto, TCP's) and of listener handles, whose
	// constructors are named as node's handle classes (TCP, Pipe): the resource async hooks see
	pipeProto, tcpLProto, pipeLProto *goja.Object
	ownerSym                         *goja.Symbol // node's owner_symbol (ownerSymbol)
	// closed listener handles whose close phase is still to come (see listenerProto's close)
	closingL map[*goja.Object]*listener

	poll    *eventloop.Poller
	pollErr error
	// emfileFD is the descriptor held in reserve for accepts that run out of descriptors (see
	// emfileTrick), -1 when none is open; opened with the first listener.
	emfileFD int
	rbuf     *chunk // the read buffer, shared by every socket (loop only)
	roff     int    // rbuf[:roff] is handed out already; reads go to rbuf[roff:]

	fast fastPaths // the Go side of the per-read and per-write fast paths (fast.go)

	// the callables of the functions the handles call over and over: every handle's onread and
	// onwrite, and a timed socket's _unrefTimer, are the same function (see eventloop.CallableMemo)
	onreadFn, onwriteFn, unrefTimerFn eventloop.CallableMemo

	newBuf   func([]byte) goja.Value // buffer.Maker's, for the large reads
	copyBuf  func([]byte) goja.Value // buffer.CopyMaker's, for the small ones
	bufProto *goja.Object            // Buffer.prototype
	u8proto  *goja.Object            // Uint8Array.prototype
}

// initBuffers finds what newBuffer and plainBytes use. Loop only.
func (s *state) initBuffers() {
	if s.bufProto != nil {
		return
	}
	s.newBuf, s.copyBuf = buffer.Maker(s.h), buffer.CopyMaker(s.h)
	s.bufProto = s.h.Require("buffer").(*goja.Object).Get("Buffer").(*goja.Object).Get("prototype").(*goja.Object)
	s.u8proto = s.vm.Get("Uint8Array").(*goja.Object).Get("prototype").(*goja.Object)
}

// newBuffer returns a Buffer over data (not copied). Loop only.
func (s *state) newBuffer(data []byte) goja.Value {
	s.initBuffers()
	return s.newBuf(data)
}

// plainBytes returns the bytes of v when it is a Buffer or a Uint8Array (not a subclass or
// another view), or nil.
func (s *state) plainBytes(v goja.Value) []byte {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	s.initBuffers()
	if p := o.Prototype(); p != s.bufProto && p != s.u8proto {
		return nil
	}
	return buffer.BytesOf(s.vm, o) // (Export would box the slice: two allocations a write)
}

// poller returns the runtime's poller, starting it on first use. Loop only.
func (s *state) poller() (*eventloop.Poller, error) {
	if s.poll == nil && s.pollErr == nil {
		s.poll, s.pollErr = eventloop.NewPoller(s.h.Loop)
	}
	return s.poll, s.pollErr
}

func (s *state) stopAll() {
	for o, il := range s.idle {
		if il.fd >= 0 {
			unix.Close(il.fd)
			il.fd = -1
		}
		delete(s.idle, o)
	}
	if s.poll != nil {
		s.poll.Shutdown()
	}
	if s.emfileFD >= 0 {
		unix.Close(s.emfileFD)
		s.emfileFD = -1
	}
}

// reserveFD opens the descriptor held in reserve for emfileTrick, as libuv's stream
// initialisation does (/dev/null, or / where it is missing), unless one is open. Loop only.
func (s *state) reserveFD() {
	if s.emfileFD >= 0 {
		return
	}
	for _, p := range [...]string{"/dev/null", "/"} {
		if fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0); err == nil {
			s.emfileFD = fd
			return
		}
	}
}

// emfileTrick is libuv's answer to an accept that ran out of descriptors: it closes the
// descriptor held in reserve, accepts and at once closes every pending connection (their
// clients see the connection end), and opens the reserve again. It returns the accept's last
// error: EAGAIN once the backlog is empty (nothing is reported then), or EMFILE with no reserve
// held. Loop only.
func (s *state) emfileTrick(lfd int) error {
	if s.emfileFD < 0 {
		return unix.EMFILE
	}
	unix.Close(s.emfileFD)
	s.emfileFD = -1
	var err error
	for {
		var fd int
		fd, _, err = unix.Accept4(lfd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		if err == nil {
			unix.Close(fd)
		} else if err != unix.EINTR {
			break
		}
	}
	if fd, oerr := unix.Open("/", unix.O_RDONLY|unix.O_CLOEXEC, 0); oerr == nil {
		s.emfileFD = fd
	}
	return err
}

func bind(h *modules.Host, b *goja.Object) error {
	s := &state{h: h, vm: h.VM, conns: map[*goja.Object]*conn{}, emfileFD: -1}
	h.Loop.NewHandle(s.stopAll).Unref()
	// the functions become JS functions as glue first reads each (most at their first call)
	lz := modules.NewLazyFuncsSize(h.VM, 20)
	lz.Set("listen", s.listen)
	lz.Set("adoptListener", s.adoptListener)
	lz.Set("guessHandleType", modules.GuessHandleType)
	// pipeChmod(path, mode) is libuv's uv_pipe_chmod: mode 1 (UV_READABLE) and 2 (UV_WRITABLE)
	// add read or write permission for everyone to a listening Unix socket; 0 or a negative errno.
	lz.Set("pipeChmod", func(path string, mode int) int {
		var want os.FileMode
		if mode&1 != 0 {
			want |= 0o444
		}
		if mode&2 != 0 {
			want |= 0o222
		}
		p := h.Abs(path)
		fi, err := os.Stat(p)
		if err != nil {
			return errnoOf(err)
		}
		if fi.Mode().Perm()&want == want {
			return 0
		}
		return errnoOf(os.Chmod(p, fi.Mode().Perm()|want))
	})
	// setInspectView(proto, fn): util.inspect shows the objects inheriting from proto as fn
	// lays them out (modules.SetInspectView).
	lz.Set("setInspectView", func(c goja.FunctionCall) goja.Value {
		if p, ok := c.Argument(0).(*goja.Object); ok {
			modules.SetInspectView(h, p, c.Argument(1))
		}
		return goja.Undefined()
	})
	lz.Set("adoptConn", s.adoptConn)
	lz.Set("newHandle", func(kind string) *goja.Object { return s.newConn(-1, kind == "unix").obj })
	lz.Set("describe", func(v goja.Value) string { return modules.DescribeReceived(v) })
	// writeFast(handle, chunk) writes a non-empty Buffer or Uint8Array to a connected socket
	// handle, returning 2*length (+1 when onwrite(status) follows) or a negative errno; false
	// (nothing done) for anything else: another kind of handle or chunk, or a socket not (yet)
	// connected, whose writes take the general path. A function of the binding rather than a
	// method, so that socket.write finds it without a property lookup.
	vFalse := h.VM.ToValue(false)
	lz.Set("writeFast", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return vFalse
		}
		cn := s.conns[o]
		if cn == nil {
			if p := o.Prototype(); s.proto != nil && (p == s.proto || p == s.pipeProto) {
				return h.VM.ToValue(-int(syscall.EBADF)) // a closed socket handle
			}
			return vFalse
		}
		if !cn.established || cn.closed || cn.pf.FD < 0 {
			return vFalse
		}
		data := s.plainBytes(c.Argument(1))
		if len(data) == 0 {
			return vFalse
		}
		r := cn.write(data)
		if r < 0 {
			return h.VM.ToValue(r)
		}
		return h.VM.ToValue(2*len(data) + r)
	})
	// byteLength(buf) is the byte length of a Buffer or other ArrayBufferView, as the handle
	// writes it: what buf.length reads, without goja's parse of the name as an index first.
	lz.Set("byteLength", func(c goja.FunctionCall) goja.Value {
		if b, ok := buffer.ByteView(c.Argument(0)); ok {
			return h.VM.ToValue(len(b))
		}
		return h.VM.ToValue(len(buffer.BytesOf(h.VM, c.Argument(0))))
	})
	lz.Set("initFast", s.initFast)
	// foldCounts(handle) adds the bytes the fast paths counted for the handle's owner to its
	// properties (see stateRefs), before its bytesRead or bytesWritten reads them.
	lz.Set("foldCounts", func(c goja.FunctionCall) goja.Value {
		if o, ok := c.Argument(0).(*goja.Object); ok {
			if cn := s.conns[o]; cn != nil {
				if err := cn.foldCounts(); err != nil {
					panic(err)
				}
			}
		}
		return goja.Undefined()
	})
	lz.Set("makeSocketWrite", s.makeSocketWrite)
	// socketTimers() says a socket of this runtime has had an activity timer: from then on the
	// fast paths check whether to refresh one.
	lz.Set("socketTimers", func() { s.fast.timers = true })
	bindAddr(s, lz)
	bindNative(s, lz)
	lz.Set("errname", func(errno int) string {
		code, _ := modules.ErrnoCode(syscall.Errno(-errno))
		return code
	})
	lz.Set("strerror", func(errno int) string {
		m := (&modules.SystemError{Errno: syscall.Errno(-errno)}).Message()
		if i := indexColon(m); i >= 0 {
			return m[i+2:]
		}
		return m
	})
	// check(resource) returns ERR_ACCESS_DENIED when the runtime may not use resource.
	lz.Set("check", func(resource string) goja.Value {
		if err := h.Check(modules.ScopeNet, resource); err != nil {
			return h.ToJS(err)
		}
		return goja.Undefined()
	})
	lz.Install(b)
	return nil
}

func indexColon(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ':' && s[i+1] == ' ' {
			return i
		}
	}
	return -1
}

// errnoOf maps a Go network error to a negative errno (Node's err.errno).
func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) {
		return -int(syscall.ECANCELED)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return -3008 // ENOTFOUND
	}
	if en := modules.ErrnoOf(err); en != 0 {
		return -int(en)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return -int(syscall.ETIMEDOUT)
	}
	return -int(syscall.EINVAL)
}

// addrObject describes a socket address as Node's address() does: {address, family, port} for
// IP sockets, the path for Unix sockets.
func (s *state) addrObject(sa unix.Sockaddr) goja.Value {
	if a, ok := sa.(*unix.SockaddrUnix); ok {
		return s.vm.ToValue(a.Name)
	}
	o := s.vm.NewObject()
	if addr, family, port, ok := modules.SockaddrIP(sa); ok {
		o.Set("address", addr)
		o.Set("family", family)
		o.Set("port", port)
	}
	return o
}

// ipSockaddr parses an IP address (with an optional %zone) and a port.
func ipSockaddr(host string, port int) (unix.Sockaddr, int, error) {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return nil, 0, unix.EINVAL
	}
	if a.Is4() {
		return &unix.SockaddrInet4{Port: port, Addr: a.As4()}, unix.AF_INET, nil
	}
	sa := &unix.SockaddrInet6{Port: port, Addr: a.WithZone("").As16()}
	if z := a.Zone(); z != "" {
		if ifi, err := net.InterfaceByName(z); err == nil {
			sa.ZoneId = uint32(ifi.Index)
		} else if n, err := strconv.Atoi(z); err == nil {
			sa.ZoneId = uint32(n)
		}
	}
	return sa, unix.AF_INET6, nil
}

func newSocket(family int) (int, error) {
	for {
		fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// ---------------------------------------------------------------- listeners

type listener struct {
	s      *state
	pf     eventloop.PollFD
	handle *eventloop.Handle
	onconn goja.Callable
	self   *goja.Object
	path   string // Unix socket path, unlinked on close
	closed bool
	// unixSock says it listens on a Unix socket (with a path or adopted)
	unixSock bool
}

func (l *listener) close() {
	if l.closed {
		return
	}
	l.closed = true
	delete(l.s.listeners, l.self)
	l.s.poll.Close(&l.pf)
	if l.path != "" {
		unixUnlink(l.s.h.Cwd(), l.path)
	}
	l.handle.Close()
}

// listenFD creates a listening socket: SO_REUSEADDR as libuv sets it, IPV6_V6ONLY as asked
// (so "::" stays dual-stack unless ipv6Only), and Node's default backlog of 511.
// A Unix socket's path is relative to cwd, the runtime's (see unixTarget).
func listenFD(kind, host string, port int, path, cwd string, backlog int, ipv6Only bool) (int, error) {
	var sa unix.Sockaddr
	family := unix.AF_UNIX
	if kind != "unix" {
		var err error
		if sa, family, err = ipSockaddr(host, port); err != nil {
			return -1, err
		}
	}
	fd, err := newSocket(family)
	if err != nil {
		return -1, err
	}
	fail := func(err error) (int, error) {
		unix.Close(fd)
		return -1, err
	}
	if family != unix.AF_UNIX {
		if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
			return fail(err)
		}
	}
	if family == unix.AF_INET6 {
		v := 0
		if ipv6Only {
			v = 1
		}
		if err := unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, v); err != nil {
			return fail(err)
		}
	}
	if family == unix.AF_UNIX {
		err = unixBindPath(fd, cwd, path)
	} else {
		err = unix.Bind(fd, sa)
	}
	if err != nil {
		if family == unix.AF_UNIX && err == unix.ENOENT {
			// libuv's uv_pipe_bind reports a missing directory as EACCES, and so does node.
			err = unix.EACCES
		}
		return fail(err)
	}
	if backlog <= 0 {
		backlog = 511
	}
	if err := unix.Listen(fd, backlog); err != nil {
		return fail(err)
	}
	return fd, nil
}

// listen(kind, host, port, path, backlog, ipv6Only, onconnection) returns the listener object
// or a negative errno.
func (s *state) listen(kind, host string, port int, path string, backlog int, ipv6Only bool, onconn goja.Callable) goja.Value {
	p, err := s.poller()
	if err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	fd, err := listenFD(kind, host, port, path, s.h.Cwd(), backlog, ipv6Only)
	if err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	s.reserveFD()
	l := &listener{s: s, pf: eventloop.PollFD{FD: fd}, onconn: onconn, unixSock: kind == "unix"}
	if kind == "unix" {
		l.path = path
	}
	l.handle = s.h.Loop.NewHandle(l.close)
	p.Add(&l.pf, l)
	p.Set(&l.pf, unix.EPOLLIN)
	return s.listenerObject(l)
}

// listenerObject is the listener as JS sees it: as node's TCP/Pipe server handle, its own
// properties are reading (false; TCP only), onconnection (net.js sets it) and the owner symbol
// (owner is an accessor on the prototype), and its methods are the prototype's
// (listenerProto). Loop only.
func (s *state) listenerObject(l *listener) goja.Value {
	o := s.vm.NewObject()
	o.SetPrototype(s.listenerProto(l.unixSock))
	if !l.unixSock {
		o.Set("reading", false) // (a Pipe server's handle has none)
	}
	l.self = o
	if s.listeners == nil {
		s.listeners = map[*goja.Object]*listener{}
	}
	s.listeners[o] = l
	// As node's TCPServerWrap/PipeWrap in process._getActiveHandles() (net.js sets the
	// object's owner, the Server, which is what the listing returns).
	kind, typ := "TCPServerWrap", ""
	if l.unixSock {
		kind, typ = "PipeWrap", "PIPESERVERWRAP" // (node lists a PipeWrap; its hooks see a server's)
	}
	l.handle.SetKindType(kind, typ, o)
	return o
}

// adoptListener(fd, onconnection, backlog) wraps fd, a socket received from elsewhere (another
// process, a file descriptor given to server.listen({ fd })), as a listener, as node's
// createServerHandle and listen: a descriptor that is no stream socket of node's families is
// EINVAL (node's createHandle refuses it), one this runtime polls already EEXIST, and the socket
// is put to listen (a bound socket starts listening, a connected one is EINVAL). It returns the
// listener object or a negative errno.
func (s *state) adoptListener(fd int, onconn goja.Callable, backlog int) goja.Value {
	p, err := s.poller()
	if err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	einval := s.vm.ToValue(-int(unix.EINVAL))
	if t, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TYPE); err != nil || t != unix.SOCK_STREAM {
		return einval
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return einval
	}
	unixSock := false
	switch sa.(type) {
	case *unix.SockaddrInet4, *unix.SockaddrInet6:
	case *unix.SockaddrUnix:
		unixSock = true
	default:
		return einval
	}
	if backlog <= 0 {
		backlog = 511
	}
	if err := unix.Listen(fd, backlog); err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	unix.CloseOnExec(fd)
	s.reserveFD()
	l := &listener{s: s, pf: eventloop.PollFD{FD: fd}, onconn: onconn, unixSock: unixSock}
	l.handle = s.h.Loop.NewHandle(l.close)
	p.Add(&l.pf, l)
	if err := p.Register(&l.pf); err != nil {
		// (EEXIST: another handle of this runtime has the descriptor, which stays open for it)
		p.Remove(&l.pf)
		l.pf.FD = -1
		l.close()
		return s.vm.ToValue(errnoOf(err))
	}
	p.Set(&l.pf, unix.EPOLLIN)
	return s.listenerObject(l)
}

// adoptConn(fd) wraps fd, a connected stream socket or a pipe received from elsewhere, as a
// socket handle (a Pipe for a Unix socket or a pipe, as node's createHandle makes for its
// "PIPE"); it returns the handle or a negative errno: EEXIST for a descriptor a handle of this
// runtime has already (uv_tcp_open/uv_pipe_open's check).
func (s *state) adoptConn(fd int) goja.Value {
	if _, err := s.poller(); err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	var isUnix bool
	switch modules.GuessHandleType(fd) {
	case "TCP":
	case "PIPE":
		isUnix = true
	default:
		return s.vm.ToValue(-int(unix.EINVAL))
	}
	if s.fdInUse(fd) {
		return s.vm.ToValue(-int(unix.EEXIST))
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	unix.CloseOnExec(fd)
	return s.newConn(fd, isUnix).obj
}

// fdInUse reports whether a socket or listener handle of this runtime has fd.
func (s *state) fdInUse(fd int) bool {
	for _, cn := range s.conns {
		if cn.pf.FD == fd {
			return true
		}
	}
	for _, l := range s.listeners {
		if l.pf.FD == fd {
			return true
		}
	}
	return false
}

// AsyncHandle is the handle whose async execution its events run in (async_hooks).
func (l *listener) AsyncHandle() *eventloop.Handle { return l.handle }

// OnPollEvent accepts one pending connection, as libuv (since 1.45, node 20's) does on each
// readiness event: the listener stays readable while more wait, so the next poll reports it
// again, after the sockets that were ready before it (the 'connection' of a burst's second
// client comes after the first one's data, as in node).
func (l *listener) OnPollEvent(ev uint32) error {
	return l.acceptOne()
}

// acceptOne accepts one connection.
func (l *listener) acceptOne() error {
	if l.closed {
		return nil
	}
	var nfd int
	var err error
	for {
		nfd, _, err = unix.Accept4(l.pf.FD, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		if err != unix.EINTR {
			break
		}
	}
	if err == unix.EMFILE || err == unix.ENFILE {
		// Out of descriptors: as libuv, the pending connections are shed (accepted with the
		// descriptor held in reserve and closed), and nothing is reported.
		err = l.s.emfileTrick(l.pf.FD)
	}
	if err != nil {
		switch err {
		case unix.EAGAIN, unix.ECONNABORTED:
			return nil
		case unix.EMFILE, unix.ENFILE:
			// Still out of descriptors (no reserve): report, stop accepting for a moment, keep
			// serving.
			p := l.s.poll
			p.Set(&l.pf, 0)
			time.AfterFunc(50*time.Millisecond, func() {
				l.handle.Post(func() error {
					if !l.closed {
						p.Set(&l.pf, unix.EPOLLIN)
					}
					return nil
				})
			})
		}
		_, jerr := l.onconn(l.self, l.s.vm.ToValue(errnoOf(err)))
		return jerr
	}
	cn := l.s.newConn(nfd, l.unixSock)
	_, jerr := l.onconn(l.self, goja.Undefined(), cn.obj)
	return jerr
}

// ---------------------------------------------------------------- connections

type conn struct {
	// feedNext's function and argument, and the callback that runs them (made on the first
	// feedNext: only http2's sessions use it, and an idle connection is smaller without them)
	feed *feedState
	// readAgainRun is readAgain bound to the handle (made on the first continued read, then
	// queued as it is: a method value and a binding per 64 KiB read were two allocations)
	readAgainRun func() error
	s            *state
	pf           eventloop.PollFD
	handle       *eventloop.Handle
	obj          *goja.Object

	// (the flags are together, with burst: an idle connection is a conn, and scattered they
	// padded it into the next allocation size)
	burst      int32 // reads continued since the socket was last found readable (see readBurst)
	unixSock   bool
	readMore   bool // a continued read is posted (readOnce filled the whole room)
	partial    bool // the last read left room in its buffer (the socket had no more to give)
	reading    bool
	connecting bool
	closed     bool
	// established says the socket is connected: accepted or adopted, or its connect succeeded.
	// Until then writeFast leaves writes to the general path (JS buffers them while connecting).
	established bool
	unrefd      bool // JS called unref() (a handle keeps the loop alive only once it has a descriptor)
	// timed says JS has a timer to refresh on activity: reads then take the JS path.
	timed bool

	// pc is the connect in progress (nil: none, or its oncomplete has run): only a client's
	// socket has one, for a while, so an accepted connection carries no room for it
	pc *pendingConnect
	wq [][]byte // writes the kernel has not taken yet; each completes with one onwrite

	// consumer, when set, takes the bytes read in Go (http's parser, as Node's parser.consume()
	// takes them from the stream), past JS's onread; EOF and errors still go to onread.
	consumer readConsumer

	// onreadVal is the handle's onread (an accessor on the handle prototype keeps it here, so a
	// read needs no property lookup) and onreadFn the same as a callable, or nil when it is not
	// a function.
	onreadVal goja.Value
	onreadFn  goja.Callable

	// ownerVal, readingVal and onwriteVal are the handle's owner, reading and onwrite (JS's
	// properties, kept here by accessors on the handle prototype, as onread: the read fast path
	// finds them without a lookup, and an open handle has no own property, so its object needs
	// no property map); nil when never set.
	ownerVal, readingVal, onwriteVal goja.Value

	stRefs *stateRefs // the fast paths' memory of the socket's stream states (fast.go)
}

// pendingConnect is a connect's oncomplete and its request, the TCPCONNECTWRAP/PIPECONNECTWRAP
// that async_hooks see.
type pendingConnect struct {
	oncomplete goja.Callable
	req        eventloop.AsyncReq
}

// feedState is a conn's feedNext function and argument, and the callback that runs them.
type feedState struct {
	fn  goja.Callable
	arg goja.Value
	run func() error
}

// onread returns the handle's current onread, or nil when it is not a function.
func (cn *conn) onread() goja.Callable {
	return cn.onreadFn
}

// setOnread stores v as the handle's onread (every socket's is net.js's onStreamRead, whose
// callable the handles share: two objects less per connection).
func (cn *conn) setOnread(v goja.Value) {
	cn.onreadVal = v
	cn.onreadFn, _ = cn.s.onreadFn.Of(v)
}

// readConsumer takes a socket's bytes in Go. data is only valid during the call.
type readConsumer interface {
	ConsumeRead(data []byte) error
}

// newConn wraps an accepted descriptor, or (fd < 0) a handle that will connect. Loop only.
func (s *state) newConn(fd int, unixSock bool) *conn {
	cn := &conn{s: s, pf: eventloop.PollFD{FD: fd}, unixSock: unixSock, established: fd >= 0}
	cn.handle = s.h.Loop.NewHandle(cn.close)
	cn.obj = s.connObject(cn)
	// As node's TCPWrap/PipeWrap in process._getActiveHandles(): listed while JS has it
	// referenced, whether or not it is doing anything (its loop reference, syncRef, follows
	// what it does).
	kind := "TCPSocketWrap"
	if unixSock {
		kind = "PipeWrap"
	}
	cn.handle.SetKind(kind, cn.obj)
	cn.handle.SetJSRef(true)
	if fd >= 0 {
		s.poll.Add(&cn.pf, cn)
		cn.syncRef() // inactive until it reads or writes (pauseOnConnect leaves it so)
	} else {
		// Not active until it connects: a socket whose connect() threw keeps nothing alive.
		cn.handle.Unref()
	}
	return cn
}

// update registers the interest the socket's state calls for.
func (cn *conn) update() {
	var want uint32
	if cn.reading {
		want |= unix.EPOLLIN
	}
	if cn.connecting || len(cn.wq) > 0 {
		want |= unix.EPOLLOUT
	}
	cn.s.poll.Set(&cn.pf, want)
	cn.syncRef()
}

// syncRef lets the socket keep the loop alive only while it is active, as a libuv stream is:
// connecting, reading, or holding writes the kernel has not taken. A paused socket, or one that
// has read its EOF, with nothing left to write keeps nothing alive (node then exits), though it
// stays referenced (hasRef) and becomes active again when it reads or writes.
func (cn *conn) syncRef() {
	if !cn.unrefd && !cn.closed && cn.pf.FD >= 0 && (cn.reading || cn.connecting || len(cn.wq) > 0) {
		cn.handle.Ref()
	} else {
		cn.handle.Unref()
	}
}

// close releases the descriptor and the handle. Loop only; idempotent.
func (cn *conn) close() { cn.closeConn() }

// closeConn is close, returning the connect it cancelled when async hooks are on (see the close
// method's onClose), else nil.
func (cn *conn) closeConn() (cancelled *pendingConnect) {
	if cn.closed {
		return nil
	}
	cn.closed = true
	delete(cn.s.conns, cn.obj)
	// A closed handle keeps its owner, reading and onwrite as its own properties (the accessors
	// no longer find the conn).
	for _, p := range [...]struct {
		name string
		v    goja.Value
	}{{"owner", cn.ownerVal}, {"reading", cn.readingVal}, {"onwrite", cn.onwriteVal}} {
		if p.v != nil {
			cn.obj.DefineDataProperty(p.name, p.v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
	cn.ownerVal, cn.readingVal, cn.onwriteVal = nil, nil, nil
	// A connect still in progress is cancelled: libuv calls its request back (ECANCELED) as
	// the handle closes, before the close callback, and node's afterConnect returns at once,
	// the socket being destroyed; async_hooks see the request's before, after and destroy.
	if pc := cn.pc; pc != nil && pc.oncomplete != nil && cn.s.h.Loop.AsyncHooksOn() {
		cancelled = pc
	}
	cn.reading, cn.connecting, cn.pc, cn.wq, cn.consumer = false, false, nil, nil, nil
	if cn.pf.FD >= 0 {
		cn.s.poll.Close(&cn.pf)
	}
	cn.handle.Close()
	return cancelled
}

// AsyncHandle is the handle whose async execution its events run in (async_hooks).
func (cn *conn) AsyncHandle() *eventloop.Handle { return cn.handle }

func (cn *conn) OnPollEvent(ev uint32) error {
	if cn.closed {
		return nil
	}
	const outish = unix.EPOLLOUT | unix.EPOLLERR | unix.EPOLLHUP
	if cn.connecting {
		if ev&outish == 0 {
			return nil
		}
		return cn.finishConnect()
	}
	if cn.reading && ev&(unix.EPOLLIN|unix.EPOLLERR|unix.EPOLLHUP) != 0 {
		cn.partial = false
		cn.burst = 0
		if err := cn.readOnce(); err != nil {
			return err
		}
		// As libuv: a hang-up (both directions shut) after a read that drained the socket
		// reports the end in the same event, not on the next turn's poll.
		if ev&unix.EPOLLHUP != 0 && cn.partial && cn.reading && !cn.closed {
			if err := cn.readEOF(); err != nil {
				return err
			}
		}
	}
	if !cn.closed && len(cn.wq) > 0 && ev&outish != 0 {
		return cn.flush()
	}
	return nil
}

// readOnce reads one chunk and hands it (or EOF, or the error) to JS's onread.
//
// Reads go into the shared chunk from roff on. A read of carveMin bytes or more hands JS a
// Buffer over the bytes it was read into (no copy; the ArrayBuffer is exactly those n bytes, so
// byteOffset is 0 as in node), and the next read goes after them in the same chunk, while at
// least readChunk/2 bytes of room are left; then a fresh chunk follows (see chunks.go: a chunk is
// recycled only once no Buffer over any part of it is reachable). A stream whose reads are not
// all full 64 KiB so allocates no memory per read beyond the pool. Smaller reads are copied out,
// so an idle socket's last few bytes do not pin a chunk.
func (cn *conn) readOnce() error {
	s := cn.s
	if s.rbuf == nil {
		s.rbuf, s.roff = getChunk(), 0
	} else if s.roff > 0 && (cn.consumer == nil || cn.timed) && queued(cn.pf.FD) > readChunk-s.roff {
		// More is waiting than the rest of the chunk holds: a read there would hand JS part of
		// it and leave the rest for another read and another 'data' (streaming 64 KiB writes,
		// a fifth of the reads were such halves). The read goes to a fresh chunk, as node's
		// reads each get 64 KiB; the rest of this one stays unused, as after a large read.
		s.rbuf, s.roff = getChunk(), 0
	}
	var n int
	var err error
	for {
		n, err = rawRead(cn.pf.FD, s.rbuf[s.roff:])
		if err != unix.EINTR {
			break
		}
	}
	var arg goja.Value
	switch {
	case err == unix.EAGAIN:
		return nil
	case err != nil:
		cn.reading = false
		cn.update()
		arg = s.vm.ToValue(errnoOf(err))
	case n == 0:
		return cn.readEOF()
	case cn.consumer != nil && !cn.timed:
		cn.partial = n < len(s.rbuf)-s.roff
		// The shared buffer is taken for the call: JS run by the consumer may read another
		// socket.
		buf, off := s.rbuf, s.roff
		s.rbuf = nil
		err := cn.consumer.ConsumeRead(buf[off : off+n : off+n]) // (capacity ending at the bytes read: a chunk holds stale memory after them)
		if s.rbuf == nil {
			s.rbuf, s.roff = buf, off
		}
		return err
	default:
		if n == len(s.rbuf)-s.roff && !cn.readMore {
			cn.readMore = true
			// Through the handle: the next read runs in the socket's async context (an
			// AsyncLocalStorage store set around its creation), as the poll events do. As
			// libuv's uv__read, a socket is read again at once, before the next ready one (its
			// next read is the posted phase's next callback), up to readBurst times for one
			// readiness; then on the next turn.
			if cn.readAgainRun == nil {
				cn.readAgainRun = cn.handle.Bind(cn.readAgain)
			}
			if cn.burst++; cn.burst < readBurst {
				cn.handle.FeedNextBound(cn.readAgainRun)
			} else {
				cn.burst = 0
				cn.handle.PostBound(cn.readAgainRun)
			}
		}
		cn.partial = n < len(s.rbuf)-s.roff
		f := cn.onread()
		if f == nil {
			return nil
		}
		var buf goja.Value
		if n >= carveMin {
			buf = s.newBuffer(s.rbuf[s.roff : s.roff+n : s.roff+n])
			s.carve(n)
		} else {
			// (a copy: in one allocation with the Buffer's objects when small)
			s.initBuffers()
			buf = s.copyBuf(s.rbuf[s.roff : s.roff+n])
		}
		if o, ok := cn.onreadVal.(*goja.Object); ok && o == s.fast.onStreamRead && s.fast.ready {
			if handled, err := cn.dataFast(buf, n); handled {
				return err
			}
		}
		_, err := f(cn.obj, buf, s.vm.ToValue(n))
		return err
	}
	if f := cn.onread(); f != nil {
		_, err := f(cn.obj, arg)
		return err
	}
	return nil
}

// carve moves the reads past the n bytes just read at roff, which a Buffer has been made over,
// and to a fresh chunk when less than half of this one is left.
func (s *state) carve(n int) {
	s.roff += (n + 7) &^ 7
	if readChunk-s.roff < readChunk/2 {
		s.rbuf = nil
	}
}

// readEOF hands JS's onread the end of the stream and stops reading.
func (cn *conn) readEOF() error {
	cn.reading = false
	cn.update()
	if f := cn.onread(); f != nil {
		_, err := f(cn.obj, cn.s.vm.ToValue(uvEOF))
		return err
	}
	return nil
}

func (cn *conn) readAgain() error {
	cn.readMore = false
	if cn.closed || !cn.reading || cn.connecting {
		return nil
	}
	return cn.readOnce()
}

// write tries b on the loop without blocking; what is left waits for EPOLLOUT. It returns 0
// when all of b was written, 1 when onwrite(status) follows, or a negative errno.
func (cn *conn) write(b []byte) int {
	if cn.closed || cn.pf.FD < 0 || cn.connecting {
		return -int(syscall.EBADF)
	}
	if len(cn.wq) == 0 {
		n, err := modules.SendAllNoWait(cn.pf.FD, b)
		if err == nil {
			return 0
		}
		if err != unix.EAGAIN {
			return errnoOf(err)
		}
		b = b[n:]
	}
	cn.wq = append(cn.wq, b)
	cn.update()
	return 1
}

// flush continues the queued writes; each finished one gets its onwrite(status).
func (cn *conn) flush() error {
	for len(cn.wq) > 0 && !cn.closed {
		n, err := modules.SendAllNoWait(cn.pf.FD, cn.wq[0])
		if err == unix.EAGAIN {
			cn.wq[0] = cn.wq[0][n:]
			return nil
		}
		status := 0
		if err != nil {
			status = errnoOf(err)
		}
		cn.wq[0] = nil
		cn.wq = cn.wq[1:]
		cn.update()
		if f, ok := cn.s.onwriteFn.Of(cn.onwriteVal); ok {
			if _, err := f(cn.obj, cn.s.vm.ToValue(status)); err != nil {
				return err
			}
		}
	}
	return nil
}

// connect starts a non-blocking connect; oncomplete(status) follows on the loop. It returns 0,
// or a negative errno for errors known at once (a bad local address, a failed bind). Loop only.
func (cn *conn) connect(kind, host string, port int, path, localAddress string, localPort int, oncomplete goja.Callable) int {
	s := cn.s
	if (cn.connecting || cn.pc != nil && cn.pc.oncomplete != nil) && !cn.closed {
		// a connect while one is in progress: libuv's TCP refuses it (EALREADY); its pipe
		// connects again on the same socket, and the first request's outcome is what is seen
		if kind == "unix" {
			return 0
		}
		// (node makes the second request before libuv refuses it, and drops it: async_hooks see
		// its init, and its destroy with the other queued destroys)
		if l := s.h.Loop; l.AsyncHooksOn() {
			id := l.NewAsyncID()
			hid, _ := cn.handle.AsyncID()
			l.EmitInit(id, "TCPCONNECTWRAP", hid, nil)
			l.EmitDestroy(id)
		}
		return -int(syscall.EALREADY)
	}
	if cn.closed || cn.pf.FD >= 0 {
		return -int(syscall.EBADF)
	}
	p, err := s.poller()
	if err != nil {
		return errnoOf(err)
	}
	var sa unix.Sockaddr
	family := unix.AF_UNIX
	if kind != "unix" {
		if sa, family, err = ipSockaddr(host, port); err != nil {
			return -int(syscall.EINVAL)
		}
	}
	fd, err := newSocket(family)
	if err != nil {
		return errnoOf(err)
	}
	if kind != "unix" && (localAddress != "" || localPort != 0) {
		var lsa unix.Sockaddr
		switch {
		case localAddress != "":
			var lfam int
			lsa, lfam, err = ipSockaddr(localAddress, localPort)
			if err == nil && lfam != family {
				err = unix.EINVAL
			}
		case family == unix.AF_INET:
			lsa = &unix.SockaddrInet4{Port: localPort}
		default:
			lsa = &unix.SockaddrInet6{Port: localPort}
		}
		if err == nil {
			err = unix.Bind(fd, lsa)
		}
		if err != nil {
			unix.Close(fd)
			return errnoOf(err)
		}
	}
	cn.pf.FD = fd
	cn.unixSock = kind == "unix"
	p.Add(&cn.pf, cn)
	if !cn.unrefd {
		cn.handle.Ref()
	}
	pc := &pendingConnect{oncomplete: oncomplete}
	cn.pc = pc
	if cn.unixSock {
		pc.req = cn.handle.NewAsyncReq("PIPECONNECTWRAP")
	} else {
		pc.req = cn.handle.NewAsyncReq("TCPCONNECTWRAP")
	}
	if cn.unixSock {
		// the name is resolved against the runtime's cwd now (see unixTarget); its failure
		// (a missing directory on the way) is the connect's
		err = unixConnectPath(fd, s.h.Cwd(), path)
	} else {
		for {
			err = unix.Connect(fd, sa)
			if err != unix.EINTR {
				break
			}
		}
	}
	if err != nil && err != unix.EINPROGRESS {
		// Reported on a later turn, as libuv does with its delayed_error.
		status := s.vm.ToValue(errnoOf(err))
		cn.handle.Post(func() error {
			pc := cn.pc
			if pc == nil {
				return nil
			}
			cb := pc.oncomplete
			cn.pc = nil
			if cn.closed || cb == nil {
				return nil
			}
			s.h.Loop.EnterAsyncReq(pc.req)
			_, err := cb(cn.obj, status)
			s.h.Loop.EndAsyncReq(pc.req)
			return err
		})
		return 0
	}
	cn.connecting = true
	cn.update()
	return 0
}

func (cn *conn) finishConnect() error {
	status := 0
	v, err := unix.GetsockoptInt(cn.pf.FD, unix.SOL_SOCKET, unix.SO_ERROR)
	if err != nil {
		status = errnoOf(err)
	} else if v != 0 {
		status = -v
	}
	cn.connecting = false
	cn.established = status == 0
	cn.update()
	pc := cn.pc
	cn.pc = nil
	if pc == nil || pc.oncomplete == nil {
		return nil
	}
	cb, req := pc.oncomplete, pc.req
	cn.s.h.Loop.EnterAsyncReq(req)
	_, jerr := cb(cn.obj, cn.s.vm.ToValue(status))
	cn.s.h.Loop.EndAsyncReq(req)
	return jerr
}

// connObject returns the JS handle for cn: a small object whose methods live on one shared
// prototype per runtime (so an idle connection does not carry a dozen function objects).
func (s *state) connObject(cn *conn) *goja.Object {
	if s.proto == nil {
		s.proto = s.makeConnProto()
		s.setClass(s.proto, "TCP")
		s.pipeProto = s.vm.NewObject()
		s.pipeProto.SetPrototype(s.proto)
		s.setClass(s.pipeProto, "Pipe")
		modules.SetInspectView(s.h, s.proto, s.vm.ToValue(s.connInspectView))
	}
	o := s.vm.NewObject()
	if cn.unixSock {
		o.SetPrototype(s.pipeProto)
	} else {
		o.SetPrototype(s.proto)
	}
	s.conns[o] = cn
	return o
}

// setClass gives proto a constructor named name (one that cannot be called, as node's
// handle classes are not for JS to make), so that the handle objects on it are of that class.
func (s *state) setClass(proto *goja.Object, name string) {
	vm := s.vm
	modules.SetHandleClass(vm, proto, name)
}

// listenerProto is the prototype of a listener handle: of class Pipe for a Unix socket, TCP
// otherwise. Its methods find the listener by their receiver; on a closed one (or another
// object) they do what node's do on a handle whose wrap is gone: nothing, hasRef false,
// getAsyncId -1.
func (s *state) listenerProto(unixSock bool) *goja.Object {
	pp := &s.tcpLProto
	name := "TCP"
	if unixSock {
		pp, name = &s.pipeLProto, "Pipe"
	}
	if *pp != nil {
		return *pp
	}
	vm := s.vm
	p := vm.NewObject()
	*pp = p
	s.setClass(p, name)
	of := func(this goja.Value) *listener {
		if o, ok := this.(*goja.Object); ok {
			if l := s.listeners[o]; l != nil && !l.closed {
				return l
			}
		}
		return nil
	}
	method := func(name string, n int, f func(l *listener, c goja.FunctionCall) goja.Value, closed goja.Value) {
		p.DefineDataProperty(name, modules.Func(vm, name, n, func(c goja.FunctionCall) goja.Value {
			if l := of(c.This); l != nil {
				return f(l, c)
			}
			return closed
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	method("close", 1, func(l *listener, c goja.FunctionCall) goja.Value {
		cb, _ := goja.AssertFunction(c.Argument(0))
		// Like uv_close, closing a referenced listener holds the loop until the close phase,
		// callback or not (so 'beforeExit' comes again after a server closed in it).
		held := l.handle.HasRef()
		l.close()
		if cb == nil && !held {
			return goja.Undefined()
		}
		// Until then it is closing: referenced (node's uv_has_ref), its async id still its own.
		o := c.This.(*goja.Object)
		if s.closingL == nil {
			s.closingL = map[*goja.Object]*listener{}
		}
		s.closingL[o] = l
		s.h.Loop.OnClose(func() error {
			delete(s.closingL, o)
			l.handle.Delist() // (as onClose's for a socket)
			if cb == nil {
				return nil
			}
			_, err := cb(goja.Undefined())
			return err
		})
		return goja.Undefined()
	}, goja.Undefined())
	method("ref", 0, func(l *listener, c goja.FunctionCall) goja.Value { l.handle.Ref(); return goja.Undefined() }, goja.Undefined())
	method("unref", 0, func(l *listener, c goja.FunctionCall) goja.Value { l.handle.Unref(); return goja.Undefined() }, goja.Undefined())
	closing := func(this goja.Value) *listener {
		o, _ := this.(*goja.Object)
		return s.closingL[o]
	}
	p.DefineDataProperty("hasRef", modules.Func(vm, "hasRef", 0, func(c goja.FunctionCall) goja.Value {
		if l := of(c.This); l != nil {
			return vm.ToValue(l.handle.HasRef())
		}
		return vm.ToValue(closing(c.This) != nil)
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	// getAsyncId is node's server handle's: its TCPSERVERWRAP/PIPESERVERWRAP id (async_hooks)
	p.DefineDataProperty("getAsyncId", modules.Func(vm, "getAsyncId", 0, func(c goja.FunctionCall) goja.Value {
		l := of(c.This)
		if l == nil {
			if l = closing(c.This); l == nil {
				return vm.ToValue(-1)
			}
		}
		id, _ := l.handle.AsyncID()
		return vm.ToValue(id)
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	if !unixSock {
		// node's handle API: getsockname(out) fills out and returns 0 (or a negative errno)
		method("getsockname", 1, func(l *listener, c goja.FunctionCall) goja.Value {
			out, ok := c.Argument(0).(*goja.Object)
			if !ok {
				panic(vm.NewTypeError("out must be an object"))
			}
			sa, err := unix.Getsockname(l.pf.FD)
			if err != nil {
				return vm.ToValue(errnoOf(err))
			}
			a := s.addrObject(sa).(*goja.Object)
			for _, k := range a.Keys() {
				out.Set(k, a.Get(k))
			}
			return vm.ToValue(0)
		}, vm.ToValue(-int(unix.EBADF)))
	}
	// address is net's own (Server.prototype.address, cluster): the path a Unix socket was
	// bound to, else its socket address ({} once closed).
	addr := modules.Func(vm, "address", 0, func(c goja.FunctionCall) goja.Value {
		l := of(c.This)
		if l == nil {
			return vm.NewObject()
		}
		if l.path != "" {
			return vm.ToValue(l.path)
		}
		sa, err := unix.Getsockname(l.pf.FD)
		if err != nil {
			return vm.NewObject()
		}
		return s.addrObject(sa)
	})
	p.DefineDataProperty("address", addr, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	// owner is node's accessor over the handle's owner symbol (an own property once set)
	p.DefineAccessorProperty("owner",
		modules.Func(vm, "get", 0, func(c goja.FunctionCall) goja.Value {
			if o, ok := c.This.(*goja.Object); ok {
				if v := o.GetSymbol(s.ownerSymbol()); v != nil {
					return v
				}
			}
			return goja.Undefined()
		}),
		modules.Func(vm, "set", 1, func(c goja.FunctionCall) goja.Value {
			if o, ok := c.This.(*goja.Object); ok {
				o.SetSymbol(s.ownerSymbol(), c.Argument(0))
			}
			return goja.Undefined()
		}), goja.FLAG_FALSE, goja.FLAG_FALSE)
	// fd is a getter, as node's (-1 once closed)
	fd := func(c goja.FunctionCall) goja.Value {
		if l := of(c.This); l != nil {
			return vm.ToValue(l.pf.FD)
		}
		return vm.ToValue(-1)
	}
	p.DefineAccessorProperty("fd", modules.Func(vm, "", 0, fd), nil, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return p
}

// connInspectView(handle, accessor) is util.inspect's view of a socket's handle
// (modules.SetInspectView): node's own fields, reading, onconnection and its owner_symbol, where
// ours are accessors over the conn. Loop only.
func (s *state) connInspectView(c goja.FunctionCall) goja.Value {
	o, ok := c.Argument(0).(*goja.Object)
	if !ok || o == s.proto || o == s.pipeProto {
		return goja.Undefined()
	}
	vm := s.vm
	reading := o.Get("reading")
	if reading == nil || goja.IsUndefined(reading) {
		reading = vm.ToValue(false)
	}
	owner := o.Get("owner")
	if owner == nil {
		owner = goja.Undefined()
	}
	return vm.NewArray(vm.NewArray("reading", "onconnection", s.ownerSymbol()), vm.NewArray(reading, goja.Null(), owner))
}

// ownerSymbol is node's owner_symbol, the handle's own property that names its owner (a
// listener's Server). Loop only.
func (s *state) ownerSymbol() *goja.Symbol {
	if s.ownerSym == nil {
		s.ownerSym = goja.NewSymbol("owner_symbol")
	}
	return s.ownerSym
}

// connOf finds the conn behind a handle object, or nil once it is closed.
func (s *state) connOf(this goja.Value) *conn {
	o, ok := this.(*goja.Object)
	if !ok {
		return nil
	}
	return s.conns[o]
}

func (s *state) makeConnProto() *goja.Object {
	vm := s.vm
	p := vm.NewObject()
	num := func(n int) goja.Value { return vm.ToValue(n) }
	ebadf := num(-int(syscall.EBADF))
	method := func(name string, fn func(cn *conn, c goja.FunctionCall) goja.Value) {
		p.Set(name, func(c goja.FunctionCall) goja.Value {
			cn := s.connOf(c.This)
			if cn == nil {
				return ebadf
			}
			return fn(cn, c)
		})
	}
	callback := func(v goja.Value) goja.Callable {
		f, _ := goja.AssertFunction(v)
		return f
	}
	// onClose queues cb, the handle's close callback (the socket's 'close' follows it): the
	// handle is no longer in process._getActiveHandles() by then.
	// A connect the close cancelled (pc, with async hooks on) is called back first, in the same
	// step, as libuv does as it finishes closing a stream.
	onClose := func(cn *conn, pc *pendingConnect, cb goja.Callable) {
		if cb != nil || pc != nil {
			s.h.Loop.OnClose(func() error {
				if pc != nil {
					s.h.Loop.EnterAsyncReq(pc.req)
					s.h.Loop.EndAsyncReq(pc.req)
				}
				if cb == nil {
					return nil
				}
				cn.handle.Delist()
				cn.handle.EnterAsync()
				_, err := cb(goja.Undefined())
				return err
			})
		}
	}
	method("readStart", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.closed || cn.pf.FD < 0 {
			return ebadf
		}
		if cn.reading {
			return num(0)
		}
		cn.reading = true
		cn.update()
		return num(0)
	})
	// consume(parser) makes parser (an object that exports a readConsumer, or whose _p does)
	// take the bytes read from now on; consume(null) gives them back to onread.
	method("consume", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.consumer = nil
		if o, ok := c.Argument(0).(*goja.Object); ok {
			if t := o.ExportType(); t != nil && t.Implements(reflect.TypeFor[readConsumer]()) {
				cn.consumer = o.Export().(readConsumer)
				return vm.ToValue(true)
			}
			if p := o.Get("_p"); p != nil {
				if rc, ok := modules.ExportAs[readConsumer](p); ok {
					cn.consumer = rc
					return vm.ToValue(true)
				}
			}
		}
		return vm.ToValue(false)
	})
	// feedNext(fn, arg) runs fn(arg) as the posted phase's next callback, in the socket's context:
	// a callback of its own, after the ticks and promise jobs of the running one (node's http2
	// session hands each frame of a read to JS as such a callback); outside the posted phase it
	// is posted. false if the socket is closed (fn is dropped).
	// One at a time: a call before the last one's fn ran replaces its fn and arg.
	method("feedNext", func(cn *conn, c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok || cn.closed || cn.handle == nil {
			return vm.ToValue(false)
		}
		fs := cn.feed
		if fs == nil {
			fs = new(feedState)
			fs.run = func() error {
				fn, arg := fs.fn, fs.arg
				fs.fn, fs.arg = nil, nil
				if fn == nil {
					return nil
				}
				_, err := fn(goja.Undefined(), arg)
				return err
			}
			cn.feed = fs
		}
		fs.fn, fs.arg = fn, c.Argument(1)
		return vm.ToValue(cn.handle.FeedNext(fs.run))
	})
	// setTimed(on) says whether the socket has an activity timer (reads refresh it in JS).
	method("setTimed", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.timed = c.Argument(0).ToBoolean()
		return goja.Undefined()
	})
	method("readStop", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.reading {
			cn.reading = false
			cn.update()
		}
		return num(0)
	})
	// writeBuffer(buf) returns 0 when written synchronously, 1 when onwrite(status) follows,
	// or a negative errno.
	method("writeBuffer", func(cn *conn, c goja.FunctionCall) goja.Value {
		return num(cn.write(buffer.BytesOf(vm, c.Argument(0))))
	})
	// writeQueueSize is node's: the bytes written that the kernel has not taken yet.
	p.DefineAccessorProperty("writeQueueSize", vm.ToValue(func(c goja.FunctionCall) goja.Value {
		n := 0
		if cn := s.connOf(c.This); cn != nil {
			for _, b := range cn.wq {
				n += len(b)
			}
		}
		return num(n)
	}), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	// onread is an accessor: the value lives in the conn, where a read finds it without a
	// property lookup. A closed handle (no longer a conn) keeps what it is given as its own.
	p.DefineAccessorProperty("onread", vm.ToValue(func(c goja.FunctionCall) goja.Value {
		cn := s.connOf(c.This)
		if cn == nil || cn.onreadVal == nil {
			return goja.Undefined()
		}
		return cn.onreadVal
	}), vm.ToValue(func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if cn := s.connOf(c.This); cn != nil {
			cn.setOnread(v)
		} else if o, ok := c.This.(*goja.Object); ok {
			o.DefineDataProperty("onread", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		return goja.Undefined()
	}), goja.FLAG_TRUE, goja.FLAG_TRUE)
	// owner, reading and onwrite are accessors too (see conn.ownerVal).
	for _, name := range [...]string{"owner", "reading", "onwrite"} {
		field := func(cn *conn) *goja.Value {
			switch name {
			case "owner":
				return &cn.ownerVal
			case "reading":
				return &cn.readingVal
			}
			return &cn.onwriteVal
		}
		p.DefineAccessorProperty(name, vm.ToValue(func(c goja.FunctionCall) goja.Value {
			cn := s.connOf(c.This)
			if cn == nil || *field(cn) == nil {
				return goja.Undefined()
			}
			return *field(cn)
		}), vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v := c.Argument(0)
			if cn := s.connOf(c.This); cn != nil {
				if name == "owner" && cn.ownerVal != v {
					// the bytes counted so far are the old owner's
					if err := cn.foldCounts(); err != nil {
						panic(err)
					}
				}
				*field(cn) = v
			} else if o, ok := c.This.(*goja.Object); ok {
				o.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	method("connect", func(cn *conn, c goja.FunctionCall) goja.Value {
		return num(cn.connect(c.Argument(0).String(), c.Argument(1).String(), int(c.Argument(2).ToInteger()),
			c.Argument(3).String(), c.Argument(4).String(), int(c.Argument(5).ToInteger()), callback(c.Argument(6))))
	})
	method("shutdown", func(cn *conn, c goja.FunctionCall) goja.Value {
		cb := callback(c.Argument(0))
		if cn.closed || cn.pf.FD < 0 {
			return num(-int(syscall.ENOTCONN))
		}
		// Send the FIN from the loop right before the completion runs, as libuv does (after the
		// poll, in the same turn when called from it): the peer's reaction can then only be seen
		// on a later turn.
		req := cn.handle.NewAsyncReq("SHUTDOWNWRAP")
		cn.handle.Feed(func() error {
			var status int
			if cn.pf.FD >= 0 {
				status = errnoOf(unix.Shutdown(cn.pf.FD, unix.SHUT_WR))
			}
			cn.s.h.Loop.EnterAsyncReq(req)
			_, err := cb(goja.Undefined(), vm.ToValue(status))
			cn.s.h.Loop.EndAsyncReq(req)
			return err
		})
		return num(0)
	})
	method("close", func(cn *conn, c goja.FunctionCall) goja.Value {
		if err := cn.foldCounts(); err != nil {
			panic(err)
		}
		onClose(cn, cn.closeConn(), callback(c.Argument(0)))
		return goja.Undefined()
	})
	method("reset", func(cn *conn, c goja.FunctionCall) goja.Value {
		if err := cn.foldCounts(); err != nil {
			panic(err)
		}
		if cn.pf.FD >= 0 && !cn.unixSock {
			unix.SetsockoptLinger(cn.pf.FD, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0})
		}
		onClose(cn, cn.closeConn(), callback(c.Argument(0)))
		return goja.Undefined()
	})
	method("ref", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.unrefd = false
		cn.handle.SetJSRef(true)
		cn.syncRef()
		return goja.Undefined()
	})
	method("unref", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.unrefd = true
		cn.handle.SetJSRef(false)
		cn.handle.Unref()
		return goja.Undefined()
	})
	method("hasRef", func(cn *conn, c goja.FunctionCall) goja.Value { return vm.ToValue(!cn.unrefd && !cn.closed) })
	// getAsyncId is node's handle.getAsyncId(): the socket's TCPWRAP/PIPEWRAP id (async_hooks)
	method("getAsyncId", func(cn *conn, c goja.FunctionCall) goja.Value {
		id, _ := cn.handle.AsyncID()
		return vm.ToValue(id)
	})
	// asyncReset(resource) is node's handle.asyncReset: the socket's callbacks run in the current
	// async context from now on, under a new async id (an http Agent's reused socket)
	method("asyncReset", func(cn *conn, c goja.FunctionCall) goja.Value {
		var res any
		if o, ok := c.Argument(0).(*goja.Object); ok {
			res = o
		}
		cn.handle.AsyncReset(res)
		return goja.Undefined()
	})
	method("setNoDelay", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.pf.FD >= 0 && !cn.unixSock {
			v := 0
			if c.Argument(0).ToBoolean() {
				v = 1
			}
			return num(errnoOf(unix.SetsockoptInt(cn.pf.FD, unix.IPPROTO_TCP, unix.TCP_NODELAY, v)))
		}
		return num(0)
	})
	method("setKeepAlive", func(cn *conn, c goja.FunctionCall) goja.Value {
		on, secs := c.Argument(0).ToBoolean(), int(c.Argument(1).ToInteger())
		if cn.pf.FD >= 0 && !cn.unixSock {
			v := 0
			if on {
				v = 1
			}
			if err := unix.SetsockoptInt(cn.pf.FD, unix.SOL_SOCKET, unix.SO_KEEPALIVE, v); err != nil {
				return num(errnoOf(err))
			}
			if on && secs > 0 {
				unix.SetsockoptInt(cn.pf.FD, unix.IPPROTO_TCP, unix.TCP_KEEPINTVL, secs)
				return num(errnoOf(unix.SetsockoptInt(cn.pf.FD, unix.IPPROTO_TCP, unix.TCP_KEEPIDLE, secs)))
			}
		}
		return num(0)
	})
	method("getsockname", func(cn *conn, c goja.FunctionCall) goja.Value {
		out, _ := c.Argument(0).(*goja.Object)
		if cn.pf.FD < 0 || cn.unixSock {
			if out != nil {
				return num(-int(unix.EBADF))
			}
			return goja.Undefined()
		}
		sa, err := unix.Getsockname(cn.pf.FD)
		if err != nil {
			if out != nil {
				return num(errnoOf(err))
			}
			return goja.Undefined()
		}
		if out != nil {
			// (node's handle API: handle.getsockname(out) fills out and returns 0)
			a := s.addrObject(sa).(*goja.Object)
			for _, k := range a.Keys() {
				out.Set(k, a.Get(k))
			}
			return num(0)
		}
		return s.addrObject(sa)
	})
	method("getpeername", func(cn *conn, c goja.FunctionCall) goja.Value {
		out, _ := c.Argument(0).(*goja.Object)
		if cn.pf.FD < 0 || cn.unixSock {
			if out != nil {
				return num(-int(unix.EBADF))
			}
			return goja.Undefined()
		}
		sa, err := unix.Getpeername(cn.pf.FD)
		if err != nil {
			if out != nil {
				return num(errnoOf(err))
			}
			return goja.Undefined()
		}
		if out != nil {
			// (node's handle API: handle.getpeername(out) fills out and returns 0)
			a := s.addrObject(sa).(*goja.Object)
			for _, k := range a.Keys() {
				out.Set(k, a.Get(k))
			}
			return num(0)
		}
		return s.addrObject(sa)
	})
	// fd is a getter, as node's: the descriptor, -1 before the socket has one and once closed
	p.DefineAccessorProperty("fd", modules.Func(vm, "", 0, func(c goja.FunctionCall) goja.Value {
		if cn := s.connOf(c.This); cn != nil && cn.pf.FD >= 0 {
			return num(cn.pf.FD)
		}
		return num(-1)
	}), nil, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return p
}
