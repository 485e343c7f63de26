package modules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestFastGetLayout fails when goja's layout moved so that GetKey always takes the public Get
// (correct, but every hot path that uses it slows down): update the probe in fastget.go.
func TestFastGetLayout(t *testing.T) {
	if !getLayout().ok {
		t.Fatal("GetKey's probe of goja's object layout failed")
	}
	if getLayout().tmplTab == nil {
		t.Error("GetKey's probe of goja's templated objects failed: reads through them take Get")
	}
}

func TestGetKey(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`
		class A { m() { return 1; } get g() { return this.x; } }
		class B extends A {}
		const b = new B(); b.x = 7; b.own = 'o';
		const p = new Proxy({ viaProxy: 5 }, {});
		const c = Object.create(p); c.mine = 1;
		const n = Object.create(null); n.k = undefined;
		const arr = [1, 2];
		Object.defineProperty(b, 'ro', { value: 9, writable: false });
		[b, c, n, arr, Object.freeze({ f: 1 })]`)
	if err != nil {
		t.Fatal(err)
	}
	objs := v.Export().([]any)
	// The plain-object walk answers these itself (a class method is a non-enumerable
	// valueProperty; ro a read-only one).
	b := v.(*goja.Object).Get("0").(*goja.Object)
	for _, name := range []string{"m", "x", "own", "ro", "constructor"} {
		if _, ok := getKeyFast(getLayout(), b, NewKey(name), nil); !ok {
			t.Errorf("getKeyFast(%q) fell back to Get", name)
		}
	}
	if _, ok := getKeyFast(getLayout(), b, NewKey("g"), nil); ok {
		t.Error("getKeyFast answered for an accessor")
	}
	names := []string{"m", "g", "x", "own", "ro", "viaProxy", "mine", "k", "length", "0", "f", "missing", "toString", "constructor", "__proto__"}
	for i := range objs {
		o := v.(*goja.Object).Get(string(rune('0' + i))).(*goja.Object)
		for _, name := range names {
			got, want := GetKey(o, NewKey(name)), o.Get(name)
			if got != want && (got == nil || want == nil || !got.SameAs(want)) {
				t.Errorf("object %d: GetKey(%q) = %v, Get = %v", i, name, got, want)
			}
		}
	}
}

// TestPeekKey: PeekKey answers as Get where no JS can run, and reads nothing (the getter and the
// trap are not called) where it could.
func TestPeekKey(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`
		globalThis.calls = 0;
		class A { m() {} get g() { calls++; return 1; } }
		const a = new A(); a.x = 1; a.u = undefined;
		const p = Object.create(new Proxy({}, { get() { calls++; return 2; } })); p.own = 3;
		[a, p]`)
	if err != nil {
		t.Fatal(err)
	}
	a := v.(*goja.Object).Get("0").(*goja.Object)
	p := v.(*goja.Object).Get("1").(*goja.Object)
	for _, name := range []string{"m", "x", "u", "constructor"} {
		got, ok := PeekKey(a, NewKey(name))
		if want := a.Get(name); !ok || got != want && (got == nil || want == nil || !got.SameAs(want)) {
			t.Errorf("PeekKey(a, %q) = %v, %v; Get = %v", name, got, ok, want)
		}
	}
	if got, ok := PeekKey(p, NewKey("own")); !ok || got.ToInteger() != 3 {
		t.Errorf("PeekKey(p, own) = %v, %v", got, ok)
	}
	for _, c := range []struct {
		o    *goja.Object
		name string
	}{{a, "g"}, {p, "viaTrap"}} {
		if got, ok := PeekKey(c.o, NewKey(c.name)); ok || got != nil {
			t.Errorf("PeekKey(%q) = %v, %v; want nothing read", c.name, got, ok)
		}
	}
	if n := vm.Get("calls").ToInteger(); n != 0 {
		t.Errorf("PeekKey ran JS %d times", n)
	}
}

func TestIsJSFunction(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`[function() {}, () => 1, { m() {} }.m, Math.max, function() {}.bind(null),
		class {}, async function() {}, function*() {}, {}]`)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, true, false, false, false, false, false, false}
	for i, w := range want {
		if got := IsJSFunction(v.(*goja.Object).Get(string(rune('0' + i)))); got != w {
			t.Errorf("%d: IsJSFunction = %v, want %v", i, got, w)
		}
	}
}

