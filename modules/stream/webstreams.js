'use strict';
// internal/webstreams: the WHATWG Streams Standard (ReadableStream with default and BYOB readers,
// tee, pipeTo/pipeThrough and byte streams; WritableStream; TransformStream; the queuing
// strategies; TextEncoderStream/TextDecoderStream) and the adapters between web streams and
// Node streams. The algorithms follow the specification's steps, so promise settlement order
// matches Node's implementation of the same standard.

// (undefined as a binding of the module's own: goja looks the global one up by name through
// every enclosing scope at each use, and the streams compare with it on every step)
const undefined = void 0; // eslint-disable-line no-shadow-restricted-names
const ie = require('internal/errors');
const { Fifo } = require('internal/fixed_queue');
const { codes } = ie;

const kState = Symbol('kState');
const kType = Symbol('kType');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kIsClosedPromise = Symbol('kIsClosedPromise');

// The spec's TransferArrayBuffer, as node's: the bytes move to a new ArrayBuffer (no copy) and the
// given one is left detached, so a chunk enqueued into a byte stream, or a view handed to a BYOB
// read or a BYOB request, reads as empty afterwards.
// An untransferable buffer (the Buffer pool, or one given to markAsUntransferable) is copied
// whole instead and stays as it was: node's detach fails on it and ends the process.
function transferArrayBuffer(buffer) {
  if (require('internal/structured_clone').isUntransferable(buffer) && buffer.byteLength !== undefined) {
    return buffer.slice(0);
  }
  const moved = binding.transfer(buffer);
  if (moved === undefined) throw invalidState('The ArrayBuffer could not be transferred');
  return moved;
}
const kChunk = Symbol('kChunk');
const kClose = Symbol('kClose');
const kError = Symbol('kError');
const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');
const kAbort = Symbol('kAbort');
const kErrorSteps = Symbol('kErrorSteps');
const closeSentinel = Symbol('closeSentinel');

function nop() {}

// ---------------------------------------------------------------- errors

// The makers below leave themselves (and brand) out of the stack, as node's webstreams construct
// their errors in place: the first frame is the method that threw.
const { madeBy } = require('internal/streams/errors');
function invalidState(msg) {
  return ie.makeNodeError(TypeError, 'ERR_INVALID_STATE', 'Invalid state: ' + msg, invalidState);
}
function invalidThis(type, maker = invalidThis) {
  return madeBy(new codes.ERR_INVALID_THIS(type), maker);
}
// brand returns self's state when self is an instance of cls made by this module, or throws node's
// ERR_INVALID_THIS naming the class (a method or accessor called on another receiver).
function brand(self, cls, name) {
  if (self == null || !(self instanceof cls) || self[kState] === undefined) throw invalidThis(name, brand);
  return self[kState];
}
function argType(name, expected, value) {
  return madeBy(new codes.ERR_INVALID_ARG_TYPE(name, expected, value), argType);
}
function argValue(name, value, reason) {
  return madeBy(new codes.ERR_INVALID_ARG_VALUE(name, value, reason), argValue);
}
// atNode gives err, made in one of our methods (its first frame), node 20.20's place of that check:
// the first frame's location becomes node's (file under internal/webstreams, line, column) and
// the excerpt of the error uncaught (a rejection's, where it was made) node's source line with
// its caret at caret. It returns err.
const kWebGlueFrame = / \(node:internal\/webstreams:\d+:\d+\)$/;
function atNode(err, file, line, col, caret, src) {
  try {
    const stack = err.stack;
    if (typeof stack === 'string') {
      const lines = stack.split('\n');
      const first = lines.findIndex((l) => l.startsWith('    at '));
      if (first !== -1 && kWebGlueFrame.test(lines[first])) {
        lines[first] = lines[first].replace(kWebGlueFrame, ` (node:internal/webstreams/${file}:${line}:${col})`);
        err.stack = lines.join('\n');
      }
    }
    require('internal/errors').putArrowMessage(err, `node:internal/webstreams/${file}:${line}\n${src}\n${' '.repeat(caret - 1)}^\n`);
  } catch {
    // (a frozen error, a throwing stack getter: left as it is)
  }
  return err;
}
// byobRead is atNode for ReadableStreamBYOBReader.prototype.read's checks (readablestream.js).
function byobRead(err, line, src, col = 13) {
  return atNode(err, 'readablestream', line, col, col, src);
}

function rangeArgValue(name, value, reason) {
  const m = new codes.ERR_INVALID_ARG_VALUE(name, value, reason).message;
  return ie.makeNodeError(RangeError, 'ERR_INVALID_ARG_VALUE', m, rangeArgValue);
}
function missingOption(name) {
  return ie.makeNodeError(TypeError, 'ERR_MISSING_OPTION', name + ' is required', missingOption);
}

// ---------------------------------------------------------------- promise helpers

// (one executor for every deferred, not a closure each: a stream makes several a chunk)
let capturedResolve;
let capturedReject;
function captureResolvers(res, rej) {
  capturedResolve = res;
  capturedReject = rej;
}
// (rejected: set when rejected; waiter: a pipe's loop waiting on a writer's ready promise, called
// with whether it was rejected right after the promise's own reactions are queued, as the
// reaction of an await registered last on it would be: see readableStreamPipeTo)
function deferred() {
  const promise = new Promise(captureResolvers);
  const d = { promise, resolve: capturedResolve, reject: capturedReject, settled: false, rejected: false, waiter: undefined };
  capturedResolve = capturedReject = undefined;
  return d;
}
function settleResolve(d, v) {
  if (d.settled) return;
  d.settled = true;
  if (d.resolve === undefined) {
    // (a lazy deferred whose promise nobody asked for: kept for it, unless a thenable, which
    // is resolved now, its then job queued as it would be)
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
      makeLazyPromise(d);
      d.resolve(v);
    } else {
      d.value = v;
    }
  } else {
    d.resolve(v);
  }
  if (d.waiter !== undefined) {
    const w = d.waiter;
    d.waiter = undefined;
    w(false);
  }
}
function settleReject(d, e) {
  if (d.settled) return;
  d.settled = true;
  d.rejected = true;
  if (d.reject === undefined) {
    // (a lazy deferred's promise is made to be rejected, as node's was: unhandled unless
    // marked handled)
    makeLazyPromise(d);
    if (d.handled) setHandled(d.p);
  }
  d.reject(e);
  if (d.waiter !== undefined) {
    const w = d.waiter;
    d.waiter = undefined;
    w(true);
  }
}
// lazyDeferred is a deferred whose promise is made when first asked for (its promise getter):
// the ones a stream makes for every chunk (a write request's, a writer's ready promise while it
// has backpressure, a TransformStream's backpressure change) are mostly settled and dropped
// unseen by anything but the streams' own steps, which read settled, rejected and waiter. A
// promise made after its deferred was fulfilled is fulfilled at once with the value, as it
// would be by then; a rejection makes it first. With async hooks on it is made at once, as
// node's (a PROMISE resource each).
class LazyDeferred {
  constructor() {
    this.p = undefined;
    this.resolve = undefined;
    this.reject = undefined;
    this.settled = false;
    this.rejected = false;
    this.waiter = undefined;
    this.value = undefined;
    this.handled = false; // (a rejection is handled: setHandled on the promise once made)
  }
  get promise() {
    if (this.p === undefined) {
      makeLazyPromise(this);
      if (this.settled) {
        const v = this.value;
        this.value = undefined;
        this.resolve(v);
      }
    }
    return this.p;
  }
}
function makeLazyPromise(d) {
  d.p = new Promise(captureResolvers);
  d.resolve = capturedResolve;
  d.reject = capturedReject;
  capturedResolve = capturedReject = undefined;
}
function lazyDeferred() {
  const d = new LazyDeferred();
  if (hooksOn()) makeLazyPromise(d);
  return d;
}
function resolvedDeferred(v) {
  const d = deferred();
  settleResolve(d, v);
  return d;
}
function rejectedDeferred(e) {
  const d = deferred();
  setHandled(d.promise);
  settleReject(d, e);
  return d;
}
function setHandled(p) {
  p.then(nop, nop);
}
// promiseCall calls an underlying source's, sink's or transformer's method as node's
// invokePromiseCallback does: from an async function, so a promise it returns settles the
// result two microtasks later, and a throw rejects it.
async function promiseCall(fn, thisArg, ...args) {
  return Reflect.apply(fn, thisArg, args);
}
function onSettled(p, onFulfilled, onRejected) {
  p.then(onFulfilled, onRejected);
}

// The quick paths. An underlying source's pull and a sink's write are called through
// promiseCall (an async function, node's invokePromiseCallback) and the step after waits on the
// promise that makes: one microtask after the call when the method returns a value that is no
// object (or throws), later for a thenable. Those promises are internal, nothing else can reach
// them, so when the method returns such a value the step is queued as their reaction would be
// (binding.reaction: the loop's QueueReaction), without the async function's promise and the
// one then() derives from it. callQuick1 and callQuick2 are promiseCall's synchronous twins
// (their frames are node's invokePromiseCallback's, as promiseCall's). With async hooks on, the
// promises are PROMISE resources node's hooks see: the promise paths are taken then.
const reaction = binding.reaction;
const hooksOn = binding.hooksOn;
const quickOK = binding.quickOK;
const reactionPlain = binding.reactionPlain;
function callQuick1(fn, thisArg, a) {
  return Reflect.apply(fn, thisArg, [a]);
}
function callQuick2(fn, thisArg, a, b) {
  return Reflect.apply(fn, thisArg, [a, b]);
}
// settleQuick runs onFulfilled(x) or onRejected(x, e) as onSettled(promise, ...) would for the
// promise an async function returning result makes (thrown: whether the method threw, result
// then being the error).
function settleQuick(thrown, result, x, onFulfilled, onRejected) {
  if (thrown) {
    if (!reaction(onRejected, x, result)) Promise.reject(result).then(undefined, (e) => onRejected(x, e));
  } else if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
    // (maybe a thenable: resolved as the async function's return resolves its promise, reading
    // then once, now)
    const p = new Promise(captureResolvers);
    const resolve = capturedResolve;
    capturedResolve = capturedReject = undefined;
    resolve(result);
    p.then(() => onFulfilled(x), (e) => onRejected(x, e));
  } else if (!reaction(onFulfilled, x)) {
    Promise.resolve().then(() => onFulfilled(x));
  }
}

// ---------------------------------------------------------------- queue

function resetQueue(c) {
  c.queue = new Fifo();
  c.queueTotalSize = 0;
}
function enqueueValueWithSize(c, value, size) {
  // As the spec's EnqueueValueWithSize: the size is converted to a number first (a strategy's
  // size may return '3'; an undefined size is reported as NaN).
  size = +size;
  if (size !== size || size < 0 || size === Infinity) {
    throw rangeArgValue('size', size);
  }
  c.queue.push({ value, size });
  c.queueTotalSize += size;
}
function dequeueValue(c) {
  const pair = c.queue.shift();
  c.queueTotalSize -= pair.size;
  if (c.queueTotalSize < 0) c.queueTotalSize = 0;
  return pair.value;
}

// ---------------------------------------------------------------- strategies

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = +hwm; // (unary plus, as node's: a BigInt or a symbol throws)
  // (reported as the number it converts to, as node does: NaN for 'x')
  if (n !== n || n < 0) throw rangeArgValue('strategy.highWaterMark', n);
  return n;
}
// (the size of a chunk when the strategy has none: the queues take 1 for it without a call)
function sizeOne() { return 1; }
function extractSizeAlgorithm(strategy) {
  const size = strategy.size;
  if (size === undefined) return sizeOne;
  if (typeof size !== 'function') throw argType('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}
// kEmptyObject is node's default for an omitted source, sink, strategy or options bag: with no
// prototype, so nothing is read from Object.prototype when it is left out.
const kEmptyObject = Object.freeze({ __proto__: null });

function validateStrategyArg(strategy, name = 'strategy') {
  if (strategy === undefined || strategy === null) return kEmptyObject;
  if (typeof strategy !== 'object' && typeof strategy !== 'function') {
    throw argType(name, 'Object', strategy);
  }
  return strategy;
}

function byteLengthSize(chunk) { return chunk.byteLength; }
Object.defineProperty(byteLengthSize, 'name', { __proto__: null, value: 'size' });
function countSize() { return 1; }
Object.defineProperty(countSize, 'name', { __proto__: null, value: 'size' });

// optionsBag is node's validateObject(options, 'options', kValidateObjectAllowObjectsAndNull) for
// the ReadableStream methods' option bags: undefined or null is an empty bag, an array or a function
// is read like an object, anything else is ERR_INVALID_ARG_TYPE.
function optionsBag(options) {
  if (options === undefined || options === null) return kEmptyObject;
  if (typeof options !== 'object' && typeof options !== 'function') throw argType('options', 'Object', options);
  return options;
}

function strategyInit(init, kind) {
  if (init === null || typeof init !== 'object' || Array.isArray(init)) throw argType('init', 'Object', init);
  if (init.highWaterMark === undefined) throw missingOption('init.highWaterMark');
  return Number(init.highWaterMark);
}

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kState] = { highWaterMark: strategyInit(init) };
  }
  get highWaterMark() {
    if (!this || !this[kState]) throw invalidThis('ByteLengthQueuingStrategy');
    return this[kState].highWaterMark;
  }
  get size() {
    if (!this || !this[kState]) throw invalidThis('ByteLengthQueuingStrategy');
    return byteLengthSize;
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ByteLengthQueuingStrategy', { highWaterMark: this.highWaterMark });
  }
}
class CountQueuingStrategy {
  constructor(init) {
    this[kState] = { highWaterMark: strategyInit(init) };
  }
  get highWaterMark() {
    if (!this || !this[kState]) throw invalidThis('CountQueuingStrategy');
    return this[kState].highWaterMark;
  }
  get size() {
    if (!this || !this[kState]) throw invalidThis('CountQueuingStrategy');
    return countSize;
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'CountQueuingStrategy', { highWaterMark: this.highWaterMark });
  }
}

let utilInspect;
function customInspect(depth, options, name, data) {
  if (depth < 0) return this;
  if (utilInspect === undefined) utilInspect = require('util').inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return name + ' ' + utilInspect(data, opts);
}

