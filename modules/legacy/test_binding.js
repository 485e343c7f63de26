'use strict';
// internal/test/binding: node's door for its own tests (--expose-internals) to the native
// bindings, internalBinding(name), and to primordials. gojs has no such native layer: the
// bindings here are made of the public modules for the names node's tests read most (uv's errno
// names, constants, config, types, util's inspection helpers, errors, symbols, async_wrap's
// providers and constants, http_parser, stream_wrap, timers' clock, os, credentials); any other
// name fails as node's does for a binding it does not know (ERR_INVALID_MODULE 'No such binding: x').

process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');

const made = { __proto__: null };

function constant(o, k, v) {
  // (node's NODE_DEFINE_CONSTANT: read-only, not deletable)
  Object.defineProperty(o, k, { __proto__: null, value: v, enumerable: true, writable: false, configurable: false });
}

const makers = {
  __proto__: null,
  uv() {
    const util = require('util');
    const b = {
      errname(err) { return util.getSystemErrorName(err); },
      getErrorMap() { return util.getSystemErrorMap(); },
    };
    for (const [errno, [code]] of util.getSystemErrorMap()) constant(b, `UV_${code}`, errno);
    return b;
  },
  constants() {
    const b = { os: require('os').constants, fs: require('fs').constants };
    Object.defineProperty(b, 'crypto', { __proto__: null, enumerable: true, configurable: true, get() { return require('crypto').constants; } });
    Object.defineProperty(b, 'zlib', { __proto__: null, enumerable: true, configurable: true, get() { return require('zlib').constants; } });
    const trace = { __proto__: null };
    const phases = [['BEGIN', 66], ['END', 69], ['COMPLETE', 88], ['INSTANT', 73], ['ASYNC_BEGIN', 83],
      ['ASYNC_STEP_INTO', 84], ['ASYNC_STEP_PAST', 112], ['ASYNC_END', 70], ['NESTABLE_ASYNC_BEGIN', 98],
      ['NESTABLE_ASYNC_END', 101], ['NESTABLE_ASYNC_INSTANT', 110], ['FLOW_BEGIN', 115], ['FLOW_STEP', 116],
      ['FLOW_END', 102], ['METADATA', 77], ['COUNTER', 67], ['SAMPLE', 80], ['CREATE_OBJECT', 78],
      ['SNAPSHOT_OBJECT', 79], ['DELETE_OBJECT', 68], ['MEMORY_DUMP', 118], ['MARK', 82], ['CLOCK_SYNC', 99],
      ['ENTER_CONTEXT', 40], ['LEAVE_CONTEXT', 41], ['LINK_IDS', 61]];
    for (const [n, v] of phases) trace[`TRACE_EVENT_PHASE_${n}`] = v;
    b.trace = trace;
    return b;
  },
  config() {
    return {
      isDebugBuild: false,
      hasOpenSSL: Boolean(process.versions.openssl),
      fipsMode: false,
      hasIntl: typeof Intl === 'object',
      hasTracing: false,
      hasNodeOptions: true,
      hasInspector: Boolean(process.features.inspector),
      noBrowserGlobals: false,
      bits: 64,
    };
  },
  types() {
    const { types } = require('util');
    const b = {};
    for (const k of ['isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
      'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction',
      'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator',
      'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer',
      'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer', 'isBoxedPrimitive']) b[k] = types[k];
    return b;
  },
  util() {
    const { types } = require('util');
    const insp = internalBinding('internal/util/inspect');
    const ONLY_ENUMERABLE = 2;
    const SKIP_STRINGS = 8;
    const SKIP_SYMBOLS = 16;
    const isIndex = (k) => typeof k === 'string' && k !== '' && String(k >>> 0) === k && (k >>> 0) !== 4294967295;
    const b = {
      privateSymbols: {
        arrow_message_private_symbol: Symbol('node:arrowMessage'),
        contextify_context_private_symbol: Symbol('node:contextify:context'),
        decorated_private_symbol: Symbol('node:decorated'),
        host_defined_option_symbol: Symbol('node:host_defined_option_symbol'),
        module_source_private_symbol: Symbol('node:module_source'),
        module_export_names_private_symbol: Symbol('node:module_export_names'),
        module_circular_visited_private_symbol: Symbol('node:module_circular_visited'),
        module_export_private_symbol: Symbol('node:module_export'),
        module_parent_private_symbol: Symbol('node:module_parent'),
        napi_type_tag: Symbol('node:napi:type_tag'),
        napi_wrapper: Symbol('node:napi:wrapper'),
        untransferable_object_private_symbol: Symbol('node:untransferableObject'),
        exit_info_private_symbol: Symbol('node:exit_info_private_symbol'),
        promise_trace_id: Symbol('node:promise_trace_id'),
        require_private_symbol: Symbol('node:require_private_symbol'),
        source_map_data_private_symbol: Symbol('node:source_map_data_private_symbol'),
      },
      constants: {
        kPending: 0, kFulfilled: 1, kRejected: 2,
        kExiting: 0, kExitCode: 1, kHasExitCode: 2,
        ALL_PROPERTIES: 0, ONLY_WRITABLE: 1, ONLY_ENUMERABLE, ONLY_CONFIGURABLE: 4, SKIP_STRINGS, SKIP_SYMBOLS,
      },
      isInsideNodeModules() { return false; },
      getPromiseDetails(p) { return insp.promiseDetails(p); },
      getProxyDetails(p, showProxy) {
        return insp.proxyDetails(p, arguments.length < 2 || showProxy === true);
      },
      getCallerLocation() { return undefined; },
      isArrayBufferDetached(ab) {
        if (!types.isArrayBuffer(ab)) return false;
        return ab.detached === true;
      },
      previewEntries(obj, isIterator) {
        const it = insp.iterPreview(obj);
        if (it !== undefined) return isIterator ? it : it[0];
        const weak = insp.weakPreview(obj);
        if (weak !== undefined) return isIterator ? [weak, types.isWeakMap(obj)] : weak;
        if (types.isMap(obj)) {
          const out = [];
          for (const [k, v] of Map.prototype.entries.call(obj)) out.push(k, v);
          return isIterator ? [out, true] : out;
        }
        if (types.isSet(obj)) {
          const out = [...Set.prototype.values.call(obj)];
          return isIterator ? [out, false] : out;
        }
        return undefined;
      },
      getOwnNonIndexProperties(obj, filter) {
        const out = [];
        for (const k of Reflect.ownKeys(obj)) {
          if (isIndex(k)) continue;
          if (typeof k === 'symbol' ? (filter & SKIP_SYMBOLS) : (filter & SKIP_STRINGS)) continue;
          if ((filter & ONLY_ENUMERABLE) && !Object.prototype.propertyIsEnumerable.call(obj, k)) continue;
          out.push(k);
        }
        return out;
      },
      getConstructorName(obj) {
        for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
          const d = Object.getOwnPropertyDescriptor(o, 'constructor');
          if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
        }
        return typeof obj === 'function' ? 'Function' : 'Object';
      },
      getExternalValue() { return 0n; },
      sleep(msec) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, msec);
      },
      arrayBufferViewHasBuffer() { return true; },
      shouldAbortOnUncaughtToggle: new Uint32Array([1]),
      guessHandleType(fd) {
        // node 20.20's: an index into ['TCP', 'TTY', 'UDP', 'FILE', 'PIPE', 'UNKNOWN']
        const fs = require('fs');
        let st;
        try { st = fs.fstatSync(fd); } catch { return 5; }
        if (require('tty').isatty(fd)) return 1;
        if (st.isFile() || st.isCharacterDevice()) return 3;
        if (st.isFIFO()) return 4;
        if (st.isSocket()) return 0;
        return 5;
      },
    };
    for (const k of ['isArrayBuffer', 'isArrayBufferView', 'isAsyncFunction', 'isDataView', 'isDate',
      'isExternal', 'isMap', 'isMapIterator', 'isNativeError', 'isPromise', 'isRegExp', 'isSet',
      'isSetIterator', 'isTypedArray', 'isUint8Array', 'isAnyArrayBuffer']) b[k] = types[k];
    return b;
  },
  errors() {
    return {
      noSideEffectsToString(v) {
        try {
          if (typeof v === 'symbol') return v.toString();
          if (v !== null && typeof v === 'object') {
            if (v instanceof Error) return Error.prototype.toString.call(v);
            return `#<${Object.getPrototypeOf(v)?.constructor?.name || 'Object'}>`;
          }
          return String(v);
        } catch {
          return '';
        }
      },
      triggerUncaughtException(err, fromPromise) {
        // node's native side asks process._fatalException, and ends the process when nobody
        // handled the error
        if (process._fatalException(err, Boolean(fromPromise))) return;
        process.nextTick(() => { throw err; });
      },
      exitCodes: {
        kNoFailure: 0, kGenericUserError: 1, kInternalJSParseError: 3, kInternalJSEvaluationFailure: 4,
        kV8FatalError: 5, kInvalidFatalExceptionMonkeyPatching: 6, kExceptionInFatalExceptionHandler: 7,
        kInvalidCommandLineArgument: 9, kBootstrapFailure: 10, kInvalidCommandLineArgument2: 12,
        kUnfinishedTopLevelAwait: 13, kStartupSnapshotFailure: 14, kAbort: 134,
      },
    };
  },
  symbols() {
    const b = {};
    for (const n of ['fs_use_promises_symbol', 'async_id_symbol', 'handle_onclose', 'no_message_symbol',
      'messaging_deserialize_symbol', 'imported_cjs_symbol', 'messaging_transfer_symbol',
      'messaging_clone_symbol', 'messaging_transfer_list_symbol', 'oninit', 'owner_symbol', 'onpskexchange',
      'resource_symbol', 'trigger_async_id_symbol', 'source_text_module_default_hdo',
      'vm_context_no_contextify', 'vm_dynamic_import_default_internal',
      'vm_dynamic_import_main_context_default', 'vm_dynamic_import_missing_flag',
      'vm_dynamic_import_no_callback']) b[n] = Symbol(n);
    return b;
  },
  async_wrap() {
    const ah = require('async_hooks');
    const Providers = { ...ah.asyncWrapProviders };
    return {
      constants: {
        kInit: 0, kBefore: 1, kAfter: 2, kDestroy: 3, kPromiseResolve: 4, kTotals: 5, kCheck: 6,
        kExecutionAsyncId: 0, kTriggerAsyncId: 1, kAsyncIdCounter: 2, kDefaultTriggerAsyncId: 3,
        kUsesExecutionAsyncResource: 8, kStackLength: 7,
      },
      Providers,
      executionAsyncResource() { return ah.executionAsyncResource(); },
    };
  },
  // Buffer's natives, made of Buffer's own methods (the slices and writes are methods of a
  // buffer, as node's binding installs them on Buffer.prototype)
  buffer() {
    const { Buffer: B, kMaxLength, kStringMaxLength, isUtf8, isAscii, atob, btoa } = require('buffer');
    const bytes = (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const asBuffer = (v) => B.from(v.buffer, v.byteOffset, v.byteLength);
    const encNames = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url'];
    const encOf = (e) => (typeof e === 'number' ? (encNames[e] || 'utf8') : (B.isEncoding(e) ? `${e}` : 'utf8'));
    const outOfRange = (msg) => {
      const err = new RangeError(msg);
      err.code = 'ERR_OUT_OF_RANGE';
      return err;
    };
    // (node's ParseArrayIndex: undefined is the default, a negative index throws)
    const index = (v, def) => {
      if (v === undefined) return def;
      const n = Math.trunc(Number(v)) || 0;
      if (n < 0) throw outOfRange('Index out of range');
      return n;
    };
    const b = {
      byteLengthUtf8(s) { return B.byteLength(s, 'utf8'); },
      copy(source, target, targetStart, sourceStart, nb) {
        bytes(target).set(bytes(source).subarray(sourceStart, sourceStart + nb), targetStart);
        return nb;
      },
      compare(a, c) { return B.compare(bytes(a), bytes(c)); },
      compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) {
        if (sourceStart > source.byteLength) throw outOfRange('The value of "sourceStart" is out of range.');
        if (targetStart > target.byteLength) throw outOfRange('The value of "targetStart" is out of range.');
        return asBuffer(source).compare(bytes(target), targetStart, targetEnd, sourceStart, sourceEnd);
      },
      // fill(buf, value, start, end, encoding): -2 when the range is outside buf, -1 when a
      // string value encodes to no bytes, else undefined
      fill(buf, val, start, end, encoding) {
        const s = index(start, 0);
        const e = index(end, 0);
        const dst = bytes(buf);
        if (s > e || e > dst.length) return -2;
        let src;
        if (ArrayBuffer.isView(val)) {
          src = bytes(val);
        } else if (typeof val !== 'string') {
          dst.fill((Number(val) >>> 0) & 255, s, e);
          return undefined;
        } else {
          src = B.from(val, encOf(encoding));
        }
        const n = e - s;
        if (src.length >= n) {
          dst.set(src.subarray(0, n), s);
          return undefined;
        }
        if (src.length === 0) return -1;
        for (let i = 0; i < n; i++) dst[s + i] = src[i % src.length];
        return undefined;
      },
      indexOfBuffer(buf, val, byteOffset, encoding, dir) {
        const h = asBuffer(buf);
        return dir ? h.indexOf(bytes(val), byteOffset) : h.lastIndexOf(bytes(val), byteOffset);
      },
      indexOfNumber(buf, val, byteOffset, dir) {
        const h = asBuffer(buf);
        return dir ? h.indexOf(val >>> 0 & 255, byteOffset) : h.lastIndexOf(val >>> 0 & 255, byteOffset);
      },
      indexOfString(buf, val, byteOffset, encoding, dir) {
        const h = asBuffer(buf);
        const enc = encOf(encoding);
        return dir ? h.indexOf(val, byteOffset, enc) : h.lastIndexOf(val, byteOffset, enc);
      },
      swap16(buf) { asBuffer(buf).swap16(); return buf; },
      swap32(buf) { asBuffer(buf).swap32(); return buf; },
      swap64(buf) { asBuffer(buf).swap64(); return buf; },
      isUtf8(v) { return isUtf8(v); },
      isAscii(v) { return isAscii(v); },
      // (node's natives answer a bad input with a number: -2 not base64 / not latin1)
      atob(s) {
        try { return atob(s); } catch { return -2; }
      },
      btoa(s) {
        try { return btoa(s); } catch { return -1; }
      },
      kMaxLength,
      kStringMaxLength,
    };
    for (const k of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
      b[`${k}Slice`] = B.prototype[`${k}Slice`];
      b[`${k}Write`] = B.prototype[`${k}Write`];
    }
    return b;
  },
  http_parser() {
    const _internal = require('internal/module_internals').get('http');
    const b = { methods: _internal.parserMethods, allMethods: _internal.parserAllMethods };
    Object.defineProperty(b, 'HTTPParser', { __proto__: null, enumerable: true, configurable: true, get() { return _internal.getHTTPParser(); } });
    return b;
  },
  stream_wrap() {
    // the request classes and the state array net's handles report a read or write through
    return {
      ShutdownWrap: function ShutdownWrap() {},
      WriteWrap: function WriteWrap() {},
      kReadBytesOrError: 0,
      kArrayBufferOffset: 1,
      kBytesWritten: 2,
      kLastWriteWasAsync: 3,
      streamBaseState: require('internal/module_internals').get('net').getStreamBaseState(),
    };
  },
  timers() {
    const { performance } = require('perf_hooks');
    return {
      getLibuvNow() { return Math.floor(performance.now()); },
    };
  },
  // the process's environment (node reads it with secure_getenv: nothing when setuid) and the
  // POSIX identity calls process has
  credentials() {
    const b = {
      safeGetenv(key) {
        const v = process.env[`${key}`];
        return v === undefined ? undefined : v;
      },
      implementsPosixCredentials: typeof process.getuid === 'function',
    };
    for (const k of ['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'initgroups', 'setegid', 'seteuid',
      'setgid', 'setuid', 'setgroups']) {
      if (typeof process[k] === 'function') b[k] = process[k];
    }
    return b;
  },
  os() {
    const os = require('os');
    return {
      getHostname: os.hostname,
      getLoadAvg(arr) { const l = os.loadavg(); arr[0] = l[0]; arr[1] = l[1]; arr[2] = l[2]; },
      getUptime: os.uptime,
      getTotalMem: os.totalmem,
      getFreeMem: os.freemem,
      getHomeDirectory: os.homedir,
      getAvailableParallelism: os.availableParallelism,
      isBigEndian: os.endianness() === 'BE',
    };
  },
};

