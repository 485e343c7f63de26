'use strict';
// Glue for internal/encoding: WHATWG TextEncoder and TextDecoder (utf-8, utf-16le, utf-16be, the
// latin1 / windows-1252 labels and the legacy encodings Node 20's ICU knows, decoded as Node 20
// does) and DOMException.

const customInspect = Symbol.for('nodejs.util.inspect.custom');

// (the stack starts at the function that threw, as node's: makeError leaves itself out, see
// runtime/errorstack.go's hiddenFramesEnd)
function makeError(Ctor, code, message) {
  return binding.makeError(Ctor, code, message);
}

// ---- DOMException ----------------------------------------------------------------------------

const legacyCodes = {
  IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4,
  InvalidCharacterError: 5, NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8,
  NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, ValidationError: 16,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

const kName = Symbol('name');
const kMessage = Symbol('message');

let DOMException;
try {
  DOMException = require('internal/event_target').DOMException;
} catch (e) {
  // Without the web events module, use the small class below.
}
if (typeof DOMException !== 'function') {
  DOMException = class DOMException extends Error {
    constructor(message = '', options = 'Error') {
      super();
      let name = 'Error';
      if (options !== null && typeof options === 'object') {
        if ('cause' in options) {
          Object.defineProperty(this, 'cause', {
            __proto__: null, value: options.cause, configurable: true, writable: true, enumerable: false,
          });
        }
        if ('name' in options) name = `${options.name}`;
      } else {
        name = `${options}`;
      }
      this[kName] = name;
      this[kMessage] = `${message}`;
      // Error.captureStackTrace is not in goja; rebuild the first line of the stack.
      const stack = this.stack;
      if (typeof stack === 'string') {
        const nl = stack.indexOf('\n');
        Object.defineProperty(this, 'stack', {
          __proto__: null, configurable: true, writable: true, enumerable: false,
          value: name + (this[kMessage] ? ': ' + this[kMessage] : '') + (nl >= 0 ? stack.slice(nl) : ''),
        });
      }
    }

    get name() {
      return this[kName];
    }

    get message() {
      return this[kMessage];
    }

    get code() {
      return legacyCodes[this[kName]] || 0;
    }

    get [Symbol.toStringTag]() {
      return 'DOMException';
    }
  };
  for (const k of Object.keys(legacyCodes)) {
    const constName = k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
    const desc = { __proto__: null, value: legacyCodes[k], enumerable: true, writable: false, configurable: false };
    Object.defineProperty(DOMException, constName, { __proto__: null, ...desc });
    Object.defineProperty(DOMException.prototype, constName, { __proto__: null, ...desc });
  }
}

// ---- TextEncoder -----------------------------------------------------------------------------

const kEncoder = Symbol('kEncoder');

function invalidThis(type) {
  return makeError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type);
}

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true) throw invalidThis('TextEncoder');
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return new Uint8Array(binding.encodeUtf8(`${input}`));
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    if (typeof src !== 'string') throw binding.invalidArgType('src', ['string'], src);
    if (!(dest instanceof Uint8Array)) throw binding.invalidArgType('dest', ['Uint8Array'], dest);
    return binding.encodeInto(src, dest, {});
  }

  [customInspect](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    try {
      return require('util').inspect({ encoding: 'utf-8' }, opts);
    } catch (e) {
      return "{ encoding: 'utf-8' }";
    }
  }
}

// ---- TextDecoder -----------------------------------------------------------------------------

