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
  // (node's are native: each named for its key, context taking one argument)
  const fn = k === 'context' ? function (name) {} : function () {};
  Object.defineProperty(fn, 'name', { __proto__: null, value: k });
  inspectorConsole[k] = fn;
}

// The Network events go to a frontend that is never attached here.
const Network = {
  requestWillBeSent: (params) => {},
  responseReceived: (params) => {},
  loadingFinished: (params) => {},
  loadingFailed: (params) => {},
};

module.exports = {
  // (node's names: open and waitForDebugger are its inspectorOpen and inspectorWaitForDebugger,
  // close its binding's _debugEnd)
  open: function inspectorOpen(port, host, wait) { throw notAvailable(); },
  close: function _debugEnd() {},
  url() { return undefined; },
  waitForDebugger: function inspectorWaitForDebugger() { throw new codes.ERR_INSPECTOR_NOT_ACTIVE(); },
  console: inspectorConsole,
  Session,
  Network,
};