function testInternalBinding(name) {
  const key = `${name}`;
  let b = made[key];
  if (b === undefined) {
    const make = makers[key];
    if (make === undefined) {
      const err = new Error(`No such binding: ${key}`);
      err.code = 'ERR_INVALID_MODULE';
      throw err;
    }
    b = made[key] = make();
  }
  return b;
}

// node's primordials: each global built-in's statics as NameMethod, its prototype's methods as
// NamePrototypeMethod taking the receiver first, accessors as NamePrototypeGetX, and the Safe
// collections; made once, on first read.
let primordialsObj;
function makePrimordials() {
  const p = { __proto__: null };
  const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
  const applyBind = (fn) => (self, args) => Reflect.apply(fn, self, args);
  const cap = (k) => (typeof k === 'symbol' ? `Symbol${k.description[7].toUpperCase()}${k.description.slice(8)}` : `${k[0].toUpperCase()}${k.slice(1)}`);
  const copyProps = (src, prefix, uncurry) => {
    for (const k of Reflect.ownKeys(src)) {
      if (k === 'constructor' || k === 'prototype' || k === 'length' || k === 'name' || k === 'caller' || k === 'arguments') continue;
      if (typeof k === 'symbol' && !String(k.description).startsWith('Symbol.')) continue;
      const d = Reflect.getOwnPropertyDescriptor(src, k);
      const name = `${prefix}${cap(k)}`;
      if ('get' in d) {
        if (d.get) p[`${prefix}Get${cap(k)}`] = uncurry ? uncurryThis(d.get) : d.get;
        if (d.set) p[`${prefix}Set${cap(k)}`] = uncurry ? uncurryThis(d.set) : d.set;
      } else if (typeof d.value === 'function') {
        p[name] = uncurry ? uncurryThis(d.value) : d.value;
        if (uncurry) p[`${name}Apply`] = applyBind(d.value);
      } else {
        p[name] = d.value;
      }
    }
  };
  for (const n of ['JSON', 'Math', 'Proxy', 'Reflect', 'Atomics']) {
    if (globalThis[n] === undefined) continue;
    copyProps(globalThis[n], n, false);
  }
  for (const n of ['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'globalThis',
    'isFinite', 'isNaN', 'parseFloat', 'parseInt']) p[n] = globalThis[n];
  for (const n of ['AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
    'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float32Array',
    'Float64Array', 'Function', 'Int16Array', 'Int32Array', 'Int8Array', 'Map', 'Number', 'Object',
    'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol', 'SyntaxError', 'TypeError',
    'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
    'WeakSet', 'Promise']) {
    const C = globalThis[n];
    if (typeof C !== 'function') continue;
    p[n] = C;
    copyProps(C, n, false);
    if (C.prototype) copyProps(C.prototype, `${n}Prototype`, true);
    p[`${n}Prototype`] = C.prototype;
  }
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  p.TypedArray = TypedArray;
  p.TypedArrayPrototype = TypedArray.prototype;
  copyProps(TypedArray, 'TypedArray', false);
  copyProps(TypedArray.prototype, 'TypedArrayPrototype', true);
  p.uncurryThis = uncurryThis;
  p.applyBind = applyBind;
  class SafeMap extends Map {}
  class SafeSet extends Set {}
  class SafeWeakMap extends WeakMap {}
  class SafeWeakSet extends WeakSet {}
  p.SafeMap = SafeMap;
  p.SafeSet = SafeSet;
  p.SafeWeakMap = SafeWeakMap;
  p.SafeWeakSet = SafeWeakSet;
  p.SafePromiseAll = (promises, mapFn) => Promise.all(mapFn ? [...promises].map(mapFn) : promises);
  p.SafePromiseAllSettled = (promises, mapFn) => Promise.allSettled(mapFn ? [...promises].map(mapFn) : promises);
  p.SafePromiseRace = (promises, mapFn) => Promise.race(mapFn ? [...promises].map(mapFn) : promises);
  p.SafePromiseAny = (promises, mapFn) => Promise.any(mapFn ? [...promises].map(mapFn) : promises);
  p.SafeArrayIterator = function SafeArrayIterator(arr) { return arr[Symbol.iterator](); };
  p.SafeStringIterator = function SafeStringIterator(str) { return str[Symbol.iterator](); };
  p.PromisePrototypeThen = uncurryThis(Promise.prototype.then);
  return Object.freeze(p);
}

module.exports = {
  internalBinding: testInternalBinding,
  get primordials() {
    if (primordialsObj === undefined) primordialsObj = makePrimordials();
    return primordialsObj;
  },
};
