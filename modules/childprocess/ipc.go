package childprocess

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"strconv"
	"sync"
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
// The channel is an event-loop handle. Its reader goroutine posts batches of whole frames to
// cbs.onMessages and end of input to cbs.onEnd.
//
// Handles (net servers and sockets) travel as node sends them: a NODE_HANDLE message whose
// first byte carries the descriptor in an SCM_RIGHTS control message. The reader queues received
// descriptors in order; JS takes the next one (takeFd) for each NODE_HANDLE message it decodes,
// since a descriptor always arrives no later than the bytes of its message.
//
// Writes keep node's (libuv's) order, where a write's completion comes before any reply to it:
// a frame is first written straight from the loop without blocking, as libuv tries, and if it
// all went out its callback is a nextTick, ahead of any read. What does not fit goes to one
// writer goroutine, which writes without blocking too, and posts the completion of a frame's
// last bytes while holding pmu; the reader holds pmu to post what it read, and any reply to the
// frame was read after those bytes went out, so it is posted after the completion.
type ipcChan struct {
	h        *modules.Host
	f        *os.File
	rc       syscall.RawConn
	advanced bool
	handle   *eventloop.Handle
	cbs      *goja.Object

	pmu    sync.Mutex // orders the writer's completion posts before the reader's posts
	fdmu   sync.Mutex
	fds    []int // received descriptors not yet taken (fdmu)
	wmu    sync.Mutex
	writes chan writeReq // nil once closed
	queued int           // frames handed to the writer goroutine and not yet written (wmu)
}

// openIPC wraps fd (ours, already open) as a channel and starts reading it. If wg is not nil, the
// reader is counted in it until it has posted end of input.
func openIPC(h *modules.Host, fd int, advanced bool, cbs *goja.Object, wg *sync.WaitGroup) (*ipcChan, error) {
	// Non-blocking, so reads go through Go's poller and Close interrupts a pending Read.
	if err := syscall.SetNonblock(fd, true); err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), "ipc")
	if f == nil {
		return nil, syscall.EBADF
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	c := &ipcChan{h: h, f: f, rc: rc, advanced: advanced, cbs: cbs, writes: make(chan writeReq, 64)}
	c.handle = h.Loop.NewHandle(func() { c.shutdown() })
	c.handle.WeakPosts()
	if wg != nil {
		wg.Add(1)
	}
	go c.readLoop(wg)
	go c.writeLoop(c.writes)
	return c, nil
}

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

// maxBatch bounds how many frames one post carries, so one turn of the loop stays short.
const maxBatch = 256

func (c *ipcChan) readLoop(wg *sync.WaitGroup) {
	if wg != nil {
		defer wg.Done()
	}
	vm := c.h.VM
	r := bufio.NewReaderSize(&msgReader{c: c, oob: make([]byte, syscall.CmsgSpace(16*4))}, 64<<10)
	var lines []string  // json frames
	var frames [][]byte // advanced frames
	flush := func() {
		if len(lines) == 0 && len(frames) == 0 {
			return
		}
		ls, fs := lines, frames
		lines, frames = nil, nil
		c.pmu.Lock()
		defer c.pmu.Unlock()
		c.handle.Post(func() error {
			var items []any
			if c.advanced {
				items = make([]any, len(fs))
				for i, b := range fs {
					items[i] = vm.NewArrayBuffer(b)
				}
			} else {
				items = make([]any, len(ls))
				for i, s := range ls {
					items[i] = s
				}
			}
			return c.call("onMessages", vm.NewArray(items...))
		})
	}
	var err error
	for {
		if c.advanced {
			var hdr [4]byte
			if _, err = io.ReadFull(r, hdr[:]); err != nil {
				break
			}
			b := make([]byte, binary.BigEndian.Uint32(hdr[:]))
			if _, err = io.ReadFull(r, b); err != nil {
				break
			}
			frames = append(frames, b)
		} else {
			var line []byte
			line, err = r.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				// A long frame: gather it whole.
				buf := append([]byte(nil), line...)
				for err == bufio.ErrBufferFull {
					line, err = r.ReadSlice('\n')
					buf = append(buf, line...)
				}
				line = buf
			}
			if err != nil {
				break
			}
			lines = append(lines, string(line[:len(line)-1]))
		}
		// Post what we have when no more input is buffered (or the batch is big).
		if r.Buffered() == 0 || len(lines)+len(frames) >= maxBatch {
			flush()
		}
	}
	flush()
	c.handle.Post(func() error {
		c.closeWrites()
		c.handle.Close()
		c.closeFds()
		return c.call("onEnd")
	})
}

// msgReader reads the channel with recvmsg, queueing the descriptors that come with the bytes.
type msgReader struct {
	c   *ipcChan
	oob []byte
}

func (m *msgReader) Read(p []byte) (int, error) {
	var n int
	var err error
	rerr := m.c.rc.Read(func(fd uintptr) bool {
		for {
			var oobn int
			n, oobn, _, _, err = syscall.Recvmsg(int(fd), p, m.oob, syscall.MSG_CMSG_CLOEXEC)
			if err == syscall.EINTR {
				continue
			}
			if err == syscall.EAGAIN {
				return false
			}
			if err == nil && oobn > 0 {
				m.c.queueFds(m.oob[:oobn])
			}
			return true
		}
	})
	if rerr != nil {
		return 0, rerr
	}
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (c *ipcChan) queueFds(oob []byte) {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return
	}
	c.fdmu.Lock()
	defer c.fdmu.Unlock()
	for i := range msgs {
		fds, err := syscall.ParseUnixRights(&msgs[i])
		if err == nil {
			c.fds = append(c.fds, fds...)
		}
	}
}

