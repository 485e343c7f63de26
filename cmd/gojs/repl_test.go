package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	builtPath string
	buildErr  error
)

// gojsBinary builds the gojs command once per test process, for tests that run it in a terminal.
func gojsBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gojs-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtPath = filepath.Join(dir, "gojs")
		out, err := exec.Command("go", "build", "-o", builtPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtPath
}

// tmuxTerm is a terminal emulated by a private tmux server.
type tmuxTerm struct {
	t      *testing.T
	socket string
}

func newTmuxTerm(t *testing.T, cmd string) *tmuxTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tt := &tmuxTerm{t: t, socket: fmt.Sprintf("gojs-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	tt.run("new-session", "-d", "-s", "t", "-x", "80", "-y", "40", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", tt.socket, "kill-server").Run() })
	return tt
}

func (tt *tmuxTerm) run(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tt.socket}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// send types keys (tmux send-keys names: Enter, Tab, C-c, C-d, or literal text).
func (tt *tmuxTerm) send(keys ...string) {
	tt.t.Helper()
	tt.run(append([]string{"send-keys", "-t", "t"}, keys...)...)
}

// literal types text as it is.
func (tt *tmuxTerm) literal(text string) {
	tt.t.Helper()
	tt.run("send-keys", "-t", "t", "-l", text)
}

func (tt *tmuxTerm) screen() string {
	out := tt.run("capture-pane", "-t", "t", "-p")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// waitFor polls the screen until it ends with want (after trimming) or 60 seconds pass (a
// deadline for a hung REPL: the test runs beside the goldens, on a loaded machine).
func (tt *tmuxTerm) waitFor(want string) {
	tt.t.Helper()
	want = strings.TrimRight(want, "\n")
	deadline := time.Now().Add(60 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		got = tt.screen()
		if strings.HasSuffix(got, want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tt.t.Fatalf("screen does not end with:\n%s\n--- screen:\n%s", want, got)
}

// waitForPreview polls the screen until it ends with want followed by a line of the REPL's value
// preview that starts with preview (node's preview line, cut at the terminal's width).
func (tt *tmuxTerm) waitForPreview(want, preview string) {
	tt.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		got = tt.screen()
		if i := strings.LastIndex(got, "\n"); i >= 0 && strings.HasSuffix(got[:i], want) && strings.HasPrefix(got[i+1:], preview) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tt.t.Fatalf("screen does not end with:\n%s\n%s...\n--- screen:\n%s", want, preview, got)
}

func TestREPLTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs and drives it in tmux")
	}
	t.Parallel() // beside the goldens: see TestScripts
	bin := gojsBinary(t)
	dir := t.TempDir()
	hist := filepath.Join(dir, "history")
	cmd := fmt.Sprintf("cd %s && env TERM=xterm NO_COLOR=1 GOJS_REPL_HISTORY=%s %s; echo EXITED $?; sleep 60", dir, hist, bin)
	tt := newTmuxTerm(t, cmd)
	tt.waitFor("Welcome to gojs 0.1.0 (Node.js v20.20.2 API).\nType \".help\" for more information.\n>")

	tt.literal("1 + 1")
	tt.send("Enter")
	tt.literal("let o = {a: 'x', n: [1, 2]}")
	tt.send("Enter")
	tt.literal("o")
	tt.send("Enter")
	tt.literal("function f() {")
	tt.send("Enter")
	tt.literal("return 3 }")
	tt.send("Enter")
	tt.literal("f()")
	tt.send("Enter")
	tt.waitFor(`> 1 + 1
2
> let o = {a: 'x', n: [1, 2]}
undefined
> o
{ a: 'x', n: [ 1, 2 ] }
> function f() {
... return 3 }
undefined
> f()
3
>`)

	// Tab completes a global, then a property; a second Tab lists the candidates.
	tt.literal("conso")
	time.Sleep(300 * time.Millisecond)
	tt.send("Tab")
	// (with the value of what is on the line previewed below it, as node's REPL does)
	tt.waitForPreview("> console", "// Object [console] {")
	tt.literal(".lo")
	time.Sleep(300 * time.Millisecond)
	tt.send("Tab")
	tt.waitForPreview("> console.log", "// [Function: log]")
	tt.literal("('hi')")
	tt.send("Enter")
	tt.waitFor("> console.log('hi')\nhi\nundefined\n>")
	// (each key its own read, as typed: keys that arrive in one chunk are a paste, whose Tab
	// is text, in node's readline as in gojs's)
	tt.literal("o.")
	time.Sleep(300 * time.Millisecond)
	tt.send("Tab")
	time.Sleep(300 * time.Millisecond)
	tt.send("Tab")
	tt.waitFor(`> o.
o.__proto__             o.constructor           o.hasOwnProperty
o.isPrototypeOf         o.propertyIsEnumerable  o.toLocaleString
o.toString              o.valueOf

o.a                     o.n

> o.`)
	tt.send("C-u")

	// top-level await, errors, _ and _error
	tt.literal("await new Promise(r => setTimeout(r, 50, 'later'))")
	tt.send("Enter")
	tt.waitFor("'later'\n>")
	tt.literal("_.length")
	tt.send("Enter")
	tt.waitFor("> _.length\n5\n>")
	tt.literal("throw new RangeError('no')")
	tt.send("Enter")
	tt.waitFor("Uncaught RangeError: no\n>")
	tt.literal("_error.message")
	tt.send("Enter")
	tt.waitFor("> _error.message\n'no'\n>")

	// .editor: Ctrl+D evaluates the buffer
	tt.literal(".editor")
	tt.send("Enter")
	tt.waitFor("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)")
	tt.literal("const z = 4")
	tt.send("Enter")
	tt.literal("z * 2")
	tt.send("Enter")
	tt.send("C-d")
	tt.waitFor("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\nconst z = 4\nz * 2\n\n8\n>")

	// history: Up recalls the previous line (editor lines are history too, as in Node)
	tt.send("Up")
	tt.waitForPreview("> z * 2", "// 8")
	tt.send("C-u")

	// Ctrl+C stops an evaluation that never ends
	// (it prints first, so Ctrl+C is sent only once the evaluation runs, not while the line
	// is still being read).
	tt.literal("console.log('looping'); while (true) {}")
	tt.send("Enter")
	tt.waitFor("> console.log('looping'); while (true) {}\nlooping\n")
	tt.send("C-c")
	tt.waitFor("> console.log('looping'); while (true) {}\nlooping\nUncaught [Error: Script execution was interrupted by `SIGINT`] {\n  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED'\n}\n>")
	tt.literal("z")
	tt.send("Enter")
	tt.waitFor("> z\n4\n>")

	// Ctrl+C once warns, twice exits
	tt.send("C-c")
	tt.waitFor("(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n>")
	tt.send("C-c")
	tt.waitFor("EXITED 0")

	data, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if lines[0] != "z" || lines[len(lines)-1] != "1 + 1" {
		t.Errorf("history file (newest first) = %q", lines)
	}
}

func TestREPLTerminalCtrlD(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs and drives it in tmux")
	}
	t.Parallel() // beside the goldens: see TestScripts
	bin := gojsBinary(t)
	cmd := fmt.Sprintf("env TERM=xterm NO_COLOR=1 GOJS_REPL_HISTORY= %s; echo EXITED $?; sleep 60", bin)
	tt := newTmuxTerm(t, cmd)
	tt.waitFor("Type \".help\" for more information.\n>")
	tt.literal("[1,")
	tt.send("Enter")
	tt.waitFor("> [1,\n...")
	tt.literal("2]")
	tt.send("Enter")
	tt.waitFor("> [1,\n... 2]\n[ 1, 2 ]\n>")
	tt.send("C-d")
	tt.waitFor(">\nEXITED 0")
}

