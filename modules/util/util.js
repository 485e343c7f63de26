'use strict';
// util: https://nodejs.org/api/util.html

// Built-ins as they were when this file loaded, so that a later monkey-patch of Object.keys
// and the like does not break inspect (node reads them from its primordials).
var ObjectGetOwnPropertyDescriptors = Object.getOwnPropertyDescriptors;
var ObjectDefineProperties = Object.defineProperties;
var ObjectDefineProperty = Object.defineProperty;
var ObjectGetPrototypeOf = Object.getPrototypeOf;
var ObjectSetPrototypeOf = Object.setPrototypeOf;
var ObjectKeys = Object.keys;
var ObjectCreate = Object.create;
var ReflectApply = Reflect.apply;
var ReflectOwnKeys = Reflect.ownKeys;
var ReflectConstruct = Reflect.construct;
var ArrayIsArray = Array.isArray;
var ArrayFrom = Array.from;

// The modules util reexports or calls are loaded on first use: require('util') is in most
// programs (for inherits, promisify, deprecate) and compiling inspect alone (78 KB) was most of
// its cost. Their exports (inspect, format, formatWithOptions, types, isRegExp, isDate) are lazy
// members (runtime/lazymembers.go): data properties in their places, taken from the module the
// first time anything reads them.
// (the built-ins they use are taken now, as they were when they loaded with util)
require('internal/util/primordials');
var inspModule, errorsModule, typesModule;
function insp() { return inspModule || (inspModule = require('internal/util/inspect')); }
function errors() { return errorsModule || (errorsModule = require('internal/errors')); }
function types() { return typesModule || (typesModule = require('util/types')); }
var codes = {
  get ERR_INVALID_ARG_TYPE() { return errors().codes.ERR_INVALID_ARG_TYPE; },
  get ERR_INVALID_ARG_VALUE() { return errors().codes.ERR_INVALID_ARG_VALUE; },
  get ERR_OUT_OF_RANGE() { return errors().codes.ERR_OUT_OF_RANGE; },
  get ERR_FALSY_VALUE_REJECTION() { return errors().codes.ERR_FALSY_VALUE_REJECTION; },
};
function inspect(value, opts) { return insp().inspect(value, opts); }

