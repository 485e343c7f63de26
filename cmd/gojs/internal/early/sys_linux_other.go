//go:build linux && !amd64

package early

import "syscall"

// Elsewhere than linux/amd64 the package goes through package syscall (see sys_linux_amd64.go).

func rawSyscall(trap, a1, a2, a3 uintptr) (r1, errno uintptr) {
	r, _, e := syscall.RawSyscall(trap, a1, a2, a3)
	return r, uintptr(e)
}

const (
	sysMadvise = syscall.SYS_MADVISE
	sysFcntl   = syscall.SYS_FCNTL
	oRdonly    = syscall.O_RDONLY
	oCloexec   = syscall.O_CLOEXEC
	fSetfd     = syscall.F_SETFD
	fdCloexec  = syscall.FD_CLOEXEC
)

func openFile(path string, flags int, mode uint32) int {
	fd, err := syscall.Open(path, flags, mode)
	if err != nil {
		return -1
	}
	return fd
}

func closeFd(fd int) { syscall.Close(fd) }

func readFd(fd int, b []byte) int {
	n, err := syscall.Read(fd, b)
	if err != nil {
		return -1
	}
	return n
}

func getenv(key string) (string, bool) { return syscall.Getenv(key) }
