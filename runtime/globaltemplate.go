package runtime

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// goja makes its own globals (Object, Array, JSON, Map...) on first use: the global object is a
// "templated" object whose template maps each name to a factory, and a property is made when it
// is first read, defined, deleted or listed with its value (Object.keys, for-in), and stored in
// the object as if it had always been there. Names alone (Object.getOwnPropertyNames) come from
// the list of names without making anything.
//
// The lazy globals (lazyglobals.go) join that template: each runtime's global object points at
// a template of its own that adds a factory for each of them (making the accessor, or the
// forwarder, exactly as defining it eagerly would), and its list of names gets their names in
// node's order. Nothing a script can do tells the difference: every way to reach a property
// goes through goja's template code, which makes it first. A runtime that uses a few of the ~70
// lazy globals no longer makes a function object for each of the others (about 680 allocations
// and 50 KB a runtime).
//
// It reads and writes goja's unexported structs through offsets found by reflect once
// (templatedObject.tmpl, baseObject.values and .propNames, objectTemplate.props), and checks the
// whole mechanism on a probe runtime first; if a goja upgrade changes anything, the lazy globals
// are defined eagerly, as before.

type globalTemplateLayout struct {
	ok        bool
	selfOff   uintptr        // goja.Object.self
	tmplTab   unsafe.Pointer // the itab of *templatedObject as an objectImpl
	baseTab   unsafe.Pointer // the itab of *baseObject (a plain object)
	tmplOff   uintptr        // templatedObject.tmpl
	namesOff  uintptr        // templatedObject's propNames
	valuesOff uintptr        // baseObject.values, in a plain object
	gojaTmpl  unsafe.Pointer // goja's own global object template (one per process)
	tmplType  reflect.Type   // goja.objectTemplate
	propsOff  uintptr        // objectTemplate.props
	propsType reflect.Type   // map[unistring.String]templatePropFactory
	wrapType  reflect.Type   // struct{ T objectTemplate; L *lazyGlobals }: a runtime's template
	ownerOff  uintptr        // the L field
	propTab   unsafe.Pointer // the itab of *valueProperty as a goja.Value
	valueOff  uintptr        // valueProperty.value
	accOff    uintptr        // valueProperty.accessor

	// for newDataProp (nil propType when unknown): goja.valueProperty and its attributes
	propType                  reflect.Type
	writOff, enumOff, confOff uintptr

	tmplArrayTab unsafe.Pointer // the itab of *templatedArrayObject (Array.prototype)
	tmplNamesOff uintptr        // objectTemplate.propNames

	// for lazymembers.go's templatize (nil tmplObjType when unknown)
	tmplObjType   reflect.Type // goja.templatedObject
	baseObjType   reflect.Type // goja.baseObject
	baseInTmplOff uintptr      // templatedObject.baseObject
	protoMatOff   uintptr      // templatedObject.protoMaterialised
}

type ifacePair struct{ tab, data unsafe.Pointer }

// globalTemplateFactory is the signature of goja's templatePropFactory.
type globalTemplateFactory = func(*goja.Runtime) goja.Value

var (
	globalTemplateOnce sync.Once
	globalTemplateV    *globalTemplateLayout
)

// globalTemplate is the layout, probed once per process on a runtime of its own.
func globalTemplate() *globalTemplateLayout { return globalTemplateFrom(nil) }

// globalTemplateFrom is the layout, probed (the first time) on vm, a new runtime that nothing has
// run on yet: the probe only reads its objects' types and makes two objects nobody sees (a
// separate runtime to probe would cost each process's first runtime a tenth of a millisecond).
func globalTemplateFrom(vm *goja.Runtime) *globalTemplateLayout {
	globalTemplateOnce.Do(func() {
		if vm == nil {
			vm = goja.New()
		}
		globalTemplateV = probeGlobalTemplate(vm)
	})
	return globalTemplateV
}

// fieldOffset is the offset of the field at the end of a path of embedded fields.
func fieldOffset(t reflect.Type, name string) (reflect.StructField, uintptr, bool) {
	f, ok := t.FieldByName(name)
	if !ok {
		return f, 0, false
	}
	var off uintptr
	cur := t
	for _, i := range f.Index {
		sf := cur.Field(i)
		off += sf.Offset
		cur = sf.Type
	}
	return f, off, true
}

