// Package childprocess implements Node's child_process module
// (https://nodejs.org/api/child_process.html) on os/exec: spawn, exec, execFile, and their
// synchronous forms. A running child is an event-loop handle: it keeps the process alive until
// it exits and its pipes close, and it is killed when the runtime closes (unless detached).
//
// fork's IPC channel speaks node's protocol (see ipc.go), handles included: send(message,
// handle) passes a net.Server, net.Socket or dgram.Socket's descriptor with SCM_RIGHTS in a
// NODE_HANDLE message, so a gojs parent and a node child (or the reverse) interoperate.
package childprocess

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

//go:embed child_process.js
var glue string

// Module is the "child_process" built-in.
var Module = modules.Module{Name: "child_process", Bind: bind, JSRef: &glue}

type spawnOpts struct {
	File     string   `json:"file"`
	Args     []string `json:"args"`
	Cwd      string   `json:"cwd"`
	Env      []string `json:"env"`
	Argv0    string   `json:"argv0"`
	Stdio    []string `json:"stdio"` // "pipe", "inherit", "ignore", or a decimal fd
	Detached bool     `json:"detached"`
	// Uid and Gid are the child's user and group (as uint32), -1 when not given.
	Uid     int64   `json:"uid"`
	Gid     int64   `json:"gid"`
	Input   []byte  `json:"-"`
	Timeout float64 `json:"timeout"`
	Kill    int     `json:"killSignal"`
	MaxBuf  float64 `json:"maxBuffer"`
	// IPC is the child's fd for a fork channel (0: none); Serialization is "json" or "advanced".
	IPC           int    `json:"ipc"`
	Serialization string `json:"serialization"`
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// Permission failures throw at the call, as in Node's permission model.
	check := func() {
		if err := h.Check(modules.ScopeChildProcess, ""); err != nil {
			h.Throw(err)
		}
	}
	b.Set("spawn", func(call goja.FunctionCall) goja.Value {
		check()
		var o spawnOpts
		if err := vm.ExportTo(call.Argument(0), &o); err != nil {
			h.Throw(err)
		}
		return spawn(h, &o, call.Argument(1).(*goja.Object))
	})
	bindIPC(h, b)
	// pipeHandle(reading) is a child's stdio pipe as process._getActiveHandles() lists it (node's
	// PipeWrap, made before the child's ProcessWrap): listed from now until close(), as
	// setOwner(stream) says, while referenced. The data itself flows through the spawn's
	// callbacks; a pipe the parent reads (the child's stdout, stderr) keeps the loop alive until
	// its stream closes, as node's reading pipe does even when the child is unref'd; one it only
	// writes (stdin) does not. ref()/unref() are the stream's.
	b.Set("pipeHandle", func(reading bool) *goja.Object {
		hd := h.Loop.NewHandle(nil)
		if !reading {
			hd.Unref()
		}
		hd.SetJSRef(true)
		o := vm.NewObject()
		hd.SetKind("PipeWrap", o)
		o.Set("setOwner", func(owner *goja.Object) {
			if owner != nil && !hd.Closed() {
				hd.SetKind("PipeWrap", owner)
			}
		})
		o.Set("ref", func() {
			hd.SetJSRef(true)
			if reading {
				hd.Ref()
			}
		})
		o.Set("unref", func() {
			hd.SetJSRef(false)
			hd.Unref()
		})
		o.Set("close", func() { hd.Close() })
		return o
	})
	b.Set("spawnSync", func(call goja.FunctionCall) goja.Value {
		check()
		var o spawnOpts
		if err := vm.ExportTo(call.Argument(0), &o); err != nil {
			h.Throw(err)
		}
		if in, ok := call.Argument(1).(*goja.Object); ok {
			if data, ok := bytesOf(in); ok {
				o.Input = append([]byte(nil), data...)
			}
		}
		return spawnSync(h, &o)
	})
	return nil
}

// bytesOf returns the bytes of a Uint8Array/Buffer without copying.
func bytesOf(o *goja.Object) ([]byte, bool) {
	ab, ok := o.Get("buffer").Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	off, n := o.Get("byteOffset").ToInteger(), o.Get("byteLength").ToInteger()
	all := ab.Bytes()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil, false
	}
	return all[off : off+n], true
}

