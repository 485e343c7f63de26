'use strict';
// dns/promises: the promise twins of dns, sharing its binding through dns's internals.

const dns = require('dns');
const { parseLookupOptions, lookupRaw, atSite, isIP, rrtypes, ResolverBase, emitInvalidHostnameWarning, errorCodes,
  bindDefaultResolver, nodeResolverShape } = require('internal/module_internals').get('dns');
const { validateString } = require('internal/validators');
const { codes } = require('internal/errors');

// A failed request's error has node's frame of the request's completion (see dns's atSite) and,
// unhandled, prints the excerpt of node's line there.
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
function rejectAt(err, site, line, source) {
  atSite(err, `${site} (node:internal/dns/promises:${line}:17)`);
  try {
    putArrow(err, `node:internal/dns/promises:${line}\n    this.reject(new DNSException(err, ${source}, this.hostname));\n${' '.repeat(16)}^\n`);
  } catch {
    // a frozen error
  }
  return err;
}

function lookup(hostname, options) {
  // no callback here: a function is no options bag
  if (hostname) validateString(hostname, 'hostname');
  if (options !== undefined && typeof options !== 'number' && (options === null ? false : typeof options !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  const o = parseLookupOptions(hostname, options, () => {}, 2);
  return new Promise((resolve, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve(o.all ? [] : { address: null, family: o.family === 6 ? 6 : 4 });
      return;
    }
    const matched = isIP(hostname);
    if (matched) {
      resolve(o.all ? [{ address: hostname, family: matched }] : { address: hostname, family: matched });
      return;
    }
    lookupRaw(hostname, o.family, o.order, (err, list) => {
      if (err) {
        return reject(o.all ? rejectAt(err, 'GetAddrInfoReqWrap.onlookupall [as oncomplete]', 99, "'getaddrinfo'") :
          rejectAt(err, 'GetAddrInfoReqWrap.onlookup [as oncomplete]', 86, "'getaddrinfo'"));
      }
      if (o.all) resolve(list.map((a) => ({ address: a[0], family: a[1] })));
      else resolve({ address: list[0][0], family: list[0][1] });
    }, undefined, o);
  });
}

function lookupService(address, port) {
  // Node validates before it makes the promise: bad arguments throw.
  if (arguments.length !== 2) throw new codes.ERR_MISSING_ARGS('address', 'port');
  if (isIP(address) === 0) throw new codes.ERR_INVALID_ARG_VALUE('address', address);
  require('internal/module_internals').get('net').validatePort(port);
  return new Promise((resolve, reject) => {
    dns.lookupService(address, port, (err, hostname, service) => {
      if (err) {
        // (as node's: the promise's error names no host, its request keeps none)
        const e = new Error(`${err.syscall} ${err.code}`);
        e.errno = err.errno;
        e.code = err.code;
        e.syscall = err.syscall;
        e.stack = `${e.name}: ${e.message}\n    at GetNameInfoReqWrap.onlookupservice [as oncomplete] (node:internal/dns/promises:240:17)`;
        reject(e);
      } else {
        resolve({ hostname, service });
      }
    });
  });
}

// As node's: the same base as dns.Resolver (servers, cancel), promise-returning queries.
class Resolver extends ResolverBase {}
// As node: the name (and resolve's rrtype) are checked synchronously, before any promise; what the
// query itself refuses (reverse of something that is no IP) rejects.
for (const m of Object.values(rrtypes).concat(['reverse'])) {
  Resolver.prototype[m] = function(name, options) {
    validateString(name, 'name');
    return new Promise((resolve, reject) => {
      const cb = (err, result) => (err ?
        reject(rejectAt(err, 'QueryReqWrap.onresolve [as oncomplete]', 292, 'this.bindingName')) : resolve(result));
      if (m === 'reverse') dns.Resolver.prototype.reverse.call(this, name, cb);
      else dns.Resolver.prototype[m].call(this, name, options, cb);
    });
  };
}
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let m = 'resolve4';
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    m = rrtypes[rrtype];
    if (!m) throw new codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return this[m](hostname);
};

nodeResolverShape(Resolver.prototype);

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  setServers: function defaultResolverSetServers(servers) {
    const r = new Resolver();
    r.setServers(servers);
    bindDefaultResolver(module.exports, r);
  },
  ...errorCodes,
};
{
  const setDefault = (servers) => {
    const r = new Resolver();
    if (servers !== null) r.setServers(servers);
    bindDefaultResolver(module.exports, r);
  };
  setDefault(require('internal/module_internals').get('dns').sharePromisesServers(setDefault));
}
