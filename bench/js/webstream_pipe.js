// Web streams per chunk: N numbers from a pulled ReadableStream through a TransformStream into a
// WritableStream (pipeThrough + pipeTo). `go run ./bench/compare webstream_pipe`; instructions per
// chunk, load-independent: valgrind --tool=callgrind on two sizes (see bench/stream_instr.sh).
// N small chunks through ReadableStream -> TransformStream -> WritableStream with pipeThrough/pipeTo.
'use strict';
const N = Number(process.argv[2] || 50000);
let i = 0;
const rs = new ReadableStream({
  pull(c) { c.enqueue(i++); if (i >= N) c.close(); },
});
const ts = new TransformStream({ transform(ch, c) { c.enqueue(ch); } });
let n = 0;
const ws = new WritableStream({ write() { n++; } });
const start = process.hrtime.bigint();
rs.pipeThrough(ts).pipeTo(ws).then(() => {
  if (n !== N) throw new Error(`got ${n} of ${N}`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: `webstream pipe x${N}`, opsPerSec: Math.round(N / s) }));
});
