package v8_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestRoundTrip(t *testing.T) {
	runtimetest.Expect(t, `
const v8 = require('v8');
const o = { s: 'x€', n: -0, a: [1, , 3], m: new Map([[1, new Set([2])]]), d: new Date(5), b: Buffer.from('hi'), big: -(2n ** 80n) };
o.self = o;
const c = v8.deserialize(v8.serialize(o));
console.log(c.self === c, Object.is(c.n, -0), 1 in c.a, c.m.get(1).has(2), c.d.getTime(), c.b.toString(), c.big === o.big, c.s);
`, "true true false true 5 hi true x€\n")
}

func TestHeapStatistics(t *testing.T) {
	runtimetest.Expect(t, `
const h = require('v8').getHeapStatistics();
console.log(h.used_heap_size > 0 && h.total_heap_size >= h.used_heap_size && h.heap_size_limit > 0);
`, "true\n")
}
