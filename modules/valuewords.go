package modules

import (
	"reflect"

	"github.com/dop251/goja"
)

// V8ValueWords is a value as V8's messages print it without side effects (its
// NoSideEffectsToString), in "Method Map.prototype.get called on incompatible receiver #<Foo>",
// "Cannot assign to read only property 'x' of object '#<Object>'" and the like: a primitive as
// its string (a symbol as Symbol(desc)), a function by its source, an error as "Name: message",
// an object whose toString is Object.prototype's as #<Constructor> (its constructor a named
// function), any other as [object Tag] (its Symbol.toStringTag, else its class: [object Array],
// [object RegExp], [object Object] without a prototype). Only data properties are read, so no
// getter or proxy trap runs; a proxy is its target's words (a callable one native code, a
// revoked one #<Object>).
func V8ValueWords(vm *goja.Runtime, v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		if sym, isSym := v.(*goja.Symbol); isSym {
			return "Symbol(" + sym.String() + ")"
		}
		return v.String()
	}
	if IsProxy(o) {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "function () { [native code] }"
		}
		if p, ok := o.Export().(goja.Proxy); ok && p.Target() != nil {
			// V8 words a proxy as its target, read without a trap: Map.prototype.get called on
			// new Proxy([1], h) names [object Array], on a proxy of a Map #<Map>
			return V8ValueWords(vm, p.Target())
		}
		return "#<Object>"
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		return o.String()
	}
	toString := DataProperty(vm, o, vm.ToValue("toString"))
	if o.ClassName() == "Error" || isProtoMethod(vm, toString, "Error", "toString") {
		name, _ := ExportAs[string](DataProperty(vm, o, vm.ToValue("name")))
		msg, _ := ExportAs[string](DataProperty(vm, o, vm.ToValue("message")))
		return ErrorHeader(name, msg)
	}
	if isProtoMethod(vm, toString, "Object", "toString") {
		if c, ok := DataProperty(vm, o, vm.ToValue("constructor")).(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(c); isFn && !IsProxy(c) {
				if n, ok := ExportAs[string](DataProperty(vm, c, vm.ToValue("name"))); ok && n != "" {
					return "#<" + n + ">"
				}
			}
		}
	}
	tag := o.ClassName()
	if t, ok := ExportAs[string](DataProperty(vm, o, goja.SymToStringTag)); ok {
		tag = t
	} else if t := typedArrayName(vm, o); t != "" {
		tag = t // (V8's class of a typed array, a Buffer's too, is its kind)
	}
	return "[object " + tag + "]"
}

// typedArrayName is the kind of typed array o is (Uint8Array), or "": what the intrinsic
// %TypedArray%.prototype[Symbol.toStringTag] getter, which runs no user code, answers.
func typedArrayName(vm *goja.Runtime, o *goja.Object) string {
	u8, _ := vm.GlobalObject().Get("Uint8Array").(*goja.Object)
	if u8 == nil {
		return ""
	}
	proto, _ := u8.Get("prototype").(*goja.Object)
	if proto == nil || proto.Prototype() == nil {
		return ""
	}
	d := OwnDescriptor(vm, proto.Prototype(), goja.SymToStringTag)
	if d == nil {
		return ""
	}
	get, ok := goja.AssertFunction(d.Get("get"))
	if !ok {
		return ""
	}
	v, err := get(o)
	if err != nil {
		return ""
	}
	name, _ := ExportAs[string](v)
	return name
}

// ErrorHeader is an error's first line as Error.prototype.toString makes it from its name and
// message: "Name: message", or whichever of the two is not empty.
func ErrorHeader(name, msg string) string {
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

// DataProperty is the value of o's data property key, own or inherited (V8's GetDataProperty):
// undefined for an accessor, and when a proxy is met on the way (its traps are not run).
func DataProperty(vm *goja.Runtime, o *goja.Object, key goja.Value) goja.Value {
	for p := o; p != nil; p = p.Prototype() {
		if IsProxy(p) {
			return goja.Undefined()
		}
		d := OwnDescriptor(vm, p, key)
		if d == nil {
			continue
		}
		if g := d.Get("get"); g != nil {
			return goja.Undefined()
		}
		if val := d.Get("value"); val != nil {
			return val
		}
		return goja.Undefined()
	}
	return goja.Undefined()
}

// OwnDescriptor is Object.getOwnPropertyDescriptor(o, key), or nil when o has no such own
// property (or the call threw: a proxy's trap).
func OwnDescriptor(vm *goja.Runtime, o *goja.Object, key goja.Value) *goja.Object {
	object, _ := vm.Get("Object").(*goja.Object)
	if object == nil {
		return nil
	}
	get, ok := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	if !ok {
		return nil
	}
	v, err := get(goja.Undefined(), o, key)
	if err != nil {
		return nil
	}
	d, _ := v.(*goja.Object)
	return d
}

var proxyType = reflect.TypeOf(goja.Proxy{})

// IsProxy reports whether o is a Proxy (asking o.Export would read its properties through it).
func IsProxy(o *goja.Object) bool { return o.ExportType() == proxyType }

// isProtoMethod reports whether fn is the method key of the global constructor ctor's prototype.
func isProtoMethod(vm *goja.Runtime, fn goja.Value, ctor, key string) bool {
	f, ok := fn.(*goja.Object)
	if !ok {
		return false
	}
	c, ok := vm.GlobalObject().Get(ctor).(*goja.Object)
	if !ok {
		return false
	}
	proto, ok := c.Get("prototype").(*goja.Object)
	if !ok {
		return false
	}
	m, _ := proto.Get(key).(*goja.Object)
	return m != nil && m == f
}
