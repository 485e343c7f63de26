package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// workerState is what a worker runtime keeps about its parent's callbacks.
type workerState struct {
	opts modules.WorkerOptions
	// fatal is the uncaught exception (serialized) the parent gets once the worker's 'exit'
	// listeners have run and its output went, as node posts it; fatalSet says there was one.
	fatal    []byte
	fatalSet bool
	// processReady: the worker's process was made node's (bootstrapcold.js's workerProcess)
	processReady bool
}

// workerOut is a worker's stdout or stderr with node's flow control: a write goes to the parent
// at once unless an earlier one is still unacknowledged; then it waits, with the writes made
// meanwhile, until the parent's stream asks for more (the worker sees that request on its loop,
// after the code running now), and they go together. Once the worker is exiting (or has ended)
// everything goes at once. Write runs on the worker's loop.
type workerOut struct {
	mu       sync.Mutex
	send     func([][]byte)
	inFlight bool
	buf      [][]byte
	exiting  func() bool
	pipe     bool // the worker stands for a process: its stdio is a pipe's (PipeStdio)
}

// StdioIsPipe: the stdio of a worker that stands for a process (a node:test run() file) is a
// pipe's, as that process's would be; a worker's own is node's worker stdio.
func (w *workerOut) StdioIsPipe() bool { return w.pipe }

func (w *workerOut) Write(p []byte) (int, error) {
	if w.send == nil {
		return len(p), nil
	}
	b := append([]byte(nil), p...)
	if w.exiting != nil && w.exiting() {
		w.flush(false)
		w.send([][]byte{b})
		return len(p), nil
	}
	w.mu.Lock()
	if w.inFlight {
		w.buf = append(w.buf, b)
		w.mu.Unlock()
		return len(p), nil
	}
	w.inFlight = true
	w.mu.Unlock()
	w.send([][]byte{b})
	return len(p), nil
}

// flush sends what waits; keep says whether the parent still owes an acknowledgement for it.
func (w *workerOut) flush(keep bool) {
	w.mu.Lock()
	chunks := w.buf
	w.buf = nil
	w.inFlight = keep && len(chunks) > 0
	w.mu.Unlock()
	if len(chunks) > 0 && w.send != nil {
		w.send(chunks)
	}
}

// workerIn is a worker's stdin when the parent asked for one: the parent's writes queue here
// (never blocking the parent's loop) until the worker reads them.
type workerIn struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    []byte
	closed bool
}

func newWorkerIn() *workerIn {
	in := &workerIn{}
	in.cond = sync.NewCond(&in.mu)
	return in
}

func (in *workerIn) Read(p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for len(in.buf) == 0 && !in.closed {
		in.cond.Wait()
	}
	if len(in.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, in.buf)
	in.buf = in.buf[n:]
	return n, nil
}

func (in *workerIn) write(b []byte) {
	in.mu.Lock()
	if !in.closed {
		in.buf = append(in.buf, b...)
	}
	in.mu.Unlock()
	in.cond.Broadcast()
}

func (in *workerIn) close() {
	in.mu.Lock()
	in.closed = true
	in.mu.Unlock()
	in.cond.Broadcast()
}

// workerRun is the parent's handle on a worker runtime.
type workerRun struct {
	mu         sync.Mutex
	rt         *Runtime
	terminated bool
	ended      bool
	out        [2]*workerOut
	in         *workerIn
	// wants counts the parent's requests for more output that came before the worker's loop
	// existed, per stream.
	wants [2]int
	// wantMore posts the parent's requests to the worker's loop (unref'd, WeakPosts)
	wantMore *eventloop.Handle
}

// StdioWantsMore tells the worker that the parent's stdout (fd 1) or stderr (fd 2) stream
// wants more data. Any goroutine.
func (w *workerRun) StdioWantsMore(fd int) {
	if fd != 1 && fd != 2 {
		return
	}
	out := w.out[fd-1]
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ended {
		return
	}
	if w.rt == nil {
		w.wants[fd-1]++
		return
	}
	w.wantMore.Post(func() error {
		out.flush(true)
		return nil
	})
}

// WriteStdin queues data for the worker's process.stdin. Any goroutine.
func (w *workerRun) WriteStdin(b []byte) {
	if w.in != nil {
		w.in.write(append([]byte(nil), b...))
	}
}

