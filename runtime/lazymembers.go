package runtime

import (
	"reflect"
	"strconv"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// Lazy members: a built-in's exports object whose functions are made on first use.
//
// A built-in's glue made every function it exports when it loaded: require('fs') made about a
// hundred function objects (nine allocations and some 700 bytes each) that most programs never
// read. modules.Module.LazyExports (lazyexports.go in package modules) moves the exported
// functions that nothing else in the glue names into one maker, `function (name) { switch (name)
// { case 'open': return function open(...) {...}; ... } }`, leaves `open: void 0` in the
// exports literal to keep the property's place, and has the glue call members(exports, maker,
// names, key) right after the literal. members turns the exports object into one of goja's
// templated objects (what goja makes its own built-ins with, globaltemplate.go) whose template
// makes each of those properties, by calling the maker, the first time anything reads, defines,
// deletes or lists it with its value. Nothing a script can do tells the difference: the
// property is a plain data property in its place, with the same function (name, length, source
// text) as before.
//
// The template is made once per process per key; its factories find the runtime through the
// global object's template (lazyOwnerOf) and the maker in rt.lazyMakers. Without goja's layout
// (or the global template), members makes every function at once, as before.

var lazyMembersModule = modules.Module{Name: "internal/lazy_members", Internal: true, Bind: bindLazyMembers}

func bindLazyMembers(h *modules.Host, b *goja.Object) error {
	rt := h.State(runtimeStateKey, func() any { return (*Runtime)(nil) }).(*Runtime)
	return b.Set("members", func(c goja.FunctionCall) goja.Value {
		obj, _ := c.Argument(0).(*goja.Object)
		maker, ok := goja.AssertFunction(c.Argument(1))
		arr, _ := c.Argument(2).(*goja.Object)
		if obj == nil || !ok || arr == nil {
			panic(rt.vm.NewTypeError("members: bad arguments"))
		}
		n := int(arr.Get("length").ToInteger())
		names := make([]string, n)
		for i := range names {
			names[i] = arr.Get(strconv.Itoa(i)).String()
		}
		rt.lazyMembers(obj, c.Argument(3).String(), maker, names)
		return goja.Undefined()
	})
}

// eagerMembersForTest makes lazyMembers make every member at once, as without the layout.
var eagerMembersForTest bool

// membersTemplate is the template of key's objects: a factory per lazy member.
type membersTemplate struct {
	names []string
	tmpl  unsafe.Pointer
	keep  reflect.Value // (holds tmpl)
}

var membersTemplates sync.Map // key -> *membersTemplate

// lazyMembers makes obj's properties names (each holding undefined) lazy members made by maker.
func (rt *Runtime) lazyMembers(obj *goja.Object, key string, maker goja.Callable, names []string) {
	lay := globalTemplate()
	if rt.lazy != nil && rt.lazy.attached && lay.canTemplatize() && !eagerMembersForTest {
		if t := membersTemplateFor(lay, key, names); t != nil && lay.templatize(obj, t.tmpl, names) {
			if rt.lazyMakers == nil {
				rt.lazyMakers = map[string]goja.Callable{}
			}
			rt.lazyMakers[key] = maker
			return
		}
	}
	// eager: every member now, in its place
	for _, name := range names {
		v, err := maker(goja.Undefined(), rt.vm.ToValue(name))
		if err != nil {
			panic(err)
		}
		if err := obj.Set(name, v); err != nil {
			panic(err)
		}
	}
}

// membersTemplateFor is key's template, made on first use; nil if names are not those it was
// made for.
func membersTemplateFor(lay *globalTemplateLayout, key string, names []string) *membersTemplate {
	if v, ok := membersTemplates.Load(key); ok {
		t := v.(*membersTemplate)
		if !sameNames(t.names, names) {
			return nil
		}
		return t
	}
	add := make(map[string]globalTemplateFactory, len(names))
	for _, name := range names {
		add[name] = func(r *goja.Runtime) goja.Value {
			l := lazyOwnerOf(lay, r)
			if l == nil {
				return nil
			}
			mk := l.rt.lazyMakers[key]
			if mk == nil {
				return nil
			}
			v, err := mk(goja.Undefined(), r.ToValue(name))
			if err != nil {
				panic(err)
			}
			return v
		}
	}
	tv := lay.newTemplate(add)
	t := &membersTemplate{names: append([]string(nil), names...), tmpl: tv.Addr().UnsafePointer(), keep: tv}
	v, _ := membersTemplates.LoadOrStore(key, t)
	return v.(*membersTemplate)
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// newTemplate makes a template (once per process) of the factories in add alone.
func (l *globalTemplateLayout) newTemplate(add map[string]globalTemplateFactory) reflect.Value {
	t := reflect.New(l.tmplType)
	props := reflect.MakeMapWithSize(l.propsType, len(add))
	for name, f := range add {
		props.SetMapIndex(reflect.ValueOf(unistring.String(name)), reflect.ValueOf(f).Convert(l.propsType.Elem()))
	}
	reflect.NewAt(l.propsType, unsafe.Add(t.UnsafePointer(), l.propsOff)).Elem().Set(props)
	return t.Elem()
}

// canTemplatize reports whether templatize can work with this goja.
func (l *globalTemplateLayout) canTemplatize() bool { return l.ok && l.tmplObjType != nil }

// templatize turns obj, a plain object whose own properties names all hold undefined, into a
// templated object of tmpl that has the same prototype, extensibility and properties, in the
// same order, but names made by tmpl's factories on first use. It reports false, changing
// nothing, when obj is not such an object.
func (l *globalTemplateLayout) templatize(obj *goja.Object, tmpl unsafe.Pointer, names []string) bool {
	s := l.self(obj)
	if s.tab != l.baseTab {
		return false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(s.data, l.valuesOff))
	for _, n := range names {
		if v, ok := values[unistring.String(n)]; !ok || v == nil || !goja.IsUndefined(v) {
			return false
		}
	}
	nv := reflect.New(l.tmplObjType)
	p := nv.UnsafePointer()
	reflect.NewAt(l.baseObjType, unsafe.Add(p, l.baseInTmplOff)).Elem().Set(reflect.NewAt(l.baseObjType, s.data).Elem())
	for _, n := range names {
		delete(values, unistring.String(n))
	}
	*(*unsafe.Pointer)(unsafe.Add(p, l.tmplOff)) = tmpl
	*(*bool)(unsafe.Add(p, l.protoMatOff)) = true
	self := (*ifacePair)(unsafe.Add(unsafe.Pointer(obj), l.selfOff))
	self.data = p
	self.tab = l.tmplTab
	return true
}
