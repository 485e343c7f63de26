package prof

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

func BenchmarkNewRunClose(b *testing.B) {
	src := os.Getenv("SRC")
	if src == "" {
		src = "globalThis.x = 1 + 1;"
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt, _ := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
		rt.RunScript(context.Background(), "x.js", src)
		rt.Close()
	}
}
