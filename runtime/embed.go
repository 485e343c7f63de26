package runtime

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"reflect"
	goruntime "runtime"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// JSError is a JavaScript exception that reached the embedder: an uncaught exception that ended
// RunMain/RunScript, or a rejection or throw from Call. It keeps the JS details.
type JSError struct {
	Name    string // "TypeError"
	Message string
	Code    string // Node's error code, if any ("ERR_INVALID_ARG_TYPE", "ENOENT")
	Stack   string
	// Value is the thrown value exported to Go (a map for plain objects, a string, ...).
	Value any
}

func (e *JSError) Error() string {
	if e.Name == "" && e.Message == "" {
		return fmt.Sprintf("uncaught exception: %v", e.Value)
	}
	if e.Code != "" {
		return fmt.Sprintf("%s [%s]: %s", e.Name, e.Code, e.Message)
	}
	return e.Name + ": " + e.Message
}

// ErrTimeout is returned (wrapped) when Options.Timeout ends a run.
var ErrTimeout = errors.New("gojs: script timed out")

// ErrMemoryLimit is returned (wrapped) when Options.MemoryLimit stopped a run.
var ErrMemoryLimit = errors.New("gojs: memory limit exceeded")

// InterruptError is returned when Interrupt stopped a run.
type InterruptError struct{ Reason any }

func (e *InterruptError) Error() string { return fmt.Sprintf("gojs: interrupted: %v", e.Reason) }

// Interrupt stops whatever the runtime is running, an infinite loop included: the current run
// returns an *InterruptError carrying reason. The runtime cannot run anything afterwards. Safe
// from any goroutine.
func (rt *Runtime) Interrupt(reason any) {
	rt.loop.Stop(&InterruptError{Reason: reason})
}

// jsError converts a thrown JS value. Loop only.
func (rt *Runtime) jsError(v goja.Value) *JSError {
	e := &JSError{}
	if v == nil {
		return e
	}
	if o, ok := v.(*goja.Object); ok {
		str := func(k string) (s string) {
			// (a getter, a revoked proxy or Error.prepareStackTrace may throw: the field is
			// then left empty)
			defer func() {
				if recover() != nil {
					s = ""
				}
			}()
			x := o.Get(k)
			if x == nil || goja.IsUndefined(x) || goja.IsNull(x) {
				return ""
			}
			return x.String()
		}
		e.Name, e.Message, e.Code, e.Stack = str("name"), str("message"), str("code"), str("stack")
	}
	func() {
		defer func() { _ = recover() }() // (exporting reads the properties: a getter may throw)
		e.Value = v.Export()
	}()
	return e
}

// AsyncFunc is a Go function exposed to JS that runs on its own goroutine and returns a promise,
// resolved with its result or rejected with its error. ctx ends when the runtime closes.
type AsyncFunc func(ctx context.Context, args []any) (any, error)

// NewModule returns a module named name whose exports are the given Go values, for
// Options.Modules: require(name) returns an object with them. Functions become JS functions
// (an error result throws), AsyncFunc values return promises, other values convert as in Call.
func NewModule(name string, exports map[string]any) *modules.Module {
	return &modules.Module{Name: name, Bind: func(h *modules.Host, b *goja.Object) error {
		for k, v := range exports {
			b.Set(k, toJS(h, v))
		}
		return nil
	}}
}

// toJS converts a Go value for JS: []byte becomes a Buffer sharing the bytes, time.Time a Date,
// error an Error, AsyncFunc a promise-returning function, *big.Int a bigint; anything else as
// goja converts it (structs with json tags, maps, slices, funcs).
func toJS(h *modules.Host, v any) goja.Value {
	vm := h.VM
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case goja.Value:
		return x
	case []byte:
		ab := vm.NewArrayBuffer(x)
		if buf, ok := bufferFrom(h, ab); ok {
			return buf
		}
		return vm.ToValue(ab)
	case time.Time:
		d, err := vm.New(vm.Get("Date"), vm.ToValue(float64(x.UnixNano())/1e6))
		if err != nil {
			return vm.ToValue(x.String())
		}
		return d
	case error:
		return h.ToJS(x)
	case *big.Int:
		return vm.ToValue(x)
	case AsyncFunc:
		return vm.ToValue(func(call goja.FunctionCall) goja.Value {
			args := make([]any, len(call.Arguments))
			for i, a := range call.Arguments {
				args[i] = a.Export()
			}
			return modules.Promise(h, func() (any, error) { return x(h.Ctx, args) },
				func(r any) goja.Value { return toJS(h, r) })
		})
	}
	return vm.ToValue(v)
}

