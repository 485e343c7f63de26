package main

// `gojs test [paths/globs]` and `gojs --test`: Node's test runner CLI
// (https://nodejs.org/api/test.html#running-tests-from-the-command-line). Each file runs in its
// own runtime (--test-concurrency of them at once) and reports its events as JSON lines; the
// events are merged in file order and printed by the chosen reporter.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	gojs "github.com/gojs-dev/gojs/runtime"
	"golang.org/x/sys/unix"
)

type testCLI struct {
	// reporterArgs are the --test-reporter and --test-reporter-destination flags in order, for
	// node:test to pair up.
	reporterArgs []string
	patterns     []string
	only         bool
	coverage     bool
	forceExit    bool
	timeout      time.Duration // --test-timeout: a file running longer is cancelled
	timeoutMS    string
	shard        string // --test-shard=index/total
	watch        bool   // --watch: run the files again when one of them or what it loaded changes

	concurrency int
	paths       []string

	// passArgs are the flags node hands on to the files' processes, in the order given: its
	// execArgv but for --test, --watch, --experimental-test-coverage and the reporters'. The
	// runtime's own options among them (--no-warnings, --conditions=x, -r mod, ...) take effect
	// in each file's runtime, which preloads the modules of -r, --import, --loader.
	passArgs []string
	preload  []string
	imports  []string
	loaders  []string
}

func parseTestArgs(args []string) (*testCLI, string) {
	c := &testCLI{concurrency: max(runtime.NumCPU()-1, 1), reporterArgs: []string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, has := strings.Cut(a, "=")
		need := func() bool {
			if has {
				return true
			}
			if i+1 >= len(args) {
				return false
			}
			i++
			val = args[i]
			return true
		}
		// pass: the flag goes on to the files' runtimes as it was given (its value too)
		from := i
		pass := func() { c.passArgs = append(c.passArgs, args[from:i+1]...) }
		switch name {
		case "--test":
		case "--watch":
			c.watch = true
		case "--watch-path":
			return nil, "gojs: --watch-path cannot be used in combination with --test\n"
		case "--test-reporter":
			if !need() {
				return nil, "gojs: --test-reporter requires an argument\n"
			}
			c.reporterArgs = append(c.reporterArgs, "--test-reporter="+val)
		case "--test-reporter-destination":
			if !need() {
				return nil, "gojs: --test-reporter-destination requires an argument\n"
			}
			c.reporterArgs = append(c.reporterArgs, "--test-reporter-destination="+val)
		case "--test-name-pattern":
			if !need() {
				return nil, "gojs: --test-name-pattern requires an argument\n"
			}
			c.patterns = append(c.patterns, val)
			pass()
		case "--test-only":
			c.only = true
			pass()
		case "--test-force-exit":
			c.forceExit = true
			pass()
		case "--test-timeout":
			if !need() {
				return nil, "gojs: --test-timeout requires an argument\n"
			}
			n, err := strconv.ParseFloat(val, 64)
			if err != nil || n < 0 {
				return nil, "gojs: --test-timeout must be a non-negative number\n"
			}
			if n > 0 {
				c.timeout = time.Duration(n * float64(time.Millisecond))
				c.timeoutMS = strconv.FormatFloat(n, 'f', -1, 64)
			}
			pass()
		case "--test-shard":
			if !need() {
				return nil, "gojs: --test-shard requires an argument\n"
			}
			c.shard = val
			pass()
		case "--experimental-test-coverage":
			c.coverage = true
		case "--test-concurrency":
			if !need() {
				return nil, "gojs: --test-concurrency requires an argument\n"
			}
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return nil, "gojs: --test-concurrency must be a positive integer\n"
			}
			c.concurrency = n
			pass()
		default:
			if strings.HasPrefix(a, "-") {
				// a runtime option, checked as the command line checks it (with its value, the
				// next argument, when it takes one)
				rc, _, msg := parseArgs([]string{a})
				if strings.HasSuffix(msg, " requires an argument\n") && i+1 < len(args) {
					if rc, _, msg = parseArgs([]string{a, args[i+1]}); msg == "" {
						i++
					}
				}
				if msg == "version" || msg == "help" || msg == "v8-options" || (msg == "" && (rc.script != "" || rc.hasEval)) {
					msg = fmt.Sprintf("gojs: bad option: %s\n", a)
				}
				if msg != "" {
					return nil, msg
				}
				c.passArgs = append(c.passArgs, rc.execArgv...)
				c.preload = append(c.preload, rc.preload...)
				c.imports = append(c.imports, rc.imports...)
				c.loaders = append(c.loaders, rc.loaders...)
				continue
			}
			c.paths = append(c.paths, a)
		}
	}
	return c, ""
}

