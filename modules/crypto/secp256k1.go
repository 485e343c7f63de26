package crypto

import (
	"crypto/ecdh"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"math/big"

	"github.com/gojs-dev/gojs/modules"
)

// secp256k1 (y² = x³ + 7, the curve of createECDH('secp256k1')) and the other prime curves
// OpenSSL lists (brainpool, secp112r1..., prime192v1..., SM2: curves.go) are not in Go's crypto:
// this is a plain big.Int implementation of elliptic.Curve for a short Weierstrass curve
// y² = x³ + ax + b, used by ECDH objects and EC keys. It is not constant-time; it serves
// compatibility (libraries probe and use these curves), not secrecy against local timing attackers.
type k256Curve struct {
	params *elliptic.CurveParams
	a      *big.Int // nil: 0
}

// secp256k1 returns the curve, built on first use (not at process start: most programs never
// use it). Safe from any goroutine.
var secp256k1 = modules.Lazy[*k256Curve]{Build: func() *k256Curve {
	p := &elliptic.CurveParams{Name: "secp256k1", BitSize: 256}
	p.P, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16)
	p.N, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)
	p.B = big.NewInt(7)
	p.Gx, _ = new(big.Int).SetString("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", 16)
	p.Gy, _ = new(big.Int).SetString("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", 16)
	return &k256Curve{params: p}
}}

func (c *k256Curve) Params() *elliptic.CurveParams { return c.params }

// rhs is x³ + ax + b mod p.
func (c *k256Curve) rhs(x *big.Int) *big.Int {
	r := new(big.Int).Mul(x, x)
	r.Mul(r, x)
	if c.a != nil {
		r.Add(r, new(big.Int).Mul(c.a, x))
	}
	r.Add(r, c.params.B)
	return r.Mod(r, c.params.P)
}

func (c *k256Curve) IsOnCurve(x, y *big.Int) bool {
	P := c.params.P
	if x.Sign() < 0 || x.Cmp(P) >= 0 || y.Sign() < 0 || y.Cmp(P) >= 0 {
		return false
	}
	y2 := new(big.Int).Mul(y, y)
	y2.Mod(y2, P)
	return y2.Cmp(c.rhs(x)) == 0
}

// Points are affine; (0, 0) is the point at infinity (it is not on the curve).
func isInf(x, y *big.Int) bool { return x.Sign() == 0 && y.Sign() == 0 }

func (c *k256Curve) Add(x1, y1, x2, y2 *big.Int) (*big.Int, *big.Int) {
	P := c.params.P
	switch {
	case isInf(x1, y1):
		return new(big.Int).Set(x2), new(big.Int).Set(y2)
	case isInf(x2, y2):
		return new(big.Int).Set(x1), new(big.Int).Set(y1)
	}
	if x1.Cmp(x2) == 0 {
		if y1.Cmp(y2) == 0 && y1.Sign() != 0 {
			return c.Double(x1, y1)
		}
		return new(big.Int), new(big.Int)
	}
	// λ = (y2 - y1) / (x2 - x1)
	num := new(big.Int).Sub(y2, y1)
	den := new(big.Int).Sub(x2, x1)
	den.Mod(den, P)
	den.ModInverse(den, P)
	l := num.Mul(num, den)
	l.Mod(l, P)
	return c.finish(l, x1, y1, x2)
}

func (c *k256Curve) Double(x1, y1 *big.Int) (*big.Int, *big.Int) {
	P := c.params.P
	if isInf(x1, y1) || y1.Sign() == 0 {
		return new(big.Int), new(big.Int)
	}
	// λ = (3x² + a) / 2y
	num := new(big.Int).Mul(x1, x1)
	num.Mul(num, big.NewInt(3))
	if c.a != nil {
		num.Add(num, c.a)
	}
	den := new(big.Int).Lsh(y1, 1)
	den.Mod(den, P)
	den.ModInverse(den, P)
	l := num.Mul(num, den)
	l.Mod(l, P)
	return c.finish(l, x1, y1, x1)
}

// finish computes x3 = λ² - x1 - x2, y3 = λ(x1 - x3) - y1.
func (c *k256Curve) finish(l, x1, y1, x2 *big.Int) (*big.Int, *big.Int) {
	P := c.params.P
	x3 := new(big.Int).Mul(l, l)
	x3.Sub(x3, x1)
	x3.Sub(x3, x2)
	x3.Mod(x3, P)
	y3 := new(big.Int).Sub(x1, x3)
	y3.Mul(y3, l)
	y3.Sub(y3, y1)
	y3.Mod(y3, P)
	return x3, y3
}

