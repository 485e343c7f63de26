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

// lifecycle creates a runtime, runs the one-liner and closes it.
func lifecycle(tb testing.TB) {
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := rt.RunScript(context.Background(), "one.js", runtimesScript); err != nil {
		tb.Fatal(err)
	}
	rt.Close()
}

// BenchmarkRuntimeLifecycle creates a runtime, runs the one-liner and closes it (issue 9).
func BenchmarkRuntimeLifecycle(b *testing.B) {
	lifecycle(b) // compile the glue once per process
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lifecycle(b)
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

// TestRuntimeLifecycleJSProfile writes a JS-level CPU profile of 2,000 lifecycles (after one that
// compiles the glue) to $JSPROF when set: `go tool pprof -top -lines` then shows which lines of the
// glue each runtime pays for (a glue file's line 1 is its entry, where its functions are made).
func TestRuntimeLifecycleJSProfile(t *testing.T) {
	if os.Getenv("JSPROF") != "" {
		lifecycle(t)
	}
	jsProfile(t, func() {
		for i := 0; i < 2000; i++ {
			lifecycle(t)
		}
	})
}
