package childprocess

import (
	"syscall"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

// A child's stdio pipes (socket pairs, as libuv's) are read and written on the loop, as libuv
// does: the parent's end is registered with the runtime's eventloop.Poller, with EPOLLIN
// interest only while JS wants data (the net.Socket over the pipe calls readStop when a push
// finds its buffer over highWaterMark, readStart from _read) and EPOLLOUT only while writes the
// kernel did not take wait. One epoll reports the descriptors in the order they became ready,
// so what a child writes to stdout and then stderr arrives in that order; a paused stream
// leaves the rest in the pipe, and the child blocks in its write as under node; and a pipe
// costs no goroutine, reads into one buffer shared by the runtime's pipes and copies out only
// the bytes read. Reads and writes say MSG_DONTWAIT: a child given the pipe as its stdin or
// stdout may have made the shared file description blocking.

// state is the module's per-runtime state.
type state struct {
	h       *modules.Host
	poll    *eventloop.Poller
	pollErr error
	buf     []byte                 // the read buffer the runtime's pipes share; loop only
	handles map[*goja.Object]*pipe // pipeHandle objects, until closed
	// pipeProto is the prototype of the runtime's pipe handles (made on the first), which
	// holds their methods, as node's Pipe.prototype: a handle's own properties are the few its
	// stream sets
	pipeProto *goja.Object
}

type pipeWrite struct {
	b    []byte
	done func(errno int) error
}

// readChunk is the size of one read, as libuv's (node's onStreamRead gets up to 64 KiB).
const readChunk = 64 * 1024

// maxReads is how many reads one readiness event makes at most, as libuv's uv__read, so that a
// child writing without a pause does not starve the loop's other work.
const maxReads = 32

// poller returns the runtime's poller, starting it on first use. Loop only.
func (st *state) poller() (*eventloop.Poller, error) {
	if st.poll == nil && st.pollErr == nil {
		st.poll, st.pollErr = eventloop.NewPoller(st.h.Loop)
	}
	return st.poll, st.pollErr
}

// stop gives the poller back when the runtime closes (the pipes' own handles close their
// descriptors).
func (st *state) stop() {
	if st.poll != nil {
		st.poll.Shutdown()
		st.poll = nil
	}
}

// closeFD closes pf's descriptor, if open, through the poller when there is one.
func (st *state) closeFD(pf *eventloop.PollFD) {
	if pf.FD < 0 {
		return
	}
	if st.poll != nil {
		st.poll.Close(pf)
	} else {
		unix.Close(pf.FD)
		pf.FD = -1
	}
}

// pipe is the parent's end of one of a child's stdio pipes, and its loop handle. Loop only.
type pipe struct {
	st       *state
	hd       *eventloop.Handle
	pf       eventloop.PollFD
	fd       int  // the descriptor open gave (pf.FD is -1 once closed)
	readable bool // the parent reads it (stdout, stderr, a 'pipe' past fd 2); stdin's is only written
	reading  bool // JS wants data: registered for EPOLLIN
	unrefd   bool // JS called unref()
	// wq holds the writes the kernel has not taken yet (a stdio pipe past fd 2 is a duplex, as
	// node's socket over it), each completed by its done; shut says a shutdown follows them.
	wq   []pipeWrite
	shut bool
	// shutDone completes a shutdown once it is done (the pending writes went out).
	shutDone func()
	// data gets each chunk read (its own copy); end the end of the stream, after which the
	// descriptor is closed.
	data func([]byte) error
	end  func() error
}

func (st *state) newPipe(readable bool) *pipe {
	p := &pipe{st: st, pf: eventloop.PollFD{FD: -1}, fd: -1, readable: readable}
	p.hd = st.h.Loop.NewHandle(p.closeFD)
	// (while unref'd, what the pipe's readiness queues does not keep the loop alive: a loop
	// that has nothing else left ends, as libuv's, without reading it)
	p.hd.WeakPosts()
	p.syncRef()
	return p
}

// AsyncHandle makes the pipe's events run in its handle's async context (node's PIPEWRAP), and
// queues them as its handle's posts (weak while unref'd).
func (p *pipe) AsyncHandle() *eventloop.Handle { return p.hd }

// wire sends what the pipe reads to JS: call("onData", fd, ArrayBuffer) for each read and
// call("onEnd", fd) at its end (spawn's callbacks).
func (p *pipe) wire(fd int, call func(name string, args ...goja.Value) error) {
	vm := p.st.h.VM
	fdv := vm.ToValue(fd)
	p.data = func(data []byte) error {
		return call("onData", fdv, vm.ToValue(vm.NewArrayBuffer(data)))
	}
	p.end = func() error { return call("onEnd", fdv) }
}

// open takes the parent's end fd of the pipe and starts reading it, as node's socket over a
// child's pipe does at once (its constructor's read(0)).
func (p *pipe) open(fd int) error {
	poll, err := p.st.poller()
	if err != nil {
		return err
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return err
	}
	p.pf.FD, p.fd = fd, fd
	poll.Add(&p.pf, p)
	p.reading = p.readable
	p.update()
	return nil
}

// setReading is readStart (true) and readStop (false).
func (p *pipe) setReading(on bool) {
	if p.reading == on || !p.readable || p.pf.FD < 0 && on {
		return
	}
	p.reading = on
	p.update()
}

// update registers the interest JS's reading calls for, and the loop reference with it.
func (p *pipe) update() {
	if p.pf.FD >= 0 && p.st.poll != nil {
		var want uint32
		if p.reading {
			want = unix.EPOLLIN
		}
		if len(p.wq) > 0 {
			want |= unix.EPOLLOUT
		}
		p.st.poll.Set(&p.pf, want)
	}
	p.syncRef()
}

// syncRef lets the pipe keep the loop alive only while it reads or has writes pending, as a
// libuv stream is active only then: a paused pipe, or one at its end, keeps nothing alive.
func (p *pipe) syncRef() {
	if (p.readable && p.reading || len(p.wq) > 0) && !p.unrefd && p.pf.FD >= 0 {
		p.hd.Ref()
	} else {
		p.hd.Unref()
	}
}

// closeFD closes the descriptor (idempotent); the handle stays until close(). Pending writes
// are dropped (their stream is being destroyed).
func (p *pipe) closeFD() {
	p.reading = false
	p.wq = nil
	if p.shutDone != nil {
		p.shutDone()
		p.shutDone = nil
	}
	p.st.closeFD(&p.pf)
	p.syncRef()
}

func (p *pipe) OnPollEvent(ev uint32) error {
	if len(p.wq) > 0 && ev&(unix.EPOLLOUT|unix.EPOLLERR|unix.EPOLLHUP) != 0 {
		if err := p.flush(); err != nil {
			return err
		}
	}
	if !p.reading || p.pf.FD < 0 || ev&(unix.EPOLLIN|unix.EPOLLERR|unix.EPOLLHUP) == 0 {
		return nil
	}
	partial, err := p.read(maxReads, true)
	if err != nil {
		return err
	}
	// As libuv: a hang-up (the child's end closed) after a read that emptied the pipe is the
	// end, reported in the same event rather than on the next poll.
	if partial && ev&unix.EPOLLHUP != 0 && p.reading && p.pf.FD >= 0 {
		return p.eof()
	}
	return nil
}

// drain reads what the pipe holds, up to its end, while JS wants it (the child has exited:
// what it wrote comes before its 'exit').
func (p *pipe) drain() error {
	_, err := p.read(maxReads, false)
	return err
}

// read reads up to max chunks while JS wants data, stopping at an empty pipe, at the end, or
// (stopPartial) after a read that did not fill the buffer: the pipe had no more. partial says
// the last read was such a one.
func (p *pipe) read(max int, stopPartial bool) (partial bool, err error) {
	if p.st.buf == nil {
		p.st.buf = make([]byte, readChunk)
	}
	buf := p.st.buf
	for i := 0; i < max && p.reading && p.pf.FD >= 0; i++ {
		n, err := recvNoWait(p.pf.FD, buf)
		switch {
		case err == unix.EINTR:
			i--
			continue
		case err == unix.EAGAIN:
			return false, nil
		case err != nil || n == 0:
			// (a read error on a pipe is not expected; like node's stream it ends the data)
			return false, p.eof()
		}
		// The shared buffer is reused at once: data gets its own copy of the n bytes. (No JS
		// that data runs reads a pipe: readStart only registers the interest.)
		read := buf[:n]
		chunk := make([]byte, len(read)) // (make+copy: not zeroed first)
		copy(chunk, read)
		if err := p.data(chunk); err != nil {
			return false, err
		}
		partial = n < len(buf)
		if partial && stopPartial {
			return true, nil
		}
	}
	return partial, nil
}

// eof ends the stream: the descriptor is closed and JS told.
func (p *pipe) eof() error {
	p.closeFD()
	if p.end != nil {
		return p.end()
	}
	return nil
}

// write writes b without blocking; what the kernel does not take waits for EPOLLOUT. It returns
// 0 when all of b was written, 1 when done(errno) follows, or a negative errno.
func (p *pipe) write(b []byte, done func(errno int) error) int {
	if p.pf.FD < 0 || p.shut {
		return -int(unix.EBADF)
	}
	if len(p.wq) == 0 {
		n, err := modules.SendAllNoWait(p.pf.FD, b)
		if err == nil {
			return 0
		}
		if err != unix.EAGAIN {
			return -int(modules.ErrnoOf(err))
		}
		b = b[n:]
	}
	p.wq = append(p.wq, pipeWrite{b: b, done: done})
	p.update()
	return 1
}

// shutdown ends the writing side (the child reads its end) once the pending writes are done,
// then done runs. It reports false when the pipe is closed or shut down already (libuv's
// ENOTCONN).
func (p *pipe) shutdown(done func()) bool {
	if p.shut || p.hd.Closed() {
		return false
	}
	p.shut = true
	if len(p.wq) == 0 {
		if p.pf.FD >= 0 {
			unix.Shutdown(p.pf.FD, unix.SHUT_WR)
		}
		done()
		return true
	}
	p.shutDone = done
	return true
}

// flush continues the pending writes; each finished one gets its done(errno).
func (p *pipe) flush() error {
	for len(p.wq) > 0 && p.pf.FD >= 0 {
		w := &p.wq[0]
		n, err := modules.SendAllNoWait(p.pf.FD, w.b)
		if err == unix.EAGAIN {
			w.b = w.b[n:]
			return nil
		}
		errno := 0
		if err != nil {
			errno = -int(modules.ErrnoOf(err))
		}
		done := w.done
		p.wq[0] = pipeWrite{}
		p.wq = p.wq[1:]
		if len(p.wq) == 0 {
			p.wq = nil
			p.update()
			if p.shut {
				unix.Shutdown(p.pf.FD, unix.SHUT_WR)
				if p.shutDone != nil {
					defer p.shutDone()
					p.shutDone = nil
				}
			}
		}
		if err := done(errno); err != nil {
			return err
		}
	}
	return nil
}

// recvNoWait is recv(2) with MSG_DONTWAIT, as a raw system call on the loop: it cannot block
// whatever the file description's O_NONBLOCK says, which a child given the pipe as its stdin
// or stdout clears (as libuv's child does, so the parent's reads must not rely on it). A pipe
// is a socket pair; a descriptor that is not a socket takes read(2).
func recvNoWait(fd int, b []byte) (int, error) {
	r, _, e := syscall.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)),
		unix.MSG_DONTWAIT, 0, 0)
	if e == unix.ENOTSOCK {
		return unix.Read(fd, b)
	}
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
