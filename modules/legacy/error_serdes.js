'use strict';
// internal/error_serdes, for node's own tests (--expose-internals): how node carries a worker's
// uncaught error to its parent, as bytes. The first byte says what follows: 0 an error of one of
// the standard classes, v8-serialized as its constructor's name and every property descriptor
// along its prototype chain (getters read, functions and symbols left out, a cause serialized in
// turn); 1 any other v8-serializable value; 2 the inspection of a value that is neither; 3 a
// symbol's inspection; 4 the inspection of an object with a custom inspect. Deserializing gives
// an object of the class's prototype with those properties, the value, the text, Symbol.for of
// the symbol's description, or an object that inspects as the text.

const { Buffer } = require('buffer');
const v8 = require('v8');
const { inspect } = require('util');

const SERIALIZED_ERROR = 0;
const SERIALIZED_OBJECT = 1;
const INSPECTED_ERROR = 2;
const INSPECTED_SYMBOL = 3;
const CUSTOM_INSPECTED_OBJECT = 4;

const errorClasses = { __proto__: null, Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError, EvalError };

// descriptors of object's properties and its prototypes' (nearest last wins), getters read on target
function allProperties(object, target) {
  const all = { __proto__: null };
  const chain = [];
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) chain.unshift(o);
  for (const o of chain) {
    for (const key of Object.getOwnPropertyNames(o)) {
      let desc;
      try {
        desc = Object.getOwnPropertyDescriptor(o, key);
      } catch {
        continue;
      }
      if (desc.get && key !== '__proto__') {
        try {
          desc.value = desc.get.call(target);
          delete desc.get;
          delete desc.set;
        } catch {
          // (a getter that throws leaves its descriptor out below)
        }
      }
      if (key === 'cause') {
        desc.value = serializeError(desc.value);
        all[key] = desc;
      } else if ('value' in desc && typeof desc.value !== 'function' && typeof desc.value !== 'symbol') {
        all[key] = desc;
      }
    }
  }
  return all;
}

// the name of the nearest standard error class among object's constructors
function standardClassName(object) {
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value;
    if (!ctor) continue;
    const name = Object.getOwnPropertyDescriptor(ctor, 'name')?.value;
    if (typeof name === 'string' && name in errorClasses) return name;
  }
  return undefined;
}

const tagged = (tag, text) => Buffer.from(String.fromCharCode(tag) + text, 'utf8');

function serializeError(error) {
  if (typeof error === 'symbol') return tagged(INSPECTED_SYMBOL, inspect(error));
  try {
    if (typeof error === 'object' && Object.prototype.toString.call(error) === '[object Error]') {
      const name = standardClassName(error);
      if (name !== undefined) {
        const body = v8.serialize({ constructor: name, properties: allProperties(error, error) });
        return Buffer.concat([Buffer.from([SERIALIZED_ERROR]), body]);
      }
    }
  } catch {
    // (then as any other value)
  }
  try {
    if (error != null && inspect.custom in error) return tagged(CUSTOM_INSPECTED_OBJECT, inspect(error));
  } catch {
    // (then as any other value)
  }
  try {
    return Buffer.concat([Buffer.from([SERIALIZED_OBJECT]), v8.serialize(error)]);
  } catch {
    return tagged(INSPECTED_ERROR, inspect(error));
  }
}

const rest = (buf) => Buffer.from(buf.buffer, buf.byteOffset + 1, buf.byteLength - 1).toString('utf8');

function deserializeError(error) {
  switch (error[0]) {
    case SERIALIZED_ERROR: {
      const { constructor, properties } = v8.deserialize(error.subarray(1));
      Object.defineProperty(properties, Symbol.toStringTag, {
        __proto__: null,
        value: { __proto__: null, value: 'Error', configurable: true },
        enumerable: true,
      });
      if ('cause' in properties && 'value' in properties.cause) {
        properties.cause.value = deserializeError(properties.cause.value);
      }
      return Object.create(errorClasses[constructor].prototype, properties);
    }
    case SERIALIZED_OBJECT:
      return v8.deserialize(error.subarray(1));
    case INSPECTED_ERROR:
      return rest(error);
    case INSPECTED_SYMBOL: {
      const text = rest(error);
      return Symbol.for(text.slice('Symbol('.length, text.length - 1));
    }
    case CUSTOM_INSPECTED_OBJECT: {
      const text = rest(error);
      return { __proto__: null, [inspect.custom]: () => text };
    }
  }
  require('internal/assert').fail('This should not happen');
}

module.exports = { serializeError, deserializeError };
