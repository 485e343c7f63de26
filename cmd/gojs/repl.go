package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/gojs-dev/gojs/runtime"
	"golang.org/x/sys/unix"
)

// replHistoryPath is where the interactive REPL keeps its history: $GOJS_REPL_HISTORY when set,
// else $NODE_REPL_HISTORY when set, as node reads it (an empty value disables persistence),
// else ~/.gojs_repl_history.
func replHistoryPath(env map[string]string) string {
	if p, ok := env["GOJS_REPL_HISTORY"]; ok {
		return p
	}
	if p, ok := env["NODE_REPL_HISTORY"]; ok {
		return p
	}
	home := env["HOME"]
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".gojs_repl_history")
}

// runREPL runs the interactive REPL on the terminal until .exit, Ctrl+D or a second Ctrl+C.
func runREPL(ctx context.Context, rt *runtime.Runtime, env map[string]string) (int, error) {
	replRuntime.Store(rt)
	defer replRuntime.Store(nil)
	if restore, err := setRawMode(int(os.Stdin.Fd())); err == nil {
		defer restore()
	}
	return rt.Eval(ctx, replStartSource(env), false)
}

// runREPLAfter is runREPL for node -i -e: the REPL starts, then src runs (as -e, or -p with
// print) in the global scope the REPL evaluates in.
func runREPLAfter(ctx context.Context, rt *runtime.Runtime, env map[string]string, src string, print bool) (int, error) {
	replRuntime.Store(rt)
	defer replRuntime.Store(nil)
	if restore, err := setRawMode(int(os.Stdin.Fd())); err == nil {
		defer restore()
	}
	return rt.EvalAfter(ctx, replStartSource(env), src, print)
}

// replStartSource is the script that starts the REPL on the terminal.
func replStartSource(env map[string]string) string {
	banner := fmt.Sprintf("Welcome to gojs %s (Node.js %s API).\nType \".help\" for more information.\n",
		runtime.Version, runtime.NodeVersion)
	return "require('repl')._startCLI(" + strconv.Quote(banner) + ", " +
		strconv.Quote(replHistoryPath(env)) + ");"
}

// setRawMode puts the terminal in the raw mode libuv uses for process.stdin.setRawMode(true):
// no echo, no line buffering, no signals from keys (Ctrl+C reaches the REPL as a key, and
// breakReader turns it into BreakEval while an evaluation runs), output post-processing kept so
// "\n" still returns the carriage.
func setRawMode(fd int) (func(), error) {
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, err
	}
	t := *old
	t.Iflag &^= unix.BRKINT | unix.ICRNL | unix.INPCK | unix.ISTRIP | unix.IXON
	t.Oflag |= unix.ONLCR
	t.Cflag |= unix.CS8
	t.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &t); err != nil {
		return nil, err
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }, nil
}

// replRuntime is the runtime running the interactive REPL, for breakReader.
var replRuntime atomic.Pointer[runtime.Runtime]

// breakReader reads the terminal ahead of the runtime so that a Ctrl+C typed while an evaluation
// runs (and the loop is not reading stdin) stops that evaluation; other bytes, and a Ctrl+C at
// the prompt, are passed on unchanged.
type breakReader struct {
	mu   sync.Mutex
	cond *sync.Cond
	buf  []byte
	err  error
}

func newBreakReader(src io.Reader) *breakReader {
	r := &breakReader{}
	r.cond = sync.NewCond(&r.mu)
	go func() {
		chunk := make([]byte, 4096)
		for {
			n, err := src.Read(chunk)
			out := make([]byte, 0, n)
			for _, b := range chunk[:n] {
				if b == 0x03 {
					if rt := replRuntime.Load(); rt != nil && rt.BreakEval() {
						continue
					}
				}
				out = append(out, b)
			}
			r.mu.Lock()
			r.buf = append(r.buf, out...)
			if err != nil {
				r.err = err
			}
			r.cond.Broadcast()
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return r
}

func (r *breakReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.buf) == 0 && r.err == nil {
		r.cond.Wait()
	}
	if len(r.buf) > 0 {
		n := copy(p, r.buf)
		r.buf = r.buf[n:]
		return n, nil
	}
	return 0, r.err
}
