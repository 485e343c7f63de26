'use strict';
// The async context is a frame: a Map from AsyncLocalStorage instance to its store. Frames are
// never mutated once published, so a callback keeps the frame it was scheduled in.
const { codes: { ERR_ASYNC_CALLBACK, ERR_INVALID_ASYNC_ID } } = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');

const getFrame = binding.getContext;
const setFrame = binding.setContext;

let nextAsyncId = 1;

class AsyncLocalStorage {
  constructor() {
    this._enabled = true;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = getFrame();
    return function runInAsyncScope(fn, ...args) {
      const prev = getFrame();
      setFrame(frame);
      try {
        return fn(...args);
      } finally {
        setFrame(prev);
      }
    };
  }

  disable() {
    this._enabled = false;
    const frame = getFrame();
    if (frame !== undefined && frame.has(this)) {
      const next = new Map(frame);
      next.delete(this);
      setFrame(next);
    }
  }

  getStore() {
    if (!this._enabled) return undefined;
    const frame = getFrame();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    this._enabled = true;
    const next = new Map(getFrame() || undefined);
    next.set(this, store);
    setFrame(next);
  }

  run(store, callback, ...args) {
    this._enabled = true;
    const prev = getFrame();
    const next = new Map(prev || undefined);
    next.set(this, store);
    setFrame(next);
    try {
      return callback(...args);
    } finally {
      setFrame(prev);
    }
  }

  exit(callback, ...args) {
    const prev = getFrame();
    if (prev === undefined || !prev.has(this)) return callback(...args);
    const next = new Map(prev);
    next.delete(this);
    setFrame(next);
    try {
      return callback(...args);
    } finally {
      setFrame(prev);
    }
  }
}

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerAsyncId = opts;
    if (typeof opts === 'object' && opts !== null) triggerAsyncId = opts.triggerAsyncId;
    if (triggerAsyncId !== undefined && (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1)) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    this._frame = getFrame();
    this._asyncId = nextAsyncId++;
    this._triggerAsyncId = triggerAsyncId === undefined ? 1 : triggerAsyncId;
    Object.defineProperty(this, '_type', { __proto__: null, value: type, enumerable: false });
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prev = getFrame();
    setFrame(this._frame);
    try {
      return fn.apply(thisArg, args);
    } finally {
      setFrame(prev);
    }
  }

  emitDestroy() { return this; }
  asyncId() { return this._asyncId; }
  triggerAsyncId() { return this._triggerAsyncId; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) { args.unshift(fn, this); return resource.runInAsyncScope.apply(resource, args); };
    } else {
      bound = resource.runInAsyncScope.bind(resource, fn, thisArg);
    }
    Object.defineProperties(bound, {
      length: { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { __proto__: null, configurable: true, enumerable: true, value: this, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

class AsyncHook {
  constructor(callbacks) {
    validateObject(callbacks, 'callbacks');
    for (const name of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
      if (callbacks[name] !== undefined && typeof callbacks[name] !== 'function') {
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
    }
    this._callbacks = callbacks;
  }
  enable() { return this; }
  disable() { return this; }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

function executionAsyncId() { return 1; }
function triggerAsyncId() { return 0; }
function executionAsyncResource() { return {}; }

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders: Object.freeze({ __proto__: null, NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3,
    FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5, FIXEDSIZEBLOBCOPY: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8,
    FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10, GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12,
    HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15, HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17,
    HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20, MESSAGEPORT: 21, PIPECONNECTWRAP: 22,
    PIPESERVERWRAP: 23, PIPEWRAP: 24, PROCESSWRAP: 25, PROMISE: 26, QUERYWRAP: 27,
    SHUTDOWNWRAP: 28, SIGNALWRAP: 29, STATWATCHER: 30, STREAMPIPE: 31, TCPCONNECTWRAP: 32,
    TCPSERVERWRAP: 33, TCPWRAP: 34, TTYWRAP: 35, UDPSENDWRAP: 36, UDPWRAP: 37, SIGINTWATCHDOG: 38,
    WORKER: 39, WORKERHEAPSNAPSHOT: 40, WRITEWRAP: 41, ZLIB: 42 }),
};
