'use strict';
// node's internals keep timers of their own: a program replacing the global setTimeout and the
// others (fake timers in tests) does not stop sockets, servers or children timing out
let timersMod;
function timers() { return timersMod || (timersMod = require('timers')); }
// http: Server, IncomingMessage, ServerResponse, ClientRequest and Agent over net.Socket, with
// the HTTP/1.x parsing done by the Go parser in parser.go (binding.newParser).

// events, stream and net load with the first message, server, agent or socket, not with http:
// until then the classes that extend theirs inherit from stand-ins (see runtime/lazyproto.go),
// and `net` and `EventEmitter` are undefined.
let net, EventEmitter;
function loadNet() { return net || require('net'); }
function loadEvents() { return EventEmitter || require('events'); }
let Readable, Stream;
function loadStream() {
  if (Stream === undefined) ({ Readable, Stream } = require('stream'));
}
const lazyProto = internalBinding('internal/lazy_proto');
// EventEmitter's stand-ins: stream's and net's inherit from them, so that an object of a class
// whose base module has not loaded yet is already instanceof EventEmitter.
const eventsProto = lazyProto.standIn('events', Object.prototype, false);
const eventsCtor = lazyProto.standIn('events', Function.prototype, true);
lazyProto.whenLoaded('events', () => {
  EventEmitter = require('events');
  binding.setEventsEmit(EventEmitter.prototype.emit);
  Object.setPrototypeOf(eventsProto, EventEmitter.prototype);
  Object.setPrototypeOf(eventsCtor, EventEmitter);
});
// inheritLazy(cls, module, base): cls extends base(), a class of the built-in module, once that
// module loads (base runs then).
function inheritLazy(cls, module, base) {
  const protoStandIn = module === 'events' ? eventsProto : lazyProto.standIn(module, eventsProto, false);
  const ctorStandIn = module === 'events' ? eventsCtor : lazyProto.standIn(module, eventsCtor, true);
  Object.setPrototypeOf(cls.prototype, protoStandIn);
  Object.setPrototypeOf(cls, ctorStandIn);
  lazyProto.whenLoaded(module, () => {
    const B = base();
    Object.setPrototypeOf(protoStandIn, B.prototype);
    Object.setPrototypeOf(ctorStandIn, B);
    Object.setPrototypeOf(cls.prototype, B.prototype);
    Object.setPrototypeOf(cls, B);
  });
}
function inheritStream(cls, base) {
  inheritLazy(cls, 'stream', () => { loadStream(); return base === 'Readable' ? Readable : Stream; });
}
// buffer loads on first use, not when this module does (a runtime that only requires it does
// not build Buffer's ~150 methods).
let Buffer_;
function lazyBuffer() { return Buffer_ || (Buffer_ = require('buffer').Buffer); }

// NODE_DEBUG=http: util.debuglog('http') for a few of node's debug lines (the first one also
// brings node's warning that the log can expose secrets). Read once, when the module loads, and
// util is loaded only when NODE_DEBUG is set; with it off each line costs one comparison.
let debug = null;
if (process.env.NODE_DEBUG) {
  const log = require('util').debuglog('http');
  if (log.enabled) debug = log;
}
// internal/errors and internal/validators load on the first error or validation, not with
// this module.
let errorsMod, validatorsMod;
function errs() { return errorsMod || (errorsMod = require('internal/errors')); }
function vals() { return validatorsMod || (validatorsMod = require('internal/validators')); }

// node's built-in diagnostics channels (http.client.*, http.server.*): dc is their table once
// the program loads diagnostics_channel, and dcHttp is true while one of them has a subscriber,
// the one flag the request paths read. While a server channel has one, the Go paths that emit
// 'request' and end responses are off (setFastRequest's last argument), so the JS paths publish.
let dc = null;
let dcHttp = false;
let dcServerParts = null; // (the server side's part, once the server code is made)
// dcOn is dc while a channel has a subscriber, else null (for code in a part, which cannot read
// dc and dcHttp as they change)
function dcOn() { return dcHttp ? dc : null; }
function dcHttpOn() { return dcHttp; }
function perfOn() { return perfHttp; }
// node's 'http' performance entries (HttpRequest for a server's, HttpClient for a client's
// requests): perfHttp is true while perf_hooks has an observer of 'http'. It sets dcHttp too, and
// turns the server's Go paths off as a channel's subscriber does.
let perfObs = null;
let perfHttp = false;
const kPerfStats = Symbol('kPerfStats');
function dcWatchHttp() {
  const server = perfHttp || (dc !== null && (dc.httpServerRequestStart._subscribers !== undefined ||
    dc.httpServerResponseFinish._subscribers !== undefined));
  dcHttp = server || (dc !== null && (dc.httpClientRequestStart._subscribers !== undefined ||
    dc.httpClientRequestError._subscribers !== undefined || dc.httpClientResponseFinish._subscribers !== undefined));
  if (dcServerParts !== null) dcServerParts(server);
}
lazyProto.whenLoaded('diagnostics_channel', () => {
  const b = require('internal/dc_builtin');
  dc = b.channels;
  b.watchers.push(dcWatchHttp);
  dcWatchHttp();
});
lazyProto.whenLoaded('perf_hooks', () => {
  perfObs = require('internal/perf/observe');
  perfObs.watchers.push(() => {
    const observed = perfObs.hasObserver('http');
    if (observed !== perfHttp) {
      perfHttp = observed;
      dcWatchHttp();
    }
  });
});
// startPerf and stopPerf time an 'http' entry from msg's start to its stop, detail's req and res
// taken at each.
function startPerf(msg, name, req) {
  msg[kPerfStats] = { name, start: perfObs.now(), req };
}
function stopPerf(msg, res) {
  const p = msg[kPerfStats];
  msg[kPerfStats] = undefined;
  if (perfHttp) perfObs.enqueue(p.name, 'http', p.start, { req: p.req, res });
}
// emitRequestError is req.emit('error', err) for a client request, published first.
function emitRequestError(req, err) {
  if (dcHttp && dc !== null && dc.httpClientRequestError._subscribers !== undefined) {
    dc.httpClientRequestError.publish({ request: req, error: err });
  }
  req.emit('error', err);
}

const METHODS = binding.methods; // (a new array, sorted as node's)
const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created', 202: 'Accepted',
  203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};
// --max-http-header-size (16 KiB without it) and --insecure-http-parser: isLenient() is the
// parsers' default when neither the server nor the request says, and warns once, as Node's does.
const maxHeaderSize = binding.maxHeaderSize;
const insecureHTTPParser = binding.insecureHTTPParser;
let warnedLenient = false;
function isLenient() {
  if (insecureHTTPParser && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return insecureHTTPParser;
}
binding.setStatusCodes(STATUS_CODES);

const kOutHeaders = Symbol('kOutHeaders');
const kHeaders = Symbol('kHeaders');
const kTrailers = Symbol('kTrailers');
const kConnections = Symbol('http.server.connections');
const kState = Symbol('kState');
const crlf = '\r\n';
const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;

function noop() {}

// ---------------------------------------------------------------- validation

// The checks run in Go (a regexp test costs several microseconds on goja); header names seen
// valid are remembered, since a server sends the same few over and over.
const checkIsHttpToken = binding.validToken;
const checkInvalidHeaderChar = binding.badHeaderChar;
// validNames maps each header name seen valid to its lower-case form.
let validNames = { __proto__: null };
let validNamesCount = 0;

function validateHeaderName(name, label) {
  if (typeof name === 'string' && validNames[name] !== undefined) return;
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new (errs().codes.ERR_INVALID_HTTP_TOKEN)(label || 'Header name', name);
  }
  if (++validNamesCount > 1000) {
    validNames = { __proto__: null };
    validNamesCount = 0;
  }
  validNames[name] = name.toLowerCase();
}

// The header store of an outgoing message: an object with a null prototype, as Node's, backed
// by Go (outheaders.go: fastEnd reads it without a property read per header).
const newOutHeaders = binding.newOutHeaders;
const setHeaderFast = binding.setHeaderFast;

let validValues = { __proto__: null };
let validValuesCount = 0;

function validateHeaderValue(name, value) {
  if (typeof value === 'string' && validValues[value] === true) return;
  if (value === undefined) throw new (errs().codes.ERR_HTTP_INVALID_HEADER_VALUE)(value, name);
  // a template converts as node's regexp test does: a symbol throws its TypeError
  if (checkInvalidHeaderChar(`${value}`)) throw new (errs().codes.ERR_INVALID_CHAR)('header content', name);
  if (typeof value === 'string' && value.length <= 256) {
    if (++validValuesCount > 1000) {
      validValues = { __proto__: null };
      validValuesCount = 0;
    }
    validValues[value] = true;
  }
}

// sharedEntries maps a header name, then a value, to the store entry [name, value] that
// setHeader puts under the lower-cased name: a server sets the same few headers over and over,
// and an entry made once (frozen: the store's entries are replaced, never changed) saves an
// array per setHeader. Only string values already checked valid are kept, at most 1000.
let sharedEntries = { __proto__: null };
let sharedEntriesCount = 0;


















let dateCache;









// ---------------------------------------------------------------- IncomingMessage

// IncomingMessage is a Readable whose stream state is created lazily: most requests (a GET
// answered without reading the body) never touch it, and building a ReadableState is the
// biggest per-request cost on goja. The first access to _readableState (any stream method or
// getter) materializes it and replays what happened to the message meanwhile (end of body,
// dump). Fields with a default live on the prototype; the constructor sets only the socket.
function IncomingMessage(socket) {
  this.socket = socket;
  this.upgrade = null; // (the prototype's false is for fastRequest's messages)
  // The parser's header array is handed over through nextRawHeaders, so that rawHeaders is
  // written once, as an own data property (a setter or a second write costs per request).
  if (nextRawHeaders !== null) {
    this.rawHeaders = nextRawHeaders;
    nextRawHeaders = null;
  } else {
    this.rawHeaders = [];
  }
}
let nextRawHeaders = null;
// incomingWith makes a Ctor (IncomingMessage or a server's own) of socket's whose rawHeaders
// are raw (for code in a part, which cannot set nextRawHeaders).
function incomingWith(Ctor, socket, raw) {
  nextRawHeaders = raw;
  const msg = new Ctor(socket);
  nextRawHeaders = null;
  return msg;
}
const kHeadersCount = Symbol('kHeadersCount');
const hasOwn = Object.hasOwn;
const kLazy = Symbol('kLazyReadable');
inheritStream(IncomingMessage, 'Readable');
// The prototypes' defaults are assigned one by one (Object.assign with an object literal costs
// goja about seven allocations a key, which every runtime that requires http would pay).
{
  const p = IncomingMessage.prototype;
  p.httpVersionMajor = null; p.httpVersionMinor = null; p.complete = false; p.joinDuplicateHeaders = null;
  p.aborted = false; p.upgrade = false; p.url = ''; p.method = null; p.statusCode = null;
  p.statusMessage = null; p._consuming = false; p._dumped = false;
}
IncomingMessage.prototype[kHeaders] = null;
IncomingMessage.prototype[kHeadersCount] = 0;
IncomingMessage.prototype[kTrailers] = null;
IncomingMessage.prototype[kLazy] = false; // true once the stream state is being made

function ownValue(self, name, value) {
  Object.defineProperty(self, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}
// defineAccessor(obj, key, get, set, enumerable): a configurable accessor, defined in Go (an
// Object.defineProperty with a descriptor literal costs goja about ten allocations more).
const defineAccessor = binding.defineAccessor;
const defineHidden = binding.defineHidden;
function lazyField(name, make) {
  defineAccessor(IncomingMessage.prototype, name,
    function get() { const v = make(this); ownValue(this, name, v); return v; },
    function set(v) { ownValue(this, name, v); }, false);
}
defineAccessor(IncomingMessage.prototype, 'httpVersion',
  function get() { return this.httpVersionMajor === null ? null : this.httpVersionMajor + '.' + this.httpVersionMinor; },
  function set(v) { ownValue(this, 'httpVersion', v); }, false);
lazyField('rawTrailers', () => []);
lazyField('client', (self) => self.socket);

defineAccessor(IncomingMessage.prototype, '_readableState',
  function get() {
    if (this[kLazy]) throw new Error('IncomingMessage: re-entrant stream initialization');
    if (Stream === undefined) loadStream();
    this[kLazy] = true;
    const socket = this.socket;
    // (net's readableHighWaterMark: the socket's, without making the socket's readable state)
    Readable.call(this, socket ? { highWaterMark: socketHighWaterMark(socket) } : undefined);
    const state = this._readableState;
    state.readingMore = true;
    if (this._dumped) {
      // The message was dumped before anything looked at the stream: it has ended and closed.
      state.readingMore = false;
      state.ended = state.endEmitted = true;
      state.flowing = true;
      state.destroyed = state.closed = state.closeEmitted = true;
      this._consuming = true;
    } else if (this.complete) {
      this.push(null);
    }
    return state;
  },
  function set(v) { ownValue(this, '_readableState', v); }, false);

// socket.readableHighWaterMark and socket.destroyed, without making a net socket's stream
// states (net's own functions, once net has loaded).
function socketHighWaterMark(socket) {
  return netInternal !== undefined ? netInternal.readableHighWaterMark(socket) : socket.readableHighWaterMark;
}




// lazyIdle reports that nothing has touched the message as a stream yet.
function lazyIdle(req) {
  return req[kLazy] === false;
}

defineAccessor(IncomingMessage.prototype, 'connection',
  function get() { return this.socket; }, function set(v) { this.socket = v; }, false);
defineAccessor(IncomingMessage.prototype, 'headers',
  function get() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const src = this.rawHeaders;
      const dst = this[kHeaders];
      const count = headersCount(this, src);
      for (let n = 0; n < count; n += 2) this._addHeaderLine(src[n], src[n + 1], dst);
    }
    return this[kHeaders];
  },
  function set(val) { this[kHeaders] = val; }, true);
