// Package repl implements Node's repl module (https://nodejs.org/api/repl.html): REPLServer, a
// read-eval-print loop over any pair of streams, built on the readline module's Interface with
// line editing, history, Tab completion, multi-line input for incomplete statements, top-level
// await and the dot commands. gojs's interactive mode (`gojs` on a terminal) is one of these.
//
// The Go side compiles and runs the input as a global script, so `let` and `const` declarations
// persist from one line to the next as they do in Node's REPL.
package repl

import (
	_ "embed"
	"errors"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed repl.js
var glue string

// Module is the "repl" built-in.
var Module = modules.Module{Name: "repl", Bind: bind, JS: glue}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// check(code) returns null when code compiles as a script, else the syntax error's message.
	b.Set("check", func(code string) goja.Value {
		if _, err := goja.Compile("repl", code, false); err != nil {
			var se *goja.CompilerSyntaxError
			if errors.As(err, &se) {
				return vm.ToValue(se.Message)
			}
			return vm.ToValue(err.Error())
		}
		return goja.Null()
	})
	// run(code, filename) runs code as a global script and returns its completion value.
	b.Set("run", func(code, filename string) goja.Value {
		prg, err := goja.Compile(filename, code, false)
		if err != nil {
			msg := err.Error()
			var se *goja.CompilerSyntaxError
			if errors.As(err, &se) {
				msg = se.Message
			}
			ctor, _ := vm.Get("SyntaxError").(*goja.Object)
			if e, cerr := vm.New(ctor, vm.ToValue(msg)); cerr == nil {
				panic(e)
			}
			panic(vm.NewGoError(err))
		}
		v, err := vm.RunProgram(prg)
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex)
			}
			panic(vm.NewGoError(err))
		}
		return v
	})
	return nil
}
