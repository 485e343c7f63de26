// Package util implements Node's util module (https://nodejs.org/api/util.html), util/types
// (https://nodejs.org/api/util.html#utiltypes) and the internal modules other built-ins share:
// internal/util/inspect (util.inspect and util.format); deep equality comes from
// internal/assert/comparisons (the deep
// equality used by util.isDeepStrictEqual and assert).
//
// util.inspect is JS glue first (inspect.js), with a Go fast path second (fast.go). Its output
// is a long list of small, order-sensitive rules (line breaking by width, array grouping, error
// stack rewriting, custom inspectors that call back into JS with options objects, getters,
// proxies) and most of them call back into JS anyway (property descriptors, getters,
// Symbol.toStringTag, user inspectors), so the complete algorithm lives in JS where it is easiest
// to keep byte-exact with Node. Go answers what JS cannot see on goja, in one call per object:
// the object's internal kind (Map, Set, Promise, Proxy, boxed primitives, async/generator
// functions, classes...), promise state and result, proxy target and handler, and does the leaf
// work: string quoting and escaping, hex dumps and display width. On goja every JS object and
// array allocation is expensive, so the values console.log sees most (plain objects and dense
// arrays of primitives, nested, with default options) are formatted entirely in Go by the same
// algorithm, about ten times faster; anything else makes the fast path give up and inspect.js
// do the work. The node comparison test and the fuzzer run both paths and require them to agree.
// util.format of plain strings (the console.log('hi') path) never reaches inspect at all.
//
// Where goja's public API is silent, this package reads goja's object storage through reflect
// (the implementation type behind each *goja.Object, array density, own data properties,
// Map/Set iterator positions, WeakMap/WeakSet tables), always read-only and on the loop. init
// verifies the layout it expects and every helper falls back to plain JS when it changed, so a
// goja upgrade can make inspect slower or less complete, never wrong.
//
// util.types answers every predicate from goja's internal kind, so none can be fooled by
// Symbol.toStringTag or a swapped prototype. The ones goja cannot support: isExternal (no N-API
// externals) returns false; isSharedArrayBuffer knows a SharedArrayBuffer by its prototype
// (modules/atomics); isModuleNamespaceObject knows the namespaces the module loader
// registered with MarkModuleNamespace (ES modules are compiled to CommonJS and their namespaces
// are plain null-prototype objects), and inspect prints those as Node prints namespaces; async generator functions do not exist in goja (esbuild
// lowers them), so isGeneratorFunction never sees one; isKeyObject and isCryptoKey recognise
// objects by shape until a crypto module defines them.
package util

import (
	_ "embed"
	"encoding/hex"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

//go:embed inspect.js
var inspectJS string

//go:embed util.js
var utilJS string

//go:embed types.js
var typesJS string

//go:embed parse_args.js
var parseArgsJS string

//go:embed mime.js
var mimeJS string

//go:embed primordials.js
var primordialsJS string

//go:embed deprecate.js
var deprecateJS string

// Inspect is internal/util/inspect: inspect, format, formatWithOptions for other built-ins.
// Its rarely needed parts (error stacks, the less common kinds of objects, showHidden's extras,
// grouping of long arrays) are compiled on first use (modules.GluePart).
var Inspect = modules.Module{Name: "internal/util/inspect", Internal: true, Bind: bindInspect, JSRef: &inspectJS, GlueParts: true}

// Primordials is internal/util/primordials: the built-ins inspect, util/types and the deep
// comparisons use, taken when util (or the first of them) loads.
var Primordials = modules.Module{Name: "internal/util/primordials", Internal: true, JSRef: &primordialsJS}

// ParseArgs is internal/util/parse_args (util.parseArgs, loaded on first use).
var ParseArgs = modules.Module{Name: "internal/util/parse_args", Internal: true, JSRef: &parseArgsJS}

// MIME is internal/mime (util.MIMEType and util.MIMEParams, loaded on first use).
var MIME = modules.Module{Name: "internal/mime", Internal: true, JSRef: &mimeJS}

// Deprecate is internal/util/deprecate (util.deprecate, for glue that needs no more of util).
var Deprecate = modules.Module{Name: "internal/util/deprecate", Internal: true, JSRef: &deprecateJS}

// Module is the util module. Its glue's stub of inspect, for a program that reads util.inspect
// before inspect.js is loaded, is compiled on first use (modules.GluePart).
var Module = modules.Module{Name: "util", Bind: bindUtil, JSRef: &utilJS, GlueParts: true}

func bindUtil(h *modules.Host, b *goja.Object) error {
	modules.SetGluePart(h.VM, b, "node:util", &utilJS)
	return bind(h, b)
}

// Types is util/types.
var Types = modules.Module{Name: "util/types", Bind: bind, JSRef: &typesJS}

// Modules lists every module this package provides, for the runtime's built-in list.
var Modules = []*modules.Module{&Primordials, &Inspect, &MIME, &ParseArgs, &Deprecate, &Module, &Types}

// namespaceSet is a runtime's module namespace objects (modules are never unloaded, so holding
// them costs nothing they do not already keep).
type namespaceSet map[*goja.Object]struct{}

var namespacesKeyVal int
var namespacesKey = &namespacesKeyVal

func namespaces(h *modules.Host) namespaceSet {
	return h.State(namespacesKey, func() any { return namespaceSet{} }).(namespaceSet)
}

// MarkModuleNamespace records o as a module namespace object: util.types.isModuleNamespaceObject
// is true for it and util.inspect prints it as `[Module: null prototype] { ... }`. The module
// loader calls it for every namespace it makes. Loop only.
func MarkModuleNamespace(h *modules.Host, o *goja.Object) {
	namespaces(h)[o] = struct{}{}
}

// IsModuleNamespace reports whether MarkModuleNamespace recorded o. Loop only.
func IsModuleNamespace(h *modules.Host, o *goja.Object) bool {
	_, ok := namespaces(h)[o]
	return ok
}

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
	kAsyncGenFunc
)

