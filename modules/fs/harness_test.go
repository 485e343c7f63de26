package fs

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// runJS runs src in a bare runtime with fs loaded, in dir, and returns what print() wrote.
func runJS(t testing.TB, dir, src string) string {
	t.Helper()
	return runJSWith(t, dir, src, nil)
}

// runJSWith is runJS with a hook that adjusts the Host before anything runs, and returns after
// the runtime's handles were closed.
func runJSWith(t testing.TB, dir, src string, setup func(h *modules.Host)) string {
	t.Helper()
	vm := goja.New()
	var out bytes.Buffer
	var loopErr error
	var loop *eventloop.Loop
	loop = eventloop.New(vm, eventloop.Hooks{Uncaught: func(err error) {
		loopErr = err
		loop.Exit(1)
	}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h := &modules.Host{VM: vm, Loop: loop, Stdout: &out, Stderr: &out, Ctx: ctx}
	h.SetCwd(dir)
	if setup != nil {
		setup(h)
	}
	cache := map[string]goja.Value{}
	mods := map[string]*modules.Module{"fs": &Module, "fs/promises": &PromisesModule, modules.Internals.Name: &modules.Internals}
	var require func(name string) (goja.Value, error)
	require = func(name string) (goja.Value, error) {
		name = strings.TrimPrefix(name, "node:")
		if v, ok := cache[name]; ok {
			return v, nil
		}
		m := mods[name]
		if m == nil {
			return nil, fmt.Errorf("Cannot find module '%s'", name)
		}
		b := vm.NewObject()
		if m.Bind != nil {
			if err := m.Bind(h, b); err != nil {
				return nil, err
			}
		}
		prg, err := m.Program()
		if err != nil {
			return nil, err
		}
		if prg == nil {
			cache[name] = b
			return b, nil
		}
		fnv, err := vm.RunProgram(prg)
		if err != nil {
			return nil, err
		}
		fn, _ := goja.AssertFunction(fnv)
		module := vm.NewObject()
		exports := vm.NewObject()
		module.Set("exports", exports)
		req := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v, err := require(c.Argument(0).String())
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return v
		})
		if _, err := fn(goja.Undefined(), exports, req, module, b, goja.Undefined()); err != nil {
			return nil, err
		}
		v := module.Get("exports")
		cache[name] = v
		return v, nil
	}
	h.RequireFn = require
	vm.Set("require", func(c goja.FunctionCall) goja.Value { return h.Require(c.Argument(0).String()) })
	vm.Set("print", func(c goja.FunctionCall) goja.Value {
		parts := make([]string, len(c.Arguments))
		for i, a := range c.Arguments {
			parts[i] = a.String()
		}
		out.WriteString(strings.Join(parts, " ") + "\n")
		return goja.Undefined()
	})
	loop.RunTask(func() error {
		_, err := vm.RunString(src)
		return err
	})
	if loopErr == nil {
		if _, err := loop.Run(ctx); err != nil {
			t.Fatalf("loop: %v", err)
		}
	}
	loop.CloseHandles()
	if loopErr != nil {
		t.Fatalf("uncaught: %v\noutput:\n%s", loopErr, out.String())
	}
	return out.String()
}
