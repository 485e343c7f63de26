package util

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// More of formatValue/formatRaw in the Go inspector (fastInspector): circular references
// (<ref *n> and [Circular *n]), regexps, boxed primitives, functions and classes with own
// properties, typed arrays. As everywhere in the Go inspector, anything unusual bails to
// inspect.js.

// circularRef is formatValue's answer for an object met again inside itself: [Circular *n],
// numbered in the order such objects are first met (ctx.circular).
func (f *fastInspector) circularRef(o *goja.Object) string {
	idx := 0
	for i, c := range f.circular {
		if c == o {
			idx = i + 1
			break
		}
	}
	if idx == 0 {
		f.circular = append(f.circular, o)
		idx = len(f.circular)
	}
	return f.count(f.style("[Circular *"+strconv.Itoa(idx)+"]", "special"))
}

// pop ends o's formatting (ctx.seen.pop) and returns base with o's <ref *n> mark in front when
// something inside o referred to it.
func (f *fastInspector) pop(o *goja.Object, base string) string {
	f.seen = f.seen[:len(f.seen)-1]
	for i, c := range f.circular {
		if c == o {
			ref := f.style("<ref *"+strconv.Itoa(i+1)+">", "special")
			if base == "" {
				return ref
			}
			return ref + " " + base
		}
	}
	return base
}

// baseStruct is the baseObject struct every goja object type embeds first (own properties).
func baseStruct(impl reflect.Value) reflect.Value {
	v := impl.Elem()
	for v.Kind() == reflect.Struct {
		if v.Type() == baseObjectType.Elem() {
			return v
		}
		if v.NumField() == 0 {
			break
		}
		v = v.Field(0)
	}
	panic(bail{})
}

// ownData is o's own property key when it is a data property (an accessor bails); ok is false
// when o has no such own property in its table (goja's templated built-ins make theirs lazily:
// callers only ask for keys the program's objects keep).
func (f *fastInspector) ownData(o *goja.Object, key string) (v goja.Value, ok bool) {
	vals := baseStruct(f.implOf(o)).FieldByIndex(baseValuesField)
	mv := vals.MapIndex(reflect.ValueOf(unistring.NewFromString(key)))
	if !mv.IsValid() || mv.IsNil() {
		return nil, false
	}
	if e := mv.Elem(); e.Type() == valuePropertyType && e.Elem().FieldByIndex(accessorField).Bool() {
		panic(bail{})
	}
	return o.Get(key), true
}

// builtinData is ownData for an object that may be one of goja's templated built-ins (Number.prototype
// and the like), whose untouched properties are in their template.
func (f *fastInspector) builtinData(p *goja.Object, key string) (goja.Value, bool) {
	impl := f.implOf(p)
	if l := collections(); l.ok && impl.Type() == l.templT {
		name := reflect.ValueOf(unistring.NewFromString(key))
		if mv := baseStruct(impl).FieldByIndex(baseValuesField).MapIndex(name); !mv.IsValid() {
			if unexported(impl.Elem(), l.tmplField).Elem().FieldByName("props").MapIndex(name).IsValid() {
				return p.Get(key), true // (the template's, untouched)
			}
			return nil, false
		}
	}
	return f.ownData(p, key)
}

