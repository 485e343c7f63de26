'use strict';
// Glue for node:buffer. Encodings, searches, copies and comparisons run in Go (binding) on the
// bytes of the ArrayBuffer. The fixed-size read/write methods are native with a fast path; the
// JS versions below are their slow paths (and the whole story for the variable-size and BigInt
// ones), throwing Node's errors.

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const customInspect = Symbol.for('nodejs.util.inspect.custom');
let INSPECT_MAX_BYTES = 50;

// ---- errors ----------------------------------------------------------------------------------

// (the error factories and validators below leave their frames out of the stacks of the errors
// they make, as node's: runtime/errorstack.go's hiddenFramesEnd knows them by name)
function makeError(Ctor, code, message) {
  return binding.makeError(Ctor, code, message);
}

// nativeError is an error node's C++ binding throws: a plain error that only carries a code
// property (its stack and toString have no "[CODE]").
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// parseArrayIndex is node's ParseArrayIndex: undefined gives def, anything else its integer value
// (NaN is 0), a negative one "Index out of range".
function parseArrayIndex(v, def) {
  if (v === undefined) return def;
  const n = Math.trunc(+v) || 0;
  if (n < 0) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
  return n;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = '_' + val.slice(i - 3, i) + res;
  return val.slice(0, i) + res;
}

function inspectValue(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return binding.inspectPrimitive(v);
  let util = null;
  try {
    util = require('util');
  } catch (e) {
    // util not available: fall through.
  }
  if (util !== null) return util.inspect(v);
  if (typeof v[customInspect] === 'function') return v[customInspect](2);
  return String(v);
}

function errOutOfRange(name, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspectValue(input);
  }
  return makeError('RangeError', 'ERR_OUT_OF_RANGE',
    'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + received);
}

function errInvalidArgType(name, expected, actual) {
  return binding.invalidArgType(name, typeof expected === 'string' ? [expected] : expected, actual);
}

function errBufferOutOfBounds(name) {
  return makeError('RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS',
    name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds');
}

function errUnknownEncoding(e) {
  let shown;
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
    // Node formats the value with util.format('%s').
    try {
      shown = require('util').format('%s', e);
    } catch (err) {
      shown = String(e);
    }
  } else if (typeof e === 'symbol') {
    shown = e.toString();
  } else if (typeof e === 'bigint') {
    shown = e + 'n'; // '%s' shows a bigint with its n
  } else if (e === 0 && 1 / e < 0) {
    shown = '-0'; // and keeps the sign of zero
  } else {
    shown = String(e);
  }
  return makeError('TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + shown);
}

function errInvalidArgValue(name, value) {
  // node says "property" for a dotted name (an option's).
  return makeError('TypeError', 'ERR_INVALID_ARG_VALUE',
    'The ' + (name.includes('.') ? 'property' : 'argument') + " '" + name + "' is invalid. Received " +
    inspectValue(value));
}

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && value !== value)) {
    throw errOutOfRange(name,
      (min != null ? '>= ' + min : '') + (min != null && max != null ? ' && ' : '') +
      (max != null ? '<= ' + max : ''), value);
  }
}

function validateInteger(value, name, min, max) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errOutOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errOutOfRange(name, '>= ' + min + ' && <= ' + max, value);
}

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

// %TypedArray%.prototype[Symbol.toStringTag] reads the internal slot: the element type's name
// for a typed array (whatever its prototype), undefined for anything else, as node's
// isUint8Array/isTypedArray see it (an object that only inherits from Buffer.prototype is not one).
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const typedArrayByteLength = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), 'byteLength').get;
const typedArrayLength = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), 'length').get;
const typedArrayFill = Object.getPrototypeOf(Uint8Array.prototype).fill;

function isUint8Array(v) {
  return typedArrayTag.call(v) === 'Uint8Array';
}

function isTypedArray(v) {
  return typedArrayTag.call(v) !== undefined;
}

// An ArrayBuffer or SharedArrayBuffer by its internal slot, as node's: one with another
// prototype still is, an object that only inherits from ArrayBuffer.prototype is not.
function isAnyArrayBuffer(v) {
  return typeof v === 'object' && v !== null && binding.isAnyArrayBuffer(v);
}

// ---- encodings -------------------------------------------------------------------------------

function slowEncoding(e) {
  switch (e.length) {
    case 4:
      if (e === 'UTF8') return 0;
      if (e === 'ucs2' || e === 'UCS2') return 1;
      e = (`${e}`).toLowerCase();
      if (e === 'utf8') return 0;
      if (e === 'ucs2') return 1;
      break;
    case 3:
      if (e === 'hex' || e === 'HEX' || (`${e}`).toLowerCase() === 'hex') return 6;
      break;
    case 5:
      if (e === 'ascii') return 3;
      if (e === 'ucs-2') return 1;
      if (e === 'UTF-8') return 0;
      if (e === 'ASCII') return 3;
      if (e === 'UCS-2') return 1;
      e = (`${e}`).toLowerCase();
      if (e === 'utf-8') return 0;
      if (e === 'ascii') return 3;
      if (e === 'ucs-2') return 1;
      break;
    case 6:
      if (e === 'latin1' || e === 'binary') return 2;
      if (e === 'base64') return 4;
      if (e === 'LATIN1' || e === 'BINARY') return 2;
      if (e === 'BASE64') return 4;
      e = (`${e}`).toLowerCase();
      if (e === 'latin1' || e === 'binary') return 2;
      if (e === 'base64') return 4;
      break;
    case 7:
      if (e === 'utf16le' || e === 'UTF16LE' || (`${e}`).toLowerCase() === 'utf16le') return 1;
      break;
    case 8:
      if (e === 'utf-16le' || e === 'UTF-16LE' || (`${e}`).toLowerCase() === 'utf-16le') return 1;
      break;
    case 9:
      if (e === 'base64url' || e === 'BASE64URL' || (`${e}`).toLowerCase() === 'base64url') return 5;
      break;
    default:
      if (e === '') return 0;
  }
  return undefined;
}

// normalizeEncoding returns the encoding number for a name, or undefined when unknown.
function normalizeEncoding(e) {
  if (e == null || e === 'utf8' || e === 'utf-8') return 0;
  return slowEncoding(e);
}

// encodingOf is normalizeEncoding for names that must be valid strings (getEncodingOps).
function encodingOf(e) {
  e += '';
  if (e === 'utf8' || e === 'utf-8') return 0;
  return e === '' ? undefined : slowEncoding(e);
}

const encodingNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

// ---- Buffer ----------------------------------------------------------------------------------

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(a, b, c) {
    super(a, b, c);
  }
}

let warned = false;
let nodeModulesChecks = 0;

// isInsideNodeModules is node 20's check of the calling stack: is any frame outside node itself
// (a frame whose file name starts with '/' or holds a '\\') in a file under a node_modules
// directory? Node looks at no more than 100 frames and, when the stack is that deep, answers yes
// (no warning): so a test file whose Buffer() call is reached through a runner in node_modules
// (tape, mocha) is not warned about.
const kNodeModulesFrameLimit = 100;
function isInsideNodeModules() {
  // The plain stack, not one a user's Error.prepareStackTrace makes (which may itself call
  // Buffer()), and as deep as node's look, whatever the user's Error.stackTraceLimit.
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  let stack;
  try {
    Error.prepareStackTrace = undefined;
    Error.stackTraceLimit = kNodeModulesFrameLimit;
    stack = new Error().stack;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  const lines = String(stack).split('\n');
  let frames = 0;
  for (let i = 1; i < lines.length; i++) {
    let loc = lines[i].trim();
    if (!loc.startsWith('at ')) continue;
    frames++;
    loc = loc.slice(3);
    if (loc.endsWith(')')) loc = loc.slice(loc.lastIndexOf('(') + 1, -1);
    const file = loc.replace(/:\d+:\d+$/, '');
    if (!/^\/|\\/.test(file)) continue;
    if (/[\\/]node_modules[\\/]/.test(file)) return true;
  }
  return frames >= kNodeModulesFrameLimit;
}

let pendingDeprecationValue;
function pendingDeprecation() {
  if (pendingDeprecationValue === undefined) {
    pendingDeprecationValue = require('internal/options').getOptionValue('--pending-deprecation');
  }
  return pendingDeprecationValue;
}

function Buffer(arg, encodingOrOffset, length) {
  // DEP0005 once, as node: not for calls from code under node_modules (unless
  // --pending-deprecation), and no more looking after 10000 such calls.
  if (!warned && ++nodeModulesChecks <= 10000 && (pendingDeprecation() || !isInsideNodeModules())) {
    warned = true;
    if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
      process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use ' +
        'the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
        'DeprecationWarning', 'DEP0005');
    }
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errInvalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
});

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

