// Package util implements Node's util module (https://nodejs.org/api/util.html), util/types
// (https://nodejs.org/api/util.html#utiltypes) and the internal modules other built-ins share:
// internal/util/inspect (util.inspect and util.format) and internal/util/comparisons (the deep
// equality used by util.isDeepStrictEqual and assert).
//
// util.inspect is JS glue, not Go. Its output is a long list of small, order-sensitive rules
// (line breaking by width, array grouping, error stack rewriting, custom inspectors that call back
// into JS with options objects, getters, proxies) and almost every step calls back into JS anyway
// (property descriptors, getters, Symbol.toStringTag, user inspectors), so a Go port would spend its
// time crossing the Go/JS boundary while being much harder to keep byte-exact. Go answers what JS
// cannot see on goja, in one call per object: the object's internal kind (Map, Set, Promise,
// Proxy, boxed primitives, async/generator functions, classes...) read from goja's internal
// type, promise state and result, proxy target and handler, and does the hot leaf work: string
// quoting and escaping, hex dumps and display width. util.format of plain strings (the
// console.log('hi') path) never reaches inspect at all.
package util

import (
	_ "embed"
	"encoding/hex"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed inspect.js
var inspectJS string

//go:embed util.js
var utilJS string

//go:embed types.js
var typesJS string

//go:embed comparisons.js
var comparisonsJS string

//go:embed parse_args.js
var parseArgsJS string

// Inspect is internal/util/inspect: inspect, format, formatWithOptions for other built-ins.
var Inspect = modules.Module{Name: "internal/util/inspect", Internal: true, Bind: bind, JS: inspectJS}

// Comparisons is internal/util/comparisons: isDeepStrictEqual and isDeepEqual, shared with assert.
var Comparisons = modules.Module{Name: "internal/util/comparisons", Internal: true, Bind: bind, JS: comparisonsJS}

// ParseArgs is internal/util/parse_args (util.parseArgs, loaded on first use).
var ParseArgs = modules.Module{Name: "internal/util/parse_args", Internal: true, JS: parseArgsJS}

// Module is the util module.
var Module = modules.Module{Name: "util", Bind: bind, JS: utilJS}

// Types is util/types.
var Types = modules.Module{Name: "util/types", Bind: bind, JS: typesJS}

// Modules lists every module this package provides, for the runtime's built-in list.
var Modules = []*modules.Module{&Inspect, &Comparisons, &ParseArgs, &Module, &Types}

// Object kinds; keep in sync with inspect.js.
const (
	kObject = iota
	kArray
	kFunc
	kAsyncFunc
	kGenFunc
	kClass
	kMap
	kSet
	kWeakMap
	kWeakSet
	kDate
	kRegExp
	kError
	kArgs
	kPromise
	kProxy
	kTypedArray
	kArrayBuffer
	kDataView
	kNumber
	kString
	kBoolean
	kSymbol
	kBigInt
	kGenerator
	kMapIter
	kSetIter
	kArrayIter
	kStringIter
	kRegExpStringIter
)

// implKinds maps goja's internal object implementation types to kinds. goja does not export
// brand checks for most built-ins, so we read the dynamic type of Object's implementation.
var implKinds = map[string]int{
	"*goja.arrayObject":                kArray,
	"*goja.sparseArrayObject":          kArray,
	"*goja.templatedArrayObject":       kArray,
	"*goja.funcObject":                 kFunc,
	"*goja.methodFuncObject":           kFunc,
	"*goja.arrowFuncObject":            kFunc,
	"*goja.nativeFuncObject":           kFunc,
	"*goja.boundFuncObject":            kFunc,
	"*goja.wrappedFuncObject":          kFunc,
	"*goja.templatedFuncObject":        kFunc,
	"*goja.asyncFuncObject":            kAsyncFunc,
	"*goja.asyncMethodFuncObject":      kAsyncFunc,
	"*goja.asyncArrowFuncObject":       kAsyncFunc,
	"*goja.generatorFuncObject":        kGenFunc,
	"*goja.generatorMethodFuncObject":  kGenFunc,
	"*goja.classFuncObject":            kClass,
	"*goja.mapObject":                  kMap,
	"*goja.setObject":                  kSet,
	"*goja.weakMapObject":              kWeakMap,
	"*goja.weakSetObject":              kWeakSet,
	"*goja.dateObject":                 kDate,
	"*goja.regexpObject":               kRegExp,
	"*goja.errorObject":                kError,
	"*goja.argumentsObject":            kArgs,
	"*goja.Promise":                    kPromise,
	"*goja.proxyObject":                kProxy,
	"*goja.typedArrayObject":           kTypedArray,
	"*goja.arrayBufferObject":          kArrayBuffer,
	"*goja.dataViewObject":             kDataView,
	"*goja.stringObject":               kString,
	"*goja.generatorObject":            kGenerator,
	"*goja.mapIterObject":              kMapIter,
	"*goja.setIterObject":              kSetIter,
	"*goja.arrayIterObject":            kArrayIter,
	"*goja.stringIterObject":           kStringIter,
	"*goja.regExpStringIterObject":     kRegExpStringIter,
	"*goja.primitiveValueObject":       -1,
	"*goja.baseObject":                 kObject,
	"*goja.templatedObject":            kObject,
	"*goja.asyncGeneratorFuncObject":   kGenFunc,
	"*goja.asyncGeneratorMethodObject": kGenFunc,
}

var selfField = func() int {
	f, ok := reflect.TypeOf(goja.Object{}).FieldByName("self")
	if !ok {
		return -1
	}
	return f.Index[0]
}()

// Kind returns the internal kind of v (one of the k* constants), or kObject for anything else.
func Kind(v goja.Value) int {
	o, ok := v.(*goja.Object)
	if !ok || o == nil || selfField < 0 {
		return kObject
	}
	t := reflect.ValueOf(o).Elem().Field(selfField).Elem().Type()
	k, ok := implKinds[t.String()]
	if !ok {
		return kObject
	}
	if k == -1 {
		switch o.ExportType().Kind() {
		case reflect.Int64, reflect.Float64:
			return kNumber
		case reflect.Bool:
			return kBoolean
		case reflect.String:
			return kSymbol
		}
		return kBigInt
	}
	return k
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	propIsEnum, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object).Get("propertyIsEnumerable"))
	enumerableSymbol := func(o *goja.Object, s *goja.Symbol) bool {
		r, err := propIsEnum(o, s)
		return err == nil && r.ToBoolean()
	}
	b.Set("kind", func(v goja.Value) int { return Kind(v) })
	b.Set("className", func(v goja.Value) string {
		if o, ok := v.(*goja.Object); ok {
			return o.ClassName()
		}
		return ""
	})
	b.Set("proxyDetails", func(v goja.Value, full bool) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		p, ok := o.Export().(goja.Proxy)
		if !ok {
			return goja.Undefined()
		}
		t := p.Target()
		if !full {
			if t == nil {
				return goja.Null()
			}
			return t
		}
		var tv, hv goja.Value = goja.Null(), goja.Null()
		if t != nil {
			tv = t
		}
		if hd := p.Handler(); hd != nil {
			hv = hd
		}
		return vm.NewArray(tv, hv)
	})
	b.Set("promiseDetails", func(v goja.Value) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		p, ok := o.Export().(*goja.Promise)
		if !ok {
			return goja.Undefined()
		}
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return vm.NewArray(1, p.Result())
		case goja.PromiseStateRejected:
			return vm.NewArray(2, p.Result())
		}
		return vm.NewArray(0)
	})
	b.Set("quote", func(v goja.Value) goja.Value { return Quote(v) })
	b.Set("escapeRaw", func(v goja.Value) goja.Value { return escape(v, 0, true) })
	b.Set("nonIndexKeys", func(v goja.Value, all bool) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return vm.NewArray()
		}
		var keys []string
		if all {
			keys = o.GetOwnPropertyNames()
		} else {
			keys = o.Keys()
		}
		out := make([]any, 0, 4)
		for _, k := range keys {
			if !isIndex(k) {
				out = append(out, k)
			}
		}
		for _, s := range o.Symbols() {
			if all || enumerableSymbol(o, s) {
				out = append(out, s)
			}
		}
		return vm.NewArray(out...)
	})
	b.Set("hexBytes", func(v goja.Value, n int) string {
		var data []byte
		if o, ok := v.(*goja.Object); ok {
			data, _ = o.Export().([]byte)
		}
		if n > len(data) {
			n = len(data)
		}
		if n < 0 {
			n = 0
		}
		var sb strings.Builder
		sb.Grow(n * 3)
		var buf [2]byte
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			hex.Encode(buf[:], data[i:i+1])
			sb.Write(buf[:])
		}
		return sb.String()
	})
	b.Set("stringWidth", func(s string) int { return StringWidth(s) })
	b.Set("invalidArgType", func(name string, expected []string, v goja.Value) goja.Value {
		return h.ToJS(modules.InvalidArgType(name, expected, v))
	})
	b.Set("invalidArgValue", func(name string, v goja.Value, reason string) goja.Value {
		return h.ToJS(modules.InvalidArgValue(name, v, reason))
	})
	b.Set("outOfRange", func(name, rng, received string) goja.Value {
		return h.ToJS(modules.OutOfRange(name, rng, received))
	})
	b.Set("makeError", func(name, code, message string) goja.Value {
		return h.ToJS(modules.NewError(name, code, message))
	})
	b.Set("errnoName", func(n int) string {
		if n < 0 {
			n = -n
		}
		code, _ := modules.ErrnoCode(syscall.Errno(n))
		return code
	})
	b.Set("errorMap", func() goja.Value {
		var out []any
		for n := 1; n < 160; n++ {
			code, _ := modules.ErrnoCode(syscall.Errno(n))
			if code == "UNKNOWN" {
				continue
			}
			msg := (&modules.SystemError{Errno: syscall.Errno(n)}).Message()
			out = append(out, vm.NewArray(-n, code, strings.TrimPrefix(msg, code+": ")))
		}
		return vm.NewArray(out...)
	})
	b.Set("env", func(name string) goja.Value {
		if v, ok := h.Env[name]; ok {
			return vm.ToValue(v)
		}
		return goja.Undefined()
	})
	return nil
}

