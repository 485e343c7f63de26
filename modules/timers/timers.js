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
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(fn, 'length', { value: length });
  return fn;
}
const setTimeout = named(binding.setTimeout, 'setTimeout', 5);
const setInterval = named(binding.setInterval, 'setInterval', 5);
const setImmediate = named(binding.setImmediate, 'setImmediate', 4);
function clearTimeout(timer) { binding.clearTimeout(timer); }
function clearInterval(timer) { binding.clearTimeout(timer); }
function clearImmediate(immediate) { binding.clearImmediate(immediate); }

const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, customPromisify, {
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, customPromisify, {
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive(item) { if (item && typeof item.refresh === 'function') item.refresh(); },
  active(item) { if (item && typeof item.refresh === 'function') item.refresh(); },
  unenroll(item) { clearTimeout(item); },
  enroll() {},
};
Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
