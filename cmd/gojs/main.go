// Command gojs runs Node.js programs on gojs: `gojs script.js [args]`, `gojs -e code`,
// `gojs -p expr`, `gojs -` (script from stdin). It is the only package that reads the real
// process's arguments, environment, working directory, stdio and signals
// (https://nodejs.org/api/cli.html).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

func main() {
	os.Exit(Main(os.Args[1:]))
}

const usage = `Usage: gojs [options] [ script.js ] [arguments]
       gojs -e "script" [arguments]
       gojs -p "expression" [arguments]
       gojs - [arguments]            (read the script from stdin)

Options:
  -e, --eval script          evaluate script
  -p, --print script         evaluate script and print the result
  -r, --require module       preload module (may be repeated)
  --stack-size depth         maximum JS call depth (default %d)
  --permission               enable the permission model (deny what is not allowed below)
  --allow-fs-read=paths      with --permission: readable paths (comma separated, * for all)
  --allow-fs-write=paths     with --permission: writable paths
  --allow-net=host:port,...  with --permission: hosts and ports to listen on or connect to
  --allow-env=names          with --permission: visible environment variables
  --allow-child-process      with --permission: allow spawning processes
  --allow-worker             with --permission: allow worker threads
  --timeout ms               stop the program after ms milliseconds (exit code 1)
  -v, --version              print gojs's version
  -h, --help                 print this help

gojs is a Node.js-compatible JavaScript runtime written in Go.
`

type cli struct {
	perm      *runtime.Permissions
	timeout   time.Duration
	eval      string
	hasEval   bool
	print     bool
	preload   []string
	stackSize int
	script    string
	args      []string
	execArgv  []string
}

