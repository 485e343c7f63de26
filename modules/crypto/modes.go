package crypto

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"math/bits"
)

// Block cipher modes Go's crypto/cipher lacks, written from their specifications: CFB-1 and
// CFB-8 (NIST SP 800-38A), CCM (SP 800-38C, RFC 3610), OCB (RFC 7253) and XTS (IEEE 1619,
// with ciphertext stealing). They follow OpenSSL's EVP behaviour, which is what node exposes.

// cfbn is CFB with an s-bit feedback (s = 1 or 8) over any block cipher. Bits are processed
// most significant first, as OpenSSL's cfb1 does.
type cfbn struct {
	b    cipher.Block
	reg  []byte // the shift register (one block)
	out  []byte
	enc  bool
	bits int
}

func newCFBN(b cipher.Block, iv []byte, enc bool, nbits int) *cfbn {
	return &cfbn{b: b, reg: append([]byte(nil), iv...), out: make([]byte, b.BlockSize()), enc: enc, bits: nbits}
}

func (c *cfbn) XORKeyStream(dst, src []byte) {
	for i, in := range src {
		if c.bits == 8 {
			c.b.Encrypt(c.out, c.reg)
			o := in ^ c.out[0]
			fb := o
			if !c.enc {
				fb = in
			}
			copy(c.reg, c.reg[1:])
			c.reg[len(c.reg)-1] = fb
			dst[i] = o
			continue
		}
		var o byte
		for k := 7; k >= 0; k-- {
			c.b.Encrypt(c.out, c.reg)
			ib := in >> k & 1
			ob := ib ^ c.out[0]>>7
			fb := ob
			if !c.enc {
				fb = ib
			}
			o |= ob << k
			shiftLeft1(c.reg, fb)
		}
		dst[i] = o
	}
}

// shiftLeft1 shifts b left by one bit (b[0] is most significant), shifting in bit.
func shiftLeft1(b []byte, bit byte) {
	for j := 0; j < len(b)-1; j++ {
		b[j] = b[j]<<1 | b[j+1]>>7
	}
	b[len(b)-1] = b[len(b)-1]<<1 | bit
}

// ---- CCM ----------------------------------------------------------------------------------------

// ccmState is one CCM message: OpenSSL takes the message in a single update, with its length
// announced before any AAD.
type ccmState struct {
	b       cipher.Block
	nonce   []byte
	tagLen  int
	msgLen  int  // announced with the AAD (-1: not announced)
	used    bool // the message went through
	tag     []byte
	authErr bool // decryption: the tag did not match
}

// ccmMaxLen is the longest message a nonce of n bytes allows: 2^(8*(15-n)) - 1.
func ccmMaxLen(n int) uint64 {
	q := 15 - n
	if q >= 8 {
		return 1<<63 - 1
	}
	return 1<<(8*q) - 1
}

// mac computes CBC-MAC over B0, the encoded AAD and the message.
func (c *ccmState) mac(aad, msg []byte) []byte {
	q := 15 - len(c.nonce)
	b0 := make([]byte, 16)
	b0[0] = byte((c.tagLen-2)/2<<3 | (q - 1))
	if len(aad) > 0 {
		b0[0] |= 64
	}
	copy(b0[1:], c.nonce)
	l := uint64(len(msg))
	for i := 15; i > 15-q; i-- {
		b0[i] = byte(l)
		l >>= 8
	}
	x := make([]byte, 16)
	c.b.Encrypt(x, b0)
	absorb := func(data []byte) {
		for len(data) > 0 {
			n := min(16, len(data))
			subtle.XORBytes(x[:n], x[:n], data[:n])
			c.b.Encrypt(x, x)
			data = data[n:]
		}
	}
	if len(aad) > 0 {
		var hdr []byte
		switch a := uint64(len(aad)); {
		case a < 0xff00:
			hdr = binary.BigEndian.AppendUint16(nil, uint16(a))
		case a <= 0xffffffff:
			hdr = binary.BigEndian.AppendUint32([]byte{0xff, 0xfe}, uint32(a))
		default:
			hdr = binary.BigEndian.AppendUint64([]byte{0xff, 0xff}, a)
		}
		blk := append(hdr, aad...)
		if r := len(blk) % 16; r != 0 {
			blk = append(blk, make([]byte, 16-r)...)
		}
		absorb(blk)
	}
	absorb(msg)
	return x[:c.tagLen]
}

