(function (binding, require, internalBinding) {
'use strict';
// Builds `process` and the global scope. Returns { process, hooks } where hooks are called by the
// runtime from Go: fatalException, unhandledRejection, rejectionHandled, beforeExit, exit.

// errors and validators load on the first bad argument, events on the first use of process as an
// EventEmitter: a script that never needs them does not pay for compiling or building them.
function codes() { return require('internal/errors').codes; }
function validators() { return require('internal/validators'); }

const globalObject = globalThis;

// goja has no Symbol.asyncIterator. The well-known symbol is defined here, before any glue runs,
// so that every built-in's [Symbol.asyncIterator] method, esbuild's lowered `for await` and async
// generators (which look up Symbol.asyncIterator first) and user code all agree on one key.
if (typeof Symbol.asyncIterator !== 'symbol') {
  Object.defineProperty(Symbol, 'asyncIterator', { __proto__: null, value: Symbol('Symbol.asyncIterator'), writable: false, enumerable: false, configurable: false });
}

function defineGlobal(name, value) {
  Object.defineProperty(globalObject, name, { __proto__: null, value, writable: true, configurable: true, enumerable: false });
}


// ---- process ----------------------------------------------------------------------------------

function process() {}
const proc = new process();
// What glue gets of the process glue without a key of process's (internal/process_private,
// runtime/processprivate.go), given before anything can load a module: the global console's
// write (rawWrite, below), stdio's terminal facts, and the keys of EventEmitter's own symbol
// fields (events.js's, which process has from the start, as node's).
const kShapeMode = Symbol('shapeMode');
const kCapture = Symbol('kCapture');
const stdioInfo = { stdoutIsTTY: binding.stdoutIsTTY, stderrIsTTY: binding.stderrIsTTY, stdinIsTTY: binding.stdinIsTTY, columns: binding.columns };
{
  const priv = binding.private;
  priv.rawWrite = rawWrite;
  priv.stdioInfo = stdioInfo;
  priv.kShapeMode = kShapeMode;
  priv.kCapture = kCapture;
}
// Until events is loaded, process.prototype inherits from a Go object that loads it on the first
// lookup of any name (process.on, process.emit, ...) and then steps out of the chain.
let eventsReady = false;
function ensureEvents() {
  if (eventsReady) return;
  eventsReady = true;
  binding.makeStubbed(readyEvents);
}
function readyEvents() {
  // the emitter's own fields stood in for (so they are in node's place among process's keys):
  // plain values now, which EventEmitter's constructor sets
  binding.processEventsReady(proc);
  cold(true).setUpEvents();
}
Object.setPrototypeOf(process.prototype, binding.lazyEmitterProto(proc, ensureEvents));
// node's rarely used members (bootstrapevents.js's installExtras) are own properties from the
// start, as node's (a program copying process's own properties finds dlopen): until one is read
// or set, each is an accessor that makes them all (in place, so they keep node's order among
// process's keys). EventEmitter's own fields are such accessors too until events is set up.
let extrasMade = false;
function makeExtras() {
  if (extrasMade) return;
  extrasMade = true;
  binding.makeStubbed(cold(true).installExtras);
}

const nodeVersion = binding.version;
// node 20.20.2's components, whose behaviour gojs's follow (the parsers of http and http2,
// fetch's undici, dns's c-ares, Intl's ICU data, the OpenSSL and brotli levels of crypto and
// zlib...): programs read these (process.versions.v8.split('.'), an ICU check) as node's
const versions = {
  node: nodeVersion.slice(1),
  gojs: binding.gojsVersion,
  go: binding.goVersion,
  acorn: '8.16.0',
  ada: '2.9.2',
  ares: '1.34.6',
  brotli: '1.1.0',
  cjs_module_lexer: '2.2.0',
  cldr: '48.0',
  icu: '78.2',
  llhttp: '9.3.1',
  modules: '115',
  napi: '9',
  nghttp2: '1.61.0',
  openssl: '3.0.19',
  simdutf: '6.4.2',
  tz: '2025c',
  undici: '6.24.1',
  unicode: '17.0',
  uv: '1.46.0',
  uvwasi: '0.0.23',
  v8: '11.3.244.8-node.38',
  zlib: '1.3.1-e00f703',
};
const release = {
  name: 'node',
  lts: 'Iron',
  sourceUrl: `https://nodejs.org/download/release/${nodeVersion}/node-${nodeVersion}.tar.gz`,
  headersUrl: `https://nodejs.org/download/release/${nodeVersion}/node-${nodeVersion}-headers.tar.gz`,
};
// frozen and read-only, as node's (its build configuration): the variables programs and node's
// tests read to know what the runtime has (Intl, OpenSSL's API, no inspector) and its ABI level
const config = Object.freeze({
  target_defaults: Object.freeze({
    cflags: Object.freeze([]), default_configuration: 'Release', defines: Object.freeze([]),
    include_dirs: Object.freeze([]), libraries: Object.freeze([]),
  }),
  variables: Object.freeze({
    asan: 0, host_arch: binding.arch, is_debug: 0, napi_build_version: '9', node_module_version: 115,
    node_shared_openssl: false, node_use_openssl: true, openssl_is_fips: false, target_arch: binding.arch,
    v8_enable_i18n_support: 1, v8_enable_inspector: 0,
  }),
});
// read-only and fixed, as node's: cached_builtins and require_module are getters there (node
// computes them on read), which util.inspect shows as [Getter]
const features = {
  inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true,
  tls_sni: true, tls_ocsp: true, tls: true,
  get cached_builtins() { return true; },
  get require_module() { return true; },
};
// Process's keys in node's order (Object.keys(process) lists them as node's), laid out from Go
// (runtime/processlayout.go) with the values it has (read-only where node's are), the stand-ins
// and a slot for each member set below (or by the loader), which keeps its place.
binding.processLayout(proc, makeExtras, ensureEvents, versions, release, config, features);
// (node's env object is an instance of an anonymous function's: it inherits from that function's
// prototype, not from Object.prototype directly)
Object.setPrototypeOf(proc.env, (0, function () {}).prototype);

let exiting = false;
Object.defineProperty(proc, '_exiting', {
  __proto__: null,
  get() { return exiting; },
  set(value) { exiting = value; },
  enumerable: true,
  configurable: true,
});
let exitCode;
Object.defineProperty(proc, 'exitCode', {
  __proto__: null,
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      // node 20.20 reads any numeric string as its number (so '1.5' is out of range, not a string)
      if (typeof code === 'string' && code !== '' && !Number.isNaN(+code)) value = +code;
      // (a safe integer passes: validators are loaded only for what may not)
      if (!Number.isSafeInteger(value)) validators().validateInteger(value, 'code');
    }
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
});
proc.uptime = binding.uptime;
function memoryUsage() { return binding.memoryUsage(); }
memoryUsage.rss = binding.rss;
proc.memoryUsage = memoryUsage;

const unsettledExitKey = Symbol.for('gojs.unsettledExit');

function toExitCode(c) {
  if (c === undefined || c === null) return 0;
  return +c | 0;
}

function hrtime(prev) {
  const t = binding.hrtime();
  if (prev !== undefined) {
    if (!Array.isArray(prev)) throw new (codes().ERR_INVALID_ARG_TYPE)('time', 'Array', prev);
    if (prev.length !== 2) throw new (codes().ERR_OUT_OF_RANGE)('time', '2', prev.length);
    let s = t[0] - prev[0];
    let ns = t[1] - prev[1];
    if (ns < 0) { s -= 1; ns += 1e9; }
    return [s, ns];
  }
  return t;
}
hrtime.bigint = binding.hrtimeBigint;
proc.hrtime = hrtime;
proc.getuid = binding.getuid;
proc.geteuid = binding.geteuid;
proc.getgid = binding.getgid;
proc.getegid = binding.getegid;

let captureCallback = null;
proc.nextTick = binding.nextTick;

// ---- stdio ------------------------------------------------------------------------------------

// enumerable getters with no setter, as node's (an ES module's import { stdout } from 'process'
// finds them among process's keys)
let stdout, stderr, stdin;
Object.defineProperty(proc, 'stdout', {
  __proto__: null,
  get: function getStdout() { return stdout || (stdout = require('internal/stdio').create(1, binding)); },
  configurable: true, enumerable: true,
});
Object.defineProperty(proc, 'stdin', {
  __proto__: null,
  get: function getStdin() { return stdin || (stdin = require('internal/stdio').create(0, binding)); },
  configurable: true, enumerable: true,
});
Object.defineProperty(proc, 'stderr', {
  __proto__: null,
  get: function getStderr() { return stderr || (stderr = require('internal/stdio').create(2, binding)); },
  configurable: true, enumerable: true,
});
// Fast paths for console (internal/process_private's rawWrite): write directly unless the stream
// object exists (and may be patched). A console write that fails (EPIPE: the pipe's reader is
// gone) is handled as node's console does (internal/stdio's consoleWriteDone and
// consoleWriteFailed).
function rawWrite(fd, s) {
  // (node's console makes both streams on its first write)
  if (!rawNoted[1]) noteStdio(1);
  if (!rawNoted[2]) noteStdio(2);
  if (fd === 1) {
    if (stdout) stdout.write(s, stdout._consoleWriteDone);
    else {
      const r = binding.writeOut(s);
      if (r !== undefined) proc.stdout._consoleWriteFailed(r);
    }
  } else if (stderr) stderr.write(s, stderr._consoleWriteDone);
  else {
    const r = binding.writeErr(s);
    if (r !== undefined) proc.stderr._consoleWriteFailed(r);
  }
}
// As node's first console write makes process.stdout (or stderr), whose handle (a pipe or
// terminal) is then among the active handles: the handle is made now, and the stream only
// when something asks for it (the listing asks for the handle's owner).
const rawNoted = [false, false, false];
function noteStdio(fd) {
  rawNoted[fd] = true;
  if (fd === 1 ? stdout : stderr) return; // (the stream has its handle)
  const h = binding.stdioHandle(fd);
  if (h !== undefined) {
    Object.defineProperty(h, 'owner', {
      __proto__: null, configurable: true, enumerable: false,
      get() { return fd === 1 ? proc.stdout : proc.stderr; },
    });
  }
}

proc.cwd = binding.cwd;
function credentialSetter(method, type) {
  // node's are anonymous functions
  return (0, function(id) {
    cold().validateId(id, 'id');
    if (cold().credentialResult(binding[method](id), method) === 1) {
      throw new (codes().ERR_UNKNOWN_CREDENTIAL)(type, id);
    }
  });
}
proc.setegid = credentialSetter('setegid', 'Group');
proc.seteuid = credentialSetter('seteuid', 'User');
proc.setgid = credentialSetter('setgid', 'Group');
proc.setuid = credentialSetter('setuid', 'User');

// The process methods made by functions of their own, in one run: the lazy rewrite of the
// bootstrap (bootstrap_lazy.js) makes them all on first use with one call.
// The bodies of process.binding, umask, resourceUsage, kill and permission.has are in
// bootstrapmethods.js, those of setgroups, initgroups and emitWarning (with the events set-up and
// the checks of cpuUsage and setUncaughtExceptionCaptureCallback) in bootstrapcold.js: few
// programs call them.
proc.binding = void 0;
proc._getActiveRequests = void 0;
proc._getActiveHandles = void 0;
proc.getActiveResourcesInfo = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'bootstrap:proc', proc, 'binding', 'bootstrap:proc', proc, '_getActiveRequests', 'bootstrap:proc', proc, '_getActiveHandles', 'bootstrap:proc', proc, 'getActiveResourcesInfo'); else { proc.binding = __gojsLazyMembers('proc.binding'); proc._getActiveRequests = __gojsLazyMembers('proc._getActiveRequests'); proc._getActiveHandles = __gojsLazyMembers('proc._getActiveHandles'); proc.getActiveResourcesInfo = __gojsLazyMembers('proc.getActiveResourcesInfo'); } };
// (both native functions in node: named as node's, of length 0, by the binding)
proc.reallyExit = binding.exit;
// kill goes through process._kill (tests and tools patch it), which returns 0 or a negative errno
proc._kill = binding.kill;
proc.cpuUsage = void 0




