package crypto

import (
	"crypto/elliptic"
	"encoding/binary"
	"math/big"
	"math/bits"
)

// Binary-field (characteristic-2) curves: y² + xy = x³ + ax² + b over GF(2^m), the sect*,
// c2pnb*/c2tnb*, Oakley-EC2N-* and binary WTLS curves OpenSSL lists (SEC 2, X9.62, RFC 2409).
// Field elements are polynomials over GF(2) reduced modulo a trinomial or pentanomial, held in
// fixed arrays of 64-bit words (m ≤ 571, so nine words); multiplication is a 4-bit comb,
// squaring a bit spread, inversion Itoh–Tsujii's exponentiation. Scalar multiplication is the
// López–Dahab Montgomery ladder in projective x-coordinates, with y recovered at the end.
// The group is exposed as an elliptic.Curve (big.Int coordinates), so ECDSA, ECDH and the key
// encodings share the prime curves' code. Not constant-time: it serves compatibility.

const gfWords = 9

type gfe [gfWords]uint64

// gf2Field is GF(2^m) with the reduction polynomial x^m + Σ x^k for k in terms (0 included).
type gf2Field struct {
	m     int
	nw    int   // words per element
	terms []int // exponents below m, descending, ending with 0
	tau   int   // for even m: the least t with Tr(x^t) = 1, for solving quadratics
}

// shiftMul is a·x^t.
func (f *gf2Field) shiftMul(a *gfe, t int) gfe {
	var c [2*gfWords + 1]uint64
	for i := 0; i < f.nw; i++ {
		xorAt(c[:], a[i], 64*i+t)
	}
	return f.reduce(c[:2*f.nw+1])
}

func (f *gf2Field) isZero(a *gfe) bool {
	var x uint64
	for i := 0; i < f.nw; i++ {
		x |= a[i]
	}
	return x == 0
}

func (f *gf2Field) equal(a, b *gfe) bool { return *a == *b }

func gfAdd(a, b *gfe) (z gfe) {
	for i := range z {
		z[i] = a[i] ^ b[i]
	}
	return
}

func (f *gf2Field) one() (z gfe) { z[0] = 1; return }

// xorAt adds t·x^pos into c; pos may be negative when the bits of t below -pos are zero.
func xorAt(c []uint64, t uint64, pos int) {
	if pos < 0 {
		c[0] ^= t >> uint(-pos)
		return
	}
	w, s := pos>>6, uint(pos&63)
	c[w] ^= t << s
	if s != 0 {
		c[w+1] ^= t >> (64 - s)
	}
}

// reduce folds the 2·nw-word product c below x^m and returns it. Every term k satisfies
// m-k ≥ 64 (checked when the curves load), so one top-down pass suffices: folding a word
// lands wholly in lower words.
func (f *gf2Field) reduce(c []uint64) (z gfe) {
	m := f.m
	for i := len(c) - 1; i >= 0; i-- {
		lo := 64 * i
		if lo+63 < m {
			break
		}
		var t uint64
		if lo >= m {
			t, c[i] = c[i], 0
		} else {
			sh := uint(m - lo)
			t = c[i] >> sh << sh
			c[i] ^= t
		}
		if t == 0 {
			continue
		}
		for _, k := range f.terms {
			xorAt(c, t, lo-m+k)
		}
	}
	copy(z[:f.nw], c)
	return
}

func (f *gf2Field) mul(a, b *gfe) gfe {
	nw := f.nw
	// tab[u] = u(x)·b(x) for the 16 polynomials u of degree < 4
	var tab [16][gfWords + 1]uint64
	copy(tab[1][:nw], b[:nw])
	for u := 2; u < 16; u += 2 {
		src, dst := &tab[u/2], &tab[u]
		for w := nw; w > 0; w-- {
			dst[w] = src[w]<<1 | src[w-1]>>63
		}
		dst[0] = src[0] << 1
		odd := &tab[u+1]
		for w := 0; w <= nw; w++ {
			odd[w] = dst[w] ^ tab[1][w]
		}
	}
	var buf [2*gfWords + 1]uint64
	c := buf[:2*nw+1]
	as := a[:nw]
	for j := 15; j >= 0; j-- {
		sh := uint(4 * j)
		for i, ai := range as {
			row := tab[(ai>>sh)&15][:nw+1]
			dst := c[i : i+nw+1]
			dst = dst[:len(row)] // lets the compiler drop the bounds checks
			for w, v := range row {
				dst[w] ^= v
			}
		}
		if j > 0 {
			for w := len(c) - 1; w > 0; w-- {
				c[w] = c[w]<<4 | c[w-1]>>60
			}
			c[0] <<= 4
		}
	}
	return f.reduce(c)
}

