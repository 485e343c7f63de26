package buffer

import "golang.org/x/sys/cpu"

// haveB64AVX2 says the AVX2 base64 kernels below may run.
var haveB64AVX2 = cpu.X86.HasAVX2

// b64encAVX2 encodes blocks groups of 24 bytes from src into 32 characters each at dst, with
// the alphabet given by lut (b64encLUTStd or b64encLUTURL). Each block reads 28 bytes of src
// (4 past the 24 it encodes), so the caller leaves that margin.
//
//go:noescape
func b64encAVX2(dst, src *byte, blocks int, lut *[32]byte)

// b64decAVX2 decodes up to blocks groups of 32 characters from src (either alphabet, as
// decodeBase64 does) into 24 bytes each at dst, stopping before the first group that holds a
// character outside both alphabets ('=' and whitespace included). Each group writes 32 bytes
// (8 past the 24 it decodes), so the caller leaves that margin. It returns the groups decoded.
//
//go:noescape
func b64decAVX2(dst, src *byte, blocks int) int

// The translation tables of the encoder: an index's offset to its character, by class (0 for
// 26..51, 1..10 for digits, 11 and 12 for the two last characters, 13 for 0..25), repeated for
// both 128-bit lanes.
var (
	b64encLUTStd = b64encLUT('+', '/')
	b64encLUTURL = b64encLUT('-', '_')
)

func b64encLUT(c62, c63 byte) (t [32]byte) {
	var l [16]byte
	zero := byte('0')
	l[0] = 'a' - 26
	for i := 1; i <= 10; i++ {
		l[i] = zero - 52 // wraps: added modulo 256
	}
	l[11] = c62 - 62
	l[12] = c63 - 63
	l[13] = 'A'
	copy(t[:16], l[:])
	copy(t[16:], l[:])
	return
}