;
proc.resourceUsage = void 0;
proc.constrainedMemory = void 0;
proc.availableMemory = void 0;
proc.kill = void 0;
proc.exit = void 0















;
proc.getgroups = void 0;
proc.setUncaughtExceptionCaptureCallback = void 0


;
proc.hasUncaughtExceptionCaptureCallback = void 0;
proc.emitWarning = void 0;
// (the runtime reports it aborted: the CLI dies of SIGABRT, as node's abort(3))
proc.abort = void 0;
proc.umask = void 0;
proc.chdir = void 0


;
proc.initgroups = void 0;
proc.setgroups = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'bootstrap:proc', proc, 'cpuUsage', 'bootstrap:proc', proc, 'resourceUsage', 'bootstrap:proc', proc, 'constrainedMemory', 'bootstrap:proc', proc, 'availableMemory', 'bootstrap:proc', proc, 'kill', 'bootstrap:proc', proc, 'exit', 'bootstrap:proc', proc, 'getgroups', 'bootstrap:proc', proc, 'setUncaughtExceptionCaptureCallback', 'bootstrap:proc', proc, 'hasUncaughtExceptionCaptureCallback', 'bootstrap:proc', proc, 'emitWarning', 'bootstrap:proc', proc, 'abort', 'bootstrap:proc', proc, 'umask', 'bootstrap:proc', proc, 'chdir', 'bootstrap:proc', proc, 'initgroups', 'bootstrap:proc', proc, 'setgroups'); else { proc.cpuUsage = __gojsLazyMembers('proc.cpuUsage'); proc.resourceUsage = __gojsLazyMembers('proc.resourceUsage'); proc.constrainedMemory = __gojsLazyMembers('proc.constrainedMemory'); proc.availableMemory = __gojsLazyMembers('proc.availableMemory'); proc.kill = __gojsLazyMembers('proc.kill'); proc.exit = __gojsLazyMembers('proc.exit'); proc.getgroups = __gojsLazyMembers('proc.getgroups'); proc.setUncaughtExceptionCaptureCallback = __gojsLazyMembers('proc.setUncaughtExceptionCaptureCallback'); proc.hasUncaughtExceptionCaptureCallback = __gojsLazyMembers('proc.hasUncaughtExceptionCaptureCallback'); proc.emitWarning = __gojsLazyMembers('proc.emitWarning'); proc.abort = __gojsLazyMembers('proc.abort'); proc.umask = __gojsLazyMembers('proc.umask'); proc.chdir = __gojsLazyMembers('proc.chdir'); proc.initgroups = __gojsLazyMembers('proc.initgroups'); proc.setgroups = __gojsLazyMembers('proc.setgroups'); } };

