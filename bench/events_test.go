package bench

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime"
)

// emitScript emits 'x' n times to an EventEmitter with three listeners.
func emitScript(n int) string {
	return fmt.Sprintf(`const EventEmitter = require('events');
const e = new EventEmitter();
let total = 0;
e.on('x', (a) => { total += a; });
e.on('x', (a) => { total += a; });
e.on('x', (a) => { total += a; });
const t0 = process.hrtime.bigint();
for (let i = 0; i < %d; i++) e.emit('x', 1);
const ns = process.hrtime.bigint() - t0;
if (typeof globalThis.__result === 'function') globalThis.__result(String(ns));
else process.stdout.write(String(ns) + '\n');
`, n)
}

// plainScript is the same work in bare goja: three listeners in an array called in a loop.
func plainScript(n int) string {
	return fmt.Sprintf(`let total = 0;
const listeners = [(a) => { total += a; }, (a) => { total += a; }, (a) => { total += a; }];
const self = {};
function emit(type, a) {
  const l = listeners.slice();
  for (let i = 0; i < l.length; i++) l[i].call(self, a);
  return true;
}
for (let i = 0; i < %d; i++) emit('x', 1);
`, n)
}

// directScript is the floor: the three listeners called directly, no emitter at all.
func directScript(n int) string {
	return fmt.Sprintf(`let total = 0;
const l0 = (a) => { total += a; }, l1 = (a) => { total += a; }, l2 = (a) => { total += a; };
const self = {};
for (let i = 0; i < %d; i++) { l0.call(self, 1); l1.call(self, 1); l2.call(self, 1); }
`, n)
}

// BenchmarkEventEmitterEmit compares EventEmitter.emit with 3 listeners in gojs, in node and in
// bare goja running the equivalent plain JS. Each reports ns/emit; compare them as ratios.
func BenchmarkEventEmitterEmit(b *testing.B) {
	b.Run("gojs", func(b *testing.B) {
		rt, err := runtime.New(runtime.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		var ns string
		rt.VM().Set("__result", func(s string) { ns = s })
		b.ResetTimer()
		if _, err := rt.RunScript(context.Background(), "bench.js", emitScript(b.N)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		report(b, ns)
	})
	b.Run("node", func(b *testing.B) {
		if _, err := exec.LookPath("node"); err != nil {
			b.Skip("node not installed")
		}
		out, err := exec.Command("node", "-e", emitScript(b.N)).Output()
		if err != nil {
			b.Fatal(err)
		}
		report(b, strings.TrimSpace(string(out)))
	})
	bare := func(name string, script func(int) string) {
		b.Run(name, func(b *testing.B) {
			vm := goja.New()
			prg := goja.MustCompile(name+".js", script(b.N), true)
			b.ResetTimer()
			t0 := time.Now()
			if _, err := vm.RunProgram(prg); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(time.Since(t0).Nanoseconds())/float64(b.N), "ns/emit")
		})
	}
	bare("goja-plain", plainScript)
	bare("goja-direct", directScript)
}

func report(b *testing.B, ns string) {
	v, err := strconv.ParseFloat(ns, 64)
	if err != nil {
		b.Fatalf("bad timing %q", ns)
	}
	b.ReportMetric(v/float64(b.N), "ns/emit")
}
