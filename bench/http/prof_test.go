package http_test

import (
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/runtime"
)

// TestProfileServer runs bench/http/hello.js in-process under wrk for a few seconds, so that
// `go test -run ProfileServer -cpuprofile` shows where the server spends its time. It is skipped
// unless GOJS_HTTP_PROF is set and wrk is installed.
func TestProfileServer(t *testing.T) {
	if os.Getenv("GOJS_HTTP_PROF") == "" {
		t.Skip("set GOJS_HTTP_PROF=1")
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		t.Skip("no wrk")
	}
	src, err := os.ReadFile("hello.js")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll,
		Env: map[string]string{"PORT": "18090"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go rt.RunScript(ctx, "hello.js", string(src))
	for i := 0; i < 100; i++ { // wait until it listens
		if c, err := net.Dial("tcp", "127.0.0.1:18090"); err == nil {
			c.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The JS profile starts once the server listens: start-up (compiling the glue) stays out.
	if p := os.Getenv("JSPROF"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		goja.StartProfile(f)
		defer goja.StopProfile()
	}
	conns := "64"
	if c := os.Getenv("CONNS"); c != "" {
		conns = c
	}
	out, _ := exec.Command("wrk", "-t2", "-c"+conns, "-d5s", "http://127.0.0.1:18090"+os.Getenv("BPATH")).CombinedOutput()
	t.Log(string(out))
	if os.Getenv("MEMCLASSES") != "" { // where the process's memory is, just after the load
		var ss []metrics.Sample
		for _, d := range metrics.All() {
			if strings.HasPrefix(d.Name, "/memory/classes/") && d.Kind == metrics.KindUint64 {
				ss = append(ss, metrics.Sample{Name: d.Name})
			}
		}
		metrics.Read(ss)
		for _, s := range ss {
			t.Logf("%-50s %8.2f MB", s.Name, float64(s.Value.Uint64())/(1<<20))
		}
	}
	cancel()
	rt.Close()
}
