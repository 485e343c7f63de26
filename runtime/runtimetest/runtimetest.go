// Package runtimetest is a test kit for gojs: it runs a script in a fresh runtime with captured
// stdio and reports what it printed and its exit code.
package runtimetest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime"
)

// Result is what a script did.
type Result struct {
	Stdout, Stderr string
	Code           int
	Err            error
}

// Run runs src as the main script of a fresh runtime whose cwd is dir (t.TempDir() if empty),
// until its loop drains or 2 minutes pass (a deadline for a hung loop: a script needing 2 s of CPU
// took over 30 s on a loaded 2-core machine under -race).
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
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
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

// Printed runs src with a global-free `print` (from require('testprint')) that writes its
// arguments' string values, space separated, one line per call, and returns what it printed.
// The test fails unless the script exits 0. It suits tests that check values without going
// through console's formatting.
func Printed(t testing.TB, src string) string {
	t.Helper()
	var out strings.Builder
	printer := &modules.Module{Name: "testprint", Bind: func(h *modules.Host, b *goja.Object) error {
		return b.Set("print", func(args ...goja.Value) {
			parts := make([]string, len(args))
			for i, a := range args {
				parts[i] = a.String()
			}
			out.WriteString(strings.Join(parts, " ") + "\n")
		})
	}}
	r := Run(t, "const { print } = require('testprint');\n"+src, func(o *runtime.Options) {
		o.Modules = append(o.Modules, printer)
	})
	if r.Code != 0 || r.Err != nil {
		t.Fatalf("exit %d, err %v\nstderr:\n%s", r.Code, r.Err, r.Stderr)
	}
	return out.String()
}

// OpenFDs counts the process's open descriptors; the test is skipped where /proc is missing.
// Go's own poller (an epoll and an eventfd, made on the process's first pollable file and kept)
// is started first, so that a test that counts before and after a runtime's first socket or pipe
// does not see its two descriptors as a leak.
func OpenFDs(t testing.TB) int {
	t.Helper()
	startGoPoller.Do(func() {
		if r, w, err := os.Pipe(); err == nil {
			r.Close()
			w.Close()
		}
	})
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(ents)
}

var startGoPoller sync.Once

// SettleFDs waits (up to 10 s: a loaded machine runs those goroutines late) for descriptors that
// exiting goroutines close to be released, until at most want are open; it returns the last count.
func SettleFDs(t testing.TB, want int) int {
	var n int
	for i := 0; i < 500; i++ {
		if n = OpenFDs(t); n <= want {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	return n
}
