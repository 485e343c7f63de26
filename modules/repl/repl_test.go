package repl_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// driver feeds lines to a REPL over streams and prints the transcript.
const driver = `
const repl = require('repl');
const { PassThrough, Writable } = require('stream');
function drive(lines, opts = {}) {
  const input = new PassThrough();
  let buf = '';
  const output = new Writable({
    write(chunk, enc, cb) {
      const s = chunk.toString();
      process.stdout.write(s);
      buf += s;
      if (buf.endsWith('> ') || buf.endsWith('... ')) {
        buf = '';
        setImmediate(() => {
          if (lines.length === 0) { input.end(); return; }
          const l = lines.shift();
          process.stdout.write(l + '\n');
          input.write(l + '\n');
        });
      }
      cb();
    },
  });
  return repl.start(Object.assign({ input, output, prompt: '> ', terminal: false }, opts));
}
`

func TestLetPersistsAcrossLines(t *testing.T) {
	runtimetest.Expect(t, driver+`drive(['let a = 2', 'const b = a * 3', 'a + b', 'class K { v() { return b } }', 'new K().v()'])`,
		"> let a = 2\nundefined\n> const b = a * 3\nundefined\n> a + b\n8\n> class K { v() { return b } }\nundefined\n> new K().v()\n6\n> ")
}

func TestIncompleteInputWaits(t *testing.T) {
	runtimetest.Expect(t, driver+"drive(['`a', 'b`', '(1 +', '2)', '/* x', '*/ 5'])",
		"> `a\n... b`\n'a\\nb'\n> (1 +\n... 2)\n3\n> /* x\n... */ 5\n5\n> ")
}

func TestSyntaxErrorCaret(t *testing.T) {
	runtimetest.Expect(t, driver+"drive(['1 2'])", "> 1 2\n1 2\n  ^\n\nUncaught SyntaxError: Unexpected number\n> ")
}

func TestBreakWithoutEvaluation(t *testing.T) {
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if rt.BreakEval() {
		t.Fatal("BreakEval reported an evaluation before the repl was loaded")
	}
}

func TestBreakStopsEvaluation(t *testing.T) {
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Permissions: runtime.AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	go func() {
		for !rt.BreakEval() {
			time.Sleep(5 * time.Millisecond)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	code, err := rt.RunScript(ctx, "/main.js", driver+"drive(['while (true) {}', '1 + 1'])")
	if code != 0 || err != nil {
		t.Fatalf("code %d err %v\n%s", code, err, out.String())
	}
	got := out.String()
	if !strings.Contains(got, "Uncaught [Error: Script execution was interrupted by `SIGINT`] {\n  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED'\n}\n> 1 + 1\n2\n") {
		t.Fatalf("transcript:\n%s", got)
	}
}
