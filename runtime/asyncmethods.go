package runtime

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// installAsyncMethodsHelper defines the global function that code rewritten by
// modules.FixAsyncMethods calls with each class (from a static block) and object literal that
// has async methods: it gives those methods AsyncFunction.prototype, which goja leaves out. An
// async method is told by its source text (goja's Function.prototype.toString gives a method's
// own text: "async m() {...}"); accessors are read as descriptors, never called. Installed before
// the first script whose text names async (noteScriptSource), as a hidden binding of the global
// scope (defineHiddenGlobal).
func (rt *Runtime) installAsyncMethodsHelper() {
	rt.asyncMethodsFixed = true
	vm := rt.vm
	fn, ok := runFactory(vm, asyncMethodsProgram())
	if !ok {
		return
	}
	defineHiddenGlobal(vm, modules.AsyncMethodsHelper, fn)
}

var asyncMethodsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("asyncmethods.js", asyncMethodsJS, true)
})

const asyncMethodsJS = `(function () {
  'use strict';
  const getDesc = Object.getOwnPropertyDescriptor, ownKeys = Reflect.ownKeys, apply = Reflect.apply;
  const getProto = Object.getPrototypeOf, setProto = Object.setPrototypeOf;
  const fnToString = Function.prototype.toString, FunctionProto = Function.prototype;
  const AsyncFunctionProto = getProto(async function () {});
  const space = /\s/;
  // isAsync: the text of a method begins with the word async and a name (not "async(": a method
  // named async)
  function isAsync(f) {
    const s = apply(fnToString, f, []);
    if (s.length < 6 || s.slice(0, 5) !== 'async') return false;
    let i = 5;
    while (i < s.length && space.test(s[i])) i++;
    if (i === 5) return s[5] === '[' || s[5] === '"' || s[5] === "'";
    return s[i] !== '(';
  }
  function fix(t) {
    const keys = ownKeys(t);
    for (let i = 0; i < keys.length; i++) {
      const d = getDesc(t, keys[i]);
      const f = d !== undefined ? d.value : undefined;
      if (typeof f === 'function' && getProto(f) === FunctionProto && isAsync(f)) setProto(f, AsyncFunctionProto);
    }
  }
  return function asyncMethods(o) {
    if ((typeof o === 'object' && o !== null) || typeof o === 'function') {
      fix(o);
      if (typeof o === 'function') {
        const p = getDesc(o, 'prototype');
        if (p !== undefined && typeof p.value === 'object' && p.value !== null) fix(p.value);
      }
    }
    return o;
  };
})`