func isIndex(k string) bool {
	if k == "" || len(k) > 10 {
		return false
	}
	if k[0] == '0' {
		return k == "0"
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 4294967295
}

// Quote returns s quoted and escaped the way util.inspect prints strings: single quotes, or
// double quotes if s contains single ones, or backticks if it contains both (and no "${").
func Quote(v goja.Value) goja.Value {
	s, ok := v.(goja.String)
	if !ok {
		s = v.ToString().(goja.String)
	}
	q := uint16('\'')
	if hasChar(s, '\'') {
		if !hasChar(s, '"') {
			q = '"'
		} else if !hasChar(s, '`') && !hasDollarBrace(s) {
			q = '`'
		}
	}
	return escape(s, q, false)
}

func hasChar(s goja.String, c uint16) bool {
	if a, ok := asASCII(s); ok {
		return strings.IndexByte(a, byte(c)) >= 0
	}
	n := s.Length()
	for i := 0; i < n; i++ {
		if s.CharAt(i) == c {
			return true
		}
	}
	return false
}

func hasDollarBrace(s goja.String) bool {
	if a, ok := asASCII(s); ok {
		return strings.Contains(a, "${")
	}
	n := s.Length()
	for i := 0; i+1 < n; i++ {
		if s.CharAt(i) == '$' && s.CharAt(i+1) == '{' {
			return true
		}
	}
	return false
}

// asASCII returns the Go string if s is stored as ASCII (goja keeps those as plain strings).
func asASCII(s goja.String) (string, bool) {
	if reflect.TypeOf(s) != asciiType {
		return "", false
	}
	return s.String(), true
}

var asciiType = reflect.TypeOf(goja.New().ToValue("a").ToString())

var metaEscapes = func() [160]string {
	var m [160]string
	for i := 0; i < 0x20; i++ {
		m[i] = `\x` + strings.ToUpper(hex.EncodeToString([]byte{byte(i)}))
	}
	m['\b'] = `\b`
	m['\t'] = `\t`
	m['\n'] = `\n`
	m['\f'] = `\f`
	m['\r'] = `\r`
	m['\''] = `\'`
	m['\\'] = `\\`
	for i := 0x7f; i < 0xa0; i++ {
		m[i] = `\x` + strings.ToUpper(hex.EncodeToString([]byte{byte(i)}))
	}
	return m
}()

func needsEscape(c uint16, q uint16, raw bool) bool {
	return c < 0x20 || c == '\\' || (c >= 0x7f && c < 0xa0) || (c == '\'' && (q == '\'' || raw))
}

// escape escapes s as Node's strEscape does. With q != 0 it adds the quotes; with raw it escapes
// single quotes too and adds no quotes (property keys and symbol descriptions).
func escape(v goja.Value, q uint16, raw bool) goja.Value {
	s, ok := v.(goja.String)
	if !ok {
		s = v.ToString().(goja.String)
	}
	if a, ok := asASCII(s); ok {
		clean := true
		for i := 0; i < len(a); i++ {
			if needsEscape(uint16(a[i]), q, raw) {
				clean = false
				break
			}
		}
		if clean {
			if q == 0 {
				return s
			}
			var sb strings.Builder
			sb.Grow(len(a) + 2)
			sb.WriteByte(byte(q))
			sb.WriteString(a)
			sb.WriteByte(byte(q))
			return stringValue(sb.String())
		}
		var sb strings.Builder
		sb.Grow(len(a) + 8)
		if q != 0 {
			sb.WriteByte(byte(q))
		}
		for i := 0; i < len(a); i++ {
			c := a[i]
			if needsEscape(uint16(c), q, raw) {
				sb.WriteString(metaEscapes[c])
				continue
			}
			sb.WriteByte(c)
		}
		if q != 0 {
			sb.WriteByte(byte(q))
		}
		return stringValue(sb.String())
	}
	n := s.Length()
	var sb goja.StringBuilder
	if q != 0 {
		sb.WriteRune(rune(q))
	}
	last := 0
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if needsEscape(c, q, raw) {
			sb.WriteSubstring(s, last, i)
			sb.WriteUTF8String(metaEscapes[c])
			last = i + 1
		} else if c >= 0xd800 && c <= 0xdfff {
			if c <= 0xdbff && i+1 < n {
				if d := s.CharAt(i + 1); d >= 0xdc00 && d <= 0xdfff {
					i++
					continue
				}
			}
			sb.WriteSubstring(s, last, i)
			sb.WriteUTF8String(`\u` + strconv.FormatInt(int64(c), 16))
			last = i + 1
		}
	}
	sb.WriteSubstring(s, last, n)
	if q != 0 {
		sb.WriteRune(rune(q))
	}
	return sb.String()
}

