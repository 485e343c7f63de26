package early

import "syscall"

// Traced reports whether a tracer (a debugger) is attached: TracerPid in /proc/self/status is
// not 0. It says yes when it cannot tell. Any goroutine.
func Traced() bool {
	f, err := syscall.Open("/proc/self/status", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return true
	}
	defer syscall.Close(f)
	var buf [2048]byte
	n, _ := syscall.Read(f, buf[:])
	if n <= 0 {
		return true
	}
	s := string(buf[:n])
	const key = "\nTracerPid:"
	for i := 0; i+len(key) <= len(s); i++ {
		if s[i:i+len(key)] == key {
			for j := i + len(key); j < len(s); j++ {
				switch s[j] {
				case ' ', '\t':
				case '0':
					return !(j+1 < len(s) && s[j+1] == '\n')
				default:
					return true
				}
			}
			return true
		}
	}
	return true
}
