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
