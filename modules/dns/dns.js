'use strict';
// dns: lookup (getaddrinfo semantics) and the resolve* queries over the Go binding, with Node's
// argument validation, result shapes and error codes.

const { codes, E } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } = codes;
const { validateString, validateFunction, validateBoolean, validateNumber, validateOneOf, validateArray } = require('internal/validators');
// node's 'dns' performance entries: a request observed when it starts is reported once it succeeds
const perf = require('internal/perf/observe');

const ADDRCONFIG = 32;
const ALL = 16;
const V4MAPPED = 8;
const validFamilies = [0, 4, 6];

const { noteThis, endThis } = binding;
let defaultOrder = binding.defaultOrder; // 'verbatim' unless --dns-result-order
let warnedHostname = false;

function isIP(s) { return require('net').isIP(s); }

function emitInvalidHostnameWarning(hostname) {
  if (warnedHostname) return;
  warnedHostname = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning', 'DEP0118');
}

// (node's validateHints, named so that gojs's stacks do not take it for a hidden validator)
function checkHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints); // at: validateHints@internal/dns/utils:266:11 | 5 |     throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}


function sortAddresses(list, order) {
  if (order === 'verbatim') return list;
  const first = order === 'ipv4first' ? 4 : 6;
  return list.filter((a) => a[1] === first).concat(list.filter((a) => a[1] !== first));
}

// lookupRaw(hostname, family, order, cb(err, [[address, family]...]), site) for the promise twin
// too. A failure's stack is node's: the one frame of the request's completion, site (where node
// 20 makes the error: dns's onlookup or onlookupall, dns/promises' onlookup).
// A query's error is made by the binding, with no frames: node's has the frame of its request's
// completion (site), where V8 captured it.
function atSite(err, site) {
  try {
    err.stack = `${err.name}: ${err.message}\n    at ${site}`;
  } catch {
    // a frozen error keeps its stack
  }
  return err;
}

// queryDone is the completion of the query of req (queryReq), whose callback it calls as node's
// onresolve calls it: as the request's.
function queryDone(req, bindingName, host, ttl) {
  const start = perf.hasObserver('dns') ? perf.now() : undefined;
  return (err, result) => {
    const mark = noteThis(req.callback, req);
    if (err) req.callback(atSite(err, 'QueryReqWrap.onresolve [as oncomplete] (node:internal/dns/callback_resolver:45:19)')); // at: QueryReqWrap.onresolve [as oncomplete]@internal/dns/callback_resolver:45:10
    else req.callback(null, result); // at: QueryReqWrap.onresolve [as oncomplete]@internal/dns/callback_resolver:47:10
    endThis(mark);
    if (!err && start !== undefined) perf.enqueue(bindingName, 'dns', start, { host, ttl, result });
  };
}

// lookupRaw resolves hostname as getaddrinfo does; o is the lookup's parsed options (all, hints),
// for its performance entry.
function lookupRaw(hostname, family, order, cb, site, o) {
  const start = o !== undefined && perf.hasObserver('dns') ? perf.now() : undefined;
  // (the name looked up is its ASCII form, as node's toASCII makes it: punycode)
  const ascii = /[^\x00-\x7f]/.test(hostname) ? nameToASCII(hostname) : hostname;
  binding.lookup(ascii, family, (err, list) => {
    if (err) {
      if (site) atSite(err, `GetAddrInfoReqWrap.${site}`);
      return cb(err); // at: -
    }
    const sorted = sortAddresses(list, order);
    cb(null, sorted); // at: -
    if (start !== undefined) {
      const addresses = o.all ? sorted.map((a) => ({ address: a[0], family: a[1] })) : sorted.map((a) => a[0]);
      perf.enqueue('lookup', 'dns', start,
        { hostname, family, hints: o.hints, verbatim: order === 'verbatim', order, addresses });
    }
  }, hostname);
}

