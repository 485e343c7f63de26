// 200k pushes of 16-byte Buffers through a byte-mode Readable -> Transform -> Writable pipeline:
// the per-chunk cost of small reads (a socket delivering many small packets, line splitters).
'use strict';
const { Readable, Transform, Writable, pipeline } = require('stream');
const N = Number(process.argv[2] || 200000);
const buf = Buffer.alloc(16, 97);
let i = 0;
const src = new Readable({
  read() {
    while (i < N) {
      i++;
      if (!this.push(buf)) return;
    }
    this.push(null);
  },
});
const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
let bytes = 0;
const sink = new Writable({ write(c, e, cb) { bytes += c.length; cb(); } });
const start = process.hrtime.bigint();
pipeline(src, t, sink, (err) => {
  if (err) throw err;
  if (bytes !== N * 16) throw new Error(`got ${bytes} of ${N * 16} bytes`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `16-byte chunk pipeline x${N}`, opsPerSec: Math.round(N / s) }));
});
