// Package testrunner is node:test, Node's test runner module
// (https://nodejs.org/api/test.html): test/describe/it/suite, hooks, skip/todo/only, subtests,
// t.plan, t.diagnostic, t.mock, run(), node:test/reporters (spec, tap, dot, junit, lcov) and
// code coverage (--experimental-test-coverage, see package coverage). A file run directly
// reports itself; under `gojs test` each file emits its events for the CLI to merge.
package testrunner

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/testrunner/coverage"
)

//go:embed test.js
var glue string

//go:embed reporters.js
var reportersGlue string

//go:embed coverage.js
var coverageGlue string

// Module is node:test (reachable only with the node: prefix).
var Module = modules.Module{Name: "test", SchemeOnly: true, Bind: bind, JSRef: &glue}

// Reporters is node:test/reporters (https://nodejs.org/api/test.html#test-reporters).
var Reporters = modules.Module{Name: "test/reporters", SchemeOnly: true, JSRef: &reportersGlue}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// execArgv: the runtime's, with the --test-child flags process.execArgv does not show.
	args := make([]any, len(h.ExecArgv))
	for i, a := range h.ExecArgv {
		args[i] = a
	}
	b.Set("execArgv", vm.NewArray(args...))
	b.Set("callThrough", h.CallThrough)
	modules.SetNoteThis(h, b)
	// coverageOn: --experimental-test-coverage; coverage(): this runtime's script coverage as
	// V8 reports it (JSON); coverageSummary(lists, cwd): node's summary of merged lists.
	b.Set("coverageOn", coverage.On(h))
	b.Set("coverage", func() string { return coverage.For(h).JSON() })
	var summary goja.Callable
	b.Set("coverageSummary", func(lists, cwd goja.Value) goja.Value {
		if summary == nil {
			fn, err := vm.RunString("(function (module, require) {" + coverageGlue + "\n})")
			if err != nil {
				panic(err)
			}
			call, _ := goja.AssertFunction(fn)
			mod := vm.NewObject()
			req := vm.ToValue(func(name string) goja.Value { return h.Require(name) })
			if _, err := call(goja.Undefined(), mod, req); err != nil {
				panic(err)
			}
			summary, _ = goja.AssertFunction(mod.Get("exports").ToObject(vm).Get("summary"))
		}
		v, err := summary(goja.Undefined(), lists, cwd)
		if err != nil {
			panic(err)
		}
		return v
	})
	return nil
}
