// Package fs implements Node's file system module, "fs" and "fs/promises"
// (https://nodejs.org/api/fs.html).
//
// The Go side (this package's binding) does the system calls: every operation takes already
// validated arguments and a request value as its last argument. An undefined request runs the
// operation synchronously on the loop and returns its result (or throws); a function is a Node
// style callback(err, result) run on the loop after the work finished on a goroutine; the
// binding's kUsePromises sentinel makes the operation return a promise. The JS glue (fs.js)
// gives the API its shape: argument checking with Node's messages, Stats, Dirent, Dir,
// FileHandle, streams and watchers.
//
// Relative paths resolve against the runtime's working directory (Host.Cwd), never the
// process's, and every entry point asks the Host's permission hook before touching a path.
// Descriptors opened by a runtime are real OS descriptors; those still open when the runtime
// closes are closed then.
package fs

import (
	_ "embed"
	"errors"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed fs.js
var glueCore string

// The glue with its lazy exports rewritten ahead of time (lazyprepared.go) is made by go generate.
//
//go:generate go test -run TestLazyPreparedUpToDate -update

// Module is the "fs" built-in.
var Module = modules.Module{Name: "fs", Bind: bind, JSRef: &glueCore, LazyExports: true, LazyPrepared: fsLazy}

// PromisesModule is the "fs/promises" built-in.
var PromisesModule = modules.Module{Name: "fs/promises", JS: "module.exports = require('fs').promises;"}

type stateKey struct{}

// state is one runtime's fs state. Loop only unless a field says otherwise.
type state struct {
	h      *modules.Host
	vm     *goja.Runtime
	handle *eventloop.Handle
	work   *workers

	usePromises *goja.Object

	// prototypes of the Stats objects built in Go, and Date.
	statsProto, bigStatsProto, dateCtor *goja.Object
	// Dirent.prototype and its type symbol (kType), for the Dirents built in Go (initDirent)
	direntProto *goja.Object
	direntType  *goja.Symbol

	// Buffer, and Uint8Array's constructor to build Buffers with (nil until setBuffer).
	bufferCtor *goja.Object
	u8Ctor     goja.Constructor

	// fds opened by this runtime; guarded by mu (workers add and remove).
	mu    sync.Mutex
	fds   map[int]struct{}
	ahead map[int]*readAhead // read-ahead of read streams, by descriptor

	dirs     map[int]*dirHandle
	nextDir  int
	watchers map[*watcher]struct{}

	ino *inotifier // fs.watch's inotify descriptor (nil while nothing is watched)

	failure error // a fast path's error, until the glue throws it (fast.go)

	readSized bool // the last synchronous readFile failed in the known-size loop (noteSized)
}

func bind(h *modules.Host, b *goja.Object) error {
	s := h.State(stateKey{}, func() any {
		s := &state{h: h, vm: h.VM, fds: make(map[int]struct{}), dirs: make(map[int]*dirHandle),
			watchers: make(map[*watcher]struct{})}
		s.work = newWorkers(h)
		s.handle = h.Loop.NewHandle(s.stop)
		s.handle.Unref()
		return s
	}).(*state)
	s.usePromises = h.VM.NewObject()
	b.Set("kUsePromises", s.usePromises)
	// What the glue reads as it loads is served from a small table; the ~60 operations are
	// registered on the first read of any other name (opsTable), and each becomes a JS function
	// as the glue first calls it: a runtime that requires fs without calling it builds neither.
	lz := modules.NewLazyFuncsSize(h.VM, 7)
	lz.Set("init", s.initProtos)
	lz.Set("initDirent", s.initDirent)
	s.bindFast(lz.Set)
	s.bindConstants(lz)
	// defineLazy(obj, make, ...keys): node's lazy properties (modules.DefineLazy), each key's
	// value read from what make() returns
	lz.Set("defineLazy", func(c goja.FunctionCall) goja.Value {
		obj := c.Argument(0).ToObject(h.VM)
		mk, ok := goja.AssertFunction(c.Argument(1))
		if !ok {
			panic(h.VM.NewTypeError("defineLazy: make is not a function"))
		}
		for _, k := range c.Arguments[2:] {
			key := k.String()
			modules.DefineLazy(h.VM, obj, key, func() goja.Value {
				api, err := mk(goja.Undefined())
				if err != nil {
					panic(err)
				}
				return api.ToObject(h.VM).Get(key)
			})
		}
		return goja.Undefined()
	})
	// defineLazyAccessor(obj, make, key, from): modules.DefineLazyAccessor, the value read as
	// make()[from]
	lz.Set("defineLazyAccessor", func(c goja.FunctionCall) goja.Value {
		obj := c.Argument(0).ToObject(h.VM)
		mk, ok := goja.AssertFunction(c.Argument(1))
		if !ok {
			panic(h.VM.NewTypeError("defineLazyAccessor: make is not a function"))
		}
		from := c.Argument(3).String()
		modules.DefineLazyAccessor(h.VM, obj, c.Argument(2).String(), func() goja.Value {
			api, err := mk(goja.Undefined())
			if err != nil {
				panic(err)
			}
			return api.ToObject(h.VM).Get(from)
		})
		return goja.Undefined()
	})
	lz.Install(b)
	b.Prototype().SetPrototype(h.VM.NewDynamicObject(&opsTable{s: s}))
	return nil
}

// opsTable serves the binding's operations (behind the load-time table in the binding's
// prototype chain), registering them on the first read.
type opsTable struct {
	s   *state
	ops *goja.Object // a null-prototype object whose prototype serves them; nil until first use
}

func (t *opsTable) table() *goja.Object {
	if t.ops == nil {
		s := t.s
		lz := modules.NewLazyFuncsSize(s.vm, 64) // 59 in December 2026
		s.bindErrors(lz)
		s.bindParts(lz)
		s.bindOps(lz)
		s.bindWatch(lz)
		t.ops = s.vm.NewObject()
		lz.Install(t.ops)
		t.ops.Prototype().SetPrototype(nil)
	}
	return t.ops
}

func (t *opsTable) Get(key string) goja.Value   { return t.table().Get(key) }
func (t *opsTable) Has(key string) bool         { return t.table().Get(key) != nil }
func (t *opsTable) Set(string, goja.Value) bool { return false }
func (t *opsTable) Delete(string) bool          { return false }
func (t *opsTable) Keys() []string              { return nil }

// stop closes everything the runtime left open. It runs on the loop goroutine when the runtime
// closes.
func (s *state) stop() {
	s.mu.Lock()
	fds := s.fds
	s.fds = make(map[int]struct{})
	s.mu.Unlock()
	for fd := range fds {
		s.dropReader(fd)
		closeFD(fd)
	}
	for _, d := range s.dirs {
		d.close()
	}
	s.dirs = nil
	for w := range s.watchers {
		w.stop()
	}
}

func (s *state) track(fd int) {
	s.mu.Lock()
	s.fds[fd] = struct{}{}
	s.mu.Unlock()
}

func (s *state) untrack(fd int) bool {
	s.mu.Lock()
	_, ok := s.fds[fd]
	delete(s.fds, fd)
	s.mu.Unlock()
	return ok
}

func (s *state) tracked(fd int) bool {
	s.mu.Lock()
	_, ok := s.fds[fd]
	s.mu.Unlock()
	return ok
}

// run performs work in the form req asks for: synchronously (req undefined), with a callback
// (req a function) or as a promise (req the kUsePromises sentinel). conv turns the result into a
// JS value on the loop; nil means the operation has no result.
func run[T any](s *state, req goja.Value, work func() (T, error), conv func(T) goja.Value) goja.Value {
	return runReq(s, req, work, conv, reqPlain)
}

// runStats is run for a call whose result is a Stats: the frames below its callback are node's
// makeStatsCallback's.
func runStats[T any](s *state, req goja.Value, work func() (T, error), conv func(T) goja.Value) goja.Value {
	return runReq(s, req, work, conv, reqStats)
}

// reqShape is what node calls an operation's callback through, for the frames below it.
type reqShape uint8

const (
	reqPlain    reqShape = iota // makeCallback's arrow
	reqStats                    // makeStatsCallback's
	reqReadFile                 // readFile's ReadFileContext
)

// callKind is the eventloop.CallKind of a callback of shape sh given err.
func (sh reqShape) callKind(err error) eventloop.CallKind {
	switch sh {
	case reqStats:
		if err != nil {
			return eventloop.CallFSStatErr
		}
		return eventloop.CallFSStat
	case reqReadFile:
		var se *modules.SystemError
		switch {
		case err == nil:
			return eventloop.CallFSReadFile
		case errors.As(err, &se) && se.Syscall == "open":
			return eventloop.CallFSOpenErr
		}
		return eventloop.CallFSReadErr
	}
	return eventloop.CallFSReq
}

func runReq[T any](s *state, req goja.Value, work func() (T, error), conv func(T) goja.Value, sh reqShape) goja.Value {
	return runReqTurns(s, req, work, conv, sh, nil)
}

// runReqTurns is runReq for work that node does in several requests, each in its own turn of
// the loop (readFile: open, fstat, read, close): asynchronously, work sets *turns to how many,
// and the callback or the promise's settling waits for that many turns (goDoTurns).
func runReqTurns[T any](s *state, req goja.Value, work func() (T, error), conv func(T) goja.Value, sh reqShape, turns *int) goja.Value {
	if req == nil || goja.IsUndefined(req) {
		v, err := work()
		if err != nil {
			if cf, ok := err.(*closeFailed); ok {
				err = cf.close
			}
			if me, ok := err.(*modules.Error); ok && me.Code == "ERR_FS_EISDIR" {
				if v := s.eisdir(me, true); v != nil {
					panic(v)
				}
			}
			panic(s.jsErr(err))
		}
		if conv == nil {
			return goja.Undefined()
		}
		if r := conv(v); r != nil {
			return r
		}
		return goja.Undefined()
	}
	if o, ok := req.(*goja.Object); ok && o == s.usePromises {
		p, resolve, reject := s.vm.NewPromise()
		goDoTurns(s, eventloop.ReqFSPromise, work, turns, func(v T, err error) error {
			if err != nil {
				return reject(s.jsErrAsync(err))
			}
			var r goja.Value
			if conv != nil {
				r = conv(v)
			}
			if r == nil {
				r = goja.Undefined()
			}
			return resolve(r)
		})
		return s.vm.ToValue(p)
	}
	cb, ok := goja.AssertFunction(req)
	if !ok {
		s.h.Throw(modules.InvalidArgType("cb", []string{"function"}, req))
	}
	cbObj := req.(*goja.Object)
	goDoTurns(s, eventloop.ReqFS, work, turns, func(v T, err error) error {
		// (noted for the frames node's stacks show below the callback: FSReqCallback.oncomplete)
		mark := s.h.Loop.NoteCall(cbObj, goja.Undefined(), sh.callKind(err))
		defer s.h.Loop.EndThis(mark)
		var e error
		if err != nil {
			_, e = cb(goja.Undefined(), s.jsErrAsync(err))
			return e
		}
		var r goja.Value
		if conv != nil {
			r = conv(v)
		}
		if r == nil {
			_, e = cb(goja.Undefined(), goja.Null())
		} else {
			_, e = cb(goja.Undefined(), goja.Null(), r)
		}
		return e
	})
	return goja.Undefined()
}

// jsErr converts a Go error to the JS error Node would give.
func (s *state) jsErr(err error) goja.Value {
	if cf, ok := err.(*closeFailed); ok {
		return s.aggregateTwo(s.jsErr(cf.close), s.jsErr(cf.op))
	}
	// (an *modules.Error named SystemError, ERR_FS_EISDIR, becomes node's SystemError in ToJS)
	return s.h.ToJS(err)
}

// jsErrAsync is jsErr for an error given to a callback or a promise: rm's ERR_FS_EISDIR, made
// by node's hideStackFrames check, has no frames there.
func (s *state) jsErrAsync(err error) goja.Value {
	if me, ok := err.(*modules.Error); ok && me.Code == "ERR_FS_EISDIR" {
		if v := s.eisdir(me, false); v != nil {
			return v
		}
	}
	return s.jsErr(err)
}

// eisdir is rm's ERR_FS_EISDIR as node makes it, of the code's HideStackFramesError variant
// (its constructor reads as SystemError): thrown with rmSync's frames (node's hideStackFrames
// wrapper takes them where it throws), or with none (async). nil when internal/errors cannot
// give the variant. Loop only.
func (s *state) eisdir(me *modules.Error, sync bool) goja.Value {
	if s.h.RequireFn == nil {
		return nil
	}
	ev, err := s.h.RequireFn("internal/errors")
	if err != nil {
		return nil
	}
	eo, _ := ev.(*goja.Object)
	if eo == nil {
		return nil
	}
	codes, _ := eo.Get("codes").(*goja.Object)
	if codes == nil {
		return nil
	}
	base, _ := codes.Get("ERR_FS_EISDIR").(*goja.Object)
	if base == nil {
		return nil
	}
	hidden, _ := base.Get("HideStackFramesError").(*goja.Object)
	mk, ok := goja.AssertFunction(hidden)
	if !ok {
		return nil
	}
	if sync {
		v := s.h.ToJS(me)
		if o, ok := v.(*goja.Object); ok {
			if proto, ok := hidden.Get("prototype").(*goja.Object); ok {
				_ = o.SetPrototype(proto)
			}
		}
		return v
	}
	info := s.vm.NewObject()
	for _, p := range me.Props {
		if p.Key != "info" {
			continue
		}
		ps, _ := p.Value.([]modules.Prop)
		for _, q := range ps {
			_ = info.Set(q.Key, q.Value)
		}
	}
	v, err := mk(goja.Undefined(), info)
	if err != nil {
		modules.Rethrow(err)
		return nil
	}
	return v
}

// aggregateTwo is node's aggregateTwoErrors(inner, outer) for two distinct errors: an
// AggregateError of [outer, inner] with outer's message and code.
func (s *state) aggregateTwo(inner, outer goja.Value) goja.Value {
	vm := s.vm
	o := outer.ToObject(vm)
	ctor, ok := vm.Get("AggregateError").(*goja.Object)
	if !ok {
		return outer
	}
	get := func(k string) goja.Value {
		if v := o.Get(k); v != nil {
			return v
		}
		return goja.Undefined()
	}
	agg, err := vm.New(ctor, vm.NewArray(outer, inner), get("message"))
	if err != nil {
		return outer
	}
	agg.Set("code", get("code"))
	return agg
}

// resolve makes p absolute against the runtime's cwd without cleaning it, so that trailing
// slashes and ".." through symlinks mean what the kernel says they mean.
func (s *state) resolve(p string) string {
	if p == "" || p[0] == '/' {
		return p
	}
	cwd := s.h.Cwd()
	if cwd == "" {
		return p
	}
	if cwd[len(cwd)-1] == '/' {
		return cwd + p
	}
	return cwd + "/" + p
}

// path converts a validated path argument (string or Uint8Array) to a Go string.
func (s *state) path(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if b := s.bytes(o); b != nil {
			return string(b)
		}
	}
	return v.String()
}

