'use strict';
// internal/worker/io: MessageEvent (the global) and NodeEventTarget, the EventTarget with
// EventEmitter-style methods that MessagePort is in node. A listener added with on/once gets the
// value an event carries (the data of a message); one added with addEventListener gets the event.
const { Event, CustomEvent, EventTarget, kGetListeners, kNodeStyleListener } = require('internal/event_target');
const { codes } = require('internal/errors');

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

// No MessagePort exists before worker_threads loads (it sets the real check), so until then an
// init's source or ports entry is never one.
let isPort = () => false;

class MessageEvent extends Event {
  constructor(type, { data = null, origin = '', lastEventId = '', source = null, ports = [] } = {}) {
    super(type);
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    // (V8's words for a spread of a value that is not iterable name the init member)
    if (ports == null || typeof ports[Symbol.iterator] !== 'function') throw new TypeError('ports is not iterable');
    this[kPorts] = [...ports];
    if (source !== null && !isPort(source)) throw new codes.ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    for (let i = 0; i < this[kPorts].length; i++) {
      if (!isPort(this[kPorts][i])) throw new codes.ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', this[kPorts][i]);
    }
  }
}
for (const [name, key] of [['data', kData], ['origin', kOrigin], ['lastEventId', kLastEventId], ['source', kSource], ['ports', kPorts]]) {
  Object.defineProperty(MessageEvent.prototype, name, {
    __proto__: null,
    get() {
      // (as node's isMessageEvent check: a getter called on anything else)
      if (this === null || typeof this !== 'object' || !(kData in this)) throw new codes.ERR_INVALID_THIS('MessageEvent');
      return this[key];
    },
    enumerable: true, configurable: true,
  });
}

// kNodeValue on an event is what on/once listeners receive instead of the event.
const kNodeValue = Symbol('kNodeValue');
const kWrappers = Symbol('kWrappers');
const kTypes = Symbol('kTypes');
// kFirstListener(type) and kLastListener(type) run when a type gets its first listener and
// loses its last one (a MessagePort refs and starts, or stops and unrefs, on 'message').
const kFirstListener = Symbol('kFirstListener');
const kLastListener = Symbol('kLastListener');
const kCreateEvent = Symbol('kCreateEvent');
const kHybridDispatch = Symbol('kHybridDispatch');
const kAfterRemove = Symbol('kAfterRemove');
// kWeb counts the listeners of a type that want an event (added with addEventListener).
const kWeb = Symbol('kWeb');
// on a wrapper of an on/once listener: the listener, and whether it is a once one
const kListener = Symbol('kListener');
const kOnce = Symbol('kOnce');

