// Writable.write with a _write that calls back at once, then cork(), 4 writes, uncork() to a
// Writable with _writev: one iteration is 5 writes. `go run ./bench/compare stream_write`;
// instructions per iteration: PER=item bench/stream_instr.sh '' bench/js/stream_write.js.
'use strict';
const { Writable } = require('stream');
const N = Number(process.argv[2] || 100000);
const buf = Buffer.alloc(16, 97);
let bytes = 0;
const w = new Writable({ write(c, e, cb) { bytes += c.length; cb(); } });
const v = new Writable({
  write(c, e, cb) { bytes += c.length; cb(); },
  writev(cs, cb) { for (let i = 0; i < cs.length; i++) bytes += cs[i].chunk.length; cb(); },
});
const start = process.hrtime.bigint();
let i = 0;
function batch() {
  // up to 1000 iterations a turn, so the queued after-write ticks drain in between
  const end = Math.min(N, i + 1000);
  for (; i < end; i++) {
    w.write(buf);
    v.cork();
    v.write(buf); v.write(buf); v.write(buf); v.write(buf);
    v.uncork();
  }
  if (i < N) { setImmediate(batch); return; }
  if (bytes !== N * 80) throw new Error(`got ${bytes}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `write + cork/4 writes/uncork x${N}`, opsPerSec: Math.round(N / s) }));
}
batch();
