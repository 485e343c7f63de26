package runtime

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's RegExp.prototype[Symbol.split] builds its splitter with the receiver's species
// constructor and then calls the splitter's exec without checking that there is one: with a
// receiver whose species makes something that is neither a RegExp nor has an exec (an array,
// whose species is Array; a RegExp subclass whose species returns {}), the process died of a
// nil pointer panic where node throws "Method RegExp.prototype.exec called on incompatible
// receiver [object Array]". guardRegExpSplit (with the other RegExp guards: regexpexec.go) wraps
// it: a RegExp whose constructor is RegExp itself, with RegExp's own species, goes to goja's
// own; any other receiver to the spec's steps written out below (SpeciesConstructor, the sticky
// splitter, RegExpExec with its checks), with V8's messages.

var regExpSplitProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("regexpsplit.js", regExpSplitJS, true)
})

const regExpSplitJS = `(function (isRegExp, isConstructor, describe, builtinExec, RegExpCtor) {
  'use strict';
  const apply = Reflect.apply;
  const speciesSym = Symbol.species;
  function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
  function toLength(v) {
    const n = +v;
    if (!(n > 0)) return 0;
    return n === Infinity ? 9007199254740991 : Math.min(Math.floor(n), 9007199254740991);
  }
  function regExpExec(R, S) {
    const exec = R.exec;
    if (typeof exec === 'function') {
      const result = apply(exec, R, [S]);
      if (result !== null && !isObject(result)) throw new TypeError('RegExp exec method returned something other than an Object or null');
      return result;
    }
    if (!isRegExp(R)) throw new TypeError('Method RegExp.prototype.exec called on incompatible receiver ' + describe(R));
    return apply(builtinExec, R, [S]);
  }
  function advance(S, i, unicode) {
    if (unicode && i + 1 < S.length) {
      const c = S.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF) {
        const d = S.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) return i + 2;
      }
    }
    return i + 1;
  }
  return function (rx, string, limit) {
    if (!isObject(rx)) throw new TypeError('Method RegExp.prototype.@@split called on incompatible receiver ' + describe(rx));
    const S = ` + "`${string}`" + `;
    let C = rx.constructor;
    if (C === undefined) {
      C = RegExpCtor;
    } else {
      if (!isObject(C)) throw new TypeError('The .constructor property is not an object');
      C = C[speciesSym];
      if (C === undefined || C === null) C = RegExpCtor;
      else if (!isConstructor(C)) throw new TypeError('object.constructor[Symbol.species] is not a constructor');
    }
    const flags = ` + "`${rx.flags}`" + `;
    const unicode = flags.includes('u') || flags.includes('v');
    const splitter = new C(rx, flags.includes('y') ? flags : flags + 'y');
    const A = [];
    const lim = limit === undefined ? 4294967295 : limit >>> 0;
    if (lim === 0) return A;
    const size = S.length;
    if (size === 0) {
      if (regExpExec(splitter, S) === null) A[0] = S;
      return A;
    }
    let p = 0;
    let q = 0;
    while (q < size) {
      splitter.lastIndex = q;
      const z = regExpExec(splitter, S);
      if (z === null) {
        q = advance(S, q, unicode);
        continue;
      }
      const e = Math.min(toLength(splitter.lastIndex), size);
      if (e === p) {
        q = advance(S, q, unicode);
        continue;
      }
      A[A.length] = S.slice(p, q);
      if (A.length === lim) return A;
      p = e;
      const n = toLength(z.length) - 1;
      for (let i = 1; i <= n; i++) {
        A[A.length] = z[i];
        if (A.length === lim) return A;
      }
      q = p;
    }
    A[A.length] = S.slice(p, size);
    return A;
  };
})`

// guardRegExpSplit wraps RegExp.prototype[Symbol.split] (proto is RegExp.prototype, ctor RegExp).
func (rt *Runtime) guardRegExpSplit(ctor, proto *goja.Object) {
	vm := rt.vm
	orig, ok := goja.AssertFunction(proto.GetSymbol(goja.SymSplit))
	if !ok {
		return
	}
	exec := proto.Get("exec")
	isRegExp := func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		return vm.ToValue(ok && o.ClassName() == "RegExp")
	}
	isConstructor := func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if ok {
			_, ok = goja.AssertConstructor(o)
		}
		return vm.ToValue(ok)
	}
	describe := func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(modules.V8ValueWords(vm, c.Argument(0)))
	}
	sv, ok := runFactory(vm, regExpSplitProgram(), vm.ToValue(isRegExp), vm.ToValue(isConstructor), vm.ToValue(describe), exec, ctor)
	if !ok {
		return
	}
	slow, ok := goja.AssertFunction(sv)
	if !ok {
		return
	}
	fn := modules.Func(vm, "[Symbol.split]", 2, func(call goja.FunctionCall) goja.Value {
		if o, ok := call.This.(*goja.Object); ok && o.ClassName() == "RegExp" {
			if c, ok := o.Get("constructor").(*goja.Object); ok && c == ctor && c.GetSymbol(goja.SymSpecies) == ctor {
				return callThrowing(orig, call.This, call.Arguments...)
			}
		}
		return callThrowing(slow, goja.Undefined(), call.This, call.Argument(0), call.Argument(1))
	})
	_ = proto.DeleteSymbol(goja.SymSplit) // (last, as V8 orders them)
	_ = proto.DefineDataPropertySymbol(goja.SymSplit, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
