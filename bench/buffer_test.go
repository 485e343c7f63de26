// Benchmarks of Buffer against node, side by side: each case runs the same JavaScript in a gojs
// runtime (BenchmarkBuffer/<case>/gojs) and in node (BenchmarkBuffer/<case>/node, skipped
// without node), timing only the loop, so the ratio of the two ns/op is gojs's cost relative
// to node's. Each side also reports cpu-ns/op, the process's CPU time per op (GC threads
// included), steadier than wall time on a loaded machine. Run:
// go test ./bench/ -run XXX -bench Buffer -benchtime 3x
package bench

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

type jsCase struct {
	name  string
	setup string // runs once, untimed
	op    string // body of function op(), whose result feeds a sink so it is not optimized away
}

var bufferCases = []jsCase{
	{"from_base64_1MiB",
		"const s = Buffer.alloc(1 << 20, 'abcdefghij').toString('base64');",
		"return Buffer.from(s, 'base64').length;"},
	{"toString_hex_1MiB",
		"const b = Buffer.alloc(1 << 20, 'xyz');",
		"return b.toString('hex').length;"},
	{"concat_10k_small",
		"const list = []; for (let i = 0; i < 10000; i++) list.push(Buffer.from('hello world ' + i));",
		"return Buffer.concat(list).length;"},
	{"from_hex_1MiB",
		"const s = Buffer.alloc(1 << 20, 'xyz').toString('hex');",
		"return Buffer.from(s, 'hex').length;"},
	{"from_base64url_1MiB",
		"const s = Buffer.alloc(1 << 20, 'abc\\xff\\xfe').toString('base64url');",
		"return Buffer.from(s, 'base64url').length;"},
	{"from_base64_ws_64KiB",
		"const s = Buffer.alloc(48 << 10, 'abcdefghij').toString('base64').replace(/.{76}/g, '$&\\n');",
		"return Buffer.from(s, 'base64').length;"},
	{"toString_base64_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij');",
		"return b.toString('base64').length;"},
	{"toString_base64url_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij');",
		"return b.toString('base64url').length;"},
	{"from_utf8_ascii_1MiB",
		"const s = 'abcdefghij'.repeat(104858);",
		"return Buffer.from(s).length;"},
	{"from_utf8_mixed_1MiB",
		"const s = 'h\\u00e9llo w\\u00f6rld \\u4e16\\u754c \\ud83d\\ude00 '.repeat(40000);",
		"return Buffer.from(s, 'utf8').length;"},
	{"toString_utf8_ascii_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij');",
		"return b.toString().length;"},
	{"toString_utf8_mixed_1MiB",
		"const b = Buffer.from('h\\u00e9llo w\\u00f6rld \\u4e16\\u754c \\ud83d\\ude00 '.repeat(40000));",
		"return b.toString('utf8').length;"},
	{"byteLength_utf8_mixed_1MiB",
		"const s = 'h\\u00e9llo w\\u00f6rld \\u4e16\\u754c \\ud83d\\ude00 '.repeat(40000);",
		"return Buffer.byteLength(s);"},
	{"byteLength_base64_1MiB",
		"const s = Buffer.alloc(1 << 20, 'abcdefghij').toString('base64');",
		"return Buffer.byteLength(s, 'base64');"},
	{"write_utf8_mixed_1MiB",
		"const s = 'h\\u00e9llo w\\u00f6rld \\u4e16\\u754c \\ud83d\\ude00 '.repeat(40000); const b = Buffer.alloc(2 << 20);",
		"return b.write(s);"},
	{"from_latin1_1MiB",
		"const s = 'abc\\u00e9\\u00ff'.repeat(209716);",
		"return Buffer.from(s, 'latin1').length;"},
	{"toString_latin1_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abc\\xe9\\xff', 'latin1');",
		"return b.toString('latin1').length;"},
	{"toString_ascii_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij');",
		"return b.toString('ascii').length;"},
	{"from_ucs2_1MiB",
		"const s = 'abc\\u00e9\\u4e16'.repeat(104858);",
		"return Buffer.from(s, 'ucs2').length;"},
	{"toString_ucs2_1MiB",
		"const b = Buffer.from('abc\\u00e9\\u4e16'.repeat(104858), 'ucs2');",
		"return b.toString('ucs2').length;"},
	{"indexOf_str_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij'); b.write('needle', b.length - 10);",
		"return b.indexOf('needle');"},
	{"includes_buf_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij'); b.write('needle', b.length - 10); const n = Buffer.from('needle');",
		"return b.includes(n) ? 1 : 0;"},
	{"indexOf_byte_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij'); b[b.length - 3] = 0;",
		"return b.indexOf(0);"},
	{"lastIndexOf_str_1MiB",
		"const b = Buffer.alloc(1 << 20, 'abcdefghij'); b.write('needle', 3);",
		"return b.lastIndexOf('needle');"},
	{"compare_1MiB",
		"const a = Buffer.alloc(1 << 20, 'abcdefghij'), b = Buffer.alloc(1 << 20, 'abcdefghij'); b[b.length - 1] = 0;",
		"return Buffer.compare(a, b);"},
	{"equals_1MiB",
		"const a = Buffer.alloc(1 << 20, 'abcdefghij'), b = Buffer.alloc(1 << 20, 'abcdefghij');",
		"return a.equals(b) ? 1 : 0;"},
	{"fill_str_1MiB",
		"const b = Buffer.allocUnsafe(1 << 20);",
		"return b.fill('abc').length;"},
	{"fill_byte_1MiB",
		"const b = Buffer.allocUnsafe(1 << 20);",
		"return b.fill(7).length;"},
	{"copy_1MiB",
		"const a = Buffer.alloc(1 << 20, 'abcdefghij'), b = Buffer.allocUnsafe(1 << 20);",
		"return a.copy(b);"},
	{"from_utf8_short_10k",
		"const words = []; for (let i = 0; i < 10000; i++) words.push('word ' + i);",
		"let n = 0; for (let i = 0; i < words.length; i++) n += Buffer.from(words[i]).length; return n;"},
	{"toString_short_10k",
		"const list = []; for (let i = 0; i < 10000; i++) list.push(Buffer.from('word ' + i));",
		"let n = 0; for (let i = 0; i < list.length; i++) n += list[i].toString().length; return n;"},
	{"concat_100_64KiB",
		"const list = []; for (let i = 0; i < 100; i++) list.push(Buffer.alloc(65536, i));",
		"return Buffer.concat(list).length;"},
	{"readUInt32LE_10M",
		"const b = Buffer.alloc(4096, 7);",
		"let s = 0; for (let i = 0; i < 10000000; i++) s = (s + b.readUInt32LE((i & 1023) << 2)) | 0; return s;"},
}

