//go:build !linux

package main

// trimBinary does nothing here (see trim_linux.go).
func trimBinary() {}