// The REPL's commands and module forms, driven in gojs and in node: .help, .load, the refusal of
// an import statement (with the dynamic import to use instead), import() of built-ins and files,
// .exit (which, unlike Ctrl+D, ends no line). The screens must match after the banner.
func TestREPLTerminalCommandsLikeNode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gojs and drives it in tmux")
	}
	t.Parallel() // beside the goldens: see TestScripts
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "l.js"), []byte("const loaded = 40 + 2;\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "e.mjs"), []byte("export default 'esm default';\n"), 0o644)
	screens := map[string]string{}
	for name, bin := range map[string]string{"gojs": gojsBinary(t), "node": node} {
		cmd := fmt.Sprintf("cd %s && env TERM=xterm NO_COLOR=1 NODE_REPL_HISTORY= GOJS_REPL_HISTORY= %s; echo EXITED $?; sleep 60", dir, bin)
		tt := newTmuxTerm(t, cmd)
		tt.waitFor("Type \".help\" for more information.\n>")
		steps := []struct{ in, until string }{
			{".help", "Ctrl+D to exit the REPL\n>"},
			{".load l.js", "undefined\n>"},
			{"loaded", "42\n>"},
			{"import { x, y as z } from 'y'", "await import(\"y\");\n>"},
			{"import 'side'", ";\n>"},
			{"const m = await import('node:path')", "undefined\n>"},
			{"m.sep", "'/'\n>"},
			{"(await import('./e.mjs')).default", "'esm default'\n>"},
			{".exit", "EXITED 0"},
		}
		for _, s := range steps {
			tt.literal(s.in)
			tt.send("Enter")
			tt.waitFor(s.until)
		}
		// Compared from the .help output on, without blank lines: node
		// sometimes writes an extra newline after echoing a .load file,
		// which scrolls its screen by one line.
		screen := tt.screen()
		screen = screen[strings.Index(screen, ".break"):]
		var lines []string
		for _, l := range strings.Split(screen, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		screens[name] = strings.Join(lines, "\n")
	}
	if screens["gojs"] != screens["node"] {
		t.Errorf("gojs screen:\n%s\n--- node screen:\n%s", screens["gojs"], screens["node"])
	}
}
