package runtime

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The main CommonJS module that PrewarmMain compiled is the program the loader runs (taken once,
// not compiled again), and a file that changed since is compiled from its new text.
func TestPrewarmedMainCompile(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.js")
	if err := os.WriteFile(main, []byte("#!/usr/bin/env node\nconsole.log('one', new Error('x').stack.split('\\n')[1].trim());\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(main)
	if err != nil {
		t.Fatal(err)
	}
	prewarmCompile(real, "console.log(1)")
	p := mainCompile.p
	prg, err, taken := takeMainCompile(p.key)
	if !taken || err != nil || prg == nil || prg != p.prg {
		t.Fatalf("take: %v %v %v", prg, err, taken)
	}
	if _, _, again := takeMainCompile(p.key); again {
		t.Fatal("taken twice")
	}

	run := func() string {
		var out bytes.Buffer
		rt, err := New(Options{Stdout: &out, Stderr: &out, Cwd: dir, Permissions: AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		defer rt.Close()
		if _, err := rt.RunMain(context.Background(), main); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	PrewarmMain(main, "")
	if mainCompile.p == nil {
		t.Fatal("no compile started for a CommonJS main")
	}
	if got := run(); got != "one at Object.<anonymous> ("+real+":2:20)\n" {
		t.Fatalf("got %q", got)
	}
	if mainCompile.p != nil {
		t.Fatal("the prewarmed compile was not taken")
	}
	PrewarmMain(main, "")
	if err := os.WriteFile(main, []byte("console.log('two')\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := run(); got != "two\n" {
		t.Fatalf("changed file: got %q", got)
	}
	mainCompile.p = nil
	takePrewarmedPaths()
}
