package util

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// fastInspect formats the commonest values (plain objects and dense arrays, class instances,
// Maps, Sets, errors, functions and classes, promises, dates, regexps, boxed primitives, typed
// arrays, circular references among them) in Go, with exactly inspect.js's algorithm for its
// numeric compact modes, with or without its default colours. It gives up (ok false) on anything
// else: symbol keys, accessors outside plain objects and class instances (and with the getters
// option), holes, custom inspectors, truncated strings, showHidden past plain records;
// inspect.js then does the work. testdata/cases.js runs every case through both paths
// (see verify in inspect.js); fastcover_test.go checks which kinds the Go path takes.
type fastInspector struct {
	vm            *goja.Runtime
	objProto      *goja.Object
	arrProto      *goja.Object
	errProto      *goja.Object
	dateProto     *goja.Object
	funcProto     *goja.Object
	funcCtor      goja.Value
	dateCtor      goja.Value
	objCtor       goja.Value
	arrCtor       goja.Value
	customSym     *goja.Symbol
	reCtor        *goja.Object
	reProto       *goja.Object
	reToString    goja.Callable                                           // RegExp.prototype.toString as the runtime made it
	funcToString  goja.Callable                                           // Function.prototype.toString as the runtime made it
	funcProtoName goja.Value                                              // Function.prototype.name as the runtime made it
	taProto       *goja.Object                                            // %TypedArray%.prototype
	gopd          goja.Callable                                           // Object.getOwnPropertyDescriptor as the runtime made it
	gops          goja.Callable                                           // Object.getOwnPropertySymbols as the runtime made it
	custom        func(fn *goja.Object) func(*goja.Object) (string, bool) // modules.FastCustomInspect
	engineStack   func(*goja.Object) bool                                 // Host.EngineErrorStack: an engine error's stack in V8's form
	kind          func(goja.Value) int                                    // hostKind: a function's kind as inspect.js's kindOf tells it
	hasView       func(*goja.Object) bool                                 // a built-in's inspect view (modules.InspectView): inspect.js's
	depth         float64
	breakLength   float64
	compact       int
	maxArray      float64
	maxString     float64
	indent        int
	showHidden    bool // util.format's %o: an array's length shows; anything with a hidden property bails
	colors        bool // inspect's default styles (console on a terminal, before inspect.js is loaded)
	customOff     bool // customInspect false (the fatal printer's): anything with inspect.custom bails
	current       int
	seen          []*goja.Object
	circular      []*goja.Object // ctx.circular: objects met again inside themselves, by index-1
	size          int
}

type bail struct{}

func newFastInspector(vm *goja.Runtime) *fastInspector {
	f := &fastInspector{vm: vm}
	f.objCtor = vm.Get("Object")
	f.arrCtor = vm.Get("Array")
	f.objProto = f.objCtor.(*goja.Object).Get("prototype").(*goja.Object)
	f.arrProto = f.arrCtor.(*goja.Object).Get("prototype").(*goja.Object)
	f.errProto = vm.Get("Error").(*goja.Object).Get("prototype").(*goja.Object)
	if dc, ok := vm.Get("Date").(*goja.Object); ok {
		f.dateCtor = dc
		f.dateProto, _ = dc.Get("prototype").(*goja.Object)
	}
	if fc, ok := vm.Get("Function").(*goja.Object); ok {
		f.funcCtor = fc
		f.funcProto, _ = fc.Get("prototype").(*goja.Object)
	}
	if rc, ok := vm.Get("RegExp").(*goja.Object); ok {
		if rp, ok := rc.Get("prototype").(*goja.Object); ok {
			f.reCtor, f.reProto = rc, rp
			f.reToString = nativeMethod(rp, "toString")
		}
	}
	if f.funcProto != nil {
		f.funcToString = nativeMethod(f.funcProto, "toString")
		f.funcProtoName = f.funcProto.Get("name")
	}
	if u8, ok := vm.Get("Uint8Array").(*goja.Object); ok {
		if p, ok := u8.Get("prototype").(*goja.Object); ok {
			f.taProto = p.Prototype()
		}
	}
	if oc, ok := f.objCtor.(*goja.Object); ok {
		f.gopd = nativeMethod(oc, "getOwnPropertyDescriptor")
		f.gops = nativeMethod(oc, "getOwnPropertySymbols")
	}
	f.customSym = goja.NewSymbol("nodejs.util.inspect.custom")
	if sf, ok := goja.AssertFunction(vm.Get("Symbol").(*goja.Object).Get("for")); ok {
		if v, err := sf(goja.Undefined(), vm.ToValue("nodejs.util.inspect.custom")); err == nil {
			f.customSym, _ = v.(*goja.Symbol)
		}
	}
	return f
}

