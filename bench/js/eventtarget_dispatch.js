// EventTarget.dispatchEvent per event: a new Event to a function listener and an object
// (handleEvent) listener. `go run ./bench/compare eventtarget_dispatch`.
'use strict';
const N = Number(process.argv[2] || 50000);
const et = new EventTarget();
let n = 0;
et.addEventListener('foo', (e) => { n++; });
et.addEventListener('foo', { handleEvent(e) { n++; } });
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) et.dispatchEvent(new Event('foo'));
if (n !== 2 * N) throw new Error(`got ${n}`);
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ name: `eventtarget dispatch x${N}`, opsPerSec: Math.round(N / s) }));
