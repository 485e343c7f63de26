package bench

import (
	"context"
	"io"
	"maps"
	"os"
	goruntime "runtime"
	"strconv"
	"syscall"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// rusage returns this process's user and system CPU time so far, in nanoseconds.
func rusage() (user, sys int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return ru.Utime.Nano(), ru.Stime.Nano()
}

// cpuTime is the CPU time (user and system, all threads) this process has used, in ns: on a
// loaded machine it varies far less than wall time. The node side reports the same from
// process.cpuUsage().
func cpuTime() int64 {
	u, s := rusage()
	return u + s
}

// scriptCost is what one run of a script in a new runtime cost this process: Go heap objects and
// bytes allocated, collections, and user and system CPU time (ns).
type scriptCost struct {
	objs, bytes uint64
	gcs         uint32
	user, sys   int64
}

// runScriptCost runs src (named script) once in a new runtime with env and measures it.
func runScriptCost(b *testing.B, script, src string, env map[string]string) scriptCost {
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Env: env, Permissions: runtime.AllowAll})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	goruntime.GC()
	var before, after goruntime.MemStats
	goruntime.ReadMemStats(&before)
	u0, s0 := rusage()
	code, err := rt.RunScript(context.Background(), script, src)
	u1, s1 := rusage()
	goruntime.ReadMemStats(&after)
	if err != nil || code != 0 {
		b.Fatal(code, err)
	}
	return scriptCost{after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, after.NumGC - before.NumGC, u1 - u0, s1 - s0}
}

// reportCostPerMB runs a streaming script (which sends TOTAL_MB megabytes) with short and then
// long megabytes, b.N times, and reports the difference per MB (set-up, handshakes and tear-down
// cancel out): allocations, bytes, collections per GB, user and system CPU time. Allocations
// and collections do not depend on the machine's load, CPU time far less than wall time.
func reportCostPerMB(b *testing.B, script, src string, env map[string]string, short, long int) {
	run := func(mb int) scriptCost {
		e := maps.Clone(env)
		if e == nil {
			e = map[string]string{}
		}
		e["TOTAL_MB"] = strconv.Itoa(mb)
		return runScriptCost(b, script, src, e)
	}
	run(short) // warm up: compiled glue, pools
	var objs, bytes, gcs, user, sys float64
	d := float64(long - short)
	for i := 0; i < b.N; i++ {
		c1, c2 := run(short), run(long)
		objs += (float64(c2.objs) - float64(c1.objs)) / d
		bytes += (float64(c2.bytes) - float64(c1.bytes)) / d
		gcs += (float64(c2.gcs) - float64(c1.gcs)) / d
		user += float64(c2.user-c1.user) / d
		sys += float64(c2.sys-c1.sys) / d
	}
	n := float64(b.N)
	b.ReportMetric(objs/n, "allocs/MB")
	b.ReportMetric(bytes/n, "B/MB")
	b.ReportMetric(gcs/n*1000, "GCs/GB")
	b.ReportMetric(user/n/1e6, "user-ms/MB")
	b.ReportMetric(sys/n/1e6, "sys-ms/MB")
}
