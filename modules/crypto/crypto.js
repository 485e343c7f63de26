'use strict';
// Glue for node:crypto. Go (binding) does the work on handles; this file gives Node's classes,
// overloads, validation and error codes. Hash, Hmac, Cipheriv and Decipheriv are lazy
// stream.Transforms as in Node: their Transform state is built on first stream use, so plain
// update()/digest() never pay for it.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
  },
  makeNodeError,
} = require('internal/errors');
const {
  validateString, validateNumber, validateInteger, validateInt32, validateUint32, validateFunction,
  validateObject, validateOneOf, validateBoolean, validateEncoding,
} = require('internal/validators');

let streamMod;
function stream() { return streamMod || (streamMod = require('stream')); }

function nodeError(Base, code, message) { return makeNodeError(Base, code, message); }
function osslError(id, library, reason, code) {
  const e = new Error(`error:${id}:${library}::${reason}`);
  Error.captureStackTrace(e, osslError); // (its stack starts where node's native call is)
  e.library = library;
  e.reason = reason;
  e.code = code;
  return e;
}
// The digests of OpenSSL 3's legacy provider, which node 20 does not load: OpenSSL knows their
// names (any case) but cannot fetch them, so a hash, hmac, sign or verify of one fails with
// ERR_OSSL_EVP_UNSUPPORTED (its opensslErrorStack as each of node's calls leaves it), and the
// pbkdf2 and hkdf jobs with a bare Error of that message.
const legacyDigests = new Set(['md4', 'md4withrsaencryption', 'rsa-md4', 'whirlpool', 'mdc2', 'mdc2withrsa', 'rsa-mdc2']);
const isLegacyDigest = (name) => typeof name === 'string' && legacyDigests.has(name.toLowerCase());
const kEvpUnsupported = 'error:0308010C:digital envelope routines::unsupported';
// FIPS mode. node 20's OpenSSL 3 has no FIPS provider: setFips(true) only sets OpenSSL's default
// property fips=yes, after which no implementation can be fetched. getFips() then says 1, hashes,
// ciphers, signatures, RSA encryption, key pair generation and the KDFs fail as node's do (the
// fetch's error), getCiphers() is empty; setFips(false) ends it. The digests node's Hash class
// fetched before stay usable by Hash (createHash, hash()) and are what getHashes() lists. Node's flag is
// the process's (a worker cannot set it); this one is the runtime's.
let fipsOn = false;
const kEvpKeytype = ['03000096', 'digital envelope routines', 'operation not supported for this keytype', 'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE'];
// The extendable-output digests and the size OpenSSL gives them: pbkdf2 and hkdf take their
// names, then fail to derive with them ('Deriving bits failed', a bare Error).
const xofSizes = { __proto__: null, shake128: 16, shake256: 32 };
const xofSize = (name) => (typeof name === 'string' ? xofSizes[name.toLowerCase()] : undefined);
const kDerivingFailed = 'Deriving bits failed';
const kEvpInitError = 'error:03000086:digital envelope routines::initialization error';
function unsupportedDigest(...stack) {
  const e = new Error(kEvpUnsupported);
  Error.captureStackTrace(e, unsupportedDigest);
  e.opensslErrorStack = stack;
  e.library = 'digital envelope routines';
  e.reason = 'unsupported';
  e.code = 'ERR_OSSL_EVP_UNSUPPORTED';
  return e;
}
const ERR_CRYPTO_HASH_FINALIZED = () => nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
const ERR_CRYPTO_INVALID_DIGEST = (d) => nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', d === undefined ? 'Invalid digest' : `Invalid digest: ${d}`);
const ERR_CRYPTO_INVALID_STATE = (op) => nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', op ? `Invalid state for operation ${op}` : 'Invalid state');
const ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE = (t, e) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${t}, expected ${e}.`);
const ERR_CRYPTO_INVALID_CURVE = () => nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');


// ---- node's places of an uncaught C++ error --------------------------------------------------
// An error node's C++ layer throws from one of these calls prints, uncaught, the excerpt of the
// binding call in node's lib (node 20.20's lines) and its stack begins with node's frames there:
// [file, line, column, source line, ...frames [name, file, line, column]]. A '*' in a frame's
// name is the class of the object the call was made on (Cipheriv, Decipheriv).
const kArrowMessage = Symbol.for('gojs.arrowMessage');
const kCipherInit = ['internal/crypto/cipher', 121, 19, '    this[kHandle].initiv(cipher, credential, iv, authTagLength);'];
const nativeSites = {
  createHash: ['internal/crypto/hash', 101, 19, '  this[kHandle] = new _Hash(algorithm, xofLen, algorithmId, getHashCache());',
    ['new Hash', 'internal/crypto/hash', 101, 19], ['Object.createHash', 'crypto', 139, 10]],
  createHmac: ['internal/crypto/hash', 168, 17, '  this[kHandle].init(hmac, key);',
    ['new Hmac', 'internal/crypto/hash', 168, 17], ['Object.createHmac', 'crypto', 171, 10]],
  createCipheriv: [...kCipherInit, ['Cipheriv.createCipherBase', 'internal/crypto/cipher', 121, 19],
    ['Cipheriv.createCipherWithIV', 'internal/crypto/cipher', 140, 3], ['new Cipheriv', 'internal/crypto/cipher', 243, 3],
    ['Object.createCipheriv', 'crypto', 147, 10]],
  createDecipheriv: [...kCipherInit, ['Decipheriv.createCipherBase', 'internal/crypto/cipher', 121, 19],
    ['Decipheriv.createCipherWithIV', 'internal/crypto/cipher', 140, 3], ['new Decipheriv', 'internal/crypto/cipher', 289, 3],
    ['Object.createDecipheriv', 'crypto', 155, 10]],
  final: ['internal/crypto/cipher', 193, 29, '  const ret = this[kHandle].final();', ['*.final', 'internal/crypto/cipher', 193, 29]],
  createPublicKey: ['internal/crypto/keys', 618, 12, '    handle.init(kKeyTypePublic, data, format, type, passphrase);',
    ['Object.createPublicKey', 'internal/crypto/keys', 618, 12]],
  createPrivateKey: ['internal/crypto/keys', 631, 12, '    handle.init(kKeyTypePrivate, data, format, type, passphrase);',
    ['Object.createPrivateKey', 'internal/crypto/keys', 631, 12]],
  pbkdf2Sync: ['internal/crypto/pbkdf2', 66, 15, '  const job = new PBKDF2Job(', ['Object.pbkdf2Sync', 'internal/crypto/pbkdf2', 66, 15]],
  createSign: ['internal/crypto/sig', 60, 17, '  this[kHandle].init(algorithm);',
    ['new Sign', 'internal/crypto/sig', 60, 17], ['Object.createSign', 'crypto', 175, 10]],
  createVerify: ['internal/crypto/sig', 202, 17, '  this[kHandle].init(algorithm);',
    ['new Verify', 'internal/crypto/sig', 202, 17], ['Object.createVerify', 'crypto', 179, 10]],
  sign: ['internal/crypto/sig', 169, 15, '  const job = new SignJob(', ['Object.signOneShot [as sign]', 'internal/crypto/sig', 169, 15]],
  verify: ['internal/crypto/sig', 273, 15, '  const job = new SignJob(', ['Object.verifyOneShot [as verify]', 'internal/crypto/sig', 273, 15]],
  scryptSync: ['internal/crypto/scrypt', 69, 15, '  const job = new ScryptJob(', ['Object.scryptSync', 'internal/crypto/scrypt', 69, 15]],
  hkdfSync: ['internal/crypto/hkdf', 132, 15, '  const job = new HKDFJob(kCryptoJobSync, hash, key, salt, info, length);',
    ['Object.hkdfSync', 'internal/crypto/hkdf', 132, 15]],
  createDiffieHellman: ['internal/crypto/diffiehellman', 118, 19, '  this[kHandle] = new _DiffieHellman(sizeOrKey, generator);',
    ['new DiffieHellman', 'internal/crypto/diffiehellman', 118, 19], ['Object.createDiffieHellman', 'crypto', 159, 10]],
  createECDH: ['internal/crypto/diffiehellman', 223, 19, '  this[kHandle] = new _ECDH(curve);',
    ['new ECDH', 'internal/crypto/diffiehellman', 223, 19], ['Object.createECDH', 'crypto', 167, 10]],
  computeSecret: ['internal/crypto/diffiehellman', 157, 29, '  const ret = this[kHandle].computeSecret(key);',
    ['*.dhComputeSecret [as computeSecret]', 'internal/crypto/diffiehellman', 157, 29]],
};
// (the RSA encryption functions, each its own frame at node's rsaFunctionFor)
for (const op of ['publicEncrypt', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt']) {
  nativeSites[op] = ['internal/crypto/cipher', 79, 12, '    return method(data, format, type, passphrase, buffer, padding, oaepHash,',
    [`Object.${op}`, 'internal/crypto/cipher', 79, 12]];
}
// atNativeSite gives err, thrown by the call key (made on self, for a '*' frame), node's place
// when it is an error of node's C++ layer (no "[ERR_...]" in its stack's first line: a JS node
// error, a validation's, keeps its own). It returns err, to be thrown again.
function atNativeSite(err, key, self) {
  const site = nativeSites[key];
  if (site === undefined || !(err instanceof Error) || Object.prototype.hasOwnProperty.call(err, kArrowMessage)) return err;
  try {
    const stack = err.stack;
    if (typeof stack !== 'string') return err;
    const lines = stack.split('\n');
    let first = lines.findIndex((l) => l.startsWith('    at '));
    if (first === -1) first = lines.length;
    if (/ \[ERR_[A-Z0-9_]+\]: /.test(lines.slice(0, first).join('\n'))) return err;
    // (gojs's own frames, those of its glue, give way to node's)
    let user = first;
    while (user < lines.length && /^    at (?:.* \()?node:crypto:\d+:\d+\)?$/.test(lines[user])) user++;
    const owner = self && self.constructor && typeof self.constructor.name === 'string' ? self.constructor.name : 'Object';
    const frames = [];
    for (let k = 4; k < site.length; k++) {
      frames.push(`    at ${site[k][0].replace('*', owner)} (node:${site[k][1]}:${site[k][2]}:${site[k][3]})`);
    }
    let out = [...lines.slice(0, first), ...frames, ...lines.slice(user)];
    const limit = Error.stackTraceLimit;
    if (typeof limit === 'number' && out.length - first > limit) out = out.slice(0, first + Math.max(limit, 0));
    err.stack = out.join('\n');
    Object.defineProperty(err, kArrowMessage, {
      __proto__: null, value: `node:${site[0]}:${site[1]}\n${site[3]}\n${' '.repeat(site[2] - 1)}^\n`,
      writable: true, configurable: true,
    });
  } catch {
    // a frozen error keeps its stack
  }
  return err;
}

const isView = ArrayBuffer.isView;
function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer);
}

const kHandle = Symbol('kHandle');
// node's handles are native objects of classes named Hash, Hmac, CipherBase, Sign, Verify, ECDH,
// which util.inspect shows (`[Symbol(kHandle)]: Hash {}`); ours are given prototypes so named
const handleProtos = { __proto__: null };
function namedHandle(h, name) {
  let proto = handleProtos[name];
  if (proto === undefined) proto = handleProtos[name] = ({ [name]: function () {} })[name].prototype;
  if (h !== null && typeof h === 'object') Object.setPrototypeOf(h, proto);
  return h;
}
// The Diffie-Hellman handles are JS objects, as node's own accessor verifyError can only live on
// one (util.inspect shows `DiffieHellman { verifyError: [Getter] }`); each wraps the binding's
// object, kept in a WeakMap off the handle's keys.
const dhRaws = new WeakMap();
function dhHandle(raw, name, verifyError) {
  const h = namedHandle({}, name);
  dhRaws.set(h, { raw, verifyError });
  Object.defineProperty(h, 'verifyError', { __proto__: null, enumerable: true, get: dhVerifyErrorGetter(name) });
  return h;
}
function dhRaw(h) {
  const e = dhRaws.get(h);
  if (e === undefined) throw new TypeError('Illegal invocation');
  return e.raw;
}
const dhGetters = { __proto__: null };
function dhVerifyErrorGetter(name) {
  // (one getter per class, as node's template accessor, with no name of its own)
  return dhGetters[name] || (dhGetters[name] = (0, function () {
    const e = dhRaws.get(this);
    if (e === undefined) throw new TypeError('Illegal invocation');
    return e.verifyError;
  }));
}
// handleMethod puts a wrapper method on a handle class's prototype, as node's native handles
// have them: enumerable, called on the handle, refusing any other receiver.
const keyArg = /^(computeSecret|setPublicKey|setPrivateKey)$/;
function handleMethod(cls, name, method, check) {
  const proto = namedHandle(null, cls) || handleProtos[cls];
  const f = ({ [name](...args) {
    check(this);
    const self = { __proto__: null, [kHandle]: this };
    try {
      // (the native methods take no encodings: only a key, for those that read one)
      const r = method.apply(self, keyArg.test(name) ? args.slice(0, 1) : []);
      return r === self ? undefined : r;
    } catch (e) {
      // (a native method's error starts at its caller)
      if (e instanceof Error) Error.captureStackTrace(e, f);
      throw e;
    }
  } })[name];
  Object.defineProperty(f, 'length', { __proto__: null, value: 0 });
  Object.defineProperty(proto, name, { __proto__: null, value: f, writable: true, enumerable: true, configurable: true });
}
// finishHandleClass moves a handle prototype's constructor after its methods, where node's
// templates put it; a DH handle's constructor called from JS fails as node's does without a prime.
function finishHandleClass(cls, initFails) {
  const proto = handleProtos[cls];
  let ctor = proto.constructor;
  if (initFails) {
    ctor = ({ [cls]: function () { throw new Error('Initialization failed'); } })[cls];
    ctor.prototype = proto;
  }
  delete proto.constructor;
  Object.defineProperty(proto, 'constructor', { __proto__: null, value: ctor, writable: true, configurable: true });
}
const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

function getDefaultEncoding() { return 'buffer'; }

// --- LazyTransform -------------------------------------------------------------------------------

function LazyTransform(options) {
  if (streamLoaded) this._options = options;
  else setField(this, '_options', options);
}
// setField(obj, key, value) is obj[key] = value, as node's constructors assign these fields, for
// the time stream has not loaded: assigning looks the name up along the prototype chain, which
// reaches the stand-in below and loaded stream for every hash, though neither these classes nor
// the streams have such an accessor. For a direct instance of this file's LazyTransform classes
// it defines the property assignment would make (one descriptor, reused); an instance of a
// subclass, which may have such an accessor, is assigned.
let streamLoaded = false;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const defineOwnProperty = Object.defineProperty;
const fieldDesc = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };
function setField(obj, key, value) {
  const p = ObjectGetPrototypeOf(obj);
  if (p !== null && ObjectGetPrototypeOf(p) === LazyTransform.prototype) {
    fieldDesc.value = value;
    defineOwnProperty(obj, key, fieldDesc);
    fieldDesc.value = undefined;
  } else {
    obj[key] = value;
  }
}
// Transform is LazyTransform's base once stream has loaded; until then stand-ins that load it on
// the first lookup reaching them, so that a hash that is never streamed loads no stream glue.
const lazyProto = internalBinding('internal/lazy_proto');
const EventEmitter = require('events');
lazyProto.extendWhenLoaded('stream', [LazyTransform], EventEmitter.prototype, EventEmitter, () => stream().Transform);
lazyProto.whenLoaded('stream', () => { streamLoaded = true; });
function makeGetter(name) {
  return function () {
    stream().Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}
function makeSetter(name) {
  return function (val) {
    Object.defineProperty(this, name, { __proto__: null, value: val, enumerable: true, configurable: true, writable: true });
  };
}
for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    __proto__: null,
    get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
  });
}

// --- Hash / Hmac ---------------------------------------------------------------------------------

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copy = typeof algorithm !== 'string' && algorithm instanceof Hash;
  if (!copy) validateString(algorithm, 'algorithm');
  // options that are not an object are ignored, as node 20's (['sha512'].map(crypto.createHash),
  // as ssri does, passes the index)
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  if (copy) {
    this[kHandle] = namedHandle(binding.hashCopy(algorithm[kHandle], xofLen), 'Hash');
  } else {
    if (fipsOn && binding.hashUnfetchable(algorithm)) throw unsupportedDigest(kEvpInitError, kEvpUnsupported);
    if (xofLen !== undefined) {
      const name = binding.canonicalHash(algorithm);
      if (name !== 'shake128' && name !== 'shake256' && name !== '' && xofLen !== binding.hashSize(name)) {
        throw osslError('030000B2', 'digital envelope routines', 'not XOF or invalid length', 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH');
      }
    }
    // (the handle, state and _options, as below, made by the binding)
    if (!binding.hashInit(this, algorithm, xofLen, options, streamLoaded)) {
      throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError, kEvpUnsupported) : new Error('Digest method not supported');
    }
    return;
  }
  this[kState] = { [kFinalized]: false };
  // (LazyTransform's body, without the call)
  if (streamLoaded) this._options = options;
  else setField(this, '_options', options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);
binding.hashSetup(kHandle, kState, kFinalized, namedHandle(null, 'Hash') || handleProtos.Hash,
  namedHandle(null, 'Hmac') || handleProtos.Hmac, LazyTransform.prototype,
  namedHandle(null, 'CipherBase') || handleProtos.CipherBase);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};
Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hashUpdate(this[kHandle], chunk, encoding);
  callback();
};
Hash.prototype._flush = function _flush(callback) {
  this.push(binding.hashDigest(this[kHandle]));
  callback();
};
Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data !== 'string') {
    if (!isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  } else if (encoding !== undefined) {
    validateEncoding(data, encoding);
  }
  binding.hashUpdate(this[kHandle], data, encoding);
  return this;
};
Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED();
  const r = binding.hashDigest(this[kHandle], outputEncoding === undefined || typeof outputEncoding === 'string' ? outputEncoding : `${outputEncoding}`);
  this[kState][kFinalized] = true;
  return r;
};

function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (key instanceof KeyObject) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return binding.keySecretBytes(key[kHandle]);
    }
    if (isCryptoKey(key)) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return binding.keySecretBytes(key[kKeyObject][kHandle]);
    }
  }
  if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', bufferOnly ? ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }
  if (typeof key === 'string') return Buffer.from(key, encoding);
  return key;
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options && options.encoding;
  // Strings go to Go as they are, encoded there.
  if (typeof key !== 'string') key = prepareSecretKey(key, encoding);
  // (this[kHandle], this[kState] = { [kFinalized]: false } and LazyTransform's body, made by
  // the binding as hashInit)
  const made = binding.hmacInit(this, hmac, key, encoding, options, streamLoaded);
  if (made === undefined) throw isLegacyDigest(hmac) ? unsupportedDigest(kEvpInitError) : ERR_CRYPTO_INVALID_DIGEST(hmac);
  if (made === null) throw new Error('error:00000000:lib(0)::reason(0)');
  if (fipsOn) throw unsupportedDigest(kEvpInitError);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) {
    const buf = Buffer.from('');
    return outputEncoding === undefined || outputEncoding === 'buffer' ? buf : buf.toString(outputEncoding);
  }
  const r = binding.hashDigest(this[kHandle], outputEncoding === undefined || typeof outputEncoding === 'string' ? outputEncoding : `${outputEncoding}`);
  state[kFinalized] = true;
  return r;
};
Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

function createHash(algorithm, options) {
  try {
    return new Hash(algorithm, options);
  } catch (e) {
    throw atNativeSite(e, 'createHash');
  }
}
function createHmac(hmac, key, options) {
  try {
    return new Hmac(hmac, key, options);
  } catch (e) {
    throw atNativeSite(e, 'createHmac');
  }
}

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== 'hex' && outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    // (as node's normalizeEncoding: '' is utf8; 'buffer' in any case is a Buffer)
    if (outputEncoding === '') outputEncoding = 'utf8';
    else if (!Buffer.isEncoding(outputEncoding)) {
      if (outputEncoding.toLowerCase() !== 'buffer') throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
      outputEncoding = 'buffer';
    }
  }
  if (fipsOn && binding.hashUnfetchable(algorithm)) throw unsupportedDigest(kEvpInitError, kEvpUnsupported);
  const r = binding.hashOnce(algorithm, input, outputEncoding);
  if (r === undefined) {
    throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError, kEvpUnsupported) : new Error(`Digest method ${algorithm} is not supported`);
  }
  return r;
}

// --- jobs ----------------------------------------------------------------------------------------

// newJob makes the object of one of node's crypto jobs run with a callback: of its class
// (RandomBytesJob, PBKDF2Job...: a prototype with run and constructor, as node's binding
// classes), with ondone, the function the work's end calls with the job as this. It is the
// resource async hooks see (jobs.go).
const jobProtos = { __proto__: null };
function jobRun() {}
function newJob(name, ondone) {
  let proto = jobProtos[name];
  if (proto === undefined) {
    const ctor = ({ [name]: function () { throw new TypeError('Illegal constructor'); } })[name];
    proto = ctor.prototype;
    delete proto.constructor;
    Object.defineProperty(proto, 'run', { __proto__: null, value: jobRun, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(proto, 'constructor', { __proto__: null, value: ctor, writable: true, configurable: true });
    jobProtos[name] = proto;
  }
  const job = { __proto__: proto, ondone: undefined };
  job.ondone = ondone;
  return job;
}

// --- random --------------------------------------------------------------------------------------

const kMaxLength = 2 ** 31 - 1;
const kMaxUint32 = 2 ** 32 - 1;

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}
function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function randomBytes(size, callback) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (callback === undefined) {
    const buf = Buffer.alloc(size);
    if (size > 0) binding.randomFill(buf, 0, size, true);
    return buf;
  }
  // (nothing to fill: node calls back at once, making no job)
  if (size === 0) { callback(null, Buffer.alloc(0)); return; }
  // (the callback is called with the job as this, as node's)
  const job = newJob('RandomBytesJob');
  job.ondone = randomBytesDone.bind(job, callback);
  binding.randomBytesAsync(size, job);
}
// (ondone of randomBytes' and randomFill's jobs, bound as node's; randomBytes' calls its
// callback through a function of its own, as node's randomBytes does through randomFill's. The
// "// job:" marks are the lines whose frames a stack shows at node's places: stackreceiver.go.)
const randomBytesDone = function onJobDone(callback, buf) {
  randomBytesCall.call(this, callback, buf); // job:randomBytes-done
};
function randomBytesCall(callback, buf) {
  callback.call(this, null, buf); // job:randomBytes
}
const randomFillDone = function onJobDone(buf, offset, size, callback, bytes) {
  new Uint8Array(buf.buffer || buf, (buf.byteOffset || 0) + offset, size).set(bytes);
  callback.call(this, null, buf); // job:randomFill-done
};

function randomFillSync(buf, offset = 0, size) {
  if (!isAnyArrayBuffer(buf) && !isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  // (the whole of buf, the usual call: no need to read its sizes here, each read of a typed
  // array's named property costing goja a number parse)
  if (offset === 0 && size === undefined) {
    binding.randomFill(buf, 0, -1, true);
    return buf;
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) size = buf.byteLength - offset;
  else size = assertSize(size, elementSize, offset, buf.byteLength);
  if (size > 0) binding.randomFill(buf, offset, size, true);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (!isAnyArrayBuffer(buf) && !isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset; offset = 0; size = buf.byteLength;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    size = buf.byteLength - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  validateFunction(callback, 'callback');
  if (size === 0) { callback(null, buf); return; }
  const job = newJob('RandomBytesJob');
  job.ondone = randomFillDone.bind(job, buf, offset, size, callback);
  binding.randomBytesAsync(size, job);
}

const RAND_MAX = 0xFFFFFFFFFFFF;
// (node's primordial: taken once, so a program's Number.isSafeInteger is not the one called)
const NumberIsSafeInteger = Number.isSafeInteger;
// As node's, randomInt draws its 6-byte numbers from a cache of random bytes, refilled when used
// up: in place for a sync call, else by an async randomFill that the calls queued meanwhile
// wait for (each then drawing again).
const randomCache = Buffer.alloc(6 * 1024);
let randomCacheFilling = false;
const randomCacheWaiting = [];
function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) { callback = max; max = min; min = 0; }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!NumberIsSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  // (the range's check, the draw and x % range + min are the binding's)
  const n = binding.randomIntNext(randomCache, min, max, isSync);
  if (n === null) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, max - min);
  }
  if (n !== undefined) {
    if (isSync) return n;
    process.nextTick(callback, undefined, n);
    return;
  }
  randomCacheWaiting.push({ min, max, callback });
  if (randomCacheFilling) return;
  randomCacheFilling = true;
  randomFill(randomCache, (err) => {
    randomCacheFilling = false;
    const waiting = randomCacheWaiting.splice(0);
    // (a failed fill is reported to the first waiting call only; the others try again)
    const failed = err ? waiting.shift() : undefined;
    if (!err) binding.randomIntReset();
    for (const w of waiting) randomInt(w.min, w.max, w.callback);
    if (failed) failed.callback(err);
  });
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  let noCache = false;
  if (options && options.disableEntropyCache !== undefined) {
    validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
    noCache = options.disableEntropyCache;
  }
  return binding.randomUUID(noCache);
}

// cppError is an error node's C++ throws from fn: a code property, none in its name, and a
// stack that starts at fn's caller.
function cppError(Ctor, code, message, fn) {
  const e = new Ctor(message);
  Error.captureStackTrace(e, fn);
  e.code = code;
  return e;
}
function timingSafeEqual(buf1, buf2) {
  if (!isView(buf1) && !isAnyArrayBuffer(buf1)) throw timingSafeArgError('buf1');
  if (!isView(buf2) && !isAnyArrayBuffer(buf2)) throw timingSafeArgError('buf2');
  // (the binding compares in constant time; it answers undefined for lengths that differ)
  const r = binding.timingSafeEqual(buf1, buf2);
  if (r === undefined) {
    throw cppError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', timingSafeEqual);
  }
  return r;
}
// (node's check, in C++, does not describe the value received)
function timingSafeArgError(name) {
  return cppError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`, timingSafeEqual);
}
// (length 0, as node's native function)
Object.defineProperty(timingSafeEqual, 'length', { __proto__: null, value: 0 });

