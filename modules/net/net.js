'use strict';
// node's internals keep timers of their own: a program replacing the global setTimeout and the
// others (fake timers in tests) does not stop sockets, servers or children timing out
let timersMod;
function timers() { return timersMod || (timersMod = require('timers')); }
// net: Server and Socket over the Go handles in net.go. Socket is a stream.Duplex whose
// _read starts the Go reader and whose _write hands buffers to Go; events follow Node 20's order.

const EventEmitter = require('events');
// stream loads with the first socket, not with net (nor http): until then Socket's prototype
// chain goes through stand-ins that load it on the first lookup reaching them
// (runtime/lazyproto.go).
let Stream, Duplex, ReadableState, WritableState;
function loadStream() {
  if (Stream === undefined) {
    Stream = require('stream');
    Duplex = Stream.Duplex;
    ReadableState = Stream.Readable.ReadableState;
    WritableState = Stream.Writable.WritableState;
  }
}
const lazyProto = internalBinding('internal/lazy_proto');
// node's built-in diagnostics channels, once the program loads diagnostics_channel.
let dc = null;
lazyProto.whenLoaded('diagnostics_channel', () => { dc = require('internal/dc_builtin').channels; });
// buffer loads on first use, not when this module does (a runtime that only requires it does
// not build Buffer's ~150 methods).
let Buffer_;
function lazyBuffer() { return Buffer_ || (Buffer_ = require('buffer').Buffer); }
// internal/errors and internal/validators load on the first error or validation, not with
// this module.
let errorsMod, validatorsMod;
function errs() { return errorsMod || (errorsMod = require('internal/errors')); }
function vals() { return validatorsMod || (validatorsMod = require('internal/validators')); }

const UV_EOF = -4095;
const kBytesRead = Symbol('kBytesRead');
// set by onReadableStreamEnd: the readable side emitted 'end' (node's write is writeAfterFIN then)
const kEndEmitted = Symbol('kEndEmitted');
const kBytesWritten = Symbol('kBytesWritten');
const kTimeout = Symbol('kTimeout');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kPendingWrites = Symbol('kPendingWrites');
const normalizedArgsSymbol = Symbol('normalizedArgs');
const kStateOptions = Symbol('kStateOptions');
const kSharedStateOptions = Symbol('kSharedStateOptions');
const kReadStarted = Symbol('kReadStarted');
const kServerSocketOptions = Symbol('kServerSocketOptions');
// the onread option's buffer (or true while a buffer function gives them), callback and buffer
// function, as node's; kUserReads holds what was read but not yet handed to the callback
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const kBufferGen = Symbol('kBufferGen');
const kUserReads = Symbol('kUserReads');

let dns;
// (node's --[no-]network-family-autoselection and --network-family-autoselection-attempt-timeout
// set the defaults; a timeout that is no number is 0, as node reads it)
let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;
{
  const opt = require('internal/options').getOptionValue;
  if (opt('--no-network-family-autoselection') || opt('--no-enable-network-family-autoselection')) autoSelectFamilyDefault = false;
  const t = opt('--network-family-autoselection-attempt-timeout');
  if (t !== undefined) autoSelectFamilyAttemptTimeoutDefault = Number.parseInt(t, 10) || 0;
}

// ---------------------------------------------------------------- errors

function describe(v) { return binding.describe(v); }

function badPort(name, port, allowZero = true) {
  return errs().makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
    `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${describe(port)}.`);
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw badPort(name, port, allowZero);
  }
  return port | 0;
}

function invalidIP(ip) {
  // (node's message formats the value with %s: an object is inspected)
  return errs().makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', require('util').format('Invalid IP address: %s', ip)); // at: -
}

// invalidFamily is Node's ERR_INVALID_ADDRESS_FAMILY: a RangeError that carries the host and
// port the lookup was for.
function invalidFamily(addressType, host, port) {
  const err = errs().makeNodeError(RangeError, 'ERR_INVALID_ADDRESS_FAMILY',
    `Invalid address family: ${addressType} ${host}:${port}`);
  err.host = host;
  err.port = port;
  return err;
}

function errnoException(err, syscall, original) {
  const code = binding.errname(err);
  const ex = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}


function uvExceptionWithHostPort(err, syscall, address, port) {
  const code = binding.errname(err);
  const uvmsg = binding.strerror(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const ex = new Error(`${syscall} ${code}: ${uvmsg}${details}`);
  ex.code = code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// ---------------------------------------------------------------- addresses

// node's 'net' performance entries ('connect', for TCP): internal/perf/observe says whether they
// are observed (loaded on the first connect; perf_hooks itself is not).
let perfObserve;
function perf() { return perfObserve || (perfObserve = require('internal/perf/observe')); }
const kPerfConnect = Symbol('perfConnect');

function isIPv4(s) { return binding.isIP(`${s}`) === 4; }
function isIPv6(s) { return binding.isIP(`${s}`) === 6; }
function isIP(s) { return binding.isIP(`${s}`); }

function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }
function isPipeName(s) { return typeof s === 'string' && toNumber(s) === false; }

function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb !== 'function' ? [options, null] : [options, cb];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

// ---------------------------------------------------------------- Socket

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (Stream === undefined) loadStream();
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.objectMode || options.readableObjectMode || options.writableObjectMode) {
    // node: a socket carries bytes only
    const key = options.objectMode ? 'objectMode' : options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
    throw new (errs().codes.ERR_INVALID_ARG_VALUE)(`options.${key}`, options[key], 'is not supported');
  }
  if (options.fd !== undefined) {
    // a connected stream socket's descriptor (received from another process, inherited...)
    // (node's createHandle: a TCP socket or a "PIPE", a Unix socket or a pipe)
    vals().validateInt32(options.fd, 'fd', 0); // at: createHandle@net:172:3, net:425:20
    const type = binding.guessHandleType(options.fd);
    if (type !== 'TCP' && type !== 'PIPE') throw errs().makeNodeError(TypeError, 'ERR_INVALID_FD_TYPE', `Unsupported fd type: ${type}`); // at: createHandle@net:186:9, net:425:20 | 3 |   throw new ERR_INVALID_FD_TYPE(type);
    const h = binding.adoptConn(options.fd);
    if (typeof h === 'number') throw errnoException(h, 'open');
    options.handle = h;
    delete options.fd;
  }
  // connecting, _hadError, _parent, _host and _sockname default to the prototype's values
  // (a goja object with more than eight own properties costs twice the memory).
  if (this.connecting !== false) this.connecting = false;
  if (this._hadError !== false) this._hadError = false;
  this._handle = null;
  if (this._parent !== null) this._parent = null;
  if (this._host !== null) this._host = null;

  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  const shared = options[kSharedStateOptions];
  // A socket given its own high water marks makes its stream states now, so that bad ones throw here.
  if (options.readable === false || options.writable === false || options.signal || (options.handle && !shared) ||
      (!shared && (options.highWaterMark !== undefined || options.readableHighWaterMark !== undefined ||
        options.writableHighWaterMark !== undefined))) {
    Duplex.call(this, options);
  } else {
    // Duplex.call without the two stream states: an idle socket never needs them, so they are
    // made on first use (see the _readableState/_writableState accessors below).
    if (this._events === undefined) {
      this._events = {
        close: undefined, error: undefined, prefinish: undefined, finish: undefined,
        drain: undefined, data: undefined, end: undefined, readable: undefined,
      };
    }
    this.allowHalfOpen = options.allowHalfOpen;
    this[kStateOptions] = shared || options;
    Stream.call(this, options);
  }

  // node's constructor listens to its own 'end' (onReadableStreamEnd, which swaps write for
  // writeAfterFIN); the shared listener is put in place without on(), its work done by writeSlow.
  if (this._events.end === undefined) {
    this._events.end = onReadableStreamEnd;
    this._eventsCount++;
  }

  // onread: reads go into the caller's buffer and to its callback instead of 'data' (an
  // onread that is not { buffer: Uint8Array or function, callback: function } is ignored)
  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' &&
      (isUint8Array(onread.buffer) || typeof onread.buffer === 'function') && typeof onread.callback === 'function') {
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
    }
    this[kBufferCb] = onread.callback;
  }
  // (as node's, always: a socket its aborted signal destroyed in Duplex.call is made whole again)
  if (options.handle) this._handle = options.handle;
  initSocketHandle(this);
  this.server = null;
  this._server = null;
  // Per-socket defaults live on the prototype (an idle socket should be small); only values
  // that differ are set on the instance.
  if (options.noDelay) this[kSetNoDelay] = true;
  if (options.keepAlive) this[kSetKeepAlive] = true;
  if (options.keepAliveInitialDelay !== undefined) {
    // checked as node's constructor checks it (a negative delay is 0)
    vals().validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay > 0) this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
  }

  // (options.signal is the stream's: Duplex.call above checks it, listens to it and destroys
  // the socket with an AbortError, at once if it is aborted already)

  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      if (shared && shared[kReadStarted] && !hasOwn(this, '_readableState')) {
        // What read(0) does on a fresh socket, leaving the state to be made with
        // reading/needReadable set (materializeReadable).
        if (!this._handle.reading) tryReadStart(this);
      } else {
        this.read(0);
      }
    }
  }
}
{
  const protoStandIn = lazyProto.standIn('stream', EventEmitter.prototype, false);
  const ctorStandIn = lazyProto.standIn('stream', EventEmitter, true);
  Object.setPrototypeOf(Socket.prototype, protoStandIn);
  Object.setPrototypeOf(Socket, ctorStandIn);
  lazyProto.whenLoaded('stream', () => {
    loadStream();
    Object.setPrototypeOf(protoStandIn, Duplex.prototype);
    Object.setPrototypeOf(ctorStandIn, Duplex);
    Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
    Object.setPrototypeOf(Socket, Duplex);
  });
}

