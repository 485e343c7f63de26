'use strict';
// domain: Node's deprecated error domains. A domain follows the program's asynchronous flow
// through the runtime's async context (the one AsyncLocalStorage uses): the domain stack is the
// store of a private AsyncLocalStorage, so a callback scheduled inside d.run() (timers, ticks,
// immediates, I/O completions, promise reactions) runs with d as process.domain, as Node's
// domain async hook arranges. Errors thrown in such a callback reach d's 'error' handler through
// the process's uncaught-exception capture callback; emitters created or added inside a domain
// send unhandled 'error' events to it.

const EventEmitter = require('events');
const { AsyncLocalStorage } = require('async_hooks');
const { codes, makeNodeError } = require('internal/errors');

const als = new AsyncLocalStorage();
// The store is a frame {top, stack}: the active domain and the domain stack of the synchronous
// code that entered it. enter() and exit() change the stack array in place, so once that code has
// exited, a callback scheduled meanwhile finds its frame's stack no longer ending in its domain
// and starts from a stack of that domain alone, as Node's domain hook enters just the domain a
// callback was scheduled in. With no active domain process.domain is what the last change left:
// null, or undefined after an exit(), as Node's global is.
let emptyActive = null;

function currentStack() {
  const f = als.getStore();
  if (f === undefined) return [];
  const s = f.stack;
  if (!f.top) return s.length === 0 ? s : [];
  return s.length && s[s.length - 1] === f.top ? s : [f.top];
}

function setStack(stack, active) {
  if (stack.length === 0) {
    emptyActive = active === undefined ? undefined : null;
    als.enterWith({ top: null, stack });
  } else {
    als.enterWith({ top: stack[stack.length - 1], stack });
  }
}

function activeDomain() {
  const f = als.getStore();
  return f !== undefined && f.top ? f.top : emptyActive;
}

if (process.hasUncaughtExceptionCaptureCallback()) {
  throw makeNodeError(Error, 'ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
    'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module');
}

// where domain was first required, which the error below shows as node's does
const domainRequireStack = new Error('require(`domain`) at this point').stack;

Object.defineProperty(process, 'domain', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return activeDomain(); },
  set(d) {
    const s = currentStack();
    if (d === null || d === undefined) {
      setStack([], d);
      return d;
    }
    if (s.length) s[s.length - 1] = d;
    else s.push(d);
    setStack(s);
    return d;
  },
});

// The capture callback is installed while any domain has an 'error' listener; an error thrown
// outside every such domain then takes the usual fatal path.
const setCapture = process.setUncaughtExceptionCaptureCallback;
let handlers = 0;
let captureOn = false;
const kCaptureDeclined = Symbol.for('gojs.captureDeclined');

function updateExceptionCapture() {
  const want = handlers > 0;
  if (want === captureOn) return;
  captureOn = want;
  setCapture(want ? capture : null);
}

function capture(er) {
  const d = activeDomain();
  if (d && d._errorHandler) {
    d._errorHandler(er);
    return;
  }
  // Not inside a domain that handles errors: node has no capture callback set then, so the
  // process's own fatal path (monitor, 'uncaughtException' listeners, the printed error with
  // its source excerpt, 'exit') takes it.
  return kCaptureDeclined;
}

process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  const err = makeNodeError(Error, 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
    'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()');
  err.stack += `\n${'-'.repeat(40)}\n${domainRequireStack}`;
  throw err;
};

function domainUncaughtExceptionClear() {
  setStack([], null);
}

process.on('newListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear) {
    process.removeListener(name, domainUncaughtExceptionClear);
    process.prependListener(name, domainUncaughtExceptionClear);
  }
});
process.on('removeListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear &&
      process.listenerCount('uncaughtException') === 1) {
    process.removeListener(name, domainUncaughtExceptionClear);
  }
});

// ---------------------------------------------------------------- Domain

// The domains with an 'error' listener (kept outside them: node's own show no such field).
const withHandler = new WeakSet();

function countHandlers(d) {
  const has = d.listenerCount('error') > 0;
  if (has !== withHandler.has(d)) {
    if (has) withHandler.add(d); else withHandler.delete(d);
    handlers += has ? 1 : -1;
    updateExceptionCapture();
  }
}

