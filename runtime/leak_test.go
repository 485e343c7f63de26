package runtime_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
	"go.uber.org/goleak"
)

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}

// TestCloseReleasesEverything leaves a server, client sockets, a watcher, a child process, an open
// file and timers running, then closes the runtime: no goroutine and no descriptor may remain.
func TestCloseReleasesEverything(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := t.TempDir()
	before := openFDs(t)
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Cwd: dir, Permissions: runtime.AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		_, _ = rt.RunScript(ctx, "main.js", `
			const net = require('net'), fs = require('fs'), cp = require('child_process');
			const server = net.createServer((s) => s.on('data', (d) => s.write(d))).listen(0, '127.0.0.1', () => {
				for (let i = 0; i < 5; i++) net.connect(server.address().port, '127.0.0.1').write('x');
			});
			fs.watch('.', () => {});
			fs.writeFileSync('f.txt', 'data');
			globalThis.fd = fs.openSync('f.txt', 'r');
			cp.spawn('sleep', ['30']);
			setInterval(() => {}, 5);
			setTimeout(() => {}, 100000);
			process.stdout.write('started\n');
		`)
		cancel()
		rt.Close()
		if got := out.String(); got != "started\n" {
			t.Fatalf("script output: %q", got)
		}
	}
	// the runtime's goroutines and descriptors go away; give the OS a moment to reap
	deadline := time.Now().Add(5 * time.Second)
	for openFDs(t) > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if after := openFDs(t); after > before {
		t.Errorf("descriptors leaked: %d open before, %d after", before, after)
	}
}