func stringValue(s string) goja.Value {
	var sb goja.StringBuilder
	sb.WriteUTF8String(s)
	return sb.String()
}

// StringWidth is the display width of s in a terminal: wide East Asian characters count two
// columns, combining marks and zero-width characters none.
func StringWidth(s string) int {
	w := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case isZeroWidth(r):
		case isFullWidth(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isZeroWidth(r rune) bool {
	return r <= 0x1f || (r >= 0x7f && r <= 0x9f) || (r >= 0x300 && r <= 0x36f) ||
		(r >= 0x200b && r <= 0x200f) || (r >= 0x20d0 && r <= 0x20ff) ||
		(r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xfe20 && r <= 0xfe2f) ||
		(r >= 0xe0100 && r <= 0xe01ef)
}

func isFullWidth(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0x3247 && r != 0x303f) ||
		(r >= 0x3250 && r <= 0x4dbf) ||
		(r >= 0x4e00 && r <= 0xa4c6) ||
		(r >= 0xa960 && r <= 0xa97c) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe10 && r <= 0xfe19) ||
		(r >= 0xfe30 && r <= 0xfe6b) ||
		(r >= 0xff01 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x1b000 && r <= 0x1b001) ||
		(r >= 0x1f200 && r <= 0x1f251) ||
		(r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}
