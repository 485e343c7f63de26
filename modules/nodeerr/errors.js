'use strict';
// Node's error codes. Each code is a constructor, called with `new` as node's classes are:
//   throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], value);
// The error's stack and toString start with "TypeError [ERR_INVALID_ARG_TYPE]: ...", its name is
// the base constructor's, and `code` is an own enumerable property, as in Node.

const codes = binding.lazyCodes(define);
// (the stack's first line, "name [code]: message", is formed when it is first read, as node's
// prepareStackTrace forms it for an error that has kIsNodeError)
const kIsNodeError = binding.kIsNodeError;

// makeNodeError makes an error of code as node's makeNodeErrorWithCode does: an instance of the
// code's NodeError class (binding.toNodeError: its prototype has toString, the kIsNodeError
// getter and a constructor getter giving Base), with its own stack, message and code.
function makeNodeError(Base, code, message, ctor) {
  const err = binding.toNodeError(new Base(), Base, code);
  // the stack starts at the code that made the error, not in this file (as node's)
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, ctor || makeNodeError);
  // (its own keys in node's order: stack, then code and message in the order of the code's kind)
  binding.setCodeAndMessage(err, code, message);
  binding.settle(err, Base, code);
  return err;
}

// makeNativeError is an error as node's C++ layer throws it (THROW_ERR_* in src/): no "[CODE]"
// in its name, toString() or stack, code an own property, the stack starting at the caller.
function makeNativeError(Base, code, message, ctor) {
  const err = new Base(message);
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, ctor || makeNativeError);
  err.code = code;
  return err;
}

// E(code, message, Base, ...otherClasses) defines code, as node's E: message is a string with
// util.format's placeholders or a function of the arguments; codes[code] makes Base's errors and
// codes[code][C.name] those of each other class C (ERR_INVALID_ARG_VALUE.RangeError). A code
// whose Base is SystemError makes node's SystemError from a context ({ errno, code, message,
// syscall, path?, dest? }), its message "<message>: <syscall> returned <code> (<context
// message>) <path> => <dest>". EThis defines a code whose message function sets properties on its
// receiver (node's "function(...) { this.host = host; ... }"): it is called with the new error as
// this, after its code is set and before its message, so the properties follow code, as node's.
function E(code, message, Base, ...otherClasses) {
  return defineCode(code, message, Base, false, otherClasses);
}

function EThis(code, message, Base, ...otherClasses) {
  return defineCode(code, message, Base, true, otherClasses);
}

// HideStackFramesError, among E's other classes, gives a SystemError code node's variant for its
// hideStackFrames checks: codes[code].HideStackFramesError.
class HideStackFramesError extends Error {}

