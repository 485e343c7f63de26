package bench

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// TestStreamJSProfile writes a JS-level CPU profile of the pipeline benchmark to $JSPROF when set.
func TestStreamJSProfile(t *testing.T) {
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
	src := strings.Replace(streamPipelineJS, "process.argv[2] || 1024", "256", 1)
	r := runtimetest.Run(t, src)
	goja.StopProfile()
	t.Log(r.Stdout, r.Stderr)
}