const proto = Buffer.prototype;
binding.setProtos(proto, Uint8Array.prototype);
// binding.fromUTF8Pool's next pool offset (see from)
const poolEnd = new Int32Array(1);
binding.setPoolEnd(poolEnd, Buffer);

function fromStringEnc(string, e) {
  if (string.length === 0) return new FastBuffer();
  return new FastBuffer(binding.fromString(string, e));
}

// ---- the pool --------------------------------------------------------------------------------
// As node's, small Buffers made by allocUnsafe, from (strings, arrays, array-likes, other
// views), concat and copyBytesFrom are slices of a shared pool of Buffer.poolSize bytes (taken
// at the time a pool is made), each starting at a multiple of 8: so buf.byteOffset is not 0 and
// buf.buffer is the whole pool. The pool cannot be transferred (postMessage, structuredClone and
// the web streams copy it instead). Node makes its first pool when buffer loads; this one is
// made on first use, of the size node's would have.
let poolSize = 8 * 1024;
let poolOffset = 0;
let allocPool = null;
let allocPoolBytes = null; // a Uint8Array over the whole pool: the binding reads it fastest

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  allocPoolBytes = new Uint8Array(allocPool);
  poolOffset = 0;
  untransferablePools.add(allocPool);
}
// The pools, which structured cloning (internal/structured_clone asks module_internals' isPool once buffer
// has loaded) treats as marked untransferable: kept here so that Buffer's first use loads no more.
const untransferablePools = new WeakSet();

function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// allocate is node's: a pool slice for a size under half the pool size, else a buffer of its own.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (allocPool === null || size > (poolSize - poolOffset)) createPool();
    return poolSlice(size);
  }
  return new FastBuffer(size);
}

// fromStringPooled is node's fromStringFast: the string's bytes in the pool when its byteLength
// is under half the pool size.
function fromStringPooled(string, e) {
  if (allocPool === null) createPool();
  let r = binding.fromStringPool(string, e, allocPoolBytes, poolOffset, Buffer.poolSize >>> 1);
  if (r === -1) {
    createPool();
    r = binding.fromStringPool(string, e, allocPoolBytes, poolOffset, Buffer.poolSize >>> 1);
  }
  if (typeof r !== 'number') return new FastBuffer(r);
  return poolSlice(r);
}

// poolSlice is the next size bytes of the pool, written already.
function poolSlice(size) {
  const b = new FastBuffer(allocPool, poolOffset, size);
  poolOffset += size;
  alignPool();
  return b;
}

// copyUnpooled is a copy of a Uint8Array's bytes in a buffer of its own (for bytes a built-in
// keeps, such as a Blob's).
function copyUnpooled(src) {
  const b = new FastBuffer(src.length);
  binding.copy(src, b, 0, 0, src.length);
  return b;
}

function fromString(string, encoding) {
  let e;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    e = 0;
  } else {
    e = encodingOf(encoding);
    if (e === undefined) throw errUnknownEncoding(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringPooled(string, e);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw errBufferOutOfBounds('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw errBufferOutOfBounds('length');
    } else {
      length = 0;
    }
  }
  if (byteOffset <= -1) {
    // The typed array constructor's own error, in V8's words (it truncates the offset first:
    // -0.5 is 0).
    throw new RangeError('Start offset ' + byteOffset + ' is outside the bounds of the buffer');
  }
  if (byteOffset < 0) byteOffset = 0;
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    const b = allocate(obj.length);
    if (isUint8Array(obj)) binding.copy(obj, b, 0, 0, obj.length);
    else typedArraySet.call(b, obj, 0);
    return b;
  }
  if (isUint8Array(obj)) return copyUnpooled(obj);
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') {
    // Common case first: a non-empty string in UTF-8.
    if ((encodingOrOffset === undefined || encodingOrOffset === 'utf8') && value.length !== 0) {
      // (fromStringPooled inlined for this, the most frequent call)
      if (allocPool !== null) {
        const b = binding.fromUTF8Pool(value, allocPool, allocPoolBytes, poolOffset, Buffer.poolSize >>> 1);
        if (b !== null) {
          poolOffset = poolEnd[0];
          return b;
        }
      }
      return fromStringPooled(value, 0);
    }
    return fromString(value, encodingOrOffset);
  }
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw errInvalidArgType('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
}

function fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const e = normalizeEncoding(encoding);
    if (e === undefined) {
      if (typeof encoding !== 'string') throw errInvalidArgType('encoding', 'string', encoding);
      throw errUnknownEncoding(encoding);
    }
    encoding = e;
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (e === 0) {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (e === 2) {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = 0;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (!isUint8Array(buf)) {
      // node checks against the byte length and fills the elements (a Uint16Array's
      // values, not its bytes; a Uint8ClampedArray clamps; what is no typed array throws in
      // the byteLength getter)
      if (offset > end || end > typedArrayByteLength.call(buf)) throw errBufferOutOfBounds();
      typedArrayFill.call(buf, value, offset, end);
      return buf;
    }
    // (against the bytes: an own length property may claim more)
    if (offset > end || end > typedArrayByteLength.call(buf)) throw errBufferOutOfBounds();
    // node fills numbers with %TypedArray%.prototype.fill, which refuses a detached buffer.
    if (end === 0 && binding.detached(buf)) {
      throw new TypeError('Cannot perform %TypedArray%.prototype.fill on a detached ArrayBuffer');
    }
    binding.fill(buf, value, offset, end, 0);
  } else if (isTypedArray(buf) ? end > typedArrayByteLength.call(buf) : !ArrayBuffer.isView(buf)) {
    // (node's binding checks its receiver, then the range against the bytes, then the value)
    throw isTypedArray(buf) ? errBufferOutOfBounds() : errNotABuffer();
  } else if (typeof value === 'string' || ArrayBuffer.isView(value)) {
    if (binding.fill(buf, value, offset, end, encoding) === -1) throw errInvalidArgValue('value', value);
  } else {
    // node's binding reads the value as a uint32 (ToNumber): a BigInt does not convert
    if (typeof value === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
    binding.fill(buf, (value >>> 0) & 255, offset, end, 0);
  }
  return buf;
}

function checkSize(size) {
  if (typeof size !== 'number' || !(size >= 0 && size <= kMaxLength)) validateNumber(size, 'size', 0, kMaxLength);
}

// As node's, these are plain functions (constructible: form-data calls new Buffer.alloc(0)),
// but of, a method there too.
const statics = {
  from,
  of(...items) {
    const b = new FastBuffer(items.length);
    for (let i = 0; i < items.length; i++) b[i] = items[i];
    return b;
  },
  copyBytesFrom: function copyBytesFrom(view, offset, length) {
    if (!ArrayBuffer.isView(view) || view instanceof DataView) {
      throw errInvalidArgType('view', ['TypedArray'], view);
    }
    const viewLength = view.length;
    if (viewLength === 0) return new FastBuffer();
    if (offset !== undefined || length !== undefined) {
      if (offset !== undefined) {
        validateInteger(offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
        if (offset >= viewLength) return new FastBuffer();
      } else {
        offset = 0;
      }
      let end;
      if (length !== undefined) {
        validateInteger(length, 'length', 0, Number.MAX_SAFE_INTEGER);
        end = offset + length;
      } else {
        end = viewLength;
      }
      view = view.subarray(offset, end);
    }
    const src = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const b = allocate(src.length);
    binding.copy(src, b, 0, 0, src.length);
    return b;
  },
  alloc: function alloc(size, fillValue, encoding) {
    checkSize(size);
    if (fillValue !== undefined && fillValue !== 0 && size > 0) {
      const buf = new FastBuffer(size);
      return fill(buf, fillValue, 0, buf.length, encoding);
    }
    return new FastBuffer(size);
  },
  allocUnsafe: function allocUnsafe(size) {
    checkSize(size);
    return allocate(size);
  },
  allocUnsafeSlow: function allocUnsafeSlow(size) {
    checkSize(size);
    return new FastBuffer(size);
  },
  isBuffer: function isBuffer(b) {
    return b instanceof Buffer;
  },
  compare: function compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw errInvalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw errInvalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
    if (buf1 === buf2) return 0;
    return binding.compare(buf1, buf2);
  },
  isEncoding: function isEncoding(encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 &&
      normalizeEncoding(encoding) !== undefined;
  },
  byteLength,
  concat: function concat(list, length) {
    if (!Array.isArray(list)) throw errInvalidArgType('list', ['Array'], list);
    if (list.length === 0) return new FastBuffer();
    if (length !== undefined) validateOffset(length, 'length');
    // node's concat fills Buffer.allocUnsafe(length): a pool slice when small
    if (allocPool === null) createPool();
    let r = binding.concat(list, length === undefined ? -1 : length, allocPoolBytes, poolOffset, Buffer.poolSize >>> 1);
    if (r === -1) {
      createPool();
      r = binding.concat(list, length === undefined ? -1 : length, allocPoolBytes, poolOffset, Buffer.poolSize >>> 1);
    }
    if (r === null) return concatSlow(list, length);
    if (typeof r === 'number') return r === 0 ? new FastBuffer() : poolSlice(r);
    return new FastBuffer(r);
  },
};

// concatSlow is Buffer.concat for lists that are not a plain array of Uint8Arrays (holes,
// other values, proxies, elements with another prototype): node's two passes, reading each
// element's properties as node does.
function concatSlow(list, length) {
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      // V8's words for reading a property of null or undefined.
      if (v == null) throw new TypeError('Cannot read properties of ' + v + " (reading 'length')");
      if (v.length) length += list[i].length;
    }
  }
  const buffer = statics.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) throw errInvalidArgType('list[' + i + ']', ['Buffer', 'Uint8Array'], list[i]);
    pos += concatCopy(buf, buffer, pos, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
}

