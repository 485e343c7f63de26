// A 1M-long promise .then chain.
const N = 1e6;
const start = process.hrtime.bigint();
let p = Promise.resolve(0);
for (let i = 0; i < N; i++) p = p.then((v) => v + 1);
p.then((v) => {
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: 'promise .then chain x1M', opsPerSec: Math.round(N / s), check: v === N }));
});
