// Package nodebench compares a pure-Go benchmark with node doing the same work, for the
// parsers written in Go (url, path, querystring): the Go loop runs as an ordinary benchmark, the
// node loop as a script after a warm-up, and both are timed in CPU time (user+system of the whole
// process: steadier than wall time on a loaded machine). It reports cpu-ns/op (Go),
// node-cpu-ns/op and go/node (below 1 means Go is faster). Test code only.
package nodebench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Compare runs loop (the Go work of one iteration, given its index) b.N times, then, unless
// node is missing, runs body in node's loop after setup. body may use i (the iteration) and add
// to h (a number) to keep its result alive.
func Compare(b *testing.B, setup, body string, loop func(i int)) {
	b.ReportAllocs()
	c0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		loop(i)
	}
	b.StopTimer()
	goNs := float64(cpuTime()-c0) / float64(b.N)
	if b.N < 1000 {
		return // a calibration round: too short to compare
	}
	b.ReportMetric(goNs, "cpu-ns/op")
	nodeNs, err := Node(setup, body, max(b.N, 200000))
	if err != nil {
		b.Log(err)
		return
	}
	b.ReportMetric(nodeNs, "node-cpu-ns/op")
	b.ReportMetric(goNs/nodeNs, "go/node")
}

// Node runs body n times in node after setup and a warm-up of 20000 iterations (so V8 has
// optimized the loop), and returns the CPU nanoseconds per iteration.
func Node(setup, body string, n int) (float64, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return 0, fmt.Errorf("no node on PATH")
	}
	src := fmt.Sprintf(`%s
function run(n) { let h = 0; for (let i = 0; i < n; i++) { %s } return h; }
run(20000);
const c0 = process.cpuUsage();
const h = run(%d);
const c = process.cpuUsage(c0);
process.stdout.write(String((c.user + c.system) * 1000 / %d) + ' ' + h);
`, setup, body, n, n)
	dir, err := os.MkdirTemp("", "nodebench")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "bench.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return 0, err
	}
	out, err := exec.Command(node, file).Output()
	if err != nil {
		return 0, fmt.Errorf("node: %v", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return 0, fmt.Errorf("node printed %q", out)
	}
	return strconv.ParseFloat(f[0], 64)
}