// Node's options in effect (execArgv and NODE_OPTIONS-like ones), by name: '--name' -> value.
const flags = binding.flags;
if (binding.permissionModel) {
  proc.permission = {
    has(scope, reference) { return methods().permissionHas(scope, reference); },
  };
}
// EventEmitter's own symbol-keyed fields, before the tag as in node, where process is an
// emitter from the start
proc[kShapeMode] = false;
proc[kCapture] = false;
// node's tag is process's own (not its prototype's): an object made from process.prototype is no process
Object.defineProperty(proc, Symbol.toStringTag, { __proto__: null, value: 'process', configurable: false, writable: true, enumerable: false });

// ---- cold paths -------------------------------------------------------------------------------
// What only an error, a warning, a rejection, stdio or a credential call needs is made on its first
// use: a function object costs every runtime ~650 bytes, and most runtimes never need these.

// cold(true) is the part of them that process as an EventEmitter needs (its setup, the warnings,
// the members node has that few programs use), a source of its own (runtime/js/bootstrapevents.js):
// every program that loads events needs it, few need the rest.
let coldFns, eventsFns;
function cold(events) {
  if (events === true) {
    if (eventsFns === undefined) {
      eventsFns = binding.coldFactory(true)({
        binding, proc, processPrototype: process.prototype, require, codes, validators, ensureEvents, flags, cold, makeExtras,
      });
    }
    return eventsFns;
  }
  if (coldFns === undefined) {
    coldFns = binding.coldFactory()({
      binding, proc, processPrototype: process.prototype, require, codes, validators, ensureEvents,
      nodeVersion, toExitCode, flags, internalBinding,
      get eventsReady() { return eventsReady; },
      get captureCallback() { return captureCallback; },
      get fatalException() { return cold(true).fatalException; },
    });
  }
  return coldFns;
}

