package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// V8 reads Error.stackTraceLimit as a data property (GetDataProperty): a getter in its place is
// not called, and the error gets no stack, as for any limit that is not a number. goja's Get
// would call it, and asking for the property's descriptor on every error made costs a call into
// JS; so the replacement Error's own property table is read directly (its map found once, by
// reflect, through goja's layout: globaltemplate.go), and only a limit that is not an own
// property (deleted, or inherited) is looked up the slow way.

var stackTraceLimitKey = unistring.String("stackTraceLimit")

// ownValuesOf is a pointer to o's own property table (baseObject.values, in whatever object
// type embeds it), or nil when goja's layout is not the one expected.
func ownValuesOf(o *goja.Object) *map[unistring.String]goja.Value {
	sf, ok := modules.GojaObjectSelf()
	if !ok || o == nil {
		return nil
	}
	self := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(o), sf.Offset)).Elem()
	if self.IsNil() || self.Elem().Kind() != reflect.Pointer || self.Elem().Elem().Kind() != reflect.Struct {
		return nil
	}
	impl := self.Elem()
	vf, off, ok := fieldOffset(impl.Type().Elem(), "values")
	if !ok || vf.Type != reflect.TypeFor[map[unistring.String]goja.Value]() {
		return nil
	}
	return (*map[unistring.String]goja.Value)(unsafe.Add(impl.UnsafePointer(), off))
}

// stackTraceLimitValue is Error.stackTraceLimit as V8 reads it: undefined for an accessor.
func (s *stackAPI) stackTraceLimitValue() goja.Value {
	if !s.limitTableDone {
		s.limitTableDone = true
		if l := globalTemplate(); l.propTab != nil {
			s.limitTable = ownValuesOf(s.errorCtor)
		}
	}
	if s.limitTable != nil {
		if v, ok := (*s.limitTable)[stackTraceLimitKey]; ok {
			if v = globalTemplate().dataValue(v); v == nil {
				return goja.Undefined() // an accessor
			}
			return v
		}
	}
	return modules.DataProperty(s.rt.vm, s.errorCtor, s.rt.vm.ToValue("stackTraceLimit"))
}