const typedArraySet = Object.getPrototypeOf(Uint8Array.prototype).set;

// concatCopy is node's _copyActual(source, target, targetStart, 0, sourceEnd): the element's
// length (and, to cut it, buffer and byteOffset) are read as properties, so an element with
// another prototype or an own length behaves as in node; then %TypedArray%.prototype.set
// copies it.
function concatCopy(source, target, targetStart, sourceEnd) {
  if (sourceEnd > target.length - targetStart) sourceEnd = target.length - targetStart;
  let nb = sourceEnd;
  const sourceLen = source.length;
  if (nb > sourceLen) nb = sourceLen;
  if (sourceEnd < source.length) source = new Uint8Array(source.buffer, source.byteOffset, nb);
  // node copies each part with %TypedArray%.prototype.set, even an empty one (V8's messages).
  if (binding.detached(source)) throw new TypeError('Cannot perform %TypedArray%.prototype.set on a detached ArrayBuffer');
  const at = Math.trunc(targetStart) || 0;
  if (typedArrayByteLength.call(source) > typedArrayByteLength.call(target) - at) throw new RangeError('offset is out of bounds');
  typedArraySet.call(target, source, at);
  return nb;
}

Buffer.poolSize = 8 * 1024;
for (const k of ['from', 'copyBytesFrom', 'of', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'isBuffer',
  'compare', 'isEncoding', 'concat', 'byteLength']) {
  Buffer[k] = statics[k];
}
// node's own-symbol alias of isEncoding (what its string_decoder reads), listed by console.log(Buffer)
Buffer[Symbol('kIsEncodingSymbol')] = statics.isEncoding;

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw errInvalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  // (node 20 has no third mustMatch argument any more; no `arguments`: goja makes the object on
  // every call of a function that names it)
  if (string.length === 0) return 0;
  if (!encoding) return binding.byteLength(string, 0);
  const e = encodingOf(encoding);
  return binding.byteLength(string, e === undefined ? 0 : e);
}

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || offset !== offset) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

function toInteger(n, defaultVal) {
  n = +n;
  if (n === n && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return (n % 1) === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw errInvalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw errInvalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw errOutOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw errOutOfRange('sourceStart', '>= 0 && <= ' + source.byteLength, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw errOutOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  return binding.copy(source, target, targetStart, sourceStart, nb);
}

// node's binding's check of a receiver that is no ArrayBufferView (its message has no quotes).
function errNotABuffer() {
  return nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
}

function compareViews(a, b) {
  if (!ArrayBuffer.isView(a)) throw errNotABuffer();
  return binding.compare(a, b);
}

function indexOfImpl(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) throw errInvalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (byteOffset !== byteOffset) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;
  if (typeof val === 'number') return binding.indexOfNumber(buffer, val >>> 0, byteOffset, dir);
  let e = 0;
  if (encoding !== undefined) e = encodingOf(encoding);
  if (typeof val === 'string') {
    if (e === undefined) throw errUnknownEncoding(encoding);
    return binding.indexOf(buffer, val, byteOffset, e, dir);
  }
  if (isUint8Array(val)) return binding.indexOf(buffer, val, byteOffset, e === undefined ? 0 : e, dir);
  throw errInvalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

// foreignToString is Buffer.prototype.toString called on something that is not a Buffer: Node
// calls the encoding's slice method on it, which plain Uint8Arrays lack.
function foreignToString(self, encoding) {
  let name = 'this.utf8Slice';
  if (encoding !== undefined) {
    const e = encodingOf(encoding);
    if (e === undefined) throw errUnknownEncoding(encoding);
    name = 'buf.' + (e === 1 ? 'ucs2' : encodingNames[e]) + 'Slice';
  }
  const fn = self[name.slice(name.indexOf('.') + 1)];
  if (typeof fn !== 'function') throw new TypeError(name + ' is not a function');
  return Buffer.prototype.toString.apply(Buffer.from(self.buffer, self.byteOffset, self.byteLength), [encoding]);
}

function swapN(buf, n) {
  const len = buf.length;
  if (len % n !== 0) {
    throw makeError('RangeError', 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + (n * 8) + '-bits');
  }
  if (buf.BYTES_PER_ELEMENT !== 1) {
    // node swaps a short receiver element by element (an array-like, or a wider typed
    // array's elements), a longer one's bytes natively (which takes views only)
    if (len < (n === 2 ? 128 : 192)) {
      for (let i = 0; i < len; i += n) {
        for (let a = i, b = i + n - 1; a < b; a++, b--) {
          const t = buf[a];
          buf[a] = buf[b];
          buf[b] = t;
        }
      }
      return buf;
    }
    if (!ArrayBuffer.isView(buf)) throw notABuffer();
  }
  return binding.swap(buf, n);
}

const mainMethods = {
  toString(encoding, start, end) {
    // (no `arguments`, which goja makes on every call of a function naming it: toString() and
    // toString(undefined) give the same string)
    if (!(this instanceof Buffer)) return foreignToString(this, encoding);
    // (the intrinsic length getter, as this.length reads it for a Buffer and throws for an object
    // that only inherits from Buffer.prototype, without goja's named read of a typed array,
    // which tries the name as a number first)
    if (encoding === undefined && start === undefined && end === undefined) return binding.toString(this, 0, 0, typedArrayLength.call(this));
    const len = this.length;
    if (start <= 0) start = 0;
    else if (start >= len) return '';
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return '';
    if (encoding === undefined) return binding.toString(this, 0, start, end);
    const e = encodingOf(encoding);
    if (e === undefined) throw errUnknownEncoding(encoding);
    return binding.toString(this, e, start, end);
  },
  equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) {
      throw errInvalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
    }
    if (this === otherBuffer) return true;
    // The intrinsic getter, as node's: a receiver that is no typed array is a TypeError.
    const len = typedArrayByteLength.call(this);
    if (len !== typedArrayByteLength.call(otherBuffer)) return false;
    return len === 0 || binding.compare(this, otherBuffer) === 0;
  },
  compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw errInvalidArgType('target', ['Buffer', 'Uint8Array'], target);
    // (node tests arguments.length === 1; goja makes the arguments object on every call of a
    // function naming it, so the same test is made of the four being undefined: given as
    // undefined they come to the same comparison for a Buffer or typed array receiver)
    if (targetStart === undefined && targetEnd === undefined && sourceStart === undefined &&
        sourceEnd === undefined) return compareViews(this, target);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
    if (targetStart >= targetEnd) return 1;
    if (sourceStart > this.length) {
      throw makeError('RangeError', 'ERR_OUT_OF_RANGE', 'The value of "sourceStart" is out of range.');
    }
    if (targetStart > target.length) {
      throw makeError('RangeError', 'ERR_OUT_OF_RANGE', 'The value of "targetStart" is out of range.');
    }
    if (!ArrayBuffer.isView(this)) throw errNotABuffer();
    return binding.compare(this, target, sourceStart, sourceEnd, targetStart, targetEnd);
  },
  copy(target, targetStart, sourceStart, sourceEnd) {
    return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
  },
  indexOf(val, byteOffset, encoding) {
    return indexOfImpl(this, val, byteOffset, encoding, true);
  },
  lastIndexOf(val, byteOffset, encoding) {
    return indexOfImpl(this, val, byteOffset, encoding, false);
  },
  includes(val, byteOffset, encoding) {
    return this.indexOf(val, byteOffset, encoding) !== -1;
  },
  fill(value, offset, end, encoding) {
    return fill(this, value, offset, end, encoding);
  },
  // node validates the offset, the length and the encoding in JS and leaves the string to the
  // native write it calls last, so a bad offset wins over a value that is not a string.
  write(string, offset, length, encoding) {
    if (offset === undefined) return binding.write(this, writeString(string), 0, this.length, 0);
    if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    if (!encoding) return binding.write(this, writeString(string), offset, length, 0);
    const e = encodingOf(encoding);
    if (e === undefined) throw errUnknownEncoding(encoding);
    return binding.write(this, writeString(string), offset, length, e);
  },
  toJSON() {
    if (this.length > 0) {
      const data = new Array(this.length);
      for (let i = 0; i < this.length; ++i) data[i] = this[i];
      return { type: 'Buffer', data };
    }
    return { type: 'Buffer', data: [] };
  },
  subarray(start, end) {
    const srcLength = this.length;
    start = adjustOffset(start, srcLength);
    end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
    const newLength = end > start ? end - start : 0;
    return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
  },
  slice(start, end) {
    return this.subarray(start, end);
  },
  swap16() {
    return swapN(this, 2);
  },
  swap32() {
    return swapN(this, 4);
  },
  swap64() {
    return swapN(this, 8);
  },
  [customInspect](recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = binding.inspectBytes(this, actualMax);
    if (remaining > 0) str += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
    if (ctx) {
      let extras = false;
      const obj = { __proto__: null };
      // node's getOwnNonIndexProperties: symbol keys count too.
      // The names come from Go when they can: Object.keys lists a key per byte, which for a
      // large Buffer took seconds.
      const named = binding.namedKeys(this);
      const keys = (named !== undefined ? named
        : ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this))
        .concat(Object.getOwnPropertySymbols(this));
      for (const key of keys) {
        if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) && +key < this.length) continue;
        if (ctx.showHidden || Object.prototype.propertyIsEnumerable.call(this, key)) {
          extras = true;
          obj[key] = this[key];
        }
      }
      if (extras) {
        let util;
        try { util = require('util'); } catch (e) { util = null; }
        if (util) {
          if (this.length !== 0) str += ', ';
          str += util.inspect(obj, Object.assign({}, ctx, { breakLength: Infinity, compact: true })).slice(27, -2);
        }
      }
    }
    return '<' + this.constructor.name + ' ' + str + '>';
  },
};