let methodFns;
function methods() {
  return methodFns || (methodFns = binding.methodsFactory()({ binding, proc, require, codes }));
}

function beforeExit() {
  if (eventsReady) proc.emit('beforeExit', toExitCode(proc.exitCode));
}

// the loop drained: node emits 'exit' then, even after a process.exit() whose reallyExit a
// script replaced
function exit() {
  proc._exiting = true;
  if (eventsReady) proc.emit('exit', proc.exitCode || 0);
}

// process._eval, the program text of -e, -p or stdin, and with print process._print_eval, true
// (both read-only, enumerable, configurable, as node's). Code given on the command line (inline)
// is set before the members node defines after it: they move after it.
function setEval(src, print, inline) {
  const moved = [];
  if (inline) {
    const after = ['_preload_modules', 'noDeprecation', 'noProcessWarnings', 'traceProcessWarnings', 'throwDeprecation',
      'traceDeprecation', 'report', 'permission'];
    for (let i = 0; i < after.length; i++) {
      const d = binding.ownDescriptor(proc, after[i]); // (a stand-in moves as it is)
      if (d !== undefined && d.configurable) {
        moved.push(after[i], d);
        delete proc[after[i]];
      }
    }
  }
  Object.defineProperty(proc, '_eval', { __proto__: null, value: src, writable: false, enumerable: true, configurable: true });
  if (print) Object.defineProperty(proc, '_print_eval', { __proto__: null, value: true, writable: false, enumerable: true, configurable: true });
  for (let i = 0; i < moved.length; i += 2) Object.defineProperty(proc, moved[i], moved[i + 1]);
}