// nativeMethod is o[name] when it is one of goja's own functions (made in Go, not by the
// program), or nil.
func nativeMethod(o *goja.Object, name string) goja.Callable {
	m, ok := o.Get(name).(*goja.Object)
	if !ok || selfField < 0 {
		return nil
	}
	switch reflect.ValueOf(m).Elem().Field(selfField).Elem().Type().String() {
	case "*goja.nativeFuncObject", "*goja.templatedFuncObject":
		fn, _ := goja.AssertFunction(m)
		return fn
	}
	return nil
}

// protosPlain reports whether Object.prototype and Array.prototype are as goja made them in the
// ways inspect looks at: constructors in place, no inspect.custom, Symbol.toStringTag or
// Symbol.iterator on Object.prototype, and no Symbol.toStringTag on Array.prototype.
func (f *fastInspector) protosPlain() bool {
	if f.customSym == nil || baseObjectType == nil {
		return false
	}
	if !f.objProto.Get("constructor").SameAs(f.objCtor) || !f.arrProto.Get("constructor").SameAs(f.arrCtor) {
		return false
	}
	for _, p := range []*goja.Object{f.objProto, f.arrProto} {
		if v := p.GetSymbol(f.customSym); v != nil && !goja.IsUndefined(v) {
			return false
		}
		if v := p.GetSymbol(goja.SymToStringTag); v != nil && !goja.IsUndefined(v) {
			return false
		}
	}
	if v := f.objProto.GetSymbol(goja.SymIterator); v != nil && !goja.IsUndefined(v) {
		return false
	}
	return true
}

func (f *fastInspector) run(v goja.Value, depth, breakLength float64, compact int, maxArray, maxString float64, indent int, showHidden, colors, customOff bool) (res string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bail); !isBail {
				panic(r)
			}
			res, ok = "", false
		}
		f.seen = f.seen[:0]
		f.circular = f.circular[:0]
	}()
	if !f.protosPlain() {
		return "", false
	}
	f.depth, f.breakLength, f.compact = depth, breakLength, compact
	f.maxArray, f.maxString, f.indent, f.current, f.size = maxArray, maxString, indent, 0, 0
	f.showHidden, f.colors, f.customOff = showHidden, colors, customOff
	return f.value(v, 0), true
}

func u16len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func (f *fastInspector) value(v goja.Value, recurseTimes int) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return f.style("undefined", "undefined")
	case goja.IsNull(v):
		return f.style("null", "null")
	}
	switch x := v.(type) {
	case *goja.Object:
		return f.object(x, recurseTimes)
	case *goja.Symbol:
		d := "Symbol(" + x.String() + ")" // (String is the description)
		if strings.ContainsRune(d, utf8.RuneError) {
			panic(bail{}) // perhaps a lone surrogate
		}
		return f.style(d, "symbol")
	case goja.String:
		return f.str(x)
	}
	if goja.IsNumber(v) {
		fl := v.ToFloat()
		if fl == 0 && math.Signbit(fl) {
			return f.style("-0", "number")
		}
		return f.style(v.String(), "number")
	}
	if goja.IsBigInt(v) {
		return f.style(v.String()+"n", "bigint")
	}
	if b, ok := modules.ExportAs[bool](v); ok {
		if b {
			return f.style("true", "boolean")
		}
		return f.style("false", "boolean")
	}
	panic(bail{})
}

