package runtime_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
	"go.uber.org/goleak"
)

// TestHooksRuntimeClosed registers module customization hooks (which start the hooks runtime on
// a goroutine of its own), imports through them, and closes the runtime: the hooks runtime's
// goroutine ends with it. A program that registers none starts nothing.
func TestHooksRuntimeClosed(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := t.TempDir()
	files := map[string]string{
		"hooks.mjs": `export async function resolve(s, c, next) {
			if (s === 'virtual:x') return { url: s, shortCircuit: true };
			return next(s, c);
		}
		export async function load(u, c, next) {
			if (u === 'virtual:x') return { format: 'module', source: 'export default 42', shortCircuit: true };
			return next(u, c);
		}`,
		"main.mjs": `import { register } from 'node:module';
		register('./hooks.mjs', import.meta.url);
		const m = await import('virtual:x');
		console.log(m.default);`,
		"plain.mjs": `console.log('plain');`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ main, want string }{{"main.mjs", "42\n"}, {"plain.mjs", "plain\n"}} {
		var out bytes.Buffer
		rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Cwd: dir, Permissions: runtime.AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		code, err := rt.RunMain(context.Background(), c.main)
		rt.Close()
		if err != nil || code != 0 || out.String() != c.want {
			t.Fatalf("%s: code %d, err %v, output %q; want %q", c.main, code, err, out.String(), c.want)
		}
	}
}
