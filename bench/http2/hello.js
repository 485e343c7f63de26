// HTTP/2 (h2c) hello world, server and load in one script, both sides on the runtime that runs it.
//   <runtime> hello.js server            prints the port, serves until killed
//   <runtime> hello.js client PORT N S   N requests over one session, S streams in flight;
//                                         prints requests/s
// run.sh runs both sides on node and on gojs and prints the ratio.
const http2 = require('http2');
const [mode, port, total, streams] = [process.argv[2], +process.argv[3], +(process.argv[4] || 100000), +(process.argv[5] || 50)];
if (mode === 'server') {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond({ ':status': 200, 'content-type': 'text/plain' });
    stream.end('Hello, World!');
  });
  server.listen(+(process.env.PORT || 0), '127.0.0.1', () => console.log(server.address().port));
} else {
  const client = http2.connect(`http://127.0.0.1:${port}`);
  let sent = 0, done = 0;
  const start = process.hrtime.bigint();
  const one = () => {
    sent++;
    const req = client.request({ ':path': '/' });
    req.on('data', () => {});
    req.on('end', () => {
      done++;
      if (sent < total) one();
      else if (done === total) {
        const secs = Number(process.hrtime.bigint() - start) / 1e9;
        console.log(Math.round(total / secs));
        client.close();
      }
    });
  };
  for (let i = 0; i < streams && sent < total; i++) one();
}
