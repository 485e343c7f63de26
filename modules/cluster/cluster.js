'use strict';
// cluster: a primary forks workers (child_process.fork of the main script, NODE_UNIQUE_ID in
// their environment) and talks to them with NODE_CLUSTER internal messages on the IPC channel.
//
// Shared ports, as in node: a worker's net (or http) server that listens on a TCP port asks the
// primary (queryServer). With the default scheduling policy, SCHED_RR, the primary listens,
// accepts each connection and passes its descriptor to the next free worker over the IPC
// channel ('newconn'); with SCHED_NONE (NODE_CLUSTER_SCHED_POLICY=none) it sends the listening
// socket to every worker, and each accepts on it. Shared UDP sockets bind with SO_REUSEPORT in
// each worker (see dgram).

const EventEmitter = require('events');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const isWorker = 'NODE_UNIQUE_ID' in process.env;
const kPreload = '--require=cluster';

// ---------------------------------------------------------------- Worker

// A function, not a class, as node's: Worker(options) without new makes one too.
function Worker(options) {
  if (!(this instanceof Worker)) return new Worker(options);
  EventEmitter.call(this);
  if (options === null || typeof options !== 'object') options = {};
  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;
  if (options.process) {
    this.process = options.process;
    this.process.on('error', (code, signal) => this.emit('error', code, signal));
    this.process.on('message', (message, handle) => this.emit('message', message, handle));
  }
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Worker.prototype.kill = function kill() {
  this.destroy.apply(this, arguments);
};

Worker.prototype.send = function send() {
  return this.process.send.apply(this.process, arguments);
};

Worker.prototype.isDead = function isDead() {
  return this.process.exitCode != null || this.process.signalCode != null;
};

Worker.prototype.isConnected = function isConnected() {
  return this.process.connected;
};

// internal messages: {cmd: 'NODE_CLUSTER', act, seq} one way, {..., ack: seq} back.
let seq = 0;
const callbacks = new Map();

function sendTo(proc, message, cb, handle) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq++;
  return proc.send(message, handle);
}

function onInternal(worker, onmessage) {
  return function(message, handle) {
    if (message === null || typeof message !== 'object' || message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined) {
      const cb = callbacks.get(message.ack);
      if (cb !== undefined) {
        callbacks.delete(message.ack);
        cb(message, handle);
        return;
      }
    }
    onmessage.call(worker, message, handle);
  };
}

const cluster = new EventEmitter();
cluster.isWorker = isWorker;
cluster.isMaster = !isWorker;
cluster.isPrimary = !isWorker;

// (as node's worker side, which has no scheduling constants)
if (isWorker) {
  cluster.worker = null;
  cluster.Worker = Worker;
  cluster._setupWorker = setupWorker;
  cluster._getServer = null;
  setupWorker();
} else {
  cluster.Worker = Worker;
  cluster.workers = {};
  cluster.settings = {};
  cluster.SCHED_NONE = SCHED_NONE;
  cluster.SCHED_RR = SCHED_RR;
  setupPrimary();
}

module.exports = cluster;

// ---------------------------------------------------------------- primary

