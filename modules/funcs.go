package modules

import "github.com/dop251/goja"

// NameFunc gives a function object Node's name and length, with the attributes JavaScript
// gives them (read-only, not enumerable, configurable). Go functions made with vm.ToValue are
// otherwise named after their Go symbol.
func NameFunc(vm *goja.Runtime, fn *goja.Object, name string, length int) *goja.Object {
	_ = fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return fn
}

// Func is a Go function as a JS function with Node's name and length.
func Func(vm *goja.Runtime, name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return NameFunc(vm, vm.ToValue(f).(*goja.Object), name, length)
}
