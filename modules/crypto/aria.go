package crypto

import (
	"crypto/cipher"
	"math/bits"
	"strconv"
	"sync"
)

// ARIA (RFC 5794, KS X 1213), written from the specification. Its four S-boxes are built from
// their algebraic definitions: SB1 is x^-1 followed by AES's affine map, SB2 is x^247 followed
// by the affine map (B, 0xe2), in GF(2^8) modulo x^8+x^4+x^3+x+1; SB3 and SB4 are their inverses.

var ariaSB [4][256]byte

// buildARIATables builds the tables on first use, not at every process start.
var ariaOnce sync.Once

func buildARIATables() {
	mul := func(a, b byte) byte {
		var r byte
		for ; b > 0; b >>= 1 {
			if b&1 != 0 {
				r ^= a
			}
			hi := a & 0x80
			a <<= 1
			if hi != 0 {
				a ^= 0x1b
			}
		}
		return r
	}
	pow := func(x byte, e int) byte {
		r := byte(1)
		for ; e > 0; e >>= 1 {
			if e&1 != 0 {
				r = mul(r, x)
			}
			x = mul(x, x)
		}
		return r
	}
	// B's columns: the image of each bit
	bcols := [8]byte{0xac, 0xc5, 0x12, 0xcf, 0x5b, 0x5f, 0x85, 0xee}
	for x := 0; x < 256; x++ {
		inv := pow(byte(x), 254)
		s1 := inv ^ bits.RotateLeft8(inv, 1) ^ bits.RotateLeft8(inv, 2) ^ bits.RotateLeft8(inv, 3) ^ bits.RotateLeft8(inv, 4) ^ 0x63
		v := pow(byte(x), 247)
		s2 := byte(0xe2)
		for i := 0; i < 8; i++ {
			if v>>i&1 != 0 {
				s2 ^= bcols[i]
			}
		}
		ariaSB[0][x], ariaSB[1][x] = s1, s2
		ariaSB[2][s1], ariaSB[3][s2] = byte(x), byte(x)
	}
}

type ariaBlock [16]byte

// sl applies substitution layer 1 (odd rounds: SB1 SB2 SB3 SB4) or 2 (even: SB3 SB4 SB1 SB2).
func (b *ariaBlock) sl(typ int) {
	for i := range b {
		k := i % 4
		if typ == 2 {
			k = (k + 2) % 4
		}
		b[i] = ariaSB[k][b[i]]
	}
}

// diffuse is the involutive diffusion layer A.
func (b *ariaBlock) diffuse() {
	x := *b
	b[0] = x[3] ^ x[4] ^ x[6] ^ x[8] ^ x[9] ^ x[13] ^ x[14]
	b[1] = x[2] ^ x[5] ^ x[7] ^ x[8] ^ x[9] ^ x[12] ^ x[15]
	b[2] = x[1] ^ x[4] ^ x[6] ^ x[10] ^ x[11] ^ x[12] ^ x[15]
	b[3] = x[0] ^ x[5] ^ x[7] ^ x[10] ^ x[11] ^ x[13] ^ x[14]
	b[4] = x[0] ^ x[2] ^ x[5] ^ x[8] ^ x[11] ^ x[14] ^ x[15]
	b[5] = x[1] ^ x[3] ^ x[4] ^ x[9] ^ x[10] ^ x[14] ^ x[15]
	b[6] = x[0] ^ x[2] ^ x[7] ^ x[9] ^ x[10] ^ x[12] ^ x[13]
	b[7] = x[1] ^ x[3] ^ x[6] ^ x[8] ^ x[11] ^ x[12] ^ x[13]
	b[8] = x[0] ^ x[1] ^ x[4] ^ x[7] ^ x[10] ^ x[13] ^ x[15]
	b[9] = x[0] ^ x[1] ^ x[5] ^ x[6] ^ x[11] ^ x[12] ^ x[14]
	b[10] = x[2] ^ x[3] ^ x[5] ^ x[6] ^ x[8] ^ x[13] ^ x[15]
	b[11] = x[2] ^ x[3] ^ x[4] ^ x[7] ^ x[9] ^ x[12] ^ x[14]
	b[12] = x[1] ^ x[2] ^ x[6] ^ x[7] ^ x[9] ^ x[11] ^ x[12]
	b[13] = x[0] ^ x[3] ^ x[6] ^ x[7] ^ x[8] ^ x[10] ^ x[13]
	b[14] = x[0] ^ x[3] ^ x[4] ^ x[5] ^ x[9] ^ x[11] ^ x[14]
	b[15] = x[1] ^ x[2] ^ x[4] ^ x[5] ^ x[8] ^ x[10] ^ x[15]
}