function defineCode(code, message, Base, withThis, otherClasses) {
  if (Base === SystemError) {
    const systemMessage = (ctx) => {
      let msg = `${message}: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
      if (ctx.path !== undefined) msg += ` ${ctx.path}`;
      if (ctx.dest !== undefined) msg += ` => ${ctx.dest}`;
      return msg;
    };
    const NodeError = function NodeError(ctx) {
      return makeSystemError(code, systemMessage(ctx), ctx, NodeError);
    };
    NodeError.prototype = systemErrorClass(code).prototype;
    if (otherClasses.includes(HideStackFramesError) || binding.hideableCode(code)) {
      // node's variant for its hideStackFrames checks: made with no frames (the check's
      // wrapper takes them where it throws), one prototype below the code's, whose constructor
      // reads as SystemError
      const proto = Object.create(NodeError.prototype, {
        constructor: {
          __proto__: null,
          get: Object.getOwnPropertyDescriptor({ get constructor() { return SystemError; } }, 'constructor').get,
          enumerable: false,
          configurable: true,
        },
      });
      const Hidden = function HideStackFramesError(ctx) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        let err;
        try {
          err = makeSystemError(code, systemMessage(ctx), ctx, Hidden);
        } finally {
          Error.stackTraceLimit = limit;
        }
        Object.setPrototypeOf(err, proto);
        return err;
      };
      Hidden.prototype = proto;
      // (on the class its errors are of too, which node's codes[code] is)
      NodeError.HideStackFramesError = systemErrorClass(code).HideStackFramesError = Hidden;
    }
    codes[code] = NodeError;
    return NodeError;
  }
  // (every message function is called on the new error, as node's: its own properties are
  // stack, code, then message)
  withThis = withThis || typeof message === 'function';
  const NodeError = errorMaker(code, message, Base, withThis);
  const hideable = binding.hideableCode(code);
  for (const Other of otherClasses) {
    if (typeof Other === 'function' && Other !== HideStackFramesError) {
      NodeError[Other.name] = errorMaker(code, message, Other, withThis);
      if (hideable) hiddenMaker(NodeError[Other.name], Other, code);
    }
  }
  if (hideable) hiddenMaker(NodeError, Base, code);
  codes[code] = NodeError;
  return NodeError;
}

// hiddenMaker gives NodeError, code's class of Base, node's HideStackFramesError variant for
// its hideStackFrames checks: a subclass whose errors are made with no frames (the check's
// wrapper takes them where it throws), one prototype below NodeError's, whose constructor reads
// as Base.
function hiddenMaker(NodeError, Base, code) {
  const Hidden = function HideStackFramesError(...args) {
    if (new.target === undefined) {
      throw new TypeError("Class constructor HideStackFramesError cannot be invoked without 'new'");
    }
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let err;
    try {
      err = new NodeError(...args);
    } finally {
      Error.stackTraceLimit = limit;
    }
    Object.setPrototypeOf(err, Hidden.prototype);
    return err;
  };
  Object.setPrototypeOf(Hidden, NodeError);
  Object.defineProperty(Hidden, 'prototype', { __proto__: null, value: binding.hiddenProto(Base, code), writable: false });
  NodeError.HideStackFramesError = Hidden;
}

function errorMaker(code, message, Base, withThis) {
  let NodeError;
  // node's getMessage asserts the argument count: a message function takes at least its declared
  // parameters (those before the first default), a format string one argument per placeholder
  const required = typeof message === 'function' ? message.length : placeholders(message);
  const exact = typeof message !== 'function';
  if (withThis) {
    NodeError = function NodeError(...args) {
      if (new.target === undefined) notNew();
      if (exact ? args.length !== required : args.length < required) argCountFailed(code, args.length, required);
      const err = binding.toNodeError(new Base(), Base, code);
      err.code = code;
      const msg = message.apply(err, args);
      Object.defineProperty(err, 'message', { __proto__: null, value: msg, enumerable: false, writable: true, configurable: true });
      if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, NodeError);
      binding.settle(err, Base, code);
      return err;
    };
  } else {
    NodeError = function NodeError(...args) {
      if (new.target === undefined) notNew();
      if (exact ? args.length !== required : args.length < required) argCountFailed(code, args.length, required);
      const msg = typeof message === 'function' ? message(...args) : format(message, args);
      return makeNodeError(Base, code, msg, NodeError);
    };
  }
  // (named NodeError, as node's classes are; its errors' constructor reads as Base)
  NodeError.prototype = binding.toNodeError(null, Base, code);
  return NodeError;
}

function placeholders(msg) {
  const m = msg.match(/%[dfijoOs]/g);
  return m === null ? 0 : m.length;
}

// (node's codes are classes: called without new, V8's TypeError)
function notNew() {
  throw new TypeError("Class constructor NodeError cannot be invoked without 'new'");
}

function argCountFailed(code, n, required) {
  throw new codes.ERR_INTERNAL_ASSERTION(`Code: ${code}; The provided arguments length (${n}) does not match the required ones (${required}).`);
}

function format(msg, args) {
  let i = 0;
  return msg.replace(/%[sdjO%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    if (m === '%d') return String(Number(a));
    if (m === '%j') return JSON.stringify(a);
    if (m === '%O') return inspect(a);
    return typeof a === 'string' ? a : formatS(a);
  });
}

// formatS is util.format's %s, as node's errors format their message: a function or an object with
// a toString of its own is String(value), other objects are inspected at depth 0.
let utilFormat;
function formatS(v) {
  if (utilFormat === undefined) {
    try { utilFormat = require('util').format; } catch { utilFormat = null; }
  }
  return utilFormat ? utilFormat('%s', v) : inspect(v);
}

let utilInspect;
function inspect(v, opts) {
  if (utilInspect === undefined) {
    try { utilInspect = require('util').inspect; } catch { utilInspect = null; }
  }
  if (utilInspect) return utilInspect(v, opts);
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return binding.inspectPrimitive(v);
  return binding.describeReceived(v);
}

// setOwn defines an own enumerable, writable value (node's setOwnProperty).
function setOwn(obj, key, value) {
  return Object.defineProperty(obj, key, { __proto__: null, value, enumerable: true, writable: true, configurable: true });
}

// formatList joins names as node's messages list them: "a", "a and b", "a, b, and c".
function formatList(array, type = 'and') {
  const n = array.length;
  if (n < 3) return array.join(` ${type} `);
  return `${array.slice(0, -1).join(', ')}, ${type} ${array[n - 1]}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// The codes are defined on first use: a runtime pays only for the constructors its modules
// actually take (each one is a few goja objects), not for the whole table.
function define(code) {
  switch (code) {
    case 'ERR_INVALID_ARG_TYPE': return E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => binding.invalidArgTypeMessage(name, expected, actual), TypeError);
    case 'ERR_INVALID_ARG_VALUE': return E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
      let inspected = inspect(value);
      if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
      const type = name.includes('.') ? 'property' : 'argument';
      return `The ${type} '${name}' ${reason}. Received ${inspected}`;
    }, TypeError, RangeError);
    case 'ERR_OUT_OF_RANGE': return E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
      let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
      let received;
      if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
        received = addNumericalSeparator(String(input));
      } else if (typeof input === 'bigint') {
        received = String(input);
        if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
        received += 'n';
      } else {
        received = inspect(input);
      }
      msg += ` It must be ${range}. Received ${received}`;
      return msg;
    }, RangeError);
    case 'ERR_MISSING_ARGS': return E('ERR_MISSING_ARGS', (...args) => {
      if (args.length === 0) throw new codes.ERR_INTERNAL_ASSERTION('At least one arg needs to be specified');
      let msg = 'The ';
      const len = args.length;
      const wrap = (a) => `"${a}"`;
      args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
      switch (len) {
    case 1: msg += `${args[0]} argument`; break;
    case 2: msg += `${args[0]} and ${args[1]} arguments`; break;
        default: msg += args.slice(0, len - 1).join(', ') + `, and ${args[len - 1]} arguments`;
      }
      return `${msg} must be specified`;
    }, TypeError);
    case 'ERR_INVALID_RETURN_VALUE': return E('ERR_INVALID_RETURN_VALUE', (input, name, value) =>
      `Expected ${input} to be returned from the "${name}" function but got ${binding.describeReceived(value)}.`, TypeError, RangeError);
    case 'ERR_UNKNOWN_ENCODING': return E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
    case 'ERR_NOT_BUILDING_SNAPSHOT': return E('ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot', Error);
    case 'ERR_METHOD_NOT_IMPLEMENTED': return E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
    case 'ERR_MULTIPLE_CALLBACK': return E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
    case 'ERR_INVALID_THIS': return E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
    case 'ERR_ILLEGAL_CONSTRUCTOR': return E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
    case 'ERR_INVALID_STATE': return E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
    case 'ERR_UNHANDLED_ERROR': return E('ERR_UNHANDLED_ERROR', (err = undefined) => {
      const msg = 'Unhandled error.';
      if (err === undefined) return msg;
      return `${msg} (${inspect(err)})`;
    }, Error);
    case 'ERR_BUFFER_OUT_OF_BOUNDS': return E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
      if (name) return `"${name}" is outside of buffer bounds`;
      return 'Attempt to access memory outside buffer bounds';
    }, RangeError);
    case 'ERR_FALSY_VALUE_REJECTION': return EThis('ERR_FALSY_VALUE_REJECTION', function(reason) {
      this.reason = reason;
      return 'Promise was rejected with falsy value';
    }, Error);
    case 'ERR_STREAM_PUSH_AFTER_EOF': return E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
    case 'ERR_STREAM_WRITE_AFTER_END': return E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
    case 'ERR_STREAM_DESTROYED': return E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
    case 'ERR_STREAM_PREMATURE_CLOSE': return E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
    case 'ERR_STREAM_NULL_VALUES': return E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
    case 'ERR_STREAM_CANNOT_PIPE': return E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
    case 'ERR_STREAM_ALREADY_FINISHED': return E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
    case 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT': return E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
    case 'ERR_INVALID_URL': return EThis('ERR_INVALID_URL', function(input, base = null) {
      this.input = input;
      if (base != null) this.base = base;
      return 'Invalid URL';
    }, TypeError);
    case 'ERR_UNESCAPED_CHARACTERS': return E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
    case 'ERR_HTTP_BODY_NOT_ALLOWED': return E('ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.', Error);
    case 'ERR_HTTP_CONTENT_LENGTH_MISMATCH': return E('ERR_HTTP_CONTENT_LENGTH_MISMATCH', "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header", Error);
    case 'ERR_HTTP_TRAILER_INVALID': return E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
    case 'ERR_INVALID_URL_SCHEME': return E('ERR_INVALID_URL_SCHEME', (expected) => `The URL must be ${Array.isArray(expected) ? 'one of scheme ' + expected.join(' or ') : 'of scheme ' + expected}`, TypeError);
    case 'ERR_INVALID_FILE_URL_PATH': return E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
    case 'ERR_INVALID_FILE_URL_HOST': return E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
    case 'ERR_INVALID_CHAR': return E('ERR_INVALID_CHAR', (name, field = undefined) => {
      let msg = `Invalid character in ${name}`;
      if (field !== undefined) msg += ` ["${field}"]`;
      return msg;
    }, TypeError);
    case 'ERR_OPERATION_FAILED': return E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
    case 'ERR_INVALID_HANDLE_TYPE': return E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
    case 'ERR_INVALID_FD': return E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
    case 'ERR_INVALID_FD_TYPE': return E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
    case 'ERR_FS_FILE_TOO_LARGE': return E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
    case 'ERR_FS_EISDIR': return E('ERR_FS_EISDIR', 'Path is a directory', SystemError, HideStackFramesError);
    case 'ERR_SOCKET_BAD_PORT': return E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
      if (typeof allowZero !== 'boolean') throw new codes.ERR_INTERNAL_ASSERTION("The 'allowZero' argument must be of type boolean.");
      const operator = allowZero ? '>=' : '>';
      return `${name} should be ${operator} 0 and < 65536. Received ${binding.describeReceived(port)}.`;
    }, RangeError);
    case 'ERR_SERVER_NOT_RUNNING': return E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
    case 'ERR_SERVER_ALREADY_LISTEN': return E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
    case 'ERR_SOCKET_CLOSED': return E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
    case 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION': return E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
    case 'ERR_HTTP2_ALTSVC_INVALID_ORIGIN': return E('ERR_HTTP2_ALTSVC_INVALID_ORIGIN', "HTTP/2 ALTSVC frames require a valid origin", TypeError);
    case 'ERR_HTTP2_ALTSVC_LENGTH': return E('ERR_HTTP2_ALTSVC_LENGTH', "HTTP/2 ALTSVC frames are limited to 16382 bytes", TypeError);
    case 'ERR_HTTP2_CONNECT_AUTHORITY': return E('ERR_HTTP2_CONNECT_AUTHORITY', ":authority header is required for CONNECT requests", Error);
    case 'ERR_HTTP2_CONNECT_PATH': return E('ERR_HTTP2_CONNECT_PATH', "The :path header is forbidden for CONNECT requests", Error);
    case 'ERR_HTTP2_CONNECT_SCHEME': return E('ERR_HTTP2_CONNECT_SCHEME', "The :scheme header is forbidden for CONNECT requests", Error);
    case 'ERR_HTTP2_GOAWAY_SESSION': return E('ERR_HTTP2_GOAWAY_SESSION', "New streams cannot be created after receiving a GOAWAY", Error);
    case 'ERR_HTTP2_HEADERS_AFTER_RESPOND': return E('ERR_HTTP2_HEADERS_AFTER_RESPOND', "Cannot specify additional headers after response initiated", Error);
    case 'ERR_HTTP2_HEADERS_SENT': return E('ERR_HTTP2_HEADERS_SENT', "Response has already been initiated.", Error);
    case 'ERR_HTTP2_HEADER_SINGLE_VALUE': return E('ERR_HTTP2_HEADER_SINGLE_VALUE', "Header field \"%s\" must only have a single value", TypeError);
    case 'ERR_HTTP2_INFO_STATUS_NOT_ALLOWED': return E('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', "Informational status codes cannot be used", RangeError);
    case 'ERR_HTTP2_INVALID_CONNECTION_HEADERS': return E('ERR_HTTP2_INVALID_CONNECTION_HEADERS', "HTTP/1 Connection specific headers are forbidden: \"%s\"", TypeError);
    case 'ERR_HTTP2_INVALID_HEADER_VALUE': return E('ERR_HTTP2_INVALID_HEADER_VALUE', "Invalid value \"%s\" for header \"%s\"", TypeError);
    case 'ERR_HTTP2_INVALID_INFO_STATUS': return E('ERR_HTTP2_INVALID_INFO_STATUS', "Invalid informational status code: %s", RangeError);
    case 'ERR_HTTP2_INVALID_ORIGIN': return E('ERR_HTTP2_INVALID_ORIGIN', "HTTP/2 ORIGIN frames require a valid origin", TypeError);
    case 'ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH': return E('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', "Packed settings length must be a multiple of six", RangeError);
    case 'ERR_HTTP2_INVALID_PSEUDOHEADER': return E('ERR_HTTP2_INVALID_PSEUDOHEADER', "\"%s\" is an invalid pseudoheader or is used incorrectly", TypeError);
    case 'ERR_HTTP2_INVALID_SESSION': return E('ERR_HTTP2_INVALID_SESSION', "The session has been destroyed", Error);
    case 'ERR_HTTP2_INVALID_SETTING_VALUE': return EThis('ERR_HTTP2_INVALID_SETTING_VALUE', function(name, actual, min = undefined, max = undefined) {
      this.actual = actual;
      if (min !== undefined) {
        this.min = min;
        this.max = max;
      }
      return `Invalid value for setting "${name}": ${actual}`;
    }, TypeError, RangeError);
    case 'ERR_HTTP2_INVALID_STREAM': return E('ERR_HTTP2_INVALID_STREAM', "The stream has been destroyed", Error);
    case 'ERR_HTTP2_MAX_PENDING_SETTINGS_ACK': return E('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK', "Maximum number of pending settings acknowledgements", Error);
    case 'ERR_HTTP2_NESTED_PUSH': return E('ERR_HTTP2_NESTED_PUSH', "A push stream cannot initiate another push stream.", Error);
    case 'ERR_HTTP2_NO_MEM': return E('ERR_HTTP2_NO_MEM', "Out of memory", Error);
    case 'ERR_HTTP2_NO_SOCKET_MANIPULATION': return E('ERR_HTTP2_NO_SOCKET_MANIPULATION', "HTTP/2 sockets should not be directly manipulated (e.g. read and written)", Error);
    case 'ERR_HTTP2_ORIGIN_LENGTH': return E('ERR_HTTP2_ORIGIN_LENGTH', "HTTP/2 ORIGIN frames are limited to 16382 bytes", TypeError);
    case 'ERR_HTTP2_OUT_OF_STREAMS': return E('ERR_HTTP2_OUT_OF_STREAMS', "No stream ID is available because maximum stream ID has been reached", Error);
    case 'ERR_HTTP2_PAYLOAD_FORBIDDEN': return E('ERR_HTTP2_PAYLOAD_FORBIDDEN', "Responses with %s status must not have a payload", Error);
    case 'ERR_HTTP2_PING_CANCEL': return E('ERR_HTTP2_PING_CANCEL', "HTTP2 ping cancelled", Error);
    case 'ERR_HTTP2_PING_LENGTH': return E('ERR_HTTP2_PING_LENGTH', "HTTP2 ping payload must be 8 bytes", RangeError);
    case 'ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED': return E('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', "Cannot set HTTP/2 pseudo-headers", TypeError);
    case 'ERR_HTTP2_PUSH_DISABLED': return E('ERR_HTTP2_PUSH_DISABLED', "HTTP/2 client has disabled push streams", Error);
    case 'ERR_HTTP2_SEND_FILE': return E('ERR_HTTP2_SEND_FILE', "Directories cannot be sent", Error);
    case 'ERR_HTTP2_SEND_FILE_NOSEEK': return E('ERR_HTTP2_SEND_FILE_NOSEEK', "Offset or length can only be specified for regular files", Error);
    case 'ERR_HTTP2_SESSION_ERROR': return E('ERR_HTTP2_SESSION_ERROR', "Session closed with error code %s", Error);
    case 'ERR_HTTP2_SETTINGS_CANCEL': return E('ERR_HTTP2_SETTINGS_CANCEL', "HTTP2 session settings canceled", Error);
    case 'ERR_HTTP2_SOCKET_BOUND': return E('ERR_HTTP2_SOCKET_BOUND', "The socket is already bound to an Http2Session", Error);
    case 'ERR_HTTP2_SOCKET_UNBOUND': return E('ERR_HTTP2_SOCKET_UNBOUND', "The socket has been disconnected from the Http2Session", Error);
    case 'ERR_HTTP2_STATUS_101': return E('ERR_HTTP2_STATUS_101', "HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2", Error);
    case 'ERR_HTTP2_STATUS_INVALID': return E('ERR_HTTP2_STATUS_INVALID', "Invalid status code: %s", RangeError);
    case 'ERR_HTTP2_STREAM_CANCEL': return EThis('ERR_HTTP2_STREAM_CANCEL', function(error) {
      if (!error) return 'The pending stream has been canceled';
      this.cause = error;
      return typeof error.message === 'string' ?
        `The pending stream has been canceled (caused by: ${error.message})` : 'The pending stream has been canceled';
    }, Error);
    case 'ERR_HTTP2_STREAM_ERROR': return E('ERR_HTTP2_STREAM_ERROR', "Stream closed with error code %s", Error);
    case 'ERR_HTTP2_STREAM_SELF_DEPENDENCY': return E('ERR_HTTP2_STREAM_SELF_DEPENDENCY', "A stream cannot depend on itself", Error);
    case 'ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS': return E('ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS', "Number of custom settings exceeds MAX_ADDITIONAL_SETTINGS", Error);
    case 'ERR_HTTP2_TOO_MANY_INVALID_FRAMES': return E('ERR_HTTP2_TOO_MANY_INVALID_FRAMES', "Too many invalid HTTP/2 frames", Error);
    case 'ERR_HTTP2_TRAILERS_ALREADY_SENT': return E('ERR_HTTP2_TRAILERS_ALREADY_SENT', "Trailing headers have already been sent", Error);
    case 'ERR_HTTP2_TRAILERS_NOT_READY': return E('ERR_HTTP2_TRAILERS_NOT_READY', "Trailing headers cannot be sent until after the wantTrailers event is emitted", Error);
    case 'ERR_HTTP2_UNSUPPORTED_PROTOCOL': return E('ERR_HTTP2_UNSUPPORTED_PROTOCOL', "protocol \"%s\" is unsupported.", Error);
    case 'ERR_HTTP_HEADERS_SENT': return E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
    case 'ERR_HTTP_INVALID_STATUS_CODE': return E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
    case 'ERR_INVALID_HTTP_TOKEN': return E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
    case 'ERR_HTTP_INVALID_HEADER_VALUE': return E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
    case 'ERR_INVALID_PROTOCOL': return E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
    case 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER': return E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
    case 'ERR_UNKNOWN_SIGNAL': return E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
    case 'ERR_UNKNOWN_CREDENTIAL': return E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
    case 'ERR_INVALID_PACKAGE_CONFIG': return E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`, Error);
    case 'ERR_PACKAGE_PATH_NOT_EXPORTED': return E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
      if (subpath === '.') return `No "exports" main defined in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
      return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
    }, Error);
    case 'ERR_PACKAGE_IMPORT_NOT_DEFINED': return E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => `Package import specifier "${specifier}" is not defined${packagePath ? ` in package ${packagePath}package.json` : ''} imported from ${base}`, TypeError);
    case 'ERR_UNKNOWN_BUILTIN_MODULE': return E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
    case 'ERR_REQUIRE_ESM': return E('ERR_REQUIRE_ESM', function(filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) {
      let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
      if (!packageJsonPath) {
        if (filename.endsWith('.mjs')) msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
        return msg;
      }
      const path = require('path');
      const basename = parentPath && path.basename(filename) === path.basename(parentPath) ? filename : path.basename(filename);
      if (hasEsmSyntax) {
        return `${msg}\nInstead change the require of ${basename} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
      }
      return `${msg}\n${basename} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.` +
        `\nInstead either rename ${basename} to end in .cjs, change the requiring code to use dynamic import() which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
    }, Error);
    case 'ERR_INVALID_MODULE_SPECIFIER': return E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`, TypeError);
    case 'ERR_TIMEOUT_OVERFLOW': return E('ERR_TIMEOUT_OVERFLOW', 'timeout overflow', RangeError);
    case 'ERR_INVALID_ASYNC_ID': return E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
    case 'ERR_ASYNC_CALLBACK': return E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
    case 'ERR_ASYNC_TYPE': return E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
    case 'ERR_ENCODING_NOT_SUPPORTED': return E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
    case 'ERR_ENCODING_INVALID_ENCODED_DATA': return EThis('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
      this.errno = ret;
      return `The encoded data was not valid for encoding ${encoding}`;
    }, TypeError);
    case 'ERR_INVALID_BUFFER_SIZE': return E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
    case 'ERR_UNAVAILABLE_DURING_EXIT': return E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
    case 'ERR_WASI_ALREADY_STARTED': return E('ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', Error);
    case 'ERR_WASI_NOT_STARTED': return E('ERR_WASI_NOT_STARTED', 'wasi.start() has not been called', Error);
    case 'ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION': return E('ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION', 'Operation cannot be invoked when not in a single-executable application', Error);
    case 'ERR_INSPECTOR_NOT_AVAILABLE': return E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
    case 'ERR_INSPECTOR_NOT_ACTIVE': return E('ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', Error);
    case 'ERR_INSPECTOR_NOT_CONNECTED': return E('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error);
    case 'ERR_TRACE_EVENTS_CATEGORY_REQUIRED': return E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError);
    case 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM': return E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The feature %s is unavailable on the current platform, which is being used to run Node.js', TypeError);
    // the rest of node 20's codes
    case 'ERR_AMBIGUOUS_ARGUMENT': return E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
    case 'ERR_ARG_NOT_ITERABLE': return E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
    case 'ERR_ASSERTION': return E('ERR_ASSERTION', '%s', Error);
    case 'ERR_BROTLI_INVALID_PARAM': return E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
    case 'ERR_BUFFER_TOO_LARGE': return E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
    case 'ERR_CANNOT_WATCH_SIGINT': return E('ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', Error);
    case 'ERR_CHILD_CLOSED_BEFORE_REPLY': return E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
    case 'ERR_CHILD_PROCESS_IPC_REQUIRED': return E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
    case 'ERR_CONSOLE_WRITABLE_STREAM': return E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
    case 'ERR_CONTEXT_NOT_INITIALIZED': return E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
    case 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED': return E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL', Error);
    case 'ERR_CRYPTO_ECDH_INVALID_FORMAT': return E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);
    case 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY': return E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', Error);
    case 'ERR_CRYPTO_ENGINE_UNKNOWN': return E('ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', Error);
    case 'ERR_CRYPTO_FIPS_FORCED': return E('ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode, it was forced with --force-fips at startup.', Error);
    case 'ERR_CRYPTO_FIPS_UNAVAILABLE': return E('ERR_CRYPTO_FIPS_UNAVAILABLE', 'Cannot set FIPS mode in a non-FIPS build.', Error);
    case 'ERR_CRYPTO_HASH_FINALIZED': return E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
    case 'ERR_CRYPTO_HASH_UPDATE_FAILED': return E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
    case 'ERR_CRYPTO_INCOMPATIBLE_KEY': return E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
    case 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS': return E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', Error);
    case 'ERR_CRYPTO_INVALID_DIGEST': return E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
    case 'ERR_CRYPTO_INVALID_JWK': return E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
    case 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE': return E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type %s, expected %s.', TypeError);
    case 'ERR_CRYPTO_INVALID_STATE': return E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
    case 'ERR_CRYPTO_PBKDF2_ERROR': return E('ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', Error);
    case 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER': return E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
    case 'ERR_CRYPTO_SCRYPT_NOT_SUPPORTED': return E('ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', Error);
    case 'ERR_CRYPTO_SIGN_KEY_REQUIRED': return E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
    case 'ERR_DEBUGGER_ERROR': return E('ERR_DEBUGGER_ERROR', '%s', Error);
    case 'ERR_DEBUGGER_STARTUP_ERROR': return E('ERR_DEBUGGER_STARTUP_ERROR', '%s', Error);
    case 'ERR_DIR_CLOSED': return E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
    case 'ERR_DIR_CONCURRENT_OPERATION': return E('ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
    case 'ERR_DNS_SET_SERVERS_FAILED': return E('ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]', Error);
    case 'ERR_DOMAIN_CALLBACK_NOT_AVAILABLE': return E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE', 'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module', Error);
    case 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE': return E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE', 'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()', Error);
    case 'ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION': return E('ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION', 'Deserialize main function is already configured.', Error);
    case 'ERR_EVAL_ESM_CANNOT_PRINT': return E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
    case 'ERR_EVENT_RECURSION': return E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
    case 'ERR_FS_CP_DIR_TO_NON_DIR': return E('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', SystemError);
    case 'ERR_FS_CP_EEXIST': return E('ERR_FS_CP_EEXIST', 'Target already exists', SystemError);
    case 'ERR_FS_CP_EINVAL': return E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
    case 'ERR_FS_CP_FIFO_PIPE': return E('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError);
    case 'ERR_FS_CP_NON_DIR_TO_DIR': return E('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', SystemError);
    case 'ERR_FS_CP_SOCKET': return E('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError);
    case 'ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY': return E('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', SystemError);
    case 'ERR_FS_CP_UNKNOWN': return E('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError);
    case 'ERR_FS_INVALID_SYMLINK_TYPE': return E('ERR_FS_INVALID_SYMLINK_TYPE', 'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
    case 'ERR_HTTP_REQUEST_TIMEOUT': return E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
    case 'ERR_HTTP_SOCKET_ASSIGNED': return E('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);
    case 'ERR_HTTP_SOCKET_ENCODING': return E('ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
    case 'ERR_IMPORT_ASSERTION_TYPE_FAILED': return E('ERR_IMPORT_ASSERTION_TYPE_FAILED', 'Module "%s" is not of type "%s"', TypeError);
    case 'ERR_IMPORT_ASSERTION_TYPE_MISSING': return E('ERR_IMPORT_ASSERTION_TYPE_MISSING', 'Module "%s" needs an import attribute of type "%s"', TypeError);
    case 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED': return E('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', 'Import attribute type "%s" is unsupported', TypeError);
    case 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED': return E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported', TypeError);
    case 'ERR_INCOMPATIBLE_OPTION_PAIR': return E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
    case 'ERR_INPUT_TYPE_NOT_ALLOWED': return E('ERR_INPUT_TYPE_NOT_ALLOWED', '--input-type can only be used with string input via --eval, --print, or STDIN', Error);
    case 'ERR_INSPECTOR_ALREADY_ACTIVATED': return E('ERR_INSPECTOR_ALREADY_ACTIVATED', 'Inspector is already activated. Close it with inspector.close() before activating it again.', Error);
    case 'ERR_INSPECTOR_ALREADY_CONNECTED': return E('ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error);
    case 'ERR_INSPECTOR_CLOSED': return E('ERR_INSPECTOR_CLOSED', 'Session was closed', Error);
    case 'ERR_INSPECTOR_COMMAND': return E('ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error);
    case 'ERR_INSPECTOR_NOT_WORKER': return E('ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', Error);
    case 'ERR_INVALID_CURSOR_POS': return E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
    case 'ERR_INVALID_IP_ADDRESS': return E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
    case 'ERR_INVALID_REPL_EVAL_CONFIG': return E('ERR_INVALID_REPL_EVAL_CONFIG', 'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
    case 'ERR_INVALID_REPL_INPUT': return E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
    case 'ERR_INVALID_SYNC_FORK_INPUT': return E('ERR_INVALID_SYNC_FORK_INPUT', 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError);
    case 'ERR_INVALID_TUPLE': return E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
    case 'ERR_INVALID_URI': return E('ERR_INVALID_URI', 'URI malformed', URIError);
    case 'ERR_IPC_CHANNEL_CLOSED': return E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
    case 'ERR_IPC_DISCONNECTED': return E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
    case 'ERR_IPC_ONE_PIPE': return E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
    case 'ERR_IPC_SYNC_FORK': return E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
    case 'ERR_LOADER_CHAIN_INCOMPLETE': return E('ERR_LOADER_CHAIN_INCOMPLETE', '"%s" did not call the next hook in its chain and did not explicitly signal a short circuit. If this is intentional, include `shortCircuit: true` in the hook\'s return.', Error);
    case 'ERR_MANIFEST_DEPENDENCY_MISSING': return E('ERR_MANIFEST_DEPENDENCY_MISSING', 'Manifest resource %s does not list %s as a dependency specifier for conditions: %s', Error);
    case 'ERR_MANIFEST_INTEGRITY_MISMATCH': return E('ERR_MANIFEST_INTEGRITY_MISMATCH', 'Manifest resource %s has multiple entries but integrity lists do not match', SyntaxError);
    case 'ERR_MANIFEST_INVALID_RESOURCE_FIELD': return E('ERR_MANIFEST_INVALID_RESOURCE_FIELD', 'Manifest resource %s has invalid property value for %s', TypeError);
    case 'ERR_MANIFEST_INVALID_SPECIFIER': return E('ERR_MANIFEST_INVALID_SPECIFIER', 'Manifest resource %s has invalid dependency mapping %s', TypeError);
    case 'ERR_MANIFEST_TDZ': return E('ERR_MANIFEST_TDZ', 'Manifest initialization has not yet run', Error);
    case 'ERR_MANIFEST_UNKNOWN_ONERROR': return E('ERR_MANIFEST_UNKNOWN_ONERROR', 'Manifest specified unknown error behavior "%s".', SyntaxError);
    case 'ERR_MISSING_OPTION': return E('ERR_MISSING_OPTION', '%s is required', TypeError);
    case 'ERR_NAPI_CONS_FUNCTION': return E('ERR_NAPI_CONS_FUNCTION', 'Constructor must be a function', TypeError);
    case 'ERR_NAPI_INVALID_DATAVIEW_ARGS': return E('ERR_NAPI_INVALID_DATAVIEW_ARGS', 'byte_offset + byte_length should be less than or equal to the size in bytes of the array passed in', RangeError);
    case 'ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT': return E('ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT', 'start offset of %s should be a multiple of %s', RangeError);
    case 'ERR_NAPI_INVALID_TYPEDARRAY_LENGTH': return E('ERR_NAPI_INVALID_TYPEDARRAY_LENGTH', 'Invalid typed array length', RangeError);
    case 'ERR_NETWORK_IMPORT_BAD_RESPONSE': return E('ERR_NETWORK_IMPORT_BAD_RESPONSE', "import '%s' received a bad response: %s", Error);
    case 'ERR_NETWORK_IMPORT_DISALLOWED': return E('ERR_NETWORK_IMPORT_DISALLOWED', "import of '%s' by %s is not supported: %s", Error);
    case 'ERR_NOT_SUPPORTED_IN_SNAPSHOT': return E('ERR_NOT_SUPPORTED_IN_SNAPSHOT', '%s is not supported in startup snapshot', Error);
    case 'ERR_NO_CRYPTO': return E('ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error);
    case 'ERR_NO_ICU': return E('ERR_NO_ICU', '%s is not supported on Node.js compiled without ICU', TypeError);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
    case 'ERR_PERFORMANCE_INVALID_TIMESTAMP': return E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', TypeError);
    case 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS': return E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
    case 'ERR_REQUIRE_CYCLE_MODULE': return E('ERR_REQUIRE_CYCLE_MODULE', '%s', Error);
    case 'ERR_SCRIPT_EXECUTION_INTERRUPTED': return E('ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`', Error);
    case 'ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND': return E('ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND', 'Cannot find asset %s for the single executable application', Error);
    case 'ERR_SOCKET_ALREADY_BOUND': return E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
    case 'ERR_SOCKET_BAD_BUFFER_SIZE': return E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
    case 'ERR_SOCKET_BAD_TYPE': return E('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
    case 'ERR_SOCKET_BUFFER_SIZE': return E('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', SystemError);
    case 'ERR_SOCKET_CONNECTION_TIMEOUT': return E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
    case 'ERR_SOCKET_DGRAM_IS_CONNECTED': return E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
    case 'ERR_SOCKET_DGRAM_NOT_CONNECTED': return E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
    case 'ERR_SOCKET_DGRAM_NOT_RUNNING': return E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
    case 'ERR_SRI_PARSE': return E('ERR_SRI_PARSE', 'Subresource Integrity string %j had an unexpected %j at position %d', SyntaxError);
    case 'ERR_STREAM_WRAP': return E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
    case 'ERR_SYNTHETIC': return E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
    case 'ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS': return E('ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive', TypeError);
    case 'ERR_TLS_CERT_ALTNAME_FORMAT': return E('ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', SyntaxError);
    case 'ERR_TLS_DH_PARAM_SIZE': return E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
    case 'ERR_TLS_HANDSHAKE_TIMEOUT': return E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
    case 'ERR_TLS_INVALID_CONTEXT': return E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
    case 'ERR_TLS_INVALID_PROTOCOL_VERSION': return E('ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError);
    case 'ERR_TLS_INVALID_STATE': return E('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);
    case 'ERR_TLS_PROTOCOL_VERSION_CONFLICT': return E('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
    case 'ERR_TLS_RENEGOTIATION_DISABLED': return E('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error);
    case 'ERR_TLS_REQUIRED_SERVER_NAME': return E('ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext', Error);
    case 'ERR_TLS_SESSION_ATTACK': return E('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);
    case 'ERR_TLS_SNI_FROM_SERVER': return E('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);
    case 'ERR_TRACE_EVENTS_UNAVAILABLE': return E('ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error);
    case 'ERR_TTY_INIT_FAILED': return E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError);
    case 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET': return E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET', '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', Error);
    case 'ERR_UNKNOWN_FILE_EXTENSION': return E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
    case 'ERR_UNKNOWN_MODULE_FORMAT': return E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
    case 'ERR_UNSUPPORTED_RESOLVE_REQUEST': return E('ERR_UNSUPPORTED_RESOLVE_REQUEST', 'Failed to resolve module specifier "%s" from "%s": Invalid relative URL or base scheme is not hierarchical.', TypeError);
    case 'ERR_USE_AFTER_CLOSE': return E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
    case 'ERR_VALID_PERFORMANCE_ENTRY_TYPE': return E('ERR_VALID_PERFORMANCE_ENTRY_TYPE', 'At least one valid performance entry type is required', Error);
    case 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING': return E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', TypeError);
    case 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG': return E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG', 'A dynamic import callback was invoked without --experimental-vm-modules', TypeError);
    case 'ERR_VM_MODULE_ALREADY_LINKED': return E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
    case 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA': return E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA', 'Cached data cannot be created for a module which has been evaluated', Error);
    case 'ERR_VM_MODULE_DIFFERENT_CONTEXT': return E('ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', Error);
    case 'ERR_VM_MODULE_NOT_MODULE': return E('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
    case 'ERR_VM_MODULE_STATUS': return E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
    case 'ERR_WEBASSEMBLY_RESPONSE': return E('ERR_WEBASSEMBLY_RESPONSE', 'WebAssembly response %s', TypeError);
    case 'ERR_WORKER_INIT_FAILED': return E('ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error);
    case 'ERR_WORKER_MESSAGING_ERRORED': return E('ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message', Error);
    case 'ERR_WORKER_MESSAGING_FAILED': return E('ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener', Error);
    case 'ERR_WORKER_MESSAGING_SAME_THREAD': return E('ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread', Error);
    case 'ERR_WORKER_MESSAGING_TIMEOUT': return E('ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out', Error);
    case 'ERR_WORKER_NOT_RUNNING': return E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
    case 'ERR_WORKER_OUT_OF_MEMORY': return E('ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', Error);
    case 'ERR_WORKER_UNSERIALIZABLE_ERROR': return E('ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error);
    case 'ERR_WORKER_UNSUPPORTED_OPERATION': return E('ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', TypeError);
    case 'ERR_INTERNAL_ASSERTION': return E('ERR_INTERNAL_ASSERTION', (message) => {
      const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
      return message === undefined ? suffix : `${message}\n${suffix}`;
    }, Error);
    case 'ERR_INVALID_ADDRESS_FAMILY': return EThis('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
      this.host = host;
      this.port = port;
      return `Invalid address family: ${addressType} ${host}:${port}`;
    }, RangeError);
    case 'ERR_INVALID_MIME_SYNTAX': return E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) =>
      `The MIME syntax for a ${production} in "${str}" is invalid${invalidIndex !== -1 ? ` at ${invalidIndex}` : ''}`, TypeError);
    case 'ERR_INVALID_PACKAGE_TARGET': return E('ERR_INVALID_PACKAGE_TARGET', (pkgPath, key, target, isImport = false, base = undefined) => {
      const from = base ? ` imported from ${base}` : '';
      const rel = typeof target === 'string' && !isImport && target.length && !target.startsWith('./') ?
        '; targets must start with "./"' : '';
      if (key === '.') return `Invalid "exports" main target ${JSON.stringify(target)} defined in the package config ${pkgPath}package.json${from}${rel}`;
      return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' in the package config ${pkgPath}package.json${from}${rel}`;
    }, Error);
    case 'ERR_INVALID_RETURN_PROPERTY': return E('ERR_INVALID_RETURN_PROPERTY', (input, name, prop, value) =>
      `Expected a valid ${input} to be returned for the "${prop}" from the "${name}" hook but got ${binding.describeReceived(value)}.`, TypeError);
    case 'ERR_INVALID_RETURN_PROPERTY_VALUE': return E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) =>
      `Expected ${input} to be returned for the "${prop}" from the "${name}" hook but got ${binding.describeReceived(value)}.`, TypeError);
    case 'ERR_MANIFEST_ASSERT_INTEGRITY': return E('ERR_MANIFEST_ASSERT_INTEGRITY', (moduleURL, realIntegrities) => {
      const msg = `The content of "${moduleURL}" does not match the expected integrity.`;
      if (!realIntegrities.size) return `${msg} The resource was not found in the policy.`;
      const found = [];
      for (const [alg, dgs] of realIntegrities) found.push(`${alg}-${dgs}`);
      return `${msg} Integrities found are: ${found.join(' ')}`;
    }, Error);
    case 'ERR_MODULE_NOT_FOUND': return EThis('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
      if (exactUrl) setOwn(this, 'url', `${exactUrl}`);
      return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
    }, Error);
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
      if (!allowPositionals) return `Unknown option '${option}'`;
      return `Unknown option '${option}'. To specify a positional argument starting with a '-', ` +
        `place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}`;
    }, TypeError);
    case 'ERR_REQUIRE_ASYNC_MODULE': return E('ERR_REQUIRE_ASYNC_MODULE', (filename, parentFilename) => {
      let msg = 'require() cannot be used on an ESM graph with top-level await. Use import() instead. ' +
        'To see where the top-level await comes from, use --experimental-print-required-tla.';
      if (parentFilename) msg += `\n  From ${parentFilename} `;
      if (filename) msg += `\n  Requiring ${filename} `;
      return msg;
    }, Error);
    case 'ERR_TEST_FAILURE': return EThis('ERR_TEST_FAILURE', function(error, failureType) {
      if (typeof failureType !== 'string' && typeof failureType !== 'symbol') {
        throw new codes.ERR_INTERNAL_ASSERTION("The 'failureType' argument must be of type string or symbol.");
      }
      let msg = error?.message ?? error;
      if (typeof msg !== 'string') msg = inspect(msg, { customInspect: false });
      this.failureType = failureType;
      this.cause = error;
      return msg;
    }, Error);
    case 'ERR_TLS_ALPN_CALLBACK_INVALID_RESULT': return E('ERR_TLS_ALPN_CALLBACK_INVALID_RESULT', (value, protocols) =>
      `ALPN callback returned a value (${value}) that did not match any of the client's offered protocols (${protocols.join(', ')})`, TypeError);
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return EThis('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
      this.reason = reason;
      this.host = host;
      this.cert = cert;
      return `Hostname/IP does not match certificate's altnames: ${reason}`;
    }, Error);
    case 'ERR_UNSUPPORTED_DIR_IMPORT': return EThis('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
      setOwn(this, 'url', exactUrl);
      return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
    }, Error);
    case 'ERR_UNSUPPORTED_ESM_URL_SCHEME': return E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (url, supported) =>
      `Only URLs with a scheme in: ${formatList(supported)} are supported by the default ESM loader. Received protocol '${url.protocol}'`, Error);
    case 'ERR_VM_MODULE_LINK_FAILURE': return EThis('ERR_VM_MODULE_LINK_FAILURE', function(message, cause) {
      this.cause = cause;
      return message;
    }, Error);
    case 'ERR_WORKER_INVALID_EXEC_ARGV': return E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') =>
      `Initiated Worker with ${msg}: ${Array.prototype.join.call(errors, ', ')}`, Error);
    case 'ERR_WORKER_PATH': return E('ERR_WORKER_PATH', (filename) => {
      let msg = "The worker script or module filename must be an absolute path or a relative path starting with './' or '../'.";
      if (filename.startsWith('file://')) msg += ' Wrap file:// URLs with `new URL`.';
      if (filename.startsWith('data:text/javascript')) msg += ' Wrap data: URLs with `new URL`.';
      return `${msg} Received "${filename}"`;
    }, TypeError);
    case 'ERR_ACCESS_DENIED': return EThis('ERR_ACCESS_DENIED', function(msg, permission = '', resource = '') {
      this.permission = permission;
      this.resource = resource;
      return msg;
    }, Error);
    case 'ERR_SYSTEM_ERROR': return E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
  }
  return undefined;
}