func (o *spawnOpts) command(h *modules.Host) (*exec.Cmd, error) {
	if err := h.Check(modules.ScopeChildProcess, ""); err != nil {
		return nil, err
	}
	path := o.File
	if !strings.Contains(path, "/") {
		lp, err := lookPath(path, o.Env)
		if err != nil {
			return nil, &modules.SystemError{Errno: syscall.ENOENT, Syscall: "spawn " + o.File, Path: o.File}
		}
		path = lp
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(o.dir(h), path)
	}
	cmd := &exec.Cmd{Path: path, Args: append([]string{o.File}, o.Args...), Dir: o.dir(h), Env: o.Env}
	if o.Argv0 != "" {
		cmd.Args[0] = o.Argv0
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: o.Detached}
	if o.Uid >= 0 || o.Gid >= 0 {
		cred := &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid()), NoSetGroups: true}
		if o.Uid >= 0 {
			cred.Uid = uint32(o.Uid)
		}
		if o.Gid >= 0 {
			cred.Gid = uint32(o.Gid)
		}
		cmd.SysProcAttr.Credential = cred
	}
	return cmd, nil
}

func (o *spawnOpts) dir(h *modules.Host) string {
	if o.Cwd == "" {
		return h.Cwd()
	}
	return h.Abs(o.Cwd)
}

// lookPath searches PATH from the child's environment, as libuv does.
func lookPath(file string, env []string) (string, error) {
	pathEnv := ""
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			pathEnv = kv[5:]
		}
	}
	if pathEnv == "" {
		pathEnv = "/usr/local/bin:/usr/bin:/bin"
	}
	for _, dir := range filepath.SplitList(pathEnv) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

func spawnError(err error, o *spawnOpts) error {
	var se *modules.SystemError
	if errors.As(err, &se) {
		return se
	}
	if modules.ErrnoOf(err) != 0 {
		return &modules.SystemError{Errno: modules.ErrnoOf(err), Syscall: "spawn " + o.File, Path: o.File, Err: err}
	}
	return err
}

// child is a running process and its pipes.
type child struct {
	h      *modules.Host
	cmd    *exec.Cmd
	handle *eventloop.Handle
	stdin  *os.File
	wmu    sync.Mutex
	writes chan writeReq
	open   sync.WaitGroup // reader goroutines (pipes)
	ipc    sync.WaitGroup // the IPC channel's reader
	pipes  []*pipeReader
}

// pipeReader is the state of one reader of a pipe from the child, for telling when it has taken
// everything the child wrote (drained) while another process still holds the pipe open.
type pipeReader struct {
	f       *os.File
	reading atomic.Bool   // blocked in (or about to enter) Read
	reads   atomic.Uint64 // Reads returned
	done    atomic.Bool
}

type writeReq struct {
	data []byte
	done func(error)
	end  bool
	fd   int // IPC: a descriptor to send with the frame's first byte (ours to close), or -1
}

