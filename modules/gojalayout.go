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

// SloppyFunction reports whether fn is a plain function of sloppy code (function f() {} outside
// strict code: no arrow, method, class, generator or async function), which V8 gives own
// arguments and caller properties (null, read-only) that goja's do not have. false when goja's
// layout is not the one expected.
func SloppyFunction(fn *goja.Object) bool {
	sf, ok := GojaObjectSelf()
	if !ok || fn == nil {
		return false
	}
	self := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(fn), sf.Offset)).Elem()
	if self.IsNil() || self.Elem().Kind() != reflect.Pointer || self.Elem().Elem().Kind() != reflect.Struct {
		return false
	}
	impl := self.Elem().Elem()
	if impl.Type().Name() != "funcObject" {
		return false
	}
	strict := impl.FieldByName("strict")
	return strict.IsValid() && strict.Kind() == reflect.Bool && !strict.Bool()
}
