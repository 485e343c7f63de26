package eventloop

import (
	"testing"

	"github.com/dop251/goja"
)

func TestStackReuseProbe(t *testing.T) {
	if !stackLayout.ok {
		t.Fatal("goja's vm layout changed: stack or sp not found (see stackreuse.go)")
	}
	vm := goja.New()
	var caps []int
	vm.Set("probe", func() {
		p, sp := vmStack(vm)
		if sp <= 0 || sp > len(*p) {
			t.Errorf("sp = %d, stack length %d", sp, len(*p))
		}
		caps = append(caps, cap(*p))
	})
	if _, err := vm.RunString(`probe()`); err != nil {
		t.Fatal(err)
	}
	if p, _ := vmStack(vm); cap(*p) != 0 || len(caps) != 1 || caps[0] == 0 {
		t.Fatalf("stack after the call: cap %d, seen in it %v (goja no longer drops it at leave?)", cap(*p), caps)
	}
}

// Each task's trampoline run starts on the stack the one before used (as deep as it grew), with
// nothing of that task's left in it.
func TestStackReuseAcrossTasks(t *testing.T) {
	h := newHarness(t)
	var caps []int
	var stale int
	h.vm.Set("probe", func() {
		p, sp := vmStack(h.vm)
		caps = append(caps, cap(*p))
		for _, v := range (*p)[sp:cap(*p)] {
			if v != nil {
				stale++
			}
		}
	})
	h.run(t, `
		function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
		setTimeout(() => { deep(200); }, 0);
		setTimeout(() => { probe(); setImmediate(() => probe()); }, 0);
		setTimeout(() => Promise.resolve().then(() => probe()), 5);
	`)
	if len(caps) != 3 {
		t.Fatalf("probes = %v", caps)
	}
	for _, c := range caps {
		if c < 200 {
			t.Errorf("stack capacities %v: a task's run did not start on the kept stack", caps)
			break
		}
	}
	if stale != 0 {
		t.Errorf("%d stale values above the stack's top", stale)
	}
	if h.l.stack == nil {
		t.Error("no stack kept after the last run")
	}
}
