'use strict';
// vm: scripts run in this context (global scope) or in a "context", which here is a `with` over a
// Proxy of the contextified object (see the package doc for what differs from Node's realms).
const { codes, E } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;
if (!codes.ERR_SCRIPT_EXECUTION_TIMEOUT) E('ERR_SCRIPT_EXECUTION_TIMEOUT', 'Script execution timed out after %sms', Error);
const { ERR_SCRIPT_EXECUTION_TIMEOUT } = codes;
const { validateString, validateObject, validateArray, validateUint32 } = require('internal/validators');

const contexts = new WeakMap(); // contextified object -> its proxy

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

const intrinsics = new Set(['Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity',
  'NaN', 'undefined', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError',
  'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView',
  'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval',
  'isFinite', 'isNaN', 'console', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'Intl',
  'arguments']);

const kProxy = '__gojsVmProxy$';
const kCode = '__gojsVmCode$';

function makeProxy(sandbox) {
  return new Proxy(sandbox, {
    has(t, k) {
      if (typeof k !== 'string') return Reflect.has(t, k);
      if (Reflect.has(t, k)) return true;
      if (intrinsics.has(k) || k.startsWith('__gojsVm')) return false;
      return true;
    },
    get(t, k) {
      if (k === Symbol.unscopables) return undefined;
      if (k === 'globalThis' && !Reflect.has(t, k)) return t;
      return Reflect.get(t, k);
    },
    set(t, k, v) { t[k] = v; return true; },
  });
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true });
  return contexts.has(object);
}

function createContext(contextObject = {}, options) {
  if (contextObject === constants.DONT_CONTEXTIFY) {
    // node 20.18+: a context whose global object is handed out as it is (jsdom's window); here an
    // ordinary object, contextified, whose scripts see it as `this`
    if (options !== undefined) validateObject(options, 'options');
    const global = {};
    contexts.set(global, makeProxy(global));
    return global;
  }
  if (contextObject !== null && typeof contextObject === 'object' && contexts.has(contextObject)) return contextObject;
  validateObject(contextObject, 'object', { allowArray: true, allowFunction: true });
  if (options !== undefined) validateObject(options, 'options');
  contexts.set(contextObject, makeProxy(contextObject));
  return contextObject;
}

function contextProxy(ctx) {
  const p = ctx !== null && (typeof ctx === 'object' || typeof ctx === 'function') ? contexts.get(ctx) : undefined;
  if (p === undefined) {
    const err = new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', ctx);
    throw err;
  }
  return p;
}

function getOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined || options === null) return {};
  validateObject(options, 'options');
  return options;
}

function runWithOptions(fn, options) {
  const timeout = options.timeout;
  if (timeout === undefined) return fn();
  validateUint32(timeout, 'options.timeout', true);
  const r = binding.withTimeout(timeout, fn);
  if (r === binding.timeoutSentinel) throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
  return r;
}

// The evaluator: a sloppy function whose scope chain is the proxy, running the code by direct
// eval and copying top-level declarations onto the context object.
const evalInContext = binding.run(binding.compile(`(function (${kProxy}, ${kCode}, __gojsVmNames$) {
  with (${kProxy}) {
    return (function () {
      var __gojsVmResult$ = eval(${kCode});
      for (var __gojsVmI$ = 0; __gojsVmI$ < __gojsVmNames$.length; __gojsVmI$++) {
        try { ${kProxy}[__gojsVmNames$[__gojsVmI$]] = eval(__gojsVmNames$[__gojsVmI$]); } catch (e) {}
      }
      return __gojsVmResult$;
    }).call(this);
  }
})`, 'node:vm'));

class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const { filename = 'evalmachine.<anonymous>', cachedData, produceCachedData = false } = options;
    validateString(filename, 'options.filename');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    this._code = code;
    this._filename = filename;
    this._program = binding.compile(code, filename);
    this._names = null;
    if (cachedData !== undefined) this.cachedDataRejected = false;
    if (produceCachedData) {
      this.cachedDataProduced = true;
      this.cachedData = Buffer.alloc(0);
    }
  }

  runInThisContext(options) {
    options = getOptions(options);
    return runWithOptions(() => binding.run(this._program), options);
  }

  runInContext(contextifiedObject, options) {
    const proxy = contextProxy(contextifiedObject);
    options = getOptions(options);
    if (this._names === null) this._names = binding.declared(this._code);
    const names = this._names;
    // Hoist: declared functions and vars exist on the object before the code runs, in order.
    for (const n of names) if (!(n in contextifiedObject)) contextifiedObject[n] = undefined;
    return runWithOptions(() => evalInContext.call(contextifiedObject, proxy, this._code, names), options);
  }

  runInNewContext(contextObject, options) {
    const ctx = createContext(contextObject, getOptions(options).contextOptions);
    return this.runInContext(ctx, options);
  }

  createCachedData() { return Buffer.alloc(0); }
}

function createScript(code, options) { return new Script(code, options); }

function runInThisContext(code, options) {
  return new Script(code, getOptions(options)).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  contextProxy(contextifiedObject);
  return new Script(code, getOptions(options)).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  const script = new Script(code, getOptions(options));
  return script.runInNewContext(contextObject, options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  validateObject(options, 'options');
  const { filename = '', parsingContext, contextExtensions = [] } = options;
  validateString(filename, 'options.filename');
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((e, i) => validateObject(e, `options.contextExtensions[${i}]`));
  const src = `(function (${params.join(', ')}) {\n${code}\n})`;
  binding.compile(src, filename); // syntax errors throw here
  let scopes = contextExtensions.slice();
  if (parsingContext !== undefined) scopes.unshift(parsingContext);
  const fn = scopes.length === 0
    ? binding.run(binding.compile(src, filename))
    : evalInContext.call(parsingContext || {}, makeProxy(Object.assign(Object.create(null), ...scopes.reverse())), src, []);
  return fn;
}

function measureMemory() {
  return Promise.resolve({ total: { jsMemoryEstimate: 0, jsMemoryRange: [0, 0] } });
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
