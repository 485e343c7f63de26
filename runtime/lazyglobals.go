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
	load   goja.Callable
	loaded map[string]bool
}

func (l *lazyGlobals) Get(key string) goja.Value {
	if !l.names[key] || l.loaded[key] {
		return nil
	}
	l.loaded[key] = true
	v, err := l.load(goja.Undefined(), l.rt.vm.ToValue(key))
	if err != nil {
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

func (l *lazyGlobals) Has(key string) bool { return l.names[key] && !l.loaded[key] }

func (l *lazyGlobals) Delete(key string) bool {
	l.loaded[key] = true
	return true
}

func (l *lazyGlobals) Keys() []string { return nil }

// installLazyGlobals puts the lazy-globals object into the global object's prototype chain.
func (rt *Runtime) installLazyGlobals(names []string, load goja.Callable) {
	l := &lazyGlobals{rt: rt, names: make(map[string]bool, len(names)), load: load, loaded: map[string]bool{}}
	for _, n := range names {
		l.names[n] = true
	}
	obj := rt.vm.NewDynamicObject(l)
	g := rt.vm.GlobalObject()
	_ = obj.SetPrototype(g.Prototype())
	_ = g.SetPrototype(obj)
}
