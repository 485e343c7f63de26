package runtime_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// A script run in several runtimes is compiled once (the process-wide cache): each run still
// has its own globals, its own file name in stacks, and a syntax error is reported every time.
func TestScriptCacheSharedAcrossRuntimes(t *testing.T) {
	dir := t.TempDir() // one directory: the same file names in every runtime
	newRT := func(t *testing.T, out *bytes.Buffer) *runtime.Runtime {
		rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: out, Cwd: dir, Permissions: runtime.AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		return rt
	}
	const src = `globalThis.n = (globalThis.n || 0) + 1; console.log(n, new Error('x').stack.split('\n')[1].trim());`
	for i, name := range []string{"a.js", "a.js", "b.js"} {
		var out bytes.Buffer
		rt := newRT(t, &out)
		if _, err := rt.RunScript(context.Background(), name, src); err != nil {
			t.Fatal(err)
		}
		rt.Close()
		if got := out.String(); !strings.HasPrefix(got, "1 at ") || !strings.Contains(got, name+":1:") {
			t.Fatalf("run %d (%s): %q", i, name, got)
		}
	}
	for i := 0; i < 2; i++ {
		var out bytes.Buffer
		rt := newRT(t, &out)
		code, _ := rt.RunScript(context.Background(), "bad.js", "let x = ;")
		rt.Close()
		if code != 1 || !strings.Contains(out.String(), "SyntaxError") {
			t.Fatalf("run %d: code %d, %q", i, code, out.String())
		}
	}
}
