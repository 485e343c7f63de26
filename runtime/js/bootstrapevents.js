(function (B) {
'use strict';
// The bootstrap's (runtime/js/bootstrap.js) part that process as an EventEmitter needs: its setup
// (the first use of process.on, process.emit..., or of events), the warnings (process.emitWarning
// and the 'warning' listener that prints them) and the process members node has that few programs
// use. Split from the cold paths (bootstrapcold.js) because every program that loads events
// needs it and goja compiles every function body up front: loading events compiled the whole
// cold source (errors, rejections, credentials) for these few functions. Compiled once per
// process, under the bootstrap's file name, the first time bootstrap.js's cold(true) is called,
// and run once per runtime then. Functions named ...Cold are method bodies whose frames stacks
// do not show (errorstack.go).
const { binding, proc, processPrototype, require, codes, validators, ensureEvents, flags, cold, makeExtras } = B;

let traceWarningHintShown = false;

const throwDeprecationArrow = 'node:internal/process/warning:185\n        throw warning;\n        ^\n';

function createWarningObject(message, type, code, ctor, detail) {
  const warning = new Error(message);
  warning.name = String(type || 'Warning');
  // the stack starts where the warning was raised: at the caller of ctor (or of emitWarning)
  Error.captureStackTrace(warning, ctor || proc.emitWarning);
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  return warning;
}

function doEmitWarning(warning) {
  ensureEvents();
  proc.emit('warning', warning);
}

// --disable-warning=<code or type>, repeatable: those warnings are not printed (still emitted).
const disabledWarnings = binding.flagValues('--disable-warning');
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && proc.noDeprecation) return;
  if (disabledWarnings.length > 0 && (disabledWarnings.includes(warning.name) || disabledWarnings.includes(warning.code))) return;
  const trace = proc.traceProcessWarnings || (isDeprecation && proc.traceDeprecation);
  let msg = `(node:${proc.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : `${warning.name}: ${warning.message}`;
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHintShown) {
    traceWarningHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
  }
  const file = flags['--redirect-warnings'] || proc.env.NODE_REDIRECT_WARNINGS;
  if (file) {
    writeWarningToFile(file, msg);
    return;
  }
  writeWarning(msg);
}

// --redirect-warnings=file (or NODE_REDIRECT_WARNINGS): as node's, warnings are appended to the
// file, opened once and closed at exit; one that cannot be written goes to stderr after all.
let warningFd;
function writeWarningToFile(file, msg) {
  const fs = require('fs');
  if (warningFd === undefined) {
    try {
      warningFd = fs.openSync(file, 'a');
    } catch {
      warningFd = null;
    }
    if (warningFd !== null) proc.on('exit', () => { try { fs.closeSync(warningFd); } catch {} });
  }
  if (warningFd === null) {
    writeWarning(msg);
    return;
  }
  // one append at a time, in the order the warnings came (two at once on the thread pool could
  // land in either order; node's writes are in order)
  if (warningQueue !== null) {
    warningQueue.push(msg);
    return;
  }
  warningQueue = [];
  const append = (m) => fs.appendFile(warningFd, `${m}\n`, (err) => {
    if (err) writeWarning(m);
    if (warningQueue.length > 0) append(warningQueue.shift());
    else warningQueue = null;
  });
  append(msg);
}
let warningQueue = null; // the warnings waiting for the append under way, or null

// As node's, a warning is written with the global console's error() (so through
// process.stderr.write), taken at the first warning; without a console, straight to fd 2.
let warningWriter = null;
function writeWarning(msg) {
  if (warningWriter === null) {
    try {
      const c = binding.hasBuiltin('console') ? require('console') : null;
      warningWriter = c && typeof c.error === 'function' ? c.error : false;
    } catch {
      warningWriter = false;
    }
  }
  if (warningWriter) {
    try {
      warningWriter(msg);
      return;
    } catch {}
  }
  binding.writeErr(msg + '\n');
}

// ---- process members node has that few programs use
// Made when process first serves as an emitter, or when one of them is first read or set
// (bootstrap.js's makeExtras: until then each is an accessor standing in for them all).

// process._fatalException, as node's: the handlers' part of an uncaught error, whose body is the
// cold paths'
// (an arrow function with no name, as node's; its frames keep the name, which stacks look for)
const _fatalException = (er, fromPromise) => cold().fatalExceptionCold(er, fromPromise);
Object.defineProperty(_fatalException, 'name', { __proto__: null, value: '' });

function installExtras() {
  // (each in its stand-in's place among process's keys; not one the program set or deleted)
  const stubbed = (name) => {
    const d = binding.ownDescriptor(proc, name);
    return d !== undefined && d.get !== undefined && binding.isProcessExtraStub(d.get);
  };
  const define = (name, value) => {
    if (stubbed(name)) {
      Object.defineProperty(proc, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
    }
  };
  define('_rawDebug', function _rawDebug(...args) {
    binding.writeErr(`${require('util').format(...args)}\n`);
  });
  define('assert', require('internal/util/deprecate').deprecate(function(x, msg) {
    if (!x) {
      const { makeNodeError } = require('internal/errors');
      throw makeNodeError(Error, 'ERR_ASSERTION', msg || 'assertion error');
    }
  }, 'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100'));
  define('dlopen', function dlopen() {
    const module = arguments[0];
    const filename = arguments[1];
    if (arguments.length < 2) {
      const { makeNodeError } = require('internal/errors');
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'process.dlopen needs at least 2 arguments');
    }
    // (node's binding takes ToObject(module) and ToObject(module.exports) first)
    if (module === null || module === undefined) throw new TypeError('Cannot convert undefined or null to object');
    const exportsValue = Object(module).exports;
    if (exportsValue === null || exportsValue === undefined) throw new TypeError('Cannot convert undefined or null to object');
    const file = `${filename}`;
    const exists = require('fs').existsSync(file);
    const err = new Error(exists ? `${file}: gojs cannot load native addons` :
      `${file}: cannot open shared object file: No such file or directory`);
    err.code = 'ERR_DLOPEN_FAILED';
    throw err;
  });
  define('_linkedBinding', function _linkedBinding(name) {
    const err = new Error(`No such binding was linked: ${name}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  });
  define('openStdin', (0, function() {
    proc.stdin.resume();
    return proc.stdin;
  }));
  define('domain', null);
  define('_fatalException', _fatalException);
  define('_tickCallback', function runNextTicks() { binding.runTicks(); });
  // The inspector's hooks (gojs has no inspector): _debugProcess(pid) sends the process SIGUSR1,
  // as node's does to start a node process's inspector; the others do nothing.
  define('_debugProcess', function _debugProcess() {
    const pid = arguments[0];
    validators().validateNumber(pid, 'pid');
    cold().credentialResult(binding.kill(pid, require('os').constants.signals.SIGUSR1), 'kill');
  });
  define('_debugEnd', function _debugEnd() {});
  define('_startProfilerIdleNotifier', (0, () => {}));
  define('_stopProfilerIdleNotifier', (0, () => {}));
  if (stubbed('_preload_modules')) {
    // the -r / --require modules as given, read-only as node's
    Object.defineProperty(proc, '_preload_modules', {
      __proto__: null, value: binding.preloadModules(), writable: false, enumerable: true, configurable: true,
    });
  }
  if (stubbed('allowedNodeEnvironmentFlags')) {
    Object.defineProperty(proc, 'allowedNodeEnvironmentFlags', {
      __proto__: null,
      get() { return cold().nodeEnvironmentFlags(); },
      set(value) {
        Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { __proto__: null, value, configurable: true, enumerable: true, writable: true });
      },
      enumerable: true, configurable: true,
    });
  }
  if (stubbed('sourceMapsEnabled')) {
    Object.defineProperty(proc, 'sourceMapsEnabled', {
      __proto__: null,
      get() { return require('internal/process/extras').sourceMapsEnabled; },
      set: undefined, // (the stand-in's is replaced: a getter alone, as node's)
      enumerable: true, configurable: true,
    });
  }
}

