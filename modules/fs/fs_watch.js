
// ---- fs.watch, fs.watchFile, fs.promises.watch --------------------------------------------

let watchClasses = null;

function getWatchClasses() {
  helpersReady || loadHelpers();
  if (watchClasses !== null) return watchClasses;
  const EE = require('events');
  const EventEmitter = EE.EventEmitter || EE;
  // Node keeps a watcher's native handle in its public _handle property (tests close it directly
  // with watcher._handle.close()); the Go handle's close is idempotent.
  const kHandle = '_handle';

  class FSWatcher extends EventEmitter {
    constructor() {
      super();
      this[kHandle] = null;
    }
    close() {
      if (this[kHandle] === null) return;
      this[kHandle].close();
      this[kHandle] = null;
      queueTick(() => this.emit('close'));
    }
    ref() {
      if (this[kHandle] !== null) this[kHandle].ref();
      return this;
    }
    unref() {
      if (this[kHandle] !== null) this[kHandle].unref();
      return this;
    }
  }

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
  class StatWatcher extends EventEmitter {
    // Kept by node for old callers: a no-op (the watcher starts itself).
    start() {}
    constructor(bigint) {
      super();
      this[kHandle] = null;
      this[kOldStatus] = -1;
      this[kUseBigint] = bigint;
      this[kRefCount] = 1;
      this[kMaxRefCount] = 1;
    }
    stop() {
      if (this[kHandle] === null) return;
      this[kHandle].close();
      this[kHandle] = null;
      queueTick(() => this.emit('stop'));
    }
    ref() {
      if (this[kRefCount] === this[kMaxRefCount]) return this;
      if (this[kHandle] !== null && this[kRefCount]++ === 0) this[kHandle].ref();
      return this;
    }
    unref() {
      if (this[kRefCount] === 0) return this;
      if (this[kHandle] !== null && --this[kRefCount] === 0) this[kHandle].unref();
      return this;
    }
    // (node's takes the path and makes the handle; here watchFile makes it)
    [kStart](handle, persistent) {
      if (this[kHandle] !== null) return;
      this[kHandle] = handle;
      if (!persistent) this.unref();
    }
    [kAddOrCleanRef](operate) {
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
    }
  }

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

  // Kept by node for old callers: start() is a no-op (the watcher starts itself).
  FSWatcher.prototype.start = () => {};

  // The classes of the native handles, as their constructor names show: node's FSEvent and its
  // internal StatWatcher (a class of the same name as the public one).
  function FSEvent() {}
  const StatWatcherHandle = { StatWatcher: function() {} }.StatWatcher;
  watchClasses = { FSWatcher, StatWatcher, kHandle, FSEvent, StatWatcherHandle, RecursiveFSWatcher, recursiveHandles,
    kOldStatus, kStart, kAddOrCleanRef };
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
  options = getOptions(options);
  // Don't make changes directly on options object
  {
    const own = {};
    for (const key in options) own[key] = options[key];
    options = own;
  }
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  // (node checks it only when set: its recursive watcher does; null or NaN watch one level)
  if (options.recursive) validateBoolean(options.recursive, 'options.recursive');
  const path = getValidatedPath(filename);
  const { FSWatcher, kHandle, RecursiveFSWatcher, recursiveHandles } = getWatchClasses();
  const jsRecursive = options.recursive && process.platform !== 'darwin' && process.platform !== 'win32';
  const watcher = jsRecursive ? new RecursiveFSWatcher() : new FSWatcher();
  const encoding = options.encoding;
  try {
    const handle = binding.watch(path, !!options.recursive, options.persistent === true, wantBuf(encoding),
      (eventType, name) => watcher.emit('change', eventType, encodeName(name, encoding)),
      (err) => {
        watcher.close();
        watcher.emit('error', err);
      }, watcher);
    Object.setPrototypeOf(handle, getWatchClasses().FSEvent.prototype);
    if (jsRecursive) recursiveHandles.set(watcher, handle);
    else watcher[kHandle] = handle;
  } catch (err) {
    throw atNodeSite(watchError(err, pathString(path)), 'watch');
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

// _watch (node's name) is fs.promises.watch: an async iterator of { eventType, filename }. Like
// Node's async generator, it does nothing (not even argument checks) until the first next().
function _watch(filename, options = {}) {
  helpersReady || loadHelpers();
  let inner = null;
  let done = false;
  const start = () => {
    if (inner === null) inner = startWatchPromises(filename, options);
    return inner;
  };
  return {
    __proto__: null,
    next() {
      if (done) return Promise.resolve({ value: undefined, done: true });
      try {
        return start().next();
      } catch (err) {
        done = true;
        return Promise.reject(err);
      }
    },
    return(value) {
      done = true;
      if (inner !== null) inner.return();
      return Promise.resolve({ value, done: true });
    },
    throw(err) {
      done = true;
      if (inner !== null) inner.return();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

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
    Object.setPrototypeOf(handle, getWatchClasses().FSEvent.prototype);
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
  validateFunction(listener, 'listener');
  stat = statWatchers.get(key);
  const { StatWatcher, StatWatcherHandle, kOldStatus, kStart, kAddOrCleanRef } = getWatchClasses();
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    validateUint32(options.interval, "interval");
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