// kindNames name the kinds for JS (binding.kindCodes): inspect's exported kinds, and
// structured clone's, which reads them from this binding without loading inspect.
var kindNames = [...]string{kObject: "OBJECT", kArray: "ARRAY", kFunc: "FUNC", kAsyncFunc: "ASYNCFUNC",
	kGenFunc: "GENFUNC", kClass: "CLASS", kMap: "MAP", kSet: "SET", kWeakMap: "WEAKMAP", kWeakSet: "WEAKSET",
	kDate: "DATE", kRegExp: "REGEXP", kError: "ERROR", kArgs: "ARGS", kPromise: "PROMISE", kProxy: "PROXY",
	kTypedArray: "TYPEDARRAY", kArrayBuffer: "ARRAYBUFFER", kDataView: "DATAVIEW", kNumber: "NUMBER",
	kString: "STRING", kBoolean: "BOOLEAN", kSymbol: "SYMBOL", kBigInt: "BIGINT", kGenerator: "GENERATOR",
	kMapIter: "MAPITER", kSetIter: "SETITER", kArrayIter: "ARRAYITER", kStringIter: "STRINGITER",
	kRegExpStringIter: "REGEXPSTRINGITER", kAsyncGenFunc: "ASYNCGENFUNC"}

// implKinds maps goja's internal object implementation types to kinds. goja does not export
// brand checks for most built-ins, so we read the dynamic type of Object's implementation.
var implKinds = modules.Lazy[map[string]int]{Build: func() map[string]int {
	return map[string]int{
		"*goja.arrayObject":                kArray,
		"*goja.sparseArrayObject":          kArray,
		"*goja.templatedArrayObject":       kArray,
		"*goja.dynamicArray":               kArray,
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
		"*goja.asyncGeneratorFuncObject":   kAsyncGenFunc,
		"*goja.asyncGeneratorMethodObject": kAsyncGenFunc,
	}
}}

// Types and fields of goja's object storage that dataValues and denseArray read.
var (
	baseObjectType, arrayObjectType, valuePropertyType reflect.Type
	baseValuesField, accessorField, enumerableField    []int
	propNamesField, propValueCountField                []int
	objCountField, lengthField                         []int
)

// internalsOnce runs discoverInternals when the first runtime binds util, not at process start
// (it builds a goja runtime: too much for every process's init).
var internalsOnce sync.Once

func discoverInternals() {
	vm := goja.New()
	v, err := vm.RunString("[{}, [], Object.defineProperty({}, 'x', {get() {}}), new Uint8Array(1)]")
	if err != nil || selfField < 0 {
		return
	}
	arr := v.(*goja.Object)
	impl := func(x goja.Value) reflect.Value {
		return reflect.ValueOf(x.(*goja.Object)).Elem().Field(selfField).Elem()
	}
	b := impl(arr.Get("0"))
	a := impl(arr.Get("1"))
	if b.Type().String() != "*goja.baseObject" || a.Type().String() != "*goja.arrayObject" {
		return
	}
	f, ok := b.Type().Elem().FieldByName("values")
	if !ok || f.Type.Kind() != reflect.Map {
		return
	}
	acc := impl(arr.Get("2")).Elem().FieldByIndex(f.Index).MapIndex(reflect.ValueOf(unistring.NewFromString("x")))
	if !acc.IsValid() || acc.Elem().Type().String() != "*goja.valueProperty" {
		return
	}
	af, ok := acc.Elem().Type().Elem().FieldByName("accessor")
	if !ok || af.Type.Kind() != reflect.Bool {
		return
	}
	ef, ok := acc.Elem().Type().Elem().FieldByName("enumerable")
	if !ok || ef.Type.Kind() != reflect.Bool {
		return
	}
	ta := impl(arr.Get("3"))
	for _, t := range []reflect.Type{a.Type(), ta.Type()} {
		bf, ok := t.Elem().FieldByName("baseObject")
		if !ok || bf.Type != b.Type().Elem() || len(bf.Index) != 1 || bf.Index[0] != 0 {
			return
		}
	}
	pn, ok := b.Type().Elem().FieldByName("propNames")
	if !ok || pn.Type.Kind() != reflect.Slice || pn.Type.Elem().Kind() != reflect.String {
		return
	}
	propNamesField = pn.Index
	typedArrayType = ta.Type()
	enumerableField = ef.Index
	var idx [3][]int
	for i, name := range []string{"propValueCount", "objCount", "length"} {
		f, ok := a.Type().Elem().FieldByName(name)
		if !ok {
			return
		}
		idx[i] = f.Index
	}
	propValueCountField, objCountField, lengthField = idx[0], idx[1], idx[2]
	baseObjectType, arrayObjectType, valuePropertyType = b.Type(), a.Type(), acc.Elem().Type()
	baseValuesField, accessorField = f.Index, af.Index
}

var typedArrayType reflect.Type

