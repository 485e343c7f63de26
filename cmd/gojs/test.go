package main

// `gojs test [paths/globs]` and `gojs --test`: Node's test runner CLI
// (https://nodejs.org/api/test.html#running-tests-from-the-command-line). Each file runs in its
// own runtime (--test-concurrency of them at once) and reports its events as JSON lines; the
// events are merged in file order and printed by the chosen reporter.

import (
	"bufio"
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

	gojs "github.com/gojs-dev/gojs/runtime"
)

type testCLI struct {
	// reporterArgs are the --test-reporter and --test-reporter-destination flags in order, for
	// node:test to pair up.
	reporterArgs []string
	patterns     []string
	only         bool
	coverage     bool
	concurrency  int
	paths        []string
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
		switch name {
		case "--test":
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
		case "--test-only":
			c.only = true
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
		default:
			if strings.HasPrefix(a, "-") {
				return nil, fmt.Sprintf("gojs: bad option: %s\n", a)
			}
			c.paths = append(c.paths, a)
		}
	}
	return c, ""
}

var testExts = []string{".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"}

func isTestFile(rel string) bool {
	base := filepath.Base(rel)
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
	stem := strings.TrimSuffix(base, ext)
	if stem == "test" || strings.HasPrefix(stem, "test-") || strings.HasSuffix(stem, ".test") ||
		strings.HasSuffix(stem, "-test") || strings.HasSuffix(stem, "_test") {
		return true
	}
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/") {
		if part == "test" {
			return true
		}
	}
	return false
}

func discoverTests(cwd string, paths []string) []string {
	var files []string
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
				if d.Name() == "node_modules" || (strings.HasPrefix(d.Name(), ".") && p != root) {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(cwd, p)
			if isTestFile(rel) {
				add(p)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		walk(cwd)
		sort.Strings(files)
		return files
	}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, p)
		}
		if fi, err := os.Stat(abs); err == nil {
			if fi.IsDir() {
				walk(abs)
			} else {
				add(abs)
			}
			continue
		}
		matches, _ := filepath.Glob(abs)
		sort.Strings(matches)
		for _, m := range matches {
			add(m)
		}
	}
	sort.Strings(files)
	return files
}

type fileResult struct {
	events []map[string]any
	counts map[string]float64
}

// testMain runs `gojs test`.
func testMain(args []string) int {
	c, msg := parseTestArgs(args)
	if msg != "" {
		fmt.Fprint(os.Stderr, msg)
		return 9
	}
	cwd, _ := os.Getwd()
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	files := discoverTests(cwd, c.paths)
	if len(files) == 0 && len(c.paths) > 0 {
		fmt.Fprintf(os.Stderr, "Could not find '%s'\n", strings.Join(c.paths, ", "))
		return 1
	}
	execArgv := []string{"--test-child"}
	if c.only {
		execArgv = append(execArgv, "--test-only")
	}
	if c.coverage {
		execArgv = append(execArgv, "--experimental-test-coverage")
	}
	for _, p := range c.patterns {
		execArgv = append(execArgv, "--test-name-pattern="+p)
	}
	results := make([]fileResult, len(files))
	sem := make(chan struct{}, c.concurrency)
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = runTestFile(f, cwd, env, execArgv)
		}()
	}
	wg.Wait()

	// Merge: top-level tests are numbered across files, counts are summed.
	var all []map[string]any
	total := map[string]float64{}
	for _, k := range []string{"tests", "suites", "pass", "fail", "cancelled", "skipped", "todo", "duration_ms"} {
		total[k] = 0
	}
	top := 0
	covLists := []any{}
	for _, r := range results {
		for _, ev := range r.events {
			if ev["type"] == "test:coverage-raw" {
				covLists = append(covLists, ev["scripts"])
				continue
			}
			nesting, _ := ev["nesting"].(float64)
			typ, _ := ev["type"].(string)
			if typ == "test:plan" && nesting == 0 {
				continue
			}
			if (typ == "test:pass" || typ == "test:fail") && nesting == 0 {
				top++
				ev["testNumber"] = top
			}
			all = append(all, ev)
		}
		for k, v := range r.counts {
			total[k] += v
		}
	}
	all = append(all, map[string]any{"type": "test:plan", "nesting": 0, "count": top})
	for _, k := range []string{"tests", "suites", "pass", "fail", "cancelled", "skipped", "todo", "duration_ms"} {
		all = append(all, map[string]any{"type": "test:diagnostic", "nesting": 0,
			"message": k + " " + strconv.FormatFloat(total[k], 'f', -1, 64)})
	}
	if c.coverage {
		// node reports the coverage of every file's process once, after the totals
		all = append(all, map[string]any{"type": "test:coverage-raw", "lists": covLists})
	}
	evJSON, _ := json.Marshal(all)
	argsJSON, _ := json.Marshal(c.reporterArgs)
	rt, err := gojs.New(gojs.Options{Stdout: os.Stdout, Stderr: os.Stderr, Cwd: cwd, StdoutIsTTY: isTTY(os.Stdout),
		Permissions: gojs.AllowAll, TransformCacheDir: transformCacheDir(env)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer rt.Close()
	script := "require('node:test').__report(" + string(evJSON) + ", " + string(argsJSON) + ");"
	if _, err := rt.RunScript(context.Background(), "[test-report]", script); err != nil {
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	if total["fail"] > 0 || total["cancelled"] > 0 {
		return 1
	}
	return 0
}

func runTestFile(file, cwd string, env map[string]string, execArgv []string) fileResult {
	var stdout, stderr bytes.Buffer
	exe, _ := os.Executable()
	res := fileResult{counts: map[string]float64{}}
	rt, err := gojs.New(gojs.Options{
		ExecPath: exe, ExecArgv: execArgv, Env: env, Cwd: cwd,
		Stdout: &stdout, Stderr: &stderr,
		Permissions:       gojs.AllowAll,
		TransformCacheDir: transformCacheDir(env),
	})
	if err != nil {
		res.counts["fail"] = 1
		return res
	}
	code, runErr := rt.RunMain(context.Background(), file)
	rt.Close()
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		var ev map[string]any
		if strings.HasPrefix(line, "{\"type\":\"test:") && json.Unmarshal([]byte(line), &ev) == nil {
			if ev["type"] == "test:summary" {
				if m, ok := ev["counts"].(map[string]any); ok {
					for k, v := range m {
						if f, ok := v.(float64); ok {
							res.counts[k] = f
						}
					}
				}
				continue
			}
			res.events = append(res.events, ev)
			continue
		}
		res.events = append(res.events, map[string]any{"type": "test:stdout", "file": file, "message": line + "\n"})
	}
	// What the file wrote to stderr becomes test:stderr events, as under node --test.
	for _, line := range strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n") {
		if line != "" {
			res.events = append(res.events, map[string]any{"type": "test:stderr", "file": file, "message": line + "\n"})
		}
	}
	if (code != 0 || runErr != nil) && res.counts["fail"] == 0 && res.counts["cancelled"] == 0 {
		// The file itself failed (an error outside any test): Node reports it as a failing test.
		if code == 0 {
			code = 1
		}
		res.events = append(res.events,
			map[string]any{"type": "test:start", "nesting": 0, "name": file},
			map[string]any{"type": "test:fail", "nesting": 0, "name": file, "location": file + ":1:1",
				"details": map[string]any{"duration_ms": 0, "error": map[string]any{"failureType": "testCodeFailure",
					"exitCode": code, "message": "test failed", "code": "ERR_TEST_FAILURE", "inspected": "test failed"}}})
		res.counts["tests"]++
		res.counts["fail"]++
	}
	return res
}
