// ---- zlib's streams and convenience functions -------------------------------------------
// A part of zlib's glue (zlib.go: binding.part), run the first time a program reads one of the
// classes or functions zlib.js makes lazy members of. The classes, and stream under them, are
// set up the first time one is needed (classes()): the convenience functions called without
// options use a bare engine and need neither.
(function makeZlibImpl({ binding, require, constants, kMaxLength }) {
  const { Buffer } = require('buffer');
  // internal/errors and internal/validators are loaded when there is an error to make
  let errorsModule;
  const errors = () => errorsModule || (errorsModule = require('internal/errors'));
  const validators = () => require('internal/validators');

  const {
    Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK,
    DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
    BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
  } = constants;

  const kFlushFlag = Symbol('kFlushFlag');
  const kError = Symbol('kError');

  function nodeError(Base, code, msg) { return errors().makeNodeError(Base, code, msg); }
  function bindingClosedAssertion() {
    return nodeError(Error, 'ERR_INTERNAL_ASSERTION', 'zlib binding closed\nThis is caused by either a bug in Node.js or ' +
      'incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at ' +
      'https://github.com/nodejs/node/issues\n');
  }

  function isAnyArrayBuffer(v) {
    return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer);
  }

  function checkFiniteNumber(number, name) {
    if (number === undefined) return false;
    if (Number.isFinite(number)) return true;
    if (Number.isNaN(number)) return false;
    validators().validateNumber(number, name);
    throw new (errors().codes.ERR_OUT_OF_RANGE)(name, 'a finite number', number);
  }
  function checkRangesOrGetDefault(number, name, lower, upper, def) {
    if (!checkFiniteNumber(number, name)) return def;
    if (number < lower || number > upper) {
      throw new (errors().codes.ERR_OUT_OF_RANGE)(name, `>= ${lower} and <= ${upper}`, number);
    }
    return number;
  }

  // Brotli operations map onto the engine's zlib flush values.
  // (node's binding takes the flag as a uint32: 1.5 is 1)
  function engineFlush(self, flag) {
    if (!self[kIsBrotli]) return flag;
    flag >>>= 0;
    if (flag === BROTLI_OPERATION_FINISH) return Z_FINISH;
    if (flag === BROTLI_OPERATION_FLUSH) return Z_SYNC_FLUSH;
    // (the engine's brotli encoder flushes, then adds an empty metadata block)
    if (flag === BROTLI_OPERATION_EMIT_METADATA) return Z_FULL_FLUSH;
    return Z_NO_FLUSH;
  }

  // (not an own property node's streams show)
  const kIsBrotli = Symbol('kIsBrotli');
  const zlibFlushIdx = [Z_NO_FLUSH, Z_FINISH];
  const brotliFlushIdx = [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FINISH];

  function ZlibBase(opts, mode, handle, flushBoundIdx) {
    let chunkSize = constants.Z_DEFAULT_CHUNK;
    let maxOutputLength = kMaxLength;
    let flush = flushBoundIdx[0];
    let finishFlush = flushBoundIdx[1];
    if (opts) {
      chunkSize = opts.chunkSize;
      if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
        chunkSize = constants.Z_DEFAULT_CHUNK;
      } else if (chunkSize < constants.Z_MIN_CHUNK) {
        throw new (errors().codes.ERR_OUT_OF_RANGE)('options.chunkSize', `>= ${constants.Z_MIN_CHUNK}`, chunkSize);
      }
      const maxFlush = flushBoundIdx === brotliFlushIdx ? BROTLI_OPERATION_FINISH + 1 : Z_BLOCK;
      flush = checkRangesOrGetDefault(opts.flush, 'options.flush', Z_NO_FLUSH, maxFlush, flushBoundIdx[0]);
      finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH, maxFlush, flushBoundIdx[1]);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
      // node allocates the output window here (Buffer.allocUnsafe), which refuses a size past
      // kMaxLength; gojs allocates it on first use, so it checks the size now
      if (chunkSize > kMaxLength) throw new (errors().codes.ERR_OUT_OF_RANGE)('size', `>= 0 && <= ${kMaxLength}`, chunkSize);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        opts = Object.assign({}, opts);
        opts.encoding = null;
        opts.objectMode = false;
        opts.writableObjectMode = false;
      }
    }
    Transform.call(this, Object.assign({ autoDestroy: true }, opts));
    this.bytesWritten = 0;
    this._handle = handle;
    this._outOffset = 0;
    this._chunkSize = chunkSize;
    this._defaultFlushFlag = flush;
    this._finishFlushFlag = finishFlush;
    this._defaultFullFlushFlag = flushBoundIdx === brotliFlushIdx ? BROTLI_OPERATION_FLUSH : Z_FULL_FLUSH;
    this._info = opts && opts.info;
    this._maxOutputLength = maxOutputLength;
    this[kError] = null; // the engine's error, as node's zlibOnError keeps it
  }

  // node's engine writes into _outBuffer and reports in _writeState; this one does neither, but
  // packages that drive the handle themselves (handle.writeSync, as pngjs does) read both: they
  // are made on first use, so that a stream that nobody asks for them does not pay for them.
  function ownValue(obj, key, value) {
    Object.defineProperty(obj, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
    return value;
  }

  function maxFlush(a, b) {
    const order = [0, 1, 2, 3, 6, 4, 5]; // Z_BLOCK sorts between PARTIAL and FULL in Node
    return order.indexOf(a) > order.indexOf(b) ? a : b;
  }

  // pushOut pushes out in the pieces Node's zlib does: one per chunkSize output window, the
  // windows counted over the whole stream, a window's part cut where an input chunk's output ends.
  // As node's processCallback, a piece whose push finds the readable side full stops the output
  // that follows it (and the chunk's callback, so 'finish' waits too) until the stream is read:
  // node writes the next window only from its _read. then, if given, runs once all is pushed.
  const kHeld = Symbol('kHeld');
  function pushOut(self, out, then) {
    const size = self._chunkSize;
    const n = out.length;
    let off = self._outOffset;
    let held = self[kHeld];
    if (held === undefined) held = self[kHeld] = { pieces: [], waiting: false, then: [] };
    for (let i = 0; i < n;) {
      const take = i === 0 && off + n <= size ? n : Math.min(size - off, n - i);
      off += take;
      // (a piece that fills its window leaves node's engine to look for more output: it waits too)
      held.pieces.push(out.subarray(i, i + take), off >= size);
      i += take;
      if (off >= size) off = 0;
    }
    self._outOffset = off >= size ? 0 : off;
    if (then) held.then.push(then);
    pushHeld(self, held);
  }
  function pushHeld(self, held) {
    const pieces = held.pieces;
    while (pieces.length > 0 && !held.waiting) {
      if (self.destroyed) {
        pieces.length = 0;
        break;
      }
      const piece = pieces.shift();
      const fills = pieces.shift();
      if (!self.push(piece) && (pieces.length > 0 || fills) && !self.destroyed) {
        held.waiting = true;
        const oldRead = self._read;
        self._read = function(n) {
          self._read = oldRead;
          // (node's engine writes the next window off the loop: its output comes in a later turn)
          setImmediate(() => {
            held.waiting = false;
            pushHeld(self, held);
          });
          self._read(n);
        };
      }
    }
    if (held.waiting) return;
    const then = held.then;
    while (then.length > 0 && !held.waiting && pieces.length === 0) then.shift()();
  }

  // An engine error's stack as node's: made in the handle's zlibOnError, below the frames of the
  // call that wrote (none for an asynchronous write; the sync write's, with the places node's own
  // functions have), as many as Error.stackTraceLimit keeps.
  const zlibOnErrorFrames = ['genericNodeError (node:internal/errors:984:15)',
    'wrappedFn (node:internal/errors:538:14)', 'Zlib.zlibOnError [as onerror] (node:zlib:189:17)'];
  const syncFramePlaces = { processChunkSync: 'node:zlib:415:12', zlibBufferSync: 'node:zlib:178:12',
    syncBufferWrapper: 'node:zlib:767:14' };

  // isEngineError: an error of the engine (zlib's Z_* codes, brotli's ERR__ERROR_* ones).
  function isEngineError(err) {
    return typeof err === 'object' && err !== null && typeof err.code === 'string' &&
      (err.code.startsWith('Z_') || err.code.startsWith('ERR__'));
  }
  // handleClass is the name of node's handle class for self, in its zlibOnError frame.
  function handleClass(self) {
    if (self && self[kBareClass]) return self[kBareClass];
    if (!self || !self[kIsBrotli]) return 'Zlib';
    return self instanceof BrotliDecompress ? 'BrotliDecoder' : 'BrotliEncoder';
  }
  function setEngineErrorStack(err, sync, self) {
    if (!isEngineError(err)) return;
    const limit = Error.stackTraceLimit;
    if (typeof limit !== 'number' || !(limit > 0)) return;
    const frames = zlibOnErrorFrames.slice();
    frames[2] = frames[2].replace('Zlib.', `${handleClass(self)}.`);
    if (sync) {
      const lines = String(err.stack).split('\n');
      for (let i = 1; i < lines.length; i++) {
        const m = /^    at (?:Object\.)?(\w+)( \[as \w+\])? \(node:zlib:\d+:\d+\)$/.exec(lines[i]);
        if (m && syncFramePlaces[m[1]]) {
          const owner = m[1] === 'syncBufferWrapper' ? 'Object.' : '';
          frames.push(`${owner}${m[1]}${m[2] || ''} (${syncFramePlaces[m[1]]})`);
        } else if (lines[i].startsWith('    at ')) {
          frames.push(lines[i].slice(7));
        }
      }
    }
    err.stack = `${err.name}: ${err.message}\n    at ${frames.slice(0, limit).join('\n    at ')}`;
  }

  function processChunk(self, chunk, flushFlag, cb) {
    const handle = self._handle;
    if (!handle) return process.nextTick(cb);
    binding.zWrite(handle, chunk, engineFlush(self, flushFlag), (err, out, last, left) => {
      if (self.destroyed) return last ? cb() : undefined;
      if (err) {
        // As node's zlibOnError: the stream is destroyed and the chunk's callback is never
        // called, so the writes and flushes queued behind it never call theirs either (ws's
        // permessage-deflate answers the error alone, and would answer twice).
        setEngineErrorStack(err, false, self);
        self[kError] = err;
        self.destroy(err);
        return;
      }
      // As node: only the input the stream took counts, and it is counted before the output it
      // gave is pushed ('data' listeners see it); input left over (the compressed stream ended
      // before it) ends the readable side.
      if (last) self.bytesWritten += chunk.byteLength - (left || 0);
      if (!last) return pushOut(self, out);
      pushOut(self, out, () => {
        if (left > 0) self.push(null);
        cb();
      });
    }, true);
  }

  function processChunkSync(self, chunk, flushFlag) {
    // (node reads the closed handle's writeSync)
    if (!self._handle) throw new TypeError("Cannot read properties of null (reading 'writeSync')");
    let out;
    try {
      out = binding.zWriteSync(self._handle, chunk, engineFlush(self, flushFlag));
    } catch (e) {
      _close(self);
      setEngineErrorStack(e, true, self);
      if (isEngineError(e)) {
        self[kError] = e;
        // (uncaught, it prints node's processChunkSync rethrow)
        require('internal/errors').putArrowMessage(e, 'node:zlib:425\n      throw self[kError];\n      ^\n');
      }
      throw e;
    }
    self.bytesWritten = chunk.byteLength - binding.zLeft(self._handle);
    if (out.length > self._maxOutputLength) {
      _close(self);
      throw nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${self._maxOutputLength} bytes`);
    }
    _close(self);
    return out;
  }

  function _close(engine) {
    if (!engine._handle) return;
    engine._handle.close();
    engine._handle = null;
  }

  // chunkSizeOf is the output window a decompressor's slabs align to (ZlibBase validates it).
  function chunkSizeOf(opts) {
    const c = opts && opts.chunkSize;
    return Number.isFinite(c) && c >= constants.Z_MIN_CHUNK ? Math.floor(c) : constants.Z_DEFAULT_CHUNK;
  }

  function Zlib(opts, mode) {
    let windowBits = constants.Z_DEFAULT_WINDOWBITS;
    let level = constants.Z_DEFAULT_COMPRESSION;
    let memLevel = constants.Z_DEFAULT_MEMLEVEL;
    let strategy = constants.Z_DEFAULT_STRATEGY;
    let dictionary;
    if (opts) {
      if ((opts.windowBits == null || opts.windowBits === 0) &&
          (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
        windowBits = 0;
      } else {
        const min = constants.Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
        windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min,
          constants.Z_MAX_WINDOWBITS, constants.Z_DEFAULT_WINDOWBITS);
      }
      level = checkRangesOrGetDefault(opts.level, 'options.level', constants.Z_MIN_LEVEL,
        constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', constants.Z_MIN_MEMLEVEL,
        constants.Z_MAX_MEMLEVEL, constants.Z_DEFAULT_MEMLEVEL);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', constants.Z_DEFAULT_STRATEGY,
        constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
      dictionary = opts.dictionary;
      if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
        if (isAnyArrayBuffer(dictionary)) {
          dictionary = Buffer.from(dictionary);
        } else {
          throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
        }
      }
    }
    const handle = binding.zNew(mode, level, strategy, windowBits, dictionary, 0, 0, chunkSizeOf(opts), memLevel);
    ZlibBase.call(this, opts, mode, handle, zlibFlushIdx);
    this._level = level;
    this._strategy = strategy;
  }

  function Brotli(opts, mode) {
    let quality = constants.BROTLI_DEFAULT_QUALITY;
    let lgwin = 0;
    let largeWindow = false;
    if (opts && opts.params) {
      // As node: no object check, the keys of whatever is given are the parameters, and a key
      // given twice ('1' and '01') is as invalid as an unknown one.
      const seen = [];
      let initFailed = false;
      for (const origKey of Object.keys(opts.params)) {
        const key = +origKey;
        if (Number.isNaN(key) || key < 0 || key > 8 || (key | 0) !== key || seen[key]) {
          throw nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${origKey} is not a valid Brotli parameter`);
        }
        seen[key] = true;
        const value = opts.params[origKey];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.params[key]', 'number', opts.params[origKey]);
        }
        // Node keeps the values in a Uint32Array where -1 (0xffffffff) means "not set".
        const v = value >>> 0;
        if (v === 0xffffffff) continue;
        if (mode === BROTLI_DECODE) {
          // The decoder knows only its two boolean flags (ring buffer reallocation, large window).
          if (key > 1) initFailed = true;
        } else if (key === constants.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING && v > 1) {
          initFailed = true;
        }
        if (key === constants.BROTLI_PARAM_QUALITY) quality = Math.max(0, Math.min(11, +value));
        if (key === constants.BROTLI_PARAM_LGWIN) lgwin = +value;
        // (the encoder's and the decoder's large window flags)
        if (key === (mode === BROTLI_DECODE ? constants.BROTLI_DECODER_PARAM_LARGE_WINDOW : constants.BROTLI_PARAM_LARGE_WINDOW)) {
          largeWindow = v !== 0;
        }
      }
      if (initFailed) throw nodeError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
    }
    const handle = binding.zNew(mode, 0, 0, 0, undefined, quality, lgwin, chunkSizeOf(opts), 0, largeWindow);
    ZlibBase.call(this, opts, mode, handle, brotliFlushIdx);
  }
  function BrotliCompress(opts) {
    if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
    Brotli.call(this, opts, BROTLI_ENCODE);
  }
  function BrotliDecompress(opts) {
    if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
    Brotli.call(this, opts, BROTLI_DECODE);
  }

  // The classes, made the first time one is needed: ZlibBase sits on stream's Transform.
  let classTable, Transform;
  function classes() {
    if (classTable) return classTable;
    Transform = require('stream').Transform;
    Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
    Object.defineProperties(ZlibBase.prototype, {
      _outBuffer: {
        __proto__: null,
        configurable: true,
        get() { return ownValue(this, '_outBuffer', Buffer.allocUnsafe(this._chunkSize)); },
        set(v) { ownValue(this, '_outBuffer', v); },
      },
      _writeState: {
        __proto__: null,
        configurable: true,
        get() {
          const state = new Uint32Array(2);
          if (this._handle) binding.zState(this._handle, state);
          return ownValue(this, '_writeState', state);
        },
        set(v) { ownValue(this, '_writeState', v); },
      },
    });
    Object.setPrototypeOf(ZlibBase, Transform);

    Object.defineProperty(ZlibBase.prototype, '_closed', {
      __proto__: null,
      configurable: true, enumerable: true,
      get() { return !this._handle; },
    });
    // As node, both accessors are deprecated under DEP0108 (one warning for the two); util is
    // loaded the first time either is used.
    let bytesReadGet, bytesReadSet;
    Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
      __proto__: null,
      configurable: true, enumerable: true,
      get() {
        if (!bytesReadGet) {
          bytesReadGet = require('util').deprecate(function() { return this.bytesWritten; },
            'zlib.bytesRead is deprecated and will change its meaning in the future. ' +
            'Use zlib.bytesWritten instead.', 'DEP0108');
        }
        return bytesReadGet.call(this);
      },
      set(v) {
        if (!bytesReadSet) {
          bytesReadSet = require('util').deprecate(function(value) { this.bytesWritten = value; },
            'Setting zlib.bytesRead is deprecated. This feature will be removed in the future.', 'DEP0108');
        }
        bytesReadSet.call(this, v);
      },
    });

    ZlibBase.prototype.reset = function reset() {
      // (node asserts it: an internal assertion's error)
      if (!this._handle) throw bindingClosedAssertion();
      binding.zReset(this._handle);
    };

    ZlibBase.prototype._flush = function _flush(callback) {
      this._transform(Buffer.alloc(0), '', callback);
    };
    ZlibBase.prototype._final = function _final(callback) { callback(); };

    const kFlushBuffers = [];
    for (let i = 0; i <= 5; i++) {
      kFlushBuffers[i] = Buffer.alloc(0);
      kFlushBuffers[i][kFlushFlag] = i;
    }

    ZlibBase.prototype.flush = function flush(kind, callback) {
      if (typeof kind === 'function' || (kind === undefined && !callback)) {
        callback = kind;
        kind = this._defaultFullFlushFlag;
      }
      if (this.writableFinished) {
        if (callback) process.nextTick(callback);
      } else if (this.writableEnded) {
        if (callback) this.once('end', callback);
      } else {
        this.write(kFlushBuffers[kind], '', callback);
      }
    };

    ZlibBase.prototype.close = function close(callback) {
      if (callback) require('stream').finished(this, callback);
      this.destroy();
    };

    ZlibBase.prototype._destroy = function _destroy(err, callback) {
      _close(this);
      callback(err);
    };

    ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
      let flushFlag = this._defaultFlushFlag;
      if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
      if (this.writableEnded && this.writableLength === chunk.byteLength) {
        flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
      }
      processChunk(this, chunk, flushFlag, cb);
    };

    ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
      if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
      return processChunkSync(this, chunk, flushFlag);
    };

    Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
    Object.setPrototypeOf(Zlib, ZlibBase);

    Zlib.prototype.params = function params(level, strategy, callback) {
      checkRangesOrGetDefault(level, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
      checkRangesOrGetDefault(strategy, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
      if (this._level === level && this._strategy === strategy) {
        process.nextTick(callback);
        return;
      }
      // As node: what was written so far is flushed, then deflateParams switches.
      const paramsAfterFlushCallback = () => {
        if (!this._handle) throw bindingClosedAssertion();
        binding.zParams(this._handle, level, strategy);
        if (!this.destroyed) {
          this._level = level;
          this._strategy = strategy;
          if (callback) callback();
        }
      };
      this.flush(Z_SYNC_FLUSH, paramsAfterFlushCallback);
    };

    function makeClass(name, mode) {
      const C = {
        [name]: function (opts) {
          if (!(this instanceof C)) return new C(opts);
          Zlib.call(this, opts, mode);
        },
      }[name];
      Object.setPrototypeOf(C.prototype, Zlib.prototype);
      Object.setPrototypeOf(C, Zlib);
      return C;
    }
    const Deflate = makeClass('Deflate', DEFLATE);
    const Inflate = makeClass('Inflate', INFLATE);
    const Gzip = makeClass('Gzip', GZIP);
    const Gunzip = makeClass('Gunzip', GUNZIP);
    const DeflateRaw = makeClass('DeflateRaw', DEFLATERAW);
    const InflateRaw = makeClass('InflateRaw', INFLATERAW);
    const Unzip = makeClass('Unzip', UNZIP);

    // As node, Brotli streams sit under Zlib (so they carry Zlib's params()).
    Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
    Brotli.prototype[kIsBrotli] = true;
    Object.setPrototypeOf(Brotli, Zlib);

    Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
    Object.setPrototypeOf(BrotliCompress, Brotli);
    Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
    Object.setPrototypeOf(BrotliDecompress, Brotli);
    classTable = {
      Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
    };
    return classTable;
  }

  // --- convenience functions -----------------------------------------------------------------------

  function toBuffer(buffer) {
    if (typeof buffer === 'string') return Buffer.from(buffer);
    if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
    if (!ArrayBuffer.isView(buffer)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
    }
    return buffer;
  }

  function zlibBuffer(engine, buffer, callback) {
    if (typeof callback !== 'function') validators().validateFunction(callback, 'callback');
    // As node, whose callback API ends a stream with the input: null/undefined is no input, and
    // anything else that is no string or bytes is the stream's "chunk" error.
    if (buffer == null) {
      buffer = Buffer.alloc(0);
    } else if (typeof buffer !== 'string' && !ArrayBuffer.isView(buffer) && !isAnyArrayBuffer(buffer)) {
      _close(engine);
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    buffer = toBuffer(buffer);
    const handle = engine._handle;
    // (the callback runs on a tick the handle's completion queues, as node's stream 'end' or
    // 'error' that calls it: async hooks see it in a TickObject the ZLIB resource triggered;
    // and as late: node's stream writes the input, then its final flush, in requests of their
    // own, one more per chunkSize of output, each in a turn of the loop, so that a
    // setImmediate queued with the call runs first)
    binding.zWrite(handle, buffer, engineFlush(engine, engine._finishFlushFlag), (err, out) => {
      _close(engine);
      if (err) {
        setEngineErrorStack(err, false, engine);
        return process.nextTick(callback, err);
      }
      if (out.length > engine._maxOutputLength) {
        return process.nextTick(callback, nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${engine._maxOutputLength} bytes`));
      }
      engine.bytesWritten = buffer.byteLength;
      // {info: true}: the result comes with the engine that made it
      process.nextTick(callback, null, engine._info ? { buffer: out, engine } : out);
    }, false, 2);
  }

  function zlibBufferSync(engine, buffer) {
    buffer = toBuffer(buffer);
    const out = processChunkSync(engine, buffer, engine._finishFlushFlag);
    return engine._info ? { buffer: out, engine } : out;
  }

  // bareEngine is the engine of a convenience method called without options: the handle node's
  // constructor makes with its defaults, and the fields the buffer functions read, without the
  // Transform stream around them that node makes and nobody sees (it is returned only for
  // {info: true}), so without the classes or stream. A gojs stream costs about three quarters
  // of an inflateSync of a short input.
  // emptyOpts: the engine node makes with {} (the callback given in the options' place), whose
  // decompressors take their window from the header (windowBits 0), as Zlib's check gives them.
  const kBareClass = Symbol('kBareClass');
  function bareEngine(mode, emptyOpts) {
    const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
    const windowBits = emptyOpts && (mode === INFLATE || mode === GUNZIP || mode === UNZIP) ?
      0 : constants.Z_DEFAULT_WINDOWBITS;
    const handle = brotli ?
      binding.zNew(mode, 0, 0, 0, undefined, constants.BROTLI_DEFAULT_QUALITY, 0, constants.Z_DEFAULT_CHUNK) :
      binding.zNew(mode, constants.Z_DEFAULT_COMPRESSION, constants.Z_DEFAULT_STRATEGY, windowBits,
        undefined, 0, 0, constants.Z_DEFAULT_CHUNK, constants.Z_DEFAULT_MEMLEVEL);
    return {
      __proto__: null,
      [kBareClass]: mode === BROTLI_ENCODE ? 'BrotliEncoder' : mode === BROTLI_DECODE ? 'BrotliDecoder' : 'Zlib',
      [kIsBrotli]: brotli,
      bytesWritten: 0,
      _handle: handle,
      _finishFlushFlag: brotli ? BROTLI_OPERATION_FINISH : Z_FINISH,
      _maxOutputLength: kMaxLength,
      _info: undefined,
      [kError]: null,
    };
  }

  // the classes of the convenience functions' modes
  const modeClass = [, 'Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
    'BrotliDecompress', 'BrotliCompress'];
  function createConvenienceMethod(mode, sync) {
    const make = (opts) => {
      const engine = new (classes()[modeClass[mode]])(opts);
      if (opts && opts.info) engine._info = true;
      return engine;
    };
    if (sync) {
      return function syncBufferWrapper(buffer, opts) {
        return zlibBufferSync(opts === undefined ? bareEngine(mode, false) : make(opts), buffer);
      };
    }
    return function asyncBufferWrapper(buffer, opts, callback) {
      if (typeof opts === 'function') return zlibBuffer(bareEngine(mode, true), buffer, opts);
      return zlibBuffer(make(opts), buffer, callback);
    };
  }

  const convenienceModes = {
    __proto__: null, deflate: DEFLATE, gzip: GZIP, deflateRaw: DEFLATERAW, unzip: UNZIP, inflate: INFLATE,
    gunzip: GUNZIP, inflateRaw: INFLATERAW, brotliCompress: BROTLI_ENCODE, brotliDecompress: BROTLI_DECODE,
  };
  // member(name): zlib's export name, a class or a convenience function
  return function member(name) {
    if (name.charCodeAt(0) < 97) return classes()[name];
    const sync = name.endsWith('Sync');
    return createConvenienceMethod(convenienceModes[sync ? name.slice(0, -4) : name], sync);
  };
})
