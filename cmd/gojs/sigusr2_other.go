//go:build !(linux && (amd64 || arm64))

package main

// lazySignals: elsewhere every delivered signal is registered at start (there is no way here to
// give SIGUSR2 node's default without it).
const lazySignals = false

func defaultSIGUSR2() bool { return false }

func restoreSIGUSR2() {}
