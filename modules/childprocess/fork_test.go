package childprocess_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
