package runtime

import (
	"math"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Math.exp, log, log2, log10, atan, atan2, asin, acos, acosh, asinh, sin, cos, tan, sinh, cosh
// and tanh as V8 computes them (fdlibm's methods, as mathpow.go's pow): Go's math package takes
// other approximations (assembly exp and log on amd64, Cephes's atan and trigonometry), whose
// results differed from node's in the last bit on up to two thirds of ordinary inputs
// (Math.exp(1.2467...), Math.atan2 of map coordinates, Math.cos(33.3), Math.log10(2.5)). sin,
// cos and tan past 2**19*pi/2 (where fdlibm reduces by its long table of 2/pi) keep Go's, and
// so do cbrt, expm1, log1p and atanh (expm1, log1p and atanh gave node's results already).

// installMathFdlibm replaces those Math methods.
func (rt *Runtime) installMathFdlibm() {
	vm := rt.vm
	m, ok := vm.Get("Math").(*goja.Object)
	if !ok {
		return
	}
	for _, f := range []struct {
		name string
		fn   func(float64) float64
	}{{"exp", fdlibmExp}, {"atan", fdlibmAtan}, {"asin", fdlibmAsin}, {"acos", fdlibmAcos},
		{"sin", fdlibmSin}, {"cos", fdlibmCos}, {"tan", fdlibmTan}, {"sinh", fdlibmSinh}, {"cosh", fdlibmCosh}, {"tanh", fdlibmTanh},
		{"log", fdlibmLog}, {"log2", fdlibmLog2}, {"log10", fdlibmLog10}, {"acosh", fdlibmAcosh}, {"asinh", fdlibmAsinh},
		{"cbrt", fdlibmCbrt}} {
		fn := f.fn
		_ = m.DefineDataProperty(f.name, modules.Func(vm, f.name, 1, func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(fn(call.Argument(0).ToFloat()))
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	_ = m.DefineDataProperty("atan2", modules.Func(vm, "atan2", 2, func(call goja.FunctionCall) goja.Value {
		y := call.Argument(0).ToFloat()
		return vm.ToValue(fdlibmAtan2(y, call.Argument(1).ToFloat()))
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

var (
	expLn2Hi  = fromWords(0x3FE62E42, 0xFEE00000)
	expLn2Lo  = fromWords(0x3DEA39EF, 0x35793C76)
	expOver   = fromWords(0x40862E42, 0xFEFA39EF) // above it exp overflows
	expUnder  = fromWords(0xC0874910, 0xD52D3051) // below it exp underflows
	twoM1000  = fromWords(0x01700000, 0)
	two1023   = fromWords(0x7FE00000, 0)
	expInvLn2 = powIvln2
)

// fdlibmExp is e**x: x reduced to r = x - k*ln2 (|r| <= ln2/2, as hi-lo), exp(r) by a rational
// approximation, scaled by 2**k.
func fdlibmExp(x float64) float64 {
	hx := uint32(hiWord(x))
	xsb := int(hx >> 31)
	hx &= 0x7FFFFFFF
	if hx >= 0x40862E42 { // |x| >= 709.78...
		if hx >= 0x7FF00000 {
			if (hx&0xFFFFF)|loWord(x) != 0 {
				return math.NaN()
			}
			if xsb == 0 {
				return x
			}
			return 0
		}
		if x > expOver {
			return math.Inf(1)
		}
		if x < expUnder {
			return 0
		}
	}
	var hi, lo float64
	k := 0
	switch {
	case hx > 0x3FD62E42: // |x| > ln2/2
		if hx < 0x3FF0A2B2 { // and < 1.5 ln2
			if x == 1 {
				return math.E // (the computation below rounds e's last bit wrong)
			}
			if xsb == 0 {
				hi, lo, k = x-expLn2Hi, expLn2Lo, 1
			} else {
				hi, lo, k = x+expLn2Hi, -expLn2Lo, -1
			}
		} else {
			half := 0.5
			if xsb == 1 {
				half = -0.5
			}
			k = int(expInvLn2*x + half)
			t := float64(k)
			hi = x - t*expLn2Hi
			lo = t * expLn2Lo
		}
		x = hi - lo
	case hx < 0x3E300000: // |x| < 2**-28
		return 1 + x
	}
	t := x * x
	var twopk float64
	if k >= -1021 {
		twopk = fromWords(uint32(0x3FF00000+int32(k)<<20), 0)
	} else {
		twopk = fromWords(uint32(0x3FF00000+int32(k+1000)<<20), 0)
	}
	c := x - t*(powP1+t*(powP2+t*(powP3+t*(powP4+t*powP5))))
	if k == 0 {
		return 1 - ((x*c)/(c-2.0) - x)
	}
	y := 1 - ((lo - (x*c)/(2.0-c)) - hi)
	if k >= -1021 {
		if k == 1024 {
			return y * 2.0 * two1023
		}
		return y * twopk
	}
	return y * twopk * twoM1000
}

var (
	atanHi = [4]float64{fromWords(0x3FDDAC67, 0x0561BB4F), fromWords(0x3FE921FB, 0x54442D18),
		fromWords(0x3FEF730B, 0xD281F69B), fromWords(0x3FF921FB, 0x54442D18)}
	atanLo = [4]float64{fromWords(0x3C7A2B7F, 0x222F65E2), fromWords(0x3C81A626, 0x33145C07),
		fromWords(0x3C700788, 0x7AF0CBBD), fromWords(0x3C91A626, 0x33145C07)}
	atanT = [11]float64{fromWords(0x3FD55555, 0x5555550D), fromWords(0xBFC99999, 0x9998EBC4),
		fromWords(0x3FC24924, 0x920083FF), fromWords(0xBFBC71C6, 0xFE231671),
		fromWords(0x3FB745CD, 0xC54C206E), fromWords(0xBFB3B0F2, 0xAF749A6D),
		fromWords(0x3FB10D66, 0xA0D03D51), fromWords(0xBFADDE2D, 0x52DEFD9A),
		fromWords(0x3FA97B4B, 0x24760DEB), fromWords(0xBFA2B444, 0x2C6A6C2F),
		fromWords(0x3F90AD3A, 0xE322DA11)}
)

// fdlibmAtan reduces |x| to one of five intervals around atan(0), atan(1/2), atan(1),
// atan(3/2) and atan(inf) and adds a polynomial's value there.
func fdlibmAtan(x float64) float64 {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix >= 0x44100000 { // |x| >= 2**66
		if ix > 0x7FF00000 || ix == 0x7FF00000 && loWord(x) != 0 {
			return math.NaN()
		}
		if hx > 0 {
			return atanHi[3] + atanLo[3]
		}
		return -atanHi[3] - atanLo[3]
	}
	id := -1
	if ix < 0x3FDC0000 { // |x| < 0.4375
		if ix < 0x3E400000 { // |x| < 2**-27
			return x
		}
	} else {
		x = math.Abs(x)
		switch {
		case ix < 0x3FE60000: // < 11/16
			id, x = 0, (2.0*x-1)/(2.0+x)
		case ix < 0x3FF30000: // < 19/16
			id, x = 1, (x-1)/(x+1)
		case ix < 0x40038000: // < 2.4375
			id, x = 2, (x-1.5)/(1+1.5*x)
		default:
			id, x = 3, -1.0/x
		}
	}
	z := x * x
	w := z * z
	s1 := z * (atanT[0] + w*(atanT[2]+w*(atanT[4]+w*(atanT[6]+w*(atanT[8]+w*atanT[10])))))
	s2 := w * (atanT[1] + w*(atanT[3]+w*(atanT[5]+w*(atanT[7]+w*atanT[9]))))
	if id < 0 {
		return x - x*(s1+s2)
	}
	z = atanHi[id] - ((x*(s1+s2) - atanLo[id]) - x)
	if hx < 0 {
		return -z
	}
	return z
}

var (
	piO4 = fromWords(0x3FE921FB, 0x54442D18)
	piO2 = fromWords(0x3FF921FB, 0x54442D18)
	piHi = fromWords(0x400921FB, 0x54442D18)
	piLo = fromWords(0x3CA1A626, 0x33145C07)
)

// fdlibmAtan2 is the angle of (x, y): atan(|y/x|) placed in its quadrant, with IEEE's special
// cases.
func fdlibmAtan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	hx, lx := hiWord(x), loWord(x)
	hy, ly := hiWord(y), loWord(y)
	ix, iy := hx&0x7FFFFFFF, hy&0x7FFFFFFF
	if (hx-0x3FF00000)|int32(lx) == 0 {
		return fdlibmAtan(y) // x is 1
	}
	m := int(uint32(hy)>>31) | int(uint32(hx)>>30)&2 // 2*sign(x)+sign(y)
	if iy|int32(ly) == 0 {
		switch m {
		case 0, 1:
			return y
		case 2:
			return piHi
		default:
			return -piHi
		}
	}
	if ix|int32(lx) == 0 {
		if hy < 0 {
			return -piO2
		}
		return piO2
	}
	if ix == 0x7FF00000 {
		if iy == 0x7FF00000 {
			switch m {
			case 0:
				return piO4
			case 1:
				return -piO4
			case 2:
				return 3.0 * piO4
			default:
				return -3.0 * piO4
			}
		}
		switch m {
		case 0:
			return 0
		case 1:
			return math.Copysign(0, -1)
		case 2:
			return piHi
		default:
			return -piHi
		}
	}
	if iy == 0x7FF00000 {
		if hy < 0 {
			return -piO2
		}
		return piO2
	}
	var z float64
	k := (iy - ix) >> 20
	switch {
	case k > 60: // |y/x| > 2**60
		z = piO2 + 0.5*piLo
		m &= 1
	case hx < 0 && k < -60:
		z = 0
	default:
		z = fdlibmAtan(math.Abs(y / x))
	}
	switch m {
	case 0:
		return z
	case 1:
		return -z
	case 2:
		return piHi - (z - piLo)
	default:
		return (z - piLo) - piHi
	}
}

var (
	pio2Hi = piO2
	pio2Lo = fromWords(0x3C91A626, 0x33145C07)
	pio4Hi = piO4
	asinP  = [6]float64{fromWords(0x3FC55555, 0x55555555), fromWords(0xBFD4D612, 0x03EB6F7D),
		fromWords(0x3FC9C155, 0x0E884455), fromWords(0xBFA48228, 0xB5688F3B),
		fromWords(0x3F49EFE0, 0x7501B288), fromWords(0x3F023DE1, 0x0DFDF709)}
	asinQ = [4]float64{fromWords(0xC0033A27, 0x1C8A2D4B), fromWords(0x40002AE5, 0x9C598AC8),
		fromWords(0xBFE6066C, 0x1B8D0159), fromWords(0x3FB3B8C5, 0xB12E9282)}
)

// asinR is the rational approximation R(z) = p/q of (asin(x)-x)/x**3 at z = x*x, as p and q.
func asinR(z float64) (p, q float64) {
	p = z * (asinP[0] + z*(asinP[1]+z*(asinP[2]+z*(asinP[3]+z*(asinP[4]+z*asinP[5])))))
	q = 1 + z*(asinQ[0]+z*(asinQ[1]+z*(asinQ[2]+z*asinQ[3])))
	return p, q
}

// fdlibmAsin is x + x*x**2*R(x**2) below 0.5, and pi/2 - 2*asin(sqrt((1-x)/2)) above.
func fdlibmAsin(x float64) float64 {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix >= 0x3FF00000 {
		if (ix-0x3FF00000)|int32(loWord(x)) == 0 {
			return x*pio2Hi + x*pio2Lo
		}
		return math.NaN()
	}
	if ix < 0x3FE00000 { // |x| < 0.5
		if ix < 0x3E400000 {
			return x
		}
		p, q := asinR(x * x)
		return x + x*(p/q)
	}
	w := 1 - math.Abs(x)
	t := w * 0.5
	p, q := asinR(t)
	s := math.Sqrt(t)
	if ix >= 0x3FEF3333 { // |x| > 0.975
		t = pio2Hi - (2.0*(s+s*(p/q)) - pio2Lo)
	} else {
		w = clearLoWord(s)
		c := (t - w*w) / (s + w)
		r := p / q
		p = 2.0*s*r - (pio2Lo - 2.0*c)
		q = pio4Hi - 2.0*w
		t = pio4Hi - (p - q)
	}
	if hx > 0 {
		return t
	}
	return -t
}

// fdlibmAcos is pi/2 - asin(x), each range by its own form.
func fdlibmAcos(x float64) float64 {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix >= 0x3FF00000 {
		if (ix-0x3FF00000)|int32(loWord(x)) == 0 {
			if hx > 0 {
				return 0
			}
			return piHi + 2.0*pio2Lo
		}
		return math.NaN()
	}
	if ix < 0x3FE00000 { // |x| < 0.5
		if ix <= 0x3C600000 {
			return pio2Hi + pio2Lo
		}
		p, q := asinR(x * x)
		return pio2Hi - (x - (pio2Lo - x*(p/q)))
	}
	if hx < 0 { // x < -0.5
		z := (1 + x) * 0.5
		p, q := asinR(z)
		s := math.Sqrt(z)
		w := (p/q)*s - pio2Lo
		return piHi - 2.0*(s+w)
	}
	z := (1 - x) * 0.5
	s := math.Sqrt(z)
	df := clearLoWord(s)
	c := (z - df*df) / (s + df)
	p, q := asinR(z)
	w := (p/q)*s + c
	return 2.0 * (df + w)
}

var (
	invPio2 = fromWords(0x3FE45F30, 0x6DC9C883) // 53 bits of 2/pi
	pio2P1  = fromWords(0x3FF921FB, 0x54400000) // the first 33 bits of pi/2
	pio2P1t = fromWords(0x3DD0B461, 0x1A626331) // pi/2 - pio2P1
	pio2P2  = fromWords(0x3DD0B461, 0x1A600000) // the next 33 bits
	pio2P2t = fromWords(0x3BA3198A, 0x2E037073)
	pio2P3  = fromWords(0x3BA3198A, 0x2E000000) // and the next
	pio2P3t = fromWords(0x397B839A, 0x252049C1)
)

// remPio2 reduces x (pi/4 < |x| <= 2**19*pi/2) to y0+y1 = x - n*pi/2, |y0+y1| <= pi/4, by
// subtracting n times pi/2 in up to three parts of 33 bits, as many as the cancellation needs.
func remPio2(x float64) (n int32, y0, y1 float64) {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix < 0x4002D97C { // |x| < 3pi/4: n is ±1
		if hx > 0 {
			z := x - pio2P1
			if ix != 0x3FF921FB {
				y0 = z - pio2P1t
				return 1, y0, (z - y0) - pio2P1t
			}
			z -= pio2P2 // near pi/2: 33+33+53 bits of it
			y0 = z - pio2P2t
			return 1, y0, (z - y0) - pio2P2t
		}
		z := x + pio2P1
		if ix != 0x3FF921FB {
			y0 = z + pio2P1t
			return -1, y0, (z - y0) + pio2P1t
		}
		z += pio2P2
		y0 = z + pio2P2t
		return -1, y0, (z - y0) + pio2P2t
	}
	t := math.Abs(x)
	n = int32(t*invPio2 + 0.5)
	fn := float64(n)
	r := t - fn*pio2P1
	w := fn * pio2P1t // good to 85 bits
	j := ix >> 20
	y0 = r - w
	if i := j - (hiWord(y0)>>20)&0x7FF; i > 16 { // cancellation: good to 118 bits
		t = r
		w = fn * pio2P2
		r = t - w
		w = fn*pio2P2t - ((t - r) - w)
		y0 = r - w
		if i := j - (hiWord(y0)>>20)&0x7FF; i > 49 { // to 151 bits
			t = r
			w = fn * pio2P3
			r = t - w
			w = fn*pio2P3t - ((t - r) - w)
			y0 = r - w
		}
	}
	y1 = (r - y0) - w
	if hx < 0 {
		return -n, -y0, -y1
	}
	return n, y0, y1
}

var (
	kcosC = [6]float64{fromWords(0x3FA55555, 0x5555554C), fromWords(0xBF56C16C, 0x16C15177),
		fromWords(0x3EFA01A0, 0x19CB1590), fromWords(0xBE927E4F, 0x809C52AD),
		fromWords(0x3E21EE9E, 0xBDB4B1C4), fromWords(0xBDA8FAE9, 0xBE8838D4)}
	ksinS = [6]float64{fromWords(0xBFC55555, 0x55555549), fromWords(0x3F811111, 0x1110F8A6),
		fromWords(0xBF2A01A0, 0x19C161D5), fromWords(0x3EC71DE3, 0x57B1FE7D),
		fromWords(0xBE5AE5E6, 0x8A2B9CEB), fromWords(0x3DE5D93A, 0x5ACFD57C)}
	ktanT = [13]float64{fromWords(0x3FD55555, 0x55555563), fromWords(0x3FC11111, 0x1110FE7A),
		fromWords(0x3FABA1BA, 0x1BB341FE), fromWords(0x3F9664F4, 0x8406D637),
		fromWords(0x3F8226E3, 0xE96E8493), fromWords(0x3F6D6D22, 0xC9560328),
		fromWords(0x3F57DBC8, 0xFEE08315), fromWords(0x3F4344D8, 0xF2F26501),
		fromWords(0x3F3026F7, 0x1A8D1068), fromWords(0x3F147E88, 0xA03792A6),
		fromWords(0x3F12B80F, 0x32F0A7E9), fromWords(0xBEF375CB, 0xDB605373),
		fromWords(0x3EFB2A70, 0x74BF7AD4)}
	pio4Lo = fromWords(0x3C81A626, 0x33145C07)
)

// kernelCos is cos(x+y) for |x| <= pi/4 (y the tail of x) by a polynomial of degree 14.
func kernelCos(x, y float64) float64 {
	ix := hiWord(x) & 0x7FFFFFFF
	if ix < 0x3E400000 && int(x) == 0 {
		return 1
	}
	z := x * x
	r := z * (kcosC[0] + z*(kcosC[1]+z*(kcosC[2]+z*(kcosC[3]+z*(kcosC[4]+z*kcosC[5])))))
	if ix < 0x3FD33333 { // |x| < 0.3
		return 1 - (0.5*z - (z*r - x*y))
	}
	var qx float64
	if ix > 0x3FE90000 { // |x| > 0.78125
		qx = 0.28125
	} else {
		qx = fromWords(uint32(ix-0x00200000), 0) // |x|/4
	}
	iz := 0.5*z - qx
	a := 1 - qx
	return a - (iz - (z*r - x*y))
}

// kernelSin is sin(x+y) for |x| <= pi/4 by a polynomial of degree 13 (tail y used when hasY).
func kernelSin(x, y float64, hasY bool) float64 {
	ix := hiWord(x) & 0x7FFFFFFF
	if ix < 0x3E400000 && int(x) == 0 {
		return x
	}
	z := x * x
	v := z * x
	r := ksinS[1] + z*(ksinS[2]+z*(ksinS[3]+z*(ksinS[4]+z*ksinS[5])))
	if !hasY {
		return x + v*(ksinS[0]+z*r)
	}
	return x - ((z*(0.5*y-v*r) - y) - v*ksinS[0])
}

// kernelTan is tan(x+y) (k = 1) or -1/tan(x+y) (k = -1) for |x| <= pi/4: an odd polynomial of
// degree 27, or (1-tan(d))/(1+tan(d)) with d = pi/4-x above 0.6744.
func kernelTan(x, y float64, k int32) float64 {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix < 0x3E300000 && int(x) == 0 { // |x| < 2**-28
		if (ix|int32(loWord(x)))|(k+1) == 0 {
			return 1 / math.Abs(x)
		}
		if k == 1 {
			return x
		}
		w := x + y
		z := clearLoWord(w)
		v := y - (z - x)
		a := -1 / w
		t := clearLoWord(a)
		s := 1 + t*z
		return t + a*(s+t*v)
	}
	big := ix >= 0x3FE59428 // |x| >= 0.6744
	if big {
		if hx < 0 {
			x, y = -x, -y
		}
		z := piO4 - x
		w := pio4Lo - y
		x = z + w
		y = 0
	}
	T := &ktanT
	z := x * x
	w := z * z
	r := T[1] + w*(T[3]+w*(T[5]+w*(T[7]+w*(T[9]+w*T[11]))))
	v := z * (T[2] + w*(T[4]+w*(T[6]+w*(T[8]+w*(T[10]+w*T[12])))))
	s := z * x
	r = y + z*(s*(r+v)+y)
	r += T[0] * s
	w = x + r
	if big {
		v = float64(k)
		return float64(1-int32(uint32(hx)>>30&2)) * (v - 2.0*(x-(w*w/(w+v)-r)))
	}
	if k == 1 {
		return w
	}
	z = clearLoWord(w)
	v = r - (z - x)
	a := -1.0 / w
	t := clearLoWord(a)
	s = 1.0 + t*z
	return t + a*(s+t*v)
}

// trigMedium is the largest |x| remPio2 reduces (2**19*pi/2); past it the engine's own
// functions are used.
const trigMediumHi = 0x413921FB

func fdlibmSin(x float64) float64 {
	ix := hiWord(x) & 0x7FFFFFFF
	switch {
	case ix <= 0x3FE921FB:
		return kernelSin(x, 0, false)
	case ix >= 0x7FF00000:
		return math.NaN()
	case ix > trigMediumHi:
		return math.Sin(x)
	}
	n, y0, y1 := remPio2(x)
	switch n & 3 {
	case 0:
		return kernelSin(y0, y1, true)
	case 1:
		return kernelCos(y0, y1)
	case 2:
		return -kernelSin(y0, y1, true)
	default:
		return -kernelCos(y0, y1)
	}
}

func fdlibmCos(x float64) float64 {
	ix := hiWord(x) & 0x7FFFFFFF
	switch {
	case ix <= 0x3FE921FB:
		return kernelCos(x, 0)
	case ix >= 0x7FF00000:
		return math.NaN()
	case ix > trigMediumHi:
		return math.Cos(x)
	}
	n, y0, y1 := remPio2(x)
	switch n & 3 {
	case 0:
		return kernelCos(y0, y1)
	case 1:
		return -kernelSin(y0, y1, true)
	case 2:
		return -kernelCos(y0, y1)
	default:
		return kernelSin(y0, y1, true)
	}
}

func fdlibmTan(x float64) float64 {
	ix := hiWord(x) & 0x7FFFFFFF
	switch {
	case ix <= 0x3FE921FB:
		return kernelTan(x, 0, 1)
	case ix >= 0x7FF00000:
		return math.NaN()
	case ix > trigMediumHi:
		return math.Tan(x)
	}
	n, y0, y1 := remPio2(x)
	return kernelTan(y0, y1, 1-(n&1)<<1)
}

// fdlibmSinh is sign(x)*(E+E/(E+1))/2 with E = expm1(|x|) below 22, exp(|x|)/2 above (in two
// halves near the overflow).
func fdlibmSinh(x float64) float64 {
	const overflow = 710.4758600739439
	const logMax = 709.7822265625
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	ax := math.Abs(x)
	switch {
	case ax < 22:
		if ax < 3.725290298461914e-9 { // 2**-28
			return x
		}
		t := math.Expm1(ax)
		if ax < 1 {
			return h * (2*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case ax < logMax:
		return h * fdlibmExp(ax)
	case ax <= overflow:
		w := fdlibmExp(0.5 * ax)
		return h * w * w
	}
	return x * 1.0e307 // ±Infinity or NaN
}

// fdlibmCosh is 1+expm1(|x|)**2/(2*exp(|x|)) near 0, (exp(|x|)+1/exp(|x|))/2 up to 22, and
// exp(|x|)/2 above.
func fdlibmCosh(x float64) float64 {
	const overflow = 710.4758600739439
	ix := hiWord(x) & 0x7FFFFFFF
	ax := math.Abs(x)
	switch {
	case ix < 0x3FD62E43: // |x| < ln2/2
		t := math.Expm1(ax)
		w := 1 + t
		if ix < 0x3C800000 {
			return w
		}
		return 1 + (t*t)/(w+w)
	case ix < 0x40360000: // |x| < 22
		t := fdlibmExp(ax)
		return 0.5*t + 0.5/t
	case ix < 0x40862E42:
		return 0.5 * fdlibmExp(ax)
	case ax <= overflow:
		w := fdlibmExp(0.5 * ax)
		t := 0.5 * w
		return t * w
	case ix >= 0x7FF00000:
		return x * x
	}
	return math.Inf(1)
}

// fdlibmTanh is 1-2/(expm1(2|x|)+2) from 1, -expm1(-2|x|)/(expm1(-2|x|)+2) below, 1 past 22.
func fdlibmTanh(x float64) float64 {
	jx := hiWord(x)
	ix := jx & 0x7FFFFFFF
	if ix >= 0x7FF00000 {
		if jx >= 0 {
			return 1/x + 1
		}
		return 1/x - 1
	}
	var z float64
	switch {
	case ix >= 0x40360000: // |x| >= 22
		z = 1
	case ix < 0x3E300000: // |x| < 2**-28
		return x
	case ix >= 0x3FF00000:
		t := math.Expm1(2 * math.Abs(x))
		z = 1 - 2/(t+2)
	default:
		t := math.Expm1(-2 * math.Abs(x))
		z = -t / (t + 2)
	}
	if jx >= 0 {
		return z
	}
	return -z
}

var (
	logLg = [7]float64{fromWords(0x3FE55555, 0x55555593), fromWords(0x3FD99999, 0x9997FA04),
		fromWords(0x3FD24924, 0x94229359), fromWords(0x3FCC71C5, 0x1D8E78AF),
		fromWords(0x3FC74664, 0x96CB03DE), fromWords(0x3FC39A09, 0xD078C69F),
		fromWords(0x3FC2F112, 0xDF3E5244)}
	log2IvHi   = fromWords(0x3FF71547, 0x65200000)
	log2IvLo   = fromWords(0x3DE705FC, 0x2EEFA200)
	log10Of2Hi = fromWords(0x3FD34413, 0x509F6000)
	log10Of2Lo = fromWords(0x3D59FEF3, 0x11F12B36)
)

const (
	two54  = 1.80143985094819840000e+16
	ivln10 = 4.34294481903251816668e-01
)

// kLog1p is log(1+f) - f for 1+f in [sqrt(2)/2, sqrt(2)], less the f*f/2 the callers add.
func kLog1p(f float64) float64 {
	s := f / (2.0 + f)
	z := s * s
	w := z * z
	t1 := w * (logLg[1] + w*(logLg[3]+w*logLg[5]))
	t2 := z * (logLg[0] + w*(logLg[2]+w*(logLg[4]+w*logLg[6])))
	return s * (0.5*f*f + t2 + t1)
}

// fdlibmLog2 is k + log(1+f)/ln2 for x = 2**k*(1+f), in extra precision.
func fdlibmLog2(x float64) float64 {
	hx, lx := hiWord(x), loWord(x)
	k := int32(0)
	if hx < 0x00100000 {
		if (hx&0x7FFFFFFF)|int32(lx) == 0 {
			return math.Inf(-1)
		}
		if hx < 0 {
			return math.NaN()
		}
		k -= 54
		x *= two54
		hx = hiWord(x)
	}
	if hx >= 0x7FF00000 {
		return x + x
	}
	if hx == 0x3FF00000 && lx == 0 {
		return 0
	}
	k += (hx >> 20) - 1023
	hx &= 0x000FFFFF
	i := (hx + 0x95F64) & 0x100000
	x = withHiWord(x, hx|(i^0x3FF00000)) // x or x/2, normalized
	k += i >> 20
	y := float64(k)
	f := x - 1.0
	hfsq := 0.5 * f * f
	r := kLog1p(f)
	hi := clearLoWord(f - hfsq)
	lo := (f - hi) - hfsq + r
	valHi := hi * log2IvHi
	valLo := (lo+hi)*log2IvLo + lo*log2IvHi
	w := y + valHi
	valLo += (y - w) + valHi
	return valLo + w
}

// fdlibmLog10 is n*log10(2) + log(x/2**n)/ln10, n = ilogb(x) (plus one below 1).
func fdlibmLog10(x float64) float64 {
	hx, lx := hiWord(x), loWord(x)
	k := int32(0)
	if hx < 0x00100000 {
		if (hx&0x7FFFFFFF)|int32(lx) == 0 {
			return math.Inf(-1)
		}
		if hx < 0 {
			return math.NaN()
		}
		k -= 54
		x *= two54
		hx, lx = hiWord(x), loWord(x)
	}
	if hx >= 0x7FF00000 {
		return x + x
	}
	if hx == 0x3FF00000 && lx == 0 {
		return 0
	}
	k += (hx >> 20) - 1023
	i := int32(uint32(k) >> 31)
	hx = (hx & 0x000FFFFF) | ((0x3FF - i) << 20)
	y := float64(k + i)
	x = fromWords(uint32(hx), lx)
	z := y*log10Of2Lo + ivln10*fdlibmLog(x)
	return z + y*log10Of2Hi
}

var logLn2Hi, logLn2Lo = expLn2Hi, expLn2Lo

// fdlibmLog is k*ln2 + log(1+f) for x = 2**k*(1+f), sqrt(2)/2 < 1+f < sqrt(2), log(1+f) from
// s = f/(2+f) by a polynomial.
func fdlibmLog(x float64) float64 {
	hx, lx := hiWord(x), loWord(x)
	k := int32(0)
	if hx < 0x00100000 {
		if (hx&0x7FFFFFFF)|int32(lx) == 0 {
			return math.Inf(-1)
		}
		if hx < 0 {
			return math.NaN()
		}
		k -= 54
		x *= two54
		hx = hiWord(x)
	}
	if hx >= 0x7FF00000 {
		return x + x
	}
	k += (hx >> 20) - 1023
	hx &= 0x000FFFFF
	i := (hx + 0x95F64) & 0x100000
	x = withHiWord(x, hx|(i^0x3FF00000))
	k += i >> 20
	f := x - 1.0
	dk := float64(k)
	if 0x000FFFFF&(2+hx) < 3 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			return dk*logLn2Hi + dk*logLn2Lo
		}
		r := f * f * (0.5 - 0.33333333333333333*f)
		if k == 0 {
			return f - r
		}
		return dk*logLn2Hi - ((r - dk*logLn2Lo) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	i = hx - 0x6147A
	w := z * z
	j := 0x6B851 - hx
	t1 := w * (logLg[1] + w*(logLg[3]+w*logLg[5]))
	t2 := z * (logLg[0] + w*(logLg[2]+w*(logLg[4]+w*logLg[6])))
	i |= j
	r := t2 + t1
	if i > 0 {
		hfsq := 0.5 * f * f
		if k == 0 {
			return f - (hfsq - s*(hfsq+r))
		}
		return dk*logLn2Hi - ((hfsq - (s*(hfsq+r) + dk*logLn2Lo)) - f)
	}
	if k == 0 {
		return f - s*(f-r)
	}
	return dk*logLn2Hi - ((s*(f-r) - dk*logLn2Lo) - f)
}

const ln2 = 6.93147180559945286227e-01

// fdlibmAcosh is log(x+sqrt(x*x-1)) in three forms by the size of x.
func fdlibmAcosh(x float64) float64 {
	hx, lx := hiWord(x), loWord(x)
	switch {
	case hx < 0x3FF00000:
		return math.NaN()
	case hx >= 0x41B00000: // x > 2**28
		if hx >= 0x7FF00000 {
			return x + x
		}
		return fdlibmLog(x) + ln2
	case (hx-0x3FF00000)|int32(lx) == 0:
		return 0
	case hx > 0x40000000: // 2 < x < 2**28
		t := x * x
		return fdlibmLog(2.0*x - 1/(x+math.Sqrt(t-1)))
	}
	t := x - 1
	return math.Log1p(t + math.Sqrt(2.0*t+t*t))
}

// fdlibmAsinh is sign(x)*log(|x|+sqrt(x*x+1)) in three forms by the size of x.
func fdlibmAsinh(x float64) float64 {
	hx := hiWord(x)
	ix := hx & 0x7FFFFFFF
	if ix >= 0x7FF00000 {
		return x + x
	}
	if ix < 0x3E300000 { // |x| < 2**-28
		return x
	}
	var w float64
	switch {
	case ix > 0x41B00000: // |x| > 2**28
		w = fdlibmLog(math.Abs(x)) + ln2
	case ix > 0x40000000: // 2 < |x| < 2**28
		t := math.Abs(x)
		w = fdlibmLog(2.0*t + 1/(math.Sqrt(x*x+1)+t))
	default:
		t := x * x
		w = math.Log1p(math.Abs(x) + t/(1+math.Sqrt(1+t)))
	}
	if hx > 0 {
		return w
	}
	return -w
}

// fdlibmCbrt is V8's cbrt (fdlibm's, as FreeBSD keeps it): a first guess from the exponent
// divided by three, a polynomial to 23 bits, rounded away from zero to 23 bits, then one Newton
// step. (Go's math.Cbrt differs in the last bit: Math.cbrt(0.5) was ...997 where node prints
// ...998.)
func fdlibmCbrt(x float64) float64 {
	const (
		b1 = 715094163 // (1023-1023/3-0.03306235651)*2**20
		b2 = 696219795 // (1023-1023/3-54/3-0.03306235651)*2**20
		p0 = 1.87595182427177009643
		p1 = -1.88497979543377169875
		p2 = 1.621429720105354466140
		p3 = -0.758397934778766047437
		p4 = 0.145996192886612446982
	)
	bits := math.Float64bits(x)
	hx := uint32(bits >> 32)
	sign := hx & 0x80000000
	hx &= 0x7FFFFFFF
	if hx >= 0x7FF00000 { // NaN, ±Infinity
		return x + x
	}
	var t float64
	if hx < 0x00100000 { // zero or subnormal
		if hx|uint32(bits) == 0 {
			return x
		}
		t = math.Float64frombits(0x43500000<<32) * x // x * 2**54
		high := uint32(math.Float64bits(t) >> 32)
		t = math.Float64frombits(uint64(sign|((high&0x7FFFFFFF)/3+b2)) << 32)
	} else {
		t = math.Float64frombits(uint64(sign|(hx/3+b1)) << 32)
	}
	r := (t * t) * (t / x)
	t = t * ((p0 + r*(p1+r*p2)) + ((r*r)*r)*(p3+r*p4))
	t = math.Float64frombits((math.Float64bits(t) + 0x80000000) &^ 0x3FFFFFFF)
	s := t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	return t + t*r
}
