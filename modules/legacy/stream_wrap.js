'use strict';
// _stream_wrap: JSStreamSocket, a net.Socket that reads from and writes to any Duplex.
process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
const { Socket } = require('net');

class JSStreamSocket extends Socket {
  constructor(stream) {
    super({ allowHalfOpen: true });
    this.stream = stream;
    this.connecting = false;
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.once('end', () => this.push(null));
    stream.once('error', (err) => this.destroy(err));
    stream.once('close', () => this.destroy());
  }
  _read() { this.stream.resume(); }
  _write(chunk, encoding, cb) { this.stream.write(chunk, encoding, cb); }
  _writev(chunks, cb) {
    for (let i = 0; i < chunks.length - 1; i++) this.stream.write(chunks[i].chunk, chunks[i].encoding);
    const last = chunks[chunks.length - 1];
    this.stream.write(last.chunk, last.encoding, cb);
  }
  _final(cb) { this.stream.end(cb); }
  _destroy(err, cb) {
    if (typeof this.stream.destroy === 'function' && !this.stream.destroyed) this.stream.destroy(err);
    cb(err);
  }
}

module.exports = JSStreamSocket;