function setToStringTag(cls, name) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { __proto__: null, value: name, configurable: true });
}
setToStringTag(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy');
setToStringTag(CountQueuingStrategy, 'CountQueuingStrategy');

// ---------------------------------------------------------------- ReadableStream

function isReadableStream(v) {
  return v !== null && typeof v === 'object' && v[kType] === 'ReadableStream';
}
function isWritableStream(v) {
  return v !== null && typeof v === 'object' && v[kType] === 'WritableStream';
}

function initializeReadableStream(stream) {
  stream[kType] = 'ReadableStream';
  stream[kState] = {
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
    closed: undefined, // deferred for finished(), made lazily
  };
}

class ReadableStream {
  constructor(source = kEmptyObject, strategy = kEmptyObject) {
    if (source === null || (typeof source !== 'object' && typeof source !== 'function')) {
      if (source !== undefined) throw argType('source', 'object', source);
      source = kEmptyObject;
    }
    strategy = validateStrategyArg(strategy);
    initializeReadableStream(this);
    // The strategy is read before the source, as node's (size, then highWaterMark).
    const size = strategy.size;
    strategy = { __proto__: null, size, highWaterMark: strategy.highWaterMark };
    const type = source.type;
    if (`${type}` === 'bytes') { // (a template, as node's: a symbol type throws converting)
      if (size !== undefined) throw rangeArgValue('strategy.size', size);
      const hwm = extractHighWaterMark(strategy, 0);
      setUpReadableByteStreamControllerFromUnderlyingSource(this, source, hwm);
    } else {
      if (type !== undefined) throw argValue('source.type', type);
      const size = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpReadableStreamDefaultControllerFromUnderlyingSource(this, source, hwm, size);
    }
  }

  get locked() {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) {
      return Promise.reject(atNode(invalidThis('ReadableStream'), 'readablestream', 323, 28, 28,
        "      return PromiseReject(new ERR_INVALID_THIS('ReadableStream'));"));
    }
    if (isReadableStreamLocked(this)) {
      return Promise.reject(atNode(invalidState('ReadableStream is locked'), 'readablestream', 326, 9, 9,
        "        new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));"));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = kEmptyObject) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    options = optionsBag(options);
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') {
      throw atNode(argValue('options.mode', mode), 'readablestream', 348, 13, 7,
        "      throw new ERR_INVALID_ARG_VALUE('options.mode', mode);");
    }
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = kEmptyObject) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    options = optionsBag(options);
    const readable = transform && transform.readable;
    if (!isReadableStream(readable)) {
      throw atNode(argType('transform.readable', 'ReadableStream', readable), 'readablestream', 363, 13, 7,
        '      throw new ERR_INVALID_ARG_TYPE(');
    }
    const writable = transform.writable;
    if (!isWritableStream(writable)) {
      throw atNode(argType('transform.writable', 'WritableStream', writable), 'readablestream', 370, 13, 7,
        '      throw new ERR_INVALID_ARG_TYPE(');
    }
    const { preventAbort = false, preventCancel = false, preventClose = false, signal } = options; // (node's order)
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw argType('options.signal', 'AbortSignal', signal);
    }
    if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
    if (isWritableStreamLocked(writable)) throw invalidState('The WritableStream is locked');
    const readableStreamPipeTo = pipeToPart();
    const promise = readableStreamPipeTo(this, writable, !!preventClose, !!preventAbort, !!preventCancel, signal);
    setHandled(promise);
    return readable;
  }

  pipeTo(destination, options = kEmptyObject) {
    try {
      if (!isReadableStream(this)) throw invalidThis('ReadableStream');
      if (!isWritableStream(destination)) {
        throw atNode(argType('transform.writable', 'WritableStream', destination), 'readablestream', 415, 15, 15,
          '        throw new ERR_INVALID_ARG_TYPE(');
      }
      options = optionsBag(options);
      const { preventAbort = false, preventCancel = false, preventClose = false, signal } = options; // (node's order)
      if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
        throw argType('options.signal', 'AbortSignal', signal);
      }
      if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
      if (isWritableStreamLocked(destination)) throw invalidState('The WritableStream is locked');
      const readableStreamPipeTo = pipeToPart();
      return readableStreamPipeTo(this, destination, !!preventClose, !!preventAbort, !!preventCancel, signal);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  tee() {
    if (!isReadableStream(this)) {
      throw atNode(invalidThis('ReadableStream'), 'readablestream', 453, 13, 7, "      throw new ERR_INVALID_THIS('ReadableStream');");
    }
    const { readableByteStreamTee, readableStreamDefaultTee } = teePart();
    if (this[kState].controller instanceof ReadableByteStreamController) return readableByteStreamTee(this);
    return readableStreamDefaultTee(this, false);
  }

  values(options = kEmptyObject) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    options = optionsBag(options);
    return readableStreamAsyncIterator(this, !!options.preventCancel);
  }

  // What stream.isDisturbed, isErrored and isReadable read (node's utils symbols).
  get [Symbol.for('nodejs.stream.disturbed')]() { return this[kState].disturbed; }
  get [Symbol.for('nodejs.stream.errored')]() { return this[kState].state === 'errored'; }
  get [Symbol.for('nodejs.stream.readable')]() { return this[kState].state === 'readable'; }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStream', {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: this[kState].controller instanceof ReadableByteStreamController,
    });
  }

  static from(iterable) {
    const readableStreamFromIterable = fromPart();
    return readableStreamFromIterable(iterable);
  }
}
setToStringTag(ReadableStream, 'ReadableStream');
// (node's ReadableStream.from is enumerable: console.log(ReadableStream) shows it)
Object.defineProperty(ReadableStream, 'from', { __proto__: null, enumerable: true });

let from_ = null;
function fromPart() {
  return from_ || (from_ = binding.part('from')({
    undefined, createReadableStream, ie, invalidState, kState, nop, readableStreamDefaultControllerClose,
    readableStreamDefaultControllerEnqueue, require,
  }));
}

//#part from
(function makeFrom({
  undefined, createReadableStream, ie, invalidState, kState, nop, readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue, require,
}) {
  // readableStreamFromIterable is node 20's ReadableStream.from: its GetIterator (an async
  // iterator first, else a sync one made async), its checks and its errors.
  function readableStreamFromIterable(iterable) {
    const record = getAsyncIteratorRecord(iterable);
    const stream = createReadableStream(nop, pull, cancel, 0);
    async function pull() {
      const nextResult = callPrimordial(record.nextMethod, record.iterator);
      if (typeof nextResult !== 'object' || nextResult === null) {
        throw invalidState('The iterator.next() method must return an object');
      }
      return Promise.resolve(nextResult).then((res) => {
        if (typeof res !== 'object' || res === null) {
          throw invalidState('The promise returned by the iterator.next() method must fulfill with an object');
        }
        if (res.done) {
          readableStreamDefaultControllerClose(stream[kState].controller);
        } else {
          readableStreamDefaultControllerEnqueue(stream[kState].controller, res.value);
        }
      });
    }
    async function cancel(reason) {
      const iterator = record.iterator;
      const returnMethod = iterator.return;
      if (returnMethod === undefined) return Promise.resolve();
      const returnResult = callPrimordial(returnMethod, iterator, reason);
      return Promise.resolve(returnResult).then((res) => {
        if (typeof res !== 'object' || res === null) {
          throw invalidState('The promise returned by the iterator.return() method must fulfill with an object');
        }
        return undefined;
      });
    }
    return stream;
  }

  // callPrimordial(fn, thisArg, ...args) calls fn as node's FunctionPrototypeCall does: a value
  // that is no function fails with V8's words for that primordial.
  function callPrimordial(fn, thisArg, ...args) {
    if (typeof fn !== 'function') throw new TypeError('FunctionPrototypeCall is not a function');
    return Reflect.apply(fn, thisArg, args);
  }

  function getAsyncIteratorRecord(obj) {
    const method = obj[Symbol.asyncIterator];
    if (method == null) {
      const syncMethod = obj[Symbol.iterator];
      if (syncMethod === undefined) {
        throw ie.makeNodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', require('util').format('%s must be iterable', obj));
      }
      const sync = iteratorFrom(obj, syncMethod);
      // The sync iterator made async (node's is an async generator's yield*): each result must be
      // an object, and its value is awaited.
      const iterator = {
        next() {
          const r = callPrimordial(sync.nextMethod, sync.iterator);
          // (yield* awaits the rejected step too)
          if (typeof r !== 'object' || r === null) return Promise.reject(new TypeError(`Iterator result ${r} is not an object`)).then((res) => res);
          const done = !!r.done;
          // The value is awaited (async-from-sync), then yield* awaits that step; at the end the
          // generator's `return` awaits once more.
          let step = Promise.resolve(r.value).then((value) => ({ value, done }));
          step = step.then((res) => res);
          return done ? step.then((res) => ({ value: res.value, done: true })) : step;
        },
        return(v) {
          const ret = sync.iterator.return;
          if (typeof ret !== 'function') return Promise.resolve({ value: v, done: true });
          return Promise.resolve(Reflect.apply(ret, sync.iterator, [v]));
        },
      };
      return { iterator, nextMethod: iterator.next };
    }
    return iteratorFrom(obj, method);
  }

  function iteratorFrom(obj, method) {
    const iterator = callPrimordial(method, obj);
    if (typeof iterator !== 'object' || iterator === null) {
      throw invalidState('The iterator method must return an object');
    }
    return { iterator, nextMethod: iterator.next };
  }
  return readableStreamFromIterable;
})
//#end from

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1, sizeAlgorithm = sizeOne) {
  const stream = Object.create(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, sizeAlgorithm);
  return stream;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && reader instanceof ReadableStreamBYOBReader) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i][kClose](undefined);
  }
  const sourceCancelPromise = state.controller[kCancel](reason);
  return sourceCancelPromise.then(nop);
}

function closedDeferred(stream) {
  const s = stream[kState];
  if (s.closed === undefined) {
    s.closed = deferred();
    setHandled(s.closed.promise);
    if (s.state === 'closed') settleResolve(s.closed);
    else if (s.state === 'errored') settleReject(s.closed, s.storedError);
  }
  return s.closed;
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  if (state.closed !== undefined) settleResolve(state.closed);
  const reader = state.reader;
  if (reader === undefined) return;
  settleResolve(reader[kState].close);
  if (reader instanceof ReadableStreamDefaultReader) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i][kClose]();
  }
}

function readableStreamError(stream, e) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = e;
  if (state.closed !== undefined) settleReject(state.closed, e);
  const reader = state.reader;
  if (reader === undefined) return;
  setHandled(reader[kState].close.promise);
  settleReject(reader[kState].close, e);
  if (reader instanceof ReadableStreamDefaultReader) {
    readableStreamDefaultReaderErrorReadRequests(reader, e);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, e);
  }
}

function readableStreamAddReadRequest(stream, readRequest) {
  stream[kState].reader[kState].readRequests.push(readRequest);
}
function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const readRequest = reader[kState].readRequests.shift();
  if (done) readRequest[kClose]();
  else readRequest[kChunk](chunk);
}
function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}
function readableStreamHasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && reader instanceof ReadableStreamDefaultReader;
}
function readableStreamHasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && reader instanceof ReadableStreamBYOBReader;
}
function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}
function readableStreamAddReadIntoRequest(stream, req) {
  stream[kState].reader[kState].readIntoRequests.push(req);
}
function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const req = reader[kState].readIntoRequests.shift();
  if (done) req[kClose](chunk);
  else req[kChunk](chunk);
}

// ---------------------------------------------------------------- readers

function readableStreamReaderGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  const s = stream[kState].state;
  if (s === 'readable') {
    reader[kState].close = deferred();
  } else if (s === 'closed') {
    reader[kState].close = resolvedDeferred(undefined);
  } else {
    reader[kState].close = rejectedDeferred(stream[kState].storedError);
  }
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
  const stream = reader[kState].stream;
  if (stream[kState].state === 'readable') {
    setHandled(reader[kState].close.promise);
    settleReject(reader[kState].close, invalidState('Reader released'));
  } else {
    reader[kState].close = rejectedDeferred(invalidState('Reader released'));
  }
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

function readableStreamDefaultReaderErrorReadRequests(reader, e) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i][kError](e);
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(reader, invalidState('Releasing reader'));
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  const s = stream[kState].state;
  if (s === 'closed') readRequest[kClose]();
  else if (s === 'errored') readRequest[kError](stream[kState].storedError);
  else stream[kState].controller[kPull](readRequest);
}

