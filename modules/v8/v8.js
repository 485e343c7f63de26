'use strict';
// v8: heap statistics from Go's runtime/metrics, and V8's ValueSerializer wire format (version 15)
// written and read in JS, so v8.serialize output round-trips with Node's byte for byte for the
// value kinds both support.
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

const kLatestVersion = 15;

// ---- wire writer ---------------------------------------------------------------------------------

const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);
const nanBytes = new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]); // V8's canonical NaN

class Writer {
  constructor() { this.buf = new Uint8Array(64); this.len = 0; }
  ensure(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
  }
  byte(b) { this.ensure(1); this.buf[this.len++] = b; }
  varint(v) {
    this.ensure(10);
    // v is a non-negative integer up to 2^53.
    while (v >= 0x80) { this.buf[this.len++] = (v % 128) | 0x80; v = Math.floor(v / 128); }
    this.buf[this.len++] = v;
  }
  zigzag(v) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  double(d) {
    this.ensure(8);
    if (d !== d) { this.buf.set(nanBytes, this.len); this.len += 8; return; }
    f64[0] = d; this.buf.set(f64b, this.len); this.len += 8; }
  raw(bytes) { this.ensure(bytes.length); this.buf.set(bytes, this.len); this.len += bytes.length; }
  result() { return this.buf.slice(0, this.len); }
}

const viewTags = {
  Int8Array: 98, Uint8Array: 66, Uint8ClampedArray: 67, Int16Array: 119, Uint16Array: 87,
  Int32Array: 100, Uint32Array: 68, Float32Array: 102, Float64Array: 70, BigInt64Array: 113,
  BigUint64Array: 81, DataView: 63,
};
const viewCtors = {};
for (const name of Object.keys(viewTags)) viewCtors[viewTags[name]] = globalThis[name];
const errorTags = { EvalError: 69, RangeError: 82, ReferenceError: 70, SyntaxError: 83, TypeError: 84, URIError: 85 };
const errorCtors = { 69: EvalError, 82: RangeError, 70: ReferenceError, 83: SyntaxError, 84: TypeError, 85: URIError };

const toStringTag = (v) => Object.prototype.toString.call(v).slice(8, -1);
let isNativeErrorFn;
const isNativeError = (v) => (isNativeErrorFn || (isNativeErrorFn = require('util').types.isNativeError))(v);
const getProto = Object.getPrototypeOf;
const isOneByte = (s) => !/[^\x00-\xff]/.test(s);

function typedArrayName(v) {
  if (!ArrayBuffer.isView(v)) return null;
  if (v instanceof DataView) return 'DataView';
  return toStringTag(v);
}

// ---- Serializer ---------------------------------------------------------------------------------

// internal defines the state of a (de)serializer as non-enumerable properties: node's are C++
// objects that show no own properties (util.inspect: DefaultSerializer {}).
function internal(self, fields) {
  for (const k of Object.keys(fields)) {
    Object.defineProperty(self, k, { __proto__: null, value: fields[k], writable: true, configurable: true, enumerable: false });
  }
}

// node's classes are C++ ones: called without new, TypeError [ERR_CONSTRUCT_CALL_REQUIRED]
function constructCallRequired(name) {
  const err = new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
  err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
  return err;
}