// The stream states of a socket are made on first use: a Duplex's two states are most of a
// socket's memory, and a server's idle connections never touch them.
function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
function ownState(self, name, value) {
  Object.defineProperty(self, name, { __proto__: null, value, writable: true, configurable: true, enumerable: true });
  return value;
}
function materializeReadable(self) {
  const opts = self[kStateOptions];
  const state = new ReadableState(opts, self, true);
  if (opts[kReadStarted]) {
    state.reading = true;
    state.needReadable = true;
    state.sync = false;
  }
  const f = self[kLite];
  if ((f & L_R_ENDED) !== 0) {
    // what push(null) and read(0) leave (onEofChunk, emitReadable_, endReadable)
    state.ended = true;
    state.reading = false;
    state.needReadable = false;
    state.emittedReadable = false;
    state.sync = false;
  }
  if ((f & L_R_END_EMITTED) !== 0) state.endEmitted = true;
  return ownLiteState(self, '_readableState', state, f);
}
function materializeWritable(self) {
  const state = new WritableState(self[kStateOptions], self, true);
  const f = self[kLite];
  if ((f & L_W_ENDING) !== 0) {
    // what end() leaves while _final runs (finishMaybe, prefinish, callFinal)
    state.ending = true;
    state.ended = true;
    state.finalCalled = true;
    state.sync = false;
    state.pendingcb = 1;
  }
  if ((f & L_W_FINAL_DONE) !== 0) state.pendingcb = 0;
  if ((f & L_W_PREFINISHED) !== 0) {
    state.prefinished = true;
    state.pendingcb = 1; // finish() is queued
  }
  if ((f & L_W_FINISHED) !== 0) {
    state.finished = true;
    state.pendingcb = 0;
  }
  return ownLiteState(self, '_writableState', state, f);
}
// ownLiteState sets what destroy's lite steps (bits f) leave, common to both states, and makes
// state self's own.
function ownLiteState(self, name, state, f) {
  if ((f & L_DESTROYED) !== 0) state.destroyed = true;
  if ((f & L_CLOSED) !== 0) state.closed = true;
  if ((f & L_CLOSE_EMITTED) !== 0) state.closeEmitted = true;
  return ownState(self, name, state);
}
Object.defineProperty(Socket.prototype, '_readableState', {
  __proto__: null,
  get() { return hasOwn(this, kStateOptions) ? materializeReadable(this) : undefined; },
  set(v) { ownState(this, '_readableState', v); },
  configurable: true, enumerable: false,
});
Object.defineProperty(Socket.prototype, '_writableState', {
  __proto__: null,
  get() { return hasOwn(this, kStateOptions) ? materializeWritable(this) : undefined; },
  set(v) { ownState(this, '_writableState', v); },
  configurable: true, enumerable: false,
});
// The end of a socket whose stream states were never made. A server's connection that only
// the http parser reads (it takes the bytes from the handle) makes neither state, and when its
// peer closes, the end of the stream, the end of the writable side and the destroy would each
// make both (6-13 KB a connection, all at once when a thousand clients go). Instead the steps
// Readable, Writable and destroy would take are taken here in the same order, with the same
// events and ticks, and recorded in socket[kLite]; a state made at any point (any read of a
// stream property) starts from what the bits say (materializeReadable/Writable), and a step
// still pending then continues on the real state with the stream module's own function.
const kLite = Symbol('kLite');
Socket.prototype[kLite] = 0;
const L_R_ENDED = 1; // push(null) and read(0) done
const L_R_END_EMITTED = 2;
const L_W_ENDING = 4; // end() called, _final running
const L_W_FINAL_DONE = 8;
const L_W_PREFINISHED = 16; // 'prefinish' emitted, finish() queued
const L_W_FINISHED = 32;
const L_DESTROYED = 64;
const L_CLOSED = 128; // _destroy called back
const L_CLOSE_EMITTED = 256;
let streamsInternal;
function streams() { return streamsInternal || (streamsInternal = require('internal/streams')); }
function hasStates(self) { return hasOwn(self, '_readableState') || hasOwn(self, '_writableState'); }
// isDestroyed is self.destroyed without making the states.
function isDestroyed(self) {
  return !hasOwn(self, kStateOptions) || hasStates(self) ? self.destroyed : (self[kLite] & L_DESTROYED) !== 0;
}
// readableHighWaterMark is self.readableHighWaterMark without making the readable state (a
// socket without one was given no high water mark of its own).
function readableHighWaterMark(self) {
  const o = hasOwn(self, kStateOptions) && !hasOwn(self, '_readableState') ? self[kStateOptions] : undefined;
  if (o === undefined || o.highWaterMark !== undefined) return self.readableHighWaterMark;
  const hwm = o.readableHighWaterMark;
  if (hwm === undefined) {
    if (Stream === undefined) loadStream();
    return Stream.getDefaultHighWaterMark(false);
  }
  // (a server's, which the state would take as it is)
  return Number.isSafeInteger(hwm) && hwm >= 0 ? hwm : self.readableHighWaterMark;
}

// liteEOF is onStreamRead's push(null) and read(0) for a socket without a readable state.
function liteEOF(self) {
  const f = self[kLite];
  if ((f & L_R_END_EMITTED) !== 0) return;
  self[kLite] = f | L_R_ENDED;
  process.nextTick(liteEndNT, self);
}

// liteEndNT is Readable's endReadableNT.
function liteEndNT(self) {
  if (hasOwn(self, '_readableState')) {
    streams().endReadableNT(self._readableState, self);
    return;
  }
  const f = self[kLite];
  if ((f & (L_R_END_EMITTED | L_CLOSE_EMITTED)) !== 0) return;
  self[kLite] = f | L_R_END_EMITTED;
  self.emit('end');
  if (liteWritable(self) && self.allowHalfOpen === false) {
    process.nextTick(liteEndWritableNT, self);
  } else if (hasOwn(self, '_writableState')) {
    const w = self._writableState;
    if (w.autoDestroy && (w.finished || w.writable === false)) self.destroy();
  } else if ((self[kLite] & L_W_FINISHED) !== 0) {
    self.destroy();
  }
}

// liteWritable is self.writable without making the writable state.
function liteWritable(self) {
  return hasOwn(self, '_writableState') ? self.writable : (self[kLite] & (L_W_ENDING | L_DESTROYED)) === 0;
}

function liteEndWritableNT(self) {
  if (hasStates(self) ? self.writable && !self.writableEnded && !self.destroyed : liteWritable(self)) self.end();
}

// liteEnd is socket.end() for a writable socket without a writable state (from http, which
// then writes nothing more to it); false when the socket has one, or is not writable.
function liteEnd(self) {
  if (hasOwn(self, '_writableState') || !hasOwn(self, kStateOptions) || !liteWritable(self)) return false;
  self[kLite] |= L_W_ENDING;
  const h = self._handle;
  if (self._final === socketFinal && h && !self.connecting) {
    // Socket.prototype._final's steps, with the shutdown's callback the only closure made
    const err = h.shutdown(() => liteFinalDone(self));
    if (err === 1 || err === -107) liteFinalDone(self);
    else if (err !== 0) liteFinalDone(self, errnoException(err, 'shutdown'));
    return true;
  }
  let called = false;
  const onFinal = (err) => {
    if (called) {
      streams().errorOrDestroy(self, err != null ? err : new (errs().codes.ERR_MULTIPLE_CALLBACK)());
      return;
    }
    called = true;
    liteFinalDone(self, err);
  };
  try {
    self._final(onFinal);
  } catch (err) {
    onFinal(err);
  }
  return true;
}

// liteFinalDone is what _final's callback does (Writable's callFinal).
function liteFinalDone(self, err) {
  if (err || hasOwn(self, '_writableState')) {
    streams().finalDone(self, self._writableState, err);
    return;
  }
  const f = self[kLite];
  if ((f & (L_DESTROYED | L_W_FINISHED | L_CLOSE_EMITTED)) !== 0) {
    self[kLite] = f | L_W_FINAL_DONE;
    return;
  }
  self[kLite] = f | L_W_FINAL_DONE | L_W_PREFINISHED;
  self.emit('prefinish');
  process.nextTick(liteFinishNT, self);
}

// liteFinishNT is Writable's finish.
function liteFinishNT(self) {
  if (hasOwn(self, '_writableState')) {
    streams().finish(self, self._writableState);
    return;
  }
  self[kLite] |= L_W_FINISHED;
  self.emit('finish');
  if (hasOwn(self, '_readableState')) {
    const r = self._readableState;
    if (r.autoDestroy && (r.endEmitted || r.readable === false)) self.destroy();
  } else if ((self[kLite] & L_R_END_EMITTED) !== 0) {
    self.destroy();
  }
}

// destroy() without an error of a socket with neither state: destroy's steps (destroyImpl).
Socket.prototype.destroy = function destroy(err, cb) {
  if (err == null && cb === undefined && !hasStates(this) && hasOwn(this, kStateOptions)) {
    liteDestroy(this);
    return this;
  }
  if (Stream === undefined) loadStream();
  return Duplex.prototype.destroy.call(this, err, cb);
};

function liteDestroy(self) {
  const f = self[kLite];
  if ((f & L_DESTROYED) !== 0) return;
  self[kLite] = f | L_DESTROYED;
  if (self._destroy === socketDestroy) {
    // Socket.prototype._destroy calls its callback at once, with no error (it was given none),
    // before its last step (the server's count): what the callback does is done first.
    self[kLite] |= L_CLOSED;
    process.nextTick(liteCloseNT, self);
    self._destroy(null, noop);
    return;
  }
  let called = false;
  const onDestroy = (err) => {
    if (called) return;
    called = true;
    if (err || hasStates(self)) {
      streams().destroyDone(self, err);
      return;
    }
    self[kLite] |= L_CLOSED;
    process.nextTick(liteCloseNT, self);
  };
  try {
    self._destroy(null, onDestroy);
  } catch (err) {
    onDestroy(err);
  }
}

// liteCloseNT is destroy's emitCloseNT (a socket's states have emitClose false: its 'close'
// comes from the handle's close).
function liteCloseNT(self) {
  if (hasStates(self)) streams().emitCloseNT(self);
  else self[kLite] |= L_CLOSE_EMITTED;
}

// Readable's on() reads the state for every event; only 'data' and 'readable' need it.
Socket.prototype.on = function on(ev, fn) {
  if (Stream === undefined) loadStream();
  if (ev !== 'data' && ev !== 'readable' && !hasOwn(this, '_readableState')) return Stream.prototype.on.call(this, ev, fn);
  const r = Duplex.prototype.on.call(this, ev, fn);
  if ((ev === 'data' || ev === 'readable') && readListenerHook !== null) readListenerHook(this, false);
  return r;
};
Socket.prototype.addListener = Socket.prototype.on;
Socket.prototype.prependListener = function prependListener(ev, fn) {
  if (Stream === undefined) loadStream();
  const r = Stream.prototype.prependListener.call(this, ev, fn);
  if ((ev === 'data' || ev === 'readable') && readListenerHook !== null) readListenerHook(this, true);
  return r;
};

