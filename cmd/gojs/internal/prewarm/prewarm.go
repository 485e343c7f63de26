// Package prewarm starts, on another goroutine as soon as the packages it needs are initialised,
// the work on the way to running a script that does not need a runtime: compiling the CommonJS
// loader's glue (the longest compile), then the runtime's bootstrap as rewritten for lazy members
// (by go generate: modules.LazyScriptPrepared gives it and the runtime the same string). It
// overlaps the rest of the process's package initialisation and the runtime's set-up instead of
// starting in main. Its import path sorts before the built-in modules', so Go
// initialises it as soon as goja and package modules are ready. Nothing is done for --version or
// --help.
//
// The runtime needs the bootstrap ~1 ms into its set-up, before the loader, and compiles it on
// its own goroutine if the prewarm has not begun it (modules.CompileOnce compiles a source
// once, whoever asks first); a second prewarm goroutine for it would not run before then, as
// the loader's compile and main hold both processors of a two-core machine. Measured
// (console.log('hi'), marks in a scratch build, medians of 40): runtime.New 3.9 -> 2.6-3.0 ms,
// where it had compiled the unrewritten bootstrap here for nothing and rewritten it in main.
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
	modules.SetProgramImages(js.Image) // as the runtime does when it initialises, later
	go func() {
		early.GrowStack()
		boot := modules.LazyScriptPrepared(&modules.PreparedScript{From: js.BootstrapLazyFrom, Script: js.BootstrapLazy,
			Names: js.BootstrapLazyNames}, js.BootstrapLazyKey, js.Bootstrap, js.BootstrapLazyObjs...)
		modules.CompileOnce(js.LoaderName, js.Loader)
		early.HugeHeap() // the heap chunks the compile mapped (see early.HugeHeap)
		modules.CompileOnce(js.BootstrapName, boot)
		early.HugeHeap()
	}()
}
