'use strict';
// https: http over tls. Server is a tls.Server whose secure connections go through http's
// connection handling; Agent dials with tls.connect.

const tls = require('tls');
const http = require('http');
const { _internal } = http;

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) opts = {};
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  tls.Server.call(this, opts);
  _internal.initServer(this, opts, requestListener, 'secureConnection');
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);
for (const m of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[m] = http.Server.prototype[m];
}

function createServer(opts, requestListener) { return new Server(opts, requestListener); }

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  http.Agent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions === undefined ? 100 : this.options.maxCachedSessions;
}
Object.setPrototypeOf(Agent.prototype, http.Agent.prototype);
Object.setPrototypeOf(Agent, http.Agent);
Agent.prototype.createConnection = function createConnection(options, cb) {
  const s = tls.connect(options);
  return s;
};
Agent.prototype.getName = function getName(options = {}) {
  let name = http.Agent.prototype.getName.call(this, options);
  name += ':';
  if (options.ca) name += options.ca;
  name += ':';
  if (options.rejectUnauthorized !== undefined) name += options.rejectUnauthorized;
  name += ':';
  if (options.servername && options.servername !== options.host) name += options.servername;
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    options = _internal.urlToHttpOptions(new URL(args.shift()));
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new http.ClientRequest(options, ...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, get, request };