// A bytes argument that is not a view: TypeError [ERR_INVALID_ARG_TYPE] with the C++ side's words.
function notAView(what) {
  const err = new TypeError(`${what} must be a TypedArray or a DataView`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function Serializer() {
  if (!new.target) throw constructCallRequired('Serializer');
  internal(this, { _w: new Writer(), _ids: new Map(), _nextId: 0, _transfers: new Map(), _hostViews: false });
}

Serializer.prototype.writeHeader = function writeHeader() {
  this._w.byte(0xff);
  this._w.varint(kLatestVersion);
};
Serializer.prototype.releaseBuffer = function releaseBuffer() {
  const out = this._w.result();
  this._w = new Writer();
  return Buffer.from(out.buffer, out.byteOffset, out.length);
};
Serializer.prototype.transferArrayBuffer = function transferArrayBuffer(id, ab) {
  this._transfers.set(ab, id);
};
Serializer.prototype.writeUint32 = function writeUint32(v) { this._w.varint(v >>> 0); };
Serializer.prototype.writeUint64 = function writeUint64(hi, lo) {
  // Little-endian base-128 of the 64-bit value hi*2^32+lo.
  hi >>>= 0; lo >>>= 0;
  const w = this._w;
  let big = (BigInt(hi) << 32n) | BigInt(lo);
  while (big >= 0x80n) { w.byte(Number(big & 0x7fn) | 0x80); big >>= 7n; }
  w.byte(Number(big));
};
Serializer.prototype.writeDouble = function writeDouble(d) { this._w.double(Number(d)); };
Serializer.prototype.writeRawBytes = function writeRawBytes(src) {
  if (!ArrayBuffer.isView(src)) throw notAView('source');
  this._w.raw(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
};
Serializer.prototype._setTreatArrayBufferViewsAsHostObjects = function _setTreatArrayBufferViewsAsHostObjects(flag) { this._hostViews = !!flag; };
Serializer.prototype._getDataCloneError = Error;
// writeHostObject writes v with s._writeHostObject, which a subclass (or the object itself)
// defines, as node's serializer calls it; an own _isHostObject picks more objects to write so
// (worker_threads' ports).
function writeHostObject(s, v) {
  if (typeof s._writeHostObject !== 'function') {
    // (V8's words: a typed array by its class, a DataView as other objects)
    const name = typedArrayName(v);
    if (name !== null && name !== 'DataView') throw dataCloneError(s, `[object ${name}] could not be cloned.`);
    throw cloneError(s, v);
  }
  s._writeHostObject(v);
}

// dataCloneError is what the serializer's _getDataCloneError returns for message, called on it
// (as node's C++ serializer does: the default, Error, makes an Error), to be thrown.
function dataCloneError(s, message) {
  return Reflect.apply(s._getDataCloneError, s, [message]);
}

let structuredCloneMod;
function structuredClone() {
  if (structuredCloneMod === undefined) structuredCloneMod = require('internal/structured_clone');
  return structuredCloneMod;
}

function inspect(v) {
  try { return require('util').inspect(v); } catch { return String(v); }
}

function cloneError(s, v) {
  return dataCloneError(s, `${cloneDesc(v)} could not be cloned.`);
}

// cloneDesc names v in V8's clone error messages.
function cloneDesc(v) {
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return Function.prototype.toString.call(v);
  const pd = structuredClone().proxyDesc(v);
  if (pd !== null) return pd;
  const p = getProto(v);
  return `#<${(p && p.constructor && p.constructor.name) || 'Object'}>`;
}

// (writeAny and readAny recurse into a value's parts: called through Go, a value too deep for the
// stack throws the RangeError a program can catch, as V8's serializer does)
Serializer.prototype.writeValue = function writeValue(v) {
  binding.callThrough(writeAny, undefined, this, v);
  return true;
};

function writeString(w, s) {
  if (isOneByte(s)) {
    w.byte(34); // '"'
    w.varint(s.length);
    w.ensure(s.length);
    for (let i = 0; i < s.length; i++) w.buf[w.len++] = s.charCodeAt(i);
    return;
  }
  const n = s.length * 2;
  let vl = 1;
  for (let x = n; x >= 0x80; x = Math.floor(x / 128)) vl++;
  if ((w.len + 1 + vl) & 1) w.byte(0); // padding so the UTF-16 data is aligned
  w.byte(99); // 'c'
  w.varint(n);
  w.ensure(n);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w.buf[w.len++] = c & 0xff;
    w.buf[w.len++] = c >> 8;
  }
}

function writeNumber(w, v) {
  if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0)) {
    w.byte(73); // 'I'
    w.zigzag(v);
  } else {
    w.byte(78); // 'N'
    w.double(v);
  }
}

