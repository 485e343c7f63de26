package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// classCallWords is V8's message for a class constructor called without new, which names the
// class ("Class constructor Foo cannot be invoked without 'new'", or for a class without a name
// "Class constructors cannot be invoked without 'new'"); goja's names none. The class is found
// on goja's value stack while the engine makes the error (engineBorn): under the call's
// arguments when a script called it, as the receiver of Function.prototype.call or apply, or
// among the arguments of the built-in that called it (arr.map(Foo)). "" when it is not found.
func (rt *Runtime) classCallWords(raw []goja.StackFrame) string {
	name, ok := rt.calledClassName(raw)
	switch {
	case !ok:
		return ""
	case name == "":
		return "Class constructors cannot be invoked without 'new'"
	}
	return "Class constructor " + name + " cannot be invoked without 'new'"
}

// calledClassName is the name of the class whose call goja is refusing now (classCallWords);
// ok is false when it is not found.
func (rt *Runtime) calledClassName(raw []goja.StackFrame) (name string, ok bool) {
	fnProto := rt.functionPrototype()
	if fnProto == nil {
		return "", false
	}
	isClass := rt.classTester(fnProto)
	isClassValue := func(v goja.Value) bool { _, ok := isClass(v); return ok }
	nameOf := func(v goja.Value) (string, bool) {
		src, ok := isClass(v)
		if !ok {
			return "", false
		}
		// V8 names the class as its source does (a static name property does not rename it),
		// or, for an anonymous class, as the name it was given (const X = class {})
		if rest, ok := strings.CutPrefix(src, "class"); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n') {
			if id := identAt(strings.TrimLeft(rest, " \t\r\n"), 0); id != "" && id != "extends" {
				return id, true
			}
		}
		n, _ := v.(*goja.Object).Get("name").(goja.String)
		if n == nil {
			return "", true
		}
		return n.String(), true
	}
	if stack, sb, sp, callee, ok := rt.nativeCall(); ok {
		if callee == fnProto.Get("call") || callee == fnProto.Get("apply") {
			// C.call(this), C.apply(this, args): the class is the receiver
			if sb >= 2 {
				return nameOf(stack[sb-2])
			}
			return "", false
		}
		if ra := rt.reflectApply(); callee == ra && sb < sp {
			// Reflect.apply(C, ...), as util.deprecate's wrapper calls; the proxy wrapper's default
			// apply trap calls Reflect.apply(Reflect.apply, undefined, [C, this, args])
			target := stack[sb]
			if target == ra && sb+2 < sp {
				if a, ok := stack[sb+2].(*goja.Object); ok {
					target = a.Get("0")
				}
			}
			return nameOf(target)
		}
		if p, ok := modules.ExportAs[goja.Proxy](callee); ok {
			// a proxy of the class, called
			return nameOf(p.Target())
		}
		if n, ok := callee.Get("name").(goja.String); ok && strings.HasPrefix(n.String(), "bound ") && !isClassValue(callee) {
			// the class bound (Foo.bind(o)), called: V8 names the class, the bound function
			// "bound Foo"
			return strings.TrimPrefix(n.String(), "bound "), true
		}
		// a built-in calling the class it was given (arr.map(Foo))
		for i := sb; i < sp; i++ {
			if n, ok := nameOf(stack[i]); ok {
				return n, true
			}
		}
		return "", false
	}
	var w slotWalk
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || !w.start(rt.vm) || sp > len(stack) {
		return "", false
	}
	_, base := w.frame(w.calls.len)
	// a script's call: the callee sits right under its arguments, as many as the call's text has
	text, col := rt.errorPlace(raw)
	if col < 0 {
		text, col = rt.mappedCallPlace(raw)
	}
	if col >= 0 && strings.HasPrefix(text[col:], "(") {
		if n, ok := callArgCount(text[col:]); ok && sp-n-1 >= base && sp-n-1 >= 0 {
			if name, ok := nameOf(stack[sp-n-1]); ok {
				return name, true
			}
		}
	}
	// otherwise the one class near the top of the running frame's stack, when there is one
	var found *goja.Object
	for i := sp - 1; i >= 0 && i >= base && i >= sp-16; i-- {
		if isClassValue(stack[i]) {
			o := stack[i].(*goja.Object)
			if found != nil && found != o {
				return "", false
			}
			found = o
		}
	}
	if found == nil {
		return "", false
	}
	return nameOf(found)
}

// functionPrototype is the runtime's Function.prototype, or nil.
func (rt *Runtime) functionPrototype() *goja.Object {
	fn, _ := rt.vm.GlobalObject().Get("Function").(*goja.Object)
	if fn == nil {
		return nil
	}
	p, _ := fn.Get("prototype").(*goja.Object)
	return p
}

// classTester tells whether a value is a class constructor, by its source text as
// Function.prototype.toString gives it (which it returns).
func (rt *Runtime) classTester(fnProto *goja.Object) func(goja.Value) (string, bool) {
	toString, _ := goja.AssertFunction(fnProto.Get("toString"))
	return func(v goja.Value) (string, bool) {
		o, ok := v.(*goja.Object)
		if !ok || toString == nil || !isConstructor(o) {
			return "", false
		}
		s, err := toString(o)
		if err != nil || !strings.HasPrefix(s.String(), "class") {
			return "", false
		}
		return s.String(), true
	}
}

// callArgCount counts the arguments of the call whose text s starts with its "(", when the
// line holds the whole call and it spreads none; ok is false otherwise.
func callArgCount(s string) (n int, ok bool) {
	depth, commas := 0, 0
	empty, lastComma := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				switch {
				case empty:
					return 0, true
				case lastComma:
					return commas, true
				}
				return commas + 1, true
			}
		case '\'', '"', '`':
			j := i + 1
			for ; j < len(s) && s[j] != c; j++ {
				if s[j] == '\\' {
					j++
				} else if c == '`' && s[j] == '$' && j+1 < len(s) && s[j+1] == '{' {
					return 0, false
				}
			}
			if j >= len(s) {
				return 0, false
			}
			i = j
		case ',':
			if depth == 1 {
				commas++
				lastComma = true
				continue
			}
		case '.':
			if depth == 1 && strings.HasPrefix(s[i:], "...") {
				return 0, false
			}
		}
		if i > 0 && c != ' ' && c != '\t' {
			empty, lastComma = false, false
		}
	}
	return 0, false
}
