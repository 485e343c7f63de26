package crypto

import (
	"crypto/cipher"
	"encoding/binary"
	"math/bits"
	"strconv"
	"sync"
)

// SM4 (GB/T 32907-2016), the 128-bit block cipher OpenSSL offers as sm4-*, written from the
// standard. The S-box is built from its algebraic form: an affine map, inversion in GF(2^8)
// modulo x^8+x^7+x^6+x^5+x^4+x^2+1, and the affine map again.

var sm4Sbox [256]byte

// buildSM4Sbox builds the tables on first use, not at every process start.
var sm4Once sync.Once

func buildSM4Sbox() {
	mul := func(a, b byte) byte {
		var r uint16
		x, y := uint16(a), uint16(b)
		for ; y > 0; y >>= 1 {
			if y&1 != 0 {
				r ^= x
			}
			x <<= 1
			if x&0x100 != 0 {
				x ^= 0x1f5
			}
		}
		return byte(r)
	}
	var inv [256]byte
	for a := 1; a < 256; a++ {
		for b := 1; b < 256; b++ {
			if mul(byte(a), byte(b)) == 1 {
				inv[a] = byte(b)
				break
			}
		}
	}
	// the affine map: output bit 7-i is the parity of x AND (0xd3 rotated right by i), plus 0xd3
	affine := func(x byte) byte {
		var r byte
		for i := 0; i < 8; i++ {
			r |= byte(bits.OnesCount8(x&bits.RotateLeft8(0xd3, -i))&1) << (7 - i)
		}
		return r ^ 0xd3
	}
	for x := 0; x < 256; x++ {
		sm4Sbox[x] = affine(inv[affine(byte(x))])
	}
}

var sm4FK = [4]uint32{0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc}

func sm4Tau(a uint32) uint32 {
	return uint32(sm4Sbox[a>>24])<<24 | uint32(sm4Sbox[a>>16&0xff])<<16 | uint32(sm4Sbox[a>>8&0xff])<<8 | uint32(sm4Sbox[a&0xff])
}

type sm4Cipher struct{ rk [32]uint32 }

type sm4KeySizeError int

func (k sm4KeySizeError) Error() string { return "sm4: invalid key size " + strconv.Itoa(int(k)) }

func newSM4(key []byte) (cipher.Block, error) {
	sm4Once.Do(buildSM4Sbox)
	if len(key) != 16 {
		return nil, sm4KeySizeError(len(key))
	}
	c := &sm4Cipher{}
	var k [36]uint32
	for i := 0; i < 4; i++ {
		k[i] = binary.BigEndian.Uint32(key[4*i:]) ^ sm4FK[i]
	}
	for i := 0; i < 32; i++ {
		var ck uint32
		for j := 0; j < 4; j++ {
			ck = ck<<8 | uint32(byte((4*i+j)*7))
		}
		b := sm4Tau(k[i+1] ^ k[i+2] ^ k[i+3] ^ ck)
		k[i+4] = k[i] ^ b ^ bits.RotateLeft32(b, 13) ^ bits.RotateLeft32(b, 23)
		c.rk[i] = k[i+4]
	}
	return c, nil
}

func (c *sm4Cipher) BlockSize() int { return 16 }

func (c *sm4Cipher) crypt(dst, src []byte, dec bool) {
	var x [4]uint32
	for i := range x {
		x[i] = binary.BigEndian.Uint32(src[4*i:])
	}
	for i := 0; i < 32; i++ {
		rk := c.rk[i]
		if dec {
			rk = c.rk[31-i]
		}
		b := sm4Tau(x[1] ^ x[2] ^ x[3] ^ rk)
		t := x[0] ^ b ^ bits.RotateLeft32(b, 2) ^ bits.RotateLeft32(b, 10) ^ bits.RotateLeft32(b, 18) ^ bits.RotateLeft32(b, 24)
		x[0], x[1], x[2], x[3] = x[1], x[2], x[3], t
	}
	for i := range x {
		binary.BigEndian.PutUint32(dst[4*i:], x[3-i])
	}
}

func (c *sm4Cipher) Encrypt(dst, src []byte) { c.crypt(dst, src, false) }
func (c *sm4Cipher) Decrypt(dst, src []byte) { c.crypt(dst, src, true) }
