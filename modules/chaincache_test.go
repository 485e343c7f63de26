package modules

import (
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

// TestChainCache reads a key through a memo after each of a series of changes to the chain and
// compares the answer with Get's; the memo is also checked to be in use where nothing changed.
func TestChainCache(t *testing.T) {
	vm := goja.New()
	_, err := vm.RunString(`
		class A { m() { return 'A'; } }
		class B extends A { b1() {} b2() {} }
		class C extends B { c1() {} }
		var x = new C(), y = new C();
		var steps = [
			() => {},
			() => { B.prototype.m = function () { return 'B'; }; },
			() => { delete B.prototype.m; },
			() => { A.prototype.m = function () { return 'A2'; }; },
			// a delete and an addition that keep the number of keys and the last one
			() => { delete B.prototype.b1; B.prototype.m = function () { return 'B2'; }; delete B.prototype.b2;
				B.prototype.b2 = function () {}; },
			() => { delete B.prototype.m; },
			// an iteration left unfinished, then the same dance
			() => { for (const k in B.prototype) break; for (const k in C.prototype) break; },
			() => { delete C.prototype.c1; C.prototype.m = function () { return 'C'; }; },
			() => { delete C.prototype.m; C.prototype.c1 = function () {}; },
			() => { x.m = 'own'; },
			() => { delete x.m; },
			() => { Object.defineProperty(A.prototype, 'm', { get() { return 'getter'; }, configurable: true }); },
			() => { Object.defineProperty(A.prototype, 'm', { value: 'data', writable: false, configurable: true }); },
			() => { Object.setPrototypeOf(C.prototype, A.prototype); },
			() => { Object.setPrototypeOf(C.prototype, B.prototype); B.prototype.m = 'onB'; },
			() => { Object.setPrototypeOf(B.prototype, null); },
			() => { delete B.prototype.m; },
		];
	`)
	if err != nil {
		t.Fatal(err)
	}
	c := NewChainCache(NewKey("m"))
	c1 := NewChainCache(NewKey("c1")) // (a second key remembered in the same OwnMemos)
	memos := map[string]*OwnMemo{"x": {}, "y": {}}
	steps := vm.Get("steps").(*goja.Object)
	n := int(steps.Get("length").ToInteger())
	same := func(a, b goja.Value) bool {
		if a == nil || b == nil {
			return a == b
		}
		return a.SameAs(b)
	}
	for i := 0; i < n; i++ {
		f, _ := goja.AssertFunction(steps.Get(strconv.Itoa(i)))
		if _, err := f(nil); err != nil {
			t.Fatal(i, err)
		}
		for _, name := range []string{"x", "y"} {
			o := vm.Get(name).(*goja.Object)
			for r := 0; r < 2; r++ { // (the second read goes through the memo)
				if got, want := c.Get(o), o.Get("m"); !same(got, want) {
					t.Errorf("step %d, %s, read %d: Get through the memo = %v, Get = %v", i, name, r, got, want)
				}
				if got, want := c.GetWith(o, memos[name], 0), o.Get("m"); !same(got, want) {
					t.Errorf("step %d, %s, read %d: GetWith = %v, Get = %v", i, name, r, got, want)
				}
				if got, want := c1.GetWith(o, memos[name], 1), o.Get("c1"); !same(got, want) {
					t.Errorf("step %d, %s, read %d: GetWith(c1) = %v, Get = %v", i, name, r, got, want)
				}
			}
		}
	}
	// Where nothing changes, reads after the first take the memo.
	// The memo leaves the names and their order as they were.
	_, err = vm.RunString(`class P { m() {} } class Q extends P { q() {} } class R extends Q {} var z = new R(); z.own = 1;
		Q.prototype[2] = 1; Q.prototype.b = 1; Q.prototype[1] = 1;
		var names = () => JSON.stringify([Object.getOwnPropertyNames(Q.prototype), Object.getOwnPropertyNames(R.prototype)]);
		var before = names();`)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if v, err := vm.RunString(`names() === before || names()`); err != nil || v.Export() != true {
			t.Errorf("own names after the memo: %v, before: %v (%v)", v, vm.Get("before"), err)
		}
	}()
	z := vm.Get("z").(*goja.Object)
	c2 := NewChainCache(NewKey("m"))
	c2.Get(z)
	if c2.start == nil || len(c2.links) != 2 || !c2.valid(getLayout()) {
		t.Fatalf("memo not made: start %v, %d links", c2.start, len(c2.links))
	}
	if got, want := c2.Get(z), z.Get("m"); !same(got, want) {
		t.Errorf("memo read %v, Get %v", got, want)
	}
	// Two keys in one OwnMemo, and two ChainCaches sharing links, keep each other's memos.
	var m OwnMemo
	c3 := NewChainCache(NewKey("q"))
	for r := 0; r < 3; r++ {
		c2.GetWith(z, &m, 0)
		c3.GetWith(z, &m, 1)
	}
	if m.absent != 3 || !c2.valid(getLayout()) || !c3.valid(getLayout()) {
		t.Errorf("memos: absent %b, valid %v %v", m.absent, c2.valid(getLayout()), c3.valid(getLayout()))
	}
	if _, err := vm.RunString(`z.m = 'own z'; z.q = 'own q'`); err != nil {
		t.Fatal(err)
	}
	if a, b := c2.GetWith(z, &m, 0), c3.GetWith(z, &m, 1); a.String() != "own z" || b.String() != "own q" {
		t.Errorf("after own properties: %v, %v", a, b)
	}
}
