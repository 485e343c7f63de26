package url

import (
	"runtime"
	"testing"

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
}
