'use strict';
// node's internals keep timers of their own: a program replacing the global setTimeout and the
// others (fake timers in tests) does not stop sockets, servers or children timing out
// Web Crypto API (globalThis.crypto, require('crypto').webcrypto) on top of the Node crypto
// binding: CryptoKey wraps a KeyObject, SubtleCrypto methods validate and normalize the algorithm
// as the WebCrypto spec says and settle their promise after the work is done.

const { Buffer } = require('buffer');
let I; // internals of node:crypto, set by init
let DOMException;
const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kKeyUsages = Symbol('kKeyUsages');
const kConstructing = Symbol('kConstructing');
// branded holds the real Crypto and SubtleCrypto instances: an object merely inheriting their prototype is not one.
const branded = new WeakSet();
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

// As node's: the stack starts at the caller, without the DOMException constructor's and this
// function's frames.
function lazyDOMException(message, name) {
  if (!DOMException) DOMException = require('internal/event_target').DOMException;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const ex = new DOMException(message, name);
  Error.stackTraceLimit = limit;
  Error.captureStackTrace(ex, lazyDOMException);
  return ex;
}

function ERR_ILLEGAL_CONSTRUCTOR() {
  return I.nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}
function ERR_INVALID_THIS(t) {
  return I.nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${t}`);
}

class CryptoKey {
  constructor(k) {
    if (k !== kConstructing) throw ERR_ILLEGAL_CONSTRUCTOR();
  }
  // each getter checks its receiver as node's: an object not inheriting CryptoKey.prototype is
  // ERR_INVALID_THIS
  get type() {
    if (!(this instanceof CryptoKey)) throw ERR_INVALID_THIS('CryptoKey');
    return this[kKeyObject].type;
  }
  get extractable() {
    if (!(this instanceof CryptoKey)) throw ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }
  get algorithm() {
    if (!(this instanceof CryptoKey)) throw ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }
  get usages() {
    if (!(this instanceof CryptoKey)) throw ERR_INVALID_THIS('CryptoKey');
    return this[kKeyUsages];
  }
  [inspectCustom](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, { depth: options.depth == null ? null : options.depth - 1 });
    inspect = inspect || require('util').inspect;
    return `CryptoKey ${inspect({
      type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages,
    }, opts)}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { __proto__: null, value: 'CryptoKey', configurable: true });
for (const p of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, p, { __proto__: null, enumerable: true });
}

// The keys made are InternalCryptoKeys, as node's: their prototype, below CryptoKey's, has only
// a constructor (CryptoKey) of its own, and holds the internal symbols.
const internalKeyProto = Object.create(CryptoKey.prototype, {
  constructor: { __proto__: null, value: CryptoKey, writable: true, configurable: true },
});

// How CryptoKeys clone: set once structured cloning loads (nothing can be cloned before).
internalBinding('internal/lazy_proto').whenLoaded('internal/structured_clone', () => {
  const sc = require('internal/structured_clone');
  // structuredClone copies a CryptoKey with the same key object and clones of its algorithm and
  // usages, as node's InternalCryptoKey deserializer does.
  Object.defineProperty(internalKeyProto, sc.kClone, {
    __proto__: null,
    value(cloneValue) {
      return makeKey(this[kKeyObject], cloneValue(this[kAlgorithm]), this[kExtractable], cloneValue(this[kKeyUsages]));
    },
  });

  // and crosses to another runtime (a worker's postMessage) as its KeyObject and fields
  Object.defineProperty(internalKeyProto, sc.kCloneable, {
    __proto__: null,
    value() {
      return {
        module: 'internal/crypto/webcrypto',
        kind: 'CryptoKey',
        data: { keyObject: this[kKeyObject], algorithm: this[kAlgorithm], extractable: this[kExtractable], usages: this[kKeyUsages] },
      };
    },
  });
  sc.registerCloneable('CryptoKey',
    ({ keyObject, algorithm, extractable, usages }) => makeKey(keyObject, algorithm, extractable, usages));
});

function makeKey(keyObject, algorithm, extractable, usages) {
  const k = Object.create(internalKeyProto);
  k[kKeyObject] = keyObject;
  k[kAlgorithm] = algorithm;
  k[kExtractable] = extractable;
  k[kKeyUsages] = usages;
  return k;
}

