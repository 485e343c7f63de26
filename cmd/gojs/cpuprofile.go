package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startCPUProfile writes a CPU profile of the whole run to the file GOJS_CPUPROFILE names, for
// finding where a start or a first require spends its time (go tool pprof -top gojs file). A
// run of a few milliseconds gets few samples at pprof's 100 Hz: merge the profiles of many runs
// (go tool pprof -top gojs p1 p2 ...). The returned function ends the profile; it does nothing
// when the variable is unset. (Only the command reads the environment; an embedder profiles
// its own program.)
func startCPUProfile() (stop func()) {
	path := os.Getenv("GOJS_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gojs: GOJS_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "gojs: GOJS_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
