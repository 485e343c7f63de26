package net_test

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
