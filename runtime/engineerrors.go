package runtime

import (
	"reflect"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Errors the engine raises itself (a TypeError from null.x, a ReferenceError for an unknown
// name, a RangeError from new Array(-1)) are built by goja's intrinsic constructors, which the
// global replacements in errorstack.go never see: a script that caught one read goja's message
// ("Cannot read property 'x' of undefined") and goja's stack ("\tat f (file:1:2(3))"), where
// mocha, jest, loggers and plain `catch (e) { console.error(e.stack) }` print V8's. So the
// intrinsic constructors' construct functions are wrapped (through reflect, as the frames are
// read): an error the engine makes gets V8's message and the stack accessor at birth.

type nativeConstruct = func(args []goja.Value, newTarget *goja.Object) *goja.Object

// hookEngineErrors wraps the construct function of goja's intrinsic error constructor native.
// It does nothing if goja's layout is not the one expected (TestErrorFramesProbe guards it).
func (s *stackAPI) hookEngineErrors(native *goja.Object) {
	field := constructField(native)
	if field == nil {
		return
	}
	orig := *field
	*field = func(args []goja.Value, newTarget *goja.Object) *goja.Object {
		o := orig(args, newTarget)
		if newTarget == native && !s.constructing && o != nil {
			s.engineBorn(o)
		}
		return o
	}
}

// engineBorn gives an error the engine just made V8's message and the V8 stack accessor.
func (s *stackAPI) engineBorn(o *goja.Object) {
	raw, ok := gojaErrorFrames(o)
	if !ok {
		return
	}
	msg := o.Get("message")
	// the value stack holds a script's failing assignment (readOnlyWords) only when no built-in
	// is running: in a.push(x) it holds push, whose own length is read-only too
	inScript := len(raw) == 0 || raw[0].SrcName() != "<native>"
	refusal := s.rt.nsRefusal
	s.rt.nsRefusal.gojaWords, s.rt.nsRefusal.v8 = "", ""
	if m, ok := modules.ExportAs[string](msg); ok {
		worded := false
		if refusal.gojaWords != "" && m == refusal.gojaWords {
			m, msg = refusal.v8, s.rt.vm.ToValue(refusal.v8) // (a module namespace's trap)
		} else if v8 := s.rt.builtinIterableWords(m, raw); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (Promise.all(5), new Map([1]))
		} else if v8 := bigIntSymbolWords(s.rt.vm, m, raw); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (1n + sym)
		} else if v8 := s.rt.thisKindWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (Number.prototype.toFixed.call('1'))
		} else if v8 := s.rt.symbolCalleeWords(m, raw); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (sym(): goja fails to print the symbol it cannot call)
		} else if v8 := s.rt.callbackWords(m, raw); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // ([1].map({}), new Map().forEach(5))
		} else if v8 := s.rt.reflectWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (Reflect.apply(1))
		} else if v8 := proxyRevokedWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (a revoked proxy's trap)
		} else if v8 := s.rt.accessorWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (a descriptor's get or set)
		} else if v8 := s.rt.arrayElementWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (a frozen array's element)
		} else if v8 := s.rt.builtinMethodWords(m); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // (String.prototype.trim.call(null))
			// (a receiver worded from the value itself is V8's already: engineMessage's rewrite of
			// goja's "[object Object]" must not touch it)
			worded = strings.Contains(v8, " called on incompatible receiver ")
		} else if v8 := s.rt.primitiveSetWords(raw, m, inScript); v8 != "" {
			m, msg = v8, s.rt.vm.ToValue(v8) // ((0).x = 1 in strict code)
		} else if v8 := s.rt.notExtensibleWords(m); v8 != "" {
			// (Object.setPrototypeOf of a frozen object: V8's words already, which
			// engineMessage's for goja's "[object Object] is not extensible" must not touch)
			m, msg, worded = v8, s.rt.vm.ToValue(v8), true
		}
		switch m {
		case "Value is not object coercible":
			// an object pattern given null or undefined (which the value stack holds now)
			if v8 := s.rt.destructureWords(raw, nullishPatternValue(s.rt.vm, inScript)); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
			} else if v8 := s.rt.catchPatternWords(raw, nullishPatternValue(s.rt.vm, inScript)); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
			}
		case "Cannot convert undefined or null to object":
			// for (x of v), [...v], const [a] = v with v null or undefined
			if v8 := s.rt.nullishIterableWords(raw, nullishReadBase(s.rt.vm)); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
			} else if v8 := s.rt.setElemWords(raw); v8 != "" {
				// o[k] = v with o null or undefined
				m, msg = v8, s.rt.vm.ToValue(v8)
			} else if v8 := s.rt.nullishLiteralIterableWords(raw); v8 != "" {
				// for (x of null), const [a] = null: a literal, goja's place is another's
				m, msg = v8, s.rt.vm.ToValue(v8)
			}
		case "Dynamic objects do not support Symbol properties":
			// process.env[sym] = v in strict code: node's env interceptor converts the key to a
			// string (goja's dynamic objects are process.env and a few internal objects)
			m, msg = "Cannot convert a Symbol value to a string", s.rt.vm.ToValue("Cannot convert a Symbol value to a string")
		case "Class constructor cannot be invoked without 'new'":
			// V8 names the class, which the value stack holds
			if v8 := s.rt.classCallWords(raw); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
			}
		case "Class extends value is not a constructor or null":
			// class A extends v {}: v is on the value stack's top, and V8 names it
			if stack, sp, ok := vmValueStack(s.rt.vm); ok && sp >= 1 && sp <= len(stack) {
				v8 := "Class extends value " + modules.V8ValueWords(s.rt.vm, stack[sp-1]) + " is not a constructor or null"
				m, msg = v8, s.rt.vm.ToValue(v8)
			}
		case "Class extends value does not have valid prototype property":
			// V8 names the prototype: the superclass is on the value stack's top
			if stack, sp, ok := vmValueStack(s.rt.vm); ok && sp >= 1 && sp <= len(stack) {
				if sc, isObj := stack[sp-1].(*goja.Object); isObj {
					v8 := m + " " + modules.V8ValueWords(s.rt.vm, sc.Get("prototype"))
					m, msg = v8, s.rt.vm.ToValue(v8)
				}
			}
		default:
			// eval's SyntaxError: goja's "SyntaxError: <eval>: Line 1:4 Unexpected end of input"
			// (the Function constructor words its own: v8FunctionSyntaxError)
			if s.rt.inFunctionCtor > 0 {
				break
			}
			if v8, arrow := evalSyntaxWords(s.rt.vm, m); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
				if arrow != "" {
					// (the excerpt an uncaught one prints: the eval'd code's line)
					_ = o.DefineDataPropertySymbol(evalArrowSymbol(s.rt), s.rt.vm.ToValue(arrow), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
				}
			}
		}
		if v, ok := strings.CutPrefix(m, "Value is not an object: "); ok && inScript {
			// key in v: the key is on the value stack, under v
			if v8 := s.rt.inOperatorWords(raw, v); v8 != "" {
				m, msg = v8, s.rt.vm.ToValue(v8)
			}
		}
		s.rt.engineBirth = true
		v8 := ""
		if !worded {
			v8 = s.rt.engineMessage(o, m, raw)
		}
		s.rt.engineBirth = false
		if v8 != "" {
			// (goja says undefined for a null base too, reading or setting)
			for _, verb := range [...]string{"read", "set"} {
				if rest, ok := strings.CutPrefix(v8, "Cannot "+verb+" properties of undefined ("); ok && nullishBase(s.rt.vm, rest) == "null" {
					v8 = "Cannot " + verb + " properties of null (" + rest
				}
			}
			v8 = symbolKeyWords(s.rt.vm, v8)
			if key, ok := readOnlyKey(m); ok && inScript {
				if w := readOnlyWords(s.rt.vm, key); w != "" {
					v8 = w
				}
			}
			msg = s.rt.vm.ToValue(v8)
		} else if m == "length is not writable" && !inScript {
			// (goja says so of arrays only: a built-in's, as a.push(x)'s, is the array's)
			msg = s.rt.vm.ToValue("Cannot assign to read only property 'length' of object '[object Array]'")
		} else if (m == "" || m == "length is not writable") && inScript {
			// goja's words for an array's read-only element (none) or length
			key := "length"
			if m == "" {
				key = elemAssignKey(s.rt.vm)
			}
			if key != "" {
				if w := readOnlyWords(s.rt.vm, key); w != "" {
					msg = s.rt.vm.ToValue(w)
				}
			}
		}
	}
	s.pendingInit()
	limit, other := s.bornLimit()
	if tail := s.rt.awaitingTail(); other || len(tail) > 0 && programFrames(raw) {
		if len(tail) > 0 && programFrames(raw) {
			// (the async frames V8 shows past goja's: Promise.all's and what awaits it)
			raw = append(raw[:len(raw):len(raw)], tail...)
		}
		s.keepPending(o, &pendingStack{raw: raw, slots: s.innerSlots(raw, limit, false, -1), task: s.rt.loop.TaskCall(), limit: limit})
	} else if slots, task := s.innerSlots(raw, limit, false, -1), s.rt.loop.TaskCall(); slots != nil || task != 0 {
		s.recent.keep(o, slots, task) // (the frames' receivers and the task, for the stack's names)
	}
	// goja would format its own stack text first (all frames) only to drop it
	if idx := stackAddedIndex(); idx != nil {
		self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(o), errorSelfOffset)).Elem()
		if !self.IsNil() && self.Elem().Type() == errorObjType {
			*(*bool)(unsafe.Pointer(self.Elem().Elem().FieldByIndex(idx).UnsafeAddr())) = true
		}
	}
	o.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// V8's own properties come in the order stack, message
	if msg != nil {
		o.Delete("message")
		o.DefineDataProperty("message", msg, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// stackAddedIndex is the index of goja's errorObject.stackPropAdded (true once the error has
// its own stack property, which goja then stops making), or nil when the layout is unknown.
var stackAddedIndex = sync.OnceValue(func() []int {
	errorFramesOnce.Do(errorFramesLayout)
	if !errorFramesUsable {
		return nil
	}
	sf, ok := errorObjType.Elem().FieldByName("stackPropAdded")
	if !ok || sf.Type.Kind() != reflect.Bool {
		return nil
	}
	return sf.Index
})

var constructFuncType = reflect.TypeFor[nativeConstruct]()

// constructField points at the construct function of goja's native function object fn, or is
// nil when fn is not one (or the layout is unknown).
func constructField(fn *goja.Object) *nativeConstruct {
	impl, ok := objectImpl(fn)
	if !ok || impl.Type().Elem().Name() != "nativeFuncObject" {
		return nil
	}
	sf, ok := impl.Type().Elem().FieldByName("construct")
	if !ok || sf.Type != constructFuncType {
		return nil
	}
	f := impl.Elem().FieldByIndex(sf.Index)
	p := (*nativeConstruct)(unsafe.Pointer(f.UnsafeAddr()))
	if *p == nil {
		return nil
	}
	return p
}

// vmStackLayout holds the offsets of goja.Runtime's vm pointer and of that vm's value stack and
// stack pointer, found by reflection on first use; ok is false when goja lays them out
// otherwise, and then nothing is read.
type vmStackLayout struct {
	vm, stack, sp uintptr
	ok            bool
}

var vmStack = sync.OnceValue(func() vmStackLayout {
	rf, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || rf.Type.Kind() != reflect.Pointer || rf.Type.Elem().Kind() != reflect.Struct {
		return vmStackLayout{}
	}
	vmType := rf.Type.Elem()
	st, ok1 := vmType.FieldByName("stack")
	sp, ok2 := vmType.FieldByName("sp")
	if !ok1 || !ok2 || st.Type.Kind() != reflect.Slice || st.Type.Elem() != reflect.TypeFor[goja.Value]() ||
		sp.Type.Kind() != reflect.Int {
		return vmStackLayout{}
	}
	return vmStackLayout{vm: rf.Offset, stack: st.Offset, sp: sp.Offset, ok: true}
})

// vmValueStack is goja's value stack and stack pointer for r, read through the offsets vmStack
// found; ok is false when goja's layout is not the one expected. Loop only, and meaningful only
// while the engine is inside the operation that is failing (engineBorn).
func vmValueStack(r *goja.Runtime) (stack []goja.Value, sp int, ok bool) {
	l := vmStack()
	if !l.ok || r == nil {
		return nil, 0, false
	}
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), l.vm))
	if vm == nil {
		return nil, 0, false
	}
	return *(*[]goja.Value)(unsafe.Add(vm, l.stack)), *(*int)(unsafe.Add(vm, l.sp)), true
}

