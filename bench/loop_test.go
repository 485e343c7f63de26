package bench

import (
	"context"
	"io"
	"testing"

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

func BenchmarkSetTimeout100k_Gojs(b *testing.B) { runGojs(b, setTimeoutGojs) }
func BenchmarkImmediate100k_Gojs(b *testing.B)  { runGojs(b, immediateGojs) }