// (a read request is its promise's deferred itself: one object a read; a request is settled
// once, and a promise's resolving functions ignore all calls after their first anyway)
class DefaultReadRequest {
  constructor() {
    this.promise = new Promise(captureResolvers);
    this.resolve = capturedResolve;
    this.reject = capturedReject;
    capturedResolve = capturedReject = undefined;
  }
  [kChunk](value) { this.resolve({ value, done: false }); }
  [kClose]() { this.resolve({ value: undefined, done: true }); }
  [kError](e) { this.reject(e); }
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw argType('stream', 'ReadableStream', stream);
    this[kType] = 'ReadableStreamDefaultReader';
    this[kState] = { stream: undefined, readRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) throw invalidState('ReadableStream is locked');
    readableStreamReaderGenericInitialize(this, stream);
  }
  read() {
    if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) {
      return Promise.reject(atNode(invalidThis('ReadableStreamDefaultReader'), 'readablestream', 850, 28, 28,
        "      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));"));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(atNode(invalidState('The reader is not attached to a stream'), 'readablestream', 853, 9, 9,
        '        new ERR_INVALID_STATE.TypeError('));
    }
    const req = new DefaultReadRequest();
    readableStreamDefaultReaderRead(this, req);
    return req.promise;
  }
  releaseLock() {
    if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) throw invalidThis('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }
  get closed() {
    if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) return Promise.reject(invalidThis('ReadableStreamDefaultReader'));
    return this[kState].close.promise;
  }
  cancel(reason = undefined) {
    if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) return Promise.reject(invalidThis('ReadableStreamDefaultReader'));
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamDefaultReader', {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    });
  }
}
setToStringTag(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

class ReadIntoRequest {
  constructor() {
    this.d = deferred();
  }
  [kChunk](value) { settleResolve(this.d, { value, done: false }); }
  [kClose](value) { settleResolve(this.d, { value, done: true }); }
  [kError](e) { settleReject(this.d, e); }
  get promise() { return this.d.promise; }
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, e) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i][kError](e);
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw argType('stream', 'ReadableStream', stream);
    this[kType] = 'ReadableStreamBYOBReader';
    this[kState] = { stream: undefined, readIntoRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) throw invalidState('ReadableStream is locked');
    if (!(stream[kState].controller instanceof ReadableByteStreamController)) {
      throw argValue('stream', stream, 'must be a byte stream');
    }
    readableStreamReaderGenericInitialize(this, stream);
  }
  async read(view, options = kEmptyObject) {
    if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) {
      throw byobRead(invalidThis('ReadableStreamBYOBReader'), 943, "      throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');");
    }
    if (!ArrayBuffer.isView(view)) {
      throw byobRead(argType('view', ['Buffer', 'TypedArray', 'DataView'], view), 945, '      throw new ERR_INVALID_ARG_TYPE(');
    }
    // As node v20's: options may be null, an array or a function; then the view, then min.
    if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw byobRead(argType('options', 'Object', options), 955,
        "    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);", 5);
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      throw byobRead(invalidState('View or Viewed ArrayBuffer is zero-length or detached'), 962,
        '      throw new ERR_INVALID_STATE.TypeError(');
    }
    const min = options?.min ?? 1;
    if (typeof min !== 'number') {
      throw byobRead(argType('options.min', 'number', min), 971, "      throw new ERR_INVALID_ARG_TYPE('options.min', 'number', min);");
    }
    if (!Number.isInteger(min)) {
      throw byobRead(argValue('options.min', min, 'must be an integer'), 973,
        "      throw new ERR_INVALID_ARG_VALUE('options.min', min, 'must be an integer');");
    }
    if (min <= 0) {
      throw byobRead(argValue('options.min', min, 'must be greater than 0'), 975,
        "      throw new ERR_INVALID_ARG_VALUE('options.min', min, 'must be greater than 0');");
    }
    if (view instanceof DataView) {
      if (min > view.byteLength) {
        throw byobRead(new codes.ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min), 981,
          "      throw new ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min);");
      }
    } else if (min > view.length) {
      throw byobRead(new codes.ERR_OUT_OF_RANGE('options.min', '<= view.length', min), 978,
        "        throw new ERR_OUT_OF_RANGE('options.min', '<= view.length', min);", 15);
    }
    if (this[kState].stream === undefined) {
      throw byobRead(invalidState('The reader is not attached to a stream'), 985,
        "      throw new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream');");
    }
    const req = new ReadIntoRequest();
    const stream = this[kState].stream;
    stream[kState].disturbed = true;
    if (stream[kState].state === 'errored') req[kError](stream[kState].storedError);
    else readableByteStreamControllerPullInto(stream[kState].controller, view, min, req);
    return req.promise;
  }
  releaseLock() {
    if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) throw invalidThis('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }
  get closed() {
    if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) return Promise.reject(invalidThis('ReadableStreamBYOBReader'));
    return this[kState].close.promise;
  }
  cancel(reason = undefined) {
    if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) return Promise.reject(invalidThis('ReadableStreamBYOBReader'));
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamBYOBReader', {
      stream: this[kState].stream,
      readIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    });
  }
}
// (goja gives an async method Function.prototype, and glue is not rewritten as user code is:
// read's prototype is AsyncFunction's, as V8's)
Object.setPrototypeOf(ReadableStreamBYOBReader.prototype.read, Object.getPrototypeOf(async function() {}));
setToStringTag(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');

// ---------------------------------------------------------------- default controller

class ReadableStreamDefaultController {
  constructor() {
    throw ie.makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get desiredSize() {
    return readableStreamDefaultControllerGetDesiredSize(this);
  }
  close() {
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    readableStreamDefaultControllerClose(this);
  }
  enqueue(chunk = undefined) {
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    readableStreamDefaultControllerEnqueue(this, chunk);
  }
  error(error = undefined) {
    readableStreamDefaultControllerError(this, error);
  }
  [kCancel](reason) {
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    readableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }
  [kPull](readRequest) {
    readableStreamDefaultControllerPullSteps(this, readRequest);
  }
  [kRelease]() {}
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamDefaultController', {});
  }
}
setToStringTag(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

function readableStreamDefaultControllerPullSteps(controller, readRequest) {
  const c = controller[kState];
  const stream = c.stream;
  if (c.queue.length > 0) {
    const chunk = dequeueValue(c);
    if (c.closeRequested && c.queue.length === 0) {
      readableStreamDefaultControllerClearAlgorithms(controller);
      readableStreamClose(stream);
    } else {
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
    readRequest[kChunk](chunk);
    return;
  }
  readableStreamAddReadRequest(stream, readRequest);
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
  highWaterMark, sizeAlgorithm) {
  controller[kType] = 'ReadableStreamDefaultController';
  const c = {
    stream,
    queue: null,
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    highWaterMark,
    sizeAlgorithm,
    pullAlgorithm,
    cancelAlgorithm,
    // (an underlying source's pull called quickly: a function, null when there is no pull,
    // undefined for the streams made by other algorithms)
    quickPull: undefined,
    // (the TransformStream whose readable this is: its pull is quick too)
    transform: undefined,
  };
  controller[kState] = c;
  resetQueue(c);
  stream[kState].controller = controller;
  const startResult = startAlgorithm(controller);
  onSettled(new Promise((r) => r(startResult)), () => {
    c.started = true;
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }, (r) => {
    readableStreamDefaultControllerError(controller, r);
  });
}

// validateCallbacks checks an underlying source's callbacks the way Node does: a falsy one is
// absent, start is only bound (so V8's bind error surfaces), pull and cancel are type-checked.
function validateCallbacks(source, name, start, pull, cancel) {
  if (start && typeof start !== 'function') throw new TypeError('Bind must be called on a function');
  if (pull && typeof pull !== 'function') throw argType(name + '.pull', 'Function', pull);
  if (cancel && typeof cancel !== 'function') throw argType(name + '.cancel', 'Function', cancel);
}

function setUpReadableStreamDefaultControllerFromUnderlyingSource(stream, source, highWaterMark, sizeAlgorithm) {
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  const start = source.start;
  const pull = source.pull;
  const cancel = source.cancel;
  validateCallbacks(source, 'source', start, pull, cancel);
  const startAlgorithm = start ? () => Reflect.apply(start, source, [controller]) : nop;
  const pullAlgorithm = pull ? () => promiseCall(pull, source, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ? (reason) => promiseCall(cancel, source, reason) : () => Promise.resolve();
  const quickPull = pull ? () => callQuick1(pull, source, controller) : null;
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, sizeAlgorithm);
  controller[kState].quickPull = quickPull;
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
  const c = controller[kState];
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  const ts = c.transform;
  if (ts !== undefined && quickOK()) {
    // (a TransformStream's pull: its promise is the new backpressure change's, whose settling
    // queues the step after it as its reaction would, in no async context as quickOK found)
    transformStreamSetBackpressure(ts, false);
    const st = ts[kState];
    st.backpressureChangePromise.waiter = st.quickPullWaiter;
    return;
  }
  const quick = c.quickPull;
  if (quick !== undefined && !hooksOn()) {
    let result;
    let thrown = false;
    if (quick !== null) {
      try {
        result = c.quickPull();
      } catch (e) {
        thrown = true;
        result = e;
      }
    }
    settleQuick(thrown, result, controller, readableStreamDefaultControllerPulled, readableStreamDefaultControllerError);
    return;
  }
  onSettled(c.pullAlgorithm(controller), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
  }, (e) => {
    readableStreamDefaultControllerError(controller, e);
  });
}

// (the step after a pull, settled)
function readableStreamDefaultControllerPulled(controller) {
  const c = controller[kState];
  c.pulling = false;
  if (c.pullAgain) {
    c.pullAgain = false;
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }
}

// (CanCloseOrEnqueue, GetNumReadRequests and GetDesiredSize inline here and in Enqueue: the
// pull and enqueue paths run them for every chunk, and a call costs more than they do)
function readableStreamDefaultControllerShouldCallPull(controller) {
  const c = controller[kState];
  const ss = c.stream[kState];
  if (c.closeRequested || ss.state !== 'readable' || !c.started) return false;
  const reader = ss.reader;
  if (reader !== undefined && reader[kState].readRequests.length > 0) return true;
  return c.highWaterMark - c.queueTotalSize > 0;
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.sizeAlgorithm = undefined;
  c.quickPull = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const c = controller[kState];
  c.closeRequested = true;
  if (c.queue.length === 0) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(c.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  const ss = stream[kState];
  if (c.closeRequested || ss.state !== 'readable') return;
  const reader = ss.reader;
  if (reader !== undefined && reader[kState].readRequests.length > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let chunkSize;
    try {
      chunkSize = c.sizeAlgorithm === sizeOne ? 1 : c.sizeAlgorithm(chunk);
    } catch (e) {
      readableStreamDefaultControllerError(controller, e);
      throw e;
    }
    try {
      enqueueValueWithSize(c, chunk, chunkSize);
    } catch (e) {
      readableStreamDefaultControllerError(controller, e);
      throw e;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerError(controller, e) {
  const c = controller[kState];
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(c);
  readableStreamDefaultControllerClearAlgorithms(controller);
  readableStreamError(stream, e);
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const c = controller[kState];
  const s = c.stream[kState].state;
  if (s === 'errored') return null;
  if (s === 'closed') return 0;
  return c.highWaterMark - c.queueTotalSize;
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  const c = controller[kState];
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

// ---------------------------------------------------------------- byte stream controller

class ReadableStreamBYOBRequest {
  constructor() {
    throw ie.makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get view() {
    return brand(this, ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest').view;
  }
  respond(bytesWritten) {
    const s = brand(this, ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');
    if (s.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    // As node's, bytesWritten is taken as it is (no conversion to a number, no check of its
    // sign): only the spec's zero and range checks apply, with node's errors.
    if (s.view && binding.isDetached(s.view.buffer)) throw invalidState('Viewed ArrayBuffer is detached');
    readableByteStreamControllerRespond(s.controller, bytesWritten);
  }
  respondWithNewView(view) {
    const s = brand(this, ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');
    if (s.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (!ArrayBuffer.isView(view)) throw argType('view', ['Buffer', 'TypedArray', 'DataView'], view);
    if (view.byteLength === 0 && binding.isDetached(view.buffer)) throw invalidState('Viewed ArrayBuffer is detached');
    readableByteStreamControllerRespondWithNewView(s.controller, view);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamBYOBRequest', { view: this.view, controller: this[kState].controller });
  }
}
setToStringTag(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');

class ReadableByteStreamController {
  constructor() {
    throw ie.makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get byobRequest() {
    const c = brand(this, ReadableByteStreamController, 'ReadableByteStreamController');
    if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos[0];
      const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
      const req = Object.create(ReadableStreamBYOBRequest.prototype);
      req[kState] = { controller: this, view };
      c.byobRequest = req;
    }
    return c.byobRequest;
  }
  get desiredSize() {
    brand(this, ReadableByteStreamController, 'ReadableByteStreamController');
    return readableByteStreamControllerGetDesiredSize(this);
  }
  close() {
    const c = brand(this, ReadableByteStreamController, 'ReadableByteStreamController');
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    readableByteStreamControllerClose(this);
  }
  enqueue(chunk) {
    brand(this, ReadableByteStreamController, 'ReadableByteStreamController');
    // node v20 validates the chunk as its generic "buffer" argument.
    if (!ArrayBuffer.isView(chunk)) throw argType('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    if (chunk.byteLength === 0) throw invalidState('chunk ArrayBuffer is zero-length or detached');
    if (chunk.buffer.byteLength === 0) throw invalidState('chunk ArrayBuffer is zero-length or detached');
    const c = this[kState];
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    readableByteStreamControllerEnqueue(this, chunk);
  }
  error(error = undefined) {
    brand(this, ReadableByteStreamController, 'ReadableByteStreamController');
    readableByteStreamControllerError(this, error);
  }
  [kCancel](reason) {
    readableByteStreamControllerClearPendingPullIntos(this);
    const c = this[kState];
    resetByteQueue(c);
    const result = c.cancelAlgorithm(reason);
    readableByteStreamControllerClearAlgorithms(this);
    return result;
  }
  [kPull](readRequest) {
    const c = this[kState];
    const stream = c.stream;
    if (c.queueTotalSize > 0) {
      readableByteStreamControllerFillReadRequestFromQueue(this, readRequest);
      return;
    }
    const size = c.autoAllocateChunkSize;
    if (size !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(size);
      } catch (e) {
        readRequest[kError](e);
        return;
      }
      c.pendingPullIntos.push({
        buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0, minimumFill: 1,
        elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
      });
    }
    readableStreamAddReadRequest(stream, readRequest);
    readableByteStreamControllerCallPullIfNeeded(this);
  }
  [kRelease]() {
    const c = this[kState];
    if (c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos[0];
      first.readerType = 'none';
      c.pendingPullIntos = [first];
    }
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableByteStreamController', {});
  }
}
setToStringTag(ReadableByteStreamController, 'ReadableByteStreamController');

function resetByteQueue(c) {
  c.queue = [];
  c.queueTotalSize = 0;
}

function setUpReadableByteStreamControllerFromUnderlyingSource(stream, source, highWaterMark) {
  const controller = Object.create(ReadableByteStreamController.prototype);
  const start = source.start;
  const pull = source.pull;
  const cancel = source.cancel;
  validateCallbacks(source, 'source', start, pull, cancel);
  const startAlgorithm = start ? () => Reflect.apply(start, source, [controller]) : nop;
  const pullAlgorithm = pull ? () => promiseCall(pull, source, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ? (reason) => promiseCall(cancel, source, reason) : () => Promise.resolve();
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      // node: a TypeError (it is not a RangeError there).
      throw argValue('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, autoAllocateChunkSize);
}

function setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
  highWaterMark, autoAllocateChunkSize) {
  controller[kType] = 'ReadableByteStreamController';
  const c = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    byobRequest: null,
    highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
    autoAllocateChunkSize,
    pendingPullIntos: [],
  };
  controller[kState] = c;
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  onSettled(new Promise((r) => r(startResult)), () => {
    c.started = true;
    readableByteStreamControllerCallPullIfNeeded(controller);
  }, (r) => {
    readableByteStreamControllerError(controller, r);
  });
}

function readableByteStreamControllerCallPullIfNeeded(controller) {
  if (!readableByteStreamControllerShouldCallPull(controller)) return;
  const c = controller[kState];
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  onSettled(c.pullAlgorithm(), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      readableByteStreamControllerCallPullIfNeeded(controller);
    }
  }, (e) => {
    readableByteStreamControllerError(controller, e);
  });
}

function readableByteStreamControllerShouldCallPull(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
  return readableByteStreamControllerGetDesiredSize(controller) > 0;
}

function readableByteStreamControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function readableByteStreamControllerClearPendingPullIntos(controller) {
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function readableByteStreamControllerInvalidateBYOBRequest(controller) {
  const c = controller[kState];
  if (c.byobRequest === null) return;
  c.byobRequest[kState].controller = undefined;
  c.byobRequest[kState].view = null;
  c.byobRequest = null;
}

function readableByteStreamControllerGetDesiredSize(controller) {
  const c = controller[kState];
  const s = c.stream[kState].state;
  if (s === 'errored') return null;
  if (s === 'closed') return 0;
  return c.highWaterMark - c.queueTotalSize;
}

function readableByteStreamControllerError(controller, e) {
  const c = controller[kState];
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetByteQueue(c);
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamError(stream, e);
}

function readableByteStreamControllerClose(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = invalidState('Partial read');
      readableByteStreamControllerError(controller, e);
      throw e;
    }
  }
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  const byteOffset = chunk.byteOffset;
  const byteLength = chunk.byteLength;
  const buffer = transferArrayBuffer(chunk.buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
    }
  }
  if (readableStreamHasDefaultReader(stream)) {
    readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
      readableStreamFulfillReadRequest(stream, new Uint8Array(buffer, byteOffset, byteLength), false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
    readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
  } else {
    readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const c = controller[kState];
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function readableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const clone = buffer.slice(byteOffset, byteOffset + byteLength);
  readableByteStreamControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, desc) {
  if (desc.bytesFilled > 0) {
    readableByteStreamControllerEnqueueClonedChunkToQueue(controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  }
  controller[kState].pendingPullIntos.shift();
}

function readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest) {
  const c = controller[kState];
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  readableByteStreamControllerHandleQueueDrain(controller);
  readRequest[kChunk](new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function readableByteStreamControllerHandleQueueDrain(controller) {
  const c = controller[kState];
  if (c.queueTotalSize === 0 && c.closeRequested) {
    readableByteStreamControllerClearAlgorithms(controller);
    readableStreamClose(c.stream);
  } else {
    readableByteStreamControllerCallPullIfNeeded(controller);
  }
}

function readableByteStreamControllerProcessReadRequestsUsingQueue(controller) {
  const c = controller[kState];
  const reader = c.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    const readRequest = reader[kState].readRequests.shift();
    readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest);
  }
}

function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller) {
  const c = controller[kState];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) return;
    const desc = c.pendingPullIntos[0];
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      c.pendingPullIntos.shift();
      readableByteStreamControllerCommitPullIntoDescriptor(c.stream, desc);
    }
  }
}

function readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc) {
  const c = controller[kState];
  const maxBytesToCopy = Math.min(c.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % desc.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= desc.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  while (totalBytesToCopyRemaining > 0) {
    const head = c.queue[0];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    new Uint8Array(desc.buffer, destStart, bytesToCopy).set(new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
    if (head.byteLength === bytesToCopy) {
      c.queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    c.queueTotalSize -= bytesToCopy;
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    desc.bytesFilled += bytesToCopy;
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function readableByteStreamControllerConvertPullIntoDescriptor(desc) {
  const Ctor = desc.viewConstructor;
  // A Buffer view comes back as a Buffer, as node's, without the Buffer() constructor's DEP0005
  // (node warns only for a read on an already closed stream, which builds the view with `new`).
  if (Ctor === Buffer) return Buffer.from(desc.buffer, desc.byteOffset, desc.bytesFilled);
  return new Ctor(desc.buffer, desc.byteOffset, desc.bytesFilled / desc.elementSize);
}

function readableByteStreamControllerCommitPullIntoDescriptor(stream, desc) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView = readableByteStreamControllerConvertPullIntoDescriptor(desc);
  if (desc.readerType === 'default') readableStreamFulfillReadRequest(stream, filledView, done);
  else readableStreamFulfillReadIntoRequest(stream, filledView, done);
}

function readableByteStreamControllerPullInto(controller, view, min, readIntoRequest) {
  const c = controller[kState];
  const stream = c.stream;
  let elementSize = 1;
  let Ctor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.BYTES_PER_ELEMENT;
    Ctor = view.constructor;
  }
  const minimumFill = min * elementSize;
  const bufferByteLength = view.buffer.byteLength;
  const { byteOffset, byteLength } = view; // (read before the transfer leaves view empty)
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (e) {
    readIntoRequest[kError](e);
    return;
  }
  const desc = {
    buffer, bufferByteLength, byteOffset,
    byteLength, bytesFilled: 0, minimumFill, elementSize, viewConstructor: Ctor,
    readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(desc);
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    readIntoRequest[kClose](new Ctor(desc.buffer, desc.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      const filledView = readableByteStreamControllerConvertPullIntoDescriptor(desc);
      readableByteStreamControllerHandleQueueDrain(controller);
      readIntoRequest[kChunk](filledView);
      return;
    }
    if (c.closeRequested) {
      // (node's message here: the queue holds less than one element and no more will come)
      const e = invalidState('ReadableStream closed');
      readableByteStreamControllerError(controller, e);
      readIntoRequest[kError](e);
      return;
    }
  }
  c.pendingPullIntos.push(desc);
  readableStreamAddReadIntoRequest(stream, readIntoRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespond(controller, bytesWritten) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (bytesWritten !== 0) throw argValue('bytesWritten', bytesWritten);
  } else {
    if (!bytesWritten) throw argValue('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) throw rangeArgValue('bytesWritten', bytesWritten);
  }
  readableByteStreamControllerRespondInternal(controller, bytesWritten);
}

function readableByteStreamControllerRespondWithNewView(controller, view) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (view.byteLength !== 0) throw invalidState('View is not zero-length');
  } else if (view.byteLength === 0) {
    throw invalidState('View is zero-length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) throw rangeArgValue('view', view);
  if (first.bufferByteLength !== view.buffer.byteLength) throw rangeArgValue('view', view);
  if (first.bytesFilled + view.byteLength > first.byteLength) throw rangeArgValue('view', view);
  const viewByteLength = view.byteLength; // (read before the transfer leaves view empty)
  first.buffer = transferArrayBuffer(view.buffer);
  readableByteStreamControllerRespondInternal(controller, viewByteLength);
}

function readableByteStreamControllerRespondInternal(controller, bytesWritten) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  first.buffer = transferArrayBuffer(first.buffer);
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  if (c.stream[kState].state === 'closed') {
    if (first.readerType === 'none') c.pendingPullIntos.shift();
    const stream = c.stream;
    if (readableStreamHasBYOBReader(stream)) {
      while (readableStreamGetNumReadIntoRequests(stream) > 0) {
        const desc = c.pendingPullIntos.shift();
        readableByteStreamControllerCommitPullIntoDescriptor(stream, desc);
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    } else if (first.bytesFilled >= first.minimumFill) {
      c.pendingPullIntos.shift();
      const remainderSize = first.bytesFilled % first.elementSize;
      if (remainderSize > 0) {
        const end = first.byteOffset + first.bytesFilled;
        readableByteStreamControllerEnqueueClonedChunkToQueue(controller, first.buffer, end - remainderSize, remainderSize);
      }
      first.bytesFilled -= remainderSize;
      readableByteStreamControllerCommitPullIntoDescriptor(c.stream, first);
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    }
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

// ---------------------------------------------------------------- tee

let tee_ = null;
function teePart() {
  return tee_ || (tee_ = binding.part('tee')({
    undefined, createReadableStream, deferred, initializeReadableStream, kChunk, kClose, kError, kState, nop,
    ReadableByteStreamController, readableByteStreamControllerClose,
    readableByteStreamControllerEnqueue, readableByteStreamControllerError,
    readableByteStreamControllerPullInto, readableByteStreamControllerRespond,
    readableByteStreamControllerRespondWithNewView, ReadableStream, ReadableStreamBYOBReader,
    readableStreamBYOBReaderRelease, readableStreamCancel, readableStreamDefaultControllerClose,
    readableStreamDefaultControllerEnqueue, readableStreamDefaultControllerError,
    ReadableStreamDefaultReader, readableStreamDefaultReaderRead,
    readableStreamDefaultReaderRelease, settleResolve, setUpReadableByteStreamController,
  }));
}

//#part tee
(function makeTee({
  undefined, createReadableStream, deferred, initializeReadableStream, kChunk, kClose, kError, kState, nop,
  ReadableByteStreamController, readableByteStreamControllerClose,
  readableByteStreamControllerEnqueue, readableByteStreamControllerError,
  readableByteStreamControllerPullInto, readableByteStreamControllerRespond,
  readableByteStreamControllerRespondWithNewView, ReadableStream, ReadableStreamBYOBReader,
  readableStreamBYOBReaderRelease, readableStreamCancel, readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue, readableStreamDefaultControllerError,
  ReadableStreamDefaultReader, readableStreamDefaultReaderRead, readableStreamDefaultReaderRelease,
  settleResolve, setUpReadableByteStreamController,
}) {
  function readableStreamDefaultTee(stream, cloneForBranch2) {
    const reader = new ReadableStreamDefaultReader(stream);
    let reading = false;
    let canceled1 = false;
    let canceled2 = false;
    let reason1;
    let reason2;
    let branch1;
    let branch2;
    const cancelPromise = deferred();
    async function pullAlgorithm() {
      if (reading) return;
      reading = true;
      const readRequest = {
        [kChunk](chunk) {
          queueMicrotask(() => {
            reading = false;
            const chunk1 = chunk;
            let chunk2 = chunk;
            if (!canceled2 && cloneForBranch2) chunk2 = structuredClone(chunk2);
            if (!canceled1) readableStreamDefaultControllerEnqueue(branch1[kState].controller, chunk1);
            if (!canceled2) readableStreamDefaultControllerEnqueue(branch2[kState].controller, chunk2);
          });
        },
        [kClose]() {
          process.nextTick(() => {
            reading = false;
            if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
            if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
            if (!canceled1 || !canceled2) settleResolve(cancelPromise, undefined);
          });
        },
        [kError]() {
          reading = false;
        },
      };
      readableStreamDefaultReaderRead(reader, readRequest);
    }
    function cancel1Algorithm(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) {
        const cancelResult = readableStreamCancel(stream, [reason1, reason2]);
        settleResolve(cancelPromise, cancelResult);
      }
      return cancelPromise.promise;
    }
    function cancel2Algorithm(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) {
        const cancelResult = readableStreamCancel(stream, [reason1, reason2]);
        settleResolve(cancelPromise, cancelResult);
      }
      return cancelPromise.promise;
    }
    branch1 = createReadableStream(nop, pullAlgorithm, cancel1Algorithm);
    branch2 = createReadableStream(nop, pullAlgorithm, cancel2Algorithm);
    reader[kState].close.promise.then(undefined, (r) => {
      readableStreamDefaultControllerError(branch1[kState].controller, r);
      readableStreamDefaultControllerError(branch2[kState].controller, r);
      if (!canceled1 || !canceled2) settleResolve(cancelPromise, undefined);
    });
    return [branch1, branch2];
  }

  // readableByteStreamTee tees a byte stream into two byte streams, as the standard does: a branch
  // with a pending BYOB read has the source read straight into its buffer (and the other branch gets
  // a copy); otherwise the source is read with a default reader and branch 2 gets the copy.
  function readableByteStreamTee(stream) {
    let reader = new ReadableStreamDefaultReader(stream);
    let reading = false;
    let readAgainForBranch1 = false;
    let readAgainForBranch2 = false;
    let canceled1 = false;
    let canceled2 = false;
    let reason1;
    let reason2;
    let branch1;
    let branch2;
    const cancelPromise = deferred();
    function cloneChunk(chunk) {
      return new Uint8Array(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength));
    }
    function forwardReaderError(thisReader) {
      thisReader[kState].close.promise.then(undefined, (r) => {
        if (thisReader !== reader) return;
        readableByteStreamControllerError(branch1[kState].controller, r);
        readableByteStreamControllerError(branch2[kState].controller, r);
        if (!canceled1 || !canceled2) settleResolve(cancelPromise, undefined);
      });
    }
    function pullWithDefaultReader() {
      if (reader instanceof ReadableStreamBYOBReader) {
        readableStreamBYOBReaderRelease(reader);
        reader = new ReadableStreamDefaultReader(stream);
        forwardReaderError(reader);
      }
      readableStreamDefaultReaderRead(reader, {
        [kChunk](chunk) {
          queueMicrotask(() => {
            readAgainForBranch1 = false;
            readAgainForBranch2 = false;
            const chunk1 = chunk;
            let chunk2 = chunk;
            if (!canceled1 && !canceled2) chunk2 = cloneChunk(chunk);
            if (!canceled1) readableByteStreamControllerEnqueue(branch1[kState].controller, chunk1);
            if (!canceled2) readableByteStreamControllerEnqueue(branch2[kState].controller, chunk2);
            reading = false;
            if (readAgainForBranch1) pull1Algorithm();
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        [kClose]() {
          reading = false;
          if (!canceled1) readableByteStreamControllerClose(branch1[kState].controller);
          if (!canceled2) readableByteStreamControllerClose(branch2[kState].controller);
          if (branch1[kState].controller[kState].pendingPullIntos.length > 0) {
            readableByteStreamControllerRespond(branch1[kState].controller, 0);
          }
          if (branch2[kState].controller[kState].pendingPullIntos.length > 0) {
            readableByteStreamControllerRespond(branch2[kState].controller, 0);
          }
          if (!canceled1 || !canceled2) settleResolve(cancelPromise, undefined);
        },
        [kError]() {
          reading = false;
        },
      });
    }
    function pullWithBYOBReader(view, forBranch2) {
      if (reader instanceof ReadableStreamDefaultReader) {
        readableStreamDefaultReaderRelease(reader);
        reader = new ReadableStreamBYOBReader(stream);
        forwardReaderError(reader);
      }
      const byobBranch = forBranch2 ? branch2 : branch1;
      const otherBranch = forBranch2 ? branch1 : branch2;
      const req = {
        [kChunk](chunk) {
          queueMicrotask(() => {
            readAgainForBranch1 = false;
            readAgainForBranch2 = false;
            const byobCanceled = forBranch2 ? canceled2 : canceled1;
            const otherCanceled = forBranch2 ? canceled1 : canceled2;
            if (!otherCanceled) {
              const cloned = cloneChunk(chunk);
              if (!byobCanceled) readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller, chunk);
              readableByteStreamControllerEnqueue(otherBranch[kState].controller, cloned);
            } else if (!byobCanceled) {
              readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller, chunk);
            }
            reading = false;
            if (readAgainForBranch1) pull1Algorithm();
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        [kClose](chunk) {
          reading = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!byobCanceled) readableByteStreamControllerClose(byobBranch[kState].controller);
          if (!otherCanceled) readableByteStreamControllerClose(otherBranch[kState].controller);
          if (chunk !== undefined) {
            if (!byobCanceled) readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller, chunk);
            if (!otherCanceled && otherBranch[kState].controller[kState].pendingPullIntos.length > 0) {
              readableByteStreamControllerRespond(otherBranch[kState].controller, 0);
            }
          }
          if (!byobCanceled || !otherCanceled) settleResolve(cancelPromise, undefined);
        },
        [kError]() {
          reading = false;
        },
      };
      stream[kState].disturbed = true;
      readableByteStreamControllerPullInto(stream[kState].controller, view, 1, req);
    }
    function pull1Algorithm() {
      if (reading) {
        readAgainForBranch1 = true;
        return Promise.resolve();
      }
      reading = true;
      const byobRequest = branch1[kState].controller.byobRequest;
      if (byobRequest === null) pullWithDefaultReader();
      else pullWithBYOBReader(byobRequest[kState].view, false);
      return Promise.resolve();
    }
    function pull2Algorithm() {
      if (reading) {
        readAgainForBranch2 = true;
        return Promise.resolve();
      }
      reading = true;
      const byobRequest = branch2[kState].controller.byobRequest;
      if (byobRequest === null) pullWithDefaultReader();
      else pullWithBYOBReader(byobRequest[kState].view, true);
      return Promise.resolve();
    }
    function cancel1Algorithm(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) settleResolve(cancelPromise, readableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    }
    function cancel2Algorithm(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) settleResolve(cancelPromise, readableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    }
    function createBranch(pull, cancel) {
      const branch = Object.create(ReadableStream.prototype);
      initializeReadableStream(branch);
      const controller = Object.create(ReadableByteStreamController.prototype);
      setUpReadableByteStreamController(branch, controller, nop, pull, cancel, 0, undefined);
      return branch;
    }
    branch1 = createBranch(pull1Algorithm, cancel1Algorithm);
    branch2 = createBranch(pull2Algorithm, cancel2Algorithm);
    forwardReaderError(reader);
    return [branch1, branch2];
  }
  return { readableStreamDefaultTee, readableByteStreamTee };
})
//#end tee

function readableStreamBYOBReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamBYOBReaderErrorReadIntoRequests(reader, invalidState('Releasing reader'));
}

// ---------------------------------------------------------------- async iteration

// The AsyncIterator prototype, reached without an async generator (goja has none): what gives
// the iterators their [Symbol.asyncIterator].
const AsyncIteratorPrototype = Object.create(Object.prototype, {
  [Symbol.asyncIterator]: {
    __proto__: null,
    value: { [Symbol.asyncIterator]() { return this; } }[Symbol.asyncIterator],
    writable: true, configurable: true,
  },
});
const ReadableStreamAsyncIteratorPrototype = Object.create(AsyncIteratorPrototype);

// As node's, each iterator owns next, return and [Symbol.asyncIterator] (so it inspects as
// `{ next: [Function: next], ... }`); its state is a hidden symbol.
const asyncIteratorMethods = {
  next() {
    const s = this[kState];
    // As node's: the first read waits one microtask (the controller has started and pulled),
    // and each read settles straight from the stream's read request.
    if (!s.started) {
      s.current = Promise.resolve();
      s.started = true;
    }
    const steps = () => nextSteps(s);
    s.current = s.current !== undefined ? s.current.then(steps, steps) : nextSteps(s);
    return s.current;
  },
  return(value) {
    const s = this[kState];
    s.started = true;
    const steps = () => returnSteps(s, value);
    s.current = s.current !== undefined ? s.current.then(steps, steps) : returnSteps(s, value);
    return s.current;
  },
  [Symbol.asyncIterator]() { return this; },
};

// The read request of an async iterator's next(): it clears the pending promise and, at the
// end, releases the reader.
// (its own deferred, as DefaultReadRequest)
class AsyncIteratorReadRequest {
  constructor(s) {
    this.s = s;
    this.promise = new Promise(captureResolvers);
    this.resolve = capturedResolve;
    this.reject = capturedReject;
    capturedResolve = capturedReject = undefined;
  }
  [kChunk](value) {
    this.s.current = undefined;
    this.resolve({ value, done: false });
  }
  [kClose]() {
    this.s.current = undefined;
    this.s.done = true;
    readableStreamReaderGenericRelease(this.s.reader);
    this.resolve({ done: true, value: undefined }); // (node's iterator result, done first)
  }
  [kError](e) {
    this.s.current = undefined;
    this.s.done = true;
    readableStreamReaderGenericRelease(this.s.reader);
    this.reject(e);
  }
}

function nextSteps(s) {
  if (s.done) return Promise.resolve({ done: true, value: undefined });
  const reader = s.reader;
  if (reader[kState].stream === undefined) {
    return Promise.reject(invalidState('The reader is not bound to a ReadableStream'));
  }
  const req = new AsyncIteratorReadRequest(s);
  readableStreamDefaultReaderRead(reader, req);
  return req.promise;
}

async function returnSteps(s, value) {
  if (s.done) return { done: true, value };
  s.done = true;
  const reader = s.reader;
  if (reader[kState].stream === undefined) throw invalidState('The reader is not bound to a ReadableStream');
  if (!s.preventCancel) {
    const result = readableStreamReaderGenericCancel(reader, value);
    readableStreamReaderGenericRelease(reader);
    await result;
    return { done: true, value };
  }
  readableStreamReaderGenericRelease(reader);
  return { done: true, value };
}

function readableStreamAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const it = Object.create(ReadableStreamAsyncIteratorPrototype);
  it.next = asyncIteratorMethods.next;
  it.return = asyncIteratorMethods.return;
  it[Symbol.asyncIterator] = asyncIteratorMethods[Symbol.asyncIterator];
  Object.defineProperty(it, kState, {
    __proto__: null,
    value: { reader, preventCancel, done: false, current: undefined, started: false }, writable: true, configurable: true,
  });
  return it;
}

// ---------------------------------------------------------------- pipeTo

let pipeTo_ = null;
function pipeToPart() {
  return pipeTo_ || (pipeTo_ = binding.part('pipeto')({
    undefined, deferred, ie, invalidState, kChunk, kClose, kError, kState, nop, quickOK, reactionPlain,
    readableStreamCancel, ReadableStreamDefaultReader, readableStreamDefaultReaderRead,
    readableStreamReaderGenericRelease, setHandled, settleReject, settleResolve,
    writableStreamAbort, writableStreamCloseQueuedOrInFlight, WritableStreamDefaultWriter,
    writableStreamDefaultWriterCloseWithErrorPropagation, writableStreamDefaultWriterRelease,
    writableStreamDefaultWriterWrite,
  }));
}

//#part pipeto
(function makePipeTo({
  undefined, deferred, ie, invalidState, kChunk, kClose, kError, kState, nop, quickOK, reactionPlain, readableStreamCancel,
  ReadableStreamDefaultReader, readableStreamDefaultReaderRead, readableStreamReaderGenericRelease,
  setHandled, settleReject, settleResolve, writableStreamAbort,
  writableStreamCloseQueuedOrInFlight, WritableStreamDefaultWriter,
  writableStreamDefaultWriterCloseWithErrorPropagation, writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
}) {
  function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
    const reader = new ReadableStreamDefaultReader(source);
    const writer = new WritableStreamDefaultWriter(dest);
    source[kState].disturbed = true;
    let shuttingDown = false;
    let currentWrite = Promise.resolve();
    const promise = deferred();
    let abortAlgorithm;

    function finalize(isError, error) {
      writableStreamDefaultWriterRelease(writer);
      readableStreamReaderGenericRelease(reader);
      if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
      if (isError) settleReject(promise, error);
      else settleResolve(promise, undefined);
    }

    async function waitForCurrentWrite() {
      const w = currentWrite;
      await (w instanceof Promise ? w : w.promise);
      if (w !== currentWrite) await waitForCurrentWrite();
    }

    function shutdownWithAction(action, originalIsError, originalError) {
      if (shuttingDown) return;
      shuttingDown = true;
      const doTheRest = () => {
        action().then(() => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
      };
      if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
        waitForCurrentWrite().then(doTheRest, (error) => finalize(true, error));
      } else {
        doTheRest();
      }
    }

    function shutdown(isError, error) {
      if (shuttingDown) return;
      shuttingDown = true;
      if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
        waitForCurrentWrite().then(() => finalize(isError, error), (e) => finalize(true, e));
      } else {
        finalize(isError, error);
      }
    }

    if (signal !== undefined) {
      abortAlgorithm = () => {
        // As node's: a reason that is node's own AbortError (not a DOMException) becomes a
        // DOMException AbortError with its message.
        const reason = signal.reason;
        const error = reason instanceof ie.AbortError ? new DOMException(reason.message, 'AbortError') : reason;
        const actions = [];
        if (!preventAbort) {
          actions.push(() => {
            if (dest[kState].state === 'writable') return writableStreamAbort(dest, error);
            return Promise.resolve();
          });
        }
        if (!preventCancel) {
          actions.push(() => {
            if (source[kState].state === 'readable') return readableStreamCancel(source, error);
            return Promise.resolve();
          });
        }
        // Node wraps each action and the result once more (its SafePromiseAll); match its ticks.
        shutdownWithAction(() => new Promise((res, rej) => {
          Promise.all(actions.map((a) => {
            const p = a();
            return new Promise((x, y) => { p.then(x, y); });
          })).then(res, rej);
        }), true, error);
      };
      if (signal.aborted) {
        abortAlgorithm();
        return promise.promise;
      }
      signal.addEventListener('abort', abortAlgorithm, { once: true });
    }

    async function step() {
      if (shuttingDown) return true;
      await writer[kState].ready.promise;
      return new Promise((resolve, reject) => { // at: readablestream:1506:5
        readableStreamDefaultReaderRead(reader, { // at: -
          [kChunk](chunk) {
            currentWrite = writableStreamDefaultWriterWrite(writer, chunk);
            setHandled(currentWrite);
            resolve(false);
          },
          [kClose]() { resolve(true); },
          [kError]: reject,
        });
      });
    }
    async function run() {
      while (!await step()); // at: readablestream:1513:13
    }

    // The same loop without its promises, when no async hooks or context can see them: each
    // job run()'s and step()'s promises queue is queued at the same moment (later), so every
    // step of the streams comes in the same microtask. J0 is step() called (first by run(), then
    // at the job V its await resumes in): it waits for the writer's ready promise (await: J1 a
    // microtask after it is fulfilled; rejected, step and run reject and the loop ends). J1
    // reads into a request whose promise D settles when a chunk (false), the end (true) or an
    // error comes, and step returns D's promise: its resolution calls D's then at job T, D's
    // reaction resolves step's promise at U (when D is settled), whose reaction V is run's await.
    let quickState = 0; // D: 0 pending, 1 a chunk, 2 done, 3 failed
    let quickThen = false; // T ran and D was pending: D's settling queues U
    const later = (fn) => {
      if (!reactionPlain(fn)) Promise.resolve().then(fn);
    };
    function quickSettled(st) {
      if (quickState !== 0) return;
      quickState = st;
      if (quickThen) {
        quickThen = false;
        later(quickU);
      }
    }
    const quickRequest = {
      [kChunk](chunk) {
        const w = writableStreamDefaultWriterWrite(writer, chunk, true);
        if (w instanceof Promise) setHandled(w);
        else w.handled = true;
        currentWrite = w;
        quickSettled(1);
      },
      [kClose]() { quickSettled(2); },
      [kError]() { quickSettled(3); },
    };
    function quickStep() {
      if (shuttingDown) return;
      const ready = writer[kState].ready;
      if (!ready.settled) ready.waiter = quickReady;
      else if (!ready.rejected) later(quickRead);
    }
    function quickReady(rejected) {
      if (!rejected) later(quickRead);
    }
    function quickRead() {
      quickState = 0;
      quickThen = false;
      readableStreamDefaultReaderRead(reader, quickRequest); // at: step@readablestream:1506:5, async run@readablestream:1513:13
      later(quickT);
    }
    function quickT() {
      if (quickState !== 0) later(quickU);
      else quickThen = true;
    }
    function quickU() {
      if (quickState !== 3) later(quickV);
    }
    function quickV() {
      if (quickState === 1) quickStep();
    }
    if (quickOK()) quickStep();
    else setHandled(run());

    // Error and close propagation, checked now and whenever the streams' promises settle.
    function watchErrored(stream, closedPromise, action) {
      if (stream[kState].state === 'errored') action(stream[kState].storedError);
      else closedPromise.then(undefined, action);
    }
    function watchClosed(stream, closedPromise, action) {
      if (stream[kState].state === 'closed') action();
      else closedPromise.then(action, nop);
    }

    watchErrored(source, reader[kState].close.promise, (storedError) => {
      if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, storedError), true, storedError);
      else shutdown(true, storedError);
    });
    watchErrored(dest, writer[kState].close.promise, (storedError) => {
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, storedError), true, storedError);
      else shutdown(true, storedError);
    });
    watchClosed(source, reader[kState].close.promise, () => {
      if (!preventClose) shutdownWithAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
      else shutdown();
    });
    if (writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
      const destClosed = invalidState('Destination WritableStream is closed');
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
      else shutdown(true, destClosed);
    }

    return promise.promise;
  }
  return readableStreamPipeTo;
})
//#end pipeto

// ---------------------------------------------------------------- WritableStream

function initializeWritableStream(stream) {
  stream[kType] = 'WritableStream';
  stream[kState] = {
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
    closed: undefined,
  };
}

class WritableStream {
  constructor(sink = kEmptyObject, strategy = kEmptyObject) {
    if (sink === null || (typeof sink !== 'object' && typeof sink !== 'function')) {
      if (sink !== undefined) throw argType('sink', 'Object', sink);
      sink = kEmptyObject;
    }
    strategy = validateStrategyArg(strategy);
    if (sink.type !== undefined) throw rangeArgValue('type', sink.type);
    initializeWritableStream(this);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpWritableStreamDefaultControllerFromUnderlyingSink(this, sink, hwm, size);
  }
  get locked() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return isWritableStreamLocked(this);
  }
  abort(reason = undefined) {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }
  close() {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));
    if (writableStreamCloseQueuedOrInFlight(this)) return Promise.reject(invalidState('Failure closing WritableStream'));
    return writableStreamClose(this);
  }
  getWriter() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'WritableStream', { locked: this.locked, state: this[kState].state });
  }
}
setToStringTag(WritableStream, 'WritableStream');

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  const stream = Object.create(WritableStream.prototype);
  initializeWritableStream(stream);
  const controller = Object.create(WritableStreamDefaultController.prototype);
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
    abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller[kState].abortController.abort(reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = deferred();
  s.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  const state = s.state;
  if (state === 'closed' || state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const promise = deferred();
  s.closeRequest = promise;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && state === 'writable') settleResolve(writer[kState].ready);
  writableStreamDefaultControllerClose(s.controller);
  return promise.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  const controller = s.controller;
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  if (s.closed !== undefined) settleReject(s.closed, s.storedError);
  s.controller[kErrorSteps]();
  const storedError = s.storedError;
  const requests = s.writeRequests;
  s.writeRequests = [];
  for (let i = 0; i < requests.length; i++) settleReject(requests[i], storedError);
  if (s.pendingAbortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    settleReject(abortRequest.promise, storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const promise = s.controller[kAbort](abortRequest.reason);
  onSettled(promise, () => {
    settleResolve(abortRequest.promise, undefined);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    settleReject(abortRequest.promise, reason);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  const s = stream[kState];
  settleResolve(s.inFlightWriteRequest, undefined);
  s.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  const s = stream[kState];
  settleReject(s.inFlightWriteRequest, error);
  s.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const s = stream[kState];
  settleResolve(s.inFlightCloseRequest, undefined);
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      settleResolve(s.pendingAbortRequest.promise, undefined);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  if (s.closed !== undefined) settleResolve(s.closed);
  const writer = s.writer;
  if (writer !== undefined) settleResolve(writer[kState].close, undefined);
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const s = stream[kState];
  settleReject(s.inFlightCloseRequest, error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    settleReject(s.pendingAbortRequest.promise, error);
    s.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const s = stream[kState];
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    settleReject(s.closeRequest, s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    setHandled(writer[kState].close.promise);
    settleReject(writer[kState].close, s.storedError);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer[kState].ready = lazyDeferred();
    else settleResolve(writer[kState].ready, undefined);
  }
  s.backpressure = backpressure;
}

// ---------------------------------------------------------------- writer

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw argType('stream', 'WritableStream', stream);
    if (isWritableStreamLocked(stream)) throw invalidState('WritableStream is locked');
    this[kType] = 'WritableStreamDefaultWriter';
    const w = { stream, ready: undefined, close: undefined };
    this[kState] = w;
    const s = stream[kState];
    s.writer = this;
    const state = s.state;
    if (state === 'writable') {
      if (!writableStreamCloseQueuedOrInFlight(stream) && s.backpressure) w.ready = deferred();
      else w.ready = resolvedDeferred(undefined);
      w.close = deferred();
    } else if (state === 'erroring') {
      w.ready = rejectedDeferred(s.storedError);
      w.close = deferred();
    } else if (state === 'closed') {
      w.ready = resolvedDeferred(undefined);
      w.close = resolvedDeferred(undefined);
    } else {
      w.ready = rejectedDeferred(s.storedError);
      w.close = rejectedDeferred(s.storedError);
    }
  }
  get closed() {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].close.promise;
  }
  get desiredSize() {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) throw invalidThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    return writableStreamDefaultWriterGetDesiredSize(this);
  }
  get ready() {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].ready.promise;
  }
  abort(reason = undefined) {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(this[kState].stream, reason);
  }
  close() {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    const stream = this[kState].stream;
    if (stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    if (writableStreamCloseQueuedOrInFlight(stream)) return Promise.reject(invalidState('Failure to close WritableStream'));
    return writableStreamClose(stream);
  }
  releaseLock() {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) throw invalidThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }
  write(chunk = undefined) {
    if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) {
      return Promise.reject(atNode(invalidThis('WritableStreamDefaultWriter'), 'writablestream', 430, 28, 28,
        "      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));"));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(atNode(invalidState('Writer is not bound to a WritableStream'), 'writablestream', 433, 9, 9,
        '        new ERR_INVALID_STATE.TypeError('));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'WritableStreamDefaultWriter', {
      stream: this[kState].stream,
      close: this[kState].close.promise,
      ready: this[kState].ready.promise,
      desiredSize: this.desiredSize,
    });
  }
}
setToStringTag(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  return writableStreamClose(stream);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
  const w = writer[kState];
  if (!w.close.settled) {
    setHandled(w.close.promise);
    settleReject(w.close, error);
  } else {
    w.close = rejectedDeferred(error);
  }
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (!w.ready.settled) {
    setHandled(w.ready.promise);
    settleReject(w.ready, error);
  } else {
    w.ready = rejectedDeferred(error);
  }
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return writableStreamDefaultControllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const releasedError = invalidState('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

// (asDeferred: the write request's deferred is returned instead of its promise, for pipeTo)
function writableStreamDefaultWriterWrite(writer, chunk, asDeferred = false) {
  const stream = writer[kState].stream;
  const controller = stream[kState].controller;
  const chunkSize = writableStreamDefaultControllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(invalidState('Mismatched WritableStreams'));
  }
  const s = stream[kState];
  const state = s.state;
  if (state === 'errored') return Promise.reject(s.storedError);
  if (s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined || state === 'closed') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(s.storedError);
  // (the spec's AddWriteRequest and CloseQueuedOrInFlight inline: every chunk runs them)
  const request = lazyDeferred();
  s.writeRequests.push(request);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return asDeferred ? request : request.promise;
}

// ---------------------------------------------------------------- writable controller

class WritableStreamDefaultController {
  constructor() {
    throw ie.makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get signal() {
    return brand(this, WritableStreamDefaultController, 'WritableStreamDefaultController').abortController.signal;
  }
  error(error = undefined) {
    if (brand(this, WritableStreamDefaultController, 'WritableStreamDefaultController').stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }
  [kAbort](reason) {
    const result = this[kState].abortAlgorithm(reason);
    writableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }
  [kErrorSteps]() {
    resetQueue(this[kState]);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'WritableStreamDefaultController', { stream: this[kState].stream });
  }
}
setToStringTag(WritableStreamDefaultController, 'WritableStreamDefaultController');

function setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
  abortAlgorithm, highWaterMark, sizeAlgorithm, quickWrite = undefined) {
  controller[kType] = 'WritableStreamDefaultController';
  const c = {
    stream,
    queue: null,
    queueTotalSize: 0,
    abortController: new AbortController(),
    started: false,
    sizeAlgorithm,
    highWaterMark,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
    // (an underlying sink's write called quickly: a function, null when there is no write,
    // undefined for the streams made by other algorithms)
    quickWrite,
  };
  controller[kState] = c;
  stream[kState].controller = controller;
  resetQueue(c);
  writableStreamUpdateBackpressure(stream, writableStreamDefaultControllerGetBackpressure(controller));
  const startResult = startAlgorithm(controller);
  onSettled(new Promise((r) => r(startResult)), () => {
    c.started = true;
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (r) => {
    c.started = true;
    writableStreamDealWithRejection(stream, r);
  });
}

function setUpWritableStreamDefaultControllerFromUnderlyingSink(stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = Object.create(WritableStreamDefaultController.prototype);
  const start = sink.start;
  const write = sink.write;
  const close = sink.close;
  const abort = sink.abort;
  if (start && typeof start !== 'function') throw new TypeError('Bind must be called on a function');
  if (write && typeof write !== 'function') throw argType('sink.write', 'Function', write);
  if (close && typeof close !== 'function') throw argType('sink.close', 'Function', close);
  if (abort && typeof abort !== 'function') throw argType('sink.abort', 'Function', abort);
  const startAlgorithm = start ? () => Reflect.apply(start, sink, [controller]) : nop;
  const writeAlgorithm = write ? (chunk) => promiseCall(write, sink, chunk, controller) : () => Promise.resolve();
  const closeAlgorithm = close ? () => promiseCall(close, sink) : () => Promise.resolve();
  const abortAlgorithm = abort ? (reason) => promiseCall(abort, sink, reason) : () => Promise.resolve();
  const quickWrite = write ? (chunk) => callQuick2(write, sink, chunk, controller) : null;
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
    abortAlgorithm, highWaterMark, sizeAlgorithm, quickWrite);
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.sizeAlgorithm = undefined;
  c.quickWrite = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller[kState], closeSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const c = controller[kState];
  if (c.sizeAlgorithm === undefined || c.sizeAlgorithm === sizeOne) return 1;
  try {
    return c.sizeAlgorithm(chunk);
  } catch (e) {
    writableStreamDefaultControllerErrorIfNeeded(controller, e);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  const c = controller[kState];
  return c.highWaterMark - c.queueTotalSize;
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  const c = controller[kState];
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (e) {
    writableStreamDefaultControllerErrorIfNeeded(controller, e);
    return;
  }
  const stream = c.stream;
  const s = stream[kState];
  // (CloseQueuedOrInFlight and GetBackpressure inline, here and in Written: every chunk runs them)
  if (s.closeRequest === undefined && s.inFlightCloseRequest === undefined && s.state === 'writable') {
    writableStreamUpdateBackpressure(stream, c.highWaterMark - c.queueTotalSize <= 0);
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (!c.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const state = stream[kState].state;
  if (state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = c.queue.peek().value;
  if (value === closeSentinel) writableStreamDefaultControllerProcessClose(controller);
  else writableStreamDefaultControllerProcessWrite(controller, value);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') writableStreamDefaultControllerError(controller, error);
}

function writableStreamDefaultControllerProcessClose(controller) {
  const c = controller[kState];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
  dequeueValue(c);
  const sinkClosePromise = c.closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  onSettled(sinkClosePromise, () => {
    writableStreamFinishInFlightClose(stream);
  }, (reason) => {
    writableStreamFinishInFlightCloseWithError(stream, reason);
  });
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightWriteRequest = s.writeRequests.shift();
  const quick = c.quickWrite;
  if (quick !== undefined && !hooksOn()) {
    let result;
    let thrown = false;
    if (quick !== null) {
      try {
        result = c.quickWrite(chunk);
      } catch (e) {
        thrown = true;
        result = e;
      }
    }
    settleQuick(thrown, result, controller, writableStreamDefaultControllerWritten, writableStreamDefaultControllerWriteFailed);
    return;
  }
  const sinkWritePromise = c.writeAlgorithm(chunk);
  if (sinkWritePromise === undefined) return; // (a TransformStream's, written quickly)
  onSettled(sinkWritePromise, () => {
    writableStreamDefaultControllerWritten(controller);
  }, (reason) => {
    writableStreamDefaultControllerWriteFailed(controller, reason);
  });
}

// (the steps after a sink's write, settled)
function writableStreamDefaultControllerWritten(controller) {
  const c = controller[kState];
  const stream = c.stream;
  writableStreamFinishInFlightWrite(stream);
  const s = stream[kState];
  const state = s.state;
  dequeueValue(c);
  if (s.closeRequest === undefined && s.inFlightCloseRequest === undefined && state === 'writable') {
    writableStreamUpdateBackpressure(stream, c.highWaterMark - c.queueTotalSize <= 0);
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}
function writableStreamDefaultControllerWriteFailed(controller, reason) {
  const stream = controller[kState].stream;
  if (stream[kState].state === 'writable') writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamFinishInFlightWriteWithError(stream, reason);
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerError(controller, error) {
  const stream = controller[kState].stream;
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

// ---------------------------------------------------------------- TransformStream

function isTransformStream(v) {
  return v !== null && typeof v === 'object' && v[kType] === 'TransformStream';
}

class TransformStream {
  constructor(transformer = kEmptyObject, writableStrategy = kEmptyObject, readableStrategy = kEmptyObject) {
    if (transformer === null || (typeof transformer !== 'object' && typeof transformer !== 'function')) {
      if (transformer !== undefined) throw argType('transformer', 'Object', transformer);
      transformer = kEmptyObject;
    }
    writableStrategy = validateStrategyArg(writableStrategy, 'writableStrategy');
    readableStrategy = validateStrategyArg(readableStrategy, 'readableStrategy');
    // (read in node's order: both types and start, then the checks)
    const readableType = transformer.readableType;
    const writableType = transformer.writableType;
    const start = transformer.start;
    if (readableType !== undefined) throw rangeArgValue('transformer.readableType', readableType);
    if (writableType !== undefined) throw rangeArgValue('transformer.writableType', writableType);
    const readableHighWaterMark = extractHighWaterMark(readableStrategy, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategy);
    const writableHighWaterMark = extractHighWaterMark(writableStrategy, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategy);
    const startPromise = deferred();
    this[kType] = 'TransformStream';
    initializeTransformStream(this, startPromise, writableHighWaterMark, writableSizeAlgorithm,
      readableHighWaterMark, readableSizeAlgorithm);
    setUpTransformStreamDefaultControllerFromTransformer(this, transformer);
    if (start !== undefined) {
      // Node calls start through a primordial that does not exist for non-functions.
      if (typeof start !== 'function') throw new TypeError('FunctionPrototypeCall is not a function');
      settleResolve(startPromise, Reflect.apply(start, transformer, [this[kState].controller]));
    } else {
      settleResolve(startPromise, undefined);
    }
  }
  get readable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].readable;
  }
  get writable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].writable;
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'TransformStream', {
      readable: this.readable,
      writable: this.writable,
      backpressure: this[kState].backpressure,
    });
  }
}
setToStringTag(TransformStream, 'TransformStream');

function initializeTransformStream(stream, startPromise, writableHighWaterMark, writableSizeAlgorithm,
  readableHighWaterMark, readableSizeAlgorithm) {
  const s = {
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChangePromise: undefined,
    controller: undefined,
    quickChunk: undefined, // (a write waiting for the backpressure to change, quickly)
    quickWriteWaiter: undefined,
    quickPullWaiter: undefined,
  };
  stream[kState] = s;
  const startAlgorithm = () => startPromise.promise;
  s.writable = createWritableStream(startAlgorithm,
    (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),
    () => transformStreamDefaultSinkCloseAlgorithm(stream),
    (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason),
    writableHighWaterMark, writableSizeAlgorithm);
  s.readable = createReadableStream(startAlgorithm,
    () => transformStreamDefaultSourcePullAlgorithm(stream),
    (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason),
    readableHighWaterMark, readableSizeAlgorithm);
  const readableController = s.readable[kState].controller;
  readableController[kState].transform = stream;
  s.quickWriteWaiter = transformStreamQuickWaiter(stream, (x) => transformStreamQuickWriteStep(x));
  s.quickPullWaiter = transformStreamQuickWaiter(readableController, readableStreamDefaultControllerPulled);
  transformStreamSetBackpressure(stream, true);
}

function transformStreamError(stream, e) {
  readableStreamDefaultControllerError(stream[kState].readable[kState].controller, e);
  transformStreamErrorWritableAndUnblockWrite(stream, e);
}

function transformStreamErrorWritableAndUnblockWrite(stream, e) {
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  writableStreamDefaultControllerErrorIfNeeded(stream[kState].writable[kState].controller, e);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) transformStreamSetBackpressure(stream, false);
}

function transformStreamSetBackpressure(stream, backpressure) {
  const s = stream[kState];
  if (s.backpressureChangePromise !== undefined) settleResolve(s.backpressureChangePromise, undefined);
  s.backpressureChangePromise = lazyDeferred();
  s.backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor() {
    throw ie.makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get desiredSize() {
    const c = brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');
    const readableController = c.stream[kState].readable[kState].controller;
    return readableStreamDefaultControllerGetDesiredSize(readableController);
  }
  enqueue(chunk = undefined) {
    brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');
    transformStreamDefaultControllerEnqueue(this, chunk);
  }
  error(reason = undefined) {
    transformStreamError(brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController').stream, reason);
  }
  terminate() {
    brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');
    transformStreamDefaultControllerTerminate(this);
  }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'TransformStreamDefaultController', { stream: this[kState].stream });
  }
}
setToStringTag(TransformStreamDefaultController, 'TransformStreamDefaultController');

function setUpTransformStreamDefaultControllerFromTransformer(stream, transformer) {
  const controller = Object.create(TransformStreamDefaultController.prototype);
  const transform = transformer.transform;
  const flush = transformer.flush;
  const cancel = transformer.cancel;
  if (transform && typeof transform !== 'function') throw argType('transformer.transform', 'Function', transform);
  if (flush && typeof flush !== 'function') throw argType('transformer.flush', 'Function', flush);
  if (cancel && typeof cancel !== 'function') throw argType('transformer.cancel', 'Function', cancel);
  let transformAlgorithm = (chunk) => {
    try {
      transformStreamDefaultControllerEnqueue(controller, chunk); // at: Object.defaultTransformAlgorithm [as transformAlgorithm]@transformstream:355:3
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  };
  if (transform) transformAlgorithm = (chunk) => promiseCall(transform, transformer, chunk, controller);
  const quickTransform = transform ? (chunk) => callQuick2(transform, transformer, chunk, controller) : null;
  const flushAlgorithm = flush ? () => promiseCall(flush, transformer, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ? (reason) => promiseCall(cancel, transformer, reason) : () => Promise.resolve();
  controller[kType] = 'TransformStreamDefaultController';
  controller[kState] = {
    stream,
    transformAlgorithm,
    flushAlgorithm,
    cancelAlgorithm,
    finishPromise: undefined,
    // (the transformer's transform called quickly: a function, null for the default one)
    quickTransform,
  };
  stream[kState].controller = controller;
}

function transformStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.quickTransform = undefined;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readableController = stream[kState].readable[kState].controller;
  const rc = readableController[kState];
  if (rc.closeRequested || rc.stream[kState].state !== 'readable') {
    throw invalidState('Unable to enqueue');
  }
  try {
    readableStreamDefaultControllerEnqueue(readableController, chunk);
  } catch (e) {
    transformStreamErrorWritableAndUnblockWrite(stream, e);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = !readableStreamDefaultControllerShouldCallPull(readableController);
  if (backpressure !== stream[kState].backpressure) transformStreamSetBackpressure(stream, true);
}

function transformStreamDefaultControllerPerformTransform(controller, chunk) {
  const transformPromise = controller[kState].transformAlgorithm(chunk);
  return transformStreamDefaultControllerTransformed(controller, transformPromise);
}
function transformStreamDefaultControllerTransformed(controller, transformPromise) {
  return transformPromise.then(undefined, (r) => {
    transformStreamError(controller[kState].stream, r);
    throw r;
  });
}

// The quick write path of a TransformStream's writable. Its sink's write (SinkWriteAlgorithm)
// waits on the backpressure change's promise while there is backpressure, calls the
// transformer's transform through promiseCall, and derives the promise the write waits on with
// then(undefined, ...) (and then() once more under backpressure, resolved with that one). All
// are internal promises: when the transform returns a value that is no object, or throws, each
// step comes in the microtask their reactions would run in, queued by binding.reaction; under
// backpressure the write waits as the backpressure change's waiter, when no async context is
// current (quickOK), as the TransformStream's pull does (readableStreamDefaultControllerCallPullIfNeeded).
const kWritten = Symbol('kWritten');
function queueStep(fn, a, b) {
  if (!reaction(fn, a, b)) Promise.resolve().then(() => fn(a, b));
}
// (a backpressure change's waiter: fn(x) queued as the reaction of a then() on its promise
// made where no async context was)
function transformStreamQuickWaiter(x, fn) {
  return () => {
    if (!reactionPlain(fn, x)) Promise.resolve().then(() => fn(x));
  };
}
// (the step after the backpressure changed: the reaction of the then() on its promise)
function transformStreamQuickWriteStep(stream) {
  const s = stream[kState];
  const chunk = s.quickChunk;
  s.quickChunk = undefined;
  const writable = s.writable[kState];
  if (writable.state === 'erroring') {
    queueStep(transformStreamQuickWritten, stream, writable.storedError);
    return;
  }
  if (s.controller[kState].quickTransform === undefined) {
    // (as the then() handler's return: a promise the write's waits on two microtasks later)
    const controller = writable.controller;
    onSettled(new Promise((resolve) => resolve(transformStreamDefaultControllerPerformTransform(s.controller, chunk))),
      () => writableStreamDefaultControllerWritten(controller),
      (r) => writableStreamDefaultControllerWriteFailed(controller, r));
    return;
  }
  transformStreamQuickTransform(stream, chunk, true);
}
// (afterBackpressure: called from the then() handler, whose promise is resolved with the one
// PerformTransform returns: its thenable job and the reaction resolving it come first)
function transformStreamQuickTransform(stream, chunk, afterBackpressure) {
  const tc = stream[kState].controller;
  const quick = tc[kState].quickTransform;
  let result;
  let thrown = false;
  try {
    if (quick === null) transformStreamDefaultControllerEnqueue(tc, chunk); // at: Object.defaultTransformAlgorithm [as transformAlgorithm]@transformstream:355:3, transformStreamDefaultControllerPerformTransform@transformstream:519:37
    else result = quick(chunk);
  } catch (e) {
    thrown = true;
    result = e;
  }
  if (!thrown && result !== null && (typeof result === 'object' || typeof result === 'function')) {
    // (maybe a thenable: the promise path, the promise resolved with it as promiseCall's)
    const controller = stream[kState].writable[kState].controller;
    const p = transformStreamDefaultControllerTransformed(tc, new Promise((resolve) => resolve(result)));
    onSettled(afterBackpressure ? new Promise((resolve) => resolve(p)) : p,
      () => writableStreamDefaultControllerWritten(controller),
      (r) => writableStreamDefaultControllerWriteFailed(controller, r));
    return;
  }
  // (thrown: the then() handler errors the stream a microtask later, then its promise rejects)
  const e = thrown ? result : kWritten;
  if (afterBackpressure) {
    if (thrown) queueStep(transformStreamError, stream, e);
    queueStep(transformStreamQuickHop2, stream, e);
  } else {
    queueStep(thrown ? transformStreamQuickFailed : transformStreamQuickHop1, stream, e);
  }
}
function transformStreamQuickFailed(stream, e) {
  transformStreamError(stream, e);
  queueStep(transformStreamQuickWritten, stream, e);
}
function transformStreamQuickHop2(stream, e) {
  queueStep(transformStreamQuickHop1, stream, e);
}
function transformStreamQuickHop1(stream, e) {
  queueStep(transformStreamQuickWritten, stream, e);
}
function transformStreamQuickWritten(stream, e) {
  const controller = stream[kState].writable[kState].controller;
  if (e === kWritten) writableStreamDefaultControllerWritten(controller);
  else writableStreamDefaultControllerWriteFailed(controller, e);
}

function transformStreamDefaultControllerTerminate(controller) {
  const stream = controller[kState].stream;
  readableStreamDefaultControllerClose(stream[kState].readable[kState].controller);
  transformStreamErrorWritableAndUnblockWrite(stream, invalidState('TransformStream has been terminated'));
}

function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
  const controller = stream[kState].controller;
  if (controller[kState].quickTransform !== undefined && !hooksOn()) {
    // (quickly: no promise returned, see transformStreamQuickTransform)
    const s = stream[kState];
    if (!s.backpressure) {
      transformStreamQuickTransform(stream, chunk, false);
      return undefined;
    }
    if (quickOK()) {
      s.quickChunk = chunk;
      s.backpressureChangePromise.waiter = s.quickWriteWaiter;
      return undefined;
    }
  }
  if (stream[kState].backpressure) {
    const backpressureChangePromise = stream[kState].backpressureChangePromise;
    return backpressureChangePromise.promise.then(() => {
      const writable = stream[kState].writable;
      if (writable[kState].state === 'erroring') throw writable[kState].storedError;
      return transformStreamDefaultControllerPerformTransform(controller, chunk);
    });
  }
  return transformStreamDefaultControllerPerformTransform(controller, chunk);
}

// Node's is an async function: its promise settles a few microtasks after the one it returns.
async function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  const c = controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = stream[kState].readable;
  c.finishPromise = deferred();
  const cancelPromise = c.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  onSettled(cancelPromise, () => {
    if (readable[kState].state === 'errored') {
      settleReject(c.finishPromise, readable[kState].storedError);
    } else {
      readableStreamDefaultControllerError(readable[kState].controller, reason);
      settleResolve(c.finishPromise, undefined);
    }
  }, (r) => {
    readableStreamDefaultControllerError(readable[kState].controller, r);
    settleReject(c.finishPromise, r);
  });
  return c.finishPromise.promise;
}

function transformStreamDefaultSinkCloseAlgorithm(stream) {
  const controller = stream[kState].controller;
  const c = controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = stream[kState].readable;
  c.finishPromise = deferred();
  const flushPromise = c.flushAlgorithm();
  transformStreamDefaultControllerClearAlgorithms(controller);
  onSettled(flushPromise, () => {
    if (readable[kState].state === 'errored') {
      settleReject(c.finishPromise, readable[kState].storedError);
    } else {
      readableStreamDefaultControllerClose(readable[kState].controller);
      settleResolve(c.finishPromise, undefined);
    }
  }, (r) => {
    readableStreamDefaultControllerError(readable[kState].controller, r);
    settleReject(c.finishPromise, r);
  });
  return c.finishPromise.promise;
}

function transformStreamDefaultSourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  return stream[kState].backpressureChangePromise.promise;
}

function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  const c = controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = stream[kState].writable;
  c.finishPromise = deferred();
  const cancelPromise = c.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  onSettled(cancelPromise, () => {
    if (writable[kState].state === 'errored') {
      settleReject(c.finishPromise, writable[kState].storedError);
    } else {
      writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, reason);
      transformStreamUnblockWrite(stream);
      settleResolve(c.finishPromise, undefined);
    }
  }, (r) => {
    writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, r);
    transformStreamUnblockWrite(stream);
    settleReject(c.finishPromise, r);
  });
  return c.finishPromise.promise;
}

