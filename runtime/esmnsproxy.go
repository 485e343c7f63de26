package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// A module namespace is a proxy (esm.js, wrapNamespace) made here as a goja native proxy whose
// traps call the functions of a JS handler object: an operation the handler has no trap for
// goes straight to the target without a lookup or an allocation, as a JS proxy's would not
// (goja's JS handler looks the trap up and boxes its arguments on every property read).

// nsProxyBinding adds nsProxy(target, handler), which makes such a proxy, and nsTraps(ns),
// which reads its handler's traps again after the handler changed. Loop only.
func (rt *Runtime) nsProxyBinding(lz *modules.LazyFuncs) {
	vm := rt.vm
	cfgs := map[*goja.Object]*goja.ProxyTrapConfig{}
	handlers := map[*goja.Object]*goja.Object{}
	lz.Set("nsProxy", func(target, handler *goja.Object) goja.Value {
		cfg := &goja.ProxyTrapConfig{}
		ns := vm.ToValue(vm.NewProxy(target, cfg)).(*goja.Object)
		cfgs[ns] = cfg
		handlers[ns] = handler
		rt.setNsTraps(cfg, handler)
		return ns
	})
	lz.Set("nsTraps", func(ns *goja.Object) {
		if cfg := cfgs[ns]; cfg != nil {
			rt.setNsTraps(cfg, handlers[ns])
		}
	})
}

// setNsTraps sets cfg's traps to call handler's functions (none where it has none).
func (rt *Runtime) setNsTraps(cfg *goja.ProxyTrapConfig, handler *goja.Object) {
	vm := rt.vm
	trap := func(name string) goja.Callable {
		fn, _ := goja.AssertFunction(handler.Get(name))
		return fn
	}
	call := func(fn goja.Callable, args ...goja.Value) goja.Value {
		v, err := fn(handler, args...)
		if err != nil {
			panic(err)
		}
		return v
	}
	*cfg = goja.ProxyTrapConfig{}
	if fn := trap("get"); fn != nil {
		cfg.Get = func(t *goja.Object, p string, r goja.Value) goja.Value {
			return call(fn, t, vm.ToValue(p), r)
		}
	}
	if fn := trap("set"); fn != nil {
		cfg.Set = func(t *goja.Object, p string, v, r goja.Value) bool {
			return call(fn, t, vm.ToValue(p), v, r).ToBoolean()
		}
	}
	if fn := trap("has"); fn != nil {
		cfg.Has = func(t *goja.Object, p string) bool {
			return call(fn, t, vm.ToValue(p)).ToBoolean()
		}
	}
	if fn := trap("deleteProperty"); fn != nil {
		cfg.DeleteProperty = func(t *goja.Object, p string) bool {
			return call(fn, t, vm.ToValue(p)).ToBoolean()
		}
	}
	if fn := trap("defineProperty"); fn != nil {
		cfg.DefineProperty = func(t *goja.Object, p string, d goja.PropertyDescriptor) bool {
			return call(fn, t, vm.ToValue(p), descriptorObject(vm, d)).ToBoolean()
		}
	}
	if fn := trap("getOwnPropertyDescriptor"); fn != nil {
		cfg.GetOwnPropertyDescriptor = func(t *goja.Object, p string) goja.PropertyDescriptor {
			return descriptorOf(call(fn, t, vm.ToValue(p)))
		}
	}
	if fn := trap("ownKeys"); fn != nil {
		cfg.OwnKeys = func(t *goja.Object) *goja.Object {
			o, _ := call(fn, t).(*goja.Object)
			return o
		}
	}
	if fn := trap("preventExtensions"); fn != nil {
		cfg.PreventExtensions = func(t *goja.Object) bool {
			return call(fn, t).ToBoolean()
		}
	}
	if fn := trap("isExtensible"); fn != nil {
		cfg.IsExtensible = func(t *goja.Object) bool {
			return call(fn, t).ToBoolean()
		}
	}
}

// descriptorObject is the JS descriptor object of d (only the fields it has).
func descriptorObject(vm *goja.Runtime, d goja.PropertyDescriptor) *goja.Object {
	o := vm.NewObject()
	if d.Value != nil {
		_ = o.Set("value", d.Value)
	}
	if d.Writable != goja.FLAG_NOT_SET {
		_ = o.Set("writable", d.Writable == goja.FLAG_TRUE)
	}
	if d.Getter != nil {
		_ = o.Set("get", d.Getter)
	}
	if d.Setter != nil {
		_ = o.Set("set", d.Setter)
	}
	if d.Enumerable != goja.FLAG_NOT_SET {
		_ = o.Set("enumerable", d.Enumerable == goja.FLAG_TRUE)
	}
	if d.Configurable != goja.FLAG_NOT_SET {
		_ = o.Set("configurable", d.Configurable == goja.FLAG_TRUE)
	}
	return o
}

// descriptorOf is the descriptor a trap returned as a JS object (empty for undefined).
func descriptorOf(v goja.Value) goja.PropertyDescriptor {
	var d goja.PropertyDescriptor
	o, ok := v.(*goja.Object)
	if !ok {
		return d
	}
	flag := func(name string) goja.Flag {
		f := o.Get(name)
		if f == nil {
			return goja.FLAG_NOT_SET
		}
		if f.ToBoolean() {
			return goja.FLAG_TRUE
		}
		return goja.FLAG_FALSE
	}
	d.Value, d.Getter, d.Setter = o.Get("value"), o.Get("get"), o.Get("set") // (nil when it has none)
	d.Writable, d.Enumerable, d.Configurable = flag("writable"), flag("enumerable"), flag("configurable")
	return d
}
