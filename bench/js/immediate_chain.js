// A chain of 100k setImmediate calls, each scheduling the next.
const N = 1e5;
let n = 0;
const start = process.hrtime.bigint();
function step() {
  if (++n < N) return setImmediate(step);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: 'setImmediate chain x100k', opsPerSec: Math.round(N / s) }));
}
setImmediate(step);
