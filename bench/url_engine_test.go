package bench

import (
	"testing"

	"github.com/dop251/goja"
)

// Bare-goja baselines for the url workloads: what the engine alone costs to make an object like
// a URL instance, measured without gojs. Run: go test ./bench -run X -bench URLEngine

type urlEngineState struct{ s [11]string }

func (*urlEngineState) Get(string) goja.Value       { return nil }
func (*urlEngineState) Set(string, goja.Value) bool { return false }
func (*urlEngineState) Has(string) bool             { return false }
func (*urlEngineState) Delete(string) bool          { return false }
func (*urlEngineState) Keys() []string              { return nil }

func urlEngineRun(b *testing.B, setup func(vm *goja.Runtime), loop string) {
	vm := goja.New()
	setup(vm)
	prog := goja.MustCompile("b.js", "(function(n){ let h = 0; for (let i = 0; i < n; i++) { "+loop+" } return h; })", false)
	f, err := vm.RunProgram(prog)
	if err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(f)
	b.ResetTimer()
	if _, err := fn(goja.Undefined(), vm.ToValue(b.N)); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkURLEngine(b *testing.B) {
	b.Run("js-empty-object", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {}, "const o = {}; h += 1;")
	})
	b.Run("js-class-instance", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			vm.RunString("class C { constructor(a) { this.a = a } get href() { return this.a } }")
		}, "const o = new C('x'); h += o.href.length;")
	})
	b.Run("js-object-11-strings", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {}, "const o = {href:'a',origin:'b',protocol:'c',username:'d',password:'e',host:'f',hostname:'g',port:'h',pathname:'i',search:'j',hash:'k'}; h += o.href.length;")
	})
	b.Run("go-noop-call", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			vm.Set("mk", func(c goja.FunctionCall) goja.Value { return goja.Undefined() })
		}, "mk('x'); h += 1;")
	})
	b.Run("go-return-const-string", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			v := vm.ToValue("/foo/bar/baz/asdf")
			vm.Set("mk", func(c goja.FunctionCall) goja.Value { return v })
		}, "h += mk('/foo', 'bar', 'baz/asdf', 'quux', '..').length;")
	})
	b.Run("go-return-new-string", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				buf := make([]byte, 17)
				copy(buf, "/foo/bar/baz/asdf")
				return vm.ToValue(string(buf))
			})
		}, "h += mk('/foo', 'bar', 'baz/asdf', 'quux', '..').length;")
	})
	b.Run("go-create-object", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			vm.Set("mk", func(c goja.FunctionCall) goja.Value { return vm.CreateObject(proto) })
		}, "const o = mk('x'); h += 1;")
	})
	b.Run("go-object-symbol-slot", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			slot := goja.NewSymbol("context")
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				o := vm.CreateObject(proto)
				o.DefineDataPropertySymbol(slot, vm.NewDynamicObject(&urlEngineState{}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
				return o
			})
		}, "const o = mk('x'); h += 1;")
	})
	b.Run("go-object-setsymbol", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			slot := goja.NewSymbol("context")
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				o := vm.CreateObject(proto)
				o.SetSymbol(slot, vm.NewDynamicObject(&urlEngineState{}))
				return o
			})
		}, "const o = mk('x'); h += 1;")
	})
	b.Run("go-object-weakmap", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			wm, _ := vm.RunString("new WeakMap()")
			set, _ := goja.AssertFunction(wm.ToObject(vm).Get("set"))
			st := vm.NewDynamicObject(&urlEngineState{})
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				o := vm.CreateObject(proto)
				set(wm, o, st)
				return o
			})
		}, "const o = mk('x'); h += 1;")
	})
	b.Run("go-dynamic-object", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				o := vm.NewDynamicObject(&urlEngineState{})
				o.SetPrototype(proto)
				return o
			})
		}, "const o = mk('x'); h += 1;")
	})
	b.Run("go-dynamic-object-getter", func(b *testing.B) {
		urlEngineRun(b, func(vm *goja.Runtime) {
			proto := vm.NewObject()
			get := vm.ToValue(func(c goja.FunctionCall) goja.Value {
				u := c.This.(*goja.Object).Export().(*urlEngineState)
				return vm.ToValue(u.s[0])
			}).(*goja.Object)
			proto.DefineAccessorProperty("href", get, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
			vm.Set("mk", func(c goja.FunctionCall) goja.Value {
				o := vm.NewDynamicObject(&urlEngineState{s: [11]string{"abc"}})
				o.SetPrototype(proto)
				return o
			})
		}, "const o = mk('x'); h += o.href.length;")
	})
}
