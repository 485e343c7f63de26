package net

import (
	"runtime"
	"strings"
	"sync"
	"unsafe"
	"weak"
)

// Read buffers are recycled, as Node's allocator reuses the memory of the Buffers it frees.
//
// A read of carveMin bytes or more hands JS the bytes it was read into (a Buffer over that part
// of the chunk, not a copy; see readOnce), so a stream at full speed uses up a 64 KiB chunk
// every read or two. Fresh memory there is
// expensive: Go zeroes it, and the garbage collector, paced by allocation, runs a cycle (marking
// the whole live heap) every few megabytes. So these buffers come from a process-wide pool of
// free memory (like sync.Pool: no runtime's state): each pooled chunk carries a finalizer, which
// the collector runs once nothing at all refers to the chunk any more (no JS Buffer, and no Go
// code holding a slice of it: a queued write, another module), and which puts it back in the
// pool. No memory is reused while anything can still see it.
//
// At most chunkPoolMax chunks carry the finalizer (the rest are ordinary garbage), as chunks the
// collector finds dead are kept once more by their finalizer: an unbounded number would grow
// the heap without end. The pool gives memory back: a chunk left unused in it through two whole
// collections is dropped (a small sentinel object's finalizer counts the collections while
// chunks are armed).
//
// The pool holds its free chunks by weak pointers, so that they do not count as live: a chunk
// left free when a collection starts is found unreachable like a chunk in use that died, its
// finalizer puts it back in the pool (where it keeps the collection count it was freed at), and
// the heap the collection leaves marked, from which the next one's goal is set, holds no free
// chunk. Held strongly, the free chunks (48 MiB once the finalizers refill the pool) count as
// live whenever a collection begins before they are taken again (a program that streamed, then
// allocates otherwise), and the next goal doubles. (In the full-speed stream this was the
// rarer cause of the doubled goal: see the finalizer goroutine below.) A weak pointer's Value is nil from the moment the collector queues the chunk's finalizer, so a chunk
// is handed out from the pool only while it is free and armed. (Chunks whose finalizers are
// still queued when the next collection starts are reachable from the queue, and still count.)
//
// The finalizers that put dead chunks back run on the runtime's finalizer goroutine, which the
// scheduler wakes only when a P looks for work: a loop streaming at full speed seldom does (it
// is always runnable), and the collection's chunks could wait many milliseconds for their
// finalizers while the loop made fresh ones. Those fresh chunks then brought on the next
// collection while the old ones were still queued, so reachable, so live: it marked ~56 MB,
// the next goal doubled, and the stream's peak RSS went from 84-89 MB to 110-290 MB (in 4-7 of
// 15 runs of 1000 MB over 4 connections, on main and with the weak free list alike). So before
// making a chunk, a getChunk that finds the pool dry at its full size yields once
// (runtime.Gosched), which wakes the finalizer goroutine and lets it run: 2 runs in 48 went
// over 100 MB after that (123 and 131 MB). (It costs one scheduler round trip per fresh chunk, ~100
// per collection.)
//
// A stream at full speed empties the pool before each collection: it goes through the armed
// chunks and then takes fresh ones until the heap's growth brings on the next cycle (see
// chunkPoolMax). Made on the loop, a fresh chunk costs it the allocation, the assist to the
// collection in progress that the allocation is charged (64 KiB at a time), and then, in the
// read itself, a fault on every page of memory the runtime had given back to the kernel: 6% of
// the loop's time streaming 64 KiB writes over 4 connections (perf). So once the pool has run
// dry at its full size, fresh chunks are made ahead, off the loop: a goroutine keeps a few
// spare ones, allocated and with their pages touched, and getChunk takes those before making
// one itself. The spares are dropped after two collections in which none was taken.

type chunk [readChunk]byte