defineAccessor(IncomingMessage.prototype, 'headersDistinct',
  function get() {
    if (!this[kHeadersDistinct]) this[kHeadersDistinct] = distinct(this.rawHeaders, headersCount(this, this.rawHeaders));
    return this[kHeadersDistinct];
  },
  function set(val) { this[kHeadersDistinct] = val; }, true);
// headersDistinct/trailersDistinct are made on first read and kept, as Node keeps them.
// headersCount is how many entries of rawHeaders headers and headersDistinct take: a client
// request's maxHeadersCount limits those, not rawHeaders (kHeadersCount; 0 for all).
// MAX_HEADER_PAIRS is how many entries of a message's header lines node's parser keeps when
// no maxHeadersCount was given (1000 fields).
const MAX_HEADER_PAIRS = 2000;
// nodeRawHeaders cuts raw (a message's header lines, name and value alternating) to what node's
// rawHeaders keeps when its parser keeps maxPairs entries (0 or less: all) and raw has more: a
// head of more than 31 fields reaches node's JS in chunks of 31, and a chunk is kept only while
// fewer than maxPairs entries are (so 2046 entries of 1100 fields by default).
function nodeRawHeaders(raw, maxPairs) {
  if (maxPairs <= 0 || raw.length <= 62 || raw.length <= maxPairs) return;
  const keep = Math.ceil(maxPairs / 62) * 62;
  if (raw.length > keep) raw.length = keep;
}
function headersCount(msg, src) {
  const limit = msg[kHeadersCount];
  return limit > 0 && limit < src.length ? limit : src.length;
}
function distinct(src, count = src.length) {
  const d = { __proto__: null }; // (node's has no prototype)
  for (let n = 0; n < count; n += 2) {
    const k = src[n].toLowerCase();
    (d[k] || (d[k] = [])).push(src[n + 1]);
  }
  return d;
}
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailersDistinct = Symbol('kTrailersDistinct');
IncomingMessage.prototype[kHeadersDistinct] = null;
IncomingMessage.prototype[kTrailersDistinct] = null;
defineAccessor(IncomingMessage.prototype, 'trailersDistinct',
  function get() {
    if (!this[kTrailersDistinct]) this[kTrailersDistinct] = distinct(this.rawTrailers);
    return this[kTrailersDistinct];
  },
  function set(val) { this[kTrailersDistinct] = val; }, true);
defineAccessor(IncomingMessage.prototype, 'trailers',
  function get() {
    if (!this[kTrailers]) {
      this[kTrailers] = {};
      const src = this.rawTrailers;
      for (let n = 0; n < src.length; n += 2) this._addHeaderLine(src[n], src[n + 1], this[kTrailers]);
    }
    return this[kTrailers];
  },
  function set(val) { this[kTrailers] = val; }, true);

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback); // at: _http_incoming:189:10
  this.socket.setTimeout(msecs); // at: _http_incoming:190:15
  return this;
};

IncomingMessage.prototype._read = void 0





;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_read'); else { IncomingMessage.prototype._read = __gojsLazyMembers('IncomingMessage.prototype._read'); } };

// drainConn is node's socketOnDrain: a socket the flood of pipelined requests paused reads
// again once its queued responses are under its high-water mark, and the response on it hears
// 'drain' if it wanted one.
function drainConn(socket, state) {
  if (socket._paused && !(state.outgoingData > socket.writableHighWaterMark)) {
    socket._paused = false;
    if (!socket[kPausedByReq]) readAgain(socket, state);
  }
  emitResponseDrain(socket);
}

function emitResponseDrain(socket) {
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
};

// floodPause is node's guard against a flood of pipelined requests: while the socket's
// writable side needs draining, or responses queued behind the one on it hold its high-water
// mark, the connection reads nothing more (what has been read is still parsed); drainConn
// reads again.
function floodPause(socket, state) {
  socket._paused = true;
  if (state.consumed) {
    const h = socket._handle;
    if (h && h.reading) {
      h.reading = false;
      h.readStop();
    }
  }
  socket.pause();
}

// ServerResponse's queued writes (a pipelined response waiting for the socket) count in its
// connection's outgoing data, as node's updateOutgoingData (which node binds to each response's
// socket and state: this one is shared, named as node's bound function).
function serverOnPendingData(delta) {
  const state = this[kConnState];
  if (state) {
    state.outgoingData += delta;
    drainConn(state.socket, state);
  }
}
Object.defineProperty(serverOnPendingData, 'name', { __proto__: null, value: 'bound updateOutgoingData' });

function pauseSocket(socket) {
  if (socket[kPausedByReq]) return;
  const st = socket[kState];
  if (st && st.consumed) {
    if (socket._handle && socket._handle.reading) {
      socket[kPausedByReq] = true;
      socket._handle.reading = false;
      socket._handle.readStop();
      // (as node's readStop(socket), the socket itself is paused too: 'pause', isPaused())
      socket.pause();
    }
  } else if (!socket.isPaused()) {
    socket[kPausedByReq] = true;
    socket.pause();
  }
}

function resumeSocket(socket) {
  if (!socket[kPausedByReq]) return;
  socket[kPausedByReq] = false;
  const st = socket[kState];
  if (socket._paused === true) return; // (the flood pause holds: drainConn reads again)
  readAgain(socket, st);
}

// readAgain starts the socket's reads again (after pauseSocket or floodPause).
function readAgain(socket, st) {
  if (st && st.consumed) {
    if (socket._handle && !socket._handle.reading && !socket.destroyed) {
      socket._handle.reading = true;
      socket._handle.readStart();
    }
    if (socket.isPaused() && socket.readable) socket.resume();
  } else {
    socket.resume();
  }
}

IncomingMessage.prototype._destroy = void 0
















;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_destroy'); else { IncomingMessage.prototype._destroy = __gojsLazyMembers('IncomingMessage.prototype._destroy'); } };






IncomingMessage.prototype._addHeaderLines = void 0




;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_addHeaderLines'); else { IncomingMessage.prototype._addHeaderLines = __gojsLazyMembers('IncomingMessage.prototype._addHeaderLines'); } };

// Node's rules for folding duplicate headers (matchKnownFields).
















IncomingMessage.prototype._addHeaderLine = void 0















;

// (node's, for a program that collects headersDistinct-style values itself)
IncomingMessage.prototype._addHeaderLineDistinct = void 0



;

IncomingMessage.prototype._dump = void 0






;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_addHeaderLine', 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_addHeaderLineDistinct', 'http:IncomingMessage.prototype', IncomingMessage.prototype, '_dump'); else { IncomingMessage.prototype._addHeaderLine = __gojsLazyMembers('IncomingMessage.prototype._addHeaderLine'); IncomingMessage.prototype._addHeaderLineDistinct = __gojsLazyMembers('IncomingMessage.prototype._addHeaderLineDistinct'); IncomingMessage.prototype._dump = __gojsLazyMembers('IncomingMessage.prototype._dump'); } };

const kPausedByReq = Symbol('kPausedByReq');
// net's socket timer (null when none): what decides whether activity must refresh it. Set
// (with the kPausedByReq default) when net loads, before any socket exists.
let kNetTimeout, netInternal;
// (for code in a part, which cannot read netInternal as it changes)
function netInt() { return netInternal; }

// ---------------------------------------------------------------- OutgoingMessage

// OutgoingMessage keeps its defaults on the prototype (an own property costs about a
// microsecond on goja, and a response used to carry thirty): the constructor sets nothing, and
// fields become own properties when they are first assigned. EventEmitter works without its
// init (the prototype's _events is undefined until the first listener).
// Node's OutgoingMessage runs Stream's constructor, which gives the message its own _events,
// _eventsCount and _maxListeners. ClientRequest (OutgoingMessage.call) and ServerResponse make
// their events lazily; an OutgoingMessage made with new (or a class extending it) gets node's.
function OutgoingMessage(options) {
  if (new.target !== undefined) loadEvents().init.call(this);
}
const emptyOutput = Object.freeze([]);
inheritStream(OutgoingMessage, 'Stream');
{
  const p = OutgoingMessage.prototype;
  p.outputData = emptyOutput; p.outputSize = 0; p.writable = true; p.destroyed = false; p._last = false;
  p.chunkedEncoding = false; p.shouldKeepAlive = true; p.maxRequestsOnConnectionReached = false;
  p._defaultKeepAlive = true; p.useChunkedEncodingByDefault = true; p.sendDate = false;
  p._removedConnection = false; p._removedContLen = false; p._removedTE = false;
  p.strictContentLength = false; p._contentLength = null; p._hasBody = true; p._trailer = '';
  p.finished = false; p._headerSent = false; p._closed = false; p.socket = null; p._header = null;
  p._keepAliveTimeout = 0; p._onPendingData = function nop() {}; // (named as node's)
}
OutgoingMessage.prototype[kOutHeaders] = null;

function defGetter(proto, name, get) {
  defineAccessor(proto, name, get, undefined, false);
}
defGetter(OutgoingMessage.prototype, 'writableFinished', function() {
  return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
});
defGetter(OutgoingMessage.prototype, 'writableObjectMode', () => false);
defGetter(OutgoingMessage.prototype, 'writableLength', function() {
  return this.outputSize + (this.socket ? this.socket.writableLength : 0);
});
defGetter(OutgoingMessage.prototype, 'writableHighWaterMark', function() {
  return this.socket ? this.socket.writableHighWaterMark : 16384;
});
defGetter(OutgoingMessage.prototype, 'writableCorked', function() {
  return this.socket ? this.socket.writableCorked : 0;
});
defGetter(OutgoingMessage.prototype, 'writableEnded', function() { return this.finished; });
defGetter(OutgoingMessage.prototype, 'writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this[kNeedDrain];
});
defGetter(OutgoingMessage.prototype, 'headersSent', function() { return !!this._header; });
defGetter(OutgoingMessage.prototype, 'closed', function() { return this._closed; });
const kErrored = Symbol('kErrored');
OutgoingMessage.prototype[kErrored] = null;
defGetter(OutgoingMessage.prototype, 'errored', function() { return this[kErrored]; });
defineAccessor(OutgoingMessage.prototype, 'connection',
  function get() { return this.socket; }, function set(v) { this.socket = v; }, false);
const kNeedDrain = Symbol('kNeedDrain');
OutgoingMessage.prototype[kNeedDrain] = false;

OutgoingMessage.prototype.cork = void 0;
OutgoingMessage.prototype.uncork = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'cork', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'uncork'); else { OutgoingMessage.prototype.cork = __gojsLazyMembers('OutgoingMessage.prototype.cork'); OutgoingMessage.prototype.uncork = __gojsLazyMembers('OutgoingMessage.prototype.uncork'); } };

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback); // at: _http_outgoing:317:10
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs); // at: _http_outgoing:321:14
    });
  } else {
    this.socket.setTimeout(msecs); // at: _http_outgoing:324:17
  }
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

OutgoingMessage.prototype.setHeader = void 0






























;

OutgoingMessage.prototype.setHeaders = void 0
















;

OutgoingMessage.prototype.appendHeader = void 0













;

OutgoingMessage.prototype.getHeader = void 0





;

OutgoingMessage.prototype.getHeaderNames = void 0

;

OutgoingMessage.prototype.getRawHeaderNames = void 0



;

OutgoingMessage.prototype.getHeaders = void 0




;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'setHeader', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'setHeaders', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'appendHeader', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'getHeader', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'getHeaderNames', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'getRawHeaderNames', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'getHeaders'); else { OutgoingMessage.prototype.setHeader = __gojsLazyMembers('OutgoingMessage.prototype.setHeader'); OutgoingMessage.prototype.setHeaders = __gojsLazyMembers('OutgoingMessage.prototype.setHeaders'); OutgoingMessage.prototype.appendHeader = __gojsLazyMembers('OutgoingMessage.prototype.appendHeader'); OutgoingMessage.prototype.getHeader = __gojsLazyMembers('OutgoingMessage.prototype.getHeader'); OutgoingMessage.prototype.getHeaderNames = __gojsLazyMembers('OutgoingMessage.prototype.getHeaderNames'); OutgoingMessage.prototype.getRawHeaderNames = __gojsLazyMembers('OutgoingMessage.prototype.getRawHeaderNames'); OutgoingMessage.prototype.getHeaders = __gojsLazyMembers('OutgoingMessage.prototype.getHeaders'); } };