// TestPlainOwnKeys checks PlainOwnKeys against Keys() on the objects it lists, that it declines
// the others, and that listing allocates nothing beyond the caller's slice.
func TestPlainOwnKeys(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`
		const del = { x: 1, y: 2, z: 3 }; delete del.y; del.y = 5;
		const inh = Object.create({ inherited: 1 }); inh.own = 1;
		const ro = { a: 1 }; Object.defineProperty(ro, 'h', { value: 1 });
		const acc = { get g() { return 1; }, p: 1 };
		[{ b: 1, a: 2, c: 3 }, del, inh, {}, { 2: 'i', b: 1 }, ro, acc, [1], { 'é': 1 }, new Map()]`)
	if err != nil {
		t.Fatal(err)
	}
	list := v.(*goja.Object)
	for i, wantFast := range []bool{true, true, true, true, false, false, false, false, false, false} {
		o := list.Get(strconv.Itoa(i)).(*goja.Object)
		got, fast := PlainOwnKeys(o, []string{"before"})
		if fast != wantFast {
			t.Fatalf("object %d: fast %v", i, fast)
		}
		if !fast {
			if len(got) != 1 {
				t.Fatalf("object %d: declined but appended %q", i, got)
			}
			continue
		}
		if want := append([]string{"before"}, o.Keys()...); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("object %d: %q, Keys() %q", i, got, want)
		}
	}
	o := list.Get("0").(*goja.Object)
	keys := make([]string, 0, 8)
	if allocs := testing.AllocsPerRun(100, func() { keys, _ = PlainOwnKeys(o, keys[:0]) }); allocs != 0 {
		t.Fatalf("%v allocations per listing", allocs)
	}
}

// TestSetKey checks SetKey against Set: own plain properties are written in place, the rest
// (read-only, accessors, new names meeting a setter or a read-only property up the chain)
// behave as Set.
func TestSetKey(t *testing.T) {
	vm := goja.New()
	getLayout()
	v, err := vm.RunString(`
		const log = [];
		const proto = { set viaSetter(x) { log.push(x); } };
		Object.defineProperty(proto, 'roUp', { value: 1, writable: false });
		const o = Object.create(proto); o.own = 1;
		Object.defineProperty(o, 'ro', { value: 2, writable: false });
		Object.defineProperty(o, 'acc', { get() { return 3; }, set(x) { log.push('acc' + x); } });
		const frozen = Object.freeze({ f: 1 });
		[o, frozen, log]`)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*goja.Object)
	o, frozen := arr.Get("0").(*goja.Object), arr.Get("1").(*goja.Object)
	seven := vm.ToValue(7)
	// (Set is a strict-mode assignment: a read-only property throws.)
	for _, c := range []struct {
		o     *goja.Object
		name  string
		throw bool
	}{{o, "own", false}, {o, "ro", true}, {o, "acc", false}, {o, "viaSetter", false}, {o, "roUp", true}, {o, "fresh", false}, {frozen, "f", true}} {
		if err := SetKey(c.o, NewKey(c.name), seven); (err != nil) != c.throw {
			t.Errorf("SetKey(%q): %v", c.name, err)
		}
	}
	got, err := vm.RunString(`JSON.stringify([o.own, o.ro, o.acc, o.fresh, Object.keys(o), log, frozen.f, o.roUp])`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `[7,2,3,7,["own","fresh"],["acc7",7],1,1]`; got.String() != want {
		t.Errorf("after SetKey: %s, want %s", got, want)
	}
}