// bigIntSymbolWords are V8's words for an arithmetic operation of a BigInt and a symbol, where
// goja says it mixes a BigInt with another type: V8 converts both operands to numerics, and the
// symbol refuses ("Cannot convert a Symbol value to a number"). The operands are the two values
// on top of the value stack while goja's instruction (raw's first frame's) fails; "" otherwise.
func bigIntSymbolWords(r *goja.Runtime, m string, raw []goja.StackFrame) string {
	if m != "Cannot mix BigInt and other types, use explicit conversions" || len(raw) == 0 {
		return ""
	}
	if _, ok := instructionOperators[frameOp(&raw[0])]; !ok {
		return ""
	}
	stack, sp, ok := vmValueStack(r)
	if !ok || sp < 2 || sp > len(stack) {
		return ""
	}
	for _, v := range stack[sp-2 : sp] {
		if _, sym := v.(*goja.Symbol); sym {
			return "Cannot convert a Symbol value to a number"
		}
	}
	return ""
}

// nullishReadBase tells, for a TypeError goja is making at this moment for reading a property
// of undefined or null (whose message says "undefined" either way), which of the two the object
// was: "null", "undefined" or "" when it cannot tell. goja's property reads keep the object on
// the value stack at sp-1 (obj.key) or sp-2 (obj[key], the key above it) while the error is
// made, so the object is whichever of those two slots is nullish; when both are and differ,
// nothing is said. Only valid while the engine is inside the failing read (engineBorn).
func nullishReadBase(r *goja.Runtime) string {
	stack, sp, ok := vmValueStack(r)
	if !ok {
		return ""
	}
	kind := func(i int) string {
		if i < 0 || i >= len(stack) {
			return ""
		}
		switch stack[i] {
		case goja.Null():
			return "null"
		case goja.Undefined():
			return "undefined"
		}
		return ""
	}
	a, b := kind(sp-1), kind(sp-2)
	switch {
	case a != "" && b != "" && a != b:
		return ""
	case a != "":
		return a
	}
	return b
}

