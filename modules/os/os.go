// Package os implements Node's os module: https://nodejs.org/api/os.html.
//
// Everything is read from the real system when asked (uname, /proc, /sys, getifaddrs through
// Go's net package, /etc/passwd), as libuv does on Linux; homedir and tmpdir honour the runtime's
// environment (Host.Env), never the process's.
package os

import (
	_ "embed"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed os.js
var glue string

// Module is "os".
var Module = modules.Module{Name: "os", Bind: bind, JSRef: &glue}

func utsString(a [65]int8) string {
	b := make([]byte, 0, len(a))
	for _, c := range a {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

func arch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "ppc64le":
		return "ppc64"
	}
	return runtime.GOARCH
}

// errnoInfo returns the code, negative errno and description libuv gives for err.
func errnoInfo(err error) (string, int, string) {
	en := modules.ErrnoOf(err)
	code, n := modules.ErrnoCode(en)
	msg := (&modules.SystemError{Errno: en}).Message()
	return code, n, strings.TrimPrefix(msg, code+": ")
}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	var uts syscall.Utsname
	unameErr := syscall.Uname(&uts)
	uname := func(f func() string) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			if unameErr != nil {
				return vm.ToValue("")
			}
			return vm.ToValue(f())
		}
	}
	// constants(i): os.constants' dlopen, errno, signals or priority (constants.go)
	o.Set("constants", func(c goja.FunctionCall) goja.Value {
		return constantsObject(h, int(c.Argument(0).ToInteger()))
	})
	o.Set("release", uname(func() string { return utsString(uts.Release) }))
	o.Set("version", uname(func() string { return utsString(uts.Version) }))
	o.Set("machine", uname(func() string { return utsString(uts.Machine) }))
	o.Set("type", uname(func() string { return utsString(uts.Sysname) }))
	o.Set("hostname", func(goja.FunctionCall) goja.Value {
		name, err := os.Hostname()
		if err != nil {
			name = ""
		}
		return vm.ToValue(name)
	})
	o.Set("arch", arch())
	o.Set("availableParallelism", func(goja.FunctionCall) goja.Value { return vm.ToValue(runtime.NumCPU()) })
	o.Set("totalmem", func(goja.FunctionCall) goja.Value { return vm.ToValue(TotalMemory()) })
	o.Set("freemem", func(goja.FunctionCall) goja.Value { return vm.ToValue(FreeMemory()) })
	o.Set("uptime", func(goja.FunctionCall) goja.Value {
		f := procFields("/proc/uptime")
		if len(f) == 0 {
			return vm.ToValue(0)
		}
		v, _ := strconv.ParseFloat(f[0], 64)
		return vm.ToValue(v)
	})
	o.Set("loadavg", func(goja.FunctionCall) goja.Value {
		f := procFields("/proc/loadavg")
		out := []any{0.0, 0.0, 0.0}
		for i := 0; i < 3 && i < len(f); i++ {
			v, _ := strconv.ParseFloat(f[i], 64)
			out[i] = v
		}
		return vm.NewArray(out...)
	})
	o.Set("cpus", func(goja.FunctionCall) goja.Value {
		cs := cpus()
		items := make([]any, len(cs))
		for i, c := range cs {
			times := vm.NewObject()
			times.Set("user", c.user)
			times.Set("nice", c.nice)
			times.Set("sys", c.sys)
			times.Set("idle", c.idle)
			times.Set("irq", c.irq)
			co := vm.NewObject()
			co.Set("model", c.model)
			co.Set("speed", c.speed)
			co.Set("times", times)
			items[i] = co
		}
		return vm.NewArray(items...)
	})
	// interfaces returns a flat list [name, address, netmask, family, mac, internal, scopeid, ...].
	o.Set("interfaces", func(goja.FunctionCall) goja.Value {
		var items []any
		ifs, err := net.Interfaces()
		if err != nil {
			return vm.NewArray()
		}
		for _, fam := range []string{"IPv4", "IPv6"} {
			for _, ifc := range ifs {
				if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagRunning == 0 {
					continue
				}
				addrs, err := ifc.Addrs()
				if err != nil {
					continue
				}
				mac := ifc.HardwareAddr.String()
				if mac == "" {
					mac = "00:00:00:00:00:00"
				}
				for _, a := range addrs {
					ipn, ok := a.(*net.IPNet)
					if !ok {
						continue
					}
					ip4 := ipn.IP.To4()
					if (fam == "IPv4") != (ip4 != nil) {
						continue
					}
					ip, mask := ipn.IP, net.IP(ipn.Mask)
					scope := -1
					if ip4 != nil {
						ip = ip4
						if len(mask) == 16 {
							mask = mask[12:]
						}
					} else {
						scope = 0
						if ip.IsLinkLocalUnicast() {
							scope = ifc.Index
						}
					}
					items = append(items, ifc.Name, ip.String(), mask.String(), fam, mac,
						ifc.Flags&net.FlagLoopback != 0, scope)
				}
			}
		}
		return vm.NewArray(items...)
	})
	o.Set("env", func(c goja.FunctionCall) goja.Value {
		v, ok := h.Env[c.Argument(0).String()]
		if !ok {
			return goja.Undefined()
		}
		return vm.ToValue(v)
	})
	// passwd returns [uid, gid, username, homedir, shell] for the current user, or an errno
	// description [code, errno, message] when there is none.
	o.Set("passwd", func(goja.FunctionCall) goja.Value {
		uid, gid := os.Getuid(), os.Getgid()
		name, home, shell, ok := lookupPasswd(uid)
		if !ok {
			code, n, msg := errnoInfo(syscall.ENOENT)
			return vm.NewArray(code, n, msg, false)
		}
		return vm.NewArray(uid, gid, name, home, shell, true)
	})
	o.Set("getPriority", func(c goja.FunctionCall) goja.Value {
		prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, selfPid(int(c.Argument(0).ToInteger())))
		if err != nil {
			code, n, msg := errnoInfo(err)
			return vm.NewArray(code, n, msg)
		}
		// The raw syscall returns 20 - nice.
		return vm.ToValue(20 - prio)
	})
	o.Set("setPriority", func(c goja.FunctionCall) goja.Value {
		err := setPriority(int(c.Argument(0).ToInteger()), int(c.Argument(1).ToInteger()))
		if err != nil {
			code, n, msg := errnoInfo(err)
			return vm.NewArray(code, n, msg)
		}
		return goja.Undefined()
	})
	return nil
}