// --- KDFs ----------------------------------------------------------------------------------------

function getArrayBufferOrView(buffer, name, encoding) {
  if (isView(buffer)) return buffer;
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(buffer, encoding);
  }
  if (!isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

// bytesOrUtf8 is getArrayBufferOrView for a string read as UTF-8: the string goes to the
// binding as it is, which encodes it as Buffer.from(string) would.
function bytesOrUtf8(buffer, name) {
  return typeof buffer === 'string' ? buffer : getArrayBufferOrView(buffer, name);
}
function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = bytesOrUtf8(password, 'password');
  salt = bytesOrUtf8(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  const xof = xofSize(digest) !== undefined;
  if (!xof && binding.hashSize(digest) < 0 && !isLegacyDigest(digest)) throw ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, iterations, keylen, digest, xof };
}
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') { callback = digest; digest = undefined; }
  const a = pbkdf2Check(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  if (fipsOn || isLegacyDigest(a.digest) || a.xof) {
    const err = new Error(a.xof && !fipsOn ? kDerivingFailed : kEvpUnsupported);
    binding.job('PBKDF2REQUEST', newJob('PBKDF2Job', function () {
      callback.call(this, err); // job:pbkdf2-err
    }));
    return;
  }
  binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, newJob('PBKDF2Job', function (err, buf) {
    if (err) return callback.call(this, err); // job:pbkdf2-err
    callback.call(this, null, buf); // job:pbkdf2
  }), true);
}
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  let a;
  try {
    a = pbkdf2Check(password, salt, iterations, keylen, digest);
  } catch (e) {
    throw atNativeSite(e, 'pbkdf2Sync');
  }
  if (fipsOn || isLegacyDigest(a.digest) || a.xof) {
    binding.jobInit('PBKDF2REQUEST', 'PBKDF2Job');
    throw new Error(a.xof && !fipsOn ? kDerivingFailed : kEvpUnsupported);
  }
  return binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, undefined, true);
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
function scryptCheck(password, salt, keylen, options) {
  password = bytesOrUtf8(password, 'password');
  salt = bytesOrUtf8(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    // Each option is read as node reads it: once to see it is set, once for its value, a
    // duplicate refused after the first of the pair is checked.
    const pair = (a, b, value) => {
      const hasA = options[a] !== undefined;
      if (hasA) { value = options[a]; validateUint32(value, a); }
      if (options[b] !== undefined) {
        if (hasA) throw nodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
        value = options[b]; validateUint32(value, b);
      }
      return value;
    };
    N = pair('N', 'cost', N);
    r = pair('r', 'blockSize', r);
    p = pair('p', 'parallelization', p);
    if (options.maxmem !== undefined) { maxmem = options.maxmem; validateInteger(maxmem, 'maxmem', 0); }
    if (N === 0) N = scryptDefaults.N;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
  }
  // (OpenSSL fetches the KDF before it checks the parameters)
  if (fipsOn) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', `Invalid scrypt params: ${kEvpUnsupported}`);
  if (N < 2 || (N & (N - 1)) !== 0) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  }
  // OpenSSL's EVP_PBE_scrypt also refuses N >= 2^(16r) (RFC 7914) with its memory-limit error.
  if (128 * r * (N + 2) + 128 * r * p > maxmem || (16 * r < 53 && N >= 2 ** (16 * r))) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
      'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return { password, salt, keylen, N, r, p };
}
function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) { callback = options; options = scryptDefaults; }
  const a = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, newJob('ScryptJob', function (err, buf) {
    if (err) return callback.call(this, err);
    callback.call(this, null, buf); // job:scrypt
  }), true);
}
function scryptSync(password, salt, keylen, options = scryptDefaults) {
  let a;
  try {
    a = scryptCheck(password, salt, keylen, options);
  } catch (e) {
    throw atNativeSite(e, 'scryptSync');
  }
  return binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, undefined, true);
}

