package modules

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/gojs-dev/gojs/eventloop"
)

// Permission scopes, as Node's permission model names them (plus net and env, which are ours).
const (
	ScopeFSRead       = "fs.read"
	ScopeFSWrite      = "fs.write"
	ScopeChildProcess = "child"
	ScopeWorker       = "worker"
	ScopeNet          = "net"
	ScopeEnv          = "env"
)

// Permissions decides whether a runtime may touch a resource. Resource is an absolute, cleaned
// path for the fs scopes, "host:port" for net, a variable name for env, and "" for the others.
// Implementations must be safe to call from any goroutine.
type Permissions interface {
	Allowed(scope, resource string) bool
}

// OverflowMaker makes the RangeError('Maximum call stack size exceeded') node throws for a stack
// overflow, with the frames of the recursion goja captured when it refused the next call
// (Host.Overflow). It must not call JS.
type OverflowMaker interface {
	StackOverflowError(so *goja.StackOverflowError) goja.Value
}

// SourceNoter is told the text of scripts before they run (Host.Sources).
type SourceNoter interface {
	NoteSource(src string)
	// NoteCode says that code runs with its positions read as those of filename: its line
	// first as filename's line lineOffset (columnOffset added on that line), the next ones on
	// from there (vm's scripts and functions), so that a stack frame's place can be read back
	// in code.
	NoteCode(filename, code string, lineOffset, columnOffset, first int)
}

