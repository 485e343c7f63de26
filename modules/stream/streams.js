'use strict';
// internal/streams: Node's stream classes (Readable, Writable, Duplex, Transform, PassThrough),
// the legacy Stream, destroy/finished/pipeline/compose and the Readable operators. Event order
// (which events fire synchronously and which on process.nextTick) follows Node 20 exactly.

const EE = require('events');
const EEemit = EE.prototype.emit;
// buffer loads on first use, not when this module does (a runtime that only requires it does
// not build Buffer's ~150 methods).
let Buffer_;
function lazyBuffer() {
  if (Buffer_ === undefined) {
    Buffer_ = require('buffer').Buffer;
    binding.setBufferPrototype(Buffer_.prototype, Buffer_, Buffer_.from);
  }
  return Buffer_;
}
let StringDecoder_;
function newStringDecoder(enc) {
  if (StringDecoder_ === undefined) StringDecoder_ = require('string_decoder').StringDecoder;
  return new StringDecoder_(enc);
}
const errors = require('internal/streams/errors');
const { codeError, invalidArgType, invalidArgValue, outOfRange } = errors;

const nextTick = process.nextTick;
const NumberIsInteger = Number.isInteger;
const NumberParseInt = Number.parseInt;
const kEmptyObject = Object.freeze({ __proto__: null });
// The last Buffer a stream took in (push or write) and its length. A chunk usually passes through
// several streams in a row, and in goja a typed array's length and an instanceof check each cost
// far more than one identity compare. A Buffer's length never changes, so the pair stays true.
// It starts as kEmptyObject, which is never a chunk.
let knownBuf = kEmptyObject;
let knownLen = 0;
const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');
const kPaused = Symbol('kPaused');
const kOnFinished = Symbol('kOnFinished');
const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsWritable = Symbol.for('nodejs.stream.writable');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kCallback = Symbol('kCallback');
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function nop() {}

// ---------------------------------------------------------------- validation helpers

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, ['Function'], value);
}
// node's validateObject with its defaults: no null (unless nullable), no array, no function
function validateObject(value, name, nullable) {
  if ((!nullable && value === null) || Array.isArray(value) || typeof value !== 'object') {
    throw invalidArgType(name, ['Object'], value);
  }
}
function isAbortSignal(v) {
  return v !== null && typeof v === 'object' && 'aborted' in v && typeof v.addEventListener === 'function';
}
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, ['AbortSignal'], signal);
  }
}
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, ['number'], value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, '>= ' + min + ' && <= ' + max, value);
}
function addAbortListener(signal, listener) {
  signal.addEventListener('abort', listener, { once: true });
  return { dispose() { signal.removeEventListener('abort', listener); } };
}
function once(callback) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(callback, this, args);
  };
}
function isUint8Array(v) { return v instanceof Uint8Array; }
function uint8ArrayToBuffer(chunk) {
  return lazyBuffer().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
function isArrayBufferView(v) { return ArrayBuffer.isView(v); }

// ---------------------------------------------------------------- high water marks

let defaultHwmBytes = 16 * 1024;
let defaultHwmObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHwmObjects : defaultHwmBytes;
}
function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) defaultHwmObjects = value;
  else defaultHwmBytes = value;
}
function highWaterMarkFrom(options, isDuplex, duplexKey) {
  return options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[duplexKey] : null;
}
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = highWaterMarkFrom(options, isDuplex, duplexKey);
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex ? 'options.' + duplexKey : 'options.highWaterMark';
      throw invalidArgValue(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

// ---------------------------------------------------------------- stream kind predicates

function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isDuplexNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && obj._readableState && typeof obj.on === 'function' &&
    typeof obj.write === 'function');
}
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
function isReadableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' &&
    typeof obj.getReader === 'function' && typeof obj.cancel === 'function');
}
function isWritableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
}
function isTransformStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' && typeof obj.writable === 'object');
}
function isWebStream(obj) {
  return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
}
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}
function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
}
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}
function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}
function isWritable(stream) {
  if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}
function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) != null ? w.errored : null;
}
function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) != null ? r.errored : null;
}
function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
    return (w && w.closed) || (r && r.closed);
  }
  return null;
}
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}
function isDisturbed(stream) {
  if (!stream) return false;
  const v = stream[kIsDisturbed];
  return !!(v != null ? v : (stream.readableDidRead || stream.readableAborted));
}
function firstDefined(...vals) {
  for (let i = 0; i < vals.length; i++) if (vals[i] != null) return vals[i];
  return undefined;
}
function isErrored(stream) {
  if (!stream) return false;
  const r = stream._readableState;
  const w = stream._writableState;
  return !!firstDefined(stream[kIsErrored], stream.readableErrored, stream.writableErrored,
    r && r.errorEmitted, w && w.errorEmitted, r && r.errored, w && w.errored);
}
function isRequest(stream) {
  return stream && stream.setHeader && typeof stream.abort === 'function';
}
function isServerRequest(stream) {
  return typeof stream._consuming === 'boolean' && typeof stream._dumped === 'boolean' &&
    (stream.req == null ? undefined : stream.req.upgradeOrConnect) === undefined;
}

// ---------------------------------------------------------------- destroy

function checkError(err, w, r) {
  if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroy, function(er) {
      _destroy(this, errors.aggregateTwoErrors(er, err), cb);
    });
  } else {
    _destroy(this, err, cb);
  }
  return this;
}

function _destroy(self, err, cb) {
  let called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    destroyDone(self, err, cb);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

// destroyDone is what _destroy's callback does (the first time it is called).
function destroyDone(self, err, cb) {
  const r = self._readableState;
  const w = self._writableState;
  checkError(err, w, r);
  if (w) w.closed = true;
  if (r) r.closed = true;
  if (typeof cb === 'function') cb(err);
  if (err) nextTick(emitErrorCloseNT, self, err);
  else nextTick(emitCloseNT, self);
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return; // duplex: only one _construct call
  nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err != null ? err : codeError('ERR_MULTIPLE_CALLBACK'));
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    // at once, as node 20 does since it stopped deferring construction a tick (nodejs/node#52005):
    // a write made in an fs stream's 'open' handler is buffered and flushed before a write queued
    // for the next tick by that handler
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => { nextTick(onConstruct, err); });
  } catch (err) {
    nextTick(onConstruct, err);
  }
}

function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new errors.AbortError();
  if (isServerRequest(stream)) {
    // A server's request lets go of its socket first: the response still uses it.
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (stream.req && isRequest(stream.req)) {
    // A client's response is torn down by aborting its request (no 'error' on the request).
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    nextTick((s, e) => { s.emit('error', e); }, stream, err);
  } else {
    nextTick((s) => { s.emit('close'); }, stream);
  }
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

// ---------------------------------------------------------------- legacy Stream

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function(dest, options) {
  const source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }
  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }
  function onerror(er) {
    cleanup();
    if (EE.listenerCount(this, 'error') === 0) this.emit('error', er);
  }
  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

// Streams pre-create their common event slots (as undefined) so listener objects keep one shape;
// eventNames lists only the slots that hold listeners.
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  const events = this._events;
  if (events === undefined || events === null) return names;
  const keys = Reflect.ownKeys(events);
  for (let i = 0; i < keys.length; i++) {
    const v = events[keys[i]];
    if (typeof v === 'function' || (Array.isArray(v) && v.length > 0)) names.push(keys[i]);
  }
  return names;
};

function prependListener(emitter, event, fn) {
  if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
  if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
  else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
  else emitter._events[event] = [fn, emitter._events[event]];
}

// ---------------------------------------------------------------- Readable

function ReadableState(options, stream, isDuplex) {
  // A Go-backed object (binding.newReadableState): Readable.prototype.push and read, done in Go
  // for the common case, reach its fields without property lookups. Go makes it with every
  // field at its start value (the buffer an empty array, which Go holds too, as node 20.20's an
  // array of the chunks from bufferIndex on; pipes [], constructed and sync true, the rest false
  // or null, defaultEncoding 'utf8'): each write from here goes through the object's proxy.
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  // (options read in node's order: objectMode, readableObjectMode, the high water mark, emitClose,
  // autoDestroy, defaultEncoding, encoding)
  let objectMode = !!(options && options.objectMode);
  if (isDuplex && options && options.readableObjectMode) objectMode = true;
  const highWaterMark = options ?
    getHighWaterMark({ objectMode }, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);
  const emitClose = !options || options.emitClose !== false;
  const self = binding.newReadableState(Object.getPrototypeOf(this), objectMode,
    emitClose, !options || options.autoDestroy !== false, highWaterMark);
  const defaultEncoding = options == null ? undefined : options.defaultEncoding; // node: options?.defaultEncoding
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    // (as made)
  } else if (lazyBuffer().isEncoding(defaultEncoding)) {
    self.defaultEncoding = defaultEncoding;
  } else {
    throw codeError('ERR_UNKNOWN_ENCODING', defaultEncoding);
  }
  if (options && options.encoding) {
    self.decoder = newStringDecoder(options.encoding);
    self.encoding = options.encoding;
  }
  return self;
}

