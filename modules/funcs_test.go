package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// SetRest's functions are registered on the first read or `in` test of a name not set, once, and
// then read as the others.
func TestLazyFuncsSetRest(t *testing.T) {
	vm := goja.New()
	lz := NewLazyFuncs(vm)
	lz.Set("early", func(goja.FunctionCall) goja.Value { return vm.ToValue(1) })
	runs := 0
	lz.SetRest(func() {
		runs++
		lz.Set("late", func(goja.FunctionCall) goja.Value { return vm.ToValue(2) })
	})
	b := vm.NewObject()
	_ = b.Set("own", 0)
	lz.Install(b)
	_ = vm.Set("b", b)
	v, err := vm.RunString(`[b.own, b.early()].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "0,1" || runs != 0 {
		t.Fatalf("got %q after %d runs, want 0,1 after none", got, runs)
	}
	v, err = vm.RunString(`['late' in b, b.late(), b.late === b.late, b.missing === undefined].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "true,2,true,true" || runs != 1 {
		t.Fatalf("got %q after %d runs, want true,2,true,true after 1", got, runs)
	}
}

// The accessors of DefineLazy and DefineLazyAccessor keep node's names, lengths and attributes
// with names shared across runtimes (made once per process): runtimes on several goroutines at
// once see the same shapes and their own values (go test -race checks the sharing).
func TestDefineLazyShapesAcrossRuntimes(t *testing.T) {
	const script = `(function () {
  const out = [];
  for (const k of ['lazy', 'kept', 'Ünïcode name']) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    out.push([k, d.get.name, d.get.length, d.set.name, d.set.length, d.enumerable, d.configurable,
      Object.getOwnPropertyNames(d.get).join(), Object.getOwnPropertyDescriptor(d.set, 'name').writable].join('|'));
  }
  out.push(o.lazy, o.kept, o['Ünïcode name']);
  out.push(typeof Object.getOwnPropertyDescriptor(o, 'lazy').value, typeof Object.getOwnPropertyDescriptor(o, 'kept').get);
  o.kept = 'set'; out.push(o.kept);
  out.push(named.name, named.length);
  return out.join('\n');
})()`
	const want = "lazy|get lazy|0|set lazy|1|true|true|length,name|false\n" +
		"kept|get kept|0|set kept|1|true|true|length,name|false\n" +
		"Ünïcode name|get Ünïcode name|0|set Ünïcode name|1|true|true|length,name|false\n" +
		"L7\nK7\nU7\nstring\nfunction\nset\nget [Symbol.species]\n2"
	errs := make(chan error, 8)
	results := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			vm := goja.New()
			o := vm.NewObject()
			DefineLazy(vm, o, "lazy", func() goja.Value { return vm.ToValue("L7") })
			DefineLazyAccessor(vm, o, "kept", func() goja.Value { return vm.ToValue("K7") })
			DefineLazy(vm, o, "Ünïcode name", func() goja.Value { return vm.ToValue("U7") })
			_ = vm.Set("o", o)
			_ = vm.Set("named", Func(vm, "get [Symbol.species]", 2, func(goja.FunctionCall) goja.Value { return nil }))
			v, err := vm.RunString(script)
			if err != nil {
				errs <- err
				return
			}
			results <- v.String()
		}(g)
	}
	for g := 0; g < 8; g++ {
		select {
		case err := <-errs:
			t.Fatal(err)
		case got := <-results:
			if got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
		}
	}
}
