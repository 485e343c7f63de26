package bench

import "testing"

// BenchmarkChildStdout: a child's stdout streamed to the parent, `head -c 100M /dev/zero` read
// through child.stdout's 'data' events (MB/s; higher is better), side by side with node. Run with:
//
//	go test ./bench/ -run XXX -bench ChildStdout -benchtime 1x
func BenchmarkChildStdout(b *testing.B) { compare(b, "js/child_process_stdout.js", "MB/s") }
