// Fixed-work TLS stream for CPU and allocation measurements on a loaded machine: a TLS server
// sends TOTAL_MB (default 200) MB in writes of CHUNK bytes (default 64 KiB) over CONNS (default 2) connections to clients in
// the same process, then everything exits. Both ends run here, so the cost per MB is one
// encryption plus one decryption. Prints {"MB": n, "MBps": wall rate}.
const fs = require('fs');
const tls = require('tls');
const path = require('path');
const CONNS = +(process.env.CONNS || 2);
const TOTAL = +(process.env.TOTAL_MB || 200) * 1e6;
const per = Math.ceil(TOTAL / CONNS);
const chunk = Buffer.alloc(+(process.env.CHUNK || 64 * 1024), 's');
const options = {
  key: fs.readFileSync(path.join(__dirname, 'tls_key.pem')),
  cert: fs.readFileSync(path.join(__dirname, 'tls_cert.pem')),
};
let received = 0, done = 0, t0;
const server = tls.createServer(options, (s) => {
  let sent = 0;
  const pump = () => {
    while (sent < per) {
      sent += chunk.length;
      if (!s.write(chunk)) return;
    }
    s.end();
  };
  s.on('drain', pump);
  s.on('error', () => {});
  pump();
});
server.listen(0, '127.0.0.1', () => {
  t0 = process.hrtime.bigint();
  for (let i = 0; i < CONNS; i++) {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false });
    c.on('data', (d) => { received += d.length; });
    c.on('end', () => {
      c.end();
      if (++done === CONNS) {
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        console.log(JSON.stringify({ MB: Math.round(received / 1e6), MBps: Math.round(received / 1e6 / s) }));
        server.close();
      }
    });
    c.on('error', (e) => { console.error(e); process.exit(1); });
  }
});
