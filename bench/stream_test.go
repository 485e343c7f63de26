package bench

import (
	_ "embed"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

//go:embed stream_pipeline.js
var streamPipelineJS string

// BenchmarkStreamPipeline moves 64 MiB per iteration through Readable -> Transform -> Writable in
// 64 KiB chunks (bench/stream_pipeline.js); b.SetBytes makes `go test -bench` report MB/s.
// Compare with `node bench/stream_pipeline.js` (bench/stream.sh does both).
func BenchmarkStreamPipeline(b *testing.B) {
	src := strings.Replace(streamPipelineJS, "process.argv[2] || 1024", "64", 1)
	b.SetBytes(64 << 20)
	for i := 0; i < b.N; i++ {
		r := runtimetest.Run(b, src)
		if r.Code != 0 || r.Err != nil || !strings.Contains(r.Stdout, "64 MiB") {
			b.Fatalf("code %d err %v stdout %q stderr %q", r.Code, r.Err, r.Stdout, r.Stderr)
		}
	}
}
