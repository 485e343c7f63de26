'use strict';
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE, ERR_INVALID_ARG_TYPE }, AbortError } = require('internal/errors');
const { validateAbortSignal, validateFunction, validateUint32 } = require('internal/validators');

const kHistorySize = 30;
const lineEnding = /\r?\n|\r(?!\n)/g;
const CSI = (s) => `\x1b[${s}`;

function useAfterClose() {
  const err = new Error('readline was closed');
  err.code = 'ERR_USE_AFTER_CLOSE';
  return err;
}

// ---- cursor helpers -------------------------------------------------------------------------

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') { callback = y; y = undefined; }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new ERR_INVALID_ARG_VALUE('x', x);
  const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += CSI(`${-dx}D`);
  else if (dx > 0) data += CSI(`${dx}C`);
  if (dy < 0) data += CSI(`${-dy}A`);
  else if (dy > 0) data += CSI(`${dy}B`);
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const type = dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K');
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(CSI('0J'), callback);
}

// ---- keypress decoding --------------------------------------------------------------------------

const kKeypressDecoder = Symbol('keypress-decoder');
const keyNames = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end', 'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4', '[15~': 'f5', '[17~': 'f6', '[18~': 'f7',
  '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12', '[Z': 'tab',
};

// decodeKeys splits input into key sequences and describes each as Node's keypress events do.
function decodeKeys(s) {
  const keys = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\x1b' && i + 1 < s.length && (s[i + 1] === '[' || s[i + 1] === 'O')) {
      let j = i + 2;
      while (j < s.length && /[0-9;]/.test(s[j])) j++;
      const seq = s.slice(i, j + 1);
      const body = s.slice(i + 1, j + 1);
      let code = body;
      let modifier = 0;
      const m = /^\[(\d+);(\d+)([A-Za-z~])$/.exec(body);
      if (m) {
        modifier = (+m[2]) - 1;
        code = m[1] === '1' ? '[' + m[3] : '[' + m[1] + m[3];
      }
      keys.push({ sequence: seq, name: keyNames[code] || 'undefined', ctrl: !!(modifier & 4),
        meta: !!(modifier & 10), shift: !!(modifier & 1), code });
      i = j + 1;
      continue;
    }
    const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
    if (ch === '\r') key.name = 'return';
    else if (ch === '\n') key.name = 'enter';
    else if (ch === '\t') key.name = 'tab';
    else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
    else if (ch === '\x1b') { key.name = 'escape'; }
    else if (ch === ' ') key.name = 'space';
    else if (ch <= '\x1a') { key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1); key.ctrl = true; }
    else if (/^[0-9A-Za-z]$/.test(ch)) { key.name = ch.toLowerCase(); key.shift = /^[A-Z]$/.test(ch); }
    keys.push(key);
    i++;
  }
  return keys;
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[kKeypressDecoder].write(input);
      if (string) {
        for (const key of decodeKeys(string)) {
          const s = key.sequence.length === 1 || key.name === 'undefined' ? key.sequence : undefined;
          stream.emit('keypress', key.name === undefined || key.name === 'undefined' ? key.sequence : s, key);
        }
      }
    } else {
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }
  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }
  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

// ---- Interface --------------------------------------------------------------------------------

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);
  let history, historySize, removeHistoryDuplicates = false, crlfDelay, prompt = '> ', signal;
  let tabSize = 8;
  this.escapeCodeTimeout = 500;
  this.isCompletionEnabled = true;
  if (input && input.input) {
    if (input.tabSize !== undefined) {
      validateUint32(input.tabSize, 'tabSize', true);
      tabSize = input.tabSize;
    }
    if (input.escapeCodeTimeout !== undefined) {
      // node reports the default, not the value it rejects
      if (!Number.isFinite(input.escapeCodeTimeout)) throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', this.escapeCodeTimeout);
      this.escapeCodeTimeout = input.escapeCodeTimeout;
    }
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    removeHistoryDuplicates = !!input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    crlfDelay = input.crlfDelay;
    input = input.input;
  }
  if (completer !== undefined && typeof completer !== 'function') throw new ERR_INVALID_ARG_VALUE('completer', completer);
  if (historySize === undefined) historySize = kHistorySize;
  if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
    throw new ERR_INVALID_ARG_VALUE('historySize', historySize);
  }
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  this.output = output;
  this.input = input;
  this.history = Array.isArray(history) ? history.slice() : [];
  this.historySize = historySize;
  this.tabSize = tabSize;
  this.removeHistoryDuplicates = removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  this.completer = completer;
  this._prompt = prompt;
  this.terminal = !!terminal;
  this.line = '';
  this.cursor = 0;
  this.historyIndex = -1;
  this.closed = false;
  this.paused = false;
  this._questionCallback = null;
  this._sawReturnAt = 0;
  this._decoder = new StringDecoder('utf8');
  this._pendingLine = '';

  const self = this;
  this._ondata = function (data) { self._normalWrite(data); };
  this._onend = function () {
    if (typeof self._pendingLine === 'string' && self._pendingLine.length > 0) self.emit('line', self._pendingLine);
    self._pendingLine = '';
    self.close();
  };
  this._onkeypress = function (s, key) { self._ttyWrite(s, key); };
  this._onresize = function () { self._refreshLine(); };

  if (signal) {
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => self.close();
    if (signal.aborted) process.nextTick(onAborted);
    else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  if (!this.terminal) {
    input.on('data', this._ondata);
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', this._onkeypress);
    if (output !== null && output !== undefined) output.on('resize', this._onresize);
    this._setRawMode(true);
  }
  input.on('end', this._onend);
  if (typeof input.resume === 'function') input.resume();
}
Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Interface, EventEmitter);