func spawn(h *modules.Host, o *spawnOpts, cbs *goja.Object) goja.Value {
	vm := h.VM
	cmd, err := o.command(h)
	if err != nil {
		return h.ToJS(spawnError(err, o))
	}
	c := &child{h: h, cmd: cmd}
	var parentEnds []*os.File
	var childEnds []*os.File
	readers := map[int]*os.File{}
	inherit := map[int]io.Writer{} // readers whose data goes to a runtime writer, not to JS
	stdio := o.Stdio
	for len(stdio) < 3 {
		stdio = append(stdio, "pipe")
	}
	for fd := 0; fd < 3; fd++ {
		var target any
		switch mode := stdio[fd]; mode {
		case "pipe", "overlapped":
			r, w, err := os.Pipe()
			if err != nil {
				return h.ToJS(spawnError(err, o))
			}
			if fd == 0 {
				target, c.stdin = r, w
				childEnds, parentEnds = append(childEnds, r), append(parentEnds, w)
			} else {
				target = w
				readers[fd] = r
				childEnds, parentEnds = append(childEnds, w), append(parentEnds, r)
			}
		case "inherit":
			switch fd {
			case 0:
				target = h.Stdin
			case 1:
				target = h.Stdout
			case 2:
				target = h.Stderr
			}
			if w, ok := target.(io.Writer); ok && fd > 0 {
				if _, isFile := w.(*os.File); !isFile {
					// The runtime's writer is not a file (an embedder's buffer): the loop is its
					// only writer, so the child's output goes there through a pipe and the loop.
					r, pw, err := os.Pipe()
					if err != nil {
						return h.ToJS(spawnError(err, o))
					}
					target = pw
					inherit[fd] = w
					readers[fd] = r
					childEnds, parentEnds = append(childEnds, pw), append(parentEnds, r)
				}
			}
		case "ignore":
			target = nil
		default:
			var n int
			for _, ch := range mode {
				n = n*10 + int(ch-'0')
			}
			target = os.NewFile(uintptr(n), "fd")
		}
		switch fd {
		case 0:
			if r, ok := target.(io.Reader); ok {
				cmd.Stdin = r
			}
		case 1:
			if w, ok := target.(io.Writer); ok {
				cmd.Stdout = w
			}
		case 2:
			if w, ok := target.(io.Writer); ok {
				cmd.Stderr = w
			}
		}
	}
	ipcFd := -1
	if o.IPC >= 3 {
		pfd, cf, err := socketPair()
		if err != nil {
			for _, f := range append(childEnds, parentEnds...) {
				f.Close()
			}
			return h.ToJS(spawnError(err, o))
		}
		ipcFd = pfd
		cmd.ExtraFiles = make([]*os.File, o.IPC-2)
		cmd.ExtraFiles[o.IPC-3] = cf
		childEnds = append(childEnds, cf)
	}
	if err := cmd.Start(); err != nil {
		for _, f := range append(childEnds, parentEnds...) {
			f.Close()
		}
		if ipcFd >= 0 {
			syscall.Close(ipcFd)
		}
		return h.ToJS(spawnError(err, o))
	}
	for _, f := range childEnds {
		f.Close()
	}
	detached := o.Detached
	c.handle = h.Loop.NewHandle(func() {
		// the runtime is closing: the child goes (unless detached), and so do its pipes
		if !detached && cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
		c.closeStdin()
	})
	c.handle.WeakPosts() // an unref'd child's exit is not waited for

	call := func(name string, args ...goja.Value) error {
		fn, ok := goja.AssertFunction(cbs.Get(name))
		if !ok {
			return nil
		}
		_, err := fn(goja.Undefined(), args...)
		return err
	}
	for fd, r := range readers {
		c.open.Add(1)
		pr := &pipeReader{f: r}
		c.pipes = append(c.pipes, pr)
		if w := inherit[fd]; w != nil {
			go c.pump(pr, func(data []byte) error {
				_, _ = w.Write(data)
				return nil
			}, nil)
			continue
		}
		go c.pump(pr, func(data []byte) error {
			return call("onData", vm.ToValue(fd), vm.ToValue(vm.NewArrayBuffer(data)))
		}, func() error { return call("onEnd", vm.ToValue(fd)) })
	}
	if c.stdin != nil {
		c.writes = make(chan writeReq, 16)
		go c.writeLoop(c.writes)
	}
	var ipcObj goja.Value = goja.Null()
	if ipcFd >= 0 {
		ic, err := openIPC(h, ipcFd, o.Serialization == "advanced", cbs.Get("ipc").(*goja.Object), &c.ipc)
		if err != nil {
			syscall.Close(ipcFd)
		} else {
			ipcObj = ic.object()
		}
	}
	go func() {
		err := cmd.Wait()
		code, sig := exitStatus(cmd, err)
		// 'exit' follows what the child wrote before it exited, but does not wait for pipes a
		// process it started still holds open (node's comes as the child ends): the handle
		// then stays open, for the rest of the output, until the readers end.
		allDone := c.waitOutput()
		c.handle.Post(func() error {
			if allDone {
				c.handle.Close()
			}
			var codeV, sigV goja.Value = goja.Null(), goja.Null()
			if sig != "" {
				sigV = vm.ToValue(sig)
			} else {
				codeV = vm.ToValue(code)
			}
			return call("onExit", codeV, sigV)
		})
		if !allDone {
			c.open.Wait()
			c.handle.Post(func() error {
				c.handle.Close()
				return nil
			})
		}
	}()

	res := vm.NewObject()
	res.Set("pid", cmd.Process.Pid)
	res.Set("ipc", ipcObj)
	res.Set("write", func(data goja.Value, cb goja.Value) {
		var b []byte
		if o, ok := data.(*goja.Object); ok {
			if raw, ok := bytesOf(o); ok {
				b = append([]byte(nil), raw...)
			}
		} else {
			b = []byte(data.String())
		}
		fn, _ := goja.AssertFunction(cb)
		c.write(writeReq{data: b, done: func(err error) {
			if fn == nil {
				return
			}
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = h.ToJS(modules.NewSystemError(err, "write", "", ""))
			}
			_, e := fn(goja.Undefined(), ev)
			if e != nil {
				panic(e)
			}
		}})
	})
	res.Set("end", func() { c.write(writeReq{end: true}) })
	// closeReader(fd): the stream of the child's fd was destroyed; its pipe is closed, which
	// ends its reader (node closes the pipe handle).
	res.Set("closeReader", func(fd int) {
		if r := readers[fd]; r != nil {
			_ = r.Close()
		}
	})
	res.Set("kill", func(sig int) int {
		if cmd.Process == nil {
			return int(syscall.ESRCH)
		}
		if err := cmd.Process.Signal(syscall.Signal(sig)); err != nil {
			if errors.Is(err, os.ErrProcessDone) {
				return -int(syscall.ESRCH)
			}
			return -int(modules.ErrnoOf(err))
		}
		return 0
	})
	res.Set("ref", func() { c.handle.Ref() })
	res.Set("unref", func() { c.handle.Unref() })
	res.Set("hasRef", func() bool { return c.handle.HasRef() })
	// As node's ProcessWrap in process._getActiveHandles(), which lists its owner (the
	// ChildProcess) while the handle is referenced, until the close phase after the exit.
	var owner any = res
	if ow, ok := cbs.Get("owner").(*goja.Object); ok {
		owner = ow
	}
	c.handle.SetKind("ProcessWrap", owner)
	return res
}

