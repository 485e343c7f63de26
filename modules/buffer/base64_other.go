//go:build !amd64

package buffer

const haveB64AVX2 = false

func b64encAVX2(dst, src *byte, blocks int, lut *[32]byte) { panic("unreachable") }

func b64decAVX2(dst, src *byte, blocks int) int { panic("unreachable") }

var b64encLUTStd, b64encLUTURL [32]byte
