// ---- Dir, opendir, opendirSync ------------------------------------------------------------
// A part of fs's glue, compiled on the first read of one of them (parts.go): fs.js's dirAPI
// calls it with the names of fs.js it uses.
(function makeDirAPI({
  require, binding, Dirent, atNodeSite, encodeName, errCode, getOptions, getValidatedPath,
  kArrowMessage, queueTick, validateFunction, validateUint32, wantBuf,
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
  // the promise forms of read and close, named as node's promisified methods are
  const promised = {
    [kDirReadImpl]() {
      return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d))));
    },
    close() {
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    },
  };

  function dirClosedError() { return errCode('Error', 'ERR_DIR_CLOSED', 'Directory handle was closed'); }

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
          Object.defineProperty(err, kArrowMessage, {
            __proto__: null, writable: true, configurable: true,
            value: "node:internal/fs/dir:49\n    if (handle == null) throw new ERR_MISSING_ARGS('handle');\n" +
              `${' '.repeat(24)}^\n`,
          });
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
        throw e;
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

    _fill(list, dirPath = this[kDirPath]) {
      const names = list[0], types = list[1];
      const enc = this[kDirOptions].encoding;
      for (let i = 0; i < names.length; i++) {
        this[kDirBuffer].push(new Dirent(encodeName(names[i], enc), types[i], dirPath));
      }
    }

    // The next buffered entry. With options.recursive, a directory's own entries join the
    // buffer as it is handed out, read synchronously and only one batch of bufferSize of them,
    // as node 20's Dir does (a subdirectory with more entries is cut short there too).
    _shift() {
      const dirent = this[kDirBuffer].shift();
      if (this[kDirOptions].recursive && dirent.isDirectory()) {
        const sub = require('path').join(dirent.parentPath, dirent.name);
        const handle = binding.opendir(sub);
        try {
          const list = binding.dirRead(handle, this[kDirOptions].bufferSize, wantBuf(this[kDirOptions].encoding));
          if (list !== null) this._fill(list, sub);
        } finally {
          binding.dirClose(handle);
        }
      }
      return dirent;
    }

    read(callback) {
      // a closed handle throws before the promise form makes its promise, as node's
      if (this[kDirClosed] === true) throw dirClosedError();
      if (callback === undefined) return this[kDirReadPromisified]();
      validateFunction(callback, 'callback');
      if (this[kDirBusy] !== null) {
        this[kDirBusy].push(() => this.read(callback));
        return;
      }
      if (this[kDirBuffer].length > 0) {
        let d;
        try {
          d = this._shift();
        } catch (err) {
          queueTick(() => callback(err));
          return;
        }
        queueTick(() => callback(null, d));
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
          this._fill(list);
          d = this._shift();
        } catch (error) {
          return callback(error);
        }
        callback(null, d);
      });
    }

    readSync() {
      if (this[kDirClosed] === true) throw dirClosedError();
      if (this[kDirBusy] !== null) {
        throw errCode('Error', 'ERR_DIR_CONCURRENT_OPERATION',
          'Cannot do synchronous work on directory handle with concurrent asynchronous operations');
      }
      if (this[kDirBuffer].length > 0) return this._shift();
      const list = binding.dirRead(hid(this), this[kDirOptions].bufferSize, wantBuf(this[kDirOptions].encoding));
      if (list === null) return null;
      this._fill(list);
      return this._shift();
    }

    close(callback) {
      if (callback === undefined) {
        if (this[kDirClosed] === true) return Promise.reject(dirClosedError());
        return this[kDirClosePromisified]();
      }
      validateFunction(callback, 'callback');
      if (this[kDirClosed] === true) {
        queueTick(() => callback(dirClosedError()));
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
      if (this[kDirClosed] === true) throw dirClosedError();
      if (this[kDirBusy] !== null) {
        throw errCode('Error', 'ERR_DIR_CONCURRENT_OPERATION',
          'Cannot do synchronous work on directory handle with concurrent asynchronous operations');
      }
      this[kDirClosed] = true;
      binding.dirClose(hid(this));
    }

    // node's is an async generator function (so is [Symbol.asyncIterator], the same function),
    // written here as its iterator protocol: an object of the AsyncGenerator tag whose methods
    // are on its prototype (entriesIterator), its state kept aside
    entries() {
      const it = { __proto__: entriesIterator };
      iterState.set(it, { dir: this, done: false });
      return it;
    }
  }
  binding.markFunc(Dir.prototype.entries, 'asyncGenerator');
  Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
    __proto__: null, value: Dir.prototype.entries, enumerable: false, writable: true, configurable: true,
  });

  const iterState = new WeakMap();
  const entriesIterator = {};
  for (const [key, value] of [
    ['next', function next() {
      const st = iterState.get(this);
      if (st === undefined) return Promise.reject(new TypeError('next method called on incompatible receiver'));
      if (st.done) return Promise.resolve({ value: undefined, done: true });
      const dir = st.dir;
      return dir.read().then((d) => {
        if (d === null) {
          st.done = true;
          return dir.close().then(() => ({ value: undefined, done: true }));
        }
        return { value: d, done: false };
      }, (err) => {
        st.done = true;
        return dir.close().then(() => { throw err; }, () => { throw err; });
      });
    }],
    ['return', { return(value) {
      const st = iterState.get(this);
      if (st === undefined) return Promise.reject(new TypeError('return method called on incompatible receiver'));
      if (st.done) return Promise.resolve({ value, done: true });
      st.done = true;
      return st.dir.close().then(() => ({ value, done: true }));
    } }.return],
    ['throw', { throw(err) {
      const st = iterState.get(this);
      if (st !== undefined && !st.done) {
        st.done = true;
        return st.dir.close().then(() => { throw err; });
      }
      return Promise.reject(err);
    } }.throw],
    [Symbol.asyncIterator, { [Symbol.asyncIterator]() { return this; } }[Symbol.asyncIterator]],
    [Symbol.toStringTag, 'AsyncGenerator'],
  ]) {
    Object.defineProperty(entriesIterator, key, {
      __proto__: null, value, enumerable: false, writable: typeof value === 'function', configurable: true,
    });
  }

  function opendir(path, options, callback) {
    callback = typeof options === 'function' ? options : callback;
    validateFunction(callback, 'callback');
    path = getValidatedPath(path);
    options = getOptions(options, { encoding: 'utf8' });
    const dirOptions = { ...options };
    binding.opendir(path, (err, handle) => {
      if (err) return callback(err);
      callback(null, new Dir(handle, path, dirOptions));
    });
  }
  function opendirSync(path, options) {
    path = getValidatedPath(path);
    options = getOptions(options, { encoding: 'utf8' });
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
