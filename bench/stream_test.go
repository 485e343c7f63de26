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

//go:embed js/stream_objmode.js
var streamObjmodeJS string

//go:embed js/stream_small_chunks.js
var streamSmallChunksJS string

// BenchmarkStreamObjectMode moves 20k objects per iteration through an object-mode
// Readable -> Transform -> Writable pipeline (bench/js/stream_objmode.js; node side by side:
// `go run ./bench/compare stream_objmode`). ns/op / 20000 is the cost per object.
func BenchmarkStreamObjectMode(b *testing.B) {
	benchSmallStream(b, streamObjmodeJS)
}

// BenchmarkStreamSmallChunks is BenchmarkStreamObjectMode with 16-byte Buffers in byte mode
// (bench/js/stream_small_chunks.js).
func BenchmarkStreamSmallChunks(b *testing.B) {
	benchSmallStream(b, streamSmallChunksJS)
}

func benchSmallStream(b *testing.B, js string) {
	src := strings.Replace(js, "process.argv[2] || 200000", "20000", 1)
	for i := 0; i < b.N; i++ {
		r := runtimetest.Run(b, src)
		if r.Code != 0 || r.Err != nil || !strings.Contains(r.Stdout, "x20000") {
			b.Fatalf("code %d err %v stdout %q stderr %q", r.Code, r.Err, r.Stdout, r.Stderr)
		}
	}
}
