// Benchmarks of Buffer against node, side by side: each case runs the same JavaScript in a gojs
// runtime (BenchmarkBuffer/<case>/gojs) and in node (BenchmarkBuffer/<case>/node, skipped
// without node), timing only the loop, so the ratio of the two ns/op is gojs's cost relative
// to node's. Run: go test ./bench/ -run XXX -bench Buffer -benchtime 3x
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
		sb.WriteString("const t0 = process.hrtime.bigint();\n")
	}
	fmt.Fprintf(&sb, "for (let i = 0; i < %d; i++) sink ^= op();\n", n)
	if timed {
		sb.WriteString("console.log(String(process.hrtime.bigint() - t0));\n")
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
			if code, err := rt.RunScript(context.Background(), "loop.js", fmt.Sprintf("const op = globalThis.__op; let sink = 0; for (let i = 0; i < %d; i++) sink ^= op(); globalThis.__sink = sink;", b.N)); code != 0 || err != nil {
				b.Fatalf("loop: code %d err %v\n%s", code, err, errb.String())
			}
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
			ns, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
			if err != nil {
				b.Fatalf("node output %q", out)
			}
			b.ReportMetric(ns/float64(b.N), "ns/op")
		})
	}
}
