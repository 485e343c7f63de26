'use strict';


function classify(n) {
  if (n < 0) {
    return 'negative';
  } else if (n === 0) {
    return 'zero';
  }
  return n > 100 ? 'big' : 'small';
}

function pick(a, b) {
  return a ?? b ?? 'none';
}

function loop(list) {
  let total = 0;
  for (const x of list) {
    if (typeof x !== 'number') continue;
    total += x;
  }
  let i = 0;
  while (i < 3) i++;
  do { i--; } while (i > 10);
  return total;
}

function kind(v) {
  switch (typeof v) {
    case 'string':
      return 'S';
    case 'number':
      return 'N';
    default:
      return '?';
  }
}

function risky(fail) {
  try {
    if (fail) throw new Error('boom');
    return 'ok';
  } catch (e) {
    return 'caught ' + e.message;
  } finally {
    void 0;
  }
}

class Box {
  constructor(v) { this.v = v; }
  get value() { return this.v; }
  map(fn) { return new Box(fn(this.v)); }
  unused() {
    return null;
  }
}

const obj = {
  hello() { return 'hi'; },
  bye: function () { return 'bye'; },
  arrow: (x) => x * 2,
};

function never() {
  const inner = () => 1;
  return inner();
}


classify(-1); classify(5); pick(null, 2); loop([1, 'a', 2]); kind('x'); risky(true);
new Box(2).map((x) => x + 1).value; obj.arrow(2);