// chunkPoolMax trades peak RSS for collections: a stream at full speed goes through the armed
// chunks plus GOGC's headroom (~8 MiB of fresh chunks) between two collections, and every armed
// chunk stays resident. Streaming 64 KiB writes over 4 connections (1000 MB, cmd/gojs's
// start-up window ending at the first socket ready), 512/768/1024 chunks made 27/22/19
// collections per GB at a peak RSS of 68-70/77-84/93-100 MB (node: 84-92 MB), and callgrind
// (GOGC 100, one P) 1.21/1.10/1.11 M instructions per MB.
//
// The pool fills by the fresh chunks of each cycle (~105 a collection), so a stream reaches the
// steady state only after ~8 collections (~300 MB); the 1000 MB figures above are half warm-up.
// In the steady state (bench/net_stream_instr.sh with GC=100, 900 vs 1200 MB), 768 chunks made
// ~18 collections per GB and 0.93-0.99 M instructions per MiB, of which the collector's marking
// was about half (~30 M instructions a cycle for a ~6 MB live heap: goja's objects and the
// compiled glue; the rest ~0.4 M, what GOGC=off counts). 1536 chunks cut that to 0.77 M, but the
// peak RSS of 2000 MB went from 85-91 MB to 133-135 MB (node: 85-86 MB) for ~10% less user CPU.
const chunkPoolMax = 768 // 48 MiB at most

type freeChunk struct {
	w     weak.Pointer[chunk]
	addr  uintptr // the chunk's address (its key in chunkPool.at)
	cycle uint32  // the collection count when it was freed
}

var chunkPool struct {
	mu    sync.Mutex
	free  []freeChunk     // taken from the end
	at    map[uintptr]int // the index in free of each free chunk, by address
	armed int             // chunks carrying recycleChunk as their finalizer (or with it queued)
	cycle uint32          // collections seen by the sentinel
	watch bool            // a sentinel is armed

	spare     []*chunk // fresh chunks made ahead by fillSpare, faulted in, not armed
	spareUsed uint32   // the collection count when a spare was last taken or made
	filling   bool     // fillSpare is running
}

// spareMax is the most fresh chunks made ahead (2 MiB), spareLow the count under which taking
// one starts fillSpare again. (With 128 refilled from 96, the loop made a third as many fresh
// chunks itself, the stream's reads coming in bursts of readBurst, but the extra spares, live
// at every collection, raised the heap goal: the peak RSS of 1000 MB over 4 connections went
// from 84-89 MB to 130-338 MB.)
const (
	spareMax = 32
	spareLow = 16
)

// getChunk returns a read buffer, recycled when one is free. Any goroutine.
func getChunk() *chunk {
	p := &chunkPool
	p.mu.Lock()
	yielded := false
again:
	for n := len(p.free); n > 0; n = len(p.free) {
		f := p.free[n-1]
		p.free[n-1] = freeChunk{}
		p.free = p.free[:n-1]
		delete(p.at, f.addr)
		// (nil: a collection found the chunk unused and queued its finalizer, which puts it in
		// the pool again.)
		if c := f.w.Value(); c != nil {
			p.mu.Unlock()
			return c
		}
	}
	arm := p.armed < chunkPoolMax
	if !arm && !yielded && len(p.spare) == 0 {
		// Dry at its full size: before making a chunk, let the chunks a collection found
		// unused come back (see the comment at the top).
		p.mu.Unlock()
		runtime.Gosched()
		yielded = true
		p.mu.Lock()
		goto again
	}
	watch := false
	if arm {
		p.armed++
		watch, p.watch = !p.watch, true
	}
	var c *chunk
	if n := len(p.spare); n > 0 {
		c = p.spare[n-1]
		p.spare[n-1] = nil
		p.spare = p.spare[:n-1]
		p.spareUsed = p.cycle
	}
	// (Made ahead only once the pool has run dry at its full size: a program that reads little
	// never has spares.)
	fill := !arm && len(p.spare) < spareLow && !p.filling
	if fill {
		p.filling = true // (the sentinel is armed: the pool is full)
	}
	p.mu.Unlock()
	if fill {
		go fillSpare()
	}
	if c == nil {
		c = newChunk()
	}
	if arm {
		runtime.SetFinalizer(c, recycleChunk)
	}
	if watch {
		armSentinel()
	}
	return c
}

