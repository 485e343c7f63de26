package runtime

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// A regular expression whose Unicode property escapes were expanded (regexpprops.go) keeps the
// expanded pattern inside goja, which its source getter and toString would print: node prints
// the pattern as written (/\p{L}/u). highlight.js builds new regular expressions from
// re.toString() (and so without the u flag, where the ranges' \u{...} mean something else and
// do not compile). patternOriginals maps each expanded pattern, escaped as goja's source getter
// escapes it, to the original one escaped as V8's does; RegExp.prototype.source and toString
// give the original back. It is shared by every runtime (literals are expanded when a program
// is compiled, which runtimes share) and stops growing at maxPatternOriginals.
var patternOriginals struct {
	mu sync.RWMutex
	m  map[string]string
}

const maxPatternOriginals = 1024

// rememberPattern records that pattern orig was expanded to expanded.
func rememberPattern(orig, expanded string) {
	k, v := gojaEscapedSource(expanded), v8EscapedSource(orig)
	patternOriginals.mu.Lock()
	defer patternOriginals.mu.Unlock()
	if _, ok := patternOriginals.m[k]; ok || len(patternOriginals.m) >= maxPatternOriginals {
		return
	}
	if patternOriginals.m == nil {
		patternOriginals.m = map[string]string{}
	}
	patternOriginals.m[k] = v
}

// originalPattern returns the pattern that src (as the source getter prints it) was expanded
// from, if it was.
func originalPattern(src string) (string, bool) {
	patternOriginals.mu.RLock()
	defer patternOriginals.mu.RUnlock()
	v, ok := patternOriginals.m[src]
	return v, ok
}

// gojaEscapedSource escapes a pattern as goja's source getter does: each unescaped / as \u002f
// and the line terminators.
func gojaEscapedSource(p string) string {
	return escapeSource(p, false)
}

// v8EscapedSource escapes a pattern as V8's source getter does: an unescaped / outside a
// character class as \/, and the line terminators.
func v8EscapedSource(p string) string {
	return escapeSource(p, true)
}

