package early

import "unsafe"

// Start pages: the binary's pages a start touches, mapped ahead with a few system calls instead
// of one page fault per page.
//
// A plain start (console.log('hi')) took ~2,400 page faults: ~1,700 on the binary's text and
// read-only data (one per page: fault-around is off, faultaround_linux_amd64.go), ~200 on its
// data and bss, the rest on fresh heap and the runtime's own memory. On the VMs gojs is measured
// on a fault costs 10-18 µs, most of it the trap: MADV_POPULATE_READ maps pages of the page cache
// at ~0.1 µs each (measured on the same machine). Which pages a start touches is nearly the same
// from one run of a binary to the next, so the first run of a binary records them (from
// /proc/self/pagemap: which pages are mapped) and the runs after it map them ahead: the pages a
// run would fault in one by one, so the resident set stays what it was.
//
// The record holds the read-only pages package initialisation touched (read at the start of
// main, before DropStartPages drops them), the read-only pages mapped when the first run ended,
// and the pages of the writable segment (data and bss) written by then (those only read are
// the file's pages or the zero page, and mapping them for writing would give the process its own
// copy of each: more RSS), and the read-only pages already mapped when this package's
// initialisation began. A later run maps initialisation's pages not mapped by then and the
// written ones here, before any other package's initialisation;
// at main, DropStartPages drops initialisation's pages the program does not use and maps the
// program's others, each in one process_madvise call (dropInitOnly). Where the kernel cannot
// batch (before Linux 6.15), it drops the read-only segments whole and maps the program's pages
// again: dropping run by run took one system call per run, and on these VMs each is a TLB
// shoot-down across the process's threads. The heap is left to faults: mapping it ahead,
// before Go hands out its pages, raised the peak RSS.
//
// The record is a file in the user's cache directory ($XDG_CACHE_HOME, else ~/.cache, then
// gojs/start-pages/), named by the executable's device, inode, size and modification time, so a
// rebuilt binary records afresh; the directory keeps the newest maxRecords. Every range in it is
// checked against the segments before use, so a damaged or foreign record costs time at most.
// Nothing is recorded or used without a cache directory, in a position-independent executable,
// or with GOJS_START_PAGES=0.
//
// Measured for console.log('hi') (static release build, 3 rounds of 30 runs, a loaded 2-core VM):
// page faults ~2,600 -> ~850, CPU user 36-42 -> 34 ms and system 31-35 -> 23-24 ms, wall -25%;
// peak RSS unchanged (medians of 21: 11.7 -> 11.4 MB, within the runs' spread of 10-13.5 MB).
// Populating the written data pages only matters: mapping the data and bss the run only read
// for writing had cost 0.9 MB. Batching the advice (~700 madvise calls -> 3 process_madvise) and
// keeping the ~740 pages both initialisation and the program use, instead of dropping and
// mapping them again: CPU -11 to -16% (medians and 10th percentiles of 40 interleaved runs on a
// loaded machine), peak RSS unchanged.
const (
	madvPopulateRead  = 22 // Linux 5.14
	madvPopulateWrite = 23

	startPagesMagic = "gojs-start-pages-3\n"
	maxRecords      = 8
)

type pageRun struct{ from, to uintptr } // [from, to), page aligned

var (
	recordFile string // the record's path; "" when start pages are off
	learning   bool   // no usable record: this run writes one

	// from the record
	initRuns, mainRuns, dataRuns []pageRun
	// the read-only pages mapped when this package's initialisation began: the runtime's own
	// start and the packages before this one (with the kernel's fault-around then) map them in
	// every run, so they are not populated again (see prefaultStart)
	earlyRuns []pageRun

	learnedInit  []pageRun // read-only pages mapped at main, on a learning run
	learnedEarly []pageRun // and those mapped at prefaultStart
)

// prefaultStart maps ahead what package initialisation and the run will touch, from the
// record, or notes that this run must record it.
func prefaultStart() {
	if readOnlySegs[0][1] == 0 || writableSeg[1] == 0 {
		return
	}
	if v, ok := getenv("GOJS_START_PAGES"); ok && v == "0" {
		return
	}
	recordFile = recordPath()
	if recordFile == "" {
		return
	}
	if !readRecord(recordFile) {
		learning = true
		if pm, ok := openPagemap(); ok {
			learnedEarly, _ = pm.runs(readOnlySegs[:], pmPresent, 0)
			pm.close()
		}
		return
	}
	// Of initialisation's ~2,650 pages (console.log('hi')), ~2,190 are mapped by now, and asking
	// the kernel to populate a mapped page still costs a page-table walk: populating only the
	// ~460 others took 1.64-1.89 -> 1.39-1.53 ms (medians of 40 runs, 2 rounds, under chrt).
	populate(subtractRuns(initRuns, earlyRuns), madvPopulateRead)
	populate(dataRuns, madvPopulateWrite)
}

