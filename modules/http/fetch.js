'use strict';
// internal/fetch: Headers, Request, Response, FormData and fetch() as Node 20 (undici) shapes
// them. The transfer is done by fetch's HTTP/1.1 client in Go (fetchclient.go, binding.start).

// Buffer, Blob and File are buffer's (taken when first needed: a program that only makes
// Headers loads neither buffer nor web streams). The body handling and fetch itself are parts
// compiled on first use (modules.GluePart).
let bufferMod = null;
function bufferM() { return bufferMod || (bufferMod = require('buffer')); }
let body_ = null;
// (their functions are called with no receiver, (0, part.f)(...), so that their frames read as
// before: "at consumeBody", not "at Object.consumeBody")
function bodyPart() {
  return body_ || (body_ = binding.part('body')({ FormData, isUsed, kEntries, kState, require }));
}
let fetch_ = null;
function fetchPart() {
  return fetch_ || (fetch_ = binding.part('fetch')({
    appendHeader, appendHeaderRaw, binding, bufferM, Headers, headersToFlat, kGuard, kHeaders, kList, kSignal, kState,
    markResource, nullBodyStatus, Request, require, Response,
  }));
}

// markResource reports a fetch's timing to perf_hooks (performance.markResourceTiming, as
// undici does). A fetch does not load perf_hooks: until it loads, the reports wait here, and
// it gets them as it loads (so getEntriesByType('resource') has them); without perf_hooks there
// is no observer to tell.
let perfLoaded = false;
let perfWaiting = null;
function markResource(info, url) {
  if (!perfLoaded && perfWaiting === null) {
    perfWaiting = [];
    internalBinding('internal/lazy_proto').whenLoaded('perf_hooks', () => {
      perfLoaded = true;
      const waiting = perfWaiting;
      perfWaiting = [];
      for (let i = 0; i < waiting.length; i += 2) markResource(waiting[i], waiting[i + 1]);
    });
  }
  if (!perfLoaded) {
    perfWaiting.push(info, url);
    return;
  }
  require('perf_hooks').performance.markResourceTiming(info, url, 'fetch', globalThis, '');
}

const kGuard = Symbol('guard');
const kList = Symbol('headers list');
const kState = Symbol('state');
const kHeaders = Symbol('headers');
const kSignal = Symbol('signal');
const kBody = Symbol('body');
const kEntries = Symbol('entries');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const forbiddenValue = /[\0\r\n]/;

function webidlTypeError(msg) { return new TypeError(msg); }

// undici's WebIDL checks, in its words: too few arguments, a symbol where a string is wanted, a
// dictionary that is no object, a value outside an enumeration.
// unsignedShort is WebIDL's unsigned short of v (a status): 65736 is 200.
function unsignedShort(v) {
  const n = Number(v);
  if (!Number.isFinite(n)) return 0;
  return ((Math.trunc(n) % 65536) + 65536) % 65536;
}

function argsRequired(ctx, min, got) {
  if (got < min) {
    throw webidlTypeError(`${ctx}: ${min} argument${min !== 1 ? 's' : ''} required, but${got ? ' only' : ''} ${got} found.`);
  }
}

function domString(v, ctx, what) {
  if (typeof v === 'symbol') throw webidlTypeError(`${ctx}: ${what} is a symbol, which cannot be converted to a DOMString.`);
  return `${v}`;
}

// byteString is WebIDL's ByteString (header names and values, a method, a status text): a
// DOMString whose characters all fit a byte, refused at the first that does not, in undici's words.
const wideChar = /[^\x00-\xff]/;
function byteString(v, ctx, what) {
  const x = domString(v, ctx, what);
  const m = wideChar.exec(x);
  if (m !== null) {
    throw webidlTypeError('Cannot convert argument to a ByteString because the character at ' +
      `index ${m.index} has a value of ${x.charCodeAt(m.index)} which is greater than 255.`);
  }
  return x;
}

