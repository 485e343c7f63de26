'use strict';
// Node's deep equality (assert.deepEqual / deepStrictEqual, util.isDeepStrictEqual). Strict mode
// compares prototypes, [[Class]] tags, own enumerable symbol keys and uses Object.is for
// primitives; loose mode uses == for primitives and ignores prototypes.

// Built-ins as they were when util (or assert, or this file) loaded, so that a later
// monkey-patch of Object.keys and the like does not break the comparisons (node reads them from
// its primordials).
const P = require('internal/util/primordials');
const ObjectGetOwnPropertyDescriptor = P.ObjectGetOwnPropertyDescriptor;
const ObjectGetOwnPropertySymbols = P.ObjectGetOwnPropertySymbols;
const ObjectIs = P.ObjectIs;
const ReflectOwnKeys = P.ReflectOwnKeys;
const ArrayIsArray = P.ArrayIsArray;
const NumberIsNaN = P.NumberIsNaN;

const kStrict = true;
const kLoose = false;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

const ObjectPrototypeToString = P.ObjectPrototypeToString;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const ObjectKeys = P.ObjectKeys;
const ObjectGetPrototypeOf = P.ObjectGetPrototypeOf;

// Brand checks that do not trust Symbol.toStringTag.
function brand(fn) {
  return (v) => {
    if (v === null || typeof v !== 'object') return false;
    try {
      fn(v);
      return true;
    } catch (e) {
      return false;
    }
  };
}

const DateGetTime = P.DatePrototypeGetTime;
const isDate = brand((v) => DateGetTime.call(v));
const RegExpSourceGetter = P.RegExpPrototypeGetSource;
const RegExpFlagsGetter = P.RegExpPrototypeGetFlags;
// RegExp.prototype's source getter throws for anything but a RegExp (and RegExp.prototype).
const isRegExp = (v) => v !== RegExp.prototype && brand((x) => RegExpSourceGetter.call(x))(v);
const MapSize = P.MapPrototypeGetSize;
const SetSize = P.SetPrototypeGetSize;
const isMap = brand((v) => MapSize.call(v));
const isSet = brand((v) => SetSize.call(v));
const ArrayBufferByteLength = P.ArrayBufferPrototypeGetByteLength;
const isArrayBuffer = brand((v) => ArrayBufferByteLength.call(v));
// (util/types knows a SharedArrayBuffer by the engine's kind first: SharedArrayBuffer, a
// global made on first use, is not loaded for a comparison of values that cannot be one)
let typesModule;
const isSharedArrayBuffer = (v) => (typesModule || (typesModule = require('util/types'))).isSharedArrayBuffer(v);
const isAnyArrayBuffer = (v) => isArrayBuffer(v) || isSharedArrayBuffer(v);
const isArrayBufferView = (v) => ArrayBuffer.isView(v);
const TypedArrayTag = P.TypedArrayPrototypeGetSymbolToStringTag;
const typedArrayTag = (v) => TypedArrayTag.call(v);
const isNumberObject = brand((v) => Number.prototype.valueOf.call(v));
const isStringObject = brand((v) => String.prototype.valueOf.call(v));
const isBooleanObject = brand((v) => Boolean.prototype.valueOf.call(v));
const isBigIntObject = typeof BigInt === 'function' ? brand((v) => BigInt.prototype.valueOf.call(v)) : () => false;
// URLs compare by href (Node recognises them by shape: href and protocol, no legacy auth/path).
function isURL(v) {
  try {
    return Boolean(v && v.href && v.protocol && v.auth === undefined && v.path === undefined);
  } catch (e) {
    return false;
  }
}
const isSymbolObject = brand((v) => Symbol.prototype.valueOf.call(v));
const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) ||
  isBigIntObject(v) || isSymbolObject(v);
const isNativeError = (v) => v instanceof Error || ObjectPrototypeToString.call(v) === '[object Error]';

function isArrayIndex(key) {
  if (key.length === 0 || key.length > 10) return false;
  const n = Number(key);
  return n >>> 0 === n && String(n) === key && n !== 4294967295;
}

// Own enumerable keys that are not array indices; symbols too unless skipSymbols.
function getOwnNonIndexProperties(obj, skipSymbols) {
  if (typeof binding.nonIndexKeys === 'function') return binding.nonIndexKeys(obj, skipSymbols);
  const keys = ReflectOwnKeys(obj);
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key === 'string') {
      if (isArrayIndex(key)) continue;
    } else if (skipSymbols) {
      continue;
    }
    if (isEnumerable(obj, key)) out.push(key);
  }
  return out;
}

function areSimilarRegExps(a, b) {
  return RegExpSourceGetter.call(a) === RegExpSourceGetter.call(b) &&
    RegExpFlagsGetter.call(a) === RegExpFlagsGetter.call(b) &&
    a.lastIndex === b.lastIndex;
}

function areSimilarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  if (typeof binding.floatsEqual === 'function') {
    return binding.floatsEqual(a.buffer, a.byteOffset, a.byteLength, b.buffer, b.byteOffset, b.byteLength, typedArrayTag(a) === 'Float64Array' ? 8 : 4);
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function areSimilarTypedArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  if (typeof binding.bytesEqual === 'function') {
    return binding.bytesEqual(a.buffer, a.byteOffset, a.byteLength, b.buffer, b.byteOffset, b.byteLength);
  }
  const x = bytesOf(a);
  const y = bytesOf(b);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function areEqualArrayBuffers(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  if (typeof binding.bytesEqual === 'function' && isArrayBuffer(a) && isArrayBuffer(b)) {
    return binding.bytesEqual(a, 0, a.byteLength, b, 0, b.byteLength);
  }
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function isEqualBoxedPrimitive(a, b) {
  if (isNumberObject(a)) {
    return isNumberObject(b) && ObjectIs(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    if (val1 !== 0) return true;
    return strict ? ObjectIs(val1, val2) : true;
  }
  if (strict) {
    if (typeof val1 !== 'object') {
      return typeof val1 === 'number' && NumberIsNaN(val1) && NumberIsNaN(val2);
    }
    if (typeof val2 !== 'object' || val1 === null || val2 === null) return false;
    if (ObjectGetPrototypeOf(val1) !== ObjectGetPrototypeOf(val2)) return false;
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (NumberIsNaN(val1) && NumberIsNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }
  return objectComparisonStart(val1, val2, strict, memos);
}

function objectComparisonStart(val1, val2, strict, memos) {
  const val1Tag = ObjectPrototypeToString.call(val1);
  const val2Tag = ObjectPrototypeToString.call(val2);
  if (val1Tag !== val2Tag) return false;

  if (ArrayIsArray(val1)) {
    if (!ArrayIsArray(val2) || val1.length !== val2.length) return false;
    const keys1 = getOwnNonIndexProperties(val1, !strict);
    const keys2 = getOwnNonIndexProperties(val2, !strict);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  } else if (val1Tag === '[object Object]') {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  } else if (isDate(val1)) {
    if (!isDate(val2) || DateGetTime.call(val1) !== DateGetTime.call(val2)) return false;
  } else if (isRegExp(val1)) {
    if (!isRegExp(val2) || !areSimilarRegExps(val1, val2)) return false;
  } else if (isNativeError(val1)) {
    if (!isNativeError(val2) || val1.message !== val2.message || val1.name !== val2.name) return false;
    const c1 = hasOwn(val1, 'cause');
    if (c1 !== hasOwn(val2, 'cause') || (c1 && !innerDeepEqual(val1.cause, val2.cause, strict, memos))) {
      return false;
    }
    const e1 = hasOwn(val1, 'errors');
    if (e1 !== hasOwn(val2, 'errors') || (e1 && !innerDeepEqual(val1.errors, val2.errors, strict, memos))) {
      return false;
    }
  } else if (isArrayBufferView(val1)) {
    if (!isArrayBufferView(val2)) return false;
    if (!strict && (typedArrayTag(val1) === 'Float32Array' || typedArrayTag(val1) === 'Float64Array')) {
      if (!areSimilarFloatArrays(val1, val2)) return false;
    } else if (!areSimilarTypedArrays(val1, val2)) {
      return false;
    }
    const keys1 = getOwnNonIndexProperties(val1, !strict);
    const keys2 = getOwnNonIndexProperties(val2, !strict);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
  } else if (isSet(val1)) {
    if (!isSet(val2) || SetSize.call(val1) !== SetSize.call(val2)) return false;
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (isMap(val1)) {
    if (!isMap(val2) || MapSize.call(val1) !== MapSize.call(val2)) return false;
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (isAnyArrayBuffer(val1)) {
    if (!isAnyArrayBuffer(val2) || !areEqualArrayBuffers(val1, val2)) return false;
  } else if (isBoxedPrimitive(val1)) {
    if (!isEqualBoxedPrimitive(val1, val2)) return false;
  } else if (isURL(val1)) {
    if (!isURL(val2) || val1.href !== val2.href) return false;
  } else if (ArrayIsArray(val2) || isArrayBufferView(val2) || isSet(val2) || isMap(val2) ||
             isDate(val2) || isRegExp(val2) || isAnyArrayBuffer(val2) || isBoxedPrimitive(val2) ||
             isNativeError(val2)) {
    return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function getEnumerables(val, keys) {
  return keys.filter((k) => isEnumerable(val, k));
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  const fromKeys = aKeys === undefined;
  if (fromKeys) {
    aKeys = ObjectKeys(val1);
    const bKeys = ObjectKeys(val2);
    if (aKeys.length !== bKeys.length) return false;
  }
  for (let i = 0; i < aKeys.length; i++) {
    if (!isEnumerable(val2, aKeys[i])) return false;
  }
  if (strict && fromKeys) {
    const symbolKeysA = ObjectGetOwnPropertySymbols(val1);
    if (symbolKeysA.length !== 0) {
      let count = 0;
      for (let i = 0; i < symbolKeysA.length; i++) {
        const key = symbolKeysA[i];
        if (isEnumerable(val1, key)) {
          if (!isEnumerable(val2, key)) return false;
          aKeys.push(key);
          count++;
        } else if (isEnumerable(val2, key)) {
          return false;
        }
      }
      const symbolKeysB = ObjectGetOwnPropertySymbols(val2);
      if (symbolKeysA.length !== symbolKeysB.length && getEnumerables(val2, symbolKeysB).length !== count) {
        return false;
      }
    } else {
      const symbolKeysB = ObjectGetOwnPropertySymbols(val2);
      if (symbolKeysB.length !== 0 && getEnumerables(val2, symbolKeysB).length !== 0) return false;
    }
  }
  if (aKeys.length === 0 &&
      (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) ||
       (iterationType === kIsSet && SetSize.call(val1) === 0) ||
       (iterationType === kIsMap && MapSize.call(val1) === 0))) {
    return true;
  }
  // Cycles: the first two levels are remembered in fields, deeper ones in a set. Reaching a
  // pair whose members were both seen on the way down counts as equal.
  if (memos === undefined) {
    memos = { set: undefined, a: val1, b: val2, c: undefined, d: undefined, deep: false };
    return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  }
  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === val1 && memos.b === val2) return true;
      memos.c = val1;
      memos.d = val2;
      memos.deep = true;
      const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }
  const set = memos.set;
  const originalSize = set.size;
  set.add(val1);
  set.add(val2);
  if (originalSize === set.size) return true;
  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  set.delete(val1);
  set.delete(val2);
  return areEq;
}

function setHasEqualElement(set, val1, strict, memo) {
  for (const val2 of set) {
    if (innerDeepEqual(val1, val2, strict, memo)) {
      set.delete(val2);
      return true;
    }
  }
  return false;
}

// Loose mode: a primitive that is not in the other set may still match one that == it.
// Returns undefined (objects), null (undefined), false (no match possible) or true.
function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
    // falls through
    case 'number':
      if (NumberIsNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  const curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a, b, strict, memo) {
  let set = null;
  for (const val of a) {
    if (typeof val === 'object' && val !== null) {
      if (set === null) set = new Set();
      set.add(val);
    } else if (!b.has(val)) {
      if (strict) return false;
      if (!setMightHaveLoosePrim(a, b, val)) return false;
      if (set === null) set = new Set();
      set.add(val);
    }
  }
  if (set !== null) {
    for (const val of b) {
      if (typeof val === 'object' && val !== null) {
        if (!setHasEqualElement(set, val, strict, memo)) return false;
      } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function mapHasEqualEntry(set, map, key1, item1, strict, memo) {
  for (const key2 of set) {
    if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(item1, map.get(key2), strict, memo)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, strict, memo) {
  let set = null;
  for (const [key, item1] of a) {
    if (typeof key === 'object' && key !== null) {
      if (set === null) set = new Set();
      set.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }
  if (set !== null) {
    for (const [key, item] of b) {
      if (typeof key === 'object' && key !== null) {
        if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
      } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, false, memo)) &&
                 !mapHasEqualEntry(set, a, key, item, false, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  let i = 0;
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // The array is sparse: compare the remaining own keys.
        const keysA = ObjectKeys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        if (keysA.length !== ObjectKeys(b).length) return false;
        return true;
      }
    }
  }
  for (i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

// fastAnswer is the Go walk's answer for two trees of plain objects, dense arrays and
// primitives (the common case, compared without running the steps below per value), or
// undefined when it has none. It needs the tags of such objects to be [object Object] and
// [object Array]: no Symbol.toStringTag on their prototypes.
function fastAnswer(val1, val2, strict) {
  if (typeof binding.deepFast !== 'function' || val1 === null || val2 === null ||
      typeof val1 !== 'object' || typeof val2 !== 'object' ||
      ObjectGetOwnPropertyDescriptor(Object.prototype, Symbol.toStringTag) !== undefined ||
      ObjectGetOwnPropertyDescriptor(Array.prototype, Symbol.toStringTag) !== undefined) {
    return undefined;
  }
  return binding.deepFast(val1, val2, strict);
}

function isDeepEqual(val1, val2) {
  const r = fastAnswer(val1, val2, kLoose);
  return r !== undefined ? r : innerDeepEqual(val1, val2, kLoose);
}

function isDeepStrictEqual(val1, val2) {
  const r = fastAnswer(val1, val2, kStrict);
  return r !== undefined ? r : innerDeepEqual(val1, val2, kStrict);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
