package runtime

import "github.com/gojs-dev/gojs/modules/repl"

// BreakEval interrupts the REPL evaluation in progress, if any (the REPL reports "Script
// execution was interrupted by `SIGINT`" and prompts again), and reports whether there was one.
// The CLI calls it on Ctrl+C. Safe from any goroutine.
func (rt *Runtime) BreakEval() bool { return repl.Break(rt.vm) }
