'use strict';
// WeakRef and FinalizationRegistry. Each instance's Go side (a weak cell, a registry) lives in a
// WeakMap keyed by the instance, so that nothing but the instance keeps it.

const refs = new WeakMap();
const regs = new WeakMap();

function canBeHeldWeakly(v) {
  if (v !== null && (typeof v === 'object' || typeof v === 'function')) return true;
  return typeof v === 'symbol' && Symbol.keyFor(v) === undefined;
}

// receiver renders a value as V8's "incompatible receiver" messages do.
const receiver = binding.receiver;

function incompatible(method, v) {
  return new TypeError('Method ' + method + ' called on incompatible receiver ' + receiver(v));
}

function badToken(v) {
  return new TypeError("Invalid unregisterToken ('" + (typeof v === 'symbol' ? v.toString() : String(v)) + "')");
}

function WeakRef(target) {
  if (new.target === undefined) throw new TypeError("Constructor WeakRef requires 'new'");
  if (!canBeHeldWeakly(target)) throw new TypeError('WeakRef: invalid target');
  refs.set(this, binding.makeRef(target));
}
const weakRefProto = {
  deref() {
    const c = refs.get(this);
    if (c === undefined) throw incompatible('WeakRef.prototype.deref', this);
    return binding.deref(c);
  },
};

function FinalizationRegistry(cleanup) {
  if (new.target === undefined) throw new TypeError("Constructor FinalizationRegistry requires 'new'");
  if (typeof cleanup !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
  regs.set(this, binding.makeRegistry(cleanup));
}
const registryProto = {
  // (a defaulted third parameter keeps register.length 2, as the spec's, without the cost of
  // an arguments object)
  register(target, heldValue, unregisterToken = undefined) {
    const r = regs.get(this);
    if (r === undefined) throw incompatible('FinalizationRegistry.prototype.register', this);
    if (!canBeHeldWeakly(target)) throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
    if (target === heldValue) {
      throw new TypeError('FinalizationRegistry.prototype.register: target and holdings must not be same');
    }
    if (unregisterToken !== undefined && !canBeHeldWeakly(unregisterToken)) throw badToken(unregisterToken);
    binding.register(r, target, heldValue, unregisterToken);
  },
  unregister(unregisterToken) {
    const r = regs.get(this);
    if (r === undefined) throw incompatible('FinalizationRegistry.prototype.unregister', this);
    if (!canBeHeldWeakly(unregisterToken)) throw badToken(unregisterToken);
    return binding.unregister(r, unregisterToken);
  },
};

function setup(ctor, methods, tag) {
  const proto = ctor.prototype;
  for (const k of Object.keys(methods)) {
    Object.defineProperty(proto, k, { __proto__: null, value: methods[k], writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, { __proto__: null, value: tag, writable: false, enumerable: false, configurable: true });
  Object.defineProperty(ctor, 'prototype', { __proto__: null, writable: false });
}
setup(WeakRef, weakRefProto, 'WeakRef');
setup(FinalizationRegistry, registryProto, 'FinalizationRegistry');

exports.WeakRef = WeakRef;
exports.FinalizationRegistry = FinalizationRegistry;
