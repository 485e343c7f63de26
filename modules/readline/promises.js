'use strict';
const readline = require('readline');
const { AbortError, makeNodeError, codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateInteger } = require('internal/validators');
const kQuestionCancel = Symbol.for('gojs.readline.questionCancel');
const kAsyncCompleter = Symbol.for('gojs.readline.asyncCompleter');

// (readline's legacy Interface stands on the class this one extends, as node's does)
const kQuestion = Symbol.for('gojs.readline.question');
class Interface extends Object.getPrototypeOf(readline.Interface) {
  // (declared, as node's, so that Interface.length is 4)
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options && options.signal) {
        // (a bad signal rejects the promise, as node's checks it in the executor)
        validateAbortSignal(options.signal, 'options.signal');
        if (options.signal.aborted) return reject(new AbortError(undefined, { cause: options.signal.reason }));
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: options.signal.reason }));
        };
        options.signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => { options.signal.removeEventListener('abort', onAbort); resolve(answer); };
      }
      if (this.closed) return reject(makeNodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed'));
      this[kQuestion](query, cb);
    });
  }
}
Object.defineProperty(Interface.prototype, kAsyncCompleter, { __proto__: null, value: true });

// Readline collects cursor and clear sequences for a stream and writes them on commit() (or, with
// autoCommit, on the next tick), as node's readline/promises Readline.
class Readline {
  constructor(stream, options = undefined) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function' ||
        typeof stream.on !== 'function' || (stream._writableState && stream._writableState.writable === false)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this._stream = stream;
    this._autoCommit = false;
    if (options != null && options.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this._autoCommit = options.autoCommit;
    }
    this._todo = [];
  }
  _add(data) {
    if (this._autoCommit) process.nextTick(() => this._stream.write(data));
    else this._todo.push(data);
    return this;
  }
  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    return this._add(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K');
  }
  clearScreenDown() { return this._add('\x1b[0J'); }
  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    return this._add(y == null ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`);
  }
  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let s = '';
      if (dx < 0) s += `\x1b[${-dx}D`; else if (dx > 0) s += `\x1b[${dx}C`;
      if (dy < 0) s += `\x1b[${-dy}A`; else if (dy > 0) s += `\x1b[${dy}B`;
      this._add(s);
    }
    return this;
  }
  commit() {
    return new Promise((resolve) => {
      this._stream.write(this._todo.join(''), resolve);
      this._todo = [];
    });
  }
  rollback() { this._todo = []; return this; }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
