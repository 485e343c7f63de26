package runtime

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's Promise.any rejects, when every promise rejected, with an AggregateError it makes in Go
// without a message (node's says "All promises were rejected") and with goja's raw stack of the
// job that made it (Go function names and all). installPromiseAny (before the first script whose
// text names .any: noteScriptSource) keeps goja's own Promise.any, which does the iteration and
// the reactions, and hands it a stand-in for the receiver: a constructor that makes the
// receiver's promise with an executor whose reject gives such an error node's message and
// stack (V8's shows no frames: it is made in the promise machinery). The stand-in's resolve is
// the receiver's, so the promises, their order and their ticks are goja's.

var promiseAnyProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("promiseany.js", promiseAnyJS, true)
})

const promiseAnyJS = `(function (nativeAny, aggregateProto) {
  'use strict';
  const getPrototypeOf = Object.getPrototypeOf;
  const hasOwn = Object.prototype.hasOwnProperty;
  const defineProperty = Object.defineProperty;
  const apply = Reflect.apply;
  const message = 'All promises were rejected';
  function nodeAggregate(e) {
    // goja's: an AggregateError without an own message (one a program made has its own)
    if (e !== null && typeof e === 'object' && getPrototypeOf(e) === aggregateProto && !apply(hasOwn, e, ['message'])) {
      // (stack, message, errors: V8's order of the own properties)
      const errors = e.errors;
      delete e.errors;
      defineProperty(e, 'stack', { __proto__: null, value: 'AggregateError: ' + message, writable: true, enumerable: false, configurable: true });
      defineProperty(e, 'message', { __proto__: null, value: message, writable: true, enumerable: false, configurable: true });
      defineProperty(e, 'errors', { __proto__: null, value: errors, writable: true, enumerable: false, configurable: true });
    }
    return e;
  }
  return function any(C, iterable) {
    function Capture(executor) {
      return new C((resolve, reject) => executor(resolve, (e) => reject(nodeAggregate(e))));
    }
    Capture.resolve = function resolve(v) { return C.resolve(v); };
    return apply(nativeAny, Capture, [iterable]);
  };
})`

func (rt *Runtime) installPromiseAny() {
	rt.promiseAnyFixed = true
	vm := rt.vm
	promise, ok := vm.Get("Promise").(*goja.Object)
	if !ok {
		return
	}
	orig, ok := promise.Get("any").(*goja.Object)
	if !ok {
		return
	}
	aggregateProto := builtinProto(vm, "AggregateError")
	if aggregateProto == nil {
		return
	}
	jsv, ok := runFactory(vm, promiseAnyProgram(), orig, aggregateProto)
	if !ok {
		return
	}
	js, ok := goja.AssertFunction(jsv)
	if !ok {
		return
	}
	nativeAny, _ := goja.AssertFunction(orig)
	rt.promiseAnyNative = orig // (builtinIterableWords knows its frame)
	fn := modules.Func(vm, "any", 1, func(call goja.FunctionCall) goja.Value {
		c, ok := call.This.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Promise.any called on non-object"))
		}
		if _, ok := goja.AssertConstructor(c); !ok {
			// goja's own error for a receiver that makes no promises
			return callThrowing(nativeAny, c, call.Argument(0))
		}
		return callThrowing(js, goja.Undefined(), c, call.Argument(0))
	})
	_ = promise.DefineDataProperty("any", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
