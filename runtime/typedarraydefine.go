package runtime

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's typed arrays store a defined index's value without checking that the descriptor has
// one, so Object.defineProperty(new Uint8Array(4), 0, {}) (or { writable: true },
// { enumerable: true }, an array as the descriptor; Reflect.defineProperty and
// Object.defineProperties alike) dereferences a Go nil and the process dies of a nil pointer
// panic, where node leaves the element as it is and returns. installTypedArrayDefine (before the
// first script whose text names defineProperty or defineProperties: noteScriptSource) wraps the
// three: a target that is not a typed array goes straight to goja's own (one ExportType call, no
// allocation); for a typed array the descriptor is read as ToPropertyDescriptor does (each field
// once, in the spec's order) into a plain one, which for a valid integer index without value,
// get or set gets the element's current value, and then goes to goja's own.

var typedArrayDefineProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("typedarraydefine.js", typedArrayDefineJS, true)
})

const typedArrayDefineJS = `(function (origDefine, reflectDefine, origDefineProps, trapOf) {
  'use strict';
  const apply = Reflect.apply;
  const ownKeys = Reflect.ownKeys;
  const getOwn = Reflect.getOwnPropertyDescriptor;
  const isExtensible = Reflect.isExtensible;
  const is = Object.is;
  const String_ = String;
  const TypeError_ = TypeError;
  const fields = ['enumerable', 'configurable', 'value', 'writable', 'get', 'set'];
  function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
  function key(p) { return typeof p === 'symbol' ? p : String_(p); }
  function toDesc(o, k, attrs) {
    if (!isObject(attrs)) return attrs;
    const d = { __proto__: null };
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f in attrs) d[f] = attrs[f];
    }
    if (!('value' in d) && !('get' in d) && !('set' in d) && typeof k === 'string' && k !== '-0' && String_(+k) === k) {
      const cur = o[k];
      if (cur !== undefined) d.value = cur;
    }
    return d;
  }
  // a value as V8's descriptor errors show it
  function show(v) {
    if (typeof v === 'symbol') return v.toString();
    if (!isObject(v)) return String_(v);
    const c = v.constructor;
    return '#<' + (typeof c === 'function' && typeof c.name === 'string' && c.name !== '' ? c.name : 'Object') + '>';
  }
  // ToPropertyDescriptor: attrs's fields read once each, in the spec's order, checked
  function toRecord(attrs) {
    if (!isObject(attrs)) throw new TypeError_('Property description must be an object: ' + show(attrs));
    const d = { __proto__: null };
    if ('enumerable' in attrs) d.enumerable = !!attrs.enumerable;
    if ('configurable' in attrs) d.configurable = !!attrs.configurable;
    if ('value' in attrs) d.value = attrs.value;
    if ('writable' in attrs) d.writable = !!attrs.writable;
    if ('get' in attrs) {
      const g = attrs.get;
      if (g !== undefined && typeof g !== 'function') throw new TypeError_('Getter must be a function: ' + show(g));
      d.get = g;
    }
    if ('set' in attrs) {
      const s = attrs.set;
      if (s !== undefined && typeof s !== 'function') throw new TypeError_('Setter must be a function: ' + show(s));
      d.set = s;
    }
    if (('get' in d || 'set' in d) && ('value' in d || 'writable' in d)) {
      throw new TypeError_('Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, ' + show(attrs));
    }
    return d;
  }
  // FromPropertyDescriptor: a fresh object with the record's fields, in the spec's order
  function fromRecord(d) {
    const o = {};
    if ('value' in d) o.value = d.value;
    if ('writable' in d) o.writable = d.writable;
    if ('get' in d) o.get = d.get;
    if ('set' in d) o.set = d.set;
    if ('enumerable' in d) o.enumerable = d.enumerable;
    if ('configurable' in d) o.configurable = d.configurable;
    return o;
  }
  // IsCompatiblePropertyDescriptor(ext, d, cur), cur a property's descriptor object
  function compatible(ext, d, cur) {
    if (cur === undefined) return ext;
    if (cur.configurable) return true;
    if (d.configurable === true) return false;
    if ('enumerable' in d && d.enumerable !== cur.enumerable) return false;
    const accessor = 'get' in d || 'set' in d;
    if (!accessor && !('value' in d) && !('writable' in d)) return true;
    const curAccessor = !('value' in cur);
    if (accessor !== curAccessor) return false;
    if (curAccessor) {
      if ('get' in d && !is(d.get, cur.get)) return false;
      if ('set' in d && !is(d.set, cur.set)) return false;
    } else if (!cur.writable) {
      if (d.writable === true) return false;
      if ('value' in d && !is(d.value, cur.value)) return false;
    }
    return true;
  }
  // a proxy's [[DefineOwnProperty]](k, d) (the spec's steps, with V8's messages): goja's hands
  // the trap the caller's own descriptor object and checks the invariants wrongly (a define of
  // a non-configurable accessor the trap made as asked throws a TypeError without a message).
  // trapOf(o) is [target, handler, trap] for o, a proxy (or proxies without the trap over one)
  // whose handler has a defineProperty trap; undefined when none has (goja's own then).
  // (first: what trapOf gave for the first define of a call, asked already)
  function proxyDefine(o, k, d, reflect, first) {
    const t = first !== undefined ? first : trapOf(o);
    if (t === undefined) { // (the trap went meanwhile)
      if (reflect) return apply(reflectDefine, undefined, [o, k, fromRecord(d)]);
      apply(origDefine, undefined, [o, k, fromRecord(d)]);
      return true;
    }
    const target = t[0];
    const name = String_(k);
    if (!apply(t[2], t[1], [target, k, fromRecord(d)])) {
      if (reflect) return false;
      throw new TypeError_("'defineProperty' on proxy: trap returned falsish for property '" + name + "'");
    }
    const cur = getOwn(target, k);
    const ext = isExtensible(target);
    const configFalse = d.configurable === false;
    const nonConfigurable = "'defineProperty' on proxy: trap returned truish for defining non-configurable property '" + name +
      "' which is either non-existent or configurable in the proxy target";
    if (cur === undefined) {
      if (!ext) throw new TypeError_("'defineProperty' on proxy: trap returned truish for adding property '" + name + "'  to the non-extensible proxy target");
      if (configFalse) throw new TypeError_(nonConfigurable);
    } else {
      if (!compatible(ext, d, cur)) {
        throw new TypeError_("'defineProperty' on proxy: trap returned truish for adding property '" + name + "'  that is incompatible with the existing property in the proxy target");
      }
      if (configFalse && cur.configurable) throw new TypeError_(nonConfigurable);
      if ('value' in cur && !cur.configurable && cur.writable && d.writable === false) {
        throw new TypeError_("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" + name +
          "' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.");
      }
    }
    return true;
  }
  return [
    function defineProperty(o, p, attrs) {
      const k = key(p);
      return apply(origDefine, undefined, [o, k, toDesc(o, k, attrs)]);
    },
    function defineProperty(o, p, attrs) {
      const k = key(p);
      return apply(reflectDefine, undefined, [o, k, toDesc(o, k, attrs)]);
    },
    function defineProperties(o, props) {
      if (props === undefined || props === null) return apply(origDefineProps, undefined, [o, props]);
      const src = Object(props);
      const keys = ownKeys(src);
      const descs = [];
      for (let i = 0; i < keys.length; i++) {
        const pd = getOwn(src, keys[i]);
        if (pd !== undefined && pd.enumerable) {
          const k = keys[i];
          const attrs = src[k];
          if (!isObject(attrs)) throw new TypeError('Property description must be an object: ' + (typeof attrs === 'symbol' ? attrs.toString() : String_(attrs)));
          descs.push(k, toDesc(o, k, attrs));
        }
      }
      for (let i = 0; i < descs.length; i += 2) apply(origDefine, undefined, [o, descs[i], descs[i + 1]]);
      return o;
    },
    // Object.defineProperty, Reflect.defineProperty and Object.defineProperties on a proxy that
    // trapOf finds a trap for
    function defineProperty(first, o, p, attrs) {
      const k = key(p);
      proxyDefine(o, k, toRecord(attrs), false, first);
      return o;
    },
    function defineProperty(first, o, p, attrs) {
      const k = key(p);
      return proxyDefine(o, k, toRecord(attrs), true, first);
    },
    function defineProperties(first, o, props) {
      if (props === undefined || props === null) return apply(origDefineProps, undefined, [o, props]);
      const src = Object(props);
      const keys = ownKeys(src);
      const descs = [];
      for (let i = 0; i < keys.length; i++) {
        const pd = getOwn(src, keys[i]);
        if (pd !== undefined && pd.enumerable) descs.push(keys[i], toRecord(src[keys[i]]));
      }
      for (let i = 0; i < descs.length; i += 2) proxyDefine(o, descs[i], descs[i + 1], false, i === 0 ? first : undefined);
      return o;
    },
  ];
})`

