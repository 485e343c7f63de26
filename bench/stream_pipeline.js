// Readable -> Transform -> Writable moving TOTAL bytes in 64 KiB chunks through stream.pipeline.
// Run with node and gojs (bench/stream.sh) and compare the MB/s lines.
'use strict';
const { Readable, Transform, Writable, pipeline } = require('stream');

const CHUNK = 64 * 1024;
const TOTAL = Number(process.argv[2] || 1024) * 1024 * 1024; // MiB on the command line, 1 GiB by default
const N = TOTAL / CHUNK;
const buf = Buffer.alloc(CHUNK, 97);

let produced = 0;
const src = new Readable({
  read() {
    while (produced < N) {
      produced++;
      if (!this.push(buf)) return;
    }
    this.push(null);
  },
});
const pass = new Transform({
  transform(chunk, encoding, callback) {
    callback(null, chunk);
  },
});
let bytes = 0;
const sink = new Writable({
  write(chunk, encoding, callback) {
    bytes += chunk.length;
    callback();
  },
});

const start = Date.now();
pipeline(src, pass, sink, (err) => {
  if (err) throw err;
  const secs = (Date.now() - start) / 1000;
  process.stdout.write(`stream pipeline: ${(bytes / 1048576).toFixed(0)} MiB in ${secs.toFixed(3)}s = ${(bytes / 1048576 / secs).toFixed(1)} MB/s\n`);
});
