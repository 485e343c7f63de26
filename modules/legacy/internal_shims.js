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
  'internal/streams/from'() {
    return function from(Readable, iterable, opts) { return Readable.from(iterable, opts); };
  },
};
module.exports = shims;
