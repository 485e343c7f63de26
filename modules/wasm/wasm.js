'use strict';
// The WebAssembly namespace over the Go binding (wasm.go).
const kModule = Symbol('kModule');
const kMemory = Symbol('kMemory');
const kTable = Symbol('kTable');

function defineErrorClass(name) {
  const C = class extends Error {
    constructor(message) {
      super(message);
    }
  };
  Object.defineProperty(C, 'name', { __proto__: null, value: name });
  Object.defineProperty(C.prototype, 'name', { __proto__: null, value: name, writable: true, configurable: true, enumerable: false });
  return C;
}
const CompileError = defineErrorClass('CompileError');
const LinkError = defineErrorClass('LinkError');
const RuntimeError = defineErrorClass('RuntimeError');
binding.setErrors((m) => new CompileError(m), (m) => new LinkError(m), (m) => new RuntimeError(m));

function tag(C, name) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { __proto__: null, value: name, configurable: true });
}

function bufferSource(name, bytes) {
  if (bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes)) {
    return ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  }
  throw new TypeError(`${name}: Argument 0 must be a buffer source`);
}

class Module {
  constructor(bytes) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Module(): WebAssembly.Module must be invoked with 'new'");
    this[kModule] = binding.compile(bufferSource('WebAssembly.Module()', bytes));
  }
  static exports(mod) {
    if (!(mod instanceof Module)) throw new TypeError('WebAssembly.Module.exports(): Argument 0 must be a WebAssembly.Module');
    return binding.exports(mod[kModule]) || [];
  }
  static imports(mod) {
    if (!(mod instanceof Module)) throw new TypeError('WebAssembly.Module.imports(): Argument 0 must be a WebAssembly.Module');
    return binding.imports(mod[kModule]) || [];
  }
  static customSections(mod, name) {
    if (!(mod instanceof Module)) throw new TypeError('WebAssembly.Module.customSections(): Argument 0 must be a WebAssembly.Module');
    if (name === undefined) throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    return binding.customSections(mod[kModule], `${name}`);
  }
}
tag(Module, 'WebAssembly.Module');
// structuredClone and worker_threads copy a Module by its bytes (compiled again where it arrives).
Object.defineProperty(Module.prototype, Symbol.for('gojs.wasm.moduleBytes'), {
  __proto__: null,
  value: function moduleBytes() { return binding.bytes(this[kModule]); },
});

class Memory {
  constructor(descriptor) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Memory(): WebAssembly.Memory must be invoked with 'new'");
    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Memory(): Argument 0 must be a memory descriptor');
    const initial = memoryPages(descriptor.initial, 'initial', 0, true);
    const maximum = memoryPages(descriptor.maximum, 'maximum', initial, false);
    if (descriptor.shared && maximum === undefined) throw new TypeError('WebAssembly.Memory(): If shared is true, maximum property should be defined.');
    // its own linear memory (memimport.go), which modules importing it are linked to
    Object.defineProperty(this, kMemory, { __proto__: null, value: binding.newMemory(initial, maximum === undefined ? -1 : maximum, !!descriptor.shared) });
  }
  get buffer() {
    const m = this[kMemory];
    const b = m.buffer();
    // a shared memory's: a SharedArrayBuffer, frozen, as V8's
    if (m.shared() && !Object.isFrozen(b)) {
      Object.setPrototypeOf(b, SharedArrayBuffer.prototype);
      Object.freeze(b);
    }
    return b;
  }
  grow(delta) {
    const old = this[kMemory].grow(delta >>> 0);
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    return old;
  }
}
tag(Memory, 'WebAssembly.Memory');
// A shared memory crosses to another thread (worker_threads, structuredClone) by a number
// (0: it cannot), and arrives as a Memory of that thread over the same linear memory.
Object.defineProperty(Memory.prototype, Symbol.for('gojs.wasm.memoryShare'), {
  __proto__: null,
  value: function memoryShare() { return this[kMemory].shared() ? binding.shareMemory(this[kMemory]) : 0; },
});
Object.defineProperty(Memory, Symbol.for('gojs.wasm.memoryAdopt'), {
  __proto__: null,
  value: function memoryAdopt(n) {
    const handle = binding.adoptMemory(n);
    return handle === undefined ? undefined : makeMemory(handle);
  },
});
function memoryPages(v, name, lower, required) {
  if (v === undefined) {
    if (required) throw new TypeError(`WebAssembly.Memory(): Property '${name}' is required`);
    return undefined;
  }
  const n = Number(v);
  if (Number.isNaN(n) || n === Infinity || n === -Infinity) throw new TypeError(`WebAssembly.Memory(): Property '${name}' must be convertible to a valid number`);
  if (n < 0) throw new TypeError(`WebAssembly.Memory(): Property '${name}' must be non-negative`);
  const p = Math.trunc(n);
  if (p > 65536) throw new RangeError(`WebAssembly.Memory(): Property '${name}': value ${p} is above the upper bound 65536`);
  if (p < lower) throw new RangeError(`WebAssembly.Memory(): Property '${name}': value ${p} is below the lower bound ${lower}`);
  return p;
}
function memoryOf(m) { return m instanceof Memory ? m[kMemory] : undefined; }
function makeMemory(handle) {
  const m = Object.create(Memory.prototype);
  Object.defineProperty(m, kMemory, { __proto__: null, value: handle });
  return m;
}

