package buffer

// widenBytes zero-extends n bytes (a multiple of 16) from src into n units at dst (SSE2, part of
// every amd64 CPU). It is most of toString('latin1').
//
//go:noescape
func widenBytes(dst *uint16, src *byte, n int)

const haveWiden = true
