// 4 connections each streaming 64 KiB chunks to the server as fast as backpressure allows;
// reports MB/s received.
const net = require('net');
const CONNS = 4;
const DURATION = +(process.env.BENCH_MS || 3000);
const chunk = Buffer.alloc(64 * 1024, 's');
let received = 0;
let running = true;
const server = net.createServer((s) => {
  s.on('data', (d) => { received += d.length; });
  s.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const clients = [];
  let ready = 0;
  let t0;
  for (let i = 0; i < CONNS; i++) {
    const c = net.connect(port, '127.0.0.1', () => { if (++ready === CONNS) start(); });
    c.on('error', () => {});
    const pump = () => { while (running && c.write(chunk)); };
    c.on('drain', pump);
    c.pump = pump;
    clients.push(c);
  }
  function start() {
    t0 = process.hrtime.bigint();
    for (const c of clients) c.pump();
    setTimeout(() => {
      running = false;
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(JSON.stringify({ name: 'net stream 4x64KiB', opsPerSec: Math.round(received / 1e6 / s), unit: 'MB/s' }));
      for (const c of clients) c.destroy();
      server.close();
    }, DURATION);
  }
});