// _headers and _headerNames: node's deprecated (DEP0066, one warning for both) views of the
// header store, still read and assigned by older middleware.
let warnedDEP0066 = false;
function warnDEP0066(name) {
  if (warnedDEP0066) return;
  warnedDEP0066 = true;
  process.emitWarning(`OutgoingMessage.prototype.${name} is deprecated`, 'DeprecationWarning', 'DEP0066');
}
Object.defineProperty(OutgoingMessage.prototype, '_headers', {
  __proto__: null, configurable: true, enumerable: false,
  get: function() {
    warnDEP0066('_headers');
    return this.getHeaders();
  },
  set: function(val) {
    warnDEP0066('_headers');
    if (val == null) {
      this[kOutHeaders] = null;
    } else if (typeof val === 'object') {
      const headers = this[kOutHeaders] = newOutHeaders();
      for (const name of Object.keys(val)) headers[name.toLowerCase()] = [name, val[name]];
    }
  },
});
Object.defineProperty(OutgoingMessage.prototype, '_headerNames', {
  __proto__: null, configurable: true, enumerable: false,
  get: function() {
    warnDEP0066('_headerNames');
    const headers = this[kOutHeaders];
    if (headers === null) return null;
    const out = { __proto__: null };
    for (const key of Object.keys(headers)) out[key] = headers[key][0];
    return out;
  },
  set: function(val) {
    warnDEP0066('_headerNames');
    const headers = this[kOutHeaders];
    if (typeof val !== 'object' || val === null || !headers) return;
    for (const key of Object.keys(val)) {
      const entry = headers[key];
      // (a new entry: setHeader's entries are shared, see sharedEntry)
      if (entry) headers[key] = [val[key], entry[1]];
    }
  },
});

OutgoingMessage.prototype.hasHeader = void 0


;

OutgoingMessage.prototype.removeHeader = void 0










;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'hasHeader', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'removeHeader'); else { OutgoingMessage.prototype.hasHeader = __gojsLazyMembers('OutgoingMessage.prototype.hasHeader'); OutgoingMessage.prototype.removeHeader = __gojsLazyMembers('OutgoingMessage.prototype.removeHeader'); } };

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new (errs().codes.ERR_METHOD_NOT_IMPLEMENTED)('_implicitHeader()');
};

OutgoingMessage.prototype._renderHeaders = void 0





;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_renderHeaders'); else { OutgoingMessage.prototype._renderHeaders = __gojsLazyMembers('OutgoingMessage.prototype._renderHeaders'); } };

// One scratch state object serves _storeHeader (taken while in use, in case a header value's
// toString writes another message's head).
let freeHeaderState = null;

OutgoingMessage.prototype._storeHeader = void 0












































































;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_storeHeader'); else { OutgoingMessage.prototype._storeHeader = __gojsLazyMembers('OutgoingMessage.prototype._storeHeader'); } };

























// The uniqueHeaders option (http.request's, http.createServer's): the lower-cased names whose
// array values are sent as one line joined with '; ' instead of one line per value. A server
// response reads its server's (through its connection state), so making one costs nothing.
const kUniqueHeaders = Symbol('kUniqueHeaders');
OutgoingMessage.prototype[kUniqueHeaders] = null;
function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (let i = 0; i < headers.length; i++) unique.add(headers[i].toLowerCase()); // (a name that is not a string throws, as node's)
  return unique;
}













































OutgoingMessage.prototype._send = void 0












;

OutgoingMessage.prototype._writeRaw = void 0















;

OutgoingMessage.prototype._flushOutput = void 0



















;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_send', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_writeRaw', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_flushOutput'); else { OutgoingMessage.prototype._send = __gojsLazyMembers('OutgoingMessage.prototype._send'); OutgoingMessage.prototype._writeRaw = __gojsLazyMembers('OutgoingMessage.prototype._writeRaw'); OutgoingMessage.prototype._flushOutput = __gojsLazyMembers('OutgoingMessage.prototype._flushOutput'); } };
const kCorked = Symbol('corked');
OutgoingMessage.prototype[kCorked] = 0;

OutgoingMessage.prototype._flush = void 0









;

OutgoingMessage.prototype.flushHeaders = void 0


;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, '_flush', 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'flushHeaders'); else { OutgoingMessage.prototype._flush = __gojsLazyMembers('OutgoingMessage.prototype._flush'); OutgoingMessage.prototype.flushHeaders = __gojsLazyMembers('OutgoingMessage.prototype.flushHeaders'); } };

function onError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(emitErrorNt, msg, err, callback);
}
function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

OutgoingMessage.prototype.write = void 0







;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'write'); else { OutgoingMessage.prototype.write = __gojsLazyMembers('OutgoingMessage.prototype.write'); } };

// strictContentLength: the body written so far must fit the Content-Length sent (and match it at
// the end) when there is one and no other framing.
const kBytesWritten = Symbol('kBytesWritten');
function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody && !msg._removedContLen &&
    !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

function write_(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = noop;
  if (chunk === null) throw new (errs().codes.ERR_STREAM_NULL_VALUES)(); // at: _http_outgoing:903:11 | 5 |     throw new ERR_STREAM_NULL_VALUES();
  else if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new (errs().codes.ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'Uint8Array'], chunk); // at: _http_outgoing:905:11 | 5 |     throw new ERR_INVALID_ARG_TYPE(
  }
  let err;
  if (msg.finished) err = new (errs().codes.ERR_STREAM_WRITE_AFTER_END)();
  else if (msg.destroyed) err = new (errs().codes.ERR_STREAM_DESTROYED)('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }
  // (the strict check comes before the header is stored: a first write is checked against no
  // Content-Length yet, as node's)
  let len;
  if (msg.strictContentLength) {
    len = typeof chunk === 'string' ? lazyBuffer().byteLength(chunk, encoding) : chunk.byteLength;
    const written = msg[kBytesWritten] || 0;
    if (strictContentLength(msg) &&
        (fromEnd ? written + len !== msg._contentLength : written + len > msg._contentLength)) {
      throw new (errs().codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH)(written + len, msg._contentLength);
    }
    msg[kBytesWritten] = written + len;
  }
  if (!msg._header) {
    if (fromEnd) {
      if (len === undefined) len = typeof chunk === 'string' ? lazyBuffer().byteLength(chunk, encoding) : chunk.byteLength;
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    rejectBody(msg);
    process.nextTick(callback);
    return true;
  }
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }
  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len = len !== undefined ? len : (typeof chunk === 'string' ? lazyBuffer().byteLength(chunk, encoding) : chunk.byteLength);
    // (the chunk goes out in one socket write, its size and CRLFs included, unless a program
    // put its own write on the socket: that sees node's four writes)
    if (msg.socket && msg.socket._httpMessage === msg && msg.socket.writable && !msg.outputData.length &&
        typeof chunk === 'string' && (!encoding || encoding === 'utf8' || encoding === 'utf-8') &&
        !hasOwn(msg.socket, 'write')) {
      if (!msg._headerSent) {
        // (as node's: the head goes with the chunk size, in latin1; only a first _send of the
        // body itself would carry it as UTF-8)
        msg._send(len.toString(16) + crlf, 'latin1', null);
        ret = msg._send(chunk + crlf, 'utf8', callback);
      } else {
        ret = msg._send(len.toString(16) + crlf + chunk + crlf, 'utf8', callback);
      }
    } else {
      // (node's crlf_buf: a Buffer)
      if (crlfBuf === undefined) crlfBuf = lazyBuffer().from(crlf, 'latin1');
      msg._send(len.toString(16), 'latin1', null);
      msg._send(crlfBuf, null, null);
      msg._send(chunk, encoding, null);
      ret = msg._send(crlfBuf, null, callback);
    }
  } else {
    ret = msg._send(chunk, encoding, callback);
  }
  return ret;
}

let crlfBuf;

function connectionCorkNT(conn) { conn.uncork(); }

OutgoingMessage.prototype.addTrailers = void 0



























;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'addTrailers'); else { OutgoingMessage.prototype.addTrailers = __gojsLazyMembers('OutgoingMessage.prototype.addTrailers'); } };

// fastEndResponse is res.end(chunk) for a server response in one Go call (binding.fastEnd),
// when the socket has nothing queued and the head is one fastEnd can render; false means the
// caller takes the general path (nothing has changed then).
function fastEndResponse(res, chunk, encoding, callback) {
  const socket = res.socket;
  if (socket === null || socket._httpMessage !== res) return false;
  const st = socket[kState];
  if (st === undefined || st.fd < 0 || socket._handle !== st.handle || res.strictContentLength) return false;
  // (a server that refuses bodies where none may go takes the general path, which checks)
  if (st.server.rejectNonStandardBodyWrites) return false;
  // fastEnd renders the head itself: a writeHead or _implicitHeader of the response's own, a
  // subclass's or a patched prototype's (on-headers, as express-session and morgan use) must run
  if (res.writeHead !== serverResponseWriteHead || res._implicitHeader !== serverResponseImplicitHeader) return false;
  const isString = typeof chunk === 'string';
  if (isString) {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') return false;
  } else if (!(chunk instanceof Uint8Array)) {
    return false;
  }
  // A socket whose writable state was never made has written nothing and is not corked,
  // ended or destroyed; reading _writableState would make the state (memory per connection).
  if (socket.connecting) return false;
  if (hasOwn(socket, '_writableState')) {
    const ws = socket._writableState;
    if (ws.length !== 0 || ws.corked || ws.ending || ws.ended || ws.destroyed || ws.errored || ws.writable === false) {
      return false;
    }
  }
  // When the whole response was written, fastEnd has queued onFinish(res) as the next tick.
  const r = bindingFastEnd(res, st.fd, chunk, res[kOutHeaders]);
  if (r === undefined) return false;
  if (typeof callback === 'function') res.once('finish', callback);
  fastEndTail(res, socket, r, chunk);
  return true;
}
const bindingFastEnd = binding.fastEnd;

// fastEndTail is what fastEndResponse does after fastEnd wrote the response (r: fastEnd's
// result) to the socket.
function fastEndTail(res, socket, r, chunk) {
  if (typeof r === 'number' && r >= 0) {
    socket._bytesDispatched += r;
    if (socket[kNetTimeout] !== null || socket._parent !== null) socket._unrefTimer(); // only a timer needs it
  } else if (typeof r === 'number') {
    const isString = typeof chunk === 'string';
    const payload = !res._hasBody ? res._header : isString ? res._header + chunk :
      lazyBuffer().concat([lazyBuffer().from(res._header, 'latin1'), chunk]);
    socket.write(payload, isString ? 'utf8' : undefined, onFinish.bind(undefined, res));
  } else {
    socket._bytesDispatched += r[0];
    socket.write(r[1], undefined, onFinish.bind(undefined, res));
  }
  if (res._finish === serverResponseFinish) { // (inline unless replaced)
    if (res._events !== undefined) res.emit('prefinish');
  } else {
    res._finish();
  }
}

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  // The server's own 'finish' handling runs first, as the first 'finish' listener would.
  let st = outmsg[kConnState];
  if (st === undefined) { // fastRequest's response: attached to its socket until resOnFinish
    const socket = outmsg.socket;
    st = socket ? socket[kState] : undefined;
  }
  if (st != null) resOnFinish(outmsg.req, outmsg, st.socket, st, st.server);
  if (outmsg._events !== undefined) outmsg.emit('finish');
}
// kConnState is the server connection state of a response: null for messages that are not the
// server's (OutgoingMessage's default, and what the ServerResponse constructor sets), the
// state itself for the responses parserOnIncoming makes, and undefined (ServerResponse's
// default) for fastRequest's, which find it as their socket's kState while attached: an own
// symbol key would cost each of them a symbol table.
const kConnState = Symbol('kConnState');
OutgoingMessage.prototype[kConnState] = null;
binding.setOnFinish(onFinish);

// OutgoingMessage.prototype.end is a Go function (binding.makeEnd, endfast.go): a server
// response's usual end(body) is done in Go with no JS frame; anything else, and whatever the
// Go path leaves alone (having changed nothing), is endSlow (named end, as its stack frames
// read in node).
const endSlow = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk && this[kConnState] !== null && !this._header && !this.finished && !this.destroyed &&
      this.outputData.length === 0 && fastEndResponse(this, chunk, encoding, callback)) {
    return this;
  }
  if (chunk && !this._header && !this.finished && !this.destroyed && this.outputData.length === 0 &&
      !this.strictContentLength && this.socket && this.socket._httpMessage === this && this.socket.writable &&
      this.socket instanceof loadNet().Socket && // (another Writable sees node's two writes: head and body, then '')
      !this.socket.writableCorked && this.socket.writableLength === 0 &&
      ((typeof chunk === 'string' && (!encoding || encoding === 'utf8' || encoding === 'utf-8')) || chunk instanceof Uint8Array)) {
    // Fast path for the common res.end(body) with no headers sent yet: one socket write
    // carrying the head and the body.
    const isString = typeof chunk === 'string';
    this._contentLength = isString ? lazyBuffer().byteLength(chunk, 'utf8') : chunk.byteLength;
    this._implicitHeader();
    if (!this._hasBody && chunk.length !== 0) rejectBody(this); // (before anything is sent)
    if (!this.chunkedEncoding) {
      if (typeof callback === 'function') this.once('finish', callback);
      this._headerSent = true;
      let payload;
      if (!this._hasBody) payload = this._header;
      else if (isString) payload = this._header + chunk;
      else {
        const hl = lazyBuffer().byteLength(this._header, 'latin1');
        payload = lazyBuffer().allocUnsafe(hl + chunk.byteLength);
        payload.latin1Write(this._header, 0);
        payload.set(chunk, hl);
      }
      this[kCorked] = 0;
      this.finished = true;
      const socket = this.socket;
      const st = socket[kState];
      if (st && st.fd >= 0 && socket._handle === st.handle && !socket.connecting) {
        // The socket has nothing queued: write the whole response on the loop, past the
        // Writable machinery; 'finish' follows on the next tick as a sync write's callback does.
        const r = binding.writeDirect(st.fd, this._header, this._hasBody ? chunk : undefined);
        if (typeof r === 'number' && r >= 0) {
          socket._bytesDispatched += r;
          if (socket[kNetTimeout] !== null || socket._parent !== null) socket._unrefTimer(); // only a timer needs it
          process.nextTick(onFinish, this);
        } else if (typeof r === 'number') {
          socket.write(payload, isString ? 'utf8' : undefined, onFinish.bind(undefined, this));
        } else {
          socket._bytesDispatched += r[0];
          socket.write(r[1], undefined, onFinish.bind(undefined, this));
        }
      } else {
        socket.write(payload, isString ? 'utf8' : undefined, onFinish.bind(undefined, this));
      }
      if (this.socket && this.socket._httpMessage === this) this._finish();
      return this;
    }
  }
  if (chunk) {
    if (this.finished) {
      onError(this, new (errs().codes.ERR_STREAM_WRITE_AFTER_END)(), typeof callback !== 'function' ? noop : callback); // at: _http_outgoing:1047:15
      return this;
    }
    if (this.socket) this.socket.cork();
    write_(this, chunk, encoding, null, true); // at: _http_outgoing:1056:5
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new (errs().codes.ERR_STREAM_ALREADY_FINISHED)('end'));
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (strictContentLength(this) && (this[kBytesWritten] || 0) !== this._contentLength) {
    throw new (errs().codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH)(this[kBytesWritten] || 0, this._contentLength);
  }
  const finish = onFinish.bind(undefined, this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }
  if (this.socket) {
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 0;
  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
  return this;
};
OutgoingMessage.prototype.end = binding.makeEnd(endSlow, fastEndTail);
// the prototype object a plain function has, as node's end() does
Object.defineProperty(OutgoingMessage.prototype.end, 'prototype', {
  __proto__: null, writable: true,
  value: Object.defineProperty({}, 'constructor', { __proto__: null, value: OutgoingMessage.prototype.end, writable: true, configurable: true }),
});

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