// Host is what a runtime gives its built-in modules. One Host per runtime; it lives as long as the
// runtime. Fields are set by the runtime before any module binds and are read-only afterwards.
// Methods are loop only unless they say otherwise.
type Host struct {
	VM   *goja.Runtime
	Loop *eventloop.Loop

	// AddNodeFrame, set by the runtime, puts node's frame of fn (at file:line:col, called on this)
	// at the top of the stack err will show: err is an error a Go function made, which goja's
	// stack has no frame of, where node's begins with its JS function's. Loop only.
	AddNodeFrame func(err goja.Value, fn string, this goja.Value, file string, line, col int)

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// ProcessStdio is where a worker thread's writes to descriptors 1 and 2 go (the process's
	// own stdout and stderr, safe from any goroutine); nil: Stdout and Stderr.
	ProcessStdio [2]io.Writer

	// Argv is process.argv; ExecArgv is process.execArgv; ExecPath is process.execPath.
	Argv     []string
	ExecArgv []string
	ExecPath string
	// NodeOptions are Node options in effect that are not in ExecArgv (as NODE_OPTIONS are
	// not). Read them, and ExecArgv's, with Flag.
	NodeOptions []string

	// Env is the runtime's environment (process.env). Loop only.
	Env map[string]string

	// Perms is nil when everything is allowed.
	Perms Permissions

	// Ctx ends when the runtime closes. Safe from any goroutine.
	Ctx context.Context

	// Eval is the engine's own eval when --disallow-code-generation-from-strings replaced the
	// global one (nil otherwise): vm contexts, which node does not restrict, evaluate with it.
	Eval goja.Value

	// RequireFn loads a built-in by name (internal ones included). Set by the runtime.
	RequireFn func(name string) (goja.Value, error)

	// Overflow, when set (by the runtime), makes the RangeError a stack overflow becomes where
	// a Go frame stops it (see ToJS); nil gives a plain one. Loop only.
	Overflow OverflowMaker

	// Sources, when set (by the runtime), is told the text of a script before it is compiled
	// and run (vm's and the REPL's), for the fixes of goja's built-ins the text may need. Loop only.
	Sources SourceNoter

	// NewWorker starts a worker runtime on its own goroutine (worker_threads). Set by the
	// runtime; nil when workers are unavailable. Loop only.
	NewWorker func(opts WorkerOptions) (WorkerHandle, error)

	// Worker is set in a worker's runtime; nil in the main thread.
	Worker *WorkerInfo

	// MaxAsync bounds the asynchronous operations running at once (0: 128).
	MaxAsync int

	// CacheDir, if set, is a directory where built-ins may keep what they compile between
	// processes (wasm keeps compiled modules in its "wasm" folder). Set by the runtime.
	CacheDir string

	// KeepChildren leaves the child processes running when the runtime closes, as node's exit
	// does (the CLI); otherwise a closing runtime kills the children it spawned, detached ones
	// excepted.
	KeepChildren bool

	// EngineErrorStack gives an error the engine raised itself (whose stack is still goja's
	// "\tat f (file:1:2(3))" text) node's stack property, formatted from the frames the engine
	// captured; it reports whether it did. Set by the runtime; may be nil. Loop only.
	EngineErrorStack func(err *goja.Object) bool

	// FormStackOnRead gives err, whose stack is still unformatted, form: the stack, when
	// formatted, is form(stack). It reports false (doing nothing) when err's stack is no such
	// one. Set by the runtime; may be nil. Loop only.
	FormStackOnRead func(err *goja.Object, form goja.Callable) bool

	// RawGOPD is Object.getOwnPropertyDescriptor as the engine has it, which shows an
	// unformatted stack as the accessor it is (the global one formats it first: V8's is a data
	// property). Set by the runtime; may be nil.
	RawGOPD goja.Value

	// CallbackTrampoline is on while node would call the callbacks it makes from its native
	// side (immediates, fs requests, 'exit') through async_hooks' callbackTrampoline, which
	// then shows as a frame below them: an async hook with before or after callbacks, or any
	// hook (an AsyncLocalStorage's) once executionAsyncResource has been used. Set by
	// async_hooks. Loop only.
	CallbackTrampoline bool

	// StackUnread reports whether v is an error whose stack nothing has read yet (V8 formats a
	// stack on first read: the REPL trims its frames only then). Set by the runtime; may be nil.
	// Loop only.
	StackUnread func(v goja.Value) bool

	// DecorateThrown gives the native error a vm script's run threw (err, a *goja.Exception)
	// node's decorated stack: the excerpt of the place it was thrown at, found as an uncaught
	// error's is (node's own throw sites included), a blank line, then the stack. It reports
	// whether it did. Set by the runtime; may be nil. Loop only.
	DecorateThrown func(err error) bool

	// DynamicImports rewrites script source whose dynamic import() calls the engine cannot
	// compile: the `import` keyword of each call becomes name (as long as "import", in UTF-16
	// units, to keep every position). ok is false when src has no such call or does not lex.
	// Set by the runtime; may be nil. Safe from any goroutine.
	DynamicImports func(src, name string) (out string, ok bool)

	// RegexpSource is src with the regular expression literals the engine would get wrong
	// (Unicode property escapes, the m flag's anchors) rewritten in its text, for source the
	// engine compiles itself (eval of a context's code); RegexpProgram rewrites them in a parsed
	// program of src, as the loader does before compiling. Set by the runtime; may be nil.
	// Safe from any goroutine.
	RegexpSource  func(src string) string
	RegexpProgram func(prg *ast.Program, src string)

	// Pow is V8's Math.pow (fdlibm's), which modules.FixExponentLiterals folds ** with, for
	// source compiled outside the loader (a vm script). Set by the runtime; may be nil. Safe
	// from any goroutine.
	Pow func(x, y float64) float64

	// BlockFunctions gives a parsed sloppy-mode program of src the var bindings of functions
	// declared in blocks (ECMAScript Annex B.3.3), which the engine leaves out, as the loader
	// does before compiling. Set by the runtime; may be nil. Safe from any goroutine.
	BlockFunctions func(prg *ast.Program, src string)

	// GuardRecursion guards the recursion of a parsed script (GuardRecursionScript), as the
	// loader does before compiling, and declares the names its checks use. Set by the runtime;
	// may be nil. Loop only.
	GuardRecursion func(prg *ast.Program)

	// ImportFrom returns import() as the code of file (an absolute path or file: URL; anything
	// else means the working directory) calls it: a function of the specifier returning a
	// promise of the module namespace. Set by the runtime; may be nil. Loop only.
	ImportFrom func(file string) (goja.Value, error)

	// LazyConstants makes an extensible null-prototype object with names[i] = values[i]
	// (primitives), each enumerable, read-only and non-configurable, as defining them would,
	// but made on first use (a module's constants object that few programs read: fs.constants).
	// key names the set, the same names and values each time. It returns nil when it cannot
	// (the caller defines them). Set by the runtime; may be nil. Loop only.
	LazyConstants func(key string, names []string, values []goja.Value) *goja.Object

	// Loaded reports whether the built-in name (internal ones included) has loaded in this
	// runtime, without loading it: a glue that reads another's state as it loads can take it
	// only if it is there (zlib reads buffer's kMaxLength). Set by the runtime; may be nil.
	// Loop only.
	Loaded func(name string) bool

	// HiddenCheckError reports whether err, a node error just made (its code and message set),
	// was made by one of the argument checks node wraps in hideStackFrames, whose errors are of
	// the code's HideStackFramesError class. Set by the runtime; may be nil. Loop only.
	HiddenCheckError func(err *goja.Object) bool

	// SetArrowMessage gives err the source excerpt it prints when uncaught, kept where the
	// program cannot see it (node's setArrowMessage). Set by the runtime; may be nil. Loop only.
	SetArrowMessage func(err *goja.Object, arrow string)
	// PutArrowMessage is SetArrowMessage for an error glue hands on rather than throws at once;
	// ArrowMessage is the excerpt glue gave err (either, or an own Symbol.for('gojs.arrowMessage')
	// property), ok false when none. Set by the runtime; may be nil. Loop only.
	PutArrowMessage func(err *goja.Object, arrow string)
	ArrowMessage    func(err *goja.Object) (string, bool)

	cwdMu sync.RWMutex
	cwd   string

	state     map[any]any
	semOnce   sync.Once
	sem       chan struct{}
	errs      *goja.Object
	protos    map[errProtoKey]*goja.Object // NodeErrorProto's, by base constructor and code
	protoMk   goja.Callable                // the factory NodeErrorProto's prototypes come from
	hidden    map[errProtoKey]*goja.Object // hiddenErrorProto's, by base constructor and code
	hiddenMk  goja.Callable                // the factory hiddenErrorProto's prototypes come from
	toNodeErr goja.Value                   // ToNodeError as a JS function (for makeError's program)

	sourceMaps int8 // 0 unread, 1 on, -1 off (SourceMapsEnabled)
}

