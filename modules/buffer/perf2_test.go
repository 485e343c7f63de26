package buffer_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

func benchVariant(b *testing.B, def string) {
	vm, _ := buffertest.NewVM(b)
	vm.Set("goread", func(c goja.FunctionCall) goja.Value {
		bs := buffer.BytesOf(vm, c.This)
		o := int(c.Argument(0).ToInteger())
		return vm.ToValue(uint32(bs[o]) | uint32(bs[o+1])<<8 | uint32(bs[o+2])<<16 | uint32(bs[o+3])<<24)
	})
	if _, err := vm.RunString(`Buffer.prototype.rv = ` + def + `; var buf = Buffer.alloc(4096, 7);
	function loop(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + buf.rv((i & 1023) << 2)) | 0; return s; }`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := vm.RunString(`loop(` + itoa(b.N) + `)`); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkVariantB(b *testing.B) {
	benchVariant(b, `function (offset = 0) { if (typeof offset !== 'number') throw new TypeError('x');
	const first = this[offset]; const last = this[offset + 3];
	if (first === undefined || last === undefined) throw new RangeError('y');
	return first + this[offset + 1] * 256 + this[offset + 2] * 65536 + last * 16777216; }`)
}

func BenchmarkVariantC(b *testing.B) {
	benchVariant(b, `function (offset) { if (offset === undefined) offset = 0; else if (typeof offset !== 'number') throw new TypeError('x');
	const first = this[offset]; const last = this[offset + 3];
	if (first === undefined || last === undefined) throw new RangeError('y');
	return first + this[offset + 1] * 256 + this[offset + 2] * 65536 + last * 16777216; }`)
}

func BenchmarkVariantD(b *testing.B) {
	benchVariant(b, `goread`)
}

func BenchmarkVariantA(b *testing.B) {
	benchVariant(b, `Buffer.prototype.readUInt32LE`)
}
