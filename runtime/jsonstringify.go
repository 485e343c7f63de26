package runtime

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// JSON.stringify without a replacer (compact, the form servers call per response, or indented
// by a number or an ASCII string) runs here rather than in goja's builtin, which makes a holder object, a UTF-16 reader per string
// and a key list per object: about 27 allocations and 3 µs for {message, items: [1, 2, 3], ok}
// (node: 0.3 µs). It does the same operations in the same order as goja's (SerializeJSONProperty:
// [[Get]] of each own enumerable key or index, toJSON looked up and called with the key, the
// wrappers unwrapped, the same circular-structure TypeError) and writes the same text.
//
// What it does not know (a Proxy, a BigInt, a Go-backed or exotic object such as a typed array,
// a key that is not valid UTF-16; a replacer, a Number or String object or a non-ASCII string
// as the indent) makes it start over with, or go to, goja's builtin. When that happens
// after a getter, toJSON or valueOf of an earlier value ran, those run a second time: the one
// difference, for values that mix both.

var (
	jsonTypeMap    = reflect.TypeOf(map[string]any{})
	jsonTypeArray  = reflect.TypeOf([]any{})
	jsonTypeMapObj = reflect.TypeOf([][2]any{}) // a Map (class "Object" in goja)
	jsonTypeProxy  = reflect.TypeOf(goja.Proxy{})
	jsonTypeInt    = reflect.TypeOf(int64(0))
	jsonTypeFloat  = reflect.TypeOf(float64(0))
	jsonTypeBool   = reflect.TypeOf(false)
	jsonTypeString = reflect.TypeOf("")
)

// jsonPlainClass reports the classes goja's stringify serializes as ordinary objects (own
// enumerable string keys), besides plain "Object"s.
func jsonPlainClass(c string) bool {
	switch c {
	case "Error", "Map", "Set", "WeakMap", "WeakSet", "RegExp", "Date", "Promise", "Arguments":
		return true
	}
	return false
}

type jsonUnsupported struct{}

type jsonWriter struct {
	vm    *goja.Runtime
	buf   []byte
	stack []*goja.Object
	path  []jsonPathKey // the key under which each object on stack was reached
	keys  []string      // the keys of the objects on stack still to serialize
	busy  bool

	// gap is the indent of each nesting level (JSON.stringify's space argument, as a string of
	// at most ten characters), "" for the compact form.
	gap string

	// maxDepth is the runtime's call depth limit. The nesting at which the writer throws node's
	// RangeError('Maximum call stack size exceeded') is where V8's recursive serializer
	// overflows: 4184 levels when called from the top of node's default stack, fewer below many
	// frames (3817 below 1000): the same fraction of maxDepth, less the frames below the call in
	// proportion. limit is a quarter of it until first reached (when the frames below are
	// counted, rarely), then the nesting where the writer throws. Without a limit a value nested
	// a million deep took hours (each level looks for itself on the stack) and gigabytes; at the
	// call depth limit (10000), the indented form of a too deep value built ~100 MB of output
	// before it failed.
	maxDepth int
	limit    int
	placed   bool // limit accounts for the frames below

	objectCtor *goja.Object // the realm's Object, for the circular-structure message
}

// jsonPathKey is a key on the path from the value to an object being serialized: an array
// index or a property name.
type jsonPathKey struct {
	key   string
	index bool
}

func (rt *Runtime) installJSONStringify() {
	rt.patchJSONStringify(rt.vm.GlobalObject().Get("JSON").ToObject(rt.vm))
}

