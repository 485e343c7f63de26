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
  let stream;
  if (hasStream()) {
    const { Writable } = require('stream');
    stream = new Writable({
      decodeStrings: false,
      write(chunk, encoding, cb) {
        if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' && typeof Buffer === 'function') {
          chunk = Buffer.from(chunk, encoding);
        }
        write(chunk);
        cb();
      },
      writev(chunks, cb) {
        for (const { chunk } of chunks) write(chunk);
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
  stream._type = isTTY ? 'tty' : 'fs';
  stream._isStdio = true;
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

module.exports = { create };
