package util

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// Maps, Sets and errors in the Go inspector (fastInspector), as formatRaw, formatMap, formatSet
// and the errors part of inspect.js print them with default, colourless options. Anything
// unusual bails to inspect.js: showHidden, own symbols, Symbol.toStringTag on an error, accessor
// properties whose getter is the program's, prototypes that are not plain objects, stacks still
// in goja's form.

// collectionLayout locates what a goja Map or Set keeps: the ordered map (field m) and its
// entries' key, value and next links. ok is false when goja's layout is not the expected one.
type collectionLayout struct {
	ok                     bool
	mField, firstField     []int
	sizeField              []int
	keyField, valueField   []int
	nextField              []int
	mapType, setType, errT reflect.Type
	templT                 reflect.Type // Object.prototype's (goja's templatedObject)
	tmplField              []int
	baseField              reflect.Type // the embedded baseObject (a struct type)
}

var collections = sync.OnceValue(func() *collectionLayout {
	l := &collectionLayout{}
	if selfField < 0 || baseObjectType == nil {
		return l
	}
	vm := goja.New()
	v, err := vm.RunString("[new Map([[1, 2]]), new Set([1]), new Error('x'), Object.prototype]")
	if err != nil {
		return l
	}
	arr := v.(*goja.Object)
	impl := func(i string) reflect.Value {
		return reflect.ValueOf(arr.Get(i).(*goja.Object)).Elem().Field(selfField).Elem()
	}
	m, s, e, op := impl("0"), impl("1"), impl("2"), impl("3")
	if op.Type().String() == "*goja.templatedObject" && op.Type().Elem().Field(0).Type == baseObjectType.Elem() {
		if tf, ok := op.Type().Elem().FieldByName("tmpl"); ok && tf.Type.Kind() == reflect.Pointer {
			if pf, ok := tf.Type.Elem().FieldByName("props"); ok && pf.Type.Kind() == reflect.Map {
				l.templT, l.tmplField = op.Type(), tf.Index
			}
		}
	}
	if m.Type().String() != "*goja.mapObject" || s.Type().String() != "*goja.setObject" ||
		e.Type().String() != "*goja.errorObject" {
		return l
	}
	for _, t := range []reflect.Type{m.Type(), s.Type(), e.Type()} {
		if t.Elem().Field(0).Type != baseObjectType.Elem() {
			return l
		}
	}
	mf, ok := m.Type().Elem().FieldByName("m")
	if !ok || mf.Type.Kind() != reflect.Pointer {
		return l
	}
	sf, ok := s.Type().Elem().FieldByName("m")
	if !ok || sf.Type != mf.Type {
		return l
	}
	om := mf.Type.Elem()
	first, ok1 := om.FieldByName("iterFirst")
	size, ok2 := om.FieldByName("size")
	if !ok1 || !ok2 || first.Type.Kind() != reflect.Pointer || size.Type.Kind() != reflect.Int {
		return l
	}
	ent := first.Type.Elem()
	key, ok1 := ent.FieldByName("key")
	val, ok2 := ent.FieldByName("value")
	next, ok3 := ent.FieldByName("iterNext")
	gv := reflect.TypeOf((*goja.Value)(nil)).Elem()
	if !ok1 || !ok2 || !ok3 || key.Type != gv || val.Type != gv || next.Type != first.Type {
		return l
	}
	l.mField, l.firstField, l.sizeField = mf.Index, first.Index, size.Index
	l.keyField, l.valueField, l.nextField = key.Index, val.Index, next.Index
	l.mapType, l.setType, l.errT = m.Type(), s.Type(), e.Type()
	l.baseField = baseObjectType.Elem()
	// (check the walk on the probe: one entry, 1 => 2)
	if n, ks, vs := l.entries(m, 10); n != 1 || len(ks) != 1 || ks[0].ToInteger() != 1 || vs[0] == nil || vs[0].ToInteger() != 2 {
		return l
	}
	l.ok = true
	return l
})