// readField returns the value of an unexported field reached through pointers (addressable).
func readField(v reflect.Value, name string) (reflect.Value, bool) {
	f := v.FieldByName(name)
	if !f.IsValid() || !f.CanAddr() {
		return reflect.Value{}, false
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}

// weakPreview lists the live entries of a goja WeakMap (key, value pairs flattened) or WeakSet.
func weakPreview(o *goja.Object) (out []any, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	if selfField < 0 {
		return nil, false
	}
	impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
	field := ""
	switch impl.Type().String() {
	case "*goja.weakMapObject":
		field = "m"
	case "*goja.weakSetObject":
		field = "s"
	default:
		return nil, false
	}
	wm := impl.Elem().FieldByName(field)
	if !wm.IsValid() || !wm.CanAddr() {
		return nil, false
	}
	mu, ok1 := readField(wm, "Mutex")
	m, ok2 := readField(wm, "m")
	if !ok1 || !ok2 || m.Kind() != reflect.Map {
		return nil, false
	}
	lock := mu.Addr().Interface().(*sync.Mutex)
	lock.Lock()
	defer lock.Unlock()
	isMap := field == "m"
	out = []any{}
	iter := m.MapRange()
	for iter.Next() {
		wp, isPtr := iter.Key().Interface().(weak.Pointer[goja.Object])
		if !isPtr {
			return nil, false
		}
		key := wp.Value()
		if key == nil {
			continue
		}
		out = append(out, key)
		if isMap {
			var v goja.Value = goja.Undefined()
			if vv := iter.Value(); !vv.IsNil() {
				v = vv.Interface().(goja.Value)
			}
			out = append(out, v)
		}
	}
	return out, true
}

// iterPreview walks a goja Map or Set iterator's remaining entries the way its next method
// would, without moving it. Returned values are keys, values or key/value pairs flattened.
func iterPreview(o *goja.Object) (out []any, keyValue bool, ok bool) {
	defer func() {
		if recover() != nil {
			out, keyValue, ok = nil, false, false
		}
	}()
	if selfField < 0 {
		return nil, false, false
	}
	impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
	name := impl.Type().String()
	if name != "*goja.mapIterObject" && name != "*goja.setIterObject" {
		return nil, false, false
	}
	st := impl.Elem()
	kindv, ok1 := readField(st, "kind")
	iterp, ok2 := readField(st, "iter")
	if !ok1 || !ok2 {
		return nil, false, false
	}
	kind := kindv.Int() // 0 keys, 1 values, 2 entries
	keyValue = kind == 2
	isSet := name == "*goja.setIterObject"
	if iterp.IsNil() {
		return []any{}, keyValue, true
	}
	iter := iterp.Elem()
	m, _ := readField(iter, "m")
	if m.IsNil() {
		return []any{}, keyValue, true
	}
	cur, _ := readField(iter, "cur")
	entryKey := func(e reflect.Value) reflect.Value { k, _ := readField(e.Elem(), "key"); return k }
	for !cur.IsNil() && entryKey(cur).IsNil() {
		cur, _ = readField(cur.Elem(), "iterPrev")
	}
	if !cur.IsNil() {
		cur, _ = readField(cur.Elem(), "iterNext")
	} else {
		cur, _ = readField(m.Elem(), "iterFirst")
	}
	for n := 0; !cur.IsNil() && n < 1<<20; n++ {
		k := entryKey(cur)
		if !k.IsNil() {
			key := k.Interface().(goja.Value)
			val := key
			if !isSet {
				vv, _ := readField(cur.Elem(), "value")
				val = vv.Interface().(goja.Value)
			}
			switch {
			case keyValue:
				out = append(out, key, val)
			case kind == 0:
				out = append(out, key)
			default:
				out = append(out, val)
			}
		}
		cur, _ = readField(cur.Elem(), "iterNext")
	}
	return out, keyValue, true
}

// namedKeys lists the own named (non-index) string keys of a goja array or typed array from its
// property table, without enumerating a million indices. ok is false for other objects.
func namedKeys(o *goja.Object, all bool) (keys []string, ok bool) {
	if selfField < 0 || baseObjectType == nil {
		return nil, false
	}
	impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
	if t := impl.Type(); t != arrayObjectType && t != typedArrayType {
		return nil, false
	}
	base := impl.Elem().Field(0) // the embedded baseObject (checked in init)
	names := base.FieldByIndex(propNamesField)
	vals := base.FieldByIndex(baseValuesField)
	for i := 0; i < names.Len(); i++ {
		name := unistring.String(names.Index(i).String())
		if !all {
			mv := vals.MapIndex(reflect.ValueOf(name))
			if mv.IsValid() && !mv.IsNil() && mv.Elem().Type() == valuePropertyType &&
				!mv.Elem().Elem().FieldByIndex(enumerableField).Bool() {
				continue
			}
		}
		keys = append(keys, name.String())
	}
	return keys, true
}

var selfField = func() int {
	f, ok := reflect.TypeOf(goja.Object{}).FieldByName("self")
	if !ok {
		return -1
	}
	return f.Index[0]
}()

// hostKind is Kind as JS sees it: functions the runtime made (a lowered class, async function or
// async generator function) are of their kind, and a module namespace (the loader's proxy) is an
// ordinary object.
func hostKind(h *modules.Host, v goja.Value) int {
	k := Kind(v)
	if agp := h.AsyncGeneratorFunctionPrototype(); k == kFunc && agp != nil && v.(*goja.Object).Prototype() == agp {
		k = kAsyncGenFunc
	} else if k == kFunc {
		switch modules.FuncKindOf(h, v.(*goja.Object)) {
		case modules.FuncClass:
			k = kClass
		case modules.FuncAsync:
			k = kAsyncFunc
		case modules.FuncAsyncGenerator:
			k = kAsyncGenFunc
		default:
			if loweredAsyncGenMethod(v.(*goja.Object)) {
				k = kAsyncGenFunc
			}
		}
	} else if k == kProxy {
		if _, ok := namespaces(h)[v.(*goja.Object)]; ok {
			k = kObject
		}
	}
	return k
}

// loweredAsyncGenMethod reports whether o is an async generator method (`async *m() {}` in an
// object literal or class) as esbuild lowers it: a plain method whose body starts
// `return __asyncGenerator(this, `. The runtime marks lowered async generator functions
// (runtime/asyncgen.go) but leaves methods as they are.
func loweredAsyncGenMethod(o *goja.Object) bool {
	if selfField < 0 {
		return false
	}
	impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
	if impl.Type().String() != "*goja.methodFuncObject" {
		return false
	}
	sf := impl.Elem().FieldByName("src")
	if !sf.IsValid() || sf.Kind() != reflect.String {
		return false
	}
	src := sf.String()
	i := strings.IndexByte(src, '{')
	if i < 0 {
		return false
	}
	body := strings.TrimLeft(src[i+1:], " \t\r\n")
	return strings.HasPrefix(body, "return __asyncGenerator(this, ")
}

// Kind returns the internal kind of v (one of the k* constants), or kObject for anything else.
func Kind(v goja.Value) int {
	o, ok := v.(*goja.Object)
	if !ok || o == nil || selfField < 0 {
		return kObject
	}
	t := reflect.ValueOf(o).Elem().Field(selfField).Elem().Type()
	k, ok := implKinds.Get()[t.String()]
	if !ok {
		return kObject
	}
	if k == kProxy && modules.IsSlotted(o) {
		return kObject // a Go-backed object (modules.NewOrdinarySlotted) is an ordinary object to JS
	}
	if k == kObject && o.ClassName() == "Arguments" {
		// a strict function's arguments (unmapped) is a plain object of class Arguments
		return kArgs
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

// bindInspect is bind with binding.part, which loads inspect.js's parts, and binding.kindCodes,
// which makes an object of the kinds' codes by name (kindNames).
func bindInspect(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	modules.SetGluePart(vm, b, "node:internal/util/inspect", &inspectJS)
	b.Set("kindCodes", func(goja.FunctionCall) goja.Value {
		o := vm.NewObject()
		for k, name := range kindNames {
			o.Set(name, k)
		}
		return o
	})
	return bind(h, b)
}

func bind(h *modules.Host, b *goja.Object) error {
	internalsOnce.Do(discoverInternals)
	vm := h.VM
	propIsEnum, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object).Get("propertyIsEnumerable"))
	getOwnSymbols, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("getOwnPropertySymbols"))
	enumerableSymbol := func(o *goja.Object, s *goja.Symbol) bool {
		r, err := propIsEnum(o, s)
		return err == nil && r.ToBoolean()
	}
	kinds := make([]goja.Value, kAsyncGenFunc+1)
	for i := range kinds {
		kinds[i] = vm.ToValue(i)
	}
	b.Set("kind", func(call goja.FunctionCall) goja.Value {
		return kinds[hostKind(h, call.Argument(0))]
	})
	// isAsyncGeneratorObject: an object an async generator function made (the loader's lowering
	// tells), which V8's IsGeneratorObject counts as a generator object
	b.Set("isAsyncGeneratorObject", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return vm.ToValue(ok && h.IsAsyncGeneratorObject(o))
	})
	b.Set("isModuleNamespace", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if ok {
			_, ok = namespaces(h)[o]
		}
		return vm.ToValue(ok)
	})
	// sloppyFunction(fn): whether V8 would give fn own arguments and caller properties
	b.Set("sloppyFunction", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return vm.ToValue(ok && modules.SloppyFunction(o))
	})
	b.Set("className", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			return vm.ToValue(o.ClassName())
		}
		return vm.ToValue("")
	})
	b.Set("proxyDetails", func(call goja.FunctionCall) goja.Value {
		full := call.Argument(1).ToBoolean()
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		p, ok := modules.ExportAs[goja.Proxy](o)
		if !ok || modules.IsSlotted(o) {
			return goja.Undefined()
		}
		if _, ns := namespaces(h)[o]; ns {
			return goja.Undefined() // (the loader's proxy: see kind)
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
			if orig, ok := hd.Get(modules.ProxyHandlerKey).(*goja.Object); ok {
				hv = orig
			}
		}
		return vm.NewArray(tv, hv)
	})
	b.Set("promiseDetails", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		p, ok := modules.ExportAs[*goja.Promise](o)
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
	b.Set("engineErrorStack", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return h.VM.ToValue(ok && h.EngineErrorStack != nil && h.EngineErrorStack(o))
	})
	var fast *fastInspector
	getFast := func() *fastInspector {
		if fast == nil {
			fast = newFastInspector(vm)
			fast.hasView = func(o *goja.Object) bool { return modules.InspectView(h, o) != nil }
			fast.engineStack = h.EngineErrorStack
			fast.kind = func(v goja.Value) int { return hostKind(h, v) }
			fast.custom = func(fn *goja.Object) func(*goja.Object) (string, bool) { return modules.FastCustomInspect(h, fn) }
		}
		return fast
	}
	// tryStringify is inspect.js's tryStringify for %j while that glue is not loaded: JSON.stringify
	// as it was when this binding was made (node's is its primordial), '[Circular]' where that
	// throws a circular structure's TypeError
	var tryStringify goja.Value
	jsonStringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	getTryStringify := func() goja.Value {
		if tryStringify == nil && jsonStringify != nil {
			tryStringify = vm.ToValue(func(call goja.FunctionCall) goja.Value {
				res, err := jsonStringify(goja.Undefined(), call.Argument(0))
				if err != nil {
					if circularError(vm, err) {
						return vm.ToValue("[Circular]")
					}
					panic(err)
				}
				return res
			})
		}
		return tryStringify
	}
	// formatStrings(args, plain, stringify, objects): objects says inspect's defaults are node's
	// (its glue is not loaded), so that the Go inspector may print objects; without stringify,
	// %j uses tryStringify above
	b.Set("formatStrings", func(call goja.FunctionCall) goja.Value {
		arr, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		var objects *fastInspector
		if call.Argument(3).ToBoolean() {
			objects = getFast()
		}
		stringify := call.Argument(2)
		var jsonCheck func(goja.Value) bool
		if goja.IsUndefined(stringify) {
			stringify = getTryStringify()
			jsonCheck = getFast().jsonSafe
		}
		if s, ok := formatStrings(vm, arr, call.Argument(1).ToBoolean(), stringify, jsonCheck, objects); ok {
			return s
		}
		return goja.Undefined()
	})
	b.Set("quote", func(call goja.FunctionCall) goja.Value { return Quote(call.Argument(0)) })
	b.Set("escapeRaw", func(call goja.FunctionCall) goja.Value { return escape(call.Argument(0), 0, true) })
	b.Set("nonIndexKeys", func(call goja.FunctionCall) goja.Value {
		all := call.Argument(1).ToBoolean()
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.NewArray()
		}
		keys, ok := namedKeys(o, all)
		if !ok {
			if all {
				keys = o.GetOwnPropertyNames()
			} else {
				keys = o.Keys()
			}
		}
		var out []any
		for _, k := range keys {
			if !isIndex(k) {
				out = append(out, k)
			}
		}
		matchKeyOrder(out)
		if all {
			// Object.Symbols lists only enumerable symbols; showHidden wants them all.
			syms, _ := getOwnSymbols(goja.Undefined(), o)
			if so, ok := syms.(*goja.Object); ok {
				n := int(so.Get("length").ToInteger())
				for i := 0; i < n; i++ {
					out = append(out, so.Get(strconv.Itoa(i)))
				}
			}
		} else {
			for _, s := range o.Symbols() {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			return goja.Null() // no keys: the caller uses a shared empty list
		}
		return vm.NewArray(out...)
	})
	// inspectView(o) is the view function a built-in registered for o's class
	// (modules.SetInspectView), or undefined.
	b.Set("inspectView", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if fn := modules.InspectView(h, o); fn != nil {
				return fn
			}
		}
		return goja.Undefined()
	})
	// ownKeys is Object.keys plus the enumerable own symbols, in one call.
	b.Set("ownKeys", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.NewArray()
		}
		keys := o.Keys()
		syms := o.Symbols()
		out := make([]any, 0, len(keys)+len(syms))
		for _, k := range keys {
			if strings.ContainsRune(k, utf8.RuneError) {
				// a key with a lone surrogate, which a Go string cannot hold: the engine's own
				// Object.keys gives the keys as they are
				return objectKeysOf(vm, o, syms, enumerableSymbol)
			}
			out = append(out, k)
		}
		for _, s := range syms {
			if enumerableSymbol(o, s) {
				out = append(out, s)
			}
		}
		return vm.NewArray(out...)
	})
	// keyName formats a string property key as util.inspect does without colors.
	b.Set("keyName", func(call goja.FunctionCall) goja.Value {
		k := call.Argument(0)
		if s, ok := k.(goja.String); ok {
			if a, ok := asASCII(s); ok && isIdentifier(a) {
				return k
			}
		}
		return Quote(k)
	})
	// dataValues returns, for each key, the value of obj's own data property, or accessor when
	// the key names an accessor, a symbol or anything it cannot see cheaply. It reads goja's
	// storage directly, so it calls no getter and allocates no descriptor. Plain objects only;
	// for anything else it returns undefined.
	accessor := vm.NewObject()
	b.Set("accessor", accessor)
	b.Set("dataValues", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		keys, ok2 := call.Argument(1).(*goja.Object)
		if !ok || !ok2 || selfField < 0 {
			return goja.Undefined()
		}
		impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
		if impl.Type() != baseObjectType {
			return goja.Undefined()
		}
		vals := impl.Elem().FieldByIndex(baseValuesField)
		n := int(keys.Get("length").ToInteger())
		out := make([]any, n)
		for i := 0; i < n; i++ {
			out[i] = accessor
			k, isStr := keys.Get(strconv.Itoa(i)).(goja.String)
			if !isStr {
				continue
			}
			ks := k.String()
			if strings.ContainsRune(ks, utf8.RuneError) {
				continue // perhaps a lone surrogate, lost in the Go string: read as an accessor's
			}
			mv := vals.MapIndex(reflect.ValueOf(unistring.NewFromString(ks)))
			if !mv.IsValid() || mv.IsNil() {
				continue
			}
			if e := mv.Elem(); e.Type() == valuePropertyType {
				if e.Elem().FieldByIndex(accessorField).Bool() {
					continue
				}
			}
			out[i] = o.Get(ks)
		}
		return vm.NewArray(out...)
	})
	// denseArray reports whether arr is a plain goja array with no holes and no accessor or
	// attributed elements, so that arr[i] is a plain read with no side effects.
	b.Set("denseArray", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok || selfField < 0 {
			return vm.ToValue(false)
		}
		impl := reflect.ValueOf(o).Elem().Field(selfField).Elem()
		if impl.Type() != arrayObjectType {
			return vm.ToValue(false)
		}
		a := impl.Elem()
		dense := a.FieldByIndex(propValueCountField).Int() == 0 &&
			a.FieldByIndex(objCountField).Int() == int64(a.FieldByIndex(lengthField).Uint())
		return vm.ToValue(dense)
	})
	// iterPreview lists what a Map or Set iterator would still yield, without advancing it, as
	// [entries, isKeyValue] (entries flattened to key, value pairs when isKeyValue).
	b.Set("iterPreview", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		entries, kv, ok := iterPreview(o)
		if !ok {
			return goja.Undefined()
		}
		return vm.NewArray(vm.NewArray(entries...), kv)
	})
	b.Set("weakPreview", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		entries, ok := weakPreview(o)
		if !ok {
			return goja.Undefined()
		}
		return vm.NewArray(entries...)
	})
	b.Set("fastInspect", func(call goja.FunctionCall) goja.Value {
		a := func(i int) float64 { return call.Argument(i).ToFloat() }
		res, ok := getFast().run(call.Argument(0), a(1), a(2), int(a(3)), a(4), a(5), int(a(6)), call.Argument(7).ToBoolean(), call.Argument(8).ToBoolean(), call.Argument(9).ToBoolean())
		if !ok {
			return goja.Undefined()
		}
		return vm.ToValue(res)
	})
	b.Set("hexBytes", func(v goja.Value, n int) string {
		var data []byte
		if o, ok := v.(*goja.Object); ok {
			data, _ = modules.ExportAs[[]byte](o)
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
	b.Set("stringWidth", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(StringWidth(call.Argument(0).String()))
	})
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
		if uvErrors != nil {
			for _, e := range uvErrors {
				if e.errno == n {
					return e.code
				}
			}
			return ""
		}
		if n < 0 {
			n = -n
		}
		code, _ := modules.ErrnoCode(syscall.Errno(n))
		return code
	})
	b.Set("errorMap", func() goja.Value {
		var out []any
		if uvErrors != nil {
			for _, e := range uvErrors {
				out = append(out, vm.NewArray(e.errno, e.code, e.message))
			}
			return vm.NewArray(out...)
		}
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

// isIdentifier reports whether k matches /^[a-zA-Z_][a-zA-Z_0-9]*$/.
func isIdentifier(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		return false
	}
	return true
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
	asciiType, importedType := stringTypes()
	switch reflect.TypeOf(s) {
	case asciiType:
		return s.String(), true
	case importedType:
		// Go strings handed to JS stay Go strings until needed; they may hold anything.
		str := s.String()
		for i := 0; i < len(str); i++ {
			if str[i] >= 0x80 {
				return "", false
			}
		}
		return str, true
	}
	return "", false
}

// stringTypes are the dynamic types goja gives an ASCII string and a Go string it imported
// lazily. Found on first use: a goja runtime at package init would cost every process start.
var stringTypes = sync.OnceValues(func() (ascii, imported reflect.Type) {
	vm := goja.New()
	return reflect.TypeOf(vm.ToValue("a").ToString()),
		reflect.TypeOf(vm.ToValue("a long Go string, imported lazily by goja").ToString())
})

var metaEscapes = modules.Lazy[*[160]string]{Build: func() *[160]string {
	m := new([160]string)
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
}}

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
				sb.WriteString(metaEscapes.Get()[c])
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
			sb.WriteUTF8String(metaEscapes.Get()[c])
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

// StringWidth is the display width of s in a terminal, as node's ICU getStringWidth counts it:
// the text in NFC, then per code point two columns for an East Asian wide or fullwidth one,
// none for a control, format (but the soft hyphen) or combining mark, one for the rest (each
// part of an emoji sequence counts).
func StringWidth(s string) int {
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func runeWidth(r rune) int {
	if inRanges(r, newerWide) {
		return 2
	}
	if inRanges(r, newerMarks) {
		return 0
	}
	if r == 0x1171e || r == 0x2fffe || r == 0x2ffff {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if r != 0xad && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Me, unicode.Mn) {
		return 0
	}
	return 1
}

// What node 20's ICU (a newer Unicode than golang.org/x/text's tables) counts differently: wide
// characters (with the regional indicators, two columns as emoji presentation) and combining
// marks the tables do not know yet.
var newerWide = [][2]rune{{0x2630, 0x2637}, {0x268a, 0x268f}, {0x2ffc, 0x2fff}, {0x31e4, 0x31e5},
	{0x31ef, 0x31ef}, {0x4dc0, 0x4dff}, {0x16ff2, 0x16ff6}, {0x187f8, 0x187ff}, {0x18cff, 0x18cff},
	{0x18d09, 0x18d1e}, {0x18d80, 0x18df2}, {0x1d300, 0x1d356}, {0x1d360, 0x1d376}, {0x1f1e6, 0x1f1ff},
	{0x1f6d8, 0x1f6d8}, {0x1fa89, 0x1fa8a}, {0x1fa8e, 0x1fa8f}, {0x1fabe, 0x1fabe}, {0x1fac6, 0x1fac6},
	{0x1fac8, 0x1fac8}, {0x1facd, 0x1facd}, {0x1fadc, 0x1fadc}, {0x1fadf, 0x1fadf}, {0x1fae9, 0x1faea},
	{0x1faef, 0x1faef}}

var newerMarks = [][2]rune{{0x897, 0x897}, {0x1acf, 0x1add}, {0x1ae0, 0x1aeb}, {0x10d69, 0x10d6d},
	{0x10efa, 0x10efc}, {0x113bb, 0x113c0}, {0x113ce, 0x113ce}, {0x113d0, 0x113d0}, {0x113d2, 0x113d2},
	{0x113e1, 0x113e2}, {0x11b60, 0x11b60}, {0x11b62, 0x11b64}, {0x11b66, 0x11b66}, {0x11f5a, 0x11f5a},
	{0x1611e, 0x16129}, {0x1612d, 0x1612f}, {0x1e5ee, 0x1e5ef}, {0x1e6e3, 0x1e6e3}, {0x1e6e6, 0x1e6e6},
	{0x1e6ee, 0x1e6ef}, {0x1e6f5, 0x1e6f5}}

func inRanges(r rune, rs [][2]rune) bool {
	if r < rs[0][0] {
		return false
	}
	for _, x := range rs {
		if r >= x[0] && r <= x[1] {
			return true
		}
	}
	return false
}

// uvError is one entry of libuv's error table.
type uvError struct {
	errno         int
	code, message string
}

// matchKeyOrder puts a RegExp match array's index before its input, as V8 makes them (goja sets
// input first): console.log('xa'.match(/a/)) prints [ 'a', index: 1, input: 'xa', groups:
// undefined ] in node. keys are an array's named keys; a match array's are input, index, groups
// (then indices, with the d flag), so an array with other keys first keeps its order.
func matchKeyOrder(keys []any) {
	if len(keys) > 0 && keys[0] == "length" { // (showHidden lists it first)
		keys = keys[1:]
	}
	if len(keys) >= 3 && keys[0] == "input" && keys[1] == "index" && keys[2] == "groups" {
		keys[0], keys[1] = keys[1], keys[0]
	}
}

// objectKeysOf is Object.keys(o) as the engine gives it (JS strings, lone surrogates kept), then
// o's enumerable symbols.
func objectKeysOf(vm *goja.Runtime, o *goja.Object, syms []*goja.Symbol, enumerableSymbol func(*goja.Object, *goja.Symbol) bool) goja.Value {
	object, _ := vm.GlobalObject().Get("Object").(*goja.Object)
	var keysFn goja.Callable
	if object != nil {
		keysFn, _ = goja.AssertFunction(object.Get("keys"))
	}
	var out []any
	if keysFn != nil {
		if ks, err := keysFn(object, o); err == nil {
			if arr, ok := ks.(*goja.Object); ok {
				n := arr.Get("length").ToInteger()
				for i := int64(0); i < n; i++ {
					out = append(out, arr.Get(strconv.FormatInt(i, 10)))
				}
			}
		}
	}
	for _, s := range syms {
		if enumerableSymbol(o, s) {
			out = append(out, s)
		}
	}
	return vm.NewArray(out...)
}

// formatStrings is util.format(...args) for args, a dense array whose first is a string with no
// directive but %s, %c and %% (and, when plain, %d, %i and %f for a number, and %j for any
// value) that takes an argument (others are left as they are when no argument is left for
// them, as in util.format), and whose others are strings or, when plain (no option or default
// makes a number or a boolean print otherwise), numbers, booleans, null or undefined: ok false
// for anything else, which the JS format does. It reads the strings as goja's UTF-16 strings,
// so every code unit stays as it is. stringify is inspect.js's tryStringify, which %j calls;
// everything is checked before it is called, so that a value's toJSON runs once, whichever path
// formats.
//
// With objects (the Go inspector, while inspect's defaults are node's), objects are formatted
// too: those after the directives' arguments and those of %O as inspect prints them, of %o as
// util.format's %o, of %s when inspect would print them (a plain object, an array or a class
// instance whose toString is Object.prototype's or Array.prototype's); anything the Go
// inspector gives up on is left to the JS format.
//
// jsonCheck, when not nil, is what a value of %j must pass (JSON.stringify of it cannot throw but
// for a cycle): stringify is then not inspect.js's, whose frames node's stack of such an error has.
func formatStrings(vm *goja.Runtime, arr *goja.Object, plain bool, stringify goja.Value, jsonCheck func(goja.Value) bool, objects *fastInspector) (goja.Value, bool) {
	els, ok := modules.DenseElements(arr)
	if !ok || len(els) == 0 {
		return nil, false
	}
	first, ok := els[0].(goja.String)
	if !ok {
		return nil, false
	}
	if len(els) == 1 {
		return first, true
	}
	fo := formatObjects{fast: objects, jsonCheck: jsonCheck}
	if !formatDirectives(vm, first, els, plain, nil, stringify, &fo) {
		return nil, false
	}
	var sb goja.StringBuilder
	formatDirectives(vm, first, els, plain, &sb, stringify, &fo)
	return sb.String(), true
}

// formatObjects is what formatDirectives's check formats of objects (the Go inspector's text by
// argument index), for its write to use.
type formatObjects struct {
	fast      *fastInspector
	text      map[int]string
	jsonCheck func(goja.Value) bool // (see formatStrings)
}

// inspect formats the object v, argument a, with the Go inspector as mode says: 'O' as
// inspect's defaults ('s' at depth 0, 'o' as %o), or reports false.
func (fo *formatObjects) inspect(v goja.Value, a int, mode byte) bool {
	o, ok := v.(*goja.Object)
	if !ok || fo.fast == nil {
		return false
	}
	if mode == 's' && !fo.fast.builtinToString(o) {
		return false
	}
	depth, showHidden := 2.0, false
	switch mode {
	case 's':
		depth = 0
	case 'o':
		depth, showHidden = 4, true
	}
	s, ok := fo.fast.run(o, depth, 80, 3, 100, 10000, 0, showHidden, false, false)
	if !ok {
		return false
	}
	if fo.text == nil {
		fo.text = map[int]string{}
	}
	fo.text[a] = s
	return true
}

// formatDirectives is formatStrings's walk of the format string: with sb nil it only checks
// that every argument is one it formats (and calls nothing of the program's), formatting the
// objects into fo; else it writes the result to sb.
func formatDirectives(vm *goja.Runtime, first goja.String, els []goja.Value, plain bool, sb *goja.StringBuilder, stringify goja.Value, fo *formatObjects) bool {
	n := first.Length()
	a, lastPos := 0, 0
	for i := 0; i < n-1; i++ {
		if first.CharAt(i) != '%' {
			continue
		}
		i++
		next := first.CharAt(i)
		if a+1 == len(els) {
			if next == '%' {
				if sb != nil {
					sb.WriteSubstring(first, lastPos, i)
				}
				lastPos = i + 1
			}
			continue
		}
		var arg goja.Value
		var conv byte // how arg prints: 0 as writePrimitive, 'i' parseInt, 'f' parseFloat, 'j' JSON
		switch next {
		case 's':
			a++
			arg = els[a]
			if _, ok := arg.(*goja.Object); ok {
				if sb == nil && !fo.inspect(arg, a, 's') {
					return false
				}
				conv = 'o'
			} else if _, ok := arg.(goja.String); !ok && !(plain && plainPrimitive(arg)) {
				return false
			}
		case 'd', 'i', 'f':
			if !plain || !isNumber(els[a+1]) {
				return false
			}
			a++
			arg = els[a]
			if next != 'd' {
				conv = byte(next)
			}
		case 'j':
			if _, fn := stringify.(*goja.Object); !plain || !fn {
				return false
			}
			if sb == nil && fo.jsonCheck != nil && !fo.jsonCheck(els[a+1]) {
				return false
			}
			a++
			arg, conv = els[a], 'j'
		case 'c':
			a++
		case '%':
			if sb != nil {
				sb.WriteSubstring(first, lastPos, i)
			}
			lastPos = i + 1
			continue
		case 'o', 'O':
			a++
			arg, conv = els[a], 'o'
			if sb == nil && !fo.inspect(arg, a, byte(next)) {
				return false
			}
		default:
			continue
		}
		if sb != nil {
			if lastPos != i-1 {
				sb.WriteSubstring(first, lastPos, i-1)
			}
			switch {
			case arg == nil:
			case conv == 'i':
				writeFloat(vm, sb, parseIntOfNumber(vm, arg.ToFloat()))
			case conv == 'f':
				f := arg.ToFloat()
				if f == 0 {
					f = 0 // (parseFloat(String(-0)) is 0)
				}
				writeFloat(vm, sb, f)
			case conv == 'j':
				writeJSON(sb, arg, stringify)
			case conv == 'o':
				sb.WriteUTF8String(fo.text[a])
			default:
				writePrimitive(sb, arg)
			}
		}
		lastPos = i + 1
	}
	join := false
	if lastPos != 0 {
		a++
		join = true
		if lastPos < n && sb != nil {
			sb.WriteSubstring(first, lastPos, n)
		}
	}
	for ; a < len(els); a++ {
		_, isObj := els[a].(*goja.Object)
		if sb == nil {
			if isObj {
				if !fo.inspect(els[a], a, 'O') {
					return false
				}
			} else if _, ok := els[a].(goja.String); !ok && !(plain && plainPrimitive(els[a])) {
				return false
			}
			continue
		}
		if join {
			sb.WriteUTF8String(" ")
		}
		if isObj {
			sb.WriteUTF8String(fo.text[a])
		} else {
			writePrimitive(sb, els[a])
		}
		join = true
	}
	return true
}

// parseIntOfNumber is parseInt(String(f)): the integer that String(f)'s leading digits spell
// (String(1e21) is "1e+21": 1; String(1.5e-7) is "1.5e-7": 1), with the sign ("-0.5" gives -0).
func parseIntOfNumber(vm *goja.Runtime, f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return math.NaN()
	}
	// (String(-0) is "0": only a negative number keeps its sign, -0.5 as -0)
	sign := 1.0
	if f < 0 {
		sign = -1
	}
	s := vm.ToValue(math.Abs(f)).String()
	if !strings.Contains(s, "e") {
		return math.Copysign(math.Trunc(math.Abs(f)), sign)
	}
	// (written with an exponent, 1e21 and up and below 1e-6: the digits before the point or
	// the exponent)
	m := s[:strings.IndexAny(s, ".e")]
	v, _ := strconv.ParseFloat(m, 64)
	return math.Copysign(v, sign)
}

// writeFloat writes f as formatNumber without numeric separators prints it: String(f), -0 as
// "-0".
func writeFloat(vm *goja.Runtime, sb *goja.StringBuilder, f float64) {
	if f == 0 && math.Signbit(f) {
		sb.WriteUTF8String("-0")
		return
	}
	sb.WriteUTF8String(vm.ToValue(f).String())
}

// writeJSON writes what tryStringify (stringify) gives for v, "undefined" for undefined; what
// it throws is thrown.
func writeJSON(sb *goja.StringBuilder, v goja.Value, stringify goja.Value) {
	fn, ok := goja.AssertFunction(stringify)
	if !ok {
		panic("util: formatStrings without tryStringify")
	}
	res, err := fn(goja.Undefined(), v)
	if err != nil {
		panic(err)
	}
	if res == nil || goja.IsUndefined(res) {
		sb.WriteUTF8String("undefined")
		return
	}
	sb.WriteString(res.ToString().(goja.String))
}

// circularError says whether err, thrown by JSON.stringify, is the TypeError of a circular
// structure (what inspect.js's tryStringify turns into '[Circular]').
func circularError(vm *goja.Runtime, err error) bool {
	ex, ok := err.(*goja.Exception)
	if !ok {
		return false
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok {
		return false
	}
	name, msg := o.Get("name"), o.Get("message")
	if name == nil || name.String() != "TypeError" || msg == nil {
		return false
	}
	m := strings.ToLower(msg.String())
	return strings.Contains(m, "circular") || strings.Contains(m, "cyclic")
}

// plainPrimitive: a number, a boolean, null or undefined, which %s, %d and a trailing argument
// print as their string (but -0).
func plainPrimitive(v goja.Value) bool {
	if _, obj := v.(*goja.Object); obj || v == nil {
		return false
	}
	if goja.IsUndefined(v) || goja.IsNull(v) || isNumber(v) {
		return true
	}
	_, ok := modules.ExportAs[bool](v)
	return ok
}

// isNumber: a number primitive.
func isNumber(v goja.Value) bool {
	if _, obj := v.(*goja.Object); obj || v == nil {
		return false
	}
	switch v.ExportType() {
	case reflectInt64, reflectFloat64:
		return true
	}
	return false
}

var (
	reflectInt64   = reflect.TypeFor[int64]()
	reflectFloat64 = reflect.TypeFor[float64]()
)

// writePrimitive writes how format prints a string or a plain primitive: its string (ASCII for
// a primitive), -0 as "-0".
func writePrimitive(sb *goja.StringBuilder, v goja.Value) {
	if s, ok := v.(goja.String); ok {
		sb.WriteString(s)
		return
	}
	if f, ok := modules.ExportAs[float64](v); ok && f == 0 && math.Signbit(f) {
		sb.WriteUTF8String("-0")
		return
	}
	sb.WriteUTF8String(v.String())
}
