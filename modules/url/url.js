'use strict';
// WHATWG URL and URLSearchParams over the Go parser (binding), plus the url module's helpers.
// A URL keeps its components in a side table: [href, origin, protocol, username, password,
// host, hostname, port, pathname, search, hash].

// (internal/errors is loaded by the first error: most programs that parse URLs make none)
let errorsModule;
const errors = () => errorsModule || (errorsModule = require('internal/errors'));
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

const HREF = 0, ORIGIN = 1, PROTOCOL = 2, USERNAME = 3, PASSWORD = 4, HOST = 5, HOSTNAME = 6,
  PORT = 7, PATHNAME = 8, SEARCH = 9, HASH = 10;

// invalidURL is new URL's error (native: node's URL parser throws it from C++) or the href
// setter's (node's JS).
function invalidURL(input, base, native) {
  const err = native ? errors().makeNativeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL', invalidURL) :
    errors().makeNodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL', invalidURL);
  err.input = input;
  if (base !== undefined) err.base = base;
  // (new URL and the href setter are Go calls, with no frame: node's stack starts in them)
  errors().formStackOnRead(err, native ? newURLFrame : setHrefFrame);
  return err;
}

const newURLFrame = (stack) => withTopFrame(stack, '    at new URL (node:internal/url:806:29)');
const setHrefFrame = (stack) => withTopFrame(stack, '    at set href [as href] (node:internal/url:934:24)');

// withTopFrame puts node's frame, where its URL parser threw, on top of stack (within
// Error.stackTraceLimit).
function withTopFrame(stack, frame) {
  const limit = Error.stackTraceLimit;
  if (typeof stack !== 'string' || typeof limit !== 'number' || !(limit >= 1) ||
      errors().userPrepareStackTrace(Error.prepareStackTrace)) {
    return stack;
  }
  const lines = stack.split('\n');
  let first = lines.findIndex((l) => l.startsWith('    at '));
  if (first === -1) first = lines.length;
  lines.splice(first, 0, frame);
  if (lines.length - first > limit) lines.length = first + Math.floor(limit);
  return lines.join('\n');
}

function lazyInspect() { return require('util').inspect; }

// URL and URLSearchParams instances are Go-backed objects (see object.go): the URL accessors
// and most URLSearchParams methods are Go functions on the prototypes, installed below.

function toUSV(v) { return `${v}`; }

// wellFormed replaces lone surrogates with U+FFFD, as USVString conversion does.
const wellFormed = Function.prototype.call.bind(String.prototype.toWellFormed);

// URL is a Go constructor (object.go): new URL() is one Go call. The rest of the class is here.
const URL = binding.URL;

// URLContext is what util.inspect shows of a URL's state with showHidden: Ada's offsets into
// href, as Node 20's URL keeps them.
const kContext = Symbol('context');
const kOmitted = 4294967295;
const schemeTypes = { __proto__: null, 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6 };
class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  scheme_type = 1;
  get hasPort() { return this.port !== kOmitted; }
  get hasSearch() { return this.search_start !== kOmitted; }
  get hasHash() { return this.hash_start !== kOmitted; }
}

function urlContext(url) {
  const c = new URLContext();
  const href = url.href;
  const protocol = url.protocol;
  c.href = href;
  c.protocol_end = protocol.length;
  let at = protocol.length;
  c.username_end = c.host_start = c.host_end = at;
  if (href.startsWith('//', at)) {
    const user = url.username;
    const pass = url.password;
    c.username_end = at + 2 + user.length;
    c.host_start = c.username_end;
    if (user !== '' || pass !== '') {
      if (pass !== '') c.host_start += 1 + pass.length;
      c.host_end = c.host_start + 1 + url.hostname.length;
    } else {
      c.host_end = c.host_start + url.hostname.length;
    }
    at = c.host_end;
    const port = url.port;
    if (port !== '') at += 1 + port.length;
  }
  c.pathname_start = at;
  const hash = href.indexOf('#', at);
  const search = href.indexOf('?', at);
  c.search_start = search >= 0 && (hash < 0 || search < hash) ? search : kOmitted;
  c.hash_start = hash >= 0 ? hash : kOmitted;
  c.port = url.port !== '' ? Number(url.port) : kOmitted;
  const type = schemeTypes[protocol];
  c.scheme_type = type === undefined ? 1 : type;
  return c;
}

