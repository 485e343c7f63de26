// The parts of bench/stream_pipeline.js, for counting what each stage costs per 64 KiB chunk:
//   PART=floor     the benchmark's own callbacks (read loop, transform, sink write) joined by plain
//                  calls, no stream machinery: the bound on what any stream design can reach;
//   PART=writable  a loop of writable.write(chunk) into the benchmark's sink;
//   PART=transform transform.write(chunk) with a 'data' listener;
//   PART=readable  the benchmark's source piped into a plain EventEmitter whose write returns true;
//   PART=rw        the source piped into the sink with pipeline(), no Transform.
// Run: PART=floor bench/stream_instr.sh <gojs> bench/stream_parts.js (MiB on the command line).
'use strict';
const { Readable, Writable, Transform, pipeline } = require('stream');
const EE = require('events');

const CHUNK = 64 * 1024;
const N = Number(process.argv[2] || 64) * 1024 * 1024 / CHUNK;
const buf = Buffer.alloc(CHUNK, 97);
const PART = process.env.PART || 'floor';
let produced = 0;
let bytes = 0;

function source() {
  return new Readable({
    read() {
      while (produced < N) {
        produced++;
        if (!this.push(buf)) return;
      }
      this.push(null);
    },
  });
}
function sink() {
  return new Writable({
    write(chunk, encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
}
function report() { process.stdout.write(`${PART}: ${bytes} bytes\n`); }

if (PART === 'floor') {
  function nop() {}
  const w = { write(chunk, encoding, callback) { bytes += chunk.length; callback(); } };
  const t = { transform(chunk, encoding, callback) { callback(null, chunk); } };
  const done = (err, val) => { w.write(val, 'buffer', nop); };
  const r = {
    push(chunk) {
      if (chunk !== null) t.transform(chunk, 'buffer', done);
      return false;
    },
    read() {
      while (produced < N) {
        produced++;
        if (!this.push(buf)) return;
      }
      this.push(null);
    },
  };
  while (produced < N) r.read();
  report();
} else if (PART === 'writable') {
  const w = sink();
  for (let i = 0; i < N; i++) w.write(buf);
  w.end(report);
} else if (PART === 'transform') {
  const t = new Transform({ transform(chunk, encoding, callback) { callback(null, chunk); } });
  t.on('data', (chunk) => { bytes += chunk.length; });
  for (let i = 0; i < N; i++) t.write(buf);
  t.end(report);
} else if (PART === 'readable') {
  const dest = new EE();
  dest.write = (chunk) => { bytes += chunk.length; return true; };
  dest.end = report;
  source().pipe(dest);
} else if (PART === 'rw') {
  pipeline(source(), sink(), (err) => {
    if (err) throw err;
    report();
  });
} else {
  throw new Error(`unknown PART ${PART}`);
}
