'use strict';
// process.stdout, process.stderr and process.stdin, of node's classes for what each descriptor
// is (binding.stdioType, node's guessHandleType):
//   - a terminal: tty.WriteStream / tty.ReadStream;
//   - a pipe or socket: net.Socket over a Pipe handle (stdin also for a Go reader that is no file);
//   - a file (or a Go writer): SyncWriteStream for output, fs.ReadStream for stdin.
// The bytes go through the runtime's own stdio (Options.Stdout, Stderr, Stdin), never straight to
// the process's descriptors: writes are synchronous, as node's are to files, terminals and (on
// Linux) pipes; stdin reads on a goroutine, one chunk per request, only while the stream reads.
const EventEmitter = require('events');
// the process object itself (a script may have replaced globalThis.process)
const process = require('process');

function hasStream() {
  try { return internalBinding !== undefined && require('stream') !== undefined; } catch { return false; }
}

const kStdioWrite = Symbol('kStdioWrite');

function create(fd, binding) {
  if (fd === 0) return createStdin(binding);
  const write = fd === 1 ? binding.writeOut : binding.writeErr;
  // failed is the error of a write that failed (errno), or undefined for one that failed in
  // the same tick as an earlier one: node's writes to a pipe are queued, and when the first
  // fails the queued ones are dropped with it, one 'error' for them all.
  let failing = false;
  function failedErrno(errno) {
    if (failing) return 0;
    failing = true;
    process.nextTick(() => { failing = false; });
    return errno;
  }
  function failed(errno) {
    return failedErrno(errno) === 0 ? undefined : writeError(errno);
  }
  // writeChunk writes chunk (a string or bytes) and returns undefined or the failed write's errno
  function writeChunk(chunk, encoding) {
    if (typeof chunk === 'string' ? encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer' : !ArrayBuffer.isView(chunk)) {
      // (a chunk that is neither, given to _write itself, gets Buffer.from's error, as node's)
      if (typeof Buffer === 'function') chunk = Buffer.from(chunk, encoding);
    }
    return write(chunk, true); // (the stream ticks for itself)
  }
  // syncWrites gives a stdio stream's handle libuv's stream calls over the runtime's stdio,
  // written synchronously: a write is done when it returns (0, or the bytes of a string), or
  // failed (its negative errno; one in the same tick as an earlier failure was dropped with
  // it); after shutdown a write fails with EPIPE. Strings are written as they are (no Buffer).
  function syncWrites(handle) {
    let shut = false;
    handle.writeBuffer = function writeBuffer(buf) {
      if (shut) return -32;
      const r = writeChunk(buf);
      return r === undefined ? 0 : failedErrno(r);
    };
    handle.writeUtf8Sync = function writeUtf8Sync(str) {
      if (shut) return -32;
      const n = binding.writeUtf8(fd, str);
      return n >= 0 ? n : failedErrno(n) || 0;
    };
    handle.shutdown = function shutdown(cb) {
      shut = true;
      setImmediate(() => cb(0));
      return 0;
    };
    return handle;
  }
  let stream;
  const type = hasStream() ? binding.stdioType(fd) : '';
  if (type === '') {
    stream = bareWritable(write);
  } else if (type === 'WORKER') {
    stream = new (workerStdio().WritableWorkerStdio)((chunk, encoding) => {
      const r = writeChunk(chunk, encoding);
      return r === undefined ? undefined : failed(r);
    });
  } else {
    switch (type) {
      case 'TTY': {
        const tty = require('tty');
        stream = new tty.WriteStream(fd, { [kStdioHandle]: syncWrites(runtimeHandle(fd, binding)) });
        stream._type = 'tty';
        // a resized terminal: new columns and rows, and 'resize' (as node's getStdout)
        process.on('SIGWINCH', () => stream._refreshSize());
        break;
      }
      case 'PIPE': {
        const net = require('net');
        stream = new net.Socket({ handle: syncWrites(pipeHandle(fd, binding)), readable: false, writable: true });
        stream._type = 'pipe';
        break;
      }
      default:
        stream = new SyncWriteStream(fd, { autoClose: false, [kStdioWrite]: true });
        stream[kStdioWrite] = (chunk, encoding) => {
          const r = writeChunk(chunk, encoding);
          return r === undefined ? undefined : failed(r);
        };
        stream._type = 'fs';
    }
    // node's stdout and stderr are never closed: destroy() reports its error and 'close'
    stream.destroySoon = stream.destroy;
    stream._destroy = dummyDestroy;
  }
  if (type !== 'WORKER') {
    stream.fd = fd;
    stream._isStdio = true;
  }
  // The global console's writes (process._rawWrite): as node's console, an error the stream has
  // not emitted yet does not become uncaught (a once listener takes it, while the program has
  // none of its own), so console.log to a pipe nobody reads is no error, though a later write's
  // error is the stream's 'error'. _consoleWriteDone is the callback of a write through the
  // stream, _consoleWriteFailed(errno) reports one made straight to the descriptor.
  defineHidden(stream, '_consoleWriteDone', function consoleWriteDone(err) {
    if (err) swallowOnce(stream);
  });
  defineHidden(stream, '_consoleWriteFailed', function consoleWriteFailed(errno) {
    swallowOnce(stream);
    const e = failed(errno);
    if (e !== undefined && typeof stream.destroy === 'function') stream.destroy(e);
  });
  return stream;
}

