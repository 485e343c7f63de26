package main

import (
	"cmp"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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
// run a script, which made the goldens most of CI's time. So a fixed sixth of them (chosen by a
// hash of the name, spread over every area) run the race-built test binary, and the rest a gojs
// built without it (a quarter, until CI's time reached its 15 minutes with 2,224 goldens; each
// CI run prints the slowest, see goldenTimes). GOJS_GOLDEN_RACE=all (or none) overrides the
// sample.
func goldenRace(name string) bool {
	switch os.Getenv("GOJS_GOLDEN_RACE") {
	case "all":
		return true
	case "none":
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(filepath.Base(name)))
	return h.Sum32()%6 == 0
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
//
// It is parallel, as are this package's other slow tests (the REPL in tmux, --watch): those
// spend their ~50 s mostly waiting on node's and gojs's restarts and screens, so they run
// beside the goldens instead of after them, where they added that much to CI's wall time.
func TestScripts(t *testing.T) {
	t.Parallel()
	var plain string // a gojs built without the race detector, for the scripts outside the sample
	if raceBuild && os.Getenv("GOJS_GOLDEN_RACE") != "all" {
		plain = filepath.Dir(gojsBinary(t))
	}
	times := goldenTimes(t)
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
			named, ok := env.T().(interface{ Name() string })
			if ok && plain != "" && !goldenRace(named.Name()) {
				env.Setenv("PATH", plain+string(os.PathListSeparator)+env.Getenv("PATH"))
			}
			if ok && times != nil {
				start, name := time.Now(), filepath.Base(named.Name())
				if raceBuild && plain != "" && goldenRace(named.Name()) {
					name += " (race-built gojs)"
				}
				env.Defer(func() { times.add(name, time.Since(start)) })
			}
			return nil
		},
	})
}

// goldenTimings collects each golden's wall time.
type goldenTimings struct {
	mu   sync.Mutex
	list []goldenTime
}

type goldenTime struct {
	name string
	d    time.Duration
}

func (g *goldenTimings) add(name string, d time.Duration) {
	g.mu.Lock()
	g.list = append(g.list, goldenTime{name, d})
	g.mu.Unlock()
}

// goldenTimes, when GOJS_GOLDEN_TIMES names a file, returns the collector of the goldens' wall
// times and writes the slowest 30 to that file once every golden has run (.ci/run prints them),
// so that the goldens that make CI long can be found from any run. nil otherwise.
func goldenTimes(t *testing.T) *goldenTimings {
	file := os.Getenv("GOJS_GOLDEN_TIMES")
	if file == "" {
		return nil
	}
	g := &goldenTimings{}
	t.Cleanup(func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		slices.SortFunc(g.list, func(a, b goldenTime) int { return cmp.Compare(b.d, a.d) })
		var total time.Duration
		for _, e := range g.list {
			total += e.d
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d goldens, %.0f s in all (summed over parallel runs); the slowest:\n", len(g.list), total.Seconds())
		for _, e := range g.list[:min(30, len(g.list))] {
			fmt.Fprintf(&b, "%7.2f s  %s\n", e.d.Seconds(), e.name)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Error(err)
		}
	})
	return g
}
