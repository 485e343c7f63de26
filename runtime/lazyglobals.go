package runtime

import (
	"reflect"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// lazyGlobals supplies the globals loaded on first use (Buffer, URL, console, fetch...). Each is
// an own accessor property of globalThis until first read (as node's lazily loaded globals are):
// Object.getOwnPropertyNames, hasOwnProperty, descriptors and delete see it as they do in node.
// The first read loads the module and replaces the accessor with a data property; an assignment
// replaces it with the assigned value.
type lazyGlobals struct {
	rt       *Runtime
	kept     map[*lazyGlobal]goja.Value // the loaded values of the globals that stay accessors
	fwd      [numForwarded]forwarder    // the function globals node has as data properties
	fwdProto *goja.Object               // the forwarders' prototype until their module loads
	// templated: the lazy globals are entries of the global object's template
	// (globaltemplate.go), each made on first use; else they were defined at start
	templated bool
	attached  bool // the global object has a template of its own (baseTemplate's at first)

	protos [6]*goja.Object // the prototypes of protoKinds, once attachProtoTemplates has run
	gopd   goja.Callable   // Object.getOwnPropertyDescriptor as it was then
}

// forwarder is a function global that node defines as a data property (setTimeout,
// structuredClone...). Before its module loads, the property holds a Go function of the right
// name and length whose first call loads the module; the module's glue then adopts it as its
// export (adoptGlobal), so that require('timers').setTimeout === setTimeout, and from then on it
// calls the glue's function. Until then its prototype is a proxy of Function.prototype that loads
// the module on the first lookup that reaches it (setTimeout[util.promisify.custom]), other than
// of Function.prototype's own methods (call, apply, bind...).
type forwarder struct {
	obj    *goja.Object
	target goja.Callable
	// direct is the adopted function's Go body when it is a Go function (the timers' setTimeout,
	// setImmediate...): called in place, it costs no nested goja call (a try frame with a deferred
	// recover) per call, ~10% of a setTimeout's instructions.
	direct func(goja.FunctionCall) goja.Value
}

// numForwarded is how many globals are forwarders; forwardedGlobal gives each its index.
const numForwarded = 8

// forwardedGlobal reports whether node has the lazy global name as a data property holding a
// function, with that function's length, and the forwarder's index.
func forwardedGlobal(name string) (idx, length int, ok bool) {
	switch name {
	case "setTimeout":
		return 0, 5, true
	case "clearTimeout":
		return 1, 1, true
	case "setInterval":
		return 2, 5, true
	case "clearInterval":
		return 3, 1, true
	case "setImmediate":
		return 4, 4, true
	case "clearImmediate":
		return 5, 1, true
	case "structuredClone":
		return 6, 0, true
	case "fetch":
		return 7, 1, true
	}
	return 0, 0, false
}

// lazyGlobal is where a lazy global comes from: a built-in module, or one of its exports; and
// whether node makes it enumerable.
type lazyGlobal struct {
	name, module, export string
	enumerable           bool
	keep                 bool       // stays an accessor once loaded (Buffer, performance, crypto in node)
	getOnly              bool       // node's accessor has no setter (crypto): assigning it is ignored, or throws in strict code
	evalLib              bool       // a built-in module's name under -e/-p: assigned, it becomes a plain global
	nameValue            goja.Value // name as a JS string (a primitive: any runtime may share it)
	fwd                  int        // 1 + the forwarder's index for a forwarded global, else 0
	length               goja.Value // a forwarded function's length
}

// add defines a lazy global of globalThis unless this runtime lacks its module. One Go function
// is both the getter and the setter (the engine calls a getter with no argument and a setter
// with one): a function object costs a runtime ~650 bytes, and two for each of ~75 globals
// would be a tenth of a runtime's heap. Only `get === set` tells them apart from node's.
// The accessor is one closure over the runtime and the shared entry, and its name value is the
// entry's, made once per process: an accessor costs no allocation beyond its function object
// and its property.
func (l *lazyGlobals) add(e *lazyGlobal) {
	rt := l.rt
	if _, ok := rt.registry[e.module]; !ok {
		return
	}
	if e.fwd > 0 {
		_ = rt.vm.GlobalObject().DefineDataProperty(e.name, l.forwarder(e), goja.FLAG_TRUE, goja.FLAG_TRUE, e.enum())
		return
	}
	acc := l.accessor(e)
	_ = rt.vm.GlobalObject().DefineAccessorProperty(e.name, acc, e.setter(acc), goja.FLAG_TRUE, e.enum())
}

// setter is e's setter given its accessor: the accessor itself, or none where node has none.
func (e *lazyGlobal) setter(acc *goja.Object) goja.Value {
	if e.getOnly {
		return nil
	}
	return acc
}

// accessor makes e's getter and setter (one function).
func (l *lazyGlobals) accessor(e *lazyGlobal) *goja.Object {
	// (made with length 0, the length it keeps: only the name is node's)
	acc := l.rt.vm.ToValue(func(c goja.FunctionCall) goja.Value { return l.call(e, c) }).(*goja.Object)
	_ = acc.DefineDataProperty("name", e.nameValue, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return acc
}

// forwarder returns e's forwarder, made on the first call.
func (l *lazyGlobals) forwarder(e *lazyGlobal) *goja.Object {
	f := &l.fwd[e.fwd-1]
	if f.obj != nil {
		return f.obj
	}
	obj := l.rt.vm.ToValue(func(c goja.FunctionCall) goja.Value { return l.forward(e, c) }).(*goja.Object)
	_ = obj.DefineDataProperty("name", e.nameValue, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("length", e.length, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.SetPrototype(l.forwarderProto(obj.Prototype()))
	f.obj, f.target = obj, nil
	return obj
}

// materialize is e's property of globalThis as goja keeps it, for the global template to store
// on first use: what add would have defined.
func (l *lazyGlobals) materialize(e *lazyGlobal) goja.Value {
	vm := l.rt.vm
	if e.fwd > 0 {
		obj := l.forwarder(e)
		return globalTemplate().ownProperty(vm, e.name, func(o *goja.Object) {
			_ = o.DefineDataProperty(e.name, obj, goja.FLAG_TRUE, goja.FLAG_TRUE, e.enum())
		})
	}
	acc := l.accessor(e)
	return globalTemplate().ownProperty(vm, e.name, func(o *goja.Object) {
		_ = o.DefineAccessorProperty(e.name, acc, e.setter(acc), goja.FLAG_TRUE, e.enum())
	})
}

// baseTemplate is goja's global template with the globals every runtime changes made on first
// use: JSON (with V8's parse errors and the Go stringify), Reflect (its getOwnPropertyDescriptor,
// stackdescriptor.go), Proxy (the forwarding one, an accessor until first read), EvalError (its
// replacement, errorstack.go) and Set (node 20's methods, setmethods.go). Made once per process; not valid when the layout is unknown.
var baseTemplate = sync.OnceValue(func() reflect.Value {
	lay := globalTemplate()
	if !lay.ok {
		return reflect.Value{}
	}
	return lay.extend(reflect.Value{}, withGlobalGuards(lay, map[string]globalTemplateFactory{
		"EvalError": lazyEvalError(lay),
		"JSON": lay.wrapGoja("JSON", func(r *goja.Runtime, v goja.Value) goja.Value {
			if l := lazyOwnerOf(lay, r); l != nil {
				if o, ok := lay.dataValue(v).(*goja.Object); ok {
					l.rt.patchJSONParse(o)
					l.rt.patchJSONStringify(o)
				}
			}
			return v
		}),
		"Set": lay.wrapGojaAround("Set", func(r *goja.Runtime, make func() goja.Value) goja.Value {
			var v goja.Value
			withObjectProtoSizeSetAside(r, func() {
				v = make()
				dropLaterSetMethods(lay.dataValue(v))
			})
			return v
		}),
		"Reflect": lay.wrapGoja("Reflect", func(r *goja.Runtime, v goja.Value) goja.Value {
			if l := lazyOwnerOf(lay, r); l != nil {
				if o, ok := lay.dataValue(v).(*goja.Object); ok {
					if l.rt.stacks != nil {
						l.rt.stacks.patchReflectDescriptor(o)
					}
					l.rt.hookReflectApply(o)
				}
			}
			return v
		}),
		"Proxy": lay.wrapGoja("Proxy", func(r *goja.Runtime, v goja.Value) goja.Value {
			l := lazyOwnerOf(lay, r)
			if l == nil {
				return v
			}
			acc := l.rt.proxyAccessor(lay.dataValue(v))
			return lay.ownProperty(r, "Proxy", func(o *goja.Object) {
				_ = o.DefineAccessorProperty("Proxy", acc, acc, goja.FLAG_TRUE, goja.FLAG_FALSE)
			})
		}),
	}))
})

// attachGlobalTemplate gives the runtime's global object its own template (baseTemplate), before
// anything reads it; false when the layout is unknown (the globals are then changed at start).
func (rt *Runtime) attachGlobalTemplate() bool {
	globalTemplateFrom(rt.vm) // (probed on this runtime if it is the process's first)
	t := baseTemplate()
	if !t.IsValid() || eagerGlobalsForTest {
		return false
	}
	if rt.lazy == nil {
		rt.lazy = &lazyGlobals{rt: rt}
	}
	rt.lazy.attached = globalTemplate().attach(rt.vm.GlobalObject(), t, rt.lazy)
	return rt.lazy.attached
}

// eagerGlobalsForTest makes New change and define the globals at start, as without the layout.
var eagerGlobalsForTest bool

// lazyTemplate is baseTemplate with a factory for each lazy global whose module the default
// registry has, and their names in order: made once per process.
var lazyTemplate = sync.OnceValues(func() (reflect.Value, []string) {
	lay := globalTemplate()
	base := baseTemplate()
	if !base.IsValid() {
		return reflect.Value{}, nil
	}
	add := map[string]globalTemplateFactory{}
	var names []string
	for _, e := range lazyGlobalList() {
		if _, ok := defaultRegistry()[e.module]; !ok {
			continue
		}
		names = append(names, e.name)
		add[e.name] = func(r *goja.Runtime) goja.Value {
			l := lazyOwnerOf(lay, r)
			if l == nil {
				return nil
			}
			return l.materialize(e)
		}
	}
	return lay.extend(base, add), names
})

// forwarderProto is the forwarders' prototype before their module loads (one per runtime): a
// proxy of proto (Function.prototype) whose get traps load the module of the forwarder they are
// asked for, which puts Function.prototype back as its prototype, and then look up the property.
func (l *lazyGlobals) forwarderProto(proto *goja.Object) *goja.Object {
	if l.fwdProto != nil {
		return l.fwdProto
	}
	vm := l.rt.vm
	l.fwdProto = vm.ToValue(vm.NewProxy(proto, &goja.ProxyTrapConfig{
		Get: func(t *goja.Object, p string, r goja.Value) goja.Value {
			if functionName(p) || !l.loadFor(r, t) {
				return t.Get(p)
			}
			return r.ToObject(vm).Get(p)
		},
		// (the chain goes on to Function.prototype itself: setTimeout instanceof Function)
		GetPrototypeOf: func(t *goja.Object) *goja.Object { return t },
		GetSym: func(t *goja.Object, p *goja.Symbol, r goja.Value) goja.Value {
			if !l.loadFor(r, t) {
				return t.GetSymbol(p)
			}
			return r.ToObject(vm).GetSymbol(p)
		},
	})).(*goja.Object)
	return l.fwdProto
}

// loadFor loads the module of the forwarder that a lookup (with receiver r) reached the
// forwarders' prototype from, and gives every forwarder still inheriting from it its own
// prototype back (proto) once its module has loaded; it reports whether r is, or inherits from, a forwarder.
func (l *lazyGlobals) loadFor(r goja.Value, proto *goja.Object) bool {
	o, ok := r.(*goja.Object)
	if !ok {
		return false
	}
	var e *lazyGlobal
	for c, n := o, 0; c != nil && c != l.fwdProto && e == nil && n < 64; c, n = c.Prototype(), n+1 {
		for _, g := range lazyGlobalList() {
			if g.fwd > 0 && l.fwd[g.fwd-1].obj == c {
				e = g
				break
			}
		}
	}
	if e == nil {
		return false
	}
	_, err := l.rt.requireBuiltin(e.module)
	for _, g := range lazyGlobalList() {
		if g.fwd == 0 {
			continue
		}
		if f := &l.fwd[g.fwd-1]; f.obj != nil && f.obj.Prototype() == l.fwdProto {
			if _, loaded := l.rt.loaded[g.module]; loaded {
				_ = f.obj.SetPrototype(proto)
			}
		}
	}
	if err != nil {
		panic(l.rt.host.ToJS(err))
	}
	return true
}

// forward is a forwarder's call: it loads the module if need be and calls the module's function.
func (l *lazyGlobals) forward(e *lazyGlobal, c goja.FunctionCall) goja.Value {
	f := &l.fwd[e.fwd-1]
	if f.direct != nil {
		return f.direct(c)
	}
	if f.target == nil {
		rt := l.rt
		m, err := rt.requireBuiltin(e.module)
		if err != nil {
			panic(rt.host.ToJS(err))
		}
		if f.target == nil { // (the glue did not adopt it: call its export)
			fn, ok := goja.AssertFunction(m.ToObject(rt.vm).Get(e.export))
			if !ok {
				panic(rt.vm.NewTypeError(e.name + " is not a function"))
			}
			f.target = fn
		}
	}
	v, err := f.target(c.This, c.Arguments...)
	if err != nil {
		panic(err)
	}
	return v
}

// adopt makes the forwarder of the global name (if this runtime made one) call fn, and returns
// it for the module to export in fn's place; else it returns nil.
func (l *lazyGlobals) adopt(name string, fn goja.Value) *goja.Object {
	e, ok := lazyGlobalIndex()[name]
	if !ok || e.fwd == 0 {
		return nil
	}
	f := &l.fwd[e.fwd-1]
	target, ok := goja.AssertFunction(fn)
	if f.obj == nil && l.templated && ok {
		l.forwarder(e) // (the global is not made yet: it will be this forwarder)
	}
	if f.obj == nil || !ok {
		return nil
	}
	f.target = target
	f.direct, _ = modules.ExportAs[func(goja.FunctionCall) goja.Value](fn)
	_ = f.obj.SetPrototype(fn.(*goja.Object).Prototype())
	return f.obj
}

func (e *lazyGlobal) enum() goja.Flag {
	if e.enumerable {
		return goja.FLAG_TRUE
	}
	return goja.FLAG_FALSE
}

// call is both the getter and the setter of e's accessor.
func (l *lazyGlobals) call(e *lazyGlobal, c goja.FunctionCall) goja.Value {
	rt := l.rt
	g := rt.vm.GlobalObject()
	if len(c.Arguments) > 0 { // set: the assigned value replaces the lazy global
		if e.evalLib {
			// node's setter for a module's name under -e deletes it and assigns anew: an
			// enumerable global, listed last (globalThis.module = ... in runEval)
			_ = g.Delete(e.name)
			_ = g.Set(e.name, c.Arguments[0])
			return goja.Undefined()
		}
		_ = g.DefineDataProperty(e.name, c.Arguments[0], goja.FLAG_TRUE, goja.FLAG_TRUE, e.enum())
		return goja.Undefined()
	}
	if v, ok := l.kept[e]; ok {
		return v
	}
	m, err := rt.requireBuiltin(e.module)
	if err != nil {
		panic(rt.host.ToJS(err))
	}
	v := m
	if e.export != "" {
		v = m.ToObject(rt.vm).Get(e.export)
	}
	if e.keep {
		if l.kept == nil {
			l.kept = map[*lazyGlobal]goja.Value{}
		}
		l.kept[e] = v
	} else {
		_ = g.DefineDataProperty(e.name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, e.enum())
	}
	return v
}

// hide takes a web global away before it is loaded (--no-experimental-fetch...).
func (l *lazyGlobals) hide(name string) {
	_ = l.rt.vm.GlobalObject().Delete(name)
}

// lazyGlobalTable lists the globals loaded on first use, in node's order of globalThis's own
// keys: name, built-in module, export ("" for the module itself).
var lazyGlobalTable = []struct{ name, module, export string }{
	{"console", "console", ""},
	{"WeakRef", "internal/weakref", "WeakRef"},
	{"FinalizationRegistry", "internal/weakref", "FinalizationRegistry"},
	{"Intl", "internal/intl", ""},
	{"Buffer", "buffer", "Buffer"},
	{"clearImmediate", "timers", "clearImmediate"},
	{"setImmediate", "timers", "setImmediate"},
	{"URL", "url", "URL"},
	{"URLSearchParams", "url", "URLSearchParams"},
	{"DOMException", "internal/event_target", "DOMException"},
	{"AbortController", "internal/event_target", "AbortController"},
	{"AbortSignal", "internal/event_target", "AbortSignal"},
	{"Event", "internal/event_target", "Event"},
	{"EventTarget", "internal/event_target", "EventTarget"},
	{"TextEncoder", "internal/encoding", "TextEncoder"},
	{"TextDecoder", "internal/encoding", "TextDecoder"},
	{"TransformStream", "stream/web", "TransformStream"},
	{"TransformStreamDefaultController", "stream/web", "TransformStreamDefaultController"},
	{"WritableStream", "stream/web", "WritableStream"},
	{"WritableStreamDefaultController", "stream/web", "WritableStreamDefaultController"},
	{"WritableStreamDefaultWriter", "stream/web", "WritableStreamDefaultWriter"},
	{"ReadableStream", "stream/web", "ReadableStream"},
	{"ReadableStreamDefaultReader", "stream/web", "ReadableStreamDefaultReader"},
	{"ReadableStreamBYOBReader", "stream/web", "ReadableStreamBYOBReader"},
	{"ReadableStreamBYOBRequest", "stream/web", "ReadableStreamBYOBRequest"},
	{"ReadableByteStreamController", "stream/web", "ReadableByteStreamController"},
	{"ReadableStreamDefaultController", "stream/web", "ReadableStreamDefaultController"},
	{"ByteLengthQueuingStrategy", "stream/web", "ByteLengthQueuingStrategy"},
	{"CountQueuingStrategy", "stream/web", "CountQueuingStrategy"},
	{"TextEncoderStream", "stream/web", "TextEncoderStream"},
	{"TextDecoderStream", "stream/web", "TextDecoderStream"},
	{"CompressionStream", "stream/web", "CompressionStream"},
	{"DecompressionStream", "stream/web", "DecompressionStream"},
	{"clearInterval", "timers", "clearInterval"},
	{"clearTimeout", "timers", "clearTimeout"},
	{"setInterval", "timers", "setInterval"},
	{"setTimeout", "timers", "setTimeout"},
	{"structuredClone", "internal/structured_clone", "structuredClone"},
	{"atob", "buffer", "atob"},
	{"btoa", "buffer", "btoa"},
	{"BroadcastChannel", "worker_threads", "BroadcastChannel"},
	{"MessageChannel", "worker_threads", "MessageChannel"},
	{"MessagePort", "worker_threads", "MessagePort"},
	{"MessageEvent", "internal/worker/io", "MessageEvent"},
	{"Blob", "buffer", "Blob"},
	{"File", "buffer", "File"},
	{"Performance", "perf_hooks", "Performance"},
	{"PerformanceEntry", "perf_hooks", "PerformanceEntry"},
	{"PerformanceMark", "perf_hooks", "PerformanceMark"},
	{"PerformanceMeasure", "perf_hooks", "PerformanceMeasure"},
	{"PerformanceObserver", "perf_hooks", "PerformanceObserver"},
	{"PerformanceObserverEntryList", "perf_hooks", "PerformanceObserverEntryList"},
	{"PerformanceResourceTiming", "perf_hooks", "PerformanceResourceTiming"},
	{"performance", "perf_hooks", "performance"},
	{"fetch", "internal/fetch", "fetch"},
	{"FormData", "internal/fetch", "FormData"},
	{"Headers", "internal/fetch", "Headers"},
	{"Request", "internal/fetch", "Request"},
	{"Response", "internal/fetch", "Response"},
	{"SharedArrayBuffer", "internal/atomics", "SharedArrayBuffer"},
	{"Atomics", "internal/atomics", "Atomics"},
	{"WebAssembly", "internal/wasm", "WebAssembly"},
	{"crypto", "crypto", "webcrypto"},
	{"Crypto", "internal/crypto/webcrypto", "Crypto"},
	{"CryptoKey", "internal/crypto/webcrypto", "CryptoKey"},
	{"SubtleCrypto", "internal/crypto/webcrypto", "SubtleCrypto"},
	{"CustomEvent", "internal/event_target", "CustomEvent"},
}

// enumerableGlobal tells the lazy globals node makes enumerable (Object.keys(globalThis)).
func enumerableGlobal(name string) bool {
	switch name {
	case "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate",
		"structuredClone", "atob", "btoa", "performance", "fetch", "crypto":
		return true
	}
	return false
}

// lazyGlobalIndex is lazyGlobalTable by name, and lazyGlobalList in the table's order: made once,
// shared by every runtime (nothing in an entry changes).
var lazyGlobalIndex, lazyGlobalList = func() (func() map[string]*lazyGlobal, func() []*lazyGlobal) {
	var m map[string]*lazyGlobal
	var list []*lazyGlobal
	once := sync.OnceFunc(func() {
		m = make(map[string]*lazyGlobal, len(lazyGlobalTable))
		list = make([]*lazyGlobal, len(lazyGlobalTable))
		for i, e := range lazyGlobalTable {
			list[i] = newForwardedGlobal(e.name, e.module, e.export)
			m[e.name] = list[i]
		}
	})
	return func() map[string]*lazyGlobal { once(); return m }, func() []*lazyGlobal { once(); return list }
}()

func newLazyGlobal(name, module, export string, enumerable, keep bool) *lazyGlobal {
	return &lazyGlobal{name: name, module: module, export: export, enumerable: enumerable, keep: keep,
		nameValue: sharedString(name)}
}

// newForwardedGlobal is newLazyGlobal for a global of lazyGlobalTable, made a forwarder when
// node has it as a data property.
func newForwardedGlobal(name, module, export string) *lazyGlobal {
	e := newLazyGlobal(name, module, export, enumerableGlobal(name), name == "Buffer" || name == "performance" || name == "crypto")
	e.getOnly = name == "crypto"
	if idx, length, ok := forwardedGlobal(name); ok {
		e.fwd = idx + 1
		e.length = sharedVM().ToValue(length)
	}
	return e
}

// sharedVM makes the JS strings every runtime shares: a string value belongs to no runtime.
var sharedVM = sync.OnceValue(goja.New)

// sharedString is s as a JS string value that runtimes on any goroutine may use. goja delays
// scanning a string longer than 16 bytes for non-ASCII characters until first needed, and
// that scan writes to the value: it is done here, before the value is shared, so that users
// only read it. Call it from one goroutine, before publishing the value (a sync.Once).
func sharedString(s string) goja.Value {
	v := sharedVM().ToValue(s)
	_ = v.ToFloat() // scans the string
	return v
}

// installLazyGlobals defines the lazy globals on globalThis.
func (rt *Runtime) installLazyGlobals() {
	l := rt.lazy
	if l == nil {
		l = &lazyGlobals{rt: rt}
		rt.lazy = l
	}
	g := rt.vm.GlobalObject()
	if rt.defaultRegistry && l.attached {
		// node's queueMicrotask follows setTimeout among globalThis's keys
		if tmpl, names := lazyTemplate(); names != nil &&
			globalTemplate().retemplate(g, tmpl, names, "queueMicrotask", "setTimeout") {
			l.templated = true
			return
		}
	}
	for _, e := range lazyGlobalList() {
		l.add(e)
		if e.name == "setTimeout" {
			// node's queueMicrotask follows setTimeout among globalThis's keys
			if q := g.Get("queueMicrotask"); q != nil {
				_ = g.Delete("queueMicrotask")
				_ = g.DefineDataProperty("queueMicrotask", q, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
		}
	}
}

// ExposeBuiltinGlobals makes every public built-in module whose name is an identifier (fs, path,
// child_process...) a global loaded on first use, as `node -e` and `node -p` do. Eval does it
// itself; call it before EvalModule for `--input-type=module -e`.
func (rt *Runtime) ExposeBuiltinGlobals() {
	if rt.lazy == nil {
		return
	}
	// (a global the bootstrap defined is kept; a lazy web global of the same name as a module
	// gives way to the module: crypto is the module under -e, as in node)
	own := map[string]bool{}
	// (the names as they are listed, without making the values: goja's GetOwnPropertyNames makes
	// every built-in and lazy global of a templated global object)
	names := globalTemplate().ownNames(rt.vm.GlobalObject())
	if names == nil {
		names = rt.vm.GlobalObject().GetOwnPropertyNames()
	}
	for _, k := range names {
		own[k] = true
	}
	for _, name := range rt.publicBuiltins() {
		if strings.ContainsAny(name, "/-.") || strings.HasPrefix(name, "_") {
			continue
		}
		e, lazy := lazyGlobalIndex()[name]
		if own[name] && (!lazy || e.module == name && e.export == "") {
			continue
		}
		lg := newLazyGlobal(name, name, "", lazy && e.enumerable, false)
		lg.evalLib = true
		rt.lazy.add(lg)
	}
}
