'use strict';
// internal/util/comparisons: the deep equality behind util.isDeepStrictEqual and assert's
// deepEqual/deepStrictEqual, with Node's rules (prototypes and -0 in strict mode, Map/Set
// matching, typed arrays, boxed primitives, errors, cycles).

var types = require('util/types');
var kind = binding.kind;

var hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
var isEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);
var objectToString = Function.prototype.call.bind(Object.prototype.toString);
var TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
var typedArrayTag = Function.prototype.call.bind(
  Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get);
var dateGetTime = Function.prototype.call.bind(Date.prototype.getTime);

var kNoIterator = 0;
var kIsArray = 1;
var kIsSet = 2;
var kIsMap = 3;

function isError(v) {
  return types.isNativeError(v) || v instanceof Error;
}

function areSimilarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function areSimilarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (var i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function bytesOf(v) {
  if (types.isArrayBuffer(v)) return new Uint8Array(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function areEqualBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  var x = bytesOf(a);
  var y = bytesOf(b);
  for (var i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function isEqualBoxedPrimitive(val1, val2) {
  if (types.isNumberObject(val1)) {
    return types.isNumberObject(val2) &&
      Object.is(Number.prototype.valueOf.call(val1), Number.prototype.valueOf.call(val2));
  }
  if (types.isStringObject(val1)) {
    return types.isStringObject(val2) &&
      String.prototype.valueOf.call(val1) === String.prototype.valueOf.call(val2);
  }
  if (types.isBooleanObject(val1)) {
    return types.isBooleanObject(val2) &&
      Boolean.prototype.valueOf.call(val1) === Boolean.prototype.valueOf.call(val2);
  }
  if (types.isBigIntObject(val1)) {
    return types.isBigIntObject(val2) &&
      BigInt.prototype.valueOf.call(val1) === BigInt.prototype.valueOf.call(val2);
  }
  if (types.isSymbolObject(val1)) {
    return types.isSymbolObject(val2) &&
      Symbol.prototype.valueOf.call(val1) === Symbol.prototype.valueOf.call(val2);
  }
  return false;
}

function nonIndexKeys(val, strict) {
  var keys = Object.keys(val);
  var out = [];
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (!/^(0|[1-9][0-9]*)$/.test(k) || +k >= 4294967295) out.push(k);
  }
  if (strict) {
    var syms = Object.getOwnPropertySymbols(val);
    for (var j = 0; j < syms.length; j++) {
      if (isEnumerable(val, syms[j])) out.push(syms[j]);
    }
  }
  return out;
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    if (val1 !== 0) return true;
    return strict ? Object.is(val1, val2) : true;
  }
  if (strict) {
    if (typeof val1 !== 'object') {
      return typeof val1 === 'number' && val1 !== val1 && val2 !== val2;
    }
    if (typeof val2 !== 'object' || val1 === null || val2 === null) {
      return false;
    }
    if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) {
      return false;
    }
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (val1 !== val1 && val2 !== val2);
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') {
      return false;
    }
  }
  var val1Tag = objectToString(val1);
  var val2Tag = objectToString(val2);
  if (val1Tag !== val2Tag) {
    return false;
  }
  var keys1, keys2;
  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) {
      return false;
    }
    keys1 = nonIndexKeys(val1, strict);
    keys2 = nonIndexKeys(val2, strict);
    if (keys1.length !== keys2.length) {
      return false;
    }
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  } else if (val1Tag === '[object Object]' && kind(val1) === 0 && kind(val2) === 0) {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }
  if (types.isDate(val1)) {
    if (!types.isDate(val2) || dateGetTime(val1) !== dateGetTime(val2)) {
      return false;
    }
  } else if (types.isRegExp(val1)) {
    if (!types.isRegExp(val2) || !areSimilarRegExps(val1, val2)) {
      return false;
    }
  } else if (isError(val1)) {
    if (!isError(val2) || val1.message !== val2.message || val1.name !== val2.name) {
      return false;
    }
  } else if (types.isArrayBufferView(val1)) {
    if (!types.isArrayBufferView(val2)) return false;
    if (types.isTypedArray(val1) !== types.isTypedArray(val2)) return false;
    if (types.isTypedArray(val1) && typedArrayTag(val1) !== typedArrayTag(val2)) {
      return false;
    }
    if (!strict && (types.isFloat32Array(val1) || types.isFloat64Array(val1))) {
      if (!areSimilarFloatArrays(val1, val2)) {
        return false;
      }
    } else if (!areEqualBytes(val1, val2)) {
      return false;
    }
    keys1 = nonIndexKeys(val1, strict);
    keys2 = nonIndexKeys(val2, strict);
    if (keys1.length !== keys2.length) {
      return false;
    }
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
  } else if (types.isSet(val1)) {
    if (!types.isSet(val2) || val1.size !== val2.size) {
      return false;
    }
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (types.isMap(val1)) {
    if (!types.isMap(val2) || val1.size !== val2.size) {
      return false;
    }
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (types.isAnyArrayBuffer(val1)) {
    if (!types.isAnyArrayBuffer(val2) || !areEqualBytes(val1, val2)) {
      return false;
    }
  } else if (types.isBoxedPrimitive(val1)) {
    if (!isEqualBoxedPrimitive(val1, val2)) {
      return false;
    }
  } else if (Array.isArray(val2) || types.isArrayBufferView(val2) || types.isSet(val2) ||
             types.isMap(val2) || types.isDate(val2) || types.isRegExp(val2) ||
             types.isAnyArrayBuffer(val2) || types.isBoxedPrimitive(val2) || isError(val2)) {
    return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function getEnumerables(val, keys) {
  return keys.filter(function (k) { return isEnumerable(val, k); });
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  var fromKeys = aKeys === undefined;
  if (fromKeys) {
    aKeys = Object.keys(val1);
    var bKeys = Object.keys(val2);
    if (aKeys.length !== bKeys.length) {
      return false;
    }
  }
  var i = 0;
  for (; i < aKeys.length; i++) {
    if (!isEnumerable(val2, aKeys[i])) {
      return false;
    }
  }
  if (strict && fromKeys) {
    var symbolKeysA = Object.getOwnPropertySymbols(val1);
    var symbolKeysB;
    if (symbolKeysA.length !== 0) {
      var count = 0;
      for (i = 0; i < symbolKeysA.length; i++) {
        var key = symbolKeysA[i];
        if (isEnumerable(val1, key)) {
          if (!isEnumerable(val2, key)) {
            return false;
          }
          aKeys.push(key);
          count++;
        } else if (isEnumerable(val2, key)) {
          return false;
        }
      }
      symbolKeysB = Object.getOwnPropertySymbols(val2);
      if (symbolKeysA.length !== symbolKeysB.length &&
          getEnumerables(val2, symbolKeysB).length !== count) {
        return false;
      }
    } else {
      symbolKeysB = Object.getOwnPropertySymbols(val2);
      if (symbolKeysB.length !== 0 && getEnumerables(val2, symbolKeysB).length !== 0) {
        return false;
      }
    }
  }
  if (aKeys.length === 0 &&
      (iterationType === kNoIterator ||
        (iterationType === kIsArray && val1.length === 0) ||
        val1.size === 0)) {
    return true;
  }
  if (memos === undefined) {
    memos = { val1: new Map(), val2: new Map(), position: 0 };
  } else {
    var val2MemoA = memos.val1.get(val1);
    if (val2MemoA !== undefined) {
      var val2MemoB = memos.val2.get(val2);
      if (val2MemoB !== undefined) {
        return val2MemoA === val2MemoB;
      }
    }
    memos.position++;
  }
  memos.val1.set(val1, memos.position);
  memos.val2.set(val2, memos.position);
  var areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  memos.val1.delete(val1);
  memos.val2.delete(val2);
  return areEq;
}

function setHasEqualElement(set, val1, strict, memo) {
  var it = set.values();
  for (var r = it.next(); !r.done; r = it.next()) {
    if (innerDeepEqual(val1, r.value, strict, memo)) {
      set.delete(r.value);
      return true;
    }
  }
  return false;
}

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
      if (prim !== prim) {
        return false;
      }
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  var altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  var altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) {
    return altValue;
  }
  var curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) {
    return false;
  }
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a, b, strict, memo) {
  var set = null;
  var it = a.values();
  var r, val;
  for (r = it.next(); !r.done; r = it.next()) {
    val = r.value;
    if (typeof val === 'object' && val !== null) {
      if (set === null) set = new Set();
      set.add(val);
    } else if (!b.has(val)) {
      if (strict) return false;
      if (!setMightHaveLoosePrim(a, b, val)) {
        return false;
      }
      if (set === null) set = new Set();
      set.add(val);
    }
  }
  if (set !== null) {
    it = b.values();
    for (r = it.next(); !r.done; r = it.next()) {
      val = r.value;
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
  var it = set.values();
  for (var r = it.next(); !r.done; r = it.next()) {
    var key2 = r.value;
    if (innerDeepEqual(key1, key2, strict, memo) &&
        innerDeepEqual(item1, map.get(key2), strict, memo)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, strict, memo) {
  var set = null;
  var it = a.entries();
  var r, key, item;
  for (r = it.next(); !r.done; r = it.next()) {
    key = r.value[0];
    var item1 = r.value[1];
    if (typeof key === 'object' && key !== null) {
      if (set === null) set = new Set();
      set.add(key);
    } else {
      var item2 = b.get(key);
      if (((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo))) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }
  if (set !== null) {
    it = b.entries();
    for (r = it.next(); !r.done; r = it.next()) {
      key = r.value[0];
      item = r.value[1];
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
  var i = 0;
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
        var keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          var key = keysA[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        if (keysA.length !== Object.keys(b).length) return false;
        return true;
      }
    }
  }
  for (i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  }
  return true;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, false);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, true);
}

module.exports = { isDeepEqual: isDeepEqual, isDeepStrictEqual: isDeepStrictEqual };
