'use strict';
// console: https://nodejs.org/api/console.html

// inspect loads on first use (console.table's glue too): console.log of plain strings needs neither, which
// keeps a runtime's start-up cheap.
var inspModule;
function insp() { return inspModule || (inspModule = require('internal/util/inspect')); }
function inspect(v, o) { return insp().inspect(v, o); }
function formatWithOptionsInternal(o, a) { return insp().formatWithOptionsInternal(o, a); }

var kColorInspectOptions = { colors: true };

var kUseStdout = 1;
var kUseStderr = 2;
var kGroupIndent = Symbol('kGroupIndent');
var kGroupIndentationWidth = Symbol('kGroupIndentWidth');
var kCounts = Symbol('counts');
var kColorMode = Symbol('kColorMode');
var kIsConsole = Symbol('kIsConsole');
var kGlobal = Symbol('kGlobal');
var kColorCache = Symbol('kColorCache');
var optionsMap = new WeakMap();
var globalStreams;

// the process object itself: a script may replace globalThis.process, and node's console keeps
// writing to the real one
var process = require('process');

function noop() {}
// the process glue's console write and stdio facts (internal/process_private)
var processPrivateRecord, rawWrite;
function processPrivate() { return processPrivateRecord || (processPrivateRecord = internalBinding('internal/process_private')); }

// The Console constructor's body, the bodies of the methods other than log and warn (and their
// aliases) and their helpers are in consolecold.js, compiled on first use.
var coldFns;
function cold() {
  return coldFns || (coldFns = binding.coldFactory()({
    require: require, binding: binding, insp: insp, inspect: inspect, formatFor: formatFor,
    getInspectOptions: getInspectOptions, writeToConsole: writeToConsole, hidden: hidden,
    bindProperties: bindProperties, consoleMethods: consoleMethods, optionsMap: optionsMap,
    kCounts: kCounts, kGroupIndent: kGroupIndent, kGroupIndentationWidth: kGroupIndentationWidth,
    kGlobal: kGlobal, kColorInspectOptions: kColorInspectOptions, loadInspBinding: loadInspBinding,
  }));
}

function hidden(obj, key, value) {
  Object.defineProperty(obj, key, { __proto__: null, value: value, writable: true, configurable: true, enumerable: false });
}

// Console's body is in consolecold.js (ConsoleCold): few programs make a Console of their own.
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) {
    return Reflect.construct(Console, arguments);
  }
  cold().ConsoleCold(this, arguments);
}

// bindMethods gives target its methods bound to self. The global console's methods are V8's
// own in node, all with length 0 (a Console's keep their declared parameters).
function bindMethods(target, self, noLength) {
  binding.bindMethods(target, self, consoleMethods, noLength === true);
}

function bindProperties(self, ignoreErrors, colorMode, groupIndentation) {
  hidden(self, '_stdoutErrorHandler', createWriteErrorHandler(self, kUseStdout));
  hidden(self, '_stderrErrorHandler', createWriteErrorHandler(self, kUseStderr));
  hidden(self, '_ignoreErrors', Boolean(ignoreErrors));
  hidden(self, '_times', new Map());
  hidden(self, kCounts, new Map());
  hidden(self, kColorMode, colorMode);
  hidden(self, kIsConsole, true);
  hidden(self, kGroupIndent, '');
  hidden(self, kGroupIndentationWidth, groupIndentation === undefined ? 2 : groupIndentation);
  // as node's kBindProperties: an instance says [object console] (util.inspect: Console [console])
  Object.defineProperty(self, Symbol.toStringTag, {
    __proto__: null, value: 'console', writable: false, enumerable: false, configurable: true,
  });
}

function createWriteErrorHandler(instance, streamSymbol) {
  return function (err) {
    var stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream && !(stream._writableState && stream._writableState.errorEmitted)) {
      if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
        if (typeof stream.once === 'function') stream.once('error', noop);
      }
    }
  };
}

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value: function (instance) {
    return instance !== null && typeof instance === 'object' && instance[kIsConsole] === true;
  },
});