// ctr returns the counter-mode stream from counter block i (A_i) and S_0.
func (c *ccmState) ctr() (cipher.Stream, []byte) {
	q := 15 - len(c.nonce)
	a := make([]byte, 16)
	a[0] = byte(q - 1)
	copy(a[1:], c.nonce)
	s0 := make([]byte, 16)
	c.b.Encrypt(s0, a)
	a[15] = 1
	return cipher.NewCTR(c.b, a), s0
}

func (c *ccmState) seal(aad, p []byte) []byte {
	t := c.mac(aad, p)
	s, s0 := c.ctr()
	out := make([]byte, len(p))
	s.XORKeyStream(out, p)
	c.tag = make([]byte, c.tagLen)
	subtle.XORBytes(c.tag, t, s0[:c.tagLen])
	return out
}

// open decrypts ct and checks tag; on a mismatch it returns nothing (as OpenSSL does).
func (c *ccmState) open(aad, ct, tag []byte) []byte {
	s, s0 := c.ctr()
	p := make([]byte, len(ct))
	s.XORKeyStream(p, ct)
	t := c.mac(aad, p)
	want := make([]byte, c.tagLen)
	subtle.XORBytes(want, t, s0[:c.tagLen])
	if len(tag) != c.tagLen || subtle.ConstantTimeCompare(want, tag) != 1 {
		c.authErr = true
		return []byte{}
	}
	return p
}

// ---- OCB ----------------------------------------------------------------------------------------

// ocbState is OCB (RFC 7253) over a 128-bit block cipher, streaming: whole blocks go out as
// they come, a final partial block at the end.
type ocbState struct {
	b        cipher.Block
	enc      bool
	tagLen   int
	lStar    [16]byte
	lDollar  [16]byte
	l        [][16]byte
	offset   [16]byte
	checksum [16]byte
	i        uint64 // message blocks done
	pending  []byte
	aadSum   [16]byte
	aadDone  bool
	aad      []byte
}

func double(b [16]byte) [16]byte {
	var r [16]byte
	carry := b[0] >> 7
	for i := 0; i < 15; i++ {
		r[i] = b[i]<<1 | b[i+1]>>7
	}
	r[15] = b[15] << 1
	if carry != 0 {
		r[15] ^= 0x87
	}
	return r
}

func newOCB(b cipher.Block, enc bool, nonce []byte, tagLen int) *ocbState {
	o := &ocbState{b: b, enc: enc, tagLen: tagLen}
	var zero [16]byte
	b.Encrypt(o.lStar[:], zero[:])
	o.lDollar = double(o.lStar)
	o.l = [][16]byte{double(o.lDollar)}
	// Nonce = num2str(TAGLEN mod 128, 7) || zeros || 1 || N
	var n [16]byte
	n[0] = byte((tagLen * 8 % 128) << 1)
	copy(n[16-len(nonce):], nonce)
	n[15-len(nonce)] |= 1
	bottom := int(n[15] & 63)
	n[15] &^= 63
	var ktop [16]byte
	b.Encrypt(ktop[:], n[:])
	stretch := make([]byte, 24)
	copy(stretch, ktop[:])
	for i := 0; i < 8; i++ {
		stretch[16+i] = ktop[i] ^ ktop[i+1]
	}
	// Offset_0 = Stretch[1+bottom..128+bottom]
	byteOff, bitOff := bottom/8, uint(bottom%8)
	for i := 0; i < 16; i++ {
		v := stretch[byteOff+i] << bitOff
		if bitOff > 0 {
			v |= stretch[byteOff+i+1] >> (8 - bitOff)
		}
		o.offset[i] = v
	}
	return o
}

func (o *ocbState) lAt(i int) [16]byte {
	for len(o.l) <= i {
		o.l = append(o.l, double(o.l[len(o.l)-1]))
	}
	return o.l[i]
}

func xor16(a, b [16]byte) [16]byte {
	var r [16]byte
	for i := range r {
		r[i] = a[i] ^ b[i]
	}
	return r
}

