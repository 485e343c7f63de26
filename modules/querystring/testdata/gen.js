// Generates node_cases.json: random querystring calls and what node returns for them.
// Run with node v20: node gen.js > node_cases.json
'use strict';
const qs = require('querystring');
let seed = 777;
function rnd(n) { // mulberry32
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
}
const pieces = ['a', 'b', 'key', '=', '&', '&&', '==', '+', '%', '%2', '%20', '%41', '%ZZ', '%E2%82', '%C3%A9',
  '%e9', 'é', ';', ':', '__proto__', '1', '0', ' ', '%%', '%2B', '&=', '=&', 'x=y', '%F0%9F%98%80', '😀', '\u00ff'];
function rs(max) {
  const n = rnd(max);
  let s = '';
  for (let i = 0; i < n; i++) s += pieces[rnd(pieces.length)];
  return s;
}
const cases = [];
function run(fn, args) {
  let r;
  try {
    r = qs[fn](...args);
    if (Buffer.isBuffer(r)) r = { buffer: [...r] };
    r = { ok: r };
  } catch (e) { r = { err: `${e.name}${e.code ? ' [' + e.code + ']' : ''}: ${e.message}` }; }
  cases.push({ fn, args, ...r });
}
const seps = [undefined, ';', '&&', '&=', 'ab', '', null];
const eqs = [undefined, ':', '==', '=&', 'ba', ''];
for (let k = 0; k < 1500; k++) {
  const s = rs(10);
  run('parse', [s]);
  run('parse', [s, seps[rnd(seps.length)], eqs[rnd(eqs.length)], { maxKeys: [undefined, 0, 1, 2, 1.5, -1][rnd(6)] }]);
  run('unescape', [s]);
  run('unescape', [s, true]);
  run('unescapeBuffer', [s, rnd(2) === 1]);
  run('escape', [s]);
  const o = {};
  for (let i = rnd(4); i > 0; i--) {
    const vals = ['', 'x y', 1, -0, 1e21, NaN, true, null, [], ['a', 'b'], {}, s];
    o[rs(3)] = vals[rnd(vals.length)];
  }
  run('stringify', [o]);
  run('stringify', [o, seps[rnd(seps.length)], eqs[rnd(eqs.length)]]);
}
for (const bad of [[1], [null], [{}], [true], ['\ud800'], ['a\udc00b'], ['\ud83d\ude00']]) {
  run('escape', bad); run('unescape', bad); run('parse', bad); run('stringify', bad);
}
process.stdout.write(JSON.stringify(cases));