// util.format of strings (and numbers, booleans, null and undefined, with %s, %d, %i, %f, %c and
// %%) is formatted in Go while inspect is not loaded, as console.log's is: inspect's defaults,
// which can change how a number prints, are then untouched, and a program that formats only such
// values never compiles inspect.
var inspBinding;
function inspectBinding() {
  if (inspBinding === undefined) {
    inspBinding = typeof internalBinding === 'function' ? internalBinding('internal/util/inspect') : null;
  }
  return inspBinding;
}
// inspectStub is util.inspect, read before inspect's glue is loaded: a function that formats in Go
// what it can and loads the glue for the rest (the stub part at the end of this file; the glue,
// when it loads, takes it as its own inspect, so that there is one).
function inspectStub() {
  var b = inspectBinding();
  if (inspModule !== undefined || !b || b.jsLoaded) return insp().inspect;
  if (b.inspectStub !== undefined) return b.inspectStub;
  return binding.part('stub')({ ObjectDefineProperty, ObjectKeys, inspectBinding, insp });
}
function format(...args) {
  if (inspModule === undefined && typeof args[0] === 'string') {
    if (inspectBinding() && !inspBinding.jsLoaded) {
      var s = inspBinding.formatStrings(args, true, undefined, true);
      if (s !== undefined) return s;
    }
  }
  return insp().formatWithOptionsInternal(undefined, args); // (inspect's format, without a second rest array)
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

var deprecate = require('internal/util/deprecate').deprecate;

var kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
// Built-ins whose callbacks get several values (dns.lookup, child_process.exec) set this to the
// names of those values.
var kCustomPromisifyArgsSymbol = Symbol.for('nodejs.util.promisify.customArgs');

function copyDescriptors(target, source, adjust) {
  var descriptors = ObjectGetOwnPropertyDescriptors(source);
  if (adjust) adjust(descriptors);
  var keys = ReflectOwnKeys(descriptors);
  for (var i = 0; i < keys.length; i++) {
    ObjectSetPrototypeOf(descriptors[keys[i]], null);
    if (keys[i] === 'prototype') {
      // A function's own prototype slot is not configurable: overwrite its value only.
      try { target.prototype = descriptors[keys[i]].value; } catch (e) { /* ignore */ }
      delete descriptors[keys[i]];
    }
  }
  return ObjectDefineProperties(target, descriptors);
}

function promisify(original) {
  validateFunction(original, 'original'); // at: internal/util:409:3
  if (original[kCustomPromisifiedSymbol]) {
    var custom = original[kCustomPromisifiedSymbol];
    validateFunction(custom, 'util.promisify.custom');
    return ObjectDefineProperty(custom, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: custom, enumerable: false, writable: false, configurable: true,
    });
  }
  var argumentNames = original[kCustomPromisifyArgsSymbol];
  // (rest parameters, not goja's arguments object, which costs more per call: fn's length is
  // original's, copied below, and the callback's is 1 either way, as node's)
  function fn(...args) {
    var self = this;
    return new Promise(function (resolve, reject) {
      args.push(function (err, ...values) {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== undefined && values.length > 1) {
          var obj = {};
          for (var i = 0; i < argumentNames.length; i++) {
            obj[argumentNames[i]] = values[i];
          }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      ReflectApply(original, self, args);
    });
  }
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return copyDescriptors(fn, original);
}
promisify.custom = kCustomPromisifiedSymbol;

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    reason = new codes.ERR_FALSY_VALUE_REJECTION(reason);
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    var maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    var cb = maybeCb.bind(this);
    ReflectApply(original, this, args).then(
      function (ret) { process.nextTick(cb, null, ret); },
      function (rej) { process.nextTick(callbackifyOnRejected, rej, cb); });
  }
  return copyDescriptors(callbackified, original, function (descriptors) {
    if (descriptors.length && typeof descriptors.length.value === 'number') {
      descriptors.length.value++;
    }
    if (descriptors.name && typeof descriptors.name.value === 'string') {
      descriptors.name.value += 'Callbackified';
    }
  });
}

// debuglog -------------------------------------------------------------------------------------

var debugImpls = ObjectCreate(null);
var testEnabled;

function initializeDebugEnv() {
  var env = globalThis.process && process.env ? process.env.NODE_DEBUG : binding.env('NODE_DEBUG');
  if (env) {
    env = String(env).replace(/[|\\{}()[\]^$+?.]/g, '\\$&').split('*').join('.*').split(',').join('$|^');
    var re = new RegExp('^' + env + '$', 'i');
    testEnabled = function (str) { return re.exec(str) !== null; };
  } else {
    testEnabled = function () { return false; };
  }
}

function shouldColorize(stream) {
  var env = globalThis.process ? process.env : {};
  if (env.FORCE_COLOR !== undefined) {
    // (as console's: node's getColorDepth() > 2, with its warning)
    var f = env.FORCE_COLOR;
    if (f !== '' && f !== '1' && f !== 'true' && f !== '2' && f !== '3') return false;
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) {
      require('tty').WriteStream.prototype.getColorDepth();
    }
    return true;
  }
  if (!stream || !stream.isTTY) return false;
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') {
    return false;
  }
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      var pid = process.pid;
      if (set === 'HTTP' || set === 'HTTP2') {
        process.emitWarning("Setting the NODE_DEBUG environment variable to '" + set.toLowerCase() +
          "' can expose sensitive data (such as passwords, tokens and authentication headers) in the resulting log.");
      }
      debugImpls[set] = function debug(...args) {
        var colors = shouldColorize(process.stderr);
        var msg = insp().formatWithOptions({ colors: colors }, ...args);
        var coloredPID = inspect(pid, { colors: colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = function () {};
    }
  }
  return debugImpls[set];
}

