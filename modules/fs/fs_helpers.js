// ---- helpers -------------------------------------------------------------------------------
// A part of fs's glue, compiled on the first call of an fs function that needs them (parts.go):
// fs.js's loadHelpers calls it with the names of fs.js it uses and takes the helpers it returns.
(function makeHelpers({
  require, binding, fs, kUsePromises, kType, kMaxUserId, Stats, BigIntStats, getBuffer, toBuffer,
  Dirent, dirAPI, readdirTree, toUnixTimestamp, atCheckFrames, atFdSite, atFlagsSite, atModeSite, atPathSite, O_RDONLY,
  O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC, S_IFMT, S_IFREG, S_IFDIR, S_IFLNK,
}) {
  // made on first use: TextEncoder's module (and the web events it needs) is not loaded with fs
  let textEncoder;
  let truncateWarned = false;
  let warnedRecursiveRmdir = false;
  let nonPortableTemplateWarned = false;
  // (the validators' built-ins, taken once as node's primordials are: a global's property read
  // is a lookup on the global object in goja, and readSync did about ten)
  const NumberIsInteger = Number.isInteger;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const kMinSafeInteger = -9007199254740991, kMaxSafeInteger = 9007199254740991;
  let
    allocBuffer, concatBuffers, bufferFromString, decode, errCode, errNative,
    errType, errValue, inspectValue, errRange, AbortError, validateFunction, validateBoolean,
    validateString, validateObject, validateInteger, validateInt32, validateUint32,
    validateAbortSignal, isArrayBufferView, isUint8Array, validateBuffer,
    validateStringAfterArrayBufferView, validateBufferArray, normalizeEncoding, isEncoding,
    assertEncoding, isUtf8, validateEncoding, getOptions, makeCallback, isURL, fileURLToPath,
    toPathIfFileURL, getValidatedPath, pathString, getValidatedFd, getValidatedFdNative, isFd,
    stringToFlags, parseFileMode, getValidMode, validatePosition, validateOffsetLengthRead,
    validateOffsetLengthWrite, checkAborted, StatFs, makeStatFs, wantBuf, encodeName, makeDirents,
    readdirResult, cbReq, readFileFinish, abortFlag, writeFileData, flushed, appendOptions,
    emptyBuffer, queueTick, vectorPosition, writeStringBinding, showTruncateDeprecation,
    validateIds, mkdirArgs, encodeOut, realpathArg, symlinkType, warnRecursiveRmdir,
    validateRmOptionsShape, validateRmdirOptions, makeInternals, warnNonPortableTemplate, toInt32;
  allocBuffer = function allocBuffer(n) {
    const B = getBuffer();
    return B ? B.allocUnsafe(n) : new Uint8Array(n);
  };

  concatBuffers = function concatBuffers(list, total) {
    const B = getBuffer();
    if (B) return B.concat(list, total);
    const out = new Uint8Array(total);
    let off = 0;
    for (const b of list) { out.set(b, off); off += b.length; }
    return out;
  };

  bufferFromString = function bufferFromString(str, encoding) {
    const B = getBuffer();
    if (B) return B.from(str, encoding || 'utf8');
    if (textEncoder === undefined) textEncoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
    if (textEncoder) return textEncoder.encode(str);
    throw errCode('Error', 'ERR_NOT_SUPPORTED', 'Buffer is not available');
  };

  decode = function decode(buf, encoding) {
    if (encoding === 'buffer' || !encoding) return buf;
    if (typeof buf.toString === 'function' && buf.toString !== Uint8Array.prototype.toString) return buf.toString(encoding);
    return binding.utf8(buf);
  };

  errCode = function errCode(name, code, message) { return binding.errCode(name, code, message); };

  // errNative is an error as node's binding throws it (THROW_ERR_* in src/): no "[CODE]" in its
  // name, toString() or stack, code an own property, the stack starting at skip's caller.
  errNative = function errNative(name, code, message, skip) {
    const err = new globalThis[name](message);
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, skip || errNative);
    err.code = code;
    return err;
  };

  errType = function errType(name, expected, value) {
    return binding.errType(name, Array.isArray(expected) ? expected : [expected], value);
  };

  errValue = function errValue(name, value, reason = 'is invalid') {
    const kind = name.includes('.') ? 'property' : 'argument';
    let inspected = inspectValue(value);
    if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
    return errCode('TypeError', 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${inspected}`);
  };

  inspectValue = function inspectValue(v) {
    if (typeof v === 'string') return binding.inspect(v);
    if (Object.is(v, -0)) return '-0';
    if (typeof v === 'bigint') return `${v}n`;
    if (v === null || typeof v !== 'object' && typeof v !== 'function') return String(v);
    try { return require('util').inspect(v); } catch (e) { /* util not available */ }
    if (Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0) return '{}';
    if (Array.isArray(v) && v.length === 0) return '[]';
    return String(v);
  };

  errRange = function errRange(name, range, input) {
    return new (require('internal/errors').codes.ERR_OUT_OF_RANGE)(name, range, input);
  };

  AbortError = class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  };

  validateFunction = function validateFunction(v, name) {
    if (typeof v !== 'function') {
      const err = errType(name, 'Function', v);
      throw name === 'cb' || name === 'callback' ? atCheckFrames(err, 'callback', '') : err;
    }
  };

  validateBoolean = function validateBoolean(v, name) {
    if (typeof v !== 'boolean') throw errType(name, 'boolean', v);
  };

  validateString = function validateString(v, name) {
    if (typeof v !== 'string') throw errType(name, 'string', v);
  };

  // (nullable: null passes, as node's kValidateObjectAllowNullable; undefined never does)
  validateObject = function validateObject(v, name, nullable) {
    if ((!nullable && v === null) || Array.isArray(v) || typeof v !== 'object') {
      if (!(nullable && v === null)) throw errType(name, 'Object', v);
    }
  };

  validateInteger = function validateInteger(v, name, min = kMinSafeInteger, max = kMaxSafeInteger) {
    if (typeof v !== 'number') throw errType(name, 'number', v);
    if (!NumberIsInteger(v)) throw errRange(name, 'an integer', v);
    if (v < min || v > max) throw errRange(name, `>= ${min} && <= ${max}`, v);
  };

  validateInt32 = function validateInt32(v, name, min = -2147483648, max = 2147483647) {
    if (typeof v !== 'number') throw errType(name, 'number', v);
    if (!NumberIsInteger(v)) throw errRange(name, 'an integer', v);
    if (v < min || v > max) throw errRange(name, `>= ${min} && <= ${max}`, v);
  };

  validateUint32 = function validateUint32(v, name, positive) {
    if (typeof v !== 'number') throw errType(name, 'number', v);
    if (!NumberIsInteger(v)) throw errRange(name, 'an integer', v);
    const min = positive ? 1 : 0;
    if (v < min || v > 4294967295) throw errRange(name, `>= ${min} && <= 4294967295`, v);
  };

  validateAbortSignal = function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw errType(name, 'AbortSignal', signal);
    }
  };

  isArrayBufferView = function isArrayBufferView(v) { return ArrayBufferIsView(v); };

  isUint8Array = function isUint8Array(v) { return v instanceof Uint8Array; };

  validateBuffer = function validateBuffer(buffer, name = 'buffer') {
    if (!isArrayBufferView(buffer)) throw errType(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  };

  validateStringAfterArrayBufferView = function validateStringAfterArrayBufferView(v, name) {
    if (typeof v !== 'string') throw errType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], v);
  };

  validateBufferArray = function validateBufferArray(buffers, name = 'buffers') {
    if (!Array.isArray(buffers)) throw errType(name, 'ArrayBufferView[]', buffers);
    for (let i = 0; i < buffers.length; i++) {
      if (!isArrayBufferView(buffers[i])) throw errType(name, 'ArrayBufferView[]', buffers);
    }
    return buffers;
  };

  const encodings = {
    __proto__: null,
    utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
    'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', base64: 'base64',
    base64url: 'base64url', hex: 'hex', ascii: 'ascii',
  };

  normalizeEncoding = function normalizeEncoding(enc) {
    if (enc == null || enc === '') return 'utf8';
    if (typeof enc !== 'string') return undefined;
    return encodings[enc] || encodings[enc.toLowerCase()];
  };

  // Buffer.isEncoding's answer, without loading buffer (a read as utf8 needs no Buffer)
  isEncoding = function isEncoding(enc) {
    return typeof enc === 'string' && enc !== '' && normalizeEncoding(enc) !== undefined;
  };

  assertEncoding = function assertEncoding(encoding) {
    if (encoding && !isEncoding(encoding)) {
      throw errValue('encoding', encoding, 'is invalid encoding');
    }
  };

  isUtf8 = function isUtf8(enc) {
    return enc == null || enc === 'utf8' || enc === 'utf-8' || normalizeEncoding(enc) === 'utf8';
  };

  validateEncoding = function validateEncoding(data, encoding) {
    const normalized = normalizeEncoding(encoding);
    const length = data.length;
    if (normalized === 'hex' && length % 2 !== 0) {
      throw errValue('encoding', encoding, `is invalid for data of length ${length}`);
    }
  };

  getOptions = function getOptions(options, defaultOptions = {}) {
    if (options == null || typeof options === 'function') return defaultOptions;
    if (typeof options === 'string') {
      defaultOptions = { ...defaultOptions };
      defaultOptions.encoding = options;
      options = defaultOptions;
    } else if (typeof options !== 'object') {
      throw errType('options', ['string', 'Object'], options);
    }
    if (options.encoding !== 'buffer') assertEncoding(options.encoding);
    if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
    return options;
  };

  makeCallback = function makeCallback(cb) {
    validateFunction(cb, 'cb');
    return cb;
  };

  isURL = function isURL(v) {
    return Boolean(v && typeof v === 'object' && v.href && v.protocol && v.auth === undefined && v.path === undefined);
  };

  fileURLToPath = function fileURLToPath(url) {
    if (url.protocol !== 'file:') throw errCode('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    if (url.hostname !== '') {
      throw errCode('TypeError', 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    }
    const pathname = url.pathname;
    for (let n = 0; n < pathname.length; n++) {
      if (pathname[n] === '%') {
        const third = pathname.codePointAt(n + 2) | 0x20;
        if (pathname[n + 1] === '2' && third === 102) {
          throw errCode('TypeError', 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
        }
      }
    }
    return decodeURIComponent(pathname);
  };

  toPathIfFileURL = function toPathIfFileURL(p) { return isURL(p) ? fileURLToPath(p) : p; };

  // (variant: see atPathSite)
  getValidatedPath = function getValidatedPath(fileURLOrPath, propName = 'path', variant) {
    if (typeof fileURLOrPath === 'string' && fileURLOrPath.indexOf('\u0000') === -1) return fileURLOrPath;
    const path = toPathIfFileURL(fileURLOrPath);
    if (typeof path !== 'string' && !isUint8Array(path)) {
      throw atPathSite(errType(propName, ['string', 'Buffer', 'URL'], path), propName, variant);
    }
    const hasNull = typeof path === 'string' ? path.indexOf('\u0000') !== -1 : path.indexOf(0) !== -1;
    if (hasNull) {
      throw atPathSite(errValue(propName, path, 'must be a string, Uint8Array, or URL without null bytes'), propName, variant);
    }
    return path;
  };

  pathString = function pathString(p) { return typeof p === 'string' ? p : binding.utf8(p); };

  getValidatedFd = function getValidatedFd(fd, propName = 'fd') {
    if (Object.is(fd, -0)) return 0;
    if (typeof fd === 'number' && (fd | 0) === fd && fd >= 0) return fd;
    try {
      validateInt32(fd, propName, 0);
    } catch (err) {
      // (node's frames: its check in the function called; nodeFdSites)
      throw propName === 'fd' ? atFdSite(err) : err;
    }
    return fd;
  };

  // node's isFd is isInt32: a negative integer is an fd too (and fails as one)
  // getValidatedFdNative is the fd check node 20 does in its binding (close, fstat, fsync, fdatasync,
  // ftruncate, fchmod, fchown, futimes): it describes a function, a bigint and a prototype-less
  // object in C++'s words.
  getValidatedFdNative = function getValidatedFdNative(fd) {
    let received;
    if (typeof fd === 'function') received = 'function';
    else if (typeof fd === 'bigint') received = `type bigint (${fd})`;
    else if (fd !== null && typeof fd === 'object' && Object.getPrototypeOf(fd) === null) received = 'an instance of Object';
    if (received !== undefined) {
      throw atFdSite(errNative('TypeError', 'ERR_INVALID_ARG_TYPE',
        `The "fd" argument must be of type number. Received ${received}`, getValidatedFdNative));
    }
    if (typeof fd === 'number') {
      if (fd === (fd | 0) && fd >= 0) return fd | 0;
      // C++ prints the number as String() does (no digit separators); a finite number outside
      // 0..2**31-1 is out of range even when it has a fraction; NaN, Infinity and a fraction
      // inside the range are 'an integer'
      const outside = fd < 0 || fd > 2147483647;
      const must = outside && fd !== Infinity && fd !== -Infinity ? '>= 0 && <= 2147483647' : 'an integer';
      throw atFdSite(errNative('RangeError', 'ERR_OUT_OF_RANGE',
        `The value of "fd" is out of range. It must be ${must}. Received ${String(fd)}`, getValidatedFdNative));
    }
    try {
      return getValidatedFd(fd);
    } catch (e) {
      // the same words as the JS check, in the binding's shape; C++ builds the message as a C
      // string, which ends at a NUL of the value shown (('f\0x') reads ('f)
      const nul = e.message.indexOf('\0');
      throw atFdSite(errNative(e instanceof RangeError ? 'RangeError' : 'TypeError', e.code,
        nul === -1 ? e.message : e.message.slice(0, nul), getValidatedFdNative));
    }
  };

  // toInt32 is `v | 0` as V8 does it: goja's ToInt32 of a double past 2**63 is 0 (V8: 1e20 | 0
  // is 1661992960), so such a double is first taken modulo 2**32, which is exact. The value is
  // converted once, as `|` does (a BigInt, or an object giving one, throws `|`'s TypeError).
  toInt32 = function toInt32(v) {
    if (typeof v !== 'number') {
      v = -v;
      if (typeof v !== 'number') return v | 0;
      v = -v;
    }
    return (v < 9e18 && v > -9e18 ? v : v % 4294967296) | 0;
  };

  // node's isFd is isInt32, value === (value | 0): a bigint or a symbol makes it throw, as in node
  isFd = function isFd(v) { return v === (v | 0); };

  // (variant: see atFlagsSite)
  stringToFlags = function stringToFlags(flags, name = 'flags', variant) {
    if (typeof flags === 'number') {
      if ((flags | 0) !== flags) {
        try {
          validateInt32(flags, name);
        } catch (err) {
          throw atFlagsSite(err, variant);
        }
      }
      return flags;
    }
    if (flags == null) return O_RDONLY;
    switch (flags) {
      case 'r': return O_RDONLY;
      case 'rs': case 'sr': return O_RDONLY | O_SYNC;
      case 'r+': return O_RDWR;
      case 'rs+': case 'sr+': return O_RDWR | O_SYNC;
      case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
      case 'wx': case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
      case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
      case 'wx+': case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
      case 'a': return O_APPEND | O_CREAT | O_WRONLY;
      case 'ax': case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
      case 'as': case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
      case 'a+': return O_APPEND | O_CREAT | O_RDWR;
      case 'ax+': case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
      case 'as+': case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
    }
    throw atFlagsSite(errValue('flags', flags), variant);
  };

  const octalReg = /^[0-7]+$/;

  // (promises: fs.promises' call, whose errors are given node's frames there)
  parseFileMode = function parseFileMode(value, name, def, promises) {
    value = value ?? def;
    if (typeof value === 'string') {
      if (!octalReg.test(value)) {
        throw atModeSite(errValue(name, value, 'must be a 32-bit unsigned integer or an octal string'), true);
      }
      value = parseInt(value, 8);
    }
    try {
      validateUint32(value, name);
    } catch (err) {
      throw atModeSite(err, false, promises);
    }
    return value;
  };

  // getValidMode is node's binding check of an access/copyFile mode: any number that is not NaN or
  // infinite, cast to an integer, then range-checked.
  getValidMode = function getValidMode(mode, type, promises) {
    const max = 7;
    const def = type === 'copyFile' ? 0 : 0;
    if (mode == null) return def;
    let err;
    if (typeof mode !== 'number') {
      err = errNative('TypeError', 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined', getValidMode);
    } else if (!Number.isFinite(mode)) {
      err = errNative('RangeError', 'ERR_OUT_OF_RANGE', 'mode is out of range', getValidMode);
    } else {
      const m = Math.trunc(mode);
      if (m >= 0 && m <= max) return m;
      err = errNative('RangeError', 'ERR_OUT_OF_RANGE', `mode is out of range: >= 0 && <= ${max}`, getValidMode);
    }
    throw atModeSite(err, false, promises);
  };

  validatePosition = function validatePosition(position, name, length) {
    if (typeof position === 'number') {
      validateInteger(position, name, -1);
    } else if (typeof position === 'bigint') {
      const maxPosition = 2n ** 63n - 1n;
      if (!(position >= -(2n ** 63n) && position <= maxPosition)) {
        throw errRange(name, `>= ${-(2n ** 63n)} && <= ${maxPosition}`, position);
      }
    } else {
      throw errType(name, ['integer', 'bigint'], position);
    }
  };

  validateOffsetLengthRead = function validateOffsetLengthRead(offset, length, bufferLength) {
    if (offset < 0) throw errRange('offset', '>= 0', offset);
    if (length < 0) throw errRange('length', '>= 0', length);
    if (offset + length > bufferLength) throw errRange('length', `<= ${bufferLength - offset}`, length);
  };

  validateOffsetLengthWrite = function validateOffsetLengthWrite(offset, length, byteLength) {
    if (offset > byteLength) throw errRange('offset', `<= ${byteLength}`, offset);
    if (length > byteLength - offset) throw errRange('length', `<= ${byteLength - offset}`, length);
    if (length < 0) throw errRange('length', '>= 0', length);
    validateInt32(length, 'length', 0);
  };

  checkAborted = function checkAborted(signal, callback) {
    if (signal && signal.aborted) {
      callback(new AbortError(undefined, { cause: signal.reason }));
      return true;
    }
    return false;
  };

  StatFs = class StatFs {
    constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
      this.type = type;
      this.bsize = bsize;
      this.blocks = blocks;
      this.bfree = bfree;
      this.bavail = bavail;
      this.files = files;
      this.ffree = ffree;
    }
  };

  makeStatFs = function makeStatFs(a) { return new StatFs(a[0], a[1], a[2], a[3], a[4], a[5], a[6]); };

  // wantBuf tells Go to hand back raw bytes (an ArrayBuffer) for names in a non-utf8 encoding.
  wantBuf = function wantBuf(encoding) { return !isUtf8(encoding); };

  encodeName = function encodeName(v, encoding) {
    if (typeof v === 'string') return v;
    const b = toBuffer(v);
    return encoding === 'buffer' ? b : decode(b, encoding);
  };

  // makeDirents makes the Dirents of a listing, [names, types, parents], parents being one
  // string when every entry has the same; top, when given, stands for that one (node's Dirent
  // holds the listed path as it was given: a Buffer stays a Buffer). (A literal on Dirent's
  // prototype, with the constructor's properties in its order, costs less in goja than the
  // constructor call.)
  makeDirents = function makeDirents(res, encoding, top) {
    // (the binding made the Dirents: an array of them, not [names, types, parents])
    if (!Array.isArray(res[0])) return res;
    const names = res[0], types = res[1];
    let parents = res[2];
    if (top !== undefined && typeof parents === 'string') parents = top;
    const n = names.length;
    const out = new Array(n);
    const proto = Dirent.prototype;
    const raw = wantBuf(encoding);
    if (!Array.isArray(parents)) {
      for (let i = 0; i < n; i++) {
        out[i] = { __proto__: proto, name: raw ? encodeName(names[i], encoding) : names[i],
          parentPath: parents, path: parents, [kType]: types[i] };
      }
      return out;
    }
    for (let i = 0; i < n; i++) {
      out[i] = { __proto__: proto, name: raw ? encodeName(names[i], encoding) : names[i],
        parentPath: parents[i], path: parents[i], [kType]: types[i] };
    }
    return out;
  };

  readdirResult = function readdirResult(res, withFileTypes, encoding, path) {
    if (withFileTypes) return makeDirents(res, encoding, isUint8Array(path) ? path : undefined);
    if (!wantBuf(encoding)) return res;
    for (let i = 0; i < res.length; i++) res[i] = encodeName(res[i], encoding);
    return res;
  };

  // cbReq returns the binding request for a callback whose result goes through conv.
  cbReq = function cbReq(callback, conv) {
    if (!conv) return callback;
    return function (err, res) {
      if (err) return callback(err);
      callback(null, conv(res));
    };
  };

  readFileFinish = function readFileFinish(data, options) {
    if (typeof data === 'string') return data;
    const buf = toBuffer(data);
    if (!options.encoding) return buf;
    return typeof buf.toString === 'function' && buf.toString !== Uint8Array.prototype.toString ?
      buf.toString(options.encoding) : decode(buf, options.encoding);
  };

  // abortFlag returns { flag, onAbort } for a read that an AbortSignal may stop between chunks:
  // onAbort, listening on the signal, sets the Go-side flag. Undefined without a signal.
  abortFlag = function abortFlag(signal) {
    if (!signal) return undefined;
    const flag = binding.newStopFlag();
    const onAbort = () => binding.setStopFlag(flag);
    signal.addEventListener('abort', onAbort, { once: true });
    return { flag, onAbort };
  };

  writeFileData = function writeFileData(data, encoding, name = 'data') {
    if (isArrayBufferView(data)) return data;
    validateStringAfterArrayBufferView(data, name);
    if (isUtf8(encoding)) return data;
    return bufferFromString(data, encoding);
  };

  flushed = function flushed(fd, isUserFd, flush, callback) {
    if (!flush) return callback;
    return (err) => {
      if (err) return callback(err);
      fs.fsync(fd, callback);
    };
  };

  appendOptions = function appendOptions(path, options) {
    // (none given: the defaults' copy, made without the for...in, which cost a third of a small
    // appendFileSync)
    // (node's isFd(path) runs for every call: a symbol or bigint path throws its TypeError)
    if (options == null || typeof options === 'function') {
      isFd(path);
      return { encoding: 'utf8', mode: 0o666, flag: 'a' };
    }
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
    // copied with for...in as node's copyObject does: inherited properties count
    const own = {};
    for (const key in options) own[key] = options[key];
    options = own;
    if (!options.flag || isFd(path)) options.flag = 'a';
    return options;
  };

  emptyBuffer = function emptyBuffer(buffer) {
    return errCode('TypeError', 'ERR_INVALID_ARG_VALUE',
      `The argument 'buffer' is empty and cannot be written. Received ${inspectValue(buffer)}`);
  };

  queueTick = function queueTick(fn) {
    if (typeof process === 'object' && process && typeof process.nextTick === 'function') process.nextTick(fn);
    else Promise.resolve().then(fn);
  };

  // A readv/writev position that is not a safe integer means the current position, as node's
  // binding takes it.
  vectorPosition = function vectorPosition(position) {
    return typeof position === 'number' && Number.isSafeInteger(position) ? position : -1;
  };

  writeStringBinding = function writeStringBinding(fd, str, position, encoding, req) {
    if (position == null || typeof position !== 'number') position = -1;
    // node's binding reads an encoding it does not know as utf8
    const B = getBuffer();
    if (isUtf8(encoding) || (B && !B.isEncoding(encoding))) return binding.writeString(fd, str, position, req);
    const b = bufferFromString(str, encoding);
    return binding.write(fd, b, 0, b.byteLength, position, req);
  };

  showTruncateDeprecation = function showTruncateDeprecation() {
    if (truncateWarned) return;
    truncateWarned = true;
    process.emitWarning('Using fs.truncate with a file descriptor is deprecated. ' +
      'Please use fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
  };

  validateIds = function validateIds(uid, gid) {
    validateInteger(uid, 'uid', -1, kMaxUserId);
    validateInteger(gid, 'gid', -1, kMaxUserId);
  };

  // mkdirArgs reads mkdir's mode and recursive from its options; the callers validate them after
  // the path, as node's
  mkdirArgs = function mkdirArgs(path, options) {
    let mode = 0o777;
    let recursive = false;
    if (typeof options === 'number' || typeof options === 'string') {
      mode = options;
    } else if (options && typeof options === 'object') {
      if (options.recursive !== undefined) recursive = options.recursive;
      if (options.mode !== undefined) mode = options.mode;
    }
    return [mode, recursive];
  };

  // warnNonPortableTemplate warns once, as node does, of a mkdtemp prefix ending in X (which
  // platforms treat differently); prefix is the validated path, a string or a Buffer.
  warnNonPortableTemplate = function warnNonPortableTemplate(prefix) {
    if (nonPortableTemplateWarned) return;
    const last = typeof prefix === 'string' ? prefix.charCodeAt(prefix.length - 1) : prefix[prefix.length - 1];
    if (last !== 0x58) return;
    nonPortableTemplateWarned = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
  };

  // encodeOut encodes a string result from Go in the requested encoding.
  encodeOut = function encodeOut(s, encoding) {
    if (isUtf8(encoding)) return s;
    const b = bufferFromString(s, 'utf8');
    return encoding === 'buffer' ? b : decode(b, encoding);
  };

  realpathArg = function realpathArg(p) {
    p = toPathIfFileURL(p);
    if (typeof p !== 'string') p += '';
    return getValidatedPath(p);
  };

  symlinkType = function symlinkType(type) {
    // node reads a type that is not a string as none (only strings are checked)
    if (typeof type !== 'string') return;
    if (type !== 'dir' && type !== 'file' && type !== 'junction') {
      throw errCode('Error', 'ERR_FS_INVALID_SYMLINK_TYPE',
        `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
    }
  };

  warnRecursiveRmdir = function warnRecursiveRmdir() {
    if (warnedRecursiveRmdir) return;
    warnedRecursiveRmdir = true;
    process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
  };

  // rmdir's options as node's validateRmdirOptions: rm's shape without force
  validateRmdirOptions = function validateRmdirOptions(options) {
    if (options === undefined) options = {};
    validateObject(options, 'options');
    options = { retryDelay: 100, maxRetries: 0, recursive: false, ...options };
    validateBoolean(options.recursive, 'options.recursive');
    validateInt32(options.retryDelay, 'options.retryDelay', 0);
    validateUint32(options.maxRetries, 'options.maxRetries');
    return options;
  };

  validateRmOptionsShape = function validateRmOptionsShape(options) {
    if (options === undefined) options = {};
    validateObject(options, 'options');
    options = { retryDelay: 100, maxRetries: 0, recursive: false, force: false, ...options };
    validateBoolean(options.force, 'options.force');
    validateBoolean(options.recursive, 'options.recursive');
    validateInt32(options.retryDelay, 'options.retryDelay', 0);
    validateUint32(options.maxRetries, 'options.maxRetries');
    return options;
  };

  // Internals shared with the promises API, made with it (a runtime that never touches
  // fs.promises does not build them).
  makeInternals = function makeInternals() {
    return {
      binding, kUsePromises, getValidatedPath, getValidatedFd, getOptions, stringToFlags, parseFileMode,
      validateFunction, validateBoolean, validateString, validateInteger, validateInt32, validateUint32, validateObject,
      validateBuffer, validateBufferArray, validateStringAfterArrayBufferView, validateEncoding,
      validatePosition, validateOffsetLengthRead, validateOffsetLengthWrite, validateAbortSignal,
      validateRmOptionsShape, validateRmdirOptions, vectorPosition, getValidMode, toUnixTimestamp, isArrayBufferView, isUtf8, isFd, wantBuf,
      encodeName, encodeOut, warnNonPortableTemplate, readdirResult, makeStatFs, symlinkType, mkdirArgs, appendOptions,
      writeFileData, bufferFromString, toBuffer, allocBuffer, getBuffer, concatBuffers, decode, readFileFinish,
      errCode, errType, errValue, errRange, emptyBuffer, warnRecursiveRmdir, abortFlag, AbortError, readdirTree, get Dir() { return dirAPI().Dir; }, get opendir() { return dirAPI().opendir; }, Dirent, Stats, BigIntStats,
      queueTick, O_RDWR, S_IFMT, S_IFDIR, S_IFREG, S_IFLNK, inspectValue, isURL, fileURLToPath, pathString,
    };
  };
  return {
    allocBuffer, concatBuffers, bufferFromString, decode, errCode, errNative,
    errType, errValue, inspectValue, errRange, AbortError, validateFunction, validateBoolean,
    validateString, validateObject, validateInteger, validateInt32, validateUint32,
    validateAbortSignal, isArrayBufferView, isUint8Array, validateBuffer,
    validateStringAfterArrayBufferView, validateBufferArray, normalizeEncoding, isEncoding,
    assertEncoding, isUtf8, validateEncoding, getOptions, makeCallback, isURL, fileURLToPath,
    toPathIfFileURL, getValidatedPath, pathString, getValidatedFd, getValidatedFdNative, isFd,
    stringToFlags, parseFileMode, getValidMode, validatePosition, validateOffsetLengthRead,
    validateOffsetLengthWrite, checkAborted, StatFs, makeStatFs, wantBuf, encodeName, makeDirents,
    readdirResult, cbReq, readFileFinish, abortFlag, writeFileData, flushed, appendOptions,
    emptyBuffer, queueTick, vectorPosition, writeStringBinding, showTruncateDeprecation,
    validateIds, mkdirArgs, encodeOut, realpathArg, symlinkType, warnRecursiveRmdir,
    validateRmOptionsShape, validateRmdirOptions, makeInternals, warnNonPortableTemplate, toInt32,
  };
})
