package runtime

import (
	"errors"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/atomics"
	"github.com/gojs-dev/gojs/runtime/js"
)

// The glue sources live in package js, where the gojs command's early prewarm finds them too.
var bootstrapJS, loaderJS, esmJS, exportsJS = js.Bootstrap, js.Loader, js.ESM, js.Exports

// esm.js's parts (modules.GluePart's `//#part NAME` regions: the code few programs run, such as
// the module customization hooks) are compiled apart, the first time one is asked for; esmCore
// is the rest, which a runtime compiles on its first ES module.
var esmSplit = sync.OnceValues(func() (string, map[string]string) {
	core, parts, err := modules.GluePartSources(&esmJS)
	if err != nil {
		panic(err) // (the glue is ours: TestESMParts checks it)
	}
	return core, parts
})

// esmCore is esm.js without its parts, the same string each time (CompileOnce keys by it).
func esmCore() string { core, _ := esmSplit(); return core }

// esmPartSources are esm.js's parts by name, each at its lines in the file.
func esmPartSources() map[string]string { _, parts := esmSplit(); return parts }

var processStart = time.Now()

// Compiling the glue is most of a runtime's first start (goja compiles every function body up
// front): the loader is ~27 KB (its ES module and package "exports" parts, ~26 KB more, are
// compiled on first use). Each program is compiled once per process; the first New compiles
// the loader on another goroutine while it compiles and runs the bootstrap, so on a machine
// with two cores the two overlap.
var loaderOnce sync.Once

func compileLoaderAsync() {
	loaderOnce.Do(func() {
		go modules.CompileOnce(loaderName, loaderJS)
	})
}

const loaderName = js.LoaderName

// Prewarm starts compiling, on other goroutines, the glue nearly every program runs (the module
// loader and console), so that a process that is about to create its first runtime overlaps
// that work with its own start-up. It returns at once; it is only an optimisation. The gojs CLI
// calls it first thing.
func Prewarm() {
	compileLoaderAsync()
	if m := findBuiltin("console"); m != nil {
		go func() {
			growStack()
			m.Program()
		}()
	}
}

