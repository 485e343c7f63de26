'use strict';
// structuredClone: the structured clone algorithm as Node 20 (V8's serializer) applies it.

const { makeNodeError } = require('internal/errors');

function dataCloneError(message) {
  return new globalThis.DOMException(message, 'DataCloneError');
}

function describe(v) {
  if (typeof v === 'symbol' || typeof v === 'function') return String(v);
  return `#<${tagName(v)}>`;
}

function tagName(v) {
  const ctor = v && v.constructor;
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag !== 'Object') return tag;
  return ctor && typeof ctor.name === 'string' && ctor.name ? ctor.name : 'Object';
}

// brand checks that cannot be fooled by Symbol.toStringTag
function is(fn, v) {
  try {
    fn.call(v);
    return true;
  } catch {
    return false;
  }
}
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const taTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;

const isArrayBuffer = (v) => is(abByteLength, v) && !(sabByteLength && is(sabByteLength, v));
const isDate = (v) => is(Date.prototype.getTime, v);
const isRegExp = (v) => { try { Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(v); return v instanceof RegExp || Object.prototype.toString.call(v) === '[object RegExp]'; } catch { return false; } };
const isMap = (v) => is(mapSize, v);
const isSet = (v) => is(setSize, v);
const isDataView = (v) => is(dvByteLength, v);
const typedArrayName = (v) => taTag.call(v);

const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const uncloneableTags = new Set(['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Generator',
  'AsyncGenerator', 'Module']);

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const transfer = [];
  const list = options != null ? options.transfer : undefined;
  if (list !== undefined) {
    if (list === null || typeof list[Symbol.iterator] !== 'function') {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
    }
    for (const t of list) {
      if (typeof t !== 'object' || t === null || !isArrayBuffer(t)) {
        throw makeNodeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
      }
      if (transfer.includes(t)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      if (binding.isDetached(t)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      transfer.push(t);
    }
  }
  const memory = new Map();
  // transferred buffers move: their clones take the bytes, the originals end up detached
  for (const t of transfer) memory.set(t, t.slice(0));
  const result = clone(value, memory);
  for (const t of transfer) binding.detach(t);
  return result;
}

function clone(v, memory) {
  if (typeof v === 'symbol' || typeof v === 'function') throw dataCloneError(`${describe(v)} could not be cloned.`);
  if (typeof v !== 'object' || v === null) return v;
  if (memory.has(v)) return memory.get(v);

  if (binding.isProxy(v)) throw dataCloneError('#<Object> could not be cloned.');
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (uncloneableTags.has(tag)) throw dataCloneError(`${describe(v)} could not be cloned.`);

  let out;
  if (Array.isArray(v)) {
    out = new Array(v.length);
    memory.set(v, out);
    for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
    return out;
  }
  if (isDate(v)) {
    out = new Date(v.getTime());
    memory.set(v, out);
    return out;
  }
  if (isRegExp(v)) {
    out = new RegExp(v.source, v.flags);
    memory.set(v, out);
    return out;
  }
  if (sabByteLength && is(sabByteLength, v)) {
    // a new SharedArrayBuffer over the same memory, as V8 makes
    out = require('internal/atomics').share(v);
    memory.set(v, out);
    return out;
  }
  if (isArrayBuffer(v)) {
    if (binding.isDetached(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    out = v.slice(0);
    memory.set(v, out);
    return out;
  }
  if (ArrayBuffer.isView(v)) {
    const buffer = clone(v.buffer, memory);
    if (isDataView(v)) {
      out = new DataView(buffer, v.byteOffset, v.byteLength);
    } else {
      const Ctor = globalThis[typedArrayName(v)];
      out = new Ctor(buffer, v.byteOffset, v.length);
    }
    memory.set(v, out);
    return out;
  }
  if (isMap(v)) {
    out = new Map();
    memory.set(v, out);
    const entries = [...Map.prototype.entries.call(v)];
    for (const [k, val] of entries) out.set(clone(k, memory), clone(val, memory));
    return out;
  }
  if (isSet(v)) {
    out = new Set();
    memory.set(v, out);
    const values = [...Set.prototype.values.call(v)];
    for (const val of values) out.add(clone(val, memory));
    return out;
  }
  if (is(Boolean.prototype.valueOf, v)) { out = Object(Boolean.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (is(Number.prototype.valueOf, v)) { out = Object(Number.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (is(String.prototype.valueOf, v)) { out = Object(String.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (typeof BigInt === 'function' && is(BigInt.prototype.valueOf, v)) {
    out = Object(BigInt.prototype.valueOf.call(v));
    memory.set(v, out);
    return out;
  }
  if (tag === 'Error' || v instanceof Error) {
    let name = 'Error';
    try {
      const n = v.name;
      if (errorNames.has(n)) name = n;
    } catch {}
    const Ctor = globalThis[name];
    out = Object.create(Ctor.prototype);
    memory.set(v, out);
    const msg = Object.getOwnPropertyDescriptor(v, 'message');
    if (msg && 'value' in msg) {
      Object.defineProperty(out, 'message', { value: String(msg.value), writable: true, configurable: true, enumerable: false });
    }
    const stack = v.stack;
    if (typeof stack === 'string') {
      Object.defineProperty(out, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    }
    if (Object.prototype.hasOwnProperty.call(v, 'cause')) {
      Object.defineProperty(out, 'cause', { value: clone(v.cause, memory), writable: true, configurable: true, enumerable: false });
    }
    return out;
  }
  // any other object: its own enumerable string-keyed properties, on a plain object
  out = {};
  memory.set(v, out);
  for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
  return out;
}

module.exports = { structuredClone };
