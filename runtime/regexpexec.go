package runtime

import (
	"reflect"
	"slices"
	"strings"

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
	var deoptProto *goja.Object // (surrogatePairsDeopt)
	guard := func(name string, length int, v goja.Value, define func(goja.Value)) {
		orig, ok := goja.AssertFunction(v)
		if !ok {
			return
		}
		allMatches := name == "[Symbol.match]" || name == "[Symbol.replace]"
		define(modules.Func(vm, name, length, func(call goja.FunctionCall) goja.Value {
			if o, ok := call.This.(*goja.Object); ok {
				if o.ClassName() != "RegExp" {
					if name == "[Symbol.matchAll]" { // (its iterator calls exec lazily)
					} else if _, ok := goja.AssertFunction(o.Get("exec")); !ok {
						panic(vm.NewTypeError("Method RegExp.prototype.exec called on incompatible receiver " + modules.V8ValueWords(vm, o)))
					}
				} else if allMatches && surrogatePairsDeopt(o, call.Argument(0)) {
					if deoptProto == nil {
						deoptProto = rt.surrogatePairsProto(proto)
					}
					saved := o.Prototype()
					if o.SetPrototype(deoptProto) == nil {
						defer o.SetPrototype(saved)
					}
				}
			} else {
				// V8's words for a primitive receiver (its @@replace names it undefined, whatever it is)
				what := "undefined"
				if name != "[Symbol.replace]" {
					what = primitiveText(call.This)
				}
				panic(vm.NewTypeError("Method RegExp.prototype.@@" + name[len("[Symbol."):len(name)-1] +
					" called on incompatible receiver " + what))
			}
			return callThrowing(orig, call.This, call.Arguments...)
		}))
	}
	if e, ok := proto.Get("exec").(*goja.Object); ok {
		rt.regexpBuiltinExecs = append(rt.regexpBuiltinExecs, e)
	}
	if prev, ok := goja.AssertFunction(proto.Get("test")); ok {
		_ = proto.DefineDataProperty("test", rt.regexpTest(prev), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	for _, s := range []struct {
		sym    *goja.Symbol
		name   string
		length int
	}{{goja.SymMatch, "[Symbol.match]", 1}, {goja.SymMatchAll, "[Symbol.matchAll]", 1}, {goja.SymReplace, "[Symbol.replace]", 2},
		{goja.SymSearch, "[Symbol.search]", 1}} {
		sym := s.sym
		guard(s.name, s.length, proto.GetSymbol(sym), func(f goja.Value) {
			if sym == goja.SymSearch {
				// (moved past replace, as V8 orders them: goja's own order puts replace last)
				_ = proto.DeleteSymbol(sym)
			}
			_ = proto.DefineDataPropertySymbol(sym, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		})
	}
	if ctor, ok := vm.Get("RegExp").(*goja.Object); ok {
		rt.guardRegExpSplit(ctor, proto) // (regexpsplit.go)
	}
}

// regexpTest is RegExp.prototype.test as the spec's RegExpExec has it: the receiver's exec, when
// callable, is what it calls (an object that is no RegExp but has an exec, as is-regex's tests and
// RegExp-like matchers pass; a RegExp given an exec of its own), and a result that is neither an
// object nor null is V8's TypeError. goja's test calls no exec and refuses any receiver that is
// not a RegExp. A RegExp whose exec is one of the runtime's own (goja's, or the wrappers gojs puts
// on RegExp.prototype: regexpBuiltinExecs) goes to prev, the test it had before. A primitive
// receiver gets V8's words, which name it undefined whatever it is.
func (rt *Runtime) regexpTest(prev goja.Callable) goja.Value {
	vm := rt.vm
	return modules.Func(vm, "test", 1, func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Method RegExp.prototype.test called on incompatible receiver undefined"))
		}
		exec := o.Get("exec")
		if o.ClassName() == "RegExp" {
			if e, ok := exec.(*goja.Object); ok && slices.Contains(rt.regexpBuiltinExecs, e) {
				return callThrowing(prev, o, call.Arguments...)
			}
		}
		fn, ok := goja.AssertFunction(exec)
		if !ok {
			if o.ClassName() == "RegExp" {
				return callThrowing(prev, o, call.Arguments...)
			}
			panic(vm.NewTypeError("Method RegExp.prototype.exec called on incompatible receiver " + modules.V8ValueWords(vm, o)))
		}
		s := call.Argument(0)
		if _, ok := s.(*goja.Symbol); ok {
			panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		res := callThrowing(fn, o, vm.ToValue(s.String()))
		if _, ok := res.(*goja.Object); ok {
			return vm.ToValue(true)
		}
		if res != goja.Null() {
			panic(vm.NewTypeError("RegExp exec method returned something other than an Object or null"))
		}
		return vm.ToValue(false)
	})
}

// surrogatePairsProto makes the prototype surrogatePairsDeopt gives a RegExp for one call: it
// inherits RegExp.prototype and has its own exec, which goja's generic matching calls for each
// match. goja's exec from a lastIndex past 0 runs the second engine, which misses surrogate
// pairs too, so this exec matches the rest of the string from its start instead, with a copy of
// the pattern that is neither global nor sticky, and puts the result back in the whole string's
// terms. That is exact for a pattern that looks at nothing before its match (no ^, \b, \B or
// lookbehind: surrogatePairsDeopt takes no other).
func (rt *Runtime) surrogatePairsProto(proto *goja.Object) *goja.Object {
	vm := rt.vm
	origExec, _ := goja.AssertFunction(proto.Get("exec"))
	ctor, _ := vm.Get("RegExp").(*goja.Object)
	clones := map[string]*goja.Object{}
	deopt := vm.CreateObject(proto)
	exec := modules.Func(vm, "exec", 1, func(call goja.FunctionCall) goja.Value {
		rx, ok := call.This.(*goja.Object)
		if !ok || origExec == nil || ctor == nil {
			return callThrowing(origExec, call.This, call.Arguments...)
		}
		str := call.Argument(0).ToString()
		s, _ := str.(goja.String)
		k := rx.Get("lastIndex").ToInteger()
		if s == nil || k <= 0 {
			return callThrowing(origExec, call.This, call.Arguments...)
		}
		sticky := rx.Get("sticky").ToBoolean()
		if k > int64(s.Length()) {
			_ = rx.Set("lastIndex", 0)
			return goja.Null()
		}
		src, flags := rx.Get("source").String(), rx.Get("flags").String()
		key := flags + "/" + src
		clone := clones[key]
		if clone == nil {
			plain := strings.NewReplacer("g", "", "y", "").Replace(flags)
			c, err := vm.New(ctor, vm.ToValue(src), vm.ToValue(plain))
			if err != nil {
				panic(err)
			}
			clone = c
			if len(clones) < 64 {
				clones[key] = clone
			}
		}
		res := callThrowing(origExec, clone, s.Substring(int(k), s.Length()))
		m, ok := res.(*goja.Object)
		if !ok || sticky && m.Get("index").ToInteger() != 0 {
			_ = rx.Set("lastIndex", 0)
			return goja.Null()
		}
		at := k + m.Get("index").ToInteger()
		_ = m.Set("index", at)
		_ = m.Set("input", s)
		_ = rx.Set("lastIndex", at+int64(m.Get("0").ToString().(goja.String).Length()))
		return m
	})
	_ = deopt.DefineDataProperty("exec", exec, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return deopt
}

// surrogatePairsDeopt reports whether goja's [Symbol.match] or [Symbol.replace] of the RegExp
// rx on arg would go wrong: a global pattern without the u flag that names surrogate code units
// (lodash's and emoji libraries' [\ud800-\udbff][\udc00-\udfff]), on a string with non-ASCII
// characters. goja finds all the matches at once on such a string with a second engine that
// matches no surrogate pair there ('a😀b'.match(/[\ud800-\udbff][\udc00-\udfff]/g) was null,
// lodash's toArray and split lost emoji), while its exec, one match at a time, is right. The
// guard then gives rx, for the call, a prototype of its own that inherits RegExp.prototype:
// goja takes the spec's generic path, which calls exec for each match.
func surrogatePairsDeopt(rx *goja.Object, arg goja.Value) bool {
	str, ok := arg.(goja.String)
	if !ok || isASCIIValue(str) {
		return false
	}
	src := rx.Get("source")
	if src == nil || !hasSurrogateEscape(src.String()) || looksBehind(src.String()) {
		return false
	}
	return rx.Get("global").ToBoolean() && !rx.Get("unicode").ToBoolean()
}

// asciiStringType is goja's type for a string of ASCII characters only (it keeps any other
// string as UTF-16).
var asciiStringType = reflect.TypeOf(goja.StringFromUTF16([]uint16{'a'}))

func isASCIIValue(s goja.String) bool { return reflect.TypeOf(s) == asciiStringType }

// hasSurrogateEscape reports whether src (a pattern's source, or a script's) has a \uXXXX escape
// of a surrogate code unit (D800-DFFF).
func hasSurrogateEscape(src string) bool {
	for {
		i := strings.Index(src, "\\u")
		if i < 0 || i+4 > len(src) {
			return false
		}
		if c := src[i+2]; c == 'd' || c == 'D' {
			switch src[i+3] {
			case '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'D', 'E', 'F':
				return true
			}
		}
		src = src[i+2:]
	}
}

// looksBehind reports whether a pattern may look at what comes before where it is tried: a ^
// that does not open a character class, \b, \B or a lookbehind.
func looksBehind(src string) bool {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			if i+1 < len(src) && (src[i+1] == 'b' || src[i+1] == 'B') {
				return true
			}
			i++
		case '^':
			if i == 0 || src[i-1] != '[' {
				return true
			}
		case '(':
			if strings.HasPrefix(src[i:], "(?<=") || strings.HasPrefix(src[i:], "(?<!") {
				return true
			}
		}
	}
	return false
}

// primitiveText is how V8's messages show a primitive value: as String() does, a Symbol as
// Symbol(description).
func primitiveText(v goja.Value) string {
	if s, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + s.String() + ")"
	}
	if v == nil {
		return "undefined"
	}
	return v.String()
}
