// Throughput of a child's stdout: `head -c 100M /dev/zero` read through the stdout stream (as
// `cat` of a 100 MB file would be). opsPerSec is MB/s over the wall clock, cpuOps MB per CPU
// second of this process (steadier on a loaded machine; the child's CPU is not counted).
const { spawn } = require('child_process');
const total = 100 * 1024 * 1024;
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const c = spawn('head', ['-c', String(total), '/dev/zero']);
let n = 0;
let reads = 0;
c.stdout.on('data', (d) => { n += d.length; reads++; });
c.on('close', () => {
  if (n !== total) throw new Error(`read ${n} of ${total} bytes`);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const cu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({
    name: 'child stdout 100 MB', opsPerSec: Math.round(total / 1e6 / s),
    cpuOps: Math.round(total / 1e6 / ((cu.user + cu.system) / 1e6)), reads,
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
  }));
});
