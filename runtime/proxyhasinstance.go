package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Function.prototype[Symbol.hasInstance] cannot see through a Proxy: `x instanceof P`
// for a proxy P of a function throws "Expecting a function in instanceof check" where V8 runs
// OrdinaryHasInstance (read P.prototype through the proxy, walk x's prototype chain).
// sequelize's DataTypes are such proxies (classToInvokable) and every model definition runs
// `type instanceof DataTypes.ARRAY`. We cannot patch goja and the intrinsic is non-configurable,
// so Proxy is itself a proxy of the engine's Proxy whose construct trap, for a callable target,
// puts a forwarding handler between the proxy and the caller's handler: every trap is looked up
// on the caller's handler at each operation and called with it as `this`, as the engine does;
// the get trap alone turns the inherited intrinsic [Symbol.hasInstance] into one that works.
const proxyHasInstanceJS = `(function (NativeProxy, handlerKey) {
  'use strict';
  const FPHasInstance = Function.prototype[Symbol.hasInstance];
  const ReflectApply = Reflect.apply;
  const getPrototypeOf = Object.getPrototypeOf;
  const hasInstanceSym = Symbol.hasInstance;
  const isObject = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const hasInstance = {
    [Symbol.hasInstance](V) {
      if (typeof this !== 'function' || !isObject(V)) return false;
      const P = this.prototype;
      if (!isObject(P)) throw new TypeError("Function has non-object prototype '" + String(P) + "' in instanceof check");
      for (V = getPrototypeOf(V); V !== null; V = getPrototypeOf(V)) if (V === P) return true;
      return false;
    },
  }[Symbol.hasInstance];
  const traps = ['apply', 'construct', 'defineProperty', 'deleteProperty', 'getOwnPropertyDescriptor',
    'getPrototypeOf', 'has', 'isExtensible', 'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf'];
  // The traps are shared by every forwarding handler (a proxy costs one small object, not a
  // closure per trap): the engine calls them with the forwarding handler as this, and each reads
  // the caller's handler from it.
  const forwardProto = {
    __proto__: null,
    get(target, key, receiver) {
      const handler = this[handlerKey];
      const trap = handler.get;
      const v = trap === undefined || trap === null ? Reflect.get(target, key, receiver) : ReflectApply(trap, handler, [target, key, receiver]);
      if (key !== hasInstanceSym || v !== FPHasInstance) return v;
      // Keep the get invariant for a target owning a non-configurable @@hasInstance
      // (new Proxy(Function.prototype, {})).
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      return own !== undefined && !own.configurable ? v : hasInstance;
    },
  };
  for (const name of traps) {
    const dflt = Reflect[name];
    // (the engine's argument list of apply and construct is a view of its stack, which later
    // calls overwrite: the caller's trap gets a copy it may keep, as tRPC's callers keep theirs)
    const listAt = name === 'apply' ? 2 : name === 'construct' ? 1 : -1;
    forwardProto[name] = function () {
      const handler = this[handlerKey];
      const trap = handler[name];
      if (trap === undefined || trap === null) return ReflectApply(dflt, undefined, arguments);
      if (listAt < 0) return ReflectApply(trap, handler, arguments);
      const view = arguments[listAt], list = [];
      for (let i = 0; i < view.length; i++) list[i] = view[i];
      const args = [arguments[0], arguments[1], arguments[2]];
      args[listAt] = list;
      return ReflectApply(trap, handler, args);
    };
  }
  function forward(handler) {
    const h = { __proto__: forwardProto };
    h[handlerKey] = handler;
    return h;
  }
  const nativeRevocable = NativeProxy.revocable;
  const revocable = {
    revocable(target, handler) {
      if (typeof target !== 'function' || !isObject(handler)) return ReflectApply(nativeRevocable, NativeProxy, [target, handler]);
      return ReflectApply(nativeRevocable, NativeProxy, [target, forward(handler)]);
    },
  }.revocable;
  return new NativeProxy(NativeProxy, {
    construct(T, args, newTarget) {
      const target = args[0], handler = args[1];
      if (typeof target !== 'function' || !isObject(handler)) return Reflect.construct(T, args, newTarget);
      return new NativeProxy(target, forward(handler));
    },
    get(T, key, receiver) {
      return key === 'revocable' ? revocable : Reflect.get(T, key, receiver);
    },
  });
})`

// installProxyHasInstance makes the global Proxy the forwarding one on first use: until a script
// reads Proxy, it is an accessor (one Go function as getter and setter, as the lazy globals are),
// so a runtime that never uses Proxy does not run the wrapper's code or build Reflect.
func (rt *Runtime) installProxyHasInstance() {
	g := rt.vm.GlobalObject()
	acc := rt.proxyAccessor(g.Get("Proxy"))
	_ = g.DefineAccessorProperty("Proxy", acc, acc, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// proxyAccessor makes the getter and setter of the global Proxy (one function) over goja's.
func (rt *Runtime) proxyAccessor(native goja.Value) *goja.Object {
	vm := rt.vm
	g := vm.GlobalObject()
	var acc *goja.Object
	acc = vm.ToValue(func(c goja.FunctionCall) goja.Value {
		v := goja.Value(nil)
		if len(c.Arguments) > 0 {
			v = c.Arguments[0]
		} else {
			fnv, err := vm.RunProgram(modules.CompileOnce("node:internal/proxy", proxyHasInstanceJS))
			if err != nil {
				panic(err)
			}
			fn, _ := goja.AssertFunction(fnv)
			if v, err = fn(goja.Undefined(), native, vm.ToValue(modules.ProxyHandlerKey)); err != nil {
				panic(err)
			}
		}
		_ = g.DefineDataProperty("Proxy", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return v
	}).(*goja.Object)
	modules.NameFunc(vm, acc, "Proxy", 0)
	return acc
}