// spread8 maps a byte to the 16-bit value with its bits at the even positions.
// (A literal: the linker lays it out, where a computed table would be built at process start.)
var spread8 = [256]uint16{
	0x0000, 0x0001, 0x0004, 0x0005, 0x0010, 0x0011, 0x0014, 0x0015, 0x0040, 0x0041, 0x0044, 0x0045,
	0x0050, 0x0051, 0x0054, 0x0055, 0x0100, 0x0101, 0x0104, 0x0105, 0x0110, 0x0111, 0x0114, 0x0115,
	0x0140, 0x0141, 0x0144, 0x0145, 0x0150, 0x0151, 0x0154, 0x0155, 0x0400, 0x0401, 0x0404, 0x0405,
	0x0410, 0x0411, 0x0414, 0x0415, 0x0440, 0x0441, 0x0444, 0x0445, 0x0450, 0x0451, 0x0454, 0x0455,
	0x0500, 0x0501, 0x0504, 0x0505, 0x0510, 0x0511, 0x0514, 0x0515, 0x0540, 0x0541, 0x0544, 0x0545,
	0x0550, 0x0551, 0x0554, 0x0555, 0x1000, 0x1001, 0x1004, 0x1005, 0x1010, 0x1011, 0x1014, 0x1015,
	0x1040, 0x1041, 0x1044, 0x1045, 0x1050, 0x1051, 0x1054, 0x1055, 0x1100, 0x1101, 0x1104, 0x1105,
	0x1110, 0x1111, 0x1114, 0x1115, 0x1140, 0x1141, 0x1144, 0x1145, 0x1150, 0x1151, 0x1154, 0x1155,
	0x1400, 0x1401, 0x1404, 0x1405, 0x1410, 0x1411, 0x1414, 0x1415, 0x1440, 0x1441, 0x1444, 0x1445,
	0x1450, 0x1451, 0x1454, 0x1455, 0x1500, 0x1501, 0x1504, 0x1505, 0x1510, 0x1511, 0x1514, 0x1515,
	0x1540, 0x1541, 0x1544, 0x1545, 0x1550, 0x1551, 0x1554, 0x1555, 0x4000, 0x4001, 0x4004, 0x4005,
	0x4010, 0x4011, 0x4014, 0x4015, 0x4040, 0x4041, 0x4044, 0x4045, 0x4050, 0x4051, 0x4054, 0x4055,
	0x4100, 0x4101, 0x4104, 0x4105, 0x4110, 0x4111, 0x4114, 0x4115, 0x4140, 0x4141, 0x4144, 0x4145,
	0x4150, 0x4151, 0x4154, 0x4155, 0x4400, 0x4401, 0x4404, 0x4405, 0x4410, 0x4411, 0x4414, 0x4415,
	0x4440, 0x4441, 0x4444, 0x4445, 0x4450, 0x4451, 0x4454, 0x4455, 0x4500, 0x4501, 0x4504, 0x4505,
	0x4510, 0x4511, 0x4514, 0x4515, 0x4540, 0x4541, 0x4544, 0x4545, 0x4550, 0x4551, 0x4554, 0x4555,
	0x5000, 0x5001, 0x5004, 0x5005, 0x5010, 0x5011, 0x5014, 0x5015, 0x5040, 0x5041, 0x5044, 0x5045,
	0x5050, 0x5051, 0x5054, 0x5055, 0x5100, 0x5101, 0x5104, 0x5105, 0x5110, 0x5111, 0x5114, 0x5115,
	0x5140, 0x5141, 0x5144, 0x5145, 0x5150, 0x5151, 0x5154, 0x5155, 0x5400, 0x5401, 0x5404, 0x5405,
	0x5410, 0x5411, 0x5414, 0x5415, 0x5440, 0x5441, 0x5444, 0x5445, 0x5450, 0x5451, 0x5454, 0x5455,
	0x5500, 0x5501, 0x5504, 0x5505, 0x5510, 0x5511, 0x5514, 0x5515, 0x5540, 0x5541, 0x5544, 0x5545,
	0x5550, 0x5551, 0x5554, 0x5555,
}