// goString is s as a Go string; a lone surrogate (which a Go string cannot hold) bails.
func goString(s goja.String) string {
	if a, ok := asASCII(s); ok {
		return a
	}
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if c >= 0xd800 && c <= 0xdfff {
			if c <= 0xdbff && i+1 < n {
				if d := s.CharAt(i + 1); d >= 0xdc00 && d <= 0xdfff {
					i++
					continue
				}
			}
			panic(bail{}) // lone surrogate: leave it to JS
		}
	}
	return s.String()
}

func (f *fastInspector) str(s goja.String) string {
	str := goString(s)
	l := u16len(str)
	if float64(l) > f.maxString {
		panic(bail{})
	}
	if l > 16 && float64(l) > f.breakLength-float64(f.indent)-4 {
		var parts []string
		rest := str
		for rest != "" {
			i := strings.IndexByte(rest, '\n')
			if i < 0 {
				parts = append(parts, f.style(f.quote(rest), "string"))
				break
			}
			parts = append(parts, f.style(f.quote(rest[:i+1]), "string"))
			rest = rest[i+1:]
		}
		return strings.Join(parts, " +\n"+strings.Repeat(" ", f.indent+2))
	}
	return f.style(f.quote(str), "string")
}

func (f *fastInspector) quote(s string) string {
	return Quote(f.vm.ToValue(s)).String()
}

func (f *fastInspector) implOf(o *goja.Object) reflect.Value {
	return reflect.ValueOf(o).Elem().Field(selfField).Elem()
}

func (f *fastInspector) object(o *goja.Object, recurseTimes int) string {
	if len(f.seen) >= 1000 {
		panic(bail{}) // inspect.js's nesting guard
	}
	impl := f.implOf(o)
	if impl.Type().String() == "*goja.proxyObject" {
		panic(bail{}) // (reading it would run its traps)
	}
	if f.custom != nil || f.customOff {
		// formatValue calls an inspect.custom method first: a built-in's (Buffer's) may be
		// printed by its Go twin; any other runs in inspect.js, as does anything that has one
		// when customInspect is off (a Buffer is then its typed array)
		if cv, ok := o.GetSymbol(f.customSym).(*goja.Object); ok {
			if f.custom != nil && !f.customOff {
				if format := f.custom(cv); format != nil {
					if s, ok := format(o); ok {
						return f.count(s)
					}
				}
			}
			panic(bail{})
		}
	}
	for _, s := range f.seen {
		if s == o {
			return f.circularRef(o)
		}
	}
	switch impl.Type() {
	case baseObjectType:
		if o.ClassName() == "Arguments" {
			panic(bail{}) // a strict function's arguments: inspect.js prints "[Arguments] {"
		}
		name := "Object"
		if p := o.Prototype(); p == nil {
			if f.showHidden {
				panic(bail{})
			}
			name = nullProtoName
		} else if p != f.objProto {
			if f.showHidden {
				panic(bail{}) // a class's instance shows its prototype's properties too
			}
			name = f.className(p, false)
			if f.hasView != nil && f.hasView(o) {
				panic(bail{})
			}
		}
		return f.plainObject(o, impl, recurseTimes, name)
	case arrayObjectType:
		if o.Prototype() != f.arrProto {
			panic(bail{})
		}
		return f.array(o, impl, recurseTimes)
	}
	if f.kind != nil {
		switch k := f.kind(o); k {
		case kFunc, kAsyncFunc, kGenFunc, kAsyncGenFunc, kClass:
			return f.function(o, k, recurseTimes)
		case kRegExp:
			return f.regexp(o, recurseTimes)
		case kTypedArray:
			return f.typedArray(o, impl, recurseTimes)
		case kNumber, kString, kBoolean, kSymbol, kBigInt:
			return f.boxed(o, k, recurseTimes)
		}
	}
	switch impl.Type().String() {
	case "*goja.dateObject":
		return f.date(o)
	case "*goja.mapObject":
		return f.collection(o, impl, recurseTimes, true)
	case "*goja.setObject":
		return f.collection(o, impl, recurseTimes, false)
	case "*goja.errorObject":
		return f.errorObj(o, impl, recurseTimes)
	case "*goja.Promise":
		return f.promise(o, impl, recurseTimes)
	}
	panic(bail{})
}

