// Web streams per chunk: a default reader's read() loop over a pulled ReadableStream (what a
// fetch body read costs). `go run ./bench/compare webstream_read`.
'use strict';
const N = Number(process.argv[2] || 50000);
let i = 0;
const rs = new ReadableStream({
  pull(c) { c.enqueue(i++); if (i >= N) c.close(); },
});
const start = process.hrtime.bigint();
const reader = rs.getReader();
let n = 0;
(async () => {
  for (;;) { const { done } = await reader.read(); if (done) break; n++; }
  if (n !== N) throw new Error(`got ${n} of ${N}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `webstream read x${N}`, opsPerSec: Math.round(N / s) }));
})();
