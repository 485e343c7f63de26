package main

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// abortProcess ends the process by SIGABRT, as node does under --abort-on-uncaught-exception:
// the signal's default action is restored first (the Go runtime would otherwise catch it and
// print its own goroutine dump), so the parent sees a process killed by SIGABRT.
func abortProcess() {
	var act [4]uint64 // struct sigaction, all zero: SIG_DFL, no flags, empty mask
	syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGABRT),
		uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
	// sent to this thread, so it is delivered before the call returns (a process-wide signal
	// could reach another thread after os.Exit below had begun)
	runtime.LockOSThread()
	syscall.Tgkill(os.Getpid(), syscall.Gettid(), syscall.SIGABRT)
	os.Exit(134) // not reached unless the signal could not be sent
}
