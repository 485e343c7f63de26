package bench

import (
	"context"
	"io"
	"os"
	goruntime "runtime"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkRequireStream is what require('stream') adds to a runtime (issue 9): each iteration
// creates a runtime, runs the script and closes it; "base" requires nothing, so the difference of
// the two ns/op and B/op is the module's cost. live-B/rt is the heap each runtime keeps alive
// (measured with 50 runtimes open at once).
// Run: go test ./bench -run XXX -bench RequireStream -benchtime 200x
func BenchmarkRequireStream(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"base", `globalThis.x = 1;`},
		{"events", `require('events'); globalThis.x = 1;`},
		{"stream", `require('stream'); globalThis.x = 1;`},
		{"stream_pipe", `const { Readable, PassThrough } = require('stream'); Readable.from(['a']).pipe(new PassThrough()); globalThis.x = 1;`},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			newRT := func() *runtime.Runtime {
				rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := rt.RunScript(ctx, "one.js", c.src); err != nil {
					b.Fatal(err)
				}
				return rt
			}
			newRT().Close() // compile the glue once per process
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				newRT().Close()
			}
			b.StopTimer()
			const live = 50
			var ms goruntime.MemStats
			goruntime.GC()
			goruntime.ReadMemStats(&ms)
			before := ms.HeapAlloc
			rts := make([]*runtime.Runtime, live)
			for i := range rts {
				rts[i] = newRT()
			}
			goruntime.GC()
			goruntime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc-before)/live, "live-B/rt")
			for _, rt := range rts {
				rt.Close()
			}
		})
	}
}