// nullishBase is nullishReadBase for a read or assignment whose message ends in rest ("reading
// 'k')"): when the key is no nullish word, a nullish top slot can only be the object (a method
// call's, whose other slot may be anything nullish).
func nullishBase(r *goja.Runtime, rest string) string {
	if !strings.HasSuffix(rest, " 'undefined')") && !strings.HasSuffix(rest, " 'null')") {
		if stack, sp, ok := vmValueStack(r); ok && sp >= 1 && sp <= len(stack) {
			switch stack[sp-1] {
			case goja.Null():
				return "null"
			case goja.Undefined():
				return "undefined"
			}
		}
	}
	return nullishReadBase(r)
}

// symbolKeyWords words a read of a symbol-keyed property of null or undefined as V8 does: goja
// names the key by its description alone ("reading 'kF'"), V8 as Symbol(kF), and a read of
// Symbol.iterator V8 words as an iteration. The key is on the value stack's top while goja makes
// the error (engineBorn).
func symbolKeyWords(r *goja.Runtime, v8 string) string {
	base, key, ok := readWordsKey(v8)
	if !ok {
		return v8
	}
	stack, sp, ok := vmValueStack(r)
	if !ok || sp < 1 || sp > len(stack) {
		return v8
	}
	sym, isSym := stack[sp-1].(*goja.Symbol)
	if !isSym || sym.String() != key {
		return v8
	}
	if sym == goja.SymIterator {
		if base == "null" {
			base = "object null"
		}
		return base + " is not iterable (cannot read property Symbol(Symbol.iterator))"
	}
	return "Cannot read properties of " + base + " (reading 'Symbol(" + key + ")')"
}

