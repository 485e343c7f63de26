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
	_, ok := chunkPool.at[addr]
	return ok
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

// Chunks taken from the pool by many goroutines at once, some kept (or only a slice of them)
// across collections, are never handed out again while anything refers to them: each owner
// stamps its chunk and finds its stamp intact when it lets go. Under -race, a chunk given to two
// owners at once is also a data race between their stamps.
func TestChunkPoolNoReuseWhileReachable(t *testing.T) {
	const workers, rounds, stampEvery = 4, 3000, 1024
	stop := make(chan struct{})
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
				time.Sleep(time.Millisecond)
			}
		}
	}()
	type held struct {
		b     []byte // the whole chunk, or a slice of it, as a Buffer or a queued write keeps
		off   int    // where b starts in the chunk
		stamp byte
	}
	errs := make(chan string, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			var kept []held
			check := func(h held) bool {
				// (every 1 KiB of the chunk is stamped)
				for x := (stampEvery - h.off%stampEvery) % stampEvery; x < len(h.b); x += stampEvery {
					if h.b[x] != h.stamp {
						errs <- "a chunk was handed out again while still referred to"
						return false
					}
				}
				return true
			}
			for i := 0; i < rounds; i++ {
				c := getChunk()
				stamp := byte(w*rounds + i)
				for x := 0; x < len(c); x += stampEvery {
					c[x] = stamp
				}
				var h held
				switch i % 3 {
				case 0:
					h = held{c[:], 0, stamp}
				case 1:
					h = held{c[4000:8200:8200], 4000, stamp} // only a part of it stays reachable
				default:
					h = held{c[len(c)-3000:], len(c) - 3000, stamp}
				}
				kept = append(kept, h)
				if len(kept) > 40 { // let go of the oldest, after checking it
					if !check(kept[0]) {
						return
					}
					kept = kept[1:]
				}
			}
			for _, h := range kept {
				if !check(h) {
					return
				}
			}
			errs <- ""
		}(w)
	}
	for w := 0; w < workers; w++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	close(stop)
	<-collected
}
