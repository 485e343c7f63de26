package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// RegExp's legacy static properties (RegExp.$1-$9, input/$_, lastMatch/$&, lastParen/$+,
// leftContext/$`, rightContext/$'), which goja lacks: they read the last successful match of
// any RegExp built-in in the runtime. Old libraries read them right after a match (showdown:
// `while (/¨(K|G)(\d+)\1/.test(s)) { var num = RegExp.$2; ... }`, which crashed).
//
// installRegExpStatics (before the first script whose text reads one of them: noteScriptSource)
// replaces RegExp.prototype.exec with a wrapper that records each match it returns. Redefining
// exec makes goja leave its fast paths for every RegExp of the runtime: match, replace, search,
// split and matchAll then go through exec as the specification says, so they record too (as in
// V8; the cost is why it is installed only for such scripts). goja's test does not call exec, so
// test is wrapped to go through the recording exec when that is the RegExp's exec.
func (rt *Runtime) installRegExpStatics() {
	rt.regexpStaticsFixed = true
	vm := rt.vm
	ctor, ok := vm.Get("RegExp").(*goja.Object)
	if !ok {
		return
	}
	proto := builtinProto(vm, "RegExp")
	if proto == nil {
		return
	}
	origExec, ok := goja.AssertFunction(proto.Get("exec"))
	if !ok {
		return
	}
	prevTest, ok := goja.AssertFunction(proto.Get("test"))
	if !ok {
		return
	}
	st := &regexpStatics{vm: vm, empty: vm.ToValue("")}
	exec := modules.Func(vm, "exec", 1, func(call goja.FunctionCall) goja.Value {
		res := callThrowing(origExec, call.This, call.Arguments...)
		if o, ok := res.(*goja.Object); ok {
			st.record(o)
		}
		return res
	})
	test := modules.Func(vm, "test", 1, func(call goja.FunctionCall) goja.Value {
		if o, ok := call.This.(*goja.Object); ok && o.ClassName() == "RegExp" {
			if e, ok := o.Get("exec").(*goja.Object); ok && e == exec {
				res := callThrowing(origExec, o, call.Arguments...)
				if m, ok := res.(*goja.Object); ok {
					st.record(m)
					return vm.ToValue(true)
				}
				return vm.ToValue(false)
			}
		}
		return callThrowing(prevTest, call.This, call.Arguments...)
	})
	rt.regexpBuiltinExecs = append(rt.regexpBuiltinExecs, exec)
	_ = proto.DefineDataProperty("exec", exec, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("test", test, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	accessor := func(name string, get func() goja.Value, set func(goja.Value)) {
		g := modules.Func(vm, "get "+name, 0, func(goja.FunctionCall) goja.Value { return get() })
		s := modules.Func(vm, "set "+name, 1, func(call goja.FunctionCall) goja.Value {
			if set != nil {
				set(call.Argument(0))
			}
			return goja.Undefined()
		})
		_ = ctor.DefineAccessorProperty(name, g, s, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	setInput := func(v goja.Value) {
		if _, ok := v.(*goja.Symbol); ok {
			panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		st.input = st.str(v)
	}
	for _, name := range [...]string{"input", "$_"} {
		accessor(name, func() goja.Value { return st.or(st.input) }, setInput)
	}
	for _, name := range [...]string{"lastMatch", "$&"} {
		accessor(name, func() goja.Value { return st.or(st.match) }, nil)
	}
	for _, name := range [...]string{"lastParen", "$+"} {
		accessor(name, func() goja.Value { return st.or(st.lastParen) }, nil)
	}
	for _, name := range [...]string{"leftContext", "$`"} {
		accessor(name, st.left, nil)
	}
	for _, name := range [...]string{"rightContext", "$'"} {
		accessor(name, st.right, nil)
	}
	for i := 1; i <= 9; i++ {
		accessor("$"+strconv.Itoa(i), func() goja.Value { return st.or(st.caps[i]) }, nil)
	}
}

// regexpStatics is the last successful match, as RegExp's legacy static properties read it.
type regexpStatics struct {
	vm        *goja.Runtime
	empty     goja.Value // ""
	input     goja.Value // the matched string (or what RegExp.input was set to)
	match     goja.Value
	index     int // where match starts in the string matched, in UTF-16 units
	subject   goja.Value
	caps      [10]goja.Value // $1-$9 (index 0 unused); nil or undefined: ""
	lastParen goja.Value
}

var regexpCapKeys = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// record keeps what res, a match array from exec, says.
func (st *regexpStatics) record(res *goja.Object) {
	n := int(res.Get("length").ToInteger())
	st.match = res.Get("0")
	st.input = res.Get("input")
	st.subject = st.input
	st.index = int(res.Get("index").ToInteger())
	for i := 1; i < len(st.caps); i++ {
		if i < n {
			st.caps[i] = res.Get(regexpCapKeys[i])
		} else {
			st.caps[i] = nil
		}
	}
	st.lastParen = nil
	if n > 1 {
		if n-1 < len(regexpCapKeys) {
			st.lastParen = st.caps[n-1]
		} else {
			st.lastParen = res.Get(strconv.Itoa(n - 1))
		}
	}
}

// or is v as a static property gives it: a string, "" for no value.
func (st *regexpStatics) or(v goja.Value) goja.Value {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return st.empty
	}
	return st.str(v)
}

// str is v converted to a string value (goja's ToString leaves a number as it is).
func (st *regexpStatics) str(v goja.Value) goja.Value {
	if _, ok := v.(goja.String); ok {
		return v
	}
	return st.vm.ToValue(v.String())
}

// left and right are the matched string before and after the last match.
func (st *regexpStatics) left() goja.Value {
	s, ok := st.subjectString()
	if !ok {
		return st.empty
	}
	return s.Substring(0, min(st.index, s.Length()))
}

func (st *regexpStatics) right() goja.Value {
	s, ok := st.subjectString()
	if !ok {
		return st.empty
	}
	from := st.index
	if m, ok := st.str(st.match).(goja.String); ok {
		from += m.Length()
	}
	return s.Substring(min(from, s.Length()), s.Length())
}

func (st *regexpStatics) subjectString() (goja.String, bool) {
	if st.subject == nil || st.match == nil {
		return nil, false
	}
	s, ok := st.str(st.subject).(goja.String)
	return s, ok
}

// mentionsRegExpStatics reports whether src may read one of RegExp's legacy static properties.
func mentionsRegExpStatics(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "RegExp")
		if j < 0 {
			return false
		}
		i += j + len("RegExp")
		rest := src[i:]
		if strings.HasPrefix(rest, ".$") || strings.HasPrefix(rest, "['$") || strings.HasPrefix(rest, `["$`) {
			return true
		}
		if r, ok := strings.CutPrefix(rest, "."); ok {
			for _, p := range [...]string{"lastMatch", "lastParen", "leftContext", "rightContext", "input"} {
				if strings.HasPrefix(r, p) {
					return true
				}
			}
		}
	}
}
