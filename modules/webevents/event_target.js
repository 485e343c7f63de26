'use strict';
// The web event classes Node exposes as globals: Event, CustomEvent, EventTarget, AbortController,
// AbortSignal and DOMException. State lives in private fields so instances have no visible own
// properties, as in Node. Listeners of one type form a linked list, which gives Node's exact
// behaviour when listeners are added or removed during a dispatch.

// (undefined as a binding of the module's own: goja looks the global one up by name through
// every enclosing scope at each use)
const undefined = void 0; // eslint-disable-line no-shadow-restricted-names

// internal/errors, internal/validators and events are loaded when first needed: an
// AbortController or an EventTarget needs none of them.
let errorsMod;
function errors() { return errorsMod || (errorsMod = require('internal/errors')); }
let validatorsMod;
function validators() { return validatorsMod || (validatorsMod = require('internal/validators')); }
// events' module once it has loaded, for its defaultMaxListeners (10 until then: only the module
// changes it); its symbols for the listener limit are in its binding, which loads no glue
let eventsMod = null;
internalBinding('internal/lazy_proto').whenLoaded('events', () => { eventsMod = require('events'); });
const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = internalBinding('events');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kTrustEvent = Symbol('kTrustEvent');
// marks a NodeEventTarget's on/once wrapper: node does not end an event's dispatch state after one
const kNodeStyleListener = Symbol('kNodeStyleListener');
const kResistStopPropagation = Symbol.for('nodejs.internal.kResistStopPropagation');
const kWeakHandler = Symbol('kWeak');
const kDontThrow = Symbol('kDontThrowSymbol');
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kComposite = Symbol('kComposite');
const kObjectAll = 7; // nullable | allowArray | allowFunction

let utilInspect;
function inspect(v, opts) {
  if (utilInspect === undefined) {
    try {
      utilInspect = require('util').inspect;
    } catch (e) {
      utilInspect = null;
    }
  }
  if (utilInspect) return utilInspect(v, opts);
  if (v !== null && typeof v === 'object' && typeof v[kInspect] === 'function') {
    const depth = opts && opts.depth !== undefined ? opts.depth : 2;
    const r = v[kInspect](depth, Object.assign({ depth }, opts), inspect);
    if (typeof r === 'string') return r;
  }
  return String(v);
}

function nextDepth(options) {
  const o = Object.assign({}, options);
  o.depth = Number.isInteger(options.depth) ? options.depth - 1 : options.depth;
  return o;
}

function emitWarning(w) {
  if (typeof process !== 'undefined' && process !== null && typeof process.emitWarning === 'function') {
    process.emitWarning(w);
  }
}

// (node rethrows a listener's error from a tick of its own: the excerpt of it uncaught is that
// throw's)
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
const rethrowArrow = 'node:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n                           ^\n';

function emitUncaughtException(err) {
  if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
    try {
      putArrow(err, rethrowArrow);
    } catch {
      // (a frozen or proxied error keeps its own excerpt)
    }
  }
  const thrower = () => {
    throw err;
  };
  if (typeof process !== 'undefined' && process !== null && typeof process.nextTick === 'function') {
    process.nextTick(thrower);
  } else {
    queueMicrotask(thrower);
  }
}

// (the stack starts at the method that checked its receiver, as node's)
function invalidThis(type) {
  return errors().makeNodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type, invalidThis);
}

function toDOMString(value) {
  if (typeof value === 'symbol') {
    throw new (errors().codes.ERR_INVALID_ARG_VALUE)('value', value);
  }
  return `${value}`;
}

// ---- DOMException ----

