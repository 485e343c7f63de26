package bench

import (
	"context"
	"fmt"
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
// job queue, or a Go queue of callbacks called one by one from Go) and by a gojs runtime
// (trampoline, nextTick queue, timers, checkpoints). Compare the ns/op of the _Goja and _Gojs
// pairs; the target is at most 10% over bare goja. TestLoopOverhead measures them at any size.

func promiseChainSrc(n int) string {
	return fmt.Sprintf(`
let p = Promise.resolve(0);
for (let i = 0; i < %d; i++) p = p.then((v) => v + 1);
p.then((v) => { if (v !== %[1]d) throw new Error('bad ' + v); });
`, n)
}

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

// chainSrc is a chain of n calls of sched(step), each scheduling the next.
func chainSrc(sched string, n int) string {
	return fmt.Sprintf(`
let n = 0;
function step() { if (++n < %d) %s(step); }
%[2]s(step);
`, n, sched)
}

// runGojaQueue is bare goja with a Go scheduling function (name) that checks its callback and
// queues it with its extra arguments, returning ret() (nil: undefined), and a Go loop that calls
// the queued callbacks one by one: what a plain goja embedding does for nextTick, setImmediate
// and setTimeout(0).
func runGojaQueue(b *testing.B, name, src string, ret func(*goja.Runtime) goja.Value) {
	prg := goja.MustCompile("bench.js", src, false)
	type entry struct {
		fn   goja.Callable
		args []goja.Value
	}
	for i := 0; i < b.N; i++ {
		vm := goja.New()
		var q []entry
		vm.Set(name, func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("not a function"))
			}
			var args []goja.Value
			if len(call.Arguments) > 1 {
				args = append(args, call.Arguments[1:]...)
			}
			q = append(q, entry{fn, args})
			if ret == nil {
				return goja.Undefined()
			}
			return ret(vm)
		})
		// The queue runs inside one call into goja, so each callback is a nested Go-to-JS call:
		// an outermost call costs goja much more (it drops its VM stack on the way out), and
		// the runtime does not pay that per callback either. (These workloads queue no promise
		// jobs, which goja would run only when the outermost call returns.)
		vm.Set("__drain", func(goja.FunctionCall) goja.Value {
			// batch by batch, reusing the storage: a chain keeps one entry queued, not n
			var spare []entry
			for len(q) > 0 {
				batch := q
				q = spare[:0]
				for k := range batch {
					e := batch[k]
					batch[k] = entry{}
					if _, err := e.fn(goja.Undefined(), e.args...); err != nil {
						panic(err)
					}
				}
				spare = batch[:0]
			}
			return goja.Undefined()
		})
		if _, err := vm.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
		if _, err := vm.RunString("__drain()"); err != nil {
			b.Fatal(err)
		}
	}
}

func setTimeoutSrc(n int) string {
	return fmt.Sprintf(`
const N = %d;
let fired = 0;
for (let i = 0; i < N; i++) setTimeout(() => { ++fired; }, 0);
`, n)
}

func newObject(vm *goja.Runtime) goja.Value { return vm.NewObject() }

const benchN = 100000

func BenchmarkPromiseChain100k_Goja(b *testing.B) { runGoja(b, promiseChainSrc(benchN)) }
func BenchmarkPromiseChain100k_Gojs(b *testing.B) { runGojs(b, promiseChainSrc(benchN)) }
func BenchmarkNextTick100k_Goja(b *testing.B) {
	runGojaQueue(b, "nextTick", chainSrc("nextTick", benchN), nil)
}
func BenchmarkNextTick100k_Gojs(b *testing.B) { runGojs(b, chainSrc("process.nextTick", benchN)) }

// The floor for setTimeout: bare goja with a Go setTimeout that only queues the callback and
// returns an object, and a loop that calls each queued callback once.
func BenchmarkSetTimeout100k_Goja(b *testing.B) {
	runGojaQueue(b, "setTimeout", setTimeoutSrc(benchN), newObject)
}
func BenchmarkSetTimeout100k_Gojs(b *testing.B) { runGojs(b, setTimeoutSrc(benchN)) }
func BenchmarkImmediate100k_Goja(b *testing.B) {
	runGojaQueue(b, "setImmediate", chainSrc("setImmediate", benchN), newObject)
}
func BenchmarkImmediate100k_Gojs(b *testing.B) { runGojs(b, chainSrc("setImmediate", benchN)) }

// TestLoopOverhead prints the CPU time (user+sys, medians of interleaved runs, less sensitive to a
// busy machine than wall time) of the _Goja/_Gojs pairs above. Set LOOPOVERHEAD=runs to run it,
// and LOOPN=n for the workloads' size (default 100000; the targets are for 1000000).
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
	n := benchN
	if v, _ := strconv.Atoi(os.Getenv("LOOPN")); v > 0 {
		n = v
	}
	pairs := []struct {
		name       string
		goja, gojs func(*testing.B)
	}{
		{"promise_chain", func(b *testing.B) { runGoja(b, promiseChainSrc(n)) }, func(b *testing.B) { runGojs(b, promiseChainSrc(n)) }},
		{"nextTick", func(b *testing.B) { runGojaQueue(b, "nextTick", chainSrc("nextTick", n), nil) },
			func(b *testing.B) { runGojs(b, chainSrc("process.nextTick", n)) }},
		{"setTimeout", func(b *testing.B) { runGojaQueue(b, "setTimeout", setTimeoutSrc(n), newObject) },
			func(b *testing.B) { runGojs(b, setTimeoutSrc(n)) }},
		{"setImmediate_chain", func(b *testing.B) { runGojaQueue(b, "setImmediate", chainSrc("setImmediate", n), newObject) },
			func(b *testing.B) { runGojs(b, chainSrc("setImmediate", n)) }},
	}
	med := func(d []time.Duration) time.Duration {
		slices.Sort(d)
		return d[len(d)/2]
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			var a, b []time.Duration
			for i := 0; i < runs; i++ {
				a = append(a, measure(p.goja))
				b = append(b, measure(p.gojs))
			}
			ma, mb := med(a), med(b)
			t.Logf("%-18s n=%d  goja %8.1f ms  gojs %8.1f ms  gojs/goja %.2f", p.name, n, ma.Seconds()*1e3, mb.Seconds()*1e3, mb.Seconds()/ma.Seconds())
		})
	}
}
