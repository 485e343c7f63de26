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

// handleClass is a class of node's handles (TCP, Pipe, ...) that gojs has no JS object for: its
// name and instanceof work, making one throws.
function handleClass(name) {
  const f = { [name]: function () { throw new TypeError('Illegal constructor'); } }[name];
  return f;
}

// otherBinding is one of the rest of node's process.binding allowlist, as much of it as packages
// read (its keys in node's order; a class of a handle gojs has no JS object for cannot be made),
// or undefined for a name node does not have either.
function otherBinding(mod) {
  switch (mod) {
    case 'config':
      return { isDebugBuild: false, hasOpenSSL: true, fipsMode: true, hasIntl: true, hasTracing: true,
        hasNodeOptions: true, hasInspector: !!proc.features.inspector, noBrowserGlobals: false, bits: 64 };
    case 'os': {
      const os = require('os');
      return {
        getHostname: () => os.hostname(),
        getLoadAvg(array) { const l = os.loadavg(); for (let i = 0; i < 3; i++) array[i] = l[i]; },
        getUptime: () => os.uptime(),
        getTotalMem: () => os.totalmem(),
        getFreeMem: () => os.freemem(),
        getCPUs() {
          const out = [];
          for (const c of os.cpus()) out.push(c.model, c.speed, c.times.user, c.times.nice, c.times.sys, c.times.idle, c.times.irq);
          return out;
        },
        getInterfaceAddresses() {
          const out = [];
          const all = os.networkInterfaces();
          for (const name of Object.keys(all)) {
            for (const a of all[name]) out.push(name, a.address, a.netmask, a.family, a.mac, a.internal, a.scopeid === undefined ? -1 : a.scopeid);
          }
          return out;
        },
        getHomeDirectory: () => os.homedir(),
        getUserInfo: (options) => os.userInfo(options),
        setPriority(pid, priority) { os.setPriority(pid, priority); return 0; },
        getPriority: (pid) => os.getPriority(pid),
        getAvailableParallelism: () => os.availableParallelism(),
        getOSInformation: () => [os.type(), os.version(), os.release(), os.machine()],
        isBigEndian: os.endianness() === 'BE',
      };
    }
    case 'async_wrap': {
      const noop = () => {};
      const providers = { __proto__: null };
      const names = ['NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ', 'BLOBREADER',
        'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT',
        'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM',
        'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE', 'QUERYWRAP',
        'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER', 'STREAMPIPE', 'TCPCONNECTWRAP',
        'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT',
        'WRITEWRAP', 'ZLIB', 'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST',
        'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST',
        'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST'];
      for (let i = 0; i < names.length; i++) providers[names[i]] = i;
      const ah = require('async_hooks');
      return {
        setupHooks: noop, setCallbackTrampoline: noop, pushAsyncContext: noop, popAsyncContext: () => false,
        executionAsyncResource: () => ah.executionAsyncResource(), clearAsyncIdStack: noop, queueDestroyAsyncId: noop,
        setPromiseHooks: noop, getPromiseHooks: () => [undefined, undefined, undefined, undefined], registerDestroyHook: noop,
        async_hook_fields: new Uint32Array(9), async_id_fields: new Float64Array(4), execution_async_resources: [],
        async_ids_stack: new Float64Array(32),
        constants: { kInit: 0, kBefore: 1, kAfter: 2, kDestroy: 3, kPromiseResolve: 4, kTotals: 5, kCheck: 6,
          kExecutionAsyncId: 0, kTriggerAsyncId: 1, kAsyncIdCounter: 2, kDefaultTriggerAsyncId: 3,
          kUsesExecutionAsyncResource: 8, kStackLength: 7 },
        Providers: providers,
      };
    }
    case 'buffer': {
      const buffer = require('buffer');
      return {
        atob: globalThis.atob, btoa: globalThis.btoa,
        byteLengthUtf8: (s) => buffer.Buffer.byteLength(s, 'utf8'),
        compare: (a, b) => buffer.Buffer.compare(a, b),
        isUtf8: buffer.isUtf8, isAscii: buffer.isAscii,
        kMaxLength: buffer.kMaxLength, kStringMaxLength: buffer.kStringMaxLength,
      };
    }
    case 'cares_wrap': {
      const net = require('net');
      const util = require('util');
      return {
        canonicalizeIP(ip) {
          const v = net.isIP(ip);
          if (v === 0) return undefined;
          return v === 4 ? ip : new URL(`http://[${ip}]`).hostname.slice(1, -1);
        },
        strerror: (code) => util.getSystemErrorMessage ? util.getSystemErrorMessage(code) : `${code}`,
        AF_INET: 2, AF_INET6: 10, AF_UNSPEC: 0, AI_ADDRCONFIG: 32, AI_ALL: 16, AI_V4MAPPED: 8,
        DNS_ORDER_VERBATIM: 0, DNS_ORDER_IPV4_FIRST: 1, DNS_ORDER_IPV6_FIRST: 2,
        GetAddrInfoReqWrap: handleClass('GetAddrInfoReqWrap'), GetNameInfoReqWrap: handleClass('GetNameInfoReqWrap'),
        QueryReqWrap: handleClass('QueryReqWrap'), ChannelWrap: handleClass('ChannelWrap'),
      };
    }
    case 'contextify': {
      const vm = require('vm');
      return {
        ContextifyScript: vm.Script,
        compileFunction: vm.compileFunction,
        constants: { measureMemory: { mode: { SUMMARY: 0, DETAILED: 1 }, execution: { DEFAULT: 0, EAGER: 1 } } },
      };
    }
    case 'fs_event_wrap': return { FSEvent: handleClass('FSEvent') };
    case 'icu': return { getStringWidth: (s) => require('util').getStringWidth ? require('util').getStringWidth(s) : `${s}`.length, transcode: require('buffer').transcode };
    case 'inspector': return { isEnabled: () => false };
    case 'js_stream': return { JSStream: handleClass('JSStream') };
    case 'pipe_wrap':
      return { Pipe: handleClass('Pipe'), PipeConnectWrap: handleClass('PipeConnectWrap'),
        constants: { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 } };
    case 'process_wrap': return { Process: handleClass('Process') };
    case 'tcp_wrap':
      return { TCP: handleClass('TCP'), TCPConnectWrap: handleClass('TCPConnectWrap'),
        constants: { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1 } };
    case 'tls_wrap': return { HAVE_SSL_TRACE: 1, TLSWrap: handleClass('TLSWrap') };
    case 'udp_wrap':
      return { UDP: handleClass('UDP'), SendWrap: handleClass('SendWrap'),
        constants: { UV_UDP_IPV6ONLY: 1, UV_UDP_REUSEADDR: 4 } };
    case 'signal_wrap': return { Signal: handleClass('Signal') };
    case 'zlib': {
      const zlib = require('zlib');
      return { Zlib: handleClass('Zlib'), BrotliEncoder: handleClass('BrotliEncoder'), BrotliDecoder: handleClass('BrotliDecoder'),
        crc32: zlib.crc32, ZLIB_VERSION: `${proc.versions.zlib}`.split('-')[0] };
    }
    case 'crypto': {
      const crypto = require('crypto');
      return { getFipsCrypto: () => crypto.getFips(), setFipsCrypto: (v) => crypto.setFips(v), timingSafeEqual: crypto.timingSafeEqual,
        getHashes: () => crypto.getHashes(), getCiphers: () => crypto.getCiphers(), getCurves: () => crypto.getCurves() };
    }
    case 'url': {
      const url = require('url');
      return { domainToASCII: url.domainToASCII, domainToUnicode: url.domainToUnicode, canParse: (s, base) => URL.canParse(s, base) };
    }
    case 'v8': {
      const v8 = require('v8');
      return { cachedDataVersionTag: () => v8.cachedDataVersionTag(), setFlagsFromString: (s) => v8.setFlagsFromString(s) };
    }
  }
  return undefined;
}

// process.binding: node's deprecated door to its internals. gojs has those that packages and
// tests read: 'uv' (errno names), 'constants', 'tty_wrap' (isTTY), 'http_parser', 'natives',
// 'stream_wrap', 'spawn_sync', 'util' and the loader's probes of 'fs', and the rest of node's
// allowlist in part (otherBinding); any other name is "No such module".
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
  if (mod === 'http_parser' || mod === 'async_wrap' || mod === 'crypto' || mod === 'signal_wrap' || mod === 'url' || mod === 'v8') {
    proc.emitWarning(`Access to process.binding('${mod}') is deprecated.`, 'DeprecationWarning', 'DEP0111');
  }
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
    b = otherBinding(mod);
    if (b === undefined) throw new Error(`No such module: ${mod}`);
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
