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

module.exports = {
  validateString, validateNumber, validateInteger, validateInt32, validateUint32,
  validateFunction, validateBoolean, validateObject, validateArray, validateOneOf,
  validateAbortSignal, validateEncoding, validatePort, validateCallback,
  kValidateObjectNone, kValidateObjectAllowNullable, kValidateObjectAllowArray, kValidateObjectAllowFunction,
};