// ---------------------------------------------------------------- TextEncoderStream / TextDecoderStream

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pendingHighSurrogate = null;
    this[kType] = 'TextEncoderStream';
    this[kState] = {
      transform: new TransformStream({
        transform(chunk, controller) {
          chunk = String(chunk);
          if (pendingHighSurrogate !== null) {
            chunk = pendingHighSurrogate + chunk;
            pendingHighSurrogate = null;
          }
          const last = chunk.charCodeAt(chunk.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pendingHighSurrogate = chunk[chunk.length - 1];
            chunk = chunk.slice(0, -1);
          }
          if (chunk.length > 0) controller.enqueue(encoder.encode(chunk));
        },
        flush(controller) {
          if (pendingHighSurrogate !== null) controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
        },
      }),
    };
  }
  get encoding() {
    textStreamThis(this, 'TextEncoderStream');
    return 'utf-8';
  }
  get readable() { return textStreamThis(this, 'TextEncoderStream').transform.readable; }
  get writable() { return textStreamThis(this, 'TextEncoderStream').transform.writable; }
  [kInspect](depth, options) {
    textStreamThis(this, 'TextEncoderStream');
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: 'utf-8',
      readable: this.readable,
      writable: this.writable,
    });
  }
}

// textStreamThis returns the state of a TextEncoderStream/TextDecoderStream receiver, or throws
// node's ERR_INVALID_THIS for any other receiver (a detached getter or inspect function).
function textStreamThis(self, type) {
  if (self == null || self[kType] !== type || self[kState] === undefined) throw invalidThis(type);
  return self[kState];
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    const decoder = new TextDecoder(encoding, options);
    this[kType] = 'TextDecoderStream';
    this[kState] = {
      decoder,
      transform: new TransformStream({
        transform(chunk, controller) {
          const value = decoder.decode(chunk, { stream: true });
          if (value) controller.enqueue(value);
        },
        flush(controller) {
          const value = decoder.decode();
          if (value) controller.enqueue(value);
          controller.terminate();
        },
      }),
    };
  }
  get encoding() { return textStreamThis(this, 'TextDecoderStream').decoder.encoding; }
  get fatal() { return textStreamThis(this, 'TextDecoderStream').decoder.fatal; }
  get ignoreBOM() { return textStreamThis(this, 'TextDecoderStream').decoder.ignoreBOM; }
  get readable() { return textStreamThis(this, 'TextDecoderStream').transform.readable; }
  get writable() { return textStreamThis(this, 'TextDecoderStream').transform.writable; }
  [kInspect](depth, options) {
    textStreamThis(this, 'TextDecoderStream');
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this.encoding,
      fatal: this.fatal,
      ignoreBOM: this.ignoreBOM,
      readable: this.readable,
      writable: this.writable,
    });
  }
}