// readListenerHook, once http's server sets it, hears of each 'data' or 'readable' listener added
// to a socket (prepended or not): a server that reads a socket's bytes itself hands them back to
// the stream then, as node's http server does by wrapping its sockets' on, addListener and
// prependListener. One function for the runtime, nothing per socket.
let readListenerHook = null;
function setReadListenerHook(fn) { readListenerHook = fn; }
Socket.prototype.connecting = false;
Socket.prototype._hadError = false;
Socket.prototype._parent = null;
Socket.prototype._host = null;
Socket.prototype._sockname = null;
Socket.prototype[kLastWriteQueueSize] = 0;
Socket.prototype[kTimeout] = null;
// socketTimers says some socket of this runtime has had an activity timer (kTimeout is set
// only by setTimeout below). Until one has, _unrefTimer has nothing to refresh on any socket
// (nor through its _parent chain), and the per-read and per-write fast paths skip the two
// property reads (four lookups up the prototype chain) that decide whether to call it.
let socketTimers = false;
// socket.timeout is set by setTimeout; the hidden default saves reads (http reads it per
// request) a walk up the whole prototype chain.
Object.defineProperty(Socket.prototype, 'timeout', { __proto__: null, value: undefined, writable: true, configurable: true, enumerable: false });
Socket.prototype[kSetNoDelay] = false;
Socket.prototype[kSetKeepAlive] = false;
Socket.prototype[kSetKeepAliveInitialDelay] = 0;
Socket.prototype[kBytesRead] = 0;
Socket.prototype._bytesDispatched = 0;
// (node's constructor sets these three on every socket)
Socket.prototype._closeAfterHandlingError = false;
Socket.prototype._pendingData = null;
Socket.prototype._pendingEncoding = '';
Socket.prototype[kBuffer] = null;
Socket.prototype[kBufferCb] = null;
Socket.prototype[kBufferGen] = null;

// ---------------------------------------------------------------- util.inspect view

// A socket keeps its defaults on the prototype and its stream states unmade until used (an idle
// socket stays small), so its own properties are not node's. util.inspect asks socketView
// (modules.SetInspectView) for the fields node's socket has, in node's order: its constructor's,
// then the ones set later and the program's own, then its symbols and the program's. Nothing is
// made until a socket is inspected (but the stream states, which reading them makes).
// (A TLSSocket has fields of its own before these: shown as it is. An http socket's come after.)
let socketViewParts = null;
function socketView(obj, accessor) {
  if (obj === Socket.prototype || hasOwn(obj, 'constructor') || hasOwn(obj, '_tlsOptions')) return undefined;
  if (socketViewParts === null) {
    socketViewParts = {
      asyncId: Symbol('async_id_symbol'), kHandle: Symbol('kHandle'), timeout: Symbol('timeout'),
      shapeMode: Symbol('shapeMode'), kCapture: Symbol('kCapture'), kBytesWritten: Symbol('kBytesWritten'),
      writeAfterFIN: { writeAfterFIN() {} }.writeAfterFIN,
      // this module's own keys node's sockets have not (or has under another name)
      internal: new Set(['_handle', '_bytesDispatched', kBytesRead, kEndEmitted, kBytesWritten, kTimeout,
        kSetNoDelay, kSetKeepAlive, kSetKeepAliveInitialDelay, kLastWriteQueueSize, kPendingWrites,
        normalizedArgsSymbol, kStateOptions, kSharedStateOptions, kReadStarted, kServerSocketOptions, kBuffer,
        kBufferCb, kBufferGen, kUserReads, kPerfConnect, kLite]),
    };
  }
  const v = socketViewParts;
  const keys = [];
  const vals = [];
  const shown = new Set();
  function add(k, val) {
    keys.push(k);
    vals.push(val);
    shown.add(k);
  }
  function extras(symbols) {
    const own = Reflect.ownKeys(obj);
    for (let i = 0; i < own.length; i++) {
      const k = own[i];
      if ((typeof k === 'symbol') !== symbols || shown.has(k) || v.internal.has(k)) continue;
      if (symbols && (k.description === 'shapeMode' || k.description === 'kCapture')) continue; // (events')
      if (!Object.prototype.propertyIsEnumerable.call(obj, k)) continue;
      add(k, accessor);
    }
  }
  const handle = obj._handle;
  add('connecting', accessor);
  add('_hadError', accessor);
  add('_parent', accessor);
  add('_host', accessor);
  add('_closeAfterHandlingError', '_closeAfterHandlingError' in obj ? accessor : false);
  add('_events', accessor);
  add('_readableState', accessor);
  add('_writableState', accessor);
  add('allowHalfOpen', accessor);
  add('_maxListeners', accessor);
  add('_eventsCount', accessor);
  add('_sockname', accessor);
  add('_pendingData', '_pendingData' in obj ? accessor : null);
  add('_pendingEncoding', '_pendingEncoding' in obj ? accessor : '');
  add('server', accessor);
  add('_server', accessor);
  extras(false);
  // (node's 'end' listener replaces write then)
  if (!shown.has('write') && obj[kEndEmitted] && !obj.allowHalfOpen) add('write', v.writeAfterFIN);
  add(v.asyncId, handle && typeof handle.getAsyncId === 'function' ? handle.getAsyncId() : -1);
  add(v.kHandle, handle === undefined ? null : handle);
  add(kLastWriteQueueSize, accessor);
  add(v.timeout, obj[kTimeout]);
  add(kBuffer, accessor);
  add(kBufferCb, accessor);
  add(kBufferGen, accessor);
  add(v.shapeMode, true);
  add(v.kCapture, false);
  add(kSetNoDelay, accessor);
  add(kSetKeepAlive, accessor);
  add(kSetKeepAliveInitialDelay, accessor);
  // (node's count the handle's bytes when it closes)
  const closed = !handle && obj.destroyed;
  add(kBytesRead, closed ? obj.bytesRead : 0);
  add(v.kBytesWritten, closed ? obj._bytesDispatched : 0);
  extras(true);
  return [keys, vals];
}
binding.setInspectView(Socket.prototype, socketView);

// Socket.prototype.write is Go's (fast.go's socketWrite, made by makeSocketWrite): a write of a
// Buffer with no encoding and no callback to an idle connected socket goes to the kernel from Go
// with no JS frame (the checks are those of the JS fast path in writeSlow, in the same order); a
// write the kernel took only part of, or that failed, is finished by writeQueued; everything else
// is writeSlow(chunk, encoding, cb), with this = the socket.
// Node replaces write with writeAfterFIN from an 'end' listener when !allowHalfOpen; checking
// the same condition here saves a listener per socket.
// (The JS fast path runs when Go leaves a write alone. Each property read costs a map lookup on
// goja, one per prototype level, so it reads as few as it can. A socket still connecting has a
// handle that is not connected yet, which writeFast leaves alone, so this.connecting needs no check.)
function writeSlow(chunk, encoding, cb) {
  if (!this.allowHalfOpen && this._readableState.endEmitted && this[kEndEmitted]) return writeAfterFIN.call(this, chunk, encoding, cb);
  const h = this._handle;
  if (encoding === undefined && cb === undefined && h !== null && this._write === socketWrite) {
    const ws = this._writableState;
    if (ws.length === 0 && !ws.writing && !ws.corked && !ws.ending && !ws.destroyed && !ws.errored &&
        ws.constructed && !ws.needDrain && !ws.objectMode) {
      const r = handleWriteFast(h, chunk);
      if (r !== false) {
        // What Writable.write, _write and onwrite do in Node 20 for a write without a callback.
        // A chunk the kernel takes at once leaves the writable state as it found it and
        // schedules nothing (Node 20 computes write()'s result after a synchronous _write, so
        // even a chunk above highWaterMark returns true and asks for no 'drain').
        const len = r >= 0 ? r >>> 1 : chunk.length;
        this._bytesDispatched += len;
        if (socketTimers && (this[kTimeout] !== null || this._parent !== null)) this._unrefTimer();
        if (r >= 0 && (r & 1) === 0) return true;
        return writeFastQueued(this, ws, chunk, r, len);
      }
    }
  }
  return Duplex.prototype.write.call(this, chunk, encoding, cb);
}
function writeQueued(self, chunk, r) {
  return writeFastQueued(self, self._writableState, chunk, r, r >= 0 ? r >>> 1 : chunk.length);
}
Socket.prototype.write = binding.makeSocketWrite(writeSlow, writeQueued);
const handleWriteFast = binding.writeFast;

// writeFastQueued finishes a fast write the kernel took only part of, or that failed: the state
// is set up as the general path leaves it.
function writeFastQueued(self, ws, chunk, r, len) {
  ws.pendingcb++;
  ws.length += len;
  ws.writelen = len;
  ws.writecb = noop;
  ws.writing = true;
  if (r >= 0) {
    // (out of its _write, as writeOrBuffer leaves it: the handle's completion calls onwrite,
    // which then runs afterWrite at once rather than on a tick)
    ws.sync = false;
    self[kLastWriteQueueSize] = len;
    if (self[kPendingWrites] === undefined) self[kPendingWrites] = [];
    self[kPendingWrites].push(ws.onwrite);
    if (ws.length < ws.highWaterMark) return true;
    ws.needDrain = true;
    return false;
  }
  ws.sync = true;
  ws.onwrite(errnoException(r, 'write'));
  ws.sync = false;
  return false;
}

function initSocketHandle(self) {
  // (Fresh stream states need no undestroy: leave unmade ones unmade.)
  if (hasOwn(self, '_readableState') || hasOwn(self, '_writableState')) self._undestroy();
  if (self._sockname !== null) self._sockname = null;
  if (self._handle) {
    self._handle.owner = self;
    self._handle.onread = onStreamRead;
    self._handle.onwrite = onWriteComplete;
    self._handle.reading = false;
    if (self[kBuffer]) {
      // as node's: a buffer function gives the first buffer now (a result that is no Uint8Array
      // leaves the socket without one)
      if (self[kBufferGen] !== null) {
        const buf = self[kBufferGen]();
        if (!isUint8Array(buf)) return;
        self[kBuffer] = buf;
      }
      self._handle.onread = onStreamReadUser;
    }
  }
}

function isUint8Array(v) {
  return ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
}

// onStreamReadUser is onread for a socket with the onread option (this is the handle): what was
// read is copied into the caller's buffer, at most its length at a time, and given to its
// callback (this is the socket); a callback that returns false, or pauses the socket, stops the
// reads, and what is left waits in kUserReads for resume(). The end and errors go on as
// onStreamRead's.
function onStreamReadUser(arg, n) {
  const self = this.owner;
  if (!self || isDestroyed(self)) return;
  const pending = self[kUserReads];
  if ((pending !== undefined && pending.length > 0) || !this.reading) {
    // (a read that was under way when the reads stopped, or that must wait behind earlier ones)
    if (pending === undefined) self[kUserReads] = [arg];
    else pending.push(arg);
    return;
  }
  if (typeof arg === 'number') {
    onStreamRead.call(this, arg, n);
    return;
  }
  self[kBytesRead] += n !== undefined ? n : arg.length;
  self._unrefTimer();
  giveUserRead(this, self, arg);
}