// selfPid turns pid 0 (this process) into the process id. On Linux a nice value belongs to a
// thread and pid 0 means the calling one; node's JS runs on one thread, but the loop goroutine
// may move between threads, so "this process" is read from the main thread.
func selfPid(pid int) int {
	if pid == 0 {
		return os.Getpid()
	}
	return pid
}

// setPriority sets pid's nice value; for this process (0 or its own pid) every thread's, so
// that the loop, wherever it runs, and getPriority agree. The main thread's error is the one
// reported.
func setPriority(pid, prio int) error {
	pid = selfPid(pid)
	err := syscall.Setpriority(syscall.PRIO_PROCESS, pid, prio)
	if err != nil || pid != os.Getpid() {
		return err
	}
	if tasks, terr := os.ReadDir("/proc/self/task"); terr == nil {
		for _, t := range tasks {
			if tid, cerr := strconv.Atoi(t.Name()); cerr == nil && tid != pid {
				_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, prio)
			}
		}
	}
	return nil
}

func procFields(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Fields(string(b))
}

// meminfo returns a /proc/meminfo value in bytes.
func meminfo(key string) int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, key) {
			f := strings.Fields(line[len(key):])
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
}

// FreeMemory and TotalMemory are libuv's uv_get_free_memory and uv_get_total_memory: /proc/meminfo's
// MemAvailable and MemTotal, else sysinfo(2) (os.freemem, os.totalmem, process.availableMemory).
func FreeMemory() uint64 {
	return memory("MemAvailable:", func(si *syscall.Sysinfo_t) uint64 { return uint64(si.Freeram) })
}

func TotalMemory() uint64 {
	return memory("MemTotal:", func(si *syscall.Sysinfo_t) uint64 { return uint64(si.Totalram) })
}

func memory(key string, field func(*syscall.Sysinfo_t) uint64) uint64 {
	if n := meminfo(key); n != 0 {
		return uint64(n)
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return field(&si) * uint64(si.Unit)
	}
	return 0
}

type cpu struct {
	model                      string
	speed                      int
	user, nice, sys, idle, irq int64
}

// cpus reads per-CPU times from /proc/stat (in ms), models from /proc/cpuinfo and speeds from
// cpufreq, as libuv does.
func cpus() []cpu {
	var out []cpu
	stat, _ := os.ReadFile("/proc/stat")
	const msPerTick = 10 // USER_HZ is 100 on Linux
	for _, line := range strings.Split(string(stat), "\n") {
		if !strings.HasPrefix(line, "cpu") || strings.HasPrefix(line, "cpu ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 8 {
			continue
		}
		n := func(i int) int64 { v, _ := strconv.ParseInt(f[i], 10, 64); return v * msPerTick }
		out = append(out, cpu{user: n(1), nice: n(2), sys: n(3), idle: n(4), irq: n(6)})
	}
	info, _ := os.ReadFile("/proc/cpuinfo")
	i := 0
	for _, line := range strings.Split(string(info), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			if i < len(out) {
				out[i].model = strings.TrimSpace(v)
			}
			i++
		}
	}
	for i := range out {
		if out[i].model == "" {
			out[i].model = "unknown"
		}
		b, err := os.ReadFile("/sys/devices/system/cpu/cpu" + strconv.Itoa(i) + "/cpufreq/scaling_cur_freq")
		if err == nil {
			khz, _ := strconv.Atoi(strings.TrimSpace(string(b)))
			out[i].speed = khz / 1000
		}
	}
	return out
}

// lookupPasswd finds uid in /etc/passwd.
func lookupPasswd(uid int) (name, home, shell string, ok bool) {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return
	}
	want := strconv.Itoa(uid)
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 7 && f[2] == want {
			return f[0], f[5], f[6], true
		}
	}
	return
}
