(function (markProto, receiver) {
'use strict';
// The runtime's async generators (goja has none): AsyncGeneratorFunction.prototype,
// %AsyncGeneratorPrototype% and %AsyncIteratorPrototype% with Node's shape, and the helpers
// that give a plain function and the objects it returns that shape. Made once per runtime, the
// first time something asks for it (Host.AsyncGen, asyncgen.go): a module's lowered async
// generator functions (runtime/asyncgen.go, through esm.js's __gojs_ag) and the glue of
// built-ins whose node functions are async generators (fs's Dir.prototype.entries,
// fs.promises.watch). markProto(AsyncGeneratorFunction.prototype, isObject) records which
// plain functions are async generator functions and which objects they make (util.types).
const defProp = Object.defineProperty, create = Object.create;
const fixed = (o, k, value) => defProp(o, k, { value, writable: false, enumerable: false, configurable: true });
const hidden = (o, k, value) => defProp(o, k, { value, writable: true, enumerable: false, configurable: true });
const AsyncIteratorPrototype = {};
hidden(AsyncIteratorPrototype, Symbol.asyncIterator, { [Symbol.asyncIterator]() { return this; } }[Symbol.asyncIterator]);
const AsyncGeneratorPrototype = create(AsyncIteratorPrototype);
const AsyncGeneratorFunctionPrototype = create(Function.prototype);
// AsyncGeneratorFunction(...) compiles its source through the Function constructor, which
// lowers async generators as the loader does.
const AsyncGeneratorFunction = function AsyncGeneratorFunction(...args) {
  const strs = args.map((a) => `${a}`);
  const body = strs.length > 0 ? strs.pop() : '';
  return Function(`return async function* anonymous(${strs.join(',')}\n) {\n${body}\n}`)();
};
fixed(AsyncGeneratorFunction, 'length', 1);
Object.setPrototypeOf(AsyncGeneratorFunction, Function);
defProp(AsyncGeneratorFunction, 'prototype', { value: AsyncGeneratorFunctionPrototype, writable: false, enumerable: false, configurable: false });
// (each object's keys in V8's order)
fixed(AsyncGeneratorFunctionPrototype, 'prototype', AsyncGeneratorPrototype);
fixed(AsyncGeneratorFunctionPrototype, 'constructor', AsyncGeneratorFunction);
fixed(AsyncGeneratorFunctionPrototype, Symbol.toStringTag, 'AsyncGeneratorFunction');
fixed(AsyncGeneratorPrototype, 'constructor', AsyncGeneratorFunctionPrototype);
const slots = new WeakMap();
const methods = {
  next(v) { return call(this, 'next', v); },
  return(v) { return call(this, 'return', v); },
  throw(v) { return call(this, 'throw', v); },
};
function call(gen, k, v) {
  const s = (gen !== null && typeof gen === 'object') ? slots.get(gen) : undefined;
  if (s === undefined) {
    return Promise.reject(new TypeError('Method [AsyncGenerator].prototype.' + k +
      ' called on incompatible receiver ' + receiver(gen)));
  }
  return s[k](v);
}
hidden(AsyncGeneratorPrototype, 'next', methods.next);
hidden(AsyncGeneratorPrototype, 'return', methods.return);
hidden(AsyncGeneratorPrototype, 'throw', methods.throw);
fixed(AsyncGeneratorPrototype, Symbol.toStringTag, 'AsyncGenerator');
markProto(AsyncGeneratorFunctionPrototype, (o) => slots.has(o));
const mark = (fn) => {
  Object.setPrototypeOf(fn, AsyncGeneratorFunctionPrototype);
  defProp(fn, 'prototype', { value: create(AsyncGeneratorPrototype), writable: true, enumerable: false, configurable: false });
  return fn;
};
return {
  // f marks a function expression (name: the name Node infers for an anonymous one).
  f(fn, name) {
    if (name !== undefined) fixed(fn, 'name', name);
    return mark(fn);
  },
  // d marks a declaration once (it runs each time its statement does).
  d(fn) { if (Object.getPrototypeOf(fn) !== AsyncGeneratorFunctionPrototype) mark(fn); },
  // g(Await) is esbuild's __asyncGenerator for a module whose __await class is Await, called
  // with the lowered function as this (undefined for an unmarked method): g(Await).call(fn,
  // self, args, generator) runs the generator function as fn's body, each value it yields
  // that is an Await (new Await(x)) awaited, any other yielded.
  g(Await) {
    const o = this.o;
    return function (self, args, generator) {
      const s = {};
      const it = o(this, s);
      // The spec's AsyncGenerator: a queue of requests ({ k, v, yes, no }), the first one
      // the body is working on, and a state: 0 suspended-start, 1 suspended-yield,
      // 2 executing (or awaiting inside the body), 3 awaiting-return, 4 completed.
      const queue = [];
      let state = 0;
      let returning = false, returned; // a return request's (awaited) value resumed the body
      let delegated = false; // the next yield is yield*'s: its value is the inner result's, not awaited again
      // completeStep settles the first request (AsyncGeneratorCompleteStep).
      const completeStep = (threw, value, done) => {
        const r = queue.shift();
        if (threw) r.no(value); else r.yes({ value, done });
      };
      // drain settles the requests left once the body is done (AsyncGeneratorDrainQueue).
      const drain = () => {
        while (queue.length > 0) {
          const r = queue[0];
          if (r.k === 'return') {
            state = 3;
            awaitReturn();
            return;
          }
          completeStep(r.k === 'throw', r.k === 'throw' ? r.v : undefined, true);
        }
      };
      const finish = (threw, value) => {
        state = 4;
        returning = false;
        completeStep(threw, value, true);
        drain();
      };
      // awaitReturn awaits the first request's value, a return the body will not see
      // (AsyncGeneratorAwaitReturn).
      const awaitReturn = () => {
        let p;
        try {
          p = Promise.resolve(queue[0].v);
        } catch (e) {
          finish(true, e);
          return;
        }
        p.then((y) => finish(false, y), (e) => finish(true, e));
      };
      // resume gives the body the first request (AsyncGeneratorUnwrapYieldResumption): a
      // return request's value is awaited before the body returns at its yield.
      const resume = () => {
        state = 2;
        const r = queue[0];
        if (r.k !== 'return') {
          step(r.k, r.v);
          return;
        }
        let p;
        try {
          p = Promise.resolve(r.v);
        } catch (e) {
          step('throw', e);
          return;
        }
        p.then((y) => {
          returning = true;
          returned = y;
          step('return', y);
        }, (e) => step('throw', e));
      };
      // step runs the body on (k: the generator's method, v its argument) to its next yield,
      // await or end.
      const step = (k, v) => {
        let x;
        try {
          x = generator[k](v);
        } catch (e) {
          finish(true, e);
          return;
        }
        const value = x.value;
        if (x.done) {
          // (a return statement awaits its value; a body that ended without one, or returned
          // the value a return request gave it, completes without an await)
          if (value === undefined || returning && value === returned) finish(false, value);
          else Promise.resolve(value).then((y) => finish(false, y), (e) => finish(true, e));
          return;
        }
        if (value instanceof Await) {
          // an await (value[1]: a step of yield*, which resumes the body with the inner
          // iterator's result)
          Promise.resolve(value[0]).then((y) => {
            if (value[1]) {
              // (yield* checks the result: y's methods throw into the body for one that is no object)
              const obj = y !== null && (typeof y === 'object' || typeof y === 'function');
              delegated = obj && !y.done;
              step(k === 'return' ? k : 'next', obj ? { done: y.done, value: y.value } : y);
            } else {
              step('next', y);
            }
          }, (e) => step('throw', e));
          return;
        }
        // a yield: its value awaited, the request settled, and the body goes on at once with
        // the next request if one is queued (AsyncGeneratorYield)
        const yielded = (y) => {
          completeStep(false, y, false);
          if (queue.length > 0) resume();
          else state = 1;
        };
        if (delegated) {
          delegated = false;
          yielded(value);
        } else {
          Promise.resolve(value).then(yielded, (e) => step('throw', e));
        }
      };
      const method = (k) => {
        s[k] = (x) => new Promise((yes, no) => {
          if (k === 'throw' && state === 0) state = 4;
          if (state === 4 && k !== 'return') {
            if (k === 'next') yes({ value: undefined, done: true });
            else no(x);
            return;
          }
          queue.push({ k, v: x, yes, no });
          if (k === 'return' && (state === 0 || state === 4)) {
            state = 3;
            awaitReturn();
          } else if (state === 0 || state === 1) {
            resume();
          }
        });
      };
      generator = generator.apply(self, args);
      method('next'); method('throw'); method('return');
      return it;
    };
  },
  // y(Await) is esbuild's __yieldStar for a module whose __await class is Await: the sync
  // iterator a lowered body's yield* runs over. Each step calls the inner iterator's method
  // and gives g an Await of its result (marked 1: a step of yield*), which g awaits, as V8's
  // yield* does, and passes back in, to be returned to yield* as the result. A sync iterable
  // is iterated as the spec's async-from-sync iterator: each value awaited.
  y(Await) {
    const fromSync = (x) => {
      if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return x;
      const done = !!x.done;
      return Promise.resolve(x.value).then((value) => ({ value, done }));
    };
    return (value) => {
      let obj = value[Symbol.asyncIterator];
      const sync = obj == null;
      obj = sync ? value[Symbol.iterator]() : obj.call(value);
      const it = {};
      let isAwait = false;
      const method = (k) => {
        it[k] = (v) => {
          if (isAwait) {
            isAwait = false;
            if (k === 'throw') throw v;
            if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
              throw new TypeError('Iterator result ' + receiver(v) + ' is not an object');
            }
            return v;
          }
          isAwait = true;
          let x;
          try {
            x = obj[k](v);
          } catch (e) {
            if (!sync) {
              isAwait = false;
              throw e;
            }
            x = Promise.reject(e);
          }
          return { done: false, value: new Await(sync ? fromSync(x) : x, 1) };
        };
      };
      it[Symbol.iterator] = () => it;
      method('next');
      if ('throw' in obj) method('throw');
      else it.throw = (x) => { throw x; };
      if ('return' in obj) method('return');
      return it;
    };
  },
  // o is the object a call of fn returns, with s the state its methods use.
  o(fn, s) {
    let proto;
    if (typeof fn === 'function') {
      // A declaration called (hoisted) before its statement marked it.
      if (Object.getPrototypeOf(fn) !== AsyncGeneratorFunctionPrototype) mark(fn);
      proto = fn.prototype;
    }
    if (proto === null || (typeof proto !== 'object' && typeof proto !== 'function')) proto = AsyncGeneratorPrototype;
    const it = create(proto);
    slots.set(it, s);
    return it;
  },
};
})
