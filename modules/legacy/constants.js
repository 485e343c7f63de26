'use strict';
// Node's deprecated constants module: os.constants' dlopen, errno, priority and signals, then
// fs.constants and crypto.constants, flattened into one frozen object.
const os = require('os').constants;
const out = {};
for (const src of [os.dlopen, os.errno, os.priority, os.signals, require('fs').constants, require('crypto').constants]) {
  for (const k of Object.keys(src)) {
    if (k === 'defaultCipherList') continue; // node leaves crypto's mutable default out
    Object.defineProperty(out, k, { __proto__: null, value: src[k], writable: false, enumerable: true, configurable: false });
  }
}
module.exports = Object.freeze(out);
