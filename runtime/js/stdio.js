'use strict';
// process.stdout, process.stderr and process.stdin. Writes to stdout and stderr are synchronous,
// as Node's are for files and terminals; stdin reads on a goroutine, only while the stream wants
// data.
const EventEmitter = require('events');
// the process object itself (a script may have replaced globalThis.process)
const process = require('process');

function hasStream() {
  try { return internalBinding !== undefined && require('stream') !== undefined; } catch { return false; }
}

function create(fd, binding) {
  const info = process._stdioInfo;
  const isTTY = fd === 0 ? info.stdinIsTTY : fd === 1 ? info.stdoutIsTTY : info.stderrIsTTY;
  if (fd === 0) return createStdin(binding, isTTY);
  const write = fd === 1 ? binding.writeOut : binding.writeErr;
  // failed is the error of a write that failed (errno), or undefined for one that failed in
  // the same tick as an earlier one: node's writes to a pipe are queued, and when the first
  // fails the queued ones are dropped with it, one 'error' for them all.
  let failing = false;
  function failed(errno) {
    if (failing) return undefined;
    failing = true;
    process.nextTick(() => { failing = false; });
    return writeError(errno);
  }
  let stream;
  if (hasStream()) {
    const { Writable } = require('stream');
    stream = new Writable({
      decodeStrings: false,
      write(chunk, encoding, cb) {
        if (typeof chunk === 'string' ? encoding !== 'utf8' && encoding !== 'utf-8' : !ArrayBuffer.isView(chunk)) {
          // (a chunk that is neither, given to _write itself, gets Buffer.from's error, as node's)
          if (typeof Buffer === 'function') chunk = Buffer.from(chunk, encoding);
        }
        const r = write(chunk, true); // (the stream ticks for itself)
        cb(r === undefined ? undefined : failed(r));
      },
      writev(chunks, cb) {
        for (const { chunk } of chunks) {
          const r = write(chunk, true); // (the stream ticks for itself)
          if (r !== undefined) {
            cb(failed(r));
            return;
          }
        }
        cb();
      },
    });
    // node's stdout and stderr cannot be destroyed: destroy() reports its error and 'close',
    // and the stream goes on writing
    stream._destroy = function dummyDestroy(err, cb) {
      cb(err);
      this._undestroy();
      if (!this._writableState.emitClose) process.nextTick(() => { this.emit('close'); });
    };
    stream.destroySoon = stream.destroy;
  } else {
    stream = new EventEmitter();
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
  }
  stream.fd = fd;
  // The global console's writes (process._rawWrite): as node's console, an error the stream has
  // not emitted yet does not become uncaught (a once listener takes it, while the program has
  // none of its own), so console.log to a pipe nobody reads is no error, though a later write's
  // error is the stream's 'error'. _consoleWriteDone is the callback of a write through the
  // stream, _consoleWriteFailed(errno) reports one made straight to the descriptor.
  stream._consoleWriteDone = function consoleWriteDone(err) {
    if (err) swallowOnce(stream);
  };
  stream._consoleWriteFailed = function consoleWriteFailed(errno) {
    swallowOnce(stream);
    const e = failed(errno);
    if (e !== undefined && typeof stream.destroy === 'function') stream.destroy(e);
  };
  stream._type = isTTY ? 'tty' : 'fs';
  stream._isStdio = true;
  attachHandle(stream, fd, binding);
  if (isTTY) {
    stream.isTTY = true;
    stream.columns = info.columns;
    stream.rows = 24;
    stream.getColorDepth = function getColorDepth(env = process.env) {
      if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 1;
      if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
      if (env.TERM && /256/.test(env.TERM)) return 8;
      return 4;
    };
    stream.hasColors = function hasColors(count = 16, env) {
      if (typeof count === 'object') { env = count; count = 16; }
      return count <= 2 ** stream.getColorDepth(env);
    };
    stream.getWindowSize = function getWindowSize() { return [stream.columns, stream.rows]; };
    stream.cursorTo = function (x, y, cb) { return true; };
    stream.moveCursor = function (dx, dy, cb) { return true; };
    stream.clearLine = function (dir, cb) { return true; };
    stream.clearScreenDown = function (cb) { return true; };
  }
  return stream;
}

function createStdin(binding, isTTY) {
  const { Readable } = require('stream');
  const stream = new Readable({
    highWaterMark: 65536,
    read() {
      binding.readStdin((err, chunk) => {
        if (err) { stream.destroy(err); return; }
        if (chunk === null) { stream.push(null); return; }
        stream.push(Buffer.from(chunk));
      });
    },
  });
  stream.fd = 0;
  stream._isStdio = true;
  const handle = attachHandle(stream, 0, binding);
  if (handle) stream.once('close', () => handle.close());
  if (isTTY) {
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = function setRawMode(mode) {
      let tty;
      try { tty = require('tty'); } catch {}
      if (tty) return tty.ReadStream.prototype.setRawMode.call(stream, mode);
      stream.isRaw = !!mode;
      return stream;
    };
  }
  stream.on('pause', () => binding.unrefStdin());
  return stream;
}

// The classes of the stdio handles, as their constructor names show (node's TTY and Pipe).
let handleClasses;

// attachHandle gives a stdio stream on a terminal or a pipe its native handle, as node's
// process.stdout._handle (a TTY or a Pipe, which process._getActiveHandles() lists); streams
// on files have none, as node's fs streams. It returns the handle, if any.
function attachHandle(stream, fd, binding) {
  if (typeof binding.stdioHandle !== 'function') return undefined;
  const handle = binding.stdioHandle(fd);
  if (handle === undefined) return undefined;
  if (handleClasses === undefined) {
    function TTY() {}
    function Pipe() {}
    for (const C of [TTY, Pipe]) {
      // what callers of node's handles use on stdio: fd, and setBlocking (stdio writes are
      // synchronous here already)
      Object.defineProperty(C.prototype, 'fd', { __proto__: null, get() { return this[kFd]; }, configurable: true });
      C.prototype.setBlocking = function setBlocking() { return 0; };
    }
    handleClasses = { TTY, Pipe };
  }
  const isTTY = fd === 0 ? process._stdioInfo.stdinIsTTY : fd === 1 ? process._stdioInfo.stdoutIsTTY : process._stdioInfo.stderrIsTTY;
  Object.setPrototypeOf(handle, (isTTY ? handleClasses.TTY : handleClasses.Pipe).prototype);
  for (const k of Object.keys(handle)) Object.defineProperty(handle, k, { __proto__: null, enumerable: false });
  handle[kFd] = fd;
  Object.defineProperty(handle, 'owner', { __proto__: null, value: stream, configurable: true, enumerable: false, writable: true });
  stream._handle = handle;
  return handle;
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
