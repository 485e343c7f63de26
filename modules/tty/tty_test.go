package tty_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestIsattyFollowsOptions(t *testing.T) {
	r := runtimetest.Run(t, `
const tty = require('tty');
process.stdout.write([tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(1000)].join(' ') + '\n');
`, func(o *runtime.Options) { o.StdoutIsTTY = true })
	if r.Stdout != "false true false false\n" {
		t.Fatalf("stdout %q stderr %q", r.Stdout, r.Stderr)
	}
}

// A runtime whose stdout is marked a terminal: tty.WriteStream(1) writes to the runtime's stdout,
// with the window size its options give (the Go writer has none of its own).
func TestWriteStreamGoesToRuntimeStdout(t *testing.T) {
	r := runtimetest.Run(t, `
const tty = require('tty');
const w = new tty.WriteStream(1);
w.write('x\n');
w.write([w.getColorDepth({ TERM: 'xterm-256color' }), w.hasColors(2, {}), w.columns > 0, w instanceof require('net').Socket].join(' ') + '\n');
`, func(o *runtime.Options) { o.StdoutIsTTY = true })
	if want := "x\n8 true true true\n"; r.Code != 0 || r.Err != nil || r.Stdout != want {
		t.Fatalf("code %d err %v stdout %q (want %q) stderr %q", r.Code, r.Err, r.Stdout, want, r.Stderr)
	}
}