function writeBigIntBody(w, v) {
  const neg = v < 0n;
  let mag = neg ? -v : v;
  const digits = [];
  while (mag > 0n) { digits.push(mag & 0xffffffffffffffffn); mag >>= 64n; }
  w.varint(digits.length * 8 * 2 + (neg ? 1 : 0));
  for (let d of digits) {
    for (let i = 0; i < 8; i++) { w.byte(Number(d & 0xffn)); d >>= 8n; }
  }
}

function writeKey(w, k) {
  // Array-index keys are written as numbers, as V8 does.
  const n = Number(k);
  if (k !== '' && String(n >>> 0) === k && n !== 4294967295) writeNumber(w, n);
  else writeString(w, k);
}

function writeProps(s, obj, keys) {
  let n = 0;
  for (const k of keys) {
    const desc = Object.getOwnPropertyDescriptor(obj, k);
    if (!desc || !desc.enumerable) continue;
    writeKey(s._w, k);
    writeAny(s, obj[k]);
    n++;
  }
  return n;
}

function writeAny(s, v) {
  const w = s._w;
  switch (typeof v) {
    case 'undefined': w.byte(95); return;
    case 'boolean': w.byte(v ? 84 : 70); return;
    case 'number': writeNumber(w, v); return;
    case 'string': writeString(w, v); return;
    case 'bigint': w.byte(90); writeBigIntBody(w, v); return;
    case 'symbol':
    case 'function':
      throw cloneError(s, v);
  }
  if (v === null) { w.byte(48); return; }
  if (structuredClone().proxyDesc(v) !== null) throw cloneError(s, v);
  const seen = s._ids.get(v);
  if (seen !== undefined) { w.byte(94); w.varint(seen); return; }
  if (typeof s._isHostObject === 'function' && s._isHostObject(v)) {
    s._ids.set(v, s._nextId++);
    w.byte(92);
    writeHostObject(s, v);
    return;
  }

  const view = typedArrayName(v);
  if (view !== null) {
    if (s._hostViews) {
      s._ids.set(v, s._nextId++);
      w.byte(92); // '\\'
      writeHostObject(s, v);
      return;
    }
    if (!s._ids.has(v.buffer)) writeAny(s, v.buffer);
    s._ids.set(v, s._nextId++);
    w.byte(86); // 'V'
    w.byte(viewTags[view]);
    w.varint(v.byteOffset);
    w.varint(v.byteLength);
    w.varint(0);
    return;
  }
  const id = s._nextId++;
  s._ids.set(v, id);
  if (v instanceof ArrayBuffer) {
    const t = s._transfers.get(v);
    if (t !== undefined) { w.byte(116); w.varint(t); return; }
    if (v.resizable) {
      w.byte(126); // '~': a resizable ArrayBuffer, with its maximum
      w.varint(v.byteLength);
      w.varint(v.maxByteLength);
      w.raw(new Uint8Array(v));
      return;
    }
    w.byte(66); // 'B'
    w.varint(v.byteLength);
    w.raw(new Uint8Array(v));
    return;
  }
  if (Array.isArray(v)) {
    const len = v.length;
    let dense = true;
    for (let i = 0; i < len; i++) if (!(i in v)) { dense = false; break; }
    if (dense) {
      w.byte(65); // 'A'
      w.varint(len);
      for (let i = 0; i < len; i++) writeAny(s, v[i]);
      const extra = Object.keys(v).filter((k) => !(String(Number(k) >>> 0) === k && Number(k) < len));
      const n = writeProps(s, v, extra);
      w.byte(36); w.varint(n); w.varint(len);
    } else {
      w.byte(97); // 'a'
      w.varint(len);
      const n = writeProps(s, v, Object.keys(v));
      w.byte(64); w.varint(n); w.varint(len);
    }
    return;
  }
  const tag = toStringTag(v);
  const proto = getProto(v);
  if (v instanceof Date) { w.byte(68); w.double(v.getTime()); return; }
  if (v instanceof RegExp) {
    w.byte(82);
    writeString(w, v.source);
    let f = 0;
    const flags = v.flags;
    if (flags.includes('g')) f |= 1;
    if (flags.includes('i')) f |= 2;
    if (flags.includes('m')) f |= 4;
    if (flags.includes('y')) f |= 8;
    if (flags.includes('u')) f |= 16;
    if (flags.includes('s')) f |= 32;
    if (flags.includes('d')) f |= 128;
    w.varint(f);
    return;
  }
  if (v instanceof Map) {
    w.byte(59);
    let n = 0;
    for (const [k, val] of v) { writeAny(s, k); writeAny(s, val); n += 2; }
    w.byte(58); w.varint(n);
    return;
  }
  if (v instanceof Set) {
    w.byte(39);
    let n = 0;
    for (const k of v) { writeAny(s, k); n++; }
    w.byte(44); w.varint(n);
    return;
  }
  if (isNativeError(v)) {
    // (V8's JS_ERROR_TYPE: an object that only inherits from Error.prototype, a DOMException
    // among them, is written as the plain object it is)
    w.byte(114); // 'r'
    const ctorName = proto && proto.constructor && proto.constructor.name;
    if (errorTags[ctorName] && proto === globalThis[ctorName].prototype) w.byte(errorTags[ctorName]);
    const md = Object.getOwnPropertyDescriptor(v, 'message');
    if (md && 'value' in md) { w.byte(109); writeString(w, String(md.value)); }
    // (V8 writes an own data property cause after the message, as a value of its own)
    const cd = Object.getOwnPropertyDescriptor(v, 'cause');
    if (cd && 'value' in cd) { w.byte(99); writeAny(s, cd.value); }
    const stack = v.stack;
    if (typeof stack === 'string') { w.byte(115); writeString(w, stack); }
    w.byte(46);
    return;
  }
  if (tag === 'Boolean' && proto === Boolean.prototype) { w.byte(v.valueOf() ? 121 : 120); return; }
  if (tag === 'Number' && proto === Number.prototype) { w.byte(110); w.double(v.valueOf()); return; }
  if (tag === 'String' && proto === String.prototype) { w.byte(115); writeString(w, v.valueOf()); return; }
  if (tag === 'BigInt') { w.byte(122); writeBigIntBody(w, v.valueOf()); return; }
  if (tag === 'Symbol' && structuredClone().isSymbolObject(v)) {
    throw dataCloneError(s, '[object Symbol] could not be cloned.'); // (V8's words)
  }
  if (tag === 'WebAssembly.Memory' && v.buffer instanceof SharedArrayBuffer) {
    // (V8 writes a shared memory by its SharedArrayBuffer, which node's serializer refuses)
    throw dataCloneError(s, '#<SharedArrayBuffer> could not be cloned.');
  }
  if (tag === 'Promise' || tag === 'WeakMap' || tag === 'WeakSet' || tag === 'SharedArrayBuffer' ||
      tag === 'WebAssembly.Memory' || tag === 'WebAssembly.Instance') {
    throw cloneError(s, v);
  }
  w.byte(111); // 'o'
  const n = writeProps(s, v, Object.keys(v));
  w.byte(123); w.varint(n);
}