func probeGlobalTemplate(vm *goja.Runtime) (l *globalTemplateLayout) {
	l = &globalTemplateLayout{}
	defer func() {
		if recover() != nil {
			l = &globalTemplateLayout{}
		}
	}()
	sf, ok := modules.GojaObjectSelf()
	if !ok {
		return l
	}
	l.selfOff = sf.Offset
	g := vm.GlobalObject()
	impl := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(g), sf.Offset)).Elem().Elem()
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.templatedObject" {
		return l
	}
	tt := impl.Type().Elem()
	tf, tmplOff, ok := fieldOffset(tt, "tmpl")
	if !ok || tf.Type.Kind() != reflect.Pointer || tf.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	nf, namesOff, ok := fieldOffset(tt, "propNames")
	if !ok || nf.Type != reflect.TypeFor[[]unistring.String]() {
		return l
	}
	l.tmplOff, l.namesOff = tmplOff, namesOff
	l.tmplType = tf.Type.Elem()
	pf, ok := l.tmplType.FieldByName("props")
	if !ok || len(pf.Index) != 1 || pf.Type.Kind() != reflect.Map || pf.Type.Key() != reflect.TypeFor[unistring.String]() ||
		!reflect.TypeFor[globalTemplateFactory]().ConvertibleTo(pf.Type.Elem()) {
		return l
	}
	l.propsOff, l.propsType = pf.Offset, pf.Type
	tnf, ok := l.tmplType.FieldByName("propNames")
	if !ok || len(tnf.Index) != 1 || tnf.Type != reflect.TypeFor[[]unistring.String]() {
		return l
	}
	l.tmplNamesOff = tnf.Offset
	// Array.prototype is a templated object that is also an array: the same fields, at the same
	// places
	ap := vm.NewArray().Prototype()
	aimpl := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(ap), sf.Offset)).Elem().Elem()
	if aimpl.Kind() != reflect.Pointer || aimpl.Type().String() != "*goja.templatedArrayObject" {
		return l
	}
	if _, off, ok := fieldOffset(aimpl.Type().Elem(), "tmpl"); !ok || off != tmplOff {
		return l
	}
	if _, off, ok := fieldOffset(aimpl.Type().Elem(), "propNames"); !ok || off != namesOff {
		return l
	}
	l.tmplArrayTab = l.self(ap).tab
	l.tmplTab = l.self(g).tab
	l.gojaTmpl = *(*unsafe.Pointer)(unsafe.Add(l.self(g).data, l.tmplOff))

	plain := vm.NewObject()
	pimpl := reflect.NewAt(sf.Type, unsafe.Add(unsafe.Pointer(plain), sf.Offset)).Elem().Elem()
	if pimpl.Kind() != reflect.Pointer || pimpl.Type().String() != "*goja.baseObject" {
		return l
	}
	vf, valuesOff, ok := fieldOffset(pimpl.Type().Elem(), "values")
	if !ok || vf.Type != reflect.TypeFor[map[unistring.String]goja.Value]() {
		return l
	}
	l.valuesOff = valuesOff
	l.baseTab = l.self(plain).tab
	if bf, ok := tt.FieldByName("baseObject"); ok && bf.Anonymous && len(bf.Index) == 1 && bf.Type == pimpl.Type().Elem() {
		if pm, pmOff, ok := fieldOffset(tt, "protoMaterialised"); ok && pm.Type.Kind() == reflect.Bool {
			l.tmplObjType, l.baseObjType, l.baseInTmplOff, l.protoMatOff = tt, bf.Type, bf.Offset, pmOff
		}
	}

	l.wrapType = reflect.StructOf([]reflect.StructField{
		{Name: "T", Type: l.tmplType},
		{Name: "L", Type: reflect.TypeFor[*lazyGlobals]()},
	})
	l.ownerOff = l.wrapType.Field(1).Offset
	hidden := l.ownProperty(vm, "h", func(o *goja.Object) {
		_ = o.DefineDataProperty("h", plain, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	})
	hv := reflect.ValueOf(hidden)
	if hv.Kind() != reflect.Pointer || hv.Type().String() != "*goja.valueProperty" {
		return l
	}
	vpf, ok := hv.Type().Elem().FieldByName("value")
	if !ok || len(vpf.Index) != 1 || vpf.Type != reflect.TypeFor[goja.Value]() {
		return l
	}
	af, ok := hv.Type().Elem().FieldByName("accessor")
	if !ok || len(af.Index) != 1 || af.Type.Kind() != reflect.Bool {
		return l
	}
	l.valueOff, l.accOff = vpf.Offset, af.Offset
	l.propTab = (*ifacePair)(unsafe.Pointer(&hidden)).tab
	if l.dataValue(hidden) != plain {
		return l
	}
	// for newDataProp: the attributes' places (left unknown if not plain bools)
	pt := hv.Type().Elem()
	wf, okW := pt.FieldByName("writable")
	ef, okE := pt.FieldByName("enumerable")
	cf, okC := pt.FieldByName("configurable")
	if okW && okE && okC && wf.Type.Kind() == reflect.Bool && ef.Type.Kind() == reflect.Bool && cf.Type.Kind() == reflect.Bool &&
		len(wf.Index) == 1 && len(ef.Index) == 1 && len(cf.Index) == 1 {
		l.propType, l.writOff, l.enumOff, l.confOff = pt, wf.Offset, ef.Offset, cf.Offset
	}

	// (TestGlobalTemplateRound checks the whole mechanism on a runtime of its own)
	l.ok = true
	return l
}

