package modules

import (
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

// TestDeepReadLayout fails when goja's layout moved so that PlainRecord and DenseElements
// decline everything (correct, but assert's deep equality takes its slow path): update
// probeDeepLayout.
func TestDeepReadLayout(t *testing.T) {
	if !deepLayout().ok {
		t.Fatal("the probe of goja's array and symbol storage failed")
	}
}

// TestPlainRecordDenseElements checks which values the two readers take and what they read.
func TestPlainRecordDenseElements(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`
		class A { constructor() { this.a = 1; } }
		class S { [Symbol.iterator]() {} }
		const hidden = { x: 1 }; Object.defineProperty(hidden, 'h', { value: 2, enumerable: false });
		const holes = [1, 2]; delete holes[0];
		const named = [1]; named.k = 2;
		const sym = [1]; sym[Symbol.for('s')] = 1;
		const shrunk = [1, 2, 3]; shrunk.length = 2;
		const shrunkHole = [1, 2, 3]; shrunkHole.length = 2; delete shrunkHole[0];
		const refilled = [1, 2, 3, 4]; refilled.length = 1; refilled.push(5);
		const g = { get a() { return 1; } };
		[{ b: 2, a: 'x' }, Object.assign(Object.create(null), { n: null }), new A(), new S(),
		 { [Symbol.for('s')]: 1 }, hidden, g, new Error('e'), { 1: 'x' },
		 [1, 'two', { three: 3 }], [], holes, named, sym, shrunk, new Proxy({}, {}), new Uint8Array(1), refilled, shrunkHole]`)
	if err != nil {
		t.Fatal(err)
	}
	all := v.(*goja.Object)
	at := func(i int) *goja.Object { return all.Get(strconv.Itoa(i)).(*goja.Object) }
	objProto := vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
	plain := map[int]string{0: "b,a", 1: "n", 2: "a"}
	for i := 0; i < 19; i++ {
		keys, vals, ok := PlainRecord(at(i), objProto)
		want, wantOK := plain[i]
		if ok != wantOK {
			t.Errorf("PlainRecord(#%d): ok %v, want %v", i, ok, wantOK)
			continue
		}
		if ok {
			got := ""
			for j, k := range keys {
				if j > 0 {
					got += ","
				}
				got += k
				if !vals[j].SameAs(at(i).Get(k)) {
					t.Errorf("PlainRecord(#%d): %s read as %v", i, k, vals[j])
				}
			}
			if got != want {
				t.Errorf("PlainRecord(#%d): keys %s, want %s", i, got, want)
			}
		}
	}
	dense := map[int]int{9: 3, 10: 0, 14: 2, 17: 2}
	for i := 0; i < 19; i++ {
		els, ok := DenseElements(at(i))
		n, wantOK := dense[i]
		if ok != wantOK || len(els) != n {
			t.Errorf("DenseElements(#%d): %d elements, ok %v; want %d, %v", i, len(els), ok, n, wantOK)
			continue
		}
		for j, e := range els {
			if !e.SameAs(at(i).Get(strconv.Itoa(j))) {
				t.Errorf("DenseElements(#%d)[%d] = %v", i, j, e)
			}
		}
	}
}

// TestNamedKeys checks that an array's or a typed array's named keys are read without its
// indexes, and which objects are declined.
func TestNamedKeys(t *testing.T) {
	if deepLayout().taTab == nil {
		t.Error("the probe of goja's typed arrays failed: their keys are all listed")
	}
	vm := goja.New()
	v, err := vm.RunString(`
		const a = [1, 2, 3]; a.x = 1; a.y = 2;
		const ta = new Float64Array(5); ta.z = 1;
		const hidden = [1]; Object.defineProperty(hidden, 'h', { value: 1, enumerable: false });
		[a, ta, [], new Uint8Array(2), hidden, { k: 1 }]`)
	if err != nil {
		t.Fatal(err)
	}
	all := v.(*goja.Object)
	for i, want := range []string{"x,y", "z", "", "", "-", "-"} {
		keys, ok := NamedKeys(all.Get(strconv.Itoa(i)).(*goja.Object))
		got := "-"
		if ok {
			got = ""
			for j, k := range keys {
				if j > 0 {
					got += ","
				}
				got += k
			}
		}
		if got != want {
			t.Errorf("NamedKeys(#%d) = %q, want %q", i, got, want)
		}
	}
}
