package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/http"
	"github.com/gojs-dev/gojs/modules/testrunner/coverage"
)

// NodeVersion is the Node.js API level gojs implements; process.version reports it.
const NodeVersion = "v20.20.2"

// Version is gojs's own version (process.versions.gojs).
const Version = "0.1.0"

// DefaultMaxCallStackSize is the call depth at which a script gets
// "RangeError: Maximum call stack size exceeded" (Node allows about 11k simple frames).
const DefaultMaxCallStackSize = 10000

// Options configure a Runtime. Nothing in a runtime reads the process's own args, env, cwd or
// stdio: everything comes from here.
type Options struct {
	// Args are the script's arguments (process.argv after the script path).
	Args []string
	// ExecPath is process.execPath and argv[0] (default "gojs").
	ExecPath string
	// Argv0 is process.argv0: the program's name as it was invoked, which node keeps apart from
	// argv[0] (default "gojs").
	Argv0 string
	// ExecArgv is process.execArgv. The Node options in it take effect (--no-deprecation,
	// --no-warnings, --trace-warnings, --throw-deprecation, --trace-deprecation,
	// --pending-deprecation, --disable-warning=, --unhandled-rejections=, --expose-gc, --title=).
	ExecArgv []string
	// NodeOptions are Node options that take effect without being part of process.execArgv,
	// as those of NODE_OPTIONS are not.
	NodeOptions []string
	// Env is process.env. Nil means empty.
	Env map[string]string
	// EnvOrder is the order in which process.env lists Env's variables, as node keeps the host
	// environment's order (os.Environ()); variables it leaves out follow, sorted. Optional.
	EnvOrder []string
	// Cwd is the starting working directory (default "/").
	Cwd string
	// Stdin, Stdout and Stderr default to empty input and discarded output.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StdoutIsTTY and StderrIsTTY report the streams as terminals (process.stdout.isTTY).
	StdoutIsTTY, StderrIsTTY, StdinIsTTY bool
	// Columns is process.stdout.columns when StdoutIsTTY (default 80).
	Columns int
	// Builtins, if not nil, limits the built-in modules offered to these names.
	Builtins []string
	// Modules are extra Go modules, requirable by name.
	Modules []*modules.Module
	// Permissions decide every fs, net, child process, worker and env access. Nil denies them
	// all (a sandbox); AllowAll is Node's behaviour without --permission.
	Permissions *Permissions
	// MaxCallStackSize is the maximum JS call depth (default DefaultMaxCallStackSize).
	MaxCallStackSize int
	// KeepChildren leaves the child processes a runtime spawned running when it closes, as
	// node's exit does (gojs's CLI sets it). By default Close kills them (detached ones excepted),
	// so that an embedder's runtime leaves nothing behind.
	KeepChildren bool
	// MaxAsync bounds concurrent asynchronous operations (default 128).
	MaxAsync int
	// MaxHTTPHeaderSize is http.maxHeaderSize: the bound on an HTTP message head for the
	// servers and requests that set no maxHeaderSize (0: node's default, 16 KiB).
	// --max-http-header-size in ExecArgv or NodeOptions overrides it.
	MaxHTTPHeaderSize uint64
	// InsecureHTTPParser makes the HTTP parsers of servers and requests whose
	// insecureHTTPParser option is unset lenient, as node's --insecure-http-parser does (which
	// in ExecArgv or NodeOptions also turns it on).
	InsecureHTTPParser bool
	// Timeout, if positive, stops each run (RunMain, RunScript, Eval) after this long: the run
	// returns an error wrapping ErrTimeout and the runtime can no longer be used.
	Timeout time.Duration
	// MemoryLimit, if positive, is a soft ceiling on the Go heap in bytes, checked every 25 ms
	// while a run is in progress; passing it stops the run with an error wrapping
	// ErrMemoryLimit. The heap is the whole process's: it bounds runaway scripts, it does not
	// account one runtime among many.
	MemoryLimit uint64
	// FS, if set, is where modules are loaded from (paths are rooted at "/" of FS), e.g. an
	// embed.FS. It affects require() only, not the fs module.
	FS fs.FS
	// TransformCacheDir, if set, keeps ES module and TypeScript transforms on disk, keyed by
	// content, so later processes skip esbuild, and compiled WebAssembly modules (in its wasm
	// folder), so they skip wazero's compiler. Both are always cached in memory per process.
	TransformCacheDir string
	// Globals are extra global values: Go functions (an error result throws), AsyncFunc
	// (returns a promise), and values converted as Call converts arguments.
	Globals map[string]any
	// SignalListener, if set, is called when the script starts listening for a signal
	// (process.on('SIGINT', ...)), each time a first listener is added, on the runtime's loop
	// goroutine, before the call that added it returns: an embedder that delivers signals with
	// Signal can register for them with the OS only then.
	SignalListener func(sig syscall.Signal)
	// KillSelf, if set, takes the signals the script sends its own process (process.kill with
	// process.pid, a signal other than 0) instead of the process: an embedder whose runtime
	// stands for a process of its own (gojs test's files) delivers them itself. Called on the
	// runtime's loop goroutine (a worker's included), before process.kill returns.
	KillSelf func(sig syscall.Signal)
	// TimeZoneListener, if set, is called when the script sets process.env.TZ (ok true, with
	// the new value) or deletes it (ok false), on the runtime's loop goroutine, before the
	// assignment returns. Node re-reads the time zone then, so that Date's local time follows
	// TZ; goja's Date keeps local time in time.Local, which only an embedder that owns the
	// process (gojs's CLI) may change. Workers do not call it (node does not watch TZ there).
	TimeZoneListener func(tz string, ok bool)

	// workerThread: the runtime is a worker_threads worker's (not one standing for a process),
	// whose process the bootstrap shapes as node's worker's (worker.go sets it)
	workerThread bool
	// processStdio: the process's own stdout and stderr where they are files (safe from any
	// goroutine), which a worker thread's writes to descriptors 1 and 2 reach at once, as
	// node's do (its console and process.stdout go through the parent). New sets them for a
	// runtime of its own process; a worker thread inherits them.
	processStdio [2]io.Writer
}