func spread32(x uint32) uint64 {
	return uint64(spread8[byte(x)]) | uint64(spread8[byte(x>>8)])<<16 |
		uint64(spread8[byte(x>>16)])<<32 | uint64(spread8[byte(x>>24)])<<48
}

func (f *gf2Field) sqr(a *gfe) gfe {
	var c [2 * gfWords]uint64
	for i := 0; i < f.nw; i++ {
		c[2*i] = spread32(uint32(a[i]))
		c[2*i+1] = spread32(uint32(a[i] >> 32))
	}
	return f.reduce(c[:2*f.nw])
}

// sqrN squares n times: a^(2^n).
func (f *gf2Field) sqrN(a *gfe, n int) gfe {
	z := *a
	for ; n > 0; n-- {
		z = f.sqr(&z)
	}
	return z
}

// inv is a^(2^m-2) by Itoh–Tsujii: β_k = a^(2^k-1) built along the bits of m-1, then squared.
// inv(0) is 0.
func (f *gf2Field) inv(a *gfe) gfe {
	e := f.m - 1
	beta, k := *a, 1
	for i := bits.Len(uint(e)) - 2; i >= 0; i-- {
		t := f.sqrN(&beta, k)
		beta = f.mul(&t, &beta)
		k *= 2
		if e>>uint(i)&1 != 0 {
			t = f.sqr(&beta)
			beta = f.mul(&t, a)
			k++
		}
	}
	return f.sqr(&beta)
}

// sqrt is a^(2^(m-1)).
func (f *gf2Field) sqrt(a *gfe) gfe { return f.sqrN(a, f.m-1) }

// trace is Σ a^(2^i) for i < m, which is 0 or 1.
func (f *gf2Field) trace(a *gfe) uint64 {
	t, s := *a, *a
	for i := 1; i < f.m; i++ {
		s = f.sqr(&s)
		t = gfAdd(&t, &s)
	}
	return t[0] & 1
}

// solveQuadratic finds z with z² + z = beta (IEEE 1363 A.4.7), ok false when there is none.
func (f *gf2Field) solveQuadratic(beta *gfe) (z gfe, ok bool) {
	if f.isZero(beta) {
		return z, true
	}
	if f.m%2 == 1 { // the half-trace
		z = *beta
		for i := 0; i < (f.m-1)/2; i++ {
			z = f.sqrN(&z, 2)
			z = gfAdd(&z, beta)
		}
	} else {
		// τ = x^tau has trace 1, so w²τ is a shift and a reduction
		var w gfe
		z, w = gfe{}, *beta
		for i := 1; i < f.m; i++ {
			z2, w2 := f.sqr(&z), f.sqr(&w)
			wt := f.shiftMul(&w2, f.tau)
			z = gfAdd(&z2, &wt)
			w = gfAdd(&w2, beta)
		}
		if !f.isZero(&w) {
			return z, false
		}
	}
	chk := f.sqr(&z)
	chk = gfAdd(&chk, &z)
	return z, chk == *beta
}

func (f *gf2Field) fromBig(x *big.Int) (z gfe, ok bool) {
	if x.Sign() < 0 || x.BitLen() > f.m {
		return z, false
	}
	var buf [8 * gfWords]byte
	x.FillBytes(buf[:])
	for i := 0; i < gfWords; i++ {
		z[i] = binary.BigEndian.Uint64(buf[8*(gfWords-1-i):])
	}
	return z, true
}