Object.defineProperty(Interface.prototype, 'columns', {
  configurable: true, enumerable: true,
  get() { return this.output && this.output.columns ? this.output.columns : Infinity; },
});

Interface.prototype.setPrompt = function setPrompt(prompt) { this._prompt = prompt; };
Interface.prototype.getPrompt = function getPrompt() { return this._prompt; };

Interface.prototype._setRawMode = function _setRawMode(mode) {
  const wasInRawMode = this.input.isRaw;
  if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
  return wasInRawMode;
};

Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this.paused) this.resume();
  if (this.closed) throw useAfterClose();
  if (this.terminal && process.env.TERM !== 'dumb') {
    if (!preserveCursor) this.cursor = 0;
    this._refreshLine();
  } else {
    this._writeToOutput(this._prompt);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object' && options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    if (options.signal.aborted) return;
    const onAbort = () => { this._questionCallback = null; this.setPrompt(this._oldPrompt); };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const inner = cb;
    cb = (answer) => { options.signal.removeEventListener('abort', onAbort); inner(answer); };
  }
  if (this.closed) throw useAfterClose();
  if (typeof cb === 'function') {
    if (this._questionCallback) {
      this.prompt();
    } else {
      this._oldPrompt = this._prompt;
      this.setPrompt(query);
      this._questionCallback = cb;
      this.prompt();
    }
  }
};

