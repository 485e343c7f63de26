package bench

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkNetStreamCost runs bench/js/net_stream_fixed.js (4 connections streaming 64 KiB
// writes, both ends in this process) and reports, per MB, the Go heap allocations (objects and
// bytes), the collections, and the CPU time (user and system apart, all threads), from the
// differences between a short run and a long one (set-up and tear-down cancel out). Allocations
// and collections do not depend on the machine's load, CPU time far less than wall time:
//
//	go test ./bench/ -run XXX -bench NetStreamCost -benchtime 3x
func BenchmarkNetStreamCost(b *testing.B) {
	script, err := filepath.Abs("js/net_stream_fixed.js")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(script)
	if err != nil {
		b.Fatal(err)
	}
	reportCostPerMB(b, script, string(src), nil, 200, 1200)
}