// A method (as node's class method is): named '[nodejs.util.inspect.custom]', no prototype.
const urlInspectMethods = {
  [inspectCustom](depth, opts) {
    let inspect = arguments[2]; // (node's takes two parameters and its module's inspect)
    const ctor = (this && this.constructor) || URL;
    if (typeof depth === 'number' && depth < 0) {
      return this;
    }
    inspect = typeof inspect === 'function' ? inspect : lazyInspect();
    const obj = { __proto__: { constructor: ctor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts && opts.showHidden) obj[kContext] = urlContext(this);
    return `${ctor.name} ${inspect(obj, opts)}`;
  },
};
Object.defineProperty(URL.prototype, inspectCustom, {
  __proto__: null,
  value: urlInspectMethods[inspectCustom],
  writable: true, configurable: true,
});

const urlStatics = {
  parse: binding.parse, // Go: new URL's parsing, null where new URL throws ERR_INVALID_URL

  canParse: binding.canParse, // Go: argument checks and conversions included

  // plain functions, as Node's are (they have a prototype and new works on them)
  createObjectURL: function createObjectURL(obj) {
    const Blob = globalThis.Blob;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('obj', 'Blob', obj);
    }
    return require('internal/module_internals').get('buffer').createObjectURL(obj);
  },

  revokeObjectURL: function revokeObjectURL(url) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('url');
    require('internal/module_internals').get('buffer').revokeObjectURL(`${url}`);
  },
};
for (const name of Object.keys(urlStatics)) {
  Object.defineProperty(URL, name, { __proto__: null, value: urlStatics[name], writable: true, enumerable: true, configurable: true });
}

// Blobs registered by URL.createObjectURL live in buffer's store, where resolveObjectURL
// finds them.

Object.defineProperty(URL.prototype, Symbol.toStringTag, { __proto__: null, value: 'URL', configurable: true });

function isIterable(v) {
  return v != null && typeof v[Symbol.iterator] === 'function';
}

class URLSearchParams {
  constructor(init = undefined) {
    let list;
    if (init === undefined || init === null) {
      list = [];
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && binding.isParams(init)) {
        list = init;
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw errors().makeNodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        }
        list = [];
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || !isIterable(pair)) {
            throw errors().makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          const p = Array.from(pair);
          if (p.length !== 2) {
            throw errors().makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          list.push(toUSV(p[0]), toUSV(p[1]));
        }
      } else {
        // A record: every enumerable own key, symbols included (their conversion throws, as
        // in node). Two keys that are the same USVString (lone surrogates become U+FFFD) keep
        // the first one's place and the later one's value.
        list = [];
        const seen = new Map();
        const keys = Reflect.ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = wellFormed(toUSV(key));
          const value = toUSV(init[key]);
          const at = seen.get(name);
          if (at !== undefined) {
            list[at + 1] = value;
          } else {
            seen.set(name, list.length);
            list.push(name, value);
          }
        }
      }
    } else {
      list = toUSV(init);
      if (list[0] === '?') list = list.slice(1);
    }
    binding.initParams(this, list);
  }

  [inspectCustom](recurseTimes, ctx) {
    let inspect = arguments[2]; // (node's takes two parameters)
    const list = binding.paramsList(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx && ctx.stylize ? ctx.stylize('[Object]', 'special') : '[Object]';
    }
    inspect = typeof inspect === 'function' ? inspect : lazyInspect();
    const inner = Object.assign({}, ctx);
    if (recurseTimes !== null) inner.depth = recurseTimes - 1;
    const out = [];
    for (let i = 0; i < list.length; i += 2) {
      out.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
    }
    const name = this.constructor.name;
    const len = out.reduce((n, x) => n + stripColors(x).length + 2, -2);
    const breakLength = ctx && ctx.breakLength !== undefined ? ctx.breakLength : 80;
    if (len > breakLength) return `${name} {\n  ${out.join(',\n  ')} }`;
    if (out.length) return `${name} { ${out.join(', ')} }`;
    return `${name} {}`;
  }

  // size, append, delete, get, getAll, has, set, sort and toString are Go functions
  // (binding.install replaces these placeholders, keeping Node's key order).
  get size() { return 0; }
  append() {}
  delete() {}
  get() {}
  getAll() {}
  has() {}
  set() {}
  sort() {}

  entries() { binding.paramsLen(this); return new ParamsIterator(this, 'key+value'); }
  forEach(callback, thisArg = undefined) {
    binding.paramsLen(this);
    if (typeof callback !== 'function') throw new (errors().codes.ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
    for (let i = 0; i < binding.paramsLen(this); i += 2) {
      callback.call(thisArg, binding.paramsAt(this, i + 1), binding.paramsAt(this, i), this);
    }
  }
  keys() { binding.paramsLen(this); return new ParamsIterator(this, 'key'); }
  values() { binding.paramsLen(this); return new ParamsIterator(this, 'value'); }
  toString() {}
}

