// The Buffer benchmarks as one script for the CLI, run the same under node and gojs
// (bench/buffer.sh does both, interleaved): `<runtime> bench/buffer_cli.js <case> <ops>` runs the
// case's op once to warm up, then <ops> times, and prints the wall and CPU (user+sys, all
// threads: GC included) microseconds per op. Unlike BenchmarkBuffer (bench/buffer_test.go) it
// measures the real CLI, with its start-up and collection policy.
'use strict';
const { Buffer } = require('buffer');

const cases = {
  from_base64_1MiB() {
    const s = Buffer.alloc(1 << 20, 'abcdefghij').toString('base64');
    return () => Buffer.from(s, 'base64').length;
  },
  toString_base64_1MiB() {
    const b = Buffer.alloc(1 << 20, 'abcdefghij');
    return () => b.toString('base64').length;
  },
  from_hex_1MiB() {
    const s = Buffer.alloc(1 << 20, 'xyz').toString('hex');
    return () => Buffer.from(s, 'hex').length;
  },
  toString_hex_1MiB() {
    const b = Buffer.alloc(1 << 20, 'xyz');
    return () => b.toString('hex').length;
  },
  concat_10k_small() {
    const list = [];
    for (let i = 0; i < 10000; i++) list.push(Buffer.from('hello world ' + i));
    return () => Buffer.concat(list).length;
  },
  // The 10M calls per op; the warm-up op (warm true) does 100k.
  readUInt32LE_10M() {
    const b = Buffer.alloc(4096, 7);
    return (warm) => {
      const n = warm ? 100000 : 10000000;
      let s = 0;
      for (let i = 0; i < n; i++) s = (s + b.readUInt32LE((i & 1023) << 2)) | 0;
      return s;
    };
  },
  // The same four-byte read as plain JS on a Uint8Array, 10M times: the engine's cost without
  // Buffer's (the bare-goja floor readUInt32LE_10M is measured against).
  bare_read32_10M() {
    const u = new Uint8Array(4096).fill(7);
    function rd(o) { return u[o] + u[o + 1] * 256 + u[o + 2] * 65536 + u[o + 3] * 16777216; }
    return (warm) => {
      const n = warm ? 100000 : 10000000;
      let s = 0;
      for (let i = 0; i < n; i++) s = (s + rd((i & 1023) << 2)) | 0;
      return s;
    };
  },
};

const name = process.argv[2];
const n = Number(process.argv[3] || 20);
if (!cases[name]) {
  console.log(Object.keys(cases).join(' '));
  process.exit(name ? 1 : 0);
}
const op = cases[name]();
let sink = op(true);
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let i = 0; i < n; i++) sink ^= op(false);
const c1 = process.cpuUsage(c0);
const wall = Number(process.hrtime.bigint() - t0) / 1e3 / n;
console.log(`${name} wall_us ${wall.toFixed(0)} cpu_us ${((c1.user + c1.system) / n).toFixed(0)} sink ${sink & 1}`);
