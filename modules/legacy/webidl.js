'use strict';
// internal/webidl, for node's own tests (--expose-internals): WebIDL's ConvertToInt
// (https://webidl.spec.whatwg.org/#abstract-opdef-converttoint) with node's errors, its
// even rounding, and the DOMString converter.

const { codes } = require('internal/errors');

// evenRound rounds x to the nearest integer, a half to the even one, and never gives -0.
function evenRound(x) {
  const whole = Math.trunc(x) + 0;
  const frac = Math.abs(x % 1);
  const away = whole + Math.sign(whole);
  let r;
  if (frac === 0.5) r = whole % 2 === 0 ? whole : away;
  else r = frac < 0.5 ? whole : away;
  return r === 0 ? 0 : r;
}

// 2 ** n without the float power where a shift gives it (n < 31)
const twoTo = (n) => (n < 31 ? 1 << n : 2 ** n);

// convertToInt(name, value, bitLength, { signed, enforceRange, clamp }) is the WebIDL integer
// type of bitLength bits (64: the safe integers) that value converts to.
function convertToInt(name, value, bitLength, options = {}) {
  const { signed = false, enforceRange = false, clamp = false } = options;
  let lower;
  let upper;
  if (bitLength === 64) {
    upper = Number.MAX_SAFE_INTEGER;
    lower = signed ? Number.MIN_SAFE_INTEGER : 0;
  } else if (signed) {
    lower = -twoTo(bitLength - 1);
    upper = twoTo(bitLength - 1) - 1;
  } else {
    lower = 0;
    upper = twoTo(bitLength) - 1;
  }
  let x = +value;
  if (x === 0) x = 0;
  if (enforceRange) {
    if (!Number.isFinite(x)) throw new codes.ERR_INVALID_ARG_VALUE(name, x);
    x = Math.trunc(x);
    if (x < lower || x > upper) throw new codes.ERR_INVALID_ARG_VALUE(name, x);
    return x;
  }
  if (clamp && !Number.isNaN(x)) return evenRound(Math.min(Math.max(x, lower), upper));
  if (!Number.isFinite(x) || x === 0) return 0;
  // (node's "x modulo 2^bitLength" is JavaScript's remainder: it keeps x's sign, so an unsigned
  // conversion of -1 gives -1 in node 20, not the spec's 2^bitLength - 1)
  const modulus = twoTo(bitLength);
  x = Math.trunc(x) % modulus;
  if (x === 0) return 0;
  if (signed && x >= twoTo(bitLength - 1)) return x - modulus;
  return x;
}

const converters = { __proto__: null };
converters.DOMString = function DOMString(V) {
  if (typeof V === 'symbol') throw new codes.ERR_INVALID_ARG_VALUE('value', V);
  return String(V);
};

module.exports = { convertToInt, evenRound, converters };
