// gunzip of 100 MiB (of output) through a stream; opsPerSec is output MB/s of wall time, cpuMBps
// output MB per CPU second (steadier on a loaded machine).
const zlib = require('zlib');
const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore'.split(' ');
const block = Buffer.alloc(1 << 20);
let x = 12345, off = 0;
while (off < block.length) {
  x = (x * 1103515245 + 12345) >>> 0;
  off += block.write(words[(x >>> 16) % words.length] + ((x & 7) === 0 ? '\n' : ' '), off);
}
const total = 100;
const compressed = zlib.gzipSync(Buffer.concat(Array(total).fill(block)));
const gu = zlib.createGunzip();
let outLen = 0;
gu.on('data', (d) => { outLen += d.length; });
gu.on('end', () => {
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const c = process.cpuUsage(cpu0);
  const cpuS = (c.user + c.system) / 1e6;
  if (outLen !== total << 20) throw new Error('bad length ' + outLen);
  console.log(JSON.stringify({ name: 'gunzip 100MiB', opsPerSec: Math.round(total * 1.048576 / s), cpuMBps: Math.round(total * 1.048576 / cpuS) }));
});
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const step = 64 * 1024;
let i = 0;
(function write() {
  while (i < compressed.length) {
    const c = compressed.subarray(i, i + step);
    i += step;
    if (!gu.write(c)) return gu.once('drain', write);
  }
  gu.end();
})();
