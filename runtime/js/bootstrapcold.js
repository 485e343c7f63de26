(function (B) {
'use strict';
// The bootstrap's (runtime/js/bootstrap.js) cold paths: what only an uncaught error, a
// rejection, a credential call or a worker's process needs (process as an EventEmitter and the
// warnings are bootstrapevents.js's). Compiled once per process, under the bootstrap's file name, the first
// time bootstrap.js's cold() is called, and run once per runtime then: most runtimes never need
// any of it, and goja compiles every function body up front. Each function keeps the name it had
// in bootstrap.js, so its frames read as before (see below for the process methods whose bodies
// are here). B holds the bootstrap's shared values; eventsReady and captureCallback are getters
// (bootstrap.js changes them).
const { binding, proc, processPrototype, require, codes, validators, ensureEvents, nodeVersion, toExitCode, flags, internalBinding } = B;

let inFatal = false;
// what the domain module's capture callback returns for an error it leaves to the fatal path
const kCaptureDeclined = Symbol.for('gojs.captureDeclined');
const abortOnUncaught = flags['--abort-on-uncaught-exception'] !== undefined;
const traceUncaught = flags['--trace-uncaught'] !== undefined;
// --unhandled-rejections=<mode>: throw (the default), strict, warn, warn-with-error-code, none.
const rejectionMode = flags['--unhandled-rejections'] || 'throw';
let lastRejectionId = 0;
let rejectionIds; // promise -> the id its warnings name
// setuid & co.: an id is a uint32 or a name; an unknown name is ERR_UNKNOWN_CREDENTIAL, a failing
// system call node's ErrnoException ("EPERM, Operation not permitted").
function credentialResult(r, syscall) {
  if (typeof r === 'number' && r < 0) {
    const code = require('util').getSystemErrorName(r);
    const e = new Error(`${code}, ${binding.strerror(r)}`);
    e.errno = -r;
    e.code = code;
    e.syscall = syscall;
    throw e;
  }
  return r;
}
function validateId(id, name) {
  if (typeof id === 'number') validators().validateUint32(id, name);
  else if (typeof id !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['number', 'string'], id);
}
function cpuValueIsValid(num) {
  return typeof num === 'number' && num <= Number.MAX_SAFE_INTEGER && num >= 0;
}
function invalidCpuValue(name, value) {
  // node's ERR_INVALID_ARG_VALUE.RangeError
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(RangeError, 'ERR_INVALID_ARG_VALUE', new (codes().ERR_INVALID_ARG_VALUE)(name, value).message);
}
// ---- fatal errors

// formatFatal is err inspected; when that throws (a stack getter or Error.prepareStackTrace that
// throws, a revoked proxy), node prints err's plain string form and the --trace-uncaught hint:
// the hint is then appended (plainFatal says so).
let plainFatal = false;
function formatFatal(err) {
  plainFatal = false;
  try {
    // (node's afterInspector reads the stack before it inspects: a getter that throws there
    // leaves the plain form)
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) void err.stack;
    if (binding.hasBuiltin('util')) {
      // (while util.inspect's glue is not loaded, its defaults are node's: the Go inspector
      // prints what it can without compiling it, giving up on anything with a custom inspect,
      // a Buffer too)
      const ib = internalBinding('internal/util/inspect');
      const colors = fatalColors();
      if (!ib.jsLoaded) {
        const quick = ib.fastInspect(err, 5, 80, 3, 100, 10000, 0, false, colors, true);
        if (quick !== undefined) return quick;
      }
      // as node's fatal-exception printer: no custom inspect, at least 5 levels deep, coloured
      // as stderr would be or as inspect's defaults say
      const { inspect } = require('util');
      return inspect(err, {
        colors: colors || inspect.defaultOptions.colors,
        customInspect: false,
        depth: Math.max(inspect.defaultOptions.depth, 5),
      });
    }
  } catch {
    plainFatal = true;
  }
  try {
    if (!plainFatal && err instanceof Error && typeof err.stack === 'string') {
      return err.stack.replace(/\t?\n?$/, '').replace(/\tat /g, '    at ').replace(/:(\d+):(\d+)\(\d+\)/g, ':$1:$2');
    }
  } catch {
    plainFatal = true;
  }
  return plainForm(err);
}

// plainForm is node's last resort for a fatal error it cannot inspect: "name: message" when both
// can be read and are defined, else the value's string.
function plainForm(err) {
  let name, message;
  try {
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
      message = err.message;
      name = err.name;
    }
  } catch {
    message = undefined;
  }
  if (message !== undefined && name !== undefined) {
    let n = '', m = '';
    try { n = String(name); } catch {}
    try { m = String(message); } catch {}
    return `${n}: ${m}`;
  }
  try { return String(err); } catch { return ''; }
}

