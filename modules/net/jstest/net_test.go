// Package jstest holds net's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package net's own tests: a test binary that has net's internal tests recompiles every
// package importing net, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"os"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
	"go.uber.org/goleak"
)

const echoScript = `
const net = require('net');
const N = 100;
let closed = 0;
const server = net.createServer((s) => s.pipe(s));
server.listen(0, '127.0.0.1', () => {
  for (let i = 0; i < N; i++) {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.end('x'.repeat(1000)));
    c.resume();
    c.on('close', () => { if (++closed === N) server.close(() => console.log('ok')); });
  }
});
`

// After servers and sockets close, no goroutine and no descriptor is left behind.
func TestNoLeaksAfterClose(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := runtimetest.OpenFDs(t)
	runtimetest.Expect(t, echoScript, "ok\n")
	if after := runtimetest.SettleFDs(t, before); after > before {
		t.Errorf("descriptors: %d before, %d after", before, after)
	}
}

// A runtime that exits with servers, connected sockets, paused readers, pending connects and
// writes in flight releases all of them.
func TestRuntimeCloseReleasesHandles(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := runtimetest.OpenFDs(t)
	r := runtimetest.Run(t, `
const net = require('net');
const server = net.createServer((s) => { s.pause(); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const socks = [];
  for (let i = 0; i < 20; i++) socks.push(net.connect(port, '127.0.0.1'));
  socks[0].on('connect', () => {
    socks[0].write(Buffer.alloc(8 << 20));  // more than the kernel buffers: a write stays in flight
    setTimeout(() => { console.log('exiting'); process.exit(0); }, 100);
  });
});
`)
	if r.Code != 0 || !strings.Contains(r.Stdout, "exiting") {
		t.Fatalf("code %d err %v stdout %q stderr %q", r.Code, r.Err, r.Stdout, r.Stderr)
	}
	if after := runtimetest.SettleFDs(t, before); after > before {
		ents, _ := os.ReadDir("/proc/self/fd")
		for _, e := range ents {
			l, _ := os.Readlink("/proc/self/fd/" + e.Name())
			t.Log(e.Name(), l)
		}
		t.Errorf("descriptors: %d before, %d after", before, after)
	}
}

// A paused socket does not read: the peer's writes back up instead of filling gojs's memory.
func TestPausedSocketDoesNotRead(t *testing.T) {
	runtimetest.Expect(t, `
const net = require('net');
const server = net.createServer((s) => {
  s.pause();
  setTimeout(() => {
    console.log(s.bytesRead <= 128 * 1024, s.readableLength <= 128 * 1024);
    s.destroy();
    client.destroy();
    server.close();
  }, 300);
});
let client;
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1', () => {
    const chunk = Buffer.alloc(1 << 20);
    for (let i = 0; i < 64; i++) client.write(chunk);
  });
  client.on('error', () => {});
});
`, "true true\n")
}

// Errors from Go-side operations carry Node's shape.
func TestConnectRefusedShape(t *testing.T) {
	runtimetest.Expect(t, `
const net = require('net');
const s = net.createServer().listen(0, '127.0.0.1', () => {
  const port = s.address().port;
  s.close(() => {
    net.connect(port, '127.0.0.1').on('error', (e) => {
      console.log(e.code, e.errno, e.syscall, e.address, e.port === port);
    });
  });
});
`, "ECONNREFUSED -111 connect 127.0.0.1 true\n")
}

// The permission hook: listen and connect ask the host ("host:port") first.
func TestNetPermission(t *testing.T) {
	r := runtimetest.Run(t, `
const net = require('net');
const s = net.createServer();
s.on('error', (e) => console.log('listen', e.code, e.permission, e.resource));
s.listen(0, '127.0.0.1');
const c = net.connect(80, '127.0.0.2');
c.on('error', (e) => console.log('connect', e.code, e.resource));
const ok = net.createServer().listen(0, '127.0.0.3', function() { console.log('allowed'); this.close(); });
`, func(o *runtime.Options) {
		o.Permissions = &runtime.Permissions{Net: []string{"127.0.0.3:*"}, Env: []string{"*"}}
	})
	want := "listen ERR_ACCESS_DENIED Net 127.0.0.1:0\nconnect ERR_ACCESS_DENIED 127.0.0.2:80\nallowed\n"
	if r.Stdout != want {
		t.Errorf("got %q (stderr %q), want %q", r.Stdout, r.Stderr, want)
	}
}

// Bytes handed to JS in a read chunk stay as they were read for as long as anything can reach
// them (the Buffer, a slice or view of it, its ArrayBuffer moved by a transfer), while the
// stream goes on and collections recycle the chunks nothing reaches any more.
func TestReadChunksNotReusedWhileReachable(t *testing.T) {
	r := runtimetest.Run(t, `
const net = require('net');
const at = (p) => p % 251;
const src = Buffer.alloc(251 * 4096).fill(Buffer.from(Array.from({ length: 251 }, (_, i) => at(i))));
const TOTAL = 16 * src.length;
const kept = [];
let got = 0, n = 0;
const server = net.createServer((s) => {
  s.on('data', (d) => {
    const start = got;
    got += d.length;
    if (++n % 5 === 0) {
      switch (n % 4) {
        case 0: kept.push([start, d]); break;
        case 1: kept.push([start + 100, d.subarray(100, 300)]); break;
        case 2: kept.push([start + 10, new Uint8Array(d.buffer, d.byteOffset + 10, 64)]); break;
        default: {
          const ab = structuredClone(d.buffer, { transfer: [d.buffer] });
          kept.push([start - d.byteOffset, new Uint8Array(ab)]);
        }
      }
    }
    if (n % 50 === 0) gc();
  });
  s.on('end', () => {
    gc();
    let bad = 0;
    for (const [start, b] of kept) {
      for (let i = 0; i < b.length; i += 97) if (b[i] !== at(start + i)) bad++;
    }
    console.log(got === TOTAL, kept.length > 30, bad);
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  const pump = () => {
    while (sent < TOTAL) {
      sent += src.length;
      if (!c.write(src)) return;
    }
    c.end();
  };
  c.on('drain', pump);
  pump();
});
`, func(o *runtime.Options) { o.ExecArgv = []string{"--expose-gc"} })
	if want := "true true 0\n"; r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d, stdout %q, want %q; stderr %s", r.Code, r.Stdout, want, r.Stderr)
	}
}
