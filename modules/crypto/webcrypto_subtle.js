// ---- SubtleCrypto's methods: the algorithms -------------------------------------------------
// A part of webcrypto's glue, compiled on the first call of a SubtleCrypto method (parts.go):
// webcrypto.js calls it with the names of webcrypto.js that it uses.
(function makeSubtle({
  require, Buffer, CryptoKey, ERR_INVALID_THIS, I, branded, kAlgorithm, kExtractable, kKeyObject,
  kKeyUsages, lazyDOMException, makeKey,
}) {
  // --- algorithm normalization ---------------------------------------------------------------------

  const names = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'AES-CTR', 'AES-CBC',
    'AES-GCM', 'AES-KW', 'HMAC', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HKDF', 'PBKDF2',
    'Ed25519', 'X25519', 'Ed448', 'X448'];
  const canonical = {};
  for (const n of names) canonical[n.toUpperCase()] = n;
  const hashNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
  const hashLen = { 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 };
  const hashBlock = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
  const curves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

  // Which operations each algorithm supports.
  const ops = {
    digest: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'],
    generateKey: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HMAC', 'Ed25519', 'X25519', 'Ed448', 'X448'],
    wrapKey: ['AES-KW', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'RSA-OAEP'],
    unwrapKey: ['AES-KW', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'RSA-OAEP'],
    sign: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'HMAC', 'Ed25519', 'Ed448'],
    verify: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'HMAC', 'Ed25519', 'Ed448'],
    encrypt: ['RSA-OAEP', 'AES-CTR', 'AES-CBC', 'AES-GCM'],
    decrypt: ['RSA-OAEP', 'AES-CTR', 'AES-CBC', 'AES-GCM'],
    importKey: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HMAC', 'HKDF', 'PBKDF2', 'Ed25519', 'X25519', 'Ed448', 'X448'],
    deriveBits: ['ECDH', 'HKDF', 'PBKDF2', 'X25519', 'X448'],
    get: ['AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HMAC', 'HKDF', 'PBKDF2'],
  };

  function normalizeAlgorithm(alg, op) {
    // WebIDL AlgorithmIdentifier: an object is a dictionary, anything else converts to a DOMString.
    if (alg === null || (typeof alg !== 'object' && typeof alg !== 'function')) {
      if (typeof alg === 'symbol') {
        throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Failed to normalize algorithm: passed algorithm is a Symbol and cannot be converted to a string.');
      }
      alg = { name: String(alg) };
    }
    if (alg.name === undefined) {
      // (WebIDL's Algorithm dictionary: its name member is required)
      throw I.nodeError(TypeError, 'ERR_MISSING_OPTION', "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' because 'name' is required in 'Algorithm'.");
    }
    const n = canonical[String(alg.name).toUpperCase()];
    if (n === undefined || !ops[op].includes(n)) {
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
    }
    if ((n === 'Ed448' || n === 'X448') && !warnedExperimental[n]) {
      warnedExperimental[n] = true;
      process.emitWarning(`The ${n} Web Crypto API algorithm is an experimental feature and might change at any time`, 'ExperimentalWarning');
    }
    const out = Object.assign({}, alg, { name: n });
    if (alg.hash !== undefined) out.hash = normalizeAlgorithm(alg.hash, 'digest');
    return out;
  }
  const warnedExperimental = { __proto__: null };

  const kNotBufferSource = 'is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.';
  const ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];
  function toBuffer(v) {
    if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    if (I.isAnyArrayBuffer(v)) return Buffer.from(v);
    return null;
  }
  // bufferSource converts the pos-th (1-based) argument of SubtleCrypto.name to a Buffer as WebIDL's BufferSource.
  // The bytes are copied, as node's jobs copy their input when the call is made: changing the
  // caller's buffer afterwards does not change the result.
  function bufferSource(v, name, pos) {
    if (!ArrayBuffer.isView(v) && !I.isAnyArrayBuffer(v)) {
      throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `Failed to execute '${name}' on 'SubtleCrypto': ${ordinals[pos - 1]} argument ${kNotBufferSource}`);
    }
    return I.binding.copyBuffer(v);
  }
  function missingMember(dict, m) {
    return I.nodeError(TypeError, 'ERR_MISSING_OPTION',
      `Failed to normalize algorithm: passed algorithm can not be converted to '${dict}' because '${m}' is required in '${dict}'.`);
  }
  // memberSource converts the BufferSource member m of the algorithm dictionary dict (undefined when optional and absent).
  function memberSource(alg, m, dict, optional) {
    const v = alg[m];
    if (v === undefined) {
      if (optional) return undefined;
      throw missingMember(dict, m);
    }
    const b = toBuffer(v);
    if (b === null) {
      throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `Failed to normalize algorithm: '${m}' of '${dict}' (passed algorithm) ${kNotBufferSource}`);
    }
    return b;
  }
  function copyAB(buf) {
    return I.binding.copyArrayBuffer(buf);
  }

  function checkUsages(usages, allowed, name, generating) {
    // (node's RSA key generation says 'a RSA key' whichever RSA algorithm it makes)
    if (generating && /^RSA/.test(name || '')) {
      for (const u of usages) {
        if (!allowed.includes(u)) throw lazyDOMException('Unsupported key usage for a RSA key', 'SyntaxError');
      }
      return;
    }
    const shown = name && name.startsWith('AES') ? 'AES' : name;
    const article = generating || /^(HMAC|AES|RSA)/.test(name || '') ? 'an' : 'a';
    for (const u of usages) {
      if (!allowed.includes(u)) throw lazyDOMException(`Unsupported key usage for ${article} ${shown} key`, 'SyntaxError');
    }
  }
  function needUsage(key, usage, op) {
    if (!key[kKeyUsages].includes(usage)) {
      throw lazyDOMException(`Unable to use this key to ${op}`, 'InvalidAccessError');
    }
  }

  // Runs fn and returns a promise settled with its result on a later turn, as Node's jobs do.
  // job settles a promise with fn's result as node's crypto job of async type `type` and class
  // `cls` (HASHREQUEST, HashJob...): made now, its work (fn) done as its completion, in its own
  // execution. noJob is for what node does in place (importing a key, a raw secret or JWK export).
  function job(type, cls, fn) {
    return new Promise((resolve, reject) => {
      I.binding.job(type, I.newJob(cls, () => {
        try { resolve(fn()); } catch (e) { reject(e); }
      }));
    });
  }
  function noJob(fn) {
    return new Promise((resolve, reject) => {
      try { resolve(fn()); } catch (e) { reject(e); }
    });
  }
  // the classes of node's key pair jobs, by the binding's key type
  const keyPairJobs = { __proto__: null, rsa: 'RsaKeyPairGenJob', ec: 'EcKeyPairGenJob' };
  // deriveJob is job for deriveBits of algorithm alg (PBKDF2Job, HKDFJob or ECDHBitsJob).
  function deriveJob(alg, fn) {
    if (alg.name === 'PBKDF2') return job('PBKDF2REQUEST', 'PBKDF2Job', fn);
    return job('DERIVEBITSREQUEST', alg.name === 'HKDF' ? 'HKDFJob' : 'ECDHBitsJob', fn);
  }
  // the class of node's job exporting an asymmetric key of algorithm name
  function exportJob(name) { return name.startsWith('RSA') ? 'RSAKeyExportJob' : 'ECKeyExportJob'; }
  const kKeyFormats = ['raw', 'spki', 'pkcs8', 'jwk'];
  const kKeyUsageEnum = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
  // argSpecs: per SubtleCrypto method, the number of required arguments and the WebIDL type of the
  // arguments converted here (1-based position): a KeyFormat enum, a CryptoKey, or a sequence<KeyUsage>.
  const argSpecs = {
    digest: [2, {}], generateKey: [3, { 3: 'usages' }], importKey: [5, { 1: 'format', 5: 'usages' }],
    exportKey: [2, { 1: 'format', 2: 'key' }], sign: [3, { 2: 'key' }], verify: [4, { 2: 'key' }],
    encrypt: [3, { 2: 'key' }], decrypt: [3, { 2: 'key' }], deriveBits: [2, { 2: 'key' }],
    deriveKey: [5, { 2: 'key', 5: 'usages' }], wrapKey: [4, { 1: 'format', 2: 'key', 3: 'key' }],
    unwrapKey: [7, { 1: 'format', 3: 'key', 7: 'usages' }],
  };
  function convertArgs(name, args) {
    const [required, types] = argSpecs[name];
    const prefix = `Failed to execute '${name}' on 'SubtleCrypto'`;
    if (args.length < required) {
      throw I.nodeError(TypeError, 'ERR_MISSING_ARGS',
        `${prefix}: ${required} argument${required === 1 ? '' : 's'} required, but only ${args.length} present.`);
    }
    for (const pos of Object.keys(types)) {
      const i = pos - 1, v = args[i], ord = ordinals[i];
      switch (types[pos]) {
        case 'format':
          if (typeof v === 'symbol' || !kKeyFormats.includes(String(v))) {
            throw I.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
              `${prefix}: ${ord} argument value '${typeof v === 'symbol' ? v.toString() : String(v)}' is not a valid enum value of type KeyFormat.`);
          }
          args[i] = String(v);
          break;
        case 'key':
          if (!(v instanceof CryptoKey)) {
            throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${prefix}: ${ord} argument is not of type CryptoKey.`);
          }
          break;
        case 'usages': {
          if (v === null || (typeof v !== 'object' && typeof v !== 'function') || typeof v[Symbol.iterator] !== 'function') {
            throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${prefix}: ${ord} argument can not be converted to sequence.`);
          }
          const out = [];
          for (const u of v) {
            const str = typeof u === 'symbol' ? u.toString() : String(u);
            if (!kKeyUsageEnum.includes(str)) {
              throw I.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                `${prefix}: ${ord} argument, index ${out.length} value '${str}' is not a valid enum value of type KeyUsage.`);
            }
            out.push(str);
          }
          args[i] = out;
          break;
        }
      }
    }
  }

  const secretUsages = {
    HMAC: ['sign', 'verify'], 'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], 'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    PBKDF2: ['deriveBits', 'deriveKey'], HKDF: ['deriveBits', 'deriveKey'], 'AES-KW': ['wrapKey', 'unwrapKey'],
  };
  const pairUsages = { // [public, private]
    'RSASSA-PKCS1-v1_5': [['verify'], ['sign']], 'RSA-PSS': [['verify'], ['sign']],
    'RSA-OAEP': [['encrypt', 'wrapKey'], ['decrypt', 'unwrapKey']], ECDSA: [['verify'], ['sign']],
    Ed25519: [['verify'], ['sign']], ECDH: [[], ['deriveKey', 'deriveBits']], X25519: [[], ['deriveKey', 'deriveBits']],
    Ed448: [['verify'], ['sign']], X448: [[], ['deriveKey', 'deriveBits']],
  };
  // The key type each asymmetric algorithm takes, and the raw size of the CFRG ones.
  const keyTypeOf = { 'RSASSA-PKCS1-v1_5': 'rsa', 'RSA-PSS': 'rsa', 'RSA-OAEP': 'rsa', ECDSA: 'ec', ECDH: 'ec',
    Ed25519: 'ed25519', X25519: 'x25519', Ed448: 'ed448', X448: 'x448' };
  const rawSize = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 };

  function usageFilter(usages, allowed) { return usages.filter((u) => allowed.includes(u)); }
  function usageUnion(usages, allowed) { return allowed.filter((u) => usages.includes(u)); }

  // validateKeyOps checks a JWK's key_ops: no known operation twice, and every requested usage listed.
  function validateKeyOps(keyOps, usages) {
    if (keyOps === undefined) return;
    if (!Array.isArray(keyOps)) {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    const seen = new Set();
    for (const op of keyOps) {
      if (!kKeyUsageEnum.includes(op)) continue;
      if (seen.has(op)) throw lazyDOMException('Duplicate key operation', 'DataError');
      seen.add(op);
    }
    for (const u of usages) {
      if (!keyOps.includes(u)) throw lazyDOMException('Key operations and usage mismatch', 'DataError');
    }
  }

  // WebIDL's [EnforceRange] unsigned integer of the given bits, as node's converters: the member
  // is truncated, and a BigInt, Symbol, non-finite or out-of-range value is a TypeError.
  function enforceRange(bits) {
    const max = 2 ** bits - 1;
    return (v, pre) => {
      if (typeof v === 'bigint') throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is a BigInt and cannot be converted to a number.`);
      if (typeof v === 'symbol') throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is a Symbol and cannot be converted to a number.`);
      let x = Number(v);
      if (!Number.isFinite(x)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is not a finite number.`);
      x = Math.trunc(x);
      if (x < 0 || x > max) throw I.nodeError(TypeError, 'ERR_OUT_OF_RANGE', `${pre}is outside the expected range of 0 to ${max}.`);
      return x;
    };
  }
  const octet = enforceRange(8);
  const unsignedShort = enforceRange(16);
  const unsignedLong = enforceRange(32);
  // WebIDL's BigInteger (a Uint8Array, a Buffer being one).
  function bigInteger(v, pre) {
    if (!ArrayBuffer.isView(v) || Object.prototype.toString.call(v) !== '[object Uint8Array]') {
      throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is not an Uint8Array object.`);
    }
    return v;
  }
  // convertMembers visits the members of an algorithm dictionary as WebIDL does, in name order:
  // each is [name, required, converter]; a present member is replaced by its converted value.
  function convertMembers(alg, dict, members) {
    for (const [m, required, convert] of members) {
      if (alg[m] === undefined) {
        if (required) throw missingMember(dict, m);
        continue;
      }
      if (convert) alg[m] = convert(alg[m], `Failed to normalize algorithm: '${m}' of '${dict}' (passed algorithm) `);
    }
  }

  // As node's bigIntArrayToUnsignedInt: undefined when a byte above the low four is set.
  function publicExponentValue(bytes) {
    let e = 0;
    for (let i = 0; i < bytes.length; i++) {
      const shift = bytes.length - i - 1;
      if (shift >= 4 && bytes[i]) return undefined;
      e |= bytes[i] << 8 * shift;
    }
    return e;
  }

  function requireMembers(alg, dict, members) {
    // WebIDL visits dictionary members in name order.
    for (const m of members.slice().sort()) {
      if (alg[m] === undefined) throw missingMember(dict, m);
    }
  }

  function generateKeyImpl(algorithm, extractable, keyUsages) {
    const alg = normalizeAlgorithm(algorithm, 'generateKey');
    let exponent;
    if (alg.name.startsWith('RSA')) {
      convertMembers(alg, 'RsaHashedKeyGenParams', [['hash', true], ['modulusLength', true, unsignedLong], ['publicExponent', true, bigInteger]]);
      exponent = publicExponentValue(alg.publicExponent);
      if (exponent === undefined) {
        throw lazyDOMException('The publicExponent must be equivalent to an unsigned 32-bit value', 'OperationError');
      }
    }
    if (alg.name.startsWith('AES')) convertMembers(alg, 'AesKeyGenParams', [['length', true, unsignedShort]]);
    if (alg.name === 'HMAC') convertMembers(alg, 'HmacKeyGenParams', [['hash', true], ['length', false, unsignedLong]]);
    if (alg.name === 'ECDSA' || alg.name === 'ECDH') requireMembers(alg, 'EcKeyGenParams', ['namedCurve']);
    const usages = Array.from(keyUsages);
    const name = alg.name;
    if (secretUsages[name]) {
      // node's order: the length's own checks, the usages, then generation (a bad HMAC length
      // fails there), and only then the check that some usage is left.
      let length, algo;
      if (name === 'HMAC') {
        length = alg.length === undefined ? hashBlock[alg.hash.name] : alg.length;
        if (length % 8) {
          throw I.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'algorithm.length' must be a multiple of 8. Received ${length}`);
        }
        checkUsages(usages, secretUsages[name], name, true);
        if (!(length >= 8 && length <= 2 ** 31 - 1)) {
          throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
        }
        algo = { name, length, hash: { name: alg.hash.name } };
      } else {
        if (![128, 192, 256].includes(alg.length)) {
          throw lazyDOMException('AES key length must be 128, 192, or 256 bits', 'OperationError');
        }
        checkUsages(usages, secretUsages[name], name, true);
        length = alg.length;
        algo = { name, length };
      }
      if (usages.length === 0) throw lazyDOMException('Usages cannot be empty when creating a key.', 'SyntaxError');
      const bytes = Buffer.alloc(length >> 3);
      I.binding.randomFill(bytes, 0, bytes.length);
      const ko = I.keyObjectFor(I.binding.keySecret(bytes));
      return job('KEYGENREQUEST', 'SecretKeyGenJob', () => makeKey(ko, algo, extractable, Array.from(new Set(usages))));
    }
    const [pubU, privU] = pairUsages[name];
    // An EC curve is checked before the usages; an empty set of private usages only after
    // generation, so a key generation failure comes first (node's order).
    if ((name === 'ECDSA' || name === 'ECDH') && !curves[alg.namedCurve]) {
      throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
    }
    checkUsages(usages, pubU.concat(privU), name, true);
    let type, bits = 0, curve = '', algo;
    switch (name) {
      case 'RSASSA-PKCS1-v1_5': case 'RSA-PSS': case 'RSA-OAEP': {
        type = 'rsa'; bits = alg.modulusLength;
        // (what OpenSSL refuses: an even exponent or one below 3; the binding reads 0 as 65537)
        if (exponent < 3 || exponent % 2 === 0) {
          return Promise.reject(lazyDOMException('The operation failed for an operation-specific reason', 'OperationError'));
        }
        algo = { name, modulusLength: bits, publicExponent: alg.publicExponent, hash: { name: alg.hash.name } };
        break;
      }
      case 'ECDSA': case 'ECDH':
        type = 'ec'; curve = curves[alg.namedCurve];
        if (!curve) throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
        algo = { name, namedCurve: alg.namedCurve };
        break;
      default:
        type = name.toLowerCase(); algo = { name };
    }
    // A generated pair's usages come in the algorithm's own order, each once (node's union).
    const privUsages = usageUnion(usages, privU);
    return new Promise((resolve, reject) => {
      I.binding.keyGenerate(type, bits, curve, I.newJob(keyPairJobs[type] || 'NidKeyPairGenJob', (err, pub, priv) => {
        if (err) return reject(lazyDOMException('The operation failed for an operation-specific reason', 'OperationError'));
        if (privUsages.length === 0) return reject(lazyDOMException('Usages cannot be empty when creating a key.', 'SyntaxError'));
        const publicKey = makeKey(I.keyObjectFor(pub), algo, true, usageUnion(usages, pubU));
        const privateKey = makeKey(I.keyObjectFor(priv), algo, extractable, privUsages);
        // A CryptoKeyPair is a null-prototype object; Node lists privateKey first for the CFRG curves.
        const cfrg = name === 'Ed25519' || name === 'Ed448' || name === 'X25519' || name === 'X448';
        resolve(cfrg ? { __proto__: null, privateKey, publicKey } : { __proto__: null, publicKey, privateKey });
      }), exponent);
    });
  }

  const jwkAlg = {
    HMAC: (a) => 'HS' + a.hash.name.slice(4), 'AES-GCM': (a) => `A${a.length}GCM`,
    'AES-CBC': (a) => `A${a.length}CBC`, 'AES-CTR': (a) => `A${a.length}CTR`, 'AES-KW': (a) => `A${a.length}KW`,
    'RSASSA-PKCS1-v1_5': (a) => 'RS' + a.hash.name.slice(4), 'RSA-PSS': (a) => 'PS' + a.hash.name.slice(4),
    'RSA-OAEP': (a) => (a.hash.name === 'SHA-1' ? 'RSA-OAEP' : 'RSA-OAEP-' + a.hash.name.slice(4)),
    Ed25519: () => 'Ed25519', Ed448: () => 'Ed448',
  };

  function exportKeyImpl(format, key) {
    if (!(key instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "key" argument must be an instance of CryptoKey.');
    if (!key[kExtractable]) throw lazyDOMException('key is not extractable', 'InvalidAccessException');
    const ko = key[kKeyObject];
    const alg = key[kAlgorithm];
    const h = ko[I.kHandle];
    switch (format) {
      case 'raw':
        if (ko.type === 'secret') return noJob(() => copyAB(I.binding.keySecretBytes(h)));
        if (ko.type === 'public' && ['ECDSA', 'ECDH', 'Ed25519', 'X25519', 'Ed448', 'X448'].includes(alg.name)) {
          return job('KEYEXPORTREQUEST', exportJob(alg.name), () => copyAB(I.binding.keyRaw(h)));
        }
        break;
      case 'spki':
        if (ko.type === 'public') return job('KEYEXPORTREQUEST', exportJob(alg.name), () => copyAB(I.binding.keyExport(h, 'der', 'spki')));
        break;
      case 'pkcs8':
        if (ko.type === 'private') return job('KEYEXPORTREQUEST', exportJob(alg.name), () => copyAB(I.binding.keyExport(h, 'der', 'pkcs8')));
        break;
      case 'jwk': {
        const jwk = { key_ops: key[kKeyUsages].slice(), ext: key[kExtractable] };
        let k;
        if (ko.type === 'secret') {
          k = { kty: 'oct', k: I.binding.keySecretBytes(h).toString('base64url') };
        } else {
          k = I.binding.keyExport(h, 'jwk');
        }
        Object.assign(jwk, k);
        if (jwkAlg[alg.name]) jwk.alg = jwkAlg[alg.name](alg);
        return noJob(() => jwk);
      }
      default:
        throw I.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'format' is invalid. Received '${format}'`);
    }
    // (node's spki export names the raw format in this message)
    throw lazyDOMException(`Unable to export a ${format === 'pkcs8' ? 'pkcs8' : 'raw'} ${alg.name} ${ko.type} key`, 'InvalidAccessError');
  }

  // A JWK's alg names a hash as node's normalizeHashName reads it (any case; SHA-x, RSx, PSx,
  // RSA-OAEP[-x], HSx); anything else stays itself, lower-cased.
  const jwkHashAlias = { __proto__: null };
  for (const b of ['1', '256', '384', '512']) {
    for (const a of [`sha${b}`, `sha-${b}`, `rs${b}`, `ps${b}`, b === '1' ? 'rsa-oaep' : `rsa-oaep-${b}`, `hs${b}`]) jwkHashAlias[a] = `SHA-${b}`;
  }

  // checkAsymmetricJwk checks a JWK for an RSA, EC or CFRG key as node's rsaImportKey, ecImportKey
  // and cfrgImportKey do, in their order, before the key is parsed; checkUse checks the usages
  // against the key's kind.
  function checkAsymmetricJwk(name, alg, keyData, usages, extractable, checkUse) {
    const family = name.startsWith('RSA') ? 'RSA' : name === 'ECDSA' || name === 'ECDH' ? 'EC' : 'OKP';
    if (!keyData.kty) throw lazyDOMException('Invalid keyData', 'DataError');
    if (keyData.kty !== family) throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
    if (family === 'EC' && keyData.crv !== alg.namedCurve) {
      throw lazyDOMException('JWK "crv" does not match the requested algorithm', 'DataError');
    }
    if (family === 'OKP' && keyData.crv !== name) {
      throw lazyDOMException('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
    }
    if (family !== 'OKP') checkUse();
    if (usages.length > 0 && keyData.use !== undefined) {
      const want = name === 'RSA-OAEP' || name === 'ECDH' || name === 'X25519' || name === 'X448' ? 'enc' : 'sig';
      if (keyData.use !== want) throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
    }
    validateKeyOps(keyData.key_ops, usages);
    if (keyData.ext === false && extractable === true) {
      throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
    }
    if (keyData.alg !== undefined) {
      let ok = true;
      if (family === 'RSA') {
        const a = typeof keyData.alg === 'string' ? keyData.alg.toLowerCase() : keyData.alg;
        ok = (jwkHashAlias[a] || a) === alg.hash.name;
      } else if (name === 'ECDSA') {
        ok = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[keyData.alg] === alg.namedCurve;
      } else if (name === 'Ed25519' || name === 'Ed448') {
        ok = keyData.alg === name || keyData.alg === 'EdDSA';
      }
      if (!ok) throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    if (family === 'OKP') {
      if (keyData.d !== undefined && typeof keyData.x !== 'string') throw lazyDOMException('Invalid JWK', 'DataError');
      checkUse();
    }
  }

  function importKeyImpl(format, keyData, algorithm, extractable, keyUsages) {
    if (format === 'raw' || format === 'spki' || format === 'pkcs8') keyData = bufferSource(keyData, 'importKey', 2);
    if (format === 'jwk') {
      // (WebIDL's JsonWebKey dictionary: null and undefined are an empty one)
      if (keyData == null) keyData = {};
      else if (typeof keyData !== 'object' && typeof keyData !== 'function') {
        throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', "Failed to execute 'importKey' on 'SubtleCrypto': 2nd argument can not be converted to a dictionary");
      }
    }
    const alg = normalizeAlgorithm(algorithm, 'importKey');
    if (alg.name === 'HMAC') convertMembers(alg, 'HmacImportParams', [['hash', true], ['length', false, unsignedLong]]);
    if (alg.name.startsWith('RSA')) requireMembers(alg, 'RsaHashedImportParams', ['hash']);
    if (alg.name === 'ECDSA' || alg.name === 'ECDH') requireMembers(alg, 'EcKeyImportParams', ['namedCurve']);
    const usages = Array.from(keyUsages);
    const name = alg.name;
    let ko, algo;
    if (secretUsages[name]) {
      const generic = name === 'PBKDF2' || name === 'HKDF';
      if (generic && extractable) throw lazyDOMException(`${name} keys are not extractable`, 'SyntaxError');
      checkUsages(usages, secretUsages[name], name);
      let bytes;
      if (format === 'raw') bytes = bufferSource(keyData, 'importKey', 2);
      else if (format === 'jwk' && name !== 'PBKDF2' && name !== 'HKDF') {
        // (node checks kty, use, key_ops and ext before its handle reads k)
        if (!keyData || !keyData.kty) throw lazyDOMException('Invalid keyData', 'DataError');
        if (keyData.kty !== 'oct') throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
        if (usages.length > 0 && keyData.use !== undefined && keyData.use !== (name === 'HMAC' ? 'sig' : 'enc')) {
          throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
        }
        validateKeyOps(keyData.key_ops, usages);
        if (keyData.ext === false && extractable === true) {
          throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
        }
        if (keyData.k === undefined) throw lazyDOMException('Invalid keyData', 'DataError');
        bytes = Buffer.from(String(keyData.k), 'base64url');
      } else if (name === 'HMAC') {
        // (node's HMAC import names no DOMException name here)
        throw lazyDOMException(`Unable to import HMAC key with format ${format}`);
      } else {
        throw lazyDOMException(`Unable to import ${generic ? name : 'AES'} key with format ${format}`, 'NotSupportedError');
      }
      if (name === 'HMAC') {
        // (node 20 refuses an empty raw key; a JWK's empty "k" makes a key of length 0, which
        // sign and verify then fail with OperationError)
        if (format === 'raw' && bytes.length === 0) throw lazyDOMException('Zero-length key is not supported', 'DataError');
        if (format === 'raw' && alg.length !== undefined) {
          if (alg.length === 0) throw lazyDOMException('Zero-length key is not supported', 'DataError');
          if (alg.length !== bytes.length * 8) throw lazyDOMException('Invalid key length', 'DataError');
        }
        algo = { name, hash: { name: alg.hash.name }, length: bytes.length * 8 };
        if (format === 'jwk' && keyData.alg !== undefined && keyData.alg !== jwkAlg.HMAC(algo)) {
          throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
        }
      } else if (generic) {
        algo = { name };
      } else {
        if (![16, 24, 32].includes(bytes.length)) throw lazyDOMException('Invalid key length', 'DataError');
        algo = { name, length: bytes.length * 8 };
        if (format === 'jwk' && keyData.alg !== undefined && keyData.alg !== `A${algo.length}${name.slice(4)}`) {
          throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
        }
      }
      ko = I.keyObjectFor(I.binding.keySecret(bytes));
    } else {
      // (node's RSA import knows no raw format; its EC import checks the curve first)
      if (name.startsWith('RSA') && format === 'raw') {
        throw lazyDOMException(`Unable to import RSA key with format ${format}`, 'NotSupportedError');
      }
      if ((name === 'ECDSA' || name === 'ECDH') && curves[alg.namedCurve] === undefined) {
        throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
      }
      const [pubU, privU] = pairUsages[name];
      const isPrivate = format === 'pkcs8' || (format === 'jwk' && keyData.d !== undefined);
      const checkUse = () => checkUsages(usages, isPrivate ? privU : pubU, name);
      if (format === 'jwk') checkAsymmetricJwk(name, alg, keyData, usages, extractable, checkUse);
      else checkUse();
      let h;
      try {
        switch (format) {
          case 'spki': h = I.binding.keyParse(bufferSource(keyData, 'importKey', 2), 'der', 'spki', 'public'); break;
          case 'pkcs8': h = I.binding.keyParse(bufferSource(keyData, 'importKey', 2), 'der', 'pkcs8', 'private'); break;
          case 'jwk':
            h = I.binding.keyImportJWK(JSON.stringify(keyData), keyData.d !== undefined);
            break;
          case 'raw': {
            const kind = name === 'ECDSA' || name === 'ECDH' ? 'ec' : name.toLowerCase();
            if (rawSize[name] !== undefined && keyData.byteLength !== rawSize[name]) {
              throw lazyDOMException(`${name} raw keys must be exactly ${rawSize[name]}-bytes`, 'DataError');
            }
            h = I.binding.keyFromRaw(kind, curves[alg.namedCurve] || '', bufferSource(keyData, 'importKey', 2));
            if (h === undefined) throw new Error('bad');
            break;
          }
          default:
            throw lazyDOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
        }
      } catch (e) {
        if (e && (e.name === 'NotSupportedError' || e.name === 'DataError')) throw e;
        throw lazyDOMException('Invalid keyData', 'DataError');
      }
      ko = I.keyObjectFor(h);
      if (ko.asymmetricKeyType !== keyTypeOf[name]) throw lazyDOMException('Invalid key type', 'DataError');
      switch (name) {
        case 'RSASSA-PKCS1-v1_5': case 'RSA-PSS': case 'RSA-OAEP': {
          const d = ko.asymmetricKeyDetails;
          // the key's own exponent, big-endian in as few bytes as it takes
          const e = [];
          for (let v = BigInt(d.publicExponent); v > 0n; v >>= 8n) e.unshift(Number(v & 0xffn));
          algo = { name, modulusLength: d.modulusLength, publicExponent: new Uint8Array(e), hash: { name: alg.hash.name } };
          break;
        }
        case 'ECDSA': case 'ECDH':
          if ((format === 'spki' || format === 'pkcs8') && ko.asymmetricKeyType === 'ec' &&
              ko.asymmetricKeyDetails.namedCurve !== curves[alg.namedCurve]) {
            throw lazyDOMException('Named curve mismatch', 'DataError');
          }
          algo = { name, namedCurve: alg.namedCurve };
          break;
        default:
          algo = { name };
      }
    }
    if ((ko.type === 'secret' || ko.type === 'private') && usages.length === 0) {
      throw lazyDOMException(`Usages cannot be empty when importing a ${ko.type} key.`, 'SyntaxError');
    }
    return noJob(() => makeKey(ko, algo, extractable, usages));
  }

  function signVerify(op, algorithm, key, signature, data) {
    const alg = normalizeAlgorithm(algorithm, op);
    if (alg.name === 'ECDSA') requireMembers(alg, 'EcdsaParams', ['hash']);
    if (alg.name === 'RSA-PSS') convertMembers(alg, 'RsaPssParams', [['saltLength', true, unsignedLong]]);
    if (alg.name === 'Ed448') convertMembers(alg, 'Ed448Params', [['context', false, bufferSourceMember]]);
    if (!(key instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "key" argument must be an instance of CryptoKey.');
    if (op === 'verify') signature = bufferSource(signature, op, 3);
    data = bufferSource(data, op, op === 'verify' ? 4 : 3);
    if (alg.name !== key[kAlgorithm].name) throw lazyDOMException(`Unable to use this key to ${op}`, 'InvalidAccessError');
    needUsage(key, op, op);
    if (alg.name === 'Ed448' && alg.context !== undefined && alg.context.byteLength) {
      // (node 20's Ed448 takes no context yet)
      throw lazyDOMException('Non zero-length context is not yet supported.', 'NotSupportedError');
    }
    const h = key[kKeyObject][I.kHandle];
    const kalg = key[kAlgorithm];
    return job('SIGNREQUEST', alg.name === 'HMAC' ? 'HmacJob' : 'SignJob', () => {
      switch (alg.name) {
        case 'HMAC': {
          const secret = I.binding.keySecretBytes(h);
          // (a key of length 0, which a JWK can make, fails in node's HMAC job)
          if (secret.length === 0) throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
          const mac = I.binding.hmacNew(hashNames[kalg.hash.name], secret);
          I.binding.hashUpdate(mac, data);
          const d = I.binding.hashDigest(mac);
          if (op === 'sign') return copyAB(d);
          return d.length === signature.length && I.binding.timingSafeEqual(d, signature);
        }
        default: {
          let digest = '', padding = 0, salt = -2, p1363 = false;
          if (alg.name === 'ECDSA') { digest = hashNames[alg.hash.name]; p1363 = true; }
          if (alg.name.startsWith('RSA')) digest = hashNames[kalg.hash.name];
          if (alg.name === 'RSA-PSS') { padding = 6; salt = alg.saltLength; }
          if (op === 'sign') {
            try {
              return copyAB(I.binding.sign(h, digest, data, padding, salt, p1363, false));
            } catch {
              // (a PSS salt too long for the key)
              throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
            }
          }
          return I.binding.verify(h, digest, data, signature, padding, salt, p1363, false);
        }
      }
    });
  }

  // A BufferSource member, as node's converter: checked, kept as given.
  function bufferSourceMember(v, pre) {
    if (toBuffer(v) === null) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}${kNotBufferSource}`);
    return v;
  }
  // cipherParams converts a cipher's parameters as node's WebIDL dictionaries, before the key is
  // looked at.
  function cipherParams(alg) {
    switch (alg.name) {
      case 'AES-GCM':
        convertMembers(alg, 'AesGcmParams', [['additionalData', false, bufferSourceMember], ['iv', true, bufferSourceMember], ['tagLength', false, octet]]);
        break;
      case 'AES-CBC':
        convertMembers(alg, 'AesCbcParams', [['iv', true, bufferSourceMember]]);
        break;
      case 'AES-CTR':
        convertMembers(alg, 'AesCtrParams', [['counter', true, bufferSourceMember], ['length', true, octet]]);
        break;
      case 'RSA-OAEP':
        convertMembers(alg, 'RsaOaepParams', [['label', false, bufferSourceMember]]);
        break;
    }
    return alg;
  }

  function cipherOp(op, algorithm, key, data, usage = op) {
    const alg = cipherParams(normalizeAlgorithm(algorithm, usage === op ? op : usage));
    if (!(key instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "key" argument must be an instance of CryptoKey.');
    data = bufferSource(data, op, 3);
    // as node's cipherOrWrap: one message for a key of another algorithm or without the usage
    if (alg.name !== key[kAlgorithm].name || !key[kKeyUsages].includes(usage)) {
      throw lazyDOMException('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
    const h = key[kKeyObject][I.kHandle];
    const enc = op === 'encrypt';
    return job('CIPHERREQUEST', alg.name === 'RSA-OAEP' ? 'RSACipherJob' : 'AESCipherJob', () => {
      if (alg.name === 'AES-KW') {
        const r = I.binding.aesKeyWrap(I.binding.keySecretBytes(h), data, enc);
        if (r === null) throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
        return copyAB(r);
      }
      if (alg.name === 'RSA-OAEP') {
        const label = alg.label === undefined ? undefined : memberSource(alg, 'label', 'RsaOaepParams', true);
        try {
          return copyAB(I.binding.rsaCrypt(h, data, 4, hashNames[key[kAlgorithm].hash.name], label, enc ? 'publicEncrypt' : 'privateDecrypt'));
        } catch {
          throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
        }
      }
      const bits = key[kAlgorithm].length;
      const secret = I.binding.keySecretBytes(h);
      let name, iv, tagLen = 16;
      switch (alg.name) {
        case 'AES-GCM':
          name = `aes-${bits}-gcm`; iv = memberSource(alg, 'iv', 'AesGcmParams');
          if (alg.tagLength !== undefined) {
            if (![32, 64, 96, 104, 112, 120, 128].includes(alg.tagLength)) {
              throw lazyDOMException(`${alg.tagLength} is not a valid AES-GCM tag length`, 'OperationError');
            }
            tagLen = alg.tagLength / 8;
          }
          break;
        case 'AES-CBC':
          name = `aes-${bits}-cbc`; iv = memberSource(alg, 'iv', 'AesCbcParams');
          if (iv.length !== 16) throw lazyDOMException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
          break;
        case 'AES-CTR':
          iv = memberSource(alg, 'counter', 'AesCtrParams');
          requireMembers(alg, 'AesCtrParams', ['length']);
          name = `aes-${bits}-ctr`;
          if (iv.length !== 16) throw lazyDOMException('algorithm.counter must contain exactly 16 bytes', 'OperationError');
          if (alg.length === 0 || alg.length > 128) {
            throw lazyDOMException('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
          }
          break;
      }
      // (node 20's job fails on a GCM IV shorter than 12 bytes, which createCipheriv takes)
      if (alg.name === 'AES-GCM' && iv.length < 12) {
        throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
      }
      let c;
      try {
        c = I.binding.cipherNew(name, enc, secret, iv, alg.name === 'AES-GCM' ? tagLen : 0);
      } catch {
        // (an IV the cipher refuses, as an empty GCM one: node's job fails)
        throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
      }
      if (alg.name === 'AES-GCM') {
        if (alg.additionalData !== undefined) I.binding.cipherSetAAD(c, memberSource(alg, 'additionalData', 'AesGcmParams'));
        if (enc) {
          const out = Buffer.concat([I.binding.cipherUpdate(c, data), I.binding.cipherFinal(c), I.binding.cipherGetAuthTag(c)]);
          return copyAB(out);
        }
        if (data.length < tagLen) throw lazyDOMException('The provided data is too small.', 'OperationError');
        I.binding.cipherSetAuthTag(c, data.subarray(data.length - tagLen));
        try {
          return copyAB(Buffer.concat([I.binding.cipherUpdate(c, data.subarray(0, data.length - tagLen)), I.binding.cipherFinal(c)]));
        } catch {
          throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
        }
      }
      if (alg.name === 'AES-CTR' && alg.length < 128) return copyAB(ctrWrapping(name, enc, secret, iv, alg.length, data, c));
      try {
        return copyAB(Buffer.concat([I.binding.cipherUpdate(c, data), I.binding.cipherFinal(c)]));
      } catch {
        throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
      }
    });
  }

  // ctrWrapping is AES-CTR whose counter is the block's low `length` bits, as node's job runs it:
  // more blocks than counter values fail; a counter that would pass its last value goes on from the
  // block with those bits zeroed (c is the cipher from iv).
  function ctrWrapping(name, enc, secret, iv, length, data, c) {
    const counters = 1n << BigInt(length);
    const blocks = BigInt(Math.ceil(data.length / 16));
    if (blocks > counters) throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
    const current = BigInt('0x' + Buffer.from(iv).toString('hex')) & (counters - 1n);
    const left = counters - current;
    if (left >= blocks) return I.binding.cipherUpdate(c, data);
    const n = Number(left) * 16;
    const zeroed = Buffer.from(iv);
    for (let bit = 0; bit < length; bit++) zeroed[15 - (bit >> 3)] &= ~(1 << (bit & 7));
    const c2 = I.binding.cipherNew(name, enc, secret, zeroed, 0);
    return Buffer.concat([I.binding.cipherUpdate(c, data.subarray(0, n)), I.binding.cipherUpdate(c2, data.subarray(n))]);
  }

  // deriveParams checks the members of a derivation's parameters as node's WebIDL dictionaries
  // do (in name order), before the key is looked at.
  function deriveParams(alg) {
    switch (alg.name) {
      case 'HKDF':
        requireMembers(alg, 'HkdfParams', ['hash']);
        memberSource(alg, 'info', 'HkdfParams');
        memberSource(alg, 'salt', 'HkdfParams');
        break;
      case 'PBKDF2':
        convertMembers(alg, 'Pbkdf2Params', [['hash', true], ['iterations', true, unsignedLong]]);
        memberSource(alg, 'salt', 'Pbkdf2Params');
        break;
      case 'ECDH': case 'X25519': case 'X448':
        requireMembers(alg, 'EcdhKeyDeriveParams', ['public']);
        if (!(alg.public instanceof CryptoKey)) {
          throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
            "Failed to normalize algorithm: 'public' of 'EcdhKeyDeriveParams' (passed algorithm) is not of type CryptoKey.");
        }
        break;
    }
    return alg;
  }

  // needBaseKey checks a derivation's base key as node's deriveBits and deriveKey do: its usage
  // first, then its algorithm.
  function needBaseKey(key, alg, usage) {
    if (!key[kKeyUsages].includes(usage)) {
      throw lazyDOMException(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
    }
    if (alg.name !== key[kAlgorithm].name) throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
  }

  // derived runs a KDF as node's deriveBits does: any failure (a length past the KDF's limit, or a
  // negative one) is an OperationError.
  function derived(kdf, length) {
    if (length < 0) throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
    try {
      return kdf();
    } catch {
      throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
    }
  }

  // WebIDL's unsigned long without [EnforceRange], as node converts deriveBits' length: a
  // non-finite value is 0, others are truncated and wrapped as node's converter does.
  function unsignedLongWrap(v, pre) {
    if (typeof v === 'bigint') throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is a BigInt and cannot be converted to a number.`);
    if (typeof v === 'symbol') throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${pre}is a Symbol and cannot be converted to a number.`);
    let x = Number(v);
    if (!Number.isFinite(x) || x === 0) return 0;
    x = Math.trunc(x);
    if (x >= 0 && x <= 2 ** 32 - 1) return x;
    return x % 2 ** 32;
  }

  function deriveBitsSync(alg, key, length) {
    const h = key[kKeyObject][I.kHandle];
    switch (alg.name) {
      case 'PBKDF2': {
        const salt = memberSource(alg, 'salt', 'Pbkdf2Params');
        if (alg.iterations === 0) throw lazyDOMException('iterations cannot be zero', 'OperationError');
        if (length == null) throw lazyDOMException('length cannot be null', 'OperationError');
        if (length % 8) throw lazyDOMException('length must be a multiple of 8', 'OperationError');
        return derived(() => I.binding.pbkdf2(I.binding.keySecretBytes(h), salt, alg.iterations, length / 8, hashNames[alg.hash.name], null), length);
      }
      case 'HKDF': {
        const info = memberSource(alg, 'info', 'HkdfParams');
        const salt = memberSource(alg, 'salt', 'HkdfParams');
        if (length == null) throw lazyDOMException('length cannot be null', 'OperationError');
        if (length % 8) throw lazyDOMException('length must be a multiple of 8', 'OperationError');
        return derived(() => I.binding.hkdf(hashNames[alg.hash.name], I.binding.keySecretBytes(h), salt, info, length / 8, null), length);
      }
      case 'ECDH': case 'X25519': case 'X448': {
        const pub = alg.public;
        if (!(pub instanceof CryptoKey) || pub.type !== 'public') throw lazyDOMException('algorithm.public must be a public key', 'InvalidAccessError');
        if (key.type !== 'private') throw lazyDOMException('baseKey must be a private key', 'InvalidAccessError');
        const pubName = pub[kAlgorithm].name;
        if (pubName !== 'ECDH' && pubName !== 'X25519' && pubName !== 'X448') {
          throw lazyDOMException('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
        }
        if (pubName !== key[kAlgorithm].name) throw lazyDOMException('The public and private keys must be of the same type', 'InvalidAccessError');
        if (pubName === 'ECDH' && pub[kAlgorithm].namedCurve !== key[kAlgorithm].namedCurve) {
          throw lazyDOMException('Named curve mismatch', 'InvalidAccessError');
        }
        const s = I.binding.diffieHellman(h, pub[kKeyObject][I.kHandle]);
        if (length == null) return copyAB(s);
        if (length > s.length * 8) throw lazyDOMException('derived bit length is too small', 'OperationError');
        const out = Buffer.from(s.subarray(0, Math.ceil(length / 8)));
        if (length % 8) out[out.length - 1] &= (0xff << (8 - (length % 8))) & 0xff;
        return copyAB(out);
      }
    }
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }

  const subtleMethods = {
    digest(algorithm, data) {
      // node converts the data (WebIDL) before it normalizes the algorithm, so a bad data argument
      // is reported first
      data = bufferSource(data, 'digest', 2);
      const alg = normalizeAlgorithm(algorithm, 'digest');
      return job('HASHREQUEST', 'HashJob', () => copyAB(I.binding.hashOnce(hashNames[alg.name], data)));
    },
    generateKey: generateKeyImpl,
    importKey: importKeyImpl,
    exportKey: exportKeyImpl,
    sign(algorithm, key, data) { return signVerify('sign', algorithm, key, undefined, data); },
    verify(algorithm, key, signature, data) { return signVerify('verify', algorithm, key, signature, data); },
    encrypt(algorithm, key, data) { return cipherOp('encrypt', algorithm, key, data); },
    decrypt(algorithm, key, data) { return cipherOp('decrypt', algorithm, key, data); },
    wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      if (!(wrappingKey instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "wrappingKey" argument must be an instance of CryptoKey.');
      const wrapName = normalizeAlgorithm(wrapAlgorithm, 'wrapKey').name;
      return exportKeyImpl(format, key).then((exported) => {
        let bytes = exported;
        if (format === 'jwk') {
          // as node's: AES-KW wraps a JWK padded with spaces to a multiple of 8 bytes
          let raw = JSON.stringify(exported);
          if (wrapName === 'AES-KW' && raw.length % 8 !== 0) raw += ' '.repeat(8 - (raw.length % 8));
          bytes = Buffer.from(raw);
        }
        return cipherOp('encrypt', wrapAlgorithm, wrappingKey, bytes, 'wrapKey');
      });
    },
    unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgo, unwrappedKeyAlgo, extractable, keyUsages) {
      wrappedKey = bufferSource(wrappedKey, 'unwrapKey', 2);
      if (!(unwrappingKey instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "unwrappingKey" argument must be an instance of CryptoKey.');
      normalizeAlgorithm(unwrapAlgo, 'unwrapKey');
      return cipherOp('decrypt', unwrapAlgo, unwrappingKey, wrappedKey, 'unwrapKey').then((bytes) => {
        let keyData = bytes;
        if (format === 'jwk') {
          try {
            keyData = JSON.parse(Buffer.from(bytes).toString());
          } catch {
            throw lazyDOMException('Invalid wrapped JWK key', 'DataError');
          }
        }
        return importKeyImpl(format, keyData, unwrappedKeyAlgo, extractable, keyUsages);
      });
    },
    deriveBits(algorithm, baseKey, length) {
      if (!(baseKey instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "baseKey" argument must be an instance of CryptoKey.');
      if (length === undefined) length = null;
      if (length !== null) length = unsignedLongWrap(length, "Failed to execute 'deriveBits' on 'SubtleCrypto': 3rd argument ");
      const alg = deriveParams(normalizeAlgorithm(algorithm, 'deriveBits'));
      needBaseKey(baseKey, alg, 'deriveBits');
      return deriveJob(alg, () => deriveBitsSync(alg, baseKey, length));
    },
    deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
      if (!(baseKey instanceof CryptoKey)) throw I.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "baseKey" argument must be an instance of CryptoKey.');
      const alg = deriveParams(normalizeAlgorithm(algorithm, 'deriveBits'));
      // (as node's: the derived key's algorithm is normalized for importKey, the base key
      // checked, and then the algorithm normalized again for its length)
      const ik = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
      if (ik.name === 'HMAC') requireMembers(ik, 'HmacImportParams', ['hash']);
      if (ik.name.startsWith('RSA')) requireMembers(ik, 'RsaHashedImportParams', ['hash']);
      if (ik.name === 'ECDSA' || ik.name === 'ECDH') requireMembers(ik, 'EcKeyImportParams', ['namedCurve']);
      needBaseKey(baseKey, alg, 'deriveKey');
      const dk = normalizeAlgorithm(derivedKeyAlgorithm, 'get');
      let length;
      if (dk.name === 'HMAC') {
        convertMembers(dk, 'HmacImportParams', [['hash', true], ['length', false, unsignedLong]]);
        length = dk.length === undefined ? hashBlock[dk.hash.name] : dk.length;
        if (length === 0) throw lazyDOMException('Invalid key length', 'OperationError');
      }
      else if (dk.name.startsWith('AES')) {
        convertMembers(dk, 'AesDerivedKeyParams', [['length', true, unsignedShort]]);
        if (![128, 192, 256].includes(dk.length)) throw lazyDOMException('Invalid key length', 'OperationError');
        length = dk.length;
      } else length = null;
      return deriveJob(alg, () => deriveBitsSync(alg, baseKey, length))
        .then((bits) => importKeyImpl('raw', bits, derivedKeyAlgorithm, extractable, keyUsages));
    },
  };

  return { convertArgs, subtleMethods };
})