// ---- Deserializer -------------------------------------------------------------------------------

function Deserializer(buffer) {
  if (!new.target) throw constructCallRequired('Deserializer');
  if (!ArrayBuffer.isView(buffer)) throw notAView('buffer');
  this.buffer = buffer;
  internal(this, {
    _b: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    _p: 0, _version: 0, _objs: [], _transfers: new Map(),
  });
}

function dataError() { return new Error('Unable to deserialize cloned data.'); }

// V8 (node 20) reads only data that begins with its version tag and a
// version from kMinimumVersion to kLatestVersion: anything else, a missing
// or cut header too, is a version error.
const kMinimumVersion = 13;
Deserializer.prototype.readHeader = function readHeader() {
  let version = -1;
  if (this._b[this._p] === 0xff) {
    this._p++;
    try {
      version = varint(this);
      this._version = version;
    } catch {
      version = -1;
    }
  }
  if (version < kMinimumVersion || version > kLatestVersion) {
    throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
  }
  return true;
};
Deserializer.prototype.getWireFormatVersion = function getWireFormatVersion() { return this._version; };
Deserializer.prototype.transferArrayBuffer = function transferArrayBuffer(id, ab) {
  if (ArrayBuffer.isView(ab)) ab = ab.buffer;
  this._transfers.set(id, ab);
};
// varint reads an unsigned varint of d's data (the wire format's), throwing the data error past
// its end (node's API reads word theirs: readFailed).
function varint(d) {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (d._p >= d._b.length) throw dataError();
    const b = d._b[d._p++];
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 128;
  }
}
// The API's reads fail with V8's words for the call (the wire format's reads inside readValue
// with dataError's).
function readFailed(what) { return new Error(`${what}() failed`); }
Deserializer.prototype.readUint32 = function readUint32() {
  if (this._p >= this._b.length) throw readFailed('ReadUint32');
  return varint(this) >>> 0;
};
Deserializer.prototype.readUint64 = function readUint64() {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    if (this._p >= this._b.length) throw readFailed('ReadUint64');
    const b = this._b[this._p++];
    v |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if (b < 0x80) break;
  }
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
};
function readF64(d) {
  if (d._p + 8 > d._b.length) throw dataError();
  f64b.set(d._b.subarray(d._p, d._p + 8));
  d._p += 8;
  return f64[0];
}
Deserializer.prototype.readDouble = function readDouble() {
  if (this._p + 8 > this._b.length) throw readFailed('ReadDouble');
  return readF64(this);
};
Deserializer.prototype._readRawBytes = function _readRawBytes(n) {
  if (this._p + n > this._b.length) throw dataError();
  const off = this._p;
  this._p += n;
  return off;
};
Deserializer.prototype.readRawBytes = function readRawBytes(n) {
  if (this._p + n > this._b.length) throw readFailed('ReadRawBytes');
  const off = this._readRawBytes(n);
  return Buffer.from(this._b.buffer, this._b.byteOffset + off, n);
};
Deserializer.prototype.readValue = function readValue() {
  return binding.callThrough(readAny, undefined, this);
};

