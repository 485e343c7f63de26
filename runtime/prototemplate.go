package runtime

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// The methods gojs puts on goja's built-in prototypes (the locale stubs, String.prototype's
// isWellFormed and toWellFormed, Object.prototype's __defineGetter__ & co.) join those
// prototypes' templates as the lazy globals join the global object's (globaltemplate.go): goja
// makes its prototypes' own methods on first use, and ours are made the same way, so a runtime
// does not build the ones it never calls. A runtime's prototypes point at templates made once
// per process (the methods find their runtime through the global object's template), and the
// methods that goja lacks are listed after goja's, where defining them at start put them.

// protoMethods lists, for each prototype (by its constructor's global name), the methods gojs
// gives it in the order they are defined; length is a locale stub's length, make the function.
type protoMethod struct {
	name   string
	length int
	make   func(rt *Runtime, proto *goja.Object, m *protoMethod) *goja.Object
}

type protoKind struct {
	ctor    string
	methods []protoMethod
}

func makeLocaleStub(rt *Runtime, proto *goja.Object, m *protoMethod) *goja.Object {
	return rt.localeStub(proto, m.name, m.length)
}

func makeWellFormed(rt *Runtime, _ *goja.Object, m *protoMethod) *goja.Object {
	isWF, toWF := rt.wellFormedFuncs()
	if m.name == "isWellFormed" {
		return isWF
	}
	return toWF
}

func makeLegacyAccessor(rt *Runtime, _ *goja.Object, m *protoMethod) *goja.Object {
	return rt.legacyAccessor(m.name, rt.lazy.gopd)
}

var protoKinds = []protoKind{
	{"String", []protoMethod{{"isWellFormed", 0, makeWellFormed}, {"toWellFormed", 0, makeWellFormed}, {"localeCompare", 1, makeLocaleStub},
		{"toLocaleLowerCase", 0, makeLocaleStub}, {"toLocaleUpperCase", 0, makeLocaleStub},
		{"anchor", 1, makeHTMLMethod}, {"big", 0, makeHTMLMethod}, {"blink", 0, makeHTMLMethod}, {"bold", 0, makeHTMLMethod},
		{"fixed", 0, makeHTMLMethod}, {"fontcolor", 1, makeHTMLMethod}, {"fontsize", 1, makeHTMLMethod},
		{"italics", 0, makeHTMLMethod}, {"link", 1, makeHTMLMethod}, {"small", 0, makeHTMLMethod},
		{"strike", 0, makeHTMLMethod}, {"sub", 0, makeHTMLMethod}, {"sup", 0, makeHTMLMethod}}},
	{"Number", []protoMethod{{"toLocaleString", 0, makeLocaleStub}}},
	{"BigInt", []protoMethod{{"toLocaleString", 0, makeLocaleStub}}},
	{"Date", []protoMethod{{"toLocaleString", 0, makeLocaleStub}, {"toLocaleDateString", 0, makeLocaleStub}, {"toLocaleTimeString", 0, makeLocaleStub},
		{"getYear", 0, makeDateLegacy}, {"setYear", 1, makeDateLegacy}, {"toGMTString", 0, makeDateLegacy}}},
	{"Array", []protoMethod{{"toLocaleString", 0, makeLocaleStub}}},
	{"Object", []protoMethod{{"__defineGetter__", 0, makeLegacyAccessor}, {"__defineSetter__", 0, makeLegacyAccessor},
		{"__lookupGetter__", 0, makeLegacyAccessor}, {"__lookupSetter__", 0, makeLegacyAccessor}}},
}

// protoTemplate is a prototype's template with our methods: orig is goja's (the same in every
// runtime), tmpl ours, added the names goja's lacks.
type protoTemplate struct {
	orig, tmpl unsafe.Pointer
	added      []unistring.String
	keep       reflect.Value // (holds tmpl)
}

var (
	protoTemplatesOnce sync.Once
	protoTemplatesV    []protoTemplate
)

// protoTemplatesFrom are the prototypes' templates, made once per process from the first
// runtime's prototypes (goja's templates are the same in every runtime); nil when the layout is
// unknown or a prototype is not a templated object.
func protoTemplatesFrom(protos *[6]*goja.Object) []protoTemplate {
	protoTemplatesOnce.Do(func() { protoTemplatesV = makeProtoTemplates(protos) })
	return protoTemplatesV
}

