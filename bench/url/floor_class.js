// Engine floor for url_parse: 100k instances of a plain JS class holding a URL's 11 components
// (no parsing at all), reading three getters as url_parse does.
class U {
  constructor(s) {
    this.a = s; this.b = s; this.c = s; this.d = s; this.e = s; this.f = s;
    this.g = s; this.h = s; this.i = s; this.j = s; this.k = s;
  }
  get href() { return this.a; }
  get hostname() { return this.b; }
  get pathname() { return this.c; }
}
const inputs = ['https://user:pw@example.com:8080/p/a/t/h?query=string#hash', 'http://localhost:3000/api/v1/items?id=42&sort=desc'];
const N = 100000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const u = new U(inputs[i & 1]);
  h += u.href.length + u.hostname.length + u.pathname.length;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
