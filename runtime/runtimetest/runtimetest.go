// Package runtimetest is a test kit for gojs: it runs a script in a fresh runtime with captured
// stdio and reports what it printed and its exit code.
package runtimetest

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// Result is what a script did.
type Result struct {
	Stdout, Stderr string
	Code           int
	Err            error
}

// Run runs src as the main script of a fresh runtime whose cwd is dir (t.TempDir() if empty),
// until its loop drains or 30 seconds pass.
func Run(t testing.TB, src string, opts ...func(*runtime.Options)) Result {
	t.Helper()
	var out, errb bytes.Buffer
	o := runtime.Options{Stdout: &out, Stderr: &errb, Cwd: t.TempDir(), Env: map[string]string{},
		Permissions: runtime.AllowAll}
	for _, f := range opts {
		f(&o)
	}
	rt, err := runtime.New(o)
	if err != nil {
		t.Fatalf("runtime.New: %v", err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code, err := rt.RunScript(ctx, "main.js", src)
	return Result{Stdout: out.String(), Stderr: errb.String(), Code: code, Err: err}
}

// Expect runs src and fails the test unless it exits 0 and prints want on stdout.
func Expect(t testing.TB, src, want string) {
	t.Helper()
	r := Run(t, src)
	if r.Code != 0 || r.Err != nil || r.Stdout != want {
		t.Errorf("script failed: code %d err %v\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Err, r.Stdout, want, r.Stderr)
	}
}