// giveUserRead hands chunk to the onread callback in buffer-sized parts.
function giveUserRead(handle, self, chunk) {
  let off = 0;
  while (off < chunk.length) {
    const buf = self[kBuffer];
    const len = Math.min(buf.length, chunk.length - off);
    if (len === 0) break;
    buf.set(len === chunk.length && off === 0 ? chunk : chunk.subarray(off, off + len));
    off += len;
    const goOn = self[kBufferCb](len, buf) !== false;
    if (self[kBufferGen] !== null) {
      const next = self[kBufferGen]();
      if (isUint8Array(next)) self[kBuffer] = next;
    }
    if (isDestroyed(self)) return;
    if (!goOn && handle.reading) {
      handle.reading = false;
      handle.readStop();
    }
    if (!handle.reading) break;
  }
  if (off < chunk.length) {
    if (self[kUserReads] === undefined) self[kUserReads] = [];
    self[kUserReads].unshift(chunk.subarray(off));
    if (handle.reading) {
      // a buffer of no length: nothing can be given until a buffer function gives a longer one
      handle.reading = false;
      handle.readStop();
    }
  }
}

// resumeUserReads gives the reads kept while an onread socket was stopped, in order, while it
// reads (this is the socket).
function resumeUserReads(self) {
  const handle = self._handle;
  const pending = self[kUserReads];
  while (handle && pending.length > 0 && handle.reading && !isDestroyed(self) && handle.onread === onStreamReadUser) {
    const item = pending.shift();
    if (typeof item === 'number') {
      onStreamRead.call(handle, item);
    } else {
      self[kBytesRead] += item.length;
      giveUserRead(handle, self, item);
    }
  }
}

// startUserReads is node's pause/resume/read for an onread socket: reads start again, and what
// was kept is given first (on the next tick, as new reads would come).
function startUserReads(self) {
  if (self.connecting || !self._handle || self._handle.reading) return;
  if (hasOwn(self, '_readableState') && self._readableState.ended) return;
  tryReadStart(self);
  if (self[kUserReads] !== undefined && self[kUserReads].length > 0) process.nextTick(resumeUserReads, self);
}

// streamBaseState is process.binding('stream_wrap')'s, made when a program first asks for it.
let streamBaseState = null;
function getStreamBaseState() {
  if (streamBaseState === null) streamBaseState = new Int32Array(4);
  return streamBaseState;
}

function onStreamRead(arg, n) {
  const self = this.owner;
  if (n !== undefined && self) {
    const st = self._readableState;
    if (st.flowing === true && st.length === 0 && !st.sync && st.dataListening && st.decoder === null &&
        !st.ended && !st.destroyed && !st.errored && !st.multiAwaitDrain && !st.objectMode) {
      // A flowing socket with nothing buffered: 'data' at once, as push → addChunk would, and
      // what addChunk's maybeReadMore tick would do settled now when its outcome is known (the
      // handle is still reading: read(0) only marks the state reading). Written out here (a
      // call costs), and writing only what changes (a write costs a lookup and a store).
      // (fast.go does the same in Go; this runs for the reads Go leaves to JS.)
      self[kBytesRead] += n;
      if (socketTimers && (self[kTimeout] !== null || self._parent !== null)) self._unrefTimer();
      st.reading = false;
      if (st.awaitDrainWriters !== null) st.awaitDrainWriters = null;
      if (!st.dataEmitted) st.dataEmitted = true;
      self.emit('data', arg); // at: addChunk@internal/streams/readable:561:12, readableAddChunkPushByteMode@internal/streams/readable:512:3, Readable.push@internal/streams/readable:392:5, internal/stream_base_commons:191:23
      onStreamReadTail.call(this, self, st);
      return;
    }
  }
  if (n === undefined && streamBaseState !== null && typeof arg !== 'number' && streamBaseState[0] < 0) {
    // A JS handle (spdy's handle-thing) gives a read's error or EOF as node's handles do: in
    // process.binding('stream_wrap').streamBaseState[kReadBytesOrError], with an empty buffer.
    arg = streamBaseState[0];
    streamBaseState[0] = 0;
  }
  if (!self || isDestroyed(self)) return;
  if (typeof arg !== 'number') {
    // (n is arg.length from Go: on goja every named property read of a typed array first
    // tries to parse the name as an index, which costs about a microsecond.)
    self[kBytesRead] += n !== undefined ? n : arg.length;
    self._unrefTimer();
    const ret = self.push(arg); // at: internal/stream_base_commons:191:23
    if (this.reading && !ret) {
      this.reading = false;
      this.readStop();
    }
    return;
  }
  if (arg !== UV_EOF) {
    self.destroy(errnoException(arg, 'read'));
    return;
  }
  // (the handle stops reading at EOF, but, as node's, still says it is reading)
  if (!hasOwn(self, '_readableState')) {
    liteEOF(self);
    return;
  }
  if (self._readableState.endEmitted) return;
  self.push(null); // at: internal/stream_base_commons:233:12
  self.read(0);
}

// onStreamReadTail is the end of onStreamRead's fast path, after 'data' (this is the handle):
// what addChunk's maybeReadMore tick would do, settled now when its outcome is known (the handle
// is still reading: read(0) only marks the state reading). Go's fast path (fast.go) does the
// first case itself and calls this for the others.
function onStreamReadTail(self, st) {
  if (!st.readingMore && st.constructed) {
    if (!st.reading && !st.ended && st.flowing === true && st.length === 0 && !st.destroyed && !st.errored &&
        this.reading && self._handle === this) {
      st.reading = true;
      if (!st.needReadable) st.needReadable = true;
      return;
    }
    st.readingMore = true;
    process.nextTick(maybeReadMoreNT, self, st);
  }
  if (this.reading && (st.ended || (st.length >= st.highWaterMark && st.length !== 0))) {
    this.reading = false;
    this.readStop();
  }
}

// maybeReadMoreNT is Readable's maybeReadMore_.
function maybeReadMoreNT(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

function onWriteComplete(status, detail) {
  const self = this.owner;
  const cb = self && self[kPendingWrites] ? self[kPendingWrites].shift() : undefined;
  if (!self || isDestroyed(self)) {
    if (typeof cb === 'function') cb(null);
    return;
  }
  if (status < 0) {
    // (detail: the handle's own text for the failure, as node's req.error)
    const ex = errnoException(status, 'write', detail);
    if (typeof cb === 'function') cb(ex);
    else self.destroy(ex);
    return;
  }
  self[kLastWriteQueueSize] = 0;
  self._unrefTimer();
  if (typeof cb === 'function') cb(null);
}

// onReadableStreamEnd is the 'end' listener every socket has, as in node (writeSlow does what
// node's does: a write after the peer's FIN on a socket that is not half-open fails). Only an
// 'end' that was emitted counts: a socket made with readable: false (process.stdout on a pipe)
// has its readable side ended from the start without one, and node's write stays Duplex's.
function onReadableStreamEnd() {
  this[kEndEmitted] = true;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype._onTimeout = function() {
  this.emit('timeout');
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (isDestroyed(this)) return this;
  this.timeout = msecs;
  vals().validateNumber(msecs, 'msecs'); // at: getTimerDuration@internal/timers:401:3, Socket.setStreamTimeout [as setTimeout]@internal/stream_base_commons:245:11
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new (errs().codes.ERR_OUT_OF_RANGE)('msecs', 'a non-negative finite number', msecs); // at: getTimerDuration@internal/timers:403:11, Socket.setStreamTimeout [as setTimeout]@internal/stream_base_commons:245:11 | 5 |     throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > 2 ** 31 - 1) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      '\nTimer duration was truncated to 2147483647.', 'TimeoutOverflowWarning');
    msecs = 2 ** 31 - 1;
  }
  if (this[kTimeout]) {
    timers().clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      vals().validateFunction(callback, 'callback'); // at: Socket.setStreamTimeout [as setTimeout]@internal/stream_base_commons:253:7
      this.removeListener('timeout', callback);
    }
  } else {
    const t = timers().setTimeout(() => {
      this[kTimeout] = null;
      this._onTimeout();
    }, msecs);
    t.unref();
    this[kTimeout] = t;
    if (!socketTimers) {
      socketTimers = true;
      binding.socketTimers();
    }
    if (callback !== undefined) {
      vals().validateFunction(callback, 'callback'); // at: Socket.setStreamTimeout [as setTimeout]@internal/stream_base_commons:262:7
      this.once('timeout', callback);
    }
  }
  // A handle whose bytes are consumed in Go (http) leaves reads to JS while a timer needs them.
  const h = this._handle;
  if (h !== null && h.setTimed !== undefined) h.setTimed(this[kTimeout] !== null);
  return this;
};

Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  get() { return !this._handle || this.connecting; }, configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  get() { if (this._handle) return this.writableLength; return undefined; },
});

// Go counts the bytes of the fast paths per handle and adds them to the owner's properties when
// they are read (see stateRefs in fast.go).
Object.defineProperty(Socket.prototype, 'bytesRead', {
  __proto__: null,
  get() {
    const h = this._handle;
    if (h) binding.foldCounts(h);
    return this[kBytesRead];
  },
  enumerable: true,
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  __proto__: null,
  get() {
    const h = this._handle;
    if (h) binding.foldCounts(h);
    let bytes = this._bytesDispatched;
    const wb = this.writableBuffer;
    if (!wb) return undefined;
    for (const el of wb) {
      bytes += el.chunk instanceof lazyBuffer() ? el.chunk.length : lazyBuffer().byteLength(el.chunk, el.encoding);
    }
    const data = this._pendingData;
    if (Array.isArray(data)) {
      for (const el of data) bytes += el.chunk instanceof lazyBuffer() ? el.chunk.length : lazyBuffer().byteLength(el.chunk, el.encoding);
    } else if (data) {
      bytes += typeof data !== 'string' ? data.length : lazyBuffer().byteLength(data, this._pendingEncoding);
    }
    return bytes;
  },
  enumerable: true,
});

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  const v = enable === undefined ? true : !!enable;
  if (!this._handle || this.connecting) {
    this[kSetNoDelay] = v;
    return this;
  }
  // (a handle without setNoDelay, such as one a caller made, is left alone, as in node)
  if (typeof this._handle.setNoDelay === 'function' && v !== this[kSetNoDelay]) {
    this[kSetNoDelay] = v;
    this._handle.setNoDelay(v);
  }
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle || this.connecting) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (typeof this._handle.setKeepAlive === 'function' &&
      (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveInitialDelay] !== initialDelay))) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function address() { return this._getsockname(); };

