// Package net implements Node's "net" module: TCP and Unix stream servers and sockets, plus
// net.isIP, BlockList and SocketAddress. See https://nodejs.org/docs/latest-v20.x/api/net.html.
//
// Go owns the sockets; the JS glue (net.js) shapes them into Node's Server and Socket (a
// stream.Duplex). Every listener and every socket is an eventloop Handle: it keeps the loop
// alive while referenced and open, and its onStop closes it when the runtime closes.
//
// Reading: a socket's reader goroutine exists only while JS wants data. It waits for
// readability through the netpoller without holding a buffer, reads one chunk into a pooled
// buffer, copies it into a right-sized Buffer and posts it to the loop, then waits until the
// loop has delivered it and JS still wants more. So a paused socket (or one whose readable
// buffer is above highWaterMark) reads nothing from the kernel, and an idle connection costs a
// parked goroutine and no buffer.
//
// Writing: a write is first tried directly on the loop (non-blocking); what the kernel does not
// take is finished by a short-lived goroutine that posts the completion.
package net

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
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
var Module = modules.Module{Name: "net", Bind: bind, JS: netJS}

// uvEOF is libuv's UV_EOF, which onread receives at end of stream.
const uvEOF = -4095

const readChunk = 64 * 1024

// maxInflight bounds the chunks read ahead of JS (posted, not yet delivered): reading overlaps
// JS's processing of the previous chunk, and a socket JS stops reading overshoots by at most
// this many chunks.
const maxInflight = 2

var bufPool = sync.Pool{New: func() any { b := make([]byte, readChunk); return &b }}

type state struct {
	h  *modules.Host
	vm *goja.Runtime

	// inFlight holds connections accepted or dialed by a goroutine whose hand-over to the loop
	// has not run yet: if the runtime stops first, stopAll closes them.
	proto *goja.Object           // shared methods of socket handles
	conns map[*goja.Object]*conn // open socket handles by their JS object

	mu       sync.Mutex
	inFlight map[net.Conn]struct{}
	stopped  bool
}

// track registers a connection on its way to the loop; false means the runtime has stopped
// and the caller must close it. Safe from any goroutine.
func (s *state) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.inFlight[c] = struct{}{}
	return true
}

// untrack is called on the loop when the connection arrives.
func (s *state) untrack(c net.Conn) {
	s.mu.Lock()
	delete(s.inFlight, c)
	s.mu.Unlock()
}

func (s *state) stopAll() {
	s.mu.Lock()
	s.stopped = true
	for c := range s.inFlight {
		c.Close()
	}
	s.inFlight = nil
	s.mu.Unlock()
}

