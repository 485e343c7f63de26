'use strict';
// internal/perf/observe: what a built-in needs to report node's own performance entries (dns
// and the like) without loading perf_hooks: whether an observer wants a type (counts perf_hooks
// keeps), the clock, and the report, which perf_hooks turns into an entry once it is loaded.

const observed = { __proto__: null };
let sink = null;

module.exports = {
  observed,
  hasObserver(type) { return observed[type] > 0; },
  now() { return binding.now(); },
  setSink(fn) { sink = fn; },
  enqueue(name, type, start, detail) {
    if (sink !== null) sink(name, type, start, binding.now() - start, detail);
  },
};
