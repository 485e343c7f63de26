(function (B) {
'use strict';
// The bootstrap's (runtime/js/bootstrap.js) cold paths: what only an error, a warning, a
// rejection or a credential call needs. Compiled once per process, under the bootstrap's file
// name, the first time bootstrap.js's cold() is called, and run once per runtime then: most
// runtimes never need any of it, and goja compiles every function body up front. Each function
// keeps the name it had in bootstrap.js, so its frames read as before. B holds the bootstrap's
// shared values; eventsReady and captureCallback are getters (bootstrap.js changes them).
const { binding, proc, require, codes, validators, ensureEvents, nodeVersion, toExitCode, flags } = B;

let inFatal = false;
const abortOnUncaught = flags['--abort-on-uncaught-exception'] !== undefined;
// --unhandled-rejections=<mode>: throw (the default), strict, warn, warn-with-error-code, none.
const rejectionMode = flags['--unhandled-rejections'] || 'throw';
let lastRejectionId = 0;
let rejectionIds; // promise -> the id its warnings name
let traceWarningHintShown = false;
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
  binding.writeErr(msg + '\n');
}

// ---- fatal errors

function formatFatal(err) {
  try {
    if (binding.hasBuiltin('util')) {
      return require('util').inspect(err);
    }
  } catch {}
  if (err instanceof Error && typeof err.stack === 'string') {
    return err.stack.replace(/\t?\n?$/, '').replace(/\tat /g, '    at ').replace(/:(\d+):(\d+)\(\d+\)/g, ':$1:$2');
  }
  try { return String(err); } catch { return '[object]'; }
}

function printFatal(err, origin) {
  let arrow = '';
  try {
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
      // vm gives its errors' stacks their arrow (node's decorated stacks)
      if (err[Symbol.for('gojs.stackDecorated')] !== true) {
        arrow = err[Symbol.for('gojs.arrowMessage')] || binding.arrowFor(err) || '';
      }
    } else if (origin === 'uncaughtException') {
      arrow = binding.arrowFor(undefined) || '';
    }
  } catch {}
  let out;
  if (err instanceof Error) {
    out = (arrow ? arrow + '\n' : '') + formatFatal(err);
  } else {
    out = arrow + formatFatal(err);
    if (origin === 'uncaughtException') {
      out += '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)';
    }
  }
  binding.writeErr(`${out}\n\nNode.js ${nodeVersion}\n`);
}

function fatalException(err, origin) {
  const captureCallback = B.captureCallback;
  if (captureCallback !== null) {
    captureCallback(err);
    return;
  }
  if (abortOnUncaught) {
    // node aborts where the exception is thrown: no listener runs
    printFatal(err, origin);
    binding.abort();
    return;
  }
  if (B.eventsReady) proc.emit('uncaughtExceptionMonitor', err, origin);
  if (!inFatal && B.eventsReady && proc.listenerCount('uncaughtException') > 0) {
    inFatal = true;
    try {
      proc.emit('uncaughtException', err, origin);
    } finally {
      inFatal = false;
    }
    return;
  }
  const inWorker = binding.workerFatal(err);
  binding.recordFatal(err);
  proc.exitCode = 1;
  // As node, 'exit' listeners run before the error is printed (a process.exit() in one ends
  // the process there, unprinted).
  if (!proc._exiting) {
    proc._exiting = true;
    try { if (B.eventsReady) proc.emit('exit', 1); } catch {}
  }
  if (!inWorker) printFatal(err, origin);
  // an 'exit' listener may have set another code, 0 included
  const code = proc.exitCode;
  binding.exit(code === undefined || code === null ? 1 : toExitCode(code));
}


function rejectionError(reason) {
  if (reason instanceof Error) return reason;
  const shown = plainString(reason);
  const err = new Error('This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
    `"${shown}".`);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  // made inside node's promise machinery: the excerpt and frames its fatal report shows
  const strict = rejectionMode === 'strict';
  const line = strict ? 340 : 389;
  Object.defineProperty(err, Symbol.for('gojs.arrowMessage'), {
    value: strict ? `node:internal/process/promises:${line}\n    reason : new UnhandledPromiseRejection(reason);\n             ^\n`
      : `node:internal/process/promises:${line}\n      new UnhandledPromiseRejection(reason);\n      ^\n`,
    enumerable: false, configurable: true, writable: true,
  });
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
    if (toString === Object.prototype.toString) return `#<${ctorName || 'Object'}>`;
    return Object.prototype.toString.call(reason);
  } catch {
    return '#<Object>';
  }
}

function warnUnhandled(id, reason) {
  proc.emitWarning(reasonString(reason), 'UnhandledPromiseRejectionWarning');
  const warning = new Error('Unhandled promise rejection. This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled with .catch(). ' +
    'To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${id})`);
  warning.name = 'UnhandledPromiseRejectionWarning';
  proc.emitWarning(warning);
}

function unhandledRejection(reason, promise) {
  const id = ++lastRejectionId;
  if (rejectionIds === undefined) rejectionIds = new WeakMap();
  rejectionIds.set(promise, id);
  switch (rejectionMode) {
    case 'strict': {
      fatalException(rejectionError(reason), 'unhandledRejection');
      // an 'uncaughtException' listener took it
      if (B.eventsReady) proc.emit('unhandledRejection', reason, promise);
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

function rejectionHandled(promise) {
  const id = rejectionIds !== undefined ? rejectionIds.get(promise) : undefined;
  if (id !== undefined) {
    rejectionIds.delete(promise);
    const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${id})`);
    warning.name = 'PromiseRejectionHandledWarning';
    warning.id = id;
    proc.emitWarning(warning);
  }
  if (B.eventsReady) proc.emit('rejectionHandled', promise);
}

return {
  validateId, credentialResult, cpuValueIsValid, invalidCpuValue, createWarningObject, doEmitWarning,
  onWarning, printFatal, fatalException, unhandledRejection, rejectionHandled,
};
})
