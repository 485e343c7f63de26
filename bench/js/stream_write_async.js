// The write/'drain' loop into a Writable whose _write calls back on a later tick (as a socket's
// or a file's does): every write made while one is in flight is buffered, and the buffer is
// written chunk by chunk as each callback comes. `go run ./bench/compare stream_write_async`;
// instructions per write: PER=item bench/stream_instr.sh '' bench/js/stream_write_async.js.
'use strict';
const { Writable } = require('stream');
const N = Number(process.argv[2] || 200000);
const buf = Buffer.alloc(16, 97);
let bytes = 0;
const w = new Writable({ write(c, e, cb) { bytes += c.length; process.nextTick(cb); } });
const start = process.hrtime.bigint();
let i = 0;
function more() {
  while (i < N) {
    i++;
    if (!w.write(buf)) { w.once('drain', more); return; }
  }
  w.end(() => {
    if (bytes !== N * 16) throw new Error(`got ${bytes}`);
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(JSON.stringify({ name: `async write x${N}`, opsPerSec: Math.round(N / s) }));
  });
}
more();