// The request objects node's lookup, lookupService and queries return (its native wraps): the
// same classes and fields, for whoever keeps or inspects them. Their oncomplete functions only
// name node's; the binding completes a request itself.
function GetAddrInfoReqWrap() {}
function GetNameInfoReqWrap() {}
function QueryReqWrap() {}
function onlookup() {}
function onlookupall() {}
function onlookupservice() {}
function onresolve() {}
function queryReq(bindingName, callback, hostname, ttl) {
  const req = new QueryReqWrap();
  req.bindingName = bindingName;
  req.callback = callback;
  req.hostname = hostname;
  req.oncomplete = onresolve;
  req.ttl = ttl;
  return req;
}

// parseLookupOptions is the checks of lookup's arguments, for dns.promises.lookup (the callback
// lookup has them as its own lines).
function parseLookupOptions(hostname, options, callback, argc) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  let hints = 0;
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(argc === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    validateFunction(callback, 'callback');
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      checkHints(options.hints >>> 0);
      hints = options.hints >>> 0;
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', ['verbatim', 'ipv4first', 'ipv6first']);
      order = options.order;
    }
  }
  return { family, all, order, hints, callback };
}

// (the checks are lookup's own lines, as node's, so its frame is at node's place of each)
function lookup(hostname, options, callback) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  let hints = 0;
  if (hostname) validateString(hostname, 'hostname'); // at: dns:151:5
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback'); // at: dns:158:5
    validateOneOf(options, 'family', validFamilies); // at: dns:160:5
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback'); // at: dns:163:5
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options); // at: dns:164:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    validateFunction(callback, 'callback'); // at: dns:166:5
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints'); // at: dns:169:7
      checkHints(options.hints >>> 0); // at: dns:171:7
      hints = options.hints >>> 0;
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies); // at: dns:182:11
          family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all'); // at: dns:188:7
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim'); // at: dns:192:7
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', ['verbatim', 'ipv4first', 'ipv6first']); // at: dns:196:7
      order = options.order;
    }
  }
  const o = { family, all, order, hints, callback };
  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (o.all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, o.family === 6 ? 6 : 4);
    return {};
  }
  const matched = isIP(hostname);
  if (matched) {
    if (o.all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
    else process.nextTick(callback, null, hostname, matched);
    return {};
  }
  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = o.family;
  req.hostname = hostname;
  req.oncomplete = o.all ? onlookupall : onlookup;
  // (the callback is called as node's onlookup and onlookupall call it: as the request's)
  lookupRaw(hostname, o.family, o.order, (err, list) => {
    const mark = noteThis(req.callback, req);
    if (err && o.all) req.callback(err); // at: GetAddrInfoReqWrap.onlookupall [as oncomplete]@dns:122:17
    else if (err) req.callback(err); // at: GetAddrInfoReqWrap.onlookup [as oncomplete]@dns:111:17
    else if (o.all) req.callback(null, list.map((a) => ({ address: a[0], family: a[1] }))); // at: GetAddrInfoReqWrap.onlookupall [as oncomplete]@dns:134:8
    else req.callback(null, list[0][0], list[0][1]); // at: GetAddrInfoReqWrap.onlookup [as oncomplete]@dns:113:8
    endThis(mark);
  }, o.all ? 'onlookupall [as oncomplete] (node:dns:122:26)' : 'onlookup [as oncomplete] (node:dns:111:26)', o);
  return req;
}
// as node's: util.promisify resolves { address, family } and { hostname, service } (the
// callback's arguments by name; a lookup with all resolves its one argument, the list)
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');
Object.defineProperty(lookup, kCustomPromisifyArgs, { __proto__: null, value: ['address', 'family'], enumerable: false });

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback'); // at: dns:274:11 | 5 |     throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  // (no type check first, as node 20's: whatever is no IP address is an invalid value)
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address); // at: dns:277:11 | 5 |     throw new ERR_INVALID_ARG_VALUE('address', address);
  require('internal/module_internals').get('net').validatePort(port); // at: dns:279:3
  validateFunction(callback, 'callback');
  const start = perf.hasObserver('dns') ? perf.now() : undefined;
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = +port;
  req.oncomplete = onlookupservice;
  // (the callback is called as node's onlookupservice calls it: as the request's)
  binding.lookupService(address, +port, (err, hostname, service) => {
    const mark = noteThis(req.callback, req);
    if (err) {
      // (a failure's stack is node's one frame, where dns's onlookupservice makes the error)
      err.stack = `${err.name}: ${err.message}\n    at GetNameInfoReqWrap.onlookupservice [as oncomplete] (node:dns:263:26)`;
      req.callback(err); // at: GetNameInfoReqWrap.onlookupservice [as oncomplete]@dns:263:17
      endThis(mark);
      return;
    }
    req.callback(null, hostname, service); // at: GetNameInfoReqWrap.onlookupservice [as oncomplete]@dns:265:8
    endThis(mark);
    if (start !== undefined) perf.enqueue('lookupService', 'dns', start, { host: address, port: +port, hostname, service });
  });
  return req;
}
Object.defineProperty(lookupService, kCustomPromisifyArgs, { __proto__: null, value: ['hostname', 'service'], enumerable: false });

