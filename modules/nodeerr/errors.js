'use strict';
// Node's error codes. Each code is a constructor usable with or without `new`:
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
  const err = binding.toNodeError(new Base(message), Base, code);
  // the stack starts at the code that made the error, not in this file (as node's)
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, ctor || makeNodeError);
  err.code = code;
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

function E(code, message, Base) {
  function NodeError(...args) {
    const msg = typeof message === 'function' ? message(...args) : format(message, args);
    return makeNodeError(Base, code, msg, NodeError);
  }
  Object.defineProperty(NodeError, 'name', { __proto__: null, value: Base.name });
  NodeError.prototype = binding.toNodeError(null, Base, code);
  codes[code] = NodeError;
  return NodeError;
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
    }, TypeError);
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
      `Expected ${input} to be returned from the "${name}" function but got ${binding.describeReceived(value)}.`, TypeError);
    case 'ERR_UNKNOWN_ENCODING': return E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
    case 'ERR_NOT_BUILDING_SNAPSHOT': return E('ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot', Error);
    case 'ERR_METHOD_NOT_IMPLEMENTED': return E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
    case 'ERR_MULTIPLE_CALLBACK': return E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
    case 'ERR_INVALID_THIS': return E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
    case 'ERR_ILLEGAL_CONSTRUCTOR': return E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
    case 'ERR_INVALID_STATE': return E('ERR_INVALID_STATE', 'Invalid state: %s', Error);
    case 'ERR_UNHANDLED_ERROR': return E('ERR_UNHANDLED_ERROR', (err = undefined) => {
      const msg = 'Unhandled error.';
      if (err === undefined) return msg;
      return `${msg} (${inspect(err)})`;
    }, Error);
    case 'ERR_BUFFER_OUT_OF_BOUNDS': return E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
      if (name) return `"${name}" is outside of buffer bounds`;
      return 'Attempt to access memory outside buffer bounds';
    }, RangeError);
    case 'ERR_FALSY_VALUE_REJECTION': return E('ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value', Error);
    case 'ERR_STREAM_PUSH_AFTER_EOF': return E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
    case 'ERR_STREAM_WRITE_AFTER_END': return E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
    case 'ERR_STREAM_DESTROYED': return E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
    case 'ERR_STREAM_PREMATURE_CLOSE': return E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
    case 'ERR_STREAM_NULL_VALUES': return E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
    case 'ERR_STREAM_CANNOT_PIPE': return E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
    case 'ERR_STREAM_ALREADY_FINISHED': return E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
    case 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT': return E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
    case 'ERR_INVALID_URL': return E('ERR_INVALID_URL', 'Invalid URL', TypeError);
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
    case 'ERR_OPERATION_FAILED': return E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error);
    case 'ERR_SYSTEM_ERROR': return E('ERR_SYSTEM_ERROR', 'A system error occurred', Error);
    case 'ERR_ACCESS_DENIED': return E('ERR_ACCESS_DENIED', 'Access to this API has been restricted', Error);
    case 'ERR_INVALID_HANDLE_TYPE': return E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
    case 'ERR_INVALID_FD': return E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
    case 'ERR_INVALID_FD_TYPE': return E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
    case 'ERR_FS_FILE_TOO_LARGE': return E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
    case 'ERR_FS_EISDIR': return E('ERR_FS_EISDIR', 'Path is a directory', Error);
    case 'ERR_SOCKET_BAD_PORT': return E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
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
    case 'ERR_HTTP2_INVALID_SETTING_VALUE': return E('ERR_HTTP2_INVALID_SETTING_VALUE', (name, actual) => `Invalid value for setting "${name}": ${actual}`, TypeError);
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
    case 'ERR_HTTP2_STREAM_CANCEL': return E('ERR_HTTP2_STREAM_CANCEL', "The pending stream has been canceled", Error);
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
    case 'ERR_REQUIRE_ESM': return E('ERR_REQUIRE_ESM', 'require() of ES Module %s not supported.', Error);
    case 'ERR_INVALID_MODULE_SPECIFIER': return E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`, TypeError);
    case 'ERR_TIMEOUT_OVERFLOW': return E('ERR_TIMEOUT_OVERFLOW', 'timeout overflow', RangeError);
    case 'ERR_INVALID_ASYNC_ID': return E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
    case 'ERR_ASYNC_CALLBACK': return E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
    case 'ERR_ASYNC_TYPE': return E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
    case 'ERR_ENCODING_NOT_SUPPORTED': return E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
    case 'ERR_ENCODING_INVALID_ENCODED_DATA': return E('ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding %s', TypeError);
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

// makeSystemError(code, message, info): info is { errno, code, message, syscall, path?, dest? }.
function makeSystemError(code, message, info) {
  let NodeError = systemErrorClasses[code];
  if (NodeError === undefined) NodeError = systemErrorClasses[code] = class NodeError extends SystemError {};
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
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, makeSystemError);
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
  SystemError,
  inspectValue: inspect,
  kIsNodeError,
  // whether Error.prepareStackTrace (as read) is a program's function, not node's default
  userPrepareStackTrace: binding.userPrepareStackTrace,
  E,
};