func bind(h *modules.Host, b *goja.Object) error {
	s := &state{h: h, vm: h.VM, inFlight: map[net.Conn]struct{}{}, conns: map[*goja.Object]*conn{}}
	h.Loop.NewHandle(s.stopAll).Unref()
	b.Set("listen", s.listen)
	b.Set("newHandle", func(kind string) *goja.Object { return s.newConn(nil).obj })
	b.Set("describe", func(v goja.Value) string { return modules.DescribeReceived(v) })
	bindAddr(s, b)
	b.Set("errname", func(errno int) string {
		code, _ := modules.ErrnoCode(syscall.Errno(-errno))
		return code
	})
	b.Set("strerror", func(errno int) string {
		m := (&modules.SystemError{Errno: syscall.Errno(-errno)}).Message()
		if i := indexColon(m); i >= 0 {
			return m[i+2:]
		}
		return m
	})
	// check(resource) returns ERR_ACCESS_DENIED when the runtime may not use resource.
	b.Set("check", func(resource string) goja.Value {
		if err := h.Check(modules.ScopeNet, resource); err != nil {
			return h.ToJS(err)
		}
		return goja.Undefined()
	})
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

// addrObject describes a socket address as Node's address() does.
func (s *state) addrObject(a net.Addr) goja.Value {
	switch a := a.(type) {
	case *net.TCPAddr:
		o := s.vm.NewObject()
		ip := a.IP
		fam := "IPv6"
		addr := ip.String()
		if ip4 := ip.To4(); ip4 != nil && len(ip) == net.IPv4len {
			fam = "IPv4"
		} else if ip.To4() != nil && !isV4Mapped(ip) {
			fam = "IPv4"
		}
		if ip == nil || ip.IsUnspecified() && len(ip) == net.IPv6len && !isV4Mapped(ip) {
			addr, fam = "::", "IPv6"
		}
		if isV4Mapped(ip) {
			addr = "::ffff:" + ip.To4().String()
			fam = "IPv6"
		}
		if a.Zone != "" {
			addr += "%" + a.Zone
		}
		o.Set("address", addr)
		o.Set("family", fam)
		o.Set("port", a.Port)
		return o
	case *net.UnixAddr:
		return s.vm.ToValue(a.Name)
	}
	return s.vm.NewObject()
}

func isV4Mapped(ip net.IP) bool {
	if len(ip) != net.IPv6len {
		return false
	}
	for i := 0; i < 10; i++ {
		if ip[i] != 0 {
			return false
		}
	}
	return ip[10] == 0xff && ip[11] == 0xff
}

// ---------------------------------------------------------------- listeners

type listener struct {
	s      *state
	ln     net.Listener
	handle *eventloop.Handle
	once   sync.Once
	wg     sync.WaitGroup
	isV4   bool // listening on an IPv4 address: accepted peers are plain IPv4
}

func (l *listener) close() {
	l.once.Do(func() {
		l.ln.Close()
		l.handle.Close()
	})
}

// listen(kind, host, port, path, backlog, ipv6Only, onconnection) returns the listener object
// or a negative errno.
func (s *state) listen(kind, host string, port int, path string, backlog int, ipv6Only bool, onconn goja.Callable) goja.Value {
	var ln net.Listener
	var err error
	if kind == "unix" {
		ln, err = net.Listen("unix", path)
		if err == nil {
			ln.(*net.UnixListener).SetUnlinkOnClose(true)
		}
	} else {
		network := "tcp"
		ip := net.ParseIP(host)
		if ip != nil && ip.To4() != nil && !stringsContains(host, ":") {
			network = "tcp4"
		} else if ip != nil {
			network = "tcp6"
		}
		lc := net.ListenConfig{KeepAlive: -1}
		if ipv6Only && network != "tcp4" {
			lc.Control = func(_, _ string, c syscall.RawConn) error {
				var serr error
				c.Control(func(fd uintptr) { serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, 1) })
				return serr
			}
		}
		ln, err = lc.Listen(s.h.Ctx, network, net.JoinHostPort(host, strconv.Itoa(port)))
	}
	if err != nil {
		return s.vm.ToValue(errnoOf(err))
	}
	l := &listener{s: s, ln: ln}
	if ta, ok := ln.Addr().(*net.TCPAddr); ok && ta.IP.To4() != nil && len(ta.IP) == net.IPv4len {
		l.isV4 = true
	}
	l.handle = s.h.Loop.NewHandle(l.close)
	o := s.vm.NewObject()
	o.Set("close", func(cb goja.Callable) {
		l.close()
		if cb != nil {
			s.h.Loop.OnClose(func() error { _, err := cb(goja.Undefined()); return err })
		}
	})
	o.Set("ref", func() { l.handle.Ref() })
	o.Set("unref", func() { l.handle.Unref() })
	o.Set("hasRef", func() bool { return l.handle.HasRef() })
	o.Set("address", func() goja.Value { return s.addrObject(ln.Addr()) })
	l.wg.Add(1)
	go l.acceptLoop(onconn, o)
	return o
}

func stringsContains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func (l *listener) acceptLoop(onconn goja.Callable, self *goja.Object) {
	defer l.wg.Done()
	var delay time.Duration
	for {
		c, err := l.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || l.handle.Closed() {
				return
			}
			if en := modules.ErrnoOf(err); en == syscall.EMFILE || en == syscall.ENFILE {
				// Out of descriptors: report, back off, keep serving.
				errno := errnoOf(err)
				l.handle.Post(func() error {
					_, err := onconn(self, l.s.vm.ToValue(errno))
					return err
				})
				if delay == 0 {
					delay = 5 * time.Millisecond
				} else if delay < time.Second {
					delay *= 2
				}
				time.Sleep(delay)
				continue
			}
			continue
		}
		delay = 0
		if !l.s.track(c) {
			c.Close()
			return
		}
		if !l.s.h.Loop.Post(func() error {
			l.s.untrack(c)
			if l.handle.Closed() {
				c.Close()
				return nil
			}
			cn := l.s.newConn(c)
			_, err := onconn(self, goja.Undefined(), cn.obj)
			return err
		}) {
			c.Close()
		}
	}
}

