package eventloop

import (
	"testing"

	"github.com/dop251/goja"
)

// The batching of callbacks depends on seeing goja's promise job queue; a goja upgrade that
// moves it must fail here rather than silently give every callback its own frame.
func TestJobQueueProbe(t *testing.T) {
	if !jobsProbe() {
		t.Fatal("goja.Runtime has no jobQueue []func() field")
	}
	vm := goja.New()
	var seen []bool
	vm.Set("probe", func() { seen = append(seen, jobsPending(vm)) })
	if _, err := vm.RunString(`probe(); Promise.resolve().then(() => probe()); probe();`); err != nil {
		t.Fatal(err)
	}
	want := []bool{false, true, false}
	if len(seen) != len(want) {
		t.Fatalf("probes = %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("probes = %v, want %v", seen, want)
		}
	}
}
