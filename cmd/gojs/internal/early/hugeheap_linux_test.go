package early

import (
	"os"
	"strings"
	"testing"
	"unsafe"
)

// The advised range is whole 2 MiB regions inside the 64 MiB arena the heap started in, and the
// heap's early objects lie in it (unless GODEBUG=disablethp=1 turned it off).
func TestHugeHeapRange(t *testing.T) {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		if hugeFrom != 0 {
			t.Fatalf("advised %#x with disablethp=1", hugeFrom)
		}
		return
	}
	if hugeFrom == 0 || hugeFrom%hugePage != 0 || hugeTo%heapArena != 0 || hugeTo-hugeFrom > heapArena || hugeFrom >= hugeTo {
		t.Fatalf("advised range %#x-%#x", hugeFrom, hugeTo)
	}
	p := uintptr(unsafe.Pointer(sinkHeap(new([64]byte))))
	if p < hugeFrom-heapArena || p >= hugeTo+heapArena {
		t.Errorf("heap object %#x far from the advised range %#x-%#x", p, hugeFrom, hugeTo)
	}
	HugeHeap() // again: one more madvise, no failure
}

var heapSink *[64]byte

func sinkHeap(p *[64]byte) *[64]byte { heapSink = p; return p }