function defineHidden(o, key, value) {
  Object.defineProperty(o, key, { __proto__: null, value, writable: true, configurable: true, enumerable: false });
}

// node's dummyDestroy: the descriptor stays open, and 'close' is emitted all the same (once),
// for finished() and pipeline(). As under node, the stream is not left destroyed or ended: it
// goes on writing (a pipe that end() shut down fails its writes with EPIPE).
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) process.nextTick(() => { this.emit('close'); });
}

// bareWritable is stdout or stderr for a runtime without the stream module.
function bareWritable(write) {
  const stream = new EventEmitter();
  stream.writable = true;
  stream.write = function (chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    write(chunk);
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  stream.end = function (chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return stream;
  };
  return stream;
}

// SyncWriteStream is node's internal/fs/sync_write_stream: a Writable writing each chunk to a
// file descriptor at once (process.stdout and stderr on a file), here through the runtime's
// stdio when it is one of them.
let SyncWriteStream_;
function SyncWriteStream(fd, options) {
  if (SyncWriteStream_ === undefined) SyncWriteStream_ = makeSyncWriteStream();
  return new SyncWriteStream_(fd, options);
}
function makeSyncWriteStream() {
  const { Writable } = require('stream');
  function SyncWriteStream(fd, options) {
    options = options || {};
    // (stdout and stderr write strings as they are: no Buffer made for them)
    Writable.call(this, { autoDestroy: true, decodeStrings: !options[kStdioWrite] });
    this.fd = fd;
    this.readable = false;
    this.autoClose = options.autoClose === undefined ? true : options.autoClose;
  }
  Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(SyncWriteStream, Writable);
  SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
    const w = this[kStdioWrite];
    if (w !== undefined) {
      cb(w(chunk, encoding));
      return;
    }
    try {
      require('fs').writeSync(this.fd, chunk);
    } catch (err) {
      cb(err);
      return;
    }
    cb();
  };
  SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
    if (this.fd === null) return cb(err);
    if (this.autoClose) require('fs').closeSync(this.fd);
    this.fd = null;
    cb(err);
  };
  SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;
  return SyncWriteStream;
}

// The classes of a worker's stdio (node's, which talk to the parent thread; here the runtime's
// stdio does).
let workerStdioClasses;
function workerStdio() {
  if (workerStdioClasses !== undefined) return workerStdioClasses;
  const { Writable, Readable } = require('stream');
  class WritableWorkerStdio extends Writable {
    constructor(write) {
      super({ decodeStrings: false });
      this[kStdioWrite] = write;
    }
    _writev(chunks, cb) {
      for (let i = 0; i < chunks.length; i++) {
        const err = this[kStdioWrite](chunks[i].chunk, chunks[i].encoding);
        if (err !== undefined) {
          cb(err);
          return;
        }
      }
      cb();
    }
    _write(chunk, encoding, cb) {
      cb(this[kStdioWrite](chunk, encoding));
    }
  }
  class ReadableWorkerStdio extends Readable {
    constructor(binding) {
      super();
      this[kStdioRead] = binding;
    }
    _read() {
      this[kStdioRead].readStdin((err, chunk) => {
        if (err) { this.destroy(err); return; }
        this.push(chunk === null ? null : Buffer.from(chunk));
      });
    }
  }
  workerStdioClasses = { WritableWorkerStdio, ReadableWorkerStdio };
  return workerStdioClasses;
}
const kStdioRead = Symbol('kStdioRead');

