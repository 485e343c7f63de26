package early

import "unsafe"

// Page faults on the binary's own text and read-only data map one page each, not the kernel's
// fault-around window. A read fault on a file mapping maps the 64 KiB around the page it needs
// (the pages already in the page cache, which for an executable run before are all of them),
// and a start's touches of the binary are scattered: package initialisation runs one function in
// each of ~150 packages, and the runtime reads type data, itabs and function tables all over the
// read-only data. So a plain start had ~135 text faults map 8.5 MB of text and ~100 more map
// 6.2 MB of read-only data, of which it uses about 2.4 MB and 1.7 MB.
//
// The fault-around window is one number for the whole system; the one per-mapping switch the
// kernel has is that it never faults around in a mapping registered with a userfaultfd for
// write protection (uffd_disable_fault_around). So the command registers its read-only
// segments with one, in asynchronous write-protect mode (Linux 6.7 or later: the only mode the
// kernel allows on an ordinary file's mapping, and one that needs no handler; the segments are
// never written anyway). The descriptor stays open for the life of the process (closing it ends
// the registration), above fd 2 and close-on-exec. MADV_RANDOM does not do this: it turns off
// read-ahead, not fault-around.
//
// What package initialisation touched before this ran, and the pages only initialisation uses,
// are dropped again when main starts (DropStartPages), so the process keeps only the pages its
// program uses. A binary linked at a fixed address (the default on linux/amd64) only: a PIE's
// relocated read-only data is written by the loader. GOJS_FAULT_AROUND=1 keeps the kernel's
// fault-around, as do a kernel without the mode and a sandbox that refuses userfaultfd.
//
// Measured for console.log('hi') (the static release build, under chrt, 3 rounds of 40 runs
// interleaved with the build before): peak RSS 21.3 -> 10.7 MB (node: 41 MB), page faults
// ~1,480 -> ~2,650, and those faults cost: wall +0.9-1.2 ms (~10%), CPU +1.4-1.9 ms. Leaving
// the densest text (runtime, goja, its parser, package runtime) to fault-around won back ~0.3 ms
// for ~1 MB; populating the start's pages from a recorded list on a second thread did not pay.
var readOnlySegs [4][2]uintptr

// writableSeg is the page range of the executable's writable segment (data and bss), for
// startpages_linux_amd64.go; found with readOnlySegs.
var writableSeg [2]uintptr

const (
	sysUserfaultfd = 323 // amd64
	// UFFD_USER_MODE_ONLY: the only faults the descriptor could report are user-mode ones, which
	// an unprivileged process may ask for when vm.unprivileged_userfaultfd is 0
	uffdUserModeOnly   = 1
	uffdAPI            = 0xaa
	uffdFeatureWPAsync = 1 << 15
	uffdioAPI          = 0xc018aa3f // _IOWR(0xaa, 0x3f, struct uffdio_api)
	uffdioRegister     = 0xc020aa00 // _IOWR(0xaa, 0x00, struct uffdio_register)
	uffdRegisterModeW  = 2          // UFFDIO_REGISTER_MODE_WP
	madvNoHugePage     = 15

	atPhdr   = 3
	atPhnum  = 5
	atPagesz = 6
	ptLoad   = 1
	ptPhdr   = 6
	pfW      = 2
	pageSz   = 4096
)

func limitFaultAround() {
	if v, ok := getenv("GOJS_FAULT_AROUND"); ok && v == "1" {
		return
	}
	n := findReadOnlySegments()
	if n == 0 {
		return
	}
	fd, e := rawSyscall(sysUserfaultfd, oCloexec|oNonblock|uffdUserModeOnly, 0, 0)
	if e != 0 {
		readOnlySegs = [4][2]uintptr{}
		return
	}
	if fd <= 2 { // never one of stdio's numbers, had one been closed
		closeFd(int(fd))
		readOnlySegs = [4][2]uintptr{}
		return
	}
	api := [3]uint64{uffdAPI, uffdFeatureWPAsync, 0} // api, features, ioctls
	if _, e := rawSyscall(sysIoctl, fd, uffdioAPI, uintptr(unsafe.Pointer(&api))); e != 0 {
		closeFd(int(fd))
		readOnlySegs = [4][2]uintptr{}
		return
	}
	registered := 0
	for _, s := range readOnlySegs[:n] {
		reg := [4]uint64{uint64(s[0]), uint64(s[1] - s[0]), uffdRegisterModeW, 0} // start, len, mode, ioctls
		if _, e := rawSyscall(sysIoctl, fd, uffdioRegister, uintptr(unsafe.Pointer(&reg))); e == 0 {
			readOnlySegs[registered] = s // only what was registered is dropped at main
			registered++
			// Nor a whole 2 MiB at once: where the page cache holds the executable's file in a
			// PMD-sized folio (large folios; whether it does depends on how the file was read
			// into the cache), a fault maps all of it with one page-table entry. Such a mapping
			// in the function tables, which a start reads ~100 pages of, put 512 pages in a
			// start-pages record's program set (1,700 instead of 1,200) and ~2 MB on the RSS of
			// every run of that copy of the binary (seen in 1 of 6 copies of one build, and in
			// 3 of 7 builds). The runtime's own start, before this, can still map such folios
			// whole: see the s59 startup notes.
			rawSyscall(sysMadvise, s[0], s[1]-s[0], madvNoHugePage)
		}
	}
	for i := registered; i < len(readOnlySegs); i++ {
		readOnlySegs[i] = [2]uintptr{}
	}
	if registered == 0 {
		closeFd(int(fd))
	}
}

