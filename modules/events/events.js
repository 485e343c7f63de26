'use strict';
// Node's events module: EventEmitter and its helpers. Listeners live in a null-prototype object
// _events: a single listener is stored as the function itself, several as an array. emit clones
// the array before calling so listeners added or removed during an emit take effect next time.

// (undefined as a binding of the module's own: goja looks the global one up by name through
// every enclosing scope at each use)
const undefined = void 0; // eslint-disable-line no-shadow-restricted-names

// internal/errors and internal/validators load on the first error or validation, not with events.
let errorsMod, validatorsMod;
function errs() { return errorsMod || (errorsMod = require('internal/errors')); }
function vals() { return validatorsMod || (validatorsMod = require('internal/validators')); }
// (events loads with every program; on(), which needs the queue, is seldom used)
let FifoClass;
function fifo() { return FifoClass || (FifoClass = require('internal/fixed_queue').Fifo); }

// The parts of this glue compiled on first use (modules/glueparts.go): the unhandled 'error'
// stack's enhancement, events.on's iterator and EventEmitterAsyncResource.
let unhandledPart = null;
function unhandledFns() {
  return unhandledPart || (unhandledPart = binding.part('unhandled')({ }));
}
let onPart = null;
function onFns() {
  return onPart || (onPart = binding.part('on')({ codes, fifo, kWatermarkData, newAbortError, undefined }));
}

// (the keys of the own fields process has from the start, as node's, made by its bootstrap)
const processPrivate = (typeof internalBinding === 'function' && internalBinding('internal/process_private')) || {};
const kCapture = processPrivate.kCapture || Symbol('kCapture');
const kShapeMode = processPrivate.kShapeMode || Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
// (made by the binding: EventTarget reads them there without loading this glue)
const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = binding;
const kWatermarkData = Symbol.for('nodejs.watermarkData');
// (registered so that readline's line iterator, in another module, can ask for it)
const kFirstEventParam = Symbol.for('nodejs.kFirstEventParam');
const kResistStopPropagation = Symbol.for('nodejs.internal.kResistStopPropagation');

const ArrayPrototypeSlice = Array.prototype.slice;
// Read from Reflect on first use, not at load: the engine builds the whole Reflect object (a dozen
// native functions) on its first read, which would be a cost to every runtime that loads events.
let ReflectOwnKeys = function ownKeys(o) { ReflectOwnKeys = Reflect.ownKeys; return ReflectOwnKeys(o); };
let ReflectApply = function apply(fn, thisArg, args) {
  ReflectApply = Reflect.apply;
  return ReflectApply(fn, thisArg, args);
};
const ObjectGetPrototypeOf = Object.getPrototypeOf;

let defaultMaxListeners = 10;

function codes() {
  return errs().codes;
}

function inspectValue(v, opts) {
  let util;
  try {
    util = require('util');
  } catch (e) {
    util = null;
  }
  if (util && typeof util.inspect === 'function') return util.inspect(v, opts);
  if (typeof v === 'string') return "'" + v + "'";
  if (v !== null && typeof v === 'object') {
    const ctor = v.constructor;
    return '[' + (ctor && ctor.name ? ctor.name : 'Object') + ']';
  }
  return String(v);
}

let eventTargetModule;
function lazyEventTarget() {
  if (eventTargetModule === undefined) {
    try {
      eventTargetModule = require('internal/event_target');
    } catch (e) {
      eventTargetModule = null;
    }
  }
  return eventTargetModule;
}

function isEventTarget(obj) {
  const et = lazyEventTarget();
  return et !== null && typeof et.EventTarget === 'function' && obj instanceof et.EventTarget;
}

