package runtime

import (
	"math"
	"math/big"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Math.pow as V8 computes it: fdlibm's pow (Sun's e_pow.c, which V8 keeps as its Math.pow), so
// results agree with node's to the last bit. Go's math.Pow multiplies out the integer part of
// the exponent and takes exp of the rest, which drifts on large exponents:
// Math.pow(1.0001, 23125.643) was 10.099123924168525, node (and the true value rounded)
// 10.099123924173417; and it differed from node's in the last digit on a third of ordinary
// inputs (Math.pow(x, 1.37), Math.pow(x, 7)). The ** operator gets it through PowHelper
// (installPowHelper).

// installMathPow replaces Math.pow.
func (rt *Runtime) installMathPow() {
	vm := rt.vm
	m, ok := vm.Get("Math").(*goja.Object)
	if !ok {
		return
	}
	fn := modules.Func(vm, "pow", 2, func(call goja.FunctionCall) goja.Value {
		x := call.Argument(0).ToFloat()
		y := call.Argument(1).ToFloat()
		return vm.ToValue(fdlibmPow(x, y))
	})
	_ = m.DefineDataProperty("pow", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// installPowHelper defines the global function that modules.FixExponentLiterals makes `a ** b`
// call: the operands are converted to numerics left first (V8's ToNumeric), numbers get fdlibmPow and two BigInts V8's
// exponentiation, with its RangeErrors for a negative exponent and a result past V8's
// largest BigInt. Installed before the first script whose text holds ** (noteScriptSource), as
// a hidden binding of the global scope (defineHiddenGlobal).
func (rt *Runtime) installPowHelper() {
	rt.powHelperFixed = true
	vm := rt.vm
	fn := modules.Func(vm, "pow", 2, func(call goja.FunctionCall) goja.Value {
		a, b := call.Argument(0), call.Argument(1)
		if goja.IsNumber(a) && goja.IsNumber(b) {
			return vm.ToValue(fdlibmPow(a.ToFloat(), b.ToFloat()))
		}
		a = toNumeric(vm, a)
		b = toNumeric(vm, b)
		aBig, bBig := goja.IsBigInt(a), goja.IsBigInt(b)
		switch {
		case aBig && bBig:
			return vm.ToValue(bigIntPow(vm, a.Export().(*big.Int), b.Export().(*big.Int)))
		case aBig || bBig:
			panic(vm.NewTypeError("Cannot mix BigInt and other types, use explicit conversions"))
		}
		return vm.ToValue(fdlibmPow(a.ToFloat(), b.ToFloat()))
	})
	defineHiddenGlobal(vm, modules.PowHelper, fn)
}

// toNumeric is ECMAScript's ToNumeric: v as a number or a BigInt (an object through its
// Symbol.toPrimitive, valueOf or toString; a symbol refused with V8's TypeError, ToNumber's).
func toNumeric(vm *goja.Runtime, v goja.Value) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		v = toPrimitiveNumberHint(vm, o)
	}
	if goja.IsNumber(v) || goja.IsBigInt(v) {
		return v
	}
	return v.ToNumber()
}

// bigIntPow is base ** exp as V8 computes it for BigInts: a negative exponent and a result
// larger than maxBigIntBits are RangeErrors (with V8's words).
func bigIntPow(vm *goja.Runtime, base, exp *big.Int) *big.Int {
	if exp.Sign() < 0 {
		throwRange(vm, "undefined must be positive")
	}
	if exp.Sign() == 0 {
		return big.NewInt(1)
	}
	if base.IsInt64() && base.Int64() >= -1 && base.Int64() <= 1 {
		if base.Int64() == -1 && exp.Bit(0) == 0 {
			return big.NewInt(1)
		}
		return new(big.Int).Set(base)
	}
	// |base| >= 2: the result has more than (bits(|base|) - 1) * exp bits
	if !exp.IsInt64() || exp.Int64() > maxBigIntBits || int64(new(big.Int).Abs(base).BitLen()-1)*exp.Int64() >= maxBigIntBits {
		throwRange(vm, "Maximum BigInt size exceeded")
	}
	r := new(big.Int).Exp(base, exp, nil)
	if r.BitLen() > maxBigIntBits {
		throwRange(vm, "Maximum BigInt size exceeded")
	}
	return r
}

func hiWord(x float64) int32  { return int32(math.Float64bits(x) >> 32) }
func loWord(x float64) uint32 { return uint32(math.Float64bits(x)) }

func withHiWord(x float64, hi int32) float64 {
	return math.Float64frombits(uint64(uint32(hi))<<32 | math.Float64bits(x)&0xFFFFFFFF)
}

// clearLoWord is x with the low 32 bits of its representation zeroed (its "high part").
func clearLoWord(x float64) float64 {
	return math.Float64frombits(math.Float64bits(x) &^ 0xFFFFFFFF)
}

