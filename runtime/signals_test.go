package runtime_test

import (
	"bytes"
	"context"
	"reflect"
	"syscall"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// SignalListener hears of each signal the script starts listening for, once per first listener.
func TestSignalListener(t *testing.T) {
	var out bytes.Buffer
	var heard []syscall.Signal
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Cwd: t.TempDir(), Permissions: runtime.AllowAll,
		SignalListener: func(sig syscall.Signal) { heard = append(heard, sig) }})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	code, err := rt.RunScript(context.Background(), "main.js", `
		const f = () => {};
		process.on('SIGUSR2', f);
		process.on('SIGUSR2', () => {});
		process.on('exit', () => {});
		process.once('SIGINT', f);
		process.removeAllListeners('SIGINT');
		process.on('SIGINT', f);
		console.log(process.listenerCount('SIGINT'));
	`)
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v: %s", code, err, out.String())
	}
	want := []syscall.Signal{syscall.SIGUSR2, syscall.SIGINT, syscall.SIGINT}
	if !reflect.DeepEqual(heard, want) {
		t.Fatalf("heard %v, want %v", heard, want)
	}
	if !rt.SignalHandled(syscall.SIGINT) || !rt.SignalHandled(syscall.SIGUSR2) || rt.SignalHandled(syscall.SIGTERM) {
		t.Fatal("SignalHandled disagrees")
	}
}
