//go:build linux && !race

package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Prefaulting a growing heap. While a program builds up a large live heap (the growth policy's
// "building", gc.go), almost all its time beyond the script's own goes into first touches of
// fresh memory: Go maps the heap in 4 MiB chunks as it grows and hands their pages out at once,
// and each 4 KiB page costs a page fault when the allocator first writes it. On the VMs gojs is
// measured on, a fresh page costs ~13 µs: ~6 µs of system time for the guest's fault, and ~7 µs
// (accounted as user time) the first time the process's own mapping of it is used, even after
// the kernel has populated it (1 GiB of anonymous memory: touched in place, 1.8 s user + 1.8 s
// system; MADV_POPULATE_WRITE, 0.27 s system, then the first read 1.8 s; touched again after
// that, 0.03 s). 1M setTimeout(0) grows the heap by ~950 MB: ~240k such pages.
//
// So while the heap is building, a goroutine (off the loop's thread) watches for the chunk Go
// maps next and does both steps for it, from its top down (the allocator fills it from the bottom
// up): MADV_POPULATE_WRITE, one system call per 256 KiB (a page fault each costs the same as the
// whole call), then, once the whole chunk is populated, one read of each page through the
// process's own mapping. The loop's thread pays the first use of the pages it gets to before the
// reads do (~30% of them in 1M setTimeout(0)); the rest it finds ready. The goroutine touches only
// chunks Go has just mapped for the allocator (at most prefaultMaxStep at a time: a larger
// mapping is a large object's, which may stay sparse), so the resident set stays what the
// program would have touched anyway, and it ends after prefaultIdle without a new chunk (the next
// collection that finds the heap building starts it again).
const (
	prefaultChunk   = 4 << 20 // Go's heap growth step (a palloc chunk)
	prefaultPiece   = 256 << 10
	prefaultMaxStep = 16 << 20
	prefaultPoll    = time.Millisecond
	prefaultIdle    = 250 * time.Millisecond
	prefaultResync  = 50 * time.Millisecond
	pageBytes       = 4096
)

var prefaultRunning, prefaultOff atomic.Bool

// prefaultProbe is a fresh heap object whose address finds the heap's mapping.
var prefaultProbe *[64]byte

// startPrefault starts the prefaulting goroutine unless it runs. Any goroutine.
func startPrefault() {
	if os.Getpagesize() != pageBytes || prefaultOff.Load() || prefaultRunning.Swap(true) {
		return
	}
	go func() {
		defer prefaultRunning.Store(false)
		prefaultHeap()
	}()
}

func prefaultHeap() {
	end := heapMappedEnd()
	if end == 0 || end%prefaultChunk != 0 {
		return
	}
	if !populated(end-pageBytes, pageBytes) {
		// a kernel without MADV_POPULATE_WRITE (before 5.14), or a sandbox that refuses it
		prefaultOff.Store(true)
		return
	}
	prefaultRange(end-prefaultChunk, end) // the chunk the allocator is in now
	idle := time.Duration(0)
	for idle < prefaultIdle {
		if !populated(end-pageBytes+prefaultChunk, pageBytes) {
			time.Sleep(prefaultPoll)
			idle += prefaultPoll
			if idle%prefaultResync == 0 {
				// the heap may have gone on in a mapping of its own (a new arena elsewhere)
				if e := heapMappedEnd(); e != end && e != 0 && e%prefaultChunk == 0 {
					end, idle = e, 0
					prefaultRange(end-prefaultChunk, end)
				}
			}
			continue
		}
		idle = 0
		// Go mapped the next chunk, perhaps more: a mapping past prefaultMaxStep is left alone
		step := uintptr(prefaultChunk)
		for step < prefaultMaxStep && populated(end+step+prefaultChunk-pageBytes, pageBytes) {
			step += prefaultChunk
		}
		if step >= prefaultMaxStep {
			if end = heapMappedEnd(); end == 0 || end%prefaultChunk != 0 {
				return
			}
			continue
		}
		prefaultRange(end, end+step)
		end += step
	}
}

// prefaultRange populates [lo, hi), then reads it, each from the top down. Populating is the
// cheap step (~1 µs a page, a chunk in about a millisecond), so the allocator soon finds every
// page of the chunk populated and pays at most the first use of the ones it gets to before the
// reads do.
func prefaultRange(lo, hi uintptr) {
	bottom := hi
	for top := hi; top > lo; top -= prefaultPiece {
		from := max(lo, top-prefaultPiece)
		if !populated(from, top-from) {
			break
		}
		bottom = from
	}
	for top := hi; top > bottom; top -= prefaultPiece {
		readPages(max(bottom, top-prefaultPiece), top)
	}
}

// populated populates [addr, addr+n) for writing, reporting false when any of it is not
// mapped (ENOMEM) or not writable (EINVAL) yet.
func populated(addr, n uintptr) bool {
	_, _, e := unix.Syscall(unix.SYS_MADVISE, addr, n, unix.MADV_POPULATE_WRITE)
	return e == 0
}

var prefaultSink byte

// readPages reads one byte of each page of [lo, hi), which populated just mapped: the heap is
// never unmapped, and a read changes nothing the allocator or the program wrote. (The address
// is made a pointer only for the load, at which the goroutine cannot be preempted, so a
// collection never sees it.)
func readPages(lo, hi uintptr) {
	var sum byte
	for a := lo; a < hi; a += pageBytes {
		sum += *(*byte)(unsafe.Add(nil, a))
	}
	prefaultSink = sum
}

// heapMappedEnd is the end of the heap's writable mapping: the run of adjacent read-write
// anonymous mappings, in /proc/self/maps, from the one holding a fresh heap object (0 if it
// cannot tell). Go maps its heap's arenas upward from there, and reserves what follows them
// without access.
func heapMappedEnd() uintptr {
	prefaultProbe = new([64]byte)
	p := uint64(uintptr(unsafe.Pointer(prefaultProbe)))
	prefaultProbe = nil
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0
	}
	defer f.Close()
	var end uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := bytes.Fields(sc.Bytes())
		if len(fs) < 5 {
			return 0
		}
		lo, hi, _ := bytes.Cut(fs[0], []byte("-"))
		l, e1 := strconv.ParseUint(string(lo), 16, 64)
		h, e2 := strconv.ParseUint(string(hi), 16, 64)
		if e1 != nil || e2 != nil {
			return 0
		}
		rw := bytes.HasPrefix(fs[1], []byte("rw")) && len(fs) == 5 // no file name: anonymous
		switch {
		case end == 0 && l <= p && p < h:
			if !rw {
				return 0
			}
			end = h
		case end != 0 && l == end && rw:
			end = h
		case end != 0:
			return uintptr(end)
		}
	}
	return uintptr(end)
}