// bufferFrom wraps an ArrayBuffer in a Buffer when the buffer module is available.
func bufferFrom(h *modules.Host, ab goja.ArrayBuffer) (goja.Value, bool) {
	mod, err := h.RequireFn("buffer")
	if err != nil {
		return nil, false
	}
	mo, ok := mod.(*goja.Object)
	if !ok {
		return nil, false
	}
	B, ok := mo.Get("Buffer").(*goja.Object)
	if !ok {
		return nil, false
	}
	from, ok := goja.AssertFunction(B.Get("from"))
	if !ok {
		return nil, false
	}
	v, err := from(B, h.VM.ToValue(ab))
	if err != nil {
		return nil, false
	}
	return v, true
}

// drive runs task on the loop and returns once done is closed. If no goroutine is running the
// loop, the caller runs it (until done closes or nothing is left to run); otherwise the task is
// posted to the running loop.
func (rt *Runtime) drive(ctx context.Context, task func() error, done <-chan struct{}) error {
	if rt.runMu.TryLock() {
		defer rt.runMu.Unlock()
		return rt.driveLocked(ctx, task, done)
	}
	posted := rt.loop.Post(task)
	if !posted {
		return rt.closedErr()
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-tick.C:
			// the driver may have returned before running our post: take over.
			if rt.runMu.TryLock() {
				err := rt.driveLocked(ctx, func() error { return nil }, done)
				rt.runMu.Unlock()
				return err
			}
		}
	}
}

func (rt *Runtime) closedErr() error {
	if rt.ctx.Err() != nil {
		return errors.New("gojs: runtime closed")
	}
	return errors.New("gojs: runtime stopped")
}

func (rt *Runtime) driveLocked(ctx context.Context, task func() error, done <-chan struct{}) error {
	if rt.loop.Stopped() {
		return rt.closedErr()
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { rt.loop.Stop(context.Cause(ctx)) })
		defer stop()
	}
	rt.loop.RunTask(task)
	_, err := rt.loop.RunUntil(ctx, done)
	if errors.Is(err, eventloop.ErrUnfinished) {
		return nil
	}
	return err
}

// Call calls a JavaScript function and returns its result exported to Go. fn is a function value
// (from Require or a previous Call), or the name of an export of the main module or of a global.
// If the function returns a promise, Call waits for it. A throw or rejection is returned as a
// *JSError. Safe from any goroutine; calls are serialized on the loop.
func (rt *Runtime) Call(ctx context.Context, fn any, args ...any) (any, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	done := make(chan struct{})
	var (
		result  any
		callErr error
		once    sync.Once
	)
	finish := func(r any, err error) {
		once.Do(func() {
			result, callErr = r, err
			close(done)
		})
	}
	task := func() error {
		f, err := rt.lookupFunction(fn)
		if err != nil {
			finish(nil, err)
			return nil
		}
		jsArgs := make([]goja.Value, len(args))
		for i, a := range args {
			jsArgs[i] = toJS(rt.host, a)
		}
		v, err := f(goja.Undefined(), jsArgs...)
		if err != nil {
			modules.Rethrow(err)
			var ex *goja.Exception
			if errors.As(err, &ex) {
				finish(nil, rt.jsError(ex.Value()))
			} else {
				finish(nil, err)
			}
			return nil
		}
		if p, ok := modules.ExportAs[*goja.Promise](v); ok {
			rt.settle(p, finish)
			return nil
		}
		finish(v.Export(), nil)
		return nil
	}
	if err := rt.drive(ctx, task, done); err != nil {
		select {
		case <-done:
		default:
			return nil, err
		}
	}
	select {
	case <-done:
		return result, callErr
	default:
		return nil, errors.New("gojs: the loop finished before the call's promise settled")
	}
}

// settle calls finish when p settles. Loop only.
func (rt *Runtime) settle(p *goja.Promise, finish func(any, error)) {
	switch p.State() {
	case goja.PromiseStateFulfilled:
		finish(p.Result().Export(), nil)
		return
	case goja.PromiseStateRejected:
		finish(nil, rt.jsError(p.Result()))
		// mark it handled
	}
	vm := rt.vm
	then, _ := goja.AssertFunction(vm.ToValue(p).(*goja.Object).Get("then"))
	onOK := vm.ToValue(func(v goja.Value) { finish(v.Export(), nil) })
	onErr := vm.ToValue(func(v goja.Value) { finish(nil, rt.jsError(v)) })
	if _, err := then(vm.ToValue(p), onOK, onErr); err != nil {
		finish(nil, err)
	}
}