const domCodes = {
  IndexSizeError: 1,
  DOMStringSizeError: 2,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoDataAllowedError: 6,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  ValidationError: 16,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

const domConstants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
  'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR',
  'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR',
  'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];

// (node's name: its stack starts here; node's error is a TypeError with a code, which only its
// toString shows)
function throwInvalidThisError() {
  const err = errors().makeNativeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of DOMException');
  Object.defineProperty(err, 'toString', {
    __proto__: null,
    value() { return `${this.name} [ERR_INVALID_THIS]: ${this.message}`; },
    configurable: true, writable: true, enumerable: false,
  });
  throw err;
}

// As node's, no subclass of Error: its instances are ordinary objects (no native errors) whose
// prototype chain holds Error.prototype.
class DOMException {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    // V8's stack, taken first as node's constructor does (ErrorCaptureStackTrace(this)), formatted
    // when first read (its first line names the exception by the getters below)
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this);
    let name;
    if (options !== null && typeof options === 'object') {
      name = `${options.name}`;
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          __proto__: null, value: options.cause, configurable: true, writable: true, enumerable: false,
        });
      }
    } else {
      name = `${options}`;
    }
    this.#name = name;
    this.#message = `${message}`;
  }

  get name() {
    if (this === null || typeof this !== 'object' || !(#name in this)) throwInvalidThisError();
    return this.#name;
  }

  get message() {
    if (this === null || typeof this !== 'object' || !(#name in this)) throwInvalidThisError();
    return this.#message;
  }

  get code() {
    if (this === null || typeof this !== 'object' || !(#name in this)) throwInvalidThisError();
    const c = domCodes[this.#name];
    return c === undefined ? 0 : c;
  }
}

for (const key of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  d.enumerable = true;
  Object.defineProperty(DOMException.prototype, key, { __proto__: null, ...d });
}
Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'DOMException',
});
for (let i = 0; i < domConstants.length; i++) {
  const desc = { __proto__: null, enumerable: true, value: i + 1 };
  Object.defineProperty(DOMException, domConstants[i], { __proto__: null, ...desc });
  Object.defineProperty(DOMException.prototype, domConstants[i], { __proto__: null, ...desc });
}

// ---- Event ----

let eventInternals; // set from inside the Event class body
// How many times an event has been stopped (stopImmediatePropagation) and has begun a dispatch:
// a dispatch asks its event's state again only when one of them has happened since it last did.
let stopCount = 0;
let beginCount = 0;

const now = typeof binding.now === 'function' ? binding.now : () => Date.now();

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp;
  #propagationStopped = false;
  #stop = false;
  #target = null;
  #dispatching = false;
  #trusted = false;

  // (a rest parameter, not the arguments object, which costs the engine more: the lengths of
  // the functions written so are set to node's below)
  constructor(...args) {
    if (args.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    const type = args[0];
    const options = args[1];
    // (the validator, nullable, throws for an array or a primitive alone)
    if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      validators().validateObject(options, 'options', 1);
    }
    this.#type = typeof type === 'string' ? type : `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this.#trusted = !!(options && options[kTrustEvent]);
    this.#timestamp = now();
  }

  static {
    eventInternals = {
      is: (o) => o !== null && typeof o === 'object' && #type in o,
      dispatching: (e) => e.#dispatching,
      // (the event begins its dispatch: whether it was stopped already)
      begin: (e, target) => {
        e.#target = target;
        e.#dispatching = true;
        beginCount++;
        return e.#stop;
      },
      end: (e) => {
        e.#dispatching = false;
      },
      stopped: (e) => e.#stop,
      fields: (e) => ({
        type: e.#type,
        defaultPrevented: e.#defaultPrevented,
        cancelable: e.#cancelable,
        timeStamp: e.#timestamp,
      }),
    };
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [kInspect](depth, options) {
    const inspectFn = arguments[2]; // (node's takes two parameters)
    const name = this.constructor.name;
    if (depth < 0) return name;
    const ins = typeof inspectFn === 'function' ? inspectFn : inspect;
    return `${name} ${ins(eventInternals.fields(this), nextDepth(options))}`;
  }

  stopImmediatePropagation() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    this.#propagationStopped = true;
    this.#stop = true;
    stopCount++;
  }

  preventDefault() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    // Node 20 does not make preventDefault a no-op in passive listeners.
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  // (each method checks its receiver itself, not through eventInternals.is: a call less)
  get target() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#target;
  }

  get currentTarget() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#dispatching ? this.#target : null;
  }

  get srcElement() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#target;
  }

  get type() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#type;
  }

  get cancelable() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#dispatching ? [this.#target] : [];
  }

  get returnValue() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#bubbles;
  }

  get composed() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (this === null || typeof this !== 'object' || !(#type in this)) throw invalidThis('Event');
    this.#propagationStopped = true;
  }

  // isTrusted has no brand check in node: any other receiver is simply not trusted.
  get isTrusted() {
    return eventInternals.is(this) && this.#trusted;
  }
}

