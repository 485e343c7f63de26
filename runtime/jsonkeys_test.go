package runtime

import (
	"testing"

	"github.com/dop251/goja"
)

// TestJSONKeysLayout guards jsonOwnKeys's reading of goja's structs: when a goja upgrade moves
// them, the probe turns the fast listing off (JSON.stringify still works, through Keys()), and
// this test says so.
func TestJSONKeysLayout(t *testing.T) {
	vm := goja.New()
	l := jsonKeysLayoutGet(vm)
	if !l.ok {
		t.Fatal("jsonOwnKeys's layout probe failed: goja's baseObject changed")
	}
	v, err := vm.RunString(`({ message: 'Hello', items: [1, 2, 3], ok: true })`)
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*goja.Object)
	var keys []string
	allocs := testing.AllocsPerRun(100, func() { keys, _ = jsonOwnKeys(l, o, keys[:0]) })
	if got, _ := jsonOwnKeys(l, o, nil); len(got) != 3 || got[0] != "message" || got[2] != "ok" {
		t.Fatalf("keys %q", got)
	}
	if allocs != 0 {
		t.Fatalf("%v allocations per listing", allocs)
	}
}
