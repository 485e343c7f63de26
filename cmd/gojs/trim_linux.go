package main

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"strconv"

	"golang.org/x/sys/unix"
)

// trimBinary drops the pages of the command's own read-only mappings (its text and read-only
// data) from the process's resident set, once start-up has ended (startupend.go). They are
// clean pages of the executable file: the kernel keeps them in the page cache, and the next
// access maps them again with a minor fault (and the 64 KiB around it). What start-up alone
// used (package initialisation, the compiler, the module loader) then no longer counts in the
// process's RSS, nor keeps those page-cache pages mapped.
//
// Only mappings of the executable's file without private (copy-on-write) pages are dropped:
// MADV_DONTNEED on a written private page would lose the write, so a mapping the loader wrote
// (a PIE's relocated read-only data) is left alone. Measured on bench/http's hello.js: 19 MB of
// the binary resident when it listens, about 13 MB after 10 s of wrk (hello and JSON); the
// madvise costs about half a millisecond and the faults back in a few more.
func trimBinary() {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return
	}
	defer f.Close()
	self := uint64(reflect.ValueOf(trimBinary).Pointer())
	type mapping struct {
		lo, hi   uint64
		file     string // device and inode
		readOnly bool
		private  bool // has anonymous (copied-on-write) pages
	}
	var maps []mapping
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if v, ok := bytes.CutPrefix(line, []byte("Anonymous:")); ok && len(maps) > 0 {
			if n, _ := strconv.Atoi(string(bytes.Fields(v)[0])); n != 0 {
				maps[len(maps)-1].private = true
			}
			continue
		}
		fs := bytes.Fields(line)
		if len(fs) < 5 || bytes.IndexByte(fs[0], '-') < 0 || len(fs[1]) != 4 {
			continue // a field line
		}
		lo, hi, _ := bytes.Cut(fs[0], []byte("-"))
		m := mapping{file: string(fs[3]) + " " + string(fs[4]), readOnly: fs[1][1] == '-'}
		var e1, e2 error
		m.lo, e1 = strconv.ParseUint(string(lo), 16, 64)
		m.hi, e2 = strconv.ParseUint(string(hi), 16, 64)
		if e1 != nil || e2 != nil {
			return
		}
		maps = append(maps, m)
	}
	if sc.Err() != nil {
		return
	}
	exe := ""
	for _, m := range maps {
		if m.lo <= self && self < m.hi {
			exe = m.file
		}
	}
	if exe == "" || exe == "00:00 0" {
		return
	}
	for _, m := range maps {
		if m.file == exe && m.readOnly && !m.private {
			unix.Syscall(unix.SYS_MADVISE, uintptr(m.lo), uintptr(m.hi-m.lo), unix.MADV_DONTNEED)
		}
	}
}