for (const [k, v] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, k, {
    __proto__: null, writable: false, configurable: false, enumerable: true, value: v,
  });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'Event',
});

class CustomEvent extends Event {
  #detail;

  constructor(...args) {
    if (args.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    const options = args[1];
    super(args[0], options);
    this.#detail = options && options.detail !== undefined ? options.detail : null;
  }

  get detail() {
    if (!(this !== null && typeof this === 'object' && #detail in this)) throw invalidThis('CustomEvent');
    return this.#detail;
  }
}

Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'CustomEvent',
});

// ---- EventTarget ----

// A type's listeners are a list after its root ({ size, next, last, index }): last is the list's
// end, where a listener is added, and index maps each listener to its records (one per capture
// value), so that adding and removing do not walk the list: node walks it, which costs little in
// V8 but grew quadratic here with thousands of listeners.
class Listener {
  constructor(root, listener, once, capture, passive, resist) {
    const previous = root.last;
    this.next = undefined;
    previous.next = this;
    this.previous = previous;
    this.root = root;
    root.last = this;
    const same = root.index.get(listener);
    if (same === undefined) root.index.set(listener, this);
    else root.index.set(listener, Array.isArray(same) ? [...same, this] : [same, this]);
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.resist = resist;
    this.removed = false;
    this.isObject = typeof listener !== 'function';
    this.nodeStyle = !this.isObject && listener[kNodeStyleListener] === true;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
    const root = this.root;
    if (root.last === this) root.last = this.previous;
    const same = root.index.get(this.listener);
    if (same === this) root.index.delete(this.listener);
    else if (Array.isArray(same)) {
      const rest = same.filter((h) => h !== this);
      root.index.set(this.listener, rest.length === 1 ? rest[0] : rest);
    }
  }
}

// findListener is the record of listener with that capture among root's, or undefined.
function findListener(root, listener, capture) {
  const same = root.index.get(listener);
  if (same === undefined) return undefined;
  if (!Array.isArray(same)) return same.capture === capture ? same : undefined;
  for (let i = 0; i < same.length; i++) if (same[i].capture === capture) return same[i];
  return undefined;
}

function newRoot() {
  const root = { size: 0, next: undefined, last: undefined, index: new Map() };
  root.last = root;
  return root;
}
// (a listener record inherits nothing from Object.prototype, so a program's accessor there
// named as one of its fields does not refuse the field)
Object.setPrototypeOf(Listener.prototype, null);

function validateEventListener(listener) {
  if (typeof listener === 'function' ||
      (listener !== null && typeof listener === 'object' && typeof listener.handleEvent === 'function')) {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
}

// kEmptyOptions are node's options when none are given: no prototype, so nothing is read from
// Object.prototype.
const kEmptyOptions = Object.freeze({ __proto__: null });

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return kEmptyOptions;
  // (the validator throws for the rest: no other value passes it)
  if (typeof options !== 'object' && typeof options !== 'function') {
    validators().validateObject(options, 'options', kObjectAll);
  }
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resist: Boolean(options[kResistStopPropagation]),
  };
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, function (err) {
      emitUncaughtException(err);
    });
  }
}

