// Package jstest holds intl's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package intl's own tests: a test binary that has intl's internal tests recompiles every
// package importing intl, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func benchScript(b *testing.B, src string) {
	for i := 0; i < b.N; i++ {
		r := runtimetest.Run(b, src)
		if r.Code != 0 {
			b.Fatal(r.Stderr)
		}
	}
}

func BenchmarkLoadIntl(b *testing.B) { benchScript(b, `Intl;`) }

func BenchmarkNumberFormat(b *testing.B) {
	benchScript(b, `const nf = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
for (let i = 0; i < 2000; i++) nf.format(i * 1.37);`)
}

func BenchmarkDateTimeFormat(b *testing.B) {
	benchScript(b, `const f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' });
for (let i = 0; i < 2000; i++) f.format(i * 1e7);`)
}

func BenchmarkSegmenter(b *testing.B) {
	benchScript(b, `const seg = new Intl.Segmenter(); const str = 'héllo wörld 👍🏽 '.repeat(4);
for (let i = 0; i < 2000; i++) for (const x of seg.segment(str)) x.segment;`)
}

func BenchmarkLocaleCompare(b *testing.B) {
	benchScript(b, `Intl; const words = []; for (let i = 0; i < 2000; i++) words.push('w' + ((i * 7919) % 2000));
words.sort((x, y) => x.localeCompare(y));`)
}

func BenchmarkEmpty(b *testing.B) { benchScript(b, ``) }

func BenchmarkLoadSegmenter(b *testing.B) { benchScript(b, `new Intl.Segmenter().segment('abc');`) }
