package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
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
func (rt *Runtime) builtinIterableWords(m string) string {
	name, arg, ok := rt.iteratedArgument()
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
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	switch e := v.Export().(type) {
	case int64:
		return "number " + strconv.FormatInt(e, 10)
	case float64:
		return "number " + v.String()
	case bool:
		return "boolean " + v.String()
	case string:
		return "string"
	}
	if goja.IsBigInt(v) {
		return "bigint"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, ok := goja.AssertFunction(o); ok {
			return "function"
		}
	}
	return "object"
}

// iteratedArgument finds which of iterableBuiltins is running and its first argument.
func (rt *Runtime) iteratedArgument() (string, goja.Value, bool) {
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
	// a constructed one: the constructor, then its arguments, on the value stack's top
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
	if fn == rt.promiseAnyNative {
		return "Promise.any"
	}
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
