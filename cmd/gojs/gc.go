package main

import (
	"os"
	"runtime/debug"
	"time"
)

// Start-up collection policy. What a run allocates in its first moments is mostly what stays
// alive (compiled glue, the modules' objects, the program's code), so collecting then costs
// CPU and frees little: for the first startupGCWindow the collector runs at startupGCPercent,
// whose first cycle comes only at a heap of about 4 MiB × startupGCPercent/100 (16 MiB), more
// than a plain start allocates. Then Go's defaults (or the user's GOGC/GOMEMLIMIT) apply.
//
// It is a raised percentage and not the collector turned off up to a heap limit: a program
// that allocates much and keeps little from its first moments (encoding megabytes in a loop)
// would otherwise spread its garbage over tens of megabytes of fresh pages, and faulting those
// pages in costs more CPU, and far more peak RSS, than collecting a small heap.
const (
	startupGCWindow  = 250 * time.Millisecond
	startupGCPercent = 400
)

func holdGCDuringStartup() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(startupGCPercent)
	time.AfterFunc(startupGCWindow, func() { debug.SetGCPercent(100) })
}
