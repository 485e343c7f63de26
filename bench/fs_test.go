// Benchmarks of fs against node in one run: the same script (fs_bench.js) runs under gojs (in
// process, through the runtime API) and under node (skipped without node), alternately, in a
// fresh directory each time. Each phase is reported as its time under both and as gojs's
// throughput relative to node's (>1 means gojs is faster), by wall time and by CPU time (user +
// system of every thread: on a shared machine wall time mostly measures the neighbours, CPU time
// what each side spent). Timings are reported, never asserted.
//
//	go test ./bench/ -run XXX -bench FS -benchtime 1x -v
//
// FS_BENCH_ROUNDS sets the number of alternating rounds (default 3; the best wall and the best
// CPU time of each side are kept). FS_BENCH_STREAM_MB sets the streamed file's size (default 256).
package bench

import (
	"bytes"
	"context"
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

//go:embed fs_bench.js
var fsBenchJS string

// fsPhases parses "<phase> <ops> <wall ms> <cpu ms>" lines; the CPU time goes under
// "cpu:<phase>".
func fsPhases(out string) map[string]float64 {
	m := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 && len(f) != 4 {
			continue
		}
		ms, err := strconv.ParseFloat(f[2], 64)
		if err == nil {
			m[f[0]] = ms
		}
		if len(f) == 4 {
			if cpu, err := strconv.ParseFloat(f[3], 64); err == nil {
				m["cpu:"+f[0]] = cpu
			}
		}
	}
	return m
}

func runFSGojs(tb testing.TB, dir string) map[string]float64 {
	var out, errb bytes.Buffer
	env := map[string]string{}
	if v := os.Getenv("FS_BENCH_STREAM_MB"); v != "" {
		env["FS_BENCH_STREAM_MB"] = v
	}
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb, Cwd: dir, Env: env, Permissions: runtime.AllowAll})
	if err != nil {
		tb.Fatal(err)
	}
	defer rt.Close()
	if code, err := rt.RunScript(context.Background(), filepath.Join(dir, "fs_bench.js"), fsBenchJS); code != 0 || err != nil {
		tb.Fatalf("gojs: code %d err %v\n%s", code, err, errb.String())
	}
	return fsPhases(out.String())
}

func runFSNode(tb testing.TB, node, dir string) map[string]float64 {
	script := filepath.Join(dir, "fs_bench.js")
	if err := os.WriteFile(script, []byte(fsBenchJS), 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(node, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "FS_BENCH_STREAM_MB="+os.Getenv("FS_BENCH_STREAM_MB"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("node: %v\n%s", err, out)
	}
	os.Remove(script)
	return fsPhases(string(out))
}

func BenchmarkFS(b *testing.B) {
	node, nodeErr := exec.LookPath("node")
	rounds := 3
	if v, err := strconv.Atoi(os.Getenv("FS_BENCH_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	best := func(dst, src map[string]float64) {
		for k, v := range src {
			if old, ok := dst[k]; !ok || v < old {
				dst[k] = v
			}
		}
	}
	g, n := map[string]float64{}, map[string]float64{}
	for i := 0; i < b.N; i++ {
		for r := 0; r < rounds; r++ {
			best(g, runFSGojs(b, b.TempDir()))
			if nodeErr == nil {
				best(n, runFSNode(b, node, b.TempDir()))
			}
		}
	}
	phases := []string{"write_2000_files_sync", "read_2000_files_callbacks", "read_2000_files_promises",
		"stat_10000_callbacks", "statSync_10000"}
	for k := range g {
		if strings.HasPrefix(k, "stream_") {
			phases = append(phases, k)
		}
	}
	fmtMs := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + " ms" }
	for _, p := range phases {
		line := p + ": gojs " + fmtMs(g[p]) + " (cpu " + fmtMs(g["cpu:"+p]) + ")"
		if nm, ok := n[p]; ok && g[p] > 0 {
			ratio := nm / g[p]
			line += ", node " + fmtMs(nm) + " (cpu " + fmtMs(n["cpu:"+p]) + "), gojs/node throughput " +
				strconv.FormatFloat(ratio, 'f', 2, 64) + "x"
			b.ReportMetric(ratio, p+"_x")
			if gc, nc := g["cpu:"+p], n["cpu:"+p]; gc > 0 && nc > 0 {
				line += ", per CPU second " + strconv.FormatFloat(nc/gc, 'f', 2, 64) + "x"
				b.ReportMetric(nc/gc, p+"_cpu_x")
			}
		}
		b.Log(line)
	}
}
