// A tour of what gojs runs: timers, promises, process and modules, in Node's order.
const { setTimeout: sleep } = require('timers/promises');

console.log('hello from gojs', process.version);

setTimeout(() => console.log('3. a timer fires'), 0);
process.nextTick(() => console.log('1. nextTick runs first'));
Promise.resolve().then(() => console.log('2. then promise jobs'));

(async () => {
  await sleep(10);
  console.log('4. async/await with timers/promises');
})();

process.on('exit', (code) => console.log(`5. exit with code ${code}`));
