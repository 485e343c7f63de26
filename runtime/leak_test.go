package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"sync"
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
		out := &signalWriter{want: "started\n", seen: make(chan struct{})}
		rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: out, Cwd: dir, Permissions: runtime.AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		// the script is stopped once it has started everything (at most a minute: a first
		// runtime under -race on a loaded machine can take seconds to get there)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		go func() {
			select {
			case <-out.seen:
				time.Sleep(50 * time.Millisecond) // the connections and the child get going
				cancel()
			case <-ctx.Done():
			}
		}()
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

// signalWriter collects output and closes seen once the output contains want.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
	done bool
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done && strings.Contains(w.buf.String(), w.want) {
		w.done = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestMemoryLimit runs runtimes with and without a memory limit side by side: the ones whose
// script keeps growing the heap past the limit stop with ErrMemoryLimit, the other finishes, and
// the shared heap sampler is gone once the last watching run has returned.
func TestMemoryLimit(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	grow := `const keep = []; (function more() { for (let i = 0; i < 20000; i++) keep.push({ i, s: 'x' + i });
		setImmediate(more); })();`
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opts := runtime.Options{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
			script := grow
			if i == 2 {
				script = `setTimeout(() => {}, 50)`
			} else {
				opts.MemoryLimit = 48 << 20
			}
			rt, err := runtime.New(opts)
			if err != nil {
				errs[i] = err
				return
			}
			defer rt.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			_, errs[i] = rt.RunScript(ctx, "main.js", script)
		}()
	}
	wg.Wait()
	for i, err := range errs[:2] {
		if !errors.Is(err, runtime.ErrMemoryLimit) {
			t.Errorf("runtime %d: got %v, want ErrMemoryLimit", i, err)
		}
	}
	if errs[2] != nil {
		t.Errorf("runtime without a limit: %v", errs[2])
	}
}