// setNameLength(fn, name, length) is Object.defineProperty(fn, 'name', { value: name,
// configurable: true }) and the same for length, done in Go (no descriptor objects).
const setNameLength = binding.setNameLength;

// notABuffer is node's native check of a receiver that is no ArrayBufferView.
function notABuffer() {
  return nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
}

// Per-encoding slice/write methods (buf.utf8Slice, buf.hexWrite, ...).
const encMethods = {};
for (let i = 0; i < encodingNames.length; i++) {
  const name = i === 1 ? 'ucs2' : encodingNames[i];
  const methods = encMethods;
  // node's native SliceGeneric: indexes as parseArrayIndex reads them, an end before the start
  // is the start, an end past the buffer is "Index out of range".
  methods[name + 'Slice'] = function (start, end) {
    if (!ArrayBuffer.isView(this)) throw notABuffer();
    // in bytes, as node's native reads any view (a Uint16Array's or a DataView's whole memory)
    const len = this.byteLength;
    start = parseArrayIndex(start, 0);
    end = parseArrayIndex(end, len);
    if (end < start) end = start;
    if (end > len) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    return binding.toString(this, i, start, end);
  };
  // node's native StringWrite: a string, an offset inside the buffer, at most the rest of it.
  methods[name + 'Write'] = function (string, offset, length) {
    if (!ArrayBuffer.isView(this)) throw notABuffer();
    if (typeof string !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    const len = this.byteLength;
    offset = parseArrayIndex(offset, 0);
    if (offset > len) throw nativeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    const max = Math.min(len - offset, parseArrayIndex(length, len - offset));
    if (max === 0) return 0;
    return binding.write(this, string, offset, max, i);
  };
  setNameLength(methods[name + 'Slice'], name + 'Slice', 0);
  setNameLength(methods[name + 'Write'], name + 'Write', 0);
}

// the check node's native StringWrite makes of what Buffer#write passes it
function writeString(string) {
  if (typeof string !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  return string;
}

// ---- numeric accessors -----------------------------------------------------------------------

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset'); // at: internal/buffer:81:5
    throw errOutOfRange(type || 'offset', 'an integer', value); // at: internal/buffer:82:11
  }
  if (length < 0) throw errBufferOutOfBounds(); // at: internal/buffer:86:11
  throw errOutOfRange(type || 'offset', '>= ' + (type ? 1 : 0) + ' and <= ' + length, value); // at: internal/buffer:88:9
}

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset'); // at: internal/buffer:55:3
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1)); // at: internal/buffer:57:5
  }
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = '>= 0' + n + ' and < 2' + n + ' ** ' + ((byteLength + 1) * 8) + n;
      } else {
        range = '>= -(2' + n + ' ** ' + ((byteLength + 1) * 8 - 1) + n + ') and < 2' + n + ' ** ' +
          ((byteLength + 1) * 8 - 1) + n;
      }
    } else {
      range = '>= ' + min + n + ' and <= ' + max + n;
    }
    throw errOutOfRange('value', range, value); // at: internal/buffer:74:11
  }
  checkBounds(buf, offset, byteLength); // at: internal/buffer:76:3
}

function readUInt8(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:251:3
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1); // at: internal/buffer:254:5
  return val;
}

function readInt8(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:423:3
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1); // at: internal/buffer:426:5
  return val | (val & 128) * 0x1fffffe;
}

function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:241:3
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2); // at: internal/buffer:245:5
  return first + last * 256;
}

function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:330:3
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2); // at: internal/buffer:334:5
  return first * 256 + last;
}

function readInt16LE(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:412:3
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2); // at: internal/buffer:416:5
  const val = first + last * 256;
  return val | (val & 32768) * 0x1fffe;
}

function readInt16BE(offset = 0) {
  validateNumber(offset, 'offset'); // at: internal/buffer:504:3
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2); // at: internal/buffer:508:5
  const val = first * 256 + last;
  return val | (val & 32768) * 0x1fffe;
}

function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 256 + this[offset + 2] * 65536 + last * 16777216;
}

function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first * 16777216 + this[offset + 1] * 65536 + this[offset + 2] * 256 + last;
}

function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 256 + this[offset + 2] * 65536 + (last << 24);
}

function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return (first << 24) + this[offset + 1] * 65536 + this[offset + 2] * 256 + last;
}

// readBytes checks offset for an n-byte read and returns the bytes' unsigned value, little- or
// big-endian, for n up to 6.
function readUnsigned(buf, offset, n, le) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + n - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - n);
  let v = 0;
  if (le) {
    for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  }
  return v;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  if (byteLength === 4) return this.readUInt32LE(offset);
  if (byteLength === 2) return this.readUInt16LE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) return readUnsigned(this, offset, byteLength, true);
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  if (byteLength === 4) return this.readUInt32BE(offset);
  if (byteLength === 2) return this.readUInt16BE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) return readUnsigned(this, offset, byteLength, false);
  boundsError(byteLength, 6, 'byteLength');
}

function signed(v, n) {
  const limit = 2 ** (8 * n - 1);
  return v >= limit ? v - limit * 2 : v;
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  if (byteLength === 4) return this.readInt32LE(offset);
  if (byteLength === 2) return this.readInt16LE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    return signed(readUnsigned(this, offset, byteLength, true), byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  if (byteLength === 4) return this.readInt32BE(offset);
  if (byteLength === 2) return this.readInt16BE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    return signed(readUnsigned(this, offset, byteLength, false), byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function check8(buf, offset) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + 7] === undefined) boundsError(offset, buf.length - 8);
}

function readBigUInt64LE(offset = 0) {
  check8(this, offset);
  const a = this[offset] + this[offset + 1] * 256 + this[offset + 2] * 65536 + this[offset + 3] * 16777216;
  const b = this[offset + 4] + this[offset + 5] * 256 + this[offset + 6] * 65536 + this[offset + 7] * 16777216;
  return BigInt(a) + (BigInt(b) << 32n);
}

function readBigUInt64BE(offset = 0) {
  check8(this, offset);
  const a = this[offset] * 16777216 + this[offset + 1] * 65536 + this[offset + 2] * 256 + this[offset + 3];
  const b = this[offset + 4] * 16777216 + this[offset + 5] * 65536 + this[offset + 6] * 256 + this[offset + 7];
  return (BigInt(a) << 32n) + BigInt(b);
}

