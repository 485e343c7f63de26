package childprocess

import (
	"bytes"
	"encoding/binary"
	"os"
	"strconv"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

// ipcChan is one end of a fork IPC channel: a Unix socket carrying Node's framing, so that either
// side may be node. "json" frames are JSON texts ended by '\n'; "advanced" frames are a 4-byte
// big-endian length and v8.serialize output. Framing is done here; JS encodes and decodes.
//
// The channel is read and written on the loop, through the runtime's eventloop.Poller, as
// libuv does with node's IPC pipe: no goroutine. It is registered for EPOLLIN while open, and
// for EPOLLOUT while writes the kernel did not take wait. Each readiness event reads what the
// socket holds (at most maxReads reads) and hands the whole frames it completes to
// cbs.onMessages as one batch; the end of input goes to cbs.onEnd. The channel's handle keeps
// the loop alive while referenced (ref()/unref() from JS); an unref'd channel still delivers
// what arrives while the loop runs for other reasons, as a libuv handle does.
//
// Handles (net servers and sockets) travel as node sends them: a NODE_HANDLE message whose
// first byte carries the descriptor in an SCM_RIGHTS control message. The reader queues received
// descriptors in order; JS takes the next one (takeFd) for each NODE_HANDLE message it decodes,
// since a descriptor always arrives no later than the bytes of its message.
//
// Writes keep node's (libuv's) order, where a write's completion comes before any reply to it:
// a frame is first written at once without blocking, as libuv tries, and if it all went out its
// callback is a nextTick, ahead of any read. What does not fit waits for EPOLLOUT, and a
// readiness event finishes writes before it reads, so the completion of a frame's last bytes
// comes before any reply to it.
type ipcChan struct {
	st       *state
	h        *modules.Host
	pf       eventloop.PollFD
	advanced bool
	handle   *eventloop.Handle
	cbs      *goja.Object
	oob      []byte
	pend     []byte // the start of a frame not yet whole
	fds      []int  // received descriptors not yet taken
	wq       []ipcWrite
	queued   int  // bytes in wq (node's writeQueueSize)
	closing  bool // closed (by JS, or at the end of input)
	ended    bool // onEnd was called (or is not wanted)
}

// ipcWrite is a frame (the part not yet written) and its completion; fd (ours to close) goes
// with its first byte.
type ipcWrite struct {
	b    []byte
	fd   int
	done func(error) error
	p    *eventloop.Pending // keeps the loop alive until done
}

// openIPC wraps fd (ours, already open) as a channel and starts reading it.
func openIPC(st *state, fd int, advanced bool, cbs *goja.Object) (*ipcChan, error) {
	h := st.h
	poll, err := st.poller()
	if err != nil {
		return nil, err
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return nil, err
	}
	c := &ipcChan{st: st, h: h, pf: eventloop.PollFD{FD: fd}, advanced: advanced, cbs: cbs,
		oob: make([]byte, syscall.CmsgSpace(16*4))}
	c.handle = h.Loop.NewHandle(c.closeNow)
	// (while unref'd, what the channel's readiness queues does not keep the loop alive: a loop
	// that has nothing else left ends, as libuv's, without reading it)
	c.handle.WeakPosts()
	poll.Add(&c.pf, c)
	c.update()
	return c, nil
}

// AsyncHandle makes the channel's events run in its handle's async context.
func (c *ipcChan) AsyncHandle() *eventloop.Handle { return c.handle }

// socketPair returns the parent's and the child's ends of a new IPC socket. The parent's end is
// close-on-exec; the child's end is passed through ExtraFiles.
func socketPair() (parent int, child *os.File, err error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, nil, err
	}
	return fds[0], os.NewFile(uintptr(fds[1]), "ipc"), nil
}

func (c *ipcChan) call(name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(c.cbs.Get(name))
	if !ok {
		return nil
	}
	_, err := fn(goja.Undefined(), args...)
	return err
}

// update sets the interest the channel's state calls for.
func (c *ipcChan) update() {
	if c.pf.FD < 0 || c.st.poll == nil {
		return
	}
	var want uint32
	if !c.closing {
		want = unix.EPOLLIN
	}
	if len(c.wq) > 0 {
		want |= unix.EPOLLOUT
	}
	c.st.poll.Set(&c.pf, want)
}

func (c *ipcChan) OnPollEvent(ev uint32) error {
	if len(c.wq) > 0 && ev&(unix.EPOLLOUT|unix.EPOLLERR|unix.EPOLLHUP) != 0 {
		if err := c.flush(); err != nil {
			return err
		}
	}
	if c.closing || c.pf.FD < 0 || ev&(unix.EPOLLIN|unix.EPOLLERR|unix.EPOLLHUP) == 0 {
		return nil
	}
	return c.read(maxReads)
}

// drain reads what the channel holds (the child has exited: what it sent comes before 'exit').
func (c *ipcChan) drain() error {
	if c.closing || c.pf.FD < 0 {
		return nil
	}
	return c.read(maxReads)
}

