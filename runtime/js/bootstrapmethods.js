(function (B) {
'use strict';
// The bodies of the bootstrap's (runtime/js/bootstrap.js) process methods few programs call:
// process.umask, binding, resourceUsage, kill and permission.has are one-line calls of these.
// Compiled once per process, under the bootstrap's file name, the first time one of them is
// called (bootstrap.js's methods()), and run once per runtime then: goja compiles every function
// body up front, and most programs never call any of them. Each is named after its method with
// Cold after it: stacks do not show such a frame (errorstack.go), so they read as before, with
// the method's frame where the body's was.
const { binding, proc, require, codes } = B;
const signals = binding.signals;

function umaskCold(mask) {
  if (mask === undefined) return binding.umask();
  if (typeof mask === 'string') {
    if (!/^[0-7]+$/.test(mask)) {
      throw new (codes().ERR_INVALID_ARG_VALUE)('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
    }
    mask = parseInt(mask, 8);
  }
  // node's parseFileMode reads null as its default (undefined), which then fails validation
  require('internal/validators').validateUint32(mask ?? undefined, 'mask');
  return binding.umask(mask);
}

// process.binding: node's deprecated door to its internals. gojs has those that packages and
// tests read: 'uv' (errno names), 'constants', 'tty_wrap' (isTTY), 'http_parser', 'natives',
// 'stream_wrap', 'spawn_sync', 'util' and the loader's probes of 'fs'; any other name is "No such
// module".
const legacyBindings = { __proto__: null };
let bindingDeprecated;
function bindingCold(name) {
  // (under --pending-deprecation node's process.binding is util.deprecate'd: DEP0111 once)
  if (bindingDeprecated === undefined) {
    bindingDeprecated = require('internal/options').getOptionValue('--pending-deprecation') ?
      require('util').deprecate(() => {}, 'process.binding() is deprecated. Please use public APIs instead.', 'DEP0111') :
      null;
  }
  if (bindingDeprecated !== null) bindingDeprecated();
  const mod = `${name}`;
  // (node 20 warns at every access of a runtime-deprecated binding, a kept one too)
  if (mod === 'http_parser') proc.emitWarning("Access to process.binding('http_parser') is deprecated.", 'DeprecationWarning', 'DEP0111');
  if (legacyBindings[mod] !== undefined) return legacyBindings[mod];
  let b;
  if (mod === 'uv') {
    const util = require('util');
    b = { errname: (err) => util.getSystemErrorName(err) };
    const map = util.getSystemErrorMap();
    for (const [errno, [code]] of map) b[`UV_${code}`] = errno;
    b.getErrorMap = () => util.getSystemErrorMap();
  } else if (mod === 'tty_wrap') {
    // readline-sync's way to ask whether a descriptor is a terminal
    const tty = require('tty');
    b = {
      isTTY(fd) { return tty.isatty(fd); },
      TTY: function TTY() { throw new TypeError('Illegal constructor'); },
    };
  } else if (mod === 'http_parser') {
    // old packages' way to node's HTTP parser
    const _internal = require('internal/module_internals').get('http');
    b = { methods: _internal.parserMethods, allMethods: _internal.parserAllMethods };
    Object.defineProperty(b, 'HTTPParser', { __proto__: null, enumerable: true, configurable: true, get() { return _internal.getHTTPParser(); } });
  } else if (mod === 'natives') {
    // node's built-in modules' sources by id (yarn 1 lists the names from it): the public ids,
    // in node's order; gojs has no such JS sources, so each is an empty string
    const ids = require('module').builtinModules.filter((id) => !id.startsWith('node:'));
    for (const extra of ['sea', 'test', 'test/reporters']) {
      if (ids.includes(extra)) continue;
      const at = ids.findIndex((id) => id > extra);
      ids.splice(at < 0 ? ids.length : at, 0, extra);
    }
    ids.push('configs');
    const natives = {};
    for (const id of ids) natives[id] = '';
    return natives; // (a new object at each call, as node's)
  } else if (mod === 'util') {
    // node's legacy wrapper: sixteen of util.types' checks, in node's order, a new object at each call
    const { types } = require('util');
    const u = {};
    for (const k of ['isExternal', 'isDate', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isPromise',
      'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isArrayBuffer', 'isDataView', 'isAnyArrayBuffer',
      'isArrayBufferView', 'isTypedArray', 'isUint8Array']) u[k] = types[k];
    return u;
  } else if (mod === 'stream_wrap') {
    // spdy's handle-thing (restify loads it) reads this at load time, and its JS handle sets a
    // read's error or EOF in streamBaseState before calling the socket's onread, as node's
    // handles do (net reads it there)
    b = {
      ShutdownWrap: function ShutdownWrap() {},
      WriteWrap: function WriteWrap() {},
      kReadBytesOrError: 0,
      kArrayBufferOffset: 1,
      kBytesWritten: 2,
      kLastWriteWasAsync: 3,
      streamBaseState: require('internal/module_internals').get('net').getStreamBaseState(),
    };
  } else if (mod === 'fs') {
    // the module loader's probes old loaders (the esm package) bind: internalModuleStat (0 a
    // file, 1 a directory, a negative errno neither) and a synchronous realpath
    const fs = require('fs');
    b = {
      internalModuleStat(path) { return require('module')._stat(`${path}`); },
      realpath(path, encoding) { return fs.realpathSync(path, encoding); },
    };
  } else if (mod === 'spawn_sync') {
    // the binding spawnSync runs its children through (nyc's process-on-spawn and spawn-wrap
    // replace its spawn)
    b = require('internal/module_internals').get('child_process').spawnSyncBinding;
  } else if (mod === 'constants') {
    b = { os: require('os').constants, fs: require('fs').constants };
    Object.defineProperty(b, 'crypto', { __proto__: null, enumerable: true, configurable: true, get() { return require('crypto').constants; } });
    Object.defineProperty(b, 'zlib', { __proto__: null, enumerable: true, configurable: true, get() { return require('zlib').constants; } });
    b.trace = {};
  } else {
    throw new Error(`No such module: ${mod}`);
  }
  legacyBindings[mod] = b;
  return b;
}

function resourceUsage() {
  const [user, system] = binding.cpuUsage();
  return {
    userCPUTime: user, systemCPUTime: system, maxRSS: Math.round(binding.rss() / 1024),
    sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0,
    majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0,
    signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
  };
}

function killCold(pid, sig) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw new (codes().ERR_INVALID_ARG_TYPE)('pid', 'number', pid);
  let err;
  if (sig === (sig | 0)) {
    err = proc._kill(pid, sig);
  } else {
    sig = sig || 'SIGTERM';
    if (typeof sig === 'string' && Object.prototype.hasOwnProperty.call(signals, sig)) err = proc._kill(pid, signals[sig]);
    else throw new (codes().ERR_UNKNOWN_SIGNAL)(sig);
  }
  if (err) {
    const code = require('util').getSystemErrorName(err);
    const e = new Error(`kill ${code}`);
    e.errno = err;
    e.code = code;
    e.syscall = 'kill';
    throw e;
  }
  return true;
}

// process.permission.has
function permissionHasCold(scope, reference) {
  if (typeof scope !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('scope', 'string', scope);
  if (reference !== undefined && typeof reference !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('reference', 'string', reference);
  return binding.permissionHas(scope, reference === undefined ? '' : reference);
}

return {
  umask: umaskCold, binding: bindingCold, resourceUsage, kill: killCold, permissionHas: permissionHasCold,
};
})