// ---------------------------------------------------------------- Resolver

const kChannel = Symbol('kChannel');
const kServers = Symbol('kServers');
// As node's handle, getServers() gives [ip, port] pairs: the ones set, else the system's.
class ChannelWrap {
  getServers() {
    if (this[kServers]) return this[kServers].map(([ip, port]) => [ip, port]);
    return binding.systemServers().map((ip) => [ip, 53]);
  }
}

const rrtypes = {
  A: 'resolve4', AAAA: 'resolve6', ANY: 'resolveAny', CAA: 'resolveCaa', CNAME: 'resolveCname',
  MX: 'resolveMx', NAPTR: 'resolveNaptr', NS: 'resolveNs', PTR: 'resolvePtr', SOA: 'resolveSoa',
  SRV: 'resolveSrv', TXT: 'resolveTxt',
};

function parseServer(s) {
  validateString(s, 'servers[i]');
  // As node's setServers: an address alone; then an address in brackets at the start (v4 or v6)
  // with a port after it, if the rest ends in ':digits' (anything else between is ignored), 53
  // for none or 0; then address:port.
  if (isIP(s)) return [s, 53];
  let m = /^\[([^[\]]*)\]/.exec(s);
  if (m && isIP(m[1])) {
    const port = /:(\d+)$/.exec(s.slice(1));
    return [m[1], (port && parseInt(port[1], 10)) || 53];
  }
  m = /^(.+?)(?::(\d+))?$/.exec(s);
  if (m && isIP(m[1])) return [m[1], m[2] !== undefined ? parseInt(m[2], 10) : 53];
  throw codes.ERR_INVALID_IP_ADDRESS ? new codes.ERR_INVALID_IP_ADDRESS(s) : invalidIP(s);
}

function invalidIP(s) {
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', require('util').format('Invalid IP address: %s', s)); // at: -
}