// fatalColors is node's shouldColorize(process.stderr) for the fatal printer: FORCE_COLOR decides
// (through the terminal colour depth, which warns about a NO_COLOR it overrides), else a stderr
// that is a terminal of more than two colours.
function fatalColors() {
  try {
    if (proc.env.FORCE_COLOR !== undefined) return require('tty').WriteStream.prototype.getColorDepth() > 2;
    if (!binding.stderrIsTTY) return false;
    const stderr = proc.stderr;
    return !!(stderr && stderr.isTTY && (typeof stderr.getColorDepth !== 'function' || stderr.getColorDepth() > 2));
  } catch {
    return false;
  }
}

function isError(v) {
  try { return v instanceof Error; } catch { return false; } // (a revoked proxy throws)
}

// thrownAt is what node's --trace-uncaught prints under "Thrown at:": the frames of the place
// err was thrown from (an error's own stack), as V8 names them in a message's stack trace (the
// function's name alone: no receiver type for a plain function, no alias, a top-level frame
// unnamed), or undefined.
function thrownAt(err, origin) {
  let stack;
  try {
    if (binding.isNativeError(err)) stack = typeof err.stack === 'string' ? err.stack : undefined;
    else if (origin === 'uncaughtException') stack = binding.throwTrace();
  } catch {}
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((l) => l.startsWith('    at '));
  if (frames.length === 0) return undefined;
  return frames.map((l) => l
    .replace(/^ {4}at Object\.<anonymous> \((.*)\)$/, '    at $1')
    .replace(/^ {4}at (?:Function|Object|process)\.([^ ]+)/, '    at $1')
    .replace(/^( {4}at [^ ]+) \[as [^\]]+\]/, '$1')).join('\n');
}

function printFatal(err, origin) {
  let arrow = '';
  try {
    // node's fatalExceptionStackEnhancers.beforeInspector: an unhandled 'error' event's error
    // gets the place of its emit ("Emitted 'error' event at:")
    // (events' is described as node's kEnhanceStackBeforeInspector; worker_threads and the test
    // runner set gojs's over it, for an error they rethrow after events threw it)
    const enhance = err !== null && typeof err === 'object' ?
      err[Symbol.for('gojs.enhanceStackBeforeInspector')] || err[Symbol.for('kEnhanceStackBeforeInspector')] : undefined;
    if (typeof enhance === 'function') err.stack = enhance();
  } catch {}
  try {
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
      // vm gives its errors' stacks their arrow (node's decorated stacks)
      if (err[Symbol.for('gojs.stackDecorated')] !== true) {
        // (thrown uncaught, an error node's loader rethrew shows the rethrow's place, and one
        // the program's own catch rethrew shows that throw)
        if (origin === 'uncaughtException') {
          arrow = binding.userRethrowArrow() || err[Symbol.for('gojs.rethrowArrow')] || '';
        }
        if (!arrow) {
          arrow = err[Symbol.for('gojs.arrowMessage')] || binding.keptArrow(err);
          // (a rejection is reported at the error's own place)
          if (arrow && origin === 'unhandledRejection') arrow = atOwnColumn(arrow, err);
        }
        // a rejection whose stack was already read (or set) has only the place node reports it at
        if (!arrow && origin === 'unhandledRejection' && !rejectionStackUnread) arrow = rejectionArrow();
        // (one made in node's code: its own place there)
        if (!arrow && origin === 'unhandledRejection') arrow = binding.nodePlaceArrow(err);
        if (!arrow) arrow = binding.arrowFor(err) || '';
        // an error with no place of its own (made on the loop: a system error of a callback API
        // rejected by a promise; or with no stack, made while Error.stackTraceLimit was no
        // number) is reported at node's rethrow of the rejection
        if (!arrow && origin === 'unhandledRejection' && binding.isNativeError(err) &&
            (err.stack === undefined || typeof err.stack === 'string' && !err.stack.includes('\n    at '))) {
          arrow = rejectionArrow();
        }
      }
    } else if (origin === 'uncaughtException') {
      arrow = binding.arrowFor(undefined) || '';
    }
  } catch {}
  let out;
  // (node prints a native error's excerpt with it; of anything else, a DOMException included, it
  // prints the excerpt at once, after a newline, and the error's inspection after it)
  if (binding.isNativeError(err)) {
    out = (arrow ? arrow + '\n' : '') + formatFatal(err);
    if (plainFatal && !traceUncaught) {
      out += '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)';
    }
  } else {
    // node sets a thrown value that is no error apart with a blank line, prints a primitive as
    // its string (a symbol as nothing) and an object inspected, and hints at --trace-uncaught
    // for a primitive only
    let primitive = err === null || (typeof err !== 'object' && typeof err !== 'function');
    let text = '';
    if (!primitive) {
      // node asks whether it has an own stack first: a revoked proxy throws there, and node
      // prints it as nothing, as a symbol
      try {
        Object.prototype.hasOwnProperty.call(err, 'stack');
        text = formatFatal(err);
      } catch {
        primitive = true;
      }
    } else if (typeof err !== 'symbol') {
      text = String(err);
    }
    // (an object thrown by -e or stdin code's own run, node's vm-compiled script, or by a vm
    // script that displays its errors: the excerpt comes first and a blank line follows it)
    if (arrow && !primitive && (binding.evalThrow() || err[Symbol.for('gojs.vmThrown')] === true)) out = `${arrow}\n${text}`;
    else out = (arrow ? `\n${arrow}` : '') + text;
    if (((primitive && origin === 'uncaughtException') || plainFatal) && !traceUncaught) {
      out += '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)';
    }
  }
  if (traceUncaught) {
    const trace = thrownAt(err, origin);
    if (trace !== undefined) out += `\nThrown at:\n${trace}\n`;
  }
  // (a diagnostic report of the error, under --report-uncaught-exception or
  // process.report.reportOnUncaughtException, is written before node's version line)
  let reported = '';
  if (flags['--report-uncaught-exception'] !== undefined || binding.builtinLoaded('internal/process/extras')) {
    try { reported = require('internal/process/extras').fatalReport(err); } catch {}
  }
  binding.writeErr(`${out}\n${reported}\nNode.js ${nodeVersion}\n`);
}