// (node 20.20's flags and the values beside them are accessors of the prototype, in this order,
// not own properties of a state; Go serves them from the state's slots)
binding.defineStateAccessors(ReadableState.prototype, true, [
  'objectMode', 'ended', 'endEmitted', 'reading', 'constructed', 'sync', 'needReadable',
  'emittedReadable', 'readableListening', 'resumeScheduled', 'errorEmitted', 'emitClose',
  'autoDestroy', 'destroyed', 'closed', 'closeEmitted', 'multiAwaitDrain', 'readingMore',
  'dataEmitted', 'errored', 'defaultEncoding', 'decoder', 'encoding', 'flowing',
]);
Object.defineProperty(ReadableState.prototype, 'pipesCount', {
  __proto__: null,
  get() { return this.pipes.length; },
});
// state[kPaused] (null until pause or resume) is held in Go, beside the Go-backed state's slots.
Object.defineProperty(ReadableState.prototype, kPaused, {
  __proto__: null,
  get() { return binding.getPaused(this); },
  set(v) { binding.setPaused(this, v); },
});
Object.defineProperty(ReadableState.prototype, 'paused', {
  __proto__: null,
  // Node 20.20: true only after pause() (or paused = true), not before the first pause/resume.
  get() { return this[kPaused] === true; },
  set(v) { this[kPaused] = !!v; },
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = this instanceof Duplex;
  if (this._events === undefined) {
    this._events = { close: undefined, error: undefined, data: undefined, end: undefined, readable: undefined };
  }
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  // (construct does nothing without a _construct: no closure for it then)
  if (typeof this._construct === 'function') {
    construct(this, () => {
      if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
    });
  }
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.ReadableState = ReadableState;
Readable.prototype.destroy = destroy;
Readable.prototype._undestroy = undestroy;
Readable.prototype._destroy = function(err, cb) { cb(err); };
Readable.prototype[EE.captureRejectionSymbol || Symbol.for('nodejs.rejection')] = function(err) {
  this.destroy(err);
};

if (typeof Symbol.asyncDispose === 'symbol') {
  Readable.prototype[Symbol.asyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : new errors.AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
}

// (pushJS and readJS are named push and read, as node's Readable.prototype methods: stack traces
// show "Readable.push")
const pushJS = function push(chunk, encoding) {
  // The common case, a non-empty Buffer pushed to a byte stream without a decoder, is
  // readableAddChunk and addChunk inlined.
  const state = this._readableState;
  let len = 0;
  if (chunk === knownBuf) len = knownLen;
  else if (typeof chunk === 'object' && chunk !== null && chunk instanceof (Buffer_ || lazyBuffer())) {
    knownBuf = chunk;
    knownLen = len = chunk.length;
  }
  if (len === 0 || state.objectMode || state.decoder !== null || state.ended || state.destroyed || state.errored) {
    // (the "// at:" marks are node's frames for a glue line, see runtime's glueMark)
    if (state.objectMode) return readableAddChunk(this, chunk, encoding, false); // at: Readable.push@readable:393:5
    return readableAddChunk(this, chunk, encoding, false); // at: Readable.push@readable:392:5
  }
  state.reading = false;
  if (state.flowing && state.length === 0 && !state.sync && state.dataListening) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    emitData(this, state, chunk); // at: addChunk@readable:561:12, readableAddChunkPushByteMode@readable:512:3, Readable.push@readable:392:5
  } else {
    state.length += len;
    state.buffer.push(chunk);
    if (state.needReadable) emitReadable(this);
  }
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    nextTick(maybeReadMore_, this, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
};

// emitData is stream.emit('data', chunk), calling the pipe's own listener directly when it is the
// only one and emit is EventEmitter's (a JS-to-JS call instead of a trip through Go's emit).
function emitData(stream, state, chunk) {
  const emit = stream.emit;
  const ondata = state.pipeOndata;
  if (emit === EEemit && ondata !== null && stream._events.data === ondata) {
    ondata.call(stream, chunk); // (this: node's emit gives the listener its receiver)
  } else {
    emit.call(stream, 'data', chunk); // at: -
  }
}
// push and read are done in Go for the common case (binding.push, binding.read) and fall back to
// pushJS and readJS.
Readable.prototype.push = binding.push;
Object.defineProperty(Readable.prototype.push, 'name', { __proto__: null, value: '' }); // node's is anonymous
Object.defineProperty(Readable.prototype.push, 'length', { __proto__: null, value: 2 });

Readable.prototype.unshift = function unshift(chunk, encoding) {
  if (this._readableState.objectMode) return readableAddChunk(this, chunk, encoding, true); // at: Readable.unshift@readable:402:5
  return readableAddChunk(this, chunk, encoding, true); // at: Readable.unshift@readable:401:5
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  let err;
  let len = 0; // chunk.length, read once: a typed array's length is slow to reach in goja
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          chunk = lazyBuffer().from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = lazyBuffer().from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof lazyBuffer()) {
      encoding = '';
    } else if (isArrayBufferView(chunk)) {
      chunk = uint8ArrayToBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  if (err) {
    errorOrDestroy(stream, err);
    return false;
  } else if (chunk === null) {
    state.reading = false;
    if (addToFront) {
      if (state.objectMode) onEofChunk(stream, state); // at: readableAddChunkUnshiftObjectMode@readable:444:5
      else onEofChunk(stream, state); // at: readableAddChunkUnshiftByteMode@readable:409:5
    } else if (state.objectMode) {
      onEofChunk(stream, state); // at: readableAddChunkPushObjectMode@readable:519:5
    } else {
      onEofChunk(stream, state); // at: readableAddChunkPushByteMode@readable:466:5
    }
  } else if (state.objectMode || (chunk && (len = chunk.length) > 0)) {
    if (addToFront) {
      if (state.endEmitted) errorOrDestroy(stream, codeError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT'));
      else if (state.destroyed || state.errored) return false;
      else if (state.objectMode) addChunk(stream, state, chunk, true, len); // at: readableAddChunkUnshiftValue@readable:458:5, readableAddChunkUnshiftObjectMode@readable:449:10
      else addChunk(stream, state, chunk, true, len); // at: readableAddChunkUnshiftValue@readable:458:5, readableAddChunkUnshiftByteMode@readable:438:10
    } else if (state.ended) {
      errorOrDestroy(stream, codeError('ERR_STREAM_PUSH_AFTER_EOF'));
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode) addChunk(stream, state, chunk, false, 1); // at: readableAddChunkPushObjectMode@readable:538:3
        else if (chunk.length !== 0) addChunk(stream, state, chunk, false, chunk.length); // at: readableAddChunkPushByteMode@readable:512:3
        else maybeReadMore(stream, state);
      } else if (state.objectMode) {
        addChunk(stream, state, chunk, false, len); // at: readableAddChunkPushObjectMode@readable:538:3
      } else {
        addChunk(stream, state, chunk, false, len); // at: readableAddChunkPushByteMode@readable:512:3
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront, len) {
  if (state.flowing && state.length === 0 && !state.sync && state.dataListening) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    emitData(stream, state, chunk); // at: addChunk@readable:561:12
  } else {
    state.length += state.objectMode ? 1 : len;
    if (!addToFront) state.buffer.push(chunk);
    else if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
    else state.buffer.unshift(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  const decoder = newStringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  const parts = [];
  const buffer = state.buffer;
  for (let i = state.bufferIndex; i < buffer.length; i++) parts.push(decoder.write(buffer[i]));
  const content = parts.join('');
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

// (read after setEncoding, as node's prototype has them)
Readable.prototype.read = binding.read;
Object.defineProperty(Readable.prototype.read, 'name', { __proto__: null, value: '' });
Object.defineProperty(Readable.prototype.read, 'length', { __proto__: null, value: 1 });

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw outOfRange('size', '<= 1GiB', n);
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (n !== n) {
    if (state.flowing && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

const readJS = function read(n) {
  // read() and read(0) are the calls the stream machinery makes for every chunk: they skip the
  // integer check, and the state's fields are read into locals until _read may change them.
  if (n === undefined) n = NaN;
  else if (n !== 0 && !NumberIsInteger(n)) n = NumberParseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  let hwm = state.highWaterMark;
  if (n > hwm) hwm = state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  let length = state.length;
  let ended = state.ended;
  if (n === 0 && state.needReadable && ((hwm !== 0 ? length >= hwm : length > 0) || ended)) {
    if (length === 0 && ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  if (n <= 0 || (length === 0 && ended)) n = 0;
  else if (state.objectMode) n = 1;
  else if (n !== n) n = state.flowing && length ? state.buffer[state.bufferIndex].length : length;
  else if (n > length) n = ended ? length : 0;
  if (n === 0 && ended) {
    if (length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (length === 0 || length - n < hwm) doRead = true;
  if (ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (length === 0) state.needReadable = true;
    try {
      this._read(hwm);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    length = state.length;
    ended = state.ended;
    if (!state.reading) {
      // howMuchToRead(nOrig, state), inlined.
      if (nOrig <= 0 || (length === 0 && ended)) n = 0;
      else if (state.objectMode) n = 1;
      else if (nOrig !== nOrig) n = state.flowing && length ? state.buffer[state.bufferIndex].length : length;
      else if (nOrig <= length) n = nOrig;
      else n = ended ? length : 0;
    }
  }
  let ret = null;
  if (n > 0) ret = fromList(n, state);
  if (ret === null) {
    // node 20's flag bits: this sets needReadable, never clears it
    if (length <= state.highWaterMark) state.needReadable = true;
    n = 0;
  } else {
    state.length = length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }
  if (length === 0) {
    if (!ended) state.needReadable = true;
    if (nOrig !== n && ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    emitData(this, state, ret);
  }
  return ret;
};

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream); // at: readable:812:5
  }
}
// (set up here, once pushJS and readJS exist)
binding.setupReadable(pushJS, readJS, emitReadable, endReadable, nextTick, maybeReadMore_, errorOrDestroy, fromList,
  EEemit);

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  // The stream needs another 'readable' if it is not flowing, not ended and below its mark;
  // as node 20's flag bits, this only ever sets needReadable.
  if (!state.flowing && !state.ended && state.length <= state.highWaterMark) state.needReadable = true;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function _read(n) {
  throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_read()');
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  if (state.pipes.length === 1) {
    if (!state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
  }
  state.pipes.push(dest);
  const isStdio = typeof process === 'object' && (dest === process.stdout || dest === process.stderr);
  const doEnd = (!pipeOpts || pipeOpts.end !== false) && !isStdio;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) nextTick(endFn);
  else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src) {
      if (unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
  }
  function onend() { dest.end(); }
  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    if (state.pipeOndata === ondata) state.pipeOndata = null;
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }
  src.on('data', ondata);
  state.pipeOndata = ondata;
  binding.setPipe(state, ondata, dest, pause);
  function ondata(chunk) {
    const ret = dest.write(chunk); // at: ondata@readable:1009:22
    if (ret === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && state.dataListening) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.dataListening = true;
    if (this.listenerCount('readable') > 0) state.readableListening = true;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') nextTick(updateReadableListening, this);
  else if (ev === 'data' && this.listenerCount('data') === 0) this._readableState.dataListening = false;
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) state.flowing = true;
  else if (state.dataListening) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

function nReadingNextTick(self) { self.read(0); }

Readable.prototype.resume = function() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    resume(this, state);
  }
  state[kPaused] = false;
  return this;
};

function resume(stream, state) {
  if (!state.resumeScheduled) {
    state.resumeScheduled = true;
    nextTick(resume_, stream, state);
  }
}

function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

// flow is done in Go (binding.flow): while (state.flowing && stream.read() !== null);
// with state = stream._readableState read once.
const flow = binding.flow;

Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => { this.push(null); });
  stream.on('error', (err) => { errorOrDestroy(this, err); });
  stream.on('close', () => { this.destroy(); });
  stream.on('destroy', () => { this.destroy(); });
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  const keys = Object.keys(stream);
  for (let j = 1; j < keys.length; j++) {
    const i = keys[j];
    if (this[i] === undefined && typeof stream[i] === 'function') this[i] = stream[i].bind(stream);
  }
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

// streamToAsyncIterator wraps an old-style stream at once (as node does) and exposes the stream
// the iterator reads as its .stream.
function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const it = createAsyncIterator(stream, options);
  it.stream = stream;
  return it;
}

// createAsyncIterator is the async iterator over a Readable. Node writes it as an async generator;
// the glue runs without those, so this is the same generator as a hand-made state machine with
// the generator's timing: the body starts on the first next() (that is when the listeners attach),
// reads synchronously when resumed, yields after one await, and queues overlapping requests.
let createAsyncIterator_ = null;
function createAsyncIterator(stream, options) {
  if (createAsyncIterator_ === null) {
    const asyncGen = binding.asyncGen();
    const reaction = binding.reaction;
    createAsyncIterator_ = binding.part('iter')({ asyncGen, destroyer, eos, errors, nop, reaction, Readable });
  }
  return createAsyncIterator_(stream, options);
}

//#part iter
(function makeAsyncIterator({
  asyncGen, destroyer, eos, errors, nop, reaction, Readable,
}) { const { aggregateTwoErrors } = errors;
  // asyncIterator is node's `async function* createAsyncIterator`: the objects made here are
  // AsyncGenerators inheriting its .prototype, their next/return/throw the runtime's.
  const asyncIterator = asyncGen.f(function createAsyncIterator(stream, options) {});
  function createAsyncIterator(stream, options) {
    let state = 'start'; // start | suspended | running | done
    let callback = nop;
    let error; // undefined: running; null: ended cleanly; else the error
    let cleanup = nop;
    const queue = []; // pending requests: { kind, value, resolve, reject }
    let waiting = null; // the request whose loop waits for 'readable' or the end
    function onReadable() {
      const cb = callback;
      callback = nop;
      cb();
    }
    function setup() {
      if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
      stream.on('readable', onReadable);
      cleanup = eos(stream, { writable: false }, (err) => {
        error = err ? aggregateTwoErrors(error, err) : null;
        const cb = callback;
        callback = nop;
        cb();
      });
    }
    function runFinally() {
      if ((error || !options || options.destroyOnReturn !== false) &&
          (error === undefined || stream._readableState.autoDestroy)) {
        destroyer(stream, null);
      } else {
        stream.off('readable', onReadable);
        cleanup();
      }
    }
    function settle(req, ok, value) {
      state = 'done';
      if (ok) req.resolve({ value, done: true });
      else req.reject(value);
      drain();
    }
    // closeWith runs the generator's finally block, then settles req (a throw from the finally
    // block wins).
    function closeWith(req, ok, value) {
      try {
        runFinally();
      } catch (finallyErr) {
        settle(req, false, finallyErr);
        return;
      }
      settle(req, ok, value);
    }
    function fail(req, err) {
      error = aggregateTwoErrors(error, err);
      closeWith(req, false, error);
    }
    // loop is the generator body's while loop, resumed for request req.
    function loop(req) {
      let chunk;
      try {
        chunk = stream.destroyed ? null : stream.read();
      } catch (err) {
        fail(req, err);
        return;
      }
      if (chunk !== null) {
        // `yield chunk` awaits chunk first. For a chunk that is no thenable (read once, as the
        // await's resolve reads it) that is one microtask, queued as the await's reaction would
        // be, without its promises.
        if ((typeof chunk !== 'object' && typeof chunk !== 'function') || typeof chunk.then !== 'function') {
          if (reaction(resumeYield, req, chunk)) return;
        }
        Promise.resolve(chunk).then((v) => resumeYield(req, v), (err) => fail(req, err));
      } else if (error) {
        fail(req, error);
      } else if (error === null) {
        // The generator's bare `return;`: no await, the finally block runs at once.
        closeWith(req, true, undefined);
      } else {
        // `await new Promise(next)`: the loop goes on a microtask after callback is called.
        waiting = req;
        callback = wake;
      }
    }
    function resumeYield(req, v) {
      state = 'suspended';
      req.resolve({ value: v, done: false });
      drain();
    }
    function wake() {
      const req = waiting;
      waiting = null;
      if (!reaction(loop, req)) Promise.resolve().then(() => loop(req));
    }
    function drain() {
      while (queue.length > 0 && state !== 'running') {
        const req = queue.shift();
        if (state === 'done') {
          // A finished generator answers next() at once; return(value) awaits its value first.
          if (req.kind === 'throw') req.reject(req.value);
          else if (req.kind === 'next') req.resolve({ value: undefined, done: true });
          else Promise.resolve(req.value).then((v) => req.resolve({ value: v, done: true }), req.reject);
          continue;
        }
        if (state === 'start') {
          if (req.kind === 'next') {
            state = 'running';
            try {
              setup();
            } catch (err) {
              state = 'done';
              req.reject(err);
              continue;
            }
            loop(req);
          } else {
            state = 'done';
            if (req.kind === 'throw') req.reject(req.value);
            else Promise.resolve(req.value).then((v) => req.resolve({ value: v, done: true }), req.reject);
          }
          continue;
        }
        // suspended at the yield
        state = 'running';
        if (req.kind === 'next') {
          loop(req);
        } else if (req.kind === 'throw') {
          fail(req, req.value);
        } else {
          Promise.resolve(req.value).then((v) => closeWith(req, true, v), (err) => fail(req, err));
        }
      }
    }
    // (one executor for every request, not a closure each: request sets what it queues)
    let reqKind;
    let reqValue;
    function enqueue(resolve, reject) {
      queue.push({ kind: reqKind, value: reqValue, resolve, reject });
      reqValue = undefined;
      drain();
    }
    function request(kind, value) {
      reqKind = kind;
      reqValue = value;
      return new Promise(enqueue);
    }
    return asyncGen.o(asyncIterator, {
      next() { return request('next', undefined); },
      return(value) { return request('return', value); },
      throw(err) { return request('throw', err); },
    });
  }
  return createAsyncIterator;
})
//#end iter

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(
  (function*() {})()).constructor.prototype) || Object.prototype;

function defineGetters(proto, getters) {
  for (const key of Object.keys(getters)) {
    const d = getters[key];
    Object.defineProperty(proto, key, {
      __proto__: null,
      get: d.get, set: d.set, enumerable: false, configurable: false,
    });
  }
}

defineGetters(Readable.prototype, {
  readable: {
    get() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: { get() { return this._readableState.dataEmitted; } },
  readableAborted: {
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: { get() { return this._readableState.highWaterMark; } },
  readableBuffer: { get() { return this._readableState && this._readableState.buffer; } },
  readableFlowing: {
    get() { return this._readableState.flowing; },
    set(state) { if (this._readableState) this._readableState.flowing = state; },
  },
  readableLength: { get() { return this._readableState.length; } },
  readableObjectMode: { get() { return this._readableState ? this._readableState.objectMode : false; } },
  readableEncoding: { get() { return this._readableState ? this._readableState.encoding : null; } },
  errored: { get() { return this._readableState ? this._readableState.errored : null; } },
  closed: { get() { return this._readableState ? this._readableState.closed : false; } },
  destroyed: {
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },
  readableEnded: { get() { return this._readableState ? this._readableState.endEmitted : false; } },
});

// fromList takes n from the chunks buffered (state.buffer from state.bufferIndex on), nulling the
// slots it empties: once all are read the array is emptied, past 1024 empty slots they go.
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  const len = buf.length;
  let idx = state.bufferIndex;
  let ret;
  if (state.objectMode) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    if (state.decoder) {
      const parts = [];
      while (idx < len) {
        parts.push(buf[idx]);
        buf[idx++] = null;
      }
      ret = parts.join('');
    } else if (len - idx === 0) {
      ret = lazyBuffer().alloc(0);
    } else if (len - idx === 1) {
      ret = buf[idx];
      buf[idx++] = null;
    } else {
      ret = lazyBuffer().allocUnsafe(state.length);
      let i = 0;
      while (idx < len) {
        const data = buf[idx];
        Uint8Array.prototype.set.call(ret, data, i);
        i += data.length;
        buf[idx++] = null;
      }
    }
  } else if (n < buf[idx].length) {
    // (slice is the same for strings and Buffers)
    const data = buf[idx];
    ret = data.slice(0, n);
    buf[idx] = data.slice(n);
  } else if (n === buf[idx].length) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (state.decoder) {
    const parts = [];
    while (idx < len) {
      const str = buf[idx];
      if (n > str.length) {
        parts.push(str);
        n -= str.length;
        buf[idx++] = null;
      } else {
        if (n === str.length) {
          parts.push(str);
          buf[idx++] = null;
        } else {
          parts.push(str.slice(0, n));
          buf[idx] = str.slice(n);
        }
        break;
      }
    }
    ret = parts.join('');
  } else {
    ret = lazyBuffer().allocUnsafe(n);
    const retLen = n;
    while (idx < len) {
      const data = buf[idx];
      const dataLen = data.length;
      if (n > dataLen) {
        Uint8Array.prototype.set.call(ret, data, retLen - n);
        n -= dataLen;
        buf[idx++] = null;
      } else {
        if (n === dataLen) {
          Uint8Array.prototype.set.call(ret, data, retLen - n);
          buf[idx++] = null;
        } else {
          Uint8Array.prototype.set.call(ret, new Uint8Array(data.buffer, data.byteOffset, n), retLen - n);
          buf[idx] = data.subarray(n);
        }
        break;
      }
    }
  }
  if (idx === len) {
    buf.length = 0;
    state.bufferIndex = 0;
  } else if (idx > 1024) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }
  return ret;
}
Readable._fromList = fromList;

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) {
      nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      const w = stream._writableState;
      const autoDestroy = !w || (w.autoDestroy && (w.finished || w.writable === false));
      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

Readable.from = function(iterable, opts) {
  const from = fromPart();
  return from(Readable, iterable, opts);
};

Readable.wrap = function(src, options) {
  const objectMode = firstDefined(src.readableObjectMode, src.objectMode, true);
  return new Readable({
    objectMode,
    ...options,
    destroy(err, callback) {
      destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

// from is Readable.from's (and Duplex.from's) stream over an iterable: a part (see fromPart).
function from(Readable, iterable, opts) {
  const fromIterable = fromPart();
  return fromIterable(Readable, iterable, opts);
}
let from_ = null;
function fromPart() {
  return from_ || (from_ = binding.part('from')({ codeError, invalidArgType, lazyBuffer, nextTick }));
}

//#part from
(function makeFrom({ codeError, invalidArgType, lazyBuffer, nextTick }) {
  function from(Readable, iterable, opts) {
    let iterator;
    if (typeof iterable === 'string' || iterable instanceof lazyBuffer()) {
      return new Readable({
        objectMode: true,
        ...opts,
        read() {
          this.push(iterable);
          this.push(null);
        },
      });
    }
    let isAsync;
    if (iterable && iterable[Symbol.asyncIterator]) {
      isAsync = true;
      iterator = iterable[Symbol.asyncIterator]();
    } else if (iterable && iterable[Symbol.iterator]) {
      isAsync = false;
      iterator = iterable[Symbol.iterator]();
    } else {
      throw invalidArgType('iterable', ['Iterable'], iterable);
    }
    const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
    let reading = false;
    readable._read = function() {
      if (!reading) {
        reading = true;
        next();
      }
    };
    readable._destroy = function(error, cb) {
      close(error).then(() => nextTick(cb, error), (e) => nextTick(cb, e || error));
    };
    function close(error) {
      const hadError = error !== undefined && error !== null;
      const hasThrow = typeof iterator.throw === 'function';
      let p = Promise.resolve();
      if (hadError && hasThrow) {
        return p.then(() => iterator.throw(error)).then((res) => Promise.resolve(res.value).then(() => {
          if (res.done) return;
          return doReturn();
        }));
      }
      return doReturn();
      function doReturn() {
        if (typeof iterator.return === 'function') {
          return Promise.resolve(iterator.return()).then((res) => res && res.value);
        }
        return Promise.resolve();
      }
    }
    // next pulls values until push() asks to stop. Synchronous iterables with plain values run
    // synchronously; promises (async iterators, or promise values) continue on resolution.
    function next() {
      for (;;) {
        let res;
        try {
          res = iterator.next();
        } catch (err) {
          readable.destroy(err);
          return;
        }
        if (isAsync) {
          Promise.resolve(res).then(onResult, onError);
          return;
        }
        if (!res || typeof res !== 'object') {
          readable.destroy(new TypeError('Iterator result ' + res + ' is not an object'));
          return;
        }
        if (res.done) {
          readable.push(null);
          return;
        }
        const value = res.value;
        if (value && typeof value.then === 'function') {
          Promise.resolve(value).then(onValue, onError);
          return;
        }
        if (!pushValue(value)) return;
      }
    }
    function pushValue(value) {
      try {
        if (value === null) {
          reading = false;
          throw codeError('ERR_STREAM_NULL_VALUES');
        } else if (readable.push(value)) {
          return true;
        } else {
          reading = false;
        }
      } catch (err) {
        readable.destroy(err);
      }
      return false;
    }
    function onResult(res) {
      if (!res || typeof res !== 'object') {
        readable.destroy(new TypeError('Iterator result ' + res + ' is not an object'));
        return;
      }
      if (res.done) {
        readable.push(null);
        return;
      }
      const value = res.value;
      if (value && typeof value.then === 'function') {
        Promise.resolve(value).then(onValue, onError);
        return;
      }
      if (pushValue(value)) next();
    }
    function onValue(value) {
      if (pushValue(value)) next();
    }
    function onError(err) {
      readable.destroy(err);
    }
    return readable;
  }
  return from;
})
//#end from

// ---------------------------------------------------------------- Writable

function WritableState(options, stream, isDuplex) {
  // A Go-backed object (binding.newWritableState): Writable.prototype.write and onwrite, done in
  // Go for the common case, reach its fields without property lookups. Go makes it with every
  // field at its start value (buffered [], sync, allBuffers, allNoop and constructed true,
  // counts 0, the rest false or null, defaultEncoding 'utf8'): each write from here goes through
  // the object's proxy.
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  // (options read in node's order: objectMode, writableObjectMode, the high water mark,
  // decodeStrings, emitClose, autoDestroy, defaultEncoding)
  let objectMode = !!(options && options.objectMode);
  if (isDuplex && options && options.writableObjectMode) objectMode = true;
  const highWaterMark = options ?
    getHighWaterMark({ objectMode }, options, 'writableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);
  const decodeStrings = !(options && options.decodeStrings === false);
  const emitClose = !options || options.emitClose !== false;
  const self = binding.newWritableState(Object.getPrototypeOf(this), objectMode,
    decodeStrings, emitClose, !options || options.autoDestroy !== false, highWaterMark);
  const defaultEncoding = options == null ? undefined : options.defaultEncoding; // node: options?.defaultEncoding
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    // (as made)
  } else if (lazyBuffer().isEncoding(defaultEncoding)) {
    self.defaultEncoding = defaultEncoding;
  } else {
    throw codeError('ERR_UNKNOWN_ENCODING', defaultEncoding);
  }
  self.onwrite = makeOnwrite(stream, self);
  return self;
}

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

binding.defineStateAccessors(WritableState.prototype, false, [
  'objectMode', 'finalCalled', 'needDrain', 'ending', 'ended', 'finished', 'destroyed',
  'decodeStrings', 'writing', 'sync', 'bufferProcessing', 'constructed', 'prefinished',
  'errorEmitted', 'emitClose', 'autoDestroy', 'closed', 'closeEmitted', 'allBuffers', 'allNoop',
  'errored', 'writable', 'defaultEncoding', 'writecb', 'afterWriteTickInfo', 'buffered',
]);
WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};
// The end() callbacks waiting for 'finish' (a Go-backed object has no symbol-keyed properties).
Object.defineProperty(WritableState.prototype, kOnFinished, {
  __proto__: null,
  get() { return binding.onFinished(this); },
});
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  // (a receiver that is no state has no buffered requests, as node's kState bits say)
  get() { const b = this.buffered; return b ? b.length - this.bufferedIndex : 0; },
});

// util.inspect shows a stream's states as node 20.20 holds them: a few own fields, the flags packed
// into one number under Symbol(kState) (bit for bit node's), and the fields that hold a value
// beside a flag under symbols of their own, present once node's state would have set them. The
// Go-backed states keep one field each, so inspect is given a view (setInspectView) made from
// them: one per state, refilled at each inspection, so a cycle through it stays one.
// (end() adds the states it gave a callback to wait for 'finish' to; see the views part)
const hadOnFinished = new WeakSet();
let views_ = null;
function views() {
  return views_ || (views_ = binding.part('views')({ hadOnFinished, kOnFinished, kPaused, nop }));
}
// (a state's own symbols, defined when its keys are listed: see binding's stateOwnSymbols)
binding.setOwnSymbols((readable, state, target) => views().defineOwnSymbols(readable, state, target));

//#part views
(function makeStateViews({ hadOnFinished, kOnFinished, kPaused, nop }) {
  const kStateSym = Symbol('kState');
  const kBufferedValue = Symbol('kBufferedValue');
  const kWriteCbValue = Symbol('kWriteCbValue');
  const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
  const kErroredValue = Symbol('kErroredValue');
  const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
  const kDecoderValue = Symbol('kDecoderValue');
  const kEncodingValue = Symbol('kEncodingValue');
  // (node's bit of each flag)
  const readableBits = [
    ['objectMode', 0], ['errorEmitted', 1], ['autoDestroy', 2], ['emitClose', 3], ['destroyed', 4],
    ['closed', 5], ['closeEmitted', 6], ['errored', 7], ['constructed', 8], ['ended', 9],
    ['endEmitted', 10], ['reading', 11], ['sync', 12], ['needReadable', 13], ['emittedReadable', 14],
    ['readableListening', 15], ['resumeScheduled', 16], ['multiAwaitDrain', 17], ['readingMore', 18],
    ['dataEmitted', 19], ['decoder', 21], ['encoding', 22], ['dataListening', 27],
  ];
  const writableBits = [
    ['objectMode', 0], ['errorEmitted', 1], ['autoDestroy', 2], ['emitClose', 3], ['destroyed', 4],
    ['closed', 5], ['closeEmitted', 6], ['errored', 7], ['constructed', 8], ['sync', 9],
    ['finalCalled', 10], ['needDrain', 11], ['ending', 12], ['finished', 13], ['decodeStrings', 14],
    ['writing', 15], ['bufferProcessing', 16], ['prefinished', 17], ['allBuffers', 18], ['allNoop', 19],
    ['writing', 26], ['afterWriteTickInfo', 27], ['afterWritePending', 28], ['ended', 30],
  ];
  function packBits(state, bits) {
    let n = 0;
    for (let i = 0; i < bits.length; i++) {
      if (state[bits[i][0]]) n |= 1 << bits[i][1];
    }
    return n;
  }
  function isUTF8Name(enc) { return enc === 'utf8' || enc === 'utf-8'; }
  // (the fields the Go-backed states hold, binding's rsNames and wsNames: any other own property
  // is one a program added, which node's state shows after its own)
  const readableSlotNames = new Set([
    'objectMode', 'highWaterMark', 'buffer', 'bufferIndex', 'pipeOndata', 'length', 'pipes', 'flowing',
    'ended', 'endEmitted', 'reading', 'constructed', 'sync', 'needReadable', 'emittedReadable',
    'readableListening', 'dataListening', 'resumeScheduled', 'errorEmitted', 'emitClose', 'autoDestroy',
    'destroyed', 'errored', 'closed', 'closeEmitted', 'defaultEncoding', 'awaitDrainWriters',
    'multiAwaitDrain', 'readingMore', 'dataEmitted', 'decoder', 'encoding',
  ]);
  const writableSlotNames = new Set([
    'objectMode', 'highWaterMark', 'finalCalled', 'needDrain', 'ending', 'ended', 'finished',
    'destroyed', 'decodeStrings', 'defaultEncoding', 'length', 'writing', 'corked', 'sync',
    'bufferProcessing', 'onwrite', 'writecb', 'writelen', 'afterWriteTickInfo', 'afterWritePending',
    'buffered', 'bufferedIndex', 'allBuffers', 'allNoop', 'pendingcb', 'constructed', 'prefinished',
    'errorEmitted', 'emitClose', 'autoDestroy', 'errored', 'closed', 'closeEmitted', 'writable',
  ]);
  function copyAddedProperties(state, view, slotNames, symbols) {
    const keys = Reflect.ownKeys(state);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if ((typeof k === 'string') !== symbols || typeof k === 'string' && slotNames.has(k)) continue;
      const desc = Reflect.getOwnPropertyDescriptor(state, k);
      if (desc === undefined) continue;
      desc.configurable = true;
      Reflect.defineProperty(view, k, desc);
    }
  }
  const stateViews = new WeakMap();
  // (the states end() gave a callback to wait for 'finish': node's state holds the callbacks under
  // Symbol(kOnFinishedValue) from then on, null once called)
  const kOnFinishedValue = Symbol('kOnFinishedValue');
  function stateView(state, name) {
    let view = stateViews.get(state);
    if (view === undefined) {
      const Ctor = name === 'ReadableState' ? function ReadableState() {} : function WritableState() {};
      view = Object.create(Ctor.prototype);
      stateViews.set(state, view);
    } else {
      const keys = Reflect.ownKeys(view);
      for (let i = 0; i < keys.length; i++) delete view[keys[i]];
    }
    return view;
  }
  function readableStateView(state) {
    const view = stateView(state, 'ReadableState');
    view.highWaterMark = state.highWaterMark;
    view.buffer = state.buffer;
    view.bufferIndex = state.bufferIndex;
    view.length = state.length;
    view.pipes = state.pipes;
    view.awaitDrainWriters = state.awaitDrainWriters;
    copyAddedProperties(state, view, readableSlotNames, false);
    const syms = readableSymbols(state);
    view[syms[0]] = syms[1];
    copyAddedProperties(state, view, readableSlotNames, true);
    for (let i = 2; i < syms.length; i += 2) view[syms[i]] = syms[i + 1];
    return view;
  }
  function writableStateView(state) {
    const view = stateView(state, 'WritableState');
    view.highWaterMark = state.highWaterMark;
    view.length = state.length;
    view.corked = state.corked;
    view.onwrite = state.onwrite;
    view.writelen = state.writelen;
    view.bufferedIndex = state.bufferedIndex;
    view.pendingcb = state.pendingcb;
    copyAddedProperties(state, view, writableSlotNames, false);
    const syms = writableSymbols(state);
    let i = 0;
    for (; i < syms.length && syms[i - 2] !== kBufferedValue; i += 2) view[syms[i]] = syms[i + 1];
    copyAddedProperties(state, view, writableSlotNames, true);
    for (; i < syms.length; i += 2) view[syms[i]] = syms[i + 1];
    return view;
  }
  // node 20.20's own symbols of a state and their values, in its order: [symbol, value, ...]
  // (the Go-backed states define them on their targets when their keys are listed)
  function readableSymbols(state) {
    let bits = packBits(state, readableBits);
    if (isUTF8Name(state.defaultEncoding)) bits |= 1 << 20;
    if (state.flowing !== null) bits |= (1 << 23) | (state.flowing ? 1 << 24 : 0);
    const paused = state[kPaused];
    if (paused === true || paused === false) bits |= (1 << 25) | (paused ? 1 << 26 : 0);
    const syms = [kStateSym, bits];
    if (!isUTF8Name(state.defaultEncoding)) syms.push(kDefaultEncodingValue, state.defaultEncoding);
    if (state.decoder) syms.push(kDecoderValue, state.decoder);
    if (state.encoding) syms.push(kEncodingValue, state.encoding);
    if (state.errored) syms.push(kErroredValue, state.errored);
    return syms;
  }
  function writableSymbols(state) {
    let bits = packBits(state, writableBits);
    const cb = state.writecb;
    const realCb = typeof cb === 'function' && cb !== nop;
    if (realCb) bits |= 1 << 25;
    const buffered = state.buffered;
    const hasBuffered = Array.isArray(buffered) && buffered.length > 0;
    if (hasBuffered) bits |= 1 << 29;
    const onFinished = hadOnFinished.has(state) ? state[kOnFinished] : undefined;
    const finishCbs = Array.isArray(onFinished) && onFinished.length > 0;
    if (finishCbs) bits |= 1 << 20;
    if (state.corked > 0) bits |= 1 << 23;
    if (isUTF8Name(state.defaultEncoding)) bits |= 1 << 24;
    const syms = [kStateSym, bits >>> 0];
    if (!isUTF8Name(state.defaultEncoding)) syms.push(kDefaultEncodingValue, state.defaultEncoding);
    syms.push(kBufferedValue, hasBuffered ? buffered : null);
    if (onFinished !== undefined) syms.push(kOnFinishedValue, finishCbs ? onFinished : null);
    // (writecb starts undefined: node's value is set by the first write, null once it completed)
    if (realCb || cb === null) syms.push(kWriteCbValue, realCb ? cb : null);
    if (state.afterWriteTickInfo !== undefined) syms.push(kAfterWriteTickInfoValue, state.afterWriteTickInfo);
    if (state.errored) syms.push(kErroredValue, state.errored);
    return syms;
  }
  // defineOwnSymbols(readable, state, target) defines the state's symbols on target, its Proxy's
  // target: data properties of their current values, ahead of any symbol a program added
  // before the first listing (node's are made with the state).
  function defineOwnSymbols(readable, state, target) {
    const syms = readable ? readableSymbols(state) : writableSymbols(state);
    let moved = null;
    if (!Object.prototype.hasOwnProperty.call(target, syms[0])) {
      moved = [];
      const keys = Reflect.ownKeys(target);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k !== 'symbol') continue;
        const desc = Reflect.getOwnPropertyDescriptor(target, k);
        if (desc.configurable && Reflect.deleteProperty(target, k)) moved.push(k, desc);
      }
    }
    for (let i = 0; i < syms.length; i += 2) {
      Reflect.defineProperty(target, syms[i], { __proto__: null, value: syms[i + 1], writable: true, enumerable: true, configurable: true });
    }
    if (moved !== null) {
      for (let i = 0; i < moved.length; i += 2) Reflect.defineProperty(target, moved[i], moved[i + 1]);
    }
  }
  return { readableStateView, writableStateView, defineOwnSymbols };
})
//#end views
internalBinding('internal/lazy_proto').whenLoaded('internal/util/inspect', () => {
  const { setInspectView } = require('internal/util/inspect');
  setInspectView(ReadableState.prototype, (state) => views().readableStateView(state));
  setInspectView(WritableState.prototype, (state) => views().writableStateView(state));
});

function Writable(options) {
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);
  if (this._events === undefined) {
    this._events = { close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined };
  }
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  if (typeof this._construct === 'function') {
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function() {
  errorOrDestroy(this, codeError('ERR_STREAM_CANNOT_PIPE'));
};

function _write(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) {
    throw codeError('ERR_STREAM_NULL_VALUES');
  } else if (!state.objectMode) {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !lazyBuffer().isEncoding(encoding)) throw codeError('ERR_UNKNOWN_ENCODING', encoding);
    if (typeof chunk === 'string') {
      // (node 20.20 keeps decodeStrings as a bit: any truthy value sets it)
      if (state.decodeStrings) {
        chunk = lazyBuffer().from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof lazyBuffer()) {
      encoding = 'buffer';
    } else if (isArrayBufferView(chunk)) {
      chunk = uint8ArrayToBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  let err;
  if (state.ending) err = codeError('ERR_STREAM_WRITE_AFTER_END');
  else if (state.destroyed) err = codeError('ERR_STREAM_DESTROYED', 'write');
  if (err) {
    nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

// (named write, as node's Writable.prototype.write: stack traces show "Writable.write")
const writeJS = function write(chunk, encoding, cb) {
  // The common case, a Buffer written to a byte stream that is open and idle, is _write and
  // writeOrBuffer inlined.
  const state = this._writableState;
  let len;
  if (chunk === knownBuf) len = knownLen;
  else if (typeof chunk === 'object' && chunk !== null && chunk instanceof (Buffer_ || lazyBuffer())) {
    knownBuf = chunk;
    knownLen = len = chunk.length;
  } else {
    return _write(this, chunk, encoding, cb) === true;
  }
  if (typeof encoding === 'function') cb = encoding;
  else if (encoding) return _write(this, chunk, encoding, cb) === true;
  if (state.objectMode || state.ending || state.destroyed || state.writing || state.corked ||
      state.errored || !state.constructed) {
    return _write(this, chunk, encoding, cb) === true;
  }
  if (typeof cb !== 'function') cb = nop;
  state.pendingcb++;
  state.length += len;
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  this._write(chunk, 'buffer', state.onwrite);
  state.sync = false;
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
};

// write is done in Go for the common case (binding.write) and falls back to writeJS.
Writable.prototype.write = binding.write;
binding.setup(nop, writeJS, onwrite, onwriteSyncDone, afterWrite, finishMaybe, onwriteClearBuffer, doWrite, writeBuffered);
Object.defineProperty(Writable.prototype.write, 'name', { __proto__: null, value: '' }); // node's is anonymous
Object.defineProperty(Writable.prototype.write, 'length', { __proto__: null, value: 3 });

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!lazyBuffer().isEncoding(encoding)) throw codeError('ERR_UNKNOWN_ENCODING', encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  // (writeJS hands over a Buffer it has just measured: its length is knownLen)
  const len = state.objectMode ? 1 : chunk === knownBuf ? knownLen : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  // As node 20.20 does, the answer is computed after a synchronous _write has taken the chunk,
  // and an empty buffer is never over the mark (so highWaterMark 0 with a synchronous _write
  // gives true).
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(codeError('ERR_STREAM_DESTROYED', 'write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

// onwrite's common case (no error, nothing buffered, a synchronous write without a callback or
// an asynchronous one) is done in Go; the rest goes to onwrite.
function makeOnwrite(stream, state) {
  const f = binding.makeOnwrite(stream, state);
  Object.defineProperty(f, 'name', { __proto__: null, value: 'bound onwrite' });
  Object.defineProperty(f, 'length', { __proto__: null, value: 1 });
  return f;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, codeError('ERR_MULTIPLE_CALLBACK'));
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) onwriteSyncDone(stream, state, cb);
    else afterWrite(stream, state, 1, cb);
  }
}

// The Go onwrite's clearBuffer (when it leaves the buffer to JS), and its call of a buffered
// write's _write (the JS clearBuffer's doWrite)
function onwriteClearBuffer(stream, state) {
  clearBuffer(stream, state); // at: onwrite@writable:653:7
}
function writeBuffered(stream, chunk, encoding, onwrite) {
  stream._write(chunk, encoding, onwrite); // at: doWrite@writable:598:12, clearBuffer@writable:783:7, onwrite@writable:653:7
}

function onwriteSyncDone(stream, state, cb) {
  if (cb === nop) {
    // A write without a callback needs no tick of its own unless 'drain' is due. (Node 20
    // also ticks for every object-mode write here, through an operator-precedence slip in
    // its destroyed check; the order of events depends on it, so do the same.)
    const needTick = (state.needDrain && state.length === 0) || state.objectMode;
    if (!state.afterWritePending && needTick) {
      state.afterWritePending = true;
      nextTick(afterWrite, stream, state, 1, cb);
    } else {
      state.pendingcb--;
      if (state.ending) finishMaybe(stream, state, true);
    }
  } else if (state.afterWriteTickInfo != null && state.afterWriteTickInfo.cb === cb) {
    state.afterWriteTickInfo.count++;
  } else {
    state.afterWriteTickInfo = { count: 1, cb, stream, state };
    nextTick(afterWriteTick, state.afterWriteTickInfo);
    state.afterWritePending = true; // (as node 20.20 marks it, until afterWrite runs)
  }
}

function afterWriteTick(info) {
  info.state.afterWriteTickInfo = null;
  return afterWrite(info.stream, info.state, info.count, info.cb);
}

function afterWrite(stream, state, count, cb) {
  state.afterWritePending = false;
  // (node 20.20's test of its state bits: needDrain first, which is seldom set)
  const needDrain = state.needDrain && !state.ending && !state.destroyed && state.length === 0;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  if (state.ending) finishMaybe(stream, state, true);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored != null ? state.errored : codeError('ERR_STREAM_DESTROYED', 'write'));
  }
  callFinishedCallbacks(state, state.errored != null ? state.errored : codeError('ERR_STREAM_DESTROYED', 'end'));
  resetBuffer(state);
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function(chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_write()');
  }
};

Writable.prototype._writev = null;

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = _write(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // Do nothing: the write already reported it.
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = codeError('ERR_STREAM_ALREADY_FINISHED', 'end');
  } else if (state.destroyed) {
    err = codeError('ERR_STREAM_DESTROYED', 'end');
  }
  if (typeof cb === 'function') {
    if (err) nextTick(cb, err);
    else if (state.errored) nextTick(cb, state.errored);
    else if (state.finished) nextTick(cb, null);
    else {
      state[kOnFinished].push(cb);
      hadOnFinished.add(state);
    }
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err != null ? err : codeError('ERR_MULTIPLE_CALLBACK'));
      return;
    }
    called = true;
    finalDone(stream, state, err);
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

// finalDone is what _final's callback does (the first time it is called).
function finalDone(stream, state, err) {
  state.pendingcb--;
  if (err) {
    const onfinishCallbacks = state[kOnFinished].splice(0);
    for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](err);
    errorOrDestroy(stream, err, state.sync);
  } else if (needFinish(state)) {
    state.prefinished = true;
    stream.emit('prefinish');
    state.pendingcb++;
    nextTick(finish, stream, state);
  }
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      // Node 20.20 marks the final step done even when there is no _final.
      state.finalCalled = true;
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        nextTick(finishMaybeNT, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finishMaybeNT(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  callFinishedCallbacks(state);
  stream.emit('finish');
  if (state.autoDestroy) {
    const r = stream._readableState;
    const autoDestroy = !r || (r.autoDestroy && (r.endEmitted || r.readable === false));
    if (autoDestroy) stream.destroy();
  }
}

// The end() callbacks are called with err (null once finished) on their array, as node's
// onfinishCallbacks[i](err) calls them (Reflect.apply: stack frames name an arrow function's
// receiver too, "Array.<anonymous>").
function callFinishedCallbacks(state, err) {
  const onfinishCallbacks = state[kOnFinished].splice(0);
  const args = [err === undefined ? null : err];
  for (let i = 0; i < onfinishCallbacks.length; i++) Reflect.apply(onfinishCallbacks[i], onfinishCallbacks, args);
}

const writableGetters = {
  closed: { get() { return this._writableState ? this._writableState.closed : false; } },
  destroyed: {
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(value) { if (this._writableState) this._writableState.destroyed = value; },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(val) { if (this._writableState) this._writableState.writable = !!val; },
  },
  writableFinished: { get() { return this._writableState ? this._writableState.finished : false; } },
  writableObjectMode: { get() { return this._writableState ? this._writableState.objectMode : false; } },
  writableBuffer: { get() { return this._writableState && this._writableState.getBuffer(); } },
  writableEnded: { get() { return this._writableState ? this._writableState.ending : false; } },
  writableNeedDrain: {
    get() {
      const w = this._writableState;
      if (!w) return false;
      return !w.destroyed && !w.ending && w.needDrain;
    },
  },
  writableHighWaterMark: { get() { return this._writableState && this._writableState.highWaterMark; } },
  writableCorked: { get() { return this._writableState ? this._writableState.corked : 0; } },
  writableLength: { get() { return this._writableState && this._writableState.length; } },
  errored: { get() { return this._writableState ? this._writableState.errored : null; } },
  writableAborted: {
    get() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
};
defineGetters(Writable.prototype, writableGetters);

Writable.prototype.destroy = function(err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
    nextTick(errorBuffer, state);
  }
  destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = undestroy;
Writable.prototype._destroy = function(err, cb) { cb(err); };
Writable.prototype[EE.captureRejectionSymbol || Symbol.for('nodejs.rejection')] = function(err) {
  this.destroy(err);
};

if (typeof Symbol.asyncDispose === 'symbol') {
  // As node: an unfinished writable is aborted; only an error other than an AbortError rejects.
  Writable.prototype[Symbol.asyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.writableFinished ? null : new errors.AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) =>
      eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null))));
  };
}

// ---------------------------------------------------------------- Duplex

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  if (this._events === undefined) {
    this._events = {
      close: undefined,
      error: undefined,
      prefinish: undefined,
      finish: undefined,
      drain: undefined,
      data: undefined,
      end: undefined,
      readable: undefined,
    };
  }
  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  Stream.call(this, options);
  if (typeof this._construct === 'function') {
    construct(this, () => {
      const r = this._readableState;
      if (r.needReadable) maybeReadMore(this, r);
      const w = this._writableState;
      if (!w.writing) clearBuffer(this, w);
      finishMaybe(this, w);
    });
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const method of ['write', 'cork', 'uncork', 'setDefaultEncoding', '_write', '_writev', 'end']) {
  Duplex.prototype[method] = Writable.prototype[method];
}
Duplex.prototype.destroy = Writable.prototype.destroy;
{
  const keys = ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
    'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain'];
  const g = {};
  for (const k of keys) g[k] = writableGetters[k];
  g.destroyed = {
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  };
  defineGetters(Duplex.prototype, g);
}