// A domain's own 'removeListener' and 'newListener' listeners (both named as node's one is).
const { updateExceptionCapture: onRemoveListener } = {
  updateExceptionCapture(name) { if (name === 'error') countHandlers(this); },
};
const { updateExceptionCapture: onNewListener } = {
  updateExceptionCapture(name) {
    // (it comes before the listener is added)
    if (name === 'error' && !withHandler.has(this)) {
      withHandler.add(this);
      handlers++;
      updateExceptionCapture();
    }
  },
};

// What node's domains keep of themselves for its async hook (internal/util's WeakReference):
// shown by util.inspect as `[Symbol(kWeak)]: WeakReference {}`.
const kWeak = Symbol('kWeak');
class WeakReference {
  #target;
  #strong = null;
  #count = 0;
  constructor(object) { this.#target = new WeakRef(object); }
  get() { return this.#target.deref(); }
  incRef() { if (++this.#count === 1) this.#strong = this.get(); return this.#count; }
  decRef() { if (--this.#count === 0) this.#strong = null; return this.#count; }
}

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    this[kWeak] = new WeakReference(this);
    this.on('removeListener', onRemoveListener);
    this.on('newListener', onNewListener);
  }
}

Domain.prototype.members = undefined;

Domain.prototype._errorHandler = function(er) {
  let caught = false;
  if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
    Object.defineProperty(er, 'domain', { __proto__: null, configurable: true, enumerable: false, value: this, writable: true });
    er.domainThrown = true;
  }
  // The handler does not run inside the domain it handles.
  while (activeDomain() === this) this.exit();
  if (currentStack().length === 0) {
    if (this.listenerCount('error') > 0) caught = this.emit('error', er);
  } else {
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      const s = currentStack();
      if (s.length) {
        caught = s[s.length - 1]._errorHandler(er2);
      } else {
        throw er2;
      }
    }
  }
  domainUncaughtExceptionClear();
  return caught;
};

Domain.prototype.enter = function() {
  const s = currentStack();
  s.push(this);
  setStack(s);
};

Domain.prototype.exit = function() {
  const s = currentStack();
  const index = s.lastIndexOf(this);
  if (index === -1) return;
  s.length = index;
  setStack(s, undefined);
};

Domain.prototype.add = function(ee) {
  if (ee.domain === this) return;
  if (ee.domain) ee.domain.remove(ee);
  if (this.domain && (ee instanceof Domain)) {
    for (let d = this.domain; d; d = d.domain) {
      if (ee === d) return;
    }
  }
  Object.defineProperty(ee, 'domain', { __proto__: null, configurable: true, enumerable: false, value: this, writable: true });
  this.members.push(ee);
};

Domain.prototype.remove = function(ee) {
  ee.domain = null;
  const index = this.members.indexOf(ee);
  if (index !== -1) this.members.splice(index, 1);
};

// (noteThis: the function's frame is named after the receiver it is called with, an arrow
// function's too, as V8 names it: "at Domain.<anonymous>")
const noteThis = binding.noteThis, endThis = binding.endThis;

Domain.prototype.run = function(fn, ...args) {
  this.enter();
  const mark = noteThis(fn, this);
  const ret = Reflect.apply(fn, this, args);
  endThis(mark);
  this.exit();
  return ret;
};

function intercepted(_this, self, cb, fnargs) {
  if (fnargs[0] && fnargs[0] instanceof Error) {
    const er = fnargs[0];
    er.domainBound = cb;
    er.domainThrown = false;
    Object.defineProperty(er, 'domain', { __proto__: null, configurable: true, enumerable: false, value: self, writable: true });
    self.emit('error', er);
    return;
  }
  self.enter();
  const mark = noteThis(cb, _this);
  const ret = Reflect.apply(cb, _this, Array.prototype.slice.call(fnargs, 1));
  endThis(mark);
  self.exit();
  return ret;
}

Domain.prototype.intercept = function(cb) {
  const self = this;
  function runIntercepted() {
    return intercepted(this, self, cb, arguments);
  }
  return runIntercepted;
};

function bound(_this, self, cb, fnargs) {
  self.enter();
  const mark = noteThis(cb, _this);
  const ret = Reflect.apply(cb, _this, fnargs);
  endThis(mark);
  self.exit();
  return ret;
}

Domain.prototype.bind = function(cb) {
  const self = this;
  function runBound() {
    return bound(this, self, cb, arguments);
  }
  Object.defineProperty(runBound, 'domain', { __proto__: null, configurable: true, enumerable: false, value: this, writable: true });
  return runBound;
};

// ---------------------------------------------------------------- EventEmitter integration

EventEmitter.usingDomains = true;

const eventInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  Object.defineProperty(this, 'domain', { __proto__: null, configurable: true, enumerable: false, value: null, writable: true });
  const active = activeDomain();
  if (active && !(this instanceof Domain)) this.domain = active;
  return Reflect.apply(eventInit, this, [opts]);
};

const eventEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  const shouldEmitError = type === 'error' && this.listenerCount(type) > 0;
  if (this === process && type === 'unhandledRejection') {
    const d = promiseDomain.get(args[2]);
    if (d !== undefined) {
      promiseDomain.delete(args[2]);
      // (the report runs in the promise's async context, its domain's; node emits the domain's
      // 'error' from processPromiseRejections, where the domain is not entered)
      als.exit(() => d.emit('error', args[1]));
      return true;
    }
  }
  if (shouldEmitError || domain === null || domain === undefined || this === process) {
    return Reflect.apply(eventEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new codes.ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      Object.defineProperty(er, 'domain', { __proto__: null, configurable: true, enumerable: false, value: domain, writable: true });
      er.domainThrown = false;
    }
    // The domain's handler runs outside the domain (and its duplicates on the stack).
    const origFrame = als.getStore();
    const origEmpty = emptyActive;
    const orig = currentStack();
    const origActive = activeDomain();
    let idx = orig.length - 1;
    while (idx > -1 && origActive === orig[idx]) --idx;
    setStack(idx < 0 ? [] : orig.slice(0, idx + 1), null);
    // Restored only when the handler returns: if it throws, the error is handled from here.
    domain.emit('error', er);
    als.enterWith(origFrame);
    emptyActive = origEmpty;
    return false;
  }
  domain.enter();
  const ret = Reflect.apply(eventEmit, this, args);
  domain.exit();
  return ret;
};