function readOneByte(d) {
  const n = varint(d);
  if (d._p + n > d._b.length) throw dataError();
  const b = d._b;
  const parts = [];
  for (let i = d._p, end = d._p + n; i < end; i += 4096) {
    parts.push(String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 4096))));
  }
  d._p += n;
  return parts.join('');
}
function readTwoByte(d) {
  const n = varint(d);
  if (d._p + n > d._b.length || n & 1) throw dataError();
  const codes = new Array(n / 2);
  for (let i = 0; i < n / 2; i++) codes[i] = d._b[d._p + 2 * i] | (d._b[d._p + 2 * i + 1] << 8);
  d._p += n;
  const parts = [];
  for (let i = 0; i < codes.length; i += 4096) parts.push(String.fromCharCode.apply(null, codes.slice(i, i + 4096)));
  return parts.join('');
}
function readUtf8(d) {
  const n = varint(d);
  if (d._p + n > d._b.length) throw dataError();
  const s = new TextDecoder().decode(d._b.subarray(d._p, d._p + n));
  d._p += n;
  return s;
}
function readString(d) {
  let tag = d._b[d._p++];
  while (tag === 0) tag = d._b[d._p++];
  if (tag === 34) return readOneByte(d);
  if (tag === 99) return readTwoByte(d);
  if (tag === 83) return readUtf8(d);
  throw dataError();
}
function readBigIntBody(d) {
  const bits = varint(d);
  const nbytes = bits >> 1;
  if (d._p + nbytes > d._b.length) throw dataError();
  let v = 0n;
  for (let i = nbytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(d._b[d._p + i]);
  d._p += nbytes;
  return bits & 1 ? -v : v;
}

function readProps(d, obj, endTag) {
  let n = 0;
  for (;;) {
    while (d._b[d._p] === 0) d._p++;
    if (d._p >= d._b.length) throw dataError();
    if (d._b[d._p] === endTag) { d._p++; return n; }
    const k = readAny(d);
    obj[k] = readAny(d);
    n++;
  }
}

function readAny(d) {
  if (d._p >= d._b.length) throw dataError();
  const tag = d._b[d._p++];
  switch (tag) {
    case 0: return readAny(d); // padding
    case 95: return undefined;
    case 48: return null;
    case 84: return true;
    case 70: return false;
    case 73: { const z = varint(d); return z % 2 ? -(z + 1) / 2 : z / 2; }
    case 85: return varint(d);
    case 78: return readF64(d);
    case 90: return readBigIntBody(d);
    case 34: return readOneByte(d);
    case 99: return readTwoByte(d);
    case 83: return readUtf8(d);
    case 94: {
      const id = varint(d);
      // (an object still being read, an error whose cause refers to it: V8 has none to give)
      if (id >= d._objs.length || d._objs[id] === undefined) throw dataError();
      return d._objs[id];
    }
    case 111: {
      const o = {};
      d._objs.push(o);
      const n = readProps(d, o, 123);
      if (varint(d) !== n) throw dataError();
      return o;
    }
    case 65: {
      const len = varint(d);
      const a = new Array(len);
      d._objs.push(a);
      for (let i = 0; i < len; i++) {
        if (d._b[d._p] === 45) { d._p++; continue; } // the hole
        a[i] = readAny(d);
      }
      readProps(d, a, 36);
      varint(d); varint(d);
      return a;
    }
    case 97: {
      const len = varint(d);
      const a = new Array(len);
      d._objs.push(a);
      readProps(d, a, 64);
      varint(d); varint(d);
      return a;
    }
    case 68: { const dt = new Date(readF64(d)); d._objs.push(dt); return dt; }
    case 121: case 120: { const o = Object(tag === 121); d._objs.push(o); return o; }
    case 110: { const o = Object(readF64(d)); d._objs.push(o); return o; }
    case 122: { const o = Object(readBigIntBody(d)); d._objs.push(o); return o; }
    case 115: { const o = Object(readString(d)); d._objs.push(o); return o; }
    case 82: {
      const src = readString(d);
      const f = varint(d);
      let flags = '';
      if (f & 128) flags += 'd';
      if (f & 1) flags += 'g';
      if (f & 2) flags += 'i';
      if (f & 4) flags += 'm';
      if (f & 32) flags += 's';
      if (f & 16) flags += 'u';
      if (f & 8) flags += 'y';
      const re = new RegExp(src, flags);
      d._objs.push(re);
      return re;
    }
    case 59: {
      const m = new Map();
      d._objs.push(m);
      for (;;) {
        if (d._b[d._p] === 58) { d._p++; varint(d); return m; }
        const k = readAny(d);
        m.set(k, readAny(d));
      }
    }
    case 39: {
      const st = new Set();
      d._objs.push(st);
      for (;;) {
        if (d._b[d._p] === 44) { d._p++; varint(d); return st; }
        st.add(readAny(d));
      }
    }
    case 66: {
      const n = varint(d);
      const off = d._readRawBytes(n);
      const ab = d._b.buffer.slice(d._b.byteOffset + off, d._b.byteOffset + off + n);
      d._objs.push(ab);
      return maybeView(d, ab);
    }
    case 126: {
      const n = varint(d);
      const max = varint(d);
      if (n > max) throw dataError();
      const off = d._readRawBytes(n);
      const ab = new ArrayBuffer(n, { maxByteLength: max });
      new Uint8Array(ab).set(d._b.subarray(off, off + n));
      d._objs.push(ab);
      return maybeView(d, ab);
    }
    case 116: {
      const id = varint(d);
      const ab = d._transfers.get(id);
      if (ab === undefined) throw dataError();
      d._objs.push(ab);
      return maybeView(d, ab);
    }
    case 86: throw dataError();
    case 114: {
      let Ctor = Error;
      let message;
      let stack;
      let options;
      // (the error's id comes before those of its cause's objects, as V8 numbers them)
      const idx = d._objs.length;
      d._objs.push(undefined);
      for (;;) {
        const t = d._b[d._p++];
        if (errorCtors[t]) { Ctor = errorCtors[t]; continue; }
        if (t === 109) { message = readString(d); continue; }
        if (t === 115) { stack = readString(d); continue; }
        if (t === 99) { options = { cause: readAny(d) }; continue; }
        if (t === 46) break;
        throw dataError();
      }
      const e = new Ctor(message, options);
      if (stack !== undefined) Object.defineProperty(e, 'stack', { __proto__: null, value: stack, writable: true, configurable: true, enumerable: false });
      else delete e.stack;
      d._objs[idx] = e;
      return e;
    }
    case 92: {
      const idx = d._objs.length;
      d._objs.push(undefined);
      if (typeof d._readHostObject !== 'function') throw dataError();
      const o = d._readHostObject();
      d._objs[idx] = o;
      return o;
    }
    default:
      throw dataError();
  }
}

function maybeView(d, ab) {
  if (d._b[d._p] !== 86) return ab;
  d._p++;
  const sub = d._b[d._p++];
  const off = varint(d);
  const len = varint(d);
  if (d._version >= 14) varint(d);
  const Ctor = viewCtors[sub];
  if (!Ctor || off + len > ab.byteLength) throw dataError();
  const v = Ctor === DataView ? new DataView(ab, off, len) : new Ctor(ab, off, len / Ctor.BYTES_PER_ELEMENT);
  d._objs.push(v);
  return v;
}

// ---- Default (Node) serializer with typed arrays as host objects ---------------------------------

const hostTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, DataView, 'Buffer', BigInt64Array, BigUint64Array];

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }
  _writeHostObject(abView) {
    let i = 10;
    if (!(typeof Buffer === 'function' && abView instanceof Buffer)) {
      const name = typedArrayName(abView);
      i = hostTypes.findIndex((t) => typeof t === 'function' && t.name === name);
      if (i === -1) throw new this._getDataCloneError(`Unserializable host object: ${inspect(abView)}`);
    }
    this.writeUint32(i);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const Ctor = hostTypes[typeIndex];
    const byteLength = this.readUint32();
    const off = this._readRawBytes(byteLength);
    if (Ctor === undefined) throw dataError();
    // Like Node, the result shares the input's memory when the offset is aligned.
    let ab = this._b.buffer;
    let byteOffset = this._b.byteOffset + off;
    const bpe = Ctor === 'Buffer' || Ctor === DataView ? 1 : Ctor.BYTES_PER_ELEMENT;
    if (byteOffset % bpe !== 0) {
      ab = ab.slice(byteOffset, byteOffset + byteLength);
      byteOffset = 0;
    }
    if (Ctor === 'Buffer') return Buffer.from(ab, byteOffset, byteLength);
    if (Ctor === DataView) return new DataView(ab, byteOffset, byteLength);
    return new Ctor(ab, byteOffset, byteLength / bpe);
  }
}

