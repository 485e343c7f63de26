package fs

import (
	"math/bits"
	"runtime"
	"sync"
	"unsafe"
)

// Read streams hand every chunk to JS as a fresh Buffer over Go memory. Allocating a new
// 64 KiB array per chunk makes the heap grow by the stream's whole size, so the collector runs
// every few megabytes and scans the runtime's whole (mostly goja) heap each time: for a large
// file that costs more than the reads. Instead a chunk's array carries a finalizer that, once
// JS has dropped every view of it, puts it back on a small free list for a later chunk. The
// heap then stops growing with the bytes streamed, and reused arrays skip the zeroing.
//
// The free lists are sync.Pools (process-wide, plain memory, no runtime state): what the
// collector freed in one cycle serves the next one, and arrays nobody asks for again are
// dropped after two cycles.

const (
	minPooled   = 16 << 10 // smallest chunk size worth pooling
	poolBuckets = 7        // 16 KiB .. 1 MiB, powers of two
)

var (
	chunkFree   [poolBuckets]sync.Pool
	chunkFinals [poolBuckets]func(*byte)
)

func init() {
	for i := range chunkFree {
		pool := &chunkFree[i]
		chunkFinals[i] = func(p *byte) { pool.Put(p) }
	}
}

// chunkBucket returns the free list for a chunk of n bytes, or -1 if n is not pooled.
func chunkBucket(n int) int {
	if n < minPooled || n > minPooled<<(poolBuckets-1) {
		return -1
	}
	return bits.Len(uint(n-1)) - bits.Len(uint(minPooled-1))
}

// getChunk returns a buffer of n bytes for a read whose result goes to JS. Its contents are
// not zeroed when it is recycled: the caller hands JS only the bytes it read into it. Safe from
// any goroutine.
func getChunk(n int) []byte {
	i := chunkBucket(n)
	if i < 0 {
		return make([]byte, n)
	}
	size := minPooled << i
	p, _ := chunkFree[i].Get().(*byte)
	if p == nil {
		b := make([]byte, size)
		p = &b[0]
	}
	runtime.SetFinalizer(p, chunkFinals[i])
	return unsafe.Slice(p, size)[:n:n]
}
