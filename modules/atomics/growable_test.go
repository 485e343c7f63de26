package atomics

import (
	"testing"

	"github.com/dop251/goja"
)

// resize and Sync reach into goja's ArrayBuffer object: this fails if goja's layout changes.
func TestResizeReachesGoja(t *testing.T) {
	vm := goja.New()
	mem := allocGrowable(4, 32)
	ab := vm.NewArrayBuffer(mem)
	if !resize(ab, mem[:12]) {
		t.Fatal("resize: goja's ArrayBuffer layout changed")
	}
	if n := len(ab.Bytes()); n != 12 {
		t.Fatalf("after resize: %d bytes, want 12", n)
	}
	if bufferAddr(ab) == nil || dataField(bufferAddr(ab)) == nil {
		t.Fatal("dataField: goja's ArrayBuffer layout changed")
	}
	vm.Set("ab", ab)
	v, err := vm.RunString("new Uint8Array(ab).length")
	if err != nil || v.ToInteger() != 12 {
		t.Fatalf("view over the resized buffer: %v %v", v, err)
	}
	if gi := growOf(mem); gi == nil || gi.max != 32 {
		t.Fatal("growOf does not find the memory")
	}
	if growOf(Alloc(8)) != nil {
		t.Fatal("a fixed-length buffer reported growable")
	}
}
