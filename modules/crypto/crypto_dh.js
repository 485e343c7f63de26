// ---- ECDH, DiffieHellman, diffieHellman and the prime functions -------------------------------------
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeDH({
  require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
  getArrayBufferOrView, getFips, handleProtos, isAnyArrayBuffer, isKeyObject, isView, kEvpKeytype,
  kHandle, namedHandle, nativeError, newJob, nodeError, okpCurves, osslError, validateBoolean,
  validateFunction, validateInt32, validateObject, validateString,
}) {
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
    validateString(curve, 'curve'); // at: diffiehellman:222:3
    const h = binding.ecdhNew(curve);
    if (h === undefined) {
      throw okpCurves[curve] ? nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to create key using named curve') : ERR_CRYPTO_INVALID_CURVE();
    }
    this[kHandle] = namedHandle(h, 'ECDH');
    ecdhHandles.add(h);
  }
  const ecdhHandles = new WeakSet();
  // (in the order of node's ECDH.prototype)
  ECDH.prototype.computeSecret = function dhComputeSecret(key, inEnc, outEnc) {
    key = getArrayBufferOrView(key, 'key', inEnc);
    const s = binding.ecdhCompute(this[kHandle], key);
    if (s === 'keypair') throw atNativeSite(nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair'), 'computeSecret', this);
    if (s === 'compute') throw atNativeSite(nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to compute ECDH key'), 'computeSecret', this);
    if (s === 'public') throw nodeError(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
    return encodeOut(s, outEnc);
  };
  ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    if (!binding.ecdhSetPrivate(this[kHandle], key)) {
      throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
    }
    return this;
  };
  ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    if (!binding.ecdhSetPublic(this[kHandle], key)) {
      throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
    }
    return this;
  };
  ECDH.prototype.getPrivateKey = function dhGetPrivateKey(encoding) {
    const k = binding.ecdhPrivate(this[kHandle]);
    if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
    return encodeOut(k, encoding);
  };
  ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
    binding.ecdhGenerate(this[kHandle]);
    return this.getPublicKey(encoding, format);
  };
  ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
    const f = formatOf(format);
    const k = binding.ecdhPublic(this[kHandle], f);
    if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
    return encodeOut(k, encoding);
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
      return new ECDH(curve); // at: crypto:167:10
    } catch (e) {
      throw atNativeSite(e, 'createECDH');
    }
  }

  function diffieHellman(options) {
    validateObject(options, 'options');
    const { privateKey, publicKey } = options;
    if (!(isKeyObject(privateKey))) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey); // at: diffiehellman:276:11 | 5 |     throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
    if (!(isKeyObject(publicKey))) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
    if (privateKey.type !== 'private') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
    if (publicKey.type !== 'public' && publicKey.type !== 'private') {
      throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
    }
    const a = privateKey.asymmetricKeyType, b = publicKey.asymmetricKeyType;
    if (a !== b || !['ec', 'x25519', 'x448', 'dh'].includes(a)) {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', `Incompatible key types for Diffie-Hellman: ${a} and ${b}`);
    }
    if (getFips()) throw osslError(...kEvpKeytype);
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
    if (h === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group'); // at: diffiehellman:131:19 | 19 |   this[kHandle] = new _DiffieHellmanGroup(name);
    this[kHandle] = dhHandle(h, 'DiffieHellmanGroup', 0);
    Object.defineProperty(this, 'verifyError', { __proto__: null, enumerable: true, value: 0 });
  }
  // (node's names: dhGenerateKeys... are the functions' own)
  const dhMethods = {
    generateKeys: function dhGenerateKeys(encoding) {
      // OpenSSL's DH_generate_key refuses a prime under 512 bits
      if (binding.dhBits(dhRaw(this[kHandle])) < 512) {
        throw osslError('0280007E', 'Diffie-Hellman routines', 'modulus too small', 'ERR_OSSL_DH_MODULUS_TOO_SMALL');
      }
      return encodeOut(binding.dhGenerate(dhRaw(this[kHandle])), encoding);
    },
    computeSecret: function dhComputeSecret(key, inEnc, outEnc) {
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
    getPrime: function dhGetPrime(encoding) { return encodeOut(binding.dhGet(dhRaw(this[kHandle]), 'prime'), encoding); },
    getGenerator: function dhGetGenerator(encoding) { return encodeOut(binding.dhGet(dhRaw(this[kHandle]), 'generator'), encoding); },
    getPublicKey: function dhGetPublicKey(encoding) {
      const k = binding.dhGet(dhRaw(this[kHandle]), 'public');
      if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No public key - did you forget to generate one?'); // at: diffiehellman:189:29 | 29 |   const key = this[kHandle].getPublicKey();
      return encodeOut(k, encoding);
    },
    getPrivateKey: function dhGetPrivateKey(encoding) {
      const k = binding.dhGet(dhRaw(this[kHandle]), 'private');
      if (k === undefined) throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No private key - did you forget to generate one?');
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
  function createDiffieHellmanGroup(name) { return new DiffieHellmanGroup(name); } // at: crypto:163:10

  // --- primes --------------------------------------------------------------------------------------

  function bigintToBuffer(n) {
    let hex = n.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    return Buffer.from(hex, 'hex');
  }
  // unsignedBigIntToBuffer is node's: a negative bigint is out of range, never read as its magnitude.
  function unsignedBigIntToBuffer(n, name) {
    if (n < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', n); // at: random:528:11 | 5 |     throw new ERR_OUT_OF_RANGE(name, '>= 0', bigint);
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
  // generatePrimeArgs checks generatePrime's options as node's createRandomPrimeJob does (its
  // frames are named and placed as node's); small says the size is under OpenSSL's least.
  function generatePrimeArgs(size, options) {
    validateObject(options, 'options'); // at: createRandomPrimeJob@random:415:3
    const { safe = false, bigint = false } = options;
    let { add, rem } = options;
    validateBoolean(safe, 'options.safe'); // at: createRandomPrimeJob@random:426:3
    validateBoolean(bigint, 'options.bigint'); // at: createRandomPrimeJob@random:427:3
    const kinds = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];
    if (add !== undefined) {
      if (typeof add === 'bigint') {
        add = unsignedBigIntToBuffer(add, 'options.add'); // at: createRandomPrimeJob@random:431:13
      } else if (!isView(add) && !isAnyArrayBuffer(add)) {
        throw new ERR_INVALID_ARG_TYPE('options.add', kinds, add); // at: createRandomPrimeJob@random:433:13 | 7 |       throw new ERR_INVALID_ARG_TYPE(
      }
    }
    if (rem !== undefined) {
      if (typeof rem === 'bigint') {
        rem = unsignedBigIntToBuffer(rem, 'options.rem'); // at: createRandomPrimeJob@random:448:13
      } else if (!isView(rem) && !isAnyArrayBuffer(rem)) {
        throw new ERR_INVALID_ARG_TYPE('options.rem', kinds, rem); // at: createRandomPrimeJob@random:450:13 | 7 |       throw new ERR_INVALID_ARG_TYPE(
      }
    }
    if (add !== undefined) {
      // As node's RandomPrimeJob: add may not have more bits than the prime, and must be above rem
      // (else no prime exists).
      const big = (b) => BigInt('0x' + (Buffer.from(isAnyArrayBuffer(b) ? b : b.buffer, isAnyArrayBuffer(b) ? 0 : b.byteOffset, b.byteLength).toString('hex') || '0'));
      const a = big(add);
      let bad;
      if (a.toString(2).length > size && a !== 0n) bad = 'add';
      else if (rem !== undefined && a <= big(rem)) bad = 'rem';
      if (bad) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', `invalid options.${bad}`); // at: createRandomPrimeJob@random:463:15 | 15 |   const job = new RandomPrimeJob(type, size, safe, add, rem);
    }
    return { safe, bigint, add, rem, small: size < (safe ? 3 : 2) };
  }
  const kBitsTooSmall = 'error:01800076:bignum routines::bits too small';
  function primeResult(ab, bigint) {
    if (!bigint) return ab;
    const hex = Buffer.from(ab).toString('hex');
    return BigInt('0x' + (hex || '0'));
  }
  function generatePrimeSync(size, options = {}) {
    validateInt32(size, 'size', 1); // at: random:491:3
    const o = generatePrimeArgs(size, options); // at: random:493:15
    if (o.small) throw new Error(kBitsTooSmall); // at: random:494:36 | 496:5 |     throw err;
    return primeResult(binding.generatePrime(size, o.safe, o.add, o.rem), o.bigint);
  }
  function generatePrime(size, options, callback) {
    validateInt32(size, 'size', 1); // at: random:469:3
    if (typeof options === 'function') { callback = options; options = {}; }
    if (options === undefined) options = {};
    validateFunction(callback, 'callback'); // at: random:474:3
    const o = generatePrimeArgs(size, options); // at: random:476:15
    if (o.small) {
      // (node's job fails: its callback has the error, made in C++ without frames)
      const err = new Error(kBitsTooSmall);
      err.stack = `Error: ${kBitsTooSmall}`;
      binding.job('RANDOMPRIMEREQUEST', newJob('RandomPrimeJob', () => {
        callback(err); // job:prime-err
      }));
      return;
    }
    // (node's job calls the callback without a this)
    binding.generatePrime(size, o.safe, o.add, o.rem, newJob('RandomPrimeJob', (err, ab) => {
      if (err) return callback(err); // job:prime-err
      callback(undefined, primeResult(ab, o.bigint)); // job:prime
    }));
  }

  return { DiffieHellman, DiffieHellmanGroup, ECDH, checkPrime, checkPrimeSync, createDiffieHellman,
    createDiffieHellmanGroup, createECDH, diffieHellman, generatePrime, generatePrimeSync };
})