// ---------------------------------------------------------------- connections

type conn struct {
	s      *state
	c      net.Conn
	rc     syscall.RawConn
	handle *eventloop.Handle
	obj    *goja.Object

	reading  atomic.Bool
	inflight atomic.Int32 // chunks posted and not yet delivered
	peek     [1]byte      // reader goroutine only
	wake     chan struct{}
	done     chan struct{}
	started  bool // reader goroutine started (loop only)
	closed   bool // loop only
	cancel   context.CancelFunc

	writing bool // an async write is in flight (loop only)

	onread  goja.Callable
	onwrite goja.Callable
}

type syscallConn interface {
	SyscallConn() (syscall.RawConn, error)
}

// newConn wraps an accepted or connected net.Conn. Loop only.
func (s *state) newConn(c net.Conn) *conn {
	cn := &conn{s: s, wake: make(chan struct{}, 1), done: make(chan struct{})}
	cn.handle = s.h.Loop.NewHandle(cn.stop)
	cn.obj = s.connObject(cn)
	if c != nil {
		cn.setConn(c)
	}
	return cn
}

func (cn *conn) setConn(c net.Conn) {
	cn.c = c
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetNoDelay(false) // Node leaves Nagle on until setNoDelay(true); Go turns it off
	}
	if sc, ok := c.(syscallConn); ok {
		cn.rc, _ = sc.SyscallConn()
	}
}

// kindUnix reports a Unix domain socket: Node's pipe handles have no getsockname/getpeername.
func (cn *conn) kindUnix() bool {
	_, ok := cn.c.(*net.UnixConn)
	return ok
}

// stop closes the socket at runtime shutdown.
func (cn *conn) stop() { cn.close() }

// close releases the descriptor and the handle. Loop only; idempotent.
func (cn *conn) close() {
	if cn.closed {
		return
	}
	cn.closed = true
	delete(cn.s.conns, cn.obj)
	cn.reading.Store(false)
	close(cn.done)
	if cn.cancel != nil {
		cn.cancel()
	}
	if cn.c != nil {
		cn.c.Close()
	}
	cn.handle.Close()
}

func (cn *conn) fn(name string) goja.Callable {
	f, _ := goja.AssertFunction(cn.obj.Get(name))
	return f
}

