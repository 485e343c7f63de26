package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
	"go.uber.org/goleak"
)

func newRT(t *testing.T, out *bytes.Buffer) *runtime.Runtime {
	t.Helper()
	rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: out, Cwd: t.TempDir(), Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

func TestRunScriptExitCode(t *testing.T) {
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	rt := newRT(t, &out)
	defer rt.Close()
	code, err := rt.RunScript(context.Background(), "main.js", `
		process.stdout.write('a\n');
		setTimeout(() => { process.stdout.write('b\n'); process.exitCode = 3; }, 1);
	`)
	if err != nil || code != 3 || out.String() != "a\nb\n" {
		t.Fatalf("code %d err %v out %q", code, err, out.String())
	}
}

func TestContextCancelStopsInfiniteLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	rt := newRT(t, &out)
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := rt.RunScript(ctx, "main.js", `for (;;) {}`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
}

func TestCloseWithPendingTimers(t *testing.T) {
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	rt := newRT(t, &out)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, _ = rt.RunScript(ctx, "main.js", `setInterval(() => {}, 1); setTimeout(() => {}, 100000);`)
	rt.Close()
	rt.Close()
}

func TestRuntimesAreIsolated(t *testing.T) {
	defer goleak.VerifyNone(t)
	var a, b bytes.Buffer
	ra, err := runtime.New(runtime.Options{Stdout: &a, Env: map[string]string{"X": "one"}, Cwd: "/tmp", Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer ra.Close()
	rb, err := runtime.New(runtime.Options{Stdout: &b, Env: map[string]string{"X": "two"}, Cwd: "/", Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rb.Close()
	src := `globalThis.shared = (globalThis.shared || 0) + 1; process.env.Y = process.env.X;
		process.chdir('..'); process.stdout.write([process.env.X, process.env.Y, shared, process.cwd()].join(' '));`
	if _, err := ra.RunScript(context.Background(), "a.js", src); err != nil {
		t.Fatal(err)
	}
	if _, err := rb.RunScript(context.Background(), "b.js", src); err != nil {
		t.Fatal(err)
	}
	if a.String() != "one one 1 /" || b.String() != "two two 1 /" {
		t.Fatalf("a=%q b=%q", a.String(), b.String())
	}
}

func TestUncaughtPrintsAndExits1(t *testing.T) {
	var out bytes.Buffer
	rt := newRT(t, &out)
	defer rt.Close()
	code, err := rt.RunScript(context.Background(), "main.js", `throw new RangeError('nope')`)
	var je *runtime.JSError
	if !errors.As(err, &je) || je.Name != "RangeError" || je.Message != "nope" || code != 1 ||
		!strings.Contains(out.String(), "RangeError: nope") {
		t.Fatalf("code %d err %#v out %q", code, err, out.String())
	}
}

func TestStackOverflowDoesNotCrash(t *testing.T) {
	var out bytes.Buffer
	rt := newRT(t, &out)
	defer rt.Close()
	code, _ := rt.RunScript(context.Background(), "main.js", `function f() { return f() + 1; } f();`)
	if code != 1 || !strings.Contains(out.String(), "Maximum call stack size exceeded") {
		t.Fatalf("code %d out %q", code, out.String())
	}
}