Socket.prototype._getpeername = function() {
  if (!this._handle || this.connecting) return this._peername || {};
  if (!this._peername) {
    const out = this._handle.getpeername();
    if (!out) return {};
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle) return {};
  if (!this._sockname) {
    const out = this._handle.getsockname();
    if (!out) return {};
    this._sockname = out;
  }
  return this._sockname;
};

function protoGetter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { __proto__: null, get: fn, configurable: false, enumerable: true });
}
protoGetter('remoteAddress', function() { return this._getpeername().address; });
protoGetter('remoteFamily', function() { return this._getpeername().family; });
protoGetter('remotePort', function() { return this._getpeername().port; });
protoGetter('localAddress', function() { return this._getsockname().address; });
protoGetter('localPort', function() { return this._getsockname().port; });
protoGetter('localFamily', function() { return this._getsockname().family; });

Socket.prototype._read = function _read(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.pause = function pause() {
  // as node's: an onread socket stops reading (no stream buffer fills up to stop it)
  if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!isDestroyed(this)) {
      const err = this._handle.readStop();
      if (err) this.destroy(errnoException(err, 'read'));
    }
  }
  return Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function resume() {
  if (this[kBuffer]) startUserReads(this);
  return Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function read(n) {
  if (this[kBuffer]) startUserReads(this);
  return Duplex.prototype.read.call(this, n); // at: net:777:39
};

Socket.prototype.end = function end(data, encoding, callback) {
  Duplex.prototype.end.call(this, data, encoding, callback); // at: net:728:31
  return this;
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._final = function _final(cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  const err = this._handle.shutdown((status) => {
    cb();
  });
  if (err === 1 || err === -107) return cb();
  if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

Socket.prototype._destroy = function _destroy(exception, cb) {
  if (this[kTimeout]) {
    timers().clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) {
      timers().clearTimeout(s[kTimeout]);
      s[kTimeout] = null;
    }
  }
  if (this._handle) {
    const isException = exception ? true : false;
    const handle = this._handle;
    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      handle.reset(() => this.emit('close', isException));
    } else {
      handle.close(() => this.emit('close', isException));
    }
    handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function noop() {}
function emitCloseNT(self) { self.emit('close'); }
// (liteEnd and liteDestroy take the steps of these two themselves)
const socketFinal = Socket.prototype._final;
const socketDestroy = Socket.prototype._destroy;

Socket.prototype._reset = function _reset() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  if (this._handle) {
    if (this.connecting) this.once('connect', () => this._reset());
    else this._reset();
  } else {
    this.destroy(new (errs().codes.ERR_SOCKET_CLOSED)());
  }
  return this;
};

Socket.prototype._writeGeneric = function _writeGeneric(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new (errs().codes.ERR_SOCKET_CLOSED_BEFORE_CONNECTION)());
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb); // at: net:936:12
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new (errs().codes.ERR_SOCKET_CLOSED)()); // at: net:948:8
    return false;
  }
  this._unrefTimer();
  if (!writev && typeof data === 'string' && (encoding === 'utf8' || encoding === 'utf-8') &&
      this._handle.writeUtf8Sync !== undefined) {
    // a handle that writes strings synchronously (process.stdout and stderr on a pipe): no Buffer
    // made, the bytes written or the negative errno returned
    const n = this._handle.writeUtf8Sync(data);
    if (n < 0) {
      cb(errnoException(n, 'write'));
      return;
    }
    this._bytesDispatched += n;
    cb();
    return;
  }
  let buf;
  if (writev) {
    const parts = [];
    for (let i = 0; i < data.length; i++) {
      const c = data[i].chunk;
      parts.push(typeof c === 'string' ? lazyBuffer().from(c, data[i].encoding) : c);
    }
    buf = parts.length === 1 ? parts[0] : lazyBuffer().concat(parts);
  } else {
    // (as node's handleWriteReq: what is not bytes is made a Buffer in its encoding, which
    // throws Buffer.from's error for a chunk that is no string, array or buffer)
    buf = typeof data === 'string' || (encoding !== 'buffer' && !isUint8Array(data)) ? lazyBuffer().from(data, encoding) : data;
  }
  const len = binding.byteLength(buf); // (buf.length, a microsecond's parse of the name on goja)
  this._bytesDispatched += len;
  const r = this._handle.writeBuffer(buf);
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
  if (r === 0) {
    cb(); // at: afterWriteDispatched@internal/stream_base_commons:164:9, writeGeneric@internal/stream_base_commons:152:3, net:958:11
    return;
  }
  this[kLastWriteQueueSize] = len;
  if (this[kPendingWrites] === undefined) this[kPendingWrites] = [];
  this[kPendingWrites].push(cb);
};

Socket.prototype._writev = function _writev(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function _write(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb); // at: net:970:8
};
const socketWrite = Socket.prototype._write;
binding.initFast(onStreamRead, onStreamReadTail, socketWrite, kBytesRead, kTimeout, (o, k, n) => { o[k] += n; });

Socket.prototype.connect = function connect(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];
  if (options.port === undefined && options.path == null) {
    throw new (errs().codes.ERR_MISSING_ARGS)(['options', 'port', 'path']); // at: net:1227:11 | 5 |     throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
    this._readableState.endEmitted = false;
    // A new connection counts from zero, as node's new handle does.
    this[kBytesRead] = 0;
    this._bytesDispatched = 0;
  }
  const { path } = options;
  const pipe = !!path;
  // (called as plain functions, as node's are: their frames name no receiver)
  const { checkConnect, lookupAndConnect } = connectOps();
  if (pipe) vals().validateString(path, 'options.path'); // at: net:1254:5
  else checkConnect(this, options); // at: net:1259:5
  if (cb !== null) this.once('connect', cb);
  if (!this._handle) {
    this._handle = binding.newHandle(pipe ? 'unix' : 'tcp');
    initSocketHandle(this);
  }
  // (options.timeout is net.connect's, which sets it before connecting; Socket#connect does not)
  this.connecting = true;
  if (pipe) connectOps().internalConnect(this, path);
  else lookupAndConnect(this, options); // at: net:1259:5
  return this;
};

