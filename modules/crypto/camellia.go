package crypto

import (
	"crypto/cipher"
	"encoding/binary"
	"math/bits"
	"strconv"
	"sync"
)

// Camellia (RFC 3713), written from the specification: a Feistel network of 18 rounds (128-bit
// keys) or 24 rounds (192/256-bit keys) with the FL/FL⁻¹ layers every six rounds. Decryption is
// encryption with the subkeys in reverse order, so one routine serves both.

// camelliaS1 is SBOX1 of RFC 3713 section 2.4.4; SBOX2..4 are rotations of it.
var camelliaS1 = [256]byte{
	112, 130, 44, 236, 179, 39, 192, 229, 228, 133, 87, 53, 234, 12, 174, 65,
	35, 239, 107, 147, 69, 25, 165, 33, 237, 14, 79, 78, 29, 101, 146, 189,
	134, 184, 175, 143, 124, 235, 31, 206, 62, 48, 220, 95, 94, 197, 11, 26,
	166, 225, 57, 202, 213, 71, 93, 61, 217, 1, 90, 214, 81, 86, 108, 77,
	139, 13, 154, 102, 251, 204, 176, 45, 116, 18, 43, 32, 240, 177, 132, 153,
	223, 76, 203, 194, 52, 126, 118, 5, 109, 183, 169, 49, 209, 23, 4, 215,
	20, 88, 58, 97, 222, 27, 17, 28, 50, 15, 156, 22, 83, 24, 242, 34,
	254, 68, 207, 178, 195, 181, 122, 145, 36, 8, 232, 168, 96, 252, 105, 80,
	170, 208, 160, 125, 161, 137, 98, 151, 84, 91, 30, 149, 224, 255, 100, 210,
	16, 196, 0, 72, 163, 247, 117, 219, 138, 3, 230, 218, 9, 63, 221, 148,
	135, 92, 131, 2, 205, 74, 144, 51, 115, 103, 246, 243, 157, 127, 191, 226,
	82, 155, 216, 38, 200, 55, 198, 59, 129, 150, 111, 75, 19, 190, 99, 46,
	233, 121, 167, 140, 159, 110, 188, 142, 41, 245, 249, 182, 47, 253, 180, 89,
	120, 152, 6, 106, 231, 70, 113, 186, 212, 37, 171, 66, 136, 162, 141, 250,
	114, 7, 185, 85, 248, 238, 172, 10, 54, 73, 42, 104, 60, 56, 241, 164,
	64, 40, 211, 123, 187, 201, 67, 193, 21, 227, 173, 244, 119, 199, 128, 158,
}

// camelliaSbox is byte i's S-box of F: SBOX1, 2, 3, 4, 2, 3, 4, 1 (SBOX2..4 are rotations of
// SBOX1's output or input).
func camelliaSbox(i int, v byte) byte {
	s := &camelliaS1
	switch i {
	case 0, 7:
		return s[v]
	case 1, 4:
		return bits.RotateLeft8(s[v], 1)
	case 2, 5:
		return bits.RotateLeft8(s[v], 7)
	}
	return s[bits.RotateLeft8(v, 1)]
}

// camelliaP is F's byte mixing (the P function) of the eight S-box outputs.
func camelliaP(t [8]byte) uint64 {
	y1 := t[0] ^ t[2] ^ t[3] ^ t[5] ^ t[6] ^ t[7]
	y2 := t[0] ^ t[1] ^ t[3] ^ t[4] ^ t[6] ^ t[7]
	y3 := t[0] ^ t[1] ^ t[2] ^ t[4] ^ t[5] ^ t[7]
	y4 := t[1] ^ t[2] ^ t[3] ^ t[4] ^ t[5] ^ t[6]
	y5 := t[0] ^ t[1] ^ t[5] ^ t[6] ^ t[7]
	y6 := t[1] ^ t[2] ^ t[4] ^ t[6] ^ t[7]
	y7 := t[2] ^ t[3] ^ t[4] ^ t[5] ^ t[7]
	y8 := t[0] ^ t[3] ^ t[4] ^ t[5] ^ t[6]
	return uint64(y1)<<56 | uint64(y2)<<48 | uint64(y3)<<40 | uint64(y4)<<32 |
		uint64(y5)<<24 | uint64(y6)<<16 | uint64(y7)<<8 | uint64(y8)
}

