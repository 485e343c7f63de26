'use strict';
// internal/streams/errors: the Node error classes streams throw, with Node's codes and messages.

// The table is built on the first error (a runtime that only loads streams never needs it).
let messages;
const buildMessages = () => ({
  ERR_STREAM_PUSH_AFTER_EOF: [Error, () => 'stream.push() after EOF'],
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: [Error, () => 'stream.unshift() after end event'],
  ERR_STREAM_WRITE_AFTER_END: [Error, () => 'write after end'],
  ERR_STREAM_DESTROYED: [Error, (m) => 'Cannot call ' + m + ' after a stream was destroyed'],
  ERR_STREAM_PREMATURE_CLOSE: [Error, () => 'Premature close'],
  ERR_STREAM_CANNOT_PIPE: [Error, () => 'Cannot pipe, not readable'],
  ERR_STREAM_ALREADY_FINISHED: [Error, (m) => 'Cannot call ' + m + ' after a stream was finished'],
  ERR_STREAM_NULL_VALUES: [TypeError, () => 'May not write null values to stream'],
  ERR_MULTIPLE_CALLBACK: [Error, () => 'Callback called multiple times'],
  ERR_METHOD_NOT_IMPLEMENTED: [Error, (m) => 'The ' + m + ' method is not implemented'],
  ERR_UNKNOWN_ENCODING: [TypeError, (e) => require('util').format('Unknown encoding: %s', e)],
  ERR_MISSING_ARGS: [TypeError, (...names) => {
    const quoted = names.map((n) => '"' + n + '"');
    let msg;
    if (quoted.length === 1) msg = quoted[0];
    else if (quoted.length === 2) msg = quoted[0] + ' and ' + quoted[1];
    else msg = quoted.slice(0, -1).join(', ') + ', and ' + quoted[quoted.length - 1];
    return 'The ' + msg + ' argument' + (names.length > 1 ? 's' : '') + ' must be specified';
  }],
  ERR_INVALID_RETURN_VALUE: [TypeError, (input, name, value) =>
    'Expected ' + input + ' to be returned from the "' + name + '" function but got ' +
    ie().determineSpecificType(value) + '.'],
  ERR_INVALID_STATE: [TypeError, (m) => 'Invalid state: ' + m],
  ERR_ILLEGAL_CONSTRUCTOR: [TypeError, () => 'Illegal constructor'],
  ERR_INVALID_THIS: [TypeError, (t) => 'Value of "this" must be of type ' + t],
});

// internal/errors loads on the first error (require('stream') alone does not compile it).
let ie_;
function ie() { return ie_ || (ie_ = require('internal/errors')); }

// Each maker leaves itself out of the stack, as node's errors start at the code that made them
// (node's streams construct them in place): the first frame is the stream's own function.
function codeError(code, ...args) {
  if (messages === undefined) messages = buildMessages();
  const m = messages[code];
  return ie().makeNodeError(m[0], code, m[1](...args), codeError);
}

// codeErrorSaying is code's error with a message of node's own in place of the table's (node
// sets one in a subclass's constructor, before the stack is first read).
function codeErrorSaying(code, message) {
  if (messages === undefined) messages = buildMessages();
  return ie().makeNodeError(messages[code][0], code, message, codeErrorSaying);
}

// madeBy is err (one of internal/errors' codes) as maker makes it: the same class, code and
// message, the stack starting at maker's caller.
function madeBy(err, maker) {
  return ie().makeNodeError(Object.getPrototypeOf(err).constructor, err.code, err.message, maker);
}

function invalidArgType(name, expected, actual) {
  return madeBy(new (ie().codes).ERR_INVALID_ARG_TYPE(name, expected, actual), invalidArgType);
}

function invalidArgValue(name, value, reason) {
  return madeBy(new (ie().codes).ERR_INVALID_ARG_VALUE(name, value, reason), invalidArgValue);
}

function outOfRange(name, range, received) {
  return madeBy(new (ie().codes).ERR_OUT_OF_RANGE(name, range, received), outOfRange);
}

module.exports = {
  codeError, codeErrorSaying, invalidArgType, invalidArgValue, outOfRange, madeBy,
  // internal/errors' AbortError and aggregateTwoErrors (node's streams use those), read when used
  get AbortError() { return ie().AbortError; },
  get aggregateTwoErrors() { return ie().aggregateTwoErrors; },
};
