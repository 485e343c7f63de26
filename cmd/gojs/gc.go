package main

import (
	"math"
	"os"
	"runtime/debug"
	"time"
)

// Start-up collection policy. What a run allocates in its first moments is mostly what stays
// alive (compiled glue, the modules' objects, the program's code), so collecting then costs
// CPU and frees little: the first startupGCWindow runs with the collector held back until the
// heap reaches startupHeapLimit, then Go's defaults (or the user's GOGC/GOMEMLIMIT) apply.
const (
	startupGCWindow  = 250 * time.Millisecond
	startupHeapLimit = 96 << 20
)

func holdGCDuringStartup() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startupHeapLimit)
	time.AfterFunc(startupGCWindow, func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
