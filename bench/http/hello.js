// wrk target: hello world. Prints the port on stdout.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/json') {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ message: 'Hello, World!', items: [1, 2, 3], ok: true }));
    return;
  }
  res.end('Hello, World!');
});
server.listen(+(process.env.PORT || 0), '127.0.0.1', () => console.log(server.address().port));
