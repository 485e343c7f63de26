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

// setInterval is node's async generator function (goja has none: the runtime's async generators,
// Host.AsyncGen, run intervalBody, whose yielded Await is an await). Like node's, a call only
// makes the generator: the arguments are checked, and the interval started, at the first
// next(). Each tick is yielded once, ticks that happen while nobody awaits are counted and
// yielded one after another; an abort rejects the waiting next() (or the next one) and ends it.
const kResistStopPropagation = Symbol.for('nodejs.internal.kResistStopPropagation');
function Await(value) { this[0] = value; }
let intervalGenerator;
function* intervalBody(after, value, options = {}) {
  if (after !== undefined) validateNumber(after, 'delay');
  validateObject(options, 'options');
  if (options?.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  if (options?.ref !== undefined) validateBoolean(options.ref, 'options.ref');
  const { signal, ref = true } = options;
  if (signal?.aborted) throw abortError(signal);
  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let wake;
    interval = timersSetInterval(() => {
      notYielded++;
      if (wake) {
        wake();
        wake = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal) {
      onCancel = () => {
        timersClearInterval(interval);
        if (wake) {
          wake(Promise.reject(abortError(signal)));
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) yield new Await(new Promise((resolve) => { wake = resolve; }));
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    timersClearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}
function setInterval(after, value, options = {}) {
  return intervalGenerator.call(setInterval, this, [after, value, options], intervalBody);
}
const { setInterval: timersSetInterval, clearInterval: timersClearInterval } = timers;

// intervalMember makes setInterval an async generator function, the first time it is read: the
// runtime's async generators are made only then.
function intervalMember() {
  const ag = binding.asyncGen();
  intervalGenerator = ag.g(Await);
  return ag.f(setInterval);
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

module.exports = { setTimeout, setImmediate, setInterval: undefined, scheduler };
const lazyMembers = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined;
if (lazyMembers) lazyMembers.members(module.exports, intervalMember, ['setInterval'], 'timers/promises');
else module.exports.setInterval = intervalMember();
