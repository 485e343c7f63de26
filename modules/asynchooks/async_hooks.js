'use strict';
// The async context is a frame: a Map from AsyncLocalStorage instance to its store. Frames are
// never mutated once published, so a callback keeps the frame it was scheduled in.
const { codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID } } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

const getFrame = binding.getContext;
const setFrame = binding.setContext;


// V8's message for Reflect.apply on a non-function (node's run/exit/runInAsyncScope call it).
function describeForApply(v) {
  if (v === null) return 'null, which is null';
  switch (typeof v) {
    case 'object': {
      if (Array.isArray(v)) return '[object Array], which is an object';
      const proto = Object.getPrototypeOf(v);
      const name = proto && proto.constructor && proto.constructor.name;
      return `${name ? `#<${name}>` : '[object Object]'}, which is an object`;
    }
    case 'symbol': return `${String(v)}, which is a symbol`;
    default: return `${v}, which is a ${typeof v}`;
  }
}
// Calls fn as node's ReflectApply does: no frame of this module's between fn and its caller
// (goja's Reflect.apply is native); a non-function gets V8's message (notFunction).
const ReflectApply = Reflect.apply;
function notFunction(fn) {
  throw new TypeError(`Function.prototype.apply was called on ${describeForApply(fn)} and not a function`);
}

// The enabled instances, as node's storageList: a new AsyncResource records their stores under
// their kResourceStore symbols (node's init hook does), which its inspect shows.
const storageList = [];

class AsyncLocalStorage {
  constructor() {
    // node's own fields (its inspect shows them); the store itself lives in the async frame
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  _enable() {
    if (!this.enabled) {
      this.enabled = true;
      storageList.push(this);
    }
    // (node's enables its storage hook and asks for the execution's resource)
    usesResource = true;
    updateTrampoline();
  }

  _propagate() {}

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = getFrame();
    return function runInAsyncScope(cb, ...args) {
      const prev = getFrame();
      setFrame(frame);
      try {
        return cb(...args);
      } finally {
        setFrame(prev);
      }
    };
  }

  // As node's: the stores stay where they are; getStore() reads nothing until run/enterWith.
  disable() {
    if (this.enabled) {
      this.enabled = false;
      storageList.splice(storageList.indexOf(this), 1);
      updateTrampoline();
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    const frame = getFrame();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    this._enable();
    const next = new Map(getFrame() || undefined);
    next.set(this, store);
    setFrame(next);
  }

  run(store, callback, ...args) {
    // as node's: the store already active is not entered again (nor a disabled instance enabled)
    if (Object.is(store, this.getStore())) return (typeof callback === 'function' ? ReflectApply(callback, null, args) : notFunction(callback));
    this._enable();
    const prev = getFrame();
    const next = new Map(prev || undefined);
    next.set(this, store);
    setFrame(next);
    try {
      return (typeof callback === 'function' ? ReflectApply(callback, null, args) : notFunction(callback));
    } finally {
      setFrame(prev);
    }
  }

  // As node 20's: the instance is disabled while callback runs, so no store shows, not even a
  // resource's made before (runInAsyncScope); what callback schedules carries none either.
  exit(callback, ...args) {
    if (!this.enabled) return (typeof callback === 'function' ? ReflectApply(callback, null, args) : notFunction(callback));
    this.disable();
    const prev = getFrame();
    const inFrame = prev !== undefined && prev.has(this);
    if (inFrame) {
      const next = new Map(prev);
      next.delete(this);
      setFrame(next);
    }
    try {
      return (typeof callback === 'function' ? ReflectApply(callback, null, args) : notFunction(callback));
    } finally {
      if (inFrame) setFrame(prev);
      this._enable();
    }
  }
}

const kFrame = Symbol('kResourceStore');
const kAsyncId = Symbol('async_id_symbol');
const kTriggerAsyncId = Symbol('trigger_async_id_symbol');

let deprecate;
function deprecateAsyncResource(fn) {
  deprecate = deprecate || require('util').deprecate;
  return deprecate(fn, 'The asyncResource property on bound functions is deprecated', 'DEP0172');
}

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    // as node's: a number is the triggerAsyncId, anything else an options object
    let triggerAsyncId = typeof opts === 'number' ? opts : (opts == null ? undefined : opts.triggerAsyncId);
    if (triggerAsyncId !== undefined && (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1)) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    const asyncId = binding.newAsyncId();
    this[kAsyncId] = asyncId;
    this[kTriggerAsyncId] = triggerAsyncId === undefined ? executionAsyncId() : triggerAsyncId;
    Object.defineProperty(this, kFrame, { __proto__: null, value: getFrame(), enumerable: false, writable: true });
    for (const als of storageList) this[als.kResourceStore] = als.getStore();
    Object.defineProperty(this, '_type', { __proto__: null, value: type, enumerable: false });
    if (hooksOn) {
      // as node's emitInit: checked only when there is a hook to tell
      if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
      binding.emitInit(asyncId, type, this[kTriggerAsyncId], this);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prev = getFrame();
    setFrame(this[kFrame]);
    binding.pushScope(this[kAsyncId], this[kTriggerAsyncId], this);
    try {
      return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
    } finally {
      binding.popScope();
      setFrame(prev);
    }
  }

