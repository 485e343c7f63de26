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
      let q; // the last queued request: requests run one after another
      let atYield = false; // the body is suspended at a yield
      let finished = false; // the body has returned or thrown
      let returning = false, returned; // a return request's value (awaited) resumed the body
      // (injected: a return request's value, awaited already, resumes the body at its yield)
      const resume = (k, v, yes, no, injected) => {
        try {
          const wasFinished = finished;
          if (injected) {
            returning = true;
            returned = v;
          }
          const x = generator[k](v);
          const value = x.value, done = x.done, isAwait = value instanceof Await;
          if (!isAwait) atYield = !done;
          if (done) finished = true;
          if (done && !(k === 'return' && !injected) &&
              (value === undefined || wasFinished || returning && value === returned)) {
            // (a body that ended without a value, a finished body's next, or a body that
            // returned the value a return request gave it: V8 completes the request without
            // an await; a return request before the body started or after it ended awaits
            // its value, as V8's AsyncGeneratorAwaitReturn)
            returning = false;
            yes({ value, done });
            return;
          }
          // (a rejection resumes the body in the same job as a fulfilment, as V8's await
          // does: neither callback throws, resume catching what the body throws)
          Promise.resolve(isAwait ? value[0] : value).then((y) => isAwait
            ? resume(value[1] && k === 'return' ? k : 'next', value[1] ? { done: y.done, value: y.value } : y, yes, no)
            : yes({ value: y, done }), (e) => resume('throw', e, yes, no));
        } catch (e) {
          atYield = false;
          finished = true;
          returning = false;
          no(e);
        }
      };
      const method = (k) => {
        s[k] = (x) => {
          const call = new Promise((yes, no) => {
            // a return at a yield awaits its value before the body goes on (V8's
            // AsyncGeneratorYield): the body's finally runs in a promise job, not in return()
            const run = () => (k === 'return' && atYield
              ? Promise.resolve(x).then((y) => resume(k, y, yes, no, true), (e) => resume('throw', e, yes, no))
              : resume(k, x, yes, no));
            if (q) q.then(run); else run();
          });
          const clear = () => { if (q === wait) q = 0; };
          const wait = q = call.then(clear, clear);
          return call;
        };
      };
      generator = generator.apply(self, args);
      method('next'); method('throw'); method('return');
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
