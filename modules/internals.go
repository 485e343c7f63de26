package modules

// Internals is "internal/module_internals": what a built-in's glue hands to other built-ins'
// glue (buffer's FastBuffer and encoding checks, http's parser methods, net's connect, ...),
// which node keeps in internal modules. A module sets its record once it is built
// (set('buffer', {...})); get(name) loads the module when it has not been, then returns its
// record. The public modules' exports so carry no key node's lack. messaging holds node's
// messaging symbols (its internalBinding('symbols')): the methods worker_threads calls on a
// transferable object (fs.promises' FileHandle) are keyed by them.
var Internals = Module{Name: "internal/module_internals", Internal: true, JS: internalsJS}

const internalsJS = `'use strict';
const records = new Map();
exports.set = function set(name, record) { records.set(name, record); };
exports.messaging = {
  transfer: Symbol('messaging_transfer_symbol'),
  transferList: Symbol('messaging_transfer_list_symbol'),
  deserialize: Symbol('messaging_deserialize_symbol'),
};
exports.get = function get(name) {
  let r = records.get(name);
  if (r === undefined) {
    require(name);
    r = records.get(name);
  }
  return r;
};
`
