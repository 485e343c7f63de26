// EventTarget.dispatchEvent with 1, 2 and 3 function listeners: one iteration dispatches a new
// Event to each of three targets, so it is 3 dispatches. `go run ./bench/compare
// eventtarget_dispatch3`; instructions per iteration: PER=item bench/stream_instr.sh ''
// bench/js/eventtarget_dispatch3.js.
'use strict';
const N = Number(process.argv[2] || 50000);
let n = 0;
const t1 = new EventTarget();
const t2 = new EventTarget();
const t3 = new EventTarget();
t1.addEventListener('x', (e) => { n++; });
for (let i = 0; i < 2; i++) t2.addEventListener('x', (e) => { n++; });
for (let i = 0; i < 3; i++) t3.addEventListener('x', (e) => { n++; });
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  t1.dispatchEvent(new Event('x'));
  t2.dispatchEvent(new Event('x'));
  t3.dispatchEvent(new Event('x'));
}
if (n !== 6 * N) throw new Error(`got ${n}`);
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ name: `dispatchEvent 1-3 listeners x${3 * N}`, opsPerSec: Math.round(3 * N / s) }));
