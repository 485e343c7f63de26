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
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
function hasArrow(err) { return require('internal/errors').arrowMessage(err) !== undefined; }
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
  'Sign.sign': ['internal/crypto/sig', 134, 29, '  const ret = this[kHandle].sign(data, format, type, passphrase, rsaPadding,',
    ['*.sign', 'internal/crypto/sig', 134, 29]],
  'Verify.verify': ['internal/crypto/sig', 230, 24, '  return this[kHandle].verify(data, format, type, passphrase, signature,',
    ['*.verify', 'internal/crypto/sig', 230, 24]],
  pbkdf2: ['internal/crypto/pbkdf2', 44, 15, '  const job = new PBKDF2Job(', ['Object.pbkdf2', 'internal/crypto/pbkdf2', 44, 15]],
  scrypt: ['internal/crypto/scrypt', 52, 15, '  const job = new ScryptJob(', ['Object.scrypt', 'internal/crypto/scrypt', 52, 15]],
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
const kGlueFrame = /^    at (?:.* \()?node:(?:crypto|internal\/crypto\/[a-z0-9_]+):\d+:\d+\)?$/;
function atNativeSite(err, key, self) {
  const site = nativeSites[key];
  if (site === undefined || !(err instanceof Error) || hasArrow(err)) return err;
  try {
    const stack = err.stack;
    if (typeof stack !== 'string') return err;
    const lines = stack.split('\n');
    let first = lines.findIndex((l) => l.startsWith('    at '));
    if (first === -1) first = lines.length;
    if (/ \[ERR_[A-Z0-9_]+\]: /.test(lines.slice(0, first).join('\n'))) return err;
    // (gojs's own frames, those of its glue and its parts (parts.go), give way to node's)
    let user = first;
    while (user < lines.length && kGlueFrame.test(lines[user])) user++;
    const owner = self && self.constructor && typeof self.constructor.name === 'string' ? self.constructor.name : 'Object';
    const frames = [];
    for (let k = 4; k < site.length; k++) {
      frames.push(`    at ${site[k][0].replace('*', owner)} (node:${site[k][1]}:${site[k][2]}:${site[k][3]})`);
    }
    let out = [...lines.slice(0, first), ...frames, ...lines.slice(user)];
    const limit = Error.stackTraceLimit;
    if (typeof limit === 'number' && out.length - first > limit) out = out.slice(0, first + Math.max(limit, 0));
    err.stack = out.join('\n');
    putArrow(err, `node:${site[0]}:${site[1]}\n${site[3]}\n${' '.repeat(site[2] - 1)}^\n`);
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
  if (!copy) validateString(algorithm, 'algorithm'); // at: hash:93:5
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
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED(); // at: hash:117:11 | 5 |     throw new ERR_CRYPTO_HASH_FINALIZED();
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
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED(); // at: hash:135:11 | 5 |     throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data !== 'string') {
    if (!isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data); // at: hash:140:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
  } else if (encoding !== undefined) {
    validateEncoding(data, encoding);
  }
  binding.hashUpdate(this[kHandle], data, encoding);
  return this;
};
Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState][kFinalized]) throw ERR_CRYPTO_HASH_FINALIZED(); // at: hash:153:11 | 5 |     throw new ERR_CRYPTO_HASH_FINALIZED();
  const r = binding.hashDigest(this[kHandle], outputEncoding === undefined || typeof outputEncoding === 'string' ? outputEncoding : `${outputEncoding}`);
  this[kState][kFinalized] = true;
  return r;
};