// ResolverBase holds what dns.Resolver and dns.promises.Resolver share, as node's does: the
// channel and its servers.
class ResolverBase {
  constructor(options = undefined) {
    let timeout = -1;
    let tries = 4;
    let maxTimeout = 0;
    // (options of any type: node reads them through a spread, { ...options })
    if (options != null) {
      if (options.timeout !== undefined) {
        require('internal/validators').validateInt32(options.timeout, 'options.timeout', -1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        require('internal/validators').validateInt32(options.tries, 'options.tries', 1);
        tries = options.tries;
      }
      // c-ares's maxtimeout: a cap on each try's timeout, which doubles each round (0: none;
      // node 20 passes it on unchecked)
      if (typeof options.maxTimeout === 'number' && options.maxTimeout > 0) maxTimeout = options.maxTimeout | 0;
    }
    // As Node shows it: Resolver { _handle: ChannelWrap {} }.
    const handle = new ChannelWrap();
    Object.defineProperty(handle, kChannel, { __proto__: null, value: binding.newResolver(timeout, tries, maxTimeout) });
    Object.defineProperty(handle, kServers, { __proto__: null, value: null, writable: true });
    this._handle = handle;
  }
  cancel() { this._handle[kChannel].cancel(); }
  getServers() {
    // through the handle, as node's: a handle whose getServers gives nothing gives no servers
    return (this._handle.getServers() || []).map(([ip, port]) => formatServer(ip, port));
  }
  setServers(servers) {
    validateArray(servers, 'servers'); // at: internal/dns/utils:97:5
    // forEach, as node: holes are skipped and a getter that shortens the array is honoured.
    const parsed = [];
    const seen = new Set();
    servers.forEach((s, i) => { // at: internal/dns/utils:103:5
      if (typeof s !== 'string') throw new ERR_INVALID_ARG_TYPE(`servers[${i}]`, 'string', s); // at: internal/dns/utils:103:5 | validator
      let server;
      try { server = parseServer(s); } catch (e) {
        throw invalidIP(s); // at: internal/dns/utils:103:5 | 138:7 |       throw new ERR_INVALID_IP_ADDRESS(serv);
      }
      // c-ares keeps a server once (the same address and port given twice, 0::1 and ::1, 8.8.8.8
      // and 8.8.8.8:53), in its shortest form
      // (the zone is the channel's, not shown: server[2])
      if (isIP(server[0]) === 6) {
        const zone = server[0].indexOf('%');
        if (zone !== -1) server[2] = server[0].slice(zone);
        server[0] = binding.canonicalIPv6(server[0]);
      }
      // (c-ares keeps a port in 16 bits: 70000 is 4464)
      if (server[1] > 0xffff) server[1] = (server[1] | 0) & 0xffff;
      const key = `${server[0]} ${server[1]}`;
      if (seen.has(key)) return;
      seen.add(key);
      parsed.push(server);
    });
    // c-ares refuses new servers while the channel has queries out (node: ERR_DNS_SET_SERVERS_FAILED)
    if (this._handle[kChannel].pending() > 0) {
      throw new (codes.ERR_DNS_SET_SERVERS_FAILED || E('ERR_DNS_SET_SERVERS_FAILED',
        'c-ares failed to set servers: "%s" [%s]', Error))('There are pending queries.', servers);
    }
    this._handle[kServers] = parsed;
    this._handle[kChannel].setServers(parsed.map(([ip, port, zone = '']) => (isIP(ip) === 6 ? `[${ip}${zone}]:${port}` : `${ip}:${port}`)));
  }
  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    let v4 = '';
    let v6 = '';
    for (const a of ipv6 === undefined ? [ipv4] : [ipv4, ipv6]) {
      const t = isIP(a);
      if (t === 0) throw invalidLocal('Invalid IP address.');
      if (t === 4) {
        if (v4) throw invalidLocal('Cannot specify two IPv4 addresses.');
        v4 = a;
      } else {
        if (v6) throw invalidLocal('Cannot specify two IPv6 addresses.');
        v6 = a;
      }
    }
    this._handle[kChannel].setLocalAddress(v4, v6);
  }
}

class Resolver extends ResolverBase {
  resolve(hostname, rrtype, callback) {
    let method;
    if (typeof rrtype === 'string') {
      method = rrtypes[rrtype];
      if (!method) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    } else if (typeof rrtype === 'function') {
      method = 'resolve4';
      callback = rrtype;
    } else {
      throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
    }
    return this[method](hostname, callback);
  }
  reverse(ip, callback) {
    validateString(ip, 'name');
    validateFunction(callback, 'callback');
    if (!isIP(ip)) {
      // (node's DNSException: an empty name is neither in the message nor a hostname property)
      const err = new Error(`getHostByAddr EINVAL${ip ? ` ${ip}` : ''}`);
      err.errno = -22; // libuv's UV_EINVAL, as node's c-ares binding answers
      err.code = 'EINVAL';
      err.syscall = 'getHostByAddr';
      if (ip) err.hostname = ip;
      throw err;
    }
    const req = queryReq('getHostByAddr', callback, ip, false);
    this._handle[kChannel].query('REVERSE', ip, false, queryDone(req, 'getHostByAddr', ip, false));
    return req;
  }
}

