package buffer_test

import "syscall"

// cpuTime is the user and system time of the calling thread (or of the process), in ns.
func cpuTime(thread bool) int64 {
	who := syscall.RUSAGE_SELF
	if thread {
		who = syscall.RUSAGE_THREAD
	}
	var ru syscall.Rusage
	if syscall.Getrusage(who, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