function prepareHkdfKey(key) {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    return binding.keySecretBytes(key[kHandle]);
  }
  if (isCryptoKey(key)) return binding.keySecretBytes(key[kKeyObject][kHandle]);
  if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
  }
  return typeof key === 'string' ? Buffer.from(key) : key;
}
// hkdf's salt and info: a string (utf8) or bytes, with node's own order of names in the error.
function hkdfByteSource(val, name) {
  if (typeof val === 'string') return Buffer.from(val, 'utf8');
  if (isAnyArrayBuffer(val) || isView(val)) return val;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], val);
}
function hkdfCheck(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = prepareHkdfKey(key);
  salt = hkdfByteSource(salt, 'salt');
  info = hkdfByteSource(info, 'info');
  // hkdf bounds the length by buffer's kMaxLength (2 ** 32), not random's 2 ** 31 - 1.
  validateInteger(length, 'length', 0, require('buffer').kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const xof = xofSize(hash);
  const size = isLegacyDigest(hash) ? 64 : xof !== undefined ? xof : binding.hashSize(hash);
  if (size < 0) throw ERR_CRYPTO_INVALID_DIGEST(hash);
  if (length > size * 255) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  }
  return { hash, key, salt, info, length, xof: xof !== undefined };
}
function hkdf(hash, key, salt, info, length, callback) {
  const a = hkdfCheck(hash, key, salt, info, length);
  validateFunction(callback, 'callback');
  if (fipsOn || isLegacyDigest(a.hash) || a.xof) {
    const err = new Error(a.xof && !fipsOn ? kDerivingFailed : kEvpUnsupported);
    binding.job('DERIVEBITSREQUEST', newJob('HKDFJob', function () {
      callback.call(this, err); // job:hkdf-err
    }));
    return;
  }
  binding.hkdf(a.hash, a.key, a.salt, a.info, a.length, newJob('HKDFJob', function (err, ab) {
    if (err) return callback.call(this, err); // job:hkdf-err
    callback.call(this, null, ab); // job:hkdf
  }));
}
function hkdfSync(hash, key, salt, info, length) {
  let a;
  try {
    a = hkdfCheck(hash, key, salt, info, length);
  } catch (e) {
    throw atNativeSite(e, 'hkdfSync');
  }
  if (fipsOn || isLegacyDigest(a.hash) || a.xof) {
    binding.jobInit('DERIVEBITSREQUEST', 'HKDFJob');
    const err = new Error(a.xof && !fipsOn ? kDerivingFailed : kEvpUnsupported);
    if (fipsOn) err.opensslErrorStack = [kEvpUnsupported];
    throw err;
  }
  return binding.hkdf(a.hash, a.key, a.salt, a.info, a.length);
}

// --- Ciphers -------------------------------------------------------------------------------------

let StringDecoder;
// decoderEncodings: a StringDecoder's name for each encoding given (a few), so that each update
// of a cipher with an output encoding does not make a decoder only to read its name.
const decoderEncodings = new Map();
function getDecoder(decoder, encoding) {
  if (!StringDecoder) StringDecoder = require('string_decoder').StringDecoder;
  if (!decoder) return new StringDecoder(encoding);
  let name = decoderEncodings.get(encoding);
  if (name === undefined) {
    name = new StringDecoder(encoding).encoding;
    if (decoderEncodings.size < 64) decoderEncodings.set(encoding, name);
  }
  if (name !== decoder.encoding) {
    throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding\nThis is caused by either a bug in ' +
      'Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at ' +
      'https://github.com/nodejs/node/issues\n');
  }
  return decoder;
}

function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

function prepareCipherKey(key, encoding) {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    return binding.keySecretBytes(key[kHandle]);
  }
  if (isCryptoKey(key)) return binding.keySecretBytes(key[kKeyObject][kHandle]);
  if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }
  return typeof key === 'string' ? Buffer.from(key, encoding) : key;
}

// cipherInfoOf is binding.cipherInfo, remembered for the names a program uses (a few).
const cipherInfos = new Map();
function cipherInfoOf(name) {
  let info = cipherInfos.get(name);
  if (info === undefined) {
    info = binding.cipherInfo(name);
    if (info !== undefined && cipherInfos.size < 256) cipherInfos.set(name, info);
  }
  return info;
}
// (self first rather than this: Function.prototype.call costs goja an argument list per call)
function createCipherBase(self, cipher, key, options, decipher, iv) {
  validateString(cipher, 'cipher');
  const encoding = options && options.encoding;
  key = prepareCipherKey(key, encoding);
  if (iv !== null) {
    if (typeof iv === 'string') iv = Buffer.from(iv, encoding);
    else if (!isView(iv) && !isAnyArrayBuffer(iv)) {
      throw new ERR_INVALID_ARG_TYPE('iv', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], iv);
    }
  }
  const info = cipherInfoOf(cipher);
  if (info === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  const authTagLength = getUIntOption(options, 'authTagLength');
  const mode = info[1];
  if (mode === 'gcm' && authTagLength !== -1 && ![4, 8, 12, 13, 14, 15, 16].includes(authTagLength)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${authTagLength}`);
  }
  // chacha20-poly1305's tag is 1 to 16 bytes.
  if (info[0] === 'chacha20-poly1305' && authTagLength !== -1 && (authTagLength < 1 || authTagLength > 16)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${authTagLength}`);
  }
  if (iv === null && info[4] !== 0) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
  }
  // (this[kHandle], of class CipherBase, this._decoder = null and LazyTransform's body, made by
  // the binding as setField would)
  binding.cipherInit(self, cipher, !decipher, key, iv, authTagLength, options, streamLoaded);
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, options, false, iv);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

