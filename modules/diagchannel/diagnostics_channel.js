'use strict';
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');

const channels = new Map();

// Calls fn as node's ReflectApply does: the call adds no frame of the glue to a stack (goja's
// Reflect.apply is native), and a non-function gets V8's message (notFunction).
const ReflectApply = Reflect.apply;
function notFunction(fn) {
  let what;
  if (fn === null) what = 'null, which is null';
  else if (typeof fn === 'object') what = `${Array.isArray(fn) ? '[object Array]' : '#<Object>'}, which is an object`;
  else if (typeof fn === 'symbol') what = `${String(fn)}, which is a symbol`;
  else what = `${fn}, which is a ${typeof fn}`;
  throw new TypeError(`Function.prototype.apply was called on ${what} and not a function`);
}

class SafeMap extends Map {}

// As node's: a channel without subscribers or stores is a plain Channel (its _subscribers and
// _stores undefined); the first subscribe/bindStore turns it into an ActiveChannel, and it turns
// back when the last one goes.
function markActive(ch) {
  Object.setPrototypeOf(ch, ActiveChannel.prototype);
  ch._subscribers = [];
  ch._stores = new SafeMap();
  if (builtinChannels.has(ch)) notifyBuiltin();
}

function maybeMarkInactive(ch) {
  if (!ch._subscribers.length && !ch._stores.size) {
    Object.setPrototypeOf(ch, Channel.prototype);
    ch._subscribers = undefined;
    ch._stores = undefined;
    if (builtinChannels.has(ch)) notifyBuiltin();
  }
}

// The channels node's built-ins publish to, by the key they use (internal/dc_builtin).
const builtinNames = {
  httpClientRequestStart: 'http.client.request.start',
  httpClientRequestError: 'http.client.request.error',
  httpClientResponseFinish: 'http.client.response.finish',
  httpServerRequestStart: 'http.server.request.start',
  httpServerResponseFinish: 'http.server.response.finish',
  netClientSocket: 'net.client.socket',
  netServerSocket: 'net.server.socket',
  netServerListenAsyncStart: 'tracing:net.server.listen:asyncStart',
  netServerListenAsyncEnd: 'tracing:net.server.listen:asyncEnd',
  netServerListenError: 'tracing:net.server.listen:error',
  udpSocket: 'udp.socket',
  childProcess: 'child_process',
  workerThreads: 'worker_threads',
};
const builtinChannels = new Set();
const builtin = require('internal/dc_builtin');

function notifyBuiltin() {
  const watchers = builtin.watchers;
  for (let i = 0; i < watchers.length; i++) watchers[i]();
}

function wrapStoreRun(store, data, next, transform) {
  return () => {
    let context = data;
    if (transform) {
      try {
        context = transform(data);
      } catch (err) {
        process.nextTick(() => { throw err; });
        return next();
      }
    }
    return store.run(context, next);
  };
}

class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = this._subscribers.slice();
    this._subscribers.push(subscription);
  }

  unsubscribe(subscription) {
    const i = this._subscribers.indexOf(subscription);
    if (i === -1) return false;
    const next = this._subscribers.slice();
    next.splice(i, 1);
    this._subscribers = next;
    maybeMarkInactive(this);
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    maybeMarkInactive(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    const subscribers = this._subscribers;
    for (let i = 0; i < (subscribers ? subscribers.length : 0); i++) {
      try {
        const onMessage = subscribers[i];
        onMessage(data, this.name);
      } catch (err) {
        process.nextTick(() => { throw err; });
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
    };
    for (const [store, transform] of this._stores) run = wrapStoreRun(store, data, run, transform);
    return run();
  }
}
// Every active channel was made by Channel's constructor: stack frames name its methods'
// receiver Channel (V8 names the constructor in the object's map), inspect ActiveChannel.
Object.defineProperty(ActiveChannel, Symbol.for('gojs.madeBy'), { __proto__: null, value: 'Channel' });

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    // As node's, a constructed channel is the one channel(name) returns from now on, whatever
    // the name (channel() checks the registry before it checks the name's type).
    channels.set(name, this);
  }

  // (as node's, undefined or null throws: Object.getPrototypeOf)
  static [Symbol.hasInstance](instance) {
    const proto = Object.getPrototypeOf(instance);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    markActive(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    markActive(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
  }
}

function channel(name) {
  const ch = channels.get(name);
  if (ch !== undefined) return ch;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ch = channels.get(name);
  return ch !== undefined && ch.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

function tracingChannelFrom(nameOrChannels, name) {
  if (typeof nameOrChannels === 'string') return channel(`tracing:${nameOrChannels}:${name}`);
  if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
    const ch = nameOrChannels[name];
    if (ch instanceof Channel) return ch;
    throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${name}`, ['Channel'], ch);
  }
  throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
}

class TracingChannel {
  // the five channels are read-only, non-enumerable properties, as node's
  constructor(nameOrChannels) {
    for (const ev of traceEvents) {
      Object.defineProperty(this, ev, { __proto__: null, value: tracingChannelFrom(nameOrChannels, ev) });
    }
  }

  get hasSubscribers() {
    return traceEvents.some((ev) => this[ev].hasSubscribers);
  }

  subscribe(handlers) {
    for (const ev of traceEvents) if (handlers[ev]) this[ev].subscribe(handlers[ev]);
  }

  unsubscribe(handlers) {
    let done = true;
    for (const ev of traceEvents) if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        let promise = (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(err, res) {
      // goja loses `arguments` read only from an arrow function: take it here.
      const cbArgs = arguments;
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      asyncStart.runStores(context, () => {
        try {
          return callback.apply(this, cbArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args) : notFunction(fn));
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

{
  const byKey = {};
  for (const key of Object.keys(builtinNames)) {
    const ch = channel(builtinNames[key]);
    builtinChannels.add(ch);
    byKey[key] = ch;
  }
  builtin.channels = byKey;
}

module.exports = { channel, hasSubscribers, subscribe, tracingChannel, unsubscribe, Channel };
