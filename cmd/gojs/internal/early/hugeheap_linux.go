package early

import "unsafe"

// Transparent huge pages for the heap's start-up memory. On the VMs gojs is measured on, a page
// fault costs ~16 µs of CPU (and more wall time on a loaded machine), and a plain start touches
// ~3.8 MB of fresh heap, one 4 KiB fault each: ~950 of its ~1,400 faults. Linux's default THP
// mode ("madvise") gives a 2 MiB page, filled by one fault, only to memory advised with
// MADV_HUGEPAGE, which the Go runtime no longer does since Go 1.21.1. So the command advises the
// heap mapped so far, from the 2 MiB region its first objects are in to the end of their 64 MiB
// arena. Go maps the arena in 4 MiB chunks as the heap grows, each a new mapping without the
// advice, so HugeHeap is called again at points of the start where the heap has grown (after
// package initialisation, after each prewarm compile, once the runtime is built) and every 4 ms
// of the run's first 250 ms (while the main script loads its modules); a chunk mapped in between
// faults in 4 KiB pages until the next call.
//
// Go 1.26 puts the heap's base at a random page inside a random 4 MiB chunk, so the first region
// is found from a heap pointer. Its pages touched before this init keep their 4 KiB pages, and so
// would the faults after them; when the heap starts in the region's first half (so a plain start
// fills the rest of it anyway), MADV_COLLAPSE makes it one huge page at once.
//
// Measured for console.log('hi') (medians of 21 runs, interleaved with the build before): page
// faults 1,391 -> 1,016, CPU 68.9 -> 59.1 ms (a loaded machine); peak RSS (medians of 7-9) 20.8-21.3
// -> 22.5-22.6 MB (a huge page is resident whole, and the heap's last one is only partly used).
// Without the collapse: 1,201 faults.
//
// Only start-up chunks are advised: the heap's later growth stays on the kernel's default, so a
// long-running server's released memory is not filled back in by khugepaged beyond those few
// MiB. GODEBUG=disablethp=1 (Go's own switch) turns this off.
const (
	hugePage  = 2 << 20
	heapArena = 64 << 20

	madvHugePage = 14
	madvCollapse = 25
)

var (
	hugeFrom, hugeTo uintptr
	heapProbe        *[16]byte
)

func startHugeHeap() {
	if v, ok := getenv("GODEBUG"); ok && contains(v, "disablethp=1") {
		return
	}
	heapProbe = new([16]byte)
	p := uintptr(unsafe.Pointer(heapProbe))
	heapProbe = nil
	hugeFrom = p &^ (hugePage - 1)
	hugeTo = (p | (heapArena - 1)) + 1
	HugeHeap()
	if p-hugeFrom < hugePage/2 {
		rawSyscall(sysMadvise, hugeFrom, hugePage, madvCollapse)
	}
}

// HugeHeap advises the start-up heap mapped so far for huge pages (see startHugeHeap). Any
// goroutine may call it; it is one system call.
func HugeHeap() {
	if hugeFrom != 0 {
		// ENOMEM for the arena's parts not mapped yet: the mapped ones are advised
		rawSyscall(sysMadvise, hugeFrom, hugeTo-hugeFrom, madvHugePage)
	}
}

// contains is strings.Contains, which this package does not import: strings would make it wait
// for package unicode's initialisation.
func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
