// Package childprocess implements Node's child_process module
// (https://nodejs.org/api/child_process.html) on os/exec: spawn, exec, execFile, and their
// synchronous forms. A running child is an event-loop handle: it keeps the process alive until
// it exits, and it is killed when the runtime closes (unless detached, or Host.KeepChildren
// says the children outlive the runtime, as node's outlive its exit). Its stdio pipes are
// socket pairs, as libuv's, read and written on the loop's Poller (see pipes.go); each is a
// handle of its own that speaks net's handle protocol, so that child.stdin, child.stdout,
// child.stderr and extra 'pipe' entries are net.Sockets over them, as node's are, keeping the
// process alive while they read or have writes pending.
//
// fork's IPC channel speaks node's protocol (see ipc.go), on the Poller too, handles included:
// send(message, handle) passes a net.Server, net.Socket or dgram.Socket's descriptor (or a raw
// handle's) with SCM_RIGHTS in a NODE_HANDLE message, so a gojs parent and a node child (or the
// reverse) interoperate. The channel may be any of the child's descriptors, 0 to 2 included.
package childprocess

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

//go:embed socket_list.js
var socketListJS string

// SocketList is node's internal/socket_list: the bookkeeping for a server's sockets sent to a
// child over IPC, which child_process loads the first time it sends one (and node's own tests
// require under --expose-internals).
var SocketList = modules.Module{Name: "internal/socket_list", Internal: true, JSRef: &socketListJS}

// Internal is node's internal/child_process (under --expose-internals, for node's own tests):
// the ChildProcess class child_process's functions use, so that a change to its prototype
// (exec's kill) is seen by them, and the helpers node's tests reach for.
var Internal = modules.Module{Name: "internal/child_process", Internal: true, JS: `'use strict';
const cp = require('child_process');
const { setupChannel, stdioStringToArray } = require('internal/module_internals').get('child_process');
module.exports = { ChildProcess: cp.ChildProcess, setupChannel, stdioStringToArray };
`}

