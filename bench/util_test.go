package bench

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime"
)

// utilNested1000 builds a 1000-key object whose values are small nested objects.
const utilNested1000 = `
const obj = {};
for (let i = 0; i < 1000; i++) {
  obj['key' + i] = { id: i, name: 'item ' + i, tags: ['a', 'b', i], nested: { deep: { deeper: i } } };
}
`

// utilRunGojs runs setup then body n times in a fresh gojs runtime and returns the time the loop took.
func utilRunGojs(b *testing.B, setup, body string, n int) time.Duration {
	b.Helper()
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	src := setup + fmt.Sprintf(`
const t0 = process.hrtime.bigint();
for (let i = 0; i < %d; i++) { %s }
process.stderr.write('');
globalThis.__elapsed = Number(process.hrtime.bigint() - t0);
require('fs');
`, n, body)
	src = strings.Replace(src, "require('fs');", "", 1)
	src += "\nconsole.log('ELAPSED ' + globalThis.__elapsed);\n"
	if _, err := rt.RunScript(context.Background(), "bench.js", src); err != nil {
		b.Fatal(err)
	}
	return utilParseElapsed(b, out.String())
}

// utilRunNode runs the same loop under node, if installed.
func utilRunNode(b *testing.B, setup, body string, n int) (time.Duration, bool) {
	node, err := exec.LookPath("node")
	if err != nil {
		return 0, false
	}
	src := setup + fmt.Sprintf(`
const t0 = process.hrtime.bigint();
for (let i = 0; i < %d; i++) { %s }
const el = Number(process.hrtime.bigint() - t0);
process._rawDebug ? 0 : 0;
require('fs').writeSync(1, 'ELAPSED ' + el + '\n');
`, n, body)
	cmd := exec.Command(node, "-e", src)
	cmd.Stderr = io.Discard
	outb, err := cmd.Output()
	if err != nil {
		b.Fatalf("node: %v", err)
	}
	return utilParseElapsed(b, string(outb)), true
}

// utilRunGoja runs the plain-JS equivalent on a bare goja runtime.
func utilRunGoja(b *testing.B, setup, body string, n int) time.Duration {
	vm := goja.New()
	vm.Set("sink", func(goja.Value) {})
	if _, err := vm.RunString(setup); err != nil {
		b.Fatal(err)
	}
	prg := goja.MustCompile("loop.js", fmt.Sprintf("for (let i = 0; i < %d; i++) { %s }", n, body), false)
	t0 := time.Now()
	if _, err := vm.RunProgram(prg); err != nil {
		b.Fatal(err)
	}
	return time.Since(t0)
}

func utilParseElapsed(b *testing.B, out string) time.Duration {
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "ELAPSED "); ok {
			ns, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				b.Fatal(err)
			}
			return time.Duration(ns)
		}
	}
	b.Fatalf("no timing in output %q", out)
	return 0
}

// compare reports gojs ns/op plus node's and bare goja's, and the ratios.
func utilCompare(b *testing.B, setup, gojsBody, nodeBody, gojaSetup, gojaBody string) {
	n := b.N
	g := utilRunGojs(b, setup, gojsBody, n)
	b.ReportMetric(float64(g.Nanoseconds())/float64(n), "gojs-ns/op")
	if d, ok := utilRunNode(b, setup, nodeBody, n); ok {
		b.ReportMetric(float64(d.Nanoseconds())/float64(n), "node-ns/op")
		b.ReportMetric(float64(g)/float64(d), "x-node")
	}
	if gojaBody != "" {
		d := utilRunGoja(b, gojaSetup, gojaBody, n)
		b.ReportMetric(float64(d.Nanoseconds())/float64(n), "goja-ns/op")
		b.ReportMetric(float64(g)/float64(d), "x-goja")
	}
}

// BenchmarkUtilInspect1000Keys is util.inspect of a 1000-key nested object; the bare goja
// baseline is JSON.stringify of the same object (the nearest plain-JS serialisation).
func BenchmarkUtilInspect1000Keys(b *testing.B) {
	setup := "const util = require('util');\n" + utilNested1000
	utilCompare(b, setup, "util.inspect(obj);", "util.inspect(obj);", utilNested1000, "JSON.stringify(obj);")
}

// BenchmarkConsoleLogString is console.log('hi') to a discarded stdout; the bare goja baseline
// calls a Go no-op with the string.
func BenchmarkConsoleLogString(b *testing.B) {
	utilCompare(b, "", "console.log('hi');", "console.log('hi');", "", "sink('hi\\n');")
}

// BenchmarkUtilFormat is util.format with mixed placeholders.
func BenchmarkUtilFormat(b *testing.B) {
	setup := "const util = require('util'); const o = { a: 1, b: [1, 2], c: 'x' };\n"
	utilCompare(b, setup, "util.format('%s: %d %j %o', 'k', 42, o, o);", "util.format('%s: %d %j %o', 'k', 42, o, o);", "", "")
}

// BenchmarkInspectSmallObject is console.log's common case: a small flat object.
func BenchmarkInspectSmallObject(b *testing.B) {
	setup := "const util = require('util'); const o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };\n"
	utilCompare(b, setup, "util.inspect(o);", "util.inspect(o);", "const o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };", "JSON.stringify(o);")
}
