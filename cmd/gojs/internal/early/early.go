// Package early does the gojs command's process set-up that must come before every other
// package's initialisation. On linux/amd64 it imports nothing but package runtime (it makes its
// system calls itself: sys_linux_amd64.go), so Go initialises it right after the runtime, ahead of
// the ~190 packages the command links (the order is by import path among the packages whose
// imports are ready; with package syscall, whose path sorts late, ~10 came first).
package early

import "runtime"

func init() {
	// No heap profile is ever written (gojs has no flag for one), so sampling allocations for it
	// only costs: each sample unwinds the stack (faulting in pages of the function tables) and
	// keeps a bucket, and the deep stacks of goja's interpreter make megabytes of them in a
	// long-running server. Turned off here rather than in main so that package initialisation,
	// which allocates too, is not sampled either.
	runtime.MemProfileRate = 0
	cloexecInherited()
	limitFaultAround()
	prefaultStart()
	startHugeHeap()
	GrowStack()
}

// startStack is the stack a goroutine that compiles or runs JavaScript (the main goroutine:
// package initialisation, then the script's loop; the prewarm compiles) grows to on a plain
// start. A goroutine starts with a 2 KiB stack and doubles it each time it runs out; each
// doubling copies the stack and walks every frame on it, which reads the function tables of
// each function on the stack and so faults in pages of the binary that nothing else needs.
// Growing it once at the goroutine's start, with a few frames on the stack, is cheaper than four
// doublings under the deep call chains of initialisation and goja's compiler.
const startStack = 32 << 10

// GrowStack grows the calling goroutine's stack to startStack at once. Call it first thing in
// a goroutine that will compile or run JavaScript.
//
//go:noinline
func GrowStack() {
	var pad [startStack / 2]byte
	sink(&pad)
}

//go:noinline
func sink(*[startStack / 2]byte) {}
