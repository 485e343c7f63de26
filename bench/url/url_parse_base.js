// 100k `new URL(input, base)` with relative inputs, reading href and pathname.
const inputs = ['/relative/path?x=1', '../up/one', 'sub/file.txt', '?q=2', '#frag', '//other.host/p',
  './a/./b/../c', 'https://absolute.example/'];
const base = 'http://base.example/dir/sub/index.html';
const N = 100000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const u = new URL(inputs[i & 7], base);
  h += u.href.length + u.pathname.length;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
