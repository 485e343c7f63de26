'use strict';
// RFC 3492 Punycode with the punycode.js API.

if (require('internal/options').getOptionValue('--pending-deprecation')) {
  process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.',
    'DeprecationWarning', 'DEP0040');
}

const delimiter = '-';

const messages = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function fail(kind) {
  throw new RangeError(messages[kind]);
}

// ucs2decode turns a string into code points, pairing surrogates where they pair.
function ucs2decode(string) {
  const out = [];
  for (let i = 0; i < string.length; i++) {
    const c = string.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < string.length) {
      const d = string.charCodeAt(i + 1);
      if ((d & 0xFC00) === 0xDC00) {
        out.push(((c & 0x3FF) << 10) + (d & 0x3FF) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

function ucs2encode(codePoints) {
  const parts = [];
  for (let i = 0; i < codePoints.length; i += 4096) {
    parts.push(String.fromCodePoint.apply(null, codePoints.slice(i, i + 4096)));
  }
  return parts.join('');
}

function decode(input) {
  let basic = -1;
  if (typeof input !== 'string') {
    // (read as punycode.js reads its input: a non-string fails as it does there, and an object
    // that has these methods is read through them)
    const len = input.length;
    basic = input.lastIndexOf(delimiter);
    let units = '';
    for (let j = 0; j < len; j++) units += String.fromCharCode(input.charCodeAt(j));
    input = units;
  }
  const points = binding.decode(input, basic);
  if (typeof points === 'string') fail(points);
  return ucs2encode(points);
}


// unitsOf reads a non-string as punycode.js's ucs2decode reads it (and fails as it does there).
function unitsOf(string) {
  const len = string.length;
  let units = '';
  for (let j = 0; j < len; j++) units += String.fromCharCode(string.charCodeAt(j));
  return units;
}

function encode(input) {
  const out = binding.encode(typeof input === 'string' ? input : unitsOf(input));
  if (out === false) fail('overflow');
  return out;
}

// mapDomain applies fn to each label of a domain; an e-mail address keeps its local part (and,
// as punycode.js does, only what follows the first '@').
function mapDomain(domain, fn) {
  const parts = domain.split('@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = parts[0] + '@';
    domain = parts[1];
  }
  domain = domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.');
  return prefix + domain.split('.').map(fn).join('.');
}

function toUnicode(input) {
  return mapDomain(input, (label) => (/^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label));
}

function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ? 'xn--' + encode(label) : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
