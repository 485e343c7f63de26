(function (C) {
'use strict';
// console's (console.js) cold parts: the Console constructor's body, the bodies of the console
// methods other than log and warn (and their aliases), and their helpers, compiled once per
// process under console's file name the first time one is needed (console.js's cold()). Each
// helper keeps its name, so that its frames read as before; a body is named after its function
// with Cold after it: stacks do not show such a frame (errorstack.go), so they read as before,
// with the function's own frame where the body's was.
var require = C.require;
var process = require('process');
var binding = C.binding;
var insp = C.insp;
var hidden = C.hidden;
var getInspectOptions = C.getInspectOptions;
var writeToConsole = C.writeToConsole;
var kCounts = C.kCounts;
var kGroupIndent = C.kGroupIndent;
var kGroupIndentationWidth = C.kGroupIndentationWidth;
var kGlobal = C.kGlobal;
var kMaxGroupIndentation = 1000;
function errorsMod() { return require('internal/errors'); }
function validatorsMod() { return require('internal/validators'); }

function consoleStreamError(name) {
  return errorsMod().makeNodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
    'Console expects a writable stream instance for ' + name);
}

function argsOf(a, from) {
  var out = new Array(Math.max(0, a.length - from));
  for (var i = from; i < a.length; i++) out[i - from] = a[i];
  return out;
}

function emitWarning(msg) {
  process.emitWarning(msg);
}

var kSecond = 1000;
var kMinute = 60 * kSecond;
var kHour = 60 * kMinute;

function pad(value) {
  return String(value).padStart(2, '0');
}

function formatTime(ms) {
  var hours = 0;
  var minutes = 0;
  var seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    var parts = seconds.toFixed(3).split('.');
    seconds = parts[0];
    ms = parts[1];
    var res = hours !== 0 ? hours + ':' + pad(minutes) : minutes;
    return res + ':' + pad(seconds) + '.' + ms + ' (' + (hours !== 0 ? 'h:m' : '') + 'm:ss.mmm)';
  }
  if (seconds !== 0) {
    return seconds.toFixed(3) + 's';
  }
  return Number(ms.toFixed(3)) + 'ms';
}

function now() {
  return process.hrtime();
}

function elapsedMs(start) {
  var t = now();
  var s = t[0] - start[0];
  var ns = t[1] - start[1];
  return s * 1000 + ns / 1e6;
}

function timeLogImpl(self, name, label, data) {
  var time = self._times.get(label);
  if (time === undefined) {
    emitWarning("No such label '" + label + "' for console." + name + '()');
    return false;
  }
  var formatted = formatTime(elapsedMs(time));
  var args = ['%s: %s', label, formatted];
  if (data !== undefined) {
    for (var i = 0; i < data.length; i++) args.push(data[i]);
  }
  self.log.apply(self, args);
  return true;
}

// new Console(options) or Console(stdout, stderr, ignoreErrors = true), made as self
function ConsoleCold(self, args) {
  var options = args[0];
  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: args[1],
      ignoreErrors: args[2],
    };
  }
  var stdout = options.stdout;
  var stderr = options.stderr === undefined ? stdout : options.stderr;
  var ignoreErrors = options.ignoreErrors === undefined ? true : options.ignoreErrors;
  var colorMode = options.colorMode === undefined ? 'auto' : options.colorMode;
  var inspectOptions = options.inspectOptions;
  var groupIndentation = options.groupIndentation;

  if (!stdout || typeof stdout.write !== 'function') {
    throw consoleStreamError('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw consoleStreamError('stderr');
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
    C.optionsMap.set(self, inspectOptions);
  }
  binding.bindMethods(self, self, C.consoleMethods, false, true);
  hidden(self, '_stdout', stdout);
  hidden(self, '_stderr', stderr);
  C.bindProperties(self, ignoreErrors, colorMode, groupIndentation);
}

// dirQuick is console.dir of an object the Go inspector prints, with no options or only a depth,
// while inspect's glue is not loaded (node's defaults, custom inspection off); else undefined.
function dirQuick(self, object, options) {
  var b = C.loadInspBinding();
  if (!b || b.jsLoaded || object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    return undefined;
  }
  var depth = 2;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') return undefined;
    var keys = Object.keys(options);
    if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'depth')) return undefined;
    if (keys.length === 1) {
      depth = options.depth;
      if (depth === null || depth === undefined) depth = Infinity; // (inspect's: no limit)
      else if (typeof depth !== 'number') return undefined;
    }
  }
  var opts = getInspectOptions(self, true);
  if (opts !== null && opts !== C.kColorInspectOptions) return undefined;
  return b.fastInspect(object, depth, 80, 3, 100, 10000, 0, false, opts !== null, true);
}

// The bodies of console.js's console methods of the same names without Cold.
var methods = {
  dirCold(object, options) {
    var s = dirQuick(this, object, options);
    if (s !== undefined) {
      writeToConsole(this, true, s);
      return;
    }
    var opts = Object.assign({ customInspect: false }, (getInspectOptions(this, true) || insp().kNoOptions), options);
    writeToConsole(this, true, C.inspect(object, opts));
  },
  timeCold(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      emitWarning("Label '" + label + "' already exists for console.time()");
      return;
    }
    this._times.set(label, now());
  },
  timeEndCold(label = 'default') {
    label = `${label}`;
    var found = timeLogImpl(this, 'timeEnd', label);
    if (found) {
      this._times.delete(label);
    }
  },
  timeLogCold(label = 'default') {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, argsOf(arguments, 1));
  },
  traceCold() {
    var err = new Error();
    var stack = insp().normalizeStack(String(err.stack || ''));
    var lines = stack.split('\n').slice(1);
    // Drop the frames of console itself (Node captures the stack from the caller of trace).
    while (lines.length && (lines[0].indexOf('node:console') !== -1 || / \(native\)$/.test(lines[0]))) {
      lines.shift();
    }
    var msg = C.formatFor(this, false, arguments);
    var out = 'Trace' + (msg === '' && arguments.length === 0 ? '' : ': ' + msg);
    if (lines.length) out += '\n' + lines.join('\n');
    this.error(out);
  },
  assertCold(expression) {
    if (!expression) {
      var args = argsOf(arguments, 1);
      args[0] = 'Assertion failed' + (args.length === 0 ? '' : ': ' + args[0]);
      this.warn.apply(this, args);
    }
  },
  clearCold() {
    var stdout = this[kGlobal] ? process.stdout : this._stdout;
    if (stdout && stdout.isTTY && process.env.TERM !== 'dumb') {
      stdout.write('\u001b[1;1H');
      stdout.write('\u001b[0J');
    }
  },
  countCold(label = 'default') {
    label = `${label}`;
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
  countResetCold(label = 'default') {
    label = `${label}`;
    var counts = this[kCounts];
    if (!counts.has(label)) {
      emitWarning("Count for '" + label + "' does not exist");
      return;
    }
    counts.delete(label);
  },
  groupCold() {
    if (arguments.length > 0) {
      this.log.apply(this, arguments);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEndCold() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  tableCold(tabularData, properties) {
    return require('internal/console/table')(this, tabularData, properties, getInspectOptions);
  },
};

return { ConsoleCold: ConsoleCold, methods: methods, formatTime: formatTime };
})
