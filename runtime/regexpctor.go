package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// installRegExp replaces the global RegExp by a native constructor that expands Unicode property
// escapes (regexpprops.go) in u- and v-mode patterns given as strings, then builds the engine's
// RegExp (called with new.target, as Reflect.construct would, so subclasses work). Everything
// else passes through unchanged.
// goja gives a native constructor no new.target for `new RegExp(re)`, so RegExp(re) cannot
// return re itself as the spec says: it returns a copy, as new RegExp(re) does.
func (rt *Runtime) installRegExp() {
	vm := rt.vm
	g := vm.GlobalObject()
	native := g.Get("RegExp").ToObject(vm)
	proto := native.Get("prototype").ToObject(vm)
	construct, _ := goja.AssertConstructor(native)
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		pattern, flags := call.Argument(0), call.Argument(1)
		args := call.Arguments
		if s, ok := pattern.(goja.String); ok && !goja.IsUndefined(flags) {
			src := s.String()
			origFlags := flags.String()
			vMode := strings.Contains(origFlags, "v")
			if f, ok := lowerUnicodeSets(src, flags.String()); ok {
				flags = vm.ToValue(f)
				args = []goja.Value{pattern, flags}
			}
			if f := flags.String(); strings.ContainsAny(f, "uv") && (strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`)) {
				p, ok := expandPropertyEscapes(src, vMode)
				if !ok {
					se := vm.Get("SyntaxError").ToObject(vm)
					e, _ := vm.New(se, vm.ToValue("Invalid regular expression: /"+src+"/"+origFlags+": Invalid property name"))
					panic(e)
				}
				args = []goja.Value{vm.ToValue(p), flags}
			}
		}
		nt := call.NewTarget
		if nt == nil {
			nt = ctor
		}
		v, err := construct(nt, args...)
		if err != nil {
			panic(err)
		}
		return v
	}).ToObject(vm)
	modules.NameFunc(vm, ctor, "RegExp", 2)
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	species := vm.ToValue(func(call goja.FunctionCall) goja.Value { return call.This }).ToObject(vm)
	modules.NameFunc(vm, species, "get [Symbol.species]", 0)
	ctor.DefineAccessorPropertySymbol(goja.SymSpecies, species, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	g.DefineDataProperty("RegExp", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