type spawnOpts struct {
	File string   `json:"file"`
	Args []string `json:"args"`
	// Cwd is nil when no cwd was given; an empty one (spawnSync's) fails as libuv's chdir("")
	Cwd      *string  `json:"cwd"`
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
	// IPC is the child's fd for a fork channel (-1: none); Serialization is "json" or "advanced".
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
	st := &state{h: h, handles: map[*goja.Object]*pipe{}}
	h.Loop.NewHandle(st.stop).Unref()
	b.Set("spawn", func(call goja.FunctionCall) goja.Value {
		check()
		var o spawnOpts
		if err := vm.ExportTo(call.Argument(0), &o); err != nil {
			h.Throw(err)
		}
		return spawn(st, &o, call.Argument(1).(*goja.Object))
	})
	bindIPC(st, b)
	// pipeHandle(reading) is a child's stdio pipe, node's PipeWrap, made before the child's
	// ProcessWrap (so process._getActiveHandles() lists it first): listed from now until close(),
	// as setOwner(stream) says, while referenced. A pipe the parent reads (the child's stdout,
	// stderr) is read on the loop from the spawn on, while JS wants data (readStart/readStop, as
	// a net.Socket's handle), and keeps the loop alive while it reads, even when the child is
	// unref'd; one it only writes (stdin) does not. ref()/unref() are the stream's.
	b.Set("pipeHandle", func(reading bool) *goja.Object {
		p := st.newPipe(reading)
		p.hd.SetJSRef(true)
		if st.pipeProto == nil {
			st.pipeProto = pipePrototype(st)
		}
		o := vm.NewObject()
		_ = o.SetPrototype(st.pipeProto)
		p.hd.SetKind("PipeWrap", o)
		st.handles[o] = p
		return o
	})
	// orphanPipe(pipe, fd, callbacks) opens a pipe handle of a spawn that failed on a socket
	// whose other end is closed, as node's child that never ran leaves its pipes: reads end at
	// once and writes fail (EPIPE). callbacks are spawn's (onData, onEnd).
	b.Set("orphanPipe", func(po *goja.Object, fd int, cbs *goja.Object) {
		p := st.handles[po]
		if p == nil {
			return
		}
		fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return
		}
		unix.Close(fds[1])
		p.wire(fd, func(name string, args ...goja.Value) error {
			fn, ok := goja.AssertFunction(cbs.Get(name))
			if !ok {
				return nil
			}
			_, err := fn(goja.Undefined(), args...)
			return err
		})
		if err := p.open(fds[0]); err != nil {
			unix.Close(fds[0])
		}
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
	ab, ok := modules.ExportAs[goja.ArrayBuffer](o.Get("buffer"))
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
	if o.Cwd != nil && *o.Cwd == "" {
		// libuv's child cannot chdir to "" (node's spawn passes none for it, its spawnSync passes it)
		return nil, &modules.SystemError{Errno: syscall.ENOENT, Syscall: "spawn " + o.File, Path: o.File}
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

// startCmd starts cmd. A file the kernel will not execute as it is (ENOEXEC: an executable text
// without a #! line) is run by /bin/sh, as glibc's execvp runs it for libuv's spawn: the shell
// gets the file as its script (as it was named, or as found on PATH) and the arguments after it.
func startCmd(cmd *exec.Cmd, o *spawnOpts) error {
	err := cmd.Start()
	if !errors.Is(err, syscall.ENOEXEC) {
		return err
	}
	script := o.File
	if !strings.Contains(script, "/") {
		script = cmd.Path
	}
	sh := &exec.Cmd{Path: "/bin/sh", Args: append([]string{"/bin/sh", script}, cmd.Args[1:]...),
		Dir: cmd.Dir, Env: cmd.Env, Stdin: cmd.Stdin, Stdout: cmd.Stdout, Stderr: cmd.Stderr,
		ExtraFiles: cmd.ExtraFiles, SysProcAttr: cmd.SysProcAttr}
	if err := sh.Start(); err != nil {
		return err
	}
	*cmd = *sh // (sh is not used again: cmd takes its place, started)
	return nil
}

func (o *spawnOpts) dir(h *modules.Host) string {
	if o.Cwd == nil {
		return h.Cwd()
	}
	return h.Abs(*o.Cwd)
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
	ipc    *ipcChan // the IPC channel, if any
	pipes  []*pipe  // the pipes the parent reads, by the child's fd
}

func spawn(st *state, o *spawnOpts, cbs *goja.Object) goja.Value {
	h := st.h
	vm := h.VM
	cmd, err := o.command(h)
	if err != nil {
		return h.ToJS(spawnError(err, o))
	}
	c := &child{h: h, cmd: cmd}
	var childEnds []*os.File
	readers := map[int]int{}       // the parent's ends of the pipes it reads, by the child's fd
	inherit := map[int]io.Writer{} // readers whose data goes to a runtime writer, not to JS
	ipcFd := -1                    // the parent's end of the IPC channel
	var ipcChild *os.File
	// fail closes what was made so far and returns err as the spawn's error.
	fail := func(err error) goja.Value {
		for _, f := range childEnds {
			f.Close()
		}
		for _, fd := range readers {
			unix.Close(fd)
		}
		if ipcFd >= 0 {
			unix.Close(ipcFd)
		}
		return h.ToJS(spawnError(err, o))
	}
	stdio := o.Stdio
	for len(stdio) < 3 {
		stdio = append(stdio, "pipe")
	}
	// The IPC channel, on the child's fd o.IPC (-1: none), a standard one included.
	if o.IPC >= 0 {
		pfd, cf, err := socketPair()
		if err != nil {
			return fail(err)
		}
		ipcFd, ipcChild = pfd, cf
		childEnds = append(childEnds, cf)
	}
	for fd := 0; fd < 3; fd++ {
		var target any
		switch mode := stdio[fd]; mode {
		case "pipe", "overlapped":
			// As libuv's, a 'pipe' is a socket pair (the child's end blocking): a child that
			// writes to an end the parent closed gets ECONNRESET (or EPIPE), not SIGPIPE. The
			// parent's end is a pipe handle on the Poller (stdin's only written).
			r, w, err := socketPair()
			if err != nil {
				return fail(err)
			}
			target = w
			readers[fd] = r
			childEnds = append(childEnds, w)
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
					r, pw, err := socketPair()
					if err != nil {
						return fail(err)
					}
					target = pw
					inherit[fd] = w
					readers[fd] = r
					childEnds = append(childEnds, pw)
				}
			}
		case "ignore":
			target = nil
		case "ipc":
			target = ipcChild
		default:
			n, _ := strconv.Atoi(strings.TrimPrefix(mode, "wrap:"))
			// (a duplicate: an *os.File closes its descriptor when collected)
			d, err := unix.FcntlInt(uintptr(n), unix.F_DUPFD_CLOEXEC, 0)
			if err != nil {
				return fail(err)
			}
			if strings.HasPrefix(mode, "wrap:") {
				// A stream of this process (node's 'wrap') is the child's standard one: blocking,
				// as libuv's child makes it (the parent's reads of it do not wait, see
				// recvNoWait).
				unix.SetNonblock(d, false)
			}
			f := os.NewFile(uintptr(d), "fd")
			target = f
			childEnds = append(childEnds, f)
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
	// The child's descriptors from 3 on: its IPC channel, a 'pipe' (a socket pair the parent
	// reads and writes), an inherited or given descriptor; nothing ('ignore') leaves it closed.
	if n := max(len(stdio)-3, o.IPC-2); n > 0 {
		cmd.ExtraFiles = make([]*os.File, n)
	}
	for fd := 3; fd < len(stdio); fd++ {
		switch mode := stdio[fd]; mode {
		case "pipe", "overlapped":
			r, w, err := socketPair()
			if err != nil {
				return fail(err)
			}
			readers[fd] = r
			cmd.ExtraFiles[fd-3] = w
			childEnds = append(childEnds, w)
		case "ipc":
			cmd.ExtraFiles[fd-3] = ipcChild
		case "ignore":
		default:
			n := fd // inherit: the parent's descriptor of the same number
			if mode != "inherit" {
				n, _ = strconv.Atoi(strings.TrimPrefix(mode, "wrap:"))
			}
			// (a duplicate: an *os.File closes its descriptor when collected)
			d, err := unix.FcntlInt(uintptr(n), unix.F_DUPFD_CLOEXEC, 0)
			if err != nil {
				return fail(err)
			}
			f := os.NewFile(uintptr(d), "fd")
			cmd.ExtraFiles[fd-3] = f
			childEnds = append(childEnds, f)
		}
	}
	if err := startCmd(cmd, o); err != nil {
		return fail(err)
	}
	for _, f := range childEnds {
		f.Close()
	}
	keep := o.Detached || h.KeepChildren
	c.handle = h.Loop.NewHandle(func() {
		// the runtime is closing: the child goes (unless detached, or the runtime is a process
		// whose children outlive it, as node's do), and so do its pipes
		if !keep && cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
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
	// The parent's ends of the pipes, in the child's fd order (as the exit drains them).
	arr, _ := cbs.Get("pipes").(*goja.Object)
	for fd := 0; fd < len(stdio); fd++ {
		r, ok := readers[fd]
		if !ok {
			continue
		}
		var jsPipe *pipe
		if arr != nil {
			po, _ := arr.Get(strconv.Itoa(fd)).(*goja.Object)
			if p := st.handles[po]; p != nil {
				jsPipe = p
			}
		}
		var p *pipe
		if w := inherit[fd]; w != nil {
			p = st.newPipe(true)
			p.data = func(data []byte) error {
				_, _ = w.Write(data)
				return nil
			}
			p.end = func() error {
				p.hd.Close()
				return nil
			}
		} else if jsPipe != nil {
			p = jsPipe
			p.wire(fd, call)
		} else {
			unix.Close(r) // (nobody to read it: the glue always passes its pipes)
			continue
		}
		if err := p.open(r); err != nil {
			unix.Close(r)
			continue
		}
		c.pipes = append(c.pipes, p)
	}
	var ipcObj goja.Value = goja.Null()
	if ipcFd >= 0 {
		ic, err := openIPC(st, ipcFd, o.Serialization == "advanced", cbs.Get("ipc").(*goja.Object))
		if err != nil {
			syscall.Close(ipcFd)
		} else {
			c.ipc = ic
			ipcObj = ic.object()
		}
	}
	onExit := func(code int, sig string) func() error {
		return func() error {
			c.handle.Close()
			var codeV, sigV goja.Value = goja.Null(), goja.Null()
			if sig != "" {
				sigV = vm.ToValue(sig)
			} else {
				codeV = vm.ToValue(code)
			}
			return call("onExit", codeV, sigV)
		}
	}
	go func() {
		err := cmd.Wait()
		code, sig := exitStatus(cmd, err)
		c.handle.Post(func() error {
			// As in node, 'exit' follows what the child wrote before it exited: libuv's poll
			// sees the pipes ready (and, once the child's end closed, hung up) before the
			// SIGCHLD. So the pipes JS reads are read first, each as its own callback, until
			// empty (a process the child started may still hold them open: 'exit' does not
			// wait for that) or ended.
			// So is the IPC channel, whose messages (and end) come before 'exit'.
			if c.ipc != nil {
				c.handle.Feed(c.ipc.drain)
			}
			for _, p := range c.pipes {
				if p.reading && p.pf.FD >= 0 {
					c.handle.Feed(p.drain)
				}
			}
			c.handle.Feed(onExit(code, sig))
			return nil
		})
	}()

	res := vm.NewObject()
	res.Set("pid", cmd.Process.Pid)
	res.Set("ipc", ipcObj)
	res.Set("kill", func(sig int) int {
		if cmd.Process == nil {
			return int(syscall.ESRCH)
		}
		if err := cmd.Process.Signal(syscall.Signal(sig)); err != nil {
			if errors.Is(err, os.ErrProcessDone) {
				// Reaped by the wait goroutine, but its exit not yet delivered: node's child is
				// a zombie until the loop reaps it, and signalling a zombie succeeds, so kill()
				// is true until 'exit' (which drops the handle) as in node.
				return 0
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
	// notStarted is the result of a child that never ran
	notStarted := func(err error) goja.Value {
		res.Set("error", h.ToJS(spawnError(err, o)))
		res.Set("status", goja.Null())
		res.Set("signal", goja.Null())
		res.Set("output", goja.Null())
		res.Set("pid", 0)
		return res
	}
	cmd, err := o.command(h)
	if err != nil {
		return notStarted(err)
	}
	ctx := context.Background()
	var cancel context.CancelFunc = func() {}
	// (a timeout past what a Duration holds, ~292 years, is none, as libuv's 64-bit timer)
	if o.Timeout > 0 && o.Timeout < float64(math.MaxInt64/int64(time.Millisecond)) {
		ctx, cancel = context.WithTimeout(ctx, time.Duration(o.Timeout*float64(time.Millisecond)))
	}
	defer cancel()
	// (one limit for all the child's output, as node's spawnSync counts what its pipes read)
	limit := &outputLimit{limit: int(o.MaxBuf)}
	stdout, stderr := limitedBuffer{outputLimit: limit}, limitedBuffer{outputLimit: limit}
	// kill signals the child once. The output limit can be passed (by an extra pipe's reader)
	// before the child has started: the kill then waits for started, which Start's caller calls.
	var killMu sync.Mutex
	var proc *os.Process
	killWanted, killed := false, false
	signalChild := func() { // (killMu held)
		if killed || proc == nil {
			return
		}
		killed = true
		sig := syscall.SIGTERM
		if o.Kill != 0 {
			sig = syscall.Signal(o.Kill)
		}
		_ = proc.Signal(sig)
	}
	kill := func() {
		killMu.Lock()
		killWanted = true
		signalChild()
		killMu.Unlock()
	}
	started := func(p *os.Process) {
		killMu.Lock()
		proc = p
		if killWanted {
			signalChild()
		}
		killMu.Unlock()
	}
	limit.onOverflow = kill
	stdio := o.Stdio
	for len(stdio) < 3 {
		stdio = append(stdio, "pipe")
	}
	extra := make([]*limitedBuffer, len(stdio))
	var extraReads sync.WaitGroup
	var childEnds []*os.File
	closeChildEnds := func() {
		for _, f := range childEnds {
			f.Close()
		}
		childEnds = nil
	}
	defer closeChildEnds()
	// dupFd is the parent's descriptor named by mode (a number, or a stream's "wrap:N") for the
	// child, closed here once the child has it; nil when it is none.
	dupFd := func(mode string) *os.File {
		n, err := strconv.Atoi(strings.TrimPrefix(mode, "wrap:"))
		if err != nil || n < 0 {
			return nil
		}
		d, err := unix.FcntlInt(uintptr(n), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return nil
		}
		f := os.NewFile(uintptr(d), "fd")
		childEnds = append(childEnds, f)
		return f
	}
	switch stdio[0] {
	case "pipe":
		cmd.Stdin = bytes.NewReader(o.Input)
	case "inherit":
		cmd.Stdin = h.Stdin
	default:
		if f := dupFd(stdio[0]); f != nil {
			cmd.Stdin = f
		}
	}
	switch stdio[1] {
	case "pipe":
		cmd.Stdout = &stdout
	case "inherit":
		cmd.Stdout = h.Stdout
	default:
		if f := dupFd(stdio[1]); f != nil {
			cmd.Stdout = f
		}
	}
	switch stdio[2] {
	case "pipe":
		cmd.Stderr = &stderr
	case "inherit":
		cmd.Stderr = h.Stderr
	default:
		if f := dupFd(stdio[2]); f != nil {
			cmd.Stderr = f
		}
	}
	// The child's descriptors from 3 on, as node's spawnSync: a 'pipe' is a socket pair whose
	// output is collected (output[fd]), 'inherit' or a number the parent's descriptor, 'ignore'
	// nothing.
	if len(stdio) > 3 {
		cmd.ExtraFiles = make([]*os.File, len(stdio)-3)
	}
	for fd := 3; fd < len(stdio); fd++ {
		switch mode := stdio[fd]; mode {
		case "pipe", "overlapped":
			pfd, child, err := socketPair()
			if err != nil {
				return notStarted(err)
			}
			cmd.ExtraFiles[fd-3] = child
			childEnds = append(childEnds, child)
			buf := &limitedBuffer{outputLimit: limit}
			extra[fd] = buf
			parent := os.NewFile(uintptr(pfd), "pipe")
			extraReads.Add(1)
			go func() {
				defer extraReads.Done()
				defer parent.Close()
				_, _ = io.Copy(buf, parent)
			}()
		case "ignore", "ipc":
		default:
			if mode == "inherit" { // the parent's descriptor of the same number
				mode = strconv.Itoa(fd)
			}
			if f := dupFd(mode); f != nil {
				cmd.ExtraFiles[fd-3] = f
			}
		}
	}
	if err := startCmd(cmd, o); err != nil {
		return notStarted(err)
	}
	started(cmd.Process)
	closeChildEnds()
	waitDone := make(chan error, 1)
	go func() {
		err := cmd.Wait()
		extraReads.Wait()
		waitDone <- err
	}()
	var werr error
	timedOut := false
	select {
	case werr = <-waitDone:
	case <-ctx.Done():
		timedOut = true
		kill()
		werr = <-waitDone
	}
	code, sig := exitStatus(cmd, werr)
	res.Set("pid", cmd.Process.Pid)
	if len(stdio) > 3 {
		list := make([]any, len(stdio))
		for fd, b := range extra {
			if b != nil {
				list[fd] = vm.NewArrayBuffer(b.Bytes())
			}
		}
		res.Set("extra", list)
	}
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
	} else if limit.overflow {
		res.Set("error", h.ToJS(&modules.SystemError{Errno: syscall.ENOBUFS, Syscall: "spawnSync " + o.File, Path: o.File}))
	}
	return res
}

// outputLimit counts the output of all of a child's pipes against limit bytes (0: no limit) and
// reports, once, when it is passed. Written from each pipe's goroutine.
type outputLimit struct {
	mu         sync.Mutex
	total      int
	limit      int
	overflow   bool
	onOverflow func()
}

// errOutputLimit stops the copying of a pipe once the output passed its limit.
var errOutputLimit = errors.New("maxBuffer exceeded")

// limitedBuffer collects one pipe's output under its child's outputLimit.
type limitedBuffer struct {
	bytes.Buffer
	*outputLimit
	passed bool // this pipe's read passed the limit
	late   bool // this pipe already kept its one read after the limit was passed
}

// ReadFrom copies through Write: the embedded bytes.Buffer's own ReadFrom, which io.Copy (and
// so os/exec) prefers, would bypass the limit.
func (b *limitedBuffer) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{b}, r)
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	// as node's spawnSync: a read is kept whole, and output past the limit fails the run (ENOBUFS),
	// kills the child and closes its pipes: nothing more is read from any of them (a grandchild
	// still writing gets EPIPE rather than keeping the run going)
	// Each pipe has its own goroutine here, where node reads them in turn: the read another
	// pipe made at about the same time may come after the one that passed the limit, so each
	// other pipe keeps one read more.
	l := b.outputLimit
	l.mu.Lock()
	if l.overflow {
		if b.passed || b.late {
			l.mu.Unlock()
			return 0, errOutputLimit
		}
		b.late = true
		b.Buffer.Write(p)
		l.mu.Unlock()
		return len(p), nil
	}
	b.Buffer.Write(p)
	l.total += len(p)
	over := l.limit > 0 && l.total > l.limit
	if over {
		l.overflow = true
		b.passed = true
	}
	l.mu.Unlock()
	if over && l.onOverflow != nil {
		l.onOverflow()
	}
	return len(p), nil
}

// pipePrototype makes the prototype of a runtime's pipe handles: their methods, each finding its
// pipe from its receiver (a closed pipe's are no-ops: its fd reads UV_EINVAL, as node's).
func pipePrototype(st *state) *goja.Object {
	h := st.h
	vm := h.VM
	proto := vm.NewObject()
	// (the receiver's pipe, nil when it has none or it is closed)
	pipeOf := func(c goja.FunctionCall) (*pipe, *goja.Object) {
		o, ok := c.This.(*goja.Object)
		if !ok {
			return nil, nil
		}
		return st.handles[o], o
	}
	method := func(name string, fn func(goja.FunctionCall) goja.Value) {
		f := vm.ToValue(fn).(*goja.Object)
		_ = f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	undef := goja.Undefined()
	method("setOwner", func(c goja.FunctionCall) goja.Value {
		p, _ := pipeOf(c)
		if owner, ok := c.Argument(0).(*goja.Object); ok && p != nil && !p.hd.Closed() {
			p.hd.SetKind("PipeWrap", owner)
		}
		return undef
	})
	method("ref", func(c goja.FunctionCall) goja.Value {
		if p, _ := pipeOf(c); p != nil {
			p.hd.SetJSRef(true)
			p.unrefd = false
			p.syncRef()
		}
		return undef
	})
	method("unref", func(c goja.FunctionCall) goja.Value {
		if p, _ := pipeOf(c); p != nil {
			p.hd.SetJSRef(false)
			p.unrefd = true
			p.syncRef()
		}
		return undef
	})
	// As a net.Socket's handle (node's Pipe): writeBuffer(buf) returns 0 (written), 1
	// (onwrite(status) follows) or a negative errno; shutdown(cb) ends the writing side
	// after them and returns 0 (cb(status) follows), 1 (done) or ENOTCONN;
	// readStart()/readStop() say whether JS wants data, which comes to onread(buf, n) and
	// onread(UV_EOF) (through the glue's onData/onEnd). A pipe has no delay or keep-alive
	// to set, nor addresses.
	method("writeBuffer", func(c goja.FunctionCall) goja.Value {
		p, o := pipeOf(c)
		if p == nil {
			return vm.ToValue(-int(syscall.EBADF))
		}
		var b []byte
		if do, ok := c.Argument(0).(*goja.Object); ok {
			if raw, ok := bytesOf(do); ok {
				b = append([]byte(nil), raw...)
			}
		}
		return vm.ToValue(p.write(b, func(errno int) error {
			fn, ok := goja.AssertFunction(o.Get("onwrite"))
			if !ok {
				return nil
			}
			_, err := fn(o, vm.ToValue(errno))
			return err
		}))
	})
	method("shutdown", func(c goja.FunctionCall) goja.Value {
		p, o := pipeOf(c)
		if p == nil {
			return vm.ToValue(-int(syscall.ENOTCONN))
		}
		if p.pf.FD < 0 && !p.hd.Closed() && !p.shut {
			// (a pipe read to its end: nothing left to shut down, done now)
			p.shut = true
			return vm.ToValue(1)
		}
		fn, _ := goja.AssertFunction(c.Argument(0))
		// (its completion is fed, as libuv's for a pipe its poll finds writable: later in
		// the I/O phase it comes from, else in the next one)
		if !p.shutdown(func() {
			p.hd.Feed(func() error {
				if fn == nil {
					return nil
				}
				_, err := fn(o, vm.ToValue(0))
				return err
			})
		}) {
			return vm.ToValue(-int(syscall.ENOTCONN))
		}
		return vm.ToValue(0)
	})
	method("readStart", func(c goja.FunctionCall) goja.Value {
		if p, _ := pipeOf(c); p != nil {
			p.setReading(true)
		}
		return vm.ToValue(0)
	})
	method("readStop", func(c goja.FunctionCall) goja.Value {
		if p, _ := pipeOf(c); p != nil {
			p.setReading(false)
		}
		return vm.ToValue(0)
	})
	for _, name := range []string{"setNoDelay", "setKeepAlive", "getsockname", "getpeername"} {
		method(name, func(goja.FunctionCall) goja.Value { return undef })
	}
	fdGetter := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		p, _ := pipeOf(c)
		if p == nil || p.hd.Closed() {
			return vm.ToValue(-int(syscall.EINVAL)) // (node's for a closed handle: UV_EINVAL)
		}
		return vm.ToValue(p.fd)
	})
	_ = proto.DefineAccessorProperty("fd", fdGetter, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// close([cb]) closes the pipe (a process the child started may hold the other end
	// open); cb, as a libuv close callback, runs in the close phase, when the handle is no
	// longer listed (node's socket emits 'close' from there).
	method("close", func(c goja.FunctionCall) goja.Value {
		p, o := pipeOf(c)
		if p == nil {
			return undef
		}
		delete(st.handles, o)
		p.closeFD()
		if fn, ok := goja.AssertFunction(c.Argument(0)); ok {
			h.Loop.OnClose(func() error {
				p.hd.EnterAsync() // (in the pipe's async context, as a libuv close callback)
				_, err := fn(goja.Undefined())
				return err
			})
		}
		p.hd.Close() // (after: the close phase runs the newest first)
		return undef
	})
	return proto
}
