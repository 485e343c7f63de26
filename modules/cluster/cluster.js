'use strict';
// cluster: a primary forks workers (child_process.fork of the main script, NODE_UNIQUE_ID in
// their environment) and talks to them with NODE_CLUSTER internal messages on the IPC channel.
//
// Shared ports: a worker's net (or http) server that listens on a TCP port is served round
// robin by the primary, as Node does by default on Linux. gojs cannot pass a socket to another
// process, so the primary owns the listening socket and hands each connection to the next worker
// by relaying its bytes to a loopback listener the worker's server opened for this purpose. The
// worker's server reports the shared address; its sockets see the relay's loopback address as
// their remote end. Shared UDP sockets bind with SO_REUSEPORT in each worker (see dgram).

const EventEmitter = require('events');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const isWorker = 'NODE_UNIQUE_ID' in process.env;
const kPreload = '--require=cluster';

// ---------------------------------------------------------------- Worker

class Worker extends EventEmitter {
  constructor(options) {
    super();
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

  kill() {
    this.destroy.apply(this, arguments);
  }

  send() {
    return this.process.send.apply(this.process, arguments);
  }

  isDead() {
    return this.process.exitCode != null || this.process.signalCode != null;
  }

  isConnected() {
    return this.process.connected;
  }
}

// internal messages: {cmd: 'NODE_CLUSTER', act, seq} one way, {..., ack: seq} back.
let seq = 0;
const callbacks = new Map();

function sendTo(proc, message, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq++;
  return proc.send(message);
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
cluster.Worker = Worker;

if (isWorker) {
  cluster.SCHED_NONE = SCHED_NONE;
  cluster.SCHED_RR = SCHED_RR;
  setupWorker();
} else {
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
  const handles = new Map(); // key -> RoundRobin
  let ids = 0;
  let initialized = false;

  cluster.schedulingPolicy = SCHED_RR;
  {
    const env = process.env.NODE_CLUSTER_SCHED_POLICY;
    if (env === 'rr') cluster.schedulingPolicy = SCHED_RR;
    else if (env === 'none') cluster.schedulingPolicy = SCHED_NONE;
  }

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
    process.nextTick(() => cluster.emit('setup', settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  function removeWorker(worker) {
    if (cluster.workers[worker.id] === undefined) return;
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
    if (typeof cb === 'function') intercom.once('disconnect', cb);
    if (workers.length === 0) {
      process.nextTick(() => intercom.emit('disconnect'));
      return;
    }
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  };

  Worker.prototype.disconnect = function() {
    this.exitedAfterDisconnect = true;
    sendTo(this.process, { act: 'disconnect' });
    removeHandlesForWorker(this);
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
    if (!worker.isConnected()) return;
    const key = message.key;
    let rr = handles.get(key);
    if (rr === undefined) {
      rr = new RoundRobin(key, message.address, message.port, message.addressType, () => handles.delete(key));
      handles.set(key, rr);
    }
    rr.add(worker, message.relayPort, (reply) => {
      sendTo(worker.process, { ack: message.seq, ...reply });
    });
  }
}

// RoundRobin owns a shared listening socket in the primary and relays each connection to the
// next worker's loopback listener.
class RoundRobin {
  constructor(key, address, port, addressType, onFail) {
    const net = require('net');
    this.key = key;
    this.entries = new Map(); // worker id -> {worker, port}
    this.order = [];
    this.waiting = [];
    this.sockname = null;
    this.server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (sock) => this.distribute(sock));
    this.server.once('listening', () => {
      const a = this.server.address();
      this.sockname = { address: a.address, family: a.family, port: a.port };
      const waiting = this.waiting;
      this.waiting = [];
      for (const cb of waiting) cb({ sockname: this.sockname });
    });
    this.server.once('error', (err) => {
      const waiting = this.waiting;
      this.waiting = [];
      onFail();
      for (const cb of waiting) cb({ errno: err.errno, code: err.code, syscall: err.syscall });
    });
    const opts = { port };
    if (address) opts.host = address;
    this.server.listen(opts);
  }

  add(worker, relayPort, cb) {
    this.entries.set(worker.id, { worker, port: relayPort });
    this.order.push(worker.id);
    if (this.sockname) process.nextTick(cb, { sockname: this.sockname });
    else this.waiting.push(cb);
  }

  // remove reports true when no worker is left (the shared socket is closed).
  remove(worker) {
    if (!this.entries.delete(worker.id)) return false;
    const i = this.order.indexOf(worker.id);
    if (i !== -1) this.order.splice(i, 1);
    if (this.entries.size !== 0) return false;
    this.server.close();
    return true;
  }

  distribute(sock) {
    const id = this.order.shift();
    const entry = this.entries.get(id);
    if (entry === undefined) {
      sock.destroy();
      return;
    }
    this.order.push(id);
    const net = require('net');
    // Both halves close independently (pipe carries each end across); a reset or error on one
    // side tears down the other.
    const up = net.connect({ port: entry.port, host: '127.0.0.1', allowHalfOpen: true });
    sock.on('error', () => up.destroy());
    up.on('error', () => sock.destroy());
    sock.on('close', (hadError) => { if (hadError) up.destroy(); });
    up.on('close', (hadError) => { if (hadError) sock.destroy(); });
    sock.pipe(up);
    up.pipe(sock);
    sock.resume();
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

  process.on('internalMessage', onInternal(worker, function(message) {
    if (message.act === 'disconnect') disconnect.call(worker, true);
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

  // _sharedListening tells the primary about a shared socket that listens in this worker
  // (dgram's, which binds with SO_REUSEPORT itself).
  Object.defineProperty(cluster, '_sharedListening', {
    __proto__: null, configurable: true, writable: true, enumerable: false,
    value: function(info, socket) {
      if (socket) {
        servers.add(socket);
        socket.once('close', () => servers.delete(socket));
      }
      worker.state = 'listening';
      send({ act: 'listening', addressType: info.addressType, address: info.address, port: info.port, fd: undefined });
    },
  });

  // Servers listening on a TCP port are shared through the primary.
  const origListen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listen(...args) {
    const req = sharedListen(args);
    if (req === null || this._handle) return origListen.apply(this, args);
    const server = this;
    if (req.cb) server.once('listening', req.cb);
    let pending = true;
    const emit = server.emit;
    // The loopback listener's own 'listening' is held back until the primary has answered.
    server.emit = function(type, ...rest) {
      if (type === 'listening' && pending) {
        pending = false;
        onRelayListening();
        return true;
      }
      return emit.call(this, type, ...rest);
    };
    const restore = () => {
      if (server.emit !== emit) delete server.emit;
      if (server.emit !== emit) server.emit = emit;
    };
    function onRelayListening() {
      const relayPort = server._handle.address().port;
      const addressType = req.host && req.host.includes(':') ? 6 : 4;
      const address = req.host || null;
      const key = `${address}:${req.port}:${addressType}`;
      send({ act: 'queryServer', key, address, port: req.port, addressType, relayPort }, (reply) => {
        restore();
        if (reply.sockname === undefined) {
          const origClose = net.Server.prototype.close;
          origClose.call(server);
          const code = reply.code || 'EADDRINUSE';
          const ex = new Error(`bind ${code} ${address}:${req.port}`);
          ex.errno = reply.errno;
          ex.code = code;
          ex.syscall = 'bind';
          ex.address = address;
          ex.port = req.port;
          server.emit('error', ex);
          return;
        }
        const sockname = reply.sockname;
        Object.defineProperty(server, 'address', {
          configurable: true, writable: true, enumerable: false,
          value: function address() { return this._handle ? { ...sockname } : null; },
        });
        servers.add(server);
        server.once('close', () => {
          servers.delete(server);
          delete server.address;
          send({ act: 'close', key });
        });
        send({ act: 'listening', addressType, address: sockname.address, port: sockname.port, fd: undefined });
        server.emit('listening');
      });
    }
    return origListen.call(server, { port: 0, host: '127.0.0.1', backlog: req.backlog });
  };

  // sharedListen returns {port, host, backlog, cb} for a listen() on a TCP port that is not
  // exclusive, or null.
  function sharedListen(args) {
    let cb = null;
    if (args.length && typeof args[args.length - 1] === 'function') cb = args[args.length - 1];
    const first = args[0];
    let port;
    let host;
    let backlog;
    if (args.length === 0 || typeof first === 'function') {
      port = 0;
    } else if (first !== null && typeof first === 'object') {
      if (first.exclusive || first.path !== undefined || first.fd !== undefined || first.handle !== undefined ||
          first._handle !== undefined || first.signal !== undefined) return null;
      port = first.port === undefined || first.port === null ? 0 : first.port;
      host = first.host;
      backlog = first.backlog;
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
    return { port, host: host || undefined, backlog, cb };
  }
}
