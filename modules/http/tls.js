'use strict';
// tls: TLSSocket (a net.Socket whose handle is a Go crypto/tls session over the underlying
// socket), tls.connect, tls.Server/createServer, createSecureContext.

// net (with events and stream under it) loads when a socket or server is first made: until then
// TLSSocket and Server inherit from stand-ins that load it on the first lookup reaching them
// (internal/lazy_proto). Many programs require tls and never use it.
let net_;
function net() { return net_ || (net_ = require('net')); }
const lazyProto = internalBinding('internal/lazy_proto');
const { codes, makeNodeError } = require('internal/errors');

const kRaw = Symbol('raw');
const kOpts = Symbol('tlsOptions');
const kHold = Symbol('holdLoop');
const kStarted = Symbol('started');
const kStartCalled = Symbol('start-called');
const kSecureContext = Symbol('secureContext');
// kOwnRaw marks a TLSSocket whose transport tls.connect made itself (node's TLSSocket then has
// no socket of its own and honours allowHalfOpen); kConnectOptions holds tls.connect's options.
const kOwnRaw = Symbol('ownRaw');
const kConnectOptions = Symbol('connectOptions');
const kSNIContext = Symbol('sniContext');
const kPendingSession = Symbol('pendingSession');
// (what the handshake told of the peer and the session it gave, which node's TLSWrap keeps
// natively: no own fields of the socket)
const kPeerInfo = Symbol('peerInfo');
const kSession = Symbol('session');
const kPendingNewSessions = Symbol('pendingNewSessions');
const kUnresumable = Symbol('unresumableSession');
// kVerified: tls.connect's checks of the server passed (node's kIsVerified): 'session' is emitted
// from then on, held until then.
const kVerified = Symbol('verified');
// kBareRaw marks a TLSSocket made with no socket: the net.Socket under it is its own, and its
// connect() connects that one (node's TLSWrap over a TCP handle of its own).
const kBareRaw = Symbol('bareRaw');
// kServerSocket marks the options of a socket a tls.Server made for a connection.
const kServerSocket = Symbol('serverSocket');

