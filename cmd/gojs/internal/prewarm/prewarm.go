// Package prewarm starts compiling the CommonJS loader's glue (the longest compile on the way to
// running a script) on another goroutine as soon as the packages it needs are initialised, so
// that the compile overlaps the rest of the process's package initialisation instead of starting
// in main. Its import path sorts before the built-in modules', so Go initialises it as soon as
// goja and package modules are ready. Nothing is compiled for --version or --help.
package prewarm

import (
	"os"

	"github.com/gojs-dev/gojs/cmd/gojs/internal/early"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime/js"
)

func init() {
	for _, a := range os.Args[1:] {
		if a == "--" || len(a) == 0 || a[0] != '-' {
			break
		}
		switch a {
		case "-v", "--version", "-h", "--help":
			return
		}
	}
	go func() {
		early.GrowStack()
		modules.CompileOnce(js.LoaderName, js.Loader)
		early.HugeHeap() // the heap chunks the compile mapped (see early.HugeHeap)
		// the bootstrap as the runtime runs it (runtime/bootstrap.go's lazyBootstrapJS)
		modules.CompileOnce(js.BootstrapName, modules.LazyScriptOnce("bootstrap", js.Bootstrap, "proc"))
		early.HugeHeap()
	}()
}
