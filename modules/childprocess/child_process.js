'use strict';
// node's internals keep timers of their own: a program replacing the global setTimeout and the
// others (fake timers in tests) does not stop sockets, servers or children timing out
let timersMod;
function timers() { return timersMod || (timersMod = require('timers')); }
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CHILD_PROCESS_STDIO_MAXBUFFER, ERR_UNKNOWN_SIGNAL, ERR_OUT_OF_RANGE,
    ERR_MISSING_ARGS, ERR_INVALID_HANDLE_TYPE,
  },
  AbortError,
  makeNodeError,
} = require('internal/errors');
const {
  validateString, validateObject, validateFunction, validateAbortSignal, validateInteger, validateArray, validateOneOf,
  validateBoolean,
} = require('internal/validators');

const customPromisify = Symbol.for('nodejs.util.promisify.custom');
let signals;
let signalNumbers;
// signalNumber: a signal's number from its name (in any case) or number, as node's
// convertToValidSignal: a number must be one of a known signal.
function signalNumber(sig) {
  if (signals === undefined) {
    signals = require('os').constants.signals;
    signalNumbers = new Set(Object.keys(signals).map((k) => signals[k]));
  }
  if (typeof sig === 'number' && signalNumbers.has(sig)) return sig;
  if (typeof sig === 'string') {
    const name = sig.toUpperCase();
    if (Object.prototype.hasOwnProperty.call(signals, name) && signals[name]) return signals[name];
  }
  throw new ERR_UNKNOWN_SIGNAL(sig);
}

// sanitizeKillSignal: a killSignal option, checked (undefined when not given).
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') return signalNumber(killSignal);
  if (killSignal != null) throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  return undefined;
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function isInt32(v) { return v === (v | 0); }

// A child that could not start fails as node's: its error is made in its handle's onexit, which
// node calls on the next tick (onErrorNT), so its stack has those frames and not the spawn's.
const spawnFrames = ['    at ChildProcess._handle.onexit (node:internal/child_process:285:19)',
  '    at onErrorNT (node:internal/child_process:483:16)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)'];
function spawnError(err, file, args, sync) {
  const e = new Error(`${err.syscall} ${err.code}`);
  e.errno = err.errno;
  e.code = err.code;
  e.syscall = err.syscall;
  e.path = file;
  e.spawnargs = args.slice(1);
  const limit = Error.stackTraceLimit;
  if (!sync && typeof limit === 'number') {
    const frames = spawnFrames.slice(0, Math.max(0, Math.floor(limit)));
    e.stack = `${e.name}: ${e.message}${frames.length > 0 ? '\n' + frames.join('\n') : ''}`;
  }
  return e;
}

function onErrorNT(self, err) {
  // as node's: the exit code of a child that never ran is the spawn's errno
  spawnFailedExit(self, err, typeof err.errno === 'number' ? err.errno : -2);
}

// (node's onexit for a child that never ran: its stack frame is named so)
function spawnFailedExit(self, err, code) {
  self.exitCode = code;
  if (self.stdin) self.stdin.destroy();
  self.emit('error', err);
  process.nextTick(flushStdio, self);
  maybeClose(self);
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file'); // at: child_process:548:3
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty'); // at: child_process:552:11 | 5 |     throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args); // at: child_process:559:11 | 5 |     throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  // as node's: only undefined means no options; null is a type error
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  let cwd = options.cwd;
  if (cwd != null) {
    if (typeof cwd === 'object' && cwd !== null && cwd.href !== undefined && cwd.protocol !== undefined) {
      cwd = require('url').fileURLToPath(cwd);
    } else if (Buffer.isBuffer(cwd)) {
      cwd = cwd.toString();
    } else if (typeof cwd !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd);
    }
    if (cwd.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('options.cwd', cwd, 'must be a string, Uint8Array, or URL without null bytes');
    }
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !isInt32(options.uid)) throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  if (options.gid != null && !isInt32(options.gid)) throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    nullCheck(options.argv0, 'options.argv0');
  }
  if (typeof options.shell === 'string') nullCheck(options.shell, 'options.shell');
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  nullCheck(file, 'file');
  // (a non-string argument stays as it is, in spawnargs too: node's C++ side turns it into a
  // string as it spawns)
  for (let i = 0; i < args.length; i++) nullCheck(args[i], `args[${i}]`);
  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  return {
    file,
    args: [options.argv0 || file, ...args],
    cwd: cwd == null ? null : cwd,
    envPairs: envPairsOf(options.env || process.env),
    argv0: options.argv0 || '',
    detached: !!options.detached,
    uid: options.uid == null ? -1 : options.uid >>> 0,
    gid: options.gid == null ? -1 : options.gid >>> 0,
  };
}

// envPairsOf lists an environment object as node's envPairs ('KEY=value' strings): inherited
// (prototype) values are included, and no key or value may hold a null byte.
function envPairsOf(envObj) {
  const env = [];
  for (const key in envObj) {
    const value = envObj[key];
    if (value !== undefined) {
      if (key.includes('\u0000')) throw new ERR_INVALID_ARG_VALUE(`options.env['${key}']`, key, 'must be a string without null bytes');
      if (typeof value === 'string' && value.includes('\u0000')) {
        throw new ERR_INVALID_ARG_VALUE(`options.env['${key}']`, value, 'must be a string without null bytes');
      }
      env.push(`${key}=${value}`);
    }
  }
  return env;
}