// Runtime is one JavaScript runtime with its own loop, globals, modules, env and cwd.
// A Runtime is used from one goroutine at a time: New, RunMain, RunScript and Close must not
// be called concurrently with each other.
type Runtime struct {
	esmMain                *goja.Object                  // the main module when it is an ES module (its Module object), for Call
	regexpSourceFixed      bool                          // installRegexpSource ran
	regexpSourceGet        goja.Callable                 // goja's RegExp.prototype.source getter, once it did
	arrayHolesFixed        bool                          // installArrayHoles ran
	arrays                 arrayBuiltins                 // Array and Array.prototype for the array guards (arrayshift.go)
	fromEntriesFixed       bool                          // installFromEntries ran
	base64Dropped          bool                          // dropLaterTypedArrayMethods ran
	numberRadixFixed       bool                          // installNumberRadix ran
	tzOffsetFixed          bool                          // installTimezoneOffset ran
	evalOrigins            *evalOrigins                  // where the Function constructor made each function (evalorigin.go)
	dateStringsFixed       bool                          // installDateStrings ran
	dateGapFixed           bool                          // installDateGap ran
	typedArrayDefineFixed  bool                          // installTypedArrayDefine ran
	envObj                 *goja.Object                  // process.env (envdefine.go)
	envOrder               []string                      // process.env's keys in the order it lists them (bootstrap.go's envObject)
	sharedEnv              *sharedEnv                    // the environment shared with SHARE_ENV workers, or nil (bootstrap.go)
	proxyToStringFixed     bool                          // installProxyToString ran
	boundToStringFixed     bool                          // installBoundToString ran
	fnSources              []*fnSource                   // transformed modules' compiled sources (fnsource.go)
	promiseFinallyFixed    bool                          // installPromiseFinally ran
	promiseExecutorGuarded bool                          // the Promise constructor's executor guard is in place
	yieldStarGuarded       bool                          // installYieldStarGuard ran
	generatorDepth         int                           // generator resumptions nested in its wrappers (yieldstar.go)
	toLocaleStringFixed    bool                          // installToLocaleString ran
	regexpExecGuarded      bool                          // installRegExpExecGuard ran
	regexpDProtos          map[*goja.Object]*goja.Object // d-flag regexps' prototypes by the one each inherits, and each to nil (regexpindices.go)
	vRegexps               unicodeSetsRegexps            // the regexps made with the v flag (regexpvflag.go)
	regexpDText            indicesCache                  // the last text a d-flag exec matched (regexpindices.go)
	regexpStaticsFixed     bool                          // installRegExpStatics ran
	regexpBuiltinExecs     []*goja.Object                // RegExp.prototype.exec as goja made it and as gojs wrapped it (regexpTest)
	asyncMethodsFixed      bool                          // installAsyncMethodsHelper ran
	powHelperFixed         bool                          // installPowHelper ran
	arrayBufferNewFixed    bool                          // installArrayBufferNew ran
	recursionCheck         goja.Value                    // the guard's check (recursion.go), made on first use
	stdioHandles           [3]*eventloop.Handle          // process.stdin/stdout/stderr's native handles, once made (stdio.go)
	recursionGlobals       bool                          // the check and budget of guarded -e/stdin scripts are declared
	sourceRecursionGlobals bool                          // the same for checks written into eval and new Function text
	stringLengthFixed      bool                          // installStringLength ran
	bigIntBitsFixed        bool                          // installBigIntBits ran
	opts                   Options
	vm                     *goja.Runtime
	loop                   *eventloop.Loop
	host                   *modules.Host

	registry map[string]*modules.Module // only read once New returns: it may be shared
	loaded   map[string]goja.Value      // built-in exports by name
	bindings map[string]*goja.Object
	loading  map[string]*goja.Object // module objects of built-ins being loaded (cycles)
	loadLog  *[]string               // when set (builtindeps_test.go), the built-ins with glue it loads, in order

	defaultRegistry bool // registry is defaultRegistry(), the default built-ins'

	// exitEmitted is set when the loop has drained and 'exit' is being emitted: as node's
	// (process._exiting), process.nextTick then queues nothing.
	exitEmitted bool

	process  *goja.Object
	loader   *goja.Object
	procHook *goja.Object // process glue's internal hooks
	// procPrivate is internal/process_private's record, filled by the bootstrap
	procPrivate *goja.Object
	procStubs   map[*goja.Object]bool // the getters of process's stand-in members (processStub)
	makingStubs bool                  // makeProcessStubs is making the members they stand for

	sources map[string]string // loaded file sources, for error excerpts
	vmCode  map[string]vmCode // code vm ran as a file's (errorstack.go's callColumn)
	// vmCodeBytes is the length of vmCode's code in all
	vmCodeBytes int
	// lines indexes the line starts of a source sourceLine read (with the source's length, to
	// notice a source set again); classPlaces caches where a class's text sits in a file
	lines       map[string]lineIndex
	classPlaces map[string]classPlace
	// how each source was compiled: in the CommonJS wrapper (line 1 shifted), from a transform
	// (source-mapped), as an ES module
	wrapped, transformed, esmSources map[string]bool
	// esmDefaults: the local name esbuild gave an ES module's anonymous default export, whose
	// frames V8 names default (esmDefaultLocal)
	esmDefaults map[string]string

	runMu      sync.Mutex        // held by the goroutine driving the loop
	fatalErr   *JSError          // the uncaught exception that ended the program, if any
	aborted    atomic.Bool       // an uncaught exception under --abort-on-uncaught-exception
	mainFile   string            // RunMain's file, absolute ("" for the other entry points)
	flags      map[string]string // the node options in effect (Host.Flags), read on first use
	signals    signalState
	throwArrow string // source excerpt of the last uncaught throw
	// the excerpt of the program's own catch that rethrew the uncaught error (userRethrowArrow)
	userRethrow string
	// glueThrown and glueThrowFrames: the error glue last gave an excerpt as it threw it
	// (Host.SetArrowMessage: events' unhandled 'error'), with the frames of that throw. Its
	// frames of making may hold a catch that was gone by then: the search for a catch of the
	// program's that threw it again looks at the frames of the throw instead.
	glueThrown      *goja.Object
	glueThrowFrames []goja.StackFrame
	// mainDone: the main CommonJS module's evaluation returned; staleFrames: the uncaught error
	// being placed was made in it and thrown later, so its frames are not the way it went out
	// (madeInEndedMain)
	mainDone, staleFrames bool
	multipleResolves      bool // a 'multipleResolves' listener exists (multipleresolves.go)
	// the uncaught error whose frames are out of it while the listeners run (unpinThrowPlace)
	unpinned unpinnedThrow
	// listenerThrew: an 'uncaughtException' listener on the fatal path threw (fatalListenerThrew)
	listenerThrew bool
	throwTrace    string // under --trace-uncaught, the stack where a value that is no error was thrown
	// fromPromise: the uncaught exception is node's triggerUncaughtException(err, true) of a
	// rejection (the main ES module's): its listeners are told the origin 'unhandledRejection'
	fromPromise bool
	// userMaps are the source maps modules compiled while source maps were enabled name, by
	// file (sourcemaps.go); mappedPlaces takes a mapped stack frame's place back to its own
	// (file, line, column), for an excerpt read from a formatted stack. Loop only.
	userMaps map[string]*userSourceMap
	esmAsync map[string]bool // the ES modules with top-level await (esmEvaluationThrow)
	arrowErr *goja.Object    // the uncaught error whose excerpt arrowFromFrames is making
	// the last JSON.parse SyntaxError, its text and the offset it failed at: an uncaught one's
	// excerpt is that text's line (jsonArrow)
	jsonErr    *goja.Object
	jsonErrSrc string
	jsonErrPos int
	// promiseStatics is the state of the Promise combinators (promisecombinators.go), once
	// installed on the Promise constructor
	promiseStatics *promiseStatics
	methodNames    map[*goja.Object]string          // builtinMethodName's, made on first use
	refusals       map[*goja.Object]receiverRefusal // receiverRefusalOf's, made on first use
	cbTakers       map[*goja.Object]callbackKind    // callbackTakers', made on first use
	mappedPlaces   map[string]genPlace
	// evalThrow: the uncaught exception came out of -e / stdin code's own run (node's vm-compiled
	// [eval]/[stdin] script), which node reports with the excerpt first (printFatal)
	evalThrow bool

	engineBirth bool // engineMessage is called while goja makes the error (its value stack is the failing op's)
	// nsRefusal: the message goja is about to give a module namespace's refusing trap (gojaWords)
	// and V8's for it (esm.js, nsTraps), kept until the next error the engine makes
	nsRefusal      struct{ gojaWords, v8 string }
	inFunctionCtor int             // > 0 while the Function constructor compiles (its SyntaxError is worded there)
	funcCtorErr    *goja.Object    // the last SyntaxError the Function constructor threw with an excerpt
	evalParserOpts []parser.Option // the engine's parser options for eval code, once new Function compiles a tree

	preload []string
	// permissionWarned: --experimental-permission's warning was emitted (once a runtime)
	permissionWarned bool
	imports          []string                    // --import modules, loaded after preload and before the main script
	loaders          []string                    // --loader / --experimental-loader modules, registered before the imports
	hooks            atomic.Pointer[hooksThread] // the module customization hooks runtime, once registered

	ctx       context.Context
	cancel    context.CancelFunc
	closeOnce sync.Once
	worker    *workerState // set in a worker_threads worker
	lazy      *lazyGlobals
	stacks    *stackAPI
	onLoad    map[string][]goja.Callable // internal/lazy_proto's whenLoaded callbacks by module
	// lazyMakers are the makers of lazy members (lazymembers.go), by module; lazyProtos the
	// objects with lazy members by key, and lazyUsed the keys one of whose members was made
	lazyMakers map[string]goja.Callable
	lazyProtos map[string][]*goja.Object
	lazyUsed   []string
	// lazyExports are the exports objects made lazy (lazyMembers), each with its key;
	// lazyFirst the members an ES namespace waits for, by key and name: the value each was
	// first made with (nil until made)
	lazyExports map[*goja.Object]string
	lazyFirst   map[string]map[string]goja.Value
	// fsOwn holds fs's own readFileSync and realpathSync, recorded as fs loads: the loader
	// calls the public ones only once a program has replaced them (loaderfs.go)
	fsOwn [2]goja.Value
}

