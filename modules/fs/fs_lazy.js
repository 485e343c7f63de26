'use strict';
// Node's fs module, shaped over the Go binding (see fs.go for the request convention).

const kUsePromises = binding.kUsePromises;
// util.promisify resolves read/write/readv/writev with an object of these named callback values
// (the key util.js reads).
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');

// ---- node's places of a sync call's system error ------------------------------------------
// An uncaught system error of a sync call prints the excerpt of node's binding call in node's
// fs.js, and its stack begins with node's frames there, not ours (node 20.20's lines). The
// tables of node's places (fs_sites.js) are a part, made when such an error's stack is first
// read or at the first bad argument: a runtime that reads no such stack never builds them.
let siteTables;
function sites() {
  return siteTables || (siteTables = binding.part('sites')({}));
}
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
function hasArrow(err) { return require('internal/errors').arrowMessage(err) !== undefined; }

// atNodeSite gives err, a system error thrown through fn, node's place (nodeSyncSites[key]); any
// other error is left as it is. It returns err, to be thrown again. The stack is rewritten when
// it is first read, as it is formed: most such errors are caught and dropped unread (an
// existence check's), and forming the stack cost ten times node's whole throw.
// The keys of sites().sync (fs_sites.js; TestGluePartsNames checks that they agree): an error
// whose stack is never read does not make the tables.
const kSyncSiteKeys = '|accessSync|chmodSync|copyFileSync|lstatSync|mkdirSync|openSync|readdirSync|' +
  'readdirSync:recursive|readdir:recursive|readlinkSync|renameSync|rmdirSync|statSync|symlinkSync|' +
  'unlinkSync|readFileSync:utf8|readFileSync:open|readFileSync:read|readFileSync:read:sized|readFileSync:fstat|' +
  'writeFileSync:utf8|writeFileSync:fd|truncateSync:fd|writeFileSync:open|appendFileSync|utimesSync|' +
  'lutimesSync|futimesSync|chownSync|lchownSync|linkSync|mkdtempSync|fstatSync|closeSync|fsyncSync|' +
  'fdatasyncSync|fchownSync|ftruncateSync|fchmodSync|readvSync|writevSync|readSync|statfsSync|' +
  'truncateSync|realpathSync.native|rmdirSync:recursive|realpathSync:lstat|rmSync|opendirSync|' +
  'writeSync|watch|';
function atNodeSite(err, fn, key = fn) {
  if (err === null || typeof err !== 'object' || typeof err.syscall !== 'string' || typeof err.errno !== 'number' ||
      !kSyncSiteKeys.includes(`|${key}|`)) {
    return err;
  }
  try {
    // (the stack not formed yet: formed when read)
    if (require('internal/errors').formStackOnRead(err, (stack) => nodeSiteStack(err, stack, fn, sites().sync[key]))) {
      return err;
    }
    const stack = err.stack;
    const out = nodeSiteStack(err, stack, fn, sites().sync[key]);
    if (out !== stack) err.stack = out;
  } catch {
    // a frozen error keeps its stack
  }
  return err;
}

// nodeSiteStack returns stack, err's, with node's frames of site in place of the glue's frame of
// fn, and gives err node's excerpt; a stack without that frame is returned as it is.
function nodeSiteStack(err, stack, fn, site) {
  if (typeof stack !== 'string') return stack;
  // (a dotted name is a function's own frame, not a method of fs: realpathSync.native)
  const i = stack.indexOf(fn.includes('.') ? `\n    at ${fn} (node:fs:` : `\n    at Object.${fn} (node:fs:`);
  if (i === -1) return stack;
  const j = stack.indexOf('\n', i + 1);
  let frames = '';
  for (let k = 3; k < site.length; k++) {
    const where = typeof site[k][1] === 'string' ? site[k][1] : `fs:${site[k][1]}:${site[k][2]}`;
    frames += `\n    at ${site[k][0]} (node:${where})`;
  }
  let head = stack.slice(0, i);
  // the frame of gojs's own helper above writeSync's is none of node's
  head = head.replace(/\n    at (?:writeStringBinding|openSync|watchError|ftruncateSync) \(node:fs:\d+:\d+\)$/, '');
  let out = head + frames + (j === -1 ? '' : stack.slice(j));
  const limit = Error.stackTraceLimit;
  if (site.length > 4 && typeof limit === 'number') {
    // (the frames taken for one of ours must not push the stack past the limit)
    const lines = out.split('\n');
    const first = lines.findIndex((l) => l.startsWith('    at '));
    if (first !== -1 && lines.length - first > limit) out = lines.slice(0, first + limit).join('\n');
  }
  if (site[2] !== null && !hasArrow(err)) {
    try {
      putArrow(err, `node:${typeof site[0] === 'string' ? site[0] : `fs:${site[0]}`}\n${site[2]}\n${' '.repeat(site[1] - 1)}^\n`);
    } catch {
      // (a frozen error has none)
    }
  }
  return out;
}

// ---- node's places of a path argument's check ---------------------------------------------
const glueFrameLine = /^    at (.+) \(node:fs:\d+:\d+\)$/;

// atFlagsSite gives err, stringToFlags' error, node's frames (nodeFlagsSites) and excerpt (its
// throw in internal/fs/utils); it returns err.
function atFlagsSite(err, variant) {
  atCheckFrames(err, 'flags', variant ? `|${variant}` : '');
  try {
    if (err.code === 'ERR_OUT_OF_RANGE') {
      // (a number that is no int32: node's validateInt32 at the function's top, its error
      // rethrown as the validators' are)
      const stack = err.stack;
      if (typeof stack === 'string') err.stack = stack.replace('(node:internal/fs/utils:597:9)', '(node:internal/fs/utils:560:5)');
      return err;
    }
    putArrow(err, "node:internal/fs/utils:597\n  throw new ERR_INVALID_ARG_VALUE('flags', flags);\n  ^\n");
  } catch {
    // a frozen error
  }
  return err;
}

// atFdSite gives err, a bad fd's error, node's frames of its check (nodeFdSites) and, for a
// check in node's binding, the excerpt of the binding's call (nodeFdExcerpts); it returns err.
function atFdSite(err) {
  return atBindingSite(err, 'fd', '');
}

// atModeSite gives err, a bad mode's error, node's frames of its check (nodeModeSites; for
// fs.promises', promises true, fs_promises.js gives them) and, for a check in node's binding,
// the binding call's excerpt. An octal string's error has neither frames nor a glue excerpt:
// node's parseFileMode throws it with none, of its HideStackFramesError class. It returns err.
function atModeSite(err, octal, promises) {
  if (!octal) return promises ? err : atBindingSite(err, 'mode', '');
  try {
    const errors = require('internal/errors');
    const Hidden = errors.codes.ERR_INVALID_ARG_VALUE.HideStackFramesError;
    if (Hidden && Object.getPrototypeOf(err) === Object.getPrototypeOf(Hidden.prototype)) {
      Object.setPrototypeOf(err, Hidden.prototype);
    }
    if (errors.userPrepareStackTrace(Error.prepareStackTrace)) return err;
    const stack = err.stack;
    const at = typeof stack === 'string' ? stack.indexOf('\n    at ') : -1;
    if (at !== -1) err.stack = stack.slice(0, at);
    putArrow(err, 'node:internal/validators:74\n      throw new ERR_INVALID_ARG_VALUE(name, value, modeDesc);\n      ^\n');
  } catch {
    // a frozen error
  }
  return err;
}

function atBindingSite(err, which, suffix) {
  atCheckFrames(err, which, suffix);
  try {
    const m = /\n    at [^\n]* \(node:(fs:\d+):(\d+)\)/.exec(err.stack);
    const line = m === null ? undefined : sites().excerpts[m[1]];
    if (line !== undefined && !hasArrow(err)) {
      putArrow(err, `node:${m[1]}\n${line}\n${' '.repeat(m[2] - 1)}^\n`);
    }
  } catch {
    // a frozen error
  }
  return err;
}

// optionsAt is getOptions, its error given node's frames of the check (nodeOptionsSites: in
// internal/fs/utils, under the function called)
function optionsAt(options, defaults) {
  try {
    return getOptions(options, defaults);
  } catch (err) {
    throw atOptionsSite(err);
  }
}

// atOptionsSite gives err, getOptions' error, node's frames and its uncaught excerpt (the throw
// in internal/fs/utils); it returns err.
function atOptionsSite(err) {
  if (err === null || typeof err !== 'object') return err;
  if (err.code === undefined && err instanceof TypeError) {
    // (appendFile's isFd(path) of a symbol or bigint: node's isInt32)
    const before = err.stack;
    atCheckFrames(err, 'isFd', '');
    if (err.stack !== before) {
      try {
        putArrow(err, 'node:internal/validators:45\n  return value === (value | 0);\n' + ' '.repeat(26) + '^\n');
      } catch {
        // a frozen error
      }
    }
    return err;
  }
  const encoding = err.code === 'ERR_INVALID_ARG_VALUE';
  const before = err.stack;
  // (a bad signal is getOptions' own check, at its own line; node prints the errors' rethrow)
  const signal = !encoding && String(err.message).startsWith('The "options.signal"');
  atCheckFrames(err, 'options', encoding ? '|encoding' : signal ? '|signal' : '');
  if (err.stack === before || signal) return err;
  try {
    putArrow(err, encoding
        ? "node:internal/fs/utils:158\n    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);\n    ^\n"
        : "node:internal/fs/utils:331\n    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);\n    ^\n");
  } catch {
    // a frozen error
  }
  return err;
}

// dataAt is writeFileData, its error given node's frames of the check (nodeDataSites)
function dataAt(data, encoding) {
  try {
    return writeFileData(data, encoding);
  } catch (err) {
    throw atCheckFrames(err, 'data', '');
  }
}

// atPathSite gives err, the error of prop's check (variant: readFileSync's utf8 path), the frames
// of node's check in the function called (nodePathSites), and returns it to be thrown.
function atPathSite(err, prop, variant) {
  return atCheckFrames(err, 'path', `|${prop}${variant ? `|${variant}` : ''}`);
}