function readBigInt64LE(offset = 0) {
  return BigInt.asIntN(64, readBigUInt64LE.call(this, offset));
}

function readBigInt64BE(offset = 0) {
  return BigInt.asIntN(64, readBigUInt64BE.call(this, offset));
}

const float32Array = new Float32Array(1);
const uInt8Float32Array = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const uInt8Float64Array = new Uint8Array(float64Array.buffer);
float32Array[0] = -1;
const bigEndian = uInt8Float32Array[3] === 0;

function readFloat(buf, offset, le) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 4);
  if (le !== bigEndian) {
    for (let i = 0; i < 4; i++) uInt8Float32Array[i] = buf[offset + i];
  } else {
    for (let i = 0; i < 4; i++) uInt8Float32Array[3 - i] = buf[offset + i];
  }
  return float32Array[0];
}

function readDouble(buf, offset, le) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  if (le !== bigEndian) {
    for (let i = 0; i < 8; i++) uInt8Float64Array[i] = buf[offset + i];
  } else {
    for (let i = 0; i < 8; i++) uInt8Float64Array[7 - i] = buf[offset + i];
  }
  return float64Array[0];
}

function writeU8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset'); // at: writeU_Int8@internal/buffer:738:3
  if (value > max || value < min) throw errOutOfRange('value', '>= ' + min + ' and <= ' + max, value); // at: writeU_Int8@internal/buffer:740:11
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1); // at: writeU_Int8@internal/buffer:743:5
  buf[offset] = value;
  return offset + 1;
}

// writeN writes value (already range checked as a number) as n bytes.
function writeN(buf, value, offset, n, le) {
  // Split into a low 32-bit and a high part so that values up to 48 bits stay exact.
  let lo = value >>> 0;
  let hi = Math.floor(value / 4294967296);
  if (le) {
    for (let i = 0; i < n; i++) {
      if (i < 4) {
        buf[offset + i] = lo;
        lo = lo >>> 8;
      } else {
        buf[offset + i] = hi;
        hi = hi >>> 8;
      }
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      const j = n - 1 - i;
      if (j < 4) {
        buf[offset + i] = lo;
        lo = lo >>> 8;
      } else {
        buf[offset + i] = hi;
        hi = hi >>> 8;
      }
    }
  }
  return offset + n;
}

function writeInt(buf, value, offset, n, le, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n - 1);
  return writeN(buf, value, offset, n, le);
}

const uMax = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff];
const sMax = [0, 0x7f, 0x7fff, 0x7fffff, 0x7fffffff, 0x7fffffffff, 0x7fffffffffff];

function writeUIntLEBE(le) {
  return function (value, offset, byteLength) {
    if (byteLength === 1) return writeU8(this, value, offset, 0, 0xff);
    if (byteLength >= 2 && byteLength <= 6 && Number.isInteger(byteLength)) {
      return writeInt(this, value, offset, byteLength, le, 0, uMax[byteLength]);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function writeIntLEBE(le) {
  return function (value, offset, byteLength) {
    if (byteLength === 1) return writeU8(this, value, offset, -0x80, 0x7f);
    if (byteLength >= 2 && byteLength <= 6 && Number.isInteger(byteLength)) {
      return writeInt(this, value, offset, byteLength, le, -sMax[byteLength] - 1, sMax[byteLength]);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function writeBig64(buf, value, offset, min, max, le) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number(value >> 32n & 0xffffffffn);
  for (let i = 0; i < 4; i++) {
    buf[le ? offset + i : offset + 7 - i] = lo;
    lo = lo >> 8;
  }
  for (let i = 0; i < 4; i++) {
    buf[le ? offset + 4 + i : offset + 3 - i] = hi;
    hi = hi >> 8;
  }
  return offset + 8;
}

function writeFloat(buf, val, offset, le) {
  val = +val;
  checkBounds(buf, offset, 3);
  if (val !== val) return writeN(buf, 0x7fc00000, offset, 4, le);
  float32Array[0] = val;
  if (le !== bigEndian) {
    for (let i = 0; i < 4; i++) buf[offset + i] = uInt8Float32Array[i];
  } else {
    for (let i = 0; i < 4; i++) buf[offset + i] = uInt8Float32Array[3 - i];
  }
  return offset + 4;
}

function writeDouble(buf, val, offset, le) {
  val = +val;
  checkBounds(buf, offset, 7);
  if (val !== val) {
    writeN(buf, le ? 0 : 0x7ff80000, offset, 4, le);
    return writeN(buf, le ? 0x7ff80000 : 0, offset + 4, 4, le);
  }
  float64Array[0] = val;
  if (le !== bigEndian) {
    for (let i = 0; i < 8; i++) buf[offset + i] = uInt8Float64Array[i];
  } else {
    for (let i = 0; i < 8; i++) buf[offset + i] = uInt8Float64Array[7 - i];
  }
  return offset + 8;
}

const numeric = {
  readUInt8, readInt8, readUInt16LE, readUInt16BE, readInt16LE, readInt16BE,
  readUInt32LE, readUInt32BE, readInt32LE, readInt32BE,
  readUIntLE, readUIntBE, readIntLE, readIntBE,
  readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
  readFloatLE(offset = 0) { return readFloat(this, offset, true); },
  readFloatBE(offset = 0) { return readFloat(this, offset, false); },
  readDoubleLE(offset = 0) { return readDouble(this, offset, true); },
  readDoubleBE(offset = 0) { return readDouble(this, offset, false); },
  writeUInt8(value, offset = 0) { return writeU8(this, value, offset, 0, 0xff); }, // at: internal/buffer:750:10
  writeInt8(value, offset = 0) { return writeU8(this, value, offset, -0x80, 0x7f); }, // at: internal/buffer:871:10
  writeUInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, true, 0, 0xffff); },
  writeUInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, false, 0, 0xffff); },
  writeInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, true, -0x8000, 0x7fff); },
  writeInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, false, -0x8000, 0x7fff); },
  writeUInt32LE(value, offset = 0) { return writeInt(this, value, offset, 4, true, 0, 0xffffffff); },
  writeUInt32BE(value, offset = 0) { return writeInt(this, value, offset, 4, false, 0, 0xffffffff); },
  writeInt32LE(value, offset = 0) { return writeInt(this, value, offset, 4, true, -0x80000000, 0x7fffffff); },
  writeInt32BE(value, offset = 0) { return writeInt(this, value, offset, 4, false, -0x80000000, 0x7fffffff); },
  writeUIntLE: writeUIntLEBE(true),
  writeUIntBE: writeUIntLEBE(false),
  writeIntLE: writeIntLEBE(true),
  writeIntBE: writeIntLEBE(false),
  writeBigUInt64LE(value, offset = 0) { return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, true); },
  writeBigUInt64BE(value, offset = 0) { return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, false); },
  writeBigInt64LE(value, offset = 0) {
    return writeBig64(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, true);
  },
  writeBigInt64BE(value, offset = 0) {
    return writeBig64(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, false);
  },
  writeFloatLE(value, offset = 0) { return writeFloat(this, value, offset, true); },
  writeFloatBE(value, offset = 0) { return writeFloat(this, value, offset, false); },
  writeDoubleLE(value, offset = 0) { return writeDouble(this, value, offset, true); },
  writeDoubleBE(value, offset = 0) { return writeDouble(this, value, offset, false); },
};
// The Go versions come with Node's names and lengths; the rest get them below.
const fastNumeric = binding.makeFast(numeric);
for (const k of Object.keys(fastNumeric)) numeric[k] = fastNumeric[k];
// Node's function names and lengths (the float accessors are named after the byte order
// relative to the machine's, little-endian here).
// (Only the fixed-size methods get a name or length other than their own, and those are usually
// Go's, which come named: the regexps run only for keys that can match them.)
for (const k of Object.keys(numeric)) {
  if (fastNumeric[k] !== undefined) continue;
  let name = k;
  let length = numeric[k].length;
  if (k.indexOf('Float') !== -1 || k.indexOf('Double') !== -1 || k.indexOf('Int8') !== -1 ||
      k.indexOf('Int16') !== -1 || k.indexOf('Int32') !== -1) {
    const m = /^(read|write)(Float|Double)(LE|BE)$/.exec(k);
    if (m) name = m[1] + m[2] + ((m[3] === 'LE') !== bigEndian ? 'Forwards' : 'Backwards');
    if (/^write(U?Int(8|16|32)|Float|Double)/.test(k)) length = 1;
    if (/^read(U?Int(8|16|32)|Float|Double)/.test(k)) length = 0;
  }
  setNameLength(numeric[k], name, length);
}
// Install the prototype methods as plain (enumerable) properties in Node's order. The order and
// the Uint aliases (each the UInt method's function) are written out: building them with string
// concatenation, replace and a pass over the keys cost every runtime that loads buffer about
// 1,300 allocations.
{
  const uintAliases = [ // alias, method
    'readBigUint64LE', 'readBigUInt64LE', 'readBigUint64BE', 'readBigUInt64BE', 'writeBigUint64LE',
    'writeBigUInt64LE', 'writeBigUint64BE', 'writeBigUInt64BE', 'readUintLE', 'readUIntLE', 'readUint32LE',
    'readUInt32LE', 'readUint16LE', 'readUInt16LE', 'readUint8', 'readUInt8', 'readUintBE', 'readUIntBE',
    'readUint32BE', 'readUInt32BE', 'readUint16BE', 'readUInt16BE', 'writeUintLE', 'writeUIntLE',
    'writeUint32LE', 'writeUInt32LE', 'writeUint16LE', 'writeUInt16LE', 'writeUint8', 'writeUInt8',
    'writeUintBE', 'writeUIntBE', 'writeUint32BE', 'writeUInt32BE', 'writeUint16BE', 'writeUInt16BE',
  ];
  for (let i = 0; i < uintAliases.length; i += 2) numeric[uintAliases[i]] = numeric[uintAliases[i + 1]];
}
(function install() {
  const order = [
    'readBigUInt64LE', 'readBigUInt64BE', 'readBigUint64LE', 'readBigUint64BE', 'readBigInt64LE',
    'readBigInt64BE', 'writeBigUInt64LE', 'writeBigUInt64BE', 'writeBigUint64LE', 'writeBigUint64BE',
    'writeBigInt64LE', 'writeBigInt64BE', 'readUIntLE', 'readUInt32LE', 'readUInt16LE', 'readUInt8',
    'readUIntBE', 'readUInt32BE', 'readUInt16BE', 'readUintLE', 'readUint32LE', 'readUint16LE', 'readUint8',
    'readUintBE', 'readUint32BE', 'readUint16BE', 'readIntLE', 'readInt32LE', 'readInt16LE', 'readInt8',
    'readIntBE', 'readInt32BE', 'readInt16BE', 'writeUIntLE', 'writeUInt32LE', 'writeUInt16LE', 'writeUInt8',
    'writeUIntBE', 'writeUInt32BE', 'writeUInt16BE', 'writeUintLE', 'writeUint32LE', 'writeUint16LE',
    'writeUint8', 'writeUintBE', 'writeUint32BE', 'writeUint16BE', 'writeIntLE', 'writeInt32LE',
    'writeInt16LE', 'writeInt8', 'writeIntBE', 'writeInt32BE', 'writeInt16BE', 'readFloatLE', 'readFloatBE',
    'readDoubleLE', 'readDoubleBE', 'writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE',
  ];
  for (const k of order) proto[k] = numeric[k];
  for (const kind of ['Slice', 'Write']) {
    for (const e of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
      proto[e + kind] = encMethods[e + kind];
    }
  }
  Object.defineProperty(proto, 'parent', {
    __proto__: null, enumerable: true, configurable: false,
    get() { return this instanceof Buffer ? this.buffer : undefined; },
  });
  Object.defineProperty(proto, 'offset', {
    __proto__: null, enumerable: true, configurable: false,
    get() { return this instanceof Buffer ? this.byteOffset : undefined; },
  });
  const m = mainMethods;
  proto.copy = m.copy;
  proto.toString = m.toString;
  proto.equals = m.equals;
  Object.defineProperty(m[customInspect], 'name', { __proto__: null, value: 'inspect', configurable: true });
  proto.inspect = proto[customInspect] = m[customInspect];
  binding.fastInspect(m[customInspect], proto);
  for (const k of ['compare', 'indexOf', 'lastIndexOf', 'includes', 'fill', 'write', 'toJSON', 'subarray',
    'slice', 'swap16', 'swap32', 'swap64']) {
    proto[k] = m[k];
  }
  proto.toLocaleString = m.toString;
})();