// nullCheck is node's validateArgumentNullCheck: a string must not hold a null byte.
function nullCheck(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

// wrappedHandle returns the handle of a socket or stream given as a stdio entry (or the entry
// itself, when it is a handle), if it has a descriptor.
function wrappedHandle(s) {
  for (const h of [s, s.handle, s._handle]) {
    if (h !== null && typeof h === 'object' && typeof h.readStop === 'function' &&
        typeof h.fd === 'number') return h;
  }
  return undefined;
}

// normalizeStdio follows node's getValidStdio: a falsy stdio is 'pipe'; in an array a string or
// ArrayBufferView is input (spawnSync's stdin only; an async spawn throws); one 'ipc' at most, none in
// spawnSync.
function normalizeStdio(stdio, sync) {
  if (!stdio) stdio = 'pipe';
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'inherit' && stdio !== 'ignore' && stdio !== 'overlapped') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  // (as node's getValidStdio: the caller's array itself gets its missing entries)
  while (stdio.length < 3) stdio.push(undefined);
  const out = [];
  for (let i = 0; i < Math.max(3, stdio.length); i++) {
    let s = stdio[i];
    if (s === undefined || s === null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ipc') {
      if (sync) throw makeNodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
      if (out.ipc !== undefined || stdio.indexOf('ipc', i + 1) !== -1) {
        throw makeNodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
      }
      out.ipc = i;
      out.push('ipc');
      continue;
    }
    let wrap;
    if (typeof s === 'number') s = s < 0 ? 'pipe' : (s === i && i < 3 ? 'inherit' : String(s));
    else if (typeof s === 'object' && typeof s.fd === 'number') s = s.fd === i ? 'inherit' : String(s.fd);
    else if (typeof s === 'object' && (wrap = wrappedHandle(s)) !== undefined) {
      // a stream (or handle) of this process: the child gets its descriptor, and this
      // process stops reading it (node's 'wrap')
      if (out.wraps === undefined) out.wraps = [];
      out.wraps.push({ stream: s, handle: wrap });
      s = `wrap:${wrap.fd}`;
    } else if (typeof s !== 'string' && !ArrayBuffer.isView(s)) {
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    } else if (s !== 'pipe' && s !== 'overlapped' && s !== 'ignore' && s !== 'inherit' &&
             (typeof s === 'string' || ArrayBuffer.isView(s))) {
      if (!sync) {
        throw makeNodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT',
                            'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ' +
                            require('util').inspect(s));
      }
      if (i === 0) out.input = s;
      s = 'pipe';
    }
    out.push(s);
  }
  return out;
}

// ---- IPC (fork) -------------------------------------------------------------------------------
// One channel end, parent's or child's: binding's channel object does the framing and I/O,
// this side encodes, decodes and gives `target` (a ChildProcess or process) Node's API.

