package runtime

import (
	"bytes"
	"os"
	"strconv"
	"strings"

	"github.com/gojs-dev/gojs/modules"
	osmod "github.com/gojs-dev/gojs/modules/os"
)

// memoryFuncs adds process.constrainedMemory and process.availableMemory's Go side to the process
// binding. Both follow libuv's uv_get_constrained_memory and uv_get_available_memory on Linux:
// the memory cgroup's limits (cgroup v2 when /proc/self/cgroup is one "0::/" entry, else v1, whose
// "no limit" value reads as 2^64-1), and the free memory when there is no constraint. Loop only.
func (rt *Runtime) memoryFuncs(lz *modules.LazyFuncs) {
	lz.Set("constrainedMemory", func() float64 {
		buf, err := os.ReadFile("/proc/self/cgroup")
		if err != nil {
			return 0
		}
		return float64(cgroupConstrainedMemory(buf))
	})
	lz.Set("availableMemory", func() float64 {
		buf, err := os.ReadFile("/proc/self/cgroup")
		if err != nil {
			return 0
		}
		constrained := cgroupConstrainedMemory(buf)
		if constrained == 0 {
			return float64(osmod.FreeMemory())
		}
		if constrained > osmod.TotalMemory() {
			return float64(osmod.FreeMemory())
		}
		current := cgroupCurrentMemory(buf)
		if constrained < current {
			return 0
		}
		return float64(constrained - current)
	})
}

// readUint64 is libuv's uv__read_uint64: "max" is 2^64-1, anything unreadable is 0.
func readUint64(name string) uint64 {
	b, err := os.ReadFile(name)
	if err != nil {
		return 0
	}
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, "max") {
		return ^uint64(0)
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func isCgroup2(buf []byte) bool { return bytes.HasPrefix(buf, []byte("0::/")) }

// cgroup2Path is the path of the single v2 entry; cgroup1MemoryPath the memory controller's.
func cgroup2Path(buf []byte) string {
	p := buf[len("0::/"):]
	if i := bytes.IndexByte(p, '\n'); i >= 0 {
		p = p[:i]
	}
	return string(p)
}

func cgroup1MemoryPath(buf []byte) (string, bool) {
	i := bytes.Index(buf, []byte(":memory:"))
	if i < 0 {
		return "", false
	}
	p := buf[i+len(":memory:"):]
	if j := bytes.IndexByte(p, '\n'); j >= 0 {
		p = p[:j]
	}
	return string(p), true
}

func cgroupConstrainedMemory(buf []byte) uint64 {
	var high, max uint64
	if isCgroup2(buf) {
		p := cgroup2Path(buf)
		max = readUint64("/sys/fs/cgroup/" + p + "/memory.max")
		high = readUint64("/sys/fs/cgroup/" + p + "/memory.high")
	} else {
		found := false
		if p, ok := cgroup1MemoryPath(buf); ok {
			high = readUint64("/sys/fs/cgroup/memory/" + p + "/memory.soft_limit_in_bytes")
			max = readUint64("/sys/fs/cgroup/memory/" + p + "/memory.limit_in_bytes")
			found = high != 0 && max != 0
		}
		if !found {
			high = readUint64("/sys/fs/cgroup/memory/memory.soft_limit_in_bytes")
			max = readUint64("/sys/fs/cgroup/memory/memory.limit_in_bytes")
		}
		// cgroup v1's "no limit" is LONG_MAX rounded down to a page
		v1max := uint64(1<<63-1) &^ uint64(os.Getpagesize()-1)
		if high == v1max {
			high = ^uint64(0)
		}
		if max == v1max {
			max = ^uint64(0)
		}
	}
	if high == 0 || max == 0 {
		return 0
	}
	return min(high, max)
}

func cgroupCurrentMemory(buf []byte) uint64 {
	if isCgroup2(buf) {
		return readUint64("/sys/fs/cgroup/" + cgroup2Path(buf) + "/memory.current")
	}
	if p, ok := cgroup1MemoryPath(buf); ok {
		if n := readUint64("/sys/fs/cgroup/memory/" + p + "/memory.usage_in_bytes"); n != 0 {
			return n
		}
	}
	return readUint64("/sys/fs/cgroup/memory/memory.usage_in_bytes")
}
