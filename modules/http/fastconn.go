package http

import (
	"net"
	"os"
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

// The server's read path for plain TCP connections. A JS net.Socket still represents the
// connection (req.socket, 'connection', timeouts, end/destroy all go through it), but the bytes
// are read here, on a duplicate of the socket's descriptor, and fed straight to the Go parser on
// the loop: no Buffer, no JS call per chunk, and a small read buffer taken from a pool only
// while the kernel has data (an idle connection holds none). net's own reader is never started
// for such a connection (the server accepts sockets paused). EOF and read errors are handed to
// the socket's handle as its own reader would; an upgrade stops this reader and gives the
// socket back to net.

const fastReadChunk = 16 * 1024

var fastBufPool = sync.Pool{New: func() any { b := make([]byte, fastReadChunk); return &b }}

type fastConn struct {
	h      *modules.Host
	p      *Parser
	conn   net.Conn
	rc     syscall.RawConn
	handle *eventloop.Handle
	closed atomic.Bool
	done   chan struct{}

	// The reader reads while reading is set (JS has not paused the request) and fewer than
	// maxFastInflight chunks wait for the loop; then it waits on wake.
	reading  atomic.Bool
	inflight atomic.Int32
	wake     chan struct{}

	stopped bool // loop only

	socket, state *goja.Object
	hooks         *goja.Object
	onEOF         goja.Callable // hooks.eof(state, status)
	onError       goja.Callable // hooks.parseError(state, code, reason, bytesParsed, rawPacket)
	onUpgrade     goja.Callable // hooks.upgrade(state, bodyHead)
	unrefTimer    goja.Callable
}

// startFastRead begins reading fd (duplicated) into p. It returns the control object
// {pause, resume, close}, or null if the descriptor cannot be used (the caller keeps net's
// reader then).
func startFastRead(h *modules.Host, p *Parser, fd int, socket, state, hooks *goja.Object) goja.Value {
	vm := h.VM
	nfd, err := unix.Dup(fd)
	if err != nil {
		return goja.Null()
	}
	f := os.NewFile(uintptr(nfd), "")
	c, err := net.FileConn(f) // dups again; close ours
	f.Close()
	if err != nil {
		return goja.Null()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		c.Close()
		return goja.Null()
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		c.Close()
		return goja.Null()
	}
	fc := &fastConn{h: h, p: p, conn: c, rc: rc, done: make(chan struct{}), wake: make(chan struct{}, 1),
		socket: socket, state: state, hooks: hooks}
	fc.reading.Store(true)
	fn := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(hooks.Get(name))
		return f
	}
	fc.onEOF, fc.onError, fc.onUpgrade = fn("eof"), fn("parseError"), fn("upgrade")
	fc.unrefTimer, _ = goja.AssertFunction(socket.Get("_unrefTimer"))
	fc.handle = h.Loop.NewHandle(fc.close)
	fc.handle.Unref() // the socket's own handle keeps the loop alive
	o := vm.NewObject()
	o.Set("pause", func() { fc.reading.Store(false) })
	o.Set("resume", func() {
		fc.reading.Store(true)
		fc.signal()
	})
	o.Set("close", func() { fc.close() })
	go fc.run()
	return o
}

// maxFastInflight is 1: the next chunk is read only once the loop has parsed the previous one,
// so nothing past an upgrade's head is ever read here (net reads it once JS takes the socket).
// While a chunk waits, the reader waits for readability without reading (MSG_PEEK), so the
// usual request/response turn costs no extra wake-up.
const maxFastInflight = 1

func (fc *fastConn) signal() {
	select {
	case fc.wake <- struct{}{}:
	default:
	}
}

// close stops the reader and releases the duplicate descriptor. Loop only; idempotent.
func (fc *fastConn) close() {
	if fc.stopped && fc.closed.Load() {
		return
	}
	fc.stopped = true
	if !fc.closed.Swap(true) {
		close(fc.done)
		fc.conn.Close()
		fc.handle.Close()
	}
}

