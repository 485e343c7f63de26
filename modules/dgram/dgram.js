'use strict';
// dgram: Node's UDP Socket over the Go handle of dgram.go. Binding and sending resolve the
// address with the socket's lookup first (dns.lookup by default, which answers an IP literal on
// the next tick), so 'listening' and sends happen after the current tick, as in Node.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/module_internals').get('buffer');
const { codes, makeNodeError, makeSystemError, exceptionWithHostPort } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_INVALID_FD_TYPE } = codes;
const isInt32 = (v) => v === (v | 0);
const { validateString, validateNumber, validateUint32, validateFunction, validateAbortSignal, validatePort } = require('internal/validators');

const kStateSymbol = Symbol('state symbol');
const kAsyncIdSymbol = Symbol('async_id_symbol');
const kOwner = Symbol('owner_symbol');
const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;
const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;
const RECV_BUFFER = true;
const SEND_BUFFER = false;
// libuv's bind flags, as a cluster primary is asked to bind with them
const UV_UDP_IPV6ONLY = 1;
const UV_UDP_REUSEADDR = 4;

let dns;
let cluster;

// ---------------------------------------------------------------- errors

const notRunning = () => makeNodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
const isConnectedErr = () => makeNodeError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
const notConnected = () => makeNodeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
const alreadyBound = () => makeNodeError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
const badType = () => makeNodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
const badBufferSize = () => makeNodeError(TypeError, 'ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer');
const outOfBounds = (name) => makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', `"${name}" is outside of buffer bounds`);

function bufferSizeError(ctx) {
  return makeSystemError('ERR_SOCKET_BUFFER_SIZE',
    `Could not get or set buffer size: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`, ctx);
}

