'use strict';
// stream/consumers: collect a readable (Node stream, web ReadableStream or async iterable) into
// text, JSON, a Buffer, an ArrayBuffer or a Blob.

const { Buffer } = require('buffer');
const { iterate } = require('internal/streams');

function collect(stream) {
  const chunks = [];
  return iterate(stream, (chunk) => { chunks.push(chunk); }).then(() => chunks);
}

function toBuffer(chunks) {
  const bufs = [];
  let n = 0;
  for (let i = 0; i < chunks.length; i++) {
    let c = chunks[i];
    if (typeof c === 'string') c = Buffer.from(c);
    else if (c instanceof ArrayBuffer) c = Buffer.from(c);
    else if (ArrayBuffer.isView(c)) c = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    else c = Buffer.from(String(c));
    bufs.push(c);
    n += c.length;
  }
  return Buffer.concat(bufs, n);
}

function blob(stream) {
  return collect(stream).then((chunks) => new Blob(chunks));
}

function arrayBuffer(stream) {
  return collect(stream).then((chunks) => {
    const b = toBuffer(chunks);
    const ab = new ArrayBuffer(b.length);
    new Uint8Array(ab).set(b);
    return ab;
  });
}

// As node's Buffer.from(await arrayBuffer(stream)): a Buffer over an ArrayBuffer of its own
// (never a slice of the Buffer pool).
function buffer(stream) {
  return arrayBuffer(stream).then((ab) => Buffer.from(ab));
}

function text(stream) {
  const dec = new TextDecoder();
  const parts = [];
  return iterate(stream, (chunk) => {
    if (typeof chunk === 'string') parts.push(chunk);
    else parts.push(dec.decode(chunk, { stream: true }));
  }).then(() => {
    parts.push(dec.decode(undefined, { stream: false }));
    return parts.join('');
  });
}

function json(stream) {
  return text(stream).then((str) => JSON.parse(str));
}

// Each consumer is an async function in node: a bad or locked stream rejects the promise
// instead of throwing at the call.
function asAsync(fn) {
  const wrapped = {
    // (an async method: util.inspect shows [AsyncFunction: text] as node's)
    async [fn.name](stream) {
      // V8's words for `for await (const chunk of stream)` over such a value.
      if (stream == null) {
        throw new TypeError(`Cannot read properties of ${stream} (reading 'Symbol(Symbol.asyncIterator)')`);
      }
      if (typeof stream[Symbol.asyncIterator] !== 'function' && typeof stream[Symbol.iterator] !== 'function') {
        throw new TypeError('stream is not async iterable');
      }
      return await fn(stream);
    },
  }[fn.name];
  // (goja gives an async method Function.prototype, and glue is not rewritten as user code is:
  // the prototype is AsyncFunction's, as V8's, so wrapped.constructor.name is 'AsyncFunction')
  Object.setPrototypeOf(wrapped, AsyncFunctionPrototype);
  return wrapped;
}
const AsyncFunctionPrototype = Object.getPrototypeOf(async function() {});

module.exports = {
  arrayBuffer: asAsync(arrayBuffer),
  blob: asAsync(blob),
  buffer: asAsync(buffer),
  text: asAsync(text),
  json: asAsync(json),
};