OutgoingMessage.prototype.pipe = void 0

;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:OutgoingMessage.prototype', OutgoingMessage.prototype, 'pipe'); else { OutgoingMessage.prototype.pipe = __gojsLazyMembers('OutgoingMessage.prototype.pipe'); } };

// (with captureRejections, a listener's rejected promise destroys the message with its error,
// as node's: a response's socket then errors, a request emits it)
OutgoingMessage.prototype[Symbol.for('nodejs.rejection')] = function(err, event) {
  this.destroy(err);
};

// ---------------------------------------------------------------- ServerResponse

// A body written where none may go (a HEAD request, a 1xx/204/304 response) is dropped, or with
// the server's rejectNonStandardBodyWrites an error, as node's.
function rejectBody(msg) {
  let st = msg[kConnState];
  if (st === undefined && msg.socket) st = msg.socket[kState];
  if (st != null && st.server.rejectNonStandardBodyWrites) {
    throw new (errs().codes.ERR_HTTP_BODY_NOT_ALLOWED)();
  }
}

function ServerResponse(req, options) {
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this[kConnState] = null; // (parserOnIncoming sets the server's)
  // (node's _maxRequestsPerSocket is undefined outside a server: the prototype's 0 is a
  // server's default for fastRequest's responses; parserOnIncoming sets the server's value)
  defineHidden(this, '_maxRequestsPerSocket', undefined);
  this._keepAliveTimeout = 0; // (the prototype's default is for fastRequest's responses)
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);
// The server's default keepAliveTimeout: fastRequest's responses leave _keepAliveTimeout unset
// when the server has it (see fastRequest).
const kDefaultKeepAliveTimeout = 5000;
ServerResponse.prototype._finish = serverResponseFinish; // (node's first key there)
{
  const p = ServerResponse.prototype;
  p.sendDate = true; p._sent100 = false; p._expect_continue = false; p.statusCode = 200;
  p.statusMessage = undefined; p._keepAliveTimeout = kDefaultKeepAliveTimeout;
}
ServerResponse.prototype[kConnState] = undefined; // fastRequest's responses (see kConnState)
ServerResponse.prototype._onPendingData = serverOnPendingData;
// (Node sets _maxRequestsPerSocket on each response of a server to its maxRequestsPerSocket:
// the hidden default is a server's default, 0, kept here for fastRequest's responses; the
// constructor gives the others an own undefined, which parserOnIncoming sets to the server's.)
Object.defineProperty(ServerResponse.prototype, '_maxRequestsPerSocket',
  { __proto__: null, value: 0, writable: true, enumerable: false, configurable: true });
// end(body) sets node's _contentLength to the body's length. The Go path that ends a response
// (fastEnd) sets no property for it: the Content-Length it wrote in the head is the value, read
// here until the response owns one (any assignment, through the setter, makes it own). A body
// that may not be sent (HEAD, 204, 304) has no Content-Length in the head: fastEnd sets those.
defineAccessor(ServerResponse.prototype, '_contentLength', function get() {
  const header = this._header;
  if (!this.finished || typeof header !== 'string') return null;
  const m = /\r\ncontent-length: *(\d+)\r\n/i.exec(header);
  return m === null ? null : Number(m[1]);
}, binding.ownDataSetter('_contentLength'), true);
// The defaults a response reads on every request are copied down from OutgoingMessage's and
// EventEmitter's prototypes: goja looks a property up level by level, so each read of a
// default found here costs two lookups instead of three to five. Done when the first server is
// made (initServer), not at load: the copy is about a tenth of what loading http allocates,
// and a program that never serves does not need it. ServerResponse.prototype's data defaults
// (its own and the copies) are then non-configurable
// (still writable, and an object's own field still shadows one): the server's Go path
// (modules.KeyCache) reads such a property where it last found it, with no map lookup, since
// it can be neither deleted nor redefined.
let responseDefaultsCopied = false;
function copyResponseDefaults() {
  responseDefaultsCopied = true;
  const protos = [OutgoingMessage.prototype, loadEvents().prototype];
  for (let i = 0; i < protos.length; i++) {
    const proto = protos[i];
    const keys = Reflect.ownKeys(proto);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      const d = Object.getOwnPropertyDescriptor(proto, k);
      if ('value' in d && typeof d.value !== 'function' && !hasOwn(ServerResponse.prototype, k)) {
        Object.defineProperty(ServerResponse.prototype, k, { __proto__: null, ...d });
      }
    }
  }
  fixDefaults(ServerResponse.prototype, Object.getOwnPropertyNames(ServerResponse.prototype));
  // net's Socket.prototype is left configurable: programs (and mocking libraries) redefine its
  // fields as accessors, as node allows, so the socket defaults are read the slower way.
}

// fixDefaults makes proto's named data properties that are not functions non-configurable.
function fixDefaults(proto, keys) {
  for (let j = 0; j < keys.length; j++) {
    const d = Object.getOwnPropertyDescriptor(proto, keys[j]);
    if (d !== undefined && 'value' in d && typeof d.value !== 'function' && d.configurable) {
      Object.defineProperty(proto, keys[j], { __proto__: null, configurable: false });
    }
  }
}

function serverResponseFinish() {
  if (this._events !== undefined) this.emit('prefinish');
}
Object.defineProperty(serverResponseFinish, 'name', { __proto__: null, value: '_finish' });
binding.setEndFastInfo(emptyOutput, kOutHeaders, serverResponseFinish);

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg) emitCloseNT(msg);
}

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

ServerResponse.prototype.assignSocket = void 0









;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:ServerResponse.prototype', ServerResponse.prototype, 'assignSocket'); else { ServerResponse.prototype.assignSocket = __gojsLazyMembers('ServerResponse.prototype.assignSocket'); } };

const kResCloseListener = Symbol('kResCloseListener');

// Node adds onServerResponseClose to the socket's 'close' for each response and removes it
// when the response is done. While socketOnClose is the only 'close' listener, socketOnClose
// does that work itself, right after its own (the same order: no listener sits between them),
// so that a connection keeps no listener array; else one listener, added once, serves all the
// connection's responses (it looks at _httpMessage).
function addResCloseListener(socket) {
  if (socket[kResCloseListener]) return;
  const ev = socket._events;
  if (ev !== undefined && ev !== null && ev.close === socketOnClose && serverPartsMade) return;
  socket[kResCloseListener] = true;
  socket.on('close', onServerResponseClose);
}
function detachSocket(socket) {
  socket._httpMessage = null;
  this.socket = null;
}
ServerResponse.prototype.detachSocket = detachSocket;
// What the Go side of onFinish's tick checks a response against (finish.go).
binding.setFinishInfo(kState, kConnState, kLazy, detachSocket, emitCloseNT);

ServerResponse.prototype.writeContinue = void 0


;

ServerResponse.prototype.writeProcessing = void 0

;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:ServerResponse.prototype', ServerResponse.prototype, 'writeContinue', 'http:ServerResponse.prototype', ServerResponse.prototype, 'writeProcessing'); else { ServerResponse.prototype.writeContinue = __gojsLazyMembers('ServerResponse.prototype.writeContinue'); ServerResponse.prototype.writeProcessing = __gojsLazyMembers('ServerResponse.prototype.writeProcessing'); } };

// validateLinkHeaderValue checks an early hint's link (a string, or an array joined) as node's:
// each must be a <uri> with parameters.
const linkValueRegExp = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;



















ServerResponse.prototype.writeEarlyHints = void 0











;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:ServerResponse.prototype', ServerResponse.prototype, 'writeEarlyHints'); else { ServerResponse.prototype.writeEarlyHints = __gojsLazyMembers('ServerResponse.prototype.writeEarlyHints'); } };

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};
const serverResponseImplicitHeader = ServerResponse.prototype._implicitHeader;

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('write'); // at: _http_server:344:11 | 5 |     throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new (errs().codes.ERR_HTTP_INVALID_STATUS_CODE)(originalStatusCode); // at: _http_server:351:11 | 5 |     throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage = this.statusMessage || STATUS_CODES[statusCode] || 'unknown';
    obj = obj === undefined ? reason : obj;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders]) {
    if (Array.isArray(obj)) {
      if (obj.length % 2 !== 0) throw new (errs().codes.ERR_INVALID_ARG_VALUE)('headers', obj);
      for (let n = 0; n < obj.length; n += 2) {
        const k = obj[n];
        if (k) this.setHeader(k, obj[n + 1]);
      }
    } else if (obj) {
      for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (checkInvalidHeaderChar(this.statusMessage)) throw new (errs().codes.ERR_INVALID_CHAR)('statusMessage'); // at: _http_server:396:11 | 5 |     throw new ERR_INVALID_CHAR('statusMessage');
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers); // at: _http_server:421:8
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;
const serverResponseWriteHead = ServerResponse.prototype.writeHead;
binding.setEndFastHead(serverResponseWriteHead, serverResponseImplicitHeader);

// ---------------------------------------------------------------- Server

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    vals().validateObject(options, 'options'); // at: _http_server:531:5
  }
  // As node's: the http options first, then net.Server's fields (the order inspect shows).
  storeHTTPOptions.call(this, options); // at: _http_server:534:20
  loadNet().Server.call(this, { allowHalfOpen: true, noDelay: options.noDelay !== undefined ? options.noDelay : true,
    keepAlive: options.keepAlive, keepAliveInitialDelay: options.keepAliveInitialDelay, highWaterMark: options.highWaterMark });
  initServer(this, options, requestListener, 'connection');
}

// The classes a server makes its requests and responses with, under node's symbols.
const kIncomingMessage = Symbol('IncomingMessage');
const kServerResponse = Symbol('ServerResponse');

