// A byte-mode Readable in paused mode: push() a chunk, read() it back, synchronously (each
// read() also asks _read for more). `go run ./bench/compare stream_paused`; instructions per
// push+read: PER=item bench/stream_instr.sh '' bench/js/stream_paused.js.
'use strict';
const { Readable } = require('stream');
const N = Number(process.argv[2] || 200000);
const buf = Buffer.alloc(16, 97);
const r = new Readable({ read() {} });
let bytes = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  r.push(buf);
  bytes += r.read().length;
}
if (bytes !== N * 16) throw new Error(`got ${bytes}`);
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ name: `paused push+read x${N}`, opsPerSec: Math.round(N / s) }));
