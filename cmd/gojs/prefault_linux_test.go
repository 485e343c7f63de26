//go:build linux && !race

package main

import (
	"testing"
	"unsafe"
)

func TestHeapMappedEnd(t *testing.T) {
	p := new([1 << 20]byte) // a large object: its own span, in the heap's mapping
	addr := uintptr(unsafe.Pointer(p))
	end := heapMappedEnd()
	if end <= addr || end%prefaultChunk != 0 {
		t.Fatalf("heapMappedEnd() = %#x, want a 4 MiB boundary above the heap object at %#x", end, addr)
	}
	// the chunk below the end is mapped: populating and reading it leaves the heap as it was
	p[0], p[len(p)-1] = 1, 2
	prefaultRange(end-prefaultChunk, end)
	prefaultRange(addr&^(pageBytes-1), addr+uintptr(len(p)))
	if p[0] != 1 || p[len(p)-1] != 2 {
		t.Fatal("prefaultRange changed the heap")
	}
	if populated(end, pageBytes) && populated(end+prefaultMaxStep*64, pageBytes) {
		t.Fatal("populated reports memory far past the heap's mapping")
	}
}
