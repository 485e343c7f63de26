package childprocess_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
	"go.uber.org/goleak"
)

// TestClosePipes closes a runtime whose children hold pipes in every state: a paused stdout
// over its highWaterMark (the child blocked in its write), a pipe a grandchild holds open after
// its child exited, and an extra stdio pipe with writes the child never reads. No goroutine and
// no descriptor may remain, and the children are gone.
func TestClosePipes(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := openFDs(t)
	for i := 0; i < 2; i++ {
		out := &startedWriter{seen: make(chan struct{})}
		rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: out, Cwd: t.TempDir(),
			Permissions: runtime.AllowAll, Env: map[string]string{"PATH": os.Getenv("PATH")}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		go func() {
			select {
			case <-out.seen:
				cancel()
			case <-ctx.Done():
			}
		}()
		_, _ = rt.RunScript(ctx, "main.js", `
			const { spawn } = require('child_process');
			const yes = spawn('yes');
			yes.stdout.pause();
			const held = spawn('sh', ['-c', '(sleep 30; echo late) & echo first']);
			const quiet = spawn('sleep', ['30'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
			quiet.stdio[3].write(Buffer.alloc(8 << 20));
			let n = 0;
			const check = () => {
				if (yes.stdout.readableLength > 0 && n > 0 && quiet.stdio[3].writableLength > 0) {
					process.stdout.write('started\n');
				} else setTimeout(check, 10);
			};
			held.stdout.on('data', () => { n++; });
			held.on('exit', check);
		`)
		cancel()
		rt.Close()
		if got := out.String(); got != "started\n" {
			t.Fatalf("script output: %q", got)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for openFDs(t) > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if after := openFDs(t); after > before {
		t.Errorf("descriptors leaked: %d open before, %d after", before, after)
	}
}

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}

// startedWriter collects output and closes seen once it holds "started\n".
type startedWriter struct {
	mu   sync.Mutex
	buf  strings.Builder
	seen chan struct{}
	done bool
}

func (w *startedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done && strings.Contains(w.buf.String(), "started\n") {
		w.done = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *startedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