// fillSpare makes fresh chunks until there are spareMax spares, or the pool has chunks again.
func fillSpare() {
	p := &chunkPool
	for {
		p.mu.Lock()
		// (Nor while the pool has chunks again: a collection just refilled it, and allocating
		// then would bring on the next one early, while the refilled chunks are still free,
		// which counts them as live and so doubles the heap the next cycle waits for.)
		if len(p.spare) >= spareMax || len(p.free) > 0 {
			p.filling = false
			p.spareUsed = p.cycle
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		c := newChunk()
		// Touch every page, so that the read does not fault on memory the runtime had given
		// back to the kernel. (4 KiB pages; with larger ones the extra stores cost nothing.)
		for i := 0; i < len(c); i += 4096 {
			c[i] = 0
		}
		p.mu.Lock()
		p.spare = append(p.spare, c)
		p.mu.Unlock()
	}
}

// newChunk allocates a chunk without zeroing it: Go's new would clear 64 KiB that reads then
// overwrite (runtime.memclrNoHeapPointers was 2% of a full-speed stream's instructions). Only
// bytes a read has put in a chunk are ever handed out (readOnce gives JS exactly the n bytes
// read, in a slice whose capacity ends there), as with the recycled ones, which hold old data
// too. strings.Builder's Grow is the standard library's allocation that does not zero.
func newChunk() *chunk {
	var b strings.Builder
	b.Grow(readChunk)
	b.WriteByte(0) // (so that String has the buffer's address)
	s := b.String()
	if cap := b.Cap(); cap != readChunk {
		return new(chunk) // (a Grow that rounds up: the chunk must be the whole allocation, for its finalizer)
	}
	return (*chunk)(unsafe.Pointer(unsafe.StringData(s)))
}

// recycleChunk is the finalizer of pooled chunks: c is unreachable, so it is free again. A chunk
// that was free already keeps its place and the count it was freed at, and once it has stayed
// free through two whole collections it is dropped (it is garbage from then on).
func recycleChunk(c *chunk) {
	p := &chunkPool
	addr := uintptr(unsafe.Pointer(c))
	p.mu.Lock()
	defer p.mu.Unlock()
	i, free := p.at[addr]
	if free && p.cycle-p.free[i].cycle >= 2 {
		last := len(p.free) - 1
		if i != last {
			p.free[i] = p.free[last]
			p.at[p.free[i].addr] = i
		}
		p.free[last] = freeChunk{}
		p.free = p.free[:last]
		delete(p.at, addr)
		p.armed--
		return
	}
	runtime.SetFinalizer(c, recycleChunk)
	if free {
		p.free[i].w = weak.Make(c) // (the old one is nil for good)
		return
	}
	if p.at == nil {
		p.at = make(map[uintptr]int)
	}
	p.at[addr] = len(p.free)
	p.free = append(p.free, freeChunk{weak.Make(c), addr, p.cycle})
}

// sentinel is garbage whose finalizer runs once per collection while chunks are armed. (It has
// a pointer field so that it is not packed with other tiny objects.)
type sentinel struct{ _ *byte }

func armSentinel() { runtime.SetFinalizer(new(sentinel), onCollection) }

// onCollection counts the collections, and drops the spares when none was taken through two.
// (Free chunks are dropped by their finalizer: see recycleChunk.)
func onCollection(*sentinel) {
	p := &chunkPool
	p.mu.Lock()
	p.cycle++
	if len(p.spare) > 0 && !p.filling && p.cycle-p.spareUsed >= 2 {
		clear(p.spare)
		p.spare = nil
	}
	p.watch = p.armed > 0 || len(p.spare) > 0 || p.filling
	watch := p.watch
	p.mu.Unlock()
	if watch {
		armSentinel()
	}
}
