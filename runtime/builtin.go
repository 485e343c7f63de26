package runtime

import (
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// requireBuiltin loads a built-in by name (internal ones included), binding it on first use.
func (rt *Runtime) requireBuiltin(name string) (goja.Value, error) {
	name = strings.TrimPrefix(name, "node:")
	if name == "process" && rt.process != nil {
		// the process object itself, whatever globalThis.process has become since
		return rt.process, nil
	}
	if v, ok := rt.loaded[name]; ok {
		return v, nil
	}
	if mo, ok := rt.loading[name]; ok {
		return mo.Get("exports"), nil
	}
	m, ok := rt.registry[name]
	if !ok {
		return nil, &modules.Error{Name: "Error", Code: "ERR_UNKNOWN_BUILTIN_MODULE",
			Message: "No such built-in module: " + name}
	}
	binding, err := rt.binding(m)
	if err != nil {
		return nil, err
	}
	if rt.defaultRegistry {
		compileDepsAhead(name, rt.registry)
	}
	prg, err := m.Program()
	if err != nil {
		return nil, err
	}
	if rt.loadLog != nil && prg != nil {
		*rt.loadLog = append(*rt.loadLog, name)
	}
	if prg == nil {
		rt.loaded[name] = binding
		return binding, nil
	}
	vm := rt.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	// (own data properties, as node's BuiltinModule has them: an accessor a program put on
	// Object.prototype for these names is not called when a built-in loads late)
	module.DefineDataProperty("exports", exports, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	module.DefineDataProperty("id", vm.ToValue("node:"+name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	rt.loading[name] = module
	defer delete(rt.loading, name)
	fnv, err := vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnv)
	if _, err := fn(goja.Undefined(), exports, rt.internalRequire(), module, binding, rt.internalBindingFn()); err != nil {
		return nil, err
	}
	v := module.Get("exports")
	rt.loaded[name] = v
	if name == "fs" {
		rt.noteOwnFS(v)
	}
	if err := rt.runOnLoad(name); err != nil {
		return nil, err
	}
	if name == "events" && rt.procHook != nil {
		// process becomes an EventEmitter once events exists (process instanceof EventEmitter)
		if err := rt.callHook("ensureEvents"); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// binding returns the module's binding object, calling Bind once.
func (rt *Runtime) binding(m *modules.Module) (*goja.Object, error) {
	if b, ok := rt.bindings[m.Name]; ok {
		return b, nil
	}
	b := rt.vm.NewObject()
	rt.bindings[m.Name] = b
	if m.Bind != nil {
		if err := m.Bind(rt.host, b); err != nil {
			delete(rt.bindings, m.Name)
			return nil, err
		}
	}
	return b, nil
}

var (
	internalRequireKey = new(int)
	internalBindingKey = new(int)
)

// internalRequire is the require function given to built-in glue.
func (rt *Runtime) internalRequire() goja.Value {
	return rt.host.State(internalRequireKey, func() any {
		return rt.vm.ToValue(func(call goja.FunctionCall) goja.Value {
			v, err := rt.requireBuiltin(call.Argument(0).String())
			if err != nil {
				panic(rt.host.ToJS(err))
			}
			return v
		})
	}).(goja.Value)
}

// internalBindingFn gives glue the Go binding of another built-in.
func (rt *Runtime) internalBindingFn() goja.Value {
	return rt.host.State(internalBindingKey, func() any {
		return rt.vm.ToValue(func(call goja.FunctionCall) goja.Value {
			name := call.Argument(0).String()
			m, ok := rt.registry[name]
			if !ok {
				panic(rt.vm.NewTypeError("No such binding: " + name))
			}
			b, err := rt.binding(m)
			if err != nil {
				panic(rt.host.ToJS(err))
			}
			return b
		})
	}).(goja.Value)
}

// publicBuiltins lists the built-ins user code may require, sorted, as module.builtinModules.
func (rt *Runtime) publicBuiltins() []string {
	if rt.defaultRegistry {
		return defaultPublicBuiltins()
	}
	return publicNames(rt.registry)
}

func publicNames(registry map[string]*modules.Module) []string {
	var names []string
	for n, m := range registry {
		if !m.Internal && !m.SchemeOnly {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// defaultPublicBuiltins is publicBuiltins of the default registry, made once per process.
var defaultPublicBuiltins = sync.OnceValue(func() []string { return publicNames(defaultRegistry()) })

// defaultBuiltinValues holds defaultPublicBuiltins as JS strings, made by the first runtime that
// needs them and shared: a primitive string value belongs to no runtime.
var defaultBuiltinValues struct {
	once sync.Once
	vals []any
}

// builtinModulesArray is a new JS array of publicBuiltins (module.builtinModules).
func (rt *Runtime) builtinModulesArray() *goja.Object {
	if !rt.defaultRegistry {
		return jsStrings(rt.vm, rt.publicBuiltins())
	}
	d := &defaultBuiltinValues
	d.once.Do(func() {
		names := defaultPublicBuiltins()
		d.vals = make([]any, len(names))
		for i, n := range names {
			d.vals[i] = sharedString(n)
		}
	})
	return rt.vm.NewArray(d.vals...)
}