func makeProtoTemplates(protos *[6]*goja.Object) []protoTemplate {
	lay := globalTemplate()
	if !lay.ok {
		return nil
	}
	out := make([]protoTemplate, len(protoKinds))
	for k := range protoKinds {
		kind := &protoKinds[k]
		orig, ok := lay.templateOf(protos[k])
		if !ok {
			return nil
		}
		base := reflect.NewAt(lay.tmplType, orig).Elem()
		origProps := reflect.NewAt(lay.propsType, unsafe.Add(orig, lay.propsOff)).Elem()
		add := map[string]globalTemplateFactory{}
		pt := protoTemplate{orig: orig}
		for i := range kind.methods {
			m := &kind.methods[i]
			if !origProps.MapIndex(reflect.ValueOf(unistring.String(m.name))).IsValid() {
				pt.added = append(pt.added, unistring.String(m.name))
			}
			k := k
			add[m.name] = func(r *goja.Runtime) goja.Value {
				l := lazyOwnerOf(lay, r)
				if l == nil || l.protos[k] == nil {
					return nil
				}
				fn := m.make(l.rt, l.protos[k], m)
				return lay.ownProperty(r, m.name, func(o *goja.Object) {
					_ = o.DefineDataProperty(m.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
				})
			}
		}
		for name, guard := range protoGuards[kind.ctor] { // (guardtemplate.go)
			if f := lay.guardFactory(origProps, name, guard); f != nil {
				add[name] = f
			}
		}
		t := lay.extend(base, add)
		if len(pt.added) > 0 {
			names := reflect.NewAt(reflect.TypeFor[[]unistring.String](), unsafe.Add(t.Addr().UnsafePointer(), lay.tmplNamesOff)).Elem()
			all := append(append([]unistring.String(nil), names.Interface().([]unistring.String)...), pt.added...)
			names.Set(reflect.ValueOf(all))
		}
		pt.tmpl, pt.keep = t.Addr().UnsafePointer(), t
		out[k] = pt
	}
	return out
}

// attachProtoTemplates points the runtime's built-in prototypes at protoTemplates, which make
// gojs's methods on them on first use. False (nothing changed) when they cannot be used: the
// methods are then defined at start.
func (rt *Runtime) attachProtoTemplates() bool {
	l := rt.lazy
	if l == nil || !l.attached {
		return false
	}
	lay := globalTemplate()
	vm := rt.vm
	var protos [6]*goja.Object
	for k := range protoKinds {
		ctor, ok := vm.Get(protoKinds[k].ctor).(*goja.Object)
		if !ok {
			return false
		}
		if protos[k], ok = ctor.Get("prototype").(*goja.Object); !ok {
			return false
		}
	}
	pts := protoTemplatesFrom(&protos)
	if pts == nil {
		return false
	}
	for k, proto := range protos {
		if t, ok := lay.templateOf(proto); !ok || t != pts[k].orig {
			return false
		}
	}
	// (Object.getOwnPropertyDescriptor as it is now: a program's later change of it changes nothing)
	gopd, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor"))
	l.gopd = gopd
	l.protos = protos
	for k, proto := range protos {
		lay.setTemplate(proto, pts[k].tmpl, pts[k].added)
	}
	return true
}

// templateOf is the template of a templated object.
func (l *globalTemplateLayout) templateOf(o *goja.Object) (unsafe.Pointer, bool) {
	s := l.self(o)
	if s.tab != l.tmplTab && s.tab != l.tmplArrayTab {
		return nil, false
	}
	return *(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff)), true
}

// setTemplate points the templated object o at tmpl, and appends added to its names if it has
// its own list already (else it takes tmpl's, which has them).
func (l *globalTemplateLayout) setTemplate(o *goja.Object, tmpl unsafe.Pointer, added []unistring.String) {
	s := l.self(o)
	if own := (*[]unistring.String)(unsafe.Add(s.data, l.namesOff)); *own != nil && len(added) > 0 {
		all := make([]unistring.String, 0, len(*own)+len(added))
		*own = append(append(all, *own...), added...)
	}
	*(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff)) = tmpl
}
