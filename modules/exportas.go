package modules

import (
	"reflect"

	"github.com/dop251/goja"
)

// The export types of the objects whose Export builds a Go copy of their properties: a plain
// object (an error, a class instance, a function's prototype...) and an array, a Map, a Set.
var (
	objectExportType = reflect.TypeOf(map[string]any(nil))
	arrayExportType  = reflect.TypeOf([]any(nil))
	mapExportType    = reflect.TypeOf([][2]any(nil))
)

// ExportAs is v's Go value when it is a T: the state of a handle (NewDynamicObject or ToValue of
// a Go value), a Proxy, a Promise, a Date's time, an ArrayBuffer, a typed array's elements, a
// function's body, a primitive's value. It is false, without reading v, for a plain object, an
// array, a Map or a Set: goja's Export of those reads every property (running the program's
// getters, which may throw) and every element, recursively, to build a map or slice that a
// check for a type then throws away. (ExportAs[map[string]any] and the like still export.)
func ExportAs[T any](v goja.Value) (T, bool) {
	var zero T
	if v == nil {
		return zero, false
	}
	if o, isObj := v.(*goja.Object); isObj {
		switch typ := o.ExportType(); typ {
		case objectExportType, arrayExportType, mapExportType:
			if typ != reflect.TypeFor[T]() {
				return zero, false
			}
		}
	}
	t, ok := v.Export().(T)
	return t, ok
}

// ExportCheap is v's Export where that reads nothing of v (see ExportAs), else nil: for a
// type switch over the Go values v may hold.
func ExportCheap(v goja.Value) any {
	if v == nil {
		return nil
	}
	if o, isObj := v.(*goja.Object); isObj {
		switch o.ExportType() {
		case objectExportType, arrayExportType, mapExportType:
			return nil
		}
	}
	return v.Export()
}

// Truthy reports whether v is truthy; a missing value (nil: no such property) is not.
func Truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }
