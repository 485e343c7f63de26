package runtime

// Module customization hooks (https://nodejs.org/api/module.html#customization-hooks).
//
// module.register() (and --loader / --experimental-loader) load a hooks module on node's hooks
// thread: one per process, started on the first registration, its own realm, shared by every
// registration. Here that thread is a second Runtime made with the main runtime's options and
// run on its own goroutine with its own loop, kept alive by a handle while the main runtime
// lives. The main runtime's ES module loader (runtime/js/esm.js) resolves and loads
// synchronously: once hooks are registered, each of its resolve and load steps sends a request
// to the hooks runtime and blocks its loop until the answer comes, as node's main thread waits
// on Atomics.wait. The hooks runtime runs the hook chain (runtime/js/hooks.js) on its loop until
// the hooks' promises settle, then answers. Requests and answers are V8-serialized by the glue on
// each side (structured clone, which keeps errors' classes and messages); Go only moves bytes.
// Nothing of this exists until the first registration: no goroutine, no compiled glue.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// hooksThread is the main runtime's handle on its hooks runtime.
type hooksThread struct {
	done   chan struct{} // closed once the hooks goroutine has ended
	rt     *Runtime      // the hooks runtime (set before the thread is ready)
	handle *eventloop.Handle
	serve  goja.Callable // hooks.js's serve(request, reply), called on the hooks loop only
	// exited and exitCode: the hooks runtime ended by process.exit(code) (written before done
	// is closed)
	exited   bool
	exitCode int
}

// errHooksGone is the error of a request made after the hooks runtime ended.
var errHooksGone = errors.New("gojs: the module customization hooks thread has ended")

type hooksReply struct {
	data []byte
	err  error
}

// startHooks makes the hooks runtime and waits until it can serve requests. Loop only.
func (rt *Runtime) startHooks() (*hooksThread, error) {
	opts := rt.opts
	opts.SignalListener = nil
	opts.Stdin = strings.NewReader("")
	opts.StdinIsTTY = false
	opts.Timeout = 0
	opts.Cwd = rt.host.Cwd()
	opts.Env = make(map[string]string, len(rt.host.Env))
	for k, v := range rt.host.Env {
		opts.Env[k] = v
	}
	h := &hooksThread{done: make(chan struct{})}
	ready := make(chan error, 1)
	go func() {
		defer close(h.done)
		hrt, err := New(opts)
		if err != nil {
			ready <- err
			return
		}
		defer hrt.Close()
		h.rt = hrt
		// node's hooks thread is an internal worker (worker_threads: not the main thread, id 1)
		hrt.host.Worker = &modules.WorkerInfo{Internal: true, ThreadID: 1}
		started := false
		_, err = hrt.run(context.Background(), func() error {
			v, err := hrt.callLoader("hooksServer")
			if err != nil {
				return err
			}
			serve, ok := goja.AssertFunction(v)
			if !ok {
				return errors.New("gojs: hooks glue has no serve function")
			}
			h.serve = serve
			// keeps the hooks loop alive between requests; Close stops the loop
			h.handle = hrt.loop.NewHandle(nil)
			started = true
			ready <- nil
			return nil
		})
		if started && hrt.loop.Exiting() {
			h.exited, h.exitCode = true, hrt.loop.ExitCode()
		}
		if !started {
			if err == nil {
				err = errHooksGone
			}
			ready <- err
		}
	}()
	if err := <-ready; err != nil {
		<-h.done
		return nil, err
	}
	return h, nil
}