// date is a Date with Date.prototype (whose constructor is Date) and no own enumerable key or
// symbol: its toISOString, or toString's "Invalid Date", printed at any depth, as formatRaw
// prints a date without keys. Anything else (a subclass, own keys, showHidden) bails.
func (f *fastInspector) date(o *goja.Object) string {
	if f.showHidden || f.dateProto == nil || o.Prototype() != f.dateProto {
		panic(bail{})
	}
	if c := f.dateProto.Get("constructor"); c == nil || !c.SameAs(f.dateCtor) {
		panic(bail{})
	}
	f.noSymbols(o)
	if len(o.Keys()) != 0 {
		panic(bail{})
	}
	t, ok := modules.ExportAs[time.Time](o)
	if !ok {
		return f.count(f.style("Invalid Date", "date"))
	}
	return f.count(f.style(isoString(t.UTC()), "date"))
}

// isoString is Date.prototype.toISOString of t (UTC): a year outside 0-9999 has a sign and six
// digits, as V8 writes it.
func isoString(t time.Time) string {
	y := t.Year()
	var b []byte
	switch {
	case y >= 0 && y <= 9999:
		b = append(b, fmt.Sprintf("%04d", y)...)
	case y < 0:
		b = append(b, fmt.Sprintf("-%06d", -y)...)
	default:
		b = append(b, fmt.Sprintf("+%06d", y)...)
	}
	b = append(b, fmt.Sprintf("-%02d-%02dT%02d:%02d:%02d.%03dZ", int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e6)...)
	return string(b)
}

func (f *fastInspector) ownDataValue(o *goja.Object, vals reflect.Value, key string) goja.Value {
	mv := vals.MapIndex(reflect.ValueOf(unistring.NewFromString(key)))
	if !mv.IsValid() || mv.IsNil() {
		panic(bail{})
	}
	if e := mv.Elem(); e.Type() == valuePropertyType && e.Elem().FieldByIndex(accessorField).Bool() {
		panic(bail{})
	}
	return o.Get(key)
}

// builtinToString is util.format's hasBuiltInToString for what %s may print through the Go
// inspector: true for a plain object, an array or a class instance whose toString is found on
// Object.prototype or Array.prototype (no own toString on it or on a prototype before) and that
// has no Symbol.toPrimitive, own or inherited; false for anything else, which the JS format
// decides.
func (f *fastInspector) builtinToString(o *goja.Object) bool {
	if f.gops == nil {
		return false
	}
	key := reflect.ValueOf(unistring.String("toString"))
	for p, depth := o, 0; p != nil && depth < 32; p, depth = p.Prototype(), depth+1 {
		if p == f.objProto {
			return f.noToPrimitive(p)
		}
		if p == f.arrProto {
			return f.noToPrimitive(p) && f.noToPrimitive(f.objProto) // (Array.prototype's prototype)
		}
		impl := f.implOf(p)
		var base reflect.Value
		switch impl.Type() {
		case baseObjectType:
			base = impl.Elem()
		case arrayObjectType:
			base = impl.Elem().Field(0)
		default:
			return false // (a proxy among them: its traps are the program's)
		}
		if mv := base.FieldByIndex(baseValuesField).MapIndex(key); mv.IsValid() || !f.noToPrimitive(p) {
			return false
		}
	}
	return false
}

// noToPrimitive reports whether p has no own Symbol.toPrimitive (p is no proxy).
func (f *fastInspector) noToPrimitive(p *goja.Object) bool {
	syms, err := f.gops(goja.Undefined(), p)
	if err != nil {
		return false
	}
	so, ok := syms.(*goja.Object)
	if !ok {
		return false
	}
	els, ok := modules.DenseElements(so)
	if !ok {
		return false
	}
	for _, s := range els {
		if s == goja.SymToPrimitive {
			return false
		}
	}
	return true
}

