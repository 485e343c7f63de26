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
