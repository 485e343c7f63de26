package bench

import (
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// BenchmarkZlibJS runs bench/js/zlib_{gzip,gunzip}.js in-process, for -cpuprofile (the scripts
// print their own MB/s; compare with node through bench/compare or by running them under both).
func BenchmarkZlibJS(b *testing.B) {
	for _, name := range []string{"zlib_gzip", "zlib_gunzip"} {
		src, err := os.ReadFile("js/" + name + ".js")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				r := runtimetest.Run(b, string(src))
				if r.Code != 0 {
					b.Fatal(r.Stderr)
				}
				b.Log(r.Stdout)
			}
		})
	}
}