// storeHTTPOptions checks and keeps a server's http options in node's order.
function storeHTTPOptions(options) {
  // (called on the server, as node's, whose frame is the server's storeHTTPOptions)
  const self = this;
  if (!responseDefaultsCopied) copyResponseDefaults();
  self[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  self[kServerResponse] = options.ServerResponse || ServerResponse;
  const { validateInteger, validateBoolean } = vals();
  if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0); // at: _http_server:435:5
  self.maxHeaderSize = options.maxHeaderSize;
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser'); // at: _http_server:440:5
  self.insecureHTTPParser = options.insecureHTTPParser;
  const requestTimeout = options.requestTimeout !== undefined ? options.requestTimeout : 300000;
  if (options.requestTimeout !== undefined) validateInteger(requestTimeout, 'requestTimeout', 0); // at: _http_server:445:5
  self.requestTimeout = requestTimeout;
  const headersTimeout = options.headersTimeout !== undefined ? options.headersTimeout : Math.min(60000, requestTimeout);
  if (options.headersTimeout !== undefined) validateInteger(headersTimeout, 'headersTimeout', 0); // at: _http_server:453:5
  self.headersTimeout = headersTimeout;
  if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
    throw new (errs().codes.ERR_OUT_OF_RANGE)('headersTimeout', '<= requestTimeout', headersTimeout); // at: _http_server:460:11 | 5 |     throw new codes.ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }
  if (options.keepAliveTimeout !== undefined) validateInteger(options.keepAliveTimeout, 'keepAliveTimeout', 0); // at: _http_server:465:5
  self.keepAliveTimeout = options.keepAliveTimeout !== undefined ? options.keepAliveTimeout : kDefaultKeepAliveTimeout;
  if (options.connectionsCheckingInterval !== undefined) {
    validateInteger(options.connectionsCheckingInterval, 'connectionsCheckingInterval', 0); // at: _http_server:473:5
  }
  self.connectionsCheckingInterval = options.connectionsCheckingInterval !== undefined ? options.connectionsCheckingInterval : 30000;
  if (options.requireHostHeader !== undefined) validateBoolean(options.requireHostHeader, 'options.requireHostHeader'); // at: _http_server:481:5
  self.requireHostHeader = options.requireHostHeader !== undefined ? options.requireHostHeader : true;
  if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders'); // at: _http_server:489:5
  self.joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (options.rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(options.rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites'); // at: _http_server:495:5
  }
  self.rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites === true;
}

// initServer is the rest of an http (or https) server's constructor, after net's (tls's).
function initServer(self, options, requestListener, connectionEvent) {
  if (requestListener) self.on('request', requestListener);
  self.httpAllowHalfOpen = false;
  self.on(connectionEvent, connectionListener);
  self.on('listening', setupConnectionsTracking);
  self.timeout = 0;
  self.maxHeadersCount = null;
  self.maxRequestsPerSocket = 0;
  self[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}

// As node's: a server tracks its connections (and checks their timeouts) once it listens; one
// given connections by hand ('connection' events) starts the list with the first.
function setupConnectionsTracking() {
  connectionsOf(this);
  serverPartsMade || makeServerParts();
  startChecking(this, true);
}
function connectionsOf(server) {
  return server[kConnections] || (server[kConnections] = new Set());
}
const noConnections = [];
const kCheckTimer = Symbol('http.server.connectionsCheckingInterval');

inheritLazy(Server, 'net', () => {
  net = require('net');
  // Read for every request: a default on the prototype saves a walk up the socket's whole chain.
  net.Socket.prototype[kPausedByReq] = false;
  net.Socket.prototype[kResCloseListener] = false; // read per response
  netInternal = require('internal/module_internals').get('net');
  netInternal.setReadListenerHook(unconsumeOnReadListener);
  kNetTimeout = netInternal.kTimeout;
  binding.setNetTimeout(kNetTimeout);
  return net.Server;
});

// An http server asks for a deeper accept queue than net's (and Node's) default of 511 when the
// caller names no backlog: when a thousand clients connect at once, the kernel drops the SYNs
// past the queue and those clients retry one and three seconds later, which is most of the
// tail latency and the timeouts of a 1000-connection benchmark. The kernel caps the value at
// net.core.somaxconn. Only the common call forms are rewritten; the others keep the default.
const kHttpBacklog = 4096;

Server.prototype.listen = void 0














;

Server.prototype.close = void 0




;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Server.prototype', Server.prototype, 'listen', 'http:Server.prototype', Server.prototype, 'close'); else { Server.prototype.listen = __gojsLazyMembers('Server.prototype.listen'); Server.prototype.close = __gojsLazyMembers('Server.prototype.close'); } };

// With captureRejections, a 'request' listener's rejected promise is answered as node's: a 500
// without the headers set so far when nothing was sent yet, else the response is destroyed.
Server.prototype[Symbol.for('nodejs.rejection')] = function onRejection(err, event, ...args) {
  if (event !== 'request') {
    loadNet().Server.prototype[Symbol.for('nodejs.rejection')].apply(this, arguments);
    return;
  }
  const res = args[1];
  if (!res.headersSent && !res.writableEnded) {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusCode = 500;
    res.end(STATUS_CODES[500]);
  } else {
    res.destroy();
  }
};

Server.prototype.closeAllConnections = void 0

;

// A connection is idle, as in Node's connections list, when no request is arriving on it (no
// head begun, no body still to come) and it has had a request (a new connection that has sent
// nothing yet is not idle: its parser's headStart is the connection's start); Node then closes
// it unless its current response is unfinished, even with pipelined requests still waiting for
// theirs.
Server.prototype.closeIdleConnections = void 0







;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Server.prototype', Server.prototype, 'closeAllConnections', 'http:Server.prototype', Server.prototype, 'closeIdleConnections'); else { Server.prototype.closeAllConnections = __gojsLazyMembers('Server.prototype.closeAllConnections'); Server.prototype.closeIdleConnections = __gojsLazyMembers('Server.prototype.closeIdleConnections'); } };

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback); // at: _http_server:604:10
  return this;
};

// The server's per-connection internals are made when the first connection comes
// (makeServerParts, from connectionListener): a runtime that requires http without serving
// builds none of their function objects. The ones code outside uses are assigned to these.
let serverPartsMade = false;
let connStateProto, startChecking, socketOnTimeout, parserOnHeaders, parserOnBody, parserOnComplete, onreadConsumed,
  parserAfterConsumed, socketOnError, socketOnClose, socketOnDrain, resOnFinish;

function socketSetEncoding() {
  throw errs().makeNodeError(Error, 'ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.');
}

function connectionListener(socket) {
  serverPartsMade || makeServerParts();
  if (debug !== null) debug('SERVER new http connection');
  const server = this;
  // consumed: 0 the socket's bytes come as 'data' events, 1 through the handle's onread
  // (onreadConsumed), 2 parsed in Go (the handle's consume).
  // A Go-backed object (binding.newConnState): its fields live in a Go array, not in a property
  // map (see modules/http/connstate.go).
  const state = binding.newConnState(connStateProto);
  state.incoming = null;
  state.keepAliveTimeoutSet = false;
  state.req = null;
  state.server = server;
  state.socket = socket;
  // As node's: the socket belongs to this server even when another one accepted it and emitted
  // it here ('connection'); clientError and the diagnostics read it.
  socket.server = server;
  state.requestsCount = 0;
  state.lazyKeepAlive = false;
  state.idleAt = 0;
  state.keepAliveTimer = null;
  state.reqStart = 0;
  state.parser = null;
  state.handle = null;
  state.fd = -1;
  state.consumed = 0;
  socket[kState] = state;
  connectionsOf(server).add(socket);
  startChecking(server);
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  // net shapes a socket's _events with eight keys (as Node does); a ninth turns goja's Go map of
  // the object into a table (about 0.9 KB per connection). The parser takes the connection's
  // bytes, so 'readable', unused, gives its place to 'timeout' (a key without a listener holds
  // undefined, which no listener lookup tells from no key).
  const evs = socket._events;
  if (evs !== undefined && evs !== null && evs.readable === undefined && evs.timeout === undefined &&
      hasOwn(evs, 'readable') && !hasOwn(evs, 'timeout')) {
    delete evs.readable;
  }
  socket.on('timeout', socketOnTimeout);

  const sh = socket._handle;
  const parser = binding.newParser(false, server.maxHeaderSize || maxHeaderSize,
    parserOnHeaders, parserOnBody, parserOnComplete,
    !!(server.insecureHTTPParser === undefined ? isLenient() : server.insecureHTTPParser),
    sh && typeof sh.getAsyncId === 'function' ? sh.getAsyncId() : undefined, true);
  parser.state = state;
  if (typeof server.maxHeadersCount === 'number') parser.maxHeaderPairs = server.maxHeadersCount << 1;
  socket.parser = parser;
  // (as node's: the encoding of a socket an http server reads cannot change, upgraded or not)
  socket.setEncoding = socketSetEncoding;
  state.parser = parser;

  // Like Node's parser.consume(): bytes go from the socket handle straight into the parser,
  // skipping the socket's Readable machinery; EOF and errors still take the stream path.
  const handle = socket._handle;
  state.handle = handle;
  // (a net socket's handle: only those have consume)
  state.fd = handle && typeof handle.consume === 'function' && typeof handle.fd === 'number' && !socket.encrypted ? handle.fd : -1;
  if (handle && typeof handle.onread === 'function' && (!hasOwn(socket, '_readableState') || socket.readableLength === 0)) {
    const orig = handle.onread;
    if (connStateProto.origOnread === undefined) connStateProto.origOnread = orig;
    else if (orig !== connStateProto.origOnread) state.origOnread = orig;
    state.consumed = 1;
    handle.onread = onreadConsumed;
    if (state.fd >= 0 && handle.consume !== undefined) {
      // Plain sockets: net reads into the parser in Go (no Buffer and no JS call per read).
      parser.consumed(parserAfterConsumed);
      if (handle.consume(parser)) state.consumed = 2;
    }
    if (!handle.reading) {
      handle.reading = true;
      handle.readStart();
    }
    // node listens to the socket's 'data' even while its parser consumes the handle (its
    // listenerCount is 1); the listener is put in place without on(), which would resume the
    // stream (and make its states) for bytes that never come as events.
    if (evs !== undefined && evs !== null && evs.data === undefined) {
      evs.data = state.onData;
      socket._eventsCount++;
    } else {
      loadEvents().prototype.on.call(socket, 'data', state.onData);
    }
  } else {
    socket.on('data', state.onData);
  }
  socket.on('end', state.onEnd);
  socket.on('error', socketOnError);
  socket.on('close', socketOnClose);
  socket.on('drain', socketOnDrain);
  socket._paused = false;
}

// unconsumeOnReadListener: a 'data' or 'readable' listener added to a socket whose bytes go
// straight to its server's parser (onreadConsumed, or parsed in Go) turns that off, as node's
// unconsume: the bytes come as the socket's 'data' again, to the parser's listener (put in place
// by connectionListener, so first unless the new listener was prepended) and to the new one.
function unconsumeOnReadListener(socket, prepended) {
  const state = socket[kState];
  if (state === undefined || !state.consumed || socket.parser == null) return;
  const was = state.consumed;
  state.consumed = 0;
  const h = socket._handle;
  if (h) {
    if (was === 2) h.consume(null);
    h.onread = state.origOnread;
  }
  // node's socket flows from the connection on (its parser's listener was added with on());
  // here that listener went in without resuming, so a prepended one resumes now.
  if (socket.readableFlowing === null) socket.resume();
}

// connResetException is node's ECONNRESET error; its stack starts where from was called (node
// hides its own frame), so that the socket listener of node's name comes first.
function connResetException(msg, from = connResetException) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  Error.captureStackTrace(ex, from);
  return ex;
}

// makeServerParts makes the server's part (the server's per-connection internals) and keeps
// the functions code outside it uses.
function makeServerParts() {
  serverPartsMade = true;
  const p = binding.part('server')({
    addResCloseListener, binding, connResetException, dcHttpOn, dcOn, detachSocket, drainConn,
    emitCloseNT, emitResponseDrain, errs, floodPause, hasOwn, headersCount, IncomingMessage,
    incomingWith, kCheckTimer, kConnections, kConnState, kDefaultKeepAliveTimeout, kHeadersCount,
    kIncomingMessage, kLazy, kPausedByReq, kPerfStats, kResCloseListener, kServerResponse, kState,
    MAX_HEADER_PAIRS, netInt, noConnections, nodeRawHeaders, noop, pauseSocket, perfOn,
    resumeSocket, ServerResponse, serverResponseFinish, startPerf, stopPerf, timers,
});
  ({ connStateProto, dcServerParts, onreadConsumed, parserAfterConsumed, parserOnBody, parserOnComplete,
    parserOnHeaders, resOnFinish, socketOnClose, socketOnDrain, socketOnError, socketOnTimeout, startChecking } = p);
  if (dc !== null || perfHttp) dcWatchHttp();
}

// (The body is not indented: the functions keep the lines they had at top level.)





































































































































































































































































































































































































































































































































































































































































// ---------------------------------------------------------------- Agent

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  loadEvents().call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  vals().validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']); // at: _http_agent:108:3
  if (this.maxTotalSockets !== undefined) vals().validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1); // at: _http_agent:111:5
  else this.maxTotalSockets = Infinity;
  this.totalSocketCount = 0;
  this.on('free', (socket, options) => {
    const name = this.getName(options);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requests = this.requests[name];
    if (requests && requests.length) {
      const req = requests.shift();
      if (!requests.length) delete this.requests[name];
      const res = req[kRequestAsyncResource];
      if (res) {
        // (the socket and the request's callbacks run in the context the request was made in)
        req[kRequestAsyncResource] = null;
        res.runInAsyncScope(() => {
          asyncResetHandle(socket);
          setRequestSocket(this, req, socket);
        });
      } else {
        setRequestSocket(this, req, socket);
      }
      return;
    }
    const req = socket._httpMessage;
    if (!req || !req.shouldKeepAlive || !this.keepAlive) {
      socket.destroy();
      return;
    }
    const freeSockets = this.freeSockets[name] || [];
    const freeLen = freeSockets.length;
    let count = freeLen;
    if (this.sockets[name]) count += this.sockets[name].length;
    if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets || freeLen >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    this.freeSockets[name] = freeSockets;
    socket._httpMessage = null;
    this.removeSocket(socket, options);
    socket.once('error', freeSocketErrorListener);
    freeSockets.push(socket);
  });
  this.on('newListener', maybeEnableKeylog);
}
inheritLazy(Agent, 'events', loadEvents);
Agent.defaultMaxSockets = Infinity;
function maybeEnableKeylog() {}
function freeSocketErrorListener(err) {
  this.destroy();
  this.emit('agentRemove');
}

// node's Agent.prototype.createConnection is the net.createConnection of when http loaded: a
// later replacement of net.createConnection does not reach agents
Agent.prototype.createConnection = void 0

;

Agent.prototype.getName = void 0








;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Agent.prototype', Agent.prototype, 'createConnection', 'http:Agent.prototype', Agent.prototype, 'getName'); else { Agent.prototype.createConnection = __gojsLazyMembers('Agent.prototype.createConnection'); Agent.prototype.getName = __gojsLazyMembers('Agent.prototype.getName'); } };