// ownNames lists the own string keys of a templated object as Object.getOwnPropertyNames does,
// without making any property (goja.Object's GetOwnPropertyNames makes them all); nil when o is
// not a templated object whose names are made.
func (l *globalTemplateLayout) ownNames(o *goja.Object) []string {
	if !l.ok {
		return nil
	}
	s := l.self(o)
	if s.tab != l.tmplTab {
		return nil
	}
	own := *(*[]unistring.String)(unsafe.Add(s.data, l.namesOff))
	if own == nil {
		return nil
	}
	names := make([]string, len(own))
	for i, n := range own {
		names[i] = n.String()
	}
	return names
}

func (l *globalTemplateLayout) self(o *goja.Object) ifacePair {
	return *(*ifacePair)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
}

// extend makes a template (once per process): base (goja's global template when not valid) with
// the factories added, or put in place of base's.
func (l *globalTemplateLayout) extend(base reflect.Value, add map[string]globalTemplateFactory) reflect.Value {
	if !base.IsValid() {
		base = reflect.NewAt(l.tmplType, l.gojaTmpl).Elem()
	}
	t := reflect.New(l.tmplType)
	t.Elem().Set(base)
	origProps := reflect.NewAt(l.propsType, unsafe.Add(base.Addr().UnsafePointer(), l.propsOff)).Elem()
	props := reflect.MakeMapWithSize(l.propsType, origProps.Len()+len(add))
	for it := origProps.MapRange(); it.Next(); {
		props.SetMapIndex(it.Key(), it.Value())
	}
	for name, f := range add {
		props.SetMapIndex(reflect.ValueOf(unistring.String(name)), reflect.ValueOf(f).Convert(l.propsType.Elem()))
	}
	reflect.NewAt(l.propsType, unsafe.Add(t.UnsafePointer(), l.propsOff)).Elem().Set(props)
	return t.Elem()
}

// wrapGoja is a factory for goja's own global name: goja's factory, then then on what it made.
func (l *globalTemplateLayout) wrapGoja(name string, then func(r *goja.Runtime, v goja.Value) goja.Value) globalTemplateFactory {
	orig := reflect.NewAt(l.propsType, unsafe.Add(l.gojaTmpl, l.propsOff)).Elem().MapIndex(reflect.ValueOf(unistring.String(name)))
	f := orig.Convert(reflect.TypeFor[globalTemplateFactory]()).Interface().(globalTemplateFactory)
	return func(r *goja.Runtime) goja.Value { return then(r, f(r)) }
}

