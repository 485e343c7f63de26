// Command requiretime measures what the first require of each built-in costs a fresh process,
// under node and gojs side by side: each run is a new process whose script times one
// `require(name)` (or one first use, below) with process.hrtime.bigint and prints the
// milliseconds. It reports the medians and the gojs/node ratio, with the median CPU time (user
// + system) of the whole process, which is steadier than wall time on a busy machine.
//
// Node takes its built-ins from its startup snapshot; gojs compiles each one's glue on first use
// (once per process) and runs its setup (once per runtime): this is the number a program that
// requires a module pays before its first line of work.
//
// Usage: go run ./bench/requiretime [-n runs] [-gojs BIN] [name ...]
// A name is a built-in, or one of the first uses below (fs.createReadStream, emitWarning).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gojs-dev/gojs/bench/internal/gojsbin"
)

// defaultNames are the built-ins programs require most, then the first uses.
var defaultNames = []string{
	"events", "util", "buffer", "path", "url", "fs", "os", "stream", "readline", "child_process",
	"zlib", "http", "https", "net", "crypto", "worker_threads", "assert",
	"fs.createReadStream", "emitWarning",
}

// firstUse are timed uses other than a bare require.
var firstUse = map[string]string{
	// fs is required before the clock starts: what is timed is the first stream
	"fs.createReadStream": `const fs = require('fs');
const t0 = process.hrtime.bigint();
fs.createReadStream(__filename).on('data', () => {});
const t1 = process.hrtime.bigint();
`,
	// the warning is printed (to stderr, which the command drops) when the next tick runs
	"emitWarning": `const t0 = process.hrtime.bigint();
process.emitWarning('w');
let t1;
process.once('warning', () => { t1 = process.hrtime.bigint(); });
process.on('exit', () => console.log(String(Number(t1 - t0) / 1e6)));
`,
}

func script(name string) string {
	if s, ok := firstUse[name]; ok {
		if strings.Contains(s, "'exit'") {
			return s
		}
		return s + "console.log(String(Number(t1 - t0) / 1e6));\n"
	}
	return fmt.Sprintf("const t0 = process.hrtime.bigint();\nrequire(%q);\nconst t1 = process.hrtime.bigint();\nconsole.log(String(Number(t1 - t0) / 1e6));\n", name)
}

type sample struct{ ms, cpuMS float64 }

func run(bin, file string) (sample, error) {
	cmd := exec.Command(bin, file)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %w", bin, file, err)
	}
	ms, err := strconv.ParseFloat(strings.TrimSpace(out.String()), 64)
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: output %q", bin, file, out.String())
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return sample{ms, float64(cpu) / float64(time.Millisecond)}, nil
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func main() {
	runs := flag.Int("n", 7, "runs per name (median reported)")
	gojs := flag.String("gojs", "", "gojs binary (default: build ./cmd/gojs)")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "requiretime-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(tmp)
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.RemoveAll(tmp)
		os.Exit(1)
	}
	if *gojs == "" {
		*gojs = filepath.Join(tmp, "gojs-bench")
		if err := gojsbin.Build(*gojs); err != nil {
			fail(fmt.Errorf("build: %w", err))
		}
	}
	names := flag.Args()
	if len(names) == 0 {
		names = defaultNames
	}
	fmt.Printf("%-20s %10s %10s %8s   %12s %12s %8s\n", "first require", "node", "gojs", "ratio", "node CPU", "gojs CPU", "ratio")
	for i, name := range names {
		file := filepath.Join(tmp, fmt.Sprintf("r%d.js", i))
		if err := os.WriteFile(file, []byte(script(name)), 0o644); err != nil {
			fail(err)
		}
		var nt, gt, nc, gc []float64
		for j := 0; j < *runs; j++ {
			// interleaved, so the machine's noise hits both alike
			n, err := run("node", file)
			if err != nil {
				fail(err)
			}
			g, err := run(*gojs, file)
			if err != nil {
				fail(err)
			}
			nt, gt, nc, gc = append(nt, n.ms), append(gt, g.ms), append(nc, n.cpuMS), append(gc, g.cpuMS)
		}
		n, g, ncpu, gcpu := median(nt), median(gt), median(nc), median(gc)
		fmt.Printf("%-20s %8.2fms %8.2fms %7.1fx   %10.1fms %10.1fms %7.2fx\n", name, n, g, g/n, ncpu, gcpu, gcpu/ncpu)
	}
	fmt.Println("(first require: wall time of the require alone; CPU: the whole process, user+system)")
}