// Whether the unhandled rejection being reported had a stack not yet read: taken as it is reported,
// before the handlers and the runtime's own record of the error read it.
let rejectionStackUnread = false;

// (told: the origin the listeners are told when it is not the one the error is printed for, the
// main ES module's rejection node rethrows as an uncaught exception)
function fatalException(err, origin, told) {
  if (origin === 'unhandledRejection') rejectionStackUnread = binding.stackUnread(err);
  if (told === undefined) told = origin;
  // node's native side hands the error to process._fatalException: one a program replaced by a
  // non-function ends the process with 6, unhandled, and one replaced by its own function decides
  // (a falsy result prints the error and exits 1); neither emits 'exit'
  // (still the stand-in made at start-up, it is node's own: reading it would load process's extras)
  const feDesc = Object.getOwnPropertyDescriptor(proc, '_fatalException');
  if (feDesc !== undefined && !(feDesc.get !== undefined && binding.isProcessExtraStub(feDesc.get)) &&
      proc._fatalException !== B.fatalException) {
    const fe = proc._fatalException;
    if (typeof fe !== 'function') {
      printFatal(err, origin);
      binding.exit(6);
      return;
    }
    if (fe.call(proc, err, told === 'unhandledRejection')) return;
    printFatal(err, origin);
    binding.exit(1);
    return;
  }
  if (fatalHandled(err, told, true)) {
    handledFatal();
    return;
  }
  const inWorker = binding.workerFatal(err);
  binding.recordFatal(err);
  exitForFatal();
  if (!inWorker) printFatal(err, origin);
  // an 'exit' listener may have set another code, 0 included
  const code = proc.exitCode;
  binding.exit(code === undefined || code === null ? 1 : toExitCode(code));
}

// fatalHandled gives an uncaught error to the program's handlers (the capture callback
// process.setUncaughtExceptionCaptureCallback set, then 'uncaughtException' listeners, with
// 'uncaughtExceptionMonitor' first) and tells whether one took it. On the fatal path (fatal),
// --abort-on-uncaught-exception aborts where no capture callback took the error.
function fatalHandled(err, origin, fatal) {
  const captureCallback = B.captureCallback;
  let monitored = false;
  if (captureCallback !== null) {
    // the monitor sees the error first, as in node
    if (B.eventsReady) proc.emit('uncaughtExceptionMonitor', err, origin);
    // the domain module's capture declines an error thrown outside every domain: node has no
    // capture set then, and the error takes the usual path below
    // (a domain 'error' listener's throw of err takes its own place, as below)
    binding.unpinThrowPlace(err);
    let captured;
    try {
      captured = captureCallback(err);
    } finally {
      binding.repinThrowPlace(false);
    }
    if (captured !== kCaptureDeclined) return true;
    monitored = true;
  }
  if (fatal && abortOnUncaught) {
    // node aborts where the exception is thrown: no listener runs
    printFatal(err, origin);
    binding.abort();
    return true;
  }
  if (B.eventsReady && !monitored) proc.emit('uncaughtExceptionMonitor', err, origin);
  if (B.captureCallback !== null && B.captureCallback !== captureCallback) {
    // set by a monitor listener (async-hook-domain's): node checks for one after the monitor
    B.captureCallback(err);
    return true;
  }
  if (!inFatal && B.eventsReady) {
    // as node's: process.emit is called with no listener too (a process.emit the program put
    // in its place, source-map-support's, may take the error), and what it returns says whether
    // one took it
    inFatal = true;
    let handled;
    let threw = true;
    // (a listener's throw of err itself takes the listener's place: see unpinThrowPlace)
    binding.unpinThrowPlace(err);
    try {
      handled = proc.emit('uncaughtException', err, origin);
      threw = false;
    } finally {
      // (on the fatal path, what a listener threw ends the process with 7, even out of the
      // processing of a rejection: Go is told)
      binding.repinThrowPlace(fatal && threw);
      inFatal = false;
    }
    if (handled) return true;
  }
  return false;
}

