package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/cmd/gojs/internal/early"
)

// Start-up collection policy. What a run allocates in its first moments is mostly what stays
// alive (compiled glue, the modules' objects, the program's code), so collecting then costs
// CPU and frees little: for the first startupGCWindow of CPU time the collector runs at
// startupGCPercent, whose first cycle comes only at a heap of about 4 MiB × startupGCPercent/100
// (16 MiB), more than a plain start allocates. Then Go's defaults (or the user's
// GOGC/GOMEMLIMIT) apply. The window ends earlier when the event loop first waits for work
// (startupend.go): the main module has run, and a server's request garbage is no start-up's.
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
	w := &growthWatch{startup: true, percent: startupGCPercent}
	w.arm()
	startupWatch.Store(w)
	start := time.Now()
	var check func()
	check = func() {
		used := processCPUTime()
		if left := startupGCWindow - used; left > 0 && time.Since(start) < startupGCMaxWall {
			time.AfterFunc(max(left, 10*time.Millisecond), check)
			return
		}
		w.endStartup()
	}
	time.AfterFunc(startupGCWindow, check)
}

// startupWatch is the growth watch while the start-up window is open (nil when the user set
// GOGC or GOMEMLIMIT), for endStartupHold.
var startupWatch atomic.Pointer[growthWatch]

// endStartupHold ends the start-up window now (see startupend.go); the window's own check then
// finds it ended. Any goroutine.
func endStartupHold() {
	if w := startupWatch.Swap(nil); w != nil {
		w.endStartup()
	}
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
		if startupEnded.Load() { // the main module has run (startupend.go)
			return
		}
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

// Growth collection policy. A collection's work is in proportion to the live heap, and it frees
// what died since the one before; while a program builds up a large live heap (a million pending
// timers with their closures, ~1 KB apiece on goja; a big array or map being filled), nearly
// everything allocated between two collections is still alive at the second, and at GOGC 100
// each doubling of the heap marks all of it once more for nothing. So when a cycle finds that
// at least growthSurvival of what was allocated since the last reading survived it, and the live
// heap is at least growthMinLive, the collector waits for the heap to grow by growthPercent (more
// for a larger live heap: growthGCPercent)
// before the next cycle: by that same survival, the memory held until then is almost all live
// anyway, so the peak RSS barely moves. The first cycle that finds more garbage than that sets
// GOGC 100 again. The start-up window above hands over to this policy, so a program still
// building its heap when the window ends keeps the raised percentage.
//
// While the heap builds up, its fresh chunks are also prefaulted off the loop's thread
// (prefault_linux.go).
//
// Like the start-up window, it is off when GOGC or GOMEMLIMIT is set. The floor keeps servers
// out of it: their live heap is small (the http hello server's is 6-11 MiB under wrk with 1000
// connections, its peak RSS ~55 MB) and most of what they allocate dies young. The raised
// headroom is at most growthMaxExtra beyond GOGC 100's, which bounds what a program that stops
// building and starts making garbage right after a raised cycle can pile up before the next one.
//
// Measured on 1M setTimeout(0) (live heap ~850 MB at its peak): collections at 15, 87, 182 and
// 846 MB live became 15, 75 and ~440; CPU 4.16 -> 3.29 s (user 3.19 -> 2.40), peak RSS +0.5%
// (medians of 7 interleaved runs, loaded machine).
//
// growthMaxExtra is 1 GiB, not the 256 MiB it was. With 256 MiB, whether the 1M setTimeout(0)
// run had a fourth collection, at up to ~840 MB live, depended on where the third landed: after
// a third at ~370 MB live the goal was 2 × 370 + 256 ≈ 975 MB, and under fast allocation the
// pacer starts marking 0.7 of the way from the live heap to the goal, ~800 MB, just short of
// where the build ends (~960 MB); that cycle marks the whole heap right before all of it dies,
// ~1 s of CPU. It happened in 4 of 12 interleaved runs (load 2-4; more often on a quieter
// machine, where the third cycle lands earlier). With 1 GiB the goal after ~370 MB is ~1.8 GB
// and every run had 3 collections: user CPU median 1.90 -> 1.59 s, worst 2.62 -> 2.03 s, peak RSS
// 949-957 -> 957-960 MB. The cost is the bound: a program that builds a heap of a few hundred MB
// and then makes garbage may now pile up to 1 GiB of it beyond GOGC 100's goal before the next
// cycle (a 900 MB build followed by 3M short-lived objects: peak RSS 1.72-1.90 -> 1.92-2.06 GB,
// CPU the same within the noise).
//
// growthMinLive is 32 MiB, not the 64 MiB it was: the start-up window's GOGC 400 puts the second
// collection of a program building from the start at 4-5 times its ~13-16 MiB start-up heap, so
// at 53-89 MiB live, on both sides of 64 MiB. Read below the floor (2 of 19 runs of 1M
// setTimeout(0)), GOGC went back to 100 and the run had collections at ~63, ~135 and 600-760 MiB
// live instead of ~65 and ~370.
//
// It is 24 MiB, not 32: on a loaded machine the start-up window (CPU time) ends before the
// second collection, which then comes at GOGC 100, at about twice the start-up heap: 25-37 MB
// live in 1M setTimeout(0) (load ~24), below 32 MiB in about half the runs, which then had one
// more collection at GOGC 100 (at ~50 MB) before the policy took over. A server's live heap
// (6-11 MiB, above) stays well below 24 MiB.
const (
	growthMinLive   = 24 << 20
	growthSurvival  = 0.9
	growthPercent   = 400
	growthMaxExtra  = 1 << 30
	growthMinPeriod = 50 * time.Millisecond
	growthScaleLive = 64 << 20
)

// growthWatch follows the collector's cycles (a finalizer on a sentinel, set again each time it
// runs: once per cycle, on the finalizer goroutine) and sets GOGC by the policy above.
type growthWatch struct {
	mu         sync.Mutex
	startup    bool // in the start-up window: GOGC stays startupGCPercent
	percent    int  // the GOGC in effect
	growing    bool // the last reading found the heap building up
	read       time.Time
	live       uint64 // the live heap at the last reading
	totalAlloc uint64 // the bytes allocated by then
}

// gcSentinel has a pointer so that it is not packed with other tiny objects (whose finalizers
// run only once the whole block is free).
type gcSentinel struct {
	_ *gcSentinel
	_ [8]byte
}

func (w *growthWatch) arm() {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		w.cycle()
		w.arm()
	})
}