// ---------------------------------------------------------------- Node stream adapters

// The adapters (a part): Readable.toWeb and the others call them through nodeHooks.adapters().
let adapters_ = null;
function adapters() {
  return adapters_ || (adapters_ = binding.part('adapters')({
    undefined, argType, argValue, CountQueuingStrategy, deferred, ie, isReadableStream, isWritableStream, nop,
    ReadableStream, require, settleReject, settleResolve, WritableStream,
  }));
}

//#part adapters
(function makeAdapters({
  undefined, argType, argValue, CountQueuingStrategy, deferred, ie, isReadableStream, isWritableStream, nop,
  ReadableStream, require, settleReject, settleResolve, WritableStream,
}) {
  let streams;
  function ns() {
    if (streams === undefined) streams = require('internal/streams');
    return streams;
  }

  function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
    const { Stream, isReadableNodeStream, isDestroyed, eos, AbortError } = ns();
    if (!isReadableNodeStream(streamReadable)) {
      throw argType('streamReadable', 'stream.Readable', streamReadable);
    }
    if (isDestroyed(streamReadable) || !Stream.isReadable(streamReadable)) {
      const readable = new ReadableStream();
      readable.cancel();
      return readable;
    }
    const objectMode = streamReadable.readableObjectMode;
    const highWaterMark = streamReadable.readableHighWaterMark;
    let strategy = options && options.strategy;
    if (!strategy) strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };
    let controller;
    function onData(chunk) {
      if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    }
    function onFinished(error) {
      cleanup();
      if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') error = new AbortError(undefined, { cause: error });
      if (error) return controller.error(error);
      controller.close();
    }
    streamReadable.pause();
    const cleanup = eos(streamReadable, onFinished);
    streamReadable.on('data', onData);
    return new ReadableStream({
      start(c) { controller = c; },
      pull() { streamReadable.resume(); },
      cancel(reason) { ns().destroyer(streamReadable, reason); },
    }, strategy);
  }

  function newStreamReadableFromReadableStream(readableStream, options = {}) {
    if (!isReadableStream(readableStream)) throw argType('readableStream', 'ReadableStream', readableStream);
    const { Stream, validateObject } = ns();
    validateObject(options, 'options');
    const { highWaterMark, encoding, objectMode = false, signal } = options;
    // node v20 passes ERR_INVALID_ARG_VALUE its arguments the other way round; its message is kept.
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) throw argValue(encoding, 'options.encoding');
    if (typeof objectMode !== 'boolean') throw argType('options.objectMode', 'boolean', objectMode);
    const reader = readableStream.getReader();
    let closed = false;
    const readable = new Stream.Readable({
      objectMode,
      highWaterMark,
      encoding,
      signal,
      read() {
        reader.read().then((chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        }, (error) => ns().destroyer(readable, error));
      },
      destroy(error, callback) {
        function done() {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => { throw err; });
          }
        }
        if (!closed) {
          reader.cancel(error).then(done, done);
          return;
        }
        done();
      },
    });
    reader.closed.then(() => { closed = true; }, (error) => {
      closed = true;
      ns().destroyer(readable, error);
    });
    return readable;
  }

  function newWritableStreamFromStreamWritable(streamWritable) {
    const { Stream, isWritableNodeStream, isDestroyed, eos, AbortError } = ns();
    if (!isWritableNodeStream(streamWritable)) throw argType('streamWritable', 'stream.Writable', streamWritable);
    if (isDestroyed(streamWritable) || !Stream.isWritable(streamWritable)) {
      const writable = new WritableStream();
      writable.close();
      return writable;
    }
    const highWaterMark = streamWritable.writableHighWaterMark;
    const strategy = streamWritable.writableObjectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };
    let controller;
    let backpressurePromise;
    let closed;
    function onDrain() {
      if (backpressurePromise !== undefined) settleResolve(backpressurePromise);
    }
    const cleanup = eos(streamWritable, (error) => {
      if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') error = new AbortError(undefined, { cause: error });
      cleanup();
      streamWritable.on('error', nop);
      if (error != null) {
        if (backpressurePromise !== undefined) settleReject(backpressurePromise, error);
        if (closed !== undefined) {
          settleReject(closed, error);
          closed = undefined;
        }
        controller.error(error);
        controller = undefined;
        return;
      }
      if (closed !== undefined) {
        settleResolve(closed);
        closed = undefined;
        return;
      }
      controller.error(new AbortError());
      controller = undefined;
    });
    streamWritable.on('drain', onDrain);
    return new WritableStream({
      start(c) { controller = c; },
      write(chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressurePromise = deferred();
          return backpressurePromise.promise.finally(() => { backpressurePromise = undefined; });
        }
      },
      abort(reason) { ns().destroyer(streamWritable, reason); },
      close() {
        if (closed === undefined && !streamWritable.writableEnded) {
          closed = deferred();
          streamWritable.end();
          return closed.promise;
        }
        controller = undefined;
        return Promise.resolve();
      },
    }, strategy);
  }

  function newStreamWritableFromWritableStream(writableStream, options = {}) {
    if (!isWritableStream(writableStream)) throw argType('writableStream', 'WritableStream', writableStream);
    const { Stream, validateObject } = ns();
    validateObject(options, 'options');
    const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
    if (typeof objectMode !== 'boolean') throw argType('options.objectMode', 'boolean', objectMode);
    if (typeof decodeStrings !== 'boolean') throw argType('options.decodeStrings', 'boolean', decodeStrings);
    const writer = writableStream.getWriter();
    let closed = false;
    const writable = new Stream.Writable({
      highWaterMark,
      objectMode,
      decodeStrings,
      signal,
      writev(chunks, callback) {
        function done(error) {
          error = error.filter((e) => e);
          try {
            callback(error.length === 0 ? undefined : error);
          } catch (err) {
            process.nextTick(() => ns().destroyer(writable, err));
          }
        }
        writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(done, done), done);
      },
      write(chunk, encoding, callback) {
        if (typeof chunk === 'string' && decodeStrings && !objectMode) {
          const b = Buffer.from(chunk, encoding);
          chunk = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        }
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            ns().destroyer(writable, err);
          }
        }
        writer.ready.then(() => writer.write(chunk).then(done, done), done);
      },
      destroy(error, callback) {
        function done() {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => { throw err; });
          }
        }
        if (!closed) {
          if (error != null) writer.abort(error).then(done, done);
          else writer.close().then(done, done);
          return;
        }
        done();
      },
      final(callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => ns().destroyer(writable, err));
          }
        }
        if (!closed) writer.close().then(done, done);
      },
    });
    writer.closed.then(() => {
      closed = true;
      if (!writable.writableEnded) ns().destroyer(writable, ie.makeNodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    }, (error) => {
      closed = true;
      ns().destroyer(writable, error);
    });
    return writable;
  }

  function newReadableWritablePairFromDuplex(duplex) {
    const { Stream } = ns();
    if (!duplex || typeof duplex.pipe !== 'function' || typeof duplex.write !== 'function') {
      throw argType('duplex', 'stream.Duplex', duplex);
    }
    if (ns().isDestroyed(duplex)) {
      const writable = new WritableStream();
      const readable = new ReadableStream();
      writable.close();
      readable.cancel();
      return { readable, writable };
    }
    const writable = Stream.isWritable(duplex) ? newWritableStreamFromStreamWritable(duplex) : new WritableStream();
    if (!Stream.isWritable(duplex)) writable.close();
    const readable = Stream.isReadable(duplex) ? newReadableStreamFromStreamReadable(duplex) : new ReadableStream();
    if (!Stream.isReadable(duplex)) readable.cancel();
    return { writable, readable };
  }

  function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
    const { Stream } = ns();
    if (pair === null || typeof pair !== 'object' || Array.isArray(pair)) throw argType('pair', 'Object', pair);
    const { readable: readableStream, writable: writableStream } = pair;
    if (!isReadableStream(readableStream)) throw argType('pair.readable', 'ReadableStream', readableStream);
    if (!isWritableStream(writableStream)) throw argType('pair.writable', 'WritableStream', writableStream);
    ns().validateObject(options, 'options');
    const { allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal } = options;
    if (typeof objectMode !== 'boolean') throw argType('options.objectMode', 'boolean', objectMode);
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) throw argValue(encoding, 'options.encoding');
    const writer = writableStream.getWriter();
    const reader = readableStream.getReader();
    let writableClosed = false;
    let readableClosed = false;
    const duplex = new Stream.Duplex({
      allowHalfOpen,
      highWaterMark,
      objectMode,
      encoding,
      decodeStrings,
      signal,
      write(chunk, encoding, callback) {
        if (typeof chunk === 'string' && decodeStrings && !objectMode) {
          const b = Buffer.from(chunk, encoding);
          chunk = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        }
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            ns().destroyer(duplex, err);
          }
        }
        writer.ready.then(() => writer.write(chunk).then(done, done), done);
      },
      final(callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => ns().destroyer(duplex, err));
          }
        }
        if (!writableClosed) writer.close().then(done, done);
      },
      read() {
        reader.read().then((chunk) => {
          if (chunk.done) duplex.push(null);
          else duplex.push(chunk.value);
        }, (error) => ns().destroyer(duplex, error));
      },
      destroy(error, callback) {
        function done() {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => { throw err; });
          }
        }
        // Node aborts the writer even without an error (its WritableStream ends 'errored'), each
        // side from an async function, which sets when the callback runs.
        async function closeWriter() {
          if (!writableClosed) await writer.abort(error);
        }
        async function closeReader() {
          if (!readableClosed) await reader.cancel(error);
        }
        if (!writableClosed || !readableClosed) {
          Promise.all([closeWriter(), closeReader()]).then(done, done);
          return;
        }
        done();
      },
    });
    writer.closed.then(() => {
      writableClosed = true;
      if (!duplex.writableEnded) ns().destroyer(duplex, ie.makeNodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    }, (error) => {
      writableClosed = true;
      readableClosed = true;
      ns().destroyer(duplex, error);
    });
    reader.closed.then(() => { readableClosed = true; }, (error) => {
      writableClosed = true;
      readableClosed = true;
      ns().destroyer(duplex, error);
    });
    return duplex;
  }
  return {
    newReadableStreamFromStreamReadable,
    newStreamReadableFromReadableStream,
    newWritableStreamFromStreamWritable,
    newStreamWritableFromWritableStream,
    newReadableWritablePairFromDuplex,
    newStreamDuplexFromReadableWritablePair,
  };
})
//#end adapters

