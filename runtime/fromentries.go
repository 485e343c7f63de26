package runtime

import (
	"strconv"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Object.fromEntries reads each entry's key with a Go nil for a missing index 0 and then
// dereferences it, so the process dies of a nil pointer panic on an entry without a "0"
// property: Object.fromEntries([[, 1]]), [{}], a generator yielding [, 1] (node: a key
// "undefined"). Its errors for bad input are worded its own way too ("Value is not object
// coercible" where V8 says "undefined is not iterable"). installFromEntries (before the first
// script whose text names fromEntries: noteScriptSource) replaces it with a native-looking
// function that keeps goja's own for the common inputs it handles right and fast (an array of
// entries that all have index 0, iterated by Array.prototype's own iterator, or a Map iterated
// by Map.prototype's) and otherwise runs fromEntriesJS, which follows the spec's steps
// (iterator protocol, CreateDataProperty, IteratorClose on an abrupt entry) with V8's messages.

var fromEntriesProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("fromentries.js", fromEntriesJS, true)
})

const fromEntriesJS = `(function () {
  'use strict';
  const SymbolIterator = Symbol.iterator;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const String_ = String;
  function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
  function describe(v) {
    const t = typeof v;
    if (t === 'number' || t === 'boolean') return t + ' ' + String_(v);
    return t;
  }
  return function fromEntries(iterable) {
    if (iterable === undefined || iterable === null) throw new TypeError('undefined is not iterable');
    const method = iterable[SymbolIterator];
    if (typeof method !== 'function') {
      throw new TypeError(describe(iterable) + ' is not iterable (cannot read property Symbol(Symbol.iterator))');
    }
    const it = apply(method, iterable, []);
    if (!isObject(it)) throw new TypeError('Result of the Symbol.iterator method is not an object');
    const next = it.next;
    const obj = {};
    for (;;) {
      if (typeof next !== 'function') throw new TypeError(String_(next) + ' is not a function');
      const r = apply(next, it, []);
      if (!isObject(r)) throw new TypeError('Iterator result ' + String_(r) + ' is not an object');
      if (r.done) return obj;
      const entry = r.value;
      try {
        if (!isObject(entry)) {
          throw new TypeError('Iterator value ' + (typeof entry === 'symbol' ? entry.toString() : String_(entry)) + ' is not an entry object');
        }
        const k = entry[0];
        const v = entry[1];
        defineProperty(obj, k, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
      } catch (e) {
        try {
          const ret = it.return;
          if (ret !== undefined && ret !== null) apply(ret, it, []);
        } catch {}
        throw e;
      }
    }
  };
})`

func (rt *Runtime) installFromEntries() {
	rt.fromEntriesFixed = true
	vm := rt.vm
	object, ok := vm.Get("Object").(*goja.Object)
	if !ok {
		return
	}
	orig, ok := goja.AssertFunction(object.Get("fromEntries"))
	if !ok {
		return
	}
	jsv, ok := runFactory(vm, fromEntriesProgram())
	if !ok {
		return
	}
	js, ok := goja.AssertFunction(jsv)
	if !ok {
		return
	}
	var arrayIter, mapIter goja.Value
	if p := builtinProto(vm, "Array"); p != nil {
		arrayIter = p.GetSymbol(goja.SymIterator)
	}
	if p := builtinProto(vm, "Map"); p != nil {
		mapIter = p.GetSymbol(goja.SymIterator)
	}
	// native reports whether goja's own fromEntries handles arg as node does.
	native := func(arg goja.Value) bool {
		o, ok := arg.(*goja.Object)
		if !ok {
			return false
		}
		switch o.ClassName() {
		case "Map":
			return mapIter != nil && o.GetSymbol(goja.SymIterator) == mapIter
		case "Array":
			if arrayIter == nil || o.GetSymbol(goja.SymIterator) != arrayIter {
				return false
			}
			n := o.Get("length").ToInteger()
			for i := int64(0); i < n; i++ {
				e, ok := o.Get(strconv.FormatInt(i, 10)).(*goja.Object)
				if !ok || e.Get("0") == nil {
					return false
				}
			}
			return true
		}
		return false
	}
	fn := modules.Func(vm, "fromEntries", 1, func(call goja.FunctionCall) goja.Value {
		f := js
		if native(call.Argument(0)) {
			f = orig
		}
		return callThrowing(f, goja.Undefined(), call.Arguments...)
	})
	_ = object.DefineDataProperty("fromEntries", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
