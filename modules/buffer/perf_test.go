package buffer_test

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

func BenchmarkJSReadUInt32LE(b *testing.B) {
	vm, _ := buffertest.NewVM(b)
	if _, err := vm.RunString(`var buf = Buffer.alloc(4096, 7); function loop(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + buf.readUInt32LE((i & 1023) << 2)) | 0; return s; }`); err != nil {
		b.Fatal(err)
	}
	loop, _ := vm.Get("loop").Export().(func(int) int)
	_ = loop
	b.ResetTimer()
	if _, err := vm.RunString(`loop(` + itoa(b.N) + `)`); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkJSConcat10k(b *testing.B) {
	vm, _ := buffertest.NewVM(b)
	if _, err := vm.RunString(`var list = []; for (let i = 0; i < 10000; i++) list.push(Buffer.from('hello world ' + i));`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := vm.RunString(`for (let i = 0; i < ` + itoa(b.N) + `; i++) Buffer.concat(list);`); err != nil {
		b.Fatal(err)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func BenchmarkBareGojaRead32(b *testing.B) {
	vm, _ := buffertest.NewVM(b)
	if _, err := vm.RunString(`var u = new Uint8Array(4096).fill(7); function rd(o) { return u[o] + u[o + 1] * 256 + u[o + 2] * 65536 + u[o + 3] * 16777216; }
	function loop(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + rd((i & 1023) << 2)) | 0; return s; }`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := vm.RunString(`loop(` + itoa(b.N) + `)`); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkBareGojaLoop(b *testing.B) {
	vm, _ := buffertest.NewVM(b)
	if _, err := vm.RunString(`function rd(o) { return o; }
	function loop(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + rd((i & 1023) << 2)) | 0; return s; }`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := vm.RunString(`loop(` + itoa(b.N) + `)`); err != nil {
		b.Fatal(err)
	}
}