// New creates a runtime. It does not run any user code.
func New(opts Options) (*Runtime, error) {
	nodeStart := time.Now()
	if opts.ExecPath == "" {
		opts.ExecPath = "gojs"
	}
	if opts.Cwd == "" {
		opts.Cwd = "/"
	}
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if !opts.workerThread {
		opts.processStdio = [2]io.Writer{}
		for i, w := range [2]io.Writer{opts.Stdout, opts.Stderr} {
			if f, ok := w.(*os.File); ok {
				opts.processStdio[i] = f
			}
		}
	}
	if opts.MaxCallStackSize <= 0 {
		opts.MaxCallStackSize = DefaultMaxCallStackSize
	}
	if opts.Columns <= 0 {
		opts.Columns = 80
	}
	env := make(map[string]string, len(opts.Env))
	for k, v := range opts.Env {
		env[k] = v
	}
	var envOrder []string
	if len(opts.EnvOrder) > 0 {
		envOrder = make([]string, 0, len(env))
		seen := make(map[string]bool, len(env))
		for _, k := range opts.EnvOrder {
			if _, ok := env[k]; ok && !seen[k] {
				seen[k] = true
				envOrder = append(envOrder, k)
			}
		}
	}

	vm := goja.New()
	v8Start := time.Now()
	vm.SetFieldNameMapper(goja.TagFieldNameMapper("json", true))
	vm.SetMaxCallStackSize(opts.MaxCallStackSize)

	ctx, cancel := context.WithCancel(context.Background())
	rt := &Runtime{
		envOrder:    envOrder,
		opts:        opts,
		vm:          vm,
		loaded:      make(map[string]goja.Value),
		bindings:    make(map[string]*goja.Object),
		loading:     make(map[string]*goja.Object),
		sources:     make(map[string]string),
		wrapped:     make(map[string]bool),
		transformed: make(map[string]bool),
		esmSources:  make(map[string]bool),
		ctx:         ctx,
		cancel:      cancel,
	}
	rt.loop = eventloop.New(vm, eventloop.Hooks{
		Uncaught:   rt.onUncaught,
		Rejections: rt.onRejections,
		Settled:    rt.settleLazyMembers,
		AsyncArrow: func(fn *goja.Object) bool { return isAsyncArrow(fn) },
	})
	rt.host = &modules.Host{
		VM:            vm,
		Loop:          rt.loop,
		Stdin:         opts.Stdin,
		Stdout:        opts.Stdout,
		Stderr:        opts.Stderr,
		ProcessStdio:  opts.processStdio,
		ExecArgv:      append([]string(nil), opts.ExecArgv...),
		ExecPath:      opts.ExecPath,
		NodeOptions:   append([]string(nil), opts.NodeOptions...),
		Env:           env,
		Perms:         compilePolicy(opts.Permissions),
		Ctx:           ctx,
		RequireFn:     rt.requireBuiltin,
		LazyConstants: rt.lazyConstants,
		Sources:       (*sourceNoter)(rt),
		Overflow:      (*overflowMaker)(rt),
		MaxAsync:      opts.MaxAsync,
		KeepChildren:  opts.KeepChildren,
		CacheDir:      opts.TransformCacheDir,
	}
	rt.host.SetCwd(opts.Cwd)
	if opts.MaxHTTPHeaderSize != 0 || opts.InsecureHTTPParser {
		http.SetSettings(rt.host, http.Settings{MaxHeaderSize: opts.MaxHTTPHeaderSize, InsecureHTTPParser: opts.InsecureHTTPParser})
	}
	rt.host.NewWorker = rt.newWorker
	rt.host.EngineErrorStack = rt.engineErrorStack
	rt.host.StackUnread = rt.stackUnread
	rt.host.HiddenCheckError = rt.hiddenCheckError
	rt.host.SetArrowMessage = func(err *goja.Object, arrow string) {
		if rt.stacks != nil {
			rt.stacks.setArrow(err, arrow)
		}
		// (glue sets it as it throws err: an error path)
		rt.glueThrown, rt.glueThrowFrames = err, rt.vm.CaptureCallStack(0, nil)
	}
	rt.host.PutArrowMessage = rt.putArrow
	rt.host.ArrowMessage = rt.glueArrow
	rt.host.DecorateThrown = rt.decorateThrown
	rt.host.DynamicImports = rewriteDynamicImports
	rt.host.RegexpSource = rewriteRegexpSource
	rt.host.RegexpProgram = rewriteRegexpLiterals
	rt.host.BlockFunctions = fixSloppyBlockFunctions
	rt.host.GuardRecursion = rt.guardScript
	rt.host.Pow = fdlibmPow
	rt.host.ImportFrom = rt.importFrom
	rt.host.Loaded = func(name string) bool { _, ok := rt.loaded[name]; return ok }
	rt.host.Argv = append([]string{opts.ExecPath}, opts.Args...)

	if opts.Builtins == nil && len(opts.Modules) == 0 {
		rt.registry, rt.defaultRegistry = defaultRegistry(), true
	} else {
		rt.registry = buildRegistry(opts.Builtins, opts.Modules)
	}
	rt.host.State(runtimeStateKey, func() any { return rt })
	ms := rt.host.Milestones()
	ms.NodeStart, ms.V8Start = nodeStart, v8Start
	if err := rt.bootstrap(); err != nil {
		cancel()
		return nil, err
	}
	ms.Environment = time.Now()
	rt.loaded[moduleModule.Name] = rt.loader.Get("Module")
	for name, v := range opts.Globals {
		if err := vm.Set(name, toJS(rt.host, v)); err != nil {
			cancel()
			return nil, err
		}
	}
	ms.BootstrapComplete = time.Now()
	return rt, nil
}

