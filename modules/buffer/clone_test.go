package buffer

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/dop251/goja"
)

// TestCloner checks that goja's structs are what the Cloner mirrors (a goja upgrade that
// changes them must show here, not as Buffers made by the slower constructor unnoticed), and
// that its Buffers behave as the constructor's through collections.
func TestCloner(t *testing.T) {
	vm := goja.New()
	tmpl, err := vm.RunString(`class B extends Uint8Array {}; new B(new ArrayBuffer(1))`)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCloner(tmpl.(*goja.Object))
	if c == nil {
		t.Fatal("no Cloner: goja's Object, typedArrayObject or arrayBufferObject changed (see clone.go)")
	}
	check, err := vm.RunString(`(function (b, n, fill) {
		if (!(b instanceof B) || !(b instanceof Uint8Array) || b.length !== n || b.byteOffset !== 0 ||
			b.buffer.byteLength !== n || !(b.buffer instanceof ArrayBuffer)) return 'shape';
		for (let i = 0; i < n; i++) if (b[i] !== fill) return 'byte ' + i;
		b.own = n; b.buffer.own = n;
		if (new Uint8Array(b.buffer)[0] !== fill) return 'view';
		return '';
	})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(check)
	for _, copied := range []bool{false, true} {
		clonerRun(t, vm, c, fn, tmpl.(*goja.Object), copied)
	}
}

// clonerRun makes 2000 Buffers with c.New, or c.NewCopy (copied: of every size class and past
// them), and checks them as they are made and, for those kept, after collections.
func clonerRun(t *testing.T, vm *goja.Runtime, c *Cloner, fn goja.Callable, tmpl *goja.Object, copied bool) {
	size := func(i int) int { return 1 + i%300 }
	if copied {
		size = func(i int) int { return 1 + i*7%(MaxInlineCopy+80) }
	}
	var kept []goja.Value
	for i := 0; i < 2000; i++ {
		n := size(i)
		data := bytes.Repeat([]byte{byte(i)}, n)
		var b goja.Value
		if copied {
			b = c.NewCopy(data)
			clear(data) // (a copy: the Buffer keeps its bytes)
		} else {
			b = c.New(data)
		}
		if i%7 == 0 {
			kept = append(kept, b)
		}
		if i%500 == 0 {
			runtime.GC()
		}
		r, err := fn(goja.Undefined(), b, vm.ToValue(n), vm.ToValue(byte(i)))
		if err != nil || r.String() != "" {
			t.Fatalf("buffer %d: %v %v", i, r, err)
		}
	}
	runtime.GC()
	for j, b := range kept {
		i := j * 7
		n := size(i)
		o := b.(*goja.Object)
		if o.Get("own").ToInteger() != int64(n) || o.Get("buffer").(*goja.Object).Get("own").ToInteger() != int64(n) {
			t.Fatalf("kept %d lost its properties", i)
		}
		if got := o.Export().([]byte); !bytes.Equal(got, bytes.Repeat([]byte{byte(i)}, n)) {
			t.Fatalf("kept %d: %v", i, got)
		}
	}
	if tmpl.Get("own") != nil {
		t.Fatal("the template got a copy's property")
	}
}