func (c *child) write(req writeReq) {
	if c.writes == nil {
		return
	}
	p := c.h.Loop.Reserve()
	done := req.done
	req.done = func(err error) {
		p.Done(func() error {
			if done != nil {
				done(err)
			}
			return nil
		})
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writes == nil {
		req.done(os.ErrClosed)
		return
	}
	c.writes <- req
	if req.end {
		close(c.writes)
		c.writes = nil
	}
}

// closeStdin stops the writer goroutine and closes the pipe to the child's stdin.
func (c *child) closeStdin() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writes != nil {
		close(c.writes)
		c.writes = nil
	}
	if c.stdin != nil {
		c.stdin.Close()
	}
}

// pump reads the child's pipe r until it ends, posting each chunk to the loop as data(chunk)
// and then end() when given; it owns r and one count of c.open.
func (c *child) pump(pr *pipeReader, data func([]byte) error, end func() error) {
	r := pr.f
	defer c.open.Done()
	defer pr.done.Store(true)
	defer r.Close()
	for {
		buf := make([]byte, 64*1024)
		pr.reading.Store(true)
		n, err := r.Read(buf)
		pr.reading.Store(false)
		pr.reads.Add(1)
		if n > 0 {
			chunk := buf[:n]
			c.handle.Post(func() error { return data(chunk) })
		}
		if err != nil {
			if end != nil {
				c.handle.Post(end)
			}
			return
		}
	}
}

// waitOutput waits, once the child has exited, until its output is all posted: it reports true
// when the readers ended, false when they took all the child wrote but wait on pipes that
// another process (one the child started) still holds open. Not on the loop.
func (c *child) waitOutput() bool {
	c.ipc.Wait() // the IPC channel has no drained test: it must have ended
	pipesDone := make(chan struct{})
	go func() {
		c.open.Wait()
		close(pipesDone)
	}()
	var last []uint64
	for {
		select {
		case <-pipesDone:
			return true
		case <-time.After(2 * time.Millisecond):
		}
		// drained: every reader still running is in Read, with nothing left in its pipe, and
		// has returned from no Read since the last look (a Read that just returned data has
		// not posted it yet).
		now := make([]uint64, len(c.pipes))
		drained := true
		for i, pr := range c.pipes {
			now[i] = pr.reads.Load()
			if !pr.done.Load() && (!pr.reading.Load() || pipeBuffered(pr.f) != 0) {
				drained = false
			}
		}
		if drained && last != nil && slices.Equal(last, now) {
			return false
		}
		if drained {
			last = now
		} else {
			last = nil
		}
	}
}

// pipeBuffered is how many bytes wait in the pipe f (FIONREAD), or -1 if unknown. (Through the
// raw conn: f.Fd() would make the descriptor blocking.)
func pipeBuffered(f *os.File) int {
	rc, err := f.SyscallConn()
	if err != nil {
		return -1
	}
	n := -1
	_ = rc.Control(func(fd uintptr) {
		if v, err := unix.IoctlGetInt(int(fd), unix.TIOCINQ); err == nil {
			n = v
		}
	})
	return n
}

func (c *child) writeLoop(writes <-chan writeReq) {
	for req := range writes {
		var err error
		if len(req.data) > 0 {
			_, err = c.stdin.Write(req.data)
		}
		if req.end {
			c.stdin.Close()
		}
		req.done(err)
	}
}

