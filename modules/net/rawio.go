package net

import "golang.org/x/sys/unix"

// rawRead and rawWrite are read(2) and write(2) on the connection's non-blocking socket, made
// directly on the loop goroutine. They go through the scheduler's syscall bookkeeping
// (unix.Read, not RawSyscall): RawSyscall saved ~6% CPU on a 64 KiB stream, but a socket whose
// shared file description another process made blocking would then hold its thread inside the
// call, and a stop-the-world collection would wait for it, stalling every runtime in the process.
func rawRead(fd int, p []byte) (int, error) {
	n, err := unix.Read(fd, p)
	if err != nil {
		return 0, err
	}
	return n, nil
}

func rawWrite(fd int, p []byte) (int, error) {
	n, err := unix.Write(fd, p)
	if err != nil {
		return 0, err
	}
	return n, nil
}