const labels = {};
function addLabels(enc, list) {
  for (const l of list) labels[l] = enc;
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
  'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1',
  'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);
// The legacy encodings Node 20 (ICU) decodes, with its labels; Go decodes them by name.
for (const [enc, list] of [
  ['ibm866', ['866', 'cp866', 'csibm866', 'ibm866']],
  ['iso-8859-2', ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2', 'l2', 'latin2']],
  ['iso-8859-3', ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3', 'l3', 'latin3']],
  ['iso-8859-4', ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4', 'l4', 'latin4']],
  ['iso-8859-5', ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595', 'iso_8859-5']],
  ['iso-8859-6', ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114', 'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6']],
  ['iso-8859-7', ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7', 'sun_eu_greek']],
  ['iso-8859-8', ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8', 'visual']],
  ['iso-8859-8-i', ['csiso88598i', 'iso-8859-8-i', 'logical']],
  ['iso-8859-10', ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6']],
  ['iso-8859-13', ['iso-8859-13', 'iso8859-13', 'iso885913']],
  ['iso-8859-14', ['iso-8859-14', 'iso8859-14', 'iso885914']],
  ['iso-8859-15', ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9']],
  ['koi8-r', ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r']],
  ['koi8-u', ['koi8-ru', 'koi8-u']],
  ['macintosh', ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman']],
  ['windows-874', ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874']],
  ['windows-1250', ['cp1250', 'windows-1250', 'x-cp1250']],
  ['windows-1251', ['cp1251', 'windows-1251', 'x-cp1251']],
  ['windows-1253', ['cp1253', 'windows-1253', 'x-cp1253']],
  ['windows-1254', ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9', 'l5', 'latin5', 'windows-1254', 'x-cp1254']],
  ['windows-1255', ['cp1255', 'windows-1255', 'x-cp1255']],
  ['windows-1256', ['cp1256', 'windows-1256', 'x-cp1256']],
  ['windows-1257', ['cp1257', 'windows-1257', 'x-cp1257']],
  ['windows-1258', ['cp1258', 'windows-1258', 'x-cp1258']],
  ['x-mac-cyrillic', ['x-mac-cyrillic', 'x-mac-ukrainian']],
  ['gbk', ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk']],
  ['gb18030', ['gb18030']],
  ['big5', ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5']],
  ['euc-jp', ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp']],
  ['iso-2022-jp', ['csiso2022jp', 'iso-2022-jp']],
  ['shift_jis', ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis']],
  ['euc-kr', ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949']],
]) addLabels(enc, list);
// (encodings node knows the labels of but ICU does not decode: the name in its error is theirs)
addLabels('replacement', ['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement']);
addLabels('x-user-defined', ['x-user-defined']);
const decoderIds = { 'utf-8': 0, 'utf-16le': 1, 'utf-16be': 2, 'windows-1252': 3 };

// A decoder's own symbols, in node's order and with its descriptions: kDecoder (true), kFlags
// (node's converter flags: 2 fatal, 4 ignoreBOM), kEncoding, kIgnoreBOM, kFatal, the two fast
// path flags, kHandle (the Go decoder's handle).
const kDecoder = Symbol('decoder');
const kFlags = Symbol('flags');
const kEncoding = Symbol('encoding');
const kFatal = Symbol('kFatal');
const kIgnoreBOM = Symbol('kIgnoreBOM');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kLatin1FastPath = Symbol('kLatin1FastPath');
const kHandle = Symbol('handle');

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true) throw invalidThis('TextDecoder');
}

function trimLabel(s) {
  return s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
}

// kEmptyOptions stand for omitted options, as node's kEmptyObject: no prototype, so nothing is
// read from Object.prototype.
const kEmptyOptions = Object.freeze({ __proto__: null });

class TextDecoder {
  constructor(encoding = 'utf-8', options = kEmptyOptions) {
    encoding = `${encoding}`;
    if (options !== null && options !== undefined && typeof options !== 'object' && typeof options !== 'function') {
      throw binding.invalidArgType('options', ['object'], options);
    }
    const enc = labels[trimLabel(encoding)];
    if (enc === undefined) {
      throw makeError('RangeError', 'ERR_ENCODING_NOT_SUPPORTED', 'The "' + encoding + '" encoding is not supported'); // at: encoding:409:15
    }
    // As node's: the decoder's flags come from one read of fatal and ignoreBOM, the fatal and
    // ignoreBOM getters' values from a second (ignoreBOM, then fatal).
    const fatal = Boolean(options && options.fatal);
    const ignoreBOM = Boolean(options && options.ignoreBOM);
    const id = decoderIds[enc];
    const handle = binding.newDecoder(id === undefined ? enc : id, fatal, ignoreBOM);
    if (handle === undefined) {
      throw makeError('RangeError', 'ERR_ENCODING_NOT_SUPPORTED', 'The "' + enc + '" encoding is not supported'); // at: #prepareConverter@encoding:436:15, encoding:428:31 | 9 |         throw new ERR_ENCODING_NOT_SUPPORTED(this[kEncoding]);
    }
    this[kDecoder] = true;
    this[kFlags] = (fatal ? 2 : 0) | (ignoreBOM ? 4 : 0);
    this[kEncoding] = enc;
    this[kIgnoreBOM] = Boolean(options && options.ignoreBOM);
    this[kFatal] = Boolean(options && options.fatal);
    this[kUTF8FastPath] = enc === 'utf-8';
    this[kLatin1FastPath] = enc === 'windows-1252';
    this[kHandle] = handle;
  }

  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  }

  get fatal() {
    validateDecoder(this);
    return this[kFatal];
  }

  get ignoreBOM() {
    validateDecoder(this);
    return this[kIgnoreBOM];
  }

  decode(input = undefined, options = kEmptyOptions) {
    validateDecoder(this);
    // Node's paths: a utf-8 or windows-1252 decoder that has never been asked to stream takes a
    // one-shot fast path (which ignores options and words a bad input its own way); a call
    // with a truthy options.stream leaves it for good (each flag still set reads the option
    // once, and is written back, as node's `&&=`). Every other call validates options (null
    // allowed, and then nothing is flushed), reads options.stream again and names the input.
    if (this[kUTF8FastPath]) this[kUTF8FastPath] = !(options === null ? undefined : options.stream);
    if (this[kLatin1FastPath]) this[kLatin1FastPath] = !(options === null ? undefined : options.stream);
    const utf8 = this[kUTF8FastPath];
    const latin1 = !utf8 && this[kLatin1FastPath];
    const fast = utf8 || latin1;
    let stream = false;
    if (!fast) {
      if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
        throw binding.invalidArgType('options', ['object'], options);
      }
      stream = options === null || Boolean(options.stream);
    }
    if (input !== undefined && !ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer) &&
        !(typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
      // node's C++ decoders throw it (THROW_ERR_INVALID_ARG_TYPE): no [CODE] in its name,
      // toString() or stack, code an own property
      const err = new TypeError(latin1 ?
        'The "input" argument must be an instance of ArrayBuffer, SharedArrayBuffer, or ArrayBufferView.' :
        'The "' + (utf8 ? 'list' : 'input') +
        '" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const r = binding.decodeWith(this[kHandle], input, stream);
    if (r === undefined) {
      throw decodeFailed(new TypeError('The encoded data was not valid for encoding ' + this[kEncoding]));
    }
    return r;
  }

  [customInspect](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const s = "TextDecoder { encoding: '" + this[kEncoding] + "', fatal: " + this[kFatal] +
      ', ignoreBOM: ' + this[kIgnoreBOM] + ' }';
    return s;
  }
}

// The error of a fatal decoder given bad data (node's C++ decoder throws it: no [CODE] in its
// name), made in a function named decode so that its stack and excerpt start at node's frame.
function decodeFailed(err) {
  err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
  return err;
}

if (typeof binding.makeDecode === 'function') {
  const slow = TextDecoder.prototype.decode;
  // (named decode and called on the decoder: the frame the error's stack starts at)
  const failed = function decode() {
    throw decodeFailed(new TypeError('The encoded data was not valid for encoding ' + this[kEncoding]));
  };
  TextDecoder.prototype.decode = binding.makeDecode(slow, failed, kHandle, kUTF8FastPath, kLatin1FastPath);
}

for (const [C, order] of [[TextEncoder, ['encoding', 'encode', 'encodeInto']],
  [TextDecoder, ['decode', 'encoding', 'fatal', 'ignoreBOM']]]) {
  const descs = {};
  for (const k of order) {
    descs[k] = Object.getOwnPropertyDescriptor(C.prototype, k);
    delete C.prototype[k];
  }
  for (const k of order) {
    const d = descs[k];
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, { __proto__: null, ...d });
  }
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
}

module.exports = { TextEncoder, TextDecoder, DOMException };
