package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer collects a process's output for polling.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type watchRun struct {
	t   *testing.T
	cmd *exec.Cmd
	out *syncBuffer
	dir string
	// resave is set for node, the reference: under load node's watcher can miss a save made
	// while it is still setting up, so waitFor saves the last file again every few seconds while
	// the output has not moved since the save (a second save once node has seen the first one
	// restarted it twice).
	resave  bool
	pending [2]string
	atSave  string // the output when pending was saved
}

// waitLimit is how long waitFor and waitForMasked wait for the output: a deadline for a hung
// watcher, generous because a loaded 2-core machine running -race makes node's and gojs's
// restarts take many seconds (node's twice as long: it restarts through a child process).
func (w *watchRun) waitLimit() time.Duration {
	if w.resave {
		return 60 * time.Second
	}
	return 30 * time.Second
}

func startWatch(t *testing.T, dir string, argv ...string) *watchRun {
	t.Helper()
	out := &syncBuffer{}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	// node --watch runs the program in a child: end the whole group, and do not wait forever
	// for a grandchild holding the output pipe.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	})
	return &watchRun{t: t, cmd: cmd, out: out, dir: dir, resave: filepath.Base(argv[0]) == "node"}
}

// waitFor polls the output until it equals want, failing after waitLimit (node's missed saves
// are repeated every 10 seconds).
func (w *watchRun) waitFor(want string) {
	w.t.Helper()
	start := time.Now()
	limit := w.waitLimit()
	next := start.Add(10 * time.Second)
	for time.Since(start) < limit {
		if w.out.String() == want {
			w.pending = [2]string{}
			return
		}
		if w.resave && w.pending[0] != "" && time.Now().After(next) && w.out.String() == w.atSave {
			w.write(w.pending[0], w.pending[1])
			next = time.Now().Add(10 * time.Second)
		}
		time.Sleep(20 * time.Millisecond)
	}
	w.t.Fatalf("%s: output is\n%s\n--- want\n%s", w.cmd.Path, w.out.String(), want)
}

// save writes a file the way editors do: a temporary file renamed over the old one.
func (w *watchRun) save(name, content string) {
	w.t.Helper()
	w.pending = [2]string{name, content}
	w.atSave = w.out.String()
	w.write(name, content)
}

func (w *watchRun) write(name, content string) {
	w.t.Helper()
	tmp := filepath.Join(w.dir, filepath.Dir(name), "."+filepath.Base(name)+".swp")
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		w.t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(w.dir, name)); err != nil {
		w.t.Fatal(err)
	}
}

// runtimes lists gojs and, when installed, node: both must print the same.
func watchRuntimes(t *testing.T) [][]string {
	rts := [][]string{{gojsBinary(t)}}
	if p, err := exec.LookPath("node"); err == nil {
		rts = append(rts, []string{p})
	}
	return rts
}

func setupWatchDir(t *testing.T) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.js"), []byte("console.log('value', require('./dep.js'));\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "dep.js"), []byte("module.exports = 1;\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "server.js"), []byte("console.log('start', require('./dep.js'));\nsetInterval(() => {}, 1000);\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "conf"), 0o755)
	return dir
}

func TestWatchRestartsOnDependencyChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	for _, rt := range watchRuntimes(t) {
		t.Run(filepath.Base(rt[0]), func(t *testing.T) {
			dir := setupWatchDir(t)
			w := startWatch(t, dir, append(rt, "--watch", "main.js")...)
			want := "value 1\nCompleted running 'main.js'\n"
			w.waitFor(want)
			w.save("dep.js", "module.exports = 2;\n")
			want += "Restarting 'main.js'\nvalue 2\nCompleted running 'main.js'\n"
			w.waitFor(want)
			// another file: node ignores changes to one file for 500 ms after it restarted for it
			w.save("main.js", "process.exitCode = 3;\nconsole.log('value', 3);\n")
			want += "Restarting 'main.js'\nvalue 3\nFailed running 'main.js'\n"
			w.waitFor(want)
		})
	}
}

func TestWatchRestartsRunningProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	for _, rt := range watchRuntimes(t) {
		t.Run(filepath.Base(rt[0]), func(t *testing.T) {
			dir := setupWatchDir(t)
			w := startWatch(t, dir, append(rt, "--watch", "server.js")...)
			w.waitFor("start 1\n")
			w.save("dep.js", "module.exports = 2;\n")
			w.waitFor("start 1\nRestarting 'server.js'\nstart 2\n")
			w.save("server.js", "console.log('edited');\n")
			w.waitFor("start 1\nRestarting 'server.js'\nstart 2\nRestarting 'server.js'\nedited\nCompleted running 'server.js'\n")
		})
	}
}

