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

// ccmState is CCM as node's OpenSSL 3 runs it: the CCM128 context (nonce, which holds B0 and
// then the counter block, and the running CBC-MAC cmac) and the provider's iv/len/tag flags,
// kept as OpenSSL keeps them, so that what follows a message (a second update, an update after
// a failed one, a final with no message, AAD set again) ends as node's does. A message goes in
// one update, its length announced by it or by the AAD before it.
type ccmState struct {
	b                     cipher.Block
	iv                    []byte
	m                     int // the tag length
	enc                   bool
	nonce, cmac           [16]byte
	ivSet, lenSet, tagSet bool
	want                  []byte // decryption: the expected tag

	// node's side (CipherBase): the tag was handed to OpenSSL (done once), a decryption
	// update failed (final() then fails)
	passed, authFailed bool
}

func newCCM(b cipher.Block, iv []byte, m int, enc bool) *ccmState {
	c := &ccmState{b: b, iv: append([]byte(nil), iv...), m: m, enc: enc, ivSet: true}
	c.nonce[0] = byte(14-len(iv)) | byte((m-2)/2)<<3
	return c
}

// ccmMaxLen is the longest message a nonce of n bytes allows: 2^(8*(15-n)) - 1.
func ccmMaxLen(n int) uint64 {
	q := 15 - n
	if q >= 8 {
		return 1<<63 - 1
	}
	return 1<<(8*q) - 1
}

// setLen is CRYPTO_ccm128_setiv: B0 for a message of n bytes. It clears the Adata flag and
// keeps the rest of the flags byte, whatever a failed message left of it.
func (c *ccmState) setLen(n uint64) {
	c.nonce[0] &^= 0x40
	copy(c.nonce[1:], c.iv)
	for i := 15; i > len(c.iv); i-- {
		c.nonce[i] = byte(n)
		n >>= 8
	}
	c.lenSet = true
}

// aad is CRYPTO_ccm128_aad: B0 and the encoded AAD into the CBC-MAC (nothing for no AAD).
func (c *ccmState) aad(a []byte) {
	if len(a) == 0 {
		return
	}
	c.nonce[0] |= 0x40
	c.b.Encrypt(c.cmac[:], c.nonce[:])
	var i int
	switch n := uint64(len(a)); {
	case n < 0xff00:
		c.cmac[0] ^= byte(n >> 8)
		c.cmac[1] ^= byte(n)
		i = 2
	case n >= 1<<32:
		c.cmac[0] ^= 0xff
		c.cmac[1] ^= 0xff
		for j := 0; j < 8; j++ {
			c.cmac[2+j] ^= byte(n >> (56 - 8*j))
		}
		i = 10
	default:
		c.cmac[0] ^= 0xff
		c.cmac[1] ^= 0xfe
		for j := 0; j < 4; j++ {
			c.cmac[2+j] ^= byte(n >> (24 - 8*j))
		}
		i = 6
	}
	for {
		for ; i < 16 && len(a) > 0; i++ {
			c.cmac[i] ^= a[0]
			a = a[1:]
		}
		c.b.Encrypt(c.cmac[:], c.cmac[:])
		i = 0
		if len(a) == 0 {
			return
		}
	}
}

// crypt is CRYPTO_ccm128_encrypt/decrypt. The length is read back out of the counter block, so
// a second message (whose length bytes the first spent) fails unless it is as long as what is
// left there; a failure leaves the flags byte cut to L, as OpenSSL's does.
func (c *ccmState) crypt(in []byte) ([]byte, bool) {
	flags0 := c.nonce[0]
	if flags0&0x40 == 0 {
		c.b.Encrypt(c.cmac[:], c.nonce[:])
	}
	l := int(flags0 & 7)
	c.nonce[0] = byte(l)
	var n uint64
	for i := 15 - l; i < 15; i++ {
		n |= uint64(c.nonce[i])
		c.nonce[i] = 0
		n <<= 8
	}
	n |= uint64(c.nonce[15])
	c.nonce[15] = 1
	if n != uint64(len(in)) {
		return nil, false
	}
	out := make([]byte, len(in))
	var s [16]byte
	for off := 0; off < len(in); off += 16 {
		blk, o := in[off:min(off+16, len(in))], out[off:min(off+16, len(in))]
		c.b.Encrypt(s[:], c.nonce[:])
		if c.enc {
			subtle.XORBytes(c.cmac[:], c.cmac[:], blk)
			subtle.XORBytes(o, blk, s[:])
		} else {
			subtle.XORBytes(o, blk, s[:])
			subtle.XORBytes(c.cmac[:], c.cmac[:], o)
		}
		c.b.Encrypt(c.cmac[:], c.cmac[:])
		binary.BigEndian.PutUint64(c.nonce[8:], binary.BigEndian.Uint64(c.nonce[8:])+1)
	}
	for i := 15 - l; i < 16; i++ {
		c.nonce[i] = 0
	}
	c.b.Encrypt(s[:], c.nonce[:])
	subtle.XORBytes(c.cmac[:], c.cmac[:], s[:])
	c.nonce[0] = flags0
	return out, true
}