function initDict(init, ctx) {
  if (init === null || init === undefined) return {};
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw webidlTypeError(`${ctx}: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
  }
  return init;
}

function enumMember(init, key, ctx, allowed) {
  const v = init[key];
  if (v === undefined) return undefined;
  const str = domString(v, ctx, `init.${key}`);
  if (!allowed.includes(str)) throw webidlTypeError(`${ctx}: ${str} is not an accepted type. Expected one of ${allowed.join(', ')}.`);
  return str;
}

const headersInitWords = 'Headers constructor: Argument 1 could not be converted to one of: ' +
  'sequence<sequence<ByteString>>, record<ByteString, ByteString>.';

function normalizeValue(v) {
  return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

// ---------------------------------------------------------------- Headers

class Headers {
  constructor(init = undefined) {
    // (not enumerable: undici keeps them in private fields, which inspect never shows)
    hidden(this, kList, new Map()); // lower name -> { name, display, values: [] }
    hidden(this, kGuard, 'none');
    if (init !== undefined) fillHeaders(this, init);
  }

  append(name, value) {
    checkThis(this, 'append');
    argsRequired('Headers.append', 2, arguments.length);
    appendHeader(this, byteString(name, 'Headers.append', 'name'), byteString(value, 'Headers.append', 'value'));
  }

  delete(name) {
    checkThis(this, 'delete');
    argsRequired('Headers.delete', 1, arguments.length);
    name = byteString(name, 'Headers.delete', 'name');
    if (!tokenRe.test(name)) throw webidlTypeError(`Headers.delete: "${name}" is an invalid header name.`);
    if (this[kGuard] === 'immutable') throw webidlTypeError('immutable');
    this[kList].delete(name.toLowerCase());
  }

  get(name) {
    checkThis(this, 'get');
    argsRequired('Headers.get', 1, arguments.length);
    name = byteString(name, 'Headers.get', 'name');
    if (!tokenRe.test(name)) throw webidlTypeError(`Headers.get: "${name}" is an invalid header name.`);
    const e = this[kList].get(name.toLowerCase());
    if (!e) return null;
    return e.name === 'set-cookie' ? e.values.join(', ') : e.values.join(', ');
  }

  getSetCookie() {
    checkThis(this, 'getSetCookie');
    const e = this[kList].get('set-cookie');
    return e ? e.values.slice() : [];
  }

  has(name) {
    checkThis(this, 'has');
    argsRequired('Headers.has', 1, arguments.length);
    name = byteString(name, 'Headers.has', 'name');
    if (!tokenRe.test(name)) throw webidlTypeError(`Headers.has: "${name}" is an invalid header name.`);
    return this[kList].has(name.toLowerCase());
  }

  set(name, value) {
    checkThis(this, 'set');
    argsRequired('Headers.set', 2, arguments.length);
    name = byteString(name, 'Headers.set', 'name');
    value = normalizeValue(byteString(value, 'Headers.set', 'value'));
    if (!tokenRe.test(name)) throw webidlTypeError(`Headers.set: "${name}" is an invalid header name.`);
    if (forbiddenValue.test(value)) throw webidlTypeError(`Headers.set: "${value}" is an invalid header value.`);
    if (this[kGuard] === 'immutable') throw webidlTypeError('immutable');
    const lower = name.toLowerCase();
    this[kList].set(lower, { name: lower, display: name, values: [value] });
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this, 'forEach');
    argsRequired('Headers.forEach', 1, arguments.length);
    if (typeof callback !== 'function') {
      throw webidlTypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  entries() { checkThis(this, 'entries'); return headersIterator(this, 'key+value'); }
  keys() { checkThis(this, 'keys'); return headersIterator(this, 'key'); }
  values() { checkThis(this, 'values'); return headersIterator(this, 'value'); }
  // as undici's: the headers as one object, in insertion order, each under the name it was first
  // given, the values joined
  [kInspect](depth, options) {
    options.depth ??= depth;
    const entries = {};
    for (const e of this[kList].values()) entries[e.display || e.name] = e.values.join(', ');
    return `Headers ${require('util').formatWithOptions(options, entries)}`;
  }
}
webClassSymbols(Headers, 'Headers', true);

// webClassSymbols gives a class's prototype, after its [util.inspect.custom], undici's
// Symbol.iterator (the entries method itself, when iterable) and its Symbol.toStringTag, a
// read-only data property, in that order.
function webClassSymbols(C, tag, iterable) {
  if (iterable) {
    Object.defineProperty(C.prototype, Symbol.iterator, {
      __proto__: null, value: C.prototype.entries, writable: true, enumerable: false, configurable: true,
    });
  }
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: tag, writable: false, enumerable: false, configurable: true,
  });
}

function hidden(obj, key, value) {
  Object.defineProperty(obj, key, { __proto__: null, value, writable: true, configurable: true, enumerable: false });
}

// illegalInvocation is undici's brand check failure (webidl.brandCheck).
function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function checkThis(self, name) {
  if (!self || !(kList in self)) throw illegalInvocation();
}

function checkFormData(self) {
  if (self === null || typeof self !== 'object' || !(kEntries in self)) throw illegalInvocation();
}

// webidlIterator makes the iterator class of an interface's pair iterable, as undici's
// makeIterator: a "<name> Iterator" object (over %IteratorPrototype%) whose next() reads the
// target's list as it is then (listOf; pairAt its i-th [name, value]), so changes made while
// iterating show.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
function webidlIterator(name, listOf, pairAt) {
  const kState = Symbol('iterator state');
  const proto = Object.create(IteratorPrototype);
  Object.defineProperty(proto, 'next', {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function next() {
      const st = this !== null && typeof this === 'object' ? this[kState] : undefined;
      if (st === undefined || Object.getPrototypeOf(this) !== proto) {
        throw new TypeError(`'next' called on an object that does not implement interface ${name} Iterator.`);
      }
      const list = listOf(st.target);
      if (st.index >= list.length) return { value: undefined, done: true };
      const pair = pairAt(list, st.index++);
      return { value: st.kind === 'key' ? pair[0] : st.kind === 'value' ? pair[1] : [pair[0], pair[1]], done: false };
    },
  });
  Object.defineProperty(proto, Symbol.toStringTag, { __proto__: null, value: `${name} Iterator`, configurable: true });
  return (target, kind) => {
    const it = Object.create(proto);
    Object.defineProperty(it, kState, { __proto__: null, value: { target, kind, index: 0 } });
    return it;
  };
}
const headersIterator = webidlIterator('Headers', sortedPairs, (list, i) => list[i]);
const formDataIterator = webidlIterator('FormData', (fd) => fd[kEntries], (list, i) => [list[i].name, list[i].value]);

function sortedPairs(h) {
  const names = [...h[kList].keys()].sort();
  const out = [];
  for (const n of names) {
    const e = h[kList].get(n);
    if (n === 'set-cookie') for (const v of e.values) out.push([n, v]);
    else out.push([n, e.values.join(', ')]);
  }
  return out;
}

// the headers the classes themselves add go past the public methods, as undici's do (mocking
// libraries patch Headers.prototype to record what users set)
function setHeaderInternal(h, lower, value) {
  h[kList].set(lower, { name: lower, values: [value] });
}

function appendHeader(h, name, value) {
  value = normalizeValue(value);
  name = `${name}`;
  if (!tokenRe.test(name)) throw webidlTypeError(`Headers.append: "${name}" is an invalid header name.`);
  if (forbiddenValue.test(value)) throw webidlTypeError(`Headers.append: "${value}" is an invalid header value.`);
  if (h[kGuard] === 'immutable') throw webidlTypeError('immutable');
  const lower = name.toLowerCase();
  const e = h[kList].get(lower);
  if (e) e.values.push(value);
  else h[kList].set(lower, { name: lower, display: name, values: [value] });
}

// appendHeaderRaw adds a field of a fetched response as undici's header list does, unchecked
// (its parser has taken the name and value: a name may hold a blank, which Headers refuses).
function appendHeaderRaw(h, lower, value) {
  const e = h[kList].get(lower);
  if (e) e.values.push(value);
  else h[kList].set(lower, { name: lower, display: lower, values: [value] });
}

function fillHeaders(h, init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) throw webidlTypeError(headersInitWords);
  if (init instanceof Headers) {
    for (const [k, v] of init[kList]) h[kList].set(k, { name: v.name, display: v.display, values: v.values.slice() });
    return;
  }
  // (undici's words say "contructor" here)
  const ctx = 'Headers contructor';
  if (typeof init[Symbol.iterator] === 'function') {
    let i = 0;
    for (const pair of init) {
      if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') {
        const shown = pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ?
          ` (${typeof pair === 'string' ? `"${pair}"` : String(pair)})` : '';
        throw webidlTypeError(`${ctx}: init[${i}]${shown} is not iterable.`);
      }
      const arr = [...pair];
      for (let j = 0; j < arr.length; j++) arr[j] = byteString(arr[j], ctx, `init[${i}][${j}]`);
      if (arr.length !== 2) throw webidlTypeError('Headers constructor: expected name/value pair to be length 2, found ' + arr.length + '.');
      appendHeader(h, arr[0], arr[1]);
      i++;
    }
    return;
  }
  for (const k of Reflect.ownKeys(init)) {
    const d = Reflect.getOwnPropertyDescriptor(init, k);
    if (d === undefined || !d.enumerable) continue;
    const name = byteString(k, ctx, 'init');
    appendHeader(h, name, byteString(init[k], ctx, 'init'));
  }
}

// headersToFlat: a request's header list as undici writes it, in its order, each name as first
// given with its values joined (a cookie's with '; ')
function headersToFlat(h) {
  const out = [];
  for (const [, e] of h[kList]) out.push(e.display || e.name, e.values.join(e.name === 'cookie' ? '; ' : ', '));
  return out;
}

// ---------------------------------------------------------------- FormData

class FormData {
  // (one declared parameter: FormData.length is 1, as undici's)
  constructor(form) {
    if (form !== undefined) throw webidlTypeError("FormData constructor: Argument 1 could not be converted to: undefined.");
    this[kEntries] = [];
  }
  append(name, value, filename = undefined) {
    checkFormData(this);
    argsRequired('FormData.append', 2, arguments.length);
    this[kEntries].push(makeEntry('append', arguments.length, name, value, filename));
  }
  delete(name) {
    checkFormData(this);
    argsRequired('FormData.delete', 1, arguments.length);
    name = `${name}`;
    this[kEntries] = this[kEntries].filter((e) => e.name !== name);
  }
  get(name) {
    checkFormData(this);
    argsRequired('FormData.get', 1, arguments.length);
    name = `${name}`;
    const e = this[kEntries].find((x) => x.name === name);
    return e ? e.value : null;
  }
  getAll(name) {
    checkFormData(this);
    argsRequired('FormData.getAll', 1, arguments.length);
    name = `${name}`;
    return this[kEntries].filter((e) => e.name === name).map((e) => e.value);
  }
  has(name) {
    checkFormData(this);
    argsRequired('FormData.has', 1, arguments.length);
    name = `${name}`;
    return this[kEntries].some((e) => e.name === name);
  }
  set(name, value, filename = undefined) {
    checkFormData(this);
    argsRequired('FormData.set', 2, arguments.length);
    const entry = makeEntry('set', arguments.length, name, value, filename);
    const i = this[kEntries].findIndex((e) => e.name === entry.name);
    if (i === -1) this[kEntries].push(entry);
    else {
      this[kEntries][i] = entry;
      this[kEntries] = this[kEntries].filter((e, j) => j <= i || e.name !== entry.name);
    }
  }
  entries() { checkFormData(this); return formDataIterator(this, 'key+value'); }
  keys() { checkFormData(this); return formDataIterator(this, 'key'); }
  values() { checkFormData(this); return formDataIterator(this, 'value'); }
  forEach(cb, thisArg = undefined) {
    checkFormData(this);
    argsRequired('FormData.forEach', 1, arguments.length);
    if (typeof cb !== 'function') {
      throw webidlTypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this) cb.call(thisArg, v, k, this);
  }

  // as undici's: the entries as one null-prototype object, a repeated name's values in an array
  [kInspect](depth, options) {
    const state = { __proto__: null };
    for (const e of this[kEntries]) {
      if (!(e.name in state)) state[e.name] = e.value;
      else if (Array.isArray(state[e.name])) state[e.name].push(e.value);
      else state[e.name] = [state[e.name], e.value];
    }
    options.depth ??= depth;
    options.colors ??= true;
    const output = require('util').formatWithOptions(options, state);
    return `FormData ${output.slice(output.indexOf(']') + 2)}`;
  }
}
webClassSymbols(FormData, 'FormData', true);

// inspectFields is how undici shows a Request or a Response: its public fields
function inspectFields(name, self, fields, options) {
  if (options.depth === null) options.depth = 2;
  options.colors ??= true;
  const props = {};
  for (const f of fields) props[f] = self[f];
  return `${name} ${require('util').formatWithOptions(options, props)}`;
}
const responseFields = ['status', 'statusText', 'headers', 'body', 'bodyUsed', 'ok', 'redirected', 'type', 'url'];
let patchWarned = false;
// cloneControllers maps a Request's signal to the controllers of its clones' signals
const cloneControllers = new WeakMap();
function abortClones(signal) {
  const list = cloneControllers.get(signal);
  if (list === undefined) return;
  cloneControllers.delete(signal);
  for (let i = 0; i < list.length; i++) list[i].abort(signal.reason);
}
// (set while clone() makes its copy, which leaves the original's body usable)
let cloning = false;
const requestFields = ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode',
  'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation',
  'isHistoryNavigation', 'signal'];

function makeEntry(method, argc, name, value, filename) {
  const { Blob, File } = bufferM();
  name = `${name}`;
  if (argc === 3 && !(value instanceof Blob)) {
    throw webidlTypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
  if (value instanceof Blob) {
    if (!(value instanceof File) || filename !== undefined) {
      const fname = filename !== undefined ? `${filename}` : (value instanceof File ? value.name : 'blob');
      value = new File([value], fname, { type: value.type });
    }
    return { name, value };
  }
  return { name, value: `${value}` };
}

// As the spec's "body used": consumed, or its stream disturbed (read from or cancelled, as
// through body.getReader()).
const kDisturbed = Symbol.for('nodejs.stream.disturbed');
function isUsed(st) {
  return st.bodyUsed || (st.stream != null && st.stream[kDisturbed] === true);
}

// isUnusable is undici's bodyUnusable, which clone() checks: a body read from, or whose stream
// is locked (a reader, a tee, a pipe).
function isUnusable(st) {
  return isUsed(st) || (st.stream != null && st.stream.locked);
}

// A fetched response's body is a source of chunks (st.pending: readAll(), toStream(used)) until
// its ReadableStream is asked for (body, clone): web streams are made only then. bodyStream
// makes it, locked and read from when the body was consumed already.
function bodyStream(st) {
  if (st.pending != null) {
    if (st.stream == null) st.stream = st.pending.toStream(st.bodyUsed);
    st.pending = null;
  }
  return st.stream;
}

// ---------------------------------------------------------------- Body (a part)

//#part body
(function makeBody({ FormData, isUsed, kEntries, kState, require }) {
const { Buffer, Blob, File } = require('buffer');
// (web streams are loaded when a body is a stream or one is asked for: a string body read with
// text() needs none)
let webStreams = null;
function RS() { return (webStreams || (webStreams = require('stream/web'))).ReadableStream; }

function serializeFormData(fd) {
  const boundary = '----formdata-undici-0' + String(Math.random()).slice(2, 13).padStart(11, '0');
  const parts = [];
  const esc = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  for (const { name, value } of fd[kEntries]) {
    if (typeof value === 'string') {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`));
    } else {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"; filename="${esc(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      parts.push(blobBytes(value));
      parts.push(Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(parts), type: 'multipart/form-data; boundary=' + boundary };
}

function blobBytes(blob) {
  // Blob in gojs keeps its bytes; slice(0) + a sync accessor is not public, so read through
  // arrayBuffer's internal fast path when available.
  const sym = Object.getOwnPropertySymbols(blob).find((s) => Buffer.isBuffer(blob[s]));
  if (sym) return blob[sym];
  throw new TypeError('unsupported Blob');
}

// ---------------------------------------------------------------- Body

// extractBody returns { source: Buffer|null, stream: ReadableStream|null, type }. A
// ReadableStream or any async iterable (a Node Readable, an async generator) is a stream body,
// which a keepalive request cannot have and which must be neither read from nor locked.
function extractBody(object, keepalive = false) {
  if (typeof object === 'string') return { source: Buffer.from(object), type: 'text/plain;charset=UTF-8' };
  if (object instanceof URLSearchParams) return { source: Buffer.from(object.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (object instanceof ArrayBuffer) return { source: Buffer.from(object.slice(0)), type: null };
  if (ArrayBuffer.isView(object)) return { source: Buffer.from(object.buffer.slice(object.byteOffset, object.byteOffset + object.byteLength)), type: null };
  if (object instanceof Blob) return { source: Buffer.from(blobBytes(object)), type: object.type || null };
  if (object instanceof FormData) {
    const { bytes, type } = serializeFormData(object);
    return { source: bytes, type };
  }
  // (a ReadableStream is async iterable; one that lost its iterator still has getReader)
  if (object != null && (typeof object[Symbol.asyncIterator] === 'function' ||
      (typeof object.getReader === 'function' && object instanceof RS()))) {
    if (keepalive) throw new TypeError('keepalive');
    if (require('stream').isDisturbed(object) || object.locked) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    return { source: null, stream: object instanceof RS() ? object : streamFromIterable(object), type: null };
  }
  return { source: Buffer.from(String(object)), type: 'text/plain;charset=UTF-8' };
}

// streamFromIterable is undici's ReadableStreamFrom: a byte stream pulling the iterable's values
// one at a time as bytes (a string's UTF-8), an empty one skipped; cancelling it returns the
// iterator.
function streamFromIterable(iterable) {
  let iterator;
  return new (RS())({
    type: 'bytes',
    start() { iterator = iterable[Symbol.asyncIterator](); },
    pull(controller) {
      return Promise.resolve(iterator.next()).then(({ done, value }) => {
        if (done) {
          queueMicrotask(() => {
            controller.close();
            if (controller.byobRequest) controller.byobRequest.respond(0);
          });
          return;
        }
        const buf = Buffer.isBuffer(value) ? value : Buffer.from(value);
        if (buf.byteLength) controller.enqueue(new Uint8Array(buf));
      });
    },
    cancel() {
      if (typeof iterator.return === 'function') return Promise.resolve(iterator.return()).then(() => {});
    },
  }, { highWaterMark: 0 });
}

// bodyStreamFrom is a byte source's stream as undici makes it: its bytes are enqueued when first
// pulled, and it is closed a promise job later.
function bodyStreamFrom(buf) {
  return new (RS())({
    type: 'bytes',
    start() {},
    pull(controller) {
      // (a copy: a byte stream's enqueue detaches the chunk's buffer, and buf may be shared
      // with a clone or still be the body's source)
      if (buf.length) controller.enqueue(new Uint8Array(buf));
      queueMicrotask(() => {
        controller.close();
        if (controller.byobRequest) controller.byobRequest.respond(0);
      });
    },
  });
}

const same = (v) => v;

// As the spec's UTF-8 decode: a leading BOM is dropped.
function utf8Decode(buf) {
  return buf.toString('utf8', buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
}

function consumeBody(self, kind) {
  const st = self[kState];
  if (isUsed(st) || (st.stream && st.stream.locked)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  // (undici's throwIfAborted: a fetched response whose signal aborted before its body was read)
  if (st.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
  // (a null body is not disturbed by being read: bodyUsed stays false, and it reads again)
  if (st.source != null || st.stream != null || st.pending != null) st.bodyUsed = true;
  // The value comes as many promise jobs after the bytes are read as undici's reader and steps
  // take (hops: jobs added after the read): a program's promise chains and ticks see it when
  // node's do.
  let p;
  let hops;
  if (st.pending != null && st.stream == null) {
    // (a fetched body no one asked the stream of is read from its chunks as they come)
    p = st.pending.readAll();
    hops = 6;
  } else if (st.stream) {
    const reader = st.stream.getReader();
    const chunks = [];
    p = new Promise((resolve, reject) => {
      function pump() {
        reader.read().then(({ done, value }) => {
          if (done) return resolve(Buffer.concat(chunks));
          if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
          chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
          pump();
        }).catch(reject);
      }
      pump();
    });
    hops = 3;
  } else if (st.source != null) {
    p = Promise.resolve(st.source);
    hops = 6;
  } else {
    p = Promise.resolve(Buffer.alloc(0));
    hops = 1;
  }
  for (let i = 0; i < hops; i++) p = p.then(same);
  return p.then((buf) => {
    switch (kind) {
      case 'text': return utf8Decode(buf);
      case 'json': return JSON.parse(utf8Decode(buf));
      case 'arrayBuffer': return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
      case 'bytes': return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
      case 'blob': return new Blob([buf], { type: self.headers.get('content-type') || '' });
      case 'formData': return parseFormData(buf, self.headers.get('content-type') || '');
    }
  });
}

// parseFormData is undici's formData(): the MIME type's essence picks the parser (anything but
// the two form types is refused), and a multipart body that is not a well-formed list of named
// parts, from the first boundary to the closing one, fails to parse.
function parseFormData(buf, type) {
  const fd = new FormData();
  const essence = type.split(';')[0].trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(buf.toString())) fd.append(k, v);
    return fd;
  }
  if (essence !== 'multipart/form-data') {
    throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
  }
  const failed = () => new TypeError('Failed to parse body as FormData.');
  const m = /;\s*boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!m) throw failed();
  const boundary = '--' + (m[1] || m[2]).trim();
  const s = buf.toString('latin1');
  if (!s.startsWith(boundary)) throw failed();
  const pieces = s.split(boundary);
  let closed = false;
  for (let i = 1; i < pieces.length; i++) {
    let p = pieces[i];
    if (p.startsWith('--')) {
      closed = true;
      break;
    }
    if (!p.startsWith('\r\n') || !p.endsWith('\r\n')) throw failed();
    p = p.slice(2, -2);
    const sep = p.indexOf('\r\n\r\n');
    if (sep === -1) throw failed();
    const head = p.slice(0, sep);
    const body = p.slice(sep + 4);
    const name = /name="([^"]*)"/i.exec(head);
    const filename = /filename="([^"]*)"/i.exec(head);
    const ctype = /content-type:\s*([^\r\n]+)/i.exec(head);
    if (!/content-disposition:\s*form-data/i.test(head) || !name) throw failed();
    if (filename) fd.append(name[1], new File([Buffer.from(body, 'latin1')], filename[1], { type: ctype ? ctype[1] : '' }));
    else fd.append(name[1], Buffer.from(body, 'latin1').toString('utf8'));
  }
  if (!closed) throw failed();
  return fd;
}