function ipcChannelClosed() { return makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed'); }

// Control is target.channel: ref()/unref() of the channel handle. In a child the channel keeps the
// process alive only while 'message' or 'disconnect' has listeners, unless ref()/unref() said otherwise.
// a channel's messages that came while target had no 'message' listener, as [message, handle]
const kPendingMessages = Symbol('kPendingMessages');
class Control extends EventEmitter {
  constructor(handle) {
    super();
    this[kPendingMessages] = [];
    Object.defineProperty(this, '_handle', { __proto__: null, value: handle, writable: true });
    Object.defineProperty(this, '_refs', { __proto__: null, value: 0, writable: true });
    Object.defineProperty(this, '_refExplicitlySet', { __proto__: null, value: false, writable: true });
  }
  refCounted() {
    if (++this._refs === 1 && !this._refExplicitlySet && this._handle) this._handle.ref();
  }
  unrefCounted() {
    if (--this._refs === 0 && !this._refExplicitlySet && this._handle) {
      this._handle.unref();
      this.emit('unref');
    }
  }
  ref() {
    this._refExplicitlySet = true;
    if (this._handle) this._handle.ref();
  }
  unref() {
    this._refExplicitlySet = true;
    if (this._handle) this._handle.unref();
  }
  // the channel's descriptor in this process, as node's
  get fd() { return this._handle && typeof this._handle.fd === 'number' ? this._handle.fd : undefined; }
}

// 'advanced' frames are v8.serialize output in which each host object (a typed array, Buffer or
// DataView) carries a leading tag: 0 for an ArrayBufferView, 1 for any other object (sent as a
// plain copy), as node's child_process writes them.
let ipcSerde;
function advancedSerde() {
  if (ipcSerde !== undefined) return ipcSerde;
  const v8 = require('v8');
  class IPCSerializer extends v8.DefaultSerializer {
    _writeHostObject(object) {
      if (ArrayBuffer.isView(object)) {
        this.writeUint32(0);
        return super._writeHostObject(object);
      }
      this.writeUint32(1);
      this.writeValue({ ...object });
    }
  }
  class IPCDeserializer extends v8.DefaultDeserializer {
    _readHostObject() {
      const tag = this.readUint32();
      if (tag === 0) return super._readHostObject();
      if (tag !== 1) throw new Error('Unable to deserialize cloned data.');
      return this.readValue();
    }
  }
  ipcSerde = {
    serialize(value) {
      const ser = new IPCSerializer();
      ser.writeHeader();
      ser.writeValue(value);
      return ser.releaseBuffer();
    },
    deserialize(buf) {
      const des = new IPCDeserializer(buf);
      des.readHeader();
      return des.readValue();
    },
  };
  return ipcSerde;
}

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

let net;
let dgram;
let netBinding;
let udpBinding;
function dgramBinding() {
  if (udpBinding === undefined) udpBinding = internalBinding('dgram');
  return udpBinding;
}
function handleType(h) {
  if (net === undefined) net = require('net');
  if (h instanceof net.Socket) return 'net.Socket';
  if (h instanceof net.Server) return 'net.Server';
  if (dgram === undefined) dgram = require('dgram');
  if (h instanceof dgram.Socket) return 'dgram.Socket';
  if (h !== null && typeof h === 'object' && Object.getPrototypeOf(h) === dgramBinding().udpProto) return 'dgram.Native';
  if (netBinding === undefined) netBinding = internalBinding('net');
  if (netBinding.isNative(h)) return 'net.Native';
  // any other handle with a descriptor (a server's listening handle, a stdio pipe's), as
  // node's getHandleWrapType takes any TCP or Pipe
  if (netBinding.isNative(h, true) || h instanceof Pipe) return 'net.Native';
  return undefined;
}

// handleConversion: for each handle type, send(message, handle, options) returns the native
// handle whose descriptor goes with the message (or nothing: the message goes alone), and
// got(message, fd, emit) makes the receiving side's object from the descriptor.
const handleConversion = {
  // A raw handle (a connection handle, or a listening socket nobody accepts on) goes as it is;
  // the sender keeps its copy open.
  'net.Native': {
    send(message, handle) {
      return handle;
    },
    got(message, fd, emit) {
      if (netBinding === undefined) netBinding = internalBinding('net');
      const h = netBinding.adoptNative(fd);
      if (typeof h === 'number') {
        require('fs').closeSync(fd);
        return;
      }
      emit(h);
    },
  },
  'net.Server': {
    send(message, server) {
      return server._handle && typeof server._handle.fd === 'number' ? server._handle : undefined;
    },
    got(message, fd, emit) {
      if (net === undefined) net = require('net');
      const server = new net.Server();
      server.listen({ fd }, () => emit(server));
    },
  },
  'net.Socket': {
    send(message, socket, options) {
      if (!socket._handle) return undefined;
      if (socket.server) {
        // The server now asks the receiver about this socket (getConnections, close).
        message.key = socket.server._connectionKey;
        const firstTime = !this[kSockets].send[message.key];
        const list = getSocketList('send', this, message.key);
        if (firstTime && typeof socket.server._setupWorker === 'function') socket.server._setupWorker(list);
        if (!options.keepOpen) socket.server._connections--;
      }
      const handle = socket._handle;
      if (!options.keepOpen) {
        handle.onread = () => {};
        if (handle.reading) {
          handle.readStop();
          handle.reading = false;
        }
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    postSend(message, handle, options, callback, target, source) {
      if (handle && !options.keepOpen) {
        if (target) {
          target._pendingMessage = { callback, message: message.msg, handle, source, options, retransmissions: 0 };
        } else {
          handle.close();
        }
      }
    },
    got(message, fd, emit) {
      if (net === undefined) net = require('net');
      const socket = new net.Socket({ fd, readable: true, writable: true });
      if (message.key) getSocketList('got', this, message.key).add({ socket });
      emit(socket);
    },
  },
  // A raw UDP handle (the socket a cluster primary shares) goes as it is; the sender keeps its
  // copy open.
  'dgram.Native': {
    send(message, handle) {
      const a = {};
      if (handle.getsockname(a)) return undefined; // (no descriptor: the message goes alone)
      message.dgramType = a.family === 'IPv6' ? 'udp6' : 'udp4';
      return handle;
    },
    got(message, fd, emit) {
      const h = dgramBinding().newSocket(message.dgramType === 'udp6' ? 'udp6' : 'udp4');
      if (h.open(fd)) {
        h.close();
        require('fs').closeSync(fd);
        return;
      }
      emit(h);
    },
  },
  'dgram.Socket': {
    send(message, socket) {
      message.dgramType = socket.type;
      const sym = Object.getOwnPropertySymbols(socket).find((k) => k.description === 'state symbol');
      const h = sym && socket[sym].handle;
      return h && typeof h.fd === 'number' ? h : undefined;
    },
    got(message, fd, emit) {
      if (dgram === undefined) dgram = require('dgram');
      const socket = dgram.createSocket(message.dgramType);
      socket.bind({ fd }, () => emit(socket));
    },
  },
};

// Sockets sent from a server's connections are tracked per server key, as node does, by
// internal/socket_list's lists (loaded the first time one is needed): the sender's list asks
// the receiver for its count and to report when all are closed; the receiver's list counts them.
const kSockets = Symbol('kSockets');
let socketList;
function getSocketList(type, target, key) {
  const lists = target[kSockets][type];
  let list = lists[key];
  if (!list) {
    if (socketList === undefined) socketList = require('internal/socket_list');
    list = lists[key] = type === 'send' ? new socketList.SocketListSend(target, key) : new socketList.SocketListReceive(target, key);
  }
  return list;
}

let channelAliasWarning = null;
function warnChannelAlias() {
  if (channelAliasWarning === null) {
    channelAliasWarning = require('util').deprecate(() => {},
      '_channel is deprecated. Use ChildProcess.channel instead.', 'DEP0129');
  }
  channelAliasWarning();
}

// setupChannel gives target send/disconnect/connected/channel over handle and fills cbs (the
// callbacks the Go side calls: onMessages(frames), onEnd()). onEnd is target-specific cleanup.
function setupChannel(target, handle, serialization, cbs, onEnd) {
  const advanced = serialization === 'advanced';
  const control = new Control(handle);
  target.channel = control;
  // node's deprecated alias (DEP0129), on the child process object and on a child's process
  Object.defineProperty(target, '_channel', {
    __proto__: null,
    get() { warnChannelAlias(); return target.channel; },
    set(v) { warnChannelAlias(); target.channel = v; },
    configurable: true,
    enumerable: false,
  });
  target._handleQueue = null;
  target._pendingMessage = null;
  target[kSockets] = { got: {}, send: {} };

  // A message that comes while target has no 'message' listener waits on the channel, and goes
  // out a tick after a listener is added, as node's.
  // (node's emit: its frame is below a 'message' listener's, called by a tick of three arguments)
  function emit(event, message, recvHandle) {
    if (!target.channel) return;
    if (event === 'internalMessage' || target.listenerCount('message') > 0) {
      target.emit(event, message, recvHandle);
    } else {
      target.channel[kPendingMessages].push([message, recvHandle]);
    }
  }
  cbs.onMessages = function onMessages(frames) {
    for (let i = 0; i < frames.length; i++) {
      let message;
      if (advanced) {
        message = advancedSerde().deserialize(Buffer.from(frames[i]));
      } else {
        message = JSON.parse(frames[i]);
      }
      // A NODE_HANDLE message's descriptor came with its bytes: take it now, in order.
      let recvHandle;
      if (isInternal(message) && message.cmd === 'NODE_HANDLE') {
        const fd = handle.takeFd ? handle.takeFd() : -1;
        if (fd >= 0) recvHandle = fd;
      }
      process.nextTick(emit, isInternal(message) ? 'internalMessage' : 'message', message, recvHandle);
    }
  };

  // Handle passing, as node does it: the sender writes { cmd: 'NODE_HANDLE', type, msg } with the
  // descriptor; the receiver answers NODE_HANDLE_ACK (or NACK when no descriptor came) and then
  // emits 'message' (msg, handle). Until the ACK, the sender queues further messages; a socket
  // sent without keepOpen is closed on the sender when the ACK comes.
  target.on('internalMessage', function(message, recvHandle) {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      if (target._pendingMessage) {
        const pending = target._pendingMessage;
        target._pendingMessage = null;
        if (!pending.options.keepOpen && pending.handle) pending.handle.close();
      }
      const queue = target._handleQueue || [];
      target._handleQueue = null;
      for (let i = 0; i < queue.length; i++) {
        const args = queue[i];
        target._send(args.message, args.handle, args.options, args.callback);
      }
      if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
      return;
    }
    if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = target._pendingMessage;
      if (pending) {
        target._pendingMessage = null;
        if (pending.retransmissions++ < 3) {
          target._handleQueue = null;
          target._send(pending.message, pending.source, pending.options, pending.callback);
        }
      }
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;
    if (recvHandle === undefined) {
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, { swallowErrors: true });
      return;
    }
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, { swallowErrors: true });
    const conv = handleConversion[message.type];
    if (conv === undefined) {
      require('fs').closeSync(recvHandle);
      return;
    }
    conv.got.call(target, message, recvHandle, (h) => {
      const inner = message.msg;
      if (!target.channel) return;
      process.nextTick(emit, isInternal(inner) ? 'internalMessage' : 'message', inner, h);
    });
  });
  // (after internalMessage, as node adds them)
  target.on('newListener', function() {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount('message')) return;
      const messages = target.channel[kPendingMessages];
      if (messages.length === 0) return;
      target.channel[kPendingMessages] = [];
      for (let i = 0; i < messages.length; i++) target.emit('message', messages[i][0], messages[i][1]);
    });
  });
  cbs.onEnd = function onChannelEnd() {
    control._handle = null;
    if (target.connected) disconnect(target);
    if (onEnd) onEnd();
  };

  function disconnect(t) {
    t.connected = false;
    t.channel = null;
    process.nextTick(() => t.emit('disconnect'));
  }

  target.send = function send(message, sendHandle, options, callback) {
    if (typeof sendHandle === 'function') {
      callback = sendHandle;
      sendHandle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, sendHandle, options, callback);
    const ex = makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => this.emit('error', ex));
    return false;
  };

  target._send = function _send(message, sendHandle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    const type = typeof message;
    if (type !== 'string' && type !== 'object' && type !== 'number' && type !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    let fd = -1;
    let conv;
    let source;
    if (sendHandle) {
      const type = handleType(sendHandle);
      if (type === undefined) throw new ERR_INVALID_HANDLE_TYPE();
      message = { cmd: 'NODE_HANDLE', type, msg: message };
      if (this._handleQueue) {
        this._handleQueue.push({ callback, handle: sendHandle, options, message: message.msg });
        return this._handleQueue.length === 1;
      }
      conv = handleConversion[type];
      source = sendHandle;
      const native = conv.send.call(this, message, sendHandle, options);
      if (native) {
        fd = native.fd;
        sendHandle = native;
      }
      if (fd < 0) {
        message = message.msg;
        sendHandle = undefined;
        conv = undefined;
      }
    } else if (this._handleQueue && !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }
    let frame;
    if (advanced) {
      frame = advancedSerde().serialize(message);
    } else {
      frame = JSON.stringify(message) + '\n';
    }
    const queued = handle.write(frame, () => {
      if (typeof callback === 'function') callback(null);
    }, fd);
    if (typeof queued === 'number') {
      // a write that failed at once (EPIPE: the other side is gone): node's ErrnoException of
      // the send, emitted (or given to the callback) on the next tick unless swallowErrors
      if (conv && conv.postSend) conv.postSend(message, sendHandle, options, callback, null, source);
      if (!options.swallowErrors) {
        const code = require('util').getSystemErrorName(queued);
        const ex = new Error(`write ${code}`); // ipc:878:20
        ex.errno = queued;
        ex.code = code;
        ex.syscall = 'write';
        if (typeof callback === 'function') process.nextTick(callback, ex);
        else process.nextTick(() => this.emit('error', ex));
      }
    } else if (queued && fd >= 0) {
      if (!this._handleQueue) this._handleQueue = [];
      if (conv.postSend) conv.postSend(message, sendHandle, options, callback, this, source);
    } else if (!queued && conv && conv.postSend) {
      conv.postSend(message, sendHandle, options, callback, null, source);
    }
    if (!queued) {
      const ex = ipcChannelClosed();
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
      return false;
    }
    // as node's: false once the channel is more than two reads (128 KiB) behind
    return handle.writeQueueSize === undefined || handle.writeQueueSize() < 65536 * 2;
  };

  target.connected = true;
  target.disconnect = function () {
    if (!this.connected) {
      this.emit('error', makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    // With a handle waiting for its ACK, disconnect once the queue is flushed.
    if (this._handleQueue) {
      this.connected = false;
      return;
    }
    this._disconnect();
  };
  target._disconnect = function () {
    if (this._pendingMessage) {
      const pending = this._pendingMessage;
      this._pendingMessage = null;
      if (!pending.options.keepOpen && pending.handle) pending.handle.close();
    }
    control._handle = null;
    handle.close();
    disconnect(this);
  };
  return control;
}

// _forkChild runs in a forked child at bootstrap (NODE_CHANNEL_FD was set).
function _forkChild(fd, serialization) {
  const cbs = {};
  let handle;
  try {
    handle = binding.openChannel(fd, serialization, cbs);
  } catch {
    // Not an open fd: like node, the process starts, and each send fails with EINVAL.
    handle = {
      write(frame, cb) {
        const err = new Error('write EINVAL');
        Object.assign(err, { errno: -22, code: 'EINVAL', syscall: 'write' });
        process.nextTick(cb, err);
        return true;
      },
      close() {}, ref() {}, unref() {}, hasRef() { return false; },
    };
  }
  handle.unref();
  const control = setupChannel(process, handle, serialization, cbs, null);
  process.on('newListener', function onNewListener(name) {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', function onRemoveListener(name) {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

// Process is the class of a child's handle (node's ProcessWrap), as its constructor name shows,
// and Pipe that of a stdio pipe's handle.
// A Process shows what node's does (its onexit, pid and owner), its methods on the prototype
// working the child's handle from Go (processHandles).
function Process() {}
function Pipe() {}
const kOwnerSymbol = Symbol('owner_symbol');
const processHandles = new WeakMap(); // Process -> the child's handle made by binding.spawn
function rawProcess(p) {
  const raw = processHandles.get(p);
  if (raw === undefined) throw new TypeError('Illegal invocation');
  return raw;
}
Object.defineProperties(Process.prototype, {
  kill: { __proto__: null, value: function kill(signal) { return rawProcess(this).kill(signal); }, writable: true, configurable: true },
  ref: { __proto__: null, value: function ref() { rawProcess(this).ref(); }, writable: true, configurable: true },
  unref: { __proto__: null, value: function unref() { rawProcess(this).unref(); }, writable: true, configurable: true },
  hasRef: { __proto__: null, value: function hasRef() { return rawProcess(this).hasRef(); }, writable: true, configurable: true },
});
const UV_EOF = -4095;
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');

// ChildProcess is a plain function, as node's is: code that inherits from it the ES5 way
// (ChildProcess.call(this), as mocking libraries do) runs; its methods are enumerable and unnamed.
function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
  this.spawnargs = [];
  this.pid = undefined;
  this.stdin = null;
  this.stdout = null;
  this.stderr = null;
  this.stdio = [null, null, null];
  require('internal/dc_builtin').publish('childProcess', { process: this });
}

// spawn takes node's internal options (those normalizeSpawnArguments makes: file, args with
// argv0 first, envPairs, cwd, stdio...) and checks them in node's order.
ChildProcess.prototype.spawn = function (options) {
  validateObject(options, 'options');
  const stdio = normalizeStdio(options.stdio, false);
  validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';
  let env = options.envPairs;
  if (stdio.ipc !== undefined) {
    if (env === undefined) env = [];
    else validateArray(env, 'options.envPairs');
    env = env.concat([`NODE_CHANNEL_FD=${stdio.ipc}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`]);
  }
  validateString(options.file, 'options.file');
  this.spawnfile = options.file;
  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }
  // as node's: without envPairs the child inherits this process's environment
  if (!Array.isArray(env)) env = envPairsOf(process.env);
  const args = this.spawnargs.map((a) => `${a}`);
  const self = this;
  const ipcCbs = {};
  // the stdio pipes, listed before the process as node's are
  const pipes = stdio.map(() => null);
  for (let fd = 0; fd < stdio.length; fd++) {
    if (stdio[fd] === 'pipe' || stdio[fd] === 'overlapped') pipes[fd] = binding.pipeHandle(fd !== 0);
  }
  let handle;
  let cbs;
  // (unnamed, as node's arrow assigned to the handle's onexit)
  const onExit = [function (code, signal) {
    if (signal) self.signalCode = signal; else self.exitCode = code;
    if (self.stdin) self.stdin.destroy();
    self._handle = null;
    self.emit('exit', self.exitCode, self.signalCode);
    flushStdio(self);
    process.nextTick(maybeClose, self);
  }][0];
  try {
    handle = binding.spawn({
      file: options.file, args: args.slice(1), cwd: options.cwd || null, env, // (node's spawn takes an empty cwd for none; spawnSync's fails)
      argv0: args.length > 0 ? args[0] : '', stdio, detached: !!options.detached,
      uid: typeof options.uid === 'number' ? options.uid : -1, gid: typeof options.gid === 'number' ? options.gid : -1,
      ipc: stdio.ipc === undefined ? -1 : stdio.ipc, serialization,
    }, cbs = {
      ipc: ipcCbs,
      owner: this,
      pipes,
      // each read, and the end, go to the handle's onread (the socket's, as node's
      // onStreamRead: a push that finds the buffer full stops the reads until _read)
      onData(fd, ab) {
        const p = pipes[fd];
        if (typeof p.onread === 'function') p.onread(Buffer.from(ab), ab.byteLength);
      },
      onEnd(fd) {
        const p = pipes[fd];
        if (typeof p.onread === 'function') p.onread(UV_EOF);
      },
      onExit,
    });
  } catch (e) {
    // refused (a permission, a bad argument): the pipes made for it must not hold the loop
    for (const p of pipes) if (p) p.close();
    throw e;
  }
  if (handle instanceof Error) {
    // as node's: but for these, a spawn that failed throws (a bad descriptor in stdio: EBADF)
    if (typeof handle.code === 'string' && !['EACCES', 'EAGAIN', 'EMFILE', 'ENFILE', 'ENOENT'].includes(handle.code)) {
      const e = new Error(`spawn ${handle.code}`);
      e.errno = handle.errno;
      e.code = handle.code;
      e.syscall = 'spawn';
      for (const p of pipes) if (p) p.close();
      throw e;
    }
    const err = spawnError(handle, options.file, this.spawnargs);
    // but for EMFILE/ENFILE, a child that never ran still has its stdio pipes, whose other
    // ends are closed: stdin refuses writes (EPIPE), stdout and stderr end at once, and
    // 'close' (no 'exit') comes once they closed
    if (err.code !== 'EMFILE' && err.code !== 'ENFILE') {
      for (let fd = 0; fd < stdio.length; fd++) if (pipes[fd]) binding.orphanPipe(pipes[fd], fd, cbs);
      stdioSockets(this, stdio, pipes);
    } else {
      for (const p of pipes) if (p) p.close();
    }
    process.nextTick(onErrorNT, this, err);
    return err;
  }
  const raw = handle;
  handle = new Process();
  handle.onexit = onExit;
  handle.pid = raw.pid;
  handle[kOwnerSymbol] = this;
  processHandles.set(handle, raw);
  this._handle = handle;
  this.pid = handle.pid;
  if (raw.ipc) {
    this._closesNeeded++;
    setupChannel(this, raw.ipc, serialization, ipcCbs, () => maybeClose(self));
  }
  stdioSockets(this, stdio, pipes);
  process.nextTick(() => this.emit('spawn'));
  return null;
};

// stdioSockets makes child.stdio: each 'pipe' is a net.Socket over its pipe handle (node's
// createSocket), readable but for stdin's; 'close' of each but stdin's counts toward the
// child's 'close'. Other entries (the IPC channel's included) are null.
function stdioSockets(self, stdio, pipes) {
  if (net === undefined) net = require('net');
  self.stdio = [];
  for (let fd = 0; fd < stdio.length; fd++) {
    const p = pipes[fd];
    if (!p) { self.stdio.push(null); continue; }
    // (Pipe.prototype takes its methods from the binding's prototype of pipe handles)
    if (Object.getPrototypeOf(Pipe.prototype) === Object.prototype) Object.setPrototypeOf(Pipe.prototype, Object.getPrototypeOf(p));
    Object.setPrototypeOf(p, Pipe.prototype);
    const s = new net.Socket({ handle: p, readable: fd > 0 });
    p.setOwner(s);
    if (fd > 0) {
      self._closesNeeded++;
      s.on('close', () => maybeClose(self));
    }
    self.stdio.push(s);
  }
  self.stdin = self.stdio[0];
  self.stdout = self.stdio[1];
  self.stderr = self.stdio[2];
  // a stream given as a stdio entry is now the child's to read: this process stops
  for (const { stream, handle: h } of stdio.wraps || []) {
    h.reading = false;
    h.readStop();
    if (stream !== h && typeof stream.pause === 'function') {
      stream.pause();
      stream.readableFlowing = false;
      if (stream._readableState) stream._readableState.reading = false;
      stream[kIsUsedAsStdio] = true;
    }
  }
}

ChildProcess.prototype.kill = function (sig) {
  const signal = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
  }
  return false;
};

ChildProcess.prototype.ref = function () { if (this._handle) this._handle.ref(); };
ChildProcess.prototype.unref = function () { if (this._handle) this._handle.unref(); };

// (assigned, as node's: enumerable, and the function anonymous)
ChildProcess.prototype[Symbol.dispose || Symbol.for('nodejs.dispose')] = function () { if (!this.killed) this.kill(); };
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

// flushStdio drains the pipes nobody reads (nor another child), so that 'close' can follow.
function flushStdio(subprocess) {
  for (const s of subprocess.stdio) {
    if (s && s.readable && !(s._readableState && s._readableState.readableListening) && !s[kIsUsedAsStdio]) s.resume();
  }
}

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

function spawn(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options); // at: child_process:755:13
  const rawOptions = (Array.isArray(args) || args == null ? options : args) || {};
  opts.stdio = rawOptions.stdio;
  opts.serialization = rawOptions.serialization;
  if (rawOptions.signal !== undefined) validateAbortSignal(rawOptions.signal, 'options.signal');
  validateTimeout(rawOptions.timeout);
  // (as node's: the signal's number, or undefined for kill()'s default)
  const killSignal = sanitizeKillSignal(rawOptions.killSignal);
  const child = new ChildProcess();
  child.spawn(opts);
  if (rawOptions.timeout > 0) {
    let t = timers().setTimeout(() => {
      if (t) {
        try { child.kill(killSignal); } catch (err) { child.emit('error', err); }
        t = null;
      }
    }, rawOptions.timeout);
    child.once('exit', () => { if (t) { timers().clearTimeout(t); t = null; } });
  }
  const signal = rawOptions.signal;
  if (signal) {
    const onAbort = () => {
      if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      const disposable = EventEmitter.addAbortListener(signal, onAbort);
      child.once('exit', disposable[Symbol.dispose || Symbol.for('nodejs.dispose')]);
    }
  }
  return child;
}

function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  // A function in the options place is the callback and stays the options too, as node's: execFile
  // spreads it (no own keys), execFileSync's spawnSync refuses it.
  if (options == null) options = {};
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    nullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM',
    cwd: null, env: null, shell: false, ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const child = spawn(file, args, { // at: child_process:351:17
    cwd: options.cwd, env: options.env, shell: options.shell, signal: options.signal,
    uid: options.uid, gid: options.gid, windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  const encoding = options.encoding && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;

  // With an encoding the streams give strings (maxBuffer still counts bytes); a stream
  // given an encoding by the caller does too.
  function collected(chunks, stream) {
    if (encoding || (stream && stream.readableEncoding)) return chunks.join('');
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      timers().clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;
    const stdout = collected(stdoutChunks, child.stdout);
    const stderr = collected(stderrChunks, child.stderr);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args.length) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = timers().setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }
  const watch = (stream, chunks, which) => {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    // (node's listeners' names: onChildStdout, onChildStderr)
    const listener = which === 'stdout' ? function onChildStdout(chunk) { onData(chunk); } : function onChildStderr(chunk) { onData(chunk); };
    const onData = (chunk) => {
      if (options.maxBuffer === Infinity) {
        chunks.push(chunk);
        return;
      }
      const enc = stream.readableEncoding;
      const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
      const len = which === 'stdout' ? (stdoutLen += length) : (stderrLen += length);
      if (options.maxBuffer != null && len > options.maxBuffer) {
        // as node: the chunk cut at what is left of maxBuffer, counted in bytes, applied to
        // the string's characters or the buffer's bytes
        const keep = options.maxBuffer - (len - length);
        chunks.push(chunk.slice(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which);
        kill();
      } else {
        chunks.push(chunk);
      }
    };
    stream.on('data', listener);
  };
  watch(child.stdout, stdoutChunks, 'stdout');
  watch(child.stderr, stderrChunks, 'stderr');
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function promisifyExec(fn) {
  return function (...args) {
    // fn runs outside the executor, as node's: bad arguments throw at the call, not as a
    // rejection
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.child = fn(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}
Object.defineProperty(execFile, customPromisify, { __proto__: null, enumerable: false, value: promisifyExec(execFile) });

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  nullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  // (through the module, as node's exec: a replaced child_process.execFile is what runs)
  return module.exports.execFile(opts.file, opts.options, opts.callback);
}
Object.defineProperty(exec, customPromisify, { __proto__: null, enumerable: false, value: promisifyExec(exec) });

// spawnSyncBinding is node's spawn_sync binding (process.binding('spawn_sync')): spawnSync runs
// every child through its spawn, looked up at each call, so that a replaced one (nyc's
// process-on-spawn and spawn-wrap) sees, and may change, each child's options.
const spawnSyncBinding = {
  spawn(options) {
    const args = options.args;
    return binding.spawnSync({
      file: options.file, args: args.slice(1).map((a) => `${a}`), cwd: options.cwd, env: options.envPairs, argv0: args[0] === options.file ? '' : args[0],
      stdio: options.stdio, detached: options.detached, uid: options.uid, gid: options.gid, timeout: options.timeout,
      killSignal: options.killSignal, maxBuffer: options.maxBuffer,
    }, options.input);
  },
};

function spawnSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options); // at: child_process:836:8
  const raw = (Array.isArray(args) || args == null ? options : args) || {};
  const stdio = normalizeStdio(raw.stdio, true);
  // As node: a falsy input is no input; input in the stdio array is used when options.input is not.
  let input = raw.input || stdio.input;
  if (input) {
    if (typeof input === 'string') input = Buffer.from(input, raw.encoding && raw.encoding !== 'buffer' ? raw.encoding : 'utf8');
    else if (!ArrayBuffer.isView(input)) throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  validateTimeout(raw.timeout);
  validateMaxBuffer(raw.maxBuffer);
  const killSignal = sanitizeKillSignal(raw.killSignal) || 0;
  // (node's options for its spawn_sync binding, which a wrapper of its spawn may change: the
  // child runs, and fails, as they say then)
  const spawnOptions = {
    file: opts.file, args: opts.args, cwd: opts.cwd === null ? undefined : opts.cwd, envPairs: opts.envPairs, stdio,
    detached: opts.detached, uid: opts.uid, gid: opts.gid, timeout: raw.timeout || 0, killSignal,
    maxBuffer: raw.maxBuffer == null ? 1024 * 1024 : (raw.maxBuffer === Infinity ? 0 : raw.maxBuffer),
    windowsHide: !!raw.windowsHide, windowsVerbatimArguments: !!raw.windowsVerbatimArguments, input,
  };
  const ret = spawnSyncBinding.spawn(spawnOptions);
  opts.file = spawnOptions.file;
  opts.args = spawnOptions.args;
  if (ret.error && ret.status === null && ret.signal === null && ret.pid === 0) {
    ret.error = spawnError(ret.error, opts.file, opts.args, true);
    ret.error.syscall = 'spawnSync ' + opts.file;
    ret.error.message = `spawnSync ${opts.file} ${ret.error.code}`;
    return syncResult(ret);
  }
  const encoding = raw.encoding && raw.encoding !== 'buffer' ? raw.encoding : null;
  const conv = (ab) => {
    if (ab === undefined) return null;
    const b = Buffer.from(ab);
    return encoding ? b.toString(encoding) : b;
  };
  ret.stdout = stdio[1] === 'pipe' ? conv(ret.stdout) : null;
  ret.stderr = stdio[2] === 'pipe' ? conv(ret.stderr) : null;
  ret.output = [null, ret.stdout, ret.stderr];
  // (as node's: the descriptors from 3 on too, a pipe's output or null)
  for (let fd = 3; ret.extra && fd < ret.extra.length; fd++) ret.output.push(ret.extra[fd] ? conv(ret.extra[fd]) : null);
  if (ret.error) {
    ret.error.syscall = 'spawnSync ' + opts.file;
    ret.error.message = `spawnSync ${opts.file} ${ret.error.code}`;
    ret.error.spawnargs = opts.args.slice(1);
    ret.error.path = opts.file;
  }
  return syncResult(ret);
}

// syncResult: spawnSync's result with node's keys in node's order (execSync's errors copy them).
function syncResult(ret) {
  const out = {};
  if (ret.error) out.error = ret.error;
  out.status = ret.status;
  out.signal = ret.signal;
  out.output = ret.output === undefined ? null : ret.output;
  out.pid = ret.pid;
  out.stdout = ret.stdout === undefined ? null : ret.stdout;
  out.stderr = ret.stderr === undefined ? null : ret.stderr;
  return out;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  validateObject(options, 'options');
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, { ...options, stdio: options.stdio || ['pipe', 'pipe', 'pipe'] });
  if (inheritStderr && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [options.argv0 || file, ...args], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, { ...opts.options, stdio: opts.options.stdio || ['pipe', 'pipe', 'pipe'] });
  if (inheritStderr && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      options.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      options.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

// withoutEval drops -e/-p (and their code) from an inherited execArgv, as node does: a child
// forked from `gojs -e` must run modulePath, not the same code again.
function withoutEval(execArgv) {
  const out = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe') {
      i++;
      continue;
    }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) continue;
    out.push(a);
  }
  return out;
}

// fork runs modulePath in a new gojs (options.execPath, default process.execPath) with an IPC
// channel: NODE_CHANNEL_FD as node does, so either side may be node.
function fork(modulePath, args = undefined, options) { // length 1, as node's
  // As node's getValidatedPath: a file URL becomes its path, a Uint8Array is taken as is (and
  // later made a string as every spawn argument is), and none may hold a null byte.
  if (typeof modulePath === 'object' && modulePath !== null && modulePath.href !== undefined &&
      modulePath.protocol !== undefined) {
    modulePath = require('url').fileURLToPath(modulePath);
  } else if (typeof modulePath !== 'string' && !(modulePath instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('modulePath', ['string', 'Buffer', 'URL'], modulePath); // at: child_process:124:16 | validator
  }
  if (typeof modulePath === 'string' ? modulePath.includes('\u0000') : modulePath.includes(0)) {
    throw new ERR_INVALID_ARG_VALUE('modulePath', modulePath, 'must be a string, Uint8Array, or URL without null bytes');
  }
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  nullCheck(options.execPath, 'options.execPath');
  let execArgv = options.execArgv || process.execArgv;
  if (execArgv === process.execArgv) execArgv = withoutEval(execArgv);
  if (Array.isArray(execArgv)) {
    for (let i = 0; i < execArgv.length; i++) nullCheck(execArgv[i], `options.execArgv[${i}]`);
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw makeNodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED',
      "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
  }
  return spawn(options.execPath, args, options);
}

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};

require('internal/module_internals').set('child_process', { spawnSyncBinding, setupChannel, stdioStringToArray });
