'use strict';
// timers/promises: promise forms of the timers, with AbortSignal cancellation and ref: false.
const timers = require('timers');
const { AbortError, codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateObject } = require('internal/validators');

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
  return schedule('timeout', after, value, options);
}

function setImmediate(value, options = {}) {
  return schedule('immediate', undefined, value, options);
}

// setInterval returns an async iterator that yields value every `after` ms. Ticks that happen
// while nobody awaits are counted and delivered one by one, as Node does.
function setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  let pending = 0;
  let waiter = null;
  let done = false;
  let error = null;
  let timer = null;
  let onAbort;
  if (signal && signal.aborted) {
    error = abortError(signal);
    done = true;
  } else {
    timer = timers.setInterval(() => {
      pending++;
      if (waiter) {
        const w = waiter;
        waiter = null;
        pending--;
        w.resolve({ value, done: false });
      }
    }, after);
    if (!ref) timer.unref();
    if (signal) {
      onAbort = () => {
        stop();
        error = abortError(signal);
        if (waiter) {
          const w = waiter;
          waiter = null;
          w.reject(error);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  function stop() {
    done = true;
    if (timer) timers.clearInterval(timer);
    timer = null;
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  }
  const iterator = {
    next() {
      if (error) {
        const e = error;
        return Promise.reject(e);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (pending > 0) {
        pending--;
        return Promise.resolve({ value, done: false });
      }
      return new Promise((resolve, reject) => { waiter = { resolve, reject }; });
    },
    return() {
      stop();
      if (waiter) {
        const w = waiter;
        waiter = null;
        w.resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
  return iterator;
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
