// 100k `new URL(s)` over a rotating set of absolute URLs, reading href, hostname, pathname and
// searchParams (first access creates the URLSearchParams).
const inputs = [
  'https://user:pw@example.com:8080/p/a/t/h?query=string#hash',
  'http://localhost:3000/api/v1/items?id=42&sort=desc',
  'https://cdn.example.org/assets/app.js#x',
  'http://h:8080/a/b/c?d=e&f=g',
  'file:///home/user/x.txt',
  'https://münchen.de/straße',
  'http://[::1]:80/',
  'wss://socket.example.com/chat?room=1',
];
const N = 100000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const u = new URL(inputs[i & 7]);
  h += u.href.length + u.hostname.length + u.pathname.length + u.searchParams.size;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
