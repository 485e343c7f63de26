package buffer

import "testing"

// TestBase64ScalarPaths runs the base64 checks again with the AVX2 kernels off, so the loops
// used on CPUs without AVX2 are tested on this one too.
func TestBase64ScalarPaths(t *testing.T) {
	if !haveB64AVX2 {
		t.Skip("the AVX2 kernels are off already")
	}
	haveB64AVX2 = false
	defer func() { haveB64AVX2 = true }()
	TestEncodeLengths(t)
	TestBase64PairDecode(t)
	TestBase64EveryByte(t)
}
