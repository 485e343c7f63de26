package util

import "testing"

func benchInspect(b *testing.B, setup string) {
	r := newTestRuntime(b)
	r.run(b, "var util = require('util');"+setup)
	fn := r.run(b, "(function () { return util.inspect(o); })")
	call, _ := assertFn(fn)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		call(nil)
	}
}

func BenchmarkInspectSmall(b *testing.B) {
	benchInspect(b, "var o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };")
}

func BenchmarkInspect1000Keys(b *testing.B) {
	benchInspect(b, `var o = {};
for (let i = 0; i < 1000; i++) {
  o['key' + i] = { id: i, name: 'item ' + i, tags: ['a', 'b', i], nested: { deep: { deeper: i } } };
}`)
}
