// ---- KeyObject and its classes, createSecretKey/createPublicKey/createPrivateKey, key (pair) generation ---
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeKeys({
  require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE, getFips, isAnyArrayBuffer, isCryptoKey, isView, kEvpUnsupported, kHandle,
  kKeyObject, lazyProto, nativeError, newJob, nodeError, okpCurves, prepareSecretKey,
  validateFunction, validateInt32, validateInteger, validateObject, validateOneOf, validateString,
  validateUint32,
}) {

  // --- Keys ----------------------------------------------------------------------------------------

  const kKeyType = Symbol('kKeyType');
  const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
  const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

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
      if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key); // at: keys:127:15 | 9 |         throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
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
    key = prepareSecretKey(key, encoding, true); // at: keys:604:9
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
        throw new ERR_INVALID_ARG_TYPE('key.key', asymmetricKeyTypes(kind, ctx), data); // at: keys:553:13 | 7 |       throw new ERR_INVALID_ARG_TYPE(
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
    throw new ERR_INVALID_ARG_TYPE('key', asymmetricKeyTypes(kind, ctx), key); // at: keys:566:9 | 3 |   throw new ERR_INVALID_ARG_TYPE(
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
      return keyObjectFor(prepareAsymmetricKey(key, 'public', 'create')); // at: keys:612:5
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
      return keyObjectFor(prepareAsymmetricKey(key, 'private', 'create')); // at: keys:625:5
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
        validateUint32(o.modulusLength, 'options.modulusLength'); // at: createJob@keygen:183:7
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
        validateString(o.namedCurve, 'options.namedCurve'); // at: createJob@keygen:266:7
        curve = o.namedCurve;
        if (o.paramEncoding != null && o.paramEncoding !== 'named' && o.paramEncoding !== 'explicit') {
          throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', o.paramEncoding);
        }
        break;
      }
      case 'ed25519': case 'x25519': break;
      default:
        throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type'); // at: createJob@keygen:344:9 | 3 |   throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
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
  function generateKeyPairSync(type, options) {
    const a = generateKeyPairCheck(type, options); // at: keygen:106:22
    if (getFips()) throw new Error(kEvpUnsupported);
    if (type === 'ec' && okpCurves[a.curve]) type = okpCurves[a.curve];
    const [pub, priv] = binding.keyGenerate(type, a.bits, a.curve, undefined, a.exponent, a.extra);
    return encodePair(a, pub, priv);
  }
  function generateKeyPair(type, options, callback) {
    if (typeof options === 'function') { callback = options; options = undefined; }
    validateFunction(callback, 'callback'); // at: keygen:83:3
    const a = generateKeyPairCheck(type, options);
    if (getFips()) {
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
      case 'hmac': validateInteger(length, 'options.length', 8, 2 ** 31 - 1); break; // at: generateKeyJob@keygen:355:7
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
    const length = generateKeyCheck(type, options); // at: keygen:401:5
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
  });

  return { KeyObject, PrivateKeyObject, PublicKeyObject, SecretKeyObject, createPrivateKey,
    createPublicKey, createSecretKey, generateKey, generateKeyPair, generateKeyPairSync,
    generateKeySync, isJwkInput, keyObjectFor, prepareAsymmetricKey };
})
