package runtime

import (
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// Lazy constants (modules.Host.LazyConstants): an object of read-only constants such as
// fs.constants (80 of them, made in every runtime that requires fs, read by few programs) is a
// templated object, as goja makes Math's: each property is made, with its attributes, the first
// time it is read, defined, deleted or listed with its value, and its names list in their order
// without making anything. The template is made once per process per key; the values are
// primitives, which belong to no runtime.

type constTemplate struct {
	names []string
	tmpl  unsafe.Pointer
	keep  reflect.Value // (holds tmpl)
}

var constTemplates sync.Map // key -> *constTemplate

// newDataProp is goja's data property (its *valueProperty, as a template factory returns one) of
// v with these attributes, or nil when goja's layout is unknown.
func (l *globalTemplateLayout) newDataProp(v goja.Value, writable, enumerable, configurable bool) goja.Value {
	if l.propType == nil {
		return nil
	}
	p := reflect.New(l.propType).UnsafePointer()
	*(*goja.Value)(unsafe.Add(p, l.valueOff)) = v
	*(*bool)(unsafe.Add(p, l.writOff)) = writable
	*(*bool)(unsafe.Add(p, l.enumOff)) = enumerable
	*(*bool)(unsafe.Add(p, l.confOff)) = configurable
	var out goja.Value
	*(*ifacePair)(unsafe.Pointer(&out)) = ifacePair{tab: l.propTab, data: p}
	return out
}

// lazyConstants makes an extensible null-prototype object with names[i] = values[i], each
// enumerable, read-only and non-configurable, whose properties are made on first use; nil when
// goja's layout does not allow it (the caller then defines them). values must be primitives.
// Loop only.
func (rt *Runtime) lazyConstants(key string, names []string, values []goja.Value) *goja.Object {
	lay := globalTemplate()
	if !lay.canTemplatize() || lay.propType == nil || len(names) != len(values) || eagerMembersForTest {
		return nil
	}
	t := constTemplateFor(lay, key, names, values)
	if t == nil {
		return nil
	}
	obj := rt.vm.CreateObject(nil)
	if !lay.templatize(obj, t.tmpl, nil) {
		return nil
	}
	return obj
}

func constTemplateFor(lay *globalTemplateLayout, key string, names []string, values []goja.Value) *constTemplate {
	if v, ok := constTemplates.Load(key); ok {
		t := v.(*constTemplate)
		if !slices.Equal(t.names, names) {
			return nil
		}
		return t
	}
	add := make(map[string]globalTemplateFactory, len(names))
	for i, name := range names {
		if _, dup := add[name]; dup {
			return nil
		}
		v := values[i]
		add[name] = func(*goja.Runtime) goja.Value { return lay.newDataProp(v, false, true, false) }
	}
	tv := lay.newTemplate(add)
	order := make([]unistring.String, len(names))
	for i, n := range names {
		order[i] = unistring.String(n)
	}
	*(*[]unistring.String)(unsafe.Add(tv.Addr().UnsafePointer(), lay.tmplNamesOff)) = order
	t := &constTemplate{names: append([]string(nil), names...), tmpl: tv.Addr().UnsafePointer(), keep: tv}
	v, _ := constTemplates.LoadOrStore(key, t)
	return v.(*constTemplate)
}
