package prof

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

func BenchmarkScript(b *testing.B) {
	src, _ := os.ReadFile(os.Getenv("SCRIPT"))
	for i := 0; i < b.N; i++ {
		rt, _ := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
		rt.RunScript(context.Background(), "x.js", string(src))
		rt.Close()
	}
}