// TestKeyCache changes, step by step, the objects a cached read walks through and checks
// every read of a KeyCache against Get.
func TestKeyCache(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`
		const base = {};
		for (let i = 0; i < 12; i++) base['f' + i] = i; // (a map, not a name list)
		Object.defineProperty(base, 'd', { value: 1, writable: true, enumerable: true });
		Object.defineProperty(base, 'u', { writable: true });
		const mid = Object.create(base);
		for (let i = 0; i < 12; i++) mid['g' + i] = i;
		const o = Object.create(mid);
		const other = { d: 'other' };
		const steps = [
			() => {},
			() => { base.d = 2; },
			() => { 'use strict'; try { delete base.d; } catch (e) {} },
			() => { Object.defineProperty(base, 'd', { value: 3 }); },
			() => { mid.d = 'mid'; },
			() => { delete mid.d; },
			() => { o.d = 'own'; },
			() => { delete o.d; },
			() => { Object.freeze(base); },
			() => { Object.setPrototypeOf(o, other); },
			() => { Object.setPrototypeOf(o, mid); },
		];
		[o, steps]`)
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*goja.Object).Get("0").(*goja.Object)
	steps := v.(*goja.Object).Get("1").(*goja.Object)
	var c KeyCache
	kd, ku, kf := NewKey("d"), NewKey("u"), NewKey("f3")
	for i := 0; i < int(steps.Get("length").ToInteger()); i++ {
		fn, _ := goja.AssertFunction(steps.Get(strconv.Itoa(i)))
		if _, err := fn(goja.Undefined()); err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 2; round++ { // (the first read of a step may fill the cache)
			for _, k := range []Key{kd, ku, kf} {
				got, want := c.Get(o, k), o.Get(k.String())
				if (got == nil) != (want == nil) || got != nil && !got.SameAs(want) {
					t.Errorf("step %d: KeyCache.Get(%q) = %v, Get = %v", i, k.String(), got, want)
				}
			}
		}
	}
	if len(c.hits) <= int(kd.id) || c.hits[kd.id].holder == nil {
		t.Error("the non-configurable property was not cached")
	}
}

// TestKeyCacheFunctionPrototype: a plain function's prototype is read through the cache (it is
// non-configurable), and an assignment to it is seen.
func TestKeyCacheFunctionPrototype(t *testing.T) {
	if getLayout().funcTab == nil {
		t.Fatal("the probe did not find goja's function layout")
	}
	vm := goja.New()
	v, err := vm.RunString(`function F() {} F`)
	if err != nil {
		t.Fatal(err)
	}
	f := v.(*goja.Object)
	var c KeyCache
	k := NewKey("prototype")
	for i, src := range []string{``, `F.prototype = { x: 1 }`, `Object.defineProperty(F, 'prototype', { value: [] })`, `F.prototype = 5`} {
		if _, err := vm.RunString(src); err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 2; round++ {
			if got, want := c.Get(f, k), f.Get("prototype"); got == nil || !got.SameAs(want) {
				t.Errorf("step %d: KeyCache.Get = %v, Get = %v", i, got, want)
			}
		}
	}
	if got := c.Get(f, NewKey("name")); got == nil || got.String() != "F" {
		t.Errorf("name: %v", got)
	}
}