// accessorLabel is formatProperty's text for the own property key of vals (an object's values)
// when it is an accessor, without the getters option (callers leave that to inspect.js):
// [Getter], [Setter], [Getter/Setter], or undefined for one with neither function. ok is false
// for a data property.
func (f *fastInspector) accessorLabel(vals reflect.Value, key string) (label string, ok bool) {
	mv := vals.MapIndex(reflect.ValueOf(unistring.NewFromString(key)))
	if !mv.IsValid() || mv.IsNil() {
		return "", false
	}
	e := mv.Elem()
	if e.Type() != valuePropertyType || !e.Elem().FieldByIndex(accessorField).Bool() {
		return "", false
	}
	get, set := !e.Elem().FieldByName("getterFunc").IsNil(), !e.Elem().FieldByName("setterFunc").IsNil()
	switch {
	case get && set:
		return f.style("[Getter/Setter]", "special"), true
	case get:
		return f.style("[Getter]", "special"), true
	case set:
		return f.style("[Setter]", "special"), true
	}
	return f.style("undefined", "undefined"), true
}

// noSymbols bails unless o has no enumerable own symbols and no Symbol.toStringTag or
// inspect.custom, own or inherited (Object.Symbols lists only the enumerable ones).
func (f *fastInspector) noSymbols(o *goja.Object) {
	if len(o.Symbols()) != 0 {
		panic(bail{})
	}
	f.noTag(o)
}

// noTag bails unless o has no Symbol.toStringTag or inspect.custom, own or inherited (its other
// symbol keys are listed by symbolEntries).
func (f *fastInspector) noTag(o *goja.Object) {
	for _, s := range []*goja.Symbol{goja.SymToStringTag, f.customSym} {
		if v := o.GetSymbol(s); v != nil && !goja.IsUndefined(v) {
			panic(bail{})
		}
	}
}

// className is getConstructorName for an instance whose prototype is proto: proto's own
// constructor, when it is a plain data property holding a named function whose prototype is
// proto (so that instanceof holds). Anything less ordinary bails, and so does an error's
// prototype unless isError (the instance would be formatted as an error).
func (f *fastInspector) className(proto *goja.Object, isError bool) string {
	if proto == nil || f.implOf(proto).Type() != baseObjectType {
		panic(bail{})
	}
	for p := proto; p != nil && !isError; p = p.Prototype() {
		if p == f.errProto {
			panic(bail{}) // instanceof Error: formatted as an error
		}
	}
	vals := f.implOf(proto).Elem().FieldByIndex(baseValuesField)
	ctor, ok := f.ownDataValue(proto, vals, "constructor").(*goja.Object)
	if !ok {
		panic(bail{})
	}
	if _, isFn := goja.AssertFunction(ctor); !isFn {
		panic(bail{})
	}
	cimpl := f.implOf(ctor)
	if cimpl.Type().String() == "*goja.proxyObject" {
		panic(bail{})
	}
	if cp, ok := ctor.Get("prototype").(*goja.Object); !ok || cp != proto {
		panic(bail{})
	}
	name, ok := ctor.Get("name").(goja.String)
	if !ok {
		panic(bail{})
	}
	n, ok := asASCII(name)
	if !ok || n == "" || n == "Object" {
		panic(bail{})
	}
	return n
}

// nullProtoName is the prefix of an object without prototype (getCtxStyle's).
const nullProtoName = "[Object: null prototype]"