let targetInternals;

class EventTarget {
  // node's marker, an enumerable static: console.log(EventTarget) shows it
  static [Symbol.for('nodejs.event_target')] = true;

  #events = new Map();

  constructor() {
    // Node keeps these as enumerable own symbol properties; inspect shows an instance past the
    // depth limit as [Name] because of them.
    this[kEvents] = this.#events;
    this[kMaxEventTargetListeners] = eventsMod === null ? 10 : eventsMod.defaultMaxListeners;
    this[kMaxEventTargetListenersWarned] = false;
    this[kHandlers] = new Map();
  }

  static {
    targetInternals = {
      is: (o) => o !== null && typeof o === 'object' && #events in o,
      listeners: (t, type) => {
        const root = t.#events.get(`${type}`);
        const out = [];
        if (root === undefined) return out;
        for (let h = root.next; h !== undefined; h = h.next) {
          if (!h.removed) out.push(h.listener);
        }
        return out;
      },
      // no listener for type (a dispatch would call nothing)
      idle: (t, type) => {
        const root = t.#events.get(type);
        return root === undefined || root.next === undefined;
      },
    };
  }

  addEventListener(...args) {
    if (!targetInternals.is(this)) throw invalidThis('EventTarget');
    if (args.length < 2) throw new (errors().codes.ERR_MISSING_ARGS)('type', 'listener');
    let type = args[0];
    const listener = args[1];
    const options = args[2];
    const { once, capture, passive, signal, resist } = validateEventListenerOptions(options);
    validators().validateAbortSignal(signal, 'options.signal');
    if (!validateEventListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      emitWarning(w);
      return;
    }
    type = toDOMString(type);
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
    let root = this.#events.get(type);
    if (root === undefined) {
      root = newRoot();
      this.#events.set(type, root);
    } else if (findListener(root, listener, !!capture) !== undefined) {
      return;
    }
    new Listener(root, listener, !!once, !!capture, !!passive, !!resist);
    root.size++;
    this.#checkMax(root.size, type);
  }