func (fc *fastConn) run() {
	for {
		for !fc.reading.Load() || fc.inflight.Load() >= maxFastInflight {
			select {
			case <-fc.wake:
			case <-fc.done:
				return
			}
		}
		var bp *[]byte
		var n int
		var rerr error
		err := fc.rc.Read(func(fd uintptr) bool {
			if fc.closed.Load() || !fc.reading.Load() {
				return true
			}
			if fc.inflight.Load() >= maxFastInflight {
				var peek [1]byte
				_, _, perr := unix.Recvfrom(int(fd), peek[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
				return perr != unix.EAGAIN
			}
			b := fastBufPool.Get().(*[]byte)
			for {
				n, rerr = unix.Read(int(fd), *b)
				if rerr != unix.EINTR {
					break
				}
			}
			if rerr == unix.EAGAIN {
				fastBufPool.Put(b)
				return false
			}
			bp = b
			return true
		})
		if fc.closed.Load() {
			if bp != nil {
				fastBufPool.Put(bp)
			}
			return
		}
		if err == nil && bp == nil {
			continue // paused meanwhile
		}
		status := 0
		switch {
		case err != nil:
			status = errnoOf(err)
		case rerr != nil:
			status = errnoOf(rerr)
		case n == 0:
			status = uvEOF
		}
		// Hand the loop a right-sized copy and keep no pooled buffer while it waits.
		var data []byte
		if bp != nil {
			if status == 0 {
				data = make([]byte, n)
				copy(data, (*bp)[:n])
			}
			fastBufPool.Put(bp)
		}
		fc.inflight.Add(1)
		if !fc.handle.Post(func() error { return fc.deliver(data, status) }) {
			return
		}
		if status != 0 {
			return
		}
	}
}


func errnoOf(err error) int {
	if en := modules.ErrnoOf(err); en != 0 {
		return -int(en)
	}
	return -int(syscall.EIO)
}

func truthy(o *goja.Object, name string) bool {
	v := o.Get(name)
	return v != nil && v.ToBoolean()
}

// deliver runs one chunk (or EOF/error) on the loop. An exception thrown by JS called from
// the parser (a 'request' listener) is returned to the loop, and reading goes on, as with
// net's reader.
func (fc *fastConn) deliver(data []byte, status int) (rerr error) {
	defer func() {
		fc.inflight.Add(-1)
		fc.signal()
	}()
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(error)
			if !ok {
				panic(r)
			}
			rerr = err
		}
	}()
	if fc.stopped {
		return nil
	}
	vm := fc.h.VM
	if status != 0 {
		fc.stopped = true
		fc.close()
		if truthy(fc.socket, "destroyed") {
			return nil
		}
		_, err := fc.onEOF(fc.hooks, fc.state, vm.ToValue(status))
		return err
	}
	if truthy(fc.socket, "destroyed") {
		fc.close()
		return nil
	}
	// What the socket's reader and onParserExecute do per chunk: refresh the socket timeout,
	// note activity on an idle keep-alive connection, and stamp the start of a new head.
	if truthy(fc.socket, "timeout") && fc.unrefTimer != nil {
		if _, err := fc.unrefTimer(fc.socket); err != nil {
			return err
		}
	}
	var now goja.Value
	if truthy(fc.state, "lazyKeepAlive") {
		now = vm.ToValue(time.Now().UnixMilli())
		fc.state.Set("idleAt", now)
	}
	if r := fc.state.Get("req"); (r == nil || goja.IsNull(r) || goja.IsUndefined(r)) && !truthy(fc.state, "headStart") {
		if now == nil {
			now = vm.ToValue(time.Now().UnixMilli())
		}
		fc.state.Set("headStart", now)
	}
	ret := fc.p.Execute(data)
	if fc.p.Err != nil {
		e := fc.p.Err
		_, err := fc.onError(fc.hooks, fc.state, vm.ToValue(e.Code), vm.ToValue(e.Reason), vm.ToValue(e.Bytes), buffer.New(fc.h, data))
		return err
	}
	if fc.p.Upgraded {
		fc.close()
		_, err := fc.onUpgrade(fc.hooks, fc.state, buffer.New(fc.h, data[ret:]))
		return err
	}
	return nil
}
