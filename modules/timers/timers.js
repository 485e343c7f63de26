'use strict';

// The prototypes' members in node's order (Object.getOwnPropertyNames/Symbols show it).
class Timeout {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  // util.inspect shows one level of a Timeout, as node's does
  [Symbol.for('nodejs.util.inspect.custom')](_, options) {
    return require('util').inspect(this, { ...options, depth: 0, customInspect: false });
  }
  refresh() { binding.refresh(this); return this; }
  unref() { binding.unref(this); return this; }
  ref() { binding.ref(this); return this; }
  hasRef() { return binding.hasRef(this); }
  close() { binding.clearTimeout(this); return this; }
  [Symbol.dispose]() { binding.clearTimeout(this); }
  [Symbol.toPrimitive]() { return binding.toPrimitive(this); }
}

class Immediate {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  ref() { binding.immRef(this); return this; }
  unref() { binding.immUnref(this); return this; }
  hasRef() { return binding.immHasRef(this); }
  [Symbol.dispose]() { binding.clearImmediate(this); }
}

binding.init(Timeout.prototype, Immediate.prototype);

// The scheduling functions are the Go functions themselves (no JS frame, no arguments object),
// named and sized like Node's.
function named(fn, name, length) {
  Object.defineProperty(fn, 'name', { __proto__: null, value: name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: length });
  return fn;
}
// The globals (data properties, as node's) are the runtime's forwarders until this module loads:
// it exports those same objects, which from now on call these functions.
const { adoptGlobal } = internalBinding('internal/lazy_proto');
const setTimeout = adoptGlobal('setTimeout', named(binding.setTimeout, 'setTimeout', 5));
const setInterval = adoptGlobal('setInterval', named(binding.setInterval, 'setInterval', 5));
const setImmediate = adoptGlobal('setImmediate', named(binding.setImmediate, 'setImmediate', 4));
const clearTimeout = adoptGlobal('clearTimeout', function clearTimeout(timer) { binding.clearTimeout(timer); });
const clearInterval = adoptGlobal('clearInterval', function clearInterval(timer) { binding.clearTimeout(timer); });
const clearImmediate = adoptGlobal('clearImmediate', function clearImmediate(immediate) { binding.clearImmediate(immediate); });

const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

// The legacy list API (enroll/active/_unrefActive/unenroll), deprecated as in node: each is
// wrapped once (name 'deprecated', length 0, its [[Prototype]] the function itself) and warns on
// its first call. An enrolled plain object gets node's list fields (_idleNext/_idlePrev,
// _idleTimeout, _idleStart, _destroyed) and active() runs its _onTimeout after _idleTimeout ms.
const TIMEOUT_MAX = 2 ** 31 - 1;
const kLegacyTimer = Symbol('legacyTimer');

function isTimeout(item) {
  return item !== null && typeof item === 'object' && Object.prototype.isPrototypeOf.call(Timeout.prototype, item);
}

function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

function legacyUnenroll(item) {
  if (isTimeout(item)) {
    binding.clearTimeout(item);
    return;
  }
  if (item._destroyed) return;
  item._destroyed = true;
  const t = item[kLegacyTimer];
  if (t !== undefined) {
    binding.clearTimeout(t);
    item[kLegacyTimer] = undefined;
  }
  listRemove(item);
  item._idleTimeout = -1;
}

function legacyEnroll(item, msecs) {
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    msecs = TIMEOUT_MAX;
  }
  if (item._idleNext) legacyUnenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

function legacyInsert(item, refed) {
  if (isTimeout(item)) {
    if (!(item._idleTimeout >= 0)) return; // cleared
    item.refresh();
    if (refed) item.ref(); else item.unref();
    return;
  }
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  const old = item[kLegacyTimer];
  if (old !== undefined) binding.clearTimeout(old);
  item._idleStart = Math.floor(process.uptime() * 1000);
  if (item._destroyed !== false) item._destroyed = false;
  // node links the item into its timer list: both list fields are set while it is pending
  if (!item._idleNext) item._idleNext = item;
  if (!item._idlePrev) item._idlePrev = item;
  const t = setTimeout(() => {
    item[kLegacyTimer] = undefined;
    listRemove(item);
    // node's timer list skips an item with no _onTimeout, marking it destroyed
    if (!item._onTimeout) {
      item._destroyed = true;
      return;
    }
    try {
      const args = item._timerArgs;
      if (args === undefined) item._onTimeout();
      else Reflect.apply(item._onTimeout, item, args);
    } finally {
      if (!item._idleNext && !item._idlePrev && !item._destroyed) item._destroyed = true;
    }
  }, msecs === 0 ? 1 : msecs);
  if (!refed) t.unref();
  item[kLegacyTimer] = t;
}

function deprecated(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecated(function unrefActive(item) { legacyInsert(item, false); },
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecated(function active(item) { legacyInsert(item, true); },
    'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecated(function unenroll(item) { legacyUnenroll(item); },
    'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecated(function enroll(item, msecs) { legacyEnroll(item, msecs); },
    'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
