package vm

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// scopeTraps are the traps of a context's scope proxy: every name its code reads or assigns
// outside its own functions' scopes asks them (the evaluator's `with`), so the common cases
// are answered here in Go, not by a JS handler's functions (a JS trap is a call into the
// engine: it made reading a context's name, Math or a sandbox property, ~5x slower than an
// empty handler). What they do not answer goes to handler's JS traps (vm.js makeProxy's),
// which say what the scope is; the fast paths here answer as they would:
//   - has: a name the sandbox has (own or inherited) is the scope's; one it lacks is the
//     scope's (read as node's global would: a ReferenceError or the context's built-in) but
//     for the intrinsics the evaluator's outer scope answers and the evaluator's own names;
//   - get: a name the sandbox has, other than the few the handler gives its own value
//     (globalThis, eval, Function, the evalName), is the sandbox's value; Symbol.unscopables
//     is none (every name in the scope is visible);
//   - set: an assignment the sandbox takes is done (one it refuses goes to the handler, which
//     throws in strict code).
type scopeTraps struct {
	h               *modules.Host
	handler         *goja.Object
	jsHas, jsGet    goja.Callable
	jsSet, jsDelete goja.Callable
	reflectHas      goja.Callable
	reflectSet      goja.Callable
	reflectOwn      goja.Callable
	reflectExt      goja.Callable
	isGlobal, gated bool
	// refused: the context's global holds names its non-extensible object refused (vm.js's
	// keepRefused, which says so through the handler's markRefused): a built-in among them is
	// read there, by the JS get
	refused    bool
	intrinsics map[string]bool
}

