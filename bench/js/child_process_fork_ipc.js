// 20,000 IPC round trips to a forked child (of the same runtime), 100 in flight; opsPerSec is
// round trips per wall second. The child is this file run with the argument "child".
if (process.argv[2] === 'child') {
  process.on('message', (m) => process.send(m));
} else {
  const { fork } = require('child_process');
  const child = fork(__filename, ['child']);
  const total = 20000;
  const inflight = 100;
  let sent = 0;
  let got = 0;
  let start;
  child.on('message', () => {
    if (++got === total) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(JSON.stringify({ name: 'fork ipc round trips', opsPerSec: Math.round(total / s) }));
      child.disconnect();
      return;
    }
    if (sent < total) child.send({ i: sent++, text: 'hello' });
  });
  start = process.hrtime.bigint();
  for (let i = 0; i < inflight; i++) child.send({ i: sent++, text: 'hello' });
}