function setupPrimary() {
  const intercom = new EventEmitter();
  const handles = new Map(); // key -> RoundRobinHandle or SharedHandle
  let ids = 0;
  let initialized = false;

  let schedulingPolicy = { none: SCHED_NONE, rr: SCHED_RR }[process.env.NODE_CLUSTER_SCHED_POLICY];
  if (schedulingPolicy === undefined) schedulingPolicy = SCHED_RR;
  cluster.schedulingPolicy = schedulingPolicy;

  cluster.setupPrimary = function(options) {
    const settings = {
      args: process.argv.slice(2),
      exec: process.argv[1],
      execArgv: process.execArgv,
      silent: false,
      ...cluster.settings,
      ...options,
    };
    cluster.settings = settings;
    if (initialized === true) {
      process.nextTick(() => cluster.emit('setup', settings));
      return;
    }
    initialized = true;
    schedulingPolicy = cluster.schedulingPolicy; // frozen from now on
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      const { makeNodeError } = require('internal/errors');
      throw makeNodeError(Error, 'ERR_INTERNAL_ASSERTION', `Bad cluster.schedulingPolicy: ${schedulingPolicy}\n` +
        'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
    }
    process.nextTick(() => cluster.emit('setup', settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  function removeWorker(worker) {
    delete cluster.workers[worker.id];
    if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
  }

  function removeHandlesForWorker(worker) {
    for (const [key, rr] of handles) {
      if (rr.remove(worker)) handles.delete(key);
    }
  }

  cluster.fork = function(env) {
    cluster.setupPrimary();
    const id = ++ids;
    const settings = cluster.settings;
    const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
    const cp = require('child_process');
    const child = cp.fork(settings.exec, settings.args, {
      cwd: settings.cwd,
      env: workerEnv,
      serialization: settings.serialization,
      silent: settings.silent,
      windowsHide: settings.windowsHide,
      // The worker loads cluster before its main script, as Node's bootstrap does for a process
      // with NODE_UNIQUE_ID; the worker takes the flag out of its process.execArgv again.
      execArgv: [...(settings.execArgv || process.execArgv), kPreload],
      stdio: settings.stdio,
      execPath: settings.execPath,
      gid: settings.gid,
      uid: settings.uid,
    });
    const worker = new Worker({ id, process: child });
    worker.on('message', function(message, handle) {
      cluster.emit('message', this, message, handle);
    });
    worker.process.once('exit', (exitCode, signalCode) => {
      if (!worker.isConnected()) {
        removeHandlesForWorker(worker);
        removeWorker(worker);
      }
      worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
      worker.state = 'dead';
      worker.emit('exit', exitCode, signalCode);
      cluster.emit('exit', worker, exitCode, signalCode);
    });
    worker.process.once('disconnect', () => {
      removeHandlesForWorker(worker);
      // (as node's: a boolean from here on)
      worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
      worker.state = 'disconnected';
      worker.emit('disconnect');
      cluster.emit('disconnect', worker);
      if (worker.isDead()) removeWorker(worker);
    });
    worker.process.on('internalMessage', onInternal(worker, onmessage));
    process.nextTick(() => cluster.emit('fork', worker));
    cluster.workers[worker.id] = worker;
    return worker;
  };

  cluster.disconnect = function(cb) {
    const workers = Object.values(cluster.workers);
    if (workers.length === 0) {
      process.nextTick(() => intercom.emit('disconnect'));
    } else {
      for (const worker of workers) {
        if (worker.isConnected()) worker.disconnect();
      }
    }
    // Registered last, as node does: the workers are already out of cluster.workers, and the
    // callback runs when the first of them is gone.
    if (typeof cb === 'function') intercom.once('disconnect', cb);
  };

  Worker.prototype.disconnect = function() {
    this.exitedAfterDisconnect = true;
    sendTo(this.process, { act: 'disconnect' });
    removeHandlesForWorker(this);
    removeWorker(this);
    return this;
  };

  Worker.prototype.destroy = function(signo) {
    this.process.kill(signo || 'SIGTERM');
  };

  function onmessage(message) {
    const worker = this;
    switch (message.act) {
      case 'online':
        worker.state = 'online';
        worker.emit('online');
        cluster.emit('online', worker);
        break;
      case 'listening': {
        const info = { addressType: message.addressType, address: message.address, port: message.port, fd: message.fd };
        worker.state = 'listening';
        worker.emit('listening', info);
        cluster.emit('listening', worker, info);
        break;
      }
      case 'exitedAfterDisconnect':
        worker.exitedAfterDisconnect = true;
        sendTo(worker.process, { ack: message.seq });
        break;
      case 'queryServer':
        queryServer(worker, message);
        break;
      case 'close': {
        const rr = handles.get(message.key);
        if (rr && rr.remove(worker)) handles.delete(message.key);
        break;
      }
    }
  }

  function queryServer(worker, message) {
    // A worker that is disconnecting gets no new handle.
    if (worker.exitedAfterDisconnect) return;
    const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
    let handle = handles.get(key);
    if (handle === undefined) {
      // (a datagram socket has no connections to hand out: it is always shared)
      if (schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' || message.addressType === 'udp6') handle = new SharedHandle(key, message);
      else handle = new RoundRobinHandle(key, message);
      handles.set(key, handle);
    }
    if (!handle.data) handle.data = message.data;
    handle.add(worker, (errno, reply, native) => {
      const { data } = handles.get(key) || handle;
      if (errno) handles.delete(key); // the next worker tries again
      sendTo(worker.process, { errno, key, ack: message.seq, data, ...reply }, undefined, native);
    });
  }
}

// listenNative binds the listening socket of a shared port, with net's rule for no address
// (dual-stack "::", else "0.0.0.0"); it returns the handle or a negative errno.
function listenNative(message, make) {
  const ipv6Only = !!(message.flags & 1);
  const backlog = message.backlog | 0 || 511;
  if (message.address) return make('tcp', message.address, message.port, '', backlog, ipv6Only);
  const h = make('tcp', '::', message.port, '', backlog, ipv6Only);
  if (typeof h !== 'number') return h;
  return make('tcp', '0.0.0.0', message.port, '', backlog, false);
}

// bindDgram binds the UDP socket a worker's dgram socket shares (UV_UDP_REUSEADDR and
// UV_UDP_IPV6ONLY in message.flags); it returns the handle, which does not keep the primary
// alive (it does not receive), or a negative errno.
function bindDgram(message) {
  const h = internalBinding('dgram').newSocket(message.addressType);
  const errno = h.bind(message.address, message.port, !!(message.flags & 4), !!(message.flags & 1), false);
  if (errno) {
    h.close();
    return errno;
  }
  h.unref();
  return h;
}

let netBinding;
function nativeNet() {
  if (netBinding === undefined) netBinding = internalBinding('net');
  return netBinding;
}

// RoundRobinHandle (scheduling policy SCHED_RR) listens in the primary, accepts each connection
// and passes its descriptor to the next free worker ('newconn'); a worker is free again once it
// answered. A connection the worker refuses (it is closing) goes to another worker.
class RoundRobinHandle {
  constructor(key, message) {
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.handles = [];
    this.data = null;
    const nb = nativeNet();
    const onconn = (errno, h) => this.distribute(errno, h);
    const h = listenNative(message, (kind, host, port, path, backlog, v6) => nb.listen(kind, host, port, path, backlog, v6, onconn));
    this.errno = typeof h === 'number' ? h : 0;
    this.handle = typeof h === 'number' ? null : h;
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    if (this.handle === null) {
      send(this.errno, null);
      return;
    }
    const a = this.handle.address();
    send(0, { sockname: { address: a.address, family: a.family, port: a.port } }, undefined);
    this.handoff(worker); // connections may be waiting
  }

  // remove reports true when no worker is left (the listening socket is closed).
  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const h of this.handles) h.close();
    this.handles = [];
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  }

  distribute(errno, handle) {
    if (errno !== undefined) return; // a failed accept is skipped
    this.handles.push(handle);
    for (const [id, worker] of this.free) {
      this.free.delete(id);
      this.handoff(worker);
      break;
    }
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return; // the worker closed the server
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const sent = sendTo(worker.process, { act: 'newconn', key: this.key }, (reply) => {
      if (reply.accepted) handle.close();
      else this.distribute(undefined, handle); // the worker is closing: another one takes it
      this.handoff(worker);
    }, handle);
    if (sent === false && !worker.process.connected) {
      this.all.delete(worker.id);
      this.distribute(undefined, handle);
    }
  }
}

// SharedHandle (SCHED_NONE, and every datagram socket) binds the listening socket once and
// sends it to every worker, each of which accepts (or receives) on it.
class SharedHandle {
  constructor(key, message) {
    this.key = key;
    this.workers = new Map();
    this.data = null;
    const h = message.addressType === 'udp4' || message.addressType === 'udp6' ? bindDgram(message) : listenNative(message, nativeNet().listenIdle);
    this.errno = typeof h === 'number' ? h : 0;
    this.handle = typeof h === 'number' ? null : h;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle || undefined);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  }
}

// ---------------------------------------------------------------- worker

function setupWorker() {
  const net = require('net');
  const id = +process.env.NODE_UNIQUE_ID | 0;
  delete process.env.NODE_UNIQUE_ID;
  const pre = process.execArgv.lastIndexOf(kPreload);
  if (pre !== -1) process.execArgv.splice(pre, 1);
  const worker = new Worker({ id, process, state: 'online' });
  cluster.worker = worker;
  const servers = new Set();

  function send(message, cb) {
    return sendTo(process, message, cb);
  }

  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away without asking: the worker ends now.
      process.exit(0);
    }
  });

  process.on('internalMessage', onInternal(worker, function(message, handle) {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnect.call(worker, true);
  }));

  send({ act: 'online' });

  function disconnect(primaryInitiated) {
    this.exitedAfterDisconnect = true;
    let waiting = 1;
    const check = () => {
      if (--waiting !== 0) return;
      if (primaryInitiated) {
        if (process.connected) process.disconnect();
      } else {
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      }
    };
    for (const server of servers) {
      waiting++;
      server.close(check);
    }
    servers.clear();
    check();
  }

  Worker.prototype.disconnect = function() {
    if (this.state !== 'disconnecting' && this.state !== 'destroying') {
      this.state = 'disconnecting';
      disconnect.call(this, false);
    }
    return this;
  };

  Worker.prototype.destroy = function() {
    if (this.state === 'destroying') return;
    this.exitedAfterDisconnect = true;
    if (!this.isConnected()) {
      process.exit(0);
    } else {
      this.state = 'destroying';
      send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      process.once('disconnect', () => process.exit(0));
    }
  };

  // _getServer(obj, options, cb) asks the primary for the socket obj (a dgram socket) is to
  // share: cb(errno, handle) gets the handle the primary bound, which obj takes as its own.
  cluster._getServer = function _getServer(obj, options, cb) {
    query(obj, options, (reply, handle, where) => {
      if (reply.errno || !handle) {
        cb(reply.errno, null);
        return false;
      }
      const key = reply.key;
      closeTells(handle, key, where);
      handles.set(key, handle);
      cb(0, handle);
      // (unless obj, closed meanwhile, closed the handle)
      if (handles.get(key) === handle) track(obj);
      return true;
    });
  };

  // Servers listening on a TCP port are shared through the primary: it answers the query with
  // the listening socket itself (SCHED_NONE), or it accepts and passes each connection here
  // (SCHED_RR, 'newconn').
  const handles = new Map(); // key -> the handle a server got from the primary
  const indexes = new Map(); // query address -> {nextIndex, set}
  const origListen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listen(...args) {
    const req = sharedListen(args);
    if (req === null || this._handle) return origListen.apply(this, args);
    const server = this;
    if (req.cb) server.once('listening', req.cb);
    if (req.host === undefined) {
      getServer(server, { address: null, port: req.port, addressType: 4, fd: undefined, flags: req.flags, backlog: req.backlog });
      return server;
    }
    require('dns').lookup(req.host, (err, ip, addressType) => {
      if (err) {
        server.emit('error', err);
        return;
      }
      getServer(server, { address: ip, port: req.port, addressType: ip ? addressType : 4, fd: undefined, flags: req.flags, backlog: req.backlog });
    });
    return server;
  };

  function getServer(server, options) {
    // The permission model's net scope, as net checks a listen in this process.
    const host = options.address || '::';
    const denied = nativeNet().check(host.includes(':') ? `[${host}]:${options.port}` : `${host}:${options.port}`);
    if (denied) {
      process.nextTick(() => server.emit('error', denied));
      return;
    }
    query(server, options, (reply, handle, where) => {
      if (reply.errno) {
        const ex = require('internal/errors').exceptionWithHostPort(reply.errno, 'bind', options.address, options.port);
        server.emit('error', ex);
        return false;
      }
      if (handle) shared(server, reply, handle, where, options);
      else rr(server, reply, where, options);
      return true;
    });
  }

  // query sends the primary a queryServer for obj's options; onreply(reply, handle, where)
  // answers whether obj got its socket (where says which query it was), and the primary hears
  // of obj's 'listening'.
  function query(obj, options, onreply) {
    const indexesKey = [options.address, options.port, options.addressType, options.fd].join(':');
    let indexSet = indexes.get(indexesKey);
    if (indexSet === undefined) {
      indexSet = { nextIndex: 0, set: new Set() };
      indexes.set(indexesKey, indexSet);
    }
    const index = indexSet.nextIndex++;
    indexSet.set.add(index);
    const message = { act: 'queryServer', index, data: null, ...options };
    send(message, (reply, handle) => {
      if (!onreply(reply, handle, { indexesKey, index })) removeIndexesKey(indexesKey, index);
    });
    obj.once('listening', () => {
      // a short-lived server may be closed already
      if (!indexes.has(indexesKey)) return;
      worker.state = 'listening';
      const address = obj.address();
      message.act = 'listening';
      message.port = (address && address.port) || options.port;
      send(message);
    });
  }

  // closeTells makes h.close() first tell the primary that this worker is done with the socket
  // of key (where: the query that got it).
  function closeTells(h, key, where) {
    const close = h.close;
    h.close = function() {
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(where.indexesKey, where.index);
      return close.apply(h, arguments);
    };
  }

  function removeIndexesKey(indexesKey, index) {
    const indexSet = indexes.get(indexesKey);
    if (!indexSet) return;
    indexSet.set.delete(index);
    if (indexSet.set.size === 0) indexes.delete(indexesKey);
  }

  function track(server) {
    servers.add(server);
    server.once('close', () => servers.delete(server));
  }

  // shared: the server adopts the listening socket the primary sent.
  function shared(server, reply, handle, where) {
    const key = reply.key;
    handles.set(key, handle);
    origListen.call(server, handle);
    if (server._handle) closeTells(server._handle, key, where);
    track(server);
  }

  // rr: the server gets a stand-in handle; the primary's connections arrive as 'newconn'.
  function rr(server, reply, where, options) {
    let key = reply.key;
    let keepAlive = null;
    const sockname = reply.sockname;
    const handle = {
      owner: server,
      close() {
        // net treats close() as synchronous: a connection that arrives before the primary saw
        // 'close' is refused and goes to another worker.
        if (key === undefined) return;
        handle.unref();
        send({ act: 'close', key });
        handles.delete(key);
        removeIndexesKey(where.indexesKey, where.index);
        key = undefined;
      },
      ref() {
        if (keepAlive === null) keepAlive = setInterval(() => {}, 0x7fffffff);
      },
      unref() {
        if (keepAlive !== null) {
          clearInterval(keepAlive);
          keepAlive = null;
        }
      },
      hasRef() { return keepAlive !== null; },
      address() { return key !== undefined && sockname ? { ...sockname } : {}; },
      onconnection(h) { nativeNet().onconnection(server, undefined, h); },
    };
    handle.ref();
    handles.set(key, handle);
    server._handle = handle;
    server._connectionKey = `${options.addressType}:${options.address}:${options.port}`;
    if (server._unref) server.unref();
    track(server);
    process.nextTick(() => { if (server._handle) server.emit('listening'); });
  }

  function onconnection(message, handle) {
    const h = handles.get(message.key);
    let accepted = h !== undefined && h.onconnection !== undefined;
    if (accepted) {
      const owner = h.owner;
      if (owner.maxConnections && owner._connections >= owner.maxConnections) accepted = false;
    }
    send({ ack: message.seq, accepted });
    if (accepted) h.onconnection(handle);
    else if (handle) handle.close();
  }

  // sharedListen returns {port, host, backlog, cb} for a listen() on a TCP port that is not
  // exclusive, or null.
  function sharedListen(args) {
    let cb = null;
    if (args.length && typeof args[args.length - 1] === 'function') cb = args[args.length - 1];
    const first = args[0];
    let port;
    let host;
    let backlog;
    let flags = 0;
    if (args.length === 0 || typeof first === 'function') {
      port = 0;
    } else if (first !== null && typeof first === 'object') {
      if (first.exclusive || first.path !== undefined || first.fd !== undefined || first.handle !== undefined ||
          first._handle !== undefined || first.signal !== undefined) return null;
      port = first.port === undefined || first.port === null ? 0 : first.port;
      host = first.host;
      backlog = first.backlog;
      if (first.ipv6Only) flags = 1;
    } else if (typeof first === 'number' || (typeof first === 'string' && first !== '' && +first === +first)) {
      port = first;
      if (typeof args[1] === 'string') host = args[1];
      if (typeof args[1] === 'number') backlog = args[1];
      else if (typeof args[2] === 'number') backlog = args[2];
    } else {
      return null;
    }
    port = +port;
    if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
    if (host !== undefined && typeof host !== 'string') return null;
    return { port, host: host || undefined, backlog, flags, cb };
  }
}