// The first use of process as an EventEmitter (bootstrap.js's ensureEvents).
function setUpEvents() {
  const EventEmitter = require('events');
  Object.setPrototypeOf(processPrototype, EventEmitter.prototype);
  EventEmitter.call(proc);
  // Tell the runtime which signals have listeners, so the CLI knows whether to deliver or exit.
  // (the listeners in node's order, with node's names)
  const signals = binding.signals;
  // (node's promise handling listens first, for a 'multipleResolves' listener)
  proc.on('newListener', (eventName) => {
    if (eventName === 'multipleResolves') binding.multipleResolves(true);
  });
  // (a worker's process has no signal listeners: only the main thread's gets signals)
  const onSignals = !binding.inWorker();
  if (onSignals) {
    proc.on('newListener', function startListeningIfSignal(event) {
      if (typeof event === 'string' && signals[event] !== undefined) {
        // as node's (libuv's sigaction): SIGKILL and SIGSTOP cannot be caught, so the listener is
        // refused before it is added
        if (event === 'SIGKILL' || event === 'SIGSTOP') {
          const e = new Error('uv_signal_start EINVAL');
          e.errno = -22;
          e.code = 'EINVAL';
          e.syscall = 'uv_signal_start';
          // (made and thrown at node's place: its frame and the excerpt of its throw)
          const stack = e.stack;
          if (typeof stack === 'string') {
            e.stack = stack.replace(/\n    at process\.startListeningIfSignal \([^)\n]*\)/,
              '\n    at process.startListeningIfSignal (node:internal/process/signal:36:13)');
          }
          binding.putArrow(e, "node:internal/process/signal:36\n      throw new ErrnoException(err, 'uv_signal_start');\n      ^\n");
          throw e;
        }
        binding.watchSignal(event, true);
      }
    });
  }
  proc.on('removeListener', (eventName) => {
    if (eventName === 'multipleResolves') binding.multipleResolves(proc.listenerCount('multipleResolves') !== 0);
  });
  if (onSignals) {
    proc.on('removeListener', function stopListeningIfSignal(event) {
      if (typeof event === 'string' && signals[event] !== undefined && proc.listenerCount(event) === 0) {
        binding.watchSignal(event, false);
      }
    });
  }
  // (NODE_NO_WARNINGS=1 silences them as --no-warnings does, without process.noProcessWarnings)
  if (!proc.noProcessWarnings && proc.env.NODE_NO_WARNINGS !== '1') proc.on('warning', onWarning);
  makeExtras();
}

function emitWarningCold(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('type', 'string', type);
  if (typeof code === 'function') { ctor = code; code = undefined; }
  else if (code !== undefined && typeof code !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('code', 'string', code);
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type || 'Warning', code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (proc.noDeprecation) return;
    if (proc.throwDeprecation) {
      // thrown where the program goes on, as node, whose excerpt is that throw's
      try {
        binding.putArrow(warning, throwDeprecationArrow);
      } catch { /* a frozen warning keeps its own */ }
      proc.nextTick(() => { throw warning; });
      return;
    }
  }
  proc.nextTick(doEmitWarning, warning);
}

return { setUpEvents, installExtras, emitWarning: emitWarningCold, fatalException: _fatalException };
})
