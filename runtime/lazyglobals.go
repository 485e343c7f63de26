package runtime

import (
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// lazyGlobals is the prototype of the global object that supplies globals loaded on first use
// (Buffer, URL, console, fetch...). Once loaded, a global is an own property of globalThis and
// this object no longer answers for it.
type lazyGlobals struct {
	rt     *Runtime
	extra  map[string]lazyGlobal // beyond lazyGlobalIndex: the built-in modules under -e
	define goja.Callable         // the bootstrap's defineGlobal(name, value)
	loaded map[string]bool
	hidden map[string]bool // web globals an option took away (--no-experimental-fetch...)
}

// entry finds where a lazy global comes from, if this runtime offers it. Under -e a built-in
// module's name wins over a web global's (crypto is the module there, as in node).
func (l *lazyGlobals) entry(key string) (lazyGlobal, bool) {
	if l.loaded[key] {
		return lazyGlobal{}, false
	}
	e, ok := l.extra[key]
	if !ok && !l.hidden[key] {
		e, ok = lazyGlobalIndex()[key]
	}
	if !ok {
		return e, false
	}
	_, ok = l.rt.registry[e.module]
	return e, ok
}

// hide takes a web global away before it is loaded.
func (l *lazyGlobals) hide(name string) {
	if l.hidden == nil {
		l.hidden = map[string]bool{}
	}
	l.hidden[name] = true
}

// lazyGlobal is where a lazy global comes from: a built-in module, or one of its exports.
type lazyGlobal struct{ module, export string }

func (l *lazyGlobals) Get(key string) goja.Value {
	e, ok := l.entry(key)
	if !ok {
		return nil
	}
	l.loaded[key] = true
	rt := l.rt
	m, err := rt.requireBuiltin(e.module)
	if err != nil {
		panic(rt.host.ToJS(err))
	}
	v := m
	if e.export != "" {
		v = m.ToObject(rt.vm).Get(e.export)
	}
	if _, err := l.define(goja.Undefined(), rt.vm.ToValue(key), v); err != nil {
		panic(err)
	}
	return v
}

// Set lets a script shadow a lazy global before it is loaded.
func (l *lazyGlobals) Set(key string, val goja.Value) bool {
	l.loaded[key] = true
	g := l.rt.vm.GlobalObject()
	return g.DefineDataProperty(key, val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE) == nil
}

func (l *lazyGlobals) Has(key string) bool {
	_, ok := l.entry(key)
	return ok
}

func (l *lazyGlobals) Delete(key string) bool {
	l.loaded[key] = true
	return true
}

func (l *lazyGlobals) Keys() []string { return nil }

// lazyGlobalTable lists the globals loaded on first use: name, built-in module, export ("" for
// the module itself).
var lazyGlobalTable = []struct{ name, module, export string }{
	{"setTimeout", "timers", "setTimeout"},
	{"clearTimeout", "timers", "clearTimeout"},
	{"setInterval", "timers", "setInterval"},
	{"clearInterval", "timers", "clearInterval"},
	{"setImmediate", "timers", "setImmediate"},
	{"clearImmediate", "timers", "clearImmediate"},
	{"console", "console", ""},
	{"Buffer", "buffer", "Buffer"},
	{"atob", "buffer", "atob"},
	{"btoa", "buffer", "btoa"},
	{"Blob", "buffer", "Blob"},
	{"File", "buffer", "File"},
	{"TextEncoder", "internal/encoding", "TextEncoder"},
	{"TextDecoder", "internal/encoding", "TextDecoder"},
	{"URL", "url", "URL"},
	{"URLSearchParams", "url", "URLSearchParams"},
	{"EventTarget", "internal/event_target", "EventTarget"},
	{"Event", "internal/event_target", "Event"},
	{"CustomEvent", "internal/event_target", "CustomEvent"},
	{"AbortController", "internal/event_target", "AbortController"},
	{"AbortSignal", "internal/event_target", "AbortSignal"},
	{"DOMException", "internal/event_target", "DOMException"},
	{"structuredClone", "internal/structured_clone", "structuredClone"},
	{"performance", "perf_hooks", "performance"},
	{"PerformanceObserver", "perf_hooks", "PerformanceObserver"},
	{"PerformanceEntry", "perf_hooks", "PerformanceEntry"},
	{"PerformanceMark", "perf_hooks", "PerformanceMark"},
	{"PerformanceMeasure", "perf_hooks", "PerformanceMeasure"},
	{"ReadableStream", "stream/web", "ReadableStream"},
	{"ReadableStreamDefaultReader", "stream/web", "ReadableStreamDefaultReader"},
	{"ReadableByteStreamController", "stream/web", "ReadableByteStreamController"},
	{"ReadableStreamBYOBReader", "stream/web", "ReadableStreamBYOBReader"},
	{"ReadableStreamBYOBRequest", "stream/web", "ReadableStreamBYOBRequest"},
	{"ReadableStreamDefaultController", "stream/web", "ReadableStreamDefaultController"},
	{"WritableStream", "stream/web", "WritableStream"},
	{"WritableStreamDefaultWriter", "stream/web", "WritableStreamDefaultWriter"},
	{"WritableStreamDefaultController", "stream/web", "WritableStreamDefaultController"},
	{"TransformStream", "stream/web", "TransformStream"},
	{"TransformStreamDefaultController", "stream/web", "TransformStreamDefaultController"},
	{"ByteLengthQueuingStrategy", "stream/web", "ByteLengthQueuingStrategy"},
	{"CountQueuingStrategy", "stream/web", "CountQueuingStrategy"},
	{"TextEncoderStream", "stream/web", "TextEncoderStream"},
	{"TextDecoderStream", "stream/web", "TextDecoderStream"},
	{"CompressionStream", "stream/web", "CompressionStream"},
	{"DecompressionStream", "stream/web", "DecompressionStream"},
	{"MessageChannel", "worker_threads", "MessageChannel"},
	{"MessagePort", "worker_threads", "MessagePort"},
	{"MessageEvent", "internal/worker/io", "MessageEvent"},
	{"BroadcastChannel", "worker_threads", "BroadcastChannel"},
	{"WebAssembly", "internal/wasm", "WebAssembly"},
	{"fetch", "internal/fetch", "fetch"},
	{"Headers", "internal/fetch", "Headers"},
	{"Request", "internal/fetch", "Request"},
	{"Response", "internal/fetch", "Response"},
	{"FormData", "internal/fetch", "FormData"},
	{"crypto", "crypto", "webcrypto"},
	{"Crypto", "internal/crypto/webcrypto", "Crypto"},
	{"CryptoKey", "internal/crypto/webcrypto", "CryptoKey"},
	{"SubtleCrypto", "internal/crypto/webcrypto", "SubtleCrypto"},
	{"WeakRef", "internal/weakref", "WeakRef"},
	{"FinalizationRegistry", "internal/weakref", "FinalizationRegistry"},
	{"Intl", "internal/intl", ""},
	{"SharedArrayBuffer", "internal/atomics", "SharedArrayBuffer"},
	{"Atomics", "internal/atomics", "Atomics"},
}

// lazyGlobalIndex is lazyGlobalTable by name, shared by every runtime.
var lazyGlobalIndex = sync.OnceValue(func() map[string]lazyGlobal {
	m := make(map[string]lazyGlobal, len(lazyGlobalTable))
	for _, e := range lazyGlobalTable {
		m[e.name] = lazyGlobal{e.module, e.export}
	}
	return m
})

// installLazyGlobals puts the lazy-globals object into the global object's prototype chain.
// define(name, value) is the bootstrap's defineGlobal.
func (rt *Runtime) installLazyGlobals(define goja.Callable) {
	l := &lazyGlobals{rt: rt, define: define, loaded: map[string]bool{}}
	rt.lazy = l
	obj := rt.vm.NewDynamicObject(l)
	g := rt.vm.GlobalObject()
	_ = obj.SetPrototype(g.Prototype())
	_ = g.SetPrototype(obj)
}

// ExposeBuiltinGlobals makes every public built-in module whose name is an identifier (fs, path,
// child_process...) a global loaded on first use, as `node -e` and `node -p` do. Eval does it
// itself; call it before EvalModule for `--input-type=module -e`.
func (rt *Runtime) ExposeBuiltinGlobals() {
	if rt.lazy == nil {
		return
	}
	// (own properties only: reading through the global would load a lazy global of that name)
	own := map[string]bool{}
	for _, k := range rt.vm.GlobalObject().GetOwnPropertyNames() {
		own[k] = true
	}
	for _, name := range rt.publicBuiltins() {
		if strings.ContainsAny(name, "/-.") || own[name] {
			continue
		}
		if e, ok := lazyGlobalIndex()[name]; !ok || e.module != name || e.export != "" {
			if rt.lazy.extra == nil {
				rt.lazy.extra = map[string]lazyGlobal{}
			}
			rt.lazy.extra[name] = lazyGlobal{module: name}
		}
	}
}
