// ---- pbkdf2, scrypt and hkdf ------------------------------------------------------------------------
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeKDF({
  require, binding, atNativeSite, Buffer, ERR_CRYPTO_INVALID_DIGEST,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, getArrayBufferOrView,
  getFips, isAnyArrayBuffer, isCryptoKey, isKeyObject, isLegacyDigest, isView, kDerivingFailed,
  kEvpUnsupported, kHandle, kKeyObject, nativeError, newJob, nodeError, validateFunction,
  validateInt32, validateInteger, validateString, validateUint32, xofSize,
}) {

  // bytesOrUtf8 is getArrayBufferOrView for a string read as UTF-8: the string goes to the
  // binding as it is, which encodes it as Buffer.from(string) would.
  function bytesOrUtf8(buffer, name) {
    return typeof buffer === 'string' ? buffer : getArrayBufferOrView(buffer, name);
  }
  function pbkdf2Check(password, salt, iterations, keylen, digest) {
    validateString(digest, 'digest'); // at: check@pbkdf2:82:3
    password = bytesOrUtf8(password, 'password'); // at: check@pbkdf2:84:14
    salt = bytesOrUtf8(salt, 'salt'); // at: check@pbkdf2:85:10
    validateInt32(iterations, 'iterations', 1); // at: check@pbkdf2:88:3
    validateInt32(keylen, 'keylen', 0); // at: check@pbkdf2:89:3
    const xof = xofSize(digest) !== undefined;
    if (!xof && binding.hashSize(digest) < 0 && !isLegacyDigest(digest)) throw ERR_CRYPTO_INVALID_DIGEST(digest);
    return { password, salt, iterations, keylen, digest, xof };
  }
  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === 'function') { callback = digest; digest = undefined; }
    let a;
    try {
      a = pbkdf2Check(password, salt, iterations, keylen, digest); // at: pbkdf2:40:5
    } catch (e) {
      throw atNativeSite(e, 'pbkdf2');
    }
    validateFunction(callback, 'callback'); // at: pbkdf2:42:3
    if (getFips() || isLegacyDigest(a.digest) || a.xof) {
      const err = new Error(a.xof && !getFips() ? kDerivingFailed : kEvpUnsupported);
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
      a = pbkdf2Check(password, salt, iterations, keylen, digest); // at: pbkdf2:64:5
    } catch (e) {
      throw atNativeSite(e, 'pbkdf2Sync');
    }
    if (getFips() || isLegacyDigest(a.digest) || a.xof) {
      binding.jobInit('PBKDF2REQUEST', 'PBKDF2Job');
      throw new Error(a.xof && !getFips() ? kDerivingFailed : kEvpUnsupported);
    }
    return binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, undefined, true);
  }

  const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
  function scryptCheck(password, salt, keylen, options) {
    password = bytesOrUtf8(password, 'password'); // at: check@scrypt:83:14
    salt = bytesOrUtf8(salt, 'salt'); // at: check@scrypt:84:10
    validateInt32(keylen, 'keylen', 0); // at: check@scrypt:85:3
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
    if (getFips()) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', `Invalid scrypt params: ${kEvpUnsupported}`);
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
    let a;
    try {
      a = scryptCheck(password, salt, keylen, options); // at: scrypt:46:13
    } catch (e) {
      throw atNativeSite(e, 'scrypt');
    }
    validateFunction(callback, 'callback'); // at: scrypt:50:3
    binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, newJob('ScryptJob', function (err, buf) {
      if (err) return callback.call(this, err);
      callback.call(this, null, buf); // job:scrypt
    }), true);
  }
  function scryptSync(password, salt, keylen, options = scryptDefaults) {
    let a;
    try {
      a = scryptCheck(password, salt, keylen, options); // at: scrypt:66:13
    } catch (e) {
      throw atNativeSite(e, 'scryptSync');
    }
    return binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, undefined, true);
  }

  function prepareHkdfKey(key) {
    if (isKeyObject(key)) {
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
    const a = hkdfCheck(hash, key, salt, info, length); // at: hkdf:109:7
    validateFunction(callback, 'callback'); // at: hkdf:111:3
    if (getFips() || isLegacyDigest(a.hash) || a.xof) {
      const err = new Error(a.xof && !getFips() ? kDerivingFailed : kEvpUnsupported);
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
      a = hkdfCheck(hash, key, salt, info, length); // at: hkdf:130:7
    } catch (e) {
      throw atNativeSite(e, 'hkdfSync');
    }
    if (getFips() || isLegacyDigest(a.hash) || a.xof) {
      binding.jobInit('DERIVEBITSREQUEST', 'HKDFJob');
      const err = new Error(a.xof && !getFips() ? kDerivingFailed : kEvpUnsupported);
      if (getFips()) err.opensslErrorStack = [kEvpUnsupported];
      throw err;
    }
    return binding.hkdf(a.hash, a.key, a.salt, a.info, a.length);
  }

  return { hkdf, hkdfSync, pbkdf2, pbkdf2Sync, scrypt, scryptSync };
})
