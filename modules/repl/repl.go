// Package repl implements Node's repl module (https://nodejs.org/api/repl.html): REPLServer, a
// read-eval-print loop over any pair of streams, built on the readline module's Interface with
// line editing, history, Tab completion, multi-line input for incomplete statements, top-level
// await and the dot commands. gojs's interactive mode (`gojs` on a terminal) is one of these.
//
// The Go side compiles and runs the input as a global script, so `let` and `const` declarations
// persist from one line to the next as they do in Node's REPL.
package repl

import (
	"context"
	_ "embed"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed repl.js
var glue string

// Module is the "repl" built-in.
var Module = modules.Module{Name: "repl", Bind: bind, JSRef: &glue}

// Internal is node's internal/repl: the repl module's exports (its prototype) and
// createInternalRepl(env, opts, cb), the REPL node's CLI starts, which node's tests reach under
// --expose-internals.
var Internal = modules.Module{Name: "internal/repl", Internal: true, JS: internalGlue}

const internalGlue = `'use strict';
const REPL = require('repl');
module.exports = { __proto__: REPL };
module.exports.createInternalRepl = REPL[Symbol.for('gojs.repl.createInternalRepl')];
`

// breaker lets another goroutine stop the REPL evaluation in progress (Ctrl+C on a terminal).
type breaker struct {
	vm      *goja.Runtime
	running atomic.Bool
	broke   atomic.Bool
}

// breakers maps each runtime that loaded the repl module to its breaker; an entry is removed
// when its runtime closes.
var breakers sync.Map // *goja.Runtime -> *breaker

// Break interrupts the REPL evaluation running in vm, if any, and reports whether there was one:
// the evaluation throws "Script execution was interrupted by `SIGINT`" and the REPL goes on.
// Safe from any goroutine.
func Break(vm *goja.Runtime) bool {
	v, ok := breakers.Load(vm)
	if !ok {
		return false
	}
	br := v.(*breaker)
	if !br.running.Load() {
		return false
	}
	br.broke.Store(true)
	br.vm.Interrupt(errBreak)
	return true
}

var errBreak = errors.New("SIGINT")

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	br := &breaker{vm: vm}
	breakers.Store(vm, br)
	if h.Ctx != nil {
		context.AfterFunc(h.Ctx, func() { breakers.Delete(vm) })
	}
	// stackUnread(e) says whether e's stack is still unread (see Host.StackUnread).
	b.Set("stackUnread", func(v goja.Value) bool {
		return h.StackUnread != nil && h.StackUnread(v)
	})
	// check(code, strict) returns null when code compiles as a script (a strict one if strict),
	// else the syntax error's message.
	b.Set("check", func(code string, strict bool) goja.Value {
		if _, err := goja.Compile("repl", code, strict); err != nil {
			var se *goja.CompilerSyntaxError
			if errors.As(err, &se) {
				return vm.ToValue(se.Message)
			}
			return vm.ToValue(err.Error())
		}
		return goja.Null()
	})
	// awaitWrap(code) is the script node's REPL runs for an input with a top-level await (see
	// processTopLevelAwait), null when it would not rewrite it, or false when the input returns
	// outside a function (node runs it as it is: a syntax error).
	b.Set("awaitWrap", func(code string) goja.Value {
		switch s := processTopLevelAwait(code); s {
		case "":
			return goja.Null()
		case returnOutside:
			return vm.ToValue(false)
		default:
			return vm.ToValue(s)
		}
	})
	// syntax(code, strict) describes the syntax error of code (strict code if strict) as V8 does
	// ({ message, line, column, width }), or returns null when it compiles.
	b.Set("syntax", func(code string, strict bool) goja.Value {
		_, err := goja.Compile("repl", code, strict)
		if err == nil {
			return goja.Null()
		}
		se, ok := modules.V8SyntaxError(err, code)
		if !ok {
			return goja.Null()
		}
		o := vm.NewObject()
		o.Set("message", se.Message)
		o.Set("line", se.Line)
		o.Set("column", se.Column)
		o.Set("width", se.Width)
		if se.Line > 0 {
			// node's line of carets under the line's text (the pad and marks count UTF-16 units):
			// none at the end of the input, else at least one
			width := max(se.Width, 1)
			if se.Message == "Unexpected end of input" {
				width = 0
			}
			o.Set("carets", modules.Carets(modules.LineText(code, se.Line), se.Column, width))
		}
		return o
	})
	settle := func(v goja.Value, err error, at eventloop.VMMark) goja.Value { return settleRun(h, br, v, err, at) }
	// run(code, filename) runs code as a global script and returns its completion value.
	b.Set("run", func(code, filename string) goja.Value {
		if h.Sources != nil {
			h.Sources.NoteSource(code)
			// (a frame's call column is read in the code as V8 puts it: at the called name)
			h.Sources.NoteCode(filename, code, 0, 0, 0)
		}
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
		br.running.Store(true)
		at := h.Mark()
		v, err := vm.RunProgram(prg)
		br.running.Store(false)
		return settle(v, err, at)
	})
	// runBreakable(fn) calls fn (which runs an input in the REPL's own vm context) as run runs
	// an input: Ctrl+C (Break) interrupts it, and what it throws comes out as run's does.
	b.Set("runBreakable", func(fn goja.Callable) goja.Value {
		br.running.Store(true)
		at := h.Mark()
		v, err := fn(goja.Undefined())
		br.running.Store(false)
		return settle(v, err, at)
	})
	return nil
}

// settleRun is the end of an input's run (repl's run and runBreakable): an interrupt of Break
// becomes the REPL's ERR_SCRIPT_EXECUTION_INTERRUPTED error, an exception is thrown on.
func settleRun(h *modules.Host, br *breaker, v goja.Value, err error, at eventloop.VMMark) goja.Value {
	vm := h.VM
	{
		if br.broke.Swap(false) {
			vm.ClearInterrupt()
			var ie *goja.InterruptedError
			if errors.As(err, &ie) {
				ctor, _ := vm.Get("Error").(*goja.Object)
				e, cerr := vm.New(ctor, vm.ToValue("Script execution was interrupted by `SIGINT`"))
				if cerr != nil {
					panic(cerr)
				}
				e.Set("code", "ERR_SCRIPT_EXECUTION_INTERRUPTED")
				// the frames would be the REPL's own
				e.DefineDataProperty("stack", vm.ToValue("Error: Script execution was interrupted by `SIGINT`"),
					goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
				panic(e)
			}
		}
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex)
			}
			// a stack overflow is node's "Uncaught RangeError: Maximum call stack size
			// exceeded" (it was a GoError carrying goja's frames); an interrupt goes on
			h.Repanic(err, at)
		}
		return v
	}
}
