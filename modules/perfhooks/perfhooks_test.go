package perfhooks_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestMarksMeasuresObserver(t *testing.T) {
	runtimetest.Expect(t, `
const { performance, PerformanceObserver } = require('perf_hooks');
const seen = [];
const obs = new PerformanceObserver((list) => { seen.push(...list.getEntries().map((e) => e.entryType + ':' + e.name)); obs.disconnect(); });
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a', { startTime: 1 });
performance.mark('b', { startTime: 4 });
const m = performance.measure('a-b', 'a', 'b');
const t0 = performance.now();
setImmediate(() => {
  process.stdout.write([m.duration, performance.getEntries().length, seen.join(' '), performance.now() >= t0].join(',') + '\n');
});
`, "3,3,mark:a measure:a-b mark:b,true\n")
}
