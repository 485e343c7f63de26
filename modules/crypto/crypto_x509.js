// ---- X509Certificate and Certificate (SPKAC) --------------------------------------------------------
// A part of crypto's glue, compiled on its first use (parts.go): crypto.js calls it with the
// names of crypto.js (and of the parts it needs) that it uses.
(function makeX509({
  require, binding, Buffer, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, isAnyArrayBuffer,
  isKeyObject, isView, keyObjectFor, kHandle, lazyProto, validateBoolean, validateObject,
  validateString,
}) {

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
        throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer); // at: x509:113:13 | 7 |       throw new ERR_INVALID_ARG_TYPE(
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
    // (two declared parameters, as node's: its length is 2; util.inspect passes inspect third)
    [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
      if (depth < 0) return this;
      const opts = Object.assign({}, options, { depth: options.depth == null ? null : options.depth - 1 });
      const inspect = arguments[2] || require('util').inspect;
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
      if (!(isKeyObject(pkey))) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
      if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
      return binding.x509CheckPrivateKey(this[kHandle], pkey[kHandle]);
    }
    verify(pkey) {
      if (!(isKeyObject(pkey))) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
      if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
      return binding.x509Verify(this[kHandle], pkey[kHandle]);
    }
    toLegacyObject() {
      return binding.x509Legacy(this[kHandle]);
    }
  }
  // An X509Certificate clones as node's JSTransferable: a certificate parsed again from its DER,
  // once structured cloning loads (nothing can be cloned before).
  lazyProto.whenLoaded('internal/structured_clone', () => {
    const sc = require('internal/structured_clone');
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

  return { Certificate, X509Certificate };
})
