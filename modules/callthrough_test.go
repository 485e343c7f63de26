package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// CallThrough turns a stack overflow into a RangeError the caller's try/catch sees, also when it
// passed through async functions and generators (which leave frames on goja's stacks), and the
// VM runs on correctly afterwards: loops, try/finally, promises, later calls through Go.
func TestCallThroughStackOverflow(t *testing.T) {
	vm := goja.New()
	vm.SetMaxCallStackSize(200)
	h := &Host{VM: vm}
	_ = vm.Set("callThrough", h.CallThrough)
	v, err := vm.RunString(`
	function f() { return f() + 1 }
	async function af() { f() }
	function* gen() { f(); yield 1 }
	const out = [];
	const cases = [f, () => af(), () => gen().next(), () => { for (const x of gen()) {} },
		() => (async () => { await (async () => { af() })() })(), () => [1].map(() => af())];
	for (const c of cases) {
		try { callThrough(c); out.push('none'); }
		catch (e) { out.push(e instanceof RangeError && e.message); }
	}
	let fin = 0;
	for (let i = 0; i < 3; i++) { try { callThrough(() => i) } finally { fin++ } }
	let settled, asyncRejected;
	Promise.resolve(7).then((x) => { settled = x });
	// an async function called directly: its promise rejects, as in node
	const p = callThrough(af);
	p.catch((e) => { asyncRejected = e instanceof RangeError && p instanceof Promise; });
	out.push(fin, callThrough((a, b) => a + b, null, 2, 3));
	out.join();
	`)
	if err != nil {
		t.Fatal(err)
	}
	wantOut := "Maximum call stack size exceeded,Maximum call stack size exceeded,Maximum call stack size exceeded," +
		"Maximum call stack size exceeded,Maximum call stack size exceeded,Maximum call stack size exceeded,3,5"
	if v.String() != wantOut {
		t.Fatalf("got %s\nwant %s", v, wantOut)
	}
	s, _ := vm.RunString(`settled`)
	if s.ToInteger() != 7 {
		t.Fatalf("promise job after the overflows: settled = %v, want 7", s)
	}
	if r, _ := vm.RunString(`asyncRejected`); !r.ToBoolean() {
		t.Fatalf("callThrough(async function) did not return a promise rejected with a RangeError: %v", r)
	}
}

// An interrupt (process.exit, Close) passes through CallThrough uncatchable.
func TestCallThroughInterrupt(t *testing.T) {
	vm := goja.New()
	h := &Host{VM: vm}
	_ = vm.Set("callThrough", h.CallThrough)
	_ = vm.Set("stop", func() { vm.Interrupt("stop") })
	_, err := vm.RunString(`try { callThrough(() => { stop(); for (;;) {} }) } catch (e) { 'caught' }`)
	if _, ok := err.(*goja.InterruptedError); !ok {
		t.Fatalf("err = %v (%T), want an InterruptedError", err, err)
	}
}

// What CallThrough passes on is the thrown value itself, also one whose goja.Exception cannot
// be unwrapped (a revoked proxy: errors.As on it panics).
func TestCallThroughThrownRevokedProxy(t *testing.T) {
	vm := goja.New()
	h := &Host{VM: vm}
	_ = vm.Set("callThrough", h.CallThrough)
	v, err := vm.RunString(`
	const r = Proxy.revocable({}, {}); r.revoke();
	let same;
	try { callThrough(() => { throw r.proxy; }); } catch (e) { same = e === r.proxy; }
	same`)
	if err != nil {
		t.Fatal(err)
	}
	if !v.ToBoolean() {
		t.Fatal("the revoked proxy thrown through CallThrough is not the value caught")
	}
}
