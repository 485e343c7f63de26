//go:build !linux

package main

import "os"

// abortProcess ends the process as an abort would be reported (exit code 134).
func abortProcess() { os.Exit(134) }