function checkListener(listener) {
  if (typeof listener !== 'function') vals().validateFunction(listener, 'listener'); // at: events:275:3
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts); // at: events:220:21
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, {
  __proto__: null,
  value: false,
  writable: true,
  enumerable: false,
});

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === ObjectGetPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections) {
    vals().validateBoolean(opts.captureRejections, 'options.captureRejections'); // at: events:362:5
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, function (err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  vals().validateNumber(n, 'setMaxListeners', 0); // at: events:420:3
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

// The runtime's fatal-error printer calls er[kEnhanceStackBeforeInspector]() (when present) to
// append "Emitted 'error' event at:" and the emit call site, as Node prints an unhandled 'error'.
// (described as node's symbol, which the error shows among its own keys)
const kEnhanceStackBeforeInspector = Symbol.for('kEnhanceStackBeforeInspector');

// enhanceStackTrace(err, own) is called with the emitter as this (its part: unhandled).
function enhanceStackTrace(err, own) {
  return unhandledFns().enhanceStackTrace.call(this, err, own);
}

// The source excerpt node's fatal-error printer shows for an unhandled 'error': its throw in
// node's events.js (of the error itself, or of ERR_UNHANDLED_ERROR for another value), kept
// where the program cannot see it (setArrowMessage).
const unhandledArrow = "node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n";
const onceSignalArrow = "node:events:974\n  validateAbortSignal(signal, 'options.signal');\n  ^\n";
const unhandledValueArrow = "node:events:515\n    throw err; // Unhandled 'error' event\n    ^\n";

function keepArrow(err, arrow) {
  const set = errs().setArrowMessage;
  if (typeof set === 'function') set(err, arrow);
}

// captureEmitSite takes the stack at emit with no limit, and keeps the limit in force: node
// captures the frames above emit, so Error.stackTraceLimit counts from emit's caller.
function captureEmitSite() {
  const limit = Error.stackTraceLimit;
  let capture;
  try {
    Error.stackTraceLimit = Infinity;
    capture = new Error();
  } finally {
    Error.stackTraceLimit = limit;
  }
  capture.limit = limit;
  return capture;
}

function throwUnhandled(that, args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) {
    try {
      const capture = captureEmitSite();
      Object.defineProperty(er, kEnhanceStackBeforeInspector, {
        __proto__: null,
        value: enhanceStackTrace.bind(that, er, capture),
        configurable: true,
      });
      keepArrow(er, unhandledArrow);
    } catch (e) {
      // a frozen error stays as it is
    }
    throw er;
  }
  let stringified;
  try {
    stringified = inspectValue(er);
  } catch (e) {
    stringified = er;
  }
  const err = errs().makeNodeError(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + stringified + ')');
  err.context = er;
  keepArrow(err, unhandledValueArrow);
  throw err;
}

// (binding.noteThis: a stack frame of the listener, an arrow function too, is named after the
// emitter, as node's are: "at Server.<anonymous>")
const noteThis = binding.noteThis || (() => 0), endThis = binding.endThis || (() => {});
const lastListener = binding.lastListener || (() => -2);
// emitSlow is the complete emit. The prototype's emit is a Go fast path (binding.makeEmit) that
// falls back to this for 'error' and anything unusual.
const emitSlow = function emit(type, ...args) {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) throwUnhandled(this, args);
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const mark = noteThis(handler, this);
    const result = ReflectApply(handler, this, args);
    endThis(mark);
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    const len = handler.length;
    const listeners = arrayClone(handler);
    for (let i = 0; i < len; ++i) {
      const mark = noteThis(listeners[i], this);
      const result = ReflectApply(listeners[i], this, args);
      endThis(mark);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    }
  }
  return true;
};

EventEmitter.prototype.emit = typeof binding.makeEmit === 'function' ?
  binding.makeEmit(emitSlow, addCatch) : emitSlow;

function _addListener(target, type, listener, prepend) {
  checkListener(listener); // at: events:557:3
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener); // at: events:567:14
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error('Possible EventEmitter memory leak detected. ' +
        existing.length + ' ' + String(type) + ' listeners added to ' +
        inspectValue(target, { depth: -1 }) + '. MaxListeners is ' + m +
        '. Use emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      emitWarning(w);
    }
  }
  return target;
}

function emitWarning(w) {
  if (typeof process !== 'undefined' && process !== null && typeof process.emitWarning === 'function') {
    process.emitWarning(w);
  }
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false); // at: events:616:10
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true); // at: events:630:14
};

