package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// A built-in method given a receiver of the wrong kind (Map.prototype.get.call({}),
// Date.prototype.getTime.call(1), a typed array's method on an array) throws in V8 with words
// that name the method as V8 knows it and, mostly, the receiver itself; goja words it its own way
// ("Value is not an object: 1", "Object is not a Map", "this is not a typed array." everywhere).
// receiverRefusalOf knows, for each such built-in of the runtime, V8's name and form of words.

// receiverRefusal is how V8 words a built-in's refusal of its receiver.
type receiverRefusal struct {
	name string // V8's name of the built-in: "Map.prototype.get", "get TypedArray.prototype.length"
	form refusalForm
}

type refusalForm uint8

const (
	refuseMethod     refusalForm = iota // Method NAME called on incompatible receiver WORDS
	refuseUndefined                     // the same, with undefined for any receiver (node 20's V8: DataView's, subarray)
	refuseTypedArray                    // this is not a typed array.
	refuseDate                          // this is not a Date object.
	refuseRequires                      // NAME requires that 'this' be a KIND (KIND: the name's constructor)
	refuseNonObject                     // NAME called on non-object
	refuseRegExpFlag                    // NAME getter called on non-RegExp object (NAME: RegExp.prototype.global)
	refuseFlags                         // NAME getter called on non-object WORDS (RegExp.prototype.flags)
)

// words is V8's message for the refusal of receiver this.
func (r receiverRefusal) words(vm *goja.Runtime, this goja.Value) string {
	switch r.form {
	case refuseUndefined:
		return "Method " + r.name + " called on incompatible receiver undefined"
	case refuseTypedArray:
		return "this is not a typed array."
	case refuseDate:
		return "this is not a Date object."
	case refuseRequires:
		kind, _, _ := strings.Cut(r.name, ".")
		return r.name + " requires that 'this' be a " + kind
	case refuseNonObject:
		return r.name + " called on non-object"
	case refuseRegExpFlag:
		return r.name + " getter called on non-RegExp object"
	case refuseFlags:
		return r.name + " getter called on non-object " + modules.V8ValueWords(vm, this)
	}
	return "Method " + r.name + " called on incompatible receiver " + modules.V8ValueWords(vm, this)
}

// refusedReceiver reports whether goja's message m, made inside a built-in called on this, is
// goja's refusal of the receiver (and not some other failure of the call).
func refusedReceiver(m string, this goja.Value) bool {
	if _, isObj := this.(*goja.Object); !isObj {
		if this == nil || goja.IsUndefined(this) || goja.IsNull(this) {
			if m == "Value is not object coercible" || m == "Cannot convert undefined or null to object" {
				return true
			}
		}
		if this != nil && m == "Value is not an object: "+this.String() {
			return true
		}
	}
	return kindRefusal(m)
}

// kindRefusal reports whether m is goja's refusal of a receiver of the wrong kind.
func kindRefusal(m string) bool {
	return strings.Contains(m, "called on incompatible receiver") || m == "this is not a typed array." ||
		strings.HasSuffix(m, " is not a valid TypedArray") || m == "Object is not a Map" || m == "Object is not a Set" ||
		m == "Value is not a Symbol" || strings.HasSuffix(m, " requires that 'this' be a Symbol")
}

// receiverRefusalOf is fn's entry, made for the runtime's built-ins on first use.
func (rt *Runtime) receiverRefusalOf(fn *goja.Object) (receiverRefusal, bool) {
	if rt.refusals == nil {
		rt.refusals = map[*goja.Object]receiverRefusal{}
		rt.addRefusals()
	}
	r, ok := rt.refusals[fn]
	return r, ok
}

