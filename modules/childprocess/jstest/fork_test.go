// Package jstest holds childprocess's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package childprocess's own tests: a test binary that has childprocess's internal tests recompiles every
// package importing childprocess, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// TestForkNode forks node (the other side of the channel need not be gojs) from an in-process
// runtime, in both serializations, and checks messages both ways, 'disconnect', 'exit' and 'close',
// and that the child's inherited stdout reaches the runtime's (non-file) writer whole.
func TestForkNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	child := `console.log('child up'); process.on('message', (m) => { if (m === 'end') process.disconnect(); else process.send(m); });`
	if err := os.WriteFile(filepath.Join(dir, "child.js"), []byte(child), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"json", "advanced"} {
		t.Run(mode, func(t *testing.T) {
			src := `
const { fork } = require('child_process');
const c = fork('child.js', { execPath: ` + "`" + node + "`" + `, serialization: '` + mode + `' });
const sent = [1, 'two', { three: [3] }, null];
c.on('message', (m) => {
  console.log('got', JSON.stringify(m));
  if (m === null) c.send('end');
});
for (const m of sent) c.send(m);
c.on('disconnect', () => console.log('disconnect'));
c.on('exit', (code) => console.log('exit', code));
c.on('close', (code) => console.log('close', code));
`
			want := "got 1\ngot \"two\"\ngot {\"three\":[3]}\ngot null\ndisconnect\nexit 0\nclose 0\n"
			r := runtimetest.Run(t, src, func(o *runtime.Options) {
				o.Cwd = dir
				o.Env = map[string]string{"PATH": os.Getenv("PATH")}
			})
			// The child's own output (inherited stdout) comes in at no fixed place.
			out := strings.Replace(r.Stdout, "child up\n", "", 1)
			if r.Code != 0 || r.Err != nil || out != want || !strings.Contains(r.Stdout, "child up\n") {
				t.Errorf("code %d err %v\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Err, r.Stdout, want, r.Stderr)
			}
		})
	}
}

// TestForkIdleCost forks an idle node child with every stdio a pipe and the IPC channel, and
// checks what it costs the parent while idle: no goroutine but the one waiting for the child's
// exit (the pipes and the channel are read and written on the loop's poller), and one
// descriptor per pipe, one for the channel and the pidfd os.Process holds for the child.
func TestForkIdleCost(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	child := `process.send('up'); process.on('message', () => process.exit(0));`
	if err := os.WriteFile(filepath.Join(dir, "child.js"), []byte(child), 0o644); err != nil {
		t.Fatal(err)
	}
	probe := &modules.Module{Name: "probe", Bind: func(h *modules.Host, b *goja.Object) error {
		b.Set("goroutines", goruntime.NumGoroutine)
		b.Set("fds", func() int { return runtimetest.OpenFDs(t) })
		return nil
	}, JS: `module.exports = binding;`}
	src := `
const { fork, spawnSync } = require('child_process');
const probe = require('probe');
// (a first child starts the runtime's poller and the child_process state)
const warm = fork('child.js', { execPath: ` + "`" + node + "`" + `, silent: true });
warm.on('message', () => warm.send('bye'));
warm.on('close', () => {
  const g0 = probe.goroutines(), f0 = probe.fds();
  const c = fork('child.js', { execPath: ` + "`" + node + "`" + `, silent: true });
  c.on('message', () => {
    setTimeout(() => {
      console.log('goroutines', probe.goroutines() - g0, 'fds', probe.fds() - f0);
      c.send('bye');
    }, 50);
  });
});
`
	r := runtimetest.Run(t, src, func(o *runtime.Options) {
		o.Cwd = dir
		o.Env = map[string]string{"PATH": os.Getenv("PATH")}
		o.Modules = append(o.Modules, probe)
	})
	// The goroutine count is the whole process's: one that was ending when the first count was
	// taken (the warm child's) can make the difference 0, never more than the exit waiter.
	var g, f int
	if _, err := fmt.Sscanf(r.Stdout, "goroutines %d fds %d\n", &g, &f); err != nil || g > 1 || f != 5 || r.Code != 0 {
		t.Errorf("code %d err %v\nstdout: %q, want at most 1 goroutine and 5 fds\nstderr:\n%s", r.Code, r.Err, r.Stdout, r.Stderr)
	}
}