// ---- globals ----------------------------------------------------------------------------------

defineGlobal('process', proc);
// goja's own GoError constructor is no global of node's (the engine keeps its prototype itself)
delete globalObject.GoError;

function queueMicrotask(callback) {
  validators().validateFunction(callback, 'callback');
  if (binding.asyncHooksOn()) {
    // node's: the callback runs in a Microtask resource of its own, destroyed once it ran
    const { AsyncResource, executionAsyncId } = require('async_hooks');
    const resource = new AsyncResource('Microtask', { triggerAsyncId: executionAsyncId(), requireManualDestroy: true });
    resource.callback = callback;
    // (what the callback throws leaves its scope first, after hook included, as in node: it is
    // reported outside the resource)
    const run = function run() {
      let threw = false;
      let error;
      resource.runInAsyncScope(function() {
        try {
          callback();
        } catch (err) {
          threw = true;
          error = err;
        } finally {
          resource.emitDestroy();
        }
      });
      if (threw) binding.reportUncaught(error);
    };
    if (!binding.enqueueMicrotask(run)) Promise.resolve().then(run);
    return;
  }
  // (its frame is node's runMicrotask's: errorstack.go)
  const runMicrotask = function runMicrotask() {
    try {
      callback();
    } catch (err) {
      binding.reportUncaught(err);
    }
  };
  // through the promise built-ins as they were at startup, not a Promise.prototype.then a program
  // replaced
  ReflectApply(PromiseThen, ReflectApply(PromiseResolve, PromiseCtor, []), [runMicrotask]);
}
const ReflectApply = Reflect.apply;
const PromiseCtor = Promise;
const PromiseResolve = Promise.resolve;
const PromiseThen = Promise.prototype.then;
// enumerable, as node's (the lazily loaded globals are not, so that loading one never looks like
// a new global to a leak check that lists Object.keys(globalThis))
Object.defineProperty(globalObject, 'queueMicrotask', { __proto__: null, value: queueMicrotask, writable: true, configurable: true, enumerable: true });