// How a socket connects (lookup, happy eyeballs, the connect itself): made with the first connect.
let connectOpsObj;
function connectOps() { return connectOpsObj || (connectOpsObj = makeConnectOps()); }
function makeConnectOps() {
  // (node checks these in lookupAndConnect: its frame is node's, by the marks)
  function checkConnect(self, options) {
    const { localAddress, localPort } = options;
    if (localAddress && !isIP(localAddress)) throw invalidIP(localAddress); // at: lookupAndConnect@net:1290:11 | 5 |     throw new ERR_INVALID_IP_ADDRESS(localAddress);
    if (localPort) vals().validateNumber(localPort, 'options.localPort'); // at: lookupAndConnect@net:1294:5
    const port = options.port;
    if (typeof port !== 'undefined') {
      if (typeof port !== 'number' && typeof port !== 'string') {
        throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options.port', ['number', 'string'], port); // at: lookupAndConnect@net:1299:13 | 7 |       throw new ERR_INVALID_ARG_TYPE('options.port',
      }
      validatePort(port); // at: lookupAndConnect@net:1302:5
    }
    if (options.autoSelectFamily != null) vals().validateBoolean(options.autoSelectFamily, 'options.autoSelectFamily'); // at: lookupAndConnect@net:1308:5
    if (options.autoSelectFamilyAttemptTimeout != null) {
      vals().validateInt32(options.autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1); // at: lookupAndConnect@net:1314:5
    }
    if (options.family != null && options.family !== 0 && options.family !== 4 && options.family !== 6 &&
        options.family !== 'IPv4' && options.family !== 'IPv6') {
      // Node passes it on to dns.lookup, which rejects it.
      if (dns === undefined) dns = require('dns');
    }
  }

  function socketToDnsFamily(family) {
    switch (family) {
      case 'IPv4': return 4;
      case 'IPv6': return 6;
    }
    return family;
  }

  function lookupAndConnect(self, options) {
    const { localAddress, localPort } = options;
    const host = options.host || 'localhost';
    const port = options.port | 0;
    const addressType = isIP(host);
    if (addressType) {
      process.nextTick(() => {
        if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort);
      });
      return;
    }
    // (the lookup is checked only when there is a name to look up, as node's)
    if (options.lookup != null) vals().validateFunction(options.lookup, 'options.lookup'); // at: lookupAndConnect@net:1338:5
    if (dns === undefined) dns = require('dns');
    const dnsopts = { family: socketToDnsFamily(options.family), hints: options.hints || 0 };
    if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) dnsopts.hints = dns.ADDRCONFIG;
    const lookup = options.lookup || dns.lookup;
    self._host = host;
    // (Validated in checkConnect.)
    const autoSelectFamily = options.autoSelectFamily != null ? options.autoSelectFamily : autoSelectFamilyDefault;
    let attemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
    if (options.autoSelectFamilyAttemptTimeout != null) {
      attemptTimeout = options.autoSelectFamilyAttemptTimeout < 10 ? 10 : options.autoSelectFamilyAttemptTimeout;
    }
    if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
      lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localPort, attemptTimeout); // at: net:1363:7, defaultTriggerAsyncIdScope@internal/async_hooks:464:18, net:1362:5
      return;
    }
    lookup(host, dnsopts, function emitLookup(err, ip, addressType) { // at: net:1381:5, defaultTriggerAsyncIdScope@internal/async_hooks:464:18, net:1380:3
      self.emit('lookup', err, ip, addressType, host); // at: net:1382:12
      if (!self.connecting) return;
      if (err) {
        process.nextTick(connectErrorNT, self, err);
      } else if (!isIP(ip)) {
        process.nextTick(connectErrorNT, self, invalidIP(ip));
      } else if (addressType !== 4 && addressType !== 6) {
        process.nextTick(connectErrorNT, self, invalidFamily(addressType, options.host, options.port));
      } else {
        self._unrefTimer();
        internalConnect(self, ip, port, addressType, localAddress, localPort);
      }
    });
  }

  function connectErrorNT(self, err) { self.destroy(err); }

  // lookupAndConnectMultiple is Node's happy eyeballs (autoSelectFamily): every address of the
  // host, families alternating (the first answer's family first), tried one at a time, each given
  // attemptTimeout ms before the next is tried on a fresh handle.
  function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localPort, attemptTimeout) {
    lookup(host, { ...dnsopts, all: true }, function emitLookup(err, addresses) { // at: emitLookup@net:1418:5, defaultTriggerAsyncIdScope@internal/async_hooks:464:18, net:1417:3
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host); // at: net:1425:14
        process.nextTick(connectErrorNT, self, err);
        return;
      }
      const validAddresses = [[], []];
      const validIps = [[], []];
      let destinations;
      for (let i = 0; i < addresses.length; i++) {
        const address = addresses[i];
        const { address: ip, family: addressType } = address;
        self.emit('lookup', err, ip, addressType, host); // at: net:1443:14
        if (!self.connecting) return;
        if (isIP(ip) && (addressType === 4 || addressType === 6)) {
          destinations ||= addressType === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
          const destination = destinations[addressType];
          if (!validIps[destination].includes(ip)) {
            validAddresses[destination].push(address);
            validIps[destination].push(ip);
          }
        }
      }
      if (!validAddresses[0].length) {
        const { address: firstIp, family: firstAddressType } = addresses[0];
        if (!isIP(firstIp)) {
          process.nextTick(connectErrorNT, self, invalidIP(firstIp));
        } else if (firstAddressType !== 4 && firstAddressType !== 6) {
          process.nextTick(connectErrorNT, self, invalidFamily(firstAddressType, options.host, options.port));
        }
        return;
      }
      const toAttempt = [];
      for (let i = 0, l = Math.max(validAddresses[0].length, validAddresses[1].length); i < l; i++) {
        if (i in validAddresses[0]) toAttempt.push(validAddresses[0][i]);
        if (i in validAddresses[1]) toAttempt.push(validAddresses[1][i]);
      }
      if (toAttempt.length === 1) {
        const { address: ip, family: addressType } = toAttempt[0];
        self._unrefTimer();
        internalConnect(self, ip, port, addressType, undefined, localPort);
        return;
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      const context = {
        socket: self, addresses: toAttempt, current: 0, port, localPort, timeout: attemptTimeout, timer: null, errors: [],
      };
      self._unrefTimer();
      internalConnectMultiple(context);
    });
  }

  function internalConnectMultiple(context, canceled) {
    timers().clearTimeout(context.timer);
    const self = context.socket;
    if (canceled || context.current === context.addresses.length) {
      if (context.errors.length === 0) {
        self.destroy(errs().makeNodeError(Error, 'ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout'));
        return;
      }
      self.destroy(aggregateError(context.errors));
      return;
    }
    const current = context.current++;
    if (current > 0) {
      // A fresh handle for the next address (the last one's was closed or failed).
      if (self._handle) self._handle.close();
      self._handle = binding.newHandle('tcp');
      initSocketHandle(self);
    }
    const { localPort, port } = context;
    const { address, family: addressType } = context.addresses[current];
    self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
    const handle = self._handle;
    const denied = binding.check(hostPort(address, port));
    if (denied) {
      self.destroy(denied);
      return;
    }
    if (perf().hasObserver('net')) self[kPerfConnect] = { start: perf().now(), host: address, port };
    const err = handle.connect('tcp', address, port, '', '', (localPort | 0) & 0xFFFF, function(status) {
      afterConnectMultiple(context, current, handle, address, port, addressType, status);
    });
    if (err) {
      const sockname = self._getsockname();
      let details;
      if (sockname && sockname.address !== undefined) details = sockname.address + ':' + sockname.port;
      const ex = errs().exceptionWithHostPort(err, 'connect', address, port, details);
      context.errors.push(ex);
      self.emit('connectionAttemptFailed', address, port, addressType, ex);
      internalConnectMultiple(context);
      return;
    }
    if (current < context.addresses.length - 1) {
      context.timer = timers().setTimeout(internalConnectMultipleTimeout, context.timeout, context, handle, address, port, addressType);
    }
    self.emit('connectionAttempt', address, port, addressType);
  }

  function afterConnectMultiple(context, current, handle, address, port, addressType, status) {
    const self = context.socket;
    timers().clearTimeout(context.timer);
    if (status === 0 && current !== context.current - 1) {
      // Connected after its time was up: the next attempt already runs.
      handle.close();
      return;
    }
    if (self.destroyed || self._handle !== handle) return;
    if (status < 0) {
      const ex = errs().exceptionWithHostPort(status, 'connect', address, port);
      context.errors.push(ex);
      self.emit('connectionAttemptFailed', address, port, addressType, ex);
      if (self.connecting) internalConnectMultiple(context, status === -125);
      return;
    }
    afterConnect(self, status, address, port, addressType);
  }

  function internalConnectMultipleTimeout(context, handle, address, port, addressType) {
    const self = context.socket;
    self.emit('connectionAttemptTimeout', address, port, addressType);
    const ex = errs().exceptionWithHostPort(-110, 'connect', address, port);
    context.errors.push(ex);
    if (self._handle === handle) {
      handle.close();
      self._handle = null;
    }
    if (self.connecting) internalConnectMultiple(context);
  }

  function aggregateError(errors) {
    const err = new AggregateError(errors, '');
    err.code = errors[0] && errors[0].code;
    return err;
  }

  function internalConnect(self, address, port, addressType, localAddress, localPort) {
    const pipe = addressType === undefined;
    const denied = binding.check(pipe ? address : hostPort(address, port));
    if (denied) {
      self.destroy(denied);
      return;
    }
    if (!pipe) {
      self.emit('connectionAttempt', address, port, addressType);
      if (perf().hasObserver('net')) self[kPerfConnect] = { start: perf().now(), host: address, port };
    }
    const err = self._handle.connect(pipe ? 'unix' : 'tcp', pipe ? '' : address, pipe ? 0 : port, pipe ? address : '',
      localAddress || '', (localPort | 0) & 0xFFFF, function(status) {
        afterConnect(self, status, address, pipe ? undefined : port, pipe ? undefined : addressType, localAddress, localPort);
      });
    if (err) {
      let ex;
      if (localAddress || localPort) {
        ex = errs().exceptionWithHostPort(err, 'bind', localAddress || address, localPort);
      } else {
        // (a connect refused at once names the socket's own address too, when it has one)
        const sockname = self._getsockname();
        let details;
        if (sockname && sockname.address !== undefined) details = sockname.address + ':' + sockname.port;
        ex = errs().exceptionWithHostPort(err, 'connect', address, port, details);
      }
      self.destroy(ex);
    }
  }

  function afterConnect(self, status, address, port, addressType, localAddress, localPort) {
    if (self.destroyed) return;
    self.connecting = false;
    self._sockname = null;
    if (status === 0) {
      self._unrefTimer();
      if (self[kSetNoDelay]) self._handle.setNoDelay(true);
      if (self[kSetKeepAlive]) self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
      const p = self[kPerfConnect];
      if (p !== undefined) {
        self[kPerfConnect] = undefined;
        if (perf().hasObserver('net')) perf().enqueue('connect', 'net', p.start, { host: p.host, port: p.port });
      }
      self.emit('connect');
      self.emit('ready');
      if (!self.isPaused()) self.read(0);
    } else {
      let details;
      if (localAddress && localPort) details = localAddress + ':' + localPort;
      // (a Unix socket's is made on a line of its own: its frame is node's PipeConnectWrap's)
      const ex = addressType === undefined ?
        errs().exceptionWithHostPort(status, 'connect', address) :
        errs().exceptionWithHostPort(status, 'connect', address, port, details);
      if (details) {
        ex.localAddress = localAddress;
        ex.localPort = localPort;
      }
      self.emit('connectionAttemptFailed', address, port, addressType, ex);
      self.destroy(ex);
    }
  }
  return { checkConnect, lookupAndConnect, internalConnect };
}

Socket.prototype.ref = function ref() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  this._handle.unref();
  return this;
};

Object.defineProperty(Socket.prototype, '_handleFd', { __proto__: null, get() { return this._handle ? this._handle.fd : -1; } });

// ---------------------------------------------------------------- connect

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (dc !== null && dc.netClientSocket._subscribers !== undefined) dc.netClientSocket.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout); // at: net:239:12
  return socket.connect(normalized); // at: net:242:17
}

// ---------------------------------------------------------------- Server