function cipherUpdate(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
  } else if (!isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  // (the state, as node's, is the handle's: undefined once final() has run)
  const ret = binding.cipherUpdate(this[kHandle], data, inputEncoding);
  if (ret === undefined) throw new Error('Trying to add data in unsupported state');
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(ret);
  }
  return ret;
}
function cipherFinal(outputEncoding) {
  let ret;
  try {
    ret = binding.cipherFinal(this[kHandle]);
  } catch (e) {
    throw atNativeSite(e, 'final', this);
  }
  if (ret === undefined) throw ERR_CRYPTO_INVALID_STATE();
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(ret);
  }
  return ret;
}
function setAutoPadding(ap) {
  if (!binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap)) throw ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  return this;
}
function getAuthTag() {
  const tag = binding.cipherGetAuthTag(this[kHandle]);
  if (tag === undefined) throw ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return tag;
}
let warnedShortGCMTag = false;
function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  const r = binding.cipherCheckSetAuthTag(this[kHandle], tagbuf);
  if (r === 1) throw ERR_CRYPTO_INVALID_STATE('setAuthTag');
  if (r === 2) throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tagbuf.byteLength}`);
  if (r === 3 && !warnedShortGCMTag && require('internal/options').getOptionValue('--pending-deprecation')) {
    warnedShortGCMTag = true; // (once a process, as node's binding warns)
    process.emitWarning('Using AES-GCM authentication tags of less than 128 bits without specifying the ' +
      'authTagLength option when initializing decryption is deprecated.', 'DeprecationWarning', 'DEP0182');
  }
  return this;
}
function setAAD(aadbuf, options) {
  const encoding = options && options.encoding;
  const buffer = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  if (!binding.cipherSetAAD(this[kHandle], buffer, plaintextLength, true)) throw ERR_CRYPTO_INVALID_STATE('setAAD');
  return this;
}
function cipherTransform(chunk, encoding, callback) {
  // (as node's, an error here is thrown out of write(): only _flush passes its error on)
  const ret = binding.cipherUpdate(this[kHandle], chunk, encoding);
  if (ret === undefined) throw new Error('Trying to add data in unsupported state');
  this.push(ret);
  callback();
}
function cipherFlush(callback) {
  try { this.push(this.final()); } catch (e) { return callback(e); }
  callback();
}

Object.assign(Cipheriv.prototype, {
  _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
  setAutoPadding, getAuthTag, setAAD,
});

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, options, true, iv);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);
Object.assign(Decipheriv.prototype, {
  _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
  setAutoPadding, setAuthTag, setAAD,
});

// Legacy Cipher/Decipher: key and IV from the password with OpenSSL's EVP_BytesToKey (MD5, one
// round, no salt), as node's deprecated constructors do. Checks run in node's order: cipher name
// type, password type (no encoding: a string password is always UTF-8), authTagLength, then the
// cipher lookup; a Cipher in a counter mode (ctr, gcm, ccm) warns as node's CipherBase::Init does.
function legacyCipherInit(cipher, password, options, decipher) {
  validateString(cipher, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  getUIntOption(options, 'authTagLength');
  const info = binding.cipherInfo(cipher);
  if (info === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  const pw = isView(password) ? Buffer.from(password.buffer, password.byteOffset, password.byteLength) : Buffer.from(password);
  const keyLen = info[5], ivLen = info[4], need = keyLen + ivLen;
  const parts = [];
  let have = 0, prev = Buffer.alloc(0);
  while (have < need) {
    prev = createHash('md5').update(prev).update(pw).digest();
    parts.push(prev);
    have += prev.length;
  }
  const all = Buffer.concat(parts);
  if (!decipher && (info[1] === 'ctr' || info[1] === 'gcm' || info[1] === 'ccm')) {
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
  createCipherBase(this, cipher, all.subarray(0, keyLen), options, decipher, ivLen ? all.subarray(keyLen, need) : null);
}
function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  legacyCipherInit.call(this, cipher, password, options, false);
}
Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipher, LazyTransform);
function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  legacyCipherInit.call(this, cipher, password, options, true);
}
Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipher, LazyTransform);
Object.assign(Cipher.prototype, {
  _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
  setAutoPadding, getAuthTag, setAAD,
});
Object.assign(Decipher.prototype, {
  _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
  setAutoPadding, setAuthTag, setAAD,
});

function createCipheriv(cipher, key, iv, options) {
  try {
    return new Cipheriv(cipher, key, iv, options);
  } catch (e) {
    throw atNativeSite(e, 'createCipheriv');
  }
}
function createDecipheriv(cipher, key, iv, options) {
  try {
    return new Decipheriv(cipher, key, iv, options);
  } catch (e) {
    throw atNativeSite(e, 'createDecipheriv');
  }
}
let deprecate;
function lazyDeprecate(fn, msg, code) {
  let wrapped;
  return function deprecated(...args) {
    if (!wrapped) {
      if (!deprecate) deprecate = require('util').deprecate;
      wrapped = deprecate(fn, msg, code);
    }
    return Reflect.apply(wrapped, this, args);
  };
}
const createCipher = lazyDeprecate(function createCipher(cipher, password, options) {
  return new Cipher(cipher, password, options);
}, 'crypto.createCipher is deprecated.', 'DEP0106');
const createDecipher = lazyDeprecate(function createDecipher(cipher, password, options) {
  return new Decipher(cipher, password, options);
}, 'crypto.createDecipher is deprecated.', 'DEP0106');

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'ivLength');
  }
  let info;
  if (typeof nameOrNid === 'number') {
    info = binding.cipherInfoByNid(nameOrNid);
  } else {
    info = binding.cipherInfo(nameOrNid);
  }
  if (info === undefined) return undefined;
  const [name, mode, nid, blockSize, ivLen, keyLen] = info;
  if (keyLength !== undefined && keyLength !== keyLen) return undefined;
  if (ivLength !== undefined) {
    // The AEAD modes take a range of IV lengths, the others exactly theirs.
    let ok;
    if (mode === 'gcm') ok = ivLength >= 1;
    else if (mode === 'ccm') ok = ivLength >= 7 && ivLength <= 13;
    else if (mode === 'ocb') ok = ivLength >= 1 && ivLength <= 15;
    else ok = ivLength === ivLen;
    if (!ok) return undefined;
  }
  const r = { mode, name, nid };
  if (blockSize) r.blockSize = blockSize;
  if (ivLength) r.ivLength = ivLength;
  else if (ivLength === undefined && ivLen) r.ivLength = ivLen;
  r.keyLength = keyLen;
  return r;
}

// --- Keys ----------------------------------------------------------------------------------------

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const kKeyObject = Symbol('kKeyObject');
let CryptoKeyClass;
function isCryptoKey(v) { return CryptoKeyClass !== undefined && v instanceof CryptoKeyClass; }

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || handle === null || handle[kIsHandle] !== true) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, { __proto__: null, value: handle.h, enumerable: false, configurable: false, writable: false });
  }
  get type() { return this[kKeyType]; }
  static from(key) {
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }
  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type && binding.keyEquals(this[kHandle], otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { __proto__: null, value: 'KeyObject', configurable: true });
const kIsHandle = Symbol('kIsHandle');
function wrapHandle(h) { return { [kIsHandle]: true, h }; }

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }
  get symmetricKeySize() { return binding.keySymSize(this[kHandle]); }
  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: binding.keySecretBytes(this[kHandle]).toString('base64url') };
      }
    }
    return binding.keySecretBytes(this[kHandle]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] || (this[kAsymmetricKeyType] = binding.keyAsymType(this[kHandle]));
  }
  // as node's: the details are read once and kept (under kAsymmetricKeyDetails, which
  // util.inspect shows), so every read returns the same object
  get asymmetricKeyDetails() {
    const t = this.asymmetricKeyType;
    if (t === 'rsa' || t === 'rsa-pss' || t === 'ec' || t === 'dsa') {
      return this[kAsymmetricKeyDetails] || (this[kAsymmetricKeyDetails] = binding.keyDetails(this[kHandle]));
    }
    return {};
  }
}

function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const { format } = enc;
  const pfx = objName === undefined ? 'options.' : `options.${objName}.`;
  if (format !== 'pem' && format !== 'der' && format !== 'jwk') {
    throw new ERR_INVALID_ARG_VALUE(`${pfx}format`, format);
  }
  if (format === 'jwk') return { format };
  const { type } = enc;
  if (isPublic) {
    if (type !== 'pkcs1' && type !== 'spki') throw new ERR_INVALID_ARG_VALUE(`${pfx}type`, type);
    if (type === 'pkcs1' && keyType !== undefined && keyType !== 'rsa') {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding pkcs1 can only be used for RSA keys.`);
    }
  } else {
    if (type !== 'pkcs1' && type !== 'pkcs8' && type !== 'sec1') throw new ERR_INVALID_ARG_VALUE(`${pfx}type`, type);
    if (type === 'pkcs1' && keyType !== undefined && keyType !== 'rsa') {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding pkcs1 can only be used for RSA keys.`);
    }
    if (type === 'sec1' && keyType !== undefined && keyType !== 'ec') {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding sec1 can only be used for EC keys.`);
    }
    const { cipher, passphrase } = enc;
    if (cipher != null) {
      if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(`${pfx}cipher`, cipher);
      if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
        throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding ${type} does not support encryption.`);
      }
      if (typeof passphrase !== 'string' && !isView(passphrase) && !isAnyArrayBuffer(passphrase)) {
        throw new ERR_INVALID_ARG_VALUE(`${pfx}passphrase`, passphrase);
      }
      if (binding.cipherInfo(cipher) === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
      return { format, type, cipher, passphrase };
    }
    if (passphrase !== undefined) throw new ERR_INVALID_ARG_VALUE(`${pfx}cipher`, cipher);
  }
  return { format, type };
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) {
    const { format, type } = parseKeyEncoding(options, this.asymmetricKeyType, true);
    return binding.keyExport(this[kHandle], format, type);
  }
}
class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) {
    const { format, type, cipher, passphrase } = parseKeyEncoding(options, this.asymmetricKeyType, false);
    return binding.keyExport(this[kHandle], format, type, cipher, passphrase);
  }
}

function keyObjectFor(h) {
  switch (binding.keyType(h)) {
    case 'secret': return new SecretKeyObject(wrapHandle(h));
    case 'public': return new PublicKeyObject(wrapHandle(h));
    default: return new PrivateKeyObject(wrapHandle(h));
  }
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  return keyObjectFor(binding.keySecret(key));
}

// prepareAsymmetricKey returns a Go key handle from any of Node's key inputs. kind: 'public'
// (a private key is accepted and its public half used) or 'private'.
function prepareAsymmetricKey(key, kind, ctx) {
  if (key instanceof KeyObject) {
    if (kind === 'private' && key.type !== 'private') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    if (key.type === 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, kind === 'public' ? 'private or public' : 'private');
    return key[kHandle];
  }
  if (isCryptoKey(key)) return prepareAsymmetricKey(key[kKeyObject], kind, ctx);
  if (typeof key === 'string' || isView(key) || isAnyArrayBuffer(key)) {
    return binding.keyParse(key, 'pem', '', kind);
  }
  if (typeof key === 'object') {
    // (null fails here as node's destructuring does)
    if (key === null) throw new TypeError("Cannot destructure property 'key' of 'key' as it is null.");
    const { key: data, encoding, format, passphrase } = key;
    if (data instanceof KeyObject || isCryptoKey(data)) return prepareAsymmetricKey(data, kind, ctx);
    if (format === 'jwk') {
      validateObject(data, 'key.key');
      // node's checks, in its order, before the key material itself is looked at
      validateOneOf(data.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
      if (data.kty === 'OKP') {
        validateString(data.crv, 'key.crv');
        validateOneOf(data.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
        validateString(data.x, 'key.x');
        if (kind === 'private') validateString(data.d, 'key.d');
      } else if (data.kty === 'RSA') {
        validateString(data.n, 'key.n');
        validateString(data.e, 'key.e');
        if (kind === 'private') {
          for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) validateString(data[k], `key.${k}`);
        }
      }
      if (data.kty === 'EC') {
        // node accepts only the JWK curves it can name, before looking at the key itself
        validateString(data.crv, 'key.crv');
        validateOneOf(data.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
        validateString(data.x, 'key.x');
        validateString(data.y, 'key.y');
        if (kind === 'private') validateString(data.d, 'key.d');
      }
      return binding.keyImportJWK(JSON.stringify(data), kind === 'private');
    }
    if (typeof data !== 'string' && !isView(data) && !isAnyArrayBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE('key.key', asymmetricKeyTypes(kind, ctx), data);
    }
    // (a string is read in its encoding first, as node's getArrayBufferOrView does)
    const buf = typeof data === 'string' && (encoding !== undefined || format === 'der') ? Buffer.from(data, encoding) : data;
    const fmt = format === undefined ? 'pem' : format;
    if (fmt !== 'pem' && fmt !== 'der') throw new ERR_INVALID_ARG_VALUE('options.format', format);
    // The type is required for DER; any given one must be known (spki is no private key's).
    const type = key.type;
    if ((type !== undefined || fmt === 'der') &&
        !(type === 'pkcs1' || type === 'pkcs8' || type === 'sec1' || (type === 'spki' && kind !== 'private'))) {
      throw new ERR_INVALID_ARG_VALUE('options.type', type);
    }
    if (passphrase !== undefined && typeof passphrase !== 'string' && !isView(passphrase) && !isAnyArrayBuffer(passphrase)) {
      throw new ERR_INVALID_ARG_VALUE('options.passphrase', passphrase);
    }
    const pass = typeof passphrase === 'string' ? Buffer.from(passphrase, encoding) : passphrase;
    return binding.keyParse(buf, fmt, key.type || '', kind, pass);
  }
  throw new ERR_INVALID_ARG_TYPE('key', asymmetricKeyTypes(kind, ctx), key);
}

// asymmetricKeyTypes: the types a key may be of, as node's getKeyTypes names them in its errors:
// every kind but createPrivateKey's takes KeyObjects and CryptoKeys too.
function asymmetricKeyTypes(kind, ctx) {
  const types = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  return kind === 'private' && ctx === 'create' ? types : types.concat(['KeyObject', 'CryptoKey']);
}

// givenKeyObject returns the KeyObject passed as key or as key.key (where options may ride along).
function givenKeyObject(key) {
  if (key instanceof KeyObject) return key;
  if (key !== null && typeof key === 'object' && key.key instanceof KeyObject) return key.key;
  return undefined;
}
function createPublicKey(key) {
  const ko = givenKeyObject(key);
  if (ko !== undefined) {
    if (ko.type !== 'private') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${ko.type}, expected private.`);
    return keyObjectFor(binding.keyPublicOf(ko[kHandle]));
  }
  try {
    return keyObjectFor(prepareAsymmetricKey(key, 'public', 'create'));
  } catch (e) {
    throw isJwkInput(key) ? e : atNativeSite(e, 'createPublicKey');
  }
}
// (a JWK's errors come from other places of node's)
function isJwkInput(key) { return key !== null && typeof key === 'object' && key.format === 'jwk'; }
function createPrivateKey(key) {
  const ko = givenKeyObject(key);
  if (ko !== undefined) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], ko);
  }
  try {
    return keyObjectFor(prepareAsymmetricKey(key, 'private', 'create'));
  } catch (e) {
    throw isJwkInput(key) ? e : atNativeSite(e, 'createPrivateKey');
  }
}

