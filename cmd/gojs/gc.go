package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

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
// heap is at least growthMinLive, the collector waits for the heap to grow by growthPercent
// before the next cycle: by that same survival, the memory held until then is almost all live
// anyway, so the peak RSS barely moves. The first cycle that finds more garbage than that sets
// GOGC 100 again. The start-up window above hands over to this policy, so a program still
// building its heap when the window ends keeps the raised percentage.
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
const (
	growthMinLive   = 32 << 20
	growthSurvival  = 0.9
	growthPercent   = 400
	growthMaxExtra  = 1 << 30
	growthMinPeriod = 50 * time.Millisecond
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
	maxHeapSys uint64 // the most heap memory mapped at a reading (see adviseGrowth)
	adviser    bool   // adviseGrowth's loop is running
	reserved   bool   // reserveHeap ran
	// reserving is reserveSize while reserveHeap's memory is allocated (adviseGrowth does not
	// count it as the heap's growth)
	reserving atomic.Uint64
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
	if now.Sub(w.read) < growthMinPeriod || w.reserving.Load() != 0 {
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
	if m.HeapSys > w.maxHeapSys {
		w.maxHeapSys = m.HeapSys
		if !w.adviser && growthAdvice() {
			w.adviser = true
			go w.adviseGrowth()
		}
	}
	if w.growing && !w.reserved && live <= reserveMaxLive && growthAdvice() {
		w.reserved = true
		if size := reserveFits(); size > 0 {
			go w.reserveHeap(size)
		}
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

// Huge pages for a growing heap. A page fault costs ~15 µs of CPU on the VMs gojs is measured on
// (see early.HugeHeap): a program that builds a heap of a gigabyte spends seconds faulting it in
// 4 KiB at a time, while a 2 MiB page is filled by one fault for a fraction of that per byte. So
// when a cycle finds that the heap has mapped more memory than ever before, adviseGrowth advises
// the heap's range for huge pages every hugeAdvisePeriod, until the heap has mapped nothing new
// for growthAdviseIdle. Go maps the heap in 4 MiB chunks, each a new mapping without the advice,
// and the allocator touches a chunk's first pages as soon as it is mapped: a 2 MiB region first
// touched before the next advice keeps small pages, one touched after it gets a huge page, so
// about half of the growth gets them. Only new chunks matter (a huge page comes only from the
// first fault in an empty 2 MiB region), so when the growth stops the range is advised against
// huge pages again: Go's scavenger then releases what the program no longer uses in small pages,
// and khugepaged, which would fill an advised region back up to a whole huge page around any one
// page left in it, leaves the heap alone. Servers, whose heap stops growing soon after they
// start, thus keep the kernel's default.
//
// Measured (static release build, interleaved runs, quiet machine): 1M setTimeout(0) page faults
// 243k -> 128k, CPU 5.0-5.3 -> 3.7-4.2 s, 207-219k -> 270-299k timers/s, peak RSS unchanged
// (~958 MB), ~460 MB of the heap in huge pages; 3M objects and a 1M-element JSON round trip
// (loaded machine): faults 700k -> 500k, CPU 24.7 -> 21.5 s; the 10,000 idle connections' RSS
// per connection unchanged.
func (w *growthWatch) adviseGrowth() {
	sample := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
	}
	// the heap's mapped bytes, and those in spans (the high-water mark of which grows while the
	// heap grows into memory mapped before, such as reserveHeap's)
	mapped := func() (n, used uint64) {
		metrics.Read(sample)
		for _, s := range sample {
			n += s.Value.Uint64()
		}
		used = sample[0].Value.Uint64() + sample[1].Value.Uint64()
		return n, used - min(used, w.reserving.Load())
	}
	last, maxUsed := mapped()
	for idle := time.Duration(0); idle < growthAdviseIdle; {
		early.AdviseHeapGrowth(growthSpan(last), true)
		time.Sleep(hugeAdvisePeriod)
		n, used := mapped()
		if n > last || used > maxUsed {
			last, maxUsed, idle = max(last, n), max(maxUsed, used), 0
		} else {
			idle += hugeAdvisePeriod
		}
	}
	early.AdviseHeapGrowth(growthSpan(last), false)
	w.mu.Lock()
	w.adviser = false
	w.maxHeapSys = max(w.maxHeapSys, last)
	w.mu.Unlock()
}

const growthAdviseIdle = 200 * time.Millisecond

// reserveHeap maps reserveSize bytes of fresh heap at once (one allocation, which Go neither
// clears nor touches), advises them for huge pages, and frees them with a collection: the heap
// then grows into memory advised before anything touched it, so every 2 MiB region of it is
// filled by one page fault. adviseGrowth alone covers about half of the growth (see above):
// a 4 MiB chunk's first pages are touched as soon as Go maps it, before the next advice.
// It runs once, the first time a cycle finds the heap building up while it is still at most
// reserveMaxLive, so the extra collection marks at most that much; the memory costs address
// space only until the heap grows into it (and commit charge, hence overcommits).
//
// Measured on 1M setTimeout(0) (static release build, 5 rounds interleaved with node, load
// ~35): page faults 125.9k -> 19.7k, CPU (user+system) 4.34 -> 3.38 s, peak RSS 945 -> 947 MB,
// ops/s 0.39x -> 0.55x node's (medians); its collections: 13, 52, then the reserve's (64 MB
// live), then 350 MB, where it had 15, 75 and ~440.
func (w *growthWatch) reserveHeap(size uint64) {
	// The collections until it is freed are not readings of the program's heap, and the next
	// reading leaves its bytes out of those allocated.
	w.mu.Lock()
	w.reserving.Store(size)
	w.totalAlloc += size
	w.mu.Unlock()
	reserveAdvise(make([]byte, size))
	runtime.GC()
	w.mu.Lock()
	w.reserving.Store(0)
	w.read = time.Now() // (the last collection's finalizer comes right after)
	if !w.adviser {
		// (it advises the memory against huge pages again once the heap stops growing)
		w.adviser = true
		go w.adviseGrowth()
	}
	w.mu.Unlock()
}

//go:noinline
func reserveAdvise(b []byte) { early.AdviseHuge(unsafe.Pointer(unsafe.SliceData(b)), uintptr(len(b))) }

const (
	reserveSize = 1 << 30
	reserveMin  = 128 << 20
	// (the reserve is a whole number of huge pages)
	hugeReserveAlign = 2 << 20
	reserveMaxLive   = 256 << 20
)

// reserveFits is the size of reserveHeap's allocation on this machine, 0 for none: a Go
// allocation the kernel refuses is a fatal error, so there is none where the kernel counts
// untouched memory against a commit limit (vm.overcommit_memory 2) or the process has an
// address-space limit (ulimit -v), and it is at most a quarter of the machine's memory (the
// kernel's heuristic overcommit refuses a mapping larger than memory and swap).
func reserveFits() uint64 {
	b, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	if err != nil || len(b) == 0 || (b[0] != '0' && b[0] != '1') {
		return 0
	}
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &lim) != nil || lim.Cur != ^uint64(0) {
		return 0
	}
	size := uint64(reserveSize)
	if total := memTotal(); total/4 < size {
		size = total / 4 &^ (hugeReserveAlign - 1)
	}
	if size < reserveMin {
		return 0
	}
	return size
}

// memTotal is /proc/meminfo's MemTotal in bytes (0 if unknown).
func memTotal() uint64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				kb, err := strconv.ParseUint(f[0], 10, 64)
				if err == nil {
					return kb << 10
				}
			}
		}
	}
	return 0
}

// growthSpan is the address range, from the heap's start, advised for a heap of heapSys mapped
// bytes: past what it can grow to in the next few hundred milliseconds.
func growthSpan(heapSys uint64) uintptr {
	return uintptr(4*heapSys + 2*growthMaxExtra)
}

var growthAdvice = sync.OnceValue(early.GrowthAdvice)

// building reports whether the heap is being built up: a live heap of at least growthMinLive
// that kept at least growthSurvival of the bytes allocated since it was prevLive.
func building(prevLive, live, allocated uint64) bool {
	return live >= growthMinLive && live > prevLive && allocated > 0 &&
		float64(live-prevLive) >= growthSurvival*float64(allocated)
}

// growthGCPercent is the GOGC for a live heap being built up: growthPercent, less where that
// would give more than growthMaxExtra of headroom beyond GOGC 100's.
func growthGCPercent(live uint64) int {
	return min(growthPercent, 100+int(growthMaxExtra*100/live))
}