// readWordsKey splits V8's "Cannot read properties of <base> (reading '<key>')".
func readWordsKey(m string) (base, key string, ok bool) {
	rest, ok := strings.CutPrefix(m, "Cannot read properties of ")
	if !ok {
		return "", "", false
	}
	base, key, ok = strings.Cut(rest, " (reading '")
	if !ok || !strings.HasSuffix(key, "')") {
		return "", "", false
	}
	return base, key[:len(key)-2], true
}

// setElemWords is V8's message for an assignment to a computed key of null or undefined
// (o[k] = v), which goja words "Cannot convert undefined or null to object": goja's place is the
// "[", and its value stack holds the object, the key and the value while it makes the error
// (engineBorn). A key that is an object is left alone (its conversion may run code).
// nullishLiteralIterableWords is V8's message for iterating a null or undefined literal (for
// (x of null), const [a] = null), which V8 prints as its source: goja, which made the error
// converting the value on its stack's top, points at the last instruction that had a place,
// not at an iteration's operand (iterableAt), as it does for a literal. "" otherwise.
func (rt *Runtime) nullishLiteralIterableWords(raw []goja.StackFrame) string {
	text, col := rt.errorPlace(raw)
	if col < 0 || text[col] == '[' || iterableAt(text, col) {
		return ""
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || sp < 1 || sp > len(stack) {
		return ""
	}
	switch stack[sp-1] {
	case goja.Null():
		return "null is not iterable"
	case goja.Undefined():
		return "undefined is not iterable"
	}
	return ""
}

func (rt *Runtime) setElemWords(raw []goja.StackFrame) string {
	text, col := rt.placeOrMapped(raw)
	if col > 0 && col < len(text) && text[col] != '[' && text[col-1] == '[' {
		col-- // (a source-mapped place is the key's)
	}
	if col < 0 || col >= len(text) || text[col] != '[' {
		return ""
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || sp < 2 || sp > len(stack) {
		return ""
	}
	if lit, ok := quotedKeyAt(text, col+1); ok {
		// o['k'] = v: goja sets a named property, the object under the value on the stack
		switch stack[sp-2] {
		case goja.Null():
			return "Cannot set properties of null (setting '" + lit + "')"
		case goja.Undefined():
			return "Cannot set properties of undefined (setting '" + lit + "')"
		}
		return ""
	}
	if sp < 3 {
		return ""
	}
	var base string
	switch stack[sp-3] {
	case goja.Null():
		base = "null"
	case goja.Undefined():
		base = "undefined"
	default:
		return ""
	}
	var name string
	switch k := stack[sp-2].(type) {
	case *goja.Symbol:
		name = "Symbol(" + k.String() + ")"
	case *goja.Object:
		return ""
	default:
		if k == nil {
			return ""
		}
		name = k.String()
	}
	return "Cannot set properties of " + base + " (setting '" + name + "')"
}

// quotedKeyAt reads a plain string literal key at text[i:] (spaces first) closed by "]": the
// value when it has no escapes.
func quotedKeyAt(text string, i int) (string, bool) {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) || text[i] != '\'' && text[i] != '"' {
		return "", false
	}
	q := text[i]
	j := strings.IndexByte(text[i+1:], q)
	if j < 0 {
		return "", false
	}
	lit := text[i+1 : i+1+j]
	if strings.ContainsAny(lit, "\\\n") {
		return "", false
	}
	rest := strings.TrimLeft(text[i+2+j:], " \t")
	if !strings.HasPrefix(rest, "]") {
		return "", false
	}
	return lit, true
}

// readOnlyKey is the property goja names in a failed strict assignment ("Cannot assign to read
// only property 'k'", which says neither whose nor why).
func readOnlyKey(m string) (string, bool) {
	rest, ok := strings.CutPrefix(m, "Cannot assign to read only property '")
	if !ok || !strings.HasSuffix(rest, "'") {
		return "", false
	}
	return rest[:len(rest)-1], true
}

// emptyHandler reports whether h, a proxy's handler, is a plain object with no property of its
// own (new Proxy(t, {})): it has no trap.
func emptyHandler(r *goja.Runtime, h *goja.Object) bool {
	if h == nil || modules.IsProxy(h) || len(h.GetOwnPropertyNames()) != 0 {
		return false
	}
	ctor, ok := r.Get("Object").(*goja.Object)
	return ok && h.Prototype() != nil && h.Prototype() == ctor.Get("prototype")
}

// readOnlyWords is V8's message for a strict assignment to key that failed, said of the object
// assigned to, found on goja's value stack as nullishReadBase finds a read's: the object (at
// sp-2 for obj.k = v, sp-3 for obj[k] = v) that has key, own or inherited, as a read-only data
// property ("Cannot assign to read only property 'k' of object '#<A>'") or an accessor without
// a setter ("Cannot set property k of #<A> which has only a getter"). "" when no candidate has
// key so (a proxy is not looked into). Only valid while the engine is inside the failing
// assignment (engineBorn).
func readOnlyWords(r *goja.Runtime, key string) string {
	stack, sp, ok := vmValueStack(r)
	if !ok {
		return ""
	}
	if w := stringReadOnlyWords(stack, sp, key); w != "" {
		return w
	}
	gopd, isFunc := goja.AssertFunction(r.Get("Reflect").ToObject(r).Get("getOwnPropertyDescriptor"))
	if !isFunc {
		return ""
	}
	for _, i := range [...]int{sp - 2, sp - 3} {
		if i < 0 || i >= len(stack) {
			continue
		}
		o, ok := stack[i].(*goja.Object)
		if !ok {
			continue
		}
		if isModuleNamespace(o) {
			// (V8's namespace object: its exports are writable data properties it refuses to set)
			if d, err := gopd(goja.Undefined(), o, r.ToValue(key)); err == nil && !goja.IsUndefined(d) {
				return "Cannot assign to read only property '" + key + "' of object '[object Module]'"
			}
		}
		for p := o; p != nil; p = p.Prototype() {
			if modules.IsProxy(p) { // (Export would read every property)
				// a proxy without traps passes the assignment to its target, which refused it:
				// V8 says so of the proxy, in its target's words (modules.V8ValueWords)
				px, ok := p.Export().(goja.Proxy)
				if !ok || px.Target() == nil || !emptyHandler(r, px.Handler()) {
					break
				}
				p = px.Target()
				if modules.IsProxy(p) {
					break
				}
			}
			d, err := gopd(goja.Undefined(), p, r.ToValue(key))
			if err != nil {
				return ""
			}
			desc, ok := d.(*goja.Object)
			if !ok {
				continue
			}
			if get := desc.Get("get"); get != nil && !goja.IsUndefined(get) {
				if set := desc.Get("set"); set == nil || goja.IsUndefined(set) {
					return "Cannot set property " + key + " of " + modules.V8ValueWords(r, o) + " which has only a getter"
				}
				break
			}
			if w := desc.Get("writable"); w != nil && !w.ToBoolean() && desc.Get("get") == nil {
				kind := "object"
				if _, ok := goja.AssertFunction(o); ok {
					kind = "function"
				}
				return "Cannot assign to read only property '" + key + "' of " + kind + " '" + modules.V8ValueWords(r, o) + "'"
			}
			break
		}
	}
	return ""
}

// stringReadOnlyWords is V8's message for a strict assignment to a primitive string's length or
// index (s.length = 1, s[0] = 'x'): the string is under the value (s.k = v) or, when the slot
// there holds the key itself, under the key (s[k] = v). "" when neither is such a string.
func stringReadOnlyWords(stack []goja.Value, sp int, key string) string {
	if sp < 2 || sp > len(stack) {
		return ""
	}
	base := stack[sp-2]
	if _, isObj := base.(*goja.Object); isObj || base == nil {
		return "" // (String() of an object could run its code)
	}
	if base.String() == key {
		if sp < 3 {
			return ""
		}
		base = stack[sp-3]
	}
	if base == nil || base.ExportType() == nil || base.ExportType().Kind() != reflect.String {
		return ""
	}
	if _, isObj := base.(*goja.Object); isObj {
		return ""
	}
	return "Cannot assign to read only property '" + key + "' of string '" + base.String() + "'"
}

// elemAssignKey is the key of the obj[key] = v assignment goja is failing at this moment (the
// value stack's sp-2 slot), when it is a string or a number; "" otherwise. Only valid inside
// the failing assignment (engineBorn).
func elemAssignKey(r *goja.Runtime) string {
	stack, sp, ok := vmValueStack(r)
	if !ok {
		return ""
	}
	if i := sp - 2; i >= 0 && i < len(stack) {
		switch k := modules.ExportCheap(stack[i]).(type) {
		case string:
			return k
		case int64, float64:
			return stack[i].String()
		}
	}
	return ""
}

// evalSyntaxWords is V8's message for the SyntaxError goja is making for code eval compiles,
// whose message m carries goja's "SyntaxError: " and position: the source, wanted for V8's naming
// of the offending token, is the eval argument still on the engine's value stack (the string
// near its top at whose line:col a token starts); without it the words are V8's that need none.
// "" when m is not such a message.
func evalSyntaxWords(r *goja.Runtime, m string) (string, string) {
	if !strings.HasPrefix(m, "SyntaxError: ") {
		return "", ""
	}
	msg, line, col, ok := modules.ParseGojaSyntaxMessage(m)
	if !ok {
		return "", ""
	}
	src := ""
	if stack, sp, ok := vmValueStack(r); ok {
		for i := sp - 1; i >= 0 && i >= sp-8; i-- {
			if i >= len(stack) || stack[i] == nil {
				continue
			}
			if str, isStr := modules.ExportAs[string](stack[i]); isStr && goja.IsString(stack[i]) && evalOffsetOK(str, line, col) {
				src = str
				break
			}
		}
	}
	se := modules.V8SyntaxMessage(msg, src, line, col)
	arrow := ""
	if src != "" {
		arrow = anonymousSyntaxArrow(src, se, line, col)
	}
	return se.Message, arrow
}

// anonymousSyntaxArrow is node's excerpt of a SyntaxError in code eval or the Function
// constructor compiled (src, goja's error at line:col, V8's se): the code's line under
// <anonymous_script>, V8's range marked; "" when the line is not in src.
func anonymousSyntaxArrow(src string, se modules.SyntaxError, line, col int) string {
	l, c := line, col
	if se.Line > 0 {
		l, c = se.Line, se.Column
	}
	lines := strings.Split(src, "\n")
	if l < 1 || l > len(lines) {
		return ""
	}
	text := strings.TrimRight(lines[l-1], "\r")
	return "<anonymous_script>:" + strconv.Itoa(l) + "\n" + text + "\n" + modules.Carets(text, c, se.Width) + "\n"
}

// evalArrowKey keys evalArrowSymbol in the host's state.
var evalArrowKey = new(int)

// evalArrowSymbol marks the SyntaxError of eval'd code with node's excerpt for it.
func evalArrowSymbol(rt *Runtime) *goja.Symbol {
	return registeredSymbol(rt, evalArrowKey, "gojs.evalSyntaxArrow")
}

// evalOffsetOK reports whether src has a line:col (1-based) position.
func evalOffsetOK(src string, line, col int) bool {
	lines := strings.Split(src, "\n")
	return line >= 1 && line <= len(lines) && col >= 1 && col <= len(lines[line-1])+1
}

// inOperatorWords is V8's message for `key in v`, v not an object (goja printed it v), raised
// just now at raw's place: goja's in has both operands on the value stack's top. "" when the
// place is no in expression.
func (rt *Runtime) inOperatorWords(raw []goja.StackFrame, v string) string {
	text, col := rt.placeOrMapped(raw)
	if col >= 0 {
		// #x in v: goja points at v (the private name is not on the stack)
		if b, ok := strings.CutSuffix(strings.TrimRight(text[:col], " \t"), " in"); ok {
			b = strings.TrimRight(b, " \t")
			i := len(b)
			for i > 0 && isIdentByte(b[i-1]) {
				i--
			}
			if i > 0 && i < len(b) && b[i-1] == '#' {
				if stack, sp, ok := vmValueStack(rt.vm); ok && sp >= 1 && sp <= len(stack) {
					if right := stack[sp-1]; right != nil && right.String() == v {
						return "Cannot use 'in' operator to search for '#" + b[i:] + "' in " + modules.V8ValueWords(rt.vm, right)
					}
				}
			}
		}
	}
	if col < 0 || !inExpression(text[col:]) {
		return ""
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || sp < 1 || sp > len(stack) {
		return ""
	}
	right := stack[sp-1]
	if _, isObj := right.(*goja.Object); isObj || right == nil || right.String() != v {
		return ""
	}
	if sp < 2 {
		return ""
	}
	return "Cannot use 'in' operator to search for '" + modules.V8ValueWords(rt.vm, stack[sp-2]) + "' in " + modules.V8ValueWords(rt.vm, right)
}

// notExtensibleWords is V8's message for goja's refusal to set the prototype of an object that
// is not extensible, which goja words with the object's string (empty for an array, a Go
// formatting panic for an object without toString): V8 names a class's instance #<Foo>, an array
// [object Array], a null-prototype object [object Object], a function by its source. The object
// is Object.setPrototypeOf's first argument, or the receiver of the __proto__ setter; "" for
// other messages.
func (rt *Runtime) notExtensibleWords(m string) string {
	if !strings.HasSuffix(m, " is not extensible") || strings.HasPrefix(m, "Cannot ") {
		return ""
	}
	var target *goja.Object
	if stack, sb, sp, callee, ok := rt.nativeCall(); ok {
		switch rt.builtinMethodName(callee) {
		case "Object.setPrototypeOf":
			if sb < sp {
				target, _ = stack[sb].(*goja.Object)
			}
		default:
			if sb >= 2 {
				target, _ = stack[sb-2].(*goja.Object)
			}
		}
	}
	if target == nil {
		if strings.HasPrefix(m, "%!s(PANIC=") {
			return "[object Object] is not extensible"
		}
		return ""
	}
	return notExtensibleName(rt.vm, target) + " is not extensible"
}

// notExtensibleName is o as V8's "is not extensible" message names it.
func notExtensibleName(r *goja.Runtime, o *goja.Object) string {
	if _, isFn := goja.AssertFunction(o); isFn {
		return o.String()
	}
	if o.ClassName() == "Array" {
		return "[object Array]"
	}
	if o.Prototype() == nil {
		return "[object Object]"
	}
	return modules.V8ValueWords(r, o)
}

// proxyTraps maps goja's proxy methods to the traps they run, for proxyRevokedWords.
var proxyTraps = map[string]string{
	"proto": "getPrototypeOf", "setProto": "setPrototypeOf", "isExtensible": "isExtensible",
	"preventExtensions": "preventExtensions", "defineOwnPropertyStr": "defineProperty",
	"defineOwnPropertyIdx": "defineProperty", "defineOwnPropertySym": "defineProperty",
	"hasPropertyStr": "has", "hasPropertyIdx": "has", "hasPropertySym": "has",
	"getOwnPropStr": "getOwnPropertyDescriptor", "getOwnPropIdx": "getOwnPropertyDescriptor",
	"getOwnPropSym": "getOwnPropertyDescriptor", "getStr": "get", "getIdx": "get", "getSym": "get",
	"proxySetStr": "set", "proxySetIdx": "set", "proxySetSym": "set", "deleteStr": "deleteProperty",
	"deleteIdx": "deleteProperty", "deleteSym": "deleteProperty", "proxyOwnKeys": "ownKeys",
	"apply": "apply", "construct": "construct",
}

// proxyRevokedWords is V8's message for goja's "Proxy already revoked", naming the trap the
// engine was about to run ("Cannot perform 'get' on a proxy that has been revoked"), read from
// the Go stack while the error is made; "" for any other message or when the trap is not found.
func proxyRevokedWords(m string) string {
	if m != "Proxy already revoked" {
		return ""
	}
	// (the innermost of the proxy's methods that is a trap's: checkHandler runs inside them)
	name, _ := goStackMethod(func(name string) bool { return proxyTraps[name] != "" }, "goja.(*proxyObject).")
	if trap := proxyTraps[name]; trap != "" {
		return "Cannot perform '" + trap + "' on a proxy that has been revoked"
	}
	return ""
}

// goStackMethod finds the innermost function of the calling goroutine's stack whose name holds
// one of recv (a goja type's methods, "goja.(*proxyObject).") followed by a rest that accept
// takes (nil: any): that rest, and whether one was found. It is how the engine's error words
// tell what goja was doing when it made an error.
func goStackMethod(accept func(string) bool, recv ...string) (string, bool) {
	var pcs [32]uintptr
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs[:])])
	for {
		f, more := frames.Next()
		for _, r := range recv {
			if _, name, ok := strings.Cut(f.Function, r); ok && (accept == nil || accept(name)) {
				return name, true
			}
		}
		if !more {
			return "", false
		}
	}
}

