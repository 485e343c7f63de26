package runtime

import (
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Number.prototype.toString(radix) for a radix other than 10 prints the digits V8 prints.
// goja's differ past what a double holds: the fraction of Math.random().toString(36), which npm
// code slices into ids, went on to more (or other) digits than node's, and an integer of 2^53 or
// more printed exact digits where V8 writes zeros for the ones the double does not represent
// (1e21.toString(36) is 5v1j4f4ds7c000). installNumberRadix (noteScriptSource: before the first
// script calling toString with an argument) wraps the method.
func (rt *Runtime) installNumberRadix() {
	rt.numberRadixFixed = true
	vm := rt.vm
	proto := builtinProto(vm, "Number")
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	fn := modules.Func(vm, "toString", 1, func(call goja.FunctionCall) goja.Value {
		var x float64
		switch t := call.This.(type) {
		case *goja.Object:
			v, isNum := modules.ExportAs[float64](t)
			if i, isInt := modules.ExportAs[int64](t); isInt {
				v, isNum = float64(i), true
			}
			if t.ClassName() != "Number" || !isNum {
				panic(vm.NewTypeError("Number.prototype.toString requires that 'this' be a Number"))
			}
			x = v
		default:
			if !goja.IsNumber(t) {
				panic(vm.NewTypeError("Number.prototype.toString requires that 'this' be a Number"))
			}
			x = t.ToFloat()
		}
		radix := 10.0
		if r := call.Argument(0); !goja.IsUndefined(r) {
			radix = math.Trunc(r.ToFloat())
			if !(radix >= 2 && radix <= 36) { // (NaN too)
				throwRange(vm, "toString() radix argument must be between 2 and 36")
			}
		}
		if radix == 10 || math.IsNaN(x) || math.IsInf(x, 0) {
			return modules.CallThrowing(orig, vm.ToValue(x))
		}
		return vm.ToValue(radixString(x, int(radix)))
	})
	_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// wantsNumberRadix reports whether src calls toString with an argument somewhere (x.toString(36)).
func wantsNumberRadix(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "toString(")
		if j < 0 {
			return false
		}
		i += j + len("toString(")
		if i < len(src) && src[i] != ')' {
			return true
		}
	}
}

const radixDigits = "0123456789abcdefghijklmnopqrstuvwxyz"

// radixString writes x (finite) in base radix as V8 does: fraction digits only as far as the
// double's precision reaches (half the gap to the next double, scaled along), the last rounded
// half to even with the carry taken back through the digits written; integer digits by exact
// division, with zeros for those below what the double represents.
func radixString(x float64, radix int) string {
	neg := x < 0
	if neg {
		x = -x
	}
	integer := math.Floor(x)
	fraction := x - integer
	delta := math.Max(0.5*(math.Nextafter(x, math.Inf(1))-x), math.SmallestNonzeroFloat64)
	var frac []byte
	if fraction >= delta {
		for {
			fraction *= float64(radix)
			delta *= float64(radix)
			d := int(fraction)
			frac = append(frac, radixDigits[d])
			fraction -= float64(d)
			if fraction > 0.5 || fraction == 0.5 && d&1 == 1 {
				if fraction+delta > 1 {
					// round up: add one to the last digit, carrying left (into the integer part
					// when every fraction digit was the highest)
					for {
						if len(frac) == 0 {
							integer++
							break
						}
						last := strings.IndexByte(radixDigits, frac[len(frac)-1])
						frac = frac[:len(frac)-1]
						if last+1 < radix {
							frac = append(frac, radixDigits[last+1])
							break
						}
					}
					break
				}
			}
			if fraction < delta {
				break
			}
		}
	}
	var intDigits []byte // least significant first
	for exponentOf(integer/float64(radix)) > 0 {
		integer /= float64(radix)
		intDigits = append(intDigits, '0')
	}
	for {
		rem := math.Mod(integer, float64(radix))
		intDigits = append(intDigits, radixDigits[int(rem)])
		integer = (integer - rem) / float64(radix)
		if integer <= 0 {
			break
		}
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := len(intDigits) - 1; i >= 0; i-- {
		b.WriteByte(intDigits[i])
	}
	if len(frac) > 0 {
		b.WriteByte('.')
		b.Write(frac)
	}
	return b.String()
}

// exponentOf is the power of two of the last bit of f's 53-bit significand: f is that
// significand times 2^exponentOf(f); positive from 2^53 up.
func exponentOf(f float64) int {
	bits := math.Float64bits(f)
	e := int(bits >> 52 & 0x7FF)
	if e == 0 { // subnormal
		return -1074
	}
	return e - 1075
}
