package jstest

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
	"go.uber.org/goleak"
)

// TestClosePipes closes a runtime whose children hold pipes in every state: a paused stdout
// over its highWaterMark (the child blocked in its write), a pipe a grandchild holds open after
// its child exited, and an extra stdio pipe with writes the child never reads. No goroutine and
// no descriptor may remain.
func TestClosePipes(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := runtimetest.OpenFDs(t)
	for i := 0; i < 2; i++ {
		var out bytes.Buffer
		rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Cwd: t.TempDir(),
			Permissions: runtime.AllowAll, Env: map[string]string{"PATH": os.Getenv("PATH")}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_, _ = rt.RunScript(ctx, "main.js", `
			const { spawn } = require('child_process');
			const yes = spawn('yes');
			yes.stdout.pause();
			const held = spawn('sh', ['-c', '(sleep 3; echo late) & echo first']);
			const quiet = spawn('sleep', ['30'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
			quiet.stdio[3].write(Buffer.alloc(8 << 20));
			let n = 0;
			const check = () => {
				if (yes.stdout.readableLength > 0 && n > 0 && quiet.stdio[3].writableLength > 0) {
					process.stdout.write('started\n');
					process.exit(0);
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
	if after := runtimetest.SettleFDs(t, before); after > before {
		t.Errorf("descriptors leaked: %d open before, %d after", before, after)
	}
}