// handledFatal follows an uncaught error a handler took as node does: an immediate that does
// nothing makes sure the next turn of the loop comes (the ticks the handler queued run).
function handledFatal() {
  require('timers').setImmediate(function noop() {});
  // and, as node's, the after hooks of the executions under way, whose id stack is then empty
  binding.endAsyncStack();
}

// As node, 'exit' listeners run before an unhandled error is printed (a process.exit() in one
// ends the process there, unprinted). An error while exiting (an 'exit' listener threw, or
// rejected a promise unhandled) keeps the code the exit had, 1 when it had none.
function exitForFatal() {
  if (!proc._exiting) {
    proc._exiting = true;
    proc.exitCode = 1;
    try { if (B.eventsReady) proc.emit('exit', 1); } catch {}
  }
}

// process._fatalException's body (the function is bootstrapevents.js's), as node's: the handlers' part
// of an uncaught error (true when one took it); unhandled, the process is marked exiting with
// code 1 and 'exit' is emitted, and the caller (node's native side; a program that calls it)
// prints the error and ends the process.
function _fatalExceptionCold(er, fromPromise) {
  if (fatalHandled(er, fromPromise ? 'unhandledRejection' : 'uncaughtException', false)) {
    handledFatal();
    return true;
  }
  exitForFatal();
  return false;
}

// atOwnColumn is arrow, the excerpt of a line of one of node's files (its throw statement, as an
// uncaught exception is reported), for a rejection of err: node reports a rejection at the
// error's own place, its stack's first frame. On that frame's line, the caret moves to the
// frame's column (the new of a throw new); a frame of the program's is excerpted instead (an
// error of the program's that events threw, unhandled).
function atOwnColumn(arrow, err) {
  if (!arrow.startsWith('node:') || !binding.isNativeError(err)) return arrow;
  const stack = err.stack;
  if (typeof stack !== 'string') return arrow;
  const at = stack.indexOf('\n    at ');
  // (an error with no frames has no place of its own: node's rethrow of the rejection)
  if (at < 0) return rejectionArrow();
  let frame = stack.slice(at + 8, (stack.indexOf('\n', at + 1) + 1 || stack.length + 1) - 1);
  if (frame.endsWith(')')) frame = frame.slice(frame.lastIndexOf('(') + 1, -1);
  if (/^(?:\/|file:).*:\d+:\d+$/.test(frame)) return binding.ownPlaceArrow(err) || arrow;
  const m = /^(node:[^\s]+):(\d+):(\d+)$/.exec(frame);
  const lines = arrow.split('\n');
  if (m !== null && lines[0] !== `${m[1]}:${m[2]}`) {
    // (another line of node's: its excerpt, where known)
    const own = binding.ownPlaceArrow(err);
    return own.startsWith(`${m[1]}:${m[2]}\n`) ? own : arrow;
  }
  if (m === null || lines.length < 3 || !/^ *\^$/.test(lines[2])) return arrow;
  lines[2] = ' '.repeat(Number(m[3]) - 1) + '^';
  return lines.join('\n');
}

// node's excerpt for an unhandled rejection of an error with no place of its own: its call that
// raises the rejection as an uncaught exception.
function rejectionArrow() {
  return rejectionMode === 'strict'
    ? 'node:internal/process/promises:342\n  triggerUncaughtException(err, true /* fromPromise */);\n  ^\n'
    : 'node:internal/process/promises:391\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n';
}

