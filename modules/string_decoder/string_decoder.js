'use strict';
// Glue for node:string_decoder. The decoding state is a 7-byte Buffer (incomplete character,
// missing and buffered byte counts, encoding) that the Go side reads and updates in place.

const { Buffer } = require('buffer');
const _internal = require('internal/module_internals').get('buffer');
const { normalizeEncoding, encodingNames, errUnknownEncoding, errInvalidArgType, makeError } = _internal;

const kNativeDecoder = Symbol('kNativeDecoder');
const kMissing = 4;
const kBuffered = 5;
const kEncoding = 6;
// Node's native encoding numbers, indexed by buffer's: utf8, utf16le, latin1, ascii, base64,
// base64url, hex.
const nativeEncodings = [1, 3, 4, 0, 2, 7, 5];

function normalize(enc) {
  const e = normalizeEncoding(enc);
  if (e === undefined) throw errUnknownEncoding(enc); // at: normalizeEncoding@string_decoder:69:13 | 7 |       throw new ERR_UNKNOWN_ENCODING(enc);
  return e;
}

function StringDecoder(encoding) {
  const e = normalize(encoding); // at: string_decoder:82:19
  this.encoding = encodingNames[e];
  this[kNativeDecoder] = Buffer.alloc(binding.kSize);
  this[kNativeDecoder][kEncoding] = nativeEncodings[e];
}

const slowWrite = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw errInvalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) {
    throw makeError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type StringDecoder');
  }
  return binding.decode(this[kNativeDecoder], buf);
};
StringDecoder.prototype.write = typeof binding.makeWrite === 'function' ?
  binding.makeWrite(slowWrite, kNativeDecoder) : slowWrite;

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBuffered] > 0) ret += binding.flush(this[kNativeDecoder]);
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissing] = 0;
  this[kNativeDecoder][kBuffered] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return this[kNativeDecoder].subarray(0, 4); },
  },
  lastNeed: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return this[kNativeDecoder][kMissing]; },
  },
  lastTotal: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return this[kNativeDecoder][kBuffered] + this[kNativeDecoder][kMissing]; },
  },
});

module.exports = { StringDecoder };