// takeFd returns the oldest received descriptor not yet taken, or -1.
func (c *ipcChan) takeFd() int {
	c.fdmu.Lock()
	defer c.fdmu.Unlock()
	if len(c.fds) == 0 {
		return -1
	}
	fd := c.fds[0]
	c.fds = c.fds[1:]
	return fd
}

// closeFds closes the received descriptors nobody took.
func (c *ipcChan) closeFds() {
	c.fdmu.Lock()
	defer c.fdmu.Unlock()
	for _, fd := range c.fds {
		syscall.Close(fd)
	}
	c.fds = nil
}

// send writes b (with fd, if not negative, in SCM_RIGHTS on its first byte); fd is closed once
// it went out. It reports how much was written.
func send(sock int, b []byte, fd *int) (int, error) {
	if *fd < 0 {
		return syscall.Write(sock, b)
	}
	n, err := syscall.SendmsgN(sock, b, syscall.UnixRights(*fd), nil, 0)
	if err == nil && n > 0 {
		syscall.Close(*fd)
		*fd = -1
	}
	return n, err
}

func (c *ipcChan) writeLoop(writes <-chan writeReq) {
	for req := range writes {
		b := req.data
		hfd := req.fd
		var werr error
		err := c.rc.Write(func(fd uintptr) bool {
			c.pmu.Lock()
			defer c.pmu.Unlock()
			n, e := send(int(fd), b, &hfd)
			if n > 0 {
				b = b[n:]
			}
			switch {
			case e == syscall.EAGAIN || e == syscall.EINTR || (e == nil && len(b) > 0):
				return false // wait until writable
			case e != nil:
				werr = e
			}
			req.done(werr) // posts: still under pmu
			return true
		})
		if err != nil && werr == nil {
			req.done(err) // the file was closed under us
		}
		if hfd >= 0 {
			syscall.Close(hfd)
		}
		c.wmu.Lock()
		c.queued--
		c.wmu.Unlock()
	}
	// The channel is closed for writing: closing the file ends the reader too (and tells the
	// other side, which sees end of input).
	c.f.Close()
}

// write sends one frame (already encoded), with a duplicate of descriptor hfd if it is not
// negative. done runs on the loop once it is written: as a nextTick when the frame went out at
// once, else as a posted completion. It reports false when the channel is closed. Loop only.
func (c *ipcChan) write(data []byte, hfd int, done func(error) error) bool {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writes == nil {
		return false
	}
	if hfd >= 0 {
		d, err := unix.FcntlInt(uintptr(hfd), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			c.h.Loop.NextTickGo(func() error { return done(err) })
			return true
		}
		hfd = d
	}
	if c.queued == 0 {
		var n int
		var werr error
		err := c.rc.Write(func(fd uintptr) bool {
			n, werr = send(int(fd), data, &hfd)
			return true
		})
		if err != nil {
			werr = err
		}
		if n < 0 {
			n = 0
		}
		if werr == nil && n == len(data) || werr != nil && werr != syscall.EAGAIN && werr != syscall.EINTR {
			if hfd >= 0 {
				syscall.Close(hfd)
			}
			c.h.Loop.NextTickGo(func() error { return done(werr) })
			return true
		}
		data = data[n:]
	}
	p := c.h.Loop.Reserve()
	c.queued++
	c.writes <- writeReq{data: data, fd: hfd, done: func(err error) {
		p.Done(func() error { return done(err) })
	}}
	return true
}

// closeWrites closes the channel once queued frames are written.
func (c *ipcChan) closeWrites() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writes != nil {
		close(c.writes)
		c.writes = nil
	}
}

// shutdown is the runtime closing with the channel open: stop both goroutines now.
func (c *ipcChan) shutdown() {
	c.closeWrites()
	c.f.Close()
	c.closeFds()
}

// object is the channel as JS sees it: write(frame, cb), close(), ref(), unref(), hasRef().
func (c *ipcChan) object() *goja.Object {
	h, vm := c.h, c.h.VM
	o := vm.NewObject()
	o.Set("write", func(call goja.FunctionCall) goja.Value {
		var b []byte
		if s, ok := call.Argument(0).Export().(string); ok {
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
		ok := c.write(b, hfd, func(err error) error {
			if fn == nil {
				return nil
			}
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = h.ToJS(modules.NewSystemError(err, "write", "", ""))
			}
			_, e := fn(goja.Undefined(), ev)
			return e
		})
		return vm.ToValue(ok)
	})
	o.Set("close", func() {
		c.closeWrites()
		c.handle.Close()
	})
	o.Set("takeFd", func() int { return c.takeFd() })
	o.Set("ref", func() { c.handle.Ref() })
	o.Set("unref", func() { c.handle.Unref() })
	o.Set("hasRef", func() bool { return c.handle.HasRef() })
	return o
}

// bindIPC adds openChannel(fd, serialization, callbacks) for a forked child's side.
func bindIPC(h *modules.Host, b *goja.Object) {
	b.Set("openChannel", func(fdv goja.Value, mode string, cbs *goja.Object) goja.Value {
		fd, err := strconv.Atoi(fdv.String())
		if err != nil || fd < 0 {
			h.Throw(modules.NewError("TypeError", "ERR_INVALID_ARG_VALUE", "invalid NODE_CHANNEL_FD: "+fdv.String()))
		}
		c, err := openIPC(h, fd, mode == "advanced", cbs, nil)
		if err != nil {
			h.Throw(modules.NewSystemError(err, "open", "", ""))
		}
		return c.object()
	})
}