function createStdin(binding) {
  if (!hasStream()) {
    const stream = new EventEmitter();
    stream.fd = 0;
    return stream;
  }
  const type = binding.stdioType(0);
  if (type === 'WORKER') return new (workerStdio().ReadableWorkerStdio)(binding);
  let stdin;
  switch (type) {
    case 'TTY': {
      const tty = require('tty');
      // (reading the runtime's stdin a chunk at a time while the stream reads, as on a pipe: a
      // stopped stdin leaves the terminal's input to a child that inherits it)
      const handle = runtimeHandle(0, binding);
      if (handle !== undefined) stdinReads(handle, binding);
      stdin = new tty.ReadStream(0, { highWaterMark: 0, readable: true, writable: false, [kStdioHandle]: handle });
      break;
    }
    case 'PIPE': {
      const net = require('net');
      stdin = new net.Socket({ handle: stdinHandle(binding), readable: true, writable: false, manualStart: true });
      // it cannot be end()ed
      stdin._writableState.ended = true;
      break;
    }
    default: {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd: 0, autoClose: false, fs: stdinFs(binding) });
    }
  }
  stdin.fd = 0;
  // stdin starts paused: its handle reads only once something reads the stream
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }
  // pause() stops the handle's reads one tick later (when the stream has not resumed since),
  // so that a paused stdin lets the process end
  stdin.on('pause', () => {
    process.nextTick(onpause);
  });
  function onpause() {
    if (!stdin._handle) return;
    if (stdin._handle.reading && !stdin.readableFlowing) {
      stdin._readableState.reading = false;
      stdin._handle.reading = false;
      stdin._handle.readStop();
    }
  }
  return stdin;
}

const UV_EOF = -4095;
const UV_EIO = -5;

// stdinHandle is the Pipe handle of a stdin that is a pipe.
function stdinHandle(binding) {
  return stdinReads(pipeHandle(0, binding), binding);
}

// stdinReads gives handle libuv's read calls over the runtime's stdin. A chunk that arrives after
// readStop (the read was under way) is handed on all the same: the stream keeps it.
function stdinReads(handle, binding) {
  let reading = false;
  let ended = false;
  let inFlight = false; // a read was asked for and has not come back (one at a time)
  let refed = true;
  function request() {
    if (inFlight) {
      // (the read asked for before a readStop keeps the loop alive again)
      if (refed) binding.stdinRef(true, true);
      return;
    }
    inFlight = true;
    binding.readStdin(onChunk);
  }
  function onChunk(err, chunk) {
    inFlight = false;
    if (handle.closed) return;
    if (err) {
      reading = false;
      handle.onread(typeof err.errno === 'number' ? err.errno : UV_EIO);
      return;
    }
    if (chunk === null) {
      reading = false;
      ended = true;
      handle.onread(UV_EOF);
      return;
    }
    const buf = Buffer.from(chunk);
    handle.onread(buf, buf.length);
    if (reading) request();
  }
  handle.readStart = function readStart() {
    if (!reading && !ended) {
      reading = true;
      request();
    }
    return 0;
  };
  handle.readStop = function readStop() {
    reading = false;
    binding.unrefStdin();
    return 0;
  };
  const { ref, unref } = handle;
  handle.ref = function () {
    refed = true;
    binding.stdinRef(true, reading);
    if (ref) ref.call(this);
  };
  handle.unref = function () {
    refed = false;
    binding.stdinRef(false, false);
    if (unref) unref.call(this);
  };
  return handle;
}

