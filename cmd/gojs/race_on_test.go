//go:build race

package main

// raceBuild tells the golden harness that this test binary has the race detector.
const raceBuild = true