// (a rest parameter, not goja's arguments object, which costs more per call; length 0 either way)
function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn); // at: events:635:17
    this.fired = true;
    const mark = noteThis(this.listener, this.target);
    const r = args.length === 0 ? this.listener.call(this.target) : this.listener.apply(this.target, args);
    endThis(mark);
    return r;
  }
}

function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener); // at: events:658:3
  this.on(type, _onceWrap(this, type, listener)); // at: events:660:8
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener); // at: events:673:7
  this.prependListener(type, _onceWrap(this, type, listener)); // at: events:675:12
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener); // at: events:687:7
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener); // at: events:705:18
    }
  } else if (typeof list !== 'function') {
    let position = lastListener(list, listener);
    if (position === -2) for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener); // at: events:732:16
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    const keys = ReflectOwnKeys(events);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'removeListener') continue;
      this.removeAllListeners(key); // at: events:772:16
    }
    this.removeAllListeners('removeListener'); // at: events:774:14
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners); // at: events:784:14
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) {
      this.removeListener(type, listeners[i]); // at: events:788:16
    }
  }
  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const evlistener = events[type];
  // (node 20's quirk: with no type, nor a listener of 'undefined', it clones undefined: throws)
  if (evlistener === undefined && type !== undefined) return [];
  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }
  if (unwrap) return unwrapListeners(evlistener); // at: events:805:5
  return arrayClone(evlistener); // at: events:805:35
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true); // at: events:815:10
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false); // at: events:825:10
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) {
        return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      }
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = evlistener.length; i < l; i++) {
          if (evlistener[i] === listener || evlistener[i].listener === listener) matching++;
        }
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : [];
};

function arrayClone(arr) {
  switch (arr.length) { // at: events:896:15
    case 2: return [arr[0], arr[1]];
    case 3: return [arr[0], arr[1], arr[2]];
    case 4: return [arr[0], arr[1], arr[2], arr[3]];
    case 5: return [arr[0], arr[1], arr[2], arr[3], arr[4]];
    case 6: return [arr[0], arr[1], arr[2], arr[3], arr[4], arr[5]];
  }
  return ArrayPrototypeSlice.call(arr);
}

function unwrapListeners(arr) {
  const ret = arrayClone(arr); // at: events:907:15
  for (let i = 0; i < ret.length; ++i) {
    const orig = ret[i].listener;
    if (typeof orig === 'function') ret[i] = orig;
  }
  return ret;
}

function getEventListeners(emitterOrTarget, type) {
  // node reads .listeners first: nullish fails there, as a property read
  if (emitterOrTarget === null || emitterOrTarget === undefined) {
    throw new TypeError(`Cannot read properties of ${emitterOrTarget} (reading 'listeners')`);
  }
  if (typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    return lazyEventTarget().kGetListeners(emitterOrTarget, type);
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget); // at: events:942:9
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget !== null && emitterOrTarget !== undefined &&
      typeof emitterOrTarget.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  }
  if (isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget); // at: events:959:9
}

function setMaxListeners(n, ...eventTargets) {
  if (n === undefined) n = defaultMaxListeners;
  vals().validateNumber(n, 'setMaxListeners', 0); // at: EventEmitter.setMaxListeners@events:321:5
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (target !== null && target !== undefined && typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw new (codes().ERR_INVALID_ARG_TYPE)('eventTargets', ['EventEmitter', 'EventTarget'], target); // at: EventEmitter.setMaxListeners@events:336:17
      }
    }
  }
}

function newAbortError(signal) {
  return new (errs().AbortError)(undefined, { cause: signal === undefined || signal === null ? undefined : signal.reason });
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') { // at: events:1033:22
    if (flags && flags.once) emitter.once(name, listener); // at: events:1035:15
    else emitter.on(name, listener); // at: events:1037:15
  } else if (typeof emitter.addEventListener === 'function') { // at: events:1039:29
    emitter.addEventListener(name, listener, flags); // at: events:1040:13
  } else {
    throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter); // at: events:1042:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// once is an async function, as Node's is: bad arguments reject, and settlement takes the same