// arrayElementWords is V8's message for goja's failing writes and deletes of an array's element
// (a frozen array): goja's TypeError for writing a read-only element has no message, and its
// failed delete names the array by its contents. The index of a write is the first one the
// running Array.prototype method makes (V8 stops there too); "" when that method is not known.
func (rt *Runtime) arrayElementWords(m string) string {
	const arr, sparse = "goja.(*arrayObject).", "goja.(*sparseArrayObject)."
	if rest, ok := strings.CutPrefix(m, "Cannot delete property '"); ok {
		if i := strings.Index(rest, "' of "); i > 0 {
			if _, ok := goStackMethod(nil, arr+"deleteIdx", sparse+"deleteIdx"); !ok {
				return ""
			}
			return m[:len("Cannot delete property '")+i] + "' of [object Array]"
		}
		return ""
	}
	if m != "" {
		return ""
	}
	if _, ok := goStackMethod(nil, arr+"_setOwnIdx", sparse+"_setOwnIdx"); !ok {
		return ""
	}
	stack, sb, sp, callee, ok := rt.nativeCall()
	if !ok || sb < 2 {
		return ""
	}
	arg := func(i int) goja.Value {
		if sb+i < sp {
			return stack[sb+i]
		}
		return goja.Undefined()
	}
	this, _ := stack[sb-2].(*goja.Object)
	if this == nil {
		return ""
	}
	n := this.Get("length").ToInteger()
	var idx int64
	switch rt.builtinMethodName(callee) {
	case "Array.prototype.fill":
		idx = relIndex(arg(1), n)
	case "Array.prototype.copyWithin", "Array.prototype.splice":
		idx = relIndex(arg(0), n)
	case "Array.prototype.reverse", "Array.prototype.sort", "Array.prototype.shift":
	default:
		return ""
	}
	return "Cannot assign to read only property '" + strconv.FormatInt(idx, 10) + "' of object '[object Array]'"
}