func findBuiltin(name string) *modules.Module {
	for _, m := range builtinModules {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// lazyBootstrapJS is the bootstrap with the methods it gives process made on first use (lazy
// members, lazymembers.go): rewritten by go generate (runtime/js.BootstrapLazy), or once per
// process if that is stale. The gojs command starts its compile while the process initialises.
func lazyBootstrapJS() string {
	return modules.LazyScriptPrepared(&bootstrapPrepared, js.BootstrapLazyKey, bootstrapJS, js.BootstrapLazyObjs...)
}

var bootstrapPrepared = modules.PreparedScript{From: js.BootstrapLazyFrom, Script: js.BootstrapLazy, Names: js.BootstrapLazyNames}

// plainBootstrapForTest makes New run the bootstrap as written.
var plainBootstrapForTest bool

// bootstrap builds process, the loader and the globals.
func (rt *Runtime) bootstrap() error {
	vm := rt.vm
	g := vm.GlobalObject()
	// (first: JSON and Proxy are then changed when first used, see globaltemplate.go)
	attached := rt.attachGlobalTemplate()
	g.Set("global", g)
	defineDisposeSymbols(vm)

	compileLoaderAsync()
	rt.installErrorStacks()
	rt.installRegExp()
	rt.installMathPow()
	rt.installMathFdlibm()
	rt.installFunctionCtor()
	if fp, ok := g.Get("Function").(*goja.Object); ok {
		if proto, ok := fp.Get("prototype").(*goja.Object); ok {
			rt.hookAsyncArrowCalls(proto)
		}
	}
	rt.installEvalSource()
	if !attached {
		rt.installJSONParse()
		rt.installJSONStringify()
		rt.installProxyHasInstance()
		dropLaterSetMethods(g.Get("Set"))
		if r, ok := g.Get("Reflect").(*goja.Object); ok {
			rt.hookReflectApply(r)
		}
	}
	if !rt.attachProtoTemplates() {
		rt.installWellFormed()
		rt.installLocaleStubs()
		rt.installLegacyAccessors()
		rt.installAnnexB()
	}
	if err := atomics.InstallResizableArrayBuffer(vm); err != nil {
		return err
	}
	atomics.GuardArrayBufferBrand(rt.host)
	pb := rt.processBinding()
	src := lazyBootstrapJS()
	if plainBootstrapForTest {
		src = bootstrapJS
	}
	fnv, err := vm.RunProgram(modules.CompileOnce(js.BootstrapName, src))
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fnv)
	res, err := fn(goja.Undefined(), pb, rt.internalRequire(), rt.internalBindingFn())
	if err != nil {
		return err
	}
	ro := res.(*goja.Object)
	rt.process = ro.Get("process").(*goja.Object)
	rt.procHook = ro.Get("hooks").(*goja.Object)

	lfn, err := vm.RunProgram(modules.CompileOnce(loaderName, loaderJS))
	if err != nil {
		return err
	}
	lf, _ := goja.AssertFunction(lfn)
	lres, err := lf(goja.Undefined(), rt.loaderBinding(), rt.process, rt.internalRequire())
	if err != nil {
		return err
	}
	rt.loader = lres.(*goja.Object)
	return nil
}

// installLegacyAccessors gives Object.prototype Annex B's __defineGetter__, __defineSetter__,
// __lookupGetter__ and __lookupSetter__, which goja lacks and old packages (delegates, used by koa)
// still call. They are Go functions, as V8's are built-ins: their toString reads
// [native code] and their frames are native ones.
func (rt *Runtime) installLegacyAccessors() {
	vm := rt.vm
	proto := vm.GlobalObject().Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
	if fn, ok := goja.AssertFunction(proto.Get("__defineGetter__")); ok && fn != nil {
		return
	}
	// (Object.getOwnPropertyDescriptor as it is now: a program's later change of it changes nothing)
	gopd, _ := goja.AssertFunction(vm.GlobalObject().Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor"))
	for _, name := range legacyAccessorNames {
		_ = proto.DefineDataProperty(name, rt.legacyAccessor(name, gopd), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// legacyAccessorNames are Object.prototype's Annex B methods, in node's order.
var legacyAccessorNames = []string{"__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"}

// legacyAccessor makes the Annex B method name, which looks properties up with gopd.
func (rt *Runtime) legacyAccessor(name string, gopd goja.Callable) *goja.Object {
	vm := rt.vm
	if name == "__defineGetter__" || name == "__defineSetter__" {
		setter := name == "__defineSetter__"
		msg := "Object.prototype." + name + ": Expecting function"
		return modules.Func(vm, name, 2, func(call goja.FunctionCall) goja.Value {
			o := call.This.ToObject(vm)
			f := call.Argument(1)
			if _, ok := goja.AssertFunction(f); !ok {
				panic(vm.NewTypeError(msg))
			}
			var get, set goja.Value
			if setter {
				set = f
			} else {
				get = f
			}
			var err error
			if sym, ok := call.Argument(0).(*goja.Symbol); ok {
				err = o.DefineAccessorPropertySymbol(sym, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
			} else {
				err = o.DefineAccessorProperty(call.Argument(0).String(), get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
			if err != nil {
				panic(err)
			}
			return goja.Undefined()
		})
	}
	kind := "get"
	if name == "__lookupSetter__" {
		kind = "set"
	}
	return modules.Func(vm, name, 1, func(call goja.FunctionCall) goja.Value {
		o := call.This.ToObject(vm)
		var key goja.Value
		if sym, ok := call.Argument(0).(*goja.Symbol); ok {
			key = sym
		} else {
			key = vm.ToValue(call.Argument(0).String())
		}
		for o != nil {
			d, err := gopd(goja.Undefined(), o, key)
			if err != nil {
				panic(err)
			}
			if dobj, ok := d.(*goja.Object); ok {
				return dobj.Get(kind)
			}
			o = o.Prototype()
		}
		return goja.Undefined()
	})
}

func (rt *Runtime) setArgv() {
	rt.process.Set("argv", jsStrings(rt.vm, rt.host.Argv))
}

// argv0 is process.argv0 (and the title's start): the program's name as invoked, "gojs" when
// the embedder gives none.
func argv0(name string) string {
	if name == "" {
		return "gojs"
	}
	return name
}

func nodeArch() string {
	switch goruntime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm":
		return "arm"
	case "ppc64le":
		return "ppc64"
	}
	return goruntime.GOARCH
}

// processBinding is the Go side of the process object.
func (rt *Runtime) processBinding() *goja.Object {
	vm := rt.vm
	h := rt.host
	b := vm.NewObject()
	// the functions become JS functions as the glue first reads each (most only on first call)
	lz := modules.NewLazyFuncsSize(vm, 16) // the 11 the bootstrap reads at start
	b.Set("argv", jsStrings(vm, h.Argv))
	b.Set("execArgv", jsStrings(vm, visibleExecArgv(h.ExecArgv)))
	flags := vm.NewObject()
	for name, val := range h.Flags() {
		flags.Set(name, val)
	}
	b.Set("flags", flags)
	b.Set("execPath", h.ExecPath)
	pc := processConstants()
	b.Set("pid", pc.pid)
	b.Set("ppid", pc.ppid)
	b.Set("platform", pc.platform)
	b.Set("arch", pc.arch)
	b.Set("version", pc.version)
	b.Set("gojsVersion", pc.gojsVersion)
	b.Set("goVersion", pc.goVersion)
	rt.envObj = vm.NewDynamicObject(&envObject{rt: rt})
	b.Set("env", rt.envObj)
	// A forked child's IPC channel is found even when the permission model hides env variables
	// (the parent that forked it set them; node's own env is never filtered). Removed from env here.
	if fd, ok := h.Env["NODE_CHANNEL_FD"]; ok {
		mode := h.Env["NODE_CHANNEL_SERIALIZATION_MODE"]
		delete(h.Env, "NODE_CHANNEL_FD")
		delete(h.Env, "NODE_CHANNEL_SERIALIZATION_MODE")
		b.Set("ipcChannel", jsStrings(vm, []string{fd, mode}))
	} else {
		b.Set("ipcChannel", goja.Undefined()) // an own property: its read makes no other function
	}
	b.Set("stdoutIsTTY", rt.opts.StdoutIsTTY)
	b.Set("stderrIsTTY", rt.opts.StderrIsTTY)
	b.Set("stdinIsTTY", rt.opts.StdinIsTTY)
	b.Set("columns", rt.opts.Columns)
	rt.procPrivate = vm.NewObject()
	b.Set("private", rt.procPrivate)
	rt.bindings[processPrivateModule.Name] = rt.procPrivate
	b.Set("signals", vm.NewDynamicObject(signalsObject{vm}))
	b.Set("permissionModel", rt.host.Perms != nil)
	// (the functions the bootstrap reads at start take a FunctionCall: a reflection wrapper costs
	// every runtime more to make, and each call more)
	lz.Set("cwd", func(goja.FunctionCall) goja.Value { return vm.ToValue(h.Cwd()) })
	lz.Set("nextTick", func(call goja.FunctionCall) goja.Value {
		fn := call.Argument(0)
		if !eventloop.IsCallable(fn) {
			h.Throw(modules.InvalidArgType("callback", []string{"Function"}, fn))
		}
		if rt.exitEmitted {
			return goja.Undefined() // node's nextTick queues nothing once 'exit' is emitted
		}
		var args []goja.Value
		if len(call.Arguments) > 1 {
			args = append(args, call.Arguments[1:]...)
		}
		rt.loop.NextTickFunc(fn, args...)
		return goja.Undefined()
	})
	lz.Set("hrtimeBigint", func(goja.FunctionCall) goja.Value {
		d := time.Since(processStart) + hrtimeBase
		return vm.ToValue(big.NewInt(int64(d)))
	})
	lz.Set("uptime", func(goja.FunctionCall) goja.Value { return vm.ToValue(time.Since(processStart).Seconds()) })
	lz.Set("rss", func(goja.FunctionCall) goja.Value { return vm.ToValue(rssBytes()) })
	lz.Set("getuid", func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Getuid()) })
	lz.Set("geteuid", func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Geteuid()) })
	lz.Set("getgid", func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Getgid()) })
	lz.Set("getegid", func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Getegid()) })
	lz.Set("installLazyGlobals", func(goja.FunctionCall) goja.Value {
		rt.installLazyGlobals()
		return goja.Undefined()
	})
	// processLayout(proc, ...): process's keys in node's order (processlayout.go)
	lz.Set("processLayout", rt.processLayout)
	// processEventsReady(proc): EventEmitter's fields, stood in for until events is set up, are
	// plain (undefined) data properties in their places, for its constructor to set
	lz.Set("processEventsReady", func(c goja.FunctionCall) goja.Value {
		if proc, ok := c.Argument(0).(*goja.Object); ok {
			for _, name := range [...]string{"_events", "_eventsCount", "_maxListeners"} {
				_ = proc.DefineDataProperty(name, goja.Undefined(), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
		}
		return goja.Undefined()
	})
	// makeStubbed(fn) calls fn, which makes members of process's stand-ins (makeStubbed)
	lz.Set("makeStubbed", func(fn goja.Callable) { rt.makeStubbed(fn) })
	// modules.OwnDescriptor(o, key): o's own property descriptor as the engine has it (a stand-in of
	// process's shown as the accessor it is)
	lz.Set("ownDescriptor", func(c goja.FunctionCall) goja.Value {
		return modules.CallThrowing(rt.rawGOPD(), goja.Undefined(), c.Argument(0), c.Argument(1))
	})
	lz.Set("isProcessExtraStub", func(c goja.FunctionCall) goja.Value {
		o, _ := c.Argument(0).(*goja.Object)
		return vm.ToValue(o != nil && rt.procStubs[o])
	})
	lz.Set("lazyEmitterProto", func(c goja.FunctionCall) goja.Value {
		proc, _ := c.Argument(0).(*goja.Object)
		ensure, _ := goja.AssertFunction(c.Argument(1))
		return vm.NewDynamicObject(&lazyEmitter{proc: proc, ensure: ensure})
	})
	// the others are made on the first read of one of them (most runtimes never read them)
	lz.SetRest(func() {
		lz.Set("flagValues", func(name string) goja.Value { return jsStrings(vm, h.FlagValues(name)) })
		lz.Set("gc", func() { goruntime.GC() })
		lz.Set("keepEval", func(v goja.Value) { h.Eval = v })
		lz.Set("builtinLoaded", func(name string) bool { _, ok := rt.loaded[name]; return ok })
		// process._tickCallback called by a program: a tick's throw goes on to its caller
		lz.Set("runTicks", func() {
			if err := rt.loop.RunTicksNow(); err != nil {
				panic(err)
			}
		})
		has := func(name string) bool { _, ok := rt.registry[name]; return ok }
		lz.Set("hasBuiltin", has)
		lz.Set("chdir", func(dir string) {
			if err := h.CheckPath(modules.ScopeFSRead, dir); err != nil {
				h.Throw(err)
			}
			abs := h.Abs(dir)
			// node's cwd is getcwd(3)'s, the physical path: links resolved, a link before ".."
			// followed first (as the kernel's chdir does), not the path as given
			raw := dir
			if !filepath.IsAbs(raw) {
				raw = h.Cwd() + "/" + raw
			}
			if real, err := filepath.EvalSymlinks(raw); err == nil {
				abs = real
			}
			fi, err := os.Stat(abs)
			if err == nil && !fi.IsDir() {
				err = syscall.ENOTDIR
			}
			if err != nil {
				se := modules.NewSystemError(err, "chdir", h.Cwd(), dir)
				h.Throw(se)
			}
			h.SetCwd(abs)
		})
		lz.Set("exit", func(code int) { rt.loop.Exit(code) })
		// factory(src) returns the function src makes, compiled once per process under the
		// bootstrap's name: coldFactory the bootstrap's cold paths (runtime/js/bootstrapcold.js),
		// or with true their part process as an EventEmitter needs (runtime/js/bootstrapevents.js),
		// methodsFactory the bodies of the process methods few programs call
		// (runtime/js/bootstrapmethods.js)
		factory := func(src string) goja.Value {
			v, err := vm.RunProgram(modules.CompileOnce(js.BootstrapName, src))
			if err != nil {
				panic(err)
			}
			return v
		}
		lz.Set("coldFactory", func(c goja.FunctionCall) goja.Value {
			if c.Argument(0).ToBoolean() {
				return factory(js.BootstrapEvents)
			}
			return factory(js.BootstrapCold)
		})
		lz.Set("methodsFactory", func(goja.FunctionCall) goja.Value { return factory(js.BootstrapMethods) })
		// --abort-on-uncaught-exception: the run ends with 134 and Aborted reports it (the CLI then
		// dies of SIGABRT, as node does; an embedding program decides for itself).
		lz.Set("abort", func() {
			rt.aborted.Store(true)
			rt.loop.Exit(134)
		})
		// reportUncaught(v) reports what a queueMicrotask callback threw: node catches it and hands
		// it to triggerUncaughtException, whose excerpt is the place V8 recorded in the error
		// (its construction), not the throw
		lz.Set("reportUncaught", func(v goja.Value) {
			rt.throwArrow = rt.caughtArrow(v)
			rt.fatal(v)
		})
		// (queueMicrotask makes node's Microtask resource only while async hooks are on)
		lz.Set("asyncHooksOn", func() bool { return rt.loop.AsyncHooksOn() })
		// enqueueMicrotask(fn) queues fn as a job of its own (false: not available)
		lz.Set("enqueueMicrotask", func(fn goja.Callable) bool {
			return rt.loop.QueueJob(func() {
				if _, err := fn(goja.Undefined()); err != nil {
					panic(err) // (an interrupt: process.exit in the callback; the callback catches the rest)
				}
			})
		})
		// a JS Array, as node's: a Go slice would be a wrapped host object (inspect showed
		// Array { '0': s, '1': ns }, push and sort did not act on it as on an array)
		lz.Set("hrtime", func() *goja.Object {
			d := time.Since(processStart) + hrtimeBase
			return vm.NewArray(int64(d/time.Second), int64(d%time.Second))
		})
		lz.Set("memoryUsage", func() *goja.Object {
			var ms goruntime.MemStats
			goruntime.ReadMemStats(&ms)
			o := vm.NewObject()
			o.Set("rss", rssBytes())
			o.Set("heapTotal", ms.HeapSys)
			o.Set("heapUsed", ms.HeapAlloc)
			o.Set("external", 0)
			o.Set("arrayBuffers", 0)
			return o
		})
		// process.getActiveResourcesInfo: requests, then handles, then referenced timers and
		// immediates, in node's order and under node's names.
		// (each result is a real JS array: a Go slice would be an array-like object to JS)
		lz.Set("activeResourcesInfo", func() goja.Value {
			var out []any
			for _, k := range rt.loop.ActiveRequests() {
				out = append(out, k)
			}
			for _, h := range rt.loop.ActiveHandles() {
				out = append(out, h.Kind)
			}
			for n := rt.loop.ActiveTimers(); n > 0; n-- {
				out = append(out, "Timeout")
			}
			for n := rt.loop.ActiveImmediates(); n > 0; n-- {
				out = append(out, "Immediate")
			}
			return vm.NewArray(out...)
		})
		lz.Set("activeHandles", func() goja.Value {
			hs := rt.loop.ActiveHandles()
			out := make([]any, 0, len(hs))
			for _, h := range hs {
				// as node's GetOwner: the handle's JS owner (a net.Socket for its handle) if set
				o, ok := h.Owner.(*goja.Object)
				if !ok {
					continue
				}
				if ow, ok := o.Get("owner").(*goja.Object); ok {
					o = ow
				}
				out = append(out, o)
			}
			return vm.NewArray(out...)
		})
		// (each an object of a class named as node's request wrap: FSReqCallback, GetAddrInfoReqWrap...)
		protos := map[string]*goja.Object{}
		lz.Set("activeRequests", func() goja.Value {
			rs := rt.loop.ActiveRequests()
			out := make([]any, len(rs))
			for i, kind := range rs {
				proto := protos[kind]
				if proto == nil {
					ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object { return nil }).(*goja.Object)
					_ = ctor.DefineDataProperty("name", vm.ToValue(kind), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
					proto = vm.NewObject()
					_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
					_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
					protos[kind] = proto
				}
				out[i] = vm.CreateObject(proto)
			}
			return vm.NewArray(out...)
		})
		lz.Set("cpuUsage", func() []int64 {
			var ru syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
			return []int64{ru.Utime.Sec*1e6 + int64(ru.Utime.Usec), ru.Stime.Sec*1e6 + int64(ru.Stime.Usec)}
		})
		// A FunctionCall function must return a goja.Value: goja cannot call one returning int.
		lz.Set("umask", func(call goja.FunctionCall) goja.Value {
			if len(call.Arguments) == 0 || goja.IsUndefined(call.Argument(0)) {
				old := syscall.Umask(0)
				syscall.Umask(old)
				return rt.vm.ToValue(old)
			}
			return rt.vm.ToValue(syscall.Umask(int(call.Argument(0).ToInteger() & 0o777)))
		})
		rt.credentialFuncs(lz)
		rt.memoryFuncs(lz)
		// preloadModules is what -r / --require named, in order (process._preload_modules)
		lz.Set("preloadModules", func() goja.Value {
			vals := make([]any, len(rt.preload))
			for i, m := range rt.preload {
				vals[i] = m
			}
			return rt.vm.NewArray(vals...)
		})
		// kill returns 0 or a negative errno, as node's process._kill does
		lz.Set("kill", func(pid int, sig int) int {
			if pid == os.Getpid() && sig > 0 && sig < 65 {
				// (a worker that stands for a process of its own gets its signals as a main thread)
				if !rt.inWorker() && rt.SignalHandled(syscall.Signal(sig)) {
					rt.signalSelf(syscall.Signal(sig))
					return 0
				}
				if rt.opts.KillSelf != nil {
					rt.opts.KillSelf(syscall.Signal(sig))
					return 0
				}
			}
			if err := killProcess(pid, syscall.Signal(sig)); err != nil {
				if errno, ok := err.(syscall.Errno); ok {
					return -int(errno)
				}
				return -int(syscall.EINVAL)
			}
			return 0
		})
		// FunctionCall signatures: called on every console.log, they must not go through reflection.
		// (undefined, or the negative errno of a write that failed: EPIPE when the reader of a
		// pipe is gone, which node reports as the stream's error). A true second argument says
		// the caller is the stdio stream, whose writes tick as node's do (see write).
		lz.Set("writeOut", func(call goja.FunctionCall) goja.Value {
			return rt.write(rt.opts.Stdout, call.Argument(0), !call.Argument(1).ToBoolean())
		})
		lz.Set("writeErr", func(call goja.FunctionCall) goja.Value {
			return rt.write(rt.opts.Stderr, call.Argument(0), !call.Argument(1).ToBoolean())
		})
		// writeUtf8(fd, s) writes the string s to stdout (1) or stderr (2) for the stdio streams,
		// which count the bytes: it returns how many, or the write's negative errno.
		lz.Set("writeUtf8", func(call goja.FunctionCall) goja.Value {
			w := rt.opts.Stdout
			if call.Argument(0).ToInteger() == 2 {
				w = rt.opts.Stderr
			}
			b := []byte(call.Argument(1).String())
			if _, err := w.Write(b); err != nil {
				if r := rt.writeResult(err); r != goja.Undefined() {
					return r
				}
			}
			return rt.vm.ToValue(len(b))
		})
		lz.Set("setUncaughtCaptureCallback", func(goja.Value) {})
		lz.Set("stackOverflow", func() goja.Value { return rt.stackOverflowError() })
		rt.stdinBinding(lz)
		lz.Set("watchSignal", rt.watchSignal)
		lz.Set("multipleResolves", func(on bool) { rt.multipleResolves = on })
		lz.Set("inWorker", rt.inWorker)
		lz.Set("arrowFor", rt.arrowFor)
		lz.Set("ownPlaceArrow", rt.ownPlaceArrow)
		lz.Set("nodePlaceArrow", rt.nodePlaceArrow)
		lz.Set("keptArrow", func(v goja.Value) string {
			if o, ok := v.(*goja.Object); ok {
				a, _ := rt.stacks.keptArrow(o)
				return a
			}
			return ""
		})
		lz.Set("userRethrowArrow", func() string { return rt.userRethrow })
		lz.Set("putArrow", rt.putArrowJS)
		lz.Set("stackUnread", rt.stackUnread)
		lz.Set("unpinThrowPlace", rt.unpinThrowPlace)
		lz.Set("repinThrowPlace", rt.repinThrowPlace)
		// V8's IsNativeError: made by an error constructor (not merely inheriting Error.prototype)
		lz.Set("isNativeError", func(v goja.Value) (native bool) {
			defer func() {
				if recover() != nil {
					native = false // (a revoked proxy)
				}
			}()
			o, ok := v.(*goja.Object)
			return ok && o.ClassName() == "Error"
		})
		lz.Set("evalThrow", func() bool { return rt.evalThrow })
		lz.Set("throwTrace", func() string { return rt.throwTrace })
		// a lazy global the options take away is deleted before anything loads it
		lz.Set("hideLazyGlobal", func(name string) {
			if rt.lazy != nil {
				rt.lazy.hide(name)
			}
		})
		lz.Set("workerFatal", rt.workerFatal)
		lz.Set("recordFatal", func(v goja.Value) { rt.fatalErr = rt.jsError(v) })
		// endAsyncStack: a handler took an uncaught error (see handledFatal)
		lz.Set("endAsyncStack", func() { rt.loop.EndAsyncStack() })
		lz.Set("permissionHas", rt.permissionHas)
		lz.Set("prepareStackTraceDefault", rt.stacks.prepareDefault)
		lz.Set("setDefaultPrepareStackTrace", rt.stacks.setDefaultPrepare)
	})
	lz.Install(b)
	// the functions process exposes as they are get Node's names and lengths
	for _, nl := range exposedProcessFuncs {
		if fn, ok := b.Get(nl.key).(*goja.Object); ok {
			modules.NameFunc(vm, fn, nl.name, nl.length)
		}
	}
	return b
}

// processConsts are the values of the process binding that every runtime of the process shares,
// made once as JS values (primitives, which belong to no runtime). The pid and the parent's pid
// are read once per process, as node reads them at start-up (its process.ppid is a data property
// that keeps the start-up value; its workers report the same): two system calls fewer for every
// runtime.
type processConsts struct {
	pid, ppid, platform, arch, version, gojsVersion, goVersion goja.Value
}

var processConstants = sync.OnceValue(func() *processConsts {
	vm := sharedVM()
	return &processConsts{
		pid:         vm.ToValue(os.Getpid()),
		ppid:        vm.ToValue(os.Getppid()),
		platform:    sharedString(goruntime.GOOS),
		arch:        sharedString(nodeArch()),
		version:     sharedString(NodeVersion),
		gojsVersion: sharedString(Version),
		goVersion:   sharedString(strings.TrimPrefix(goruntime.Version(), "go")),
	}
})

// exposedProcessFuncs are the binding functions process exposes as they are, with Node's names
// and lengths.
var exposedProcessFuncs = []struct {
	key, name string
	length    int
}{
	{"nextTick", "nextTick", 1}, {"cwd", "wrappedCwd", 0}, {"getuid", "getuid", 0},
	{"geteuid", "geteuid", 0}, {"getgid", "getgid", 0}, {"getegid", "getegid", 0},
	{"hrtimeBigint", "hrtimeBigInt", 0}, {"uptime", "uptime", 0}, {"rss", "rss", 0},
	{"exit", "reallyExit", 0}, {"kill", "_kill", 0},
}

// hrtimeBase offsets hrtime so it does not start at zero (as a monotonic clock would not).
const hrtimeBase = 1000 * time.Hour

func rssBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, rss int64
	for i, j := 0, 0; i < len(data); i++ {
		c := data[i]
		if c == ' ' {
			j++
			if j == 2 {
				break
			}
			continue
		}
		if j == 0 {
			size = size*10 + int64(c-'0')
		} else {
			rss = rss*10 + int64(c-'0')
		}
	}
	return rss * int64(os.Getpagesize())
}

