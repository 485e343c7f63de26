package url

import (
	"runtime"
	"testing"
	"weak"

	"github.com/dop251/goja"
)

// TestRegistry checks that the registry finds live objects' state, none for other objects, and
// drops the entries of collected objects when it sweeps.
func TestRegistry(t *testing.T) {
	vm := goja.New()
	var r registry
	keep := make([]*goja.Object, 0, 100)
	for i := 0; i < 5000; i++ {
		o := vm.NewObject()
		r.put(o, i)
		if i%50 == 0 {
			keep = append(keep, o)
		}
	}
	if r.get(vm.NewObject()) != nil {
		t.Fatal("a new object has a state")
	}
	runtime.GC()
	runtime.GC()
	r.collect()
	if r.len() > 2*len(keep) {
		t.Errorf("%d entries after collecting, %d objects live", r.len(), len(keep))
	}
	for j, o := range keep {
		if got := r.get(o); got != j*50 {
			t.Errorf("object %d: state %v", j*50, got)
		}
	}
	// lookups between puts see the entries put since the index was made
	for i := 0; i < 3000; i++ {
		o := vm.NewObject()
		r.put(o, -i)
		if got := r.get(o); got != -i {
			t.Fatalf("new object %d: state %v", i, got)
		}
		if got := r.get(keep[i%len(keep)]); got != i%len(keep)*50 {
			t.Fatalf("kept object %d: state %v", i%len(keep)*50, got)
		}
	}
}

// TestURLObjectsCollected checks that a URL and its URLSearchParams (whose state reaches the
// URL's) are collected once the script drops them: no registry entry keeps either alive.
func TestURLObjectsCollected(t *testing.T) {
	vm := goja.New()
	st := &objects{vm: vm, bases: &baseCache{}, empty: vm.ToValue("")}
	vm.Set("URL", st.newConstructor())
	st.paramsProto = vm.NewObject()
	st.installParams(st.paramsProto)
	st.install(st.urlProto)
	mk, err := vm.RunString(`(s) => { const u = new URL(s); const p = u.searchParams; p.append('x', 'y'); return [u, p]; }`)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := goja.AssertFunction(mk)
	var urls, params []weak.Pointer[byte]
	for i := 0; i < 200; i++ {
		v, err := f(goja.Undefined(), vm.ToValue("http://h/p?a="+itoa(i)))
		if err != nil {
			t.Fatal(err)
		}
		pair := v.(*goja.Object)
		u, p := pair.Get("0").(*goja.Object), pair.Get("1").(*goja.Object)
		if got := st.value(st.this(u), cSearch).String(); got != "?a="+itoa(i)+"&x=y" {
			t.Fatalf("search %q", got)
		}
		urls = append(urls, weak.Make(impl(u)))
		params = append(params, weak.Make(impl(p)))
	}
	st.lastObj, st.lastURL, st.lastPObj, st.lastP = nil, nil, nil, nil
	// a dead URL's entry holds its URLSearchParams until a sweep drops the entry
	runtime.GC()
	st.reg.collect()
	runtime.GC()
	live := func(ps []weak.Pointer[byte]) (n int) {
		for _, p := range ps {
			if p.Value() != nil {
				n++
			}
		}
		return n
	}
	if n, m := live(urls), live(params); n > 10 || m > 10 {
		t.Errorf("of 200, %d URLs and %d URLSearchParams still live", n, m)
	}
	runtime.KeepAlive(vm)
}
