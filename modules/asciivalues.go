package modules

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// ASCIIBatch makes JS strings of many Go strings with one allocation per asciiBatch of them:
// vm.ToValue(s) costs two per string (boxing s into an interface, then goja's string value
// into another). Its values are goja's ASCII string values (asciiString, whose data is a Go
// string) pointing into one array of Go strings. Strings are values, so sharing the array
// changes nothing a program can see; a value kept alive keeps its batch's headers
// (asciiBatch*16 bytes) alive. The zero ASCIIBatch is ready. Any goroutine (one at a time; the
// values are then the loop's).
type ASCIIBatch struct {
	box  []string
	left int // (Expect)
}

// Expect says about how many more strings b will be given, so that a batch is no larger.
func (b *ASCIIBatch) Expect(n int) { b.left = n }

const asciiBatch = 256

// Value is s as a JS string, equal to vm.ToValue(s); ok false (and nil): s is empty or not ASCII
// only, or goja's ASCII string is not what asciiTab checked, and the caller converts it.
func (b *ASCIIBatch) Value(s string) (v goja.Value, ok bool) {
	tab := asciiTab()
	if tab == nil || s == "" || !isASCII(s) {
		return nil, false
	}
	return b.value(tab, s), true
}

func (b *ASCIIBatch) value(tab unsafe.Pointer, s string) (v goja.Value) {
	if len(b.box) == cap(b.box) {
		n := asciiBatch
		if b.left > 0 {
			n = min(n, b.left)
		}
		b.box = make([]string, 0, n)
	}
	b.box = append(b.box, s)
	b.left--
	*(*ifaceWords)(unsafe.Pointer(&v)) = ifaceWords{tab: tab, data: unsafe.Pointer(&b.box[len(b.box)-1])}
	return v
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiTab is the itab of goja's ASCII string type as a goja.Value, when that type is a Go
// string whose values behave as vm.ToValue's (checked once per process); else nil.
var asciiTab = sync.OnceValue(func() (tab unsafe.Pointer) {
	defer func() {
		if recover() != nil {
			tab = nil
		}
	}()
	var a goja.Value = goja.StringFromUTF16([]uint16{'a', 'b'})
	if t := reflect.TypeOf(a); t.Kind() != reflect.String || t.PkgPath() != "github.com/dop251/goja" {
		return nil
	}
	tab = (*ifaceWords)(unsafe.Pointer(&a)).tab
	vm := goja.New()
	long := "a string longer than sixteen bytes"
	var b ASCIIBatch
	vals := []goja.Value{b.value(tab, "ab"), b.value(tab, long)}
	vm.Set("vals", vm.NewArray(vals[0], vals[1]))
	vm.Set("want", vm.NewArray(vm.ToValue("ab"), vm.ToValue(long)))
	v, err := vm.RunString(`vals.every((s, i) => typeof s === 'string' && s === want[i] && s.length === want[i].length &&
		s + 'é' === want[i] + 'é' && s.charCodeAt(1) === want[i].charCodeAt(1) && JSON.stringify(s) === JSON.stringify(want[i]) &&
		new Map([[want[i], 1]]).get(s) === 1 && ({ [s]: 1 })[want[i]] === 1 && s.slice(1) === want[i].slice(1))`)
	if err != nil || !v.ToBoolean() || vals[0].String() != "ab" || vals[1].String() != long {
		return nil
	}
	return tab
})
