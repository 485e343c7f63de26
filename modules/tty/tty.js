'use strict';
// tty: isatty, ReadStream (a Readable over a terminal fd with raw mode) and WriteStream (a
// Writable with window size, color depth and cursor helpers).
const { Readable, Writable } = require('stream');
const { codes, E, makeNodeError, makeSystemError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

if (!codes.ERR_INVALID_FD) E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
const { ERR_INVALID_FD } = codes;

function stdioTTY(fd) {
  const info = process._stdioInfo || {};
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

// ---- ReadStream ---------------------------------------------------------------------------------

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  if (!isatty(fd) && !binding.ttyInitOK(fd)) throw ttyInitFailed();
  Readable.call(this, { highWaterMark: 0, ...options });
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
  this._ttyHandle = null;
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

ReadStream.prototype._read = function _read() {
  if (this._ttyHandle) return;
  this._ttyHandle = binding.startRead(this.fd, (chunk) => {
    if (chunk === null) { this.push(null); return; }
    this.push(typeof Buffer === 'function' ? Buffer.from(chunk) : new Uint8Array(chunk));
  });
};

ReadStream.prototype._destroy = function _destroy(err, cb) {
  if (this.isRaw) this.setRawMode(false);
  if (this._ttyHandle) this._ttyHandle.close();
  cb(err);
};

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const errno = binding.setRawMode(this.fd, flag);
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

ReadStream.prototype.ref = function ref() { if (this._ttyHandle) this._ttyHandle.ref(); return this; };
ReadStream.prototype.unref = function unref() { if (this._ttyHandle) this._ttyHandle.unref(); return this; };

// ---- WriteStream --------------------------------------------------------------------------------

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  // (node's TTY handle: uv_tty_init takes no regular file)
  if (!isatty(fd) && !binding.ttyInitOK(fd)) throw ttyInitFailed();
  Writable.call(this, { decodeStrings: false });
  this.fd = fd;
  this._type = 'tty';
  this.isTTY = true;
  const size = this.getWindowSize();
  this.columns = size[0];
  this.rows = size[1];
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

WriteStream.prototype._write = function _write(chunk, encoding, cb) {
  if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' && typeof Buffer === 'function') {
    chunk = Buffer.from(chunk, encoding);
  }
  try { binding.write(this.fd, chunk); } catch (e) { cb(e); return; }
  cb();
};

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
  const info = process._stdioInfo || {};
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