// cycle runs after each collection. A cycle closer than growthMinPeriod to the last reading is
// passed over (a heap collected that often is small): the survival is then measured over all the
// cycles since that reading.
func (w *growthWatch) cycle() {
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	if now.Sub(w.read) < growthMinPeriod {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m) // stops the world for microseconds, at most every growthMinPeriod
	// The live heap the cycle left: its goal is live + (live + stacks) × GOGC/100.
	live := m.NextGC * 100 / uint64(100+w.percent)
	if stacks := m.StackInuse * uint64(w.percent) / uint64(100+w.percent); live > stacks {
		live -= stacks
	}
	allocated := m.TotalAlloc - w.totalAlloc
	w.growing = building(w.live, live, allocated)
	w.read, w.live, w.totalAlloc = now, live, m.TotalAlloc
	if w.growing {
		startPrefault() // (prefault_linux.go)
	}
	if !w.startup {
		w.apply()
	}
}

// endStartup ends the start-up window.
func (w *growthWatch) endStartup() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.startup = false
	w.apply()
}

func (w *growthWatch) apply() {
	percent := 100
	if w.growing {
		percent = growthGCPercent(w.live)
	}
	if percent != w.percent {
		debug.SetGCPercent(percent)
		w.percent = percent
	}
}

// No huge pages for a growing heap. Sessions 40-46 advised the heap's growth for transparent
// huge pages (and mapped a 1 GiB advised reserve for it to grow into), measured then on VMs
// where a 4 KiB page fault cost ~15 µs. On the session 47 machine a 4 KiB fault costs ~1.7 µs
// of system time, while filling huge pages dominated (46% of the CPU samples of the 1M promise
// chain were the kernel zeroing huge pages at their faults), so the advice cost more than it saved (static release
// build, interleaved runs): 1M promise .then chain system time 2.6-3.8 s -> 1.0-1.1 s, CPU
// 6.1-7.9 -> 4.5-4.7 s (bare goja 5.0-5.4 s); 1M setTimeout(0) system time 1.1-1.9 -> 0.35-0.42 s,
// ops/s 0.72M -> 0.82-0.88M (quiet medians); peak RSS the same. Only the start-up heap is
// still advised (early.HugeHeap).

// building reports whether the heap is being built up: a live heap of at least growthMinLive
// that kept at least growthSurvival of the bytes allocated since it was prevLive.
func building(prevLive, live, allocated uint64) bool {
	return live >= growthMinLive && live > prevLive && allocated > 0 &&
		float64(live-prevLive) >= growthSurvival*float64(allocated)
}

// growthGCPercent is the GOGC for a live heap being built up: growthPercent up to growthScaleLive
// live, and in proportion to the live heap above it (so the headroom grows with the square of
// the live heap), less where that would give more than growthMaxExtra of headroom beyond GOGC
// 100's, which from 128 MiB live is the bound.
//
// It was growthPercent up to ~341 MiB live. Each cycle while the heap builds marks all of it, and
// with 5x steps 1M setTimeout(0) (~960 MB at its peak) had collections at ~35 and ~190 MB live,
// whose next goal (~950 MB) fell right at the peak: in 2 of 3 runs a fourth cycle marked
// ~850 MB just before it all died, 1.9-4.6 s of CPU on a run of 4-6 s (load ~25). A growing
// heap of 190 MB now waits for ~1.45 GB; a program that builds one and then makes garbage
// may pile up that much before its next cycle, the bound larger heaps had already.
func growthGCPercent(live uint64) int {
	scaled := growthPercent * max(1, float64(live)/growthScaleLive)
	return min(int(scaled), 100+int(growthMaxExtra*100/live))
}
