'use strict';
// internal/util/primordials: the built-ins that inspect, util/types and the deep comparisons
// call, as they were when this module loaded (node takes its primordials once, at its start, so
// a program that later replaces Object.keys and the like does not break util.inspect). util
// loads this at once and those modules on first use: a program that patches the built-ins after
// require('util') still gets them as they were before the patch. Only the values are taken here
// (no bound functions made): a module that calls a method on a receiver binds it itself, with
// uncurryThis.

const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const getter = (o, k) => ObjectGetOwnPropertyDescriptor(o, k).get;
const FunctionPrototypeCall = Function.prototype.call;
const FunctionPrototypeBind = Function.prototype.bind;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);

module.exports = {
  // uncurryThis(f)(self, ...args) is f.call(self, ...args)
  uncurryThis: FunctionPrototypeBind.bind(FunctionPrototypeCall),
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames: Object.getOwnPropertyNames,
  ObjectGetOwnPropertySymbols: Object.getOwnPropertySymbols,
  ObjectDefineProperty: Object.defineProperty,
  ObjectGetPrototypeOf: Object.getPrototypeOf,
  ObjectSetPrototypeOf: Object.setPrototypeOf,
  ObjectKeys: Object.keys,
  ObjectAssign: Object.assign,
  ObjectCreate: Object.create,
  ObjectFreeze: Object.freeze,
  ObjectIs: Object.is,
  ReflectOwnKeys: Reflect.ownKeys,
  ArrayIsArray: Array.isArray,
  ArrayBufferIsView: ArrayBuffer.isView,
  JSONStringify: JSON.stringify,
  NumberIsNaN: Number.isNaN,
  ObjectPrototypeHasOwnProperty: Object.prototype.hasOwnProperty,
  ObjectPrototypePropertyIsEnumerable: Object.prototype.propertyIsEnumerable,
  ObjectPrototypeToString: Object.prototype.toString,
  ErrorPrototypeToString: Error.prototype.toString,
  DatePrototypeToISOString: Date.prototype.toISOString,
  DatePrototypeToString: Date.prototype.toString,
  DatePrototypeGetTime: Date.prototype.getTime,
  RegExpPrototypeToString: RegExp.prototype.toString,
  RegExpPrototypeGetSource: getter(RegExp.prototype, 'source'),
  RegExpPrototypeGetFlags: getter(RegExp.prototype, 'flags'),
  SymbolPrototypeToString: Symbol.prototype.toString,
  FunctionPrototypeToString: Function.prototype.toString,
  MapPrototypeGetSize: getter(Map.prototype, 'size'),
  SetPrototypeGetSize: getter(Set.prototype, 'size'),
  MapPrototypeEntries: Map.prototype.entries,
  SetPrototypeValues: Set.prototype.values,
  TypedArrayPrototype,
  TypedArrayPrototypeGetSymbolToStringTag: getter(TypedArrayPrototype, Symbol.toStringTag),
  TypedArrayPrototypeGetLength: getter(TypedArrayPrototype, 'length'),
  ArrayBufferPrototypeGetByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
  NumberPrototypeValueOf: Number.prototype.valueOf,
  StringPrototypeValueOf: String.prototype.valueOf,
  BooleanPrototypeValueOf: Boolean.prototype.valueOf,
  BigIntPrototypeValueOf: typeof BigInt === 'function' ? BigInt.prototype.valueOf : undefined,
  SymbolPrototypeValueOf: Symbol.prototype.valueOf,
};
