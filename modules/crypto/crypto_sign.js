// ---- Sign, Verify, sign, verify and the RSA encryption functions ------------------------------------
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeSign({
  require, binding, atNativeSite, ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE, EventEmitter, getArrayBufferOrView, getFips, isAnyArrayBuffer, isJwkInput,
  isLegacyDigest, isView, kEvpInitError, kEvpKeytype, kEvpUnsupported, kHandle, lazyProto,
  namedHandle, nativeError, newJob, nodeError, osslError, prepareAsymmetricKey, stream,
  unsupportedDigest, validateEncoding, validateFunction, validateString, xofSize,
}) {

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
    validateString(algorithm, 'algorithm'); // at: sig:58:3
    const h = binding.hashNew(algorithm);
    if (h === undefined) throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError) : ERR_CRYPTO_INVALID_DIGEST();
    if (getFips()) throw unsupportedDigest(kEvpInitError);
    this[kHandle] = namedHandle(h, 'Sign');
    stream().Writable.call(this, options);
  }
  Sign.prototype._write = function _write(chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  };
  Sign.prototype.update = function update(data, encoding) {
    if (typeof data === 'string') validateEncoding(data, encoding);
    else if (!isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data); // at: sig:77:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
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
    if (!options) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign'); // at: sig:123:11 | 5 |     throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
    let key;
    try {
      key = prepareAsymmetricKey(options, 'private'); // at: preparePrivateKey@keys:573:10, sig:125:46
    } catch (e) {
      throw isJwkInput(options) ? e : atNativeSite(e, 'Sign.sign', this);
    }
    const padding = getPadding(options), salt = getSaltLength(options), dsa = getDSA(options);
    noStreamingEdDSA(key);
    const alg = signNotFinal(this);
    if (getFips()) throw osslError(...kEvpKeytype);
    const digest = binding.hashDigest(this[kHandle]);
    const sig = binding.sign(key, alg, digest, rsaSignPadding(key, padding, false), salt, dsa, true);
    return encoding && encoding !== 'buffer' ? sig.toString(encoding) : sig;
  };

  function Verify(algorithm, options) {
    if (!(this instanceof Verify)) return new Verify(algorithm, options);
    validateString(algorithm, 'algorithm');
    const h = binding.hashNew(algorithm);
    if (h === undefined) throw isLegacyDigest(algorithm) ? unsupportedDigest(kEvpInitError) : ERR_CRYPTO_INVALID_DIGEST();
    if (getFips()) throw unsupportedDigest(kEvpInitError);
    this[kHandle] = namedHandle(h, 'Verify');
    stream().Writable.call(this, options);
  }
  Verify.prototype._write = Sign.prototype._write;
  Verify.prototype.update = Sign.prototype.update;
  Verify.prototype.verify = function verify(options, signature, sigEncoding) {
    let key;
    try {
      key = prepareAsymmetricKey(options, 'public'); // at: preparePublicOrPrivateKey@keys:577:10, sig:219:7
    } catch (e) {
      throw isJwkInput(options) ? e : atNativeSite(e, 'Verify.verify', this);
    }
    const padding = getPadding(options), salt = getSaltLength(options), dsa = getDSA(options);
    noStreamingEdDSA(key);
    signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
    const alg = signNotFinal(this);
    if (getFips()) throw osslError(...kEvpKeytype);
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
      return new Sign(algorithm, options); // at: crypto:175:10
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
    data = getArrayBufferOrView(data, 'data'); // at: sig:150:10
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
      if (getFips() && (algorithm == null || binding.canonicalHash(algorithm) !== '')) throw osslError(...kEvpKeytype);
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
      throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature); // at: sig:259:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
    }
    let h;
    try {
      h = prepareAsymmetricKey(key, 'public');
    } catch (e) {
      throw isJwkInput(key) ? e : atNativeSite(e, 'verify');
    }
    let r, err = null;
    try {
      if (getFips() && (algorithm == null || binding.canonicalHash(algorithm) !== '')) throw osslError(...kEvpKeytype);
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
    return (options, buffer) => {
      try {
        // (node's frame is its rsaFunctionFor's, at the key's preparation, a line of its own for each kind)
        return kind === 'private' ? rsaCrypt(op, kind, defaultPadding, options, buffer) // at: cipher:69:9
          : rsaCrypt(op, kind, defaultPadding, options, buffer); // at: cipher:70:9
      } catch (e) {
        throw isJwkInput(options) ? e : atNativeSite(e, op);
      }
    };
  }
  function rsaCrypt(op, kind, defaultPadding, options, buffer) {
    {
      const h = kind === 'private' ? prepareAsymmetricKey(options, kind) // at: preparePrivateKey@keys:573:10
        : prepareAsymmetricKey(options, kind); // at: preparePublicOrPrivateKey@keys:577:10
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
        // (node's C++ throws it: a code property, none in the name, at the binding's call)
        throw nativeError(TypeError, 'ERR_INVALID_ARG_VALUE',
          'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809');
      }
      if (getFips()) throw osslError(...kEvpKeytype);
      return binding.rsaCrypt(h, buffer, padding, oaepHash, label, op);
    }
  }
  const publicEncrypt = rsaCipher('publicEncrypt', 'public', RSA_PKCS1_OAEP_PADDING);
  const privateDecrypt = rsaCipher('privateDecrypt', 'private', RSA_PKCS1_OAEP_PADDING);


  function rsaSignCipher(op, kind) {
    return (options, buffer) => {
      try {
        const h = prepareAsymmetricKey(options, kind);
        const padding = ((options && options.padding) || RSA_PKCS1_PADDING) >>> 0;
        buffer = getArrayBufferOrView(buffer, 'buffer', options && options.encoding);
        if (getFips()) throw osslError(...kEvpKeytype);
        return binding.rsaCrypt(h, buffer, padding, '', undefined, op);
      } catch (e) {
        throw isJwkInput(options) ? e : atNativeSite(e, op);
      }
    };
  }
  const privateEncrypt = rsaSignCipher('privateEncrypt', 'private');
  const publicDecrypt = rsaSignCipher('publicDecrypt', 'public');

  return { Sign, Verify, createSign, createVerify, privateDecrypt, privateEncrypt, publicDecrypt,
    publicEncrypt, signOneShot, verifyOneShot };
})