func escapeSource(p string, v8 bool) string {
	if !strings.ContainsAny(p, "/\n\r\u2028\u2029") {
		return p
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			i++
			b.WriteByte(p[i])
			continue
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/':
			if !v8 {
				b.WriteString(`\u002f`)
			} else if inClass {
				b.WriteByte(c)
			} else {
				b.WriteString(`\/`)
			}
			continue
		case c == '\n':
			b.WriteString(`\n`)
			continue
		case c == '\r':
			b.WriteString(`\r`)
			continue
		case strings.HasPrefix(p[i:], "\u2028"):
			b.WriteString(`\u2028`)
			i += 2
			continue
		case strings.HasPrefix(p[i:], "\u2029"):
			b.WriteString(`\u2029`)
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// v8Source returns the source of RegExp this escaped as V8 escapes it, when goja's escaped form
// of it, escaped, differs: goja writes every unescaped / as \u002f, V8 as \/ (and as itself
// inside a character class), so that new RegExp('a/b').source is a\/b. The pattern as made is
// read from goja's object (as errorstack.go reads its errors), since \u002f may also have been
// written so.
func v8Source(this goja.Value, escaped string) (string, bool) {
	if !strings.Contains(escaped, `\u002f`) {
		return "", false
	}
	o, ok := this.(*goja.Object)
	if !ok {
		return "", false
	}
	raw, ok := regexpPattern(o)
	if !ok || gojaEscapedSource(raw) != escaped {
		return "", false
	}
	return v8EscapedSource(raw), true
}

// regexpPattern is the pattern RegExp o was made with, read from goja's object (not escaped, as
// its source getter gives it).
func regexpPattern(o *goja.Object) (string, bool) {
	impl, ok := objectImpl(o)
	if !ok {
		return "", false
	}
	f := impl.Elem().FieldByName("source")
	if !f.IsValid() || f.Type() != reflect.TypeFor[goja.String]() {
		return "", false
	}
	raw := *(*goja.String)(unsafe.Pointer(f.UnsafeAddr()))
	if raw == nil {
		return "", false
	}
	return raw.String(), true
}

// installRegexpSource wraps RegExp.prototype's source getter and toString so that they give
// back a pattern's original property escapes, and a / escaped as V8 escapes it; the wrappers
// are made once a pattern has been expanded (installed is checked by the callers that expand),
// or before a script that names RegExp or may have a / in a literal's class runs.
func (rt *Runtime) installRegexpSource() {
	if rt.regexpSourceFixed {
		return
	}
	rt.regexpSourceFixed = true
	vm := rt.vm
	proto, ok := vm.Get("RegExp").ToObject(vm).Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	// the source getter, from its property descriptor
	desc, err := vm.RunString(`Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get`)
	if err == nil {
		if get, ok := goja.AssertFunction(desc); ok {
			rt.regexpSourceGet = get
			fn := modules.Func(vm, "get source", 0, func(call goja.FunctionCall) goja.Value {
				v, err := get(call.This)
				if err != nil {
					panic(err)
				}
				if orig, ok := originalPattern(v.String()); ok {
					return vm.ToValue(orig)
				}
				if src, ok := v8Source(call.This, v.String()); ok {
					return vm.ToValue(src)
				}
				return v
			})
			_ = proto.DefineAccessorProperty("source", fn, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	if toString, ok := goja.AssertFunction(proto.Get("toString")); ok {
		fn := modules.Func(vm, "toString", 0, func(call goja.FunctionCall) goja.Value {
			v, err := toString(call.This)
			if err != nil {
				panic(err)
			}
			s := v.String()
			if i := strings.LastIndexByte(s, '/'); i > 0 && s[0] == '/' {
				if orig, ok := originalPattern(s[1:i]); ok {
					return vm.ToValue("/" + orig + s[i:])
				}
				if src, ok := v8Source(call.This, s[1:i]); ok {
					return vm.ToValue("/" + src + s[i:])
				}
			}
			return v
		})
		_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// noteScriptSource installs, before a script runs, the wrappers its text may need, each once
// per runtime and only then (a new runtime does not pay for them): RegExp's source and
// toString where it has a property escape or may have an m-flag literal (its literals were
// expanded or their anchors rewritten when it was compiled: regexpmultiline.go), names RegExp
// or has "[/" (a / goja escapes otherwise than V8), the Array methods that pass holes to built-in callbacks (arrayholes.go) where it names find
// or from, Object.fromEntries (fromentries.go) where it names fromEntries, Date's string
// forms (datestring.go) where it names Date, and Object.defineProperty, defineProperties and
// Reflect.defineProperty over typed arrays (typedarraydefine.go) where it names either,
// Function.prototype.toString of proxies (proxytostring.go) where it names Proxy, and
// Promise.prototype.finally with a built-in callback (promisefinally.go) where it names finally,
// Object.prototype.toLocaleString (tolocalestring.go) where it names toLocaleString, and
// RegExp.prototype's test, match, replace and search on a receiver without exec (regexpexec.go)
// and split with a species that makes no RegExp (regexpsplit.go) where it names RegExp or those
// symbols, and String.prototype's padEnd, padStart and repeat past
// V8's longest string (stringlength.go) where it names one of them, and BigInt.asIntN/asUintN
// with huge bit counts (bigintbits.go) where it names either.
func (rt *Runtime) noteScriptSource(src string) {
	templated := rt.guardsTemplated() // (those of guardtemplate.go are then made with their methods)
	if !rt.dateStringsFixed && !templated && strings.Contains(src, "Date") {
		rt.installDateStrings()
	}
	if !rt.dateGapFixed && strings.Contains(src, "Date") {
		rt.installDateGap()
	}
	if !rt.regexpSourceFixed && (strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`) || hasMultilineRegexpHint(src) ||
		strings.Contains(src, "RegExp") || strings.Contains(src, "[/")) {
		rt.installRegexpSource()
	}
	if !rt.arrayHolesFixed && (strings.Contains(src, "find") || strings.Contains(src, "from")) {
		rt.installArrayHoles()
	}
	if !rt.tzOffsetFixed && strings.Contains(src, "getTimezoneOffset") {
		rt.installTimezoneOffset()
	}
	if !rt.numberRadixFixed && wantsNumberRadix(src) {
		rt.installNumberRadix()
	}
	if !rt.base64Dropped && (strings.Contains(src, "Base64") || strings.Contains(src, "Hex")) {
		rt.dropLaterTypedArrayMethods()
	}
	if !rt.fromEntriesFixed && strings.Contains(src, "fromEntries") {
		rt.installFromEntries()
	}
	if !rt.typedArrayDefineFixed && strings.Contains(src, "definePropert") {
		rt.installTypedArrayDefine()
	}
	if !rt.proxyToStringFixed && strings.Contains(src, "Proxy") {
		rt.installProxyToString()
	}
	if !rt.boundToStringFixed && strings.Contains(src, "bind") {
		rt.installBoundToString()
	}
	if !rt.promiseFinallyFixed && strings.Contains(src, "finally") {
		rt.installPromiseFinally()
	}
	if !rt.toLocaleStringFixed && !templated && strings.Contains(src, "toLocaleString") {
		rt.installToLocaleString()
	}
	if !rt.regexpExecGuarded && (strings.Contains(src, "RegExp") || strings.Contains(src, "Symbol.match") ||
		strings.Contains(src, "Symbol.replace") || strings.Contains(src, "Symbol.search") || strings.Contains(src, "Symbol.split") ||
		reachesSymbolKeys(src) || hasSurrogateEscape(src)) { // (a pattern of surrogates: surrogatePairsDeopt)
		rt.installRegExpExecGuard()
	}
	if !rt.regexpStaticsFixed && mentionsRegExpStatics(src) {
		rt.installRegExpStatics()
	}
	if !rt.asyncMethodsFixed && strings.Contains(src, "async") {
		rt.installAsyncMethodsHelper()
	}
	if !rt.powHelperFixed && strings.Contains(src, "**") {
		rt.installPowHelper()
	}
	if !rt.arrayBufferNewFixed && strings.Contains(src, "ArrayBuffer") {
		rt.installArrayBufferNew()
	}
	if !rt.stringLengthFixed && !templated && (strings.Contains(src, "padEnd") || strings.Contains(src, "padStart") || strings.Contains(src, "repeat")) {
		rt.installStringLength()
	}
	if !rt.promiseExecutorGuarded && (rt.lazy == nil || !rt.lazy.attached) && strings.Contains(src, "Promise") {
		rt.installPromiseExecutorGuard()
	}
	if !rt.yieldStarGuarded && hasYieldStar(src) {
		rt.installYieldStarGuard()
	}
	if !rt.bigIntBitsFixed && (strings.Contains(src, "asIntN") || strings.Contains(src, "asUintN")) {
		rt.installBigIntBits()
	}
}

// sourceNoter is a Runtime as the modules' SourceNoter (a conversion, not a method value: no
// allocation per runtime).
type sourceNoter Runtime

func (n *sourceNoter) NoteSource(src string) { (*Runtime)(n).noteScriptSource(src) }

func (n *sourceNoter) NoteCode(filename, code string, lineOffset, columnOffset, first int) {
	(*Runtime)(n).noteVMCode(filename, code, lineOffset, columnOffset, first)
}

// reachesSymbolKeys reports whether src may list an object's symbol keys (and so reach
// RegExp.prototype's symbol methods without naming them): Object.getOwnPropertySymbols,
// getOwnPropertyDescriptors or Reflect.ownKeys.
func reachesSymbolKeys(src string) bool {
	return strings.Contains(src, "getOwnPropertySymbols") || strings.Contains(src, "getOwnPropertyDescriptors") ||
		strings.Contains(src, "ownKeys")
}
