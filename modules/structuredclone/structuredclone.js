'use strict';
// structuredClone: the structured clone algorithm as Node 20 (V8's serializer) applies it.

// (internal/errors is loaded by the first error; the stack starts where these, or ctor, were
// called: node's structuredClone and postMessage are native, with no frames of their own)
function makeNodeError(Base, code, message, ctor) {
  return require('internal/errors').makeNodeError(Base, code, message, ctor || makeNodeError);
}
function makeNativeError(Base, code, message, ctor) {
  return require('internal/errors').makeNativeError(Base, code, message, ctor || makeNativeError);
}

// (node's structuredClone is native: its DataCloneError's stack has node's DOMException frame,
// then the caller's; the clone's own frames are dropped, the limit kept)
function dataCloneError(message) {
  const limit = Error.stackTraceLimit;
  let err, raised = false;
  if (typeof limit === 'number' && limit > 0) {
    try {
      Error.stackTraceLimit = limit + 64;
      raised = true;
    } catch {}
  }
  try {
    err = new globalThis.DOMException(message, 'DataCloneError');
  } finally {
    if (raised) Error.stackTraceLimit = limit;
  }
  const form = (stack) => withoutCloneFrames(stack, limit);
  if (!require('internal/errors').formStackOnRead(err, form)) {
    try { err.stack = form(err.stack); } catch {}
  }
  return err;
}

function withoutCloneFrames(stack, limit) {
  if (typeof stack !== 'string' || typeof limit !== 'number') return stack;
  const lines = stack.split('\n');
  const out = [];
  let frames = 0;
  for (const l of lines) {
    if (!l.startsWith('    at ')) {
      out.push(l);
    } else if (!l.includes('(node:internal/structured_clone:') && frames < limit) {
      out.push(l);
      frames++;
    }
  }
  return out.join('\n');
}

// isSymbolObject tells a Symbol wrapper (Object(Symbol())), which V8 does not clone.
function isSymbolObject(v) {
  try {
    Symbol.prototype.valueOf.call(v);
    return true;
  } catch {
    return false;
  }
}

