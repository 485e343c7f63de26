package runtime

import (
	goruntime "runtime"
	"strings"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The v flag (unicodeSets): the engine knows only u, so a v-mode pattern is lowered to a u-mode
// one (regexpsets.go, regexpprops.go) and the regexp made with u. The runtime remembers which
// regexps were asked for with v (a weak set: a regexp's entry goes with it), and RegExp.prototype
// tells them apart as V8 does: unicodeSets is true for them, and flags, read generically from
// the flag getters in V8's order (dgimsuvy), has the v and not the engine's u. new RegExp(re) of
// one makes another from its source as written. Their unicode stays true (V8: false): the
// engine's fast paths for every regexp end once RegExp.prototype.unicode is redefined.

// unicodeSetsRegexps is the set of a runtime's v-flag regexps.
type unicodeSetsRegexps struct {
	mu sync.Mutex
	m  map[weak.Pointer[goja.Object]]struct{}
}

func (s *unicodeSetsRegexps) add(o *goja.Object) {
	k := weak.Make(o)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[weak.Pointer[goja.Object]]struct{}{}
	}
	if _, ok := s.m[k]; !ok {
		s.m[k] = struct{}{}
		goruntime.AddCleanup(o, s.remove, k)
	}
}

func (s *unicodeSetsRegexps) remove(k weak.Pointer[goja.Object]) {
	s.mu.Lock()
	delete(s.m, k)
	s.mu.Unlock()
}

// has reports whether o was made with the v flag; without any such regexp it is a length check.
func (s *unicodeSetsRegexps) has(o *goja.Object) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.m) == 0 {
		return false
	}
	_, ok := s.m[weak.Make(o)]
	return ok
}

// regexpFlagGetters are the flags in the order of V8's flags getter.
var regexpFlagGetters = [...]struct {
	name string
	flag byte
}{
	{"hasIndices", 'd'}, {"global", 'g'}, {"ignoreCase", 'i'}, {"multiline", 'm'},
	{"dotAll", 's'}, {"unicode", 'u'}, {"unicodeSets", 'v'}, {"sticky", 'y'},
}

// installUnicodeSets gives RegExp.prototype (proto) its unicodeSets getter and a flags getter
// that knows v-flag regexps.
func (rt *Runtime) installUnicodeSets(proto *goja.Object) {
	vm := rt.vm
	unicodeSets := modules.Func(vm, "get unicodeSets", 0, func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		switch {
		case ok && o.ClassName() == "RegExp":
			return vm.ToValue(rt.vRegexps.has(o))
		case ok && o == proto:
			return goja.Undefined()
		}
		panic(vm.NewTypeError("RegExp.prototype.unicodeSets getter called on non-RegExp object"))
	})
	engineFlags := ownGetter(vm, proto, "flags")
	flags := modules.Func(vm, "get flags", 0, func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("RegExp.prototype.flags getter called on non-object " + modules.V8ValueWords(vm, call.This)))
		}
		isV := rt.vRegexps.has(o)
		if !isV && engineFlags != nil && o.Prototype() == proto {
			// (a plain regexp: the engine's getter, which reads the same flags but d and v)
			f, err := engineFlags(o)
			if err != nil {
				panic(err)
			}
			return f
		}
		var b [len(regexpFlagGetters)]byte
		n := 0
		for _, f := range regexpFlagGetters {
			if isV && f.flag == 'u' {
				continue // (the engine's u, under the v asked for)
			}
			if on := o.Get(f.name); on != nil && on.ToBoolean() {
				b[n] = f.flag
				n++
			}
		}
		return vm.ToValue(string(b[:n]))
	})
	_ = proto.DefineAccessorProperty("flags", flags, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// toString: the engine's shows its own flags (u for v); a v-flag regexp's is made from its
	// source and flags getters, as V8 makes every one
	if engineToString, ok := goja.AssertFunction(proto.Get("toString")); ok {
		toString := modules.Func(vm, "toString", 0, func(call goja.FunctionCall) goja.Value {
			o, ok := call.This.(*goja.Object)
			if !ok || !rt.vRegexps.has(o) {
				v, err := engineToString(call.This)
				if err != nil {
					panic(err)
				}
				return v
			}
			return vm.ToValue("/" + o.Get("source").String() + "/" + o.Get("flags").String())
		})
		_ = proto.DefineDataProperty("toString", toString, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	_ = proto.DefineAccessorProperty("unicodeSets", unicodeSets, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// unicodeSetsFlags reports whether the flags of a RegExp call ask for v mode, and the V8
// SyntaxError (to panic with) when they also ask for u.
func unicodeSetsFlags(vm *goja.Runtime, flags string) (bool, *goja.Object) {
	if !strings.Contains(flags, "v") {
		return false, nil
	}
	if strings.Contains(flags, "u") || strings.Count(flags, "v") > 1 {
		e, _ := vm.New(vm.Get("SyntaxError").ToObject(vm), vm.ToValue("Invalid flags supplied to RegExp constructor '"+flags+"'"))
		return true, e
	}
	return true, nil
}
