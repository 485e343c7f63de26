'use strict';
// internal/util: node's grab bag of helpers, for node's own tests (--expose-internals), made of
// the public modules: the same names, arguments, results and errors as node 20's.

const util = require('util');
const { codes } = require('internal/errors');

const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const customPromisifyArgs = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');
// (node's: the native encoding enum's numbers, by the names string_decoder's binding lists)
const encodingsMap = { __proto__: null };
['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url']
  .forEach((e, i) => { encodingsMap[e] = i; });

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  // node's: exact spellings first, then once more lower-cased
  for (let lowered = false; ; lowered = true) {
    switch (enc.length) {
      case 4:
        if (enc === 'UTF8' || enc === 'utf8') return 'utf8';
        if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
        break;
      case 3:
        if (enc === 'hex' || enc === 'HEX') return 'hex';
        break;
      case 5:
        if (enc === 'ascii') return 'ascii';
        if (enc === 'ucs-2') return 'utf16le';
        if (enc === 'UTF-8' || enc === 'utf-8') return 'utf8';
        if (enc === 'ASCII') return 'ascii';
        if (enc === 'UCS-2') return 'utf16le';
        break;
      case 6:
        if (enc === 'base64') return 'base64';
        if (enc === 'latin1' || enc === 'binary') return 'latin1';
        if (enc === 'BASE64') return 'base64';
        if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
        break;
      case 7:
        if (enc === 'utf16le' || enc === 'UTF16LE') return 'utf16le';
        break;
      case 8:
        if (enc === 'utf-16le' || enc === 'UTF-16LE') return 'utf16le';
        break;
      case 9:
        if (enc === 'base64url' || enc === 'BASE64URL') return 'base64url';
        break;
      default:
        // (node lower-cases within the cases of a known length only)
        return enc === '' ? 'utf8' : undefined;
    }
    if (lowered) return undefined;
    enc = `${enc}`.toLowerCase();
  }
}

// createClassWrapper(type) is a function that constructs type with or without new (a subclass's
// new.target kept), named and sized as type, whose prototype is type's.
function createClassWrapper(type) {
  function fn(...args) {
    return Reflect.construct(type, args, new.target || type);
  }
  Object.defineProperties(fn, {
    name: { __proto__: null, value: type.name },
    length: { __proto__: null, value: type.length },
  });
  Object.setPrototypeOf(fn, type);
  fn.prototype = type.prototype;
  return fn;
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature, messagePrefix) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  const msg = `${feature} is an experimental feature and might change at any time`;
  process.emitWarning(messagePrefix ? `${messagePrefix}${msg}` : msg, 'ExperimentalWarning');
}

function convertToValidSignal(signal) {
  const { signals } = require('os').constants;
  if (typeof signal === 'number' && Object.values(signals).includes(signal)) return signal;
  if (typeof signal === 'string') {
    const n = signals[signal.toUpperCase()];
    if (n) return n;
  }
  throw new codes.ERR_UNKNOWN_SIGNAL(signal);
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.toLowerCase();
    if (low) map.set(key, key);
    else map.set(key, item);
  }
  return [...map.values()].sort();
}

function filterOwnProperties(source, keys) {
  const filtered = { __proto__: null };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (Object.prototype.hasOwnProperty.call(source, key)) filtered[key] = source[key];
  }
  return filtered;
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value, writable: true,
  });
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, { __proto__: null, writable: true, value });
    }
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      mod ??= require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set };
  }
  Object.defineProperties(target, descriptors);
}

function exposeInterface(target, name, interfaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true, value: interfaceObject,
  });
}

function exposeNamespace(target, name, namespaceObject) {
  exposeInterface(target, name, namespaceObject);
}

function exposeGetterAndSetter(target, name, getter, setter = undefined) {
  Object.defineProperty(target, name, {
    __proto__: null, enumerable: false, configurable: true, get: getter, set: setter,
  });
}

function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function lazyDOMExceptionClass() {
  return globalThis.DOMException;
}

function lazyDOMException(message, name) {
  return new DOMException(message, name);
}