// patchJSONStringify puts the Go stringify on the JSON object.
func (rt *Runtime) patchJSONStringify(jsonObj *goja.Object) {
	vm := rt.vm
	orig, _ := goja.AssertFunction(jsonObj.Get("stringify"))
	objectCtor, _ := vm.GlobalObject().Get("Object").(*goja.Object)
	maxDepth := rt.opts.MaxCallStackSize
	w := &jsonWriter{vm: vm, objectCtor: objectCtor, maxDepth: maxDepth}
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) > 1 && !goja.IsUndefined(args[1]) && !goja.IsNull(args[1]) {
			return callOrig(orig, call)
		}
		gap, ok := jsonGap(call.Argument(2))
		if !ok {
			return callOrig(orig, call)
		}
		v := call.Argument(0)
		cur := w
		if cur.busy { // (re-entered from a toJSON or a getter: a writer of its own)
			cur = &jsonWriter{vm: vm, objectCtor: objectCtor, maxDepth: maxDepth}
		}
		cur.gap = gap
		out, ok := cur.run(v)
		if !ok {
			return callOrig(orig, call)
		}
		return out
	}).ToObject(vm)
	modules.NameFunc(vm, fn, "stringify", 3)
	jsonObj.DefineDataProperty("stringify", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// jsonGap is the indent JSON.stringify's space argument asks for (SerializeJSONProperty's gap):
// a number gives that many spaces (at most ten), a string its first ten characters, anything
// else none. ok is false for what it leaves to goja's builtin: a Number or String object (whose
// valueOf or toString is the program's to run, once) and a string that is not ASCII.
func jsonGap(space goja.Value) (gap string, ok bool) {
	switch {
	case space == nil || goja.IsUndefined(space) || goja.IsNull(space):
		return "", true
	}
	if _, isObj := space.(*goja.Object); isObj {
		return "", false
	}
	switch space.ExportType() {
	case jsonTypeInt, jsonTypeFloat:
		n := space.ToFloat()
		if n != n || n < 1 {
			return "", true
		}
		return "          "[:int(math.Min(10, math.Floor(n)))], true
	case jsonTypeString:
		g := space.String()
		for i := 0; i < len(g); i++ {
			if g[i] >= utf8.RuneSelf {
				return "", false
			}
		}
		if len(g) > 10 {
			g = g[:10]
		}
		return g, true
	}
	return "", true
}

// v8JSONLevels is how many levels V8's serializer nests from the top of node's default stack
// (node 20), whose call depth limit gojs's DefaultMaxCallStackSize stands for.
const v8JSONLevels = 4184

// tooDeep reports whether the writer's nesting, at its limit, is as deep as V8's serializer
// goes from where it was called: the first time, it sets the limit, the frames below the call
// taken out of it in proportion, and says no when that leaves room.
func (w *jsonWriter) tooDeep() bool {
	if w.placed {
		return true
	}
	w.placed = true
	levels := w.maxDepth * v8JSONLevels / DefaultMaxCallStackSize
	w.limit = 0
	if below := len(w.vm.CaptureCallStack(0, nil)); below < w.maxDepth {
		w.limit = levels - levels*below/w.maxDepth
	}
	return len(w.stack) >= w.limit
}

// newline starts a line of the indented form at the current depth.
func (w *jsonWriter) newline() {
	w.buf = append(w.buf, '\n')
	for range w.stack {
		w.buf = append(w.buf, w.gap...)
	}
}

func callOrig(orig goja.Callable, call goja.FunctionCall) goja.Value {
	r, err := orig(call.This, call.Arguments...)
	if err != nil {
		panic(err)
	}
	return r
}

// run serializes v; ok is false when it met something it leaves to goja's builtin.
func (w *jsonWriter) run(v goja.Value) (out goja.Value, ok bool) {
	if cap(w.buf) == 0 || cap(w.buf) > 64*1024 {
		w.buf = make([]byte, 0, 256)
	}
	w.buf = w.buf[:0]
	w.busy = true
	w.limit, w.placed = w.maxDepth*v8JSONLevels/DefaultMaxCallStackSize/4, false
	defer func() {
		w.busy = false
		clear(w.stack)
		w.stack = w.stack[:0]
		w.path = w.path[:0]
		if cap(w.keys) > 1024 {
			w.keys = nil
		} else {
			clear(w.keys[:cap(w.keys)]) // (no key outlives its call)
			w.keys = w.keys[:0]
		}
		if r := recover(); r != nil {
			if _, is := r.(jsonUnsupported); is {
				ok = false
				return
			}
			panic(r)
		}
	}()
	if !w.value(v, "", false) {
		return goja.Undefined(), true
	}
	return w.vm.ToValue(string(w.buf)), true
}

// value writes the serialization of v, found under key (an array index if index); false means
// undefined (nothing written).
func (w *jsonWriter) value(v goja.Value, key string, index bool) bool {
	if v == nil {
		return false
	}
	o, isObj := v.(*goja.Object)
	if !isObj {
		return w.prim(v)
	}
	if o.ExportType() == jsonTypeProxy {
		panic(jsonUnsupported{})
	}
	if tj, ok := goja.AssertFunction(o.Get("toJSON")); ok {
		r, err := tj(o, w.vm.ToValue(key))
		if err != nil {
			panic(err)
		}
		if r == nil {
			return false
		}
		if o, isObj = r.(*goja.Object); !isObj {
			return w.prim(r)
		}
		if o.ExportType() == jsonTypeProxy {
			panic(jsonUnsupported{})
		}
	}
	t := o.ExportType()
	switch o.ClassName() {
	case "Number":
		if t != jsonTypeInt && t != jsonTypeFloat {
			panic(jsonUnsupported{})
		}
		return w.prim(o.ToNumber())
	case "String":
		return w.prim(o.ToString())
	case "Boolean":
		if t != jsonTypeBool {
			panic(jsonUnsupported{})
		}
		return w.prim(w.vm.ToValue(o.Export()))
	case "RawJSON":
		panic(jsonUnsupported{})
	}
	for i, s := range w.stack {
		if s == o {
			panic(w.vm.NewTypeError(w.circular(i, jsonPathKey{key, index})))
		}
	}
	if _, ok := goja.AssertFunction(o); ok {
		return false
	}
	if len(w.stack) >= w.limit && w.tooDeep() {
		throwRange(w.vm, "Maximum call stack size exceeded")
	}
	cls := o.ClassName()
	switch {
	case cls == "Array":
		if t != jsonTypeArray {
			panic(jsonUnsupported{})
		}
		w.stack = append(w.stack, o)
		w.path = append(w.path, jsonPathKey{key, index})
		w.array(o)
	case cls == "Object" && (t == jsonTypeMap || t == jsonTypeMapObj || jsonTypedArray(t)) || jsonPlainClass(cls):
		w.stack = append(w.stack, o)
		w.path = append(w.path, jsonPathKey{key, index})
		w.object(o)
	default:
		panic(jsonUnsupported{})
	}
	w.stack[len(w.stack)-1] = nil
	w.stack = w.stack[:len(w.stack)-1]
	w.path = w.path[:len(w.path)-1]
	return true
}

// circular is V8's message for a value that contains itself: the object met again (w.stack[at]),
// the path from it back to itself with the middle of a long one elided, and the key that closes
// the circle.
func (w *jsonWriter) circular(at int, closing jsonPathKey) string {
	var b strings.Builder
	b.WriteString("Converting circular structure to JSON\n    --> starting at object with constructor '")
	b.WriteString(w.constructorName(w.stack[at]))
	b.WriteString("'")
	line := func(i int) {
		b.WriteString("\n    |     ")
		b.WriteString(closing.describe(w.path[i]))
		b.WriteString(" -> object with constructor '")
		b.WriteString(w.constructorName(w.stack[i]))
		b.WriteString("'")
	}
	const prefix, postfix = 2, 1
	n := len(w.stack)
	prefixEnd := min(n, at+1+prefix)
	for i := at + 1; i < prefixEnd; i++ {
		line(i)
	}
	if n > prefixEnd+postfix {
		b.WriteString("\n    |     ...")
	}
	for i := max(prefixEnd, n-postfix); i < n; i++ {
		line(i)
	}
	b.WriteString("\n    --- ")
	b.WriteString(closing.describe(closing))
	b.WriteString(" closes the circle")
	return b.String()
}

// describe is how V8 names a key in the circular-structure message.
func (jsonPathKey) describe(k jsonPathKey) string {
	switch {
	case k.index:
		return "index " + k.key
	case k.key == "":
		return "<anonymous>"
	}
	return "property '" + k.key + "'"
}

// constructorName is V8's constructor name of o: the first own string [Symbol.toStringTag] data
// property on its prototype chain, or, from its prototype on, the first "constructor" data
// property holding a named function other than Object; else its class ("Object", "Array"...).
// Only data properties count: no getter runs.
func (w *jsonWriter) constructorName(o *goja.Object) string {
	vm := w.vm
	gopd, _ := goja.AssertFunction(w.intrinsic("getOwnPropertyDescriptor"))
	data := func(cur *goja.Object, key goja.Value) goja.Value {
		if gopd == nil {
			return nil
		}
		d, err := gopd(goja.Undefined(), cur, key)
		if err != nil {
			return nil
		}
		if do, ok := d.(*goja.Object); ok {
			if v := do.Get("value"); v != nil {
				return v
			}
		}
		return nil
	}
	tag := vm.ToValue(goja.SymToStringTag)
	ctor := vm.ToValue("constructor")
	for cur := o; cur != nil; cur = cur.Prototype() {
		if cur.ExportType() == jsonTypeProxy {
			break
		}
		if s, ok := data(cur, tag).(goja.String); ok {
			return s.String()
		}
		if cur == o {
			continue
		}
		if f, ok := data(cur, ctor).(*goja.Object); ok {
			if _, callable := goja.AssertFunction(f); callable {
				if name, ok := data(f, vm.ToValue("name")).(goja.String); ok {
					if n := name.String(); n != "" && n != "Object" {
						return n
					}
				}
			}
		}
	}
	return o.ClassName()
}

// intrinsic is Object[name] as the runtime began (a script may have replaced the global Object).
func (w *jsonWriter) intrinsic(name string) goja.Value {
	if w.objectCtor == nil {
		return nil
	}
	return w.objectCtor.Get(name)
}

// prim writes a primitive value (false: undefined, a symbol).
func (w *jsonWriter) prim(v goja.Value) bool {
	if goja.IsUndefined(v) {
		return false
	}
	if goja.IsNull(v) {
		w.buf = append(w.buf, "null"...)
		return true
	}
	if s, ok := v.(goja.String); ok {
		w.quote(s)
		return true
	}
	if _, ok := v.(*goja.Symbol); ok {
		return false
	}
	switch x := v.Export().(type) {
	case bool:
		if x {
			w.buf = append(w.buf, "true"...)
		} else {
			w.buf = append(w.buf, "false"...)
		}
	case int64:
		w.buf = strconv.AppendInt(w.buf, x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			w.buf = append(w.buf, "null"...)
		} else {
			w.buf = append(w.buf, v.String()...)
		}
	default: // a BigInt: unless BigInt.prototype has a toJSON (then the builtin does it all)
		if bi, _ := w.vm.Get("BigInt").(*goja.Object); bi != nil {
			if p, _ := bi.Get("prototype").(*goja.Object); p != nil {
				if _, ok := goja.AssertFunction(p.Get("toJSON")); !ok {
					panic(w.vm.NewTypeError("Do not know how to serialize a BigInt"))
				}
			}
		}
		panic(jsonUnsupported{})
	}
	return true
}

func (w *jsonWriter) array(o *goja.Object) {
	n := goja.Value(o.Get("length"))
	length := int64(0)
	if n != nil {
		length = n.ToInteger()
	}
	if length <= 0 {
		w.buf = append(w.buf, "[]"...)
		return
	}
	w.buf = append(w.buf, '[')
	for i := int64(0); i < length; i++ {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if w.gap != "" {
			w.newline()
		}
		k := jsonIndexKey(i)
		if !w.value(o.Get(k), k, true) {
			w.buf = append(w.buf, "null"...)
		}
	}
	if w.gap != "" {
		w.closingLine()
	}
	w.buf = append(w.buf, ']')
}

// closingLine starts the line of a closing bracket: one level out from the current depth (the
// object being closed is still on the stack).
func (w *jsonWriter) closingLine() {
	w.buf = append(w.buf, '\n')
	for range len(w.stack) - 1 {
		w.buf = append(w.buf, w.gap...)
	}
}

func (w *jsonWriter) object(o *goja.Object) {
	// The keys are listed before any value is read (a getter may add or delete some), into
	// w.keys past those of the objects being serialized around this one.
	start := len(w.keys)
	var fast bool
	w.keys, fast = modules.PlainOwnKeys(o, w.keys)
	if !fast {
		for _, k := range o.Keys() {
			if strings.Contains(k, "\uFFFD") { // (a lone surrogate, lost in the key's conversion)
				panic(jsonUnsupported{})
			}
			w.keys = append(w.keys, k)
		}
	}
	end := len(w.keys)
	w.buf = append(w.buf, '{')
	mark := len(w.buf)
	empty := true
	for i := start; i < end; i++ {
		k := w.keys[i]
		off := len(w.buf)
		if !empty {
			w.buf = append(w.buf, ',')
		}
		if w.gap != "" {
			w.newline()
		}
		w.quoteGo(k)
		w.buf = append(w.buf, ':')
		if w.gap != "" {
			w.buf = append(w.buf, ' ')
		}
		if w.value(o.Get(k), k, false) {
			empty = false
		} else {
			w.buf = w.buf[:off]
		}
	}
	if empty {
		w.buf = w.buf[:mark]
	} else if w.gap != "" {
		w.closingLine()
	}
	w.buf = append(w.buf, '}')
	w.keys = w.keys[:start]
}

// jsonTypedArray reports the export type of a typed array (a slice of numbers; goja's own
// objects of class "Object" export as maps, Go-backed ones as their Go types).
func jsonTypedArray(t reflect.Type) bool {
	if t == nil || t.Kind() != reflect.Slice {
		return false
	}
	switch t.Elem().Kind() {
	case reflect.Int8, reflect.Uint8, reflect.Int16, reflect.Uint16, reflect.Int32, reflect.Uint32,
		reflect.Float32, reflect.Float64, reflect.Int64, reflect.Uint64:
		return true
	}
	return false
}

// jsonIndexKeys are the keys of the first array indices (strconv allocates above 99).
var jsonIndexKeys = modules.Lazy[[]string]{Build: func() []string {
	k := make([]string, 256)
	for i := range k {
		k[i] = strconv.Itoa(i)
	}
	return k
}}

func jsonIndexKey(i int64) string {
	if i < 256 {
		return jsonIndexKeys.Get()[i]
	}
	return strconv.FormatInt(i, 10)
}

const jsonHex = "0123456789abcdef"

// jsonPlain[c] is true for the bytes a JSON string holds as they are: printable ASCII but
// '"' and '\\'.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

// plainRun is the length of s's prefix of bytes jsonPlain holds, appended as one copy.
func plainRun(s string) int {
	i := 0
	for i < len(s) && jsonPlain[s[i]] {
		i++
	}
	return i
}

// quoteGo quotes a Go string holding no lone surrogates.
func (w *jsonWriter) quoteGo(s string) {
	w.buf = append(w.buf, '"')
	for i := 0; i < len(s); {
		if n := plainRun(s[i:]); n > 0 {
			w.buf = append(w.buf, s[i:i+n]...)
			i += n
			continue
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			w.buf = utf8.AppendRune(w.buf, r)
			i += n
			continue
		}
		w.byte(c)
		i++
	}
	w.buf = append(w.buf, '"')
}

func (w *jsonWriter) byte(c byte) {
	switch c {
	case '"', '\\':
		w.buf = append(w.buf, '\\', c)
	case '\b':
		w.buf = append(w.buf, `\b`...)
	case '\t':
		w.buf = append(w.buf, `\t`...)
	case '\n':
		w.buf = append(w.buf, `\n`...)
	case '\f':
		w.buf = append(w.buf, `\f`...)
	case '\r':
		w.buf = append(w.buf, `\r`...)
	default:
		if c < 0x20 {
			w.buf = append(w.buf, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xf])
		} else {
			w.buf = append(w.buf, c)
		}
	}
}

// quote quotes a JS string: lone surrogates as \uXXXX escapes, as well-formed JSON.stringify does.
func (w *jsonWriter) quote(s goja.String) {
	gs := s.String()
	ascii := true
	for i := 0; i < len(gs); i++ {
		if gs[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		w.quoteGo(gs) // (no surrogates to care for)
		return
	}
	w.buf = append(w.buf, '"')
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c < utf8.RuneSelf:
			w.byte(byte(c))
		case utf16.IsSurrogate(rune(c)):
			if c < 0xdc00 && i+1 < n {
				if d := s.CharAt(i + 1); d >= 0xdc00 && d <= 0xdfff {
					w.buf = utf8.AppendRune(w.buf, utf16.DecodeRune(rune(c), rune(d)))
					i++
					continue
				}
			}
			w.buf = append(w.buf, '\\', 'u', jsonHex[c>>12], jsonHex[c>>8&0xf], jsonHex[c>>4&0xf], jsonHex[c&0xf])
		default:
			w.buf = utf8.AppendRune(w.buf, rune(c))
		}
	}
	w.buf = append(w.buf, '"')
}