// atArgSite gives err, the error of the check named key in the function called, node's frames
// of that check (sites().arg) and, where node prints the throw's own line when it is uncaught,
// that excerpt (sites().argExcerpts); it returns err.
function atArgSite(err, key) {
  if (err === null || typeof err !== 'object') return err;
  const before = err.stack;
  atCheckFrames(err, 'arg', `|${key}`);
  if (err.stack === before) return err;
  try {
    const m = /\n    at [^\n]* \(node:([^:]+:\d+):\d+\)/.exec(err.stack);
    const excerpt = m === null ? undefined : sites().argExcerpts[m[1]];
    if (excerpt !== undefined) {
      putArrow(err, `node:${m[1]}\n${excerpt[1]}\n${' '.repeat(excerpt[0] - 1)}^\n`);
    }
  } catch {
    // a frozen error
  }
  return err;
}

// argAt is check(a, b, c, d), its error given node's frames of the check named key (atArgSite).
function argAt(key, check, a, b, c, d) {
  try {
    return check(a, b, c, d);
  } catch (err) {
    throw atArgSite(err, key);
  }
}

// atCheckFrames gives err, an argument check's error, the frames of sites()[which][called +
// suffix] for the glue's at the top of its stack (called: the function the program called, the
// outermost of them; which: 'path', 'callback' or 'flags'); it returns err.
function atCheckFrames(err, which, suffix) {
  try {
    const stack = err.stack;
    const limit = Error.stackTraceLimit;
    if (typeof stack !== 'string' || typeof limit !== 'number') return err;
    const lines = stack.split('\n');
    const first = lines.findIndex((l) => l.startsWith('    at '));
    if (first === -1) return err;
    let below = lines.slice(first);
    if (below.length >= limit) {
      // (the stack was cut at the limit, the glue's frames counted, maybe before the function
      // called: the callers again, deeper, as this runs where the check threw)
      const holder = {};
      Error.stackTraceLimit = limit + 32;
      try {
        Error.captureStackTrace(holder, atCheckFrames);
      } finally {
        Error.stackTraceLimit = limit;
      }
      below = String(holder.stack).split('\n').filter((l) => l.startsWith('    at '));
    }
    let end = 0;
    let m = null;
    for (let k = 0; k < below.length; k++) {
      const g = glueFrameLine.exec(below[k]);
      if (g === null) break;
      m = g;
      end = k + 1;
    }
    if (m === null) return err;
    const called = m[1];
    const bare = called.replace(/^[\w$]+\.(?!native$)/, '');
    const site = sites()[which][`${bare}${suffix}`];
    if (site === undefined) return err;
    if (require('internal/errors').userPrepareStackTrace(Error.prepareStackTrace)) return err;
    // (each frame 'name @file:line:col'; the last, 'file:line:col', is that of the function called,
    // unless it is named too)
    const frames = site.map((f, i) => {
      if (i < site.length - 1 || f.includes(' @')) {
        const at = f.indexOf(' @');
        return `    at ${f.slice(0, at)} (node:${f.slice(at + 2)})`;
      }
      return `    at ${called} (node:${f})`;
    });
    const rest = below.slice(end);
    const all = frames.concat(rest);
    all.length = Math.min(all.length, Math.max(0, Math.floor(limit)));
    err.stack = lines.slice(0, first).concat(all).join('\n');
  } catch {
    // a frozen error keeps its stack
  }
  return err;
}

// ---- flags, timestamps ------------------------------------------------------------------

const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 64, O_EXCL = 128, O_TRUNC = 512,
  O_APPEND = 1024, O_SYNC = 1052672;

// (at: the check's name for its error's frames, atArgSite)
function toUnixTimestamp(time, name = 'time', at = undefined) {
  helpersReady || loadHelpers();
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  const err = errType(name, ['Date', 'Time in seconds'], time);
  throw at === undefined ? err : atArgSite(err, at);
}

// ---- Stats, StatFs, Dirent ------------------------------------------------------------

const S_IFMT = 0o170000, S_IFREG = 0o100000, S_IFDIR = 0o40000, S_IFCHR = 0o20000,
  S_IFBLK = 0o60000, S_IFIFO = 0o10000, S_IFLNK = 0o120000, S_IFSOCK = 0o140000;

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
StatsBase.prototype.isDirectory = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'fs:StatsBase.prototype', StatsBase.prototype, 'isDirectory'); else { StatsBase.prototype.isDirectory = __gojsLazyMembers('StatsBase.prototype.isDirectory'); } };
StatsBase.prototype.isFile = function () { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = void 0;
StatsBase.prototype.isCharacterDevice = void 0;
StatsBase.prototype.isSymbolicLink = void 0;
StatsBase.prototype.isFIFO = void 0;
StatsBase.prototype.isSocket = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'fs:StatsBase.prototype', StatsBase.prototype, 'isBlockDevice', 'fs:StatsBase.prototype', StatsBase.prototype, 'isCharacterDevice', 'fs:StatsBase.prototype', StatsBase.prototype, 'isSymbolicLink', 'fs:StatsBase.prototype', StatsBase.prototype, 'isFIFO', 'fs:StatsBase.prototype', StatsBase.prototype, 'isSocket'); else { StatsBase.prototype.isBlockDevice = __gojsLazyMembers('StatsBase.prototype.isBlockDevice'); StatsBase.prototype.isCharacterDevice = __gojsLazyMembers('StatsBase.prototype.isCharacterDevice'); StatsBase.prototype.isSymbolicLink = __gojsLazyMembers('StatsBase.prototype.isSymbolicLink'); StatsBase.prototype.isFIFO = __gojsLazyMembers('StatsBase.prototype.isFIFO'); StatsBase.prototype.isSocket = __gojsLazyMembers('StatsBase.prototype.isSocket'); } };

function dateFromMs(ms) { return new Date(Math.round(Number(ms))); }

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = function (property) {
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = void 0

;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'fs:BigIntStats.prototype', BigIntStats.prototype, '_checkModeProperty'); else { BigIntStats.prototype._checkModeProperty = __gojsLazyMembers('BigIntStats.prototype._checkModeProperty'); } };

binding.init(Stats.prototype, BigIntStats.prototype);

const kType = Symbol('type');
const UV_DIRENT_UNKNOWN = 0, UV_DIRENT_FILE = 1, UV_DIRENT_DIR = 2, UV_DIRENT_LINK = 3,
  UV_DIRENT_FIFO = 4, UV_DIRENT_SOCKET = 5, UV_DIRENT_CHAR = 6, UV_DIRENT_BLOCK = 7;

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}
// (the binding makes a listing's Dirents itself when it can: see makeDirents)
binding.initDirent(Dirent.prototype, kType);

// ---- the callback and synchronous API ------------------------------------------------

function access(path, mode, callback) {
  helpersReady || loadHelpers();
  if (typeof mode === 'function') { callback = mode; mode = 0; }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  mode = getValidMode(mode, 'access');
  binding.access(path, mode, callback);
}
// (accessSync, existsSync, openSync, closeSync, readSync, writeSync, statSync, lstatSync,
// fstatSync, readlinkSync and realpathSync.native are the glue of Go functions (fast.go), called with two more arguments: how
// many the program passed, and whether the Go side's call failed, whose error they throw from here)
function accessSync(path, mode, argc, failed) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  try {
    if (failed === true) binding.throwFailure();
    binding.access(path, mode);
  } catch (e) {
    throw atNodeSite(e, 'accessSync');
  }
}

function exists(path, callback) {
  helpersReady || loadHelpers();
  validateFunction(callback, 'cb');
  // (named as node's: its frame shows in the callback's stack)
  function suppressedCallback(err) {
    callback(!err);
  }
  // (node's exists is fs.access: one replaced on the module, as graceful-fs and mocks do, runs,
  // and is given whatever path came)
  if (fs.access !== access) {
    try {
      fs.access(path, 0, suppressedCallback);
    } catch {
      callback(false);
    }
    return;
  }
  try {
    path = getValidatedPath(path);
  } catch (e) {
    return callback(false);
  }
  binding.access(path, 0, suppressedCallback);
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});
function existsSync(path) {
  helpersReady || loadHelpers();
  try {
    path = getValidatedPath(path);
  } catch (e) {
    return false;
  }
  return binding.exists(path);
}

































// readFileAfterOpen(fd) is the check of a negative fd node's readFileAfterOpen makes through
// its binding's fstat (its frames and excerpt: nodeFdSites)




// readFileSyncSite is the key of node's place of readFileSync's system error e: a read of a
// regular file whose size fstat gave fails in node's known-size loop, any other in the loop for
// an unknown size


























































































// kAppendUtf8 is the options appendFileSync passes (copied from its defaults, as node's) when it
// had none and fs.writeFileSync is this one, which then sees no copy: it only takes the fast path.
const kAppendUtf8 = Object.freeze({ __proto__: null, encoding: 'utf8', mode: 0o666, flag: 'a' });

