'use strict';

// The prototypes' members in node's order (Object.getOwnPropertyNames/Symbols show it).
class Timeout {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  // util.inspect shows one level of a Timeout, as node's does
  [Symbol.for('nodejs.util.inspect.custom')](_, options) {
    return require('util').inspect(inspectView(this), { ...options, depth: 0, customInspect: false });
  }
  refresh() { binding.refresh(this); return this; }
  unref() { binding.unref(this); return this; }
  ref() { binding.ref(this); return this; }
  hasRef() { return binding.hasRef(this); }
  close() { binding.clearTimeout(this); return this; }
  [Symbol.dispose]() { binding.clearTimeout(this); }
  [Symbol.toPrimitive]() { return binding.toPrimitive(this); }
}

// inspectView is what util.inspect shows of a Timeout: its own properties, then node's
// symbol-keyed fields (refed, kHasPrimitive, asyncId, triggerId), which the Go-backed object
// cannot hold itself: a copy made for the one inspection.
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
function inspectView(timer) {
  const st = binding.inspectState(timer);
  if (st === undefined) return timer;
  const view = Object.create(Object.getPrototypeOf(timer));
  const keys = Object.keys(timer);
  for (let i = 0; i < keys.length; i++) {
    Object.defineProperty(view, keys[i], { __proto__: null, value: timer[keys[i]], writable: true, enumerable: true, configurable: true });
  }
  view[kRefed] = st[0];
  view[kHasPrimitive] = st[1];
  view[kAsyncId] = st[2];
  view[kTriggerId] = st[3];
  addUserSymbols(view, timer);
  return view;
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

// util.inspect shows an Immediate with node's symbol-keyed fields, and the immediates it links to
// (_idlePrev/_idleNext) the same way, cycles included: through a view, as node's Immediate has no
// custom inspection of its own.
internalBinding('internal/lazy_proto').whenLoaded('internal/util/inspect', () => {
  require('internal/util/inspect').setInspectView(Immediate.prototype, (imm) => immediateView(imm, new Map()));
});

// immediateView is a copy of an Immediate for one inspection: its own properties, where an
// Immediate is replaced by its view (views keeps one per Immediate, so a cycle stays one), then
// refed, asyncId and triggerId. Its prototype has the name Immediate and no custom inspection.
let ImmediateViewProto;
function immediateView(imm, views) {
  let view = views.get(imm);
  if (view !== undefined) return view;
  const st = binding.immInspectState(imm);
  if (st === undefined) return imm;
  if (ImmediateViewProto === undefined) ImmediateViewProto = function Immediate() {}.prototype;
  view = Object.create(ImmediateViewProto);
  views.set(imm, view);
  const keys = Object.keys(imm);
  for (let i = 0; i < keys.length; i++) {
    let v = imm[keys[i]];
    if (v instanceof Immediate) v = immediateView(v, views);
    Object.defineProperty(view, keys[i], { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
  }
  view[kRefed] = st[0];
  view[kAsyncId] = st[1];
  view[kTriggerId] = st[2];
  addUserSymbols(view, imm);
  return view;
}

// addUserSymbols gives a view the symbol-keyed properties JS set on its timer, after node's.
function addUserSymbols(view, timer) {
  const syms = binding.userSymbols(timer);
  for (let i = 0; i < syms.length; i += 2) view[syms[i]] = syms[i + 1];
}

// A timer list, as a Timeout's _idlePrev/_idleNext shows it at either end of its list.
class TimersList {
  constructor(msecs) {
    this.msecs = msecs;
  }
}

binding.init(Timeout.prototype, Immediate.prototype, TimersList);

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
// Node's clear functions given an object that is no timer of theirs do their steps on it: an object
// with an _onTimeout loses it and is unenrolled as the legacy API's items are (_destroyed,
// _idleNext/_idlePrev, _idleTimeout); any other truthy value given to clearImmediate is marked
// destroyed and unlinked, and a primitive one throws as assigning its property does.
const clearTimeout = adoptGlobal('clearTimeout', function clearTimeout(timer) {
  if (!binding.clearTimeout(timer)) clearForeignTimeout(timer);
});
const clearInterval = adoptGlobal('clearInterval', function clearInterval(timer) {
  if (!binding.clearTimeout(timer)) clearForeignTimeout(timer);
});
const clearImmediate = adoptGlobal('clearImmediate', function clearImmediate(immediate) {
  if (!binding.clearImmediate(immediate) && immediate && !immediate._destroyed) clearForeignImmediate(immediate);
});
function clearForeignTimeout(timer) {
  if (!timer._onTimeout) return;
  timer._onTimeout = null;
  legacy().legacyUnenroll(timer);
}
function clearForeignImmediate(immediate) {
  if (typeof immediate !== 'object' && typeof immediate !== 'function') {
    throw new TypeError(`Cannot create property '_destroyed' on ${typeof immediate} '${String(immediate)}'`);
  }
  immediate._destroyed = true;
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  if (immediate._idleNext) immediate._idleNext._idlePrev = immediate._idlePrev;
  if (immediate._idlePrev) immediate._idlePrev._idleNext = immediate._idleNext;
  immediate._idleNext = null;
  immediate._idlePrev = null;
}

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

// The list functions (legacyEnroll, legacyInsert, legacyUnenroll) are in timerscold.js, compiled
// on the first call of one: few programs use this API.
let legacyFns;
function legacy() {
  return legacyFns || (legacyFns = binding.coldFactory()({ binding, require, setTimeout, Timeout, kAsyncId, kTriggerId, kRefed }));
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
  _unrefActive: deprecated(function unrefActive(item) { legacy().legacyInsert(item, false); },
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecated(function active(item) { legacy().legacyInsert(item, true); },
    'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecated(function unenroll(item) { legacy().legacyUnenroll(item); },
    'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecated(function enroll(item, msecs) { legacy().legacyEnroll(item, msecs); },
    'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