// ---- SlowBuffer ------------------------------------------------------------------------------

function SlowBuffer(size) {
  checkSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

// ---- module-level helpers --------------------------------------------------------------------

function isUtf8(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) return binding.isUtf8(input);
  throw errInvalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) return binding.isAscii(input);
  throw errInvalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw errInvalidArgType('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return new FastBuffer();
  const names = { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'ucs2', 'ucs-2': 'ucs2', utf16le: 'ucs2',
    'utf-16le': 'ucs2', latin1: 'latin1', binary: 'latin1', ascii: 'ascii' };
  // as node's normalizeEncoding: a missing encoding is utf8; a symbol (or any name no encoding
  // has) reaches the transcoder as it is, which refuses it
  const norm = (enc) => (enc == null ? 'utf8' : typeof enc === 'symbol' ? enc : names[(`${enc}`).toLowerCase()] || enc);
  const f = norm(fromEncoding);
  const t = norm(toEncoding);
  const r = binding.transcode(source, f, t);
  if (typeof r === 'number') {
    // node's genericNodeError: a plain Error with code and errno (ICU's UErrorCode) added.
    const code = r === 10 ? 'U_INVALID_CHAR_FOUND' : 'U_ILLEGAL_ARGUMENT_ERROR';
    const err = new Error('Unable to transcode Buffer [' + code + ']');
    err.code = code;
    err.errno = r;
    throw err;
  }
  return new FastBuffer(r);
}