// buildRegistry lists the built-ins a runtime offers: the default ones (only those named in
// builtins, internal ones always, if builtins is not nil), then extra, then the runtime's own.
func buildRegistry(builtins []string, extra []*modules.Module) map[string]*modules.Module {
	allowed := map[string]bool(nil)
	if builtins != nil {
		allowed = make(map[string]bool)
		for _, n := range builtins {
			allowed[strings.TrimPrefix(n, "node:")] = true
		}
	}
	registry := make(map[string]*modules.Module, len(builtinModules)+len(extra)+4)
	for _, m := range builtinModules {
		if allowed == nil || m.Internal || allowed[m.Name] {
			registry[m.Name] = m
		}
	}
	for _, m := range extra {
		registry[m.Name] = m
	}
	registry[moduleModule.Name] = &moduleModule
	registry[stdioModule.Name] = &stdioModule
	registry[lazyProtoModule.Name] = &lazyProtoModule
	registry[processPrivateModule.Name] = &processPrivateModule
	registry[lazyMembersModule.Name] = &lazyMembersModule
	registry[vmModuleModule.Name] = &vmModuleModule
	return registry
}

// defaultRegistry is the registry of every runtime made with the default built-ins and no
// extra modules, built once per process: a registry is only read once New returns.
var defaultRegistry = sync.OnceValue(func() map[string]*modules.Module {
	return buildRegistry(nil, nil)
})

// VM returns the underlying goja runtime. Use it only on the goroutine running the runtime.
func (rt *Runtime) VM() *goja.Runtime { return rt.vm }

// Loop returns the runtime's event loop.
func (rt *Runtime) Loop() *eventloop.Loop { return rt.loop }

// Host returns the host given to modules.
func (rt *Runtime) Host() *modules.Host { return rt.host }

// Close stops the loop, releases every handle the script left open and cancels pending work.
// It is safe to call more than once.
func (rt *Runtime) Close() error {
	rt.closeOnce.Do(func() {
		rt.cancel()
		rt.loop.Stop(eventloop.ErrClosed)
		rt.loop.CloseHandles()
		if h := rt.hooks.Load(); h != nil {
			h.close()
		}
	})
	return nil
}