function rejectionError(reason) {
  // node's isErrorLike: an object with an own stack is reported as it is
  try {
    if (reason !== null && typeof reason === 'object' && Object.prototype.hasOwnProperty.call(reason, 'stack')) return reason;
  } catch {}
  const shown = plainString(reason);
  const err = new Error('This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
    `"${shown}".`);
  // (code first: node's class declares it as a field, then its constructor sets name)
  err.code = 'ERR_UNHANDLED_REJECTION';
  err.name = 'UnhandledPromiseRejection';
  // made inside node's promise machinery: the excerpt and frames its fatal report shows
  const strict = rejectionMode === 'strict';
  const line = strict ? 340 : 389;
  binding.putArrow(err, strict ? `node:internal/process/promises:${line}\n    reason : new UnhandledPromiseRejection(reason);\n             ^\n`
      : `node:internal/process/promises:${line}\n      new UnhandledPromiseRejection(reason);\n      ^\n`);
  err.stack = `${err.name}: ${err.message}\n` +
    `    at ${strict ? 'strictUnhandledRejectionsMode' : 'throwUnhandledRejectionsMode'} (node:internal/process/promises:${line}:${strict ? 14 : 7})\n` +
    '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
    '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)';
  return err;
}

// How a rejection reason reads in a warning: an error's stack, else a string made without
// calling into the value (#<Object> for an object).
function reasonString(reason) {
  if (reason !== null && typeof reason === 'object' && Object.prototype.hasOwnProperty.call(reason, 'stack')) {
    return String(reason.stack);
  }
  return plainString(reason);
}

// A value as a string made without calling into it: V8's NoSideEffectsToString.
function plainString(reason) {
  if (typeof reason === 'symbol') return reason.toString();
  if (reason === null || (typeof reason !== 'object' && typeof reason !== 'function')) return String(reason);
  if (typeof reason === 'function') return Function.prototype.toString.call(reason);
  // an object whose toString is Object.prototype's reads #<Constructor>, others [object Tag]
  try {
    const own = (o, key) => Object.getOwnPropertyDescriptor(o, key);
    let toString;
    let ctorName;
    for (let o = reason; o !== null; o = Object.getPrototypeOf(o)) {
      const d = own(o, 'toString');
      if (d !== undefined && toString === undefined) toString = d.value;
      const c = own(o, 'constructor');
      if (c !== undefined && ctorName === undefined && typeof c.value === 'function') ctorName = c.value.name;
      if (toString !== undefined && ctorName !== undefined) break;
    }
    if (toString === Error.prototype.toString) {
      // V8's side-effect-free error string, from data properties only
      const data = (key) => {
        for (let o = reason; o !== null; o = Object.getPrototypeOf(o)) {
          const d = own(o, key);
          if (d !== undefined) return 'value' in d ? d.value : undefined;
        }
      };
      let name = data('name');
      name = typeof name === 'string' ? name : 'Error';
      let message = data('message');
      message = typeof message === 'string' ? message : '';
      if (name === '') return message;
      return message === '' ? name : `${name}: ${message}`;
    }
    if (toString === Object.prototype.toString) return `#<${ctorName || 'Object'}>`;
    return Object.prototype.toString.call(reason);
  } catch {
    return '#<Object>';
  }
}

