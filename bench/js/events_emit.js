// EventEmitter.emit with 1, 2 and 3 listeners: one iteration emits once to each of three
// emitters (an argument each), so it is 3 emits. `go run ./bench/compare events_emit`;
// instructions per iteration: PER=item bench/stream_instr.sh '' bench/js/events_emit.js.
'use strict';
const EventEmitter = require('events');
const N = Number(process.argv[2] || 100000);
let n = 0;
const e1 = new EventEmitter();
const e2 = new EventEmitter();
const e3 = new EventEmitter();
e1.on('x', (a) => { n += a; });
for (let i = 0; i < 2; i++) e2.on('x', (a) => { n += a; });
for (let i = 0; i < 3; i++) e3.on('x', (a) => { n += a; });
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  e1.emit('x', 1);
  e2.emit('x', 1);
  e3.emit('x', 1);
}
if (n !== 6 * N) throw new Error(`got ${n}`);
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ name: `emit 1-3 listeners x${3 * N}`, opsPerSec: Math.round(3 * N / s) }));
