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
// Each size has a small channel (at most 1 MiB of arrays, kept for the process's life) and a
// sync.Pool behind it for the rest (dropped by the collector after two cycles unused): the
// channel is what makes a recycled array reliably reachable from any goroutine, since a
// sync.Pool keeps the last array put by a P where only that P finds it.

const (
	minPooled   = 16 << 10 // smallest chunk size worth pooling
	poolBuckets = 7        // 16 KiB .. 1 MiB, powers of two
	keptBytes   = 1 << 20  // per size, in the channel
)

var (
	chunkKept   [poolBuckets]chan *byte
	chunkFree   [poolBuckets]sync.Pool
	chunkFinals [poolBuckets]func(*byte)
	chunkInit   sync.Once // on first use: a program that reads no file makes no channels
)

func initChunks() {
	for i := range chunkFree {
		kept := make(chan *byte, keptBytes/(minPooled<<i))
		pool := &chunkFree[i]
		chunkKept[i] = kept
		chunkFinals[i] = func(p *byte) {
			select {
			case kept <- p:
			default:
				pool.Put(p)
			}
		}
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
	chunkInit.Do(initChunks)
	size := minPooled << i
	var p *byte
	select {
	case p = <-chunkKept[i]:
	default:
		p, _ = chunkFree[i].Get().(*byte)
	}
	if p == nil {
		b := make([]byte, size)
		p = &b[0]
	}
	runtime.SetFinalizer(p, chunkFinals[i])
	return unsafe.Slice(p, size)[:n:n]
}