// bytes returns the bytes a TypedArray, DataView or ArrayBuffer views, without copying (a view
// whose buffer was detached has none, as node reads it), or nil for another value.
func (s *state) bytes(v goja.Value) []byte {
	if v == nil {
		return nil
	}
	return buffer.BytesOf(s.vm, v)
}

// check asks the runtime's permission hook about p, resolved against the runtime's cwd
// (Host.CheckPath). Every entry point that touches a path calls it first.
// A refusal names p as it was given (its resource), not resolved: node 20's binding checks the
// resolved path but reports the one it was passed ('../x' stays '../x').
func (s *state) check(scope, p string) error {
	if s.h.Perms == nil {
		return nil
	}
	err := s.h.CheckPath(scope, p)
	if e, ok := err.(*modules.Error); ok {
		for i := range e.Props {
			if e.Props[i].Key == "resource" {
				e.Props[i].Value = p
			}
		}
	}
	return err
}

// bindErrors gives the glue Node's error constructors until internal/errors exists.
func (s *state) bindErrors(b *modules.LazyFuncs) {
	h := s.h
	strs := func(v goja.Value) []string {
		var out []string
		s.vm.ExportTo(v, &out)
		return out
	}
	b.Set("errCode", func(c goja.FunctionCall) goja.Value {
		return h.ToJS(modules.NewError(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String()))
	})
	b.Set("errType", func(c goja.FunctionCall) goja.Value {
		return h.ToJS(modules.InvalidArgType(c.Argument(0).String(), strs(c.Argument(1)), c.Argument(2)))
	})
	b.Set("errValue", func(c goja.FunctionCall) goja.Value {
		return h.ToJS(modules.InvalidArgValue(c.Argument(0).String(), c.Argument(1), c.Argument(2).String()))
	})
	b.Set("inspect", func(c goja.FunctionCall) goja.Value {
		return s.vm.ToValue(modules.InspectPrimitive(c.Argument(0)))
	})
	b.Set("utf8", func(c goja.FunctionCall) goja.Value {
		return s.utf8String(s.bytes(c.Argument(0)))
	})
}
