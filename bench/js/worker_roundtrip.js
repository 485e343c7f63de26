// 100,000 postMessage round trips to a worker thread that echoes each message, one at a time
// (each waits for its echo); opsPerSec is round trips per wall second.
const { Worker } = require('worker_threads');
const w = new Worker("const { parentPort } = require('worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m));", { eval: true });
const total = 100000;
let i = 0;
let start;
w.on('message', () => {
  if (++i < total) {
    w.postMessage({ seq: i, s: 'ping' });
    return;
  }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ name: 'worker round trips', opsPerSec: Math.round(total / s) }));
  w.terminate();
});
w.on('online', () => {
  start = process.hrtime.bigint();
  w.postMessage({ seq: 0, s: 'ping' });
});