// findReadOnlySegments fills readOnlySegs with the page ranges of the executable's loadable
// segments that are not writable, from its program headers (found through the auxiliary
// vector), and returns how many there are; none for a position-independent executable.
func findReadOnlySegments() int {
	var phdr, phnum uintptr
	var aux [64]uint64
	f := openFile("/proc/self/auxv", oRdonly|oCloexec, 0)
	if f < 0 {
		return 0
	}
	nb := readFd(f, (*[len(aux) * 8]byte)(unsafe.Pointer(&aux))[:])
	closeFd(f)
	pagesz := uint64(0)
	for i := 0; i+1 < nb/8; i += 2 {
		switch aux[i] {
		case atPhdr:
			phdr = uintptr(aux[i+1])
		case atPhnum:
			phnum = uintptr(aux[i+1])
		case atPagesz:
			pagesz = aux[i+1]
		}
	}
	if phdr == 0 || phnum == 0 || phnum > 64 || pagesz != pageSz {
		return 0
	}
	type progHeader struct {
		typ, flags                    uint32
		off, vaddr, paddr, filesz, sz uint64
		align                         uint64
	}
	// the program headers are mapped at phdr for the life of the process (an address from the
	// kernel, not a Go pointer: read through a pointer-typed copy so vet's checks of uintptr
	// conversions have nothing to flag)
	phs := unsafe.Slice(*(**progHeader)(unsafe.Pointer(&phdr)), phnum)
	fixed := false
	for _, p := range phs {
		if p.typ == ptPhdr {
			fixed = uintptr(p.vaddr) == phdr // loaded where it was linked: not a PIE
		}
	}
	if !fixed {
		return 0
	}
	n := 0
	for _, p := range phs {
		if p.typ == ptLoad && p.flags&pfW != 0 && p.sz != 0 && writableSeg[1] == 0 {
			writableSeg = [2]uintptr{uintptr(p.vaddr) &^ (pageSz - 1), (uintptr(p.vaddr+p.sz) + pageSz - 1) &^ (pageSz - 1)}
		}
		if p.typ != ptLoad || p.flags&pfW != 0 || p.sz == 0 || n == len(readOnlySegs) {
			continue
		}
		readOnlySegs[n] = [2]uintptr{uintptr(p.vaddr) &^ (pageSz - 1), (uintptr(p.vaddr+p.sz) + pageSz - 1) &^ (pageSz - 1)}
		n++
	}
	return n
}

// DropStartPages drops the pages of the binary's read-only segments from the process's
// resident set, once, at the start of main: those package initialisation touched (it ran once
// and most of it never runs again) and the fault-around windows of what ran before
// limitFaultAround. They are clean pages of the executable file, still in the page cache, so a
// page needed again costs one minor fault. It does nothing when the segments were not
// registered, and in a traced process (a debugger writes its breakpoints into the text, and
// dropping the page would lose them). Call it from main's goroutine.
func DropStartPages() {
	if readOnlySegs[0][1] == 0 || Traced() {
		return
	}
	beforeDrop()
	if dropInitOnly() {
		return
	}
	for _, s := range readOnlySegs {
		if s[1] != 0 {
			rawSyscall(sysMadvise, s[0], s[1]-s[0], madvDontneed)
		}
	}
	afterDrop() // the program's pages, when a start-pages record has them (startpages_linux_amd64.go)
}
