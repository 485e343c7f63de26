// Why stream state stays one property per flag on goja (issue 4): Node 20 keeps ReadableState's
// and WritableState's booleans as bits of one integer, but on goja that is slower. Each case
// below does the per-chunk shape (test three flags, set two, clear two) on an object of ~35
// properties: as plain boolean properties, and as a bitfield under a symbol or a string key,
// with flags in high bits (results >= 256, which goja boxes into a fresh heap value: its int
// cache covers -256..-1 and Go's only 0..255) and in low bits (no allocation).
// Run: gojs bench/stream_flags.js; node bench/stream_flags.js. Measured (gojs, CPU ns/iter):
// props 306, bitfield high bits 669-737, low bits 400-445, low bits kept in a local 301.
'use strict';
const N = Number(process.argv[2] || 2e6);
const kS = Symbol('kState');
function cases(kA, kB, kC, kD) {
  function P() { this.a = false; this.b = false; this.c = true; this.d = false; for (let i = 0; i < 30; i++) this['x' + i] = i; }
  function B() { this[kS] = kC; for (let i = 0; i < 30; i++) this['x' + i] = i; }
  function S() { this.state = kC; for (let i = 0; i < 30; i++) this['x' + i] = i; }
  function runP(o) {
    let n = 0;
    for (let i = 0; i < N; i++) {
      if (!o.a && !o.b && o.c) n++;
      o.a = true; o.d = true; o.a = false; o.d = false;
    }
    return n;
  }
  function runB(o) {
    let n = 0;
    for (let i = 0; i < N; i++) {
      if ((o[kS] & (kA | kB | kC)) === kC) n++;
      o[kS] |= kA | kD; o[kS] &= ~(kA | kD);
    }
    return n;
  }
  function runS(o) {
    let n = 0;
    for (let i = 0; i < N; i++) {
      if ((o.state & (kA | kB | kC)) === kC) n++;
      o.state |= kA | kD; o.state &= ~(kA | kD);
    }
    return n;
  }
  function runSL(o) {
    let n = 0;
    for (let i = 0; i < N; i++) {
      const st = o.state;
      if ((st & (kA | kB | kC)) === kC) n++;
      o.state = st | kA | kD; o.state = st;
    }
    return n;
  }
  return [['props', runP, P], ['bits-symbol', runB, B], ['bits-string', runS, S], ['bits-local', runSL, S]];
}
for (const [label, bits] of [['high bits', [1 << 3, 1 << 12, 1 << 20, 1 << 5]], ['low bits', [1 << 3, 1 << 4, 1 << 6, 1 << 5]]]) {
  for (const [name, run, Ctor] of cases(...bits)) {
    const c0 = process.cpuUsage();
    run(new Ctor());
    const c = process.cpuUsage(c0);
    console.log(`${label} ${name}: ${((c.user + c.system) / N * 1000).toFixed(0)} ns/iter`);
  }
}
