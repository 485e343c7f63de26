'use strict';
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE }, AbortError, makeNodeError } = require('internal/errors');
const { validateAbortSignal, validateFunction, validateUint32, validateNumber } = require('internal/validators');

const kHistorySize = 30;
const lineEnding = /\r?\n|\r(?!\n)/g;
const CSI = (s) => `\x1b[${s}`;

// set on readline/promises' Interface: its completer may return a promise
const kAsyncCompleter = Symbol.for('gojs.readline.asyncCompleter');

function useAfterClose() {
  return makeNodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
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
  if (typeof x !== 'number') {
    throw makeNodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
  }
  const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
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
const kEscapeDecoder = Symbol('escape-decoder');
// Names of the escape sequences (code: ESC dropped, modifier dropped) terminals send.
const keyNames = {
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4', 'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4', '[200~': 'paste-start', '[201~': 'paste-end',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear', 'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end',
};
// rxvt's keys with shift ($ and lower case) or ctrl (^ and O lower case), and shift-tab
const shiftKeyNames = {
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home', '[8$': 'end', '[Z': 'tab',
};
const ctrlKeyNames = {
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home', '[8^': 'end',
};

function isDigit(ch) { return ch >= '0' && ch <= '9'; }

// keyDecoder is fed one code point at a time (decoder.next(ch)) and emits node's keypress events
// on stream as keys complete: the string is undefined for escape sequences. Its state outlives a
// data chunk, so a sequence split across chunks is put together, as node's emitKeys does; ''
// means no more input for now (the escape timeout), and the key is decoded from what there is.
function* keyDecoder(stream) {
  while (true) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };
    if (ch === '\x1b') {
      escaped = true;
      s += (ch = yield);
      if (ch === '\x1b') s += (ch = yield);
    }
    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        s += (ch = yield);
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          s += (ch = yield);
        }
        code += ch;
      } else {
        s += (ch = yield);
        if (ch === '[') {
          code += ch;
          s += (ch = yield);
        }
        // ESC [ digits (;modifier) and a final ~ ^ $ or letter
        const cmdStart = s.length - 1;
        if (isDigit(ch)) {
          s += (ch = yield);
          if (isDigit(ch)) {
            s += (ch = yield);
            if (isDigit(ch)) s += (ch = yield);
          }
        }
        if (ch === ';') {
          s += (ch = yield);
          if (isDigit(ch)) s += yield;
        }
        const cmd = s.slice(cmdStart);
        let m;
        if ((m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd)) !== null) {
          if (m[4]) {
            code += m[4];
          } else {
            code += m[1] + m[3];
            modifier = (m[2] || 1) - 1;
          }
        } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd)) !== null) {
          code += m[4];
          modifier = (m[3] || 1) - 1;
        } else {
          code += cmd;
        }
      }
      key.ctrl = !!(modifier & 4);
      key.meta = !!(modifier & 10);
      key.shift = !!(modifier & 1);
      key.code = code;
      if (keyNames[code] !== undefined) {
        key.name = keyNames[code];
      } else if (shiftKeyNames[code] !== undefined) {
        key.name = shiftKeyNames[code];
        key.shift = true;
      } else if (ctrlKeyNames[code] !== undefined) {
        key.name = ctrlKeyNames[code];
        key.ctrl = true;
      } else {
        key.name = 'undefined';
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === '\x1b') {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }
    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (Array.from(s).length === 1) {
      stream.emit('keypress', s, key);
    }
  }
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  const startDecoder = () => {
    stream[kEscapeDecoder] = keyDecoder(stream);
    stream[kEscapeDecoder].next();
  };
  startDecoder();
  let timeoutId;
  // a lone ESC at the end of a chunk is a key once escapeCodeTimeout passes without more input:
  // the interface's, as it is now (as node's, later changes are not seen), else GNU readline's
  // 500ms
  const triggerEscape = () => stream[kEscapeDecoder].next('');
  const { escapeCodeTimeout = 500 } = iface;
  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[kKeypressDecoder].write(input);
      if (string) {
        clearTimeout(timeoutId);
        // Tab completes only on a chunk's last key (a paste inserts tabs), and only that key
        // redraws a line grown onto a new row.
        // (one key's worth: node's _sawKeyPress, a chunk of one character)
        iface[f._sawKeyPress] = (string.codePointAt(0) > 0xffff ? 2 : 1) === string.length;
        iface.isCompletionEnabled = false;
        let length = 0;
        for (const ch of string) {
          length += ch.length;
          if (length === string.length) iface.isCompletionEnabled = true;
          try {
            stream[kEscapeDecoder].next(ch);
            if (length === string.length && ch === '\x1b') {
              timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
            }
          } catch (err) {
            // a keypress listener threw: start over with a fresh decoder, then rethrow
            startDecoder();
            throw err;
          }
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

// As node's, three layers: InterfaceConstructor sets an interface up; the Interface class above it
// (readline/promises' Interface extends it) has the public methods and, under symbols, the
// internal ones; readline's legacy Interface (a function: callable without new) adds question and
// the internal methods' old underscore names, which the class reaches through getters, so that a
// program (or the REPL) replacing rl._ttyWrite or rl._refreshLine changes what readline calls.
const k = {};
for (const name of ['_setRawMode', '_onLine', '_writeToOutput', '_addHistory', '_refreshLine',
  '_normalWrite', '_insertString', '_tabComplete', '_wordLeft', '_wordRight', '_deleteLeft',
  '_deleteRight', '_deleteWordLeft', '_deleteWordRight', '_deleteLineLeft', '_deleteLineRight',
  '_line', '_historyNext', '_historyPrev', '_getDisplayPos', '_moveCursor', '_ttyWrite',
  '_beforeEdit', '_undo', '_redo', '_pushToKillRing', '_yank', '_yankPop']) {
  k[name] = Symbol(name);
}
const kLegacyMethods = Object.keys(k).slice(0, 22);
// the instance's state
const f = {
  _decoder: Symbol('_decoder'),
  _oldPrompt: Symbol('_oldPrompt'),
  _previousKey: Symbol('_previousKey'),
  _prompt: Symbol('_prompt'),
  _questionCallback: Symbol('_questionCallback'),
  _sawKeyPress: Symbol('_sawKeyPress'),
  _sawReturnAt: Symbol('_sawReturnAt'),
  _substringSearch: Symbol('kSubstringSearch'),
  _pendingLine: Symbol('_line_buffer'),
  _lineIterator: Symbol('line object stream'),
  _ondata: Symbol('kOnData'),
  _onerror: Symbol('kOnError'),
  _onend: Symbol('kOnEnd'),
  _onkeypress: Symbol('kOnKeyPress'),
  _onresize: Symbol('kOnResize'),
};
const kUndoStack = Symbol('_undoStack');
const kRedoStack = Symbol('_redoStack');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kYanking = Symbol('_yanking');
const kQuestion = Symbol.for('gojs.readline.question');

function InterfaceConstructor(input, output, completer, terminal) {
  // (the public fields come in node's order: Object.keys and util.inspect list them so)
  this.isCompletionEnabled = true;
  this.escapeCodeTimeout = 500;
  this.tabSize = 8;
  // the interface's own state is under symbols, in node's order (util.inspect shows them so)
  this[f._sawReturnAt] = 0;
  this[f._sawKeyPress] = false;
  this[f._previousKey] = null;
  EventEmitter.call(this);
  this.line = '';
  let history, historySize, removeHistoryDuplicates = false, crlfDelay, prompt = '> ', signal;
  let tabSize = 8;
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
  validateNumber(historySize, 'historySize', 0);
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  this.output = output;
  this.input = input;
  if (history !== undefined && !Array.isArray(history)) throw new ERR_INVALID_ARG_TYPE('history', 'Array', history);
  // the array given is the one kept (and added to), as node's
  this.history = Array.isArray(history) ? history : [];
  this.historySize = historySize;
  this.tabSize = tabSize;
  this.removeHistoryDuplicates = removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  this[f._substringSearch] = null;
  // editing history, as node keeps it: the undo and redo stacks (line and cursor before each
  // edit, emptied when a line is entered) and the kill ring the line-left/right deletions feed,
  // which ctrl-y yanks from and meta-y rotates
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  Object.defineProperty(this, kYanking, { __proto__: null, value: false, writable: true, configurable: true });
  // A completer of one parameter returns its result. As node's: readline's calls it in the
  // keypress (what it throws comes out of the input's write; a promise completes nothing), and
  // readline/promises' (kAsyncCompleter) awaits it, reporting a failure as a tab completion error.
  if (completer === undefined || completer.length === 2) {
    this.completer = completer;
  } else if (this[kAsyncCompleter] === true) {
    this.completer = function completerWrapper(v, cb) {
      let value;
      try {
        value = completer(v);
      } catch (err) {
        cb(err);
        return;
      }
      Promise.resolve(value).then((r) => cb(null, r), cb);
    };
  } else {
    this.completer = function completerWrapper(v, cb) { cb(null, completer(v)); };
  }
  this.setPrompt(prompt);
  this.terminal = !!terminal;
  if (this.terminal) this.cursor = 0;
  // (closed stays undefined until close(), as node's)
  // (the line being decoded, the question's callback and the prompt it replaced come once used)
  this[f._lineIterator] = undefined;
  // (a terminal's input is decoded by its keypress decoder)
  if (!this.terminal) this[f._decoder] = new StringDecoder('utf8');
  // the listeners the interface puts on its input and output (kept out of sight)
  for (const name of ['_ondata', '_onerror', '_onend', '_onkeypress', '_onresize']) {
    Object.defineProperty(this, f[name], { __proto__: null, value: undefined, writable: true, configurable: true });
  }
  // (a terminal's history position is public, as node's)
  if (this.terminal) this.historyIndex = -1;

  const self = this;
  this[f._ondata] = function (data) { self[k._normalWrite](data); };
  // an error of the input is the interface's (node re-emits it; the async iterator rejects with it)
  this[f._onerror] = function (err) { self.emit('error', err); };
  // at the input's end, what was typed after the last newline is a line (the line being
  // edited, in terminal mode)
  this[f._onend] = function () {
    const rest = self.terminal ? self.line : self[f._pendingLine];
    if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
    self[f._pendingLine] = '';
    self.close();
  };
  this[f._onkeypress] = function (s, key) {
    self[k._ttyWrite](s, key);
    // half of a surrogate pair: redraw so that it shows once whole
    if (key && key.sequence) {
      const ch = key.sequence.codePointAt(0);
      if (ch >= 0xd800 && ch <= 0xdfff) self[k._refreshLine]();
    }
  };
  this[f._onresize] = function () { self[k._refreshLine](); };

  if (signal) {
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => self.close();
    if (signal.aborted) process.nextTick(onAborted);
    else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  this.once('close', onSelfClose);
  if (!this.terminal) {
    input.on('data', this[f._ondata]);
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', this[f._onkeypress]);
    if (output !== null && output !== undefined) output.on('resize', this[f._onresize]);
    this[k._setRawMode](true);
  }
  input.on('error', this[f._onerror]);
  input.on('end', this[f._onend]);
  if (typeof input.resume === 'function') input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

const InternalInterface = class Interface extends InterfaceConstructor {
  // (declared, so that its length is 4 as node's)
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }
};
const IP = InternalInterface.prototype;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  InterfaceConstructor.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, IP);
Object.setPrototypeOf(Interface, InternalInterface);

Object.defineProperty(IP, 'columns', {
  __proto__: null,
  configurable: true, enumerable: true,
  get() { return this.output && this.output.columns ? this.output.columns : Infinity; },
});

IP.setPrompt = function setPrompt(prompt) { this[f._prompt] = prompt; };
IP.getPrompt = function getPrompt() { return this[f._prompt]; };

IP[k._setRawMode] = function _setRawMode(mode) {
  const wasInRawMode = this.input.isRaw;
  if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
  return wasInRawMode;
};

IP.prompt = function prompt(preserveCursor) {
  if (this.paused) this.resume();
  if (this.terminal && process.env.TERM !== 'dumb') {
    if (!preserveCursor) this.cursor = 0;
    this[k._refreshLine]();
  } else {
    this[k._writeToOutput](this[f._prompt]);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object' && options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    if (options.signal.aborted) return;
    const onAbort = () => { questionCancel(this); };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const inner = cb;
    cb = (answer) => { options.signal.removeEventListener('abort', onAbort); inner(answer); };
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

// (the class's: readline/promises' question asks through it too)
IP[kQuestion] = function (query, cb) {
  if (this.closed) throw useAfterClose();
  if (this[f._questionCallback]) {
    this.prompt();
  } else {
    this[f._oldPrompt] = this[f._prompt];
    this.setPrompt(query);
    this[f._questionCallback] = cb;
    this.prompt();
  }
};

// questionCancel drops the question in progress of rl (its signal aborted), as node's: the
// prompt it replaced comes back and the line is cleared, so the next line is a 'line' again.
function questionCancel(rl) {
  if (rl[f._questionCallback]) {
    rl[f._questionCallback] = null;
    rl.setPrompt(rl[f._oldPrompt]);
    rl.clearLine();
  }
}

Object.defineProperty(IP, Symbol.for('gojs.readline.questionCancel'), {
  __proto__: null, value: function questionCancelMethod() { questionCancel(this); }, configurable: true, writable: true,
});

const onLineProto = IP[k._onLine] = function _onLine(line) {
  if (this[f._questionCallback]) {
    const cb = this[f._questionCallback];
    this[f._questionCallback] = null;
    this.setPrompt(this[f._oldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

IP[k._writeToOutput] = function _writeToOutput(s) {
  if (typeof s !== 'string') throw new ERR_INVALID_ARG_TYPE('stringToWrite', 'string', s);
  if (this.output !== null && this.output !== undefined) this.output.write(s);
};

IP[k._addHistory] = function _addHistory() {
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

// _refreshLine redraws prompt and line: up to the prompt's row, clear down, write, then put the
// cursor back where it was (rows counted at the output's width).
IP[k._refreshLine] = function _refreshLine() {
  const line = this[f._prompt] + this.line;
  const dispPos = this[k._getDisplayPos](line);
  const cursorPos = this.getCursorPos();
  const prevRows = this.prevRows || 0;
  if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
  cursorTo(this.output, 0);
  clearScreenDown(this.output);
  this[k._writeToOutput](line);
  // an empty last row: make the terminal allocate it
  if (dispPos.cols === 0) this[k._writeToOutput](' ');
  cursorTo(this.output, cursorPos.cols);
  const diff = dispPos.rows - cursorPos.rows;
  if (diff > 0) moveCursor(this.output, 0, -diff);
  this.prevRows = cursorPos.rows;
};

IP.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.terminal) this[k._setRawMode](false);
  this.closed = true;
  // (the interface's own 'close' listener lets go of the input and output)
  this.emit('close');
};

// onSelfClose is an interface's first 'close' listener, as node's: the interface stops
// listening to its input (and a terminal one to its output's 'resize'; node's leaves any other
// output alone: an output need not be an emitter).
function onSelfClose() {
  this.input.removeListener('data', this[f._ondata]);
  this.input.removeListener('end', this[f._onend]);
  this.input.removeListener('error', this[f._onerror]);
  this.input.removeListener('keypress', this[f._onkeypress]);
  if (this.terminal && this.output !== null && this.output !== undefined) {
    this.output.removeListener('resize', this[f._onresize]);
  }
}

IP.pause = function pause() {
  if (this.paused) return;
  if (typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

IP.resume = function resume() {
  if (!this.paused) return;
  if (typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

IP.write = function write(d, key) {
  if (this.paused) this.resume();
  if (this.terminal) this[k._ttyWrite](d, key);
  else this[k._normalWrite](d);
};

IP[k._normalWrite] = function _normalWrite(b) {
  if (b === undefined) return;
  let string = typeof b === 'string' ? b : this[f._decoder].write(b);
  if (this[f._sawReturnAt] && Date.now() - this[f._sawReturnAt] <= this.crlfDelay) {
    if (string.codePointAt(0) === 10) string = string.slice(1);
    this[f._sawReturnAt] = 0;
  }
  const newPartContainsEnding = string.indexOf('\n') !== -1 || string.indexOf('\r') !== -1;
  if (this[f._pendingLine]) {
    string = this[f._pendingLine] + string;
    this[f._pendingLine] = '';
  }
  if (newPartContainsEnding) {
    this[f._sawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const lines = splitLines(string);
    this[f._pendingLine] = lines.pop();
    // (every line of the chunk, even after one closed the interface, as node's; a line that
    // no question takes, with _onLine as it is, is emitted here: one call less per line)
    for (let i = 0; i < lines.length; i++) {
      if (this[k._onLine] === onLineProto && !this[f._questionCallback]) this.emit('line', lines[i]);
      else this[k._onLine](lines[i]);
    }
  } else if (string) {
    this[f._pendingLine] = string;
  }
};

// splitLines is string.split(lineEnding) (\r\n, \n, or \r not before \n). A chunk whose endings
// are all \n, or all \r\n, is split natively; one that mixes them is walked with indexOf (the
// regexp, with its lookahead, ran in the backtracking engine, several times node's time per
// line; the walk's calls cost three times the native split's).
function splitLines(string) {
  if (string.indexOf('\r') === -1) return string.split('\n');
  if (string.indexOf('\r\n') !== -1) {
    const parts = string.split('\r\n');
    const rest = parts.join('');
    if (rest.indexOf('\r') === -1 && rest.indexOf('\n') === -1) return parts;
  }
  const lines = [];
  let start = 0;
  let nextN = string.indexOf('\n');
  let nextR = string.indexOf('\r');
  while (nextN !== -1 || nextR !== -1) {
    const at = nextN === -1 ? nextR : nextR === -1 ? nextN : Math.min(nextN, nextR);
    lines.push(string.slice(start, at));
    start = string.charCodeAt(at) === 13 && string.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    if (nextN !== -1 && nextN < start) nextN = string.indexOf('\n', start);
    if (nextR !== -1 && nextR < start) nextR = string.indexOf('\r', start);
  }
  lines.push(string.slice(start));
  return lines;
}

// ---- line editing (terminal mode) ------------------------------------------------------------

// The UTF-16 length of the character before / at index i (2 for a surrogate pair).
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) return 2;
  return 1;
}

function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

function reverseString(s) { return Array.from(s).reverse().join(''); }

// The printed width of one character: 0 for combining and control characters, 2 for East Asian
// wide and fullwidth ones, else 1.
function charWidth(ch) {
  const w = require('internal/util/inspect').getStringWidth;
  return w(ch, false);
}

const kMaxUndoRedo = 2048;
const kMaxKillRing = 32;

IP[k._beforeEdit] = function _beforeEdit() {
  const st = this;
  if (st[kUndoStack].push({ text: this.line, cursor: this.cursor }) > kMaxUndoRedo) st[kUndoStack].shift();
};

// undo and redo move the line between the two stacks, each saving the current one on the other
function stepEdit(rl, from, to) {
  if (from.length === 0) return;
  to.push({ text: rl.line, cursor: rl.cursor });
  const entry = from.pop();
  rl.line = entry.text;
  rl.cursor = entry.cursor;
  rl[k._refreshLine]();
}

IP[k._undo] = function _undo() {
  const st = this;
  stepEdit(this, st[kUndoStack], st[kRedoStack]);
};

IP[k._redo] = function _redo() {
  const st = this;
  stepEdit(this, st[kRedoStack], st[kUndoStack]);
};

IP[k._pushToKillRing] = function _pushToKillRing(del) {
  const st = this;
  if (!del || del === st[kKillRing][0]) return;
  st[kKillRing].unshift(del);
  st[kKillRingCursor] = 0;
  while (st[kKillRing].length > kMaxKillRing) st[kKillRing].pop();
};

IP[k._yank] = function _yank() {
  const st = this;
  if (st[kKillRing].length > 0) {
    st[kYanking] = true;
    this[k._insertString](st[kKillRing][st[kKillRingCursor]]);
  }
};

// meta-y right after a yank swaps the yanked text for the kill ring's next entry
IP[k._yankPop] = function _yankPop() {
  const st = this;
  if (!st[kYanking] || st[kKillRing].length < 2) return;
  const last = st[kKillRing][st[kKillRingCursor]];
  st[kKillRingCursor] = (st[kKillRingCursor] + 1) % st[kKillRing].length;
  const next = st[kKillRing][st[kKillRingCursor]];
  const head = this.line.slice(0, this.cursor - last.length);
  const tail = this.line.slice(this.cursor);
  this.line = head + next + tail;
  this.cursor = head.length + next.length;
  this[k._refreshLine]();
};

IP[k._insertString] = function _insertString(c) {
  this[k._beforeEdit]();
  if (!this.isCompletionEnabled) {
    // node 20's paste path: a character of a chunk that is not its last goes to the end of the
    // line, written as it is, wherever the cursor is
    this.line += c;
    this.cursor += c.length;
    this[k._writeToOutput](c);
    return;
  }
  if (this.cursor < this.line.length) {
    this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
    this.cursor += c.length;
    this[k._refreshLine]();
  } else {
    const oldPos = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    const newPos = this.getCursorPos();
    // on the same row, the new text is only written; a new row redraws
    if (oldPos.rows < newPos.rows) this[k._refreshLine]();
    else this[k._writeToOutput](c);
  }
};

IP[k._moveCursor] = function _moveCursor(dx) {
  if (dx === 0) return;
  const oldPos = this.getCursorPos();
  this.cursor += dx;
  if (this.cursor < 0) this.cursor = 0;
  else if (this.cursor > this.line.length) this.cursor = this.line.length;
  const newPos = this.getCursorPos();
  if (oldPos.rows === newPos.rows) moveCursor(this.output, newPos.cols - oldPos.cols, 0);
  else this[k._refreshLine]();
};

IP[k._deleteLeft] = function _deleteLeft() {
  if (this.cursor > 0 && this.line.length > 0) {
    this[k._beforeEdit]();
    const n = charLengthLeft(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    this.cursor -= n;
    this[k._refreshLine]();
  }
};

IP[k._deleteRight] = function _deleteRight() {
  if (this.cursor < this.line.length) {
    this[k._beforeEdit]();
    const n = charLengthAt(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
    this[k._refreshLine]();
  }
};

// Word motions and deletions: a word is a run of \w or of other non-space characters, with the
// spaces next to it (before it going left, after it going right).
IP[k._wordLeft] = function _wordLeft() {
  if (this.cursor > 0) {
    const m = /^\s*(?:[^\w\s]+|\w+)?/.exec(reverseString(this.line.slice(0, this.cursor)));
    this[k._moveCursor](-m[0].length);
  }
};

IP[k._wordRight] = function _wordRight() {
  if (this.cursor < this.line.length) {
    const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor));
    this[k._moveCursor](m[0].length);
  }
};

IP[k._deleteWordLeft] = function _deleteWordLeft() {
  if (this.cursor > 0) {
    this[k._beforeEdit]();
    let leading = this.line.slice(0, this.cursor);
    const m = /^\s*(?:[^\w\s]+|\w+)?/.exec(reverseString(leading));
    leading = leading.slice(0, leading.length - m[0].length);
    this.line = leading + this.line.slice(this.cursor);
    this.cursor = leading.length;
    this[k._refreshLine]();
  }
};

IP[k._deleteWordRight] = function _deleteWordRight() {
  if (this.cursor < this.line.length) {
    this[k._beforeEdit]();
    const trailing = this.line.slice(this.cursor);
    const m = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
    this.line = this.line.slice(0, this.cursor) + trailing.slice(m[0].length);
    this[k._refreshLine]();
  }
};

IP[k._deleteLineLeft] = function _deleteLineLeft() {
  this[k._beforeEdit]();
  const del = this.line.slice(0, this.cursor);
  this.line = this.line.slice(this.cursor);
  this.cursor = 0;
  this[k._pushToKillRing](del);
  this[k._refreshLine]();
};

IP[k._deleteLineRight] = function _deleteLineRight() {
  this[k._beforeEdit]();
  const del = this.line.slice(this.cursor);
  this.line = this.line.slice(0, this.cursor);
  this[k._pushToKillRing](del);
  this[k._refreshLine]();
};

// History moves skip entries equal to the line and, after up/down were pressed on a partly typed
// line, entries that do not start with what was typed.
IP[k._historyNext] = function _historyNext() {
  if (this.historyIndex >= 0) {
    this[k._beforeEdit]();
    const search = this[f._substringSearch] || '';
    let index = this.historyIndex - 1;
    while (index >= 0 && (!this.history[index].startsWith(search) || this.line === this.history[index])) index--;
    this.line = index === -1 ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[k._refreshLine]();
  }
};

IP[k._historyPrev] = function _historyPrev() {
  if (this.historyIndex < this.history.length && this.history.length) {
    this[k._beforeEdit]();
    const search = this[f._substringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < this.history.length && (!this.history[index].startsWith(search) || this.line === this.history[index])) index++;
    this.line = index === this.history.length ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[k._refreshLine]();
  }
};

IP.clearLine = function clearLine() {
  this[k._moveCursor](+Infinity);
  this[k._writeToOutput]('\r\n');
  this.line = '';
  this.cursor = 0;
  this.prevRows = 0;
};

IP[k._line] = function _line() {
  const line = this[k._addHistory]();
  {
    this[kUndoStack] = [];
    this[kRedoStack] = [];
  }
  this.clearLine();
  this[k._onLine](line);
};

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  for (let i = 0; i < min.length; i++) {
    if (min[i] !== max[i]) return min.slice(0, i);
  }
  return min;
}

// _tabComplete asks the completer; a longer common prefix of the completions is inserted, and a
// second tab in a row lists them in columns fitting the output's width.
IP[k._tabComplete] = function _tabComplete(lastKeypressWasTab) {
  this.pause();
  const string = this.line.slice(0, this.cursor);
  const done = (err, value) => {
    this.resume();
    if (err) {
      this[k._writeToOutput](`Tab completion error: ${require('util').inspect(err)}`);
      return;
    }
    const completions = value[0];
    const completeOn = value[1];
    if (!completions || completions.length === 0) return;
    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this[k._insertString](prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this[k._refreshLine]();
      return;
    }
    if (!lastKeypressWasTab) return;
    const widths = completions.map((e) => require('internal/util/inspect').getStringWidth(e));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let output = '\r\n';
    let lineIndex = 0;
    let whitespace = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || lineIndex === maxColumns) {
        output += '\r\n';
        lineIndex = 0;
        whitespace = 0;
      } else {
        output += ' '.repeat(whitespace);
      }
      if (completion !== '') {
        output += completion;
        whitespace = width - widths[i];
        lineIndex++;
      } else {
        output += '\r\n';
      }
    }
    if (lineIndex !== 0) output += '\r\n\r\n';
    this[k._writeToOutput](output);
    this[k._refreshLine]();
  };
  this.completer(string, done);
};

IP[k._ttyWrite] = function _ttyWrite(s, key) {
  const previousKey = this[f._previousKey];
  key = key || {};
  this[f._previousKey] = key;
  // any key but meta-y ends a yank (meta-y after it rotates the kill ring)
  if (!key.meta || key.name !== 'y') this[kYanking] = false;
  // up/down on a partly typed line search the history for lines starting with it
  if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
    if (this[f._substringSearch] === null || this[f._substringSearch] === undefined) {
      this[f._substringSearch] = this.line.slice(0, this.cursor);
    }
  } else if (this[f._substringSearch] !== null && this[f._substringSearch] !== undefined) {
    this[f._substringSearch] = null;
    if (this.history.length === this.historyIndex) this.historyIndex = -1;
  }
  // ctrl-_ undoes, ctrl-^ redoes (by the key's sequence, as node reads them)
  if (typeof key.sequence === 'string') {
    const c = key.sequence.codePointAt(0);
    if (c === 0x1f) { this[k._undo](); return; }
    if (c === 0x1e) { this[k._redo](); return; }
  }
  if (key.name === 'escape') return;

  if (key.ctrl && key.shift) {
    switch (key.name) {
      case 'backspace': this[k._deleteLineLeft](); break;
      case 'delete': this[k._deleteLineRight](); break;
    }
  } else if (key.ctrl) {
    switch (key.name) {
      case 'c':
        if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
        else this.close();
        break;
      case 'h': this[k._deleteLeft](); break;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) this.close();
        else if (this.cursor < this.line.length) this[k._deleteRight]();
        break;
      case 'u': this[k._deleteLineLeft](); break;
      case 'k': this[k._deleteLineRight](); break;
      case 'a': this[k._moveCursor](-Infinity); break;
      case 'e': this[k._moveCursor](+Infinity); break;
      case 'b': this[k._moveCursor](-charLengthLeft(this.line, this.cursor)); break;
      case 'f': this[k._moveCursor](+charLengthAt(this.line, this.cursor)); break;
      case 'l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this[k._refreshLine]();
        break;
      case 'n': this[k._historyNext](); break;
      case 'p': this[k._historyPrev](); break;
      case 'y': this[k._yank](); break;
      case 'z':
        if (process.platform === 'win32') break;
        if (this.listenerCount('SIGTSTP') > 0) {
          this.emit('SIGTSTP');
        } else {
          process.once('SIGCONT', () => {
            if (!this.paused) {
              this.pause();
              this.emit('SIGCONT');
            }
            this[k._setRawMode](true);
            this[k._refreshLine]();
          });
          this[k._setRawMode](false);
          process.kill(process.pid, 'SIGTSTP');
        }
        break;
      case 'w':
      case 'backspace': this[k._deleteWordLeft](); break;
      case 'delete': this[k._deleteWordRight](); break;
      case 'left': this[k._wordLeft](); break;
      case 'right': this[k._wordRight](); break;
    }
  } else if (key.meta) {
    switch (key.name) {
      case 'b': this[k._wordLeft](); break;
      case 'f': this[k._wordRight](); break;
      case 'd':
      case 'delete': this[k._deleteWordRight](); break;
      case 'backspace': this[k._deleteWordLeft](); break;
      case 'y': this[k._yankPop](); break;
    }
  } else {
    // \r bookkeeping matters only when a \n follows
    if (this[f._sawReturnAt] && key.name !== 'enter') this[f._sawReturnAt] = 0;
    switch (key.name) {
      case 'return':
        this[f._sawReturnAt] = Date.now();
        this[k._line]();
        break;
      case 'enter':
        if (this[f._sawReturnAt] === 0 || Date.now() - this[f._sawReturnAt] > this.crlfDelay) this[k._line]();
        this[f._sawReturnAt] = 0;
        break;
      case 'backspace': this[k._deleteLeft](); break;
      case 'delete': this[k._deleteRight](); break;
      case 'left': this[k._moveCursor](-charLengthLeft(this.line, this.cursor)); break;
      case 'right': this[k._moveCursor](+charLengthAt(this.line, this.cursor)); break;
      case 'home': this[k._moveCursor](-Infinity); break;
      case 'end': this[k._moveCursor](+Infinity); break;
      case 'up': this[k._historyPrev](); break;
      case 'down': this[k._historyNext](); break;
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          this[k._tabComplete](previousKey != null && previousKey.name === 'tab');
          break;
        }
        // falls through
      default:
        if (typeof s === 'string' && s) {
          lineEnding.lastIndex = 0;
          let m;
          let lastIndex = 0;
          while ((m = lineEnding.exec(s)) !== null) {
            this[k._insertString](s.slice(lastIndex, m.index));
            lastIndex = lineEnding.lastIndex;
            this[k._line]();
            lineEnding.lastIndex = lastIndex;
          }
          this[k._insertString](s.slice(lastIndex));
        }
    }
  }
};

IP[k._getDisplayPos] = function _getDisplayPos(str) {
  let offset = 0;
  const col = this.columns;
  let rows = 0;
  str = require('util').stripVTControlCharacters(str);
  for (const ch of str) {
    if (ch === '\n') {
      rows += Math.ceil(offset / col) || 1;
      offset = 0;
      continue;
    }
    if (ch === '\t') {
      offset += this.tabSize - (offset % this.tabSize);
      continue;
    }
    const width = charWidth(ch);
    if (width === 0 || width === 1) {
      offset += width;
    } else {
      if ((offset + 1) % col === 0) offset++;
      offset += 2;
    }
  }
  const cols = offset % col;
  rows += (offset - cols) / col;
  return { cols, rows };
};

IP.getCursorPos = function getCursorPos() {
  return this[k._getDisplayPos](this[f._prompt] + this.line.slice(0, this.cursor));
};
// the legacy names: each the class's method (named as a symbol-keyed method is), which the
// class reaches through a getter of its symbol, and _getCursorPos, the name getCursorPos had
// before it was public (inquirer's screen manager calls it)
for (const name of kLegacyMethods) {
  Object.defineProperty(IP[k[name]], 'name', { __proto__: null, value: `[${name}]` });
  Interface.prototype[name] = IP[k[name]];
  Object.defineProperty(Interface.prototype, k[name], {
    __proto__: null, configurable: true, get() { return this[name]; },
  });
}
for (const name of Object.keys(k).slice(22)) {
  Object.defineProperty(IP[k[name]], 'name', { __proto__: null, value: `[${name}]` });
}
Interface.prototype._getCursorPos = IP.getCursorPos;
// and the state's old names, as node's accessors (not enumerable, not configurable)
for (const [name, key] of [['_decoder', f._decoder], ['_line_buffer', f._pendingLine],
  ['_oldPrompt', f._oldPrompt], ['_previousKey', f._previousKey], ['_prompt', f._prompt],
  ['_questionCallback', f._questionCallback], ['_sawKeyPress', f._sawKeyPress],
  ['_sawReturnAt', f._sawReturnAt]]) {
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    get() { return this[key]; },
    set(value) { this[key] = value; },
  });
}

const kWatermarkData = Symbol.for('nodejs.watermarkData');
IP[Symbol.asyncIterator] = function () {
  const { on } = require('events');
  if (this[f._lineIterator] === undefined) {
    // as node's: the events' first argument, the line, is the value (no promise per line to
    // unwrap it), and more than 1024 lines waiting pause the input until they are taken
    const it = on(this, 'line', { close: ['close'], highWaterMark: 1024, [Symbol.for('nodejs.kFirstEventParam')]: true });
    this[f._lineIterator] = {
      next: it.next.bind(it),
      // (ending the iteration, a break, stops listening for lines: it does not close the
      // interface, whose input keeps flowing, as node 20's)
      return: it.return.bind(it),
      throw: it.throw.bind(it),
      [Symbol.asyncIterator]() { return this; },
      [kWatermarkData]: it[kWatermarkData],
    };
  }
  return this[f._lineIterator];
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

// The class's methods are not enumerable; the legacy names node assigns to readline's Interface
// are, in this order.
for (const key of Reflect.ownKeys(IP)) {
  if (key !== 'constructor') Object.defineProperty(IP, key, { __proto__: null, enumerable: false });
}
{
  const legacy = ['question', '_setRawMode', '_onLine', '_writeToOutput', '_addHistory', '_refreshLine',
    '_normalWrite', '_insertString', '_tabComplete', '_wordLeft', '_wordRight', '_deleteLeft',
    '_deleteRight', '_deleteWordLeft', '_deleteWordRight', '_deleteLineLeft', '_deleteLineRight', '_line',
    '_historyNext', '_historyPrev', '_getDisplayPos', '_getCursorPos', '_moveCursor', '_ttyWrite'];
  const proto = Interface.prototype;
  for (const name of legacy) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    delete proto[name];
    Object.defineProperty(proto, name, { __proto__: null, ...desc, enumerable: true });
  }
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};
// (the REPL's reverse search resets the interface's substring search, kept under this symbol)
Object.defineProperty(module.exports, Symbol.for('gojs.readline.kSubstringSearch'), { __proto__: null, value: f._substringSearch });
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true, enumerable: true,
  get() { return require('readline/promises'); },
});
