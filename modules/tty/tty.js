'use strict';
// tty: isatty, ReadStream and WriteStream (net.Sockets over a TTY handle: raw mode, window size,
// color depth and cursor helpers).
const { codes, E, makeNodeError, makeSystemError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

if (!codes.ERR_INVALID_FD) E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
const { ERR_INVALID_FD } = codes;

// the runtime's stdio facts (whether each is a terminal, its width), from the process glue
let stdioFacts;
function stdioInfo() {
  return stdioFacts || (stdioFacts = internalBinding('internal/process_private').stdioInfo || {});
}

function stdioTTY(fd) {
  const info = stdioInfo();
  return fd === 0 ? !!info.stdinIsTTY : fd === 1 ? !!info.stdoutIsTTY : !!info.stderrIsTTY;
}

function isatty(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) return false;
  if (fd <= 2) return stdioTTY(fd);
  return binding.isTerminal(fd);
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
}

// ttyInitFailed is node's SystemError [ERR_TTY_INIT_FAILED] (errno and syscall read its info).
function ttyInitFailed() {
  return makeSystemError('ERR_TTY_INIT_FAILED', 'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)',
    { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' });
}

// ---- the TTY handle -----------------------------------------------------------------------------

const UV_EOF = -4095;

// TTY is the handle a tty stream (a net.Socket) reads and writes its terminal through, as
// node's: libuv's stream calls over the binding. Writes are synchronous (node sets its terminals
// blocking): a write is done when writeBuffer returns 0, or failed (its negative errno).
// internal/stdio gives process.stdin/stdout/stderr the runtime's own handle object to make one
// of (kStdioHandle), listed among the active handles as node's are.
function TTY(fd, base) {
  let h = this;
  let listing = null;
  if (base !== undefined) {
    // (its own ref, unref and close keep the listing right: they run with the TTY's)
    listing = { ref: base.ref, unref: base.unref, close: base.close };
    for (const k of ['ref', 'unref', 'hasRef', 'close']) delete base[k];
    h = Object.setPrototypeOf(base, TTY.prototype);
  }
  hide(h, kListing, listing);
  hide(h, kTTYFd, fd);
  hide(h, kReader, null);
  hide(h, kRefed, true);
  hide(h, kShut, false);
  return h;
}
const kTTYFd = Symbol('fd');
const kReader = Symbol('reader');
const kRefed = Symbol('refed');
const kShut = Symbol('shut');
const kListing = Symbol('listing');
function hide(o, k, value) {
  Object.defineProperty(o, k, { __proto__: null, value, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(TTY.prototype, 'fd', { __proto__: null, get() { return this[kTTYFd]; }, configurable: true });
TTY.prototype.writeBuffer = function writeBuffer(buf) {
  if (this[kShut]) return -32;
  return binding.write(this[kTTYFd], buf);
};
TTY.prototype.readStart = function readStart() {
  if (this[kReader] === null) {
    const reader = binding.startRead(this[kTTYFd], (chunk) => {
      if (chunk === null) {
        this.onread(UV_EOF);
        return;
      }
      const buf = Buffer.from(chunk);
      this.onread(buf, buf.length);
    });
    if (reader === undefined) return -9; // EBADF
    this[kReader] = reader;
  }
  if (this[kRefed]) this[kReader].ref();
  return 0;
};
// (the reader goes on reading what the terminal sends; stopped, it keeps nothing alive and the
// stream buffers what comes)
TTY.prototype.readStop = function readStop() {
  if (this[kReader] !== null) this[kReader].unref();
  return 0;
};
TTY.prototype.shutdown = function shutdown(cb) {
  this[kShut] = true;
  setImmediate(() => cb(0));
  return 0;
};
TTY.prototype.close = function close(cb) {
  if (this[kReader] !== null) {
    this[kReader].close();
    this[kReader] = null;
  }
  if (this[kListing] !== null) this[kListing].close.call(this, cb);
  else if (typeof cb === 'function') setImmediate(cb);
};
TTY.prototype.ref = function ref() {
  this[kRefed] = true;
  if (this[kReader] !== null && this.reading) this[kReader].ref();
  if (this[kListing] !== null) this[kListing].ref.call(this);
};
TTY.prototype.unref = function unref() {
  this[kRefed] = false;
  if (this[kReader] !== null) this[kReader].unref();
  if (this[kListing] !== null) this[kListing].unref.call(this);
};
TTY.prototype.hasRef = function hasRef() { return this[kRefed]; };
TTY.prototype.setBlocking = function setBlocking() { return 0; };
TTY.prototype.setRawMode = function setRawMode(flag) { return binding.setRawMode(this[kTTYFd], flag); };
TTY.prototype.getWindowSize = function getWindowSize(out) {
  const ws = binding.windowSize(this[kTTYFd]);
  if (ws) {
    out[0] = ws[0];
    out[1] = ws[1];
    return 0;
  }
  return -25; // ENOTTY
};
TTY.prototype.getsockname = function getsockname() { return undefined; };
TTY.prototype.getpeername = function getpeername() { return undefined; };

const kStdioHandle = Symbol.for('gojs.tty.stdioHandle');

// newTTY is fd's TTY handle, null when a TTY cannot be made of it (node's uv_tty_init takes no
// regular file).
function newTTY(fd, options) {
  if (!isatty(fd) && !binding.ttyInitOK(fd)) return null;
  return new TTY(fd, options != null ? options[kStdioHandle] : undefined);
}

// ---- ReadStream ---------------------------------------------------------------------------------

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  const handle = newTTY(fd, options);
  if (handle === null) throw ttyInitFailed();
  net().Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true, ...options });
  this.isRaw = false;
  this.isTTY = true;
}
// The streams are net.Sockets, as node's; net loads with the first stream (tty.isatty alone,
// what most users of tty call, does not load it): until then the classes inherit from stand-ins
// that load it on the first lookup reaching them.
let netMod;
function net() { return netMod || (netMod = require('net')); }
{
  const lazyProto = internalBinding('internal/lazy_proto');
  const EventEmitter = require('events');
  // (net's own base, Duplex, is a stand-in of its own until stream loads: a class check against
  // a stream class, once stream is loaded, does not load net)
  const duplexProto = lazyProto.standIn('stream', EventEmitter.prototype, false);
  const duplexCtor = lazyProto.standIn('stream', EventEmitter, true);
  lazyProto.whenLoaded('stream', () => {
    const { Duplex } = require('stream');
    Object.setPrototypeOf(duplexProto, Duplex.prototype);
    Object.setPrototypeOf(duplexCtor, Duplex);
  });
  lazyProto.extendWhenLoaded('net', [ReadStream, WriteStream], duplexProto, duplexCtor, () => net().Socket);
}

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const errno = this._handle ? this._handle.setRawMode(flag) : '';
  if (errno) {
    const err = new Error(`setRawMode ${errno}`);
    err.code = errno;
    err.syscall = 'setRawMode';
    this.emit('error', err);
    return this;
  }
  this.isRaw = flag;
  return this;
};

// ---- WriteStream --------------------------------------------------------------------------------

// (one parameter, as node's: process.stdout's own handle comes as a second argument)
function WriteStream(fd) {
  const options = arguments[1];
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  const handle = newTTY(fd, options);
  if (handle === null) throw ttyInitFailed();
  net().Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true });
  const size = [0, 0];
  if (handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  } else if (fd <= 2 && stdioTTY(fd)) {
    // (a runtime's stdio marked a terminal that is none: the size its options give)
    const info = stdioInfo();
    this.columns = info.columns || 80;
    this.rows = 24;
  }
}

