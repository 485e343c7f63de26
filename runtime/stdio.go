package runtime

import (
	_ "embed"
	"io"
	"os"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed js/stdio.js
var stdioJS string

var stdioModule = modules.Module{Name: "internal/stdio", Internal: true, JSRef: &stdioJS}

// stdinReader reads the runtime's stdin on one goroutine, one chunk per request, so nothing is
// read that JS did not ask for.
type stdinReader struct {
	rt      *Runtime
	once    sync.Once
	req     chan struct{}
	pending *eventloop.Pending
	cb      goja.Callable
	unrefd  bool // the stream's handle was unref()'d: an outstanding read keeps nothing alive
}

func (s *stdinReader) start() {
	s.req = make(chan struct{}, 1)
	ctx := s.rt.ctx
	go func() {
		buf := make([]byte, 64*1024)
		for {
			select {
			case <-s.req:
			case <-ctx.Done():
				return
			}
			n, err := s.rt.opts.Stdin.Read(buf)
			data := append([]byte(nil), buf[:n]...)
			s.rt.loop.Post(func() error {
				return s.deliver(data, err)
			})
			if err != nil {
				return
			}
		}
	}()
}

func (s *stdinReader) deliver(data []byte, err error) error {
	if hd := s.rt.stdioHandles[0]; hd != nil && !hd.Closed() {
		hd.Enter() // (the read's callback runs in stdin's handle, as node's stream reads do)
	}
	if s.pending != nil {
		s.pending.Cancel()
		s.pending = nil
	}
	cb := s.cb
	s.cb = nil
	if cb == nil {
		return nil
	}
	vm := s.rt.vm
	if len(data) > 0 {
		if _, e := cb(goja.Undefined(), goja.Null(), vm.ToValue(vm.NewArrayBuffer(data))); e != nil {
			return e
		}
		if err != nil {
			// deliver the end after the data
			s.cb = cb
			return s.deliver(nil, err)
		}
		return nil
	}
	if err == io.EOF || err == nil {
		_, e := cb(goja.Undefined(), goja.Null(), goja.Null())
		return e
	}
	_, e := cb(goja.Undefined(), s.rt.host.ToJS(modules.NewSystemError(err, "read", "", "")))
	return e
}

func (rt *Runtime) stdinBinding(lz *modules.LazyFuncs) {
	// (made on the first read of stdin: most runtimes never read it)
	var s *stdinReader
	lz.Set("readStdin", func(cb goja.Callable) {
		if s == nil {
			s = &stdinReader{rt: rt}
		}
		s.once.Do(s.start)
		s.cb = cb
		if s.pending == nil && !s.unrefd {
			s.pending = rt.loop.Reserve()
		}
		select {
		case s.req <- struct{}{}:
		default:
		}
	})
	// stdioHandle(fd) is the native handle of process.stdin/stdout/stderr (one per fd) when the
	// fd is a terminal (node's TTY, listed as TTYWrap) or a pipe or socket (Pipe, PipeWrap), and
	// undefined for a file or a stream that is no descriptor (node's fs streams have none).
	// Like node's it is listed in process._getActiveHandles() (as its owner property says: the
	// stream) while referenced, but keeps nothing alive itself. The first console write makes
	// it, as node's first write makes process.stdout.
	var stdio [3]goja.Value
	lz.Set("stdioHandle", func(fd int) goja.Value {
		if fd < 0 || fd > 2 {
			return goja.Undefined()
		}
		if v := stdio[fd]; v != nil {
			return v
		}
		stdio[fd] = goja.Undefined()
		kind := rt.stdioKind(fd)
		if kind == "" {
			return stdio[fd]
		}
		hd := rt.loop.NewHandle(nil)
		rt.stdioHandles[fd] = hd
		hd.Unref()
		hd.SetJSRef(true)
		refed := true
		o := rt.vm.NewObject()
		// of node's class (TTY, Pipe): the resource async hooks see for it
		if class := stdioClasses[kind]; class != "" {
			o.SetPrototype(handleClassProto(rt.vm, class))
		}
		hd.SetKind(kind, o)
		o.Set("ref", func() { refed = true; hd.SetJSRef(true) })
		o.Set("unref", func() { refed = false; hd.SetJSRef(false) })
		o.Set("hasRef", func() bool { return refed && !hd.Closed() })
		// close(cb): cb runs in the close-callbacks phase, as a libuv handle's close callback
		o.Set("close", func(call goja.FunctionCall) goja.Value {
			if !hd.Closed() {
				hd.Close()
				if cb, ok := goja.AssertFunction(call.Argument(0)); ok {
					rt.loop.OnClose(func() error {
						_, err := cb(o)
						return err
					})
				}
			}
			return goja.Undefined()
		})
		stdio[fd] = o
		return o
	})
	// unrefStdin lets the loop end while a read is outstanding (the stream stopped reading);
	// the next readStdin keeps it alive again.
	lz.Set("unrefStdin", func() {
		if s != nil && s.pending != nil {
			s.pending.Cancel()
			s.pending = nil
		}
	})
	// stdinRef(on, reading) is the stdin handle's ref()/unref(): unref'd, no read keeps the loop
	// alive; ref'd again, an outstanding read does while the stream reads.
	lz.Set("stdinRef", func(on, reading bool) {
		if s == nil {
			s = &stdinReader{rt: rt}
		}
		s.unrefd = !on
		switch {
		case !on && s.pending != nil:
			s.pending.Cancel()
			s.pending = nil
		case on && reading && s.pending == nil && s.cb != nil:
			s.pending = rt.loop.Reserve()
		}
	})
	// stdioType is node's guessHandleType for the runtime's stdio fd: "TTY", "PIPE" (a pipe or
	// socket; for stdin also a Go reader that is no file, which streams as a pipe does) or
	// "FILE" (a file, /dev/null, or a Go writer, written synchronously as node writes files).
	lz.Set("stdioType", func(fd int) string {
		if rt.inWorker() {
			return "WORKER" // (node's worker stdio streams, which talk to the parent)
		}
		switch rt.stdioKind(fd) {
		case "TTYWrap":
			return "TTY"
		case "PipeWrap":
			return "PIPE"
		}
		if fd == 0 {
			if _, ok := rt.opts.Stdin.(*os.File); !ok && rt.opts.Stdin != nil {
				return "PIPE"
			}
		}
		return "FILE"
	})
}

// PipeStdio is an optional interface of a runtime's Options.Stdin, Stdout or Stderr that is no
// *os.File: StdioIsPipe true makes process's stream of it a pipe's (a net.Socket, as node's
// stdio over a pipe) rather than a file's (a SyncWriteStream). An embedder whose writer stands
// for a pipe (gojs test's files, whose output the runner reads as node's runner reads its
// children's pipes) says so.
type PipeStdio interface {
	StdioIsPipe() bool
}

// stdioKind is node's handle kind for the runtime's stdio fd: TTYWrap for a terminal, PipeWrap
// for a pipe or socket (or a PipeStdio), "" for anything else (a file, /dev/null, a Go writer).
func (rt *Runtime) stdioKind(fd int) string {
	var v any
	tty := false
	switch fd {
	case 0:
		v, tty = rt.opts.Stdin, rt.opts.StdinIsTTY
	case 1:
		v, tty = rt.opts.Stdout, rt.opts.StdoutIsTTY
	case 2:
		v, tty = rt.opts.Stderr, rt.opts.StderrIsTTY
	}
	if tty {
		return "TTYWrap"
	}
	if p, ok := v.(PipeStdio); ok && p.StdioIsPipe() {
		return "PipeWrap"
	}
	f, ok := v.(*os.File)
	if !ok {
		return ""
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) == 0 {
		return ""
	}
	return "PipeWrap"
}

// stdioClasses are node's classes of the stdio handle kinds.
var stdioClasses = map[string]string{"TTYWrap": "TTY", "PipeWrap": "Pipe"}

// handleClassProto makes a prototype whose constructor (one JS cannot call, as node's handle
// classes) is named class.
func handleClassProto(vm *goja.Runtime, class string) *goja.Object {
	proto := vm.NewObject()
	modules.SetHandleClass(vm, proto, class)
	return proto
}
