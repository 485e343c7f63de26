'use strict';
// vm: scripts run in this context (global scope) or in a "context", which here is a `with` over a
// Proxy of the contextified object (see the package doc for what differs from Node's realms).
const { codes, E, makeNativeError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;
if (!codes.ERR_SCRIPT_EXECUTION_TIMEOUT) E('ERR_SCRIPT_EXECUTION_TIMEOUT', 'Script execution timed out after %sms', Error);
if (!codes.ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) {
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', TypeError);
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG', 'A dynamic import callback was invoked without --experimental-vm-modules', TypeError);
  E('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
}
const {
  ERR_SCRIPT_EXECUTION_TIMEOUT, ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG,
  ERR_VM_MODULE_NOT_MODULE,
} = codes;
const {
  validateString, validateObject, validateArray, validateUint32, validateInt32, validateBoolean, validateOneOf,
  validateFunction,
} = require('internal/validators');

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
  'isFinite', 'isNaN', 'console', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'Intl']);
// (and the names the global inherits from Object.prototype: a null-prototype sandbox's code
// still finds toString, hasOwnProperty... as node's global holds them)
for (const k of Object.getOwnPropertyNames(Object.prototype)) if (k !== '__proto__') intrinsics.add(k);
const intrinsicList = [...intrinsics];
// the intrinsics a context's scope leaves to the evaluator's outer scopes (eval: the engine's,
// whose calls are direct evals; the read-only values, which an assignment cannot change)
const outerIntrinsics = new Set(['eval', 'undefined', 'NaN', 'Infinity']);

// Dynamic import(): goja compiles it only in modules, so a script that calls it is compiled with
// each call's keyword renamed to importName, a function made by importer() from the script's
// importModuleDynamically option: without one the call rejects as node's does, with
// USE_MAIN_CONTEXT_DEFAULT_LOADER it is the main context's import() from the script's file.
const importName = binding.importName;
let loaderWarned = false;
function validateImportOption(v) {
  if (v !== undefined && v !== constants.USE_MAIN_CONTEXT_DEFAULT_LOADER && typeof v !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.importModuleDynamically', 'function', v);
  }
}
function importer(option, filename, getReferrer) {
  return function (specifier, attributes) {
    if (option === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) {
      if (!loaderWarned) {
        loaderWarned = true;
        process.emitWarning('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER is an experimental feature and might change at any time', 'ExperimentalWarning');
      }
      return binding.importFrom(filename)(specifier);
    }
    if (option === undefined) return Promise.reject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING());
    if (!require('internal/options').getOptionValue('--experimental-vm-modules')) {
      return Promise.reject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG());
    }
    return Promise.resolve().then(() => option(`${specifier}`, getReferrer(), attributes === undefined ? {} : attributes))
      .then(importedNamespace);
  };
}
// Scripts run in this context find importName as a global, which calls the importer of the
// script whose file is innermost on the stack.
const thisContextImporters = new Map(); // filename -> importer
function installGlobalImporter() {
  if (Object.prototype.hasOwnProperty.call(globalThis, importName)) return;
  Object.defineProperty(globalThis, importName, {
    __proto__: null,
    value: function (specifier, attributes) {
      const imp = thisContextImporters.get(binding.callerFile()) || importer(undefined);
      return imp(specifier, attributes);
    },
    writable: false, enumerable: false, configurable: true,
  });
}
// compileScript compiles code as a script of filename, renaming its import() calls when that is
// what the engine refuses; a lineOffset or columnOffset places its positions (stacks, the caret of
// a thrown error) through an inline source map, as runInContext's. It returns { program, code
// (the code run, renamed or not), prep (see contextPrep), noted (the text the compile noted as
// filename's) }, shared by the scripts of the same code, file and offsets: a script compiled
// again (vm.runInContext(sameCode, ...) in a loop) is not parsed and compiled again, as V8's
// compilation cache spares node that.
const compileCache = new Map(); // cacheKey -> what compileScript returned
const maxCachedScripts = 256;
const maxCachedCode = 1 << 16;
function compileScript(code, filename, lineOffset = 0, columnOffset = 0) {
  let key;
  if (code.length <= maxCachedCode) {
    key = `${lineOffset}:${columnOffset}:${filename.length}:${filename}${code}`;
    const hit = compileCache.get(key);
    if (hit !== undefined) {
      // (the last script of a file is the one its stack excerpts read, as compile notes it)
      binding.noteCode(hit.noted, filename, lineOffset, columnOffset);
      return hit;
    }
  }
  code = binding.fixArguments(code);
  // (a map places the code at its offsets, and counts its columns in UTF-16 units where goja
  // counts bytes: code with characters of several bytes gets one too)
  const placed = (c) => (lineOffset === 0 && columnOffset === 0 && !nonASCII.test(c) ? c : c + binding.sourceMap(c, filename, lineOffset, columnOffset));
  let compiled;
  const noted = placed(code);
  try {
    compiled = { program: binding.compile(noted, filename, lineOffset, columnOffset), code, prep: null, noted, anon: undefined };
  } catch (err) {
    const renamed = binding.rewriteImports(code);
    if (renamed === undefined) {
      // (the error is the one the code alone has: the map's comment ends an unterminated
      // template or comment on a line of its own, where the excerpt would find no line of code)
      if (noted !== code) binding.compile(code, filename, lineOffset, columnOffset);
      throw err;
    }
    const notedRenamed = placed(renamed);
    compiled = { program: binding.compile(notedRenamed, filename, lineOffset, columnOffset), code: renamed, prep: null, noted: notedRenamed, anon: undefined };
  }
  if (key !== undefined) {
    if (compileCache.size >= maxCachedScripts) compileCache.delete(compileCache.keys().next().value);
    compileCache.set(key, compiled);
  }
  return compiled;
}