func fromWords(hi, lo uint32) float64 { return math.Float64frombits(uint64(hi)<<32 | uint64(lo)) }

// The constants of fdlibm's pow, given by their bits.
var (
	powDpH    = [2]float64{0, fromWords(0x3FE2B803, 0x40000000)} // log2(1.5) high
	powDpL    = [2]float64{0, fromWords(0x3E4CFDEB, 0x43CFD006)} // log2(1.5) tail
	powL1     = fromWords(0x3FE33333, 0x33333303)
	powL2     = fromWords(0x3FDB6DB6, 0xDB6FABFF)
	powL3     = fromWords(0x3FD55555, 0x518F264D)
	powL4     = fromWords(0x3FD17460, 0xA91D4101)
	powL5     = fromWords(0x3FCD864A, 0x93C9DB65)
	powL6     = fromWords(0x3FCA7E28, 0x4A454EEF)
	powP1     = fromWords(0x3FC55555, 0x5555553E)
	powP2     = fromWords(0xBF66C16C, 0x16BEBD93)
	powP3     = fromWords(0x3F11566A, 0xAF25DE2C)
	powP4     = fromWords(0xBEBBBD41, 0xC5D26BF1)
	powP5     = fromWords(0x3E663769, 0x72BEA4D0)
	powLg2    = fromWords(0x3FE62E42, 0xFEFA39EF)
	powLg2H   = fromWords(0x3FE62E43, 0x00000000)
	powLg2L   = fromWords(0xBE205C61, 0x0CA86C39)
	powCp     = fromWords(0x3FEEC709, 0xDC3A03FD) // 2/(3 ln 2)
	powCpH    = fromWords(0x3FEEC709, 0xE0000000)
	powCpL    = fromWords(0xBE3E2FE0, 0x145B01F5)
	powIvln2  = fromWords(0x3FF71547, 0x652B82FE) // 1/ln 2
	powIvln2H = fromWords(0x3FF71547, 0x60000000)
	powIvln2L = fromWords(0x3E54AE0B, 0xF85DDF44)
)

const (
	powOvt   = 8.0085662595372944372e-17 // -(1024 - log2(overflow + 0.5 ulp))
	powHuge  = 1.0e300
	powTiny  = 1.0e-300
	powTwo53 = 9007199254740992.0
)

