package bench

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// workerRoundTripScript starts a worker that echoes every message and sends n messages one
// after the other, each waiting for its echo; it reports the total time in ns.
func workerRoundTripScript(n int) string {
	return fmt.Sprintf(`const { Worker } = require('worker_threads');
const w = new Worker("require('worker_threads').parentPort.on('message', (m) => require('worker_threads').parentPort.postMessage(m));", { eval: true });
const n = %d;
let i = 0;
let t0;
w.on('message', (m) => {
  if (++i < n) { w.postMessage({ seq: i, s: 'ping' }); return; }
  const ns = process.hrtime.bigint() - t0;
  if (typeof globalThis.__result === 'function') globalThis.__result(String(ns));
  else process.stdout.write(String(ns) + '\n');
  w.terminate();
});
w.on('online', () => { t0 = process.hrtime.bigint(); w.postMessage({ seq: 0, s: 'ping' }); });
`, n)
}

// BenchmarkWorkerRoundTrip compares a message round trip to a worker thread in gojs and node;
// each reports ns/roundtrip. The target run is -benchtime=100000x.
func BenchmarkWorkerRoundTrip(b *testing.B) {
	b.Run("gojs", func(b *testing.B) {
		rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll})
		if err != nil {
			b.Fatal(err)
		}
		defer rt.Close()
		var ns string
		rt.VM().Set("__result", func(s string) { ns = s })
		if _, err := rt.RunScript(context.Background(), "bench.js", workerRoundTripScript(b.N)); err != nil {
			b.Fatal(err)
		}
		reportPer(b, ns, "ns/roundtrip")
	})
	b.Run("node", func(b *testing.B) {
		if _, err := exec.LookPath("node"); err != nil {
			b.Skip("node not installed")
		}
		out, err := exec.Command("node", "-e", workerRoundTripScript(b.N)).Output()
		if err != nil {
			b.Fatal(err)
		}
		reportPer(b, strings.TrimSpace(string(out)), "ns/roundtrip")
	})
}

// workerStartScript starts n workers one after the other, each posting one message and exiting.
func workerStartScript(n int) string {
	return fmt.Sprintf(`const { Worker } = require('worker_threads');
let i = 0;
function next() {
  if (i++ >= %d) return;
  const w = new Worker("require('worker_threads').parentPort.postMessage(1)", { eval: true });
  w.on('message', () => {});
  w.on('exit', next);
}
next();
`, n)
}

// BenchmarkWorkerStart starts a worker thread that posts one message and exits, one after the
// other, in one gojs runtime; allocs/op and B/op are per worker. Compare CPU time, not wall time,
// with node's (node -e "$(script)": about 16 ms of CPU per worker on the 2-core machine).
func BenchmarkWorkerStart(b *testing.B) {
	rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	if _, err := rt.RunScript(context.Background(), "warm.js", workerStartScript(1)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := rt.RunScript(context.Background(), "bench.js", workerStartScript(b.N)); err != nil {
		b.Fatal(err)
	}
}
