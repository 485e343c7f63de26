'use strict';
// Node's assert module. assert/strict is assert.strict: the same functions with the strict
// comparisons under the loose names.

const { codes, makeNodeError } = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const { isDeepEqual, isDeepStrictEqual } = require('internal/assert/comparisons');
const { AssertionError, inspect, isError } = require('internal/assert/assertion_error');

const NO_EXCEPTION_SENTINEL = {};
let warned = false;

function isRegExp(v) {
  if (v === null || typeof v !== 'object' || v === RegExp.prototype) return false;
  try {
    Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(v);
    return true;
  } catch (e) {
    return false;
  }
}

function isPromise(v) {
  if (v === null || typeof v !== 'object') return false;
  return v instanceof Promise || (typeof binding.isPromise === 'function' && binding.isPromise(v));
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (warned === false) {
      warned = true;
      if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
        process.emitWarning(
          'assert.fail() with more than one argument is deprecated. ' +
            'Please use assert.strictEqual() instead or only pass a message.',
          'DeprecationWarning',
          'DEP0094',
        );
      }
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

// The source text of the failing call, as Node shows it for assert.ok without a message.
function getErrMessage(fn) {
  if (typeof binding.callSite !== 'function') return undefined;
  let site;
  try {
    site = binding.callSite();
  } catch (e) {
    return undefined;
  }
  if (!site) return undefined;
  let message = site.code;
  const column = site.column;
  if (message.includes('\n')) {
    const frames = message.split('\n');
    message = frames.shift();
    for (const frame of frames) {
      let pos = 0;
      while (pos < column && (frame[pos] === ' ' || frame[pos] === '\t')) pos++;
      message += `\n  ${frame.slice(pos)}`;
    }
  }
  void fn;
  return `The expression evaluated to a falsy value:\n\n  ${message}\n`;
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(fn);
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = ok;
module.exports = assert;

assert.fail = fail;
assert.AssertionError = AssertionError;
assert.ok = ok;

function missingArgs() {
  return new codes.ERR_MISSING_ARGS('actual', 'expected');
}

assert.equal = function equal(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};

assert.notDeepStrictEqual = notDeepStrictEqual;
function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

assert.strictEqual = function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

// Comparison is the placeholder shown in the diff when an error does not match an object.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
            obj[key].exec(actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;

  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new codes.ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) && expected[key].exec(actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) {
          message += `\n\nError message:\n\n${actual.message}`;
        }
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
        if (isError(actual)) {
          message += `\n\nCaught error:\n\n${actual}`;
        }
      }
      throwError = true;
    }
  }

  if (throwError) {
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

// callThrough(fn) is fn() called from Go: goja lets no JS catch a stack overflow, which stops
// only at a Go frame, and node's assert.throws(() => recurse(), RangeError) passes.
const callThrough = typeof binding.callThrough === 'function' ? binding.callThrough : (fn) => fn();

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    callThrough(fn);
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  return isPromise(obj) ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
}

function describe(v) {
  if (typeof binding.describe === 'function') return binding.describe(v);
  return `type ${typeof v}`;
}

// waitForActual resolves to what promiseFn rejected with, or the sentinel. It is an async
// function, as Node's is, so settlement takes the same number of microtask ticks.
async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    // (an async function that overflows gives a rejected promise, as node's: see callThrough)
    resultPromise = callThrough(promiseFn);
    if (!checkIsPromise(resultPromise)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
        `Expected instance of Promise to be returned from the "promiseFn" function but got ${describe(resultPromise)}.`);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

