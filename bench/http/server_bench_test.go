package http_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

var startOnce sync.Once

// startServer runs hello.js in-process (once per test binary) on port 18095.
func startServer(b *testing.B) {
	startOnce.Do(func() {
		src, _ := os.ReadFile("hello.js")
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll,
			Env: map[string]string{"PORT": "18095"}})
		if err != nil {
			b.Fatal(err)
		}
		go rt.RunScript(context.Background(), "hello.js", string(src))
		for i := 0; i < 600; i++ { // up to 30 s: a loaded machine, or a memory profile, is slow
			if c, err := net.Dial("tcp", "127.0.0.1:18095"); err == nil {
				c.Close()
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// BenchmarkHello drives the in-process hello.js server with 16 keep-alive connections from a Go
// client (no wrk needed), one request in flight per connection; BPATH=/json picks the JSON
// endpoint. Besides ns/op (wall time per request over all connections) it reports cpu-us/op,
// the process's CPU time per request (server and client together), and with -benchmem the
// allocations per request. Profile it with -cpuprofile (run the test binary from /tmp).
func BenchmarkHello(b *testing.B) {
	startServer(b)
	path := os.Getenv("BPATH")
	if path == "" {
		path = "/"
	}
	req := []byte("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:18095\r\n\r\n")
	const conns = 16
	var wg sync.WaitGroup
	per := b.N/conns + 1
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(0, &ru0)
	b.ResetTimer()
	for c := 0; c < conns; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cn, err := net.Dial("tcp", "127.0.0.1:18095")
			if err != nil {
				b.Error(err)
				return
			}
			defer cn.Close()
			r := bufio.NewReader(cn)
			for i := 0; i < per; i++ {
				cn.Write(req)
				cl := 0
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						b.Error(err)
						return
					}
					if line == "\r\n" {
						break
					}
					if strings.HasPrefix(line, "Content-Length: ") {
						cl, _ = strconv.Atoi(strings.TrimSpace(line[16:]))
					}
				}
				io.CopyN(io.Discard, r, int64(cl))
			}
		}()
	}
	wg.Wait()
	syscall.Getrusage(0, &ru1)
	cpu := (ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	b.ReportMetric(float64(cpu)/float64(per*conns)/1000, "cpu-us/op")
}