Duplex.from = function(body) {
  const duplexify = duplexifyPart();
  return duplexify(body, 'body');
};

let duplexify_ = null;
function duplexifyPart() {
  return duplexify_ || (duplexify_ = binding.part('duplexify')({
    AsyncIteratorPrototype, codeError, destroyer, Duplex, eos, errors, from, invalidArgType,
    isDuplexNodeStream, isIterable, isNodeStream, isReadable, isReadableNodeStream,
    isReadableStream, isWritable, isWritableNodeStream, isWritableStream, nextTick, Readable,
    Writable,
  }));
}

//#part duplexify
(function makeDuplexifyParts({
  AsyncIteratorPrototype, codeError, destroyer, Duplex, eos, errors, from, invalidArgType,
  isDuplexNodeStream, isIterable, isNodeStream, isReadable, isReadableNodeStream, isReadableStream,
  isWritable, isWritableNodeStream, isWritableStream, nextTick, Readable, Writable,
}) { const { AbortError } = errors;
  // fromAsyncGen feeds a Duplex's writes to fn as an async iterable, one chunk at a time: a
  // write's callback runs (on the next tick) once the iterable has taken its chunk. It keeps the
  // await/yield timing of Node's async generator.
  function fromAsyncGen(fn) {
    let { promise, resolve: resolveChunk } = deferredPromise();
    const ac = new AbortController();
    const signal = ac.signal;
    let finished = false;
    const source = {
      [Symbol.asyncIterator]() { return this; },
      next() {
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          const p = promise;
          promise = null;
          p.then(({ chunk, done, cb }) => {
            nextTick(cb);
            if (done) {
              finished = true;
              Promise.resolve().then(() => resolve({ value: undefined, done: true }));
              return;
            }
            if (signal.aborted) {
              finished = true;
              reject(new AbortError(undefined, { cause: signal.reason }));
              return;
            }
            ({ promise, resolve: resolveChunk } = deferredPromise());
            Promise.resolve(chunk).then((v) => resolve({ value: v, done: false }), reject);
          });
        });
      },
      return(value) {
        finished = true;
        return Promise.resolve({ value, done: true });
      },
    };
    Object.setPrototypeOf(source, AsyncIteratorPrototype);
    const value = fn(source, { signal });
    return {
      value,
      write(chunk, encoding, cb) {
        const r = resolveChunk;
        resolveChunk = null;
        r({ chunk, done: false, cb });
      },
      final(cb) {
        const r = resolveChunk;
        resolveChunk = null;
        r({ done: true, cb });
      },
      destroy(err, cb) {
        ac.abort();
        cb(err);
      },
    };
  }

  function deferredPromise() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  function duplexify(body, name) {
    if (isDuplexNodeStream(body)) return body;
    if (isReadableNodeStream(body)) return duplexifyPair({ readable: body });
    if (isWritableNodeStream(body)) return duplexifyPair({ writable: body });
    if (isNodeStream(body)) return duplexifyPair({ writable: false, readable: false });
    if (isReadableStream(body)) return duplexifyPair({ readable: Readable.fromWeb(body) });
    if (isWritableStream(body)) return duplexifyPair({ writable: Writable.fromWeb(body) });
    if (typeof body === 'function') {
      const { value, write, final, destroy } = fromAsyncGen(body);
      if (isIterable(value)) {
        return from(Duplexify, value, { objectMode: true, write, final, destroy });
      }
      const then = value && value.then;
      if (typeof then === 'function') {
        let d;
        const promise = then.call(value, (val) => {
          if (val != null) throw codeError('ERR_INVALID_RETURN_VALUE', 'nully', 'body', val);
        }, (err) => { destroyer(d, err); });
        d = new Duplexify({
          objectMode: true,
          readable: false,
          write,
          final(cb) {
            final(() => {
              promise.then(() => nextTick(cb, null), (err) => nextTick(cb, err));
            });
          },
          destroy,
        });
        return d;
      }
      throw codeError('ERR_INVALID_RETURN_VALUE', 'Iterable, AsyncIterable or AsyncFunction', name, value);
    }
    if (typeof Blob === 'function' && body instanceof Blob) return duplexify(body.arrayBuffer(), name);
    if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });
    // A web pair becomes one Duplex over both ends (node's Duplex.fromWeb), not a Duplexify of two
    // adapted halves: a plain Duplex, allowHalfOpen false, its final waiting on the writer's close.
    if (body && isReadableStream(body.readable) && isWritableStream(body.writable)) return Duplex.fromWeb(body);
    if (body && (typeof body.writable === 'object' || typeof body.readable === 'object')) {
      const readable = body.readable ?
        (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) : undefined;
      const writable = body.writable ?
        (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) : undefined;
      return duplexifyPair({ readable, writable });
    }
    const then = body && body.then;
    if (typeof then === 'function') {
      let d;
      then.call(body, (val) => {
        if (val != null) d.push(val);
        d.push(null);
      }, (err) => { destroyer(d, err); });
      d = new Duplexify({ objectMode: true, writable: false, read() {} });
      return d;
    }
    throw invalidArgType(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable',
      'Function', '{ readable, writable } pair', 'Promise'], body);
  }

  function Duplexify(options) {
    if (!(this instanceof Duplexify)) return new Duplexify(options);
    Duplex.call(this, options);
    if (options && options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options && options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  }
  Object.setPrototypeOf(Duplexify.prototype, Duplex.prototype);
  Object.setPrototypeOf(Duplexify, Duplex);

  function duplexifyPair(pair) {
    const r = pair.readable && typeof pair.readable.read !== 'function' ? Readable.wrap(pair.readable) : pair.readable;
    const w = pair.writable;
    let readable = !!isReadable(r);
    let writable = !!isWritable(w);
    let ondrain, onfinish, onreadable, onclose, d;
    function onfinished(err) {
      const cb = onclose;
      onclose = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
    }
    d = new Duplexify({
      readableObjectMode: !!(r && r.readableObjectMode),
      writableObjectMode: !!(w && w.writableObjectMode),
      readable,
      writable,
    });
    if (writable) {
      eos(w, (err) => {
        writable = false;
        if (err) destroyer(r, err);
        onfinished(err);
      });
      d._write = function(chunk, encoding, callback) {
        if (w.write(chunk, encoding)) callback();
        else ondrain = callback;
      };
      d._final = function(callback) {
        w.end();
        onfinish = callback;
      };
      w.on('drain', function() {
        if (ondrain) {
          const cb = ondrain;
          ondrain = null;
          cb();
        }
      });
      w.on('finish', function() {
        if (onfinish) {
          const cb = onfinish;
          onfinish = null;
          cb();
        }
      });
    }
    if (readable) {
      eos(r, (err) => {
        readable = false;
        if (err) destroyer(r, err);
        onfinished(err);
      });
      r.on('readable', function() {
        if (onreadable) {
          const cb = onreadable;
          onreadable = null;
          cb();
        }
      });
      r.on('end', function() { d.push(null); });
      d._read = function() {
        while (true) {
          const buf = r.read();
          if (buf === null) {
            onreadable = d._read;
            return;
          }
          if (!d.push(buf)) return;
        }
      };
    }
    d._destroy = function(err, callback) {
      if (!err && onclose !== null) err = new AbortError();
      onreadable = null;
      ondrain = null;
      onfinish = null;
      if (onclose === null) {
        callback(err);
      } else {
        onclose = callback;
        destroyer(w, err);
        destroyer(r, err);
      }
    };
    return d;
  }
  return duplexify;
})
//#end duplexify