// SetCwd sets the working directory the runtime starts in. Runtime use.
func (h *Host) SetCwd(dir string) {
	h.cwdMu.Lock()
	h.cwd = filepath.Clean(dir)
	h.cwdMu.Unlock()
}

// Cwd returns the runtime's working directory. Safe from any goroutine.
func (h *Host) Cwd() string {
	h.cwdMu.RLock()
	defer h.cwdMu.RUnlock()
	return h.cwd
}

// Abs resolves p against the runtime's working directory. Safe from any goroutine.
func (h *Host) Abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(h.Cwd(), p)
}

// Require loads a built-in module by name and returns its exports.
func (h *Host) Require(name string) goja.Value {
	v, err := h.RequireFn(name)
	if err != nil {
		panic(h.ToJS(err))
	}
	return v
}

// State returns the per-runtime value stored under key, creating it with mk on first use.
// Modules keep their per-runtime state here (use an unexported key type).
func (h *Host) State(key any, mk func() any) any {
	if h.state == nil {
		h.state = make(map[any]any)
	}
	v, ok := h.state[key]
	if !ok {
		v = mk()
		h.state[key] = v
	}
	return v
}

// globalViewsKey keys NoteGlobalView's set in the host's state.
type globalViewsKey struct{}

// NoteGlobalView records o as standing for a global object: a vm context's scope object, which
// its scripts' plain calls of the context's functions get as their receiver. V8 names a frame
// called on a global object after the function alone ("at f", not "at Proxy.f"), and the stack
// API does the same for these. The set holds o weakly. Loop only.
func (h *Host) NoteGlobalView(o *goja.Object) {
	set := h.State(globalViewsKey{}, func() any { return map[weak.Pointer[goja.Object]]struct{}{} }).(map[weak.Pointer[goja.Object]]struct{})
	if n := len(set); n >= 64 && n&(n-1) == 0 {
		// (at each doubling, the entries of the contexts collected since go)
		for p := range set {
			if p.Value() == nil {
				delete(set, p)
			}
		}
	}
	set[weak.Make(o)] = struct{}{}
}

// IsGlobalView reports whether NoteGlobalView recorded o. Loop only.
func (h *Host) IsGlobalView(o *goja.Object) bool {
	if h.state == nil || o == nil {
		return false
	}
	set, _ := h.state[globalViewsKey{}].(map[weak.Pointer[goja.Object]]struct{})
	if set == nil {
		return false
	}
	_, ok := set[weak.Make(o)]
	return ok
}

// Allowed reports whether the runtime may access resource in scope. Safe from any goroutine.
func (h *Host) Allowed(scope, resource string) bool {
	return h.Perms == nil || h.Perms.Allowed(scope, resource)
}

// Check returns ERR_ACCESS_DENIED if the runtime may not access resource in scope, as Node's
// permission model does. Safe from any goroutine.
func (h *Host) Check(scope, resource string) error {
	if h.Allowed(scope, resource) {
		return nil
	}
	permission := map[string]string{
		ScopeFSRead: "FileSystemRead", ScopeFSWrite: "FileSystemWrite",
		ScopeChildProcess: "ChildProcess", ScopeWorker: "WorkerThreads",
		ScopeNet: "Net", ScopeEnv: "Environment",
	}[scope]
	// (thrown by node's C++ layer: no "[ERR_ACCESS_DENIED]" in its name or stack)
	e := NativeError("Error", "ERR_ACCESS_DENIED", "Access to this API has been restricted")
	// (resource is '' for a child process or a worker, as node gives it)
	e.Props = append(e.Props, Prop{"permission", permission}, Prop{"resource", resource})
	return e
}