function shouldColorize(isTTY, stream) {
  var env = process.env;
  if (env.FORCE_COLOR !== undefined) {
    // node's getColorDepth() > 2: '', 1, true, 2 and 3 force colours (and it warns, once, that
    // NO_COLOR or NODE_DISABLE_COLORS is ignored); any other value turns them off
    var f = env.FORCE_COLOR;
    if (f !== '' && f !== '1' && f !== 'true' && f !== '2' && f !== '3') return false;
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) {
      require('tty').WriteStream.prototype.getColorDepth();
    }
    return true;
  }
  if (!isTTY) return false;
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') {
    return false;
  }
  if (stream && typeof stream.getColorDepth === 'function') return stream.getColorDepth() > 2;
  return true;
}

function getInspectOptions(self, useStdout) {
  var color = self[kColorMode];
  if (color === 'auto') {
    if (self[kGlobal]) {
      var cache = self[kColorCache];
      color = useStdout ? cache.out : cache.err;
      if (color === undefined) {
        var info = processPrivate().stdioInfo || {};
        color = shouldColorize(useStdout ? info.stdoutIsTTY : info.stderrIsTTY);
        if (useStdout) cache.out = color; else cache.err = color;
      }
    } else {
      var stream = useStdout ? self._stdout : self._stderr;
      color = shouldColorize(stream && stream.isTTY, stream);
    }
  }
  var options = optionsMap.get(self);
  if (options) {
    if (options.colors === undefined) {
      options.colors = color;
    }
    return options;
  }
  return color ? kColorInspectOptions : null;
}

function formatFor(self, useStdout, args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  var opts = getInspectOptions(self, useStdout);
  if (opts === null) {
    var s = formatPrimitives(args, false);
    if (s !== undefined) return s;
    opts = insp().kNoOptions;
  } else if (opts === kColorInspectOptions) {
    var c = formatPrimitives(args, true);
    if (c !== undefined) return c;
  }
  return formatWithOptionsInternal(opts, args);
}

