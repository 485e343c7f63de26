package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkTLSStreamCost runs bench/js/tls_stream_fixed.js in this process (in 64 KiB writes, and
// in 1 KiB ones) and reports, per MB
// sent through TLS (one encryption and one decryption, both in this process), the Go heap
// allocations (objects and bytes) and the CPU time (user and system, all threads), from the
// differences between a short run and a long one (so set-up, handshakes and tear-down cancel
// out). Allocations do not depend on the machine's load and CPU time far less than wall time,
// so a change in the bulk path shows on a busy machine:
//
//	go test ./bench/ -run XXX -bench TLSStreamCost -benchtime 3x
func BenchmarkTLSStreamCost(b *testing.B) {
	script, err := filepath.Abs("js/tls_stream_fixed.js")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(script)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name        string
		chunk       int
		short, long int
	}{{"64KiB", 64 << 10, 20, 200}, {"1KiB", 1 << 10, 4, 40}} {
		b.Run(c.name, func(b *testing.B) {
			reportCostPerMB(b, script, string(src), map[string]string{"CHUNK": strconv.Itoa(c.chunk)}, c.short, c.long)
		})
	}
}