  emitDestroy() {
    if (hooksOn) binding.emitDestroy(this[kAsyncId]);
    return this;
  }
  asyncId() { return this[kAsyncId]; }
  triggerAsyncId() { return this[kTriggerAsyncId]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) { args.unshift(fn, this); return resource.runInAsyncScope.apply(resource, args); };
    } else {
      bound = resource.runInAsyncScope.bind(resource, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { __proto__: null, configurable: true, enumerable: true,
        get: deprecateAsyncResource(function () { return self; }),
        set: deprecateAsyncResource(function (v) { self = v; }) },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

const hookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const hookSymbols = hookNames.map((n) => Symbol(n));

// The enabled hooks, per event (the dispatcher's numbering: init, before, after, destroy,
// promiseResolve). Each list is replaced, never changed, so a hook enabling or disabling one
// does not change the list being walked (as node's copy-on-write tmp_active_hooks).
let active = [[], [], [], [], []];
let enabledHooks = [];
let hooksOn = false;

// The objects the hooks see for the loop's resources that have none of their own, with node's
// class names.
const resourceClasses = { __proto__: null };
function placeholderResource(type, className) {
  const key = className === undefined ? type : className;
  let C = resourceClasses[key];
  if (C === undefined) {
    const name = className !== undefined ? className : {
      FSREQCALLBACK: 'FSReqCallback', FSREQPROMISE: 'FSReqPromise', GETADDRINFOREQWRAP: 'GetAddrInfoReqWrap',
      GETNAMEINFOREQWRAP: 'GetNameInfoReqWrap', QUERYWRAP: 'QueryReqWrap', TCPCONNECTWRAP: 'TCPConnectWrap', PIPECONNECTWRAP: 'PipeConnectWrap',
      WRITEWRAP: 'WriteWrap', SHUTDOWNWRAP: 'ShutdownWrap', UDPSENDWRAP: 'SendWrap', PROMISE: 'PromiseWrap',
      HTTPINCOMINGMESSAGE: 'HTTPServerAsyncResource', HTTPCLIENTREQUEST: 'HTTPClientAsyncResource',
    }[type];
    if (name === undefined) return type === 'TickObject' ? { callback: undefined, args: undefined } : {};
    C = resourceClasses[key] = ({ [name]: class {} })[name];
  }
  return new C();
}

// As node's fatalError: a hook that throws ends the process.
function hookFailed(e) {
  if (typeof (e && e.stack) === 'string') {
    process._rawDebug(e.stack);
  } else {
    const o = { message: e };
    Error.captureStackTrace(o, hookFailed);
    process._rawDebug(o.stack);
  }
  process.exit(1);
}

// The loop calls dispatch for every event while a hook is enabled; init returns the resource.
function dispatch(ev, asyncId, type, triggerAsyncId, resource, className) {
  if (ev === 0 && resource === undefined) resource = placeholderResource(type, className);
  const list = active[ev];
  const sym = hookSymbols[ev];
  callDepth++;
  try {
    for (let i = 0; i < list.length; i++) {
      const hook = list[i];
      try {
        if (ev === 0) hook[sym](asyncId, type, triggerAsyncId, resource);
        else hook[sym](asyncId);
      } catch (e) {
        hookFailed(e);
      }
    }
  } finally {
    if (--callDepth === 0 && pendingHooks !== null) {
      const next = pendingHooks;
      pendingHooks = null;
      updateHooks(next);
    }
  }
  return resource;
}

// As node's: a hook enabled or disabled while hooks run (inside one of their callbacks, and the
// events those callbacks cause) takes effect once the outermost of those calls returns.
let callDepth = 0;
let pendingHooks = null;
function setHooks(list) {
  if (callDepth > 0) pendingHooks = list;
  else updateHooks(list);
}

function updateHooks(list) {
  enabledHooks = list;
  active = hookSymbols.map((sym) => list.filter((h) => typeof h[sym] === 'function'));
  const on = list.length > 0;
  if (on !== hooksOn) {
    hooksOn = on;
    binding.setHooks(on ? dispatch : null);
  }
  updateTrampoline();
}

// As node's: while any hook is enabled (an AsyncLocalStorage's counts), the callbacks its native
// side makes go through callbackTrampoline when a hook has before or after callbacks or
// executionAsyncResource was ever asked for (the stacks show its frame below them).
let usesResource = false;
let trampoline = false;
function updateTrampoline() {
  const on = (enabledHooks.length > 0 || storageList.length > 0) &&
    (usesResource || active[1].length > 0 || active[2].length > 0);
  if (on !== trampoline) {
    trampoline = on;
    binding.setTrampoline(on);
  }
}

class AsyncHook {
  constructor(callbacks) {
    if (callbacks == null) {
      throw new TypeError(`Cannot destructure property 'init' of '${callbacks === null ? 'object null' : callbacks}' as it is ${callbacks}.`);
    }
    hookNames.forEach((name, i) => {
      const cb = callbacks[name];
      if (cb !== undefined && typeof cb !== 'function') throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      this[hookSymbols[i]] = cb;
    });
  }
  enable() {
    const list = pendingHooks || enabledHooks;
    if (!list.includes(this)) setHooks([...list, this]);
    return this;
  }
  disable() {
    const list = pendingHooks || enabledHooks;
    if (list.includes(this)) setHooks(list.filter((h) => h !== this));
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

// The execution: the loop's (eventloop/asyncids.go). The main script's resource, and that of an
// execution whose resource has no object, is an object of the glue's.
const topResource = {};
const getExecutionAsyncId = binding.executionAsyncId;
const getTriggerAsyncId = binding.triggerAsyncId;
function executionAsyncId() { return getExecutionAsyncId(); }
function triggerAsyncId() { return getTriggerAsyncId(); }
function executionAsyncResource() {
  if (!usesResource) {
    usesResource = true;
    updateTrampoline();
  }
  const r = binding.executionAsyncResource();
  return r === undefined ? topResource : r;
}

// Node's order: the hooks API, then the embedder API (AsyncResource).
module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders: Object.freeze({ __proto__: null, NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2,
    ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5, BLOBREADER: 6, FSEVENTWRAP: 7,
    FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10, GETNAMEINFOREQWRAP: 11,
    HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15, HTTP2SETTINGS: 16,
    HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20, MESSAGEPORT: 21,
    PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24, PROCESSWRAP: 25, PROMISE: 26,
    QUERYWRAP: 27, QUIC_LOGSTREAM: 28, QUIC_PACKET: 29, SHUTDOWNWRAP: 30, SIGNALWRAP: 31,
    STATWATCHER: 32, STREAMPIPE: 33, TCPCONNECTWRAP: 34, TCPSERVERWRAP: 35, TCPWRAP: 36,
    TTYWRAP: 37, UDPSENDWRAP: 38, UDPWRAP: 39, SIGINTWATCHDOG: 40, WORKER: 41,
    WORKERHEAPSNAPSHOT: 42, WRITEWRAP: 43, ZLIB: 44, CHECKPRIMEREQUEST: 45, PBKDF2REQUEST: 46,
    KEYPAIRGENREQUEST: 47, KEYGENREQUEST: 48, KEYEXPORTREQUEST: 49, CIPHERREQUEST: 50,
    DERIVEBITSREQUEST: 51, HASHREQUEST: 52, RANDOMBYTESREQUEST: 53, RANDOMPRIMEREQUEST: 54,
    SCRYPTREQUEST: 55, SIGNREQUEST: 56, TLSWRAP: 57, VERIFYREQUEST: 58 }),
  AsyncResource,
};