// typeofNames: the names a script reads under typeof (by a scan of its text, so a name in a string
// or comment counts too, which only makes it lenient).
function typeofNames(code, into) {
  if (!code.includes('typeof')) return;
  const re = /\btypeof\s*\(?\s*([A-Za-z_$][\w$]*)/g;
  let m;
  while ((m = re.exec(code)) !== null) into.add(m[1]);
}

const lenientNames = new WeakMap(); // proxy -> names read under typeof by code run in its context
// proxy -> the var and function names its context's scripts declared: as a global's declared
// bindings they cannot be deleted (delete c gives false and c stays)
const declaredNames = new WeakMap();
// proxy -> { strict, extra }: how many strict scripts are running in its context (an assignment
// its object refuses throws V8's TypeError in them); extra, once needed, the names a
// non-extensible object could not take (see keepRefused)
const runStates = new WeakMap();

// keepRefused(o, k, v, state): an assignment of k, a name the non-extensible object o lacks (own
// or inherited), that o refused: node's global object holds it itself then (V8's interceptor
// lets it through to the real global), where the context's code finds it again, as a var it
// declared or a name sloppy code assigned. Here the context's state keeps it (state.extra).
// false if o is extensible or has k: the refusal is o's own to report.
function keepRefused(o, k, v, state) {
  if (typeof k !== 'string' || state === undefined || Reflect.isExtensible(o) || Reflect.has(o, k)) return false;
  if (state.extra === undefined) {
    state.extra = Object.create(null);
    if (state.markRefused !== undefined) state.markRefused();
  }
  state.extra[k] = v;
  return true;
}
// hasRefused(o, k, state): whether the context's global holds k for o (see keepRefused)
function hasRefused(o, k, state) {
  return state !== undefined && state.extra !== undefined && typeof k === 'string' && k in state.extra && !Reflect.has(o, k);
}

// makeProxy: the scope a context's code runs in. Every name but the intrinsics resolves to the
// object: the main context's globals (process, require, ...) are not seen, and reading a name the
// object lacks throws a ReferenceError as node's would, unless the context's code reads that name
// under typeof (a `with` scope cannot tell typeof from a plain read), where it gives undefined.
// A context made with codeGeneration.strings false refuses eval and new Function in its code with
// node's EvalError. The scope then answers `eval` and `Function` itself; the evaluator's own eval
// calls (the script's, and those reading its declarations back) pass through a one-shot gate that
// it opens just before each.
const codeGenGates = new WeakMap(); // proxy -> { open } of a context refusing code from strings
function codeGenError() { return new EvalError('Code generation from strings disallowed for this context'); }
const blockedEval = { eval(x) { throw codeGenError(); } }.eval;
const blockedFunction = new Proxy(Function, {
  apply() { throw codeGenError(); },
  construct() { throw codeGenError(); },
});
function openGate(proxy) {
  const gate = codeGenGates.get(proxy);
  if (gate !== undefined) gate.open = true;
}
function closeGate(proxy) {
  const gate = codeGenGates.get(proxy);
  if (gate !== undefined) gate.open = false;
}

// A context's own code that names Function (unless the context object holds another) gets one
// that makes its functions in the context:
// their free names are the context's (Function('return x')), and a sloppy one called without a
// receiver sees the context's global as `this`, as a function of the context's realm does
// (Function('return this')(), how lodash, istanbul's coverage counters and others find the
// global object).
function contextFunction(proxy, global) {
  const make = (args) => {
    const body = args.length === 0 ? '' : `${args[args.length - 1]}`;
    const params = [];
    for (let i = 0; i < args.length - 1; i++) params.push(`${args[i]}`);
    const src = `(function anonymous(${params.join(',')}\n) {\n${body}\n})`;
    binding.checkFunction(src);
    const fn = evalInContext.call(global, proxy, evalRun(proxy, lexicalScopes.get(proxy), binding.indirectEvals(binding.regexpSource(src)), [], undefined, lexCapture()));
    if (!body.includes('this') || strictBody.test(body)) return fn;
    return new Proxy(fn, {
      apply(target, thisArg, a) { return Reflect.apply(target, thisArg === undefined || thisArg === null ? global : thisArg, a); },
    });
  };
  return new Proxy(Function, {
    apply(target, thisArg, args) { return make(args); },
    construct(target, args) { return make(args); },
  });
}
// contextEval is a context's own eval, as code gets it from the context's global object (jsdom's
// window.eval, called from outside the page): an indirect eval there, whose code runs in the
// context, its vars and functions becoming the context's globals. (Its top-level let and const
// stay in the context's scope, as a script's do, where V8's would end with the eval.)
// (a proxy of the engine's eval, so that it reads as a built-in: its name, length, native
// source text, no constructor)
function contextEval(sandbox) {
  return new Proxy(binding.eval || eval, {
    apply(target, thisArg, args) {
      const x = args[0];
      if (typeof x !== 'string') return x;
      return new Script(x, { filename: 'evalmachine.<anonymous>' }).runInContext(sandbox, { displayErrors: false });
    },
  });
}

const strictBody = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(['"])use strict\1/;

// The names a context's global object has of its own, in node's order (the built-ins of its realm;
// here the main context's, this runtime having one realm).
const globalNames = ['Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN',
  'undefined', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError',
  'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'globalThis', 'JSON', 'Math', 'Intl',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map',
  'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN',
  'console', 'SharedArrayBuffer', 'Atomics', 'WebAssembly'];
const globalNameSet = new Set(globalNames);
const readOnlyGlobals = new Set(['NaN', 'Infinity', 'undefined']);

// globalView: a context's global object as its code sees it (`this` at its top level,
// globalThis) and as vm.runInContext('this', ctx) hands it out: the contextified object's
// properties first, then the realm's built-ins, listed as its own non-enumerable keys (vm2 reads
// Object, Reflect, Proxy... off it); what is set or deleted on it goes to the object.
function globalView(sandbox, builtin, freezable = false, declared = undefined, state = undefined) {
  const isBuiltin = (t, k) => typeof k === 'string' && globalNameSet.has(k) && !Reflect.has(t, k);
  // a var the context's scripts declared that the object lacks (never assigned, as node's
  // interceptor never sees it) is still the global's: in it, listed last, undefined
  const isDeclaredVar = (t, k) => declared !== undefined && typeof k === 'string' && declared.has(k) &&
    !globalNameSet.has(k) && !Reflect.has(t, k);
  let view;
  view = new Proxy(sandbox, {
    // a contextified object's global cannot be frozen, sealed or made non-extensible (V8's
    // interceptors refuse); a DONT_CONTEXTIFY global is an ordinary object that can
    preventExtensions(t) { return freezable ? Reflect.preventExtensions(t) : false; },
    get(t, k) {
      if (hasRefused(t, k, state)) return state.extra[k];
      if (!isBuiltin(t, k)) {
        // the object itself, read off its own global, is the global (node's interceptor hands
        // out the global proxy for it: ctx.window = ctx makes window === this)
        const v = Reflect.get(t, k);
        return v === t ? view : v;
      }
      return k === 'globalThis' ? view : builtin(k);
    },
    has(t, k) { return Reflect.has(t, k) || isBuiltin(t, k) || isDeclaredVar(t, k) || hasRefused(t, k, state); },
    deleteProperty(t, k) {
      if (declared !== undefined && declared.has(k) && (Reflect.has(t, k) || !globalNameSet.has(k))) return false;
      if (hasRefused(t, k, state)) return delete state.extra[k];
      return Reflect.deleteProperty(t, k);
    },
    // an assignment to a built-in the object lacks (jest's fake timers set global.Date and set
    // it back) is an ordinary one on the object, as node's interceptor makes it: without this
    // trap the engine would update the property getOwnPropertyDescriptor reports with the value
    // alone, which on the object makes a read-only, permanent property. (No defineProperty trap:
    // the engine's check of one's result refuses a non-configurable accessor's own getter.)
    set(t, k, v, receiver) {
      if (receiver === view && isBuiltin(t, k)) {
        // (NaN, Infinity and undefined are the global's read-only own: kept, and a TypeError
        // in strict code)
        if (readOnlyGlobals.has(k)) {
          if (state !== undefined && state.strict > 0) {
            throw new TypeError(`Cannot assign to read only property '${k}' of object '[object global]'`);
          }
          return true;
        }
        if (Reflect.isExtensible(t)) return Reflect.set(t, k, v);
      }
      return Reflect.set(t, k, v, receiver) ||
        (receiver === view && (refusedSet(t, k, state, '[object global]') || keepRefused(t, k, v, state)));
    },
    // the object's own properties as they are; a built-in it lacks as node's global holds it
    // (writable, not enumerable; configurable, as a proxy may report a property its target lacks)
    getOwnPropertyDescriptor(t, k) {
      const d = Reflect.getOwnPropertyDescriptor(t, k);
      if (d !== undefined) return d.configurable || 'value' in d ? d : sealedAccessor(d);
      if (!Reflect.isExtensible(t)) return d;
      // (node's reads configurable: false; a proxy cannot say that of a property its target lacks)
      if (isDeclaredVar(t, k)) return { value: undefined, writable: true, enumerable: true, configurable: true };
      if (!isBuiltin(t, k)) return d;
      return { value: k === 'globalThis' ? view : builtin(k), writable: true, enumerable: false, configurable: true };
    },
    ownKeys(t) {
      const keys = Reflect.ownKeys(t);
      // (a frozen global lists only its own: a proxy of a non-extensible target lists no others)
      if (!Reflect.isExtensible(t)) return keys;
      for (const k of globalNames) if (!Reflect.has(t, k)) keys.push(k);
      if (declared !== undefined) for (const k of declared) if (isDeclaredVar(t, k)) keys.push(k);
      return keys;
    },
  });
  binding.noteGlobalView(view);
  return view;
}
// sealedAccessor(d): a non-configurable accessor's descriptor as a proxy's getOwnPropertyDescriptor
// trap can hand it back. (The engine's check of such a trap's result refuses the very getter and
// setter the target holds, its test being inverted; it reads the result's get and set twice, once
// for that check and once for the descriptor it returns, so the first read gives undefined, which
// passes, and the second the target's own functions.)
function sealedAccessor(d) {
  let getReads = 0;
  let setReads = 0;
  return {
    enumerable: d.enumerable,
    configurable: false,
    get get() { return getReads++ === 0 ? undefined : d.get; },
    get set() { return setReads++ === 0 ? undefined : d.set; },
  };
}
const globalViews = new WeakMap(); // proxy -> () => its context's global view
const contextBuiltins = new WeakMap(); // proxy -> k => its context's global's built-in k
const evalName = binding.evalName;
const outerNames = new Set(binding.outerNames);

function makeProxy(sandbox, noStrings = false, isGlobal = false, selfGlobal = false) {
  const lenient = new Set();
  const declared = new Set();
  const state = { strict: 0, outside: isGlobal && !selfGlobal ? readOnlyNames(sandbox) : undefined };
  const gate = noStrings ? { open: false } : undefined;
  let ctxFunction;
  let ctxEval;
  let view = selfGlobal ? sandbox : undefined; // (a DONT_CONTEXTIFY global is a view itself)
  // the context's global's built-in k: its own eval and Function, the main context's others
  const builtin = (k) => {
    if (gate !== undefined && k === 'eval') return blockedEval;
    if (gate !== undefined && k === 'Function') return blockedFunction;
    if (k === 'Function' && isGlobal) {
      if (ctxFunction === undefined) ctxFunction = contextFunction(proxy, getView());
      return ctxFunction;
    }
    if (k === 'eval' && isGlobal) {
      if (ctxEval === undefined) ctxEval = contextEval(sandbox);
      return ctxEval;
    }
    return globalThis[k];
  };
  const getView = () => {
    if (view === undefined) view = globalView(sandbox, builtin, false, declared, state);
    return view;
  };
  const handler = {
    has(t, k) {
      if (typeof k !== 'string') return Reflect.has(t, k);
      if (Reflect.has(t, k)) return true;
      if (k === evalName) return isGlobal;
      if (gate !== undefined && (k === 'eval' || k === 'Function')) return true;
      if (isGlobal && k === 'Function') return true;
      // (the runtime's: the helpers rewritten code calls, as scopeTraps.has)
      if (k.startsWith('__gojsVm') || k === importName || k.startsWith('%gojs_') || outerNames.has(k)) return false;
      // a built-in the sandbox lacks is read off the main context's global (get), and assigned
      // on the sandbox as node's interceptor does (gojs let `Math = 5` replace the main
      // context's Math); the evaluator's own eval and the read-only values stay outside
      if (intrinsics.has(k)) return isGlobal && !outerIntrinsics.has(k);
      return true;
    },
    get(t, k) {
      if (k === Symbol.unscopables) return undefined;
      if (k === 'globalThis' && !Reflect.has(t, k)) return isGlobal ? getView() : t;
      // eval read as a value (see binding.indirectEvals): the context's own
      if (k === evalName && isGlobal && !Reflect.has(t, k)) return builtin('eval');
      if (gate !== undefined && (k === 'eval' || k === 'Function') && !Reflect.has(t, k)) {
        if (k === 'Function') return blockedFunction;
        if (gate.open) {
          gate.open = false;
          return eval;
        }
        return blockedEval;
      }
      if (k === 'Function' && isGlobal) {
        // (also when the object holds the main context's Function: jest's environment copies
        // the main globals onto its context's)
        const own = Reflect.has(t, k) ? Reflect.get(t, k) : Function;
        if (own !== Function) return own;
        if (ctxFunction === undefined) ctxFunction = contextFunction(proxy, getView());
        return ctxFunction;
      }
      if (hasRefused(t, k, state)) return state.extra[k];
      if (isGlobal && typeof k === 'string' && intrinsics.has(k) && !outerIntrinsics.has(k) && !Reflect.has(t, k)) return builtin(k);
      if (typeof k === 'string' && !lenient.has(k) && !Reflect.has(t, k) && !declared.has(k) && !k.startsWith('__gojsVm')) {
        throw new ReferenceError(`${k} is not defined`);
      }
      const v = Reflect.get(t, k);
      // the context's own eval, found on its global (a DONT_CONTEXTIFY global's, or jsdom's
      // window.eval), is the engine's to the code, whose eval(x) calls are then direct
      if (k === 'eval' && v === ctxEval && v !== undefined) return eval;
      return v === t && isGlobal ? getView() : v;
    },
    // a refused assignment (read-only, frozen) fails as the running code's mode has it: quietly
    // in sloppy code, a TypeError in strict code
    set(t, k, v) {
      return Reflect.set(t, k, v) || refusedSet(t, k, state) || keepRefused(t, k, v, state);
    },
    deleteProperty(t, k) {
      if (declared.has(k) && Reflect.has(t, k)) return false;
      // (a var is permanent, a name sloppy code assigned is not)
      if (hasRefused(t, k, state)) return !declared.has(k) && delete state.extra[k];
      return Reflect.deleteProperty(t, k);
    },
  };
  // (traps in Go answering the common cases as these would, and asking these for the rest: a
  // sandbox that is a proxy itself gets these alone)
  const proxy = binding.scopeProxy(sandbox, handler, isGlobal, gate !== undefined, intrinsicList) ?? new Proxy(sandbox, handler);
  if (handler.markRefused !== undefined) state.markRefused = handler.markRefused;
  lenientNames.set(proxy, lenient);
  declaredNames.set(proxy, declared);
  runStates.set(proxy, state);
  if (isGlobal) {
    contextBuiltins.set(proxy, builtin);
    globalViews.set(proxy, getView);
    binding.noteGlobalView(proxy);
  }
  lexicalScopes.set(proxy, Object.create(null));
  if (gate !== undefined) codeGenGates.set(proxy, gate);
  return proxy;
}

const ObjectDefineProperty = Object.defineProperty;
// readOnlyNames(o): the names of o's own read-only data properties (undefined: none).
function readOnlyNames(o) {
  let names;
  const keys = Reflect.ownKeys(o);
  for (let i = 0; i < keys.length; i++) {
    const d = Reflect.getOwnPropertyDescriptor(o, keys[i]);
    if (d !== undefined && d.writable === false) {
      if (names === undefined) names = new Set();
      names.add(keys[i]);
    }
  }
  return names;
}
// refusedSet(o, k, state, what): what an assignment of k that the sandbox o refused gives, as
// node's interceptor has it: a read-only data property throws in strict code and is kept
// quietly in sloppy code; one that is an accessor without a setter is kept quietly in either
// (its getter's value stays). false when the engine decides. (The message is V8's for a
// property the context's code defined on its global; node says "Cannot redefine property: k"
// for one the sandbox had from outside: here, one read-only when the object was contextified,
// state.outside.)
function refusedSet(o, k, state, what = '[object Object]') {
  for (let p = o; p !== null; p = Reflect.getPrototypeOf(p)) {
    const d = Reflect.getOwnPropertyDescriptor(p, k);
    if (d === undefined) continue;
    if (!('value' in d)) return d.set === undefined && (p !== o || d.configurable);
    if (d.writable) return false;
    // (an inherited one, assigned on the global object, is kept quietly in strict code too; a
    // bare name's assignment never gets here: see the scope's getOwnPropertyDescriptor)
    if (p !== o && what === '[object global]') return true;
    if (state !== undefined && state.strict > 0) {
      // one the object had when it was contextified is refused as a redefinition
      if (p === o && state.outside !== undefined && state.outside.has(k)) throw new TypeError(`Cannot redefine property: ${String(k)}`);
      throw new TypeError(`Cannot assign to read only property '${String(k)}' of object '${what}'`);
    }
    return false;
  }
  return false;
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true });
  return contexts.has(object);
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject === constants.DONT_CONTEXTIFY) {
    // node 20.18+: a context whose global object is handed out as it is (jsdom's window); here an
    // ordinary object, contextified, whose scripts see it as `this`
    if (options !== undefined) validateObject(options, 'options');
    // The object owns its realm's built-ins, as node's global does (Infinity, NaN and undefined
    // read-only and permanent, the others writable and configurable, so a deleted one is gone),
    // its eval and Function its own, as the proxy's scope gives them its code. No trap reports
    // them: goja's check of a getOwnPropertyDescriptor trap's answer refuses a non-configurable
    // accessor's own getter, and jsdom's window holds such (window, document, location, top),
    // which the context's scope, a proxy of this one, reads.
    const raw = {};
    let global;
    global = new Proxy(raw, {
      // (the object read off itself is the global, as node's interceptor hands it out)
      get(t, k) {
        const v = Reflect.get(t, k);
        return v === t ? global : v;
      },
    });
    binding.noteGlobalView(global);
    const proxy = makeProxy(global, false, true, true);
    const builtin = contextBuiltins.get(proxy);
    for (const k of globalNames) {
      const fixed = k === 'Infinity' || k === 'NaN' || k === 'undefined';
      ObjectDefineProperty(raw, k, {
        __proto__: null, value: k === 'globalThis' ? global : builtin(k), writable: !fixed, enumerable: false, configurable: !fixed,
      });
    }
    contexts.set(global, proxy);
    return global;
  }
  if (contextObject !== null && typeof contextObject === 'object' && contexts.has(contextObject)) return contextObject;
  validateObject(contextObject, 'object', { allowArray: true });
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode, importModuleDynamically } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    if (codeGeneration.strings !== undefined) validateBoolean(codeGeneration.strings, 'options.codeGeneration.strings');
    if (codeGeneration.wasm !== undefined) validateBoolean(codeGeneration.wasm, 'options.codeGeneration.wasm');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  validateImportOption(importModuleDynamically);
  const proxy = makeProxy(contextObject, codeGeneration !== undefined && codeGeneration.strings === false, true);
  if (microtaskMode === 'afterEvaluate') runStates.get(proxy).afterEvaluate = true;
  contexts.set(contextObject, proxy);
  return contextObject;
}

