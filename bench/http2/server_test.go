// Package http2 benchmarks gojs's HTTP/2 server in-process: hello.js's server side, driven by a
// Go client that speaks raw frames (x/net/http2's Framer and HPACK), so that the numbers are the
// server's and not a client library's.
package http2

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	goruntime "runtime"
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"

	"github.com/gojs-dev/gojs/runtime"
)

// serverJS is hello.js's server.
const serverJS = `const http2 = require('http2');
const server = http2.createServer();
server.on('stream', (stream) => {
  stream.respond({ ':status': 200, 'content-type': 'text/plain' });
  stream.end('Hello, World!');
});
server.listen(+process.env.PORT, '127.0.0.1');
`

// serve runs hello.js's server on a free port in a runtime of this process until ctx ends,
// and returns the port.
func serve(tb testing.TB, ctx context.Context) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: runtime.AllowAll,
		Env: map[string]string{"PORT": port}})
	if err != nil {
		tb.Fatal(err)
	}
	go func() {
		<-ctx.Done()
		rt.Close()
	}()
	go rt.RunScript(context.Background(), "server.js", serverJS)
	for i := 0; i < 600; i++ {
		if c, err := net.Dial("tcp", "127.0.0.1:"+port); err == nil {
			c.Close()
			return port
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatal("server did not start")
	return ""
}

// load makes n GET requests over one h2c connection, inflight streams at a time, and reads
// every response to its END_STREAM.
func load(tb testing.TB, port string, n, inflight int) {
	c, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		tb.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, http2.ClientPreface); err != nil {
		tb.Fatal(err)
	}
	fr := http2.NewFramer(c, c)
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	if err := fr.WriteSettings(); err != nil {
		tb.Fatal(err)
	}
	// the connection's receive window made large, so that no WINDOW_UPDATE is needed
	if err := fr.WriteWindowUpdate(0, 1<<30); err != nil {
		tb.Fatal(err)
	}
	var hbuf bytes.Buffer
	enc := hpack.NewEncoder(&hbuf)
	next := uint32(1)
	send := func() {
		hbuf.Reset()
		for _, f := range [...]hpack.HeaderField{{Name: ":method", Value: "GET"}, {Name: ":scheme", Value: "http"},
			{Name: ":authority", Value: "127.0.0.1:" + port}, {Name: ":path", Value: "/"}} {
			enc.WriteField(f)
		}
		if err := fr.WriteHeaders(http2.HeadersFrameParam{StreamID: next, BlockFragment: hbuf.Bytes(),
			EndStream: true, EndHeaders: true}); err != nil {
			tb.Fatal(err)
		}
		next += 2
	}
	sent, done := 0, 0
	for ; sent < inflight && sent < n; sent++ {
		send()
	}
	for done < n {
		f, err := fr.ReadFrame()
		if err != nil {
			tb.Fatal(err)
		}
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				fr.WriteSettingsAck()
			}
		case *http2.PingFrame:
			if !f.IsAck() {
				fr.WritePing(true, f.Data)
			}
		case *http2.GoAwayFrame:
			tb.Fatalf("GOAWAY %v", f.ErrCode)
		case *http2.RSTStreamFrame:
			if f.ErrCode != http2.ErrCodeNo {
				tb.Fatalf("RST_STREAM %v", f.ErrCode)
			}
		}
		if f.Header().Flags.Has(http2.FlagDataEndStream) && (f.Header().Type == http2.FrameData || f.Header().Type == http2.FrameHeaders) {
			done++
			if sent < n {
				send()
				sent++
			}
		}
	}
	fr.WriteGoAway(0, http2.ErrCodeNo, nil)
}

// BenchmarkServerHello drives hello.js's HTTP/2 server in-process with 50 streams in flight
// over one connection, and reports the process's CPU time per request (with the client's, which
// is small) and the Go heap allocations per request (from MemStats deltas, which do not depend
// on the machine's load):
//
//	go test ./bench/http2 -run XXX -bench ServerHello -benchtime 5000x
func BenchmarkServerHello(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	port := serve(b, ctx)
	load(b, port, 2000, 50) // warm up
	// JSPROF=file writes a goja (JS) CPU profile of the measured requests.
	if p := os.Getenv("JSPROF"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		goja.StartProfile(f)
		defer goja.StopProfile()
	}
	var ms0, ms1 goruntime.MemStats
	var ru0, ru1 syscall.Rusage
	goruntime.ReadMemStats(&ms0)
	syscall.Getrusage(0, &ru0)
	b.ResetTimer()
	load(b, port, b.N, 50)
	b.StopTimer()
	syscall.Getrusage(0, &ru1)
	goruntime.ReadMemStats(&ms1)
	cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
	b.ReportMetric(float64(cpu)/float64(b.N)/1000, "cpu-us/op")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(b.N), "allocs/req")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N), "B/req")
}