function validateType(type) {
  if (typeof type !== 'string' && typeof type !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
}

class NodeEventTarget extends EventTarget {
  static defaultMaxListeners = 10;

  constructor() {
    super();
    this[kWrappers] = new Map();
    this[kTypes] = new Set();
    this[kWeb] = new Map();
  }

  addEventListener(type, listener, options) {
    // (node keeps one list: a listener already added by on/once, not capturing, is a duplicate)
    const wrappers = this[kWrappers].get(type);
    if (wrappers !== undefined && wrappers.has(listener) && !(options === true || (options !== null && typeof options === 'object' && options.capture))) return;
    const before = kGetListeners(this, type).length;
    super.addEventListener(type, listener, options);
    const after = kGetListeners(this, type).length;
    if (after === before) return;
    this[kTypes].add(type);
    if (listener === null || typeof listener !== 'function' || listener[kListener] === undefined) {
      this[kWeb].set(type, (this[kWeb].get(type) || 0) + 1);
    }
    if (before === 0) this[kFirstListener](type);
  }

  removeEventListener(type, listener, options) {
    const before = kGetListeners(this, type).length;
    super.removeEventListener(type, listener, options);
    this[kAfterRemove](type, before);
  }

  [kAfterRemove](type, before) {
    const list = kGetListeners(this, type);
    if (list.length === before) return;
    let web = 0;
    for (const l of list) if (typeof l !== 'function' || l[kListener] === undefined) web++;
    this[kWeb].set(type, web);
    if (before > 0 && list.length === 0) {
      this[kTypes].delete(type);
      this[kLastListener](type);
    }
  }

  [kFirstListener]() {}
  [kLastListener]() {}

  // an event for addEventListener listeners of an emit(): a CustomEvent carrying the value
  // as its detail, as node's NodeEventTarget makes
  [kCreateEvent](value, type) {
    return new CustomEvent(type, { detail: value });
  }

  // kHybridDispatch delivers value: on/once listeners get it, addEventListener ones an event.
  [kHybridDispatch](value, type, event) {
    if (event === undefined && !(this[kWeb].get(type) > 0)) {
      // only on/once listeners: no event is needed (the common case, and the hot one)
      const wrappers = this[kWrappers].get(type);
      if (wrappers === undefined || wrappers.size === 0) return;
      if (wrappers.size === 1) {
        // one listener: no copy of the list, and no iterator (forEach makes no result objects)
        single.target = this;
        single.type = type;
        single.value = value;
        wrappers.forEach(callSingle);
        return;
      }
      const list = Array.from(wrappers.values());
      for (let i = 0; i < list.length; i++) {
        const w = list[i];
        if (wrappers.get(w[kListener]) !== w) continue; // removed by an earlier listener
        callNodeStyle(this, type, w, value);
      }
      return;
    }
    if (event === undefined) {
      event = this[kCreateEvent](value, type);
      event[kNodeValue] = value;
    }
    const before = kGetListeners(this, type).length;
    this.dispatchEvent(event);
    if (before > 0) this[kAfterRemove](type, before); // once listeners are gone now
  }

  setMaxListeners(n) {
    // as node's, through events.setMaxListeners(n, this): its validation, its default, and the
    // EventTarget's limit its MaxListenersExceededWarning checks
    require('events').setMaxListeners(n, this);
  }

  getMaxListeners() { return this[require('events').kMaxEventTargetListeners]; }

  eventNames() {
    return [...this[kTypes]].filter((t) => kGetListeners(this, t).length > 0);
  }

  listenerCount(type) {
    return kGetListeners(this, type).length;
  }

  off(type, listener, options) {
    const wrappers = this[kWrappers].get(type);
    const w = wrappers && wrappers.get(listener);
    if (w !== undefined) {
      wrappers.delete(listener);
      this.removeEventListener(type, w, options);
    } else {
      this.removeEventListener(type, listener, options);
    }
    return this;
  }

  removeListener(type, listener, options) { return this.off(type, listener, options); }

  on(type, listener) { return addNodeStyle(this, type, listener, false); }

  addListener(type, listener) { return addNodeStyle(this, type, listener, false); }

  once(type, listener) { return addNodeStyle(this, type, listener, true); }

  emit(type, arg) {
    validateType(type);
    const had = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return had;
  }

  removeAllListeners(type) {
    const types = type === undefined ? [...this[kTypes]] : [type];
    for (const t of types) {
      // as node's does, without the last-listener hook (a port stays ref'd)
      for (const l of kGetListeners(this, t)) EventTarget.prototype.removeEventListener.call(this, t, l);
      this[kWrappers].delete(t);
      this[kTypes].delete(t);
      this[kWeb].delete(t);
    }
    return this;
  }
}

// the dispatch callSingle makes, taken before the listener runs (it may dispatch again); a
// listener forEach visits after it, one added meanwhile, finds none and is not called
const single = { target: undefined, type: undefined, value: undefined };
function callSingle(w) {
  const { target, type, value } = single;
  if (target === undefined) return;
  single.target = single.value = undefined;
  callNodeStyle(target, type, w, value);
}

function callNodeStyle(target, type, w, value) {
  const listener = w[kListener];
  if (w[kOnce]) target.off(type, listener);
  try {
    if (typeof listener === 'function') listener.call(target, value);
    else listener.handleEvent(value);
  } catch (err) {
    // (node's EventTarget rethrows it from a tick: uncaught, its excerpt is that rethrow's)
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
      try {
        putArrow(err, rethrowArrow);
      } catch { /* a frozen error keeps its own */ }
    }
    process.nextTick(() => { throw err; });
  }
}
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
const rethrowArrow = 'node:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n                           ^\n';

function addNodeStyle(target, type, listener, once) {
  // (a listener object's handleEvent is called with the object as this, as an EventTarget's)
  if (typeof listener !== 'function' && typeof listener?.handleEvent !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('listener', 'Function', listener);
  }
  let wrappers = target[kWrappers].get(type);
  if (wrappers === undefined) {
    wrappers = new Map();
    target[kWrappers].set(type, wrappers);
  }
  if (wrappers.has(listener) || kGetListeners(target, type).includes(listener)) return target;
  const w = function (event) {
    if (once) wrappers.delete(listener);
    const v = Object.prototype.hasOwnProperty.call(event, kNodeValue) ? event[kNodeValue] : event;
    return typeof listener === 'function' ? listener.call(this, v) : listener.handleEvent(v);
  };
  w[kListener] = listener;
  w[kOnce] = once;
  w[kNodeStyleListener] = true;
  wrappers.set(listener, w);
  target.addEventListener(type, w, { once });
  return target;
}

for (const name of ['setMaxListeners', 'getMaxListeners', 'eventNames', 'listenerCount', 'off', 'removeListener',
  'on', 'addListener', 'once', 'emit', 'removeAllListeners']) {
  const d = Object.getOwnPropertyDescriptor(NodeEventTarget.prototype, name);
  d.enumerable = true;
  Object.defineProperty(NodeEventTarget.prototype, name, { __proto__: null, ...d });
}

module.exports = {
  MessageEvent,
  NodeEventTarget,
  kCreateEvent,
  kHybridDispatch,
  kFirstListener,
  kLastListener,
  setPortCheck(fn) { isPort = fn; },
};