func (f *fastInspector) plainObject(o *goja.Object, impl reflect.Value, recurseTimes int, name string) string {
	if f.showHidden {
		f.noSymbols(o)
	} else {
		f.noTag(o)
	}
	if f.showHidden {
		// (only plain data properties and no symbol key at all: nothing hidden to show)
		if _, _, plain := modules.PlainRecord(o, f.objProto); !plain {
			panic(bail{})
		}
	}
	// (read from goja's name list when o is a plain record: Keys() allocates for every key)
	keys, ok := modules.PlainOwnKeys(o, nil)
	if !ok {
		keys = o.Keys()
	}
	for _, k := range keys {
		if strings.ContainsRune(k, utf8.RuneError) || strings.HasPrefix(k, symKeyMark) {
			panic(bail{}) // perhaps a lone surrogate, which a Go string cannot hold
		}
	}
	symKeys, symVals := f.symbolEntries(o)
	open := "{"
	if name != "Object" {
		open = name + " {"
	}
	if len(keys) == 0 && len(symKeys) == 0 {
		return open + "}"
	}
	if float64(recurseTimes) > f.depth {
		if name == nullProtoName {
			return f.style(name, "special")
		}
		return f.style("["+name+"]", "special")
	}
	vals := impl.Elem().FieldByIndex(baseValuesField)
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	output := make([]string, 0, len(keys))
	for _, k := range keys {
		if k == "constructor" {
			panic(bail{})
		}
		if label, ok := f.accessorLabel(vals, k); ok {
			output = append(output, f.keyName(k)+": "+f.count(label))
			continue
		}
		v := f.ownDataValue(o, vals, k)
		f.indent += 2
		s := f.value(v, recurseTimes)
		f.indent -= 2
		output = append(output, f.keyName(k)+": "+s)
	}
	output = f.properties(output, symKeys, symVals, recurseTimes)
	return f.reduceBase(output, f.pop(o, ""), open, "}", false, recurseTimes, nil)
}

func (f *fastInspector) array(o *goja.Object, impl reflect.Value, recurseTimes int) string {
	a := impl.Elem()
	if a.FieldByIndex(propValueCountField).Int() != 0 ||
		a.FieldByIndex(objCountField).Int() != int64(a.FieldByIndex(lengthField).Uint()) {
		panic(bail{}) // holes or attributed elements
	}
	f.noSymbols(o)
	names := a.Field(0).FieldByIndex(propNamesField)
	if names.Len() != 1 || names.Index(0).String() != "length" {
		panic(bail{}) // named properties
	}
	length := int(a.FieldByIndex(lengthField).Uint())
	if f.showHidden {
		if _, dense := modules.DenseElements(o); !dense {
			panic(bail{}) // a hidden symbol key
		}
	} else if length == 0 {
		return "[]"
	}
	if float64(recurseTimes) > f.depth {
		return f.style("[Array]", "special")
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	n := length
	if float64(n) > f.maxArray {
		n = int(math.Max(0, f.maxArray))
	}
	output := make([]string, 0, n+1)
	elems := make([]goja.Value, 0, n+1)
	for i := 0; i < n; i++ {
		v := o.Get(strconv.Itoa(i))
		elems = append(elems, v)
		f.indent += 2
		s := f.value(v, recurseTimes)
		f.indent -= 2
		output = append(output, s)
	}
	if rem := length - n; rem > 0 {
		if n < length {
			elems = append(elems, o.Get(strconv.Itoa(n)))
		}
		output = append(output, remainingText(rem))
	}
	if f.showHidden {
		// the length is one more entry, grouped with the elements; the grouping's number test
		// reads value[i] for every entry's index, past the shown elements too
		output = append(output, "[length]: "+f.style(strconv.Itoa(length), "number"))
		for i := len(elems); i < len(output) && i < length; i++ {
			elems = append(elems, o.Get(strconv.Itoa(i)))
		}
	}
	return f.reduceBase(output, f.pop(o, ""), "[", "]", true, recurseTimes, elems)
}

func remainingText(n int) string {
	if n > 1 {
		return "... " + strconv.Itoa(n) + " more items"
	}
	return "... 1 more item"
}

func displayWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return StringWidth(s)
		}
	}
	return len(s)
}

