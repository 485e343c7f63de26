// Package console implements Node's console module and the global console
// (https://nodejs.org/api/console.html): log/info/debug to stdout, warn/error/trace to stderr,
// dir, assert, count, time, group indentation, table, and the Console class for arbitrary
// streams. It is JS glue over internal/util/inspect (package util): console.log('hi') with a
// single string skips formatting entirely and writes through process._rawWrite, which goes
// straight to the runtime's stdout unless process.stdout was created (then its write is used,
// so patching process.stdout.write works as in Node).
package console

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed console.js
var consoleJS string

//go:embed table.js
var tableJS string

// consoleColdJS is the helpers only console.time*, assert, countReset and a bad Console stream
// need, compiled (under console's file name) on first use.
//
//go:embed consolecold.js
var consoleColdJS string

// ColdSource is consolecold.js, whose lines the runtime reads to give its frames node's places.
func ColdSource() string { return consoleColdJS }

// Module is the console module; the runtime installs its exports as the global console.
var Module = modules.Module{Name: "console", Bind: bind, JSRef: &consoleJS}

// bind gives the glue two loops done in Go: putting the console methods on Console.prototype
// and bound copies of them on a console. In glue each method cost a descriptor object or two
// and as many Object.defineProperty calls, and every runtime's global console paid for them.
func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// coldFactory returns the function that makes consolecold.js's helpers
	b.Set("coldFactory", func(goja.FunctionCall) goja.Value {
		v, err := vm.RunProgram(modules.CompileOnce("node:console", consoleColdJS))
		if err != nil {
			panic(err)
		}
		return v
	})
	// defineMethods(proto, methods): each of methods' own enumerable properties becomes a
	// writable, enumerable, configurable property of proto.
	b.Set("defineMethods", func(call goja.FunctionCall) goja.Value {
		proto, methods := call.Argument(0).ToObject(vm), call.Argument(1).ToObject(vm)
		for _, k := range methods.Keys() {
			if err := proto.DefineDataProperty(k, methods.Get(k), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	// bindMethods(target, self, methods, noLength, fromSelf): target[k] = methods[k].bind(self)
	// named k (as Object.defineProperty(fn, 'name', { value: k }) names it) and, with noLength,
	// of length 0. With fromSelf the method bound is self[k], as node's Console constructor
	// binds it: a subclass's override of a Console.prototype method is the one bound.
	b.Set("bindMethods", func(call goja.FunctionCall) goja.Value {
		target, self, methods := call.Argument(0).ToObject(vm), call.Argument(1), call.Argument(2).ToObject(vm)
		noLength := call.Argument(3).ToBoolean()
		from := methods
		if call.Argument(4).ToBoolean() {
			from = self.ToObject(vm)
		}
		zero := vm.ToValue(0)
		for _, k := range methods.Keys() {
			m := from.Get(k).ToObject(vm)
			bindFn, ok := goja.AssertFunction(m.Get("bind"))
			if !ok {
				panic(vm.NewTypeError("bind is not a function"))
			}
			v, err := bindFn(m, self)
			if err != nil {
				panic(err)
			}
			fn := v.ToObject(vm)
			if err := fn.DefineDataProperty("name", vm.ToValue(k), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
				panic(err)
			}
			if noLength {
				if err := fn.DefineDataProperty("length", zero, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
					panic(err)
				}
			}
			if err := target.Set(k, fn); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	return nil
}

// Table is console.table's rendering, a module of its own so that it is compiled on first use.
var Table = modules.Module{Name: "internal/console/table", Internal: true, JSRef: &tableJS}