// --- key generation ------------------------------------------------------------------------------

function generateKeyPairCheck(type, options) {
  validateString(type, 'type');
  if (options !== undefined) validateObject(options, 'options');
  const o = options || {};
  let bits = 0, curve = '';
  const extra = {};
  switch (type) {
    case 'rsa': case 'rsa-pss': {
      validateObject(options, 'options');
      validateUint32(o.modulusLength, 'options.modulusLength');
      bits = o.modulusLength;
      if (o.publicExponent != null) {
        validateUint32(o.publicExponent, 'options.publicExponent');
      }
      if (type === 'rsa-pss') rsaPssOptions(o, extra);
      break;
    }
    case 'dsa': {
      validateObject(options, 'options');
      validateUint32(o.modulusLength, 'options.modulusLength');
      bits = o.modulusLength;
      if (o.divisorLength != null) {
        validateInt32(o.divisorLength, 'options.divisorLength', 0);
        extra.divisor = o.divisorLength;
      }
      break;
    }
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = o;
      if (group != null) {
        if (prime != null) throw incompatiblePair('group', 'prime');
        if (primeLength != null) throw incompatiblePair('group', 'primeLength');
        if (generator != null) throw incompatiblePair('group', 'generator');
        validateString(group, 'options.group');
        extra.group = group;
        break;
      }
      if (prime != null) {
        if (primeLength != null) throw incompatiblePair('prime', 'primeLength');
        if (!isView(prime)) throw new ERR_INVALID_ARG_TYPE('options.prime', ['Buffer', 'TypedArray', 'DataView'], prime);
        extra.prime = prime;
      } else if (primeLength != null) {
        validateInt32(primeLength, 'options.primeLength', 0);
        bits = primeLength;
      } else {
        throw nodeError(TypeError, 'ERR_MISSING_OPTION', 'At least one of the group, prime, or primeLength options is required');
      }
      if (generator != null) {
        validateInt32(generator, 'options.generator', 0);
        extra.generator = generator;
      }
      break;
    }
    case 'ed448': case 'x448': break;
    case 'ec': {
      validateObject(options, 'options');
      validateString(o.namedCurve, 'options.namedCurve');
      curve = o.namedCurve;
      if (o.paramEncoding != null && o.paramEncoding !== 'named' && o.paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', o.paramEncoding);
      }
      break;
    }
    case 'ed25519': case 'x25519': break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  let pubEnc, privEnc;
  if (o.publicKeyEncoding != null) { // (null as undefined: a KeyObject, as node's)
    if (typeof o.publicKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', o.publicKeyEncoding);
    }
    pubEnc = parseKeyEncoding(o.publicKeyEncoding, type, true, 'publicKeyEncoding');
  }
  if (o.privateKeyEncoding != null) { // (null as undefined: a KeyObject, as node's)
    if (typeof o.privateKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', o.privateKeyEncoding);
    }
    privEnc = parseKeyEncoding(o.privateKeyEncoding, type, false, 'privateKeyEncoding');
  }
  const explicit = type === 'ec' && o.paramEncoding === 'explicit';
  // (an exponent of 0 is -1 to the binding, where 0 is the default)
  const exponent = (type === 'rsa' || type === 'rsa-pss') && o.publicExponent != null ? o.publicExponent || -1 : 0;
  return { bits, curve, pubEnc, privEnc, explicit, exponent, extra };
}
function incompatiblePair(a, b) {
  return nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', `Option "${a}" cannot be used in combination with option "${b}"`);
}
// rsaPssOptions checks an rsa-pss key's restrictions (with the deprecated hash/mgf1Hash names).
function rsaPssOptions(o, extra) {
  const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = o;
  if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
  if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
  if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
  if (hash !== undefined) {
    process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
    validateString(hash, 'options.hash');
    if (hashAlgorithm && hash !== hashAlgorithm) throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
  }
  if (mgf1Hash !== undefined) {
    process.emitWarning('"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
    validateString(mgf1Hash, 'options.mgf1Hash');
    if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
  }
  const h = hashAlgorithm || hash, m = mgf1HashAlgorithm || mgf1Hash;
  if (h !== undefined) {
    if (binding.hashNew(h) === undefined) throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${h}`);
    extra.hash = h;
  }
  if (m !== undefined) {
    if (binding.hashNew(m) === undefined) throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid MGF1 digest: ${m}`);
    extra.mgf1 = m;
  }
  if (saltLength !== undefined) extra.salt = saltLength;
}
function encodePair(a, pub, priv) {
  if (a.explicit) {
    binding.keySetExplicit(pub);
    binding.keySetExplicit(priv);
  }
  const publicKey = a.pubEnc ? binding.keyExport(pub, a.pubEnc.format, a.pubEnc.type) : keyObjectFor(pub);
  const privateKey = a.privEnc ?
    binding.keyExport(priv, a.privEnc.format, a.privEnc.type, a.privEnc.cipher, a.privEnc.passphrase) : keyObjectFor(priv);
  return { publicKey, privateKey };
}
// keyPairJobClass is the class of node's job generating a key pair of type type.
function keyPairJobClass(type) {
  switch (type) {
    case 'rsa': case 'rsa-pss': return 'RsaKeyPairGenJob';
    case 'dsa': return 'DsaKeyPairGenJob';
    case 'ec': return 'EcKeyPairGenJob';
    case 'dh': return 'DhKeyPairGenJob';
  }
  return 'NidKeyPairGenJob';
}
// OpenSSL's short names of the curves that are key types of their own: node's EC key generation
// finds them by name and makes such a key.
const okpCurves = { __proto__: null, X25519: 'x25519', ED25519: 'ed25519', X448: 'x448', ED448: 'ed448' };
function generateKeyPairSync(type, options) {
  const a = generateKeyPairCheck(type, options);
  if (fipsOn) throw new Error(kEvpUnsupported);
  if (type === 'ec' && okpCurves[a.curve]) type = okpCurves[a.curve];
  const [pub, priv] = binding.keyGenerate(type, a.bits, a.curve, undefined, a.exponent, a.extra);
  return encodePair(a, pub, priv);
}
function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  const a = generateKeyPairCheck(type, options);
  if (fipsOn) {
    const err = new Error(kEvpUnsupported);
    binding.job('KEYPAIRGENREQUEST', newJob(keyPairJobClass(type), function () {
      callback.call(this, err); // job:keypair-err
    }));
    return;
  }
  if (type === 'ec' && okpCurves[a.curve]) type = okpCurves[a.curve];
  binding.keyGenerate(type, a.bits, a.curve, newJob(keyPairJobClass(type), function (err, pub, priv) {
    if (err) return callback.call(this, err); // job:keypair-err
    let r;
    try { r = encodePair(a, pub, priv); } catch (e) { return callback.call(this, e); }
    callback.call(this, null, r.publicKey, r.privateKey); // job:keypair
  }), a.exponent, a.extra);
}
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: false, configurable: true,
  value(type, options) {
    return new Promise((resolve, reject) => {
      generateKeyPair(type, options, (err, publicKey, privateKey) => {
        if (err) reject(err); else resolve({ publicKey, privateKey });
      });
    });
  },
});
function generateKeyCheck(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac': validateInteger(length, 'options.length', 8, 2 ** 31 - 1); break;
    case 'aes': validateOneOf(length, 'options.length', [128, 192, 256]); break;
    default: throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return length;
}
// secretKeyBytes is a SecretKeyGenJob's work: length bits of random bytes.
function secretKeyBytes(length) {
  const n = Math.floor(length / 8);
  const b = Buffer.alloc(n);
  if (n > 0) binding.randomFill(b, 0, n);
  return b;
}
function generateKeySync(type, options) {
  const length = generateKeyCheck(type, options);
  binding.jobInit('KEYGENREQUEST', 'SecretKeyGenJob');
  return keyObjectFor(binding.keySecret(secretKeyBytes(length)));
}
function generateKey(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  const length = generateKeyCheck(type, options);
  const b = secretKeyBytes(length);
  binding.job('KEYGENREQUEST', newJob('SecretKeyGenJob', function () {
    callback.call(this, null, keyObjectFor(binding.keySecret(b))); // job:secretkey
  }));
}

// --- sign / verify -------------------------------------------------------------------------------

const RSA_PKCS1_PADDING = 1, RSA_PKCS1_OAEP_PADDING = 4, RSA_PKCS1_PSS_PADDING = 6;

