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
// built-in (called directly, or through call, apply or Reflect.apply) that refuses its receiver
// or an argument: a receiver of the wrong kind (receiverrefusal.go), a Promise static on a
// non-object ("PromiseResolve called on non-object", "Promise.all called on non-object"), then on
// no promise, a String or Array method on null or undefined ("String.prototype.trim called on
// null or undefined", or ToObject's words for the Array methods V8 words so), Reflect's functions
// and Object.defineProperties on a non-object, Symbol.keyFor of no symbol, a typed array's
// constructor called without new, Object.setPrototypeOf given a nullish object,
// Object.setPrototypeOf, Object.create or Reflect.setPrototypeOf given a prototype that is no
// object (a symbol named as V8 does). "" when it is none of those.
func (rt *Runtime) builtinMethodWords(m string) string {
	switch {
	case strings.HasPrefix(m, "Value is not an object: "), m == "Cannot convert undefined or null to object",
		strings.HasSuffix(m, " is not a symbol"), m == "Constructor TypedArray requires 'new'",
		m == "Cannot convert Symbol to a BigInt",
		m == "Value is not object coercible", strings.HasPrefix(m, "Value is not callable: "),
		strings.HasPrefix(m, protoWordsPrefix), m == "Reflect.setPrototypeOf called on non-object",
		kindRefusal(m):
	default:
		return ""
	}
	t, ok := rt.nativeTarget()
	if !ok {
		return ""
	}
	target, this := t.fn, t.this
	name := rt.builtinMethodName(target)
	if refusedReceiver(m, this) {
		if r, ok := rt.receiverRefusalOf(target); ok {
			return r.words(rt.vm, this)
		}
		if gen, ok := strings.CutSuffix(m, " called on incompatible receiver"); ok && strings.HasPrefix(gen, "Method [Generator].prototype.") {
			return m + " " + modules.V8ValueWords(rt.vm, this) // (goja names no receiver)
		}
	}
	if strings.HasPrefix(m, "Value is not callable: ") && name != "Function.prototype.bind" {
		return "" // (only bind's receiver is worded from this message)
	}
	if (name == "Object.defineProperties" || strings.HasPrefix(name, "Reflect.")) && strings.HasPrefix(m, "Value is not an object: ") {
		// (their target is the first argument)
		if _, isObj := t.arg(0).(*goja.Object); !isObj {
			return name + " called on non-object"
		}
	}
	if m == "Cannot convert Symbol to a BigInt" {
		// BigInt(sym): V8 names the symbol
		if sym, ok := t.arg(0).(*goja.Symbol); ok {
			return "Cannot convert " + modules.V8ValueWords(rt.vm, sym) + " to a BigInt"
		}
	}
	if m == "Constructor TypedArray requires 'new'" {
		// Uint8Array(): goja names the constructors' shared parent
		if n, ok := modules.ExportAs[string](t.fn.Get("name")); ok && n != "" {
			return "Constructor " + n + " requires 'new'"
		}
	}
	nullish := this == nil || goja.IsUndefined(this) || goja.IsNull(this)
	switch {
	case name == "Function.prototype.bind":
		if _, callable := goja.AssertFunction(this); !callable {
			return "Bind must be called on a function"
		}
	case name == "", strings.HasPrefix(name, "Function."):
	case name == "Symbol.keyFor":
		if strings.HasSuffix(m, " is not a symbol") {
			return modules.V8ValueWords(rt.vm, t.arg(0)) + " is not a symbol"
		}
	case name == "Object.setPrototypeOf" || name == "Object.create" || name == "Reflect.setPrototypeOf":
		target, proto := t.arg(0), t.arg(1)
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
	case strings.HasPrefix(name, "Map.prototype."), strings.HasPrefix(name, "Set.prototype."), strings.HasPrefix(name, "get "),
		strings.HasPrefix(name, "WeakMap.prototype."), strings.HasPrefix(name, "WeakSet.prototype."):
		// (a receiver of another kind is worded above: anything else is goja's words)
	case strings.HasPrefix(name, "Promise."):
		if _, isObj := this.(*goja.Object); !isObj {
			return name + " called on non-object"
		}
	case nullish && strings.HasPrefix(name, "Array.prototype.") && !arrayNamesNullish[name[len("Array.prototype."):]]:
		return "Cannot convert undefined or null to object" // (V8's ToObject in the others)
	case nullish:
		return name + " called on null or undefined"
	}
	return ""
}

