package bench

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkRequireBuiltin is what the first require of each common built-in costs a new runtime
// in a process that has compiled its glue already (the embedding case: many runtimes in one
// process, each loading its modules): each iteration creates a runtime, requires the module and
// closes the runtime. "base" requires nothing, so a module's own cost is its ns/op (and B/op)
// less base's; "common" requires them all, as a server-ish program does. The glue's compile,
// once per process, is outside the timing (bench/requiretime measures a fresh process's).
// Run: go test ./bench -run XXX -bench RequireBuiltin -benchtime 100x
func BenchmarkRequireBuiltin(b *testing.B) {
	common := `require('events'); require('util'); require('buffer'); require('path'); require('url');
require('fs'); require('os'); require('stream'); require('child_process'); require('zlib');
require('http'); require('https'); require('net'); require('crypto'); require('readline');
require('worker_threads'); require('assert');`
	cases := []struct{ name, src string }{{"base", ``}}
	for _, m := range []string{"events", "util", "buffer", "path", "url", "fs", "os", "stream",
		"readline", "child_process", "zlib", "http", "https", "net", "crypto", "worker_threads", "assert"} {
		cases = append(cases, struct{ name, src string }{m, "require('" + m + "');"})
	}
	cases = append(cases, struct{ name, src string }{"common", common})
	ctx := context.Background()
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			one := func() {
				rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := rt.RunScript(ctx, "one.js", c.src+"globalThis.x = 1;"); err != nil {
					b.Fatal(err)
				}
				rt.Close()
			}
			one() // compile the glue once per process
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				one()
			}
		})
	}
}