// hashAAD computes HASH(K, A) once, at the first message data or the end.
func (o *ocbState) hashAAD() {
	if o.aadDone {
		return
	}
	o.aadDone = true
	var off, sum [16]byte
	a := o.aad
	for i := 1; len(a) >= 16; i++ {
		off = xor16(off, o.lAt(bits.TrailingZeros(uint(i))))
		var x [16]byte
		copy(x[:], a[:16])
		x = xor16(x, off)
		o.b.Encrypt(x[:], x[:])
		sum = xor16(sum, x)
		a = a[16:]
	}
	if len(a) > 0 {
		off = xor16(off, o.lStar)
		var x [16]byte
		copy(x[:], a)
		x[len(a)] = 0x80
		x = xor16(x, off)
		o.b.Encrypt(x[:], x[:])
		sum = xor16(sum, x)
	}
	o.aadSum = sum
}

func (o *ocbState) update(p []byte) []byte {
	o.hashAAD()
	o.pending = append(o.pending, p...)
	n := len(o.pending) / 16 * 16
	out := make([]byte, n)
	for j := 0; j < n; j += 16 {
		o.i++
		o.offset = xor16(o.offset, o.lAt(bits.TrailingZeros64(o.i)))
		var x [16]byte
		copy(x[:], o.pending[j:j+16])
		if o.enc {
			o.checksum = xor16(o.checksum, x)
		}
		x = xor16(x, o.offset)
		if o.enc {
			o.b.Encrypt(x[:], x[:])
		} else {
			o.b.Decrypt(x[:], x[:])
		}
		x = xor16(x, o.offset)
		if !o.enc {
			o.checksum = xor16(o.checksum, x)
		}
		copy(out[j:], x[:])
	}
	o.pending = append(o.pending[:0], o.pending[n:]...)
	return out
}

// final processes the last partial block and returns it with the full tag.
func (o *ocbState) final() ([]byte, []byte) {
	o.hashAAD()
	var out []byte
	if r := len(o.pending); r > 0 {
		o.offset = xor16(o.offset, o.lStar)
		var pad [16]byte
		o.b.Encrypt(pad[:], o.offset[:])
		out = make([]byte, r)
		subtle.XORBytes(out, o.pending, pad[:r])
		plain := out
		if o.enc {
			plain = o.pending
		}
		var x [16]byte
		copy(x[:], plain)
		x[r] = 0x80
		o.checksum = xor16(o.checksum, x)
	}
	t := xor16(xor16(o.checksum, o.offset), o.lDollar)
	o.b.Encrypt(t[:], t[:])
	t = xor16(t, o.aadSum)
	return out, t[:o.tagLen]
}

// ---- XTS ----------------------------------------------------------------------------------------

// xtsState encrypts each update as one data unit under the same tweak (OpenSSL's behaviour),
// with ciphertext stealing for a final partial block.
type xtsState struct {
	k1, k2 cipher.Block
	iv     []byte
	enc    bool
}

func mulAlpha(t *[16]byte) {
	var carry byte
	for i := 0; i < 16; i++ {
		c := t[i] >> 7
		t[i] = t[i]<<1 | carry
		carry = c
	}
	if carry != 0 {
		t[0] ^= 0x87
	}
}

func (x *xtsState) block(dst, src []byte, t *[16]byte, enc bool) {
	var b [16]byte
	subtle.XORBytes(b[:], src[:16], t[:])
	if enc {
		x.k1.Encrypt(b[:], b[:])
	} else {
		x.k1.Decrypt(b[:], b[:])
	}
	subtle.XORBytes(dst[:16], b[:], t[:])
}

// unit en- or decrypts one data unit of at least 16 bytes.
func (x *xtsState) unit(p []byte) []byte {
	var t [16]byte
	x.k2.Encrypt(t[:], x.iv)
	out := make([]byte, len(p))
	full := len(p) / 16
	tail := len(p) % 16
	if tail > 0 {
		full-- // the last whole block takes part in the stealing
	}
	for j := 0; j < full; j++ {
		x.block(out[j*16:], p[j*16:], &t, x.enc)
		mulAlpha(&t)
	}
	if tail == 0 {
		return out
	}
	m := full * 16
	tNext := t
	mulAlpha(&tNext)
	var cc, pp [16]byte
	if x.enc {
		x.block(cc[:], p[m:], &t, true)
		copy(out[m+16:], cc[:tail])
		copy(pp[:], p[m+16:])
		copy(pp[tail:], cc[tail:])
		x.block(out[m:], pp[:], &tNext, true)
	} else {
		x.block(pp[:], p[m:], &tNext, false)
		copy(out[m+16:], pp[:tail])
		copy(cc[:], p[m+16:])
		copy(cc[tail:], pp[tail:])
		x.block(out[m:], cc[:], &t, false)
	}
	return out
}
