package runtime

import (
	"math"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Math.exp, atan, atan2, asin and acos as V8 computes them (fdlibm's methods, as mathpow.go's
// pow): Go's math package takes other approximations (an assembly exp on amd64, Cephes's
// atan), whose results differed from node's in the last bit on about a third of ordinary
// inputs (Math.exp(1.2467...), Math.atan2 of map coordinates, Math.acos(0.3...)).

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
	}{{"exp", fdlibmExp}, {"atan", fdlibmAtan}, {"asin", fdlibmAsin}, {"acos", fdlibmAcos}} {
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
