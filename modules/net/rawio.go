package net

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// rawRead is recv(2) on the connection's socket (writes are modules.SendNoWait's send(2)), made
// directly on the loop goroutine as a raw system call, without the scheduler's syscall
// bookkeeping (entering and leaving a syscall: about a tenth of the loop's own CPU on a
// small-message ping-pong). That is
// safe only because the call cannot block: MSG_DONTWAIT makes this one call non-blocking whatever
// the file description's O_NONBLOCK says (another process sharing the description could have
// made it blocking), so the thread is never held inside it. A descriptor that is not a socket
// (ENOTSOCK) takes read(2) through unix.Read.
func rawRead(fd int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	r, _, e := syscall.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)),
		unix.MSG_DONTWAIT, 0, 0)
	if e != 0 {
		if e == unix.ENOTSOCK {
			return slowRead(fd, p)
		}
		return 0, e
	}
	return int(r), nil
}

func slowRead(fd int, p []byte) (int, error) {
	n, err := unix.Read(fd, p)
	if err != nil {
		return 0, err
	}
	return n, nil
}

// queued returns the bytes waiting in the socket's receive queue (SIOCINQ, which is FIONREAD),
// or -1 when the descriptor cannot say. Like rawRead, a raw system call that cannot block.
func queued(fd int) int {
	var v int32
	_, _, e := syscall.RawSyscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCINQ, uintptr(unsafe.Pointer(&v)))
	if e != 0 {
		return -1
	}
	return int(v)
}