// --expose-gc (or V8's --expose-gc-as=name): a full collection of the Go heap.
// {execution: 'async'} returns a promise.
if (flags['--expose-gc'] !== undefined || flags['--expose-gc-as'] !== undefined) {
  const gcName = flags['--expose-gc-as'] || 'gc';
  const gc = { [gcName]: function () {
    const options = arguments[0];
    binding.gc();
    if (options !== null && typeof options === 'object' && options.execution === 'async') return Promise.resolve();
  } }[gcName];
  Object.defineProperty(globalObject, gcName, { __proto__: null, value: gc, writable: true, enumerable: true, configurable: false });
}

// --disable-proto=delete takes Object.prototype.__proto__ away; =throw makes it throw node's
// ERR_PROTO_ACCESS (a plain Error with a code, thrown from where it was used). A literal's
// __proto__ (syntax, not the accessor) still sets the prototype.
if (flags['--disable-proto'] !== undefined) {
  if (flags['--disable-proto'] === 'delete') {
    delete Object.prototype.__proto__;
  } else {
    const protoAccess = function () {
      const err = new Error('Accessing Object.prototype.__proto__ has been disallowed with --disable-proto=throw');
      err.code = 'ERR_PROTO_ACCESS';
      Error.captureStackTrace(err, protoAccess);
      throw err;
    };
    Object.defineProperty(Object.prototype, '__proto__', { __proto__: null, get: protoAccess, set: protoAccess, enumerable: false, configurable: true });
  }
}
// --disallow-code-generation-from-strings: eval and the function constructors throw V8's
// EvalError. vm contexts, which node leaves alone, still evaluate with the engine's eval, kept by
// the runtime for the vm module.
if (flags['--disallow-code-generation-from-strings'] !== undefined) {
  binding.keepEval(eval);
  const refusing = (name, length) => {
    const f = { [name]: function () {
      const err = new EvalError('Code generation from strings disallowed for this context');
      Error.captureStackTrace(err, f);
      throw err;
    } }[name];
    Object.defineProperty(f, 'length', { __proto__: null, value: length });
    return f;
  };
  globalObject.eval = refusing('eval', 1);
  const protos = [Function.prototype, Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {})];
  for (let i = 0; i < protos.length; i++) {
    const ctor = protos[i].constructor;
    const f = refusing(ctor.name, 1);
    Object.setPrototypeOf(f, Object.getPrototypeOf(ctor));
    Object.defineProperty(f, 'prototype', { __proto__: null, value: protos[i] });
    Object.defineProperty(protos[i], 'constructor', { __proto__: null, value: f, writable: false, enumerable: false, configurable: true });
    if (i === 0) globalObject.Function = f;
  }
}

// Timers, console, Buffer, URL, fetch... are lazy globals, defined on first use (runtime/lazyglobals.go).
binding.installLazyGlobals();
// the --no-experimental-* options take their globals away, as node's
function hideGlobals(names) {
  for (let i = 0; i < names.length; i++) binding.hideLazyGlobal(names[i]);
}
if (flags['--no-experimental-fetch'] !== undefined) hideGlobals(['fetch', 'Headers', 'Request', 'Response', 'FormData']);
if (flags['--no-experimental-global-webcrypto'] !== undefined) hideGlobals(['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto']);
if (flags['--no-experimental-global-customevent'] !== undefined) hideGlobals(['CustomEvent']);
if (flags['--jitless'] !== undefined) hideGlobals(['WebAssembly']); // (V8 has no WebAssembly without its JIT)
// goja's toLocaleString/localeCompare are not node's: stubs that load Intl on their first call
// are installed from Go before this script runs (runtime/localestubs.go).

// ---- V8 Error API that npm packages expect ------------------------------------------------------