// wrapGojaAround is wrapGoja for a change that must also run around goja's own making of the
// global: around gets the runtime and a function that makes it.
func (l *globalTemplateLayout) wrapGojaAround(name string, around func(r *goja.Runtime, make func() goja.Value) goja.Value) globalTemplateFactory {
	orig := reflect.NewAt(l.propsType, unsafe.Add(l.gojaTmpl, l.propsOff)).Elem().MapIndex(reflect.ValueOf(unistring.String(name)))
	f := orig.Convert(reflect.TypeFor[globalTemplateFactory]()).Interface().(globalTemplateFactory)
	return func(r *goja.Runtime) goja.Value { return around(r, func() goja.Value { return f(r) }) }
}

// dataValue is the value of a property as goja keeps it (the value itself, or a data property
// with attributes), or nil for an accessor.
func (l *globalTemplateLayout) dataValue(v goja.Value) goja.Value {
	p := (*ifacePair)(unsafe.Pointer(&v))
	if p.tab != l.propTab {
		return v
	}
	if *(*bool)(unsafe.Add(p.data, l.accOff)) {
		return nil
	}
	return *(*goja.Value)(unsafe.Add(p.data, l.valueOff))
}

// attach points g (a runtime's global object, still with goja's template) at its own copy of
// tmpl, owned by owner. It reports false, changing nothing, when g is not such an object.
func (l *globalTemplateLayout) attach(g *goja.Object, tmpl reflect.Value, owner *lazyGlobals) bool {
	if !l.ok {
		return false
	}
	s := l.self(g)
	if s.tab != l.tmplTab || *(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff)) != l.gojaTmpl {
		return false
	}
	w := reflect.New(l.wrapType)
	w.Elem().Field(0).Set(tmpl)
	*(**lazyGlobals)(unsafe.Add(w.UnsafePointer(), l.ownerOff)) = owner
	*(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff)) = w.UnsafePointer()
	return true
}

// retemplate gives g (attached, with its list of names made) tmpl in place of its template, and
// appends names to its names, with the own property move (if it has one) put after the name
// after. It reports false, changing nothing, when g is not attached.
func (l *globalTemplateLayout) retemplate(g *goja.Object, tmpl reflect.Value, names []string, move, after string) bool {
	s := l.self(g)
	if s.tab != l.tmplTab {
		return false
	}
	t := *(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff))
	if t == l.gojaTmpl {
		return false
	}
	own := (*[]unistring.String)(unsafe.Add(s.data, l.namesOff))
	if *own == nil {
		return false
	}
	all := make([]unistring.String, 0, len(*own)+len(names))
	moved := false
	for _, n := range *own {
		if n == unistring.String(move) && move != "" {
			moved = true
			continue
		}
		all = append(all, n)
	}
	for _, n := range names {
		all = append(all, unistring.String(n))
		if moved && n == after {
			all = append(all, unistring.String(move))
			moved = false
		}
	}
	if moved {
		all = append(all, unistring.String(move))
	}
	reflect.NewAt(l.tmplType, t).Elem().Set(tmpl)
	*own = all
	return true
}

// lazyOwnerOf is the lazyGlobals whose template vm's global object has, or nil.
func lazyOwnerOf(l *globalTemplateLayout, vm *goja.Runtime) *lazyGlobals {
	s := l.self(vm.GlobalObject())
	if s.tab != l.tmplTab {
		return nil
	}
	t := *(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff))
	if t == l.gojaTmpl {
		return nil
	}
	return *(**lazyGlobals)(unsafe.Add(t, l.ownerOff))
}

// ownProperty returns the property define gives name on a plain object, as goja keeps it (the
// value, or the value with its attributes), for a template factory to return.
func (l *globalTemplateLayout) ownProperty(vm *goja.Runtime, name string, define func(o *goja.Object)) goja.Value {
	o := vm.NewObject()
	define(o)
	s := l.self(o)
	if s.tab != l.baseTab {
		return nil
	}
	return (*(*map[unistring.String]goja.Value)(unsafe.Add(s.data, l.valuesOff)))[unistring.String(name)]
}
