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

func TestWriteStreamGoesToRuntimeStdout(t *testing.T) {
	runtimetest.Expect(t, `
const tty = require('tty');
const w = new tty.WriteStream(1);
w.write('x\n');
console.log(w.getColorDepth({ TERM: 'xterm-256color' }), w.hasColors(2, {}), w.columns > 0);
`, "x\n8 true true\n")
}