// RunMain runs the file at path as the main CommonJS module and then the loop until it drains.
// It returns the process exit code. err is non-nil only when the runtime could not run the
// script at all or was stopped (context cancelled, Close, or a Go panic inside the engine, which
// stops the runtime with an *eventloop.EnginePanicError instead of crashing the host); script
// errors are reported on the runtime's stderr and through the exit code, as Node does.
func (rt *Runtime) RunMain(ctx context.Context, path string) (int, error) {
	return rt.runMain(ctx, path, false)
}

// RunMainInputType runs the script at path as RunMain does, for a command line that also gave
// --input-type, which is Node's flag for string input: Node ignores it for a CommonJS main, and
// refuses it with ERR_INPUT_TYPE_NOT_ALLOWED (an uncaught error) where its ES module loader runs
// the main: an ES module main (.mjs, "type": "module", module syntax detected), or any main
// once --import modules were given (they run first). Not concurrently with another Run method.
func (rt *Runtime) RunMainInputType(ctx context.Context, path string) (int, error) {
	return rt.runMain(ctx, path, true)
}

func (rt *Runtime) runMain(ctx context.Context, path string, inputType bool) (int, error) {
	abs := rt.host.Abs(path)
	rt.host.Argv = append([]string{rt.opts.ExecPath, abs}, rt.opts.Args...)
	rt.setArgv()
	rt.mainFile = abs
	defer func() { rt.mainFile = "" }()
	return rt.run(ctx, func() error {
		if inputType && len(rt.imports) > 0 {
			_, err := rt.callLoader("inputTypeNotAllowed")
			return err
		}
		_, err := rt.callLoader("runMain", rt.vm.ToValue(path), rt.vm.ToValue(inputType), rt.vm.ToValue(len(rt.imports) > 0 || len(rt.loaders) > 0))
		rt.mainDone = err == nil && rt.esmMain == nil
		return rt.esmMainThrew(err)
	})
}

// esmMainThrew is err, what running the main module threw; when the main is an ES module, node's
// loader rejected its promise with it and raised that as an uncaught exception: the listeners
// are told it came from a rejection ('unhandledRejection').
func (rt *Runtime) esmMainThrew(err error) error {
	var ex *goja.Exception
	if rt.esmMain != nil && errors.As(err, &ex) {
		rt.fromPromise = true
	}
	return err
}

// esmRunMainArrow is node's excerpt for what the main ES module threw that has no place of its
// own (noPlaceOfItsOwn): its loader's rethrow (esm.js's runMainArrow).
const esmRunMainArrow = "node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\n"

// noPlaceOfItsOwn reports whether v, thrown, has no excerpt of its own in node: a primitive, or
// an object that is no native error (V8 decorates only those with their place).
func noPlaceOfItsOwn(v goja.Value) (none bool) {
	defer func() {
		if recover() != nil {
			none = true // (a revoked proxy)
		}
	}()
	o, ok := v.(*goja.Object)
	return !ok || o.ClassName() != "Error"
}

// mainIsESM reports whether the file at abs is an ES module by its name and package scope
// (.mjs/.mts, or "type": "module"), as the loader will load it.
func (rt *Runtime) mainIsESM(abs string) bool {
	g := rt.esmGraph()
	g.mu.Lock()
	defer g.mu.Unlock()
	_, ok := g.esmLoaderLocked(abs)
	return ok
}

// Aborted reports whether the program ended on an uncaught exception under
// --abort-on-uncaught-exception (node would abort the process; RunMain returned 134).
func (rt *Runtime) Aborted() bool { return rt.aborted.Load() }

// CheckSyntax parses the file at path as RunMain would run it (CommonJS or ES module) without
// running it, like `node --check`: a syntax error is reported on stderr with exit code 1.
func (rt *Runtime) CheckSyntax(ctx context.Context, path string) (int, error) {
	abs := rt.host.Abs(path)
	rt.host.Argv = append([]string{rt.opts.ExecPath, abs}, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		_, err := rt.callLoader("checkSyntax", rt.vm.ToValue(path))
		return err
	})
}

// CheckSyntaxStdin checks src, a program read from stdin, as `node --check` does (named [stdin];
// an ES module only when module is set, as by --input-type=module), without running it.
func (rt *Runtime) CheckSyntaxStdin(ctx context.Context, src string, module bool) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		_, err := rt.callLoader("checkSyntax", rt.vm.ToValue("[stdin]"), rt.vm.ToValue(src), rt.vm.ToValue(module))
		return err
	})
}

// RunScript runs src as the main script named name (CommonJS semantics: require, module,
// __filename resolve against the runtime's cwd), then the loop until it drains.
func (rt *Runtime) RunScript(ctx context.Context, name, src string) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		_, err := rt.callLoader("runSource", rt.vm.ToValue(name), rt.vm.ToValue(src))
		return err
	})
}

// runWorkerEval runs an eval worker's code as node's worker does: as -e code named
// [worker eval] (a script in the global scope, require and module globals, its errors' stacks
// decorated). Loop only (the worker's runtime).
func (rt *Runtime) runWorkerEval(ctx context.Context, src string) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	// code with module syntax (or top-level await) is an ES module, as node's detection finds it
	module := LooksLikeModule(src)
	return rt.run(ctx, func() error {
		rt.setProcessEval(src, false, false)
		if module {
			_, err := rt.callLoader("runEvalModule", rt.vm.ToValue(src), rt.vm.ToValue(false))
			return rt.esmMainThrew(err)
		}
		_, err := rt.callLoader("runEval", rt.vm.ToValue(src), rt.vm.ToValue(false), rt.vm.ToValue("[worker eval]"))
		return err
	})
}

// Eval runs src in the global scope like `node -e` (require and module available) and, with
// print, writes the completion value like `node -p`.
func (rt *Runtime) Eval(ctx context.Context, src string, print bool) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	rt.ExposeBuiltinGlobals()
	return rt.run(ctx, func() error {
		rt.setProcessEval(src, print, true)
		_, err := rt.callLoader("runEval", rt.vm.ToValue(src), rt.vm.ToValue(print))
		rt.evalThrow = err != nil
		return err
	})
}

