// 1,000 execFile('true') runs, 8 at a time; opsPerSec is completed runs per wall second, cpuOps
// runs per CPU second of this process (steadier on a loaded machine; children's CPU not counted).
const { execFile } = require('child_process');
const total = 1000;
const concurrency = 8;
let started = 0;
let done = 0;
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
function next() {
  if (started === total) return;
  started++;
  execFile('true', (err) => {
    if (err) throw err;
    if (++done === total) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      const c = process.cpuUsage(cpu0);
      console.log(JSON.stringify({ name: 'execFile true x1000', opsPerSec: Math.round(total / s), cpuOps: Math.round(total / ((c.user + c.system) / 1e6)) }));
      return;
    }
    next();
  });
}
for (let i = 0; i < concurrency; i++) next();
