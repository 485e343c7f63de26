// Package jstest holds atomics's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package atomics's own tests: a test binary that has atomics's internal tests recompiles every
// package importing atomics, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"sync"
	"testing"
	"unsafe"

	"github.com/gojs-dev/gojs/modules/atomics"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// Workers hammer one SharedArrayBuffer with every read-modify-write width, the narrow ones on
// neighbouring elements of one word, and hand turns back and forth with wait/notify.
func TestWorkersShareMemory(t *testing.T) {
	runtimetest.Expect(t, `
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(64);
const src = "const { workerData: { sab, i } } = require('worker_threads');" +
  "const a32 = new Int32Array(sab), a8 = new Uint8Array(sab), a16 = new Uint16Array(sab), a64 = new BigInt64Array(sab);" +
  "for (let k = 0; k < 2000; k++) { Atomics.add(a32, 0, 1); Atomics.add(a8, 8 + i, 1); Atomics.sub(a16, 8, 1); Atomics.add(a64, 3, 2n); }" +
  "Atomics.add(a32, 1, 1); Atomics.notify(a32, 1);";
let exited = 0;
for (let i = 0; i < 4; i++) {
  new Worker(src, { eval: true, workerData: { sab, i } }).on('exit', () => {
    if (++exited < 4) return;
    const a32 = new Int32Array(sab), a8 = new Uint8Array(sab), a16 = new Uint16Array(sab), a64 = new BigInt64Array(sab);
    console.log(a32[0], [a8[8], a8[9], a8[10], a8[11]].join(), a16[8], a64[3], a32[1]);
  });
}
`, "8000 208,208,208,208 57536 16000n 4\n")
}

func TestWaitNotifyHandshake(t *testing.T) {
	runtimetest.Expect(t, `
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(8);
const a = new Int32Array(sab);
const w = new Worker("const a = new Int32Array(require('worker_threads').workerData);" +
  "for (let i = 0; i < 50; i++) { while (Atomics.load(a, 0) !== 1) Atomics.wait(a, 0, 0); Atomics.add(a, 1, 1); Atomics.store(a, 0, 0); Atomics.notify(a, 0); }",
  { eval: true, workerData: sab });
for (let i = 0; i < 50; i++) {
  Atomics.store(a, 0, 1);
  Atomics.notify(a, 0);
  while (Atomics.load(a, 0) !== 0) Atomics.wait(a, 0, 1);
}
const p = Atomics.waitAsync(a, 0, 0);
setTimeout(() => Atomics.notify(a, 0), 1);
w.on('exit', () => p.value.then((v) => console.log(Atomics.load(a, 1), p.async, v)));
`, "50 true ok\n")
}

func TestAllocRoundsCapacity(t *testing.T) {
	var wg sync.WaitGroup
	for _, n := range []int{0, 1, 5, 8, 13} {
		b := atomics.Alloc(n)
		if len(b) != n || cap(b)%8 != 0 || cap(b) < n {
			t.Fatalf("Alloc(%d): len %d cap %d", n, len(b), cap(b))
		}
		if n > 0 && uintptr(unsafe.Pointer(&b[0]))%4 != 0 {
			t.Fatalf("Alloc(%d) not word aligned", n)
		}
	}
	wg.Wait()
}