// EvalAfter runs first, then src, each as Eval runs its program, in one run of the loop: node -i
// -e, whose REPL starts before the -e code runs (first starts it). With print, src's completion
// value is printed. Not concurrently with another Run method.
func (rt *Runtime) EvalAfter(ctx context.Context, first, src string, print bool) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	rt.ExposeBuiltinGlobals()
	return rt.run(ctx, func() error {
		rt.setProcessEval(src, print, true)
		if _, err := rt.callLoader("runEval", rt.vm.ToValue(first), rt.vm.ToValue(false)); err != nil {
			return err
		}
		_, err := rt.callLoader("runEval", rt.vm.ToValue(src), rt.vm.ToValue(print))
		rt.evalThrow = err != nil
		return err
	})
}

// EvalStdin runs src, a program read from stdin, as node runs one: a script named [stdin] in
// the global scope (its vars become globals, require.main is undefined), without -e's built-in
// module globals. With dash (the program was named "-"), process.argv[1] is "-". With print
// (node -p and no code after it), the program's completion value is printed, as -p does.
func (rt *Runtime) EvalStdin(ctx context.Context, src string, dash, print bool) (int, error) {
	argv := []string{rt.opts.ExecPath}
	if dash {
		argv = append(argv, "-")
	}
	rt.host.Argv = append(argv, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		rt.setProcessEval(src, print, false)
		_, err := rt.callLoader("runEval", rt.vm.ToValue(src), rt.vm.ToValue(print), rt.vm.ToValue("[stdin]"))
		rt.evalThrow = err != nil
		return err
	})
}

// setProcessEval sets process._eval, the program text node keeps there for -e, -p and a program
// read from stdin, and with print (-p) process._print_eval, true (both read-only, enumerable,
// configurable), in node's place among process's keys: code from the command line (inline)
// before _preload_modules, a program from stdin last. Loop only.
func (rt *Runtime) setProcessEval(src string, print, inline bool) {
	_ = rt.callHook("setEval", rt.vm.ToValue(src), rt.vm.ToValue(print), rt.vm.ToValue(inline))
}

func (rt *Runtime) run(ctx context.Context, main func() error) (int, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	rt.runMu.Lock()
	defer rt.runMu.Unlock()
	if rt.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, rt.opts.Timeout,
			fmt.Errorf("%w after %v", ErrTimeout, rt.opts.Timeout))
		defer cancel()
	}
	if rt.opts.MemoryLimit > 0 {
		defer rt.watchMemory(rt.opts.MemoryLimit)()
	}
	code, err := rt.runLoop(ctx, main)
	if err == nil && rt.fatalErr != nil {
		err = rt.fatalErr
	}
	rt.writeV8Coverage()
	return code, err
}

// writeV8Coverage writes the run's coverage to the directory NODE_V8_COVERAGE names, as node
// does as a process (or a worker) exits; the hooks' internal thread writes none.
func (rt *Runtime) writeV8Coverage() {
	// (the directory as the process started with: as node reads it at startup, a program's
	// own process.env.NODE_V8_COVERAGE is its children's)
	dir := rt.opts.Env[coverage.EnvVar]
	if dir == "" {
		return
	}
	thread := 0
	if w := rt.host.Worker; w != nil {
		if w.Internal {
			return
		}
		thread = w.ThreadID
	}
	_ = coverage.WriteV8(rt.host, dir, os.Getpid(), thread, time.Now())
}

func (rt *Runtime) runLoop(ctx context.Context, main func() error) (int, error) {
	rt.exitEmitted = false // (an embedder may run the runtime again)
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { rt.loop.Stop(context.Cause(ctx)) })
		defer stop()
	}
	rt.loop.UpdateNow()
	rt.loop.RunTask(func() error {
		if rt.worker == nil && !rt.permissionWarned && rt.flag("--experimental-permission") {
			// node's pre-execution warns of the permission model before anything runs
			rt.permissionWarned = true
			if pr, ok := rt.vm.Get("process").(*goja.Object); ok {
				if emit, ok := goja.AssertFunction(pr.Get("emitWarning")); ok {
					if _, err := emit(pr, rt.vm.ToValue("Permission is an experimental feature and might change at any time"), rt.vm.ToValue("ExperimentalWarning")); err != nil {
						return err
					}
				}
			}
		}
		if rt.inWorker() && !rt.worker.processReady {
			rt.worker.processReady = true
			if err := rt.callHook("workerProcess"); err != nil {
				return err
			}
		}
		if len(rt.preload) > 0 {
			if _, err := rt.callLoader("preload", rt.vm.ToValue(rt.preload)); err != nil {
				return err
			}
		}
		if len(rt.loaders) > 0 {
			// node warns of --loader once its hooks are registered, and the warning is out (its
			// tick run) before the main module runs, which node's hooks reach asynchronously
			if _, err := rt.callLoader("registerLoaders", rt.vm.ToValue(rt.loaders)); err != nil {
				return err
			}
			rt.loop.SetImmediate(func() error { return rt.runImportsAndMain(main) })
			return nil
		}
		if len(rt.preload) > 0 && len(rt.imports) == 0 && rt.mainFile != "" && rt.mainIsESM(rt.mainFile) {
			// node's loader reaches an ES module main through file I/O: the ticks, promise jobs
			// and immediates the -r modules queued run before its body
			rt.loop.SetImmediate(main)
			return nil
		}
		return rt.runImportsAndMain(main)
	})
	for {
		code, err := rt.loop.Run(ctx)
		if err != nil {
			return 1, err
		}
		if rt.loop.Exiting() {
			return code, nil
		}
		// The loop drained: beforeExit may schedule more work.
		rt.loop.RunTask(func() error { return rt.callHook("beforeExit") })
		if rt.loop.Exiting() {
			return rt.loop.ExitCode(), nil
		}
		if rt.loop.Alive() {
			continue
		}
		// 'exit' listeners run as one callback whose nextTicks are dropped, as in Node; a
		// promise one of them rejects unhandled is reported after them, as node's
		// processTicksAndRejections does (its fatal report does not emit 'exit' again).
		rt.exitEmitted = true
		rt.loop.RunTask(func() error { return rt.callHook("exit") })
		if rt.loop.Exiting() {
			// process.exit() from an 'exit' listener, or the fatal report's exit: its code is
			// the process's.
			rt.vm.ClearInterrupt()
			return rt.loop.ExitCode(), nil
		}
		return rt.exitCode()
	}
}

