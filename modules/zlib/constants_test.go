package zlib

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Without the runtime's lazy constants (an embedder's host), zlib.constants and the legacy
// constants are defined with node's attributes.
func TestConstantsDefinedWithoutLazy(t *testing.T) {
	vm := goja.New()
	h := &modules.Host{VM: vm}
	vm.Set("c", constantsObject(h))
	ex := vm.NewObject()
	defineLegacyConstants(vm, ex)
	vm.Set("ex", ex)
	v, err := vm.RunString(`[
		Object.keys(c).length, Object.keys(c)[0], Object.keys(c).at(-1), c.Z_MAX_CHUNK, c.ZLIB_VERNUM,
		JSON.stringify(Object.getOwnPropertyDescriptor(c, 'Z_FINISH')), Object.getPrototypeOf(c),
		Object.getOwnPropertyNames(ex).length, Object.getOwnPropertyNames(ex).some((k) => k.startsWith('BROTLI')),
		JSON.stringify(Object.getOwnPropertyDescriptor(ex, 'Z_FINISH')),
	].join(' ')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `107 Z_NO_FLUSH BROTLI_DECODER_ERROR_UNREACHABLE Infinity 4880 ` +
		`{"value":4,"writable":false,"enumerable":true,"configurable":false}  ` +
		`44 false {"value":4,"writable":false,"enumerable":false,"configurable":false}`
	if got := v.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
