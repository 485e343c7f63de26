'use strict';

class Timeout {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  ref() { binding.ref(this); return this; }
  unref() { binding.unref(this); return this; }
  hasRef() { return binding.hasRef(this); }
  refresh() { binding.refresh(this); return this; }
  close() { binding.clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return binding.toPrimitive(this); }
}

class Immediate {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  ref() { binding.immRef(this); return this; }
  unref() { binding.immUnref(this); return this; }
  hasRef() { return binding.immHasRef(this); }
}

binding.init(Timeout.prototype, Immediate.prototype);

function setTimeout(callback, after, arg1, arg2, arg3) {
  return binding.setTimeout.apply(undefined, arguments);
}
function setInterval(callback, repeat, arg1, arg2, arg3) {
  return binding.setInterval.apply(undefined, arguments);
}
function setImmediate(callback, arg1, arg2, arg3) {
  return binding.setImmediate.apply(undefined, arguments);
}
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