// EndStdin ends the worker's process.stdin. Any goroutine.
func (w *workerRun) EndStdin() {
	if w.in != nil {
		w.in.close()
	}
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
	opts.SignalListener = nil   // (signals go to the main thread's process, as in node)
	opts.TimeZoneListener = nil // (node watches TZ in the main thread only)
	opts.Args = o.Argv
	if _, data := dataURLImport(o.Eval, o.Filename); o.Eval && !data {
		// process.argv[1] of an eval worker, as Node has it (not of a data: URL's).
		opts.Args = append([]string{"[worker eval]"}, o.Argv...)
	}
	opts.ExecArgv = o.ExecArgv
	opts.Env = o.Env
	// A worker has no IPC channel: NODE_CHANNEL_FD and its mode stay plain variables of its env
	// (New would take them for a forked child's channel), put back once it is made.
	var ipcEnv map[string]string
	for _, k := range [...]string{"NODE_CHANNEL_FD", "NODE_CHANNEL_SERIALIZATION_MODE"} {
		if v, ok := o.Env[k]; ok {
			if ipcEnv == nil {
				ipcEnv = map[string]string{}
				opts.Env = make(map[string]string, len(o.Env))
				for ek, ev := range o.Env {
					opts.Env[ek] = ev
				}
			}
			ipcEnv[k] = v
			delete(opts.Env, k)
		}
	}
	opts.Cwd = rt.host.Cwd()
	w := &workerRun{out: [2]*workerOut{{send: o.Stdout, pipe: o.OwnProcess}, {send: o.Stderr, pipe: o.OwnProcess}}}
	if o.Stdin {
		w.in = newWorkerIn()
		opts.Stdin = w.in
	} else {
		opts.Stdin = strings.NewReader("")
	}
	opts.Stdout = w.out[0]
	opts.Stderr = w.out[1]
	opts.StdoutIsTTY, opts.StderrIsTTY, opts.StdinIsTTY = false, false, false
	opts.Timeout = 0
	opts.workerThread = !o.OwnProcess
	if o.MaxOldGenerationSizeMb > 0 {
		// The Go heap is the process's: the worker may grow it by this much from now.
		opts.MemoryLimit = heapObjectBytes() + uint64(o.MaxOldGenerationSizeMb*(1<<20))
	}
	if o.StackSizeMb > 0 {
		// Node's default 4 MB stack holds about 10k frames.
		opts.MaxCallStackSize = int(o.StackSizeMb * float64(DefaultMaxCallStackSize) / 4)
		if opts.MaxCallStackSize < 100 {
			opts.MaxCallStackSize = 100
		}
	}
	var shared *sharedEnv
	if o.ShareEnv {
		shared = rt.shareEnv()
	}
	// A worker that stands for a process of its own ends by a signal it sends itself and does
	// not listen for, as the process would (those it listens for reach its listeners: see the
	// kill binding).
	var self *Runtime
	var killedBy atomic.Int32
	if o.OwnProcess {
		opts.KillSelf = func(sig syscall.Signal) {
			if SelfSignalEnds(sig) && killedBy.CompareAndSwap(0, int32(sig)) {
				self.Interrupt("killed by " + signalName(sig))
			}
		}
	}
	parentCtx := rt.ctx
	go func() {
		code := 1
		var errCode, reason string // (node's customErr of a worker that ended by a limit)
		var ws *workerState
		defer func() {
			// what still waits goes before 'exit'
			w.mu.Lock()
			w.ended = true
			w.mu.Unlock()
			w.out[0].flush(false)
			w.out[1].flush(false)
			if ws != nil && ws.fatalSet {
				o.OnError(ws.fatal)
			}
			if w.in != nil {
				w.in.close()
			}
			if o.OnExit != nil {
				o.OnExit(code, errCode, reason)
			}
		}()
		wrt, err := New(opts)
		if err != nil {
			return
		}
		defer wrt.Close()
		self = wrt
		for k, v := range ipcEnv {
			wrt.host.Env[k] = v
		}
		if shared != nil {
			wrt.sharedEnv = shared
		}
		// the --require modules of its execArgv (its own or its parent's) load before its code,
		// as node's (node 20 runs no --import module in a worker)
		for i := 0; i < len(o.ExecArgv); i++ {
			name, val, hasVal := strings.Cut(o.ExecArgv[i], "=")
			switch name {
			case "-r", "--require", "--loader", "--experimental-loader":
				if !hasVal {
					if i+1 >= len(o.ExecArgv) {
						continue
					}
					i++
					val = o.ExecArgv[i]
				}
				if name == "-r" || name == "--require" {
					wrt.Preload(val)
				} else {
					// (as node 20: a worker registers the --loader hooks of its execArgv for itself)
					wrt.PreloadLoader(val)
				}
			case "-e", "--eval", "-p", "--print", "--import":
				if !hasVal {
					i++ // (its value is no option)
				}
			}
		}
		exiting := func() bool {
			p, ok := wrt.vm.Get("process").(*goja.Object)
			return ok && p.Get("_exiting").ToBoolean()
		}
		w.out[0].exiting, w.out[1].exiting = exiting, exiting
		ws = &workerState{opts: o}
		wrt.worker = ws
		wrt.host.Worker = &modules.WorkerInfo{
			OwnProcess: o.OwnProcess,
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
		// (the parent's requests come on a handle that keeps nothing alive: a worker whose
		// work is done ends, as node's, whose stdio requests come on an unref'd port)
		w.wantMore = wrt.loop.NewHandle(nil)
		w.wantMore.WeakPosts()
		w.wantMore.Unref()
		for i, n := range w.wants {
			out := w.out[i]
			for ; n > 0; n-- {
				w.wantMore.Post(func() error {
					out.flush(true)
					return nil
				})
			}
		}
		w.mu.Unlock()
		// An old generation too small for node's worker to bootstrap in (V8 takes 2 MB at
		// least) ends it before it comes online, out of memory, as node's (whose exit code is
		// 0 then, but for 4 MB, which runs out a little later).
		tooSmall := o.MaxOldGenerationSizeMb > 0 && o.MaxOldGenerationSizeMb < minWorkerOldGenerationMb
		if o.OnOnline != nil && !tooSmall {
			o.OnOnline()
		}
		ctx, cancel := context.WithCancel(parentCtx)
		defer cancel()
		var runErr error
		if tooSmall {
			runErr = ErrMemoryLimit
		} else if href, ok := dataURLImport(o.Eval, o.Filename); ok {
			// a data: URL's module, which node's worker runs as a module entry point (no
			// require or module globals, no [worker eval] in process.argv)
			code, runErr = wrt.runMainImport(ctx, href)
		} else if o.Eval {
			code, runErr = wrt.runWorkerEval(ctx, o.Filename)
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
		if errors.Is(runErr, ErrMemoryLimit) {
			errCode, reason = "ERR_WORKER_OUT_OF_MEMORY", "JS heap out of memory"
			if tooSmall && o.MaxOldGenerationSizeMb < 4 {
				code = 0
			}
		}
		if o.OwnProcess && wrt.Aborted() {
			// (process.abort(): the process dies of SIGABRT)
			killedBy.CompareAndSwap(0, int32(syscall.SIGABRT))
		}
		if sig := syscall.Signal(killedBy.Load()); sig != 0 {
			code, errCode, reason = 128+int(sig), "signal", signalName(sig)
		}
		if o.Port != nil {
			o.Port.Close()
		}
	}()
	return w, nil
}

// minWorkerOldGenerationMb is the least resourceLimits.maxOldGenerationSizeMb a worker starts
// with: below it node's worker runs out of memory in its bootstrap (node 20's does at 4 MB, not
// at 4.5).
const minWorkerOldGenerationMb = 4.5

// inWorker reports whether the runtime is a worker thread as node's scripts see one: not the
// main thread, nor a worker that stands for a process of its own (WorkerOptions.OwnProcess),
// which prints its uncaught errors, has the whole process's operations and shows a main
// thread's frames. Loop only.
func (rt *Runtime) inWorker() bool {
	return rt.worker != nil && !rt.worker.opts.OwnProcess
}

// workerFatal hands a worker's uncaught exception to its parent instead of printing it. It
// reports false in the main thread (and in a worker that stands for a process). Loop only.
func (rt *Runtime) workerFatal(v goja.Value) bool {
	if !rt.inWorker() {
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
			v = rt.nativeErrorLike(v)
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
					// a stack that throws when read (an Error.prepareStackTrace that throws):
					// node's error serializer leaves out what it cannot read
					bare := rt.errorWithoutStack(v)
					if bare == nil {
						return
					}
					wrap = rt.vm.NewObject()
					_ = wrap.Set("error", bare)
					wrap.Set("props", rt.readableProps(v))
					if out, err = ser(goja.Undefined(), wrap); err != nil {
						_ = wrap.Delete("props")
						if out, err = ser(goja.Undefined(), wrap); err != nil {
							return
						}
					}
				}
			}
			if b, ok := modules.ExportAs[[]byte](out); ok {
				data = append([]byte(nil), b...)
			}
		}()
		rt.worker.fatal, rt.worker.fatalSet = data, true
	}
	return true
}