// The methods node's C++ side defines take no declared parameters (length 0).
for (const [C, names] of [[Serializer, ['transferArrayBuffer', 'writeUint32', 'writeUint64',
  'writeDouble', 'writeRawBytes', 'writeValue', '_setTreatArrayBufferViewsAsHostObjects']],
[Deserializer, ['transferArrayBuffer', '_readRawBytes']]]) {
  for (const k of names) Object.defineProperty(C.prototype[k], 'length', { __proto__: null, value: 0 });
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

// ---- heap ----------------------------------------------------------------------------------------

function getHeapStatistics() {
  const s = binding.heapStats();
  return {
    total_heap_size: s[0],
    total_heap_size_executable: 0,
    total_physical_size: s[1],
    total_available_size: s[2],
    used_heap_size: s[3],
    heap_size_limit: s[4],
    malloced_memory: s[5],
    peak_malloced_memory: s[6],
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

const spaceNames = ['read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space',
  'new_large_object_space', 'large_object_space', 'code_large_object_space', 'shared_large_object_space'];

function getHeapSpaceStatistics() {
  const s = binding.heapStats();
  return spaceNames.map((name) => {
    const old = name === 'old_space';
    return {
      space_name: name,
      space_size: old ? s[0] : 0,
      space_used_size: old ? s[3] : 0,
      space_available_size: old ? s[0] - s[3] : 0,
      physical_space_size: old ? s[1] : 0,
    };
  });
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

function setFlagsFromString(flags) {
  if (typeof flags !== 'string') throw new ERR_INVALID_ARG_TYPE('flags', 'string', flags);
}

function lazyValidators() { return require('internal/validators'); }

function notSupported(name) {
  return function () {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    if (ERR_METHOD_NOT_IMPLEMENTED) throw new ERR_METHOD_NOT_IMPLEMENTED(name);
    throw new Error(`The ${name} method is not implemented`);
  };
}

// promiseHooks: gojs has no promise hooks to run them, so each hook is validated as node's and
// its stop function (node's) does nothing.
function promiseHook(name) {
  return function(hook) {
    if (typeof hook !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'function', hook);
    return function stop() {};
  };
}
const promiseHooks = {
  createHook({ init, before, after, settled } = {}) {
    const stops = [];
    if (init) stops.push(promiseHooks.onInit(init));
    if (before) stops.push(promiseHooks.onBefore(before));
    if (after) stops.push(promiseHooks.onAfter(after));
    if (settled) stops.push(promiseHooks.onSettled(settled));
    return function stop() { for (const s of stops) s(); };
  },
  onInit: promiseHook('initHook'),
  onBefore: promiseHook('beforeHook'),
  onAfter: promiseHook('afterHook'),
  onSettled: promiseHook('settledHook'),
};

// The startup snapshot API outside a snapshot build (gojs never builds one).
function notBuildingSnapshot() {
  const { codes: { ERR_NOT_BUILDING_SNAPSHOT } } = require('internal/errors');
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}

module.exports = {
  cachedDataVersionTag: () => 2208153205,
  getHeapSnapshot: function getHeapSnapshot(options) {
    if (options !== undefined) lazyValidators().validateObject(options, 'options');
    notSupported('getHeapSnapshot()')();
  },
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage() {},
  stopCoverage() {},
  serialize,
  writeHeapSnapshot: function writeHeapSnapshot(path, options) {
    if (path !== undefined && typeof path !== 'string' && !(path instanceof Uint8Array) &&
        !(path && path.href !== undefined && path.protocol !== undefined)) {
      throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
    }
    if (options !== undefined) lazyValidators().validateObject(options, 'options');
    notSupported('writeHeapSnapshot()')();
  },
  promiseHooks,
  queryObjects: function queryObjects(constructor, options = { format: 'count' }) {
    const { validateFunction, validateObject } = lazyValidators();
    validateFunction(constructor, 'constructor');
    validateObject(options, 'options');
    const format = options.format;
    if (format !== 'count' && format !== 'summary') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.format', format);
    }
    notSupported('queryObjects()')();
  },
  startupSnapshot: {
    addDeserializeCallback(callback, data) { notBuildingSnapshot(); },
    addSerializeCallback(callback, data) { notBuildingSnapshot(); },
    setDeserializeMainFunction(callback, data) { notBuildingSnapshot(); },
    // (node's reads a flag from a Uint8Array: 0, not false)
    isBuildingSnapshot() { return 0; },
  },
  setHeapSnapshotNearHeapLimit(limit) { lazyValidators().validateUint32(limit, 'limit', true); },
  // GCProfiler: node's report of the collections between start() and stop() (none are seen
  // here: goja's memory is Go's); stop() without a start() returns undefined
  GCProfiler: class GCProfiler {
    #startTime = undefined;
    start() { if (this.#startTime === undefined) this.#startTime = Date.now(); }
    stop() {
      if (this.#startTime === undefined) return undefined;
      const report = { version: 1, startTime: this.#startTime, statistics: [], endTime: Date.now() };
      this.#startTime = undefined;
      return report;
    }
  },
};
