package punycode_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestRoundTrips(t *testing.T) {
	runtimetest.Expect(t, `
const p = require('punycode');
const out = [p.encode('mañana'), p.decode('maana-pta'), p.toASCII('a@mañana.com'), p.toUnicode('xn--maana-pta.com'),
  JSON.stringify(p.ucs2.decode('😀a')), p.ucs2.encode([0x1F600, 97])];
for (const f of [() => p.decode('ü'), () => p.decode('a-99999999')]) {
  try { f(); } catch (e) { out.push(e.name + ': ' + e.message); }
}
process.stdout.write(out.join('\n') + '\n');
`, `maana-pta
mañana
a@xn--maana-pta.com
mañana.com
[128512,97]
😀a
RangeError: Invalid input
RangeError: Overflow: input needs wider integers to process
`)
}