// write writes a string or a Uint8Array's bytes to w. noteTick says that node would end this
// write with a tick that gojs does without: a console write, which node makes through the stdio
// stream with a callback. The stream's own writes (process.stdout.write) tick, or not, as node's
// stream does (none for a write without a callback), so they note none.
func (rt *Runtime) write(w interface{ Write([]byte) (int, error) }, v goja.Value, noteTick bool) goja.Value {
	if noteTick {
		rt.loop.NoteTick()
	}
	var err error
	if o, ok := v.(*goja.Object); ok {
		if b, ok := bytesOf(rt.vm, o); ok {
			_, err = w.Write(b)
			return rt.writeResult(err)
		}
	}
	_, err = w.Write([]byte(v.String()))
	return rt.writeResult(err)
}

// writeResult is undefined for a write that worked, else the negative errno JS reports
// (EPIPE, EBADF...; other errors, an embedder's writer failing, are not reported).
func (rt *Runtime) writeResult(err error) goja.Value {
	if err == nil {
		return goja.Undefined()
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return rt.vm.ToValue(-int(errno))
	}
	return goja.Undefined()
}

// bytesOf returns the bytes viewed by a typed array, DataView or ArrayBuffer, without copying.
func bytesOf(vm *goja.Runtime, o *goja.Object) ([]byte, bool) {
	switch x := modules.ExportCheap(o).(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte:
		return x, true
	}
	buf := o.Get("buffer")
	if buf == nil {
		return nil, false
	}
	ab, ok := modules.ExportAs[goja.ArrayBuffer](buf)
	if !ok {
		return nil, false
	}
	off := o.Get("byteOffset").ToInteger()
	n := o.Get("byteLength").ToInteger()
	all := ab.Bytes()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil, false
	}
	return all[off : off+n], true
}