// The name a TLS socket sends in SNI: the request's Host header's host (brackets of an IPv6
// address off, the port off), else options.host; never an IP address. A Host header that is not
// a string (an array, a number) throws, as node checks it here for every agent.



















Agent.prototype.addRequest = void 0

































;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Agent.prototype', Agent.prototype, 'addRequest'); else { Agent.prototype.addRequest = __gojsLazyMembers('Agent.prototype.addRequest'); } };

// A kept-alive socket handed to another request gets a new async identity made in the current
// context (node's ReusedHandle resource), so what it emits for the request sees the request's
// AsyncLocalStorage stores, not those of the request that opened it.
const kRequestAsyncResource = Symbol('requestAsyncResource');
const kRequestOptions = Symbol('requestOptions');
let asyncHooks;

class ReusedHandle {
  constructor(type, handle) {
    this.type = type;
    this.handle = handle;
  }
}
function asyncResetHandle(socket) {
  const handle = socket._handle;
  if (handle && typeof handle.asyncReset === 'function') {
    handle.asyncReset(new ReusedHandle(typeof handle.getProviderType === 'function' ? handle.getProviderType() : undefined, handle));
  }
}

Agent.prototype.createSocket = void 0



















;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Agent.prototype', Agent.prototype, 'createSocket'); else { Agent.prototype.createSocket = __gojsLazyMembers('Agent.prototype.createSocket'); } };

























// removeSocket takes a socket out of the agent's in-use list (and out of the free lists when it
// can no longer write), then gives a new socket to the first request waiting for this origin or,
// when none waits, for the first origin with no socket in use (maxTotalSockets may have held it
// back), as node's: the request stays queued and the new socket's 'free' hands it over.
Agent.prototype.removeSocket = void 0











































;

Agent.prototype.keepSocketAlive = void 0













;

Agent.prototype.reuseSocket = void 0



;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:Agent.prototype', Agent.prototype, 'removeSocket', 'http:Agent.prototype', Agent.prototype, 'keepSocketAlive', 'http:Agent.prototype', Agent.prototype, 'reuseSocket'); else { Agent.prototype.removeSocket = __gojsLazyMembers('Agent.prototype.removeSocket'); Agent.prototype.keepSocketAlive = __gojsLazyMembers('Agent.prototype.keepSocketAlive'); Agent.prototype.reuseSocket = __gojsLazyMembers('Agent.prototype.reuseSocket'); } };

Agent.prototype.destroy = function destroy() {
  for (const sets of [this.freeSockets, this.sockets]) {
    for (const key of Object.keys(sets)) for (const s of sets[key].slice()) s.destroy();
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

// Made on first use (http.globalAgent or the first request): a runtime that only requires http
// does not build it.
let globalAgent;
let globalAgentMade = false;
function getGlobalAgent() {
  if (!globalAgentMade) {
    globalAgentMade = true;
    globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
  }
  return globalAgent;
}

// ---------------------------------------------------------------- ClientRequest

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new URL(input)); // at: _http_client:139:30
  } else if (input instanceof URL) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || { __proto__: null };
  } else {
    options = Object.assign(input || {}, options);
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || module.exports.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') { // (0, '' and NaN are no agents either)
    throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options.agent', ['Agent-like Object', 'undefined', 'false'], agent); // at: _http_client:167:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('options.agent',
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) throw new (errs().codes.ERR_UNESCAPED_CHARACTERS)('Request path'); // at: _http_client:182:13 | 7 |       throw new ERR_UNESCAPED_CHARACTERS('Request path');
  }
  if (protocol !== expectedProtocol) throw new (errs().codes.ERR_INVALID_PROTOCOL)(protocol, expectedProtocol); // at: _http_client:187:11 | 5 |     throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
  const port = options.port = options.port || defaultPort || 80;
  const { checkHost } = clientReq();
  const host = options.host = checkHost(options.hostname, 'hostname') || // at: _http_client:196:41
    checkHost(options.host, 'host') || 'localhost'; // at: _http_client:197:41
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = clientReq().getTimerDuration(options.timeout, 'timeout'); // at: getTimerDuration@internal/timers:401:3, _http_client:204:20
  const signal = options.signal;
  if (signal) {
    const { addAbortSignal } = clientReq();
    addAbortSignal(signal, this); // at: _http_client:208:5
  }
  let method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options.method', 'string', method); // at: _http_client:214:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) throw new (errs().codes.ERR_INVALID_HTTP_TOKEN)('Method', method); // at: _http_client:219:13 | 7 |       throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }
  const maxHeaderSizeOpt = options.maxHeaderSize;
  if (maxHeaderSizeOpt !== undefined) vals().validateInteger(maxHeaderSizeOpt, 'maxHeaderSize', 0); // at: _http_client:228:5
  this.maxHeaderSize = maxHeaderSizeOpt;
  if (options.insecureHTTPParser !== undefined) vals().validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser'); // at: _http_client:233:5
  this.insecureHTTPParser = options.insecureHTTPParser;
  if (options.joinDuplicateHeaders !== undefined) vals().validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders'); // at: _http_client:239:5
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
  this.path = options.path || '/';
  if (cb) this.once('response', cb);
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' ||
      method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;
  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }
  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]); // at: _http_client:293:14
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' + lazyBuffer().from(options.auth).toString('base64'));
    }
    if (this.getHeader('expect')) {
      if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('render');
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
    }
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers); // at: _http_client:330:10
  }
  const optsWithoutSignal = { __proto__: null, ...options };
  delete optsWithoutSignal.signal;
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    let opts = optsWithoutSignal;
    if (opts.path || opts.socketPath) {
      opts = { ...optsWithoutSignal };
      if (opts.socketPath) opts.path = opts.socketPath;
      else if (opts.path) opts.path = undefined;
    }
    if (typeof opts.createConnection === 'function') {
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) process.nextTick(() => emitRequestError(this, err));
        else this.onSocket(socket);
      };
      let called = false;
      // (a createConnection that throws fails the request, on the next tick, as node's does)
      try {
        const newSocket = opts.createConnection(opts, oncreate);
        if (newSocket) oncreate(null, newSocket);
      } catch (err) {
        oncreate(err);
      }
    } else {
      this.onSocket(loadNet().createConnection(opts));
    }
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);




function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url, // what a user added to the URL object (headers, agent, ...) goes into the options
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

ClientRequest.prototype.path = undefined; // (an own data property: nothing up the chain has a setter)

ClientRequest.prototype._finish = void 0








;

ClientRequest.prototype._implicitHeader = void 0


;

ClientRequest.prototype.abort = void 0




;


ClientRequest.prototype.destroy = void 0






;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:ClientRequest.prototype', ClientRequest.prototype, '_finish', 'http:ClientRequest.prototype', ClientRequest.prototype, '_implicitHeader', 'http:ClientRequest.prototype', ClientRequest.prototype, 'abort', 'http:ClientRequest.prototype', ClientRequest.prototype, 'destroy'); else { ClientRequest.prototype._finish = __gojsLazyMembers('ClientRequest.prototype._finish'); ClientRequest.prototype._implicitHeader = __gojsLazyMembers('ClientRequest.prototype._implicitHeader'); ClientRequest.prototype.abort = __gojsLazyMembers('ClientRequest.prototype.abort'); ClientRequest.prototype.destroy = __gojsLazyMembers('ClientRequest.prototype.destroy'); } };
const kError = Symbol('kError');


ClientRequest.prototype.onSocket = void 0

;




ClientRequest.prototype.setTimeout = void 0







;

ClientRequest.prototype.setNoDelay = void 0


;
ClientRequest.prototype.setSocketKeepAlive = void 0


;
ClientRequest.prototype.clearTimeout = void 0;{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.protos(__gojsLazyMembers, 'http:ClientRequest.prototype', ClientRequest.prototype, 'onSocket', 'http:ClientRequest.prototype', ClientRequest.prototype, 'setTimeout', 'http:ClientRequest.prototype', ClientRequest.prototype, 'setNoDelay', 'http:ClientRequest.prototype', ClientRequest.prototype, 'setSocketKeepAlive', 'http:ClientRequest.prototype', ClientRequest.prototype, 'clearTimeout'); else { ClientRequest.prototype.onSocket = __gojsLazyMembers('ClientRequest.prototype.onSocket'); ClientRequest.prototype.setTimeout = __gojsLazyMembers('ClientRequest.prototype.setTimeout'); ClientRequest.prototype.setNoDelay = __gojsLazyMembers('ClientRequest.prototype.setNoDelay'); ClientRequest.prototype.setSocketKeepAlive = __gojsLazyMembers('ClientRequest.prototype.setSocketKeepAlive'); ClientRequest.prototype.clearTimeout = __gojsLazyMembers('ClientRequest.prototype.clearTimeout'); } };

// What a client does with its response: made with the first request's socket.
let clientConnObj;
function clientConn() { return clientConnObj || (clientConnObj = makeClientConn()); }
function makeClientConn() {
  return binding.part('clientConn')({
    connResetException, dcOn, emitRequestError, hasOwn, IncomingMessage, incomingWith, kError,
    kHeadersCount, kPerfStats, lazyIdle, MAX_HEADER_PAIRS, nodeRawHeaders, pauseSocket,
    resumeSocket, stopPerf,
  });
}











































































































































































































































































function request(url, options, cb) {
  return new ClientRequest(url, options, cb); // at: http:101:10
}

function get(url, options, cb) {
  const req = request(url, options, cb); // at: http:112:15
  req.end();
  return req;
}

// ClientRequest's helpers: made with the first request.
let clientReqObj;
function clientReq() { return clientReqObj || (clientReqObj = makeClientReq()); }
function makeClientReq() {
  return binding.part('clientReq')({
    binding, clientConn, connResetException, emitRequestError, errs, isLenient, kError, kNeedDrain,
    maxHeaderSize, require, vals,
  });
}



































































































































// HTTPParser is node's parser binding class (_http_common.HTTPParser,
// process.binding('http_parser')) over the Go parser, for the packages that parse HTTP
// themselves (@mswjs/interceptors, so nock 14 and msw, parse what a ClientRequest writes to
// their mock socket): callbacks in numbered slots, execute() returning the bytes parsed or an
// error, the method as an index into `methods` (llhttp's order). Made on first use.
const parserMethods = ['DELETE', 'GET', 'HEAD', 'POST', 'PUT', 'CONNECT', 'OPTIONS', 'TRACE', 'COPY', 'LOCK',
  'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK', 'BIND', 'REBIND', 'UNBIND', 'ACL', 'REPORT',
  'MKACTIVITY', 'CHECKOUT', 'MERGE', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'PATCH', 'PURGE',
  'MKCALENDAR', 'LINK', 'UNLINK', 'SOURCE', 'QUERY'];
const parserAllMethods = parserMethods.slice(0, 34).concat(['PRI', 'DESCRIBE', 'ANNOUNCE', 'SETUP', 'PLAY',
  'PAUSE', 'TEARDOWN', 'GET_PARAMETER', 'SET_PARAMETER', 'REDIRECT', 'RECORD', 'FLUSH', 'QUERY']);
let HTTPParserClass;
function getHTTPParser() { return HTTPParserClass || (HTTPParserClass = makeHTTPParser()); }
function makeHTTPParser() {
  return binding.part('parser')({ binding, maxHeaderSize, parserMethods });
}
















































































// node exports the two checks as its hideStackFrames makes them: functions named wrappedFn
// (length 0) whose withoutStackTrace is the check itself, anonymous, its errors without frames.
// (The wrapper's source name begins with "validate": its frame is hidden as the checks' are, and
// an uncaught error points at hideStackFrames's rethrow, as node's.)
function hidingFrames(check) {
  function validateWrapped(...args) { return check(args[0], args[1]); }
  Object.defineProperty(validateWrapped, 'name', { __proto__: null, value: 'wrappedFn' });
  void validateWrapped.prototype; // (its place before withoutStackTrace, as node's)
  validateWrapped.withoutStackTrace = (0, (a, b) => {
    const limit = Error.stackTraceLimit;
    try { Error.stackTraceLimit = 0; } catch {}
    try {
      return check(a, b);
    } finally {
      try { Error.stackTraceLimit = limit; } catch {}
    }
  });
  return validateWrapped;
}

// (as node's: http's Server has its own async dispose, close() promisified, with no check that
// the server listens: disposing of one that does not rejects with ERR_SERVER_NOT_RUNNING)
if (Symbol.asyncDispose) {
  Server.prototype[Symbol.asyncDispose] = async function() {
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
}

module.exports = {
  _connectionListener: connectionListener,
  METHODS,
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer: void 0,
  validateHeaderName: hidingFrames(validateHeaderName),
  validateHeaderValue: hidingFrames(validateHeaderValue),
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    vals().validateInteger(max, 'max', 1); // at: http:133:5
  },
  maxHeaderSize: undefined,
  globalAgent: undefined,
};{ const __gojsLazyB = typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined; if (__gojsLazyB) __gojsLazyB.members(module.exports, __gojsLazyMembers, undefined, 'http'); else for (const n of ['createServer']) module.exports[n] = __gojsLazyMembers(n); };
// accessors, as in Node
Object.defineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return maxHeaderSize; },
});
Object.defineProperty(module.exports, 'globalAgent', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return getGlobalAgent(); },
  set(value) { globalAgentMade = true; globalAgent = value; },
});
require('internal/module_internals').set('http', { urlToHttpOptions, kOutHeaders, connResetException, storeHTTPOptions,
  initServer, getHTTPParser, parserMethods, parserAllMethods, kIncomingMessage, kServerResponse,
  kConnectionsCheckingInterval: kCheckTimer, kUniqueHeaders });

