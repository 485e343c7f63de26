'use strict';
// timers/promises: promise forms of the timers, with AbortSignal cancellation and ref: false.
const timers = require('timers');
const { AbortError, codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS } } = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateNumber, validateObject } = require('internal/validators');

function validateOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function schedule(kind, args, value, options) {
  let opts;
  try {
    opts = validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = opts;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const done = resolve;
    const handle = kind === 'timeout' ? timers.setTimeout(done, args, value) : timers.setImmediate(done, value);
    if (!ref) handle.unref();
    if (signal) {
      onAbort = () => {
        if (kind === 'timeout') timers.clearTimeout(handle); else timers.clearImmediate(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  // As in Node, a signal's listener is removed in a finally step (which also sets the
  // microtask timing of the settlement).
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(after, value, options = {}) {
  // node checks a given delay is a number here (timers.setTimeout itself coerces it).
  if (after !== undefined) {
    try {
      validateNumber(after, 'delay');
    } catch (err) {
      return Promise.reject(err);
    }
  }
  return schedule('timeout', after, value, options);
}

function setImmediate(value, options = {}) {
  return schedule('immediate', undefined, value, options);
}

// intervalProto is the prototype of setInterval's iterators, which stand for node's async
// generator (goja has none): one object per call, tagged like a generator.
const intervalProto = {
  [Symbol.asyncIterator]() { return this; },
  [Symbol.toStringTag]: 'AsyncGenerator',
};

// setInterval returns an async iterator that yields value every `after` ms. Ticks that happen
// while nobody awaits are counted and delivered one by one, as Node does. As with node's async
// generator, nothing is checked or scheduled before the first next(): bad arguments reject it,
// and once it has thrown (bad arguments, abort) or returned, next() reports done.
function setInterval(after, value, options = {}) {
  let started = false;
  let signal;
  let pending = 0;
  const waiters = [];
  let done = false;
  let timer = null;
  let onAbort;
  function stop() {
    done = true;
    if (timer) timers.clearInterval(timer);
    timer = null;
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  }
  function finish(err) {
    // The first waiter gets the error; the generator is over for the others.
    stop();
    const ws = waiters.splice(0);
    for (let i = 0; i < ws.length; i++) {
      if (i === 0 && err) ws[i].reject(err);
      else ws[i].resolve({ value: undefined, done: true });
    }
  }
  function start() {
    started = true;
    if (after !== undefined) validateNumber(after, 'delay');
    const opts = validateOptions(options);
    signal = opts.signal;
    if (signal && signal.aborted) throw abortError(signal);
    timer = timers.setInterval(() => {
      pending++;
      if (waiters.length > 0) {
        pending--;
        waiters.shift().resolve({ value, done: false });
      }
    }, after);
    if (!opts.ref) timer.unref();
    if (signal) {
      onAbort = () => {
        if (waiters.length > 0) {
          finish(abortError(signal));
          onAbort = undefined;
        } else {
          stop();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  const iterator = Object.create(intervalProto);
  iterator.next = function next() {
    if (!started) {
      try {
        start();
      } catch (err) {
        stop();
        return Promise.reject(err);
      }
    }
    if (pending > 0) {
      pending--;
      return Promise.resolve({ value, done: false });
    }
    if (done) {
      // An abort that found nobody waiting is thrown by the next call, once.
      if (signal && signal.aborted && onAbort) {
        onAbort = undefined;
        return Promise.reject(abortError(signal));
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => { waiters.push({ resolve, reject }); });
  };
  iterator.return = function() {
    started = true;
    pending = 0;
    finish(null);
    onAbort = undefined;
    return Promise.resolve({ value: undefined, done: true });
  };
  iterator.throw = function(err) {
    started = true;
    pending = 0;
    finish(null);
    onAbort = undefined;
    return Promise.reject(err);
  };
  return iterator;
}

// As node's: one Scheduler instance, marked by kScheduler; the class itself cannot be constructed.
const kScheduler = Symbol('kScheduler');
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }
  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}
const scheduler = Reflect.construct(function () { this[kScheduler] = true; }, [], Scheduler);

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
