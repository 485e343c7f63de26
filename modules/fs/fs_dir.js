// ---- Dir, opendir, opendirSync ------------------------------------------------------------
// A part of fs's glue, compiled on the first read of one of them (parts.go): fs.js's dirAPI
// calls it with the names of fs.js it uses.
(function makeDirAPI({
  require, binding, Dirent, atArgSite, atNodeSite, encodeName, errCode, getOptions, getValidatedPath,
  putArrow, optionsAt, queueTick, validateFunction, validateUint32, wantBuf,
}) {
  const kDirHandle = Symbol('kDirHandle');
  const kDirPath = Symbol('kDirPath');
  const kDirBuffer = Symbol('kDirBufferedEntries');
  const kDirClosed = Symbol('kDirClosed');
  const kDirOptions = Symbol('kDirOptions');
  const kDirBusy = Symbol('kDirOperationQueue');
  const kDirReadPromisified = Symbol('kDirReadPromisified');
  const kDirClosePromisified = Symbol('kDirClosePromisified');
  const kDirReadImpl = Symbol('kDirReadImpl');

  // The binding's handle, held as node's DirHandle object (it inspects as DirHandle {}).
  const handleIds = new WeakMap();
  class DirHandle {
    constructor(id) { handleIds.set(this, id); }
  }
  const hid = (dir) => handleIds.get(dir[kDirHandle]);
  // the next buffered entry of dir (with options.recursive, a directory's entries join)
  function shift(dir) {
    const dirent = dir[kDirBuffer].shift();
    if (dir[kDirOptions].recursive && dirent.isDirectory()) dir.readSyncRecursive(dirent);
    return dirent;
  }
  // the promise forms of read and close, named as node's promisified methods are
  const promised = {
    [kDirReadImpl]() {
      return new Promise((resolve, reject) => this[kDirReadImpl](false, (err, d) => (err ? reject(err) : resolve(d))));
    },
    close() {
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    },
  };

  // dirError(code, frames, line): node's ERR_DIR_CLOSED or ERR_DIR_CONCURRENT_OPERATION, its stack
  // beginning with node's frames (innermost first) in place of the glue's, and, given line, node's
  // excerpt of the throw there in internal/fs/dir when uncaught
  const glueFrame = /^    at (?:.* \()?node:fs:\d+:\d+\)?$/;
  function dirError(code, frames, line) {
    const err = errCode('Error', code, code === 'ERR_DIR_CLOSED' ? 'Directory handle was closed'
      : 'Cannot do synchronous work on directory handle with concurrent asynchronous operations');
    try {
      const stack = err.stack;
      const limit = Error.stackTraceLimit;
      if (typeof stack === 'string' && typeof limit === 'number' &&
          !require('internal/errors').userPrepareStackTrace(Error.prepareStackTrace)) {
        const lines = stack.split('\n');
        const first = lines.findIndex((l) => l.startsWith('    at '));
        if (first !== -1) {
          let end = first;
          while (end < lines.length && glueFrame.test(lines[end])) end++;
          let rest = lines.slice(end);
          if (lines.length - first >= limit) {
            // (cut at the limit, the glue's frames counted: the callers again, deeper)
            const holder = {};
            Error.stackTraceLimit = limit + 16;
            try {
              Error.captureStackTrace(holder, dirError);
            } finally {
              Error.stackTraceLimit = limit;
            }
            const below = String(holder.stack).split('\n').filter((l) => l.startsWith('    at '));
            let k = 0;
            while (k < below.length && glueFrame.test(below[k])) k++;
            rest = below.slice(k);
          }
          const all = frames.map((f) => `    at ${f}`).concat(rest);
          all.length = Math.min(all.length, Math.max(0, Math.floor(limit)));
          err.stack = lines.slice(0, first).concat(all).join('\n');
        }
      }
      if (line !== undefined) {
        putArrow(err, `node:internal/fs/dir:${line}\n      throw new ${code}();\n      ^\n`);
      }
    } catch {
      // a frozen error
    }
    return err;
  }

  class Dir {
    constructor(handle, path, options) {
      if (handle == null) {
        const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
        // (node's frame and, uncaught, its excerpt: the check in internal/fs/dir)
        const err = new ERR_MISSING_ARGS('handle');
        try {
          if (typeof err.stack === 'string') {
            err.stack = err.stack.replace(/\n    at new Dir \(node:fs:\d+:\d+\)/, '\n    at new Dir (node:internal/fs/dir:49:31)');
          }
          putArrow(err, "node:internal/fs/dir:49\n    if (handle == null) throw new ERR_MISSING_ARGS('handle');\n" +
              `${' '.repeat(24)}^\n`);
        } catch {
          // (a frozen error)
        }
        throw err;
      }
      // node opens first and checks bufferSize here, so a missing directory reports ENOENT
      // before a bad bufferSize; the handle node leaves to the GC is closed now.
      const dirOptions = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
      try {
        validateUint32(dirOptions.bufferSize, 'options.bufferSize', true);
      } catch (e) {
        binding.dirClose(handle);
        throw atArgSite(e, 'bufferSize');
      }
      this[kDirHandle] = new DirHandle(handle);
      this[kDirBuffer] = [];
      this[kDirPath] = path;
      this[kDirClosed] = false;
      this[kDirBusy] = null;
      this[kDirOptions] = dirOptions;
      this[kDirReadPromisified] = promised[kDirReadImpl].bind(this);
      this[kDirClosePromisified] = promised.close.bind(this);
    }
    get path() { return this[kDirPath]; }

    read(callback) {
      return this[kDirReadImpl](true, callback);
    }

    // maybeSync: a buffered entry is given on the next tick (read) or at once (the promise
    // form entries uses)
    [kDirReadImpl](maybeSync, callback) {
      // a closed handle throws before the promise form makes its promise, as node's
      if (this[kDirClosed] === true) {
        throw dirError('ERR_DIR_CLOSED', ['[kDirReadImpl] (node:internal/fs/dir:84:13)', 'Dir.read (node:internal/fs/dir:79:30)'], 84);
      }
      if (callback === undefined) return this[kDirReadPromisified]();
      validateFunction(callback, 'callback');
      if (this[kDirBusy] !== null) {
        this[kDirBusy].push(() => this[kDirReadImpl](maybeSync, callback));
        return;
      }
      if (this[kDirBuffer].length > 0) {
        let d;
        try {
          d = shift(this);
        } catch (err) {
          return callback(err);
        }
        if (maybeSync) queueTick(() => callback(null, d));
        else callback(null, d);
        return;
      }
      this[kDirBusy] = [];
      binding.dirRead(hid(this), this[kDirOptions].bufferSize, wantBuf(this[kDirOptions].encoding), (err, list) => {
        // As in node, the operations queued meanwhile run on the next tick: during the callback
        // the handle still counts as busy (a closeSync there throws, a read or close waits).
        queueTick(() => {
          const queue = this[kDirBusy];
          this[kDirBusy] = null;
          for (const op of queue) op();
        });
        if (err) return callback(err);
        if (list === null) return callback(null, null);
        let d;
        try {
          this.processReadResult(this[kDirPath], list);
          d = shift(this);
        } catch (error) {
          return callback(error);
        }
        callback(null, d);
      });
    }

    // (node's: result is what one read of the handle gave, [names, types] here)
    processReadResult(path, result) {
      const names = result[0], types = result[1];
      const enc = this[kDirOptions].encoding;
      for (let i = 0; i < names.length; i++) {
        this[kDirBuffer].push(new Dirent(encodeName(names[i], enc), types[i], path));
      }
    }

    // With options.recursive, a directory's own entries join the buffer as it is handed out,
    // read synchronously and only one batch of bufferSize of them, as node 20's Dir does (a
    // subdirectory with more entries is cut short there too).
    readSyncRecursive(dirent) {
      const sub = require('path').join(dirent.parentPath, dirent.name);
      const handle = binding.opendir(sub);
      try {
        const list = binding.dirRead(handle, this[kDirOptions].bufferSize, wantBuf(this[kDirOptions].encoding));
        if (list !== null) this.processReadResult(sub, list);
      } finally {
        binding.dirClose(handle);
      }
    }

    readSync() {
      if (this[kDirClosed] === true) throw dirError('ERR_DIR_CLOSED', ['Dir.readSync (node:internal/fs/dir:190:13)'], 190);
      if (this[kDirBusy] !== null) {
        throw dirError('ERR_DIR_CONCURRENT_OPERATION', ['Dir.readSync (node:internal/fs/dir:194:13)'], 194);
      }
      if (this[kDirBuffer].length > 0) return shift(this);
      const list = binding.dirRead(hid(this), this[kDirOptions].bufferSize, wantBuf(this[kDirOptions].encoding));
      if (list === null) return null;
      this.processReadResult(this[kDirPath], list);
      return shift(this);
    }

    close(callback) {
      if (callback === undefined) {
        if (this[kDirClosed] === true) return Promise.reject(dirError('ERR_DIR_CLOSED', ['Dir.close (node:internal/fs/dir:231:30)']));
        return this[kDirClosePromisified]();
      }
      validateFunction(callback, 'callback');
      if (this[kDirClosed] === true) {
        const err = dirError('ERR_DIR_CLOSED', ['Dir.close (node:internal/fs/dir:240:34)']);
        queueTick(() => callback(err));
        return;
      }
      if (this[kDirBusy] !== null) {
        this[kDirBusy].push(() => this.close(callback));
        return;
      }
      this[kDirClosed] = true;
      binding.dirClose(hid(this), (err) => callback(err));
    }

    closeSync() {
      if (this[kDirClosed] === true) throw dirError('ERR_DIR_CLOSED', ['Dir.closeSync (node:internal/fs/dir:259:13)'], 259);
      if (this[kDirBusy] !== null) {
        throw dirError('ERR_DIR_CONCURRENT_OPERATION', ['Dir.closeSync (node:internal/fs/dir:263:13)'], 263);
      }
      this[kDirClosed] = true;
      binding.dirClose(hid(this));
    }

    // node's is an async generator function (so is [Symbol.asyncIterator], the same function):
    // entriesBody is its body, run by the runtime's async generators (Host.AsyncGen), a
    // yielded Await an await
    entries() {
      return asyncGenerator.call(entries, this, null, entriesBody);
    }
  }
  const entries = Dir.prototype.entries;
  const ag = binding.asyncGen();
  ag.f(entries);
  function Await(value) { this[0] = value; }
  const asyncGenerator = ag.g(Await);
  function* entriesBody() {
    try {
      for (;;) {
        const dirent = yield new Await(this[kDirReadPromisified]());
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      yield new Await(this[kDirClosePromisified]());
    }
  }
  Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
    __proto__: null, value: entries, enumerable: false, writable: true, configurable: true,
  });

  function opendir(path, options, callback) {
    callback = typeof options === 'function' ? options : callback;
    validateFunction(callback, 'callback');
    path = getValidatedPath(path);
    options = optionsAt(options, { encoding: 'utf8' });
    const dirOptions = { ...options };
    binding.opendir(path, (err, handle) => {
      if (err) return callback(err);
      callback(null, new Dir(handle, path, dirOptions));
    });
  }
  function opendirSync(path, options) {
    path = getValidatedPath(path);
    options = optionsAt(options, { encoding: 'utf8' });
    let handle;
    try {
      handle = binding.opendir(path);
    } catch (e) {
      throw atNodeSite(e, 'opendirSync');
    }
    return new Dir(handle, path, options);
  }
  return { Dir, opendir, opendirSync };
})
