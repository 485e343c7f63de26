//go:build !linux

package util

// uvErrors is nil off Linux: the errno numbers differ there, and the syscall table is used.
var uvErrors []uvError
