//go:build !linux

package buffer_test

// cpuTime is not measured here (the benchmarks report 0 for it).
func cpuTime(thread bool) int64 { return 0 }