// closedPromise is what finished() waits on for a web stream: it settles when the stream closes
// or errors.
function closedPromise(stream) {
  if (isReadableStream(stream)) return closedDeferred(stream).promise;
  const s = stream[kState];
  if (s.closed === undefined) {
    s.closed = deferred();
    setHandled(s.closed.promise);
    if (s.state === 'closed') settleResolve(s.closed);
    else if (s.state === 'errored') settleReject(s.closed, s.storedError);
  }
  return s.closed.promise;
}

function abortWeb(stream, error) {
  if (isReadableStream(stream)) {
    if (stream[kState].state === 'readable') {
      const c = stream[kState].controller;
      if (c instanceof ReadableByteStreamController) readableByteStreamControllerError(c, error);
      else readableStreamDefaultControllerError(c, error);
    }
  } else if (isWritableStream(stream)) {
    if (stream[kState].state === 'writable' && stream[kState].writer === undefined) writableStreamAbort(stream, error);
    else if (stream[kState].state === 'writable') writableStreamDefaultControllerErrorIfNeeded(stream[kState].controller, error);
  }
}

const nodeHooks = {
  adapters,
  closedPromise,
  abortWeb,
};

// ---------------------------------------------------------------- Compression streams

// CompressionStream and DecompressionStream ('deflate', 'deflate-raw', 'gzip'), as Node 20
// builds them: a zlib stream turned into a readable/writable pair.
const kHandle = Symbol('kHandle');
const kPair = Symbol('kPair');

