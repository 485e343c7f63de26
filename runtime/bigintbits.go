package runtime

import (
	"math"
	"math/big"
	"reflect"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// maxBigIntBits is V8's largest BigInt (1 << 30 bits); node throws RangeError "Maximum BigInt
// size exceeded" past it.
const maxBigIntBits = 1 << 30

// goja's BigInt.asIntN and asUintN build 2 ** bits as a big.Int whatever bits is, so
// BigInt.asIntN(2 ** 53 - 1, 1n) asks Go for petabytes and the process dies out of memory
// (BigInt.asIntN(2 ** 32, 10n) takes 512 MiB), where node answers 1n at once.
// installBigIntBits (before the first script whose text names asIntN or asUintN:
// noteScriptSource) wraps them: for a number bits and a BigInt value that already fits (its
// bit length below bits, and for asUintN not negative) the value is the answer; a negative
// value for asUintN past V8's largest BigInt gets node's RangeError; anything else goes to
// goja's own.
func (rt *Runtime) installBigIntBits() {
	rt.bigIntBitsFixed = true
	vm := rt.vm
	ctor, ok := vm.Get("BigInt").(*goja.Object)
	if !ok {
		return
	}
	wrap := func(name string, unsigned bool) {
		orig, ok := goja.AssertFunction(ctor.Get(name))
		if !ok {
			return
		}
		fn := modules.Func(vm, name, 2, func(call goja.FunctionCall) goja.Value {
			if len(call.Arguments) < 2 {
				return callThrowing(orig, call.This, call.Arguments...)
			}
			b := call.Arguments[0]
			if _, isObj := b.(*goja.Object); isObj {
				b = b.ToNumber() // ToIndex's one coercion, before the value's
			}
			if !primitiveNumber(b) {
				return callThrowing(orig, call.This, b, call.Arguments[1])
			}
			bits := math.Trunc(b.ToFloat())
			if math.IsNaN(bits) {
				bits = 0
			}
			if bits < 0 || bits > 1<<53-1 {
				throwRange(vm, "Invalid value: not (convertible to) a safe integer")
			}
			value := toBigIntPrimitive(vm, call.Arguments[1])
			if x, isBig := modules.ExportAs[*big.Int](value); isBig && bits > 0 {
				switch {
				case !unsigned && float64(x.BitLen()) < bits:
					return value
				case unsigned && x.Sign() >= 0 && float64(x.BitLen()) <= bits:
					return value
				case unsigned && x.Sign() < 0 && bits > maxBigIntBits:
					throwRange(vm, "Maximum BigInt size exceeded")
				}
			}
			return callThrowing(orig, call.This, vm.ToValue(bits), value)
		})
		_ = ctor.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	wrap("asIntN", false)
	wrap("asUintN", true)
}

// toBigIntPrimitive does the part of ToBigInt that can make a BigInt of v: an object becomes a
// primitive (Symbol.toPrimitive with hint "number", else valueOf then toString), a string or
// boolean a BigInt as BigInt() makes it (StringToBigInt's SyntaxError for a bad string), a symbol
// V8's TypeError. What else ToBigInt rejects (numbers, undefined, null) is returned as it is,
// for goja's own to throw.
func toBigIntPrimitive(vm *goja.Runtime, v goja.Value) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		v = toPrimitiveNumberHint(vm, o)
	}
	if s, ok := v.(*goja.Symbol); ok {
		panic(vm.NewTypeError("Cannot convert Symbol(" + s.String() + ") to a BigInt"))
	}
	switch v.ExportType() {
	case reflect.TypeFor[string](), reflect.TypeFor[bool]():
		if ctor, ok := goja.AssertFunction(vm.Get("BigInt")); ok {
			return callThrowing(ctor, goja.Undefined(), v)
		}
	}
	return v
}

// toPrimitiveNumberHint is ToPrimitive(o, number).
func toPrimitiveNumberHint(vm *goja.Runtime, o *goja.Object) goja.Value {
	if ex := o.GetSymbol(goja.SymToPrimitive); ex != nil && !goja.IsUndefined(ex) && !goja.IsNull(ex) {
		f, ok := goja.AssertFunction(ex)
		if !ok {
			panic(vm.NewTypeError("Symbol.toPrimitive is not a function"))
		}
		r := callThrowing(f, o, vm.ToValue("number"))
		if _, isObj := r.(*goja.Object); isObj {
			panic(vm.NewTypeError("Cannot convert object to primitive value"))
		}
		return r
	}
	for _, name := range []string{"valueOf", "toString"} {
		if f, ok := goja.AssertFunction(o.Get(name)); ok {
			if r := callThrowing(f, o); r != nil {
				if _, isObj := r.(*goja.Object); !isObj {
					return r
				}
			}
		}
	}
	panic(vm.NewTypeError("Cannot convert object to primitive value"))
}

// throwRange throws a RangeError with msg into the calling built-in.
func throwRange(vm *goja.Runtime, msg string) {
	e, err := vm.New(vm.Get("RangeError"), vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(e)
}