// testExts are the types a directory's walk picks up: node 20's, JavaScript only (a TypeScript
// test file runs when it is named, as any file given).
var testExts = []string{".js", ".cjs", ".mjs"}

// isTestFile says whether a file met walking a directory runs as a test file: as node 20's, one
// of a JavaScript type under a directory named test, or named test, test-*, *.test, *-test or
// *_test.
func isTestFile(base string, underTestDir bool) bool {
	ext := filepath.Ext(base)
	ok := false
	for _, e := range testExts {
		if e == ext {
			ok = true
		}
	}
	if !ok {
		return false
	}
	if underTestDir {
		return true
	}
	stem := strings.TrimSuffix(base, ext)
	return stem == "test" || strings.HasPrefix(stem, "test-") || strings.HasSuffix(stem, ".test") ||
		strings.HasSuffix(stem, "-test") || strings.HasSuffix(stem, "_test")
}

// discoverTests lists the test files of the paths (the working directory without any) as node
// 20's --test: a file given runs whatever its name; a directory is walked (hidden ones too, not
// node_modules unless given) for test files. A path that does not exist (and, a gojs extension,
// matches nothing as a glob pattern) is missing: node stops at the first, absolute.
func discoverTests(cwd string, paths []string) (files []string, missing string) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	walk := func(root string) {
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if d.Name() == "node_modules" && p != root {
					return filepath.SkipDir
				}
				return nil
			}
			under := false
			if rel, err := filepath.Rel(root, filepath.Dir(p)); err == nil {
				for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
					if part == "test" {
						under = true
					}
				}
			}
			if filepath.Base(root) == "test" {
				under = true
			}
			if isTestFile(d.Name(), under) {
				add(p)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		walk(cwd)
		sort.Strings(files)
		return files, ""
	}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, p)
		}
		abs = filepath.Clean(abs)
		if fi, err := os.Stat(abs); err == nil {
			if fi.IsDir() {
				walk(abs)
			} else {
				add(abs)
			}
			continue
		}
		matches, _ := filepath.Glob(abs)
		if len(matches) == 0 {
			return nil, abs
		}
		sort.Strings(matches)
		for _, m := range matches {
			add(m)
		}
	}
	sort.Strings(files)
	return files, ""
}

type fileResult struct {
	events []map[string]any
	counts map[string]float64
	loaded []string // the files the test file loaded (--watch reruns it when one changes)
	// the test node makes of the file: its run's duration, and its exit code when it failed
	// (timed out: -1)
	ms   float64
	code int
	// signal: the signal that ended the file's process (its exit code then is none)
	signal string
	// failedTests: a top-level test of the file failed
	failedTests bool
}

