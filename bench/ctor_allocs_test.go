package bench

import (
	"context"
	"io"
	goruntime "runtime"
	"strconv"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// ctorAllocCases are single expressions whose Go heap allocations per evaluation
// BenchmarkCtorAllocs reports: the per-object cost of making streams and small Buffers, which
// (unlike CPU time) a busy machine does not blur.
var ctorAllocCases = []struct{ name, setup, expr string }{
	{"Readable", "const { Readable } = require('stream');", "new Readable()"},
	{"Writable", "const { Writable } = require('stream');", "new Writable()"},
	{"Duplex", "const { Duplex } = require('stream');", "new Duplex()"},
	{"Transform", "const { Transform } = require('stream');", "new Transform()"},
	{"EventEmitter", "const EE = require('events');", "new EE()"},
	{"BufferFromShort", "", "Buffer.from('short string')"},
	{"Object", "", "({ a: 1 })"},
	{"CreateHashHex", "const crypto = require('crypto'); const m = 'hello world hello world';", "crypto.createHash('sha256').update(m).digest('hex')"},
	{"CreateHmacHex", "const crypto = require('crypto'); const m = 'hello world hello world';", "crypto.createHmac('sha256', 'key').update(m).digest('hex')"},
	{"RandomInt", "const crypto = require('crypto');", "crypto.randomInt(1000)"},
	{"CreateHashBuf", "const crypto = require('crypto'); const m = Buffer.from('hello world hello world');", "crypto.createHash('sha256').update(m).digest()"},
	{"GetRandomValues", "const crypto = require('crypto'); const u8 = new Uint8Array(16);", "crypto.getRandomValues(u8)"},
	{"RandomUUID", "const crypto = require('crypto');", "crypto.randomUUID()"},
	{"CipherivCBC", "const crypto = require('crypto'); const k = Buffer.alloc(16), iv = Buffer.alloc(16), m = Buffer.from('hello world hello world');",
		"(x = crypto.createCipheriv('aes-128-cbc', k, iv), x.update(m), x.final())"},
}

// BenchmarkCtorAllocs reports, per case, the Go heap allocations (objects and bytes) of one
// evaluation, from runtime.MemStats deltas between a short loop and a long one:
//
//	go test ./bench/ -run XXX -bench CtorAllocs -benchtime 1x
func BenchmarkCtorAllocs(b *testing.B) {
	for _, c := range ctorAllocCases {
		b.Run(c.name, func(b *testing.B) { allocsPerEval(b, c.setup, c.expr) })
	}
}

// allocsPerEval reports the Go heap allocations (objects and bytes) of one evaluation of expr
// after setup, from runtime.MemStats deltas between a short loop and a long one.
func allocsPerEval(b *testing.B, setup, expr string) {
	src := setup + "\nconst n = +process.env.N; let x; for (let i = 0; i < n; i++) x = " + expr + ";\n"
	run := func(n int) (objs, bytes uint64) {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard,
			Env: map[string]string{"N": strconv.Itoa(n)}, Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		code, err := rt.RunScript(context.Background(), "ctor.js", src)
		goruntime.ReadMemStats(&after)
		if err != nil || code != 0 {
			b.Fatal(code, err)
		}
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
	}
	const short, long = 1000, 6000
	run(short)
	var objs, bytes float64
	for i := 0; i < b.N; i++ {
		o1, b1 := run(short)
		o2, b2 := run(long)
		objs += float64(o2-o1) / (long - short)
		bytes += float64(b2-b1) / (long - short)
	}
	b.ReportMetric(objs/float64(b.N), "mallocs/eval")
	b.ReportMetric(bytes/float64(b.N), "bytes/eval")
}
