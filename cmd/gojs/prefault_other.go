//go:build !linux || race

package main

// startPrefault does nothing here (see prefault_linux.go; a race build reads no heap memory it
// does not own).
func startPrefault() {}