Interface.prototype._onLine = function _onLine(line) {
  if (this._questionCallback) {
    const cb = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._writeToOutput = function _writeToOutput(s) {
  if (typeof s !== 'string') throw new ERR_INVALID_ARG_TYPE('stringToWrite', 'string', s);
  if (this.output !== null && this.output !== undefined) this.output.write(s);
};

Interface.prototype._addHistory = function _addHistory() {
  if (this.line.length === 0) return '';
  if (this.historySize === 0) return this.line;
  if (this.line.trim().length === 0) return this.line;
  if (this.history.length === 0 || this.history[0] !== this.line) {
    if (this.removeHistoryDuplicates) {
      const dupIndex = this.history.indexOf(this.line);
      if (dupIndex !== -1) this.history.splice(dupIndex, 1);
    }
    this.history.unshift(this.line);
    if (this.history.length > this.historySize) this.history.pop();
  }
  this.historyIndex = -1;
  const line = this.history[0];
  this.emit('history', this.history);
  return line;
};

Interface.prototype._refreshLine = function _refreshLine() {
  if (!this.output) return;
  const line = this._prompt + this.line;
  cursorTo(this.output, 0);
  clearScreenDown(this.output);
  this._writeToOutput(line);
  cursorTo(this.output, this._prompt.length + this.cursor);
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.terminal) this._setRawMode(false);
  this.closed = true;
  this.input.removeListener('data', this._ondata);
  this.input.removeListener('end', this._onend);
  this.input.removeListener('keypress', this._onkeypress);
  if (this.output) this.output.removeListener('resize', this._onresize);
  this.emit('close');
};

Interface.prototype.pause = function pause() {
  if (this.paused) return;
  if (typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return;
  if (typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.write = function write(d, key) {
  if (this.paused) this.resume();
  if (this.terminal) this._ttyWrite(d, key);
  else this._normalWrite(d);
};

Interface.prototype._normalWrite = function _normalWrite(b) {
  if (b === undefined) return;
  let string = typeof b === 'string' ? b : this._decoder.write(b);
  if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
    if (string.codePointAt(0) === 10) string = string.slice(1);
    this._sawReturnAt = 0;
  }
  const newPartContainsEnding = /\r?\n|\r/.test(string);
  if (this._pendingLine) {
    string = this._pendingLine + string;
    this._pendingLine = '';
  }
  if (newPartContainsEnding) {
    this._sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
    const lines = string.split(lineEnding);
    this._pendingLine = lines.pop();
    for (const line of lines) {
      if (this.closed) return;
      this._onLine(line);
    }
  } else if (string) {
    this._pendingLine = string;
  }
};

Interface.prototype._insertString = function _insertString(c) {
  this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
  this.cursor += c.length;
  this._refreshLine();
};

Interface.prototype._ttyWrite = function _ttyWrite(s, key) {
  key = key || {};
  if (key.ctrl && key.name === 'c') {
    if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
    else this.close();
    return;
  }
  if (key.ctrl && key.name === 'd') {
    if (this.cursor === 0 && this.line.length === 0) this.close();
    else if (this.cursor < this.line.length) { this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1); this._refreshLine(); }
    return;
  }
  switch (key.name) {
    case 'return':
    case 'enter': {
      this._sawReturnAt = key.name === 'return' ? Date.now() : 0;
      const line = this._addHistory();
      this.line = '';
      this.cursor = 0;
      this._writeToOutput('\r\n');
      this._onLine(line);
      return;
    }
    case 'backspace':
      if (this.cursor > 0) {
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        this._refreshLine();
      }
      return;
    case 'delete':
      if (this.cursor < this.line.length) {
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        this._refreshLine();
      }
      return;
    case 'left':
      if (this.cursor > 0) { this.cursor--; this._refreshLine(); }
      return;
    case 'right':
      if (this.cursor < this.line.length) { this.cursor++; this._refreshLine(); }
      return;
    case 'home':
      this.cursor = 0; this._refreshLine();
      return;
    case 'end':
      this.cursor = this.line.length; this._refreshLine();
      return;
    case 'up':
      if (this.historyIndex + 1 < this.history.length) {
        this.historyIndex++;
        this.line = this.history[this.historyIndex];
        this.cursor = this.line.length;
        this._refreshLine();
      }
      return;
    case 'down':
      if (this.historyIndex > 0) {
        this.historyIndex--;
        this.line = this.history[this.historyIndex];
      } else {
        this.historyIndex = -1;
        this.line = '';
      }
      this.cursor = this.line.length;
      this._refreshLine();
      return;
    case 'tab':
      if (typeof this.completer === 'function') {
        const done = (err, result) => {
          if (err || !result) return;
          const [completions, completeOn] = result;
          if (completions.length === 1) this._insertString(completions[0].slice(completeOn.length));
          else if (completions.length > 1) {
            this._writeToOutput('\r\n' + completions.join('  ') + '\r\n');
            this._refreshLine();
          }
        };
        const line = this.line.slice(0, this.cursor);
        if (this.completer.length === 2) this.completer(line, done);
        else done(null, this.completer(line));
        return;
      }
      break;
  }
  if (typeof s === 'string' && s && !key.ctrl && !key.meta) {
    for (const line of s.split(/\r\n|\n|\r/).reduce((acc, part, i) => (i ? acc.concat([null, part]) : [part]), [])) {
      if (line === null) this._ttyWrite('\r', { name: 'return' });
      else if (line) this._insertString(line);
    }
  }
};

Interface.prototype.getCursorPos = function getCursorPos() {
  const offset = this._prompt.length + this.cursor;
  const cols = this.columns;
  return { rows: Math.floor(offset / cols) || 0, cols: cols === Infinity ? offset : offset % cols };
};

Interface.prototype[Symbol.asyncIterator] = function () {
  const { on } = require('events');
  if (this._lineIterator === undefined) {
    const it = on(this, 'line', { close: ['close'] });
    const next = it.next.bind(it);
    this._lineIterator = {
      next: () => next().then((r) => (r.done ? r : { value: r.value[0], done: false })),
      return: () => { this.close(); return Promise.resolve({ value: undefined, done: true }); },
      [Symbol.asyncIterator]() { return this; },
    };
  }
  return this._lineIterator;
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// questionPromise is used by readline/promises and util.promisify(rl.question).
Interface.prototype.question[Symbol.for('nodejs.util.promisify.custom')] = function question(query, options) {
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (options && options.signal) {
      if (options.signal.aborted) return reject(new AbortError(undefined, { cause: options.signal.reason }));
      const onAbort = () => reject(new AbortError(undefined, { cause: options.signal.reason }));
      options.signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => { options.signal.removeEventListener('abort', onAbort); resolve(answer); };
    }
    this.question(query, options, cb);
  });
};

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true, enumerable: true,
  get() { return require('readline/promises'); },
});
