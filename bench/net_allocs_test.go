package bench

import (
	"context"
	"io"
	"os"
	goruntime "runtime"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkNetPingPongAllocs runs bench/js/net_pingpong_fixed.js in this process and reports the
// Go heap allocations (objects and bytes) per round trip, from runtime.MemStats deltas between
// a short run and a long one (so set-up and tear-down cancel out). Unlike CPU time it does not
// depend on the machine's load, so it shows a change in the per-message path on a busy machine:
//
//	go test ./bench/ -run XXX -bench NetPingPongAllocs -benchtime 1x
func BenchmarkNetPingPongAllocs(b *testing.B) {
	src, err := os.ReadFile("js/net_pingpong_fixed.js")
	if err != nil {
		b.Fatal(err)
	}
	run := func(total string) (objs, bytes uint64) {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard,
			Env: map[string]string{"TOTAL": total}, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		code, err := rt.RunScript(context.Background(), "net_pingpong_fixed.js", string(src))
		goruntime.ReadMemStats(&after)
		if err != nil || code != 0 {
			b.Fatal(code, err)
		}
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
	}
	const short, long = 2000, 12000
	run("2000") // warm up: compiled glue, pools
	var objs, bytes float64
	for i := 0; i < b.N; i++ {
		o1, b1 := run("2000")
		o2, b2 := run("12000")
		objs += float64(o2-o1) / (long - short)
		bytes += float64(b2-b1) / (long - short)
	}
	b.ReportMetric(objs/float64(b.N), "allocs/roundtrip")
	b.ReportMetric(bytes/float64(b.N), "B/roundtrip")
}