// signalNumbers maps signal names to numbers, made once per process.
var signalNumbers = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i := 1; i < 32; i++ {
		name := signalName(syscall.Signal(i))
		if name != "" {
			m[name] = i
		}
	}
	return m
})

// signalsObject is the bootstrap's read-only view of signalNumbers: one shared Go map instead of
// a map and its reflection wrapper made for every runtime.
type signalsObject struct{ vm *goja.Runtime }

func (s signalsObject) Get(key string) goja.Value {
	if n, ok := signalNumbers()[key]; ok {
		return s.vm.ToValue(n)
	}
	return nil
}
func (signalsObject) Set(string, goja.Value) bool { return false }
func (signalsObject) Has(key string) bool {
	_, ok := signalNumbers()[key]
	return ok
}
func (signalsObject) Delete(string) bool { return false }
func (signalsObject) Keys() []string {
	keys := make([]string, 0, len(signalNumbers()))
	for i := 1; i < 32; i++ {
		if name := signalName(syscall.Signal(i)); name != "" {
			keys = append(keys, name)
		}
	}
	return keys
}

func signalName(s syscall.Signal) string { return modules.SignalName(s) }

// envObject is process.env: string values over the runtime's own env map, or over the
// environment it shares with workers (sharedEnv) once it started one with env: SHARE_ENV or is one.
type envObject struct{ rt *Runtime }