// connObject returns the JS handle for cn: a small object whose methods live on one shared
// prototype per runtime (so an idle connection does not carry a dozen function objects).
func (s *state) connObject(cn *conn) *goja.Object {
	if s.proto == nil {
		s.proto = s.makeConnProto()
	}
	o := s.vm.NewObject()
	o.SetPrototype(s.proto)
	s.conns[o] = cn
	return o
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
	onClose := func(cb goja.Callable) {
		if cb != nil {
			s.h.Loop.OnClose(func() error { _, err := cb(goja.Undefined()); return err })
		}
	}
	method("readStart", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.closed || cn.c == nil {
			return ebadf
		}
		if cn.reading.Swap(true) {
			return num(0)
		}
		if !cn.started {
			cn.started = true
			go cn.readLoop()
		}
		cn.signal()
		return num(0)
	})
	method("readStop", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.reading.Store(false)
		return num(0)
	})
	// writeBuffer(buf) returns 0 when written synchronously, 1 when onwrite(status) follows,
	// or a negative errno.
	method("writeBuffer", func(cn *conn, c goja.FunctionCall) goja.Value {
		return num(cn.write(buffer.BytesOf(vm, c.Argument(0))))
	})
	method("connect", func(cn *conn, c goja.FunctionCall) goja.Value {
		return num(cn.connect(c.Argument(0).String(), c.Argument(1).String(), int(c.Argument(2).ToInteger()),
			c.Argument(3).String(), c.Argument(4).String(), int(c.Argument(5).ToInteger()), callback(c.Argument(6))))
	})
	method("shutdown", func(cn *conn, c goja.FunctionCall) goja.Value {
		cb := callback(c.Argument(0))
		if cn.closed || cn.c == nil {
			return num(-int(syscall.ENOTCONN))
		}
		// Send the FIN from the loop right before the completion runs, as libuv does in its
		// poll phase: the peer's reaction can then only be seen on a later turn.
		cn.handle.Post(func() error {
			var status int
			if cw, ok := cn.c.(interface{ CloseWrite() error }); ok {
				status = errnoOf(cw.CloseWrite())
			}
			_, err := cb(goja.Undefined(), vm.ToValue(status))
			return err
		})
		return num(0)
	})
	method("close", func(cn *conn, c goja.FunctionCall) goja.Value {
		cn.close()
		onClose(callback(c.Argument(0)))
		return goja.Undefined()
	})
	method("reset", func(cn *conn, c goja.FunctionCall) goja.Value {
		if tc, ok := cn.c.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		cn.close()
		onClose(callback(c.Argument(0)))
		return goja.Undefined()
	})
	method("ref", func(cn *conn, c goja.FunctionCall) goja.Value { cn.handle.Ref(); return goja.Undefined() })
	method("unref", func(cn *conn, c goja.FunctionCall) goja.Value { cn.handle.Unref(); return goja.Undefined() })
	method("hasRef", func(cn *conn, c goja.FunctionCall) goja.Value { return vm.ToValue(cn.handle.HasRef()) })
	method("setNoDelay", func(cn *conn, c goja.FunctionCall) goja.Value {
		if tc, ok := cn.c.(*net.TCPConn); ok {
			return num(errnoOf(tc.SetNoDelay(c.Argument(0).ToBoolean())))
		}
		return num(0)
	})
	method("setKeepAlive", func(cn *conn, c goja.FunctionCall) goja.Value {
		on, secs := c.Argument(0).ToBoolean(), int(c.Argument(1).ToInteger())
		if tc, ok := cn.c.(*net.TCPConn); ok {
			if err := tc.SetKeepAlive(on); err != nil {
				return num(errnoOf(err))
			}
			if on && secs > 0 {
				return num(errnoOf(tc.SetKeepAlivePeriod(time.Duration(secs) * time.Second)))
			}
		}
		return num(0)
	})
	method("getsockname", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.c == nil || cn.kindUnix() {
			return goja.Undefined()
		}
		return s.addrObject(cn.c.LocalAddr())
	})
	method("getpeername", func(cn *conn, c goja.FunctionCall) goja.Value {
		if cn.c == nil || cn.kindUnix() {
			return goja.Undefined()
		}
		return s.addrObject(cn.c.RemoteAddr())
	})
	method("fd", func(cn *conn, c goja.FunctionCall) goja.Value {
		fd := -1
		if cn.rc != nil {
			cn.rc.Control(func(f uintptr) { fd = int(f) })
		}
		return num(fd)
	})
	return p
}

func (cn *conn) signal() {
	select {
	case cn.wake <- struct{}{}:
	default:
	}
}

