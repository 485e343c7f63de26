// Command compare runs the same JavaScript workloads under node and gojs in one run and prints
// the ratios: wall time and peak RSS for startup, and the ops/s each script reports for the
// throughput workloads, with their CPU time (user+system, steadier than ops/s on a busy machine).
// With -bare, the throughput workloads also run on bare goja (bench/baregoja: goja with plain Go
// queues for nextTick/setTimeout/setImmediate), the floor the runtime's overhead is measured
// against. Usage: go run ./bench/compare [-n runs] [-bare] [workload ...]
//
// On a machine other work keeps busy, wall times swing by tens of milliseconds from run to run.
// Build the command (and gojs) first and run it as root under SCHED_FIFO, `chrt -f 10 compare
// -gojs BIN ...`: the measured processes then take a core whenever they are runnable, and the
// startup figures are those of a quiet machine (a run is milliseconds, so others wait little).
// The peak RSS of startup depends on how the binary's pages are in the page cache: a file the
// linker has just written (as this command's own build is) maps ~2 MB more of its text than a
// copy of it on ext4, so compare two builds as files made the same way.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/gojs-dev/gojs/bench/internal/gojsbin"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

type result struct {
	wall   time.Duration
	cpu    time.Duration // user+system: steadier than wall on a loaded machine
	rssKiB int64
	ops    float64
}

func run(bin string, args ...string) (result, error) {
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%s %v: %w", bin, args, err)
	}
	r := result{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKiB = ru.Maxrss
	}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	for _, line := range strings.Split(out.String(), "\n") {
		var m struct {
			OpsPerSec float64 `json:"opsPerSec"`
		}
		if json.Unmarshal([]byte(line), &m) == nil && m.OpsPerSec > 0 {
			r.ops = m.OpsPerSec
		}
	}
	return r, nil
}

func median(rs []result) result {
	sort.Slice(rs, func(i, j int) bool { return rs[i].wall < rs[j].wall })
	m := rs[len(rs)/2]
	ops := make([]float64, len(rs))
	rss := make([]int64, len(rs))
	cpu := make([]time.Duration, len(rs))
	for i, r := range rs {
		ops[i], rss[i], cpu[i] = r.ops, r.rssKiB, r.cpu
	}
	sort.Float64s(ops)
	sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
	sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
	m.ops, m.rssKiB, m.cpu = ops[len(ops)/2], rss[len(rss)/2], cpu[len(cpu)/2]
	return m
}

func main() {
	runs := flag.Int("n", 5, "runs per workload (median reported)")
	gojs := flag.String("gojs", "", "gojs binary (default: build ./cmd/gojs)")
	bare := flag.Bool("bare", false, "also run the throughput workloads on bare goja (bench/baregoja)")
	flag.Parse()
	// The binaries go to a directory of this run's own: a fixed name in /tmp is shared by every
	// checkout on the machine, and another engineer's build would replace it mid-run.
	tmp, err := os.MkdirTemp("", "compare-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	exit := func(code int) { os.RemoveAll(tmp); os.Exit(code) }
	defer os.RemoveAll(tmp)
	bareBin := ""
	if *bare {
		bareBin = filepath.Join(tmp, "baregoja-bench")
		b := exec.Command("go", "build", "-trimpath", "-o", bareBin, "./bench/baregoja")
		b.Stderr = os.Stderr
		if err := b.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build baregoja:", err)
			exit(1)
		}
	}
	dir := "bench/js"
	if *gojs == "" {
		*gojs = filepath.Join(tmp, "gojs-bench")
		if err := gojsbin.Build(*gojs); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			exit(1)
		}
	}
	names := flag.Args()
	if len(names) == 0 {
		names = []string{"startup", "timers_settimeout", "immediate_chain", "nexttick", "promise_chain"}
	}
	fmt.Printf("%-20s %12s %12s %8s   %10s %10s %8s\n", "workload", "node", "gojs", "ratio", "node RSS", "gojs RSS", "ratio")
	for _, name := range names {
		script := filepath.Join(dir, name+".js")
		var nr, gr, br []result
		for i := 0; i < *runs; i++ {
			// interleave so machine noise hits both alike
			n, err := run("node", script)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				exit(1)
			}
			g, err := run(*gojs, script)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				exit(1)
			}
			nr, gr = append(nr, n), append(gr, g)
			if bareBin != "" && name != "startup" {
				b, err := run(bareBin, script)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					exit(1)
				}
				br = append(br, b)
			}
		}
		n, g := median(nr), median(gr)
		rssRatio := float64(g.rssKiB) / float64(n.rssKiB)
		if n.ops > 0 {
			fmt.Printf("%-20s %10.0f/s %10.0f/s %7.2fx   %8dKiB %8dKiB %7.2fx\n", name, n.ops, g.ops, g.ops/n.ops, n.rssKiB, g.rssKiB, rssRatio)
			fmt.Printf("%-20s %10.1fms %10.1fms %7.2fx   (CPU time, user+system)\n", "",
				float64(n.cpu)/1e6, float64(g.cpu)/1e6, float64(g.cpu)/float64(n.cpu))
			if len(br) > 0 {
				b := median(br)
				fmt.Printf("%-20s %10.0f/s %10.0f/s %7.2fx   %8dKiB %8dKiB %7.2fx   (bare goja vs gojs)\n", "  bare goja",
					b.ops, g.ops, g.ops/b.ops, b.rssKiB, g.rssKiB, float64(g.rssKiB)/float64(b.rssKiB))
				fmt.Printf("%-20s %10.1fms %10.1fms %7.2fx   (CPU time, bare goja vs gojs)\n", "",
					float64(b.cpu)/1e6, float64(g.cpu)/1e6, float64(g.cpu)/float64(b.cpu))
			}
		} else {
			fmt.Printf("%-20s %10.1fms %10.1fms %7.2fx   %8dKiB %8dKiB %7.2fx\n", name,
				float64(n.wall)/1e6, float64(g.wall)/1e6, float64(g.wall)/float64(n.wall), n.rssKiB, g.rssKiB, rssRatio)
			fmt.Printf("%-20s %10.1fms %10.1fms %7.2fx   (CPU time, user+system)\n", "",
				float64(n.cpu)/1e6, float64(g.cpu)/1e6, float64(g.cpu)/float64(n.cpu))
		}
	}
	fmt.Println("(ops/s ratio: higher is better for gojs; time and RSS ratios: lower is better)")
}
