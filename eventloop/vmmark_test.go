package eventloop

import (
	"testing"

	"github.com/dop251/goja"
)

// The probe of vmmark.go finds goja's fields: if a goja upgrade moves them, marks go invalid and
// a stack overflow is uncatchable again, which this test says.
func TestVMMarkProbe(t *testing.T) {
	if !vmLayout().ok {
		t.Fatal("goja's vm layout changed: sp, tryStack or callStack not found (see vmmark.go)")
	}
	if m := Mark(goja.New()); !m.ok || m.try != 0 || m.call != 0 {
		t.Fatalf("mark outside JS = %+v, want valid and empty", m)
	}
}

func TestCallDepth(t *testing.T) {
	vm := goja.New()
	var depths []int
	vm.Set("depth", func() {
		d, ok := CallDepth(vm)
		if ok {
			depths = append(depths, d)
		}
	})
	if _, err := vm.RunString(`function f(n) { depth(); if (n > 0) f(n - 1); } f(3);`); err != nil {
		t.Fatal(err)
	}
	if len(depths) != 4 {
		t.Fatalf("depths = %v", depths)
	}
	for i := 1; i < len(depths); i++ {
		if depths[i] != depths[i-1]+1 {
			t.Fatalf("depths = %v, want one more frame per call", depths)
		}
	}
}