// number of microtask ticks.
async function once(emitter, name, options) {
  // node 20 reads options?.signal: null (or any primitive) means no options
  const signal = options == null ? undefined : options.signal;
  try {
    vals().validateAbortSignal(signal, 'options.signal');
  } catch (err) {
    // (rejected, not thrown: uncaught, node's excerpt is of this call, not of the validator's
    // rethrow)
    if (err !== null && typeof err === 'object') {
      keepArrow(err, onceSignalArrow);
    }
    throw err;
  }
  if (signal && signal.aborted) throw newAbortError(signal);
  return new Promise((resolve, reject) => { // at: new Promise@<anonymous>, events:977:10
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      resolve(args);
    };
    const abortListener = () => {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(newAbortError(signal));
    };
    const opts = { once: true, [kResistStopPropagation]: true };
    eventTargetAgnosticAddListener(emitter, name, resolver, opts); // at: events:997:5
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener); // at: events:1001:15
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(signal, 'abort', abortListener, { once: true, [kResistStopPropagation]: true }); // at: events:1009:7
    }
  });
}

const kEmptyOptions = Object.freeze({ __proto__: null });

function on(emitter, event, options) {
  // (node's default is an empty object with no prototype: nothing is read from Object.prototype)
  if (options === undefined) options = kEmptyOptions;
  const signal = options.signal;
  vals().validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw newAbortError(signal);
  // Both spellings, highWaterMark and the older highWatermark, as node's (null or undefined
  // falls through to the next).
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1); // at: events:1066:3
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1); // at: events:1069:3

  const state = onFns().onState(emitter, signal, highWatermark, lowWatermark);
  const removeAll = state.removeAll;
  function addEventListener(target, ev, handler, flags) {
    eventTargetAgnosticAddListener(target, ev, handler, flags);
    removeAll.push(() => eventTargetAgnosticRemoveListener(target, ev, handler, flags));
  }
  const eventHandler = state.eventHandler;
  addEventListener(emitter, event, options[kFirstEventParam] ? eventHandler : function (...args) {
    return eventHandler(args);
  });
  if (event !== 'error' && typeof emitter.on === 'function') {
    addEventListener(emitter, 'error', state.errorHandler);
  }
  const closeEvents = options.close;
  if (closeEvents && closeEvents.length) {
    for (let i = 0; i < closeEvents.length; i++) addEventListener(emitter, closeEvents[i], state.closeHandler);
  }
  if (signal) {
    addEventListener(signal, 'abort', state.abortListener, { once: true, [kResistStopPropagation]: true });
  }
  return state.iterator;
}

function validateInteger(value, name, min) {
  if (typeof vals().validateInteger === 'function') {
    vals().validateInteger(value, name, min);
  }
}

function addAbortListener(signal, listener) {
  if (signal === undefined) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal); // at: internal/events/abort_listener:26:11
  }
  vals().validateAbortSignal(signal, 'signal'); // at: internal/events/abort_listener:28:3
  vals().validateFunction(listener, 'listener'); // at: internal/events/abort_listener:29:3
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  const disposable = {
    __proto__: null,
    [Symbol.dispose || Symbol.for('nodejs.dispose')]() {
      if (removeEventListener) removeEventListener();
    },
  };
  return disposable;
}

// EventEmitterAsyncResource: its resource is an async_hooks AsyncResource (loaded with the class),
// so its emits run in the resource's execution and the hooks see it.
const kAsyncResource = Symbol('kAsyncResource');
const kEventEmitter = Symbol('kEventEmitter');

// The two classes are made on the first read of EventEmitter.EventEmitterAsyncResource.
let asyncResourceClass;
Object.defineProperty(once, 'length', { __proto__: null, value: 2 });
Object.defineProperty(on, 'length', { __proto__: null, value: 2 });

