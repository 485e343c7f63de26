package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// callbackWords is V8's message for a built-in given a callback that is not callable
// ([1].map({}), new Map().forEach(5), new Promise([]), u8.sort('x')), where goja says "Value is
// not callable: [object Object]", "object is not a function %!s(MISSING)" or, for some methods
// and a null callback, "Cannot convert undefined or null to object". The running built-in and
// its arguments are read off goja's value stack (nativeCall) while the error is made; "" when no
// such built-in is running, or its callback is callable (the error is another one).
func (rt *Runtime) callbackWords(m string, raw []goja.StackFrame) string {
	switch {
	case strings.HasPrefix(m, "Value is not callable: "), strings.HasPrefix(m, "Value is not an object: "),
		m == "Cannot convert undefined or null to object", strings.HasSuffix(m, " is not a function %!s(MISSING)"),
		strings.HasSuffix(m, " is not a function"), strings.HasPrefix(m, "Could not convert "):
		// (the last: goja failing to print an object without toString, a null-prototype one)
	default:
		return ""
	}
	if (strings.HasPrefix(m, "Value is not callable: ") || strings.HasPrefix(m, "Value is not an object: ")) &&
		len(raw) > 0 && raw[0].SrcName() != "<native>" {
		// new Promise(x) runs in the frame of the new (goja gives the constructor none)
		if text, col := rt.errorPlace(raw); col >= 0 && strings.HasPrefix(text[col:], "new ") && rt.constructingPromise() {
			return rt.promiseResolverWords(m)
		}
	}
	t, ok := rt.nativeTarget()
	if !ok {
		return ""
	}
	kind := rt.callbackTakers()[t.fn]
	if kind == cbNone {
		return ""
	}
	if _, checks := rt.receiverRefusalOf(t.fn); checks && refusedReceiver(m, t.this) {
		return "" // (the receiver is refused before the callback: builtinMethodWords)
	}
	arg := t.arg
	cb := arg(0)
	if kind == cbFrom {
		cb = arg(1)
		if goja.IsUndefined(cb) {
			return ""
		}
	}
	if _, callable := goja.AssertFunction(cb); callable {
		return ""
	}
	if this := t.this; kind != cbPromise && kind != cbFrom && (this == nil || goja.IsUndefined(this) || goja.IsNull(this)) {
		return "" // (the receiver's error: builtinMethodWords)
	}
	switch kind {
	case cbFlatMap:
		return "flatMap mapper function is not callable"
	case cbCompare:
		if goja.IsUndefined(cb) {
			return ""
		}
		return "The comparison function must be either a function or undefined"
	case cbPromise:
		return "Promise resolver " + modules.V8ValueWords(rt.vm, cb) + " is not a function"
	case cbCollection:
		return typedValueWords(cb) + " is not a function"
	}
	return modules.V8ValueWords(rt.vm, cb) + " is not a function"
}

// typedValueWords is a value as V8 prints it after its type in a keyed collection's forEach
// error: "number 5", `string "x"`, "object null", and the type alone for an object, a symbol or
// a bigint.
func typedValueWords(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	if _, isSym := v.(*goja.Symbol); isSym {
		return "symbol"
	}
	switch x := modules.ExportCheap(v).(type) {
	case string:
		return "string " + strconv.Quote(x)
	case bool:
		return "boolean " + v.String()
	case int64, float64:
		return "number " + v.String()
	}
	if _, isObj := v.(*goja.Object); isObj {
		return "object"
	}
	return "bigint"
}

type callbackKind uint8

const (
	cbNone       callbackKind = iota
	cbEach                    // [].forEach(x) and the like: "x is not a function"
	cbFrom                    // Array.from(items, x)
	cbFlatMap                 // [].flatMap(x)
	cbCompare                 // a typed array's sort(x)
	cbPromise                 // new Promise(x)
	cbCollection              // Map's and Set's forEach(x)
)