// ---------------------------------------------------------------- util.inspect views

// The messages keep their defaults on the prototypes (see OutgoingMessage), and the server's
// responses and incoming messages skip work node does per request, so their own properties are
// not node's. util.inspect asks inspectView (modules.SetInspectView) for the fields node's object
// has, in node's order (its constructors' fields, then the fields set later, then the program's
// own, then the symbols), with the values they have here. Nothing is made until a message is
// inspected.
let views = null;
function inspectView(obj, accessor) {
  if (obj === ServerResponse.prototype || obj === OutgoingMessage.prototype || obj === IncomingMessage.prototype ||
      obj === ClientRequest.prototype) {
    return protoView(obj, accessor);
  }
  // (not for an object made by Object.create, or a subclass's prototype: node's have no fields)
  if (hasOwn(obj, 'constructor') || (obj instanceof IncomingMessage && !hasOwn(obj, 'socket'))) return undefined;
  if (views === null) views = makeInspectViews();
  return views(obj, accessor);
}
binding.setInspectView(OutgoingMessage.prototype, inspectView);
binding.setInspectView(IncomingMessage.prototype, inspectView);

// protoView shows a prototype as node's: its methods, without the defaults kept here (but
// ServerResponse's statusCode and statusMessage, which node keeps there too).
function protoView(proto, accessor) {
  const keys = [];
  const vals = [];
  const own = Object.keys(proto);
  for (let i = 0; i < own.length; i++) {
    const k = own[i];
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (d.get || d.set || k === '_onPendingData') continue;
    if (typeof d.value === 'function' ||
        (proto === ServerResponse.prototype && (k === 'statusCode' || k === 'statusMessage'))) {
      keys.push(k);
      vals.push(accessor);
    }
  }
  return [keys, vals];
}

function makeInspectViews() {
  return binding.part('views')({
    ClientRequest, hasOwn, IncomingMessage, kBytesWritten, kConnState, kCorked, kError, kErrored,
    kHeaders, kHeadersCount, kHeadersDistinct, kLazy, kNeedDrain, kOutHeaders, kPausedByReq,
    kPerfStats, kResCloseListener, kState, kTrailers, kTrailersDistinct, kUniqueHeaders,
    ServerResponse,
  });
}









































































































































































var __gojsLazyH;
function __gojsLazyHelpers() {
function sharedEntry(name, value) {
  if (value.length > 256) return [name, value];
  let byName = sharedEntries[name];
  if (byName === undefined) {
    if (++sharedEntriesCount > 1000) {
      sharedEntries = { __proto__: null };
      sharedEntriesCount = 1;
    }
    byName = sharedEntries[name] = { __proto__: null };
  } else if (++sharedEntriesCount > 1000) {
    sharedEntries = { __proto__: null };
    sharedEntriesCount = 1;
    byName = sharedEntries[name] = { __proto__: null };
  }
  return (byName[value] = Object.freeze([name, value]));
}
function utcDate() {
  if (!dateCache) {
    dateCache = new Date().toUTCString();
    const t = timers().setTimeout(() => { dateCache = undefined; }, 1000 - new Date().getMilliseconds());
    if (t.unref) t.unref();
  }
  return dateCache;
}
function socketDestroyed(socket) {
  return netInternal !== undefined ? netInternal.isDestroyed(socket) : socket.destroyed;
}
function onIncomingError(self, error, cb) {
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}
function headerRule(field) {
  switch (field) {
    case 'content-type': case 'content-length': case 'user-agent': case 'referer': case 'host':
    case 'authorization': case 'proxy-authorization': case 'if-modified-since':
    case 'if-unmodified-since': case 'from': case 'location': case 'max-forwards':
    case 'retry-after': case 'etag': case 'last-modified': case 'server': case 'age': case 'expires':
      return 0; // drop duplicates
    case 'set-cookie':
      return 1; // array
    case 'cookie':
      return 2; // join with '; '
    default:
      return 3; // join with ', '
  }
}
function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key); // at: _http_outgoing:548:5
  // A Content-Disposition sent with a known length carries its value's code units as bytes
  // (RFC 6266 4.3): node turns each value into its latin1 bytes read back as UTF-8, in place.
  if (self._contentLength && isContentDispositionField(key)) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = latin1AsUTF8(value[i]);
    } else {
      value = latin1AsUTF8(value);
    }
  }
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) && !isUniqueHeader(self, key)) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate); // at: _http_outgoing:578:3
}
function isCookieField(s) { return s.length === 6 && s.toLowerCase() === 'cookie'; }
function isContentDispositionField(s) { return s.length === 19 && s.toLowerCase() === 'content-disposition'; }
function latin1AsUTF8(v) { return lazyBuffer().from(v, 'latin1').toString(); }
function uniqueHeadersOf(msg) {
  let unique = msg[kUniqueHeaders];
  if (unique === null && msg instanceof ServerResponse) {
    let st = msg[kConnState];
    if (st === undefined && msg.socket) st = msg.socket[kState];
    if (st != null && st.server) unique = st.server[kUniqueHeaders] || null;
  }
  return unique;
}
function isUniqueHeader(msg, key) {
  const unique = uniqueHeadersOf(msg);
  return unique !== null && unique.has(String(key).toLowerCase());
}
function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value); // at: _http_outgoing:583:5
  state.header += key + ': ' + value + crlf;
  const len = key.length;
  if (len >= 4 && len <= 17) {
    const k = key.toLowerCase();
    switch (k) {
      case 'connection':
        state.connection = true;
        self._removedConnection = false;
        if (RE_CONN_CLOSE.test(value)) self._last = true;
        else self.shouldKeepAlive = true;
        break;
      case 'transfer-encoding':
        state.te = true;
        self._removedTE = false;
        if (chunkExpression.test(value)) self.chunkedEncoding = true;
        break;
      case 'content-length':
        state.contLen = true;
        self._contentLength = +value;
        self._removedContLen = false;
        break;
      case 'date': state.date = true; break;
      case 'expect': state.expect = true; break;
      case 'trailer': state.trailer = true; break;
      case 'keep-alive': self._defaultKeepAlive = false; break;
    }
  }
}
function validateLinkHeaderValue(hints) {
  const check = (value) => {
    if (typeof value === 'undefined' || !linkValueRegExp.test(value)) {
      throw new (errs().codes.ERR_INVALID_ARG_VALUE)('hints', value,
        'must be an array or string of format "</styles.css>; rel=preload; as=style"');
    }
  };
  if (typeof hints === 'string') {
    check(hints);
    return hints;
  }
  if (Array.isArray(hints)) {
    for (const link of hints) check(link);
    return hints.join(', ');
  }
  throw new (errs().codes.ERR_INVALID_ARG_VALUE)('hints', hints,
    'must be an array or string of format "</styles.css>; rel=preload; as=style"');
}
function backlogArg(x) { return (x = Number(x)) >= 0 ? x : false; }
function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    if (typeof hostHeader !== 'string') {
      throw new (errs().codes.ERR_INVALID_ARG_TYPE)('options.headers.host', 'string', hostHeader);
    }
    if (hostHeader[0] === '[') {
      const end = hostHeader.indexOf(']');
      servername = end === -1 ? hostHeader : hostHeader.slice(1, end);
    } else {
      const colon = hostHeader.indexOf(':');
      servername = colon === -1 ? hostHeader : hostHeader.slice(0, colon);
    }
  }
  if (loadNet().isIP(servername)) servername = '';
  return servername;
}
function loadAsyncHooks() { return asyncHooks || (asyncHooks = require('async_hooks')); }
function installListeners(agent, s, options) {
  function onFree() { agent.emit('free', s, options); }
  s.on('free', onFree);
  function onClose() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);
  function onTimeout() {
    const sockets = agent.freeSockets;
    if (Object.keys(sockets).some((name) => sockets[name].includes(s))) s.destroy();
  }
  s.on('timeout', onTimeout);
  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}
return { sharedEntry, utcDate, socketDestroyed, onIncomingError, headerRule, processHeader, isCookieField, isContentDispositionField, latin1AsUTF8, uniqueHeadersOf, isUniqueHeader, storeHeader, validateLinkHeaderValue, backlogArg, calculateServerName, loadAsyncHooks, installListeners };
}
function __gojsLazyMembers(__gojsLazyName) {
switch (__gojsLazyName) {
case 'createServer': return function createServer(opts, requestListener) {
  return new Server(opts, requestListener); // at: http:62:10
};
case 'IncomingMessage.prototype._read': return function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  if (this.socket && this.socket[kPausedByReq]) resumeSocket(this.socket);
};
case 'IncomingMessage.prototype._destroy': { const { socketDestroyed, onIncomingError } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !socketDestroyed(this.socket) && this.aborted) {
    this.socket.destroy(err);
    // as node's: the socket's stream is finished once its destroy has called back (before its
    // 'close', which waits for the handle), so this message's 'close' comes before the request's
    const cleanup = require('stream').finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onIncomingError, this, e || err, cb);
    });
  } else {
    process.nextTick(onIncomingError, this, err, cb);
  }
}; }
case 'IncomingMessage.prototype._addHeaderLines': return function _addHeaderLines(headers, n) {
  if (headers && headers.length) {
    const dest = this.complete ? this[kTrailers] || (this[kTrailers] = {}) : this.headers;
    for (let i = 0; i < headers.length; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
  }
};
case 'IncomingMessage.prototype._addHeaderLine': { const { headerRule } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function _addHeaderLine(field, value, dest) {
  field = field.toLowerCase();
  const rule = headerRule(field);
  if (rule === 2 || rule === 3) {
    // a list: joined onto a string already there, else set (a name such as 'constructor'
    // finds Object.prototype's, which is not a string)
    if (typeof dest[field] === 'string') dest[field] += (rule === 3 ? ', ' : '; ') + value;
    else dest[field] = value;
  } else if (rule === 1) {
    if (dest[field] !== undefined) dest[field].push(value);
    else dest[field] = [value];
  } else if (dest[field] === undefined) {
    dest[field] = value;
  } else if (this.joinDuplicateHeaders) {
    dest[field] += ', ' + value;
  }
}; }
case 'IncomingMessage.prototype._addHeaderLineDistinct': return function _addHeaderLineDistinct(field, value, dest) {
  field = field.toLowerCase();
  if (!dest[field]) dest[field] = [value];
  else dest[field].push(value);
};
case 'IncomingMessage.prototype._dump': return function _dump() {
  if (!this._dumped) {
    if (lazyIdle(this)) this._readableState; // eslint-disable-line no-unused-expressions
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};
case 'OutgoingMessage.prototype.cork': return function cork() { if (this.socket) this.socket.cork(); };
case 'OutgoingMessage.prototype.uncork': return function uncork() { if (this.socket) this.socket.uncork(); };
case 'OutgoingMessage.prototype.setHeader': { const { sharedEntry } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function setHeader(name, value) {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('set'); // at: _http_outgoing:655:11 | 5 |     throw new ERR_HTTP_HEADERS_SENT('set');
  // A string name and value: all of it in Go (outheaders.go), else (and for the errors) below.
  const r = setHeaderFast(this[kOutHeaders], name, value);
  if (r === true) return this;
  if (r !== false) {
    this[kOutHeaders] = r;
    return this;
  }
  // The validations' cached answers are looked up inline (a call each costs on goja).
  let key = typeof name === 'string' ? validNames[name] : undefined;
  if (key === undefined) {
    validateHeaderName(name); // at: _http_outgoing:657:3
    key = validNames[name] || name.toLowerCase();
  }
  let entry;
  if (typeof value === 'string') {
    const byName = sharedEntries[name];
    if (byName !== undefined) entry = byName[value];
    if (entry === undefined) {
      if (validValues[value] !== true) validateHeaderValue(name, value); // at: _http_outgoing:658:3
      entry = sharedEntry(name, value);
    }
  } else {
    validateHeaderValue(name, value); // at: _http_outgoing:658:3
    entry = [name, value];
  }
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = newOutHeaders();
  headers[key] = entry;
  return this;
}; }
case 'OutgoingMessage.prototype.setHeaders': return function setHeaders(headers) {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
    throw new (errs().codes.ERR_INVALID_ARG_TYPE)('headers', ['Headers', 'Map'], headers);
  }
  // (set-cookie last, its values kept apart: a Headers' get() joins them with commas)
  const cookies = [];
  for (const [key, value] of headers) {
    if (key === 'set-cookie') {
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};
case 'OutgoingMessage.prototype.appendHeader': return function appendHeader(name, value) {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('append'); // at: _http_outgoing:711:11 | 5 |     throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name); // at: _http_outgoing:713:3
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = this[kOutHeaders] || (this[kOutHeaders] = newOutHeaders());
  if (!headers[field]) {
    headers[field] = [name, value];
    return this;
  }
  // (The entry is replaced, not changed: setHeader's entries are shared, see sharedEntry.)
  const existing = Array.isArray(headers[field][1]) ? headers[field][1] : [headers[field][1]];
  headers[field] = [headers[field][0], existing.concat(value)];
  return this;
};
case 'OutgoingMessage.prototype.getHeader': return function getHeader(name) {
  vals().validateString(name, 'name'); // at: _http_outgoing:741:3
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};
case 'OutgoingMessage.prototype.getHeaderNames': return function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};
case 'OutgoingMessage.prototype.getRawHeaderNames': return function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.keys(headers).map((k) => headers[k][0]);
};
case 'OutgoingMessage.prototype.getHeaders': return function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) for (const key of Object.keys(headers)) ret[key] = headers[key][1];
  return ret;
};
case 'OutgoingMessage.prototype.hasHeader': return function hasHeader(name) {
  vals().validateString(name, 'name'); // at: _http_outgoing:794:3
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};
case 'OutgoingMessage.prototype.removeHeader': return function removeHeader(name) {
  vals().validateString(name, 'name'); // at: _http_outgoing:801:3
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('remove'); // at: _http_outgoing:804:11 | 5 |     throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection': this._removedConnection = true; break;
    case 'content-length': this._removedContLen = true; break;
    case 'transfer-encoding': this._removedTE = true; break;
    case 'date': this.sendDate = false; break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};