// testMain runs `gojs test`.
func testMain(args []string) int {
	c, msg := parseTestArgs(args)
	if msg != "" {
		fmt.Fprint(os.Stderr, msg)
		return 9
	}
	cwd, _ := unix.Getwd() // (the physical path, as process.cwd() in node; os.Getwd may answer $PWD)
	env, _ := environ()
	var shardIndex, shardTotal int
	if c.shard != "" {
		i, t, ok := strings.Cut(c.shard, "/")
		if !ok || !allDigits(i) || !allDigits(t) {
			fmt.Fprintf(os.Stderr, "TypeError [ERR_INVALID_ARG_VALUE]: The argument '--test-shard' must be in the form of <index>/<total>. Received '%s'\n", c.shard)
			return 1
		}
		shardIndex, _ = strconv.Atoi(i)
		shardTotal, _ = strconv.Atoi(t)
		if shardTotal < 1 {
			fmt.Fprintf(os.Stderr, "RangeError [ERR_OUT_OF_RANGE]: The value of \"options.shard.total\" is out of range. It must be >= 1 && <= 9007199254740991. Received %d\n", shardTotal)
			return 1
		}
		if shardIndex < 1 || shardIndex > shardTotal {
			fmt.Fprintf(os.Stderr, "RangeError [ERR_OUT_OF_RANGE]: The value of \"options.shard.index\" is out of range. It must be >= 1 && <= %d. Received %d\n", shardTotal, shardIndex)
			return 1
		}
	}
	files, missing := discoverTests(cwd, c.paths)
	if missing != "" {
		fmt.Fprintf(os.Stderr, "Could not find '%s'\n", missing)
		return 1
	}
	if shardTotal > 0 {
		// node's split: the file at index i (in the sorted list) runs in shard i % total + 1
		var mine []string
		for i, f := range files {
			if i%shardTotal == shardIndex-1 {
				mine = append(mine, f)
			}
		}
		files = mine
	}
	// (--test-child, and coverage's flag after it, are hidden from the file's process.execArgv)
	execArgv := []string{"--test-child"}
	if c.coverage {
		execArgv = append(execArgv, "--experimental-test-coverage")
	}
	execArgv = append(execArgv, c.passArgs...)
	if c.watch {
		return watchTests(c, files, cwd, env, execArgv)
	}
	start := time.Now()
	results := runTestFiles(context.Background(), c, files, cwd, env, execArgv)
	all, total := mergeFileResults(files, c.concurrency, results, c.coverage, sinceMS(start))
	return reportTests(c, cwd, env, all, total, -1)
}

// runTestFiles runs each file in its own runtime, --test-concurrency at once.
func runTestFiles(ctx context.Context, c *testCLI, files []string, cwd string, env map[string]string, execArgv []string) []fileResult {
	results := make([]fileResult, len(files))
	sem := make(chan struct{}, c.concurrency)
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = runTestFile(ctx, c, f, cwd, env, execArgv)
		}()
	}
	wg.Wait()
	return results
}

var summaryKeys = []string{"tests", "suites", "pass", "fail", "cancelled", "skipped", "todo", "duration_ms"}

// mergeFileResults numbers the top-level tests across files and sums the counts. It adds node's
// events of the test node makes of each file (files, as results): enqueued all at once, the first
// concurrency dequeued at once and each of the others as one before it completes; the file's
// test:complete comes after its tests' events (before the file's own result, when it is
// reported as a test).
//
// ms is the run's duration: node's runner sums up the whole run's, not the files' own.
func mergeFileResults(files []string, concurrency int, results []fileResult, coverage bool, ms float64) ([]map[string]any, map[string]float64) {
	var all []map[string]any
	fileEv := func(typ string, i int) map[string]any {
		return map[string]any{"type": typ, "nesting": 0, "name": files[i], "location": files[i] + ":1:1"}
	}
	for i := range files {
		all = append(all, fileEv("test:enqueue", i))
		if i < concurrency {
			all = append(all, fileEv("test:dequeue", i))
		}
	}
	total := map[string]float64{}
	for _, k := range summaryKeys {
		total[k] = 0
	}
	top := 0
	covLists := []any{}
	for i, r := range results {
		var complete map[string]any
		if i < len(files) {
			complete = fileEv("test:complete", i)
			complete["testNumber"] = i + 1
			complete["failed"] = r.code != 0
			details := map[string]any{"duration_ms": r.ms}
			if r.code > 0 {
				// (as node's runner: a file whose tests failed failed with subtestsFailed)
				failureType := "testCodeFailure"
				if r.failedTests {
					failureType = "subtestsFailed"
				}
				var exitCode, signal any = r.code, nil
				if r.signal != "" {
					exitCode, signal = nil, r.signal
				}
				details["error"] = map[string]any{"failureType": failureType, "exitCode": exitCode, "signal": signal, "message": "test failed",
					"code": "ERR_TEST_FAILURE", "inspected": "'test failed'"}
			} else if r.code < 0 {
				details["error"] = map[string]any{"failureType": "testTimeoutFailure", "message": "test timed out",
					"code": "ERR_TEST_FAILURE", "inspected": "'test timed out'"}
			}
			complete["details"] = details
		}
		fileTop := 0 // (the file's top-level tests reported so far)
		for _, ev := range r.events {
			if complete != nil && ev["type"] == "test:start" && ev["nesting"] == 0 && ev["name"] == files[i] {
				all = append(all, complete) // (before the file's own result)
				complete = nil
			}
			if ev["type"] == "test:coverage-raw" {
				covLists = append(covLists, ev["scripts"])
				continue
			}
			nesting, _ := ev["nesting"].(float64)
			typ, _ := ev["type"].(string)
			if typ == "test:plan" && nesting == 0 && fileTop > 0 {
				// one plan for all files, at the end; node's runner passes on a file's own plan
				// only when it came before any top-level test of the file (hooks alone: 1..0)
				continue
			}
			if (typ == "test:pass" || typ == "test:fail") && nesting == 0 {
				fileTop++
				top++
				ev["testNumber"] = top
				if ev["fileTest"] == true {
					// the test node makes of a file (it failed outside its tests, timed out, or
					// had none) is numbered as the file is among the files
					ev["testNumber"] = i + 1
				}
				delete(ev, "fileTest")
			}
			all = append(all, ev)
		}
		if complete != nil {
			all = append(all, complete)
		}
		if i+concurrency < len(files) {
			all = append(all, fileEv("test:dequeue", i+concurrency))
		}
		for k, v := range r.counts {
			total[k] += v
		}
		total["duration_ms"] = ms
	}
	all = append(all, map[string]any{"type": "test:plan", "nesting": 0, "count": top})
	for _, k := range summaryKeys {
		all = append(all, map[string]any{"type": "test:diagnostic", "nesting": 0,
			"message": k + " " + strconv.FormatFloat(total[k], 'f', -1, 64)})
	}
	if coverage {
		// node reports the coverage of every file's process once, after the totals
		all = append(all, map[string]any{"type": "test:coverage-raw", "lists": covLists})
	}
	return all, total
}