function invalidLocal(msg) {
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', msg);
}

function formatServer(ip, port) {
  if (port === 53) return ip;
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

let urlDomainToASCII;
function nameToASCII(name) {
  // (plain lower-case ASCII, the usual name, is its own ASCII form)
  if (/^[a-z0-9._-]*$/.test(name)) return name;
  if (urlDomainToASCII === undefined) urlDomainToASCII = require('url').domainToASCII;
  return urlDomainToASCII(name);
}

// queryName is node's name for a query method's function: queryA, queryAaaa, queryCname...
function queryName(type) {
  return `query${type[0]}${type.slice(1).toLowerCase()}`;
}

function defineQuery(type, method) {
  Resolver.prototype[method] = function(name, options) {
    let callback = arguments[2];
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const ttl = !!(options && options.ttl);
    // (the name asked is its ASCII form, as node's toASCII makes it: lower case, punycode)
    const req = queryReq(queryName(type), callback, name, ttl);
    this._handle[kChannel].query(type, nameToASCII(name), ttl, queryDone(req, queryName(type), name, ttl), name);
    return req;
  };
}
for (const type of Object.keys(rrtypes)) defineQuery(type, rrtypes[type]);
nodeResolverShape(Resolver.prototype);

// nodeResolverShape gives a Resolver prototype's methods node's names and order (queries first,
// in node's order, then reverse as getHostByAddr, then resolve); inspect shows them so.
function nodeResolverShape(proto) {
  for (const type of ['ANY', 'A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA']) {
    moveLast(proto, rrtypes[type], queryName(type));
  }
  moveLast(proto, 'reverse', 'getHostByAddr');
  moveLast(proto, 'resolve', 'resolve');
}

function moveLast(proto, key, name) {
  const d = Object.getOwnPropertyDescriptor(proto, key);
  delete proto[key];
  Object.defineProperty(d.value, 'name', { __proto__: null, value: name, configurable: true });
  // (enumerable: node assigns them, Resolver.prototype.reverse = ...)
  Object.defineProperty(proto, key, { __proto__: null, ...d, enumerable: true });
}

// ---------------------------------------------------------------- module-level API

let defaultResolver = new Resolver();
// defaultServersSet: dns.setServers replaced the default resolver's servers. promisesSetServers
// is dns/promises' own setServers once that module has loaded.
let defaultServersSet = false;
let promisesSetServers = null;

// The module's query functions are the default resolver's methods bound to it, as node's, and
// bound again when setServers makes a new default resolver.
const resolverKeys = ['getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

function bindDefaultResolver(target, resolver) {
  const proto = Object.getPrototypeOf(resolver);
  for (const key of resolverKeys) target[key] = proto[key].bind(resolver);
}

function getDefaultResultOrder() { return defaultOrder; }
function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']); // at: internal/dns/utils:284:3
  defaultOrder = order;
}

const errorCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: function defaultResolverSetServers(servers) {
    const r = new Resolver();
    r.setServers(servers); // at: dns:312:12
    defaultResolver = r;
    defaultServersSet = true;
    bindDefaultResolver(module.exports, r);
    // node's dns and dns/promises share the default resolver: dns.setServers rebinds both (while
    // dns.promises.setServers rebinds the promise API only).
    if (promisesSetServers !== null) promisesSetServers(r.getServers());
  },
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...errorCodes,
};
bindDefaultResolver(module.exports, defaultResolver);
// dns/promises shares these
require('internal/module_internals').set('dns', {
  parseLookupOptions, lookupRaw, atSite, isIP, rrtypes, ResolverBase, emitInvalidHostnameWarning, errorCodes,
  bindDefaultResolver, nodeResolverShape, queryName,
  // dns/promises registers its setServers here and starts from the servers dns.setServers set
  sharePromisesServers(setServers) {
    promisesSetServers = setServers;
    return defaultServersSet ? defaultResolver.getServers() : null;
  },
});
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true, enumerable: true,
  get() { return require('dns/promises'); },
});
