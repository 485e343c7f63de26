package bench

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// jsProfile runs fn under goja's JS-level CPU profiler, writing the profile to $JSPROF; without
// JSPROF it skips the test.
func jsProfile(t *testing.T, fn func()) {
	path := os.Getenv("JSPROF")
	if path == "" {
		t.Skip("set JSPROF=file to profile")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := goja.StartProfile(f); err != nil {
		t.Fatal(err)
	}
	defer goja.StopProfile()
	fn()
}

// TestStreamJSProfile writes a JS-level CPU profile of the pipeline benchmark to $JSPROF when set.
func TestStreamJSProfile(t *testing.T) {
	jsProfile(t, func() {
		src := strings.Replace(streamPipelineJS, "process.argv[2] || 1024", "256", 1)
		r := runtimetest.Run(t, src)
		t.Log(r.Stdout, r.Stderr)
	})
}
