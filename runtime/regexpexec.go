package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's RegExp.prototype[Symbol.replace] called on an object that is not a RegExp and has no
// callable exec ([], {}, a class instance) calls a Go nil exec and the process dies of a nil
// pointer panic; test, [Symbol.match] and [Symbol.search] throw for it with goja's words ("Value
// is not an object: undefined"). Node throws V8's "Method RegExp.prototype.exec called on
// incompatible receiver #<Object>" from all four (RegExpExec's step for a receiver without
// [[RegExpMatcher]]). installRegExpExecGuard (before the first script whose text names RegExp or
// one of those symbols: noteScriptSource) wraps them: a RegExp receiver goes straight to goja's
// own (one ClassName call), another object without a callable exec gets V8's TypeError.
func (rt *Runtime) installRegExpExecGuard() {
	rt.regexpExecGuarded = true
	vm := rt.vm
	proto := builtinProto(vm, "RegExp")
	if proto == nil {
		return
	}
	guard := func(name string, length int, v goja.Value, define func(goja.Value)) {
		orig, ok := goja.AssertFunction(v)
		if !ok {
			return
		}
		define(modules.Func(vm, name, length, func(call goja.FunctionCall) goja.Value {
			if o, ok := call.This.(*goja.Object); ok && o.ClassName() != "RegExp" {
				if _, ok := goja.AssertFunction(o.Get("exec")); !ok {
					panic(vm.NewTypeError("Method RegExp.prototype.exec called on incompatible receiver " + v8ObjectText(vm, o)))
				}
			}
			return callThrowing(orig, call.This, call.Arguments...)
		}))
	}
	guard("test", 1, proto.Get("test"), func(f goja.Value) {
		_ = proto.DefineDataProperty("test", f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	})
	for _, s := range []struct {
		sym    *goja.Symbol
		name   string
		length int
	}{{goja.SymMatch, "[Symbol.match]", 1}, {goja.SymReplace, "[Symbol.replace]", 2}, {goja.SymSearch, "[Symbol.search]", 1}} {
		sym := s.sym
		guard(s.name, s.length, proto.GetSymbol(sym), func(f goja.Value) {
			_ = proto.DefineDataPropertySymbol(sym, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		})
	}
	if ctor, ok := vm.Get("RegExp").(*goja.Object); ok {
		rt.guardRegExpSplit(ctor, proto) // (regexpsplit.go)
	}
}

// v8ObjectText renders an object the way V8's "incompatible receiver" messages do: a function by
// its source, a built-in kind as "[object Array]", an ordinary object as "#<Constructor>" (or
// "[object Object]" without a prototype).
func v8ObjectText(vm *goja.Runtime, o *goja.Object) string {
	if _, ok := goja.AssertFunction(o); ok {
		if fp, ok := vm.Get("Function").(*goja.Object); ok {
			if p, ok := fp.Get("prototype").(*goja.Object); ok {
				if ts, ok := goja.AssertFunction(p.Get("toString")); ok {
					if s, err := ts(o); err == nil {
						return s.String()
					}
				}
			}
		}
		return "function"
	}
	if c := o.ClassName(); c != "Object" {
		return "[object " + c + "]"
	}
	proto := o.Prototype()
	if proto == nil {
		return "[object Object]"
	}
	if c, ok := proto.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil {
			if s := n.String(); s != "" {
				return "#<" + s + ">"
			}
		}
	}
	return "#<Object>"
}
