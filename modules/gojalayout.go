package modules

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// GojaObjectSelf is goja.Object's unexported field self, the interface that holds an object's
// implementation: the layout probes of fastget, slots and buffer's views start from it. ok is
// false when goja's Object no longer has such a field (the probes then leave their fast paths
// off).
func GojaObjectSelf() (f reflect.StructField, ok bool) {
	f, ok = reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || f.Type.Kind() != reflect.Interface || f.Type.Size() != unsafe.Sizeof(ifaceWords{}) {
		return reflect.StructField{}, false
	}
	return f, true
}
