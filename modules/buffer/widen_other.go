//go:build !amd64

package buffer

func widenBytes(dst *uint16, src *byte, n int) { panic("unreachable") }

const haveWiden = false
