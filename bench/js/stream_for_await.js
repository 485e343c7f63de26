// for await over an object-mode Readable: the cost of its async iterator per chunk.
// `go run ./bench/compare stream_for_await`.
'use strict';
const { Readable } = require('stream');
const N = Number(process.argv[2] || 50000);
let i = 0;
const r = new Readable({ objectMode: true, read() { while (i < N) { if (!this.push(i++)) return; } this.push(null); } });
const start = process.hrtime.bigint();
let n = 0;
(async () => {
  for await (const c of r) n++;
  if (n !== N) throw new Error(`got ${n} of ${N}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `for await readable x${N}`, opsPerSec: Math.round(N / s) }));
})();
