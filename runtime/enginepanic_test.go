package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/runtime"
	"go.uber.org/goleak"
)

// A Go panic inside goja (a for-of over an iterator whose next is not callable dereferences nil
// in the engine) reaches the embedder as an error, with the server the script opened closed by
// Close and the host process unharmed; the runtime refuses further work.
func TestEnginePanicIsAnError(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	code, err := rt.RunScript(context.Background(), "main.js", `
		require('net').createServer().listen(0, '127.0.0.1');
		console.log('before');
		setTimeout(() => { for (const x of { [Symbol.iterator]() { return { next: null } } }) {} }, 1);`)
	var perr *eventloop.EnginePanicError
	if !errors.As(err, &perr) || code == 0 {
		t.Fatalf("RunScript: code %d, err %v; want an *eventloop.EnginePanicError", code, err)
	}
	if out.String() != "before\n" {
		t.Errorf("output %q", out.String())
	}
	if _, err := rt.RunScript(context.Background(), "again.js", `1`); err == nil {
		t.Error("a stopped runtime ran another script")
	}
	rt.Close()
}