// sharedEnv is one environment that several runtimes' process.env read and write, each from its
// own loop (node's SHARE_ENV). Each runtime's own env map (Host.Env, read by Go modules) keeps
// the variables it set itself; process.env always sees the shared one.
type sharedEnv struct {
	mu    sync.Mutex
	env   map[string]string
	order []string
}

// shareEnv makes the runtime's environment one it shares, once, and returns it. Loop only.
func (rt *Runtime) shareEnv() *sharedEnv {
	if rt.sharedEnv == nil {
		rt.sharedEnv = &sharedEnv{env: maps.Clone(rt.host.Env), order: slices.Clone(rt.envOrder)}
		if rt.sharedEnv.env == nil {
			rt.sharedEnv.env = map[string]string{}
		}
	}
	return rt.sharedEnv
}

// view is the environment process.env works on, its order and the unlock to call when done.
func (e *envObject) view() (map[string]string, *[]string, func()) {
	if s := e.rt.sharedEnv; s != nil {
		s.mu.Lock()
		return s.env, &s.order, s.mu.Unlock
	}
	return e.rt.host.Env, &e.rt.envOrder, func() {}
}

// cString is s as the C string node hands getenv/setenv/unsetenv: up to its first NUL, so
// process.env['K\0X'] is K and a value 'a\0b' is stored as 'a'.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

