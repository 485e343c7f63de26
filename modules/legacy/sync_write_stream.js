'use strict';
// internal/fs/sync_write_stream, for node's own tests (--expose-internals): node's Writable that
// writes each chunk to a file descriptor at once with fs.writeSync, closing it when destroyed
// unless autoClose is false (process.stdout on a file is one; the runtime's stdio has its own,
// which writes through the runtime's stdio).

const { Writable } = require('stream');
const fs = require('fs');

function SyncWriteStream(fd, options) {
  Writable.call(this, { autoDestroy: true });
  options = options || {};
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  try {
    fs.writeSync(this.fd, chunk, 0, chunk.length);
  } catch (err) {
    cb(err);
    return;
  }
  cb();
};

SyncWriteStream.prototype._destroy = function(err, cb) {
  if (this.fd === null) return cb(err);
  if (this.autoClose) fs.closeSync(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

module.exports = SyncWriteStream;