// call sends a serialized request to the hooks runtime and blocks until its serialized answer
// comes. Main runtime's loop only.
func (h *hooksThread) call(req []byte, msg *modules.WorkerMessage) ([]byte, error) {
	ch := make(chan hooksReply, 1)
	posted := h.handle.Post(func() error {
		vm := h.rt.vm
		// While the hooks work on it, the handle does not keep the hooks loop alive: if the
		// loop ends before the answer, the hooks' promise can never settle (node's main thread
		// then exits with code 13).
		h.handle.Unref()
		reply := func(c goja.FunctionCall) goja.Value {
			h.handle.Ref()
			var b []byte
			switch v := modules.ExportCheap(c.Argument(0)).(type) {
			case []byte:
				b = append([]byte(nil), v...)
			case goja.ArrayBuffer:
				b = append([]byte(nil), v.Bytes()...)
			}
			select {
			case ch <- hooksReply{data: b}:
			default:
			}
			return goja.Undefined()
		}
		args := []goja.Value{vm.ToValue(vm.NewArrayBuffer(req)), vm.ToValue(reply)}
		if msg != nil {
			// (a message with transferred ports: its data, buffers and ports as
			// worker_threads' deserialize takes them)
			bufs := make([]any, len(msg.Buffers))
			for i, b := range msg.Buffers {
				bufs[i] = vm.NewArrayBuffer(b)
			}
			ports := make([]any, len(msg.Ports))
			for i, p := range msg.Ports {
				ports[i] = p
			}
			args = append(args, vm.ToValue(vm.NewArrayBuffer(msg.Data)), vm.ToValue(bufs), vm.ToValue(ports))
		}
		_, err := h.serve(goja.Undefined(), args...)
		if err != nil && h.rt.loop.Exiting() {
			// process.exit() in a hook: the hooks runtime ends, and the request with it
			return nil
		}
		if err != nil {
			h.handle.Ref()
			select {
			case ch <- hooksReply{err: err}:
			default:
			}
		}
		return nil
	})
	if !posted {
		return nil, errHooksGone
	}
	select {
	case r := <-ch:
		return r.data, r.err
	case <-h.done:
		select {
		case r := <-ch:
			return r.data, r.err
		default:
		}
		if h.exited {
			return nil, &hooksExitError{code: h.exitCode}
		}
		return nil, errHooksNeverSettled
	}
}

// hooksExitError: the hooks runtime called process.exit(code) while a request waited; node's
// main thread then exits with that code.
type hooksExitError struct{ code int }

func (e *hooksExitError) Error() string {
	return fmt.Sprintf("gojs: the hooks thread exited with code %d", e.code)
}

// errHooksNeverSettled: the hooks runtime's loop ended while a request waited for its answer.
var errHooksNeverSettled = errors.New("gojs: the module customization hooks never settled")

// close stops the hooks runtime and waits for its goroutine. Any goroutine.
func (h *hooksThread) close() {
	if h.rt != nil {
		h.rt.Close()
	}
	<-h.done
}

// hooksCall(request[, data, buffers, ports]) -> answer: the loader binding's way to the hooks
// runtime (started on the first call). Request and answer are V8-serialized (Uint8Array in,
// ArrayBuffer out); data, buffers and ports, when given, are a worker_threads message with
// transferred ports (module.register()'s transferList), which crosses beside the request.
// Loop only.
func (rt *Runtime) hooksCall(c goja.FunctionCall) goja.Value {
	bytesOf := func(v goja.Value) ([]byte, bool) {
		switch x := modules.ExportCheap(v).(type) {
		case []byte:
			return append([]byte(nil), x...), true
		case goja.ArrayBuffer:
			return append([]byte(nil), x.Bytes()...), true
		}
		return nil, false
	}
	req, ok := bytesOf(c.Argument(0))
	if !ok {
		panic(rt.vm.NewTypeError("hooksCall: bytes expected"))
	}
	var msg *modules.WorkerMessage
	if len(c.Arguments) > 1 {
		msg = &modules.WorkerMessage{}
		msg.Data, _ = bytesOf(c.Argument(1))
		if o, ok := c.Argument(2).(*goja.Object); ok {
			for _, k := range o.Keys() {
				b, _ := bytesOf(o.Get(k))
				msg.Buffers = append(msg.Buffers, b)
			}
		}
		if o, ok := c.Argument(3).(*goja.Object); ok {
			for _, k := range o.Keys() {
				if p, ok := modules.ExportAs[*modules.Port](o.Get(k)); ok {
					msg.Ports = append(msg.Ports, p)
				}
			}
		}
	}
	h := rt.hooks.Load()
	if h == nil {
		var err error
		if h, err = rt.startHooks(); err != nil {
			panic(rt.vm.NewGoError(err))
		}
		rt.hooks.Store(h)
		if rt.loop.Stopped() {
			// (Close ran meanwhile and did not see it)
			h.close()
		}
	}
	out, err := h.call(req, msg)
	if errors.Is(err, errHooksNeverSettled) {
		return goja.Null() // (the glue exits with node's code 13)
	}
	if ex, ok := err.(*hooksExitError); ok {
		return rt.vm.ToValue(ex.code) // (the glue exits with it)
	}
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			// (the hooks runtime's own exception: its message crosses, not its value)
			panic(rt.vm.NewGoError(errors.New(ex.Error())))
		}
		panic(rt.vm.NewGoError(err))
	}
	return rt.vm.ToValue(rt.vm.NewArrayBuffer(out))
}

// PreloadLoader registers the hooks module specifier (resolved against the working directory)
// before the --import modules and the main script, as node's --loader / --experimental-loader
// do, with node's warning.
func (rt *Runtime) PreloadLoader(specifier string) {
	rt.loaders = append(rt.loaders, specifier)
}
