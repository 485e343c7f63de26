'use strict';
// The legacy url API: url.parse, url.format on objects, url.resolve and url.resolveObject.
// It is not the WHATWG parser: it is Node's older, lenient splitter, reproduced decision for
// decision (backslashes before the query become slashes, auth is everything before the last
// '@' of the authority, hostnames are lowercased and IDNA-mapped, unsafe characters are escaped).

const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL } = codes;

// Protocols that may keep unsafe characters, never have a host, or always carry '//'.
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

const digitsRe = /^[0-9]*$/;
const authHostRe = /^\/\/[^@/]+@[^@/]+/;
// A simple path is '/' or '//' not followed by another '/', without white space; its query starts
// at the first '?'.
const spaceRe = /\s/;
function isSimplePath(rest) {
  return rest.charCodeAt(0) === 47 && !(rest.charCodeAt(1) === 47 && rest.charCodeAt(2) === 47) &&
    !spaceRe.test(rest);
}
const maxHostnameLength = 255;
const badHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const badIPv6HostChars = /[\0\t\n\r #%/<>?@\\^|]/;
// where binding.scanAuthority leaves its answer
const scanOut = new Int32Array(binding.scanBuffer);

let warnedInvalidPort = false;

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// newUrl is new Url(), made at once from Go where it can be
function newUrl() {
  const proto = Url.prototype;
  const u = proto !== null && typeof proto === 'object' ? binding.newUrl(proto) : undefined;
  return u !== undefined ? u : new Url();
}

function querystring() { return require('querystring'); }

let warnedParse = false;

// (read once: the options are the process's, fixed at start, and a require per parse cost more
// than the parse)
let pendingDep;
function pendingDeprecation() {
  if (pendingDep === undefined) pendingDep = !!require('internal/options').getOptionValue('--pending-deprecation');
  return pendingDep;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!warnedParse && pendingDeprecation()) {
    warnedParse = true;
    process.emitWarning('`url.parse()` behavior is not standardized and prone to errors that have security ' +
      'implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` vulnerabilities.',
    'DeprecationWarning', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const u = newUrl();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function looksIPv6(hostname) {
  return hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
}

// What url.parse trims from both ends: any code unit below 33, U+00A0 and U+FEFF.
const leadingWsRe = /[^\x00-\x20\u00A0\uFEFF]/;
const trailingWsRe = /[\x00-\x20\u00A0\uFEFF]+$/;
const queryOrHashRe = /[?#]/;

// trimAndSlash trims the url, turns its backslashes before the first '?' or '#' into slashes,
// and says whether it has a '#', and an '@' before its first '?' or '#'. With the engine's
// searches, not a loop over every code unit (a 400 KB URL took 15x node's time).
// It returns the rest and leaves the two flags in sawHash and sawAt (no object per parse).
let sawHash = false;
let sawAt = false;
function trimAndSlash(url) {
  const hash = url.indexOf('#');
  sawHash = hash !== -1;
  let split = url.indexOf('?');
  if (split === -1 || (sawHash && hash < split)) split = hash;
  const at = url.indexOf('@');
  sawAt = at !== -1 && (split === -1 || at < split);
  let rest = url;
  if (trimmed(url.charCodeAt(0)) || trimmed(url.charCodeAt(url.length - 1))) {
    const first = url.search(leadingWsRe);
    if (first === -1) {
      sawHash = sawAt = false;
      return '';
    }
    const tail = trailingWsRe.exec(url);
    rest = tail === null ? url.slice(first) : url.slice(first, tail.index);
  }
  // Backslashes become slashes only before the first '?' or '#' of the original string.
  const slash = rest.indexOf('\\');
  if (slash !== -1) {
    let stop = rest.search(queryOrHashRe);
    if (stop === -1) stop = rest.length;
    if (slash < stop) rest = rest.slice(0, stop).replace(/\\/g, '/') + rest.slice(stop);
  }
  return rest;
}

function trimmed(c) {
  return c <= 32 || c === 0xA0 || c === 0xFEFF;
}

const escapes = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const escapeRe = /[\t\n\r "'<>\\^`{|}]/g;

function autoEscape(s) {
  return escapeRe.test(s) ? (escapeRe.lastIndex = 0, s.replace(escapeRe, (c) => escapes[c])) : s;
}

// splitBadHost cuts the hostname at the first character no hostname may hold, moving the rest
// into the path (and warning once about an invalid port, as Node 20 does).
const badHostCutRe = /[/\\#?:]/;
function splitBadHost(self, rest, hostname, url) {
  // (one engine search, not a charCodeAt per character: each costs the engine a call)
  const i = hostname.search(badHostCutRe);
  if (i === -1) return rest;
  if (hostname.charCodeAt(i) === 58 && !warnedInvalidPort) {
    warnedInvalidPort = true;
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
      process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
        'DeprecationWarning', 'DEP0170');
    }
  }
  self.hostname = hostname.slice(0, i);
  return `/${hostname.slice(i)}${rest}`;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw new ERR_INVALID_ARG_TYPE('url', 'string', url);
  let rest = trimAndSlash(url);

  if (!slashesDenoteHost && !sawHash && !sawAt) {
    if (isSimplePath(rest)) {
      this.path = rest;
      this.href = rest;
      const q = rest.indexOf('?');
      this.pathname = q === -1 ? rest : rest.slice(0, q);
      if (q !== -1) {
        this.search = rest.slice(q);
        this.query = parseQueryString ? querystring().parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  const protoLength = binding.protocolLength(rest);
  let proto = null;
  let lowerProto;
  if (protoLength !== 0) {
    proto = rest.slice(0, protoLength);
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || authHostRe.test(rest)) {
    slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The authority ends at the first '/', '?' or '#'; auth is what precedes its last '@',
    // unless a character no host may contain comes after that '@'.
    let hostEnd = -1;
    let at = -1;
    let nonHost = -1;
    // (the loop below, done in Go where no tab or newline comes first: each charCodeAt costs the
    // engine a call)
    const scanned = binding.scanAuthority(rest);
    if (scanned) {
      hostEnd = scanOut[0];
      at = scanOut[1];
      nonHost = scanOut[2];
    }
    for (let i = 0; !scanned && i < rest.length && hostEnd === -1; i++) {
      switch (rest.charCodeAt(i)) {
        case 9: case 10: case 13:
          // tabs and newlines vanish from the authority, as in the WHATWG parser
          rest = rest.slice(0, i) + rest.slice(i + 1);
          i--;
          break;
        case 32: case 34: case 37: case 39: case 59: case 60: case 62:
        case 92: case 94: case 96: case 123: case 124: case 125:
          if (nonHost === -1) nonHost = i;
          break;
        case 35: case 47: case 63:
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case 64:
          at = i;
          nonHost = -1;
          break;
      }
    }
    let hostStart = 0;
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      hostStart = at + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(hostStart);
      rest = '';
    } else {
      this.host = rest.slice(hostStart, nonHost);
      rest = rest.slice(nonHost);
    }

    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6 = looksIPv6(hostname);
    if (!ipv6) rest = splitBadHost(this, rest, hostname, url);

    if (this.hostname.length > maxHostnameLength) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();

    if (this.hostname !== '') {
      if (ipv6) {
        if (badIPv6HostChars.test(this.hostname)) throw invalidURL(url);
      } else {
        this.hostname = binding.toASCII(this.hostname);
        // An empty result, or one with characters the host loop above would have cut, can
        // only come from IDNA mapping: refuse it rather than guess.
        if (this.hostname === '' || badHostChars.test(this.hostname)) throw invalidURL(url);
      }
    }

    const port = this.port ? ':' + this.port : '';
    this.host = (this.hostname || '') + port;
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = '/' + rest;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) rest = autoEscape(rest);

  // the first '#' starts the hash, the first '?' before it the search
  const h = rest.indexOf('#');
  if (h !== -1) this.hash = rest.slice(h);
  let q = rest.indexOf('?');
  if (h !== -1 && q > h) q = -1;
  if (q !== -1) {
    if (h === -1) {
      this.search = rest.slice(q);
      this.query = rest.slice(q + 1);
    } else {
      this.search = rest.slice(q, h);
      this.query = rest.slice(q + 1, h);
    }
    if (parseQueryString) this.query = querystring().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const pathEnd = q !== -1 && (h === -1 || q < h) ? q : h;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

function invalidURL(url) {
  return new ERR_INVALID_URL(url);
}

// Characters auth keeps as they are: letters, digits and - . _ ~ ! ' ( ) * :
const authKeep = /[A-Za-z0-9\-._~!'()*:]/;

const authEscapeRe = /[^A-Za-z0-9\-._~!'()*:]/;

function encodeAuth(s) {
  if (!authEscapeRe.test(s)) return s; // (the common auth: nothing to escape)
  let out = '';
  const parts = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch.charCodeAt(0) < 0x80 && authKeep.test(ch)) {
      parts.push(ch);
    } else {
      const c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        parts.push(encodeURIComponent(s.slice(i, i + 2)));
        i++;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        throw makeURIError();
      } else {
        parts.push(c < 0x80 ? '%' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase() : encodeURIComponent(ch));
      }
    }
  }
  out = parts.join('');
  return out;
}

// encodeAuthValue is node's encodeStr on an auth that is not a string: it walks auth.length
// units of its string form and hands the value back as it is when none needed escaping (a
// number or boolean has no length, so it stays as it is).
function encodeAuthValue(v) {
  if (typeof v === 'string') return encodeAuth(v);
  const len = v.length;
  if (len === 0) return '';
  if (!(len > 0)) return v;
  const s = `${v}`;
  const head = s.slice(0, len);
  const enc = encodeAuth(head);
  return enc === head ? v : enc + s.slice(len);
}

// escapePathnameValue is node's '#'/'?' escaping loop on a pathname that is not a string: it
// calls the value's own length, charCodeAt and slice, so a value without them is left as it is
// or throws as in node.
function escapePathnameValue(pathname) {
  const parts = [];
  let lastPos = 0;
  for (let i = 0; i < pathname.length; ++i) {
    const c = pathname.charCodeAt(i);
    if (c === 35 || c === 63) {
      if (i - lastPos > 0) parts.push(pathname.slice(lastPos, i));
      parts.push(c === 35 ? '%23' : '%3F');
      lastPos = i + 1;
    }
  }
  if (lastPos === 0) return pathname;
  if (lastPos !== pathname.length) parts.push(pathname.slice(lastPos));
  return parts.join('');
}

function makeURIError() {
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeAuthValue(auth) + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !looksIPv6(this.hostname) ?
      '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }

  if (this.query !== null && typeof this.query === 'object') query = querystring().stringify(this.query);
  let search = this.search || (query && ('?' + query)) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';

  if (typeof pathname === 'string') {
    if (pathname.includes('#') || pathname.includes('?')) {
      pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
    }
  } else {
    pathname = escapePathnameValue(pathname);
  }

  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 47) pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }

  // (a string without '#' skips the regexp; any other value's own replace runs, as in node)
  if (typeof search !== 'string' || search.indexOf('#') !== -1) search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 35) hash = '#' + hash;
  if (search && search.charCodeAt(0) !== 63) search = '?' + search;
  return protocol + host + pathname + search + hash;
};

function urlFormat(obj) {
  if (typeof obj === 'string') {
    obj = urlParse(obj);
  } else if (typeof obj !== 'object' || obj === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], obj);
  }
  return Url.prototype.format.call(obj);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function setPath(r) {
  if (r.pathname !== null || r.search !== null) {
    r.path = (r.pathname ? r.pathname : '') + (r.search ? r.search : '');
  }
}

// hostFromPath moves a user@ prefix of a host-less URL's host into auth (mailto: and the like).
function splitAuthInHost(result) {
  const parts = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
  if (parts) {
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }
  const result = new Url();
  for (const k of Object.keys(this)) result[k] = this[k];

  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // "//host/path" keeps only the protocol of the source.
  if (relative.slashes && !relative.protocol) {
    for (const k of Object.keys(relative)) if (k !== 'protocol') result[k] = relative[k];
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!slashedProtocol.has(relative.protocol)) {
      for (const k of Object.keys(relative)) result[k] = relative[k];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // For protocols without '//', the host is the first path segment, so '..' may climb into it.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // (a relative URL that names the protocol brings its own auth, or none)
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthInHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    result.href = result.format();
    return result;
  }

  // A path ending in '.' or '..' (or '') keeps a trailing slash.
  let last = srcPath.slice(-1)[0];
  const trailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '';

  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }
  if (trailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    splitAuthInHost(result);
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  // a port is the digits after its last colon (one search from there, not a regexp anchored at
  // the end, which the engine tries at every position)
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && digitsRe.test(host.slice(colon + 1))) {
    if (colon !== host.length - 1) this.port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host) this.hostname = host;
};

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
};