function debuglog(set, cb) {
  var enabled;
  function init() {
    if (testEnabled === undefined) initializeDebugEnv();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  var debug = function (...args) {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    return debug(...args);
  };
  var test = function () {
    init();
    test = function () { return enabled; };
    return enabled;
  };
  // an arrow, as node's: no prototype (and a rest parameter, cheaper in goja than arguments)
  var logger = (...args) => debug(...args);
  ObjectDefineProperty(logger, 'enabled', {
    __proto__: null,
    get: function () { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// styleText / strings --------------------------------------------------------------------------

function escapeStyleCode(code) {
  return '\u001b[' + code + 'm';
}

function styleText(format, text, options) {
  var validateStream = true;
  var stream;
  if (options === null) {
    throw new TypeError("Cannot read properties of null (reading 'validateStream')");
  }
  if (options !== undefined) {
    validateStream = options.validateStream;
    stream = options.stream;
    if (validateStream === undefined) validateStream = true;
  }
  if (stream === undefined) stream = process.stdout;
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  // node checks the stream before the format, whatever the format is.
  if (validateStream && !isStreamLike(stream)) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  if (ArrayIsArray(format)) {
    var left = '';
    var right = '';
    for (var i = 0; i < format.length; i++) {
      var fc = insp().inspect.colors[format[i]];
      if (fc == null) validateFormat(format[i]);
      left += escapeStyleCode(fc[0]);
      right = escapeStyleCode(fc[1]) + right;
    }
    return left + text + right;
  }
  var formatCodes = insp().inspect.colors[format];
  if (formatCodes == null) validateFormat(format);
  if (validateStream && !shouldColorize(stream)) return text;
  return escapeStyleCode(formatCodes[0]) + text + escapeStyleCode(formatCodes[1]);
}

// isStreamLike is node's test for styleText's stream: a web ReadableStream or WritableStream,
// or anything shaped like a node stream.
function isStreamLike(obj) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return false;
  if (obj._readableState || obj._writableState) return true;
  if (typeof obj.on === 'function' && (typeof obj.write === 'function' || typeof obj.pipe === 'function')) return true;
  var RS = globalThis.ReadableStream;
  var WS = globalThis.WritableStream;
  return (typeof RS === 'function' && obj instanceof RS) || (typeof WS === 'function' && obj instanceof WS);
}

// validateFormat throws node's validateOneOf error for a style insp().inspect.colors lacks (a validator
// by name, as node's is one: uncaught, it prints hideStackFrames's excerpt).
function validateFormat(format) {
  var allowed = ObjectKeys(insp().inspect.colors).map(function (k) { return "'" + k + "'"; }).join(', ');
  throw new codes.ERR_INVALID_ARG_VALUE('format', format, 'must be one of: ' + allowed);
}

// (arrow functions, as node's: no prototype)
const toUSVString = (input) => {
  var str = `${input}`;
  var out = [];
  var last = 0;
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      out.push(str.slice(last, i), '\ufffd');
      last = i + 1;
    }
  }
  if (last === 0) return str;
  out.push(str.slice(last));
  return out.join('');
};

function stripVTControlCharacters(str) {
  validateString(str, 'str');
  return insp().stripVTControlCharacters(str);
}

const isDeepStrictEqual = (a, b) => require('internal/assert/comparisons').isDeepStrictEqual(a, b);

// legacy ---------------------------------------------------------------------------------------

function isBoolean(arg) { return typeof arg === 'boolean'; }
function isNull(arg) { return arg === null; }
function isNullOrUndefined(arg) { return arg === null || arg === undefined; }
function isNumber(arg) { return typeof arg === 'number'; }
function isString(arg) { return typeof arg === 'string'; }
function isSymbol(arg) { return typeof arg === 'symbol'; }
function isUndefined(arg) { return arg === undefined; }
function isObject(arg) { return arg !== null && typeof arg === 'object'; }
function isFunction(arg) { return typeof arg === 'function'; }
function isPrimitive(arg) { return arg === null || (typeof arg !== 'object' && typeof arg !== 'function'); }
function isError(e) { return types().isNativeError(e) || e instanceof Error; }
function isBuffer(b) {
  var B = globalThis.Buffer;
  return typeof B === 'function' && typeof B.isBuffer === 'function' ? B.isBuffer(b) : false;
}

function pad(n) { return n < 10 ? '0' + n : `${n}`; }
var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function timestamp() {
  var d = new Date();
  var t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return d.getDate() + ' ' + months[d.getMonth()] + ' ' + t;
}
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  var keys = ObjectKeys(source);
  var i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  var name = binding.errnoName(err);
  return name || 'Unknown system error ' + err;
}

function getSystemErrorMap() {
  var entries = binding.errorMap();
  var map = new Map();
  for (var i = 0; i < entries.length; i++) {
    map.set(entries[i][0], [entries[i][1], entries[i][2]]);
  }
  return map;
}

// util._errnoException and util._exceptionWithHostPort are node's errnoException and
// exceptionWithHostPort (taking ...args, as node's: length 0): the message is `<syscall> <code>`
// and the details, unlike the uv-style errors of fs ('ENOENT: no such file or directory, open').
function _errnoException(...args) {
  return errnoException(...args);
}
function _exceptionWithHostPort(...args) {
  return errors().exceptionWithHostPort(...args);
}
function errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const ex = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// A transferable AbortSignal may be in a postMessage or structuredClone transfer list: the other
// side gets a signal that aborts when this one does (worker_threads and structuredclone read the
// mark).
const kTransferableSignal = Symbol.for('gojs.transferableAbortSignal');
function transferableAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  Object.defineProperty(signal, kTransferableSignal, { __proto__: null, value: true, configurable: true });
  return signal;
}

