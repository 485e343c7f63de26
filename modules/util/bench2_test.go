package util

import "testing"

func BenchmarkInspectArr1(b *testing.B) { benchInspect(b, "var o = [1];") }