// formatPrimitives formats, as util.format would (with inspect's default styles when colors),
// arguments that are strings, numbers, booleans, bigints, null, undefined, symbols or objects the
// Go inspector can print (plain objects, arrays, Maps, Sets, errors), with no format directive in
// the first. It returns undefined otherwise. Most console.log calls thus never load (and
// compile) util.inspect. Once inspect is loaded its defaultOptions and styles may have changed,
// so objects (and anything coloured) then go the full way.
var inspBinding;
function loadInspBinding() {
  if (inspBinding === undefined) {
    try { inspBinding = internalBinding('internal/util/inspect'); } catch (e) { inspBinding = null; }
  }
  return inspBinding;
}
function formatPrimitives(args, colors) {
  var b = loadInspBinding();
  // (inspect's defaults, which can change how a number or a boolean prints, are untouched while
  // its JS is not loaded: strings and such primitives are then joined in Go)
  if (!colors && b && !b.jsLoaded && typeof args[0] === 'string') {
    var joined = b.formatStrings(args, true, undefined, true);
    if (joined !== undefined) return joined;
  }
  var out = '';
  for (var i = 0; i < args.length; i++) {
    var a = args[i];
    var s;
    // (once inspect's glue is loaded, its defaults and styles may have changed)
    if ((colors || typeof a !== 'string') && b && b.jsLoaded) return undefined;
    switch (typeof a) {
      case 'string':
        if (i === 0 && a.indexOf('%') !== -1) return undefined;
        s = a;
        break;
      case 'number':
        s = a === 0 && 1 / a < 0 ? '-0' : '' + a;
        if (colors) s = '\u001b[33m' + s + '\u001b[39m';
        break;
      case 'boolean':
        s = a ? 'true' : 'false';
        if (colors) s = '\u001b[33m' + s + '\u001b[39m';
        break;
      case 'bigint':
        s = a + 'n';
        if (colors) s = '\u001b[33m' + s + '\u001b[39m';
        break;
      case 'undefined':
        s = colors ? '\u001b[90mundefined\u001b[39m' : 'undefined';
        break;
      case 'object':
      case 'function':
      case 'symbol':
        if (a === null) {
          s = colors ? '\u001b[1mnull\u001b[22m' : 'null';
          break;
        }
        if (!inspBinding) return undefined;
        // util.inspect's defaults: depth 2, breakLength 80, compact 3, 100 array items, 10000
        // chars (and its default styles)
        s = inspBinding.fastInspect(a, 2, 80, 3, 100, 10000, 0, false, colors);
        if (s === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    out = i === 0 ? s : out + ' ' + s;
  }
  return out;
}

function writeToConsole(self, useStdout, string) {
  var groupIndent = self[kGroupIndent];
  if (groupIndent.length !== 0) {
    if (string.indexOf('\n') !== -1) {
      string = string.split('\n').join('\n' + groupIndent);
    }
    string = groupIndent + string;
  }
  string += '\n';
  if (self[kGlobal] && (useStdout ? globalStreams.out : globalStreams.err) === undefined) {
    var raw = rawWrite || (rawWrite = processPrivate().rawWrite || false);
    if (raw) {
      raw(useStdout ? 1 : 2, string);
    } else {
      (useStdout ? process.stdout : process.stderr).write(string);
    }
    return;
  }
  var stream = useStdout ? self._stdout : self._stderr;
  if (self._ignoreErrors === false) {
    stream.write(string);
    return;
  }
  try {
    // Add and later remove a noop error handler to catch synchronous errors.
    if (stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
    stream.write(string, useStdout ? self._stdoutErrorHandler : self._stderrErrorHandler);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(String(e.message))) throw e;
  } finally {
    stream.removeListener('error', noop);
  }
}

// Written as method definitions: like node's, console methods are not constructors.
var consoleMethods = {
  // (a rest parameter, not goja's arguments object, which costs more; length 0 either way)
  log(...args) {
    writeToConsole(this, true, formatFor(this, true, args));
  },
  warn(...args) {
    writeToConsole(this, false, formatFor(this, false, args));
  },
  // each of these is a call of its body in consolecold.js, named after it with Cold after it
  dir(object, options) { return cold().methods.dirCold.apply(this, arguments); },
  time() { return cold().methods.timeCold.apply(this, arguments); },
  timeEnd() { return cold().methods.timeEndCold.apply(this, arguments); },
  timeLog() { return cold().methods.timeLogCold.apply(this, arguments); },
  trace() { return cold().methods.traceCold.apply(this, arguments); },
  assert(expression) { return cold().methods.assertCold.apply(this, arguments); },
  clear() { return cold().methods.clearCold.apply(this, arguments); },
  count() { return cold().methods.countCold.apply(this, arguments); },
  countReset() { return cold().methods.countResetCold.apply(this, arguments); },
  group() { return cold().methods.groupCold.apply(this, arguments); },
  groupEnd() { return cold().methods.groupEndCold.apply(this, arguments); },
  table(tabularData, properties) {
    // (checked here, so that the error starts at Console.table as node's)
    if (properties !== undefined) require('internal/validators').validateArray(properties, 'properties');
    return cold().methods.tableCold.apply(this, arguments);
  },
};
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

binding.defineMethods(Console.prototype, consoleMethods);

// The global console: an ordinary object with bound methods that write to process.stdout and
// process.stderr (looked up on every call, so replaced or patched streams are honoured).
var globalConsole = Object.create({});
hidden(globalConsole, kGlobal, true);
hidden(globalConsole, kColorCache, { out: undefined, err: undefined });
bindMethods(globalConsole, globalConsole, true);
// Assigning console._stdout or console._stderr makes the global console write there from then on.
globalStreams = { out: undefined, err: undefined };
Object.defineProperty(globalConsole, '_stdout', {
  __proto__: null,
  get: function () { return globalStreams.out || process.stdout; },
  set: function (value) { globalStreams.out = value; },
  configurable: true, enumerable: false,
});
Object.defineProperty(globalConsole, '_stderr', {
  __proto__: null,
  get: function () { return globalStreams.err || process.stderr; },
  set: function (value) { globalStreams.err = value; },
  configurable: true, enumerable: false,
});
bindProperties(globalConsole, true, 'auto');
globalConsole.Console = Console;
globalConsole.profile = function profile() {};
globalConsole.profileEnd = function profileEnd() {};
globalConsole.timeStamp = function timeStamp() {};
// context(name) is V8's console.context: a console whose methods report to the inspector only
// (there is none here), so they print nothing; an object on a prototype of its own, with V8's
// methods in V8's order (each of length 1, no prototype).
var contextMethods = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
  'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group', 'groupCollapsed',
  'assert', 'time', 'timeEnd', 'timeStamp'];
globalConsole.context = function context(name) {
  var c = Object.create({});
  for (var i = 0; i < contextMethods.length; i++) {
    var m = { [contextMethods[i]](_) {} }[contextMethods[i]];
    c[contextMethods[i]] = m;
  }
  return c;
};
globalConsole.createTask = function createTask() {
  return { run: function (fn) { return fn(); } };
};

module.exports = globalConsole;
