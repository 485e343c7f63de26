'use strict';
// console: https://nodejs.org/api/console.html

// inspect loads on first use (console.table's glue too): console.log of plain strings needs neither, which
// keeps a runtime's start-up cheap.
var inspModule;
function insp() { return inspModule || (inspModule = require('internal/util/inspect')); }
function errorsMod() { return require('internal/errors'); }
function validatorsMod() { return require('internal/validators'); }
function inspect(v, o) { return insp().inspect(v, o); }
function formatWithOptionsInternal(o, a) { return insp().formatWithOptionsInternal(o, a); }

var kColorInspectOptions = { colors: true };

var kMaxGroupIndentation = 1000;

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

// The helpers only console.time*, assert, countReset and a bad Console stream need
// (consolecold.js) are compiled on first use.
var coldFns;
function cold() { return coldFns || (coldFns = binding.coldFactory()({ require: require })); }

function hidden(obj, key, value) {
  Object.defineProperty(obj, key, { __proto__: null, value: value, writable: true, configurable: true, enumerable: false });
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) {
    return Reflect.construct(Console, arguments);
  }
  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }
  var stdout = options.stdout;
  var stderr = options.stderr === undefined ? stdout : options.stderr;
  var ignoreErrors = options.ignoreErrors === undefined ? true : options.ignoreErrors;
  var colorMode = options.colorMode === undefined ? 'auto' : options.colorMode;
  var inspectOptions = options.inspectOptions;
  var groupIndentation = options.groupIndentation;

  if (!stdout || typeof stdout.write !== 'function') {
    throw cold().consoleStreamError('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw cold().consoleStreamError('stderr');
  }
  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
    throw new (errorsMod().codes).ERR_INVALID_ARG_VALUE('colorMode', colorMode,
      "must be one of: 'auto', true, false");
  }
  if (groupIndentation !== undefined) {
    validatorsMod().validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validatorsMod().validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw errorsMod().makeNodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
        'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
    }
    optionsMap.set(this, inspectOptions);
  }
  binding.bindMethods(this, this, consoleMethods, false, true);
  hidden(this, '_stdout', stdout);
  hidden(this, '_stderr', stderr);
  bindProperties(this, ignoreErrors, colorMode, groupIndentation);
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
    return !(env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false');
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
        var info = process._stdioInfo || {};
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
    var s = formatPrimitives(args);
    if (s !== undefined) return s;
    opts = insp().kNoOptions;
  }
  return formatWithOptionsInternal(opts, args);
}

// formatPrimitives formats, as util.format would without colors, arguments that are strings,
// numbers, booleans, bigints, null, undefined or objects the Go inspector can print (plain objects
// and arrays), with no format directive in the first. It returns undefined otherwise. Most
// console.log calls thus never load (and compile) util.inspect. Once inspect is loaded its
// defaultOptions may have changed, so objects then go the full way.
var inspBinding;
function formatPrimitives(args) {
  var out = '';
  for (var i = 0; i < args.length; i++) {
    var a = args[i];
    var s;
    switch (typeof a) {
      case 'string':
        if (i === 0 && a.indexOf('%') !== -1) return undefined;
        s = a;
        break;
      case 'number':
        s = a === 0 && 1 / a < 0 ? '-0' : '' + a;
        break;
      case 'boolean':
        s = a ? 'true' : 'false';
        break;
      case 'bigint':
        s = a + 'n';
        break;
      case 'undefined':
        s = 'undefined';
        break;
      case 'object':
        if (a === null) {
          s = 'null';
          break;
        }
        if (inspBinding === undefined) {
          try { inspBinding = internalBinding('internal/util/inspect'); } catch (e) { inspBinding = null; }
        }
        if (!inspBinding || inspBinding.jsLoaded) return undefined;
        // util.inspect's defaults: depth 2, breakLength 80, compact 3, 100 array items, 10000 chars
        s = inspBinding.fastInspect(a, 2, 80, 3, 100, 10000, 0);
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
    var proc = process;
    if (typeof proc._rawWrite === 'function') {
      proc._rawWrite(useStdout ? 1 : 2, string);
    } else {
      (useStdout ? proc.stdout : proc.stderr).write(string);
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
  log() {
    writeToConsole(this, true, formatFor(this, true, arguments));
  },
  warn() {
    writeToConsole(this, false, formatFor(this, false, arguments));
  },
  dir(object, options) {
    var opts = Object.assign({ customInspect: false }, (getInspectOptions(this, true) || insp().kNoOptions), options);
    writeToConsole(this, true, inspect(object, opts));
  },
  time(label = 'default') {
    label = '' + label;
    if (this._times.has(label)) {
      cold().emitWarning("Label '" + label + "' already exists for console.time()");
      return;
    }
    this._times.set(label, cold().now());
  },
  timeEnd(label = 'default') {
    label = '' + label;
    var found = cold().timeLogImpl(this, 'timeEnd', label);
    if (found) {
      this._times.delete(label);
    }
  },
  timeLog(label = 'default') {
    label = '' + label;
    cold().timeLogImpl(this, 'timeLog', label, cold().argsOf(arguments, 1));
  },
  trace() {
    var err = new Error();
    var stack = insp().normalizeStack(String(err.stack || ''));
    var lines = stack.split('\n').slice(1);
    // Drop the frames of console itself (Node captures the stack from the caller of trace).
    while (lines.length && (lines[0].indexOf('node:console') !== -1 || / \(native\)$/.test(lines[0]))) {
      lines.shift();
    }
    var msg = formatFor(this, false, arguments);
    var out = 'Trace' + (msg === '' && arguments.length === 0 ? '' : ': ' + msg);
    if (lines.length) out += '\n' + lines.join('\n');
    this.error(out);
  },
  assert(expression) {
    if (!expression) {
      var args = cold().argsOf(arguments, 1);
      args[0] = 'Assertion failed' + (args.length === 0 ? '' : ': ' + args[0]);
      this.warn.apply(this, args);
    }
  },
  clear() {
    var stdout = this[kGlobal] ? process.stdout : this._stdout;
    if (stdout && stdout.isTTY && process.env.TERM !== 'dumb') {
      stdout.write('\u001b[1;1H');
      stdout.write('\u001b[0J');
    }
  },
  count(label = 'default') {
    label = '' + label;
    var counts = this[kCounts];
    var n = counts.get(label);
    if (n === undefined) {
      n = 1;
    } else {
      n++;
    }
    counts.set(label, n);
    this.log(label + ': ' + n);
  },
  countReset(label = 'default') {
    label = '' + label;
    var counts = this[kCounts];
    if (!counts.has(label)) {
      cold().emitWarning("Count for '" + label + "' does not exist");
      return;
    }
    counts.delete(label);
  },
  group() {
    if (arguments.length > 0) {
      this.log.apply(this, arguments);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    return require('internal/console/table')(this, tabularData, properties, getInspectOptions);
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
Object.defineProperty(globalConsole, Symbol.toStringTag, {
  __proto__: null,
  value: 'console', writable: false, enumerable: false, configurable: true,
});
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
globalConsole.context = function context(name) {
  var c = new Console({ stdout: process.stdout, stderr: process.stderr });
  return c;
};
globalConsole.createTask = function createTask() {
  return { run: function (fn) { return fn(); } };
};

module.exports = globalConsole;