function errnoException(err, syscall) {
  const code = binding.errname(err);
  const ex = new Error(`${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}


function uvMessage(err) {
  try {
    const m = require('util').getSystemErrorMap().get(err);
    if (m) return m[1];
  } catch { /* fall through */ }
  return binding.errname(err);
}

// ---------------------------------------------------------------- handles

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

function UDP() {}
UDP.prototype = binding.udpProto;
Object.defineProperty(UDP.prototype, 'constructor', { __proto__: null, value: UDP, writable: true, configurable: true, enumerable: false });
for (const k of Object.keys(UDP.prototype)) {
  Object.defineProperty(UDP.prototype, k, { __proto__: null, enumerable: false });
}

function newHandle(type, lookup, owner) {
  if (lookup === undefined) {
    if (dns === undefined) dns = require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type !== 'udp4' && type !== 'udp6') throw badType();
  const handle = binding.newSocket(type, owner);
  handle.lookup = (type === 'udp4' ? lookup4 : lookup6).bind(handle, lookup);
  return handle;
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw notRunning();
}

function onMessage(data, rinfo) {
  const self = this[kOwner];
  if (typeof data === 'number') {
    self.emit('error', errnoException(data, 'recvmsg'));
    return;
  }
  const buf = new FastBuffer(data);
  self.emit('message', buf, rinfo);
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
}

// replaceHandle: socket takes handle (bound by a cluster primary) in place of its own.
function replaceHandle(socket, handle) {
  const state = socket[kStateSymbol];
  handle.lookup = state.handle.lookup;
  handle[kOwner] = socket;
  binding.setOwner(handle, socket);
  state.handle.close();
  state.handle = handle;
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw badBufferSize();
  const r = self[kStateSymbol].handle.bufferSize(size, buffer);
  if (r < 0) {
    const syscall = buffer ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    throw bufferSizeError({ errno: r, code: binding.errname(r), message: uvMessage(r), syscall });
  }
  return r;
}

// ---------------------------------------------------------------- the send/connect queue

function enqueue(self, fn) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(fn);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue.call(this);
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue() {
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const fn of queue) fn();
}

// ---------------------------------------------------------------- Socket

function Socket(type, listener) {
  if (!(this instanceof Socket)) return new Socket(type, listener);
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize');
      recvBufferSize = options.recvBufferSize;
    }
    if (options.sendBufferSize) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize');
      sendBufferSize = options.sendBufferSize;
    }
  }
  const handle = newHandle(type, lookup, this);
  handle[kOwner] = this;
  this[kAsyncIdSymbol] = handle.getAsyncId();
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };
  if (options && options.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted);
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  require('internal/dc_builtin').publish('udpSocket', { socket: this });
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw alreadyBound();
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    const removeListeners = function removeListeners() {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = function onListening() {
      removeListeners.call(this);
      cb.call(this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  let address;
  let exclusive;
  if (port !== null && typeof port === 'object') {
    if (isInt32(port.fd) && port.fd > 0) {
      // a bound datagram socket's descriptor (sent by another process, or inherited)
      const type = binding.guessHandleType(port.fd);
      if (type !== 'UDP') {
        state.bindState = BIND_STATE_UNBOUND;
        throw new ERR_INVALID_FD_TYPE(type);
      }
      const e = state.handle.open(port.fd);
      if (e) {
        state.bindState = BIND_STATE_UNBOUND;
        const ex = new Error(`open ${binding.errname(e)}`);
        Object.assign(ex, { errno: e, code: binding.errname(e), syscall: 'open' });
        throw ex;
      }
      startListening(this);
      return this;
    }
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
    exclusive = false;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // closed meanwhile
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    const p = port >>> 0 & 0xffff;
    const denied = binding.check((ip.includes(':') ? `[${ip}]` : ip) + ':' + p);
    if (denied) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', denied);
      return;
    }
    const flags = (state.reuseAddr ? UV_UDP_REUSEADDR : 0) | (state.ipv6Only ? UV_UDP_IPV6ONLY : 0);
    if (cluster === undefined) cluster = require('cluster');
    if (cluster.isWorker && !exclusive) {
      // A cluster worker's shared socket is the primary's: it binds one socket per address and
      // port (port 0 too: the workers that bind it share one ephemeral port) and sends it to
      // every worker that asks, the kernel spreading datagrams between them.
      cluster._getServer(this, { address: ip, port, addressType: this.type, fd: -1, flags }, (err, handle) => {
        if (err) {
          state.bindState = BIND_STATE_UNBOUND;
          this.emit('error', exceptionWithHostPort(err, 'bind', ip, port));
          return;
        }
        if (!state.handle) {
          handle.close(); // closed meanwhile
          return;
        }
        replaceHandle(this, handle);
        startListening(this);
      });
      return;
    }
    const e = state.handle.bind(ip, p, !!state.reuseAddr, !!state.ipv6Only, false);
    if (e) {
      const ex = exceptionWithHostPort(e, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw isConnectedErr();
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, _connect.bind(this, port, address, callback));
    return;
  }
  _connect.call(this, port, address, callback);
};

function _connect(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => doConnect(ex, this, ip, address, port, callback));
}

function doConnect(ex, self, ip, address, port, callback) {
  const state = self[kStateSymbol];
  if (!state.handle) return;
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        self.removeListener('connect', callback);
        callback(ex);
      } else {
        self.emit('error', ex);
      }
    });
    return;
  }
  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => self.emit('connect'));
}

Socket.prototype.disconnect = function disconnect() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw notConnected();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

Socket.prototype.sendto = function sendto(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

function isView(v) {
  return ArrayBuffer.isView(v);
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw outOfBounds('offset');
  if (offset + length > buffer.byteLength) throw outOfBounds('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (typeof buf === 'string') out[i] = Buffer.from(buf);
    else if (!isView(buf)) return null;
    else out[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return out;
}

Socket.prototype.send = function send(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw isConnectedErr();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
    } else {
      list = [buffer];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }
  const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (!connected) state.handle.lookup(address, afterDns);
  else afterDns(null, null);
};

function afterSend(req, status, sent) {
  let err = null;
  if (status) err = exceptionWithHostPort(status, 'send', req.address, req.port);
  req.callback(err, sent);
}

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }
  let oncomplete;
  if (callback) {
    const req = { address, port, callback, list };
    oncomplete = (status, sent) => afterSend(req, status, sent);
  }
  // (the views themselves: Go reads their bytes as node's binding does, where b.buffer,
  // b.byteOffset and b.byteLength each cost goja a parse of the name as a number)
  const err = state.handle.send(list, port ? port : 0, ip, oncomplete);
  if (err >= 1) {
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }
  if (err && callback) {
    const e = exceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, e);
  }
}

function socketCloseNT(self) {
  self.emit('close');
}

Socket.prototype.close = function close(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);
  return this;
};

if (Symbol.asyncDispose) {
  // (an async function, as node's)
  Socket.prototype[Symbol.asyncDispose] = async function() {
    if (!this[kStateSymbol].handle) return;
    return new Promise((resolve, reject) => {
      this.close((err) => (err ? reject(err) : resolve()));
    });
  };
}

Socket.prototype.address = function address() {
  healthCheck(this);
  const out = this[kStateSymbol].handle.getsockname();
  if (typeof out === 'number') throw errnoException(out, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw notConnected();
  const out = state.handle.getpeername();
  if (typeof out === 'number') throw errnoException(out, 'getpeername');
  return out;
};

// (setBroadcast, setTTL, setMulticastTTL, setMulticastLoopback and getSendQueueSize/Count read the
// handle with no health check, as node's: on a closed socket they throw the TypeError of a
// property read of null)
Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(`${multicastAddress}`, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(`${multicastAddress}`, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership');
};

Socket.prototype.ref = function ref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// The deprecated underscore API (DEP0112).
{
  const util = require('util');
  const dep = (fn, name) => util.deprecate(fn, `Socket.prototype.${name} is deprecated`, 'DEP0112');
  const state = (name, key) => {
    Object.defineProperty(Socket.prototype, name, {
      __proto__: null, configurable: true, enumerable: false,
      get: dep(function() { return this[kStateSymbol][key]; }, name),
      set: dep(function(v) { this[kStateSymbol][key] = v; }, name),
    });
  };
  state('_handle', 'handle');
  state('_receiving', 'receiving');
  state('_bindState', 'bindState');
  state('_queue', 'queue');
  state('_reuseAddr', 'reuseAddr');
  Socket.prototype._healthCheck = dep(function() { healthCheck(this); }, '_healthCheck()');
  Socket.prototype._stopReceiving = dep(function() { stopReceiving(this); }, '_stopReceiving()');
}

// _createSocketHandle is node's (cluster's once): a handle bound to address and port, or opened
// on fd, a UDP socket's descriptor (any other type is EINVAL); a negative errno if that fails.
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (isInt32(fd) && fd > 0) {
    err = binding.guessHandleType(fd) === 'UDP' ? handle.open(fd) : -22;
  } else if (port || address) {
    err = handle.bind(address, port || 0, !!(flags & UV_UDP_REUSEADDR), !!(flags & UV_UDP_IPV6ONLY), false);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  _createSocketHandle: require('util').deprecate(_createSocketHandle, 'dgram._createSocketHandle() is deprecated', 'DEP0112'),
  createSocket,
  Socket,
};
// (node's internal/dgram, for node's own tests under --expose-internals)
require('internal/module_internals').set('dgram', { kStateSymbol, _createSocketHandle, newHandle });
