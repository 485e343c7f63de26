function f(x) {
  if (x) return 1;
  return 2;
}
f(0);
function g(x) {
  for (let i = 0; i < x; i++) {
    if (i > 5) break;
  }
  const y = x > 1 ? 'a' : 'b';
  const z = x && y || 'q';
  switch (x) {
    case 1:
      return 'one';
    case 2:
      break;
    default:
      return 'd';
  }
  try {
    if (x === 2) throw new Error('e');
  } catch (e) {
    return 'caught';
  } finally {
    x++;
  }
  return z;
}
g(2);
class A {
  m() { return 1; }
  n() { return 2; }
}
new A().m();
const arrow = (a) => a + 1;
const arrow2 = (a) => { return a; };
arrow(1);
while (false) { f(); }
