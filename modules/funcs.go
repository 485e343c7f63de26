package modules

import (
	"sync"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// NameFunc gives a function object Node's name and length, with the attributes JavaScript
// gives them (read-only, not enumerable, configurable). Go functions made with vm.ToValue are
// otherwise named after their Go symbol.
func NameFunc(vm *goja.Runtime, fn *goja.Object, name string, length int) *goja.Object {
	_ = fn.DefineDataProperty("name", funcName("", name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return fn
}

// funcNames holds the JS string values of the names NameFunc, DefineLazy and DefineLazyAccessor
// give functions (prefix+name), made once per process and shared by every runtime: a string
// value belongs to no runtime, and one made by goja.StringFromUTF16 is immutable (no lazy scan
// writes to it), so any goroutine may read it. Every runtime names the same few hundred built-in
// functions: the cache spares each name's string value in each runtime. It stops growing at
// maxFuncNames (names made from data, such as wasm export indexes, are then made per call).
var funcNames struct {
	mu sync.RWMutex
	m  map[funcNameKey]goja.Value
}

type funcNameKey struct{ prefix, name string }

const maxFuncNames = 4096

// funcName returns prefix+name as a JS string value that any runtime may use.
func funcName(prefix, name string) goja.Value {
	k := funcNameKey{prefix, name}
	funcNames.mu.RLock()
	v, ok := funcNames.m[k]
	funcNames.mu.RUnlock()
	if ok {
		return v
	}
	v = goja.StringFromUTF16(utf16.Encode([]rune(prefix + name)))
	funcNames.mu.Lock()
	if old, ok := funcNames.m[k]; ok {
		v = old
	} else if len(funcNames.m) < maxFuncNames {
		if funcNames.m == nil {
			funcNames.m = make(map[funcNameKey]goja.Value)
		}
		funcNames.m[k] = v
	}
	funcNames.mu.Unlock()
	return v
}

// CallThrowing calls f and rethrows its JS error into the calling built-in (a Go panic goja turns
// back into the exception); a Go nil result reads as undefined. For a Go function that wraps a
// built-in and is called from JS. Loop only.
func CallThrowing(f goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := f(this, args...)
	if err != nil {
		panic(err)
	}
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// Func is a Go function as a JS function with Node's name and length.
func Func(vm *goja.Runtime, name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return NameFunc(vm, vm.ToValue(f).(*goja.Object), name, length)
}

// LazyFuncs keeps a binding's Go functions and makes each a JS function only when glue first
// reads it: a runtime that requires a module but calls few of its functions does not build a
// function object for every operation. Install puts them behind the binding object (as its
// prototype), so binding.name works as if they were set on it; they are not enumerable.
type LazyFuncs struct {
	vm   *goja.Runtime
	fns  map[string]any
	made map[string]goja.Value
	rest func() // SetRest's: registers the functions glue reads only later
}

// NewLazyFuncs makes an empty set of lazy functions for vm.
func NewLazyFuncs(vm *goja.Runtime) *LazyFuncs {
	return &LazyFuncs{vm: vm, fns: map[string]any{}}
}

// NewLazyFuncsSize is NewLazyFuncs for about n functions: a binding made in every runtime that
// knows its size spares the runtime the map's growing (each step a new, larger table).
func NewLazyFuncsSize(vm *goja.Runtime, n int) *LazyFuncs {
	return &LazyFuncs{vm: vm, fns: make(map[string]any, n)}
}

// Set adds (or replaces) the function called name: a Go function as vm.ToValue takes it
// (func(goja.FunctionCall) goja.Value avoids reflection on every call).
func (l *LazyFuncs) Set(name string, fn any) {
	l.fns[name] = fn
	delete(l.made, name)
}

// SetRest defers registering the rest of the functions: register (which calls Set) runs once, on
// the first read (or `in` test) of a name that is not set. A binding whose start reads a few
// functions registers those with Set and the others here, and a runtime that never reads the
// others makes neither their Go closures nor their map entries.
func (l *LazyFuncs) SetRest(register func()) {
	l.rest = register
}

// runRest registers the deferred functions, once.
func (l *LazyFuncs) runRest() bool {
	if l.rest == nil {
		return false
	}
	r := l.rest
	l.rest = nil
	r()
	return true
}

// Install makes the functions reachable from b: b's prototype becomes an object that serves them
// (and inherits from Object.prototype, as b did).
func (l *LazyFuncs) Install(b *goja.Object) {
	b.SetPrototype(l.vm.NewDynamicObject(lazyFuncsObject{l}))
}

type lazyFuncsObject struct{ l *LazyFuncs }

func (o lazyFuncsObject) Get(key string) goja.Value {
	l := o.l
	if v, ok := l.made[key]; ok {
		return v
	}
	fn, ok := l.fns[key]
	if !ok {
		if !l.runRest() {
			return nil
		}
		if fn, ok = l.fns[key]; !ok {
			return nil
		}
	}
	v := l.vm.ToValue(fn)
	if l.made == nil {
		l.made = map[string]goja.Value{}
	}
	l.made[key] = v
	return v
}

func (o lazyFuncsObject) Set(key string, val goja.Value) bool { return false }
func (o lazyFuncsObject) Has(key string) bool {
	if _, ok := o.l.fns[key]; ok {
		return true
	}
	if !o.l.runRest() {
		return false
	}
	_, ok := o.l.fns[key]
	return ok
}
func (o lazyFuncsObject) Delete(key string) bool { return false }
func (o lazyFuncsObject) Keys() []string         { return nil }

// DefineLazy defines key on obj the way node's lazy properties are (defineLazyProperties in
// node's internal/util): an enumerable, configurable accessor whose getter, named "get <key>",
// makes the value with load on the first read and turns the property into a writable data
// property (keeping its other attributes); the setter, "set <key>", does the same with the value
// it is given. In Go, the accessors cost a runtime no descriptor objects.
func DefineLazy(vm *goja.Runtime, obj *goja.Object, key string, load func() goja.Value) {
	p := &lazyProp{obj: obj, key: key, load: load}
	p.define(vm, p.getOnce, p.setData)
}

// DefineLazyAccessor defines key on obj as an enumerable, configurable accessor that stays one:
// the getter ("get <key>") returns the value last set, or what load makes on the first read;
// the setter ("set <key>") replaces the value (node's fs.ReadStream and its kin).
func DefineLazyAccessor(vm *goja.Runtime, obj *goja.Object, key string, load func() goja.Value) {
	p := &lazyProp{obj: obj, key: key, load: load}
	p.define(vm, p.getKept, p.setKept)
}

// lazyProp is the state of one DefineLazy or DefineLazyAccessor property: one allocation for
// what the getter and the setter share.
type lazyProp struct {
	obj    *goja.Object
	key    string
	load   func() goja.Value
	value  goja.Value
	loaded bool
}

func (p *lazyProp) define(vm *goja.Runtime, get, set func(goja.FunctionCall) goja.Value) {
	getter := vm.ToValue(get).(*goja.Object)
	_ = getter.DefineDataProperty("name", funcName("get ", p.key), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	setter := vm.ToValue(set).(*goja.Object)
	_ = setter.DefineDataProperty("name", funcName("set ", p.key), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = setter.DefineDataProperty("length", vm.ToValue(1), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if err := p.obj.DefineAccessorProperty(p.key, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// getOnce is DefineLazy's getter: the value is made on the first read (again while it is
// undefined) and replaces the accessor.
func (p *lazyProp) getOnce(goja.FunctionCall) goja.Value {
	if p.value == nil || p.value == goja.Undefined() {
		p.value = p.load()
		p.putData(p.value)
	}
	return p.value
}

func (p *lazyProp) setData(c goja.FunctionCall) goja.Value {
	p.putData(c.Argument(0))
	return goja.Undefined()
}

func (p *lazyProp) putData(v goja.Value) {
	if err := p.obj.DefineDataProperty(p.key, v, goja.FLAG_TRUE, goja.FLAG_NOT_SET, goja.FLAG_NOT_SET); err != nil {
		panic(err)
	}
}

// getKept and setKept are DefineLazyAccessor's getter and setter.
func (p *lazyProp) getKept(goja.FunctionCall) goja.Value {
	if !p.loaded {
		p.value, p.loaded = p.load(), true
	}
	return p.value
}

func (p *lazyProp) setKept(c goja.FunctionCall) goja.Value {
	p.value, p.loaded = c.Argument(0), true
	return goja.Undefined()
}

// EvalSourceScheme starts the source name of the inline source maps that give code run by eval
// (vm's contexts) its file name: the name follows, path-escaped, so that goja, which resolves a
// map's relative or rooted source against the eval'd code's name "<eval>" (dropping a leading
// '/') and takes "C:\x" for a URL, hands it back as it is; the runtime's stacks unescape it.
const EvalSourceScheme = "gojs-eval:"

// ProxyHandlerKey names the property under which the runtime's forwarding handler (put between
// a Proxy of a function and the caller's handler, so that instanceof works on goja) keeps the
// caller's handler; util.inspect's showProxy reports that one. No user code can reach a
// forwarding handler: traps are called with the caller's own handler as `this`.
const ProxyHandlerKey = "\x00gojs:proxyHandler"

// SetNoteThis puts on a glue's binding b noteThis(fn, this), which notes that the glue is about
// to call fn with this as its receiver (h.Loop's NoteThis: V8 names an arrow function's frame
// after the receiver it was called with, "at Domain.<anonymous>") and returns the mark,
// endThis(mark) (EndThis), and endCall(mark, result) (EndCall: an async arrow's frames keep the
// receiver after its first await). Loop only.
func SetNoteThis(h *Host, b *goja.Object) {
	b.Set("noteThis", func(call goja.FunctionCall) goja.Value {
		fn, _ := call.Argument(0).(*goja.Object)
		return h.VM.ToValue(h.Loop.NoteThis(fn, call.Argument(1)))
	})
	b.Set("endThis", func(call goja.FunctionCall) goja.Value {
		h.Loop.EndThis(int(call.Argument(0).ToInteger()))
		return goja.Undefined()
	})
	b.Set("endCall", func(call goja.FunctionCall) goja.Value {
		h.Loop.EndCall(int(call.Argument(0).ToInteger()), call.Argument(1))
		return goja.Undefined()
	})
	b.Set("keepThis", func(call goja.FunctionCall) goja.Value {
		fn, _ := call.Argument(0).(*goja.Object)
		h.Loop.KeepThis(fn, call.Argument(1))
		return goja.Undefined()
	})
	b.Set("dropThis", func(call goja.FunctionCall) goja.Value {
		fn, _ := call.Argument(0).(*goja.Object)
		h.Loop.DropThis(fn)
		return goja.Undefined()
	})
}

// SetHandleClass gives proto a constructor named name that JS cannot call ("Illegal
// constructor"), as node's native handle classes (TCP, Pipe, TTY, Zlib...), so that the handle
// objects made on proto are of that class.
func SetHandleClass(vm *goja.Runtime, proto *goja.Object, name string) {
	ctor := vm.ToValue(func(goja.FunctionCall) goja.Value {
		panic(vm.NewTypeError("Illegal constructor"))
	}).(*goja.Object)
	// (the flags are writable, configurable, enumerable: a class's name and constructor are
	// not enumerable)
	ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// FuncKind is what a function made in Go, or a plain function of glue, stands for to
// util.types and util.inspect (MarkFunc): node's is a class, an async function...
type FuncKind uint8

const (
	FuncPlain          FuncKind = iota // (not marked)
	FuncClass                          // a class: `[class URL]`
	FuncAsync                          // an async function: `[AsyncFunction: readFile]`
	FuncAsyncGenerator                 // an async generator function
)

type funcKindsKey struct{}

func funcKinds(h *Host) map[*goja.Object]FuncKind {
	return h.State(funcKindsKey{}, func() any { return map[*goja.Object]FuncKind{} }).(map[*goja.Object]FuncKind)
}

// MarkFunc notes that fn, a function made in Go (a native or bound function) or a plain function
// of glue, stands for node's function of kind k: util.inspect shows it as node does and
// util.types answers for it as for that kind. Loop only.
func MarkFunc(h *Host, fn *goja.Object, k FuncKind) { funcKinds(h)[fn] = k }

// MarkFuncFromJS is MarkFunc as glue's binding function markFunc(fn, kind), kind 'async' or
// 'asyncGenerator': glue that keeps a plain function where node's is an async one (to keep
// node's ticks) gives it the AsyncFunction prototype and marks it so. Loop only.
func MarkFuncFromJS(h *Host) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		fn, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(h.VM.NewTypeError("markFunc: not a function"))
		}
		k := FuncAsync
		if c.Argument(1).String() == "asyncGenerator" {
			k = FuncAsyncGenerator
		}
		MarkFunc(h, fn, k)
		return goja.Undefined()
	}
}

// FuncKindOf is the kind fn was marked with (MarkFunc), or FuncPlain. Loop only.
func FuncKindOf(h *Host, fn *goja.Object) FuncKind {
	if h.state == nil {
		return FuncPlain
	}
	m, ok := h.state[funcKindsKey{}].(map[*goja.Object]FuncKind)
	if !ok {
		return FuncPlain
	}
	return m[fn]
}

// MarkNativeClass notes that fn, a constructor made in Go (a native or bound function), stands
// for one of node's JS classes: util.inspect then shows it as node does (`[class URL]`, not
// `[Function: URL]`). Loop only.
func MarkNativeClass(h *Host, fn *goja.Object) { MarkFunc(h, fn, FuncClass) }

// IsNativeClass reports whether fn was marked by MarkNativeClass. Loop only.
func IsNativeClass(h *Host, fn *goja.Object) bool { return FuncKindOf(h, fn) == FuncClass }
