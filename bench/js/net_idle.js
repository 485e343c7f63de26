// A server holding N idle connections (opened by the benchmark harness from another process).
// Prints the port, then, once all N are connected and have settled, the RSS growth per connection.
const net = require('net');
const N = +(process.env.BENCH_CONNS || 10000);
const base = process.memoryUsage().rss;
const socks = [];
const server = net.createServer((s) => {
  socks.push(s);
  s.on('error', () => {});
  if (socks.length === N) {
    setTimeout(() => {
      const rss = process.memoryUsage().rss;
      console.log(JSON.stringify({ name: `net idle x${N}`, rssPerConnKiB: +((rss - base) / N / 1024).toFixed(2) }));
      for (const c of socks) c.destroy();
      server.close();
    }, 1000);
  }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