return { blobBytes, bodyStreamFrom, consumeBody, extractBody, parseFormData };
})
//#end body

const bodyMixin = {
  get body() {
    const st = this[kState];
    if (st.pending != null) bodyStream(st);
    if (!st.stream && !st.source) return null;
    if (!st.stream) st.stream = (0, bodyPart().bodyStreamFrom)(st.source);
    return st.stream;
  },
  get bodyUsed() { return isUsed(this[kState]); },
  blob() { return (0, bodyPart().consumeBody)(this, 'blob'); },
  arrayBuffer() { return (0, bodyPart().consumeBody)(this, 'arrayBuffer'); },
  text() { return (0, bodyPart().consumeBody)(this, 'text'); },
  json() { return (0, bodyPart().consumeBody)(this, 'json'); },
  formData() { return (0, bodyPart().consumeBody)(this, 'formData'); },
  bytes() { return (0, bodyPart().consumeBody)(this, 'bytes'); },
};

// undici's webidl makes every attribute and operation of the fetch interfaces enumerable (a
// for-in over a Response or Headers sees them), static ones too, in the order of its
// definitions, which names gives (each is taken out and put back at the end)
function enumerable(target, names) {
  for (const k of names.split(',')) {
    const d = Object.getOwnPropertyDescriptor(target, k);
    if (d === undefined) continue;
    delete target[k];
    Object.defineProperty(target, k, { __proto__: null, ...d, enumerable: true });
  }
}