// stdinFs is the fs a stdin on a file reads through (fs.ReadStream's fs option): read takes
// the runtime's stdin, a chunk at a time, keeping what a short buffer could not take.
function stdinFs(binding) {
  let rest = null;
  let ended = false;
  function give(chunk, buf, offset, length, cb) {
    const n = Math.min(length, chunk.length);
    chunk.copy(buf, offset, 0, n);
    rest = n < chunk.length ? chunk.subarray(n) : null;
    cb(null, n, buf);
  }
  return {
    open(path, flags, mode, cb) { cb(null, 0); },
    close(fd, cb) { cb(null); },
    read(fd, buf, offset, length, position, cb) {
      if (rest !== null) {
        const chunk = rest;
        process.nextTick(give, chunk, buf, offset, length, cb);
        return;
      }
      if (ended) {
        process.nextTick(cb, null, 0, buf);
        return;
      }
      binding.readStdin((err, chunk) => {
        if (err) { cb(err); return; }
        if (chunk === null) {
          ended = true;
          cb(null, 0, buf);
          return;
        }
        give(Buffer.from(chunk), buf, offset, length, cb);
      });
    },
  };
}

// The class of the stdio pipe handles, as its constructor name shows (node's Pipe; tty's TTY).
let Pipe;

const kStdioHandle = Symbol.for('gojs.tty.stdioHandle');

// runtimeHandle is the runtime's own handle object for stdio fd (binding.stdioHandle: listed
// among the active handles while referenced, keeping nothing alive itself), made ready to be a
// stream's handle, or undefined when the descriptor has none.
function runtimeHandle(fd, binding) {
  const handle = typeof binding.stdioHandle === 'function' ? binding.stdioHandle(fd) : undefined;
  if (handle === undefined) return undefined;
  const close = handle.close;
  defineHidden(handle, 'close', function (cb) {
    handle.closed = true;
    close.call(this, cb);
  });
  for (const k of Object.keys(handle)) Object.defineProperty(handle, k, { __proto__: null, enumerable: false });
  // (the stream sets it: node's first console write may have made the handle, with an owner
  // that finds the stream)
  defineHidden(handle, 'owner', null);
  return handle;
}

// pipeHandle is the handle of a stdio stream on a pipe: the runtime's own when the descriptor
// is one, else a bare Pipe.
function pipeHandle(fd, binding) {
  let handle = runtimeHandle(fd, binding);
  const P = pipeClass();
  if (handle === undefined) {
    handle = new P();
    let refed = true;
    defineHidden(handle, 'ref', function ref() { refed = true; });
    defineHidden(handle, 'unref', function unref() { refed = false; });
    defineHidden(handle, 'hasRef', function hasRef() { return refed && !handle.closed; });
    defineHidden(handle, 'close', function close(cb) {
      if (handle.closed) return;
      handle.closed = true;
      if (typeof cb === 'function') setImmediate(cb);
    });
  } else {
    Object.setPrototypeOf(handle, P.prototype);
  }
  handle[kFd] = fd;
  defineHidden(handle, 'getsockname', function getsockname() { return undefined; });
  defineHidden(handle, 'getpeername', function getpeername() { return undefined; });
  return handle;
}

function pipeClass() {
  if (Pipe === undefined) {
    Pipe = function Pipe() {};
    // what callers of node's handles use on stdio: fd, and setBlocking (stdio writes are
    // synchronous here already)
    Object.defineProperty(Pipe.prototype, 'fd', { __proto__: null, get() { return this[kFd]; }, configurable: true });
    Pipe.prototype.setBlocking = function setBlocking() { return 0; };
  }
  return Pipe;
}
const kFd = Symbol('fd');

function swallowOnce(stream) {
  const state = stream._writableState;
  const own = stream.rawListeners('error').filter((l) => (l.listener || l) !== swallowWriteError).length;
  if (!(state && state.errorEmitted) && own === 0) stream.once('error', swallowWriteError);
}
function swallowWriteError() {}

// writeError is node's error for a write to stdout or stderr that failed with errno (negative):
// 'write EPIPE' with errno, code and syscall.
function writeError(errno) {
  const code = require('util').getSystemErrorName(errno);
  const err = new Error(`write ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'write';
  return err;
}

module.exports = { create, writeError };