func TestWatchPath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	for _, rt := range watchRuntimes(t) {
		t.Run(filepath.Base(rt[0]), func(t *testing.T) {
			dir := setupWatchDir(t)
			w := startWatch(t, dir, append(rt, "--watch-path=conf", "--watch-preserve-output", "main.js")...)
			want := "value 1\nCompleted running 'main.js'\n"
			w.waitFor(want)
			// a file under the watched path restarts; the program's own dependency does not
			os.WriteFile(filepath.Join(dir, "dep.js"), []byte("module.exports = 2;\n"), 0o644)
			w.save("conf/settings.json", "{}\n")
			want += "Restarting 'main.js'\nvalue 2\nCompleted running 'main.js'\n"
			w.waitFor(want)
			if strings.Contains(w.out.String(), "\x1bc") {
				t.Error("--watch-preserve-output cleared the screen")
			}
		})
	}
}

func TestWatchRequiresFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	bin := gojsBinary(t)
	out, err := exec.Command(bin, "--watch").CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 9 {
		t.Fatalf("exit: %v", err)
	}
	// (named as invoked, as node names itself)
	if string(out) != bin+": --watch requires specifying a file\n" {
		t.Errorf("output %q", out)
	}
}

// An ES module program restarts when a module it imports (statically or with import()) changes.
func TestWatchESMGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	for _, rt := range watchRuntimes(t) {
		t.Run(filepath.Base(rt[0]), func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "main.mjs"), []byte("import { v } from './dep.mjs';\nconst { w } = await import('./lazy.mjs');\nconsole.log('value', v, w);\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "dep.mjs"), []byte("export const v = 1;\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "lazy.mjs"), []byte("export const w = 'a';\n"), 0o644)
			w := startWatch(t, dir, append(rt, "--watch", "main.mjs")...)
			want := "value 1 a\nCompleted running 'main.mjs'\n"
			w.waitFor(want)
			w.save("dep.mjs", "export const v = 2;\n")
			want += "Restarting 'main.mjs'\nvalue 2 a\nCompleted running 'main.mjs'\n"
			w.waitFor(want)
			w.save("lazy.mjs", "export const w = 'b';\n")
			want += "Restarting 'main.mjs'\nvalue 2 b\nCompleted running 'main.mjs'\n"
			w.waitFor(want)
		})
	}
}

var durationRe = regexp.MustCompile(`duration_ms:? [0-9.e+-]+`)

// waitForMasked is waitFor with the durations of a test report masked.
func (w *watchRun) waitForMasked(want string) {
	w.t.Helper()
	deadline := time.Now().Add(w.waitLimit())
	got := ""
	for time.Now().Before(deadline) {
		got = durationRe.ReplaceAllString(w.out.String(), "duration_ms *")
		if got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	w.t.Fatalf("%s: output is\n%s\n--- want\n%s", w.cmd.Path, got, want)
}

// `--test --watch` runs the test files again when one of them or a file it loaded changes: only
// those files, reported as a run of their own (numbered from 1, with that run's summary).
func TestWatchTestRunner(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs")
	}
	t.Parallel() // beside the goldens: see TestScripts
	summary := func(tests, pass, fail int) string {
		return fmt.Sprintf("# tests %d\n# suites 0\n# pass %d\n# fail %d\n# cancelled 0\n# skipped 0\n# todo 0\n# duration_ms *\n", tests, pass, fail)
	}
	ok := func(n int, name string) string {
		return fmt.Sprintf("# Subtest: %s\nok %d - %s\n  ---\n  duration_ms *\n  ...\n", name, n, name)
	}
	for _, rt := range watchRuntimes(t) {
		t.Run(filepath.Base(rt[0]), func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.test.js"), []byte("const test = require('node:test');\nconst dep = require('./dep.js');\ntest('a', () => { console.log('a sees', dep); });\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "b.test.js"), []byte("const test = require('node:test');\ntest('b', () => {});\ntest('b2', () => {});\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "dep.js"), []byte("module.exports = 1;\n"), 0o644)
			w := startWatch(t, dir, append(rt, "--test", "--watch")...)
			want := "TAP version 13\n# a sees 1\n" + ok(1, "a") + ok(2, "b") + ok(3, "b2") + "1..3\n" + summary(3, 3, 0)
			w.waitForMasked(want)
			w.save("dep.js", "module.exports = 2;\n")
			want += "# a sees 2\n" + ok(1, "a") + "1..1\n" + summary(1, 1, 0)
			w.waitForMasked(want)
			w.save("b.test.js", "const test = require('node:test');\ntest('b3', () => {});\n")
			want += ok(1, "b3") + "1..1\n" + summary(1, 1, 0)
			w.waitForMasked(want)
		})
	}
}