// readLoop runs while the socket is open. It reads only while JS wants data (reading) and fewer
// than maxInflight chunks await delivery: a paused socket, or one whose readable
// buffer is over highWaterMark, reads nothing more from the kernel. Between chunks it parks in
// the netpoller waiting for readability, holding no buffer; it falls back to the wake channel
// only when JS has stopped reading or the loop is behind.
func (cn *conn) readLoop() {
	for {
		select {
		case <-cn.wake:
		case <-cn.done:
			return
		}
		for cn.reading.Load() {
			var bp *[]byte
			var n int
			var rerr error
			err := cn.rc.Read(func(fd uintptr) bool {
				if !cn.reading.Load() {
					return true
				}
				if cn.inflight.Load() >= maxInflight {
					// The loop has not taken the last chunk yet. Wait for readability without
					// reading if the kernel has nothing (RawRead reset the readiness state, so
					// this is only safe once we know the buffer is empty); otherwise wait for
					// the loop.
					_, _, perr := unix.Recvfrom(int(fd), cn.peek[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
					return perr != unix.EAGAIN
				}
				for {
					b := bufPool.Get().(*[]byte)
					n, rerr = unix.Read(int(fd), *b)
					if rerr == unix.EINTR {
						bufPool.Put(b)
						continue
					}
					if rerr == unix.EAGAIN {
						bufPool.Put(b)
						return false
					}
					bp = b
					return true
				}
			})
			if err != nil {
				// Closed under us (by the loop), or a deadline: nothing to deliver.
				select {
				case <-cn.done:
					return
				default:
				}
				rerr = err
			}
			var status int
			var data []byte
			switch {
			case rerr != nil:
				status = errnoOf(rerr)
			case bp == nil:
				// JS stopped reading, or the previous chunk is still on its way.
				goto idle
			case n == 0:
				status = uvEOF
			default:
				data = make([]byte, n)
				copy(data, (*bp)[:n])
			}
			if bp != nil {
				bufPool.Put(bp)
			}
			cn.inflight.Add(1)
			cn.handle.Post(func() error { return cn.deliver(data, status) })
			if status != 0 {
				return
			}
		}
	idle:
	}
}

// deliver hands one chunk (or EOF/error) to JS and, if JS still wants data, wakes the reader.
func (cn *conn) deliver(data []byte, status int) error {
	if cn.onread == nil {
		cn.onread = cn.fn("onread")
	}
	var arg goja.Value
	if status != 0 {
		cn.reading.Store(false)
		arg = cn.s.vm.ToValue(status)
	} else {
		arg = buffer.New(cn.s.h, data)
	}
	_, err := cn.onread(cn.obj, arg)
	cn.inflight.Add(-1)
	if status == 0 && cn.reading.Load() && !cn.closed {
		cn.signal()
	}
	return err
}

// write tries b on the loop without blocking; what is left goes to a goroutine.
func (cn *conn) write(b []byte) int {
	if cn.closed || cn.c == nil {
		return -int(syscall.EBADF)
	}
	if !cn.writing && cn.rc != nil {
		var n int
		var werr error
		err := cn.rc.Write(func(fd uintptr) bool {
			for len(b) > 0 {
				n, werr = unix.Write(int(fd), b)
				if werr == unix.EINTR {
					continue
				}
				if werr != nil {
					break
				}
				b = b[n:]
			}
			return true
		})
		if err != nil {
			return errnoOf(err)
		}
		if werr != nil && werr != unix.EAGAIN {
			return errnoOf(werr)
		}
		if len(b) == 0 {
			return 0
		}
	}
	cn.writing = true
	c := cn.c
	go func() {
		_, err := c.Write(b)
		status := errnoOf(err)
		cn.handle.Post(func() error {
			cn.writing = false
			if cn.onwrite == nil {
				cn.onwrite = cn.fn("onwrite")
			}
			_, err := cn.onwrite(cn.obj, cn.s.vm.ToValue(status))
			return err
		})
	}()
	return 1
}

// connect dials on a goroutine; oncomplete(status) follows on the loop. It returns 0, or a
// negative errno for errors known at once (a bad local address). Loop only.
func (cn *conn) connect(kind, host string, port int, path, localAddress string, localPort int, oncomplete goja.Callable) int {
	s := cn.s
	if cn.closed {
		return -int(syscall.EBADF)
	}
	ctx, cancel := context.WithCancel(s.h.Ctx)
	cn.cancel = cancel
	d := net.Dialer{KeepAlive: -1}
	network, addr := "unix", path
	if kind != "unix" {
		network = "tcp"
		addr = net.JoinHostPort(host, strconv.Itoa(port))
		if localAddress != "" || localPort != 0 {
			ip := net.ParseIP(localAddress)
			if localAddress != "" && ip == nil {
				return -int(syscall.EINVAL)
			}
			d.LocalAddr = &net.TCPAddr{IP: ip, Port: localPort}
		}
	}
	go func() {
		c, err := d.DialContext(ctx, network, addr)
		status := errnoOf(err)
		if c != nil && !s.track(c) {
			c.Close()
			return
		}
		reposted := false
		var complete func() error
		complete = func() error {
			if !reposted && c != nil && !cn.closed {
				// Let an accept on the other end, woken at the same moment, go first (as
				// libuv's poll order does for loopback connections).
				reposted = true
				if s.h.Loop.Post(complete) {
					return nil
				}
			}
			if c != nil {
				s.untrack(c)
			}
			if cn.closed {
				if c != nil {
					c.Close()
				}
				return nil
			}
			if c != nil {
				cn.setConn(c)
			}
			_, err := oncomplete(cn.obj, s.vm.ToValue(status))
			return err
		}
		if !s.h.Loop.Post(complete) && c != nil {
			c.Close()
		}
	}()
	return 0
}
