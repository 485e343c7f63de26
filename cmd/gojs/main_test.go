package main

import (
	"flag"
	"hash/fnv"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files from the output of the last cmp (node's); run only where node is installed")

func TestMain(m *testing.M) {
	// A golden's child started with argv0 'node' (process.execPath is this test binary): gojs
	// under node's name, as a test runner's `node` symlink runs it.
	if invokedAsNode() {
		os.Exit(Main(os.Args[1:]))
	}
	testscript.Main(removeBuilt{m}, map[string]func(){
		"gojs": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// removeBuilt runs the tests, then removes the gojs binary gojsBinary built, if any.
type removeBuilt struct{ m *testing.M }

func (r removeBuilt) Run() int {
	// The goldens spend part of their time waiting (on the programs they run, on timers and
	// sockets), so one more of them runs at once than there are processors, unless -parallel
	// says how many.
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		flag.Set("test.parallel", strconv.Itoa(goruntime.GOMAXPROCS(0)+1))
	}
	code := r.m.Run()
	if builtPath != "" {
		os.RemoveAll(filepath.Dir(builtPath))
	}
	return code
}

// goldenRace says which golden scripts run a race-detector gojs when the tests themselves are built
// with -race. The goldens are for behaviour; the race detector makes gojs 4-5x slower to start and
// run a script, which made the goldens most of CI's time. So a fixed quarter of them (chosen by a
// hash of the name, spread over every area) run the race-built test binary, and the rest a gojs
// built without it. GOJS_GOLDEN_RACE=all (or none) overrides the sample.
func goldenRace(name string) bool {
	switch os.Getenv("GOJS_GOLDEN_RACE") {
	case "all":
		return true
	case "none":
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(filepath.Base(name)))
	return h.Sum32()%4 == 0
}

// raceNoExitSleep adds atexit_sleep_ms=0 to GORACE's options unless they set it: the race
// runtime otherwise sleeps a second before every process exits (so that other threads' races
// are seen), which, for the race-built gojs of the sampled goldens and of the programs they
// spawn, made those goldens a second or more slower each, most of it idle.
func raceNoExitSleep(opts string) string {
	if strings.Contains(opts, "atexit_sleep_ms") {
		return opts
	}
	return strings.TrimSpace(opts + " atexit_sleep_ms=0")
}

// TestScripts runs the golden scripts in testdata/scripts: each runs a program under gojs and
// then under node (when node is on PATH) and compares both with the same expected output.
func TestScripts(t *testing.T) {
	var plain string // a gojs built without the race detector, for the scripts outside the sample
	if raceBuild && os.Getenv("GOJS_GOLDEN_RACE") != "all" {
		plain = filepath.Dir(gojsBinary(t))
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/scripts",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NODE_DISABLE_COLORS", "1")
			env.Setenv("NO_COLOR", "1")
			if raceBuild {
				env.Setenv("GORACE", raceNoExitSleep(os.Getenv("GORACE")))
			}
			if named, ok := env.T().(interface{ Name() string }); ok && plain != "" && !goldenRace(named.Name()) {
				env.Setenv("PATH", plain+string(os.PathListSeparator)+env.Getenv("PATH"))
			}
			return nil
		},
	})
}