function contextProxy(ctx) {
  const p = ctx !== null && (typeof ctx === 'object' || typeof ctx === 'function') ? contexts.get(ctx) : undefined;
  if (p === undefined) {
    validateObject(ctx, 'object', { allowArray: true });
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', ctx);
  }
  return p;
}

// getOptions: the options of the vm.runIn*Context functions, a string being the filename.
function getOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined) return {};
  validateObject(options, 'options');
  return options;
}

// runOptions: the options of a Script's runs, checked as node checks them.
function runOptions(options = {}) {
  validateObject(options, 'options');
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return options;
}

// contextOptions: the options runInNewContext gives createContext.
function contextOptions(options) {
  if (!options) return {};
  const { contextName, contextOrigin, contextCodeGeneration, microtaskMode } = options;
  if (contextName !== undefined) validateString(contextName, 'options.contextName');
  if (contextOrigin !== undefined) validateString(contextOrigin, 'options.contextOrigin');
  if (contextCodeGeneration !== undefined) {
    validateObject(contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
  }
  if (microtaskMode !== undefined) validateString(microtaskMode, 'options.microtaskMode');
  return { name: contextName, origin: contextOrigin, microtaskMode, codeGeneration: contextCodeGeneration };
}

function runWithOptions(fn, options) {
  const timeout = options.timeout;
  if (timeout === undefined) return fn();
  validateUint32(timeout, 'options.timeout', true);
  const r = binding.withTimeout(timeout, fn);
  // node's C++ layer throws it: no [CODE] in its name
  if (r === binding.timeoutSentinel) {
    throw makeNativeError(Error, 'ERR_SCRIPT_EXECUTION_TIMEOUT', `Script execution timed out after ${timeout}ms`, runWithOptions);
  }
  return r;
}

// The evaluator: a sloppy function whose scope chain is the proxy and, inside it, the context's
// lexical scope (its scripts' top-level let, const and class bindings, which shadow the object's
// properties as a realm's global lexical scope does), running the code by direct eval and
// copying top-level declarations onto the context object. Code that declares lexical names, and
// strict code (whose eval keeps its vars to itself), ends with a trailer (lexTrailer) that hands
// the evaluator a reader and a writer of its own scope through __gojsVmLex$.capture. The code
// runs in an arrow function, which has no arguments of its own: the context answers for that
// name (not defined), as it does in node.
// evalInContext.call(thisValue, scope, run): scope is the proxy's or another object made by
// makeProxy; run is an evalRun. Every name the evaluator reads inside the `with` scopes but its
// arrow's own asks the proxy's has trap first (a call into JS), so the run's parts come in one
// object, read once, and are kept in the arrow's own variables.
// (made by an outer function whose parameter is the engine's eval: the global one may refuse
// code under --disallow-code-generation-from-strings, which node's contexts are not subject to)
const evalInContext = binding.run(binding.compile(`(function (eval) { return function (__gojsVmP$, __gojsVmA$) {
  with (__gojsVmP$) { with (__gojsVmA$.scope) {
    return ((__gojsVmA$) => {
      var __gojsVmLex$ = __gojsVmA$.lex, ${importName} = __gojsVmA$.imp, ${binding.thisMapperName} = __gojsVmA$.thisMap;
      var __gojsVmF$ = __gojsVmA$.fns.length === 0 ? undefined : function () {
        var p = __gojsVmA$.proxy, n = __gojsVmA$.fns;
        for (var i = 0; i < n.length; i++) p[n[i]] = arguments[i];
      };
      var __gojsVmResult$ = eval(__gojsVmA$.code);
      var __gojsVmNames$ = __gojsVmA$.names;
      if (__gojsVmNames$.length !== 0) {
        var __gojsVmGet$ = __gojsVmLex$.get, __gojsVmP$ = __gojsVmA$.proxy;
        for (var __gojsVmI$ = 0; __gojsVmI$ < __gojsVmNames$.length; __gojsVmI$++) {
          try {
            __gojsVmLex$.open();
            __gojsVmP$[__gojsVmNames$[__gojsVmI$]] = __gojsVmGet$ !== undefined ?
              __gojsVmGet$(__gojsVmNames$[__gojsVmI$]) : eval(__gojsVmNames$[__gojsVmI$]);
          } catch (e) {}
        }
      }
      __gojsVmLex$.close();
      return __gojsVmResult$;
    })(__gojsVmA$);
  } }
}; })`, 'node:vm'))(binding.eval || eval);
// (a var statement: its completion is empty, so the script's value is its last statement's)
const lexTrailer = '\n;var __gojsVmT$ = __gojsVmLex$.capture(function (__gojsVmN$) { return eval(__gojsVmN$); }, ' +
  'function (__gojsVmN$, __gojsVmV$) { eval(__gojsVmN$ + " = __gojsVmV$"); });';
const noScope = Object.freeze(Object.create(null));
const indirectEval = eval;
// lexCapture(proxy): a run's reader and writer of its code's scope (see lexTrailer), and the
// gate of its proxy's context (see openGate) opened and closed around the evaluator's own eval
// calls. (Object literals: a class's construction costs goja more.)
const lexCaptureProto = {
  __proto__: null,
  capture(get, set) { this.get = get; this.set = set; },
  open() { if (this.proxy !== undefined) openGate(this.proxy); },
  close() { if (this.proxy !== undefined) closeGate(this.proxy); },
};
function lexCapture(proxy) { return { __proto__: lexCaptureProto, get: undefined, set: undefined, proxy }; }
// evalRun: what one evalInContext call runs. proxy is the scope the evaluator assigns the code's
// declared names on, scope the lexical scope inside it, code the code, names its declared var and
// function names, imp the function its import() calls call, lex a lexCapture, fns the names of
// the functions the code hands the evaluator's __gojsVmF$ first (see binding.contextCode),
// thisMap what its sloppy functions' `this` passes through (binding.thisMapper), when they do.
function evalRun(proxy, scope, code, names, imp, lex, fns = noNames, thisMap = undefined) {
  return { proxy, scope, code, names, imp, lex, fns, thisMap };
}
const thisMappers = new WeakMap(); // proxy -> binding.thisMapper of its context
const lexicalScopes = new WeakMap(); // proxy -> its context's lexical scope object

// An error thrown out of a script's run (displayErrors not false) has, as in node, its stack
// start with the line that threw and a caret under where: "file.js:3\n  throw e;\n  ^\n\n".
// The place here is the script's innermost frame in the stack (where the error was made), with
// the caret of a `throw new X(...)` under its `throw` as V8 puts it.
const nonASCII = /[^\x00-\x7f]/;
const kDecorated = Symbol.for('gojs.stackDecorated');
function escapeRegExp(s) { return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }
const kVMThrown = Symbol.for('gojs.vmThrown');
function decorateErrorStack(err, script) {
  if (err === null || typeof err !== 'object' || err[kDecorated] === true) return;
  let stack;
  try { stack = err.stack; } catch { return; }
  if (typeof stack !== 'string') {
    // an object that is no error: node's uncaught-exception report prints the excerpt of where
    // the script threw it first (the arrow it attached), then the object
    try { Object.defineProperty(err, kVMThrown, { __proto__: null, value: true, configurable: true }); } catch {}
    return;
  }
  const m = new RegExp(`^\\s+at (?:.*\\()?${escapeRegExp(script.filename)}:(\\d+):(\\d+)\\)?$`, 'm').exec(stack);
  if (m === null) return;
  const line = Number(m[1]);
  const lineInCode = line - script.lineOffset;
  let col = Number(m[2]) - 1 - (lineInCode === 1 ? script.columnOffset : 0);
  const text = script.code.split('\n')[lineInCode - 1];
  if (text === undefined || col < 0 || col > text.length) return;
  const t = /\bthrow\s+(?:new\s+)?$/.exec(text.slice(0, col));
  if (t !== null) col = t.index;
  try {
    err.stack = `${script.filename}:${line}\n${text}\n${' '.repeat(col)}^\n\n${stack}`;
    Object.defineProperty(err, kDecorated, { __proto__: null, value: true, configurable: true });
  } catch {
    // a frozen error keeps its stack
  }
}

// sourceURLName is the name the last "//# sourceURL=" (or "//@ ") comment of code gives it, or "".
function sourceURLName(code) {
  if (!code.includes('sourceURL=')) return '';
  const re = /\/\/[#@] ?sourceURL=([^\s'"]*)/g;
  let m, name = '';
  while ((m = re.exec(code)) !== null) name = m[1];
  return name;
}

// decorateSyntaxError: a SyntaxError compiling a script has, as in node, its stack start with the
// line it is in and carets under the token: "file.js:3\nlet x = (;\n         ^\n\n".
function decorateSyntaxError(err, code, filename, lineOffset) {
  if (err === null || typeof err !== 'object') return;
  const pos = err[binding.posKey];
  if (pos === undefined) return;
  delete err[binding.posKey];
  const [line, carets] = pos;
  let text = code.split('\n')[line - 1];
  if (text === undefined) return;
  if (text.endsWith('\r')) text = text.slice(0, -1);
  try {
    err.stack = `${filename}:${line + lineOffset}\n${text}\n${carets}\n\n${err.stack}`;
    Object.defineProperty(err, kDecorated, { __proto__: null, value: true, configurable: true });
  } catch {
    // a frozen error keeps its stack
  }
}

// ContextifyScript holds what node's native script class does: Script extends it. Its methods
// are native in node, so on an object that is no script they throw V8's brand check error.
const scripts = new WeakMap(); // Script -> its state (see the constructor)
const ObjectPrototypeHasOwnProperty = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
// contextPrep: what runInContext needs of a script, worked out at its first run in a context and
// kept for the next: its declared var and function names (names), let, const and class names
// (lexNames), whether it is strict, the names it reads under typeof, the code the evaluator runs
// (by eval: it names its frames through an inline source map) and the names the evaluator
// copies onto the context after the run (copyNames): its functions', and its vars' unless the
// code was rewritten to assign them (binding.unvar: the context's object holds them, as a
// realm's global object holds a script's vars).
const noNames = Object.freeze([]);
function contextPrep(script) {
  const decl = binding.declared(script.runCode);
  const names = decl.names;
  const lexNames = decl.lets.concat(decl.consts);
  const typeofs = new Set();
  typeofNames(script.code, typeofs);
  const kept = decl.strict ? script.runCode : binding.keepDeclared(script.runCode, names);
  const cc = names.length !== 0 || kept.includes('this') ? binding.contextCode(kept, decl.fnCount !== 0) : undefined;
  const unvared = cc !== undefined && cc.unvar;
  // (what stays the code's own after its run: its vars unless unvared, its functions unless
  // the code deleted them from its scope after handing them over)
  const gone = cc !== undefined && cc.deleted ? new Set(cc.fns) : undefined;
  const copyNames = names.filter((n, i) => !(unvared && i >= decl.fnCount) && !(gone !== undefined && gone.has(n)));
  const trailer = lexNames.length !== 0 || (decl.strict && copyNames.length !== 0) ? lexTrailer : '';
  const run = binding.indirectEvals(binding.regexpSource(cc === undefined ? kept : cc.code));
  const map = cc === undefined ? binding.sourceMap(script.code, script.filename, script.lineOffset, script.columnOffset) :
    binding.sourceMapWith(script.code, script.filename, script.lineOffset, script.columnOffset, cc.ins);
  return {
    // (strict code's assignment of a name the object lacks throws in the engine: hoisted)
    names, copyNames, hoistNames: decl.strict ? names : copyNames, declares: !decl.strict || unvared, lexNames, strict: decl.strict,
    typeofNames: [...typeofs], code: run + trailer + map, fns: cc === undefined ? noNames : cc.fns,
    thisMapped: cc !== undefined && cc.thisMapped,
  };
}
function checkScript(self) {
  const st = scripts.get(self);
  if (st === undefined) throw new TypeError('Illegal invocation');
  return st;
}
// Cached data. gojs keeps no code cache, but a program that stores what createCachedData gives
// and passes it back (v8-compile-cache and the like) must see it accepted, and data that is not
// ours, or made for a source of another length, rejected, as V8 checks its magic number, version
// and source hash (a source's length). Four little-endian words: magic, version, source length,
// payload length (0). Empty data is no data (node compiles without a cache and rejects nothing).
const kCacheMagic = 0xc0de676a;
const kCacheVersion = 1;
function makeCachedData(sourceLength) {
  const buf = Buffer.alloc(16);
  buf.writeUInt32LE(kCacheMagic, 0);
  buf.writeUInt32LE(kCacheVersion, 4);
  buf.writeUInt32LE(sourceLength >>> 0, 8);
  return buf;
}
function cachedDataRejected(data, sourceLength) {
  if (data.byteLength === 0) return false;
  if (data.byteLength < 16) return true;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return view.getUint32(0, true) !== kCacheMagic || view.getUint32(4, true) !== kCacheVersion ||
    view.getUint32(8, true) !== sourceLength >>> 0;
}
class ContextifyScript {
  constructor() { scripts.set(this, null); }
  createCachedData() { const st = checkScript(this); return makeCachedData(st === null ? 0 : st.code.length); }
}

class Script extends ContextifyScript {
  constructor(code, options = {}) {
    super();
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    let { filename = 'evalmachine.<anonymous>' } = options;
    const {
      lineOffset = 0, columnOffset = 0, cachedData, produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateImportOption(importModuleDynamically);
    // (a sourceURL comment names the script in its frames and excerpts, over the filename)
    filename = sourceURLName(code) || filename;
    let compiled;
    try {
      compiled = compileScript(code, filename, lineOffset, columnOffset);
    } catch (err) {
      decorateSyntaxError(err, code, filename, lineOffset);
      throw err;
    }
    // the script's state, kept out of sight (of inspect, Object.keys, showHidden) as node's
    // native fields are
    const st = {
      code,
      filename,
      lineOffset,
      columnOffset,
      program: compiled.program,
      runCode: compiled.code,
      compiled,
      importer: undefined,
      onError: undefined,
    };
    st.onError = (err) => decorateErrorStack(err, st);
    scripts.set(this, st);
    if (compiled.code !== code) {
      st.importer = importer(importModuleDynamically, filename, () => this);
      thisContextImporters.set(filename, st.importer);
    }
    if (cachedData !== undefined) this.cachedDataRejected = cachedDataRejected(cachedData, code.length);
    if (produceCachedData) {
      this.cachedData = makeCachedData(code.length);
      this.cachedDataProduced = true;
    }
    // the last sourceMappingURL magic comment names the script's source map
    this.sourceMapURL = undefined;
    if (code.includes('sourceMappingURL=')) {
      const re = /\/\/[#@] ?sourceMappingURL=([^\s'"]*)/g;
      let m;
      while ((m = re.exec(code)) !== null) this.sourceMapURL = m[1];
    }
  }

  runInThisContext(options) {
    const st = checkScript(this);
    options = runOptions(options);
    if (st.importer !== undefined) {
      installGlobalImporter();
      thisContextImporters.set(st.filename, st.importer);
    }
    // (what the script throws is decorated on its way out, not caught and thrown again here)
    const onError = options.displayErrors !== false ? st.onError : undefined;
    return runWithOptions(() => binding.run(st.program, onError), options);
  }

  runInContext(contextifiedObject, options) {
    const st = checkScript(this);
    const proxy = contextProxy(contextifiedObject);
    options = runOptions(options);
    const compiled = st.compiled;
    const prep = compiled.prep === null ? (compiled.prep = contextPrep(st)) : compiled.prep;
    const names = prep.names;
    const lexNames = prep.lexNames;
    const typeofs = prep.typeofNames;
    if (typeofs.length !== 0) {
      const lenient = lenientNames.get(proxy);
      for (let i = 0; i < typeofs.length; i++) lenient.add(typeofs[i]);
    }
    const scope = lexicalScopes.get(proxy);
    // a name the context's lexical scope has already cannot be declared again
    for (let l = 0; l < 2; l++) {
      const list = l === 0 ? lexNames : names;
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        if (ObjectPrototypeHasOwnProperty(scope, n)) {
          const err = new SyntaxError(`Identifier '${n}' has already been declared`);
          if (options.displayErrors !== false) decorateErrorStack(err, st);
          throw err;
        }
      }
    }
    // Hoist: declared functions (and vars the code keeps as its own) exist on the object before
    // the code runs, in order. A var the code assigns (see contextPrep) is the object's once
    // assigned, as node's interceptor sees it; until then the scope reads it as undefined.
    const hoist = prep.hoistNames;
    const state = runStates.get(proxy);
    for (let i = 0; i < hoist.length; i++) {
      const n = hoist[i];
      if (!(n in contextifiedObject) && !Reflect.set(contextifiedObject, n, undefined) && !hasRefused(contextifiedObject, n, state)) {
        keepRefused(contextifiedObject, n, undefined, state);
      }
    }
    if (prep.declares && names.length !== 0) {
      const declared = declaredNames.get(proxy);
      if (declared !== undefined) for (let i = 0; i < names.length; i++) declared.add(names[i]);
    }
    const lex = lexCapture(proxy);
    let done = false;
    if (prep.strict) state.strict++;
    // (a context of its own microtask queue: see the binding's jobsMark)
    const mark = state.afterEvaluate === true ? binding.jobsMark() : -1;
    if (mark >= 0) binding.requeueJobs(state);
    try {
      openGate(proxy);
      // Through Go, so that a stack overflow in the code is caught there (see run); what the code
      // throws is decorated on its way out, not caught and thrown again here (see run).
      const global = globalViews.get(proxy)();
      const onError = options.displayErrors !== false ? st.onError : undefined;
      let thisMap;
      if (prep.thisMapped) {
        thisMap = thisMappers.get(proxy);
        if (thisMap === undefined) thisMappers.set(proxy, thisMap = binding.thisMapper(global, proxy, scope));
      }
      const run = evalRun(proxy, scope, prep.code, prep.copyNames, st.importer, lex, prep.fns, thisMap);
      const result = options.timeout === undefined ? binding.callOnError(onError, evalInContext, global, proxy, run) :
        runWithOptions(() => binding.callOnError(onError, evalInContext, global, proxy, run), options);
      done = true;
      return result;
    } finally {
      if (prep.strict) state.strict--;
      if (!done) closeGate(proxy);
      // the script's lexical bindings join the context's scope, live: a later script reads
      // and assigns the same bindings its functions close over
      if (lex.get !== undefined) {
        for (let i = 0; i < lexNames.length; i++) {
          const n = lexNames[i];
          Object.defineProperty(scope, n, {
            __proto__: null,
            get() {
              openGate(proxy);
              try { return lex.get(n); } finally { closeGate(proxy); }
            },
            set(v) {
              openGate(proxy);
              try { lex.set(n, v); } finally { closeGate(proxy); }
            },
            enumerable: true,
            configurable: true,
          });
        }
      }
      if (mark >= 0) {
        if (done) binding.runJobsSince(mark);
        else binding.holdJobsSince(state, mark);
      }
    }
  }

  runInNewContext(contextObject, options) {
    const ctx = createContext(contextObject, contextOptions(options));
    return this.runInContext(ctx, options);
  }

}

function createScript(code, options) { return new Script(code, options); }

// anonScript(code): the Script that vm.runInThisContext(code) and the like run when they get
// no options, made once per compiled code (see compileScript) and run again by each such call
// (no one else sees it: a Script is built by a class constructor, validation and state, which
// cost these calls more than their run). undefined when the code is no such script's: too long
// to be cached, rewritten (its import() calls need an importer of their own) or refused by the
// compiler (the Script constructor decorates the SyntaxError).
function anonScript(code) {
  if (typeof code !== 'string' || code.length > maxCachedCode) return undefined;
  let compiled;
  try {
    compiled = compileScript(code, 'evalmachine.<anonymous>');
  } catch {
    return undefined;
  }
  if (compiled.code !== code) return undefined;
  if (compiled.anon === undefined) compiled.anon = new Script(code);
  return compiled.anon;
}

function runInThisContext(code, options) {
  const anon = options === undefined ? anonScript(code) : undefined;
  if (anon !== undefined) return anon.runInThisContext();
  options = getOptions(options);
  return createScript(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  contextProxy(contextifiedObject);
  const anon = options === undefined ? anonScript(code) : undefined;
  if (anon !== undefined) return anon.runInContext(contextifiedObject);
  options = getOptions(options);
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  const anon = options === undefined ? anonScript(code) : undefined;
  if (anon !== undefined) return anon.runInNewContext(contextObject);
  options = getOptions(options);
  const script = createScript(code, options);
  return script.runInNewContext(contextObject, options);
}

// extensionScope: the scope of a function compiled over context extensions.
function extensionScope(scopes, src) {
  const proxy = makeProxy(Object.assign(Object.create(null), ...scopes.reverse()));
  typeofNames(src, lenientNames.get(proxy));
  return proxy;
}

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  } else {
    params = [];
  }
  validateObject(options, 'options');
  const {
    filename = '', columnOffset = 0, lineOffset = 0, cachedData, produceCachedData = false, parsingContext,
    contextExtensions = [], importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null || !contexts.has(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateImportOption(importModuleDynamically);
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((e, i) => validateObject(e, `options.contextExtensions[${i}]`, { nullable: true }));
  let src = `(function (${params.join(', ')}) {\n${code}\n})`;
  // the body and parameters must make one function: text that closes it early is refused, as
  // V8 parses them as a function's parts
  let imp;
  try {
    binding.checkFunction(src);
  } catch (err) {
    const renamed = binding.rewriteImports(src);
    if (renamed === undefined) {
      decorateSyntaxError(err, code, filename, lineOffset);
      throw err;
    }
    binding.checkFunction(renamed);
    src = renamed;
    imp = importer(importModuleDynamically, filename, () => fn);
  }
  // Run by eval, the function names its frames through an inline source map: the body's lines
  // read as lines of filename from lineOffset on (columnOffset on the first), "<anonymous>"
  // when it has no name.
  const map = binding.functionSourceMap(src, filename || '<anonymous>', lineOffset, columnOffset);
  src = binding.regexpSource(src);
  const scopes = contextExtensions.filter((e) => e !== null);
  let fn;
  if (parsingContext !== undefined && scopes.length === 0) {
    // the function's free names are the context's global's, live (what it assigns lands on the
    // context object, what is set there later it reads) and with its built-ins: globalThis is
    // the context's global, as in the context's scripts (jest 30 compiles its modules so: their
    // `globalThis.Symbol` read the context object, which lacks it)
    const proxy = contexts.get(parsingContext);
    typeofNames(src, lenientNames.get(proxy));
    fn = evalInContext.call(globalViews.get(proxy)(), proxy, evalRun(proxy, lexicalScopes.get(proxy), src + map, [], imp, lexCapture()));
  } else if (scopes.length !== 0 || parsingContext !== undefined) {
    if (parsingContext !== undefined) scopes.unshift(parsingContext);
    // a parsing context's own lexical bindings (its scripts' let, const, class) are in scope too
    const lexical = parsingContext !== undefined ? lexicalScopes.get(contexts.get(parsingContext)) : noScope;
    const scope = extensionScope(scopes, src);
    fn = evalInContext.call(parsingContext || {}, scope, evalRun(scope, lexical, src + map, [], imp, lexCapture()));
  } else if (imp !== undefined) {
    fn = indirectEval(`(function (${importName}) { return ${src} })${map}`)(imp);
  } else {
    fn = indirectEval(src + map);
  }
  if (produceCachedData) {
    fn.cachedDataProduced = true;
    fn.cachedData = makeCachedData(code.length);
  } else if (cachedData !== undefined) {
    fn.cachedDataRejected = cachedDataRejected(cachedData, code.length);
  }
  return fn;
}

let measureMemoryWarned = false;
function measureMemory(options = {}) {
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const total = { jsMemoryEstimate: 0, jsMemoryRange: [0, 0] };
  if (mode === 'summary') return Promise.resolve({ total });
  return Promise.resolve({ total, current: { jsMemoryEstimate: 0, jsMemoryRange: [0, 0] }, other: [] });
}

// ---------------------------------------------------------------- vm.Module (--experimental-vm-modules)
//
// A SourceTextModule's source is transformed as the loader transforms an ES module file (imports
// become calls of a require that hands out the linked modules' namespaces, exports getters on
// the namespace), compiled in its context (a function made by runInContext), and evaluated after
// the modules it imports, depth first. A SyntheticModule's namespace holds the names it was made
// with, set by setExport. Statuses, errors and checks are node's.
let vmModuleWarned = false;
let vmModuleBinding;
let globalModuleId = 0;
const kPerContextModuleId = Symbol('kPerContextModuleId');
const kModuleState = Symbol('kModuleState');
const kNoError = Symbol('kNoError');
const vmModuleErrors = () => {
  if (!codes.ERR_VM_MODULE_STATUS) {
    E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
    E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
    E('ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', Error);
    E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA', 'Cached data cannot be created for a module which has been evaluated', Error);
  }
  // (node's C++ layer throws this one: internal/errors has no such code)
  if (!codes.ERR_VM_MODULE_CACHED_DATA_REJECTED) E('ERR_VM_MODULE_CACHED_DATA_REJECTED', 'cachedData buffer was rejected', Error);
  if (!codes.ERR_VM_MODULE_LINK_FAILURE) E('ERR_VM_MODULE_LINK_FAILURE', '%s', Error);
  return codes;
};
function moduleState(m, name) {
  const st = m !== null && (typeof m === 'object' || typeof m === 'function') ? m[kModuleState] : undefined;
  if (st === undefined) throw new ERR_INVALID_ARG_TYPE('this', name, m);
  return st;
}
// A namespace: no prototype, names sorted, a getter each (live), sealed once evaluated.
function newNamespace() {
  const ns = Object.create(null);
  Object.defineProperty(ns, Symbol.toStringTag, { __proto__: null, value: 'Module' });
  vmModuleBinding.markNamespace(ns);
  return ns;
}
function moduleHelpers() {
  const defProp = Object.defineProperty;
  const copyProps = (to, from, except) => {
    if ((from && typeof from === 'object') || typeof from === 'function') {
      for (const key of Object.getOwnPropertyNames(from)) {
        if (Object.prototype.hasOwnProperty.call(to, key) || key === except) continue;
        const desc = Object.getOwnPropertyDescriptor(from, key);
        defProp(to, key, { get: () => from[key], enumerable: !desc || desc.enumerable, configurable: true });
      }
    }
    return to;
  };
  const sortKeys = (target) => {
    const keys = Object.keys(target).sort();
    const descs = keys.map((k) => Object.getOwnPropertyDescriptor(target, k));
    for (const k of keys) delete target[k];
    keys.forEach((k, i) => defProp(target, k, descs[i]));
  };
  const defNormalProp = (obj, key, value) => (key in obj
    ? defProp(obj, key, { enumerable: true, configurable: true, writable: true, value })
    : obj[key] = value);
  return {
    __create: Object.create,
    __defProp: defProp,
    __getOwnPropDesc: Object.getOwnPropertyDescriptor,
    __getOwnPropNames: Object.getOwnPropertyNames,
    __getProtoOf: Object.getPrototypeOf,
    __hasOwnProp: Object.prototype.hasOwnProperty,
    __typeError: (msg) => { throw TypeError(msg); },
    __defNormalProp: defNormalProp,
    __publicField: (obj, key, value) => defNormalProp(obj, typeof key !== 'symbol' ? key + '' : key, value),
    __export: (target, all) => {
      for (const name of Object.keys(all).sort()) defProp(target, name, { get: all[name], enumerable: true, configurable: true });
    },
    __copyProps: copyProps,
    __reExport: (target, mod, second) => {
      copyProps(target, mod, 'default');
      sortKeys(target);
      if (second) copyProps(second, mod, 'default');
    },
    __toCommonJS: (mod) => copyProps(defProp({}, '__esModule', { value: true }), mod),
    __toESM: (mod) => mod,
  };
}
let sharedModuleHelpers;

// importedNamespace is what import() gives for what an importModuleDynamically callback returned:
// a vm.Module's namespace (its error if it failed), a module namespace as it is.
function importedNamespace(m) {
  if (m !== null && (typeof m === 'object' || typeof m === 'function')) {
    if (m[kModuleState] !== undefined) {
      if (m.status === 'errored') throw m.error;
      return m.namespace;
    }
    if (require('util').types.isModuleNamespaceObject(m)) return m;
  }
  throw new ERR_VM_MODULE_NOT_MODULE();
}

class Module {
  constructor(options) {
    if (!vmModuleWarned) {
      vmModuleWarned = true;
      process.emitWarning('VM Modules is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
    if (new.target === Module) throw new TypeError('Module is not a constructor');
    vmModuleErrors();
    if (vmModuleBinding === undefined) vmModuleBinding = require('internal/vm_module');
    const { context } = options;
    if (context !== undefined) {
      validateObject(context, 'context');
      if (!isContext(context)) throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
    }
    let { identifier } = options;
    if (identifier !== undefined) {
      validateString(identifier, 'options.identifier');
    } else if (context === undefined) {
      identifier = `vm:module(${globalModuleId++})`;
    } else {
      // (numbered per context)
      const id = context[kPerContextModuleId] === undefined ? 0 : context[kPerContextModuleId];
      identifier = `vm:module(${id})`;
      Object.defineProperty(context, kPerContextModuleId, { __proto__: null, value: id + 1, writable: true, configurable: true });
    }
    this[kModuleState] = {
      identifier, context, status: 'unlinked', error: kNoError, ns: newNamespace(),
      requests: [], modules: null, run: null, promise: undefined,
    };
  }

  get identifier() { return moduleState(this, 'Module').identifier; }
  get context() { return moduleState(this, 'Module').context; }
  get namespace() {
    const st = moduleState(this, 'Module');
    if (st.status === 'unlinked' || st.status === 'linking') {
      throw new codes.ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return st.ns;
  }
  get status() { return moduleState(this, 'Module').status; }
  get error() {
    const st = moduleState(this, 'Module');
    if (st.status !== 'errored') throw new codes.ERR_VM_MODULE_STATUS('must be errored');
    return st.error;
  }

  async link(linker) {
    const st = moduleState(this, 'Module');
    validateFunction(linker, 'linker');
    if (st.status === 'linked') throw new codes.ERR_VM_MODULE_ALREADY_LINKED();
    if (st.status !== 'unlinked') throw new codes.ERR_VM_MODULE_STATUS('must be unlinked');
    await linkModule(this, linker);
    instantiateModule(this, new Set());
  }

  async evaluate(options = {}) {
    const st = moduleState(this, 'Module');
    validateObject(options, 'options');
    if (options.timeout !== undefined) validateUint32(options.timeout, 'options.timeout', true);
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    if (st.status !== 'linked' && st.status !== 'evaluated' && st.status !== 'errored' && st.status !== 'evaluating') {
      throw new codes.ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    await evaluateModule(this, options);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const st = moduleState(this, 'Module');
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = this.constructor || Module;
    const o = { __proto__: { constructor: ctor } };
    o.status = st.status;
    o.identifier = st.identifier;
    o.context = st.context;
    Object.setPrototypeOf(o, Object.getPrototypeOf(this));
    Object.defineProperty(o, Symbol.toStringTag, { __proto__: null, value: ctor.name, configurable: true });
    return inspect(o, { ...options, customInspect: false });
  }
}

// linkModule asks the linker for every request of m (and of the modules it hands back that are
// unlinked), as node's link does: all at once, then waits for them all.
async function linkModule(m, linker) {
  const st = m[kModuleState];
  if (st.kind === 'synthetic') return;
  st.status = 'linking';
  const promises = st.requests.map((specifier) => {
    const attributes = { __proto__: null };
    return Promise.resolve(linker(specifier, m, { attributes, assert: attributes })).then(async (dep) => {
      if (dep === null || (typeof dep !== 'object' && typeof dep !== 'function') || dep[kModuleState] === undefined) {
        throw new ERR_VM_MODULE_NOT_MODULE();
      }
      if (dep.context !== m.context) throw new codes.ERR_VM_MODULE_DIFFERENT_CONTEXT();
      if (dep.status === 'errored') {
        throw new codes.ERR_VM_MODULE_LINK_FAILURE(`request for '${specifier}' resolved to an errored module`, dep.error);
      }
      if (dep.status === 'unlinked') await linkModule(dep, linker);
      return dep;
    });
  });
  try {
    st.modules = await Promise.all(promises);
    st.status = 'unlinked'; // linked by instantiateModule
  } catch (e) {
    st.status = 'errored';
    st.error = e;
    throw e;
  }
}

// instantiateModule checks that the names m imports are exported by the modules they come from,
// then m and those are linked; a missing name leaves m unlinked.
function instantiateModule(m, seen) {
  const st = m[kModuleState];
  if (seen.has(m) || st.status !== 'unlinked') return;
  seen.add(m);
  if (st.kind === 'source') {
    st.requests.forEach((spec, i) => {
      const dep = st.modules[i];
      instantiateModule(dep, seen);
      const names = st.used[spec];
      if (names === undefined) return;
      const exported = exportNames(dep);
      if (exported === undefined) return;
      for (const name of names) {
        if (!exported.includes(name)) {
          throw new SyntaxError(`The requested module '${spec}' does not provide an export named '${name}'`);
        }
      }
    });
  }
  st.status = 'linked';
}
function exportNames(m) {
  const st = m[kModuleState];
  return st.kind === 'synthetic' ? st.exportNames : st.exports;
}

// evaluateModule runs the modules m imports (depth first, once), then m; an error makes m and
// every module importing it errored with it.
function evaluateModule(m, options) {
  const st = m[kModuleState];
  if (st.status === 'errored') return Promise.reject(st.error);
  if (st.promise !== undefined) return st.promise;
  st.status = 'evaluating';
  const fail = (e) => {
    st.status = 'errored';
    st.error = e;
    throw e;
  };
  const deps = st.modules || [];
  const waits = [];
  try {
    for (const dep of deps) {
      const ds = dep[kModuleState];
      if (ds.status === 'evaluating' && ds.promise === undefined) continue; // a cycle
      if (ds.status === 'errored') throw ds.error;
      const p = evaluateModule(dep, options);
      if (ds.async || ds.waiting) waits.push(p);
      else if (ds.status === 'errored') throw ds.error;
    }
  } catch (e) {
    st.promise = Promise.reject(e);
    st.promise.catch(() => {});
    st.status = 'errored';
    st.error = e;
    return st.promise;
  }
  const body = () => {
    let r;
    try {
      r = runWithOptions(() => st.run(), options);
    } catch (e) {
      fail(e);
    }
    if (st.async) {
      return Promise.resolve(r).then(() => { st.status = 'evaluated'; Object.seal(st.ns); }, fail);
    }
    st.status = 'evaluated';
    Object.seal(st.ns);
    return undefined;
  };
  if (waits.length !== 0) {
    st.waiting = true;
    st.status = 'evaluated'; // (V8 reports a module awaiting its async dependencies as evaluated)
    st.promise = Promise.all(waits).then(body, fail);
  } else {
    try {
      const r = body();
      st.promise = r === undefined ? Promise.resolve() : r;
      if (st.async) st.status = 'evaluated';
    } catch (e) {
      st.promise = Promise.reject(e);
    }
  }
  st.promise.catch(() => {});
  return st.promise;
}

class SourceTextModule extends Module {
  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0, columnOffset = 0, initializeImportMeta, importModuleDynamically, context, identifier, cachedData,
    } = options;
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    if (importModuleDynamically !== undefined) validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    super({ context, identifier });
    const st = this[kModuleState];
    st.kind = 'source';
    let t;
    try {
      // (lineOffset and columnOffset place the source: it is compiled after as many line breaks
      // and spaces, so its positions in stacks and errors are the placed ones)
      const place = sourceText.startsWith('#!') ? '' :
        '\n'.repeat(Math.max(lineOffset, 0)) + ' '.repeat(Math.max(columnOffset, 0));
      t = vmModuleBinding.transform(place + sourceText, st.identifier);
    } catch (err) {
      // node's stack: its compile in the Module constructor, then the caller's frames
      if (err instanceof SyntaxError) {
        const holder = {};
        Error.captureStackTrace(holder, new.target);
        const callers = holder.stack.slice(holder.stack.indexOf('\n'));
        err.stack = `SyntaxError: ${err.message}\n    at new Module (node:internal/vm/module:137:21)\n` +
          `    at new SourceTextModule (node:internal/vm/module:289:5)${callers}`;
      }
      throw err;
    }
    // (a module's cache is all or nothing: empty data is rejected too)
    if (cachedData !== undefined && (cachedData.byteLength === 0 || cachedDataRejected(cachedData, sourceText.length))) {
      throw new (vmModuleErrors().ERR_VM_MODULE_CACHED_DATA_REJECTED)();
    }
    st.sourceLength = sourceText.length;
    st.requests = t.deps;
    st.used = t.used;
    st.exports = t.exports;
    st.async = t.async;
    // Until the body runs, its exports are in their temporal dead zone (hoisted functions and
    // vars read undefined); the body's exports replace these.
    if (t.placeholders !== undefined) {
      const [names, tdz] = t.placeholders;
      names.forEach((name, i) => {
        const get = tdz[i] ? () => { throw new ReferenceError(`Cannot access '${name}' before initialization`); } : () => undefined;
        Object.defineProperty(st.ns, name, { __proto__: null, get, enumerable: true, configurable: true });
      });
    }
    // the namespace has its names (unset until the body runs) from the start
    let fn;
    if (context === undefined) {
      fn = vmModuleBinding.compile(t.code, st.identifier);
    } else {
      fn = runInContext(`${vmModuleBinding.wrapperPrefix}'use strict';${t.code}\n})`, context, { filename: st.identifier });
    }
    const self = this;
    let meta;
    const req = (spec) => st.modules[st.requests.indexOf(spec)][kModuleState].ns;
    const dynImport = (specifier, attrs) => {
      if (importModuleDynamically === undefined) return Promise.reject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING());
      const attributes = attrs !== null && typeof attrs === 'object' && attrs.with !== undefined ? attrs.with : { __proto__: null };
      return Promise.resolve().then(() => importModuleDynamically(`${specifier}`, self, attributes)).then(importedNamespace);
    };
    st.run = () => {
      if (meta === undefined) {
        meta = Object.create(null);
        if (initializeImportMeta !== undefined) initializeImportMeta(meta, self);
      }
      if (sharedModuleHelpers === undefined) sharedModuleHelpers = moduleHelpers();
      return fn(req, { exports: st.ns }, meta, dynImport, sharedModuleHelpers);
    };
    this[kDependencySpecifiers] = undefined;
  }

  get dependencySpecifiers() {
    const st = moduleState(this, 'SourceTextModule');
    if (this[kDependencySpecifiers] === undefined) this[kDependencySpecifiers] = st.requests.slice();
    return this[kDependencySpecifiers];
  }

  // (own accessors, as node's SourceTextModule overrides them)
  get status() { return super.status; }
  get error() { return super.error; }

  createCachedData() {
    const { status } = this;
    if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
      throw new codes.ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return makeCachedData(this[kModuleState].sourceLength);
  }
}
const kDependencySpecifiers = Symbol('kDependencySpecifiers');

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    exportNames.forEach((name, i) => {
      if (exportNames.indexOf(name, i + 1) !== -1) {
        throw new codes.ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
      }
    });
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context, identifier } = options;
    super({ context, identifier });
    const st = this[kModuleState];
    st.kind = 'synthetic';
    st.exportNames = exportNames.slice();
    const values = new Map();
    for (const name of [...st.exportNames].sort()) {
      values.set(name, undefined);
      Object.defineProperty(st.ns, name, { __proto__: null, get: () => values.get(name), enumerable: true, configurable: true });
    }
    st.values = values;
    // (node calls it on the module's internal wrap, which has setExport)
    const wrap = { setExport: (name, value) => this.setExport(name, value) };
    st.run = () => { evaluateCallback.call(wrap); };
  }

  setExport(name, value) {
    const st = moduleState(this, 'SyntheticModule');
    validateString(name, 'name');
    if (st.status === 'unlinked' || st.status === 'linking') throw new codes.ERR_VM_MODULE_STATUS('must be linked');
    if (!st.values.has(name)) throw new ReferenceError(`Export '${name}' is not defined in module`);
    st.values.set(name, value);
  }
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
// (node has them only under the flag)
if (binding.vmModules()) Object.assign(module.exports, { Module, SourceTextModule, SyntheticModule });
