package main

import (
	"sync/atomic"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// End of start-up. What a process allocates while its main module runs (the glue and modules it
// compiles) is mostly what stays alive, which is what the start-up collection hold (gc.go) and
// the huge-page advice of the start-up heap are for. Once the main module has run and the loop
// first waits for what it started (a server for its first connection), the allocations are the
// steady state's: garbage mostly. So start-up ends there, even inside the hold's CPU window. A
// program that starts I/O at once may never wait (a client streaming to its own server: the
// sockets are always ready), so start-up also ends at the first poll that finds a socket ready
// (OnFirstWait covers both). Streaming 64 KiB chunks, the hold's GOGC 400 otherwise ran for the
// whole window, with a heap goal of 36-56 MB where GOGC 100 gives 16-22:
//
//   - the collection hold ends (GOGC 100, or the growth policy). A server that gets load right
//     after it listens otherwise spends the rest of the window at GOGC 400 on request garbage:
//     with wrk starting as soon as bench/http's hello.js listened, its peak RSS over the first
//     2 s was 48-54 MB with the hold and 39-43 MB without;
//   - the start-up heap's chunks are no longer advised for huge pages;
//   - trimBeforeServing later, if the process still runs, the binary's read-only pages are
//     dropped from the resident set (trimBinary): start-up touches most of the binary (package
//     initialisation, the compiler, the loader) and a read fault maps the 64 KiB around the
//     page it needs, so an idle hello.js server had 19 MB of its text and read-only data
//     resident, of which serving needs about 13 MB. The delay keeps this off short programs
//     that wait once and exit.
//
// A program that never waits (console.log('hi')) exits without any of this.
var startupEnded atomic.Bool

const trimBeforeServing = 100 * time.Millisecond

// watchStartupEnd ends start-up when rt's loop first waits or finds I/O ready. Call it before the
// runtime runs the main module, on the goroutine that will run it.
func watchStartupEnd(rt *runtime.Runtime) {
	rt.Loop().OnFirstWait(func() {
		if startupEnded.CompareAndSwap(false, true) {
			endStartupHold()
			time.AfterFunc(trimBeforeServing, trimBinary)
		}
	})
}