// The statics, in the order Node defines them.
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
Object.defineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    vals().validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (asyncResourceClass === undefined) asyncResourceClass = binding.part('asyncresource')({
      EventEmitter, codes, kAsyncResource, kEventEmitter, require, undefined, vals,
    });
    return asyncResourceClass;
  },
  set: undefined,
});
EventEmitter.errorMonitor = kErrorMonitor;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    vals().validateNumber(arg, 'defaultMaxListeners', 0); // at: events:285:5
    defaultMaxListeners = arg;
  },
});
Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    __proto__: null, value: kMaxEventTargetListeners, enumerable: false, configurable: false, writable: false,
  },
  kMaxEventTargetListenersWarned: {
    __proto__: null, value: kMaxEventTargetListenersWarned, enumerable: false, configurable: false, writable: false,
  },
});
EventEmitter.setMaxListeners = setMaxListeners;
// init and listenerCount were assigned above; move them to the end as Node has them.
{
  const init = EventEmitter.init;
  const lc = EventEmitter.listenerCount;
  delete EventEmitter.init;
  delete EventEmitter.listenerCount;
  EventEmitter.init = init;
  EventEmitter.listenerCount = lc;
}

// node's signature is setMaxListeners(n = defaultMaxListeners, ...eventTargets); it and init are
// anonymous functions there (console.log(require('events')) shows [Function (anonymous)]).
Object.defineProperty(setMaxListeners, 'length', { __proto__: null, value: 0 });
Object.defineProperty(setMaxListeners, 'name', { __proto__: null, value: '' });
Object.defineProperty(EventEmitter.init, 'name', { __proto__: null, value: '' });
module.exports = EventEmitter;

