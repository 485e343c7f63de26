// A fixed-count load for instr.sh: N requests for PATH over C keep-alive connections, each
// connection sending its next request when the previous response has come (as wrk does).
// Usage: node client.js port n conns path
const net = require('net');
const [port, n, conns, path] = [+process.argv[2], +process.argv[3], +(process.argv[4] || 16), process.argv[5] || '/'];
const req = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
const marker = 'HTTP/1.1 ';
let sent = 0, done = 0, open = 0;
for (let i = 0; i < conns && sent < n; i++) {
  const s = net.connect(port, '127.0.0.1');
  open++;
  let tail = '';
  s.on('connect', () => { sent++; s.write(req); });
  s.on('data', (d) => {
    const str = tail + d.toString('latin1');
    let k = 0, at = 0;
    while ((at = str.indexOf(marker, at)) !== -1) { k++; at += marker.length; }
    tail = str.slice(-marker.length + 1);
    for (; k > 0; k--) {
      done++;
      if (sent < n) { sent++; s.write(req); } else { s.end(); }
    }
  });
  s.on('close', () => { if (--open === 0 && done < n) { console.error('closed early', done); process.exit(1); } });
}
