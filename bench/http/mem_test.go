package http_test

import (
	"context"
	"io"
	"net"
	"os"
	goruntime "runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// liveHeap is the heap's live bytes after two collections.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	goruntime.GC()
	goruntime.GC()
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestIdleConnMemory measures the heap an idle keep-alive connection of the hello.js server
// holds: it warms the server up, then opens CONNS (default 1000) connections that each make
// two requests and stay open, and reports the growth of the live heap per connection (the
// client's own sockets, a few hundred bytes each, are included). Then the clients all close at
// once, as wrk's do at the end of a run, and it reports what the server allocated handling the
// closes. HEAPPROF=prefix writes heap profiles before (prefix0.out), with the connections
// (prefix1.out) and after the closes (prefix2.out) for `go tool pprof -base`. Skipped unless
// GOJS_HTTP_MEM is set.
func TestIdleConnMemory(t *testing.T) {
	if os.Getenv("GOJS_HTTP_MEM") == "" {
		t.Skip("set GOJS_HTTP_MEM=1")
	}
	prof := os.Getenv("HEAPPROF")
	if prof != "" {
		goruntime.MemProfileRate = 512
	}
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("CONNS")); err == nil && v > 0 {
		n = v
	}
	src, err := os.ReadFile("hello.js")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll,
		Env: map[string]string{"PORT": "18096"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); rt.Close() }()
	go rt.RunScript(ctx, "hello.js", string(src))
	const addr = "127.0.0.1:18096"
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	req := []byte("GET " + os.Getenv("BPATH") + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	buf := make([]byte, 4096)
	one := func(c net.Conn) {
		if _, err := c.Write(req); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Read(buf); err != nil {
			t.Fatal(err)
		}
	}
	writeProf := func(name string) {
		if prof == "" {
			return
		}
		f, err := os.Create(prof + name)
		if err != nil {
			t.Fatal(err)
		}
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
	for i := 0; i < 50; i++ { // the paths' lazy parts are made before the first measurement
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		one(c)
		one(c)
		c.Close()
	}
	time.Sleep(200 * time.Millisecond)
	h0 := liveHeap()
	writeProf("0.out")
	conns := make([]net.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		one(c)
		one(c)
	}
	time.Sleep(200 * time.Millisecond)
	h1 := liveHeap()
	writeProf("1.out")
	t.Logf("live heap %.2f MB, with %d idle keep-alive connections %.2f MB: %.0f bytes per connection",
		float64(h0)/(1<<20), n, float64(h1)/(1<<20), float64(h1-h0)/float64(n))
	// Then all the clients close at once, as wrk does at the end of a run: what the server
	// allocates while it handles the closes (written to prefix2.out; diff against prefix1.out
	// with -sample_index=alloc_space).
	a := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(a)
	a0 := a[0].Value.Uint64()
	for _, c := range conns {
		c.Close()
	}
	conns = nil
	time.Sleep(500 * time.Millisecond)
	metrics.Read(a)
	goruntime.GC() // (a heap profile's allocations are those up to the last cycle)
	writeProf("2.out")
	t.Logf("closing them allocated %.2f MB: %.0f bytes per connection", float64(a[0].Value.Uint64()-a0)/(1<<20),
		float64(a[0].Value.Uint64()-a0)/float64(n))
}
