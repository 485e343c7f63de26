package runtime

import (
	"context"
	"errors"
	"runtime/metrics"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// workerState is what a worker runtime keeps about its parent's callbacks.
type workerState struct {
	opts modules.WorkerOptions
}

// funcWriter hands each write to a function (the parent's loop, for a worker's stdio).
type funcWriter func([]byte)

func (f funcWriter) Write(p []byte) (int, error) {
	if f != nil {
		f(append([]byte(nil), p...))
	}
	return len(p), nil
}

// workerRun is the parent's handle on a worker runtime.
type workerRun struct {
	mu         sync.Mutex
	rt         *Runtime
	terminated bool
}

func (w *workerRun) Terminate() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.terminated = true
	if w.rt != nil {
		w.rt.Interrupt("worker terminated")
	}
}

// errTerminated marks a worker stopped by terminate().
var errTerminated = errors.New("worker terminated")

// newWorker starts a worker runtime (Host.NewWorker): a new Runtime with the parent's options
// (permissions, builtins, modules, FS, globals), created and run on its own goroutine. Loop only.
func (rt *Runtime) newWorker(o modules.WorkerOptions) (modules.WorkerHandle, error) {
	opts := rt.opts
	opts.Args = o.Argv
	if o.Eval {
		// process.argv[1] of an eval worker, as Node has it.
		opts.Args = append([]string{"[worker eval]"}, o.Argv...)
	}
	opts.ExecArgv = o.ExecArgv
	opts.Env = o.Env
	opts.Cwd = rt.host.Cwd()
	opts.Stdin = strings.NewReader("")
	opts.Stdout = funcWriter(o.Stdout)
	opts.Stderr = funcWriter(o.Stderr)
	opts.StdoutIsTTY, opts.StderrIsTTY, opts.StdinIsTTY = false, false, false
	opts.Timeout = 0
	if o.MaxOldGenerationSizeMb > 0 {
		// The Go heap is the process's: the worker may grow it by this much from now.
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(s)
		opts.MemoryLimit = s[0].Value.Uint64() + uint64(o.MaxOldGenerationSizeMb*(1<<20))
	}
	if o.StackSizeMb > 0 {
		// Node's default 4 MB stack holds about 10k frames.
		opts.MaxCallStackSize = int(o.StackSizeMb * float64(DefaultMaxCallStackSize) / 4)
		if opts.MaxCallStackSize < 100 {
			opts.MaxCallStackSize = 100
		}
	}
	w := &workerRun{}
	parentCtx := rt.ctx
	go func() {
		code := 1
		defer func() {
			if o.OnExit != nil {
				o.OnExit(code)
			}
		}()
		wrt, err := New(opts)
		if err != nil {
			return
		}
		defer wrt.Close()
		wrt.worker = &workerState{opts: o}
		wrt.host.Worker = &modules.WorkerInfo{
			ThreadID:   o.ThreadID,
			WorkerData: o.WorkerData,
			Port:       o.Port,
			Shared:     o.Shared,
			ResourceLimits: [4]float64{o.MaxYoungGenerationSizeMb, o.MaxOldGenerationSizeMb,
				o.CodeRangeSizeMb, o.StackSizeMb},
		}
		w.mu.Lock()
		if w.terminated {
			w.mu.Unlock()
			return
		}
		w.rt = wrt
		w.mu.Unlock()
		if o.OnOnline != nil {
			o.OnOnline()
		}
		ctx, cancel := context.WithCancel(parentCtx)
		defer cancel()
		var runErr error
		if o.Eval {
			code, runErr = wrt.RunScript(ctx, "[worker eval]", o.Filename)
		} else {
			code, runErr = wrt.RunMain(ctx, o.Filename)
		}
		var ie *InterruptError
		var je *JSError
		switch {
		case errors.As(runErr, &ie), errors.Is(runErr, context.Canceled):
			code = 1
		case runErr != nil && !errors.As(runErr, &je):
			code = 1
		}
		if o.Port != nil {
			o.Port.Close()
		}
	}()
	return w, nil
}

// workerFatal hands a worker's uncaught exception to its parent instead of printing it. It
// reports false in the main thread. Loop only.
func (rt *Runtime) workerFatal(v goja.Value) bool {
	if rt.worker == nil {
		return false
	}
	if rt.worker.opts.OnError != nil {
		var data []byte
		func() {
			defer func() { _ = recover() }()
			v8, err := rt.requireBuiltin("v8")
			if err != nil {
				return
			}
			ser, ok := goja.AssertFunction(v8.ToObject(rt.vm).Get("serialize"))
			if !ok {
				return
			}
			// {error, props}: the V8 format keeps an error's class, message and stack; its own
			// properties (code, errno...) travel beside it, as Node's error serializer keeps them.
			wrap := rt.vm.NewObject()
			_ = wrap.Set("error", v)
			if o, ok := v.(*goja.Object); ok {
				props := rt.vm.NewObject()
				for _, k := range o.Keys() {
					_ = props.Set(k, o.Get(k))
				}
				_ = wrap.Set("props", props)
			}
			out, err := ser(goja.Undefined(), wrap)
			if err != nil {
				_ = wrap.Delete("props")
				if out, err = ser(goja.Undefined(), wrap); err != nil {
					return
				}
			}
			if b, ok := out.Export().([]byte); ok {
				data = append([]byte(nil), b...)
			}
		}()
		rt.worker.opts.OnError(data)
	}
	return true
}