func (b *ariaBlock) xor(k *ariaBlock) {
	for i := range b {
		b[i] ^= k[i]
	}
}

// round is FO (odd) or FE (even): key addition, substitution, diffusion.
func (b *ariaBlock) round(k *ariaBlock, odd bool) {
	b.xor(k)
	if odd {
		b.sl(1)
	} else {
		b.sl(2)
	}
	b.diffuse()
}

// rotr returns the 128-bit value x rotated right by n bits.
func (x ariaBlock) rotr(n int) ariaBlock {
	var r ariaBlock
	n %= 128
	by, bi := n/8, uint(n%8)
	for i := range r {
		hi := x[(i-by+16)%16]
		lo := x[(i-by-1+32)%16]
		r[i] = hi>>bi | lo<<(8-bi)
		if bi == 0 {
			r[i] = hi
		}
	}
	return r
}

var ariaC = [3]ariaBlock{
	{0x51, 0x7c, 0xc1, 0xb7, 0x27, 0x22, 0x0a, 0x94, 0xfe, 0x13, 0xab, 0xe8, 0xfa, 0x9a, 0x6e, 0xe0},
	{0x6d, 0xb1, 0x4a, 0xcc, 0x9e, 0x21, 0xc8, 0x20, 0xff, 0x28, 0xb1, 0xd5, 0xef, 0x5d, 0xe2, 0xb0},
	{0xdb, 0x92, 0x37, 0x1d, 0x21, 0x26, 0xe9, 0x70, 0x03, 0x24, 0x97, 0x75, 0x04, 0xe8, 0xc9, 0x0e},
}

type ariaCipher struct {
	rounds int
	ek, dk [17]ariaBlock
}

type ariaKeySizeError int

func (k ariaKeySizeError) Error() string { return "aria: invalid key size " + strconv.Itoa(int(k)) }

func newARIA(key []byte) (cipher.Block, error) {
	ariaOnce.Do(buildARIATables)
	var ck [3]ariaBlock
	c := &ariaCipher{}
	switch len(key) {
	case 16:
		c.rounds, ck = 12, [3]ariaBlock{ariaC[0], ariaC[1], ariaC[2]}
	case 24:
		c.rounds, ck = 14, [3]ariaBlock{ariaC[1], ariaC[2], ariaC[0]}
	case 32:
		c.rounds, ck = 16, [3]ariaBlock{ariaC[2], ariaC[0], ariaC[1]}
	default:
		return nil, ariaKeySizeError(len(key))
	}
	var kl, kr ariaBlock
	copy(kl[:], key)
	copy(kr[:], key[16:])
	w0 := kl
	w1 := w0
	w1.round(&ck[0], true)
	w1.xor(&kr)
	w2 := w1
	w2.round(&ck[1], false)
	w2.xor(&w0)
	w3 := w2
	w3.round(&ck[2], true)
	w3.xor(&w1)
	w := [4]ariaBlock{w0, w1, w2, w3}
	// ek(4j+i+1) = W_i ^ (W_(i+1 mod 4) >>> r_j), r = 19, 31, 128-61, 128-31, then 128-19
	shifts := []int{19, 31, 128 - 61, 128 - 31, 128 - 19}
	for n := 0; n <= c.rounds; n++ {
		i := n % 4
		r := w[(i+1)%4].rotr(shifts[n/4])
		k := w[i]
		k.xor(&r)
		c.ek[n] = k
	}
	c.dk[0] = c.ek[c.rounds]
	for i := 1; i < c.rounds; i++ {
		c.dk[i] = c.ek[c.rounds-i]
		c.dk[i].diffuse()
	}
	c.dk[c.rounds] = c.ek[0]
	return c, nil
}

func (c *ariaCipher) BlockSize() int { return 16 }

func (c *ariaCipher) crypt(dst, src []byte, keys *[17]ariaBlock) {
	var b ariaBlock
	copy(b[:], src)
	for i := 0; i < c.rounds-1; i++ {
		b.round(&keys[i], i%2 == 0)
	}
	b.xor(&keys[c.rounds-1])
	b.sl(2)
	b.xor(&keys[c.rounds])
	copy(dst, b[:])
}

func (c *ariaCipher) Encrypt(dst, src []byte) { c.crypt(dst, src, &c.ek) }
func (c *ariaCipher) Decrypt(dst, src []byte) { c.crypt(dst, src, &c.dk) }
