package buffer_test

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

// jsLoop runs setup, then body b.N times inside one JS loop, timing only the loop. Besides wall
// time it reports the CPU time per op of the loop's thread (thread-ns/op) and of the whole
// process (proc-ns/op: the collector's workers too), steadier than wall time on a busy machine.
func jsLoop(b *testing.B, setup, body string) {
	vm, _ := buffertest.NewVM(b)
	if _, err := vm.RunString(setup + "\nfunction __loop(n) { let s = 0; for (let i = 0; i < n; i++) { " + body + " } return s; }"); err != nil {
		b.Fatal(err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	t0, p0 := cpuTime(true), cpuTime(false)
	if _, err := vm.RunString("__loop(" + strconv.Itoa(b.N) + ")"); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(cpuTime(true)-t0)/float64(b.N), "thread-ns/op")
	b.ReportMetric(float64(cpuTime(false)-p0)/float64(b.N), "proc-ns/op")
}

// BenchmarkReadUInt32LE is buf.readUInt32LE; BenchmarkBareGojaRead32 is the same four-byte read
// written as plain JS on a Uint8Array (the engine's floor without Buffer's checks);
// BenchmarkBareGojaCall is the loop and call alone.
func BenchmarkReadUInt32LE(b *testing.B) {
	jsLoop(b, "var buf = Buffer.alloc(4096, 7);", "s = (s + buf.readUInt32LE((i & 1023) << 2)) | 0;")
}

func BenchmarkBareGojaRead32(b *testing.B) {
	jsLoop(b, "var u = new Uint8Array(4096).fill(7); function rd(o) { return u[o] + u[o + 1] * 256 + u[o + 2] * 65536 + u[o + 3] * 16777216; }",
		"s = (s + rd((i & 1023) << 2)) | 0;")
}

func BenchmarkBareGojaCall(b *testing.B) {
	jsLoop(b, "function rd(o) { return o; }", "s = (s + rd((i & 1023) << 2)) | 0;")
}

func BenchmarkWriteUInt32LE(b *testing.B) {
	jsLoop(b, "var buf = Buffer.alloc(4096);", "buf.writeUInt32LE(i >>> 0, (i & 1023) << 2);")
}

func BenchmarkConcat10k(b *testing.B) {
	jsLoop(b, "var list = []; for (let i = 0; i < 10000; i++) list.push(Buffer.from('hello world ' + i));",
		"s ^= Buffer.concat(list).length;")
}

func BenchmarkFromBase64_1MiB(b *testing.B) {
	jsLoop(b, "var str = Buffer.alloc(1 << 20, 'abcdefghij').toString('base64');", "s ^= Buffer.from(str, 'base64').length;")
}

func BenchmarkToStringHex_1MiB(b *testing.B) {
	jsLoop(b, "var big = Buffer.alloc(1 << 20, 'xyz');", "s ^= big.toString('hex').length;")
}

func BenchmarkFromUTF8Small(b *testing.B) {
	jsLoop(b, "var str = 'hello w\u00f6rld';", "s ^= Buffer.from(str).length;")
}

func BenchmarkToStringUTF8_64KiB(b *testing.B) {
	jsLoop(b, "var big = Buffer.from('h\u00e9llo '.repeat(10923));", "s ^= big.toString().length;")
}
