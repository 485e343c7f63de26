'use strict';
// The small internal modules node's own tests require (--expose-internals), each a view of the
// public modules under node's internal name and export names: internal/util/types,
// internal/url, internal/abort_controller, the internal/streams/* files, internal/readline/*,
// internal/fs/{streams,dir,promises}, internal/http, internal/dgram, internal/tty,
// internal/util/colors, internal/perf/*, internal/histogram, internal/promise_hooks,
// internal/v8/startup_snapshot, internal/buffer, internal/process/task_queues,
// internal/events/symbols, internal/worker. This module
// (internal/node_test_shims) holds their makers; each of those modules' glue calls its own.
const stream = require('stream');
const streamsInternal = require('internal/streams');
// (an http OutgoingMessage, by the fields node checks)
function isOutgoingMessage(st) {
  return typeof st._closed === 'boolean' && typeof st._defaultKeepAlive === 'boolean' &&
    typeof st._removedConnection === 'boolean' && typeof st._removedContLen === 'boolean';
}

const shims = {
  __proto__: null,
  'internal/util/types'() {
    return require('util').types;
  },
  'internal/url'() {
    const url = require('url');
    const isURL = (self) => Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
    return {
      fileURLToPath: url.fileURLToPath,
      pathToFileURL: url.pathToFileURL,
      toPathIfFileURL(fileURLOrPath) {
        if (!isURL(fileURLOrPath)) return fileURLOrPath;
        return url.fileURLToPath(fileURLOrPath);
      },
      URL: url.URL,
      URLSearchParams: url.URLSearchParams,
      domainToASCII: url.domainToASCII,
      domainToUnicode: url.domainToUnicode,
      urlToHttpOptions: url.urlToHttpOptions,
      isURL,
      encodeStr: require('internal/querystring').encodeStr,
      // the protocols url.parse treats as unsafe, host-less, or always followed by slashes
      unsafeProtocol: new Set(['javascript', 'javascript:']),
      hostlessProtocol: new Set(['javascript', 'javascript:']),
      slashedProtocol: new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:',
        'ws', 'ws:', 'wss', 'wss:']),
      urlUpdateActions: { kProtocol: 0, kHost: 1, kHostname: 2, kPort: 3, kUsername: 4, kPassword: 5, kPathname: 6,
        kSearch: 7, kHash: 8, kHref: 9 },
    };
  },
  'internal/abort_controller'() {
    const util = require('util');
    return {
      AbortController,
      AbortSignal,
      aborted: util.aborted,
      transferableAbortSignal: util.transferableAbortSignal,
      transferableAbortController: util.transferableAbortController,
    };
  },
  'internal/streams/end-of-stream'() {
    const eos = streamsInternal.eos;
    return eos;
  },
  'internal/streams/destroy'() {
    return {
      destroyer: streamsInternal.destroyer,
      destroy: stream.Readable.prototype.destroy,
      undestroy: stream.Readable.prototype._undestroy,
      errorOrDestroy: streamsInternal.errorOrDestroy,
    };
  },
  'internal/streams/utils'() {
    const s = streamsInternal;
    return {
      isDestroyed: s.isDestroyed,
      kIsDestroyed: Symbol.for('nodejs.stream.destroyed'),
      isDisturbed: stream.isDisturbed,
      kIsDisturbed: s.kIsDisturbed,
      isErrored: stream.isErrored,
      kIsErrored: s.kIsErrored,
      isReadable: stream.isReadable,
      kIsReadable: s.kIsReadable,
      kIsWritable: s.kIsWritable,
      isWritable: stream.isWritable,
      isIterable: s.isIterable,
      isNodeStream: s.isNodeStream,
      isWebStream: s.isWebStream,
      isReadableNodeStream: s.isReadableNodeStream,
      isWritableNodeStream: s.isWritableNodeStream,
      isReadableErrored: s.isReadableErrored,
      isWritableErrored: s.isWritableErrored,
      isDuplexNodeStream: s.isDuplexNodeStream,
      isReadableStream: s.isReadableStream,
      isWritableStream: s.isWritableStream,
      isTransformStream: s.isTransformStream,
      isWritableEnded: s.isWritableEnded,
      isWritableFinished: s.isWritableFinished,
      isReadableFinished: s.isReadableFinished,
      // (push(null) done: readableEnded, or the state's ended unless it errored)
      isReadableEnded(st) {
        if (!s.isReadableNodeStream(st)) return null;
        if (st.readableEnded === true) return true;
        const rState = st._readableState;
        if (!rState || rState.errored) return false;
        return typeof rState.ended === 'boolean' ? rState.ended : null;
      },
      isClosed: s.isClosed,
      isFinished: s.isFinished,
      isServerRequest: s.isServerRequest,
      isServerResponse: (st) => typeof st._sent100 === 'boolean' && isOutgoingMessage(st),
      willEmitClose: s.willEmitClose,
    };
  },
  'internal/streams/add-abort-signal'() {
    return {
      addAbortSignal: stream.addAbortSignal,
      addAbortSignalNoValidate(signal, s) {
        // (no checks: what is not a signal leaves the stream as it is)
        if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) return s;
        return stream.addAbortSignal(signal, s);
      },
    };
  },
  'internal/streams/compose'() {
    return stream.compose;
  },
  'internal/streams/pipeline'() {
    return { pipeline: stream.pipeline, pipelineImpl: streamsInternal.pipelineImpl };
  },
  'internal/streams/readable'() { return stream.Readable; },
  'internal/streams/writable'() { return stream.Writable; },
  'internal/streams/duplex'() { return stream.Duplex; },
  'internal/streams/transform'() { return stream.Transform; },
  'internal/streams/passthrough'() { return stream.PassThrough; },
  'internal/streams/legacy'() {
    return {
      Stream: streamsInternal.Stream,
      prependListener(emitter, event, fn) { return emitter.prependListener(event, fn); },
    };
  },
  'internal/streams/state'() {
    return {
      getDefaultHighWaterMark: stream.getDefaultHighWaterMark,
      setDefaultHighWaterMark: stream.setDefaultHighWaterMark,
    };
  },
  'internal/util/parse_args/parse_args'() {
    return { parseArgs: require('util').parseArgs };
  },
  'internal/events/abort_listener'() {
    return { addAbortListener: require('events').addAbortListener };
  },
  'internal/assert/calltracker'() {
    return require('assert').CallTracker;
  },
  'internal/blob'() {
    const { Blob, resolveObjectURL } = require('buffer');
    return { Blob, isBlob: (object) => object instanceof Blob, resolveObjectURL };
  },
  'internal/file'() {
    return { File: require('buffer').File };
  },
  'internal/socketaddress'() {
    return { SocketAddress: require('net').SocketAddress };
  },
  'internal/blocklist'() {
    return { BlockList: require('net').BlockList };
  },
  'internal/freelist'() {
    // node's free list of parsers: alloc() takes a kept object or makes one with ctor, free(obj)
    // keeps it while fewer than max are kept
    class FreeList {
      constructor(name, max, ctor) {
        this.name = name;
        this.ctor = ctor;
        this.max = max;
        this.list = [];
      }
      alloc() {
        return this.list.length > 0 ? this.list.pop() : Reflect.apply(this.ctor, this, arguments);
      }
      free(obj) {
        if (this.list.length < this.max) {
          this.list.push(obj);
          return true;
        }
        return false;
      }
    }
    return FreeList;
  },
  'internal/priority_queue'() {
    // node's binary heap (its timers' queue): positions count from 1, setPosition(item, pos) is
    // told each item's place as it moves, compare(a, b) < 0 puts a first
    class PriorityQueue {
      #compare = (a, b) => a - b;
      #heap = new Array(64);
      #setPosition;
      #size = 0;
      constructor(comparator, setPosition) {
        if (comparator !== undefined) this.#compare = comparator;
        if (setPosition !== undefined) this.#setPosition = setPosition;
      }
      insert(value) {
        const heap = this.#heap;
        const pos = ++this.#size;
        heap[pos] = value;
        if (heap.length === pos) heap.length *= 2;
        this.percolateUp(pos);
      }
      peek() {
        return this.#heap[1];
      }
      peekBottom() {
        return this.#heap[this.#size];
      }
      percolateDown(pos) {
        const compare = this.#compare;
        const setPosition = this.#setPosition;
        const hasSetPosition = setPosition !== undefined;
        const heap = this.#heap;
        const size = this.#size;
        const hsize = size >> 1;
        const item = heap[pos];
        while (pos <= hsize) {
          let child = pos << 1;
          const nextChild = child + 1;
          let childItem = heap[child];
          if (nextChild <= size && compare(heap[nextChild], childItem) < 0) {
            child = nextChild;
            childItem = heap[nextChild];
          }
          if (compare(item, childItem) <= 0) break;
          if (hasSetPosition) setPosition(childItem, pos);
          heap[pos] = childItem;
          pos = child;
        }
        heap[pos] = item;
        if (hasSetPosition) setPosition(item, pos);
      }
      percolateUp(pos) {
        const heap = this.#heap;
        const compare = this.#compare;
        const setPosition = this.#setPosition;
        const hasSetPosition = setPosition !== undefined;
        const item = heap[pos];
        while (pos > 1) {
          const parent = pos >> 1;
          const parentItem = heap[parent];
          if (compare(parentItem, item) <= 0) break;
          heap[pos] = parentItem;
          if (hasSetPosition) setPosition(parentItem, pos);
          pos = parent;
        }
        heap[pos] = item;
        if (hasSetPosition) setPosition(item, pos);
      }
      removeAt(pos) {
        const heap = this.#heap;
        const size = --this.#size;
        heap[pos] = heap[size + 1];
        heap[size + 1] = undefined;
        if (size > 0 && pos <= size) {
          if (pos > 1 && this.#compare(heap[pos >> 1], heap[pos]) > 0) this.percolateUp(pos);
          else this.percolateDown(pos);
        }
      }
      shift() {
        const heap = this.#heap;
        const value = heap[1];
        if (value === undefined) return;
        this.removeAt(1);
        return value;
      }
    }
    return PriorityQueue;
  },
  'internal/webstreams/adapters'() {
    // (plain functions, as node's: its tests call some with new)
    const { Readable, Writable, Duplex } = stream;
    return {
      newWritableStreamFromStreamWritable: function(streamWritable) { return Writable.toWeb(streamWritable); },
      newReadableStreamFromStreamReadable: function(streamReadable, options) { return Readable.toWeb(streamReadable, options); },
      newStreamWritableFromWritableStream: function(writableStream, options) { return Writable.fromWeb(writableStream, options); },
      newStreamReadableFromReadableStream: function(readableStream, options) { return Readable.fromWeb(readableStream, options); },
      newReadableWritablePairFromDuplex: function(duplex) { return Duplex.toWeb(duplex); },
      newStreamDuplexFromReadableWritablePair: function(pair, options) { return Duplex.fromWeb(pair, options); },
    };
  },
  'internal/webstreams/util'() {
    // the symbols the web streams keep their state under ([kState].state, .storedError, ...), as
    // node's tests read them
    const w = require('internal/webstreams');
    const own = Object.getOwnPropertySymbols(new w.ReadableStream());
    const kState = own.find((s) => s.description === 'kState');
    const kType = own.find((s) => s.description === 'kType');
    const { promiseDetails } = internalBinding('internal/util/inspect');
    return {
      kState,
      kType,
      isBrandCheck(brand) {
        return (value) => value != null && value[kType] === brand;
      },
      isPromisePending(promise) {
        if (promise === undefined) return false;
        const d = promiseDetails(promise);
        return d !== undefined && d[0] === 0;
      },
      setPromiseHandled(promise) {
        promise.then(() => {}, () => {});
      },
    };
  },
  'internal/webstreams/readablestream'() {
    const w = require('internal/webstreams');
    return {
      ReadableStream: w.ReadableStream,
      ReadableStreamDefaultReader: w.ReadableStreamDefaultReader,
      ReadableStreamBYOBReader: w.ReadableStreamBYOBReader,
      ReadableStreamBYOBRequest: w.ReadableStreamBYOBRequest,
      ReadableByteStreamController: w.ReadableByteStreamController,
      ReadableStreamDefaultController: w.ReadableStreamDefaultController,
      isReadableStream: w.isReadableStream,
      isReadableStreamLocked(stream) { return stream.locked; },
    };
  },
  'internal/webstreams/writablestream'() {
    const w = require('internal/webstreams');
    return {
      WritableStream: w.WritableStream,
      WritableStreamDefaultWriter: w.WritableStreamDefaultWriter,
      WritableStreamDefaultController: w.WritableStreamDefaultController,
      isWritableStream: w.isWritableStream,
      isWritableStreamLocked(stream) { return stream.locked; },
    };
  },
  'internal/webstreams/transformstream'() {
    const w = require('internal/webstreams');
    return {
      TransformStream: w.TransformStream,
      TransformStreamDefaultController: w.TransformStreamDefaultController,
      isTransformStream: w.isTransformStream,
    };
  },
  'internal/webstreams/queuingstrategies'() {
    const w = require('internal/webstreams');
    return { ByteLengthQueuingStrategy: w.ByteLengthQueuingStrategy, CountQueuingStrategy: w.CountQueuingStrategy };
  },
  'internal/webstreams/encoding'() {
    const w = require('internal/webstreams');
    return { TextEncoderStream: w.TextEncoderStream, TextDecoderStream: w.TextDecoderStream };
  },
  'internal/webstreams/compression'() {
    const w = require('internal/webstreams');
    return { CompressionStream: w.CompressionStream, DecompressionStream: w.DecompressionStream };
  },
  'internal/fs/utils'() {
    // node's fs argument checks, with its messages
    const fs = require('fs');
    const { codes } = require('internal/errors');
    const v = require('internal/validators');
    const { fileURLToPath } = require('url');
    const { isUint8Array, isArrayBufferView, isDate } = require('util').types;
    const C = fs.constants;
    const SYNC = C.O_SYNC;
    const flagsByName = {
      __proto__: null,
      'r': C.O_RDONLY,
      'rs': C.O_RDONLY | SYNC,
      'sr': C.O_RDONLY | SYNC,
      'r+': C.O_RDWR,
      'rs+': C.O_RDWR | SYNC,
      'sr+': C.O_RDWR | SYNC,
      'w': C.O_TRUNC | C.O_CREAT | C.O_WRONLY,
      'wx': C.O_TRUNC | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
      'xw': C.O_TRUNC | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
      'w+': C.O_TRUNC | C.O_CREAT | C.O_RDWR,
      'wx+': C.O_TRUNC | C.O_CREAT | C.O_RDWR | C.O_EXCL,
      'xw+': C.O_TRUNC | C.O_CREAT | C.O_RDWR | C.O_EXCL,
      'a': C.O_APPEND | C.O_CREAT | C.O_WRONLY,
      'ax': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
      'xa': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
      'as': C.O_APPEND | C.O_CREAT | C.O_WRONLY | SYNC,
      'sa': C.O_APPEND | C.O_CREAT | C.O_WRONLY | SYNC,
      'a+': C.O_APPEND | C.O_CREAT | C.O_RDWR,
      'ax+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_EXCL,
      'xa+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_EXCL,
      'as+': C.O_APPEND | C.O_CREAT | C.O_RDWR | SYNC,
      'sa+': C.O_APPEND | C.O_CREAT | C.O_RDWR | SYNC,
    };
    const isURL = (self) => Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
    function assertEncoding(encoding) {
      if (encoding && !Buffer.isEncoding(encoding)) {
        throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
      }
    }
    function validatePath(path, propName = 'path') {
      if (typeof path !== 'string' && !isUint8Array(path)) {
        throw new codes.ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
      }
      const hasNul = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
      if (hasNul) {
        throw new codes.ERR_INVALID_ARG_VALUE(propName, path, 'must be a string, Uint8Array, or URL without null bytes');
      }
    }
    let BigIntStats;
    return {
      constants: { ...C },
      assertEncoding,
      get BigIntStats() {
        BigIntStats ??= fs.statSync('/', { bigint: true }).constructor;
        return BigIntStats;
      },
      copyObject(source) {
        const target = {};
        for (const key in source) target[key] = source[key];
        return target;
      },
      Dirent: fs.Dirent,
      getOptions(options, defaultOptions = {}) {
        if (options == null || typeof options === 'function') return defaultOptions;
        if (typeof options === 'string') {
          defaultOptions = { ...defaultOptions };
          defaultOptions.encoding = options;
          options = defaultOptions;
        } else if (typeof options !== 'object') {
          const err = new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
          err.message = err.message.replace('must be of type object', 'must be one of type string or object');
          throw err;
        }
        if (options.encoding !== 'buffer') assertEncoding(options.encoding);
        if (options.signal !== undefined) v.validateAbortSignal(options.signal, 'options.signal');
        return options;
      },
      getValidatedFd(fd, propName = 'fd') {
        if (Object.is(fd, -0)) return 0;
        v.validateInt32(fd, propName, 0);
        return fd;
      },
      getValidatedPath(fileURLOrPath, propName = 'path') {
        const path = isURL(fileURLOrPath) ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
        validatePath(path, propName);
        return path;
      },
      realpathCacheKey: Symbol('realpathCacheKey'),
      Stats: fs.Stats,
      stringToFlags(flags, name = 'flags') {
        if (typeof flags === 'number') {
          v.validateInt32(flags, name);
          return flags;
        }
        if (flags == null) return C.O_RDONLY;
        const n = typeof flags === 'string' ? flagsByName[flags] : undefined;
        if (n === undefined) throw new codes.ERR_INVALID_ARG_VALUE('flags', flags);
        return n;
      },
      stringToSymlinkType(type) {
        if (typeof type === 'string') {
          switch (type) {
            case 'dir': return C.UV_FS_SYMLINK_DIR ?? 1;
            case 'junction': return C.UV_FS_SYMLINK_JUNCTION ?? 2;
            case 'file': return 0;
            default: {
              const E = codes.ERR_FS_INVALID_SYMLINK_TYPE ?? require('internal/errors').E('ERR_FS_INVALID_SYMLINK_TYPE',
                'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
              throw new E(type);
            }
          }
        }
        return 0;
      },
      toUnixTimestamp(time, name = 'time') {
        // eslint-disable-next-line eqeqeq
        if (typeof time === 'string' && +time == time) return +time;
        if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
        if (isDate(time)) return time.getTime() / 1000;
        throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
      },
      validateBufferArray(buffers, propName = 'buffers') {
        if (!Array.isArray(buffers) || !buffers.every((b) => isArrayBufferView(b))) {
          throw new codes.ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
        }
        return buffers;
      },
      validateOffsetLengthRead(offset, length, bufferLength) {
        if (offset < 0) throw new codes.ERR_OUT_OF_RANGE('offset', '>= 0', offset);
        if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
        if (offset + length > bufferLength) {
          throw new codes.ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
        }
      },
      validateOffsetLengthWrite(offset, length, byteLength) {
        if (offset > byteLength) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
        if (length > byteLength - offset) {
          throw new codes.ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
        }
        if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
        v.validateInt32(length, 'length', 0);
      },
      validatePath,
      validatePosition(position, name) {
        if (typeof position === 'number') {
          v.validateInteger(position, name, -1);
        } else if (typeof position === 'bigint') {
          const min = -(2n ** 63n);
          const max = 2n ** 63n - 1n;
          if (!(position >= min && position <= max)) {
            throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, position);
          }
        } else {
          throw new codes.ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
        }
      },
    };
  },
  'internal/timers'() {
    const { codes } = require('internal/errors');
    const v = require('internal/validators');
    const TIMEOUT_MAX = 2 ** 31 - 1;
    // (the classes are those of the timers a program makes)
    const t = setTimeout(() => {}, 0);
    clearTimeout(t);
    const i = setImmediate(() => {});
    clearImmediate(i);
    return {
      TIMEOUT_MAX,
      kTimeout: Symbol('timeout'),
      kRefed: Symbol('refed'),
      Timeout: t.constructor,
      Immediate: i.constructor,
      getTimerDuration(msecs, name) {
        v.validateNumber(msecs, name);
        if (msecs < 0 || !Number.isFinite(msecs)) {
          throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
        }
        if (msecs > TIMEOUT_MAX) {
          process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
            `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
          return TIMEOUT_MAX;
        }
        return msecs;
      },
      setUnrefTimeout(callback, after) {
        // an unref'd timer whose callback gets no arguments, as node's
        v.validateFunction(callback, 'callback');
        const timer = setTimeout(callback, after);
        timer.unref();
        return timer;
      },
    };
  },
  'internal/util/comparisons'() {
    const { isDeepEqual, isDeepStrictEqual } = require('internal/assert/comparisons');
    return { isDeepEqual, isDeepStrictEqual };
  },
  'internal/util/debuglog'() {
    return { debuglog: require('util').debuglog, initializeDebugEnv() {} };
  },
  'internal/linkedlist'() {
    // node's intrusive list (the old timers' lists): items link through _idleNext/_idlePrev, append
    // puts an item at the head and peek gives the oldest
    function init(list) {
      list._idleNext = list;
      list._idlePrev = list;
      return list;
    }
    function peek(list) {
      return list._idlePrev === list ? null : list._idlePrev;
    }
    function remove(item) {
      if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
      if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
      item._idleNext = null;
      item._idlePrev = null;
    }
    function append(list, item) {
      if (item._idleNext || item._idlePrev) remove(item);
      item._idleNext = list._idleNext;
      list._idleNext._idlePrev = item;
      item._idlePrev = list;
      list._idleNext = item;
    }
    function isEmpty(list) {
      return list._idleNext === list;
    }
    return { init, peek, remove, append, isEmpty };
  },
  'internal/readline/utils'() {
    function CSI(strings, ...args) {
      let ret = '\x1b[';
      for (let n = 0; n < strings.length; n++) {
        ret += strings[n];
        if (n < args.length) ret += args[n];
      }
      return ret;
    }
    CSI.kEscape = '\x1b';
    CSI.kClearToLineBeginning = CSI`1K`;
    CSI.kClearToLineEnd = CSI`0K`;
    CSI.kClearLine = CSI`2K`;
    CSI.kClearScreenDown = CSI`0J`;
    return {
      charLengthAt(str, i) {
        if (str.length <= i) return 1;
        return str.codePointAt(i) >= 0x10000 ? 2 : 1;
      },
      charLengthLeft(str, i) {
        if (i <= 0) return 0;
        if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) return 2;
        return 1;
      },
      commonPrefix(strings) {
        if (strings.length === 0) return '';
        if (strings.length === 1) return strings[0];
        const sorted = [...strings].sort();
        const min = sorted[0];
        const max = sorted[sorted.length - 1];
        for (let i = 0; i < min.length; i++) {
          if (min[i] !== max[i]) return min.slice(0, i);
        }
        return min;
      },
      kSubstringSearch: Symbol('kSubstringSearch'),
      CSI,
    };
  },
  'internal/net'() {
    const net = require('net');
    const normalized = net._normalizeArgs([]);
    return {
      kReinitializeHandle: Symbol('kReinitializeHandle'),
      isIP: net.isIP,
      isIPv4: net.isIPv4,
      isIPv6: net.isIPv6,
      normalizedArgsSymbol: Object.getOwnPropertySymbols(normalized).find((k) => k.description === 'normalizedArgs'),
    };
  },
  'internal/querystring'() {
    const hexTable = new Array(256);
    for (let i = 0; i < 256; ++i) hexTable[i] = '%' + ((i < 16 ? '0' : '') + i.toString(16)).toUpperCase();
    const isHexTable = new Int8Array(256);
    for (const c of '0123456789ABCDEFabcdef') isHexTable[c.charCodeAt(0)] = 1;
    function encodeStr(str, noEscapeTable, table) {
      // each code unit not marked in noEscapeTable as its UTF-8 bytes' %XX
      let out = '';
      for (let i = 0; i < str.length; i++) {
        let c = str.charCodeAt(i);
        if (c < 0x80) {
          out += noEscapeTable[c] === 1 ? str[i] : table[c];
          continue;
        }
        if (c < 0x800) {
          out += table[0xC0 | (c >> 6)] + table[0x80 | (c & 0x3F)];
          continue;
        }
        if (c < 0xD800 || c >= 0xE000) {
          out += table[0xE0 | (c >> 12)] + table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
          continue;
        }
        // (as node's: a surrogate takes the next unit as its pair, whatever it is; only one at
        // the end of the string is an error)
        if (i + 1 >= str.length) {
          const { codes, E } = require('internal/errors');
          const ERR_INVALID_URI = codes.ERR_INVALID_URI ?? E('ERR_INVALID_URI', 'URI malformed', URIError);
          throw new ERR_INVALID_URI();
        }
        const c2 = str.charCodeAt(++i) & 0x3FF;
        c = 0x10000 + (((c & 0x3FF) << 10) | c2);
        out += table[0xF0 | (c >> 18)] + table[0x80 | ((c >> 12) & 0x3F)] +
          table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
      }
      return out;
    }
    return { encodeStr, hexTable, isHexTable };
  },
  'internal/constants'() {
    // node's names for the characters its parsers compare codes with, and the platform's EOL
    const chars = [['UPPERCASE_A', 'A'], ['LOWERCASE_A', 'a'], ['UPPERCASE_Z', 'Z'], ['LOWERCASE_Z', 'z'],
      ['UPPERCASE_C', 'C'], ['LOWERCASE_B', 'b'], ['LOWERCASE_E', 'e'], ['LOWERCASE_N', 'n'], ['DOT', '.'],
      ['FORWARD_SLASH', '/'], ['BACKWARD_SLASH', '\\'], ['VERTICAL_LINE', '|'], ['COLON', ':'],
      ['QUESTION_MARK', '?'], ['UNDERSCORE', '_'], ['LINE_FEED', '\n'], ['CARRIAGE_RETURN', '\r'],
      ['TAB', '\t'], ['FORM_FEED', '\f'], ['EXCLAMATION_MARK', '!'], ['HASH', '#'], ['SPACE', ' '],
      ['NO_BREAK_SPACE', '\u00a0'], ['ZERO_WIDTH_NOBREAK_SPACE', '\ufeff'], ['LEFT_SQUARE_BRACKET', '['],
      ['RIGHT_SQUARE_BRACKET', ']'], ['LEFT_ANGLE_BRACKET', '<'], ['RIGHT_ANGLE_BRACKET', '>'],
      ['LEFT_CURLY_BRACKET', '{'], ['RIGHT_CURLY_BRACKET', '}'], ['HYPHEN_MINUS', '-'], ['PLUS', '+'],
      ['DOUBLE_QUOTE', '"'], ['SINGLE_QUOTE', "'"], ['PERCENT', '%'], ['SEMICOLON', ';'],
      ['CIRCUMFLEX_ACCENT', '^'], ['GRAVE_ACCENT', '`'], ['AT', '@'], ['AMPERSAND', '&'], ['EQUAL', '='],
      ['0', '0'], ['9', '9']];
    const out = {};
    for (const [name, ch] of chars) out[`CHAR_${name}`] = ch.charCodeAt(0);
    out.EOL = process.platform === 'win32' ? '\r\n' : '\n';
    return out;
  },
  'internal/streams/from'() {
    return function from(Readable, iterable, opts) { return Readable.from(iterable, opts); };
  },
  'internal/readline/callbacks'() {
    const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('readline');
    return { clearLine, clearScreenDown, cursorTo, moveCursor };
  },
  'internal/readline/emitKeypressEvents'() { return require('readline').emitKeypressEvents; },
  'internal/readline/promises'() { return { Readline: require('readline/promises').Readline }; },
  'internal/fs/streams'() {
    const fs = require('fs');
    return { ReadStream: fs.ReadStream, WriteStream: fs.WriteStream };
  },
  'internal/fs/dir'() {
    const fs = require('fs');
    return { Dir: fs.Dir, opendir: fs.opendir, opendirSync: fs.opendirSync };
  },
  'internal/fs/promises'() {
    const promises = require('fs/promises');
    return { exports: promises, FileHandle: require('internal/module_internals').get('fs/promises').FileHandle };
  },
  // node's internal/http: http's own kOutHeaders (an outgoing message's headers), the Date
  // header's text (made at most once a second) and the trace hooks (no tracing here)
  'internal/http'() {
    require('http');
    const { kOutHeaders } = require('internal/module_internals').get('http');
    let utcCache;
    let traceEventId = 0;
    return {
      kOutHeaders,
      utcDate() {
        if (utcCache === undefined) {
          const d = new Date();
          utcCache = d.toUTCString();
          const t = setTimeout(() => { utcCache = undefined; }, 1000 - d.getMilliseconds());
          t.unref();
        }
        return utcCache;
      },
      traceBegin() {},
      traceEnd() {},
      getNextTraceEventId: () => ++traceEventId,
      isTraceHTTPEnabled: () => false,
    };
  },
  // node's internal/dgram: the key of a socket's state (its handle, queue, bind state) and the
  // handle makers
  'internal/dgram'() {
    require('dgram');
    const { kStateSymbol, _createSocketHandle, newHandle } = require('internal/module_internals').get('dgram');
    return { kStateSymbol, _createSocketHandle, newHandle };
  },
  // node's internal/buffer: FastBuffer (Buffer's own Uint8Array subclass), an unzeroed buffer,
  // two of Buffer's readers and worker_threads' markAsUntransferable
  'internal/buffer'() {
    const { FastBuffer } = require('internal/module_internals').get('buffer');
    return {
      FastBuffer,
      markAsUntransferable: require('worker_threads').markAsUntransferable,
      createUnsafeBuffer: (size) => Buffer.allocUnsafeSlow(size),
      readUInt16BE: Buffer.prototype.readUInt16BE,
      readUInt32BE: Buffer.prototype.readUInt32BE,
    };
  },
  'internal/process/task_queues'() { return { queueMicrotask }; },
  // worker_threads' pieces under node's internal names (ownsProcessState: only the main thread
  // owns the process's state: cwd, umask, uid...)
  'internal/worker'() {
    const wt = require('worker_threads');
    return {
      ownsProcessState: wt.isMainThread,
      isMainThread: wt.isMainThread,
      SHARE_ENV: wt.SHARE_ENV,
      resourceLimits: wt.resourceLimits,
      setEnvironmentData: wt.setEnvironmentData,
      getEnvironmentData: wt.getEnvironmentData,
      threadId: wt.threadId,
      Worker: wt.Worker,
    };
  },
  // (events and readline mark an events.on() whose values are each event's first argument with it)
  'internal/events/symbols'() { return { kFirstEventParam: Symbol.for('nodejs.kFirstEventParam') }; },
  // perf_hooks' pieces under node's internal names
  'internal/perf/performance'() {
    const { Performance, performance } = require('perf_hooks');
    return { Performance, performance };
  },
  'internal/perf/performance_entry'() {
    const { PerformanceEntry } = require('perf_hooks');
    return { PerformanceEntry, isPerformanceEntry: (obj) => obj instanceof PerformanceEntry };
  },
  'internal/perf/usertiming'() {
    const { PerformanceMark, PerformanceMeasure, performance } = require('perf_hooks');
    return {
      PerformanceMark,
      PerformanceMeasure,
      mark: (name, options) => performance.mark(name, options),
      measure: (name, startOrMeasureOptions, endMark) => performance.measure(name, startOrMeasureOptions, endMark),
    };
  },
  'internal/perf/utils'() {
    const { performance } = require('perf_hooks');
    return { now: () => performance.now(), getTimeOriginTimestamp: () => performance.timeOrigin };
  },
  'internal/perf/resource_timing'() {
    const { PerformanceResourceTiming, performance } = require('perf_hooks');
    return { PerformanceResourceTiming, markResourceTiming: (...args) => performance.markResourceTiming(...args) };
  },
  'internal/perf/event_loop_delay'() { return require('perf_hooks').monitorEventLoopDelay; },
  'internal/perf/event_loop_utilization'() {
    const { performance } = require('perf_hooks');
    return { eventLoopUtilization: (util1, util2) => performance.eventLoopUtilization(util1, util2) };
  },
  'internal/perf/timerify'() {
    const { performance } = require('perf_hooks');
    return function timerify(fn, options) { return performance.timerify(fn, options); };
  },
  'internal/histogram'() {
    const { createHistogram } = require('perf_hooks');
    const RecordableHistogram = Object.getPrototypeOf(createHistogram()).constructor;
    const Histogram = Object.getPrototypeOf(RecordableHistogram.prototype).constructor;
    return { Histogram, RecordableHistogram, isHistogram: (obj) => obj instanceof Histogram, createHistogram };
  },
  'internal/promise_hooks'() {
    const { createHook, onInit, onBefore, onAfter, onSettled } = require('v8').promiseHooks;
    return { createHook, onInit, onBefore, onAfter, onSettled };
  },
  'internal/v8/startup_snapshot'() { return { namespace: require('v8').startupSnapshot }; },
  // (tty's getColorDepth and hasColors do not read their receiver)
  'internal/tty'() {
    const { WriteStream } = require('tty');
    return {
      getColorDepth: (env) => WriteStream.prototype.getColorDepth.call(undefined, env),
      hasColors: (count, env) => WriteStream.prototype.hasColors.call(undefined, count, env),
    };
  },
  // the escapes node's own messages (assert's diffs, the test runner) use, set when stderr is a
  // terminal that takes colors
  'internal/util/colors'() {
    const colors = {
      blue: '',
      green: '',
      white: '',
      red: '',
      gray: '',
      clear: '',
      reset: '',
      hasColors: false,
      shouldColorize(stream) {
        if (process.env.FORCE_COLOR !== undefined) return require('tty').WriteStream.prototype.getColorDepth.call(undefined) > 2;
        return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
      },
      refresh() {
        if (!process.stderr.isTTY) return;
        const on = colors.shouldColorize(process.stderr);
        const codes = { blue: '\u001b[34m', green: '\u001b[32m', white: '\u001b[39m', yellow: '\u001b[33m',
          red: '\u001b[31m', gray: '\u001b[90m', clear: '\u001bc', reset: '\u001b[0m' };
        for (const k of Object.keys(codes)) colors[k] = on ? codes[k] : '';
        colors.hasColors = on;
      },
    };
    colors.refresh();
    return colors;
  },
};
module.exports = shims;
