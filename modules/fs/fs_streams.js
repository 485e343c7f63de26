// ---- ReadStream and WriteStream -------------------------------------------------------------
// A part of fs's glue, compiled on the first stream (parts.go): fs.js's getStreams calls it with
// the names of fs.js it uses.
(function makeStreams({
  fs, require, binding, fileHandleClass, kRef, kUnref, allocBuffer, argAt, atArgSite, errCode, errRange, errType, getBuffer,
  getOptions, getValidatedFd, getValidatedPath, queueTick, read, toBuffer, toPathIfFileURL,
  validateBoolean, validateFunction, validateInteger,
}) {
  const kFs = Symbol('kFs');
  const kIsPerformingIO = Symbol('kIsPerformingIO');
  const kIoDone = Symbol('kIoDone');
  const kHandle = Symbol('kHandle');
  // A ReadStream's fast-path state lives outside the stream, whose own keys are node's
  // (Reflect.ownKeys and util.inspect of a ReadStream list no property of gojs's).
  const fastReads = new WeakMap(); // stream -> { ownFd, onChunk }
  const stream = require('stream');
  const { Readable, Writable, finished } = stream;
  // as node's: a read error destroys the stream only when it closes itself (autoClose)
  const { errorOrDestroy } = require('internal/streams');
  getBuffer(); // lets Go build Buffers (binding.setBuffer)
  const FileHandle = fileHandleClass();

  function FileHandleOperations(handle) {
    return {
      open: (path, flags, mode, cb) => { throw errCode('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The open() method is not implemented'); },
      close: (fd, cb) => {
        handle[kUnref]();
        handle.close().then(() => cb(), cb);
      },
      read: (fd, buf, offset, length, pos, cb) => {
        handle.read(buf, offset, length, pos).then((r) => cb(null, r.bytesRead, r.buffer), (err) => cb(err, 0, buf));
      },
      write: (fd, buf, offset, length, pos, cb) => {
        handle.write(buf, offset, length, pos).then((r) => cb(null, r.bytesWritten, r.buffer), (err) => cb(err, 0, buf));
      },
      writev: (fd, buffers, pos, cb) => {
        handle.writev(buffers, pos).then((r) => cb(null, r.bytesWritten, r.buffers), (err) => cb(err, 0, buffers));
      },
      fsync: (fd, cb) => { handle.sync().then(() => cb(), cb); },
    };
  }

  // Node copies a stream's options with for...in: inherited enumerable properties count too
  // (fs.createReadStream(p, Object.create({ start: 1 })) starts at 1).
  function copyObject(source) {
    const target = {};
    for (const key in source) target[key] = source[key];
    return target;
  }

  function importFd(stream, options) {
    if (typeof options.fd === 'number') {
      stream[kFs] = options.fs || fs;
      return options.fd;
    } else if (typeof options.fd === 'object' && options.fd instanceof FileHandle) {
      if (options.fs) {
        throw errCode('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The FileHandle with fs method is not implemented');
      }
      stream[kHandle] = options.fd;
      stream[kFs] = FileHandleOperations(stream[kHandle]);
      stream[kHandle][kRef]();
      // As node: the stream's close bound to it (a 'bound ' function in the handle's listeners).
      if (typeof options.fd.on === 'function') options.fd.on('close', stream.close.bind(stream));
      return options.fd.fd;
    }
    throw atArgSite(errType('options.fd', ['number', 'FileHandle'], options.fd), 'fd');
  }

  function closeStream(stream, err, cb) {
    if (!stream.fd) {
      cb(err);
    } else if (stream.flush) {
      stream[kFs].fsync(stream.fd, (flushErr) => closeAfterSync(stream, err || flushErr, cb));
    } else {
      closeAfterSync(stream, err, cb);
    }
  }
  function closeAfterSync(stream, err, cb) {
    stream[kFs].close(stream.fd, (er) => cb(er || err));
    stream.fd = null;
  }

  // The streams open themselves in _construct; calling open() is a deprecated no-op (DEP0135).
  const { deprecate } = require('internal/util/deprecate');
  const openReadFs = deprecate(function () {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
  const openWriteFs = deprecate(function () {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');

  function _construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') {
      callback();
      return;
    }
    if (stream.open !== openWriteFs && stream.open !== openReadFs) {
      // A subclass overrode open(): let it open and wait for 'open' or 'error'.
      const orgEmit = stream.emit;
      stream.emit = function (...args) {
        if (args[0] === 'open') {
          this.emit = orgEmit;
          callback();
          Reflect.apply(orgEmit, this, args);
        } else if (args[0] === 'error') {
          this.emit = orgEmit;
          callback(args[1]);
        } else {
          Reflect.apply(orgEmit, this, args);
        }
      };
      stream.open();
    } else {
      stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
        if (er) {
          callback(er);
        } else {
          stream.fd = fd;
          callback();
          stream.emit('open', stream.fd);
          stream.emit('ready');
        }
      });
    }
  }

  function _destroy(err, cb) {
    if (this[kIsPerformingIO]) {
      this.once(kIoDone, (er) => closeStream(this, err || er, cb));
    } else {
      closeStream(this, err, cb);
    }
  }

  // streamOptions is getOptions(options, {}), a bad options' error with node's frames
  function streamOptions(options) {
    try {
      return getOptions(options, {});
    } catch (err) {
      if (err !== null && typeof err === 'object') {
        if (err.code === 'ERR_INVALID_ARG_VALUE') throw atArgSite(err, 'encoding');
        if (String(err.message).startsWith('The "options" argument')) throw atArgSite(err, 'options');
      }
      throw err;
    }
  }

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = copyObject(streamOptions(options));
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    if (options.autoDestroy === undefined) options.autoDestroy = false;
    if (options.fd == null) {
      this.fd = null;
      this[kFs] = options.fs || fs;
      argAt('fs.open', validateFunction, this[kFs].open, 'options.fs.open');
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'r' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      getValidatedPath(this.path);
    } else {
      this.fd = getValidatedFd(importFd(this, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    // as node's: a custom fs gives every method the stream uses (close only when it closes)
    argAt('fs.read', validateFunction, this[kFs].read, 'options.fs.read');
    if (options.autoDestroy) argAt('fs.close', validateFunction, this[kFs].close, 'options.fs.close');
    if (this[kFs] === fs && !this[kHandle]) {
      // Read ahead only on a descriptor the stream opens and closes itself.
      fastReads.set(this, { ownFd: options.fd == null && options.autoDestroy !== false, onChunk: null });
    }
    this.start = options.start;
    this.end = options.end;
    this.pos = undefined;
    this.bytesRead = 0;
    this[kIsPerformingIO] = false;
    if (this.start !== undefined) {
      argAt('start', validateInteger, this.start, 'start', 0);
      this.pos = this.start;
    }
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (this.end !== Infinity) {
      argAt('end', validateInteger, this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw atArgSite(errRange('start', `<= "end" (here: ${this.end})`, this.start), 'startEnd');
      }
    }
    // as node's: the stream (which opens the file on the next tick) is made once the options
    // are valid, so a bad start or end throws without a stray open error after it
    Reflect.apply(Readable, this, [options]);
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);
  Object.defineProperty(ReadStream.prototype, 'autoClose', {
    __proto__: null,
    get() { return this._readableState.autoDestroy; },
    set(val) { this._readableState.autoDestroy = val; },
  });
  ReadStream.prototype.open = openReadFs;
  ReadStream.prototype._construct = _construct;

  ReadStream.prototype._read = function (n) {
    n = this.pos !== undefined ?
      Math.min(this.end - this.pos + 1, n) :
      Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) {
      this.push(null);
      return;
    }
    // (fs.read replaced on the module, as graceful-fs does: node's stream calls it)
    const fast = fs.read === read ? fastReads.get(this) : undefined;
    if (fast !== undefined && n <= 0x100000000) {
      // Go allocates exactly what it read (no shrinking copy) and builds the Buffer; one
      // completion function per stream.
      this[kIsPerformingIO] = true;
      binding.readChunk(this.fd, n, this.pos === undefined ? -1 : this.pos, fast.ownFd,
        fast.onChunk || (fast.onChunk = makeOnChunk(this)));
      return;
    }
    const onRead = (er, bytesRead, buf) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        this.emit(kIoDone, er);
        return;
      }
      if (er) {
        errorOrDestroy(this, er);
      } else if (bytesRead > 0) {
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        if (bytesRead !== buf.length) buf = buf.subarray(0, bytesRead);
        this.push(buf);
      } else {
        this.push(null);
      }
    };
    // (allocated first, as node's: a size past Buffer's limit throws, and the stream, doing no
    // I/O, is destroyed with that error)
    const buf = allocBuffer(n);
    this[kIsPerformingIO] = true;
    this[kFs].read(this.fd, buf, 0, n, this.pos, onRead);
  };

  // makeOnChunk returns the stream's readChunk completion: onRead's fast-path twin.
  function makeOnChunk(stream) {
    return function onChunk(er, buf, len) {
      stream[kIsPerformingIO] = false;
      if (stream.destroyed) {
        stream.emit(kIoDone, er);
      } else if (er) {
        errorOrDestroy(stream, er);
      } else if (buf !== null) {
        if (stream.pos !== undefined) stream.pos += len;
        stream.bytesRead += len;
        if (!(buf instanceof Uint8Array)) buf = toBuffer(buf);
        stream.push(buf);
      } else {
        stream.push(null);
      }
    };
  }

  ReadStream.prototype._destroy = _destroy;
  ReadStream.prototype.close = function (cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  };
  Object.defineProperty(ReadStream.prototype, 'pending', {
    __proto__: null,
    get() { return this.fd === null; },
    configurable: true,
  });

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = copyObject(streamOptions(options));
    options.decodeStrings = true;
    if (options.fd == null) {
      this.fd = null;
      this[kFs] = options.fs || fs;
      argAt('fs.open', validateFunction, this[kFs].open, 'options.fs.open');
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'w' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      getValidatedPath(this.path);
    } else {
      this.fd = getValidatedFd(importFd(this, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    // as node's: write or writev (the stream uses the one given), and close when it closes
    const cfs = this[kFs];
    if (!cfs.write && !cfs.writev) throw atArgSite(errType('options.fs.write', ['function'], cfs.write), 'fs.write');
    if (cfs.write) argAt('fs.write', validateFunction, cfs.write, 'options.fs.write');
    if (cfs.writev) argAt('fs.writev', validateFunction, cfs.writev, 'options.fs.writev');
    if (options.autoDestroy) argAt('fs.close', validateFunction, cfs.close, 'options.fs.close');
    if (!cfs.write) this._write = null;
    if (!cfs.writev) this._writev = null;
    if (options.flush == null) {
      this.flush = false;
    } else {
      argAt('flush', validateBoolean, options.flush, 'options.flush');
      this.flush = options.flush;
    }
    this.start = options.start;
    this.pos = undefined;
    this.bytesWritten = 0;
    this[kIsPerformingIO] = false;
    if (this.start !== undefined) {
      argAt('start', validateInteger, this.start, 'start', 0);
      this.pos = this.start;
    }
    Reflect.apply(Writable, this, [options]);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);
  Object.defineProperty(WriteStream.prototype, 'autoClose', {
    __proto__: null,
    get() { return this._writableState.autoDestroy; },
    set(val) { this._writableState.autoDestroy = val; },
  });
  WriteStream.prototype.open = openWriteFs;
  WriteStream.prototype._construct = _construct;

  function writeAll(data, size, pos, cb, retries = 0) {
    this[kFs].write(this.fd, data, 0, size, pos, (er, bytesWritten, buffer) => {
      if (er && er.code === 'EAGAIN') {
        er = null;
        bytesWritten = 0;
      }
      if (this.destroyed || er) {
        return cb(er || errCode('Error', 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
      }
      this.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      pos += bytesWritten;
      if (retries > 5) {
        cb(new Error('write failed'));
      } else if (size) {
        writeAll.call(this, buffer.subarray(bytesWritten), size, pos, cb, retries);
      } else {
        cb();
      }
    });
  }

  function writevAll(chunks, size, pos, cb, retries = 0) {
    this[kFs].writev(this.fd, chunks, this.pos, (er, bytesWritten, buffers) => {
      if (er && er.code === 'EAGAIN') {
        er = null;
        bytesWritten = 0;
      }
      if (this.destroyed || er) {
        return cb(er || errCode('Error', 'ERR_STREAM_DESTROYED', 'Cannot call writev after a stream was destroyed'));
      }
      this.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      pos += bytesWritten;
      if (retries > 5) {
        cb(new Error('writev failed'));
      } else if (size) {
        // Drop what was written and go again.
        let n = bytesWritten;
        const rest = [];
        for (const c of buffers) {
          if (n >= c.length) { n -= c.length; continue; }
          rest.push(n > 0 ? c.subarray(n) : c);
          n = 0;
        }
        writevAll.call(this, rest, size, pos, cb, retries);
      } else {
        cb();
      }
    });
  }

  WriteStream.prototype._write = function (data, encoding, cb) {
    this[kIsPerformingIO] = true;
    writeAll.call(this, data, data.length, this.pos, (er) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(er);
        return this.emit(kIoDone, er);
      }
      cb(er);
    });
    if (this.pos !== undefined) this.pos += data.length;
  };

  WriteStream.prototype._writev = function (data, cb) {
    const len = data.length;
    const chunks = new Array(len);
    let size = 0;
    for (let i = 0; i < len; i++) {
      const chunk = data[i].chunk;
      chunks[i] = chunk;
      size += chunk.length;
    }
    this[kIsPerformingIO] = true;
    writevAll.call(this, chunks, size, this.pos, (er) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(er);
        return this.emit(kIoDone, er);
      }
      cb(er);
    });
    if (this.pos !== undefined) this.pos += size;
  };

  WriteStream.prototype._destroy = _destroy;
  WriteStream.prototype.close = function (cb) {
    if (cb) {
      if (this.closed) {
        queueTick(cb);
        return;
      }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;
  Object.defineProperty(WriteStream.prototype, 'pending', {
    __proto__: null,
    get() { return this.fd === null; },
    configurable: true,
  });

  return { ReadStream, WriteStream };
})