WriteStream.prototype.isTTY = true;

WriteStream.prototype._refreshSize = function _refreshSize() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = this.getWindowSize();
  this.columns = size[0];
  this.rows = size[1];
  if (oldCols !== this.columns || oldRows !== this.rows) this.emit('resize');
};

WriteStream.prototype.getWindowSize = function getWindowSize() {
  const ws = binding.windowSize(this.fd);
  if (ws) return ws;
  const info = stdioInfo();
  return [info.columns || 80, 24];
};

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

const TERM_ENVS = {
  'eterm': COLORS_16,
  'cons25': COLORS_16,
  'console': COLORS_16,
  'cygwin': COLORS_16,
  'dtterm': COLORS_16,
  'gnome': COLORS_16,
  'hurd': COLORS_16,
  'jfbterm': COLORS_16,
  'konsole': COLORS_16,
  'kterm': COLORS_16,
  'mlterm': COLORS_16,
  'mosh': COLORS_16m,
  'putty': COLORS_16,
  'st': COLORS_16,
  'rxvt-unicode-24bit': COLORS_16m,
  'terminator': COLORS_16m,
};
const TERM_ENVS_REG_EXP = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];

let warned = false;
function warnOnDeactivatedColors(env) {
  if (warned) return;
  let name = '';
  if (env.NODE_DISABLE_COLORS !== undefined) name = 'NODE_DISABLE_COLORS';
  if (env.NO_COLOR !== undefined) {
    if (name !== '') name += "' and '";
    name += 'NO_COLOR';
  }
  if (name !== '') {
    process.emitWarning(`The '${name}' env is ignored due to the 'FORCE_COLOR' env being set.`, 'Warning');
    warned = true;
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        warnOnDeactivatedColors(env);
        return COLORS_16;
      case '2':
        warnOnDeactivatedColors(env);
        return COLORS_256;
      case '3':
        warnOnDeactivatedColors(env);
        return COLORS_16m;
      default:
        return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return COLORS_2;
  if (env.TMUX) return COLORS_256;
  if (env.CI) {
    if (['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'].some((s) => s in env) ||
        env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const termEnv = env.TERM.toLowerCase();
    if (TERM_ENVS[termEnv]) return TERM_ENVS[termEnv];
    if (TERM_ENVS_REG_EXP.some((re) => re.test(termEnv))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}
WriteStream.prototype.getColorDepth = getColorDepth;

WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    require('internal/validators').validateInteger(count, 'count', 2);
  }
  // (node's own function, not the receiver's: a subclass's getColorDepth does not change it)
  return count <= 2 ** getColorDepth(env);
};

function rl() { return require('readline'); }
WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) { return rl().cursorTo(this, x, y, cb); };
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) { return rl().moveCursor(this, dx, dy, cb); };
WriteStream.prototype.clearLine = function clearLine(dir, cb) { return rl().clearLine(this, dir, cb); };
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) { return rl().clearScreenDown(this, cb); };

module.exports = { isatty, ReadStream, WriteStream };
