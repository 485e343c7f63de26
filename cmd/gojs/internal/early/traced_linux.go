package early

// Traced reports whether a tracer (a debugger) is attached: TracerPid in /proc/self/status is
// not 0. It says yes when it cannot tell. Any goroutine.
func Traced() bool {
	f := openFile("/proc/self/status", oRdonly|oCloexec, 0)
	if f < 0 {
		return true
	}
	defer closeFd(f)
	var buf [2048]byte
	n := readFd(f, buf[:])
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