// script returns a program that runs setup, then op n times, and (when timed) prints the
// nanoseconds the loop took.
func script(c jsCase, n int, timed bool) string {
	var sb strings.Builder
	sb.WriteString("'use strict';\n")
	if timed {
		sb.WriteString("const { Buffer } = require('buffer');\n")
	}
	sb.WriteString(c.setup + "\nfunction op() {" + c.op + "}\nlet sink = 0;\n")
	if timed {
		sb.WriteString("sink ^= op(); // warm-up, as the gojs side has\n")
		sb.WriteString("const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();\n")
	}
	fmt.Fprintf(&sb, "for (let i = 0; i < %d; i++) sink ^= op();\n", n)
	if timed {
		sb.WriteString("const c1 = process.cpuUsage(c0);\n")
		sb.WriteString("console.log(String(process.hrtime.bigint() - t0), (c1.user + c1.system) * 1000);\n")
	}
	sb.WriteString("globalThis.__op = op; globalThis.__sink = sink;\n")
	return sb.String()
}

func BenchmarkBuffer(b *testing.B) {
	for _, c := range bufferCases {
		b.Run(c.name+"/gojs", func(b *testing.B) {
			var out, errb bytes.Buffer
			rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			// Setup and one warm-up call.
			if code, err := rt.RunScript(context.Background(), "setup.js", script(c, 1, false)); code != 0 || err != nil {
				b.Fatalf("setup: code %d err %v\n%s", code, err, errb.String())
			}
			b.ResetTimer()
			c0 := cpuTime()
			if code, err := rt.RunScript(context.Background(), "loop.js", fmt.Sprintf("const op = globalThis.__op; let sink = 0; for (let i = 0; i < %d; i++) sink ^= op(); globalThis.__sink = sink;", b.N)); code != 0 || err != nil {
				b.Fatalf("loop: code %d err %v\n%s", code, err, errb.String())
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
		})
		b.Run(c.name+"/node", func(b *testing.B) {
			node, err := exec.LookPath("node")
			if err != nil {
				b.Skip("node not found")
			}
			out, err := exec.Command(node, "-e", script(c, b.N, true)).Output()
			if err != nil {
				b.Fatalf("node: %v", err)
			}
			f := strings.Fields(string(out))
			if len(f) != 2 {
				b.Fatalf("node output %q", out)
			}
			ns, err1 := strconv.ParseFloat(f[0], 64)
			cpu, err2 := strconv.ParseFloat(f[1], 64)
			if err1 != nil || err2 != nil {
				b.Fatalf("node output %q", out)
			}
			b.ReportMetric(ns/float64(b.N), "ns/op")
			b.ReportMetric(cpu/float64(b.N), "cpu-ns/op")
		})
	}
}