function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return binding.keySecretBytes(key[kHandle]);
    }
    if (isCryptoKey(key)) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return binding.keySecretBytes(key[kKeyObject][kHandle]);
    }
  }
  if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', bufferOnly ? ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] : // at: keys:595:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }
  if (typeof key === 'string') return Buffer.from(key, encoding);
  return key;
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac'); // at: hash:164:3
  const encoding = options && options.encoding;
  // Strings go to Go as they are, encoded there.
  if (typeof key !== 'string') key = prepareSecretKey(key, encoding); // at: hash:166:9
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
    return new Hash(algorithm, options); // at: crypto:139:10
  } catch (e) {
    throw atNativeSite(e, 'createHash');
  }
}
function createHmac(hmac, key, options) {
  try {
    return new Hmac(hmac, key, options); // at: crypto:171:10
  } catch (e) {
    throw atNativeSite(e, 'createHmac');
  }
}

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input); // at: hash:224:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
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
  validateNumber(size, 'size'); // at: random:82:3
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size); // at: random:86:11 | 5 |     throw new ERR_OUT_OF_RANGE('size',
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset); // at: random:91:11 | 5 |     throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}
function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset'); // at: random:70:3
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset); // at: random:75:11 | 5 |     throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity); // at: random:98:10
  if (callback !== undefined) validateFunction(callback, 'callback'); // at: random:100:5
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
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf); // at: random:119:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
  }
  // (the whole of buf, the usual call: no need to read its sizes here, each read of a typed
  // array's named property costing goja a number parse)
  if (offset === 0 && size === undefined) {
    binding.randomFill(buf, 0, -1, true);
    return buf;
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength); // at: random:127:12
  if (size === undefined) size = buf.byteLength - offset;
  else size = assertSize(size, elementSize, offset, buf.byteLength); // at: random:132:12
  if (size > 0) binding.randomFill(buf, offset, size, true);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (!isAnyArrayBuffer(buf) && !isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf); // at: random:153:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset; offset = 0; size = buf.byteLength;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, elementSize, buf.byteLength); // at: random:173:12
    size = buf.byteLength - offset;
  } else {
    validateFunction(callback, 'callback'); // at: random:170:5
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
  if (!isSync) validateFunction(callback, 'callback'); // at: random:223:5
  if (!NumberIsSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max); // at: random:229:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max); // at: random:232:11 | 5 |     throw new ERR_OUT_OF_RANGE(
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
  if (options !== undefined) validateObject(options, 'options'); // at: random:404:5
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
// (a method: no prototype and not a constructor, as node's native function)
const { timingSafeEqual } = { timingSafeEqual(buf1, buf2) {
  if (!isView(buf1) && !isAnyArrayBuffer(buf1)) throw timingSafeArgError('buf1');
  if (!isView(buf2) && !isAnyArrayBuffer(buf2)) throw timingSafeArgError('buf2');
  // (the binding compares in constant time; it answers undefined for lengths that differ)
  const r = binding.timingSafeEqual(buf1, buf2);
  if (r === undefined) {
    throw cppError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', timingSafeEqual);
  }
  return r;
} };
// (node's check, in C++, does not describe the value received)
function timingSafeArgError(name) {
  return cppError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`, timingSafeEqual);
}
// (length 0, as node's native function)
Object.defineProperty(timingSafeEqual, 'length', { __proto__: null, value: 0 });

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
const kKeyObject = Symbol('kKeyObject');
let CryptoKeyClass;
function isCryptoKey(v) { return CryptoKeyClass !== undefined && v instanceof CryptoKeyClass; }
// OpenSSL's short names of the curves that are key types of their own: node's EC key generation
// finds them by name and makes such a key.
const okpCurves = { __proto__: null, X25519: 'x25519', ED25519: 'ed25519', X448: 'x448', ED448: 'ed448' };
// nativeError is an error as node's C++ layer throws it: a plain error with a code property,
// its stack starting at the caller, as a binding's throw does.
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  Error.captureStackTrace(err, nativeError);
  err.code = code;
  return err;
}

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
// (arrows without a name, as node's cachedResult makes them)
const getHashes = (0, () => {
  const list = hashList || (hashList = binding.hashNames());
  // (with fips set, the names of the digests a Hash has fetched)
  return fipsOn ? list.filter((n) => !binding.hashUnfetchable(n)) : list.slice();
});
const getCiphers = (0, () => (fipsOn ? [] : (cipherList || (cipherList = binding.cipherNames())).slice()));
const getCurves = (0, () => (curveList || (curveList = binding.curveNames())).slice());
function getFips() { return fipsOn ? 1 : 0; }
function setFips(v) {
  if (!require('worker_threads').isMainThread) {
    throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Calling crypto.setFips() is not supported in workers');
  }
  fipsOn = !!v;
  binding.setFips(fipsOn);
}
function setEngine(id, flags) {
  validateString(id, 'id'); // at: util:123:3
  if (flags !== undefined) validateNumber(flags, 'flags');
  // gojs loads no OpenSSL engines: every id is one node's OpenSSL does not find
  throw nodeError(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', `Engine "${id}" was not found`);
}
function secureHeapUsed() { return { total: 0, used: 0, utilization: 0, min: 0 }; }

// --- the parts ----------------------------------------------------------------------------------
// Most programs hash, make random bytes or compare: the rest of the glue (the KDFs, ciphers, keys,
// sign/verify, Diffie-Hellman, X.509) is in parts compiled on first use (parts.go), each a maker
// called once per runtime with the names of this file it uses. Their exports are lazy members
// (runtime/lazymembers.go): data properties in their places whose values are taken from the part
// the first time anything reads them.
const isStreamLoaded = () => streamLoaded;
// (no KeyObject exists before the keys part has made the class)
function isKeyObject(v) { return keysAPI !== undefined && v instanceof keysAPI.KeyObject; }
let keysAPI, kdfAPI, cipherAPI, signAPI, dhAPI, x509API;
function keys() {
  return keysAPI || (keysAPI = binding.part('keys')({
    require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE, getFips, isAnyArrayBuffer, isCryptoKey, isView, kEvpUnsupported, kHandle,
    kKeyObject, lazyProto, nativeError, newJob, nodeError, okpCurves, prepareSecretKey, validateFunction,
    validateInt32, validateInteger, validateObject, validateOneOf, validateString, validateUint32,
  }));
}
function kdf() {
  return kdfAPI || (kdfAPI = binding.part('kdf')({
    require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, getArrayBufferOrView, getFips, isAnyArrayBuffer, isCryptoKey,
    isKeyObject, isLegacyDigest, isView, kDerivingFailed, kEvpUnsupported, kHandle, kKeyObject, nativeError,
    newJob, nodeError, validateFunction, validateInt32, validateInteger, validateString, validateUint32, xofSize,
  }));
}
function ciphers() {
  return cipherAPI || (cipherAPI = binding.part('cipher')({
    require, binding, atNativeSite, Buffer, createHash, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_INVALID_STATE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, getArrayBufferOrView,
    isAnyArrayBuffer, isCryptoKey, isKeyObject, isStreamLoaded, isView, kHandle, kKeyObject, LazyTransform,
    nativeError, nodeError, validateEncoding, validateInt32, validateObject, validateString,
  }));
}
function signing() {
  if (signAPI) return signAPI;
  const { isJwkInput, prepareAsymmetricKey } = keys();
  return (signAPI = binding.part('sign')({
    require, binding, atNativeSite, ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    EventEmitter, getArrayBufferOrView, getFips, isAnyArrayBuffer, isJwkInput, isLegacyDigest, isView,
    kEvpInitError, kEvpKeytype, kEvpUnsupported, kHandle, lazyProto, namedHandle, nativeError, newJob,
    nodeError, osslError, prepareAsymmetricKey, stream, unsupportedDigest, validateEncoding,
    validateFunction, validateString, xofSize,
  }));
}
function dh() {
  return dhAPI || (dhAPI = binding.part('dh')({
    require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_CURVE, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, getArrayBufferOrView, getFips,
    handleProtos, isAnyArrayBuffer, isKeyObject, isView, kEvpKeytype, kHandle, namedHandle, nativeError,
    newJob, nodeError, okpCurves, osslError, validateBoolean, validateFunction, validateInt32,
    validateObject, validateString,
  }));
}
function x509() {
  if (x509API) return x509API;
  const { keyObjectFor } = keys();
  return (x509API = binding.part('x509')({
    require, binding, Buffer, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, isAnyArrayBuffer, isKeyObject,
    isView, keyObjectFor, kHandle, lazyProto, validateBoolean, validateObject, validateString,
  }));
}
// each lazy export: the part that makes it, and its name there when it differs
const partExports = {
  __proto__: null,
  checkPrime: dh, checkPrimeSync: dh, createCipheriv: ciphers, createDecipheriv: ciphers,
  createDiffieHellman: dh, createDiffieHellmanGroup: dh, createECDH: dh, createPrivateKey: keys,
  createPublicKey: keys, createSecretKey: keys, createSign: signing, createVerify: signing,
  diffieHellman: dh, generatePrime: dh, generatePrimeSync: dh, getCipherInfo: ciphers,
  getDiffieHellman: [dh, 'createDiffieHellmanGroup'], hkdf: kdf, hkdfSync: kdf, pbkdf2: kdf,
  pbkdf2Sync: kdf, generateKeyPair: keys, generateKeyPairSync: keys, generateKey: keys,
  generateKeySync: keys, privateDecrypt: signing, privateEncrypt: signing, publicDecrypt: signing,
  publicEncrypt: signing, scrypt: kdf, scryptSync: kdf, sign: [signing, 'signOneShot'],
  verify: [signing, 'verifyOneShot'], Certificate: x509, Cipher: ciphers, Cipheriv: ciphers,
  Decipher: ciphers, Decipheriv: ciphers, DiffieHellman: dh, DiffieHellmanGroup: dh, ECDH: dh,
  KeyObject: keys, Sign: signing, Verify: signing, X509Certificate: x509,
};

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
  return new (ciphers().Cipher)(cipher, password, options);
}, 'crypto.createCipher is deprecated.', 'DEP0106');
const createDecipher = lazyDeprecate(function createDecipher(cipher, password, options) {
  return new (ciphers().Decipher)(cipher, password, options);
}, 'crypto.createDecipher is deprecated.', 'DEP0106');

let webcryptoMod;
function webcrypto() {
  if (!webcryptoMod) {
    webcryptoMod = require('internal/crypto/webcrypto');
    const { KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, keyObjectFor, prepareAsymmetricKey } = keys();
    webcryptoMod.init({
      binding, KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, kHandle, kKeyObject,
      keyObjectFor, prepareAsymmetricKey, setCryptoKeyClass(C) { CryptoKeyClass = C; }, nodeError,
      ERR_CRYPTO_INVALID_DIGEST, isAnyArrayBuffer, getArrayBufferOrView, randomFillSync, newJob,
    });
  }
  return webcryptoMod;
}

// (in node's order: Object.keys(require('crypto')) lists them so)
module.exports = {
  checkPrime: void 0, checkPrimeSync: void 0, createCipheriv: void 0, createDecipheriv: void 0,
  createDiffieHellman: void 0, createDiffieHellmanGroup: void 0, createECDH: void 0, createHash, createHmac,
  createPrivateKey: void 0, createPublicKey: void 0, createSecretKey: void 0, createSign: void 0,
  createVerify: void 0, diffieHellman: void 0, generatePrime: void 0, generatePrimeSync: void 0, getCiphers,
  getCipherInfo: void 0, getCurves, getDiffieHellman: void 0, getHashes, hkdf: void 0, hkdfSync: void 0,
  pbkdf2: void 0, pbkdf2Sync: void 0, generateKeyPair: void 0, generateKeyPairSync: void 0,
  generateKey: void 0, generateKeySync: void 0, privateDecrypt: void 0, privateEncrypt: void 0,
  publicDecrypt: void 0, publicEncrypt: void 0, randomBytes, randomFill, randomFillSync, randomInt, randomUUID,
  scrypt: void 0, scryptSync: void 0, sign: void 0, setEngine, timingSafeEqual, getFips, setFips,
  verify: void 0, hash, Certificate: void 0, Cipher: void 0, Cipheriv: void 0, Decipher: void 0,
  Decipheriv: void 0, DiffieHellman: void 0, DiffieHellmanGroup: void 0, ECDH: void 0, Hash, Hmac,
  KeyObject: void 0, Sign: void 0, Verify: void 0, X509Certificate: void 0, secureHeapUsed,
};
{
  const makePartExport = (name) => {
    const e = partExports[name];
    return typeof e === 'function' ? e()[name] : e[0]()[e[1]];
  };
  const names = Object.keys(partExports);
  const lazyMembers = internalBinding('internal/lazy_members');
  if (lazyMembers) lazyMembers.members(module.exports, makePartExport, names, 'crypto');
  else for (const name of names) module.exports[name] = makePartExport(name);
}
// As in node: the deprecated password ciphers and fips are non-enumerable; prng, pseudoRandomBytes
// and rng are randomBytes (deprecated only under --pending-deprecation) and become plain data
// properties once read (non-enumerable) or set (enumerable).
Object.defineProperties(module.exports, {
  createCipher: { __proto__: null, value: createCipher, enumerable: false, writable: false, configurable: false },
  createDecipher: { __proto__: null, value: createDecipher, enumerable: false, writable: false, configurable: false },
  fips: { __proto__: null, get: getFips, set: setFips, enumerable: false, configurable: false },
  constants: { __proto__: null, value: constants, enumerable: true, writable: false, configurable: false },
});
function getRandomValues(array) { return webcrypto().crypto.getRandomValues(array); } // at: crypto:268:33
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
