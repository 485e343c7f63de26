// Regenerates cases.json: what node's zlib (the truth) makes for each case of the differential
// test in deflate_test.go. Run from this directory with node 20: `node gen.js > cases.json`.
// Inputs are not stored: both sides build them from (gen, size, seed) with the same xorshift32.
'use strict';
const zlib = require('zlib');
const crypto = require('crypto');

const WORDS = ('lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ' +
  'incididunt ut labore et dolore magna aliqua gojs zlib deflate window hash chain').split(' ');

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

function gen(kind, size, seed) {
  const b = Buffer.alloc(size);
  const r = rng(seed);
  let i = 0;
  const text = (end) => {
    while (i < end) {
      const v = r();
      const w = WORDS[v % WORDS.length];
      for (let k = 0; k < w.length && i < end; k++) b[i++] = w.charCodeAt(k);
      if (i < end) b[i++] = (v >>> 8) % 16 === 0 ? 10 : 32;
    }
  };
  switch (kind) {
    case 'zeros': break;
    case 'text': text(size); break;
    case 'random': for (; i < size; i++) b[i] = r() & 0xff; break;
    case 'rep': {
      const pat = 'abcabcabdxyz0123';
      for (; i < size; i++) {
        const v = r();
        b[i] = v % 64 === 0 ? v >>> 24 : pat.charCodeAt(i % pat.length);
      }
      break;
    }
    case 'mixed':
      while (i < size) {
        const end = Math.min(size, i + 4096);
        if ((i >> 12) % 3 === 2) for (; i < end; i++) b[i] = r() & 0xff;
        else text(end);
      }
      break;
    case 'hello': b.write('hello'.repeat(Math.ceil(size / 5)).slice(0, size)); break;
    default: throw new Error(kind);
  }
  return b;
}

const cases = [];
function add(c) { cases.push(c); }

// one-shot, zlib format, every level
const oneShot = [['zeros', 0], ['hello', 5], ['text', 100], ['text', 1000], ['text', 20000], ['random', 1000],
  ['random', 70000], ['zeros', 100000], ['rep', 50000], ['mixed', 300000], ['text', 300000]];
