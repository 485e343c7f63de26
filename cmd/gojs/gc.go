package main

import (
	"os"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/cmd/gojs/internal/early"
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
//
// After start-up it is Go's 100 on purpose. Measured against it (session 14, node in the same
// runs; see the gc engineer's notes): a minimum heap goal of 16/32/64 MiB (GOGC set again after
// every cycle from the live heap) made the 4-connection net stream use 0%/+16%/+30% more CPU
// and 4/23/53 MB more RSS, because the reads' garbage then spreads over more fresh pages
// (more page faults and cache misses) than the collections it saves cost; ping-pong and the
// http server gained nothing measurable, and the http server's peak RSS went from 47 to 60 MB
// (node 90-103), past the 0.5x target. GOGC from the survival rate (100/(1-s), s the share of
// what was allocated between two cycles that stayed alive, at most 400) cut 1M setTimeout's CPU
// by at most 10%, but raised the http peak RSS to 50-54 MB and the idle-connection RSS from
// 1.31x to 1.44x node's. GOGC 50-200 for everything changed no CPU figure beyond the noise.
// With the collector off altogether, ping-pong used 15% more CPU (5 times the page faults) and
// the http server 35-70% more CPU per request: for these servers, fresh memory costs more than
// collecting a small heap, so their gap to node is not the collector's.
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

// adviseHeapDuringStartup repeats early.HugeHeap every hugeAdvisePeriod for the first
// hugeAdviseWindow of a run: the heap chunks Go maps while the main script loads its modules are
// advised within a few milliseconds, before most of their pages are touched.
func adviseHeapDuringStartup() {
	start := time.Now()
	var tick func()
	tick = func() {
		early.HugeHeap()
		if time.Since(start) < hugeAdviseWindow {
			time.AfterFunc(hugeAdvisePeriod, tick)
		}
	}
	time.AfterFunc(hugeAdvisePeriod, tick)
}

const (
	hugeAdvisePeriod = 4 * time.Millisecond
	hugeAdviseWindow = 250 * time.Millisecond
)
