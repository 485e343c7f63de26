package main

import (
	"os"
	"runtime/debug"
	"syscall"
	"time"
)

// Start-up collection policy. What a run allocates in its first moments is mostly what stays
// alive (compiled glue, the modules' objects, the program's code), so collecting then costs
// CPU and frees little: for the first startupGCWindow of CPU time the collector runs at
// startupGCPercent, whose first cycle comes only at a heap of about 4 MiB × startupGCPercent/100
// (16 MiB), more than a plain start allocates. Then Go's defaults (or the user's
// GOGC/GOMEMLIMIT) apply.
//
// It is a raised percentage and not the collector turned off up to a heap limit: a program
// that allocates much and keeps little from its first moments (encoding megabytes in a loop)
// would otherwise spread its garbage over tens of megabytes of fresh pages, and faulting those
// pages in costs more CPU, and far more peak RSS, than collecting a small heap.
//
// The window is the process's CPU time, not wall time: on a busy machine a short script takes
// several times its CPU time in wall time, and a wall-time window then ended inside it, where
// the drop to 100% started a collection of a heap that was about to be thrown away (measured:
// console.log('hi') under load peaked at 19.5-22.2 MB instead of 19.9-20.3 MB). The window
// still ends after startupGCMaxWall, so an idle program does not keep the raised percentage.
const (
	startupGCWindow  = 250 * time.Millisecond
	startupGCMaxWall = 2 * time.Second
	startupGCPercent = 400
)

func holdGCDuringStartup() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(startupGCPercent)
	start := time.Now()
	var check func()
	check = func() {
		used := processCPUTime()
		if left := startupGCWindow - used; left > 0 && time.Since(start) < startupGCMaxWall {
			time.AfterFunc(max(left, 10*time.Millisecond), check)
			return
		}
		debug.SetGCPercent(100)
	}
	time.AfterFunc(startupGCWindow, check)
}

// processCPUTime is the user and system time the process has used, all threads together.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return startupGCWindow // unknown: end the window
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
