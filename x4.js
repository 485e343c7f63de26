Object.defineProperty(Object.prototype, 'size', { get() { }, configurable: true });
console.log(new Set([1]) && 'x');