  #checkMax(size, type) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' + size + ' ' + type +
        ' listeners added to ' + inspect(this, { depth: -1 }) + '. MaxListeners is ' + max +
        '. Use events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      emitWarning(w);
    }
  }

  removeEventListener(...args) {
    if (!targetInternals.is(this)) throw invalidThis('EventTarget');
    if (args.length < 2) throw new (errors().codes.ERR_MISSING_ARGS)('type', 'listener');
    let type = args[0];
    const listener = args[1];
    const options = args[2];
    if (!validateEventListener(listener)) return;
    type = toDOMString(type);
    const capture = options !== null && options !== undefined && options.capture === true;
    const root = this.#events.get(type);
    if (root === undefined || root.next === undefined) return;
    const handler = findListener(root, listener, capture);
    if (handler !== undefined) {
      handler.remove();
      root.size--;
      if (root.size === 0) this.#events.delete(type);
    }
  }

  dispatchEvent(...args) {
    if (this === null || typeof this !== 'object' || !(#events in this)) throw invalidThis('EventTarget');
    if (args.length < 1) throw new (errors().codes.ERR_MISSING_ARGS)('event');
    const event = args[0];
    if (!(event instanceof Event)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('event', 'Event', event);
    if (eventInternals.dispatching(event)) {
      throw errors().makeNodeError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    }
    this.#dispatch(event, event.type);
    return event.defaultPrevented !== true;
  }

  #dispatch(event, type) {
    let stopped = eventInternals.begin(event, this);
    const root = this.#events.get(type);
    if (root === undefined || root.next === undefined) {
      eventInternals.end(event);
      return;
    }
    let handler = root.next;
    let next;
    let stops = stopCount;
    // (ended: the event's dispatch was ended after a listener, and none has begun since)
    let ended = false;
    let begins = 0;
    while (handler !== undefined) {
      if (stops !== stopCount) {
        stops = stopCount;
        stopped = eventInternals.stopped(event);
      }
      if (stopped && !handler.resist) break;
      next = handler.next;
      if (handler.removed) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        if (root.size === 0 && this.#events.get(type) === root) this.#events.delete(type);
      }
      try {
        let result;
        if (handler.isObject) {
          result = callHandleEvent(handler.listener, event);
        } else {
          result = handler.listener.call(this, event);
        }
        // As node's: once a listener (not a node-style one) returns, the event is no longer
        // marked as being dispatched, so later listeners see eventPhase NONE, a null
        // currentTarget and an empty composedPath(), and may dispatch it again
        if (!handler.nodeStyle && (!ended || begins !== beginCount)) {
          eventInternals.end(event);
          ended = true;
          begins = beginCount;
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      handler = next;
    }
    if (!ended || begins !== beginCount) eventInternals.end(event);
  }

  [kInspect](depth, options) {
    const inspectFn = arguments[2]; // (node's takes two parameters)
    if (!targetInternals.is(this)) throw invalidThis('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const ins = typeof inspectFn === 'function' ? inspectFn : inspect;
    return `${name} ${ins({}, nextDepth(options))}`;
  }
}

// An object listener's handleEvent is looked up at dispatch time, twice as node's (once to
// test it, once to call it: a getter sees both); what it throws, or a handleEvent that is no
// function, surfaces as an uncaught exception through the returned promise, as in Node.
// The promise is made only when something can come of it: a handleEvent that returns undefined
// or another value no thenable can be (the common case) settles a promise nothing sees, unless
// async hooks are on (node's is a PROMISE resource then). What it returns that may be a thenable
// is awaited as node's callback awaits it (a native promise's rejection comes out a job earlier
// than a thenable's).
function callHandleEvent(listener, event) {
  if (asyncHooksOn()) return handleEventAsync(listener, event);
  let result;
  try {
    if (!listener.handleEvent) return undefined;
    result = Reflect.apply(listener.handleEvent, listener, [event]);
  } catch (err) {
    return Promise.reject(err);
  }
  if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return undefined;
  return awaitResult(result);
}
// node's callback of an object listener: an async arrow awaiting what handleEvent returns
async function handleEventAsync(listener, event) {
  if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, [event]);
}
async function awaitResult(result) {
  await result;
}
const asyncHooksOn = typeof binding.asyncHooksOn === 'function' ? binding.asyncHooksOn : () => false;

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'EventTarget',
});

// on<name> attributes (for <type> events, <name> unless given, as node's third parameter): the
// first assignment registers a wrapper listener that stays in place;
// later assignments only change what it calls (any value is kept; only functions are called).
// The wrapper is kept in the target's own kHandlers map under its type, as node keeps it (not in
// a goja WeakMap, which cost several microseconds per target).
function defineEventHandler(proto, name, type = name) {
  // As node's: the accessors are named 'get on<name>'/'set on<name>' and work only on an
  // EventTarget instance (one with its own kHandlers), else ERR_INVALID_ARG_TYPE for "this".
  const checkThis = (self) => {
    if (self === null || typeof self !== 'object' || !Object.prototype.hasOwnProperty.call(self, kHandlers)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('this', 'EventTarget', self);
    }
  };
  const accessors = {
    get() {
      checkThis(this);
      const w = this[kHandlers].get(type);
      return w === undefined || w.handler === undefined ? null : w.handler;
    },
    set(value) {
      checkThis(this);
      let w = this[kHandlers].get(type);
      if (w === undefined) {
        w = function eventHandler(...args) {
          if (typeof w.handler !== 'function') return;
          return Reflect.apply(w.handler, this, args);
        };
        w.handler = value;
        this[kHandlers].set(type, w);
        this.addEventListener(type, w);
        return;
      }
      w.handler = value;
    },
  };
  Object.defineProperty(accessors.get, 'name', { __proto__: null, value: `get on${name}` });
  Object.defineProperty(accessors.set, 'name', { __proto__: null, value: `set on${name}` });
  Object.defineProperty(proto, `on${name}`, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get: accessors.get,
    set: accessors.set,
  });
}