function mixBody(proto) {
  for (const k of Object.getOwnPropertyNames(bodyMixin)) {
    Object.defineProperty(proto, k, { __proto__: null, ...Object.getOwnPropertyDescriptor(bodyMixin, k), enumerable: true });
  }
}

// ---------------------------------------------------------------- Response

const nullBodyStatus = [101, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];

class Response {
  constructor(body = null, init = {}) {
    // (undici's converters name no context here: its words read "undefined: ...")
    if (typeof body === 'symbol') domString(body, 'undefined', 'undefined');
    init = initDict(init, 'undefined');
    const status = init.status !== undefined ? unsignedShort(init.status) : 200;
    const statusText = init.statusText !== undefined ? byteString(init.statusText, 'undefined', 'undefined.statusText') : '';
    if (status < 200 || status > 599) {
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    }
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(statusText)) throw webidlTypeError('Invalid statusText');
    this[kHeaders] = new Headers(init.headers);
    this[kState] = {
      type: 'default', status, statusText,
      urlList: [], bodyUsed: false, source: null, stream: null, pending: null,
    };
    if (body !== null && body !== undefined) {
      if (nullBodyStatus.includes(status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      const ex = (0, bodyPart().extractBody)(body);
      this[kState].source = ex.source;
      this[kState].stream = ex.stream || null;
      if (ex.type && !this[kHeaders][kList].has('content-type')) appendHeader(this[kHeaders], 'content-type', ex.type);
    }
  }
  static error() {
    const r = new Response(null, { status: 200 });
    r[kState].type = 'error';
    r[kState].status = 0;
    r[kHeaders][kGuard] = 'immutable';
    return r;
  }
  static json(data, init = {}) {
    argsRequired('Response.json', 1, arguments.length);
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const r = new Response(text, init);
    setHeaderInternal(r[kHeaders], 'content-type', 'application/json');
    return r;
  }
  static redirect(url, status = 302) {
    argsRequired('Response.redirect', 1, arguments.length);
    url = domString(url, 'Response.redirect', 'url');
    status = unsignedShort(status);
    let parsed;
    try {
      parsed = new URL(url);
    } catch (e) {
      throw new TypeError('Failed to parse URL from ' + url, { cause: e });
    }
    if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status });
    setHeaderInternal(r[kHeaders], 'location', parsed.href);
    r[kHeaders][kGuard] = 'immutable';
    return r;
  }
  get type() { return this[kState].type; }
  // undici's state: the URLs the response came through (mocking libraries push to it)
  get url() {
    const list = this[kState].urlList;
    if (!list.length) return '';
    const u = String(list[list.length - 1]);
    const hash = u.indexOf('#');
    return hash < 0 ? u : u.slice(0, hash);
  }
  get redirected() { return this[kState].urlList.length > 1; }
  get status() { return this[kState].status; }
  get ok() { return this[kState].status >= 200 && this[kState].status <= 299; }
  get statusText() { return this[kState].statusText; }
  get headers() { return this[kHeaders]; }
  clone() {
    if (isUnusable(this[kState])) throw new TypeError('Response.clone: Body has already been consumed.');
    const st = this[kState];
    bodyStream(st);
    // (a body of bytes is teed too, as undici clones every body by its stream)
    if (st.stream == null && st.source != null) st.stream = (0, bodyPart().bodyStreamFrom)(st.source);
    const r = new Response(null, { status: this.status === 0 ? 200 : this.status, statusText: this.statusText, headers: this[kHeaders] });
    Object.assign(r[kState], { ...this[kState] });
    r[kState].urlList = this[kState].urlList.slice();
    if (this[kState].stream) {
      const [a, b] = this[kState].stream.tee();
      this[kState].stream = a;
      r[kState].stream = b;
    }
    return r;
  }
  [kInspect](depth, options) { return inspectFields('Response', this, responseFields, options); }
}
webClassSymbols(Response, 'Response', false);
mixBody(Response.prototype);
enumerable(Response.prototype, 'type,url,redirected,status,ok,statusText,headers,body,bodyUsed,clone,blob,arrayBuffer,text,json,formData,bytes');
enumerable(Response, 'error,json,redirect');

// ---------------------------------------------------------------- Request