// getIntOption reads options.padding or options.saltLength: an int32 when set (node's check);
// the key type decides later what the value means.
function getIntOption(name, options) {
  const v = options && options[name];
  if (v === undefined) return undefined;
  if (v !== (v >> 0)) throw new ERR_INVALID_ARG_VALUE(`options.${name}`, v);
  return v;
}
function getPadding(options) { return getIntOption('padding', options); }
// (an unset salt length, which a restricted RSA-PSS key takes as its own, is no int32)
const kSaltUnset = -2147483649;
function getSaltLength(options) {
  const s = getIntOption('saltLength', options);
  return s === undefined ? kSaltUnset : s;
}
// rsaSignPadding is the padding an RSA key signs with (0: its default): OpenSSL takes PKCS#1 v1.5
// and PSS, refuses the others (-1 means the default to the one-shot functions only).
function rsaSignPadding(key, padding, oneShot) {
  if (padding === undefined || (padding === -1 && oneShot)) return 0;
  const t = binding.keyAsymType(key);
  if (t !== 'rsa' && t !== 'rsa-pss') return 0;
  if (padding === RSA_PKCS1_PADDING || padding === RSA_PKCS1_PSS_PADDING) return padding;
  if (padding === 5 && t === 'rsa') return padding; // RSA_X931_PADDING
  if (padding === 3) throw osslError('1C8000A8', 'Provider routines', 'invalid padding mode', 'ERR_OSSL_INVALID_PADDING_MODE');
  throw osslError('1C8000A5', 'Provider routines', 'illegal or unsupported padding mode',
    'ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE');
}
// An unknown digest throws at once from the one-shot functions even with a callback (node's job
// constructor checks it); other failures go to the callback.
function isDigestError(e) { return e && e.code === 'ERR_CRYPTO_INVALID_DIGEST'; }
function getDSA(options) {
  const d = options && options.dsaEncoding;
  if (d === undefined || d === 'der') return false;
  if (d === 'ieee-p1363') return true;
  throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', d);
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  const h = binding.hashNew(algorithm);
  if (h === undefined) throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError) : ERR_CRYPTO_INVALID_DIGEST();
  if (fipsOn) throw unsupportedDigest(kEvpInitError);
  this[kHandle] = namedHandle(h, 'Sign');
  stream().Writable.call(this, options);
}
Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
Sign.prototype.update = function update(data, encoding) {
  if (typeof data === 'string') validateEncoding(data, encoding);
  else if (!isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  signNotFinal(this);
  binding.hashUpdate(this[kHandle], data, encoding);
  return this;
};
// signNotFinal refuses a Sign or Verify whose sign()/verify() has run: node's context is gone then.
// It returns the digest's name (the state is the handle's, as node's).
function signNotFinal(self) {
  const alg = binding.hashState(self[kHandle]);
  if (alg === null) throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');
  return alg;
}
Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const key = prepareAsymmetricKey(options, 'private');
  const padding = getPadding(options), salt = getSaltLength(options), dsa = getDSA(options);
  noStreamingEdDSA(key);
  const alg = signNotFinal(this);
  if (fipsOn) throw osslError(...kEvpKeytype);
  const digest = binding.hashDigest(this[kHandle]);
  const sig = binding.sign(key, alg, digest, rsaSignPadding(key, padding, false), salt, dsa, true);
  return encoding && encoding !== 'buffer' ? sig.toString(encoding) : sig;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  const h = binding.hashNew(algorithm);
  if (h === undefined) throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError) : ERR_CRYPTO_INVALID_DIGEST();
  if (fipsOn) throw unsupportedDigest(kEvpInitError);
  this[kHandle] = namedHandle(h, 'Verify');
  stream().Writable.call(this, options);
}
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const key = prepareAsymmetricKey(options, 'public');
  const padding = getPadding(options), salt = getSaltLength(options), dsa = getDSA(options);
  noStreamingEdDSA(key);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const alg = signNotFinal(this);
  if (fipsOn) throw osslError(...kEvpKeytype);
  const digest = binding.hashDigest(this[kHandle]);
  return binding.verify(key, alg, digest, signature, rsaSignPadding(key, padding, false), salt, dsa, true);
};
// (Writable once stream has loaded, which making a Sign or Verify does; stand-ins until then)
lazyProto.extendWhenLoaded('stream', [Sign, Verify], EventEmitter.prototype, EventEmitter, () => stream().Writable);

// EdDSA signs whole messages: Sign and Verify, which hash as data comes, refuse its keys.
function noStreamingEdDSA(key) {
  const t = binding.keyAsymType(key);
  if (t === 'ed25519' || t === 'ed448') throw nativeError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
}

function createSign(algorithm, options) {
  try {
    return new Sign(algorithm, options);
  } catch (e) {
    throw atNativeSite(e, 'createSign');
  }
}
function createVerify(algorithm, options) {
  try {
    return new Verify(algorithm, options);
  } catch (e) {
    throw atNativeSite(e, 'createVerify');
  }
}

// sign/verify with a legacy digest: the job's error (callback) carries only the stack
function legacySignError(callback) {
  const stack = ['error:1C80007A:Provider routines::invalid digest'];
  if (!callback) return unsupportedDigest(...stack);
  const e = new Error(kEvpUnsupported);
  e.opensslErrorStack = stack;
  return e;
}
// jobError is an OpenSSL error as node's async sign/verify job hands it to the callback: an
// Error with its message and opensslErrorStack only (no code, library or reason), made off
// any JS stack.
function jobError(e) {
  if (!(e instanceof Error) || typeof e.message !== 'string' || !e.message.startsWith('error:')) return e;
  const j = new Error(e.message);
  j.stack = `Error: ${e.message}`;
  if (e.opensslErrorStack !== undefined) j.opensslErrorStack = e.opensslErrorStack;
  return j;
}
function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const padding = getPadding(key), salt = getSaltLength(key), dsa = getDSA(key);
  let h;
  try {
    h = prepareAsymmetricKey(key, 'private');
  } catch (e) {
    throw isJwkInput(key) ? e : atNativeSite(e, 'sign');
  }
  let r, err = null;
  try {
    if (fipsOn && (algorithm == null || binding.canonicalHash(algorithm) !== '')) throw osslError(...kEvpKeytype);
    if (isLegacyDigest(algorithm)) throw legacySignError(callback);
    r = binding.sign(h, algorithm == null ? '' : algorithm, data, rsaSignPadding(h, padding, true), salt, dsa, false);
  } catch (e) {
    // (an unknown digest fails before node makes its job; any other error is the job's)
    if (isDigestError(e)) throw e;
    if (!callback) { binding.jobInit('SIGNREQUEST', 'SignJob'); throw e; }
    err = jobError(e);
  }
  if (callback) {
    binding.job('SIGNREQUEST', newJob('SignJob', function () {
      if (err) return callback.call(this, err); // job:sign-err
      callback.call(this, null, r); // job:sign
    }));
    return;
  }
  binding.jobInit('SIGNREQUEST', 'SignJob');
  return r;
}
function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  const padding = key && getPadding(key), salt = key ? getSaltLength(key) : kSaltUnset, dsa = key && getDSA(key);
  if (!isView(signature) && !isAnyArrayBuffer(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  let h;
  try {
    h = prepareAsymmetricKey(key, 'public');
  } catch (e) {
    throw isJwkInput(key) ? e : atNativeSite(e, 'verify');
  }
  let r, err = null;
  try {
    if (fipsOn && (algorithm == null || binding.canonicalHash(algorithm) !== '')) throw osslError(...kEvpKeytype);
    if (isLegacyDigest(algorithm)) throw legacySignError(callback);
    r = binding.verify(h, algorithm == null ? '' : algorithm, data, signature, rsaSignPadding(h, padding, true), salt, dsa, false);
  } catch (e) {
    // (an unknown digest fails before node makes its job; any other error is the job's)
    if (isDigestError(e)) throw e;
    if (!callback) { binding.jobInit('SIGNREQUEST', 'SignJob'); throw e; }
    err = jobError(e);
  }
  if (callback) {
    binding.job('SIGNREQUEST', newJob('SignJob', function () {
      callback.call(this, err, r); // job:verify
    }));
    return;
  }
  binding.jobInit('SIGNREQUEST', 'SignJob');
  return r;
}

// --- RSA encryption ------------------------------------------------------------------------------

function rsaCipher(op, kind, defaultPadding) {
  return function (options, buffer) {
    try {
      return rsaCrypt(op, kind, defaultPadding, options, buffer);
    } catch (e) {
      throw isJwkInput(options) ? e : atNativeSite(e, op);
    }
  };
}
function rsaCrypt(op, kind, defaultPadding, options, buffer) {
  {
    const h = prepareAsymmetricKey(options, kind);
    // a number as node's C++ reads it (Uint32Value), also for the CVE check below
    const padding = ((options && options.padding) || defaultPadding) >>> 0;
    const oaepHash = (options && options.oaepHash) || 'sha1';
    if (options && options.oaepHash !== undefined) {
      validateString(options.oaepHash, 'key.oaepHash');
      // a legacy digest OpenSSL names but cannot fetch; a SHAKE digest pads at its default size
      if (isLegacyDigest(oaepHash)) throw osslError('0308010C', 'digital envelope routines', 'unsupported', 'ERR_OSSL_EVP_UNSUPPORTED');
      if (binding.hashSize(oaepHash) < 0 && xofSize(oaepHash) === undefined) {
        throw nativeError(Error, 'ERR_OSSL_EVP_INVALID_DIGEST', 'Invalid digest used');
      }
    }
    let label = options && options.oaepLabel;
    if (label !== undefined) label = getArrayBufferOrView(label, 'key.oaepLabel', options.encoding);
    buffer = getArrayBufferOrView(buffer, 'buffer', options && options.encoding);
    if (op === 'privateDecrypt' && padding === RSA_PKCS1_PADDING) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809');
    }
    if (fipsOn) throw osslError(...kEvpKeytype);
    return binding.rsaCrypt(h, buffer, padding, oaepHash, label, op);
  }
}
const publicEncrypt = rsaCipher('publicEncrypt', 'public', RSA_PKCS1_OAEP_PADDING);
const privateDecrypt = rsaCipher('privateDecrypt', 'private', RSA_PKCS1_OAEP_PADDING);

// --- ECDH ----------------------------------------------------------------------------------------

