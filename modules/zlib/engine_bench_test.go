package zlib

import (
	"math/rand"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is this process's user+system CPU time: on a shared machine MB per CPU second is
// steadier than MB per wall second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, n int, start time.Duration) {
	b.ReportMetric(float64(n)*float64(b.N)/1e6/(cpuTime()-start).Seconds(), "cpuMB/s")
}

// benchText is 8 MiB of words, like bench/js/zlib_*.js.
func benchText() []byte {
	words := strings.Fields("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore")
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	for b.Len() < 8<<20 {
		b.WriteString(words[r.Intn(len(words))])
		if r.Intn(8) == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
}

func BenchmarkGzip(b *testing.B) {
	in := benchText()
	in = in[:len(in)/(16<<10)*(16<<10)]
	b.SetBytes(int64(len(in)))
	defer reportCPU(b, len(in), cpuTime())
	for b.Loop() {
		c, _ := newZCompressor(options{mode: modeGzip, level: -1})
		for p := in; len(p) > 0; p = p[16<<10:] {
			if _, err := c.write(p[:16<<10], zNoFlush); err != nil {
				b.Fatal(err)
			}
		}
		c.write(nil, zFinish)
		c.close()
	}
}

func BenchmarkDeflateLevel(b *testing.B) {
	in := benchText()[:4<<20]
	for _, level := range []int{1, 6, 9} {
		b.Run(strconv.Itoa(level), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			defer reportCPU(b, len(in), cpuTime())
			for b.Loop() {
				c, _ := newZCompressor(options{mode: modeDeflate, level: level})
				if _, err := c.write(in, zFinish); err != nil {
					b.Fatal(err)
				}
				c.close()
			}
		})
	}
}

func BenchmarkGunzip(b *testing.B) {
	in := benchText()
	z := compress(b, modeGzip, in)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	defer reportCPU(b, len(in), cpuTime())
	for b.Loop() {
		out, err := inflateChunks(modeGunzip, z, 64<<10)
		if err != nil || len(out) != len(in) {
			b.Fatal(err, len(out))
		}
	}
}

// BenchmarkGzipSmall is one gzipSync of a small JSON-ish input: mostly stream set-up.
func BenchmarkGzipSmall(b *testing.B) {
	in := []byte(strings.Repeat(`{"id":12345,"name":"gojs","tags":["zlib","deflate","node"],"text":"hello world hello world"}`, 4))
	for b.Loop() {
		c, _ := newZCompressor(options{mode: modeGzip, level: -1})
		if _, err := c.write(in, zFinish); err != nil {
			b.Fatal(err)
		}
		c.close()
	}
}