for (const name of ['size', 'entries', 'forEach', 'keys', 'values']) {
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  d.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, { __proto__: null, ...d });
}
// (node's order: the tag, then the iterator)
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { __proto__: null, value: 'URLSearchParams', configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  __proto__: null,
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
binding.install(URL.prototype, URLSearchParams.prototype, {
  invalidURL,
  invalidThis: () => new (errors().codes.ERR_INVALID_THIS)('URLSearchParams'),
  missingArgs: (...names) => new (errors().codes.ERR_MISSING_ARGS)(...names),
});

function stripColors(s) { return s.replace(/\u001b\[\d\d?m/g, ''); }

// An iterator's state is in private fields (a WeakMap entry per iterator cost goja a weak handle
// and a cleanup: most of a short for-of). The class's constructor returns an object made from
// the iterators' prototype (node's has no constructor), which the fields are added to.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
let paramsIteratorPrototype;
class ParamsIteratorBase {
  constructor() { return Object.create(paramsIteratorPrototype); }
}
class ParamsIterator extends ParamsIteratorBase {
  #target;
  #kind;
  #index = 0;
  constructor(target, kind) {
    super();
    this.#target = target;
    this.#kind = kind;
  }

  // (the prototype's next itself: a method, called on the iterator)
  static next() {
    const it = this;
    if (it === null || typeof it !== 'object' || !(#target in it)) throw new (errors().codes.ERR_INVALID_THIS)('URLSearchParamsIterator');
    const kind = it.#kind;
    const value = binding.paramsEntry(it.#target, it.#index, kind === 'key' ? 0 : kind === 'value' ? 1 : 2);
    if (value === undefined) return { value: undefined, done: true };
    it.#index += 2;
    return { value, done: false };
  }

  static state(it) {
    if (it === null || typeof it !== 'object' || !(#target in it)) throw new (errors().codes.ERR_INVALID_THIS)('URLSearchParamsIterator');
    return { target: it.#target, kind: it.#kind, index: it.#index };
  }
}
const iteratorState = ParamsIterator.state;
paramsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    __proto__: null,
    value: ParamsIterator.next,
    writable: true, enumerable: true, configurable: true,
  },
  [inspectCustom]: {
    __proto__: null,
    value: {
      [inspectCustom](recurseTimes, ctx) {
        let inspect = arguments[2]; // (node's takes two parameters)
        const st = iteratorState(this);
        if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
        inspect = typeof inspect === 'function' ? inspect : lazyInspect();
        const inner = Object.assign({}, ctx);
        if (recurseTimes !== null) inner.depth = recurseTimes - 1;
        const list = binding.paramsList(st.target);
        const values = [];
        for (let i = st.index; i < list.length; i += 2) {
          values.push(st.kind === 'key' ? list[i] : st.kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
        }
        // as node's: one entry a line when the entries inspected as one array take several
        const breakLn = inspect(values, inner).includes('\n');
        const out = values.map((v) => inspect(v, inner));
        const body = breakLn ? `\n  ${out.join(',\n  ')}` : ` ${out.join(', ')}`;
        return `${this[Symbol.toStringTag]} {${body} }`;
      },
    }[inspectCustom],
    writable: true, configurable: true,
  },
  [Symbol.toStringTag]: { __proto__: null, value: 'URLSearchParams Iterator', configurable: true },
});

// url module helpers

function domainToASCII(domain) {
  if (arguments.length < 1) throw new (errors().codes.ERR_MISSING_ARGS)('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new (errors().codes.ERR_MISSING_ARGS)('domain');
  return binding.domainToUnicode(`${domain}`);
}

function isURL(v) {
  if (v == null) return false;
  return binding.isURL(v);
}

function isWindowsOption(options) {
  return options != null && options.windows !== undefined ? !!options.windows : false;
}

function fileURLToPath(path, options) {
  const windows = isWindowsOption(options);
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new (errors().codes.ERR_INVALID_URL_SCHEME)('file');
  return windows ? pathFromURLWin32(path) : pathFromURLPosix(path);
}

function hasEncodedSeparator(pathname, backslash) {
  // (from one '%' to the next: an index per character is a call and an allocation in goja)
  for (let n = pathname.indexOf('%'); n !== -1; n = pathname.indexOf('%', n + 1)) {
    const third = pathname.codePointAt(n + 2) | 0x20;
    if ((pathname[n + 1] === '2' && third === 102) || (backslash && pathname[n + 1] === '5' && third === 99)) return true;
  }
  return false;
}

function pathFromURLPosix(url) {
  if (url.hostname !== '') throw new (errors().codes.ERR_INVALID_FILE_URL_HOST)('linux');
  const pathname = url.pathname;
  if (hasEncodedSeparator(pathname, false)) throw new (errors().codes.ERR_INVALID_FILE_URL_PATH)('must not include encoded / characters');
  return decodeURIComponent(pathname);
}

function pathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  if (hasEncodedSeparator(pathname, true)) {
    throw new (errors().codes.ERR_INVALID_FILE_URL_PATH)('must not include encoded \\ or / characters');
  }
  pathname = decodeURIComponent(pathname.replace(/\//g, '\\'));
  if (hostname !== '') return `\\\\${binding.domainToUnicode(hostname) || hostname}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 97 || letter > 122 || pathname[2] !== ':') throw new (errors().codes.ERR_INVALID_FILE_URL_PATH)('must be absolute');
  return pathname.slice(1);
}

const pathCharEscapes = { '[': '%5B', ']': '%5D', '^': '%5E', '|': '%7C', '~': '%7E' };

// (one search for the characters any of them replaces: most paths have none)
const pathSpecialChars = /[%\\\n\r\t [\]^|~]/;

function encodePathChars(filepath, windows) {
  if (!pathSpecialChars.test(filepath)) return filepath;
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  // a trailing space would be trimmed by the URL parser, as the C0 controls are
  if (filepath.includes(' ')) filepath = filepath.replace(/ /g, '%20');
  // node also escapes these, which the URL path percent-encode set leaves alone
  if (/[[\]^|~]/.test(filepath)) filepath = filepath.replace(/[[\]^|~]/g, (c) => pathCharEscapes[c]);
  return filepath;
}

function pathToFileURL(filepath, options) {
  if (typeof filepath !== 'string') throw new (errors().codes.ERR_INVALID_ARG_TYPE)('path', 'string', filepath);
  const windows = isWindowsOption(options);
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    // UNC: \\server\share\resource, or \\?\UNC\server\share\resource
    const out = new URL('file://');
    const prefix = filepath.startsWith('\\\\?\\UNC\\') ? 8 : 2;
    const hostEnd = filepath.indexOf('\\', prefix);
    if (hostEnd === -1) throw new (errors().codes.ERR_INVALID_ARG_VALUE)('path', filepath, 'Missing UNC resource path');
    if (hostEnd === 2) throw new (errors().codes.ERR_INVALID_ARG_VALUE)('path', filepath, 'Empty UNC servername');
    out.hostname = binding.domainToASCII(filepath.slice(prefix, hostEnd));
    out.pathname = encodePathChars(filepath.slice(hostEnd).replace(/\\/g, '/'), true);
    return out;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  const sep = windows ? '\\' : '/';
  if ((last === 47 || (windows && last === 92)) && resolved[resolved.length - 1] !== sep) resolved += '/';
  resolved = encodePathChars(resolved, windows);
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url, // properties a user added to the URL object
    protocol: url.protocol,
    hostname: hostname && `${hostname}`.startsWith('[') ? `${hostname}`.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

function formatURL(u, options) {
  // node: a falsy options is none; each option counts unless null or undefined
  const o = { auth: true, fragment: true, search: true, unicode: false };
  if (options) {
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options', 'Object', options);
    }
    for (const k of ['fragment', 'unicode', 'search', 'auth']) {
      if (options[k] != null) o[k] = Boolean(options[k]);
    }
  }
  const c = binding.components(u);
  let out = c[PROTOCOL];
  if (c[HREF].startsWith(c[PROTOCOL] + '//')) {
    out += '//';
    if (o.auth && (c[USERNAME] || c[PASSWORD])) {
      out += c[USERNAME];
      if (c[PASSWORD]) out += ':' + c[PASSWORD];
      out += '@';
    }
    out += o.unicode ? binding.domainToUnicode(c[HOSTNAME]) || c[HOSTNAME] : c[HOSTNAME];
    if (c[PORT]) out += ':' + c[PORT];
  }
  out += c[PATHNAME];
  if (o.search) out += c[SEARCH];
  if (o.fragment) out += c[HASH];
  return out;
}

// The legacy API (url.parse, url.resolve, Url: internal/url_legacy) loads on first use: what only
// needs WHATWG URLs (the URL global, fetch, http) never compiles it.
let legacy_;
function legacy() { return legacy_ || (legacy_ = require('internal/url_legacy')); }

function urlFormat(urlObject, options) {
  if (isURL(urlObject)) return formatURL(urlObject, options);
  return legacy().format(urlObject, options);
}

Object.defineProperty(fileURLToPath, 'length', { __proto__: null, value: 1 }); // fileURLToPath(path, options = {})
module.exports = {
  Url: void 0,
  parse: void 0,
  resolve: void 0,
  resolveObject: void 0,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
// The legacy exports are lazy members (runtime/lazymembers.go): data properties in their places,
// whose values are taken from internal/url_legacy the first time anything reads them.
{
  const names = ['Url', 'parse', 'resolve', 'resolveObject'];
  const makeLegacy = (name) => legacy()[name];
  const lazyMembers = internalBinding('internal/lazy_members');
  if (lazyMembers) lazyMembers.members(module.exports, makeLegacy, names, 'url');
  else for (const name of names) module.exports[name] = makeLegacy(name);
}
