// 50 connections each bouncing a 64-byte message back and forth; reports round trips per second.
const net = require('net');
const CONNS = 50;
const DURATION = +(process.env.BENCH_MS || 3000);
const msg = Buffer.alloc(64, 'p');
let count = 0;
let running = true;
const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on('data', (d) => s.write(d));
  s.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let ready = 0;
  const clients = [];
  for (let i = 0; i < CONNS; i++) {
    const c = net.connect(port, '127.0.0.1', () => { if (++ready === CONNS) start(); });
    c.setNoDelay(true);
    let got = 0;
    c.on('data', (d) => {
      got += d.length;
      while (got >= 64) {
        got -= 64;
        count++;
        if (running) c.write(msg);
      }
    });
    c.on('error', () => {});
    clients.push(c);
  }
  function start() {
    const t0 = process.hrtime.bigint();
    for (const c of clients) c.write(msg);
    setTimeout(() => {
      running = false;
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(JSON.stringify({ name: 'net ping-pong 50x64B', opsPerSec: Math.round(count / s) }));
      for (const c of clients) c.destroy();
      server.close();
    }, DURATION);
  }
});