// read reads up to max times, until the socket is empty, and hands JS the whole frames read.
func (c *ipcChan) read(max int) error {
	if c.st.buf == nil {
		c.st.buf = make([]byte, readChunk)
	}
	buf := c.st.buf
	var frames []any
	eof := false
	for i := 0; i < max; i++ {
		n, oobn, _, _, err := unix.Recvmsg(c.pf.FD, buf, c.oob, unix.MSG_CMSG_CLOEXEC|unix.MSG_DONTWAIT)
		if err == unix.EINTR {
			i--
			continue
		}
		if err == unix.EAGAIN {
			break
		}
		if oobn > 0 {
			c.queueFds(c.oob[:oobn])
		}
		if err != nil || n == 0 {
			eof = true
			break
		}
		frames = c.frames(frames, buf[:n])
		if n < len(buf) {
			break
		}
	}
	if len(frames) > 0 {
		if err := c.call("onMessages", c.h.VM.NewArray(frames...)); err != nil {
			return err
		}
	}
	if eof {
		return c.end()
	}
	return nil
}

// frames appends to out the frames data completes (with what is pending from earlier reads) and
// keeps the rest: strings for json, ArrayBuffers for advanced.
func (c *ipcChan) frames(out []any, data []byte) []any {
	pending := len(c.pend) > 0 // data is c.pend (else the shared read buffer)
	if pending {
		if !c.advanced && bytes.IndexByte(data, '\n') < 0 {
			// (a long json frame goes on: what is pending holds no '\n', so only the new bytes
			// are searched)
			c.pend = append(c.pend, data...)
			return out
		}
		c.pend = append(c.pend, data...)
		data = c.pend
	}
	vm := c.h.VM
	for {
		if c.advanced {
			if len(data) < 4 {
				break
			}
			size := int(binary.BigEndian.Uint32(data))
			if len(data)-4 < size {
				break
			}
			b := make([]byte, size)
			copy(b, data[4:4+size])
			out = append(out, vm.NewArrayBuffer(b))
			data = data[4+size:]
		} else {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				break
			}
			out = append(out, string(data[:i]))
			data = data[i+1:]
		}
	}
	// The rest stays pending: copied out of the shared read buffer, or moved to the start of
	// c.pend when frames were taken from it (a frame that spans many reads is not copied at
	// each).
	switch {
	case len(data) == 0:
		c.pend = nil
	case !pending:
		c.pend = append([]byte(nil), data...)
	case len(data) < len(c.pend):
		c.pend = c.pend[:copy(c.pend, data)]
	}
	return out
}

// end is the end of input: the channel closes, and JS is told.
func (c *ipcChan) end() error {
	c.closing = true
	c.closeFD()
	c.handle.Close()
	if c.ended {
		return nil
	}
	c.ended = true
	return c.call("onEnd")
}

func (c *ipcChan) queueFds(oob []byte) {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return
	}
	for i := range msgs {
		fds, err := syscall.ParseUnixRights(&msgs[i])
		if err == nil {
			c.fds = append(c.fds, fds...)
		}
	}
}

// takeFd returns the oldest received descriptor not yet taken, or -1.
func (c *ipcChan) takeFd() int {
	if len(c.fds) == 0 {
		return -1
	}
	fd := c.fds[0]
	c.fds = c.fds[1:]
	return fd
}

// closeFD closes the socket and the received descriptors nobody took. Pending writes are
// dropped, as libuv cancels them when it closes the pipe (node's completion of a write, then,
// reports no error).
func (c *ipcChan) closeFD() {
	for _, fd := range c.fds {
		unix.Close(fd)
	}
	c.fds = nil
	c.pend = nil
	c.st.closeFD(&c.pf)
	wq := c.wq
	c.wq, c.queued = nil, 0
	for _, w := range wq {
		if w.fd >= 0 {
			unix.Close(w.fd)
		}
		done := w.done
		w.p.Done(func() error { return done(nil) })
	}
}

// closeNow is the runtime closing with the channel open.
func (c *ipcChan) closeNow() {
	c.closing, c.ended = true, true
	for _, w := range c.wq {
		w.p.Cancel()
	}
	c.wq = nil
	c.closeFD()
}

// send writes b (with fd, if not negative, in SCM_RIGHTS on its first byte); fd is closed once
// it went out. It reports how much was written.
func send(sock int, b []byte, fd *int) (int, error) {
	for {
		var n int
		var err error
		if *fd < 0 {
			n, err = modules.SendNoWait(sock, b)
		} else {
			n, err = unix.SendmsgN(sock, b, unix.UnixRights(*fd), nil, unix.MSG_DONTWAIT|unix.MSG_NOSIGNAL)
			if err == nil && n > 0 {
				unix.Close(*fd)
				*fd = -1
			}
		}
		if err == unix.EINTR {
			continue
		}
		if n < 0 {
			n = 0
		}
		return n, err
	}
}