// describe is how V8's clone errors name a value (its NoSideEffectsToString): an object whose
// toString is Object.prototype's and whose constructor is a named function is #<Name>, any
// other is [object Tag], Tag its Symbol.toStringTag data property or else V8's class name.
function describe(v) {
  if (typeof v === 'symbol' || typeof v === 'function') return String(v);
  if (dataProperty(v, 'toString') === Object.prototype.toString) {
    const ctor = dataProperty(v, 'constructor');
    if (typeof ctor === 'function') {
      const name = ctor.name;
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
  }
  const tag = dataProperty(v, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : v8ClassName(v)}]`;
}

// dataProperty is V8's GetDataProperty: the value of the first own property named key along
// the prototype chain, undefined when that is an accessor (no getter runs) or a proxy is met.
function dataProperty(o, key) {
  for (let cur = o; cur !== null; cur = Object.getPrototypeOf(cur)) {
    if (binding.isProxy(cur)) return undefined;
    const d = Object.getOwnPropertyDescriptor(cur, key);
    if (d !== undefined) return 'value' in d ? d.value : undefined;
  }
  return undefined;
}

// util's kinds of engine objects, from inspect's Go binding (taken on first use; its glue is not
// loaded)
let kindsOf = null;
function internals() {
  if (kindsOf === null) {
    const b = internalBinding('internal/util/inspect');
    kindsOf = { kindOf: b.kind, kinds: b.kindCodes() };
  }
  return kindsOf;
}
const kindOf = (v) => internals().kindOf(v);

// v8ClassName is V8's class name of the objects the serializer refuses (by util's kinds).
function v8ClassName(v) {
  const kinds = internals().kinds;
  switch (kindOf(v)) {
    case kinds.ARGS: return 'Arguments';
    case kinds.WEAKMAP: return 'WeakMap';
    case kinds.WEAKSET: return 'WeakSet';
    case kinds.MAPITER: return 'Map Iterator';
    case kinds.SETITER: return 'Set Iterator';
    case kinds.GENERATOR: return 'Generator';
    case kinds.ARRAYITER: return 'Array Iterator';
  }
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return tag === 'Error' || tag === 'Date' || tag === 'RegExp' ? tag : 'Object';
}

// isOrdinary tells the objects V8 writes as plain objects from the engine's other kinds
// (arguments, iterators, generators...), which it refuses.
function isOrdinary(v) {
  const k = kindOf(v);
  return k === internals().kinds.OBJECT || k === internals().kinds.PROXY;
}

// brand checks that cannot be fooled by Symbol.toStringTag
function is(fn, v) {
  try {
    fn.call(v);
    return true;
  } catch {
    return false;
  }
}
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
// SharedArrayBuffer.prototype's byteLength getter (null in a runtime without one), found on first
// use: SharedArrayBuffer is a module of its own, which a worker's start need not load
let sabByteLength;
function sabLength() {
  if (sabByteLength === undefined) {
    try {
      sabByteLength = Object.getOwnPropertyDescriptor(require('internal/atomics').SharedArrayBuffer.prototype, 'byteLength').get;
    } catch {
      sabByteLength = null;
    }
  }
  return sabByteLength;
}
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const taTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;

const isArrayBuffer = (v) => is(abByteLength, v) && !(sabLength() && is(sabByteLength, v));
const typedArrayName = (v) => taTag.call(v);
const taGetter = (name) => Object.getOwnPropertyDescriptor(typedArrayProto, name).get;
const taBuffer = taGetter('buffer');
const taByteOffset = taGetter('byteOffset');
const taLength = taGetter('length');
const dvBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const dvByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const regexpFlagGetters = [['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'],
  ['dotAll', 's'], ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y']];
// regexpFlags reads the flags from the internal slots (the flags getter reads properties, which
// a regexp without prototype does not have)
function regexpFlags(re) {
  let flags = '';
  for (const [name, f] of regexpFlagGetters) {
    const d = name === 'hasIndices' ? hasIndicesGetter(re) : Object.getOwnPropertyDescriptor(RegExp.prototype, name);
    if (d !== undefined && d.get.call(re)) flags += f;
  }
  return flags;
}
// The engine has no d flag: the runtime gives a d-flag regexp a prototype of its own whose
// hasIndices getter says true, so the getter that counts is the nearest one on the prototype
// chain (an instance's own property is not a slot)
function hasIndicesGetter(re) {
  for (let p = Object.getPrototypeOf(re); p !== null; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, 'hasIndices');
    if (d !== undefined) return typeof d.get === 'function' ? d : undefined;
  }
  return undefined;
}
// isUncloneableBuiltin: an engine object of a kind the serializer refuses, whatever its
// prototype says (a WeakMap, a Promise, an iterator, an arguments object...)
function isUncloneableBuiltin(v) {
  if (isOrdinary(v)) return false;
  const kinds = internals().kinds;
  switch (kindOf(v)) {
    case kinds.ARGS: case kinds.WEAKMAP: case kinds.WEAKSET: case kinds.PROMISE:
    case kinds.MAPITER: case kinds.SETITER: case kinds.GENERATOR:
    case kinds.ARRAYITER: case kinds.STRINGITER: case kinds.REGEXPSTRINGITER:
      return true;
  }
  return false;
}

const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const uncloneableTags = new Set(['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Generator',
  'AsyncGenerator', 'Module', 'WebAssembly.Memory', 'WebAssembly.Instance']);

// kClone marks objects that clone themselves, as node's messaging_clone_symbol does: the method
// gets a function that clones a nested value and returns the copy.
const kClone = Symbol('kClone');
const kWasmBytes = Symbol.for('gojs.wasm.moduleBytes');
const kWasmMemoryShare = Symbol.for('gojs.wasm.memoryShare');
const kWasmMemoryAdopt = Symbol.for('gojs.wasm.memoryAdopt');

const kTransferableSignal = Symbol.for('gojs.transferableAbortSignal');

// kCloneable marks the host objects node clones as JSTransferables (a histogram...), which cross
// to a worker too: the method returns { module, kind, data } with data a cloneable value, and the
// kind registered by that module (loaded first where the value arrives) makes the copy again.
const kCloneable = Symbol('kCloneable');
const revivers = new Map();
function registerCloneable(kind, revive) { revivers.set(kind, revive); }
function reviveCloneable(info) {
  if (!revivers.has(info.kind)) {
    // a module that makes the class lazily (net's BlockList) registers it when its export of
    // that name is first read
    const m = require(info.module);
    if (!revivers.has(info.kind) && m !== null && typeof m === 'object') void m[info.kind];
  }
  const revive = revivers.get(info.kind);
  if (revive === undefined) throw new Error('Unable to deserialize cloned data.');
  return revive(info.data);
}

// Objects given to worker_threads.markAsUntransferable: a transfer list skips them (an ArrayBuffer
// among them is then copied), as node's private symbol makes its serializer do.
const untransferable = new WeakSet();
function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  untransferable.add(obj);
}
// Buffer's pools are untransferable too; buffer keeps them (no pool exists before it loads).
let isBufferPool = null;
internalBinding('internal/lazy_proto').whenLoaded('buffer', () => { isBufferPool = require('internal/module_internals').get('buffer').isPool; });
function isUntransferable(obj) {
  return untransferable.has(obj) || (isBufferPool !== null && isBufferPool(obj));
}

// MessagePorts come from worker_threads, which registers how to recognise and move them when it
// loads (no port can exist before): { isPort(v), isDetached(p), prepare() -> an unattached port,
// commit(oldPort, newPort) }.
let portHooks = null;
function setPortHooks(hooks) { portHooks = hooks; }
function isPort(v) { return portHooks !== null && portHooks.isPort(v); }

// readIterable is node's ReadIterable: an array as it is, another object through its iterator,
// null when the value is not an iterable object.
function readIterable(v) {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return null;
  if (Array.isArray(v)) return v;
  if (typeof v[Symbol.iterator] !== 'function') return null;
  // walked by hand, as node's C++ does: an iterator without a callable next (or a step that is
  // not an object) makes the argument not an iterable
  const it = v[Symbol.iterator]();
  if ((typeof it !== 'object' && typeof it !== 'function') || it === null) return null;
  const next = it.next;
  if (typeof next !== 'function') return null;
  const out = [];
  for (;;) {
    const step = next.call(it);
    if ((typeof step !== 'object' && typeof step !== 'function') || step === null) return null;
    if (step.done) return out;
    out.push(step.value);
  }
}

// readTransferArg reads a transfer argument as node's MessagePort::PostMessage and structuredClone
// do: an iterable is the transfer list, another object may carry one as its transfer property.
// It returns an array, or undefined for none. entry is the public function called (its errors'
// stacks start at its caller).
function readTransferArg(arg, entry) {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg !== 'object' && typeof arg !== 'function') {
    throw makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable', entry);
  }
  let items = readIterable(arg);
  if (items === null) {
    const t = arg.transfer;
    if (t === undefined) return undefined;
    items = readIterable(t);
    if (items === null) {
      throw makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable',
        entry);
    }
  }
  return items;
}

// sortTransfer checks a transfer list as node's Message::Serialize does and returns the
// ArrayBuffers and MessagePorts that move. source is the posting port, if any; withStreams lets
// web streams move too (in the ports list; worker_threads takes them out and serves each over a
// channel of its own). entry is as readTransferArg's.
function sortTransfer(list, source, withStreams, entry) {
  const buffers = [];
  const ports = [];
  const cloneables = [];
  for (const t of list) {
    if ((typeof t !== 'object' && typeof t !== 'function') || t === null) {
      throw makeNativeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList', entry);
    }
    if (isUntransferable(t)) continue;
    // (a transferable AbortSignal moves by a signal of its own on the other side: clone and
    // worker_threads make it)
    if (t[kTransferableSignal] === true) continue;
    if (isArrayBuffer(t)) {
      if (buffers.includes(t)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      buffers.push(t);
      continue;
    }
    if (withStreams && webStreamKind(t) !== null) {
      if (ports.includes(t)) throw dataCloneError('Transfer list contains duplicate MessagePort');
      ports.push(t);
      continue;
    }
    if (isPort(t)) {
      if (t === source) throw dataCloneError('Transfer list contains source port');
      if (portHooks.isDetached(t)) throw dataCloneError('MessagePort in transfer list is already detached');
      if (ports.includes(t)) throw dataCloneError('Transfer list contains duplicate MessagePort');
      ports.push(t);
      continue;
    }
    // a host object node clones (a Blob, a KeyObject, a histogram...) may be listed too: node 20
    // clones it wherever the value holds it, and only refuses it listed twice
    if (isHostCloneable(t)) {
      if (cloneables.includes(t)) throw dataCloneError('Transfer list contains duplicate ' + constructorNameOf(t));
      cloneables.push(t);
      continue;
    }
    throw makeNativeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList', entry);
  }
  return { buffers, ports };
}

function isHostCloneable(v) {
  return isBlob(v) || typeof v[kClone] === 'function' || typeof v[kCloneable] === 'function';
}

// constructorNameOf names an object's class as V8's GetConstructorName does: the nearest
// constructor property that is a named function, else Object.
function constructorNameOf(v) {
  for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && typeof d.value.name === 'string' && d.value.name !== '') {
      return d.value.name;
    }
  }
  return 'Object';
}

// copyBuffer copies an ArrayBuffer, resizable ones as resizable (V8 keeps the maximum).
function copyBuffer(v) {
  // (not v.slice: that asks v's species for the copy, which a subclass can make clone v again)
  const src = new Uint8Array(v);
  const out = v.resizable ? new ArrayBuffer(src.length, { maxByteLength: v.maxByteLength }) : new ArrayBuffer(src.length);
  new Uint8Array(out).set(src);
  return out;
}

// Blobs and web streams are host objects node's serializer knows: a Blob is copied (sharing its
// bytes; a File comes back as a plain Blob, as in node 20), a ReadableStream or WritableStream
// only moves when transferred.
function tagOf(v) {
  return Object.prototype.toString.call(v);
}
function isBlob(v) {
  const tag = tagOf(v);
  return (tag === '[object Blob]' || tag === '[object File]') && v instanceof require('buffer').Blob;
}
function webStreamKind(v) {
  const tag = tagOf(v);
  if (tag !== '[object ReadableStream]' && tag !== '[object WritableStream]' &&
      tag !== '[object TransformStream]') return null;
  const web = require('stream/web');
  if (v instanceof web.ReadableStream) return 'ReadableStream';
  if (v instanceof web.WritableStream) return 'WritableStream';
  if (v instanceof web.TransformStream) return 'TransformStream';
  return null;
}

// checkTransferableStream throws node's DataCloneError for a stream that cannot move.
function checkTransferableStream(v, kind) {
  const locked = kind === 'TransformStream' ? v.readable.locked || v.writable.locked : v.locked;
  if (locked) throw dataCloneError(`Cannot transfer a locked ${kind}`);
}

// transformStreamOver makes the TransformStream a transferred one arrives as: what is written
// to it goes to writable, what it gives is what readable gives. Its flush waits for readable's
// end, so that nothing readable still has is lost when it closes.
function transformStreamOver(readable, writable) {
  const web = require('stream/web');
  const writer = writable.getWriter();
  const reader = readable.getReader();
  let ended;
  const readableEnded = new Promise((resolve) => { ended = resolve; });
  return new web.TransformStream({
    start(controller) {
      const pump = () => reader.read().then(({ value, done }) => {
        if (done) {
          ended();
          return;
        }
        controller.enqueue(value);
        pump();
      }, (err) => {
        controller.error(err);
        ended();
      });
      pump();
    },
    transform(chunk) { return writer.write(chunk); },
    flush() { return writer.close().then(() => readableEnded); },
  });
}

// transferStream returns the stream that takes over a transferred one: it reads from (or writes
// to) the original through its reader (or writer), each chunk cloned, as node's cross-realm
// transfer does through a message port.
function transferStream(v, kind) {
  checkTransferableStream(v, kind);
  if (kind === 'TransformStream') {
    return transformStreamOver(transferStream(v.readable, 'ReadableStream'),
      transferStream(v.writable, 'WritableStream'));
  }
  const web = require('stream/web');
  if (kind === 'ReadableStream') {
    const reader = v.getReader();
    return new web.ReadableStream({
      pull(controller) {
        return reader.read().then(({ value, done }) => {
          if (done) controller.close();
          else controller.enqueue(clone(value, new Map()));
        });
      },
      cancel(reason) { return reader.cancel(reason); },
    });
  }
  const writer = v.getWriter();
  return new web.WritableStream({
    write(chunk) { return writer.write(clone(chunk, new Map())); },
    close() { return writer.close(); },
    abort(reason) { return writer.abort(reason); },
  });
}

// node's serializer (C++) throws these: no [CODE] in their names
function missingTransferable() {
  return makeNativeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
    'Object that needs transfer was found in message but not listed in transferList', missingTransferable);
}

// (a rest parameter, not the arguments object, which costs the engine more; its length is set to
// node's below)
function structuredClone(...args) {
  if (args.length === 0) {
    throw makeNativeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified', structuredClone);
  }
  const value = args[0];
  const options = args[1];
  if (options === undefined || options === null) {
    // nothing transferred: plain data is cloned in Go, the rest by clone (see cloneData)
    return binding.cloneData(value, clone, kClone, kCloneable, kTransferableSignal);
  }
  let buffers = [];
  let ports = [];
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined',
      structuredClone);
  }
  const items = readTransferArg(options.transfer, structuredClone);
  if (items !== undefined) ({ buffers, ports } = sortTransfer(items, null, true, structuredClone));
  const memory = new Map();
  // transferred buffers move: their clones take the bytes, the originals end up detached (an
  // already detached one moves as an empty buffer, as in V8)
  for (const t of buffers) memory.set(t, binding.isDetached(t) ? new ArrayBuffer(0) : copyBuffer(t));
  // transferred ports: new ports that take over the channel once the clone has succeeded;
  // transferred web streams: new streams over the originals
  const streams = [];
  for (const p of ports) {
    const kind = webStreamKind(p);
    if (kind === null) memory.set(p, portHooks.prepare());
    else streams.push([p, kind]);
  }
  for (const [p, kind] of streams) memory.set(p, transferStream(p, kind));
  // (through Go: a stack overflow in a getter, or in the walk of a value nested too deep, then
  // reaches the caller as node's RangeError rather than ending the process)
  const result = buffers.length === 0 && ports.length === 0 ?
    binding.cloneData(value, clone, kClone, kCloneable, kTransferableSignal) :
    binding.callThrough(clone, undefined, value, memory);
  for (const t of buffers) binding.detach(t);
  for (const p of ports) if (webStreamKind(p) === null) portHooks.commit(p, memory.get(p));
  return result;
}

// proxyDesc is how V8's clone errors name a Proxy or a module namespace (null for an object that is
// neither).
function proxyDesc(v) {
  if (!binding.isProxy(v)) return null;
  if (require('util').types.isModuleNamespaceObject(v)) return '[object Module]'; // (the loader's are proxies)
  return Array.isArray(v) ? '[object Array]' : '#<Object>';
}

function clone(v, memory) {
  if (typeof v === 'symbol' || typeof v === 'function') throw dataCloneError(`${describe(v)} could not be cloned.`);
  if (typeof v !== 'object' || v === null) return v;
  if (memory.has(v)) return memory.get(v);

  // The engine's own kinds first: V8 clones them by their kind alone (a Map's own
  // Symbol.toStringTag or a subclass changes nothing), and none is a proxy, port, stream, blob,
  // signal or host object with a hook of its own.
  const kinds = internals().kinds;
  const kind = kindOf(v);
  let out;
  switch (kind) {
    case kinds.MAP: {
      out = new Map();
      memory.set(v, out);
      // (the entries as they are now: cloning runs getters that may change the map)
      const entries = [];
      mapForEach.call(v, (val, k) => { entries.push(k, val); });
      for (let i = 0; i < entries.length; i += 2) out.set(clone(entries[i], memory), clone(entries[i + 1], memory));
      return out;
    }
    case kinds.SET: {
      out = new Set();
      memory.set(v, out);
      const values = [];
      setForEach.call(v, (val) => { values.push(val); });
      for (let i = 0; i < values.length; i++) out.add(clone(values[i], memory));
      return out;
    }
    case kinds.DATE:
      out = new Date(Date.prototype.getTime.call(v));
      memory.set(v, out);
      return out;
    case kinds.REGEXP:
      out = new RegExp(regexpSource.call(v), regexpFlags(v));
      memory.set(v, out);
      return out;
  }

  const pd = proxyDesc(v);
  if (pd !== null) throw dataCloneError(`${pd} could not be cloned.`);
  if (isPort(v) || webStreamKind(v) !== null) throw missingTransferable();
  if (v[kTransferableSignal] === true) {
    // a signal that follows v: aborted as v is, or when v aborts
    const ac = new AbortController();
    if (v.aborted) ac.abort(clone(v.reason, new Map()));
    else v.addEventListener('abort', () => ac.abort(clone(v.reason, new Map())), { once: true });
    memory.set(v, ac.signal);
    return ac.signal;
  }
  if (isBlob(v)) {
    if (require('internal/module_internals').get('buffer').isFileBlob(v)) {
      // (node's FdEntry is bound to the realm that opened it)
      throw makeNodeError(TypeError, 'ERR_INVALID_STATE', 'Invalid state: File-backed Blobs are not cloneable');
    }
    out = new (require('buffer').Blob)([v], { type: v.type });
    memory.set(v, out);
    return out;
  }
  // host objects node clones by their own rule (KeyObject, CryptoKey): [kClone](cloneValue), the
  // copy within this runtime (before kCloneable, which is how one crosses to another runtime)
  const own = v[kClone];
  if (typeof own === 'function') {
    out = Reflect.apply(own, v, [(x) => clone(x, memory)]);
    memory.set(v, out);
    return out;
  }
  if (typeof v[kCloneable] === 'function') {
    const info = v[kCloneable]();
    out = reviveCloneable({ module: info.module, kind: info.kind, data: clone(info.data, new Map()) });
    memory.set(v, out);
    return out;
  }
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'WebAssembly.Memory' && typeof v[kWasmMemoryShare] === 'function') {
    // a shared memory: a new Memory over the same linear memory, as V8 makes
    const n = v[kWasmMemoryShare]();
    out = n === 0 ? undefined : WebAssembly.Memory[kWasmMemoryAdopt](n);
    if (out !== undefined) {
      memory.set(v, out);
      return out;
    }
  }
  if (uncloneableTags.has(tag) || isUncloneableBuiltin(v)) throw dataCloneError(`${describe(v)} could not be cloned.`);
  if (tag === 'Symbol' && isSymbolObject(v)) throw dataCloneError('[object Symbol] could not be cloned.');
  if (tag === 'WebAssembly.Module' && typeof v[kWasmBytes] === 'function') {
    out = new WebAssembly.Module(v[kWasmBytes]());
    memory.set(v, out);
    return out;
  }

  // The engine kind picks the branch: brand checks by a getter that throws cost an exception
  // (and its stack) for every kind an object is not, which made cloning plain data slow.
  if (Array.isArray(v)) {
    out = new Array(v.length);
    memory.set(v, out);
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = clone(v[keys[i]], memory);
    return out;
  }
  if (kind === kinds.ARRAYBUFFER && require('internal/atomics').isShared(v)) {
    // a new SharedArrayBuffer over the same memory, as V8 makes
    out = require('internal/atomics').share(v);
    memory.set(v, out);
    return out;
  }
  if (kind === kinds.ARRAYBUFFER) {
    if (binding.isDetached(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    out = copyBuffer(v);
    memory.set(v, out);
    return out;
  }
  if (kind === kinds.TYPEDARRAY || kind === kinds.DATAVIEW) {
    // (through the intrinsic getters: a view without prototype has no accessors of its own)
    if (kind === kinds.DATAVIEW) {
      const buffer = clone(dvBuffer.call(v), memory);
      out = new DataView(buffer, dvByteOffset.call(v), dvByteLength.call(v));
    } else {
      const buffer = clone(taBuffer.call(v), memory);
      const Ctor = globalThis[typedArrayName(v)];
      out = new Ctor(buffer, taByteOffset.call(v), taLength.call(v));
    }
    memory.set(v, out);
    return out;
  }
  if (kind === kinds.BOOLEAN) { out = Object(Boolean.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (kind === kinds.NUMBER) { out = Object(Number.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (kind === kinds.STRING) { out = Object(String.prototype.valueOf.call(v)); memory.set(v, out); return out; }
  if (kind === kinds.BIGINT) {
    out = Object(BigInt.prototype.valueOf.call(v));
    memory.set(v, out);
    return out;
  }
  if (tag === 'Error') {
    let name = 'Error';
    try {
      const n = v.name;
      if (errorNames.has(n)) name = n;
    } catch {}
    const Ctor = globalThis[name];
    out = new Ctor();
    delete out.stack;
    memory.set(v, out);
    const stack = v.stack;
    if (typeof stack === 'string') {
      Object.defineProperty(out, 'stack', { __proto__: null, value: stack, writable: true, configurable: true, enumerable: false });
    }
    const msg = Object.getOwnPropertyDescriptor(v, 'message');
    if (msg && 'value' in msg) {
      Object.defineProperty(out, 'message', { __proto__: null, value: String(msg.value), writable: true, configurable: true, enumerable: false });
    }
    if (Object.prototype.hasOwnProperty.call(v, 'cause')) {
      Object.defineProperty(out, 'cause', { __proto__: null, value: clone(v.cause, memory), writable: true, configurable: true, enumerable: false });
    }
    return out;
  }
  // any other object: its own enumerable string-keyed properties, on a plain object
  out = {};
  memory.set(v, out);
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = clone(v[keys[i]], memory);
  return out;
}

// node's structuredClone is a native function declared with no parameters
Object.defineProperty(structuredClone, 'length', { __proto__: null, value: 0 });

module.exports = { structuredClone: internalBinding('internal/lazy_proto').adoptGlobal('structuredClone', structuredClone), kClone, markAsUntransferable,
  kCloneable, registerCloneable, reviveCloneable, isSymbolObject, proxyDesc,
  isUntransferable, setPortHooks, readTransferArg, sortTransfer,
  webStreamKind, checkTransferableStream, transformStreamOver };
