// 1M setTimeout(0): scheduling and firing throughput.
const N = 1e6;
let fired = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) setTimeout(() => { if (++fired === N) done(); }, 0);
function done() {
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: 'setTimeout(0) x1M', opsPerSec: Math.round(N / s) }));
}
