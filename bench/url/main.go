// Command url runs the path, url and querystring workloads of issue 5 under node and gojs in one
// run, interleaved, and prints the median time of each with the ratio gojs/node (below 1 means
// gojs is faster). Each script times its own loop (startup excluded) and prints a checksum, which
// must agree between the two runtimes. The floor_* workloads do the same engine work without the
// modules (a plain JS class for url_parse, an object literal for qs_parse, a built-in call returning
// a fresh string for path): their ratio is what goja itself costs against V8.
//
// With -go it also runs the pure-Go benchmarks of the same parsers (BenchmarkVsNode in
// modules/url, modules/path and modules/querystring: the Go functions without any JS, against
// node doing the same work in a warmed-up loop, both in CPU time) and prints their ratios.
//
// Usage: go run ./bench/url [-n runs] [-go] [-gojs binary] [workload ...]
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
	"runtime"
	"sort"
	"strings"
)

var workloads = []string{"url_parse", "url_parse_base", "qs_parse", "path_join", "path_resolve",
	"floor_class", "floor_object", "floor_call"}

type sample struct {
	NS    float64 `json:"ns"`
	CPU   float64 `json:"cpu"` // user+system ns of the whole process during the loop
	Check any     `json:"check"`
}

func run(bin, script string) (sample, error) {
	var out bytes.Buffer
	cmd := exec.Command(bin, script)
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %w", bin, script, err)
	}
	var s sample
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		return sample{}, fmt.Errorf("%s %s printed %q", bin, script, out.String())
	}
	return s, nil
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func main() {
	runs := flag.Int("n", 5, "runs per workload and runtime (median reported)")
	gojs := flag.String("gojs", "", "gojs binary (default: build ./cmd/gojs)")
	pureGo := flag.Bool("go", false, "also run the pure-Go parser benchmarks against node")
	flag.Parse()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Dir(self)
	if *pureGo {
		defer goBenchmarks(filepath.Join(dir, "..", ".."), *runs)
	}
	if *gojs == "" {
		*gojs = filepath.Join(os.TempDir(), "gojs-bench-url")
		if err := gojsbin.Build(*gojs); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
	}
	names := flag.Args()
	if len(names) == 0 {
		names = workloads
	}
	fmt.Printf("%-16s %12s %12s %10s   %12s %12s %10s\n", "workload", "node wall", "gojs wall", "gojs/node", "node cpu", "gojs cpu", "gojs/node")
	for _, name := range names {
		script := filepath.Join(dir, name+".js")
		var nt, gt, nc, gc []float64
		for i := 0; i < *runs; i++ {
			// interleaved, so machine noise hits both alike
			n, err := run("node", script)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			g, err := run(*gojs, script)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			if fmt.Sprint(n.Check) != fmt.Sprint(g.Check) {
				fmt.Fprintf(os.Stderr, "%s: checksum differs: node %v, gojs %v\n", name, n.Check, g.Check)
				os.Exit(1)
			}
			nt, gt = append(nt, n.NS), append(gt, g.NS)
			nc, gc = append(nc, n.CPU), append(gc, g.CPU)
		}
		n, g := median(nt), median(gt)
		ncpu, gcpu := median(nc), median(gc)
		fmt.Printf("%-16s %10.1fms %10.1fms %9.2fx   %10.1fms %10.1fms %9.2fx\n", name, n/1e6, g/1e6, g/n, ncpu/1e6, gcpu/1e6, gcpu/ncpu)
	}
	fmt.Println("(the loop only, medians; cpu is user+system of all threads, steadier on a loaded machine;")
	fmt.Println(" a ratio below 1 means gojs is faster)")
}

// goBenchmarks runs the BenchmarkVsNode benchmarks of the Go parsers (-count runs) and prints
// the median of each metric.
func goBenchmarks(root string, runs int) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "VsNode", "-benchtime", "300000x", "-count", fmt.Sprint(runs),
		"./modules/url", "./modules/path", "./modules/querystring")
	cmd.Dir = root
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "go test:", err)
		os.Exit(1)
	}
	type row struct{ goNs, nodeNs, ratio []float64 }
	rows := map[string]*row{}
	var order []string
	pkg := ""
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "pkg:" {
			pkg = filepath.Base(f[1])
		}
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkVsNode") || !strings.Contains(f[0], "/") {
			continue
		}
		// BenchmarkVsNode/x is "x", BenchmarkVsNodeShapes/x "Shapes/x"
		name := pkg + " " + strings.TrimPrefix(strings.TrimPrefix(f[0], "BenchmarkVsNode"), "/")
		if i := strings.LastIndexByte(name, '-'); i > 0 && strings.Trim(name[i+1:], "0123456789") == "" {
			name = name[:i] // the -GOMAXPROCS suffix
		}
		r := rows[name]
		if r == nil {
			r = &row{}
			rows[name] = r
			order = append(order, name)
		}
		for i := 2; i+1 < len(f); i += 2 {
			var v float64
			fmt.Sscan(f[i], &v)
			switch f[i+1] {
			case "cpu-ns/op":
				r.goNs = append(r.goNs, v)
			case "node-cpu-ns/op":
				r.nodeNs = append(r.nodeNs, v)
			case "go/node":
				r.ratio = append(r.ratio, v)
			}
		}
	}
	fmt.Printf("\npure Go (no JS) against node doing the same work, CPU ns per operation, medians of %d:\n", runs)
	fmt.Printf("%-60s %8s %8s %8s\n", "benchmark", "node", "go", "go/node")
	for _, name := range order {
		r := rows[name]
		if len(r.ratio) == 0 {
			continue
		}
		fmt.Printf("%-60s %8.0f %8.0f %7.2fx\n", name, median(r.nodeNs), median(r.goNs), median(r.ratio))
	}
}
