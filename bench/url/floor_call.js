// Engine floor for path_join/path_resolve: 1M calls of a built-in (native in both engines) that
// returns a fresh 17-character string, reading its length.
const N = 1000000;
let h = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  h += String.fromCharCode(47, 102, 111, 111, 47, 98, 97, 114, 47, 98, 97, 122, 47, 97, 115, 100, 102).length;
}
const ns = Number(process.hrtime.bigint() - t0);
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ ns, cpu: (cu.user + cu.system) * 1000, check: h }));