// runImportsAndMain runs the --import modules, then main (on the loop).
func (rt *Runtime) runImportsAndMain(main func() error) error {
	if len(rt.imports) > 0 {
		// The main script runs once the --import modules have finished evaluating.
		// An ES module main runs as a callback of its own after those of the current turn (an
		// immediate), as node's loader reaches it through file I/O: the ticks and immediates
		// the --import modules queued run first. A CommonJS one runs at once, as in node.
		runMain := func(goja.FunctionCall) goja.Value {
			// (with --loader hooks, node's loader reaches a CommonJS main asynchronously too)
			if rt.mainFile != "" && (rt.mainIsESM(rt.mainFile) || len(rt.loaders) > 0) {
				rt.loop.SetImmediate(main)
			} else if err := main(); err != nil {
				rt.onUncaught(err)
			}
			return goja.Undefined()
		}
		_, err := rt.callLoader("preloadImports", rt.vm.ToValue(rt.imports), rt.vm.ToValue(runMain))
		return err
	}
	return main()
}

// exitCode reads process.exitCode (0 when unset). Its getter is JS run outside any callback:
// an interrupt that lands there (a worker's terminate() racing its natural end) is the run's
// error, as anywhere else, not a panic out of the run.
func (rt *Runtime) exitCode() (code int, err error) {
	defer func() {
		if r := recover(); r != nil {
			ie, ok := r.(*goja.InterruptedError)
			if !ok {
				panic(r)
			}
			code, err = 1, ie
			if e, ok := ie.Value().(error); ok {
				err = e
			}
		}
	}()
	v := rt.process.Get("exitCode")
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0, nil
	}
	return int(v.ToInteger()), nil
}

func (rt *Runtime) callHook(name string, args ...goja.Value) error {
	v := rt.procHook.Get(name)
	if v == nil {
		// the fatal and rejection paths are made on their first use (bootstrap.js's cold())
		if cold, ok := goja.AssertFunction(rt.procHook.Get("cold")); ok {
			if c, err := cold(goja.Undefined()); err == nil {
				v = c.ToObject(rt.vm).Get(name)
			} else {
				return err
			}
		}
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return fmt.Errorf("gojs: process hook %s missing", name)
	}
	_, err := fn(goja.Undefined(), args...)
	return err
}

func (rt *Runtime) callLoader(name string, args ...goja.Value) (goja.Value, error) {
	v := rt.loader.Get(name)
	if v == nil {
		// the entry points a plain run never needs are made with the loader's cold part
		cold, _ := goja.AssertFunction(rt.loader.Get("cold"))
		c, err := cold(goja.Undefined())
		if err != nil {
			return nil, err
		}
		v = c.(*goja.Object).Get(name)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("gojs: loader function %s missing", name)
	}
	return fn(goja.Undefined(), args...)
}

// onUncaught handles an error that escaped a callback.
func (rt *Runtime) onUncaught(err error) {
	var val goja.Value
	var ex *goja.Exception
	var ie *goja.InterruptedError
	if errors.As(err, &ie) && (rt.loop.Exiting() || rt.loop.Stopped()) {
		// process.exit() from a hook called outside the loop's callbacks (an 'exit' listener)
		rt.vm.ClearInterrupt()
		return
	}
	switch {
	case errors.As(err, &ex):
		val = ex.Value()
		frames := rt.belowErrorCtors(val, ex.Stack())
		rt.staleFrames = rt.madeInEndedMain(frames)
		rt.throwArrow = rt.arrowFromFrames(frames, val)
		if rt.throwArrow == "" && rt.fromPromise && rt.esmMain != nil && noPlaceOfItsOwn(val) && rt.arrowFor(val) == "" {
			// what the main ES module threw that is no error has no excerpt of its own: node's
			// is its loader's rethrow
			rt.throwArrow = esmRunMainArrow
		}
		rethrowFrames := frames
		if o, ok := val.(*goja.Object); ok && o == rt.glueThrown {
			rethrowFrames = rt.glueThrowFrames
			rt.staleFrames = false // (the frames of its throw: the way it went out)
		}
		rt.glueThrown, rt.glueThrowFrames = nil, nil
		rt.userRethrow = rt.userRethrowArrow(val, rethrowFrames)
		rt.staleFrames = false
		rt.throwTrace = rt.thrownAt(val, ex.Stack())
		if o, ok := val.(*goja.Object); ok {
			func() {
				// (reading the stack runs Error.prepareStackTrace, which may throw: node then
				// prints the error plainly, as printFatal does when it cannot inspect it)
				defer func() { _ = recover() }()
				rt.engineErrorStack(o)
			}()
		}
	default:
		var so *goja.StackOverflowError
		if errors.As(err, &so) {
			// printed as node prints it: the source line with the arrow, then the stack of
			// the recursion
			val = (*overflowMaker)(rt).StackOverflowError(so)
			rt.throwArrow = rt.arrowFromFrames(so.Stack(), nil)
		} else {
			val = rt.host.ToJS(err)
		}
	}
	rt.fatal(val)
}

// fatal hands an uncaught exception value to process (uncaughtException listeners, or print and
// exit 1).
func (rt *Runtime) fatal(val goja.Value) {
	defer func() {
		rt.throwArrow, rt.throwTrace, rt.evalThrow, rt.userRethrow, rt.fromPromise = "", "", false, "", false
	}()
	if rt.procHook == nil {
		fmt.Fprintln(rt.opts.Stderr, val)
		rt.loop.Exit(1)
		return
	}
	args := []goja.Value{val, rt.vm.ToValue("uncaughtException")}
	if rt.fromPromise {
		args = append(args, rt.vm.ToValue("unhandledRejection"))
	}
	if herr := rt.callHook("fatalException", args...); herr != nil {
		var ie *goja.InterruptedError
		if errors.As(herr, &ie) {
			return
		}
		rt.fatalListenerThrew(herr)
	}
}

