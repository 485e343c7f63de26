package atomics

import (
	"testing"

	"github.com/dop251/goja"
)

// Views made before a shrink keep working (no Go panic past the new end), new views see the new
// length, memory is shared both ways, and growing past the first allocation moves every slice.
func TestResizableArrayBufferViews(t *testing.T) {
	vm := goja.New()
	if err := InstallResizableArrayBuffer(vm); err != nil {
		t.Fatal(err)
	}
	v, err := vm.RunString(`
		const ab = new ArrayBuffer(8, { maxByteLength: 1 << 20 });
		const before = new Uint8Array(ab);
		before[7] = 9;
		ab.resize(2);
		const out = [ab.byteLength, before.length, before[7], new Uint8Array(ab).length];
		before[1] = 5;
		out.push(new Uint8Array(ab)[1]);
		ab.resize(300000); // past the first allocation: the memory moves
		const after = new Uint8Array(ab);
		before[0] = 3;
		out.push(after[0], after[1], after[7], after.length, ab.resizable, ab.maxByteLength);
		ab.resize(0);
		out.push(before[0], after[299999], ab.byteLength);
		out.join(',');
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), "2,8,0,2,5,3,5,0,300000,true,1048576,0,0,0"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
