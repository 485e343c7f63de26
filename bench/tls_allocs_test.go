package bench

import (
	"context"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkTLSStreamCost runs bench/js/tls_stream_fixed.js in this process (in 64 KiB writes, and
// in 1 KiB ones) and reports, per MB
// sent through TLS (one encryption and one decryption, both in this process), the Go heap
// allocations (objects and bytes) and the CPU time (user and system, all threads), from the
// differences between a short run and a long one (so set-up, handshakes and tear-down cancel
// out). Allocations do not depend on the machine's load and CPU time far less than wall time,
// so a change in the bulk path shows on a busy machine:
//
//	go test ./bench/ -run XXX -bench TLSStreamCost -benchtime 3x
func BenchmarkTLSStreamCost(b *testing.B) {
	script, err := filepath.Abs("js/tls_stream_fixed.js")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(script)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name        string
		chunk       int
		short, long int
	}{{"64KiB", 64 << 10, 20, 200}, {"1KiB", 1 << 10, 4, 40}} {
		b.Run(c.name, func(b *testing.B) { tlsStreamCost(b, script, string(src), c.chunk, c.short, c.long) })
	}
}

func tlsStreamCost(b *testing.B, script, src string, chunk, short, long int) {
	run := func(mb int) (objs, bytes uint64, cpu int64) {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr,
			Env: map[string]string{"TOTAL_MB": strconv.Itoa(mb), "CHUNK": strconv.Itoa(chunk)}, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		goruntime.GC()
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		c0 := cpuTime()
		code, err := rt.RunScript(context.Background(), script, src)
		c1 := cpuTime()
		goruntime.ReadMemStats(&after)
		if err != nil || code != 0 {
			b.Fatal(code, err)
		}
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, c1 - c0
	}
	run(short) // warm up: compiled glue, pools
	var objs, bytes, cpu float64
	for i := 0; i < b.N; i++ {
		o1, b1, c1 := run(short)
		o2, b2, c2 := run(long)
		objs += float64(o2-o1) / float64(long-short)
		bytes += float64(b2-b1) / float64(long-short)
		cpu += float64(c2-c1) / float64(long-short)
	}
	b.ReportMetric(objs/float64(b.N), "allocs/MB")
	b.ReportMetric(bytes/float64(b.N), "B/MB")
	b.ReportMetric(cpu/float64(b.N)/1e6, "cpu-ms/MB")
}