// ---------------------------------------------------------------- Transform / PassThrough

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const readableHighWaterMark = options ? getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  // The reusable per-chunk callback and its state are held in Go (binding.initTransform).
  binding.initTransform(this);
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', transformPrefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function transformFinal(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data); // at: transform:139:14
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function transformPrefinish() {
  if (this._final !== transformFinal) transformFinal.call(this);
}
// (node's is transform.js's prefinish: a Transform's listeners show it under that name)
Object.defineProperty(transformPrefinish, 'name', { __proto__: null, value: 'prefinish' });

Transform.prototype._final = transformFinal;

Transform.prototype._transform = function _transform(chunk, encoding, callback) {
  throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_transform()');
};

// _write is done in Go (binding.transformWrite): the chunk goes to _transform with the stream's
// reusable callback (a transform has at most one chunk in flight, because the next _write waits
// for this one's callback), or to transformWriteSlow while a callback is still outstanding.
Transform.prototype._write = binding.transformWrite;
Object.defineProperty(Transform.prototype._write, 'name', { __proto__: null, value: '' });
Object.defineProperty(Transform.prototype._write, 'length', { __proto__: null, value: 3 });
binding.setupTransform(transformWriteSlow, (a, b) => a < b, kCallback);

function transformWriteSlow(stream, chunk, encoding, callback) {
  const rState = stream._readableState;
  const wState = stream._writableState;
  const length = rState.length;
  stream._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) stream.push(val);
    if (rState.ended) process.nextTick(callback);
    else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
    else stream[kCallback] = callback;
  });
}

