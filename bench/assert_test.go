package bench

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// deepEqualScript builds two equal objects of n keys, each holding a small nested object, and
// times assert.deepStrictEqual on them.
func deepEqualScript(n int) string {
	return fmt.Sprintf(`const assert = require('assert');
const a = {}, b = {};
for (let i = 0; i < %d; i++) { a['k' + i] = { v: i, s: 'x', l: [i] }; b['k' + i] = { v: i, s: 'x', l: [i] }; }
const t0 = process.hrtime.bigint();
assert.deepStrictEqual(a, b);
const ns = process.hrtime.bigint() - t0;
if (typeof globalThis.__result === 'function') globalThis.__result(String(ns));
else process.stdout.write(String(ns) + '\n');
`, n)
}

// BenchmarkDeepStrictEqual compares assert.deepStrictEqual on a wide object in gojs and node;
// each reports ns/key.
func BenchmarkDeepStrictEqual(b *testing.B) {
	b.Run("gojs", func(b *testing.B) {
		rt, err := runtime.New(runtime.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		var ns string
		rt.VM().Set("__result", func(s string) { ns = s })
		if _, err := rt.RunScript(context.Background(), "bench.js", deepEqualScript(b.N)); err != nil {
			b.Fatal(err)
		}
		reportPer(b, ns, "ns/key")
	})
	b.Run("node", func(b *testing.B) {
		if _, err := exec.LookPath("node"); err != nil {
			b.Skip("node not installed")
		}
		out, err := exec.Command("node", "-e", deepEqualScript(b.N)).Output()
		if err != nil {
			b.Fatal(err)
		}
		reportPer(b, strings.TrimSpace(string(out)), "ns/key")
	})
}

func reportPer(b *testing.B, ns, unit string) {
	v, err := strconv.ParseFloat(ns, 64)
	if err != nil {
		b.Fatalf("bad timing %q", ns)
	}
	b.ReportMetric(v/float64(b.N), unit)
}
