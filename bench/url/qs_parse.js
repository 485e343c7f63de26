// 100k querystring.parse calls, touching the result.
const qs = require('querystring');
const inputs = ['a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=', 'id=42&sort=desc&page=3',
  'q=caf%C3%A9+au+lait&lang=fr&utf8=%E2%9C%93', 'x=1&x=2&x=3&y=&z'];
const N = 100000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const o = qs.parse(inputs[i & 3] + (i & 15));
  for (const k in o) h += k.length;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