// camelliaSP[i][v] is P applied to S-box i's output for v alone: P is linear, so F is the XOR
// of eight lookups. Built on first use.
var (
	camelliaSP     [8][256]uint64
	camelliaSPOnce sync.Once
)

func buildCamelliaSP() {
	for i := 0; i < 8; i++ {
		for v := 0; v < 256; v++ {
			var t [8]byte
			t[i] = camelliaSbox(i, byte(v))
			camelliaSP[i][v] = camelliaP(t)
		}
	}
}

// camelliaF is the round function F: the S-boxes over the eight bytes of x^k, then P.
func camelliaF(x, k uint64) uint64 {
	x ^= k
	sp := &camelliaSP
	return sp[0][byte(x>>56)] ^ sp[1][byte(x>>48)] ^ sp[2][byte(x>>40)] ^ sp[3][byte(x>>32)] ^
		sp[4][byte(x>>24)] ^ sp[5][byte(x>>16)] ^ sp[6][byte(x>>8)] ^ sp[7][byte(x)]
}

func camelliaFL(x, k uint64) uint64 {
	x1, x2 := uint32(x>>32), uint32(x)
	k1, k2 := uint32(k>>32), uint32(k)
	x2 ^= bits.RotateLeft32(x1&k1, 1)
	x1 ^= x2 | k2
	return uint64(x1)<<32 | uint64(x2)
}

func camelliaFLInv(y, k uint64) uint64 {
	y1, y2 := uint32(y>>32), uint32(y)
	k1, k2 := uint32(k>>32), uint32(k)
	y1 ^= y2 | k2
	y2 ^= bits.RotateLeft32(y1&k1, 1)
	return uint64(y1)<<32 | uint64(y2)
}

// camelliaKeys is one direction's schedule: whitening keys, round keys and FL keys in the order
// they are used.
type camelliaKeys struct {
	kw     [4]uint64
	k      [24]uint64
	ke     [6]uint64
	rounds int
}

type camelliaCipher struct {
	enc, dec camelliaKeys
}

// rot128 rotates the 128-bit value hi||lo left by n bits (0 <= n < 128).
func rot128(hi, lo uint64, n uint) (uint64, uint64) {
	if n >= 64 {
		hi, lo, n = lo, hi, n-64
	}
	if n == 0 {
		return hi, lo
	}
	return hi<<n | lo>>(64-n), lo<<n | hi>>(64-n)
}

type camelliaKeySizeError int

func (e camelliaKeySizeError) Error() string {
	return "crypto/camellia: invalid key size " + strconv.Itoa(int(e))
}