class Instance {
  constructor(mod, importObject) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Instance(): WebAssembly.Instance must be invoked with 'new'");
    if (!(mod instanceof Module)) throw new TypeError('WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module');
    checkImports(importObject, 'WebAssembly.Instance()');
    initInstance(this, mod, importObject);
  }
}
// (api: the function at work, named in the errors' messages, for WebAssembly.instantiate)
function initInstance(instance, mod, importObject, api) {
  const exports = binding.instantiate(mod[kModule], importObject, makeMemory, makeTable, makeGlobal, memoryOf, api);
  Object.freeze(exports);
  Object.defineProperty(instance, 'exports', { __proto__: null, value: exports, enumerable: true, configurable: true, writable: false });
}
tag(Instance, 'WebAssembly.Instance');

// A table is one a module exports (wasm.go, table.go); one made in JS is not supported.
class Table {
  constructor() { throw new TypeError('WebAssembly.Table is not supported by gojs'); }
  get length() { return this[kTable].length(); }
  get(index) { return this[kTable].get(index); }
  // (a missing value is null in a funcref table, undefined in an externref one)
  set(index) { this[kTable].set(index, arguments[1]); }
  grow(delta, value) {
    const old = this[kTable].grow(delta >>> 0, value);
    if (old < 0) throw new RangeError('WebAssembly.Table.grow(): failed to grow table by ' + (delta >>> 0));
    return old;
  }
}
tag(Table, 'WebAssembly.Table');
function makeTable(handle) {
  const t = Object.create(Table.prototype);
  Object.defineProperty(t, kTable, { __proto__: null, value: handle });
  return t;
}
// A global a module exports (wasm.go), or one made in JS: a value of its type held here (a
// module cannot import it).
const kGlobal = Symbol('kGlobal');
const globalTypes = {
  i32: (v) => v === undefined ? 0 : Number(v) | 0,
  i64: (v) => v === undefined ? 0n : BigInt.asIntN(64, toBigInt(v)),
  f32: (v) => v === undefined ? 0 : Math.fround(Number(v)),
  f64: (v) => v === undefined ? 0 : Number(v),
  anyfunc: (v) => v === undefined ? null : v,
  funcref: (v) => v === undefined ? null : v,
  externref: (v) => v,
};
function toBigInt(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string' || typeof v === 'boolean') return BigInt(v);
  throw new TypeError(`Cannot convert ${String(v)} to a BigInt`);
}
class Global {
  constructor(descriptor, v) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Global(): WebAssembly.Global must be invoked with 'new'");
    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Global(): Argument 0 must be a global descriptor');
    const mutable = !!descriptor.mutable;
    const type = `${descriptor.value}`;
    if (!Object.hasOwn(globalTypes, type)) throw new TypeError("WebAssembly.Global(): Descriptor property 'value' must be a WebAssembly type");
    const conv = globalTypes[type];
    let value = conv(v);
    Object.defineProperty(this, kGlobal, { __proto__: null, value: {
      value: () => value,
      setValue: (x) => { if (!mutable) return false; value = conv(x); return true; },
    } });
  }
  valueOf() { return this[kGlobal].value(); }
  get value() { return this[kGlobal].value(); }
  set value(v) {
    if (!this[kGlobal].setValue(v)) throw new TypeError("set WebAssembly.Global.value: Can't set the value of an immutable global.");
  }
}
tag(Global, 'WebAssembly.Global');
function makeGlobal(handle) {
  const g = Object.create(Global.prototype);
  Object.defineProperty(g, kGlobal, { __proto__: null, value: handle });
  return g;
}

