// Command load is a wrk stand-in for machines without wrk: it starts hello.js under node and under
// gojs, drives each with C keep-alive HTTP/1.1 connections from Go (one request in flight per
// connection, the next sent when the response is read, as wrk does) for D seconds, in rounds that
// alternate the runtimes, and prints each round's requests/s and the server's CPU time per
// request (user+system from /proc, steadier than requests/s on a shared machine), then the medians
// and the gojs/node ratios. Usage (from the repo root):
//
//	go run ./bench/http/load [-gojs BIN] [-c 64] [-d 5] [-rounds 3] [-path /]
//
// Without -gojs it builds the release binary (bench/internal/gojsbin) into a temp dir.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gojs-dev/gojs/bench/internal/gojsbin"
)

type result struct{ rps, cpuUs float64 }

func main() {
	gojs := flag.String("gojs", "", "gojs binary (default: build one)")
	conns := flag.Int("c", 64, "keep-alive connections")
	secs := flag.Float64("d", 5, "seconds per measurement")
	rounds := flag.Int("rounds", 3, "rounds (each runs node and gojs)")
	path := flag.String("path", "/", "request path (/ or /json)")
	flag.Parse()
	_, self, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(self), "..", "hello.js")
	if *gojs == "" {
		dir, err := os.MkdirTemp("", "httpload")
		check(err)
		defer os.RemoveAll(dir)
		*gojs = filepath.Join(dir, "gojs")
		check(gojsbin.Build(*gojs))
	}
	runtimes := []struct{ name, bin string }{{"node", "node"}, {"gojs", *gojs}}
	res := map[string][]result{}
	for r := 0; r < *rounds; r++ {
		for i := range runtimes {
			rt := runtimes[(i+r)%len(runtimes)]
			x := measure(rt.bin, script, *conns, time.Duration(*secs*float64(time.Second)), *path)
			fmt.Printf("round %d %-4s %9.0f req/s %6.1f us/req (server CPU)\n", r+1, rt.name, x.rps, x.cpuUs)
			res[rt.name] = append(res[rt.name], x)
		}
	}
	med := func(name string, f func(result) float64) float64 {
		var v []float64
		for _, x := range res[name] {
			v = append(v, f(x))
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	rps := func(x result) float64 { return x.rps }
	cpu := func(x result) float64 { return x.cpuUs }
	fmt.Printf("median: node %.0f req/s %.1f us/req, gojs %.0f req/s %.1f us/req: gojs/node req/s %.2fx, node/gojs CPU per request %.2fx\n",
		med("node", rps), med("node", cpu), med("gojs", rps), med("gojs", cpu),
		med("gojs", rps)/med("node", rps), med("node", cpu)/med("gojs", cpu))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// measure starts a fresh server, warms it up for a second and then drives it for d.
func measure(bin, script string, conns int, d time.Duration, path string) result {
	cmd := exec.Command(bin, script)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	check(err)
	check(cmd.Start())
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	check(err)
	addr := "127.0.0.1:" + strings.TrimSpace(line)
	drive(addr, conns, time.Second, path)
	c0 := cpuTicks(cmd.Process.Pid)
	n := drive(addr, conns, d, path)
	c1 := cpuTicks(cmd.Process.Pid)
	const tick = 100 // USER_HZ
	return result{rps: float64(n) / d.Seconds(), cpuUs: float64(c1-c0) / tick * 1e6 / float64(n)}
}

// drive runs conns keep-alive connections for d and returns the responses read.
func drive(addr string, conns int, d time.Duration, path string) int64 {
	req := []byte("GET " + path + " HTTP/1.1\r\nHost: " + addr + "\r\n\r\n")
	var done atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return
			}
			defer c.Close()
			r := bufio.NewReaderSize(c, 4096)
			for !stop.Load() {
				if _, err := c.Write(req); err != nil {
					return
				}
				if !readResponse(r) {
					return
				}
				done.Add(1)
			}
		}()
	}
	time.Sleep(d)
	stop.Store(true)
	n := done.Load()
	wg.Wait()
	return n
}

var clHeader = []byte("content-length:")

// readResponse reads one response with a Content-Length body.
func readResponse(r *bufio.Reader) bool {
	cl := 0
	for {
		line, err := r.ReadSlice('\n')
		if err != nil {
			return false
		}
		if len(line) <= 2 {
			break
		}
		if len(line) > len(clHeader) && bytes.EqualFold(line[:len(clHeader)], clHeader) {
			cl, _ = strconv.Atoi(string(bytes.TrimSpace(line[len(clHeader):])))
		}
	}
	_, err := io.CopyN(io.Discard, r, int64(cl))
	return err == nil
}

// cpuTicks is the process's user+system time in clock ticks (/proc/pid/stat fields 14 and 15).
func cpuTicks(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	check(err)
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return u + s
}