// CheckPath is Check for an fs scope with a path resolved against the runtime's cwd.
func (h *Host) CheckPath(scope, p string) error {
	if h.Perms == nil {
		return nil
	}
	return h.Check(scope, h.Abs(p))
}

func (h *Host) acquire() {
	h.semOnce.Do(func() {
		n := h.MaxAsync
		if n <= 0 {
			n = 128
		}
		h.sem = make(chan struct{}, n)
	})
	h.sem <- struct{}{}
}

func (h *Host) release() { <-h.sem }

// Go runs work on a goroutine (at most MaxAsync at once) while holding a loop reservation, then
// runs done with its result on the loop. done's error goes to the uncaught-exception path. Loop only.
func Go[T any](h *Host, work func() (T, error), done func(T, error) error) {
	GoKind(h, eventloop.ReqNone, work, done)
}

// GoKind is Go for a request node names (eventloop.ReqGetAddrInfo for dns.lookup...): the loop
// reports it among its active requests (process.getActiveResourcesInfo()) until done runs, and
// async hooks see it as that kind of resource. Loop only.
func GoKind[T any](h *Host, kind eventloop.ReqKind, work func() (T, error), done func(T, error) error) {
	GoKindPending(h, kind, work, done)
}

// GoKindPending is GoKind that returns the reservation, for work that may be ended on the loop
// before its result (eventloop.Pending.Take). Loop only.
func GoKindPending[T any](h *Host, kind eventloop.ReqKind, work func() (T, error), done func(T, error) error) *eventloop.Pending {
	p := h.Loop.ReserveKind(kind)
	goWith(h, p, work, done)
	return p
}

// GoIn is Go for work whose done runs in the execution of r, a resource that outlives it (a
// zlib handle's write). Loop only.
func GoIn[T any](h *Host, r eventloop.AsyncReq, work func() (T, error), done func(T, error) error) {
	goWith(h, h.Loop.ReserveIn(r), work, done)
}

// GoInAfter is GoIn for work node does in several requests, each completing in its own turn
// (a zlib convenience call's writes): done runs in the turns(result)-th I/O phase from the one
// the work's completion arrives in (eventloop.Pending.DoneAfter). Loop only.
func GoInAfter[T any](h *Host, r eventloop.AsyncReq, work func() (T, error), turns func(T, error) int, done func(T, error) error) {
	p := h.Loop.ReserveIn(r)
	go func() {
		h.acquire()
		v, err := work()
		h.release()
		p.DoneAfter(turns(v, err), func() error { return done(v, err) })
	}()
}

func goWith[T any](h *Host, p *eventloop.Pending, work func() (T, error), done func(T, error) error) {
	go func() {
		h.acquire()
		v, err := work()
		h.release()
		p.Done(func() error { return done(v, err) })
	}()
}

// GoAsync is Go for work node runs as an async resource of type typ that is no request wrap
// (a crypto job): async hooks see it as a resource of that type, whose object has the class
// name class ("PBKDF2Job"). Loop only.
func GoAsync[T any](h *Host, typ, class string, work func() (T, error), done func(T, error) error) {
	var res any
	if class != "" {
		res = class
	}
	GoAsyncOf(h, typ, res, work, done)
}

// GoAsyncOf is GoAsync for a resource given as Eventloop.ReserveAsync takes it: an object of
// the glue's (a crypto job object, which async hooks then see), or a class name. Loop only.
func GoAsyncOf[T any](h *Host, typ string, res any, work func() (T, error), done func(T, error) error) {
	goWith(h, h.Loop.ReserveAsync(typ, res), work, done)
}

// Promise runs work like Go and returns a promise settled on the loop with conv(result), or
// rejected with the work's error converted by ToJS. Loop only.
func Promise[T any](h *Host, work func() (T, error), conv func(T) goja.Value) goja.Value {
	p, resolve, reject := h.VM.NewPromise()
	Go(h, work, func(v T, err error) error {
		if err != nil {
			return reject(h.ToJS(err))
		}
		if conv == nil {
			return resolve(goja.Undefined())
		}
		return resolve(conv(v))
	})
	return h.VM.ToValue(p)
}

