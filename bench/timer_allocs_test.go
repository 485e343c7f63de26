package bench

import "testing"

// BenchmarkTimerAllocs reports what scheduling a timer or an immediate allocates, beside the
// arrow function alone (goja's closure is most of a pending timer's memory).
func BenchmarkTimerAllocs(b *testing.B) {
	for _, c := range []struct{ name, setup, expr string }{
		{"Arrow", "", "() => {}"},
		{"SetTimeoutF", "const f = () => {};", "setTimeout(f, 0)"},
		{"SetTimeoutArrow", "", "setTimeout(() => {}, 0)"},
		{"SetImmediateF", "const f = () => {};", "setImmediate(f)"},
	} {
		b.Run(c.name, func(b *testing.B) { allocsPerEval(b, c.setup, c.expr) })
	}
}