// isTypedArrayValue reports whether v is a typed array, by the Go type goja exports it as (a
// slice of numbers; arrays export []interface{}), without exporting it.
func isTypedArrayValue(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	t := o.ExportType()
	if t == nil || t.Kind() != reflect.Slice {
		return false
	}
	switch t.Elem().Kind() {
	case reflect.Int8, reflect.Uint8, reflect.Int16, reflect.Uint16, reflect.Int32, reflect.Uint32,
		reflect.Int64, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

var proxyType = reflect.TypeFor[goja.Proxy]()

// definingProxy walks v, a proxy, through the proxies whose handlers have no defineProperty
// trap (a define on one is a define on its target) to the first whose handler has one: its
// target, handler and trap, ok false when there is none (v no proxy, a revoked one on the way:
// goja's own then defines or throws).
func definingProxy(v goja.Value) (target, handler *goja.Object, trap goja.Value, ok bool) {
	o, isObj := v.(*goja.Object)
	for isObj && o.ExportType() == proxyType {
		p, isProxy := modules.ExportAs[goja.Proxy](o)
		if !isProxy || p.Handler() == nil {
			return nil, nil, nil, false
		}
		if t := p.Handler().Get("defineProperty"); t != nil && !goja.IsUndefined(t) && !goja.IsNull(t) {
			return p.Target(), p.Handler(), t, p.Target() != nil
		}
		o = p.Target()
		isObj = o != nil
	}
	return nil, nil, nil, false
}

// trapFreeTypedArray is the typed array under v when v is a proxy (of a proxy...) of one and
// none of them has a defineProperty trap: Object.defineProperty on v then defines on the typed
// array, and goja's proxy would hand it the descriptor unchecked. Otherwise nil.
func trapFreeTypedArray(v goja.Value) *goja.Object {
	o, ok := v.(*goja.Object)
	for ok && o.ExportType() == proxyType {
		p, isProxy := modules.ExportAs[goja.Proxy](o)
		if !isProxy || p.Handler() == nil {
			return nil // (revoked: goja's own throws)
		}
		if t := p.Handler().Get("defineProperty"); t != nil && !goja.IsUndefined(t) && !goja.IsNull(t) {
			return nil
		}
		o = p.Target()
		ok = o != nil
	}
	if ok && o != v && isTypedArrayValue(o) {
		return o
	}
	return nil
}

func (rt *Runtime) installTypedArrayDefine() {
	rt.typedArrayDefineFixed = true
	vm := rt.vm
	object, ok := vm.Get("Object").(*goja.Object)
	if !ok {
		return
	}
	reflectObj, ok := vm.Get("Reflect").(*goja.Object)
	if !ok {
		return
	}
	origDefine, ok1 := goja.AssertFunction(object.Get("defineProperty"))
	origReflect, ok2 := goja.AssertFunction(reflectObj.Get("defineProperty"))
	origProps, ok3 := goja.AssertFunction(object.Get("defineProperties"))
	if !ok1 || !ok2 || !ok3 {
		return
	}
	trapOf := modules.Func(vm, "trapOf", 1, func(call goja.FunctionCall) goja.Value {
		target, handler, trap, ok := definingProxy(call.Argument(0))
		if !ok {
			return goja.Undefined()
		}
		return vm.NewArray(target, handler, trap)
	})
	lv, ok := runFactory(vm, typedArrayDefineProgram(), object.Get("defineProperty"), reflectObj.Get("defineProperty"), object.Get("defineProperties"), trapOf)
	if !ok {
		return
	}
	list, ok := lv.(*goja.Object)
	if !ok {
		return
	}
	getOwn, _ := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	wrap := func(holder *goja.Object, name string, length int, orig goja.Callable, slow, proxied goja.Value) {
		js, ok := goja.AssertFunction(slow)
		if !ok {
			return
		}
		onProxy, ok := goja.AssertFunction(proxied)
		if !ok {
			return
		}
		fn := modules.Func(vm, name, length, func(call goja.FunctionCall) goja.Value {
			target := call.Argument(0)
			if rt.envObj != nil && target == rt.envObj {
				return rt.defineOnEnv(call, length, origDefine, orig)
			}
			if isTypedArrayValue(target) {
				return callThrowing(js, goja.Undefined(), call.Arguments...)
			}
			if pt, ph, trap, ok := definingProxy(target); ok {
				args := append([]goja.Value{vm.NewArray(pt, ph, trap)}, call.Arguments...)
				return callThrowing(onProxy, goja.Undefined(), args...)
			}
			if ta := trapFreeTypedArray(target); ta != nil {
				// a proxy without a defineProperty trap defines on its target (each level's
				// handler is asked for the trap again by the spec's steps; no other trap runs)
				args := append([]goja.Value{ta}, call.Arguments[1:]...)
				v := callThrowing(js, goja.Undefined(), args...)
				if v == ta {
					return target // Object.defineProperty and defineProperties return the proxy
				}
				return v
			}
			switch {
			case getOwn == nil:
			case length == 3:
				rt.dataToAccessor(call.Argument(0), call.Argument(1), call.Argument(2), origDefine, getOwn)
			default:
				if props, ok := call.Argument(1).(*goja.Object); ok && props.ExportType() != proxyType {
					for _, k := range props.Keys() {
						rt.dataToAccessor(call.Argument(0), vm.ToValue(k), props.Get(k), origDefine, getOwn)
					}
					for _, k := range props.Symbols() {
						rt.dataToAccessor(call.Argument(0), k, props.GetSymbol(k), origDefine, getOwn)
					}
				}
			}
			return callThrowing(orig, goja.Undefined(), call.Arguments...)
		})
		_ = holder.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	wrap(object, "defineProperty", 3, origDefine, list.Get("0"), list.Get("3"))
	wrap(reflectObj, "defineProperty", 3, origReflect, list.Get("1"), list.Get("4"))
	wrap(object, "defineProperties", 2, origProps, list.Get("2"), list.Get("5"))
}

// dataToAccessor readies a define of an accessor (descriptor d) over target's own data
// property key. goja turns the property into an accessor but keeps its writable
// flag, so that assigning to one left without a setter is silently ignored in strict code
// where node throws a TypeError (mock-property's "no setter, throws"). Making the data property
// non-writable first (it is configurable, or the define is refused anyway) leaves the flag
// false; the property keeps its place among the keys. Only a plain target, a primitive key and
// a valid accessor descriptor qualify (nothing then can make the define itself fail).
func (rt *Runtime) dataToAccessor(targetV, key, desc goja.Value, define, getOwn goja.Callable) {
	target, ok := targetV.(*goja.Object)
	if !ok || target.ExportType() == proxyType {
		return
	}
	if _, isObj := key.(*goja.Object); isObj || key == nil {
		return
	}
	d, ok := desc.(*goja.Object)
	if !ok || d.ExportType() == proxyType || d.Get("value") != nil || d.Get("writable") != nil {
		return
	}
	get, set := d.Get("get"), d.Get("set")
	_, getFn := goja.AssertFunction(get)
	_, setFn := goja.AssertFunction(set)
	if !getFn && !setFn || get != nil && !getFn && !goja.IsUndefined(get) || set != nil && !setFn && !goja.IsUndefined(set) {
		return
	}
	cur, err := getOwn(goja.Undefined(), target, key)
	if err != nil {
		return
	}
	c, ok := cur.(*goja.Object)
	if !ok || c.Get("value") == nil || !c.Get("configurable").ToBoolean() || !c.Get("writable").ToBoolean() {
		return
	}
	nonWritable := rt.vm.NewObject()
	_ = nonWritable.Set("writable", false)
	_, _ = define(goja.Undefined(), target, key, nonWritable)
}