// ---------------------------------------------------------------- promises

// Node gives a promise rejected while a domain is active to that domain's 'error' handler when
// the rejection goes unhandled. gojs sees the rejections of reactions registered with then()
// (and catch(), which calls then()) inside a domain: the reaction that throws marks its promise.
const promiseDomain = new WeakMap();
const origThen = Promise.prototype.then;
function wrapReaction(fn, getDerived) {
  if (typeof fn !== 'function') return fn;
  return function(value) {
    try {
      return fn(value);
    } catch (err) {
      const d = activeDomain();
      const derived = getDerived();
      if (d && derived) promiseDomain.set(derived, d);
      throw err;
    }
  };
}
Object.defineProperty(Promise.prototype, 'then', {
  __proto__: null, configurable: true, writable: true, enumerable: false,
  value: function then(onFulfilled, onRejected) {
    if (!activeDomain()) return Reflect.apply(origThen, this, [onFulfilled, onRejected]);
    let derived;
    const get = () => derived;
    derived = Reflect.apply(origThen, this, [wrapReaction(onFulfilled, get), wrapReaction(onRejected, get)]);
    return derived;
  },
});
const origReject = Promise.reject;
Object.defineProperty(Promise, 'reject', {
  __proto__: null, configurable: true, writable: true, enumerable: false,
  value: function reject(reason) {
    const p = Reflect.apply(origReject, this, [reason]);
    const d = activeDomain();
    if (d && p !== null && typeof p === 'object') promiseDomain.set(p, d);
    return p;
  },
});

function create() {
  return new Domain();
}

module.exports = {
  _stack: undefined,
  Domain,
  createDomain: create,
  create,
  active: undefined,
};
Object.defineProperty(module.exports, '_stack', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return currentStack(); },
});
Object.defineProperty(module.exports, 'active', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return activeDomain(); },
  set(d) { process.domain = d; },
});
