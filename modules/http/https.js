'use strict';
// https: http over tls. Server is a tls.Server whose secure connections go through http's
// connection handling; Agent dials with tls.connect.

const http = require('http');
// tls (and net under it) load when first needed: a server made, a connection dialled, or a
// lookup reaching the stand-in Server inherits from until then (internal/lazy_proto). Many
// programs require https and never use it.
let tls_;
function tls() { return tls_ || (tls_ = require('tls')); }
const _internal = require('internal/module_internals').get('http');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener); // at: https:63:41
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) opts = {};
  else require('internal/validators').validateObject(opts, 'options'); // at: https:72:5
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  _internal.storeHTTPOptions.call(this, opts); // at: https:79:3
  tls().Server.call(this, opts);
  _internal.initServer(this, opts, requestListener, 'secureConnection');
}
{
  // (the stand-ins stand for tls.Server, a net.Server: they inherit from what http's Server does)
  const lazyProto = internalBinding('internal/lazy_proto');
  lazyProto.extendWhenLoaded('tls', [Server], Object.getPrototypeOf(http.Server.prototype),
    Object.getPrototypeOf(http.Server), () => tls().Server);
}
for (const m of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[m] = http.Server.prototype[m];
}
// (https's Server disposes of itself as http's does, with a function of its own, as node's)
if (Symbol.asyncDispose) {
  Server.prototype[Symbol.asyncDispose] = async function() {
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener); // at: https:135:10
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options); // at: https:208:12
  http.Agent.call(this, options); // at: https:210:3
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions === undefined ? 100 : this.options.maxCachedSessions;
  this._sessionCache = { map: {}, list: [] };
}
Object.setPrototypeOf(Agent.prototype, http.Agent.prototype);
Object.setPrototypeOf(Agent, http.Agent);
// createConnection(options), (port[, options]) or (port, host[, options]) dials with tls.connect
// (options copied unless they came first), resuming the TLS session last cached under the pool
// name options._agentKey and caching the new ones.
Agent.prototype.createConnection = function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') options = port;
  else if (host !== null && typeof host === 'object') options = { ...host };
  else if (options === null || typeof options !== 'object') options = {};
  else options = { ...options };
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  const key = options._agentKey;
  if (key) {
    const session = this._getSession(key);
    if (session) options = { session, ...options };
  }
  const socket = tls().connect(options);
  if (key) {
    socket.on('session', (session) => this._cacheSession(key, session));
    socket.once('close', (hadError) => { if (hadError) this._evictSession(key); });
  }
  return socket;
};

Agent.prototype._getSession = function _getSession(key) { return this._sessionCache.map[key]; };

// _cacheSession keeps at most maxCachedSessions names, dropping the oldest first.
Agent.prototype._cacheSession = function _cacheSession(key, session) {
  const cache = this._sessionCache;
  if (this.maxCachedSessions === 0) return;
  if (cache.map[key]) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) delete cache.map[cache.list.shift()];
  cache.list.push(key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const i = this._sessionCache.list.indexOf(key);
  if (i === -1) return;
  this._sessionCache.list.splice(i, 1);
  delete this._sessionCache.map[key];
};
// The TLS options that make a connection unfit for another request, in node's order: the pool
// name is http's then ':' and each (empty when unset).
const nameParts = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername',
  'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam', 'secureOptions',
  'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];
const nameKeepsFalsy = new Set(['rejectUnauthorized', 'honorCipherOrder', 'secureOptions']);

Agent.prototype.getName = function getName(options = {}) {
  let name = http.Agent.prototype.getName.call(this, options);
  for (const k of nameParts) {
    name += ':';
    const v = options[k];
    if (nameKeepsFalsy.has(k) ? v === undefined : !v) continue;
    if (k === 'servername' && v === options.host) continue;
    name += k === 'sigalgs' ? JSON.stringify(v) : v;
  }
  return name;
};

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    options = _internal.urlToHttpOptions(new URL(args.shift())); // at: https:369:32
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new http.ClientRequest(options, ...args); // at: https:381:10
}

function get(...args) {
  const req = request(...args); // at: https:417:15
  req.end();
  return req;
}

module.exports = { Agent, globalAgent: undefined, Server, createServer, get, request };
// globalAgent is a lazy member (runtime/lazymembers.go): a data property in its place, the agent
// made the first time anything reads it (making it loads events and more). It is made as at load,
// with the http.Agent.defaultMaxSockets of then.
{
  const defaultMaxSockets = http.Agent.defaultMaxSockets;
  const makeAgent = () => {
    const now = http.Agent.defaultMaxSockets;
    http.Agent.defaultMaxSockets = defaultMaxSockets;
    try {
      return new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
    } finally {
      http.Agent.defaultMaxSockets = now;
    }
  };
  const lazyMembers = internalBinding('internal/lazy_members');
  if (lazyMembers) lazyMembers.members(module.exports, makeAgent, ['globalAgent'], 'https');
  else module.exports.globalAgent = makeAgent();
}