// accessorWords is V8's message for a property descriptor whose get or set is not a function,
// given to Object.defineProperty or Reflect.defineProperty: "Getter must be a function: 5"
// (goja: "Value is not an object: 5" for a primitive, "getter must be a function" for an
// object). "" elsewhere.
func (rt *Runtime) accessorWords(m string) string {
	notObj := strings.HasPrefix(m, "Value is not an object: ")
	if !notObj && m != "getter must be a function" && m != "setter must be a function" {
		return ""
	}
	if _, ok := goStackMethod(nil, "goja.(*Runtime).toPropertyDescriptor"); !ok {
		return ""
	}
	stack, sb, sp, callee, ok := rt.nativeCall()
	if !ok || sb+2 >= sp {
		return ""
	}
	switch rt.builtinMethodName(callee) {
	case "Object.defineProperty", "Reflect.defineProperty":
	default:
		return ""
	}
	desc, _ := stack[sb+2].(*goja.Object)
	if desc == nil {
		return ""
	}
	for _, a := range [...]struct{ key, word string }{{"get", "Getter"}, {"set", "Setter"}} {
		v := desc.Get(a.key)
		if v == nil || goja.IsUndefined(v) {
			continue
		}
		if _, callable := goja.AssertFunction(v); callable {
			continue
		}
		if notObj || m == a.key+"ter must be a function" {
			return a.word + " must be a function: " + modules.V8ValueWords(rt.vm, v)
		}
	}
	return ""
}

// isModuleNamespace reports whether o is shaped as an ES module's namespace object: no prototype,
// and "Module" as its own Symbol.toStringTag.
func isModuleNamespace(o *goja.Object) bool {
	if o.Prototype() != nil {
		return false
	}
	tag := o.GetSymbol(goja.SymToStringTag)
	return tag != nil && tag.ExportType() != nil && tag.String() == "Module"
}
