//go:build !linux

package early

import "unsafe"

func startHugeHeap() {}

// HugeHeap advises the start-up heap for huge pages on Linux; elsewhere it does nothing.
func HugeHeap() {}

// GrowthAdvice reports whether AdviseHeapGrowth does anything: never outside Linux.
func GrowthAdvice() bool { return false }

// AdviseHeapGrowth advises the growing heap on Linux; elsewhere it does nothing.
func AdviseHeapGrowth(span uintptr, huge bool) {}

// AdviseHuge advises memory for huge pages on Linux; elsewhere it does nothing.
func AdviseHuge(p unsafe.Pointer, n uintptr) {}