function zlibPair(self, type, format, make) {
  let zlib;
  switch (format) {
    case 'deflate': case 'deflate-raw': case 'gzip':
      zlib = require('zlib');
      break;
    default:
      throw argValue('format', format);
  }
  self[kType] = type;
  self[kHandle] = make(zlib, format);
  const { newReadableWritablePairFromDuplex } = adapters();
  self[kPair] = newReadableWritablePairFromDuplex(self[kHandle]);
}

// zlibPairOf returns the readable/writable pair of a CompressionStream or DecompressionStream
// (type), or throws ERR_INVALID_THIS for another receiver.
function zlibPairOf(self, type) {
  if (self == null || self[kType] !== type || self[kPair] === undefined) throw invalidThis(type);
  return self[kPair];
}

class CompressionStream {
  constructor(format) {
    zlibPair(this, 'CompressionStream', format, (zlib, f) =>
      (f === 'deflate' ? zlib.createDeflate() : f === 'gzip' ? zlib.createGzip() : zlib.createDeflateRaw()));
  }
  get readable() { return zlibPairOf(this, 'CompressionStream').readable; }
  get writable() { return zlibPairOf(this, 'CompressionStream').writable; }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'CompressionStream', { readable: this.readable, writable: this.writable });
  }
}
setToStringTag(CompressionStream, 'CompressionStream');

