package buffer_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

func TestGoHelpers(t *testing.T) {
	h, out := buffertest.NewHost(t)
	vm := h.VM
	data := []byte("h\xc3\xa9llo")
	b := buffer.New(h, data)
	vm.Set("b", b)
	vm.Set("check", func(c goja.FunctionCall) goja.Value {
		got := buffer.BytesOf(vm, c.Argument(0))
		got[0] = 'H' // shared memory
		return vm.ToValue(len(got))
	})
	if _, err := vm.RunString(`print(Buffer.isBuffer(b), b.toString(), check(b.subarray(1)), b.toString(), check(b.buffer))`); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "true héllo 5 hH\ufffdllo 6\n"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if data[0] != 'H' || data[1] != 'H' {
		t.Errorf("memory not shared: %q", data)
	}
	for name, want := range map[string]buffer.Encoding{"UTF-8": buffer.UTF8, "ucs2": buffer.UTF16LE, "Binary": buffer.Latin1, "base64url": buffer.Base64URL} {
		if e, ok := buffer.LookupEncoding(name); !ok || e != want {
			t.Errorf("LookupEncoding(%q) = %v, %v", name, e, ok)
		}
	}
	if _, ok := buffer.LookupEncoding("utf9"); ok {
		t.Error("utf9 accepted")
	}
	if s := buffer.Decode([]byte{0xe2, 0x82, 0xac}, buffer.UTF8).String(); s != "€" {
		t.Errorf("Decode = %q", s)
	}
	if e := buffer.Encode(vm.ToValue("aGk="), buffer.Base64); string(e) != "hi" {
		t.Errorf("Encode = %q", e)
	}
	if buffer.BytesOf(vm, vm.ToValue(5)) != nil {
		t.Error("BytesOf(5) not nil")
	}
}
