'use strict';
const readline = require('readline');
const { AbortError } = require('internal/errors');

class Interface extends readline.Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options && options.signal) {
        if (options.signal.aborted) return reject(new AbortError(undefined, { cause: options.signal.reason }));
        const onAbort = () => reject(new AbortError(undefined, { cause: options.signal.reason }));
        options.signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => { options.signal.removeEventListener('abort', onAbort); resolve(answer); };
      }
      if (this.closed) {
        const err = new Error('readline was closed');
        err.code = 'ERR_USE_AFTER_CLOSE';
        return reject(err);
      }
      readline.Interface.prototype.question.call(this, query, cb);
    });
  }
}

class Readline {
  constructor(stream, options = undefined) {
    this._stream = stream;
    this._autoCommit = !!(options && options.autoCommit);
    this._todo = [];
  }
  _add(s) {
    if (this._autoCommit) this._stream.write(s); else this._todo.push(s);
    return this;
  }
  clearLine(dir) { return this._add(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'); }
  clearScreenDown() { return this._add('\x1b[0J'); }
  cursorTo(x, y) { return this._add(typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`); }
  moveCursor(dx, dy) {
    let s = '';
    if (dx < 0) s += `\x1b[${-dx}D`; else if (dx > 0) s += `\x1b[${dx}C`;
    if (dy < 0) s += `\x1b[${-dy}A`; else if (dy > 0) s += `\x1b[${dy}B`;
    return s ? this._add(s) : this;
  }
  commit() {
    const s = this._todo.join('');
    this._todo = [];
    return new Promise((resolve) => (s ? this._stream.write(s, resolve) : resolve()));
  }
  rollback() { this._todo = []; return this; }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