func newCamellia(key []byte) (cipher.Block, error) {
	camelliaSPOnce.Do(buildCamelliaSP)
	var klh, kll, krh, krl uint64
	switch len(key) {
	case 16:
		klh, kll = binary.BigEndian.Uint64(key), binary.BigEndian.Uint64(key[8:])
	case 24:
		klh, kll = binary.BigEndian.Uint64(key), binary.BigEndian.Uint64(key[8:])
		krh = binary.BigEndian.Uint64(key[16:])
		krl = ^krh
	case 32:
		klh, kll = binary.BigEndian.Uint64(key), binary.BigEndian.Uint64(key[8:])
		krh, krl = binary.BigEndian.Uint64(key[16:]), binary.BigEndian.Uint64(key[24:])
	default:
		return nil, camelliaKeySizeError(len(key))
	}
	const (
		sigma1 = 0xA09E667F3BCC908B
		sigma2 = 0xB67AE8584CAA73B2
		sigma3 = 0xC6EF372FE94F82BE
		sigma4 = 0x54FF53A5F1D36F1C
		sigma5 = 0x10E527FADE682D1D
		sigma6 = 0xB05688C2B3E6C1FD
	)
	d1, d2 := klh^krh, kll^krl
	d2 ^= camelliaF(d1, sigma1)
	d1 ^= camelliaF(d2, sigma2)
	d1 ^= klh
	d2 ^= kll
	d2 ^= camelliaF(d1, sigma3)
	d1 ^= camelliaF(d2, sigma4)
	kah, kal := d1, d2
	d1, d2 = kah^krh, kal^krl
	d2 ^= camelliaF(d1, sigma5)
	d1 ^= camelliaF(d2, sigma6)
	kbh, kbl := d1, d2

	// half gives the two 64-bit halves of a 128-bit key variable rotated left by n bits.
	KL, KR, KA, KB := [2]*uint64{&klh, &kll}, [2]*uint64{&krh, &krl}, [2]*uint64{&kah, &kal}, [2]*uint64{&kbh, &kbl}
	half := func(k [2]*uint64, n uint) (uint64, uint64) { return rot128(*k[0], *k[1], n) }
	c := &camelliaCipher{}
	e := &c.enc
	if len(key) == 16 {
		e.rounds = 18
		e.kw[0], e.kw[1] = half(KL, 0)
		e.k[0], e.k[1] = half(KA, 0)
		e.k[2], e.k[3] = half(KL, 15)
		e.k[4], e.k[5] = half(KA, 15)
		e.ke[0], e.ke[1] = half(KA, 30)
		e.k[6], e.k[7] = half(KL, 45)
		e.k[8], _ = half(KA, 45)
		_, e.k[9] = half(KL, 60)
		e.k[10], e.k[11] = half(KA, 60)
		e.ke[2], e.ke[3] = half(KL, 77)
		e.k[12], e.k[13] = half(KL, 94)
		e.k[14], e.k[15] = half(KA, 94)
		e.k[16], e.k[17] = half(KL, 111)
		e.kw[2], e.kw[3] = half(KA, 111)
	} else {
		e.rounds = 24
		e.kw[0], e.kw[1] = half(KL, 0)
		e.k[0], e.k[1] = half(KB, 0)
		e.k[2], e.k[3] = half(KR, 15)
		e.k[4], e.k[5] = half(KA, 15)
		e.ke[0], e.ke[1] = half(KR, 30)
		e.k[6], e.k[7] = half(KB, 30)
		e.k[8], e.k[9] = half(KL, 45)
		e.k[10], e.k[11] = half(KA, 45)
		e.ke[2], e.ke[3] = half(KL, 60)
		e.k[12], e.k[13] = half(KR, 60)
		e.k[14], e.k[15] = half(KB, 60)
		e.k[16], e.k[17] = half(KL, 77)
		e.ke[4], e.ke[5] = half(KA, 77)
		e.k[18], e.k[19] = half(KR, 94)
		e.k[20], e.k[21] = half(KA, 94)
		e.k[22], e.k[23] = half(KL, 111)
		e.kw[2], e.kw[3] = half(KB, 111)
	}
	d := &c.dec
	d.rounds = e.rounds
	d.kw = [4]uint64{e.kw[2], e.kw[3], e.kw[0], e.kw[1]}
	for i := 0; i < e.rounds; i++ {
		d.k[i] = e.k[e.rounds-1-i]
	}
	nfl := e.rounds/3 - 2 // 4 or 6 FL keys
	for i := 0; i < nfl; i++ {
		d.ke[i] = e.ke[nfl-1-i]
	}
	return c, nil
}

func (c *camelliaCipher) BlockSize() int { return 16 }

func (c *camelliaCipher) Encrypt(dst, src []byte) { c.enc.crypt(dst, src) }
func (c *camelliaCipher) Decrypt(dst, src []byte) { c.dec.crypt(dst, src) }

func (s *camelliaKeys) crypt(dst, src []byte) {
	if len(src) < 16 || len(dst) < 16 {
		panic("crypto/camellia: input not full block")
	}
	d1 := binary.BigEndian.Uint64(src) ^ s.kw[0]
	d2 := binary.BigEndian.Uint64(src[8:]) ^ s.kw[1]
	for i := 0; i < s.rounds; i += 2 {
		if i > 0 && i%6 == 0 {
			d1 = camelliaFL(d1, s.ke[i/3-2])
			d2 = camelliaFLInv(d2, s.ke[i/3-1])
		}
		d2 ^= camelliaF(d1, s.k[i])
		d1 ^= camelliaF(d2, s.k[i+1])
	}
	binary.BigEndian.PutUint64(dst, d2^s.kw[2])
	binary.BigEndian.PutUint64(dst[8:], d1^s.kw[3])
}