// reduceBase is reduceToSingleString with a numeric compact mode.
func (f *fastInspector) reduceBase(output []string, base, open, close string, isArray bool, recurseTimes int, elems []goja.Value) string {
	entries := len(output)
	if isArray && entries > 6 {
		output = f.group(output, elems)
	}
	if base != "" {
		base += " "
	}
	if f.current-recurseTimes < f.compact && entries == len(output) && strings.IndexByte(base, '\n') < 0 {
		start := len(output) + f.indent + u16len(open) + u16len(base) + 10
		if base != "" {
			start-- // (base's length, without the space)
		}
		if f.belowBreakLength(output, start) {
			joined := strings.Join(output, ", ")
			if strings.IndexByte(joined, '\n') < 0 {
				return f.count(base + open + " " + joined + " " + close)
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", f.indent)
	return f.count(base + open + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + close)
}

func (f *fastInspector) count(s string) string {
	f.size += len(s)
	if f.size > 1<<26 {
		panic(bail{}) // Node's output budget: leave it to JS
	}
	return s
}

func (f *fastInspector) belowBreakLength(output []string, start int) bool {
	total := float64(len(output) + start)
	if total+float64(len(output)) > f.breakLength {
		return false
	}
	for _, s := range output {
		total += float64(u16len(f.plain(s)))
		if total > f.breakLength {
			return false
		}
	}
	return true
}

func padTo(s string, width int, start bool) string {
	n := width - u16len(s)
	if n <= 0 {
		return s
	}
	if start {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// group is groupArrayElements.
func (f *fastInspector) group(output []string, elems []goja.Value) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if f.maxArray < float64(len(output)) {
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := displayWidth(f.plain(output[i]))
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if float64(actualMax*3+f.indent) < f.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := math.Min(math.Min(
			math.Round(math.Sqrt(2.5*biasedMax*float64(outputLength))/biasedMax),
			math.Floor((f.breakLength-float64(f.indent))/float64(actualMax))),
			math.Min(float64(f.compact*4), 15))
		if columns <= 1 || math.IsNaN(columns) {
			return output
		}
		cols := int(columns)
		var maxLineLength []int
		for i := 0; i < cols; i++ {
			lineLength := 0
			for j := i; j < len(output); j += cols {
				if j < outputLength && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := true
		for i := 0; i < len(output); i++ {
			if i >= len(elems) {
				padStart = false
				break
			}
			e := elems[i]
			if !goja.IsNumber(e) && !goja.IsBigInt(e) {
				padStart = false
				break
			}
		}
		var tmp []string
		for i := 0; i < outputLength; i += cols {
			max := i + cols
			if max > outputLength {
				max = outputLength
			}
			var sb strings.Builder
			j := i
			for ; j < max-1; j++ {
				padding := maxLineLength[j-i] + u16len(output[j]) - dataLen[j]
				sb.WriteString(padTo(output[j]+", ", padding, padStart))
			}
			if padStart {
				padding := maxLineLength[j-i] + u16len(output[j]) - dataLen[j] - separatorSpace
				sb.WriteString(padTo(output[j], padding, true))
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if f.maxArray < float64(len(output)) {
			tmp = append(tmp, output[outputLength])
		}
		return tmp
	}
	return output
}

// styleCodes are inspect.colors of inspect.styles' defaults, by style.
var styleCodes = map[string][2]string{
	"special": {"36", "39"}, "number": {"33", "39"}, "bigint": {"33", "39"}, "boolean": {"33", "39"},
	"undefined": {"90", "39"}, "null": {"1", "22"}, "string": {"32", "39"}, "symbol": {"32", "39"},
	"date": {"35", "39"}, "regexp": {"31", "39"},
}

// style is stylizeWithColor with the default styles, or s as it is without colours.
func (f *fastInspector) style(s, style string) string {
	if !f.colors {
		return s
	}
	c := styleCodes[style]
	return "\x1b[" + c[0] + "m" + s + "\x1b[" + c[1] + "m"
}

// plain is s without the colour codes style adds (removeColors), when colouring.
func (f *fastInspector) plain(s string) string {
	if !f.colors || strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+3 < len(s) && s[i+1] == '[' && isDigit(s[i+2]) {
			j := i + 3
			if isDigit(s[j]) {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
