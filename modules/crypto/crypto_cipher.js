// ---- Cipheriv, Decipheriv, the legacy Cipher and Decipher, getCipherInfo ----------------------------
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeCiphers({
  require, binding, atNativeSite, Buffer, createHash, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_INVALID_STATE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, getArrayBufferOrView,
  isAnyArrayBuffer, isCryptoKey, isKeyObject, isStreamLoaded, isView, kHandle, kKeyObject,
  LazyTransform, nativeError, nodeError, validateEncoding, validateInt32, validateObject,
  validateString,
}) {

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
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return binding.keySecretBytes(key[kHandle]);
    }
    if (isCryptoKey(key)) return binding.keySecretBytes(key[kKeyObject][kHandle]);
    if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
      throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key); // at: prepareSecretKey@keys:595:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
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
    validateString(cipher, 'cipher'); // at: *.createCipherWithIV@cipher:136:3
    const encoding = options && options.encoding;
    key = prepareCipherKey(key, encoding); // at: *.createCipherWithIV@cipher:138:9
    if (iv !== null) {
      if (typeof iv === 'string') iv = Buffer.from(iv, encoding);
      else if (!isView(iv) && !isAnyArrayBuffer(iv)) {
        throw new ERR_INVALID_ARG_TYPE('iv', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], iv); // at: *.createCipherWithIV@cipher:139:29 | validator
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
    binding.cipherInit(self, cipher, !decipher, key, iv, authTagLength, options, isStreamLoaded());
  }

  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    createCipherBase(this, cipher, key, options, false, iv); // at: cipher:243:3
  }

  const cipherUpdate = function update(data, inputEncoding, outputEncoding) {
    if (typeof data === 'string') {
      validateEncoding(data, inputEncoding);
    } else if (!isView(data)) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    // (the state, as node's, is the handle's: undefined once final() has run)
    const ret = binding.cipherUpdate(this[kHandle], data, inputEncoding);
    if (ret === undefined) throw new Error('Trying to add data in unsupported state'); // at: cipher:181:29 | 29 |   const ret = this[kHandle].update(data, inputEncoding);
    if (outputEncoding && outputEncoding !== 'buffer') {
      this._decoder = getDecoder(this._decoder, outputEncoding);
      return this._decoder.write(ret);
    }
    return ret;
  };
  const cipherFinal = function final(outputEncoding) {
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
  };
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
  const cipherTransform = function _transform(chunk, encoding, callback) {
    // (as node's, an error here is thrown out of write(): only _flush passes its error on)
    const ret = binding.cipherUpdate(this[kHandle], chunk, encoding);
    if (ret === undefined) throw new Error('Trying to add data in unsupported state');
    this.push(ret);
    callback();
  };
  const cipherFlush = function _flush(callback) {
    try { this.push(this.final()); } catch (e) { return callback(e); }
    callback();
  };

  Object.assign(Cipheriv.prototype, {
    _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
    setAutoPadding, getAuthTag, setAAD,
  });

  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    createCipherBase(this, cipher, key, options, true, iv); // at: cipher:289:3
  }
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
  function Decipher(cipher, password, options) {
    if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
    legacyCipherInit.call(this, cipher, password, options, true);
  }
  Object.assign(Cipher.prototype, {
    _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
    setAutoPadding, getAuthTag, setAAD,
  });
  Object.assign(Decipher.prototype, {
    _transform: cipherTransform, _flush: cipherFlush, update: cipherUpdate, final: cipherFinal,
    setAutoPadding, setAuthTag, setAAD,
  });
  // (the classes extend LazyTransform once their methods are set: assigning them with a chain that
  // reaches the stand-in for stream, outside a built-in's loading, would load stream)
  Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Cipheriv, LazyTransform);
  Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Decipheriv, LazyTransform);
  Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Cipher, LazyTransform);
  Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Decipher, LazyTransform);

  function createCipheriv(cipher, key, iv, options) {
    try {
      return new Cipheriv(cipher, key, iv, options); // at: crypto:147:10
    } catch (e) {
      throw atNativeSite(e, 'createCipheriv');
    }
  }
  function createDecipheriv(cipher, key, iv, options) {
    try {
      return new Decipheriv(cipher, key, iv, options); // at: crypto:155:10
    } catch (e) {
      throw atNativeSite(e, 'createDecipheriv');
    }
  }


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

  return { Cipher, Cipheriv, Decipher, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo };
})
