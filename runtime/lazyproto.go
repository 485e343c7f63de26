package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// lazyProtoModule (internal/lazy_proto) lets glue put a class in its prototype chain before the
// module that defines the base class is loaded: net.Socket extends stream.Duplex, but requiring
// net or http does not load stream (a third of what requiring http costs a runtime). Until the
// base module loads, the class's prototype (and the constructor's) inherits from a stand-in that
// loads it on the first property lookup that reaches it; the glue's whenLoaded callback then puts
// the real base in its place. Constructing an instance loads the base too (the constructors call
// it), so only reflection on a class whose base module nothing loaded yet sees the stand-in.
//
// Binding: standIn(module, proto, skipFunctionNames) makes a stand-in inheriting from proto;
// whenLoaded(module, fn) calls fn once the built-in module has loaded (at once if it has);
// extendWhenLoaded(module, classes, proto, ctor, base) makes classes inherit from base() that way;
// adoptGlobal(name, fn) gives a module the global forwarder to export as fn.
var lazyProtoModule = modules.Module{Name: "internal/lazy_proto", Internal: true, Bind: bindLazyProto}

var runtimeStateKey = new(int)

func bindLazyProto(h *modules.Host, b *goja.Object) error {
	rt := h.State(runtimeStateKey, func() any { return (*Runtime)(nil) }).(*Runtime)
	lz := modules.NewLazyFuncs(rt.vm)
	// (Both take a goja.FunctionCall: a Go function of other arguments is called by reflection,
	// about ten allocations a call, and http alone calls these a dozen times as it loads.)
	lz.Set("standIn", func(c goja.FunctionCall) goja.Value {
		return rt.newStandIn(c.Argument(0).String(), c.Argument(1), c.Argument(2).ToBoolean())
	})
	lz.Set("whenLoaded", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(1))
		if !ok {
			panic(rt.vm.NewTypeError("whenLoaded: not a function"))
		}
		rt.whenLoaded(c.Argument(0).String(), fn)
		return goja.Undefined()
	})
	// extendWhenLoaded(module, classes, proto, ctor, base): the classes (constructors) inherit
	// from base() once module has loaded, and until then from stand-ins (inheriting from proto
	// and ctor) that load it on the first lookup reaching them: a module whose classes extend
	// another module's class (a crypto Hash a stream Transform) loads that module only when one
	// of them is made or reflected on.
	lz.Set("extendWhenLoaded", func(c goja.FunctionCall) goja.Value {
		module := c.Argument(0).String()
		var classes []*goja.Object
		if arr, ok := c.Argument(1).(*goja.Object); ok {
			for _, k := range arr.Keys() {
				if o, ok := arr.Get(k).(*goja.Object); ok {
					classes = append(classes, o)
				}
			}
		}
		base, ok := goja.AssertFunction(c.Argument(4))
		if !ok {
			panic(rt.vm.NewTypeError("extendWhenLoaded: not a function"))
		}
		protoStand, ctorStand := rt.newStandIn(module, c.Argument(2), false), rt.newStandIn(module, c.Argument(3), true)
		inherit := func(proto, ctor *goja.Object) {
			for _, cl := range classes {
				if p, ok := cl.Get("prototype").(*goja.Object); ok {
					_ = p.SetPrototype(proto)
				}
				_ = cl.SetPrototype(ctor)
			}
		}
		inherit(protoStand, ctorStand)
		done, _ := goja.AssertFunction(rt.vm.ToValue(func(goja.FunctionCall) goja.Value {
			b, err := base(goja.Undefined())
			if err != nil {
				panic(err)
			}
			bo, ok := b.(*goja.Object)
			if !ok {
				return goja.Undefined()
			}
			bp, _ := bo.Get("prototype").(*goja.Object)
			_ = protoStand.SetPrototype(bp)
			_ = ctorStand.SetPrototype(bo)
			inherit(bp, bo)
			return goja.Undefined()
		}))
		rt.whenLoaded(module, done)
		return goja.Undefined()
	})
	// adoptGlobal(name, fn): the forwarder of the global name (lazyglobals.go), made to call fn,
	// for the glue to export in fn's place; fn itself when there is none.
	lz.Set("adoptGlobal", func(c goja.FunctionCall) goja.Value {
		fn := c.Argument(1)
		if rt.lazy != nil {
			if o := rt.lazy.adopt(c.Argument(0).String(), fn); o != nil {
				return o
			}
		}
		return fn
	})
	lz.Install(b)
	return nil
}

// newStandIn makes a stand-in for module's class inheriting from proto (static: for the
// constructor, whose function names do not load the module).
func (rt *Runtime) newStandIn(module string, proto goja.Value, static bool) *goja.Object {
	o := rt.vm.NewDynamicObject(&standIn{rt: rt, module: module, static: static})
	if p, ok := proto.(*goja.Object); ok {
		_ = o.SetPrototype(p)
	} else {
		_ = o.SetPrototype(nil)
	}
	return o
}

// whenLoaded calls fn once the built-in module has loaded (now, if it has).
func (rt *Runtime) whenLoaded(module string, fn goja.Callable) {
	if _, ok := rt.loaded[module]; ok {
		if _, err := fn(goja.Undefined()); err != nil {
			panic(err)
		}
		return
	}
	if rt.onLoad == nil {
		rt.onLoad = map[string][]goja.Callable{}
	}
	rt.onLoad[module] = append(rt.onLoad[module], fn)
}

// runOnLoad calls the whenLoaded callbacks of a module that has just loaded.
func (rt *Runtime) runOnLoad(name string) error {
	fns := rt.onLoad[name]
	if fns == nil {
		return nil
	}
	delete(rt.onLoad, name)
	for _, fn := range fns {
		if _, err := fn(goja.Undefined()); err != nil {
			return err
		}
	}
	return nil
}

// functionName reports the names a constructor finds on Function.prototype: looking them up on a
// class (Socket.call(this)) must not load its base module.
func functionName(key string) bool {
	switch key {
	case "call", "apply", "bind", "toString", "constructor", "length", "name", "caller", "arguments":
		return true
	}
	return false
}

// standIn is a DynamicObject with no properties of its own: the first lookup that reaches it
// loads the base module (whose whenLoaded callback sets this object's prototype to the real base,
// where the lookup then continues with the right receiver).
type standIn struct {
	rt      *Runtime
	module  string
	static  bool
	loading bool
}

func (s *standIn) load(key string) {
	if s.loading || (s.static && functionName(key)) {
		return
	}
	if _, ok := s.rt.loaded[s.module]; ok {
		return
	}
	s.loading = true
	defer func() { s.loading = false }()
	if _, err := s.rt.requireBuiltin(s.module); err != nil {
		panic(s.rt.host.ToJS(err))
	}
}

func (s *standIn) Get(key string) goja.Value   { s.load(key); return nil }
func (s *standIn) Set(string, goja.Value) bool { return false }
func (s *standIn) Delete(string) bool          { return true }
func (s *standIn) Keys() []string              { s.load(""); return nil }

// Has answers for own properties (there are none), which both `in` and assignment ask. `in`
// must see the base's properties, so it loads the base; but assigning to the class's prototype
// also asks, and the glue that defines the class does so: while built-ins are being initialised
// it does not load.
func (s *standIn) Has(key string) bool {
	if len(s.rt.loading) == 0 {
		s.load(key)
	}
	return false
}
