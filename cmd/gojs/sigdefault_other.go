//go:build !(linux && (amd64 || arm64))

package main

import "syscall"

// lazySignals: elsewhere every delivered signal is registered at start (there is no way here to
// give SIGUSR2 node's default without it).
const lazySignals = false

func nodeDefaults() bool { return false }

func setDefault(sig syscall.Signal) bool { return false }

func restoreGoHandler(sig syscall.Signal) {}