func (f *gf2Field) toBig(a *gfe) *big.Int {
	var buf [8 * gfWords]byte
	for i := 0; i < gfWords; i++ {
		binary.BigEndian.PutUint64(buf[8*(gfWords-1-i):], a[i])
	}
	return new(big.Int).SetBytes(buf[:])
}

// gf2Curve is y² + xy = x³ + ax² + b over the field, with base point G of order N.
type gf2Curve struct {
	params *elliptic.CurveParams
	f      gf2Field
	a, b   gfe
	bOne   bool // b = 1 (the Koblitz curves): the ladder skips a multiplication
}

func (c *gf2Curve) Params() *elliptic.CurveParams { return c.params }

// onCurve checks y² + xy = x³ + ax² + b.
func (c *gf2Curve) onCurve(x, y *gfe) bool {
	f := &c.f
	y2, xy, x2 := f.sqr(y), f.mul(x, y), f.sqr(x)
	x3 := f.mul(&x2, x)
	ax2 := f.mul(&c.a, &x2)
	l := gfAdd(&y2, &xy)
	r := gfAdd(&x3, &ax2)
	r = gfAdd(&r, &c.b)
	return l == r
}

func (c *gf2Curve) IsOnCurve(x, y *big.Int) bool {
	fx, ok1 := c.f.fromBig(x)
	fy, ok2 := c.f.fromBig(y)
	return ok1 && ok2 && c.onCurve(&fx, &fy)
}

// gfPoint is an affine point; inf marks the point at infinity, which the big.Int interface
// spells (0, 0) (never on a binary curve, as b ≠ 0).
type gfPoint struct {
	x, y gfe
	inf  bool
}

func (c *gf2Curve) toPoint(x, y *big.Int) gfPoint {
	if x.Sign() == 0 && y.Sign() == 0 {
		return gfPoint{inf: true}
	}
	fx, _ := c.f.fromBig(x)
	fy, _ := c.f.fromBig(y)
	return gfPoint{x: fx, y: fy}
}

func (c *gf2Curve) fromPoint(p gfPoint) (*big.Int, *big.Int) {
	if p.inf {
		return new(big.Int), new(big.Int)
	}
	return c.f.toBig(&p.x), c.f.toBig(&p.y)
}

func (c *gf2Curve) double(p gfPoint) gfPoint {
	f := &c.f
	if p.inf || f.isZero(&p.x) {
		return gfPoint{inf: true}
	}
	// λ = x + y/x; x3 = λ² + λ + a; y3 = x² + (λ+1)·x3
	ix := f.inv(&p.x)
	l := f.mul(&p.y, &ix)
	l = gfAdd(&l, &p.x)
	l2 := f.sqr(&l)
	x3 := gfAdd(&l2, &l)
	x3 = gfAdd(&x3, &c.a)
	one := f.one()
	l1 := gfAdd(&l, &one)
	y3 := f.mul(&l1, &x3)
	xx := f.sqr(&p.x)
	y3 = gfAdd(&y3, &xx)
	return gfPoint{x: x3, y: y3}
}

func (c *gf2Curve) add(p, q gfPoint) gfPoint {
	f := &c.f
	switch {
	case p.inf:
		return q
	case q.inf:
		return p
	}
	if p.x == q.x {
		if p.y == q.y {
			return c.double(p)
		}
		return gfPoint{inf: true} // q = -p: its y is x + y
	}
	// λ = (y1+y2)/(x1+x2); x3 = λ² + λ + x1 + x2 + a; y3 = λ(x1+x3) + x3 + y1
	dx := gfAdd(&p.x, &q.x)
	dy := gfAdd(&p.y, &q.y)
	idx := f.inv(&dx)
	l := f.mul(&dy, &idx)
	x3 := f.sqr(&l)
	x3 = gfAdd(&x3, &l)
	x3 = gfAdd(&x3, &dx)
	x3 = gfAdd(&x3, &c.a)
	t := gfAdd(&p.x, &x3)
	y3 := f.mul(&l, &t)
	y3 = gfAdd(&y3, &x3)
	y3 = gfAdd(&y3, &p.y)
	return gfPoint{x: x3, y: y3}
}