const kServerAsyncId = Symbol('async_id_symbol');
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  if (typeof options.keepAliveInitialDelay !== 'undefined') {
    vals().validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay'); // at: net:1757:5
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (typeof options.highWaterMark !== 'undefined') {
    vals().validateNumber(options.highWaterMark, 'options.highWaterMark'); // at: net:1766:5
    if (options.highWaterMark < 0) options.highWaterMark = 16384;
  }
  this._connections = 0;
  this[kServerAsyncId] = -1; // (node's async_id_symbol: its handle's async id once listening)
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? 16384;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

function createServer(options, connectionListener) {
  return new Server(options, connectionListener); // at: net:211:10
}

function onconnection(server, errno, handle) {
  if (errno !== undefined && errno !== 0) {
    server.emit('error', errnoException(errno, 'accept'));
    return;
  }
  if (server.maxConnections && server._connections >= server.maxConnections) {
    const data = Object.create(null);
    const local = handle.getsockname();
    const remote = handle.getpeername();
    if (local) {
      data.localAddress = local.address;
      data.localPort = local.port;
      data.localFamily = local.family;
    }
    if (remote) {
      data.remoteAddress = remote.address;
      data.remotePort = remote.port;
      data.remoteFamily = remote.family;
    }
    server.emit('drop', data);
    handle.close();
    return;
  }
  // One options object per server is kept by all its sockets for making their stream states.
  let shared = server[kServerSocketOptions];
  if (shared === undefined || shared.allowHalfOpen !== Boolean(server.allowHalfOpen) ||
      shared.readableHighWaterMark !== server.highWaterMark || shared[kReadStarted] !== !server.pauseOnConnect) {
    shared = {
      allowHalfOpen: Boolean(server.allowHalfOpen),
      readableHighWaterMark: server.highWaterMark,
      writableHighWaterMark: server.highWaterMark,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: false,
      [kReadStarted]: !server.pauseOnConnect,
    };
    // (hidden: node's server has no such field for util.inspect to show)
    Object.defineProperty(server, kServerSocketOptions, { __proto__: null, value: shared, writable: true, configurable: true });
  }
  const socket = new Socket({
    handle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: server.highWaterMark,
    writableHighWaterMark: server.highWaterMark,
    [kSharedStateOptions]: shared,
  });
  if (server.noDelay) {
    socket[kSetNoDelay] = true;
    handle.setNoDelay(true);
  }
  if (server.keepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = server.keepAliveInitialDelay;
    handle.setKeepAlive(true, server.keepAliveInitialDelay);
  }
  server._connections++;
  socket.server = server;
  socket._server = server;
  if (dc !== null && dc.netServerSocket._subscribers !== undefined) dc.netServerSocket.publish({ socket });
  server.emit('connection', socket);
}

// cluster's round-robin workers hand the connections their primary accepted to their server.
binding.onconnection = onconnection;

function toNumberArg(x) { return (x = Number(x)) >= 0 ? x : false; }

Server.prototype.listen = function listen(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new (errs().codes.ERR_SERVER_ALREADY_LISTEN)(); // at: net:2012:11 | 5 |     throw new ERR_SERVER_ALREADY_LISTEN();
  // node's 'net.server.listen' tracing channel: asyncStart with the normalized options here,
  // asyncEnd once the handle listens, error when it cannot (a failed lookup publishes nothing).
  publishListen(dc && dc.netServerListenAsyncStart, { server: this, options });
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumberArg(args.length > 1 && args[1]) || toNumberArg(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  this._listeningId++; // (as node's: each listen and close call makes a new one)
  if (options.signal) {
    vals().validateAbortSignal(options.signal, 'options.signal'); // at: addServerAbortSignalOption@net:1724:3, net:2038:3
    const signal = options.signal;
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  let listenFd = options.fd;
  if (binding.isNative(options) && typeof options.detach === 'function') {
    // an idle listening handle (received from another process: cluster's shared handle)
    listenFd = options.detach();
  }
  if (typeof listenFd === 'number' && listenFd >= 0) {
    // a listening socket's descriptor (a server sent by another process, or inherited)
    const self = this;
    const rval = binding.adoptListener(listenFd, function(errno, handle) {
      if (rval.onconnection === handleOnconnection) onconnection(self, errno, handle);
      else rval.onconnection(errno === undefined ? 0 : errno, handle);
    }, backlogFromArgs);
    if (typeof rval === 'number') {
      const error = listenError(rval, null);
      publishListen(dc && dc.netServerListenError, { server: this, error });
      process.nextTick(emitErrorNT, this, error);
      return this;
    }
    this._handle = rval;
    rval.owner = this; // (what process._getActiveHandles() lists for it)
    rval.onconnection = handleOnconnection;
    this[kServerAsyncId] = rval.getAsyncId();
    publishListen(dc && dc.netServerListenAsyncEnd, { server: this });
    const a = rval.address();
    this._connectionKey = typeof a === 'string' ? `-1:${a}:-1` : `${a.family === 'IPv6' ? 6 : 4}:${a.address}:${a.port}`;
    if (this._unref) this.unref();
    process.nextTick(emitListeningNT, this);
    return this;
  }
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port'); // at: net:2059:5
    const backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.ipv6Only);
    } else {
      listenIn(this, null, options.port | 0, 4, backlog, options.ipv6Only);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    // (as node's: an abstract socket has no file to chmod)
    if (options.path[0] === '\0' && (options.readableAll || options.writableAll)) {
      throw new (errs().codes.ERR_INVALID_ARG_VALUE)('options', options, // at: net:2080:13 | 7 |       throw new ERR_INVALID_ARG_VALUE('options', options, msg);
        'can not set readableAll or writableAllt to true when path is abstract unix socket');
    }
    const pipeName = this._pipeName = options.path;
    const backlog = options.backlog || backlogFromArgs;
    listenIn(this, pipeName, -1, -1, backlog, false);
    if (!this._handle) return this; // (failed: the error is emitted on the next tick)
    // readableAll / writableAll: everyone may read / write the socket file (uv_pipe_chmod)
    const mode = (options.readableAll === true ? 1 : 0) | (options.writableAll === true ? 2 : 0);
    if (mode !== 0) {
      const err = binding.pipeChmod(pipeName, mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }
  if (!('port' in options) && !('path' in options)) {
    throw new (errs().codes.ERR_INVALID_ARG_VALUE)('options', options, 'must have the property "port" or "path"'); // at: net:2120:11 | 5 |     throw new ERR_INVALID_ARG_VALUE('options', options,
  }
  throw new (errs().codes.ERR_INVALID_ARG_VALUE)('options', options); // at: net:2124:9 | 3 |   throw new ERR_INVALID_ARG_VALUE('options', options);
};

function emitErrorNT(self, err) {
  self.emit('error', err);
}

// A failed listen's error has node's frames of its listen (setupListenHandle as _listen2,
// listenInCluster, Server.listen) in place of ours (listenIn, Server.listen, http's), the
// caller's below them as many as Error.stackTraceLimit leaves. A listen on a host listens once
// its lookup answered: node's doListen then, and the lookup's callback (the next tick's for an
// IP address, which needs no query), and nothing of the caller's (lookedUp: those frames).
const listenFrames = ['    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
  '    at listenInCluster (node:net:1965:12)', '    at Server.listen (node:net:2067:7)'];
const lookupIPFrames = [listenFrames[0], listenFrames[1], '    at doListen (node:net:2139:7)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:83:21)'];
const lookupFrames = [listenFrames[0], listenFrames[1], '    at GetAddrInfoReqWrap.doListen [as callback] (node:net:2139:7)',
  '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:113:8)'];
function listenError(errno, address, port, lookedUp) {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== 'number' || !(limit >= 0)) return uvExceptionWithHostPort(errno, 'listen', address, port);
  if (lookedUp !== undefined) {
    const err = uvExceptionWithHostPort(errno, 'listen', address, port);
    const frames = lookedUp.slice(0, Math.floor(limit));
    err.stack = `${err.name}: ${err.message}${frames.length > 0 ? '\n' + frames.join('\n') : ''}`;
    return err;
  }
  let err;
  let stack;
  Error.stackTraceLimit = limit + 4; // (ours are replaced: the caller's frames are still wanted)
  try {
    err = uvExceptionWithHostPort(errno, 'listen', address, port);
    stack = err.stack;
  } finally {
    Error.stackTraceLimit = limit;
  }
  if (typeof stack !== 'string') return err;
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => l.startsWith('    at '));
  if (first === -1) return err;
  let end = first;
  while (end < lines.length && /[ (]node:(net|http):\d+:\d+\)?$/.test(lines[end])) end++;
  const frames = listenFrames.concat(lines.slice(end));
  frames.length = Math.min(frames.length, Math.floor(limit));
  err.stack = lines.slice(0, first).concat(frames).join('\n');
  return err;
}

function emitListeningNT(self) {
  // (node checks the handle again: a close called meanwhile cancels the event)
  if (self._handle) self.emit('listening');
}

function publishListen(channel, message) {
  if (channel && channel._subscribers !== undefined) channel.publish(message);
}

function lookupAndListen(self, port, address, backlog, ipv6Only) {
  if (dns === undefined) dns = require('dns');
  const listeningId = self._listeningId;
  dns.lookup(address, (err, ip, addressType) => {
    // (a listen or close called meanwhile makes this lookup stale, as node's doListen sees)
    if (listeningId !== self._listeningId) return;
    if (err) self.emit('error', err);
    else listenIn(self, ip, port, ip ? addressType : 4, backlog, ipv6Only, isIP(address) ? lookupIPFrames : lookupFrames);
  });
}

function hostPort(host, port) {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// A listening handle's accepted connections go through its onconnection property, as node's
// TCP/Pipe wraps call handle.onconnection(err, clientHandle) (a program may wrap it).
function handleOnconnection(err, clientHandle) { onconnection(this.owner, err, clientHandle); }
Object.defineProperty(handleOnconnection, 'name', { __proto__: null, value: 'onconnection' });

function listenIn(self, address, port, addressType, backlog, ipv6Only, lookedUp) {
  let rval;
  const onconn = function(errno, handle) {
    if (rval.onconnection === handleOnconnection) onconnection(self, errno, handle);
    else rval.onconnection(errno === undefined ? 0 : errno, handle); // (node's err: 0 for none)
  };
  const denied = binding.check(addressType === -1 ? address : hostPort(address || '::', port));
  if (denied) {
    process.nextTick(() => self.emit('error', denied));
    return;
  }
  if (addressType === -1) {
    rval = binding.listen('unix', '', 0, address, backlog | 0, false, onconn);
  } else {
    if (!address) {
      rval = binding.listen('tcp', '::', port, '', backlog | 0, !!ipv6Only, onconn);
      if (typeof rval === 'number') {
        rval = binding.listen('tcp', '0.0.0.0', port, '', backlog | 0, false, onconn);
        address = typeof rval === 'number' ? '::' : '0.0.0.0';
      } else {
        address = '::';
      }
      addressType = address === '::' ? 6 : 4;
    } else {
      rval = binding.listen('tcp', address, port, '', backlog | 0, !!ipv6Only, onconn);
    }
  }
  if (typeof rval === 'number') {
    const error = listenError(rval, address, port, lookedUp);
    publishListen(dc && dc.netServerListenError, { server: self, error });
    process.nextTick(emitErrorNT, self, error);
    return;
  }
  self._handle = rval;
  rval.owner = self; // (what process._getActiveHandles() lists for it)
  rval.onconnection = handleOnconnection;
  self[kServerAsyncId] = rval.getAsyncId();
  publishListen(dc && dc.netServerListenAsyncEnd, { server: self });
  self._connectionKey = addressType + ':' + address + ':' + port;
  if (self._unref) self.unref();
  process.nextTick(emitListeningNT, self);
}

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  get() { return !!this._handle; }, configurable: true, enumerable: true,
});

Server.prototype.address = function address() {
  if (this._handle) {
    const out = this._handle.address();
    if (typeof out === 'string') return out;
    return { address: out.address, family: out.family, port: out.port };
  }
  if (this._pipeName) return this._pipeName;
  return null;
};

Server.prototype.getConnections = function getConnections(cb) {
  if (!this._usingWorkers) {
    const nextTick = process.nextTick; // (called with no receiver, as node's defaultTriggerAsyncIdScope calls it)
    nextTick(cb, null, this._connections); // at: defaultTriggerAsyncIdScope@/internal/async_hooks:464:18, end@net:2245:5, net:2253:5
    return this;
  }
  // Some connections were sent to child processes: ask them (child_process's socket lists).
  let left = this._workers.length;
  let total = this._connections;
  const oncount = (err, count) => {
    if (err) {
      left = -1;
      return process.nextTick(cb, err);
    }
    total += count;
    if (--left === 0) process.nextTick(cb, null, total);
  };
  for (let n = 0; n < this._workers.length; n++) this._workers[n].getConnections(oncount);
  return this;
};

// _setupWorker is child_process telling the server that some of its connections now live in
// another process: getConnections and close ask that process.
Server.prototype._setupWorker = function _setupWorker(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (list) => {
    const i = this._workers.indexOf(list);
    this._workers.splice(i, 1);
  });
};

// With captureRejections, a rejected 'connection' listener destroys that socket with the error;
// any other event's becomes the server's 'error' (node's).
Server.prototype[Symbol.for('nodejs.rejection')] = function onRejection(err, event, sock) {
  if (event === 'connection') sock.destroy(err);
  else this.emit('error', err);
};