// reportTests prints the merged events through the reporters and returns the exit code. cycle
// is -1 for a plain run; under --watch it counts the runs from 0: the reporters then carry on
// from the previous run's output and do not end.
func reportTests(c *testCLI, cwd string, env map[string]string, all []map[string]any, total map[string]float64, cycle int) int {
	evJSON, _ := json.Marshal(all)
	argsJSON, _ := json.Marshal(c.reporterArgs)
	rt, err := gojs.New(gojs.Options{Stdout: os.Stdout, Stderr: os.Stderr, Cwd: cwd, StdoutIsTTY: isTTY(os.Stdout),
		Permissions: gojs.AllowAll, TransformCacheDir: transformCacheDir(env)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer rt.Close()
	script := "require('node:test')[Symbol.for('gojs.test.report')](" + string(evJSON) + ", " + string(argsJSON) + ", " + strconv.Itoa(cycle) + ");"
	code, err := rt.RunScript(context.Background(), "[test-report]", script)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	if code != 0 {
		return code // (the report died: a reporter's destination failed, exit code 7 as node's)
	}
	if total["fail"] > 0 || total["cancelled"] > 0 || total["failedFiles"] > 0 {
		return 1
	}
	return 0
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func runTestFile(ctx context.Context, c *testCLI, file, cwd string, env map[string]string, execArgv []string) fileResult {
	timeout, timeoutMS := c.timeout, c.timeoutMS
	// (what the file writes to stdout and stderr, in the order it wrote it)
	var out stdioLog
	exe, _ := os.Executable()
	res := fileResult{counts: map[string]float64{}}
	// each file sees NODE_TEST_CONTEXT=child-v8, as node's runner sets in the processes it starts
	fileEnv := make(map[string]string, len(env)+1)
	for k, v := range env {
		fileEnv[k] = v
	}
	fileEnv["NODE_TEST_CONTEXT"] = "child-v8"
	// A signal the file sends its own process (process.kill(process.pid, ...)) and does not
	// listen for is its own: it ends the file as the kernel's default would end node's process
	// for it (SIGPIPE, SIGXFSZ, SIGUSR1 (node's inspector) and the signals ignored by default are
	// ignored, as node's are, and so are the stop signals: the runner's process is not the
	// file's). A worker's goes to the file's main thread, as in node.
	var rt *gojs.Runtime
	var killedBy atomic.Value
	killSelf := func(sig syscall.Signal) {
		if rt.SignalHandled(sig) {
			rt.Signal(sig)
			return
		}
		if !gojs.SelfSignalEnds(sig) {
			return
		}
		if killedBy.CompareAndSwap(nil, sig) {
			rt.Interrupt("killed by " + unix.SignalName(sig))
		}
	}
	rt, err := gojs.New(gojs.Options{
		ExecPath: exe, ExecArgv: execArgv, Env: fileEnv, Cwd: cwd,
		Stdout: stdioWriter{&out, false}, Stderr: stdioWriter{&out, true},
		Permissions:       gojs.AllowAll,
		TransformCacheDir: transformCacheDir(env),
		KillSelf:          killSelf,
	})
	if err != nil {
		res.counts["fail"] = 1
		return res
	}
	// a cancelled run (--watch saw a change) is interrupted even inside a busy loop
	defer context.AfterFunc(ctx, func() { rt.Interrupt(context.Canceled) })()
	var timedOut atomic.Bool
	if timeout > 0 {
		t := time.AfterFunc(timeout, func() { timedOut.Store(true); rt.Interrupt("test timeout") })
		defer t.Stop()
	}
	for _, p := range c.preload {
		rt.Preload(p)
	}
	for _, p := range c.loaders {
		rt.PreloadLoader(p)
	}
	for _, p := range c.imports {
		rt.PreloadImport(p)
	}
	start := time.Now()
	code, runErr := rt.RunMain(ctx, file)
	res.ms = sinceMS(start)
	res.code = code
	if runErr != nil && code == 0 {
		res.code = 1
	}
	if rt.Aborted() {
		// (process.abort(): node's child dies of SIGABRT)
		killedBy.CompareAndSwap(nil, syscall.SIGABRT)
	}
	if sig, ok := killedBy.Load().(syscall.Signal); ok {
		// (node's child ended by the signal: it has no exit code)
		res.code, res.signal = 1, unix.SignalName(sig)
	}
	res.loaded = rt.LoadedFiles(ctx)
	rt.Close()
	summary := false // (the file's node:test reported its counts)
	for _, l := range out.lines() {
		line := l.text
		if l.err {
			// What the file wrote to stderr (not through node:test, which sends it as events)
			// becomes test:stderr events in its place, as under node --test.
			res.events = append(res.events, map[string]any{"type": "test:stderr", "file": file, "message": line + "\n"})
			continue
		}
		var ev map[string]any
		if strings.HasPrefix(line, "{\"type\":\"test:") && json.Unmarshal([]byte(line), &ev) == nil {
			if ev["type"] == "test:summary" {
				summary = true
				if ev["success"] == false {
					// a failure no count shows (a suite whose function threw) fails the run
					res.counts["failedFiles"] = 1
				}
				if m, ok := ev["counts"].(map[string]any); ok {
					for k, v := range m {
						if f, ok := v.(float64); ok {
							res.counts[k] = f
						}
					}
				}
				continue
			}
			if ev["type"] == "test:fail" && ev["nesting"] == float64(0) {
				res.failedTests = true
			}
			res.events = append(res.events, ev)
			continue
		}
		res.events = append(res.events, map[string]any{"type": "test:stdout", "file": file, "message": line + "\n"})
	}
	if !summary && !timedOut.Load() {
		// The file's process ended before its node:test summed up (process.exit, a signal):
		// node's runner counts the results it received.
		res.counts = countResults(res.events)
	}
	if timedOut.Load() {
		// node cancels the file's process: what it reported so far stays, the file is one more
		// test, cancelled, and the counts are those of the results received
		ms := sinceMS(start)
		res.counts = countResults(res.events)
		res.counts["tests"]++
		res.counts["cancelled"]++
		res.ms, res.code = ms, -1
		res.events = append(res.events,
			map[string]any{"type": "test:start", "nesting": 0, "name": file, "location": file + ":1:1"},
			map[string]any{"type": "test:fail", "nesting": 0, "name": file, "location": file + ":1:1", "fileTest": true,
				"details": map[string]any{"duration_ms": ms, "error": map[string]any{"failureType": "testTimeoutFailure",
					"message": "test timed out after " + timeoutMS + "ms", "code": "ERR_TEST_FAILURE",
					"inspected": "'test timed out after " + timeoutMS + "ms'",
					"junit":     "[Error [ERR_TEST_FAILURE]: test timed out after " + timeoutMS + "ms] { code: 'ERR_TEST_FAILURE', failureType: 'testTimeoutFailure', cause: 'test timed out after " + timeoutMS + "ms' }"}}})
		return res
	}
	if (code != 0 || runErr != nil) && res.counts["fail"] == 0 && res.counts["cancelled"] == 0 && res.counts["failedFiles"] == 0 {
		// The file itself failed (an error outside any test): Node reports it as a failing test.
		if code == 0 {
			code = 1
		}
		// (its exit code, or the signal that ended it)
		var exitCode, signal any = code, nil
		junitEnd := strconv.Itoa(code) + ", signal: null }"
		if res.signal != "" {
			exitCode, signal = nil, res.signal
			junitEnd = "null, signal: '" + res.signal + "' }"
		}
		res.events = append(res.events,
			map[string]any{"type": "test:start", "nesting": 0, "name": file, "location": file + ":1:1"},
			map[string]any{"type": "test:fail", "nesting": 0, "name": file, "location": file + ":1:1", "fileTest": true,
				"details": map[string]any{"duration_ms": sinceMS(start),
					"error": map[string]any{"failureType": "testCodeFailure",
						"exitCode": exitCode, "signal": signal, "message": "test failed", "code": "ERR_TEST_FAILURE", "inspected": "'test failed'",
						"junit": "[Error: test failed] { code: 'ERR_TEST_FAILURE', failureType: 'testCodeFailure', cause: 'test failed', exitCode: " +
							junitEnd}}})
		res.counts["tests"]++
		res.counts["fail"]++
	} else if code == 0 && runErr == nil && res.counts["tests"] == 0 && res.counts["suites"] == 0 {
		// A file that ran no node:test test (a tape or plain script) and exited 0: node reports
		// the file as a passing test.
		res.events = append(res.events,
			map[string]any{"type": "test:start", "nesting": 0, "name": file, "location": file + ":1:1"},
			map[string]any{"type": "test:pass", "nesting": 0, "name": file, "location": file + ":1:1", "fileTest": true,
				"details": map[string]any{"duration_ms": sinceMS(start)}})
		res.counts["tests"]++
		res.counts["pass"]++
	}
	return res
}

// sinceMS is the milliseconds since t, as node's durations give them.
func sinceMS(t time.Time) float64 {
	return float64(time.Since(t)) / float64(time.Millisecond)
}

// countResults counts the tests and suites of a file's test:pass and test:fail events as node's
// runner counts the results it receives from a file's process.
func countResults(events []map[string]any) map[string]float64 {
	counts := map[string]float64{}
	for _, ev := range events {
		typ, _ := ev["type"].(string)
		if typ != "test:pass" && typ != "test:fail" {
			continue
		}
		d, _ := ev["details"].(map[string]any)
		if d != nil && d["type"] == "suite" {
			counts["suites"]++
			continue
		}
		counts["tests"]++
		e, _ := d["error"].(map[string]any)
		switch {
		case ev["skip"] != nil:
			counts["skipped"]++
		case ev["todo"] != nil:
			counts["todo"]++
		case e != nil && (e["failureType"] == "testTimeoutFailure" || e["failureType"] == "cancelledByParent"):
			counts["cancelled"]++
		case typ == "test:fail":
			counts["fail"]++
		default:
			counts["pass"]++
		}
	}
	return counts
}

// watchTests is `gojs test --watch` (node --test --watch): the files run once, then a change to
// a test file, or to a file it loaded, runs again the test files that loaded it, each run
// reported on its own (top-level tests numbered from 1, the summary of that run) as Node does.
// It ends only when the user stops it.
func watchTests(c *testCLI, files []string, cwd string, env map[string]string, execArgv []string) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer w.Close()
	watched := map[string]bool{}
	// owners maps a loaded file to the test files that loaded it.
	owners := map[string]map[string]bool{}
	setDeps := func(file string, loaded []string) {
		for _, set := range owners {
			delete(set, file)
		}
		for _, f := range append([]string{file}, loaded...) {
			if owners[f] == nil {
				owners[f] = map[string]bool{}
			}
			owners[f][file] = true
			if dir := filepath.Dir(f); !watched[dir] && w.Add(dir) == nil {
				watched[dir] = true
			}
		}
	}
	for _, f := range files {
		setDeps(f, nil)
	}

	type cycleDone struct {
		files   []string
		results []fileResult
		ms      float64
	}
	var (
		cancel   context.CancelFunc
		running  []string
		done     = make(chan cycleDone, 1)
		pending  = map[string]bool{}
		debounce <-chan time.Time
		cycle    = 0
		duration float64 // node repeats the first run's duration_ms in every summary
	)
	start := func(list []string) {
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		running = list
		go func() {
			t := time.Now()
			results := runTestFiles(ctx, c, list, cwd, env, execArgv)
			done <- cycleDone{list, results, sinceMS(t)}
		}()
	}
	start(files)
	for {
		select {
		case d := <-done:
			cancel()
			running = nil
			for i, f := range d.files {
				setDeps(f, d.results[i].loaded)
			}
			all, total := mergeFileResults(d.files, c.concurrency, d.results, c.coverage, d.ms)
			if cycle == 0 {
				duration = total["duration_ms"]
			}
			for _, ev := range all {
				if ev["type"] == "test:diagnostic" && strings.HasPrefix(ev["message"].(string), "duration_ms ") {
					ev["message"] = "duration_ms " + strconv.FormatFloat(duration, 'f', -1, 64)
				}
			}
			// the queue drained, then the run's plan and summary
			for i, ev := range all {
				if ev["type"] == "test:plan" && ev["nesting"] == 0 {
					all = append(all[:i], append([]map[string]any{{"type": "test:watch:drained"}}, all[i:]...)...)
					break
				}
			}
			reportTests(c, cwd, env, all, total, cycle)
			cycle++
			if len(pending) > 0 && debounce == nil {
				debounce = time.After(0)
			}
		case ev, ok := <-w.Events:
			if !ok {
				return 1
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			for f := range owners[filepath.Clean(ev.Name)] {
				pending[f] = true
				debounce = time.After(watchDebounce)
			}
		case <-w.Errors:
		case <-debounce:
			debounce = nil
			if running != nil {
				// a file of the run in progress changed: that run is dropped and its files run
				// again with the changed ones
				rerun := false
				for _, f := range running {
					if pending[f] {
						rerun = true
					}
				}
				if !rerun {
					continue // after this run
				}
				for _, f := range running {
					pending[f] = true
				}
				cancel()
				<-done
				running = nil
			}
			var list []string
			for _, f := range files {
				if pending[f] {
					list = append(list, f)
				}
			}
			clear(pending)
			start(list)
		}
	}
}

// stdioLog keeps what a test file writes to stdout and stderr, in order. Safe for concurrent use.
type stdioLog struct {
	mu     sync.Mutex
	chunks []stdioChunk
}

type stdioChunk struct {
	err  bool
	data []byte
}

// stdioWriter writes to a stdioLog as stdout, or as stderr (err).
type stdioWriter struct {
	log *stdioLog
	err bool
}

// StdioIsPipe: a test file's stdout and stderr are pipes to the runner, as node's runner's
// children's (process.stdout is a net.Socket there).
func (w stdioWriter) StdioIsPipe() bool { return true }

func (w stdioWriter) Write(p []byte) (int, error) {
	w.log.mu.Lock()
	w.log.chunks = append(w.log.chunks, stdioChunk{w.err, append([]byte(nil), p...)})
	w.log.mu.Unlock()
	return len(p), nil
}

type stdioLine struct {
	err  bool
	text string
}

// lines is the log's lines in the order they were ended (a stream's last line, unended, comes
// at the end), each stream's split on its own.
func (l *stdioLog) lines() []stdioLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []stdioLine
	var part [2][]byte
	for _, c := range l.chunks {
		k := 0
		if c.err {
			k = 1
		}
		data := c.data
		for {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				part[k] = append(part[k], data...)
				break
			}
			text := string(append(part[k], data[:i]...))
			part[k] = part[k][:0]
			out = append(out, stdioLine{c.err, strings.TrimSuffix(text, "\r")})
			data = data[i+1:]
		}
	}
	for k, p := range part {
		if len(p) > 0 {
			out = append(out, stdioLine{k == 1, string(p)})
		}
	}
	return out
}