// tag is CRYPTO_ccm128_tag: nil when the tag length the flags byte holds is not m.
func (c *ccmState) tag() []byte {
	if int(c.nonce[0]>>3&7)*2+2 != c.m {
		return nil
	}
	return append([]byte(nil), c.cmac[:c.m]...)
}

// update is the provider's update of the message; false where OpenSSL's fails. A decryption
// that succeeds (its tag matched) ends the message: another needs the IV set again.
func (c *ccmState) update(in []byte) ([]byte, bool) {
	if !c.ivSet {
		return nil, false
	}
	if !c.lenSet {
		c.setLen(uint64(len(in)))
	}
	if c.enc {
		out, ok := c.crypt(in)
		if ok {
			c.tagSet = true
		}
		return out, ok
	}
	if !c.tagSet {
		return nil, false
	}
	out, ok := c.crypt(in)
	if !ok {
		return nil, false
	}
	if t := c.tag(); t == nil || subtle.ConstantTimeCompare(t, c.want) != 1 {
		return nil, false
	}
	c.ivSet, c.tagSet, c.lenSet = false, false, false
	return out, true
}

// setAAD announces the message length and takes the AAD, as node's setAAD does through two
// provider updates.
func (c *ccmState) setAAD(a []byte, plen uint64) bool {
	if !c.ivSet {
		return false
	}
	c.setLen(plen)
	c.aad(a)
	return true
}

// finalTag is an encryption's final and EVP_CTRL_AEAD_GET_TAG: 'tag not set' with no message
// encrypted, node's generic error where the flags byte lost its tag length.
func (c *ccmState) finalTag() ([]byte, error) {
	if !c.tagSet {
		return nil, osslError("1C800077", "Provider routines", "tag not set")
	}
	t := c.tag()
	if t == nil {
		return nil, errAuth
	}
	c.ivSet, c.tagSet, c.lenSet = false, false, false
	return t, nil
}

// passTag hands a decipher's tag, once known, to the CCM context, once (node's
// MaybePassAuthTagToOpenSSL).
func (c *ccmState) passTag(tag []byte) {
	if tag != nil && !c.passed {
		c.passed, c.tagSet, c.want = true, true, tag
	}
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
	// HASH(K, A) so far: the AAD blocks summed, the last one's offset, a partial block
	aadSum    [16]byte
	aadOff    [16]byte
	aadBlocks uint64
	aad       []byte
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

// addAAD adds AAD to HASH(K, A) as OpenSSL does: whole blocks at once, a partial block kept
// until more comes or the end. AAD may come before, between or after message data (node takes
// it after update()): HASH only sums the AAD, so the order does not change the tag.
func (o *ocbState) addAAD(a []byte) {
	if len(o.aad) > 0 {
		n := min(16-len(o.aad), len(a))
		o.aad = append(o.aad, a[:n]...)
		a = a[n:]
		if len(o.aad) < 16 {
			return
		}
		o.aadBlock(o.aad)
		o.aad = o.aad[:0]
	}
	for ; len(a) >= 16; a = a[16:] {
		o.aadBlock(a[:16])
	}
	o.aad = append(o.aad, a...)
}

func (o *ocbState) aadBlock(a []byte) {
	o.aadBlocks++
	o.aadOff = xor16(o.aadOff, o.lAt(bits.TrailingZeros64(o.aadBlocks)))
	var x [16]byte
	copy(x[:], a)
	x = xor16(x, o.aadOff)
	o.b.Encrypt(x[:], x[:])
	o.aadSum = xor16(o.aadSum, x)
}

// hashAAD ends HASH(K, A) with the last partial block, at the end.
func (o *ocbState) hashAAD() {
	if len(o.aad) > 0 {
		off := xor16(o.aadOff, o.lStar)
		var x [16]byte
		copy(x[:], o.aad)
		x[len(o.aad)] = 0x80
		x = xor16(x, off)
		o.b.Encrypt(x[:], x[:])
		o.aadSum = xor16(o.aadSum, x)
		o.aad = o.aad[:0]
	}
}

func (o *ocbState) update(p []byte) []byte {
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
