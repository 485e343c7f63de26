//go:build !linux

package early

func cloexecInherited() {}
