package runtime

import (
	_ "embed"
	"io"
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
		if s.pending == nil {
			s.pending = rt.loop.Reserve()
		}
		select {
		case s.req <- struct{}{}:
		default:
		}
	})
	lz.Set("unrefStdin", func() {
		if s != nil && s.pending != nil {
			s.pending.Cancel()
			s.pending = nil
		}
	})
}
