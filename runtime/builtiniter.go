package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// V8 words the errors of the built-ins that take an iterable by the value they were given:
// Promise.all(5) says "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))"
// and new Map([1]) "Iterator value 1 is not an entry object", where goja says "object is not
// iterable" and "Value is not an object: 1". builtinIterableWords finds the built-in and its
// first argument on goja's stacks as the engine makes the error: a called built-in's frame is the
// innermost one (its arguments above its stack base), a constructed one has no frame (its
// arguments are the value stack's top, above the constructor).

// iterableBuiltins are the global built-ins whose first argument is iterated, by path.
var iterableBuiltins = [...][2]string{
	{"Promise", "all"}, {"Promise", "allSettled"}, {"Promise", "any"}, {"Promise", "race"},
	{"Map", ""}, {"Set", ""}, {"WeakMap", ""}, {"WeakSet", ""},
}

// builtinIterableWords is V8's message for the error goja is making with message m inside one
// of iterableBuiltins, "" when it is not one of those or the argument cannot be found.
func (rt *Runtime) builtinIterableWords(m string, raw []goja.StackFrame) string {
	name, arg, ok := rt.iteratedArgument(raw)
	if !ok {
		return ""
	}
	if m == "object is not iterable" {
		return describeNotIterable(arg) + " is not iterable (cannot read property Symbol(Symbol.iterator))"
	}
	value, ok := strings.CutPrefix(m, "Value is not an object: ")
	if !ok {
		return ""
	}
	switch name {
	case "Map":
		return "Iterator value " + value + " is not an entry object"
	case "WeakSet":
		return "Invalid value used in weak set"
	case "WeakMap":
		// an entry that is no object, or an entry's key: told apart in an array of entries (a
		// string's entries are its characters)
		if goja.IsString(arg) {
			return "Iterator value " + value + " is not an entry object"
		}
		if a, ok := arg.(*goja.Object); ok && a.ClassName() == "Array" {
			n := a.Get("length").ToInteger()
			for i := int64(0); i < n && i < 1<<16; i++ {
				e, isObj := a.Get(strconv.FormatInt(i, 10)).(*goja.Object)
				if !isObj {
					return "Iterator value " + value + " is not an entry object"
				}
				if _, keyObj := e.Get("0").(*goja.Object); !keyObj {
					return "Invalid value used as weak map key"
				}
			}
		}
	}
	return ""
}

// describeNotIterable is how V8 names a value that is not iterable: its type, and its value
// for a number or a boolean ("object null" for null).
func describeNotIterable(v goja.Value) string {
	if goja.IsNull(v) {
		return "object null"
	}
	t := modules.TypeOf(v)
	if t == "number" || t == "boolean" {
		return t + " " + v.String()
	}
	return t
}