// callbackTakers maps the built-ins that take a callback to the words of their refusal.
func (rt *Runtime) callbackTakers() map[*goja.Object]callbackKind {
	if rt.cbTakers != nil {
		return rt.cbTakers
	}
	rt.cbTakers = map[*goja.Object]callbackKind{}
	g := rt.vm.GlobalObject()
	add := func(holder goja.Value, kind callbackKind, names ...string) {
		h, ok := holder.(*goja.Object)
		if !ok {
			return
		}
		for _, n := range names {
			if f, ok := h.Get(n).(*goja.Object); ok {
				rt.cbTakers[f] = kind
			}
		}
	}
	each := []string{"forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "reduce", "reduceRight"}
	if a, ok := g.Get("Array").(*goja.Object); ok {
		add(a.Get("prototype"), cbEach, each...)
		add(a.Get("prototype"), cbFlatMap, "flatMap")
		add(a, cbFrom, "from")
	}
	if u8, ok := g.Get("Uint8Array").(*goja.Object); ok {
		if proto, ok := u8.Get("prototype").(*goja.Object); ok && proto.Prototype() != nil {
			ta := proto.Prototype()
			add(ta, cbEach, each...)
			add(ta, cbCompare, "sort", "toSorted")
		}
	}
	for _, c := range [...]string{"Map", "Set"} {
		if ctor, ok := g.Get(c).(*goja.Object); ok {
			add(ctor.Get("prototype"), cbCollection, "forEach")
		}
	}
	if p, ok := g.Get("Promise").(*goja.Object); ok {
		rt.cbTakers[p] = cbPromise
	}
	return rt.cbTakers
}

// promiseResolverWords is V8's message for new Promise(x) with an x that is not callable, goja's
// "Value is not an object: 5" or "Value is not callable: [object Object]": x is the value on the
// top of the engine's stack (the constructor runs without a frame of its own). "" when the
// message is another, or the stack's top is not such an x.
func (rt *Runtime) promiseResolverWords(m string) string {
	shown, prim := strings.CutPrefix(m, "Value is not an object: ")
	if !prim && !strings.HasPrefix(m, "Value is not callable: ") {
		return ""
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if ok && sp >= 1 && sp <= len(stack) && stack[sp-1] != nil {
		x := stack[sp-1]
		_, isObj := x.(*goja.Object)
		_, callable := goja.AssertFunction(x)
		if isObj != prim && !callable {
			return "Promise resolver " + modules.V8ValueWords(rt.vm, x) + " is not a function"
		}
	}
	if prim {
		return "Promise resolver " + shown + " is not a function"
	}
	return ""
}

// constructingPromise reports whether the new being evaluated constructs the Promise intrinsic or
// a class extending it, whatever the name it goes by: its callee is on the value stack's top
// (new P()) or under its one argument (new P(x)).
func (rt *Runtime) constructingPromise() bool {
	promise, _ := rt.vm.GlobalObject().Get("Promise").(*goja.Object)
	stack, sp, ok := vmValueStack(rt.vm)
	if promise == nil || !ok || sp > len(stack) {
		return false
	}
	for _, i := range [...]int{sp - 1, sp - 2} {
		if i < 0 {
			continue
		}
		for c, _ := stack[i].(*goja.Object); c != nil; c = c.Prototype() {
			if c == promise {
				return true
			}
		}
	}
	return false
}

// symbolCalleeWords is V8's message for calling a symbol (sym(), o.sym()): goja's call, wording
// "Value is not an object: " with the callee as a string, fails on the symbol's conversion and
// throws that failure instead ("Cannot convert a Symbol value to a string"). The call's
// words are the callee's, from the source, as for any value that is not callable.
func (rt *Runtime) symbolCalleeWords(m string, raw []goja.StackFrame) string {
	if m != "Cannot convert a Symbol value to a string" || len(raw) == 0 || raw[0].SrcName() == "<native>" {
		return ""
	}
	if _, ok := goStackMethod(nil, "goja.(*vm).toCallee"); !ok {
		return ""
	}
	return rt.calleeMessage("Value is not an object: Symbol()", raw)
}

// thisKindWords is V8's message for a Number or BigInt method called on a receiver of another
// kind (Number.prototype.toFixed.call('1')): goja's "Value is not a number: 1" and "requires that
// 'this' be a BigInt" name no method, which the running built-in (nativeCall) does. "" when the
// message is another, or the running built-in is not such a method.
func (rt *Runtime) thisKindWords(m string) string {
	var ctor, kind string
	switch {
	case m == "Value is not a number" || strings.HasPrefix(m, "Value is not a number: "):
		ctor, kind = "Number", "a Number"
	case m == "requires that 'this' be a BigInt":
		ctor, kind = "BigInt", "a BigInt"
	default:
		return ""
	}
	t, ok := rt.nativeTarget()
	if !ok {
		return ""
	}
	callee := t.fn
	name, _ := modules.ExportAs[string](callee.Get("name"))
	c, _ := rt.vm.GlobalObject().Get(ctor).(*goja.Object)
	if name == "" || c == nil {
		return ""
	}
	proto, _ := c.Get("prototype").(*goja.Object)
	if proto == nil || proto.Get(name) != goja.Value(callee) {
		return ""
	}
	return ctor + ".prototype." + name + " requires that 'this' be " + kind
}
