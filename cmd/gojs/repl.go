package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gojs-dev/gojs/runtime"
	"golang.org/x/sys/unix"
)

// replHistoryPath is where the interactive REPL keeps its history: $GOJS_REPL_HISTORY when set
// (an empty value disables persistence, as NODE_REPL_HISTORY does for node), else
// ~/.gojs_repl_history.
func replHistoryPath(env map[string]string) string {
	if p, ok := env["GOJS_REPL_HISTORY"]; ok {
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
	if restore, err := setRawMode(int(os.Stdin.Fd())); err == nil {
		defer restore()
	}
	banner := fmt.Sprintf("Welcome to gojs %s (Node.js %s API).\nType \".help\" for more information.\n",
		runtime.Version, runtime.NodeVersion)
	src := "require('repl')._startCLI(" + strconv.Quote(banner) + ", " +
		strconv.Quote(replHistoryPath(env)) + ");"
	return rt.Eval(ctx, src, false)
}

// setRawMode puts the terminal in the raw mode libuv uses for process.stdin.setRawMode(true):
// no echo, no line buffering, no signals from keys (Ctrl+C reaches the REPL as a key), output
// post-processing kept so "\n" still returns the carriage.
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