// expectsError's argument errors have node's place of their throw, for an uncaught one's excerpt
// (where: file:line; text: the line; col: the caret's column). Node's other throws in assert are
// runtime/loader.go's nodeThrowArrows, by function.
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
function thrownAt(err, where, text, col) {
  putArrow(err, `${where}\n${' '.repeat(col)}${text}\n${' '.repeat(col)}^\n`);
  return err;
}
const invalidErrorArg = "throw new ERR_INVALID_ARG_TYPE('error',", ambiguousArg = 'throw new ERR_AMBIGUOUS_ARGUMENT(';

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw thrownAt(new codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error), 'node:assert:543', invalidErrorArg, 6);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw thrownAt(makeNodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error message "${actual.message}" is identical to the message.`), 'node:assert:549', ambiguousArg, 8);
      }
    } else if (actual === error) {
      throw thrownAt(makeNodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error "${actual}" is identical to the message.`), 'node:assert:555', ambiguousArg, 6);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw thrownAt(new codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error), 'node:assert:565', invalidErrorArg, 4);
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn,
    });
  }

  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      return expected.exec(str) !== null;
    }
    throw new codes.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`,
      stackStartFn,
    });
  }
  throw actual;
}

assert.throws = function throws(promiseFn, ...args) {
  const actual = getActual(promiseFn); // (node's frames: each call has a place of its own)
  expectsError(throws, actual, ...args);
};

assert.rejects = rejects;
async function rejects(promiseFn, ...args) {
  const actual = await waitForActual(promiseFn);
  expectsError(rejects, actual, ...args);
}

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  const actual = getActual(fn);
  expectsNoError(doesNotThrow, actual, ...args);
};

assert.doesNotReject = doesNotReject;
async function doesNotReject(fn, ...args) {
  const actual = await waitForActual(fn);
  expectsNoError(doesNotReject, actual, ...args);
}

assert.ifError = function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) {
        message += err.constructor.name;
      } else {
        message += err.message;
      }
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err,
      expected: null,
      operator: 'ifError',
      message,
      stackStartFn: ifError,
    });
    // As node's: the new error's own frames, up to the first one the original error also has,
    // then the original error's frames. A stack without frames is left out.
    const origStack = err.stack;
    const at = typeof origStack === 'string' ? origStack.indexOf('\n    at') : -1;
    if (at !== -1) {
      const origFrames = origStack.slice(at + 1).split('\n');
      let ownFrames = String(newErr.stack).split('\n');
      for (const frame of origFrames) {
        const shared = ownFrames.indexOf(frame);
        if (shared !== -1) {
          ownFrames = ownFrames.slice(0, shared);
          break;
        }
      }
      Object.defineProperty(newErr, 'stack', {
        __proto__: null,
        value: `${ownFrames.join('\n')}\n${origFrames.join('\n')}`,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    throw newErr;
  }
};

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) {
    throw new codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  }
  const match = fn === assert.match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' + `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

assert.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
};

// CallTracker (deprecated in Node 20, still exported). A tracked function is a Proxy of the
// original, so its name, length and properties are the original's.
let callTrackerWarned = false;

class TrackedFunction {
  #calls = [];
  #expected;
  #name;
  #stackTrace;

  constructor(expected, name) {
    this.#expected = expected;
    this.#name = name;
    this.#stackTrace = new Error();
  }

  track(thisArg, args) {
    this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args) }));
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    // A frozen copy, as node's: callers cannot add or change recorded calls.
    return Object.freeze(this.#calls.slice());
  }

  report() {
    const actual = this.#calls.length;
    if (actual === this.#expected) return undefined;
    return {
      message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) but was executed ${actual} time(s).`,
      actual,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  #getTrackedFunction(tracked) {
    if (!this.#trackedFunctions.has(tracked)) {
      throw new codes.ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    }
    return this.#trackedFunctions.get(tracked);
  }

  reset(tracked) {
    if (tracked === undefined) {
      this.#callChecks.forEach((check) => check.reset());
      return;
    }
    this.#getTrackedFunction(tracked).reset();
  }

  getCalls(tracked) {
    return this.#getTrackedFunction(tracked).getCalls();
  }

  calls(fn, expected = 1) {
    // (node's check comes first: a tracked function made during 'exit' could never be verified)
    if (process._exiting) throw new codes.ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    const context = new TrackedFunction(expected, fn.name || 'calls');
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, argList) {
        // Copy: goja's argument list for a Proxy apply trap does not outlive the call.
        context.track(thisArg, Array.prototype.slice.call(argList));
        return Reflect.apply(target, thisArg, argList);
      },
    });
    this.#callChecks.add(context);
    this.#trackedFunctions.set(tracked, context);
    return tracked;
  }

  report() {
    const errors = [];
    for (const context of this.#callChecks) {
      const message = context.report();
      if (message !== undefined) errors.push(message);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

function noop() {}
Object.defineProperty(noop, 'name', { __proto__: null, value: '' });

// As node's, the export is util.deprecate's wrapper around the class: a function named
// 'deprecated' that warns (DEP0173) once and constructs a CallTracker.
function deprecated(...args) {
  if (!callTrackerWarned) {
    callTrackerWarned = true;
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
      process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173', deprecated);
    }
  }
  if (new.target) return Reflect.construct(CallTracker, args, new.target);
  return Reflect.apply(CallTracker, this, args);
}
Object.setPrototypeOf(deprecated, CallTracker);
deprecated.prototype = CallTracker.prototype;
assert.CallTracker = deprecated;

function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});

assert.strict.strict = assert.strict;
