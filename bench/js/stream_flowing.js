// A byte-mode Readable in flowing mode with a 'data' listener, fed by push() from outside
// _read (as a socket is): each push emits 'data' at once. `go run ./bench/compare
// stream_flowing`; instructions per push: PER=item bench/stream_instr.sh '' bench/js/stream_flowing.js.
'use strict';
const { Readable } = require('stream');
const N = Number(process.argv[2] || 200000);
const buf = Buffer.alloc(16, 97);
const r = new Readable({ read() {} });
let bytes = 0;
r.on('data', (c) => { bytes += c.length; });
let start;
r.on('end', () => {
  if (bytes !== N * 16) throw new Error(`got ${bytes}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `flowing push x${N}`, opsPerSec: Math.round(N / s) }));
});
setImmediate(() => {
  start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) r.push(buf);
  r.push(null);
});
