'use strict';
// Argument validators with Node's messages.
// the error classes are made on first use (codes builds each on first read)
const { codes } = require('internal/errors');

function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}
function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new codes.ERR_OUT_OF_RANGE(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}
const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1;
const kValidateObjectAllowArray = 2;
const kValidateObjectAllowFunction = 4;
function validateObject(value, name, options = kValidateObjectNone) {
  if (typeof options === 'object' && options !== null) {
    options = (options.nullable ? kValidateObjectAllowNullable : 0) |
      (options.allowArray ? kValidateObjectAllowArray : 0) |
      (options.allowFunction ? kValidateObjectAllowFunction : 0);
  }
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value) || typeof value !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
    return;
  }
  if ((!(options & kValidateObjectAllowNullable) && value === null) ||
      (!(options & kValidateObjectAllowArray) && Array.isArray(value)) ||
      (typeof value !== 'object' && (!(options & kValidateObjectAllowFunction) || typeof value !== 'function'))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}
function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength) throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
}
function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be one of: ' + allowed);
  }
}
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}
function validateEncoding(data, encoding) {
  const normalizedEncoding = String(encoding).toLowerCase();
  const length = data.length;
  if (normalizedEncoding === 'hex' && length % 2 !== 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${length}`);
  }
}
function validatePort(port, name = 'Port', allowZero = true) {
  const { codes: { ERR_SOCKET_BAD_PORT } } = require('internal/errors');
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}
const validateCallback = (cb) => validateFunction(cb, 'callback');


// The rest of node 20's internal/validators, which its own tests call (--expose-internals).
const isInt32 = (value) => value === (value | 0);
const isUint32 = (value) => value === (value >>> 0);
const kValidateObjectAllowObjects = kValidateObjectAllowArray | kValidateObjectAllowFunction;
const kValidateObjectAllowObjectsAndNull = kValidateObjectAllowObjects | kValidateObjectAllowNullable;
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}
function eachOf(validate) {
  return function(value, name) {
    validateArray(value, name);
    for (let i = 0; i < value.length; i++) validate(value[i], `${name}[${i}]`);
  };
}
const validateStringArray = eachOf(validateString);
const validateBooleanArray = eachOf(validateBoolean);
const validateAbortSignalArray = eachOf(validateAbortSignal);
function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}
function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
  }
}
function validateFiniteNumber(number, name) {
  // true for a finite number, false for undefined or NaN; anything else throws
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new codes.ERR_OUT_OF_RANGE(name, 'a finite number', number);
}
function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!validateFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  return number;
}
function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !(fieldKey in object)) {
    throw new codes.ERR_INVALID_ARG_TYPE('this', className, object);
  }
}
const linkFormat = 'must be an array or string of format "</styles.css>; rel=preload; as=style"';
const linkValue = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
function validateLinkHeaderValue(hints) {
  const check = (link) => {
    if (typeof link === 'undefined' || !linkValue.test(link)) throw new codes.ERR_INVALID_ARG_VALUE('hints', link, linkFormat);
  };
  if (typeof hints === 'string') {
    check(hints);
    return hints;
  }
  if (Array.isArray(hints)) {
    hints.forEach(check);
    return hints.join(', ');
  }
  throw new codes.ERR_INVALID_ARG_VALUE('hints', hints, linkFormat);
}
function validatePlainFunction(value, name) {
  if (typeof value !== 'function' || require('util').types.isAsyncFunction(value)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
}
function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  const { signals } = require('os').constants;
  if (signals[signal] === undefined) {
    if (signals[signal.toUpperCase()] !== undefined) {
      throw new codes.ERR_UNKNOWN_SIGNAL(`${signal} (signals must use all capital letters)`);
    }
    throw new codes.ERR_UNKNOWN_SIGNAL(signal);
  }
}
function validateUndefined(value, name) {
  if (value !== undefined) throw new codes.ERR_INVALID_ARG_TYPE(name, 'undefined', value);
}
function validateUnion(value, name, union) {
  if (!union.includes(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
}

module.exports = {
  validateString, validateNumber, validateInteger, validateInt32, validateUint32,
  validateFunction, validateBoolean, validateObject, validateArray, validateOneOf,
  validateAbortSignal, validateEncoding, validatePort, validateCallback,
  kValidateObjectNone, kValidateObjectAllowNullable, kValidateObjectAllowArray, kValidateObjectAllowFunction,
  isInt32, isUint32, kValidateObjectAllowObjects, kValidateObjectAllowObjectsAndNull, parseFileMode,
  validateStringArray, validateBooleanArray, validateAbortSignalArray, validateBuffer, validateDictionary,
  validateFiniteNumber, checkRangesOrGetDefault, validateInternalField, validateLinkHeaderValue,
  validatePlainFunction, validateSignalName, validateUndefined, validateUnion,
};
