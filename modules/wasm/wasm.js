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
  static customSections() { return []; }
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
    const initial = Number(descriptor.initial);
    // A memory made in JS (not imported into a module): a fixed ArrayBuffer of its pages.
    let buf = new ArrayBuffer(initial * 65536);
    this[kMemory] = {
      buffer: () => buf,
      grow: (delta) => {
        const old = buf.byteLength / 65536;
        const next = new ArrayBuffer((old + delta) * 65536);
        new Uint8Array(next).set(new Uint8Array(buf));
        buf = next;
        return old;
      },
    };
  }
  get buffer() { return this[kMemory].buffer(); }
  grow(delta) {
    const old = this[kMemory].grow(delta >>> 0);
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    return old;
  }
}
tag(Memory, 'WebAssembly.Memory');
function makeMemory(handle) {
  const m = Object.create(Memory.prototype);
  m[kMemory] = handle;
  return m;
}

class Instance {
  constructor(mod, importObject) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Instance(): WebAssembly.Instance must be invoked with 'new'");
    if (!(mod instanceof Module)) throw new TypeError('WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module');
    const exports = binding.instantiate(mod[kModule], importObject, makeMemory, makeTable);
    Object.freeze(exports);
    Object.defineProperty(this, 'exports', { __proto__: null, value: exports, enumerable: true, configurable: true, writable: false });
  }
}
tag(Instance, 'WebAssembly.Instance');

// A table is one a module exports (wasm.go, table.go); one made in JS is not supported.
class Table {
  constructor() { throw new TypeError('WebAssembly.Table is not supported by gojs'); }
  get length() { return this[kTable].length(); }
  get(index) { return this[kTable].get(index); }
  set(index, value = null) { this[kTable].set(index, value); }
  grow(delta, value) {
    const old = this[kTable].grow(delta >>> 0, value);
    if (old < 0) throw new RangeError('WebAssembly.Table.grow(): failed to grow table by ' + (delta >>> 0));
    return old;
  }
}
tag(Table, 'WebAssembly.Table');
function makeTable(handle) {
  const t = Object.create(Table.prototype);
  t[kTable] = handle;
  return t;
}
class Global {
  constructor() { throw new TypeError('WebAssembly.Global is not supported by gojs'); }
}
tag(Global, 'WebAssembly.Global');

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

function compile(bytes) {
  try {
    return Promise.resolve(new Module(bytes));
  } catch (e) {
    return Promise.reject(e);
  }
}

function instantiate(source, importObject) {
  if (source instanceof Module) {
    try {
      return Promise.resolve(new Instance(source, importObject));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return compile(source).then((module) => ({ module, instance: new Instance(module, importObject) }));
}

function validate(bytes) {
  return binding.validate(bufferSource('WebAssembly.validate()', bytes));
}

async function bytesOfResponse(source) {
  const res = await source;
  if (!res || typeof res.arrayBuffer !== 'function') throw new TypeError('WebAssembly.compileStreaming(): Argument 0 must be a Response');
  return res.arrayBuffer();
}

const WebAssembly = {};
for (const [k, v] of Object.entries({
  compile, validate, instantiate,
  compileStreaming(source) { return bytesOfResponse(source).then(compile); },
  instantiateStreaming(source, importObject) { return bytesOfResponse(source).then((b) => instantiate(b, importObject)); },
  Module, Instance, Table, Memory, Global, Tag, Exception, CompileError, LinkError, RuntimeError,
})) {
  Object.defineProperty(WebAssembly, k, { __proto__: null, value: v, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(WebAssembly, Symbol.toStringTag, { __proto__: null, value: 'WebAssembly', configurable: true });

module.exports = { WebAssembly };
