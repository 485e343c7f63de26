// gzip of 100 MiB of mixed text (default level) through a stream; opsPerSec is input MB/s of wall
// time, cpuMBps input MB per CPU second (steadier on a loaded machine).
const zlib = require('zlib');
const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore'.split(' ');
const block = Buffer.alloc(1 << 20);
let x = 12345, off = 0;
while (off < block.length) {
  x = (x * 1103515245 + 12345) >>> 0;
  off += block.write(words[(x >>> 16) % words.length] + ((x & 7) === 0 ? '\n' : ' '), off);
}
const total = 100;
const gz = zlib.createGzip();
let outLen = 0;
gz.on('data', (d) => { outLen += d.length; });
gz.on('end', () => {
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const c = process.cpuUsage(cpu0);
  const cpuS = (c.user + c.system) / 1e6;
  console.log(JSON.stringify({ name: 'gzip 100MiB', opsPerSec: Math.round(total * 1.048576 / s), cpuMBps: Math.round(total * 1.048576 / cpuS), ratio: +(outLen / (total << 20)).toFixed(3) }));
});
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let i = 0;
(function write() {
  while (i < total) {
    i++;
    if (!gz.write(block)) return gz.once('drain', write);
  }
  gz.end();
})();