class SubtleCrypto {
  constructor(k) {
    if (k !== kConstructing) throw ERR_ILLEGAL_CONSTRUCTOR();
    branded.add(this);
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { __proto__: null, value: 'SubtleCrypto', configurable: true });
// The methods' work (the algorithms, most of this glue) is a part compiled on the first call of
// one (parts.go): SubtleCrypto's methods here check their receiver, then the part converts the
// arguments and does the work.
let subtleAPI;
function subtleParts() {
  return subtleAPI || (subtleAPI = I.binding.part('subtle')({
    require, Buffer, CryptoKey, ERR_INVALID_THIS, I, branded, kAlgorithm, kExtractable, kKeyObject,
    kKeyUsages, lazyDOMException, makeKey,
  }));
}
// call(self, name, args): a SubtleCrypto method's work, its errors a rejection
function call(self, name, args) {
  if (!branded.has(self)) return Promise.reject(ERR_INVALID_THIS('SubtleCrypto'));
  try {
    const { convertArgs, subtleMethods } = subtleParts();
    args = Array.prototype.slice.call(args);
    convertArgs(name, args);
    return subtleMethods[name].apply(self, args);
  } catch (e) {
    return Promise.reject(e);
  }
}
// (methods, as node's: named, of node's lengths, without a prototype; in node's order, which
// Object.keys(SubtleCrypto.prototype) and util.inspect show)
const subtleProto = {
  encrypt(algorithm, key, data) { return call(this, 'encrypt', arguments); },
  decrypt(algorithm, key, data) { return call(this, 'decrypt', arguments); },
  sign(algorithm, key, data) { return call(this, 'sign', arguments); },
  verify(algorithm, key, signature, data) { return call(this, 'verify', arguments); },
  digest(algorithm, data) { return call(this, 'digest', arguments); },
  generateKey(algorithm, extractable, keyUsages) { return call(this, 'generateKey', arguments); },
  deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) { return call(this, 'deriveKey', arguments); },
  deriveBits(algorithm, baseKey) { return call(this, 'deriveBits', arguments); },
  importKey(format, keyData, algorithm, extractable, keyUsages) { return call(this, 'importKey', arguments); },
  exportKey(format, key) { return call(this, 'exportKey', arguments); },
  wrapKey(format, key, wrappingKey, wrapAlgorithm) { return call(this, 'wrapKey', arguments); },
  unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
    return call(this, 'unwrapKey', arguments);
  },
};
// (node's are async functions; these plain ones return call's promise as it is, without an
// async function's extra ticks, and are marked as async for util.inspect and util.types below)
const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {});
for (const k of Object.keys(subtleProto)) {
  Object.setPrototypeOf(subtleProto[k], AsyncFunctionPrototype);
  Object.defineProperty(SubtleCrypto.prototype, k, {
    __proto__: null, value: subtleProto[k], enumerable: true, configurable: true, writable: true,
  });
}

const subtle = new SubtleCrypto(kConstructing);

class Crypto {
  constructor(k) {
    if (k !== kConstructing) throw ERR_ILLEGAL_CONSTRUCTOR();
    branded.add(this);
  }
  get subtle() {
    if (!branded.has(this)) throw ERR_INVALID_THIS('Crypto');
    return subtle;
  }
  getRandomValues(array) {
    if (!branded.has(this)) throw ERR_INVALID_THIS('Crypto'); // at: webcrypto:994:30
    if (arguments.length < 1) {
      // (node's webidl makes it: a plain TypeError with a code)
      const e = new TypeError("Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present."); // at: codedTypeError@webidl:45:15, makeException@webidl:54:10, Object.requiredArguments@webidl:234:11, webcrypto:998:10 | 15 |   const err = new TypeError(message);
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    if (!ArrayBuffer.isView(array) || array instanceof DataView || array instanceof Float32Array ||
        array instanceof Float64Array) {
      throw lazyDOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError'); // at: Crypto.getRandomValues@random:323:11, webcrypto:1000:10 | 5 |     throw lazyDOMException(
    }
    if (array.byteLength > 65536) {
      throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError'); // at: Crypto.getRandomValues@random:328:11, webcrypto:1000:10 | 5 |     throw lazyDOMException(
    }
    I.randomFillSync(array, 0);
    return array;
  }
  randomUUID() {
    if (!branded.has(this)) throw ERR_INVALID_THIS('Crypto');
    return I.binding.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { __proto__: null, value: 'Crypto', configurable: true });
for (const p of ['subtle', 'getRandomValues', 'randomUUID']) {
  Object.defineProperty(Crypto.prototype, p, { __proto__: null, enumerable: true });
}

const crypto = new Crypto(kConstructing);

module.exports = {
  crypto, Crypto, CryptoKey, SubtleCrypto,
  init(internals) {
    if (I !== undefined) return;
    I = internals;
    I.setCryptoKeyClass(CryptoKey);
    // KeyObject.from and prepareKey read a CryptoKey's KeyObject through this symbol.
    Object.defineProperty(internalKeyProto, internals.kKeyObject, {
      __proto__: null,
      get() { return this[kKeyObject]; }, configurable: true,
    });
  },
};
// Loaded first (the Crypto, CryptoKey and SubtleCrypto globals come from here, as node:crypto
// does not export them): node:crypto hands this module its internals.
if (I === undefined) require('crypto').webcrypto; // eslint-disable-line no-unused-expressions
for (const k of Object.keys(subtleProto)) I.binding.markFunc(subtleProto[k], 'async');
// getRandomValues of a one-byte-element array, the usual call, is one native call (the method
// above does the rest).
Object.defineProperty(Crypto.prototype, 'getRandomValues', {
  __proto__: null,
  value: I.binding.randomValuesMethod(crypto, Crypto.prototype.getRandomValues),
  writable: true, enumerable: true, configurable: true,
});