func (e *envObject) allowed(key string) bool {
	return e.rt.host.Allowed(modules.ScopeEnv, key)
}

// Get reads a variable. A variable the policy hides reads as unset rather than throwing:
// libraries probe env vars (NO_COLOR, DEBUG...) all the time and must keep working in a sandbox.
func (e *envObject) Get(key string) goja.Value {
	key = cString(key)
	if !e.allowed(key) {
		return nil
	}
	env, _, unlock := e.view()
	v, ok := env[key]
	unlock()
	if !ok {
		return nil
	}
	return e.rt.vm.ToValue(v)
}

// Set writes the runtime's own env map (never the host process's). A hidden variable stays hidden.
// As node's (setenv), a name that is empty or holds '=' is quietly not set, and a Symbol value
// throws as a string conversion does.
func (e *envObject) Set(key string, val goja.Value) bool {
	if val == nil {
		// Only Object.defineProperty with a descriptor that has no value gets here; node takes
		// nothing but a configurable, writable and enumerable data descriptor.
		e.rt.host.Throw(modules.TypeError("ERR_INVALID_OBJECT_DEFINE_PROPERTY",
			"'process.env' only accepts a configurable, writable, and enumerable data descriptor"))
	}
	if _, isSym := val.(*goja.Symbol); isSym {
		panic(e.rt.vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	key = cString(key)
	if key == "" || strings.Contains(key, "=") {
		return true
	}
	v := cString(val.String())
	env, order, unlock := e.view()
	if _, ok := env[key]; !ok {
		*order = append(*order, key) // (a new variable comes last, as setenv puts it)
	}
	env[key] = v
	unlock()
	e.rt.host.Env[key] = v
	if key == "TZ" && e.rt.opts.TimeZoneListener != nil {
		e.rt.opts.TimeZoneListener(v, true)
	}
	return true
}

func (e *envObject) Has(key string) bool {
	key = cString(key)
	env, _, unlock := e.view()
	_, ok := env[key]
	unlock()
	return ok && e.allowed(key)
}

func (e *envObject) Delete(key string) bool {
	key = cString(key)
	env, order, unlock := e.view()
	_, ok := env[key]
	if ok {
		delete(env, key)
		if i := slices.Index(*order, key); i >= 0 {
			*order = slices.Delete(*order, i, i+1)
		}
	}
	unlock()
	if ok {
		delete(e.rt.host.Env, key)
		if key == "TZ" && e.rt.opts.TimeZoneListener != nil {
			e.rt.opts.TimeZoneListener("", false)
		}
	}
	return true
}

// Keys lists the variables in the environment's order (Options.EnvOrder, then those set since),
// then any others sorted.
func (e *envObject) Keys() []string {
	env, order, unlock := e.view()
	defer unlock()
	keys := make([]string, 0, len(env))
	seen := make(map[string]bool, len(*order))
	for _, k := range *order {
		if _, ok := env[k]; ok && !seen[k] {
			seen[k] = true
			if e.allowed(k) {
				keys = append(keys, k)
			}
		}
	}
	if len(seen) == len(env) {
		return keys
	}
	var rest []string
	for k := range env {
		if !seen[k] && e.allowed(k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// jsStrings makes a real JS array of strings (goja's ToValue of a slice gives a Go-backed object
// that prints as "Array {}").
// visibleExecArgv is execArgv without the flags by which `gojs test` and node:test's run() tell
// a file's runtime that it runs under them (node:test reads them from its binding), and without
// the coverage flag that follows them: node's test files see no such flag (node's runner keeps
// --experimental-test-coverage from its files), and a child process they fork inherits
// process.execArgv.
func visibleExecArgv(list []string) []string {
	for i, a := range list {
		if a == "--test-child" || a == "--test-child-port" {
			out := append([]string(nil), list[:i]...)
			for _, a := range list[i+1:] {
				if a != "--test-child" && a != "--test-child-port" && a != "--experimental-test-coverage" {
					out = append(out, a)
				}
			}
			return out
		}
	}
	return list
}

func jsStrings(vm *goja.Runtime, list []string) *goja.Object {
	items := make([]any, len(list))
	for i, s := range list {
		items[i] = s
	}
	return vm.NewArray(items...)
}

// emitterName reports the names process gets from EventEmitter (its prototype's and the fields
// EventEmitter's constructor sets).
func emitterName(key string) bool {
	switch key {
	case "_events", "_eventsCount", "_maxListeners", "setMaxListeners", "getMaxListeners", "emit",
		"addListener", "on", "prependListener", "once", "prependOnceListener", "removeListener", "off",
		"removeAllListeners", "listeners", "rawListeners", "listenerCount", "eventNames":
		return true
	}
	return false
}

// lazyEmitter stands in for EventEmitter.prototype in process's prototype chain until a script
// first uses process as an emitter: then ensure loads events, puts the real prototype in its
// place and the lookup is answered from there.
type lazyEmitter struct {
	proc   *goja.Object
	ensure goja.Callable
}

func (l *lazyEmitter) load() {
	if _, err := l.ensure(goja.Undefined()); err != nil {
		panic(err)
	}
}

// processExtraName reports the process members made with its emitter side (bootstrapevents.js's
// installExtras): node's rarely used ones.
func processExtraName(key string) bool {
	switch key {
	case "_rawDebug", "assert", "dlopen", "_linkedBinding", "openStdin", "domain",
		"allowedNodeEnvironmentFlags", "sourceMapsEnabled", "_fatalException", "_tickCallback", "_debugProcess", "_debugEnd",
		"_startProfilerIdleNotifier", "_stopProfilerIdleNotifier", "_preload_modules":
		return true
	}
	return false
}

func (l *lazyEmitter) Get(key string) goja.Value {
	if !emitterName(key) && !processExtraName(key) {
		return nil
	}
	l.load()
	return l.proc.Get(key)
}

func (l *lazyEmitter) Set(key string, val goja.Value) bool { return false }
func (l *lazyEmitter) Has(key string) bool                 { return emitterName(key) || processExtraName(key) }
func (l *lazyEmitter) Delete(key string) bool              { return true }
func (l *lazyEmitter) Keys() []string {
	l.load()
	return nil
}
