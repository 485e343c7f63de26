// Fixed-work variant of net_stream.js for CPU measurements on a loaded machine: 4 connections
// stream TOTAL_MB (default 1000) MB in 64 KiB writes, then exit; compare user+sys CPU with node.
// Prints MB/s, and the server's 'data' events and the clients' writes.
const net = require('net');
const CONNS = 4;
const TOTAL = +(process.env.TOTAL_MB || 1000) * 1e6;
const chunk = Buffer.alloc(64 * 1024, 's');
let received = 0, sent = 0, reads = 0, writes = 0;
let running = true;
let t0;
const server = net.createServer((s) => {
  s.on('data', (d) => { received += d.length; reads++; if (received >= TOTAL && running) finish(); });
  s.on('error', () => {});
});
function finish() {
  running = false;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ MBps: Math.round(received / 1e6 / s), received, reads, writes }));
  for (const c of clients) c.destroy();
  server.close();
  process.exit(0);
}
const clients = [];
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let ready = 0;
  for (let i = 0; i < CONNS; i++) {
    const c = net.connect(port, '127.0.0.1', () => { if (++ready === CONNS) start(); });
    c.on('error', () => {});
    const pump = () => {
      while (running && sent < TOTAL + 4 * 65536 * 16) {
        sent += chunk.length;
        writes++;
        if (!c.write(chunk)) break;
      }
    };
    c.on('drain', pump);
    c.pump = pump;
    clients.push(c);
  }
  function start() {
    t0 = process.hrtime.bigint();
    for (const c of clients) c.pump();
  }
});