Transform.prototype._read = function _read() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
  cb(null, chunk); // at: PassThrough._transform@passthrough:46:3
};

// ---------------------------------------------------------------- finished (end-of-stream)

// eos checks its arguments; what it does then is a part (eosParts): its listeners, made when a
// stream is first waited for.
function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = kEmptyObject;
  } else if (options == null) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = once(callback);
  if (isReadableStream(stream) || isWritableStream(stream)) return eosParts().eosWeb(stream, options, callback);
  if (!isNodeStream(stream)) {
    throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return eosParts().eosNode(stream, options, callback);
}

let eosParts_ = null;
function eosParts() {
  return eosParts_ || (eosParts_ = binding.part('eos')({
    addAbortListener, codeError, errors, isClosed, isReadable, isReadableErrored, isReadableFinished,
    isReadableNodeStream, isRequest, isWritable, isWritableErrored, isWritableFinished,
    isWritableNodeStream, nextTick, nop, once, webHooks, willEmitClose,
  }));
}

//#part eos
(function makeEos({
  addAbortListener, codeError, errors, isClosed, isReadable, isReadableErrored, isReadableFinished,
  isReadableNodeStream, isRequest, isWritable, isWritableErrored, isWritableFinished,
  isWritableNodeStream, nextTick, nop, once, webHooks, willEmitClose,
}) {
  function eosNode(stream, options, callback) {
    const readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
    const writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
    const wState = stream._writableState;
    const rState = stream._readableState;
    const onlegacyfinish = () => {
      if (!stream.writable) onfinish();
    };
    let _willEmitClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable &&
      isWritableNodeStream(stream) === writable;
    let writableFinished = isWritableFinished(stream, false);
    const onfinish = () => {
      writableFinished = true;
      if (stream.destroyed) _willEmitClose = false;
      if (_willEmitClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback.call(stream);
    };
    let readableFinished = isReadableFinished(stream, false);
    const onend = () => {
      readableFinished = true;
      if (stream.destroyed) _willEmitClose = false;
      if (_willEmitClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback.call(stream);
    };
    const onerror = (err) => {
      callback.call(stream, err);
    };
    let closed = isClosed(stream);
    const onclose = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
        if (!isReadableFinished(stream, false)) return callback.call(stream, codeError('ERR_STREAM_PREMATURE_CLOSE'));
      }
      if (writable && !writableFinished) {
        if (!isWritableFinished(stream, false)) return callback.call(stream, codeError('ERR_STREAM_PREMATURE_CLOSE'));
      }
      callback.call(stream);
    };
    const onclosed = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      callback.call(stream);
    };
    const onrequest = () => { stream.req.on('finish', onfinish); };
    if (isRequest(stream)) {
      stream.on('complete', onfinish);
      if (!_willEmitClose) stream.on('abort', onclose);
      if (stream.req) onrequest();
      else stream.on('request', onrequest);
    } else if (writable && !wState) {
      stream.on('end', onlegacyfinish);
      stream.on('close', onlegacyfinish);
    }
    if (!_willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);
    stream.on('end', onend);
    stream.on('finish', onfinish);
    if (options.error !== false) stream.on('error', onerror);
    stream.on('close', onclose);
    if (closed) {
      nextTick(onclose);
    } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
      if (!_willEmitClose) nextTick(onclosed);
    } else if (!readable && (!_willEmitClose || isReadable(stream)) &&
               (writableFinished || isWritable(stream) === false) &&
               (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)) {
      nextTick(onclosed);
    } else if (!writable && (!_willEmitClose || isWritable(stream)) &&
               (readableFinished || isReadable(stream) === false)) {
      nextTick(onclosed);
    } else if (rState && stream.req && stream.aborted) {
      nextTick(onclosed);
    }
    const cleanup = () => {
      callback = nop;
      stream.removeListener('aborted', onclose);
      stream.removeListener('complete', onfinish);
      stream.removeListener('abort', onclose);
      stream.removeListener('request', onrequest);
      if (stream.req) stream.req.removeListener('finish', onfinish);
      stream.removeListener('end', onlegacyfinish);
      stream.removeListener('close', onlegacyfinish);
      stream.removeListener('finish', onfinish);
      stream.removeListener('end', onend);
      stream.removeListener('error', onerror);
      stream.removeListener('close', onclose);
    };
    if (options.signal && !closed) {
      const abort = () => {
        const endCallback = callback;
        cleanup();
        endCallback.call(stream, new errors.AbortError(undefined, { cause: options.signal.reason }));
      };
      callback = onAbort(stream, options.signal, abort, callback);
    }
    return cleanup;
  }

  // onAbort runs abort on the next tick when signal is already aborted, else once it aborts,
  // and returns callback made to stop listening when it is called (node's eos and eosWeb).
  function onAbort(stream, signal, abort, callback) {
    if (signal.aborted) {
      nextTick(abort);
      return callback;
    }
    const disposable = addAbortListener(signal, abort);
    return once((...args) => {
      disposable.dispose();
      callback.apply(stream, args);
    });
  }

  function eosWeb(stream, options, callback) {
    let isAborted = false;
    let abort = nop;
    if (options.signal) {
      abort = () => {
        isAborted = true;
        callback.call(stream, new errors.AbortError(undefined, { cause: options.signal.reason }));
      };
      callback = onAbort(stream, options.signal, abort, callback);
    }
    const resolverFn = (...args) => {
      if (!isAborted) nextTick(() => callback.apply(stream, args));
    };
    const web = webHooks();
    web.closedPromise(stream).then(resolverFn, resolverFn);
    return nop;
  }

  return { eosNode, eosWeb };
})
//#end eos

