// Command net runs the net benchmarks of issue 7 under node and gojs in one go, interleaved,
// and prints medians and ratios:
//
//   - ping-pong: 50 connections bouncing 64-byte messages (round trips/s, higher is better);
//   - stream: 4 connections streaming 64 KiB writes (MB/s, higher is better);
//   - idle: RSS growth per connection with 10,000 idle connections held open by this process
//     (KiB, lower is better).
//
// Besides wall-clock throughput it prints the CPU time (user+sys) each process used per unit of
// work: on a shared, loaded machine throughput mostly measures how much CPU the scheduler gave
// each process, and CPU per message is the steadier number.
//
// Usage (from the repository root): go run ./bench/net [-n runs] [-ms duration] [-conns idle] [-rounds] [-together] [workload ...]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/gojs-dev/gojs/bench/internal/gojsbin"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type sample struct {
	value float64 // the workload's number (ops/s, MB/s or KiB/conn)
	cpu   float64 // CPU seconds used by the process
}

func lastJSON(out, field string) float64 {
	v := -1.0
	for _, line := range strings.Split(out, "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			if f, ok := m[field].(float64); ok {
				v = f
			}
		}
	}
	return v
}

func cpuOf(ps *os.ProcessState) float64 {
	return (ps.UserTime() + ps.SystemTime()).Seconds()
}

func runThroughput(bin, script string, ms int) (sample, error) {
	cmd := exec.Command(bin, script)
	cmd.Env = append(os.Environ(), fmt.Sprintf("BENCH_MS=%d", ms))
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %w", bin, script, err)
	}
	v := lastJSON(out.String(), "opsPerSec")
	if v < 0 {
		return sample{}, fmt.Errorf("%s %s: no result in %q", bin, script, out.String())
	}
	return sample{value: v, cpu: cpuOf(cmd.ProcessState)}, nil
}

func runIdle(bin string, conns int) (sample, error) {
	cmd := exec.Command(bin, "bench/js/net_idle.js")
	cmd.Env = append(os.Environ(), fmt.Sprintf("BENCH_CONNS=%d", conns))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return sample{}, err
	}
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() {
		cmd.Wait()
		return sample{}, fmt.Errorf("%s printed no port", bin)
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
			cmd.Wait()
			return sample{}, fmt.Errorf("dial %d: %w", i, err)
		}
		held = append(held, c)
	}
	var rest strings.Builder
	for sc.Scan() {
		rest.WriteString(sc.Text() + "\n")
	}
	if err := cmd.Wait(); err != nil {
		return sample{}, err
	}
	v := lastJSON(rest.String(), "rssPerConnKiB")
	if v < 0 {
		return sample{}, fmt.Errorf("%s: no result in %q", bin, rest.String())
	}
	return sample{value: v, cpu: cpuOf(cmd.ProcessState)}, nil
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func main() {
	runs := flag.Int("n", 5, "runs per workload (medians reported)")
	ms := flag.Int("ms", 2000, "duration of each throughput run in milliseconds")
	conns := flag.Int("conns", 10000, "idle connections (needs that many descriptors, ulimit -n)")
	gojs := flag.String("gojs", "", "gojs binary (default: build ./cmd/gojs)")
	rounds := flag.Bool("rounds", false, "also print every round's numbers and ratios")
	together := flag.Bool("together", false, "run node and gojs at the same time in each round of pingpong and stream (on a busy machine both then see the same load; they also share the CPUs)")
	flag.Parse()
	if *gojs == "" {
		dir, err := os.MkdirTemp("", "gojs-netbench")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
		*gojs = filepath.Join(dir, "gojs")
		if err := gojsbin.Build(*gojs); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
	}
	names := flag.Args()
	if len(names) == 0 {
		names = []string{"pingpong", "stream", "idle"}
	}
	fmt.Printf("%-10s %14s %14s %8s   %16s %16s %8s\n", "workload", "node", "gojs", "ratio", "node CPU/unit", "gojs CPU/unit", "ratio")
	for _, name := range names {
		var n, g []sample
		var err error
		run := func(bin string) (s sample, err error) {
			switch name {
			case "pingpong":
				return runThroughput(bin, "bench/js/net_pingpong.js", *ms)
			case "stream":
				return runThroughput(bin, "bench/js/net_stream.js", *ms)
			case "idle":
				return runIdle(bin, *conns)
			}
			return sample{}, fmt.Errorf("unknown workload %q (pingpong, stream, idle)", name)
		}
		for i := 0; i < *runs && err == nil; i++ {
			if *together && name != "idle" {
				// node and gojs at the same time: on a shared machine whose load changes from
				// one second to the next, both then run under the same load.
				var ns, gs sample
				var nerr, gerr error
				done := make(chan struct{})
				go func() { ns, nerr = run("node"); close(done) }()
				gs, gerr = run(*gojs)
				<-done
				if err = errors.Join(nerr, gerr); err == nil {
					n, g = append(n, ns), append(g, gs)
				}
				continue
			}
			for _, bin := range []string{"node", *gojs} {
				var s sample
				if s, err = run(bin); err != nil {
					break
				}
				if bin == "node" {
					n = append(n, s)
				} else {
					g = append(g, s)
				}
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, name+":", err)
			os.Exit(1)
		}
		values := func(ss []sample) []float64 {
			var v []float64
			for _, s := range ss {
				v = append(v, s.value)
			}
			return v
		}
		// CPU per unit of work: µs per round trip, ms per MB; for idle, total CPU seconds.
		perUnit := func(ss []sample) []float64 {
			var v []float64
			for _, s := range ss {
				switch name {
				case "pingpong":
					v = append(v, s.cpu/(s.value*float64(*ms)/1000)*1e6)
				case "stream":
					v = append(v, s.cpu/(s.value*float64(*ms)/1000)*1e3)
				default:
					v = append(v, s.cpu)
				}
			}
			return v
		}
		unit, cpuUnit := map[string]string{"pingpong": "msg/s", "stream": "MB/s", "idle": "KiB/conn"}[name],
			map[string]string{"pingpong": "µs/msg", "stream": "ms/MB", "idle": "s total"}[name]
		nv, gv := median(values(n)), median(values(g))
		nc, gc := median(perUnit(n)), median(perUnit(g))
		fmt.Printf("%-10s %14s %14s %7.2fx   %16s %16s %7.2fx\n", name,
			fmt.Sprintf("%.1f %s", nv, unit), fmt.Sprintf("%.1f %s", gv, unit), gv/nv,
			fmt.Sprintf("%.1f %s", nc, cpuUnit), fmt.Sprintf("%.1f %s", gc, cpuUnit), gc/nc)
		if *rounds {
			// each round's pair (node, then gojs, run one after the other) and its ratio
			nu, gu := perUnit(n), perUnit(g)
			for i := range n {
				fmt.Printf("  round %d %14.1f %14.1f %7.2fx   %16.1f %16.1f %7.2fx\n", i+1,
					n[i].value, g[i].value, g[i].value/n[i].value, nu[i], gu[i], gu[i]/nu[i])
			}
		}
	}
}