for (const [g, n] of oneShot) {
  for (let level = 0; level <= 9; level++) add({ mode: 'deflate', gen: g, size: n, seed: 1, opts: { level } });
}
// strategies
for (let strategy = 1; strategy <= 4; strategy++) {
  for (const level of [1, 6, 9]) {
    for (const [g, n] of [['text', 20000], ['rep', 50000], ['mixed', 300000], ['hello', 5]]) {
      add({ mode: 'deflate', gen: g, size: n, seed: 2, opts: { level, strategy } });
    }
  }
}
// window and memory sizes
for (const [windowBits, memLevel] of [[8, 1], [9, 9], [10, 2], [12, 5], [15, 1], [15, 9], [13, 8], [11, 3]]) {
  for (const level of [0, 1, 6, 9]) {
    add({ mode: 'deflate', gen: 'text', size: 100000, seed: 3, opts: { level, windowBits, memLevel } });
    add({ mode: 'deflateRaw', gen: 'mixed', size: 50000, seed: 3, opts: { level, windowBits: windowBits === 8 ? 9 : windowBits, memLevel } });
  }
}
// big inputs: many window slides and block flushes
for (const level of [1, 6, 9]) add({ mode: 'deflate', gen: 'text', size: 3 << 20, seed: 4, opts: { level } });
for (const level of [0, 6]) add({ mode: 'gzip', gen: 'mixed', size: 3 << 20, seed: 4, opts: { level } });
// gzip and raw framing
for (const mode of ['gzip', 'deflateRaw']) {
  for (const level of [0, 1, 2, 6, 9]) {
    for (const [g, n] of [['zeros', 0], ['hello', 5], ['text', 20000]]) add({ mode, gen: g, size: n, seed: 5, opts: { level } });
  }
}
// dictionaries
for (const mode of ['deflate', 'deflateRaw']) {
  for (const level of [0, 1, 6]) {
    for (const [dsize, wb] of [[100, 15], [40000, 15], [1000, 9], [3, 15]]) {
      add({ mode, gen: 'text', size: 20000, seed: 6, opts: { level, windowBits: wb }, dict: { gen: 'text', size: dsize, seed: 7 } });
    }
  }
}
// streams: chunked writes with flushes, small output windows
const F = zlib.constants;
for (const level of [0, 1, 6]) {
  for (const [piece, flush] of [[1000, F.Z_NO_FLUSH], [1000, F.Z_SYNC_FLUSH], [1000, F.Z_FULL_FLUSH], [997, F.Z_PARTIAL_FLUSH],
    [1000, F.Z_BLOCK], [7, F.Z_NO_FLUSH], [7, F.Z_SYNC_FLUSH], [65536, F.Z_NO_FLUSH], [20000, F.Z_FULL_FLUSH]]) {
    for (const chunkSize of [64, 16384]) {
      if (piece === 7 && chunkSize === 64 && level === 0) continue;
      const size = piece === 7 ? 5000 : 150000;
      const ops = [];
      for (let off = 0; off < size; off += piece) ops.push(['w', Math.min(piece, size - off), flush]);
      add({ mode: 'deflate', gen: 'mixed', size, seed: 8, opts: { level, chunkSize }, ops });
    }
  }
}
// tiny writes: the strings left unhashed at a flush are hashed when the next input comes
for (const level of [1, 4, 6]) {
  for (const [piece, flush] of [[1, F.Z_SYNC_FLUSH], [2, F.Z_SYNC_FLUSH], [1, F.Z_NO_FLUSH], [3, F.Z_FULL_FLUSH], [1, F.Z_PARTIAL_FLUSH]]) {
    const ops = [];
    for (let off = 0; off < 300; off += piece) ops.push(['w', piece, flush]);
    add({ mode: 'deflate', gen: 'rep', size: 300, seed: 10, opts: { level }, ops });
  }
}
// random small writes and flushes over a small alphabet
{
  const r = rng(11);
  const flushes = [F.Z_NO_FLUSH, F.Z_NO_FLUSH, F.Z_SYNC_FLUSH, F.Z_PARTIAL_FLUSH, F.Z_BLOCK, F.Z_FULL_FLUSH];
  for (let n = 0; n < 60; n++) {
    const level = 1 + r() % 9;
    const ops = [];
    let size = 0;
    while (size < 2000) {
      const piece = 1 + r() % (r() % 4 === 0 ? 300 : 6);
      ops.push(['w', piece, flushes[r() % flushes.length]]);
      size += piece;
    }
    add({ mode: 'deflate', gen: n % 2 ? 'rep' : 'hello', size, seed: 12 + n, opts: { level, chunkSize: n % 3 ? 16384 : 64 }, ops });
  }
}
// params() between writes, flush() calls, repeated flushes
{
  const seqs = [
    [['w', 20000], ['p', 9, 0], ['w', 20000], ['p', 0, 0], ['w', 20000], ['p', 6, 1], ['w', 20000], ['p', 1, 3], ['w', 20000], ['p', 4, 2], ['w', 20000]],
    [['w', 70000], ['p', 0, 0], ['w', 70000], ['p', 6, 0], ['w', 70000]],
    [['p', 1, 0], ['w', 30000], ['f', F.Z_SYNC_FLUSH], ['f', F.Z_SYNC_FLUSH], ['f', F.Z_FULL_FLUSH], ['w', 30000], ['f', F.Z_PARTIAL_FLUSH], ['f', F.Z_BLOCK], ['w', 10]],
    [['w', 5], ['f', F.Z_FULL_FLUSH], ['w', 5], ['f', F.Z_SYNC_FLUSH], ['p', 6, 4], ['w', 3000]],
  ];
  for (const mode of ['deflate', 'deflateRaw', 'gzip']) {
    for (const level of [0, 1, 6]) {
      for (const ops of seqs) {
        for (const chunkSize of [64, 16384]) {
          const size = ops.reduce((a, o) => a + (o[0] === 'w' ? o[1] : 0), 0);
          add({ mode, gen: 'text', size, seed: 9, opts: { level, chunkSize }, ops });
        }
      }
    }
  }
}

const ctor = { deflate: zlib.Deflate, deflateRaw: zlib.DeflateRaw, gzip: zlib.Gzip };

function runCase(c) {
  const input = gen(c.gen, c.size, c.seed);
  const opts = Object.assign({}, c.opts);
  if (c.dict) opts.dictionary = gen(c.dict.gen, c.dict.size, c.dict.seed);
  if (!c.ops) {
    const fn = { deflate: zlib.deflateSync, deflateRaw: zlib.deflateRawSync, gzip: zlib.gzipSync }[c.mode];
    return Promise.resolve(fn(input, opts));
  }
  return new Promise((resolve, reject) => {
    const s = new ctor[c.mode](opts);
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.on('error', reject);
    s.on('end', () => resolve(Buffer.concat(parts)));
    let off = 0;
    let i = 0;
    const next = () => {
      if (i === c.ops.length) return s.end();
      const op = c.ops[i++];
      if (op[0] === 'w') {
        const piece = input.subarray(off, off + op[1]);
        off += op[1];
        return op[2] ? writeThenFlush(piece, op[2]) : s.write(piece, next);
      }
      if (op[0] === 'f') return s.flush(op[1], next);
      if (op[0] === 'p') return s.params(op[1], op[2], next);
    };
    const writeThenFlush = (piece, kind) => s.write(piece, () => s.flush(kind, next));
    next();
  });
}

(async () => {
  for (const c of cases) {
    const out = await runCase(c);
    c.len = out.length;
    c.sha256 = crypto.createHash('sha256').update(out).digest('hex');
    if (out.length <= 200) c.hex = out.toString('hex');
  }
  process.stdout.write('[\n' + cases.map((c) => JSON.stringify(c)).join(',\n') + '\n]\n');
})();