class Request {
  constructor(input, init = {}) {
    const ctx = 'Request constructor';
    argsRequired(ctx, 1, arguments.length);
    init = initDict(init, ctx);
    // (RequestInit's members are converted and checked as undici's dictionary converts them, in
    // its order, before anything else)
    if (init.method !== undefined) byteString(init.method, ctx, 'init.method');
    const referrerPolicy = enumMember(init, 'referrerPolicy', ctx, ['', 'no-referrer', 'no-referrer-when-downgrade',
      'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url']);
    const mode = enumMember(init, 'mode', ctx, ['navigate', 'same-origin', 'no-cors', 'cors']);
    const credentials = enumMember(init, 'credentials', ctx, ['omit', 'same-origin', 'include']);
    const cache = enumMember(init, 'cache', ctx, ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']);
    enumMember(init, 'redirect', ctx, ['follow', 'manual', 'error']);
    enumMember(init, 'duplex', ctx, ['half']);
    if (mode === 'navigate') throw webidlTypeError('Request constructor: invalid request mode navigate.');
    let st;
    if (input instanceof Request) {
      st = { ...input[kState], headers: undefined };
      st.headersInit = input[kHeaders];
    } else {
      let parsed;
      try {
        parsed = new URL(`${input}`);
      } catch (e) {
        throw new TypeError('Failed to parse URL from ' + input, { cause: e });
      }
      if (parsed.username || parsed.password) {
        throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + input);
      }
      st = { url: parsed.href, method: 'GET', redirect: 'follow', signal: null, source: null, stream: null, bodyUsed: false, keepalive: false };
    }
    // (a window other than null is refused; a Request made with any init member forgets the
    // referrer and its policy of the one it copies, as undici's)
    if (init.window != null) throw new TypeError("'window' option 'client' must be null");
    if (Object.keys(init).length !== 0) {
      st.referrer = undefined;
      st.referrerPolicy = undefined;
    }
    if (init.referrer !== undefined) {
      const referrer = `${init.referrer}`;
      if (referrer === '') {
        st.referrer = 'no-referrer';
      } else {
        let parsed;
        try {
          parsed = new URL(referrer);
        } catch (e) {
          throw new TypeError(`Referrer "${referrer}" is not a valid URL.`, { cause: e });
        }
        st.referrer = parsed.protocol === 'about:' && parsed.pathname === 'client' ? undefined : parsed.href;
      }
    }
    if (mode !== undefined) st.mode = mode;
    if (credentials !== undefined) st.credentials = credentials;
    if (cache !== undefined) st.cache = cache;
    if (referrerPolicy !== undefined) st.referrerPolicy = referrerPolicy;
    if (st.cache === 'only-if-cached' && (st.mode || 'cors') !== 'same-origin') {
      throw webidlTypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    if (init.method !== undefined) {
      const m = `${init.method}`;
      if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      const up = m.toUpperCase();
      if (up === 'CONNECT' || up === 'TRACE' || up === 'TRACK') throw new TypeError(`'${m}' HTTP method is unsupported.`);
      st.method = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(up) ? up : m;
      // (a lowercase 'patch' is kept as given, and warned about once per process, as undici)
      if (!patchWarned && st.method === 'patch') {
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. `PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
        patchWarned = true;
      }
    }
    if (init.redirect !== undefined) st.redirect = `${init.redirect}`;
    if (init.integrity != null) st.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) st.keepalive = Boolean(init.keepalive);
    // (a request that follows no signal makes its own, which nothing can abort, when it is
    // first read: AbortController loads event targets)
    const parentSignal = init.signal !== undefined ? init.signal : (input instanceof Request ? input[kSignal] : null);
    this[kSignal] = null;
    if (parentSignal != null) {
      if (typeof parentSignal !== 'object' || typeof parentSignal.aborted !== 'boolean') {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      const ac = new AbortController();
      if (parentSignal.aborted) {
        ac.abort(parentSignal.reason);
      } else if (cloning) {
        // (a clone's controller is aborted by the original's once the original's own 'abort'
        // listeners have run, and aborts its own clones from its first listener, as undici's
        // dependent controllers)
        let list = cloneControllers.get(parentSignal);
        if (list === undefined) cloneControllers.set(parentSignal, list = []);
        list.push(ac);
        ac.signal.addEventListener('abort', () => abortClones(ac.signal), { once: true });
      } else {
        parentSignal.addEventListener('abort', () => {
          ac.abort(parentSignal.reason);
          abortClones(ac.signal);
        }, { once: true });
      }
      this[kSignal] = ac.signal;
    }
    if (st.mode === 'no-cors' && st.method !== 'GET' && st.method !== 'HEAD' && st.method !== 'POST') {
      throw new TypeError(`'${st.method} is unsupported in no-cors mode.`);
    }
    this[kHeaders] = new Headers(init.headers !== undefined ? init.headers : st.headersInit);
    delete st.headersInit;
    st.bodyUsed = false;
    const inputBody = input instanceof Request && (input[kState].source != null || input[kState].stream != null);
    if ((init.body != null || inputBody) && (st.method === 'GET' || st.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (init.body !== undefined && init.body !== null) {
      const ex = (0, bodyPart().extractBody)(init.body, st.keepalive);
      st.source = ex.source;
      st.stream = ex.stream || null;
      if (ex.type && !this[kHeaders][kList].has('content-type')) this[kHeaders].append('content-type', ex.type); // (undici's Request uses the public method)
      // (a body that is a stream wants to be told it is sent while the response may come)
      if (ex.source === null && init.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
    } else if (input instanceof Request && init.body === undefined) {
      const inSt = input[kState];
      if (isUsed(inSt)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      // (the body moves to the new request: the input's is used from now on, as undici's)
      if (!cloning && (inSt.source != null || inSt.stream != null)) inSt.bodyUsed = true;
    }
    this[kState] = st;
  }
  get method() { return this[kState].method; }
  get url() { return this[kState].url; }
  get headers() { return this[kHeaders]; }
  get redirect() { return this[kState].redirect; }
  get signal() { return this[kSignal] || (this[kSignal] = new AbortController().signal); }
  get keepalive() { return this[kState].keepalive; }
  get destination() { return ''; }
  get referrer() {
    const r = this[kState].referrer;
    return r === undefined ? 'about:client' : r === 'no-referrer' ? '' : r;
  }
  get referrerPolicy() { return this[kState].referrerPolicy || ''; }
  get mode() { return this[kState].mode || 'cors'; }
  get credentials() { return this[kState].credentials || 'same-origin'; }
  get cache() { return this[kState].cache || 'default'; }
  get integrity() { return this[kState].integrity || ''; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return 'half'; }
  clone() {
    if (isUnusable(this[kState])) throw new TypeError('unusable'); // (undici's words for a Request)
    cloning = true;
    let r;
    try {
      r = new Request(this);
    } finally {
      cloning = false;
    }
    // (a body of bytes is teed too, as undici clones every body by its stream; fetch still
    // sends the bytes)
    if (this[kState].stream == null && this[kState].source != null) {
      this[kState].stream = (0, bodyPart().bodyStreamFrom)(this[kState].source);
    }
    if (this[kState].stream) {
      const [a, b] = this[kState].stream.tee();
      this[kState].stream = a;
      r[kState].stream = b;
    }
    return r;
  }
  [kInspect](depth, options) { return inspectFields('Request', this, requestFields, options); }
}
webClassSymbols(Request, 'Request', false);
mixBody(Request.prototype);
enumerable(Request.prototype, 'method,url,headers,destination,referrer,referrerPolicy,mode,credentials,cache,redirect,integrity,keepalive,isReloadNavigation,isHistoryNavigation,signal,body,bodyUsed,duplex,clone,blob,arrayBuffer,text,json,formData,bytes');
// (undici 5 lists an 'attribute' among Request's properties: an enumerable undefined)
Object.defineProperty(Request.prototype, 'attribute', { __proto__: null, enumerable: true });
enumerable(Headers.prototype, 'append,delete,get,has,set,getSetCookie,keys,values,entries,forEach');
enumerable(FormData.prototype, 'append,delete,get,getAll,has,set,keys,values,entries,forEach');

// ---------------------------------------------------------------- fetch

// fetch is node's global: a plain function (not an async one) calling undici's fetch.
function fetch(input, init = undefined) {
  return undiciFetch(input, init);
}

// undiciFetch is undici's fetch (fetchRequest here) wrapped in an async function that awaits
// it and, when it fails, takes the error's stack again there (undici:14976, the place
// runtime's nodeGlueFrame gives this frame): the failure's stack is that frame, the tick
// processing's it ran from, and the async functions awaiting the fetch.
async function undiciFetch(input, init) {
  try {
    return await (0, fetchPart().fetchRequest)(input, init);
  } catch (err) {
    if (typeof err === 'object' && err !== null) Error.captureStackTrace(err);
    throw err;
  }
}

//#part fetch
(function makeFetch({
  appendHeader, appendHeaderRaw, binding, bufferM, Headers, headersToFlat, kGuard, kHeaders, kList, kSignal, kState,
  markResource, nullBodyStatus, Request, require, Response,
}) {
const { Buffer } = bufferM();

// https://fetch.spec.whatwg.org/#port-blocking (undici's list in node 20)
const badPorts = new Set(['1', '7', '9', '11', '13', '15', '17', '19', '20', '21', '22', '23', '25', '37', '42', '43', '53', '69', '77', '79', '87', '95', '101', '102', '103', '104', '109', '110', '111', '113', '115', '117', '119', '123', '135', '137', '139', '143', '161', '179', '389', '427', '465', '512', '513', '514', '515', '526', '530', '531', '532', '540', '548', '554', '556', '563', '587', '601', '636', '989', '990', '993', '995', '1719', '1720', '1723', '2049', '3659', '4045', '4190', '5060', '5061', '6000', '6566', '6665', '6666', '6667', '6668', '6669', '6679', '6697', '10080']);

// resourceTiming collects what undici's timing info holds for one fetch, and reports it to
// perf_hooks (a PerformanceResourceTiming entry, markResource) as undici does: once the body has
// been read to its end (or cancelled), on a later turn. Connection times are the request's start: gojs's
// client does not tell them apart.
function resourceTiming(url) {
  const performance = binding; // (its now() is performance.now())
  const start = performance.now();
  const info = {
    startTime: start, redirectStartTime: 0, redirectEndTime: 0, postRedirectStartTime: start,
    finalServiceWorkerStartTime: 0, finalNetworkRequestStartTime: 0, finalNetworkResponseStartTime: 0,
    endTime: 0, encodedBodySize: 0, decodedBodySize: 0, finalConnectionTimingInfo: null,
  };
  let reported = false;
  return {
    info,
    request() {
      const t = performance.now();
      info.finalNetworkRequestStartTime = t;
      info.finalConnectionTimingInfo = {
        domainLookupStartTime: t, domainLookupEndTime: t, connectionStartTime: t, connectionEndTime: t,
        secureConnectionStartTime: t, ALPNNegotiatedProtocol: undefined,
      };
    },
    response(redirected) {
      const t = performance.now();
      if (redirected) {
        // (the followed request is known only by its response: it is taken to start then)
        info.redirectStartTime = start;
        info.redirectEndTime = t;
        info.postRedirectStartTime = t;
        this.request();
      }
      info.finalNetworkResponseStartTime = performance.now();
    },
    report() {
      if (reported) return;
      reported = true;
      info.endTime = performance.now();
      setImmediate(() => markResource(info, url));
    },
  };
}

function fetchRequest(input, init) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (e) {
      reject(e);
      return;
    }
    // (null: the request follows no signal, and nothing can abort it)
    const signal = request[kSignal];
    if (signal !== null && signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      // undici's scheme fetch: data: and blob: URLs answer from memory
      let response = null;
      let cause = 'unknown scheme';
      if (url.protocol === 'data:') {
        response = dataURLResponse(url);
        cause = 'failed to fetch the data URL';
      } else if (url.protocol === 'blob:') {
        response = request.method === 'GET' ? blobURLResponse(request.url) : null;
        cause = 'invalid method';
      } else if (url.protocol === 'file:') {
        cause = 'not implemented... yet...';
      } else if (url.protocol === 'about:') {
        cause = 'about scheme is not supported';
      }
      if (response === null) {
        rejectFailed(reject, new Error(cause));
        return;
      }
      response[kState].urlList = [request.url];
      response[kState].type = 'basic';
      response[kHeaders][kGuard] = 'immutable';
      resolve(response);
      return;
    }
    if (badPorts.has(url.port)) {
      // the Fetch standard's port blocklist, as undici applies it
      rejectFailed(reject, new Error('bad port'));
      return;
    }
    const headers = request[kHeaders];
    const flat = headersToFlat(headers);
    // (undici offers brotli over https only)
    const defaults = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node'],
      ['accept-encoding', url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate']];
    const referer = refererOf(request[kState], url);
    for (const [k, v] of defaults) {
      if (!headers.has(k)) flat.push(k, v);
      if (k === 'accept-language' && referer !== null) {
        // (appended to the header list as undici does there: to a Referer of the program's own)
        const e = headers[kList].get('referer');
        if (e === undefined) flat.push('referer', referer);
        else flat[flat.indexOf(e.display || e.name) + 1] += ', ' + referer;
      }
    }
    const st = request[kState];
    const timing = resourceTiming(request.url);
    const send = (body, stream) => {
      let response = null;
      // (hasBody: the response has a body; controller: its stream's, once that is made)
      let hasBody = false;
      let controller = null;
      let finished = false;
      let req;
      let identityError = null;
      // The body's chunks wait here until the stream is read (highWaterMark 0), so the end of
      // the body is known when the reader reaches it, as undici's timing sees it.
      const chunks = [];
      let ended = false;
      // (drained: the body's reader has taken its end; until then the fetch is not over for its
      // signal, as undici's ends once its body stream is read)
      let drained = false;
      let wake = null;
      const wakeReader = () => {
        if (wake !== null) {
          const w = wake;
          wake = null;
          w();
        }
      };
      // take gives the next chunk, null at the end, undefined while there is none yet
      const take = () => {
        if (chunks.length > 0) {
          const chunk = chunks.shift();
          req.taken(chunk.byteLength);
          timing.info.decodedBodySize += chunk.byteLength;
          return chunk;
        }
        if (ended) {
          timing.report();
          drained = true;
          unlisten();
          return null;
        }
        return undefined;
      };
      const waitData = () => new Promise((res) => { wake = res; });
      // (the stream is closed from a tick, as undici sees the end when it resumes the
      // connection)
      const close = (c) => {
        try {
          c.close();
          if (c.byobRequest) c.byobRequest.respond(0);
        } catch {}
      };
      // (a chunk there is enqueued two promise jobs later, as undici's pull reaches it through
      // its async resume loop: a read resolves after the jobs queued meanwhile, as in node)
      const enqueue = (c, chunk) => {
        try {
          c.enqueue(chunk);
        } catch {}
      };
      const pull = (c) => {
        let chunk = take();
        if (chunk != null && chunks.length > 0) {
          // (all the bytes there make one chunk, as undici's body stream reads what its
          // Readable has buffered)
          const parts = [chunk];
          while (chunks.length > 0) parts.push(take());
          const all = Buffer.concat(parts);
          chunk = new Uint8Array(all.buffer, all.byteOffset, all.length);
        }
        if (chunk === null) process.nextTick(close, c);
        else if (chunk !== undefined) return Promise.resolve().then(() => {}).then(() => enqueue(c, chunk));
        else return waitData().then(() => pull(c));
      };
      // Until its stream is asked for, the body is read from the chunks (readAll: the whole
      // body, or the failure that ended it); failure is that failure.
      let failure = null;
      let consumed = 'no'; // 'no', 'reading', 'done' or 'failed': readAll's progress
      const readAll = () => new Promise((resolve, reject) => {
        consumed = 'reading';
        const parts = [];
        const step = () => {
          for (;;) {
            if (failure !== null) {
              consumed = 'failed';
              reject(failure);
              return;
            }
            const chunk = take();
            if (chunk === undefined) {
              waitData().then(step);
              return;
            }
            if (chunk === null) {
              consumed = 'done';
              resolve(Buffer.concat(parts));
              return;
            }
            parts.push(chunk);
          }
        };
        // (undici resumes the connection from a tick: the body is read after the ticks queued
        // before text() and the promise jobs then queued)
        process.nextTick(step);
      });
      // toStream makes the body's ReadableStream, a byte stream as undici's (a BYOB reader may
      // read it); one for a body read already (or being read) is locked and disturbed, and
      // closed or errored as the read ended
      const toStream = (used) => {
        const { ReadableStream } = require('stream/web');
        if (used) {
          const spent = new ReadableStream({
            type: 'bytes',
            start(c) {
              if (consumed === 'done') c.close();
              else if (consumed === 'failed') c.error(failure);
            },
          });
          spent.getReader().read().catch(() => {});
          return spent;
        }
        return new ReadableStream({
          type: 'bytes',
          start(c) {
            controller = c;
            if (failure !== null) c.error(failure);
          },
          pull,
          cancel() { finished = true; drained = true; unlisten(); stopBody(); req.abort(); timing.report(); },
        }, { highWaterMark: 0 });
      };
      // failResponse ends the body with err: its stream errors, or its reader is told; the
      // timing is reported with the bytes that came (as undici's, for a cut or aborted body)
      let received = 0;
      const failResponse = (err) => {
        timing.info.encodedBodySize = received;
        timing.report();
        if (controller) {
          try { controller.error(err); } catch {}
        } else {
          failure = err;
          wakeReader();
        }
      };
      // A stream body is read when the connection asks for it ('body'), a chunk at a time, and
      // handed over as read, waiting for a 'drain' when the connection's buffer is full, as
      // undici's writer waits on its socket; it is no longer read once the fetch is over (nor
      // cancelled: undici leaves it as it is).
      let bodyReader = null;
      let bodyDone = false;
      let onDrain = null;
      const stopBody = () => { bodyDone = true; };
      const readBody = () => {
        bodyReader.read().then(({ done, value }) => {
          if (bodyDone) return;
          if (done) {
            bodyDone = true;
            req.end();
            return;
          }
          // (a chunk goes to the socket as undici's writer gives it: a string as UTF-8, a
          // view's bytes; anything else fails as Buffer.byteLength fails it)
          const bytes = typeof value === 'string' ? Buffer.from(value) :
            ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) :
            (Buffer.byteLength(value), Buffer.from(value));
          if (req.write(bytes)) readBody();
          else onDrain = readBody;
        }).catch((e) => {
          if (bodyDone) return;
          bodyDone = true;
          failBody(e);
        });
      };
      // failBody ends the fetch with the request body's failure: the fetch fails with it as the
      // cause, or, once the response is there, its body is terminated
      const failBody = (e) => {
        if (finished) return;
        finished = true;
        req.abort();
        unlisten();
        if (!response) rejectFailed(reject, e);
        else if (hasBody) failResponse(new TypeError('terminated', { cause: e }));
      };
      // An abort once the response is there, until its body is read to the end (even when all
      // of it came; for ever when it has none), is undici's: the response is aborted (its body
      // methods refuse from then on) and its body errors with the signal's reason, an AbortError
      // when that is falsy.
      const onAbort = () => {
        if (drained) return;
        if (!finished) {
          finished = true;
          stopBody();
          req.abort();
        }
        if (!response) {
          reject(abortReason(signal));
          return;
        }
        response[kState].aborted = true;
        if (hasBody) failResponse(signal.reason || new DOMException('The operation was aborted.', 'AbortError'));
      };
      const unlisten = () => {
        if (signal !== null) signal.removeEventListener('abort', onAbort);
      };
      timing.request();
      try {
        req = binding.start(request.method, request.url, flat, body, st.redirect, stream, insecureTLS(url), (ev, a, b, c, d, e, f) => {
          switch (ev) {
            case 'body':
              if (finished || bodyReader !== null) break;
              bodyReader = st.stream.getReader();
              readBody();
              break;
            case 'identity': {
              // the https peer's verified chain: its name is checked as tls.connect checks it,
              // with tls.checkServerIdentity as it is now (undici connects with tls.connect)
              const X = require('crypto').X509Certificate;
              const certs = b.map((raw) => new X(raw).toLegacyObject());
              for (let i = 0; i + 1 < certs.length; i++) certs[i].issuerCertificate = certs[i + 1];
              if (c) certs[certs.length - 1].issuerCertificate = certs[certs.length - 1];
              try {
                identityError = require('tls').checkServerIdentity(a, certs[0]) || null;
              } catch (e) {
                identityError = e;
              }
              return identityError === null;
            }
            case 'drain':
              if (onDrain !== null) {
                const next = onDrain;
                onDrain = null;
                next();
              }
              break;
            case 'response': {
              // (the names as undici's parser gives them: lower-cased, as util.inspect shows)
              const h = new Headers();
              for (let i = 0; i < c.length; i += 2) appendHeaderRaw(h, c[i].toLowerCase(), c[i + 1]);
              response = new Response(null, { status: 200 });
              const rs = response[kState];
              rs.status = a;
              rs.statusText = b;
              rs.urlList = e ? [request.url, d] : [d];
              rs.type = 'basic';
              response[kHeaders] = h;
              h[kGuard] = 'immutable';
              timing.response(e);
              if (request.method !== 'HEAD' && !nullBodyStatus.includes(a)) {
                hasBody = true;
                rs.pending = { readAll, toStream };
                // (the body's first bytes, when they came with the head)
                if (f !== undefined) {
                  received += f.length;
                  chunks.push(new Uint8Array(f.buffer, f.byteOffset, f.length));
                }
              }
              resolve(response);
              break;
            }
            case 'data':
              if (hasBody && !finished) {
                received += a.length;
                chunks.push(new Uint8Array(a.buffer, a.byteOffset, a.length));
                wakeReader();
              }
              break;
            case 'end':
              finished = true;
              stopBody();
              timing.info.encodedBodySize = a;
              ended = true;
              if (hasBody) wakeReader();
              else timing.report();
              break;
            case 'error': {
              if (finished) return;
              finished = true;
              stopBody();
              unlisten();
              if (!response) {
                if (a.aborted) reject(abortReason(signal));
                else if (a.identity) rejectFailed(reject, identityError);
                else {
                  // (node's socket, destroyed, emits its error and close in a tick: its promise
                  // jobs, the failure's, run from the tick processing)
                  process.nextTick(() => {});
                  rejectFailed(reject, a.syscall === 'connect' ? connectCause(a) :
                    a.syscall === 'getaddrinfo' ? lookupCause(a) :
                    a.invalidURL !== undefined ? invalidURLCause(a) : makeCause(a));
                }
                break;
              }
              // (a body cut off after its response is undici's 'terminated')
              const err = a.aborted ? abortReason(signal) : new TypeError('terminated', { cause: makeCause(a) });
              if (hasBody) failResponse(err);
              break;
            }
          }
        });
      } catch (e) {
        reject(e);
        return;
      }
      if (signal !== null) signal.addEventListener('abort', onAbort, { once: true });
    };
    // (a body of bytes goes as its bytes, with its length, even once its stream was made, as
    // undici sends a body's source when it has one)
    if (st.stream && st.source == null) {
      st.bodyUsed = true;
      send(null, true);
    } else {
      send(st.source, false);
    }
  });
}

// insecureTLS: NODE_TLS_REJECT_UNAUTHORIZED=0 at fetch time turns off the verification of an
// https peer, with node's warning the first time, fetch's or tls.connect's (undici's is
// tls.connect's)
function insecureTLS(url) {
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0') return false;
  if (url.protocol === 'https:' && binding.claimUnauthorizedWarning()) {
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' makes TLS ' +
      'connections and HTTPS requests insecure by disabling certificate verification.');
  }
  return true;
}

// refererOf is the Referer a request sends to url, as undici determines the request's referrer
// (a program's referrer URL: node has no client to take one from): stripped of credentials and
// fragment, or cut to its origin, by the referrer policy (strict-origin-when-cross-origin when
// none). As undici's, a request is never the referrer's origin itself, so same-origin gives
// none and origin-when-cross-origin the origin; no-referrer falls to the default branch. null:
// no Referer.
function refererOf(st, url) {
  if (st.referrer === undefined || st.referrer === 'no-referrer') return null;
  const source = new URL(st.referrer);
  const strip = (originOnly) => {
    if (source.protocol === 'file:' || source.protocol === 'about:' || source.protocol === 'blank:') return null;
    const u = new URL(source.href);
    u.username = '';
    u.password = '';
    u.hash = '';
    if (originOnly) {
      u.pathname = '';
      u.search = '';
    }
    return u;
  };
  let full = strip(false);
  const origin = strip(true);
  if (full === null) return null;
  if (full.href.length > 4096) full = origin;
  const downgrade = trustworthy(full) && !trustworthy(url);
  let out;
  switch (st.referrerPolicy || 'strict-origin-when-cross-origin') {
    case 'origin': out = origin; break;
    case 'unsafe-url': out = full; break;
    case 'same-origin': out = null; break;
    case 'origin-when-cross-origin': out = origin; break;
    case 'strict-origin-when-cross-origin':
      if (full.protocol === url.protocol && full.hostname === url.hostname && full.port === url.port) out = full;
      else out = downgrade ? null : origin;
      break;
    default: out = downgrade ? null : origin;
  }
  return out === null ? null : out.href;
}
// (the Secure Contexts spec's potentially trustworthy URL, as undici tests it)
function trustworthy(u) {
  if (u.href === 'about:blank' || u.href === 'about:srcdoc' || u.protocol === 'data:' || u.protocol === 'file:') return true;
  const origin = u.origin;
  if (origin == null || origin === 'null') return false;
  const o = new URL(origin);
  if (o.protocol === 'https:' || o.protocol === 'wss:') return true;
  const h = o.hostname;
  return /^127(?:\.[0-9]+){0,2}\.[0-9]+$|^\[(?:0*:)*?:?0*1\]$/.test(h) || h === 'localhost' || h.includes('localhost.') || h.endsWith('.localhost');
}

function abortReason(signal) {
  const r = signal.reason;
  if (r !== undefined) return r;
  const e = new DOMException('This operation was aborted', 'AbortError');
  return e;
}

// The Fetch standard's data: URL processor: the MIME type before the comma (text/plain;
// charset=US-ASCII when absent or invalid), the percent-decoded body after it, base64-decoded
// when the type ends in ';base64'. null when it fails.
function dataURLResponse(url) {
  let input = url.href;
  const hash = input.indexOf('#');
  if (hash >= 0) input = input.slice(0, hash);
  input = input.slice(5);
  const comma = input.indexOf(',');
  if (comma < 0) return null;
  let mime = input.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  let body = percentDecode(input.slice(comma + 1));
  const b64 = /;[\u0020]*base64$/i.exec(mime);
  if (b64 !== null) {
    body = forgivingBase64(body.toString('latin1'));
    if (body === null) return null;
    mime = mime.slice(0, b64.index);
  }
  if (mime.startsWith(';')) mime = `text/plain${mime}`;
  let type;
  try {
    type = String(new (require('util').MIMEType)(mime));
  } catch {
    type = 'text/plain;charset=US-ASCII';
  }
  return new Response(body, { status: 200, statusText: 'OK', headers: { 'content-type': type } });
}

function percentDecode(str) {
  const out = Buffer.allocUnsafe(str.length);
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(str.slice(i + 1, i + 3))) {
      out[n++] = parseInt(str.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

// The forgiving base64 decode of the Infra standard: whitespace ignored, one or two '=' at the
// end only where they complete the last group; null for anything else.
function forgivingBase64(str) {
  str = str.replace(/[\t\n\f\r ]/g, '');
  if (str.length % 4 === 0) str = str.replace(/==?$/, '');
  if (str.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(str)) return null;
  return Buffer.from(str, 'base64');
}

// A blob: URL's Blob, as undici answers it: its bytes, length and type; null when the URL names
// no Blob (never made, or revoked).
function blobURLResponse(href) {
  const blob = require('buffer').resolveObjectURL(href);
  if (blob === undefined) return null;
  return new Response(blob, { status: 200, statusText: 'OK', headers: [['content-length', String(blob.size)], ['content-type', blob.type]] });
}

function rejectFailed(reject, cause) {
  reject(new TypeError('fetch failed', { cause }));
}

// connectCause is a failed connection's error, made where node's net makes it (connectFailed's
// place is node's afterConnect, runtime's nodeGlueFrame).
function connectCause(info) {
  return (function connectFailed() {
    const e = makeCause(info);
    Error.captureStackTrace(e);
    return e;
  })();
}

// lookupCause is a failed lookup's error, made where node's dns makes it (lookupFailed's place
// is node's onlookupall, runtime's nodeGlueFrame).
function lookupCause(info) {
  return (function lookupFailed() {
    const e = makeCause(info);
    Error.captureStackTrace(e);
    return e;
  })();
}

// invalidURLCause is the error undici's new URL(location, url) throws for a redirect's
// Location that is no URL.
function invalidURLCause(info) {
  try {
    new URL(info.invalidURL, info.base); // eslint-disable-line no-new
  } catch (e) {
    return e;
  }
  return makeCause({ message: 'Invalid URL' });
}

// undici's error classes (lib/core/errors.js) that a fetch's cause can be, made on the first
// failure that needs one: UndiciError's subclasses mark their instances with a symbol of the
// registry, which their Symbol.hasInstance asks for.
let undiciErrors = null;
function undiciErrorClasses() {
  if (undiciErrors !== null) return undiciErrors;
  const kUndiciError = Symbol.for('undici.error.UND_ERR');
  class UndiciError extends Error {
    constructor(message) {
      super(message);
      this.name = 'UndiciError';
      this.code = 'UND_ERR';
    }

    static [Symbol.hasInstance](instance) { return instance && instance[kUndiciError] === true; }

    [kUndiciError] = true;
  }
  const kSocketError = Symbol.for('undici.error.UND_ERR_SOCKET');
  class SocketError extends UndiciError {
    constructor(message, socket) {
      super(message);
      this.name = 'SocketError';
      this.message = message || 'Socket error';
      this.code = 'UND_ERR_SOCKET';
      this.socket = socket;
    }

    static [Symbol.hasInstance](instance) { return instance && instance[kSocketError] === true; }

    [kSocketError] = true;
  }
  const kMismatch = Symbol.for('undici.error.UND_ERR_RES_CONTENT_LENGTH_MISMATCH');
  class ResponseContentLengthMismatchError extends UndiciError {
    constructor(message) {
      super(message);
      this.name = 'ResponseContentLengthMismatchError';
      this.message = message || 'Response body length does not match content-length header';
      this.code = 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH';
    }

    static [Symbol.hasInstance](instance) { return instance && instance[kMismatch] === true; }

    [kMismatch] = true;
  }
  const kParserError = Symbol.for('undici.error.UND_ERR_HTTP_PARSER');
  class HTTPParserError extends Error {
    constructor(message, code, data) {
      super(message);
      this.name = 'HTTPParserError';
      this.code = code;
      this.data = data;
    }

    static [Symbol.hasInstance](instance) { return instance && instance[kParserError] === true; }

    [kParserError] = true;
  }
  undiciErrors = { SocketError, ResponseContentLengthMismatchError, HTTPParserError };
  return undiciErrors;
}

function makeCause(info) {
  switch (info.name) {
    case 'SocketError': return new (undiciErrorClasses().SocketError)(info.message, info.socket);
    case 'ResponseContentLengthMismatchError': return new (undiciErrorClasses().ResponseContentLengthMismatchError)();
    // (the code is undefined for a failure undici's table of llhttp's codes has none for)
    case 'HTTPParserError': return new (undiciErrorClasses().HTTPParserError)(info.message, info.code, info.data);
  }
  const e = new Error(info.message !== undefined ? info.message : 'fetch failed');
  // (node's AssertionError names itself with an own property)
  for (const k of ['name', 'errno', 'code', 'data', 'syscall', 'address', 'port', 'hostname']) {
    if (info[k] !== undefined) e[k] = info[k];
  }
  return e;
}

return { fetchRequest };
})
//#end fetch

module.exports = { fetch: internalBinding('internal/lazy_proto').adoptGlobal('fetch', fetch), Headers, Request, Response, FormData };