// Error.captureStackTrace and Error.stackTraceLimit come with the error constructors the runtime
// installs before this script runs (runtime/errorstack.go). Error.prepareStackTrace is node's
// default function, with its source; the runtime formats stacks without calling it while it is in
// place.
const internalPrepareStackTrace = binding.prepareStackTraceDefault;
function ErrorPrepareStackTrace(error, trace) {
  return internalPrepareStackTrace(error, trace);
}
binding.setDefaultPrepareStackTrace(ErrorPrepareStackTrace);

// A child forked by gojs or node: its IPC channel fd is in NODE_CHANNEL_FD. Loaded only then.
// (read from Go, which also takes it out of env: the permission model may hide env variables)
if (binding.ipcChannel !== undefined) {
  require('child_process')._forkChild(binding.ipcChannel[0], binding.ipcChannel[1] || 'json');
}

return {
  process: proc,
  // (Go takes fatalException, unhandledRejection, rejectionHandled and printFatal from cold())
  hooks: { ensureEvents, beforeExit, exit, cold, setEval },
};

function __gojsLazyMembers(__gojsLazyName) {
switch (__gojsLazyName) {
case 'proc.binding': return function binding(name) { return methods().binding(name); };
case 'proc._getActiveRequests': return function _getActiveRequests() { return binding.activeRequests(); };
case 'proc._getActiveHandles': return function _getActiveHandles() { return binding.activeHandles(); };
case 'proc.getActiveResourcesInfo': return function getActiveResourcesInfo() { return binding.activeResourcesInfo(); };
case 'proc.cpuUsage': return function cpuUsage(prev) {
  if (prev) cold().validateCpuUsage(prev);
  const [user, system] = binding.cpuUsage();
  if (prev) return { user: user - prev.user, system: system - prev.system };
  return { user, system };
};
case 'proc.resourceUsage': return function resourceUsage() { return methods().resourceUsage(); };
case 'proc.constrainedMemory': return function constrainedMemory() { return binding.constrainedMemory(); };
case 'proc.availableMemory': return function availableMemory() { return binding.availableMemory(); };
case 'proc.kill': return function kill(pid, sig) { return methods().kill(pid, sig); };
case 'proc.exit': return function exit(code) {
  // an explicit exit drops the listeners that give code 13 to a never settled top-level await
  // or hooks request (esm.js's unsettledExit), as node's exit drops its handleProcessExit
  if (eventsReady && !proc._exiting) {
    for (const l of proc.rawListeners('exit')) {
      if (l[unsettledExitKey] === true) proc.removeListener('exit', l);
    }
  }
  // (as node's: an undefined given, process.exit(undefined), clears a code set before)
  if (arguments.length !== 0) proc.exitCode = code;
  if (!proc._exiting) {
    proc._exiting = true;
    if (eventsReady) proc.emit('exit', proc.exitCode || 0);
  }
  // through process.reallyExit, as node: a script that replaces it goes on running
  proc.reallyExit(proc.exitCode || 0);
};
case 'proc.getgroups': return function getgroups() { return cold().credentialResult(binding.getgroups(), 'getgroups'); };
case 'proc.setUncaughtExceptionCaptureCallback': return function setUncaughtExceptionCaptureCallback(fn) {
  if (fn !== null) cold().validateCaptureCallback(fn);
  captureCallback = fn;
};
case 'proc.hasUncaughtExceptionCaptureCallback': return function hasUncaughtExceptionCaptureCallback() { return captureCallback !== null; };
case 'proc.emitWarning': return function emitWarning(warning, type, code, ctor) { cold(true).emitWarning(warning, type, code, ctor); };
case 'proc.abort': return function abort() { binding.abort(); };
case 'proc.umask': return function wrappedUmask(mask) { return methods().umask(mask); };
case 'proc.chdir': return function wrappedChdir(directory) {
  if (typeof directory !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('directory', 'string', directory);
  binding.chdir(directory);
};
case 'proc.initgroups': return function initgroups(user, extraGroup) { cold().initgroups(user, extraGroup); };
case 'proc.setgroups': return function setgroups(groups) { cold().setgroups(groups); };
}
}
})