function atob(input) {
  if (arguments.length === 0) throw makeError('TypeError', 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = `${input}`;
  const r = binding.atob(input);
  if (typeof r === 'number') {
    throw domException(r === 1 ? 'The string to be decoded is not correctly encoded.' : 'Invalid character',
      'InvalidCharacterError');
  }
  return r;
}

function btoa(input) {
  if (arguments.length === 0) throw makeError('TypeError', 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = `${input}`;
  const r = binding.btoa(input);
  if (r === null) throw domException('Invalid character', 'InvalidCharacterError');
  return r;
}

function domException(message, name) {
  let DOMException;
  try {
    DOMException = require('internal/event_target').DOMException;
  } catch (e) {
    DOMException = require('internal/encoding').DOMException;
  }
  const err = new DOMException(message, name);
  // (the stack starts at the caller, as node's lazyDOMException gives it: at atob)
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, domException);
  return err;
}

// ---- Blob and File (a part: compiled on first use) -----------------------------------------

let blob_ = null;
function blobPart() {
  return blob_ || (blob_ = binding.part('blob')({
    binding, Buffer, copyUnpooled, customInspect, domException, errInvalidArgType,
    errInvalidArgValue, FastBuffer, fromStringEnc, isAnyArrayBuffer, makeError, require,
  }));
}

//#part blob
(function makeBlob({
  binding, Buffer, copyUnpooled, customInspect, domException, errInvalidArgType,
  errInvalidArgValue, FastBuffer, fromStringEnc, isAnyArrayBuffer, makeError, require,
}) {
  // ---- Blob and File ---------------------------------------------------------------------------

  const kBytes = Symbol('kBytes');
  const kParts = Symbol('kParts');
  const kType = Symbol('kType');
  const kName = Symbol('kName');
  const kLastModified = Symbol('kLastModified');
  // kFiles: the files a blob's bytes came from (fs.openAsBlob, and blobs made of or sliced from
  // one): { path, size, mtimeMs } each. Node reads such a blob from its file and fails with
  // NotReadableError once the file has changed; this one has the bytes already and checks the
  // files before each read.
  const kFiles = Symbol('kFiles');

  function blobPartBytes(part) {
    if (part instanceof Blob) return part[kParts];
    if (isAnyArrayBuffer(part)) return new FastBuffer(part.slice(0));
    if (ArrayBuffer.isView(part)) {
      return copyUnpooled(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    }
    return fromStringEnc(`${part}`, 0);
  }

  // isBlob is node's brand check: the object was made by the Blob constructor (or slice).
  function isBlob(v) {
    return v !== null && typeof v === 'object' && v[kBytes] !== undefined;
  }

  // errInvalidThisBlob is the error Blob's method (or getter) key makes for a receiver that is no
  // Blob.
  function errInvalidThisBlob(key) {
    return atBlobSite(key);
  }
  // blobSites are node 20.20's places of the errors Blob's and File's methods and getters make
  // for a bad receiver: [file, line, column, the excerpt's caret column (a throw's, or for an
  // async method's rejection the error's), source line, frame name (else our frame's: the
  // receiver's class and the key)].
  const kThrowThis = "      throw new ERR_INVALID_THIS('Blob');";
  const blobSites = {
    type: ['blob', 220, 13, 7, kThrowThis, 'get type'], size: ['blob', 230, 13, 7, kThrowThis, 'get size'],
    slice: ['blob', 242, 13, 7, kThrowThis],
    sliceEnd: ['blob', 240, 30, 30, "  slice(start = 0, end = this[kLength], contentType = '') {", 'slice'],
    arrayBuffer: ['blob', 275, 28, 28, "      return PromiseReject(new ERR_INVALID_THIS('Blob'));"],
    text: ['blob', 309, 13, 13, kThrowThis], bytes: ['blob', 321, 13, 7, kThrowThis],
    stream: ['blob', 333, 13, 7, kThrowThis],
    name: ['file', 63, 17, 17, '    return this.#name;', 'get name'],
    lastModified: ['file', 67, 17, 17, '    return this.#lastModified;', 'get lastModified'],
  };
  const kBlobGlueFrame = /^ {4}at (?:(.*) \()?node:buffer:\d+:\d+\)?$/;
  // atBlobSite returns the error of key (for sliceEnd, File's getters, the failed read of self)
  // with node's first frame and excerpt. It is made, and its stack read, with room for two frames
  // more, atBlobSite's and its caller's, which with the glue's frame of the method give way to
  // node's.
  function atBlobSite(key, self) {
    const site = blobSites[key];
    const limit = Error.stackTraceLimit;
    const bump = typeof limit === 'number' && limit >= 0 && limit < Infinity;
    let err;
    try {
      if (bump) Error.stackTraceLimit = limit + 2;
      if (key === 'sliceEnd') {
        err = new TypeError(`Cannot read properties of ${self} (reading 'Symbol(kLength)')`);
      } else if (site[0] === 'file') {
        err = new TypeError(self == null
          ? `Cannot read properties of ${self} (reading '#${key}')`
          : `Cannot read private member #${key} from an object whose class did not declare it`);
      } else {
        err = makeError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type Blob');
      }
      const stack = err.stack;
      if (typeof stack !== 'string') return err;
      const lines = stack.split('\n');
      const first = lines.findIndex((l) => l.startsWith('    at '));
      if (first !== -1) {
        let user = first, name;
        for (let m; user < lines.length && (m = kBlobGlueFrame.exec(lines[user])) !== null; user++) name = m[1];
        if (site[5] !== undefined || name === undefined) name = site[5] || key;
        lines.splice(first, user - first, `    at ${name} (node:internal/${site[0]}:${site[1]}:${site[2]})`);
        if (bump && lines.length - first > limit) lines.length = first + limit;
        err.stack = lines.join('\n');
      }
      require('internal/errors').putArrowMessage(err, `node:internal/${site[0]}:${site[1]}\n${site[4]}\n${' '.repeat(site[3] - 1)}^\n`);
    } catch {
      // (a throwing stack getter or prepareStackTrace keeps the stack as it is)
    } finally {
      if (bump) Error.stackTraceLimit = limit;
    }
    return err;
  }

  // sliceEnd is slice's default end, node's this[kLength]: a nullish receiver fails to read it.
  function sliceEnd(self) {
    if (self == null) throw atBlobSite('sliceEnd', self);
    return isBlob(self) ? self[kBytes].length : undefined;
  }

  // blobArrayBuffer is arrayBuffer() once the blob may be read: a copy of its bytes.
  function blobArrayBuffer(blob) {
    const b = blob[kBytes];
    const ab = new ArrayBuffer(b.length);
    new Uint8Array(ab).set(b);
    // Node reads the parts before it resolves: the first one microtask, each further one two
    // (n parts: resolved 2n-1 microtasks on).
    const n = blob[kParts].length;
    if (n === 0) return Promise.resolve(ab);
    const hops = 2 * n - 1;
    return new Promise((resolve) => {
      let i = 1;
      const next = () => {
        if (i++ < hops) Promise.resolve().then(next);
        else resolve(ab);
      };
      Promise.resolve().then(next);
    });
  }

  // filesChanged reports whether a file a blob came from is no longer as it was when opened (its
  // size or modification time differ, or it is gone). (A stat at the read, in order with the
  // program's own writes: node's read of the file comes later, on its thread pool.)
  function filesChanged(files) {
    const fs = require('fs');
    for (const f of files) {
      const st = fs.statSync(f.path, { throwIfNoEntry: false });
      if (st === undefined || st.size !== f.size || st.mtimeMs !== f.mtimeMs) return true;
    }
    return false;
  }

  function notReadable() {
    return domException('The blob could not be read', 'NotReadableError');
  }

  // fileBlob is fs.openAsBlob's blob: the file's bytes (read now), checked against its size and
  // modification time at each read.
  function fileBlob(bytes, type, path, st) {
    // (bytes null: a file that cannot be read, such as a directory: no read of its blob succeeds;
    // its size is 0, not the directory's as node has it)
    const b = new Blob(bytes === null ? [] : [bytes], { type });
    b[kFiles] = [{ path, size: bytes === null ? -1 : st.size, mtimeMs: st.mtimeMs }];
    return b;
  }

  // kEmptyBlobOptions stand for omitted options, as node's kEmptyObject: no prototype, so nothing
  // is read from Object.prototype.
  const kEmptyBlobOptions = Object.freeze({ __proto__: null });

  class Blob {
    constructor(sources = [], options) {
      if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
        throw errInvalidArgType('sources', 'a sequence', sources);
      }
      // node's validateDictionary: null and undefined are an empty dictionary, functions count.
      if (options != null && typeof options !== 'object' && typeof options !== 'function') {
        throw errInvalidArgType('options', 'a dictionary', options);
      }
      const opts = options == null ? kEmptyBlobOptions : options;
      let type = opts.type;
      if (type === undefined) type = '';
      let endings = opts.endings;
      endings = endings === undefined ? 'transparent' : `${endings}`;
      if (endings !== 'transparent' && endings !== 'native') {
        throw errInvalidArgValue('options.endings', endings);
      }
      const parts = [];
      let files;
      for (const s of sources) {
        if (s instanceof Blob && s[kFiles] !== undefined) files = (files || []).concat(s[kFiles]);
        let p;
        if (endings === 'native' && !(s instanceof Blob) && !isAnyArrayBuffer(s) && !ArrayBuffer.isView(s)) {
          // Line ends of string parts become the platform's, as node's.
          p = fromStringEnc(`${s}`.replace(/\n|\r\n/g, require('os').EOL), 0);
        } else {
          p = blobPartBytes(s);
        }
        // (empty parts are kept: node's blob holds one entry per source, and a read takes a
        // microtask for each)
        if (Array.isArray(p)) parts.push(...p);
        else parts.push(p);
      }
      type = `${type}`;
      if (/[^\u0020-\u007e]/.test(type)) type = '';
      this[kParts] = parts;
      this[kBytes] = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      this[kType] = type.toLowerCase();
      if (files !== undefined) this[kFiles] = files;
    }

    // type before size: node's Object.keys(Blob.prototype) order.
    get type() {
      if (!isBlob(this)) throw errInvalidThisBlob('type');
      return this[kType];
    }

    get size() {
      if (!isBlob(this)) throw errInvalidThisBlob('size');
      return this[kBytes].length;
    }

    slice(start = 0, end = sliceEnd(this), contentType = '') {
      if (!isBlob(this)) throw errInvalidThisBlob('slice');
      const size = this.size;
      const rel = (v) => (v < 0 ? Math.max(size + v, 0) : Math.min(v, size));
      start = rel(Math.trunc(+start) || 0);
      end = rel(Math.trunc(+end) || 0);
      const b = new Blob();
      b[kBytes] = copyUnpooled(this[kBytes].subarray(start, Math.max(start, end)));
      // A non-empty slice keeps an entry for each of this blob's parts from the one the slice
      // starts in (or that ends where it starts) to the one it ends in, as node's slice of the
      // blob's data queue does (a read takes a microtask per entry).
      const parts = [];
      if (end > start) {
        let off = 0;
        for (const p of this[kParts]) {
          const pend = off + p.length;
          if (pend >= start && off < end) {
            parts.push(b[kBytes].subarray(Math.max(start, off) - start, Math.min(end, pend) - start));
          }
          off = pend;
        }
      }
      b[kParts] = parts;
      b[kType] = /[^\u0020-\u007e]/.test(`${contentType}`) ? '' : (`${contentType}`).toLowerCase();
      if (this[kFiles] !== undefined) b[kFiles] = this[kFiles];
      return b;
    }

    arrayBuffer() {
      if (!isBlob(this)) return Promise.reject(errInvalidThisBlob('arrayBuffer'));
      if (this[kFiles] !== undefined && filesChanged(this[kFiles])) return Promise.reject(notReadable());
      return blobArrayBuffer(this);
    }

    // (async, as node's: inspected as an AsyncFunction; whatever it throws rejects its promise)
    async text() {
      if (!isBlob(this)) throw errInvalidThisBlob('text');
      // (decoded as node's TextDecoder does: a leading UTF-8 BOM is dropped)
      const b = Buffer.from(await this.arrayBuffer());
      return b.toString('utf8', b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
    }

    // (not async, as node's: a bad receiver throws)
    bytes() {
      if (!isBlob(this)) throw errInvalidThisBlob('bytes');
      return this.arrayBuffer().then((ab) => new Uint8Array(ab));
    }

    stream() {
      if (!isBlob(this)) throw errInvalidThisBlob('stream');
      const { ReadableStream } = require('stream/web');
      const parts = this[kParts].map((p) => new Uint8Array(p));
      // As node's: a byte stream with no read-ahead that hands out one part per pull (and closes on the
      // pull after the last), so a BYOB read never joins two parts.
      // (node's reader hands out the first part at once and each further one a microtask later;
      // an empty part enqueues nothing: the pull reads on after a microtask)
      let i = 0;
      const pullPart = (controller, waited) => {
        if (i < parts.length) {
          if (i > 0 && !waited) {
            queueMicrotask(() => pullPart(controller, true));
            return;
          }
          const p = parts[i++];
          if (p.length === 0) {
            queueMicrotask(() => pullPart(controller, false));
            return;
          }
          controller.enqueue(p);
          return;
        }
        // The end: a pending BYOB read is answered with 0 bytes, as the streams spec's example.
        controller.close();
        const req = controller.byobRequest;
        if (req) req.respond(0);
      };
      // A file-backed blob fails the read that comes after its file changed.
      const files = this[kFiles];
      return new ReadableStream({
        type: 'bytes',
        pull(controller) {
          if (files !== undefined && filesChanged(files)) throw notReadable();
          pullPart(controller, false);
        },
      }, { highWaterMark: 0 });
    }

    [customInspect](depth, options) {
      if (depth < 0) return this;
      let util;
      try { util = require('util'); } catch (e) { return 'Blob { size: ' + this.size + ", type: '" + this.type + "' }"; }
      return 'Blob ' + util.inspect({ size: this.size, type: this.type }, nestedInspectOptions(options));
    }
  }

  // nestedInspectOptions are the options Blob's and File's inspect pass on for their fields: one
  // level deeper, as node's (at depth 0 the fields show as [Object]).
  function nestedInspectOptions(options) {
    const depth = options == null ? undefined : options.depth;
    return { ...options, depth: depth == null ? null : depth - 1 };
  }

  // checkFileBrand throws what node's File getters throw (they read private fields) when this
  // is not a File: V8's messages for a nullish receiver and for an object without the field.
  function checkFileBrand(self, key) {
    if (self == null || typeof self !== 'object' || !Object.prototype.hasOwnProperty.call(self, kName)) {
      throw atBlobSite(key, self);
    }
  }

  class File extends Blob {
    constructor(fileBits, fileName, options = kEmptyBlobOptions) {
      if (arguments.length < 2) {
        throw makeError('TypeError', 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
      }
      super(fileBits, options);
      this[kName] = `${fileName}`;
      let lastModified = options && options.lastModified;
      if (lastModified !== undefined) {
        lastModified = +lastModified;
        if (lastModified !== lastModified) lastModified = 0;
      } else {
        lastModified = Date.now();
      }
      this[kLastModified] = lastModified;
    }

    get name() {
      checkFileBrand(this, 'name');
      return this[kName];
    }

    get lastModified() {
      checkFileBrand(this, 'lastModified');
      return this[kLastModified];
    }

    [customInspect](depth, options) {
      if (depth < 0) return this;
      let util;
      try { util = require('util'); } catch (e) { return 'File { size: ' + this.size + ", type: '" + this.type + "', name: '" + this.name + "' }"; }
      return 'File ' + util.inspect({ size: this.size, type: this.type, name: this.name,
        lastModified: this.lastModified }, nestedInspectOptions(options));
    }
  }

  // As node defines them: the members enumerable (bytes is not, in node 20), the tag a value.
  for (const k of ['size', 'type', 'slice', 'stream', 'text', 'arrayBuffer']) {
    Object.defineProperty(Blob.prototype, k, { __proto__: null, enumerable: true });
  }
  Object.defineProperty(Blob.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'Blob' });
  // (goja gives an async method Function.prototype, and glue is not rewritten as user code is:
  // text's prototype is AsyncFunction's, as V8 has it)
  Object.setPrototypeOf(Blob.prototype.text, Object.getPrototypeOf(async function() {}));
  for (const k of ['name', 'lastModified']) {
    Object.defineProperty(File.prototype, k, { __proto__: null, enumerable: true });
  }
  Object.defineProperty(File.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'File' });

  // ---- blob: URLs ------------------------------------------------------------------------------
  // URL.createObjectURL(blob) registers here (through internal/module_internals) and resolveObjectURL looks up.

  const blobStore = new Map();

  function createObjectURL(blob) {
    const id = binding.randomUUID();
    blobStore.set(id, blob);
    return 'blob:nodedata:' + id;
  }

  function blobURLId(url) {
    let parsed;
    try {
      parsed = new (require('url').URL)(`${url}`);
    } catch (e) {
      return undefined;
    }
    if (parsed.protocol !== 'blob:') return undefined;
    const split = parsed.pathname.split(':');
    if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
    return split[1];
  }

  function revokeObjectURL(url) {
    const id = blobURLId(url);
    if (id !== undefined) blobStore.delete(id);
  }

  function resolveObjectURL(url) {
    url = `${url}`; // (before the parse's try, as node's: a symbol throws)
    const id = blobURLId(url);
    if (id === undefined) return undefined;
    const blob = blobStore.get(id);
    if (blob === undefined) return undefined;
    return blob.slice(0, blob.size, blob.type);
  }

  return {
    Blob, File, resolveObjectURL, createObjectURL, revokeObjectURL, fileBlob,
    isBlob: (v) => v instanceof Blob && v[kBytes] !== undefined,
    blobBytes: (b) => b[kBytes],
    isFileBlob: (v) => v instanceof Blob && v[kFiles] !== undefined,
  };
})
//#end blob

// ---- exports ---------------------------------------------------------------------------------

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};
// As node's: constants is a read-only property, its two values read-only too (not frozen).
Object.defineProperty(module.exports, 'constants', {
  __proto__: null, enumerable: true, writable: false, configurable: false,
  value: Object.defineProperties({}, {
    MAX_LENGTH: { __proto__: null, value: kMaxLength, enumerable: true },
    MAX_STRING_LENGTH: { __proto__: null, value: kStringMaxLength, enumerable: true },
  }),
});
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = val;
    binding.setInspectMaxBytes(val);
  },
});
// Blob, resolveObjectURL and File are node's lazy accessors: reading gives the value, assigning
// replaces the accessor with a plain property.
for (const name of ['Blob', 'resolveObjectURL', 'File']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null, enumerable: true, configurable: true,
    get: { [`get ${name}`]() { return blobPart()[name]; } }[`get ${name}`],
    set: { [`set ${name}`](v) {
      Object.defineProperty(this, name, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
    } }[`set ${name}`],
  });
}
// Internal helpers for other built-ins (string_decoder, fs, net, ...).
require('internal/module_internals').set('buffer', {
  FastBuffer, normalizeEncoding, encodingNames, errUnknownEncoding, errInvalidArgType,
  errOutOfRange, validateNumber, validateInteger, makeError,
  createObjectURL: (blob) => blobPart().createObjectURL(blob),
  // (no blob: URL, and no Blob, exists before the part is made)
  revokeObjectURL: (url) => { if (blob_ !== null) blob_.revokeObjectURL(url); },
  // isBlob and blobBytes let worker_threads carry a Blob (a File arrives as a Blob, as in node 20).
  isBlob: (v) => blob_ !== null && blob_.isBlob(v),
  blobBytes: (b) => blobPart().blobBytes(b),
  isFileBlob: (v) => blob_ !== null && blob_.isFileBlob(v),
  fileBlob: (bytes, type, path, st) => blobPart().fileBlob(bytes, type, path, st),
  isPool: (v) => untransferablePools.has(v),
});
