package bench

import (
	"context"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"syscall"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkNetStreamCost runs bench/js/net_stream_fixed.js (4 connections streaming 64 KiB
// writes, both ends in this process) and reports, per MB, the Go heap allocations (objects and
// bytes), the collections, and the CPU time (user and system apart, all threads), from the
// differences between a short run and a long one (set-up and tear-down cancel out). Allocations
// and collections do not depend on the machine's load, CPU time far less than wall time:
//
//	go test ./bench/ -run XXX -bench NetStreamCost -benchtime 3x
func BenchmarkNetStreamCost(b *testing.B) {
	script, err := filepath.Abs("js/net_stream_fixed.js")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(script)
	if err != nil {
		b.Fatal(err)
	}
	run := func(mb int) (objs, bytes uint64, gcs uint32, user, sys int64) {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr,
			Env: map[string]string{"TOTAL_MB": strconv.Itoa(mb)}, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		goruntime.GC()
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		u0, s0 := rusage()
		code, err := rt.RunScript(context.Background(), script, string(src))
		u1, s1 := rusage()
		goruntime.ReadMemStats(&after)
		if err != nil || code != 0 {
			b.Fatal(code, err)
		}
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, after.NumGC - before.NumGC, u1 - u0, s1 - s0
	}
	const short, long = 200, 1200
	run(short) // warm up: compiled glue, pools
	var objs, bytes, gcs, user, sys float64
	for i := 0; i < b.N; i++ {
		o1, b1, g1, u1, s1 := run(short)
		o2, b2, g2, u2, s2 := run(long)
		objs += (float64(o2) - float64(o1)) / (long - short)
		bytes += (float64(b2) - float64(b1)) / (long - short)
		gcs += (float64(g2) - float64(g1)) / (long - short)
		user += float64(u2-u1) / (long - short)
		sys += float64(s2-s1) / (long - short)
	}
	n := float64(b.N)
	b.ReportMetric(objs/n, "allocs/MB")
	b.ReportMetric(bytes/n, "B/MB")
	b.ReportMetric(gcs/n*1000, "GCs/GB")
	b.ReportMetric(user/n/1e6, "user-ms/MB")
	b.ReportMetric(sys/n/1e6, "sys-ms/MB")
}

// rusage returns this process's user and system CPU time so far, in nanoseconds.
func rusage() (user, sys int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return ru.Utime.Nano(), ru.Stime.Nano()
}