// arrayNamesNullish are the Array.prototype methods V8 words "Array.prototype.map called on null
// or undefined" for a nullish receiver (the others fail in ToObject: "Cannot convert undefined or
// null to object").
var arrayNamesNullish = map[string]bool{"concat": true, "every": true, "filter": true, "find": true,
	"findIndex": true, "findLast": true, "findLastIndex": true, "forEach": true, "indexOf": true, "map": true,
	"reduce": true, "reduceRight": true, "some": true}

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
		add("Reflect.", g.Get("Reflect"), "setPrototypeOf", "defineProperty", "deleteProperty", "get",
			"getOwnPropertyDescriptor", "getPrototypeOf", "has", "isExtensible", "ownKeys", "preventExtensions", "set")
		add("Object.", g.Get("Object"), "defineProperties")
		add("Symbol.", g.Get("Symbol"), "keyFor")
		if a, ok := g.Get("Array").(*goja.Object); ok {
			add("Array.prototype.", a.Get("prototype"), "map", "forEach", "filter", "some", "every", "find",
				"findIndex", "findLast", "findLastIndex", "reduce", "reduceRight", "flatMap",
				"fill", "copyWithin", "splice", "reverse", "sort", "shift", "concat", "indexOf", "push", "pop", "unshift", "with")
		}
		if o, ok := g.Get("Object").(*goja.Object); ok {
			if proto, ok := o.Get("prototype").(*goja.Object); ok {
				if d := modules.OwnDescriptor(rt.vm, proto, rt.vm.ToValue("__proto__")); d != nil {
					if set, ok := d.Get("set").(*goja.Object); ok {
						rt.methodNames[set] = "set Object.prototype.__proto__"
					}
				}
			}
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
				// (trimStart is trimLeft, and V8 says trimLeft; trimEnd trimRight)
				names = append(names, "trimLeft", "trimRight")
				add("String.prototype.", proto, names...)
				if it, ok := proto.GetSymbol(goja.SymIterator).(*goja.Object); ok {
					rt.methodNames[it] = "String.prototype[Symbol.iterator]"
				}
			}
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

// nativeTarget is the built-in the running native call stands for, with its receiver and
// arguments: the callee itself, or m for m.call(recv, ...args), m.apply(recv, args) and
// Reflect.apply(m, recv, args), which goja runs in place, in the frame of call, apply or
// Reflect.apply. ok false as for nativeCall.
type nativeTarget struct {
	callee *goja.Object // the running built-in
	fn     *goja.Object // the built-in called: callee, or m
	this   goja.Value
	args   []goja.Value // (an apply's array-like: its first elements)
}

// arg is the target's argument i, undefined when not given.
func (t nativeTarget) arg(i int) goja.Value {
	if i < len(t.args) && t.args[i] != nil {
		return t.args[i]
	}
	return goja.Undefined()
}

func (rt *Runtime) nativeTarget() (t nativeTarget, ok bool) {
	stack, sb, sp, callee, ok := rt.nativeCall()
	if !ok || sb < 2 {
		return t, false
	}
	t = nativeTarget{callee: callee, fn: callee, this: stack[sb-2], args: stack[sb:sp]}
	arg := t.arg
	spread := func(v goja.Value) []goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return nil
		}
		n := min(o.Get("length").ToInteger(), 8) // (the words need the first few)
		out := make([]goja.Value, 0, max(n, 0))
		for i := int64(0); i < n; i++ {
			out = append(out, o.Get(strconv.FormatInt(i, 10)))
		}
		return out
	}
	switch name := rt.builtinMethodName(callee); {
	case name == "Function.prototype.call" || name == "Function.prototype.apply":
		fn, _ := t.this.(*goja.Object)
		if fn == nil {
			return t, false
		}
		this := arg(0)
		args := t.args
		if len(args) > 0 {
			args = args[1:]
		}
		if name == "Function.prototype.apply" {
			args = spread(arg(1))
		}
		t.fn, t.this, t.args = fn, this, args
	case callee == rt.reflectApply():
		fn, _ := arg(0).(*goja.Object)
		if fn == nil {
			return t, false
		}
		t.fn, t.this, t.args = fn, arg(1), spread(arg(2))
	}
	return t, true
}
