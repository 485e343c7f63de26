'use strict';
// internal/perf/observe: what a built-in needs to report node's own performance entries (dns
// and the like) without loading perf_hooks: whether an observer wants a type (counts perf_hooks
// keeps), the clock, and the report, which perf_hooks turns into an entry once it is loaded.

const observed = { __proto__: null };
let sink = null;
// watchers are told when the counts change (http turns its Go paths off while 'http' is observed)
const watchers = [];

module.exports = {
  observed,
  hasObserver(type) { return observed[type] > 0; },
  now() { return binding.now(); },
  setSink(fn) { sink = fn; },
  watchers,
  changed() { for (let i = 0; i < watchers.length; i++) watchers[i](); },
  // accessors: the entry also gets node's deprecated own accessors for detail's fields (http2's)
  enqueue(name, type, start, detail, accessors) {
    if (sink !== null) sink(name, type, start, binding.now() - start, detail, accessors);
  },
  // enqueueTimed is enqueue with the duration given (an entry whose end is not now)
  enqueueTimed(name, type, start, duration, detail, accessors) {
    if (sink !== null) sink(name, type, start, duration, detail, accessors);
  },
};
