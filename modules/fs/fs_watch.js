// ---- fs.watch's and fs.watchFile's classes, fs.promises.watch's iterator -------------------
// A part of fs's glue, compiled on the first watch (parts.go): fs.js's getWatchClasses calls it
// with the names of fs.js it uses.
(function makeWatchClasses({
  require, binding, queueTick, AbortError, encodeName, errCode, errValue, getValidatedPath,
  isEncoding, pathString, validateAbortSignal, validateBoolean, validateInteger, validateObject,
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

  // fs.watch(..., { recursive: true }) on Linux: node's watcher made in JS of one watcher per
  // file and folder (internal/fs/recursive_watch) has no _handle, emits 'close' at once, and
  // its ref() and unref() return nothing. gojs watches the tree natively behind it.
  const recursiveHandles = new WeakMap();
  const RecursiveFSWatcher = class FSWatcher extends EventEmitter {
    close() {
      const handle = recursiveHandles.get(this);
      if (handle === undefined) return;
      recursiveHandles.delete(this);
      handle.close();
      this.emit('close');
    }
    ref() {
      const handle = recursiveHandles.get(this);
      if (handle !== undefined) handle.ref();
    }
    unref() {
      const handle = recursiveHandles.get(this);
      if (handle !== undefined) handle.unref();
    }
  };

  // The classes of the native handles, as their constructor names show: node's FSEvent and its
  // internal StatWatcher (a class of the same name as the public one).
  function FSEvent() {}
  const StatWatcherHandle = { StatWatcher: function() {} }.StatWatcher;

  function startWatchPromises(filename, options) {
    const path = getValidatedPath(filename, 'filename');
    validateObject(options, 'options');
    const { persistent = true, recursive = false, encoding = 'utf8', signal, maxQueue = 2048, overflow = 'ignore' } = options;
    validateBoolean(persistent, 'options.persistent');
    validateBoolean(recursive, 'options.recursive');
    validateInteger(maxQueue, 'options.maxQueue');
    if (overflow !== 'ignore' && overflow !== 'throw') {
      throw errValue('options.overflow', overflow, "must be one of: 'ignore', 'throw'");
    }
    validateAbortSignal(signal, 'options.signal');
    if (encoding && !isEncoding(encoding) && encoding !== 'buffer') {
      throw errValue('encoding', encoding, 'is invalid encoding');
    }
    if (signal && signal.aborted) {
      const err = new AbortError(undefined, { cause: signal.reason });
      return { next() { return Promise.reject(err); }, return() { return Promise.resolve({ done: true }); }, [Symbol.asyncIterator]() { return this; } };
    }
    const queue = [];
    const waiting = [];
    let handle = null;
    let finished = false;
    let failure = null;
    const settle = () => {
      while (waiting.length > 0 && (queue.length > 0 || finished || failure)) {
        const w = waiting.shift();
        if (queue.length > 0) w.resolve({ value: queue.shift(), done: false });
        else if (failure) w.reject(failure);
        else w.resolve({ value: undefined, done: true });
      }
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
          if (finished) return;
          if (queue.length >= maxQueue) {
            if (overflow === 'throw') {
              failure = errCode('Error', 'ERR_FS_WATCH_QUEUE_OVERFLOW', `fs.watch maxQueue exceeded (${maxQueue})`);
              close();
              settle();
            } else if (typeof process === 'object' && process.emitWarning) {
              process.emitWarning('fs.watch maxQueue exceeded');
            }
            return;
          }
          queue.push({ __proto__: null, eventType, filename: encodeName(name, encoding) });
          settle();
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
        if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
        if (failure) return Promise.reject(failure);
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
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
    const events = startWatchPromises(filename, options);
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

  return { FSWatcher, StatWatcher, kHandle, FSEvent, StatWatcherHandle, RecursiveFSWatcher, recursiveHandles,
    kOldStatus, kStart, kAddOrCleanRef, watchPromises };
})