func populate(runs []pageRun, advice uintptr) {
	if adviseRuns(runs, advice) {
		return
	}
	for _, r := range runs {
		rawSyscall(sysMadvise, r.from, r.to-r.from, advice)
	}
}

const (
	sysProcessMadvise = 440    // amd64, Linux 5.10
	pidfdSelf         = -10000 // PIDFD_SELF_THREAD: this process's memory, Linux 6.15
	uioMaxIOV         = 1024
)

// adviseRuns gives advice to all runs in one process_madvise call per 1,024 runs instead of one
// madvise each (a start has ~700 runs, and a system call costs ~1 µs on the VMs gojs is measured
// on); for MADV_DONTNEED the kernel also flushes the TLB once for the batch, not once per run.
// false when the kernel cannot (before Linux 6.15 a process cannot name itself this way, and
// older kernels allow a process only the advice they allow for another process's memory), and
// nothing was advised.
func adviseRuns(runs []pageRun, advice uintptr) bool {
	for len(runs) > 0 {
		n := min(len(runs), uioMaxIOV)
		var iov [uioMaxIOV][2]uintptr // base, length
		for i, r := range runs[:n] {
			iov[i] = [2]uintptr{r.from, r.to - r.from}
		}
		_, e := rawSyscall6(sysProcessMadvise, ^uintptr(-pidfdSelf-1), uintptr(unsafe.Pointer(&iov[0])), uintptr(n), advice, 0, 0)
		if e != 0 {
			return false // the first batch, or the kernel changed its mind: either way
		}
		runs = runs[n:]
	}
	return true
}

// subtractRuns returns the pages of a that are not in b (both sorted, not overlapping).
func subtractRuns(a, b []pageRun) []pageRun {
	var out []pageRun
	j := 0
	for _, r := range a {
		from := r.from
		for j < len(b) && b[j].to <= from {
			j++
		}
		for k := j; k < len(b) && b[k].from < r.to; k++ {
			if b[k].from > from {
				out = append(out, pageRun{from, b[k].from})
			}
			from = max(from, b[k].to)
		}
		if from < r.to {
			out = append(out, pageRun{from, r.to})
		}
	}
	return out
}

// recordPath is the record's path for this executable, or "" without a cache directory or when
// the executable cannot be stat'ed.
func recordPath() string {
	dir, ok := getenv("XDG_CACHE_HOME")
	if !ok || len(dir) == 0 || dir[0] != '/' {
		home, ok := getenv("HOME")
		if !ok || len(home) == 0 || home[0] != '/' {
			return ""
		}
		dir = home + "/.cache"
	}
	var st statT
	if !stat("/proc/self/exe", &st) {
		return ""
	}
	return dir + "/gojs/start-pages/" + hex(uint64(st.Dev)) + "-" + hex(st.Ino) + "-" +
		hex(uint64(st.Size)) + "-" + hex(uint64(st.Mtim.Sec)) + "." + hex(uint64(st.Mtim.Nsec))
}

func hex(v uint64) string {
	const digits = "0123456789abcdef"
	var b [16]byte
	i := len(b)
	for {
		i--
		b[i] = digits[v&15]
		v >>= 4
		if v == 0 {
			return string(b[i:])
		}
	}
}

// segments are the ranges a record is for: the read-only segments, then the writable one.
func segments() [len(readOnlySegs) + 1][2]uintptr {
	var s [len(readOnlySegs) + 1][2]uintptr
	copy(s[:], readOnlySegs[:])
	s[len(readOnlySegs)] = writableSeg
	return s
}

// readRecord reads the record at path; false when it is missing or not one for these segments.
func readRecord(path string) bool {
	fd := openFile(path, oRdonly|oCloexec, 0)
	if fd < 0 {
		return false
	}
	var st statT
	if !fstat(fd, &st) || st.Size > 1<<20 || st.Size < int64(len(startPagesMagic)) {
		closeFd(fd)
		return false
	}
	buf := make([]byte, st.Size)
	n := readFd(fd, buf)
	closeFd(fd)
	if n != len(buf) {
		return false
	}
	return parseRecord(buf)
}