func (c *gf2Curve) Add(x1, y1, x2, y2 *big.Int) (*big.Int, *big.Int) {
	return c.fromPoint(c.add(c.toPoint(x1, y1), c.toPoint(x2, y2)))
}

func (c *gf2Curve) Double(x1, y1 *big.Int) (*big.Int, *big.Int) {
	return c.fromPoint(c.double(c.toPoint(x1, y1)))
}

// mul is k·p by the López–Dahab ladder: (X1:Z1) holds x(jP) and (X2:Z2) x((j+1)P).
func (c *gf2Curve) mul(p gfPoint, k []byte) gfPoint {
	f := &c.f
	top := -1
	for i, b := range k {
		if b != 0 {
			top = 8*i + bits.LeadingZeros8(b)
			break
		}
	}
	if p.inf || top < 0 {
		return gfPoint{inf: true}
	}
	if f.isZero(&p.x) { // the point of order two
		if k[len(k)-1]&1 == 1 {
			return p
		}
		return gfPoint{inf: true}
	}
	x := p.x
	X1, Z1 := x, f.one()
	Z2 := f.sqr(&x)
	X2 := f.sqr(&Z2)
	X2 = gfAdd(&X2, &c.b)
	madd := func(X1, Z1, X2, Z2 *gfe) (gfe, gfe) {
		a := f.mul(X1, Z2)
		b := f.mul(X2, Z1)
		s := gfAdd(&a, &b)
		z := f.sqr(&s)
		xz := f.mul(&x, &z)
		ab := f.mul(&a, &b)
		return gfAdd(&xz, &ab), z
	}
	mdouble := func(X, Z *gfe) (gfe, gfe) {
		x2, z2 := f.sqr(X), f.sqr(Z)
		x4, z4 := f.sqr(&x2), f.sqr(&z2)
		if !c.bOne {
			z4 = f.mul(&c.b, &z4)
		}
		return gfAdd(&x4, &z4), f.mul(&x2, &z2)
	}
	for i := top + 1; i < 8*len(k); i++ {
		if k[i/8]>>(7-uint(i%8))&1 == 1 {
			X1, Z1 = madd(&X1, &Z1, &X2, &Z2)
			X2, Z2 = mdouble(&X2, &Z2)
		} else {
			X2, Z2 = madd(&X1, &Z1, &X2, &Z2)
			X1, Z1 = mdouble(&X1, &Z1)
		}
	}
	if f.isZero(&Z1) {
		return gfPoint{inf: true}
	}
	if f.isZero(&Z2) { // (k+1)P = ∞, so kP = -P
		return gfPoint{x: x, y: gfAdd(&x, &p.y)}
	}
	// x3 = X1/Z1; y3 = (x + x3)·[(X1 + xZ1)(X2 + xZ2) + (x² + y)(Z1Z2)]·(xZ1Z2)⁻¹ + y
	z1z2 := f.mul(&Z1, &Z2)
	d := f.mul(&x, &z1z2)
	id := f.inv(&d)
	xz2 := f.mul(&x, &Z2)
	t := f.mul(&X1, &xz2)
	x3 := f.mul(&t, &id)
	xz1 := f.mul(&x, &Z1)
	u := gfAdd(&X1, &xz1)
	v := gfAdd(&X2, &xz2)
	uv := f.mul(&u, &v)
	xx := f.sqr(&x)
	xxy := gfAdd(&xx, &p.y)
	w := f.mul(&xxy, &z1z2)
	uv = gfAdd(&uv, &w)
	s := gfAdd(&x, &x3)
	y3 := f.mul(&s, &uv)
	y3 = f.mul(&y3, &id)
	y3 = gfAdd(&y3, &p.y)
	return gfPoint{x: x3, y: y3}
}

func (c *gf2Curve) ScalarMult(x1, y1 *big.Int, k []byte) (*big.Int, *big.Int) {
	return c.fromPoint(c.mul(c.toPoint(x1, y1), k))
}