// iteratedArgument finds which of iterableBuiltins is running and its first argument.
func (rt *Runtime) iteratedArgument(raw []goja.StackFrame) (string, goja.Value, bool) {
	var w slotWalk
	if !w.start(rt.vm) {
		return "", nil, false
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || sp > len(stack) {
		return "", nil, false
	}
	// a called built-in: the running frame is a native one (no program), its callee below its
	// stack base and its arguments from there
	if prg, sb := w.frame(w.calls.len); prg == nil && sb >= 1 && sb <= sp {
		if callee, ok := stack[sb-1].(*goja.Object); ok {
			if name := rt.iterableBuiltin(callee); name != "" {
				var arg goja.Value = goja.Undefined()
				if sb < sp {
					arg = stack[sb]
				}
				return name, arg, true
			}
			// Reflect.apply(builtin, this, [iterable]) (the Promise.any wrapper's call)
			if sb+2 < sp && callee == rt.reflectApply() {
				if fn, ok := stack[sb].(*goja.Object); ok {
					if name := rt.iterableBuiltin(fn); name != "" {
						if args, ok := stack[sb+2].(*goja.Object); ok {
							return name, args.Get("0"), true
						}
					}
				}
			}
		}
		return "", nil, false
	}
	// a constructed one: the constructor, then its arguments, on the value stack's top (only
	// where the line says new: a spread or a for-of next to such a constructor lays out the
	// stack alike)
	if text, col := rt.placeOrMapped(raw); col < 0 || !strings.Contains(text, "new ") {
		return "", nil, false
	}
	for i := sp - 1; i >= 0 && i >= sp-8; i-- {
		if callee, ok := stack[i].(*goja.Object); ok {
			if name := rt.iterableBuiltin(callee); name != "" && !isPromiseMethod(name) {
				var arg goja.Value = goja.Undefined()
				if i+1 < sp {
					arg = stack[i+1]
				}
				return name, arg, true
			}
		}
	}
	return "", nil, false
}

// reflectApply is this realm's Reflect.apply.
func (rt *Runtime) reflectApply() *goja.Object {
	if r, ok := rt.vm.GlobalObject().Get("Reflect").(*goja.Object); ok {
		f, _ := r.Get("apply").(*goja.Object)
		return f
	}
	return nil
}

func isPromiseMethod(name string) bool { return len(name) > 8 && name[:8] == "Promise." }

// iterableBuiltin names fn when it is one of this realm's iterableBuiltins.
func (rt *Runtime) iterableBuiltin(fn *goja.Object) string {
	g := rt.vm.GlobalObject()
	for _, b := range iterableBuiltins {
		o, ok := g.Get(b[0]).(*goja.Object)
		if !ok {
			continue
		}
		if b[1] == "" {
			if o == fn {
				return b[0]
			}
			continue
		}
		if m, ok := o.Get(b[1]).(*goja.Object); ok && m == fn {
			return b[0] + "." + b[1]
		}
	}
	return ""
}

// reflectWords is V8's message for the error goja is making with message m (its "Value is not
// an object: x" or "Value is not callable: x") inside Reflect.apply or Reflect.construct: the
// target that is no function or constructor, named as V8 names values, or the arguments that are
// no object. "" when neither is running.
func (rt *Runtime) reflectWords(m string) string {
	if !strings.HasPrefix(m, "Value is not an object: ") && !strings.HasPrefix(m, "Value is not callable: ") &&
		m != "Value is not a constructor" && !strings.HasPrefix(m, "Could not convert ") {
		return ""
	}
	stack, sb, sp, callee, ok := rt.nativeCall()
	reflect, _ := rt.vm.GlobalObject().Get("Reflect").(*goja.Object)
	if !ok || reflect == nil {
		return ""
	}
	arg := func(i int) goja.Value {
		if sb+i < sp {
			return stack[sb+i]
		}
		return goja.Undefined()
	}
	target := arg(0)
	switch callee {
	case reflect.Get("apply"):
		if _, ok := goja.AssertFunction(target); !ok {
			return "Function.prototype.apply was called on " + modules.V8ValueWords(rt.vm, target) + ", which is " + typeWithArticle(target) + " and not a function"
		}
	case reflect.Get("construct"):
		if o, ok := target.(*goja.Object); !ok || !isConstructor(o) {
			return modules.V8ValueWords(rt.vm, target) + " is not a constructor"
		}
	default:
		return ""
	}
	if _, ok := arg(2).(*goja.Object); !ok && strings.HasPrefix(m, "Value is not an object: ") {
		return "CreateListFromArrayLike called on non-object"
	}
	return ""
}

func isConstructor(o *goja.Object) bool {
	_, ok := goja.AssertConstructor(o)
	return ok
}

// typeWithArticle is V8's words for a value's type in "which is a number": "null" alone, and
// "a undefined" as V8 says it.
func typeWithArticle(v goja.Value) string {
	switch t := modules.TypeOf(v); {
	case goja.IsNull(v):
		return "null"
	case t == "object":
		return "an object"
	default:
		return "a " + t
	}
}

// protoWordsPrefix begins V8's message for a prototype that is neither an object nor null.
const protoWordsPrefix = "Object prototype may only be an Object or null: "

// builtinMethodWords is V8's message for the error goja is making with message m inside a
// built-in method called on a receiver it refuses: a Promise static on a non-object
// ("PromiseResolve called on non-object", "Promise.all called on non-object"), then on no
// promise, a String method or an Array method taking a callback on null or undefined
// ("String.prototype.trim called on null or undefined"), Object.setPrototypeOf given a nullish
// object, Object.setPrototypeOf, Object.create or Reflect.setPrototypeOf given a prototype that is
// no object (a symbol named as V8 does). "" when it is none of those.
func (rt *Runtime) builtinMethodWords(m string) string {
	switch {
	case strings.HasPrefix(m, "Value is not an object: "), m == "Cannot convert undefined or null to object",
		m == "Value is not object coercible", strings.HasPrefix(m, "Value is not callable: "),
		strings.HasPrefix(m, protoWordsPrefix), m == "Reflect.setPrototypeOf called on non-object",
		strings.HasPrefix(m, "Method ") && strings.Contains(m, " called on incompatible receiver"):
	default:
		return ""
	}
	stack, sb, sp, callee, ok := rt.nativeCall()
	if !ok || sb < 2 {
		return ""
	}
	name := rt.builtinMethodName(callee)
	this := stack[sb-2]
	direct := true // the method's own arguments are stack[sb:sp]
	if name == "Function.prototype.call" || name == "Function.prototype.apply" {
		direct = false
		// m.call(recv, ...): goja's call runs m in place, in its own frame
		fn, _ := this.(*goja.Object)
		if fn == nil {
			return ""
		}
		name, this = rt.builtinMethodName(fn), goja.Undefined()
		if sb < sp {
			this = stack[sb]
		}
	} else if callee == rt.reflectApply() && sb+1 < sp {
		// Reflect.apply(m, recv, args)
		direct = false
		fn, _ := stack[sb].(*goja.Object)
		if fn == nil {
			return ""
		}
		name, this = rt.builtinMethodName(fn), stack[sb+1]
	}
	if strings.HasPrefix(m, "Value is not callable: ") && name != "Function.prototype.bind" {
		return "" // (only bind's receiver is worded from this message)
	}
	nullish := this == nil || goja.IsUndefined(this) || goja.IsNull(this)
	switch {
	case name == "Function.prototype.bind":
		if _, callable := goja.AssertFunction(this); !callable {
			return "Bind must be called on a function"
		}
	case name == "", strings.HasPrefix(name, "Function."):
	case name == "Object.setPrototypeOf" || name == "Object.create" || name == "Reflect.setPrototypeOf":
		if !direct {
			return "" // (called through call, apply or Reflect.apply: its arguments are elsewhere)
		}
		arg := func(i int) goja.Value {
			if sb+i < sp {
				return stack[sb+i]
			}
			return goja.Undefined()
		}
		target, proto := arg(0), arg(1)
		switch name {
		case "Object.setPrototypeOf":
			// its object is the first argument (util.inherits(ctor) with no ctor.prototype)
			if goja.IsUndefined(target) || goja.IsNull(target) {
				return name + " called on null or undefined"
			}
		case "Object.create":
			proto = target
		case "Reflect.setPrototypeOf":
			if _, isObj := target.(*goja.Object); !isObj {
				return "" // (goja's words are V8's)
			}
		}
		// a prototype that is no object: V8 names a symbol Symbol(description)
		if _, isObj := proto.(*goja.Object); !isObj && !goja.IsNull(proto) {
			if sym, ok := proto.(*goja.Symbol); ok {
				return protoWordsPrefix + "Symbol(" + sym.String() + ")"
			}
			return protoWordsPrefix + proto.String()
		}
	case name == "Promise.resolve" || name == "Promise.reject":
		if _, isObj := this.(*goja.Object); !isObj {
			return "Promise" + strings.ToUpper(name[8:9]) + name[9:] + " called on non-object"
		}
	case strings.HasPrefix(name, "Promise.prototype."):
		return "Method " + name + " called on incompatible receiver " + modules.V8ValueWords(rt.vm, this)
	case strings.HasPrefix(name, "Date.prototype."):
		// goja: "Value is not an object: 1", "Method Date.prototype.setTime is called on
		// incompatible receiver"; V8 names the receiver but for the getters, which say only this
		if strings.HasPrefix(m, "Value is not an object: ") || m == "Method "+name+" is called on incompatible receiver" {
			if strings.HasPrefix(name, "Date.prototype.get") || name == "Date.prototype.valueOf" {
				return "this is not a Date object."
			}
			return "Method " + name + " called on incompatible receiver " + modules.V8ValueWords(rt.vm, this)
		}
	case strings.HasPrefix(name, "Map.prototype."), strings.HasPrefix(name, "Set.prototype."), strings.HasPrefix(name, "get "),
		strings.HasPrefix(name, "WeakMap.prototype."), strings.HasPrefix(name, "WeakSet.prototype."),
		name == "RegExp.prototype.exec":
		// (goja words an object of another kind by its class alone, #<Object> for new Foo(); a
		// primitive receiver failed before that was reached, as a primitive key of a weak
		// collection does)
		_, isObj := this.(*goja.Object)
		if !isObj && strings.HasPrefix(m, "Value is not an object: ") ||
			isObj && strings.HasPrefix(m, "Method "+name+" called on incompatible receiver ") {
			return "Method " + name + " called on incompatible receiver " + modules.V8ValueWords(rt.vm, this)
		}
	case strings.HasPrefix(name, "Promise."):
		if _, isObj := this.(*goja.Object); !isObj {
			return name + " called on non-object"
		}
	case nullish:
		return name + " called on null or undefined"
	}
	return ""
}

// builtinMethodNames are the built-in methods builtinMethodWords words: the Promise statics and
// then, every String.prototype method, the Array.prototype methods that take a callback and the
// keyed collections' methods.
func (rt *Runtime) builtinMethodName(fn *goja.Object) string {
	if rt.methodNames == nil {
		rt.methodNames = map[*goja.Object]string{}
		g := rt.vm.GlobalObject()
		add := func(path string, holder goja.Value, names ...string) {
			h, ok := holder.(*goja.Object)
			if !ok {
				return
			}
			for _, n := range names {
				if f, ok := h.Get(n).(*goja.Object); ok {
					rt.methodNames[f] = path + n
				}
			}
		}
		if p, ok := g.Get("Promise").(*goja.Object); ok {
			add("Promise.", p, "resolve", "reject", "all", "race", "allSettled", "any")
			add("Promise.prototype.", p.Get("prototype"), "then")
		}
		if f, ok := g.Get("Function").(*goja.Object); ok {
			add("Function.prototype.", f.Get("prototype"), "call", "apply", "bind")
		}
		add("Object.", g.Get("Object"), "defineProperty", "setPrototypeOf", "create")
		add("Reflect.", g.Get("Reflect"), "setPrototypeOf")
		add("Reflect.", g.Get("Reflect"), "defineProperty")
		if a, ok := g.Get("Array").(*goja.Object); ok {
			add("Array.prototype.", a.Get("prototype"), "map", "forEach", "filter", "some", "every", "find",
				"findIndex", "findLast", "findLastIndex", "reduce", "reduceRight", "flatMap",
				"fill", "copyWithin", "splice", "reverse", "sort", "shift")
		}
		if s, ok := g.Get("String").(*goja.Object); ok {
			if proto, ok := s.Get("prototype").(*goja.Object); ok {
				var names []string
				for _, k := range proto.Keys() {
					names = append(names, k)
				}
				for _, k := range []string{"at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes",
					"indexOf", "lastIndexOf", "localeCompare", "match", "matchAll", "normalize", "padEnd", "padStart",
					"repeat", "replace", "replaceAll", "search", "slice", "split", "startsWith", "substring", "substr",
					"toLocaleLowerCase", "toLocaleUpperCase", "toLowerCase", "toUpperCase", "trim", "trimStart", "trimEnd",
					"isWellFormed", "toWellFormed"} {
					names = append(names, k)
				}
				add("String.prototype.", proto, names...)
			}
		}
		// Date's methods (all but the Annex B and Intl ones, which glue words) and RegExp's exec,
		// which check their receiver's kind
		if d, ok := g.Get("Date").(*goja.Object); ok {
			if proto, ok := d.Get("prototype").(*goja.Object); ok {
				var names []string
				for _, k := range proto.GetOwnPropertyNames() {
					// (toGMTString is toUTCString itself, whose name V8 says)
					if _, isFn := goja.AssertFunction(proto.Get(k)); isFn && k != "constructor" && k != "toGMTString" {
						names = append(names, k)
					}
				}
				add("Date.prototype.", proto, names...)
			}
		}
		if re, ok := g.Get("RegExp").(*goja.Object); ok {
			add("RegExp.prototype.", re.Get("prototype"), "exec")
		}
		// the keyed collections' methods, which check their receiver's kind
		for _, c := range [...]struct {
			name    string
			methods []string
		}{
			{"Map", []string{"get", "set", "has", "delete", "clear", "forEach", "entries", "keys", "values"}},
			{"Set", []string{"add", "has", "delete", "clear", "forEach", "entries", "values"}},
			{"WeakMap", []string{"get", "set", "has", "delete"}},
			{"WeakSet", []string{"add", "has", "delete"}},
		} {
			if ctor, ok := g.Get(c.name).(*goja.Object); ok {
				add(c.name+".prototype.", ctor.Get("prototype"), c.methods...)
				if proto, ok := ctor.Get("prototype").(*goja.Object); ok && !strings.HasPrefix(c.name, "Weak") {
					if d := modules.OwnDescriptor(rt.vm, proto, rt.vm.ToValue("size")); d != nil {
						if get, ok := d.Get("get").(*goja.Object); ok {
							rt.methodNames[get] = "get " + c.name + ".prototype.size"
						}
					}
				}
			}
		}
	}
	return rt.methodNames[fn]
}

// nativeCall is the running built-in's call on goja's value stack, as the engine makes an error
// inside it: the stack, the frame's base (its arguments from there up to sp, its callee just
// below, its receiver below that) and the callee; ok false when the running frame is no
// built-in's or goja's layout is unknown.
func (rt *Runtime) nativeCall() (stack []goja.Value, sb, sp int, callee *goja.Object, ok bool) {
	var w slotWalk
	if !w.start(rt.vm) {
		return nil, 0, 0, nil, false
	}
	stack, sp, ok = vmValueStack(rt.vm)
	prg, sb := w.frame(w.calls.len)
	if !ok || prg != nil || sb < 1 || sb > sp || sp > len(stack) {
		return nil, 0, 0, nil, false
	}
	callee, _ = stack[sb-1].(*goja.Object)
	return stack, sb, sp, callee, callee != nil
}