func newScopeProxy(h *modules.Host, call goja.FunctionCall) goja.Value {
	vm := h.VM
	target, ok := call.Argument(0).(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	if _, isProxy := modules.ExportAs[goja.Proxy](target); isProxy {
		return goja.Undefined()
	}
	handler := call.Argument(1).ToObject(vm)
	t := &scopeTraps{h: h, handler: handler, isGlobal: call.Argument(2).ToBoolean(), gated: call.Argument(3).ToBoolean()}
	var ok1, ok2, ok3, ok4 bool
	t.jsHas, ok1 = goja.AssertFunction(handler.Get("has"))
	t.jsGet, ok2 = goja.AssertFunction(handler.Get("get"))
	t.jsSet, ok3 = goja.AssertFunction(handler.Get("set"))
	t.jsDelete, ok4 = goja.AssertFunction(handler.Get("deleteProperty"))
	reflect, _ := vm.Get("Reflect").(*goja.Object)
	if !ok1 || !ok2 || !ok3 || !ok4 || reflect == nil {
		return goja.Undefined()
	}
	var ok5, ok6, ok7, ok8 bool
	t.reflectHas, ok5 = goja.AssertFunction(reflect.Get("has"))
	t.reflectSet, ok6 = goja.AssertFunction(reflect.Get("set"))
	t.reflectOwn, ok7 = goja.AssertFunction(reflect.Get("getOwnPropertyDescriptor"))
	t.reflectExt, ok8 = goja.AssertFunction(reflect.Get("isExtensible"))
	if !ok5 || !ok6 || !ok7 || !ok8 {
		return goja.Undefined()
	}
	t.intrinsics = map[string]bool{}
	if list, ok := call.Argument(4).(*goja.Object); ok {
		for _, k := range list.Keys() {
			t.intrinsics[list.Get(k).String()] = true
		}
	}
	handler.Set("markRefused", func() { t.refused = true })
	p := vm.NewProxy(target, &goja.ProxyTrapConfig{
		Has:            t.has,
		Get:            t.get,
		GetSym:         t.getSym,
		Set:            t.set,
		SetSym:         t.setSym,
		DeleteProperty: t.deleteProperty,
		// (asked by the engine's check of a strict assignment to a name of the scope)
		GetOwnPropertyDescriptor: t.getOwnPropertyDescriptor,
	})
	return vm.ToValue(p)
}

// call calls a JS trap or Reflect function; what it throws is thrown on.
func (t *scopeTraps) call(fn goja.Callable, args ...goja.Value) goja.Value {
	at := t.h.Mark()
	v, err := fn(t.handler, args...)
	if err != nil {
		t.h.Repanic(err, at)
	}
	return v
}

func (t *scopeTraps) sandboxHas(target *goja.Object, k goja.Value) bool {
	return t.call(t.reflectHas, target, k).ToBoolean()
}

func (t *scopeTraps) has(target *goja.Object, k string) bool {
	key := t.h.VM.ToValue(k)
	if t.sandboxHas(target, key) {
		return true
	}
	switch {
	case k == evalName:
		return t.isGlobal
	case t.gated && (k == "eval" || k == "Function"):
		return true
	case t.isGlobal && k == "Function":
		return true
	case strings.HasPrefix(k, "__gojsVm") || k == importName || strings.HasPrefix(k, "%gojs_") ||
		k == modules.RecursionBudgetSource || k == modules.RecursionCheckSource ||
		k == modules.RecursionBudget || k == modules.RecursionCheckParam:
		return false // (the runtime's: %gojs_pow, the helpers rewritten code calls)
	case t.intrinsics[k]:
		return t.isGlobal && !outerIntrinsics[k]
	}
	return true
}

// outerIntrinsics are the intrinsics a context's scope leaves to the evaluator's outer scopes
// (vm.js's outerIntrinsics); it answers the others itself: a read off the main context's
// global when the sandbox lacks one, an assignment on the sandbox.
var outerIntrinsics = map[string]bool{"eval": true, "undefined": true, "NaN": true, "Infinity": true}

func (t *scopeTraps) get(target *goja.Object, k string, receiver goja.Value) goja.Value {
	switch k {
	case "globalThis", "eval", "Function", evalName:
	default:
		v := target.Get(k)
		if v != nil && !(t.isGlobal && v == goja.Value(target)) {
			return v
		}
		if v == nil && t.isGlobal && t.intrinsics[k] && !outerIntrinsics[k] && !t.refused {
			return t.h.VM.GlobalObject().Get(k)
		}
	}
	return t.call(t.jsGet, target, t.h.VM.ToValue(k))
}

func (t *scopeTraps) getSym(target *goja.Object, k *goja.Symbol, receiver goja.Value) goja.Value {
	if k == goja.SymUnscopables {
		return goja.Undefined()
	}
	return t.call(t.jsGet, target, k)
}

func (t *scopeTraps) set(target *goja.Object, k string, v, receiver goja.Value) bool {
	key := t.h.VM.ToValue(k)
	if t.call(t.reflectSet, target, key, v).ToBoolean() {
		return true
	}
	return t.call(t.jsSet, target, key, v).ToBoolean()
}

func (t *scopeTraps) setSym(target *goja.Object, k *goja.Symbol, v, receiver goja.Value) bool {
	return t.call(t.jsSet, target, k, v).ToBoolean()
}

func (t *scopeTraps) deleteProperty(target *goja.Object, k string) bool {
	return t.call(t.jsDelete, target, t.h.VM.ToValue(k)).ToBoolean()
}

// getOwnPropertyDescriptor answers the engine's check, before a strict assignment to a name
// the scope holds, that the name is still the scope's own (it asks no has trap): a sandbox
// property is (its own descriptor, or a plain one for an inherited property), and so is a
// built-in the sandbox lacks, which the assignment sets on the sandbox as node's global's
// interceptor does ("use strict"; Math = 2 threw a ReferenceError). A name that is none of
// these is not, and the assignment throws node's ReferenceError.
func (t *scopeTraps) getOwnPropertyDescriptor(target *goja.Object, k string) goja.PropertyDescriptor {
	vm := t.h.VM
	key := vm.ToValue(k)
	if d, ok := t.call(t.reflectOwn, target, key).(*goja.Object); ok {
		return ownDescriptor(d)
	}
	builtin := t.isGlobal && t.intrinsics[k] && !outerIntrinsics[k]
	if !builtin && !t.sandboxHas(target, key) {
		return goja.PropertyDescriptor{}
	}
	if !builtin && !t.inheritedWritable(target, key) {
		// (an inherited read-only or getter-only property: node's strict assignment of the name
		// throws a ReferenceError)
		return goja.PropertyDescriptor{}
	}
	// (a property the target lacks can be reported only while the target is extensible)
	if !t.call(t.reflectExt, target).ToBoolean() {
		return goja.PropertyDescriptor{}
	}
	return goja.PropertyDescriptor{Value: goja.Undefined(), Writable: goja.FLAG_TRUE, Enumerable: goja.FLAG_TRUE, Configurable: goja.FLAG_TRUE}
}

// inheritedWritable reports whether an assignment could change k, a property the target
// inherits: the nearest one along its prototypes is a writable data property or has a setter.
func (t *scopeTraps) inheritedWritable(target *goja.Object, k goja.Value) bool {
	for p := target.Prototype(); p != nil; p = p.Prototype() {
		d, ok := t.call(t.reflectOwn, p, k).(*goja.Object)
		if !ok {
			continue
		}
		if set := d.Get("set"); set != nil {
			return !goja.IsUndefined(set)
		}
		if d.Get("get") != nil {
			return false
		}
		return d.Get("writable").ToBoolean()
	}
	return true
}

// ownDescriptor is d, a descriptor object Reflect.getOwnPropertyDescriptor gave, as a
// goja.PropertyDescriptor.
func ownDescriptor(d *goja.Object) goja.PropertyDescriptor {
	flag := func(name string) goja.Flag {
		if d.Get(name).ToBoolean() {
			return goja.FLAG_TRUE
		}
		return goja.FLAG_FALSE
	}
	pd := goja.PropertyDescriptor{Enumerable: flag("enumerable"), Configurable: flag("configurable")}
	get, set := d.Get("get"), d.Get("set")
	if get != nil || set != nil {
		pd.Getter, pd.Setter = get, set
		if pd.Configurable == goja.FLAG_FALSE {
			// (the engine's check of a non-configurable accessor's descriptor refuses the very
			// functions the target holds, its test being inverted: see vm.js's sealedAccessor)
			pd.Getter, pd.Setter = goja.Undefined(), goja.Undefined()
		}
		return pd
	}
	pd.Value = d.Get("value")
	pd.Writable = flag("writable")
	return pd
}