func (rt *Runtime) addRefusals() {
	vm := rt.vm
	g := vm.GlobalObject()
	// symbolsOf is Object.getOwnPropertySymbols(o) (goja's Symbols lists the enumerable ones only)
	symbolsOf := func(o *goja.Object) []goja.Value {
		object, _ := g.Get("Object").(*goja.Object)
		if object == nil {
			return nil
		}
		f, ok := goja.AssertFunction(object.Get("getOwnPropertySymbols"))
		if !ok {
			return nil
		}
		v, err := f(object, o)
		if err != nil {
			return nil
		}
		var out []goja.Value
		if a, ok := v.(*goja.Object); ok {
			for _, k := range a.Keys() {
				out = append(out, a.Get(k))
			}
		}
		return out
	}
	// each walks proto's own methods and accessors: key as V8 prints it after the prototype's name
	// ("get" for the getter of "size", "[Symbol.iterator]" as " [ @@iterator ]"), and the function
	each := func(proto *goja.Object, f func(key string, getter bool, fn *goja.Object)) {
		if proto == nil {
			return
		}
		visit := func(key string, kv goja.Value) {
			d := modules.OwnDescriptor(vm, proto, kv)
			if d == nil {
				return
			}
			if fn, ok := d.Get("value").(*goja.Object); ok {
				if _, isFn := goja.AssertFunction(fn); isFn {
					f(key, false, fn)
				}
			}
			if get, ok := d.Get("get").(*goja.Object); ok {
				f(key, true, get)
			}
		}
		for _, k := range proto.GetOwnPropertyNames() {
			if k != "constructor" {
				visit(k, vm.ToValue(k))
			}
		}
		for _, sv := range symbolsOf(proto) {
			if sym, ok := sv.(*goja.Symbol); ok { // (V8 prints Symbol.iterator as " [ @@iterator ]")
				visit(" [ @@"+strings.TrimPrefix(sym.String(), "Symbol.")+" ]", sym)
			}
		}
	}
	join := func(base, key string) string {
		if strings.HasPrefix(key, " ") {
			return base + key
		}
		return base + "." + key
	}
	set := func(fn *goja.Object, name string, form refusalForm) {
		if _, taken := rt.refusals[fn]; !taken { // (an alias keeps its first name: toGMTString is toUTCString)
			rt.refusals[fn] = receiverRefusal{name, form}
		}
	}
	// the keyed collections, Date (less what glue words: Annex B's and Intl's), RegExp's methods,
	// Error.prototype.toString
	for _, c := range [...]string{"Map", "Set", "WeakMap", "WeakSet", "Date"} {
		base := c + ".prototype"
		each(builtinProto(vm, c), func(key string, getter bool, fn *goja.Object) {
			switch {
			case c == "Date" && (key == "getYear" || key == "setYear" || strings.HasPrefix(key, "toLocale") || key == "toJSON"):
				// (glue words Annex B's and Intl's; toJSON takes any object)
			case getter:
				set(fn, "get "+join(base, key), refuseMethod)
			case c == "Date" && (strings.HasPrefix(key, "get") || key == "valueOf"):
				set(fn, join(base, key), refuseDate)
			default:
				set(fn, join(base, key), refuseMethod)
			}
		})
	}
	each(builtinProto(vm, "RegExp"), func(key string, getter bool, fn *goja.Object) {
		switch {
		case getter && key == "flags":
			set(fn, "RegExp.prototype.flags", refuseFlags)
		case getter:
			set(fn, "RegExp.prototype."+key, refuseRegExpFlag)
		case key == "exec" || key == "toString" || key == "compile":
			set(fn, "RegExp.prototype."+key, refuseMethod)
		}
	})
	if p := builtinProto(vm, "Promise"); p != nil {
		if fn, ok := p.Get("finally").(*goja.Object); ok {
			set(fn, "Promise.prototype.finally", refuseNonObject)
		}
	}
	if p := builtinProto(vm, "Error"); p != nil {
		if fn, ok := p.Get("toString").(*goja.Object); ok {
			set(fn, "Error.prototype.toString", refuseMethod)
		}
	}
	if p := builtinProto(vm, "Function"); p != nil {
		if fn, ok := p.Get("toString").(*goja.Object); ok {
			set(fn, "Function.prototype.toString", refuseRequires)
		}
	}
	each(builtinProto(vm, "Symbol"), func(key string, getter bool, fn *goja.Object) {
		set(fn, join("Symbol.prototype", key), refuseRequires)
	})
	// the typed arrays' shared methods: most say only "this is not a typed array."
	if u8 := builtinProto(vm, "Uint8Array"); u8 != nil {
		each(u8.Prototype(), func(key string, getter bool, fn *goja.Object) {
			switch {
			case getter && key == "buffer":
				set(fn, "get %TypedArray%.prototype.buffer", refuseMethod)
			case getter && (key == "byteLength" || key == "byteOffset" || key == "length"):
				set(fn, "get TypedArray.prototype."+key, refuseMethod)
			case getter, key == "toString": // (Array.prototype.toString itself)
			case key == "subarray":
				set(fn, "%TypedArray%.prototype.subarray", refuseUndefined)
			case key == "at" || key == "join" || key == "slice" || key == "sort" || key == "toReversed" || key == "toSorted":
				set(fn, "%TypedArray%.prototype."+key, refuseMethod)
			default:
				set(fn, "%TypedArray%.prototype."+key, refuseTypedArray)
			}
		})
	}
	each(builtinProto(vm, "DataView"), func(key string, getter bool, fn *goja.Object) {
		if getter {
			switch key { // (node 20's V8 names two of them so)
			case "byteLength":
				key = "byte_length"
			case "byteOffset":
				key = "byte_offset"
			}
			set(fn, "get DataView.prototype."+key, refuseUndefined)
		} else {
			set(fn, "DataView.prototype."+key, refuseUndefined)
		}
	})
	// the built-in iterators' next (a generator's next, return and throw: goja's message names the
	// method, and builtinMethodWords adds the receiver)
	iterProto := func(of goja.Value) *goja.Object {
		o := of.ToObject(vm)
		f, ok := goja.AssertFunction(o.GetSymbol(goja.SymIterator))
		if !ok {
			return nil
		}
		it, err := f(of)
		if err != nil {
			return nil
		}
		io, _ := it.(*goja.Object)
		if io == nil {
			return nil
		}
		return io.Prototype()
	}
	newOf := func(ctor string) goja.Value {
		if c, ok := g.Get(ctor).(*goja.Object); ok {
			if o, err := vm.New(c); err == nil {
				return o
			}
		}
		return goja.Undefined()
	}
	for _, it := range [...]struct {
		name string
		of   goja.Value
	}{{"Array Iterator", vm.NewArray()}, {"Map Iterator", newOf("Map")}, {"Set Iterator", newOf("Set")}, {"String Iterator", vm.ToValue("")}} {
		if _, isObj := it.of.(*goja.Object); !isObj && goja.IsUndefined(it.of) {
			continue
		}
		each(iterProto(it.of), func(key string, getter bool, fn *goja.Object) {
			if !getter && key == "next" {
				set(fn, it.name+".prototype.next", refuseMethod)
			}
		})
	}
}
