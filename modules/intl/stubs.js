'use strict';
// The locale-sensitive methods of the built-in prototypes, as stubs that load Intl on their first
// call (its glue replaces them with the real ones) and call through. Required once, by the
// bootstrap, so that (1234.5).toLocaleString() prints '1,234.5' without Intl being touched first.

const methods = [
  [Number.prototype, 'toLocaleString', 0],
  [BigInt.prototype, 'toLocaleString', 0],
  [Date.prototype, 'toLocaleString', 0],
  [Date.prototype, 'toLocaleDateString', 0],
  [Date.prototype, 'toLocaleTimeString', 0],
  [String.prototype, 'localeCompare', 1],
  [Array.prototype, 'toLocaleString', 0],
];
for (const [proto, name, length] of methods) {
  const stub = {
    [name]() {
      require('internal/intl');
      const real = proto[name];
      if (real === stub) throw new TypeError(name + ' is unavailable');
      return real.apply(this, arguments);
    },
  }[name];
  Object.defineProperty(stub, 'length', { value: length });
  Object.defineProperty(proto, name, { value: stub, writable: true, enumerable: false, configurable: true });
}