// builtinErrorNames are the constructors node's error serializer recreates an error as.
var builtinErrorNames = map[string]bool{"Error": true, "TypeError": true, "RangeError": true, "URIError": true,
	"SyntaxError": true, "ReferenceError": true, "EvalError": true}

// builtinErrorCtor is the first built-in error constructor (builtinErrorNames, the global of that
// name) that an object of from's prototype chain, from included, names as its constructor; nil
// when there is none.
func (rt *Runtime) builtinErrorCtor(from *goja.Object) *goja.Object {
	for p := from; p != nil; p = p.Prototype() {
		c, ok := p.Get("constructor").(*goja.Object)
		if !ok {
			continue
		}
		if name := c.Get("name"); name != nil && builtinErrorNames[name.String()] && rt.vm.Get(name.String()) == c {
			return c
		}
	}
	return nil
}

// nativeErrorLike gives, for an error node's serializer takes that the V8 format does not (an
// object whose Object.prototype.toString is "[object Error]" by its Symbol.toStringTag, as the
// error a nested worker sent its parent: worker_threads' serdesError), a native error of the
// nearest built-in error constructor in its chain with its message, stack and cause; v itself
// otherwise. (Its other own enumerable properties travel beside it, as props.)
func (rt *Runtime) nativeErrorLike(v goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() == "Error" {
		return v
	}
	if tag := o.GetSymbol(goja.SymToStringTag); tag == nil || tag.String() != "Error" {
		return v
	}
	ctor := rt.builtinErrorCtor(o)
	if ctor == nil {
		return v
	}
	var args []goja.Value
	if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
		args = append(args, m)
	}
	e, err := rt.vm.New(ctor, args...)
	if err != nil {
		return v
	}
	for _, k := range []string{"stack", "cause"} {
		if val := o.Get(k); val != nil && (k == "stack" || hasOwn(o, k)) {
			_ = e.DefineDataProperty(k, val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	return e
}

// errorWithoutStack gives, for an error whose stack cannot be read, a native error of the
// nearest built-in error constructor in its chain with its message (when that can be read) and
// no stack; nil when v is no error.
func (rt *Runtime) errorWithoutStack(v goja.Value) (e *goja.Object) {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Error" {
		return nil
	}
	defer func() {
		if recover() != nil {
			e = nil
		}
	}()
	ctor := rt.builtinErrorCtor(o.Prototype())
	if ctor == nil {
		return nil
	}
	var args []goja.Value
	func() {
		defer func() { _ = recover() }()
		if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
			args = append(args, m)
		}
	}()
	e, err := rt.vm.New(ctor, args...)
	if err != nil {
		return nil
	}
	_ = e.DefineDataProperty("stack", goja.Undefined(), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return e
}

// readableProps copies v's own enumerable properties but stack, leaving out each one that
// throws when read.
func (rt *Runtime) readableProps(v goja.Value) *goja.Object {
	props := rt.vm.NewObject()
	o := v.(*goja.Object)
	for _, k := range o.Keys() {
		if k == "stack" {
			continue
		}
		func() {
			defer func() { _ = recover() }()
			_ = props.Set(k, o.Get(k))
		}()
	}
	return props
}

// hasOwn reports whether o has an own property named k.
func hasOwn(o *goja.Object, k string) bool {
	for _, n := range o.GetOwnPropertyNames() {
		if n == k {
			return true
		}
	}
	return false
}

// dataURLImport reports the data: URL of an eval worker's source that the glue made from one
// (`import("data:...")`, the URL as a JSON string).
func dataURLImport(eval bool, src string) (string, bool) {
	if !eval || !strings.HasPrefix(src, `import("data:`) || !strings.HasSuffix(src, ")") {
		return "", false
	}
	var href string
	if json.Unmarshal([]byte(src[len("import("):len(src)-1]), &href) != nil {
		return "", false
	}
	return href, true
}

// runMainImport runs the module at href as the worker's entry point (an ES module imported from
// the working directory; see the loader's runMainImport). Loop only (the worker's runtime).
func (rt *Runtime) runMainImport(ctx context.Context, href string) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		_, err := rt.callLoader("runMainImport", rt.vm.ToValue(href))
		return err
	})
}
