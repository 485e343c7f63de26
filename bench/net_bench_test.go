package bench

// Benchmarks for net, side by side with node (issue 7 targets: ping-pong and stream at least 1x
// node; RSS per idle connection at most 1.5x node's). Run with:
//
//	go test ./bench/ -run XXX -bench Net -benchtime 1x
//
// Each benchmark runs the same script (bench/js/net_*.js) under a freshly built gojs and under
// node, and reports both numbers and gojs/node.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	gojsOnce sync.Once
	gojsBin  string
	gojsErr  error
)

func gojsBinary(b *testing.B) string {
	gojsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gojs-netbench")
		if err != nil {
			gojsErr = err
			return
		}
		gojsBin = filepath.Join(dir, "gojs")
		out, err := exec.Command("go", "build", "-o", gojsBin, "../cmd/gojs").CombinedOutput()
		if err != nil {
			gojsErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if gojsErr != nil {
		b.Fatal(gojsErr)
	}
	return gojsBin
}

// runJSON runs script under bin and returns the field of the last JSON line it prints.
func runJSON(b *testing.B, bin, script, field string, env ...string) float64 {
	cmd := exec.Command(bin, script)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%s %s: %v", bin, script, err)
	}
	return lastField(b, string(out), field)
}

func lastField(b *testing.B, out, field string) float64 {
	v := -1.0
	for _, line := range strings.Split(out, "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			if f, ok := m[field].(float64); ok {
				v = f
			}
		}
	}
	if v < 0 {
		b.Fatalf("no %q in output %q", field, out)
	}
	return v
}

// compare runs a throughput script under both runtimes, alternating, and reports the medians.
func compare(b *testing.B, script, unit string) {
	bin := gojsBinary(b)
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("node not on PATH")
	}
	const runs = 3
	var g, n []float64
	for i := 0; i < runs; i++ {
		n = append(n, runJSON(b, node, script, "opsPerSec", "BENCH_MS=2000"))
		g = append(g, runJSON(b, bin, script, "opsPerSec", "BENCH_MS=2000"))
	}
	gm, nm := median(g), median(n)
	b.ReportMetric(gm, "gojs-"+unit)
	b.ReportMetric(nm, "node-"+unit)
	b.ReportMetric(gm/nm, "gojs/node")
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}

// BenchmarkNetPingPong: 50 connections bouncing 64-byte messages (round trips/s; higher is better).
func BenchmarkNetPingPong(b *testing.B) { compare(b, "js/net_pingpong.js", "msgs/s") }

// BenchmarkNetStream: 4 connections streaming 64 KiB writes (MB/s; higher is better).
func BenchmarkNetStream(b *testing.B) { compare(b, "js/net_stream.js", "MB/s") }

// idleRSS starts script under bin, opens conns connections to the port it prints, and returns
// the RSS growth per connection it reports once they are all accepted.
func idleRSS(b *testing.B, bin string, conns int) float64 {
	cmd := exec.Command(bin, "js/net_idle.js")
	cmd.Env = append(os.Environ(), "BENCH_CONNS="+strconv.Itoa(conns))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer cmd.Wait()
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() {
		b.Fatalf("%s printed no port", bin)
	}
	port := strings.TrimSpace(sc.Text())
	held := make([]net.Conn, 0, conns)
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := 0; i < conns; i++ {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+port, 10*time.Second)
		if err != nil {
			cmd.Process.Kill()
			b.Fatalf("dial %d: %v", i, err)
		}
		held = append(held, c)
	}
	var rest strings.Builder
	for sc.Scan() {
		rest.WriteString(sc.Text() + "\n")
	}
	return lastField(b, rest.String(), "rssPerConnKiB")
}

// BenchmarkNetIdle10k: RSS per idle connection with 10,000 connections held open (KiB; lower is
// better). Needs about 10,100 descriptors in each process (ulimit -n).
func BenchmarkNetIdle10k(b *testing.B) {
	bin := gojsBinary(b)
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("node not on PATH")
	}
	conns := 10000
	if s := os.Getenv("BENCH_CONNS"); s != "" {
		conns, _ = strconv.Atoi(s)
	}
	n := idleRSS(b, node, conns)
	g := idleRSS(b, bin, conns)
	b.ReportMetric(g, "gojs-KiB/conn")
	b.ReportMetric(n, "node-KiB/conn")
	b.ReportMetric(g/n, "gojs/node")
}
