package runtime

import (
	"errors"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// installRegExp replaces the global RegExp by a native constructor that expands Unicode property
// escapes (regexpprops.go) in u- and v-mode patterns given as strings, then builds the engine's
// RegExp (called with new.target, as Reflect.construct would, so subclasses work). Everything
// else passes through unchanged.
// goja gives a native constructor no new.target for `new RegExp(re)`, so RegExp(re) cannot
// return re itself as the spec says: it returns a copy, as new RegExp(re) does.
func (rt *Runtime) installRegExp() {
	vm := rt.vm
	g := vm.GlobalObject()
	native := g.Get("RegExp").ToObject(vm)
	proto := native.Get("prototype").ToObject(vm)
	construct, _ := goja.AssertConstructor(native)
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		pattern, flags := call.Argument(0), call.Argument(1)
		args := call.Arguments
		// A pattern that is no regexp and flags that are no string are made strings once, the
		// pattern first, as V8 does: the rewrites below read the flags many times.
		if o, ok := pattern.(*goja.Object); ok && o.ClassName() != "RegExp" && !modules.Truthy(o.GetSymbol(goja.SymMatch)) {
			pattern = o.ToString()
			args = []goja.Value{pattern, flags}
		}
		if _, ok := flags.(goja.String); !ok && !goja.IsUndefined(flags) {
			flags = flags.ToString()
			args = []goja.Value{pattern, flags}
		}
		// the d flag, which goja refuses: made without it, then given hasIndicesProto
		hasIndices := false
		if goja.IsUndefined(flags) {
			if o, ok := pattern.(*goja.Object); ok && rt.isIndicesProto(o.Prototype()) {
				hasIndices = true
				flags = vm.ToValue(strings.Replace(o.Get("flags").String(), "d", "", 1))
				args = []goja.Value{pattern, flags}
			}
		} else if fs := flags.String(); strings.Count(fs, "d") == 1 {
			hasIndices = true
			flags = vm.ToValue(strings.Replace(fs, "d", "", 1))
			args = []goja.Value{pattern, flags}
		}
		if o, ok := pattern.(*goja.Object); ok && o.ClassName() == "RegExp" &&
			(goja.IsUndefined(flags) && rt.vRegexps.has(o) || !goja.IsUndefined(flags) && strings.Contains(flags.String(), "v")) {
			// a v-flag regexp, or v asked for a regexp's pattern: made from its source as
			// written, lowered as a string's (regexpvflag.go)
			if goja.IsUndefined(flags) {
				flags = o.Get("flags")
			}
			pattern = o.Get("source")
			args = []goja.Value{pattern, flags}
		}
		unicodeSets := false
		if !goja.IsUndefined(flags) {
			var bad *goja.Object
			if unicodeSets, bad = unicodeSetsFlags(vm, flags.String()); bad != nil {
				panic(bad)
			}
		}
		if o, ok := pattern.(*goja.Object); ok && rt.regexpSourceGet != nil && o.ClassName() == "RegExp" {
			// a regexp whose property escapes were expanded: made again from the pattern as
			// written, as V8 makes it from its original source (with other flags, the
			// expanded \u{...} ranges would mean something else)
			if v, err := rt.regexpSourceGet(o); err == nil {
				if orig, ok := originalPattern(v.String()); ok {
					if goja.IsUndefined(flags) {
						flags = o.Get("flags")
					}
					pattern = vm.ToValue(orig)
					args = []goja.Value{pattern, flags}
				}
			}
		}
		if o, ok := pattern.(*goja.Object); ok && o.ClassName() == "RegExp" && !goja.IsUndefined(flags) && strings.Contains(flags.String(), "m") {
			// new RegExp(re, 'm') is new RegExp(re's source, 'm'): the anchors need rewriting (the
			// source as made: a subclass's source getter has no say, as in V8)
			if raw, ok := regexpPattern(o); ok {
				pattern = vm.ToValue(raw)
			} else {
				pattern = o.Get("source")
			}
			args = []goja.Value{pattern, flags}
		}
		if _, ok := pattern.(goja.String); ok && goja.IsUndefined(flags) {
			flags = vm.ToValue("") // (new RegExp('^a|^b'): no flags, the same rewrites)
		}
		if s, ok := pattern.(goja.String); ok && !goja.IsUndefined(flags) {
			src := s.String()
			pat := src
			origFlags := flags.String()
			vMode := strings.Contains(origFlags, "v")
			if p, ok := multilineAnchors(pat, origFlags); ok {
				pat = p
			}
			if p, ok := hoistAnchors(pat, origFlags); ok {
				pat = p
			}
			if f, ok := lowerUnicodeSets(src, origFlags); ok {
				flags = vm.ToValue(f)
			} else if vMode {
				// class set operations (regexpsets.go), evaluated into u-mode classes
				if p, ok := lowerClassSets(pat); ok {
					pat, flags = p, vm.ToValue(strings.Replace(origFlags, "v", "u", 1))
				}
			}
			if f := flags.String(); strings.ContainsAny(f, "uv") && (strings.Contains(pat, `\p{`) || strings.Contains(pat, `\P{`)) {
				p, ok := expandPropertyEscapes(pat, vMode)
				if !ok {
					se := vm.Get("SyntaxError").ToObject(vm)
					e, _ := vm.New(se, vm.ToValue("Invalid regular expression: /"+src+"/"+origFlags+": Invalid property name"))
					panic(e)
				}
				pat = p
			}
			if p, ok := foldCheapClasses(pat, flags.String()); ok {
				pat = p
			}
			if p, ok := spellNotSpaceClasses(pat, flags.String()); ok {
				pat = p
			}
			if pat != src {
				rememberPattern(src, pat)
				rt.installRegexpSource()
				args = []goja.Value{vm.ToValue(pat), flags}
			} else {
				// (the pattern as given: its lone surrogates have no Go string form)
				args = []goja.Value{pattern, flags}
			}
		}
		nt := call.NewTarget
		if nt == nil {
			nt = ctor
		}
		v, err := construct(nt, args...)
		if err != nil {
			panic(regexpSyntaxError(vm, err, call.Argument(0), call.Argument(1)))
		}
		if hasIndices {
			rt.giveIndices(v, proto)
		}
		if unicodeSets {
			rt.vRegexps.add(v)
		}
		return v
	}).ToObject(vm)
	modules.NameFunc(vm, ctor, "RegExp", 2)
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	species := vm.ToValue(func(call goja.FunctionCall) goja.Value { return call.This }).ToObject(vm)
	modules.NameFunc(vm, species, "get [Symbol.species]", 0)
	ctor.DefineAccessorPropertySymbol(goja.SymSpecies, species, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	g.DefineDataProperty("RegExp", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// hasIndices: false but for d-flag regexps (regexpindices.go, whose prototype says true)
	hasIndices := modules.Func(vm, "get hasIndices", 0, func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		switch {
		case ok && o.ClassName() == "RegExp":
			return vm.ToValue(false)
		case ok && o == proto:
			return goja.Undefined()
		}
		panic(vm.NewTypeError("RegExp.prototype.hasIndices getter called on non-RegExp object"))
	})
	proto.DefineAccessorProperty("hasIndices", hasIndices, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	rt.installUnicodeSets(proto)
}

// regexpSyntaxError words the engine's error for a pattern it refused as V8 does: "Invalid
// regular expression: /src/flags: reason" (a value to panic with), with V8's reason where the engine's (RE2's or
// regexp2's, or goja's own) says the same thing otherwise. Other errors pass through.
func regexpSyntaxError(vm *goja.Runtime, err error, pattern, flags goja.Value) any {
	ex, ok := err.(*goja.Exception)
	if !ok {
		return err
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok || o.Get("name") == nil || o.Get("name").String() != "SyntaxError" {
		return err
	}
	msg := o.Get("message").String()
	if strings.HasPrefix(msg, "Invalid flags") || strings.HasPrefix(msg, "Invalid regular expression: /") {
		return err
	}
	reason := v8RegexpReason(msg)
	src := "(?:)"
	if p, ok := pattern.(*goja.Object); ok && p.ClassName() == "RegExp" {
		src = p.Get("source").String()
	} else if !goja.IsUndefined(pattern) {
		src = pattern.String()
	}
	f := ""
	if !goja.IsUndefined(flags) {
		f = flags.String()
	} else if p, ok := pattern.(*goja.Object); ok && p.ClassName() == "RegExp" {
		f = p.Get("flags").String()
	}
	e, err2 := vm.New(vm.Get("SyntaxError").ToObject(vm), vm.ToValue("Invalid regular expression: /"+src+"/"+f+": "+reason))
	if err2 != nil {
		return err
	}
	return e
}

// v8RegexpReason is V8's reason for the engine's message msg refusing a pattern (RE2's or
// regexp2's, or goja's own, which already says it as V8 does).
func v8RegexpReason(msg string) string {
	reason := msg
	if i := strings.LastIndex(msg, "(error parsing regexp: "); i >= 0 {
		reason = strings.TrimRight(msg[i+len("(error parsing regexp: "):], ")")
		if j := strings.Index(reason, ": `"); j >= 0 {
			reason = reason[:j]
		} else if j := strings.Index(reason, " in `"); j >= 0 {
			reason = reason[:j]
		}
	}
	switch reason {
	case "missing argument to repetition operator", "invalid nested repetition operator":
		reason = "Nothing to repeat"
	case "trailing backslash at end of expression":
		reason = "\\ at end of pattern"
	case "invalid character class range":
		reason = "Range out of order in character class"
	case "invalid repeat count":
		reason = "numbers out of order in {} quantifier"
	case "missing closing )":
		reason = "Unterminated group"
	case "unexpected )":
		reason = "Unmatched ')'"
	case "missing closing ]":
		reason = "Unterminated character class"
	}
	return reason
}

// regexpLiteralError is the error of an ES module whose lowered code (compiled, as the engine saw
// it) has a regular expression literal the engine refused, placed at that literal in the
// module's own source (esbuild keeps literals as written); nil for any other error.
func (rt *Runtime) regexpLiteralError(err error, compiled, filename string) *transformError {
	var ce *goja.CompilerSyntaxError
	if !errors.As(err, &ce) {
		return nil
	}
	// (the offset, not the position: the lowered code's source map moves positions to the
	// module's source, and not always to the literal)
	lit := ""
	if ce.Offset >= 0 && ce.Offset < len(compiled) {
		lit = modules.RegexpLiteral(compiled[ce.Offset:])
	}
	src, ok := rt.sources[filename]
	if lit == "" || !ok {
		return nil
	}
	at := strings.Index(src, lit)
	if at < 0 {
		return nil
	}
	line := strings.Count(src[:at], "\n") + 1
	col := at - strings.LastIndexByte(src[:at], '\n')
	msg, width := regexpLiteralMessage(lit, ce.Message)
	return &transformError{msg: msg, file: filename, line: line, col: col, width: width}
}

// regexpLiteralMessage is V8's message for the literal lit the engine refused with msg, and how
// many characters V8 marks from its start: all of it, or its slash for bad flags.
func regexpLiteralMessage(lit, msg string) (string, int) {
	if strings.HasPrefix(msg, "Invalid flags") {
		return "Invalid regular expression flags", 1
	}
	return "Invalid regular expression: " + lit + ": " + v8RegexpReason(msg), len(lit)
}