// AbortError is what aborted operations reject with (name 'AbortError', code 'ABORT_ERR').
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// errnoException builds a system error from a negative errno, as libuv reports them.
function errnoException(errno, syscall, path, dest) {
  const code = binding.errnoName(errno);
  const err = new Error(binding.systemErrorMessage(errno, syscall || '', path || '', dest || ''));
  err.errno = errno < 0 ? errno : -errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
}

// exceptionWithHostPort is the error of a socket operation on an address (connect ECONNREFUSED
// 127.0.0.1:80), as net and dgram report them; additional is a local address for connect.
function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = binding.errnoName(errno);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

function hideStackFrames(fn) { return fn; }

// SystemError is node's class for errors from a failed system call wrapped in a Node code
// (ERR_SYSTEM_ERROR, ERR_SOCKET_BUFFER_SIZE...): each code's errors are of a subclass named
// NodeError (node's makeSystemErrorWithCode), their errno and syscall (and path, dest) are
// accessors over info, and inspecting one shows their values, as node's does.
class SystemError extends Error {
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return require('util').inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}
Object.defineProperty(SystemError, 'name', { __proto__: null, value: 'SystemError' });
const systemErrorClasses = { __proto__: null };

function systemErrorClass(code) {
  let NodeError = systemErrorClasses[code];
  if (NodeError === undefined) NodeError = systemErrorClasses[code] = class NodeError extends SystemError {};
  return NodeError;
}