// warnUnhandled: as node's, the second warning has no frames of its own, and an error-like
// reason (one with an own stack) lends it its stack (what --trace-warnings prints).
function warnUnhandled(id, reason) {
  let errorLike = false;
  try {
    errorLike = typeof reason === 'object' && reason !== null && Object.prototype.hasOwnProperty.call(reason, 'stack');
  } catch {}
  // (the two calls are node's two lines: the frame names them)
  if (errorLike) proc.emitWarning(reasonString(reason), 'UnhandledPromiseRejectionWarning'); // errorLike
  else proc.emitWarning(reasonString(reason), 'UnhandledPromiseRejectionWarning');
  const limit = Error.stackTraceLimit;
  try { Error.stackTraceLimit = 0; } catch {}
  const warning = new Error('Unhandled promise rejection. This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled with .catch(). ' +
    'To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${id})`);
  try { Error.stackTraceLimit = limit; } catch {}
  warning.name = 'UnhandledPromiseRejectionWarning';
  try {
    if (errorLike) warning.stack = reason.stack;
  } catch {}
  proc.emitWarning(warning);
}

function unhandledRejection(reason, promise) {
  const id = ++lastRejectionId;
  if (rejectionIds === undefined) rejectionIds = new WeakMap();
  rejectionIds.set(promise, id);
  switch (rejectionMode) {
    case 'strict': {
      fatalException(rejectionError(reason), 'unhandledRejection');
      // an 'uncaughtException' listener took it: node emits 'unhandledRejection' then, and
      // warns when no listener took that
      if (!(B.eventsReady && proc.emit('unhandledRejection', reason, promise))) warnUnhandled(id, reason);
      return;
    }
    case 'warn': {
      if (B.eventsReady) proc.emit('unhandledRejection', reason, promise);
      warnUnhandled(id, reason);
      return;
    }
    case 'none': {
      if (B.eventsReady) proc.emit('unhandledRejection', reason, promise);
      return;
    }
    case 'warn-with-error-code': {
      if (B.eventsReady && proc.emit('unhandledRejection', reason, promise)) return;
      warnUnhandled(id, reason);
      proc.exitCode = 1;
      return;
    }
    default: {
      if (B.eventsReady && proc.emit('unhandledRejection', reason, promise)) return;
      fatalException(rejectionError(reason), 'unhandledRejection');
    }
  }
}

// multipleResolves: a promise was resolved or rejected again after it was resolved (Go's
// watchedExecutor, while a listener exists); getPromise gives the promise, made by then.
let multipleResolvesDeprecate;
function multipleResolves(type, getPromise, reason) {
  proc.nextTick(() => {
    if (proc.emit('multipleResolves', type, getPromise(), reason)) {
      multipleResolvesDeprecate ??= require('internal/util/deprecate').deprecate(() => {},
        'The multipleResolves event has been deprecated.', 'DEP0160');
      multipleResolvesDeprecate();
    }
  });
}

// rejectionHandled: as node, the warning is only for a program that does not listen for
// 'rejectionHandled' itself.
function rejectionHandled(promise) {
  const id = rejectionIds !== undefined ? rejectionIds.get(promise) : undefined;
  let warning;
  if (id !== undefined) {
    rejectionIds.delete(promise);
    warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${id})`);
    warning.name = 'PromiseRejectionHandledWarning';
    warning.id = id;
  }
  const listened = B.eventsReady && proc.emit('rejectionHandled', promise);
  if (warning !== undefined && !listened) proc.emitWarning(warning);
}

// ---- process.allowedNodeEnvironmentFlags (its getter is bootstrapevents.js's)

// The options NODE_OPTIONS may carry, as node 20 lists them.
const environmentFlags = '--abort-on-uncaught-exception --addons --allow-addons --allow-child-process --allow-fs-read ' +
  '--allow-fs-write --allow-wasi --allow-worker --conditions --debug-arraybuffer-allocations --debug-port ' +
  '--deprecation --diagnostic-dir --disable-proto --disable-warning --disable-wasm-trap-handler ' +
  '--disallow-code-generation-from-strings --dns-result-order --enable-etw-stack-walking --enable-fips ' +
  '--enable-network-family-autoselection --enable-source-maps --es-module-specifier-resolution ' +
  '--experimental-abortcontroller --experimental-default-type --experimental-detect-module ' +
  '--experimental-eventsource --experimental-fetch --experimental-global-customevent ' +
  '--experimental-global-webcrypto --experimental-import-meta-resolve --experimental-json-modules ' +
  '--experimental-loader --experimental-modules --experimental-network-imports --experimental-permission ' +
  '--experimental-policy --experimental-print-required-tla --experimental-repl-await --experimental-report ' +
  '--experimental-require-module --experimental-shadow-realm --experimental-specifier-resolution ' +
  '--experimental-top-level-await --experimental-vm-modules --experimental-wasi-unstable-preview1 ' +
  '--experimental-wasm-modules --experimental-websocket --experimental-worker --expose-gc ' +
  '--extra-info-on-fatal-exception --force-async-hooks-checks --force-context-aware --force-fips ' +
  '--force-node-api-uncaught-exceptions-policy --frozen-intrinsics --global-search-paths --heap-prof ' +
  '--heap-prof-dir --heap-prof-interval --heap-prof-name --heapsnapshot-near-heap-limit ' +
  '--heapsnapshot-signal --http-parser --huge-max-old-generation-size --icu-data-dir --import --input-type ' +
  '--insecure-http-parser --inspect --inspect-brk --inspect-port --inspect-publish-uid --inspect-wait ' +
  '--interpreted-frames-native-stack --jitless --loader --max-http-header-size --max-old-space-size ' +
  '--max-semi-space-size --napi-modules --network-family-autoselection ' +
  '--network-family-autoselection-attempt-timeout --no-addons --no-allow-addons --no-allow-child-process ' +
  '--no-allow-wasi --no-allow-worker --no-debug-arraybuffer-allocations --no-deprecation ' +
  '--no-disable-wasm-trap-handler --no-enable-fips --no-enable-source-maps --no-experimental-detect-module ' +
  '--no-experimental-eventsource --no-experimental-fetch --no-experimental-global-customevent ' +
  '--no-experimental-global-webcrypto --no-experimental-import-meta-resolve ' +
  '--no-experimental-network-imports --no-experimental-permission --no-experimental-print-required-tla ' +
  '--no-experimental-repl-await --no-experimental-require-module --no-experimental-shadow-realm ' +
  '--no-experimental-vm-modules --no-experimental-wasm-modules --no-experimental-websocket ' +
  '--no-extra-info-on-fatal-exception --no-force-async-hooks-checks --no-force-context-aware ' +
  '--no-force-fips --no-force-node-api-uncaught-exceptions-policy --no-frozen-intrinsics ' +
  '--no-global-search-paths --no-heap-prof --no-insecure-http-parser --no-inspect --no-inspect-brk ' +
  '--no-inspect-wait --no-network-family-autoselection --no-node-snapshot --no-openssl-legacy-provider ' +
  '--no-openssl-shared-config --no-pending-deprecation --no-preserve-symlinks --no-preserve-symlinks-main ' +
  '--no-report-compact --no-report-exclude-network --no-report-on-fatalerror --no-report-on-signal ' +
  '--no-report-uncaught-exception --no-test-only --no-throw-deprecation --no-tls-max-v1.2 --no-tls-max-v1.3 ' +
  '--no-tls-min-v1.0 --no-tls-min-v1.1 --no-tls-min-v1.2 --no-tls-min-v1.3 --no-trace-atomics-wait ' +
  '--no-trace-deprecation --no-trace-exit --no-trace-promises --no-trace-sigint --no-trace-sync-io ' +
  '--no-trace-tls --no-trace-uncaught --no-trace-warnings --no-track-heap-objects --no-use-bundled-ca ' +
  '--no-use-openssl-ca --no-verify-base-objects --no-warnings --no-watch --no-watch-preserve-output ' +
  '--no-zero-fill-buffers --node-memory-debug --node-snapshot --openssl-config --openssl-legacy-provider ' +
  '--openssl-shared-config --pending-deprecation --perf-basic-prof --perf-basic-prof-only-functions ' +
  '--perf-prof --perf-prof-unwinding-info --policy-integrity --preserve-symlinks --preserve-symlinks-main ' +
  '--prof-process --redirect-warnings --report-compact --report-dir --report-directory ' +
  '--report-exclude-network --report-filename --report-on-fatalerror --report-on-signal --report-signal ' +
  '--report-uncaught-exception --require --secure-heap --secure-heap-min --snapshot-blob ' +
  '--stack-trace-limit --test-only --test-reporter --test-reporter-destination --test-shard ' +
  '--throw-deprecation --title --tls-cipher-list --tls-keylog --tls-max-v1.2 --tls-max-v1.3 --tls-min-v1.0 ' +
  '--tls-min-v1.1 --tls-min-v1.2 --tls-min-v1.3 --trace-atomics-wait --trace-deprecation ' +
  '--trace-event-categories --trace-event-file-pattern --trace-events-enabled --trace-exit --trace-promises ' +
  '--trace-require-module --trace-sigint --trace-sync-io --trace-tls --trace-uncaught --trace-warnings ' +
  '--track-heap-objects --unhandled-rejections --use-bundled-ca --use-largepages --use-openssl-ca ' +
  '--v8-pool-size --verify-base-objects --warnings --watch --watch-path --watch-preserve-output ' +
  '--zero-fill-buffers -C -r';

const kFlags = Symbol('flags');
let flagsSet;
function nodeEnvironmentFlags() {
  if (flagsSet !== undefined) return flagsSet;
  // a Set whose contents are its own list: add, delete and clear change nothing, and the Set
  // methods called on it directly reach an empty store that has and size never read
  class NodeEnvironmentFlagsSet extends Set {
    constructor(array) {
      super();
      Object.defineProperty(this, kFlags, { __proto__: null, value: array });
    }
    add() { return this; }
    delete() { return false; }
    clear() {}
    has(key) {
      // --a_b, a-b, -r, r and --name=value all name their flag
      if (typeof key !== 'string') return false;
      key = key.replace(/_/g, '-');
      if (/^--?/.test(key)) return this[kFlags].includes(key.replace(/=.*$/, ''));
      return this[kFlags].includes(`--${key}`) || this[kFlags].includes(`-${key}`);
    }
    entries() { return this[kFlags].map((f) => [f, f])[Symbol.iterator](); }
    forEach(callback, thisArg = undefined) {
      this[kFlags].forEach((f) => Reflect.apply(callback, thisArg, [f, f, this]));
    }
    get size() { return this[kFlags].length; }
    values() { return this[kFlags][Symbol.iterator](); }
  }
  NodeEnvironmentFlagsSet.prototype.keys =
    NodeEnvironmentFlagsSet.prototype[Symbol.iterator] = NodeEnvironmentFlagsSet.prototype.values;
  Object.freeze(NodeEnvironmentFlagsSet.prototype.constructor);
  Object.freeze(NodeEnvironmentFlagsSet.prototype);
  flagsSet = Object.freeze(new NodeEnvironmentFlagsSet(environmentFlags.split(' ')));
  return flagsSet;
}

// ---- process methods ---------------------------------------------------------------------------
// bootstrap.js's process.setgroups and initgroups are one-line calls of these (the
// rarer process methods' bodies are in bootstrapmethods.js). Each is named after its method with
// "Cold" after it: stacks do not show such a frame (errorstack.go), so they read as before, with
// the method's frame where the body's was.

function setgroupsCold(groups) {
  validators().validateArray(groups, 'groups');
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  const r = credentialResult(binding.setgroups(groups), 'setgroups');
  if (r > 0) throw new (codes().ERR_UNKNOWN_CREDENTIAL)('Group', groups[r - 1]);
}

function initgroupsCold(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const r = credentialResult(binding.initgroups(user, extraGroup), 'initgroups');
  if (r === 1) throw new (codes().ERR_UNKNOWN_CREDENTIAL)('User', user);
  if (r === 2) throw new (codes().ERR_UNKNOWN_CREDENTIAL)('Group', extraGroup);
}

// process.cpuUsage(prev)'s checks of prev.
function validateCpuUsage(prev) {
  if (!cpuValueIsValid(prev.user)) {
    validators().validateObject(prev, 'prevValue');
    validators().validateNumber(prev.user, 'prevValue.user');
    throw invalidCpuValue('prevValue.user', prev.user);
  }
  if (!cpuValueIsValid(prev.system)) {
    validators().validateNumber(prev.system, 'prevValue.system');
    throw invalidCpuValue('prevValue.system', prev.system);
  }
}

// process.setUncaughtExceptionCaptureCallback's checks of a callback that is not null.
function validateCaptureCallback(fn) {
  if (typeof fn !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('fn', ['Function', 'null'], fn);
  if (B.captureCallback !== null) {
    throw require('internal/errors').makeNodeError(Error, 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
      '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
  }
}

// workerProcess makes a worker's process node's: the operations on the whole process (abort,
// chdir, the credentials, the IPC channel where NODE_CHANNEL_FD is set) throw ERR_WORKER_UNSUPPORTED_OPERATION (the
// functions marked disabled), umask only reads, title and debugPort keep their values when set,
// and the inspector's hooks are absent. Run once, before the worker's code.
function workerProcess() {
  const { makeNodeError } = require('internal/errors');
  const unsupported = (what) => makeNodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', `${what} is not supported in workers`);
  const define = (name, desc) => Object.defineProperty(proc, name, { __proto__: null, configurable: true, ...desc });
  ensureEvents();
  // (the IPC ones only where the worker's env has NODE_CHANNEL_FD, as node's worker_thread main
  // does: elsewhere a worker's process has no send, disconnect, channel or connected at all,
  // which ava's worker checks)
  const ipc = !!proc.env.NODE_CHANNEL_FD;
  for (const name of ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'seteuid', 'setgid', 'setegid', 'setgroups', 'initgroups']) {
    if (!ipc && (name === 'send' || name === 'disconnect')) {
      delete proc[name];
      continue;
    }
    // (the error made here: node's stack begins at its unavailableInWorker)
    const unavailableInWorker = function unavailableInWorker() {
      throw makeNodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', `process.${name}() is not supported in workers`);
    };
    unavailableInWorker.disabled = true;
    define(name, { value: unavailableInWorker, writable: true, enumerable: true });
  }
  for (const name of ['channel', 'connected']) {
    if (!ipc) delete proc[name];
    else define(name, { get() { throw unsupported(`process.${name}`); }, enumerable: false });
  }
  const readUmask = proc.umask;
  define('umask', {
    value: function umask(mask) {
      if (mask !== undefined) throw unsupported('Setting process.umask()');
      return Reflect.apply(readUmask, proc, []);
    },
    writable: true,
    enumerable: true,
  });
  for (const name of ['title', 'debugPort']) {
    const value = proc[name];
    define(name, { get() { return value; }, set() {}, enumerable: true });
  }
  for (const name of ['_debugProcess', '_debugPause', '_debugEnd', '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier']) {
    delete proc[name];
  }
}

return {
  workerProcess, validateId, credentialResult, cpuValueIsValid, invalidCpuValue, printFatal, fatalException,
  unhandledRejection, rejectionHandled, multipleResolves, fatalExceptionCold: _fatalExceptionCold, nodeEnvironmentFlags, setgroups: setgroupsCold,
  initgroups: initgroupsCold, validateCpuUsage, validateCaptureCallback,
};
})
