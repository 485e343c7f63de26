package runtime

import (
	"math"
	"reflect"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// maxStringLength is V8's longest string on 64-bit hosts ((1 << 29) - 24 UTF-16 units); node
// throws RangeError "Invalid string length" for anything longer.
const maxStringLength = 1<<29 - 24

// goja's String.prototype.padEnd and padStart allocate their result without any limit, so
// 'abc'.padEnd(2 ** 32) asks Go for 4 GiB and the process dies ("fatal error: out of memory",
// or takes the machine's memory), and repeat builds strings longer than node ever does. node
// throws RangeError "Invalid string length" past maxStringLength. installStringLength (before
// the first script whose text names padEnd, padStart or repeat: noteScriptSource) wraps the
// three: the receiver and arguments are coerced once, in the spec's order, and goja's own is
// called with the primitives unless the result would be too long. Primitive string receivers
// with number arguments (the common case) skip straight to goja's after the length check. A
// null or undefined receiver and a bad repeat count get V8's messages.
func (rt *Runtime) installStringLength() {
	rt.stringLengthFixed = true
	rt.installProtoGuards("String") // (guardtemplate.go)
}

// stringLengthMethod is String.prototype's padEnd, padStart or repeat (name) wrapping goja's own
// (orig) with V8's length limit; nil if orig is not a function.
func (rt *Runtime) stringLengthMethod(name string, origV goja.Value) *goja.Object {
	vm := rt.vm
	orig, ok := goja.AssertFunction(origV)
	if !ok {
		return nil
	}
	// prim coerces an object argument to a number or string primitive; ok is false for a symbol
	// or a BigInt (goja's own throws for those).
	prim := func(v goja.Value, toString bool) (goja.Value, bool) {
		if _, isObj := v.(*goja.Object); isObj {
			if toString {
				v = v.ToString()
			} else {
				v = v.ToNumber()
			}
		}
		if v == nil {
			return goja.Undefined(), true
		}
		if _, isSym := v.(*goja.Symbol); isSym {
			return v, false
		}
		if t := v.ExportType(); t != nil && t.Kind() == reflect.Ptr {
			return v, false // BigInt
		}
		return v, true
	}
	receiver := func(name string, this goja.Value) (goja.String, bool) {
		if this == nil || goja.IsUndefined(this) || goja.IsNull(this) {
			panic(vm.NewTypeError("String.prototype." + name + " called on null or undefined"))
		}
		if _, isSym := this.(*goja.Symbol); isSym {
			return nil, false
		}
		s, ok := this.ToString().(goja.String)
		return s, ok
	}
	call := callThrowing
	// short reports a pad call on a primitive string with a primitive length that cannot make
	// a too long result: nothing to coerce, goja's own answers as node does.
	short := func(c goja.FunctionCall) bool {
		if _, ok := c.This.(goja.String); !ok || !primitiveNumber(c.Argument(0)) {
			return false
		}
		n := c.Argument(0).ToFloat()
		return math.IsNaN(n) || n <= maxStringLength
	}
	pad := func(c goja.FunctionCall) goja.Value {
		if short(c) {
			return call(orig, c.This, c.Arguments...)
		}
		s, ok := receiver(name, c.This)
		if !ok {
			return call(orig, c.This, c.Arguments...)
		}
		n, ok := prim(c.Argument(0), false)
		if !ok {
			return call(orig, s, c.Arguments...)
		}
		want := n.ToFloat()
		if math.IsNaN(want) || want <= float64(s.Length()) {
			return call(orig, s, n)
		}
		fill := goja.Value(goja.Undefined())
		if len(c.Arguments) > 1 && !goja.IsUndefined(c.Arguments[1]) {
			if fill, ok = prim(c.Arguments[1], true); !ok {
				return call(orig, s, n, fill)
			}
			fill = fill.ToString()
			if f, ok := fill.(goja.String); ok && f.Length() == 0 {
				return s
			}
		}
		if want > maxStringLength {
			throwRange(vm, "Invalid string length")
		}
		return call(orig, s, n, fill)
	}
	if name != "repeat" {
		return modules.Func(vm, name, 1, pad)
	}
	return modules.Func(vm, name, 1, func(c goja.FunctionCall) goja.Value {
		if _, ok := c.This.(goja.String); ok && primitiveNumber(c.Argument(0)) {
			if n := c.Argument(0).ToFloat(); n >= 0 && n*float64(c.This.(goja.String).Length()) <= maxStringLength {
				return call(orig, c.This, c.Arguments...)
			}
		}
		s, ok := receiver("repeat", c.This)
		if !ok {
			return call(orig, c.This, c.Arguments...)
		}
		n, ok := prim(c.Argument(0), false)
		if !ok {
			return call(orig, s, c.Arguments...)
		}
		count := math.Trunc(n.ToFloat())
		if count < 0 || math.IsInf(count, 1) {
			throwRange(vm, "Invalid count value: "+n.String())
		}
		if !math.IsNaN(count) && count > 0 && !math.IsInf(count, 1) && s.Length() > 0 && float64(s.Length())*count > maxStringLength {
			throwRange(vm, "Invalid string length")
		}
		return call(orig, s, n)
	})
}

// primitiveNumber reports whether v is a number primitive (not an object, string, symbol or
// BigInt), whose ToFloat is not observable.
func primitiveNumber(v goja.Value) bool {
	if v == nil {
		return false
	}
	switch v.ExportType() {
	case reflectTypeInt64, reflectTypeFloat64:
		return true
	}
	return false
}

var (
	reflectTypeInt64   = reflect.TypeOf(int64(0))
	reflectTypeFloat64 = reflect.TypeOf(float64(0))
)
