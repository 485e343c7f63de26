package main

import "testing"

func TestGrowthPolicy(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		prev, live, allocated uint64
		want                  bool
	}{
		{0, 15 * mib, 20 * mib, false},          // small heap: a server's, or any start
		{15 * mib, 79 * mib, 68 * mib, true},    // 64 of 68 MiB survived
		{13 * mib, 60 * mib, 50 * mib, true},    // the second collection of a program building from the start
		{14 * mib, 26 * mib, 13 * mib, true},    // the same at GOGC 100 (the start-up window ended first)
		{5 * mib, 11 * mib, 6 * mib, false},     // a server's heap is below the floor
		{12 * mib, 20 * mib, 8 * mib, false},    // still below it
		{15 * mib, 79 * mib, 200 * mib, false},  // most of it was garbage
		{400 * mib, 300 * mib, 50 * mib, false}, // shrinking
		{79 * mib, 79 * mib, 0, false},          // nothing allocated since
	} {
		if got := building(c.prev, c.live, c.allocated); got != c.want {
			t.Errorf("building(%d, %d, %d MiB) = %v, want %v", c.prev/mib, c.live/mib, c.allocated/mib, got, c.want)
		}
	}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{32 * mib, 400},   // 4x headroom
		{64 * mib, 400},   // 4x headroom
		{96 * mib, 600},   // 6x: in proportion to the live heap above 64 MiB
		{181 * mib, 665},  // 1 GiB beyond GOGC 100's 181: the bound from 128 MiB
		{256 * mib, 500},  // 1 GiB beyond GOGC 100's 256
		{512 * mib, 300},  // 1 GiB beyond GOGC 100's 512
		{4096 * mib, 125}, // a large heap gets little more than GOGC 100
	} {
		if got := growthGCPercent(c.live); got != c.want {
			t.Errorf("growthGCPercent(%d MiB) = %d, want %d", c.live/mib, got, c.want)
		}
	}
}