// fatalListenerThrew ends the process for herr, what the handling of an uncaught error threw (a
// listener's throw): node prints that error as a fatal one (source arrow, stack) and exits with
// 7, without an 'exit' event.
func (rt *Runtime) fatalListenerThrew(herr error) {
	rt.listenerThrew = false
	var ex *goja.Exception
	if !errors.As(herr, &ex) {
		fmt.Fprintln(rt.opts.Stderr, herr)
		rt.loop.Exit(7)
		return
	}
	if rt.inWorker() {
		// in a worker the parent's Worker gets that error ('error' event) and the exit code is
		// 1, as in node
		rt.workerFatal(ex.Value())
		rt.loop.Exit(1)
		return
	}
	rt.throwArrow = rt.arrowFromFrames(rt.belowErrorCtors(ex.Value(), ex.Stack()), ex.Value())
	// (the handler's throw is the last: a catch of the program's that threw the error before it
	// was let go no longer tells the place)
	rt.userRethrow = rt.throwArrow
	if perr := rt.callHook("printFatal", ex.Value(), rt.vm.ToValue("uncaughtException")); perr != nil {
		fmt.Fprintln(rt.opts.Stderr, herr)
	}
	rt.loop.Exit(7)
}

// overflowMaker is the runtime as the modules' Host.Overflow.
type overflowMaker Runtime

// StackOverflowError is the RangeError of a stack overflow whose stack is the recursion's: the
// frames goja captured when it refused the next call, kept as the error's own (a throw of it, an
// uncaught one's arrow, point there, not at the Go frame that stopped the overflow), and shown by
// its stack property. It calls no JS (the VM may be near its depth limit). Loop only.
func (m *overflowMaker) StackOverflowError(so *goja.StackOverflowError) goja.Value {
	return m.overflowWithFrames(so.Stack())
}

// overflowWithFrames is StackOverflowError for the recursion's frames (innermost first).
func (m *overflowMaker) overflowWithFrames(frames []goja.StackFrame) goja.Value {
	return m.overflowError(frames, nil)
}

// overflowError is overflowWithFrames; inner, when not nil, makes the stack's receiver names
// (K.m) from the live call stack: frames are its innermost ones but the first (the Go frame
// that throws).
func (m *overflowMaker) overflowError(frames []goja.StackFrame, inner []goja.StackFrame) goja.Value {
	rt := (*Runtime)(m)
	val := rt.stackOverflowError()
	if rt.stacks != nil {
		// goja captured every frame (thousands); the error keeps the Error.stackTraceLimit
		// that V8 would capture (at least one: an uncaught one's arrow), not the whole
		// recursion, now that a program may catch many
		if n := max(rt.stacks.limit(), 1); n < len(frames) {
			frames = append([]goja.StackFrame(nil), frames[:n]...)
		}
	}
	if o, ok := val.(*goja.Object); ok && len(frames) > 0 {
		setGojaErrorFrames(o, frames)
		if rt.stacks != nil && inner != nil {
			rt.stacks.setInnerStackFrames(o, frames, inner)
		} else if rt.stacks != nil {
			rt.stacks.setStackFrames(o, frames, 0)
		}
	}
	return val
}

// thrownAt is, under --trace-uncaught, the stack lines of the place v (no error: an error's own
// stack tells) was thrown from, as the error's stack would list them; otherwise "".
func (rt *Runtime) thrownAt(v goja.Value, frames []goja.StackFrame) string {
	if rt.stacks == nil || len(frames) == 0 || !rt.flag("--trace-uncaught") {
		return ""
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Error" {
		return ""
	}
	if n := max(rt.stacks.limit(), 1); n < len(frames) {
		frames = frames[:n]
	}
	holder := rt.vm.NewObject()
	rt.stacks.setStackFrames(holder, frames, 0)
	st := holder.Get("stack")
	if st == nil || goja.IsUndefined(st) {
		return ""
	}
	_, lines, _ := strings.Cut(st.String(), "\n")
	return lines
}

func (rt *Runtime) stackOverflowError() goja.Value {
	o, err := rt.vm.New(rt.vm.Get("RangeError"), rt.vm.ToValue("Maximum call stack size exceeded"))
	if err != nil {
		return rt.vm.ToValue("RangeError: Maximum call stack size exceeded")
	}
	return o
}

// onRejections reports unhandled rejections to the process glue.
func (rt *Runtime) onRejections(unhandled, late []*goja.Promise) {
	if rt.procHook == nil {
		return
	}
	for _, p := range late {
		if err := rt.callHook("rejectionHandled", rt.vm.ToValue(p)); err != nil {
			rt.onUncaught(err)
		}
	}
	for _, p := range unhandled {
		if rt.loop.Exiting() {
			return
		}
		rt.loop.MarkReported(p)
		// as node's processPromiseRejections: in the promise's async context, the error a
		// 'throw' mode makes of it too
		rt.loop.SetAsyncContext(rt.loop.RejectionContext(p))
		rt.listenerThrew = false
		if err := rt.callHook("unhandledRejection", p.Result(), rt.vm.ToValue(p)); err != nil {
			var ie *goja.InterruptedError
			if rt.listenerThrew && !errors.As(err, &ie) {
				// (the rejection was raised as an uncaught exception, and a listener threw)
				rt.fatalListenerThrew(err)
				rt.throwArrow, rt.throwTrace, rt.evalThrow, rt.userRethrow, rt.fromPromise = "", "", false, "", false
			} else {
				rt.onUncaught(err)
			}
		}
		rt.loop.SetAsyncContext(nil)
	}
}

// isTerminal reports whether w is a terminal. Only *os.File writers can be.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// absPath makes p absolute against the runtime's cwd.
func (rt *Runtime) absPath(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(rt.host.Cwd(), p)
}