function writeFileSync(path, data, options) {
  // (the common form, a path string and a string with no options or 'utf8', skips the option,
  // data and path checks, which cannot fail for it, and loads no helpers)
  if (typeof path === 'string' && typeof data === 'string' &&
      (options === undefined || options === 'utf8' || options === kAppendUtf8) && path.indexOf('\u0000') === -1) {
    try {
      binding.writeFile(path, false, data, options === kAppendUtf8 ? O_APPEND | O_CREAT | O_WRONLY : O_TRUNC | O_CREAT | O_WRONLY, 0o666);
    } catch (e) {
      throw atNodeSite(e, 'writeFileSync', 'writeFileSync:utf8');
    }
    return;
  }
  helpersReady || loadHelpers();
  options = optionsAt(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';
  // (node 20 writes a utf8 string without flush through writeFileUtf8: its errors' site)
  const utf8 = typeof data === 'string' && isUtf8(options.encoding) && !flush;
  data = dataAt(data, options.encoding);
  if (isFd(path)) {
    try {
      binding.writeFile(path, true, data, 0, 0);
    } catch (e) {
      if (utf8) throw atNodeSite(e, 'writeFileSync', 'writeFileSync:utf8');
      // (writeSync's error: node's property order, and the site of writeSync in writeFileSync)
      if (e !== null && typeof e === 'object' && typeof e.code === 'string' && typeof e.errno === 'number') {
        const code = e.code;
        if (delete e.code) e.code = code;
      }
      throw atNodeSite(e, 'writeFileSync', 'writeFileSync:fd');
    }
    if (flush) fs.fsyncSync(path);
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  try {
    binding.writeFile(path, false, data, flags, mode);
  } catch (e) {
    throw atNodeSite(e, 'writeFileSync', utf8 ? 'writeFileSync:utf8' : `writeFileSync:${e && e.syscall}`);
  }
  if (flush) {
    const fd = binding.open(path, O_RDWR, 0);
    try { fs.fsyncSync(fd); } finally { binding.close(fd); }
  }
}


















































function openSync(path, flags, mode, argc, failed) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  flags = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  try {
    if (failed === true) binding.throwFailure();
    return binding.open(path, flags, mode);
  } catch (e) {
    throw atNodeSite(e, 'openSync');
  }
}




















function closeSync(fd, argc, failed) {
  helpersReady || loadHelpers();
  try {
    if (failed === true) binding.throwFailure();
    binding.close(getValidatedFdNative(fd));
  } catch (e) {
    throw atNodeSite(e, 'closeSync');
  }
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  helpersReady || loadHelpers();
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', true);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = allocBuffer(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = allocBuffer(16384);
    }
    if (params !== undefined) validateObject(params, 'options', true);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  argAt('buffer', validateBuffer, buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else argAt('offset', validateInteger, offset, 'offset', 0);
  length = toInt32(length); // (node: length |= 0)
  if (length === 0) {
    queueTick(() => callback(null, 0, buffer));
    return;
  }
  if (buffer.byteLength === 0) throw emptyBuffer(buffer);
  argAt('range', validateOffsetLengthRead, offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else argAt('position', validatePosition, position, 'position', length);
  binding.read(fd, buffer, offset, length, position, (err, n) => callback(err, n || 0, buffer));
}
Object.defineProperty(read, kCustomPromisifyArgs, { __proto__: null, value: ['bytesRead', 'buffer'] });

// (node reads its arity, arguments.length <= 3: the Go function that calls this passes it as argc)
function readSync(fd, buffer, offsetOrOptions, length, position, argc, failed) {
  helpersReady || loadHelpers();
  try {
    if (failed === true) binding.throwFailure();
    // (each check's usual outcome is tested inline, any other value goes through the validator:
    // a JS call is a third of a microsecond here, and readSync made eight)
    if (typeof fd === 'number' && (fd | 0) === fd && fd >= 0) fd |= 0; // (-0 is fd 0)
    else fd = getValidatedFd(fd);
    ArrayBufferIsView(buffer) || argAt('buffer', validateBuffer, buffer);
    const byteLength = buffer.byteLength; // (a Buffer's named property costs a number parse first)
    let offset = offsetOrOptions;
    if (argc <= 3 || typeof offsetOrOptions === 'object') {
      if (offsetOrOptions !== undefined) argAt('options', validateObject, offsetOrOptions, 'options', true);
      ({ offset = 0, length = byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset === undefined) offset = 0;
    else if (!(typeof offset === 'number' && (offset | 0) === offset && offset >= 0)) argAt('offset', validateInteger, offset, 'offset', 0);
    length = toInt32(length); // (node: length |= 0)
    if (length === 0) return 0;
    if (byteLength === 0) throw atArgSite(emptyBuffer(buffer), 'empty');
    if (length < 0 || offset + length > byteLength) argAt('range', validateOffsetLengthRead, offset, length, byteLength);
    if (position == null) position = -1;
    else if (!(typeof position === 'number' && (position | 0) === position && position >= -1)) {
      argAt('position', validatePosition, position, 'position', length);
    }
    return binding.read(fd, buffer, offset, length, position);
  } catch (e) {
    throw atNodeSite(e, 'readSync');
  }
}

function readv(fd, buffers, position, callback) {
  helpersReady || loadHelpers();
  fd = getValidatedFd(fd);
  argAt('buffers', validateBufferArray, buffers);
  callback = makeCallback(callback || position);
  position = vectorPosition(position);
  binding.readv(fd, buffers, position, (err, n) => callback(err, n || 0, buffers));
}
Object.defineProperty(readv, kCustomPromisifyArgs, { __proto__: null, value: ['bytesRead', 'buffers'] });












function write(fd, buffer, offsetOrOptions, length, position, callback) {
  helpersReady || loadHelpers();
  function wrapper(err, written) {
    callback(err, written || 0, buffer);
  }
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    try {
      callback = makeCallback(callback || position || length || offset);
    } catch (err) {
      throw atCheckFrames(err, 'callback', '|buffer');
    }
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else argAt('offset', validateInteger, offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = -1;
    argAt('range', validateOffsetLengthWrite, offset, length, buffer.byteLength);
    binding.write(fd, buffer, offset, length, position, wrapper);
    return;
  }
  argAt('buffer', validateStringAfterArrayBufferView, buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  const str = buffer;
  validateEncoding(str, length);
  try {
    callback = makeCallback(position);
  } catch (err) {
    throw atCheckFrames(err, 'callback', '|string');
  }
  writeStringBinding(fd, str, offset, length, wrapper);
}
Object.defineProperty(write, kCustomPromisifyArgs, { __proto__: null, value: ['bytesWritten', 'buffer'] });

function writeSync(fd, buffer, offsetOrOptions, length, position, argc, failed) {
  helpersReady || loadHelpers();
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    const byteLength = buffer.byteLength; // (read once: see readSync)
    if (typeof offset === 'object') {
      ({ offset = 0, length = byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (position == null || typeof position !== 'number') position = -1;
    if (offset == null) offset = 0;
    else argAt('offset', validateInteger, offset, 'offset', 0);
    if (typeof length !== 'number') length = byteLength - offset;
    argAt('range', validateOffsetLengthWrite, offset, length, byteLength);
    try {
      if (failed === true) binding.throwFailure();
      return binding.write(fd, buffer, offset, length, position);
    } catch (err) {
      throw writeSyncError(err);
    }
  }
  argAt('buffer', validateStringAfterArrayBufferView, buffer, 'buffer');
  validateEncoding(buffer, length);
  try {
    if (failed === true) binding.throwFailure();
    return writeStringBinding(fd, buffer, offset, length);
  } catch (err) {
    throw writeSyncError(err);
  }
}

// writeSyncError is the system error writeSync throws shaped as node 20's, which builds it from
// the binding's context (uvException): errno, syscall, then code, and thrown at node's site.
function writeSyncError(err) {
  if (err !== null && typeof err === 'object' && typeof err.errno === 'number' &&
      typeof err.syscall === 'string' && typeof err.code === 'string') {
    const code = err.code;
    if (delete err.code) err.code = code;
    atNodeSite(err, 'writeSync');
  }
  return err;
}

function writev(fd, buffers, position, callback) {
  helpersReady || loadHelpers();
  function wrapper(err, written) {
    callback(err, written || 0, buffers);
  }
  fd = getValidatedFd(fd);
  argAt('buffers', validateBufferArray, buffers);
  callback = makeCallback(callback || position);
  if (buffers.length === 0) {
    queueTick(() => callback(null, 0, buffers));
    return;
  }
  position = vectorPosition(position);
  binding.writev(fd, buffers, position, wrapper);
}
Object.defineProperty(writev, kCustomPromisifyArgs, { __proto__: null, value: ['bytesWritten', 'buffer'] });













// node 20 checks the callback in JS and the fd in the binding, so a bad callback is reported first





























// A negative length truncates to 0, as node's Math.max(0, len). Node validates the fd last (in its binding).
function ftruncate(fd, len = 0, callback) {
  helpersReady || loadHelpers();
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  argAt('len', validateInteger, len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.ftruncate(fd, len, callback);
}
function ftruncateSync(fd, len = 0) {
  helpersReady || loadHelpers();
  try {
    argAt('len', validateInteger, len, 'len');
    len = Math.max(0, len);
    fd = getValidatedFdNative(fd);
    binding.ftruncate(fd, len);
  } catch (e) {
    throw atNodeSite(e, 'ftruncateSync');
  }
}






































































function chmodSync(path, mode) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  try {
    binding.chmod(path, mode);
  } catch (e) {
    throw atNodeSite(e, 'chmodSync');
  }
}

const kMaxUserId = 2 ** 32 - 1;
































































function utimesSync(path, atime, mtime) {
  helpersReady || loadHelpers();
  try {
    binding.utimes(getValidatedPath(path), toUnixTimestamp(atime, 'time', 'atime'), toUnixTimestamp(mtime, 'time', 'mtime'));
  } catch (e) {
    throw atNodeSite(e, 'utimesSync');
  }
}

































// options defaults as in node, for the length (1)
































function statSync(path, options = undefined, argc, failed) {
  helpersReady || loadHelpers();
  try {
    if (failed === true) binding.throwFailure();
    if (options === undefined) {
      const st = binding.statFast(path);
      if (st !== undefined) return st;
    } else if (typeof path === 'string' && options !== null && typeof options === 'object' &&
        !path.includes('\u0000')) {
      // (the options read after the path's check, as node's)
      const bigint = !!options.bigint;
      const throwIfNoEntry = options.throwIfNoEntry !== false;
      if (!bigint) {
        const st = binding.statFast(path, undefined, !throwIfNoEntry);
        if (st !== undefined) return st === null ? undefined : st;
      }
      return binding.stat(getValidatedPath(path), bigint, throwIfNoEntry);
    }
    path = getValidatedPath(path);
    const bigint = options !== undefined && !!options.bigint;
    const throwIfNoEntry = options === undefined || options.throwIfNoEntry !== false;
    return binding.stat(path, bigint, throwIfNoEntry);
  } catch (e) {
    throw atNodeSite(e, 'statSync');
  }
}
function lstatSync(path, options = undefined, argc, failed) {
  helpersReady || loadHelpers();
  try {
    if (failed === true) binding.throwFailure();
    if (options === undefined) {
      const st = binding.lstatFast(path);
      if (st !== undefined) return st;
    } else if (typeof path === 'string' && options !== null && typeof options === 'object' &&
        !path.includes('\u0000')) {
      // (the options read after the path's check, as node's)
      const bigint = !!options.bigint;
      const throwIfNoEntry = options.throwIfNoEntry !== false;
      if (!bigint) {
        const st = binding.lstatFast(path, undefined, !throwIfNoEntry);
        if (st !== undefined) return st === null ? undefined : st;
      }
      return binding.lstat(getValidatedPath(path), bigint, throwIfNoEntry);
    }
    path = getValidatedPath(path);
    const bigint = options !== undefined && !!options.bigint;
    const throwIfNoEntry = options === undefined || options.throwIfNoEntry !== false;
    return binding.lstat(path, bigint, throwIfNoEntry);
  } catch (e) {
    throw atNodeSite(e, 'lstatSync');
  }
}
function fstatSync(fd, options = undefined, argc, failed) {
  helpersReady || loadHelpers();
  try {
    if (failed === true) binding.throwFailure();
    return binding.fstat(getValidatedFdNative(fd), options !== undefined && !!options.bigint);
  } catch (e) {
    throw atNodeSite(e, 'fstatSync');
  }
}



















// The async mkdir checks its callback, path and recursive before the mode, as node's does.










function mkdirSync(path, options) {
  // (the common forms, a plain path with no options or a recursive flag, check nothing more
  // and load no helpers)
  if (plainPath(path)) {
    let recursive = false;
    if (options !== undefined && options !== null && typeof options === 'object') {
      recursive = options.recursive;
      if (recursive === undefined) recursive = false;
      if (options.mode !== undefined) recursive = null;
    } else if (options !== undefined) {
      recursive = null;
    }
    if (typeof recursive === 'boolean') {
      try {
        return binding.mkdir(path, 0o777, recursive);
      } catch (e) {
        throw atNodeSite(e, 'mkdirSync');
      }
    }
  }
  helpersReady || loadHelpers();
  // node checks the path, then recursive, then the mode
  const args = mkdirArgs(path, options);
  const mode = args[0], recursive = args[1];
  path = getValidatedPath(path);
  argAt('recursive', validateBoolean, recursive, 'options.recursive');
  const fileMode = parseFileMode(mode, 'mode');
  try {
    return binding.mkdir(path, fileMode, recursive);
  } catch (e) {
    throw atNodeSite(e, 'mkdirSync');
  }
}





















// readdirTree is a recursive readdir's result as node 20 gives it: its walk joins each name to
// its directory with path.join, which takes strings only, so with a Buffer path or the 'buffer'
// encoding it throws on the first name it joins (any entry; with withFileTypes, the first
// directory's), where gojs's walk, in Go, has no trouble.
function readdirTree(path, res, withTypes, encoding) {
  const out = readdirResult(res, withTypes, encoding, path);
  if ((isUint8Array(path) || encoding === 'buffer') &&
      (withTypes ? out.some((d) => d.isDirectory()) : out.length > 0)) {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('path', 'string', isUint8Array(path) ? path : Buffer.from(''));
  }
  return out;
}







































































function readlinkSync(path, options, argc, failed) {
  helpersReady || loadHelpers();
  options = optionsAt(options);
  path = getValidatedPath(path, 'oldPath');
  let target;
  try {
    if (failed === true) binding.throwFailure();
    target = binding.readlink(path, wantBuf(options.encoding));
  } catch (e) {
    throw atNodeSite(e, 'readlinkSync');
  }
  return encodeName(target, options.encoding);
}

function realpath(p, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = optionsAt(options);
  p = realpathArg(p);
  binding.realpath(p, wantBuf(options.encoding), false, cbReq(callback, (r) => encodeName(r, options.encoding)));
}
realpath.native = function (path, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback || options);
  options = optionsAt(options);
  path = getValidatedPath(path);
  binding.realpath(path, wantBuf(options.encoding), true, cbReq(callback, (r) => encodeName(r, options.encoding)));
};
function realpathSync(p, options) {
  helpersReady || loadHelpers();
  options = optionsAt(options);
  p = realpathArg(p);
  let r;
  try {
    r = binding.realpath(p, wantBuf(options.encoding), false);
  } catch (e) {
    // (node's walk lstats each component: a failure there has its place)
    throw e !== null && typeof e === 'object' && e.syscall === 'lstat' ? atNodeSite(e, 'realpathSync', 'realpathSync:lstat') : e;
  }
  return encodeName(r, options.encoding);
}
realpathSync.native = function (path, options, argc, failed) {
  helpersReady || loadHelpers();
  options = optionsAt(options);
  path = getValidatedPath(path);
  let r;
  try {
    if (failed === true) binding.throwFailure();
    r = binding.realpath(path, wantBuf(options.encoding), true);
  } catch (e) {
    throw atNodeSite(e, 'realpathSync.native');
  }
  return encodeName(r, options.encoding);
};














































function symlinkSync(target, path, type) {
  helpersReady || loadHelpers();
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  symlinkType(type);
  try {
    binding.symlink(target, path, 0);
  } catch (e) {
    throw atNodeSite(e, 'symlinkSync');
  }
}






function unlinkSync(path) {
  if (!plainPath(path)) {
    helpersReady || loadHelpers();
    path = getValidatedPath(path);
  }
  try {
    binding.unlink(path);
  } catch (e) {
    throw atNodeSite(e, 'unlinkSync');
  }
}





































































// rmNoCallback is the completion of an rm without a callback: node's TypeError where node calls
// it (its stat check's failure, or rimraf's end).





























































function copyFileSync(src, dest, mode) {
  if (!plainPath(src) || !plainPath(dest) || mode !== undefined) {
    helpersReady || loadHelpers();
    src = getValidatedPath(src, 'src');
    dest = getValidatedPath(dest, 'dest');
    mode = getValidMode(mode, 'copyFile');
  } else {
    mode = 0;
  }
  try {
    binding.copyFile(src, dest, mode);
  } catch (e) {
    throw atNodeSite(e, 'copyFileSync');
  }
}

function openAsBlob(path, options = {}) {
  helpersReady || loadHelpers();
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  // As node's: a file that cannot be opened throws now, and the blob is the file as it is now
  // (its size with it), failing its reads with NotReadableError once the file has changed. Node
  // reads the bytes when asked for; this one reads them here, with the stat they must match.
  let st, data;
  try {
    st = fs.statSync(path);
    // (a directory opens; its blob has the directory's size, and its reads fail)
    data = st.isDirectory() ? null : fs.readFileSync(path);
  } catch {
    throw errNative('TypeError', 'ERR_INVALID_ARG_VALUE', 'Unable to open file as blob', openAsBlob);
  }
  return Promise.resolve(require('internal/module_internals').get('buffer').fileBlob(data, type, pathString(path), st));
}

// ---- Dir --------------------------------------------------------------------------------

// Dir, opendir and opendirSync are a part (fs_dir.js), made on the first read of one of them
// (fs's properties are lazy there, as in node; fs.promises.opendir and fs.cp ask dirAPI).
let dirAPIObj;
function dirAPI() {
  helpersReady || loadHelpers();
  return dirAPIObj || (dirAPIObj = binding.part('dir')({
    require, binding, Dirent, atArgSite, atNodeSite, encodeName, errCode, getOptions, getValidatedPath,
    putArrow, optionsAt, queueTick, validateFunction, validateUint32, wantBuf,
  }));
}

// ---- helpers, made on first use ---------------------------------------------------------

// plainPath: a path that needs no check (a string without NUL bytes), as the common forms of
// the sync calls take it without loading the helpers
function plainPath(p) {
  return typeof p === 'string' && p.indexOf('\u0000') === -1;
}

// plainRmOptions: rm's options as node's defaults complete them, for options that are nothing
// or a plain object whose only own properties are boolean recursive and force; else null














// Buffer, loaded on first use (the common forms of the sync calls, which need no other helper,
// take it without loading them)
let BufferCtor;
function getBuffer() {
  if (BufferCtor === undefined) {
    try { BufferCtor = require('buffer').Buffer; } catch (e) { BufferCtor = null; }
    if (BufferCtor) binding.setBuffer(BufferCtor);
  }
  return BufferCtor;
}

// toBuffer wraps an ArrayBuffer from Go without copying.
function toBuffer(ab) {
  const B = getBuffer();
  return B ? B.from(ab) : new Uint8Array(ab);
}

// The validators, error builders and other internals are made by the first call of an fs
// function (or the first read of a lazy part): a runtime that only requires fs neither compiles
// (they are a part, fs_helpers.js) nor builds them. Every exported function and lazy maker
// starts with `helpersReady || loadHelpers();`, which sets each one's binding here.
let helpersReady = false;
let
  allocBuffer, concatBuffers, bufferFromString, decode, errCode, errNative, errType,
  errValue, inspectValue, errRange, AbortError, validateFunction, validateBoolean, validateString,
  validateObject, validateInteger, validateInt32, validateUint32, validateAbortSignal,
  isArrayBufferView, isUint8Array, validateBuffer, validateStringAfterArrayBufferView,
  validateBufferArray, normalizeEncoding, isEncoding, assertEncoding, isUtf8, validateEncoding,
  getOptions, makeCallback, isURL, fileURLToPath, toPathIfFileURL, getValidatedPath, pathString,
  getValidatedFd, getValidatedFdNative, isFd, stringToFlags, parseFileMode, getValidMode,
  validatePosition, validateOffsetLengthRead, validateOffsetLengthWrite, checkAborted, StatFs,
  makeStatFs, wantBuf, encodeName, makeDirents, readdirResult, cbReq, readFileFinish, abortFlag,
  writeFileData, flushed, appendOptions, emptyBuffer, queueTick, vectorPosition,
  writeStringBinding, showTruncateDeprecation, validateIds, mkdirArgs, encodeOut, realpathArg,
  symlinkType, warnRecursiveRmdir, validateRmOptionsShape, validateRmdirOptions, makeInternals,
  warnNonPortableTemplate, toInt32;
// (readSync's built-in, taken once as node's primordials are: a global's property read is a
// lookup on the global object in goja)
let ArrayBufferIsView;
function loadHelpers() {
  helpersReady = true;
  ArrayBufferIsView = ArrayBuffer.isView;
  ({
    allocBuffer, concatBuffers, bufferFromString, decode, errCode, errNative,
    errType, errValue, inspectValue, errRange, AbortError, validateFunction, validateBoolean,
    validateString, validateObject, validateInteger, validateInt32, validateUint32,
    validateAbortSignal, isArrayBufferView, isUint8Array, validateBuffer,
    validateStringAfterArrayBufferView, validateBufferArray, normalizeEncoding, isEncoding,
    assertEncoding, isUtf8, validateEncoding, getOptions, makeCallback, isURL, fileURLToPath,
    toPathIfFileURL, getValidatedPath, pathString, getValidatedFd, getValidatedFdNative, isFd,
    stringToFlags, parseFileMode, getValidMode, validatePosition, validateOffsetLengthRead,
    validateOffsetLengthWrite, checkAborted, StatFs, makeStatFs, wantBuf, encodeName, makeDirents,
    readdirResult, cbReq, readFileFinish, abortFlag, writeFileData, flushed, appendOptions,
    emptyBuffer, queueTick, vectorPosition, writeStringBinding, showTruncateDeprecation,
    validateIds, mkdirArgs, encodeOut, realpathArg, symlinkType, warnRecursiveRmdir,
    validateRmOptionsShape, validateRmdirOptions, makeInternals, warnNonPortableTemplate, toInt32,
  } = binding.part('helpers')({
    require, binding, fs, kUsePromises, kType, kMaxUserId, Stats, BigIntStats, getBuffer, toBuffer,
    Dirent, dirAPI, readdirTree, toUnixTimestamp, atCheckFrames, atFdSite, atFlagsSite, atModeSite, atPathSite, O_RDONLY,
    O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC, S_IFMT, S_IFREG, S_IFDIR,
    S_IFLNK,
  }));
}

// ---- constants ---------------------------------------------------------------------------

// node's fs.constants: an extensible null-prototype object of read-only, non-configurable
// properties, made in Go (constants.go) without a descriptor object per property
const constants = binding.constants();

// ---- exports -----------------------------------------------------------------------------

const fs = module.exports = {
  appendFile: void 0, appendFileSync: void 0, access, accessSync, chown: void 0, chownSync: void 0, chmod: void 0, chmodSync,
  close: void 0, closeSync, copyFile: void 0, copyFileSync, cp: undefined, cpSync: undefined,
  createReadStream: undefined, createWriteStream: undefined,
  exists, existsSync, fchown: void 0, fchownSync: void 0, fchmod: void 0, fchmodSync: void 0, fdatasync: void 0, fdatasyncSync: void 0,
  fstat: void 0, fstatSync, fsync: void 0, fsyncSync: void 0, ftruncate, ftruncateSync, futimes: void 0, futimesSync: void 0,
  lchown: void 0, lchownSync: void 0, lchmod: undefined, lchmodSync: undefined, link: void 0, linkSync: void 0, lstat: void 0, lstatSync,
  lutimes: void 0, lutimesSync: void 0, mkdir: void 0, mkdirSync, mkdtemp: void 0, mkdtempSync: void 0, open: void 0, openSync, openAsBlob,
  readdir: void 0, readdirSync: void 0, read, readSync, readv, readvSync: void 0, readFile: void 0, readFileSync: void 0,
  readlink: void 0, readlinkSync, realpath, realpathSync, rename: void 0, renameSync: void 0, rm: void 0, rmSync: void 0, rmdir: void 0, rmdirSync: void 0,
  stat: void 0, statfs: void 0, statSync, statfsSync: void 0, symlink: void 0, symlinkSync, truncate: void 0, truncateSync: void 0,
  unwatchFile: undefined, unlink: void 0, unlinkSync, utimes: void 0, utimesSync, watch: undefined, watchFile: undefined,
  writeFile: void 0, writeFileSync, write, writeSync, writev, writevSync: void 0,
  Dirent, Stats, ReadStream: undefined, WriteStream: undefined, FileReadStream: undefined,
  FileWriteStream: undefined,
  _toUnixTimestamp: toUnixTimestamp, Dir: undefined, opendir: undefined, opendirSync: undefined,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, constants,
};{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.members(module.exports, __gojsLazyMembers, undefined, 'fs'); else for (const n of ['appendFile','appendFileSync','chown','chownSync','chmod','close','copyFile','fchown','fchownSync','fchmod','fchmodSync','fdatasync','fdatasyncSync','fstat','fsync','fsyncSync','futimes','futimesSync','lchown','lchownSync','link','linkSync','lstat','lutimes','lutimesSync','mkdir','mkdtemp','mkdtempSync','open','readdir','readdirSync','readvSync','readFile','readFileSync','readlink','rename','renameSync','rm','rmSync','rmdir','rmdirSync','stat','statfs','statfsSync','symlink','truncate','truncateSync','unlink','utimes','writeFile','writevSync']) module.exports[n] = __gojsLazyMembers(n); };
// read-only and non-configurable, as node defines them
binding.readOnly(fs, 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'constants');
// the Go functions with these as their glue (fast.go): name, glue, length, the glue's arguments
fs.accessSync = binding.fastSync('accessSync', accessSync, 2, 2);
fs.existsSync = binding.fastSync('existsSync', existsSync, 1, 1);
fs.openSync = binding.fastSync('openSync', openSync, 3, 3);
fs.closeSync = binding.fastSync('closeSync', closeSync, 1, 1);
fs.readSync = binding.fastSync('readSync', readSync, 5, 5);
fs.writeSync = binding.fastSync('writeSync', writeSync, 5, 5);
fs.fstatSync = binding.fastSync('fstatSync', fstatSync, 1, 2);
fs.readlinkSync = binding.fastSync('readlinkSync', readlinkSync, 2, 2);
fs.statSync = binding.fastSync('statSync', statSync, 1, 2);
fs.lstatSync = binding.fastSync('lstatSync', lstatSync, 1, 2);
// (node's realpathSync.native is an arrow function: no name, no prototype)
fs.realpathSync.native = binding.fastSync('realpathSync.native', realpathSync.native, 2, 2, '');

// Dir, opendir and opendirSync are node's lazy properties: accessors (made in Go) whose first
// read makes the value and turns them into data properties.
binding.defineLazy(fs, dirAPI, 'Dir', 'opendir', 'opendirSync');

let promisesAPI;
Object.defineProperty(fs, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promisesAPI === undefined) {
      helpersReady || loadHelpers();
      promisesAPI = binding.part('promises')({
        fs, I: makeInternals(), binding, require, kUsePromises, cpPromises, _watch, kRef, kUnref,
        lazyMembers: typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined,
        setFileHandleClass(FileHandle) { FileHandleClass = FileHandle; },
      });
    }
    return promisesAPI;
  },
});
// a FileHandle's methods that take and drop a reference to its descriptor (node's kRef and
// kUnref), which file streams opened on one use
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');
// fs.promises' FileHandle class, once fs.promises is made (fs_promises.js)
let FileHandleClass = null;

// ---- ReadStream and WriteStream ----------------------------------------------------------
// A part (fs_streams.js), compiled on first use: requiring fs does not load stream.

let streamClasses = null;

function getStreams() {
  helpersReady || loadHelpers();
  if (streamClasses !== null) return streamClasses;
  streamClasses = binding.part('streams')({
    fs, require, binding, fileHandleClass: getFileHandleClass, kRef, kUnref, allocBuffer, argAt, atArgSite, errCode, errRange,
    errType, getBuffer, getOptions, getValidatedFd, getValidatedPath, queueTick, read, toBuffer,
    toPathIfFileURL, validateBoolean, validateFunction, validateInteger,
  });
  return streamClasses;
}

// fs.promises' FileHandle class (made with fs.promises)
function getFileHandleClass() {
  void fs.promises;
  return FileHandleClass;
}

function createReadStream(path, options) {
  const { ReadStream } = getStreams();
  return new ReadStream(path, options);
}
function createWriteStream(path, options) {
  const { WriteStream } = getStreams();
  return new WriteStream(path, options);
}

fs.createReadStream = createReadStream;
fs.createWriteStream = createWriteStream;
// node's accessors (made in Go): each keeps its own value once set; FileReadStream and
// FileWriteStream start as the same classes.
binding.defineLazyAccessor(fs, getStreams, 'ReadStream', 'ReadStream');
binding.defineLazyAccessor(fs, getStreams, 'WriteStream', 'WriteStream');
binding.defineLazyAccessor(fs, getStreams, 'FileReadStream', 'ReadStream');
binding.defineLazyAccessor(fs, getStreams, 'FileWriteStream', 'WriteStream');

// ---- fs.watch, fs.watchFile, fs.promises.watch --------------------------------------------
// Their classes and fs.promises.watch's iterator are a part (fs_watch.js), compiled on first use.

let watchClasses = null;

function getWatchClasses() {
  helpersReady || loadHelpers();
  if (watchClasses !== null) return watchClasses;
  watchClasses = binding.part('watch')({
    require, binding, queueTick, AbortError, encodeName, errValue, getValidatedPath,
    isEncoding, pathString, validateAbortSignal, validateBoolean, validateObject,
    wantBuf, watchError,
  });
  return watchClasses;
}

function watchError(err, filename) {
  if (err && typeof err === 'object' && err.syscall === 'watch') {
    const e = new Error(err.message);
    e.errno = err.errno;
    e.syscall = err.syscall;
    e.code = err.code;
    e.path = err.path;
    e.filename = filename;
    return e;
  }
  return err;
}

function watch(filename, options, listener) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    listener = options;
  }
  options = optionsAt(options);
  // Don't make changes directly on options object
  {
    const own = {};
    for (const key in options) own[key] = options[key];
    options = own;
  }
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  // (node checks it only when set: its recursive watcher does; null or NaN watch one level)
  if (options.recursive) argAt('recursive', validateBoolean, options.recursive, 'options.recursive');
  const path = getValidatedPath(filename);
  const { FSWatcher, kHandle, RecursiveFSWatcher, kWatchStart } = getWatchClasses();
  let watcher;
  if (options.recursive && process.platform !== 'darwin' && process.platform !== 'win32') {
    watcher = new RecursiveFSWatcher(options);
    watcher[kWatchStart](path);
  } else {
    watcher = new FSWatcher();
    const encoding = options.encoding;
    try {
      const handle = binding.watch(path, !!options.recursive, options.persistent === true, wantBuf(encoding),
        (eventType, name) => watcher.emit('change', eventType, encodeName(name, encoding)),
        (err) => {
          watcher.close();
          watcher.emit('error', err);
        }, watcher);
      Object.setPrototypeOf(handle, getWatchClasses().FSEvent.prototype);
      watcher[kHandle] = handle;
      // node's FSEvent reports through its onchange(status, eventType, filename), which node's
      // tests call themselves: a negative status is an error (the handle closes, without 'close')
      handle.onchange = (status, eventType, name) => {
        if (status < 0) {
          if (watcher[kHandle] !== null) {
            watcher[kHandle].close();
            watcher[kHandle] = null;
          }
          const [code, desc] = require('util').getSystemErrorMap().get(status) || ['UNKNOWN', 'unknown error'];
          const error = new Error(`${code}: ${desc}, watch '${name}'`);
          error.errno = status;
          error.code = code;
          error.syscall = 'watch';
          error.path = name;
          error.filename = name;
          watcher.emit('error', error);
        } else {
          watcher.emit('change', eventType, name);
        }
      };
    } catch (err) {
      throw atNodeSite(watchError(err, pathString(path)), 'watch');
    }
  }
  if (listener) watcher.addListener('change', listener);
  if (options.signal) {
    if (options.signal.aborted) {
      queueTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      options.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// _watch (node's name) is fs.promises.watch, an async generator function of { eventType,
// filename } (marked so in fs_promises.js); its body is in fs_watch.js. Like node's, a call
// does nothing (not even argument checks) until the first next().
function _watch(filename, options = {}) {
  return getWatchClasses().watchPromises(_watch, this, [filename, options]);
}

// made on the first watchFile: a Map costs a runtime its prototype's methods
let statWatchers;

function watchFile(filename, options, listener) {
  helpersReady || loadHelpers();
  filename = getValidatedPath(filename);
  const key = pathString(filename);
  if (statWatchers === undefined) statWatchers = new Map();
  let stat;
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = {
    interval: 5007,
    persistent: true,
    ...options,
  };
  argAt('listener', validateFunction, listener, 'listener');
  stat = statWatchers.get(key);
  const { StatWatcher, StatWatcherHandle, kOldStatus, kStart, kAddOrCleanRef } = getWatchClasses();
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    argAt('interval', validateUint32, options.interval, 'interval');
    // (the handle starts ref'ed: the watcher unrefs it for a watch that is not persistent)
    const handle = binding.watchFile(filename, options.interval, true, !!options.bigint,
      (curr, prev, status) => {
        stat[kOldStatus] = status;
        stat.emit('change', curr, prev);
      }, stat);
    Object.setPrototypeOf(handle, StatWatcherHandle.prototype);
    stat[kStart](handle, options.persistent);
    statWatchers.set(key, stat);
  } else {
    stat[kAddOrCleanRef]('add');
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  helpersReady || loadHelpers();
  filename = getValidatedPath(filename);
  const key = pathString(filename);
  if (statWatchers === undefined) return;
  const stat = statWatchers.get(key);
  if (stat === undefined) return;
  const { kAddOrCleanRef } = getWatchClasses();
  if (typeof listener === 'function') {
    const beforeListenerCount = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < beforeListenerCount) stat[kAddOrCleanRef]('clean');
  } else {
    stat.removeAllListeners('change');
    stat[kAddOrCleanRef]('cleanAll');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(key);
  }
}

fs.watch = watch;
fs.watchFile = watchFile;
fs.unwatchFile = unwatchFile;

// ---- fs.cp, fs.cpSync, fs.promises.cp ------------------------------------------------------
// The walk is a part (fs_cp.js), compiled on the first copy.

// The walk's helpers are made on the first copy: every runtime that requires fs would otherwise
// build them.
let cpHelpers;
function cpI() {
  if (cpHelpers === undefined) cpHelpers = makeCpHelpers();
  return cpHelpers;
}

function makeCpHelpers() {
  helpersReady || loadHelpers();
  return binding.part('cp')({
    fs, require, dirAPI, errCode, validateBoolean, validateFunction, validateInteger, validateObject,
    chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync,
    unlinkSync, utimesSync,
  });
}

function cpPaths(src, dest) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return [pathString(src), pathString(dest)];
}

function cp(src, dest, options, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = argAt('options', cpI().validateCpOptions, options);
  [src, dest] = cpPaths(src, dest);
  cpI().cpAsyncImpl(src, dest, options).then(() => callback(null, undefined), (err) => callback(err));
}

function cpSync(src, dest, options) {
  helpersReady || loadHelpers();
  options = argAt('options', cpI().validateCpOptions, options);
  [src, dest] = cpPaths(src, dest);
  cpI().cpSyncImpl(src, dest, options);
}

// (at(err, check): fs.promises' place of a check's error)
async function cpPromises(src, dest, options, at) {
  helpersReady || loadHelpers();
  let check = 'options';
  try {
    options = cpI().validateCpOptions(options);
    check = 'src';
    src = pathString(getValidatedPath(src, 'src'));
    check = 'dest';
    dest = pathString(getValidatedPath(dest, 'dest'));
  } catch (err) {
    throw at(err, check);
  }
  return cpI().cpAsyncImpl(src, dest, options);
}

fs.cp = cp;
fs.cpSync = cpSync;

var __gojsLazyH;
function __gojsLazyHelpers() {
function readFileAfterOpen(fd) {
  getValidatedFdNative(fd);
}
function readFileSyncSite(e, asString) {
  if (asString) return 'readFileSync:utf8';
  const call = e && e.syscall;
  return call === 'read' && binding.lastReadSized() ? 'readFileSync:read:sized' : `readFileSync:${call}`;
}
function defaultCloseCallback(err) {
  if (err != null) {
    // (uncaught, it prints node's throw in its defaultCloseCallback)
    if (typeof err === 'object' && !hasArrow(err)) {
      try {
        putArrow(err, 'node:fs:501\n  if (err != null) throw err;\n                   ^\n');
      } catch {
        // a frozen error
      }
    }
    throw err;
  }
}
function rmNoCallback(options, missing) {
  return function(err) {
    const e = new TypeError('callback is not a function');
    let arrow, frames;
    if (err && (err.code === 'ENOENT' || err.code === 'ERR_FS_EISDIR')) {
      arrow = 'node:fs:1239\n      return callback(err);\n             ^\n';
      frames = ['node:fs:1239:14', err.code === 'ENOENT' ? 'node:internal/fs/utils:788:14' : 'node:internal/fs/utils:804:14',
        `FSReqCallback.oncomplete (node:fs:${err.code === 'ENOENT' ? '197:21' : '198:5'})`];
    } else {
      arrow = 'node:internal/fs/rimraf:60\n    callback(err);\n    ^\n';
      if (missing) {
        frames = ['CB (node:internal/fs/rimraf:60:5)', 'node:internal/fs/rimraf:71:16', 'FSReqCallback.oncomplete (node:fs:197:21)'];
      } else if (options.recursive) {
        frames = ['CB (node:internal/fs/rimraf:60:5)', 'FSReqCallback.oncomplete (node:fs:187:23)'];
      } else {
        frames = ['CB (node:internal/fs/rimraf:60:5)', 'node:internal/fs/rimraf:91:14', 'FSReqCallback.oncomplete (node:fs:187:23)'];
      }
    }
    const limit = Error.stackTraceLimit;
    if (typeof limit === 'number') frames.length = Math.min(frames.length, Math.max(0, Math.floor(limit)));
    e.stack = `TypeError: callback is not a function${frames.map((f) => `\n    at ${f}`).join('')}`;
    putArrow(e, arrow);
    throw e;
  };
}
function plainRmOptions(options) {
  if (options === undefined) return { recursive: false, force: false };
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) return null;
  let recursive = false, force = false;
  for (const key in options) {
    const value = options[key];
    if (typeof value !== 'boolean') return null;
    if (key === 'recursive') recursive = value;
    else if (key === 'force') force = value;
    else return null;
  }
  return { recursive, force };
}
return { readFileAfterOpen, readFileSyncSite, defaultCloseCallback, rmNoCallback, plainRmOptions };
}
function __gojsLazyMembers(__gojsLazyName) {
switch (__gojsLazyName) {
case 'appendFile': return function appendFile(path, data, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback || options);
  // (through the module, as node's: a replaced fs.writeFile is what appends)
  let opts;
  try {
    opts = appendOptions(path, options);
  } catch (err) {
    throw atOptionsSite(err);
  }
  fs.writeFile(path, data, opts, callback);
};
case 'appendFileSync': return function appendFileSync(path, data, options) {
  // (node copies its defaults for fs.writeFileSync; ours reads them from kAppendUtf8, as fast
  // as writeFileSync with no options: a fifth of the copy's and the options' checks)
  if (options == null && typeof path === 'string' && typeof data === 'string' && fs.writeFileSync === writeFileSync) {
    options = kAppendUtf8;
  } else {
    helpersReady || loadHelpers();
    try {
      options = appendOptions(path, options);
    } catch (err) {
      throw atOptionsSite(err);
    }
  }
  try {
    fs.writeFileSync(path, data, options);
  } catch (e) {
    throw atNodeSite(e, 'appendFileSync');
  }
};
case 'chown': return function chown(path, uid, gid, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
  argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
  binding.chown(path, uid, gid, callback);
};
case 'chownSync': return function chownSync(path, uid, gid) {
  helpersReady || loadHelpers();
  try {
    path = getValidatedPath(path);
    argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
    argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
    binding.chown(path, uid, gid);
  } catch (e) {
    throw atNodeSite(e, 'chownSync');
  }
};
case 'chmod': return function chmod(path, mode, callback) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.chmod(path, mode, callback);
};
case 'close': { const { defaultCloseCallback } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function close(fd, callback = defaultCloseCallback) {
  helpersReady || loadHelpers();
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.close(fd, callback);
}; }
case 'copyFile': return function copyFile(src, dest, mode, callback) {
  helpersReady || loadHelpers();
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  mode = getValidMode(mode, 'copyFile');
  binding.copyFile(src, dest, mode, callback);
};
case 'fchown': return function fchown(fd, uid, gid, callback) {
  helpersReady || loadHelpers();
  argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
  argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.fchown(fd, uid, gid, callback);
};
case 'fchownSync': return function fchownSync(fd, uid, gid) {
  helpersReady || loadHelpers();
  argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
  argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
  fd = getValidatedFdNative(fd);
  try {
    binding.fchown(fd, uid, gid);
  } catch (e) {
    throw atNodeSite(e, 'fchownSync');
  }
};
case 'fchmod': return function fchmod(fd, mode, callback) {
  helpersReady || loadHelpers();
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.fchmod(fd, mode, callback);
};
case 'fchmodSync': return function fchmodSync(fd, mode) {
  helpersReady || loadHelpers();
  try {
    mode = parseFileMode(mode, 'mode');
    binding.fchmod(getValidatedFdNative(fd), mode);
  } catch (e) {
    throw atNodeSite(e, 'fchmodSync');
  }
};
case 'fdatasync': return function fdatasync(fd, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.fdatasync(fd, callback);
};
case 'fdatasyncSync': return function fdatasyncSync(fd) {
  helpersReady || loadHelpers();
  try {
    binding.fdatasync(getValidatedFdNative(fd));
  } catch (e) {
    throw atNodeSite(e, 'fdatasyncSync');
  }
};
case 'fstat': return function fstat(fd, options = { bigint: false }, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.fstat(fd, !!options.bigint, callback);
};
case 'fsync': return function fsync(fd, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.fsync(fd, callback);
};
case 'fsyncSync': return function fsyncSync(fd) {
  helpersReady || loadHelpers();
  try {
    binding.fsync(getValidatedFdNative(fd));
  } catch (e) {
    throw atNodeSite(e, 'fsyncSync');
  }
};
case 'futimes': return function futimes(fd, atime, mtime, callback) {
  helpersReady || loadHelpers();
  atime = toUnixTimestamp(atime, 'atime', 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime', 'mtime');
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  binding.futimes(fd, atime, mtime, callback);
};
case 'futimesSync': return function futimesSync(fd, atime, mtime) {
  helpersReady || loadHelpers();
  try {
    atime = toUnixTimestamp(atime, 'atime', 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime', 'mtime');
    binding.futimes(getValidatedFdNative(fd), atime, mtime);
  } catch (e) {
    throw atNodeSite(e, 'futimesSync');
  }
};
case 'lchown': return function lchown(path, uid, gid, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
  argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
  binding.lchown(path, uid, gid, callback);
};
case 'lchownSync': return function lchownSync(path, uid, gid) {
  helpersReady || loadHelpers();
  try {
    path = getValidatedPath(path);
    argAt('uid', validateInteger, uid, 'uid', -1, kMaxUserId);
    argAt('gid', validateInteger, gid, 'gid', -1, kMaxUserId);
    binding.lchown(path, uid, gid);
  } catch (e) {
    throw atNodeSite(e, 'lchownSync');
  }
};
case 'link': return function link(existingPath, newPath, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, callback);
};
case 'linkSync': return function linkSync(existingPath, newPath) {
  helpersReady || loadHelpers();
  try {
    binding.link(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
  } catch (e) {
    throw atNodeSite(e, 'linkSync');
  }
};
case 'lstat': return function lstat(path, options = { bigint: false }, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lstat(path, !!options.bigint, true, callback);
};
case 'lutimes': return function lutimes(path, atime, mtime, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime, 'time', 'atime'), toUnixTimestamp(mtime, 'time', 'mtime'), callback);
};
case 'lutimesSync': return function lutimesSync(path, atime, mtime) {
  helpersReady || loadHelpers();
  try {
    binding.lutimes(getValidatedPath(path), toUnixTimestamp(atime, 'time', 'atime'), toUnixTimestamp(mtime, 'time', 'mtime'));
  } catch (e) {
    throw atNodeSite(e, 'lutimesSync');
  }
};
case 'mkdir': return function mkdir(path, options, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') callback = options;
  const args = mkdirArgs(path, typeof options === 'function' ? undefined : options);
  const mode = args[0], recursive = args[1];
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  argAt('recursive', validateBoolean, recursive, 'options.recursive');
  binding.mkdir(path, parseFileMode(mode, 'mode'), recursive, callback);
};
case 'mkdtemp': return function mkdtemp(prefix, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = optionsAt(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnNonPortableTemplate(prefix);
  binding.mkdtemp(prefix, cbReq(callback, (p) => encodeOut(p, options.encoding)));
};
case 'mkdtempSync': return function mkdtempSync(prefix, options) {
  helpersReady || loadHelpers();
  try {
    options = optionsAt(options);
    prefix = getValidatedPath(prefix, 'prefix');
    warnNonPortableTemplate(prefix);
    return encodeOut(binding.mkdtemp(prefix), options.encoding);
  } catch (e) {
    throw atNodeSite(e, 'mkdtempSync');
  }
};
case 'open': return function open(path, flags, mode, callback) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  binding.open(path, flagsNumber, mode, callback);
};
case 'readdir': return function readdir(path, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = optionsAt(options);
  path = getValidatedPath(path);
  if (options.recursive != null) argAt('recursive', validateBoolean, options.recursive, 'options.recursive');
  // the options are read now, as node's: a change after the call does not reach the result
  const withTypes = !!options.withFileTypes;
  const encoding = options.encoding;
  if (options.recursive) {
    // node 20 reads a tree synchronously here and calls back before it returns: a failure
    // (ENOENT, ENOTDIR, a refusal) is thrown, not given to the callback
    let entries;
    try {
      entries = binding.readdir(path, wantBuf(encoding), withTypes, true);
    } catch (e) {
      throw atNodeSite(e, 'readdir', 'readdir:recursive');
    }
    callback(null, readdirTree(path, entries, withTypes, encoding));
    return;
  }
  binding.readdir(path, wantBuf(encoding), withTypes, false,
    cbReq(callback, (res) => readdirResult(res, withTypes, encoding, path)));
};
case 'readdirSync': return function readdirSync(path, options) {
  // (the common forms, a plain path with no options or only withFileTypes, check nothing more
  // and load no helpers: the binding makes the names or Dirents)
  if (plainPath(path)) {
    let withFileTypes = false;
    if (options !== undefined && options !== null && typeof options === 'object') {
      withFileTypes = !!options.withFileTypes;
      if (options.encoding !== undefined || options.recursive !== undefined || options.signal !== undefined) {
        withFileTypes = null;
      }
    } else if (options !== undefined) {
      withFileTypes = null;
    }
    if (withFileTypes !== null) {
      let entries;
      try {
        entries = binding.readdir(path, false, withFileTypes, false);
      } catch (e) {
        throw atNodeSite(e, 'readdirSync');
      }
      if (!withFileTypes || entries.length === 0 || !Array.isArray(entries[0])) return entries;
      helpersReady || loadHelpers();
      return readdirResult(entries, true, undefined, path);
    }
  }
  helpersReady || loadHelpers();
  options = optionsAt(options);
  path = getValidatedPath(path);
  if (options.recursive != null) argAt('recursive', validateBoolean, options.recursive, 'options.recursive');
  let entries;
  try {
    entries = binding.readdir(path, wantBuf(options.encoding), !!options.withFileTypes, !!options.recursive);
  } catch (e) {
    throw atNodeSite(e, 'readdirSync', options.recursive ? 'readdirSync:recursive' : 'readdirSync');
  }
  if (options.recursive) return readdirTree(path, entries, options.withFileTypes, options.encoding);
  return readdirResult(entries, options.withFileTypes, options.encoding, path);
};
case 'readvSync': return function readvSync(fd, buffers, position) {
  helpersReady || loadHelpers();
  try {
    fd = getValidatedFd(fd);
    argAt('buffers', validateBufferArray, buffers);
    position = vectorPosition(position);
    return binding.readv(fd, buffers, position);
  } catch (e) {
    throw atNodeSite(e, 'readvSync');
  }
};
case 'readFile': { const { readFileAfterOpen } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function readFile(path, options, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function' && callback === undefined && getBuffer() &&
      binding.readFileFast(path, options) === true) {
    return;
  }
  callback = makeCallback(callback || options);
  options = optionsAt(options, { flag: 'r' });
  const signal = options.signal;
  const encoding = options.encoding;
  const asString = !!encoding && isUtf8(encoding); // (an empty encoding is a Buffer, as node's)
  let stop;
  const done = (err, data) => {
    if (stop !== undefined) signal.removeEventListener('abort', stop.onAbort);
    if (signal && signal.aborted) return callback(new AbortError(undefined, { cause: signal.reason }));
    if (err) return callback(err);
    callback(null, readFileFinish(data, options));
  };
  if (isFd(path)) {
    // node's readFileAfterOpen, in the next tick, hands a negative fd to the binding's fstat,
    // whose ERR_OUT_OF_RANGE is thrown there, uncaught (the callback is never called)
    if (path < 0) return process.nextTick(readFileAfterOpen, path);
    binding.readFile(path, true, 0, asString, done);
    return;
  }
  if (checkAborted(signal, callback)) return;
  const flags = stringToFlags(options.flag, 'options.flag');
  path = getValidatedPath(path);
  stop = abortFlag(signal);
  binding.readFile(path, false, flags, asString, done, stop && stop.flag);
}; }
case 'readFileSync': { const { readFileSyncSite } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function readFileSync(path, options) {
  // (the common forms, a path string with no options, 'utf8' or options that ask for nothing
  // more, skip the option and path checks, which cannot fail for them: a third of a small
  // file's read; nor do they load the helpers)
  let asString;
  if (typeof path === 'string' && path.indexOf('\u0000') === -1) {
    if (options === undefined || options === 'utf8') {
      asString = options === 'utf8';
    } else if (options !== null && typeof options === 'object') {
      // (an options object asking for no more: no encoding or utf8, no signal, flag 'r')
      const encoding = options.encoding;
      if ((encoding == null || encoding === 'utf8' || encoding === 'utf-8') && options.signal === undefined) {
        const flag = options.flag;
        if (flag === undefined || flag === 'r') asString = encoding != null;
      }
    }
  }
  if (asString !== undefined) {
    let data;
    try {
      // (a Buffer made in Go, not Buffer.from over the binding's ArrayBuffer)
      if (!asString && getBuffer() && (data = binding.readFileFast(path)) !== undefined) return data;
      data = binding.readFile(path, false, O_RDONLY, asString);
    } catch (e) {
      throw atNodeSite(e, 'readFileSync', readFileSyncSite(e, asString));
    }
    return asString ? data : toBuffer(data);
  }
  helpersReady || loadHelpers();
  options = optionsAt(options, { flag: 'r' });
  const encoding = options.encoding;
  asString = !!encoding && isUtf8(encoding); // (an empty encoding is a Buffer, as node's)
  let data;
  const fd = isFd(path);
  // node's binding checks the fd in its fstat; readFileUtf8 takes any int32 and reads it (-1:
  // the read's EBADF)
  const target = fd ? (asString ? path : getValidatedFdNative(path)) : getValidatedPath(path, 'path', asString ? 'utf8' : undefined);
  // (named 'flags': node's openSync checks it)
  const flags = fd ? 0 : stringToFlags(options.flag, 'flags', asString ? 'utf8' : undefined);
  try {
    data = binding.readFile(target, fd, flags, asString);
  } catch (e) {
    throw atNodeSite(e, 'readFileSync', readFileSyncSite(e, asString));
  }
  return readFileFinish(data, options);
}; }
case 'readlink': return function readlink(path, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = optionsAt(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, wantBuf(options.encoding), cbReq(callback, (r) => encodeName(r, options.encoding)));
};
case 'rename': return function rename(oldPath, newPath, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, callback);
};
case 'renameSync': return function renameSync(oldPath, newPath) {
  if (!plainPath(oldPath) || !plainPath(newPath)) {
    helpersReady || loadHelpers();
    oldPath = getValidatedPath(oldPath, 'oldPath');
    newPath = getValidatedPath(newPath, 'newPath');
  }
  try {
    binding.rename(oldPath, newPath);
  } catch (e) {
    throw atNodeSite(e, 'renameSync');
  }
};
case 'rm': { const { rmNoCallback } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function rm(path, options, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  options = argAt('options', validateRmOptionsShape, options);
  // node 20's rm does not check its callback: the path is removed all the same, and calling the
  // callback that is none fails then, uncaught
  if (typeof callback !== 'function') {
    // (a forced removal of nothing ends at another place of rimraf's)
    const missing = options.force && !options.recursive && fs.lstatSync(path, { throwIfNoEntry: false }) === undefined;
    callback = rmNoCallback(options, missing);
  }
  binding.rm(path, options.recursive, options.force, callback, options.maxRetries, options.retryDelay);
}; }
case 'rmSync': { const { plainRmOptions } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function rmSync(path, options) {
  // (a plain path with no options, or own recursive and force flags alone, as node's defaults
  // fill them in, loads no helpers)
  if (plainPath(path)) {
    const o = plainRmOptions(options);
    if (o !== null) {
      try {
        binding.rm(path, o.recursive, o.force, undefined, 0, 100);
      } catch (e) {
        throw atNodeSite(e, 'rmSync');
      }
      return;
    }
  }
  helpersReady || loadHelpers();
  try {
    path = getValidatedPath(path);
    options = argAt('options', validateRmOptionsShape, options);
    binding.rm(path, options.recursive, options.force, undefined, options.maxRetries, options.retryDelay);
  } catch (e) {
    throw atNodeSite(e, 'rmSync');
  }
}; }
case 'rmdir': return function rmdir(path, options, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options && options.recursive) {
    warnRecursiveRmdir();
    options = argAt('options', validateRmOptionsShape, { ...options, force: false });
    // node lstats the path first and removes a tree only where it finds a directory: a file or
    // a link (even to a directory) goes to rmdir, which fails with ENOTDIR
    const { maxRetries, retryDelay } = options;
    binding.lstat(path, false, true, (err, st) => {
      if (err) return callback(err);
      if (!st.isDirectory()) return binding.rmdir(path, callback);
      binding.rm(path, true, false, callback, maxRetries, retryDelay);
    });
    return;
  }
  // node checks the options' shape when it does not recurse too, before the request
  argAt('rmdirOptions', validateRmdirOptions, options);
  binding.rmdir(path, callback);
};
case 'rmdirSync': return function rmdirSync(path, options) {
  helpersReady || loadHelpers();
  path = getValidatedPath(path);
  if (options && options.recursive) {
    warnRecursiveRmdir();
    options = argAt('options', validateRmOptionsShape, { ...options, force: false });
    // as rmdir: only a directory (by lstat) is removed as a tree; anything else fails in rmdir
    try {
      if (binding.lstat(path, false, true).isDirectory()) {
        binding.rm(path, true, false, undefined, options.maxRetries, options.retryDelay);
        return;
      }
    } catch (e) {
      throw atNodeSite(e, 'rmdirSync', 'rmdirSync:recursive');
    }
  } else {
    // node's rmdirSync checks the options' shape even when it does not recurse
    argAt('rmdirOptions', validateRmdirOptions, options);
  }
  try {
    binding.rmdir(path);
  } catch (e) {
    throw atNodeSite(e, 'rmdirSync');
  }
};
case 'stat': return function stat(path, options = undefined, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  if (options === undefined && binding.statFast(path, callback) === true) return;
  path = getValidatedPath(path);
  // (null options throw reading bigint, as node's)
  binding.stat(path, options !== undefined && !!options.bigint, true, callback);
};
case 'statfs': return function statfs(path, options = { bigint: false }, callback) {
  helpersReady || loadHelpers();
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.statfs(path, !!options.bigint, cbReq(callback, makeStatFs));
};
case 'statfsSync': return function statfsSync(path, options = { bigint: false }) {
  helpersReady || loadHelpers();
  try {
    return makeStatFs(binding.statfs(getValidatedPath(path), !!options.bigint));
  } catch (e) {
    throw atNodeSite(e, 'statfsSync');
  }
};
case 'symlink': return function symlink(target, path, type_, callback_) {
  helpersReady || loadHelpers();
  const type = (typeof type_ === 'string' ? type_ : null);
  const callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  symlinkType(type);
  binding.symlink(target, path, 0, callback);
};
case 'truncate': return function truncate(path, len, callback) {
  helpersReady || loadHelpers();
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  if (typeof path === 'number') {
    showTruncateDeprecation();
    // (node's ftruncate checks len first; its frames here are under truncate's call)
    argAt('lenFd', validateInteger, len, 'len');
    return ftruncate(path, len, callback);
  }
  argAt('len', validateInteger, len, 'len');
  len = Math.max(0, len);
  validateFunction(callback, 'cb');
  binding.truncate(getValidatedPath(path), len, callback);
};
case 'truncateSync': return function truncateSync(path, len) {
  helpersReady || loadHelpers();
  if (typeof path === 'number') {
    showTruncateDeprecation();
    // (node's ftruncateSync checks len first; its frames here are under truncateSync's call)
    if (len === undefined) len = 0;
    argAt('lenFd', validateInteger, len, 'len');
    try {
      return ftruncateSync(path, len);
    } catch (e) {
      throw atNodeSite(e, 'truncateSync', 'truncateSync:fd');
    }
  }
  try {
    if (len === undefined) len = 0;
    // node opens the file first, so a missing file is reported before a bad length
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, len);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw atNodeSite(e, 'truncateSync');
  }
};
case 'unlink': return function unlink(path, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  binding.unlink(getValidatedPath(path), callback);
};
case 'utimes': return function utimes(path, atime, mtime, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime, 'time', 'atime'), toUnixTimestamp(mtime, 'time', 'mtime'), callback);
};
case 'writeFile': return function writeFile(path, data, options, callback) {
  helpersReady || loadHelpers();
  callback = makeCallback(callback || options);
  options = optionsAt(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  data = dataAt(data, options.encoding);
  if (isFd(path)) {
    // node writes to a user fd through fs.write, which checks it at once
    getValidatedFd(path);
    // and, as its writeAll does before each write, gives up at once on an aborted signal
    const signal = options.signal;
    if (signal && signal.aborted) {
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    binding.writeFile(path, true, data, 0, 0, flushed(path, true, flush, callback));
    return;
  }
  if (checkAborted(options.signal, callback)) return;
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const signal = options.signal;
  binding.writeFile(path, false, data, flags, mode, (err) => {
    if (signal && signal.aborted) return callback(new AbortError(undefined, { cause: signal.reason }));
    if (err || !flush) return callback(err);
    // flush: fsync through a fresh descriptor.
    binding.open(path, O_RDWR, 0, (err, fd) => {
      if (err) return callback(err);
      // (through the module, as node's writeAll: a replaced fs.fsync is what flushes)
      fs.fsync(fd, (err) => binding.close(fd, (err2) => callback(err || err2)));
    });
  });
};
case 'writevSync': return function writevSync(fd, buffers, position) {
  helpersReady || loadHelpers();
  try {
    fd = getValidatedFd(fd);
    argAt('buffers', validateBufferArray, buffers);
    if (buffers.length === 0) return 0;
    position = vectorPosition(position);
    return binding.writev(fd, buffers, position);
  } catch (e) {
    throw atNodeSite(e, 'writevSync');
  }
};
case 'StatsBase.prototype.isDirectory': return function () { return this._checkModeProperty(S_IFDIR); };
case 'StatsBase.prototype.isBlockDevice': return function () { return this._checkModeProperty(S_IFBLK); };
case 'StatsBase.prototype.isCharacterDevice': return function () { return this._checkModeProperty(S_IFCHR); };
case 'StatsBase.prototype.isSymbolicLink': return function () { return this._checkModeProperty(S_IFLNK); };
case 'StatsBase.prototype.isFIFO': return function () { return this._checkModeProperty(S_IFIFO); };
case 'StatsBase.prototype.isSocket': return function () { return this._checkModeProperty(S_IFSOCK); };
case 'BigIntStats.prototype._checkModeProperty': return function (property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};
}
}
