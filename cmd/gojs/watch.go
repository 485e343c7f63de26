package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gojs-dev/gojs/runtime"
)

// watchOptions are --watch, --watch-path and --watch-preserve-output.
type watchOptions struct {
	enabled  bool
	paths    []string
	preserve bool
}

func (w *watchOptions) flag(name, val string) {
	switch name {
	case "--watch":
		w.enabled = true
	case "--watch-path":
		w.enabled = true
		w.paths = append(w.paths, val)
	case "--watch-preserve-output":
		w.preserve = true
	}
}

// watchDebounce coalesces the burst of events one save makes (write, chmod, rename...).
const watchDebounce = 100 * time.Millisecond

// runWatch runs the script and runs it again, in a new runtime, whenever a file it loaded (or,
// with --watch-path, a file under those paths) changes, printing Node's status lines. It returns
// only on a setup error: the user ends it with Ctrl+C.
func runWatch(c *cli) int {
	if c.script == "" || c.script == "-" || c.hasEval {
		fmt.Fprint(os.Stderr, asInvoked("gojs: --watch requires specifying a file\n"))
		return 9
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer w.Close()
	cwd, _ := os.Getwd()
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(cwd, p)
	}

	green, blue, red, white, clear := "", "", "", "", ""
	if isTTY(os.Stderr) && os.Getenv("NO_COLOR") == "" && os.Getenv("NODE_DISABLE_COLORS") == "" &&
		os.Getenv("FORCE_COLOR") != "0" && os.Getenv("TERM") != "dumb" {
		green, blue, red, white, clear = "\x1b[32m", "\x1b[34m", "\x1b[31m", "\x1b[39m", "\x1bc"
	}
	command := runtime.QuoteJS(strings.Join(append([]string{c.script}, c.args...), " "))

	watched := map[string]bool{}
	watchDir := func(dir string) {
		if !watched[dir] {
			if w.Add(dir) == nil {
				watched[dir] = true
			}
		}
	}
	// relevant decides whether a changed path restarts the program.
	var relevant func(string) bool
	deps := map[string]bool{abs(c.script): true}
	var depsMu sync.Mutex
	if len(c.watch.paths) > 0 {
		var roots []string
		for _, p := range c.watch.paths {
			p = abs(p)
			roots = append(roots, p)
			fi, err := os.Stat(p)
			if err != nil {
				fmt.Fprintf(os.Stderr, "gojs: --watch-path: %v\n", err)
				return 9
			}
			if !fi.IsDir() {
				watchDir(filepath.Dir(p))
				continue
			}
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err == nil && d.IsDir() {
					watchDir(path)
				}
				return nil
			})
		}
		relevant = func(name string) bool {
			for _, r := range roots {
				if name == r || strings.HasPrefix(name, r+string(filepath.Separator)) {
					return true
				}
			}
			return false
		}
	} else {
		watchDir(filepath.Dir(abs(c.script)))
		relevant = func(name string) bool {
			depsMu.Lock()
			defer depsMu.Unlock()
			return deps[name]
		}
	}
	addDeps := func(files []string) {
		if len(c.watch.paths) > 0 {
			return
		}
		depsMu.Lock()
		for _, f := range files {
			deps[f] = true
		}
		depsMu.Unlock()
		for _, f := range files {
			watchDir(filepath.Dir(f))
		}
	}

	for {
		opts, env, code := buildOptions(c)
		if code != 0 {
			return code
		}
		var (
			mu  sync.Mutex
			cur *runtime.Runtime
		)
		ctx, cancel := context.WithCancel(context.Background())
		runDone := make(chan int, 1)
		go func() {
			runDone <- runOnce(ctx, c, opts, env, func(rt *runtime.Runtime) {
				mu.Lock()
				cur = rt
				mu.Unlock()
			})
		}()
		current := func() *runtime.Runtime {
			mu.Lock()
			defer mu.Unlock()
			return cur
		}
		refresh := func() {
			if rt := current(); rt != nil {
				qctx, qcancel := context.WithTimeout(ctx, 500*time.Millisecond)
				addDeps(rt.LoadedFiles(qctx))
				qcancel()
			}
		}
		poll := time.NewTicker(200 * time.Millisecond)
		var debounce <-chan time.Time
		finished, restart := false, false
		for !restart {
			select {
			case code := <-runDone:
				finished = true
				refresh()
				if code == 0 {
					fmt.Fprintf(os.Stdout, "%sCompleted running %s%s\n", blue, command, white)
				} else {
					fmt.Fprintf(os.Stdout, "%sFailed running %s%s\n", red, command, white)
				}
			case <-poll.C:
				if !finished {
					refresh()
				}
			case ev, ok := <-w.Events:
				if !ok {
					cancel()
					return 1
				}
				if ev.Op == fsnotify.Chmod {
					continue
				}
				name := filepath.Clean(ev.Name)
				if !relevant(name) && !finished {
					// the program may have loaded it since the last poll
					refresh()
				}
				if relevant(name) {
					debounce = time.After(watchDebounce)
				}
			case <-w.Errors:
			case <-debounce:
				restart = true
			}
		}
		poll.Stop()
		if !finished {
			if rt := current(); rt != nil {
				rt.Interrupt(errRestart)
			}
			cancel()
			<-runDone
		}
		cancel()
		if !c.watch.preserve {
			fmt.Fprint(os.Stdout, clear)
		}
		fmt.Fprintf(os.Stdout, "%sRestarting %s%s\n", green, command, white)
	}
}

var errRestart = errors.New("restart")
