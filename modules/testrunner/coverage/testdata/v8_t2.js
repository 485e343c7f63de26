function classify(n) {
  if (n < 0) {
    return 'negative';
  } else if (n === 0) {
    return 'zero';
  }
  return n > 100 ? 'big' : 'small';
}
classify(0);
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
risky(true);
function r2(fail) {
  try {
    if (fail) throw new Error('boom');
    return 'ok';
  } catch (e) {
    return 'caught ' + e.message;
  }
}
r2(true);
