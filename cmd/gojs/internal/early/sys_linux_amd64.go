package early

import "unsafe"

// The package makes its system calls itself on linux/amd64 rather than through package syscall,
// so that it imports nothing but package runtime. Go initialises packages in the order of their
// import paths among those whose imports are initialised, and package syscall's path sorts late:
// importing it made ~10 packages that sort before it (dnsmessage's maps, crc32, base32/64, math,
// ...) initialise before this one, with the kernel's fault-around on and before the start pages
// were mapped, growing the main goroutine's stack on the way (a copy GrowStack makes anyway).
// Measured (console.log('hi'), static release build, marks in a scratch build, medians of 30
// under chrt): those inits before this package's 2.0 ms -> 0.03 ms; the whole start (perf stat
// -r 30 under chrt, 6 rounds interleaved, a loaded 2-core VM): wall 33.1-34.6 -> 30.3-32.4 ms,
// task clock 38-51 -> 33-39 ms, page faults 880-1,070 -> 450-800.
//
// Every call is a raw one (the scheduler is not told, as with syscall.RawSyscall): they are the
// quick calls of memory advice, /proc files and the small start-pages record, as the Go
// runtime's own madvise calls are.

//go:noescape
func rawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, errno uintptr)

func rawSyscall(trap, a1, a2, a3 uintptr) (r1, errno uintptr) {
	return rawSyscall6(trap, a1, a2, a3, 0, 0, 0)
}

// System call numbers and flags on linux/amd64.
const (
	sysRead      = 0
	sysWrite     = 1
	sysClose     = 3
	sysFstat     = 5
	sysPread64   = 17
	sysIoctl     = 16
	sysMadvise   = 28
	sysGetpid    = 39
	sysFcntl     = 72
	sysGetdents  = 217
	sysOpenat    = 257
	sysMkdirat   = 258
	sysNewfstat  = 262 // newfstatat
	sysUnlinkat  = 263
	sysRenameat  = 264
	oRdonly      = 0x0
	oWronly      = 0x1
	oCreat       = 0x40
	oTrunc       = 0x200
	oNonblock    = 0x800
	oDirectory   = 0x10000
	oCloexec     = 0x80000
	fSetfd       = 2
	fdCloexec    = 1
	madvDontneed = 4
)

// atFdcwd is AT_FDCWD (-100) as a system call argument.
const atFdcwd = ^uintptr(99)

// statT is struct stat on linux/amd64.
type statT struct {
	Dev, Ino, Nlink uint64
	Mode, Uid, Gid  uint32
	_               int32
	Rdev            uint64
	Size            int64
	Blksize, Blocks int64
	Atim, Mtim      timespec
	Ctim            timespec
	_               [3]int64
}

type timespec struct{ Sec, Nsec int64 }

// cstring returns s as a NUL-terminated string.
func cstring(s string) *byte {
	b := make([]byte, len(s)+1)
	copy(b, s)
	return &b[0]
}

// openFile opens path with flags (and mode, for a file it creates): the descriptor, or -1.
func openFile(path string, flags int, mode uint32) int {
	p := cstring(path)
	fd, e := rawSyscall6(sysOpenat, atFdcwd, uintptr(unsafe.Pointer(p)), uintptr(flags), uintptr(mode), 0, 0)
	if e != 0 {
		return -1
	}
	return int(fd)
}

func closeFd(fd int) { rawSyscall(sysClose, uintptr(fd), 0, 0) }

// readFd reads into b once: the bytes read, or -1.
func readFd(fd int, b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n, e := rawSyscall(sysRead, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if e != 0 {
		return -1
	}
	return int(n)
}

// preadFd reads into b once at off: the bytes read, or -1.
func preadFd(fd int, b []byte, off int64) int {
	if len(b) == 0 {
		return 0
	}
	n, e := rawSyscall6(sysPread64, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(off), 0, 0)
	if e != 0 {
		return -1
	}
	return int(n)
}

// writeFd writes b once: the bytes written, or -1.
func writeFd(fd int, b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n, e := rawSyscall(sysWrite, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if e != 0 {
		return -1
	}
	return int(n)
}

func stat(path string, st *statT) bool {
	p := cstring(path)
	_, e := rawSyscall6(sysNewfstat, atFdcwd, uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(st)), 0, 0, 0)
	return e == 0
}

func fstat(fd int, st *statT) bool {
	_, e := rawSyscall(sysFstat, uintptr(fd), uintptr(unsafe.Pointer(st)), 0)
	return e == 0
}

func mkdir(path string, mode uint32) {
	p := cstring(path)
	rawSyscall(sysMkdirat, atFdcwd, uintptr(unsafe.Pointer(p)), uintptr(mode))
}

func unlink(path string) {
	p := cstring(path)
	rawSyscall(sysUnlinkat, atFdcwd, uintptr(unsafe.Pointer(p)), 0)
}

func rename(from, to string) bool {
	p, q := cstring(from), cstring(to)
	_, e := rawSyscall6(sysRenameat, atFdcwd, uintptr(unsafe.Pointer(p)), atFdcwd, uintptr(unsafe.Pointer(q)), 0, 0)
	return e == 0
}

func getpid() int {
	pid, _ := rawSyscall(sysGetpid, 0, 0, 0)
	return int(pid)
}

// readDirNames returns the names in the directory open at fd, but "." and "..".
func readDirNames(fd int) []string {
	var names []string
	buf := make([]byte, 8192)
	for {
		n, e := rawSyscall(sysGetdents, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
		if e != 0 || n == 0 {
			return names
		}
		// struct linux_dirent64: ino u64, off i64, reclen u16, type u8, name (NUL-terminated)
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(b[16]) | int(b[17])<<8
			if reclen < 19 || reclen > len(b) {
				return names
			}
			name := b[19:reclen]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if s := string(name); s != "." && s != ".." {
				names = append(names, s)
			}
			b = b[reclen:]
		}
	}
}

//go:linkname runtimeEnvs syscall.runtime_envs
func runtimeEnvs() []string

// getenv is syscall.Getenv without package syscall: the runtime's copy of the environment (the
// one package syscall starts from), read without building syscall's map of it.
func getenv(key string) (string, bool) {
	for _, kv := range runtimeEnvs() {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}