// parseRecord fills the record's variables from its bytes; false, leaving them empty, when the
// bytes are not a record for these segments.
func parseRecord(buf []byte) bool {
	if len(buf) < len(startPagesMagic) || string(buf[:len(startPagesMagic)]) != startPagesMagic {
		return false
	}
	words := buf[len(startPagesMagic):]
	if len(words)%8 != 0 || len(words) == 0 {
		return false
	}
	w := make([]uint64, len(words)/8)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&w[0])), len(words)), words)
	segs := segments()
	if len(w) < 2*len(segs) {
		return false
	}
	for i, s := range segs {
		if uint64(s[0]) != w[2*i] || uint64(s[1]) != w[2*i+1] {
			return false
		}
	}
	w = w[2*len(segs):]
	var sets [4][]pageRun
	for k := range sets {
		if len(w) == 0 || w[0] > uint64(len(w)-1)/2 {
			return false
		}
		cnt := int(w[0])
		runs := make([]pageRun, 0, cnt)
		for i := 0; i < cnt; i++ {
			r := pageRun{uintptr(w[1+2*i]), uintptr(w[2+2*i])}
			if r.from&(pageSz-1) != 0 || r.to&(pageSz-1) != 0 || r.to <= r.from ||
				(len(runs) > 0 && r.from < runs[len(runs)-1].to) {
				return false
			}
			if k != 2 && !inReadOnly(r) || k == 2 && !(writableSeg[0] <= r.from && r.to <= writableSeg[1]) {
				return false
			}
			runs = append(runs, r)
		}
		sets[k] = runs
		w = w[1+2*cnt:]
	}
	if len(w) != 0 {
		return false
	}
	initRuns, mainRuns, dataRuns, earlyRuns = sets[0], sets[1], sets[2], sets[3]
	return true
}

func inReadOnly(r pageRun) bool {
	for _, s := range readOnlySegs {
		if s[1] != 0 && s[0] <= r.from && r.to <= s[1] {
			return true
		}
	}
	return false
}

// pagemap reads which pages are mapped in this process, from /proc/self/pagemap.
type pagemap int

func openPagemap() (pagemap, bool) {
	fd := openFile("/proc/self/pagemap", oRdonly|oCloexec, 0)
	return pagemap(fd), fd >= 0
}

func (pm pagemap) close() { closeFd(int(pm)) }

// Bits of a /proc/self/pagemap entry.
const (
	pmPresent   = 1 << 63
	pmFile      = 1 << 61 // a page of a file (or shared memory), not one of the process's own
	pmExclusive = 1 << 56 // mapped by this process only
	// a page the process wrote: its own copy, which a write fault made (a page only read is the
	// file's page or, in bss, the shared zero page)
	pmWritten = pmPresent | pmExclusive
)

// each calls f with every page in [from, to) whose entry has the bits in want and not those in
// unwanted; false if the map could not be read.
func (pm pagemap) each(from, to uintptr, want, unwanted uint64, f func(page uintptr)) bool {
	var ents [512]uint64
	for a := from; a < to; {
		n := (to - a) / pageSz
		if n > uintptr(len(ents)) {
			n = uintptr(len(ents))
		}
		b := unsafe.Slice((*byte)(unsafe.Pointer(&ents[0])), n*8)
		if got := preadFd(int(pm), b, int64(a/pageSz*8)); got != len(b) {
			return false
		}
		for i := uintptr(0); i < n; i++ {
			if ents[i]&want == want && ents[i]&unwanted == 0 {
				f(a + i*pageSz)
			}
		}
		a += n * pageSz
	}
	return true
}

// runs are the runs of pages in segs whose entries have the bits in want and not those in
// unwanted.
func (pm pagemap) runs(segs [][2]uintptr, want, unwanted uint64) ([]pageRun, bool) {
	var runs []pageRun
	for _, s := range segs {
		if s[1] == 0 {
			continue
		}
		first := len(runs) // runs do not cross segments: a record's are checked to lie in one
		ok := pm.each(s[0], s[1], want, unwanted, func(p uintptr) {
			if n := len(runs); n > first && runs[n-1].to == p {
				runs[n-1].to = p + pageSz
			} else {
				runs = append(runs, pageRun{p, p + pageSz})
			}
		})
		if !ok {
			return nil, false
		}
	}
	return runs, true
}

// beforeDrop runs at the start of main, from DropStartPages, before it drops the read-only
// segments' pages: a learning run notes initialisation's pages.
func beforeDrop() {
	if !learning {
		return
	}
	if pm, ok := openPagemap(); ok {
		learnedInit, _ = pm.runs(readOnlySegs[:], pmPresent, 0)
		pm.close()
	}
}

