package fs

import (
	"runtime"
	"testing"
	"time"
	"unsafe"
)

func TestChunkBucket(t *testing.T) {
	for _, tc := range []struct{ n, bucket int }{
		{1, -1}, {16<<10 - 1, -1}, {16 << 10, 0}, {16<<10 + 1, 1}, {32 << 10, 1}, {64 << 10, 2},
		{64<<10 + 1, 3}, {1 << 20, 6}, {1<<20 + 1, -1},
	} {
		if got := chunkBucket(tc.n); got != tc.bucket {
			t.Errorf("chunkBucket(%d) = %d, want %d", tc.n, got, tc.bucket)
		}
		b := getChunk(tc.n)
		if len(b) != tc.n || cap(b) != tc.n {
			t.Errorf("getChunk(%d): len %d cap %d", tc.n, len(b), cap(b))
		}
	}
}

// A chunk's array comes back for a later chunk once nothing references it.
func TestChunkRecycled(t *testing.T) {
	b := getChunk(64 << 10)
	b[0] = 1
	addr := uintptr(unsafe.Pointer(&b[0]))
	b = nil
	for i := 0; i < 50; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond) // finalizers run on their own goroutine
		c := getChunk(64 << 10)
		if uintptr(unsafe.Pointer(&c[0])) == addr {
			return
		}
	}
	t.Error("array not recycled")
}