function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = kEmptyObject;
  if (opts && opts.cleanup) {
    // As node: a truthy cleanup must be a boolean (thrown at once, not a rejection).
    if (typeof opts.cleanup !== 'boolean') throw invalidArgType('cleanup', ['boolean'], opts.cleanup);
    autoCleanup = true;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}
eos.finished = finished;

// ---------------------------------------------------------------- pipeline

// Rarely used parts (pipeline's machinery, Duplex.from, the Readable operators, duplexPair) are
// built on first use: a function nested in an uncalled one costs a runtime nothing, while each
// top-level function is an object every runtime that requires stream creates (issue 9). The
// exported functions stay eager, with the same names and lengths.

const kStop = Symbol('kStop');

let pipelineParts_ = null;
function pipelineParts() {
  return pipelineParts_ || (pipelineParts_ = binding.part('pipeline')({
    addAbortListener, codeError, destroyer, Duplex, eos, errors,
    invalidArgType, isIterable, isNodeStream, isReadable, isReadableFinished, isReadableNodeStream,
    isReadableStream, isTransformStream, isWebStream, kStop, nextTick, nop, PassThrough, Readable,
    validateAbortSignal, validateFunction,
  }));
}

// (the part's functions are called as plain functions, as node's: frames name them alone)
function pipeline(...streams) {
  const { pipelineImpl, popCallback } = pipelineParts();
  const callback = once(popCallback(streams));
  return pipelineImpl(streams, callback);
}

function pipelineImpl(streams, callback, opts) {
  const impl = pipelineParts().pipelineImpl;
  return impl(streams, callback, opts);
}

// iterate: see the pipeline part.
function iterate(iterable, onValue) {
  const impl = pipelineParts().iterate;
  return impl(iterable, onValue);
}

//#part pipeline
(function makePipelineParts({
  addAbortListener, codeError, destroyer, Duplex, eos, errors,
  invalidArgType, isIterable, isNodeStream, isReadable, isReadableFinished, isReadableNodeStream,
  isReadableStream, isTransformStream, isWebStream, kStop, nextTick, nop, PassThrough, Readable,
  validateAbortSignal, validateFunction,
}) { const { AbortError, aggregateTwoErrors } = errors;
  function popCallback(streams) {
    validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
    return streams.pop();
  }

  function makeAsyncIterable(val) {
    if (isIterable(val)) return val;
    if (isReadableNodeStream(val)) return fromReadable(val);
    throw invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
  }

  function fromReadable(val) {
    return { [Symbol.asyncIterator]() { return Readable.prototype[Symbol.asyncIterator].call(val); } };
  }

  // iterate runs the iterator protocol over an iterable (sync or async) with a promise loop, the
  // way `for await` would: onValue(v) may return a promise to wait on; it resolves when done.
  function iterate(iterable, onValue) {
    const isAsync = typeof iterable[Symbol.asyncIterator] === 'function';
    const it = isAsync ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    return new Promise((resolve, reject) => {
      function fail(err) {
        if (typeof it.return === 'function') {
          try {
            Promise.resolve(it.return()).then(() => reject(err), () => reject(err));
          } catch (e) {
            reject(err);
          }
        } else {
          reject(err);
        }
      }
      function step() {
        let r;
        try {
          r = it.next();
        } catch (err) {
          reject(err);
          return;
        }
        Promise.resolve(r).then((res) => {
          if (res.done) {
            resolve();
            return;
          }
          let value = res.value;
          const handle = (v) => {
            let out;
            try {
              out = onValue(v);
            } catch (err) {
              fail(err);
              return;
            }
            if (out === kStop) {
              if (typeof it.return === 'function') {
                Promise.resolve(it.return()).then(() => resolve(), reject);
              } else {
                resolve();
              }
              return;
            }
            if (out && typeof out.then === 'function') {
              out.then((o) => {
                if (o === kStop) {
                  if (typeof it.return === 'function') Promise.resolve(it.return()).then(() => resolve(), reject);
                  else resolve();
                } else {
                  step();
                }
              }, fail);
            } else {
              step();
            }
          };
          if (!isAsync && value && typeof value.then === 'function') value.then(handle, fail);
          else handle(value);
        }, reject);
      }
      step();
    });
  }

  function pumpToNode(iterable, writable, finish, { end }) {
    let error;
    let onresolve = null;
    const resume = (err) => {
      if (err) error = err;
      if (onresolve) {
        const callback = onresolve;
        onresolve = null;
        callback();
      }
    };
    const wait = () => new Promise((resolve, reject) => {
      if (error) {
        reject(error);
      } else {
        onresolve = () => {
          if (error) reject(error);
          else resolve();
        };
      }
    });
    writable.on('drain', resume);
    const cleanup = eos(writable, { readable: false }, resume);
    const done = () => {
      cleanup();
      writable.off('drain', resume);
    };
    // Node's loop is an async function with `for await`: written out here so each step takes
    // the microtasks node's does.
    (async () => {
      try {
        if (writable.writableNeedDrain) await wait();
        const it = asyncIteratorOf(iterable);
        for (;;) {
          const r = await it.next();
          if (r === null || typeof r !== 'object') throw new TypeError(`Iterator result ${r} is not an object`);
          if (r.done) break;
          try {
            if (!writable.write(r.value)) await wait();
          } catch (err) {
            await closeIterator(it);
            throw err;
          }
        }
        if (end) {
          writable.end();
          await wait();
        }
        finish();
      } catch (err) {
        finish(error !== err ? aggregateTwoErrors(error, err) : err);
      } finally {
        done();
      }
    })();
  }

  // asyncIteratorOf(obj) is `for await`'s GetIterator: obj's async iterator, else its sync one
  // made async (each value awaited).
  function asyncIteratorOf(obj) {
    const method = obj[Symbol.asyncIterator];
    if (method != null) {
      const it = method.call(obj);
      const next = it.next;
      return { next: () => next.call(it), iterator: it };
    }
    const sync = obj[Symbol.iterator].call(obj);
    const syncNext = sync.next;
    return {
      next() {
        let r;
        try {
          r = syncNext.call(sync);
          if (r === null || typeof r !== 'object') throw new TypeError(`Iterator result ${r} is not an object`);
        } catch (err) {
          return Promise.reject(err);
        }
        const isDone = !!r.done;
        return Promise.resolve(r.value).then((value) => ({ value, done: isDone }));
      },
      iterator: sync,
    };
  }

  // closeIterator is AsyncIteratorClose after the loop's body threw: return() is called and
  // awaited, and its own failure is dropped for the body's error.
  async function closeIterator(it) {
    try {
      const ret = it.iterator.return;
      if (ret != null) await ret.call(it.iterator);
    } catch {
      // the body's error wins
    }
  }

  async function pumpToWeb(readable, writable, finish, { end }) {
    if (isTransformStream(writable)) writable = writable.writable;
    const writer = writable.getWriter();
    try {
      const it = asyncIteratorOf(readable);
      for (;;) {
        const r = await it.next();
        if (r === null || typeof r !== 'object') throw new TypeError(`Iterator result ${r} is not an object`);
        if (r.done) break;
        try {
          await writer.ready;
          writer.write(r.value).catch(nop);
        } catch (err) {
          await closeIterator(it);
          throw err;
        }
      }
      await writer.ready;
      if (end) await writer.close();
      finish();
    } catch (err) {
      try {
        await writer.abort(err);
        finish(err);
      } catch (err2) {
        finish(err2);
      }
    }
  }

  function pipelineImpl(streams, callback, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) throw codeError('ERR_MISSING_ARGS', 'streams');
    const ac = new AbortController();
    const signal = ac.signal;
    const outerSignal = opts && opts.signal;
    const lastStreamCleanup = [];
    validateAbortSignal(outerSignal, 'options.signal');
    function abort() {
      finishImpl(new AbortError());
    }
    let disposable;
    if (outerSignal) disposable = addAbortListener(outerSignal, abort);
    let error;
    let value;
    const destroys = [];
    let finishCount = 0;
    function finish(err) {
      finishImpl(err, --finishCount === 0);
    }
    function finishImpl(err, final) {
      if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (disposable) disposable.dispose();
      ac.abort();
      if (final) {
        if (!error) lastStreamCleanup.forEach((fn) => fn());
        nextTick(callback, error, value);
      }
    }
    let ret;
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || !opts || opts.end !== false;
      const isLastStream = i === streams.length - 1;
      if (isNodeStream(stream)) {
        if (end) {
          const { destroy, cleanup } = pipelineDestroyer(stream, reading, writing);
          destroys.push(destroy);
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        }
        const onError = (err) => {
          if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
        };
        stream.on('error', onError);
        if (isReadable(stream) && isLastStream) {
          lastStreamCleanup.push(() => { stream.removeListener('error', onError); });
        }
      }
      if (i === 0) {
        if (typeof stream === 'function') {
          ret = stream({ signal });
          if (!isIterable(ret)) throw codeError('ERR_INVALID_RETURN_VALUE', 'Iterable, AsyncIterable or Stream', 'source', ret);
        } else if (isIterable(stream) || isReadableNodeStream(stream) || isTransformStream(stream)) {
          ret = stream;
        } else {
          ret = Duplex.from(stream);
        }
      } else if (typeof stream === 'function') {
        if (isTransformStream(ret)) ret = makeAsyncIterable(ret && ret.readable);
        else ret = makeAsyncIterable(ret);
        ret = stream(ret, { signal });
        if (reading) {
          if (!isIterable(ret, true)) throw codeError('ERR_INVALID_RETURN_VALUE', 'AsyncIterable', 'transform[' + (i - 1) + ']', ret);
        } else {
          const pt = new PassThrough({ objectMode: true });
          const then = ret && ret.then;
          if (typeof then === 'function') {
            finishCount++;
            then.call(ret, (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              nextTick(finish);
            }, (err) => {
              pt.destroy(err);
              nextTick(finish, err);
            });
          } else if (isIterable(ret, true)) {
            finishCount++;
            pumpToNode(ret, pt, finish, { end });
          } else if (isReadableStream(ret) || isTransformStream(ret)) {
            const toRead = ret.readable || ret;
            finishCount++;
            pumpToNode(toRead, pt, finish, { end });
          } else {
            throw codeError('ERR_INVALID_RETURN_VALUE', 'AsyncIterable or Promise', 'destination', ret);
          }
          ret = pt;
          const { destroy, cleanup } = pipelineDestroyer(ret, false, true);
          destroys.push(destroy);
          if (isLastStream) lastStreamCleanup.push(cleanup);
        }
      } else if (isNodeStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount += 2;
          const cleanup = pipe(ret, stream, finish, { end });
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (isTransformStream(ret) || isReadableStream(ret)) {
          const toRead = ret.readable || ret;
          finishCount++;
          pumpToNode(toRead, stream, finish, { end });
        } else if (isIterable(ret)) {
          finishCount++;
          pumpToNode(ret, stream, finish, { end });
        } else {
          throw invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
        }
        ret = stream;
      } else if (isWebStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount++;
          pumpToWeb(makeAsyncIterable(ret), stream, finish, { end });
        } else if (isReadableStream(ret) || isIterable(ret)) {
          finishCount++;
          pumpToWeb(ret, stream, finish, { end });
        } else if (isTransformStream(ret)) {
          finishCount++;
          pumpToWeb(ret.readable, stream, finish, { end });
        } else {
          throw invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
        }
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    }
    if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
    return ret;
  }

  function pipelineDestroyer(stream, reading, writing) {
    let finished = false;
    stream.on('close', () => { finished = true; });
    const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
      finished = !err;
    });
    return {
      destroy: (err) => {
        if (finished) return;
        finished = true;
        destroyer(stream, err || codeError('ERR_STREAM_DESTROYED', 'pipe'));
      },
      cleanup,
    };
  }

  function pipe(src, dst, finish, { end }) {
    let ended = false;
    dst.on('close', () => {
      if (!ended) finish(codeError('ERR_STREAM_PREMATURE_CLOSE'));
    });
    src.pipe(dst, { end: false });
    if (end) {
      const endFn = () => {
        ended = true;
        dst.end();
      };
      if (isReadableFinished(src)) nextTick(endFn);
      else src.once('end', endFn);
    } else {
      finish();
    }
    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
        src.once('end', finish).once('error', finish);
      } else {
        finish(err);
      }
    });
    return eos(dst, { readable: false, writable: true }, finish);
  }
  return { popCallback, pipelineImpl, iterate };
})
//#end pipeline

// ---------------------------------------------------------------- compose

let compose_ = null;
function compose(...streams) {
  if (compose_ === null) compose_ = binding.part('compose')({
    codeError, destroyer, Duplex, eos, errors, invalidArgValue, isNodeStream, isReadable,
    isReadableStream, isTransformStream, isWebStream, isWritable, isWritableStream, nop, pipeline,
  });
  return Reflect.apply(compose_, this, streams);
}

