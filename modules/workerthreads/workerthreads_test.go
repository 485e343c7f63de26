package workerthreads_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestWorkerEcho(t *testing.T) {
	runtimetest.Expect(t, `
const { Worker } = require('worker_threads');
const w = new Worker("const { parentPort, workerData } = require('worker_threads'); console.log('in worker', workerData.x); parentPort.on('message', (m) => { parentPort.postMessage(m * 2); parentPort.close(); });", { eval: true, workerData: { x: 1 } });
w.on('message', (m) => console.log('got', m));
w.on('exit', (c) => console.log('exit', c));
w.postMessage(21);
`, "in worker 1\ngot 42\nexit 0\n")
}

func TestWorkerTerminateBusy(t *testing.T) {
	runtimetest.Expect(t, `
const { Worker } = require('worker_threads');
const w = new Worker("require('worker_threads').parentPort.postMessage('go'); for (;;) {}", { eval: true });
w.once('message', () => w.terminate().then((code) => console.log('terminated', code)));
`, "terminated 1\n")
}

func TestWorkerDeniedInSandbox(t *testing.T) {
	r := runtimetest.Run(t, `
const { Worker } = require('worker_threads');
try { new Worker('1', { eval: true }); } catch (e) { process.stdout.write(e.code + ' ' + e.permission + '\n'); }
`, func(o *runtime.Options) { o.Permissions = nil })
	if r.Stdout != "ERR_ACCESS_DENIED WorkerThreads\n" {
		t.Fatalf("stdout %q stderr %q", r.Stdout, r.Stderr)
	}
}

func TestWorkerUnrefLetsParentExit(t *testing.T) {
	r := runtimetest.Run(t, `
const { Worker } = require('worker_threads');
const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
w.unref();
console.log('done');
`)
	if r.Code != 0 || r.Stdout != "done\n" {
		t.Fatalf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

func TestWorkerStackLimit(t *testing.T) {
	r := runtimetest.Run(t, `
const { Worker } = require('worker_threads');
const w = new Worker('function f() { f(); } f();', { eval: true, resourceLimits: { stackSizeMb: 0.1 } });
w.on('error', (e) => console.log(e.name, e.message));
`)
	if !strings.Contains(r.Stdout, "RangeError Maximum call stack size exceeded") {
		t.Fatalf("stdout %q stderr %q", r.Stdout, r.Stderr)
	}
}

func TestCloseStopsWorkers(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, _ = rt.RunScript(ctx, "main.js", `
const { Worker } = require('worker_threads');
new Worker('for (;;) {}', { eval: true });
new Worker('setInterval(() => {}, 10)', { eval: true });
`)
	rt.Close()
	time.Sleep(100 * time.Millisecond)
}
