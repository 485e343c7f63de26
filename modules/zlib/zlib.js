'use strict';
// Glue for node:zlib. Each stream owns a Go engine handle (binding.zNew); writes run on a
// goroutine (binding.zWrite) and come back with the output, pushed in chunkSize pieces.
// *Sync functions run the engine in place; callback functions run one asynchronous write.
//
// This file is what require('zlib') runs: the exports' shape, constants, codes and crc32. The
// classes and the convenience functions are lazy members of the exports (made the first time
// anything reads them, in their places), taken from zlib_impl.js, which is compiled and run on
// the first such read (binding.part): a program that requires zlib but uses few or none of them
// compiles and runs little, and loads no stream, buffer or errors for it.

// As node's native constants (NODE_DEFINE_CONSTANT): a null-prototype object whose properties
// are read-only and not configurable, the object itself neither frozen nor sealed (made in Go).
const constants = binding.constants();

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const k of Object.keys(codes)) codes[codes[k]] = k;
Object.freeze(codes);

// As node, the limit is read from buffer once, when zlib is first loaded.
const kMaxLength = binding.kMaxLength();

let impl;
function member(name) {
  if (!impl) impl = binding.part()({ binding, require, constants, kMaxLength });
  return impl(name);
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xFFFFFFFF) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    require('internal/validators').validateNumber(value, 'value');
    if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE('value', 'an integer', value);
    throw new ERR_OUT_OF_RANGE('value', `>= 0 && <= ${0xFFFFFFFF}`, value);
  }
  return binding.crc32(data, value);
}

const lazyNames = [
  'Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress',
  'BrotliDecompress', 'deflate', 'deflateSync', 'gzip', 'gzipSync', 'deflateRaw', 'deflateRawSync',
  'unzip', 'unzipSync', 'inflate', 'inflateSync', 'gunzip', 'gunzipSync', 'inflateRaw',
  'inflateRawSync', 'brotliCompress', 'brotliCompressSync', 'brotliDecompress',
  'brotliDecompressSync',
];
module.exports = { crc32 };
for (const name of lazyNames) module.exports[name] = undefined;
{
  const lazyMembers = internalBinding('internal/lazy_members');
  if (lazyMembers) lazyMembers.members(module.exports, member, lazyNames, 'zlib');
  else for (const name of lazyNames) module.exports[name] = member(name);
}

// As node's createProperty: a function that makes the class's instance.
function createProperty(name) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function(options) {
      return new (member(name))(options);
    },
  };
}
Object.defineProperties(module.exports, {
  createDeflate: createProperty('Deflate'),
  createInflate: createProperty('Inflate'),
  createDeflateRaw: createProperty('DeflateRaw'),
  createInflateRaw: createProperty('InflateRaw'),
  createGzip: createProperty('Gzip'),
  createGunzip: createProperty('Gunzip'),
  createUnzip: createProperty('Unzip'),
  createBrotliCompress: createProperty('BrotliCompress'),
  createBrotliDecompress: createProperty('BrotliDecompress'),
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  codes: { __proto__: null, enumerable: true, writable: false, value: codes },
});
// Legacy: the constants but brotli's are also properties of zlib itself, non-enumerable.
binding.legacyConstants(module.exports);
