// Fixed-work variant of net_pingpong.js for CPU measurements on a loaded machine: stops after
// TOTAL (default 20000) round trips; compare user+sys CPU with node.
const net = require('net');
const CONNS = 50;
const TOTAL = +(process.env.TOTAL || 20000);
const msg = Buffer.alloc(64, 'p');
let count = 0;
let running = true;
let t0;
const clients = [];
const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on('data', (d) => s.write(d));
  s.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let ready = 0;
  for (let i = 0; i < CONNS; i++) {
    const c = net.connect(port, '127.0.0.1', () => { if (++ready === CONNS) start(); });
    c.setNoDelay(true);
    let got = 0;
    c.on('data', (d) => {
      got += d.length;
      while (got >= 64) {
        got -= 64;
        if (++count === TOTAL) finish();
        if (running) c.write(msg);
      }
    });
    c.on('error', () => {});
    clients.push(c);
  }
  function start() {
    t0 = process.hrtime.bigint();
    for (const c of clients) c.write(msg);
  }
});
function finish() {
  running = false;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ rps: Math.round(count / s) }));
  for (const c of clients) c.destroy();
  server.close();
}