Server.prototype.close = function close(cb) {
  this._listeningId++;
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() { cb(new (errs().codes.ERR_SERVER_NOT_RUNNING)()); });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  if (this._usingWorkers) {
    let left = this._workers.length;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections = 0;
      this._emitCloseIfDrained();
    };
    // One more connection, so that 'close' comes once, after every worker answered.
    this._connections++;
    for (let n = 0; n < this._workers.length; n++) this._workers[n].close(onWorkerClose);
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype._emitCloseIfDrained = function _emitCloseIfDrained() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

Server.prototype.ref = function ref() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function unref() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

// node 20 has no server.connections (DEP0020 reached its end of life): getConnections() counts.
if (Symbol.asyncDispose) {
  // (an async function, as node's)
  Server.prototype[Symbol.asyncDispose] = async function() {
    if (!this._handle) return;
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
}

// ---------------------------------------------------------------- SocketAddress, BlockList

// Made on first use (net.BlockList, net.SocketAddress are lazy getters in Node too).
let addressClasses;
function getAddressClasses() {
  if (addressClasses === undefined) addressClasses = makeAddressClasses();
  return addressClasses;
}

function makeAddressClasses() {
  const kAddr = Symbol('kAddr');

  class SocketAddress {
    constructor(options = {}) {
      vals().validateObject(options, 'options'); // at: internal/socketaddress:50:5
      let { family = 'ipv4' } = options;
      const { address = (family === 'ipv4' ? '127.0.0.1' : '::'), port = 0, flowlabel = 0 } = options;
      if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
      if (family !== 'ipv4' && family !== 'ipv6') {
        throw new (errs().codes.ERR_INVALID_ARG_VALUE)('options.family', options.family); // at: internal/socketaddress:69:15 | 9 |         throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
      }
      vals().validateString(address, 'options.address'); // at: internal/socketaddress:72:5
      validatePort(port, 'options.port'); // at: internal/socketaddress:73:5
      if (typeof flowlabel !== 'number') throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options.flowlabel', 'number', flowlabel); // at: internal/socketaddress:74:5 | validator
      if (flowlabel < 0 || flowlabel > 0xFFFFFFFF || !Number.isInteger(flowlabel)) {
        // (node's validateUint32: a fraction is no integer, else the range)
        throw new (errs().codes.ERR_OUT_OF_RANGE)('options.flowlabel', // at: internal/socketaddress:74:5 | validator
          Number.isInteger(flowlabel) ? '>= 0 && <= 4294967295' : 'an integer', flowlabel);
      }
      const norm = binding.normalizeIP(address, family === 'ipv4' ? 4 : 6);
      if (norm === null) throw Object.assign(new Error('Invalid socket address'), { code: 'ERR_INVALID_ADDRESS' }); // (node's C++ error: a plain Error with a code) // at: internal/socketaddress:76:21 | 21 |     this[kHandle] = new _SocketAddress(address, port, type, flowlabel);
      this[kAddr] = { address: norm, port: port | 0, family, flowlabel };
    }
    static isSocketAddress(value) { return value != null && typeof value === 'object' && kAddr in value; }
    get address() { return this[kAddr].address; }
    get port() { return this[kAddr].port; }
    get family() { return this[kAddr].family; }
    get flowlabel() { return this[kAddr].flowlabel; }
    toJSON() {
      return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel };
    }
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      if (depth < 0) return this;
      return `SocketAddress ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }
  }

  const kRules = Symbol('kRules');

  // As node: an address that is not yet a SocketAddress becomes one (string checks first), so a bad
  // address, or one of the other family, is ERR_INVALID_ADDRESS. (Each step is on a line of its
  // own in the methods, which node's frames place apart.)
  function famName(fam) { return fam === 4 ? 'IPv4' : 'IPv6'; }

  class BlockList {
    constructor() { this[kRules] = []; }
    addAddress(address, family = 'ipv4') {
      let a = address;
      if (!SocketAddress.isSocketAddress(a)) {
        vals().validateString(a, 'address'); // at: internal/blocklist:62:7
        vals().validateString(family, 'family'); // at: internal/blocklist:63:7
        a = new SocketAddress({ address: a, family }); // at: internal/blocklist:64:17
      }
      const fam = familyOf(a.family);
      const key = binding.ipKey(a.address, fam);
      this[kRules].unshift({ type: 'address', fam, from: key, to: key, text: `Address: ${famName(fam)} ${a.address}` });
    }
    addRange(start, end, family = 'ipv4') {
      let s = start, e = end;
      if (!SocketAddress.isSocketAddress(s)) {
        vals().validateString(s, 'start'); // at: internal/blocklist:74:7
        vals().validateString(family, 'family'); // at: internal/blocklist:75:7
        s = new SocketAddress({ address: s, family }); // at: internal/blocklist:76:15
      }
      if (!SocketAddress.isSocketAddress(e)) {
        vals().validateString(e, 'end'); // at: internal/blocklist:82:7
        vals().validateString(family, 'family'); // at: internal/blocklist:83:7
        e = new SocketAddress({ address: e, family }); // at: internal/blocklist:84:13
      }
      const fam = familyOf(s.family);
      const from = binding.ipKey(s.address, fam);
      const to = e.family === s.family ? binding.ipKey(e.address, fam) : binding.ipKeyAs(e.address, familyOf(e.family), fam);
      if (to === null || from > to) throw new (errs().codes.ERR_INVALID_ARG_VALUE)('start', s, 'must come before end'); // at: internal/blocklist:93:13 | 7 |       throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
      this[kRules].unshift({ type: 'range', fam, from, to, text: `Range: ${famName(fam)} ${s.address}-${e.address}` });
    }
    addSubnet(network, prefix, family = 'ipv4') {
      let n = network;
      if (!SocketAddress.isSocketAddress(n)) {
        vals().validateString(n, 'network'); // at: internal/blocklist:98:7
        vals().validateString(family, 'family'); // at: internal/blocklist:99:7
        n = new SocketAddress({ address: n, family }); // at: internal/blocklist:100:17
      }
      const fam = familyOf(n.family);
      vals().validateInt32(prefix, 'prefix', 0, fam === 4 ? 32 : 128); // at: internal/blocklist:107:9
      const from = binding.ipKey(n.address, fam, prefix, false);
      const to = binding.ipKey(n.address, fam, prefix, true);
      this[kRules].unshift({ type: 'subnet', fam, from, to, text: `Subnet: ${famName(fam)} ${n.address}/${prefix}` });
    }
    check(address, family = 'ipv4') {
      let a = address;
      if (!SocketAddress.isSocketAddress(a)) {
        vals().validateString(a, 'address'); // at: internal/blocklist:118:7
        vals().validateString(family, 'family'); // at: internal/blocklist:119:7
        try {
          a = new SocketAddress({ address: a, family });
        } catch {
          return false; // (not a valid address)
        }
      }
      const fam = familyOf(a.family);
      const key4 = binding.ipKey(a.address, fam);
      if (key4 === null) return false;
      for (const r of this[kRules]) {
        const k = r.fam === fam ? key4 : binding.ipKeyAs(a.address, fam, r.fam);
        if (k === null) continue;
        if (k >= r.from && k <= r.to) return true;
      }
      return false;
    }
    get rules() { return this[kRules].map((r) => r.text); }
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      if (depth < 0) return this;
      return `BlockList ${inspect({ rules: this.rules }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }
  }

  function familyOf(f) {
    if (f === 'ipv4') return 4;
    if (f === 'ipv6') return 6;
    throw new (errs().codes.ERR_INVALID_ARG_VALUE)('family', f);
  }

  // node clones both as JSTransferables (structuredClone, postMessage): a SocketAddress as its
  // fields; a BlockList as a handle on the same native list, so a clone shares the rules (here
  // within a runtime; a worker gets a copy, shared within that worker, and a list that comes
  // back takes the rules it brings).
  const sc = require('internal/structured_clone');
  Object.defineProperty(SocketAddress.prototype, sc.kCloneable, {
    __proto__: null,
    value() { return { module: 'net', kind: 'SocketAddress', data: this.toJSON() }; },
  });
  sc.registerCloneable('SocketAddress', (data) => new SocketAddress(data));
  const listIds = new WeakMap();
  const listsById = new Map();
  let lastListId = 0;
  const share = (id, rules) => {
    listIds.set(rules, id);
    listsById.set(id, typeof WeakRef === 'function' ? new WeakRef(rules) : { deref: () => rules });
  };
  Object.defineProperty(BlockList.prototype, sc.kCloneable, {
    __proto__: null,
    value() {
      const rules = this[kRules];
      let id = listIds.get(rules);
      if (id === undefined) {
        id = `${require('worker_threads').threadId}:${++lastListId}`;
        share(id, rules);
      }
      return { module: 'net', kind: 'BlockList', data: { id, rules } };
    },
  });
  sc.registerCloneable('BlockList', (data) => {
    const list = new BlockList();
    const ref = listsById.get(data.id);
    let rules = ref !== undefined ? ref.deref() : undefined;
    if (rules === undefined) {
      rules = data.rules;
      share(data.id, rules);
    } else {
      // back from another runtime: the list as the sender left it
      rules.splice(0, rules.length, ...data.rules);
    }
    list[kRules] = rules;
    return list;
  });

  return { SocketAddress, BlockList };
}

// ---------------------------------------------------------------- exports

function getDefaultAutoSelectFamily() { return autoSelectFamilyDefault; }
function setDefaultAutoSelectFamily(value) {
  vals().validateBoolean(value, 'value'); // at: net:250:3
  autoSelectFamilyDefault = value;
}
function getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeoutDefault; }
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  vals().validateInt32(value, 'value', 1); // at: net:259:3
  if (value < 10) value = 10;
  autoSelectFamilyAttemptTimeoutDefault = value;
}

// node's (not on Windows): does nothing but warn of DEP0121, once.
let warnSimultaneousAccepts = true;
const _setSimultaneousAccepts = function() {
  if (warnSimultaneousAccepts) {
    process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.', 'DeprecationWarning', 'DEP0121');
    warnSimultaneousAccepts = false;
  }
};

module.exports = {
  _createServerHandle: undefined,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  get BlockList() { return getAddressClasses().BlockList; },
  get SocketAddress() { return getAddressClasses().SocketAddress; },
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
delete module.exports._createServerHandle;
// For http (the socket's timer, null when none, read on every request) and dns.
require('internal/module_internals').set('net', { kTimeout, liteEnd, isDestroyed, readableHighWaterMark,
  setReadListenerHook, connect, getStreamBaseState, validatePort });
