package net

import (
	"runtime"
	"testing"
	"time"
	"unsafe"
)

// poolHas reports whether the chunk at addr is free in the pool.
func poolHas(addr uintptr) bool {
	chunkPool.mu.Lock()
	defer chunkPool.mu.Unlock()
	for _, f := range chunkPool.free {
		if uintptr(unsafe.Pointer(f.c)) == addr {
			return true
		}
	}
	return false
}

// eventually collects and waits for finalizers until cond holds (or fails after a while).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		if cond() {
			return
		}
	}
	t.Fatalf("never: %s", what)
}

// A chunk comes back to the pool only when nothing refers to it, not even a slice of it held in
// Go; and chunks left unused are given back to the collector.
func TestChunkPoolRecycles(t *testing.T) {
	c := getChunk()
	c[0], c[100] = 1, 2
	addr := uintptr(unsafe.Pointer(c))
	tail := c[100:200] // what a queued write or another module may hold
	c = nil
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		if poolHas(addr) {
			t.Fatal("a chunk still referred to by a slice was recycled")
		}
	}
	if tail[0] != 2 {
		t.Fatal("chunk memory changed under a live slice")
	}
	runtime.KeepAlive(tail)
	tail = nil
	eventually(t, "the dropped chunk is free again", func() bool { return poolHas(addr) })
	eventually(t, "unused chunks are dropped", func() bool {
		chunkPool.mu.Lock()
		defer chunkPool.mu.Unlock()
		return len(chunkPool.free) == 0 && chunkPool.armed == 0
	})
}

// At most chunkPoolMax chunks carry the finalizer.
func TestChunkPoolBounded(t *testing.T) {
	var held []*chunk
	for i := 0; i < chunkPoolMax+10; i++ {
		held = append(held, getChunk())
	}
	chunkPool.mu.Lock()
	armed := chunkPool.armed
	chunkPool.mu.Unlock()
	if armed > chunkPoolMax {
		t.Fatalf("%d chunks armed, max %d", armed, chunkPoolMax)
	}
	runtime.KeepAlive(held)
	held = nil
	eventually(t, "all chunks given back", func() bool {
		chunkPool.mu.Lock()
		defer chunkPool.mu.Unlock()
		return chunkPool.armed == 0
	})
}

// Once the pool has run dry at its full size, fresh chunks are made ahead off the caller's
// goroutine, handed out before any made on the spot, and dropped when left unused.
func TestChunkPoolSpares(t *testing.T) {
	spares := func() (n int, filling bool) {
		chunkPool.mu.Lock()
		defer chunkPool.mu.Unlock()
		return len(chunkPool.spare), chunkPool.filling
	}
	var held []*chunk
	for i := 0; i < chunkPoolMax; i++ {
		held = append(held, getChunk())
	}
	if n, filling := spares(); n != 0 || filling {
		t.Fatalf("spares made before the pool ran dry at its full size: %d, filling %v", n, filling)
	}
	// The pool is dry now (unless a chunk of an earlier test came back to it late): the next
	// chunks are made on the spot, and start the making of spares.
	for i := 0; i < 10; i++ {
		held = append(held, getChunk())
		if n, filling := spares(); n > 0 || filling {
			break
		}
	}
	// (Polled without collecting: two collections after the last is made drop them.)
	for i := 0; ; i++ {
		if n, filling := spares(); n == spareMax && !filling {
			break
		}
		if i == 1000 {
			t.Fatal("never: spares made")
		}
		time.Sleep(2 * time.Millisecond)
	}
	chunkPool.mu.Lock()
	next := chunkPool.spare[spareMax-1]
	chunkPool.mu.Unlock()
	c := getChunk()
	if c != next {
		t.Fatal("a chunk was made while spares were waiting")
	}
	held = append(held, c)
	runtime.KeepAlive(held)
	held, c, next = nil, nil, nil
	eventually(t, "spares and pooled chunks dropped", func() bool {
		n, filling := spares()
		chunkPool.mu.Lock()
		defer chunkPool.mu.Unlock()
		return n == 0 && !filling && chunkPool.armed == 0
	})
}
