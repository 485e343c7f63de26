// Command runtimes measures what a gojs runtime costs an embedder: the time and heap to create a
// runtime, require('fs') and require('http') (when present), run a one-line script and close it;
// and the RSS of 1,000 runtimes alive at once. For comparison it runs node's vm.createContext and
// a worker_threads Worker doing the same one-liner, in the same run.
// Usage: go run ./bench/runtimes [-n 1000]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

func newRT() *runtime.Runtime {
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
	if err != nil {
		panic(err)
	}
	return rt
}

const script = `require('fs'); try { require('http'); } catch {} globalThis.x = 1 + 1;`

func rssKiB() int64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			var n int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmRSS:"), "kB")), &n)
			return n
		}
	}
	return 0
}

// cpuTime is the process's user+system CPU time: under load it is steadier than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	n := flag.Int("n", 1000, "runtimes alive at once")
	flag.Parse()
	ctx := context.Background()

	// warm up: compile glue once per process
	rt := newRT()
	rt.RunScript(ctx, "warm.js", script)
	rt.Close()

	const rounds = 200
	var ms0, ms1 goruntime.MemStats
	goruntime.GC()
	goruntime.ReadMemStats(&ms0)
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < rounds; i++ {
		rt := newRT()
		if _, err := rt.RunScript(ctx, "one.js", script); err != nil {
			panic(err)
		}
		rt.Close()
	}
	per, cpuPer := time.Since(start)/rounds, (cpuTime()-cpu0)/rounds
	goruntime.ReadMemStats(&ms1)
	fmt.Printf("gojs: create+require+run+close: %v per runtime (CPU %v, GC included), %.0f KiB allocated per runtime\n",
		per, cpuPer, float64(ms1.TotalAlloc-ms0.TotalAlloc)/rounds/1024)

	goruntime.GC()
	base := rssKiB()
	goruntime.ReadMemStats(&ms0)
	live := make([]*runtime.Runtime, *n)
	for i := range live {
		live[i] = newRT()
		if _, err := live[i].RunScript(ctx, "one.js", script); err != nil {
			panic(err)
		}
	}
	goruntime.GC()
	goruntime.ReadMemStats(&ms1)
	fmt.Printf("gojs: %d live runtimes: RSS +%d MiB, heap in use +%.1f MiB (%.0f KiB each)\n", *n,
		(rssKiB()-base)/1024, float64(ms1.HeapInuse-ms0.HeapInuse)/(1<<20), float64(ms1.HeapInuse-ms0.HeapInuse)/float64(*n)/1024)
	for _, rt := range live {
		rt.Close()
	}
	// The first measurement again with the collector off: the difference is the GC's share (it
	// grows with the bytes a runtime allocates). Last, so that its heap does not skew the RSS.
	old := debug.SetGCPercent(-1)
	start, cpu0 = time.Now(), cpuTime()
	for i := 0; i < rounds; i++ {
		rt := newRT()
		if _, err := rt.RunScript(ctx, "one.js", script); err != nil {
			panic(err)
		}
		rt.Close()
	}
	fmt.Printf("gojs: the same without GC: %v per runtime (CPU %v)\n", time.Since(start)/rounds, (cpuTime()-cpu0)/rounds)
	debug.SetGCPercent(old)

	nodeScript := fmt.Sprintf(`
const vm = require('vm'); const { Worker } = require('worker_threads');
const N = %d, R = 200;
let t = process.hrtime.bigint(), cpu = process.cpuUsage();
for (let i = 0; i < R; i++) { const c = vm.createContext({ require }); vm.runInContext(%q, c); }
cpu = process.cpuUsage(cpu);
console.log('node vm.createContext+run: ' + (Number(process.hrtime.bigint() - t) / R / 1e6).toFixed(3) + 'ms per context (CPU ' + ((cpu.user + cpu.system) / R / 1e3).toFixed(3) + 'ms)');
global.gc && gc();
const base = process.memoryUsage().rss;
const keep = [];
for (let i = 0; i < N; i++) { const c = vm.createContext({ require }); vm.runInContext(%q, c); keep.push(c); }
console.log('node ' + N + ' live contexts: RSS +' + Math.round((process.memoryUsage().rss - base) / 1048576) + ' MiB');
t = process.hrtime.bigint();
let done = 0;
const W = 20;
for (let i = 0; i < W; i++) {
  const w = new Worker(%q, { eval: true });
  w.on('exit', () => { if (++done === W) console.log('node Worker start+run+exit: ' + (Number(process.hrtime.bigint() - t) / W / 1e6).toFixed(2) + 'ms per worker (20 concurrent)'); });
}
`, *n, script, script, script)
	cmd := exec.Command("node", "--expose-gc", "-e", nodeScript)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Println("node:", err)
	}
}
