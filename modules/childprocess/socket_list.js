'use strict';
// internal/socket_list: the bookkeeping child_process keeps for a server's sockets handed to a
// child over IPC (node's own tests require it under --expose-internals). The sending side asks
// the child, by internal messages keyed by the list's key, how many sockets it still has
// (NODE_SOCKET_GET_COUNT, answered by NODE_SOCKET_COUNT) or to say when all are closed
// (NODE_SOCKET_NOTIFY_CLOSE, answered by NODE_SOCKET_ALL_CLOSED); the receiving side counts the
// sockets it got and answers.

const { codes } = require('internal/errors');
const EventEmitter = require('events');

class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  // _request sends msg and calls callback with the child's reply of kind replyCmd, or with
  // ERR_CHILD_CLOSED_BEFORE_REPLY when the channel is (or gets) closed first.
  _request(msg, replyCmd, swallowErrors, callback) {
    const child = this.child;
    const key = this.key;
    const closed = () => {
      child.removeListener('internalMessage', replied);
      callback(new codes.ERR_CHILD_CLOSED_BEFORE_REPLY());
    };
    const replied = (reply) => {
      if (reply.cmd !== replyCmd || reply.key !== key) return;
      child.removeListener('disconnect', closed);
      child.removeListener('internalMessage', replied);
      callback(null, reply);
    };
    if (!child.connected) return closed();
    child._send(msg, undefined, swallowErrors);
    child.once('disconnect', closed);
    child.on('internalMessage', replied);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false, (err, reply) => {
      if (err) return callback(err);
      callback(null, reply.count);
    });
  }
}

class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;
    const allClosed = (list) => {
      if (list.child.connected) list.child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: list.key }, undefined, true);
    };
    child.on('internalMessage', (msg) => {
      if (msg.key !== this.key) return;
      if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) return allClosed(this);
        this.once('empty', allClosed);
      } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (this.child.connected) this.child._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
      }
    });
  }

  add(obj) {
    this.connections++;
    obj.socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}

module.exports = { SocketListSend, SocketListReceive };