function sleep(msec) {
  require('internal/validators').validateUint32(msec, 'msec');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, msec);
}

function guessHandleType(fd) {
  const fs = require('fs');
  let st;
  try { st = fs.fstatSync(fd); } catch { return 'UNKNOWN'; }
  if (require('tty').isatty(fd)) return 'TTY';
  if (st.isFile() || st.isCharacterDevice()) return 'FILE';
  if (st.isFIFO()) return 'PIPE';
  if (st.isSocket()) return 'TCP';
  return 'UNKNOWN';
}

function isArrayBufferDetached(value) {
  if (!util.types.isArrayBuffer(value)) return false;
  return value.detached === true;
}

function removeColors(str) {
  return String.prototype.replace.call(str, /\u001b\[\d\d?m/g, '');
}

function getCWDURL() {
  const { pathToFileURL } = require('url');
  return pathToFileURL(`${process.cwd()}/`);
}

function deprecate(fn, msg, code, useEmitSync) {
  return util.deprecate(fn, msg, code, useEmitSync);
}

function pendingDeprecate(fn, msg, code) {
  if (require('internal/options').getOptionValue('--pending-deprecation')) return deprecate(fn, msg, code);
  return fn;
}

function isPendingDeprecation() {
  return Boolean(require('internal/options').getOptionValue('--pending-deprecation')) &&
    !require('internal/options').getOptionValue('--no-deprecation');
}

function getDeprecationWarningEmitter(code, msg, deprecated, useEmitSync, shouldEmitWarning = () => true) {
  let warned = false;
  return function() {
    if (!warned && shouldEmitWarning()) {
      warned = true;
      if (code !== undefined) process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
      else process.emitWarning(msg, 'DeprecationWarning', deprecated);
    }
  };
}

function assertCrypto() {
  if (!process.versions.openssl) throw new codes.ERR_NO_CRYPTO();
}

function decorateErrorStack(err) {
  return err;
}

class WeakReference {
  #target;
  #strong = null;
  #count = 0;
  constructor(object) {
    this.#target = new WeakRef(object);
  }
  incRef() {
    this.#count++;
    if (this.#count === 1) this.#strong = this.#target.deref();
    return this.#count;
  }
  decRef() {
    this.#count--;
    if (this.#count === 0) this.#strong = null;
    return this.#count;
  }
  get() {
    return this.#target.deref();
  }
}

const SideEffectFreeRegExpPrototypeExec = (regex, string) => RegExp.prototype.exec.call(new RegExp(regex), string);
const SideEffectFreeRegExpPrototypeSymbolReplace = (regex, string, replacement) =>
  RegExp.prototype[Symbol.replace].call(new RegExp(regex), string, replacement);
const SideEffectFreeRegExpPrototypeSymbolSplit = (regex, string, limit) =>
  RegExp.prototype[Symbol.split].call(new RegExp(regex), string, limit);

module.exports = {
  getLazy,
  createClassWrapper,
  assertCrypto,
  cachedResult,
  convertToValidSignal,
  createDeferredPromise,
  decorateErrorStack,
  defineOperation,
  defineLazyProperties,
  deprecate,
  emitExperimentalWarning,
  encodingsMap,
  exposeInterface,
  exposeNamespace,
  exposeGetterAndSetter,
  filterDuplicateStrings,
  filterOwnProperties,
  getConstructorOf,
  getCWDURL,
  getSystemErrorMap: util.getSystemErrorMap,
  getSystemErrorName: util.getSystemErrorName,
  guessHandleType,
  isArrayBufferDetached,
  isError,
  isUnderNodeModules: () => false,
  join,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  promisify: util.promisify,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  removeColors,
  SymbolDispose: Symbol.dispose ?? Symbol.for('nodejs.dispose'),
  SymbolAsyncDispose: Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose'),
  customPromisifyArgs,
  customInspectSymbol,
  kIsEncodingSymbol,
  kVmBreakFirstLineSymbol,
  kEmptyObject,
  kEnumerableProperty,
  setOwnProperty,
  pendingDeprecate,
  WeakReference,
  isPendingDeprecation,
  getDeprecationWarningEmitter,
};
