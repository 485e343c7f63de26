package bench

import (
	"context"
	"io"
	"os"
	goruntime "runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime"
)

// The loop's overhead over bare goja: the same JS work run by goja alone (draining its own
// job queue) and by a gojs runtime (trampoline, nextTick queue, checkpoints). Compare the ns/op
// of the _Goja and _Gojs pairs; the target is at most 10% over bare goja.

const promiseChain = `
let p = Promise.resolve(0);
for (let i = 0; i < 100000; i++) p = p.then((v) => v + 1);
p.then((v) => { if (v !== 100000) throw new Error('bad ' + v); });
`

func runGoja(b *testing.B, src string) {
	prg := goja.MustCompile("bench.js", src, false)
	for i := 0; i < b.N; i++ {
		vm := goja.New()
		if _, err := vm.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}

func runGojs(b *testing.B, src string) {
	for i := 0; i < b.N; i++ {
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		code, err := rt.RunScript(context.Background(), "bench.js", src)
		if err != nil || code != 0 {
			b.Fatal(code, err)
		}
		rt.Close()
	}
}

func BenchmarkPromiseChain100k_Goja(b *testing.B) { runGoja(b, promiseChain) }
func BenchmarkPromiseChain100k_Gojs(b *testing.B) { runGojs(b, promiseChain) }

// nextTick: gojs's Go queue, against the closest bare-goja equivalent (a JS array queue drained
// by a loop, which is what a hand-written microtask queue in goja would be).
const tickGojs = `
let n = 0;
function step() { if (++n < 100000) process.nextTick(step); }
process.nextTick(step);
`

const tickGoja = `
const q = [];
let head = 0;
const nextTick = (fn) => q.push(fn);
let n = 0;
function step() { if (++n < 100000) nextTick(step); }
nextTick(step);
while (head < q.length) q[head++]();
`

func BenchmarkNextTick100k_Goja(b *testing.B) { runGoja(b, tickGoja) }
func BenchmarkNextTick100k_Gojs(b *testing.B) { runGojs(b, tickGojs) }

const setTimeoutGojs = `
const N = 100000;
let fired = 0;
for (let i = 0; i < N; i++) setTimeout(() => { ++fired; }, 0);
`

const immediateGojs = `
let n = 0;
function step() { if (++n < 100000) setImmediate(step); }
setImmediate(step);
`

// The floor for setTimeout: bare goja with a Go setTimeout that only queues the callback, and a
// loop that calls each queued callback once.
func BenchmarkSetTimeout100k_Goja(b *testing.B) {
	prg := goja.MustCompile("bench.js", setTimeoutGojs, false)
	for i := 0; i < b.N; i++ {
		vm := goja.New()
		var q []goja.Callable
		vm.Set("setTimeout", func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("not a function"))
			}
			q = append(q, fn)
			return vm.NewObject()
		})
		if _, err := vm.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
		for _, fn := range q {
			if _, err := fn(goja.Undefined()); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSetTimeout100k_Gojs(b *testing.B) { runGojs(b, setTimeoutGojs) }
func BenchmarkImmediate100k_Gojs(b *testing.B)  { runGojs(b, immediateGojs) }

// TestLoopOverhead prints the CPU time (user+sys, medians of interleaved runs, less sensitive to a
// busy machine than wall time) of the _Goja/_Gojs pairs above. Set LOOPOVERHEAD=runs to run it.
func TestLoopOverhead(t *testing.T) {
	runs, _ := strconv.Atoi(os.Getenv("LOOPOVERHEAD"))
	if runs == 0 {
		t.Skip("set LOOPOVERHEAD=runs to measure")
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	measure := func(f func(*testing.B)) time.Duration {
		goruntime.GC()
		c0 := cpu()
		f(&testing.B{N: 1})
		goruntime.GC()
		return cpu() - c0
	}
	pairs := []struct {
		name       string
		goja, gojs func(*testing.B)
	}{
		{"promise chain 100k", BenchmarkPromiseChain100k_Goja, BenchmarkPromiseChain100k_Gojs},
		{"nextTick 100k", BenchmarkNextTick100k_Goja, BenchmarkNextTick100k_Gojs},
		{"setTimeout 100k", BenchmarkSetTimeout100k_Goja, BenchmarkSetTimeout100k_Gojs},
	}
	med := func(d []time.Duration) time.Duration {
		slices.Sort(d)
		return d[len(d)/2]
	}
	for _, p := range pairs {
		var a, b []time.Duration
		for i := 0; i < runs; i++ {
			a = append(a, measure(p.goja))
			b = append(b, measure(p.gojs))
		}
		ma, mb := med(a), med(b)
		t.Logf("%-20s goja %8.1f ms  gojs %8.1f ms  gojs/goja %.2f", p.name, ma.Seconds()*1e3, mb.Seconds()*1e3, mb.Seconds()/ma.Seconds())
	}
}
