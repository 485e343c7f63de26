package dgram_test

import (
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
	"go.uber.org/goleak"
)

// After the sockets close, the polling goroutine has ended and no descriptor is left, while the
// runtime is still running.
func TestNoLeaksAfterClose(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := runtimetest.OpenFDs(t)
	runtimetest.Expect(t, `
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', () => {
  const c = dgram.createSocket('udp4');
  s.on('message', () => {
    c.close();
    s.close(() => setTimeout(() => console.log('ok'), 50));
  });
  c.send('x', s.address().port, '127.0.0.1');
});
`, "ok\n")
	if after := runtimetest.SettleFDs(t, before); after > before {
		t.Errorf("descriptors: %d before, %d after", before, after)
	}
}

// A runtime that exits with bound, receiving and unref'd sockets releases all of them.
func TestRuntimeCloseReleasesSockets(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	before := runtimetest.OpenFDs(t)
	r := runtimetest.Run(t, `
const dgram = require('dgram');
const socks = [];
for (let i = 0; i < 10; i++) {
  const s = dgram.createSocket(i % 2 ? 'udp4' : 'udp6');
  s.bind(0);
  if (i === 3) s.unref();
  socks.push(s);
}
setTimeout(() => { console.log('exiting'); process.exit(0); }, 50);
`)
	if r.Code != 0 || !strings.Contains(r.Stdout, "exiting") {
		t.Fatalf("code %d err %v stdout %q stderr %q", r.Code, r.Err, r.Stdout, r.Stderr)
	}
	if after := runtimetest.SettleFDs(t, before); after > before {
		t.Errorf("descriptors: %d before, %d after", before, after)
	}
}