case 'OutgoingMessage.prototype._renderHeaders': return function _renderHeaders() {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('render');
  const headers = {};
  const h = this[kOutHeaders];
  if (h !== null) for (const key of Object.keys(h)) headers[h[key][0]] = h[key][1];
  return headers;
};
case 'OutgoingMessage.prototype._storeHeader': { const { utcDate, processHeader } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function _storeHeader(firstLine, headers) {
  let state = freeHeaderState;
  if (state !== null) {
    freeHeaderState = null;
    state.connection = state.contLen = state.te = state.date = state.expect = state.trailer = false;
    state.header = firstLine;
  } else {
    state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false, header: firstLine };
  }
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) processHeader(this, state, headers[i][0], headers[i][1], true); // at: _http_outgoing:433:11
      } else {
        if (headers.length % 2 !== 0) throw new (errs().codes.ERR_INVALID_ARG_VALUE)('headers', headers); // at: _http_outgoing:437:17 | 11 |           throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let n = 0; n < headers.length; n += 2) processHeader(this, state, headers[n], headers[n + 1], true); // at: _http_outgoing:441:11
      }
    } else {
      for (const key in headers) {
        if (Object.prototype.hasOwnProperty.call(headers, key)) processHeader(this, state, key, headers[key], true); // at: _http_outgoing:447:11
      }
    }
  }
  let { header } = state;
  if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + crlf;
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    // as node: a 204 or 304 that was given Transfer-Encoding: chunked sends no zero chunk and
    // closes its connection (a proxy could read the next response as its body)
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }
  if (this._removedConnection) {
    // removeHeader('connection'): no Connection line; a keep-alive connection stays one
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const max = ~~this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
        header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + crlf;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  if (this.chunkedEncoding !== true && state.trailer) {
    throw new (errs().codes.ERR_HTTP_TRAILER_INVALID)();
  }
  this._header = header + crlf;
  this._headerSent = false;
  const expect = state.expect;
  state.header = '';
  freeHeaderState = state;
  if (expect) this._send('');
}; }
case 'OutgoingMessage.prototype._send': return function _send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      if (this.outputData === emptyOutput) this.outputData = [];
      this.outputData.unshift({ data: this._header, encoding: 'latin1', callback: null });
      this.outputSize += this._header.length;
      this._onPendingData(this._header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};
case 'OutgoingMessage.prototype._writeRaw': return function _writeRaw(data, encoding, callback) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  if (this.outputData === emptyOutput) this.outputData = [];
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < 16384;
};
case 'OutgoingMessage.prototype._flushOutput': return function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = emptyOutput;
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};
case 'OutgoingMessage.prototype._flush': return function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};
case 'OutgoingMessage.prototype.flushHeaders': return function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};
case 'OutgoingMessage.prototype.write': return function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = write_(this, chunk, encoding, callback, false); // at: _http_outgoing:860:15
  if (!ret) this[kNeedDrain] = true;
  return ret;
};
case 'OutgoingMessage.prototype.addTrailers': { const { isUniqueHeader } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function addTrailers(headers) {
  this._trailer = '';
  const keys = Object.keys(headers);
  const isArray = Array.isArray(headers);
  for (let i = 0; i < keys.length; i++) {
    let field, value;
    if (isArray) {
      field = headers[keys[i]][0];
      value = headers[keys[i]][1];
    } else {
      field = keys[i];
      value = headers[field];
    }
    validateHeaderName(field, 'Trailer name'); // at: _http_outgoing:1000:5
    // An array value is one line per value, unless the name is a unique header (uniqueHeaders).
    const isArrayValue = Array.isArray(value);
    if (isArrayValue && value.length > 1 && !isUniqueHeader(this, field)) {
      for (let j = 0; j < value.length; j++) {
        if (checkInvalidHeaderChar(String(value[j]))) throw new (errs().codes.ERR_INVALID_CHAR)('trailer content', field);
        this._trailer += field + ': ' + value[j] + crlf;
      }
      continue;
    }
    if (isArrayValue) value = value.join('; ');
    // a template converts as node's regexp test does: a symbol throws its TypeError
  if (checkInvalidHeaderChar(`${value}`)) throw new (errs().codes.ERR_INVALID_CHAR)('trailer content', field);
    this._trailer += field + ': ' + value + crlf;
  }
}; }
case 'OutgoingMessage.prototype.pipe': return function pipe() {
  this.emit('error', new (errs().codes.ERR_STREAM_CANNOT_PIPE)());
};
case 'ServerResponse.prototype.assignSocket': return function assignSocket(socket) {
  if (socket._httpMessage) {
    throw errs().makeNodeError(Error, 'ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket');
  }
  socket._httpMessage = this;
  addResCloseListener(socket);
  this.socket = socket;
  this.emit('socket', socket);
  // _flush has nothing to do for a response that has queued nothing yet.
  if (this.outputData.length !== 0 || this.finished || this[kCorked] || this[kNeedDrain]) this._flush();
};
case 'ServerResponse.prototype.writeContinue': return function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};
case 'ServerResponse.prototype.writeProcessing': return function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};
case 'ServerResponse.prototype.writeEarlyHints': { const { validateLinkHeaderValue } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function writeEarlyHints(hints, cb) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  vals().validateObject(hints, 'hints'); // at: _http_server:311:3
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link); // at: _http_server:317:16
  if (link.length === 0) return;
  head += 'Link: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
}; }
case 'Server.prototype.listen': { const { backlogArg } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function listen(...args) {
  const a0 = args[0];
  if (args.length === 0 || typeof a0 === 'function') {
    args = [0, kHttpBacklog, ...args];
  } else if (typeof a0 === 'number' && !(backlogArg(args[1]) || backlogArg(args[2]))) {
    if (args.length === 1 || typeof args[1] === 'function') {
      args.splice(1, 0, kHttpBacklog);
    } else if (typeof args[1] === 'string' && (args.length === 2 || typeof args[2] === 'function')) {
      args.splice(2, 0, kHttpBacklog);
    }
  } else if (a0 !== null && typeof a0 === 'object' && a0.backlog === undefined && 'port' in a0 &&
      !('path' in a0) && a0.handle === undefined && a0._handle === undefined && a0.fd === undefined) {
    args[0] = Object.assign({}, a0, { backlog: kHttpBacklog });
  }
  return loadNet().Server.prototype.listen.apply(this, args); // at: -
}; }
case 'Server.prototype.close': return function close() {
  this.closeIdleConnections();
  // (the connections check stops with the server, as node's httpServerPreClose)
  if (this[kCheckTimer]) timers().clearInterval(this[kCheckTimer]);
  return loadNet().Server.prototype.close.apply(this, arguments);
};
case 'Server.prototype.closeAllConnections': return function closeAllConnections() {
  for (const socket of this[kConnections] || noConnections) socket.destroy();
};
case 'Server.prototype.closeIdleConnections': return function closeIdleConnections() {
  for (const socket of this[kConnections] || noConnections) {
    const st = socket[kState];
    if (!st || st.req !== null || (st.parser && st.parser.headStart(false))) continue;
    const msg = socket._httpMessage;
    if (msg && !msg.finished) continue;
    socket.destroy();
  }
};
case 'Agent.prototype.createConnection': return function createConnection(...args) {
  return require('internal/module_internals').get('net').connect(...args);
};
case 'Agent.prototype.getName': return function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};
case 'Agent.prototype.addRequest': { const { calculateServerName, loadAsyncHooks } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function addRequest(req, options, port, localAddress) {
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
  const name = this.getName(options);
  if (!this.sockets[name]) this.sockets[name] = [];
  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
    socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }
  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;
  if (socket) {
    asyncResetHandle(socket);
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    if (debug !== null) debug('call onSocket', sockLen, freeLen);
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else setRequestSocket(this, req, socket);
    });
  } else {
    if (!this.requests[name]) this.requests[name] = [];
    // (kept for a socket another origin frees, as maxTotalSockets may hold this one back)
    req[kRequestOptions] = options;
    req[kRequestAsyncResource] = new (loadAsyncHooks().AsyncResource)('QueuedRequest');
    this.requests[name].push(req);
  }
}; }
case 'Agent.prototype.createSocket': { const { calculateServerName, installListeners } = __gojsLazyH || (__gojsLazyH = __gojsLazyHelpers()); return function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null; if (this.keepAlive) { options.keepAlive = this.keepAlive; options.keepAliveInitialDelay = this.keepAliveMsecs; } // (node's keep-alive delay; one line: the lazy table's places stay)
  let called = false;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) return cb(err);
    if (!this.sockets[name]) this.sockets[name] = [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
}; }
case 'Agent.prototype.removeSocket': return function removeSocket(s, options) {
  const name = this.getName(options);
  const sets = s.writable ? [this.sockets] : [this.sockets, this.freeSockets];
  for (let i = 0; i < sets.length; i++) {
    const list = sets[i][name];
    if (!list) continue;
    const index = list.indexOf(s);
    if (index === -1) continue;
    list.splice(index, 1);
    if (list.length === 0) delete sets[i][name];
  }
  let req;
  let origin = name;
  const waiting = this.requests[name];
  if (waiting && waiting.length) {
    req = waiting[0];
  } else {
    const origins = Object.keys(this.requests);
    if (origins.length > 0) {
      origin = origins[0];
      const inUse = this.sockets[origin];
      if (!inUse || !inUse.length) {
        req = this.requests[origin][0];
        options = req[kRequestOptions];
      }
    }
  }
  if (req && options) {
    req[kRequestOptions] = undefined;
    this.createSocket(req, options, (err, socket) => {
      if (err) {
        // (a request that failed is not handed a socket later)
        const queue = this.requests[origin];
        const i = queue ? queue.indexOf(req) : -1;
        if (i !== -1) {
          queue.splice(i, 1);
          if (!queue.length) delete this.requests[origin];
        }
        req.onSocket(socket, err);
      } else {
        socket.emit('free');
      }
    });
  }
};
case 'Agent.prototype.keepSocketAlive': return function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  if (socket._httpMessage && socket._httpMessage.res) {
    const hint = /^timeout=(\d+)/.exec(socket._httpMessage.res.headers['keep-alive'] || '');
    if (hint) {
      const serverHintTimeout = Number(hint[1]) * 1000 - 1000;
      if (serverHintTimeout <= 0) return false;
      if (!agentTimeout || serverHintTimeout < agentTimeout) agentTimeout = serverHintTimeout;
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};
case 'Agent.prototype.reuseSocket': return function reuseSocket(socket, req) {
  socket.removeListener('error', freeSocketErrorListener);
  req.reusedSocket = true;
  socket.ref();
};
case 'ClientRequest.prototype._finish': return function _finish() {
  OutgoingMessage.prototype._finish.call(this);
  if (perfHttp) {
    startPerf(this, 'HttpClient', { method: this.method, url: `${this.protocol}//${this.host}${this.path}`,
      headers: typeof this.getHeaders === 'function' ? this.getHeaders() : {} });
  }
  if (dcHttp && dc !== null && dc.httpClientRequestStart._subscribers !== undefined) {
    dc.httpClientRequestStart.publish({ request: this });
  }
};
case 'ClientRequest.prototype._implicitHeader': return function _implicitHeader() {
  if (this._header) throw new (errs().codes.ERR_HTTP_HEADERS_SENT)('render');
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
};
case 'ClientRequest.prototype.abort': return function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(clientReq().emitAbortNT, this);
  this.destroy();
};
case 'ClientRequest.prototype.destroy': return function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kError] = err;
  if (this.socket) this.socket.destroy(err);
  return this;
};
case 'ClientRequest.prototype.onSocket': return function onSocket(socket, err) {
  process.nextTick(clientReq().onSocketNT, this, socket, err);
};
case 'ClientRequest.prototype.setTimeout': return function setTimeout(msecs, callback) {
  if (this._ended) return this;
  clientReq().listenSocketTimeout(this);
  msecs = clientReq().getTimerDuration(msecs, 'msecs'); // at: getTimerDuration@internal/timers:401:3, _http_client:945:11
  if (callback) this.once('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (sock) => sock.setTimeout(msecs));
  return this;
};
case 'ClientRequest.prototype.setNoDelay': return function setNoDelay(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};
case 'ClientRequest.prototype.setSocketKeepAlive': return function setSocketKeepAlive(enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};
case 'ClientRequest.prototype.clearTimeout': return function clearTimeout(cb) { this.setTimeout(0, cb); };
}
}
