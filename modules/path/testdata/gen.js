// Generates node_cases.json: random path calls and what node returns for them.
// Run from this directory with node v20: node gen.js > node_cases.json
'use strict';
const path = require('path');
let seed = 12345;
function rnd(n) { // mulberry32
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
}
const pieces = ['a', 'b', 'foo', '..', '.', '/', '\\', '//', '\\\\', 'C:', 'c:', 'CON', ':', 'x.txt',
  '.x', '...', '?', '', 'COM1:', 'é', 'server', 'share', '.\\', 'D:\\', 'aux', '.git', 'a.b.c', '///', 'nul.'];
function rpath() {
  const n = rnd(7);
  const out = [];
  for (let i = 0; i < n; i++) out.push(pieces[rnd(pieces.length)]);
  return out.join('');
}
const cases = [];
function run(flavor, fn, args) {
  const p = flavor === 'posix' ? path.posix : path.win32;
  let r;
  try { r = { ok: p[fn](...args) }; } catch (e) { r = { err: String(e) }; }
  cases.push({ flavor, fn, args, ...r });
}
for (const flavor of ['posix', 'win32']) {
  for (let k = 0; k < 600; k++) {
    run(flavor, 'normalize', [rpath()]);
    const n = 1 + rnd(4);
    const ja = []; for (let i = 0; i < n; i++) ja.push(rpath());
    run(flavor, 'join', ja);
    run(flavor, 'resolve', ja);
    run(flavor, 'relative', [rpath(), rpath()]);
    run(flavor, 'dirname', [rpath()]);
    run(flavor, 'basename', [rpath()]);
    run(flavor, 'basename', [rpath(), pieces[rnd(pieces.length)] + pieces[rnd(pieces.length)]]);
    run(flavor, 'extname', [rpath()]);
    run(flavor, 'parse', [rpath()]);
    run(flavor, 'isAbsolute', [rpath()]);
    run(flavor, 'toNamespacedPath', [rpath()]);
    const o = {};
    for (const k of ['root', 'dir', 'base', 'name', 'ext']) if (rnd(2)) o[k] = pieces[rnd(pieces.length)];
    run(flavor, 'format', [o]);
  }
  // known corners
  const fixed = ['/..', '/.', '//', '///a', '/a/b/../../..', 'CON:', 'CONX', 'con:x', '\\\\?\\COM1:\\x',
    '\\\\server\\share', '\\\\server\\share\\', '//server/share/x/../..', 'C:', 'C:\\', 'c:..\\a', 'C:a',
    '\\\\.\\PIPE\\x', '//?/C:/x', '.', '..', '...', '.a', 'a.', 'a..', '..a', '/foo/bar//baz/asdf/quux/..',
    'file.tar.gz', '/a/b/', 'a/b//', 'é/ü.ß', '/\u{1F600}/x.y'];
  for (const f of fixed) {
    for (const fn of ['normalize', 'dirname', 'basename', 'extname', 'parse', 'isAbsolute', 'toNamespacedPath']) run(flavor, fn, [f]);
    run(flavor, 'join', [f, 'x', '..']);
    run(flavor, 'resolve', [f, 'x']);
    run(flavor, 'relative', [f, '/a/b']);
    run(flavor, 'relative', ['C:\\a\\b', f]);
    run(flavor, 'basename', [f, '.y']);
  }
  // bad input
  for (const fn of ['normalize', 'join', 'resolve', 'relative', 'dirname', 'basename', 'extname', 'parse', 'isAbsolute', 'toNamespacedPath', 'format']) {
    for (const bad of [[1], [null], [{}], [true], ['a', 2], [2, 'a'], ['/a', 3], [3, '/a'], [[]], []]) run(flavor, fn, bad);
  }
}
// matchesGlob
process.emitWarning = () => {};
const gp = ['*', '**', '?', 'a', 'b', '.', '..', '/', '/', '\\', '.x', '{a,b}', '{1..3}', '[a-c]', '[!a]', '[[:alpha:]]', '+(a|b)',
  '!(a)', '@(a|x)', '*(b)', '?(a)', 'x', '.js', '{', '}', '[', ']', ',', '(', ')', '|'];
const fp = ['a', 'b', 'x', '.x', '/', '/', '.', '..', 'ab', 'a.js', '1', '2', '\\', 'é', ''];
function rglob(parts, n) { let s = ''; for (let i = rnd(n); i >= 0; i--) s += parts[rnd(parts.length)]; return s; }
for (const flavor of ['posix', 'win32']) {
  for (let k = 0; k < 1200; k++) run(flavor, 'matchesGlob', [rglob(fp, 6), rglob(gp, 5)]);
  for (let k = 0; k < 300; k++) { const f = rglob(fp, 5); run(flavor, 'matchesGlob', [f, f.replace(/a/g, '*')]); }
  run(flavor, 'matchesGlob', [1, 'a']);
  run(flavor, 'matchesGlob', ['a', null]);
}
process.stdout.write(JSON.stringify({ cwd: process.cwd(), cases }, null, 0));
