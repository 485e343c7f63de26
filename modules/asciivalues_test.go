package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// TestASCIIBatch: the layout check passes on this goja, ASCII strings become JS strings equal
// to vm.ToValue's, the others are left to the caller, and a batch costs one allocation.
func TestASCIIBatch(t *testing.T) {
	if asciiTab() == nil {
		t.Fatal("asciiTab: goja's ASCII string is no longer what ASCIIBatch makes")
	}
	vm := goja.New()
	var b ASCIIBatch
	for _, s := range []string{"a", "", "ü", "x/y z", "a longer name than sixteen bytes.txt"} {
		v, ok := b.Value(s)
		switch {
		case s == "" || s == "ü":
			if ok || v != nil {
				t.Errorf("%q: made %v, want it left", s, v)
			}
		case !ok || !v.StrictEquals(vm.ToValue(s)) || v.String() != s:
			t.Errorf("%q: got %v", s, v)
		}
	}
	if n := testing.AllocsPerRun(10, func() {
		var b ASCIIBatch
		for i := 0; i < 300; i++ {
			b.Value("name")
		}
	}); n != 2 {
		t.Errorf("%v allocations for 300 strings, want 2 (batches of %d)", n, asciiBatch)
	}
	var small ASCIIBatch
	small.Expect(3)
	for _, s := range []string{"a", "b", "c"} {
		small.Value(s)
	}
	if cap(small.box) != 3 {
		t.Errorf("a batch of %d for 3 expected strings", cap(small.box))
	}
}
