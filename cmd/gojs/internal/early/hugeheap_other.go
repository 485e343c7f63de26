//go:build !linux

package early

func startHugeHeap() {}

// HugeHeap advises the start-up heap for huge pages on Linux; elsewhere it does nothing.
func HugeHeap() {}
