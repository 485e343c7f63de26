'use strict';
// inspector: gojs has no V8 inspector. The module loads, reports no debugger (url() is
// undefined, waitForDebugger throws ERR_INSPECTOR_NOT_ACTIVE as node does without one), and
// opening one or connecting a Session throws ERR_INSPECTOR_NOT_AVAILABLE.
const EventEmitter = require('events');
const { codes } = require('internal/errors');

function notAvailable() { return new codes.ERR_INSPECTOR_NOT_AVAILABLE(); }

class Session extends EventEmitter {
  connect() { throw notAvailable(); }
  connectToMainThread() { throw notAvailable(); }
  post(method, params, callback) {
    throw new codes.ERR_INSPECTOR_NOT_CONNECTED();
  }
  disconnect() {}
}

const inspectorConsole = {};
for (const k of ['debug', 'error', 'info', 'log', 'warn', 'dir', 'dirxml', 'table', 'trace', 'group',
  'groupCollapsed', 'groupEnd', 'clear', 'count', 'countReset', 'assert', 'profile', 'profileEnd',
  'time', 'timeLog', 'timeEnd', 'timeStamp', 'context']) {
  inspectorConsole[k] = function () {};
}

function noop() {}

module.exports = {
  open() { throw notAvailable(); },
  close() {},
  url() { return undefined; },
  waitForDebugger() { throw new codes.ERR_INSPECTOR_NOT_ACTIVE(); },
  console: inspectorConsole,
  Session,
  Network: { requestWillBeSent: noop, responseReceived: noop, loadingFinished: noop, loadingFailed: noop },
};
