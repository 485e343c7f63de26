package dgram_test

import (
	"strconv"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// BenchmarkPingPong measures one UDP round trip over loopback (send, receive, echo, receive).
func BenchmarkPingPong(b *testing.B) {
	src := `
const dgram = require('dgram');
const N = ` + strconv.Itoa(b.N) + `;
const s = dgram.createSocket('udp4');
s.on('message', (m, r) => s.send(m, r.port, r.address));
s.bind(0, '127.0.0.1', () => {
  const c = dgram.createSocket('udp4');
  const port = s.address().port;
  let n = 0;
  const msg = Buffer.alloc(64);
  c.on('message', () => {
    if (++n === N) { c.close(); s.close(); console.log('ok'); }
    else c.send(msg, port, '127.0.0.1');
  });
  c.send(msg, port, '127.0.0.1');
});
`
	b.ResetTimer()
	runtimetest.Expect(b, src, "ok\n")
}
