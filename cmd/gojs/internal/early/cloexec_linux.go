package early

const (
	sysCloseRange     = 436 // close_range(2), the same number on every Linux architecture
	closeRangeCloexec = 1 << 2
)

// cloexecInherited marks the descriptors the process inherited close-on-exec as node does at
// start-up: every one from 3 to 15, then 16 and on up to the first that is not open (0-2 a child
// gets anyway, by its stdio option). So a shell's `exec 7<file` before running gojs does not
// reach gojs's children, while one past a gap above 15 does, as under node. Descriptors Go opens
// are close-on-exec already; those a child is meant to have are passed by dup2 in the child.
// Usually two system calls (close_range needs Linux 5.11; an older kernel skips 3-15).
func cloexecInherited() {
	rawSyscall(sysCloseRange, 3, 15, closeRangeCloexec)
	for fd := uintptr(16); ; fd++ {
		if _, errno := rawSyscall(sysFcntl, fd, fSetfd, fdCloexec); errno != 0 {
			return
		}
	}
}