class Tag {
  constructor(type) {
    if (type === null || typeof type !== 'object' || !Array.isArray(type.parameters)) {
      throw new TypeError('WebAssembly.Tag(): Argument 0 must be a tag type');
    }
    this.parameters = type.parameters.slice();
  }
}
tag(Tag, 'WebAssembly.Tag');
class Exception {
  constructor(t, payload) {
    if (!(t instanceof Tag)) throw new TypeError('WebAssembly.Exception(): Argument 0 must be a WebAssembly tag');
    const values = Array.from(payload);
    this.is = (other) => other === t;
    this.getArg = (other, i) => {
      if (other !== t) throw new TypeError('WebAssembly.Exception.getArg(): First argument does not match the exception tag');
      return values[i];
    };
  }
}
tag(Exception, 'WebAssembly.Exception');

// As V8's, WebAssembly.compile and instantiate settle their promises from a task of their own (the
// loop's I/O phase), never in the job that called them, even for what they refuse at once; the
// bytes compile off the loop. An instantiate of a Module links it at once, and settles later.
function compile(bytes) {
  return new Promise((resolve, reject) => {
    let src;
    try {
      src = nonEmpty(bufferSource('WebAssembly.compile()', bytes), 'WebAssembly.compile()');
    } catch (e) {
      binding.settle(() => reject(e));
      return;
    }
    compileBytes(src, 'WebAssembly.compile()', resolve, reject);
  });
}

// nonEmpty returns src, or throws the CompileError V8 makes at the call for no bytes (the other
// bytes it refuses fail in the compile job, with no frames of the call)
function nonEmpty(src, api) {
  if (src.byteLength === 0) throw new CompileError(`${api}: BufferSource argument is empty`);
  return src;
}

function compileBytes(src, api, resolve, reject) {
  binding.compileAsync(src, api, (err, handle) => {
    if (err !== undefined) {
      reject(err);
      return;
    }
    const module = Object.create(Module.prototype);
    module[kModule] = handle;
    resolve(module);
  });
}

function newInstance(module, importObject) {
  const instance = Object.create(Instance.prototype);
  initInstance(instance, module, importObject, 'WebAssembly.instantiate()');
  return instance;
}

function instantiate(source, importObject) {
  return new Promise((resolve, reject) => {
    const settle = (fn, v) => binding.settle(() => fn(v));
    if (source instanceof Module) {
      let instance;
      try {
        checkImports(importObject, 'WebAssembly.instantiate()');
        instance = newInstance(source, importObject);
      } catch (e) {
        settle(reject, e);
        return;
      }
      settle(resolve, instance);
      return;
    }
    let src;
    try {
      if (!(source instanceof ArrayBuffer || ArrayBuffer.isView(source))) {
        throw new TypeError('WebAssembly.instantiate(): Argument 0 must be a buffer source or a WebAssembly.Module object');
      }
      checkImports(importObject, 'WebAssembly.instantiate()');
      src = nonEmpty(bufferSource('WebAssembly.instantiate()', source), 'WebAssembly.instantiate()');
    } catch (e) {
      settle(reject, e);
      return;
    }
    compileBytes(src, 'WebAssembly.instantiate()', (module) => {
      try {
        resolve({ module, instance: newInstance(module, importObject) });
      } catch (e) {
        reject(e);
      }
    }, reject);
  });
}

// checkImports throws V8's TypeError for an imports argument that is neither undefined nor an object.
function checkImports(importObject, api) {
  if (importObject !== undefined && (importObject === null || (typeof importObject !== 'object' && typeof importObject !== 'function'))) {
    throw new TypeError(`${api}: Argument 1 must be an object`);
  }
}

function validate(bytes) {
  return binding.validate(bufferSource('WebAssembly.validate()', bytes));
}

async function bytesOfResponse(source) {
  const res = await source;
  if (!res || typeof res.arrayBuffer !== 'function') throw new TypeError('WebAssembly.compileStreaming(): Argument 0 must be a Response');
  return res.arrayBuffer();
}

// V8's namespace: its five functions are enumerable (Object.keys and util.inspect list them), the
// classes are not.
const WebAssembly = {};
const namespaceFunctions = ['compile', 'validate', 'instantiate', 'compileStreaming', 'instantiateStreaming'];
for (const [k, v] of Object.entries({
  compile, validate, instantiate,
  compileStreaming(source) { return bytesOfResponse(source).then(compile); },
  instantiateStreaming(source, importObject) { return bytesOfResponse(source).then((b) => instantiate(b, importObject)); },
  Module, Instance, Table, Memory, Global, Tag, Exception, CompileError, LinkError, RuntimeError,
})) {
  Object.defineProperty(WebAssembly, k, { __proto__: null, value: v, writable: true, configurable: true, enumerable: namespaceFunctions.includes(k) });
}
Object.defineProperty(WebAssembly, Symbol.toStringTag, { __proto__: null, value: 'WebAssembly', configurable: true });

module.exports = { WebAssembly };
