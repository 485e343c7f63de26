package net

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

// Native handles for handle passing (child_process's "net.Native", cluster): a connection
// handle (see adoptConn) or an idle listener, a listening socket this process does not accept
// on. The cluster primary makes one for a port its workers share (scheduling policy "none") and
// sends it; the receiving server adopts its descriptor with listen(handle).

type idleListener struct {
	fd int
}

// idleObject is the JS side of an idle listener. Loop only.
func (s *state) idleObject(il *idleListener) *goja.Object {
	o := s.vm.NewObject()
	o.DefineAccessorProperty("fd", modules.Func(s.vm, "", 0, func(goja.FunctionCall) goja.Value { return s.vm.ToValue(il.fd) }),
		nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	o.Set("close", func() {
		if il.fd >= 0 {
			unix.Close(il.fd)
			il.fd = -1
		}
		delete(s.idle, o)
	})
	// detach gives the descriptor to the caller, who closes it from now on.
	o.Set("detach", func() int {
		fd := il.fd
		il.fd = -1
		delete(s.idle, o)
		return fd
	})
	o.Set("address", func() goja.Value {
		if il.fd < 0 {
			return s.vm.NewObject()
		}
		sa, err := unix.Getsockname(il.fd)
		if err != nil {
			return s.vm.NewObject()
		}
		return s.addrObject(sa)
	})
	if s.idle == nil {
		s.idle = map[*goja.Object]*idleListener{}
	}
	s.idle[o] = il
	return o
}

func bindNative(s *state, b *modules.LazyFuncs) {
	// listenIdle(kind, host, port, path, backlog, ipv6Only) returns an idle listener or a
	// negative errno.
	b.Set("listenIdle", func(kind, host string, port int, path string, backlog int, ipv6Only bool) goja.Value {
		fd, err := listenFD(kind, host, port, path, s.h.Cwd(), backlog, ipv6Only)
		if err != nil {
			return s.vm.ToValue(errnoOf(err))
		}
		return s.idleObject(&idleListener{fd: fd})
	})
	// adoptNative(fd) wraps a received stream socket: an idle listener if it listens, else a
	// connection handle (or a negative errno).
	b.Set("adoptNative", func(fd int) goja.Value {
		if v, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ACCEPTCONN); err == nil && v != 0 {
			unix.CloseOnExec(fd)
			return s.idleObject(&idleListener{fd: fd})
		}
		return s.adoptConn(fd)
	})
	// isNative(v) reports whether v is an open connection handle or an idle listener;
	// isNative(v, true) also takes an open listener handle (a server's _handle).
	b.Set("isNative", func(v goja.Value, withListeners bool) bool {
		o, ok := v.(*goja.Object)
		if !ok {
			return false
		}
		if _, ok := s.conns[o]; ok {
			return true
		}
		if _, ok := s.idle[o]; ok {
			return true
		}
		l := s.listeners[o]
		return l != nil && !l.closed && withListeners
	})
}
