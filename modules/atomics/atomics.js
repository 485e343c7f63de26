'use strict';
// SharedArrayBuffer and Atomics (see atomics.go).

const describe = binding.describe;

function incompatible(method, receiver) {
  return new TypeError(`Method ${method} called on incompatible receiver ${describe(receiver)}`);
}

function toIndex(value) {
  if (value === undefined) return 0;
  const n = Number(value);
  const i = Number.isNaN(n) ? 0 : Math.trunc(n);
  if (i < 0 || i > Number.MAX_SAFE_INTEGER || i > 2 ** 32) throw new RangeError('Invalid array buffer length');
  return i === 0 ? 0 : i;
}

function toIndexWithin(value, message) {
  if (value === undefined) return 0;
  const n = Number(value);
  const i = Number.isNaN(n) ? 0 : Math.trunc(n);
  if (i < 0 || i > Number.MAX_SAFE_INTEGER) throw new RangeError(message);
  return i === 0 ? 0 : i;
}

function SharedArrayBuffer(length) {
  if (new.target === undefined) throw new TypeError("Constructor SharedArrayBuffer requires 'new'");
  const options = arguments[1];
  const n = toIndexWithin(length, 'Invalid array buffer length');
  let max = -1;
  if (options !== null && typeof options === 'object') {
    const m = options.maxByteLength;
    if (m !== undefined) {
      max = toIndexWithin(m, 'Invalid array buffer max length');
      if (max > 2 ** 32 || n > max) throw new RangeError('Invalid array buffer max length');
    }
  }
  if (max < 0 && n > 2 ** 32) throw new RangeError('Invalid array buffer length');
  let proto = new.target.prototype;
  if (proto === null || (typeof proto !== 'object' && typeof proto !== 'function')) proto = SharedArrayBuffer.prototype;
  return binding.alloc(n, max, proto);
}

const proto = SharedArrayBuffer.prototype;
const getterOf = (o, k) => Object.getOwnPropertyDescriptor(o, k).get;
function byteLengthOf(self, method) {
  const n = binding.byteLength(self);
  if (n < 0) throw incompatible(method, self);
  return n;
}
Object.defineProperties(proto, {
  byteLength: {
    __proto__: null,
    get: getterOf({ get byteLength() { return byteLengthOf(this, 'get SharedArrayBuffer.prototype.byteLength'); } }, 'byteLength'),
    configurable: true, enumerable: false,
  },
  slice: {
    __proto__: null,
    value: { slice(start, end) {
      const len = byteLengthOf(this, 'SharedArrayBuffer.prototype.slice');
      const rel = (v, d) => {
        if (v === undefined) return d;
        let x = Number(v);
        x = Number.isNaN(x) ? 0 : Math.trunc(x);
        return x < 0 ? Math.max(len + x, 0) : Math.min(x, len);
      };
      const first = rel(start, 0);
      const final = rel(end, len);
      const size = Math.max(final - first, 0);
      let C = this.constructor;
      if (C !== undefined) {
        const S = C[Symbol.species];
        if (S !== undefined && S !== null) C = S;
        else C = SharedArrayBuffer;
      } else {
        C = SharedArrayBuffer;
      }
      if (C === SharedArrayBuffer) return binding.copy(this, first, first + size, Object.getPrototypeOf(this) === proto ? proto : proto);
      const out = new C(size);
      if (!binding.isShared(out)) throw new TypeError('Method SharedArrayBuffer.prototype.slice called on incompatible receiver ' + describe(out));
      new Uint8Array(out).set(new Uint8Array(this, first, size));
      return out;
    } }.slice,
    writable: true, configurable: true, enumerable: false,
  },
  maxByteLength: {
    __proto__: null,
    get: getterOf({ get maxByteLength() {
      const n = binding.maxByteLength(this);
      if (n < 0) throw incompatible('get SharedArrayBuffer.prototype.maxByteLength', this);
      return n;
    } }, 'maxByteLength'),
    configurable: true, enumerable: false,
  },
  growable: {
    __proto__: null,
    get: getterOf({ get growable() {
      const g = binding.growable(this);
      if (g < 0) throw incompatible('get SharedArrayBuffer.prototype.growable', this);
      return g === 1;
    } }, 'growable'),
    configurable: true, enumerable: false,
  },
  grow: {
    __proto__: null,
    value: { grow(newLength) {
      if (binding.growable(this) !== 1) throw incompatible('SharedArrayBuffer.prototype.grow', this);
      const bad = () => new RangeError('SharedArrayBuffer.prototype.grow: Invalid length parameter');
      const n = Number(newLength);
      const i = Number.isNaN(n) ? 0 : Math.trunc(n);
      if (i < 0 || i > Number.MAX_SAFE_INTEGER) throw bad();
      if (binding.grow(this, i) !== 0) throw bad();
    } }.grow,
    writable: true, configurable: true, enumerable: false,
  },
  [Symbol.toStringTag]: { __proto__: null, value: 'SharedArrayBuffer', configurable: true },
});
Object.defineProperty(SharedArrayBuffer, Symbol.species, {
  __proto__: null,
  get: getterOf({ get [Symbol.species]() { return this; } }, Symbol.species),
  configurable: true,
});
Object.defineProperty(SharedArrayBuffer, 'prototype', { __proto__: null, writable: false, enumerable: false, configurable: false });

binding.init(proto);

const Atomics = {};
const names = ['load', 'store', 'add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange', 'isLockFree', 'wait',
  'waitAsync', 'notify'];
for (const name of names) {
  Object.defineProperty(Atomics, name, { __proto__: null, value: binding.ops[name], writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(Atomics, Symbol.toStringTag, { __proto__: null, value: 'Atomics', configurable: true });

module.exports = {
  SharedArrayBuffer,
  Atomics,
  // for other built-ins: a new SharedArrayBuffer object over the memory of one (structuredClone),
  // and the brand check
  share: binding.share,
  isShared: binding.isShared,
  // brings this thread's growable SharedArrayBuffers to the length another thread grew them to
  sync: binding.sync,
};