function formatOf(format) {
  // (any falsy format is the default, as node's getFormat; the message is util.format's %s)
  if (!format || format === 'uncompressed') return 'uncompressed';
  if (format === 'compressed' || format === 'hybrid') return format;
  throw nodeError(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', require('util').format('Invalid ECDH format: %s', format));
}
function encodeOut(buf, enc) { return enc && enc !== 'buffer' ? buf.toString(enc) : buf; }

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  const h = binding.ecdhNew(curve);
  if (h === undefined) {
    throw okpCurves[curve] ? nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to create key using named curve') : ERR_CRYPTO_INVALID_CURVE();
  }
  this[kHandle] = namedHandle(h, 'ECDH');
  ecdhHandles.add(h);
}
const ecdhHandles = new WeakSet();
ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  binding.ecdhGenerate(this[kHandle]);
  return this.getPublicKey(encoding, format);
};
// nativeError is an error as node's C++ layer throws it: a plain error with a code property,
// its stack starting at the caller, as a binding's throw does.
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  Error.captureStackTrace(err, nativeError);
  err.code = code;
  return err;
}
ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = formatOf(format);
  const k = binding.ecdhPublic(this[kHandle], f);
  if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  return encodeOut(k, encoding);
};
ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const k = binding.ecdhPrivate(this[kHandle]);
  if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  return encodeOut(k, encoding);
};
ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (!binding.ecdhSetPublic(this[kHandle], key)) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  return this;
};
ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (!binding.ecdhSetPrivate(this[kHandle], key)) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
  }
  return this;
};
ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const s = binding.ecdhCompute(this[kHandle], key);
  if (s === 'keypair') throw atNativeSite(nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair'), 'computeSecret', this);
  if (s === 'compute') throw atNativeSite(nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to compute ECDH key'), 'computeSecret', this);
  if (s === 'public') throw nodeError(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
  return encodeOut(s, outEnc);
};
ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = getArrayBufferOrView(key, 'key', inEnc);
  const f = formatOf(format);
  if (key.byteLength === 0) return ''; // (node's binding answers an empty key so, before the curve)
  const r = binding.ecdhConvert(curve, key, f);
  if (r === undefined) throw okpCurves[curve] ? nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get EC_GROUP') : ERR_CRYPTO_INVALID_CURVE();
  if (r === null) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  return encodeOut(r, outEnc);
};
for (const name of ['generateKeys', 'computeSecret', 'getPublicKey', 'getPrivateKey', 'setPublicKey', 'setPrivateKey']) {
  handleMethod('ECDH', name, ECDH.prototype[name], (h) => {
    if (!ecdhHandles.has(h)) throw new TypeError('Illegal invocation');
  });
}
finishHandleClass('ECDH', false);
function createECDH(curve) {
  try {
    return new ECDH(curve);
  } catch (e) {
    throw atNativeSite(e, 'createECDH');
  }
}

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!(publicKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const a = privateKey.asymmetricKeyType, b = publicKey.asymmetricKeyType;
  if (a !== b || !['ec', 'x25519', 'x448', 'dh'].includes(a)) {
    throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', `Incompatible key types for Diffie-Hellman: ${a} and ${b}`);
  }
  if (fipsOn) throw osslError(...kEvpKeytype);
  return binding.diffieHellman(privateKey[kHandle], publicKey[kHandle]);
}

// --- finite field Diffie-Hellman ------------------------------------------------------------------

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator; generator = keyEncoding; keyEncoding = false;
  }
  if (typeof sizeOrKey !== 'number') sizeOrKey = getArrayBufferOrView(sizeOrKey, 'key', keyEncoding);
  // As node: a falsy generator is the default 2; one below 2 is OpenSSL's bad generator.
  if (!generator) generator = 2;
  const genIsNumber = typeof generator === 'number';
  let bad = false;
  if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
    bad = generator < 2;
    const b = Buffer.alloc(4);
    if (!bad) b.writeUInt32BE(generator);
    generator = b;
  } else if (typeof generator === 'string') {
    generator = Buffer.from(generator, genEncoding);
  } else if (!isView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE('generator', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], generator);
  }
  // (node's binding makes a prime of a size only with a number for generator)
  if (typeof sizeOrKey === 'number' && !genIsNumber) throw new Error('Initialization failed');
  if (typeof generator !== 'number') {
    const g = new Uint8Array(isAnyArrayBuffer(generator) ? generator : generator.buffer,
      isAnyArrayBuffer(generator) ? 0 : generator.byteOffset, generator.byteLength);
    bad = true;
    for (let i = 0; i < g.length && bad; i++) bad = g[i] === 0 || (i === g.length - 1 && g[i] === 1);
  }
  if (typeof sizeOrKey === 'number' && sizeOrKey < 512) {
    throw osslError('0280007E', 'Diffie-Hellman routines', 'modulus too small', 'ERR_OSSL_DH_MODULUS_TOO_SMALL');
  }
  if (bad) throw osslError('02800065', 'Diffie-Hellman routines', 'bad generator', 'ERR_OSSL_DH_BAD_GENERATOR');
  // (an empty prime is a BIGNUM OpenSSL refuses to take)
  if (typeof sizeOrKey !== 'number' && sizeOrKey.byteLength === 0) {
    throw osslError('01800076', 'bignum routines', 'bits too small', 'ERR_OSSL_BN_BITS_TOO_SMALL');
  }
  const raw = binding.dhNew(sizeOrKey, generator);
  this[kHandle] = dhHandle(raw, 'DiffieHellman', typeof sizeOrKey === 'number' ? 0 : binding.dhVerifyError(raw));
  Object.defineProperty(this, 'verifyError', { __proto__: null, enumerable: true, value: this[kHandle].verifyError });
}
function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  // (node's binding checks the type, with its own words and the type error's code)
  if (typeof name !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  const h = binding.dhGroup(name);
  if (h === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  this[kHandle] = dhHandle(h, 'DiffieHellmanGroup', 0);
  Object.defineProperty(this, 'verifyError', { __proto__: null, enumerable: true, value: 0 });
}
const dhMethods = {
  generateKeys(encoding) {
    // OpenSSL's DH_generate_key refuses a prime under 512 bits
    if (binding.dhBits(dhRaw(this[kHandle])) < 512) {
      throw osslError('0280007E', 'Diffie-Hellman routines', 'modulus too small', 'ERR_OSSL_DH_MODULUS_TOO_SMALL');
    }
    return encodeOut(binding.dhGenerate(dhRaw(this[kHandle])), encoding);
  },
  computeSecret(key, inEnc, outEnc) {
    key = getArrayBufferOrView(key, 'key', inEnc);
    // (no private key yet: OpenSSL has nothing to compute with, node says so as a key type error)
    const priv = binding.dhGet(dhRaw(this[kHandle]), 'private');
    if (priv === undefined || priv.length === 0) {
      throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
    }
    const s = binding.dhCompute(dhRaw(this[kHandle]), key);
    if (typeof s === 'string') {
      throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', `Supplied key is too ${s}`);
    }
    return encodeOut(s, outEnc);
  },
  getPrime(encoding) { return encodeOut(binding.dhGet(dhRaw(this[kHandle]), 'prime'), encoding); },
  getGenerator(encoding) { return encodeOut(binding.dhGet(dhRaw(this[kHandle]), 'generator'), encoding); },
  getPublicKey(encoding) {
    const k = binding.dhGet(dhRaw(this[kHandle]), 'public');
    if (k === undefined) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No public key - did you forget to generate one?');
    return encodeOut(k, encoding);
  },
  getPrivateKey(encoding) {
    const k = binding.dhGet(dhRaw(this[kHandle]), 'private');
    if (k === undefined) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No private key - did you forget to generate one?');
    return encodeOut(k, encoding);
  },
};
Object.assign(DiffieHellman.prototype, dhMethods, {
  setPublicKey(key, encoding) { binding.dhSet(dhRaw(this[kHandle]), 'public', getArrayBufferOrView(key, 'key', encoding)); return this; },
  setPrivateKey(key, encoding) { binding.dhSet(dhRaw(this[kHandle]), 'private', getArrayBufferOrView(key, 'key', encoding)); return this; },
});
Object.assign(DiffieHellmanGroup.prototype, dhMethods);
// A handle's own methods are the wrapper's, answering buffers.
for (const name of Object.keys(dhMethods).concat(['setPublicKey', 'setPrivateKey'])) {
  const m = DiffieHellman.prototype[name];
  handleMethod('DiffieHellman', name, m, dhRaw);
  handleMethod('DiffieHellmanGroup', name, m, dhRaw);
}
finishHandleClass('DiffieHellman', true);
finishHandleClass('DiffieHellmanGroup', true);
function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  try {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  } catch (e) {
    throw atNativeSite(e, 'createDiffieHellman');
  }
}
function createDiffieHellmanGroup(name) { return new DiffieHellmanGroup(name); }

// --- primes --------------------------------------------------------------------------------------

function bigintToBuffer(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}
// unsignedBigIntToBuffer is node's: a negative bigint is out of range, never read as its magnitude.
function unsignedBigIntToBuffer(n, name) {
  if (n < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', n);
  return bigintToBuffer(n);
}
function checkPrimeArgs(candidate, options) {
  if (typeof candidate === 'bigint') candidate = unsignedBigIntToBuffer(candidate, 'candidate');
  if (!isView(candidate) && !isAnyArrayBuffer(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], candidate);
  }
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return [candidate, checks];
}
function checkPrimeSync(candidate, options = {}) {
  const [c, checks] = checkPrimeArgs(candidate, options);
  return binding.checkPrime(c, checks);
}
function checkPrime(candidate, options = {}, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  const [c, checks] = checkPrimeArgs(candidate, options);
  validateFunction(callback, 'callback');
  // (node's job calls the callback itself, as its ondone)
  binding.checkPrime(c, checks, newJob('CheckPrimeJob', callback));
}
function generatePrimeArgs(size, options) {
  validateInt32(size, 'size', 1);
  validateObject(options, 'options');
  let { safe = false, bigint = false, add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (typeof add === 'bigint') add = unsignedBigIntToBuffer(add, 'options.add');
  if (typeof rem === 'bigint') rem = unsignedBigIntToBuffer(rem, 'options.rem');
  if (add !== undefined && !isView(add) && !isAnyArrayBuffer(add)) {
    throw new ERR_INVALID_ARG_TYPE('options.add', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], add);
  }
  if (rem !== undefined && !isView(rem) && !isAnyArrayBuffer(rem)) {
    throw new ERR_INVALID_ARG_TYPE('options.rem', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], rem);
  }
  if (add !== undefined) {
    // As node: add may not have more bits than the prime, and must be above rem (else no prime exists).
    const big = (b) => BigInt('0x' + (Buffer.from(isAnyArrayBuffer(b) ? b : b.buffer, isAnyArrayBuffer(b) ? 0 : b.byteOffset, b.byteLength).toString('hex') || '0'));
    const a = big(add);
    if (a.toString(2).length > size && a !== 0n) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'invalid options.add');
    if (rem !== undefined && a <= big(rem)) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'invalid options.rem');
  }
  if (size < (safe ? 3 : 2)) throw new Error('error:01800076:bignum routines::bits too small');
  return { safe, bigint, add, rem };
}
function primeResult(ab, bigint) {
  if (!bigint) return ab;
  const hex = Buffer.from(ab).toString('hex');
  return BigInt('0x' + (hex || '0'));
}
function generatePrimeSync(size, options = {}) {
  const o = generatePrimeArgs(size, options);
  return primeResult(binding.generatePrime(size, o.safe, o.add, o.rem), o.bigint);
}
function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') { callback = options; options = {}; }
  if (options === undefined) options = {};
  validateFunction(callback, 'callback');
  const o = generatePrimeArgs(size, options);
  // (node's job calls the callback without a this)
  binding.generatePrime(size, o.safe, o.add, o.rem, newJob('RandomPrimeJob', (err, ab) => {
    if (err) return callback(err); // job:prime-err
    callback(undefined, primeResult(ab, o.bigint)); // job:prime
  }));
}

function rsaSignCipher(op, kind) {
  return function (options, buffer) {
    try {
      const h = prepareAsymmetricKey(options, kind);
      const padding = ((options && options.padding) || RSA_PKCS1_PADDING) >>> 0;
      buffer = getArrayBufferOrView(buffer, 'buffer', options && options.encoding);
      if (fipsOn) throw osslError(...kEvpKeytype);
      return binding.rsaCrypt(h, buffer, padding, '', undefined, op);
    } catch (e) {
      throw isJwkInput(options) ? e : atNativeSite(e, op);
    }
  };
}
const privateEncrypt = rsaSignCipher('privateEncrypt', 'private');
const publicDecrypt = rsaSignCipher('publicDecrypt', 'public');

// --- X509Certificate ----------------------------------------------------------------------------

