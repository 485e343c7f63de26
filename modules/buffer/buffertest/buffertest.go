// Package buffertest runs JS against the buffer module family on a bare goja runtime, with a
// minimal require() for the given built-ins, for unit tests that need no event loop. It is a
// stopgap until runtime/runtimetest covers these packages.
package buffertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// NewVM returns a runtime with require() for buffer, internal/encoding and extra, Buffer,
// TextEncoder, TextDecoder, atob, btoa and DOMException as globals, and print() collecting
// output.
func NewVM(t testing.TB, extra ...*modules.Module) (*goja.Runtime, *strings.Builder) {
	h, out := NewHost(t, extra...)
	return h.VM, out
}

// NewHost is NewVM returning the runtime's module Host, for Go helpers that take one.
func NewHost(t testing.TB, extra ...*modules.Module) (*modules.Host, *strings.Builder) {
	// internal/options: Buffer() asks it for --pending-deprecation (DEP0005)
	testModules := append([]*modules.Module{&buffer.Module, &buffer.EncodingModule, &modules.Options, &modules.Internals}, extra...)
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
	return h, out
}

// Run runs src and returns what it printed; a thrown error fails the test.
func Run(t testing.TB, src string, extra ...*modules.Module) string {
	t.Helper()
	vm, out := NewVM(t, extra...)
	if _, err := vm.RunString(src); err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

// parseTxtar splits a txtar archive into its comment and files.
func parseTxtar(data string) (string, map[string]string) {
	files := map[string]string{}
	var comment strings.Builder
	cur := ""
	inFile := false
	var b strings.Builder
	for _, line := range strings.SplitAfter(data, "\n") {
		l := strings.TrimRight(line, "\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			if inFile {
				files[cur] = b.String()
			}
			cur = strings.TrimSpace(l[3 : len(l)-3])
			b.Reset()
			inFile = true
			continue
		}
		if inFile {
			b.WriteString(line)
		} else {
			comment.WriteString(line)
		}
	}
	if inFile {
		files[cur] = b.String()
	}
	return comment.String(), files
}

// Goldens runs the main.js of each golden script matching the patterns (in
// testdata/scripts at the repository root, found from dir) with console.log printing its
// arguments' String() joined by spaces, and compares with want.stdout. Goldens whose comment
// says "needs-runtime" are skipped.
func Goldens(t *testing.T, root string, patterns []string, extra ...*modules.Module) {
	var files []string
	for _, p := range patterns {
		m, _ := filepath.Glob(filepath.Join(root, "testdata", "scripts", p))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no goldens")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			comment, files := parseTxtar(string(data))
			src, want := files["main.js"], files["want.stdout"]
			if strings.Contains(comment, "needs-runtime") {
				t.Skip("needs the full runtime")
			}
			vm, out := NewVM(t, extra...)
			if _, err := vm.RunString(`globalThis.console = { log(...a) { print(a.map(String).join(' ')); } };`); err != nil {
				t.Fatal(err)
			}
			if _, err := vm.RunString("(function(){" + src + "\n})()"); err != nil {
				t.Fatalf("%v\noutput so far:\n%s", err, out)
			}
			got := out.String()
			if got == want {
				return
			}
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := 0; i < len(gl) || i < len(wl); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
				}
			}
		})
	}
}