function transferableAbortController() {
  const ac = new AbortController();
  transferableAbortSignal(ac.signal);
  return ac;
}

// aborted is an async function in node: bad arguments reject, and the promise resolves with the
// abort event (undefined when the signal has already aborted).
// (the "// at:" marks: node's frames for its checks, in internal/abort_controller)
async function aborted(signal, resource) {
  if (signal === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at: internal/abort_controller:433:11 | 11 |     throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at: internal/abort_controller:435:3 | 3 |   validateAbortSignal(signal, 'signal');
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('resource', 'object', resource); // at: internal/abort_controller:436:3 | 3 |   validateObject(resource, 'resource', kValidateObjectAllowObjects);
  }
  if (signal.aborted) return Promise.resolve(); // a returned promise: the ticks node takes
  return new Promise(function (resolve) {
    signal.addEventListener('abort', resolve, { once: true });
  });
}

// trimSpaces trims spaces (only ' ') at both ends, as node's dotenv parser does.
function trimSpaces(s) {
  var a = 0;
  var b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

// parseEnv reads dotenv content the way node 20's Dotenv::ParseContent does (src/node_dotenv.cc),
// quirks included: a key runs to the next '=' (across lines), an empty key ends the parse, "export "
// is dropped from a key, a double-quoted value may span lines and expands \n, an unterminated
// quote keeps the rest of its line, a bare value stops at '#'. Keys come out sorted (a std::map).
function parseEnv(content) {
  validateString(content, 'content');
  var store = new Map();
  content = trimSpaces(content.split('\r').join(''));
  while (content.length > 0) {
    var front = content[0];
    if (front === '\n' || front === '#') {
      var nl0 = content.indexOf('\n');
      if (nl0 !== -1) {
        content = content.slice(nl0 + 1);
        continue;
      }
    }
    var equal = content.indexOf('=');
    if (equal === -1) break;
    var rawKey = content.slice(0, equal);
    var key = trimSpaces(rawKey);
    // node's trim_spaces of an all-spaces key reaches one character back, which is the '\n'
    // that ended the previous line: the key is "\n"
    if (key.length === 0 && rawKey.length !== 0) key = '\n';
    content = content.slice(equal + 1);
    if (key.length === 0) break;
    if (key.startsWith('export ')) key = key.slice(7);
    if (content.length === 0 || content[0] === '\n') {
      store.set(key, '');
      continue;
    }
    content = trimSpaces(content);
    if (content.length === 0) {
      store.set(key, '');
      break;
    }
    var q = content[0];
    var close, nl, value;
    if (q === '"') {
      close = content.indexOf('"', 1);
      if (close !== -1) {
        store.set(key, content.slice(1, close).split('\\n').join('\n'));
        nl = content.indexOf('\n', close + 1);
        content = nl !== -1 ? content.slice(nl + 1) : '';
        continue;
      }
    }
    if (q === "'" || q === '"' || q === '`') {
      close = content.indexOf(q, 1);
      if (close === -1) {
        nl = content.indexOf('\n');
        if (nl !== -1) {
          store.set(key, content.slice(0, nl));
          content = content.slice(nl);
        }
      } else {
        store.set(key, content.slice(1, close));
        nl = content.indexOf('\n', close + 1);
        content = nl !== -1 ? content.slice(nl + 1) : '';
      }
    } else {
      nl = content.indexOf('\n');
      if (nl !== -1) {
        value = content.slice(0, nl);
        content = content.slice(nl + 1);
      } else {
        value = content;
        content = '';
      }
      var hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      store.set(key, trimSpaces(value));
    }
  }
  var keys = ArrayFrom(store.keys()).sort(function (a, b) {
    var ba = Buffer.from(a, 'utf8');
    var bb = Buffer.from(b, 'utf8');
    return Buffer.compare(ba, bb);
  });
  var out = {};
  for (var i = 0; i < keys.length; i++) out[keys[i]] = store.get(keys[i]);
  return out;
}

// node's lengths: deprecate(fn, msg, code, useEmitSync), styleText(format, text, options = {}).
Object.defineProperty(deprecate, 'length', { __proto__: null, value: 4 });
Object.defineProperty(styleText, 'length', { __proto__: null, value: 2 });
module.exports = {
  _errnoException: _errnoException,
  _exceptionWithHostPort: _exceptionWithHostPort,
  _extend: _extend,
  callbackify: callbackify,
  debug: debuglog,
  debuglog: debuglog,
  deprecate: deprecate,
  format: format,
  styleText: styleText,
  formatWithOptions: void 0,
  getSystemErrorMap: getSystemErrorMap,
  getSystemErrorName: getSystemErrorName,
  inherits: inherits,
  inspect: void 0,
  isArray: Array.isArray,
  isBoolean: isBoolean,
  isBuffer: isBuffer,
  isDeepStrictEqual: isDeepStrictEqual,
  isNull: isNull,
  isNullOrUndefined: isNullOrUndefined,
  isNumber: isNumber,
  isString: isString,
  isSymbol: isSymbol,
  isUndefined: isUndefined,
  isRegExp: void 0,
  isObject: isObject,
  isDate: void 0,
  isError: isError,
  isFunction: isFunction,
  isPrimitive: isPrimitive,
  log: log,
  promisify: promisify,
  stripVTControlCharacters: stripVTControlCharacters,
  toUSVString: toUSVString,
  transferableAbortSignal: transferableAbortSignal,
  transferableAbortController: transferableAbortController,
  aborted: aborted,
  types: void 0,
  parseEnv: parseEnv,
};
{
  const names = ['formatWithOptions', 'inspect', 'isRegExp', 'isDate', 'types'];
  const make = (name) => {
    switch (name) {
      case 'types': return types();
      case 'isRegExp': case 'isDate': return types()[name];
      case 'inspect': return inspectStub();
      default: return insp()[name];
    }
  };
  // (a host without the runtime's loader, as the package's tests, has no internalBinding)
  const lazyMembers = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined;
  if (lazyMembers) lazyMembers.members(module.exports, make, names, 'util');
  else for (const name of names) module.exports[name] = make(name);
}

// The lazily loaded exports, shaped as node's defineLazyProperties makes them: accessors named
// 'get <key>' (and 'set <key>'), enumerable and configurable. Where node has a setter, the first
// read or an assignment turns the export into a writable data property (so `util.TextDecoder = x`
// works in strict code); the abort helpers stay getters, an assignment to them throwing there.
function defineLazyExport(key, load, settable) {
  let loaded = false;
  let value;
  function set(v) {
    ObjectDefineProperty(module.exports, key, { __proto__: null, writable: true, value: v });
  }
  ObjectDefineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
  function get() {
    if (!loaded) {
      value = load();
      loaded = true;
      if (settable) set(value);
    }
    return value;
  }
  ObjectDefineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
  ObjectDefineProperty(module.exports, key, {
    __proto__: null, configurable: true, enumerable: true, get, set: settable ? set : undefined,
  });
}
// (in node's key order: the abort helpers keep their places in the literal above)
defineLazyExport('transferableAbortSignal', () => transferableAbortSignal, false);
defineLazyExport('transferableAbortController', () => transferableAbortController, false);
defineLazyExport('aborted', () => aborted, false);
defineLazyExport('parseArgs', () => require('internal/util/parse_args').parseArgs, true);
defineLazyExport('TextDecoder', () => globalThis.TextDecoder, true);
defineLazyExport('TextEncoder', () => globalThis.TextEncoder, true);
defineLazyExport('MIMEType', () => require('internal/mime').MIMEType, true);
defineLazyExport('MIMEParams', () => require('internal/mime').MIMEParams, true);

//#part stub
// util.inspect when a program reads it before inspect's glue (inspect.js) loaded: reading it, as
// `const { inspect } = require('util')` at a module's top or `[util.inspect.custom]` in a class
// do, needs none of that glue. While the glue is not loaded, inspect's defaults are node's and the
// Go inspector formats what it can; anything else (and defaultOptions, colors or styles, read or
// set) loads the glue, which takes this function as its inspect (inspectFn there) and replaces
// colors and styles with the real ones (defaultOptions, which cannot be redefined, uses the
// glue's own inspect's).
(function ({ ObjectDefineProperty, ObjectKeys, inspectBinding, insp }) {
  var binding = inspectBinding();
  var load = insp;
  var impl;
  function inspect(value, opts, legacyDepth, legacyColors) {
    if (impl === undefined) {
      if (!binding.jsLoaded && legacyDepth === undefined && legacyColors === undefined) {
        var s = quick(value, opts);
        if (s !== undefined) return s;
      }
      load();
      impl = binding.inspectImpl;
    }
    return impl(value, opts, legacyDepth, legacyColors); // at: -
  }
  // quick is inspect(value, opts) in Go, with the options inspect.js or console give the Go
  // inspector (and node's defaults for the others), or undefined.
  function quick(value, opts) {
    var depth = 2, compact = 3, breakLength = 80, maxArray = 100, maxString = 10000;
    var showHidden = false, customInspect = true, colors = false;
    if (opts !== undefined) {
      if (opts === null || typeof opts !== 'object') return undefined;
      var keys = ObjectKeys(opts);
      for (var i = 0; i < keys.length; i++) {
        var v = opts[keys[i]];
        switch (keys[i]) {
          case 'depth':
            if (v !== null && typeof v !== 'number') return undefined;
            depth = v === null ? Infinity : v;
            break;
          case 'compact':
            if (typeof v !== 'number' || v < 1 || v % 1 !== 0) return undefined;
            compact = v;
            break;
          case 'breakLength':
            if (typeof v !== 'number') return undefined;
            breakLength = v;
            break;
          case 'maxArrayLength':
          case 'maxStringLength':
            if (v === null) v = Infinity;
            else if (typeof v !== 'number' || (v % 1 !== 0 && v !== Infinity)) return undefined;
            if (keys[i] === 'maxArrayLength') maxArray = v;
            else maxString = v;
            break;
          case 'showHidden': showHidden = !!v; break;
          case 'customInspect': customInspect = !!v; break;
          case 'colors': colors = !!v; break;
          case 'sorted': case 'getters': case 'numericSeparator': case 'showProxy':
            if (v) return undefined;
            break;
          default:
            return undefined;
        }
      }
    }
    return binding.fastInspect(value, depth, breakLength, compact, maxArray, maxString, 0,
      showHidden, colors, !customInspect);
  }
  ObjectDefineProperty(inspect, 'length', { __proto__: null, value: 2 });
  void inspect.prototype; // (goja makes it on first use: in its place, before the others)
  inspect.custom = Symbol.for('nodejs.util.inspect.custom');
  ObjectDefineProperty(inspect, 'defaultOptions', {
    __proto__: null,
    configurable: false,
    enumerable: false,
    get() { load(); return binding.inspectImpl.defaultOptions; },
    set(options) { load(); binding.inspectImpl.defaultOptions = options; }, // at: -
  });
  var lazy = ['colors', 'styles'];
  for (var i = 0; i < lazy.length; i++) {
    (function (key) {
      ObjectDefineProperty(inspect, key, {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get: function () { load(); return inspect[key]; },
        set: function (v) { load(); inspect[key] = v; },
      });
    })(lazy[i]);
  }
  binding.inspectStub = inspect;
  return inspect;
})
//#end stub
