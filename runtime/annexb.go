package runtime

import (
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// ECMAScript's Annex B methods that V8 has and goja lacks: String.prototype's HTML methods
// (anchor, big, blink, bold, fixed, fontcolor, fontsize, italics, link, small, strike, sub, sup)
// and Date.prototype's getYear, setYear and toGMTString (the same function as toUTCString).
// They join the prototypes' templates (prototemplate.go), so a runtime makes one only when a
// script reads it.

// htmlMethods maps each HTML method to its tag and the attribute its argument fills ("" for
// none).
var htmlMethods = map[string][2]string{
	"anchor": {"a", "name"}, "big": {"big", ""}, "blink": {"blink", ""}, "bold": {"b", ""},
	"fixed": {"tt", ""}, "fontcolor": {"font", "color"}, "fontsize": {"font", "size"},
	"italics": {"i", ""}, "link": {"a", "href"}, "small": {"small", ""}, "strike": {"strike", ""},
	"sub": {"sub", ""}, "sup": {"sup", ""},
}

func makeHTMLMethod(rt *Runtime, _ *goja.Object, m *protoMethod) *goja.Object {
	vm := rt.vm
	tag, attr := htmlMethods[m.name][0], htmlMethods[m.name][1]
	name := m.name
	return modules.Func(vm, name, m.length, func(c goja.FunctionCall) goja.Value {
		if goja.IsUndefined(c.This) || goja.IsNull(c.This) {
			panic(vm.NewTypeError("String.prototype." + name + " called on null or undefined"))
		}
		s := symbolThrowingString(vm, c.This)
		var b strings.Builder
		b.WriteString("<" + tag)
		if attr != "" {
			b.WriteString(" " + attr + `="` + strings.ReplaceAll(symbolThrowingString(vm, c.Argument(0)), `"`, "&quot;") + `"`)
		}
		b.WriteString(">" + s + "</" + tag + ">")
		return vm.ToValue(b.String())
	})
}

func makeDateLegacy(rt *Runtime, proto *goja.Object, m *protoMethod) *goja.Object {
	vm := rt.vm
	call := func(this goja.Value, method string, args ...goja.Value) goja.Value {
		fn, _ := goja.AssertFunction(proto.Get(method))
		if fn == nil {
			panic(vm.NewTypeError("this is not a Date object."))
		}
		v, err := fn(this, args...)
		if err != nil {
			panic(err)
		}
		return v
	}
	checkDate := func(this goja.Value, method string) {
		o, ok := this.(*goja.Object)
		if ok && o.ClassName() == "Date" {
			return
		}
		panic(vm.NewTypeError("Method Date.prototype." + method + " called on incompatible receiver " + modules.V8ValueWords(vm, this)))
	}
	switch m.name {
	case "toGMTString":
		if o, ok := proto.Get("toUTCString").(*goja.Object); ok {
			return o
		}
	case "getYear":
		return modules.Func(vm, "getYear", 0, func(c goja.FunctionCall) goja.Value {
			checkDate(c.This, "getYear")
			y := call(c.This, "getFullYear").ToFloat()
			return vm.ToValue(y - 1900)
		})
	}
	return modules.Func(vm, "setYear", 1, func(c goja.FunctionCall) goja.Value {
		checkDate(c.This, "setYear")
		y := c.Argument(0).ToFloat()
		if math.IsNaN(y) {
			return call(c.This, "setTime", vm.ToValue(math.NaN()))
		}
		if yi := math.Trunc(y); yi >= 0 && yi <= 99 {
			y = 1900 + yi
		}
		if math.IsNaN(call(c.This, "getTime").ToFloat()) {
			call(c.This, "setTime", vm.ToValue(0))
			// local time +0, as the spec's LocalTime(t) for an invalid date
			off := call(c.This, "getTimezoneOffset").ToFloat()
			call(c.This, "setTime", vm.ToValue(off*60000))
		}
		return call(c.This, "setFullYear", vm.ToValue(y))
	})
}

// installAnnexB defines the methods at start, for when the prototypes' templates cannot be used.
func (rt *Runtime) installAnnexB() {
	for k := range protoKinds {
		kind := &protoKinds[k]
		if kind.ctor != "String" && kind.ctor != "Date" {
			continue
		}
		ctor, ok := rt.vm.Get(kind.ctor).(*goja.Object)
		if !ok {
			continue
		}
		proto, ok := ctor.Get("prototype").(*goja.Object)
		if !ok {
			continue
		}
		for i := range kind.methods {
			m := &kind.methods[i]
			if _, html := htmlMethods[m.name]; html || m.name == "getYear" || m.name == "setYear" || m.name == "toGMTString" {
				_ = proto.DefineDataProperty(m.name, m.make(rt, proto, m), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
	}
}

// symbolThrowingString is ToString(v): a symbol throws, as in V8.
func symbolThrowingString(vm *goja.Runtime, v goja.Value) string {
	if isSymbolValue(v) {
		panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

func isSymbolValue(v goja.Value) bool {
	_, ok := v.(*goja.Symbol)
	return ok
}
