// 200k small objects through an object-mode Readable -> Transform -> Writable pipeline: the
// per-chunk cost of the stream machinery (what csv parsers, split2, ndjson, through2 pay).
'use strict';
const { Readable, Transform, Writable, pipeline } = require('stream');
const N = Number(process.argv[2] || 200000);
let i = 0;
const src = new Readable({
  objectMode: true,
  read() {
    while (i < N) {
      if (!this.push({ i: i++ })) return;
    }
    this.push(null);
  },
});
const t = new Transform({ objectMode: true, transform(o, e, cb) { cb(null, o); } });
let n = 0;
const sink = new Writable({ objectMode: true, write(o, e, cb) { n++; cb(); } });
const start = process.hrtime.bigint();
pipeline(src, t, sink, (err) => {
  if (err) throw err;
  if (n !== N) throw new Error(`got ${n} of ${N}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `object mode pipeline x${N}`, opsPerSec: Math.round(N / s) }));
});