// makeSystemError(code, message, info[, ctor]): info is { errno, code, message, syscall, path?,
// dest? }; the stack starts below ctor (makeSystemError when not given).
function makeSystemError(code, message, info, ctor = makeSystemError) {
  const NodeError = systemErrorClass(code);
  const err = new NodeError();
  err.code = code;
  Object.defineProperty(err, kIsNodeError, { __proto__: null, value: true });
  // (each instance has its own name and message, as node's)
  Object.defineProperty(err, 'name', { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true });
  Object.defineProperty(err, 'message', { __proto__: null, value: message, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(err, 'info', { __proto__: null, value: info, enumerable: true, configurable: true, writable: false });
  for (const key of ['errno', 'syscall', 'path', 'dest']) {
    if (key !== 'errno' && key !== 'syscall' && info[key] === undefined) continue;
    Object.defineProperty(err, key, {
      __proto__: null,
      get() { return info[key]; },
      set(v) { info[key] = v; },
      enumerable: true,
      configurable: true,
    });
  }
  // the stack starts at the code that made the error (and its header reads the message)
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, ctor);
  return err;
}

// formStackOnRead gives err, whose stack is still unformatted (most errors are caught and
// dropped unread), a stack that is form(stack) when first read, kept from then on as a plain
// value. It returns false, doing nothing, when err's stack is not pending.
const formStackOnRead = binding.formStackOnRead;

// aggregateTwoErrors is what an operation that failed and then failed to clean up gives (an fs
// call's close after its read or write, a stream's destroy): outer alone, inner alone, or an
// AggregateError of [outer, inner] with outer's message and code (inner joins outer's errors
// when outer is one already).
function aggregateTwoErrors(inner, outer) {
  if (!inner || !outer || inner === outer) return inner || outer;
  if (Array.isArray(outer.errors)) {
    outer.errors.push(inner);
    return outer;
  }
  const err = new AggregateError([outer, inner], outer.message);
  err.code = outer.code;
  return err;
}

// getMessage(code, args, self) is the message code's errors get for args (node's getMessage,
// with its check of the argument count).
function getMessage(key, args, self) {
  const NodeError = codes[key];
  if (NodeError === undefined) throw new codes.ERR_INTERNAL_ASSERTION(`An invalid error message key was used: ${key}.`);
  const err = new NodeError(...args);
  if (self !== undefined && self !== null) {
    for (const k of Object.keys(err)) if (k !== 'code') self[k] = err[k];
  }
  return err.message;
}

// The pieces below are for node's own tests (--expose-internals): each is made the first time
// it is read from the exports.
function makeExtras() {
  const util = require('util');
  const uvMap = () => util.getSystemErrorMap();
  const unmapped = ['UNKNOWN', 'unknown error'];
  // errors from a failed system call as node's C++ layer reports them (their constructor reads as
  // Error, as node's)
  class UVException extends Error {
    constructor(ctx) {
      const [code, uvmsg] = uvMap().get(ctx.errno) || unmapped;
      let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
      let path;
      let dest;
      if (ctx.path) {
        path = ctx.path.toString();
        message += ` '${path}'`;
      }
      if (ctx.dest) {
        dest = ctx.dest.toString();
        message += ` -> '${dest}'`;
      }
      super(message);
      for (const key of Object.keys(ctx)) {
        if (key !== 'message' && key !== 'path' && key !== 'dest') this[key] = ctx[key];
      }
      this.code = code;
      if (path) this.path = path;
      if (dest) this.dest = dest;
    }
    get ['constructor']() { return Error; }
  }
  const hostPortDetails = (address, port) => (port && port > 0 ? ` ${address}:${port}` : address ? ` ${address}` : '');
  class UVExceptionWithHostPort extends Error {
    constructor(err, syscall, address, port) {
      const [code, uvmsg] = uvMap().get(err) || unmapped;
      super(`${syscall} ${code}: ${uvmsg}${hostPortDetails(address, port)}`);
      this.code = code;
      this.errno = err;
      this.syscall = syscall;
      this.address = address;
      if (port) this.port = port;
    }
    get ['constructor']() { return Error; }
  }
  class ErrnoException extends Error {
    constructor(err, syscall, original) {
      const code = util.getSystemErrorName(err);
      super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
      this.errno = err;
      this.code = code;
      this.syscall = syscall;
    }
    get ['constructor']() { return Error; }
  }
  class ExceptionWithHostPort extends Error {
    constructor(err, syscall, address, port, additional) {
      const code = util.getSystemErrorName(err);
      let details = hostPortDetails(address, port);
      if (additional) details += ` - Local (${additional})`;
      super(`${syscall} ${code}${details}`);
      this.errno = err;
      this.code = code;
      this.syscall = syscall;
      this.address = address;
      if (port) this.port = port;
    }
    get ['constructor']() { return Error; }
  }
  class DNSException extends Error {
    constructor(code, syscall, hostname) {
      let errno;
      if (typeof code === 'number') {
        errno = code;
        const name = util.getSystemErrorName(code);
        // (libuv's EAI_NODATA and EAI_NONAME read as node's made-up ENOTFOUND)
        code = name === 'EAI_NODATA' || name === 'EAI_NONAME' ? 'ENOTFOUND' : name;
      }
      super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
      this.errno = errno;
      this.code = code;
      this.syscall = syscall;
      if (hostname) this.hostname = hostname;
    }
    get ['constructor']() { return Error; }
  }
  class ConnResetException extends Error {
    constructor(msg) {
      super(msg);
      this.code = 'ECONNRESET';
    }
    get ['constructor']() { return Error; }
  }
  class NodeAggregateError extends AggregateError {
    constructor(errors, message) {
      super([...errors], message);
      this.code = errors[0]?.code;
    }
    get [kIsNodeError]() { return true; }
    get ['constructor']() { return AggregateError; }
  }
  return {
    UVException,
    UVExceptionWithHostPort,
    ErrnoException,
    ExceptionWithHostPort,
    DNSException,
    ConnResetException,
    NodeAggregateError,
    uvErrmapGet: (errno) => uvMap().get(errno),
    genericNodeError(message, props) {
      const err = new Error(message);
      Object.assign(err, props);
      return err;
    },
    inspectWithNoCustomRetry(obj, options) {
      try {
        return util.inspect(obj, options);
      } catch {
        return util.inspect(obj, { ...options, customInspect: false });
      }
    },
    isErrorStackTraceLimitWritable() {
      const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
      if (desc === undefined) return Object.isExtensible(Error);
      return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
    },
    // (the runtime's overflow error is V8's: a RangeError with V8's message)
    isStackOverflowError(err) {
      return err && err.name === 'RangeError' && err.message === 'Maximum call stack size exceeded';
    },
  };
}

module.exports = {
  aggregateTwoErrors,
  codes,
  formStackOnRead,
  makeNodeError,
  makeNativeError,
  // node's determineSpecificType: the "Received ..." words of ERR_INVALID_ARG_TYPE
  determineSpecificType: (v) => binding.describeReceived(v),
  AbortError,
  errnoException,
  exceptionWithHostPort,
  hideStackFrames,
  makeSystemError,
  // the excerpt an error prints uncaught, kept where the program cannot see it
  setArrowMessage: binding.setArrowMessage,
  // (gojs's: setArrowMessage for an error handed on, not thrown at once; the excerpt glue gave)
  putArrowMessage: binding.putArrowMessage,
  arrowMessage: binding.arrowMessage,
  SystemError,
  inspectValue: inspect,
  kIsNodeError,
  // whether Error.prepareStackTrace (as read) is a program's function, not node's default
  userPrepareStackTrace: binding.userPrepareStackTrace,
  E,
  formatList,
  getMessage,
};
let extras;
for (const name of ['UVException', 'UVExceptionWithHostPort', 'ErrnoException', 'ExceptionWithHostPort',
  'DNSException', 'ConnResetException', 'NodeAggregateError', 'uvErrmapGet', 'genericNodeError',
  'inspectWithNoCustomRetry', 'isErrorStackTraceLimitWritable', 'isStackOverflowError']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      extras ??= makeExtras();
      Object.defineProperty(module.exports, name, { __proto__: null, value: extras[name], writable: true });
      return extras[name];
    },
  });
}
