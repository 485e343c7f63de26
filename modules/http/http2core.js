'use strict';
// internal/http2/core: what http2 needs once a program opens a session or makes a server: the
// session and stream classes (state machines, flow control, events) over the Go codec
// (binding.newCodec, http2codec.go), the servers, connect, and the compatibility API. http2
// requires it on first use, so require('http2') alone (axios and got do it as they load) costs
// its constants only.

const { codes } = require('internal/errors');
const {
  validateObject, validateBoolean, validateNumber, validateAbortSignal, validateString, validateInt32,
  validateUint32,
} = require('internal/validators');

const { constants, sensitiveHeaders: kSensitiveHeaders } = require('http2');

let EventEmitter, net, Duplex, Readable, LegacyStream, impl;

const NGHTTP2_NO_ERROR = 0;
const NGHTTP2_PROTOCOL_ERROR = 1;
const NGHTTP2_INTERNAL_ERROR = 2;
const NGHTTP2_FLOW_CONTROL_ERROR = 3;
const NGHTTP2_CANCEL = 8;
const NGHTTP2_ENHANCE_YOUR_CALM = 11;
const NGHTTP2_REFUSED_STREAM = 7;
const NGHTTP2_ERR_PROTO = -505;
const NGHTTP2_ERR_FLOW_CONTROL = -524;
const NGHTTP2_ERR_STREAM_CLOSED = -510;

// nghttp2_strerror's messages for the library errors a session reports
const nghttp2Messages = {
  [-505]: 'Protocol error', [-510]: 'Stream was already closed or invalid', [-524]: 'Flow control error', [-903]: 'Received bad client magic byte string',
};

const customMessages = { ERR_HTTP2_TOO_MANY_INVALID_FRAMES: 'Too many invalid HTTP/2 frames' };
const NGHTTP2_ERR_CALLBACK_FAILURE = -902;

// NghttpError is node's error for a library failure of nghttp2: its message, code
// ERR_HTTP2_ERROR and the library's error number.
class NghttpError extends Error {
  constructor(integerCode, customErrorCode) {
    super(customErrorCode ? customMessages[customErrorCode] : nghttp2Messages[integerCode] || 'Unknown error code');
    this.code = customErrorCode || 'ERR_HTTP2_ERROR';
    this.errno = integerCode;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

const errorNames = [
  'NGHTTP2_NO_ERROR', 'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_INTERNAL_ERROR', 'NGHTTP2_FLOW_CONTROL_ERROR',
  'NGHTTP2_SETTINGS_TIMEOUT', 'NGHTTP2_STREAM_CLOSED', 'NGHTTP2_FRAME_SIZE_ERROR', 'NGHTTP2_REFUSED_STREAM',
  'NGHTTP2_CANCEL', 'NGHTTP2_COMPRESSION_ERROR', 'NGHTTP2_CONNECT_ERROR', 'NGHTTP2_ENHANCE_YOUR_CALM',
  'NGHTTP2_INADEQUATE_SECURITY', 'NGHTTP2_HTTP_1_1_REQUIRED',
];
function nameForErrorCode(code) { return errorNames[code] || code; }


const settingIds = {
  headerTableSize: 1, enablePush: 2, maxConcurrentStreams: 3, initialWindowSize: 4, maxFrameSize: 5,
  maxHeaderListSize: 6, enableConnectProtocol: 8,
};
const settingNames = { 1: 'headerTableSize', 2: 'enablePush', 3: 'maxConcurrentStreams', 4: 'initialWindowSize',
  5: 'maxFrameSize', 6: 'maxHeaderListSize', 8: 'enableConnectProtocol' };

// validateSettings checks a settings object as node's does: each number within its range (a
// RangeError, whatever the value's type), the booleans booleans (a TypeError).
const settingRanges = {
  headerTableSize: [0, 0xffffffff], initialWindowSize: [0, 2147483647], maxFrameSize: [16384, 16777215],
  maxConcurrentStreams: [0, 0xffffffff], maxHeaderListSize: [0, 0xffffffff], maxHeaderSize: [0, 0xffffffff],
};
function validateSettings(settings) {
  if (settings === undefined) return;
  validateObject(settings, 'settings');
  // customSettings (ids node does not name): an object of at most 10 ids within 0..0xffff,
  // values within 0..2^32-1, as node's validateSettings checks them (a value that is no number
  // passes, and is not sent)
  const custom = settings.customSettings;
  if (custom !== undefined && (custom === null || typeof custom !== 'object' || Array.isArray(custom))) {
    throw new codes.ERR_INVALID_ARG_TYPE('customSettings', 'Number', custom);
  }
  if (custom) {
    const entries = Object.entries(custom);
    if (entries.length > 10) throw new codes.ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
    for (const { 0: key, 1: value } of entries) {
      checkSettingRange('customSettings:id', Number(key), 0, 0xffff);
      checkSettingRange('customSettings:value', Number(value), 0, 0xffffffff);
    }
  }
  for (const k of Object.keys(settingRanges)) {
    const v = settings[k];
    if (v === undefined) continue;
    const range = settingRanges[k];
    checkSettingRange(k, v, range[0], range[1]);
  }
  for (const k of ['enablePush', 'enableConnectProtocol']) {
    const v = settings[k];
    if (v !== undefined && typeof v !== 'boolean') throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE(k, v);
  }
}

function checkSettingRange(name, v, min, max) {
  if (v !== undefined && (typeof v !== 'number' || v < min || v > max)) {
    const err = new codes.ERR_HTTP2_INVALID_SETTING_VALUE(name, v);
    Object.setPrototypeOf(err, RangeError.prototype);
    err.name = 'RangeError';
    delete err.name;
    throw err;
  }
}

// node 20 packs a custom setting whose id is below 7 into the named setting its settings
// buffer keeps at that index (updateSettingsBuffer compares the id with buffer indices): id 1 is
// enablePush, 2 initialWindowSize, 3 maxFrameSize, 4 maxConcurrentStreams, 5 maxHeaderListSize,
// 6 enableConnectProtocol.
const customIndexNames = [undefined, 'enablePush', 'initialWindowSize', 'maxFrameSize', 'maxConcurrentStreams',
  'maxHeaderListSize', 'enableConnectProtocol'];

function customRangeError(v) {
  const err = new codes.ERR_HTTP2_INVALID_SETTING_VALUE('Range Error', v);
  Object.setPrototypeOf(err, RangeError.prototype);
  err.name = 'RangeError';
  delete err.name;
  return err;
}

// settingsList is a settings object as the flat [id, value, ...] list a SETTINGS frame carries,
// built as node 20's updateSettingsBuffer: first the customSettings with a number value (an id
// or value of 0 or less is a RangeError 'Range Error', an eleventh id ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS,
// ids below 7 set a named setting), then the named settings over them; maxHeaderSize, node's
// alias, wins over maxHeaderListSize (with node's warning when it differs). Named settings come
// first in id order, then the custom ones in their order.
function settingsList(settings) {
  const named = { __proto__: null };
  const customs = [];
  const custom = settings.customSettings;
  if (custom !== null && typeof custom === 'object') {
    for (const key in custom) {
      const val = custom[key];
      if (typeof val !== 'number') continue;
      const id = Number(key);
      if (Number.isNaN(id) || id <= 0 || id > 0xffff) throw customRangeError(id);
      if (Number.isNaN(val) || val <= 0 || val > 0xffffffff) throw customRangeError(val);
      if (id < customIndexNames.length) {
        named[customIndexNames[id]] = val;
        continue;
      }
      let i = 0;
      for (; i < customs.length; i += 2) {
        if (customs[i] === (id >>> 0)) {
          customs[i + 1] = val >>> 0;
          break;
        }
      }
      if (i === customs.length) {
        if (customs.length === 20) throw new codes.ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
        customs.push(id >>> 0, val >>> 0);
      }
    }
  }
  for (const key of ['headerTableSize', 'maxConcurrentStreams', 'initialWindowSize', 'maxFrameSize']) {
    if (typeof settings[key] === 'number') named[key] = settings[key];
  }
  if (typeof settings.maxHeaderListSize === 'number' || typeof settings.maxHeaderSize === 'number') {
    // (node warns whenever maxHeaderSize is given and differs, even with no maxHeaderListSize)
    if (settings.maxHeaderSize !== undefined && settings.maxHeaderSize !== settings.maxHeaderListSize) {
      process.emitWarning('settings.maxHeaderSize overwrite settings.maxHeaderListSize');
      named.maxHeaderListSize = settings.maxHeaderSize;
    } else {
      named.maxHeaderListSize = settings.maxHeaderListSize;
    }
  }
  for (const key of ['enablePush', 'enableConnectProtocol']) {
    if (typeof settings[key] === 'boolean') named[key] = settings[key] ? 1 : 0;
  }
  const out = [];
  for (const key of Object.keys(settingIds)) {
    const v = named[key];
    if (v !== undefined) out.push(settingIds[key], v >>> 0);
  }
  for (let i = 0; i < customs.length; i++) out.push(customs[i]);
  return out;
}

// sendableSettings drops from a list what nghttp2 would refuse to send (node 20 aborts there)
function sendableSettings(list) {
  if (settingsListValid(list)) return list;
  const out = [];
  for (let i = 0; i < list.length; i += 2) {
    if (settingsListValid([list[i], list[i + 1]])) out.push(list[i], list[i + 1]);
  }
  return out;
}

// settingsListValid reports whether nghttp2 would pack a settings list (its iv check): the
// booleans 0 or 1, the window at most 2^31-1, the frame size within 16384..16777215. Only
// the custom ids that land on a named setting can fail it.
function settingsListValid(list) {
  for (let i = 0; i < list.length; i += 2) {
    const id = list[i];
    const v = list[i + 1];
    if ((id === 2 || id === 8 || id === 9) && v > 1) return false;
    if (id === 4 && v > 2147483647) return false;
    if (id === 5 && (v < 16384 || v > 16777215)) return false;
  }
  return true;
}

// The headers that may appear once in a message (node's kSingleValueHeaders).
const singleValueHeaders = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age', 'access-control-request-method', 'age',
  'authorization', 'content-encoding', 'content-language', 'content-length', 'content-location',
  'content-md5', 'content-range', 'content-type', 'date', 'dnt', 'etag', 'expires', 'from', 'host',
  'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'last-modified',
  'location', 'max-forwards', 'proxy-authorization', 'range', 'referer', 'retry-after', 'tk',
  'upgrade-insecure-requests', 'user-agent', 'x-content-type-options',
]);
const connectionHeaders = new Set(['connection', 'upgrade', 'http2-settings', 'te', 'transfer-encoding',
  'keep-alive', 'proxy-connection']);
const requestPseudo = new Set([':method', ':authority', ':scheme', ':path', ':protocol']);
// (a request may name any pseudo-header: the peer refuses what does not belong in one)
const anyPseudo = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol']);

// badMessage reports whether a received header list breaks HTTP/2's message rules (RFC 9113
// 8.2-8.3, as nghttp2 checks them): unknown or misplaced pseudo-headers, pseudo-headers after
// regular fields, connection-specific fields, uppercase names, and a request without :method
// (or, unless CONNECT, without :scheme and :path) or a response without :status.
function badMessage(list, request, trailers) {
  let regular = false;
  let method, scheme, path, status;
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    if (name[0] === ':') {
      if (regular || trailers) return true;
      if (request) {
        if (!requestPseudo.has(name)) return true;
        if (name === ':method') method = list[i + 1];
        else if (name === ':scheme') scheme = true;
        else if (name === ':path') path = true;
      } else {
        if (name !== ':status') return true;
        status = true;
      }
      continue;
    }
    regular = true;
    if (name !== name.toLowerCase()) return true;
    if (connectionHeaders.has(name) && !(name === 'te' && list[i + 1] === 'trailers')) return true;
  }
  if (trailers) return false;
  if (request) return method === undefined || (method !== 'CONNECT' && (!scheme || !path));
  return !status;
}

// contentLengthOf reads a header block's content-length as nghttp2 does: -1 when there is none,
// -2 when it is not a plain decimal number or comes twice (the stream is reset with
// PROTOCOL_ERROR). (nghttp2 checks that the DATA of the message add up to it.)
function contentLengthOf(list) {
  let len = -1;
  for (let i = 0; i < list.length; i += 2) {
    if (list[i] !== 'content-length') continue;
    if (len !== -1) return -2;
    const v = list[i + 1];
    if (v.length === 0 || v.length > 19 || !/^[0-9]+$/.test(v)) return -2;
    len = Number(v);
    if (len > Number.MAX_SAFE_INTEGER) return -2;
  }
  return len;
}

// toHeaderObject makes the headers object a received flat [name, value, ...] list gives: a
// null-prototype object, repeated fields joined (cookie with '; ', set-cookie as an array,
// single-value fields keep the first), ':status' a number.
function toHeaderObject(list) {
  const obj = { __proto__: null };
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    let value = list[i + 1];
    if (name === ':status') value |= 0;
    const prev = obj[name];
    if (prev === undefined) {
      obj[name] = name === 'set-cookie' ? [value] : value;
    } else if (!singleValueHeaders.has(name)) {
      if (name === 'cookie') obj[name] = `${prev}; ${value}`;
      else if (name === 'set-cookie') prev.push(value);
      else obj[name] = `${prev}, ${value}`;
    }
  }
  obj[kSensitiveHeaders] = list.sensitive || [];
  return obj;
}

const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;

// mapToHeaders turns a headers object into the flat list to encode, pseudo-headers first, with
// node's checks: valid pseudo-headers for the message kind, single-value fields, no HTTP/1
// connection-specific fields. It also returns the never-indexed names.
// okNames holds names already checked (lowercase tokens, not connection-specific), so the
// usual headers cost one lookup each: the lowercase name, with a leading '!' when the field is
// single-valued.
const okNames = new Map();
function mapToHeaders(map, validPseudo) {
  const out = [];
  // pseudo-headers go first: nPseudo of them lead out
  let nPseudo = 0;
  let singles = null;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    let key = keys[i];
    let value = map[key];
    if (value === undefined || key === '') continue;
    let single;
    let known = okNames.get(key);
    if (known === undefined) {
      key = key.toLowerCase();
      single = singleValueHeaders.has(key);
    } else {
      single = known.charCodeAt(0) === 33;
      key = single ? known.slice(1) : known;
    }
    let isArray = false;
    if (typeof value !== 'string') {
      if (typeof value === 'object' && value !== null && Array.isArray(value)) {
        if (value.length === 0) continue;
        if (value.length === 1) {
          value = String(value[0]);
        } else if (single) {
          throw new codes.ERR_HTTP2_HEADER_SINGLE_VALUE(key); // at: util:619:19 | 13 |             throw new ERR_HTTP2_HEADER_SINGLE_VALUE(key);
        } else {
          isArray = true;
        }
      } else {
        value = String(value);
      }
    }
    if (single) {
      if (singles === null) singles = [key];
      else if (singles.includes(key)) throw new codes.ERR_HTTP2_HEADER_SINGLE_VALUE(key); // at: util:626:15 | 9 |         throw new ERR_HTTP2_HEADER_SINGLE_VALUE(key);
      else singles.push(key);
    }
    if (key.charCodeAt(0) === 58) { // ':'
      if (!validPseudo.has(key)) throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(key); // at: util:633:13 | validator
      if (known === undefined && okNames.size < 1000) okNames.set(keys[i], single ? '!' + key : key);
      if (nPseudo * 2 === out.length) out.push(key, value);
      else out.splice(nPseudo * 2, 0, key, value);
      nPseudo++;
      continue;
    }
    if (known === undefined) {
      if (!tokenRe.test(key)) throw new codes.ERR_INVALID_HTTP_TOKEN('Header name', key); // at: util:641:13 | 7 |       throw new ERR_INVALID_HTTP_TOKEN('Header name', key);
      if (connectionHeaders.has(key)) {
        if (!(key === 'te' && value === 'trailers')) throw new codes.ERR_HTTP2_INVALID_CONNECTION_HEADERS(key); // at: util:644:13 | 7 |       throw new ERR_HTTP2_INVALID_CONNECTION_HEADERS(key);
      } else if (okNames.size < 1000) {
        okNames.set(keys[i], single ? '!' + key : key);
      }
    }
    if (isArray) {
      for (let j = 0; j < value.length; j++) out.push(key, String(value[j]));
    } else {
      out.push(key, value);
    }
  }
  return out;
}
const responsePseudo = new Set([':status']);
const noPseudo = new Set();

