// JSON.parse of a 1.7 MB document of 20k records (objects, arrays, strings, numbers, null, true),
// 10 times, results dropped; then a server-like load of 100k small bodies. opsPerSec is MB/s over both.
const rows = [];
for (let i = 0; i < 20000; i++) {
  rows.push({ id: i, name: 'item' + i, price: i * 1.25, tags: ['a', 'b'], nested: { x: i * 1.5, y: null, z: true } });
}
const big = JSON.stringify(rows);
const small = JSON.stringify({ user: 'alice', id: 12345, items: [1, 2, 3], ok: true, note: 'caf\u00e9 \u2603' });
const start = process.hrtime.bigint();
let bytes = 0;
for (let k = 0; k < 10; k++) { if (JSON.parse(big).length !== 20000) throw new Error('bad'); bytes += big.length; }
for (let k = 0; k < 100000; k++) { if (JSON.parse(small).id !== 12345) throw new Error('bad'); bytes += small.length; }
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ name: 'JSON.parse 1.7MB x10 + 100k small', opsPerSec: Math.round(bytes / 1e6 / s) }));
