package util

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/assert"
	"github.com/gojs-dev/gojs/modules/nodeerr"
)

// testRuntime is a minimal stand-in for the runtime's module loader: it binds and evaluates our
// modules on a bare goja.Runtime.
type testRuntime struct {
	vm     *goja.Runtime
	h      *modules.Host
	cache  map[string]goja.Value
	mods   map[string]*modules.Module
	stdout strings.Builder
	stderr strings.Builder
}

func newTestRuntime(t testing.TB, extra ...*modules.Module) *testRuntime {
	vm := goja.New()
	r := &testRuntime{vm: vm, cache: map[string]goja.Value{}, mods: map[string]*modules.Module{}}
	r.h = &modules.Host{VM: vm, Env: map[string]string{}}
	for _, m := range append(append([]*modules.Module{&nodeerr.Errors, &nodeerr.Validators, &assert.Comparisons}, Modules...), extra...) {
		r.mods[m.Name] = m
	}
	r.h.RequireFn = r.require
	vm.Set("require", func(name string) goja.Value {
		v, err := r.require(strings.TrimPrefix(name, "node:"))
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	return r
}

func (r *testRuntime) require(name string) (goja.Value, error) {
	if v, ok := r.cache[name]; ok {
		return v, nil
	}
	m, ok := r.mods[name]
	if !ok {
		return nil, fmt.Errorf("no module %q", name)
	}
	vm := r.vm
	binding := vm.NewObject()
	if m.Bind != nil {
		if err := m.Bind(r.h, binding); err != nil {
			return nil, err
		}
	}
	prg, err := m.Program()
	if err != nil {
		return nil, err
	}
	if prg == nil {
		r.cache[name] = binding
		return binding, nil
	}
	module := vm.NewObject()
	exports := vm.NewObject()
	module.Set("exports", exports)
	r.cache[name] = exports
	fnv, err := vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnv)
	req := vm.ToValue(func(n string) goja.Value {
		v, err := r.require(strings.TrimPrefix(n, "node:"))
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	if _, err := fn(goja.Undefined(), exports, req, module, binding, goja.Undefined()); err != nil {
		delete(r.cache, name)
		return nil, err
	}
	ex := module.Get("exports")
	r.cache[name] = ex
	return ex, nil
}

func (r *testRuntime) run(t testing.TB, src string) goja.Value {
	t.Helper()
	v, err := r.vm.RunString(src)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return v
}

func assertFn(v goja.Value) (goja.Callable, bool) { return goja.AssertFunction(v) }
