package modules

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// SendNoWait writes p to the socket fd as send(2) with MSG_DONTWAIT|MSG_NOSIGNAL, made as a raw
// system call on the calling (loop) goroutine: without the scheduler's syscall bookkeeping, and
// without a processor handed to another thread when the kernel deschedules the loop inside the
// call (a write on loopback wakes the peer, which often runs first). That is safe only because
// the call cannot block: MSG_DONTWAIT makes this one call non-blocking whatever the file
// description's O_NONBLOCK says (another process sharing it could have made it blocking), so the
// thread is never held inside it. MSG_NOSIGNAL: a peer gone gives EPIPE and no SIGPIPE. A
// descriptor that is not a socket (ENOTSOCK) takes write(2) through unix.Write. net's socket
// writes and http's direct response writes both go through it.
func SendNoWait(fd int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	r, _, e := syscall.RawSyscall6(unix.SYS_SENDTO, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)),
		unix.MSG_DONTWAIT|unix.MSG_NOSIGNAL, 0, 0)
	if e != 0 {
		if e == unix.ENOTSOCK {
			n, err := unix.Write(fd, p)
			if err != nil {
				return 0, err
			}
			return n, nil
		}
		return 0, e
	}
	return int(r), nil
}

// SendAllNoWait writes b with SendNoWait until it is all written or the kernel refuses (EAGAIN
// or an error), and returns how much went.
func SendAllNoWait(fd int, b []byte) (int, error) {
	written := 0
	for written < len(b) {
		n, err := SendNoWait(fd, b[written:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return written, err
		}
		written += n
	}
	return written, nil
}
