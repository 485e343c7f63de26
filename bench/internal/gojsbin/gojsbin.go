// Package gojsbin builds the gojs binary the side-by-side benchmarks run against node: the
// release build the README describes (static, without symbol tables).
package gojsbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Build builds ./cmd/gojs into out.
func Build(out string) error {
	_, self, _, _ := runtime.Caller(0)
	b := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./cmd/gojs")
	b.Dir = filepath.Join(filepath.Dir(self), "..", "..", "..")
	b.Env = append(os.Environ(), "CGO_ENABLED=0")
	b.Stderr = os.Stderr
	return b.Run()
}
