package buffer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// testModules are the modules the test loader knows; other packages' tests add theirs.
var testModules = []*modules.Module{&Module, &EncodingModule}

// newVM returns a runtime with require() for this package's modules, Buffer as a global, and
// print() collecting output.
func newVM(t testing.TB) (*goja.Runtime, *strings.Builder) {
	vm := goja.New()
	h := &modules.Host{VM: vm}
	cache := map[string]goja.Value{}
	var require func(name string) (goja.Value, error)
	require = func(name string) (goja.Value, error) {
		name = strings.TrimPrefix(name, "node:")
		if v, ok := cache[name]; ok {
			return v, nil
		}
		for _, m := range testModules {
			if m.Name != name {
				continue
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
			fn, err := vm.RunProgram(prg)
			if err != nil {
				return nil, err
			}
			call, _ := goja.AssertFunction(fn)
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
			if _, err := call(goja.Undefined(), exports, req, module, b, goja.Undefined()); err != nil {
				return nil, err
			}
			v := module.Get("exports")
			cache[name] = v
			return v, nil
		}
		return nil, fmt.Errorf("no module %q", name)
	}
	h.RequireFn = require
	out := &strings.Builder{}
	vm.Set("require", func(c goja.FunctionCall) goja.Value {
		v, err := require(c.Argument(0).String())
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	vm.Set("print", func(c goja.FunctionCall) goja.Value {
		for i, a := range c.Arguments {
			if i > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(a.String())
		}
		out.WriteByte('\n')
		return goja.Undefined()
	})
	if _, err := vm.RunString(`globalThis.Buffer = require('buffer').Buffer;
		const enc = require('internal/encoding');
		globalThis.TextEncoder = enc.TextEncoder; globalThis.TextDecoder = enc.TextDecoder;
		globalThis.atob = require('buffer').atob; globalThis.btoa = require('buffer').btoa;
		globalThis.DOMException = enc.DOMException;`); err != nil {
		t.Fatal(err)
	}
	return vm, out
}

// run runs src and returns what it printed; a thrown error fails the test.
func run(t testing.TB, src string) string {
	t.Helper()
	vm, out := newVM(t)
	if _, err := vm.RunString(src); err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}
