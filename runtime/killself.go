package runtime

import (
	"os"
	goruntime "runtime"
	"syscall"
)

// killProcess is process.kill's kill(2). A signal gojs sends itself goes to the calling thread
// (tgkill), so that one whose action ends the process (the Go runtime's for a signal nobody
// listens for: SIGINT, SIGTERM, SIGHUP) ends it before kill returns, as under node, where
// nothing more of the program runs. kill(2) to the process lets the kernel pick any of its
// threads, and the loop ran on meanwhile: a process.kill(process.pid, 'SIGINT') in an 'exit'
// listener (inquirer's, when stdin ends) printed what followed and exited 0 before the signal
// landed. A signal a listener takes is delivered through the loop either way. Loop only.
func killProcess(pid int, sig syscall.Signal) error {
	if pid != os.Getpid() || sig == 0 {
		return syscall.Kill(pid, sig)
	}
	goruntime.LockOSThread()
	defer goruntime.UnlockOSThread()
	return syscall.Tgkill(pid, syscall.Gettid(), sig)
}