// The code of a TLS socket (its handle's wiring, the handshake's end, tls.connect's checks of the
// server) is a part, made when the first socket is.
let wireHandle, jsStreamSocket, onConnectSecure;
function wirePart() {
  if (wireHandle !== undefined) return;
  ({ wireHandle, jsStreamSocket, onConnectSecure } = binding.part('wire')({
    binding, connectEndError, identityPart, kAbortedEarly, kConnectOptions, kCtx, kOpts, kPeerInfo, kPendingNewSessions,
    kPendingSession, kSNIContext, kSecureContext, kSession, kStartCalled, kVerified, keylogToFile, makeNodeError, net,
    require, sslErrorObject, tlsClientError, tlsKeylog,
  }));
}
//#part wire
(function ({ binding, connectEndError, identityPart, kAbortedEarly, kConnectOptions, kCtx, kOpts, kPeerInfo,
  kPendingNewSessions, kPendingSession, kSNIContext, kSecureContext, kSession, kStartCalled, kVerified, keylogToFile,
  makeNodeError, net, require, sslErrorObject, tlsClientError, tlsKeylog }) {
function wireHandle(tlsSock, raw, isServer, options, jsStream) {
  // As node's TLSWrap, a write completes once the socket under it has written the ciphertext:
  // writes wait while that socket is backed up (rawPending counts its unfinished writes).
  let rawPending = 0;
  let rawBytes = 0; // the ciphertext of those writes (with what is not handed over yet, node's writeQueueSize)
  let held = 0;
  const rawWritten = (n) => {
    rawPending--;
    rawBytes -= n;
    while (rawPending === 0 && held > 0) {
      held--;
      handle.onwrite(0);
    }
  };
  // As node's enableSessionCallbacks: a server with 'newSession' or 'resumeSession' listeners
  // hears of the sessions its connections make and of the ones their clients ask for.
  const srv = isServer ? options.server : null;
  const sessionCallbacks = !!(srv && typeof srv.listenerCount === 'function' &&
    (srv.listenerCount('newSession') > 0 || srv.listenerCount('resumeSession') > 0));
  const handle = binding.wrap(isServer, tlsSock[kSecureContext].context[kCtx],
    sessionCallbacks ? { ...options, sessionCallbacks } : options, (buf, n) => {
    // (n is buf.length from Go: see onStreamRead in net)
    if (!raw.destroyed && !raw.writableEnded && !(raw.readableEnded && !raw.allowHalfOpen)) {
      rawPending++;
      rawBytes += n;
      raw.write(buf, () => rawWritten(n));
    }
  }, jsStream);
  Object.defineProperty(handle, 'writeQueueSize', {
    __proto__: null, get: () => rawBytes + handle.outBytes(), enumerable: true, configurable: true,
  });
  handle.onsyncdone = () => {
    if (rawPending > 0) held++;
    else handle.onwrite(0);
  };
  const goShutdown = handle.shutdown;
  // Once the session's close_notify is on its way, a failed write of it is no error of the
  // socket's: node's TLSWrap writes it with no write request of JS's waiting, and drops its
  // error (a peer gone already: EPIPE); the shutdown completes, and the socket closes.
  let shutdownStarted = false;
  handle.shutdown = (cb) => {
    shutdownStarted = true;
    // As node's TLSWrap: the request completes when the transport's own shutdown has.
    const done = (status) => {
      if (raw.destroyed || raw.writableFinished) cb(status);
      else raw.end(() => cb(status));
    };
    // a client whose handshake never started has no session to close: the transport just ends
    if (!isServer && !tlsSock[kStartCalled]) process.nextTick(done, 0);
    else goShutdown(done);
    return 0;
  };
  handle.ref = () => raw.ref();
  handle.unref = () => raw.unref();
  handle.hasRef = () => (raw._handle && raw._handle.hasRef ? raw._handle.hasRef() : true);
  handle.setNoDelay = (on) => { raw.setNoDelay(on); return 0; };
  handle.setKeepAlive = (on, d) => { raw.setKeepAlive(on, d * 1000); return 0; };
  handle.getsockname = () => (raw._handle && raw._handle.getsockname ? raw._handle.getsockname() : undefined);
  handle.getpeername = () => (raw._handle && raw._handle.getpeername ? raw._handle.getpeername() : undefined);
  handle.onclose = () => { if (!raw.destroyed) raw.destroy(); };
  // As node's TLSWrap, which closes the transport's handle with its own: the session's close
  // completes once the transport has closed (its 'close' comes first).
  let rawClosed = false;
  raw.once('close', () => { rawClosed = true; });
  for (const name of ['close', 'reset']) {
    const goClose = handle[name];
    handle[name] = (cb) => goClose(() => {
      if (typeof cb !== 'function') return;
      if (raw.destroyed && !rawClosed) raw.once('close', () => cb());
      else cb();
    });
  }
  if (!isServer) {
    // As node's TLSWrap, whose SSL_write begins a client's handshake: the first write of a
    // client not started yet starts it.
    const goWrite = handle.writeBuffer;
    handle.writeBuffer = (buf) => {
      handle.writeBuffer = goWrite;
      if (!tlsSock[kStartCalled]) tlsSock._start();
      return goWrite(buf);
    };
  }
  // verifyError: the check of the peer's chain (not its name), an Error with its code, or null.
  handle.verifyError = () => {
    const info = tlsSock[kPeerInfo];
    if (!info || !info.authCode) return null;
    const e = new Error(info.authError);
    e.code = info.authCode;
    return e;
  };
  handle.onhandshake = (info) => onHandshake(tlsSock, info);
  handle.onsslerror = (code, message, reason) => tlsSock.destroy(sslErrorObject(code, message, reason));
  handle.onkeylog = (line) => {
    if (tlsKeylog) require('fs').appendFileSync(tlsKeylog, line, { mode: 0o600 });
    if (isServer) {
      if (options.server) options.server.emit('keylog', line, tlsSock);
    } else {
      tlsSock.emit('keylog', line);
    }
  };
  if (tlsKeylog) keylogToFile(handle);
  if (isServer) {
    if (options.server && options.server.listenerCount('keylog') > 0) handle.enableKeylog();
  } else {
    const onNew = (event) => {
      if (event !== 'keylog') return;
      handle.enableKeylog();
      tlsSock.removeListener('newListener', onNew);
    };
    tlsSock.on('newListener', onNew);
  }
  handle.onsession = (session) => {
    // A node server issues no new ticket on a connection that resumed a session (Go's does): as
    // with node on both ends, such a connection keeps the session it resumed and announces none.
    if (!isServer && tlsSock[kPeerInfo] && tlsSock[kPeerInfo].resumed) return;
    if (tlsSock._secureEstablished && (isServer || tlsSock[kVerified])) {
      tlsSock[kSession] = session;
      tlsSock.emit('session', session);
      return;
    }
    // A session that came with the handshake (TLS 1.2) is the socket's once the handshake is
    // done (unless it resumed one), and is announced after secureConnect, as node's.
    tlsSock[kPendingSession] = session;
  };
  handle.onclienthello = (sessionId) => {
    // node's loadSession: the server's resumeSession listener is asked for the session the
    // client named; the handshake goes on once it answers (a session it gives cannot be loaded
    // into Go's server, which resumes from tickets only: the handshake is a full one).
    let once = false;
    const onSession = (err, session) => {
      if (once) return tlsSock.destroy(makeNodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      once = true;
      if (err) {
        // (as any error of a server's socket before its handshake: the server's tlsClientError)
        handle.helloDone(String(err && err.message || err));
        tlsClientError(tlsSock, err);
        return tlsSock.destroy();
      }
      if (tlsSock._handle === null) {
        handle.helloDone('closed');
        return tlsSock.destroy(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
      }
      handle.helloDone('');
    };
    if (!srv || !srv.emit('resumeSession', sessionId, onSession)) handle.helloDone('');
  };
  handle.onnewsession = (sessionId, session) => {
    if (!srv) return;
    const emit = () => {
      let once = false;
      srv.emit('newSession', sessionId, session, () => { once = true; });
    };
    // (node's server issues its tickets once the handshake is done: after secureConnection)
    if (tlsSock._secureEstablished) emit();
    else (tlsSock[kPendingNewSessions] || (tlsSock[kPendingNewSessions] = [])).push(emit);
  };
  handle.onsni = (name) => {
    // (node's SelectSNIContextCallback sets the name as early as it can: a failing handshake's
    // socket has it too)
    tlsSock.servername = name;
    let done = false;
    const cb = (err, ctx) => {
      if (done) return;
      done = true;
      const native = ctx && (ctx.context || ctx);
      // node's native setter takes only a SecureContext (or its .context)
      if (!err && native && !native[kCtx]) err = new Error('Invalid SNI context');
      if (err) {
        // As node: the socket is destroyed (no alert reaches the client), and the server told.
        tlsClientError(tlsSock, err);
        tlsSock.destroy();
      }
      if (!err && native) tlsSock[kSNIContext] = native;
      handle.sniDone(err ? String((err && err.message) || err) : '', native && native[kCtx] ? native[kCtx] : null);
    };
    options.SNICallback.call(tlsSock, name, cb);
  };
  handle.onocsp = () => {
    // node's requestOCSP: the server's listeners get the context's certificate and issuer (the
    // SNI context's, if one was picked) and a callback, called once
    const server = options.server;
    if (!server || server.listenerCount('OCSPRequest') === 0) {
      handle.ocspDone(false, null);
      return;
    }
    const ctx = tlsSock[kSNIContext] || tlsSock[kSecureContext].context;
    let once = false;
    const onOCSP = (err, response) => {
      if (once) return tlsSock.destroy(makeNodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      once = true;
      if (err) {
        tlsClientError(tlsSock, err);
        tlsSock.destroy();
        handle.ocspDone(true, null);
        return;
      }
      handle.ocspDone(false, response || null);
    };
    server.emit('OCSPRequest', ctx.getCertificate(), ctx.getIssuer(), onOCSP);
  };
  handle.onalpn = (servername, protocols) => {
    let r;
    try {
      r = options.ALPNCallback.call(tlsSock, { servername, protocols });
    } catch (e) {
      process.nextTick(() => { throw e; });
      return null;
    }
    if (r === undefined) return '';
    if (!protocols.includes(r)) {
      const err = makeNodeError(TypeError, 'ERR_TLS_ALPN_CALLBACK_INVALID_RESULT',
        `ALPN callback returned a value (${r}) that did not match any of the client's offered protocols (${protocols.join(', ')})`);
      tlsClientError(tlsSock, err);
      tlsSock.destroy();
      return null;
    }
    return r;
  };
  // The TLS session decides when to end: the raw socket must not answer the peer's FIN with its
  // own before the TLS socket's 'end' listeners ran (node's TLSSocket sits on the handle itself).
  raw.allowHalfOpen = true;
  // Nor close once both its sides are done: as node's TLSWrap, the transport's handle closes
  // with the session's (handle.onclose), after the TLS socket has read its end ('end' comes
  // before the transport's 'close' when the peer's end arrives after ours was sent).
  if (raw._readableState) raw._readableState.autoDestroy = false;
  if (raw._writableState) raw._writableState.autoDestroy = false;
  // (what a socket with a handle reads is the session's to keep: no copy; a JS stream's or a
  // handleless socket's pushes may be reused memory)
  raw.on('data', (d) => handle.feed(d, !jsStream && !!raw._handle));
  raw.on('end', () => {
    // A client TLSSocket made directly, its handshake never started: the session has nothing to
    // decrypt, and the socket just ends (node's TLSWrap passes the EOF on).
    if (!options.isServer && !tlsSock[kStartCalled]) {
      tlsSock.push(null);
      tlsSock.read(0);
    }
    else handle.feedEnd();
  });
  raw.on('error', (e) => {
    if (tlsSock.destroyed) return;
    if (shutdownStarted && e && e.syscall === 'write') return; // (see handle.shutdown)
    if (options.isServer && !tlsSock._secureEstablished) {
      tlsClientError(tlsSock, e);
      tlsSock.destroy();
      return;
    }
    tlsSock.destroy(e);
  });
  raw.on('close', () => {
    if (tlsSock[kAbortedEarly]) return; // (closed by its signal already)
    if (!tlsSock._secureEstablished && !tlsSock.destroyed) {
      if (options.isServer) {
        const e = new Error('Client network socket disconnected before secure TLS connection was established');
        e.code = 'ECONNRESET';
        tlsClientError(tlsSock, e);
        tlsSock.destroy();
        return;
      }
      // (the error is tls.connect's: a TLSSocket made directly just closes)
      tlsSock.destroy(tlsSock[kConnectOptions] ? connectEndError(tlsSock) : undefined);
    } else if (!raw.readableEnded && !tlsSock.destroyed) {
      // The socket under the session was destroyed before its peer ended it: as node's TLSWrap
      // whose stream closes, the TLS socket closes with it, no 'end' read.
      tlsSock.destroy();
    } else {
      handle.feedEnd();
    }
  });
  return handle;
}

// JSStreamSocket is node's internal js_stream_socket: a net.Socket over any duplex stream, which a
// TLSSocket puts under itself when given a stream that is not a net.Socket (its handle's
// _parentWrap; http2-wrapper takes the class from there). Reads follow the stream with
// backpressure, writes and end go to it, and destroying either side destroys the other.
let JSStreamSocket;
function jsStreamSocket() {
  if (JSStreamSocket !== undefined) return JSStreamSocket;
  JSStreamSocket = class JSStreamSocket extends net().Socket {
    constructor(stream) {
      super({ allowHalfOpen: false });
      this.stream = stream;
      stream.pause();
      stream.on('data', (chunk) => {
        if (!this.push(chunk)) stream.pause();
      });
      stream.once('end', () => this.push(null));
      stream.once('error', (err) => this.destroy(err));
      stream.once('close', () => {
        if (!this.destroyed) this.destroy();
      });
    }

    _read() {
      this.stream.resume();
    }

    _write(chunk, encoding, cb) {
      this.stream.write(chunk, encoding, cb);
    }

    _writev(chunks, cb) {
      const last = chunks.length - 1;
      for (let i = 0; i < last; i++) this.stream.write(chunks[i].chunk, chunks[i].encoding);
      this.stream.write(chunks[last].chunk, chunks[last].encoding, cb);
    }

    _final(cb) {
      this.stream.end(() => cb());
    }

    _destroy(err, cb) {
      if (!this.stream.destroyed) this.stream.destroy();
      super._destroy(err, cb);
    }
  };
  return JSStreamSocket;
}

function onHandshake(sock, info) {
  sock[kPeerInfo] = info;
  const opts = sock[kOpts];
  if (info.error) {
    let e;
    if (info.errorCode) {
      e = sslErrorObject(info.errorCode, info.errorMessage, info.errorReason);
    } else if (opts.isServer && /EOF/.test(info.error)) {
      // The client went away during the handshake: node's connection reset.
      e = new Error('socket hang up');
      e.code = 'ECONNRESET';
    } else if (!opts.isServer && /EOF/.test(info.error)) {
      // The server went away without an alert (node's server does for an ALPNCallback error).
      e = connectEndError(sock);
    } else {
      e = new Error(info.error);
      e.code = /certificate/.test(info.error) ? 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' : 'ECONNRESET';
    }
    if (opts.isServer && opts.server) {
      tlsClientError(sock, e);
      sock.destroy();
    } else {
      sock.destroy(e);
    }
    return;
  }
  sock.alpnProtocol = info.alpn || false;
  // (node's: the name the server's SNI callback saw, or the one the client sent; false for none)
  if (sock.servername === null) sock.servername = info.servername || false;
  sock._secureEstablished = true;
  if (opts.isServer) {
    // A server's checks and secureConnection are node's onServerSocketSecure, which only a
    // tls.Server's sockets have: a TLSSocket made with isServer alone just emits 'secure'.
    if (!opts.server) {
      sock.emit('secure');
      return;
    }
    sock.secureConnecting = false;
    if (opts.requestCert) {
      if (info.authCode) {
        sock.authorizationError = info.authCode;
        if (opts.rejectUnauthorized !== false) {
          // Closed before its secureConnection: node's server reports a connection reset.
          const e = new Error('socket hang up');
          e.code = 'ECONNRESET';
          tlsClientError(sock, e);
          sock.destroy();
          return;
        }
      } else {
        sock.authorized = true;
      }
    }
    sock.emit('secure');
    if (opts.server && !sock.destroyed && sock._releaseControl()) opts.server.emit('secureConnection', sock);
    const pendingNew = sock[kPendingNewSessions];
    if (pendingNew) {
      sock[kPendingNewSessions] = undefined;
      for (const emit of pendingNew) emit();
    }
    return;
  }
  // node's client that asked for its server's certificate status hears the stapled response
  // (or null) during the handshake, before its checks
  if (opts.requestOCSP) sock.emit('OCSPResponse', info.ocsp || null);
  // As node's _finishInit: 'secure', whose first listener on a tls.connect socket is
  // onConnectSecure (a TLSSocket made directly checks nothing and has no secureConnect).
  sock.emit('secure');
}

// onConnectSecure is node's: the 'secure' listener tls.connect gives its socket, which checks
// the server (its chain, then its name) and emits secureConnect, then the session it held.
function onConnectSecure() {
  const sock = this;
  const opts = sock[kOpts];
  const info = sock[kPeerInfo];
  const co = sock[kConnectOptions] || opts;
  let verifyError = null;
  if (info.authCode) {
    verifyError = new Error(info.authError);
    verifyError.code = info.authCode;
  } else if (!info.resumed) {
    const hostname = co.servername || co.host || 'localhost';
    const check = typeof opts.checkServerIdentity === 'function' ? opts.checkServerIdentity : identityPart();
    verifyError = check(hostname, sock.getPeerCertificate(true));
  }
  if (verifyError) {
    sock.authorized = false;
    sock.authorizationError = verifyError.code || verifyError.message;
    if (opts.rejectUnauthorized !== false) {
      sock.destroy(verifyError);
      return;
    }
  } else {
    sock.authorized = true;
  }
  const pending = sock[kPendingSession];
  sock[kPendingSession] = undefined;
  // A TLS 1.2 session that came with the handshake is the socket's in its secureConnect; a TLS
  // 1.3 ticket read before it becomes the socket's after it, as the tickets node's client reads
  // once its handshake is done.
  if (pending && !info.resumed && sock.getProtocol() !== 'TLSv1.3') sock[kSession] = pending;
  sock.secureConnecting = false;
  sock.emit('secureConnect');
  sock[kVerified] = true;
  if (pending && !info.resumed) {
    sock[kSession] = pending;
    sock.emit('session', pending);
  }
}

return { wireHandle, jsStreamSocket, onConnectSecure };
})
//#end wire

// node's TLSSocket _init checks: a session to resume is bytes (a string only through
// setSession), a PSK callback a function.
function checkSocketOptions(options) {
  if (options.session && !ArrayBuffer.isView(options.session)) throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Session must be a buffer');
  if (options.pskCallback) validators().validateFunction(options.pskCallback, 'pskCallback');
}

// connectEndError is node's error for a client whose transport ended before the handshake: the
// address it was told to reach (tls.connect's own options: path, host, port, localAddress as
// given, undefined where not).
function connectEndError(sock) {
  const e = new Error('Client network socket disconnected before secure TLS connection was established');
  e.code = 'ECONNRESET';
  const o = sock[kConnectOptions] || { host: sock[kOpts].host, port: sock[kOpts].port };
  e.path = o.path;
  e.host = o.host;
  e.port = o.port;
  e.localAddress = o.localAddress;
  return e;
}

// tlsClientError tells a server socket's server of an error before its handshake completed,
// once per socket, as node's.
const kClientErrorEmitted = Symbol('client-error-emitted');
const kAbortedEarly = Symbol('aborted-early');
// tlsClientError reports an error of a server's socket before its handshake is done: a
// tls.Server's socket tells the server (its 'tlsClientError', as the 'error' listener node's
// server puts on its sockets); any other socket is destroyed with it, its 'error'.
function tlsClientError(sock, err) {
  if (sock[kClientErrorEmitted]) return;
  sock[kClientErrorEmitted] = true;
  if (!sock[kOpts][kServerSocket]) {
    sock.destroy(err);
    return;
  }
  sock.emit('_tlsError', err);
  sock[kOpts].server.emit('tlsClientError', err, sock);
}

// onServerSocketError is the 'error' listener node's server puts on each of its sockets: an
// error before the server took control is the server's 'tlsClientError' (once); any later one
// is the socket's own listeners' (a server socket's error never throws).
function onServerSocketError(err) {
  if (this._controlReleased || this[kClientErrorEmitted]) return;
  this[kClientErrorEmitted] = true;
  this[kOpts].server.emit('tlsClientError', err, this);
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { ...opts };
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this.connecting = false; // (an own property in node's order, set for real below)
  this[kOpts] = options;
  if (options.secureContext && !(options.secureContext instanceof SecureContext)) {
    throw makeNodeError(TypeError, 'ERR_TLS_INVALID_CONTEXT', 'context must be a SecureContext');
  }
  this[kSecureContext] = options.secureContext || createSecureContext(options);
  // (a server socket's SNICallback must be a function, when given)
  if (options.isServer && options.SNICallback) validators().validateFunction(options.SNICallback, 'options.SNICallback');
  checkSocketOptions(options);
  if (options.ALPNProtocols) {
    // node's: the wire form of an array; anything else but bytes its native setter refuses
    convertALPNProtocols(options.ALPNProtocols, options);
    if (!ArrayBuffer.isView(options.ALPNProtocols)) throw new TypeError('Must give a Buffer as first argument');
  }
  // As node's: a transport handed in keeps its own half-open policy; only a TLSSocket without
  // one honours the option.
  const allowHalfOpen = socket && !options[kOwnRaw] ? socket.allowHalfOpen : options.allowHalfOpen;
  wirePart();
  let raw = socket || new (net().Socket)();
  if (!socket) this[kBareRaw] = true;
  const wrapped = !(raw instanceof net().Socket);
  if (wrapped) raw = new (jsStreamSocket())(raw);
  this[kRaw] = raw;
  const handle = wireHandle(this, raw, !!options.isServer, options, wrapped);
  // As node's TLSWrap: _parent is the handle of the stream under the session (once it has one).
  handle._parent = raw._handle || null;
  if (!handle._parent) raw.once('connect', () => { handle._parent = raw._handle || null; });
  if (wrapped) {
    // Over a plain stream the session holds the loop once it runs (a client's _start, a server's
    // first bytes) until it closes; a TLSSocket that never starts holds nothing.
    handle._parentWrap = raw;
    this[kHold] = true;
    if (options.isServer) raw.once('data', () => { this[kStarted] = true; holdLoop(this, true); });
    handle.ref = () => { this[kHold] = true; if (this[kStarted]) holdLoop(this, true); raw.ref(); };
    handle.unref = () => { this[kHold] = false; holdLoop(this, false); raw.unref(); };
    handle.hasRef = () => this[kHold] && !raw.destroyed;
  }
  // (the signal, as node's, is the TLS socket's: aborting destroys it with an AbortError)
  net().Socket.call(this, { handle, allowHalfOpen, manualStart: true, highWaterMark: options.highWaterMark,
    pauseOnCreate: options.pauseOnConnect, signal: options.signal });
  // (destroyed by a signal aborted already, before it had its handle: a transport of its own
  // goes with it)
  if (options.signal && options.signal.aborted) {
    this[kAbortedEarly] = true;
    if (!socket || options[kOwnRaw]) raw.destroy();
  }
  this.server = options.server; // (node's _init: a client's is undefined)
  this._parent = raw;
  // (node's "proxy for API compatibility": the handle, gone once the socket has closed)
  this.ssl = this._handle;
  // (node's _init: a client always asks for its peer's certificate)
  this._requestCert = !!options.requestCert || !options.isServer;
  this._rejectUnauthorized = !!options.rejectUnauthorized;
  // As node's: until tls.connect or a tls.Server takes control (_releaseControl), an 'error'
  // is announced as '_tlsError' and has a listener, so a TLSSocket made directly does not throw
  // its handshake failure.
  this.on('error', this._tlsError);
  this.on('close', onSocketCloseDestroySSL);
  // (a TLSSocket with no socket counts as connecting from the start, as node's)
  this.connecting = raw.connecting || !socket;
  if (raw.connecting) followConnect(this, raw);
  this.read(0);
}

TLSSocket.prototype._emitTLSError = function _emitTLSError(err) {
  const e = this._tlsError(err);
  if (e) this.emit('error', e);
};

TLSSocket.prototype._tlsError = function _tlsError(err) {
  this.emit('_tlsError', err);
  return this._controlReleased ? err : null;
};

TLSSocket.prototype._releaseControl = function _releaseControl() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

function onSocketCloseDestroySSL() {
  this.ssl = null;
  this[kVerified] = false;
}

// followConnect: the TLS socket is connected (its 'connect' and 'ready') when raw is.
function followConnect(sock, raw) {
  raw.once('connect', () => {
    sock.connecting = false;
    sock.emit('connect');
    sock.emit('ready');
  });
}
{
  // (the stand-ins of net's classes inherit from events' own, as node's classes are EventEmitters)
  const eventsProto = lazyProto.standIn('events', Object.prototype, false);
  const eventsCtor = lazyProto.standIn('events', Function.prototype, true);
  lazyProto.whenLoaded('events', () => {
    const EventEmitter = require('events');
    Object.setPrototypeOf(eventsProto, EventEmitter.prototype);
    Object.setPrototypeOf(eventsCtor, EventEmitter);
  });
  lazyProto.extendWhenLoaded('net', [TLSSocket], eventsProto, eventsCtor, () => net().Socket);
  lazyProto.extendWhenLoaded('net', [Server], eventsProto, eventsCtor, () => net().Server);
}

// connect on a TLSSocket made with no socket connects the one under it (node's TLSWrap hands its
// TCP handle's connect on): 'connect' and the callback once it has; the handshake begins with
// _start or the first write.
TLSSocket.prototype.connect = function connect(...args) {
  const raw = this[kRaw];
  if (!this[kBareRaw] || raw.connecting || raw._handle) return net().Socket.prototype.connect.apply(this, args);
  const [options, cb] = net()._normalizeArgs(args);
  raw.connect(options);
  this.connecting = true;
  if (typeof cb === 'function') this.once('connect', cb);
  followConnect(this, raw);
  return this;
};

// _start begins a client's handshake (tls.connect calls it; a TLSSocket made directly waits for it).
TLSSocket.prototype._start = function _start() {
  if (!this._handle || !this._handle.start) return;
  this[kStartCalled] = true;
  if (this._handle._parentWrap) {
    this[kStarted] = true;
    holdLoop(this, true);
  }
  this._handle.start();
};

function holdLoop(sock, on) {
  if (sock._handle && sock._handle.holdLoop) sock._handle.holdLoop(on && sock[kHold]);
}

let X509;
function x509Class() { return X509 || (X509 = require('crypto').X509Certificate); }

// legacyCert is node's legacy certificate object of the first of raws; detailed links each to
// its issuer (issuerCertificate), a self-signed root to itself.
function legacyCert(raws, lastSelfSigned, detailed) {
  const X = x509Class();
  if (!detailed) return new X(raws[0]).toLegacyObject();
  const objs = raws.map((r) => new X(r).toLegacyObject());
  for (let i = 0; i + 1 < objs.length; i++) objs[i].issuerCertificate = objs[i + 1];
  if (lastSelfSigned) objs[objs.length - 1].issuerCertificate = objs[objs.length - 1];
  return objs[0];
}

// A client that resumed a session has no chain of the server's (OpenSSL keeps none in the session
// it resumes: node's getPeerCertificate is {} and getPeerX509Certificate undefined), though its
// authorization is the one the session was made with.
const resumedClient = (sock) => sock[kPeerInfo].resumed && !sock._tlsOptions.isServer;
TLSSocket.prototype.getPeerCertificate = function getPeerCertificate(detailed) {
  if (!this._handle) return null;
  const i = this[kPeerInfo];
  if (!i || !i.peerChain || resumedClient(this)) return {};
  return legacyCert(i.peerChain, i.lastSelfSigned, !!detailed);
};
TLSSocket.prototype.getPeerX509Certificate = function getPeerX509Certificate() {
  const i = this[kPeerInfo];
  if (!this._handle || !i || !i.peerChain || resumedClient(this)) return undefined;
  const X = x509Class();
  if (!i.peerSent) return new X(i.peerChain[0]);
  // Each certificate the peer sent is the one before's issuerCertificate, as in node.
  const certs = i.peerSent.map((r) => new X(r));
  for (let n = 0; n + 1 < certs.length; n++) {
    Object.defineProperty(certs[n], 'issuerCertificate', { __proto__: null, value: certs[n + 1], configurable: true });
  }
  return certs[0];
};
TLSSocket.prototype.getCertificate = function getCertificate() {
  if (!this._handle) return null;
  // (the context an SNICallback picked, else the socket's own)
  const ctx = this[kSNIContext] || this[kSecureContext].context;
  const raw = ctx.getCertificate();
  if (!raw) return {};
  const issuer = ctx.getIssuer();
  const self = raw.equals(issuer || Buffer.alloc(0));
  return legacyCert(issuer && !self ? [raw, issuer] : [raw], self, false);
};
TLSSocket.prototype.getX509Certificate = function getX509Certificate() {
  if (!this._handle) return undefined;
  const raw = (this[kSNIContext] || this[kSecureContext].context).getCertificate();
  return raw ? new (x509Class())(raw) : undefined;
};
TLSSocket.prototype.getProtocol = function getProtocol() {
  if (!this._handle) return null;
  // (before its handshake, OpenSSL's session names the highest version it could speak)
  return this[kPeerInfo] && this[kPeerInfo].protocol ? this[kPeerInfo].protocol : 'TLSv1.3';
};
TLSSocket.prototype.getCipher = function getCipher() {
  const i = this[kPeerInfo];
  if (!i || i.error) return this._handle ? undefined : null;
  return { name: i.cipher, standardName: i.standardName, version: i.cipherVersion };
};
TLSSocket.prototype.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
  if (!this._handle) return null;
  const i = this[kPeerInfo];
  if (this[kOpts].isServer) return null;
  if (!i || !i.curve) return {};
  return { type: 'ECDH', name: i.curve, size: i.curveSize };
};
// The verify_data of the handshake's Finished messages, a new Buffer each time (undefined
// before the handshake; a socket whose handle is gone answers null, as node's)
TLSSocket.prototype.getFinished = function getFinished() {
  if (!this._handle) return null;
  const i = this[kPeerInfo];
  return i && i.finished ? Buffer.from(i.finished) : undefined;
};
TLSSocket.prototype.getPeerFinished = function getPeerFinished() {
  if (!this._handle) return null;
  const i = this[kPeerInfo];
  return i && i.peerFinished ? Buffer.from(i.peerFinished) : undefined;
};
TLSSocket.prototype.getSharedSigalgs = function getSharedSigalgs() {
  if (!this._handle) return null;
  return this._handle.getSharedSigalgs ? this._handle.getSharedSigalgs() : [];
};
// The session's records carry at most size bytes from now on, when size is within OpenSSL's
// limits (512..16384); true if it was
TLSSocket.prototype.setMaxSendFragment = function setMaxSendFragment(size) {
  validators().validateInt32(size, 'size');
  if (this._handle === null) throw new TypeError("Cannot read properties of null (reading 'setMaxSendFragment')");
  if (this._handle && this._handle.setMaxSendFragment) return this._handle.setMaxSendFragment(size) === 1;
  return size >= 512 && size <= 16384;
};
TLSSocket.prototype.disableRenegotiation = function disableRenegotiation() {
  this[kDisableRenegotiation] = true;
};
TLSSocket.prototype.enableTrace = function enableTrace() { return this._handle ? undefined : null; };
// renegotiate validates as node's; TLS 1.3 has no renegotiation (OpenSSL's wrong ssl version,
// to the callback), and Go's TLS cannot start one on an older protocol either
TLSSocket.prototype.renegotiate = function renegotiate(options, callback) {
  const v = validators();
  v.validateObject(options, 'options');
  if (callback !== undefined) v.validateFunction(callback, 'callback');
  if (this.destroyed) return undefined;
  const err = this.getProtocol() === 'TLSv1.3' ?
    sslErrorObject('ERR_SSL_WRONG_SSL_VERSION', 'error:0A00010A:SSL routines::wrong ssl version', 'wrong ssl version') :
    new codes.ERR_METHOD_NOT_IMPLEMENTED('renegotiate()');
  if (callback) process.nextTick(callback, err);
  return false;
};
// setKeyCert(context): from a server's SNICallback or ALPNCallback, the key and certificate this
// handshake goes on with (a SecureContext or createSecureContext's options).
TLSSocket.prototype.setKeyCert = function setKeyCert(context) {
  if (!this._handle) return;
  const sc = context instanceof SecureContext ? context : createSecureContext(context);
  this._handle.setKeyCert(sc.context[kCtx]);
};
// setServername names the server in the ClientHello (the SNI extension), as node's: a server's
// socket refuses; servername is the name sent once the handshake is done.
TLSSocket.prototype.setServername = function setServername(name) {
  checkString(name, 'name');
  if (this[kOpts].isServer) {
    throw makeNodeError(Error, 'ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
  }
  if (this._handle && this._handle.setServername) this._handle.setServername(name);
};
TLSSocket.prototype.getSession = function getSession() {
  if (!this._handle) return null;
  // (a new Buffer each time, as node serializes the session on each call)
  if (this[kSession]) return Buffer.from(this[kSession]);
  if (this[kPeerInfo] && this[kOpts].session) return Buffer.from(this[kOpts].session);
  if (this._secureEstablished && this[kPeerInfo] && (this[kOpts].isServer || (!this[kPeerInfo].resumed && this.getProtocol() === 'TLSv1.3'))) {
    // (a server's connection has OpenSSL's session of the handshake too, resumed or not: opaque
    // to JS, and of no use to a client)
    // Before its tickets come, a TLS 1.3 connection has OpenSSL's session of the handshake: one
    // that cannot be resumed (given back as a session, the next connection makes a full
    // handshake), as node's getSession gives it.
    if (!this[kUnresumable]) {
      this[kUnresumable] = Buffer.concat([Buffer.alloc(7), require('crypto').randomBytes(32)]);
    }
    return Buffer.from(this[kUnresumable]);
  }
  return undefined;
};
TLSSocket.prototype.getTLSTicket = function getTLSTicket() {
  const s = this[kSession];
  if (!this._handle) return null;
  if (!s || s.length < 4) return undefined;
  return s.subarray(4, 4 + s.readUInt32BE(0));
};
TLSSocket.prototype.setSession = function setSession(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  if (this._handle === null) throw new TypeError("Cannot read properties of null (reading 'setSession')");
  if (!ArrayBuffer.isView(session)) throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Session must be a buffer');
  this[kOpts].session = session;
};
TLSSocket.prototype.isSessionReused = function isSessionReused() {
  if (!this._handle) return null;
  return !!(this[kPeerInfo] && this[kPeerInfo].resumed);
};
TLSSocket.prototype.exportKeyingMaterial = function exportKeyingMaterial(length, label, context) {
  const v = validators();
  v.validateUint32(length, 'length', true);
  v.validateString(label, 'label');
  if (context !== undefined && !ArrayBuffer.isView(context)) {
    throw new codes.ERR_INVALID_ARG_TYPE('context', ['Buffer', 'TypedArray', 'DataView'], context);
  }
  if (!this._secureEstablished) {
    throw makeNodeError(Error, 'ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established');
  }
  // (below TLS 1.3 OpenSSL refuses a label that begins with one its PRF uses itself)
  if (this.getProtocol() !== 'TLSv1.3' && /^(?:client finished|server finished|master secret|extended master secret|key expansion)/.test(label)) {
    // (made here: its stack's first frame is this method's, as node's)
    const e = new Error('error:0A00016F:SSL routines::tls illegal exporter label');
    e.library = 'SSL routines';
    e.reason = 'tls illegal exporter label';
    e.code = 'ERR_SSL_TLS_ILLEGAL_EXPORTER_LABEL';
    throw e;
  }
  return this._handle.exportKeyingMaterial(length, label, context);
};
Object.defineProperty(TLSSocket.prototype, 'remoteAddress', {
  __proto__: null,
  get() { return this[kRaw].remoteAddress; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'remotePort', {
  __proto__: null,
  get() { return this[kRaw].remotePort; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'remoteFamily', {
  __proto__: null,
  get() { return this[kRaw].remoteFamily; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'localAddress', {
  __proto__: null,
  get() { return this[kRaw].localAddress; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'localPort', {
  __proto__: null,
  get() { return this[kRaw].localPort; }, configurable: true,
});
TLSSocket.prototype.address = function address() { return this[kRaw].address(); };

// sslErrorObject is node's error for an OpenSSL failure: code, library and reason on it.
function sslErrorObject(code, message, reason, library = 'SSL routines') {
  let e;
  if (message.endsWith('\n')) {
    // a socket's failure, OpenSSL's printed error queue: node's C++ makes it, with no frames
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      e = new Error(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  } else {
    e = new Error(message);
  }
  e.library = library;
  e.reason = reason;
  e.code = code;
  return e;
}

// internalAssertion is node's ERR_INTERNAL_ASSERTION (its internal assert() failing).
function internalAssertion(message) {
  const tail = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  return makeNodeError(Error, 'ERR_INTERNAL_ASSERTION', message === undefined ? tail : `${message}\n${tail}`);
}

// The options of tls.connect that node's net.Socket connect reads for a TCP connection.
function tcpConnectOptions(options, host) {
  const o = { port: options.port, host };
  for (const k of ['localAddress', 'localPort', 'family', 'hints', 'lookup', 'autoSelectFamily', 'autoSelectFamilyAttemptTimeout']) {
    if (options[k] !== undefined) o[k] = options[k];
  }
  return o;
}

function connect(...args) {
  // node's normalizeConnectArgs: net's argument forms (options, port[, host], path), then the
  // TLS options from a second or third object argument merged over them.
  const [norm, cb] = net()._normalizeArgs(args);
  if (args[1] !== null && typeof args[1] === 'object') Object.assign(norm, args[1]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(norm, args[2]);
  const options = { ...norm };
  const host = options.host || 'localhost';
  // As node's: NODE_TLS_REJECT_UNAUTHORIZED=0 in process.env at connect time is the default (an
  // option given, even undefined, wins), with a warning the first time it is seen.
  const allowUnauthorized = envAllowsUnauthorized();
  if (!Object.prototype.hasOwnProperty.call(options, 'rejectUnauthorized')) options.rejectUnauthorized = !allowUnauthorized;
  else if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = true;
  // node's defaults under what was given (an option given as undefined stays undefined), then
  // its internal assertions on them
  // (the module's checkServerIdentity as it is now: a program may have replaced it)
  if (!Object.prototype.hasOwnProperty.call(options, 'checkServerIdentity')) options.checkServerIdentity = module.exports.checkServerIdentity;
  if (!Object.prototype.hasOwnProperty.call(options, 'minDHSize')) options.minDHSize = 1024;
  if (typeof options.checkServerIdentity !== 'function') throw internalAssertion();
  if (typeof options.minDHSize !== 'number') throw internalAssertion(`options.minDHSize is not a number: ${options.minDHSize}`);
  if (!(options.minDHSize > 0)) throw internalAssertion(`options.minDHSize is not a positive number: ${options.minDHSize}`);
  checkSocketOptions(options); // (before connecting, as node's)
  // As node's (tlssock.connect(options)): a path connects to that IPC endpoint (https.request's
  // socketPath comes as path), else to host and port.
  const raw = options.socket || net().connect(options.path != null ? { path: options.path } : tcpConnectOptions(options, host));
  let sock;
  try {
    // (a TLSSocket's own servername option is no SNI in node: tls.connect's is set below)
    sock = new TLSSocket(raw, { ...options, servername: undefined, host, isServer: false, [kOwnRaw]: !options.socket });
  } catch (e) {
    // An option the TLSSocket refused: the connection begun for it is dropped quietly, its
    // listeners (which would reach a socket never made) with it.
    if (!options.socket) {
      raw.removeAllListeners();
      raw.on('error', () => {});
      raw.destroy();
    }
    throw e;
  }
  sock[kConnectOptions] = options;
  // (as node's net connect: the host it looks up, none for an address or a given socket)
  if (!options.socket && options.path == null && !net().isIP(host)) sock._host = host;
  sock._releaseControl();
  sock.on('secure', onConnectSecure);
  if (cb) sock.once('secureConnect', cb);
  // As node's: a servername setServername refuses is thrown once the connection has begun
  // (node's starts the handshake when it connects, before setting the name), so that it goes on
  // without SNI, and its own errors come later as the socket's.
  let refused;
  if (options.servername) {
    if (!ipServernameWarned && net().isIP(options.servername)) {
      ipServernameWarned = true;
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by RFC 6066. ' +
        'This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
    }
    try {
      sock.setServername(options.servername);
    } catch (e) {
      refused = e;
    }
  }
  // (as node's, the handshake of a connection made here begins once it is connected: a failure
  // before any I/O comes after 'connect', and its alert goes out)
  if (!options.socket && sock.connecting) sock.once('connect', sock._start);
  else sock._start();
  if (options.timeout) sock.setTimeout(options.timeout);
  if (refused !== undefined) throw refused;
  return sock;
}

let ipServernameWarned = false;
// (the warning is once per runtime, fetch's included: binding.claimUnauthorizedWarning)
function envAllowsUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && binding.claimUnauthorizedWarning()) {
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' makes TLS ' +
      'connections and HTTPS requests insecure by disabling certificate verification.');
  }
  return allow;
}

// A server's own state under node's symbols; the options it was made with (what its sockets
// are given) are kept off it, in serverOptions.
const kHandshakeTimeout = Symbol('handshake-timeout');
const kSNICallback = Symbol('snicallback');
const kPskCallback = Symbol('pskcallback');
const kPskIdentityHint = Symbol('pskidentityhint');
const kEnableTrace = Symbol('enableTrace');
const serverOptions = new WeakMap();

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null) options = {};
  else validators().validateObject(options, 'options');
  serverOptions.set(this, options);
  // node's own properties, in its order: these, then each option setSecureContext keeps
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNCallback = options.ALPNCallback;
  // (node 20 takes any value here: a non-function fails when a client offers protocols)
  if (options.ALPNCallback && options.ALPNProtocols) {
    throw makeNodeError(TypeError, 'ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive');
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
  this.setSecureContext(options);
  this[kHandshakeTimeout] = options.handshakeTimeout || 120000;
  this[kSNICallback] = options.SNICallback;
  this[kPskCallback] = options.pskCallback;
  this[kPskIdentityHint] = options.pskIdentityHint;
  checkServerOptions(options);
  net().Server.call(this, {
    allowHalfOpen: options.allowHalfOpen, pauseOnConnect: options.pauseOnConnect, noDelay: options.noDelay,
    keepAlive: options.keepAlive, keepAliveInitialDelay: options.keepAliveInitialDelay, highWaterMark: options.highWaterMark,
  });
  this.on('connection', (raw) => {
    // pauseOnConnect: the connection's listeners see its socket paused and the TLS socket starts
    // paused, as node's; the handshake reads it all the same (node's TLSWrap reads the handle).
    if (this.pauseOnConnect) process.nextTick(() => raw.resume());
    const sni = this[kSNICallback] || (this._contexts.length > 0 ? defaultSNICallback : undefined);
    const sock = new TLSSocket(raw, { ...serverOptions.get(this), isServer: true, server: this, [kServerSocket]: true, secureContext: this._sharedCreds, SNICallback: sni,
      pauseOnConnect: this.pauseOnConnect,
      requestCert: this.requestCert, rejectUnauthorized: this.rejectUnauthorized, ocsp: this.listenerCount('OCSPRequest') > 0 });
    sock.on('error', onServerSocketError);
    // node's handshakeTimeout: a connection idle that long before its handshake completes is
    // reported (tlsClientError) and left open. As node's, the TLS socket times itself (its
    // timeout is the handshake's, then 0 once secure; the connection's stays unset).
    const hto = this[kHandshakeTimeout];
    if (hto > 0) {
      const onTimeout = () => {
        if (!sock._secureEstablished) tlsClientError(sock, makeNodeError(Error, 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout'));
      };
      sock.setTimeout(hto, onTimeout);
      sock.once('secure', () => sock.setTimeout(0, onTimeout));
    }
  });
  if (listener) this.on('secureConnection', listener);
  this[kEnableTrace] = options.enableTrace;
}
// setSecureContext keeps each option of the context on the server (a falsy one as undefined),
// as node's, and makes the context from those.
Server.prototype.setSecureContext = function setSecureContext(options) {
  validators().validateObject(options, 'options');
  for (const name of ['pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion',
    'secureProtocol', 'crl', 'sigalgs', 'ciphers']) {
    this[name] = options[name] || undefined;
  }
  this.ecdhCurve = options.ecdhCurve;
  this.dhparam = options.dhparam || undefined;
  this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
  this.secureOptions = options.secureOptions || undefined;
  this.sessionIdContext = options.sessionIdContext ||
    require('crypto').createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
  this.privateKeyIdentifier = options.privateKeyIdentifier || undefined;
  this.privateKeyEngine = options.privateKeyEngine || undefined;
  this._sharedCreds = createSecureContext({
    pfx: this.pfx, key: this.key, passphrase: this.passphrase, cert: this.cert, clientCertEngine: this.clientCertEngine,
    ca: this.ca, ciphers: this.ciphers, sigalgs: this.sigalgs, ecdhCurve: this.ecdhCurve, dhparam: this.dhparam,
    minVersion: this.minVersion, maxVersion: this.maxVersion, secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions, honorCipherOrder: this.honorCipherOrder, crl: this.crl,
    sessionIdContext: this.sessionIdContext, ticketKeys: this.ticketKeys, sessionTimeout: this.sessionTimeout,
    privateKeyIdentifier: this.privateKeyIdentifier, privateKeyEngine: this.privateKeyEngine,
  });
};
// With captureRejections, a rejected 'secureConnection' listener destroys that socket with the
// error; other events go to net.Server's handler (node's).
Server.prototype[Symbol.for('nodejs.rejection')] = function onRejection(err, event, sock) {
  if (event === 'secureConnection') sock.destroy(err);
  else net().Server.prototype[Symbol.for('nodejs.rejection')].apply(this, arguments);
};
Server.prototype.getTicketKeys = function getTicketKeys() { return this._sharedCreds.context.getTicketKeys(); };
Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  if (!ArrayBuffer.isView(keys)) throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], keys);
  if (keys.byteLength !== 48) {
    throw internalAssertion('Session ticket keys must be a 48-byte buffer');
  }
  this._sharedCreds.context.setTicketKeys(keys);
};
// _getServerData/_setServerData carry a server's ticket keys as hex (node's, for clusters).
Server.prototype._getServerData = function _getServerData() {
  return { ticketKeys: this.getTicketKeys().toString('hex') };
};
Server.prototype._setServerData = function _setServerData(data) {
  this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex'));
};
// setOptions (deprecated, DEP0122) sets the server's fields from options as node's does; the
// secure context is not remade. It is util.deprecate's wrapper (a function named deprecated),
// made on the first call so that loading tls does not load deprecate.
let setOptionsDeprecated;
Server.prototype.setOptions = function deprecated(...args) {
  if (setOptionsDeprecated === undefined) {
    setOptionsDeprecated = require('internal/util/deprecate').deprecate(setOptions,
      'Server.prototype.setOptions() is deprecated', 'DEP0122');
  }
  return Reflect.apply(setOptionsDeprecated, this, args);
};
function setOptions(options) {
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  for (const name of ['pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion',
    'secureProtocol', 'crl', 'ciphers']) {
    if (options[name]) this[name] = options[name];
  }
  if (options.ecdhCurve !== undefined) this.ecdhCurve = options.ecdhCurve;
  if (options.dhparam) this.dhparam = options.dhparam;
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
  if (options.secureOptions) this.secureOptions = options.secureOptions;
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
  this.sessionIdContext = options.sessionIdContext ||
    require('crypto').createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
  if (options.pskCallback) this[kPskCallback] = options.pskCallback;
  if (options.pskIdentityHint) this[kPskIdentityHint] = options.pskIdentityHint;
  if (options.sigalgs) this.sigalgs = options.sigalgs;
  if (options.privateKeyIdentifier !== undefined) this.privateKeyIdentifier = options.privateKeyIdentifier;
  if (options.privateKeyEngine !== undefined) this.privateKeyEngine = options.privateKeyEngine;
}
Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) {
    throw makeNodeError(Error, 'ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext');
  }
  const re = new RegExp('^' + servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replaceAll('*', '[^.]*') + '$');
  const sc = context instanceof SecureContext ? context : createSecureContext(context);
  this._contexts.push([re, sc.context]);
};

// node's default SNICallback: the last context added whose name pattern matches.
function defaultSNICallback(servername, callback) {
  const contexts = this._tlsOptions.server._contexts;
  for (let i = contexts.length - 1; i >= 0; --i) {
    if (contexts[i][0].exec(servername) !== null) {
      callback(null, contexts[i][1]);
      return;
    }
  }
  callback(null, undefined);
}

function createServer(options, listener) { return new Server(options, listener); }

function checkString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}
const kCtx = Symbol('ctx');
const kDisableRenegotiation = Symbol('disable-renegotiation');

// node's native SecureContext and the checks and configuration of createSecureContext's options
// are a part, made when the first context is.
let NativeSecureContext, toV, configSecureContext;
function contextPart() {
  if (NativeSecureContext !== undefined) return;
  ({ NativeSecureContext, toV, configSecureContext } = binding.part('context')({
    binding, checkString, codes, kCtx, makeNodeError, module, require, sslErrorObject, validators,
  }));
}
//#part context
(function ({ binding, checkString, codes, kCtx, makeNodeError, module, require, sslErrorObject, validators }) {
let cryptoMod;
// Option checks of node's SecureContext (lib/_tls_common.js, internal/tls/secure-context.js), in
// node's order: ca, cert, key (with passphrase), sigalgs, ciphers, ecdhCurve.
const keyCertTypes = ['string', 'Buffer', 'TypedArray', 'DataView'];
function checkKeyOrCert(name, value) {
  if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
    throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`, keyCertTypes, value);
  }
}
function checkSecureContextOptions(o) {
  for (const name of ['ca', 'cert']) {
    const v = o[name];
    if (!v) continue;
    if (Array.isArray(v)) v.forEach((x) => checkKeyOrCert(name, x));
    else checkKeyOrCert(name, v);
  }
  const checkKey = (key, pass) => {
    checkKeyOrCert('key', key);
    if (pass != null) checkString(pass, 'options.passphrase');
  };
  if (o.key) {
    if (Array.isArray(o.key)) {
      for (const val of o.key) {
        const pem = val != null && val.pem !== undefined ? val.pem : val;
        checkKey(pem, val != null && val.passphrase !== undefined ? val.passphrase : o.passphrase);
      }
    } else checkKey(o.key, o.passphrase);
  }
  if (o.sigalgs != null) checkString(o.sigalgs, 'options.sigalgs');
  if (o.ciphers != null) checkString(o.ciphers, 'options.ciphers');
  if (o.ecdhCurve !== undefined && typeof o.ecdhCurve !== 'string') checkString(o.ecdhCurve, 'options.ecdhCurve');
}

// NativeSecureContext stands for node's native SecureContext (a SecureContext's .context): its
// state is Go's (binding.ctx*), its methods those node's JS calls.
const TLS1_VERSION = 769;
const TLS1_1_VERSION = 770;
const TLS1_2_VERSION = 771;
const TLS1_3_VERSION = 772;
// An OpenSSL error as node's C++ throws it: a plain Error (its code not in its name) with
// library, reason and code.
function sslError(code, hex, reason) {
  return sslErrorObject(code, `error:${hex}:SSL routines::${reason}`, reason);
}
// OpenSSL's X509_R_KEY_VALUES_MISMATCH: a plain Error with node's library, reason and code.
function keyMismatch() {
  return sslErrorObject('ERR_OSSL_X509_KEY_VALUES_MISMATCH', 'error:05800074:x509 certificate routines::key values mismatch',
    'key values mismatch', 'x509 certificate routines');
}

class NativeSecureContext {
  constructor() {
    Object.defineProperty(this, kCtx, { __proto__: null, value: binding.ctxNew() });
    Object.defineProperty(this, '_minProto', { __proto__: null, value: TLS1_2_VERSION, writable: true });
    Object.defineProperty(this, '_maxProto', { __proto__: null, value: TLS1_3_VERSION, writable: true });
  }
  init(secureProtocol, minVersion, maxVersion) {
    if (typeof secureProtocol === 'string') {
      const m = /^(SSLv23|TLS|TLSv1|TLSv1_1|TLSv1_2|SSLv2|SSLv3)_(method|client_method|server_method)$/.exec(secureProtocol);
      if (!m) throw makeNodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_METHOD', `Unknown method: ${secureProtocol}`);
      if (m[1] === 'SSLv2' || m[1] === 'SSLv3') {
        throw makeNodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_METHOD', `${m[1]} methods disabled`);
      }
      const fixed = { TLSv1: TLS1_VERSION, TLSv1_1: TLS1_1_VERSION, TLSv1_2: TLS1_2_VERSION }[m[1]];
      if (fixed !== undefined) minVersion = maxVersion = fixed;
      else { minVersion = TLS1_VERSION; maxVersion = TLS1_3_VERSION; }
    }
    this.setMinProto(minVersion);
    this.setMaxProto(maxVersion);
  }
  setMinProto(v) { this._minProto = v; binding.ctxSetVersions(this[kCtx], this._minProto, this._maxProto); }
  setMaxProto(v) { this._maxProto = v; binding.ctxSetVersions(this[kCtx], this._minProto, this._maxProto); }
  getMinProto() { return this._minProto; }
  getMaxProto() { return this._maxProto; }
  addCACert(ca) { binding.ctxAddCA(this[kCtx], typeof ca === 'string' ? Buffer.from(ca) : ca); }
  addRootCerts() {}
  setCert(cert) {
    const failed = binding.ctxSetCert(this[kCtx], typeof cert === 'string' ? Buffer.from(cert) : cert);
    if (failed === 'no start line') {
      throw makeNodeError(Error, 'ERR_OSSL_PEM_NO_START_LINE', 'error:0480006C:PEM routines::no start line');
    }
    if (failed !== '') {
      // OpenSSL's SSL_R_EE_KEY_TOO_SMALL, SSL_R_CA_KEY_TOO_SMALL or SSL_R_CA_MD_TOO_WEAK: a
      // plain Error, its code not in its name, with the properties in node's order
      const num = { 'ee key too small': '0A00018F', 'ca key too small': '0A00018D', 'ca md too weak': '0A00018E' }[failed];
      throw sslErrorObject(`ERR_SSL_${failed.toUpperCase().replace(/ /g, '_')}`,
        `error:${num}:SSL routines::${failed}`, failed);
    }
  }
  setKey(key, passphrase) {
    const data = typeof key === 'string' ? Buffer.from(key) : key;
    if (passphrase == null) {
      const r = binding.ctxSetKey(this[kCtx], data);
      if (r === '') return;
      if (r === 'mismatch') throw keyMismatch();
    }
    // Encrypted and other keys Go does not read by itself: node:crypto reads them (with its errors).
    cryptoMod = cryptoMod || require('crypto');
    let k;
    try {
      k = cryptoMod.createPrivateKey({ key: data, passphrase: passphrase == null ? '' : passphrase });
    } catch (e) {
      if (e && e.code === 'ERR_MISSING_PASSPHRASE') {
        throw makeNodeError(Error, 'ERR_OSSL_BAD_DECRYPT', 'error:1C800064:Provider routines::bad decrypt');
      }
      throw e;
    }
    const r = binding.ctxSetKey(this[kCtx], k.export({ type: 'pkcs8', format: 'der' }));
    if (r === 'mismatch') throw keyMismatch();
    if (r !== '') throw makeNodeError(Error, 'ERR_OSSL_UNSUPPORTED', 'error:1E08010C:DECODER routines::unsupported');
  }
  addCRL(crl) {
    if (!binding.ctxAddCRL(this[kCtx], typeof crl === 'string' ? Buffer.from(crl) : crl)) {
      throw makeNodeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to parse CRL');
    }
  }
  loadPKCS12(pfx, pass) {
    if (!ArrayBuffer.isView(pfx)) throw makeNodeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Unable to load PFX certificate');
    const c = require('internal/crypto/pkcs12').decodePFX(pfx, pass == null ? undefined : pass);
    // The file's other certificates complete the chain and are trusted, as OpenSSL's
    // SSL_CTX_use_PKCS12 leaves them.
    if (c.cert) this.setCert(derToPEM([c.cert, ...c.ca]));
    if (c.key) {
      const r = binding.ctxSetKey(this[kCtx], c.key);
      if (r === 'mismatch') throw keyMismatch();
    }
    if (c.ca.length) this.addCACert(derToPEM(c.ca));
  }
  setCiphers(list) {
    if (!binding.ctxSetCiphers(this[kCtx], list)) throw sslError('ERR_SSL_NO_CIPHER_MATCH', '0A0000B9', 'no cipher match');
  }
  setCipherSuites(list) {
    if (!binding.ctxCheckCipherSuites(list)) throw sslError('ERR_SSL_NO_CIPHER_MATCH', '0A0000B9', 'no cipher match');
    binding.ctxSetCipherSuites(this[kCtx], list);
  }
  setECDHCurve(curve) {
    if (!binding.ctxSetCurves(this[kCtx], curve)) {
      throw makeNodeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to set ECDH curve');
    }
  }
  setSigalgs(list) {
    // Go picks the signature algorithms itself; the list is only checked, as OpenSSL parses it.
    if (!validSigalgs(list)) throw new Error('error:00000000:lib(0)::reason(0)');
  }
  setDHParam() {}
  setOptions(options) { binding.ctxSetOptions(this[kCtx], options); }
  setSessionIdContext() {}
  setSessionTimeout() {}
  setTicketKeys(keys) { binding.ctxSetTicketKeys(this[kCtx], keys); }
  getTicketKeys() { return binding.ctxGetTicketKeys(this[kCtx]); }
  getCertificate() { return binding.ctxCertificate(this[kCtx]); }
  getIssuer() { return binding.ctxIssuer(this[kCtx]); }
  close() {}
}
Object.defineProperty(NativeSecureContext, 'name', { __proto__: null, value: 'SecureContext' });
// _external: node's is a V8 External (the native context's address), an enumerable accessor that
// cannot be redefined; read from anything not a SecureContext itself it is an illegal
// invocation, as any native accessor.
Object.defineProperty(NativeSecureContext.prototype, '_external', {
  __proto__: null, enumerable: true, configurable: false,
  get: function() {
    if (this === null || typeof this !== 'object' || !Object.prototype.hasOwnProperty.call(this, kCtx)) {
      throw new TypeError('Illegal invocation');
    }
    return this[kCtx];
  },
});

// validSigalgs tells whether OpenSSL 3.0's SSL_CTX_set1_sigalgs_list takes list: ':'-separated
// entries (blanks around each dropped), each a TLS 1.3 scheme name or SIG+HASH in either order
// (SIG one of RSA, RSA-PSS, PSS, DSA, ECDSA; HASH a digest's short or long name) naming a
// scheme OpenSSL knows, none twice.
const sigalgNames = {
  __proto__: null,
  ecdsa_secp256r1_sha256: 'EC+sha256', ecdsa_secp384r1_sha384: 'EC+sha384', ecdsa_secp521r1_sha512: 'EC+sha512',
  ed25519: 'ed25519', ed448: 'ed448',
  rsa_pss_rsae_sha256: 'PSS+sha256', rsa_pss_rsae_sha384: 'PSS+sha384', rsa_pss_rsae_sha512: 'PSS+sha512',
  rsa_pss_pss_sha256: 'PSSPSS+sha256', rsa_pss_pss_sha384: 'PSSPSS+sha384', rsa_pss_pss_sha512: 'PSSPSS+sha512',
  rsa_pkcs1_sha256: 'RSA+sha256', rsa_pkcs1_sha384: 'RSA+sha384', rsa_pkcs1_sha512: 'RSA+sha512',
  rsa_pkcs1_sha224: 'RSA+sha224', rsa_pkcs1_sha1: 'RSA+sha1',
};
const sigalgSigs = { __proto__: null, RSA: 'RSA', 'RSA-PSS': 'PSS', PSS: 'PSS', DSA: 'DSA', ECDSA: 'EC' };
const sigalgHashes = {
  __proto__: null, SHA1: 'sha1', sha1: 'sha1', SHA224: 'sha224', sha224: 'sha224', SHA256: 'sha256',
  sha256: 'sha256', SHA384: 'sha384', sha384: 'sha384', SHA512: 'sha512', sha512: 'sha512',
};
const sigalgPairs = new Set([
  'EC+sha256', 'EC+sha384', 'EC+sha512', 'EC+sha224', 'EC+sha1', 'PSS+sha256', 'PSS+sha384', 'PSS+sha512',
  'RSA+sha256', 'RSA+sha384', 'RSA+sha512', 'RSA+sha224', 'RSA+sha1',
  'DSA+sha256', 'DSA+sha384', 'DSA+sha512', 'DSA+sha224', 'DSA+sha1',
]);
function validSigalgs(list) {
  const seen = new Set();
  for (let entry of String(list).split(':')) {
    entry = entry.trim();
    if (entry === '' || entry.length >= 40) return false;
    let id;
    const plus = entry.indexOf('+');
    if (plus < 0) {
      // (SIG+HASH finds the first scheme of its pair: PSS+SHA256 is rsa_pss_rsae_sha256)
      id = sigalgNames[entry];
    } else {
      let sig;
      let hash;
      for (const part of [entry.slice(0, plus), entry.slice(plus + 1)]) {
        if (sigalgSigs[part] !== undefined) sig = sigalgSigs[part];
        else if (sigalgHashes[part] !== undefined) hash = sigalgHashes[part];
        else return false;
      }
      if (sig === undefined || hash === undefined || !sigalgPairs.has(`${sig}+${hash}`)) return false;
      id = `${sig}+${hash}`;
    }
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

// engineError is OpenSSL's failure to load an engine by name: gojs has no engines, as node's
// OpenSSL finds no shared library by that name.
function engineError() {
  const dso = 'error:12800067:DSO support routines::could not load the shared library';
  const notFound = 'error:13000084:engine routines::dso not found';
  const e = new Error(dso);
  e.opensslErrorStack = [notFound, dso, dso, 'error:13000074:engine routines::no such engine', notFound, dso];
  return e;
}

function derToPEM(ders) {
  let out = '';
  for (const d of ders) {
    const b64 = d.toString('base64');
    out += '-----BEGIN CERTIFICATE-----\n';
    for (let i = 0; i < b64.length; i += 64) out += b64.slice(i, i + 64) + '\n';
    out += '-----END CERTIFICATE-----\n';
  }
  return out;
}

function toV(which, v, def) {
  if (v == null) v = def;
  switch (v) {
    case 'TLSv1': return TLS1_VERSION;
    case 'TLSv1.1': return TLS1_1_VERSION;
    case 'TLSv1.2': return TLS1_2_VERSION;
    case 'TLSv1.3': return TLS1_3_VERSION;
  }
  throw makeNodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_VERSION', `${JSON.stringify(v)} is not a valid ${which} TLS protocol version`);
}

// processCiphers splits a cipher list as node does: TLS 1.3 suites (TLS_*) and the rest.
function processCiphers(ciphers, name) {
  ciphers = (ciphers || module.exports.DEFAULT_CIPHERS).split(':');
  const cipherList = ciphers.filter((c) => c.length > 0 && !c.startsWith('TLS_')).join(':');
  const cipherSuites = ciphers.filter((c) => c.length > 0 && c.startsWith('TLS_')).join(':');
  if (cipherSuites === '' && cipherList === '') throw new codes.ERR_INVALID_ARG_VALUE(name, ciphers);
  return { cipherList, cipherSuites };
}

function configSecureContext(context, o) {
  validators().validateObject(o, 'options');
  checkSecureContextOptions(o);
  const { ca, cert, key, passphrase } = o;
  // As node's: the cipher list comes first, since its @SECLEVEL sets the level the
  // certificates and keys that follow are checked at.
  const { cipherList, cipherSuites } = processCiphers(o.ciphers, 'options.ciphers');
  if (cipherSuites !== '') context.setCipherSuites(cipherSuites);
  context.setCiphers(cipherList);
  if (cipherList === '' && context.getMinProto() < TLS1_3_VERSION && context.getMaxProto() > TLS1_2_VERSION) {
    context.setMinProto(TLS1_3_VERSION);
  }
  if (ca) for (const c of Array.isArray(ca) ? ca : [ca]) context.addCACert(c);
  if (cert) for (const c of Array.isArray(cert) ? cert : [cert]) context.setCert(c);
  if (key) {
    if (Array.isArray(key)) {
      for (const val of key) {
        const pem = val != null && val.pem !== undefined ? val.pem : val;
        context.setKey(pem, val != null && val.passphrase !== undefined ? val.passphrase : passphrase);
      }
    } else {
      context.setKey(key, passphrase);
    }
  }
  if (o.sigalgs != null) {
    if (o.sigalgs === '') throw new codes.ERR_INVALID_ARG_VALUE('options.sigalgs', o.sigalgs);
    context.setSigalgs(o.sigalgs);
  }
  const { privateKeyIdentifier: pkid, privateKeyEngine: pkeng } = o;
  if (pkid != null) {
    if (pkeng == null) throw new codes.ERR_INVALID_ARG_VALUE('options.privateKeyEngine', pkeng);
    if (key) throw new codes.ERR_INVALID_ARG_VALUE('options.privateKeyIdentifier', pkid);
    if (typeof pkid !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.privateKeyIdentifier', ['string', 'null', 'undefined'], pkid);
    }
    if (typeof pkeng !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.privateKeyEngine', ['string', 'null', 'undefined'], pkeng);
    }
    throw engineError();
  }
  context.setECDHCurve(o.ecdhCurve === undefined ? module.exports.DEFAULT_ECDH_CURVE : o.ecdhCurve);
  if (o.dhparam != null) checkKeyOrCert('dhparam', o.dhparam);
  if (o.crl) {
    for (const val of Array.isArray(o.crl) ? o.crl : [o.crl]) {
      checkKeyOrCert('crl', val);
      context.addCRL(val);
    }
  }
  if (o.sessionIdContext != null) checkString(o.sessionIdContext, 'options.sessionIdContext');
  if (o.pfx != null) {
    // as node's: each entry of an array may be { buf, passphrase }
    for (const val of Array.isArray(o.pfx) ? o.pfx : [o.pfx]) {
      const raw = val != null && val.buf ? val.buf : val;
      const pass = (val != null && val.passphrase) || passphrase;
      context.loadPKCS12(typeof raw === 'string' ? Buffer.from(raw) : raw,
        typeof pass === 'string' ? Buffer.from(pass) : pass);
    }
  }
  if (typeof o.clientCertEngine === 'string') {
    throw engineError();
  } else if (o.clientCertEngine != null) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.clientCertEngine', ['string', 'null', 'undefined'], o.clientCertEngine);
  }
  if (o.ticketKeys != null) {
    checkTicketKeys(o.ticketKeys, 'options.ticketKeys');
    context.setTicketKeys(o.ticketKeys);
  }
  if (o.sessionTimeout != null) validators().validateInt32(o.sessionTimeout, 'options.sessionTimeout', 0);
}

function checkTicketKeys(k, name) {
  if (!ArrayBuffer.isView(k)) throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], k);
  if (k.byteLength !== 48) throw new codes.ERR_INVALID_ARG_VALUE(name, k.byteLength, 'must be exactly 48 bytes');
}

return { NativeSecureContext, toV, configSecureContext };
})
//#end context

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  if (secureProtocol) {
    if (minVersion != null) {
      throw makeNodeError(TypeError, 'ERR_TLS_PROTOCOL_VERSION_CONFLICT', `TLS protocol version ${JSON.stringify(minVersion)} conflicts with secureProtocol ${JSON.stringify(secureProtocol)}`);
    }
    if (maxVersion != null) {
      throw makeNodeError(TypeError, 'ERR_TLS_PROTOCOL_VERSION_CONFLICT', `TLS protocol version ${JSON.stringify(maxVersion)} conflicts with secureProtocol ${JSON.stringify(secureProtocol)}`);
    }
  }
  contextPart();
  this.context = new NativeSecureContext();
  this.context.init(secureProtocol,
    toV('minimum', minVersion, module.exports.DEFAULT_MIN_VERSION),
    toV('maximum', maxVersion, module.exports.DEFAULT_MAX_VERSION));
  if (secureOptions) {
    validators().validateInteger(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

let validatorsMod;
function validators() { return validatorsMod || (validatorsMod = require('internal/validators')); }

function createSecureContext(options) {
  if (!options) options = {};
  let { secureOptions } = options;
  if (options.honorCipherOrder) secureOptions |= 0x400000; // SSL_OP_CIPHER_SERVER_PREFERENCE
  const c = new SecureContext(options.secureProtocol, secureOptions, options.minVersion, options.maxVersion);
  configSecureContext(c.context, options);
  return c;
}

// The server-only checks node's tls.Server makes after its secure context's.
function checkServerOptions(o) {
  const hto = o.handshakeTimeout || 120000;
  if (typeof hto !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('options.handshakeTimeout', 'number', hto);
  if (o.SNICallback && typeof o.SNICallback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('options.SNICallback', 'function', o.SNICallback);
  if (o.pskCallback) validators().validateFunction(o.pskCallback, 'options.pskCallback');
  if (o.pskIdentityHint) validators().validateString(o.pskIdentityHint, 'options.pskIdentityHint');
}

// convertALPNProtocols puts the ALPN wire form (each name prefixed with its length) of
// protocols on out.ALPNProtocols, as Node's does.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    let total = 0;
    for (let i = 0; i < protocols.length; i++) {
      const b = Buffer.from(protocols[i]);
      if (b.length > 255) {
        throw new codes.ERR_OUT_OF_RANGE(
          'The byte length of the protocol at index ' + i + ' exceeds the maximum length.', '<= 255', b.length, true);
      }
      parts.push(Buffer.from([b.length]), b);
      total += 1 + b.length;
    }
    out.ALPNProtocols = Buffer.concat(parts, total);
  } else if (protocols instanceof Uint8Array) {
    out.ALPNProtocols = Buffer.from(protocols);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

// checkServerIdentity and its helpers are a part, made when first read (tls.connect reads it).
let checkServerIdentity;
function identityPart() {
  if (checkServerIdentity === undefined) ({ checkServerIdentity } = binding.part('identity')({ makeNodeError, net }));
  return checkServerIdentity;
}
//#part identity
(function ({ makeNodeError, net }) {
// checkServerIdentity follows Node's rules (RFC 6125): an IP host must be among the cert's
// IP Address altnames; a DNS host is matched against the DNS altnames, or against the subject
// CN when there are none, each a name with at most one '*' in its leftmost label (not in a
// two-label name, not in an xn-- label). It returns undefined or the ERR_TLS_CERT_ALTNAME_INVALID
// error.
function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dns = [];
  const ips = [];
  let host = String(hostname);
  if (altNames) {
    for (const entry of splitAltNames(altNames)) {
      if (entry.startsWith('DNS:')) dns.push(entry.slice(4));
      else if (entry.startsWith('IP Address:')) ips.push(canonicalIP(entry.slice(11)));
    }
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  let reason;
  if (net().isIP(host)) {
    if (ips.includes(canonicalIP(host))) return undefined;
    reason = `IP: ${host} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dns.length > 0 || (subject && subject.CN)) {
    const labels = hostLabels(host);
    if (dns.length > 0) {
      if (dns.some((p) => nameMatches(labels, p))) return undefined;
      reason = `Host: ${host}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (Array.isArray(cn) ? cn.some((p) => nameMatches(labels, p)) : nameMatches(labels, cn)) return undefined;
      reason = `Host: ${host}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  const err = makeNodeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID',
    "Hostname/IP does not match certificate's altnames: " + reason);
  err.reason = reason;
  err.host = host;
  err.cert = cert;
  return err;
}

function hostLabels(name) {
  const n = String(name);
  return (n.endsWith('.') ? n.slice(0, -1) : n).toLowerCase().split('.');
}

function nameMatches(labels, pattern) {
  if (!pattern) return false;
  const parts = hostLabels(pattern);
  if (parts.length !== labels.length || parts.includes('')) return false;
  for (const p of parts) if (/[^\u0021-\u007F]/u.test(p)) return false;
  for (let i = labels.length - 1; i > 0; i--) if (labels[i] !== parts[i]) return false;
  const first = parts[0];
  const star = first.indexOf('*');
  if (star === -1 || first.includes('xn--')) return labels[0] === first;
  if (first.indexOf('*', star + 1) !== -1 || parts.length <= 2) return false;
  const before = first.slice(0, star);
  const after = first.slice(star + 1);
  const got = labels[0];
  return before.length + after.length <= got.length && got.startsWith(before) && got.endsWith(after);
}

// splitAltNames splits the subjectaltname string on ', ', keeping quoted entries (which may
// hold ', ' and escapes) whole, unquoted.
// splitAltNames splits a subjectaltname string at its ', ' separators; a quoted part (a name
// node printed as a JSON string) is unescaped, and one that is not valid JSON refused, as node's.
const jsonString = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;
function splitAltNames(s) {
  const out = [];
  let cur = '';
  let at = 0;
  while (at < s.length) {
    const sep = s.indexOf(', ', at);
    const quote = s.indexOf('"', at);
    if (quote !== -1 && (sep === -1 || quote < sep)) {
      cur += s.slice(at, quote);
      const m = jsonString.exec(s.slice(quote));
      if (m === null) throw makeNodeError(SyntaxError, 'ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string');
      cur += JSON.parse(m[0]);
      at = quote + m[0].length;
    } else if (sep !== -1) {
      out.push(cur + s.slice(at, sep));
      cur = '';
      at = sep + 2;
    } else {
      cur += s.slice(at);
      at = s.length;
    }
  }
  out.push(cur);
  return out;
}

// canonicalIP is node's canonicalizeIP (inet_pton then inet_ntop): an IPv4 address as it is, an
// IPv6 address (a zone id dropped, as libuv's inet_pton drops it) in its shortest form with an
// IPv4 tail for ::a.b.c.d and ::ffff:a.b.c.d as libuv prints them, and undefined for anything
// inet_pton refuses (a CIDR, a name, an IPv4 octet with a leading zero).
function canonicalIP(ip) {
  if (net().isIPv4(ip)) return ip;
  const zone = ip.indexOf('%');
  if (zone !== -1) ip = ip.slice(0, zone);
  if (!net().isIPv6(ip)) return undefined;
  let host;
  try {
    host = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const halves = host.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const words = [...head, ...new Array(8 - head.length - tail.length).fill('0'), ...tail].map((w) => parseInt(w, 16));
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) { bestBase = i; bestLen = j - i; }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestBase) {
      out += i === 0 ? '::' : ':';
      i += bestLen - 1;
      continue;
    }
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += `${words[6] >> 8}.${words[6] & 0xff}.${words[7] >> 8}.${words[7] & 0xff}`;
      break;
    }
    out += words[i].toString(16);
    if (i < 7) out += ':';
  }
  return out;
}

return { checkServerIdentity };
})
//#end identity

// tls.createSecurePair is a part, made when first read.
//#part pair
(function ({ TLSSocket, createSecureContext, require }) {
// tls.createSecurePair (deprecated): a TLSSocket over one end of an in-memory stream pair, whose
// other end carries the encrypted bytes, as node 20's; 'secure' when the cleartext side's is.
function SecurePair(secureContext = createSecureContext(), isServer = false, requestCert = !isServer, rejectUnauthorized = false, options = {}) {
  require('events').call(this);
  const [socket1, socket2] = require('stream').duplexPair();
  this.server = options.server;
  this.credentials = secureContext;
  this.encrypted = socket1;
  this.cleartext = new TLSSocket(socket2, { secureContext, isServer, requestCert, rejectUnauthorized, ...options });
  this.cleartext.once('secure', () => this.emit('secure'));
}
Object.setPrototypeOf(SecurePair.prototype, require('events').prototype);
// (node's is util.deprecate's wrapper: a function named deprecated)
const createSecurePair = require('internal/util/deprecate').deprecate(function createSecurePair(...args) {
  return new SecurePair(...args);
}, 'tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.', 'DEP0064');

return { createSecurePair };
})
//#end pair

// The defaults node's --tls-min-v1.x, --tls-max-v1.x and --tls-cipher-list options set (the
// lowest minimum and the highest maximum given win, as in node).
const tlsOption = require('internal/options').getOptionValue;
function defaultMinVersion() {
  for (const v of ['1.0', '1.1', '1.2', '1.3']) if (tlsOption('--tls-min-v' + v)) return v === '1.0' ? 'TLSv1' : 'TLSv' + v;
  return 'TLSv1.2';
}
const tlsKeylog = tlsOption('--tls-keylog');
let warnOnTlsKeylog = true;
// keylogToFile appends a TLS socket's key log lines to --tls-keylog's file (readable by the
// owner only), warning once, as node does for every TLS socket, client and server.
function keylogToFile(handle) {
  if (warnOnTlsKeylog) {
    warnOnTlsKeylog = false;
    process.emitWarning('Using --tls-keylog makes TLS connections insecure by writing secret key material to file ' + tlsKeylog);
  }
  handle.enableKeylog();
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: tlsOption('--tls-cipher-list') || 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaultMinVersion(),
  DEFAULT_MAX_VERSION: tlsOption('--tls-max-v1.2') && !tlsOption('--tls-max-v1.3') ? 'TLSv1.2' : 'TLSv1.3',
  // The suites Go's crypto/tls implements, by their OpenSSL names, lowercased and sorted as node's.
  // (node's is internal/util's cachedResult wrapper: an anonymous arrow function)
  getCiphers: (0, () => {
    return ['aes128-gcm-sha256', 'aes128-sha', 'aes128-sha256', 'aes256-gcm-sha384', 'aes256-sha',
      'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes128-sha', 'ecdhe-ecdsa-aes128-sha256',
      'ecdhe-ecdsa-aes256-gcm-sha384', 'ecdhe-ecdsa-aes256-sha', 'ecdhe-ecdsa-chacha20-poly1305',
      'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-rsa-aes128-sha', 'ecdhe-rsa-aes128-sha256',
      'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-rsa-aes256-sha', 'ecdhe-rsa-chacha20-poly1305',
      'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256'];
  }),
  rootCertificates: undefined, // the accessor below takes this place in the key order
  // (node's key order)
  convertALPNProtocols,
  checkServerIdentity: undefined,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  createSecurePair: undefined,
};
// checkServerIdentity and createSecurePair are lazy members (runtime/lazymembers.go): data
// properties in their places, their parts made the first time anything reads them.
{
  const make = (name) => (name === 'checkServerIdentity' ? identityPart() :
    binding.part('pair')({ TLSSocket, createSecureContext, require }).createSecurePair);
  const lazyMembers = internalBinding('internal/lazy_members');
  if (lazyMembers) lazyMembers.members(module.exports, make, ['checkServerIdentity', 'createSecurePair'], 'tls');
  else for (const name of ['checkServerIdentity', 'createSecurePair']) module.exports[name] = make(name);
}
// The system's root bundle, read at first use (node's is compiled in).
let rootCertificates;
Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() { return rootCertificates || (rootCertificates = Object.freeze(binding.rootCertificates())); },
});
