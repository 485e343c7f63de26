// Engine floor for qs_parse: 100k null-prototype objects with the same keys and values as the
// parsed query, written as a JS literal (no parsing at all), enumerated with for-in.
const N = 100000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const o = { __proto__: null, a: '1', b: '2', c: 'hello world', d: 'ABC', e: ['x', 'y'], f: '' + (i & 15) };
  for (const k in o) h += k.length;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
