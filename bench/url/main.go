// Command url runs the path, url and querystring workloads of issue 5 under node and gojs in one
// run, interleaved, and prints the median time of each with the ratio gojs/node (below 1 means
// gojs is faster). Each script times its own loop (startup excluded) and prints a checksum, which
// must agree between the two runtimes. The floor_* workloads do the same engine work without the
// modules (a plain JS class for url_parse, an object literal for qs_parse, a built-in call returning
// a fresh string for path): their ratio is what goja itself costs against V8.
//
// Usage: go run ./bench/url [-n runs] [-gojs binary] [workload ...]
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
	flag.Parse()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Dir(self)
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
