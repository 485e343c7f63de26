package runtime

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime/js"
)

// Compiling a built-in's glue is most of the cost of its first require in a process (goja
// compiles every function body up front), and a built-in's glue requires others as it loads:
// require('http') compiles net, stream, the streams' internals, events, buffer, url and more, one
// after the other on the loop's goroutine, while the machine's other processors idle. So the first
// time a built-in with such dependencies is required, a goroutine compiles those dependencies
// (builtinDeps, the built-ins its load requires, in the order it requires them), from the last one
// backwards, while the loop goroutine compiles the built-in itself and then each dependency as it
// gets to it: the two meet in the middle, and neither compiles what the other has compiled or is
// compiling (Module.Program compiles once per process; a second caller waits for the first). Only
// one such goroutine runs at a time: a dependency required while it runs starts none of its own
// (its dependencies are in the list being worked through).
//
// builtinDeps is generated (builtindeps_gen.go, go generate) by loading each built-in in a fresh
// runtime; a list gone stale costs time, not correctness: a dependency it lacks is compiled when
// required, one it has in excess is compiled for nothing.
//
//go:generate go test -run TestBuiltinDepsUpToDate -update

// depsCompiling is set while the goroutine that compiles dependencies runs.
var depsCompiling atomic.Bool

// depsStarted records the built-ins whose dependencies were compiled ahead (once per process).
var depsStarted sync.Map

// compileEventsPart compiles the bootstrap's part that process as an EventEmitter needs
// (runtime/js/bootstrapevents.js), which the first load of events in a runtime runs: a
// dependency of events as its glue is.
func compileEventsPart() { modules.CompileOnce(js.BootstrapName, js.BootstrapEvents) }

// compileDepsAhead starts compiling name's dependencies on another goroutine, unless it did
// before, another such compile is running, or name has none. Call it before compiling name's own
// glue, for a built-in of the default set (registry gives the modules by name).
func compileDepsAhead(name string, registry map[string]*modules.Module) {
	deps := builtinDeps(name)
	if deps == "" || depsCompiling.Load() {
		return
	}
	if _, done := depsStarted.LoadOrStore(name, true); done || !depsCompiling.CompareAndSwap(false, true) {
		return
	}
	list := strings.Fields(deps)
	mods := make([]*modules.Module, 0, len(list))
	for _, d := range list {
		if m := registry[d]; m != nil {
			mods = append(mods, m)
		}
	}
	go func() {
		defer depsCompiling.Store(false)
		growStack()
		for i := len(mods) - 1; i >= 0; i-- {
			if mods[i].Name == "events" {
				compileEventsPart() // (needed right after events loads)
			}
			mods[i].Program() // (an error is the loop's to report, when it requires the module)
		}
		if name == "events" {
			compileEventsPart()
		}
	}()
}