// dropInitOnly drops, with a record, the read-only pages initialisation touched and the program
// does not, and maps the program's pages initialisation did not touch: true when it did, and
// DropStartPages has nothing left to do. Dropping the segments whole and mapping the program's
// pages again (afterDrop, when the kernel cannot batch) costs a fault-like refill of each page
// both use (~740 of a plain start's ~1,900), which on a VM with shadow page tables costs several
// µs each even when mapped ahead; dropping ~240 runs one madvise each cost a TLB shoot-down
// each, more still.
func dropInitOnly() bool {
	if learning || initRuns == nil {
		return false
	}
	if !adviseRuns(subtractRuns(initRuns, mainRuns), madvDontneed) {
		return false
	}
	populate(subtractRuns(mainRuns, initRuns), madvPopulateRead)
	return true
}

// afterDrop maps the program's pages again, from the record.
func afterDrop() {
	populate(mainRuns, madvPopulateRead)
}

// RecordStartPages writes the record on a run that found none. Call it as the program ends,
// from main's goroutine; it does its work once.
func RecordStartPages() {
	if !learning || learnedInit == nil {
		return
	}
	learning = false
	pm, ok := openPagemap()
	if !ok {
		return
	}
	defer pm.close()
	now, ok1 := pm.runs(readOnlySegs[:], pmPresent, 0)
	data, ok2 := pm.runs([][2]uintptr{writableSeg}, pmWritten, pmFile)
	if !ok1 || !ok2 {
		return
	}
	segs := segments()
	w := make([]uint64, 0, 2*len(segs)+4+2*(len(learnedInit)+len(now)+len(data)+len(learnedEarly)))
	for _, s := range segs {
		w = append(w, uint64(s[0]), uint64(s[1]))
	}
	for _, set := range [][]pageRun{learnedInit, now, data, learnedEarly} {
		w = append(w, uint64(len(set)))
		for _, r := range set {
			w = append(w, uint64(r.from), uint64(r.to))
		}
	}
	writeRecord(recordFile, append([]byte(startPagesMagic), unsafe.Slice((*byte)(unsafe.Pointer(&w[0])), len(w)*8)...))
}

// writeRecord writes data to path through a temporary file renamed into place, so a reader
// never sees part of it, making the directory if need be and keeping the newest maxRecords.
func writeRecord(path string, data []byte) {
	dir := path[:lastSlash(path)]
	// the cache directory may be made, not the directory above it: a HOME that does not exist
	// (testscript's /no-home, a service account's) is not made by a run as root
	base := dir[:lastSlash(dir[:lastSlash(dir)])]
	var st statT
	if !stat(base[:lastSlash(base)+1], &st) {
		return
	}
	mkdirAll(dir)
	pruneRecords(dir, maxRecords-1)
	tmp := path + ".tmp" + hex(uint64(getpid()))
	fd := openFile(tmp, oWronly|oCreat|oTrunc|oCloexec, 0o644)
	if fd < 0 {
		return
	}
	n := writeFd(fd, data)
	closeFd(fd)
	if n != len(data) || !rename(tmp, path) {
		unlink(tmp)
	}
}

// pruneRecords removes the oldest files in dir (by modification time) until at most keep are
// left: one record per binary ever run would otherwise pile up over rebuilds.
func pruneRecords(dir string, keep int) {
	fd := openFile(dir, oRdonly|oDirectory|oCloexec, 0)
	if fd < 0 {
		return
	}
	names := readDirNames(fd)
	closeFd(fd)
	if len(names) <= keep {
		return
	}
	mtimes := make([]int64, len(names))
	for i, name := range names {
		var st statT
		if stat(dir+"/"+name, &st) {
			mtimes[i] = st.Mtim.Sec*1e9 + st.Mtim.Nsec
		}
	}
	for left := len(names); left > keep; left-- {
		oldest := -1
		for i := range names {
			if names[i] != "" && (oldest < 0 || mtimes[i] < mtimes[oldest]) {
				oldest = i
			}
		}
		unlink(dir + "/" + names[oldest])
		names[oldest] = ""
	}
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return 0
}

// mkdirAll makes dir and its missing parents.
func mkdirAll(dir string) {
	if dir == "" {
		return
	}
	var st statT
	if stat(dir, &st) {
		return
	}
	if i := lastSlash(dir); i > 0 {
		mkdirAll(dir[:i])
	}
	mkdir(dir, 0o755)
}