func parseArgs(args []string) (*cli, int, string) {
	c := &cli{}
	i := 0
	take := func(name string) (string, bool) {
		if i+1 >= len(args) {
			return "", false
		}
		i++
		c.execArgv = append(c.execArgv, args[i])
		return args[i], true
	}
	for ; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		if a == "--" {
			i++
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		c.execArgv = append(c.execArgv, a)
		switch name {
		case "-v", "--version":
			return nil, -1, "version"
		case "-h", "--help":
			return nil, -1, "help"
		case "-e", "--eval", "-p", "--print":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.eval, c.hasEval = val, true
			c.print = name == "-p" || name == "--print"
		case "-pe":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.eval, c.hasEval, c.print = val, true, true
		case "-r", "--require":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.preload = append(c.preload, val)
		case "--stack-size":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			fmt.Sscan(val, &c.stackSize)
		case "--permission", "--experimental-permission":
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
		case "--allow-fs-read", "--allow-fs-write", "--allow-net", "--allow-env":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
			list := strings.Split(val, ",")
			switch name {
			case "--allow-fs-read":
				c.perm.FSRead = append(c.perm.FSRead, list...)
			case "--allow-fs-write":
				c.perm.FSWrite = append(c.perm.FSWrite, list...)
			case "--allow-net":
				c.perm.Net = append(c.perm.Net, list...)
			case "--allow-env":
				c.perm.Env = append(c.perm.Env, list...)
			}
		case "--allow-child-process", "--allow-worker":
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
			if name == "--allow-worker" {
				c.perm.Worker = true
			} else {
				c.perm.ChildProcess = true
			}
		case "--timeout":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			var ms int
			fmt.Sscan(val, &ms)
			c.timeout = time.Duration(ms) * time.Millisecond
		case "--test-reporter", "--test-reporter-destination", "--test-name-pattern":
			// node:test options for a test file run directly: the module reads them from execArgv.
			if !hasVal {
				if _, ok := take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
		case "--test-only":
		case "--no-warnings", "--no-deprecation", "--trace-warnings", "--trace-uncaught",
			"--enable-source-maps", "--expose-gc", "--no-experimental-fetch", "--trace-deprecation",
			"--throw-deprecation", "--pending-deprecation", "--harmony", "--use-strict":
			// accepted for compatibility
		default:
			return nil, 9, fmt.Sprintf("gojs: bad option: %s\n", a)
		}
	}
	if i < len(args) && !c.hasEval {
		c.script = args[i]
		i++
	}
	c.args = append([]string(nil), args[i:]...)
	return c, 0, ""
}

// Main runs the gojs command line and returns the exit code.
func Main(args []string) int {
	if len(args) > 0 && (args[0] == "test" || args[0] == "--test") {
		return testMain(args[1:])
	}
	c, code, msg := parseArgs(args)
	switch msg {
	case "version":
		fmt.Printf("%s\n", runtime.NodeVersion)
		return 0
	case "help":
		fmt.Printf(usage, runtime.DefaultMaxCallStackSize)
		return 0
	case "":
	default:
		fmt.Fprint(os.Stderr, msg)
		return code
	}
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "/"
	}
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	exe, err := os.Executable()
	if err != nil {
		exe = "gojs"
	}
	stdinTTY := isTTY(os.Stdin)
	opts := runtime.Options{
		Args:             c.args,
		ExecPath:         exe,
		ExecArgv:         c.execArgv,
		Env:              env,
		Cwd:              cwd,
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		StdoutIsTTY:      isTTY(os.Stdout),
		StderrIsTTY:      isTTY(os.Stderr),
		StdinIsTTY:       stdinTTY,
		Columns:          terminalColumns(env),
		MaxCallStackSize: c.stackSize,
		Permissions:      runtime.AllowAll,
		Timeout:          c.timeout,
	}
	opts.TransformCacheDir = transformCacheDir(env)
	if c.perm != nil {
		// Node resolves the allowed paths against the working directory.
		for i, p := range c.perm.FSRead {
			if p != "*" && !filepath.IsAbs(p) {
				c.perm.FSRead[i] = filepath.Join(cwd, p)
			}
		}
		for i, p := range c.perm.FSWrite {
			if p != "*" && !filepath.IsAbs(p) {
				c.perm.FSWrite[i] = filepath.Join(cwd, p)
			}
		}
		opts.Permissions = c.perm
	}
	rt, err := runtime.New(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer rt.Close()
	stop := handleSignals(rt)
	defer stop()

	ctx := context.Background()
	for _, p := range c.preload {
		rt.Preload(p)
	}
	switch {
	case c.hasEval:
		code, err = rt.Eval(ctx, c.eval, c.print)
	case c.script == "-" || (c.script == "" && !stdinTTY):
		src, rerr := io.ReadAll(os.Stdin)
		if rerr != nil {
			fmt.Fprintln(os.Stderr, "gojs:", rerr)
			return 1
		}
		code, err = rt.RunScript(ctx, filepath.Join(cwd, "[stdin]"), string(src))
	case c.script == "":
		fmt.Fprintf(os.Stderr, "gojs: the REPL is not available yet; run a script: gojs script.js\n")
		return 9
	default:
		code, err = rt.RunMain(ctx, c.script)
	}
	var jsErr *runtime.JSError
	if err != nil && !errors.As(err, &jsErr) {
		// uncaught JS errors were already printed, as Node prints them
		fmt.Fprintln(os.Stderr, "gojs:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

func isTTY(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func terminalColumns(env map[string]string) int {
	var n int
	if c := env["COLUMNS"]; c != "" {
		fmt.Sscan(c, &n)
	}
	if n <= 0 {
		n = 80
	}
	return n
}

// handleSignals delivers SIGINT, SIGTERM, SIGHUP, SIGUSR1/2 and SIGWINCH to process listeners;
// without one, a terminating signal ends gojs with 128+signal as Node's default handlers do.
func handleSignals(rt *runtime.Runtime) func() {
	ch := make(chan os.Signal, 4)
	sigs := []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGUSR2, syscall.SIGWINCH}
	signal.Notify(ch, sigs...)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-ch:
				sig := s.(syscall.Signal)
				if rt.SignalHandled(sig) {
					rt.Signal(sig)
					continue
				}
				if sig == syscall.SIGWINCH {
					continue
				}
				os.Exit(128 + int(sig))
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
