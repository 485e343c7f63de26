'use strict';
// The small internal modules node's own tests require (--expose-internals), each a view of the
// public modules under node's internal name and export names: internal/util/types,
// internal/url, internal/abort_controller and the internal/streams/* files. This module
// (internal/node_test_shims) holds their makers; each of those modules' glue calls its own.
const stream = require('stream');
const streamsInternal = require('internal/streams');
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
    };
  },
  'internal/streams/add-abort-signal'() {
    return { addAbortSignal: stream.addAbortSignal };
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
  'internal/streams/from'() {
    return function from(Readable, iterable, opts) { return Readable.from(iterable, opts); };
  },
};
module.exports = shims;
