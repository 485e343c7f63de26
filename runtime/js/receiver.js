(function (isProxy, inferredName, rawDesc, protoOwner) {
'use strict';
// V8's names for a stack frame whose function was called on a receiver (runtime/stackreceiver.go):
// [type name, method name] as CallSite's getTypeName and getMethodName give them. Only data
// properties are read, so no getter or proxy trap of the program's runs while a stack is made.
// (the engine's own descriptor reader: the global one formats a pending stack it is asked about,
// and a receiver's stack is no business of the stack being made)
const desc = rawDesc || Object.getOwnPropertyDescriptor;
const protoOf = Object.getPrototypeOf;
const ownNames = Object.getOwnPropertyNames;
const enumKeys = Object.keys;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const fnToString = Function.prototype.toString;
const tag = Symbol.toStringTag;

function dataValue(o, key) {
  const d = desc(o, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

function funcName(f) {
  const n = dataValue(f, 'name');
  return typeof n === 'string' ? n : '';
}

// SharedFunctionInfo::DebugName: a function's name, or when it has none the name V8's inferrer
// gave it where it was made (`lib.Base = class {...}` is "lib.Base").
function debugName(f) {
  const n = funcName(f);
  return n !== '' ? n : inferredName(f, isClass(f) ? classMembers(f) : undefined);
}

// The functions a class's code made (its static and prototype methods and accessors), which
// tell where the class's text is when it has no constructor of its own.
function classMembers(cls) {
  const out = [];
  const proto = dataValue(cls, 'prototype');
  for (const o of [proto, cls]) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || isProxy(o)) continue;
    const keys = ownNames(o);
    for (let i = 0; i < keys.length && out.length < 8; i++) {
      if (keys[i] === 'constructor' || keys[i] === 'prototype') continue;
      const d = desc(o, keys[i]);
      for (const f of [d.value, d.get, d.set]) {
        if (typeof f === 'function') out.push(f);
      }
    }
  }
  return out;
}

const madeBy = Symbol.for('gojs.madeBy');

// The debug name of o's own constructor property, unless it is Object's or nameless. A getter
// the runtime put there (Module.prototype's), or a constructor marked with madeBy, says which
// constructor it stands for, as V8 takes the one that made the object from its map.
function ctorName(o) {
  const d = desc(o, 'constructor');
  if (d !== undefined && typeof d.get === 'function') {
    const n = dataValue(d.get, madeBy);
    if (typeof n === 'string') return n;
  }
  const c = dataValue(o, 'constructor');
  if (typeof c !== 'function') return '';
  // a constructor whose objects are all made by another and then given its prototype (node's
  // ActiveChannel) names that other, as V8 names the one in the object's map
  const made = dataValue(c, madeBy);
  if (typeof made === 'string') return made;
  const n = debugName(c);
  return n === 'Object' ? '' : n;
}

const objectProto = Object.prototype;

// The constructor V8 keeps in the map of an object made by new when its prototype names none:
// the one whose prototype the prototype's own methods were written for (`F.prototype = {...}`,
// `F.prototype.m = function...`), as protoOwner reads their source.
function ownerName(proto) {
  if (proto === objectProto || typeof protoOwner !== 'function') return '';
  const keys = ownNames(proto);
  for (let i = 0; i < keys.length && i < 64; i++) {
    if (keys[i] === 'constructor') continue;
    const d = desc(proto, keys[i]);
    if (d === undefined) continue;
    for (const f of [d.value, d.get, d.set]) {
      if (typeof f !== 'function') continue;
      const n = protoOwner(f);
      if (n !== '') return n;
    }
  }
  return '';
}

function isClass(f) {
  try {
    return fnToString.call(f).startsWith('class');
  } catch {
    return false;
  }
}

// JSReceiver::GetConstructorName: the constructor an object was made by (taken to be its
// prototype's constructor), else the first Symbol.toStringTag or prototype's constructor up the
// chain, else its class ("Object", "Array", "Function").
function typeName(recv) {
  switch (typeof recv) {
    case 'undefined': return '';
    case 'string': return 'String';
    case 'number': return 'Number';
    case 'boolean': return 'Boolean';
    case 'symbol': return 'Symbol';
    case 'bigint': return 'BigInt';
  }
  if (recv === null || recv === globalThis) return '';
  const proxy = isProxy(recv);
  if (proxy) return proxy === true ? 'Proxy' : proxy;
  if (typeof recv === 'function') {
    const n = isClass(recv) ? debugName(recv) : '';
    return n || 'Function';
  }
  const proto = protoOf(recv);
  if (proto !== null && !isProxy(proto)) {
    const n = ctorName(proto) || ownerName(proto);
    if (n) return n;
  }
  let o = recv;
  for (let depth = 0; o !== null && depth < 64; depth++) {
    if (isProxy(o)) break;
    const t = dataValue(o, tag);
    if (typeof t === 'string' && t !== '') return t;
    if (o !== recv) {
      const n = ctorName(o);
      if (n) return n;
    }
    o = protoOf(o);
  }
  return Array.isArray(recv) ? 'Array' : 'Object';
}

// How o's own property key holds fn: 'value', 'get' or 'set'; '' when it does not, undefined
// when o has no such property.
function holds(o, key, fn) {
  const d = desc(o, key);
  if (d === undefined) return undefined;
  return d.value === fn ? 'value' : d.get === fn ? 'get' : d.set === fn ? 'set' : '';
}

const indexLike = /^(?:0|[1-9][0-9]*)$/;

// The name of the receiver's property (its own or up the chain) that holds fn, how ('get' and
// 'set' for an accessor) and whether the receiver has it of its own: the function's own name
// when that fits, else the one enumerable key that does (none when several do), as V8 looks
// only through each object's own enumerable keys.
function methodName(recv, fn, name) {
  if (typeof fn !== 'function') return ['', '', false];
  if (name.startsWith('get ') || name.startsWith('set ')) name = name.slice(4);
  let o = Object(recv);
  if (name !== '') {
    for (let depth = 0; o !== null && depth < 64 && !isProxy(o); depth++, o = protoOf(o)) {
      const h = holds(o, name, fn);
      if (h !== undefined) {
        if (h !== '') return [name, h, depth === 0];
        break;
      }
    }
  }
  let found = '', how = '', own = false;
  o = Object(recv);
  for (let depth = 0; o !== null && depth < 64 && !isProxy(o); depth++, o = protoOf(o)) {
    // (the receiver's non-enumerable keys are looked through only to tell that it holds fn of
    // its own, when the answer is not one to keep for other receivers of its prototype)
    const keys = depth === 0 ? ownNames(o) : enumKeys(o);
    if (keys.length > 1000) continue; // (a big array or table: V8 looks, a stack is not worth it)
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (indexLike.test(k)) continue;
      const h = holds(o, k, fn);
      if (!h) continue;
      if (depth === 0) {
        own = true;
        if (!propertyIsEnumerable.call(o, k)) continue;
      }
      if (found !== '' && found !== k) return ['', '', true];
      found = k;
      how = h;
    }
  }
  return [found, how, own];
}

return function receiverNames(recv, fn, name) {
  try {
    const t = typeName(recv);
    if (t === '') return undefined;
    // V8 names a function after its name property when that is a string of its own
    // (JSFunction::GetDebugName): a method keyed by a symbol, which goja's frame leaves unnamed
    // ("[Symbol.iterator]", "get [Symbol.toStringTag]"), or one whose name was redefined
    // (Object.defineProperty(fn, 'name', ...)). An empty one keeps goja's (or inferred) name.
    // The method is still looked up by the function's own (goja's) name, as V8 looks it up by
    // the SharedFunctionInfo's.
    let renamed = '';
    if (typeof fn === 'function') {
      const own = funcName(fn);
      if (own !== '' && own !== name && own !== 'get ' + name && own !== 'set ' + name) renamed = own;
    }
    const m = methodName(recv, fn, name);
    return [t, m[0], m[1], m[2], renamed];
  } catch {
    return undefined;
  }
};
})