class DecompressionStream {
  constructor(format) {
    zlibPair(this, 'DecompressionStream', format, (zlib, f) =>
      (f === 'deflate' ? zlib.createInflate() : f === 'gzip' ? zlib.createGunzip() : zlib.createInflateRaw()));
  }
  get readable() { return zlibPairOf(this, 'DecompressionStream').readable; }
  get writable() { return zlibPairOf(this, 'DecompressionStream').writable; }
  [kInspect](depth, options) {
    return customInspect(depth, options, 'DecompressionStream', { readable: this.readable, writable: this.writable });
  }
}
setToStringTag(DecompressionStream, 'DecompressionStream');

// As node's: the async iterator is values itself, and every public method and accessor of the
// classes is enumerable (node's kEnumerableProperty).
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});
// (node's order: the async iterator, then the tag)
delete ReadableStream.prototype[Symbol.toStringTag];
setToStringTag(ReadableStream, 'ReadableStream');
for (const cls of [ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
  ReadableByteStreamController, ReadableStreamDefaultController, TransformStream, TransformStreamDefaultController,
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController, ByteLengthQueuingStrategy,
  CountQueuingStrategy, TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream]) {
  for (const k of Object.getOwnPropertyNames(cls.prototype)) {
    if (k !== 'constructor') Object.defineProperty(cls.prototype, k, { __proto__: null, enumerable: true });
  }
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
  nodeHooks,
  isReadableStream,
  isWritableStream,
  isTransformStream,
};