func (c *k256Curve) ScalarMult(bx, by *big.Int, k []byte) (*big.Int, *big.Int) {
	x, y := new(big.Int), new(big.Int)
	for _, b := range k {
		for i := 7; i >= 0; i-- {
			x, y = c.Double(x, y)
			if b>>uint(i)&1 == 1 {
				x, y = c.Add(x, y, bx, by)
			}
		}
	}
	return x, y
}

func (c *k256Curve) ScalarBaseMult(k []byte) (*big.Int, *big.Int) {
	return c.ScalarMult(c.params.Gx, c.params.Gy, k)
}

// decompress returns the point with x and y's parity odd.
func (c *k256Curve) decompress(x *big.Int, odd bool) (*big.Int, *big.Int) {
	P := c.params.P
	if x.Cmp(P) >= 0 {
		return nil, nil
	}
	y := new(big.Int).ModSqrt(c.rhs(x), P)
	if y == nil || !c.IsOnCurve(x, y) {
		return nil, nil
	}
	if (y.Bit(0) == 1) != odd {
		y.Sub(P, y)
	}
	return x, y
}

// ---- ECDH over either crypto/ecdh or a curve of our own -----------------------------------------

// ecdhPrivate is an ECDH object's private key.
type ecdhPrivate interface {
	Bytes() []byte
	publicBytes() []byte
	// shared computes the secret with an uncompressed public point.
	shared(pub []byte) ([]byte, error)
}

type stdECDH struct{ *ecdh.PrivateKey }

func (k stdECDH) publicBytes() []byte { return k.PublicKey().Bytes() }

func (k stdECDH) shared(pub []byte) ([]byte, error) {
	p, err := k.Curve().NewPublicKey(pub)
	if err != nil {
		return nil, err
	}
	return k.ECDH(p)
}

// errECDHInfinity is a shared point at infinity, which OpenSSL reports as a failed derivation.
var errECDHInfinity = errors.New("shared point at infinity")

// curveECDH is a private scalar on a curve crypto/ecdh lacks.
type curveECDH struct {
	c   elliptic.Curve
	d   []byte // fixed length
	pub []byte // d·G, uncompressed, computed once
}

func newCurveECDH(c elliptic.Curve, d []byte) curveECDH {
	x, y := c.ScalarBaseMult(d)
	return curveECDH{c: c, d: d, pub: elliptic.Marshal(c, x, y)} //nolint:staticcheck
}

func (k curveECDH) Bytes() []byte { return append([]byte(nil), k.d...) }

func (k curveECDH) publicBytes() []byte { return append([]byte(nil), k.pub...) }

func (k curveECDH) shared(pub []byte) ([]byte, error) {
	x, y := elliptic.Unmarshal(k.c, pub) //nolint:staticcheck
	if x == nil {
		return nil, errors.New("invalid public key")
	}
	sx, sy := k.c.ScalarMult(x, y, k.d)
	if isInf(sx, sy) { // a point of small order (the binary curves have cofactors)
		return nil, errECDHInfinity
	}
	return sx.FillBytes(make([]byte, (k.c.Params().BitSize+7)/8)), nil
}

// ecdhSupported reports whether ECDH objects work on c.
func ecdhSupported(c elliptic.Curve) bool {
	switch c.(type) {
	case *k256Curve, *gf2Curve:
		return true
	}
	return ecdhCurve(c) != nil
}

func ecdhGenerate(c elliptic.Curve) (ecdhPrivate, error) {
	if ec := ecdhCurve(c); ec != nil {
		k, err := ec.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		return stdECDH{k}, nil
	}
	n := c.Params().N
	d, err := rand.Int(rand.Reader, new(big.Int).Sub(n, big.NewInt(1)))
	if err != nil {
		return nil, err
	}
	d.Add(d, big.NewInt(1))
	return newCurveECDH(c, d.FillBytes(make([]byte, (c.Params().BitSize+7)/8))), nil
}

// ecdhFromBytes makes a private key from its big-endian scalar (padded to the curve's size).
func ecdhFromBytes(c elliptic.Curve, d []byte) (ecdhPrivate, error) {
	if ec := ecdhCurve(c); ec != nil {
		k, err := ec.NewPrivateKey(d)
		if err != nil {
			return nil, err
		}
		return stdECDH{k}, nil
	}
	v := new(big.Int).SetBytes(d)
	if v.Sign() == 0 || v.Cmp(c.Params().N) >= 0 {
		return nil, errors.New("invalid private key")
	}
	return newCurveECDH(c, append([]byte(nil), d...)), nil
}

// ecdhValidPublic reports whether raw (uncompressed) is a point of c.
func ecdhValidPublic(c elliptic.Curve, raw []byte) bool {
	if ec := ecdhCurve(c); ec != nil {
		_, err := ec.NewPublicKey(raw)
		return err == nil
	}
	x, _ := elliptic.Unmarshal(c, raw) //nolint:staticcheck
	return x != nil
}