// flush continues the pending writes; each finished one gets its completion.
func (c *ipcChan) flush() error {
	for len(c.wq) > 0 && c.pf.FD >= 0 {
		w := &c.wq[0]
		var err error
		for len(w.b) > 0 {
			var n int
			n, err = send(c.pf.FD, w.b, &w.fd)
			w.b = w.b[n:]
			c.queued -= n
			if err != nil {
				break
			}
		}
		if err == unix.EAGAIN {
			return nil
		}
		if w.fd >= 0 {
			unix.Close(w.fd)
		}
		done, p := w.done, w.p
		c.wq[0] = ipcWrite{}
		c.wq = c.wq[1:]
		if len(c.wq) == 0 {
			c.wq, c.queued = nil, 0
		}
		// (the completion runs now, before any reply this event reads)
		p.Cancel()
		if err := done(err); err != nil {
			return err
		}
	}
	c.update()
	return nil
}

// write sends one frame (already encoded), with a duplicate of descriptor hfd if it is not
// negative. done runs on the loop once it is written: as a nextTick when the frame went out at
// once, else as a completion. It reports false when the channel is closed, and the error of a
// write that failed at once (done is then not called: node's try-write fails the send itself).
// Loop only.
func (c *ipcChan) write(data []byte, hfd int, done func(error) error) (bool, error) {
	if c.closing || c.pf.FD < 0 {
		return false, nil
	}
	if hfd >= 0 {
		d, err := unix.FcntlInt(uintptr(hfd), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return true, err
		}
		hfd = d
	}
	if len(c.wq) == 0 {
		n, err := send(c.pf.FD, data, &hfd)
		if err == nil && n < len(data) {
			err = unix.EAGAIN
		}
		if err != unix.EAGAIN {
			if hfd >= 0 {
				unix.Close(hfd)
			}
			if err != nil {
				return true, err
			}
			c.h.Loop.NextTickGo(func() error { return done(nil) })
			return true, nil
		}
		data = data[n:]
	}
	c.wq = append(c.wq, ipcWrite{b: data, fd: hfd, done: done, p: c.h.Loop.Reserve()})
	c.queued += len(data)
	c.update()
	return true, nil
}

// close closes the channel (JS's disconnect): what is still queued is dropped, as libuv's
// close of node's channel cancels it.
func (c *ipcChan) close() {
	if c.closing {
		return
	}
	c.closing, c.ended = true, true
	c.handle.Close()
	c.closeFD()
}

// object is the channel as JS sees it: write(frame, cb, fd), close(), takeFd(), ref(), unref(),
// hasRef(), writeQueueSize(), fd.
func (c *ipcChan) object() *goja.Object {
	vm := c.h.VM
	o := vm.NewObject()
	o.Set("write", func(call goja.FunctionCall) goja.Value {
		var b []byte
		if s, ok := modules.ExportAs[string](call.Argument(0)); ok {
			b = []byte(s)
		} else if obj, ok := call.Argument(0).(*goja.Object); ok {
			raw, _ := bytesOf(obj)
			b = append([]byte(nil), raw...)
		}
		if c.advanced {
			frame := make([]byte, 4+len(b))
			binary.BigEndian.PutUint32(frame, uint32(len(b)))
			copy(frame[4:], b)
			b = frame
		}
		fn, _ := goja.AssertFunction(call.Argument(1))
		hfd := -1
		if v := call.Argument(2); !goja.IsUndefined(v) {
			hfd = int(v.ToInteger())
		}
		// (a write that fails later completes all the same, as node's oncomplete ignores its status)
		ok, err := c.write(b, hfd, func(error) error {
			if fn == nil {
				return nil
			}
			_, e := fn(goja.Undefined(), goja.Null())
			return e
		})
		if err != nil {
			// the negative errno of a write that failed at once, for node's ErrnoException
			en := modules.ErrnoOf(err)
			if en == 0 {
				en = unix.EIO
			}
			_, n := modules.ErrnoCode(en)
			return vm.ToValue(n)
		}
		return vm.ToValue(ok)
	})
	o.Set("close", c.close)
	o.Set("takeFd", c.takeFd)
	o.Set("writeQueueSize", func() int { return c.queued })
	o.Set("ref", func() { c.handle.Ref() })
	o.Set("unref", func() { c.handle.Unref() })
	o.Set("hasRef", func() bool { return c.handle.HasRef() })
	fd := c.pf.FD // (the descriptor's number, as node's channel.fd)
	o.Set("fd", fd)
	return o
}

// bindIPC adds openChannel(fd, serialization, callbacks) for a forked child's side.
func bindIPC(st *state, b *goja.Object) {
	h := st.h
	b.Set("openChannel", func(fdv goja.Value, mode string, cbs *goja.Object) goja.Value {
		fd, err := strconv.Atoi(fdv.String())
		if err != nil || fd < 0 {
			h.Throw(modules.NewError("TypeError", "ERR_INVALID_ARG_VALUE", "invalid NODE_CHANNEL_FD: "+fdv.String()))
		}
		c, err := openIPC(st, fd, mode == "advanced", cbs)
		if err != nil {
			h.Throw(modules.NewSystemError(err, "open", "", ""))
		}
		return c.object()
	})
}
