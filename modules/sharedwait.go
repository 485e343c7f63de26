package modules

import (
	"sync"
	"sync/atomic"
	"time"
)

// SharedWaiters are the waiters another implementation keeps for a range of shared memory: a
// shared WebAssembly.Memory's, whose atomic instructions (memory.atomic.wait32/notify) wazero
// keeps its own list for. Atomics.wait and Atomics.notify on that memory's bytes use them, so
// that JS and wasm code wake each other as in V8, where both use one list. Any goroutine.
type SharedWaiters interface {
	// Wait blocks while the 4- or 8-byte word at offset off holds exp, until a notify, d (if
	// d >= 0) or stopped() says to give up (checked every few milliseconds): "ok",
	// "not-equal" or "timed-out".
	Wait(off uintptr, size int, exp uint64, d time.Duration, stopped func() bool) string
	// Notify wakes at most count waiters at off and reports how many it woke.
	Notify(off uintptr, count uint32) uint32
}

// sharedWaiters is the registered ranges, replaced whole under its mutex (a wait or notify
// reads it without a lock: there are usually none).
var sharedWaiters struct {
	mu     sync.Mutex
	ranges atomic.Pointer[[]sharedRange]
}

type sharedRange struct {
	base, end uintptr
	w         SharedWaiters
}

// RegisterSharedWaiters makes w the waiters of the n bytes at base (memory that never moves)
// until the returned function is called.
func RegisterSharedWaiters(base, n uintptr, w SharedWaiters) (unregister func()) {
	update := func(f func([]sharedRange) []sharedRange) {
		sharedWaiters.mu.Lock()
		defer sharedWaiters.mu.Unlock()
		var old []sharedRange
		if p := sharedWaiters.ranges.Load(); p != nil {
			old = *p
		}
		next := f(append([]sharedRange(nil), old...))
		sharedWaiters.ranges.Store(&next)
	}
	update(func(l []sharedRange) []sharedRange { return append(l, sharedRange{base: base, end: base + n, w: w}) })
	var once sync.Once
	return func() {
		once.Do(func() {
			update(func(l []sharedRange) []sharedRange {
				for i, x := range l {
					if x.base == base && x.w == w {
						return append(l[:i], l[i+1:]...)
					}
				}
				return l
			})
		})
	}
}

// SharedWaitersAt returns the waiters registered for the memory at addr and addr's offset in
// it (nil if none are).
func SharedWaitersAt(addr uintptr) (SharedWaiters, uintptr) {
	p := sharedWaiters.ranges.Load()
	if p == nil {
		return nil, 0
	}
	for _, r := range *p {
		if addr >= r.base && addr < r.end {
			return r.w, addr - r.base
		}
	}
	return nil, 0
}