// lookupFunction resolves Call's fn argument. Loop only.
func (rt *Runtime) lookupFunction(fn any) (goja.Callable, error) {
	switch x := fn.(type) {
	case goja.Value:
		if f, ok := goja.AssertFunction(x); ok {
			return f, nil
		}
		return nil, fmt.Errorf("gojs: Call: %v is not a function", x)
	case string:
		mm, ok := rt.process.Get("mainModule").(*goja.Object)
		if !ok && rt.esmMain != nil {
			mm, ok = rt.esmMain, true
		}
		if ok {
			if ex, ok := mm.Get("exports").(*goja.Object); ok {
				if f, ok := goja.AssertFunction(ex.Get(x)); ok {
					return f, nil
				}
			}
		}
		if f, ok := goja.AssertFunction(rt.vm.Get(x)); ok {
			return f, nil
		}
		return nil, fmt.Errorf("gojs: Call: no exported or global function %q", x)
	}
	return nil, fmt.Errorf("gojs: Call: fn must be a string or a goja function, not %s", reflect.TypeOf(fn))
}

// Require loads a module as the main script would (relative to the cwd) and returns its exports.
// The value belongs to the runtime: pass it back to Call, or read it only inside functions that
// run on the loop. Safe from any goroutine.
func (rt *Runtime) Require(ctx context.Context, specifier string) (goja.Value, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	done := make(chan struct{})
	var val goja.Value
	var rerr error
	task := func() error {
		defer close(done)
		v, err := rt.callLoader("requireFromCwd", rt.vm.ToValue(specifier))
		if err != nil {
			modules.Rethrow(err)
			var ex *goja.Exception
			if errors.As(err, &ex) {
				rerr = rt.jsError(ex.Value())
			} else {
				rerr = err
			}
			return nil
		}
		val = v
		return nil
	}
	if err := rt.drive(ctx, task, done); err != nil {
		select {
		case <-done:
		default:
			return nil, err
		}
	}
	return val, rerr
}

// watchMemory interrupts the runtime when the Go heap passes limit bytes. It is a soft, process-
// wide check (every 25 ms): Go cannot attribute heap to one runtime. Every watching runtime
// shares one sampling goroutine, so the process reads its heap size once per period however
// many runtimes set a limit; the goroutine ends when the last watch stops.
func (rt *Runtime) watchMemory(limit uint64) (stop func()) {
	w := &memWatcher{rt: rt, limit: limit}
	memWatch.mu.Lock()
	if memWatch.watchers == nil {
		memWatch.watchers = map[*memWatcher]struct{}{}
	}
	memWatch.watchers[w] = struct{}{}
	if len(memWatch.watchers) == 1 {
		quit, ended := make(chan struct{}), make(chan struct{})
		memWatch.quit, memWatch.ended = quit, ended
		go sampleMemory(quit, ended)
	}
	memWatch.mu.Unlock()
	return func() {
		memWatch.mu.Lock()
		delete(memWatch.watchers, w)
		var ended chan struct{}
		if len(memWatch.watchers) == 0 && memWatch.quit != nil {
			close(memWatch.quit)
			ended = memWatch.ended
			memWatch.quit, memWatch.ended = nil, nil
		}
		memWatch.mu.Unlock()
		if ended != nil {
			<-ended
		}
	}
}

// memWatch is the set of runtimes watching the heap, and the sampler's channels while it runs.
var memWatch struct {
	mu          sync.Mutex
	watchers    map[*memWatcher]struct{}
	quit, ended chan struct{}
}

type memWatcher struct {
	rt    *Runtime
	limit uint64
	fired bool
}

// sampleMemory reads the heap size every 25 ms and stops each runtime whose limit it passed.
func sampleMemory(quit, ended chan struct{}) {
	defer close(ended)
	t := time.NewTicker(25 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-quit:
			return
		case <-t.C:
		}
		heap := heapObjectBytes()
		memWatch.mu.Lock()
		for w := range memWatch.watchers {
			if !w.fired && heap > w.limit {
				w.fired = true
				w.rt.loop.Stop(fmt.Errorf("%w: heap %d bytes > limit %d", ErrMemoryLimit, heap, w.limit))
			}
		}
		memWatch.mu.Unlock()
	}
}

// fsLoader reads module sources from an fs.FS instead of the OS (Options.FS).
type fsLoader struct{ fsys fs.FS }

func fsPath(p string) string {
	if p == "/" {
		return "."
	}
	if len(p) > 0 && p[0] == '/' {
		return p[1:]
	}
	return p
}

func (l fsLoader) stat(p string) int {
	fi, err := fs.Stat(l.fsys, fsPath(p))
	if err != nil {
		return -1
	}
	if fi.IsDir() {
		return 1
	}
	return 0
}

func (l fsLoader) read(p string) ([]byte, error) { return fs.ReadFile(l.fsys, fsPath(p)) }

// Module is a built-in or embedder module (an alias of modules.Module for Options.Modules).
type Module = modules.Module

// heapObjectBytes is the bytes of the Go heap's allocated objects (runtime/metrics'
// /memory/classes/heap/objects:bytes). It reads MemStats, a short stop of the world, rather than
// runtime/metrics, whose package initialisation (a table of every metric, built at process
// start) every gojs process would otherwise pay for.
func heapObjectBytes() uint64 {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc
}
