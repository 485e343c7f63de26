// 1M process.nextTick calls.
const N = 1e6;
let n = 0;
const start = process.hrtime.bigint();
function step() {
  if (++n < N) return process.nextTick(step);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: 'nextTick x1M', opsPerSec: Math.round(N / s) }));
}
process.nextTick(step);