// ---- AbortSignal / AbortController ----

let signalInternals;

function abortedReason() {
  return new DOMException('This operation was aborted', 'AbortError');
}

function customInspect(self, obj, depth, options, inspectFn) {
  if (depth < 0) return self;
  const ins = typeof inspectFn === 'function' ? inspectFn : inspect;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${ins(obj, opts)}`;
}

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  // Signals made by AbortSignal.any: they abort right after this one's listeners ran.
  #dependants = undefined;
  // For a signal made by AbortSignal.any, the plain signals it follows.
  #sources = undefined;

  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrow) throw new (errors().codes.ERR_ILLEGAL_CONSTRUCTOR)();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    this[kComposite] = false;
  }

  static {
    signalInternals = {
      is: (o) => o !== null && typeof o === 'object' && #aborted in o,
      create: (aborted, reason) => {
        const s = new AbortSignal(kDontThrow);
        // (the constructor made it not aborted, without reason)
        if (aborted !== false || reason !== undefined) {
          s.#aborted = aborted;
          s.#reason = reason;
          s[kAborted] = aborted;
          s[kReason] = reason;
        }
        return s;
      },
      abort: (s, reason) => {
        if (s.#aborted) return;
        s.#aborted = true;
        s.#reason = reason;
        s[kAborted] = true;
        s[kReason] = reason;
        // (with no listener, and dispatchEvent as it was made, the event would reach nothing:
        // it is not made, which was a third of an abort's cost)
        if (s.dispatchEvent !== dispatchEventMethod || !targetInternals.idle(s, 'abort')) {
          s.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
        }
        const deps = s.#dependants;
        if (deps !== undefined) {
          deps.forEach((d) => signalInternals.abort(d, reason)); // (node's frames: its forEach)
        }
      },
      follow: (result, source) => {
        const list = source.#sources !== undefined ? source.#sources : [source];
        for (const src of list) {
          if (result.#sources === undefined) result.#sources = [];
          if (!result.#sources.includes(src)) result.#sources.push(src);
          if (src.#dependants === undefined) src.#dependants = new Set();
          src.#dependants.add(result);
        }
      },
    };
  }

  // As node's, these check their receiver and read its state through the signal's kAborted and
  // kReason properties, so that they work on a Proxy of a signal too (node's test harness hands
  // out such proxies: common.mustNotMutateObjectDeep({ signal })).
  get aborted() {
    if (this?.[kAborted] === undefined) throw invalidThis('AbortSignal');
    return !!this[kAborted];
  }

  get reason() {
    if (this?.[kAborted] === undefined) throw invalidThis('AbortSignal');
    return this[kReason];
  }

  throwIfAborted() {
    if (this?.[kAborted] === undefined) throw invalidThis('AbortSignal');
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = abortedReason()) {
    return signalInternals.create(true, reason);
  }

  static timeout(delay) {
    validators().validateUint32(delay, 'delay', false); // at: internal/abort_controller:186:5
    const signal = signalInternals.create(false, undefined);
    const fire = () => {
      signalInternals.abort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    };
    if (typeof binding.timeout === 'function') {
      binding.timeout(delay, fire);
    } else {
      const t = setTimeout(fire, delay);
      if (t && typeof t.unref === 'function') t.unref();
    }
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('signals', 'Array', signals);
    // node checks each one as validateAbortSignal does, less its pass for undefined: an object
    // with an `aborted` property will do (its aborted and reason are read; one not aborted is
    // never followed, as it cannot tell the result when it aborts)
    for (let i = 0; i < signals.length; i++) {
      const s = signals[i];
      if (s === null || typeof s !== 'object' || !('aborted' in s)) {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)(`signals[${i}]`, 'AbortSignal', s);
      }
    }
    for (let i = 0; i < signals.length; i++) {
      if (signals[i].aborted) {
        const aborted = signalInternals.create(true, signals[i].reason);
        aborted[kComposite] = true;
        return aborted;
      }
    }
    const result = signalInternals.create(false, undefined);
    result[kComposite] = true;
    for (let i = 0; i < signals.length; i++) {
      if (signalInternals.is(signals[i])) signalInternals.follow(result, signals[i]);
    }
    return result;
  }

  [kInspect](depth, options) {
    const inspectFn = arguments[2]; // (node's takes two parameters)
    return customInspect(this, { aborted: this.aborted }, depth, options, inspectFn);
  }
}

const dispatchEventMethod = EventTarget.prototype.dispatchEvent;

// AbortSignal.prototype keeps Node's key order: aborted, reason, throwIfAborted, onabort.
defineEventHandler(AbortSignal.prototype, 'abort');
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortSignal',
});

class AbortController {
  #signal;

  constructor() {
    this.#signal = signalInternals.create(false, undefined);
  }

  get signal() {
    return this.#signal;
  }

  abort(reason = abortedReason()) {
    signalInternals.abort(this.#signal, reason);
  }

  [kInspect](depth, options) {
    const inspectFn = arguments[2]; // (node's takes two parameters)
    return customInspect(this, { signal: this.signal }, depth, options, inspectFn);
  }
}

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortController',
});

// Node defines these prototype members as enumerable.
function makeEnumerable(proto, names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    d.enumerable = true;
    Object.defineProperty(proto, name, { __proto__: null, ...d });
  }
}
// node's lengths of the functions written with a rest parameter
for (const [fn, length] of [[Event, 1], [CustomEvent, 1], [EventTarget.prototype.addEventListener, 2],
  [EventTarget.prototype.removeEventListener, 2], [EventTarget.prototype.dispatchEvent, 1]]) {
  Object.defineProperty(fn, 'length', { __proto__: null, value: length });
}
makeEnumerable(Event.prototype, Object.getOwnPropertyNames(Event.prototype).filter((k) => k !== 'constructor'));
makeEnumerable(CustomEvent.prototype, ['detail']);
// node's isTrusted is [LegacyUnforgeable]: not configurable.
Object.defineProperty(Event.prototype, 'isTrusted', { __proto__: null, configurable: false });
makeEnumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
makeEnumerable(AbortSignal.prototype, ['aborted']);
makeEnumerable(AbortController.prototype, ['signal', 'abort']);

function kGetListeners(target, type) {
  return targetInternals.listeners(target, type);
}

// The six classes are the enumerable exports (the runtime installs them as globals); the helpers
// other built-ins use are non-enumerable.
module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  AbortController,
  AbortSignal,
  DOMException,
};
const helpers = {
  kGetListeners,
  kTrustEvent,
  kNodeStyleListener,
  kResistStopPropagation,
  isEventTarget: (o) => targetInternals.is(o),
  isAbortSignal: (o) => signalInternals.is(o),
  defineEventHandler,
};
for (const key of Object.keys(helpers)) {
  Object.defineProperty(module.exports, key, {
    __proto__: null, value: helpers[key], enumerable: false, writable: false, configurable: false,
  });
}
// node's own tests (--expose-internals) take kWeakHandler and NodeEventTarget from here (the
// latter lives with MessagePort, in internal/worker/io, and is read from there when asked for)
Object.defineProperty(module.exports, 'kWeakHandler', {
  __proto__: null, value: kWeakHandler, enumerable: false, writable: false, configurable: false,
});
Object.defineProperty(module.exports, 'NodeEventTarget', {
  __proto__: null, enumerable: false, configurable: false,
  get() { return require('internal/worker/io').NodeEventTarget; },
});
