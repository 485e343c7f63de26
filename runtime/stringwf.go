package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// installWellFormed adds String.prototype.isWellFormed and toWellFormed (ES2024, in node 20),
// which goja lacks: a string is well formed when it has no lone surrogate; toWellFormed
// replaces each lone surrogate by U+FFFD.
func (rt *Runtime) installWellFormed() {
	vm := rt.vm
	proto := vm.Get("String").ToObject(vm).Get("prototype").ToObject(vm)
	isWF, toWF := rt.wellFormedFuncs()
	proto.DefineDataProperty("isWellFormed", isWF, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	proto.DefineDataProperty("toWellFormed", toWF, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// wellFormedFuncs makes isWellFormed and toWellFormed.
func (rt *Runtime) wellFormedFuncs() (isWF, toWF *goja.Object) {
	vm := rt.vm
	thisString := func(this goja.Value, method string) goja.String {
		if goja.IsUndefined(this) || goja.IsNull(this) {
			panic(vm.NewTypeError("String.prototype." + method + " called on null or undefined"))
		}
		if s, ok := this.(goja.String); ok {
			return s
		}
		if _, ok := this.(*goja.Symbol); ok {
			panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		if s, ok := this.ToString().(goja.String); ok {
			return s
		}
		return vm.ToValue(this.String()).(goja.String) // a number or boolean: ASCII
	}
	// lone returns the index of the first lone surrogate at or after i, or -1.
	lone := func(s goja.String, i int) int {
		n := s.Length()
		for ; i < n; i++ {
			c := s.CharAt(i)
			switch {
			case c < 0xD800 || c > 0xDFFF:
			case c <= 0xDBFF && i+1 < n && s.CharAt(i+1) >= 0xDC00 && s.CharAt(i+1) <= 0xDFFF:
				i++
			default:
				return i
			}
		}
		return -1
	}
	isWF = vm.ToValue(func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(lone(thisString(c.This, "isWellFormed"), 0) < 0)
	}).ToObject(vm)
	modules.NameFunc(vm, isWF, "isWellFormed", 0)
	toWF = vm.ToValue(func(c goja.FunctionCall) goja.Value {
		s := thisString(c.This, "toWellFormed")
		i := lone(s, 0)
		if i < 0 {
			return s
		}
		units := make([]uint16, s.Length())
		for j := range units {
			units[j] = s.CharAt(j)
		}
		for ; i >= 0; i = lone(s, i+1) {
			units[i] = 0xFFFD
		}
		return vm.ToValue(goja.StringFromUTF16(units))
	}).ToObject(vm)
	modules.NameFunc(vm, toWF, "toWellFormed", 0)
	return isWF, toWF
}
