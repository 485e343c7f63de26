package crypto

import (
	"math/big"
	"math/rand"
	"testing"
)

// naiveMul is k·p by affine double-and-add, to check the ladder against.
func (c *gf2Curve) naiveMul(p gfPoint, k *big.Int) gfPoint {
	r := gfPoint{inf: true}
	for i := k.BitLen() - 1; i >= 0; i-- {
		r = c.double(r)
		if k.Bit(i) == 1 {
			r = c.add(r, p)
		}
	}
	return r
}

// TestBinaryCurves checks every binary curve: field inversion, the generator's membership,
// n·G = ∞ (h·n·G for the Oakley curves, whose n is the group order), (n-1)·G = -G, the ladder
// against double-and-add, and point decompression.
func TestBinaryCurves(t *testing.T) {
	curvesOnce.Do(loadCurves)
	rng := rand.New(rand.NewSource(1))
	fields := map[string]bool{} // field checks once per reduction polynomial
	for name, c := range binaryCurves {
		p := c.Params()
		f := &c.f
		g := c.toPoint(p.Gx, p.Gy)
		newField := !fields[p.P.String()]
		fields[p.P.String()] = true
		for i := 0; newField && i < 1; i++ {
			var a gfe
			for w := 0; w < f.nw; w++ {
				a[w] = rng.Uint64()
			}
			a, _ = f.fromBig(new(big.Int).Rsh(f.toBig(&a), uint(64*f.nw-f.m)))
			ia := f.inv(&a)
			if prod := f.mul(&a, &ia); prod != f.one() {
				t.Fatalf("%s: a·a⁻¹ = %x", name, prod)
			}
			s := f.sqr(&a)
			if m := f.mul(&a, &a); m != s {
				t.Fatalf("%s: sqr != mul", name)
			}
			if r := f.sqrt(&s); r != a {
				t.Fatalf("%s: sqrt", name)
			}
		}
		if !c.IsOnCurve(p.Gx, p.Gy) {
			t.Errorf("%s: generator not on the curve", name)
			continue
		}
		if x, y := c.ScalarBaseMult(p.N.Bytes()); !isInf(x, y) {
			t.Errorf("%s: n·G is not infinity", name)
		}
		x, y := c.ScalarBaseMult(new(big.Int).Sub(p.N, big.NewInt(1)).Bytes())
		if x.Cmp(p.Gx) != 0 || !c.IsOnCurve(x, y) || y.Cmp(p.Gy) == 0 {
			t.Errorf("%s: (n-1)·G is not -G", name)
		}
		for i := 0; newField && i < 1; i++ {
			// a short scalar keeps double-and-add (an inversion per step) cheap
			k := new(big.Int).SetUint64(rng.Uint64())
			want := c.naiveMul(g, k)
			wx, wy := c.fromPoint(want)
			gx, gy := c.ScalarBaseMult(k.Bytes())
			if gx.Cmp(wx) != 0 || gy.Cmp(wy) != 0 {
				t.Errorf("%s: ladder and double-and-add differ for k=%x", name, k)
			}
			if !want.inf {
				if dx, dy := c.decompress(wx, c.yBit(wx, wy)); dx == nil || dy.Cmp(wy) != 0 {
					t.Errorf("%s: decompress", name)
				}
			}
		}
	}
}