// node's http2 assertIsObject: undefined passes; null, an array or a primitive does not
function assertIsObject(value, name) {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

// (respond() without options reads this empty object's, which nothing writes)
const kNoOptions = Object.freeze({ __proto__: null });

// encodeHeaders queues a header block for the stream, its sensitive fields (sens, or null)
// never indexed.
function encodeHeaders(codec, id, list, end, sens, prio) {
  if (sens !== null) codec.setSensitive(sens);
  if (prio === undefined) codec.headers(id, list, end);
  else codec.headers(id, list, end, prio);
  if (sens !== null) codec.setSensitive(null);
}

function sensitiveOf(headers) {
  const s = headers[kSensitiveHeaders];
  return Array.isArray(s) && s.length ? s : null;
}

let dateCache = '';
let dateCacheAt = 0;
function utcDate() {
  const now = Date.now();
  if (now - dateCacheAt >= 1000 || dateCache === '') {
    dateCacheAt = now - (now % 1000);
    dateCache = new Date(now).toUTCString();
  }
  return dateCache;
}

// Session flags.
const kState = Symbol('state');
const kSocket = Symbol('socket');
const kServer = Symbol('server');
const kSession = Symbol('session');
const kCodec = Symbol('codec');
const kOwner = Symbol('owner');

// node's 'http2' performance entries: an Http2Stream's when it is destroyed, an Http2Session's
// when it is, with their statistics (internal/perf/observe, loaded with the first session).
let perfObs;
function perfNow() {
  if (perfObs === undefined) perfObs = require('internal/perf/observe');
  return perfObs.now();
}
// streamOpened counts a stream in its session's statistics (the most open at once)
function streamOpened(session) {
  const st = session[kState];
  if (st.streams.size > st.maxStreams) st.maxStreams = st.streams.size;
}

function loadImpl() {
  if (impl) return impl;
  EventEmitter = require('events');
  net = require('net');
  const stream = require('stream');
  Duplex = stream.Duplex;
  Readable = stream.Readable;
  LegacyStream = stream.Stream;

  const defaultLocal = {
    headerTableSize: 4096, enablePush: true, initialWindowSize: 65535, maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295, maxHeaderListSize: 4294967295, maxHeaderSize: 4294967295,
    enableConnectProtocol: false,
  };
  // the peer's settings until its first SETTINGS come: nghttp2 shows maxConcurrentStreams 100
  // then, and forgets it (back to unlimited) at the first SETTINGS that does not name it
  const defaultRemote = { ...defaultLocal, maxConcurrentStreams: 100 };
  // settingsObject: base updated by a SETTINGS list; ids node does not name go to customSettings,
  // all of them for this side's settings, the ones listed in remoteCustomSettings for the peer's
  function settingsObject(base, list, customIds) {
    const out = { ...base };
    if (list) {
      for (let i = 0; i < list.length; i += 2) {
        const name = settingNames[list[i]];
        if (!name) {
          if (list[i] === 7 || list[i] === 9) continue;
          if (customIds === undefined || (Array.isArray(customIds) && customIds.includes(list[i]))) {
            out.customSettings = { ...out.customSettings, [list[i]]: list[i + 1] };
          }
          continue;
        }
        const v = list[i + 1];
        out[name] = list[i] === 2 || list[i] === 8 ? v !== 0 : v;
        if (name === 'maxHeaderListSize') out.maxHeaderSize = v;
      }
    }
    return out;
  }

  // A ping is an async resource of type HTTP2PING, as node's Http2Ping: its callback runs in
  // its scope (async_hooks see init, before, after and destroy).
  let AsyncResourceClass;
  function pingResource() {
    if (AsyncResourceClass === undefined) AsyncResourceClass = require('async_hooks').AsyncResource;
    return new AsyncResourceClass('HTTP2PING', { requireManualDestroy: true });
  }
  function pingDone(p, err, ms, payload) {
    try {
      if (err) p.res.runInAsyncScope(p.callback, undefined, err);
      else p.res.runInAsyncScope(p.callback, undefined, null, ms, payload);
    } finally {
      p.res.emitDestroy();
    }
  }

  const kInspect = Symbol.for('nodejs.util.inspect.custom');

  class Http2Session extends EventEmitter {
    constructor(type, options, socket) {
      super();
      // (a socket serves one live session: node's ERR_HTTP2_SOCKET_BOUND)
      const bound = socket[kSession];
      if (bound !== undefined && !bound.destroyed) throw new codes.ERR_HTTP2_SOCKET_BOUND();
      // no Nagle: a small frame (a request's end, a WINDOW_UPDATE) goes out at once, as node's
      // session does (otherwise Nagle and the peer's delayed ack hold it for tens of ms)
      if (typeof socket.setNoDelay === 'function') socket.setNoDelay();
      this[kState] = {
        type, closed: false, destroyed: false, destroyCode: NGHTTP2_NO_ERROR, goawayCode: null,
        goawayLastStreamID: null, streams: new Map(), pending: new Set(), nextId: type === 1 ? 1 : 2,
        lastRecvId: 0, sendWindow: 65535, peerInitialWindow: 65535,
        localInitialWindow: 65535, recvInitialWindow: 65535, ackedInitialWindow: 65535, recvUnacked: 0, connWindow: 65535, connReduction: 0, pings: [], settingsAcks: [],
        local: defaultLocal, remote: defaultRemote, localObj: undefined, remoteObj: undefined, localPending: [], flushScheduled: false, holdFlush: false, emittingWant: false, inImmFlush: false,
        blocked: new Set(), connecting: true, goawaySent: false, remoteGoaway: false, readStopped: false, writePaused: false, writesOut: 0, writeDoneFn: null, timeout: 0,
        perfStart: perfNow(), maxStreams: 0, maxSendHeaderBlock: undefined, maxHeaderPairs: undefined, streamCount: 0, streamDurations: 0, pingRTT: 0,
        maxConcurrent: 4294967295, options, synQueue: [], pushSynQueue: [], pumpQ: new Set(), writeCbs: [], prio: undefined, prioIdle: undefined, prioSent: [], closeAfterFlush: [], pendingCalls: null, destroyAfterWrite: false, wantTrailers: [], resetAtEnd: null, reads: null, readsSpare: null, flushCheck: null, fed: false, frameAt: 0, closeNext: [], flushes: 0,
      };
      this[kSocket] = socket;
      this[kCodec] = null;
      this[kServer] = undefined;
      socket[kSession] = this;
    }

    // util.inspect shows node's summary of a session (its own fields are internal)
    [kInspect](depth, opts) {
      if (typeof depth === 'number' && depth < 0) return this;
      const obj = {
        // (read through getters: node's also runs with this the session's socket proxy)
        type: this.type, closed: this.closed, destroyed: this.destroyed, state: this.state,
        localSettings: this.localSettings, remoteSettings: this.remoteSettings,
      };
      return `Http2Session ${require('util').format(obj)}`;
    }

    get type() { return this[kState].type; }
    get closed() { return this[kState].closed; }
    get destroyed() { return this[kState].destroyed; }
    get connecting() { return this[kState].connecting; }
    get encrypted() { const s = this[kSocket]; return s ? !!s.encrypted : undefined; }
    get alpnProtocol() {
      const s = this[kSocket];
      if (!s) return undefined;
      return s.encrypted ? (s.alpnProtocol || undefined) : 'h2c';
    }
    get originSet() {
      if (!this.encrypted || this.destroyed) return undefined;
      return Array.from(initOriginSet(this));
    }
    get pendingSettingsAck() { return this[kState].settingsAcks.length > 0; }
    // the settings objects are made once per change, as node caches them
    get localSettings() {
      const st = this[kState];
      if (st.localObj !== undefined) return st.localObj;
      if (st.destroyed || st.connecting) return {};
      return (st.localObj = { ...st.local });
    }
    get remoteSettings() {
      const st = this[kState];
      if (st.remoteObj !== undefined) return st.remoteObj;
      if (st.destroyed || st.connecting) return {};
      return (st.remoteObj = { ...st.remote });
    }
    get socket() {
      const socket = this[kSocket];
      // (a destroyed session has no socket any more, as node's)
      if (socket === undefined || this[kState].destroyed) return undefined;
      return this[kProxySocket] || (this[kProxySocket] = new Proxy(this, proxySocketHandler));
    }
    get state() {
      const st = this[kState];
      // (nothing before the session has connected, as node's has no handle yet)
      if (st.destroyed || st.connecting) return {};
      const codec = this[kCodec];
      // localWindowSize is what the peer may still send, remoteWindowSize what we may
      return {
        effectiveLocalWindowSize: st.connWindow, effectiveRecvDataLength: st.recvUnacked < 0 ? 0 : st.recvUnacked,
        nextStreamID: st.nextId, localWindowSize: st.connWindow - st.recvUnacked, lastProcStreamID: st.lastRecvId,
        remoteWindowSize: st.sendWindow, outboundQueueSize: outboundQueueSize(this),
        deflateDynamicTableSize: codec ? codec.deflateTableSize() : 0,
        inflateDynamicTableSize: codec ? codec.inflateTableSize() : 0,
      };
    }

    // setLocalWindowSize sets the connection's receive window as nghttp2 does: a larger one is
    // announced with a WINDOW_UPDATE (less what an earlier decrease held back), a smaller one
    // takes effect as the peer uses the window
    setLocalWindowSize(windowSize) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION(); // at: core:1395:13 | 7 |       throw new ERR_HTTP2_INVALID_SESSION();
      validateInt32(windowSize, 'windowSize', 0); // at: core:1397:5 | validator
      const st = this[kState];
      if (this[kCodec] === undefined || this[kCodec] === null) {
        // (node's session has no handle before it connects)
        throw new TypeError("Cannot read properties of undefined (reading 'setLocalWindowSize')");
      }
      let delta = windowSize - st.connWindow;
      if (delta === 0) return;
      st.connWindow = windowSize;
      if (delta < 0) {
        st.connReduction -= delta;
        st.recvUnacked += delta;
        return;
      }
      const back = Math.min(st.connReduction, delta);
      st.connReduction -= back;
      if (st.recvUnacked < 0) st.recvUnacked += back;
      delta -= back;
      if (delta > 0) {
        this[kCodec].windowUpdate(0, delta);
        scheduleFlush(this);
      }
    }

    // setNextStreamID sets the id of the next stream this side opens, as nghttp2 takes it: an
    // id of the other side's parity, lower than the next one, or past 2^31-1 is ignored.
    setNextStreamID(id) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
      validateNumber(id, 'id');
      if (id <= 0 || id > 4294967295) throw new codes.ERR_OUT_OF_RANGE('id', '> 0 and <= 4294967295', id);
      const st = this[kState];
      if (id > 2147483647 || id % 2 !== (st.type === 1 ? 1 : 0) || id < st.nextId) return;
      st.nextId = id;
    }

    ping(payload, callback) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION(); // at: core:1410:13 | 7 |       throw new ERR_HTTP2_INVALID_SESSION();
      if (typeof payload === 'function') {
        callback = payload;
        payload = undefined;
      }
      if (payload) { // (as node: a falsy payload is made)
        if (!ArrayBuffer.isView(payload)) {
          throw new codes.ERR_INVALID_ARG_TYPE('payload', ['Buffer', 'TypedArray', 'DataView'], payload); // at: core:1417:7 | validator
        }
        if (payload.byteLength !== 8) throw new codes.ERR_HTTP2_PING_LENGTH(); // at: core:1419:15 | 9 |         throw new ERR_HTTP2_PING_LENGTH();
        payload = Buffer.from(payload.buffer, payload.byteOffset, 8);
      } else {
        payload = Buffer.alloc(8);
        for (let i = 0; i < 8; i++) payload[i] = (Math.random() * 256) | 0;
      }
      if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: core:1422:5 | validator
      const st = this[kState];
      // a session still connecting, or closed, sends no ping: it is canceled, as node's
      if (st.connecting || st.closed || !this[kCodec]) {
        process.nextTick(callback, new codes.ERR_HTTP2_PING_CANCEL());
        return undefined;
      }
      // At most maxOutstandingPings (10 by default) wait for their ack: another one is not sent,
      // its callback hears ERR_HTTP2_PING_CANCEL at once and ping() returns false, as node's.
      const opts = st.options;
      const maxPings = opts && typeof opts.maxOutstandingPings === 'number' ? opts.maxOutstandingPings : 10;
      const ping = { payload, callback, start: process.hrtime.bigint(), res: pingResource() };
      if (st.pings.length >= maxPings) {
        pingDone(ping, new codes.ERR_HTTP2_PING_CANCEL());
        return false;
      }
      st.pings.push(ping);
      this[kCodec].ping(payload);
      scheduleFlush(this);
      return true;
    }

    settings(settings, callback) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION(); // at: core:1515:13 | 7 |       throw new ERR_HTTP2_INVALID_SESSION();
      if (settings !== undefined) validateObject(settings, 'settings'); // at: core:1516:5 | validator
      validateSettings(settings); // at: core:1517:5 | validator
      if (callback && typeof callback !== 'function') {
        throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: core:1520:7 | validator
      }
      const st = this[kState];
      const list = sendableSettings(settingsList(settings || {}));
      const send = () => {
        st.settingsAcks.push({ list, callback, start: Date.now() });
        this[kCodec].settings(list);
        growRecvWindows(st, list);
        scheduleFlush(this);
      };
      if (this[kCodec]) send();
      else this.once('connect', send);
    }

    goaway(code = NGHTTP2_NO_ERROR, lastStreamID = 0, opaqueData) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION(); // at: core:1540:13 | 7 |       throw new ERR_HTTP2_INVALID_SESSION();
      if (opaqueData !== undefined && !ArrayBuffer.isView(opaqueData)) {
        throw new codes.ERR_INVALID_ARG_TYPE('opaqueData', ['Buffer', 'TypedArray', 'DataView'], opaqueData); // at: core:1543:7 | validator
      }
      validateNumber(code, 'code'); // at: core:1545:5 | validator
      validateNumber(lastStreamID, 'lastStreamID'); // at: core:1546:5 | validator
      const send = () => {
        this[kCodec].goaway(lastStreamID || this[kState].lastRecvId, code, opaqueData);
        this[kState].goawaySent = true;
        scheduleFlush(this);
      };
      // (a session still connecting sends it once connected, as node's)
      if (this[kCodec]) send();
      else if (this[kState].connecting) this.once('connect', send);
    }

    close(callback) {
      const st = this[kState];
      if (st.closed || st.destroyed) return;
      st.closed = true;
      if (typeof callback === 'function') this.once('close', callback);
      if (this[kCodec] && !st.goawaySent) {
        this[kCodec].goaway(st.lastRecvId, NGHTTP2_NO_ERROR);
        st.goawaySent = true;
        scheduleFlush(this);
      }
      maybeDestroy(this);
    }

    destroy(error = NGHTTP2_NO_ERROR, code) {
      const st = this[kState];
      if (st.destroyed) return;
      if (typeof error === 'number') {
        code = error;
        error = code !== NGHTTP2_NO_ERROR ? new codes.ERR_HTTP2_SESSION_ERROR(code) : undefined;
      }
      if (code === undefined && error != null) code = NGHTTP2_INTERNAL_ERROR;
      closeSession(this, code, error);
    }

    // (node's setStreamTimeout, as the stream's: the duration is checked as timers' are)
    setTimeout(msecs, callback) {
      if (this[kState].destroyed) return this;
      validateNumber(msecs, 'msecs'); // at: getTimerDuration@/internal/timers:401:3, /internal/stream_base_commons:245:11 | validator
      if (msecs < 0 || !Number.isFinite(msecs)) {
        throw new codes.ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs); // at: getTimerDuration@/internal/timers:403:11, /internal/stream_base_commons:245:11 | 5 |     throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
      }
      if (callback !== undefined && typeof callback !== 'function') {
        if (msecs === 0) throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: /internal/stream_base_commons:253:7 | validator
        throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: /internal/stream_base_commons:262:7 | validator
      }
      const st = this[kState];
      st.timeout = msecs;
      const socket = this[kSocket];
      if (callback !== undefined) this.once('timeout', callback);
      if (socket && !socket.destroyed && typeof socket.setTimeout === 'function') socket.setTimeout(msecs);
      return this;
    }

    // (a session over a generic Duplex has nothing to ref: node wraps it in a JSStreamSocket)
    ref() { const s = this[kSocket]; if (s && typeof s.ref === 'function') s.ref(); }
    unref() { const s = this[kSocket]; if (s && typeof s.unref === 'function') s.unref(); }
  }
  // (node's session and stream setTimeout are stream_base_commons' setStreamTimeout)
  Object.defineProperty(Http2Session.prototype.setTimeout, 'name', { __proto__: null, value: 'setStreamTimeout' });

  // session.socket is node's proxy: the socket's fields and methods (bound to it), except
  // those that would break the session (ERR_HTTP2_NO_SOCKET_MANIPULATION) and the timeouts
  // and ref/unref, which are the session's.
  const kProxySocket = Symbol('proxySocket');
  const forbiddenSocketOps = new Set(['destroy', 'emit', 'end', 'pause', 'read', 'resume', 'write',
    'setEncoding', 'setKeepAlive', 'setNoDelay']);
  const proxySocketHandler = {
    __proto__: null,
    has(session, prop) {
      const socket = session[kSocket];
      return socket !== undefined && prop in socket;
    },
    get(session, prop) {
      switch (prop) {
        case 'setTimeout':
        case 'ref':
        case 'unref':
          return session[prop].bind(session);
        default:
          break;
      }
      if (forbiddenSocketOps.has(prop)) throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
      const socket = session[kSocket];
      if (socket === undefined) throw new codes.ERR_HTTP2_SOCKET_UNBOUND();
      const value = socket[prop];
      return typeof value === 'function' ? value.bind(socket) : value;
    },
    getPrototypeOf(session) {
      const socket = session[kSocket];
      return socket !== undefined ? Object.getPrototypeOf(socket) : Object.getPrototypeOf(session);
    },
    set(session, prop, value) {
      switch (prop) {
        case 'setTimeout':
        case 'ref':
        case 'unref':
          session[prop] = value;
          return true;
        default:
          break;
      }
      if (forbiddenSocketOps.has(prop)) throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
      const socket = session[kSocket];
      if (socket === undefined) throw new codes.ERR_HTTP2_SOCKET_UNBOUND();
      socket[prop] = value;
      return true;
    },
  };

  // setupSession starts the HTTP/2 connection on a connected socket: the codec, our SETTINGS
  // (and the client's preface), and the socket's events.
  function setupSession(session) {
    const st = session[kState];
    const socket = session[kSocket];
    const codec = binding.newCodec(st.type === 0);
    session[kCodec] = codec;
    if (st.options && typeof st.options.paddingStrategy === 'number') codec.setPadding(st.options.paddingStrategy);
    st.connecting = false;
    if (st.type === 1) codec.preface();
    const options = st.options || {};
    if (typeof options.maxSettings === 'number') codec.setMaxSettings(options.maxSettings);
    const list = sendableSettings(settingsList(options.settings || {}));
    st.settingsAcks.push({ list, callback: undefined, start: Date.now() });
    codec.settings(list);
    growRecvWindows(st, list);
    const s = options.settings;
    if (s && s.initialWindowSize !== undefined) st.localInitialWindow = s.initialWindowSize;
    flush(session);
    // (node sends the SETTINGS, and what 'connect' queues, from an immediate: they count as
    // queued until then)
    setImmediate(markSent, session);
    socket.on('data', onSocketData);
    if (st.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(st.timeout);
    // a server session is connected from the start: its 'connect' comes on the next tick, as
    // node's setupHandle emits it (the client's comes from connect's start)
    if (st.type === 0) process.nextTick(emitConnect, session, socket);
  }
  function emitConnect(session, socket) { session.emit('connect', session, socket); }

  function onSocketData(chunk) {
    const session = this[kSession];
    if (!session || session.destroyed) return;
    const st = session[kState];
    // (node has sent what setup queued before it reads: its immediate comes first)
    if (st.ctlSent === undefined) markSent(session);
    const recs = session[kCodec].feed(chunk);
    if (st.reads !== null) {
      // the frames of an earlier read are still being handed out: this read waits its turn
      if (recs !== null) st.reads.push(recs, 0);
      return;
    }
    if (recs === null) {
      flush(session);
      markSent(session);
    } else {
      readFrames(session, recs, 0);
    }
  }

  // The frames of a read reach JS one callback each, as node's session calls up from nghttp2
  // frame by frame, each call its own callback: the ticks and promise jobs one frame's events
  // queued run before the next frame is read, and those of the last before what the read made
  // is sent (node's ConsumeHTTP2Data sends once nghttp2 has taken the whole read). After a frame
  // that may have queued something, the rest of the read (or its end) is handed to the socket's
  // next callback (its handle's feedNext), so the streams of one read hear their events in the
  // order node's do (a stream's data, end and close before the next stream's data). A socket
  // that cannot (a TLS one, a user's Duplex) has the whole read handled at once. st.reads holds
  // what is still to be handed out (recs, index pairs), null when nothing is.
  function readFrames(session, recs, at) {
    const st = session[kState];
    if (st.ackLater === null || st.ackLater === undefined) st.ackLater = [];
    // (at is the next frame's index; recs.length: only the read's end is left)
    while (at >= 0 && at < recs.length) {
      // (the streams the last frame ended close in a callback of their own)
      if (st.closeNext.length > 0 && closeReadNow(session, recs, at)) return;
      try {
        at = processFrameList(session, recs, at); // at: -
      } catch (err) {
        // (a listener threw: the rest of the read still comes, after the error is reported)
        if (!st.destroyed && !yieldRead(session, recs, st.frameAt)) endOfRead(session, recs);
        throw err;
      }
      if (st.destroyed) {
        st.reads = null;
        return;
      }
      if (at >= 0 && yieldRead(session, recs, at)) return;
    }
    if (st.closeNext.length > 0 && closeReadNow(session, recs, at)) return;
    endOfRead(session, recs);
    flush(session);
    markSent(session);
    // a read that came meanwhile is handed out in the next callback
    if (st.reads !== null && !feedNext(session)) st.reads = null;
  }

  // feedNext has the socket's next callback hand out the rest (st.fed: one is on its way)
  function feedNext(session) {
    const st = session[kState];
    if (st.fed) return true;
    const socket = session[kSocket];
    const handle = socket !== undefined ? socket._handle : null;
    st.fed = handle != null && typeof handle.feedNext === 'function' && handle.feedNext(nextFrames, session);
    return st.fed;
  }

  function yieldRead(session, recs, at) {
    const st = session[kState];
    if (!feedNext(session)) return false;
    if (st.reads !== null) {
      st.reads.unshift(recs, at);
    } else {
      // (the queue's array is kept for the session's next read)
      const q = st.readsSpare !== null ? st.readsSpare : [];
      st.readsSpare = null;
      q.push(recs, at);
      st.reads = q;
    }
    return true;
  }

  function nextFrames(session) {
    const st = session[kState];
    st.fed = false;
    const reads = st.reads;
    if (reads === null) return;
    if (st.destroyed) {
      st.reads = null;
      return;
    }
    const recs = reads.shift();
    const at = reads.shift();
    if (reads.length === 0) {
      st.reads = null;
      st.readsSpare = reads;
    }
    readFrames(session, recs, at); // at: -
  }

  // closeReadNow closes the streams whose end the last frame read (closeRead); true when the
  // rest of the read (from at) was handed to the next callback
  function closeReadNow(session, recs, at) {
    const st = session[kState];
    const list = st.closeNext;
    st.closeNext = [];
    for (let i = 0; i < list.length; i++) closeRead(list[i]);
    return !st.destroyed && yieldRead(session, recs, at);
  }

  // endOfRead: the streams reset in the read close, and the WINDOW_UPDATEs of its DATA go out.
  function endOfRead(session, recs) {
    const st = session[kState];
    if (st.resetAtEnd !== null) resetAtEnd(session, recs);
    const later = st.ackLater;
    st.ackLater = null;
    if (later === null || later === undefined) return;
    for (let i = 0; i < later.length; i++) {
      const stream = later[i];
      if (!stream.destroyed && stream[kState].recvUnacked >= ackThreshold(stream)) ackStream(stream);
    }
  }

  function onSocketClose() {
    const session = this[kSession];
    if (session === undefined) return;
    const st = session[kState];
    let err = null;
    if (st.connecting) err = new codes.ERR_SOCKET_CLOSED();
    for (const stream of st.streams.values()) stream.close(NGHTTP2_CANCEL);
    for (const stream of st.pending) stream.close(NGHTTP2_CANCEL);
    session.close();
    maybeDestroy(session, err);
  }

  function onSocketError(err) {
    const session = this[kSession];
    if (session === undefined || session.destroyed) return;
    // after the peer's GOAWAY its reset is no error (node ignores ECONNRESET there; a write that
    // races the peer's close can see EPIPE instead)
    if ((err.code === 'ECONNRESET' || err.code === 'EPIPE') && session[kState].goawayCode !== null) {
      session.destroy();
      return;
    }
    session.destroy(err);
  }

  function onSocketTimeout() {
    const session = this[kSession];
    if (session === undefined || session.destroyed) return;
    if (session.listenerCount('timeout') > 0) session.emit('timeout');
    else session.destroy();
  }

  // resetAtEnd closes the streams reset in this read (with PROTOCOL_ERROR) once the reset is
  // out, unless a frame of the read ended the stream: nghttp2 applies the rest of the read
  // before it sends the RST_STREAM, so a stream whose response ended meanwhile closed cleanly.
  function resetAtEnd(session, recs) {
    const st = session[kState];
    const list = st.resetAtEnd;
    st.resetAtEnd = null;
    for (let j = 0; j < list.length; j++) {
      const stream = list[j];
      const id = stream[kState].id;
      let ended = false;
      for (let i = 0; i < recs.length && !ended; i += 5) {
        ended = recs[i + 2] === id && (recs[i] === 0 || recs[i] === 1) && (recs[i + 1] & 1) !== 0;
      }
      if (!ended || !stream[kState].localEnd) closeAfterFlush(stream, NGHTTP2_PROTOCOL_ERROR);
    }
  }

  // the frame types after which the rest of a read waits for the next callback: those that
  // reach streams or emit events (DATA, HEADERS, RST_STREAM, SETTINGS, PUSH_PROMISE, PING,
  // GOAWAY, ALTSVC, ORIGIN); not WINDOW_UPDATE or PRIORITY
  const yields = [1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1];
  // processFrameList handles the frames of recs from index from on; it returns the index of the
  // next frame (recs.length after the last) once one that may have queued callbacks was
  // handled, and -1 (or undefined: the session stops reading) when the read is done.
  function processFrameList(session, recs, from) {
    const st = session[kState];
    for (let i = from; i < recs.length; i += 5) {
      if (st.destroyed) return -1;
      if (i > from && yields[recs[i - 5]] === 1) return i;
      st.frameAt = i + 5;
      const type = recs[i];
      const flags = recs[i + 1];
      const id = recs[i + 2];
      const payload = recs[i + 3];
      switch (type) {
        case 0: { // DATA
          connReceived(session, recs[i + 4]);
          if (isIdle(st, id)) { // DATA on an idle stream ends the connection (nghttp2)
            session[kCodec].stop();
            session[kCodec].goaway(st.lastRecvId, NGHTTP2_PROTOCOL_ERROR);
            st.goawaySent = true;
            return;
          }
          const stream = st.streams.get(id);
          if (stream === undefined || stream.destroyed) break;
          const sst = stream[kState];
          if (!sst.closed && (sst.recvWindow -= recs[i + 4]) < 0) {
            // more than the stream's window: a stream error, as nghttp2 resets it
            session[kCodec].rst(id, NGHTTP2_FLOW_CONTROL_ERROR);
            closeAfterFlush(stream, NGHTTP2_FLOW_CONTROL_ERROR);
            break;
          }
          if (sst.lengthFailed) break;
          const endData = (flags & 1) !== 0;
          if (sst.contentLength >= 0) {
            sst.recvLength += payload.length;
            if (sst.recvLength > sst.contentLength) { // (the chunk is not delivered)
              lengthFailed(session, stream);
              break;
            }
            if (endData && sst.recvLength !== sst.contentLength) { // (the chunk is)
              onStreamData(stream, payload, recs[i + 4], false);
              lengthFailed(session, stream);
              break;
            }
          }
          onStreamData(stream, payload, recs[i + 4], endData);
          break;
        }
        case 1: { // HEADERS
          if (st.type === 0 && (id & 1) === 0 && !st.streams.has(id)) { // a client opens odd streams only
            session[kCodec].stop();
            session.destroy(new NghttpError(NGHTTP2_ERR_PROTO));
            return;
          }
          const known = st.streams.get(id);
          if (known !== undefined && known[kState].remoteEnd) { // HEADERS after the peer's END_STREAM
            session[kCodec].stop();
            session.destroy(new NghttpError(NGHTTP2_ERR_STREAM_CLOSED));
            return;
          }
          const isNew = st.type === 0 && !st.streams.has(id);
          onHeaders(session, id, flags, payload);
          const got = st.streams.get(id);
          if (got !== undefined && got[kState].firstHeader === 0) got[kState].firstHeader = perfNow() - got[kState].perfStart || 1e-6;
          if (isNew && st.streams.has(id)) {
            // a new request's priority (the default if none) places its stream in the server's
            // tree, where a PRIORITY frame before it may have made it an idle node
            const prio = recs[i + 4];
            if (prio !== undefined) prioApply(st, id, prio[0], prio[1], prio[2]);
            else if (st.prio !== undefined && st.prio.has(id)) prioApply(st, id, 0, 16, false);
          }
          break;
        }
        case 3: { // RST_STREAM
          const stream = st.streams.get(id);
          if (stream === undefined) {
            if (isIdle(st, id)) { // RFC 9113 6.4: a reset of an idle stream is invalid
              session[kCodec].stop();
              session.destroy(new NghttpError(NGHTTP2_ERR_PROTO));
              return;
            }
            break;
          }
          if (stream[kState].deferred !== null) defer(stream, payload);
          else onStreamClose(stream, payload); // at: -
          break;
        }
        case 4: { // SETTINGS
          if (flags & 1) {
            session[kCodec].applyTableAck();
            const ack = st.settingsAcks.shift();
            if (ack === undefined) break;
            st.local = settingsObject(st.local, ack.list);
            st.localObj = undefined;
            st.localInitialWindow = st.local.initialWindowSize;
            shrinkRecvWindows(st, ack.list);
            const settings = session.localSettings;
            if (ack.callback) ack.callback(null, settings, Date.now() - ack.start);
            session.emit('localSettings', settings);
          } else {
            const prev = st.remote.initialWindowSize;
            const base = st.remote === defaultRemote ? defaultLocal : st.remote;
            st.remote = settingsObject(base, payload, (st.options && st.options.remoteCustomSettings) || null);
            st.remoteObj = undefined;
            st.maxConcurrent = st.remote.maxConcurrentStreams;
            const delta = st.remote.initialWindowSize - prev;
            if (delta !== 0) {
              st.peerInitialWindow = st.remote.initialWindowSize;
              for (const stream of st.streams.values()) stream[kState].sendWindow += delta;
              if (delta > 0) resumeBlocked(session);
            }
            session.emit('remoteSettings', session.remoteSettings);
          }
          break;
        }
        case 2: // PRIORITY
          onPriority(session, id, payload[0], payload[1], payload[2]);
          break;
        case 5: // PUSH_PROMISE
          onPushPromise(session, id, payload, recs[i + 4], flags);
          break;
        case 6: { // PING
          if (flags & 1) {
            const p = st.pings.shift();
            if (p !== undefined) {
              const ms = Number(process.hrtime.bigint() - p.start) / 1e6;
              st.pingRTT = ms;
              pingDone(p, null, ms, payload);
            }
          } else {
            session.emit('ping', payload);
          }
          break;
        }
        case 7: // GOAWAY
          onGoaway(session, payload[1], payload[0], payload[2]);
          break;
        case 10: // ALTSVC (the codec passes clients well-formed ones)
          if (id !== 0 && st.streams.get(id) === undefined) break;
          session.emit('altsvc', payload[1], payload[0], id);
          break;
        case 12: { // ORIGIN: the client's origin set grows, over TLS only (RFC 8336 2.3)
          if (!session.encrypted) break;
          const set = initOriginSet(session);
          for (let j = 0; j < payload.length; j++) set.add(payload[j]);
          session.emit('origin', payload);
          break;
        }
        case 8: { // WINDOW_UPDATE
          if (id === 0) {
            // an increment of 0, or one past 2^31-1, is invalid for the connection
            if (payload === 0 || st.sendWindow + payload > 2147483647) {
              session[kCodec].stop();
              session.destroy(new NghttpError(payload === 0 ? NGHTTP2_ERR_PROTO : NGHTTP2_ERR_FLOW_CONTROL));
              return;
            }
            st.sendWindow += payload;
            resumeBlocked(session);
          } else {
            const stream = st.streams.get(id);
            if (stream !== undefined) {
              stream[kState].sendWindow += payload;
              pump(stream);
            }
          }
          break;
        }
        case -1: // a connection error: nghttp2 sends its GOAWAY and reads no more; node's session
          // stays as it is, with no error, until its socket goes
          session[kCodec].goaway(st.lastRecvId, flags);
          st.goawaySent = true;
          return;
        case -2: // input nghttp2 refuses: the session fails with its error
          session.destroy(new NghttpError(flags));
          return;
        default:
          break;
      }
    }
    return recs.length > from && yields[recs[recs.length - 5]] === 1 ? recs.length : -1;
  }

  // connReceived counts DATA against the connection's window, which node consumes as it comes;
  // the WINDOW_UPDATE goes out once half the window is used, as nghttp2's
  function connReceived(session, n) {
    const st = session[kState];
    st.recvUnacked += n;
    if (st.recvUnacked > 0 && st.recvUnacked >= Math.floor(st.connWindow / 2)) {
      session[kCodec].windowUpdate(0, st.recvUnacked);
      st.recvUnacked = 0;
    }
  }

  // onPriority handles a PRIORITY frame: a server moves the stream in its tree (a client keeps
  // its own, as nghttp2's); the stream (or, if it is not open, the session) emits 'priority'
  // when someone listens for it, as node's binding calls up only then.
  function onPriority(session, id, parent, weight, exclusive) {
    const st = session[kState];
    if (st.type === 0) prioApply(st, id, parent, weight, exclusive);
    const emitter = st.streams.get(id) || session;
    if (emitter.destroyed) return;
    if (session.listenerCount('priority') === 0 && emitter.listenerCount('priority') === 0) return;
    emitter.emit('priority', id, parent, weight, exclusive);
  }

  // The priority tree (RFC 7540 5.3) as nghttp2 keeps it, for the streams' state.weight and
  // state.sumDependencyWeight: st.prio maps a stream id to its node { id, parent, weight,
  // children }, 0 to the root. A stream that names an unknown parent makes that parent an idle
  // node (weight 16 under the root); at most maxIdleNodes of those are kept, oldest dropped.
  const maxIdleNodes = 100;
  function prioNode(st, id) {
    let tree = st.prio;
    if (tree === undefined) {
      tree = st.prio = new Map();
      tree.set(0, { id: 0, parent: null, weight: 16, children: new Set() });
      st.prioIdle = new Set();
    }
    let node = tree.get(id);
    if (node === undefined) {
      node = { id, parent: tree.get(0), weight: 16, children: new Set() };
      node.parent.children.add(node);
      tree.set(id, node);
      if (!st.streams.has(id)) {
        st.prioIdle.add(id);
        if (st.prioIdle.size > maxIdleNodes) {
          for (const old of st.prioIdle) {
            if (old !== id) {
              prioRemove(st, old);
              break;
            }
          }
        }
      }
    }
    return node;
  }

  // prioApply gives stream id the parent, weight and exclusivity a priority specification
  // names (RFC 7540 5.3.3: a parent that depends on the stream first moves up to the stream's
  // own parent; an exclusive dependency takes over the parent's other children).
  function prioApply(st, id, parent, weight, exclusive) {
    if (parent === id) return;
    const node = prioNode(st, id);
    if (st.streams.has(id)) st.prioIdle.delete(id);
    const p = prioNode(st, parent);
    for (let q = p.parent; q !== null; q = q.parent) {
      if (q === node) {
        p.parent.children.delete(p);
        p.parent = node.parent;
        p.parent.children.add(p);
        break;
      }
    }
    node.parent.children.delete(node);
    if (exclusive) {
      for (const c of p.children) {
        c.parent = node;
        node.children.add(c);
      }
      p.children.clear();
    }
    node.parent = p;
    node.weight = weight;
    p.children.add(node);
  }

  // prioRemove takes a closed stream out of the tree: its children move to its parent, sharing
  // its weight in proportion to theirs (at least 1 each), as nghttp2 does.
  function prioRemove(st, id) {
    const tree = st.prio;
    if (tree === undefined) return;
    const node = tree.get(id);
    if (node === undefined) return;
    tree.delete(id);
    st.prioIdle.delete(id);
    const parent = node.parent;
    parent.children.delete(node);
    let sum = 0;
    for (const c of node.children) sum += c.weight;
    for (const c of node.children) {
      c.weight = Math.max(1, Math.floor(node.weight * c.weight / sum));
      c.parent = parent;
      parent.children.add(c);
    }
  }

  function prioState(st, id) {
    const node = st.prio === undefined ? undefined : st.prio.get(id);
    if (node === undefined) return [16, 0];
    let sum = 0;
    for (const c of node.children) sum += c.weight;
    return [node.weight, sum];
  }

  // The window a stream's DATA may fill follows our initialWindowSize setting: a larger one from
  // when it is sent (the peer may use it as soon as it reads it), a smaller one once acknowledged.
  function growRecvWindows(st, list) {
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === 4 && list[i + 1] > st.recvInitialWindow) setRecvWindows(st, list[i + 1]);
    }
  }
  function shrinkRecvWindows(st, acked) {
    let size = -1;
    for (let i = 0; i < acked.length; i += 2) if (acked[i] === 4) size = acked[i + 1];
    if (size < 0) return;
    st.ackedInitialWindow = size;
    for (const pending of st.settingsAcks) {
      const l = pending.list;
      for (let i = 0; i < l.length; i += 2) if (l[i] === 4 && l[i + 1] > size) size = l[i + 1];
    }
    if (size < st.recvInitialWindow) setRecvWindows(st, size);
  }
  function setRecvWindows(st, size) {
    const delta = size - st.recvInitialWindow;
    st.recvInitialWindow = size;
    for (const stream of st.streams.values()) stream[kState].recvWindow += delta;
  }

  // invalidFrame counts a frame refused as invalid; past the session's maxSessionInvalidFrames
  // (1000 by default) the session fails, as node's binding stops nghttp2 there.
  function invalidFrame(session) {
    const st = session[kState];
    const max = st.options && typeof st.options.maxSessionInvalidFrames === 'number' ?
      st.options.maxSessionInvalidFrames : 1000;
    st.invalidFrames = (st.invalidFrames || 0) + 1;
    if (st.invalidFrames > max + 1) {
      session[kCodec].stop();
      session.destroy(new NghttpError(NGHTTP2_ERR_CALLBACK_FAILURE, 'ERR_HTTP2_TOO_MANY_INVALID_FRAMES'));
    }
  }

  // isIdle reports whether stream id is one neither side has opened yet: one of this side's
  // past the next it would use, or (on a server) a client's past the last it sent.
  function isIdle(st, id) {
    const own = st.type === 1 ? (id & 1) === 1 : (id & 1) === 0;
    if (own) return id >= st.nextId;
    return st.type === 0 && id > st.lastRecvId;
  }

  function onGoaway(session, code, lastStreamID, buf) {
    const st = session[kState];
    if (st.destroyed) return;
    st.remoteGoaway = true;
    st.goawayCode = code;
    st.goawayLastStreamID = lastStreamID;
    session.emit('goaway', code, lastStreamID, buf.length ? buf : undefined);
    // streams we opened that the peer never processed are refused (not those it pushed)
    if (st.type === 1) {
      for (const stream of st.streams.values()) {
        const id = stream[kState].id;
        if (id > lastStreamID && id % 2 === 1) onStreamClose(stream, NGHTTP2_REFUSED_STREAM);
      }
    }
    if (code === NGHTTP2_NO_ERROR) session.close();
    else session.destroy(new codes.ERR_HTTP2_SESSION_ERROR(code), NGHTTP2_NO_ERROR);
  }

  // initOriginSet is the client's origin set, made on first use with the origin it connected
  // to (https://servername:port), as node's.
  function initOriginSet(session) {
    const st = session[kState];
    let set = st.originSet;
    if (set === undefined) {
      set = st.originSet = new Set();
      const socket = session[kSocket];
      if (socket !== undefined && socket.servername != null) {
        let origin = `https://${socket.servername}`;
        if (socket.remotePort != null) origin += `:${socket.remotePort}`;
        set.add(origin);
      }
    }
    return set;
  }

  // headersTooLarge: a header block of more entries than the session's maxHeaderListPairs (128
  // by default, at least 4), or more octets (each name and value, plus 32) than our
  // acknowledged maxHeaderListSize allows (at most 16777215), is refused, as node's binding
  // resets its stream with ENHANCE_YOUR_CALM. A stream keeps the octet limit of when it was
  // made (node's stream reads the local setting once), so a later settings() does not apply to
  // the response of a request already sent.
  function headersTooLarge(st, list, sst) {
    let maxPairs = st.maxHeaderPairs;
    if (maxPairs === undefined) {
      const opts = st.options;
      maxPairs = st.maxHeaderPairs = opts && typeof opts.maxHeaderListPairs === 'number' ? Math.max(4, opts.maxHeaderListPairs) : 128;
    }
    const maxLength = sst !== undefined ? sst.maxHeaderLength : Math.min(st.local.maxHeaderListSize, 16777215);
    let pairs = 0;
    let length = 0;
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      if (name.length === 0) continue;
      pairs++;
      length += name.length + list[i + 1].length + 32;
      if (pairs > maxPairs || length > maxLength) return true;
    }
    return false;
  }

  function onHeaders(session, id, flags, list) {
    const st = session[kState];
    const end = (flags & 1) !== 0;
    let stream = st.streams.get(id);
    const obj = toHeaderObject(list);
    if (stream === undefined) {
      if (st.type === 1 || (id & 1) === 0 || id <= st.lastRecvId) {
        // not a stream we know: ignore it (a closed one) or refuse it
        return;
      }
      st.lastRecvId = id;
      if (st.closed || st.goawaySent) {
        session[kCodec].rst(id, NGHTTP2_REFUSED_STREAM);
        return;
      }
      if (headersTooLarge(st, list)) {
        session[kCodec].rst(id, NGHTTP2_ENHANCE_YOUR_CALM);
        return;
      }
      const contentLength = contentLengthOf(list);
      if (badMessage(list, true, false) || contentLength === -2 || (end && contentLength > 0)) {
        session[kCodec].rst(id, NGHTTP2_PROTOCOL_ERROR);
        invalidFrame(session);
        return;
      }
      stream = new ServerHttp2Stream(session, id, undefined, obj);
      stream[kState].contentLength = contentLength;
      if (end) stream[kState].endAfterHeaders = true;
      if (obj[':method'] === 'HEAD') {
        stream[kState].headRequest = true;
        stream.end();
      }
      if (end) onRemoteEnd(stream);
      // (the frames that follow in this read reach the stream after its 'stream' event: node
      // emits that between nghttp2's callbacks, so a reset that came with the HEADERS is an
      // 'aborted' the listeners see)
      stream[kState].deferred = kNothingDeferred;
      process.nextTick(emitStream, session, stream, obj, flags, list);
      return;
    }
    const sst = stream[kState];
    if (headersTooLarge(st, list, sst)) {
      session[kCodec].rst(id, NGHTTP2_ENHANCE_YOUR_CALM);
      closeAfterFlush(stream, NGHTTP2_ENHANCE_YOUR_CALM);
      return;
    }
    if (badMessage(list, false, sst.gotResponse || st.type === 0)) {
      session[kCodec].rst(id, NGHTTP2_PROTOCOL_ERROR);
      closeAfterFlush(stream, NGHTTP2_PROTOCOL_ERROR);
      invalidFrame(session);
      return;
    }
    if (sst.lengthFailed) return;
    let event;
    const status = obj[':status'];
    if (st.type === 1 && !sst.gotResponse && !responseLength(session, stream, list, obj, end)) return;
    if (end && sst.contentLength >= 0 && sst.contentLength !== sst.recvLength) {
      lengthFailed(session, stream);
      return;
    }
    if (st.type === 1 && sst.pushed && !sst.gotResponse) {
      event = 'push';
      sst.gotResponse = true;
    } else if (st.type === 1 && !sst.gotResponse) {
      if (!end && status !== undefined && status >= 100 && status < 200) {
        event = 'headers';
      } else {
        event = 'response';
        sst.gotResponse = true;
        // 421 Misdirected Request takes the request's origin out of the set (RFC 7540 9.1.2)
        if (status === 421) {
          const sent = sst.sentHeaders || {};
          const authority = sent[':authority'] !== undefined ? sent[':authority'] : sent.host;
          initOriginSet(session).delete(`${sent[':scheme']}://${authority}`);
        }
      }
    } else {
      event = end ? 'trailers' : 'headers';
    }
    if (sst.deferred === null) sst.deferred = kNothingDeferred;
    process.nextTick(emitStreamEvent, stream, event, obj, flags, list);
    if (end) onRemoteEnd(stream);
  }

  // responseLength applies nghttp2's content-length rules to a response's header block: none in
  // a 1xx; a 204 may only say 0 (the field is dropped); a CONNECT's 2xx drops it; else it must
  // be a number. A final response to HEAD, or a 204 or 304, has no body; a CONNECT's any.
  // It resets the stream and returns false when the block breaks them.
  function responseLength(session, stream, list, obj, end) {
    const sst = stream[kState];
    const status = obj[':status'];
    let len = contentLengthOf(list);
    const connect = sst.sentHeaders != null && sst.sentHeaders[':method'] === 'CONNECT';
    if (len !== -1 && status !== undefined) {
      if (status === 204) {
        if (len !== 0 || obj['content-length'] !== '0') len = -2;
        else dropField(list, obj, 'content-length');
      } else if (status >= 100 && status < 200) {
        len = -2;
      } else if (connect && status >= 200 && status < 300) {
        dropField(list, obj, 'content-length');
        len = -1;
      }
    }
    if (len === -2) {
      session[kCodec].rst(sst.id, NGHTTP2_PROTOCOL_ERROR);
      lengthFailed(session, stream, true);
      invalidFrame(session);
      return false;
    }
    if (status !== undefined && status >= 100 && status < 200 && !end) return true;
    if (sst.headRequest || (sst.sentHeaders != null && sst.sentHeaders[':method'] === 'HEAD') ||
        status === 204 || status === 304 || (status >= 100 && status < 200)) {
      len = 0;
    } else if (connect) {
      len = -1;
    }
    sst.contentLength = len;
    return true;
  }

  function dropField(list, obj, name) {
    for (let i = list.length - 2; i >= 0; i -= 2) {
      if (list[i] === name) list.splice(i, 2);
    }
    delete obj[name];
  }

  // lengthFailed resets a stream whose DATA do not add up to its content-length with
  // PROTOCOL_ERROR, as nghttp2; what else comes for it is dropped
  function lengthFailed(session, stream, rstSent) {
    const sst = stream[kState];
    sst.lengthFailed = true;
    // (the frames queued for it and not yet sent never go: nghttp2 sends nothing more for a
    // stream it has queued a RST_STREAM for, a response made in the read's earlier frames too)
    session[kCodec].cancel(sst.id);
    if (!rstSent) session[kCodec].rst(sst.id, NGHTTP2_PROTOCOL_ERROR);
    closeAfterFlush(stream, NGHTTP2_PROTOCOL_ERROR);
  }

  function emitStream(session, stream, obj, flags, list) {
    const sst = stream[kState];
    sst.deferred = null;
    session.emit('stream', stream, obj, flags, list);
  }
  // The data and end that come after a header block reach the stream after its event, as
  // they do in node (whose stream reads them later than it emits the headers).
  function emitStreamEvent(stream, event, obj, flags, list) {
    stream[kState].deferred = null;
    stream.emit(event, obj, flags, list);
  }
  // sst.deferred is kNothingDeferred while a header block's event is on its way: what comes for
  // the stream meanwhile (data, end, a reset) is queued behind it, each in its own tick, so that
  // the streams of one read hear their frames in the order they came, as node's do (nghttp2
  // calls it back frame by frame: a pushed stream's 'push' before the data of a frame after it).
  const kNothingDeferred = Object.freeze([]);
  function defer(stream, item) {
    process.nextTick(runDeferred, stream, item);
  }
  function runDeferred(stream, d) {
    if (stream.destroyed) return;
    const sst = stream[kState];
    const marker = sst.deferred;
    sst.deferred = null; // (a later header block's event may still be queued: this came before it)
    if (d === null) onRemoteEnd(stream);
    else if (typeof d === 'number') onStreamClose(stream, d);
    else onStreamData(stream, d[0], d[1], d[2]);
    if (sst.deferred === null) sst.deferred = marker;
  }

  function onPushPromise(session, parentId, list, promisedId, flags) {
    const st = session[kState];
    const parent = st.streams.get(parentId);
    if (st.type !== 1 || st.local.enablePush === false) {
      session[kCodec].rst(promisedId, NGHTTP2_REFUSED_STREAM);
      return;
    }
    // a promised request that breaks the header rules (a :status in it, say) is a stream error
    // of the stream it came on, as nghttp2 handles it: that stream is reset, no push is made
    // (the stream closes when the reset goes out, at the end of the read: a response that
    // ended it in the same read has closed it already, and it closes as that made it)
    if (badMessage(list, true, false)) {
      if (parent !== undefined && !parent[kState].closed && !parent[kState].rstSent) {
        session[kCodec].rst(parentId, NGHTTP2_PROTOCOL_ERROR);
        parent[kState].rstSent = true;
        if (st.resetAtEnd === null) st.resetAtEnd = [];
        st.resetAtEnd.push(parent);
      }
      invalidFrame(session);
      return;
    }
    const obj = toHeaderObject(list);
    const stream = new ClientHttp2Stream(session, promisedId, undefined);
    stream[kState].pushed = true;
    stream[kState].gotResponse = false;
    prioApply(st, promisedId, parentId, 16, false); // it depends on the request it came on
    stream.end();
    stream[kState].localEnd = true;
    if (session.listenerCount('stream') === 0) {
      stream.close(NGHTTP2_CANCEL);
      return;
    }
    // (the stream it came on gets no event: the pushed stream's 'push' comes with its response)
    process.nextTick(() => {
      session.emit('stream', stream, obj, flags, list);
    });
  }

  function onStreamData(stream, buf, len, end) {
    const sst = stream[kState];
    if (sst.deferred !== null) {
      defer(stream, [buf, len, end]);
      return;
    }
    sst.recvUnacked += len;
    if (buf.length > 0) {
      if (sst.bytesRead === 0) sst.firstByte = perfNow() - sst.perfStart;
      sst.bytesRead += buf.length;
      const ok = stream.push(buf);
      if (ok && sst.recvUnacked >= ackThreshold(stream)) {
        const later = stream[kSession][kState].ackLater;
        if (later) later.push(stream);
        else ackStream(stream);
      }
      // the end of a frame that also carries data comes once the ticks its data queued ran, as
      // node's stream reads the data and the end in two calls
      if (end) {
        sst.endReceived = true; // (no WINDOW_UPDATE for the stream from here)
        queueMicrotask(() => remoteEndAfterData(stream));
      }
      return;
    }
    if (end) onRemoteEnd(stream);
  }

  // closeRead closes a stream the peer's end closed, after the ticks its end queued ('end' read
  // while the stream's state is still there, as node's), unless a reset closes it meanwhile
  function closeRead(stream) {
    const session = stream[kSession];
    if (stream.destroyed || session === undefined) return;
    const sst = stream[kState];
    if (sst.rstSent || sst.lengthFailed || session[kState].closeAfterFlush.indexOf(stream) >= 0) return;
    onStreamClose(stream, NGHTTP2_NO_ERROR);
  }

  function remoteEndAfterData(stream) {
    if (!stream.destroyed) onRemoteEnd(stream);
  }

  // a stream's WINDOW_UPDATE waits for half its window to be used (and read), as nghttp2's
  function ackThreshold(stream) {
    const session = stream[kSession];
    if (session === undefined) return 0;
    // (a window our settings shrank counts before the peer acknowledges it, so that no ack waits
    // for data a peer holding to the smaller window will not send)
    const st = session[kState];
    return Math.floor(Math.min(st.localInitialWindow, st.recvInitialWindow) / 2);
  }

  function ackStream(stream) {
    const sst = stream[kState];
    const session = stream[kSession];
    if (sst.recvUnacked > 0 && session && !session.destroyed && !sst.remoteEnd && !sst.endReceived && !sst.closed) {
      session[kCodec].windowUpdate(sst.id, sst.recvUnacked);
      scheduleFlush(session);
      // (the window grows only by what a WINDOW_UPDATE gave back)
      sst.recvWindow += sst.recvUnacked;
    }
    sst.recvUnacked = 0;
  }

  function onRemoteEnd(stream) {
    const sst = stream[kState];
    if (sst.deferred !== null) {
      defer(stream, null);
      return;
    }
    if (sst.remoteEnd) return;
    sst.remoteEnd = true;
    showRemoteEnd(stream);
    stream.push(null);
    if (sst.localEnd) {
      // a stream whose END_STREAM went out in an earlier flush closes as the peer's end is read
      // (nghttp2 closes it in a callback of its own after that frame's, so the ticks and promise
      // jobs of the frame's events come first); one still to be written, when it is
      const session = stream[kSession];
      const st = session !== undefined ? session[kState] : undefined;
      if (st !== undefined && sst.localEndFlush >= 0 && st.flushes > sst.localEndFlush &&
          !sst.rstSent && !sst.lengthFailed && st.closeAfterFlush.indexOf(stream) < 0) {
        if (st.ackLater !== null && st.ackLater !== undefined) st.closeNext.push(stream);
        else process.nextTick(closeRead, stream);
      } else {
        closeAfterFlush(stream, NGHTTP2_NO_ERROR);
      }
    }
  }

  // showRemoteEnd: stream.state shows the peer's end once the ticks and microtasks of now are
  // done (its 'stream' or 'end' included), as node's reads nghttp2's stream, which applies
  // END_STREAM after the frame's callbacks return.
  // The ends of one turn share a tick and a microtask: the streams are listed until the tick
  // runs, which takes the list (an end that comes later gets a tick of its own).
  let endsToShow = null;
  let resolvedPromise;
  function showRemoteEnd(stream) {
    if (endsToShow !== null) {
      endsToShow.push(stream);
      return;
    }
    endsToShow = [stream];
    process.nextTick(showRemoteEndTick);
  }
  function showRemoteEndTick() {
    const list = endsToShow;
    endsToShow = null;
    if (resolvedPromise === undefined) resolvedPromise = Promise.resolve();
    // (a job of the promise built-ins: nothing it runs can throw)
    resolvedPromise.then(() => {
      for (let i = 0; i < list.length; i++) list[i][kState].remoteEndShown = true;
    });
  }

  // onStreamClose: the stream is closed at the protocol level (both ends done, or reset).
  function onStreamClose(stream, code) {
    if (stream.destroyed) return;
    const sst = stream[kState];
    if (!sst.closed) closeStream(stream, code, false);
    if (!stream.readable || code !== NGHTTP2_NO_ERROR) {
      stream.destroy(); // at: Http2Stream.onStreamClose@core:560:12
    } else {
      stream.on('end', streamMaybeDestroy);
      // (a readable side the peer ended has had its push(null): another does nothing)
      if (!sst.remoteEnd) stream.push(null);
      const session = stream[kSession];
      if (session && session[kState].type === 0 && !sst.didRead && stream.readableFlowing === null) stream.resume();
      else stream.read(0);
    }
  }

  function streamMaybeDestroy() {
    if (!this.destroyed) this.destroy();
  }

  // closeStream marks the stream closed with code, ends its writable side, and resets it
  // (unless sendRst is false) when it has not ended cleanly.
  function closeStream(stream, code, sendRst) {
    const sst = stream[kState];
    sst.closed = true;
    sst.rstCode = code;
    if (sst.timer !== null) stream.setTimeout(0);
    // (as removeAllListeners('timeout'), which does nothing when there are none)
    const events = stream._events;
    if (events !== undefined && events.timeout !== undefined) stream.removeAllListeners('timeout');
    const ending = stream._writableState.ending;
    if (!ending) {
      if (!sst.aborted) {
        sst.aborted = true;
        stream.emit('aborted');
      }
      stream.end();
    }
    if (sendRst) {
      const rst = () => submitRst(stream, code);
      if (!ending || stream.writableFinished || code !== NGHTTP2_NO_ERROR || sendRst === 2) rst();
      else stream.once('finish', rst);
    }
  }

  function submitRst(stream, code) {
    const sst = stream[kState];
    const session = stream[kSession];
    if (!session || session.destroyed) return;
    if (sst.id === undefined) {
      stream.once('ready', () => submitRst(stream, code));
      return;
    }
    if (sst.rstSent) return;
    // what the stream has queued goes out first, as far as the windows allow, as node sends
    // the pending data before the RST_STREAM
    if (sst.outQ.length > 0 && !sst.synPending) pumpNow(stream, true);
    sst.rstSent = true;
    dropQueued(sst);
    if (sst.synPending) {
      // a request whose HEADERS are not out yet: node sends what nghttp2 has queued before the
      // RST_STREAM, so the HEADERS go out first and the peer sees the stream reset; one held
      // back by the peer's maxConcurrentStreams is dropped without a frame, as nghttp2 cancels
      // a HEADERS still in its queue (so is a pushed stream's response)
      if (sst.pushed || sst.synHeld) sst.synCancelled = true;
      else sst.synRst = code;
    } else {
      session[kCodec].rst(sst.id, code);
    }
    scheduleFlush(session);
    // the stream is closed once its RST_STREAM is on its way
    closeAfterFlush(stream, code);
  }

  // maybeDestroy destroys a closed session once it has no streams and what it queued (its
  // GOAWAY) is written.
  function maybeDestroy(session, error) {
    const st = session[kState];
    if (error == null) {
      if (!st.closed || st.streams.size > 0 || st.pending.size > 0 || st.destroyed) return;
      const codec = session[kCodec];
      const socket = session[kSocket];
      if (codec !== null && codec.pending() > 0 && socket && !socket.destroyed && !socket.writableEnded) {
        st.destroyAfterWrite = true;
        scheduleFlush(session);
        return;
      }
    }
    session.destroy(error);
  }

  function closeSession(session, code, error) {
    const st = session[kState];
    st.destroyed = true;
    st.destroyCode = code;
    session.setTimeout(0);
    session.removeAllListeners('timeout');
    // requests made in this tick still go out before the GOAWAY, as nghttp2 has their HEADERS
    // queued (their streams are destroyed below without a RST_STREAM)
    if (st.synQueue.length > 0 && session[kCodec] && session[kSocket] && !session[kSocket].destroyed) sendRequests(session);
    if (st.pending.size > 0 || st.streams.size > 0) {
      const cancel = new codes.ERR_HTTP2_STREAM_CANCEL(error);
      for (const stream of st.pending) stream.destroy(cancel);
      for (const stream of st.streams.values()) stream.destroy(error);
    }
    if (perfObs.hasObserver('http2')) {
      const codec = session[kCodec];
      const [framesReceived, framesSent, bytesRead, bytesWritten] = codec !== null ? codec.stats() : [0, 0, 0, 0];
      perfObs.enqueue('Http2Session', 'http2', st.perfStart, {
        bytesWritten, bytesRead, framesReceived, framesSent, maxConcurrentStreams: st.maxStreams,
        pingRTT: st.pingRTT, streamAverageDuration: st.streamCount > 0 ? st.streamDurations / st.streamCount : 0,
        streamCount: st.streamCount, type: st.type === 0 ? 'server' : 'client',
      }, true);
    }
    const socket = session[kSocket];
    if (session[kCodec] && socket && !socket.destroyed) {
      // (nghttp2 ends the session with a GOAWAY of its own, after any close() sent)
      session[kCodec].goaway(st.lastRecvId, code || NGHTTP2_NO_ERROR);
      st.goawaySent = true;
    }
    for (const p of st.pings) process.nextTick(pingDone, p, new codes.ERR_HTTP2_PING_CANCEL());
    st.pings.length = 0;
    // the socket ends once what is queued is written
    st.destroyAfterWrite = false;
    if (!flush(session, () => finishSessionClose(session, error))) setImmediate(finishSessionClose, session, error);
  }

  function finishSessionClose(session, error) {
    const socket = session[kSocket];
    if (socket && !socket.destroyed) {
      // (a session that stopped reading reads again, to see the peer close)
      if (session[kState].readStopped) socket.resume();
      // as node's: the session's 'error' and 'close' come when its socket has closed (after the
      // GOAWAY went out and the socket ended), not before
      socket.once('close', () => emitClose(session, error));
      socket.end(() => {
        if (!session.closed) setImmediate(() => socket.destroy(error));
      });
      if (!session.closed) {
        // a destroyed session does not wait for the peer
        setImmediate(() => { if (!socket.destroyed) socket.destroy(); });
      }
      return;
    }
    process.nextTick(emitClose, session, error);
  }

  function emitClose(session, error) {
    if (error) session.emit('error', error);
    session.emit('close');
  }

  // Writing: frames are queued in the codec and written together in the loop's check phase
  // (as node's session sends what nghttp2 queued from a native immediate), or at once at the
  // end of a read. A stream whose last frame was queued closes once the frame is written.
  function scheduleFlush(session) {
    const st = session[kState];
    if (st.flushScheduled) return;
    st.flushScheduled = true;
    setImmediate(flushFromImmediate, session);
  }

  // A send asked for while the session's send from the immediate (or what its write completions
  // queue: a stream's _final, its trailers) still runs goes out in the same phase, once those
  // ticks are done, as node's session schedules its sends as native immediates, and one queued
  // while they run runs in the same check phase.
  function flushFromImmediate(session) {
    const st = session[kState];
    st.inImmFlush = true;
    flush(session);
    markSent(session);
    if (session[kCodec] !== null) queueFlushCheck(session);
  }
  function releaseFlush(session) {
    session[kState].holdFlush = false;
    flushFromImmediate(session);
  }
  function queueFlushCheck(session) {
    const st = session[kState];
    if (st.flushCheck === null) st.flushCheck = () => flushQueued(session);
    queueMicrotask(st.flushCheck);
  }
  function flushQueued(session) {
    const st = session[kState];
    if (!st.flushScheduled || session[kCodec] === null || st.holdFlush) {
      st.inImmFlush = false;
      return;
    }
    flush(session);
    markSent(session);
    queueFlushCheck(session);
  }

  // session.state.outboundQueueSize is what node's nghttp2 has queued and not sent: the frames
  // other than DATA made since the session last sent as node's does (from its immediate, or
  // once a read is consumed), and the requests not framed yet. (gojs may write some earlier;
  // they are counted as queued until then.)
  function outboundQueueSize(session) {
    const st = session[kState];
    const codec = session[kCodec];
    const framed = codec ? codec.ctlFrames() - (st.ctlSent || 0) : 0;
    return framed + (st.synQueue.length + st.pushSynQueue.length) / 4; // (four entries a request)
  }
  function markSent(session) {
    const codec = session[kCodec];
    if (codec) session[kState].ctlSent = codec.ctlFrames();
  }

  // flushWantTrailers: a stream whose last write was just reported written (its callback ran,
  // then its _final) asks for its trailers at once, in the same turn: node's session sends from a
  // native immediate, and one queued while those run runs in the same check phase, so its
  // 'wantTrailers' comes before the peer can read what was written.
  function flushWantTrailers(session, now) {
    const st = session[kState];
    if (st.wantTrailers.length === 0 || session[kCodec] === null) return;
    // (node's session sends, and so asks for trailers, from its immediate: a write that
    // finished outside it, in a read's send, waits for that)
    if (now || st.inImmFlush) flush(session);
    else scheduleFlush(session);
  }

  function flush(session, written) {
    const st = session[kState];
    // (trailers asked for in 'wantTrailers' wait for releaseFlush, as node's sendTrailers queues
    // them from an immediate; what the session's own close writes goes at once)
    if (st.holdFlush && written === undefined) return false;
    st.flushScheduled = false;
    const codec = session[kCodec];
    if (codec === null) return false;
    if (st.synQueue.length > 0) sendRequests(session);
    const sent = st.prioSent;
    if (sent.length > 0) {
      st.prioSent = [];
      for (let i = 0; i < sent.length; i += 2) prioApply(st, sent[i], sent[i + 1][0], sent[i + 1][1], sent[i + 1][2]);
    }
    if (st.pushSynQueue.length > 0) sendPushResponses(session);
    if (st.pumpQ.size > 0) {
      const list = Array.from(st.pumpQ);
      st.pumpQ.clear();
      // a pushed stream depends on the stream that pushed it: its data goes after the others',
      // as nghttp2 schedules it
      for (let i = 0; i < list.length; i++) if (!list[i][kState].pushed) pumpNow(list[i]);
      for (let i = 0; i < list.length; i++) if (list[i][kState].pushed) pumpNow(list[i]);
    }
    const cbs = st.writeCbs;
    if (cbs.length > 0) st.writeCbs = [];
    const buf = codec.take();
    let wrote = false;
    const closing = st.closeAfterFlush;
    if (closing.length > 0) st.closeAfterFlush = [];
    if (buf !== null) {
      const socket = session[kSocket];
      if (socket && !socket.destroyed && !socket.writableEnded) {
        const destroyAfter = st.destroyAfterWrite;
        st.destroyAfterWrite = false;
        if (closing.length > 0 || destroyAfter || cbs.length > 0) {
          // the streams whose last frame went out close, then the writes framed now are done
          // (once the socket has written them, as node's: a stream closed by then is destroyed
          // before its last write finishes)
          const then = written;
          // (a send of the session's immediate: node's write callbacks and the _final they
          // lead to run among its native immediates, the next send too, before any tick)
          const fromImm = st.inImmFlush;
          written = () => {
            closeStreams(closing); // at: -
            for (let i = 0; i < cbs.length; i++) cbs[i]();
            if (cbs.length > 0) {
              if (fromImm) flushWantTrailers(session, true);
              else process.nextTick(flushWantTrailers, session);
            }
            if (destroyAfter) maybeDestroy(session);
            if (then) then();
          };
        }
        st.writesOut++;
        socket.write(buf, written === undefined ? writeDone(session) : () => {
          written(); // at: -
          writeDone(session)();
        });
        st.flushes++;
        wrote = true;
        // As node's session (MaybeStopReading): while a write is in progress (the socket could
        // not take it all at once) nothing more is read; reading goes on once it is written.
        if (socket.writableLength > 0 && !st.writePaused && !st.readStopped && typeof socket.pause === 'function') {
          st.writePaused = true;
          socket.pause();
        }
      }
    }
    if (!wrote) {
      closeStreams(closing);
      if (cbs.length > 0) for (let i = 0; i < cbs.length; i++) cbs[i]();
    }
    const want = st.wantTrailers;
    if (want.length > 0) {
      st.wantTrailers = [];
      for (let i = 0; i < want.length; i++) {
        const stream = want[i];
        // with no 'wantTrailers' listener the stream ends with empty trailers (an empty DATA
        // frame with END_STREAM), as node's onStreamTrailers
        if (!stream.destroyed && !stream.closed) {
          // (trailers a listener sends wait for an immediate: see sendTrailers)
          st.emittingWant = true;
          const heard = stream.emit('wantTrailers');
          st.emittingWant = false;
          if (!heard && !stream[kState].trailersSent) stream.sendTrailers({});
        }
        // the writable side is finished once the data is out, trailers sent or not
        const cb = stream[kState].finalCb;
        stream[kState].finalCb = null;
        if (cb) cb();
      }
    }
    if (wrote && (st.goawaySent || st.remoteGoaway)) maybeStopReading(session);
    return wrote;
  }

  // writeDone is the session's callback of its socket writes (made once): the last write in
  // progress done, a session that stopped reading for it reads again.
  function writeDone(session) {
    const st = session[kState];
    if (st.writeDoneFn === null) {
      st.writeDoneFn = () => {
        if (--st.writesOut > 0 || !st.writePaused) return;
        st.writePaused = false;
        const socket = session[kSocket];
        if (!st.readStopped && socket && !socket.destroyed) socket.resume();
      };
    }
    return st.writeDoneFn;
  }

  // maybeStopReading stops reading the socket once a GOAWAY went either way and no stream is
  // open, as node's session stops when nghttp2 no longer wants to read (it is done with the
  // connection): the peer's GOAWAY and its end are then not seen until the session closes
  // (finishSessionClose reads again to see the peer close).
  function maybeStopReading(session) {
    const st = session[kState];
    if (st.readStopped || st.destroyed || st.streams.size > 0 || st.pending.size > 0 || st.synQueue.length > 0) return;
    const socket = session[kSocket];
    if (!socket || socket.destroyed || typeof socket.pause !== 'function') return;
    st.readStopped = true;
    socket.pause();
  }

  // headerBlockTooLarge: nghttp2 refuses to send a header block whose estimated size (its
  // deflate bound: 12, plus 12 and the name and value for each field, plus extra: a HEADERS
  // frame's room for a priority, 5) passes the session's maxSendHeaderBlockLength (64 KiB by
  // default).
  function headerBlockTooLarge(session, list, extra) {
    const st = session[kState];
    let max = st.maxSendHeaderBlock;
    if (max === undefined) {
      // (the session's options are its own copy: read once)
      const opts = st.options;
      max = st.maxSendHeaderBlock = opts && typeof opts.maxSendHeaderBlockLength === 'number' ? opts.maxSendHeaderBlockLength : 65536;
    }
    let n = 12 + extra;
    for (let i = 0; i < list.length; i += 2) n += 12 + list[i].length + list[i + 1].length;
    return n > max;
  }
  const NGHTTP2_FRAME_SIZE_ERROR = 6;
  // responseNotSent: a response whose HEADERS nghttp2 would not send: no data follows; the
  // stream reports the frame error and is closed with FRAME_SIZE_ERROR, as node's.
  function responseNotSent(stream) {
    const sst = stream[kState];
    sst.headersFailed = true;
    setImmediate(() => {
      if (stream.destroyed) return;
      stream.emit('frameError', 1, NGHTTP2_FRAME_SIZE_ERROR, sst.id);
      if (!stream.destroyed && !sst.closed) stream.close(NGHTTP2_FRAME_SIZE_ERROR);
    });
  }

  // sendPushResponses encodes the HEADERS of the pushed streams' responses, after the other
  // frames queued since the last flush, as nghttp2 sends a stream-opening HEADERS after the
  // regular frames (a response's HEADERS made after it goes first).
  function sendPushResponses(session) {
    const st = session[kState];
    const codec = session[kCodec];
    const q = st.pushSynQueue;
    st.pushSynQueue = [];
    for (let i = 0; i < q.length; i += 4) {
      const sst = q[i][kState];
      sst.synPending = false;
      if (sst.synCancelled) continue;
      if (headerBlockTooLarge(session, q[i + 1], 5)) {
        responseNotSent(q[i]);
        continue;
      }
      codec.setSensitive(q[i + 3]);
      codec.headers(sst.id, q[i + 1], q[i + 2]);
      codec.setSensitive(null);
    }
  }

  // sendRequests encodes the HEADERS of the requests made since the last flush; after our
  // GOAWAY they are refused instead, as nghttp2 refuses streams it has not started.
  function sendRequests(session) {
    const st = session[kState];
    const codec = session[kCodec];
    const q = st.synQueue;
    st.synQueue = [];
    // no more streams of ours are open at once than the peer's maxConcurrentStreams allows: the
    // rest wait for some to close, as nghttp2 holds their HEADERS
    let open = 0;
    if (st.maxConcurrent < 4294967295) {
      for (const s of st.streams.values()) {
        const ss = s[kState];
        if (ss.id % 2 === 1 && !ss.synPending && !ss.closed) open++;
      }
    }
    for (let i = 0; i < q.length; i += 4) {
      const stream = q[i];
      const sst = stream[kState];
      if (sst.synCancelled) {
        sst.synPending = false;
        continue;
      }
      if (open >= st.maxConcurrent && !st.goawaySent) {
        for (let j = i; j < q.length; j += 4) {
          const held = q[j][kState];
          // (one reset before it could go is dropped)
          if (held.synRst !== undefined) {
            held.synPending = false;
            continue;
          }
          held.synHeld = true;
          st.synQueue.push(q[j], q[j + 1], q[j + 2], q[j + 3]);
        }
        break;
      }
      sst.synPending = false;
      if (st.goawaySent) {
        open++;
        onStreamClose(stream, NGHTTP2_REFUSED_STREAM);
        continue;
      }
      // a priority other than the default is sent in the HEADERS, as nghttp2 does
      const p = sst.priority;
      const dflt = p[0] === 0 && p[1] === 16 && !p[2];
      if (headerBlockTooLarge(session, q[i + 1], 5)) {
        // the request is not sent: its stream reports the frame error and closes refused
        stream.emit('frameError', 1, NGHTTP2_FRAME_SIZE_ERROR, sst.id);
        onStreamClose(stream, NGHTTP2_REFUSED_STREAM);
        continue;
      }
      open++;
      codec.setSensitive(q[i + 3]);
      codec.headers(sst.id, q[i + 1], q[i + 2], dflt ? undefined : p);
      codec.setSensitive(null);
      if (!dflt) prioApply(st, sst.id, p[0], p[1], p[2]);
      if (sst.synRst !== undefined) codec.rst(sst.id, sst.synRst);
      else pump(stream);
    }
  }

  function closeStreams(closing) {
    for (let i = 0; i < closing.length; i += 2) onStreamClose(closing[i], closing[i + 1]); // at: -
  }


  function closeAfterFlush(stream, code) {
    const session = stream[kSession];
    session[kState].closeAfterFlush.push(stream, code);
    scheduleFlush(session);
  }

  function resumeBlocked(session) {
    const st = session[kState];
    if (st.blocked.size === 0) return;
    const list = Array.from(st.blocked);
    st.blocked.clear();
    for (const stream of list) pump(stream);
  }

  // pump has the stream's queued data sent at the next flush: the DATA frames are cut then, as
  // nghttp2 reads a stream's data when it sends, so an end that comes before goes out with the
  // last of the data (one DATA frame with END_STREAM, not a second empty one).
  function pump(stream) {
    const session = stream[kSession];
    if (!session) return;
    session[kState].pumpQ.add(stream);
    scheduleFlush(session);
  }

  // endAfterWrite: a stream ended right after its last write (end(data), or write then end in
  // one tick) ends with that write, so its last DATA frame carries END_STREAM, as node shuts
  // the stream down after such a write without waiting for the write to finish.
  function endAfterWrite(stream) {
    const sst = stream[kState];
    const ws = stream._writableState;
    if (sst.dead || !ws.ending || ws.buffered.length > 0 || sst.waitForTrailers) return;
    if (sst.endPending || sst.endSent || sst.localEnd || sst.rstSent) return;
    sst.endPending = true;
    if (sst.id === undefined || sst.synPending || (sst.type === 0 && !sst.headersSent)) return;
    if (sst.outQ.length === 0) {
      finishWritable(stream);
      if (sst.endSent && !sst.localEnd) onLocalEnd(stream);
    }
  }

  // dropQueued forgets the data a reset or destroyed stream could not send; those writes never
  // finish, as node's.
  function dropQueued(sst) {
    sst.outQ.length = 0;
    sst.queued = 0;
  }

  // pumpNow cuts the DATA frames of what the stream has queued, as far as the windows allow.
  function pumpNow(stream, resetting) {
    const sst = stream[kState];
    const session = stream[kSession];
    if (!session || sst.id === undefined || sst.synPending || !sst.headersSent && sst.type === 0) return;
    if (sst.headersFailed) return;
    if (!resetting && (sst.dead || sst.rstSent)) return;
    const st = session[kState];
    const codec = session[kCodec];
    const q = sst.outQ;
    const max = codec.maxFrameSize();
    while (q.length > 0) {
      const item = q[0];
      const left = item.len - item.off;
      let n = Math.min(left, st.sendWindow, sst.sendWindow, max);
      if (n <= 0 && left > 0) {
        st.blocked.add(stream);
        break;
      }
      const chunk = item.off === 0 && n === left ? item.data : item.data.subarray(item.off, item.off + n);
      item.off += n;
      st.sendWindow -= n;
      sst.sendWindow -= n;
      const last = item.off === item.len;
      const end = last && q.length === 1 && sst.endPending && !sst.waitForTrailers;
      // (an empty write makes no frame of its own, as nghttp2 defers a read of nothing)
      if (n > 0 || end) sendData(st, sst, codec, chunk, end, n);
      if (n > 0) {
        if (sst.bytesWritten === 0) sst.firstByteSent = perfNow() - sst.perfStart;
        sst.bytesWritten += n;
      }
      if (end) sst.endSent = true;
      sst.queued -= n;
      if (last) {
        q.shift();
        if (item.cb) st.writeCbs.push(item.cb);
      }
    }
    if (q.length === 0 && sst.endPending && !sst.endSent) finishWritable(stream);
    scheduleFlush(session);
    if (sst.endSent && !sst.localEnd) onLocalEnd(stream);
  }

  // sendData queues one DATA frame; the padding the session's paddingStrategy adds (within the
  // flow-control room left) counts against the windows too, as nghttp2's.
  function sendData(st, sst, codec, chunk, end, len = 0) {
    const sent = codec.data(sst.id, chunk, end, Math.min(st.sendWindow, sst.sendWindow));
    if (sent > len) {
      st.sendWindow -= sent - len;
      sst.sendWindow -= sent - len;
    }
  }

  function finishWritable(stream) {
    const sst = stream[kState];
    const session = stream[kSession];
    if (sst.headersFailed) return; // (its response was not sent: it closes with an error)
    if (sst.waitForTrailers) {
      if (sst.wantTrailersEmitted) return;
      sst.wantTrailersEmitted = true;
      // 'wantTrailers' comes once the data is written, as node's data source reports its end
      // from the send; the trailers end the stream
      session[kState].wantTrailers.push(stream);
      scheduleFlush(session);
      return;
    }
    sendData(session[kState], sst, session[kCodec], null, true);
    sst.endSent = true;
    scheduleFlush(session);
  }

  function onLocalEnd(stream) {
    const sst = stream[kState];
    sst.localEnd = true;
    const session = stream[kSession];
    if (session !== undefined) sst.localEndFlush = session[kState].flushes;
    const cb = sst.finalCb;
    sst.finalCb = null;
    if (cb) cb();
    if (sst.remoteEnd) closeAfterFlush(stream, NGHTTP2_NO_ERROR);
  }

  // StreamState is a stream's own state. What every stream starts with is on its prototype, so
  // that making a stream sets the few fields that differ (a field is made the stream's own when
  // it is first written).
  function StreamState(sessionState) {
    this.type = sessionState.type;
    this.outQ = [];
    this.sendWindow = sessionState.peerInitialWindow;
    this.recvWindow = sessionState.recvInitialWindow;
    this.perfStart = perfNow();
    this.maxHeaderLength = Math.min(sessionState.local.maxHeaderListSize, 16777215);
  }
  StreamState.prototype = {
    __proto__: null,
    id: undefined, closed: false, rstCode: NGHTTP2_NO_ERROR,
    aborted: false, headersSent: false, sentHeaders: undefined, sentTrailers: undefined,
    sentInfoHeaders: undefined, endAfterHeaders: false, queued: 0, endPending: false,
    endSent: false, localEnd: false, remoteEnd: false,
    recvUnacked: 0, waitForTrailers: false, wantTrailersEmitted: false, trailersSent: false,
    contentLength: -1, recvLength: 0, lengthFailed: false,
    finalCb: null, didRead: false, rstSent: false, timer: null, timeout: 0, gotResponse: false,
    pushed: false, headRequest: false, deferred: null, endReceived: false, remoteEndShown: false,
    bytesRead: 0, bytesWritten: 0, firstByte: 0, firstByteSent: 0, firstHeader: 0,
    synPending: false, synCancelled: false, synHeld: false, synRst: undefined, headersFailed: false, noPayload: undefined, priority: undefined,
    headers: undefined, dead: false, localEndFlush: -1,
  };

  // the Duplex options of a stream made without options of its own
  const kStreamOptions = Object.freeze({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false });

  class Http2Stream extends Duplex {
    constructor(session, options, opened) {
      if (options === undefined) {
        options = kStreamOptions;
      } else {
        options.allowHalfOpen = true;
        options.decodeStrings = false;
        options.autoDestroy = false;
      }
      super(options);
      this[kSession] = session;
      this[kState] = new StreamState(session[kState]);
      // (writes wait for the stream's id; a stream made with one is not corked)
      if (opened !== true) this.cork();
      // no read until someone reads (readingMore keeps the readable from reading ahead), so a
      // server stream nobody read can be told from one that was read, as node's
      this._readableState.readingMore = true;
      if (options.readable === false) {
        this[kState].remoteEnd = true;
      }
    }

    // util.inspect shows node's summary of a stream
    [kInspect](depth, opts) {
      if (typeof depth === 'number' && depth < 0) return this;
      const obj = {
        id: this.id || '<pending>', closed: this.closed, destroyed: this.destroyed, state: this.state,
        readableState: this._readableState, writableState: this._writableState,
      };
      return `Http2Stream ${require('util').format(obj)}`;
    }

    get id() { return this[kState].id; }
    get session() { return this.destroyed ? undefined : this[kSession]; }
    get pending() { return this[kState].id === undefined; }
    get closed() { return this[kState].closed; }
    get aborted() { return this[kState].aborted; }
    get rstCode() { return this[kState].rstCode; }
    get headersSent() { return this[kState].headersSent; }
    get sentHeaders() { return this[kState].sentHeaders; }
    get sentTrailers() { return this[kState].sentTrailers; }
    get sentInfoHeaders() { return this[kState].sentInfoHeaders; }
    get endAfterHeaders() { return this[kState].endAfterHeaders; }
    get headRequest() { return !!this[kState].headRequest; }
    get bufferSize() { return this[kState].queued + this.writableLength; }
    get state() {
      const sst = this[kState];
      // (a stream still pending has no handle: node gives {})
      if (this.destroyed || sst.id === undefined) return {};
      // a stream closed at the protocol level is gone from nghttp2, and a request's stream is
      // made only as its HEADERS go out: node reports the defaults of a stream it did not find
      const session = this[kSession];
      if (sst.closed || (sst.localEnd && sst.remoteEndShown) ||
          (sst.synPending && session !== undefined && session[kState].type === 1)) {
        return {
          state: constants.NGHTTP2_STREAM_STATE_IDLE, weight: 0, sumDependencyWeight: 0, localClose: 0,
          remoteClose: 0, localWindowSize: 0,
        };
      }
      let state = constants.NGHTTP2_STREAM_STATE_OPEN;
      if (sst.localEnd) state = constants.NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL;
      else if (sst.remoteEndShown) state = constants.NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE;
      const [weight, sumDependencyWeight] = session !== undefined && sst.id !== undefined ?
        prioState(session[kState], sst.id) : [16, 0];
      return {
        state, weight, sumDependencyWeight, localClose: sst.localEnd ? 1 : 0,
        // (a window a setting grows before the peer acknowledges it shows the acknowledged
        // one, as nghttp2's local window, which the acknowledgement changes)
        remoteClose: sst.remoteEndShown ? 1 : 0,
        localWindowSize: sst.recvWindow - (session === undefined ? 0 :
          Math.max(0, session[kState].recvInitialWindow - session[kState].ackedInitialWindow)),
      };
    }

    [kOwner](id) {
      const sst = this[kState];
      sst.id = id;
      const session = this[kSession];
      session[kState].streams.set(id, this);
      streamOpened(session);
      this.uncork();
      this.emit('ready');
    }

    // priority sends a PRIORITY frame for the stream (once it has an id), or with silent only
    // moves it in this side's tree; a stream cannot depend on itself (nothing happens).
    priority(options) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_STREAM(); // at: core:2262:13 | 7 |       throw new ERR_HTTP2_INVALID_STREAM();
      if (options !== undefined) validateObject(options, 'options'); // at: core:2264:5 | validator
      const spec = priorityOf(options = { ...options }); // at: core:2266:5 | validator
      if (this.pending) this.once('ready', () => submitPriority(this, spec, options.silent === true));
      else submitPriority(this, spec, options.silent === true);
    }

    setTimeout(msecs, callback) {
      if (this.destroyed) return this;
      validateNumber(msecs, 'msecs'); // at: getTimerDuration@/internal/timers:401:3, /internal/stream_base_commons:245:11 | validator
      if (msecs < 0 || !Number.isFinite(msecs)) {
        throw new codes.ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs); // at: getTimerDuration@/internal/timers:403:11, /internal/stream_base_commons:245:11 | 5 |     throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
      }
      const sst = this[kState];
      if (sst.timer) {
        clearTimeout(sst.timer);
        sst.timer = null;
      }
      if (callback !== undefined) {
        if (typeof callback !== 'function') {
          if (msecs === 0) throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: /internal/stream_base_commons:253:7 | validator
          throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: /internal/stream_base_commons:262:7 | validator
        }
        if (msecs === 0) this.removeListener('timeout', callback);
        else this.once('timeout', callback);
      }
      sst.timeout = msecs;
      if (msecs > 0) {
        sst.timer = setTimeout(() => {
          sst.timer = null;
          this.emit('timeout');
        }, msecs);
        if (sst.timer.unref) sst.timer.unref();
      }
      return this;
    }

    close(code = NGHTTP2_NO_ERROR, callback) {
      if (typeof code !== 'number' || !Number.isInteger(code)) {
        throw new codes.ERR_INVALID_ARG_TYPE('code', 'number', code); // at: core:2319:5 | validator
      }
      if (code < 0 || code > 4294967295) throw new codes.ERR_OUT_OF_RANGE('code', '>= 0 && <= 4294967295', code); // at: core:2319:5 | validator
      if (callback !== undefined && typeof callback !== 'function') {
        throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: core:2322:7 | validator
      }
      if (this.closed) return;
      if (callback !== undefined) this.once('close', callback);
      closeStream(this, code, true);
    }

    sendTrailers(headers) {
      if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM(); // at: core:2281:13 | 7 |       throw new ERR_HTTP2_INVALID_STREAM();
      const sst = this[kState];
      if (sst.trailersSent) throw new codes.ERR_HTTP2_TRAILERS_ALREADY_SENT(); // at: core:2283:13 | 7 |       throw new ERR_HTTP2_TRAILERS_ALREADY_SENT();
      if (!sst.wantTrailersEmitted) throw new codes.ERR_HTTP2_TRAILERS_NOT_READY(); // at: core:2285:13 | 7 |       throw new ERR_HTTP2_TRAILERS_NOT_READY();
      validateObject(headers, 'headers'); // at: core:2287:5 | validator
      const list = mapToHeaders(headers, noPseudo);
      sst.trailersSent = true;
      sst.sentTrailers = Object.assign({ __proto__: null }, headers);
      const session = this[kSession];
      const codec = session[kCodec];
      codec.setSensitive(sensitiveOf(headers));
      if (list.length === 0) sendData(session[kState], sst, codec, null, true);
      else codec.headers(sst.id, list, true);
      codec.setSensitive(null);
      sst.endSent = true;
      // (trailers sent from 'wantTrailers' wait for the immediate: node's sendTrailers queues them
      // from a setImmediate, off the session's send, so they go out on the next turn, after the
      // peer has read what went before)
      const sst2 = session[kState];
      if (sst2.emittingWant && !sst2.holdFlush) {
        sst2.holdFlush = true;
        setImmediate(releaseFlush, session);
      }
      scheduleFlush(session);
      onLocalEnd(this);
    }

    _write(data, encoding, cb) {
      const sst = this[kState];
      if (typeof data === 'string') data = Buffer.from(data, encoding);
      const session = this[kSession];
      if (sst.type === 0 && !sst.headersSent) this.respond();
      if (session === undefined || session.destroyed) {
        cb(new codes.ERR_HTTP2_INVALID_STREAM());
        return;
      }
      if (sst.headRequest || sst.noPayload) {
        cb(new codes.ERR_HTTP2_PAYLOAD_FORBIDDEN(sst.noPayload || 'HEAD'));
        return;
      }
      // (a Buffer's length read once: each named read of a typed array costs goja a number parse)
      const len = data.length;
      sst.outQ.push({ data, off: 0, len, cb });
      sst.queued += len;
      pump(this);
      process.nextTick(endAfterWrite, this);
    }

    // corked writes go out together, in as few DATA frames as they fill (node's writev)
    _writev(chunks, cb) {
      const bufs = new Array(chunks.length);
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i];
        bufs[i] = typeof c.chunk === 'string' ? Buffer.from(c.chunk, c.encoding) : c.chunk;
      }
      this._write(bufs.length === 1 ? bufs[0] : Buffer.concat(bufs), undefined, cb);
    }

    _final(cb) {
      const sst = this[kState];
      const session = this[kSession];
      // as node's stream once its writable side is shut down: on 'finish' a server stream
      // whose request nobody read is closed
      this.on('finish', streamFinished);
      if (sst.endSent || sst.localEnd || !session || session.destroyed || sst.rstSent) {
        cb();
        return;
      }
      sst.endPending = true;
      // a server stream ended before it responded finishes now, as node's: the end goes out
      // after the headers respond() sends later
      if (sst.type === 0 && !sst.headersSent && sst.id !== undefined && !sst.synPending) {
        cb();
        return;
      }
      if (sst.id === undefined || sst.synPending || (sst.type === 0 && !sst.headersSent)) {
        sst.finalCb = cb;
        return;
      }
      if (sst.outQ.length === 0) finishWritable(this);
      if (sst.endSent && !sst.localEnd) {
        sst.finalCb = cb;
        onLocalEnd(this);
      } else if (sst.waitForTrailers && sst.wantTrailersEmitted) {
        // As node's: the writable side's shutdown completes at once ('finish' follows on a
        // tick); 'wantTrailers' comes from the send that finds the data's end (finishWritable)
        cb();
      } else {
        sst.finalCb = cb;
      }
    }

    _read() {
      const sst = this[kState];
      if (!sst.didRead) {
        sst.didRead = true;
        this._readableState.readingMore = false;
      }
      if (sst.recvUnacked > 0 && sst.recvUnacked >= ackThreshold(this)) {
        // (while a read's frames are still being handed out, the ack waits for its end)
        const session = this[kSession];
        const later = session !== undefined ? session[kState].ackLater : null;
        if (later) later.push(this);
        else ackStream(this);
      }
    }

    _destroy(err, callback) {
      const sst = this[kState];
      // (from here the stream is destroyed: its hot paths read this, not the getter)
      sst.dead = true;
      const session = this[kSession];
      if (sst.timer) {
        clearTimeout(sst.timer);
        sst.timer = null;
      }
      const sessionCode = session ? session[kState].goawayCode || session[kState].destroyCode : 0;
      let code = this.closed ? sst.rstCode : sessionCode;
      if (err != null) {
        if (sessionCode) code = sessionCode;
        else if (err.name === 'AbortError') code = NGHTTP2_CANCEL;
        else code = NGHTTP2_INTERNAL_ERROR;
      }
      if (!this.closed) closeStream(this, code, 2);
      this.push(null);
      if (session !== undefined) {
        const st = session[kState];
        const duration = perfNow() - sst.perfStart;
        if (sst.id !== undefined) {
          st.streamCount++;
          st.streamDurations += duration;
          if (perfObs.hasObserver('http2')) {
            perfObs.enqueueTimed('Http2Stream', 'http2', sst.perfStart, duration, {
              bytesRead: sst.bytesRead, bytesWritten: sst.bytesWritten, id: sst.id, timeToFirstByte: sst.firstByte,
              timeToFirstByteSent: sst.firstByteSent, timeToFirstHeader: sst.firstHeader,
            }, true);
          }
          st.streams.delete(sst.id);
          prioRemove(st, sst.id);
          if (st.synQueue.length > 0) scheduleFlush(session); // a waiting request may go now
        } else {
          st.pending.delete(this);
        }
        st.blocked.delete(this);
        st.pumpQ.delete(this);
      }
      dropQueued(sst);
      if (code !== NGHTTP2_NO_ERROR && code !== NGHTTP2_CANCEL && !err) err = new codes.ERR_HTTP2_STREAM_ERROR(nameForErrorCode(code)); // at: core:2388:13
      const fin = sst.finalCb;
      sst.finalCb = null;
      if (fin) fin();
      // (a session that is not closing has nothing to do when a stream goes)
      if (session !== undefined && session[kState].closed) setImmediate(maybeDestroy, session);
      callback(err);
      process.nextTick(emitStreamClose, this);
    }
  }

  // streamFinished: a server stream that has responded, has no trailers to send and whose
  // request nobody read or piped is closed (RST_STREAM NO_ERROR) once the immediates queued now
  // have run (so pushes still go out first), as node's: a peer still uploading stops.
  function streamFinished() {
    const sst = this[kState];
    const session = this[kSession];
    if (sst.dead || sst.type !== 0 || !sst.headersSent || session === undefined) return;
    if (sst.waitForTrailers && !sst.trailersSent) return;
    if (sst.didRead || this.readableFlowing !== null) return;
    setImmediate(closeUnreadStream, this);
  }
  function closeUnreadStream(stream) {
    if (!stream.destroyed && !stream.closed) stream.close();
  }

  function emitStreamClose(stream) {
    if (!stream._closeEmitted) {
      stream._closeEmitted = true;
    }
  }

  Object.defineProperty(Http2Stream.prototype.setTimeout, 'name', { __proto__: null, value: 'setStreamTimeout' });

  class ServerHttp2Stream extends Http2Stream {
    constructor(session, id, options, headers) {
      super(session, options, true);
      this[kState].id = id;
      this[kState].headers = headers;
      session[kState].streams.set(id, this);
      streamOpened(session);
    }

    // (a push may come after the response's headers too, as node's)
    get pushAllowed() {
      const session = this[kSession];
      return !this.destroyed && !this.closed && session !== undefined && !session.closed &&
        !session.destroyed && session[kState].remote.enablePush !== false;
    }

    respond(headers, options) {
      const sst = this[kState];
      if (sst.dead || sst.closed) throw new codes.ERR_HTTP2_INVALID_STREAM(); // at: core:2794:13 | 7 |       throw new ERR_HTTP2_INVALID_STREAM();
      if (sst.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT(); // at: core:2796:13 | 7 |       throw new ERR_HTTP2_HEADERS_SENT();
      if (options === undefined) options = kNoOptions;
      else validateObject(options, 'options'); // at: core:2800:5 | validator
      const endStreamOpt = !!options.endStream;
      if (options.waitForTrailers !== undefined && typeof options.waitForTrailers !== 'boolean') {
        throw new codes.ERR_INVALID_ARG_VALUE('options.waitForTrailers', options.waitForTrailers);
      }
      sst.waitForTrailers = !!options.waitForTrailers;
      headers = prepareResponseHeaders(headers, options);
      const status = headers[':status'];
      let endStream = endStreamOpt;
      // (a stream whose writable side ended before it responded has no payload)
      if (sst.endPending && sst.outQ.length === 0 && !sst.waitForTrailers) endStream = true;
      if (status === 204 || status === 205 || status === 304) {
        endStream = true;
        sst.noPayload = String(status);
      } else if (sst.headRequest) {
        endStream = true;
      }
      const list = mapToHeaders(headers, responsePseudo); // at: core:2818:25
      sst.headersSent = true;
      sst.sentHeaders = headers;
      const session = this[kSession];
      if (sst.pushed) {
        sst.synPending = true;
        session[kState].pushSynQueue.push(this, list, endStream, sensitiveOf(headers));
      } else if (headerBlockTooLarge(session, list, 5)) {
        responseNotSent(this);
      } else {
        encodeHeaders(session[kCodec], sst.id, list, endStream, sensitiveOf(headers));
      }
      scheduleFlush(session);
      if (endStream) {
        // (a response without a body has no trailers: no 'wantTrailers')
        sst.waitForTrailers = false;
        sst.endSent = true;
        onLocalEnd(this);
        if (!this.writableEnded) this.end();
      } else {
        pump(this);
      }
    }

    additionalHeaders(headers) {
      if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM(); // at: core:2966:13 | 7 |       throw new ERR_HTTP2_INVALID_STREAM();
      const sst = this[kState];
      if (sst.headersSent) throw new codes.ERR_HTTP2_HEADERS_AFTER_RESPOND(); // at: core:2968:13 | 7 |       throw new ERR_HTTP2_HEADERS_AFTER_RESPOND();
      validateObject(headers, 'headers');
      headers = Object.assign({ __proto__: null }, headers);
      // (as node's: the status is made an integer in the copy, so '102' is 102 and 'abc' is 0)
      if (headers[':status'] != null) {
        const status = headers[':status'] |= 0;
        if (status === 101) throw new codes.ERR_HTTP2_STATUS_101();
        if (status < 100 || status >= 200) throw new codes.ERR_HTTP2_INVALID_INFO_STATUS(status);
      }
      const list = mapToHeaders(headers, responsePseudo);
      (sst.sentInfoHeaders || (sst.sentInfoHeaders = [])).push(headers);
      this[kSession][kCodec].headers(sst.id, list, false);
      scheduleFlush(this[kSession]);
    }

    // node's respondWithFD: the options and fd are checked first, a status without a payload
    // (or a HEAD request) throws, and the response starts at once unless a statCheck wants the
    // fd's stats first
    respondWithFD(fd, headers, options) {
      if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM();
      if (this[kState].headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      options = fileResponseOptions(options);
      if (isFileHandle(fd)) fd = fd.fd;
      else if (typeof fd !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('fd', ['number', 'FileHandle'], fd); // at: core:2877:13 | 7 |       throw new ERR_INVALID_ARG_TYPE('fd', ['number', 'FileHandle'], fd);
      headers = payloadResponseHeaders(this, headers, options);
      if (options.statCheck !== undefined) {
        require('fs').fstat(fd, (err, st) => {
          if (err) {
            this.destroy(err);
            return;
          }
          if (this.destroyed || this.closed) {
            this.destroy(new codes.ERR_HTTP2_INVALID_STREAM());
            return;
          }
          const statOptions = {
            offset: options.offset !== undefined ? options.offset : 0,
            length: options.length !== undefined ? options.length : -1,
          };
          if (options.statCheck.call(this, st, headers, statOptions) === false || this[kState].headersSent) return;
          respondFromFD(this, fd, false, headers, statOptions.offset | 0, statOptions.length | 0, options);
        });
        return;
      }
      respondFromFD(this, fd, false, headers, options.offset, options.length, options);
    }

    // node's respondWithFile: checked as respondWithFD, then the file is opened and fstat'ed;
    // open and stat errors and a directory go to options.onError (else they destroy the stream),
    // statCheck(stats, headers) may cancel, and a regular file's content-length is what is sent
    respondWithFile(path, headers, options) {
      if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM();
      if (this[kState].headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      options = fileResponseOptions(options);
      headers = payloadResponseHeaders(this, headers, options);
      const fs = require('fs');
      const onError = options.onError;
      const fail = (err) => {
        if (onError) onError(err);
        else this.destroy(err);
      };
      const tryClose = (fd) => fs.close(fd, () => {});
      fs.open(path, 'r', (err, fd) => { // at: core:2953:8
        if (err) {
          fail(err);
          return;
        }
        if (this.destroyed || this.closed) {
          tryClose(fd);
          return;
        }
        fs.fstat(fd, (err, st) => {
          if (err) {
            tryClose(fd);
            fail(err);
            return;
          }
          if (!st.isFile()) {
            const isDirectory = st.isDirectory();
            if (options.offset !== undefined || options.length !== undefined || isDirectory) {
              tryClose(fd);
              fail(isDirectory ? new codes.ERR_HTTP2_SEND_FILE() : new codes.ERR_HTTP2_SEND_FILE_NOSEEK());
              return;
            }
            options.offset = -1;
            options.length = -1;
          }
          if (this.destroyed || this.closed) {
            tryClose(fd);
            this.destroy(new codes.ERR_HTTP2_INVALID_STREAM());
            return;
          }
          const statOptions = {
            offset: options.offset !== undefined ? options.offset : 0,
            length: options.length !== undefined ? options.length : -1,
          };
          if ((typeof options.statCheck === 'function' && options.statCheck.call(this, st, headers) === false) ||
              this[kState].headersSent) {
            tryClose(fd);
            return;
          }
          if (st.isFile()) {
            statOptions.length = statOptions.length < 0 ? st.size - (+statOptions.offset) :
              Math.min(st.size - (+statOptions.offset), statOptions.length);
            headers['content-length'] = statOptions.length;
          }
          respondFromFD(this, fd, true, headers, options.offset | 0, statOptions.length | 0, options);
        });
      });
    }

    pushStream(headers, options, callback) {
      if (!this.pushAllowed) throw new codes.ERR_HTTP2_PUSH_DISABLED(); // at: core:2717:13 | 7 |       throw new ERR_HTTP2_PUSH_DISABLED();
      if (this[kState].id % 2 === 0) throw new codes.ERR_HTTP2_NESTED_PUSH(); // at: core:2719:13 | 7 |       throw new ERR_HTTP2_NESTED_PUSH();
      if (typeof options === 'function') {
        callback = options;
        options = undefined;
      }
      if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback); // at: core:2732:5 | validator
      if (options !== undefined) validateObject(options, 'options'); // at: core:2734:5 | validator
      options = { ...options };
      options.endStream = !!options.endStream;
      if (headers !== undefined) validateObject(headers, 'headers');
      const session = this[kSession];
      const st = session[kState];
      headers = Object.assign({ __proto__: null }, headers);
      if (headers[':method'] === undefined) headers[':method'] = 'GET';
      const parentHeaders = this[kState].headers || {};
      if (headers[':authority'] === undefined) headers[':authority'] = parentHeaders[':authority'];
      if (headers[':scheme'] === undefined) headers[':scheme'] = parentHeaders[':scheme'];
      if (headers[':path'] === undefined) headers[':path'] = '/';
      // (any known pseudo-header passes here, as node's: a misplaced one is the peer's to refuse)
      const list = mapToHeaders(headers, anyPseudo); // at: core:2754:25
      const id = st.nextId;
      if (id > 2147483647) {
        process.nextTick(callback, new codes.ERR_HTTP2_OUT_OF_STREAMS());
        return;
      }
      st.nextId += 2;
      session[kCodec].pushPromise(this[kState].id, id, list);
      scheduleFlush(session);
      const push = new ServerHttp2Stream(session, id, { readable: false }, headers);
      prioApply(st, id, this[kState].id, 16, false); // a pushed stream depends on its request
      push[kState].remoteEnd = true;
      push[kState].pushed = true;
      // a HEAD push, or one made with endStream, has no body
      if (headers[':method'] === 'HEAD') {
        options.endStream = true;
        push[kState].headRequest = true;
      }
      if (options.endStream) push.end();
      process.nextTick(callback, null, push, headers, 0);
    }
  }

  // (fs/promises does not export its FileHandle class: an fs/promises handle is known by its
  // class name and numeric fd)
  function isFileHandle(v) {
    return typeof v === 'object' && v !== null && typeof v.fd === 'number' &&
      typeof v.constructor === 'function' && v.constructor.name === 'FileHandle';
  }

  function fileResponseOptions(options) {
    assertIsObject(options, 'options');
    options = { ...options };
    if (options.offset !== undefined && typeof options.offset !== 'number') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.offset', options.offset);
    }
    if (options.length !== undefined && typeof options.length !== 'number') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.length', options.length);
    }
    if (options.statCheck !== undefined && typeof options.statCheck !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.statCheck', options.statCheck);
    }
    return options;
  }

  function payloadResponseHeaders(stream, headers, options) {
    headers = prepareResponseHeaders(headers, options);
    const status = headers[':status'];
    if (status === 204 || status === 205 || status === 304 || stream[kState].headRequest) {
      throw new codes.ERR_HTTP2_PAYLOAD_FORBIDDEN(status);
    }
    return headers;
  }

  // respond and send the bytes of fd from offset (-1: where it is), length bytes (negative: to
  // its end); a failed read resets the stream with INTERNAL_ERROR, as node's file pipe
  function respondFromFD(stream, fd, ownsFd, headers, offset, length, options) {
    const fs = require('fs');
    try {
      stream.respond(headers, { waitForTrailers: !!options.waitForTrailers, sendDate: false });
    } catch (err) {
      if (ownsFd) fs.close(fd, () => {});
      stream.destroy(err);
      return;
    }
    const start = offset === undefined || offset < 0 ? undefined : offset;
    // (nothing to send: an empty range, or a range past the end of the file)
    if (length === 0 || length < -1) {
      if (ownsFd) fs.close(fd, () => {});
      stream.end();
      return;
    }
    const rsOpts = { fd, autoClose: ownsFd, start };
    if (length !== undefined && length > 0) rsOpts.end = (start || 0) + length - 1;
    let rs;
    try {
      rs = fs.createReadStream(null, rsOpts);
    } catch (err) {
      if (ownsFd) fs.close(fd, () => {});
      stream.end();
      return;
    }
    rs.on('error', () => {
      if (!stream.destroyed) stream.close(NGHTTP2_INTERNAL_ERROR);
    });
    rs.pipe(stream);
  }

  function prepareResponseHeaders(headersParam, options) {
    assertIsObject(headersParam, 'headers');
    // node's processHeaders: the own enumerable names, and the sensitive list (even undefined)
    // whenever headers were given
    const headers = { __proto__: null };
    if (headersParam != null) {
      // (Object.keys lists the own enumerable names for...in and hasOwnProperty would keep)
      const keys = Object.keys(headersParam);
      for (let i = 0; i < keys.length; i++) headers[keys[i]] = headersParam[keys[i]];
      headers[kSensitiveHeaders] = headersParam[kSensitiveHeaders];
    }
    // (a status that is no number, or 0, is 200, as node's `| 0 || 200`)
    const statusCode = headers[':status'] = (headers[':status'] | 0) || 200;
    if (options.sendDate == null || options.sendDate) {
      if (headers.date == null) headers.date = utcDate();
    }
    if (statusCode < 200 || statusCode > 599) throw new codes.ERR_HTTP2_STATUS_INVALID(headers[':status']);
    return headers;
  }

  class ClientHttp2Stream extends Http2Stream {
    constructor(session, id, options) {
      super(session, options, id !== undefined);
      this[kState].headersSent = true;
      if (id !== undefined) {
        this[kState].id = id;
        session[kState].streams.set(id, this);
        streamOpened(session);
      } else {
        session[kState].pending.add(this);
      }
      // a 100 informational response is also the stream's 'continue', as node's
      this.on('headers', headersContinue);
    }
  }
  function headersContinue(headers) {
    if (headers[':status'] === 100) this.emit('continue');
  }

  function submitPriority(stream, spec, silent) {
    if (stream.destroyed) return;
    const id = stream[kState].id;
    if (spec[0] === id) return;
    const session = stream[kSession];
    const st = session[kState];
    if (silent) {
      prioApply(st, id, spec[0], spec[1], spec[2]);
      return;
    }
    session[kCodec].priority(id, spec[0], spec[1], spec[2]);
    // a client moves its own stream once the frame is out (a server only as its peer asks)
    if (st.type === 1) st.prioSent.push(id, spec);
    scheduleFlush(session);
  }

  // priorityOf validates a request's or priority()'s options and gives the priority they name
  // as [parent, weight, exclusive], the weight brought within 1-256 as nghttp2 does.
  function priorityOf(options) {
    validatePriorityOptions(options); // at: -
    const weight = options.weight === undefined ? 16 : options.weight | 0;
    return [options.parent | 0, weight < 1 ? 1 : weight > 256 ? 256 : weight, !!options.exclusive];
  }

  // validatePriorityOptions checks a request's or priority()'s weight, parent, exclusive and
  // silent as node does.
  function validatePriorityOptions(options) {
    if (options.weight !== undefined) validateNumber(options.weight, 'options.weight');
    if (options.parent !== undefined) validateNumber(options.parent, 'options.parent', 0);
    if (options.exclusive !== undefined) validateBoolean(options.exclusive, 'options.exclusive');
    if (options.silent !== undefined) validateBoolean(options.silent, 'options.silent');
  }

  class ServerHttp2Session extends Http2Session {
    constructor(options, socket, server) {
      super(0, options, socket);
      this[kServer] = server;
    }
    get server() { return this[kServer]; }

    // altsvc sends an ALTSVC frame (RFC 7838) for an origin (a string, URL or { origin }) or
    // a stream id, with node's checks.
    altsvc(alt, originOrStream) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
      let stream = 0;
      let origin;
      if (typeof originOrStream === 'string') {
        origin = new URL(originOrStream).origin;
        if (origin === 'null') throw new codes.ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
      } else if (typeof originOrStream === 'number') {
        if (originOrStream >>> 0 !== originOrStream || originOrStream === 0) {
          throw new codes.ERR_OUT_OF_RANGE('originOrStream', `> 0 && < ${2 ** 32}`, originOrStream);
        }
        stream = originOrStream;
      } else if (originOrStream !== undefined) {
        if (originOrStream !== null && typeof originOrStream === 'object') origin = originOrStream.origin;
        if (typeof origin !== 'string') {
          throw new codes.ERR_INVALID_ARG_TYPE('originOrStream', ['string', 'number', 'URL', 'object'], originOrStream);
        } else if (origin === 'null' || origin.length === 0) {
          throw new codes.ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
        }
      }
      validateString(alt, 'alt'); // at: core:1709:5 | validator
      if (!quotedStringRe.test(alt)) throw new codes.ERR_INVALID_CHAR('alt'); // at: core:1711:13 | 7 |       throw new ERR_INVALID_CHAR('alt');
      if (alt.length + (origin !== undefined ? origin.length : 0) > maxAltSvc) {
        throw new codes.ERR_HTTP2_ALTSVC_LENGTH();
      }
      // nothing goes out for a stream that is not open
      if (stream !== 0 && this[kState].streams.get(stream) === undefined) return;
      this[kCodec].altsvc(stream, origin || '', alt);
      scheduleFlush(this);
    }

    // origin sends an ORIGIN frame (RFC 8336) of the origins given (strings, URLs or { origin }).
    origin(...origins) {
      if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
      if (origins.length === 0) return;
      const list = [];
      let len = 0;
      for (let i = 0; i < origins.length; i++) {
        let origin = origins[i];
        if (typeof origin === 'string') origin = new URL(origin).origin;
        else if (origin != null && typeof origin === 'object') origin = origin.origin;
        validateString(origin, 'origin'); // at: core:1738:7 | validator
        if (origin === 'null') throw new codes.ERR_HTTP2_INVALID_ORIGIN(); // at: core:1740:15 | 9 |         throw new ERR_HTTP2_INVALID_ORIGIN();
        list.push(origin);
        len += origin.length;
      }
      if (len > maxAltSvc) throw new codes.ERR_HTTP2_ORIGIN_LENGTH();
      this[kCodec].origin(list);
      scheduleFlush(this);
    }
  }
  const quotedStringRe = /^[\x09\x20-\x5b\x5d-\x7e\x80-\xff]*$/;
  const maxAltSvc = 2 ** 14 - 2;

  class ClientHttp2Session extends Http2Session {
    constructor(options, socket, authority, protocol) {
      super(1, options, socket);
      this[kState].authority = authority;
      this[kState].protocol = protocol;
    }

    request(headers, options) {
      const st = this[kState];
      if (st.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION(); // at: core:1770:13 | 7 |       throw new ERR_HTTP2_INVALID_SESSION();
      if (st.closed) throw new codes.ERR_HTTP2_GOAWAY_SESSION(); // at: core:1773:13 | 7 |       throw new ERR_HTTP2_GOAWAY_SESSION();
      // as node: a name that is no HTTP token destroys the session (the request then throws
      // the same error from the header checks); an unknown pseudo-header only throws
      if (headers !== null && headers !== undefined) {
        const keys = Object.keys(headers);
        for (let i = 0; i < keys.length; i++) {
          const name = keys[i];
          if (name[0] === ':') {
            if (!anyPseudo.has(name)) throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name); // at: core:1782:11 | validator
          } else if (name && !okNames.has(name) && !tokenRe.test(name)) {
            this.destroy(new codes.ERR_INVALID_HTTP_TOKEN('Header name', name));
          }
        }
      }
      if (headers !== undefined) validateObject(headers, 'headers'); // at: core:1788:5 | validator
      if (options !== undefined) validateObject(options, 'options'); // at: core:1789:5 | validator
      headers = Object.assign({ __proto__: null }, headers);
      if (headers != null && arguments[0] && arguments[0][kSensitiveHeaders]) {
        headers[kSensitiveHeaders] = arguments[0][kSensitiveHeaders];
      }
      options = { ...options };
      if (headers[':method'] === undefined) headers[':method'] = 'GET';
      const connect = headers[':method'] === 'CONNECT';
      if (!connect || headers[':protocol'] !== undefined) {
        if (headers[':authority'] === undefined && headers.host === undefined) headers[':authority'] = st.authority;
        if (headers[':scheme'] === undefined) headers[':scheme'] = st.protocol.slice(0, -1);
        if (headers[':path'] === undefined) headers[':path'] = '/';
      } else {
        if (headers[':authority'] === undefined) throw new codes.ERR_HTTP2_CONNECT_AUTHORITY(); // at: core:1808:15 | 9 |         throw new ERR_HTTP2_CONNECT_AUTHORITY();
        if (headers[':scheme'] !== undefined) throw new codes.ERR_HTTP2_CONNECT_SCHEME(); // at: core:1810:15 | 9 |         throw new ERR_HTTP2_CONNECT_SCHEME();
        if (headers[':path'] !== undefined) throw new codes.ERR_HTTP2_CONNECT_PATH(); // at: core:1812:15 | 9 |         throw new ERR_HTTP2_CONNECT_PATH();
      }
      // (node's order: the priority options, endStream, then the headers)
      const priority = priorityOf(options); // at: core:1815:5 | validator
      const m = headers[':method'];
      if (options.endStream === undefined) {
        options.endStream = m === 'DELETE' || m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'TRACE';
      } else {
        validateBoolean(options.endStream, 'options.endStream'); // at: core:1823:7 | validator
      }
      const list = mapToHeaders(headers, anyPseudo); // at: core:1826:25
      if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
      const stream = new ClientHttp2Stream(this, undefined, undefined);
      stream[kState].priority = priority;
      stream[kState].sentHeaders = headers;
      stream[kState].waitForTrailers = !!options.waitForTrailers;
      const endStream = !!options.endStream;
      if (endStream) stream.end();
      if (options.signal) {
        const signal = options.signal;
        const abort = () => stream.destroy(new (require('internal/errors').AbortError || Error)(undefined, { cause: signal.reason }));
        if (signal.aborted) abort();
        else signal.addEventListener('abort', abort, { once: true });
      }
      const onConnect = () => {
        if (stream.destroyed) return;
        st.pending.delete(stream);
        if (this.destroyed) return;
        if (st.closed) {
          stream.destroy(new codes.ERR_HTTP2_GOAWAY_SESSION());
          return;
        }
        const id = st.nextId;
        if (id > 2147483647) {
          // no stream id is left
          stream.destroy(new codes.ERR_HTTP2_OUT_OF_STREAMS());
          return;
        }
        st.nextId += 2;
        // (a stream asked for before the session connected has the windows of the settings of
        // now, as node's, whose nghttp2 stream is only made then: the initialWindowSize of
        // connect()'s settings counts for it)
        stream[kState].recvWindow = st.recvInitialWindow;
        stream[kState].sendWindow = st.peerInitialWindow;
        const headersEnd = endStream && !stream[kState].waitForTrailers;
        // the HEADERS are encoded when the session flushes (as nghttp2 sends its queued
        // requests), so a close() in the meantime refuses the stream
        stream[kState].synPending = true;
        st.synQueue.push(stream, list, headersEnd, sensitiveOf(headers));
        scheduleFlush(this);
        if (headersEnd) stream[kState].endSent = true;
        stream[kOwner](id);
        if (headersEnd) onLocalEnd(stream);
        else if (endStream) {
          stream[kState].endPending = true;
          finishWritable(stream);
        }
        pump(stream);
      };
      if (st.connecting) {
        // one 'connect' listener runs the requests made before the session connected
        if (st.pendingCalls) {
          st.pendingCalls.push(onConnect);
        } else {
          st.pendingCalls = [onConnect];
          this.once('connect', () => {
            const calls = st.pendingCalls;
            st.pendingCalls = null;
            for (let i = 0; i < calls.length; i++) calls[i]();
          });
        }
      } else {
        onConnect();
      }
      return stream;
    }
  }

  const kOptions = Symbol('options');

  function sessionOnStream(stream, headers, flags, rawHeaders) {
    const server = this[kServer];
    if (server !== undefined) server.emit('stream', stream, headers, flags, rawHeaders);
  }
  function sessionOnPriority(id, parent, weight, exclusive) {
    const server = this[kServer];
    if (server !== undefined) server.emit('priority', id, parent, weight, exclusive);
  }
  function sessionOnError(err) {
    const server = this[kServer];
    if (server !== undefined && server.listenerCount('sessionError') > 0) server.emit('sessionError', err, this);
  }
  function sessionOnTimeout() {
    const server = this[kServer];
    if (server !== undefined && server.listenerCount('timeout') > 0) server.emit('timeout', this);
    else this.destroy();
  }

  // connectionListener makes a server session on each new connection.
  function connectionListener(socket) {
    const server = this;
    const options = this[kOptions];
    if (socket.alpnProtocol === false || socket.alpnProtocol === 'http/1.1') {
      if (options.allowHTTP1 === true) {
        socket.server = server;
        require('http')._connectionListener.call(server, socket);
        return;
      }
      if (server.emit('unknownProtocol', socket)) return;
      // node answers in a form an HTTP/1 client might read, and destroys the socket if the
      // peer does not close it in time
      const timer = setTimeout(() => { if (!socket.destroyed) socket.destroy(); },
        options.unknownProtocolTimeout !== undefined ? options.unknownProtocolTimeout : 10000);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
      socket.end('HTTP/1.0 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n' +
        'Missing ALPN Protocol, expected `h2` to be available.\n' +
        'If this is a HTTP request: The server was not configured with the `allowHTTP1` option or a ' +
        'listener for the `unknownProtocol` event.\n');
      return;
    }
    const session = new ServerHttp2Session(options, socket, server);
    socket.on('close', onSocketClose);
    socket.on('error', onSocketError);
    socket.on('timeout', onSocketTimeout);
    session.on('stream', sessionOnStream);
    session.on('priority', sessionOnPriority);
    session.on('error', sessionOnError);
    session.on('timeout', sessionOnTimeout);
    if (server.timeout) session.setTimeout(server.timeout);
    setupSession(session);
    if (Array.isArray(options.origins)) session.origin(...options.origins);
    server.emit('session', session);
  }

  // remoteCustomSettings: an array (copied) of at most 10 ids, as node's initializeOptions
  function checkRemoteCustomSettings(options) {
    if (options != null && options.remoteCustomSettings) {
      if (!Array.isArray(options.remoteCustomSettings)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.remoteCustomSettings', 'Array', options.remoteCustomSettings);
      }
      options.remoteCustomSettings = [...options.remoteCustomSettings];
      if (options.remoteCustomSettings.length > 10) throw new codes.ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
    }
  }

  // initializeOptions: the server's own copy of its options (and of their settings), checked
  // and completed as node's: the classes the compat API and allowHTTP1 use are filled in
  function initializeOptions(options) {
    if (options === undefined) options = {};
    else validateObject(options, 'options');
    options = { ...options };
    if (options.settings !== undefined) {
      if (options.settings === null || typeof options.settings !== 'object' || Array.isArray(options.settings)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.settings', 'object', options.settings);
      }
    }
    options.settings = { ...options.settings };
    checkRemoteCustomSettings(options);
    if (options.maxSessionInvalidFrames !== undefined) validateUint32(options.maxSessionInvalidFrames, 'maxSessionInvalidFrames');
    if (options.maxSessionRejectedStreams !== undefined) validateUint32(options.maxSessionRejectedStreams, 'maxSessionRejectedStreams');
    if (options.unknownProtocolTimeout !== undefined) validateUint32(options.unknownProtocolTimeout, 'unknownProtocolTimeout');
    else options.unknownProtocolTimeout = 10000;
    if (!options.Http1IncomingMessage || !options.Http1ServerResponse) {
      const http = require('http');
      options.Http1IncomingMessage = options.Http1IncomingMessage || http.IncomingMessage;
      options.Http1ServerResponse = options.Http1ServerResponse || http.ServerResponse;
    }
    options.Http2ServerRequest = options.Http2ServerRequest || Http2ServerRequest;
    options.Http2ServerResponse = options.Http2ServerResponse || Http2ServerResponse;
    return options;
  }

  // initServer does the rest of node's constructor, after the connection listener (which the
  // net or tls server's constructor adds first, as node's super(options, connectionListener))
  function initServer(server, options, requestListener) {
    server[kOptions] = options;
    server.timeout = 0;
    server.on('newListener', setupCompat);
    if (typeof requestListener === 'function') server.on('request', requestListener);
  }

  // the 'stream' listener of a server with 'request' listeners, bound to the compat classes
  // of when the first was added
  function setupCompat(ev) {
    if (ev === 'request') {
      this.removeListener('newListener', setupCompat);
      const options = this[kOptions];
      this.on('stream', onServerStream.bind(this, options.Http2ServerRequest, options.Http2ServerResponse));
    }
  }

  class Http2Server extends net.Server {
    constructor(options, requestListener) {
      // a connection the peer ends is ended here too, unless allowHalfOpen (net's default)
      options = initializeOptions(options);
      super({ allowHalfOpen: options.allowHalfOpen === true }, connectionListener);
      initServer(this, options, requestListener);
    }
    setTimeout(msecs, callback) {
      this.timeout = msecs;
      if (callback !== undefined) {
        if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
        this.on('timeout', callback);
      }
      return this;
    }
    updateSettings(settings) {
      validateSettings(settings);
      this[kOptions].settings = { ...this[kOptions].settings, ...settings };
    }
    // (node 20's close stops listening only: open sessions stay until they close)
    close(...args) {
      return net.Server.prototype.close.apply(this, args);
    }
  }

  let Http2SecureServer;
  function secureServerClass() {
    if (Http2SecureServer) return Http2SecureServer;
    const tls = require('tls');
    Http2SecureServer = class Http2SecureServer extends tls.Server {
      constructor(options, requestListener) {
        options = initializeOptions(options);
        if (options.ALPNProtocols === undefined) {
          options.ALPNProtocols = options.allowHTTP1 === true ? ['h2', 'http/1.1'] : ['h2'];
        }
        super(options);
        this.on('secureConnection', connectionListener);
        initServer(this, options, requestListener);
        if (options.allowHTTP1 === true) {
          // HTTP/1.1 connections are served as an http.Server serves them
          const http = require('http');
          const internal = require('internal/module_internals').get('http');
          internal.storeHTTPOptions.call(this, { ...options, IncomingMessage: options.Http1IncomingMessage,
            ServerResponse: options.Http1ServerResponse });
          this.httpAllowHalfOpen = false;
          this.maxHeadersCount = null;
          this.maxRequestsPerSocket = 0;
          this[internal.kUniqueHeaders] = null;
        }
      }
      setTimeout(msecs, callback) { return Http2Server.prototype.setTimeout.call(this, msecs, callback); }
      updateSettings(settings) { return Http2Server.prototype.updateSettings.call(this, settings); }
      close(...args) {
        return tls.Server.prototype.close.apply(this, args);
      }
    };
    return Http2SecureServer;
  }

  function connect(authority, options, listener) {
    if (typeof options === 'function') {
      listener = options;
      options = undefined;
    }
    if (options !== undefined) validateObject(options, 'options');
    options = { ...options };
    // (the settings are checked when the session is set up, as node's setupHandle does: on a
    // socket still connecting, a bad one destroys the socket and so the session)
    checkRemoteCustomSettings(options);
    // authority: a URL string, or an object with URL-like fields (a URL, url.parse()'s result,
    // { port, hostname }), read as node reads it
    if (typeof authority === 'string') authority = new URL(authority);
    else if (authority === null || typeof authority !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('authority', ['string', 'Object', 'URL'], authority); // at: core:3344:3 | validator
    }
    const url = authority;
    const protocol = url.protocol || options.protocol || 'https:';
    // (an object without a port gives 'undefined', as in node)
    const port = `${url.port !== '' ? url.port : (url.protocol === 'http:' ? 80 : 443)}`;
    let host = 'localhost';
    if (url.hostname) {
      host = url.hostname;
      if (host[0] === '[') host = host.slice(1, -1);
    } else if (url.host) {
      host = url.host;
    }
    let socket;
    if (typeof options.createConnection === 'function') {
      socket = options.createConnection(url, options);
    } else if (protocol === 'http:') {
      socket = net.connect({ port: +port, host, ...options, port: +port, host });
    } else if (protocol === 'https:') {
      const tls = require('tls');
      const opts = { ...options, port: +port, host, ALPNProtocols: ['h2'] };
      if (opts.servername === undefined && !net.isIP(host)) opts.servername = host;
      socket = tls.connect(opts);
    } else {
      throw new codes.ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol); // at: core:3372:15 | 9 |         throw new ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
    }
    const session = new ClientHttp2Session(options, socket, `${options.servername || host}:${port}`, protocol);
    socket.on('close', onSocketClose);
    socket.on('error', onSocketError);
    socket.on('timeout', onSocketTimeout);
    const start = () => {
      validateSettings(options.settings);
      setupSession(session);
      process.nextTick(() => session.emit('connect', session, socket));
    };
    if (socket.connecting || (socket.encrypted && !socket._secureEstablished && socket.authorized === undefined)) {
      socket.once(socket.encrypted ? 'secureConnect' : 'connect', () => {
        if (socket.encrypted && socket.alpnProtocol !== 'h2') {
          session.destroy(new codes.ERR_HTTP2_ERROR ? new codes.ERR_HTTP2_ERROR('') : new Error('h2 is not supported'));
          return;
        }
        try {
          start();
        } catch (err) {
          socket.destroy(err);
        }
      });
    } else {
      start();
    }
    if (typeof listener === 'function') session.once('connect', listener);
    return session;
  }

  // The compatibility API (node's http2/compat): an http1-shaped req and res over a server
  // stream, made by the classes the server's options name (Http2ServerRequest and
  // Http2ServerResponse by default), with node's CONNECT and Expect handling.
  const kStream = Symbol('stream');
  const kRequest = Symbol('request');
  const kResponse = Symbol('response');
  const kHeaders = Symbol('headers');
  const kRawHeaders = Symbol('rawHeaders');
  const kTrailers = Symbol('trailers');
  const kRawTrailers = Symbol('rawTrailers');
  const kAborted = Symbol('aborted');
  const kReqState = Symbol('state'); // (node's description)
  const kStreamSocket = Symbol('streamSocket');

  function onServerStream(ReqClass, ResClass, stream, headers, flags, rawHeaders) {
    const server = this;
    const request = new ReqClass(stream, headers, undefined, rawHeaders);
    const response = new ResClass(stream);
    if (headers[':method'] === 'CONNECT') {
      // nobody to take it: 405
      if (!server.emit('connect', request, response)) {
        response.statusCode = 405;
        response.end();
      }
      return;
    }
    const expect = headers.expect;
    if (expect !== undefined) {
      if (expect === '100-continue') {
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', request, response);
        } else {
          response.writeContinue();
          server.emit('request', request, response);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', request, response);
      } else {
        response.statusCode = 417;
        response.end();
      }
      return;
    }
    server.emit('request', request, response);
  }

  // The socket of a compat req or res stands for the stream: its events, end and destroy are
  // the stream's, setTimeout the session's, reading and writing are refused, and the rest is
  // the session's socket (or, once the stream has no session, the stream's own).
  function socketOwner(stream) {
    const session = stream.session;
    return session !== undefined ? session[kSocket] : stream;
  }
  const streamSocketHandler = {
    __proto__: null,
    has(stream, prop) { return prop in stream || prop in socketOwner(stream); },
    get(stream, prop) {
      switch (prop) {
        case 'on': case 'once': case 'end': case 'emit': case 'destroy':
          return stream[prop].bind(stream);
        case 'writable': case 'destroyed':
          return stream[prop];
        case 'readable': {
          if (stream.destroyed) return false;
          const req = stream[kRequest];
          return req ? req.readable : stream.readable;
        }
        case 'setTimeout': {
          const session = stream.session;
          return session !== undefined ? session.setTimeout.bind(session) : stream.setTimeout.bind(stream);
        }
        case 'write': case 'read': case 'pause': case 'resume':
          throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
        default: {
          const owner = socketOwner(stream);
          const value = owner[prop];
          return typeof value === 'function' ? value.bind(owner) : value;
        }
      }
    },
    getPrototypeOf(stream) { return Object.getPrototypeOf(socketOwner(stream)); },
    set(stream, prop, value) {
      switch (prop) {
        case 'writable': case 'readable': case 'destroyed':
        case 'on': case 'once': case 'end': case 'emit': case 'destroy':
          stream[prop] = value;
          return true;
        case 'setTimeout': {
          const session = stream.session;
          if (session !== undefined) session.setTimeout = value;
          else stream.setTimeout = value;
          return true;
        }
        case 'write': case 'read': case 'pause': case 'resume':
          throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
        default:
          socketOwner(stream)[prop] = value;
          return true;
      }
    },
  };
  function streamSocket(stream) {
    let proxy = stream[kStreamSocket];
    if (proxy == null) proxy = stream[kStreamSocket] = new Proxy(stream, streamSocketHandler);
    return proxy;
  }

  function reqTimeout() { const req = this[kRequest]; if (req !== undefined) req.emit('timeout'); }
  function resTimeout() { const res = this[kResponse]; if (res !== undefined) res.emit('timeout'); }

  class Http2ServerRequest extends Readable {
    constructor(stream, headers, options, rawHeaders) {
      super({ autoDestroy: false, ...options });
      this[kReqState] = { closed: false, didRead: false };
      this[kHeaders] = headers;
      this[kRawHeaders] = rawHeaders;
      this[kTrailers] = {};
      this[kRawTrailers] = [];
      this[kStream] = stream;
      this[kAborted] = false;
      stream[kStreamSocket] = null;
      stream[kRequest] = this;
      stream.on('trailers', reqOnTrailers);
      stream.on('end', reqOnEnd);
      stream.on('error', reqOnError);
      stream.on('aborted', reqOnAborted);
      stream.on('close', reqOnClose);
      stream.on('timeout', reqTimeout);
      this.on('pause', onRequestPause);
      this.on('resume', onRequestResume);
    }
    get aborted() { return this[kAborted]; }
    get complete() {
      return this[kAborted] || this.readableEnded || this[kReqState].closed || this[kStream].destroyed;
    }
    get stream() { return this[kStream]; }
    get headers() { return this[kHeaders]; }
    get rawHeaders() { return this[kRawHeaders]; }
    get trailers() { return this[kTrailers]; }
    get rawTrailers() { return this[kRawTrailers]; }
    get httpVersionMajor() { return 2; }
    get httpVersionMinor() { return 0; }
    get httpVersion() { return '2.0'; }
    get socket() { return streamSocket(this[kStream]); }
    get connection() { return this.socket; }
    // the stream's data flows into the request from its first read on
    _read(n) {
      const state = this[kReqState];
      if (state.didRead) {
        process.nextTick(resumeStreamTick, this[kStream]);
        return;
      }
      state.didRead = true;
      this[kStream].on('data', reqOnData);
    }
    get method() { return this[kHeaders][':method']; }
    set method(method) {
      validateString(method, 'method');
      if (method.trim() === '') throw new codes.ERR_INVALID_ARG_VALUE('method', method);
      this[kHeaders][':method'] = method;
    }
    get authority() {
      const headers = this[kHeaders];
      return headers[':authority'] !== undefined ? headers[':authority'] : headers.host;
    }
    get scheme() { return this[kHeaders][':scheme']; }
    get url() { return this[kHeaders][':path']; }
    set url(v) { this[kHeaders][':path'] = v; }
    setTimeout(msecs, cb) {
      if (!this[kReqState].closed) this[kStream].setTimeout(msecs, cb);
      return this;
    }
  }
  function resumeStreamTick(stream) { stream.resume(); }
  function reqOnData(chunk) {
    const req = this[kRequest];
    if (req !== undefined && !req.push(chunk)) this.pause();
  }
  function reqOnTrailers(trailers, flags, raw) {
    const req = this[kRequest];
    if (req === undefined) return;
    Object.assign(req[kTrailers], trailers);
    for (let i = 0; i < raw.length; i++) req[kRawTrailers].push(raw[i]);
  }
  function reqOnEnd() {
    const req = this[kRequest];
    if (req !== undefined) req.push(null);
  }
  // (errors of the stream are not the request's or the response's, as in node)
  function reqOnError() {}
  function onRequestPause() { this[kStream].pause(); }
  function onRequestResume() { this[kStream].resume(); }
  function reqOnAborted() {
    const req = this[kRequest];
    if (req === undefined || req[kReqState].closed) return;
    req[kAborted] = true;
    req.emit('aborted');
  }
  function reqOnClose() {
    const req = this[kRequest];
    if (req === undefined) return;
    const state = req[kReqState];
    state.closed = true;
    req.push(null);
    // a request nobody read is dumped, as http1's
    if (!state.didRead && !req._readableState.resumeScheduled) req.resume();
    this[kStreamSocket] = null;
    this[kRequest] = undefined;
    req.emit('close');
  }

  const kSetHeader = Symbol('setHeader');
  const kAppendHeader = Symbol('appendHeader');
  const kBeginSend = Symbol('beginSend');
  const kResState = Symbol('state'); // (node's description)

  function resOnDrain() {
    const res = this[kResponse];
    if (res !== undefined) res.emit('drain');
  }
  function resOnAborted() {}
  function resOnWantTrailers() {
    this.sendTrailers(this[kResponse][kTrailers]);
  }
  // The response finishes, and closes, when its stream closes.
  function resOnStreamClose() {
    const res = this[kResponse];
    if (res === undefined) return;
    const state = res[kResState];
    if (this.headRequest !== state.headRequest) return;
    state.closed = true;
    this[kStreamSocket] = null;
    this.removeListener('wantTrailers', resOnWantTrailers);
    this[kResponse] = undefined;
    res.emit('finish');
    res.emit('close');
  }

  class Http2ServerResponse extends LegacyStream {
    constructor(stream, options) {
      super(options);
      this[kResState] = { closed: false, ending: false, destroyed: false, headRequest: false, sendDate: true,
        statusCode: 200 };
      this[kHeaders] = { __proto__: null };
      this[kTrailers] = { __proto__: null };
      this[kStream] = stream;
      stream[kStreamSocket] = null;
      stream[kResponse] = this;
      this.writable = true;
      this.req = stream[kRequest];
      stream.on('drain', resOnDrain);
      stream.on('aborted', resOnAborted);
      stream.on('close', resOnStreamClose);
      stream.on('wantTrailers', resOnWantTrailers);
      stream.on('timeout', resTimeout);
    }
    // (only its truthiness means anything, as node's)
    get _header() { return this.headersSent; }
    get writableEnded() { return this[kResState].ending; }
    get finished() { return this[kResState].ending; }
    // (none once the response has finished, as http1's)
    get socket() {
      if (this[kResState].closed) return undefined;
      return streamSocket(this[kStream]);
    }
    get connection() { return this.socket; }
    get stream() { return this[kStream]; }
    get headersSent() { return this[kStream].headersSent; }
    get sendDate() { return this[kResState].sendDate; }
    set sendDate(v) { this[kResState].sendDate = Boolean(v); }
    get statusCode() { return this[kResState].statusCode; }
    set statusCode(code) {
      code |= 0;
      if (code >= 100 && code < 200) throw new codes.ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
      if (code < 100 || code > 599) throw new codes.ERR_HTTP2_STATUS_INVALID(code);
      this[kResState].statusCode = code;
    }
    get writableCorked() { return this[kStream].writableCorked; }
    get writableHighWaterMark() { return this[kStream].writableHighWaterMark; }
    get writableFinished() { return this[kStream].writableFinished; }
    get writableLength() { return this[kStream].writableLength; }
    setTrailer(name, value) {
      validateString(name, 'name');
      name = name.trim().toLowerCase();
      assertValidHeader(name, value);
      this[kTrailers][name] = value;
    }
    addTrailers(headers) {
      const keys = Object.keys(headers);
      for (let i = 0; i < keys.length; i++) this.setTrailer(keys[i], headers[keys[i]]);
    }
    getHeader(name) {
      validateString(name, 'name');
      return this[kHeaders][name.trim().toLowerCase()];
    }
    getHeaderNames() { return Object.keys(this[kHeaders]); }
    getHeaders() { return Object.assign({ __proto__: null }, this[kHeaders]); }
    hasHeader(name) {
      validateString(name, 'name');
      return Object.prototype.hasOwnProperty.call(this[kHeaders], name.trim().toLowerCase());
    }
    removeHeader(name) {
      validateString(name, 'name');
      if (this[kStream].headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      name = name.trim().toLowerCase();
      if (name === 'date') {
        this[kResState].sendDate = false;
        return;
      }
      delete this[kHeaders][name];
    }
    setHeader(name, value) {
      validateString(name, 'name');
      if (this[kStream].headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      this[kSetHeader](name, value);
    }
    [kSetHeader](name, value) {
      name = name.trim().toLowerCase();
      if (!compatHeaderOk(this, name, value)) return;
      this[kHeaders][name] = value;
    }
    appendHeader(name, value) {
      validateString(name, 'name');
      if (this[kStream].headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      this[kAppendHeader](name, value);
    }
    [kAppendHeader](name, value) {
      name = name.trim().toLowerCase();
      if (!compatHeaderOk(this, name, value)) return;
      const headers = this[kHeaders];
      if (!headers[name]) {
        this.setHeader(name, value);
        return;
      }
      if (!Array.isArray(headers[name])) headers[name] = [headers[name]];
      const list = headers[name];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) list.push(value[i]);
      } else {
        list.push(value);
      }
    }
    get statusMessage() {
      statusMessageWarn();
      return '';
    }
    set statusMessage(v) { statusMessageWarn(); }
    flushHeaders() {
      const state = this[kResState];
      if (!state.closed && !this[kStream].headersSent) this.writeHead(state.statusCode);
    }
    writeHead(statusCode, statusMessage, headers) {
      const state = this[kResState];
      const stream = this[kStream];
      if (state.closed || stream.destroyed || stream.closed) return this;
      if (stream.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
      if (typeof statusMessage === 'string') statusMessageWarn();
      if (headers === undefined && typeof statusMessage === 'object') headers = statusMessage;
      if (Array.isArray(headers)) {
        const pairs = headers.length > 0 && Array.isArray(headers[0]);
        // the array's fields replace those set before, keeping its own repeats
        if (pairs) {
          for (let i = 0; i < headers.length; i++) this.removeHeader(headers[i][0]);
          for (let i = 0; i < headers.length; i++) this[kAppendHeader](headers[i][0], headers[i][1]);
        } else {
          for (let i = 0; i < headers.length; i += 2) this.removeHeader(headers[i]);
          if (headers.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', headers);
          for (let i = 0; i < headers.length; i += 2) this[kAppendHeader](headers[i], headers[i + 1]);
        }
      } else if (typeof headers === 'object' && headers !== null) {
        const keys = Object.keys(headers);
        for (let i = 0; i < keys.length; i++) this[kSetHeader](keys[i], headers[keys[i]]);
      }
      state.statusCode = statusCode;
      this[kBeginSend]();
      return this;
    }
    cork() { this[kStream].cork(); }
    uncork() { this[kStream].uncork(); }
    write(chunk, encoding, cb) {
      const state = this[kResState];
      if (typeof encoding === 'function') {
        cb = encoding;
        encoding = 'utf8';
      }
      let err;
      if (state.ending) err = new codes.ERR_STREAM_WRITE_AFTER_END();
      else if (state.closed) err = new codes.ERR_HTTP2_INVALID_STREAM();
      else if (state.destroyed) return false;
      if (err) {
        if (typeof cb === 'function') process.nextTick(cb, err);
        this.destroy(err);
        return false;
      }
      const stream = this[kStream];
      if (!stream.headersSent) this.writeHead(state.statusCode);
      return stream.write(chunk, encoding, cb);
    }
    end(chunk, encoding, cb) {
      const stream = this[kStream];
      const state = this[kResState];
      if (typeof chunk === 'function') {
        cb = chunk;
        chunk = null;
      } else if (typeof encoding === 'function') {
        cb = encoding;
        encoding = 'utf8';
      }
      if ((state.closed || state.ending) && state.headRequest === stream.headRequest) {
        if (typeof cb === 'function') process.nextTick(cb);
        return this;
      }
      if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
      state.headRequest = stream.headRequest;
      state.ending = true;
      if (typeof cb === 'function') {
        if (stream.writableEnded) this.once('finish', cb);
        else stream.once('finish', cb);
      }
      if (!stream.headersSent) this.writeHead(state.statusCode);
      if (state.closed || stream.destroyed) resOnStreamClose.call(stream);
      else stream.end();
      return this;
    }
    destroy(err) {
      const state = this[kResState];
      if (state.destroyed) return;
      state.destroyed = true;
      this[kStream].destroy(err);
    }
    setTimeout(msecs, cb) {
      if (this[kResState].closed) return;
      this[kStream].setTimeout(msecs, cb);
    }
    createPushResponse(headers, callback) {
      if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
      if (this[kResState].closed) {
        process.nextTick(callback, new codes.ERR_HTTP2_INVALID_STREAM());
        return;
      }
      this[kStream].pushStream(headers, {}, (err, stream) => {
        if (err) {
          callback(err);
          return;
        }
        callback(null, new Http2ServerResponse(stream));
      });
    }
    [kBeginSend]() {
      const state = this[kResState];
      const headers = this[kHeaders];
      headers[':status'] = state.statusCode;
      this[kStream].respond(headers, { endStream: state.ending, waitForTrailers: true, sendDate: state.sendDate });
    }
    writeContinue() {
      const stream = this[kStream];
      if (stream.headersSent || this[kResState].closed) return false;
      stream.additionalHeaders({ ':status': 100 });
      return true;
    }
    // writeEarlyHints sends a 103 with hints.link (checked as node's validateLinkHeaderValue;
    // an empty list sends nothing) and the other hints.
    writeEarlyHints(hints) {
      validateObject(hints, 'hints');
      const headers = { __proto__: null };
      const link = linkHeaderValue(hints.link);
      for (const k of Object.keys(hints)) {
        if (k !== 'link') headers[k] = hints[k];
      }
      if (link.length === 0) return false;
      const stream = this[kStream];
      if (stream.headersSent || this[kResState].closed) return false;
      stream.additionalHeaders({ ...headers, ':status': 103, 'Link': link });
      return true;
    }
  }

  const linkValueRe = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
  function linkHeaderValue(value) {
    const bad = (v) => new codes.ERR_INVALID_ARG_VALUE('hints', v,
      'must be an array or string of format "</styles.css>; rel=preload; as=style"');
    if (typeof value === 'string') {
      if (!linkValueRe.test(value)) throw bad(value);
      return value;
    }
    if (!Array.isArray(value)) throw bad(value);
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string' || !linkValueRe.test(value[i])) throw bad(value[i]);
    }
    return value.join(', ');
  }

  let statusMessageWarned = false;
  function statusMessageWarn() {
    if (statusMessageWarned) return;
    statusMessageWarned = true;
    process.emitWarning('Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)', 'UnsupportedWarning');
  }
  let connectionHeaderWarned = false;
  function connectionHeaderWarn() {
    if (connectionHeaderWarned) return;
    connectionHeaderWarned = true;
    process.emitWarning('The provided connection header is not valid, the value will be dropped from the ' +
      'header and will never be in use.', 'UnsupportedWarning');
  }

  // assertValidHeader checks a compat field as node's does: a name that is empty or has a
  // space, one of the five pseudo-headers, or a null value throw; a connection field other
  // than "connection: trailers" warns once.
  function assertValidHeader(name, value) {
    if (name === '' || typeof name !== 'string' || name.includes(' ')) {
      throw new codes.ERR_INVALID_HTTP_TOKEN('Header name', name);
    }
    if (name === ':status' || name === ':method' || name === ':path' || name === ':authority' || name === ':scheme') {
      throw new codes.ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    }
    if (value === undefined || value === null) throw new codes.ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
    if (name === 'connection' && value !== 'trailers') connectionHeaderWarn();
  }
  // compatHeaderOk: may the field go in the response's headers? (an invalid token destroys
  // the response with ERR_INVALID_HTTP_TOKEN and is still set, as node's)
  function compatHeaderOk(res, name, value) {
    assertValidHeader(name, value);
    if (name === 'connection' && value !== 'trailers') return false;
    if (name[0] === ':') {
      if (!requestPseudo.has(name) && name !== ':status') throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
    } else if (!tokenRe.test(name)) {
      res.destroy(new codes.ERR_INVALID_HTTP_TOKEN('Header name', name));
    }
    return true;
  }

  // performServerHandshake(socket, options) makes a server session (no server) on a socket the
  // program got some other way, as node's: it answers with the server's SETTINGS and emits
  // 'stream' for the client's requests.
  function performServerHandshake(socket, options) {
    if (options === undefined) options = {};
    validateObject(options, 'options');
    const session = new ServerHttp2Session({ ...options }, socket, undefined);
    socket.on('close', onSocketClose);
    socket.on('error', onSocketError);
    socket.on('timeout', onSocketTimeout);
    setupSession(session);
    return session;
  }

  impl = {
    Http2Session, ServerHttp2Session, ClientHttp2Session, Http2Stream, ServerHttp2Stream, ClientHttp2Stream,
    Http2Server, secureServerClass, connect, Http2ServerRequest, Http2ServerResponse, performServerHandshake,
  };
  return impl;
}

const core = loadImpl();
core.settingsList = settingsList;
core.settingsListValid = settingsListValid;
core.validateSettings = validateSettings;
module.exports = core;