// unexported reads an unexported field of the addressable struct v.
func unexported(v reflect.Value, idx []int) reflect.Value {
	f := v.FieldByIndex(idx)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// entries returns the size of the Map or Set impl and its first max live entries' keys and
// values, in iteration order.
func (l *collectionLayout) entries(impl reflect.Value, max int) (size int, keys, vals []goja.Value) {
	om := unexported(impl.Elem(), l.mField)
	if om.IsNil() {
		return 0, nil, nil
	}
	size = int(unexported(om.Elem(), l.sizeField).Int())
	if max > size {
		max = size
	}
	keys = make([]goja.Value, 0, max)
	vals = make([]goja.Value, 0, max)
	for cur := unexported(om.Elem(), l.firstField); !cur.IsNil() && len(keys) < max; cur = unexported(cur.Elem(), l.nextField) {
		k := unexported(cur.Elem(), l.keyField)
		if k.IsNil() {
			continue // (removed: goja unlinks those, but be safe)
		}
		keys = append(keys, k.Interface().(goja.Value))
		var v goja.Value // (a Set's entries have none)
		if vv := unexported(cur.Elem(), l.valueField); !vv.IsNil() {
			v = vv.Interface().(goja.Value)
		}
		vals = append(vals, v)
	}
	return size, keys, vals
}

// baseOf is the baseObject (struct) holding o's own properties when o is a plain object, a Map,
// a Set or an error; anything else bails.
func (f *fastInspector) baseOf(impl reflect.Value) reflect.Value {
	if impl.Type() == baseObjectType {
		return impl.Elem()
	}
	l := collections()
	if l.ok && (impl.Type() == l.mapType || impl.Type() == l.setType || impl.Type() == l.errT || impl.Type() == l.templT) {
		return impl.Elem().Field(0)
	}
	if impl.Type().String() == "*goja.Promise" && impl.Elem().Field(0).Type() == baseObjectType.Elem() {
		return impl.Elem().Field(0)
	}
	panic(bail{})
}

// ownKeyValues lists o's own enumerable string keys and their values (data properties only: an
// accessor bails, as does an own constructor, which getConstructorName would take).
func (f *fastInspector) ownKeyValues(o *goja.Object, base reflect.Value) ([]string, []goja.Value) {
	vals := base.FieldByIndex(baseValuesField)
	if mv := vals.MapIndex(reflect.ValueOf(unistring.String("constructor"))); mv.IsValid() {
		panic(bail{})
	}
	keys := o.Keys()
	out := make([]goja.Value, len(keys))
	for i, k := range keys {
		if strings.HasPrefix(k, symKeyMark) {
			panic(bail{})
		}
		out[i] = f.ownDataValue(o, vals, k)
	}
	sk, sv := f.symbolEntries(o)
	return append(keys, sk...), append(out, sv...)
}

// symKeyMark starts the keys symbolEntries lists: the key as formatProperty writes it follows.
// (A string key starting with it bails.)
const symKeyMark = "\x00sym:"

// symbolEntries lists o's own enumerable symbol-keyed data properties (an accessor bails) as
// keys marked with symKeyMark, as formatProperty names them ([Symbol(desc)]), and their values.
func (f *fastInspector) symbolEntries(o *goja.Object) ([]string, []goja.Value) {
	syms := o.Symbols()
	if len(syms) == 0 {
		return nil, nil
	}
	if f.gopd == nil {
		panic(bail{})
	}
	keys := make([]string, len(syms))
	vals := make([]goja.Value, len(syms))
	for i, sym := range syms {
		d, err := f.gopd(goja.Undefined(), o, sym)
		if err != nil {
			panic(bail{})
		}
		desc, ok := d.(*goja.Object)
		if !ok {
			panic(bail{})
		}
		if g := desc.Get("get"); g != nil {
			panic(bail{}) // an accessor: [Getter] and such
		}
		name := "Symbol(" + sym.String() + ")"
		for j := 0; j < len(name); j++ {
			if c := name[j]; c < 0x20 || c == '\'' || c == '\\' || c == 0x7f || c >= 0x80 {
				panic(bail{}) // (escaped, or perhaps a lone surrogate)
			}
		}
		keys[i] = symKeyMark + "[" + f.style(name, "symbol") + "]"
		vals[i] = desc.Get("value")
	}
	return keys, vals
}

// keyName is a property key as formatProperty writes it without colours.
func (f *fastInspector) keyName(k string) string {
	switch {
	case strings.HasPrefix(k, symKeyMark):
		return k[len(symKeyMark):]
	case k == "__proto__":
		return "['__proto__']"
	case isIdentifier(k):
		return k
	}
	if strings.ContainsRune(k, 0xfffd) {
		panic(bail{}) // perhaps a lone surrogate, which a Go string cannot hold
	}
	return f.style(f.quote(k), "string")
}

// properties formats o's own enumerable data properties after a Map's, Set's or error's entries.
func (f *fastInspector) properties(output []string, keys []string, vals []goja.Value, recurseTimes int) []string {
	for i, k := range keys {
		f.indent += 2
		s := f.value(vals[i], recurseTimes)
		f.indent -= 2
		output = append(output, f.keyName(k)+": "+s)
	}
	return output
}

// collection is a Map or a Set (or an instance of a subclass) without own symbols.
func (f *fastInspector) collection(o *goja.Object, impl reflect.Value, recurseTimes int, isMap bool) string {
	l := collections()
	if f.showHidden || !l.ok {
		panic(bail{})
	}
	base := f.baseOf(impl)
	f.customOnly(o)
	if v := o.GetSymbol(goja.SymIterator); v == nil {
		panic(bail{}) // (no iterator: formatted as a plain object)
	}
	constructor := f.className(o.Prototype(), false)
	tag := ""
	if t, ok := o.GetSymbol(goja.SymToStringTag).(goja.String); ok {
		tag = goString(t)
	}
	keys, vals := f.ownKeyValues(o, base)
	max := f.maxArray
	if max < 0 {
		max = 0
	}
	n := 1 << 30
	if max < float64(n) {
		n = int(max)
	}
	size, ek, ev := l.entries(impl, n)
	prefix := constructor + "(" + strconv.Itoa(size) + ") "
	if tag != "" && tag != constructor {
		prefix = constructor + "(" + strconv.Itoa(size) + ") [" + tag + "] "
	}
	if size == 0 && len(keys) == 0 {
		return f.count(prefix + "{}")
	}
	if float64(recurseTimes) > f.depth {
		if tag != "" && tag != constructor {
			return f.count(f.style("["+constructor+" ["+tag+"]]", "special"))
		}
		return f.count(f.style("["+constructor+"]", "special"))
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	output := make([]string, 0, len(ek)+1+len(keys))
	f.indent += 2
	for i := range ek {
		if isMap {
			k := f.value(ek[i], recurseTimes)
			output = append(output, k+" => "+f.value(ev[i], recurseTimes))
		} else {
			output = append(output, f.value(ek[i], recurseTimes))
		}
	}
	if rem := size - len(ek); rem > 0 {
		output = append(output, remainingText(rem))
	}
	f.indent -= 2
	output = f.properties(output, keys, vals, recurseTimes)
	return f.reduceBase(output, f.pop(o, ""), prefix+"{", "}", false, recurseTimes, nil)
}

// lookup reads key from o or the nearest object on its prototype chain that has it, as long as
// that runs none of the program's code: a data property, or with native an accessor whose
// getter is a Go function (the runtime's stack accessor). own tells whether o itself has it;
// enumerable is that own property's attribute. found is false when nothing on the chain has key.
func (f *fastInspector) lookup(o *goja.Object, key string, native bool) (v goja.Value, own, enumerable, found bool) {
	l := collections()
	name := unistring.NewFromString(key)
	for p, depth := o, 0; p != nil; p, depth = p.Prototype(), depth+1 {
		if depth > 32 {
			panic(bail{})
		}
		impl := f.implOf(p)
		if impl.Type() == l.errT && key == "stack" && p == o && !f.stackAdded(impl) {
			// goja makes an error's stack property when first asked for it (a data property
			// with goja's frames, which the caller bails on unless the runtime rewrites it)
			return o.Get(key), true, false, true
		}
		if impl.Type() == l.templT {
			// (Object.prototype: goja makes its built-in properties on first use; the
			// program's own are in its values)
			mv := impl.Elem().Field(0).FieldByIndex(baseValuesField).MapIndex(reflect.ValueOf(name))
			if !mv.IsValid() {
				if !unexported(impl.Elem(), l.tmplField).Elem().FieldByName("props").MapIndex(reflect.ValueOf(name)).IsValid() {
					continue
				}
				panic(bail{})
			}
		}
		vals := f.baseOf(impl).FieldByIndex(baseValuesField)
		mv := vals.MapIndex(reflect.ValueOf(name))
		if !mv.IsValid() || mv.IsNil() {
			continue
		}
		en := true
		if !mv.IsNil() && mv.Elem().Type() == valuePropertyType {
			prop := mv.Elem().Elem()
			en = prop.FieldByIndex(enumerableField).Bool()
			if prop.FieldByIndex(accessorField).Bool() {
				g := prop.FieldByName("getterFunc")
				if !native || g.IsNil() || g.Elem().Field(selfField).Elem().Type().String() != "*goja.nativeFuncObject" {
					panic(bail{})
				}
			}
		}
		return o.Get(key), p == o, en, true
	}
	return nil, false, false, false
}

// stackAdded reports whether goja has made the error impl's own stack property already.
func (f *fastInspector) stackAdded(impl reflect.Value) bool {
	sf := impl.Elem().FieldByName("stackPropAdded")
	if !sf.IsValid() || sf.Kind() != reflect.Bool {
		panic(bail{})
	}
	return sf.Bool()
}

// isErrorObject is isError: an error object, or an object with Error.prototype on its chain.
func (f *fastInspector) isErrorObject(o *goja.Object) bool {
	if l := collections(); l.ok && f.implOf(o).Type() == l.errT {
		return true
	}
	for p, n := o.Prototype(), 0; p != nil && n < 1000; p, n = p.Prototype(), n+1 {
		if p == f.errProto {
			return true
		}
	}
	return false
}

// stackString is getStackString: the error's stack, which must be a non-empty string already in
// V8's form.
func (f *fastInspector) stackString(o *goja.Object) string {
	v, _, _, found := f.lookup(o, "stack", true)
	if !found {
		panic(bail{})
	}
	s, ok := v.(goja.String)
	if !ok {
		panic(bail{})
	}
	st := goString(s)
	if strings.Contains(st, "\n\tat ") {
		if f.engineStack == nil || !f.engineStack(o) {
			panic(bail{})
		}
		if s, ok = o.Get("stack").(goja.String); !ok {
			panic(bail{})
		}
		st = goString(s)
		if strings.Contains(st, "\n\tat ") {
			panic(bail{})
		}
	}
	if st == "" {
		panic(bail{})
	}
	return st
}

// errorString reads an error's name or message: a string, or absent (nullish).
func (f *fastInspector) errorString(o *goja.Object, key string) (string, bool) {
	v, _, _, found := f.lookup(o, key, false)
	if !found || v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "", false
	}
	s, ok := v.(goja.String)
	if !ok {
		panic(bail{})
	}
	return goString(s), true
}

// errorObj is formatRaw of an error with formatError's base.
func (f *fastInspector) errorObj(o *goja.Object, impl reflect.Value, recurseTimes int) string {
	if f.showHidden || f.colors { // (coloured stacks mark node_modules and the working directory)
		panic(bail{})
	}
	base := f.baseOf(impl)
	f.noTag(o)
	constructor := f.errorClassName(o.Prototype())
	keys, vals := f.ownKeyValues(o, base)

	// formatError
	name, ok := f.errorString(o, "name")
	if !ok {
		name = "Error"
	}
	stack := f.stackString(o)
	// removeDuplicateErrorKeys
	for _, dup := range [...]string{"name", "message", "stack"} {
		for i, k := range keys {
			if k != dup {
				continue
			}
			s, ok := vals[i].(goja.String)
			if !ok {
				panic(bail{})
			}
			if strings.Contains(stack, goString(s)) {
				keys = append(keys[:i:i], keys[i+1:]...)
				vals = append(vals[:i:i], vals[i+1:]...)
			}
			break
		}
	}
	type extra struct {
		name string
		v    goja.Value
	}
	var extras []extra
	has := func(k string) bool {
		for _, x := range keys {
			if x == k {
				return true
			}
		}
		return false
	}
	cause, causeOwn, causeEnum, hasCause := f.lookup(o, "cause", false)
	if hasCause && !has("cause") {
		n := "cause"
		if causeOwn && !causeEnum {
			n = "[cause]"
		}
		extras = append(extras, extra{n, cause})
	}
	if ev, eOwn, eEnum, found := f.lookup(o, "errors", false); found {
		if eo, ok := ev.(*goja.Object); ok && Kind(eo) == kProxy {
			panic(bail{}) // (Array.isArray looks through it)
		}
		if eo, ok := ev.(*goja.Object); ok && Kind(eo) == kArray && !has("errors") {
			n := "errors"
			if eOwn && !eEnum {
				n = "[errors]"
			}
			extras = append(extras, extra{n, ev})
		}
	}
	stack = improveStack(stack, constructor, name)
	pos := -1
	if msg, ok := f.errorString(o, "message"); ok && msg != "" {
		if i := strings.Index(stack, msg); i > 0 {
			pos = i + len(msg)
		}
	}
	from := pos
	if from < 0 {
		from = 0
	}
	if i := strings.Index(stack[from:], "\n    at"); i < 0 {
		stack = "[" + stack + "]"
	} else {
		stackStart := from + i
		frames := strings.Split(stack[stackStart+1:], "\n")
		if co, ok := cause.(*goja.Object); ok && f.isErrorObject(co) {
			causeStack := f.stackString(co)
			if j := strings.Index(causeStack, "\n    at"); j >= 0 {
				causeFrames := strings.Split(causeStack[j+1:], "\n")
				if n, off := identicalSequence(frames, causeFrames); n > 0 {
					skipped := n - 2
					msg := "    ... " + strconv.Itoa(skipped) + " lines matching cause stack trace ..."
					frames = append(frames[:off+1:off+1], append([]string{msg}, frames[off+1+skipped:]...)...)
				}
			}
		}
		stack = stack[:stackStart] + "\n" + strings.Join(frames, "\n")
	}
	if f.indent != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", f.indent))
	}

	if len(keys) == 0 && len(extras) == 0 {
		return f.count(stack)
	}
	if float64(recurseTimes) > f.depth {
		return f.count("[" + constructor + "]")
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	output := f.properties(make([]string, 0, len(keys)+len(extras)), keys, vals, recurseTimes)
	for _, x := range extras {
		f.indent += 2
		s := f.value(x.v, recurseTimes)
		f.indent -= 2
		output = append(output, x.name+": "+s)
	}
	return f.reduceBase(output, f.pop(o, stack), "{", "}", false, recurseTimes, nil)
}

// errorClassName is getConstructorName for an error whose prototype is proto: the first
// prototype's own constructor that is a named function whose prototype is that object.
func (f *fastInspector) errorClassName(proto *goja.Object) string {
	for p, n := proto, 0; p != nil; p, n = p.Prototype(), n+1 {
		if n > 32 {
			panic(bail{})
		}
		impl := f.implOf(p)
		vals := f.baseOf(impl).FieldByIndex(baseValuesField)
		if !vals.MapIndex(reflect.ValueOf(unistring.String("constructor"))).IsValid() {
			continue
		}
		if p == f.objProto {
			panic(bail{}) // (not an Error subclass's instance after all)
		}
		return f.className(p, true)
	}
	panic(bail{})
}

// improveStack is inspect.js's improveStack for a known constructor and no tag.
func improveStack(stack, constructor, name string) string {
	n := len(name)
	if !strings.HasSuffix(name, "Error") || !strings.HasPrefix(stack, name) ||
		(len(stack) != n && stack[n] != ':' && stack[n] != '\n') {
		return stack
	}
	if name == constructor {
		return stack
	}
	if strings.Contains(constructor, name) {
		return constructor + stack[n:]
	}
	return constructor + " [" + name + "]" + stack[n:]
}

// identicalSequence is identicalSequenceRange: the length and start in a of the first run of
// more than three lines that b also has.
func identicalSequence(a, b []string) (int, int) {
	for i := 0; i < len(a)-3; i++ {
		pos := -1
		for j, s := range b {
			if s == a[i] {
				pos = j
				break
			}
		}
		if pos == -1 {
			continue
		}
		rest := len(b) - pos
		if rest > 3 {
			n := 1
			maxLen := len(a) - i
			if rest < maxLen {
				maxLen = rest
			}
			for maxLen > n && a[i+n] == b[pos+n] {
				n++
			}
			if n > 3 {
				return n, i
			}
		}
	}
	return 0, 0
}

// function is formatRaw of a function or class: getFunctionBase's [Function: name],
// [AsyncFunction: name], [Function (anonymous)], [class A extends B]..., then its own enumerable
// data properties.
func (f *fastInspector) function(o *goja.Object, kind int, recurseTimes int) string {
	if f.showHidden || f.funcProto == nil {
		panic(bail{}) // (showHidden lists length, name, prototype...)
	}
	f.customOnly(o)
	constructor := f.funcConstructor(o)
	tag := f.tagOf(o, constructor)
	keys, vals := f.ownKeyValues(o, baseStruct(f.implOf(o)))
	ctxName := constructor
	if tag != "" {
		ctxName += " [" + tag + "]"
	}
	if kind == kClass && f.printedAsClass(o) {
		return f.keyedBase(o, f.classBase(o, constructor, tag), "special", ctxName, keys, vals, recurseTimes)
	}
	typ := "Function"
	if kind == kGenFunc || kind == kAsyncGenFunc {
		typ = "GeneratorFunction"
	}
	if kind == kAsyncFunc || kind == kAsyncGenFunc {
		typ = "Async" + typ
	}
	nv, ok := o.Get("name").(goja.String)
	if !ok {
		panic(bail{})
	}
	base := "[" + typ
	if name := goString(nv); name == "" {
		base += " (anonymous)"
	} else {
		base += ": " + name
	}
	base += "]"
	if constructor != typ && !(constructor == "Function" && typ != "Function") {
		base += " " + constructor
	}
	if tag != "" {
		base += " [" + tag + "]"
	}
	return f.keyedBase(o, base, "special", ctxName, keys, vals, recurseTimes)
}

// promise is formatRaw of a promise: Promise { value }, Promise { <pending> } or
// Promise { <rejected> reason }, with its own properties after.
func (f *fastInspector) promise(o *goja.Object, impl reflect.Value, recurseTimes int) string {
	p, ok := modules.ExportAs[*goja.Promise](o)
	if f.showHidden || !ok {
		panic(bail{})
	}
	base := f.baseOf(impl)
	f.customOnly(o)
	constructor := f.className(o.Prototype(), false)
	open := constructor + " {"
	if t, ok := o.GetSymbol(goja.SymToStringTag).(goja.String); ok {
		if tag := goString(t); tag != "" && tag != constructor {
			open = constructor + " [" + tag + "] {"
		}
	}
	keys, vals := f.ownKeyValues(o, base)
	if float64(recurseTimes) > f.depth {
		return f.count(f.style("["+strings.TrimSuffix(open, " {")+"]", "special"))
	}
	recurseTimes++
	f.seen = append(f.seen, o)
	f.current = recurseTimes
	output := make([]string, 0, 1+len(keys))
	switch p.State() {
	case goja.PromiseStatePending:
		output = append(output, f.style("<pending>", "special"))
	default:
		f.indent += 2
		s := f.value(p.Result(), recurseTimes)
		f.indent -= 2
		if p.State() == goja.PromiseStateRejected {
			s = f.style("<rejected>", "special") + " " + s
		}
		output = append(output, s)
	}
	output = f.properties(output, keys, vals, recurseTimes)
	return f.reduceBase(output, f.pop(o, ""), open, "}", false, recurseTimes, nil)
}

// noCustom bails unless o has no enumerable own symbols and no inspect.custom, own or inherited
// (noSymbols, without its Symbol.toStringTag check: Map's, Set's and Promise's prototypes have one).
func (f *fastInspector) noCustom(o *goja.Object) {
	if len(o.Symbols()) != 0 {
		panic(bail{})
	}
	f.customOnly(o)
}

// customOnly bails when o has an inspect.custom, own or inherited.
func (f *fastInspector) customOnly(o *goja.Object) {
	if v := o.GetSymbol(f.customSym); v != nil && !goja.IsUndefined(v) {
		panic(bail{})
	}
}
