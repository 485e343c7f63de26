'use strict';
// querystring: parse/escape/unescape are Go (binding); stringify walks objects here.

function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');
  if (typeof s !== 'string') return unescapeBufferOf(Buffer, s, decodeSpaces);
  return Buffer.from(binding.unescapeBytes(s, !!decodeSpaces));
}

// unescapeBufferOf decodes what is not a string as node's loop does: s.length sizes the
// buffer (its checks throw: null, a symbol or an object without a length) and bounds the
// walk over String(s)'s units, a unit past its end counting as 0.
function unescapeBufferOf(Buffer, s, decodeSpaces) {
  const len = s.length;
  Buffer.allocUnsafe(len);
  let str = `${s}`;
  if (str.length > len) str = str.slice(0, len);
  else if (str.length < len) str += '\u0000'.repeat(len - str.length);
  return Buffer.from(binding.unescapeBytes(str, !!decodeSpaces));
}

function qsUnescape(s, decodeSpaces) {
  if (typeof s === 'string') return binding.unescape(s, !!decodeSpaces);
  // node tries decodeURIComponent first, then the byte decoder on what it refused
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return binding.escape(str);
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && isFinite(v)) {
    // 1e21 and up print with a '+', which needs escaping
    return Math.abs(v) < 1e21 ? '' + v : encode('' + v);
  }
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeStringified : encodeStringifiedCustom;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = Object.keys(obj);
  const fields = [];
  for (let i = 0; i < keys.length; ++i) {
    const k = keys[i];
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; ++j) fields.push(ks + convert(v[j], encode));
    } else {
      fields.push(ks + convert(v, encode));
    }
  }
  // (node concatenates sep between fields only: a Symbol separator fails only between two)
  return fields.length > 1 ? fields.join(sep) : fields.length === 1 ? fields[0] : '';
}

// parse is Go (binding.parse), options included.
const parse = binding.parse;

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
binding.setup(module.exports, qsUnescape);