//#part compose
(function makeCompose({
  codeError, destroyer, Duplex, eos, errors, invalidArgValue, isNodeStream, isReadable,
  isReadableStream, isTransformStream, isWebStream, isWritable, isWritableStream, nop, pipeline,
}) { const { AbortError } = errors;
  function compose(...streams) {
    if (streams.length === 0) throw codeError('ERR_MISSING_ARGS', 'streams');
    if (streams.length === 1) return Duplex.from(streams[0]);
    const orgStreams = streams.slice();
    if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
    if (typeof streams[streams.length - 1] === 'function') {
      const idx = streams.length - 1;
      streams[idx] = Duplex.from(streams[idx]);
    }
    for (let n = 0; n < streams.length; ++n) {
      if (!isNodeStream(streams[n]) && !isWebStream(streams[n])) continue;
      if (n < streams.length - 1 && !(isReadable(streams[n]) || isReadableStream(streams[n]) || isTransformStream(streams[n]))) {
        throw invalidArgValue('streams[' + n + ']', orgStreams[n], 'must be readable');
      }
      if (n > 0 && !(isWritable(streams[n]) || isWritableStream(streams[n]) || isTransformStream(streams[n]))) {
        throw invalidArgValue('streams[' + n + ']', orgStreams[n], 'must be writable');
      }
    }
    let ondrain, onfinish, onreadable, onclose, d;
    function onfinished(err) {
      const cb = onclose;
      onclose = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
      else if (!readable && !writable) d.destroy();
    }
    const head = streams[0];
    const tail = pipeline(streams, onfinished);
    const writable = !!(isWritable(head) || isWritableStream(head) || isTransformStream(head));
    const readable = !!(isReadable(tail) || isReadableStream(tail) || isTransformStream(tail));
    d = new Duplex({
      writableObjectMode: !!(head && head.writableObjectMode),
      readableObjectMode: !!(tail && tail.readableObjectMode),
      writable,
      readable,
    });
    if (writable) {
      if (isNodeStream(head)) {
        d._write = function(chunk, encoding, callback) {
          if (head.write(chunk, encoding)) callback();
          else ondrain = callback;
        };
        d._final = function(callback) {
          head.end();
          onfinish = callback;
        };
        head.on('drain', function() {
          if (ondrain) {
            const cb = ondrain;
            ondrain = null;
            cb();
          }
        });
      } else {
        const w = isTransformStream(head) ? head.writable : head;
        const writer = w.getWriter();
        d._write = function(chunk, encoding, callback) {
          writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
        };
        d._final = function(callback) {
          writer.ready.then(() => writer.close()).then(() => {}, nop);
          onfinish = callback;
        };
      }
      const toRead = isTransformStream(tail) ? tail.readable : tail;
      eos(toRead, () => {
        if (onfinish) {
          const cb = onfinish;
          onfinish = null;
          cb();
        }
      });
    }
    if (readable) {
      if (isNodeStream(tail)) {
        tail.on('readable', function() {
          if (onreadable) {
            const cb = onreadable;
            onreadable = null;
            cb();
          }
        });
        tail.on('end', function() { d.push(null); });
        d._read = function() {
          while (true) {
            const buf = tail.read();
            if (buf === null) {
              onreadable = d._read;
              return;
            }
            if (!d.push(buf)) return;
          }
        };
      } else {
        const r = isTransformStream(tail) ? tail.readable : tail;
        const reader = r.getReader();
        d._read = function() {
          reader.read().then(({ value, done }) => {
            if (!d.push(done ? null : value)) return;
            if (!done) d._read();
          }, nop);
        };
      }
    }
    d._destroy = function(err, callback) {
      if (!err && onclose !== null) err = new AbortError();
      onreadable = null;
      ondrain = null;
      onfinish = null;
      if (onclose === null) {
        callback(err);
      } else {
        onclose = callback;
        if (isNodeStream(tail)) destroyer(tail, err);
      }
    };
    return d;
  }
  return compose;
})
//#end compose

// ---------------------------------------------------------------- addAbortSignal

function addAbortSignal(signal, stream) {
  // node's add-abort-signal has its own check: undefined is refused, null fails on 'in'
  if (typeof signal !== 'object' || !('aborted' in signal)) throw invalidArgType('signal', ['AbortSignal'], signal);
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = isNodeStream(stream) ?
    () => { stream.destroy(new errors.AbortError(undefined, { cause: signal.reason })); } :
    () => { webHooks().abortWeb(stream, new errors.AbortError(undefined, { cause: signal.reason })); };
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = addAbortListener(signal, onAbort);
    eos(stream, () => disposable.dispose());
  }
  return stream;
}

// ---------------------------------------------------------------- operators

let operatorParts_ = null;
function operatorParts() {
  return operatorParts_ || (operatorParts_ = binding.part('operators')({
    addAbortSignalNoValidate, compose, errors, finished, invalidArgType,
    invalidArgValue, isNodeStream, isWritable, iterate, kEmpty, kEof, kStop, nop, outOfRange,
    require, validateAbortSignal, validateInteger, validateObject,
  }));
}

