//go:build linux && (amd64 || arm64)

package main

import (
	"syscall"
	"unsafe"
)

// lazySignals: signals are registered when the script first listens for them (signalSetup).
const lazySignals = true

// sigaction is the kernel's struct sigaction on linux/amd64 and linux/arm64.
type sigaction struct {
	handler  uintptr
	flags    uint64
	restorer uintptr
	mask     uint64
}

// goSIGUSR2 is the Go runtime's action for SIGUSR2, while defaultSIGUSR2 has replaced it.
var (
	goSIGUSR2    sigaction
	savedSIGUSR2 bool
)

// defaultSIGUSR2 gives SIGUSR2 the kernel's default action (the process is killed), which is
// node's without a listener: the Go runtime catches it and, until signal.Notify asks for it,
// ignores it. It reports whether it did.
func defaultSIGUSR2() bool {
	var dfl, old sigaction // (a zero handler is SIG_DFL)
	if _, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGUSR2),
		uintptr(unsafe.Pointer(&dfl)), uintptr(unsafe.Pointer(&old)), 8, 0, 0); e != 0 {
		return false
	}
	if !savedSIGUSR2 && old.handler != 0 {
		goSIGUSR2, savedSIGUSR2 = old, true
	}
	return true
}

// restoreSIGUSR2 gives SIGUSR2 back to the Go runtime's handler before signal.Notify asks for it
// (Notify installs the handler only for a signal the runtime does not handle already, and it
// does handle this one).
func restoreSIGUSR2() {
	if savedSIGUSR2 {
		syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGUSR2),
			uintptr(unsafe.Pointer(&goSIGUSR2)), 0, 8, 0, 0)
	}
}