// x509CheckFlags turns checkHost/checkEmail/checkIP's options into OpenSSL's X509_CHECK_FLAG_*
// bits, validating them as node does.
function x509CheckFlags(options = {}) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = { ...options };
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  let flags = 0;
  if (subject === 'always') flags |= 0x1;
  else if (subject === 'never') flags |= 0x20;
  else if (subject !== 'default') throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  if (!wildcards) flags |= 0x2;
  if (!partialWildcards) flags |= 0x4;
  if (multiLabelWildcards) flags |= 0x8;
  if (singleLabelSubdomains) flags |= 0x10;
  return flags;
}
// X509Certificate derives from node's JSTransferable, whose prototype holds only its constructor.
class JSTransferable {}
const kInternalState = Symbol('kInternalState');
// x509Cached is a certificate's value of name, as node's getters keep it (in the certificate's
// kInternalState map) once read; make computes it from the certificate's fields (x509Info).
function x509Cached(cert, name, make) {
  const state = cert[kInternalState];
  let value = state.get(name);
  if (value === undefined) {
    value = make(binding.x509Info(cert[kHandle]));
    state.set(name, value);
  }
  return value;
}
class X509Certificate extends JSTransferable {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    super();
    this[kInternalState] = new Map();
    this[kHandle] = binding.x509Parse(buffer);
  }
  get subject() { return x509Cached(this, 'subject', (i) => i.subject); }
  get subjectAltName() { return x509Cached(this, 'subjectAltName', (i) => i.subjectAltName); }
  get issuer() { return x509Cached(this, 'issuer', (i) => i.issuer); }
  get issuerCertificate() { return undefined; }
  get infoAccess() { return x509Cached(this, 'infoAccess', (i) => i.infoAccess); }
  get validFrom() { return x509Cached(this, 'validFrom', (i) => i.validFrom); }
  get validTo() { return x509Cached(this, 'validTo', (i) => i.validTo); }
  get fingerprint() { return x509Cached(this, 'fingerprint', (i) => i.fingerprint); }
  get fingerprint256() { return x509Cached(this, 'fingerprint256', (i) => i.fingerprint256); }
  get fingerprint512() { return x509Cached(this, 'fingerprint512', (i) => i.fingerprint512); }
  get keyUsage() { return x509Cached(this, 'keyUsage', (i) => i.keyUsage); }
  get serialNumber() { return x509Cached(this, 'serialNumber', (i) => i.serialNumber); }
  get raw() { return x509Cached(this, 'raw', (i) => i.raw); }
  get publicKey() { return x509Cached(this, 'publicKey', (i) => keyObjectFor(i.publicKey)); }
  toString() { return x509Cached(this, 'pem', (i) => i.pem); }
  toJSON() { return this.toString(); }
  get ca() { return x509Cached(this, 'ca', (i) => i.ca); }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, { depth: options.depth == null ? null : options.depth - 1 });
    inspect = inspect || require('util').inspect;
    return `X509Certificate ${inspect({
      subject: this.subject, subjectAltName: this.subjectAltName, issuer: this.issuer,
      infoAccess: this.infoAccess, validFrom: this.validFrom, validTo: this.validTo,
      fingerprint: this.fingerprint, fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512, keyUsage: this.keyUsage, serialNumber: this.serialNumber,
    }, opts)}`;
  }
  checkHost(name, options) {
    validateString(name, 'name');
    return binding.x509CheckName(this[kHandle], name, 'host', x509CheckFlags(options));
  }
  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = x509CheckFlags(options);
    return binding.x509CheckName(this[kHandle], email, 'email', flags) === undefined ? undefined : email;
  }
  checkIP(ip, options) {
    validateString(ip, 'ip');
    x509CheckFlags(options);
    return binding.x509CheckIP(this[kHandle], ip) ? ip : undefined;
  }
  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    return binding.x509CheckIssued(this[kHandle], otherCert[kHandle]);
  }
  checkPrivateKey(pkey) {
    if (!(pkey instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509CheckPrivateKey(this[kHandle], pkey[kHandle]);
  }
  verify(pkey) {
    if (!(pkey instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509Verify(this[kHandle], pkey[kHandle]);
  }
  toLegacyObject() {
    return binding.x509Legacy(this[kHandle]);
  }
}
// How KeyObjects and X509Certificates clone: set once structured cloning loads (nothing can be
// cloned before), so that crypto does not load it.
lazyProto.whenLoaded('internal/structured_clone', () => {
  const sc = require('internal/structured_clone');
  // structuredClone copies a KeyObject as a new one of its class over the same key, as node does.
  Object.defineProperty(KeyObject.prototype, sc.kClone, {
    __proto__: null,
    value() { return new this.constructor(wrapHandle(this[kHandle])); },
  });
  // A KeyObject crosses to another runtime (a worker's postMessage) as its key material: the
  // secret's bytes, a public key's SPKI or a private key's PKCS#8 DER, imported again there.
  Object.defineProperty(KeyObject.prototype, sc.kCloneable, {
    __proto__: null,
    value() {
      const type = this.type;
      const key = type === 'secret' ? this.export() : this.export({ type: type === 'public' ? 'spki' : 'pkcs8', format: 'der' });
      return { module: 'crypto', kind: 'KeyObject', data: { type, key } };
    },
  });
  sc.registerCloneable('KeyObject', ({ type, key }) => {
    if (type === 'secret') return createSecretKey(key);
    if (type === 'public') return createPublicKey({ key, format: 'der', type: 'spki' });
    return createPrivateKey({ key, format: 'der', type: 'pkcs8' });
  });
  // An X509Certificate clones as node's JSTransferable: a certificate parsed again from its DER.
  Object.defineProperty(X509Certificate.prototype, sc.kCloneable, {
    __proto__: null,
    value() { return { module: 'crypto', kind: 'X509Certificate', data: this.raw }; },
  });
  sc.registerCloneable('X509Certificate', (raw) => new X509Certificate(raw));
});

// --- Certificate (SPKAC) ------------------------------------------------------------------------

function spkacArg(spkac, encoding) {
  if (typeof spkac === 'string') return Buffer.from(spkac, encoding);
  if (!isView(spkac) && !isAnyArrayBuffer(spkac)) {
    throw new ERR_INVALID_ARG_TYPE('spkac', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], spkac);
  }
  return spkac;
}
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}
// An empty or unreadable SPKAC gives an empty string, as node's binding returns.
Certificate.exportChallenge = function exportChallenge(spkac, encoding) {
  const r = binding.spkacChallenge(spkacArg(spkac, encoding));
  return r.length === 0 ? '' : r;
};
Certificate.exportPublicKey = function exportPublicKey(spkac, encoding) {
  const r = binding.spkacPublicKey(spkacArg(spkac, encoding));
  return r.length === 0 ? '' : r;
};
Certificate.verifySpkac = function verifySpkac(spkac, encoding) {
  spkac = spkacArg(spkac, encoding);
  return spkac.byteLength === 0 ? '' : binding.spkacVerify(spkac);
};
Certificate.prototype.verifySpkac = Certificate.verifySpkac;
Certificate.prototype.exportPublicKey = Certificate.exportPublicKey;
Certificate.prototype.exportChallenge = Certificate.exportChallenge;

// --- misc ----------------------------------------------------------------------------------------

const constantValues = {
  OPENSSL_VERSION_NUMBER: 805306672, SSL_OP_ALL: 2147485776, SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144, SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768, SSL_OP_COOKIE_EXCHANGE: 8192, SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048, SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072, SSL_OP_NO_ENCRYPT_THEN_MAC: 524288, SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824, SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432, SSL_OP_NO_TICKET: 16384, SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728, SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152, SSL_OP_TLS_ROLLBACK_BUG: 8388608, ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2, ENGINE_METHOD_DH: 4, ENGINE_METHOD_RAND: 8, ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64, ENGINE_METHOD_DIGESTS: 128, ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024, ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2, DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8, RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771, TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
};
// As node's native constants: null-prototype, read-only, non-configurable properties, the object
// neither frozen nor sealed; defaultCipherList an accessor that becomes a writable data property
// once read or set.
const constants = Object.create(null);
for (const k of Object.keys(constantValues)) {
  Object.defineProperty(constants, k, { __proto__: null, value: constantValues[k], writable: false, enumerable: true, configurable: false });
}
Object.defineProperty(constants, 'defaultCipherList', {
  __proto__: null,
  get() {
    const value = constantValues.defaultCoreCipherList;
    Object.defineProperty(this, 'defaultCipherList', { __proto__: null, writable: true, configurable: true, enumerable: true, value });
    return value;
  },
  set(value) {
    Object.defineProperty(this, 'defaultCipherList', { __proto__: null, writable: true, configurable: true, enumerable: true, value });
  },
  enumerable: true,
  configurable: true,
});

// (each call returns a copy of the list, as node's)
let hashList, cipherList, curveList;
function getHashes() {
  const list = hashList || (hashList = binding.hashNames());
  // (with fips set, the names of the digests a Hash has fetched)
  return fipsOn ? list.filter((n) => !binding.hashUnfetchable(n)) : list.slice();
}
function getCiphers() { return fipsOn ? [] : (cipherList || (cipherList = binding.cipherNames())).slice(); }
function getCurves() { return (curveList || (curveList = binding.curveNames())).slice(); }
function getFips() { return fipsOn ? 1 : 0; }
function setFips(v) {
  if (!require('worker_threads').isMainThread) {
    throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Calling crypto.setFips() is not supported in workers');
  }
  fipsOn = !!v;
  binding.setFips(fipsOn);
}
function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags !== undefined) validateNumber(flags, 'flags');
  // gojs loads no OpenSSL engines: every id is one node's OpenSSL does not find
  throw nodeError(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', `Engine "${id}" was not found`);
}
function secureHeapUsed() { return { total: 0, used: 0, utilization: 0, min: 0 }; }

const internals = {
  binding, KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, kHandle, kKeyObject,
  keyObjectFor, prepareAsymmetricKey, setCryptoKeyClass(C) { CryptoKeyClass = C; }, nodeError,
  ERR_CRYPTO_INVALID_DIGEST, isAnyArrayBuffer, getArrayBufferOrView, randomFillSync, newJob,
};

let webcryptoMod;
function webcrypto() {
  if (!webcryptoMod) {
    webcryptoMod = require('internal/crypto/webcrypto');
    webcryptoMod.init(internals);
  }
  return webcryptoMod;
}

// (in node's order: Object.keys(require('crypto')) lists them so)
module.exports = {
  checkPrime, checkPrimeSync, createCipheriv, createDecipheriv, createDiffieHellman, createDiffieHellmanGroup,
  createECDH, createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify,
  diffieHellman, generatePrime, generatePrimeSync, getCiphers, getCipherInfo, getCurves,
  getDiffieHellman: createDiffieHellmanGroup, getHashes, hkdf, hkdfSync, pbkdf2, pbkdf2Sync,
  generateKeyPair, generateKeyPairSync, generateKey, generateKeySync, privateDecrypt, privateEncrypt,
  publicDecrypt, publicEncrypt, randomBytes, randomFill, randomFillSync, randomInt, randomUUID, scrypt, scryptSync,
  sign: signOneShot, setEngine, timingSafeEqual, getFips, setFips, verify: verifyOneShot, hash,
  Certificate, Cipher, Cipheriv, Decipher, Decipheriv, DiffieHellman, DiffieHellmanGroup, ECDH, Hash, Hmac,
  KeyObject, Sign, Verify, X509Certificate, secureHeapUsed,
};
// As in node: the deprecated password ciphers and fips are non-enumerable; prng, pseudoRandomBytes
// and rng are randomBytes (deprecated only under --pending-deprecation) and become plain data
// properties once read (non-enumerable) or set (enumerable).
Object.defineProperties(module.exports, {
  createCipher: { __proto__: null, value: createCipher, enumerable: false, writable: false, configurable: false },
  createDecipher: { __proto__: null, value: createDecipher, enumerable: false, writable: false, configurable: false },
  fips: { __proto__: null, get: getFips, set: setFips, enumerable: false, configurable: false },
  constants: { __proto__: null, value: constants, enumerable: true, writable: false, configurable: false },
});
function getRandomValues(array) { return webcrypto().crypto.getRandomValues(array); }
for (const name of ['webcrypto', 'subtle', 'getRandomValues']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() {
      const w = webcrypto();
      switch (name) {
        case 'webcrypto': return w.crypto;
        case 'subtle': return w.crypto.subtle;
        default: return getRandomValues;
      }
    },
  });
}
for (const key of ['prng', 'pseudoRandomBytes', 'rng']) {
  Object.defineProperty(module.exports, key, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      const value = require('internal/options').getOptionValue('--pending-deprecation') ?
        require('util').deprecate(randomBytes, `crypto.${key} is deprecated.`, 'DEP0115') : randomBytes;
      Object.defineProperty(this, key, { __proto__: null, enumerable: false, configurable: true, writable: true, value });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { __proto__: null, enumerable: true, configurable: true, writable: true, value });
    },
  });
}
