'use strict';
// util/types: https://nodejs.org/api/util.html#utiltypes
// Every predicate asks goja for the object's internal kind (see kind in util.go), so none of them
// can be fooled by Symbol.toStringTag or a swapped prototype.

var kind = binding.kind;
var P = require('internal/util/primordials');
var typedArrayTag = P.uncurryThis(P.TypedArrayPrototypeGetSymbolToStringTag);

// Keep in sync with util.go.
var K = {
  ARRAY: 1, FUNC: 2, ASYNCFUNC: 3, GENFUNC: 4, CLASS: 5, MAP: 6, SET: 7, WEAKMAP: 8, WEAKSET: 9,
  DATE: 10, REGEXP: 11, ERROR: 12, ARGS: 13, PROMISE: 14, PROXY: 15, TYPEDARRAY: 16,
  ARRAYBUFFER: 17, DATAVIEW: 18, NUMBER: 19, STRING: 20, BOOLEAN: 21, SYMBOL: 22, BIGINT: 23,
  GENERATOR: 24, MAPITER: 25, SETITER: 26, ASYNCGENFUNC: 30,
};

function is(k) {
  return (value) => kind(value) === k;
}

function isTypedArrayOf(name) {
  return function (value) { return kind(value) === K.TYPEDARRAY && typedArrayTag(value) === name; };
}

function isBoxedPrimitive(value) {
  var k = kind(value);
  return k >= K.NUMBER && k <= K.BIGINT;
}


// A SharedArrayBuffer is an ArrayBuffer with SharedArrayBuffer.prototype in its chain (see
// modules/atomics).
var sabProto;
function isShared(value) {
  if (sabProto === undefined) {
    try {
      sabProto = require('internal/atomics').SharedArrayBuffer.prototype;
    } catch {
      sabProto = null; // an embedder's runtime without SharedArrayBuffer
    }
  }
  return sabProto !== null && Object.prototype.isPrototypeOf.call(sabProto, value);
}
function isArrayBuffer(value) { return kind(value) === K.ARRAYBUFFER && !isShared(value); }
function isSharedArrayBuffer(value) { return kind(value) === K.ARRAYBUFFER && isShared(value); }

function no() {
  return () => false;
}

var exportsObj = {
  isExternal: no(),
  isDate: is(K.DATE),
  isArgumentsObject: is(K.ARGS),
  isBigIntObject: is(K.BIGINT),
  isBooleanObject: is(K.BOOLEAN),
  isNumberObject: is(K.NUMBER),
  isStringObject: is(K.STRING),
  isSymbolObject: is(K.SYMBOL),
  isNativeError: is(K.ERROR),
  isRegExp: is(K.REGEXP),
  isAsyncFunction: (value) => { var k = kind(value); return k === K.ASYNCFUNC || k === K.ASYNCGENFUNC; },
  isGeneratorFunction: (value) => { var k = kind(value); return k === K.GENFUNC || k === K.ASYNCGENFUNC; },
  isGeneratorObject: (value) => kind(value) === K.GENERATOR || binding.isAsyncGeneratorObject(value),
  isPromise: is(K.PROMISE),
  isMap: is(K.MAP),
  isSet: is(K.SET),
  isMapIterator: is(K.MAPITER),
  isSetIterator: is(K.SETITER),
  isWeakMap: is(K.WEAKMAP),
  isWeakSet: is(K.WEAKSET),
  isArrayBuffer: (value) => isArrayBuffer(value),
  isDataView: is(K.DATAVIEW),
  isSharedArrayBuffer: (value) => isSharedArrayBuffer(value),
  isProxy: is(K.PROXY),
  isModuleNamespaceObject: (value) => binding.isModuleNamespace(value),
  isAnyArrayBuffer: is(K.ARRAYBUFFER),
  isBoxedPrimitive: (value) => isBoxedPrimitive(value),
  isArrayBufferView: P.ArrayBufferIsView,
  isTypedArray: function (value) { return kind(value) === K.TYPEDARRAY; },
  isUint8Array: isTypedArrayOf('Uint8Array'),
  isUint8ClampedArray: isTypedArrayOf('Uint8ClampedArray'),
  isUint16Array: isTypedArrayOf('Uint16Array'),
  isUint32Array: isTypedArrayOf('Uint32Array'),
  isInt8Array: isTypedArrayOf('Int8Array'),
  isInt16Array: isTypedArrayOf('Int16Array'),
  isInt32Array: isTypedArrayOf('Int32Array'),
  isFloat32Array: isTypedArrayOf('Float32Array'),
  isFloat64Array: isTypedArrayOf('Float64Array'),
  isBigInt64Array: isTypedArrayOf('BigInt64Array'),
  isBigUint64Array: isTypedArrayOf('BigUint64Array'),
  isKeyObject: (v) => {
    return v !== null && typeof v === 'object' && typeof v.type === 'string' &&
      typeof v.export === 'function' && /^(KeyObject|SecretKeyObject|PublicKeyObject|PrivateKeyObject)$/.test(v.constructor && v.constructor.name);
  },
  isCryptoKey: (v) => {
    return v !== null && typeof v === 'object' && v.constructor && v.constructor.name === 'CryptoKey' &&
      typeof v.algorithm === 'object';
  },
};

// Name every predicate as Node does (inspect shows [Function: isProxy]); like node's native
// ones they are not constructors and have length 0. The typed array ones are plain JS functions
// in node too; isKeyObject and isCryptoKey are installed by node through property definitions,
// hence the name 'value', and take one argument.
P.ObjectKeys(exportsObj).forEach(function (name) {
  if (name === 'isArrayBufferView') return; // ArrayBuffer.isView itself, as in Node
  var byDefine = name === 'isKeyObject' || name === 'isCryptoKey';
  P.ObjectDefineProperty(exportsObj[name], 'name', { __proto__: null, value: byDefine ? 'value' : name, configurable: true });
  if (!/Array$/.test(name)) P.ObjectDefineProperty(exportsObj[name], 'length', { __proto__: null, value: byDefine ? 1 : 0, configurable: true });
});
// (and, defined so, they are neither writable nor configurable)
P.ObjectDefineProperty(exportsObj, 'isKeyObject', { __proto__: null, writable: false, configurable: false });
P.ObjectDefineProperty(exportsObj, 'isCryptoKey', { __proto__: null, writable: false, configurable: false });
module.exports = exportsObj;
