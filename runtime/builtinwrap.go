package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// builtinProto returns the prototype object of the global constructor name, or nil when a
// script replaced either; the lazily installed built-in fixes then leave it alone.
func builtinProto(vm *goja.Runtime, name string) *goja.Object {
	ctor, ok := vm.Get(name).(*goja.Object)
	if !ok {
		return nil
	}
	proto, _ := ctor.Get("prototype").(*goja.Object)
	return proto
}

// callThrowing is modules.CallThrowing.
func callThrowing(f goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	return modules.CallThrowing(f, this, args...)
}

// runFactory runs prg, a JS function expression, and calls that function with args: how the
// fixes written in JS are made. False when either fails.
func runFactory(vm *goja.Runtime, prg *goja.Program, args ...goja.Value) (goja.Value, bool) {
	f, err := vm.RunProgram(prg)
	if err != nil {
		return nil, false
	}
	mk, ok := goja.AssertFunction(f)
	if !ok {
		return nil, false
	}
	v, err := mk(goja.Undefined(), args...)
	if err != nil || v == nil {
		return nil, false
	}
	return v, true
}