// nodeOptions lists the Node options in effect, NodeOptions then ExecArgv, as name/value pairs
// with underscores in names read as dashes (node takes --expose_gc for --expose-gc). An option
// without "=value" has the value "", or, for those of separateValueOption, the next argument.
// Only "--name" options (and -C, read as --conditions) count: the values of -e, -r and the like
// are separate arguments and are not options.
func (h *Host) nodeOptions() [][2]string {
	var out [][2]string
	for _, list := range [][]string{h.NodeOptions, h.ExecArgv} {
		skip := false
		for i, a := range list {
			if skip {
				skip = false
				continue
			}
			switch a {
			case "-e", "--eval", "-p", "--print", "-pe", "-r", "--require", "--import":
				skip = true // their value is the next argument, whatever it looks like
				continue
			}
			if a == "-C" {
				a = "--conditions" // node's short form (its value is the next argument)
			}
			if !strings.HasPrefix(a, "--") || a == "--" {
				continue
			}
			name, val, hasVal := strings.Cut(a, "=")
			name = strings.ReplaceAll(name, "_", "-")
			if !hasVal && separateValueOption[name] && i+1 < len(list) {
				val, skip = list[i+1], true // --title abc
			}
			out = append(out, [2]string{name, val})
		}
	}
	return out
}

// separateValueOption lists the options whose value may be given as the next argument, of those
// modules read through Flags and FlagValues.
var separateValueOption = map[string]bool{
	"--title": true, "--conditions": true, "--disable-warning": true, "--dns-result-order": true,
	"--unhandled-rejections": true, "--max-http-header-size": true, "--redirect-warnings": true,
	"--tls-cipher-list": true, "--tls-keylog": true, "--network-family-autoselection-attempt-timeout": true,
	"--disable-proto": true, "--experimental-default-type": true, "--report-dir": true,
	"--report-directory": true, "--report-filename": true, "--report-signal": true,
}

// SourceMapsEnabled reports whether stack traces are source-mapped: --enable-source-maps, or
// what process.setSourceMapsEnabled last set. Loop only.
func (h *Host) SourceMapsEnabled() bool {
	if h.sourceMaps == 0 {
		h.sourceMaps = -1
		if _, ok := h.Flags()["--enable-source-maps"]; ok {
			h.sourceMaps = 1
		}
	}
	return h.sourceMaps > 0
}

// SetSourceMapsEnabled is process.setSourceMapsEnabled. Loop only.
func (h *Host) SetSourceMapsEnabled(on bool) {
	h.sourceMaps = -1
	if on {
		h.sourceMaps = 1
	}
}

// Flags returns the Node options in effect by name (see nodeOptions); a later option wins, also
// over its negation: "--no-warnings --warnings" leaves --warnings in effect and no --no-warnings.
func (h *Host) Flags() map[string]string {
	flags := map[string]string{}
	opts := h.nodeOptions()
	for i, o := range opts {
		if !cancelledLater(opts[i+1:], o[0]) {
			flags[o[0]] = o[1]
		}
	}
	return flags
}

// cancelledLater reports whether a later option is the negation of name (--warnings after
// --no-warnings, or the reverse). It compares substrings: no allocation per runtime.
func cancelledLater(later [][2]string, name string) bool {
	base, neg := strings.CutPrefix(name, "--no-")
	if !neg {
		base = name[2:]
	}
	for _, l := range later {
		lb, lneg := strings.CutPrefix(l[0], "--no-")
		if !lneg {
			lb = l[0][2:]
		}
		if lneg != neg && lb == base {
			return true
		}
	}
	return false
}

// FlagValues returns every value given to a repeatable option such as --disable-warning.
func (h *Host) FlagValues(name string) []string {
	var vals []string
	for _, o := range h.nodeOptions() {
		if o[0] == name {
			vals = append(vals, o[1])
		}
	}
	return vals
}

// defaultPrepareKey keys node's default Error.prepareStackTrace in the host's state.
type defaultPrepareKey struct{}

type defaultPrepare struct{ fn goja.Value }

// SetDefaultPrepareStackTrace records fn as node's default Error.prepareStackTrace (the
// runtime's bootstrap puts it there). Loop only.
func (h *Host) SetDefaultPrepareStackTrace(fn goja.Value) {
	h.State(defaultPrepareKey{}, func() any { return &defaultPrepare{} }).(*defaultPrepare).fn = fn
}

// UserPrepareStackTrace reports whether v, Error.prepareStackTrace as read, is a function a
// program put there rather than node's default: stacks then take the program's shape. Loop only.
func (h *Host) UserPrepareStackTrace(v goja.Value) bool {
	if _, ok := goja.AssertFunction(v); !ok {
		return false
	}
	d, _ := h.State(defaultPrepareKey{}, func() any { return &defaultPrepare{} }).(*defaultPrepare)
	return d.fn == nil || v != d.fn
}