// TestAddOwn compares KeyCache.AddOwn with goja's Set on twin objects: the same keys in the same
// order, the same descriptors, the same errors, over chains that hold the name nowhere, as a
// writable or read-only data property (also through the memo), as a setter, past an object
// GetKey does not walk, on a non-extensible object, one that owns the name, one whose name
// list an unfinished for-in has marked for copy, and a chain that ends in null.
func TestAddOwn(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`(function() {
		'use strict';
		const mk = () => {
			const base = { w: 1 };
			Object.defineProperty(base, 'ro', { value: 1, writable: false });
			Object.defineProperty(base, 'fixed', { value: 1, writable: true });
			Object.defineProperty(base, 'acc', { set(v) { this.seen = v; }, configurable: true });
			const mid = Object.create(base);
			for (let i = 0; i < 12; i++) mid['m' + i] = i;
			const cases = [];
			const plain = () => { const o = Object.create(mid); o.a = 1; o.b = 2; return o; };
			cases.push(plain(), plain(), plain(), plain(), plain(), plain());
			const ne = plain(); Object.preventExtensions(ne); cases.push(ne);
			const own = plain(); own.w = 5; cases.push(own);
			const viaProxy = Object.create(new Proxy({}, {})); viaProxy.a = 1; cases.push(viaProxy);
			const marked = plain(); for (const k in marked) { break; } cases.push(marked);
			const big = plain(); for (let i = 0; i < 10; i++) big['o' + i] = i; cases.push(big);
			const nul = Object.create(Object.create(null)); nul.a = 1; cases.push(nul);
			return cases;
		};
		return [mk(), mk()];
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	arr := func(o goja.Value) []*goja.Object {
		var out []*goja.Object
		ao := o.(*goja.Object)
		for i := 0; i < int(ao.Get("length").ToInteger()); i++ {
			out = append(out, ao.Get(strconv.Itoa(i)).(*goja.Object))
		}
		return out
	}
	fast, slow := arr(v.(*goja.Object).Get("0")), arr(v.(*goja.Object).Get("1"))
	names := []string{"w", "nowhere", "ro", "fixed", "acc", "w", "nowhere", "w", "nowhere", "nowhere", "nowhere", "nowhere"}
	var c KeyCache
	// The memo learns fixed (a non-configurable data property) from a read first.
	kFixed := NewKey("fixed")
	c.Get(fast[3], kFixed)
	keys := map[string]Key{"fixed": kFixed}
	show, err := vm.RunString(`(o) => JSON.stringify([Reflect.ownKeys(o), Object.getOwnPropertyDescriptors(o), Object.isExtensible(o), o.seen])`)
	if err != nil {
		t.Fatal(err)
	}
	showFn, _ := goja.AssertFunction(show)
	for i := range fast {
		name := names[i]
		k, ok := keys[name]
		if !ok {
			k = NewKey(name)
			keys[name] = k
		}
		fo, so := fast[i], slow[i]
		val := vm.ToValue(42)
		ferr := c.AddOwn(fo, k, val)
		serr := so.Set(name, val)
		if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
			t.Errorf("case %d (%s): AddOwn error %v, Set error %v", i, name, ferr, serr)
		}
		fs, _ := showFn(goja.Undefined(), fo)
		ss, _ := showFn(goja.Undefined(), so)
		if fs.String() != ss.String() {
			t.Errorf("case %d (%s): AddOwn made %s, Set %s", i, name, fs, ss)
		}
		// goja keeps working on it: a later addition and deletion list as Set's do.
		fo.Set("later", 1)
		so.Set("later", 1)
		fo.Delete("a")
		so.Delete("a")
		fs, _ = showFn(goja.Undefined(), fo)
		ss, _ = showFn(goja.Undefined(), so)
		if fs.String() != ss.String() {
			t.Errorf("case %d (%s) after more changes: %s, Set's %s", i, name, fs, ss)
		}
	}
}

// TestGetSym: GetSym's layout probe works, and GetSym answers as GetSymbol over own, inherited,
// read-only, accessor, deleted, missing and well-known symbols and a chain through an object
// that is not plain.
func TestGetSym(t *testing.T) {
	if symLayout() == nil {
		t.Fatal("GetSym's probe of goja's symbol tables failed: every read takes GetSymbol")
	}
	vm := goja.New()
	v, err := vm.RunString(`(function() {
		const a = Symbol('a'), b = Symbol('b'), c = Symbol('c'), d = Symbol('d'), e = Symbol('e');
		let seen = 0;
		const proto = { [a]: 1 };
		Object.defineProperty(proto, b, { value: 2, writable: false });
		Object.defineProperty(proto, c, { get() { return ++seen; } });
		const o = Object.create(proto);
		o[d] = 4; o[e] = 5; delete o[e];
		const viaArr = Object.create([]); viaArr[d] = 1;
		const viaProxy = Object.create(new Proxy(proto, {}));
		return [[o, viaArr, viaProxy, Object.create(null)], [a, b, c, d, e, Symbol.iterator, Symbol('missing')]];
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	pair := v.(*goja.Object)
	objs, syms := pair.Get("0").(*goja.Object), pair.Get("1").(*goja.Object)
	for i := 0; i < 4; i++ {
		o := objs.Get(strconv.Itoa(i)).(*goja.Object)
		for j := 0; j < 7; j++ {
			s := syms.Get(strconv.Itoa(j)).(*goja.Symbol)
			got := GetSym(o, s)
			want := o.GetSymbol(s)
			if j == 2 && (i == 0 || i == 2) { // the getter counts its calls: GetSym called it once, as GetSymbol did
				if got == nil || want == nil || got.ToInteger()+1 != want.ToInteger() {
					t.Errorf("object %d, accessor: GetSym %v, GetSymbol %v", i, got, want)
				}
				continue
			}
			if got != want && (got == nil || want == nil || !got.SameAs(want)) {
				t.Errorf("object %d, symbol %d: GetSym %v, GetSymbol %v", i, j, got, want)
			}
		}
	}
}
