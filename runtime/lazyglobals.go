package runtime

import (
	"github.com/dop251/goja"
)

// lazyGlobals is the prototype of the global object that supplies globals loaded on first use
// (Buffer, URL, console, fetch...). Once loaded, a global is an own property of globalThis and
// this object no longer answers for it.
type lazyGlobals struct {
	rt     *Runtime
	names  map[string]bool
	load   func(name string) goja.Value
	loaded map[string]bool
}

func (l *lazyGlobals) Get(key string) goja.Value {
	if !l.names[key] || l.loaded[key] {
		return nil
	}
	l.loaded[key] = true
	return l.load(key)
}

// Set lets a script shadow a lazy global before it is loaded.
func (l *lazyGlobals) Set(key string, val goja.Value) bool {
	l.loaded[key] = true
	g := l.rt.vm.GlobalObject()
	return g.DefineDataProperty(key, val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE) == nil
}

func (l *lazyGlobals) Has(key string) bool { return l.names[key] && !l.loaded[key] }

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
	{"MessageEvent", "worker_threads", "MessageEvent"},
	{"BroadcastChannel", "worker_threads", "BroadcastChannel"},
	{"fetch", "internal/fetch", "fetch"},
	{"Headers", "internal/fetch", "Headers"},
	{"Request", "internal/fetch", "Request"},
	{"Response", "internal/fetch", "Response"},
	{"FormData", "internal/fetch", "FormData"},
	{"crypto", "crypto", "webcrypto"},
	{"Crypto", "crypto", "Crypto"},
	{"CryptoKey", "crypto", "CryptoKey"},
	{"SubtleCrypto", "crypto", "SubtleCrypto"},
}

// installLazyGlobals puts the lazy-globals object into the global object's prototype chain.
// define(name, value) is the bootstrap's defineGlobal.
func (rt *Runtime) installLazyGlobals(define goja.Callable) {
	l := &lazyGlobals{rt: rt, names: make(map[string]bool, len(lazyGlobalTable)), loaded: map[string]bool{}}
	for _, e := range lazyGlobalTable {
		if _, ok := rt.registry[e.module]; ok {
			l.names[e.name] = true
		}
	}
	l.load = func(name string) goja.Value {
		for _, e := range lazyGlobalTable {
			if e.name != name {
				continue
			}
			m, err := rt.requireBuiltin(e.module)
			if err != nil {
				panic(rt.host.ToJS(err))
			}
			v := m
			if e.export != "" {
				v = m.ToObject(rt.vm).Get(e.export)
			}
			if _, err := define(goja.Undefined(), rt.vm.ToValue(name), v); err != nil {
				panic(err)
			}
			return v
		}
		return nil
	}
	obj := rt.vm.NewDynamicObject(l)
	g := rt.vm.GlobalObject()
	_ = obj.SetPrototype(g.Prototype())
	_ = g.SetPrototype(obj)
}