// fdlibmPow is x**y by fdlibm's method: log2(x) to extra precision as t1+t2, times y split in
// two, then 2 to that power by a rational approximation, scaled. ECMAScript's special cases
// (a NaN exponent, ±1 to ±Infinity is NaN) are those fdlibm gives.
func fdlibmPow(x, y float64) float64 {
	hx, lx := hiWord(x), loWord(x)
	hy, ly := hiWord(y), loWord(y)
	ix, iy := hx&0x7fffffff, hy&0x7fffffff

	if iy|int32(ly) == 0 {
		return 1
	}
	if ix > 0x7ff00000 || ix == 0x7ff00000 && lx != 0 || iy > 0x7ff00000 || iy == 0x7ff00000 && ly != 0 {
		return math.NaN()
	}

	// for x < 0: is y an odd integer (1), an even one (2), or none (0)?
	yIsInt := 0
	if hx < 0 {
		switch {
		case iy >= 0x43400000:
			yIsInt = 2
		case iy >= 0x3ff00000:
			k := (iy >> 20) - 0x3ff
			if k > 20 {
				j := ly >> uint(52-k)
				if j<<uint(52-k) == ly {
					yIsInt = 2 - int(j&1)
				}
			} else if ly == 0 {
				j := iy >> uint(20-k)
				if j<<uint(20-k) == iy {
					yIsInt = 2 - int(j&1)
				}
			}
		}
	}

	if ly == 0 {
		if iy == 0x7ff00000 { // y is ±Infinity
			switch {
			case (ix-0x3ff00000)|int32(lx) == 0:
				return math.NaN() // ±1 ** ±Infinity
			case ix >= 0x3ff00000:
				if hy >= 0 {
					return y
				}
				return 0
			default:
				if hy < 0 {
					return -y
				}
				return 0
			}
		}
		if iy == 0x3ff00000 { // y is ±1
			if hy < 0 {
				return 1 / x
			}
			return x
		}
		if hy == 0x40000000 {
			return x * x
		}
		if hy == 0x3fe00000 && hx >= 0 { // y is 0.5
			return math.Sqrt(x)
		}
	}

	ax := math.Abs(x)
	if lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000) { // x is ±0, ±Infinity, ±1
		z := ax
		if hy < 0 {
			z = 1 / z
		}
		if hx < 0 {
			if (ix-0x3ff00000)|int32(yIsInt) == 0 {
				z = math.NaN() // (-1) ** non-integer
			} else if yIsInt == 1 {
				z = -z
			}
		}
		return z
	}

	n := int32(uint32(hx)>>31) ^ 1 // 1 for x >= 0, 0 for x < 0
	if n|int32(yIsInt) == 0 {
		return math.NaN() // (x < 0) ** non-integer
	}
	s := 1.0
	if n|int32(yIsInt-1) == 0 {
		s = -1 // (x < 0) ** odd integer
	}

	var t1, t2 float64
	if iy > 0x41e00000 { // |y| > 2**31
		if iy > 0x43f00000 { // |y| > 2**64: over- or underflows
			if ix <= 0x3fefffff {
				if hy < 0 {
					return math.Inf(1)
				}
				return 0
			}
			if hy > 0 {
				return math.Inf(1)
			}
			return 0
		}
		if ix < 0x3fefffff {
			if hy < 0 {
				return s * powHuge * powHuge
			}
			return s * powTiny * powTiny
		}
		if ix > 0x3ff00000 {
			if hy > 0 {
				return s * powHuge * powHuge
			}
			return s * powTiny * powTiny
		}
		// |1-x| <= 2**-20: log(x) by its series
		t := ax - 1
		w := (t * t) * (0.5 - t*(0.3333333333333333333333-t*0.25))
		u := powIvln2H * t
		v := t*powIvln2L - w*powIvln2
		t1 = clearLoWord(u + v)
		t2 = v - (t1 - u)
	} else {
		n = 0
		if ix < 0x00100000 { // subnormal x
			ax *= powTwo53
			n -= 53
			ix = hiWord(ax)
		}
		n += (ix >> 20) - 0x3ff
		j := ix & 0x000fffff
		ix = j | 0x3ff00000
		k := 0
		switch {
		case j <= 0x3988E: // |x| < sqrt(3/2)
		case j < 0xBB67A: // |x| < sqrt(3)
			k = 1
		default:
			n++
			ix -= 0x00100000
		}
		ax = withHiWord(ax, ix)
		bp := 1.0
		if k == 1 {
			bp = 1.5
		}
		// ss = s_h+s_l = (x-bp)/(x+bp)
		u := ax - bp
		v := 1 / (ax + bp)
		ss := u * v
		sH := clearLoWord(ss)
		tH := withHiWord(0, ((ix>>1)|0x20000000)+0x00080000+int32(k<<18))
		tL := ax - (tH - bp)
		sL := v * ((u - sH*tH) - sH*tL)
		// log(ax)
		s2 := ss * ss
		r := s2 * s2 * (powL1 + s2*(powL2+s2*(powL3+s2*(powL4+s2*(powL5+s2*powL6)))))
		r += sL * (sH + ss)
		s2 = sH * sH
		tH = clearLoWord(3.0 + s2 + r)
		tL = r - ((tH - 3.0) - s2)
		u = sH * tH
		v = sL*tH + tL*ss
		pH := clearLoWord(u + v)
		pL := v - (pH - u)
		zH := powCpH * pH
		zL := powCpL*pH + pL*powCp + powDpL[k]
		t := float64(n)
		t1 = clearLoWord(((zH + zL) + powDpH[k]) + t)
		t2 = zL - (((t1 - t) - powDpH[k]) - zH)
	}

	// (y1+y2)*(t1+t2)
	y1 := clearLoWord(y)
	pL := (y-y1)*t1 + y*t2
	pH := y1 * t1
	z := pL + pH
	j, i := hiWord(z), loWord(z)
	if j >= 0x40900000 { // z >= 1024
		if (j-0x40900000)|int32(i) != 0 || pL+powOvt > z-pH {
			return s * powHuge * powHuge
		}
	} else if j&0x7fffffff >= 0x4090cc00 { // z <= -1075
		if uint32(j)-0xc090cc00|i != 0 || pL <= z-pH {
			return s * powTiny * powTiny
		}
	}
	// 2**(pH+pL)
	ii := j & 0x7fffffff
	k := (ii >> 20) - 0x3ff
	n = 0
	if ii > 0x3fe00000 { // |z| > 0.5: n = [z+0.5]
		n = j + (0x00100000 >> uint(k+1))
		k = ((n & 0x7fffffff) >> 20) - 0x3ff
		t := withHiWord(0, n&^(0x000fffff>>uint(k)))
		n = ((n & 0x000fffff) | 0x00100000) >> uint(20-k)
		if j < 0 {
			n = -n
		}
		pH -= t
	}
	t := clearLoWord(pL + pH)
	u := t * powLg2H
	v := (pL-(t-pH))*powLg2 + t*powLg2L
	z = u + v
	w := v - (z - u)
	t = z * z
	t1 = z - t*(powP1+t*(powP2+t*(powP3+t*(powP4+t*powP5))))
	r := (z * t1) / ((t1 - 2) - (w + z*w))
	z = 1 - (r - z)
	j = hiWord(z) + n<<20
	if j>>20 <= 0 {
		z = math.Ldexp(z, int(n)) // a subnormal result
	} else {
		z = withHiWord(z, hiWord(z)+n<<20)
	}
	return s * z
}
