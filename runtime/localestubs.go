package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// localeMethods are the locale-sensitive methods of the built-in prototypes, whose goja versions
// are not node's: each gets a stub that loads internal/intl on its first call (intl's glue puts
// the real method in the stub's place) and calls through, so (1234.5).toLocaleString() prints
// '1,234.5' without a script touching Intl first. Built in Go rather than glue: every runtime
// pays for them.
var localeMethods = []struct {
	ctor, name string
	length     int
}{
	{"Number", "toLocaleString", 0},
	{"BigInt", "toLocaleString", 0},
	{"Date", "toLocaleString", 0},
	{"Date", "toLocaleDateString", 0},
	{"Date", "toLocaleTimeString", 0},
	{"String", "localeCompare", 1},
	{"Array", "toLocaleString", 0},
	{"String", "toLocaleLowerCase", 0},
	{"String", "toLocaleUpperCase", 0},
}

func (rt *Runtime) installLocaleStubs() {
	vm := rt.vm
	g := vm.GlobalObject()
	for _, m := range localeMethods {
		ctor, ok := g.Get(m.ctor).(*goja.Object)
		if !ok {
			continue
		}
		proto, ok := ctor.Get("prototype").(*goja.Object)
		if !ok {
			continue
		}
		_ = proto.DefineDataProperty(m.name, rt.localeStub(proto, m.name, m.length), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// localeStub makes the stub of proto's locale method name.
func (rt *Runtime) localeStub(proto *goja.Object, name string, length int) *goja.Object {
	vm := rt.vm
	var stub *goja.Object
	// String's case mappings without a locale are toLowerCase's and toUpperCase's: only a locale
	// loads intl
	plainName := map[string]string{"toLocaleLowerCase": "toLowerCase", "toLocaleUpperCase": "toUpperCase"}[name]
	stub = modules.Func(vm, name, length, func(call goja.FunctionCall) goja.Value {
		if plainName != "" && goja.IsUndefined(call.Argument(0)) {
			if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
				panic(vm.NewTypeError("String.prototype." + name + " called on null or undefined"))
			}
			plain, _ := goja.AssertFunction(proto.Get(plainName))
			v, err := plain(call.This)
			if err != nil {
				panic(err)
			}
			return v
		}
		if _, err := rt.requireBuiltin("internal/intl"); err != nil {
			panic(rt.host.ToJS(err))
		}
		cur := proto.Get(name)
		real, ok := goja.AssertFunction(cur)
		if !ok || cur == stub {
			panic(vm.NewTypeError(name + " is unavailable"))
		}
		v, err := real(call.This, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	})
	return stub
}
