'use strict';
// The parts of Node's underscored http internals (_http_common, _http_incoming, _http_outgoing,
// _http_server) that packages reach for. gojs parses HTTP in Go: HTTPParser is node's binding
// class over that parser, there is no parser pool; the rest are views of the http module.
const http = require('http');
const httpInternal = require('internal/module_internals').get('http');

const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const headerCharRe = /[^\t\x20-\x7e\x80-\xff]/;

const common = {
  _checkInvalidHeaderChar(val) { return headerCharRe.test(val); },
  _checkIsHttpToken(val) { return tokenRe.test(val); },
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  methods: httpInternal.parserMethods,
  kIncomingMessage: httpInternal.kIncomingMessage,
  isLenient() { return false; },
};
// node's parser binding class, made on first use
Object.defineProperty(common, 'HTTPParser', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return httpInternal.getHTTPParser(); },
});

const incoming = {
  IncomingMessage: http.IncomingMessage,
  readStart(socket) { if (socket && !socket._paused && typeof socket.resume === 'function') socket.resume(); },
  readStop(socket) { if (socket && typeof socket.pause === 'function') socket.pause(); },
};

function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (let i = 0; i < headers.length; i++) unique.add(String(headers[i]).toLowerCase());
  return unique;
}

const outgoing = {
  kHighWaterMark: Symbol('kHighWaterMark'),
  kUniqueHeaders: httpInternal.kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName: http.validateHeaderName,
  validateHeaderValue: http.validateHeaderValue,
  OutgoingMessage: http.OutgoingMessage,
};

const server = {
  STATUS_CODES: http.STATUS_CODES,
  Server: http.Server,
  ServerResponse: http.ServerResponse,
  kServerResponse: httpInternal.kServerResponse,
  kConnectionsCheckingInterval: httpInternal.kConnectionsCheckingInterval,
};

// translatePeerCertificate turns a certificate's raw infoAccess text into an object of arrays
// and links issuer certificates, as tls does for getPeerCertificate().
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null) {
    const info = c.infoAccess;
    c.infoAccess = Object.create(null);
    String(info).replace(/([^\n:]*):([^\n]*)(?:\n|$)/g, (all, key, val) => {
      if (key in c.infoAccess) c.infoAccess[key].push(val);
      else c.infoAccess[key] = [val];
      return '';
    });
  }
  return c;
}

module.exports = { common, incoming, outgoing, server, translatePeerCertificate };