func exitStatus(cmd *exec.Cmd, err error) (int, string) {
	if cmd.ProcessState == nil {
		return -1, ""
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 0, modules.SignalName(ws.Signal())
	}
	return cmd.ProcessState.ExitCode(), ""
}

// spawnSync runs a process to completion on the loop goroutine, as Node's spawnSync blocks.
func spawnSync(h *modules.Host, o *spawnOpts) goja.Value {
	vm := h.VM
	res := vm.NewObject()
	cmd, err := o.command(h)
	if err != nil {
		res.Set("error", h.ToJS(spawnError(err, o)))
		res.Set("status", goja.Null())
		res.Set("signal", goja.Null())
		res.Set("output", goja.Null())
		res.Set("pid", 0)
		return res
	}
	ctx := context.Background()
	var cancel context.CancelFunc = func() {}
	if o.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, time.Duration(o.Timeout*float64(time.Millisecond)))
	}
	defer cancel()
	var stdout, stderr limitedBuffer
	stdout.limit, stderr.limit = int(o.MaxBuf), int(o.MaxBuf)
	var killOnce sync.Once
	kill := func() {
		killOnce.Do(func() {
			sig := syscall.SIGTERM
			if o.Kill != 0 {
				sig = syscall.Signal(o.Kill)
			}
			if cmd.Process != nil {
				_ = cmd.Process.Signal(sig)
			}
		})
	}
	stdout.onOverflow, stderr.onOverflow = kill, kill
	stdio := o.Stdio
	for len(stdio) < 3 {
		stdio = append(stdio, "pipe")
	}
	switch stdio[0] {
	case "pipe":
		cmd.Stdin = bytes.NewReader(o.Input)
	case "inherit":
		cmd.Stdin = h.Stdin
	}
	switch stdio[1] {
	case "pipe":
		cmd.Stdout = &stdout
	case "inherit":
		cmd.Stdout = h.Stdout
	}
	switch stdio[2] {
	case "pipe":
		cmd.Stderr = &stderr
	case "inherit":
		cmd.Stderr = h.Stderr
	}
	if err := cmd.Start(); err != nil {
		res.Set("error", h.ToJS(spawnError(err, o)))
		res.Set("status", goja.Null())
		res.Set("signal", goja.Null())
		res.Set("output", goja.Null())
		res.Set("pid", 0)
		return res
	}
	waitDone := make(chan error, 1)
	go func() { waitDone <- cmd.Wait() }()
	var werr error
	timedOut := false
	select {
	case werr = <-waitDone:
	case <-ctx.Done():
		timedOut = true
		kill()
		werr = <-waitDone
	}
	_ = werr
	code, sig := exitStatus(cmd, werr)
	res.Set("pid", cmd.Process.Pid)
	out := vm.ToValue(vm.NewArrayBuffer(stdout.Bytes()))
	errb := vm.ToValue(vm.NewArrayBuffer(stderr.Bytes()))
	res.Set("stdout", out)
	res.Set("stderr", errb)
	if sig != "" {
		res.Set("status", goja.Null())
		res.Set("signal", sig)
	} else {
		res.Set("status", code)
		res.Set("signal", goja.Null())
	}
	if timedOut {
		res.Set("error", h.ToJS(&modules.SystemError{Errno: syscall.ETIMEDOUT, Syscall: "spawnSync " + o.File, Path: o.File}))
	} else if stdout.overflow || stderr.overflow {
		res.Set("error", h.ToJS(&modules.SystemError{Errno: syscall.ENOBUFS, Syscall: "spawnSync " + o.File, Path: o.File}))
	}
	return res
}

// limitedBuffer collects output and reports, once, when it passes limit bytes (0: no limit).
type limitedBuffer struct {
	bytes.Buffer
	limit      int
	overflow   bool
	onOverflow func()
}

// ReadFrom copies through Write: the embedded bytes.Buffer's own ReadFrom, which io.Copy (and
// so os/exec) prefers, would bypass the limit.
func (b *limitedBuffer) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{b}, r)
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	// as node's spawnSync: a read is kept whole, and output past the limit fails the run (ENOBUFS)
	// and kills the child
	b.Buffer.Write(p)
	if b.limit > 0 && b.Len() > b.limit && !b.overflow {
		b.overflow = true
		if b.onOverflow != nil {
			b.onOverflow()
		}
	}
	return len(p), nil
}
