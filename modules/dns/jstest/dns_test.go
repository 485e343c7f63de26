// Package jstest holds dns's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package dns's own tests: a test binary that has dns's internal tests recompiles every
// package importing dns, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"net"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
	"go.uber.org/goleak"
)

// localhost and IP literals resolve without the network; a name under .invalid fails with
// Node's getaddrinfo error; nothing is left running afterwards.
func TestLookup(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	runtimetest.Expect(t, `
const dns = require('dns');
dns.lookup('127.0.0.1', { all: true }, (e, a) => {
  console.log(JSON.stringify(a));
  dns.lookup('localhost', 4, (e, a, f) => {
    console.log(e, a, f);
    dns.promises.lookup('nothing-here.invalid').catch((e) => {
      console.log(e.code, e.errno, e.syscall, e.hostname);
    });
  });
});
`, `[{"address":"127.0.0.1","family":4}]
null 127.0.0.1 4
ENOTFOUND -3008 getaddrinfo nothing-here.invalid
`)
}

// A Resolver's cancel() fails its pending queries with ECANCELLED.
func TestResolverCancel(t *testing.T) {
	silent, err := net.ListenPacket("udp", "127.0.0.1:0") // a DNS server that never answers
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	runtimetest.Expect(t, `
const { Resolver } = require('dns');
const r = new Resolver();
r.setServers(['`+silent.LocalAddr().String()+`']);
r.resolve4('example.invalid', (e) => console.log(e.code));
r.cancel();
`, "ECANCELLED\n")
}