//#part operators
(function makeOperatorParts({
  addAbortSignalNoValidate, compose, errors, finished, invalidArgType, invalidArgValue,
  isNodeStream, isWritable, iterate, kEmpty, kEof, kStop, nop, outOfRange, require,
  validateAbortSignal, validateInteger, validateObject,
}) { const { AbortError } = errors;
  function validateOperatorOptions(options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
  }

  // mapIterator is Readable.prototype.map's engine, with node's scheduling: a pump pulls from the
  // source and starts fn on each value while fewer than `concurrency` calls are unsettled and
  // fewer than concurrency + highWaterMark results wait in the queue (a settled result waits there
  // until it is consumed, without holding a concurrency slot); the consumer takes results in
  // source order. fn's signal is the caller's signal (stopping early does not abort it).
  // (concurrency and highWaterMark as map read them)
  function mapIterator(stream, fn, options, concurrency, highWaterMark) {
    const limit = concurrency + highWaterMark;
    // options.signal is read when iteration starts, as node's generator reads it (once)
    let signal;
    const ac = new AbortController();
    const fnOpts = { signal: ac.signal };
    function watchSignal() {
      signal = options == null ? undefined : options.signal;
      if (signal) {
        if (signal.aborted) ac.abort(signal.reason);
        else signal.addEventListener('abort', () => ac.abort(signal.reason), { once: true });
      }
    }
    const aborted = () => new AbortError(undefined, { cause: signal.reason });
    const src = stream[Symbol.asyncIterator]();
    const queue = []; // results (promises) in source order, then kEof
    let running = 0; // fn calls not yet settled
    let done = false; // the pump stops: source ended or failed, a result failed, or the consumer left
    let resume = null; // the paused pump's continuation
    let wake = null; // the waiting consumer's continuation
    let holding = false; // the consumer holds queue[0]: it is shifted on its next request
    let consumerDone = false; // the consumer is done (no more results)
    let chain = Promise.resolve(); // requests run one after another, as a generator's do

    function maybeResume() {
      if (resume !== null && !done && running < concurrency && queue.length < limit) {
        const r = resume;
        resume = null;
        Promise.resolve().then(r);
      }
    }
    function settled() {
      running--;
      maybeResume();
    }
    function failed() {
      done = true;
      settled();
    }
    function wakeConsumer() {
      if (wake !== null) {
        const w = wake;
        wake = null;
        w();
      }
    }
    function stopPump() {
      done = true;
      wakeConsumer();
    }
    function closeSource() {
      if (typeof src.return !== 'function') return;
      try {
        Promise.resolve(src.return()).then(nop, nop);
      } catch {
        // a throwing return() changes nothing here
      }
    }
    function pushFailure(err) {
      const p = Promise.reject(err);
      p.then(settled, failed);
      queue.push(p);
    }
    // pump is one turn of the loop over the source.
    function pump() {
      let step;
      try {
        step = src.next();
      } catch (err) {
        pushFailure(err);
        stopPump();
        return;
      }
      Promise.resolve(step).then((r) => {
        if (r.done) {
          queue.push(kEof);
          stopPump();
          return;
        }
        if (done) {
          closeSource();
          stopPump();
          return;
        }
        if (signal && signal.aborted) {
          closeSource();
          pushFailure(aborted());
          stopPump();
          return;
        }
        let val;
        try {
          val = fn(r.value, fnOpts);
          if (val === kEmpty) {
            pump();
            return;
          }
          val = Promise.resolve(val);
        } catch (err) {
          val = Promise.reject(err);
        }
        running++;
        val.then(settled, failed);
        queue.push(val);
        wakeConsumer();
        if (!done && (queue.length >= limit || running >= concurrency)) resume = pump;
        else pump();
      }, (err) => {
        pushFailure(err);
        stopPump();
      });
    }
    // finish is the consumer's end: the pump stops (a paused one takes one more turn and
    // closes the source, as node's loop does).
    function finish() {
      consumerDone = true;
      done = true;
      if (resume !== null) {
        const r = resume;
        resume = null;
        Promise.resolve().then(r);
      }
    }
    function take() {
      if (holding) {
        holding = false;
        queue.shift();
        maybeResume();
      }
      if (queue.length === 0) {
        return new Promise((r) => { wake = r; }).then(take);
      }
      return Promise.resolve(queue[0]).then((val) => {
        if (val === kEof) {
          finish();
          return { value: undefined, done: true };
        }
        if (signal && signal.aborted) {
          finish();
          throw aborted();
        }
        if (val === kEmpty) {
          queue.shift();
          maybeResume();
          return take();
        }
        holding = true;
        return { value: val, done: false };
      }, (err) => {
        finish();
        throw err;
      });
    }
    // request runs f at once when no request is pending (a generator's body runs in next()),
    // else after the pending ones.
    let pendingRequests = 0;
    function request(f) {
      let p;
      if (pendingRequests === 0) {
        try {
          p = Promise.resolve(f());
        } catch (err) {
          p = Promise.reject(err);
        }
      } else {
        p = chain.then(f);
      }
      pendingRequests++;
      // settled before the caller's own reactions run, so a request made from them runs at once
      const settled = () => { pendingRequests--; };
      chain = p.then(settled, settled);
      return p;
    }
    let pumping = false;
    const it = {
      next() {
        return request(() => {
          if (consumerDone) return { value: undefined, done: true };
          if (!pumping) {
            pumping = true;
            watchSignal();
            pump();
          }
          return take();
        });
      },
      return(value) {
        return request(() => {
          if (!consumerDone) finish(); // a pump never started leaves the source alone, as node's
          return { value, done: true };
        });
      },
      throw(err) {
        return request(() => {
          if (!consumerDone) finish(); // a pump never started leaves the source alone, as node's
          throw err;
        });
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return it;
  }

  function map(fn, options) {
    if (typeof fn !== 'function') throw invalidArgType('fn', ['Function', 'AsyncFunction'], fn);
    validateOperatorOptions(options);
    // As node: the values are floored first, then checked (2.5 is 2, 'x' is NaN: out of range).
    let concurrency = 1;
    if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
    let highWaterMark = concurrency - 1;
    if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
    validateInteger(concurrency, 'options.concurrency', 1);
    validateInteger(highWaterMark, 'options.highWaterMark', 0);
    return mapIterator(this, fn, options, concurrency, highWaterMark);
  }

  function filter(fn, options) {
    if (typeof fn !== 'function') throw invalidArgType('fn', ['Function', 'AsyncFunction'], fn);
    function filterFn(value, opts) {
      return Promise.resolve(fn(value, opts)).then((keep) => (keep ? value : kEmpty));
    }
    return map.call(this, filterFn, options);
  }

  function forEach(fn, options) {
    if (typeof fn !== 'function') throw invalidArgType('fn', ['Function', 'AsyncFunction'], fn);
    function forEachFn(value, opts) {
      return Promise.resolve(fn(value, opts)).then(() => kEmpty);
    }
    const it = map.call(this, forEachFn, options);
    return iterate(it, nop);
  }

  function toArray(options) {
    validateOperatorOptions(options);
    const result = [];
    const signal = options && options.signal;
    return iterate(this, (val) => {
      if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      result.push(val);
    }).then(() => result);
  }

  function some(fn, options) {
    let found = false;
    return iterate(filter.call(this, fn, options), () => {
      found = true;
      return kStop;
    }).then(() => found);
  }

  function every(fn, options) {
    if (typeof fn !== 'function') throw invalidArgType('fn', ['Function', 'AsyncFunction'], fn);
    return some.call(this, (...args) => Promise.resolve(fn(...args)).then((v) => !v), options).then((v) => !v);
  }

  function find(fn, options) {
    let result;
    return iterate(filter.call(this, fn, options), (v) => {
      result = v;
      return kStop;
    }).then(() => result);
  }

  function reduce(reducer, initialValue, options) {
    if (typeof reducer !== 'function') throw invalidArgType('reducer', ['Function', 'AsyncFunction'], reducer);
    let hasInitialValue = arguments.length > 1;
    validateOperatorOptions(options);
    const signal = options && options.signal;
    if (signal && signal.aborted) {
      const err = new AbortError(undefined, { cause: signal.reason });
      this.once('error', nop);
      return finished(this.destroy(err)).then(() => { throw err; }, () => { throw err; });
    }
    const ac = new AbortController();
    const lsignal = ac.signal;
    if (signal) signal.addEventListener('abort', () => ac.abort(), { once: true });
    let gotAnyItemFromStream = false;
    const stream = this;
    return iterate(this, (value) => {
      gotAnyItemFromStream = true;
      if (signal && signal.aborted) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        return Promise.resolve(reducer(initialValue, value, { signal: lsignal })).then((v) => { initialValue = v; });
      }
    }).then(() => {
      if (!gotAnyItemFromStream && !hasInitialValue) {
        throw errors.codeErrorSaying('ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');
      }
      ac.abort();
      return initialValue;
    }, (err) => {
      ac.abort();
      throw err;
    });
  }

  function toIntegerOrInfinity(number) {
    number = Number(number);
    if (number !== number) return 0;
    if (number < 0) {
      throw outOfRange('number', '>= 0', number);
    }
    return Math.trunc(number);
  }

  // forAwaitGenerator is, by hand, node's async generator shape for take and drop:
  //   async function* () { before(); for await (const v of stream) { if (body(v)) yield v; if (after()) return; } }
  // before runs at the first next() (a generator's body starts there), the source's iterator is
  // made then, an exception in before or body leaves the loop (closing the source if it was open),
  // and after is checked when the consumer asks again, so the source is closed only then.
  function forAwaitGenerator(stream, before, body, after) {
    let state = 'start'; // 'start', 'yielded' (suspended at the yield), 'done'
    let src = null;
    let busy = null; // the pending request: later ones wait for it, as a generator's queue
    function closeSource(then) {
      const fail = (err) => { throw err; };
      let p;
      try {
        p = typeof src.return === 'function' ? src.return() : undefined;
      } catch (err) {
        return Promise.reject(err);
      }
      return Promise.resolve(p).then(() => then(), (err) => fail(err));
    }
    function leave(err) {
      state = 'done';
      // a throw inside the loop closes the source; the loop's error wins over return()'s
      return closeSource(() => { throw err; }).then(null, () => { throw err; });
    }
    function loop() {
      return Promise.resolve(src.next()).then((r) => {
        if (r.done) {
          state = 'done';
          return { value: undefined, done: true };
        }
        let y;
        try {
          y = body(r.value);
        } catch (err) {
          return leave(err);
        }
        if (y) {
          state = 'yielded';
          return { value: r.value, done: false };
        }
        return resume();
      }, (err) => {
        state = 'done';
        throw err;
      });
    }
    function resume() {
      let stop;
      try {
        stop = after();
      } catch (err) {
        return leave(err);
      }
      if (stop) {
        state = 'done';
        return closeSource(() => ({ value: undefined, done: true }));
      }
      return loop();
    }
    function request(op) {
      let p;
      if (busy === null) {
        try {
          p = Promise.resolve(op());
        } catch (err) {
          p = Promise.reject(err);
        }
      } else {
        p = busy.then(op, op);
      }
      const mark = p.then(nop, nop);
      busy = mark;
      mark.then(() => { if (busy === mark) busy = null; });
      return p;
    }
    return {
      next() {
        return request(() => {
          if (state === 'done') return { value: undefined, done: true };
          if (state === 'yielded') return resume();
          try {
            before();
            src = stream[Symbol.asyncIterator]();
          } catch (err) {
            state = 'done';
            throw err;
          }
          return loop();
        });
      },
      return(value) {
        return request(() => {
          const wasSuspended = state === 'yielded';
          state = 'done';
          if (wasSuspended) return closeSource(() => ({ value, done: true }));
          return { value, done: true };
        });
      },
      throw(err) {
        return request(() => {
          const wasSuspended = state === 'yielded';
          state = 'done';
          if (wasSuspended) return leave(err);
          throw err;
        });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  // take and drop read options.signal (as node's generators: `options?.signal?.aborted`) when
  // iteration starts and at each value; take(0) still pulls one value, then closes the source.
  function abortedCheck(options) {
    return () => {
      const signal = options == null ? undefined : options.signal;
      if (signal != null && signal.aborted) throw new AbortError();
    };
  }

  // counted is take's and drop's body: pass(n) says, from the count left, whether a value goes
  // on; done(n) whether the source can be closed early.
  // (take and drop check their arguments themselves, as node's: a bad count's frames are
  // toIntegerOrInfinity's and the operator's)
  function counted(stream, number, options, pass, done) {
    const checkAborted = abortedCheck(options);
    return forAwaitGenerator(stream, checkAborted, () => {
      checkAborted();
      return pass(number--);
    }, () => done(number));
  }

  function take(number, options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
    number = toIntegerOrInfinity(number);
    return counted(this, number, options, (n) => n > 0, (n) => n <= 0);
  }

  function drop(number, options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
    number = toIntegerOrInfinity(number);
    return counted(this, number, options, (n) => n <= 0, () => false);
  }

  function flatMap(fn, options) {
    const values = map.call(this, fn, options);
    let inner = null;
    return {
      next() {
        const pullOuter = () => values.next().then((r) => {
          if (r.done) return r;
          const v = r.value;
          if (v != null && (typeof v[Symbol.asyncIterator] === 'function' || typeof v[Symbol.iterator] === 'function') &&
              typeof v !== 'string') {
            inner = typeof v[Symbol.asyncIterator] === 'function' ? v[Symbol.asyncIterator]() : v[Symbol.iterator]();
            return pullInner();
          }
          return { value: v, done: false };
        });
        const pullInner = () => Promise.resolve(inner.next()).then((r) => {
          if (r.done) {
            inner = null;
            return pullOuter();
          }
          return { value: r.value, done: false };
        });
        return inner ? pullInner() : pullOuter();
      },
      return(value) { return values.return(value); },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  // As node 20's async generator: it pulls a value before it checks the signal (an empty stream
  // ends without an error), and its AbortError is made from an options bag, so the message is
  // '[object Object]' and there is no cause. Leaving early closes the source.
  function asIndexedPairs(options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
    const signal = options && options.signal;
    const stream = this;
    let src = null;
    let index = 0;
    const close = () => (src && src.return ? Promise.resolve(src.return()) : Promise.resolve());
    return {
      next() {
        if (src === null) src = stream[Symbol.asyncIterator]();
        return src.next().then((r) => {
          if (r.done) return r;
          if (signal && signal.aborted) {
            const err = new AbortError({ cause: signal.reason });
            return close().then(() => { throw err; });
          }
          return { value: [index++, r.value], done: false };
        });
      },
      return(value) {
        return close().then(() => ({ value, done: true }));
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  function composeOperator(stream, options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
    if (isNodeStream(stream) && !isWritable(stream)) {
      throw invalidArgValue('stream', stream, 'must be writable');
    }
    const composedStream = compose(this, stream);
    if (options && options.signal) addAbortSignalNoValidate(options.signal, composedStream);
    return composedStream;
  }
  const deprecatedAsIndexedPairs =
    require('util').deprecate(asIndexedPairs, 'readable.asIndexedPairs will be removed in a future version.');
  return { asIndexedPairs: deprecatedAsIndexedPairs, drop, filter, flatMap, map, take, composeOperator, every, forEach, reduce, toArray, some, find };
})
//#end operators

// The operators' names and lengths (Node's), in the order Node defines them.
const streamReturningOperators = { asIndexedPairs: 0, drop: 1, filter: 2, flatMap: 2, map: 2, take: 1 };
const promiseReturningOperators = { every: 1, forEach: 2, reduce: 3, toArray: 1, some: 1, find: 2 };

for (const key of Object.keys(streamReturningOperators)) {
  const fn = function(...args) {
    if (new.target) throw codeError('ERR_ILLEGAL_CONSTRUCTOR');
    return Readable.from(Reflect.apply(operatorParts()[key], this, args));
  };
  // Node names each after its operator, and asIndexedPairs's is util.deprecate's wrapper.
  Object.defineProperty(fn, 'name', { __proto__: null, value: key === 'asIndexedPairs' ? 'deprecated' : key });
  Object.defineProperty(fn, 'length', { __proto__: null, value: streamReturningOperators[key] });
  Object.defineProperty(Readable.prototype, key, { __proto__: null, value: fn, enumerable: false, configurable: true, writable: true });
}
Object.defineProperty(Readable.prototype, 'compose', {
  __proto__: null,
  value: function compose(stream, options) {
    return operatorParts().composeOperator.call(this, stream, options);
  },
  enumerable: false, configurable: true, writable: true,
});
for (const key of Object.keys(promiseReturningOperators)) {
  const fn = function(...args) {
    if (new.target) throw codeError('ERR_ILLEGAL_CONSTRUCTOR');
    try {
      return Reflect.apply(operatorParts()[key], this, args);
    } catch (err) {
      return Promise.reject(err);
    }
  };
  Object.defineProperty(fn, 'name', { __proto__: null, value: key });
  Object.defineProperty(fn, 'length', { __proto__: null, value: promiseReturningOperators[key] });
  Object.defineProperty(Readable.prototype, key, { __proto__: null, value: fn, enumerable: false, configurable: true, writable: true });
}

// ---------------------------------------------------------------- web stream hooks

// The web-stream side (internal/webstreams) registers itself here when loaded, so Readable.toWeb
// and friends reach it lazily without a require cycle.
let webImpl = null;
function webHooks() {
  if (webImpl === null) webImpl = require('internal/webstreams').nodeHooks;
  return webImpl;
}

// (the adapters are called as methods, as node's: frames show Object.newStreamReadableFromReadableStream)
Readable.fromWeb = function(readableStream, options) { return webHooks().adapters().newStreamReadableFromReadableStream(readableStream, options); };
Readable.toWeb = function(streamReadable, options) { return webHooks().adapters().newReadableStreamFromStreamReadable(streamReadable, options); };
Writable.fromWeb = function(writableStream, options) { return webHooks().adapters().newStreamWritableFromWritableStream(writableStream, options); };
Writable.toWeb = function(streamWritable) { return webHooks().adapters().newWritableStreamFromStreamWritable(streamWritable); };
Duplex.fromWeb = function(pair, options) { return webHooks().adapters().newStreamDuplexFromReadableWritablePair(pair, options); };
Duplex.toWeb = function(duplex) { return webHooks().adapters().newReadableWritablePairFromDuplex(duplex); };
// node's key order (what console.log(require('stream')) shows): Readable.wrap after toWeb,
// Duplex.from after fromWeb and toWeb.
// The methods node assigns as anonymous function expressions have '' for a name (util.inspect:
// [Function (anonymous)]); here they are named for the engine's stack frames, which keep the
// name they were made with. (Duplex shares Writable's.)
for (const [C, keys] of [
  [Readable, ['_read', 'isPaused', 'iterator', 'on', 'pause', 'removeAllListeners', 'removeListener', 'setEncoding',
    'unpipe', 'unshift', 'wrap']],
  [Writable, ['cork', 'end', 'uncork']],
  [Transform, ['_read', '_transform']],
  [PassThrough, ['_transform']],
]) {
  for (const k of keys) {
    const fn = C.prototype[k];
    if (typeof fn === 'function') Object.defineProperty(fn, 'name', { __proto__: null, value: '' });
  }
}
if (typeof Transform.prototype._final === 'function') {
  Object.defineProperty(Transform.prototype._final, 'name', { __proto__: null, value: 'final' });
}
for (const [C, k] of [[Readable, 'wrap'], [Duplex, 'from']]) {
  const d = { __proto__: null, ...Object.getOwnPropertyDescriptor(C, k) };
  delete C[k];
  Object.defineProperty(C, k, d);
}

// ---------------------------------------------------------------- duplexPair

let DuplexSide_ = null;
function duplexPair(options) {
  const DuplexSide = DuplexSide_ || (DuplexSide_ = binding.part('duplexside')({ Duplex, nextTick }));
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0._otherSide = side1;
  side1._otherSide = side0;
  return [side0, side1];
}

//#part duplexside
(function makeDuplexSide({ Duplex, nextTick }) {
  function DuplexSide(options) {
    Duplex.call(this, options);
    this._otherSide = null;
    this._pendingCallback = null;
  }
  Object.setPrototypeOf(DuplexSide.prototype, Duplex.prototype);
  Object.setPrototypeOf(DuplexSide, Duplex);
  DuplexSide.prototype._read = function _read() {
    const callback = this._pendingCallback;
    if (callback) {
      this._pendingCallback = null;
      callback();
    }
  };
  DuplexSide.prototype._write = function(chunk, encoding, callback) {
    if (chunk.length === 0) {
      nextTick(callback);
    } else {
      this._otherSide.push(chunk);
      this._otherSide._pendingCallback = callback;
    }
  };
  DuplexSide.prototype._final = function _final(callback) {
    this._otherSide.on('end', callback);
    this._otherSide.push(null);
  };
  return DuplexSide;
})
//#end duplexside

// ---------------------------------------------------------------- exports

const promises = {
  finished,
  pipeline(...streams) {
    return new Promise((resolve, reject) => {
      let signal;
      let end;
      const lastArg = streams[streams.length - 1];
      if (lastArg && typeof lastArg === 'object' && !isNodeStream(lastArg) && !isIterable(lastArg) && !isWebStream(lastArg)) {
        const options = streams.pop();
        signal = options.signal;
        end = options.end;
      }
      try {
        pipelineImpl(streams, (err, value) => {
          if (err) reject(err);
          else resolve(value);
        }, { signal, end });
      } catch (err) {
        throw err && err.code === 'ERR_MISSING_ARGS' ? missingStreamsAtNode(err) : err;
      }
    });
  },
};

// missingStreamsAtNode gives the ERR_MISSING_ARGS of stream/promises' pipeline with too few
// streams node 20.20's frames (pipelineImpl's check, the promise's executor and the pipeline
// function, named as ours is) and the excerpt of its rejection. It returns err.
function missingStreamsAtNode(err) {
  try {
    const lines = err.stack.split('\n');
    const first = lines.findIndex((l) => l.startsWith('    at '));
    let outer = first;
    while (outer !== -1 && outer < lines.length && !/^ {4}at (?:.*\.)?pipeline \(node:internal\/streams:\d+:\d+\)$/.test(lines[outer])) outer++;
    if (first !== -1 && outer < lines.length) {
      const name = /^ {4}at (.*) \(/.exec(lines[outer])[1];
      lines.splice(first, outer + 1 - first, '    at pipelineImpl (node:internal/streams/pipeline:193:11)',
        '    at node:stream/promises:31:5', '    at new Promise (<anonymous>)', `    at ${name} (node:stream/promises:20:10)`);
      err.stack = lines.join('\n');
    }
    require('internal/errors').putArrowMessage(err, "node:internal/streams/pipeline:193\n    throw new ERR_MISSING_ARGS('streams');\n          ^\n");
  } catch {
    // (a frozen error, a throwing stack getter: left as it is)
  }
  return err;
}

Object.defineProperty(pipeline, customPromisify, { __proto__: null, enumerable: true, get() { return promises.pipeline; } });
Object.defineProperty(eos, customPromisify, { __proto__: null, enumerable: true, get() { return promises.finished; } });

Stream.isDestroyed = isDestroyed;
Stream.isDisturbed = isDisturbed;
Stream.isErrored = isErrored;
Stream.isReadable = isReadable;
Stream.isWritable = isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = duplexPair;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', { __proto__: null, configurable: true, enumerable: true, get() { return promises; } });
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = isUint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) { return uint8ArrayToBuffer(chunk); };

module.exports = {
  Stream, promises, iterate, kStop, eos, finished, pipelineImpl, destroyer, isNodeStream, isWebStream,
  isReadableNodeStream, isWritableNodeStream, isIterable, isDestroyed, isReadableErrored, isWritableErrored,
  kIsDisturbed, kIsErrored, kIsReadable, kIsWritable, errorOrDestroy, validateObject,
  validateFunction, validateAbortSignal, invalidArgType, createAsyncIterator,
  // for net's sockets whose stream states are made late (net.js's lite end of stream): the
  // steps a state made half-way through an end, a final or a destroy continues with
  endReadableNT, finalDone, finish, destroyDone, emitCloseNT,
  get AbortError() { return errors.AbortError; },
  // (node's internal/streams/utils, for node's own tests under --expose-internals)
  isDuplexNodeStream, isReadableStream, isWritableStream, isTransformStream, isWritableEnded,
  isWritableFinished, isReadableFinished, isClosed, isServerRequest, isFinished, willEmitClose,
};