// keyedBase formats an object printed as base followed by its own enumerable data properties
// (base { k: v }), or base alone without them; beyond the depth, its [constructor] name.
func (f *fastInspector) keyedBase(o *goja.Object, base, style, ctxName string, keys []string, vals []goja.Value, recurseTimes int) string {
	if len(keys) == 0 {
		return f.count(f.style(base, style))
	}
	if float64(recurseTimes) > f.depth {
		return f.count(f.style("["+ctxName+"]", "special"))
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	output := f.properties(make([]string, 0, len(keys)), keys, vals, recurseTimes)
	return f.reduceBase(output, f.pop(o, base), "{", "}", false, recurseTimes, nil)
}

// tagOf is formatRaw's tag: o's Symbol.toStringTag when a string that differs from constructor
// (own enumerable symbols have bailed before).
func (f *fastInspector) tagOf(o *goja.Object, constructor string) string {
	if t, ok := o.GetSymbol(goja.SymToStringTag).(goja.String); ok {
		if tag := goString(t); tag != "" && tag != constructor {
			return tag
		}
	}
	return ""
}

// regexp is a RegExp (or an instance of a subclass): its source and flags as
// RegExp.prototype.toString writes them, then its own properties.
func (f *fastInspector) regexp(o *goja.Object, recurseTimes int) string {
	if f.showHidden || f.reProto == nil || f.reToString == nil {
		panic(bail{})
	}
	f.customOnly(o)
	constructor := "RegExp"
	if p := o.Prototype(); p != f.reProto {
		constructor = f.className(p, false)
	} else if c, ok := f.ownData(p, "constructor"); !ok || !c.SameAs(f.reCtor) {
		panic(bail{})
	}
	tag := f.tagOf(o, constructor)
	keys, vals := f.ownKeyValues(o, baseStruct(f.implOf(o)))
	s, err := f.reToString(o)
	if err != nil {
		panic(bail{})
	}
	str, ok := s.(goja.String)
	if !ok {
		panic(bail{})
	}
	base := fixSlashes(goString(str))
	prefix := ""
	if constructor != "RegExp" || tag != "" {
		prefix = constructor + " "
		if tag != "" {
			prefix = constructor + " [" + tag + "] "
		}
	}
	base = prefix + base
	if len(keys) != 0 && float64(recurseTimes) > f.depth {
		return f.count(f.style(base, "regexp"))
	}
	return f.keyedBase(o, base, "regexp", "", keys, vals, recurseTimes)
}

// fixSlashes undoes goja's escaping of '/' in a RegExp's source as \u002f: V8 writes \/ outside
// character classes and a bare / inside them (inspect.js's fixSlashes).
func fixSlashes(src string) string {
	if !strings.Contains(src, `\u002f`) {
		return src
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' {
			if strings.HasPrefix(src[i:], `\u002f`) {
				if inClass {
					b.WriteByte('/')
				} else {
					b.WriteString(`\/`)
				}
				i += 5
				continue
			}
			b.WriteByte(c)
			if i+1 < len(src) {
				b.WriteByte(src[i+1])
			}
			i++
			continue
		}
		if c == '[' {
			inClass = true
		} else if c == ']' {
			inClass = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// boxedTypes are getBoxedBase's type names by kind.
var boxedTypes = map[int]string{kNumber: "Number", kString: "String", kBoolean: "Boolean", kSymbol: "Symbol", kBigInt: "BigInt"}

// boxed is a boxed primitive (new Number(3), Object('s'), Object(Symbol())): getBoxedBase's
// [Number: 3], coloured by its type when it has no own properties.
func (f *fastInspector) boxed(o *goja.Object, kind int, recurseTimes int) string {
	typ := boxedTypes[kind]
	proto, _ := f.vm.Get(typ).(*goja.Object)
	if f.showHidden || typ == "" || proto == nil {
		panic(bail{})
	}
	f.customOnly(o)
	constructor := typ
	if p := o.Prototype(); p == nil || p != proto.Get("prototype") {
		panic(bail{})
	} else if c, ok := f.builtinData(p, "constructor"); !ok || !c.SameAs(proto) {
		panic(bail{})
	}
	tag := f.tagOf(o, constructor)
	if tag == typ { // (Symbol.prototype's and BigInt.prototype's own tags)
		tag = ""
	}
	if tag != "" {
		panic(bail{})
	}
	var keys []string
	var vals []goja.Value
	var prim goja.Value
	if kind == kString {
		f.noCustom(o) // (no symbol keys: they would follow its named ones)
		sv, ok := f.wrapped(o, "value").(goja.String)
		if !ok {
			panic(bail{})
		}
		// (its index keys are not listed)
		all := o.Keys()
		n := int(o.Get("length").ToInteger())
		if n > len(all) {
			panic(bail{})
		}
		for i := 0; i < n; i++ {
			if all[i] != strconv.Itoa(i) {
				panic(bail{})
			}
		}
		vm := baseStruct(f.implOf(o)).FieldByIndex(baseValuesField)
		if vm.MapIndex(reflect.ValueOf(unistring.String("constructor"))).IsValid() {
			panic(bail{})
		}
		keys = all[n:]
		vals = make([]goja.Value, len(keys))
		for i, k := range keys {
			vals[i] = f.ownDataValue(o, vm, k)
		}
		prim = sv
	} else {
		keys, vals = f.ownKeyValues(o, baseStruct(f.implOf(o)))
		prim = f.wrapped(o, "pValue")
	}
	colors := f.colors
	f.colors = false
	s := f.value(prim, recurseTimes)
	f.colors = colors
	base := "[" + typ + ": " + s + "]"
	if len(keys) != 0 {
		return f.keyedBase(o, base, "", typ, keys, vals, recurseTimes)
	}
	return f.count(f.style(base, strings.ToLower(typ)))
}

// wrapped is the primitive a boxed primitive's goja object keeps in field (stringObject's value,
// primitiveValueObject's pValue).
func (f *fastInspector) wrapped(o *goja.Object, field string) goja.Value {
	pv := f.implOf(o).Elem().FieldByName(field)
	if !pv.IsValid() || pv.Kind() != reflect.Interface {
		panic(bail{})
	}
	gv, ok := reflect.NewAt(pv.Type(), pv.Addr().UnsafePointer()).Elem().Interface().(goja.Value)
	if !ok || gv == nil {
		panic(bail{})
	}
	return gv
}

// funcConstructor is getConstructorName of a function: the first own constructor on its
// chain, which for any function whose chain reaches Function.prototype untouched is
// Function's (a class's parent classes have none of their own).
func (f *fastInspector) funcConstructor(o *goja.Object) string {
	for p, n := o, 0; p != nil; p, n = p.Prototype(), n+1 {
		if n > 64 {
			panic(bail{})
		}
		if p == f.funcProto {
			if c := p.Get("constructor"); c == nil || !c.SameAs(f.funcCtor) {
				panic(bail{})
			}
			return "Function"
		}
		if p == f.objProto {
			panic(bail{})
		}
		if p != o && Kind(p) == kObject {
			// (AsyncFunction.prototype and the like: a plain prototype object)
			return f.className(p, false)
		}
		if _, ok := f.ownData(p, "constructor"); ok {
			panic(bail{})
		}
	}
	panic(bail{})
}

// classBase is getClassBase: [class A], [class B extends A], [class (anonymous)].
func (f *fastInspector) classBase(o *goja.Object, constructor, tag string) string {
	name := "(anonymous)"
	if v, ok := f.ownData(o, "name"); ok {
		switch n := v.(type) {
		case goja.String:
			if s := goString(n); s != "" {
				name = s
			}
		default:
			if v != nil && v.ToBoolean() {
				panic(bail{}) // (a static name() method and such)
			}
		}
	}
	base := "class " + name
	if constructor != "Function" {
		base += " [" + constructor + "]"
	}
	if tag != "" && tag != constructor {
		base += " [" + tag + "]"
	}
	// the parent's name, read along its chain: data properties only
	var super goja.Value
	for p, n := o.Prototype(), 0; p != nil; p, n = p.Prototype(), n+1 {
		if n > 64 {
			panic(bail{})
		}
		if p == f.funcProto {
			super = f.funcProtoName
			break
		}
		if v, ok := f.ownData(p, "name"); ok {
			super = v
			break
		}
	}
	if super != nil && super.ToBoolean() {
		s, ok := super.(goja.String)
		if !ok {
			panic(bail{})
		}
		base += " extends " + goString(s)
	}
	return "[" + base + "]"
}

// printedAsClass is inspect.js's test of a class's source: a class whose heritage has a call
// (`class A extends mixin(B) {`) may print as a function, which inspect.js decides.
func (f *fastInspector) printedAsClass(o *goja.Object) bool {
	if f.funcToString == nil {
		panic(bail{})
	}
	v, err := f.funcToString(o)
	if err != nil {
		panic(bail{})
	}
	s, ok := v.(goja.String)
	if !ok {
		panic(bail{})
	}
	text := goString(s)
	if !strings.HasPrefix(text, "class") || !strings.HasSuffix(text, "}") {
		return true
	}
	slice := text[5 : len(text)-1]
	br := strings.IndexByte(slice, '{')
	if br < 0 || !strings.Contains(slice[:br], "(") {
		return true
	}
	panic(bail{})
}

// typedArray is formatRaw of a typed array: Uint8Array(3) [ 1, 2, 3 ], its elements as numbers
// or bigints, then its own named properties.
func (f *fastInspector) typedArray(o *goja.Object, impl reflect.Value, recurseTimes int) string {
	if f.showHidden || impl.Type() != typedArrayType || f.taProto == nil {
		panic(bail{})
	}
	f.noCustom(o)
	p := o.Prototype()
	if p == nil {
		panic(bail{})
	}
	constructor := f.className(p, false)
	// the tag is %TypedArray%.prototype's getter's: the element type's name
	tag := ""
	if t, ok := o.GetSymbol(goja.SymToStringTag).(goja.String); ok {
		tag = goString(t)
	}
	if tag == "" || !strings.HasSuffix(tag, "Array") {
		panic(bail{})
	}
	if tag == constructor {
		tag = ""
	}
	names, ok := namedKeys(o, false)
	if !ok {
		panic(bail{})
	}
	base := baseStruct(impl)
	vals := make([]goja.Value, len(names))
	for i, k := range names {
		if k == "length" || k == "constructor" {
			panic(bail{}) // (node reads the length property, which this shadows)
		}
		vals[i] = f.ownDataValue(o, base.FieldByIndex(baseValuesField), k)
	}
	// the length property, which node reads, must be %TypedArray%.prototype's getter: nothing
	// on the way there may shadow it
	for q, n := o, 0; q != f.taProto; q, n = q.Prototype(), n+1 {
		if q == nil || n > 64 || baseStruct(f.implOf(q)).FieldByIndex(baseValuesField).MapIndex(reflect.ValueOf(unistring.String("length"))).IsValid() {
			panic(bail{})
		}
	}
	lf := impl.Elem().FieldByName("length")
	if !lf.IsValid() || lf.Kind() != reflect.Int {
		panic(bail{})
	}
	length := int(lf.Int())
	prefix := constructor + "(" + strconv.Itoa(length) + ") "
	if tag != "" {
		prefix = constructor + "(" + strconv.Itoa(length) + ") [" + tag + "] "
	}
	if length == 0 && len(names) == 0 {
		return f.count(prefix + "[]")
	}
	if float64(recurseTimes) > f.depth {
		if tag != "" {
			return f.count(f.style("["+constructor+" ["+tag+"]]", "special"))
		}
		return f.count(f.style("["+constructor+"]", "special"))
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	n := length
	if float64(n) > f.maxArray {
		n = int(max(0, f.maxArray))
	}
	output := make([]string, 0, n+1+len(names))
	for i := 0; i < n; i++ {
		output = append(output, f.value(o.Get(strconv.Itoa(i)), recurseTimes))
	}
	if rem := length - n; rem > 0 {
		output = append(output, remainingText(rem))
	}
	output = f.properties(output, names, vals, recurseTimes)
	var elems []goja.Value
	if len(output) > 6 {
		// (groupArrayElements reads value[i] for every entry's index)
		elems = make([]goja.Value, len(output))
		for i := range elems {
			if i < length {
				elems[i] = o.Get(strconv.Itoa(i))
			} else {
				elems[i] = goja.Undefined()
			}
		}
	}
	return f.reduceBase(output, f.pop(o, ""), prefix+"[", "]", true, recurseTimes, elems)
}

// jsonSafe says whether JSON.stringify(v) runs none of the program's code and throws nothing but
// a cycle's TypeError: v is a primitive but a BigInt, or a plain object (of Object.prototype or
// none) or an array of Array.prototype whose properties are plain data properties holding such
// values, and neither prototype has a toJSON. Anything else (a Date, a class instance, a Map, a
// getter, a proxy, very deep nesting) reports false.
func (f *fastInspector) jsonSafe(v goja.Value) bool {
	for _, p := range [...]*goja.Object{f.objProto, f.arrProto} {
		if t := p.Get("toJSON"); t != nil && !goja.IsUndefined(t) {
			return false
		}
	}
	return f.jsonSafeValue(v, nil)
}

func (f *fastInspector) jsonSafeValue(v goja.Value, path []*goja.Object) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return !goja.IsBigInt(v)
	}
	if slices.Contains(path, o) {
		return true // (a cycle: JSON.stringify's TypeError, which tryStringify turns into '[Circular]')
	}
	if len(path) >= 200 || f.implOf(o).Type().String() == "*goja.proxyObject" {
		return false // (its prototype is a trap's)
	}
	path = append(path, o)
	var vals []goja.Value
	ok = false // (any other prototype)
	switch p := o.Prototype(); {
	case p == f.arrProto:
		vals, ok = modules.DenseElements(o)
	case p == f.objProto || p == nil:
		_, vals, ok = modules.PlainRecord(o, f.objProto)
	}
	if !ok {
		return false
	}
	for _, e := range vals {
		if !f.jsonSafeValue(e, path) {
			return false
		}
	}
	return true
}
