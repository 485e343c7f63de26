// ---- fs.watch's and fs.watchFile's classes, fs.promises.watch's iterator -------------------
// A part of fs's glue, compiled on the first watch (parts.go): fs.js's getWatchClasses calls it
// with the names of fs.js it uses.
(function makeWatchClasses({
  require, binding, queueTick, AbortError, encodeName, errValue, getValidatedPath,
  isEncoding, pathString, validateAbortSignal, validateBoolean, validateObject,
  wantBuf, watchError,
}) {
  const EE = require('events');
  const EventEmitter = EE.EventEmitter || EE;
  // Node keeps a watcher's native handle in its public _handle property (tests close it directly
  // with watcher._handle.close()); the Go handle's close is idempotent.
  const kHandle = '_handle';

  // (function-style as node's: the methods are enumerable and anonymous, for...in lists them)
  function FSWatcher() {
    EventEmitter.call(this);
    this[kHandle] = null;
  }
  Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(FSWatcher, EventEmitter);
  // Kept by node for old callers: start() is a no-op (the watcher starts itself).
  FSWatcher.prototype.start = () => {};
  FSWatcher.prototype.close = function () {
    if (this[kHandle] === null) return;
    this[kHandle].close();
    this[kHandle] = null;
    queueTick(() => this.emit('close'));
  };
  FSWatcher.prototype.ref = function () {
    if (this[kHandle] !== null) this[kHandle].ref();
    return this;
  };
  FSWatcher.prototype.unref = function () {
    if (this[kHandle] !== null) this[kHandle].unref();
    return this;
  };

  // A StatWatcher counts its references as node's does: one per watchFile of its path (ref()
  // and unref() move the count between 0 and that many, and the handle is unref'ed at 0), so
  // one unref() of a path watched twice keeps the process alive. kOldStatus is the status of
  // the last poll (0, or the error number of a stat that failed).
  const kOldStatus = Symbol('kOldStatus');
  const kUseBigint = Symbol('kUseBigint');
  const kRefCount = Symbol('KFSStatWatcherRefCount');
  const kMaxRefCount = Symbol('KFSStatWatcherMaxRefCount');
  const kStart = Symbol('kFSStatWatcherStart');
  const kAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');
  function StatWatcher(bigint) {
    EventEmitter.call(this);
    this[kHandle] = null;
    this[kOldStatus] = -1;
    this[kUseBigint] = bigint;
    this[kRefCount] = 1;
    this[kMaxRefCount] = 1;
  }
  Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(StatWatcher, EventEmitter);
  // (node's takes the path and makes the handle; here watchFile makes it)
  StatWatcher.prototype[kStart] = function (handle, persistent) {
    if (this[kHandle] !== null) return;
    this[kHandle] = handle;
    if (!persistent) this.unref();
  };
  // Kept by node for old callers: a no-op (the watcher starts itself).
  StatWatcher.prototype.start = () => {};
  StatWatcher.prototype.stop = function () {
    if (this[kHandle] === null) return;
    this[kHandle].close();
    this[kHandle] = null;
    queueTick(() => this.emit('stop'));
  };
  StatWatcher.prototype[kAddOrCleanRef] = function (operate) {
    if (operate === 'add') {
      this[kRefCount]++;
      this[kMaxRefCount]++;
    } else if (operate === 'clean') {
      this[kMaxRefCount]--;
      this.unref();
    } else if (operate === 'cleanAll') {
      this[kMaxRefCount] = 0;
      this[kRefCount] = 0;
      if (this[kHandle] !== null) this[kHandle].unref();
    }
  };
  StatWatcher.prototype.ref = function () {
    if (this[kRefCount] === this[kMaxRefCount]) return this;
    if (this[kHandle] !== null && this[kRefCount]++ === 0) this[kHandle].ref();
    return this;
  };
  StatWatcher.prototype.unref = function () {
    if (this[kRefCount] === 0) return this;
    if (this[kHandle] !== null && --this[kRefCount] === 0) this[kHandle].unref();
    return this;
  };

  // fs.watch(..., { recursive: true }) on Linux, as node's (internal/fs/recursive_watch): a
  // plain watcher on the root and on each file and folder found under it, whose events it
  // checks against a fresh stat of their path. A folder's event reads the folder again and
  // reports each entry not seen before as a 'rename' (and watches it: a file created and
  // written at once is a 'rename' only); a file's event is its 'change', or the 'rename' of its
  // removal (its stat fails), which stops the watchers of everything under that path. It has
  // no _handle, emits 'close' at once, and its ref() and unref() do nothing (node's look for
  // stat watchers in a map of Stats). Events a program makes in one turn come in the order
  // the kernel queued them, over watchers sharing one inotify descriptor (watch.go).
  const kWatchStart = Symbol('kFSWatchStart');
  const RecursiveFSWatcher = class FSWatcher extends EventEmitter {
    #persistent;
    #signal;
    #closed = false;
    #files = new Map(); // path: its last Stats
    #watchers = new Map(); // path: its plain watcher
    #links = new Set();
    #root = '';
    #rootIsFile = false;

    constructor(options = {}) {
      super();
      const { persistent, recursive, signal, encoding } = options;
      if (recursive != null) validateBoolean(recursive, 'options.recursive');
      if (persistent != null) validateBoolean(persistent, 'options.persistent');
      if (signal != null) validateAbortSignal(signal, 'options.signal');
      // (node's arguments are the other way round: the encoding is named, the key is shown)
      if (encoding != null && typeof encoding !== 'string') throw errValue(encoding, 'options.encoding');
      this.#persistent = persistent;
      this.#signal = signal;
    }

    close() {
      if (this.#closed) return;
      this.#closed = true;
      for (const file of this.#files.keys()) {
        const w = this.#watchers.get(file);
        if (w !== undefined) w.close();
        this.#watchers.delete(file);
      }
      this.#files.clear();
      this.#links.clear();
      this.emit('close');
    }

    ref() {}
    unref() {}

    #rel(file) { return require('path').relative(this.#root, file); }

    // (as node's, a plain prefix: stopping "a" stops "ab" too)
    #unwatchUnder(file) {
      this.#links.delete(file);
      for (const name of this.#files.keys()) {
        if (name.startsWith(file)) {
          this.#files.delete(name);
          const w = this.#watchers.get(name);
          if (w !== undefined) w.close();
          this.#watchers.delete(name);
        }
      }
    }

    #watchFolder(folder) {
      const fs = require('fs');
      const { join } = require('path');
      try {
        const entries = fs.readdirSync(folder, { withFileTypes: true });
        for (const entry of entries) {
          if (this.#closed) break;
          const f = join(folder, entry.name);
          if (this.#files.has(f)) continue;
          this.emit('change', 'rename', this.#rel(f));
          if (entry.isSymbolicLink()) this.#links.add(f);
          try {
            this.#watchFile(f);
            if (entry.isDirectory() && !entry.isSymbolicLink()) this.#watchFolder(f);
          } catch (err) {
            // (gone already: its removal is for the folder's next event)
            if (err.code !== 'ENOENT') throw err;
          }
        }
      } catch (err) {
        this.emit('error', err);
      }
    }

    #watchFile(file) {
      if (this.#closed || this.#files.has(file)) return;
      const fs = require('fs');
      this.#files.set(file, fs.statSync(file));
      const watcher = fs.watch(file, { persistent: this.#persistent }, () => {
        const before = this.#files.get(file);
        let now;
        try {
          now = fs.statSync(file);
          this.#files.set(file, now);
        } catch {
          // removed
        }
        if (now === undefined || (now.birthtimeMs === 0 && before.birthtimeMs !== 0)) {
          this.#files.delete(file);
          this.#watchers.delete(file);
          watcher.close();
          this.emit('change', 'rename', this.#rel(file));
          this.#unwatchUnder(file);
        } else if (file === this.#root && this.#rootIsFile) {
          this.emit('change', 'change', require('path').basename(file));
        } else if (this.#links.has(file)) {
          this.emit('change', 'rename', this.#rel(file));
        } else if (now.isDirectory()) {
          this.#watchFolder(file);
        } else {
          this.emit('change', 'change', this.#rel(file));
        }
      });
      this.#watchers.set(file, watcher);
    }

    [kWatchStart](filename) {
      filename = require('path').resolve(getValidatedPath(filename));
      try {
        const st = require('fs').statSync(filename);
        this.#root = filename;
        this.#closed = false;
        this.#rootIsFile = st.isFile();
        this.#watchFile(filename);
        if (st.isDirectory()) this.#watchFolder(filename);
      } catch (err) {
        // (any other failure leaves a watcher that reports nothing, as node's)
        if (err.code === 'ENOENT') {
          err.filename = filename;
          // (node's places of this method and of the fs.watch that calls it)
          if (typeof err.stack === 'string') {
            err.stack = err.stack.replace(/(\n    at \[kFSWatchStart\] \(node:)fs:\d+:\d+\)/, '$1internal/fs/recursive_watch:204:37)')
              .replace(/(\n    at Object\.watch \(node:fs:)\d+:\d+\)/, '$12500:36)');
            // (uncaught, its excerpt is this rethrow)
            require('internal/errors').putArrowMessage(err, 'node:internal/fs/recursive_watch:217\n        throw error;\n        ^\n');
          }
          throw err;
        }
      }
    }

    // fs.promises.watch's iterator: each next() waits for the next 'change' (one that comes
    // while nobody waits is not kept)
    [Symbol.asyncIterator]() {
      const signal = this.#signal;
      const executor = signal == null ?
        (resolve) => {
          this.once('change', (eventType, filename) => resolve({ __proto__: null, value: { eventType, filename } }));
        } :
        (resolve, reject) => {
          const onAbort = () => {
            this.close();
            reject(new AbortError(undefined, { cause: signal.reason }));
          };
          if (signal.aborted) return onAbort();
          signal.addEventListener('abort', onAbort, { __proto__: null, once: true });
          this.once('change', (eventType, filename) => {
            signal.removeEventListener('abort', onAbort);
            resolve({ __proto__: null, value: { eventType, filename } });
          });
        };
      return {
        next: () => (this.#closed ? { __proto__: null, done: true } : new Promise(executor)),
        return: () => {
          this.close();
          return { __proto__: null, done: true };
        },
        [Symbol.asyncIterator]() { return this; },
      };
    }
  };

  // The classes of the native handles, as their constructor names show: node's FSEvent and its
  // internal StatWatcher (a class of the same name as the public one).
  function FSEvent() {}
  const StatWatcherHandle = { StatWatcher: function() {} }.StatWatcher;

  // fs.promises.watch's events, as node 20's: one pending promise at a time, made when the
  // iterator is asked for the next event, which the first event to come settles; the events
  // that come before the next one is asked for are not kept.
  function startWatchPromises(filename, options) {
    const path = getValidatedPath(filename, 'filename');
    validateObject(options, 'options');
    const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
    validateBoolean(persistent, 'options.persistent');
    validateBoolean(recursive, 'options.recursive');
    validateAbortSignal(signal, 'options.signal');
    // (node's arguments are the other way round: the encoding is named, the key is shown)
    if (encoding && !isEncoding(encoding)) throw errValue(encoding, 'encoding', 'is invalid encoding');
    if (signal && signal.aborted) {
      const err = new AbortError(undefined, { cause: signal.reason });
      return { next() { return Promise.reject(err); }, return() { return Promise.resolve({ done: true }); }, [Symbol.asyncIterator]() { return this; } };
    }
    let waiter = null; // the pending promise's settlers, while it is pending
    let handle = null;
    let finished = false;
    let failure = null;
    const settle = () => {
      if (waiter === null || !(finished || failure)) return;
      const w = waiter;
      waiter = null;
      if (failure) w.reject(failure);
      else w.resolve({ value: undefined, done: true });
    };
    const close = () => {
      if (handle !== null) {
        handle.close();
        handle = null;
      }
    };
    try {
      handle = binding.watch(path, recursive, persistent, wantBuf(encoding),
        (eventType, name) => {
          if (finished || waiter === null) return;
          const w = waiter;
          waiter = null;
          w.resolve({ value: { eventType, filename: encodeName(name, encoding) }, done: false });
        },
        (err) => {
          failure = err;
          close();
          settle();
        });
      Object.setPrototypeOf(handle, FSEvent.prototype);
    } catch (err) {
      throw watchError(err, pathString(path));
    }
    const onAbort = () => {
      failure = new AbortError(undefined, { cause: signal.reason });
      close();
      settle();
    };
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    return {
      __proto__: null,
      next() {
        if (failure) return Promise.reject(failure);
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => { waiter = { resolve, reject }; });
      },
      return() {
        finished = true;
        close();
        if (signal) signal.removeEventListener('abort', onAbort);
        settle();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) {
        finished = true;
        close();
        settle();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  // fs.promises.watch's body, run by the runtime's async generators (Host.AsyncGen): a
  // yielded Await is an await
  function Await(value) { this[0] = value; }
  const asyncGenerator = binding.asyncGen().g(Await);
  function* watchBody(filename, options) {
    validateObject(options, 'options');
    if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
    let events;
    if (options.recursive && process.platform !== 'darwin' && process.platform !== 'win32') {
      // (as node's, the recursive watcher's own iterator, delegated to as by yield*)
      const watcher = new RecursiveFSWatcher(options);
      watcher[kWatchStart](filename);
      events = watcher[Symbol.asyncIterator]();
    } else {
      events = startWatchPromises(filename, options);
    }
    try {
      for (;;) {
        const r = yield new Await(events.next());
        if (r.done) return;
        yield r.value;
      }
    } finally {
      events.return();
    }
  }
  // watchPromises(fn, self, args): the AsyncGenerator of fn's call (fs.promises.watch)
  function watchPromises(fn, self, args) {
    return asyncGenerator.call(fn, self, args, watchBody);
  }

  return { FSWatcher, StatWatcher, kHandle, FSEvent, StatWatcherHandle, RecursiveFSWatcher, kWatchStart,
    kOldStatus, kStart, kAddOrCleanRef, watchPromises };
})
