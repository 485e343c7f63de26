// Generates node_cases.json: random WHATWG URL parses and setter calls with node's results.
// Run with node v20: node gen.js > node_cases.json
'use strict';
let seed = 4242;
function rnd(n) { // mulberry32
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
}
const schemes = ['http:', 'https:', 'file:', 'ws:', 'foo:', 'javascript:', 'blob:', '', 'HTTP:', 'mailto:', 'ftp:', 'wss:', 'sc:'];
const pieces = ['//', '//', '/', 'example.com', 'EXAMPLE.com', '[::1]', '[1:2::3]', '[::ffff:1.2.3.4]', '0x7f.1', '127.0.0.1',
  '1.2.3.4.5', '09.1', 'münchen.de', 'xn--mnchen-3ya.de', 'a b', '%41', 'user:pw@', '@', ':80', ':8080', ':0',
  ':65536', ':abc', 'C:', 'c|', '..', '.', '\\', '?', '#', 'a=b&c=d', ' ', '\t', '%zz', '%2e', 'é', '😀', '|', '<',
  '"', '`', '{', '^', 'x', 'path', '%2F', '%00', '\u0000', '[', ']', 'xn--', '0', '4294967296', '%25', '\'', '+'];
const bases = [undefined, 'http://example.com/a/b?c#d', 'file:///C:/x/', 'foo:opaque', 'about:blank', 'https://h/?q#f',
  'sc://host/a/b', 'file://host/share/x'];
function rurl() {
  let s = schemes[rnd(schemes.length)];
  for (let n = rnd(7); n > 0; n--) s += pieces[rnd(pieces.length)];
  return s;
}
const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function comps(u) { return fields.map((f) => u[f]); }
const cases = [];
for (let k = 0; k < 3000; k++) {
  const input = rurl();
  const base = bases[rnd(bases.length)];
  let r;
  try { r = { ok: comps(new URL(input, base)) }; } catch (e) { r = { err: e.code }; }
  cases.push({ input, base, ...r });
}
const setters = ['protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'href'];
const valid = [];
for (let k = 0; valid.length < 300 && k < 100000; k++) {
  const input = rurl();
  try { new URL(input); valid.push(input); } catch {}
}
const values = [...pieces, ...schemes, 'https', 'ftp', 'file', '8080', '65535', '99999', '', 'a:b', 'new host', 'h:1', '?x=1', '#y',
  'user', 'p@ss', 'ex.com:99', '[::2]', '1.2.3.4'];
const setterCases = [];
for (const input of valid) {
  for (let j = 0; j < 6; j++) {
    const field = setters[rnd(setters.length)];
    const value = values[rnd(values.length)] + (rnd(3) === 0 ? values[rnd(values.length)] : '');
    const u = new URL(input);
    let r;
    try { u[field] = value; r = { ok: comps(u) }; } catch (e) { r = { err: e.code }; }
    setterCases.push({ input, field, value, ...r });
  }
}
const params = [];
for (let k = 0; k < 500; k++) {
  let s = '';
  for (let n = rnd(8); n > 0; n--) s += ['a', '=', '&', '+', '%20', '%zz', '%C3%A9', 'é', ' ', '?', '*', '~', '%E2%82', 'b=c', '😀'][rnd(15)];
  const p = new URLSearchParams(s);
  const q = new URLSearchParams(p);
  q.sort();
  params.push({ input: s, list: [...p].flat(), str: p.toString(), sorted: q.toString() });
}
const domains = [];
for (const d of ['münchen.de', 'xn--mnchen-3ya.de', 'EXAMPLE.com', 'a b', '', 'xn--iñvalid.com', '0x7f.1', '[::1]', 'ex%41.com',
  'a/b', 'a?b', 'a#b', 'a:b', 'Ｅｘａｍｐｌｅ.ｃｏｍ', 'faß.de', '\u200d.com', 'xn--ls8h.la', '😀.com', '1.2.3', 'a..b', '.', 'a.b.']) {
  domains.push({ input: d, ascii: require('url').domainToASCII(d), unicode: require('url').domainToUnicode(d) });
}
const url = require('url');
process.emitWarning = () => {};
const legacyPieces = [...pieces, '\\', '@', 'a@b', ':', '//', ';', '?', '#', ' ', 'HTTP://', 'mailto:', 'javascript:', '..', './',
  'http://', 'file://', 'Ab', '%41', '\u00a0', '\ufeff'];
function rlegacy() {
  let s = rnd(2) ? schemes[rnd(schemes.length)] : '';
  for (let n = rnd(8); n > 0; n--) s += legacyPieces[rnd(legacyPieces.length)];
  return s;
}
const legacy = [];
for (let k = 0; k < 400; k++) {
  const input = rlegacy();
  const q = rnd(2) === 1, sl = rnd(2) === 1;
  let r;
  try { r = { ok: JSON.stringify(url.parse(input, q, sl)) }; } catch (e) { r = { err: e.code }; }
  legacy.push({ fn: 'parse', args: [input, q, sl], ...r });
  const rel = rlegacy();
  try { r = { ok: url.resolve(input, rel) }; } catch (e) { r = { err: e.code }; }
  legacy.push({ fn: 'resolve', args: [input, rel], ...r });
  try { r = { ok: url.format(input) }; } catch (e) { r = { err: e.code }; }
  legacy.push({ fn: 'format', args: [input], ...r });
}
process.stdout.write(JSON.stringify({ cases, setterCases, params, domains, legacy }));
