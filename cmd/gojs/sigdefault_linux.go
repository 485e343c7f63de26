//go:build linux && (amd64 || arm64)

package main

import (
	"sync"
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

// goActions holds the Go runtime's actions for the signals setDefault has given the kernel's
// default, by signal number (a zero handler: not replaced).
var (
	goActionsMu sync.Mutex
	goActions   [65]sigaction
)

// setDefault gives sig the kernel's default action, saving the Go runtime's handler the first
// time. It reports whether it did.
func setDefault(sig syscall.Signal) bool {
	var dfl, old sigaction // (a zero handler is SIG_DFL)
	if _, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(sig),
		uintptr(unsafe.Pointer(&dfl)), uintptr(unsafe.Pointer(&old)), 8, 0, 0); e != 0 {
		return false
	}
	goActionsMu.Lock()
	if goActions[sig].handler == 0 && old.handler != 0 {
		goActions[sig] = old
	}
	goActionsMu.Unlock()
	return true
}

// restoreGoHandler gives sig back to the Go runtime's handler (if setDefault replaced it) before
// signal.Notify asks for it: Notify installs the handler only for a signal the runtime does not
// handle already, and the runtime handles every one from its start.
func restoreGoHandler(sig syscall.Signal) {
	goActionsMu.Lock()
	act := goActions[sig]
	goActionsMu.Unlock()
	if act.handler != 0 {
		syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
	}
}

// nodeDefaults gives the signals whose default in node (no listener: the kernel's) the Go
// runtime changes their kernel default back, so that a signal from outside does to gojs what it
// does to node. Go ignores SIGUSR2, SIGALRM, SIGVTALRM, SIGIO, SIGPWR and SIGXCPU, and ends the
// program with a goroutine dump and status 2 on SIGQUIT, SIGTRAP, SIGABRT, SIGSYS and SIGSTKFLT;
// the kernel kills the process by the signal (so a parent sees exit(null, 'SIGQUIT')). Left to
// Go: SIGINT, SIGTERM and SIGHUP (Go dies by them too), the ignored and stopping ones (the same
// in both), SIGPROF (the Go profiler's), SIGURG (Go's preemption) and the hardware faults
// SIGSEGV, SIGBUS, SIGFPE, SIGILL (a nil dereference must stay a Go panic). It reports whether
// it could.
func nodeDefaults() bool {
	for _, sig := range goChangedDefaults {
		if !setDefault(sig) {
			return false
		}
	}
	return true
}

var goChangedDefaults = []syscall.Signal{syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGVTALRM, syscall.SIGIO,
	syscall.SIGPWR, syscall.SIGXCPU, syscall.SIGQUIT, syscall.SIGTRAP, syscall.SIGABRT, syscall.SIGSYS,
	syscall.Signal(16) /* SIGSTKFLT */}