//#part unhandled
(function ({ }) {
  function stackFrames(stack) {
    // (a stack deleted or set to null throws here, as node's split of it: the error is then
    // printed without the emit's place)
    const lines = String.prototype.split.call(stack, '\n');
    let i = 0;
    while (i < lines.length && !/^\s+at /.test(lines[i])) i++;
    return lines.slice(i).filter((l) => l.trim() !== '');
  }

  // identicalSequenceRange finds a run of more than three frames of a that also appear in b.
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = Math.min(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  function enhanceStackTrace(err, own) {
    let ctorInfo = '';
    try {
      const { name } = this.constructor;
      if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
    } catch (e) {
      // keep the plain header
    }
    const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
    const errStack = stackFrames(err.stack);
    const ownStack = stackFrames(own.stack);
    // Drop the frames of emit itself, and those above it (node captures the stack from emit's
    // caller: a caller in events.js, captureRejections' emitUnhandledRejectionOrErr, stays).
    while (ownStack.length > 0 && (ownStack[0].includes('node:events') || ownStack[0].includes('(native)'))) {
      const emitFrame = /[ .]emit \(node:events:/.test(ownStack[0]);
      ownStack.shift();
      if (emitFrame) break;
    }
    const limit = own.limit;
    if (typeof limit !== 'number' || !(limit > 0)) ownStack.length = 0;
    else if (ownStack.length > limit) ownStack.length = limit;
    const { len, offset } = identicalSequenceRange(ownStack, errStack);
    if (len > 0) {
      ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
    }
    return err.stack + sep + ownStack.join('\n');
  }

  return { enhanceStackTrace };
})
//#end unhandled

//#part on
(function ({ codes, fifo, kWatermarkData, newAbortError, undefined }) {
  // The AsyncIterator prototype, reached without an async generator: goja has none.
  let AsyncIteratorPrototype;
  function asyncIteratorPrototype() {
    if (AsyncIteratorPrototype === undefined) {
      AsyncIteratorPrototype = Object.create(Object.prototype, {
        [Symbol.asyncIterator]: {
          __proto__: null,
          value: function () { return this; },
          writable: true,
          configurable: true,
          enumerable: false,
        },
      });
    }
    return AsyncIteratorPrototype;
  }

  function createIterResult(value, done) {
    return { value, done };
  }

  // onState is the state of an iterator of events.on and its handlers.
  function onState(emitter, signal, highWatermark, lowWatermark) {
    // The events nobody awaits yet and the promises waiting for an event: each an array read from
    // a moving head, as internal/fixed_queue's (events[eventsHead] is the oldest event). They are
    // inline, not Fifo objects: a readline iterator passes every line through both, and the calls
    // to a Fifo's length getter, push and shift cost more than the rest of next().
    let events = [];
    let eventsHead = 0;
    const Fifo = fifo();
    const unconsumedPromises = new Fifo();
    let paused = false;
    let error = null;
    let finished = false;

    const removeAll = [];
    const iterator = Object.setPrototypeOf({
      next() {
        const size = events.length - eventsHead;
        if (size > 0) {
          const value = events[eventsHead];
          events[eventsHead++] = undefined;
          if (eventsHead === events.length) {
            events.length = 0;
            eventsHead = 0;
          } else if (eventsHead >= 1024 && eventsHead * 2 >= events.length) {
            events = events.slice(eventsHead);
            eventsHead = 0;
          }
          if (paused && size - 1 < lowWatermark) {
            emitter.resume();
            paused = false;
          }
          return Promise.resolve({ value, done: false });
        }
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return closeHandler();
        return new Promise(function (resolve, reject) {
          unconsumedPromises.push({ resolve, reject });
        });
      },
      return() {
        return closeHandler();
      },
      throw(err) {
        if (!err || !(err instanceof Error)) {
          throw new (codes().ERR_INVALID_ARG_TYPE)('EventEmitter.AsyncIterator', 'Error', err);
        }
        errorHandler(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      [kWatermarkData]: {
        get size() {
          return events.length - eventsHead;
        },
        get low() {
          return lowWatermark;
        },
        get high() {
          return highWatermark;
        },
        get isPaused() {
          return paused;
        },
      },
    }, asyncIteratorPrototype());

    return { iterator, removeAll, eventHandler, errorHandler, closeHandler, abortListener };

    function abortListener() {
      errorHandler(newAbortError(signal));
    }

    function eventHandler(value) {
      if (unconsumedPromises.items.length > unconsumedPromises.head) {
        unconsumedPromises.shift().resolve({ value, done: false });
      } else {
        // past the high watermark the emitter is paused before the event is queued, as node's
        // (an emitter without pause() throws from the emit)
        if (!paused && events.length - eventsHead + 1 > highWatermark) {
          paused = true;
          emitter.pause();
        }
        events.push(value);
      }
    }

    function errorHandler(err) {
      if (unconsumedPromises.length > 0) {
        unconsumedPromises.shift().reject(err);
      } else {
        error = err;
      }
      closeHandler();
    }

    function closeHandler() {
      for (let i = 0; i < removeAll.length; i++) removeAll[i]();
      removeAll.length = 0;
      finished = true;
      const doneResult = createIterResult(undefined, true);
      while (unconsumedPromises.length > 0) {
        unconsumedPromises.shift().resolve(doneResult);
      }
      return Promise.resolve(doneResult);
    }
  }

  return { onState };
})
//#end on

//#part asyncresource
(function ({ EventEmitter, codes, kAsyncResource, kEventEmitter, require, undefined, vals }) {
  function makeAsyncResourceClass() {
    const { AsyncResource } = require('async_hooks');
    class EventEmitterReferencingAsyncResource extends AsyncResource {
      constructor(ee, type, options) {
        super(type, options);
        this[kEventEmitter] = ee;
      }

      get eventEmitter() {
        return this[kEventEmitter];
      }
    }

    class EventEmitterAsyncResource extends EventEmitter {
      constructor(options = undefined) {
        let name;
        if (typeof options === 'string') {
          name = options;
          options = undefined;
        } else {
          if (new.target === EventEmitterAsyncResource) {
            vals().validateString(options?.name, 'options.name');
          }
          name = options?.name || new.target.name;
        }
        super(options);
        this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
      }

      emit(event, ...args) {
        const resource = this.asyncResource;
        return resource.runInAsyncScope(super.emit, this, event, ...args);
      }

      emitDestroy() {
        this.asyncResource.emitDestroy();
      }

      get asyncId() {
        return this.asyncResource.asyncId();
      }

      get triggerAsyncId() {
        return this.asyncResource.triggerAsyncId();
      }

      get asyncResource() {
        if (this[kAsyncResource] === undefined) throw new (codes().ERR_INVALID_THIS)('EventEmitterAsyncResource');
        return this[kAsyncResource];
      }
    }

    return EventEmitterAsyncResource;
  }

  return makeAsyncResourceClass();
})
//#end asyncresource
