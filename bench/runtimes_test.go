package bench

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// runtimesScript is bench/runtimes' one-liner: require fs and http, set a global.
const runtimesScript = `require('fs'); try { require('http'); } catch {} globalThis.x = 1 + 1;`

// BenchmarkRuntimeLifecycle creates a runtime, runs the one-liner and closes it (issue 9).
func BenchmarkRuntimeLifecycle(b *testing.B) {
	ctx := context.Background()
	one := func() {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rt.RunScript(ctx, "one.js", runtimesScript); err != nil {
			b.Fatal(err)
		}
		rt.Close()
	}
	one() // compile the glue once per process
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		one()
	}
}

// BenchmarkRuntimeLive keeps the runtimes alive, for inuse_space profiles.
func BenchmarkRuntimeLive(b *testing.B) {
	ctx := context.Background()
	var live []*runtime.Runtime
	defer func() {
		for _, rt := range live {
			rt.Close()
		}
	}()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rt.RunScript(ctx, "one.js", runtimesScript); err != nil {
			b.Fatal(err)
		}
		live = append(live, rt)
	}
}