func (c *gf2Curve) ScalarBaseMult(k []byte) (*big.Int, *big.Int) {
	return c.ScalarMult(c.params.Gx, c.params.Gy, k)
}

// yBit is the compressed form's bit (SEC 1 2.3.3): the low bit of y/x, 0 when x = 0.
func (c *gf2Curve) yBit(x, y *big.Int) bool {
	fx, _ := c.f.fromBig(x)
	if c.f.isZero(&fx) {
		return false
	}
	fy, _ := c.f.fromBig(y)
	ix := c.f.inv(&fx)
	z := c.f.mul(&fy, &ix)
	return z[0]&1 == 1
}

// decompress finds the point with abscissa x and compressed bit bit (SEC 1 2.3.4).
func (c *gf2Curve) decompress(x *big.Int, bit bool) (*big.Int, *big.Int) {
	f := &c.f
	fx, ok := f.fromBig(x)
	if !ok {
		return nil, nil
	}
	var y gfe
	if f.isZero(&fx) {
		y = f.sqrt(&c.b)
	} else {
		// β = x + a + b/x²; z² + z = β; y = x·z, z chosen by its low bit
		x2 := f.sqr(&fx)
		ix2 := f.inv(&x2)
		beta := f.mul(&c.b, &ix2)
		beta = gfAdd(&beta, &fx)
		beta = gfAdd(&beta, &c.a)
		z, ok := f.solveQuadratic(&beta)
		if !ok {
			return nil, nil
		}
		if (z[0]&1 == 1) != bit {
			z[0] ^= 1
		}
		y = f.mul(&fx, &z)
	}
	if !c.onCurve(&fx, &y) {
		return nil, nil
	}
	return f.toBig(&fx), f.toBig(&y)
}

// Unmarshal and UnmarshalCompressed make elliptic.Unmarshal* use this curve's encodings.
func (c *gf2Curve) Unmarshal(data []byte) (*big.Int, *big.Int) {
	size := (c.f.m + 7) / 8
	if len(data) != 1+2*size || data[0] != 4 {
		return nil, nil
	}
	x, y := new(big.Int).SetBytes(data[1:1+size]), new(big.Int).SetBytes(data[1+size:])
	if !c.IsOnCurve(x, y) {
		return nil, nil
	}
	return x, y
}

func (c *gf2Curve) UnmarshalCompressed(data []byte) (*big.Int, *big.Int) {
	size := (c.f.m + 7) / 8
	if len(data) != 1+size || (data[0] != 2 && data[0] != 3) {
		return nil, nil
	}
	return c.decompress(new(big.Int).SetBytes(data[1:]), data[0] == 3)
}

// newGF2Curve builds a curve from the table's hex parameters; terms are the reduction
// polynomial's middle exponents.
func newGF2Curve(name string, m int, terms []int, a, b, gx, gy, n string) *gf2Curve {
	hex := func(s string) *big.Int { v, _ := new(big.Int).SetString(s, 16); return v }
	c := &gf2Curve{f: gf2Field{m: m, nw: (m + 63) / 64, terms: append(append([]int(nil), terms...), 0)}}
	poly := new(big.Int).SetBit(new(big.Int), m, 1)
	for _, k := range c.f.terms {
		if m-k < 64 {
			panic("gf2: reduction term too close to the degree")
		}
		poly.SetBit(poly, k, 1)
	}
	c.params = &elliptic.CurveParams{Name: name, BitSize: m, P: poly, N: hex(n), B: hex(b), Gx: hex(gx), Gy: hex(gy)}
	c.a, _ = c.f.fromBig(hex(a))
	c.b, _ = c.f.fromBig(c.params.B)
	c.bOne = c.b == c.f.one()
	if m%2 == 0 {
		for t := 1; t < m; t++ {
			var x gfe
			x[t/64] = 1 << uint(t%64)
			if c.f.trace(&x) == 1 {
				c.f.tau = t
				break
			}
		}
	}
	return c
}
